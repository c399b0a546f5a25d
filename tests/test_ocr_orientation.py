"""Pages scanned sideways: a page's /Rotate is honoured by the render, and a page whose text
runs up the page is turned upright by Tesseract's orientation detection before it is read."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest

import ratsdoc
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr.filters import runs_sideways

from .conftest import FIXTURES

Image = pytest.importorskip("PIL.Image")
pytest.importorskip("numpy")
pytest.importorskip("reportlab")


def _have_osd() -> bool:
    # The library (warm engine) and the binary read the same language data.
    path = shutil.which("tesseract")
    if ocr_engine.find_engine() is None or path is None:
        return False
    langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, check=False)
    return "osd" in (langs.stdout + langs.stderr).split()


HAVE_OSD = _have_osd()
GOLDEN = json.loads((FIXTURES / "scans" / "scan-0815-23-fussweg.json").read_text(encoding="utf-8"))


def _page_image(dpi: int = 200) -> object:
    """Page 1 of the born-digital 0815/23 as a greyscale scan at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(FIXTURES / "erfurt-0815-23-fussweg.pdf"))
    page = document[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    document.close()
    return image


def _sideways_scan(rotate_flag: int) -> bytes:
    """A landscape page holding page 1 of 0815/23 turned a quarter counter-clockwise, with
    ``/Rotate`` set to ``rotate_flag`` (90 shows it upright, 0 leaves it sideways)."""
    import pikepdf
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    turned = _page_image().rotate(90, expand=True)  # type: ignore[attr-defined]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(842, 595), invariant=1)
    pdf.drawImage(ImageReader(turned), 0, 0, 842, 595)
    pdf.showPage()
    pdf.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as document:
        document.pages[0].Rotate = rotate_flag
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def test_sideways_text_is_told_from_upright_text() -> None:
    """The ink's row profile is the sharper one on an upright page, the column profile on the
    same page turned by a quarter either way."""
    image = _page_image(100)
    assert not runs_sideways(image)  # type: ignore[arg-type]
    assert runs_sideways(image.rotate(90, expand=True))  # type: ignore[attr-defined]
    assert runs_sideways(image.rotate(-90, expand=True))  # type: ignore[attr-defined]
    assert not runs_sideways(Image.new("L", (300, 400), 255))  # a blank page is not sideways


@pytest.mark.skipif(not HAVE_OSD, reason="tesseract with German and osd data is not installed")
@pytest.mark.parametrize("rotate_flag", [90, 0])
def test_page_scanned_sideways_is_read_upright(rotate_flag: int) -> None:
    """With /Rotate 90 the render is upright and is read as it is; without it, orientation
    detection turns the page (and says so) and the paper's fields come out all the same."""
    paper = ratsdoc.parse(_sideways_scan(rotate_flag))
    turned = [w for w in paper.warnings if "scanned sideways" in w]
    assert bool(turned) is (rotate_flag == 0)
    assert paper.number == GOLDEN["number"]
    assert paper.date is not None and paper.date.isoformat() == GOLDEN["date"]
    assert paper.title == GOLDEN["title"]
