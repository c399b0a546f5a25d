"""Scanned meeting documents (scripts/meeting_scans.py, ``generate_meetings.py --scans N``): the
family builds from the other meeting modules' documents, and a scan reads as a meeting with the
type and the session date its generator wrote."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from tests.conftest import built_layouts

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 2)

    return built_layouts(tmp_path_factory, "meeting_scans", build)


def test_the_family_scans_short_meeting_documents_with_their_goldens(generated: Path) -> None:
    goldens = sorted(generated.glob("*.json"))
    assert len(goldens) == 2
    for path in goldens:
        golden = json.loads(path.read_text(encoding="utf-8"))
        assert golden["kind"] == "meeting" and not golden["speeches"]
        assert 1 <= golden["page_count"] <= 4
        assert "scanned" in golden["_notes"]
        assert path.with_suffix(".pdf").exists()


def test_a_scanned_meeting_document_reads_as_its_generator_wrote_it(generated: Path) -> None:
    for path in sorted(generated.glob("*.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        got = ratsdoc.parse(path.with_suffix(".pdf")).model_dump(mode="json")
        assert (got["kind"], got["document_type"]) == ("meeting", golden["document_type"]), path.name
        assert got["meeting"]["date"] == golden["meeting"]["date"], path.name
        assert got["page_count"] == golden["page_count"]
