"""The faster forms of the OCR image filters give what the plain forms give, pixel for pixel."""

from __future__ import annotations

from typing import Any

import pytest

from ratsdoc.ocr import filters as ocr_filters

np = pytest.importorskip("numpy")


def _plain_long_runs(ink: np.ndarray, longest: int) -> np.ndarray:
    """Every row searched, run by run: what the block shortcut must reproduce."""
    mask = np.zeros(ink.shape, dtype=bool)
    for row in range(ink.shape[0]):
        start = None
        for column, on in enumerate([*ink[row].tolist(), False]):
            if on and start is None:
                start = column
            elif not on and start is not None:
                if column - start >= longest:
                    mask[row, start:column] = True
                start = None
    return mask


def _plain_box_sum(mask: np.ndarray, radius: int) -> np.ndarray:
    padded = np.pad(mask.astype(np.int64), radius)
    height, width = mask.shape
    out = np.zeros(mask.shape, dtype=np.int64)
    for dy in range(2 * radius + 1):
        for dx in range(2 * radius + 1):
            out += padded[dy : dy + height, dx : dx + width]
    return out


def _page_like(seed: int, height: int = 90, width: int = 301) -> np.ndarray:
    """Random ink with letter-like blocks, gaps, and rules of lengths around the limit."""
    rng = np.random.default_rng(seed)
    ink = rng.random((height, width)) < 0.35
    for row, start, length in ((5, 0, 60), (20, 3, 59), (33, 17, 61), (50, 240, 61), (70, 100, 200), (89, 1, 300)):
        ink[row, start : start + length] = True
    ink[40, :] = True
    ink[41, 10:70] = True
    ink[41, 70] = False
    ink[41, 71:140] = True
    return ink


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("longest", [3, 20, 60, 166])
def test_long_runs_match_a_row_by_row_search(seed: int, longest: int) -> None:
    ink = _page_like(seed)
    for view in (ink, ink.T):
        assert np.array_equal(ocr_filters._long_runs(view, longest), _plain_long_runs(view, longest))


def test_long_runs_find_a_rule_that_starts_mid_block() -> None:
    ink = np.zeros((4, 400), dtype=bool)
    ink[1, 7 : 7 + 166] = True  # starts one pixel into a block, ends just short of one
    ink[2, 9 : 9 + 165] = True  # one pixel too short
    found = ocr_filters._long_runs(ink, 166)
    assert found[1].sum() == 166 and not found[2].any()


@pytest.mark.parametrize("radius", [1, 4, 17])
def test_box_sum_in_16_bits_is_exact(radius: int) -> None:
    mask = _page_like(3, 120, 140)
    mask[:60, :70] = True  # a solid area: the running sums wrap around 16 bits
    assert np.array_equal(ocr_filters._box_sum(mask, radius), _plain_box_sum(mask, radius))
    big = np.ones((600, 300), dtype=bool)  # 180,000 pixels: far past 65,535
    assert int(ocr_filters._box_sum(big, radius)[300, 150]) == (2 * radius + 1) ** 2


def test_a_scanned_page_is_rendered_once_in_colour() -> None:
    """The OCR step renders a page once at its reading resolution, in colour: marks are found in
    it and the grey image Tesseract reads is derived from it (it was rendered a second time in
    grey before)."""
    from ratsdoc.layout.model import Page
    from ratsdoc.ocr.engine import OCR_DPI, PSM, OcrWord
    from ratsdoc.ocr.step import OcrStep

    Image = pytest.importorskip("PIL.Image")
    calls: list[str] = []
    seen: list[str] = []

    class Renderer:
        def render(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
            calls.append(f"grey {dpi}")
            return Image.new("L", (620, 877), 255)

        def render_colour(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
            calls.append(f"colour {dpi}")
            return Image.new("RGB", (620, 877), (255, 255, 255))

        def invisible_text_share(self, number: int) -> float:
            return 0.0

        def close(self) -> None:
            pass

    class Engine:
        label = "Fake OCR"

        def recognise(self, image: Image.Image, *, psm: str = PSM) -> list[OcrWord]:
            seen.append(image.mode)
            return []

        def orientation(self, image: Image.Image) -> int:
            return 0

    step = OcrStep(engine=Engine(), renderer=Renderer())
    step.page_lines(Page(1, 148.8, 210.5, (), image_area=1e6))
    assert calls == ["colour 300"] and seen == ["L"]


def test_grey_from_the_colour_render_is_pdfiums_grey() -> None:
    """Deriving grey from the colour render gives PDFium's own greyscale render: on a scanned
    fixture page at most one level apart, on at most 1 % of the pixels."""
    from pathlib import Path

    pdfium = pytest.importorskip("pypdfium2")
    from ratsdoc.ocr.render import greyscale

    path = Path(__file__).resolve().parent.parent / "fixtures" / "scans" / "scan-0112-23-glyphs.pdf"
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        grey = np.asarray(page.render(scale=150 / 72, grayscale=True).to_pil().convert("L"), dtype=np.int16)
        colour = page.render(scale=150 / 72).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    derived = np.asarray(greyscale(colour), dtype=np.int16)
    assert derived.shape == grey.shape
    assert int(np.abs(derived - grey).max()) <= 1 and float((derived != grey).mean()) < 0.01


def test_a_single_page_is_read_in_the_calling_thread() -> None:
    """A file of one page needs no thread pool: its job runs in the caller's thread; two pages
    still go to the pool."""
    import threading

    from ratsdoc.ocr.parallel import in_order

    def job() -> str:
        return threading.current_thread().name

    caller = threading.current_thread().name
    assert list(in_order([(1, job)], 4)) == [(1, caller)]
    both = list(in_order([(1, job), (2, job)], 2))
    assert [key for key, _ in both] == [1, 2] and all(name.startswith("ratsdoc-ocr") for _, name in both)


def _print(x_height: int, *, size: tuple[int, int] = (1200, 900), rows: int = 12) -> Any:
    """Rows of letter-like "n"s: two stems ``x_height`` pixels high joined at the top, some
    with an ascender, on a white page."""
    Image = pytest.importorskip("PIL.Image")
    pixels = np.full((size[1], size[0]), 255, dtype=np.uint8)
    stroke = max(2, x_height // 7)
    for row in range(rows):
        base = 40 + row * int(x_height * 2.4)
        for n, left in enumerate(range(30, size[0] - 40, int(x_height * 1.1))):
            top = base - x_height - (x_height // 2 if n % 5 == 0 else 0)  # every fifth an "h"
            pixels[top:base, left : left + stroke] = 0
            pixels[base - x_height : base, left + int(x_height * 0.7) : left + int(x_height * 0.7) + stroke] = 0
            pixels[base - x_height : base - x_height + stroke, left : left + int(x_height * 0.7)] = 0
    return Image.fromarray(pixels)


@pytest.mark.parametrize("x_height", [12, 21, 30])
def test_x_height_is_the_height_of_the_small_letters(x_height: int) -> None:
    from ratsdoc.ocr.resolution import x_height as measure

    found = measure(_print(x_height), 300)
    assert found == pytest.approx(x_height * 72 / 300, rel=0.06)


def test_a_page_without_print_has_no_x_height() -> None:
    Image = pytest.importorskip("PIL.Image")
    from ratsdoc.ocr.resolution import x_height

    assert x_height(Image.new("L", (600, 800), 255), 150) is None


def test_the_reading_resolution_follows_the_print() -> None:
    """Small print stays at 300 dpi, large print is read lower (never below 150 dpi, never
    above what the page's pixel budget allows)."""
    from ratsdoc.ocr.resolution import MIN_OCR_DPI, TARGET_X_HEIGHT, at_reading_dpi, reading_dpi

    assert reading_dpi(None) == 300 and reading_dpi(4.3) == 300
    assert reading_dpi(TARGET_X_HEIGHT * 72 / 250) == 250
    assert reading_dpi(TARGET_X_HEIGHT * 72 / 234) == 250 and reading_dpi(TARGET_X_HEIGHT * 72 / 280) == 300
    assert reading_dpi(40.0) == MIN_OCR_DPI and reading_dpi(40.0, limit=100) == 100
    assert reading_dpi(4.3, limit=200) == 200
    small, dpi = at_reading_dpi(_print(18), 300)  # 4.3 pt: about 9 pt print
    assert dpi == 300 and small.size == (1200, 900)
    large, dpi = at_reading_dpi(_print(40).convert("RGB"), 300)  # 9.6 pt: about 20 pt print
    assert dpi == MIN_OCR_DPI and large.size == (600, 450) and large.mode == "RGB"


def test_a_page_read_at_a_lower_resolution_keeps_its_marks() -> None:
    """The synthetic stamped page of test_ocr_marks, read at the resolution its print asks for
    (below 300 dpi), still has its stamp, pen line and logo found (the logo was lost at 234 dpi,
    where a mark cell is not a whole millimetre)."""
    pytest.importorskip("PIL.ImageDraw")
    from ratsdoc.ocr.marks import coloured_ink, find_marks
    from ratsdoc.ocr.resolution import at_reading_dpi

    from .test_ocr_marks import _page

    page = _page().resize((round(148 * 300 / 25.4), round(210 * 300 / 25.4)))
    read, dpi = at_reading_dpi(page, 300)
    assert dpi < 300
    assert sorted(mark.kind for mark in find_marks(coloured_ink(read), dpi)) == ["blob", "stroke", "stroke"]


@pytest.mark.parametrize("dpi", [200, 250, 300])
def test_a_checkbox_outline_under_six_points_is_no_box_at_any_resolution(dpi: int) -> None:
    """A square outline of 5.8 pt (a round letter's size) is not a checkbox, one of 8 pt is; at
    250 dpi the 6 pt minimum was rounded down to 5.76 pt and letters of a 150 dpi scan passed."""
    Image = pytest.importorskip("PIL.Image")
    from ratsdoc.ocr.pixel_marks import find_boxes

    pixels = np.full((200, 400), 255, dtype=np.uint8)
    for left, points in ((40, 5.8), (200, 8.0)):
        side, stroke = round(points * dpi / 72), max(1, round(0.6 * dpi / 72))
        pixels[60 : 60 + side, left : left + side] = 0
        pixels[60 + stroke : 60 + side - stroke, left + stroke : left + side - stroke] = 255
    found = find_boxes(Image.fromarray(pixels), dpi)
    assert [round((box[2] - box[0]) * 72 / dpi) for box in found] == [8]


def test_the_benchmark_keeps_each_contenders_fastest_run(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``bench_ocr.py --repeat 3`` times plain Tesseract and ratsdoc in turns and reports each
    one's fastest run (with that run's CPU seconds)."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "bench_ocr.py"
    spec = importlib.util.spec_from_file_location("bench_ocr_under_test", script)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    plain_runs, ratsdoc_runs = iter([(9.0, 5.0), (6.0, 4.0), (8.0, 5.5)]), iter([(4.0, 3.0), (5.0, 3.5), (2.0, 1.5)])
    monkeypatch.setattr(bench, "render_pages", lambda pdf, folder: [folder / "1.png", folder / "2.png"])
    monkeypatch.setattr(bench, "plain_tesseract", lambda pages: next(plain_runs))
    monkeypatch.setattr(bench, "time_ratsdoc", lambda pdf, workers: (*next(ratsdoc_runs), 2))
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert bench.main([str(pdf), "--repeat", "3"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| scan.pdf"))
    assert row == "| scan.pdf | 2 | 2 | 6.0 | 2.0 | 1.00 | 0.33 | 4.0 | 1.5 |"
