"""Agenda items of verbatim and Swiss minutes: a title wrapped right before a date ('... vom' /
'26. Oktober 2022 "..."') is not item 26, several counted results of one item are one decision a
line with no single vote, a verbatim record's table of contents (leaders, page numbers, wrapped
and hyphenated titles, paper numbers, year spans) gives its items; and the layouts of
scripts/meeting_tocs.py, generated and parsed against the generator's goldens."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.layout.columns import page_order
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.headings import read_headings
from ratsdoc.meeting.minutes import read_outcome
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.toc import merge_toc, read_toc

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


def test_a_speaker_naming_a_count_after_the_result_is_no_second_result() -> None:
    rows = [
        [(50, "Beschlussfassung")],
        [(50, "Die Motion wird mit 58:26 Stimmen erheblich erklärt.")],
        [(50, "Präsident Bauer: Mit 58:26 Stimmen ist die Motion erheblich erklärt.")],
    ]
    decision, vote, _ = read_outcome(_lines(rows, gaps=(2,)), RULES)
    assert decision == "Die Motion wird mit 58:26 Stimmen erheblich erklärt."
    assert vote is not None and (vote.yes, vote.no) == (58, 26)


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


#: A table of contents with dot leaders: a letter item, a title over three lines with a line-end
#: hyphen and „...“ quotes across lines, a year span in a title, paper numbers at a title's end
#: and on a line of their own.
TOC_ROWS = [
    [(50, "Inhalt")],
    [(50, "1"), (85, "Eröffnung und Begrüßung ........................ 2")],
    [(50, "A"), (85, "Aktuelle Stunde ........................ 3")],
    [(50, "2"), (85, "Einbringung des Entwurfs der Haushaltssatzung für die")],
    [(85, "Haushaltsjahre 2023/2024 ................ 5")],
    [(50, "3"), (85, "Einbringung des Entwurfs der Haushaltssatzung für die")],
    [(85, "Haushaltsjahre 2023/2024 2269/2022 ........ 7")],
    [(50, "4.1"), (85, "Antrag der Fraktion SPD betreffend „Dringlichkeitsent-")],
    [(85, "scheidungen des Hauptausschusses")],
    [(85, "schneller veröffentlichen“")],
    [(85, "AN/1718/2021 ........................ 9")],
    [(50, "4.2"), (85, "Haushalt 2024/2025")],
    [(85, "1234/2024 ........................ 12")],
    [(50, "5"), (85, "Anfragen")],
    [(400, "........................ 14")],
]


def test_a_table_of_contents_gives_whole_titles_and_paper_numbers() -> None:
    items, used = read_toc(_lines(TOC_ROWS), RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Eröffnung und Begrüßung", []),
        ("A", "Aktuelle Stunde", []),
        ("2", "Einbringung des Entwurfs der Haushaltssatzung für die Haushaltsjahre 2023/2024", []),
        ("3", "Einbringung des Entwurfs der Haushaltssatzung für die Haushaltsjahre 2023/2024", ["2269/2022"]),
        (
            "4.1",
            "Antrag der Fraktion SPD betreffend „Dringlichkeitsentscheidungen des Hauptausschusses "
            "schneller veröffentlichen“",
            ["AN/1718/2021"],
        ),
        ("4.2", "Haushalt 2024/2025", ["1234/2024"]),
        ("5", "Anfragen", []),
    ]
    assert len(used) == len(TOC_ROWS)


def test_a_list_without_page_numbers_is_no_table_of_contents() -> None:
    rows = [[(50, "Tagesordnung")], [(50, "1"), (85, "Eröffnung")], [(50, "2"), (85, "Anfragen")]]
    assert read_toc(_lines(rows), RULES) == ([], [])


def test_the_debate_headings_add_their_bodies_to_the_listed_items() -> None:
    lines = _lines([*TOC_ROWS[:3], [(50, "Herr Bauer (SPD): Guten Tag.")]])
    toc, _ = read_toc(lines, RULES)
    plain = text_line(300, [(50, "A"), (76, "Aktuelle Stunde")])
    heading = Line(1, [replace(t, bold=True) for t in plain.tokens])
    body = text_line(314, [(50, "Frau Lange (CDU): Danke.")])
    items, doubts = merge_toc(toc, read_headings([heading, body], RULES))
    assert [(i.number, [ln.text for ln in i.body]) for i in items] == [
        ("1", []),
        ("A", ["Frau Lange (CDU): Danke."]),
    ]
    assert doubts == ["item 1 of the table of contents has no heading in the record"]


def test_a_heading_that_wraps_before_a_year_span_keeps_it() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "TOP 1"), (110, "Einbringung des Entwurfs der Haushaltssatzung für die Haushaltsjahre")],
        [(110, "2023/2024")],
        [(50, "TOP 2"), (110, "Neubau der Sporthalle")],
        [(110, "2269/2022")],
    ]
    items = read_agenda(_lines(rows), RULES)
    assert [(i.title, i.paper_numbers) for i in items] == [
        ("Einbringung des Entwurfs der Haushaltssatzung für die Haushaltsjahre 2023/2024", []),
        ("Neubau der Sporthalle", ["2269/2022"]),
    ]


#: A table of contents in two columns: items 1 to 3.1 left, 3.2 to 5 right.
TWO_COLUMNS_LEFT = [
    [(50, "1"), (78, "Eröffnung und Begrüßung ...... 2")],
    [(50, "2"), (78, "Wirtschaftsplan der Bühnen")],
    [(78, "2269/2022 ........ 4")],
    [(50, "3"), (78, "Anträge des Rates ..... 6")],
    [(50, "3.1"), (78, "Antrag der Fraktion")],
    [(78, "AN/0266/2024 ...... 8")],
]
TWO_COLUMNS_RIGHT = [
    [(310, "3.2"), (338, "Antrag der Fraktion FDP")],
    [(338, "betreffend „Verkehr“")],
    [(338, "AN/1271/2024 ........ 10")],
    [(310, "4"), (338, "Einbringung des Entwurfs")],
    [(338, "1614/2024 ........ 14")],
    [(310, "5"), (338, "Satzungsänderung ..... 16")],
]


def test_a_table_of_contents_in_two_columns_is_read_column_by_column() -> None:
    rows = [[*a, *b] for a, b in zip(TWO_COLUMNS_LEFT, TWO_COLUMNS_RIGHT, strict=True)]
    ordered, _ = page_order(_lines(rows), 595.0, running=False, loose=True)
    assert [ln.text.split()[0] for ln in ordered if ln.x0 in (50, 310)] == ["1", "2", "3", "3.1", "3.2", "4", "5"]


def test_a_head_line_whose_word_space_falls_on_the_gutter_is_read_whole() -> None:
    # Regression: the head row "Beginn: ... Ende: 21:15 Uhr" above a two-column table of contents
    # left the gutter free between two words; it was split there and taken for the columns' first
    # row, its last word read as the right column's head, and the items of that column were lost.
    head = [[(50, "Wortprotokoll")], [(120, "Beginn: 19:00 Uhr Ende: 21:15 Uhr")], [(50, "Inhaltsverzeichnis")]]
    rows = head + [[*a, *b] for a, b in zip(TWO_COLUMNS_LEFT, TWO_COLUMNS_RIGHT, strict=True)]
    ordered, _ = page_order(_lines(rows), 595.0, running=False, loose=True)
    assert ordered[1].text == "Beginn: 19:00 Uhr Ende: 21:15 Uhr"
    items, _ = read_toc(ordered, RULES)
    assert [item.number for item in items] == ["1", "2", "3", "3.1", "3.2", "4", "5"]


def test_a_head_line_does_not_move_the_gutter_of_loose_columns() -> None:
    # Regression: on a table of contents in two columns whose rows do not share baselines, a
    # head line that ended a word space right of the gutter (its last word across it) made the
    # loose test choose an x between the right column's item numbers and titles, so those
    # numbers ended the left column's titles ("Eröffnung ........ 2 5.2").
    left = [
        [(50, "1"), (78, "Eröffnung"), (222, "........ 2")],
        [(50, "A"), (78, "Anfragen"), (222, "........ 4")],
        [(50, "2"), (78, "Dringlichkeitsent-")],
        [(78, "scheidungen"), (222, "........ 6")],
        [(50, "3"), (78, "Einbringung des")],
        [(78, "Haushalts"), (222, "........ 7")],
        [(50, "4"), (78, "Mitteilungen"), (222, "........ 8")],
        [(50, "5"), (78, "Anträge"), (216, "........ 10")],
    ]
    right = [
        [(310, "5.2"), (338, "Antrag der Fraktion")],
        [(338, "AN/1234/2024"), (476, "........ 12")],
        [(310, "6"), (338, "Wirtschaftsplan")],
        [(338, "642/2024"), (476, "........ 14")],
        [(310, "7"), (338, "Satzung"), (476, "........ 16")],
        [(310, "8"), (338, "Anfragen"), (476, "........ 18")],
    ]
    lines = [text_line(40, [(50, "Wortprotokoll")]), text_line(60, [(136, "Beginn: 19:00 Uhr Ende: 21:15 Uhr")])]
    lines.append(text_line(90, [(50, "Inhalt")]))
    lines += [text_line(110 + 13.5 * k, cells) for k, cells in enumerate(left)]
    lines += [text_line(116 + 13.5 * k, cells) for k, cells in enumerate(right)]
    ordered, _ = page_order(sorted(lines, key=lambda line: line.top), 595.0, running=False, loose=True)
    items, _ = read_toc(ordered, RULES)
    assert [(item.number, item.title) for item in items][:2] == [("1", "Eröffnung"), ("A", "Anfragen")]
    assert [item.number for item in items] == ["1", "A", "2", "3", "4", "5", "5.2", "6", "7", "8"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 2)

    return built_layouts(tmp_path_factory, "meeting_tocs", build)


@pytest.mark.parametrize("name", ["protokoll-ch", "toc-wortprotokoll"])
def test_tocs_match_the_generators_golden(name: str, generated: Path) -> None:
    golden = json.loads((generated / f"{name}-1.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(generated / f"{name}-1.pdf").model_dump(mode="json")
    fields = ("kind", "document_type", "meeting", "body", "agenda_items", "speeches")
    for field in fields:
        if field in golden:
            assert got[field] == golden[field], field
