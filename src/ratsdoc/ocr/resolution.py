"""The resolution a scanned page is read at, chosen from the size of its print.

Tesseract's recogniser scales every text line to a fixed height before it reads it, so print
whose x-height (the height of "x", "n", "u") already spans :data:`TARGET_X_HEIGHT` pixels gains
nothing from more pixels; only the layout analysis and the image filters pay for them, in
proportion to the pixel count. A page's render is therefore looked at small (:data:`PROBE_DPI`),
the x-height of its print measured there (:func:`x_height`), and the page then scaled to
the resolution that gives its print that x-height: 300 dpi for small print, less for large.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tsv import OCR_DPI

if TYPE_CHECKING:
    from PIL import Image

#: Resolution of the small render the print is measured in: the x-height of 10 pt print is
#: about 11 pixels there, enough to tell 10 from 12 pt.
PROBE_DPI = 150
#: Darker than this is ink in the probe.
PROBE_INK = 140
#: Vertical runs of ink shorter than this (points) are horizontal strokes, serifs or specks,
#: not the stems of letters.
MIN_STEM = 3.0
#: Longer runs (points) are rules, frames and pictures.
MAX_STEM = 20.0
#: Fewest letter stems on a page for its x-height to count: fewer, and the page is read at
#: :data:`~.tsv.OCR_DPI` as before.
MIN_STEMS = 200


def x_height(image: Image.Image, dpi: float) -> float | None:
    """The x-height (points) of the most common print of ``image`` (greyscale at ``dpi``), or
    None when the page shows too little print to tell.

    The vertical runs of ink through a line of print are mostly the stems of its small letters
    ("n", "m", "u", "i", "r" and the sides of "o"), all one x-height long; stems with ascenders
    or descenders and the strokes across letters are fewer and spread over many lengths. The
    most common run length, weighed with its neighbours so that a stem blurred by a pixel still
    counts, is the x-height.
    """
    import numpy as np

    ink = np.asarray(image) < PROBE_INK
    padded = np.pad(ink.T.astype(np.int8), ((0, 0), (1, 1)))
    delta = np.diff(padded, axis=1)
    starts = np.nonzero(delta == 1)[1]
    ends = np.nonzero(delta == -1)[1]
    lengths = ends - starts
    shortest, longest = max(2, round(MIN_STEM * dpi / 72)), round(MAX_STEM * dpi / 72)
    stems = lengths[(lengths >= shortest) & (lengths <= longest)]
    if len(stems) < MIN_STEMS:
        return None
    counts = np.bincount(stems, minlength=longest + 2).astype(np.float64)
    smooth = counts.copy()
    smooth[1:] += counts[:-1] * 0.5
    smooth[:-1] += counts[1:] * 0.5
    peak = int(np.argmax(smooth))
    # The peak refined by the centre of mass of it and its neighbours (a sub-pixel x-height).
    around = counts[peak - 1 : peak + 2]
    centre = float((around * np.arange(peak - 1, peak + 2)).sum() / max(around.sum(), 1.0))
    return centre * 72 / dpi


#: The x-height (pixels) print is read at. Tesseract's recogniser scales each text line to 36
#: pixels, ascenders and descenders included (an x-height of about 16); print rendered larger
#: is scaled down again. By ``scripts/ocr_wer.py`` on the scanned fixtures (44 word errors at
#: 300 dpi throughout): 45 errors at 20 pixels (pages at 250–300 dpi), 50 at 18, 74 at 16.
TARGET_X_HEIGHT = 20.0
#: The lowest resolution a page is read at, however large its print.
MIN_OCR_DPI = 150
#: Resolutions are whole multiples of this, as scanners offer them (150, 200, 250, 300): the
#: pixel constants of the filters were set at such resolutions, and :mod:`.marks` measures in
#: cells of a whole number of pixels that are 1.016 mm at each of them but 0.98 mm at 234 dpi,
#: which let a filled logo pass for neither a stroke nor a blob.
DPI_STEP = 50


def reading_dpi(height: float | None, limit: int = OCR_DPI) -> int:
    """The resolution to read print of x-height ``height`` (points) at: the multiple of
    :data:`DPI_STEP` nearest to the one that gives it :data:`TARGET_X_HEIGHT` pixels, between
    :data:`MIN_OCR_DPI` and ``limit``; ``limit`` when the x-height is unknown."""
    if height is None or height <= 0:
        return limit
    wanted = DPI_STEP * round(TARGET_X_HEIGHT * 72 / height / DPI_STEP)
    return max(min(MIN_OCR_DPI, limit), min(limit, wanted))


def image_dpi(image: Image.Image) -> int:
    """The resolution ``image`` was rendered at, as the OCR step notes it in ``image.info``
    (PIL's "dpi"; crops keep it); :data:`~.tsv.OCR_DPI` when it is not noted."""
    noted = image.info.get("dpi")
    try:
        return max(1, round(float(noted[0]))) if noted else OCR_DPI
    except (TypeError, ValueError, IndexError):
        return OCR_DPI


def note_dpi(image: Image.Image, dpi: int) -> Image.Image:
    """``image`` with ``dpi`` noted for the engine (see :func:`image_dpi`)."""
    image.info["dpi"] = (dpi, dpi)
    return image


def at_reading_dpi(image: Image.Image, dpi: int) -> tuple[Image.Image, int]:
    """``image`` (a page rendered at ``dpi``, grey or colour) scaled to the resolution its print
    is read at (:func:`reading_dpi` of its :func:`x_height`, measured on a copy reduced to
    about :data:`PROBE_DPI`), and that resolution; as it is when that is ``dpi``."""
    from PIL import Image as PILImage

    from .render import greyscale

    factor = max(1, dpi // PROBE_DPI)
    wanted = reading_dpi(x_height(greyscale(image).reduce(factor), dpi / factor), dpi)
    if wanted >= dpi:
        return image, dpi
    size = (max(1, round(image.width * wanted / dpi)), max(1, round(image.height * wanted / dpi)))
    # Area averaging: every source pixel counts once, as a scanner's sensor would count it.
    return image.resize(size, PILImage.Resampling.BOX), wanted
