"""OCR of scanned fixtures (when Tesseract is installed) and the missing-engine error path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.errors import OcrUnavailableError
from ratsdoc.layout import ocr

from .conftest import FIXTURES

SCANS = FIXTURES / "scans"
IMAGE_ONLY = SCANS / "scan-0112-23-glyphs.pdf"
HAVE_TESSERACT = ocr.find_engine() is not None


def _checkbox_states(groups: list[dict[str, object]]) -> list[bool | None]:
    return [option["checked"] for group in groups for option in group["options"]]  # type: ignore[union-attr, index]


def test_missing_engine_raises_with_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    """An image-only PDF without an engine is an error naming what to install, never an empty result."""
    monkeypatch.setattr(ocr, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    with pytest.raises(OcrUnavailableError) as info:
        ratsdoc.parse(IMAGE_ONLY)
    assert "tesseract-ocr-deu" in info.value.install
    assert "tesseract-ocr-deu" in str(info.value)
    assert info.value.exit_code == 2


def test_missing_engine_via_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """RATSDOC_TESSERACT names the binary; a missing one makes OCR unavailable."""
    monkeypatch.setenv(ocr.TESSERACT_ENV, "/nonexistent/tesseract-env")
    assert ocr.engine_command() == "/nonexistent/tesseract-env"
    assert ocr.find_engine() is None


def test_cli_exit_code_without_engine(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI exits with 2 and one line naming the install when OCR is needed but unavailable."""
    from ratsdoc.cli import main

    monkeypatch.setattr(ocr, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    code = main(["parse", str(IMAGE_ONLY)])
    assert code == 2
    assert "tesseract" in capsys.readouterr().err


def test_ocr_never_warns_instead_of_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    """--ocr never reads only the text layer and says that a scanned page stayed unread."""
    monkeypatch.setattr(ocr, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    paper = ratsdoc.parse(IMAGE_ONLY, ocr="never")
    assert any("OCR is off" in w for w in paper.warnings)


def test_suspicious_words() -> None:
    """OCR-error shapes are flagged, ordinary German words and numbers are not."""
    for word in ("0ffentlich", "O815/23", "BeschlUss", "l7.0l.2023"):
        assert ocr.is_suspicious(word), word
    for word in ("öffentlich", "0815/23", "Rad-", "17.01.2023", "(Anlage", "Walter-Rosenheimer-Straße"):
        assert not ocr.is_suspicious(word), word


def test_parse_tsv_keeps_line_boxes() -> None:
    """Words carry their Tesseract line's top and bottom; rules read as "|" are dropped."""
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t10\t100\t300\t40\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t105\t100\t30\t95.0\tJa\n"
           "5\t1\t1\t1\t1\t2\t150\t100\t5\t40\t20.0\t|\n")
    words = ocr.parse_tsv(tsv)
    assert [w.text for w in words] == ["Ja"]
    chars = ocr.words_to_chars(words)
    assert [c.text for c in chars] == ["J", "a", " "]
    assert chars[0].top == pytest.approx(100 * 72 / 300) and chars[0].fontname == "OCR"


@pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with German data (tesseract-ocr-deu) is not installed")
@pytest.mark.parametrize("pdf", sorted(SCANS.glob("*.pdf")), ids=lambda p: p.stem)
def test_scanned_fixture(pdf: Path) -> None:
    """Each scan parses; its pages are named as OCRed; its checkbox states match the golden."""
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    assert any("OCR" in w for w in paper["warnings"])
    assert paper["page_count"] == golden["page_count"]
    got, want = _checkbox_states(paper["checkboxes"]), _checkbox_states(golden["checkboxes"])
    right = sum(g == w for g, w in zip(got, want, strict=False))
    assert right / len(want) >= 0.9, (got, want)
