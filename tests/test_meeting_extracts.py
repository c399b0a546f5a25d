"""Minutes heads of other forms and per-item extracts of the minutes: a date wrapped away from its
session line, a body with its seat in the genitive or named only in the running head, the record's
own number, head rows in one run with official titles, the one item of an extract with its vote,
an honest kind; and the documents of scripts/meeting_extracts.py against the generator's goldens."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.extract.context import Context
from ratsdoc.furniture import is_page_number, mark_furniture
from ratsdoc.issues import IssueCode
from ratsdoc.layout.columns import order_columns
from ratsdoc.layout.lines import Line, Token
from ratsdoc.meeting.attendance import read_head_roles
from ratsdoc.meeting.body_names import body_name
from ratsdoc.meeting.extract import extract_meeting
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.minutes import read_outcome
from ratsdoc.meeting.record_head import record_number
from ratsdoc.meeting.record_type import record_type
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.session_date import session_date
from ratsdoc.meeting.single_item import read_single_item
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], bold: frozenset[int] = frozenset()) -> list[Line]:
    """One line a row, 14 pt apart; the rows numbered in ``bold`` set in bold."""
    lines = [text_line(60 + 14 * k, cells) for k, cells in enumerate(rows)]
    return [Line(ln.page, [replace(t, bold=True) for t in ln.words]) if k in bold else ln for k, ln in enumerate(lines)]


def _read(rows: list[list[tuple[float, str]]], bold: frozenset[int] = frozenset()) -> Context:
    """Run the meeting extractor on one page of ``rows`` with the generic profile."""
    layout = Layout([PageInfo(1, 595.0, 842.0)], _lines(rows, bold))
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    extract_meeting(ctx)
    return ctx


def test_a_session_line_wrapped_before_its_date_gives_the_date() -> None:
    # Regression: a head wrapped after 'am Montag, dem' gave no meeting date.
    wrapped = _lines(
        [
            [(50, "Wortprotokoll der 9. Sitzung des Rates der Stadt Köln in der Wahlperiode 2020 - 2025")],
            [(50, "am Montag, dem 23. August 2021")],
        ]
    )
    assert session_date(wrapped, RULES)[0][0] == (dt.date(2021, 8, 23), wrapped[0])
    assert session_date(wrapped, RULES)[1] is False
    split = _lines(
        [
            [(50, "Niederschrift")],
            [(50, "über die öffentliche Sitzung des Gemeinderates der Stadt Jena")],
            [(50, "am Donnerstag, dem")],
            [(50, "14. März 2024")],
        ]
    )
    assert [day for day, _ in session_date(split, RULES)[0]] == [dt.date(2024, 3, 14)]
    # An agenda item below a session line without a date lends it none.
    item = _lines([[(50, "Protokoll der Sitzung des Rates")], [(50, "TOP 1 Genehmigung der Sitzung vom 5. Mai 2024")]])
    assert session_date(item, RULES)[0] == []


def test_a_body_keeps_its_seat_in_the_genitive_and_across_a_line_break() -> None:
    assert body_name("Grosser Rat des Kantons Thurgau", RULES, genitive=False, whole=True) == (
        "Grosser Rat des Kantons Thurgau"
    )
    head = _lines(
        [
            [(50, "Protokoll der Sondersitzung des Kreistages des Landkreises")],
            [(50, "Gotha vom 3. Mai 2024")],
        ]
    )
    assert read_body(head, RULES) == ("Kreistag des Landkreises Gotha", head[0])
    # A line that ends with a body in the genitive is not joined to the next line's words.
    plain = _lines([[(50, "Protokoll des Gemeinderates")], [(50, "Sitzung vom Dienstag, 12. März 2024")]])
    assert read_body(plain, RULES) == ("Gemeinderat", plain[0])


def test_the_running_head_names_the_body_before_the_chair_does() -> None:
    head = _lines(
        [
            [(50, "Rat der Stadt Köln – 18. Sitzung vom 17. August 2022")],
            [(50, "Oberbürgermeisterin Reker: Ich eröffne die 18. Sitzung des Rates in der laufenden")],
        ]
    )
    assert read_body(head, RULES) == ("Rat der Stadt Köln", head[0])


def test_the_records_own_number() -> None:
    for text, number in [
        ("Protokoll Nr. 61 vom 16. August 2023", "61"),
        ("Niederschrift Nr. 12, TOP 1e", "12"),
        ("Niederschrifts-Nr.: 66", "66"),
    ]:
        line = _lines([[(50, text)]])
        assert record_number(line, RULES) == (number, line[0])
    assert record_number(_lines([[(50, "18. Sitzung vom 17. August 2022")]]), RULES) is None
    # An agenda item names another record's number.
    assert record_number(_lines([[(50, "TOP 2 Genehmigung der Niederschrift Nr. 4 vom 5. Mai 2024")]]), RULES) is None


def test_head_rows_in_one_run_leave_out_official_titles_and_the_body() -> None:
    head = _lines(
        [
            [(50, "Protokoll: Gemeinderat der Landeshauptstadt Stuttgart")],
            [(50, "Vorsitz: OB Kuhn")],
            [(50, "Berichterstattung: Herr Bauer")],
            [(50, "Protokollführung: Frau Faßnacht")],
        ]
    )
    people, _ = read_head_roles(head, RULES)
    assert [(p.name, p.role) for p in people] == [("Kuhn", "Vorsitz"), ("Faßnacht", "Protokollführung")]


def test_extract_heads_are_session_records() -> None:
    beschluss = _lines(
        [[(50, "Beschlussauszug")], [(50, "aus der öffentlichen Sitzung des Bauausschusses vom 12.03.2024")]]
    )
    assert record_type(beschluss, RULES) == ("Beschlussauszug", beschluss[0])
    aus = _lines([[(50, "Protokoll aus der Sitzung des Gemeinderats vom 28.03.2019")], [(50, "TOP 1e Wahl")]])
    assert record_type(aus, RULES) == ("Protokoll", aus[0])


_EXTRACT = [
    [(50, "Stadt Jena")],
    [(50, "Niederschrift Nr. 12, TOP 1e")],
    [(50, "Sitzung des Gemeinderates der Stadt Jena vom 28. März 2019")],
    [(50, "Bewerbervorstellung und Wahl der Amtsleitung")],
    [(50, "Vorsitz: OB Kuhn")],
    [(50, "Protokollführung: Frau Faßnacht")],
    [(50, "Die Bewerber stellen sich vor. Es folgt die Wahl.")],
    [(50, "Beschluss: Herr Dr. Belge wird gewählt.")],
    [(50, "Abstimmungsergebnis: mit 54 Ja-Stimmen bei 2 Gegenstimmen und 2 Enthaltungen")],
]


def test_the_one_item_of_an_extract_with_its_vote() -> None:
    lines = _lines(_EXTRACT, bold=frozenset({1, 3}))
    item = read_single_item(lines, RULES)
    assert item is not None
    assert (item.number, item.title) == ("1e", "Bewerbervorstellung und Wahl der Amtsleitung")
    decision, vote, _ = read_outcome(item.body, RULES, prose=True)
    assert decision == "Herr Dr. Belge wird gewählt."
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (54, 2, 2, False)


def test_an_extract_is_a_meeting_document_with_its_head_fields() -> None:
    # Regression: such an extract was read as a paper without a warning.
    ctx = _read(_EXTRACT, bold=frozenset({1, 3}))
    values = ctx.fields.values
    assert values["kind"] == "meeting"
    assert (values["document_type"], values["number"], values["date"]) == ("Niederschrift", "12", dt.date(2019, 3, 28))
    assert values["body"] == "Gemeinderat der Stadt Jena"
    assert values["meeting"].date == dt.date(2019, 3, 28) and values["meeting"].number is None
    assert [(i.number, i.vote.yes if i.vote else None) for i in values["agenda_items"]] == [("1e", 54)]
    assert [(a.name, a.role) for a in values["attendees"]] == [("Kuhn", "Vorsitz"), ("Faßnacht", "Protokollführung")]


def test_a_paper_headed_by_a_type_word_with_few_session_words_warns_about_its_kind() -> None:
    ctx = _read([[(50, "Protokoll Radweg Nordstraße")], [(50, "Betreff: Radweg an der Nordstraße")], [(50, "Vorsitz")]])
    assert ctx.fields.values["kind"] == "paper"
    assert any(w.code is IssueCode.KIND_UNCERTAIN and w.field == "kind" for w in ctx.fields.warnings)
    # A type word alone makes a meeting document, but one in doubt.
    alone = _read([[(50, "Protokoll")], [(50, "Betreff: Radweg an der Nordstraße")], [(50, "Vorsitz")]])
    assert alone.fields.values["kind"] == "meeting"
    assert any(w.code is IssueCode.KIND_UNCERTAIN and w.field == "kind" for w in alone.fields.warnings)
    plain = _read([[(50, "Antrag")], [(50, "Betreff: Radweg an der Nordstraße")]])
    assert not any(w.field == "kind" for w in plain.fields.warnings)


def test_form_cells_wrapped_under_themselves() -> None:
    # Regression: a body's name and a subject wrapped in their value column were cut at the line end.
    rows = [
        [(50, "Protokoll:"), (190, "Gemeinderat der Landes-")],
        [(190, "hauptstadt Stuttgart")],
        [(50, "Niederschrifts-Nr.:"), (190, "66")],
        [(50, "TOP:"), (190, "1e")],
        [(50, "Sitzungstermin:"), (190, "28.03.2019")],
        [(50, "Vorsitz:"), (190, "OB Kuhn")],
        [(50, "Betreff:"), (190, "Wahl Amtsleitung Branddi-")],
        [(190, "rektion")],
        [(50, "Beschluss: Gewählt ist Herr Dr. Belge.")],
    ]
    lines = _lines(rows)
    assert read_body(lines, RULES) == ("Gemeinderat der Landeshauptstadt Stuttgart", lines[0])
    item = read_single_item(lines, RULES)
    assert item is not None and (item.number, item.title) == ("1e", "Wahl Amtsleitung Branddirektion")
    assert [ln.text for ln in item.body] == ["Beschluss: Gewählt ist Herr Dr. Belge."]
    people, _ = read_head_roles(lines, RULES)
    assert [(p.name, p.role) for p in people] == [("Kuhn", "Vorsitz")]


def test_a_paper_number_at_the_top_of_a_column_is_no_page_number() -> None:
    # Regression: '2262/2024' under an item heading at the top of the right column made the whole
    # line (with a speech's words in the left column) a page footer: the number and the words were lost.
    assert not is_page_number("2262/2024")
    assert is_page_number("2/4") and is_page_number("Seite 12 von 140")
    lines = [text_line(40, [(50, "Herren, ich eröffne die 15. Sitzung des Rates"), (340, "2262/2024")])]
    lines.append(text_line(400, [(50, "Der Rat beschließt.")]))
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0)])
    assert not lines[0].furniture


def test_a_column_whose_words_start_right_at_a_gutter_candidate_is_read() -> None:
    # Regression: the right column's words starting exactly at a tried gutter x crashed the layout
    # (min() of no word), and with it the whole evaluation run.
    spans = [(50.0, 90.0), (95.0, 140.0), (145.0, 180.0), (185.0, 210.0)]
    spans += [(212.0, 250.0), (255.0, 290.0), (295.0, 330.0), (335.0, 370.0)]
    # Most lines are running text on both sides; some hold one word right of the gutter, at its very x.
    rows = [spans if k % 4 else spans[:5] for k in range(12)]
    lines = [
        Line(1, [Token(f"w{x0:.0f}", x0, 60.0 + 12 * k, x1, 70.0 + 12 * k, 10.0) for x0, x1 in row])
        for k, row in enumerate(rows)
    ]
    ordered, _ = order_columns(lines, {1: 595.28})
    assert sorted(t.text for ln in ordered for t in ln.words) == sorted(t.text for ln in lines for t in ln.words)


def test_a_vote_sentence_of_its_own_ends_the_decision() -> None:
    body = _lines(
        [
            [(50, "Beschluss: Dem Beschlussantrag wird zugestimmt.")],
            [(50, "Der Beschluss wurde einstimmig gefasst.")],
        ]
    )
    decision, vote, _ = read_outcome(body, RULES, prose=True)
    assert decision == "Dem Beschlussantrag wird zugestimmt."
    assert vote is not None and vote.unanimous is True
    # A decision that goes on over its line is still one text.
    wrapped = _lines([[(50, "Beschluss: Der Rat stimmt der Vorlage")], [(50, "einstimmig zu.")]])
    assert read_outcome(wrapped, RULES, prose=True)[0] == "Der Rat stimmt der Vorlage einstimmig zu."


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(extracts: ModuleType, out: Path) -> None:
        extracts.build_all(out, 7, 4)

    return built_layouts(tmp_path_factory, "meeting_extracts", build)


@pytest.mark.parametrize("name", [f"protokoll-{style}-{n}" for style in ("auszug", "kopf") for n in (1, 2)])
def test_extracts_and_heads_match_the_generators_golden(name: str, generated: Path) -> None:
    golden = json.loads((generated / f"{name}.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(generated / f"{name}.pdf").model_dump(mode="json")
    for field in ("kind", "document_type", "number", "date", "public", "body", "meeting", "attendees"):
        assert got[field] == golden[field], field
    # Item titles and numbers (a decision may run on into an unlabelled vote sentence: not checked here).
    assert [(i["number"], i["title"], i["public"]) for i in got["agenda_items"]] == [
        (i["number"], i["title"], i["public"]) for i in golden["agenda_items"]
    ]


def test_a_paper_number_in_one_item_heading_of_verbatim_minutes_is_not_the_records_number(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Seed 71's fourth verbatim record heads four items with their motions' numbers; one of them
    # ('AN/1890/2024', item 4.1) was taken as the record's own number, silently.
    def build(extracts: ModuleType, out: Path) -> None:
        name = "protokoll-kopf-4"
        extracts.ml.write_drawn(out, name, random.Random(f"71-{name}"), extracts.kopf, "--seed 71")

    folder = built_layouts(tmp_path_factory, "meeting_extracts", build)
    golden = json.loads((folder / "protokoll-kopf-4.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(folder / "protokoll-kopf-4.pdf").model_dump(mode="json")
    assert len(got["agenda_items"]) > 1
    assert got["number"] == golden["number"] is None
    assert got["agenda_items"] == golden["agenda_items"]
