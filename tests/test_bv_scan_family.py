"""The ``bv-scan`` family of ``scripts/generate_variants.py`` (no OCR here: that is slow): the
golden is the letter's own content (type line, wrapped subject, dateline with its place), and the
first page's stamp and pen marks land on the paper's head, beside the subject."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

for module in ("reportlab", "pikepdf", "fpdf", "fontTools"):
    pytest.importorskip(module, reason=f"the variants need {module} (extra 'fixtures' or 'test')")


def _load(name: str) -> ModuleType:
    """scripts/NAME.py as a module (it imports its neighbours from scripts/)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_the_golden_is_the_letters_own_head(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    gv, bv = _load("generate_variants"), _load("bv_scan")
    kinds = set()
    heads: list[object] = []

    def head(*args: object) -> object:
        heads.append(bv.head(*args))
        return heads[-1]

    for seed in range(6):
        out = tmp_path / f"{seed}.pdf"
        record = gv.letter(random.Random(f"bv/{seed}"), out, head)
        paper = heads[-1]
        document = pdfium.PdfDocument(str(out))
        try:
            text = " ".join(document[0].get_textpage().get_text_range().split())
        finally:
            document.close()
        assert " ".join(record["title"].split()[:4]) in text
        assert record["originator"] == paper.sender[0] and "Bezirksvertretung" in record["originator"]
        day, month, year = paper.place_date.split()[-1].split(".")
        assert record["date"] == f"{year}-{month}-{day}" and paper.place_date in text
        # The type stands on its own line above "Betreff:" (with the rule it is filed under, it
        # is that line, as in the fixtures), or is the subject's label.
        assert (paper.heading or paper.label).startswith(record["document_type"])
        assert (" § " in record["document_type"]) == (paper.heading is not None and " § " in paper.heading)
        kinds.add(paper.heading is None)
    assert kinds == {True, False}


def test_the_stamp_lands_on_the_head_and_the_default_stays(tmp_path: Path) -> None:
    """``near`` puts the stamp's centre there; without it the stamp stays in the top right
    quarter, drawn with the same random numbers as before (the letter-scan goldens hold)."""
    from PIL import Image

    scan_image = _load("scan_image")
    lines = ("Bezirksvertretung Nord", "Eingang", "12. MRZ 2024")
    image = Image.new("RGB", (1654, 2339), (255, 255, 255))
    x, y = scan_image.draw_stamp(image, random.Random(5), 200, lines, near=(1100.0, 700.0))
    assert abs(x - 1100) <= 2 and abs(y - 700) <= 2
    plain = Image.new("RGB", (1654, 2339), (255, 255, 255))
    first = scan_image.draw_stamp(plain, random.Random(5), 200, lines)
    again = scan_image.draw_stamp(Image.new("RGB", (1654, 2339), (255, 255, 255)), random.Random(5), 200, lines)
    assert first == again and first[1] < 0.45 * 2339
