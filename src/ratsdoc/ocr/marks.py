"""Marks made on a paper after it was printed — intake stamps, handwritten notes, logos — found in
the colour render of a scan and taken out before Tesseract reads the page.

Stamp pads and pens ink in red, blue, violet or green; printed text is black. Coloured ink is
found by its chroma (the spread of the colour channels), collected on a grid of 1 mm cells, and
the cells joined into connected regions. A region is a mark, not printed text, when its ink is
not laid out like text: a frame or a stroke (sparse cells across a region at least
:data:`MARK_MIN_MM` long: a stamp's rectangle or oval, a pen line, initials) or a filled blob
(a logo, more than :data:`BLOB_FILL` of its box inked). Coloured printed text — a red heading, a
blue link — fills its cells densely and stays. A pen's underline that runs into a stamp makes one
region longer than any mark; the parts of it thicker than a line are then judged on their own,
and the line goes with the mark it joined.

Around a mark the greyscale image is built anew from the colour render: a coloured pixel takes
its brightest channel (:func:`ink_lifted`), in which stamp ink is light and black print stays
dark, so the print under a stamp keeps its strokes and their grey edges while the stamp's ink,
also where it is too pale to count as coloured, fades to white; the mark's coloured pixels are
painted white, and the region is reported.

Thresholds were set on the generated ``letter-scan`` development set (seed 7) and the
``--scan-marks heavy`` development sets (seeds 53 and 57).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

#: Chroma (largest minus smallest channel) above which a pixel is coloured ink: stamp red and
#: ballpoint blue reach 110–160 after a scan's blur and JPEG; black text's colour fringes
#: from JPEG's chroma subsampling stay below 45, recycled paper's tint below 20.
INK_CHROMA = 70
#: A 1 mm cell is inked when at least this share of its pixels is coloured (a 0.3 mm pen line
#: crossing it fills about a quarter).
CELL_SHARE = 0.06
#: Inked cells this close (mm) belong to one region: the loops of initials, a stamp's frame
#: and the words inside it.
JOIN_MM = 2
#: Inside a mark's box, pixels with this much chroma are its ink too: the blurred, JPEG-smeared
#: edge of a stroke is less coloured than its core.
EDGE_CHROMA = 40
#: Pixels whose brightest channel is below this are print, not ink (stamp red's is about 200).
DARK = 100
#: A region must be at least this long (mm) on its longer side to be a mark: shorter coloured
#: bits are letters, bullets or ticks.
MARK_MIN_MM = 8
#: At most this long (mm) on its longer side: wider coloured frames are the paper's own boxes.
MARK_MAX_MM = 100
#: Share of its box's cells a stroke or frame inks at most (a frame's outline, a wavy line);
#: coloured text lines ink 0.5–0.9 of their cells.
STROKE_CELLS = 0.3
#: Share of its box's pixels a filled logo inks at least; text inks 0.1–0.3 of them.
BLOB_FILL = 0.45
#: Cells (mm) a line (a pen's underline, tilted up to 2°) spans across a column or row of 1 mm
#: cells at most; a stamp's frame, its text and the frame again span 8 or more (the stamps and
#: underlines of the ``--scan-marks heavy`` development sets, seeds 53 and 57).
LINE_CELLS = 2
#: Most a mark's brightest channel is scaled up by (:func:`ink_lifted`): violet stamp ink (about
#: 140 in its brightest channel) lands on white, black print's core (20-40) stays under 75.
INK_GAIN = 1.8
#: The brightest channel is taken this far (mm) around a mark's box too: a stamp's pale corner,
#: too faintly inked to fill a 1 mm cell, lies outside the box of its coloured cells (a violet
#: frame's far edge on the development set of seed 57).
LIFT_PAD_MM = 3
#: Chroma under which a pixel is neutral (print, paper, their JPEG noise) and keeps its grey
#: around a mark; a stamp's palest ink on the development sets is over 20.
NEUTRAL_CHROMA = 12


@dataclass(frozen=True, slots=True)
class Mark:
    """A coloured mark: its box in pixels (left, top, right, bottom) and what it looks like."""

    box: tuple[int, int, int, int]
    kind: str  # "stroke" (a frame, a pen line) or "blob" (a filled logo)


def _chroma(image: Image.Image) -> tuple[np.ndarray, np.ndarray]:
    """The chroma (largest minus smallest channel) and the brightest channel of each pixel of
    ``image``, channel by channel (a reduction over the colour axis is many times slower)."""
    import numpy as np

    red, green, blue = (np.asarray(band) for band in image.convert("RGB").split())
    brightest = np.maximum(np.maximum(red, green), blue)
    chroma: np.ndarray = brightest - np.minimum(np.minimum(red, green), blue)
    return chroma, brightest


def coloured_ink(image: Image.Image, chroma_above: int = INK_CHROMA) -> np.ndarray:
    """Mask of the coloured pixels of ``image`` (RGB): see :data:`INK_CHROMA`."""
    chroma, brightest = _chroma(image)
    # Dark pixels are black print (or print under ink): never coloured, whatever JPEG did to them.
    mask: np.ndarray = (chroma > chroma_above) & (brightest > DARK)
    return mask


def _regions(cells: np.ndarray) -> list[list[tuple[int, int]]]:
    """The 8-connected regions of the True cells of ``cells``, each as its (row, column) cells."""
    seen = cells.copy()
    height, width = cells.shape
    found: list[list[tuple[int, int]]] = []
    for row, column in zip(*(axis.tolist() for axis in cells.nonzero()), strict=True):
        if not seen[row, column]:
            continue
        seen[row, column] = False
        stack, region = [(row, column)], []
        while stack:
            y, x = stack.pop()
            region.append((y, x))
            for ny in (y - 1, y, y + 1):
                for nx in (x - 1, x, x + 1):
                    if 0 <= ny < height and 0 <= nx < width and seen[ny, nx]:
                        seen[ny, nx] = False
                        stack.append((ny, nx))
        found.append(region)
    return found


def grown(mask: np.ndarray, steps: int) -> np.ndarray:
    """``mask`` grown by ``steps`` cells in every direction (8-neighbourhood)."""
    out: np.ndarray = mask.copy()
    for _ in range(steps):
        step = out.copy()
        step[1:] |= out[:-1]
        step[:-1] |= out[1:]
        step[:, 1:] |= step[:, :-1].copy()
        step[:, :-1] |= step[:, 1:].copy()
        out = step
    return out


def find_marks(ink: np.ndarray, dpi: int) -> list[Mark]:
    """The marks in the coloured-ink mask ``ink`` of a page rendered at ``dpi``."""
    return _marks_and_lines(ink, dpi)[0]


def _marks_and_lines(ink: np.ndarray, dpi: int) -> tuple[list[Mark], np.ndarray]:
    """The marks in the coloured-ink mask ``ink`` of a page rendered at ``dpi``, and the mask of
    1 mm cells of the lines joined to them (a pen's underline that ran into a stamp)."""
    import numpy as np

    cell = max(1, round(dpi / 25.4))
    rows, columns = ink.shape[0] // cell, ink.shape[1] // cell
    lines = np.zeros((rows, columns), dtype=bool)
    if not rows or not columns:
        return [], lines
    counts = ink[: rows * cell, : columns * cell].reshape(rows, cell, columns, cell).sum(axis=(1, 3))
    inked = counts >= CELL_SHARE * cell * cell
    marks = []
    for region in _regions(grown(inked, JOIN_MM)):
        box = _cell_box(region)
        if _long_side(box) > MARK_MAX_MM:
            # A pen's underline or a margin line can join a stamp into one region longer than
            # any mark: the parts of the region thicker than a line are judged on their own,
            # and where one is a mark, the line that joined it is a pen's too.
            thick = _without_lines(inked, box)
            parts = [
                mark for part in _regions(grown(thick, JOIN_MM)) if (mark := _mark(_cell_box(part), inked, ink, cell))
            ]
            if parts:
                left, top, right, bottom = box
                lines[top:bottom, left:right] |= inked[top:bottom, left:right] & ~thick[top:bottom, left:right]
            marks += parts
        elif mark := _mark(box, inked, ink, cell):
            marks.append(mark)
    return marks, lines


def _cell_box(region: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """The box (left, top, right, bottom) in cells of the cells of ``region``."""
    ys, xs = [y for y, _ in region], [x for _, x in region]
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def _long_side(box: tuple[int, int, int, int]) -> int:
    """The longer side of a box in cells (millimetres)."""
    left, top, right, bottom = box
    return max(bottom - top, right - left)


def _without_lines(inked: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The inked cells inside ``box`` (in cells) less those of a thin line running through it:
    cells of a column (or row) of the box whose inked cells lie within :data:`LINE_CELLS` of each
    other. An underline crosses a column in one or two neighbouring cells; a stamp crosses it
    with its frame, its text and its frame again, far apart."""
    import numpy as np

    left, top, right, bottom = box
    area = inked[top:bottom, left:right]
    thick = (_span(area, 0) > LINE_CELLS)[np.newaxis, :] & (_span(area, 1) > LINE_CELLS)[:, np.newaxis]
    kept = np.zeros_like(inked)
    kept[top:bottom, left:right] = area & thick
    return kept


def _span(cells: np.ndarray, axis: int) -> np.ndarray:
    """For each column (``axis`` 0) or row (1) of ``cells``, how far apart its first and last True
    cells are, counting both (0 where it has none)."""
    import numpy as np

    size = cells.shape[axis]
    any_cell = cells.any(axis=axis)
    first = cells.argmax(axis=axis)
    last = size - 1 - np.flip(cells, axis=axis).argmax(axis=axis)
    span: np.ndarray = np.where(any_cell, last - first + 1, 0)
    return span


def _mark(box: tuple[int, int, int, int], inked: np.ndarray, ink: np.ndarray, cell: int) -> Mark | None:
    """The mark a region with ``box`` (in cells) is, judged by its size and how it inks its
    cells (``inked``) and pixels (``ink``); None for print or a region of the wrong size."""
    left, top, right, bottom = box
    if not MARK_MIN_MM <= _long_side(box) <= MARK_MAX_MM:
        return None
    pixels = (left * cell, top * cell, right * cell, bottom * cell)
    if inked[top:bottom, left:right].mean() < STROKE_CELLS:
        return Mark(pixels, "stroke")
    if (
        min(bottom - top, right - left) >= MARK_MIN_MM
        and ink[pixels[1] : pixels[3], pixels[0] : pixels[2]].mean() > BLOB_FILL
    ):
        return Mark(pixels, "blob")
    return None


def without_marks(grey: Image.Image, colour: Image.Image, dpi: int) -> tuple[Image.Image, list[Mark]]:
    """``grey`` with the marks of ``colour`` (the same page rendered in colour) taken out, and
    the marks: around a mark the grey image is built from each pixel's brightest colour channel
    where the pixel is coloured (:func:`ink_lifted`), and the mark's coloured pixels are painted
    white."""
    import numpy as np
    from PIL import Image as PILImage

    if colour.size != grey.size:
        return grey, []
    chroma, brightest = _chroma(colour)
    light = brightest > DARK  # dark pixels are print (or print under ink), whatever JPEG did to them
    ink = (chroma > INK_CHROMA) & light
    marks, lines = _marks_and_lines(ink, dpi)
    if not marks:
        return grey, marks
    pixels = np.asarray(grey).copy()
    # The edge of a stroke (see EDGE_CHROMA), grown by a pixel where that pixel is not print:
    # a scan blurs ink into its neighbours, and black print touching the ink stays.
    edge = (chroma > EDGE_CHROMA) & light
    around = np.roll(edge, 1, 0) | np.roll(edge, -1, 0) | np.roll(edge, 1, 1) | np.roll(edge, -1, 1)
    inked = edge | (around & (pixels >= DARK))
    pad = round(LIFT_PAD_MM * dpi / 25.4)
    for box in _faint_boxes(marks, edge, dpi):
        left, top, right, bottom = box
        near = (slice(max(0, top - pad), bottom + pad), slice(max(0, left - pad), right + pad))
        pixels[near] = ink_lifted(pixels[near], brightest[near], chroma[near], ink[near])
        area = (slice(top, bottom), slice(left, right))
        pixels[area][inked[area]] = 255
    if lines.any():
        # The cells of a line joined to a mark, grown by a cell (a line's blurred edge may fill
        # too little of its neighbours to count): their coloured pixels go as a mark's do.
        cell = max(1, round(dpi / 25.4))
        along = np.kron(grown(lines, 1), np.ones((cell, cell), dtype=bool))
        area = (slice(0, along.shape[0]), slice(0, along.shape[1]))
        pixels[area][inked[area] & along] = 255
    return PILImage.fromarray(pixels), marks


def _faint_boxes(marks: list[Mark], faint: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
    """The marks' boxes, each widened to the faint ink (``faint``: pixels coloured at least
    :data:`EDGE_CHROMA`) joined to it: a stamp pressed unevenly inks one side too palely to fill
    the cells :func:`find_marks` counts, and its frame and words there belong to it. A box that
    would grow longer than :data:`MARK_MAX_MM` stays as it was."""
    cell = max(1, round(dpi / 25.4))
    rows, columns = faint.shape[0] // cell, faint.shape[1] // cell
    counts = faint[: rows * cell, : columns * cell].reshape(rows, cell, columns, cell).sum(axis=(1, 3))
    regions = [_cell_box(region) for region in _regions(grown(counts >= CELL_SHARE * cell * cell, JOIN_MM))]
    boxes = []
    for mark in marks:
        left, top, right, bottom = (value // cell for value in mark.box)
        for other in regions:
            if other[0] < right and left < other[2] and other[1] < bottom and top < other[3]:
                joined = (min(left, other[0]), min(top, other[1]), max(right, other[2]), max(bottom, other[3]))
                if _long_side(joined) <= MARK_MAX_MM:
                    left, top, right, bottom = joined
        boxes.append((left * cell, top * cell, right * cell, bottom * cell))
    return boxes


def ink_lifted(grey: np.ndarray, brightest: np.ndarray, chroma: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The grey pixels ``grey`` around a mark, coloured ones taken from their brightest channel
    ``brightest``: stamp ink is light in its own colour's channel (red ink in the red one) while
    black print is dark in every channel, so print under a stamp stays and the stamp fades. The
    channel is scaled so that the median of the mark's ``ink`` lands on white, so that pale ink a
    scan left barely coloured (a stamp's faded frame, a stroke's blurred rim) fades with it. A
    pixel without colour (``chroma`` under :data:`NEUTRAL_CHROMA`: print, paper) keeps its grey;
    between that and :data:`EDGE_CHROMA` the two are blended."""
    import numpy as np

    level = float(np.median(brightest[ink])) if ink.any() else 255.0
    gain = min(INK_GAIN, 255.0 / max(level, 1.0))
    lifted = np.minimum(brightest.astype(np.float32) * gain, 255.0)
    weight = np.clip((chroma.astype(np.float32) - NEUTRAL_CHROMA) / (EDGE_CHROMA - NEUTRAL_CHROMA), 0.0, 1.0)
    blended: np.ndarray = np.rint(grey + weight * (lifted - grey)).clip(0, 255).astype(np.uint8)
    return blended
