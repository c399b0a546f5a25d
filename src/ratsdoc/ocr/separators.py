"""The middle dot "·" between two words of an address line, which the speck filter took out.

A letterhead or a footer sets its parts apart with a middle dot and a space on either side
("Rathausplatz 1 · 52062 Aachen"). At 9–11 pt the dot is as small as dust, and with a space on
each side no letter is near it, so :func:`~.filters.despeckle` takes it out with the specks and
Tesseract never sees it, or Tesseract passes over it where the filter left it. It is put back
from the page's ink and the mask of the specks taken out (:func:`~.filters.prepare_specks`)
where a speck cannot be told from it only by chance: the one
blob in a gap between two words of a line :data:`DOT_GAP` line heights wide (two spaces
and the dot; not the white between two columns), round, centred on the middle of the line (where a "·" sits) and on the
middle of the gap. Dust falls anywhere; one speck in that small spot is rare, and a
justified line's wide space has no dot.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from .engine import OcrWord
from .ink import ink_blobs, ink_columns, strict_runs, tesseract_lines

if TYPE_CHECKING:
    import numpy as np

#: The gap a middle dot stands in, in line heights: a space, the dot and a space (at most,
#: more than the 0.6-0.9 it takes: wider is the white between columns, where dust may lie).
DOT_GAP = (0.45, 1.5)
#: Where the dot's centre is, across the gap (shares of its width) and down the line (shares
#: of the line's height from its top): on the small letters' middle, above a full stop on the
#: baseline (at 0.7 and more of a line with descenders).
ACROSS, DOWN = (0.3, 0.7), (0.3, 0.62)
#: The dot's width and height, in line heights, and how far from round it may be.
DOT_SIZE = (0.04, 0.25)
DOT_ASPECT = (0.5, 2.0)


def _dot(region: np.ndarray, height: int) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom) of the one blob in ``region`` (a gap's specks, the
    line's full height) if it is a middle dot, else None."""
    runs = strict_runs(ink_columns(region))
    if len(runs) != 1:
        return None
    first, last = runs[0]
    blobs = ink_blobs(region[:, first : last + 1])
    if len(blobs) != 1:
        return None
    _, top, _, bottom = blobs[0]
    wide, high = last - first + 1, bottom - top
    if not all(DOT_SIZE[0] * height <= side <= DOT_SIZE[1] * height for side in (wide, high)):
        return None
    if not DOT_ASPECT[0] <= wide / high <= DOT_ASPECT[1]:
        return None
    across = (first + last + 1) / 2 / region.shape[1]
    down = (top + bottom) / 2 / height
    if not (ACROSS[0] <= across <= ACROSS[1] and DOWN[0] <= down <= DOWN[1]):
        return None
    return first, top, last + 1, bottom


def middle_dots(ink: np.ndarray, specks: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with a "·" word added for each middle dot found in ``ink`` or ``specks`` (the
    speck filter's mask) between two words of a line (see the module docstring)."""
    added: list[OcrWord] = []
    for line in tesseract_lines(words):
        top, bottom = line[0].line_top, line[0].line_bottom
        height = bottom - top
        if height < 8:
            continue
        for before, after in itertools.pairwise(line):
            if before is line[0] and len(before.text) <= 2 and not before.text.isdigit():
                continue  # a list bullet read as a word ("e", "«"): its white is no separator's
            start, end = before.left + before.width + 1, after.left - 1
            if not DOT_GAP[0] * height <= end - start <= DOT_GAP[1] * height or start < 0 or top < 0:
                continue
            region = ink[top:bottom, start:end] | specks[top:bottom, start:end]
            if region.size == 0 or not region.any():
                continue
            dot = _dot(region, height)
            if dot is None:
                continue
            left, dot_top, right, dot_bottom = dot
            confidence = min(before.confidence, after.confidence)
            added.append(
                OcrWord("·", start + left, top + dot_top, right - left, dot_bottom - dot_top, top, bottom, confidence)
            )
    return [*words, *added] if added else words
