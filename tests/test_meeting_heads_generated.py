"""The head layouts of scripts/meeting_heads.py (other publishers' Protokolle): one of each is
generated and parsed, and its head fields equal the golden the generator wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.profile import bundled_profiles

from .conftest import built_layouts

HEAD_FIELDS = ("kind", "document_type", "meeting", "body", "originator", "public")

for module in ("reportlab", "fpdf"):
    pytest.importorskip(module, reason=f"the meeting layouts need {module}")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_layouts(tmp_path_factory, "meeting_heads", lambda heads, out: heads.build_all(out, 7, 1))


@pytest.mark.parametrize("name", ["gemeinderat", "verhandlungsschrift", "sitzungsprotokoll"])
def test_head_fields_match_the_generators_golden(name: str, generated: Path) -> None:
    golden = json.loads((generated / f"{name}-1.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(generated / f"{name}-1.pdf").model_dump(mode="json")
    rules = bundled_profiles()[got["profile"]["name"]].meeting
    for field in HEAD_FIELDS:
        # The bundled meeting profile reads the issuer with its own patterns only (its fixtures,
        # fixtures/meeting-*.json, name none); the head reader fills it for every other profile.
        if field in golden and (field != "originator" or field in rules.head_fields):
            assert got[field] == golden[field], field
