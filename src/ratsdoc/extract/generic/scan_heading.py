"""The title of a scanned letter that sets it as a heading without a subject label: OCR gives no
bold and measures each line's size from its own letters (a title line of capitals and one of
small letters differ by half), so the heading is found by its place instead — the block of
aligned lines just above the salutation, under the type line or the address, with the paper's
number row, a stamp's remnants and the dateline left out."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...layout.lines import Line
from ...text.normalize import join_lines
from ..stamp_dates import is_stamp_text
from .closing import DATELINE
from .heading import LABEL_LIKE, MAX_HEADING_LINES, Found, ends_open, is_letterhead, is_remnant, is_salutation
from .letter_fields import is_type_line
from .vocabulary import ReaderVocabulary

#: Lines of one heading start at one x, give or take OCR's boxes.
_ALIGN = 12.0
#: Lines of one heading follow closely: the gap between two is under this share of a line's size.
_GAP = 1.0
#: A title has at least this many words (a lone word is a remnant or a type).
_MIN_WORDS = 3
#: Marks OCR read at a line's start (a punch hole as "©", a pen's tick as "~"): no words.
_LEADING_MARKS = regex.compile(r"^(?:[^\p{L}\d\s]+\s+)+")
#: The paper's number row under its title, its label misread ("Vorlagen-NAN/0324/2024").
_NUMBER_ROW = regex.compile(r"\d{1,5}\s?/\s?\d{2,4}\s*$")


def scan_heading_title(lines: Sequence[Line], vocab: ReaderVocabulary) -> Found | None:
    """The title block just above page 1's salutation on a scan; None where no salutation
    stands or the lines above it are the address, a date or a type line."""
    page_one = [line for line in lines if line.page == 1 and line.words]
    salutation = next((k for k, line in enumerate(page_one) if is_salutation(_text(line))), None)
    if salutation is None:
        return None
    block: list[Line] = []
    above = page_one[:salutation]
    for index in range(len(above) - 1, -1, -1):
        line, text = above[index], _text(above[index])
        if block and is_remnant(line, block[-1].x0):
            continue  # a stamp's remnant far right between the title's lines
        if not block and (_number_row(text) or is_remnant(line, min(ln.x0 for ln in page_one))):
            continue  # the number row under the title ("Antrag Nr.: 574/2025"), a remnant
        if is_stamp_text(text) and len(text.split()) <= _MIN_WORDS:
            continue  # what OCR read of an intake stamp beside the head
        if block and not _goes_on(line, block[-1]):
            break
        if is_type_line(line, vocab, ocr=True) or LABEL_LIKE.match(text) or is_letterhead(text, vocab):
            break
        if DATELINE.fullmatch(text) and not (index and _date_goes_on(above[index - 1], line)):
            break  # the dateline ("vom 23.05.2022" goes on with the title above it)
        block.append(line)
        if len(block) > MAX_HEADING_LINES:
            return None  # running text, not a heading
    block.reverse()
    title = join_lines([_text(line) for line in block])
    if not block or len(title.split()) < _MIN_WORDS:
        return None
    return title, block


def _date_goes_on(line: Line, date: Line) -> bool:
    """Whether the lone ``date`` ends the title's phrase on ``line`` above it ("nach dem Beschluss
    vom" over "19.05.2022"): a date with no place, aligned with the line, no gap, the line ending
    on a word no phrase ends on."""
    return bool(_BARE_DATE.fullmatch(_text(date).strip())) and _goes_on(line, date) and ends_open(_text(line))


#: A date alone, no place before it ("19.05.2022", "3. Mai 2022").
_BARE_DATE = regex.compile(r"\d{1,2}\.\s?(?:\d{1,2}\.\s?|\p{L}+\s)(?:19|20)\d{2}")


def _goes_on(line: Line, below: Line) -> bool:
    """Whether ``line`` is the heading line right above ``below``: aligned, no paragraph gap."""
    return abs(line.x0 - below.x0) <= _ALIGN and below.top - line.bottom <= _GAP * max(line.size, below.size)


def _text(line: Line) -> str:
    """The line's text without the marks OCR read before its first word."""
    return _LEADING_MARKS.sub("", line.text)


def _number_row(text: str) -> bool:
    """A label row ("Antrag Nr.: 574/2025") or a short row ending in a paper number."""
    return bool(LABEL_LIKE.match(text)) or (len(text.split()) <= _MIN_WORDS and bool(_NUMBER_ROW.search(text)))
