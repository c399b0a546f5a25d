"""``ratsdoc.parse`` from several threads: PDFium is called under one lock, results match a
sequential parse (the full run is ``scripts/thread_stress.py --parses 500``)."""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pypdfium2.raw as pdfium_c
import pytest

import ratsdoc
from ratsdoc.input import load_input
from ratsdoc.layout import pdfium_engine
from ratsdoc.layout.pdfium_lock import lock_held
from ratsdoc.ocr.render import PageRenderer

from .conftest import FIXTURES, load_script

SCANS = sorted((FIXTURES / "scans").glob("*.pdf"))


@pytest.fixture
def unlocked_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every PDFium function of ``pypdfium2.raw`` wrapped to record calls made without the lock
    (pypdfium2's helpers and ratsdoc look them up there at call time). The engine's untyped
    handles of its per-char calls were made from the real functions at import and are not
    checked; they run inside the page's locked section with the checked calls."""
    assert pdfium_engine.PdfiumSource  # imported before the wrapping, which its handles cannot take
    calls: list[str] = []

    def checked(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            if not lock_held():
                calls.append(name)
            return fn(*args)

        return call

    for name, value in list(vars(pdfium_c).items()):
        if isinstance(value, ctypes._CFuncPtr) and name.startswith(("FPDF", "FORM_")):  # type: ignore[attr-defined]
            monkeypatch.setattr(pdfium_c, name, checked(name, value))
    yield calls


def test_threaded_parses_match_sequential() -> None:
    """4 threads x 120 parses of the fixtures: every result equals the sequential one."""
    stress = load_script("thread_stress")
    count, differences = stress.stress(
        stress.fixture_files(), ratsdoc.ParseOptions(ocr="never"), parses=120, threads=4, seed=1
    )
    assert count == 120
    assert differences == []


def _renders(path: Path) -> list[tuple[bytes, float]]:
    """The first two pages of ``path`` rendered small, with their shares of invisible text."""
    renderer = PageRenderer(load_input(path, max_file_size=1 << 30), None, 50, checked=path.read_bytes())
    try:
        return [(renderer.render(n, dpi=30).tobytes(), renderer.invisible_text_share(n)) for n in (1, 2)]
    finally:
        renderer.close()


def test_threaded_renders_match_sequential() -> None:
    """The OCR renderer from 4 threads: same pixels and hidden-text shares as sequentially."""
    expected = {path: _renders(path) for path in SCANS}
    order = SCANS * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_renders, order))
    assert [path.name for path, got in zip(order, results, strict=True) if got != expected[path]] == []


def test_pdfium_is_called_only_under_the_lock(unlocked_calls: list[str]) -> None:
    """Opening, reading, rendering and closing PDFium objects all happen with the lock held."""
    files = [FIXTURES / "erfurt-0112-23-acroform.pdf", FIXTURES / "meeting-lueneburg-2024-praesentation.pdf"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda path: ratsdoc.parse(path, ocr="never"), files * 2))
        list(pool.map(_renders, SCANS[:2]))
    assert unlocked_calls == []
