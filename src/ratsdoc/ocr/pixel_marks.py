"""Checkboxes of scanned pages, read from the pixels: square outlines beside a label, and their ink.

On a scan a checkbox is neither a glyph nor a vector square, only dark pixels. A box is found
as a square outline in the greyscale render: a horizontal dark run (its top edge) 5.5–16 pt
long with a matching run one box-width below and dark columns joining their ends. Only boxes
with text starting on the same row within a few box widths to their right are kept — a
checkbox has its option label on its right; stray squares in tables or logos do not.

The state is the share of dark pixels inside the outline (inset past its stroke): an empty
box holds only noise, a cross or tick covers a tenth or more. Between the two thresholds the
state is None and a warning names the box: guessing would report a decision nobody made.

The found boxes become :class:`~ratsdoc.layout.marks.BoxMark` objects (``source="pixels"``)
placed on lines exactly as :func:`~ratsdoc.layout.lines.page_lines` places other marks, so the
checkbox extractor pairs them as usual. Characters that OCR read from a box ("O", "X", "[]")
are dropped first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..issues import Issue, IssueCode
from ..layout.lines import Line, Token
from ..layout.marks import BoxMark, drop_covered, glyph_marks, shape_marks, widget_marks
from ..layout.model import Char, Page

if TYPE_CHECKING:
    from PIL import Image

#: A pixel darker than this (0..255) is ink; scans' paper is ~230, printed strokes < 100.
INK_LEVEL = 150
#: Side of a checkbox outline in points.
MIN_SIDE, MAX_SIDE = 6.0, 16.0
#: Interior ink share up to which a box is empty, and from which it is ticked.
EMPTY_MAX, TICKED_MIN = 0.03, 0.08
#: Share of a side's rows/columns that must be dark for it to count as an edge.
EDGE_COVER = 0.85
#: Allowed difference of a box's width and height, as a share of the larger.
SQUARENESS = 0.2
#: Thickest outline stroke, as a share of the box side (bold letters are thicker).
MAX_STROKE = 0.16
#: A label must start within this many box widths right of the box.
LABEL_REACH = 3.0


def _runs(ink: object, min_len: int, max_len: int) -> dict[int, list[tuple[int, int]]]:
    """Horizontal dark runs of length in [min_len, max_len], by row: (start, end) columns."""
    import numpy as np

    array = np.asarray(ink, dtype=np.int8)
    padded = np.pad(array, ((0, 0), (1, 1)))
    delta = np.diff(padded, axis=1)
    rows_s, cols_s = np.nonzero(delta == 1)
    _, cols_e = np.nonzero(delta == -1)
    lengths = cols_e - cols_s
    keep = (lengths >= min_len) & (lengths <= max_len)
    result: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for row, start, end in zip(rows_s[keep].tolist(), cols_s[keep].tolist(), cols_e[keep].tolist(), strict=True):
        result[row].append((start, end))
    return result


def find_boxes(image: Image.Image, dpi: int) -> list[tuple[int, int, int, int, float]]:
    """Square outlines in ``image`` as (left, top, right, bottom, interior ink share) in pixels."""
    import numpy as np

    ink = np.asarray(image) < INK_LEVEL
    px = dpi / 72.0
    # Rounded up: at 250 dpi int() made the 6 pt minimum 5.76 pt, and round letters ("o", "e") passed.
    min_len, max_len = math.ceil(MIN_SIDE * px - 1e-9), int(MAX_SIDE * px) + 4
    runs = _runs(ink, min_len, max_len)
    found: list[tuple[int, int, int, int, float]] = []
    tol = max(2, int(0.6 * px))
    for row in sorted(runs):
        for start, end in runs[row]:
            width = end - start
            if any(f[0] - tol <= start <= f[0] + tol and f[1] <= row <= f[3] for f in found):
                continue  # a lower stroke row of a box already found
            for below in range(row + int(0.8 * width), min(row + int(1.2 * width) + 1, ink.shape[0])):
                match = next(
                    ((s, e) for s, e in runs.get(below, ()) if abs(s - start) <= tol and abs(e - end) <= tol), None
                )
                if match is None:
                    continue
                height = below - row
                if abs(height - width) > SQUARENESS * max(height, width):
                    continue
                left = ink[row : below + 1, max(0, start - 1) : start + tol].any(axis=1).mean()
                right = ink[row : below + 1, max(0, end - tol) : end + 1].any(axis=1).mean()
                if left < EDGE_COVER or right < EDGE_COVER:
                    continue
                if not _thin_outline(ink, start, row, end, below + 1):
                    continue  # a bold letter ("D", "B", "0"), not a drawn box
                inset = max(tol + 1, int(0.18 * width))
                inner = ink[row + inset : below - inset + 1, start + inset : end - inset]
                share = float(inner.mean()) if inner.size else 0.0
                found.append((start, row, end, below + 1, share))
                break
    return _distinct(found)


def _distinct(boxes: list[tuple[int, int, int, int, float]]) -> list[tuple[int, int, int, int, float]]:
    """``boxes`` without those lying mostly on an earlier one: a blurred outline can match as
    two nested squares a pixel or three apart, which would give one checkbox twice."""
    kept: list[tuple[int, int, int, int, float]] = []
    for box in boxes:
        area = (box[2] - box[0]) * (box[3] - box[1])
        if not any(
            max(0, min(box[2], k[2]) - max(box[0], k[0])) * max(0, min(box[3], k[3]) - max(box[1], k[1]))
            > 0.5 * min(area, (k[2] - k[0]) * (k[3] - k[1]))
            for k in kept
        ):
            kept.append(box)
    return kept


def _stroke(line: Any, skip: int = 3) -> int:
    """Length of the first dark run of a 1-D pixel line, if it starts within ``skip`` pixels."""
    count = 0
    for position, value in enumerate(line):
        if value:
            count += 1
        elif count or position >= skip:
            break
    return count


def _thin_outline(ink: object, left: int, top: int, right: int, bottom: int) -> bool:
    """Whether all four sides are thin strokes with paper inside them, as a drawn box has.

    Measured across each side through its middle (three neighbouring lines, the thinnest
    counts): letters have strokes of a fifth of their width or more, boxes a tenth or less.
    """
    import numpy as np

    array = np.asarray(ink)
    width, height = right - left, bottom - top
    limit = max(4, int(MAX_STROKE * max(width, height)))
    cy, cx = (top + bottom) // 2, (left + right) // 2
    sides = []
    for d in (-1, 0, 1):
        sides.append(
            (
                _stroke(array[cy + d, max(0, left - 3) : right]),
                _stroke(array[cy + d, max(0, left - 3) : right + 3][::-1]),
                _stroke(array[max(0, top - 3) : bottom, cx + d]),
                _stroke(array[max(0, top - 3) : bottom + 3, cx + d][::-1]),
            )
        )
    thinnest = [min(side[i] for side in sides) for i in range(4)]
    if not all(0 < t <= limit for t in thinnest):
        return False
    # Square corners: round letters ("O", "D") leave their corners blank.
    reach = max(3, limit)
    corners = (
        array[top : top + reach, left : left + reach],
        array[top : top + reach, right - reach : right],
        array[bottom - reach : bottom, left : left + reach],
        array[bottom - reach : bottom, right - reach : right],
    )
    return all(bool(c.any()) for c in corners)


def _state(share: float) -> bool | None:
    if share <= EMPTY_MAX:
        return False
    if share >= TICKED_MIN:
        return True
    return None


def _has_label(mark: BoxMark, chars: tuple[Char, ...]) -> bool:
    """Whether text starts on the box's row within :data:`LABEL_REACH` box widths to its right."""
    side = mark.x1 - mark.x0
    return any(
        c.text.strip() and mark.x1 - 0.2 * side <= c.x0 <= mark.x1 + LABEL_REACH * side and c.top <= mark.cy <= c.bottom
        for c in chars
    )


def find_pixel_marks(
    page: Page, image: Image.Image, dpi: int, letters: Sequence[tuple[int, int, int, int]] = ()
) -> tuple[list[BoxMark], list[Issue]]:
    """Checkbox marks of ``page`` found in its render ``image``, in points, and warnings;
    ``letters`` are boxes of the render that are letters (:mod:`.box_letters`), no marks."""
    scale = 72.0 / dpi
    marks: list[BoxMark] = []
    warnings: list[Issue] = []
    for left, top, right, bottom, share in find_boxes(image, dpi):
        if (left, top, right, bottom) in letters:
            continue
        mark = BoxMark(left * scale, top * scale, right * scale, bottom * scale, _state(share), "pixels")
        if not _has_label(mark, page.chars):
            continue
        if mark.checked is None:
            warnings.append(
                Issue(
                    IssueCode.CHECKBOX_STATE_UNKNOWN,
                    f"page {page.number}: checkbox at ({mark.x0:.0f}, {mark.top:.0f}) pt is "
                    f"ambiguous ({share:.0%} ink inside); its state is unknown",
                    page.number,
                    field="checkboxes",
                )
            )
        marks.append(mark)
    # Boxes the page draws as vectors, glyphs or widgets are already known: keep those.
    vector, _ = shape_marks(page.shapes, page.chars)
    glyphs, _ = glyph_marks(page.chars, set())
    return drop_covered(marks, vector + glyphs + widget_marks(page.annotations)), warnings


def drop_chars_in_marks(chars: tuple[Char, ...], marks: list[BoxMark], pad: float = 1.0) -> tuple[Char, ...]:
    """``chars`` without those whose centre lies in a box: OCR reads boxes as "O", "X", "[]"."""

    def inside(c: Char) -> bool:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        return any(m.x0 - pad <= cx <= m.x1 + pad and m.top - pad <= cy <= m.bottom + pad for m in marks)

    return tuple(c for c in chars if not inside(c))


def place_marks(lines: list[Line], marks: list[BoxMark], page_number: int) -> None:
    """Put ``marks`` as box tokens on the line whose band holds their centre (as page_lines does)."""
    for mark in marks:
        token = Token(
            "☒" if mark.checked else "☐", mark.x0, mark.top, mark.x1, mark.bottom, size=mark.bottom - mark.top, box=mark
        )
        best: Line | None = None
        best_dist = float("inf")
        for line in lines:
            if line.page == page_number and line.top - 2 <= mark.cy <= line.bottom + 2:
                dist = abs((line.top + line.bottom) / 2 - mark.cy)
                if dist < best_dist:
                    best, best_dist = line, dist
        if best is None:
            best = Line(page_number, [])
            lines.append(best)
        best.tokens = sorted((*best.tokens, token), key=lambda t: t.x0)
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))


def with_pixel_marks(
    page: Page, image: Image.Image, dpi: int, letters: Sequence[tuple[int, int, int, int]] = ()
) -> tuple[Page, list[BoxMark], list[Issue]]:
    """``page`` without the chars OCR read from its boxes, the boxes (not those in ``letters``),
    and warnings."""
    marks, warnings = find_pixel_marks(page, image, dpi, letters)
    if marks:
        page = replace(page, chars=drop_chars_in_marks(page.chars, marks))
    return page, marks, warnings
