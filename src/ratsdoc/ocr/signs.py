"""The section sign that OCR reads as a dollar sign: "nach $ 3 GO" is "nach § 3 GO".

Tesseract often reads the "§" of a small or blurred print as "$". German papers cite rules
with "§" before a paragraph's number; a dollar sign standing alone before a number, or doubled
("$$ 3, 4" for "§§"), is no German way of writing an amount (that is "3 $" or "3 USD"), so there
it is the section sign. A "$" joined to its number ("$3") or anywhere else stays as read.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .engine import OcrWord

#: A paragraph's number after the sign: "3", "12a", "4,", "35.".
_PARAGRAPH = regex.compile(r"^\d{1,4}[a-z]?[.,;:)]?$")


def section_signs(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with a lone "$" (or "$$") before a paragraph's number on its line read "§" ("§§")."""
    following: dict[int, OcrWord] = {}
    lines: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault((word.line_top, word.line_bottom), []).append(word)
    for line in lines.values():
        line.sort(key=lambda w: w.left)
        for before, after in itertools.pairwise(line):
            following[id(before)] = after
    result = []
    for word in words:
        nxt = following.get(id(word))
        if word.text in ("$", "$$") and nxt is not None and _PARAGRAPH.match(nxt.text):
            word = replace(word, text="§" * len(word.text))
        result.append(word)
    return result
