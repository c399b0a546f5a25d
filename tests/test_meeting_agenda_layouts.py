"""Agenda layouts of other council systems: head lines that start with digits, Roman numbers and
numbered part headings, side columns (who reports, the Vorlage) read with or apart from the item,
a paper number in a cell's last row, unnumbered items one per table row, and lists that a stray
line interrupts (scripts/meeting_agenda_layouts.py draws them)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.extract.context import Context
from ratsdoc.layout.lines import Line, Token
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.agenda_item import part_state
from ratsdoc.meeting.agenda_rows import unnumbered_rows
from ratsdoc.meeting.extract import extract_meeting
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 14.0) -> list[Line]:
    return [text_line(50 + leading * k, cells) for k, cells in enumerate(rows)]


def _read(lines: list[Line]) -> list[tuple[str, str, bool | None, list[str]]]:
    return [(i.number, i.title, i.public, i.paper_numbers) for i in read_agenda(lines, RULES)]


def test_head_lines_that_start_with_digits_are_no_items() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "5. Sitzung des Bauausschusses")],
        [(50, "12. März 2025")],
        [(50, "17.00 Uhr")],
        [(50, "Sitzungsort: Rathaus, Marktplatz 1")],
        [(50, "Öffentlicher Teil")],
        [(50, "1."), (110, "Eröffnung der Sitzung")],
        [(50, "2."), (110, "Bericht der Verwaltung")],
    ]
    assert _read(_lines(rows)) == [("1", "Eröffnung der Sitzung", True, []), ("2", "Bericht der Verwaltung", True, [])]


def test_roman_numbers_and_numbered_part_headings() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "I. Öffentliche Sitzung")],
        [(50, "I."), (110, "Eröffnung")],
        [(50, "II."), (110, "Bericht der Verwaltung")],
        [(50, "II. Nichtöffentliche Sitzung")],
        [(50, "III."), (110, "Grundstücksangelegenheiten")],
    ]
    assert _read(_lines(rows)) == [
        ("I", "Eröffnung", True, []),
        ("II", "Bericht der Verwaltung", True, []),
        ("III", "Grundstücksangelegenheiten", False, []),
    ]


def test_a_number_written_unlike_the_list_and_out_of_sequence_is_no_item() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "Ö 1"), (110, "Eröffnung")],
        [(50, "N 2"), (110, "Personalangelegenheiten")],
        [(50, "12 Kostenstellen im Haushalt")],
        [(50, "N 3"), (110, "Grundstücksangelegenheiten")],
    ]
    assert [number for number, *_ in _read(_lines(rows))] == ["Ö 1", "N 2", "N 3"]


def test_side_columns_leave_the_title_and_a_paper_cell_is_kept() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Eröffnung der Sitzung"), (375, "StR Bauer")],
        [(50, "2."), (110, "Neubau Sporthalle"), (375, "Amt 61"), (475, "VO/2024/123")],
        [(50, "3."), (110, "Anfragen"), (375, "FB 3")],
    ]
    assert _read(_lines(rows)) == [
        ("1", "Eröffnung der Sitzung", None, []),
        ("2", "Neubau Sporthalle", None, ["VO/2024/123"]),
        ("3", "Anfragen", None, []),
    ]


def test_right_columns_read_after_the_list_go_back_to_their_rows() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Eröffnung der Sitzung")],
        [(50, "2."), (110, "Neubau Sporthalle")],
        [(50, "3."), (110, "Anfragen")],
    ]
    lines = _lines(rows)
    cells = [text_line(64, [(375, "StR Bauer")]), text_line(78, [(375, "Amt 61"), (475, "VO/2024/123")])]
    cells.append(text_line(92, [(375, "FB 3")]))
    assert _read([*lines, *cells]) == [
        ("1", "Eröffnung der Sitzung", None, []),
        ("2", "Neubau Sporthalle", None, ["VO/2024/123"]),
        ("3", "Anfragen", None, []),
    ]


def _cell(top: float, rows: list[list[tuple[float, str]]]) -> Line:
    """One line whose tokens lie on several rows, as the layout joins a table cell's lines."""
    tokens = [t for k, cells in enumerate(rows) for t in text_line(top + 12 * k, cells).tokens]
    return Line(1, tokens)


def test_a_paper_number_on_the_last_row_of_a_title_cell_leaves_the_title() -> None:
    lines = _lines([[(50, "Tagesordnung")]])
    lines.append(_cell(64, [[(50, "1."), (110, "Antrag der Fraktion")], [(110, "Vorlage 9263/2024")]]))
    lines.append(_cell(100, [[(50, "2."), (110, "Haushaltsplan für die Jahre")], [(110, "2025/2026")]]))
    assert _read(lines) == [
        ("1", "Antrag der Fraktion", None, ["9263/2024"]),
        ("2", "Haushaltsplan für die Jahre 2025/2026", None, []),
    ]


def test_a_title_word_the_layout_put_with_the_side_column_goes_back_in_place() -> None:
    lines = _lines([[(50, "Tagesordnung")], [(50, "1."), (110, "Eröffnung")]])
    lines.append(_cell(78, [[(50, "2."), (110, "Satzung über Gebühren für")], [(110, "Benutzung der Kitas")]]))
    lines.append(text_line(106, [(50, "3."), (110, "Anfragen")]))
    word = Token("die", 254.0, 78.0, 272.0, 88.0, 10.0)  # right after 'für', a word space away
    cells = [text_line(64, [(375, "OB")]), Line(1, [word, *text_line(78, [(375, "Amt 61")]).tokens])]
    cells.append(text_line(106, [(375, "FB 3")]))
    titles = [title for _, title, *_ in _read([*lines, *cells])]
    assert titles == ["Eröffnung", "Satzung über Gebühren für die Benutzung der Kitas", "Anfragen"]


def test_unnumbered_items_one_per_table_row() -> None:
    tops = [50, 66, 84, 102, 114, 132, 144, 162]  # rows 18 pt apart, a cell's lines 12
    rows = [
        [(50, "Tagesordnung")],
        [(50, "Öffentlicher Teil")],
        [(110, "Eröffnung der Sitzung"), (375, "OB")],
        [(110, "Neubau einer Sporthalle an der"), (375, "Amt 61")],
        [(110, "Grundschule Nord")],
        [(110, "Bericht der Verwaltung"), (375, "FB 3")],
        [(110, "VO/2024/123")],
        [(50, "Nichtöffentlicher Teil")],
    ]
    lines = [text_line(top, cells) for top, cells in zip(tops, rows, strict=True)]
    lines.append(text_line(180, [(110, "Grundstücksangelegenheiten"), (375, "OB")]))
    items = unnumbered_rows(lines, RULES)
    assert agenda_doubts(items, RULES) == []
    got = [(i.number, i.title, i.public, i.paper_numbers) for i in items]
    assert got == [
        ("", "Eröffnung der Sitzung", True, []),
        ("", "Neubau einer Sporthalle an der Grundschule Nord", True, []),
        ("", "Bericht der Verwaltung", True, ["VO/2024/123"]),
        ("", "Grundstücksangelegenheiten", False, []),
    ]


def test_side_cells_read_apart_from_unnumbered_rows_give_their_papers() -> None:
    # Seed-41 layout-einladung-39: page 2 of an unnumbered agenda table was read column by column,
    # its side cells ('GR Mester   21/9472') after the titles and the signature; the rows lost their
    # paper numbers, silently.
    rows = [
        (50, [(50, "Tagesordnung")]),
        (66, [(110, "Jahresbericht des Klimaschutzmanagements")]),
        (84, [(110, "Haushaltssatzung und Haushaltsplan für das Jahr")]),
        (96, [(110, "2025")]),
        (114, [(110, "Anfragen")]),
        (150, [(50, "gez. Frank Schultz")]),
        (66, [(420, "GR Mester"), (500, "21/9472")]),
        (84, [(420, "BMin Lange"), (500, "3230/2021")]),
        (114, [(420, "OB")]),
    ]
    items = unnumbered_rows([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.title, i.paper_numbers) for i in items] == [
        ("Jahresbericht des Klimaschutzmanagements", ["21/9472"]),
        ("Haushaltssatzung und Haushaltsplan für das Jahr 2025", ["3230/2021"]),
        ("Anfragen", []),
    ]


def test_unnumbered_rows_without_wider_gaps_are_doubtful() -> None:
    rows = [[(50, "Tagesordnung")], [(110, "Eröffnung")], [(110, "Neubau einer Sporthalle an der")]]
    rows += [[(110, "Grundschule Nord")], [(110, "Anfragen")]]
    items = unnumbered_rows(_lines(rows), RULES)
    assert [i.title for i in items] == ["Eröffnung", "Neubau einer Sporthalle an der Grundschule Nord", "Anfragen"]
    assert any("wording only" in doubt for doubt in agenda_doubts(items, RULES))


def test_the_gap_over_a_part_heading_is_no_row_gap() -> None:
    # Browser-agenda seed 5, page 20: a table ruled row by row, one line a row, 16 pt apart; the
    # gap over "Nichtöffentlicher Teil" looked like the one wide row gap, and the eleven public
    # rows became one item.
    rows = [(50, [(50, "Tagesordnung")]), (66, [(50, "Öffentlicher Teil")])]
    rows += [(82, [(76, "Eröffnung der Sitzung")]), (98, [(76, "Stellplatzsatzung für die Stadt")])]
    rows += [(114, [(76, "Jahresbericht des Klimaschutzmanagements")]), (130, [(50, "Nichtöffentlicher Teil")])]
    rows += [(146, [(76, "Vergabe eines Auftrags")]), (162, [(76, "Mietvertrag Bürgerhaus")])]
    items = unnumbered_rows([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.title, i.public) for i in items] == [
        ("Eröffnung der Sitzung", True),
        ("Stellplatzsatzung für die Stadt", True),
        ("Jahresbericht des Klimaschutzmanagements", True),
        ("Vergabe eines Auftrags", False),
        ("Mietvertrag Bürgerhaus", False),
    ]
    # Rows alike in their gaps are told apart by their wording, and say so.
    assert any("wording only" in doubt for doubt in agenda_doubts(items, RULES))


def test_a_wrapped_title_in_lower_case_is_no_part_heading() -> None:
    assert part_state("öffentliche Sitzung vom 12. Dezember 2024", RULES) is None
    assert part_state("Öffentliche Sitzung", RULES) is True


def test_a_list_counts_from_one() -> None:
    rows = [[(50, "Tagesordnung")], [(110, "3. Februar 2025: Prüfung eines Bürgerhaushalts")]]
    assert _read(_lines(rows)) == []


def test_the_next_number_at_the_items_x_goes_on_after_a_stray_line() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Eröffnung")],
        [(50, "2."), (110, "Bericht")],
        [(360, "Ratsinformationssystem.")],
        [(50, "3."), (110, "Anfragen")],
    ]
    assert [number for number, *_ in _read(_lines(rows))] == ["1", "2", "3"]


def test_the_day_and_start_stacked_under_the_session_line() -> None:
    rows = [
        [(50, "Einladung")],
        [(50, "5. Sitzung des Bauausschusses")],
        [(50, "12. März 2025")],
        [(50, "17:00 Uhr")],
        [(50, "Sitzungsort: Rathaus")],
    ]
    header = read_header(_lines(rows), RULES)
    assert (str(header.values.get("date")), header.values.get("start")) == ("2025-03-12", "17:00")
    assert header.stacked == {"date", "start"}


def test_a_labelled_day_wrapped_in_its_cell_is_read_whole() -> None:
    # Gazette notices, seed 11, papers 10 and 27: "Sitzungstag: Dienstag, 27. Mai" over "2025" in a
    # narrow column: the day was not read.
    rows = [
        [(50, "Einladung zur 3. Sitzung des Bauausschusses")],
        [(50, "Sitzungstag:"), (112, "Dienstag, 27. Mai")],
        [(112, "2025")],
        [(50, "Beginn:"), (112, "17:00 Uhr")],
    ]
    header = read_header(_lines(rows, leading=12.0), RULES)
    assert (str(header.values.get("date")), header.values.get("start")) == ("2025-05-27", "17:00")


def test_a_stacked_day_is_not_taken_from_lines_elsewhere() -> None:
    rows = [[(50, "5. Sitzung des Bauausschusses")], [(80, "12. März 2025")], [(50, "Tagesordnung")]]
    rows += [[(50, "12. März 2025")]]
    assert "date" not in read_header(_lines(rows), RULES).values


def test_the_stacked_day_beats_a_session_named_in_an_agenda_title() -> None:
    rows = [
        [(50, "Einladung")],
        [(50, "5. Sitzung des Bauausschusses")],
        [(50, "12. März 2025")],
        [(50, "17:00 Uhr")],
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Genehmigung der Niederschrift über die")],
        [(110, "Sitzung vom 12. Dezember 2024")],
        [(50, "2."), (110, "Anfragen")],
    ]
    ctx = Context(layout=Layout([PageInfo(1, 595.0, 842.0)], _lines(rows)), profile=bundled_profiles()["meeting"])
    extract_meeting(ctx)
    assert str(ctx.fields.values["meeting"].date) == "2025-03-12"


def test_a_sub_item_goes_on_after_a_stray_line_and_a_page_break() -> None:
    lines = _lines([[(50, "Tagesordnung")], [(50, "1."), (110, "Eröffnung")], [(50, "2."), (110, "Neubau Sporthalle")]])
    lines.append(text_line(50, [(375, "Ref.")]))  # a header cell the layout read after the list
    lines += [text_line(40, [(50, "5. Sitzung des Bauausschusses am 12.03.2025")], page=2)]
    lines += [
        text_line(70, [(65, "2 a)"), (125, "Kosten")], page=2),
        text_line(86, [(50, "3."), (110, "Anfragen")], page=2),
    ]
    assert [number for number, *_ in _read(lines)] == ["1", "2", "2 a", "3"]


def test_a_cell_that_reads_like_an_item_goes_back_to_its_row() -> None:
    rows = [[(50, "Tagesordnung")], [(50, "1."), (110, "Eröffnung")], [(50, "2."), (110, "Neubau Sporthalle")]]
    lines = [*_lines(rows), text_line(64, [(375, "OB")]), text_line(78, [(375, "61"), (475, "VO/2021/273")])]
    assert _read(lines) == [("1", "Eröffnung", None, []), ("2", "Neubau Sporthalle", None, ["VO/2021/273"])]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 6)

    return built_layouts(tmp_path_factory, "meeting_agenda_layouts", build)


@pytest.mark.parametrize("n", range(1, 7))
def test_generated_agendas_match_the_generators_golden(n: int, generated: Path) -> None:
    pdf = next(generated.glob(f"layout-*-{n}.pdf"))
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    assert got["document_type"] == golden["document_type"]
    assert got["agenda_items"] == golden["agenda_items"]


def test_a_title_goes_on_over_a_page_break_after_a_column_read_apart() -> None:
    # The layout reads the 'Ref.' column (its heading and cells) after the list; the last item's
    # title goes on at the top of page 2. The column is neither the item's minutes nor a break.
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Eröffnung der Sitzung")],
        [(50, "2."), (110, "Fortschreibung des Integrierten")],
    ]
    cells = [text_line(50, [(375, "Referent/in")]), text_line(64, [(375, "OB")]), text_line(78, [(375, "FB 3")])]
    wrapped = text_line(70, [(110, "Stadtentwicklungskonzeptes für den Sozialraum Ost")], page=2)
    assert _read([*_lines(rows), *cells, wrapped]) == [
        ("1", "Eröffnung der Sitzung", None, []),
        ("2", "Fortschreibung des Integrierten Stadtentwicklungskonzeptes für den Sozialraum Ost", None, []),
    ]


def test_a_signature_on_the_next_page_does_not_cut_the_last_title() -> None:
    rows = [[(50, "Tagesordnung")], [(50, "1."), (110, "Eröffnung der Sitzung")], [(50, "2."), (110, "Anfragen")]]
    lines = [*_lines(rows), text_line(70, [(50, "gez. Eva Bauer")], page=2)]
    assert agenda_doubts(read_agenda(lines, RULES), RULES) == []


def test_a_side_cell_between_the_rows_of_a_title_leaves_it_when_a_paper_cell_ends_the_line() -> None:
    # The layout joined the title cell's two rows into one line with the 'Ref.' cell of row 1
    # between them and the Vorlage cell of row 1 last: the paper cell is cut first, so the title
    # no longer ends the line, and the side cell inside it must still go.
    lines = _lines([[(50, "Tagesordnung")], [(50, "1."), (110, "Eröffnung"), (375, "OB")]])
    row = _cell(78, [[(50, "2."), (110, "Ausbau der Radwege und"), (375, "StR Bauer")], [(110, "Gewerbegebiet Süd")]])
    paper = text_line(78, [(475, "4942/2024")]).tokens
    lines += [Line(1, [*row.tokens, *paper]), text_line(106, [(50, "3."), (110, "Anfragen"), (375, "FB 3")])]
    assert _read(lines) == [
        ("1", "Eröffnung", None, []),
        ("2", "Ausbau der Radwege und Gewerbegebiet Süd", None, ["4942/2024"]),
        ("3", "Anfragen", None, []),
    ]


def test_a_paper_cell_read_as_the_next_line_goes_back_to_its_item() -> None:
    # Minutes set the Vorlage at the right of a short item heading; the gap is so wide that the
    # layout makes the cell a line of its own, right after the heading and on its row.
    rows = [
        [(50, "TOP 5 Mitteilungen und Anfragen")],
        [(50, "Die Verwaltung berichtet.")],
        [(50, "TOP 6 Fortschreibung des Nahverkehrsplans")],
    ]
    lines = _lines(rows)
    lines.insert(3, text_line(lines[2].top, [(470, "VO/2024/635")]))
    lines.append(text_line(100, [(50, "Beschluss: Der Ausschuss stimmt der Vorlage VO/2024/635 zu.")]))
    assert _read(lines) == [
        ("5", "Mitteilungen und Anfragen", None, []),
        ("6", "Fortschreibung des Nahverkehrsplans", None, ["VO/2024/635"]),
    ]


def test_an_agenda_tables_papers_column_is_no_second_column_of_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Seed 89, paper 14: the table's narrow "Vorlage" column beside the titles was taken for a
    # second column of running text set with its own leading, and a cell of the "Zuständig"
    # column went into a title.
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 89, 14)

    pdf = built_layouts(tmp_path_factory, "meeting_agenda_layouts", build) / "layout-tagesordnung-14.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    assert ratsdoc.parse(pdf).model_dump(mode="json")["agenda_items"] == golden["agenda_items"]
