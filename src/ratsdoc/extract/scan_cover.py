"""Cover fields on a scanned page 1 where OCR broke their lines: a letterhead whose name worn
toner or a pen split into segments ("Fraktion DIE" | "LINKE in der ..."), and a number row whose
label OCR ran into the number ("Vorlagen-NAN/1826/2024"). Used by :mod:`.cover`."""

from __future__ import annotations

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token, tokens_text
from ..ocr.lexicon import is_german_word, lexicon
from ..text.dates import iter_dates
from .context import Context
from .stamp_dates import is_stamp_text

#: A number row whose label and value OCR ran together ("Vorlagen-NAN/1826/2024", "Drucksache
#: Nr0123/24"): a label's stem, then a paper number's shape.
_NUMBER_ROW_OCR = regex.compile(
    r"^\s*(?:Vorlage|Drucksache|Antrag|Anfrage|Antrags|Vorlagen)\S{0,8}\s*\S{0,4}\d{1,4}/\d{2,4}\b"
    # ... or whose number lost its slash to worn toner ("Anfrage Nr.: 9882023" for 988/2023).
    r"|^\s*(?:Vorlage|Drucksache|Antrag|Anfrage|Antrags|Vorlagen)\S{0,3}\s+Nr\.?\s?:?\s*\d{5,9}\s*$"
)


def warn_unread_number(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> None:
    """On a scan, a number row whose label OCR misread leaves the number unread: say so rather
    than give none silently."""
    for _, line, seg in segments:
        if line.page in ctx.layout.ocr_pages and _NUMBER_ROW_OCR.match(tokens_text(seg)):
            ctx.warn(
                IssueCode.FIELD_MISSING,
                f"number not read: OCR misread the number row {tokens_text(seg)!r} on page {line.page}",
                line.page,
                field="number",
            )
            return


#: On a scan, worn toner or a pen can open a gap inside the letterhead's name ("Fraktion DIE" |
#: "LINKE in der ..."): the name goes on in a segment that follows within this many line sizes.
_WORN_GAP = 6.0


#: Words right of this share of the page's width beside a letterhead are a mark (a pen's initials).
_TEXT_SHARE = 0.7


def goes_on_apart(ctx: Context, line: Line, seg: list[Token]) -> bool:
    """Whether the letterhead ``line`` holds words after ``seg`` that the sender was not read
    with: a gap too wide to bridge, then more of the name."""
    width = ctx.layout.pages[0].width if ctx.layout.pages else 595.0
    return any(
        later[0].x0 > seg[-1].x1 and later[0].x0 < _TEXT_SHARE * width and regex.search(r"\p{L}{3}", tokens_text(later))
        for later in line.segments()
    )


def worn_apart(line: Line, seg: list[Token]) -> list[Token]:
    """``seg`` with the segments of ``line`` that go on with it across gaps that lost letters,
    up to a mark read as signs or a lone letter (a pen's initials far right), a date or a stamp's
    word (a note or an intake stamp written beside the letterhead)."""
    tokens = list(seg)
    for later in [s for s in line.segments() if s[0].x0 > seg[-1].x1]:
        text = tokens_text(later)
        if later[0].x0 - tokens[-1].x1 > _WORN_GAP * line.size or not regex.search(r"\p{L}{2}", text):
            break
        if next(iter_dates(text, ocr=True), None) is not None or is_stamp_text(text):
            break  # a note or a stamp beside the letterhead ("BV 4 am 17.03.2024"): no name has a date
        tokens.extend(later)
    return tokens


#: The last word of a sender's line, letters only ("Frakti" of "AfD-Frakti").
_LAST_WORD = regex.compile(r"\p{L}{3,}$")
#: A word cut short loses at least this many letters (one may be an inflection's).
_CUT_LETTERS = 2


def cut_word(text: str, words: frozenset[str]) -> str | None:
    """The word of ``words`` whose start ``text`` ends in, cut short where a mark or worn toner
    took the rest of the line ("AfD-Frakti" for "Fraktion"); None when the last word is no such
    start, is a German word itself ("... im Rat der Stadt"), or no word list is installed."""
    last = _LAST_WORD.search(text)
    listed = lexicon()
    if last is None or listed is None:
        return None
    end = last.group()
    cut = next((w for w in sorted(words) if len(w) - len(end) >= _CUT_LETTERS and w.startswith(end)), None)
    return cut if cut is not None and not is_german_word(end, listed) else None


#: A word starting within this many of the sender's type sizes after its last word goes on with it.
_RUN_ON_GAP = 1.5


def read_on_elsewhere(lines: list[Line], line: Line, seg: list[Token]) -> bool:
    """Whether a word of another line stands right after ``seg`` at its height, covering it from
    top to bottom: OCR read the rest of the sender's line into the line below it, a mark over
    the word making its box tall ("CDU-Fraktion im Stadtrat" | "Würzburg," 23 pt high)."""
    last = seg[-1]
    return any(
        0 <= word.x0 - last.x1 <= _RUN_ON_GAP * line.size
        and word.top <= last.top + 1.0
        and word.bottom >= last.bottom
        and regex.search(r"\p{L}{3}", word.text) is not None
        for other in lines
        if other is not line and other.page == line.page
        for word in other.words
    )
