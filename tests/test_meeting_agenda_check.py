"""Consistency checks on an agenda as read (``meeting/agenda_check.py``): each turns a likely
wrong reading into a doubt (warning ``agenda_doubtful`` on ``agenda_items``), and a right list
of the same shape stays without one."""

from __future__ import annotations

from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import LONG_TITLE, agenda_doubts, public_doubts
from ratsdoc.meeting.agenda_columns import strip_side_cells
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.agenda_papers import cell_number
from ratsdoc.meeting.rules import MeetingRules

from .conftest import text_line

RULES = MeetingRules()


def _doubts(rows: list[list[tuple[float, str]]]) -> list[str]:
    lines = [text_line(50 + 14 * k, cells) for k, cells in enumerate(rows)]
    return agenda_doubts(read_agenda(lines, RULES), RULES)


def test_one_item_of_an_extract_may_carry_any_number() -> None:
    # An extract of the minutes ('Auszug') holds item 8 d alone: no list that should start at 1.
    assert _doubts([[(50, "TOP 8 d"), (110, "Neubau der Sporthalle")], [(50, "Der Ausschuss berät.")]]) == []
    # A list of several items that starts at 3 lost its first items.
    rows = [[(50, "TOP 3"), (110, "Haushalt")], [(50, "TOP 4"), (110, "Anfragen")]]
    assert _doubts(rows) == ["the first item is numbered 3"]


def test_a_title_that_ends_in_a_sentence_or_runs_long_is_running_text() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Bericht der Verwaltung. Der Ausschuss nimmt den Bericht zur Kenntnis.")],
        [(50, "2."), (110, "Satzungen, Ordnungen, Verträge usw.")],
        [(50, "3."), (110, "Genehmigung der Niederschrift vom 12.03.2024.")],
    ]
    assert _doubts(rows) == ["the title of item 1 ends in a sentence"]
    long = " ".join(["Antrag der Fraktion zur Sanierung der Schulen im Stadtgebiet"] * 8)
    assert len(long) > LONG_TITLE
    assert _doubts([[(50, "Tagesordnung")], [(50, "1."), (110, long)], [(50, "2."), (110, "Anfragen")]]) == [
        f"the title of item 1 runs to {len(long)} characters"
    ]


def test_a_title_with_a_decision_or_in_lower_case_is_running_text() -> None:
    items = [
        Item("1", ["Neubau der Sporthalle Beschluss: Zustimmung"], 110.0, None),
        Item("2", ["und Verkehr, Bericht der Verwaltung"], 110.0, None),
        Item("3", ["eGovernment in der Verwaltung"], 110.0, None),
    ]
    assert agenda_doubts(items, RULES) == [
        "the title of item 1 holds a decision or vote",
        "the title of item 2 starts in lower case",
    ]


def test_page_furniture_or_a_signature_in_a_title_is_a_doubt() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Bericht zum Radverkehr Seite 2 von 3")],
        [(50, "2."), (110, "Anfragen - 3 -")],
        [(50, "3."), (110, "Bericht zum Radverkehr auf Seite 12")],
    ]
    assert _doubts(rows) == [
        "the title of item 1 holds a page number, date line or signature",
        "the title of item 2 holds a page number, date line or signature",
        "the title of item 3 holds a page number, date line or signature",
    ]
    dated = [Item("1", ["Eröffnung"], 110.0, None), Item("2", ["12. März 2025"], 110.0, None)]
    assert agenda_doubts(dated, RULES) == ["the title of item 2 holds a page number, date line or signature"]
    signed = [Item("1", ["Eröffnung"], 110.0, None), Item("2", ["Anfragen", "gez. Anna Bauer"], 110.0, None)]
    assert agenda_doubts(signed, RULES) == ["the title of item 2 holds a page number, date line or signature"]


def test_a_paper_number_alone_under_the_title_that_the_item_lacks_is_a_doubt() -> None:
    # The Vorlage cell of a short heading, set apart from it, read as the minutes' first line.
    cell = text_line(64, [(470, "VO/2024/635")])
    text = text_line(78, [(50, "Die Verwaltung erläutert die Vorlage.")])
    item = Item("1", ["Fortschreibung des Nahverkehrsplans"], 110.0, None, body=[cell, text])
    assert agenda_doubts([item], RULES) == ["paper VO/2024/635 under item 1 is not among its papers"]
    item.paper_numbers = ["VO/2024/635"]
    assert agenda_doubts([item], RULES) == []


def test_a_listed_item_the_minutes_do_not_head_again_is_a_doubt() -> None:
    listed = [
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "TOP 2"), (110, "Bericht der Verwaltung")],
        [(50, "TOP 3"), (110, "Haushalt 2025")],
        [(50, "TOP 4"), (110, "Anfragen")],
    ]
    minutes = [
        [(50, "TOP 1"), (110, "Eröffnung")],
        [(50, "Die Sitzung wird eröffnet.")],
        [(50, "TOP 2"), (110, "Bericht der Verwaltung")],
        [(50, "Die Verwaltung berichtet.")],
        [(50, "Beschluss: Der Haushalt wird beschlossen.")],  # item 3's minutes, its heading not read
        [(50, "TOP 4"), (110, "Anfragen")],
        [(50, "Keine.")],
    ]
    assert _doubts([*listed, *minutes]) == ["item 3 is in the list or the minutes only"]
    # Every listed item headed again: no doubt; nor in an invitation, which heads nothing again.
    whole = [*minutes[:4], [(50, "TOP 3"), (110, "Haushalt 2025")], *minutes[4:]]
    assert _doubts([*listed, *whole]) == []
    assert _doubts(listed) == []


def test_a_list_with_and_without_parts_is_a_doubt() -> None:
    items = [Item("1", ["Eröffnung"], 110.0, True), Item("2", ["Anfragen"], 110.0, None)]
    assert public_doubts(items) == ["whether item 2 is public is not known"]
    assert public_doubts([Item("1", ["Eröffnung"], 110.0, None), Item("2", ["Anfragen"], 110.0, None)]) == []
    assert public_doubts([Item("1", ["Eröffnung"], 110.0, True), Item("2", ["Anfragen"], 110.0, False)]) == []


def _rows(top: float, rows: list[list[tuple[float, str]]]) -> Line:
    """One line whose tokens lie on several rows, as the layout joins a table cell's lines."""
    return Line(1, [t for k, cells in enumerate(rows) for t in text_line(top + 12 * k, cells).tokens])


def test_a_side_cell_left_in_a_title_is_a_doubt() -> None:
    # Two items share a 'Ref.' column; the title of item 2 does not match its line's text (a
    # spacing the cutting does not foresee), so its cell stays in the title: not silently.
    one = text_line(50, [(50, "1."), (110, "Eröffnung"), (375, "OB")])
    two = _rows(64, [[(50, "2."), (110, "Ausbau der Radwege und"), (375, "StR Bauer")], [(110, "Gewerbegebiet Süd")]])
    items = [
        Item("1", ["Eröffnung"], 110.0, None, lines=[one]),
        Item("2", ["Ausbau der Radwege  und StR Bauer Gewerbegebiet Süd"], 110.0, None, lines=[two]),
    ]
    strip_side_cells(items, lambda text, before: cell_number(text, before, RULES))
    assert items[0].doubts == []
    assert items[1].doubts == ["the title of item 2 holds the side cell 'StR Bauer'"]


def test_a_line_right_under_a_title_in_a_bare_list_may_go_on_with_it() -> None:
    # In a list whose items have no minutes, the line right under item 2 at the number's x, in
    # the title's type and no sentence, is most likely the rest of the title that was not joined.
    def item(number: str, top: float, title: str, body: list[Line]) -> Item:
        line = text_line(top, [(50, f"{number}."), (110, title)])
        return Item(number, [title], 110.0, None, lines=[line], body=body)

    rest = text_line(78, [(50, "Beteiligung der Öffentlichkeit")])
    items = [
        item("1", 50, "Eröffnung", []),
        item("2", 64, "Bebauungsplan Nr. 112, Aufstellungsbeschluss und frühzeitige", [rest]),
        item("3", 100, "Anfragen", []),
    ]
    assert agenda_doubts(items, RULES) == ["the line under item 2 may go on with its title"]
    # A sentence under the title is the item's text, not its title.
    items[1].body = [text_line(78, [(50, "Die Verwaltung berichtet über den Stand.")])]
    assert agenda_doubts(items, RULES) == []
