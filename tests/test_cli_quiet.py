"""The PDF libraries' own warnings (log records, Python warnings) never reach the command line's stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

#: A font with no FontBBox and an unknown encoding: pdfminer logs "Could not get FontBBox ...".
_BROKEN_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /NoSuchFont /Encoding /NoSuchEncoding >>"
#: An AcroForm with an XFA packet: pypdfium2 logs that its PDFium build cannot run XFA forms.
_XFA_CATALOG = b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA [(template) 6 0 R] >> >>"


def _pdf(catalog: bytes) -> bytes:
    """A one-page PDF saying "Drucksache 0112/23" in the broken font, with ``catalog`` as its root."""
    text = b"BT /F1 12 Tf 72 700 Td (Drucksache 0112/23) Tj ET"
    objects = [
        catalog,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        _BROKEN_FONT,
        b"<< /Length 11 >>\nstream\n<template/>\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


@pytest.mark.parametrize(
    ("catalog", "engine"),
    [
        (b"<< /Type /Catalog /Pages 2 0 R >>", "pdfplumber"),  # pdfminer: FontBBox
        (_XFA_CATALOG, "pdfium"),  # pypdfium2: XFA not supported
        (_XFA_CATALOG, "pdfplumber"),
    ],
    ids=["pdfminer-font", "pypdfium2-xfa", "pdfplumber-xfa"],
)
def test_library_warnings_stay_off_stderr(tmp_path: Path, catalog: bytes, engine: str) -> None:
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(_pdf(catalog))
    run = subprocess.run(
        [sys.executable, "-m", "ratsdoc", "parse", str(pdf), "--engine", engine],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert b"0112/23" in run.stdout
    assert run.stderr == b""


@pytest.mark.parametrize(
    ("catalog", "engine", "said"),
    [(b"<< /Type /Catalog /Pages 2 0 R >>", "pdfplumber", b"FontBBox"), (_XFA_CATALOG, "pdfium", b"XFA")],
)
def test_the_libraries_do_warn_on_these_files(tmp_path: Path, catalog: bytes, engine: str, said: bytes) -> None:
    """With logging configured by an application, the records arrive (else the test above proves nothing)."""
    script = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.WARNING, stream=sys.stderr)\n"
        "import ratsdoc\n"
        "ratsdoc.parse(sys.argv[1], ratsdoc.ParseOptions(engine=sys.argv[2]))\n"
    )
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(_pdf(catalog))
    run = subprocess.run([sys.executable, "-c", script, str(pdf), engine], capture_output=True, check=False)
    assert said in run.stderr, run.stderr


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_an_xfa_form_becomes_a_warning_of_the_document(tmp_path: Path, engine: str) -> None:
    """What pypdfium2 logged (and pdfminer ignores) is said where the user sees it: the paper's warnings."""
    from ratsdoc import ParseOptions
    from ratsdoc.issues import IssueCode
    from ratsdoc.pipeline import read_paper

    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(_pdf(_XFA_CATALOG))
    _, issues = read_paper(pdf, ParseOptions(engine=engine))
    assert IssueCode.XFA_FORM in [issue.code for issue in issues]
    pdf.write_bytes(_pdf(b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>"))
    _, issues = read_paper(pdf, ParseOptions(engine=engine))
    assert IssueCode.XFA_FORM not in [issue.code for issue in issues]
