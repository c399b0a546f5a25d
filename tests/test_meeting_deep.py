"""Agendas nested three levels deep with long titles, dot leaders and page numbers, running over
page breaks (scripts/meeting_deep.py draws them): read as the generator wrote them."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc

from .conftest import built_layouts


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 139, 14)

    return built_layouts(tmp_path_factory, "meeting_deep", build)


# Einladungen of seed 139 with dot leaders and page numbers after the titles, 5 and 7 with a paper
# column beside them; Niederschriften that list the items and head them again.
@pytest.mark.parametrize(
    "stem",
    [f"tagesordnung-tief-{n}" for n in (3, 4, 5, 7)] + [f"niederschrift-tief-{n}" for n in (1, 2)],
)
def test_generated_agendas_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    document = ratsdoc.parse(pdf)
    assert document.model_dump(mode="json")["agenda_items"] == golden["agenda_items"]
    assert not any(message.startswith("agenda items in doubt") for message in document.warnings)
