"""Words of a title that OCR misread, spelled back where the word list leaves one reading.

On a worn copy Tesseract loses an umlaut's dots ("Eroffnung", "Burgerhaus"), reads one shape
for another ("Emeuerung" for "Erneuerung"), cuts a word in two ("Stadtentw icklungskonzeptes")
or glues a small word to the next ("dasJahr"), sure of itself, so the OCR stage's own mends
(:mod:`ratsdoc.ocr.umlauts`, :mod:`ratsdoc.ocr.strokes`), which act on unsure words only, leave
them. A title is read to be quoted and searched: a word set back is worth more there than in
running text. A word is spelled back only where :func:`~.ocr_spelling.spelled_back` finds
exactly one German reading, never a name the paper prints the same way elsewhere (unless only
dots are lost, which a scan's font loses wherever the word stands); two pieces are joined only
where neither is a German word and together they surely are (:func:`~.ocr_spelling.joined_back`).
Every word set back is named in a warning on the field: a reading the reader chose is still a
doubt, never a silent value.

Fields: a paper's ``title``, and the title and decision of each agenda item read on an OCRed
page. Senders and bodies are names and stay as read (:mod:`.ocr_spelling` warns about them).
"""

from __future__ import annotations

from collections import Counter

import regex

from ..issues import IssueCode
from ..meeting_models import AgendaItem
from ..ocr.lexicon import lexicon
from .context import Context
from .ocr_spelling import DOTLESS_SMALL, glued_small_word, joined_back, spelled_back

#: A word: a run of letters with no letter or digit glued to it ("Mitte1" is no word to mend).
_WORD = regex.compile(r"(?<![\p{L}\d])\p{L}+(?![\p{L}\d])")
_LETTERS = regex.compile(r"\p{L}+")
#: A word OCR cut in two with a space: a word, then a piece in small letters.
_SPLIT = regex.compile(r"(?<![\p{L}\d])(?P<first>\p{L}{2,}) (?P<second>\p{Ll}{2,})(?![\p{L}\d])")
#: A small word glued to the capitalised word after it ("dasJahr").
_GLUED = regex.compile(r"(?<![\p{L}\d])(?P<small>\p{Ll}{2,3})(?P<word>\p{Lu}\p{Ll}{2,})(?![\p{L}\d])")
#: Words shorter than this are left, but for the small words :func:`spelled_back` knows.
_MIN_LETTERS = 5


def spelled_value(value: str, words: frozenset[str], seen: Counter[str]) -> tuple[str, list[tuple[str, str]]]:
    """``value`` with each misread word spelled back, and the pairs (as read, as set back)."""
    own = Counter(_LETTERS.findall(value))
    mended: list[tuple[str, str]] = []

    def mend(match: regex.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        capitals = sum(ch.isupper() for ch in word)
        if capitals > 1 or (capitals == 1 and not word[0].isupper()):
            return word  # "SPD", "AfD", "eGov": abbreviations and names
        if len(word) < _MIN_LETTERS and lower not in DOTLESS_SMALL:
            return word
        reading = spelled_back(lower, words)
        if reading is None:
            return word
        if seen[word] > own[word] and reading.translate(_UNDOTTED) != lower:
            return word  # printed so elsewhere too: a name, unless only dots were lost
        if word[0].isupper():
            reading = reading[0].upper() + reading[1:]
        mended.append((word, reading))
        return reading

    def join(match: regex.Match[str]) -> str:
        first, second = match.group("first"), match.group("second")
        joined = joined_back(first, second, words)
        if joined is None:
            return match.group()
        mended.append((match.group(), joined))
        return joined

    def split(match: regex.Match[str]) -> str:
        small, word = match.group("small"), match.group("word")
        if not glued_small_word(small, word, words):
            return match.group()
        mended.append((match.group(), f"{small} {word}"))
        return f"{small} {word}"

    value = _GLUED.sub(split, _SPLIT.sub(join, value))
    return _WORD.sub(mend, value), mended


_UNDOTTED = str.maketrans("äöü", "aou")


def spell_back_titles(ctx: Context) -> None:
    """Spell back the misread words of the title and of the agenda items read on OCRed pages, and
    name each word set back in a warning on its field."""
    ocr_pages = set(ctx.layout.ocr_pages)
    if not ocr_pages:
        return  # born-digital text: nothing to mend, and the word list is not loaded
    words = lexicon()
    if words is None:
        return
    seen = Counter(word for line in ctx.lines for word in _LETTERS.findall(line.text))
    title = ctx.fields.values.get("title")
    where = [p for p in ctx.fields.provenance.get("title") or [] if p.page in ocr_pages]
    if isinstance(title, str) and where:
        value, mended = spelled_value(title, words, seen)
        if mended:
            ctx.fields.values["title"] = value
            ctx.warn(IssueCode.VALUE_UNCERTAIN, f"title: {_told(mended)}", where[0].page, field="title")
    items = ctx.fields.values.get("agenda_items")
    if isinstance(items, list) and items:
        ctx.fields.values["agenda_items"] = [
            _spelled_item(ctx, index, item, words, seen, ocr_pages) for index, item in enumerate(items)
        ]


def _spelled_item(
    ctx: Context, index: int, item: AgendaItem, words: frozenset[str], seen: Counter[str], ocr_pages: set[int]
) -> AgendaItem:
    """``item`` with the misread words of its title and decision spelled back, when it was read
    on an OCRed page."""
    where = ctx.fields.items.get(f"agenda_items[{index}]") or []
    if not any(p.page in ocr_pages for p in where):
        return item
    update: dict[str, str] = {}
    told: list[tuple[str, str]] = []
    for name in ("title", "decision"):
        value = getattr(item, name)
        if isinstance(value, str):
            spelled, mended = spelled_value(value, words, seen)
            if mended:
                update[name] = spelled
                told += mended
    if not update:
        return item
    label = f"agenda item {item.number}" if item.number else f"agenda item {index + 1}"
    page = next(p.page for p in where if p.page in ocr_pages)
    ctx.warn(IssueCode.VALUE_UNCERTAIN, f"{label}: {_told(told)}", page, field="agenda_items")
    return item.model_copy(update=update)


def _told(mended: list[tuple[str, str]]) -> str:
    """The words set back, for a warning."""
    pairs = ", ".join(f"{was!r} as {now!r}" for was, now in mended)
    return f"OCR's {pairs} spelled back (the only German reading of each)"
