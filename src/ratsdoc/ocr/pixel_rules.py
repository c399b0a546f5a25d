"""A scan's table rules, found in its pixels and handed on as page-model shapes.

A born-digital table draws its rules as vector shapes, and :mod:`ratsdoc.layout.cells` uses
them to keep a wrapped cell together: "Leitlinien zur Förderung der Chancen-" and
"gleichheit von Frauen und Männern" become one text on the row's line instead of two rows
that interleave with the cells beside them. A scan has only pixels, so its rows were read
line by line across all cells. :func:`rule_shapes` finds the rules in the render — dark runs
as long as :data:`~.filters.RULE_LENGTH`, the test that erases them before Tesseract reads —
and returns them as thin line shapes, so that a scanned table's cells are joined exactly as
a born-digital table's are.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..layout.model import Shape
from .filters import RULE_LENGTH, long_runs

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

#: Pixels darker than this are ink (as :func:`~.filters.without_rules` has it).
INK_LEVEL = 160
#: A rule is at most this thick (points) as found: its stroke, the rows its tilt spans over a
#: table's width (a scan turned by 0.2° drifts 2.5 pt over 700 pt) and :data:`TILT_REACH`.
#: Thicker dark runs are filled areas or bars.
MAX_THICKNESS = 6.0
#: Ink this close (points) across a rule's direction counts as on the rule's row: a slightly
#: tilted rule steps from one pixel row to the next, and without this its runs break at every
#: step and are too short to be rules.
TILT_REACH = 0.5
#: Runs in neighbouring rows whose ends lie within this many points belong to one rule (a scan
#: blurs a thin rule over a few rows of pixels).
END_SLACK = 2.0


def _row_runs(ink: np.ndarray, longest: int) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Each row of ``ink`` that holds runs of True at least ``longest`` long, with their
    (start, end) pairs, top to bottom; all rows' runs are found at once
    (:func:`~.filters.long_runs`), not row by row."""
    rows, starts, ends = long_runs(ink, longest)
    runs = zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)
    for row, group in itertools.groupby(runs, key=lambda run: run[0]):
        yield row, [(start, end) for _, start, end in group]


def _rules(ink: np.ndarray, longest: int, slack: int) -> list[tuple[int, int, int, int]]:
    """Rules along the rows of ``ink``: (first row, last row, start, end) in pixels.

    A run continues the rule whose run in the row just above ends within ``slack`` of its own
    ends; a rule that no run of the next row continues is done (rows without long runs, most
    of a page, end every open rule and are not looked at further).
    """
    open_rules: list[list[int]] = []
    done: list[tuple[int, int, int, int]] = []
    for index, runs in _row_runs(ink, longest):
        still: list[list[int]] = []
        for start, end in runs:
            match = next(
                (
                    r
                    for r in open_rules
                    if abs(r[2] - start) <= slack and abs(r[3] - end) <= slack and r[1] == index - 1
                ),
                None,
            )
            if match is not None:
                match[1], match[2], match[3] = index, min(match[2], start), max(match[3], end)
                open_rules.remove(match)
                still.append(match)
            else:
                still.append([index, index, start, end])
        done += [(r[0], r[1], r[2], r[3]) for r in open_rules]
        open_rules = still
    return done + [(r[0], r[1], r[2], r[3]) for r in open_rules]


def _reach(ink: np.ndarray, pixels: int) -> np.ndarray:
    """``ink`` with each row also holding the ink of the ``pixels`` rows above and below."""
    import numpy as np

    grown: np.ndarray = np.array(ink, dtype=bool)
    for step in range(1, pixels + 1):
        grown[step:] |= ink[:-step]
        grown[:-step] |= ink[step:]
    return grown


def rule_shapes(image: Image.Image, dpi: int) -> tuple[Shape, ...]:
    """The horizontal and vertical rules of ``image`` (a greyscale render at ``dpi``) as line
    shapes in points, each along the middle of its dark run."""
    import numpy as np
    from PIL.Image import Transpose

    ink = np.asarray(image) < INK_LEVEL
    scale = 72 / dpi
    longest = int(RULE_LENGTH / scale)
    slack = max(1, round(END_SLACK / scale))
    reach = max(1, round(TILT_REACH / scale))
    shapes: list[Shape] = []
    for first, last, start, end in _rules(_reach(ink, reach), longest, slack):
        if (last - first + 1) * scale <= MAX_THICKNESS:
            y = (first + last + 1) / 2 * scale
            shapes.append(Shape("line", start * scale, y, end * scale, y))
    # The columns as the rows of the image turned over its diagonal (PIL copies it fast; the
    # run search reads row by row).
    across = np.asarray(image.transpose(Transpose.TRANSPOSE)) < INK_LEVEL
    for first, last, start, end in _rules(_reach(across, reach), longest, slack):
        if (last - first + 1) * scale <= MAX_THICKNESS:
            x = (first + last + 1) / 2 * scale
            shapes.append(Shape("line", x, start * scale, x, end * scale))
    return tuple(shapes)
