"""Text a scan's own OCR layer left out, read from the pixels: a kept layer is completed, not
replaced.

A scanner's OCR skips what it cannot segment — a table's header row printed on a halftone
shade, the last line of a crowded table cell — and such text is simply missing from the
layer. The page is rendered anyway (checkboxes are read from its
pixels), so the ink that no layer word covers (:func:`~.passes.uncovered_text`, the test the
second pass uses on Tesseract's own gaps) is read here, region by region, and the words read
with confidence join the layer's.

Each region is read twice, as :func:`~.filters.prepare` makes a page for Tesseract and
descreened (:func:`descreen`: blurred by about a halftone dot's pitch and thresholded, which
turns a shade's dot pattern white and leaves the strokes of print); the reading with the
higher confidence, weighted by letters, is kept — a measurable choice per region, not a
setting per file. On a plain background both read alike; on a shade only the descreened
image reads at all (a shaded header row: nothing, against "Frauenförderplan oder
vergleichbare …" at confidence 80–90). Region words need a sure reading and some length
(:data:`MIN_ALNUM`, :data:`LONE_WORD`): a logo's edge or a stamp read as "GG" or "ngang"
is no text the layer missed.

On a page that draws lines of its text as images (:func:`~.policy.text_strips`), the regions
are those strips (:func:`strip_words`): the page is masked to them, so that neither the layer's glyphs
nor a logo are read, and they are read in one run as a column of lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .bands import shifted
from .engine import OcrBackend, OcrWord
from .passes import MAX_REGIONS, SECOND_ACCEPT, uncovered_text
from .words import words_to_chars

if TYPE_CHECKING:
    from PIL import Image

    from ..layout.model import Box, Char, Page

#: Page segmentation mode for a region: "a single uniform block of text" (a header row, a
#: cell's last lines), which mode 11 breaks into scattered words.
REGION_PSM = "6"
#: Blur radius (pixels at 300 dpi) and threshold of :func:`descreen`: a halftone shade's dots
#: stand about 3 pixels apart at 300 dpi; print strokes are thicker than that and stay dark.
DESCREEN_RADIUS, DESCREEN_THRESHOLD = 1.5, 90
#: A word read from a gap counts only with this many letters or digits ("GG", "bH", "Er-" are
#: what Tesseract reads from a logo's edge, a stamp or a signature's loop), and a region's
#: words count only when there are two of them or one of :data:`LONE_WORD` letters (a lone
#: "ngang" is a stamp's "Eingang"; a cell's lost last word "ausgezeichnet." is print).
MIN_ALNUM, LONE_WORD = 3, 6
#: Page segmentation mode for the strips of a page, read together: "a single column of text
#: of variable sizes" keeps the lines apart where a block (6) would join a heading and its text.
STRIP_PSM = "4"
#: Confidence a word read from a strip needs. The strips are text (their shape says so) and
#: clean (an image mask of the glyphs, no paper), so the bar for short words is lower than in a
#: gap: an agenda number "1." reads at 76–79 where the words of the Erlangen strips read at 87–97.
STRIP_ACCEPT = 60.0
#: White margin (pixels) around the masked strips, so that no glyph touches the image's edge.
STRIP_MARGIN = 12


def descreen(image: Image.Image, dpi: int) -> Image.Image:
    """``image`` (greyscale) blurred over a halftone dot's pitch and thresholded: dot patterns
    of a shade become white, print stays black."""
    from PIL import ImageFilter

    blurred = image.filter(ImageFilter.GaussianBlur(DESCREEN_RADIUS * dpi / 300))
    return blurred.point(lambda v: 0 if v < DESCREEN_THRESHOLD else 255)


def _quality(words: list[OcrWord]) -> float:
    """Confidence of a reading weighted by the letters of its words (0 for none)."""
    letters = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / letters if letters else 0.0


def _layer_words(page: Page, dpi: int) -> list[OcrWord]:
    """The layer's chars as word boxes in pixels (one box per run of non-space chars)."""
    scale = dpi / 72
    words: list[OcrWord] = []
    run: list[Char] = []
    for char in [*page.chars, None]:
        if (
            char is not None
            and not char.text.isspace()
            and (
                not run
                or (abs(char.top - run[-1].top) < 2 and char.x0 - run[-1].x0 >= 0 and char.x0 - run[-1].x1 < char.size)
            )
        ):
            run.append(char)
            continue
        if run:
            left, top = min(c.x0 for c in run) * scale, min(c.top for c in run) * scale
            right, bottom = max(c.x1 for c in run) * scale, max(c.bottom for c in run) * scale
            words.append(
                OcrWord(
                    "".join(c.text for c in run),
                    int(left),
                    int(top),
                    int(right - left) + 1,
                    int(bottom - top) + 1,
                    int(top),
                    int(bottom) + 1,
                    100.0,
                )
            )
        run = [char] if char is not None and not char.text.isspace() else []
    return words


def strip_words(
    image: Image.Image, dpi: int, within: Sequence[Box], engine: OcrBackend, *, signs: bool = False
) -> list[OcrWord]:
    """Words read with :data:`STRIP_ACCEPT` in the boxes ``within`` (points) of ``image``; with
    ``signs`` also words without a letter or digit ("–", "§", "€)"), where the boxes are known to
    hold text (the glyphs of a font whose layer cannot be read, :mod:`.garbled`)."""
    from PIL import Image

    from .filters import prepare
    from .resolution import note_dpi

    scale = dpi / 72
    boxes = [
        (
            max(int(x0 * scale), 0),
            max(int(top * scale), 0),
            min(math.ceil(x1 * scale), image.width),
            min(math.ceil(bottom * scale), image.height),
        )
        for x0, top, x1, bottom in within
    ]
    boxes = [box for box in boxes if box[2] > box[0] and box[3] > box[1]]
    if not boxes:
        return []
    left, top = min(b[0] for b in boxes) - STRIP_MARGIN, min(b[1] for b in boxes) - STRIP_MARGIN
    right, bottom = max(b[2] for b in boxes) + STRIP_MARGIN, max(b[3] for b in boxes) + STRIP_MARGIN
    masked = Image.new("L", (right - left, bottom - top), 255)
    for box in boxes:
        masked.paste(image.crop(box), (box[0] - left, box[1] - top))
    prepared, _ = prepare(note_dpi(masked, dpi), dpi)
    read = engine.recognise(note_dpi(prepared, dpi), psm=STRIP_PSM)
    return shifted(
        [w for w in read if w.confidence >= STRIP_ACCEPT and (signs or any(ch.isalnum() for ch in w.text))], left, top
    )


def gap_words(image: Image.Image, dpi: int, page: Page, engine: OcrBackend) -> list[OcrWord]:
    """Words read with confidence (:data:`~.passes.SECOND_ACCEPT`) in the ink of ``image``
    (the page rendered at ``dpi``) that no char of ``page``'s layer covers."""
    from .filters import prepare

    prepared, _ = prepare(image, dpi)
    found: list[OcrWord] = []
    for x0, y0, x1, y1 in uncovered_text(prepared, _layer_words(page, dpi))[:MAX_REGIONS]:
        x0, y0 = max(x0, 0), max(y0, 0)
        x1, y1 = min(x1, image.width), min(y1, image.height)
        if x1 - x0 < 8 or y1 - y0 < 8:
            continue
        box = (x0, y0, x1, y1)
        readings = [engine.recognise(prepared.crop(box), psm=REGION_PSM)]
        readings.append(engine.recognise(descreen(image.crop(box), dpi), psm=REGION_PSM))
        best = [
            w
            for w in max(readings, key=_quality)
            if w.confidence >= SECOND_ACCEPT and sum(ch.isalnum() for ch in w.text) >= MIN_ALNUM
        ]
        if len(best) == 1 and sum(ch.isalpha() for ch in best[0].text) < LONE_WORD:
            continue
        found += shifted(best, x0, y0)
    return found


def with_layer_gaps(page: Page, image: Image.Image, dpi: int, engine: OcrBackend | None) -> Page:
    """``page`` (a scan with its own OCR layer) with the words of :func:`gap_words` added as
    chars; as it is without an engine."""
    if engine is None:
        return page
    words = gap_words(image, dpi, page, engine)
    if not words:
        return page
    return replace(page, chars=page.chars + words_to_chars(words, dpi))
