"""Session records of other publishers: a non-public part numbered from 1 again, Swiss decisions and
votes ('Beschluss' / 'Abstimmung' headings, 'Der Rat beschliesst:', 'mit 34 zu 5 Stimmen'), a
body's name with its town ('Rat der Stadt Köln') or with the type word on its baseline, an
attendance list that ends where the items begin; and the layouts of scripts/meeting_records.py,
generated and parsed against the generator's goldens."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.body_names import body_name
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.minutes import read_outcome, read_vote
from ratsdoc.meeting.record_type import record_type
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.session_date import session_date
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 12.0) -> list[Line]:
    return [text_line(50 + leading * k, cells) for k, cells in enumerate(rows)]


def test_a_non_public_part_numbered_from_one_keeps_its_own_items() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "Öffentlicher Teil")],
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "TOP 2"), (110, "Neubau Sporthalle")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "TOP 1"), (110, "Grundstücksangelegenheiten")],
        [(50, "Öffentlicher Teil")],
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "Die Sitzung wird eröffnet.")],
        [(50, "TOP 2"), (110, "Neubau Sporthalle")],
        [(50, "Beschluss: Die Vorlage wird genehmigt.")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "TOP 1"), (110, "Grundstücksangelegenheiten")],
        [(50, "Beschluss: Der Verkauf wird beschlossen.")],
    ]
    items = read_agenda(_lines(rows), RULES)
    assert [(i.number, i.title, i.public) for i in items] == [
        ("1", "Eröffnung", True),
        ("2", "Neubau Sporthalle", True),
        ("1", "Grundstücksangelegenheiten", False),
    ]
    assert [line.text for line in items[2].body] == ["Beschluss: Der Verkauf wird beschlossen."]
    assert agenda_doubts(items, RULES) == []


def test_a_list_under_part_headings_counts_the_non_public_part_from_one() -> None:
    rows = [
        [(50, "Öffentlicher Teil")],
        [(50, "1. Eröffnung")],
        [(50, "2. Bericht der Verwaltung")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "1. Personalangelegenheiten")],
    ]
    items = read_agenda(_lines(rows), RULES)
    assert [(i.number, i.public) for i in items] == [("1", True), ("2", True), ("1", False)]


def test_swiss_decision_and_vote_headings() -> None:
    body = _lines(
        [
            [(50, "Beschluss")],
            [(50, "Der Kredit wird bewilligt.")],
            [(50, "Abstimmung")],
            [(50, "Der Antrag wird mit 34 zu 5 Stimmen bei 2 Enthaltungen angenommen.")],
        ]
    )
    decision, vote, where = read_outcome(body, RULES)
    assert decision == "Der Kredit wird bewilligt."
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (34, 5, 2, False)
    assert len(where) == 4


def test_the_council_decides_label_and_counts_before_their_words() -> None:
    body = _lines(
        [
            [(50, "Der Rat beschliesst:")],
            [(50, "Die Vorlage wird genehmigt.")],
            [(50, "Abstimmung: 23 Ja, 4 Nein, 1 Enthaltung")],
        ]
    )
    decision, vote, _ = read_outcome(body, RULES)
    assert decision == "Die Vorlage wird genehmigt."
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == (23, 4, 1)
    ratio = read_vote("mit 59 gegen 55 Stimmen", RULES)
    assert ratio is not None and (ratio.yes, ratio.no) == (59, 55)


def test_a_bodys_name_with_its_town_and_with_the_type_word_beside_it() -> None:
    assert body_name("Rat der Stadt Köln", RULES, genitive=False, whole=True) == "Rat der Stadt Köln"
    assert body_name("Rates der Stadt Jena am 5. Mai", RULES, genitive=True) == "Rat der Stadt Jena"
    assert body_name("Gemeinderat der Stadt", RULES, genitive=False, whole=True) is None
    assert body_name("Stadtparlament Arbon", RULES, genitive=False, whole=True) == "Stadtparlament Arbon"
    head = _lines([[(50, "Stadtrat Jena"), (400, "Protokoll")], [(50, "Sitzung vom 5. März 2024")]])
    found = read_body(head, RULES)
    assert found is not None and found[0] == "Stadtrat Jena"


def test_a_protokoll_whose_type_word_follows_the_bodys_name_is_a_record() -> None:
    dashed = _lines(
        [
            [(50, "Gemeinderat Jena – Protokoll der Sitzung vom 9. Februar 2024")],
            [(50, "Zeit"), (140, "18.30 Uhr bis 20.45 Uhr")],
        ]
    )
    found = record_type(dashed, RULES)
    assert found is not None and found[0] == "Protokoll"
    assert [str(day) for day, _ in session_date(dashed, RULES)[0]] == ["2024-02-09"]
    # An agenda item that names an earlier session after a dash gives no session date.
    item = _lines([[(50, "TOP 2 – Genehmigung des Protokolls der Sitzung vom 5. März 2024")]])
    assert session_date(item, RULES)[0] == []
    assert read_body(dashed, RULES) is not None
    beside = _lines([[(50, "Stadtrat Jena"), (430, "Protokoll")], [(50, "Sitzung vom 5. März 2024")]])
    found = record_type(beside, RULES)
    assert found is not None and found[0] == "Protokoll"
    # A paper's subject line that names a body before a dash is no record.
    paper = _lines([[(50, "Stadtrat Jena – Antrag der Fraktion")], [(50, "Sitzung vom 5. März 2024")]])
    assert record_type(paper, RULES) is None


def _bold(line: Line) -> Line:
    return Line(line.page, [replace(t, bold=True) for t in line.tokens])


def test_an_item_label_alone_takes_the_bold_title_below_and_not_the_minutes() -> None:
    lines = _lines(
        [
            [(50, "Traktandum 1")],
            [(50, "Sanierung des Spielplatzes")],
            [(50, "Die Verwaltung erläutert die Vorlage.")],
            [(50, "Traktandum 2")],
            [(50, "Fortschreibung des Integrierten Konzeptes für den Sozialraum")],
            [(50, "Ost")],
            [(50, "Beschluss: Die Vorlage wird genehmigt.")],
        ]
    )
    lines = [_bold(ln) if k in (0, 1, 3, 4, 5) else ln for k, ln in enumerate(lines)]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Sanierung des Spielplatzes"),
        ("2", "Fortschreibung des Integrierten Konzeptes für den Sozialraum Ost"),
    ]
    assert [ln.text for ln in items[0].body] == ["Die Verwaltung erläutert die Vorlage."]


def test_compound_type_words_and_a_session_phrase_broken_after_its_article() -> None:
    head = _lines([[(50, "Stadtrat Arbon")], [(50, "Kurzprotokoll der Sitzung vom Freitag, 21. Juni 2024")]])
    head += _lines([[(50, "Zeit"), (140, "18.30 Uhr bis 20.45 Uhr")]], leading=12.0)
    found = record_type(head, RULES)
    assert found is not None and found[0] == "Kurzprotokoll"
    dated = _lines([[(50, "Sitzungsniederschrift der Sitzung vom Freitag, 21. Juni 2024")]])
    assert [str(day) for day, _ in session_date(dated, RULES)[0]] == ["2024-06-21"]
    # 'Protokollführung' or a lower-case word is no type word.
    assert (
        record_type(_lines([[(50, "Protokollführung: Anna Bauer")], [(50, "Sitzung vom 5. März 2024")]]), RULES) is None
    )
    opening = _lines([[(50, "Damen und Herren, ich eröffne die 14. Sitzung des")], [(50, "Rates in der Wahlperiode.")]])
    found_body = read_body(opening, RULES)
    assert found_body is not None and found_body[0] == "Rat"


def test_the_attendance_list_ends_where_the_numbered_items_begin() -> None:
    lines = _lines(
        [
            [(50, "Anwesend:")],
            [(50, "Anna Bauer")],
            [(50, "Jens Lange")],
            [(50, "1. Sanierung des Spielplatzes im Stadtpark")],
            [(50, "Die Verwaltung berichtet.")],
        ]
    )
    attendees, _ = read_attendees(lines, RULES)
    assert [a.name for a in attendees] == ["Anna Bauer", "Jens Lange"]
    names = _lines([[(50, "Anwesend:")], [(50, "1. Anna Bauer")], [(50, "2. Jens Lange")]])
    assert [a.name for a in read_attendees(names, RULES)[0]] == ["1. Anna Bauer", "2. Jens Lange"]


def test_verbatim_minutes_without_speaker_turns_are_warned(tmp_path: Path) -> None:
    pytest.importorskip("reportlab", reason="the test draws its PDF with reportlab")
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "wortprotokoll.pdf"
    canvas = Canvas(str(pdf), invariant=1)
    rows = ["Rat der Stadt Jena", "Wortprotokoll", "der 12. Sitzung vom 5. März 2024", "Beginn: 17:00 Uhr"]
    # A speaker on a line of their own, the words below: no turn the speaker patterns know.
    rows += ["Präsidentin Anna Bauer", "Ich eröffne die Sitzung und begrüße Sie alle herzlich."] * 4
    for k, row in enumerate(rows):
        canvas.setFont("Helvetica", 11)
        canvas.drawString(60, 780 - 18 * k, row)
    canvas.save()
    got, issues = read_paper(pdf, ParseOptions())
    assert got.kind == "meeting" and got.document_type == "Wortprotokoll" and got.speeches == []
    assert got.body == "Rat der Stadt Jena"
    assert any(i.code == IssueCode.MEETING_FIELD_MISSING and i.field == "speeches" for i in issues)


for module in ("reportlab", "fpdf"):
    pytest.importorskip(module, reason=f"the meeting layouts need {module}")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(records: ModuleType, out: Path) -> None:
        records.build_heads(out, 7, 1)
        records.build_agendas(out, 7, 4)

    return built_layouts(tmp_path_factory, "meeting_records", build)


@pytest.mark.parametrize("name", ["rat-protokoll", "wortprotokoll-kopf", "agenda-traktanden", "agenda-neu"])
def test_records_match_the_generators_golden(name: str, generated: Path) -> None:
    golden = json.loads((generated / f"{name}-1.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(generated / f"{name}-1.pdf").model_dump(mode="json")
    for field in ("kind", "document_type", "meeting", "body", "agenda_items", "attendees", "speeches"):
        if field in golden:
            assert got[field] == golden[field], field
