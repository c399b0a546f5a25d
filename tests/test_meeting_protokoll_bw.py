"""Protokolle of a Gemeinderat in Baden-Württemberg (scripts/meeting_protokoll_bw.py draws them):
the members present as one run-on list set in beside "Anwesend:", the paper under an item's
heading, votes as "14:0:1", free voters' groups (FWV) as factions, and a town named by its river."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.minutes import read_vote
from ratsdoc.meeting.rules import MeetingRules

from .conftest import built_layouts, text_line

RULES = MeetingRules()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 6)

    return built_layouts(tmp_path_factory, "meeting_protokoll_bw", build)


@pytest.mark.parametrize(
    "stem", [f"{name}-{n}" for name in ("protokoll-bw-top", "protokoll-bw-nummer") for n in (1, 2, 3)]
)
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    # Regression (each read wrong before): no attendee, no paper, "14:0:1" no vote, and the
    # issuer "Gemeinde Weilheim an der Teck" lost.
    pdf = generated / f"{stem}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "body", "originator", "public", "agenda_items", "meeting", "attendees"):
        assert got[name] == golden[name], name


def test_a_run_on_list_beside_its_label_is_read_and_the_excused_are_left_out() -> None:
    lines = [
        text_line(100, [(50, "Vorsitz:"), (150, "Bürgermeisterin Anna Weber")]),
        text_line(114, [(50, "Anwesend:"), (150, "Heike Riechey (CDU), Sabine Bauer (FWV), Malte")]),
        text_line(128, [(150, "Riechey (FDP), Eva Lange (GRÜNE)")]),
        text_line(142, [(50, "Entschuldigt:"), (150, "Petra Rahlfs (SPD)")]),
    ]
    attendees, _ = read_attendees(lines, RULES)
    assert [(a.name, a.role, a.faction) for a in attendees] == [
        ("Heike Riechey", None, "CDU"),
        ("Sabine Bauer", None, "FWV"),
        ("Malte Riechey", None, "FDP"),
        ("Eva Lange", None, "GRÜNE"),
    ]


def test_a_table_heading_row_keeps_its_list_in_its_own_cell() -> None:
    # "Anwesend | Entschuldigt" as a table's heading row: the list under "Anwesend" only.
    lines = [
        text_line(100, [(50, "Anwesend:"), (300, "Entschuldigt:")]),
        text_line(114, [(50, "Heike Riechey (CDU)"), (300, "Petra Rahlfs (SPD)")]),
    ]
    attendees, _ = read_attendees(lines, RULES)
    assert [a.name for a in attendees] == ["Heike Riechey"]


@pytest.mark.parametrize(
    ("text", "counts"),
    [("14:0:1", (14, 0, 1)), ("12:3", (12, 3, None)), ("mit 15:2:1 Stimmen angenommen", (15, 2, 1))],
)
def test_counts_alone_as_a_vote_labels_value(text: str, counts: tuple[int, int, int | None]) -> None:
    vote = read_vote(text, RULES, labelled=True)
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == counts


def test_counts_alone_outside_a_vote_label_are_no_vote() -> None:
    # '19:30' in a decision's text is a time of day.
    assert read_vote("19:30", RULES) is None
