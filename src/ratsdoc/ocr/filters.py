"""Image filters that ready a rendered scan for Tesseract: deskew, rules, threshold, specks, shade.

Before Tesseract reads a page, it is straightened (:func:`deskew`), and rules, specks and the
paper's shade are removed (:func:`prepare`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .engine import OCR_DPI

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy as np
    from PIL import Image


#: Width (pixels of the reduced copy) of the vertical strips whose row profiles :func:`skew_angle`
#: shifts against each other: narrow enough that a strip's own tilt blurs little at ±4° (1.7
#: pixels across a strip, where a line of 10 pt print is 12 high).
_SKEW_STRIP = 24
#: The largest skew (degrees) :func:`deskew` looks for. A page laid on the glass by hand or drawn
#: askew by a worn feeder lies at up to 3°; at the 2° searched before, such a page stayed tilted
#: by up to a degree, the ends of neighbouring lines overlapped in height, and the layout
#: interleaved the letters of two lines.
MAX_SKEW = 4.0


def skew_angle(image: Image.Image, limit: float = MAX_SKEW, step: float = 0.1) -> float:
    """The rotation (degrees, PIL's counter-clockwise sense) that straightens the text lines.

    Projection profile: text rows are sharpest — the row sums vary most — when the lines are
    horizontal. Runs on a reduced copy; scanners skew pages by a few degrees at most
    (:data:`MAX_SKEW`). The page is cut into narrow vertical strips and each angle's row sums are
    those of the strips' row sums shifted by the strip's offset times the angle's tangent (a
    shear, which at ±4° differs from a rotation by under 0.3 %): the same angles as rotating the
    copy for every angle tried, at a fraction of the cost.
    """
    import numpy as np

    small = image.reduce(max(1, image.width // 900))
    ink = (np.asarray(small) < 160).astype(np.float32)
    height, width = ink.shape
    strips = max(1, width // _SKEW_STRIP)
    profiles = ink[:, : strips * _SKEW_STRIP].reshape(height, strips, -1).sum(axis=2)
    offsets = (np.arange(strips) + 0.5) * _SKEW_STRIP - width / 2
    padded = np.vstack([np.zeros_like(profiles), profiles, np.zeros_like(profiles)])
    rows = np.arange(height, dtype=np.float64) + height
    columns = np.arange(strips)

    def score(angle: float) -> float:
        where = rows[:, None] + (offsets * np.tan(np.radians(angle)))[None, :]
        below = np.clip(np.floor(where).astype(np.int64), 0, 3 * height - 2)
        share = (where - below).astype(np.float32)
        sums = (padded[below, columns] * (1 - share) + padded[below + 1, columns] * share).sum(axis=1)
        return float(np.square(np.diff(sums.astype(np.float64))).sum())

    angles = [round(-limit + i * step, 3) for i in range(int(2 * limit / step) + 1)]
    best = max(angles, key=score)
    fine = [best + d for d in (-0.05, -0.025, 0.0, 0.025, 0.05)]
    return float(max(fine, key=score))


#: Text runs sideways when the column profile of the ink is sharper than the row profile by
#: this factor's inverse: upright pages of the scans scored 2.1–5.8 (rows over columns), the
#: same pages turned by 90° 0.17–0.47. Only such pages go to orientation detection.
SIDEWAYS_RATIO = 1.0


def runs_sideways(image: Image.Image) -> bool:
    """Whether the text lines of ``image`` run up or down the page rather than across: the
    row sums of its ink then vary less from row to row than the column sums do."""
    import numpy as np

    ink = np.asarray(image.reduce(max(1, max(image.size) // 900))) < 160

    def sharpness(axis: int) -> float:
        return float(np.square(np.diff(ink.mean(axis=axis))).mean()) if ink.shape[1 - axis] > 1 else 0.0

    return sharpness(1) < SIDEWAYS_RATIO * sharpness(0)


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """``image`` straightened (same size, white corners) and the angle applied."""
    from PIL import Image as PILImage

    angle = skew_angle(image)
    if abs(angle) < 0.05:
        return image, 0.0
    return image.rotate(angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255), angle


#: Dark runs longer than this (points) are table rules or frames, not letters.
RULE_LENGTH = 40.0
#: Rows (columns) this far from a rule (points) are its blurred edge: a scanner spreads a thin
#: rule over a few pixels, and an edge left behind binarises into a second, thinner rule.
RULE_FRINGE = 0.75
#: Edge pixels lighter than this are painted white with their rule; darker ones are strokes of
#: letters that touch it.
FRINGE_LEVEL = 110
#: Ink with less than this much other ink (square points) within :data:`SPECK_RADIUS` points
#: is a speck of dust: Tesseract reads specks as "." or "‚" between and before words. A full
#: stop or an i-dot always has its letter within that radius, a list bullet is larger.
SPECK_AREA = 4.2
SPECK_RADIUS = 4.0
#: Margin (points) around an erased checkbox: a scan blurs its stroke over a few pixels
#: beyond the dark core that outlines it.
ERASE_PAD = 1.2


#: Side (pixels) of the aligned blocks :func:`_long_runs` first looks for solid rows of.
_RUN_BLOCK = 8


def _runs(ink: np.ndarray, longest: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, start and end (exclusive) of each horizontal run in ``ink`` at least ``longest`` long."""
    import numpy as np

    padded = np.pad(ink.astype(np.int8), ((0, 0), (1, 1)))
    delta = np.diff(padded, axis=1)
    rows, starts = np.nonzero(delta == 1)
    _, ends = np.nonzero(delta == -1)
    keep = ends - starts >= longest
    return rows[keep], starts[keep], ends[keep]


def long_runs(ink: np.ndarray, longest: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, start and end (exclusive) of each horizontal run in ``ink`` at least ``longest``
    long, by row and start.

    Only rows that can hold such a run are searched pixel by pixel: a run of ``longest``
    pixels covers at least ``(longest - 14) // 8`` whole aligned blocks of 8 pixels, so rows
    without that many solid blocks side by side (every row of text: letters leave gaps) are
    skipped. The result is the same as searching every row, at a fraction of the cost.
    """
    import numpy as np

    height, width = ink.shape
    block = _RUN_BLOCK
    need = (longest - 2 * (block - 1)) // block
    candidates = np.arange(height)
    if need >= 2 and width >= block:
        # A block of 8 solid pixels, read as one 64-bit word, has every byte at 1.
        blocks = np.ascontiguousarray(ink[:, : width // block * block], dtype=bool).view(np.uint64)
        solid = blocks == int.from_bytes(b"\x01" * block, "little")
        candidates = np.unique(_runs(solid, need)[0])
    if not len(candidates):
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, empty
    rows, starts, ends = _runs(ink[candidates], longest)
    return candidates[rows], starts, ends


def _long_runs(ink: np.ndarray, longest: int) -> np.ndarray:
    """Mask of the horizontal runs in ``ink`` that are at least ``longest`` pixels long (:func:`long_runs`)."""
    import numpy as np

    mask = np.zeros(ink.shape, dtype=bool)
    for row, start, end in zip(*(a.tolist() for a in long_runs(ink, longest)), strict=True):
        mask[row, start:end] = True
    return mask


def _paint_rules(view: np.ndarray, ink: np.ndarray, longest: int, fringe: int) -> None:
    """Paint white in ``view`` the horizontal runs of ``ink`` at least ``longest`` long, and
    the pixels of their ``fringe`` rows above and below that are no darker than
    :data:`FRINGE_LEVEL`.

    Only the rows that hold a rule or its fringe are touched: masks over the whole page, most of
    which has no rule, cost more than finding the rules."""
    import numpy as np

    height, width = ink.shape
    rows, starts, ends = long_runs(ink, longest)
    if not len(rows):
        return
    shifted = (rows[:, None] + np.arange(-fringe, fringe + 1)).ravel()
    inside = (shifted >= 0) & (shifted < height)
    edge_rows = shifted[inside]
    edge_starts = np.repeat(starts, 2 * fringe + 1)[inside]
    edge_ends = np.repeat(ends, 2 * fringe + 1)[inside]
    band = np.unique(edge_rows)

    def mask(at: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        marks = np.zeros((len(band), width + 1), dtype=np.int32)
        np.add.at(marks, (np.searchsorted(band, at), first), 1)
        np.add.at(marks, (np.searchsorted(band, at), last), -1)
        result: np.ndarray = np.cumsum(marks[:, :width], axis=1) > 0
        return result

    strip = view[band]
    strip[mask(rows, starts, ends)] = 255
    strip[mask(edge_rows, edge_starts, edge_ends) & (strip >= FRINGE_LEVEL)] = 255
    view[band] = strip


def without_rules(image: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """``image`` (greyscale) with long horizontal and vertical rules and their edges painted white.

    Text inside framed boxes and table cells touches the frame after a slight rotation;
    Tesseract then merges frame and letters ("Drucksache 1203124" for "1203/24"). The grey
    edge beside a removed rule goes too: left alone it became two thin rules ("‖") that
    Tesseract read as "|", "]" or "J" beside the cell text.
    """
    import numpy as np
    from PIL import Image as PILImage
    from PIL.Image import Transpose

    pixels = np.asarray(image).copy()
    ink = pixels < 160
    # The columns' ink as the rows of a copy (PIL turns the image over its diagonal fast; the
    # run search reads row by row, and a transposed view costs it a copy per step).
    across = np.asarray(image.transpose(Transpose.TRANSPOSE)) < 160
    longest = int(RULE_LENGTH * dpi / 72)
    fringe = max(1, round(RULE_FRINGE * dpi / 72))
    _paint_rules(pixels, ink, longest, fringe)
    _paint_rules(pixels.T, across, longest, fringe)
    return PILImage.fromarray(pixels)


#: Half the side (pixels at :data:`~.engine.OCR_DPI`) of the square whose mean :func:`binarize`
#: compares a pixel with: about 2 mm, a few letters' width.
_LOCAL_RADIUS = 12


def binarize(image: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """Black text on white by a local threshold: darker than the surrounding mean by a margin.

    Tesseract's global threshold loses text on shaded table cells (grey fill behind the
    number box or a highlighted row); a local mean keeps it.
    """
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    pixels = np.asarray(image)
    radius = max(2, round(_LOCAL_RADIUS * dpi / OCR_DPI))
    local = np.asarray(image.filter(ImageFilter.BoxBlur(radius)))
    # "darker than the mean less 20", in 8 bits: nothing is darker than 0 where the mean is below 20.
    ink = (pixels < np.maximum(local, 20) - 20) | (pixels < 90)
    return PILImage.fromarray(np.where(ink, np.uint8(0), np.uint8(255)))


def _window_sums(rows: np.ndarray, size: int) -> np.ndarray:
    """For every run of ``size`` consecutive rows of ``rows``, their sum (one row per run).

    Sums of 1, 2, 4, … rows are made by adding a sum to itself shifted (a handful of whole-array
    additions); a run of ``size`` rows adds those that its binary digits ask for. NumPy's
    running sum down the columns walks the array column by column and is several times slower.
    """
    count = rows.shape[0] - size + 1
    total: np.ndarray | None = None
    power, width, offset, left = rows, 1, 0, size
    while True:
        if left & 1:
            part = power[offset : offset + count]
            total = part.copy() if total is None else total + part
            offset += width
        left >>= 1
        if not left:
            break
        power = power[:-width] + power[width:]
        width *= 2
    assert total is not None
    return total


def _box_sum(mask: np.ndarray, radius: int) -> np.ndarray:
    """For every pixel, how many pixels of ``mask`` lie in the square of ``radius`` around it.

    Running sums along the rows, then sums of whole rows down the columns
    (:func:`_window_sums`), in 16 bits: the running sums wrap around, but a difference of two
    of them is exact as long as the square holds fewer than 65,536 pixels.
    """
    import numpy as np

    size = 2 * radius + 1
    if size * size >= 1 << 16:
        raise ValueError(f"a square of radius {radius} is too large for 16-bit sums")
    padded = np.pad(mask.astype(np.uint8), radius)
    across = np.zeros((padded.shape[0], padded.shape[1] + 1), dtype=np.uint16)
    np.cumsum(padded, axis=1, dtype=np.uint16, out=across[:, 1:])
    return _window_sums(across[:, size:] - across[:, :-size], size)


def despeckle(binary: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """``binary`` without isolated specks: ink with almost no other ink around it (see
    :data:`SPECK_AREA`)."""
    import numpy as np
    from PIL import Image as PILImage

    pixels = np.asarray(binary).copy()
    ink = pixels < 128
    scale = dpi / 72
    crowd = _box_sum(ink, max(1, round(SPECK_RADIUS * scale)))
    pixels[ink & (crowd <= SPECK_AREA * scale * scale)] = 255
    return PILImage.fromarray(pixels)


def _extreme(pixels: np.ndarray, size: int, pick: Callable[..., np.ndarray]) -> np.ndarray:
    """The maximum (``pick=np.maximum``; ``np.logical_or`` for a mask) of every ``size`` × ``size``
    square around each pixel, edges repeated outwards: PIL's ``MaxFilter``, done as two passes
    of shifted arrays (a square's extreme is that of its rows' extremes), which is many times
    faster than PIL's sorting rank filter."""
    import numpy as np

    radius = size // 2
    padded = np.pad(pixels, radius, mode="edge")
    height, width = pixels.shape
    rows = padded[:, :width].copy()
    for shift in range(1, size):
        pick(rows, padded[:, shift : shift + width], out=rows)
    out: np.ndarray = rows[:height].copy()
    for shift in range(1, size):
        pick(out, rows[shift : shift + height], out=out)
    return out


def flatten(image: Image.Image) -> Image.Image:
    """``image`` divided by its local background (the brightest pixels nearby): paper becomes
    white, shading behind text goes, and the strokes keep their grey edges."""
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    # The background varies slowly: estimate it on a quarter-size copy (a 7-pixel maximum
    # there spans about 2 mm at 300 dpi, wider than any stroke).
    reduced = PILImage.fromarray(_extreme(np.asarray(image.reduce(4)), 7, np.maximum))
    small = reduced.filter(ImageFilter.BoxBlur(2))
    background = np.asarray(small.resize(image.size, PILImage.Resampling.BILINEAR), dtype=np.float32)
    pixels = np.asarray(image, dtype=np.float32)
    flat = np.clip(pixels * 255.0 / np.maximum(background, 1.0), 0, 255)
    return PILImage.fromarray(flat.astype(np.uint8))


def prepare(
    image: Image.Image, dpi: int = OCR_DPI, erase: Sequence[tuple[int, int, int, int]] = ()
) -> tuple[Image.Image, np.ndarray]:
    """The image Tesseract reads, and the ink mask that later steps look at (both from the
    deskewed greyscale render; see :func:`prepare_specks`)."""
    prepared, ink, _ = prepare_specks(image, dpi, erase)
    return prepared, ink


def prepare_specks(
    image: Image.Image, dpi: int = OCR_DPI, erase: Sequence[tuple[int, int, int, int]] = ()
) -> tuple[Image.Image, np.ndarray, np.ndarray]:
    """The image Tesseract reads, the ink mask that later steps look at (both from the
    deskewed greyscale render), and the mask of the specks taken out (a separator dot between
    two words far apart is one of them: :mod:`.separators` puts it back).

    Rules and specks go (:func:`without_rules`, :func:`despeckle`), and so do the boxes in
    ``erase`` (pixel boxes of the checkboxes, which are read from the pixels: Tesseract merges
    a box with its label, "[X]Ja" becomes "Ja" spread over box and word). The ink of the local
    threshold (:func:`binarize`), grown by a pixel, keeps its grey values from the flattened
    render and everything else turns white. Tesseract's recogniser reads grey strokes better
    than thresholded ones — thresholding thickens the blurred strokes of a 150–200 dpi scan
    until letters touch ("https://\\www", "Eigenmiittel", "rathausl/") — while its layout
    analysis sees the same clean page as with a binary image.
    """
    import numpy as np
    from PIL import Image as PILImage

    clean = without_rules(image, dpi)
    thresholded = binarize(clean, dpi)
    binary = despeckle(thresholded, dpi)
    ink = np.asarray(binary) < 128
    specks = (np.asarray(thresholded) < 128) & ~ink
    grown = _extreme(ink, 3, np.logical_or)  # the ink grown by a pixel
    pad = max(1, round(ERASE_PAD * dpi / 72))  # the blurred edge of the box's stroke
    for left, top, right, bottom in erase:
        box = (slice(max(top - pad, 0), bottom + pad), slice(max(left - pad, 0), right + pad))
        ink[box] = False
        grown[box] = False
    flat = np.asarray(flatten(clean))
    return PILImage.fromarray(np.where(grown, flat, 255).astype(np.uint8)), ink, specks


#: Radius (points) of the blur that :func:`dither_level` compares a page with: about the pitch of
#: a black-and-white scanner's halftone dots at 150-200 dpi, finer than a letter's stroke.
DITHER_BLUR = 0.5
#: Pixels whose blurred value is lighter than this are paper (or a shade) for :func:`dither_level`.
DITHER_PAPER = 150
#: A pixel this much darker than its blur is a dot for :func:`dither_level`.
DITHER_DOT = 60
#: Blurred pixels darker than this are strokes of print; paper within :data:`DITHER_MARGIN`
#: points of them is left out, since the edges and hairlines of letters are dark against their
#: blur as dots are (a clean 300 dpi serif page scored 1.4 % with them, as much as a dithered one).
DITHER_STROKE = 140
DITHER_MARGIN = 2.5
#: A page of which a larger share of the paper is dots is dithered: greyscale scans of the
#: development sets and fixtures (seeds 17, 19, 23, clean or worn) showed at most 0.01 %, dithered
#: pages (grey paper in a halftone mode, seed 31) 0.9-7.1 %.
DITHER_SHARE = 0.003
#: Radius (points) of the blur that merges a dithered page's dots back into grey (:func:`descreen`).
DESCREEN_BLUR = 0.4


def dither_level(image: Image.Image, dpi: int = OCR_DPI) -> float:
    """The share of the paper of ``image`` (greyscale) that is dark dots: pixels much darker
    than a slight blur of them (:data:`DITHER_DOT`) where that blur is light, away from print.
    Paper scanned in grey varies by the scanner's noise, a few levels; paper that a
    black-and-white scanner's halftone mode turned into dots holds pixels nearly black among it."""
    import numpy as np
    from PIL import ImageFilter

    # The middle of the page holds its text and a quarter of its pixels: enough to judge, at a
    # quarter of the cost (a reduced copy would average the dots away).
    width, height = image.size
    middle = image.crop((width // 4, height // 4, width - width // 4, height - height // 4))
    pixels = np.asarray(middle, dtype=np.float32)
    blurred = np.asarray(middle.filter(ImageFilter.GaussianBlur(DITHER_BLUR * dpi / 72)), dtype=np.float32)
    near_print = _extreme(blurred < DITHER_STROKE, 2 * round(DITHER_MARGIN * dpi / 72) + 1, np.logical_or)
    paper = (blurred > DITHER_PAPER) & ~near_print
    if not paper.any():
        return 0.0
    return float((pixels < blurred - DITHER_DOT)[paper].mean())


def descreen(image: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """``image`` (greyscale) with a dithered page's dots merged back into grey when
    :func:`dither_level` finds them (more than :data:`DITHER_SHARE`), else as it is.

    A halftone mode prints grey paper as a field of black dots: the local threshold of
    :func:`binarize` takes every dot darker than its surroundings for ink, and Tesseract reads a
    page of dust (almost nothing of the text on such pages was read). A blur about as wide as
    the dots' pitch turns the field into an even grey, under which the print stays darker."""
    from PIL import ImageFilter

    if dither_level(image, dpi) <= DITHER_SHARE:
        return image
    return image.filter(ImageFilter.GaussianBlur(DESCREEN_BLUR * dpi / 72))
