"""The second OCR pass: regions read in doubt or skipped by the first pass are read again on
their own, and the new words merged in where they are surer."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .bands import in_threads, shifted
from .engine import OCR_DPI, OcrBackend, OcrWord
from .resolution import image_dpi

if TYPE_CHECKING:
    from PIL import Image

#: Words read with less confidence than this are read again, with their surroundings.
LOW_CONFIDENCE = 60.0
#: Second-pass words below this confidence are noise (specks, cut-off letters).
SECOND_MIN_CONFIDENCE = 40.0
#: A second-pass word is taken only with at least this confidence: mode 11 reads box edges
#: and table rules into neighbouring words ("Dnein"), and only a sure reading may replace.
SECOND_ACCEPT = 80.0
#: Page segmentation mode of the second pass: "sparse text" finds words wherever they stand,
#: where mode 4 merges a framed box with the column beside it or skips it as a picture.
SECOND_PSM = "11"
#: Ink left uncovered by any word, in cells of this many pixels (at 300 dpi; scaled with the
#: page's resolution), hints at text Tesseract skipped.
_CELL = 16
#: A cell holds uncovered text when this many of its pixels are ink (at 300 dpi).
_CELL_INK = 12
#: Uncovered ink spanning at least this many cells in a row is a word, not a speck.
_MIN_RUN_CELLS = 4
#: At most this many regions per page are read again (bounds the OCR time of a bad page).
MAX_REGIONS = 12

Region = tuple[int, int, int, int]


def _overlaps(a: Region, b: Region) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merge_regions(regions: list[Region]) -> list[Region]:
    """Overlapping regions merged until none overlap."""
    merged = list(regions)
    changed = True
    while changed:
        changed = False
        out: list[Region] = []
        for region in merged:
            for i, other in enumerate(out):
                if _overlaps(region, other):
                    out[i] = (
                        min(region[0], other[0]),
                        min(region[1], other[1]),
                        max(region[2], other[2]),
                        max(region[3], other[3]),
                    )
                    changed = True
                    break
            else:
                out.append(region)
        merged = out
    return merged


def _word_box(word: OcrWord) -> Region:
    return word.left, word.top, word.left + word.width, word.top + word.height


def uncovered_text(binary: Image.Image, words: list[OcrWord]) -> list[Region]:
    """Boxes of ink that no word covers and that runs wide enough to be text (pixels).

    Tesseract's page layout analysis sometimes takes a line for a picture and returns no
    words for it at all (a letterhead beside a framed box); that ink is still on the page.
    """
    import numpy as np

    scale = image_dpi(binary) / OCR_DPI
    cell, cell_ink = max(4, round(_CELL * scale)), _CELL_INK * scale * scale
    ink = np.asarray(binary) < 128
    covered = np.zeros(ink.shape, dtype=bool)
    for word in words:
        pad = max(word.height // 4, 4)
        x0, y0, x1, y1 = _word_box(word)
        covered[max(y0 - pad, 0) : y1 + pad, max(x0 - pad, 0) : x1 + pad] = True
    loose = ink & ~covered
    rows, cols = loose.shape[0] // cell, loose.shape[1] // cell
    cells = loose[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).sum(axis=(1, 3))
    texty = cells >= cell_ink
    regions: list[Region] = []
    for row in range(rows):
        run_start = None
        gap = 0
        for col in range(cols + 1):
            on = col < cols and bool(texty[row, col])
            if on:
                if run_start is None:
                    run_start = col
                gap = 0
                last = col
                continue
            if run_start is not None:
                gap += 1
                if gap > 2 or col == cols:  # a run ends after more than two empty cells
                    if last - run_start + 1 >= _MIN_RUN_CELLS:
                        regions.append((run_start * cell, row * cell, (last + 1) * cell, (row + 1) * cell))
                    run_start, gap = None, 0
    return _merge_regions([(x0 - cell, y0 - cell, x1 + cell, y1 + cell) for x0, y0, x1, y1 in regions])


def doubtful_regions(binary: Image.Image, words: list[OcrWord]) -> list[Region]:
    """Regions to read again: around words of low confidence, and ink no word covers.

    A region grows to hold every first-pass word it touches whole, so that the second pass
    never sees half a word.
    """
    seeds: list[Region] = []
    for word in words:
        if word.confidence < LOW_CONFIDENCE and (len(word.text) > 1 or word.text.isalnum()):
            h = max(word.line_bottom - word.line_top, word.height, 20)
            x0, y0, x1, y1 = _word_box(word)
            seeds.append((x0 - 2 * h, y0 - h, x1 + 2 * h, y1 + h))
    seeds += uncovered_text(binary, words)
    regions = _merge_regions(seeds)
    grown: list[Region] = []
    for region in regions:
        x0, y0, x1, y1 = region
        for word in words:
            box = _word_box(word)
            if _overlaps(region, box):
                x0, y0 = min(x0, box[0]), min(y0, box[1])
                x1, y1 = max(x1, box[2]), max(y1, box[3])
        grown.append((max(x0 - 8, 0), max(y0 - 8, 0), min(x1 + 8, binary.width), min(y1 + 8, binary.height)))
    return _merge_regions(grown)[:MAX_REGIONS]


def _overlap_share(a: Region, b: Region) -> float:
    """Intersection of two boxes as a share of the smaller one."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / max(smaller, 1)


#: A second-pass word replaces first-pass words only when it is this much more confident.
_BETTER_BY = 5.0
#: ... and only when it has at least this share of their letters: a word whose box spans
#: several first-pass words but whose text is one of them has lost the others.
_SHORTER = 0.6
#: ... and, when it has fewer letters than they have, only when its box spans at least this
#: share of theirs: "Haushalt" over the left-hand end of "imHaushalt" (Tesseract 5.5 ran the two
#: words together) has lost the "im" its box does not reach.
_SPANS = 0.85


def _quality(words: list[OcrWord]) -> float:
    """Confidence of a reading, weighted by the letters each word contributes."""
    letters = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / letters if letters else 0.0


def _spans(box: Region, covered: list[OcrWord]) -> bool:
    """Whether ``box`` spans :data:`_SPANS` of the width of the ``covered`` words together."""
    left, right = min(o.left for o in covered), max(o.left + o.width for o in covered)
    return min(box[2], right) - max(box[0], left) >= _SPANS * (right - left)


def merge_readings(first: list[OcrWord], again: list[OcrWord]) -> list[OcrWord]:
    """``first`` with the words of a second reading merged in, word by word.

    A new word that covers no first-pass word fills a gap (text the first pass skipped); one
    that covers first-pass words replaces them when it is sure (:data:`SECOND_ACCEPT`), reads
    differently with about as many letters (:data:`_SHORTER`) over about their width
    (:data:`_SPANS`), and is more confident than
    they are together (by :data:`_BETTER_BY` unless one of them is of low confidence). An
    added word takes the line band of the word it replaces, else of the first-pass line it
    sits on, so that it joins that line.
    """
    kept = list(first)
    added: list[tuple[OcrWord, list[OcrWord]]] = []
    for word in sorted(again, key=lambda w: -w.confidence):
        box = _word_box(word)
        if any(_overlap_share(box, _word_box(a)) > 0.2 for a, _ in added):
            continue
        covered = [o for o in kept if _overlap_share(box, _word_box(o)) > 0.2]
        if covered and "".join(o.text for o in covered) == word.text:
            continue  # the same reading: keep the first pass's boxes and lines
        if covered and len(word.text) < _SHORTER * sum(len(o.text) for o in covered):
            continue  # a box wider than its text ("Deckung" over "Deckung im Haushalt")
        if covered and len(word.text) < sum(len(o.text) for o in covered) and not _spans(box, covered):
            continue  # a box narrower than what it replaces ("Haushalt" over "imHaushalt")
        before = _quality(covered)
        doubtful = any(o.confidence < LOW_CONFIDENCE for o in covered)
        if word.confidence >= SECOND_ACCEPT and word.confidence > before + (0.0 if doubtful else _BETTER_BY):
            kept = [o for o in kept if o not in covered]
            added.append((word, covered))
    result = list(kept)
    for word, covered in added:
        centre = word.top + word.height / 2
        # The line of a replaced word first, else the kept line the word sits on.
        candidates = sorted(covered, key=lambda o: -_overlap_share(_word_box(word), _word_box(o)))
        candidates += sorted(kept, key=lambda o: abs(o.left - word.left))
        band = next(
            (
                o
                for o in candidates
                if o.line_top <= centre <= o.line_bottom and o.line_bottom - o.line_top <= 2.2 * max(word.height, 1)
            ),
            None,
        )
        if band is not None:
            word = replace(word, line_top=band.line_top, line_bottom=band.line_bottom)
        result.append(word)
    return result


def second_pass(engine: OcrBackend, binary: Image.Image, words: list[OcrWord], threads: int = 1) -> list[OcrWord]:
    """``words`` with each doubtful region read again (:data:`SECOND_PSM`) on its own and the
    new reading merged in by :func:`merge_readings`; the regions are read by up to ``threads``
    threads, their words taken in region order (the same as one thread reads)."""

    def read(region: Region) -> list[OcrWord]:
        words = engine.recognise(binary.crop(region), psm=SECOND_PSM)
        return shifted([w for w in words if w.confidence >= SECOND_MIN_CONFIDENCE], region[0], region[1])

    regions = [r for r in doubtful_regions(binary, words) if r[2] - r[0] >= 8 and r[3] - r[1] >= 8]
    again = [word for found in in_threads(read, regions, threads) for word in found]
    return merge_readings(words, again) if again else words
