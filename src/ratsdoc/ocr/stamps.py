"""Ink without regular text lines: intake stamps, handwritten notes, signatures and logos.

Tesseract reads such ink as words too ("stadt Köln M", "LWieElkeme", "en?"), and merges them
into the printed line beside them ("Bauvorhaben Räuberwäldchen, Köln-Klettenberg stadt Köln
M"), where they spoil the title, the date or a heading. Where several words of doubtful
confidence cluster, the ink is such a region; its words go unless they form a regular run of
text: a piece of a Tesseract line, unbroken by a wide gap, of confident words of the page's
usual height ("Köln, den 23. Januar 2012" beside a stamp stays).
"""

from __future__ import annotations

from statistics import median

from .engine import OcrWord
from .passes import Region, _merge_regions, _overlaps, _word_box

#: Words below this confidence are doubtful: on the Köln scans most stamp and handwriting
#: words scored 0–20, printed words 79–97. (At 50 and two words per region, table cells and
#: checkbox labels of the fixture scans were taken for stamps.)
DOUBTFUL = 25.0
#: A region needs this many doubtful words: one misread printed word is no stamp.
MIN_DOUBTFUL = 3
#: A run of words is regular text when its mean confidence reaches this ...
REGULAR_CONFIDENCE = 75.0
#: ... and its words are between these multiples of the page's usual word height.
REGULAR_HEIGHT = (0.5, 1.8)
#: A gap wider than this many word heights splits a Tesseract line into runs (a stamp beside
#: the text it was pressed next to).
RUN_GAP = 2.0


def _runs(words: list[OcrWord], height: float) -> list[list[OcrWord]]:
    """The words split into runs: same Tesseract line, no gap wider than :data:`RUN_GAP`."""
    lines: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault((word.line_top, word.line_bottom), []).append(word)
    runs: list[list[OcrWord]] = []
    for line in lines.values():
        line.sort(key=lambda w: w.left)
        run = [line[0]]
        for word in line[1:]:
            if word.left - (run[-1].left + run[-1].width) > RUN_GAP * height:
                runs.append(run)
                run = []
            run.append(word)
        runs.append(run)
    return runs


def _regular(run: list[OcrWord], height: float) -> bool:
    letters = sum(len(w.text) for w in run)
    confidence = sum(w.confidence * len(w.text) for w in run) / max(letters, 1)
    low, high = REGULAR_HEIGHT
    return confidence >= REGULAR_CONFIDENCE and all(low * height <= w.height <= high * height for w in run)


def stamp_regions(words: list[OcrWord]) -> list[Region]:
    """Boxes (pixels) around clusters of at least :data:`MIN_DOUBTFUL` doubtful words."""
    sure = [w.height for w in words if w.confidence >= REGULAR_CONFIDENCE]
    if not sure:
        return []
    pad = int(median(sure))
    seeds = [
        (x0 - 2 * pad, y0 - pad, x1 + 2 * pad, y1 + pad)
        for x0, y0, x1, y1 in (_word_box(w) for w in words if w.confidence < DOUBTFUL)
    ]
    regions = _merge_regions(seeds)
    return [
        region
        for region in regions
        if sum(1 for w in words if w.confidence < DOUBTFUL and _overlaps(region, _word_box(w))) >= MIN_DOUBTFUL
    ]


def without_stamps(words: list[OcrWord]) -> tuple[list[OcrWord], int]:
    """``words`` without those of stamp, handwriting and logo regions, and how many went."""
    regions = stamp_regions(words)
    if not regions:
        return words, 0
    height = median(w.height for w in words if w.confidence >= REGULAR_CONFIDENCE)
    dropped: set[int] = set()
    for run in _runs(words, height):
        if _regular(run, height):
            continue
        dropped.update(id(w) for w in run if any(_overlaps(region, _word_box(w)) for region in regions))
    return [w for w in words if id(w) not in dropped], len(dropped)
