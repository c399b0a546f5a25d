"""A page read alone is read by several threads (ocr/bands.py): its first pass in bands cut at
blank rows, its second-pass regions side by side, with the words of one thread."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from ratsdoc.layout.model import Page
from ratsdoc.ocr.bands import bands, read_in_bands
from ratsdoc.ocr.engine import PSM, OcrWord
from ratsdoc.ocr.passes import second_pass
from ratsdoc.ocr.step import OcrStep

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")
np = pytest.importorskip("numpy")

#: Rows of print: (top, bottom) pixel rows of dark bars, 40 px of line and 20 px of white.
LINES = [(100 + 60 * n, 140 + 60 * n) for n in range(20)]


def _printed(height: int = 1400, width: int = 600) -> PILImage.Image:
    pixels = np.full((height, width), 255, dtype=np.uint8)
    for top, bottom in LINES:
        for left in range(50, width - 50, 30):  # stems of letters (no rules, no boxes): the filters keep them
            if bottom <= height:
                pixels[top:bottom, left : left + 5] = 0
    image: PILImage.Image = Image.fromarray(pixels)
    image.info["dpi"] = (300, 300)
    return image


def test_bands_are_cut_at_blank_rows_near_even_shares() -> None:
    image = _printed()
    for count in (2, 3):
        cut = bands(image, count)
        assert len(cut) == count and cut[0][0] == 0 and cut[-1][1] == image.height
        assert all(a[1] == b[0] for a, b in itertools.pairwise(cut))
        for _, end in cut[:-1]:
            assert not any(top <= end < bottom for top, bottom in LINES)  # no line of print is cut
        assert abs(cut[0][1] - image.height / count) <= 60


def test_a_page_without_blank_rows_is_one_band() -> None:
    solid = Image.fromarray(np.zeros((800, 300), dtype=np.uint8))
    assert bands(solid, 2) == [(0, 800)]
    assert bands(_printed(), 1) == [(0, 1400)]


@dataclass
class BandEngine:
    """Reads one word from each image: its height, at the image's row 7; notes threads and modes."""

    label: str = "Band OCR"
    threads: set[str] = field(default_factory=set)
    modes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        """A word naming the image's size."""
        with self.lock:
            self.threads.add(threading.current_thread().name)
            self.modes.append(psm)
        return [OcrWord(f"{image.width}x{image.height}", 3, 7, 20, 10, 5, 19, 90.0)]

    def orientation(self, image: PILImage.Image) -> int:
        """Upright."""
        return 0


def test_bands_are_read_in_threads_and_their_words_placed_on_the_page() -> None:
    image = _printed()
    engine = BandEngine()
    words = read_in_bands(engine, image, 2)
    (top, cut), (_, bottom) = bands(image, 2)
    assert [w.text for w in words] == [f"600x{cut - top}", f"600x{bottom - cut}"]
    assert [(w.top, w.line_top, w.line_bottom) for w in words] == [(7, 5, 19), (cut + 7, cut + 5, cut + 19)]
    assert engine.modes == [PSM, PSM] and len(engine.threads) == 2
    one = BandEngine()
    assert [w.text for w in read_in_bands(one, image, 1)] == ["600x1400"] and len(one.threads) == 1


def test_second_pass_in_threads_reads_what_one_thread_reads() -> None:
    """Regions read side by side give the same words, merged the same way, as one by one."""
    image = Image.new("L", (600, 1400), 255)
    doubtful = [OcrWord("x", 60, top, 200, 40, top, top + 40, 30.0) for top, _ in LINES[:12:4]]
    alone, shared = BandEngine(), BandEngine()
    assert second_pass(shared, image, doubtful, threads=3) == second_pass(alone, image, doubtful)
    assert len(alone.modes) == len(shared.modes) == 3 and len(shared.threads) > 1


@dataclass
class PrintRenderer:
    """Pages of print (see :data:`LINES`)."""

    def render(self, number: int, dpi: int = 300) -> PILImage.Image:
        """The page of print (small: the filters stay quick)."""
        return _printed()

    def invisible_text_share(self, number: int) -> float:
        """No text layer."""
        return 0.0

    def close(self) -> None:
        """Nothing to release."""


def _scans(count: int) -> list[Page]:
    return [Page(n, 595.0, 842.0, (), image_area=595.0 * 842.0) for n in range(1, count + 1)]


def test_a_file_of_one_page_shares_its_first_pass_among_the_workers() -> None:
    engine = BandEngine()
    list(OcrStep(engine=engine, renderer=PrintRenderer(), workers=2).read_pages(_scans(1)))
    assert engine.modes.count(PSM) == 2 and len(engine.threads) == 2


def test_pages_read_side_by_side_are_read_whole() -> None:
    engine = BandEngine()
    list(OcrStep(engine=engine, renderer=PrintRenderer(), workers=2).read_pages(_scans(2)))
    assert engine.modes.count(PSM) == 2


@pytest.mark.parametrize(("count", "workers", "split"), [(3, 2, [3]), (4, 2, []), (5, 4, [5]), (6, 4, [5, 6])])
def test_the_last_round_of_pages_shares_the_idle_workers(count: int, workers: int, split: list[int]) -> None:
    """Pages beyond the last full round of workers are read in bands, by page number."""
    engine = BandEngine()
    step = OcrStep(engine=engine, renderer=PrintRenderer(), workers=workers, page_count=count)
    list(step.read_pages(_scans(count)))
    assert [n for n in range(1, count + 1) if step._threads(n) > 1] == split
    cuts = sum(len(bands(_printed(), step._threads(n))) for n in split)
    assert cuts >= 2 * len(split) and engine.modes.count(PSM) == count - len(split) + cuts
