"""Scanned pages read side by side: page order, bounded look-ahead, the worker budget, and the
faster image filters giving the same pixels as before."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from ratsdoc.ingest.options import IngestOptions, ocr_share
from ratsdoc.layout.model import Page
from ratsdoc.ocr.engine import PSM, OcrWord
from ratsdoc.ocr.parallel import default_workers, in_order
from ratsdoc.ocr.step import OcrStep
from ratsdoc.options import ParseOptions

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")
np = pytest.importorskip("numpy")

WIDTH, HEIGHT = 595.0, 842.0


def test_results_come_back_in_order_whatever_finishes_first() -> None:
    """Jobs that finish in reverse order are still handed back first to last."""

    def job(n: int) -> int:
        time.sleep(0.02 * (5 - n))
        return n * n

    items = [(n, (lambda n=n: job(n)) if n % 2 else n * n) for n in range(6)]
    assert list(in_order(items, 3)) == [(n, n * n) for n in range(6)]
    assert list(in_order(items, 1)) == [(n, n * n) for n in range(6)]


def test_look_ahead_is_bounded() -> None:
    """With two workers, no more than three pages are taken from the source ahead of the one
    handed back: a long scan is not rendered all at once."""
    taken: list[int] = []
    running = 0
    most = 0
    lock = threading.Lock()

    def job(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.01)
        with lock:
            running -= 1
        return n

    def items() -> object:
        for n in range(20):
            taken.append(n)
            yield n, (lambda n=n: job(n))

    for n, _ in in_order(items(), 2):  # type: ignore[arg-type]
        assert len(taken) <= n + 3
    assert most <= 2


def test_an_error_stops_the_pages_not_yet_started() -> None:
    """A failing page ends the run with its error; pages queued behind it are cancelled."""
    started: list[int] = []

    def job(n: int) -> int:
        started.append(n)
        if n == 1:
            raise ValueError("page 1 failed")
        time.sleep(0.05)
        return n

    with pytest.raises(ValueError, match="page 1 failed"):
        list(in_order(((n, (lambda n=n: job(n))) for n in range(50)), 2))
    assert len(started) < 10


@dataclass
class SlowEngine:
    """Reads one word naming the page the image shows (by its width), slowly, and notes the threads."""

    label: str = "Slow OCR"
    threads: set[str] = field(default_factory=set)

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        """A word "pN" for page N (the renderer makes page N 600 + N pixels wide)."""
        self.threads.add(threading.current_thread().name)
        time.sleep(0.05)
        return [OcrWord(f"p{image.width - 600}", 300, 402, 250, 36, 400, 440, 95.0)]


@dataclass
class MarkedRenderer:
    """A blank page whose width tells the page number (600 + number pixels)."""

    def render(self, number: int, dpi: int = 300) -> PILImage.Image:
        """A small white image."""
        image: PILImage.Image = Image.new("L", (600 + number, 877), 255)
        return image

    def invisible_text_share(self, number: int) -> float:
        """No text layer."""
        return 0.0

    def close(self) -> None:
        """Nothing to release."""


def _pages(count: int) -> list[Page]:
    return [Page(n, WIDTH, HEIGHT, (), image_area=WIDTH * HEIGHT) for n in range(1, count + 1)]


@pytest.mark.parametrize("workers", [1, 3])
def test_pages_read_side_by_side_match_one_by_one(workers: int) -> None:
    """Read by several threads, every page gets its own words and warnings, in page order,
    exactly as when read one after the other."""
    engine = SlowEngine()
    step = OcrStep(engine=engine, renderer=MarkedRenderer(), workers=workers)
    read = [(page.number, [line.text for line in lines]) for page, lines in step.read_pages(_pages(6))]
    assert read == [(n, [f"p{n}"]) for n in range(1, 7)]
    assert step.ocr_pages == [1, 2, 3, 4, 5, 6]
    assert [w.page for w in step.warnings] == [1, 2, 3, 4, 5, 6]
    assert len(engine.threads) == min(workers, 3) or workers == 1


def test_worker_budget_defaults_to_the_cores_and_ingest_shares_them() -> None:
    """A parse OCRs with every core; local ingest workers split the cores between them."""
    cores = default_workers()
    assert ParseOptions().ocr_workers is None
    assert ocr_share(None) == 1
    assert ocr_share(1) == cores
    assert ocr_share(cores * 4) == 1
    assert IngestOptions(workers=1).effective_parse().ocr_workers == cores
    assert IngestOptions(workers=2).effective_parse().ocr_workers == max(1, cores // min(2, cores))
    assert IngestOptions(parse=ParseOptions(ocr_workers=3)).effective_parse().ocr_workers == 3


def test_numpy_max_filter_matches_pil() -> None:
    """The shifted-array maximum gives PIL's MaxFilter and MinFilter pixel for pixel."""
    from PIL import ImageFilter

    from ratsdoc.ocr.filters import _extreme

    rng = np.random.default_rng(3)
    image = Image.fromarray(rng.integers(0, 256, (57, 83), dtype=np.uint8))
    assert (_extreme(np.asarray(image), 7, np.maximum) == np.asarray(image.filter(ImageFilter.MaxFilter(7)))).all()
    binary = Image.fromarray(np.where(rng.random((57, 83)) < 0.1, 0, 255).astype(np.uint8))
    grown = np.asarray(binary.filter(ImageFilter.MinFilter(3))) < 128
    assert (_extreme(np.asarray(binary) < 128, 3, np.logical_or) == grown).all()


@pytest.mark.parametrize("angle", [-3.6, -2.9, -1.3, -0.4, 0.0, 0.7, 1.8, 2.6])
def test_skew_angle_undoes_a_known_rotation(angle: float) -> None:
    """Text lines turned by ``angle`` are found turned by it (within the fine step); a page laid
    on the glass by hand lies at up to 3° (the search stopped at 2° before)."""
    from PIL import ImageDraw

    from ratsdoc.ocr.filters import skew_angle

    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    for row in range(200, 1600, 40):
        for col in range(150, 1050, 60):
            draw.rectangle((col, row, col + 45, row + 16), fill=0)  # words on a line
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew_angle(turned) == pytest.approx(-angle, abs=0.06)
