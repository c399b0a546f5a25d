"""Pages a black-and-white scanner dithered: grey paper stored as a field of black dots is
merged back into grey (``ocr/filters.descreen``) before the page is read."""

from __future__ import annotations

import io
import json

import pytest

import ratsdoc
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr.filters import DITHER_SHARE, descreen, dither_level

from .conftest import FIXTURES, load_script

Image = pytest.importorskip("PIL.Image")
np = pytest.importorskip("numpy")
pytest.importorskip("reportlab")

GOLDEN = json.loads((FIXTURES / "scans" / "scan-0815-23-fussweg.json").read_text(encoding="utf-8"))


def _page(dpi: int = 200) -> object:
    """Page 1 of the born-digital 0815/23 as a greyscale scan at ``dpi`` on grey paper (82 %)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(FIXTURES / "erfurt-0815-23-fussweg.pdf"))
    page = document[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    document.close()
    return image.point(lambda value: round(value * 0.82))


def _dithered(image: object) -> object:
    """``image`` as a halftone mode stores it (scripts/scan_image.py: paper level to white at
    the 90th percentile, which leaves the darker paper dotted)."""
    shaded = np.asarray(image).astype(np.float32)
    # Lit unevenly: the left half darker, so the scanner's level leaves dots there.
    shaded[:, : shaded.shape[1] // 2] *= 0.85
    return load_script("scan_image").dither(Image.fromarray(shaded.astype(np.uint8)))


def test_a_dithered_page_is_told_from_a_grey_one_and_descreened() -> None:
    grey = _page()
    dithered = _dithered(grey)
    assert dither_level(grey, 200) <= DITHER_SHARE < dither_level(dithered, 200)  # type: ignore[arg-type]
    assert descreen(grey, 200) is grey  # type: ignore[arg-type]
    smooth = descreen(dithered, 200)  # type: ignore[arg-type]
    assert dither_level(smooth, 200) <= DITHER_SHARE


@pytest.mark.skipif(ocr_engine.find_engine() is None, reason="Tesseract with deu data is not installed")
def test_the_title_of_a_dithered_scan_is_read() -> None:
    # Before: every dot of the paper was ink to the filters, and Tesseract read a page of dust.
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    image = _dithered(_page())
    data = io.BytesIO()
    image.save(data, format="PNG")  # type: ignore[attr-defined]
    pdf = canvas.Canvas(out, pagesize=(595.3, 841.9), invariant=1)
    pdf.drawImage(ImageReader(io.BytesIO(data.getvalue())), 0, 0, 595.3, 841.9)
    pdf.showPage()
    pdf.save()
    result = ratsdoc.parse(out.getvalue(), name="dithered.pdf")
    assert result.title == GOLDEN["title"]
