"""The ``speech`` family of scripts/generate_variants.py (scripts/speech.py): speech manuscripts
with one to three salutation lines or none, ragged or typeset, over several pages, read by the
generic reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ratsdoc import parse, parse_many
from ratsdoc.issues import IssueCode

from .conftest import generated_variant

#: Seed-61 speeches (the dev seed of the family): one salutation line (9), none (1), three lines
#: with a dash over three pages (5), "meine Damen und Herren," under the chair's (4), "Meine sehr
#: geehrten Damen und Herren," (8).
CASES = (9, 1, 5, 4, 8)


def _speech(tmp_path: Path, index: int) -> tuple[Path, dict[str, Any]]:
    """The seed-61 speech number ``index`` and its golden fields; skips without the fonts."""
    pdf = tmp_path / f"speech-{index:03d}.pdf"
    return pdf, generated_variant("speech_manuscript", f"61/speech/{index}", pdf)


@pytest.mark.parametrize("index", CASES)
def test_a_speech_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf, golden = _speech(tmp_path, index)
    paper = parse(pdf)
    for name in ("title", "document_type", "originator", "faction", "body", "public"):
        assert getattr(paper, name) == golden[name], name
    assert str(paper.date) == golden["date"]
    # Paragraphs that end at a page's foot cannot be told from ones that go on: compare the words.
    assert (paper.justification or "").split() == golden["justification"].split()


#: Seed-61 speeches whose first page ends with a sentence: ragged, where a paragraph ends there (3)
#: or goes on (6) and nothing on the pages shows which; typeset, where the last line's room shows
#: it (5, no doubt).
@pytest.mark.parametrize(("index", "doubtful"), ((3, True), (6, True), (5, False)))
def test_a_paragraph_break_a_page_break_hides_is_warned(tmp_path: Path, index: int, doubtful: bool) -> None:
    pdf, _ = _speech(tmp_path, index)
    (result,) = parse_many([pdf])
    doubts = [(i.page, i.field) for i in result.issues if i.code is IssueCode.PARAGRAPH_BREAK_UNCERTAIN]
    assert doubts == ([(1, "justification")] if doubtful else [])
