"""Stamps recognised by their frame on a greyscale scan, and the words Tesseract read inside one
taken out of the text.

A black or grey intake stamp has no colour that tells it from the print (:mod:`.marks` takes
coloured ones), and its date is not always written in stamp style (:mod:`.stamps`): "Eingang
24.01.2012" in a box, "Eingegangen am 24. Januar 2012" in a ring. What every such stamp has is
its frame: a closed box or ring of thin line, a few centimetres across, often turned a few
degrees, with the stamp's words inside and paper around it. Print has no such shape: a table's
cells are closed boxes too, but each lies beside other cells, not in open paper; letters'
counters are a millimetre across.

The page's ink is looked at on a grid of half-millimetre cells (a cell is ink when any pixel in
it is dark, which closes the pixel holes of an unevenly inked stamp). Paper that cannot be
reached from the page's edge without crossing ink is enclosed; an enclosed region the size of a
stamp (:data:`MIN_MM`, :data:`MAX_MM`) whose boundary is a thin line with open paper beyond it
(:data:`OPEN_SHARE` of the band :data:`BEYOND` cells outside it) is a frame. A frame is a
stamp's when it is a ring (its region fills a smaller share of its box than a rectangle does),
when it is turned (a box printed with the page stands straight once the page is deskewed), or
when a word inside it is a date, a month or the word of receipt; a straight box of print words
without a date (a framed notice) stays.

Words mostly inside a stamp's frame go (:func:`frame_words`), except print: a word on the
baseline and at the height of a row of words outside the frame (the date line "Fürth,
23.07.2025" passing under a ring), and, in a frame turned by :data:`LEVEL_TURN` or more, a word
whose ink runs level rather than with the frame (a date line the stamp was pressed over whole).
The frame's region is reported like every region OCR left out, so that a field read from a line
the stamp lies over is warned about (:func:`ratsdoc.extract.ocr_doubt.cut_by`): a stamp's own
date is never taken silently.
Thresholds were set on the generated ``--scan-marks heavy`` development sets (seeds 53, 57) and
the synthetic pages of ``tests/test_ocr_frames.py``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .marks import grown
from .stamps import INTAKE

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

    from .tsv import OcrWord

#: Side of a grid cell in mm: finer than the gap between print's words, coarser than the pixel
#: holes of a worn stamp's line.
CELL_MM = 0.5
#: A pixel darker than the paper by this much is ink (a stamp's pale side on the development
#: sets is 110 below the paper, print's core over 150).
INK_BELOW_PAPER = 70
#: A frame's enclosed region is at least and at most this wide and high (mm): a stamp of one
#: line is 8 mm high inside its frame, a ring of four lines of an office's name 70 mm wide.
MIN_MM = (12.0, 6.0)
MAX_MM = (95.0, 65.0)
#: The band this many cells (inner, outer) beyond the frame's inside edge is looked at: past
#: the line (0.3-0.8 mm and its blur), where open paper lies around a stamp.
BEYOND = (3, 5)
#: Of the paper in that band, this share must be open (reachable from the page's edge): the
#: cells of a table are enclosed by their neighbours.
OPEN_SHARE = 0.85
#: At most this share of that band is ink: a frame is a thin line, not a filled shape.
BAND_INK = 0.5
#: A region filling less of its box than this (turned to its axes) is a ring (an ellipse fills
#: 0.79, a box over 0.9).
RING_FILL = 0.88
#: A box turned by more than this (degrees) after the page was deskewed is pressed, not printed.
TURNED = 0.6
#: A region whose second moments differ by less than this ratio has no axis to measure a turn by.
ROUND = 1.15
#: A word is inside a frame when this share of its box is.
INSIDE = 0.6
#: Words at one baseline and height: within these shares of the word's height.
BASELINE, HEIGHT = 0.3, 0.35
#: Neighbouring words of a row of print stand at most this many word heights apart.
ROW_GAP = 2.5
#: A frame turned by at least this much (degrees) turns its words with it: a word inside it whose
#: ink runs level (nearer to 0° than to the frame's turn) is print the stamp was pressed over.
LEVEL_TURN = 2.0
#: A word's ink gives its slope when it is at least this many times as wide as high.
LEVEL_WIDE = 2.5
#: A word of a date or a month, as a stamp writes its day of receipt.
_DATED = re.compile(
    r"\d{1,2}[.,]\d{1,2}[.,]\d{2,4}|^(?:jan|feb|m[äa]r|mrz|apr|mai|jun|jul|aug|sep|okt|oct|nov|de[zc])",
    re.IGNORECASE,
)

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Frame:
    """A stamp's frame: its box in pixels, the inside's extent per pixel row, and its shape."""

    box: Box
    #: The rows (pixels, top to bottom) of the inside, each with its first and last column.
    spans: tuple[tuple[int, int, int], ...]
    ring: bool
    #: The turn of its axes in degrees (0 for a ring or a square).
    turn: float

    def share_inside(self, left: int, top: int, right: int, bottom: int) -> float:
        """The share of the pixel box (left, top, right, bottom) that lies inside the frame."""
        area = max(1, (right - left) * (bottom - top))
        covered = 0
        for y0, y1, x0, x1 in _rows_of(self.spans):
            high = min(bottom, y1) - max(top, y0)
            wide = min(right, x1) - max(left, x0)
            if high > 0 and wide > 0:
                covered += high * wide
        return covered / area


def _rows_of(spans: tuple[tuple[int, int, int], ...]) -> list[tuple[int, int, int, int]]:
    """Spans as boxes (top, bottom, left, right): each span row runs to the next's top."""
    boxes = []
    for index, (y, x0, x1) in enumerate(spans):
        y1 = spans[index + 1][0] if index + 1 < len(spans) else y + (y - spans[index - 1][0] if index else 1)
        boxes.append((y, y1, x0, x1))
    return boxes


def _ink_cells(image: Image.Image, cell: int) -> np.ndarray:
    """The grid of ``cell``-pixel cells of ``image`` (greyscale) holding a dark pixel."""
    import numpy as np

    pixels = np.asarray(image.convert("L"))
    paper = float(np.percentile(pixels, 90))
    dark = pixels < paper - INK_BELOW_PAPER
    rows, cols = dark.shape[0] // cell, dark.shape[1] // cell
    cells: np.ndarray = np.asarray(dark[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).any(axis=(1, 3)))
    return cells


def _spread(seed: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """``seed`` spread along each row over the runs of ``paper`` it touches."""
    import numpy as np

    flat = paper.ravel()
    starts = flat.copy()
    starts[1:] &= ~flat[:-1]
    starts[:: paper.shape[1]] = flat[:: paper.shape[1]]  # each row starts its own runs
    ids = np.cumsum(starts) * flat
    hit = np.zeros(int(ids.max()) + 1, dtype=bool)
    hit[ids[seed.ravel() & flat]] = True
    hit[0] = False
    spread: np.ndarray = hit[ids].reshape(paper.shape)
    return spread


def open_paper(paper: np.ndarray) -> np.ndarray:
    """The cells of ``paper`` reachable from the grid's edge through paper (4-neighbours)."""
    import numpy as np

    reached = np.zeros_like(paper)
    reached[0], reached[-1], reached[:, 0], reached[:, -1] = paper[0], paper[-1], paper[:, 0], paper[:, -1]
    count = -1
    while int(reached.sum()) != count:
        count = int(reached.sum())
        reached = _spread(reached, paper)
        reached = _spread(reached.T.copy(), paper.T.copy()).T
    return reached


def _regions(cells: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The 4-connected regions of the True cells of ``cells``, as (rows, columns) index arrays."""
    import numpy as np

    seen = cells.copy()
    height, width = cells.shape
    found = []
    for row, column in zip(*(axis.tolist() for axis in cells.nonzero()), strict=True):
        if not seen[row, column]:
            continue
        seen[row, column] = False
        stack, ys, xs = [(row, column)], [], []
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= ny < height and 0 <= nx < width and seen[ny, nx]:
                    seen[ny, nx] = False
                    stack.append((ny, nx))
        found.append((np.array(ys), np.array(xs)))
    return found


def _shape(ys: np.ndarray, xs: np.ndarray) -> tuple[float, float]:
    """The turn of a region's long axis (degrees, within ±45) and the share of its box, turned
    to that axis, that the region fills."""
    import numpy as np

    dy, dx = ys - ys.mean(), xs - xs.mean()
    syy, sxx, sxy = float((dy * dy).mean()), float((dx * dx).mean()), float((dx * dy).mean())
    spread = math.hypot(sxx - syy, 2 * sxy)
    low = (sxx + syy - spread) / 2
    if low <= 0 or (sxx + syy + spread) / 2 < ROUND * low:
        angle = 0.0
    else:
        angle = 0.5 * math.atan2(2 * sxy, sxx - syy)
        angle = (angle + math.pi / 4) % (math.pi / 2) - math.pi / 4  # the nearer axis
    cos, sin = math.cos(angle), math.sin(angle)
    u, v = dx * cos + dy * sin, -dx * sin + dy * cos
    box = (float(np.ptp(u)) + 1) * (float(np.ptp(v)) + 1)
    return math.degrees(angle), len(ys) / box


def find_frames(image: Image.Image, dpi: int) -> list[Frame]:
    """The stamp frames of ``image`` (greyscale, deskewed) rendered at ``dpi``: closed thin-lined
    boxes and rings of a stamp's size in open paper (see the module's docstring)."""
    import numpy as np

    cell = max(2, round(CELL_MM * dpi / 25.4))
    ink = _ink_cells(image, cell)
    if ink.size == 0:
        return []
    paper = ~ink
    reached = open_paper(paper)
    enclosed = paper & ~reached
    mm = 1 / CELL_MM
    frames: list[Frame] = []
    for ys, xs in _regions(enclosed):
        if len(ys) < MIN_MM[0] * MIN_MM[1] * mm * mm / 2:
            continue
        top, bottom, left, right = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        wide, high = (right - left) / mm, (bottom - top) / mm
        if not (MIN_MM[0] <= wide <= MAX_MM[0] and MIN_MM[1] <= high <= MAX_MM[1]):
            continue
        # The inside: each row's cells between the region's first and last (its words filled in).
        pad = BEYOND[1] + 1
        y0, x0 = max(0, top - pad), max(0, left - pad)
        y1, x1 = min(ink.shape[0], bottom + pad), min(ink.shape[1], right + pad)
        inside = np.zeros((y1 - y0, x1 - x0), dtype=bool)
        spans = []
        for row in range(top, bottom):
            columns = xs[ys == row]
            if columns.size:
                inside[row - y0, int(columns.min()) - x0 : int(columns.max()) + 1 - x0] = True
                spans.append((row * cell, int(columns.min()) * cell, (int(columns.max()) + 1) * cell))
        band = grown(inside, BEYOND[1]) & ~grown(inside, BEYOND[0])
        near_ink, near_paper = ink[y0:y1, x0:x1] & band, paper[y0:y1, x0:x1] & band
        if near_ink.sum() > BAND_INK * band.sum() or not near_paper.any():
            continue  # a filled shape, or a line too thick for a stamp's
        if (reached[y0:y1, x0:x1] & near_paper).sum() < OPEN_SHARE * near_paper.sum():
            continue  # a cell among other cells: a table
        filled_y, filled_x = inside.nonzero()
        turn, fill = _shape(filled_y, filled_x)
        # The box reported holds the frame's line too, just outside the inside's cells.
        line = BEYOND[0] * cell
        box = (max(0, left * cell - line), max(0, top * cell - line), right * cell + line, bottom * cell + line)
        frames.append(Frame(box, tuple(spans), fill < RING_FILL, turn))
    return frames


def _same_row(a: OcrWord, b: OcrWord) -> bool:
    """Whether ``a`` and ``b`` stand on one baseline at one height, near each other."""
    height = max(a.height, b.height)
    if abs((a.top + a.height) - (b.top + b.height)) > BASELINE * height or abs(a.height - b.height) > HEIGHT * height:
        return False
    gap = max(a.left, b.left) - min(a.left + a.width, b.left + b.width)
    return gap <= ROW_GAP * height


def _slope(pixels: np.ndarray, dark: float, word: OcrWord) -> float | None:
    """The slope (degrees) of the long axis of ``word``'s ink in ``pixels``; None for a word
    too short to tell or without ink."""
    if word.width < LEVEL_WIDE * word.height:
        return None
    ink = pixels[max(0, word.top) : word.top + word.height, max(0, word.left) : word.left + word.width] < dark
    ys, xs = ink.nonzero()
    if len(ys) < 20:
        return None
    dy, dx = ys - ys.mean(), xs - xs.mean()
    return math.degrees(0.5 * math.atan2(2 * float((dx * dy).mean()), float((dx * dx).mean() - (dy * dy).mean())))


def _level(frame: Frame, pixels: np.ndarray, dark: float, word: OcrWord) -> bool:
    """Whether ``word`` inside a turned ``frame`` runs level, as print does, not with the frame."""
    if abs(frame.turn) < LEVEL_TURN:
        return False
    slope = _slope(pixels, dark, word)
    return slope is not None and abs(slope) < abs(slope - frame.turn)


def _is_stamp(frame: Frame, inside: list[OcrWord]) -> bool:
    """Whether ``frame`` is a stamp's: a ring, a turned box, or a box with a date, a month or the
    word of receipt among the words ``inside`` it."""
    return frame.ring or abs(frame.turn) > TURNED or any(_DATED.search(w.text) or INTAKE.match(w.text) for w in inside)


def frame_words(words: list[OcrWord], frames: list[Frame], image: Image.Image) -> tuple[list[OcrWord], list[Box]]:
    """``words`` without those inside one of the stamp ``frames`` found in ``image`` (print
    that runs on beyond the frame, or level under a turned one, stays), and the pixel box of each
    stamp's frame."""
    import numpy as np

    if not frames:
        return words, []
    pixels = np.asarray(image.convert("L"))
    dark = float(np.percentile(pixels, 90)) - INK_BELOW_PAPER
    gone: set[int] = set()
    boxes: list[Box] = []
    for frame in frames:
        shares = {id(w): frame.share_inside(w.left, w.top, w.left + w.width, w.top + w.height) for w in words}
        inside = [w for w in words if shares[id(w)] >= INSIDE]
        if not _is_stamp(frame, inside):
            continue
        # Print that runs on beyond the frame: words outside it, and those joined to them in a row.
        kept = [w for w in words if shares[id(w)] < INSIDE / 2]
        # Print the stamp was pressed over runs level under a turned frame.
        kept += [w for w in inside if _level(frame, pixels, dark, w)]
        taken = {id(w) for w in inside} - {id(w) for w in kept}
        grew = True
        while grew:
            grew = False
            for word in inside:
                if id(word) in taken and any(_same_row(word, other) for other in kept):
                    taken.discard(id(word))
                    kept.append(word)
                    grew = True
        gone |= taken
        boxes.append(frame.box)
    return [w for w in words if id(w) not in gone], boxes
