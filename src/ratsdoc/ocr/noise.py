"""Text-layer quality: words only an OCR engine's misreading gives, which mark a scan's own
OCR layer as not to be trusted."""

from __future__ import annotations

from dataclasses import replace
from statistics import median
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from ..layout.lines import Line
    from ..layout.model import Page

#: Letters OCR engines put for the digits 0 and 1.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_NUMBER_SHAPE = regex.compile(r"^[-+]?\d[\d.,/:%-]*\d%?$")
#: A digit among lower-case letters, where it stands for a letter ("0ffentlich", "Stra8e").
_DIGIT_IN_WORD = regex.compile(r"(?:^|\p{Ll})[01358]\p{Ll}{2}|\p{Ll}[01358]\p{Ll}")
_QUOTES_AND_STOPS = "()[]\"„“'‚‘.,;:!?"
_VOWELS = frozenset("aeiouyäöü")


def is_ocr_noise(word: str) -> bool:
    """Whether ``word`` can only be an OCR misreading, never text someone typed.

    Three shapes, chosen because clean text practically never has them (none occurs in the
    born-digital fixtures): a number or date with a letter for a digit ("31.1O.2023",
    "O815/23" — "VO/2024/300" and "3D" are not number-shaped with the letter made a digit); a
    lone digit among lower-case letters ("0ffentlich", "Stra8e"); a lower-case word of three or
    more letters without a vowel and without an abbreviation's full stop ("dcr", "nlcht").
    """
    core = word.strip(_QUOTES_AND_STOPS)
    if not core:
        return False
    letters = [ch for ch in core if ch.isalpha()]
    if any(ch.isdigit() for ch in core):
        if letters and _NUMBER_SHAPE.match(core.translate(_DIGIT_LOOKALIKES)):
            return True
        return bool(_DIGIT_IN_WORD.search(core)) and not regex.search(r"\d\d", core)
    return (
        len(core) >= 3
        and core.isalpha()
        and core.islower()
        and not word.endswith(".")
        and not _VOWELS.intersection(core)
        and len(set(core)) > 1
    )


def layer_noise(lines: list[Line]) -> list[str]:
    """The words of ``lines`` that :func:`is_ocr_noise` flags: a text layer with any of them
    was made by an OCR engine that misread the page."""
    return [t.text for line in lines for t in line.words if is_ocr_noise(t.text)]


#: A word of three or more rule marks is a rule or a frame edge an OCR engine read as text
#: ("-~~-------"); shorter runs of dashes are text ("–", "--") unless they stand beside one.
_RULE_TEXT = regex.compile(r"^[-–—_~=|]{3,}$")
_DASHES = regex.compile(r"^[-–—_~=|]{1,2}$")


def without_rules(lines: list[Line]) -> list[Line]:
    """``lines`` without the words an OCR layer read from rules (:data:`_RULE_TEXT`, and short
    dash runs next to such a word); lines left without tokens go. Tesseract's own words are
    filtered the same way when its output is read (:mod:`.tsv`), a scan's layer only here."""
    kept: list[Line] = []
    for line in lines:
        tokens = line.tokens
        rule = [t.box is None and not t.bullet and bool(_RULE_TEXT.match(t.text)) for t in tokens]
        if not any(rule):
            kept.append(line)
            continue
        # Left to right, so that a run of short dashes after a rule word goes with it.
        for i, token in enumerate(tokens):
            near = (i > 0 and rule[i - 1]) or (i + 1 < len(tokens) and rule[i + 1])
            if not rule[i] and near and token.box is None and _DASHES.match(token.text):
                rule[i] = True
        left = [t for t, r in zip(tokens, rule, strict=True) if not r]
        if left:
            line.tokens = left
            kept.append(line)
    return kept


#: A mark read as punctuation is taller than this many times the page's letters ...
_MARK_HEIGHT = 2.5
#: ... and ends within this share of the page's width from its left edge: punch holes and a
#: pen's strokes sit in the paper's first two centimetres, printed text starts after them.
_MARGIN_SHARE = 0.08


def without_edge_signs(page: Page) -> Page:
    """``page`` without the characters OCR read from punch holes and pen strokes at its left
    edge: signs that are neither letters nor digits, far taller than the page's letters.
    Left in, such a mark joins the text line beside it, and being tall it moves that line up
    past the line above it (a "-" 41 pt high before the last line of a paragraph)."""
    heights = [c.bottom - c.top for c in page.chars if c.text.isalnum()]
    if not heights:
        return page
    tall, margin = _MARK_HEIGHT * median(heights), _MARGIN_SHARE * page.width
    kept = tuple(
        c for c in page.chars if not (c.x1 <= margin and c.bottom - c.top > tall and not c.text.strip().isalnum())
    )
    return page if len(kept) == len(page.chars) else replace(page, chars=kept)
