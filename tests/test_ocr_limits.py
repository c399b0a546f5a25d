"""One time limit for parse and ingest, grown for every page that needs OCR, and a failure
message that names the way out."""

from __future__ import annotations

import io
import time

import pytest

import ratsdoc
from ratsdoc.budget import TIME_EXTENDED, make_budget
from ratsdoc.errors import LimitExceededError
from ratsdoc.ingest.options import IngestOptions
from ratsdoc.layout.model import Page
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr import step as ocr_step
from ratsdoc.options import DEFAULT_MAX_SECONDS, OCR_SECONDS_PER_PAGE, ParseOptions

pytest.importorskip("reportlab")
pytest.importorskip("numpy")


def test_parse_and_ingest_share_one_default_limit() -> None:
    """``ratsdoc parse`` and ``ratsdoc ingest`` stop a file at the same time by default."""
    assert ParseOptions().max_seconds == DEFAULT_MAX_SECONDS
    assert IngestOptions().timeout == DEFAULT_MAX_SECONDS
    assert IngestOptions().effective_parse().max_seconds == DEFAULT_MAX_SECONDS
    assert ParseOptions().ocr_seconds_per_page == OCR_SECONDS_PER_PAGE > 0


def test_extending_the_budget_moves_the_deadline_and_tells_the_listener() -> None:
    budget = make_budget(ParseOptions(max_seconds=10), "scan.pdf")
    assert budget.deadline is not None
    before = budget.deadline
    heard: list[float] = []
    token = TIME_EXTENDED.set(heard.append)
    try:
        budget.extend(30.0)
        budget.extend(30.0)
    finally:
        TIME_EXTENDED.reset(token)
    assert budget.deadline == pytest.approx(before + 60.0)
    assert heard == [30.0, 30.0]
    message = budget.time_limit_message()
    assert "70 s (10 s + 60 s for 2 page(s) to OCR)" in message
    assert "--timeout" in message and "--ocr never" in message
    assert "--ocr never" not in make_budget(ParseOptions(max_seconds=10), None).time_limit_message()


def _image_only_pdf(pages: int) -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    for _ in range(pages):
        pdf.drawImage(ImageReader(Image.new("L", (60, 80), 230)), 0, 0, 595, 842)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def slow_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every OCR page takes 1 s and reads nothing (no Tesseract needed)."""
    fake = ocr_engine.OcrEngine(path="/usr/bin/tesseract", version="5.3.0")
    monkeypatch.setattr(ocr_step, "require_engine", lambda why: fake)

    def fake_ocr(self: ocr_step.OcrStep, page: Page, used: object, warnings: list[object]) -> ocr_step.PageRead:
        time.sleep(1.0)
        return ocr_step.PageRead(page.number, [], [], ocr=True)

    monkeypatch.setattr(ocr_step.OcrStep, "_ocr", fake_ocr)


def test_limit_grows_with_the_pages_that_need_ocr(slow_ocr: None) -> None:
    """Three scanned pages read one at a time take 3 s: past a 1.5 s limit alone, within it
    once each OCR page adds two seconds."""
    data = _image_only_pdf(3)
    options = {"max_seconds": 1.5, "ocr_workers": 1}
    paper = ratsdoc.parse(data, ParseOptions(**options, ocr_seconds_per_page=2.0))  # type: ignore[arg-type]
    assert paper.page_count == 3
    with pytest.raises(LimitExceededError) as failed:
        ratsdoc.parse(data, ParseOptions(**options, ocr_seconds_per_page=0.1))  # type: ignore[arg-type]
    message = str(failed.value)
    assert "page(s) to OCR" in message
    assert "--timeout" in message and "--ocr never" in message
