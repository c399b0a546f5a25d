"""A page read alone by several threads: its first pass in horizontal bands cut at blank rows,
its second-pass regions side by side.

Pages of a file are read side by side (:mod:`.parallel`), one core each, Tesseract running
single-threaded (``OMP_THREAD_LIMIT=1``, :mod:`.warm`). A file of one page therefore left all
but one core idle, where plain ``tesseract`` spreads the page over its OpenMP threads. Letting
the library use two OpenMP threads is no remedy: it reads that limit once, when it is loaded,
for every page of every parse after, and pages read side by side would then start two threads
each on two cores. Instead, a page read alone is cut into :func:`bands` — at the widest runs of
blank pixel rows near the cuts' ideal places, so that no line of print is cut — and each band
is read by its own thread; the words come back with their band's offset, top band first. A cut
through a blank row changes nothing Tesseract's layout analysis needs (psm 4 reads one column
of lines top to bottom; a band holds whole lines), which ``scripts/ocr_wer.py --real`` and the
scanned letters check. The regions of the second pass are read independently already and go
to the threads as they are, their words taken in region order, which gives exactly what one
thread gives.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from .engine import PSM, OcrBackend, OcrWord
from .resolution import image_dpi

if TYPE_CHECKING:
    from PIL import Image

T = TypeVar("T")
R = TypeVar("R")

#: A cut needs a run of blank rows at least this high (points): the white between two lines
#: of 10–12 pt print is 3–5 pt, between a line's descenders and the next line's capitals less.
MIN_BLANK = 2.0
#: A cut lies within this share of the page's height of its ideal place (an even share of the
#: page for each band); a page without such a blank run is read whole.
CUT_REACH = 0.2


def bands(binary: Image.Image, count: int) -> list[tuple[int, int]]:
    """``count`` bands (first row, end row) covering ``binary`` (Tesseract's page: ink below
    128) top to bottom, cut in the middle of the blank row runs nearest to even shares of its
    height; fewer where no blank run lies near a cut (one band: the whole page)."""
    import numpy as np

    height = binary.height
    if count < 2 or height < 2:
        return [(0, height)]
    blank = np.asarray(binary).min(axis=1) >= 128
    shortest = max(2, round(MIN_BLANK * image_dpi(binary) / 72))
    edges = np.diff(np.concatenate(([0], blank.astype(np.int8), [0])))
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    # Runs of blank rows between two rows of ink, high enough to separate lines.
    runs = [(int(s), int(e)) for s, e in zip(starts, ends, strict=True) if e - s >= shortest and s > 0 and e < height]
    cuts: list[int] = []
    for index in range(1, count):
        ideal = height * index / count
        near = [(s + e) // 2 for s, e in runs if abs((s + e) / 2 - ideal) <= CUT_REACH * height]
        cut = min(near, key=lambda row: abs(row - ideal), default=None)
        if cut is not None and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    rows = [0, *cuts, height]
    return list(itertools.pairwise(rows))


def in_threads(work: Callable[[T], R], items: Sequence[T], threads: int) -> list[R]:
    """``work`` of each of ``items``, in their order, by up to ``threads`` threads: the calling
    thread takes the first item, helper threads the others (none when there is one item or one
    thread)."""
    if threads < 2 or len(items) < 2:
        return [work(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(threads, len(items)) - 1, thread_name_prefix="ratsdoc-band") as pool:
        rest = [pool.submit(work, item) for item in items[1:]]
        first = work(items[0])
        return [first, *(future.result() for future in rest)]


def shifted(words: list[OcrWord], left: int, top: int) -> list[OcrWord]:
    """``words`` read from a crop whose top left corner is (``left``, ``top``), in page pixels."""
    return [
        replace(w, left=w.left + left, top=w.top + top, line_top=w.line_top + top, line_bottom=w.line_bottom + top)
        for w in words
    ]


def read_in_bands(engine: OcrBackend, binary: Image.Image, threads: int) -> list[OcrWord]:
    """The first pass (:data:`~.engine.PSM`) over ``binary``: the whole page in one call with
    one thread, else its :func:`bands`, one per thread, their words top band first."""
    cuts = bands(binary, threads)
    if len(cuts) < 2:
        return engine.recognise(binary)

    def read(band: tuple[int, int]) -> list[OcrWord]:
        top, bottom = band
        return shifted(engine.recognise(binary.crop((0, top, binary.width, bottom)), psm=PSM), 0, top)

    return [word for words in in_threads(read, cuts, threads) for word in words]
