"""The generated variants are drawn in the font family their seed picks, whatever the process drew
before (scripts/generate_variants.py ``use_font``, scripts/fixture_fonts.py ``use_faces``).

reportlab keeps the first font registered under a name: registering another face under the
builders' names once did nothing, so every reportlab variant came out in the first face of the
process, and a letter built in a test differed with the tests run before it."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from .conftest import ROOT, load_script


def _faces(pdf: Path) -> set[str]:
    """The font names of the PDF's characters, without the subset prefix."""
    with pdfplumber.open(pdf) as doc:
        return {c["fontname"].split("+")[-1] for page in doc.pages for c in page.chars}


def _drawn(pdf: Path) -> list[tuple[int, str, str, float, float, float]]:
    """Every char drawn: page, text, face (without the subset prefix), size and position."""
    with pdfplumber.open(pdf) as doc:
        return [
            (
                page.page_number,
                c["text"],
                c["fontname"].split("+")[-1],
                round(c["size"], 2),
                round(c["x0"], 2),
                round(c["top"], 2),
            )
            for page in doc.pages
            for c in page.chars
        ]


def test_a_variant_comes_out_the_same_after_other_faces_were_used(tmp_path: Path) -> None:
    variants, base = load_script("generate_variants"), load_script("variant_base")
    if len(base.available_fonts()) < 2:
        pytest.skip("fewer than two of the variant font families are installed")
    fresh, after = tmp_path / "fresh.pdf", tmp_path / "after.pdf"
    # Built first thing in a process of its own ...
    build = (
        "import random, sys; sys.path.insert(0, 'scripts'); import generate_variants as v; "
        f"v.letter(random.Random('fonts/3'), __import__('pathlib').Path({str(fresh)!r}))"
    )
    subprocess.run([sys.executable, "-c", build], cwd=ROOT, check=True, timeout=120)
    # ... and here, after other faces were drawn in.
    for k in range(6):
        base.use_font(random.Random(f"other/{k}"))
    variants.letter(random.Random("fonts/3"), after)
    variants.ff.default_faces()
    # The same glyphs in the same faces at the same places. (Not the same bytes: reportlab files a
    # face under the first name it was registered with, so the PDF's font resources may be named
    # after another registration of the same face in a longer run.)
    assert _drawn(fresh) == _drawn(after)


def test_the_variants_of_one_process_are_drawn_in_more_than_one_face(tmp_path: Path) -> None:
    variants, base = load_script("generate_variants"), load_script("variant_base")
    if len(base.available_fonts()) < 2:
        pytest.skip("fewer than two of the variant font families are installed")
    faces: set[str] = set()
    for k in range(6):
        pdf = tmp_path / f"{k}.pdf"
        variants.letter(random.Random(f"faces/{k}"), pdf)
        faces |= {face.split("-")[0].removesuffix("Bold") for face in _faces(pdf)}
    variants.ff.default_faces()
    assert len(faces) >= 2, faces
