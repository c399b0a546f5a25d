"""Stamp and pen remnants that OCR read as words inside the running text of a scan: a stamp's
lower edge read as a lone "N" or "u" far right of a sentence's last word, a tick read as "\\/"
or "—__." on a line of its own, a note's scrap read as "Ben" with almost no confidence. They are
no text of the paper and ended the reasons or a request item ("... zu beantragen. N"); the
extractors read the layout without them. Print stays: every rule asks for OCR's doubt or a token
without a letter or digit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from ..layout.lines import Line, Token
from ..ocr.confidence import OcrDoubt
from ..regions import Layout
from .ocr_noise import read_as, with_tokens

#: A stray after a line's last word stands apart from it by more than this many of the line's
#: sizes (a word space is a third of one; the generated scans' strays stood 1.7-6 sizes apart).
STRAY_GAP = 1.5
#: ... has at most this many characters and no digit (a table's number cell stays) ...
STRAY_CHARS = 2
#: ... and was read with less confidence than this (0..100; print reads 85-96).
STRAY_CONFIDENCE = 70.0
#: A line of text before the stray has at least this many words (a label and its value in a
#: table row stand apart too).
_TEXT_WORDS = 3
#: A line of a single token is a scrap when it holds no letter or digit, when it is one or two
#: small letters read unsure, or when it is a short word read with less confidence than this.
SCRAP_CONFIDENCE = 40.0
SCRAP_CHARS = 3
_WORDLIKE = regex.compile(r"[\p{L}\d]")
_SMALL = regex.compile(r"^\p{Ll}{1,2}$")


def _confidence(token: Token, doubts: Sequence[OcrDoubt]) -> float | None:
    """The confidence OCR read ``token`` with when it was unsure of it (a word in ``doubts``), else None."""
    return next((word.confidence for word in doubts if read_as(token, word)), None)


def _unsure(token: Token, doubts: Sequence[OcrDoubt], below: float) -> bool:
    confidence = _confidence(token, doubts)
    return confidence is not None and confidence < below


def trailing_stray(line: Line, doubts: Sequence[OcrDoubt]) -> Token | None:
    """The last word of ``line`` when it is a stray (see the module's docstring): far apart
    from a line of text, short, no digit, read unsure; else None."""
    words = line.words
    if len(words) <= _TEXT_WORDS:
        return None
    last, before = words[-1], words[-2]
    text = last.text.strip()
    stray = (
        last.x0 - before.x1 > STRAY_GAP * line.text_size
        and len(text) <= STRAY_CHARS
        and not any(ch.isdigit() for ch in text)
        and _unsure(last, doubts, STRAY_CONFIDENCE)
    )
    return last if stray else None


def is_scrap_line(line: Line, doubts: Sequence[OcrDoubt]) -> bool:
    """Whether ``line`` holds one token only and it is a scrap: no letter or digit ("\\/",
    "—__."), one or two small letters read unsure ("m"), or a short word read nearly blind ("Ben")."""
    if len(line.tokens) != 1 or len(line.words) != 1:
        return False
    token = line.words[0]
    text = token.text.strip()
    if not _WORDLIKE.search(text):
        return True
    if _SMALL.match(text) and _unsure(token, doubts, STRAY_CONFIDENCE):
        return True
    # A long token read blind is print OCR could not vouch for (a web address it mended), no scrap.
    return len(text) <= SCRAP_CHARS and _unsure(token, doubts, SCRAP_CONFIDENCE)


def without_strays(layout: Layout) -> Layout:
    """``layout`` without the strays of its OCRed pages (see the module's docstring); the layout
    itself when it has none. Lines left without words are dropped."""
    pages = set(layout.ocr_pages)
    if not pages:
        return layout
    doubts = [word for word in layout.ocr_doubts if not word.dropped]
    lines: list[Line] = []
    changed = False
    for line in layout.lines:
        if line.page not in pages or line.furniture:
            lines.append(line)
            continue
        page_doubts = [word for word in doubts if word.page == line.page]
        if is_scrap_line(line, page_doubts):
            changed = True
            continue
        stray = trailing_stray(line, page_doubts)
        kept = with_tokens(line, [t for t in line.tokens if t is not stray])
        changed = changed or kept is not line
        if kept is not None:
            lines.append(kept)
    return replace(layout, lines=lines) if changed else layout


#: A box standing this close before a word (a share of the line's size) is a square capital read
#: as a box ("☐ezember"): letters of a word stand 0.05-0.11 line heights apart, a checkbox's label
#: 0.23-0.45 (docs/ocr.md, "The combined tree, eighth round").
LETTER_GAP = 0.15
#: A box in running text is followed by a clause: this many words or more, the first in small
#: letters, with words of the sentence before the box too ("... verbessern. Das ☒ hat dabei ...").
CLAUSE_WORDS = 5


def _box_in_text(tokens: Sequence[Token], index: int, size: float) -> bool:
    """Whether the box ``tokens[index]`` stands inside a line of running text: a letter of the
    word right after it, or a mark between two parts of a sentence (a pen's tick read as "x")."""
    box = tokens[index]
    after: list[Token] = []
    for token in tokens[index + 1 :]:
        if token.box is not None:
            break
        if not token.bullet:
            after.append(token)
    if not after:
        return False
    if after[0].x0 - box.x1 < LETTER_GAP * size and not after[0].text[:1].isupper():
        return True
    before = [t for t in tokens[:index] if t.box is None and not t.bullet]
    return bool(before) and len(after) >= CLAUSE_WORDS and after[0].text[:1].islower()


def without_boxes_in_text(layout: Layout) -> Layout:
    """``layout`` without the boxes found inside the running text of its OCRed pages (a square
    capital, a pen's tick typed into a sentence: see :func:`_box_in_text`); the line reads as text.
    The layout itself when it has none. Runs after the ticks are made boxes (:mod:`.ticks`)."""
    pages = set(layout.ocr_pages)
    lines: list[Line] = []
    changed = False
    for line in layout.lines:
        tokens = line.tokens
        if line.page not in pages or not any(t.box is not None for t in tokens):
            lines.append(line)
            continue
        size = line.text_size
        kept = [t for i, t in enumerate(tokens) if t.box is None or not _box_in_text(tokens, i, size)]
        if len(kept) == len(tokens):
            lines.append(line)
            continue
        changed = True
        lines.append(Line(line.page, kept, line.furniture))
    return replace(layout, lines=lines) if changed else layout
