"""The ``speech`` family of scripts/generate_variants.py (scripts/speech.py): speech manuscripts
with one to three salutation lines or none, ragged or typeset, over several pages, read by the
generic reader."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ratsdoc import parse

from .conftest import load_script

#: Seed-61 speeches (the dev seed of the family): one salutation line (9), none (1), three lines
#: with a dash over three pages (5), "meine Damen und Herren," under the chair's (4), "Meine sehr
#: geehrten Damen und Herren," (8).
CASES = (9, 1, 5, 4, 8)


@pytest.mark.parametrize("index", CASES)
def test_a_speech_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    variants = load_script("generate_variants")
    pdf = tmp_path / f"speech-{index:03d}.pdf"
    try:
        golden = variants.speech_manuscript(random.Random(f"61/speech/{index}"), pdf)
    except (FileNotFoundError, OSError) as exc:
        pytest.skip(f"the speech could not be built: {exc}")
    finally:
        variants.bf.default_faces()
    paper = parse(pdf)
    for name in ("title", "document_type", "originator", "faction", "body", "public"):
        assert getattr(paper, name) == golden[name], name
    assert str(paper.date) == golden["date"]
    # Paragraphs that end at a page's foot cannot be told from ones that go on: compare the words.
    assert (paper.justification or "").split() == golden["justification"].split()
