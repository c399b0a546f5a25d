"""When one engine cannot open a PDF the other one can, the file is read, with a warning.

The files are built here from a small reportlab PDF: a catalog with a second ``/Pages`` entry
that points nowhere (PDFium answers "Data format error", pdfminer reads the first entry: the
kind of file pypdf's sample ``unreadablemetadata.pdf`` is), and copies whose cross-reference
offsets are shifted (both libraries find the objects anyway).
"""

from __future__ import annotations

import re

import pytest

from ratsdoc import DamagedPdfError, ParseOptions, parse
from ratsdoc.issues import IssueCode
from ratsdoc.pipeline import read_paper


def _base_pdf() -> bytes:
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    import io

    out = io.BytesIO()
    canvas = canvas_mod.Canvas(out, invariant=1)
    for page in range(3):
        canvas.drawString(72, 800, f"Drucksache 01{page}2/23")
        canvas.drawString(72, 780, "Beschlussvorschlag: Der Rat beschließt die Sanierung der Sporthalle.")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pdfium_cannot_open(data: bytes) -> bytes:
    # The later of two /Pages keys wins for PDFium; it points at an object that does not exist.
    assert data.count(b"/Type /Catalog") == 1
    return data.replace(b"/Type /Catalog", b"/Type /Catalog /Pages 999 0 R", 1)


def _shift_xref(data: bytes, delta: int) -> bytes:
    start = data.rindex(b"\nxref") + 1
    table = re.sub(
        rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (int(m.group(1)) + delta, m.group(2)), data[start:]
    )
    assert table != data[start:]
    return data[:start] + table


def test_pdfium_data_format_error_falls_back_to_pdfminer() -> None:
    data = _pdfium_cannot_open(_base_pdf())
    document, issues = read_paper(data, ParseOptions(engine="pdfium"))
    assert document.page_count == 3
    assert document.number == "0102/23"
    fallback = [issue for issue in issues if issue.code == IssueCode.ENGINE_FALLBACK]
    assert len(fallback) == 1 and fallback[0].page is None  # about the document, not one page
    assert "Data format error" in fallback[0].message and "read with the pdfplumber engine" in fallback[0].message
    # The engine that reads it first gives the same paper, without the warning.
    direct, direct_issues = read_paper(data, ParseOptions(engine="pdfplumber"))
    assert direct.number == document.number and direct.title == document.title
    assert not any(issue.code == IssueCode.ENGINE_FALLBACK for issue in direct_issues)


def test_a_file_neither_engine_reads_keeps_the_first_engines_error() -> None:
    data = _base_pdf()
    broken = re.sub(rb"/Type /Page\b", b"/Type /Nothing", data)  # no page anywhere
    broken = broken.replace(b"/Kids [", b"/Kidz [")
    with pytest.raises(DamagedPdfError) as caught:
        parse(broken, ParseOptions(engine="pdfium"))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("delta", [-7, 3, 40, 1000])
def test_shifted_xref_offsets_are_not_refused(engine: str, delta: int) -> None:
    document = parse(_shift_xref(_base_pdf(), delta), ParseOptions(engine=engine))  # type: ignore[arg-type]
    assert document.page_count == 3 and document.number == "0102/23"
