"""Marks made on a paper after it was printed — intake stamps, handwritten notes, logos — found in
the colour render of a scan and taken out before Tesseract reads the page.

Stamp pads and pens ink in red, blue, violet or green; printed text is black. Coloured ink is
found by its chroma (the spread of the colour channels), collected on a grid of 1 mm cells, and
the cells joined into connected regions. A region is a mark, not printed text, when its ink is
not laid out like text: a frame or a stroke (sparse cells across a region at least
:data:`MARK_MIN_MM` long: a stamp's rectangle or oval, a pen line, initials) or a filled blob
(a logo, more than :data:`BLOB_FILL` of its box inked). Coloured printed text — a red heading, a
blue link — fills its cells densely and stays. A mark's coloured pixels, and those of the
stamp text inside its frame, are painted white in the greyscale image, and the region is
reported. Black printed text under a stamp keeps its pixels: only coloured ones are painted.

Thresholds were set on the generated ``letter-scan`` development set (seed 7).
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


def _grown(mask: np.ndarray, steps: int) -> np.ndarray:
    """``mask`` grown by ``steps`` cells in every direction (8-neighbourhood)."""
    grown: np.ndarray = mask.copy()
    for _ in range(steps):
        step = grown.copy()
        step[1:] |= grown[:-1]
        step[:-1] |= grown[1:]
        step[:, 1:] |= step[:, :-1].copy()
        step[:, :-1] |= step[:, 1:].copy()
        grown = step
    return grown


def find_marks(ink: np.ndarray, dpi: int) -> list[Mark]:
    """The marks in the coloured-ink mask ``ink`` of a page rendered at ``dpi``."""

    cell = max(1, round(dpi / 25.4))
    rows, columns = ink.shape[0] // cell, ink.shape[1] // cell
    if not rows or not columns:
        return []
    counts = ink[: rows * cell, : columns * cell].reshape(rows, cell, columns, cell).sum(axis=(1, 3))
    inked = counts >= CELL_SHARE * cell * cell
    marks = []
    for region in _regions(_grown(inked, JOIN_MM)):
        ys, xs = [y for y, _ in region], [x for _, x in region]
        top, bottom, left, right = min(ys), max(ys) + 1, min(xs), max(xs) + 1
        long_side = max(bottom - top, right - left)
        if not MARK_MIN_MM <= long_side <= MARK_MAX_MM:
            continue
        box = (left * cell, top * cell, right * cell, bottom * cell)
        if inked[top:bottom, left:right].mean() < STROKE_CELLS:
            marks.append(Mark(box, "stroke"))
        elif (
            min(bottom - top, right - left) >= MARK_MIN_MM and ink[box[1] : box[3], box[0] : box[2]].mean() > BLOB_FILL
        ):
            marks.append(Mark(box, "blob"))
    return marks


def without_marks(grey: Image.Image, colour: Image.Image, dpi: int) -> tuple[Image.Image, list[Mark]]:
    """``grey`` with the coloured pixels inside the marks of ``colour`` (the same page rendered
    in colour) painted white, and the marks."""
    import numpy as np
    from PIL import Image as PILImage

    if colour.size != grey.size:
        return grey, []
    chroma, brightest = _chroma(colour)
    light = brightest > DARK  # dark pixels are print (or print under ink), whatever JPEG did to them
    marks = find_marks((chroma > INK_CHROMA) & light, dpi)
    if not marks:
        return grey, marks
    pixels = np.asarray(grey).copy()
    # The edge of a stroke (see EDGE_CHROMA), grown by a pixel where that pixel is not print:
    # a scan blurs ink into its neighbours, and black print touching the ink stays.
    edge = (chroma > EDGE_CHROMA) & light
    around = np.roll(edge, 1, 0) | np.roll(edge, -1, 0) | np.roll(edge, 1, 1) | np.roll(edge, -1, 1)
    grown = edge | (around & (pixels >= DARK))
    for mark in marks:
        left, top, right, bottom = mark.box
        area = (slice(top, bottom), slice(left, right))
        pixels[area][grown[area]] = 255
    return PILImage.fromarray(pixels), marks
