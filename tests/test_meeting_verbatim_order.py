"""Verbatim minutes read in their printed order: running heads and feet in mid-page (pages printed
two on a sheet), a right column whose lines mostly start set in, and heads that do not recur."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.furniture import mark_furniture
from ratsdoc.layout.columns import _in_columns as in_columns
from ratsdoc.layout.columns import order_columns, page_order
from ratsdoc.layout.gutter import Gutter, loose_gutter
from ratsdoc.layout.lines import Line, Token
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.extract import extract_meeting
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.regions import PageInfo

from .conftest import built_layouts, line_context, load_script, text_line

#: Two A4 pages one above the other.
TALL = 2 * 842.0


def _columns(top: float, rows: int, tag: str, page: int) -> list[Line]:
    """``rows`` rows of two columns of running text from ``top``, 12 pt apart, one line a row."""
    return [
        text_line(top + 12 * k, [(56, f"{tag} links {k} mit etwas text"), (306, f"{tag} rechts {k} mit text")], page)
        for k in range(rows)
    ]


def _head(top: float, number: int, sheet: int) -> Line:
    return text_line(top, [(170, f"Rat der Stadt Bonn – 58. Sitzung vom 11. Januar 2024 – Seite {number}")], sheet)


def _sheets(count: int) -> tuple[list[Line], list[Line]]:
    """``count`` sheets of two printed pages each (the first page without a head) and the running
    heads among their lines."""
    lines: list[Line] = []
    heads: list[Line] = []
    for sheet in range(1, count + 1):
        upper = 2 * sheet - 1
        if upper > 1:
            heads.append(_head(46, upper, sheet))
            lines.append(heads[-1])
        lines += _columns(80, 10, f"s{upper}", sheet)
        heads.append(_head(888, upper + 1, sheet))
        lines += [heads[-1], *_columns(922, 10, f"s{upper + 1}", sheet)]
    return lines, heads


def test_a_running_head_in_mid_page_is_furniture_and_ends_the_columns_above_it() -> None:
    # Regression: pages printed two on a sheet put the lower page's running head in mid-page, out
    # of the margins, where it was read as the words of the speaker before it; the columns of the
    # upper page then ran on into the lower page's (each read as one column block).
    lines, heads = _sheets(3)
    pages = [PageInfo(n, 595.0, TALL) for n in range(1, 4)]
    mark_furniture(lines, pages)
    assert [ln.text for ln in lines if ln.furniture] == [ln.text for ln in heads]
    ordered, _ = order_columns(lines, {n: 595.0 for n in range(1, 4)})
    body = [ln.text for ln in ordered if not ln.furniture]
    upper = [text for text in body if text.startswith("s1 ")]
    # Each printed page read column by column, the upper page's before the lower's.
    assert upper == [f"s1 links {k} mit etwas text" for k in range(10)] + [f"s1 rechts {k} mit text" for k in range(10)]
    assert body.index("s1 rechts 9 mit text") < body.index("s2 links 0 mit etwas text")


def test_running_heads_and_feet_of_three_pages_on_two_sheets_are_furniture() -> None:
    # Regression: a cover and two pages of a record printed on two sheets (the second sheet one page
    # high): the record's first head ("... Seite 1") stood once in mid-page and once, as a head that
    # ends in its page number, in the second sheet's margin, where it was already furniture and so
    # did not count; the foot without numbers ("Rat der Stadt Köln") stood in mid-page at the height
    # it has at the second sheet's foot. Both were read into the speeches.
    def head(top: float, number: int, sheet: int) -> Line:
        return text_line(top, [(56, "48. Sitzung vom 26. September 2024"), (300, f"Seite {number}")], sheet)

    def foot(top: float, sheet: int) -> Line:
        return text_line(top, [(56, "Rat der Stadt Köln")], sheet)

    cover = [text_line(60 + 14 * k, [(56, f"{k + 1} Punkt {k + 1} der Liste")]) for k in range(10)]
    furniture = [foot(782, 1), head(884, 1, 1), foot(1624, 1), head(42, 2, 2), foot(782, 2)]
    lines = [*cover, furniture[0], furniture[1], *_columns(922, 30, "p1", 1), furniture[2]]
    lines += [furniture[3], *_columns(80, 40, "p2", 2), furniture[4]]
    mark_furniture(lines, [PageInfo(1, 595.0, TALL), PageInfo(2, 595.0, 842.0)])
    assert [ln.text for ln in lines if ln.furniture] == [ln.text for ln in furniture]


def test_numbered_items_that_begin_alike_over_a_page_break_stay_text() -> None:
    # Regression: a proposal's items 2 to 4 said the same sentence ("2. Der Ausschuss ... ist
    # halbjährlich über den Stand der Umsetzung zu" over "informieren."), item 2 low on page 1,
    # items 3 and 4 at the top of page 2: their numbers counted up with the pages, so their first
    # lines were taken for running heads in mid-page and the proposal kept only "informieren."
    # three times, without a warning.
    item = "{}. Der Ausschuss für Soziales und Gesundheit ist halbjährlich über den Stand der Umsetzung zu"
    lines = [text_line(200 + 14 * k, [(56, f"Text {k} der Begründung auf der ersten Seite")]) for k in range(20)]
    lines += [text_line(675, [(56, "1. Die Verwaltung wird beauftragt, die Ergebnisse vorzulegen.")])]
    lines += [text_line(711, [(56, item.format(2))]), text_line(728, [(70, "informieren.")])]
    lines += [text_line(800, [(270, "Seite 1 von 2")])]
    lines += [text_line(63, [(56, item.format(3))], 2), text_line(80, [(70, "informieren.")], 2)]
    lines += [text_line(99, [(56, item.format(4))], 2), text_line(116, [(70, "informieren.")], 2)]
    lines += [text_line(161, [(56, "Der Abteilungsvorstand:")], 2), text_line(800, [(270, "Seite 2 von 2")], 2)]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2)])
    assert [ln.text for ln in lines if ln.furniture] == ["Seite 1 von 2", "Seite 2 von 2"]
    # Two such items on one page, not one right under the other: still no heads of two printed
    # pages, which stand half a sheet apart.
    lines = [text_line(200 + 14 * k, [(56, f"Text {k} der Begründung auf der ersten Seite")]) for k in range(20)]
    lines += [text_line(711, [(56, item.format(2))]), text_line(728, [(70, "informieren.")])]
    lines += [text_line(63, [(56, item.format(3))], 2)]
    lines += [text_line(80 + 14 * k, [(70, f"Erläuterung {k} zum dritten Punkt")], 2) for k in range(6)]
    lines += [text_line(180, [(56, item.format(4))], 2), text_line(197, [(70, "informieren.")], 2)]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2)])
    assert not any(ln.furniture for ln in lines)


def test_a_lone_page_number_in_mid_page_of_one_sheet_is_furniture() -> None:
    # Regression: two pages on one sheet put the first page's foot ("Seite 1 von 2") in mid-page,
    # once only: it stood between the columns of the two pages as a line across the gutter.
    feet = [text_line(796, [(270, "Seite 1 von 2")]), text_line(1637, [(270, "Seite 2 von 2")])]
    lines = [*_columns(80, 20, "p1", 1), feet[0], *_columns(900, 20, "p2", 1), feet[1]]
    mark_furniture(lines, [PageInfo(1, 595.0, TALL)])
    assert [ln.text for ln in lines if ln.furniture] == [ln.text for ln in feet]
    # ... and it still ends the upper page's columns (a foot that recurs on the one sheet).
    body = [ln.text for ln in order_columns(lines, {1: 595.0})[0] if not ln.furniture]
    assert body.index("p1 rechts 19 mit text") < body.index("p2 links 0 mit etwas text")


def test_a_numbered_heading_in_mid_page_stays_text() -> None:
    # Guard: headings numbered in the text ("§ 1", "§ 2", ...) alone in their row count up too, but
    # stand at no one height on several pages with numbers past their pages'.
    lines: list[Line] = []
    for page in range(1, 4):
        lines += [text_line(300 + 40 * page, [(56, f"§ {page}")], page)]
        lines += [text_line(400 + k * 12, [(56, f"Absatz {page} {k} des Textes")], page) for k in range(5)]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in range(1, 4)])
    assert not any(ln.furniture for ln in lines)
    # "Zu Punkt 4 der Tagesordnung" heads each item where the last one ended: two of six happen to
    # stand at one height on two pages.
    places = [(1, 414.0), (1, 582.0), (1, 709.0), (2, 165.0), (2, 275.0), (2, 415.0)]
    lines = []
    for number, (page, top) in enumerate(places, 1):
        lines += [text_line(top, [(56, f"Zu Punkt {number} der Tagesordnung")], page)]
        lines += [
            text_line(top + 20 + 12 * k, [(56, f"Bericht {number} zeile {k} des Textes")], page) for k in range(3)
        ]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in range(1, 3)])
    assert not any(ln.furniture for ln in lines)
    # A sentence of running text alone in its row, once at a page's foot and once on the next page,
    # whose year counts up by one: a year is no page number.
    sentence = "und sind im Haushalt {} veranschlagt. Im Einzelnen umfasst die Maßnahme:"
    lines = [text_line(200 + 12 * k, [(56, f"Text {k} der ersten Seite")]) for k in range(5)]
    lines += [text_line(743, [(56, sentence.format(2025))]), text_line(337, [(56, sentence.format(2026))], 2)]
    lines += [text_line(400 + 12 * k, [(56, f"Text {k} der zweiten Seite")], 2) for k in range(5)]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in range(1, 3)])
    assert not any(ln.furniture for ln in lines)


def test_a_table_of_contents_line_ending_in_its_page_number_below_the_title_stays_text() -> None:
    # Regression: on a tall page (two pages on a sheet) the margin share reaches into the table of
    # contents under the record's title, and its first line ("1 Eröffnung und Begrüßung ... 1")
    # ended in the page's number: it was taken for a foot, and the first item was lost from the list.
    head = [text_line(60 + 20 * k, [(56, text)]) for k, text in enumerate(["Rat der Stadt", "Wortprotokoll", "der 3."])]
    head.append(text_line(150, [(56, "Tagesordnung")]))
    toc = text_line(167, [(56, "1 Eröffnung und Begrüßung"), (533, "1")])
    lines = [*head, toc, *[text_line(400 + 12 * k, [(56, f"Text {k} der Seite")]) for k in range(8)]]
    mark_furniture(lines, [PageInfo(1, 595.0, TALL)])
    assert not toc.furniture
    # A head of one page that ends in its page number is still one.
    foot = text_line(800, [(56, "Stadt Uelzen - Vorlage 24/1452"), (480, "Seite 1 von 1")])
    lines = [*lines[:4], foot]
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0)])
    assert foot.furniture


def test_a_right_column_whose_lines_mostly_start_set_in_keeps_its_gutter_left_of_it() -> None:
    # Regression: a right column whose lines mostly start set in (a stage note of many lines set in
    # by 20 pt, paragraphs' first lines by 8 pt) showed them as aligned right of an x inside the
    # column, which the loose test took for the gutter: the column's lines that start at its edge
    # were cut in two there.
    # A long left column beside a short right one: the right column's lines at its edge are too few
    # for the free test to refuse an x inside it.
    words = ["a" * (3 + k % 5) + " " + "b" * (5 + k % 3) for k in range(55)]  # words at varying x
    left = [text_line(80 + 12 * k, [(56, f"links {words[k]} mit etwas text bis")]) for k in range(55)]
    starts = [326.0] * 7 + [314.0] * 2 + [306.0] * 5
    right = [text_line(80 + 12 * k, [(x, f"rechts {k} mit laufendem text")]) for k, x in enumerate(starts)]
    rows = [Line(1, [*a.tokens, *b.tokens]) for a, b in zip(left, right, strict=False)] + left[len(right) :]
    gutter = loose_gutter(rows, 595.0)
    assert gutter is None or gutter.x < 306.0
    # The gutter of the document's other pages splits it.
    ordered, _ = page_order(rows, 595.0, running=False, loose=True, learnt=Gutter(298.0, True, 306.0))
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left, *right]]


def test_a_left_columns_line_run_into_the_gutter_stays_in_its_column() -> None:
    # Meetings, seed 101, verbatim record 1: an agenda item's title at its hanging indent ran into
    # the gutter ("„Umbenennung des Ausschusses für Soziales" ending 3 pt before the right column)
    # and was taken for a line across both columns: the item's title was cut after "betreffend"
    # and its rest read into the speech before it (warned).
    def left_line(top: float, text: str, x: float = 56.0) -> Line:
        return text_line(top, [(x, text)])

    left = [left_line(80 + 12 * k, f"links {k} mit etwas laufendem text") for k in range(12)]
    left += [left_line(224, "4.1 Antrag der Fraktion Volt betreffend")]
    item = text_line(236, [(80, "„Umbenennung des Ausschusses für")])
    # "Soziales" ends 3 pt before the right column starts.
    item = Line(1, [*item.tokens, Token("Soziales", 262.0, 236.0, 303.0, 246.0, 10.0)])
    left += [item, left_line(248, "und Senioren“", x=80), left_line(260, "AN/1166/2024", x=80)]
    left += [left_line(272 + 12 * k, f"links {k} nach dem Punkt mit text") for k in range(8)]
    # The right column leaves a blank line's space beside the title's rest (a speech ended there).
    right = [text_line(80 + 12 * k, [(306, f"rechts {k} mit laufendem text")]) for k in range(24) if k not in (13, 14)]
    beside = {ln.top: ln for ln in right}
    rows = [Line(1, [*a.tokens, *(beside[a.top].tokens if a.top in beside else [])]) for a in left]
    # The gutter where the loose test puts it: between the columns' usual edges, left of the line.
    ordered, issue = in_columns(rows, 595.0, Gutter(290.0, True, 306.0), loose=True)
    assert issue is None
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left, *right]]


def test_a_right_columns_first_line_set_higher_than_the_left_columns_is_read_with_its_column() -> None:
    # Meetings, seed 103, verbatim record 5: the right column went on from a stage note over it
    # ("(Beifall)") and its first line ("Gül Hoffmann (SPD): ...") stood a little higher than the left
    # column's first: it was taken for a line of the head and read before the left column, so the
    # records' first turn was hers, not the chair's opening (silent).
    head = text_line(82, [(80, "(Beginn: 15.07 Uhr - Ende: 19.06 Uhr)"), (370, "(Beifall)")])
    first = text_line(100, [(310, "Gül Hoffmann (SPD): Dass und wir verwaltung ergebnis")])
    left = [text_line(112 + 12 * k, [(50, f"links {k} mit etwas laufendem text")]) for k in range(20)]
    right = [text_line(112 + 12 * k, [(310, f"rechts {k} mit laufendem text")]) for k in range(20)]
    rows = [head, first, *(Line(1, [*a.tokens, *b.tokens]) for a, b in zip(left, right, strict=True))]
    ordered, _ = page_order(rows, 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered] == [ln.text for ln in [head, *left, first, *right]]


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hard verbatim records of seed 179 (five), each also printed two pages on a sheet."""

    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 179, 5)
        audit = load_script("agenda_audit")
        for pdf in sorted(out.glob("*.pdf")):
            (out / f"{pdf.stem}-merged.pdf").write_bytes(audit.merged(pdf))

    return built_layouts(tmp_path_factory, "meeting_plenary_hard", build)


@pytest.mark.parametrize("stem", ["plenarprotokoll-hart-4", "plenarprotokoll-hart-5"])
def test_records_printed_two_pages_on_a_sheet_read_as_printed(stem: str, sheets: Path) -> None:
    # Regression: on three pages printed on two sheets the lower page's head stood once in mid-page
    # and once at the top of the second sheet (too few to recur at one height) and was read into a
    # speech ("... Ich rufe auf: Rat der Stadt Münster – 23. ..."); a table of contents' first line
    # was taken for a foot and its item read last.
    golden = json.loads((sheets / f"{stem}.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(sheets / f"{stem}-merged.pdf").model_dump(mode="json")
    assert [s["text"] for s in got["speeches"]] == [s["text"] for s in golden["speeches"]]
    assert got["agenda_items"] == golden["agenda_items"]


def test_a_regular_line_across_the_gutter_between_column_lines_puts_the_order_in_doubt() -> None:
    # Regression: a speaker's label run past its column's edge ("Malte Güngör (Bündnis 90/Die
    # Grünen): Ausschuss" over the gutter) ended the column block in mid-page, so the right column's
    # lines above it, an item heading "4.2" among them, were read before the left column's rest
    # ("4.1"), silently: verbatim minutes call items in any order, so no numbering check can tell.
    words = ["a" * (3 + k % 5) + " " + "b" * (5 + k % 3) for k in range(20)]  # words at varying x
    left = [text_line(80 + 12 * k, [(56, f"links {words[k]} mit text")]) for k in range(20)]
    right = [text_line(80 + 12 * k, [(306, f"rechts {words[k]} mit text")]) for k in range(20)]
    rows = [Line(1, [*a.tokens, *b.tokens]) for a, b in zip(left, right, strict=True)]
    across = text_line(80 + 12 * 10, [(56, "Malte Güngör (Bündnis 90/Die Grünen): Ausschuss und weiter")])
    rows[10] = across
    _, issue = page_order(rows, 595.0, running=False, loose=True)
    assert issue is not None and "across the gutter" in issue.message
    # A page read by the layout stage (every document) lets one such line pass as a heading.
    _, issue = page_order(rows, 595.0, running=False, loose=False)
    assert issue is None


def test_a_bare_lists_title_going_on_below_a_page_break_in_mid_page_is_doubted() -> None:
    # Regression: two pages of an Einladung on one sheet; the title of item 10 goes on under the
    # first page's foot and the second page's head ("von Gebühren für die Benutzung ..."). With
    # the foot furniture, the gap was all that stood between them: the title ended at "Erhebung",
    # silently (the foot in the list had named the break before).
    rules = MeetingRules()
    items = [
        Item(
            "9", ["Sanierung des Spielplatzes"], 130.0, None, lines=[text_line(620, [(41, "9."), (130, "Sanierung")])]
        ),
        Item(
            "10",
            ["Neufassung der Satzung über die Erhebung"],
            130.0,
            None,
            lines=[text_line(634, [(41, "10."), (130, "Neufassung der Satzung über die Erhebung")])],
            body=[text_line(914, [(130, "von Gebühren für die Benutzung der")])],
        ),
        Item(
            "11", ["Mietvertrag Bürgerhaus"], 130.0, None, lines=[text_line(1000, [(41, "11."), (130, "Mietvertrag")])]
        ),
    ]
    assert "the title of item 10 looks cut" in agenda_doubts(items, rules)
    # Minutes under a title (no bare list) start where they like.
    items[0].body = [text_line(640, [(130, "der Rat beschließt wie folgt")])]
    items[2].body = [text_line(1020, [(130, "der Rat nimmt Kenntnis")])]
    assert "the title of item 10 looks cut" not in agenda_doubts(items, rules)


def _two_columns(page: int, top: float, left: list[str], right: list[str]) -> list[Line]:
    """Rows of a two-column page from ``top``, 12 pt apart: the left column at 56, the right at 306."""
    rows = []
    for k in range(max(len(left), len(right))):
        cells = [(x, side[k]) for x, side in ((56, left), (306, right)) if k < len(side)]
        rows.append(text_line(top + 12 * k, cells, page))
    return rows


def test_a_doubt_about_a_pages_order_names_the_items_and_turns_on_that_page() -> None:
    # Regression: the warning named the page only, so a reader of a 40-page record could not tell
    # which of its items and speeches to check. An item or turn open at the page's top counts.
    words = ["a" * (3 + k % 5) + " " + "b" * (5 + k % 3) for k in range(20)]

    def turn(name: str, count: int, tag: str) -> list[str]:
        return [f"{name}:"] + [f"{tag} {words[k]} sagt etwas" for k in range(count)]

    lines = [
        text_line(60, [(56, "Wortprotokoll")]),
        text_line(76, [(56, "der 12. Sitzung des Rates der Stadt Bonn am 11. Januar 2024")]),
        text_line(100, [(56, "Tagesordnungspunkt 1: Haushalt der Stadt")]),
        *_two_columns(1, 124, turn("Anna Berg (SPD)", 18, "eins"), turn("Karl Stein (CDU)", 18, "zwei")),
    ]
    second = _two_columns(2, 80, turn("Paul Kern (FDP)", 20, "vier"), turn("Ute Wahl (SPD)", 20, "fünf"))
    second[10] = text_line(200, [(56, "Malte Güngör (Bündnis 90/Die Grünen): Ausschuss und weiter")], 2)
    ctx = line_context([*lines, *second], "generic", pages=2)
    extract_meeting(ctx)
    doubts = {w.field: w.message for w in ctx.fields.warnings if w.page == 2 and "order may be wrong" in w.message}
    assert doubts["agenda_items"].endswith("; item 1 on it")
    assert doubts["speeches"].endswith("; turns of Karl Stein, Paul Kern, Ute Wahl, Malte Güngör on it")
