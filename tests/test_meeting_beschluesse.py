"""Published decision lists of a session (scripts/meeting_beschluesse.py draws them): a ruled table
of items, decisions and votes, a running list, a Bavarian Bekanntgabe dated apart from its session."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.meeting.agenda_papers import cell_number, numbers_in
from ratsdoc.meeting.agenda_table import cut_to_title, row_outcome, table_results
from ratsdoc.meeting.attendance import read_head_roles
from ratsdoc.meeting.head_fields import read_originator, read_public
from ratsdoc.meeting.minutes import read_outcome, vote_only
from ratsdoc.meeting.record_type import type_of
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.session_date import session_date
from ratsdoc.meeting_models import Vote

from .conftest import built_layouts, text_line

RULES = MeetingRules()

STYLES = ("beschluss-tabelle", "beschluss-tabelle-ergebnis", "beschluss-liste", "beschluss-bekanntgabe")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 8)

    return built_layouts(tmp_path_factory, "meeting_beschluesse", build)


def test_the_same_seed_draws_the_same_files(generated: Path, tmp_path: Path) -> None:
    import meeting_beschluesse

    meeting_beschluesse.build_all(tmp_path, 5, 8)
    for path in sorted(generated.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("stem", [f"{name}-{n}" for name in STYLES for n in (1, 2)])
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "date", "public", "body", "originator", "meeting", "agenda_items"):
        assert got[name] == golden[name], name


# Regressions found on the decision lists of development seeds; each failed before its mending.


def test_a_publications_and_a_lists_own_names_are_meeting_types() -> None:
    assert type_of("Beschlussübersicht", RULES) == ("Beschlussübersicht", "")
    assert type_of("Bekanntgabe der Beschlüsse", RULES) == ("Bekanntgabe", "der Beschlüsse")
    assert type_of("Öffentliche Bekanntmachung", RULES) == ("Bekanntmachung", "")
    assert type_of("Öffentliche Sitzung", RULES) is None


def test_a_line_that_is_only_the_vote_ends_the_decision_and_is_its_vote() -> None:
    body = [
        text_line(200, [(75, "Beschluss: Die Niederschrift wird genehmigt.")]),
        text_line(214, [(75, "mit 11:2 Stimmen angenommen")]),
    ]
    decision, vote, _ = read_outcome(body, RULES, prose=True)
    assert decision == "Die Niederschrift wird genehmigt."
    assert vote == Vote(yes=11, no=2, abstain=None, unanimous=False)
    body[1] = text_line(214, [(75, "Ergebnis: 12:3:1")])
    assert read_outcome(body, RULES, prose=True)[1] == Vote(yes=12, no=3, abstain=1, unanimous=False)
    body[1] = text_line(214, [(75, "Ja 13 / Nein 0 / Enth. 1")])
    assert read_outcome(body, RULES, prose=True)[1] == Vote(yes=13, no=0, abstain=1, unanimous=None)
    # A line with other words is no vote line, nor a time of day after its label.
    assert vote_only("Der Antrag wird einstimmig angenommen, die Verwaltung berichtet.", RULES) is None
    assert vote_only("Beginn: 18:30 Uhr", RULES) is None


def test_a_plots_number_wrapped_from_its_word_is_no_paper() -> None:
    before = "Antrag auf Vorbescheid zur Errichtung eines Mehrfamilienhauses, Fl.Nr."
    assert numbers_in("978/22", RULES, before) == []
    assert cell_number("978/22", before, RULES) is None
    assert cell_number("978/22", "Antrag auf Vorbescheid", RULES) == "978/22"


def test_captions_under_two_signatures_name_no_one() -> None:
    people, _ = read_head_roles([text_line(700, [(50, "Vorsitz"), (330, "Schriftführung")])], RULES)
    assert people == []
    people, _ = read_head_roles([text_line(100, [(50, "Vorsitz"), (150, "Anna Bauer")])], RULES)
    assert [p.name for p in people] == ["Anna Bauer"]


def test_a_tables_decision_and_vote_columns_give_each_rows_result() -> None:
    head = text_line(140, [(53, "Nr."), (85, "Gegenstand"), (285, "Ergebnis"), (460, "Ja/Nein/Enth.")])
    rows = [
        text_line(
            160, [(53, "1"), (85, "Genehmigung der Niederschrift"), (285, "Die Niederschrift wird"), (460, "12/3/1")]
        ),
        text_line(172, [(85, "vom 03.04.2024"), (285, "genehmigt.")]),
        text_line(190, [(53, "2"), (85, "Bekanntgaben"), (285, "–"), (460, "–")]),
    ]
    cells = table_results([head, *rows], RULES, head)
    first = [token for where, _, token in cells if where[1] < 185]
    assert row_outcome([t for t in first if t.x0 < 450], "decision", head, RULES) == (
        "Die Niederschrift wird genehmigt.",
        None,
    )
    assert row_outcome([t for t in first if t.x0 >= 450], "vote", head, RULES) == (
        None,
        Vote(yes=12, no=3, abstain=1, unanimous=False),
    )
    rest = [token for where, kind, token in cells if where[1] >= 185 and kind == "decision"]
    assert [t.text for t in rest] == ["–"]
    assert row_outcome(rest, "decision", head, RULES) == (None, None)
    # 'Nr.' heads an agenda table only before a subject's heading: a paper's cost table is none.
    assert RULES.res["table_head"].match("Nr. Gegenstand Ergebnis")
    assert not RULES.res["table_head"].match("Nr. Bezeichnung Betrag")


def test_the_heading_row_repeated_on_the_next_page_is_no_rows_result() -> None:
    # Regression: the repeated row, its number and subject cut off as side columns ('Vorlage
    # Beschluss Abstimmung'), lent 'Beschluss' to the decision of the last row on the page before.
    cells = [(53, "TOP"), (85, "Gegenstand"), (250, "Vorlage"), (330, "Beschluss"), (470, "Abstimmung")]
    head = text_line(140, cells)
    rows = [
        text_line(160, [(53, "1"), (85, "Bauantrag"), (330, "Das Einvernehmen wird"), (470, "einstimmig")]),
        text_line(172, [(330, "erteilt.")]),
        text_line(75, cells[2:], page=2),
        text_line(92, [(53, "2"), (85, "Bekanntgaben"), (330, "–"), (470, "–")], page=2),
    ]
    cells_read = table_results([head, *rows], RULES, head)
    first = [token for where, kind, token in cells_read if where[0] == 1 and kind == "decision"]
    assert row_outcome(first, "decision", head, RULES) == ("Das Einvernehmen wird erteilt.", None)
    assert not [t for _, _, t in cells_read if t.text == "Beschluss"]
    # Words of the heading elsewhere on a later page are a row's.
    moved = text_line(75, [(250, "Vorlage"), (345, "Beschluss")], page=2)
    assert [t.text for _, _, t in table_results([head, moved], RULES, head)] == ["Beschluss"]


def test_a_part_of_decisions_from_the_closed_session_says_nothing_of_the_documents_session() -> None:
    part = "Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung"
    assert RULES.res["nonpublic"].match(part)
    head = [text_line(60, [(50, "Bekanntgabe der Beschlüsse")]), text_line(300, [(50, part)])]
    assert read_public(head, RULES) is None
    assert read_public([text_line(60, [(50, "Nichtöffentliche Sitzung")])], RULES) is not None


def test_the_issuer_before_a_dash_that_opens_the_session_line() -> None:
    line = text_line(60, [(50, "Gemeinde Ilsfeld – Sitzung des Gemeinderates vom 09.07.2024")])
    found = read_originator([line], RULES)
    assert found is not None and found[0] == "Gemeinde Ilsfeld"


def test_the_session_line_under_a_decision_lists_type_word() -> None:
    head = [
        text_line(60, [(50, "Beschlussübersicht")]),
        text_line(80, [(50, "der öffentlichen Sitzung des Gemeinderates am 21.08.2024")]),
    ]
    assert [str(day) for day, _ in session_date(head, RULES)[0]] == ["2024-08-21"]
    head[1] = text_line(80, [(50, "der in der Sitzung des Bauausschusses vom 12. März 2024 gefassten")])
    assert [str(day) for day, _ in session_date(head, RULES)[0]] == ["2024-03-12"]


def test_a_paper_cell_a_word_space_from_the_titles_line_is_the_rows_paper() -> None:
    head = text_line(140, [(53, "TOP"), (150, "Betreff"), (249, "Vorlage"), (340, "Beschluss")])
    # 'Halle' ends at 246 pt, the paper cell starts at 249: one segment for the layout.
    row = text_line(160, [(53, "5"), (150, "Umbau einer Halle"), (249, "VO/2024/039"), (340, "Zustimmung")])
    lines, cells = cut_to_title([head, row], RULES, head)
    assert lines[1].text == "5 Umbau einer Halle"
    assert cells == {(1, 160.0): "VO/2024/039"}
    # A table with no column right of the title has no paper cell to take.
    bare = text_line(140, [(53, "TOP"), (150, "Betreff")])
    lines, cells = cut_to_title([bare, text_line(160, [(53, "5"), (150, "Umbau")])], RULES, bare)
    assert [line.text for line in lines] == ["TOP Betreff", "5 Umbau"] and cells == {}
