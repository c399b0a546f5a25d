"""Agenda items across publishers' styles ('Traktandum 4', '3 a', paper numbers in cells, lines
and parentheses, titles wrapped to the margin or over a page) and the consistency checks that
warn about a doubtful list (``agenda_doubtful``, field ``agenda_items``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.rules import MeetingRules

from .conftest import text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 12.0, page: int = 1) -> list[Line]:
    return [text_line(50 + leading * k, cells, page) for k, cells in enumerate(rows)]


def _read(rows: list[list[tuple[float, str]]]) -> list[tuple[str, str, bool | None, list[str]]]:
    return [(i.number, i.title, i.public, i.paper_numbers) for i in read_agenda(_lines(rows), RULES)]


def test_traktandum_labels_and_lettered_sub_items() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "Öffentliche Sitzung")],
        [(50, "Traktandum 1"), (140, "Eröffnung")],
        [(50, "Traktandum 2"), (140, "Neubau Sporthalle")],
        [(50, "Traktandum 2 a"), (140, "Kosten")],
        [(50, "Nichtöffentliche Sitzung")],
        [(50, "Punkt 3"), (140, "Personalsache")],
    ]
    assert _read(rows) == [
        ("1", "Eröffnung", True, []),
        ("2", "Neubau Sporthalle", True, []),
        ("2 a", "Kosten", True, []),
        ("3", "Personalsache", False, []),
    ]


def test_paper_numbers_in_a_cell_on_a_line_of_their_own_and_in_parentheses() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (110, "Bericht"), (470, "20/MO 12/123")],
        [(50, "2"), (110, "Wahl der Schiedsperson")],
        [(110, "Vorlage: AN/0123/2022")],
        [(50, "3"), (110, "Satzung (0112/23)")],
        [(50, "4"), (110, "Haushalt"), (470, "Ds. 3456/2019")],
    ]
    assert _read(rows) == [
        ("1", "Bericht", None, ["20/MO 12/123"]),
        ("2", "Wahl der Schiedsperson", None, ["AN/0123/2022"]),
        ("3", "Satzung", None, ["0112/23"]),
        ("4", "Haushalt", None, ["3456/2019"]),
    ]


def test_keyword_numbers_in_a_title_stay_in_it() -> None:
    rows = [[(50, "Tagesordnung")], [(50, "1."), (80, "Antrag zur Drucksache 21/1234 und Geschäftsnummer 20/MO 2/99")]]
    assert _read(rows)[0][3] == ["21/1234", "20/MO 2/99"]


def test_a_numbered_list_in_lower_case_is_no_item() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (80, "Bericht")],
        [(50, "2."), (80, "Anfragen")],
        [(50, "Die Verwaltung wird beauftragt,")],
        [(60, "1. einen Zeitplan vorzulegen,")],
        [(60, "2. die Kosten zu ermitteln.")],
    ]
    assert [(n, t) for n, t, _, _ in _read(rows)] == [("1", "Bericht"), ("2", "Anfragen")]


def test_an_unmarked_next_number_after_top_items_is_an_item() -> None:
    rows = [
        [(50, "TOP 1: Unzureichende Sportflächen")],
        [(50, "Text zum ersten Punkt.")],
        [(65, "2. Temporäre Nutzung von Flächen")],
        [(50, "TOP 2: Hecke am Rudeltplatz")],
        [(50, "Text.")],
        [(50, "3. Sonstiges")],
        [(50, "Kurzanträge: keine.")],
    ]
    assert [(n, t) for n, t, _, _ in _read(rows)] == [
        ("1", "Unzureichende Sportflächen"),
        ("2", "Hecke am Rudeltplatz"),
        ("3", "Sonstiges"),
    ]


def test_a_bold_next_number_set_in_after_top_items_is_an_item() -> None:
    # Regression (dev half, Erlangen Niederschrift of 14.04.2021): after 'TOP 2' with lettered
    # sub-topics, the bold heading '3. Klimabudget' is set in like the sub-topics and '4. Sonstiges'
    # stands at the margin; both were lost. The plain numbered list inside TOP 2 is no item.
    bold = [0, 2, 3, 7, 9]
    rows = [
        [(71, "TOP 1: Stadtteilhaus")],
        [(71, "Text zum ersten Punkt.")],
        [(71, "TOP 2: Was lefft in Büchenbach")],
        [(89, "c) Stadtteilwerkstatt 56Nord")],
        [(89, "3. Handlungsfeld Klimaschutz")],
        [(89, "4. Kommunikation und Mitwirkung")],
        [(89, "Details können der Anlage entnommen werden.")],
        [(89, "3. Klimabudget Stadtteilbeirat")],
        [(89, "Frau Petsch berichtet zum Klimabudget.")],
        [(71, "4. Sonstiges")],
        [(71, "Eine Bürgerin fragt nach.")],
    ]
    lines = [Line(ln.page, [replace(t, bold=k in bold) for t in ln.tokens]) for k, ln in enumerate(_lines(rows))]
    assert [(i.number, i.title) for i in read_agenda(lines, RULES)] == [
        ("1", "Stadtteilhaus"),
        ("2", "Was lefft in Büchenbach"),
        ("3", "Klimabudget Stadtteilbeirat"),
        ("4", "Sonstiges"),
    ]


def test_titles_wrapped_to_the_margin_and_over_a_page_break() -> None:
    lines = _lines([[(50, "Tagesordnung")], [(50, "1. Umgestaltung des Knotenpunktes Bahnhofstraße mit")]])
    lines += [text_line(62, [(50, "neuer Lichtsignalanlage")])]
    lines += [text_line(74, [(50, "2."), (80, "Satzung über die Benutzung der")])]
    lines += [text_line(60, [(80, "Kindertagesstätten")], page=2)]
    items = read_agenda(lines, RULES)
    assert [i.title for i in items] == [
        "Umgestaltung des Knotenpunktes Bahnhofstraße mit neuer Lichtsignalanlage",
        "Satzung über die Benutzung der Kindertagesstätten",
    ]
    assert agenda_doubts(items, RULES) == []


def _doubts(rows: list[list[tuple[float, str]]]) -> list[str]:
    return agenda_doubts(read_agenda(_lines(rows), RULES), RULES)


def test_a_clean_list_has_no_doubts() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "TOP 2"), (110, "Haushalt 2024/2025"), (470, "VO/2024/123")],
        [(50, "TOP 2.1"), (110, "Teil A")],
        [(50, "TOP 2.2"), (110, "Teil B")],
        [(50, "TOP 3"), (110, "Anfragen")],
    ]
    assert _doubts(rows) == []


def test_gaps_and_backward_steps_are_doubts() -> None:
    rows = [
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "TOP 3"), (110, "Haushalt")],
        [(50, "TOP 3.2"), (110, "Teil B")],
        [(50, "TOP 2"), (110, "Anfragen")],
    ]
    assert _doubts(rows) == [
        "numbering skips before 3",
        "numbering skips before 3.2",
        "item 2 comes after 3",
    ]


def test_cut_titles_and_paper_numbers_left_in_a_title_are_doubts() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "TOP 1"), (110, "Neubau der Kinder-")],
        [(50, "TOP 2"), (110, "Bericht zur")],
        [(50, "TOP 3"), (110, "Sanierung Halle 0564/21")],
    ]
    assert _doubts(rows) == [
        "the title of item 1 looks cut",
        "the title of item 2 looks cut",
        "the title of item 3 holds a paper number",
    ]


def test_agenda_and_minutes_disagreeing_is_a_doubt() -> None:
    rows = [
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "TOP 2"), (110, "Hecke am Rudeltplatz")],
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "Text.")],
        [(50, "TOP 2"), (110, "Sportflächen im Westen")],
    ]
    assert _doubts(rows) == ["the agenda and the minutes title item 2 differently"]


def test_an_item_without_title_is_a_doubt() -> None:
    rows = [[(50, "Tagesordnung")], [(50, "1"), (110, "Bericht")], [(50, "2"), (110, "Vorlage 0112/2023")]]
    assert _doubts(rows) == ["item 2 has no title"]


def test_the_doubt_is_a_typed_warning_on_agenda_items(tmp_path: Path) -> None:
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    from ratsdoc.options import ParseOptions
    from ratsdoc.pipeline import read_paper

    path = tmp_path / "einladung.pdf"
    canvas = canvas_mod.Canvas(str(path), pagesize=(595, 842), invariant=1)
    y = 780
    for x, text in [(50, "Einladung"), (50, "3. Sitzung des Bauausschusses"), (50, "Sitzungstermin: 12.03.2024")]:
        canvas.drawString(x, y, text)
        y -= 18
    canvas.drawString(50, y - 20, "Tagesordnung")
    for k, (number, title) in enumerate([("1", "Eröffnung"), ("2", "Bericht"), ("4", "Anfragen")]):
        canvas.drawString(50, y - 40 - 14 * k, f"TOP {number}")
        canvas.drawString(110, y - 40 - 14 * k, title)
    canvas.save()
    doc, issues = read_paper(path, ParseOptions())
    assert [item.number for item in doc.agenda_items or []] == ["1", "2", "4"]
    assert any("numbering skips before 4" in message for message in doc.warnings)
    assert any(i.code is IssueCode.AGENDA_DOUBTFUL and i.field == "agenda_items" for i in issues)


def test_a_title_wrapped_to_the_margin_because_the_next_word_did_not_fit() -> None:
    # The text runs to x 500; 'Lichtsignalanlage' (102 pt) did not fit after 'neuer' (x1 458).
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (62, "Umgestaltung des Knotenpunktes Bahnhofstraße und der Straße mit neuer")],
        [(50, "Lichtsignalanlage und Radfahrstreifen")],
        [(50, "2"), (62, "Bericht")],
        [(50, "Die Verwaltung erläutert den Bericht und beantwortet alle Fragen der Mitglieder.")],
        [(50, "Nichtöffentlicher Teil")],
    ]
    items = read_agenda(_lines(rows), RULES)
    first = "Umgestaltung des Knotenpunktes Bahnhofstraße und der Straße mit neuer"
    # The items before 'Nichtöffentlicher Teil' are the public part.
    assert [(i.title, i.public) for i in items] == [
        (f"{first} Lichtsignalanlage und Radfahrstreifen", True),
        ("Bericht", True),
    ]


def test_a_part_heading_right_below_a_title_is_no_continuation() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (62, "Umgestaltung des Knotenpunktes an der Bahnhofstraße und der Lünertorstraße mit")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "2"), (62, "Personalsache")],
    ]
    assert [(n, t, p) for n, t, p, _ in _read(rows)] == [
        ("1", "Umgestaltung des Knotenpunktes an der Bahnhofstraße und der Lünertorstraße mit", True),
        ("2", "Personalsache", False),
    ]


def test_a_reference_that_ends_a_title_leaves_it_even_when_wrapped_or_merged() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (110, "Neugestaltung des Marktplatzes (20/MO")],
        [(110, "7/084)")],
        [(50, "2"), (110, "Zuschuss an den Heimatverein Vorlage: 1330/2024")],
    ]
    assert _read(rows) == [
        ("1", "Neugestaltung des Marktplatzes", None, ["20/MO 7/084"]),
        ("2", "Zuschuss an den Heimatverein", None, ["1330/2024"]),
    ]


def test_minutes_that_list_numbers_and_head_items_with_top_keep_the_list() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (80, "Bericht"), (470, "VO/2024/123")],
        [(50, "2."), (80, "Anfragen")],
        [(50, "Text der Einladung.")],
        [(50, "TOP 1"), (110, "Bericht")],
        [(50, "Beschluss: Zugestimmt.")],
        [(50, "TOP 2"), (110, "Anfragen")],
    ]
    items = read_agenda(_lines(rows), RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Bericht", ["VO/2024/123"]),
        ("2", "Anfragen", []),
    ]
    assert [line.text for line in items[0].body] == ["Beschluss: Zugestimmt."]


def test_a_bold_heading_is_not_continued_by_regular_text_at_the_margin() -> None:
    plain = text_line(50, [(50, "TOP 1"), (110, "Umgestaltung des Knotenpunktes Bahnhofstraße und Lünertorstraße mit")])
    heading = Line(1, [replace(token, bold=True) for token in plain.words])
    prose = text_line(62, [(50, "Lichtsignalanlage wurde erläutert und die Mitglieder stellen Fragen dazu")])
    items = read_agenda([heading, prose], RULES)
    assert items[0].title.endswith("Lünertorstraße mit")
    assert [line.text for line in items[0].body] == [prose.text]


def test_the_word_tagesordnung_that_ends_a_wrapped_title_opens_no_list() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "TOP 1"), (110, "Eröffnung der Sitzung, Feststellung der Beschlussfähigkeit und der")],
        [(110, "Tagesordnung")],
        [(50, "TOP 2"), (110, "Bericht")],
    ]
    items = read_agenda(_lines(rows), RULES)
    assert [i.title for i in items] == [
        "Eröffnung der Sitzung, Feststellung der Beschlussfähigkeit und der Tagesordnung",
        "Bericht",
    ]
    assert agenda_doubts(items, RULES) == []


def test_a_paper_number_keeps_its_version_suffix() -> None:
    # Some councils number an amended paper '21-3920.1'; a number cut at the full stop
    # names the other paper.
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (110, "Mitteilung (Drs. 21-3920.1)")],
        [(50, "2"), (110, "Eingabe"), (470, "21-5599.1")],
        [(50, "3"), (110, "Bericht vom 09.06.2022")],
    ]
    assert [numbers for _, _, _, numbers in _read(rows)] == [["21-3920.1"], ["21-5599.1"], []]


def test_items_before_a_non_public_part_heading_are_the_public_part() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Eröffnung")],
        [(50, "2."), (110, "Mitteilungen")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "3."), (110, "Grundstücke")],
    ]
    assert [public for _, _, public, _ in _read(rows)] == [True, True, False]


def test_an_unmarked_sub_item_is_in_the_part_of_its_marked_item() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "Ö 1"), (110, "Eröffnung")],
        [(50, "Ö 2"), (110, "Eingaben")],
        [(50, "2.1"), (110, "Absenkung des Gehwegs")],
        [(50, "N 3"), (110, "Grundstücke")],
        [(50, "3.1"), (110, "Verkauf")],
        [(50, "4"), (110, "Verschiedenes")],
    ]
    assert [(number, public) for number, _, public, _ in _read(rows)] == [
        ("Ö 1", True),
        ("Ö 2", True),
        ("2.1", True),
        ("N 3", False),
        ("3.1", False),
        ("4", None),
    ]
