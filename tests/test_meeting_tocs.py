"""Agenda items of verbatim and Swiss minutes: a title wrapped right before a date ('... vom' /
'26. Oktober 2022 "..."') is not item 26, several counted results of one item are one decision a
line with no single vote, a verbatim record's table of contents (leaders, page numbers, wrapped
and hyphenated titles, paper numbers, year spans) gives its items; and the layouts of
scripts/meeting_tocs.py, generated and parsed against the generator's goldens."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.minutes import read_outcome
from ratsdoc.meeting.rules import MeetingRules

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 12.0, gaps: tuple[int, ...] = ()) -> list[Line]:
    """One line a row, ``leading`` apart; a paragraph gap before the rows whose index is in ``gaps``."""
    out, top = [], 50.0
    for k, cells in enumerate(rows):
        top += 20.0 if k in gaps else leading
        out.append(text_line(top, cells))
    return out


def test_a_date_that_wraps_a_title_is_no_item() -> None:
    rows = [
        [(50, "Traktandenliste")],
        [(50, "1."), (70, "Interpellation von Anna Bauer vom")],
        [(70, '26. Oktober 2022 "Verkehrsberuhigung in der Innenstadt" (20/IN 12/345)')],
        [(50, "2."), (70, "Motion von Jens Lange vom")],
        [(70, '3. Mai 2023 "Freiwilligenarbeit fördern" (20/MO 7/401)')],
    ]
    items = read_agenda(_lines(rows), RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        (
            "1",
            'Interpellation von Anna Bauer vom 26. Oktober 2022 "Verkehrsberuhigung in der Innenstadt"',
            ["20/IN 12/345"],
        ),
        ("2", 'Motion von Jens Lange vom 3. Mai 2023 "Freiwilligenarbeit fördern"', ["20/MO 7/401"]),
    ]


@pytest.mark.parametrize("gaps", [(), (2, 3)])
def test_several_counted_results_are_one_decision_a_line(gaps: tuple[int, ...]) -> None:
    rows = [
        [(50, "Beschlussfassung")],
        [(50, "Forderung 1 wird mit 107:2 Stimmen bei 3 Enthaltungen nicht erheblich erklärt.")],
        [(50, "Forderung 2 wird mit 112:2 Stimmen erheblich erklärt.")],
        [(50, "Forderung 3 wird mit 67:47 Stimmen erheblich erklärt")],
    ]
    decision, vote, used = read_outcome(_lines(rows, gaps=gaps), RULES)
    assert decision == (
        "Forderung 1 wird mit 107:2 Stimmen bei 3 Enthaltungen nicht erheblich erklärt.\n"
        "Forderung 2 wird mit 112:2 Stimmen erheblich erklärt.\n"
        "Forderung 3 wird mit 67:47 Stimmen erheblich erklärt"
    )
    assert vote is None
    assert len(used) == 4


def test_one_counted_result_keeps_its_vote() -> None:
    rows = [
        [(50, "Beschlussfassung")],
        [(50, "Das Geschäft wird mit 99:3 Stimmen")],
        [(50, "genehmigt.")],
        [(50, "Präsident Bauer: Damit ist das Geschäft erledigt.")],
    ]
    decision, vote, _ = read_outcome(_lines(rows, gaps=(3,)), RULES)
    assert decision == "Das Geschäft wird mit 99:3 Stimmen genehmigt."
    assert vote is not None and (vote.yes, vote.no) == (99, 3)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 2)

    return built_layouts(tmp_path_factory, "meeting_tocs", build)


@pytest.mark.parametrize("name", ["protokoll-ch"])
def test_tocs_match_the_generators_golden(name: str, generated: Path) -> None:
    golden = json.loads((generated / f"{name}-1.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(generated / f"{name}-1.pdf").model_dump(mode="json")
    for field in ("kind", "document_type", "meeting", "body", "agenda_items", "speeches"):
        if field in golden:
            assert got[field] == golden[field], field
