"""Consistency checks on an agenda as read (``meeting/agenda_check.py``): each turns a likely
wrong reading into a doubt (warning ``agenda_doubtful`` on ``agenda_items``), and a right list
of the same shape stays without one."""

from __future__ import annotations

from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import LONG_TITLE, agenda_doubts, empty_parts, public_doubts
from ratsdoc.meeting.agenda_columns import strip_side_cells
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.agenda_papers import cell_number
from ratsdoc.meeting.outcome_check import unread_votes
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
    # Gazette notices, seed 11, paper 5: the dateline over the signature read into the last title
    # of a list whose column order broke ("Grundstücksangelegenheiten dem Gesamtbetrag der Güsten,
    # 29.08.2025"); once the signature under it no longer joined the title, nothing was doubted.
    placed = [
        Item("1", ["Eröffnung"], 110.0, None),
        Item("2", ["Grundstücksangelegenheiten", "dem Gesamtbetrag der", "Güsten, 29.08.2025"], 110.0, None),
    ]
    assert agenda_doubts(placed, RULES) == ["the title of item 2 holds a page number, date line or signature"]
    plain = [Item("1", ["Eröffnung"], 110.0, None), Item("2", ["Niederschrift vom 12. März 2025"], 110.0, None)]
    assert agenda_doubts(plain, RULES) == []


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


def test_dot_leaders_and_page_numbers_leave_the_title() -> None:
    # An agenda that is also the bundle's contents: leaders and the page after each title, before
    # or after a paper cell; a title's own ellipsis stays.
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (110, "Sanierung des Spielplatzes ....................... 3")],
        [(50, "2"), (110, "Bebauungsplan Nr. 112 Wohngebiet Am Mühlenteich,")],
        [(110, "Aufstellungsbeschluss . . . . . . . . . . . 12")],
        [(50, "3"), (110, "Wahl der Schiedsperson ................"), (430, "1582/2024"), (520, "17")],
        [(50, "4"), (110, "Kostenfeststellung ......................"), (430, "797/2024"), (520, "19")],
        [(50, "5"), (110, "Antrag ... betreffend Radwege")],
    ]
    items = read_agenda([text_line(50 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [(item.title, item.paper_numbers) for item in items] == [
        ("Sanierung des Spielplatzes", []),
        ("Bebauungsplan Nr. 112 Wohngebiet Am Mühlenteich, Aufstellungsbeschluss", []),
        ("Wahl der Schiedsperson", ["1582/2024"]),
        ("Kostenfeststellung", ["797/2024"]),
        ("Antrag ... betreffend Radwege", []),
    ]
    assert agenda_doubts(items, RULES) == []
    # Leaders the reading left in a title are furniture in it.
    left = [Item("1", ["Anfragen ......... Personalangelegenheiten"], 110.0, None)]
    assert agenda_doubts(left, RULES) == ["the title of item 1 holds a page number, date line or signature"]


#: A list of two public items and the non-public part's heading under them.
_PARTS = [
    [(50, "Tagesordnung")],
    [(50, "Öffentlicher Teil")],
    [(50, "1."), (110, "Eröffnung")],
    [(50, "2."), (110, "Anfragen")],
    [(50, "Nichtöffentlicher Teil")],
]


def test_a_part_heading_that_no_item_follows_is_a_doubt() -> None:
    # A page foot the layout left in the list ended it: the non-public part under its heading
    # (numbered from 1 again) was not read.
    rows = [
        *_PARTS,
        [(280, "Seite 1")],
        [(50, "1."), (110, "Personalangelegenheiten")],
    ]
    lines = [text_line(50 + 14 * k, cells) for k, cells in enumerate(rows)]
    items = read_agenda(lines, RULES)
    assert [item.number for item in items] == ["1", "2"]
    assert empty_parts(items, lines, RULES) == ["no item follows the part heading 'Nichtöffentlicher Teil'"]
    # Read whole, the part has its item; the part heading over the list is no doubt either.
    whole = [*lines[:5], *lines[6:]]
    assert [item.public for item in read_agenda(whole, RULES)] == [True, True, False]
    assert empty_parts(read_agenda(whole, RULES), whole, RULES) == []


def test_a_sub_item_of_verbatim_minutes_before_its_item_is_a_doubt() -> None:
    def items(numbers: list[str]) -> list[Item]:
        return [Item(number, [f"Titel {number}"], 110.0, True) for number in numbers]

    # Items are called in any order ('2.2' before '2.1', '3' before '2'): no doubt ...
    assert agenda_doubts(items(["1", "3", "2", "2.2", "2.1"]), RULES, ordered=False) == []
    # ... but a sub-item's heading follows its item's: '3.1.2' before '3' is a page read out of order.
    assert agenda_doubts(items(["1", "2", "3.1.2", "3", "3.1", "3.1.1"]), RULES, ordered=False) == [
        "item 3.1.2 comes before its item 3"
    ]
    assert agenda_doubts(items(["1", "2", "2.1", "2.2.2", "2.2", "2.2.1"]), RULES, ordered=False) == [
        "item 2.2.2 comes before its item 2.2"
    ]


def test_a_vote_joined_to_the_decision_or_a_lone_total_row_is_a_doubt() -> None:
    def item(body: list[str]) -> Item:
        return Item(
            "4", ["Baurecht"], 110.0, True, body=[text_line(100 + 14 * k, [(50, t)]) for k, t in enumerate(body)]
        )

    joined = item(["Beschluss:", "Dem Kredit wird zugestimmt.Abstimmungsergebnis:", "Fraktion Ja Nein"])
    assert unread_votes([joined], [("Dem Kredit wird zugestimmt.", None, [])], RULES) == [
        "the vote of item 4 is labelled but not read"
    ]
    # The table's rows under the decision, its label and heading row gone with a page foot.
    rows = item(["Beschluss:", "Dem Kredit wird zugestimmt.", "EVP 19 2 2", "SVP 7 3 0", "Total 26 5 2"])
    assert unread_votes([rows], [("Dem Kredit wird zugestimmt.", None, [])], RULES) == [
        "the vote table of item 4 was not read"
    ]
    assert unread_votes([item(["Die Verwaltung berichtet.", "Total 26 Seiten"])], [(None, None, [])], RULES) == []


def test_a_decision_that_ends_open_is_a_doubt() -> None:
    body = Item("3", ["Haushalt"], 110.0, True)
    cut = "Der Ausschuss stimmt zu und beauftragt die Verwaltung mit der"
    assert unread_votes([body], [(cut, None, [])], RULES) == ["the decision of item 3 looks cut"]
    assert unread_votes([body], [(cut + " Umsetzung.", None, [])], RULES) == []
    # A page foot read as the decision.
    assert unread_votes([body], [("- 1 -", None, [])], RULES) == ["the decision of item 3 is a page number"]


def test_a_title_of_a_bare_list_that_ends_in_a_comma_is_a_doubt() -> None:
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1."), (110, "Vergabe von Bauleistungen für die Grundschule am Lindenplatz,")],
        [(50, "2."), (110, "Anfragen")],
    ]
    assert _doubts(rows) == ["the title of item 1 ends in a comma"]
    # Minutes whose heading runs on into the sentence below ('TOP 1: Frau Barusel, Amt für Sport,' /
    # 'teilt mit, ...'): the comma ends the heading.
    said = [text_line(80, [(50, "teilt mit, dass die Halle saniert wird.")])]
    items = [
        Item("1", ["Frau Barusel, Amt für Sport"], 110.0, True, body=said, comma=True),
        Item("2", ["Anfragen"], 110.0, True, body=[text_line(120, [(50, "Keine.")])]),
    ]
    assert agenda_doubts(items, RULES) == []


def test_a_bare_list_that_goes_on_under_a_page_foot_is_a_doubt() -> None:
    # Rows of a table without numbers: the page foot, read as a line of the page, ended the list,
    # and the row under it was taken by no item.
    rows = [text_line(100 + 14 * k, [(95, title), (400, "FB 3")]) for k, title in enumerate(["Eröffnung", "Anfragen"])]
    foot, head = text_line(300, [(270, "Seite 1 von 2")]), text_line(320, [(50, "Einladung zur 3. Sitzung")])
    lost = text_line(340, [(95, "Vergabe eines Auftrags"), (400, "FB 3")])
    items = [
        Item("", [title], 95.0, True, lines=[row]) for title, row in zip(["Eröffnung", "Anfragen"], rows, strict=True)
    ]
    assert empty_parts(items, [*rows, foot, head, lost], RULES) == [
        "the list goes on under the page foot 'Seite 1 von 2'"
    ]
    # The row read as an item, or a signature under the foot: no doubt.
    taken = [*items, Item("", ["Vergabe eines Auftrags"], 95.0, True, lines=[lost])]
    assert empty_parts(taken, [*rows, foot, head, lost], RULES) == []
    signed = text_line(340, [(95, "gez. Anna Bauer")])
    assert empty_parts(items, [*rows, foot, head, signed], RULES) == []


def test_a_side_cell_taken_out_is_not_cut_again_from_the_title() -> None:
    # The page column ('4') beside a title that ends in the same word ('... Leistungsphasen 1 bis 4').
    rows = [
        [(50, "Tagesordnung")],
        [(50, "1"), (110, "Anfragen ........................"), (530, "3")],
        [(50, "2"), (110, "Vergabe der Planungsleistungen für die Leistungsphasen 1 bis 4 ....."), (530, "4")],
        [(50, "3"), (110, "Kostenfeststellung ........................"), (530, "7")],
    ]
    items = read_agenda([text_line(50 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [item.title for item in items] == [
        "Anfragen",
        "Vergabe der Planungsleistungen für die Leistungsphasen 1 bis 4",
        "Kostenfeststellung",
    ]
    assert agenda_doubts(items, RULES) == []


def test_a_titles_wrapped_word_is_not_taken_for_the_end_of_the_page_cell() -> None:
    # Meeting seed 83, tagesordnung-tief-5: "4" wrapped from "... Leistungsphasen 1 bis" stood
    # before the leaders and the page cell "24"; the title's last word was sought from the line's
    # end, found in "24", and cut with the cell, silently.
    rows = [
        (50, [(50, "Tagesordnung")]),
        (64, [(50, "1"), (110, "Anfragen ........................"), (530, "3")]),
        (78, [(50, "2"), (110, "Vergabe der Planungsleistungen für die Leistungsphasen 1 bis")]),
        (92, [(110, "4"), (120, "........................................"), (530, "24")]),
        (106, [(50, "3"), (110, "Kostenfeststellung ........................"), (530, "27")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [item.title for item in items] == [
        "Anfragen",
        "Vergabe der Planungsleistungen für die Leistungsphasen 1 bis 4",
        "Kostenfeststellung",
    ]


def test_a_part_heading_over_nothing_but_the_close_is_no_doubt() -> None:
    # Public minutes print the non-public part's heading and close: the part is empty as printed.
    rows = [
        *_PARTS,
        [(50, "Die Sitzung endet um 21:10 Uhr.")],
    ]
    lines = [text_line(50 + 14 * k, cells) for k, cells in enumerate(rows)]
    items = read_agenda(lines, RULES)
    assert [item.number for item in items] == ["1", "2"]
    assert empty_parts(items, lines, RULES) == []


def test_a_paper_number_that_reads_like_a_vote_is_a_doubt() -> None:
    """A decision list's vote cell "13/1/0" under a heading the reader did not know became the
    item's paper number without a warning; paper numbers such as "1234/2024", "21/0482" or
    "20/MO 29/454" are no doubt."""
    items = [
        Item("1", ["Bebauungsplan Am Mühlbach"], 110.0, None, paper_numbers=["13/1/0"]),
        Item("2", ["Haushaltssatzung"], 110.0, None, paper_numbers=["1234/2024", "21/0482", "20/MO 29/454"]),
    ]
    assert agenda_doubts(items, RULES) == ["paper 13/1/0 of item 1 reads like a vote (yes/no/abstain)"]
