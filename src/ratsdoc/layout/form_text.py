"""The values of a page's filled-in form fields as the page's text, at each field's place.

A fillable form keeps what was typed into a text field in the field (its /V) and in the widget's
appearance stream, not in the page's content, so neither engine's text extraction sees it: a
form's labels would be read without their values. Every engine hands its pages through
:func:`with_field_text`, which lays each text field's value out in the widget's box as a form
filler does (the field's font and size from its default appearance, the lines wrapped at the box,
left, centred or right as its quadding says) and adds the glyphs to the page's chars, so that
every later stage reads a value as the text standing there, with its box for provenance.

The value is the field's whole text. A box too small for it scrolls in a viewer, and the
appearance shows only a part; the text is then set narrower, and if need be smaller, so that
all of it stands inside the box (the lines do not run into the labels below), and a warning says
that the page shows less than the field holds. A field whose value the page's content already draws (a form flattened
but its fields kept) adds nothing.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from pdfminer.fontmetrics import FONT_METRICS

from ..issues import Issue, IssueCode
from .model import Annotation, Char, Page
from .pagetree import chars_cut

#: Space between a field's border and its text, in points (form fillers use 2).
PADDING = 2.0
#: Line pitch of a multi-line field, as a share of the font size.
LEADING = 1.15
#: Size of a single-line field's text when its appearance sizes it to the box (size 0), at most.
AUTO_SIZE = 12.0
#: Below this size a value is not set smaller: it is placed at this size whatever it covers.
MIN_SIZE = 3.0
#: A value too long for its box has its letters set down to this share of their width before
#: its size is lowered.
MIN_SQUEEZE = 0.5
#: Fraction of a field value's visible letters that, drawn already inside the box, show the page
#: draws the value itself.
DRAWN_SHARE = 0.6

#: Standard-14 fonts by the resource names form tools give them, for the glyph widths.
_FONTS = {"helv": "Helvetica", "tiro": "Times-Roman", "times": "Times-Roman", "cour": "Courier"}


def with_field_text(page: Page, max_chars: int) -> Page:
    """``page`` with the values of its text fields added to its chars (see the module's
    docstring), and a warning for each field whose box shows less than its value; the page
    itself when it has no filled-in text field. The page keeps to ``max_chars`` characters with
    its fields' text too (the engines' limit): a value past it is cut, with the limit's warning."""
    fields = [a for a in page.annotations if a.kind == "text_field" and a.value and a.value.strip()]
    if not fields:
        return page
    added: list[Char] = []
    warnings: list[Issue] = []
    wanted = len(page.chars)
    for annot in fields:
        if _drawn_already(page.chars, annot):
            continue
        room = max(0, max_chars - len(page.chars) - len(added))
        letters = sum(1 for ch in annot.value or "" if not ch.isspace())
        wanted += letters
        if not room:
            continue
        # A value longer than the room left is cut before it is laid out: a hostile field's
        # megabytes of text would otherwise be wrapped over and over.
        chars, hidden = field_chars(dataclasses.replace(annot, value=_first_letters(annot.value or "", room)))
        added += chars
        if hidden:
            name = f" '{annot.field_name}'" if annot.field_name else ""
            warnings.append(
                Issue(
                    IssueCode.FIELD_TEXT_HIDDEN,
                    f"page {page.number}: the form field{name} holds more text than its box shows; "
                    "the field's whole text was read",
                    page=page.number,
                    bbox=(annot.x0, annot.top, annot.x1, annot.bottom),
                )
            )
    if wanted > max_chars:
        warnings.append(chars_cut(page.number, wanted, max_chars))
    if not added and not warnings:
        return page
    return dataclasses.replace(page, chars=(*page.chars, *added), warnings=(*page.warnings, *warnings))


def _first_letters(value: str, count: int) -> str:
    """``value`` up to its ``count``-th letter that is no space (the whole value if it has fewer)."""
    seen = 0
    for index, ch in enumerate(value):
        if not ch.isspace():
            seen += 1
            if seen > count:
                return value[:index]
    return value


def field_chars(annot: Annotation) -> tuple[list[Char], bool]:
    """The glyphs of text field ``annot``'s value laid out in its box, and whether the box at the
    field's own size shows less than the whole value (it scrolls).

    A value too long for its box keeps its size as long as it can: its letters are set narrower
    (down to :data:`MIN_SQUEEZE` of their width, the spaces between words as wide as ever, so the
    words stay apart), and only then smaller. Its lines keep the pitch of its size, so the lines
    below a label read as a value of that size would."""
    value = (annot.value or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    width = max(1.0, annot.x1 - annot.x0 - 2 * PADDING)
    height = max(1.0, annot.bottom - annot.top - 2 * PADDING)
    font = _FONTS.get((annot.font or "").lower(), "Helvetica")
    if annot.multiline:
        size = annot.font_size or AUTO_SIZE
        hidden = bool(annot.font_size) and not _fits(_wrap(value, width, size, font, 1.0), size, height)
        squeeze = 1.0
        lines = _wrap(value, width, size, font, squeeze)
        while not _fits(lines, size, height) and (squeeze > MIN_SQUEEZE or size > MIN_SIZE):
            if squeeze > MIN_SQUEEZE:
                squeeze = max(MIN_SQUEEZE, squeeze - 0.1)
            else:
                size = max(MIN_SIZE, size * 0.9)
            lines = _wrap(value, width, size, font, squeeze)
        top = annot.top + PADDING
    else:
        text = " ".join(value.split())
        size = annot.font_size or min(AUTO_SIZE, max(MIN_SIZE, height / LEADING))
        hidden = bool(annot.font_size) and _width(text, size, font, 1.0) > width + size * 0.3
        squeeze = 1.0
        while _width(text, size, font, squeeze) > width and (squeeze > MIN_SQUEEZE or size > MIN_SIZE):
            if squeeze > MIN_SQUEEZE:
                squeeze = max(MIN_SQUEEZE, squeeze - 0.05)
            else:
                size = max(MIN_SIZE, size * 0.9)
        lines = [text]
        # A single line stands in the middle of its box, as form fillers draw it.
        top = annot.top + max(0.0, (annot.bottom - annot.top - size) / 2)
    chars: list[Char] = []
    for index, line in enumerate(lines):
        line_top = top + index * size * LEADING
        used = _width(line, size, font, squeeze)
        x = annot.x0 + PADDING
        if annot.align == 1:
            x += max(0.0, (width - used) / 2)
        elif annot.align == 2:
            x += max(0.0, width - used)
        for letter in line:
            if letter.isspace():
                x += _glyph(" ", font) * size / 1000
                continue
            advance = _glyph(letter, font) * size / 1000 * squeeze
            chars.append(Char(letter, x, line_top, x + advance, line_top + size, font, size))
            x += advance
    return chars, hidden


def _fits(lines: list[str], size: float, height: float) -> bool:
    """Whether ``lines`` at ``size`` stand within a box ``height`` high (the last line's descent
    may touch the border)."""
    return len(lines) * size * LEADING <= height + size * 0.3


def _wrap(value: str, width: float, size: float, font: str, squeeze: float) -> list[str]:
    """The lines of ``value`` wrapped at ``width``: each paragraph (a line break of the value)
    on lines of its own, an empty paragraph an empty line, a word too long for a line alone."""
    lines: list[str] = []
    space = _glyph(" ", font) * size / 1000
    for paragraph in value.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line, used = words[0], _width(words[0], size, font, squeeze)
        for word in words[1:]:
            extra = space + _width(word, size, font, squeeze)
            if used + extra > width:
                lines.append(line)
                line, used = word, _width(word, size, font, squeeze)
            else:
                line, used = f"{line} {word}", used + extra
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _width(text: str, size: float, font: str, squeeze: float) -> float:
    """The width of ``text``: its letters at ``squeeze`` of their width, its spaces whole."""
    letters = sum(_glyph(letter, font) for letter in text if not letter.isspace()) * squeeze
    spaces = sum(_glyph(" ", font) for letter in text if letter.isspace())
    return (letters + spaces) * size / 1000


@cache
def _glyph(letter: str, font: str) -> float:
    """The advance width of ``letter`` in the standard font, in thousandths of the size."""
    widths = FONT_METRICS[font][1]
    width = widths.get(letter)
    if width is None:  # a letter the font's metrics do not know: as wide as an average one
        return 556.0 if font != "Courier" else 600.0
    return float(width)


def _drawn_already(chars: tuple[Char, ...], annot: Annotation) -> bool:
    """Whether the page's content draws ``annot``'s value inside its box itself (a flattened
    appearance over a field left in the file): most of the value's letters stand there."""
    inside = [
        c.text
        for c in chars
        if annot.x0 <= (c.x0 + c.x1) / 2 <= annot.x1 and annot.top <= (c.top + c.bottom) / 2 <= annot.bottom
    ]
    if not inside:
        return False
    letters = "".join((annot.value or "").split())[:200]
    drawn = "".join("".join(inside).split())
    if not letters:
        return True
    shared = sum(1 for a, b in zip(letters, drawn, strict=False) if a == b)
    return shared >= DRAWN_SHARE * min(len(letters), len(drawn)) and len(drawn) >= DRAWN_SHARE * min(len(letters), 40)
