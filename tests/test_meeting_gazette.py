"""A town's or district's gazette that publishes a session's notice among other notices
(scripts/meeting_gazette.py draws it): the notice alone is the meeting document, its columns (two
or three) are read one after the other, the session is named in a sentence, its agenda runs on at
the top of the next column."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.issues import IssueCode
from ratsdoc.layout.columns import page_order
from ratsdoc.layout.gutter import candidate
from ratsdoc.layout.lines import Line
from ratsdoc.meeting import gazette
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_papers import numbers_in
from ratsdoc.meeting.gazette import session_notice
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.head_fields import read_public
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.record_type import record_type
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.session_date import session_date
from ratsdoc.regions import Layout, PageInfo

from .conftest import load_script, text_line
from .test_generic_reader import line

RULES = MeetingRules()
WIDTH = 595.0

#: The fields of a meeting golden checked here.
FIELDS = ("kind", "document_type", "number", "date", "body", "meeting", "agenda_items")

#: Development gazettes, each read wrong before. Seed 5: three columns read row by row, the issue's
#: day or another notice's taken for the notice's (2, 30, 40); two columns whose titles hang behind
#: 'TOP' labels read row by row (3); the session in a sentence "Am ..., findet um ... Uhr im ..., eine
#: Sitzung des ... statt." unread, "Öffentliche Bekanntmachung" over it read as a paper (22, 26,
#: 38); a paper "(DS-Nr. 2025/046)" left in the title only (27); a title's paper number going on at
#: the top of the next column dropped as a side cell (10); "die 29. öffentliche Sitzung" in the
#: sentence naming neither number nor part (36); the notice's day taken from the masthead (12).
CASES = ("5/2", "5/3", "5/10", "5/12", "5/22", "5/26", "5/27", "5/30", "5/36", "5/38", "5/40")
#: Read wrong before too (seeds 5, 7 and 11): a column of lists beside running text read row by
#: row (5/24), a title going on over two lines atop the next column (5/37), a signature's last
#: lines atop a short third column joined to an item's title (5/1), "eine öffentliche Sitzung"
#: ending a line over its body (5/4, its type silent), the day's year wrapped a row's space lower
#: (11/10), a session sentence over seven lines of a narrow column (11/16), one that goes on atop the
#: next column (7/4), a place glued to its label "Sitzungsort:Sitzungssaal" (7/24, silent).
CASES += ("5/1", "5/4", "5/24", "5/37", "7/4", "7/24", "11/10", "11/16")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development gazettes of :data:`CASES`, drawn and rendered as the generator does."""
    module = load_script("meeting_gazette")
    out: dict[str, tuple[Path, dict[str, Any]]] = {}
    for case in CASES:
        seed, n = (int(part) for part in case.split("/"))
        folder = tmp_path_factory.mktemp(f"gazette-{seed}-{n}")
        golden = module.write(folder, seed, n, 40)
        out[case] = (folder / f"gazette-notice-{n}.pdf", golden)
    return out


@pytest.mark.parametrize("case", CASES)
def test_a_gazette_s_session_notice_reads_as_its_generator_wrote_it(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert got[name] == golden[name], name


def test_the_same_seed_draws_the_same_gazette(tmp_path: Path) -> None:
    module = load_script("meeting_gazette")
    first = module.write(tmp_path / "a", 3, 2, 40)
    again = module.write(tmp_path / "b", 3, 2, 40)
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert (tmp_path / "a" / "gazette-notice-2.pdf").read_bytes() == (
        tmp_path / "b" / "gazette-notice-2.pdf"
    ).read_bytes()
    assert first["agenda_items"] and first["date"] != first["meeting"]["date"]
    assert random.Random("3-gazette-notice-2").random() == random.Random("3-gazette-notice-2").random()


def _row(top: float, *cells: tuple[float, str]) -> Line:
    """One printed line holding a text in each of the given columns (9 pt)."""
    tokens = [t for x, text in cells for t in line(top, text, x=x, size=9.0).tokens]
    return Line(1, tokens)


COLUMNS = (45.0, 219.0, 395.0)


WORDS = ("Gemeinde", "hat", "beschlossen", "dass", "die", "Satzung", "in", "Kraft", "tritt", "und", "gilt")


def _text(name: str, k: int) -> str:
    """A column's line k of running text, its words set apart where the other lines' are not."""
    return f"{name}{k} " + " ".join(WORDS[(3 * k + j) % len(WORDS)] for j in range(4))


def test_three_columns_are_read_one_after_the_other() -> None:
    lines = [
        _row(100 + 12 * k, *((x, _text(name, k)) for x, name in zip(COLUMNS, "abc", strict=True))) for k in range(10)
    ]
    ordered, issue = page_order(lines, WIDTH, running=False)
    assert [ln.text for ln in ordered] == [_text(name, k) for name in "abc" for k in range(10)]
    assert issue is None


def test_a_side_of_lists_no_wider_than_the_other_keeps_its_lines() -> None:
    # Two columns whose right one holds a label and its value: no third column.
    lines = [
        _row(100 + 12 * k, (45.0, f"links Zeile {k} mit Text"), (310.0, f"Ort {k}"), (420.0, "Wert")) for k in range(8)
    ]
    ordered, _ = page_order(lines, WIDTH, running=False)
    assert [ln.text for ln in ordered][-8:] == [f"Ort {k} Wert" for k in range(8)]


def test_a_masthead_line_with_the_issue_s_day_at_the_right_is_no_column_line() -> None:
    head = [
        _row(40, (45.0, "Amtsblatt der Stadt Zörbig")),
        _row(60, (45.0, "Nr. 19 / 32. Jahrgang"), (420.0, "Ausgabetag: 01.09.2025")),
    ]
    body = [
        _row(100 + 12 * k, (45.0, f"links Zeile {k} mit Text"), (310.0, f"rechts Zeile {k} mit Text")) for k in range(8)
    ]
    ordered, _ = page_order(head + body, WIDTH)
    texts = [ln.text for ln in ordered]
    assert texts[1] == "Nr. 19 / 32. Jahrgang Ausgabetag: 01.09.2025"
    assert texts[2:] == [f"links Zeile {k} mit Text" for k in range(8)] + [
        f"rechts Zeile {k} mit Text" for k in range(8)
    ]


def test_lists_side_by_side_whose_titles_hang_behind_top_labels() -> None:
    # 'TOP 12' and a tab: the titles hang 45 pt right of the labels.
    lines = []
    for k in range(8):
        right = [(310.0, f"TOP {k + 1}"), (355.0, "Titel des Punktes")] if k % 2 == 0 else [(355.0, "geht weiter hier")]
        lines.append(_row(100 + 12 * k, (45.0, f"links Zeile {k} mit Text"), *right))
    found = candidate(lines, WIDTH, False)
    # The gutter lies between the columns, not between the right column's labels and titles.
    assert found is not None and found.aligned and found.start == 310.0


def _gazette(dateline: str = "Zörbig, 25.08.2025") -> list[Line]:
    bold = {
        "Einladung zur Sitzung des Gemeinderates",
        "Tagesordnung",
        "Stellenausschreibung",
        "Amtsblatt der Stadt Zörbig",
    }
    texts = [
        "Amtsblatt der Stadt Zörbig",
        "Nr. 19 / 32. Jahrgang Ausgabetag: 01.09.2025",
        "Stellenausschreibung",
        "Die Stadt sucht zum 30.09.2025 eine/n Erzieher/in.",
        "Einladung zur Sitzung des Gemeinderates",
        "Tag: Dienstag, 09.09.2025",
        "Beginn: 19:00 Uhr",
        "Tagesordnung",
        "1. Eröffnung der Sitzung",
        "2. Haushaltssatzung 2026",
        dateline,
        "gez. Anna Bauer",
        "Bürgermeisterin",
        "Stellenausschreibung",
        "Bewerbungsschluss: 30.09.2025",
    ]
    return [line(60 + 14 * k, text, x=45.0, size=9.0, bold=text in bold) for k, text in enumerate(texts)]


def test_a_gazette_is_cut_to_its_session_notice() -> None:
    layout = Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=_gazette())
    cut, issues = session_notice(layout, RULES)
    assert cut.lines[0].text == "Einladung zur Sitzung des Gemeinderates"
    assert [ln.text for ln in cut.lines][-1] == "Bürgermeisterin"
    assert [i.code for i in issues] == [IssueCode.SECOND_DOCUMENT]


def test_a_notice_whose_sentence_breaks_between_sitzung_and_its_body_is_found() -> None:
    # Regression (gazette notices, seed 13, paper 34): "Öffentliche Bekanntmachung" over "..., die
    # 35. Sitzung" / "des Ortschaftsrates Zeischa statt.": the session was looked for line by
    # line and the notice was not found.
    lines = _gazette()
    lines[4] = line(lines[4].top, "Öffentliche Bekanntmachung", x=45.0, size=9.0, bold=True)
    lines[5] = line(lines[5].top, "Lindenstraße 12, die 35. Sitzung", x=45.0, size=9.0)
    lines[6] = line(lines[6].top, "des Ortschaftsrates Zeischa statt.", x=45.0, size=9.0)
    cut, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert cut.lines[0].text == "Öffentliche Bekanntmachung"
    assert [i.code for i in issues] == [IssueCode.SECOND_DOCUMENT]


def test_a_notice_that_ends_without_its_place_and_day_is_warned() -> None:
    # Gazette notices, seed 13, paper 1: the notice went on at the top of the next column, which
    # the reading order had passed; its last items and its own day were lost without a warning.
    lines = [ln for ln in _gazette() if ln.text not in ("Zörbig, 25.08.2025", "gez. Anna Bauer", "Bürgermeisterin")]
    lines = lines[: next(k for k, ln in enumerate(lines) if ln.text == "2. Haushaltssatzung 2026") + 1]
    _, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    warned = {i.field for i in issues if i.code == IssueCode.READING_ORDER_UNCERTAIN}
    assert warned == {"date", "agenda_items"}
    # Signed, it is not.
    _, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=_gazette()), RULES)
    assert not any(i.code == IssueCode.READING_ORDER_UNCERTAIN for i in issues)


def test_a_notice_whose_next_item_stands_elsewhere_on_the_page_is_warned() -> None:
    # Gazette notices, seed 13, paper 28: the notice's list was read up to "TOP 2", then its
    # signature from the next column; "TOP 3" and the rest stood further down another column, and
    # the agenda ended at two items without a sign of it (silent).
    lines = _gazette()
    for k, ln in enumerate(lines):
        if ln.text[:2] in ("1.", "2."):
            lines[k] = line(ln.top, "TOP " + ln.text.replace(".", "", 1), x=45.0, size=9.0)
    lines.append(line(500.0, "TOP 3 Anschaffung eines Fahrzeugs", x=300.0, size=9.0))
    _, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    warned = [i for i in issues if i.code == IssueCode.READING_ORDER_UNCERTAIN]
    assert [i.field for i in warned] == ["agenda_items"] and "TOP 3 Anschaffung" in warned[0].message
    # A "3." of another notice's list elsewhere is no item of the session's list.
    lines = [*_gazette(), line(500.0, "3. Jeder Wahlberechtigte kann wählen", x=300.0, size=9.0)]
    _, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert not any(i.code == IssueCode.READING_ORDER_UNCERTAIN for i in issues)


def test_a_gazette_whose_notice_is_not_found_warns_of_the_meeting_s_fields() -> None:
    lines = [ln for ln in _gazette() if ln.text != "Tagesordnung"]
    cut, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert cut.lines == lines
    assert {i.field for i in issues} >= {"meeting", "agenda_items", "date"}


def test_a_paper_that_is_no_gazette_is_left_as_it_is() -> None:
    lines = _gazette()[2:]
    layout = Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines)
    assert session_notice(layout, RULES) == (layout, [])


def test_a_notice_mixed_with_the_next_column_is_warned() -> None:
    lines = _gazette()
    lines[8] = _row(lines[8].top, (45.0, "1. Eröffnung der Sitzung und"), (219.0, "Monika Schulz"))
    lines[9] = line(lines[9].top, "2. Haushaltssatzung", x=45.0, size=9.0)
    _, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert IssueCode.READING_ORDER_UNCERTAIN in {i.code for i in issues}


@pytest.mark.parametrize(
    "sentence",
    [
        [
            "Am Dienstag, 14. Mai 2025, findet um 19:00 Uhr im Sitzungssaal des",
            "Rathauses, Markt 1, die 12. öffentliche",
            "Sitzung des Gemeinderates statt.",
        ],
        [
            "Am Dienstag, 14.05.2025,",
            "findet um 19:00 Uhr im",
            "Sitzungssaal des Rathauses,",
            "Markt 1, die 12. öffentliche Sitzung",
            "des Gemeinderates statt.",
        ],
    ],
)
def test_a_notice_s_sentence_names_day_hour_place_number_and_part(sentence: list[str]) -> None:
    head = [text_line(100, [(45, "Öffentliche Bekanntmachung")])]
    head += [text_line(114 + 12 * k, [(45, text)]) for k, text in enumerate(sentence)]
    header = read_header(head, RULES)
    assert str(header.values["date"]) == "2025-05-14"
    assert header.values["start"] == "19:00"
    assert header.values["location"] == "Sitzungssaal des Rathauses, Markt 1"
    assert header.values["number"] == "12. Sitzung"
    assert header.public is True


def test_a_public_notice_announcing_a_session_is_a_meeting_document() -> None:
    first = [
        text_line(100, [(45, "Öffentliche Bekanntmachung")]),
        text_line(114, [(45, "Am Montag, 13.01.2025, findet um 19:30 Uhr in der Mehrzweckhalle, eine")]),
        text_line(126, [(45, "Sitzung des Stadtrates statt.")]),
        text_line(140, [(45, "Tagesordnung:")]),
    ]
    found = record_type(first, RULES)
    assert found is not None and found[0] == "Bekanntmachung"


def test_a_place_wrapped_in_a_narrow_column_is_joined_inside_its_parts() -> None:
    head = [
        text_line(100, [(45, "Sitzungsort:"), (110, "Ratssaal des")]),
        text_line(112, [(110, "Rathauses, Raum")]),
        text_line(124, [(110, "104, Hauptstraße")]),
        text_line(136, [(110, "5")]),
    ]
    assert read_header(head, RULES).values["location"] == "Ratssaal des Rathauses, Raum 104, Hauptstraße 5"


def test_a_paper_number_after_a_hyphenated_label() -> None:
    assert numbers_in("Wahl der Schiedsperson (DS-Nr. 2025/124)", RULES) == ["2025/124"]


def test_an_agenda_goes_on_at_the_top_of_the_next_column() -> None:
    rows = [
        (600, [(45, "Tagesordnung")]),
        (614, [(45, "1."), (64, "Eröffnung der Sitzung")]),
        (628, [(45, "2."), (64, "Satzung der öffentlichen")]),
        (90, [(310, "Einrichtung Abwasserbeseitigung")]),
        (104, [(310, "3."), (329, "Wahl (DS-Nr.")]),
        (118, [(329, "2025/124)")]),
        (132, [(310, "4."), (329, "Verschiedenes")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Eröffnung der Sitzung", []),
        ("2", "Satzung der öffentlichen Einrichtung Abwasserbeseitigung", []),
        ("3", "Wahl (DS-Nr. 2025/124)", ["2025/124"]),
        ("4", "Verschiedenes", []),
    ]


def test_a_part_heading_at_the_top_of_the_next_column_sets_the_items_under_it() -> None:
    # Regression (meeting families, seed 117, gazette notice 10): "Nichtöffentlicher Teil" over
    # item 5 at the next column's top was passed over as a side cell, and item 5 read as public
    # (silent).
    rows = [
        (590, [(45, "Tagesordnung")]),
        (604, [(45, "Öffentlicher Teil")]),
        (618, [(45, "1."), (64, "Eröffnung der Sitzung")]),
        (632, [(45, "2."), (64, "Haushaltssatzung 2025")]),
        (103, [(219, "Nichtöffentlicher Teil")]),
        (117, [(219, "3."), (238, "Vertragsangelegenheiten")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.number, i.title, i.public) for i in items] == [
        ("1", "Eröffnung der Sitzung", True),
        ("2", "Haushaltssatzung 2025", True),
        ("3", "Vertragsangelegenheiten", False),
    ]


def test_a_title_s_paper_number_at_the_top_of_the_next_column() -> None:
    rows = [
        (600, [(45, "Tagesordnung")]),
        (614, [(45, "1."), (64, "Eröffnung der Sitzung")]),
        (628, [(45, "2."), (64, "Wahl (DS-Nr.")]),
        (90, [(310, "2025/124)")]),
        (104, [(310, "3."), (329, "Verschiedenes")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.number, i.paper_numbers) for i in items] == [("1", []), ("2", ["2025/124"]), ("3", [])]


def test_a_part_word_wrapped_from_its_session_and_a_later_part_s_sentence() -> None:
    head = [
        text_line(100, [(45, "Bekanntmachung der 36. öffentlichen")]),
        text_line(112, [(45, "Sitzung des Finanzausschusses")]),
        text_line(124, [(45, "Tagesordnung")]),
        text_line(136, [(45, "1."), (64, "Eröffnung")]),
        text_line(148, [(45, "Im Anschluss findet eine nichtöffentliche Sitzung statt.")]),
    ]
    found = read_public(head, RULES)
    assert found is not None and found[0] is True
    # Under the agenda's items, a sentence names another part, not the session's.
    assert read_public([head[1], *head[2:]], RULES) is None


@pytest.mark.parametrize(
    ("rows", "body"),
    [
        (
            ["Einladung zur Sitzung des", "Ausschusses für Umwelt und", "Kreisentwicklung"],
            "Ausschuss für Umwelt und Kreisentwicklung",
        ),
        (
            ["Einladung zur öffentlichen", "Sitzung des Ausschusses für", "Umwelt und Kreisentwicklung"],
            "Ausschuss für Umwelt und Kreisentwicklung",
        ),
        (["Bekanntmachung der Sitzung", "des Stadtrates"], "Stadtrat"),
    ],
)
def test_a_body_s_name_broken_over_the_heading_s_lines(rows: list[str], body: str) -> None:
    head = [line(100 + 12 * k, text, x=45.0, size=10.0, bold=True) for k, text in enumerate(rows)]
    head.append(line(100 + 12 * len(rows), "Tagesordnung", x=45.0, size=10.0))
    found = read_body(head, RULES)
    assert found is not None and found[0] == body


def test_a_day_that_wraps_an_item_s_title_is_no_end_of_the_notice() -> None:
    lines = _gazette()
    lines[9:9] = [line(lines[9].top - 7, "3. Genehmigung der Niederschrift vom", x=45.0, size=9.0)]
    lines[10:10] = [line(lines[10].top - 3, "12. Dezember 2024", x=45.0, size=9.0)]
    cut, _ = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert [ln.text for ln in cut.lines][-1] == "Bürgermeisterin"


def test_a_heading_broken_after_the_session_s_number() -> None:
    head = [
        text_line(100, [(45, "Bekanntmachung der 5.")]),
        text_line(112, [(45, "öffentlichen Sitzung des")]),
        text_line(124, [(45, "Ortschaftsrates Zeischa")]),
        text_line(140, [(45, "Tag:"), (100, "Donnerstag, 11.09.2025")]),
    ]
    assert read_header(head, RULES).values["number"] == "5. Sitzung"


def test_a_session_named_in_an_item_s_wrapped_title_dates_no_session() -> None:
    head = [
        text_line(100, [(45, "Öffentliche Bekanntmachung")]),
        text_line(114, [(45, "Am Dienstag, 5. August 2025, findet um 19:00 Uhr im Rathaus, Markt 1, eine")]),
        text_line(126, [(45, "Sitzung des Stadtrates statt.")]),
        text_line(140, [(45, "Tagesordnung")]),
        text_line(154, [(45, "1"), (64, "Genehmigung der Niederschrift über die")]),
        text_line(166, [(64, "öffentliche Sitzung vom 12. Dezember 2024")]),
    ]
    dates, _ = session_date(head, RULES)
    assert [str(day) for day, _ in dates] in ([], ["2025-08-05"])


def test_the_masthead_s_day_split_into_a_column_is_no_part_of_the_notice() -> None:
    lines = _gazette()
    day = line(lines[1].top, "Freitag, 15. August 2025", x=400.0, size=9.0)
    lines[1] = line(lines[1].top, "Nr. 19 / 32. Jahrgang", x=45.0, size=9.0)
    lines.insert(9, day)  # the reading order took it into the notice's column
    cut, _ = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert "Freitag, 15. August 2025" not in [ln.text for ln in cut.lines]


def test_a_column_of_lists_beside_running_text_is_read_as_a_column() -> None:
    # A gazette's left column holds lists (a post's duties, a notice's agenda) whose short lines
    # reach its last quarter only now and then; the right column is running text set at its own
    # leading, so that the columns share no baselines.
    long_left = "Die Gemeinde sucht zum nächsten Zeitpunkt eine Kraft"
    left = [_row(100 + 12 * k, (45.0, f"l{k} {long_left}" if k % 3 == 0 else f"- Punkt {k}")) for k in range(38)]
    right = [_row(104 + 11.5 * k, (310.0, f"r{k} Der Stadtrat hat in seiner Sitzung folgende")) for k in range(38)]
    lines = sorted(left + right, key=lambda ln: ln.top)
    ordered, _ = page_order(lines, WIDTH, running=False)
    assert [ln.text for ln in ordered] == [ln.text for ln in left + right]


def test_a_day_whose_year_wrapped_a_row_s_space_lower_is_read_whole() -> None:
    head = [
        text_line(100, [(45, "Sitzungstag:"), (126, "Montag, 15.")]),
        text_line(119, [(126, "September 2025")]),
        text_line(131, [(45, "Beginn:"), (126, "19:00 Uhr")]),
    ]
    assert str(read_header(head, RULES).values["date"]) == "2025-09-15"


def test_a_notice_s_sentence_over_seven_lines_of_a_narrow_column() -> None:
    sentence = [
        "Am Donnerstag, 23.01.2025,",
        "findet um 18:00 Uhr im",
        "Bürgerhaus Lindenau, Großer",
        "Saal, Lindenstraße 12, die 41.",
        "öffentliche Sitzung des",
        "Ausschusses für Umwelt und",
        "Kreisentwicklung statt.",
    ]
    head = [text_line(100, [(45, "Bekanntmachung")])]
    head += [text_line(114 + 12 * k, [(45, text)]) for k, text in enumerate(sentence)]
    header = read_header(head, RULES)
    assert str(header.values["date"]) == "2025-01-23"
    assert header.values["location"] == "Bürgerhaus Lindenau, Großer Saal, Lindenstraße 12"


def test_a_title_goes_on_over_two_lines_at_the_top_of_the_next_column() -> None:
    rows = [
        (600, [(45, "Tagesordnung")]),
        (614, [(45, "1."), (64, "Eröffnung der Sitzung")]),
        (628, [(45, "2."), (64, "Satzung der öffentlichen")]),
        (90, [(329, "Einrichtung der")]),
        (104, [(329, "Abwasserbeseitigung")]),
        (118, [(310, "3."), (329, "Verschiedenes")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Eröffnung der Sitzung"),
        ("2", "Satzung der öffentlichen Einrichtung der Abwasserbeseitigung"),
        ("3", "Verschiedenes"),
    ]


def test_a_sentence_set_apart_under_the_list_is_no_title_s_line() -> None:
    rows = [
        (100, [(45, "Tagesordnung")]),
        (114, [(45, "1."), (64, "Eröffnung der Sitzung und")]),
        (126, [(64, "Feststellung der Tagesordnung")]),
        (140, [(45, "2."), (64, "Vertragsangelegenheiten und Grundstücke")]),
        (158, [(45, "Die Sitzungsunterlagen können")]),
        (170, [(45, "im Rathaus eingesehen werden.")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Eröffnung der Sitzung und Feststellung der Tagesordnung"),
        ("2", "Vertragsangelegenheiten und Grundstücke"),
    ]


def test_a_title_that_could_end_goes_on_at_the_next_column_s_hanging_indent() -> None:
    rows = [
        (600, [(45, "Tagesordnung")]),
        (614, [(45, "1"), (66, "Eröffnung der Sitzung")]),
        (628, [(45, "2"), (66, "Bebauungsplan Nr. 112")]),
        (90, [(331, "Wohngebiet Am Mühlenteich")]),
        (104, [(310, "3"), (331, "Verschiedenes")]),
    ]
    items = read_agenda([text_line(top, cells) for top, cells in rows], RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Eröffnung der Sitzung"),
        ("2", "Bebauungsplan Nr. 112 Wohngebiet Am Mühlenteich"),
        ("3", "Verschiedenes"),
    ]


def test_the_issue_s_day_read_after_the_agenda_is_no_place_and_day_of_the_notice() -> None:
    # The masthead's day, set at the right over the third column, is read at that column's top,
    # where the notice goes on; the notice's own place and day follows.
    lines = [
        line(40, "Mitteilungsblatt der Verbandsgemeinde Saale-Wipper", x=45.0, size=9.0, bold=True),
        line(90, "Bekanntmachung", x=45.0, size=9.0, bold=True),
        line(104, "Tagesordnung", x=45.0, size=9.0, bold=True),
        line(118, "9. Vertragsangelegenheiten", x=45.0, size=9.0),
        line(66, "Dienstag, 4. Februar 2025", x=400.0, size=9.0),
        line(103, "Die Sitzungsunterlagen können", x=394.0, size=9.0),
        line(115, "während der Sprechzeiten", x=394.0, size=9.0),
        line(127, "eingesehen werden.", x=394.0, size=9.0),
        line(160, "Güsten, 30.01.2025", x=394.0, size=9.0),
        line(176, "gez. Jens Schmidt", x=394.0, size=9.0),
    ]
    assert gazette._end(lines, 2, gazette._masthead_bottom(lines, lines[0])) == len(lines)


def test_a_notice_line_run_up_to_the_next_column_s_words_is_warned() -> None:
    # "Personalangelegenheiten" runs up to the next column's "Kredite": a gap narrower than a gutter.
    lines = _gazette()
    title = "2. Personalangelegenheiten und Grundstücksangelegenheiten"
    end = line(lines[9].top, title, x=45.0, size=9.0).x1
    lines[9] = _row(lines[9].top, (45.0, title), (end + 11.0, "Kredite für Investitionen"))
    _, issues = session_notice(Layout(pages=[PageInfo(1, WIDTH, 842.0)], lines=lines), RULES)
    assert IssueCode.READING_ORDER_UNCERTAIN in {i.code for i in issues}


def test_a_notice_whose_order_turns_back_to_a_column_on_the_left_is_warned() -> None:
    # The notice's items 9 and 10 in the middle column, a line of the right column's Satzung read
    # between them: the order of the page's columns broke. A turn to the next column is none.
    notice = [
        line(150, "Tagesordnung", x=219.0, size=9.0, bold=True),
        line(164, "9. Mitteilungen und Anfragen", x=219.0, size=9.0),
        line(172, "Die Gebühren werden nach den", x=394.0, size=9.0),
        line(178, "10. Grundstücksangelegenheiten", x=219.0, size=9.0),
    ]
    assert gazette._back_up(notice) == 1
    assert gazette._back_up([*notice[:2], notice[3], notice[2]]) is None
    # A title's line at a deeper indent, the next item back at the numbers' x: no column.
    deeper = [
        notice[1],
        line(178, "Bauabschnitt Nord", x=305.0, size=9.0),
        line(192, "10. Anfragen", x=219.0, size=9.0),
    ]
    assert gazette._back_up([*deeper[:1], line(150, "Kredite", x=219.0, size=9.0), *deeper[1:]]) is None


def test_a_notice_whose_session_ends_a_line_over_its_body_is_a_meeting_document() -> None:
    first = [
        text_line(100, [(45, "Bekanntmachung")]),
        text_line(114, [(45, "Am Dienstag, 11. November")]),
        text_line(126, [(45, "2025, findet um 19:30 Uhr im")]),
        text_line(138, [(45, "Dorfgemeinschaftshaus, Am")]),
        text_line(150, [(45, "Anger 2, eine öffentliche Sitzung")]),
        text_line(162, [(45, "des Kreistages statt.")]),
        text_line(176, [(45, "Tagesordnung")]),
    ]
    found = record_type(first, RULES)
    assert found is not None and found[0] == "Bekanntmachung"


def test_a_short_third_column_on_the_page_s_grid_is_read_after_the_second() -> None:
    # A signature's last lines at the top of the third column beside two long columns: too short
    # for a river of its own, it starts one column and one gutter right of the second column.
    rows = []
    for k in range(12):
        cells = [(45.0, _text("a", k)), (219.0, _text("b", k))]
        cells += [(393.0, ("Monika Schulz", "Bürgermeister")[k])] if k < 2 else []
        rows.append(_row(100 + 12 * k, *cells))
    ordered, _ = page_order(rows, WIDTH, running=False)
    texts = [ln.text for ln in ordered]
    assert texts == [_text("a", k) for k in range(12)] + [_text("b", k) for k in range(12)] + [
        "Monika Schulz",
        "Bürgermeister",
    ]


def test_a_notice_s_sentence_that_goes_on_at_the_top_of_the_next_column() -> None:
    head = [
        text_line(740, [(45, "Öffentliche Bekanntmachung")]),
        text_line(756, [(45, "Am Donnerstag, 21. August 2025, findet um")]),
        text_line(768, [(45, "19:00 Uhr im Sitzungssaal des Rathauses,")]),
        text_line(90, [(310, "Markt 1, eine öffentliche Sitzung des")]),
        text_line(102, [(310, "Finanzausschusses statt.")]),
    ]
    header = read_header(head, RULES)
    assert str(header.values["date"]) == "2025-08-21"
    assert header.values["location"] == "Sitzungssaal des Rathauses, Markt 1"


def test_an_item_s_label_in_the_notice_s_second_column_holds_no_other_column() -> None:
    # The notice's lines mostly in the first column (their median start at the titles' indent, 87
    # pt); in the second its 'TOP 6' stands apart from the title as in the first.
    label = _row(125, (219.0, "TOP 6"), (261.0, "Fortschreibung des"))
    mixed = _row(140, (219.0, "TOP 7 Informationen des"), (394.0, "Monika Schulz"))
    assert not gazette._mixed(label, 87.0, 85.0)
    assert gazette._mixed(mixed, 87.0, 85.0)


def test_a_place_glued_to_its_label_goes_on_under_its_start() -> None:
    # The tab stop narrower than 'Sitzungsort:': the value follows the label without a space, its
    # next line at the tab stop.
    head = [
        text_line(100, [(45, "Sitzungsort:Sitzungssaal des Rathauses,")]),
        text_line(112, [(45 + 6 * 12, "Markt 1")]),
    ]
    assert read_header(head, RULES).values["location"] == "Sitzungssaal des Rathauses, Markt 1"


def test_a_line_across_the_columns_between_the_notice_s_lines_is_warned() -> None:
    # 'Sitzungsort: Dorfgemeinschaftshaus,' ran into the gutter: its row joined the other columns'
    # and the order read it (and the notice's rest under it) after every column.
    notice = [line(600 + 14 * k, f"Zeile {k} der Bekanntmachung", x=45.0, size=9.0) for k in range(6)]
    across = _row(650, (45.0, "Sitzungsort: Dorfgemeinschaftshaus,"), (394.0, "dem Gesamtbetrag der"))
    assert gazette._across_beside(notice, [*notice, across], 45.0, 130.0) == 1
    below = _row(800, (45.0, "Sitzungsort: Dorfgemeinschaftshaus,"), (394.0, "dem Gesamtbetrag der"))
    assert gazette._across_beside(notice, [*notice, below], 45.0, 130.0) is None


def test_a_location_that_ends_in_a_comma_where_the_head_stops_is_in_doubt() -> None:
    # Regression: 'Sitzungsort: Kreishaus,' at a column's foot, its room and street at the top of the
    # next column among another notice's lines, gave the location 'Kreishaus' with no warning.
    cut = read_header([text_line(773, [(45, "Sitzungsort: Kreishaus,")])], MeetingRules())
    assert cut.values["location"] == "Kreishaus" and cut.cut == {"location"}
    whole = read_header(
        [text_line(773, [(45, "Sitzungsort: Kreishaus,")]), text_line(787, [(120, "Sitzungssaal A 1.05")])],
        MeetingRules(),
    )
    assert whole.values["location"] == "Kreishaus, Sitzungssaal A 1.05" and not whole.cut
