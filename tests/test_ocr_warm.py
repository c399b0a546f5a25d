"""The warm Tesseract (its C API, :mod:`ratsdoc.ocr.warm`) against the binary: the same words on
a fixture page, the same orientation, the binary as the fallback, loaded engines reused."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest

from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr import warm as ocr_warm
from ratsdoc.ocr.filters import deskew, prepare

from .conftest import FIXTURES

pytest.importorskip("numpy")
WARM = ocr_warm.find_warm_engine()
BINARY = ocr_engine._probe("tesseract")
HAVE_BINARY = isinstance(BINARY, ocr_engine.OcrEngine)
needs_both = pytest.mark.skipif(
    WARM is None or not HAVE_BINARY, reason="needs both libtesseract (with deu data) and the tesseract binary"
)


def _page(pdf: str = "scan-1347-24-informationsvorlage.pdf", number: int = 0) -> Any:
    """A fixture scan's page as the OCR step hands it to the engine (300 dpi, deskewed, prepared)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(FIXTURES / "scans" / pdf))
    page = document[number]
    image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    page.close()
    document.close()
    return image


def _words(engine: ocr_engine.OcrBackend, image: Any, psm: str = ocr_engine.PSM) -> list[str]:
    return [w.text for w in engine.recognise(image, psm=psm)]


def _agreement(a: list[str], b: list[str]) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@needs_both
def test_backends_agree_on_a_fixture_page() -> None:
    """Library and binary read a prepared scan page into the same words, boxes and lines
    (where both are the same Tesseract release: nearly word for word)."""
    assert WARM is not None and isinstance(BINARY, ocr_engine.OcrEngine)
    prepared, _ = prepare(deskew(_page())[0], 300)
    warm, binary = WARM.recognise(prepared), BINARY.recognise(prepared)
    assert len(warm) > 40
    same_release = WARM.version == BINARY.version
    assert _agreement([w.text for w in warm], [w.text for w in binary]) > (0.98 if same_release else 0.9)
    texts = [w.text for w in warm] + [w.text for w in binary]
    first = {w.text: w for w in binary if texts.count(w.text) == 2}  # once in each reading
    same = [(w, first[w.text]) for w in warm if w.text in first and len(w.text) > 6]
    assert len(same) > 20
    # Boxes and line bands in the same pixel frame (within a few pixels).
    for mine, theirs in same:
        assert abs(mine.left - theirs.left) <= 4 and abs(mine.top - theirs.top) <= 4
        assert abs(mine.line_bottom - theirs.line_bottom) <= 6
        assert mine.line_top <= mine.top and mine.top + mine.height <= mine.line_bottom + 2


@needs_both
def test_backends_agree_on_a_second_pass_region() -> None:
    """A cropped region in sparse-text mode (the second pass) reads alike in both."""
    assert WARM is not None and isinstance(BINARY, ocr_engine.OcrEngine)
    prepared, _ = prepare(deskew(_page())[0], 300)
    region = prepared.crop((100, 100, 1200, 700))
    warm, binary = _words(WARM, region, "11"), _words(BINARY, region, "11")
    assert warm and _agreement(warm, binary) > 0.8


@needs_both
@pytest.mark.parametrize("turn", [0, 90, 270])
def test_backends_agree_on_orientation(turn: int) -> None:
    """Both say how far to turn a page scanned sideways (the binary's "Rotate:")."""
    assert WARM is not None and isinstance(BINARY, ocr_engine.OcrEngine)
    image = _page("scan-1203-24-radweg.pdf").rotate(turn, expand=True, fillcolor=255)
    assert WARM.orientation(image) == BINARY.orientation(image) == turn


@pytest.mark.skipif(WARM is None, reason="libtesseract with deu data is not installed")
def test_loaded_engines_are_reused() -> None:
    """Reading twice from one thread loads the model once: the engine goes back to the pool."""
    from PIL import Image

    assert WARM is not None
    blank = Image.new("L", (200, 100), 255)
    WARM.recognise(blank)
    idle = ocr_warm._IDLE[ocr_engine.LANGUAGE]
    before = idle.qsize()
    assert WARM.recognise(blank) == []
    assert idle.qsize() == before >= 1


@pytest.mark.skipif(WARM is None, reason="libtesseract with deu data is not installed")
def test_named_binary_bypasses_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """A binary named in RATSDOC_TESSERACT is what is run (and a missing one means no engine)."""
    monkeypatch.setenv(ocr_engine.TESSERACT_ENV, "/nonexistent/tesseract-env")
    assert ocr_engine.find_engine() is None
    path = shutil.which("tesseract")
    if path is not None and HAVE_BINARY:
        monkeypatch.setenv(ocr_engine.TESSERACT_ENV, path)
        assert isinstance(ocr_engine.find_engine(), ocr_engine.OcrEngine)


def test_without_tesserocr_the_binary_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """No libtesseract (or no deu data for it): the binary on PATH, as before."""
    monkeypatch.setattr(ocr_warm, "find_warm_engine", lambda: None)
    found = ocr_engine.find_engine()
    assert found is None or isinstance(found, ocr_engine.OcrEngine)
    assert (found is not None) == HAVE_BINARY


def test_library_without_language_data_is_no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A library whose language data is missing is not offered; the binary's probe decides."""
    if ocr_warm._library() is None:
        pytest.skip("libtesseract is not installed")
    with pytest.raises(LookupError):
        ocr_warm._load("no-such-language-for-ratsdoc")


def test_binary_still_runs() -> None:
    """The fallback binary is intact (its version answers) where it is installed."""
    if not HAVE_BINARY:
        pytest.skip("the tesseract binary is not installed")
    assert isinstance(BINARY, ocr_engine.OcrEngine)
    assert subprocess.run([BINARY.path, "--version"], capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(WARM is None, reason="libtesseract with deu data is not installed")
def test_library_leaves_environment_and_stderr_alone() -> None:
    """Loading the library limits its own OpenMP threads without passing the limit on to
    programs started later (plain Tesseract in the benchmark), and reading a page prints
    nothing on standard error (the binary's "Detected 44 diacritics" was captured there)."""
    import os
    import sys

    code = (
        "import os, subprocess\n"
        "from ratsdoc.ocr.warm import find_warm_engine\n"
        "from ratsdoc.ocr.filters import prepare\n"
        "import pypdfium2 as pdfium\n"
        f"page = pdfium.PdfDocument({str(FIXTURES / 'scans' / 'scan-0112-23-glyphs.pdf')!r})[0]\n"
        "image = page.render(scale=300 / 72, grayscale=True).to_pil().convert('L')\n"
        "assert find_warm_engine().recognise(prepare(image, 300)[0])\n"
        "print(os.environ.get('OMP_THREAD_LIMIT'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"
    assert done.stderr == ""


@pytest.mark.skipif(WARM is None, reason="needs libtesseract with deu data")
def test_loading_the_library_keeps_leptonica_quiet() -> None:
    """Once the library is loaded, Leptonica prints no messages to stderr (they would land among
    ``ratsdoc parse``'s output: "Error in boxClipToRectangle: box outside rectangle")."""
    import ctypes
    import ctypes.util

    assert ocr_warm._library() is not None
    name = ctypes.util.find_library("leptonica") or ctypes.util.find_library("lept")
    if name is None:
        pytest.skip("Leptonica is not a library of its own here")
    setter = ctypes.CDLL(name).setMsgSeverity
    previous = setter(ctypes.c_int(ocr_warm._LEPTONICA_SILENT))
    assert previous == ocr_warm._LEPTONICA_SILENT
