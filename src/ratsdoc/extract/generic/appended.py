"""Another paper appended to the paper in one file: an Anfrage with the administration's
answer after it, a motion with the statement on it. The paper's own fields come from the pages
before it; a warning says that a second document follows.

A page opens another paper when it follows the paper's closing formula ("Mit freundlichen
Grüßen" on an earlier page) and its top part carries the other paper's heading ("Antwort der
Verwaltung", "Beantwortung der Anfrage", "Stellungnahme der Verwaltung"; the reader
vocabulary's ``appended_headings``), or a new letterhead together with a date line. Papers
without a closing formula (Vorlagen, whose "Stellungnahme der Verwaltung" is a section of
their own) are cut only at a page whose top has all three: letterhead, date line and heading
(a scanned letter whose closing a stamp or a pen made unreadable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from ...layout.lines import Line
from ...regions import Layout
from .closing import is_closing
from .heading import is_letterhead
from .letter_fields import type_from_lines
from .vocabulary import ReaderVocabulary, reader_vocabulary

#: The share of a page from its top that holds the heading or letterhead of a new paper.
HEAD_SHARE = 0.4
#: A label alone over a list of attachments ("Anlagen:", "Anlage/n:", "Beilagen:").
_LIST_LABEL = regex.compile(r"^\s*(?:Anlagen?|Anlage\s*/\s*n|Anh(?:a|ä)nge?|Beilagen?)\s*:\s*$", regex.IGNORECASE)
#: A date line ("Würzburg, 16.09.2024", "Datum: 3. März 2024").
_DATE_LINE = regex.compile(
    r"(?:^\p{Lu}[\p{L}. -]+,\s*(?:den\s+)?|^Datum:?\s*)\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+)\s*\d{4}\s*$"
)


def appended_start(lines: Sequence[Line], heights: dict[int, float], *, fuzzy: int = 0) -> tuple[int, Line] | None:
    """The page where another paper starts after this one's closing, with the line that shows
    it; None when the file holds one paper. ``heights`` are the page heights by number."""
    vocab = reader_vocabulary()
    closed = min((line.page for line in lines if is_closing(line.text)), default=None)
    # A type alone heads another paper only where the first page names another type: a letter
    # behind its cover sheet repeats the cover's ("Petition" over "Petition").
    first = type_from_lines([line for line in lines if not line.furniture], vocab)
    own = first[0] if first is not None else None
    heading = vocab.appended_re(fuzzy)
    pages: dict[int, list[Line]] = {}
    # A sender and a date line standing where the paper's own stood on page 1 may have been taken
    # for a running head: the question's type under them still says a paper starts.
    marked: dict[int, list[Line]] = {}
    for line in lines:
        if line.page > 1 and line.top < HEAD_SHARE * heights.get(line.page, 842.0):
            (marked if line.furniture else pages).setdefault(line.page, []).append(line)
    for number in sorted(pages):
        head = pages[number]
        if closed is None or number <= closed:
            # No closing read before this page (a stamp or a pen over it; the one found may be
            # the appended paper's own): only a whole new head counts.
            if _fresh_paper(head, heading, marked.get(number, []), own):
                return number, head[0]
            continue
        before = [line for line in lines if line.page < number and not line.furniture and line.text]
        if before and before[-1].text.rstrip().endswith(":"):
            continue  # "Anlagen:" at the foot of the page before: its list goes on here
        for line in head:
            if _LIST_LABEL.match(line.text):
                break  # "Anlagen:" heads this page: "Stellungnahme" below it is an attachment, no paper
            if _heads(heading, line.text):
                return number, line
        letterhead = next((line for line in head if is_letterhead(line.text, vocab)), None)
        if letterhead is not None and any(_DATE_LINE.search(line.text) for line in head):
            return number, letterhead
        typed = next((line for line in head if _lone_type(line.text, vocab, own)), None)
        if typed is not None and any(_DATE_LINE.search(line.text) for line in [*head, *marked.get(number, [])]):
            return number, typed  # "Anfrage" under its date line: the question the paper answers
    return None


def without_appended(layout: Layout, *, fuzzy: int = 0) -> tuple[Layout, tuple[int, Line] | None]:
    """``layout`` without the pages of another paper appended to it (see :func:`appended_start`),
    and where that paper starts."""
    heights = {page.number: page.height for page in layout.pages}
    found = appended_start(layout.lines, heights, fuzzy=fuzzy)
    if found is None:
        return layout, None
    # Everything else stays: the OCR doubts too, or the paper's fields lose their warnings.
    return replace(layout, lines=[line for line in layout.lines if line.page < found[0]]), found


def _fresh_paper(
    head: Sequence[Line], heading: regex.Pattern[str], marked: Sequence[Line] = (), own: str | None = None
) -> bool:
    """Whether the top of a page opens a paper of its own with everything a paper's head has: a
    letterhead, a date line and an answer's heading ("Beantwortung der Anfrage"). Only such a
    page cuts a file whose closing formula was not read (a stamp or a pen over it); a Vorlage's
    section "Stellungnahme der Verwaltung" stands under no letterhead and date line. The question
    an answer replies to may follow it too: its type alone on its line ("Interpellation") under
    its sender and date line, which may be among the ``marked`` lines taken for a running head."""
    vocab = reader_vocabulary()
    headed = [line for line in head if _heads(heading, line.text)]
    if headed and all(_own_type(line.text, vocab, own) for line in headed):
        # The paper's own type at the top of a later page ("Anfragebeantwortung" over page 2 of
        # an answer) is its running head; its date line and signature may stand below it.
        headed = []
    if headed:
        return any(_DATE_LINE.search(line.text) for line in head) and any(
            is_letterhead(line.text, vocab) for line in head
        )
    around = [*head, *marked]
    return (
        any(_lone_type(line.text, vocab, own) for line in head)
        and any(_DATE_LINE.search(line.text) for line in around)
        and any(is_letterhead(line.text, vocab) or vocab.party_re.search(line.text) for line in around)
    )


def _heads(heading: regex.Pattern[str], text: str) -> bool:
    """Whether ``text`` is an appended paper's heading: not a label with text after its colon
    ("Antwort: Die Kosten belaufen sich ...", an answer's label inside the paper's own text)."""
    match = heading.match(text)
    return match is not None and not (match.group("rest") or "").strip()


def _own_type(text: str, vocab: ReaderVocabulary, own: str | None) -> bool:
    """Whether ``text`` opens with the type ``own`` that the first page names."""
    typed = vocab.type_re.match(text.strip())
    return typed is not None and own is not None and vocab.canonical_type(typed.group("type")) == own


def _lone_type(text: str, vocab: ReaderVocabulary, own: str | None) -> bool:
    """Whether ``text`` is a paper's type alone ("Anfrage", "Große Anfrage", "Interpellation")
    other than ``own``, the type the first page names (none: no type alone counts)."""
    typed = vocab.type_re.match(text.strip())
    if typed is None or typed.end() != len(text.strip()) or own is None:
        return False
    return vocab.canonical_type(typed.group("type")) != own
