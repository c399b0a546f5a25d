"""Words hyphenated at a line end on a scanned page, joined again ("Verwal-" + "tung") where a
scan's words are judged against the word list (:mod:`.layer_quality`).

A scan's text — its own OCR layer or Tesseract's reading — keeps the printed line breaks, so a
word divided at a line end is two words, "Verwal-" on one line and "tung" on the next, and
neither is a word of the list. The layout keeps them as printed, as it does on born-digital
pages (the fields and the running text join them, :func:`~ratsdoc.text.normalize.join_lines`);
the judgment reads a copy of the lines in which, where the next line continues the same
paragraph, the two are joined on the upper line by :func:`~ratsdoc.text.normalize.join_at_break`,
the rule every join of lines uses: the hyphen goes before a lower-case continuation, stays
before a capital ("Kita-" + "Ausbau" → "Kita-Ausbau"), and a conjunction keeps the words apart
("Ein-" + "und Ausgang"). Table cells are joined by :mod:`ratsdoc.layout.cells` with the same rule.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from ..layout.lines import Line
from ..text.normalize import join_at_break

if TYPE_CHECKING:
    from ..layout.lines import Token

#: A gap between two words of a line wider than this many line heights marks columns or table
#: cells: the line's last word may then end a cell, not the paragraph's line.
COLUMN_GAP = 2.0
#: The next line must start within this many line heights of the line's left edge (a paragraph's
#: lines start at one x; an indented first line is allowed for).
ALIGN = 3.0
#: ... and begin within this many line heights below the line's top (the next line, not the next paragraph).
NEXT_LINE = 2.2


def _single_run(tokens: tuple[Token, ...] | list[Token]) -> bool:
    """Whether the words of a line are one run of text, without a column or cell gap."""
    for left, right in itertools.pairwise(tokens):
        height = max(left.bottom - left.top, right.bottom - right.top, 1.0)
        if right.x0 - left.x1 > COLUMN_GAP * height:
            return False
    return True


def _continues(upper: Line, lower: Line) -> bool:
    """Whether ``lower`` is the next line of ``upper``'s paragraph."""
    if upper.page != lower.page or upper.furniture or lower.furniture:
        return False
    height = max(upper.bottom - upper.top, 1.0)
    return (
        0 < lower.top - upper.top <= NEXT_LINE * height
        and abs(lower.x0 - upper.x0) <= ALIGN * height
        and lower.x0 < upper.x1
        and _single_run(upper.tokens)
        and _single_run(lower.tokens)
    )


def joined_copy(lines: list[Line]) -> list[Line]:
    """A copy of ``lines`` (in reading order) with every word divided at a line end joined on
    the upper line (:func:`join_hyphenated`); ``lines`` stay as they are."""
    return join_hyphenated([Line(line.page, line.tokens, line.furniture) for line in lines])


def join_hyphenated(lines: list[Line]) -> list[Line]:
    """``lines`` (in reading order) with every word divided at a line end joined on the upper
    line and taken off the lower one; a line left without words goes."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and previous.tokens and line.tokens and _continues(previous, line):
            last, first = previous.tokens[-1], line.tokens[0]
            joined = None
            if last.box is None and first.box is None and not last.bullet and not first.bullet:
                joined = join_at_break(last.text, first.text)
            if joined is not None:
                previous.tokens = (*previous.tokens[:-1], replace(last, text=joined))
                rest = line.tokens[1:]
                if not rest:
                    continue
                line.tokens = rest
        out.append(line)
    return out
