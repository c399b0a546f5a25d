"""The OCR step driven by a fake engine and a fake renderer: which page is read how, and the
reading path from rendered image to lines, without Tesseract or PDFium."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ratsdoc.input import load_input
from ratsdoc.issues import Issue, IssueCode
from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr.engine import OCR_DPI, PSM, OcrWord
from ratsdoc.ocr.render import MAX_OCR_PIXELS, PageRenderer, ocr_dpi
from ratsdoc.ocr.step import OcrStep

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")
pytest.importorskip("numpy")

WIDTH, HEIGHT = 595.0, 842.0
LINE = (400, 440)
WORDS = [
    OcrWord("Beschluss", 300, 402, 250, 36, *LINE, 95.0),
    OcrWord("des", 580, 402, 80, 36, *LINE, 93.0),
    OcrWord("Stadtrates", 690, 402, 270, 36, *LINE, 96.0),
]
CLEAN_LAYER = "Der Stadtrat hat am 31.10.2023 beschlossen"
NOISY_LAYER = "Der Stadtrat hat am 31.1O.2023 beschlossen"


@dataclass
class FakeEngine:
    """Reads the same words from every image and notes the segmentation modes it was run in."""

    words: list[OcrWord]
    label: str = "Fake OCR"
    modes: list[str] = field(default_factory=list)

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        """The fixed words, whatever ``image`` shows."""
        self.modes.append(psm)
        return list(self.words)


@dataclass
class FakeRenderer:
    """A blank page for every render, and a fixed share of invisible text."""

    hidden_share: float = 0.0
    rendered: list[int] = field(default_factory=list)
    dpis: list[int] = field(default_factory=list)
    closed: bool = False

    def render(self, number: int, dpi: int = OCR_DPI) -> PILImage.Image:
        """A white image (half the resolution keeps the filters quick)."""
        self.rendered.append(number)
        self.dpis.append(dpi)
        image: PILImage.Image = Image.new("L", (1240, 1754), 255)
        return image

    def invisible_text_share(self, number: int) -> float:
        """The share given to the fake."""
        return self.hidden_share

    def close(self) -> None:
        """Note that the step released its renderer."""
        self.closed = True


def _page(layer: str = "", *, image_share: float = 1.0) -> Page:
    """Page 1, covered by images to ``image_share``, with ``layer`` as its text."""
    chars: list[Char] = []
    x = 50.0
    for word in layer.split():
        for letter in word:
            chars.append(Char(letter, x, 100.0, x + 5.0, 110.0, "Helvetica", 10.0))
            x += 5.0
        x += 5.0
    return Page(1, WIDTH, HEIGHT, tuple(chars), image_area=image_share * WIDTH * HEIGHT)


def test_image_only_page_is_read_by_the_injected_engine() -> None:
    """A page that is only an image is rendered once, read by the engine in mode 4 (confident
    words need no second pass), and its words come back as one line."""
    engine, renderer = FakeEngine(WORDS), FakeRenderer()
    step = OcrStep(engine=engine, renderer=renderer)
    lines = step.page_lines(_page())
    assert [line.text for line in lines] == ["Beschluss des Stadtrates"]
    assert lines[0].top == pytest.approx(LINE[0] * 72 / OCR_DPI)
    assert engine.modes == [PSM]
    assert renderer.rendered == [1]
    assert step.ocr_pages == [1]
    assert step.warnings == [Issue(IssueCode.OCR_APPLIED, "page 1 was OCRed with Fake OCR", 1)]
    step.close()
    assert renderer.closed


@pytest.mark.parametrize(
    ("layer", "hidden_share", "image_share", "reocred", "rendered", "scan"),
    [
        (CLEAN_LAYER, 1.0, 1.0, False, True, True),  # a scan's clean OCR layer is kept
        (NOISY_LAYER, 1.0, 1.0, True, True, True),  # a misread layer is OCRed again
        (NOISY_LAYER, 0.0, 1.0, False, False, False),  # visible text over a picture: no scan
        (NOISY_LAYER, 1.0, 0.1, False, False, False),  # small images: no scan
        ("", 0.0, 0.1, False, False, False),  # an empty page: nothing to read
    ],
)
def test_which_page_is_read_how(
    layer: str, hidden_share: float, image_share: float, reocred: bool, rendered: bool, scan: bool
) -> None:
    """The policy with both parts faked: a layer is used unless the page is a scan whose
    layer has misread words; every scan is rendered for its checkboxes."""
    engine, renderer = FakeEngine(WORDS), FakeRenderer(hidden_share=hidden_share)
    step = OcrStep(engine=engine, renderer=renderer)
    text = " ".join(line.text for line in step.page_lines(_page(layer, image_share=image_share)))
    assert text == ("Beschluss des Stadtrates" if reocred else layer)
    assert bool(engine.modes) is reocred
    assert (renderer.rendered == [1]) is rendered
    assert (step.ocr_pages == [1]) is scan
    assert any(w.code is IssueCode.OCR_LAYER_NOISY for w in step.warnings) is reocred


def test_ocr_never_reads_no_pixels() -> None:
    """With OCR off, an image-only page is neither rendered nor read, and a warning says so."""
    engine, renderer = FakeEngine(WORDS), FakeRenderer()
    step = OcrStep(mode="never", engine=engine, renderer=renderer)
    assert step.page_lines(_page()) == []
    assert engine.modes == [] and renderer.rendered == []
    assert step.warnings[0].code is IssueCode.NO_TEXT_LAYER and "OCR is off" in step.warnings[0].message


def test_ocr_always_reads_a_text_page() -> None:
    """With OCR always, a born-digital page is read by the engine too."""
    engine, renderer = FakeEngine(WORDS), FakeRenderer()
    step = OcrStep(mode="always", engine=engine, renderer=renderer)
    lines = step.page_lines(_page(CLEAN_LAYER, image_share=0.0))
    assert [line.text for line in lines] == ["Beschluss des Stadtrates"]
    assert engine.modes == [PSM]


@pytest.mark.parametrize(
    ("width", "height", "dpi"),
    [(595.0, 842.0, OCR_DPI), (842.0, 1191.0, OCR_DPI), (5000.0, 5000.0, 60), (400_000.0, 400_000.0, 0)],
)
def test_render_resolution_is_bounded_by_pixels(width: float, height: float, dpi: int) -> None:
    """A4 and A3 keep 300 dpi; a larger page gets the highest dpi within the pixel budget."""
    assert ocr_dpi(width, height) == dpi
    if dpi:
        pixels = math.ceil(width * dpi / 72) * math.ceil(height * dpi / 72)
        assert pixels <= MAX_OCR_PIXELS < math.ceil(width * (dpi + 1) / 72) * math.ceil(height * (dpi + 1) / 72) or (
            dpi == OCR_DPI
        )


def test_a4_scan_is_rendered_at_300_dpi_without_warning() -> None:
    renderer = FakeRenderer()
    step = OcrStep(engine=FakeEngine(WORDS), renderer=renderer)
    step.page_lines(_page())
    assert renderer.dpis == [OCR_DPI]
    assert not any(issue.code is IssueCode.OCR_RESOLUTION_LOWERED for issue in step.warnings)


def test_huge_scan_is_rendered_lower_with_a_warning() -> None:
    renderer = FakeRenderer()
    step = OcrStep(engine=FakeEngine(WORDS), renderer=renderer)
    size = 5000.0
    step.page_lines(Page(1, size, size, (), image_area=size * size))
    assert renderer.dpis == [60]
    lowered = [issue for issue in step.warnings if issue.code is IssueCode.OCR_RESOLUTION_LOWERED]
    assert len(lowered) == 1 and lowered[0].page == 1
    assert "60 dpi" in lowered[0].message


def test_absurd_scan_is_not_rendered() -> None:
    renderer = FakeRenderer()
    step = OcrStep(engine=FakeEngine(WORDS), renderer=renderer)
    size = 400_000.0
    assert step.page_lines(Page(1, size, size, (), image_area=size * size)) == []
    assert renderer.rendered == []
    assert [issue.code for issue in step.warnings] == [IssueCode.OCR_RESOLUTION_LOWERED]


def test_huge_image_page_renders_within_the_pixel_budget(tmp_path: Path) -> None:
    """A real 5000 × 5000 pt image-only page is rendered by PDFium within the pixel budget."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.utils import ImageReader

    path = tmp_path / "huge.pdf"
    c = canvas.Canvas(str(path), pagesize=(5000, 5000), invariant=1)
    c.drawImage(ImageReader(Image.new("L", (200, 200), 200)), 0, 0, 5000, 5000)
    c.save()
    data = path.read_bytes()
    renderer = PageRenderer(load_input(data, max_file_size=10**8), None, 5, checked=data)
    started = time.monotonic()
    image = renderer.render(1, ocr_dpi(5000.0, 5000.0))
    renderer.close()
    assert image.width * image.height <= MAX_OCR_PIXELS
    assert image.width == math.ceil(5000 * 60 / 72)
    assert time.monotonic() - started < 20  # 300 dpi: 56 s and 6.7 GB
