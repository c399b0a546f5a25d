"""Einladungen of a Bavarian Gemeinderat (scripts/meeting_einladung_bayern.py draws them): the
session's hour in the day's sentence with the room on the line below, and plot and plan numbers
in titles that are no papers."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.rules import MeetingRules

from .conftest import built_layouts, text_line

RULES = MeetingRules()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 6)

    return built_layouts(tmp_path_factory, "meeting_einladung_bayern", build)


@pytest.mark.parametrize(
    "stem", [f"{name}-{n}" for name in ("einladung-by-satz", "einladung-by-block") for n in (1, 2, 3)]
)
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "body", "originator", "agenda_items", "meeting"):
        assert got[name] == golden[name], name


def test_the_hour_in_the_days_sentence_and_the_room_below_it() -> None:
    # Regression: neither the start nor the room was read from this pair of lines.
    head = [
        text_line(100, [(50, "Einladung zur Sitzung des Gemeinderates")]),
        text_line(120, [(50, "am Donnerstag, 29. Februar 2024, um 20:30 Uhr")]),
        text_line(134, [(50, "im Sitzungssaal des Rathauses, Kirchplatz 1")]),
    ]
    header = read_header(head, RULES)
    assert str(header.values["date"]) == "2024-02-29"
    assert header.values["start"] == "20:30"
    assert header.values["location"] == "Sitzungssaal des Rathauses, Kirchplatz 1"


def test_a_plots_number_in_a_title_puts_no_item_in_doubt() -> None:
    # Regression: "Fl.Nr. 916/26" was taken for a paper number the item does not list.
    def item(title: str) -> Item:
        return Item("2", [title], 70.0, True, lines=[text_line(200, [(50, "2."), (70, title)])])

    assert not agenda_doubts([item("Antrag auf Befreiung für Fl.Nr. 916/26, Gemarkung Föching")], RULES)
    assert not agenda_doubts([item('Bebauungsplan Nr. 43/2 "Am Kirchfeld"; Satzungsbeschluss')], RULES)
    assert agenda_doubts([item("Antrag der Fraktion 916/26 zur Grundschule")], RULES)
