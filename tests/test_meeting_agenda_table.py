"""Agendas printed as a table under a heading row ('TO  Drucksache  Titel  Antragsteller ...'), as
council systems and factions' sheets print them: the row shows the document to be an agenda, the
columns right of the title are no part of it, a paper column before the title gives the item's
paper, and the public part follows from the part headings and markers of the list."""

from __future__ import annotations

from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.rules import MeetingRules

from .conftest import line_context, text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 12.0) -> list[Line]:
    return [text_line(50 + leading * k, cells) for k, cells in enumerate(rows)]


def _read(rows: list[list[tuple[float, str]]]) -> list[tuple[str, str, bool | None, list[str]]]:
    return [(i.number, i.title, i.public, i.paper_numbers) for i in read_agenda(_lines(rows), RULES)]


#: A faction's sheet for a committee session: a label/value head, the table's heading row, items
#: with a paper column before the title and a recommendation and notes right of it.
SHEET = [
    [(40, "Beschlussempfehlungen")],
    [(40, "Gremium:"), (110, "Regionalausschuss Nord")],
    [(40, "Datum:"), (110, "29.09.2022")],
    [
        (40, "TO"),
        (80, "Drucksache"),
        (150, "Titel"),
        (400, "Antragsteller"),
        (500, "Beschlussempfehlung"),
        (640, "Notizen"),
    ],
    [(40, "1."), (150, "Eröffnung der Sitzung"), (640, "Frau Meier eröffnet")],
    [(40, "2."), (150, "Anträge")],
    [(40, "2.1"), (80, "21-5134"), (150, "Abfallbehälter an der Seebek"), (400, "CDU-Fraktion"), (500, "Zustimmung.")],
    [(150, "Antrag der CDU-Fraktion"), (640, "5 Jahre Laufzeit")],
    [(640, "3. Lesung abwarten")],
    [(40, "3."), (150, "Mitteilungen"), (500, "Kenntnisnahme.")],
]


def test_a_sheet_without_a_type_word_is_an_agenda_by_its_table_heading_row() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    ctx = line_context(_lines(SHEET[1:]), "generic")
    extract_meeting(ctx)
    assert ctx.fields.values["kind"] == "meeting"
    assert ctx.fields.values["document_type"] == "Tagesordnung"
    assert ctx.fields.values["meeting"].date.isoformat() == "2022-09-29"


def test_a_heading_row_over_no_numbered_items_makes_no_agenda() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    rows = [
        [(40, "Antrag")],
        [(40, "TOP"), (150, "Betreff"), (400, "Kosten")],
        [(40, "Neubau"), (150, "Sporthalle"), (400, "1.000 €")],
    ]
    ctx = line_context(_lines(rows), "generic")
    extract_meeting(ctx)
    assert ctx.fields.values["kind"] == "paper"


def test_the_heading_row_opens_the_list_before_a_non_public_part_heading() -> None:
    rows = [
        [(40, "TO"), (150, "Titel")],
        [(40, "1."), (150, "Eröffnung der Sitzung")],
        [(40, "2."), (150, "Mitteilungen")],
        [(150, "Nichtöffentlicher Teil")],
        [(40, "3."), (150, "Eingaben")],
    ]
    assert [(n, t) for n, t, _, _ in _read(rows)] == [
        ("1", "Eröffnung der Sitzung"),
        ("2", "Mitteilungen"),
        ("3", "Eingaben"),
    ]


def test_columns_right_of_the_title_are_cut_and_the_paper_column_before_it_read() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    ctx = line_context(_lines(SHEET), "generic")
    extract_meeting(ctx)
    items = ctx.fields.values["agenda_items"]
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Eröffnung der Sitzung", []),
        ("2", "Anträge", []),
        ("2.1", "Abfallbehälter an der Seebek Antrag der CDU-Fraktion", ["21-5134"]),
        ("3", "Mitteilungen", []),
    ]


def test_a_paper_column_right_of_the_title_is_kept() -> None:
    from ratsdoc.meeting.agenda_table import cut_to_title, table_head

    rows = [
        [(40, "TOP"), (80, "Betreff"), (400, "Vorlage"), (480, "Berichterstatter")],
        [(40, "1."), (80, "Bericht"), (400, "21/0780"), (480, "OB Kuhn")],
        [(40, "2."), (80, "Haushalt"), (400, "VO/2024/447")],
    ]
    table = _lines(rows)
    lines, cells = cut_to_title(table, RULES, table_head(table, RULES))
    # The paper cells are the rows' papers, taken out by their column: a cell a word space from
    # the title's line is no part of the title either.
    assert [line.text for line in lines[1:]] == ["1. Bericht", "2. Haushalt"]
    assert [cells[(line.page, round(line.top, 1))] for line in lines[1:]] == ["21/0780", "VO/2024/447"]


def test_a_paper_number_wrapped_with_its_rows_title_is_read_from_both_rows() -> None:
    from ratsdoc.meeting.agenda_table import cut_to_title

    # Browser-agenda seed 11, page 20: every cell of the row wrapped, and the layout read the
    # row's two rows as lines of their own; "20/MO" stayed in the title, "13/437" was lost.
    table = [
        text_line(100, [(52, "TOP"), (92, "Betreff"), (482, "Vorlage")]),
        text_line(120, [(52, "TOP"), (92, "Bebauungsplan Nr. 112, Aufstellungsbeschluss und"), (482, "20/MO")]),
        text_line(130, [(52, "10"), (92, "frühzeitige Beteiligung der Öffentlichkeit"), (482, "13/437")]),
        text_line(146, [(52, "TOP"), (92, "Umbenennung des Ausschusses"), (482, "21/7348")]),
    ]
    lines, cells = cut_to_title(table, RULES, table[0])
    assert [line.text for line in lines[1:]] == [
        "TOP Bebauungsplan Nr. 112, Aufstellungsbeschluss und",
        "10 frühzeitige Beteiligung der Öffentlichkeit",
        "TOP Umbenennung des Ausschusses",
    ]
    assert cells == {(1, 120.0): "20/MO 13/437", (1, 146.0): "21/7348"}


def test_a_repeated_heading_row_over_a_paper_number_is_no_part_of_it() -> None:
    from ratsdoc.meeting.agenda_table import cut_to_title

    # A decision list's heading row repeated on page 2 right over the next row: "Vorlage" and the
    # row's "BA/2024/080" read as one wrapped number took the paper from its item.
    table = [
        text_line(100, [(53, "TOP"), (88, "Gegenstand"), (248, "Vorlage")]),
        text_line(120, [(53, "8"), (88, "Bebauungsplan Nr. 40"), (248, "BV/2024/099")]),
        text_line(75.5, [(53, "TOP"), (88, "Gegenstand"), (248, "Vorlage")], page=2),
        text_line(93.0, [(53, "9"), (88, "Antrag Bürgerbus"), (248, "BA/2024/080")], page=2),
    ]
    _, cells = cut_to_title(table, RULES, table[0])
    assert cells == {(1, 120.0): "BV/2024/099", (2, 93.0): "BA/2024/080"}


def test_a_number_or_faction_on_an_item_row_is_not_the_documents() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    lines = _lines(SHEET)
    row = lines[6]  # '2.1  21-5134  Abfallbehälter ...  CDU-Fraktion  Zustimmung.'
    ctx = line_context(lines, "generic")
    ctx.set("number", "21-5134", [(1, [t for t in row.tokens if t.text == "21-5134"])])
    ctx.set("faction", "CDU-Fraktion", [(1, [t for t in row.tokens if t.text == "CDU-Fraktion"])])
    ctx.set("date", "2022-09-29", [lines[2]])
    extract_meeting(ctx)
    assert ctx.fields.values["number"] is None
    assert ctx.fields.values["faction"] is None
    assert ctx.fields.values["date"] == "2022-09-29"  # from the head: kept


def test_a_version_row_of_the_head_gives_the_documents_own_date() -> None:
    import datetime as dt

    from ratsdoc.meeting.extract import extract_meeting

    rows = [*SHEET[:3], [(40, "Version:"), (110, "V1 / 23.09.2022")], *SHEET[3:]]
    lines = _lines(rows)
    ctx = line_context(lines, "generic")
    ctx.set("date", dt.date(2022, 9, 29), [lines[2]])  # the paper reader's 'Datum:', the session's day
    extract_meeting(ctx)
    assert ctx.fields.values["date"] == dt.date(2022, 9, 23)
    assert ctx.fields.values["meeting"].date == dt.date(2022, 9, 29)


def test_a_list_of_recommendations_is_an_agenda_written_before_the_session() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    ctx = line_context(_lines(SHEET), "generic")
    extract_meeting(ctx)
    assert ctx.fields.values["kind"] == "meeting"
    assert ctx.fields.values["document_type"] == "Beschlussempfehlungen"
    # Written before the session: 'Zustimmung.' in its rows is no decision, nobody attended.
    assert [item.decision for item in ctx.fields.values["agenda_items"]] == [None] * 4
    assert not ctx.fields.values.get("attendees")


def test_a_title_that_names_only_the_type_and_the_body_is_none() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    lines = _lines(SHEET)
    ctx = line_context(lines, "generic")
    ctx.set("title", "Beschlussempfehlungen Regionalausschuss Nord", lines[:2])
    extract_meeting(ctx)
    assert ctx.fields.values["body"] == "Regionalausschuss Nord"
    assert ctx.fields.values["title"] is None


def test_a_title_hyphenated_at_its_line_end_is_joined_again_once_the_columns_are_cut() -> None:
    from ratsdoc.layout.lines import Token
    from ratsdoc.meeting.agenda_table import cut_to_title, table_head

    lines = _lines(SHEET[3:5])
    # The layout joined a table row's wrapped cells column after column: the title's first line,
    # the recommendation, then the title's second line.
    row = text_line(90, [(40, "2."), (150, "Region Nord-"), (500, "Kenntnisnahme.")])
    rest = Token("Süd", 150, 102, 168, 112, 10.0)
    lines.append(Line(1, [*row.tokens, rest]))
    lines.append(text_line(120, [(40, "3."), (150, "Mitteilungen")]))
    cut, _ = cut_to_title(lines, RULES, table_head(lines, RULES))
    assert [line.text for line in cut[1:]] == ["1. Eröffnung der Sitzung", "2. Region Nord-Süd", "3. Mitteilungen"]


def test_the_author_row_of_the_head_gives_the_originator_without_its_date() -> None:
    from ratsdoc.meeting.extract import extract_meeting

    rows = [*SHEET[:3], [(40, "Verfasser:"), (110, "Jan Witt / Frank Dethloff 28April22")], *SHEET[3:]]
    ctx = line_context(_lines(rows), "generic")
    extract_meeting(ctx)
    assert ctx.fields.values["originator"] == "Jan Witt / Frank Dethloff"
    assert not any(w.field == "originator" for w in ctx.fields.warnings)


def test_a_title_heading_added_to_the_rules_makes_a_table_head_too() -> None:
    """The heading row's title column is the one list of title headings: a profile that adds
    'Thema' there finds 'TOP  Thema' as a heading row as well as cuts its column."""
    row = "TOP  Vorlage  Thema  Berichterstatter"
    assert not RULES.res["table_head"].match(row)
    rules = MeetingRules(agenda_title_headings=[*RULES.agenda_title_headings, "Thema"])
    assert rules.res["table_head"].match(row)
    assert rules.res["table_head"].match("TO Drucksache Titel Antragsteller")
    assert not rules.res["table_head"].match("to Drucksache Titel"), "the item heading keeps its case"
