"""Long verbatim minutes set like a plenary protocol: headings over both columns between balanced
column sections, stage notes over several lines, speakers with offices and titles, the phrase that
closes the public part wrapped, paper numbers at a heading's end or overleaf, dashed page numbers;
and the documents of scripts/meeting_plenary.py, generated and parsed against their goldens."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.furniture import is_page_number
from ratsdoc.layout.columns import _split, page_order
from ratsdoc.layout.gutter import Gutter, loose_gutter
from ratsdoc.layout.lines import Line, Token
from ratsdoc.meeting.headings import read_headings
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.speeches import read_speeches, speaker_turn

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _bold(top: float, cells: list[tuple[float, str]], page: int = 1) -> Line:
    line = text_line(top, cells, page)
    return Line(page, [Token(t.text, t.x0, t.top, t.x1, t.bottom, t.size, bold=True) for t in line.tokens])


def _section(top: float, rows: int, tag: str) -> tuple[list[Line], list[Line]]:
    """``rows`` lines of running text in each column from ``top``, 12 pt apart."""
    left = [text_line(top + 12 * k, [(50, f"{tag} links zeile {k} mit text")]) for k in range(rows)]
    right = [text_line(top + 12 * k, [(310, f"{tag} rechts zeile {k} mit text")]) for k in range(rows)]
    return left, right


def _joined(left: list[Line], right: list[Line]) -> list[Line]:
    """The lines of two columns on shared baselines, as the layout gives them: one line a row."""
    return [Line(a.page, [*a.tokens, *b.tokens]) for a, b in zip(left, right, strict=True)]


def test_a_heading_over_both_columns_ends_the_columns_above_it() -> None:
    # Regression: a short heading over both columns between two balanced column sections ("5
    # Satzungen" leaves the right column free) was read as a line of the left column, so the right
    # column above it was read after the whole left column below it.
    left1, right1 = _section(100, 6, "oben")
    heading = [_bold(185, [(50, "5 Satzungen")]), _bold(205, [(50, "5.1 Satzungen und Verordnungen")])]
    left2, right2 = _section(230, 6, "unten")
    want = [ln.text for ln in [*left1, *right1, *heading, *left2, *right2]]
    rows = [*_joined(left1, right1), *heading, *_joined(left2, right2)]
    for loose in (False, True):
        ordered, issue = page_order(rows, 595.0, running=False, loose=loose)
        assert [ln.text for ln in ordered] == want
        assert issue is None
    # Read column by column before (the heading taken for a line of the left column).
    ordered, _ = page_order([*left1, *heading, *left2, *right1, *right2], 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered] == want


def test_a_heading_over_both_columns_below_unbalanced_columns() -> None:
    # Regression: the columns above a heading over both columns were not balanced (the left one ran
    # on eight rows below the right one), so the heading was read as a line of the left column and
    # the right column above it after the whole left column below it.
    left1 = [text_line(100 + 12 * k, [(50, f"oben links zeile {k} mit text")]) for k in range(10)]
    right1 = [text_line(100 + 12 * k, [(310, f"oben rechts zeile {k} mit text")]) for k in range(2)]
    heading = [_bold(235, [(50, "2.1.3"), (85, "Anfrage der Fraktion SPD")])]
    left2, right2 = _section(260, 6, "unten")
    want = [ln.text for ln in [*left1, *right1, *heading, *left2, *right2]]
    rows = [*_joined(left1[:2], right1), *left1[2:], *heading, *_joined(left2, right2)]
    ordered, _ = page_order(rows, 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered] == want
    # The same with the right column empty above the heading.
    ordered, _ = page_order([*left1, *heading, *_joined(left2, right2)], 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left1, *heading, *left2, *right2]]


def test_a_page_with_many_headings_over_both_columns_is_read_column_by_column() -> None:
    # Regression: a first page of short column sections, the right one shorter, between bold headings
    # over both columns
    # ('2.1.1 Antrag der Fraktion ...' over two lines, several of them) had more lines across the
    # gutter than the loose test allows, so it was read line by line, both columns in one.
    lines: list[Line] = []
    want: list[str] = []
    top = 100.0
    for n, (rows, short) in enumerate(((8, 3), (3, 1), (4, 2), (6, 2))):
        left, right = _section(top, rows, f"teil{n}")
        lines += [*_joined(left[:short], right[:short]), *left[short:]]
        want += [ln.text for ln in [*left, *right[:short]]]
        top += 12 * rows + 14
        if n < 3:
            heading = [
                _bold(
                    top, [(50, f"2.1.{n + 1}"), (85, "Antrag der Fraktion GRÜNE betreffend Sicherheit und Sauberkeit")]
                ),
                _bold(top + 12, [(85, "am Ebertplatz AN/1802/2024")]),
            ]
            lines += heading
            want += [ln.text for ln in heading]
            top += 24 + 14
    ordered, _ = page_order(lines, 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered] == want


def test_a_column_of_running_text_beside_an_empty_one_is_no_heading_over_both() -> None:
    # Regression: the right column held one line at its top, the left one ran on with a heading of
    # its own and thirty lines of text down to a heading over both columns; that whole run was taken
    # for one heading over both columns, so the right column's line was read before it.
    def left(top: float, tag: str) -> Line:
        return text_line(top, [(50, f"links weiter zeile {tag} etwas text")])

    def right(top: float, tag: str) -> Line:
        return text_line(top, [(310, f"rechts weiter zeile {tag} etwas text")])

    left1 = [left(100 + 12 * k, f"a{k}") for k in range(3)]
    right1 = [right(100, "a0")]
    inner = [_bold(148, [(50, "2.1.3"), (85, "Ordnungsbehördliche Verordnung")]), _bold(160, [(85, "3545/2024")])]
    run = [left(184 + 12 * k, f"{k:02d}") for k in range(30)]
    heading = _bold(560, [(50, "5"), (85, "Satzungen")])
    left2 = [left(585 + 12 * k, f"b{k}") for k in range(8)]
    right2 = [right(585 + 12 * k, f"b{k}") for k in range(8)]
    lines = [*_joined(left1[:1], right1), *left1[1:], *inner, *run, heading, *_joined(left2, right2)]
    ordered, _ = page_order(lines, 595.0, running=False, loose=True)
    want = [*left1, *inner, *run, *right1, heading, *left2, *right2]
    assert [ln.text for ln in ordered] == [ln.text for ln in want]


def test_a_right_column_row_that_opens_with_a_dash_left_of_the_column_start() -> None:
    # Regression: a heading over both columns that ended just left of the right column's start
    # (305.7 pt) made every x up to there cross as many lines as the column start (306) itself, and
    # the tie went to the page's middle, 306; a right column row opening with a dash whose box
    # starts a hair left of the column (305.9) crossed it, and its row was read as one line. The
    # gutter now lies a little left of the column start.
    def row(top: float, left: str, right: str, dash: bool = False) -> Line:
        tokens = list(text_line(top, [(56, left)]).tokens)
        x = 305.9 if dash else 306.0
        if dash:
            tokens.append(Token("–", x, top, x + 4.7, top + 10, 10.0))
            x += 7
        return Line(1, [*tokens, *text_line(top, [(x, right)]).tokens])

    def text(k: int) -> str:  # running text up to about 285 pt, its words at varying x
        return f"{'a' * (3 + k % 5)} zeile {k:02d} mit etwas mehr text {'b' * (7 - k % 5)} da"

    lines = [row(100 + 12 * k, text(k), f"rechts {k:02d}") for k in range(8)]
    lines.append(_bold(206, [(56, "7.1.2 Plan"), (173, "der Stadtwerke 319/2024")]))
    lines.append(row(230, "Die Tagesordnungspunkte 5.1.2", "Das ist nicht der Fall.", dash=True))
    lines += [row(242 + 12 * k, text(k + 1), f"weiter {k:02d}") for k in range(6)]
    lines += [text_line(314 + 12 * k, [(56, text(k + 2))]) for k in range(20)]
    assert lines[8].tokens[-1].x1 == pytest.approx(305.0)
    gutter = loose_gutter(lines, 612.0)
    assert gutter is not None
    assert 285.0 < gutter.x < 305.9
    assert [part.text if part else None for part in _split(lines[9], gutter.x)] == [
        "Die Tagesordnungspunkte 5.1.2",
        "– Das ist nicht der Fall.",
    ]


def test_a_turn_under_a_column_heading_is_no_heading_over_both_columns() -> None:
    # Regression: at a page's top the left column held a heading and a turn of two lines, the right
    # column two lines that end the turn before; below came headings over both columns. The turn and
    # those headings were taken for one heading over both columns (the right column's lines were
    # near enough above), so the right column's lines were read before the turn. A heading over both
    # columns opens with a bold line.
    heading = [_bold(30, [(56, "3.1.1"), (90, "Antrag der Fraktion")]), _bold(42, [(90, "AN/0154/2024")])]
    right = [text_line(30 + 12 * k, [(310, f"rechts ende {k} mit text")]) for k in range(2)]
    turn = [text_line(80 + 12 * k, [(56, f"links turn {k} mit text")]) for k in range(2)]
    across = [_bold(111, [(56, "5"), (90, "Allgemeine Vorlagen")]), _bold(130, [(56, "5.1"), (90, "Vorlagen")])]
    left2, right2 = _section(160, 8, "unten")
    lines = [*_joined(heading, right), *turn, *across, *_joined(left2, right2)]
    ordered, _ = page_order(lines, 595.0, running=False, loose=True)
    want = [*heading, *turn, *right, *across, *left2, *right2]
    assert [ln.text for ln in ordered] == [ln.text for ln in want]


def test_a_short_right_column_that_opens_with_an_indented_paragraph() -> None:
    # Regression: the last page's right column held one line, a paragraph set in by its first-line
    # indent ('(Schluss: 22.31 Uhr)' at 314 pt, the column starting at 306); the page was not split
    # at the gutter the other pages share, and the line was read into the left column's first row.
    words = ["a" * (3 + k % 5) + " " + "b" * (5 + k % 3) for k in range(12)]  # words at varying x
    left = [text_line(80 + 12 * k, [(56, f"links {words[k]} mit etwas mehr text")]) for k in range(12)]
    last = text_line(80, [(314, "(Schluss: 22.31 Uhr)")])
    lines = [Line(1, [*left[0].tokens, *last.tokens]), *left[1:]]
    ordered, _ = page_order(lines, 595.0, running=False, loose=True, learnt=Gutter(298.0, True, 306.0))
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left, last]]


def test_a_heading_in_the_left_column_beside_the_end_of_the_right_stays_in_its_column() -> None:
    # A bold heading in the left column on a page whose right column ended higher (the record's
    # last page) is no heading over both columns: no right column line starts again below it.
    # (A guard for the rule above.)
    left1 = [text_line(100 + 12 * k, [(50, f"links zeile {k} mit text")]) for k in range(12)]
    right1 = [text_line(100 + 12 * k, [(310, f"rechts zeile {k} mit text")]) for k in range(10)]
    heading = _bold(250, [(50, "2.1.3"), (85, "Anfrage der Fraktion SPD")])
    left2 = [text_line(270 + 12 * k, [(50, f"links weiter {k} mit text")]) for k in range(6)]
    lines = [*_joined(left1[:10], right1), *left1[10:], heading, *left2]
    ordered, _ = page_order(lines, 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left1, heading, *left2, *right1]]


def test_a_stage_note_in_the_left_column_beside_a_gap_of_the_right_stays_in_its_column() -> None:
    # An interjection set off in the left column where the right column has a paragraph gap is
    # no heading over both columns: the right column goes on right under it.
    left1, right1 = _section(100, 6, "oben")
    note = text_line(175, [(70, "(Beifall bei der SPD)")])
    left2 = [text_line(190 + 12 * k, [(50, f"links weiter {k} mit text")]) for k in range(5)]
    right2 = [text_line(180 + 12 * k, [(310, f"rechts weiter {k} mit text")]) for k in range(5)]
    ordered, _ = page_order(sorted([*left1, *right1, note, *left2, *right2], key=lambda ln: ln.top), 595.0, loose=True)
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left1, note, *left2, *right1, *right2]]


def test_stage_notes_inside_a_paragraph_and_over_many_lines_are_no_ones_words() -> None:
    # Regression: a stage note inside a paragraph that closes in mid-line, the speaker's words going
    # on after it, and a Zuruf over six lines were read into the speech.
    texts = [
        "Ratsmitglied Frank (GRÜNE): Das ist unser Antrag. (Beifall bei",
        "der SPD und bei den Grünen) Wir bitten um",
        "Zustimmung.",
        "(Zuruf von Jörg Detjen [DIE LINKE]: Das",
        "haben Sie doch selbst so beschlossen,",
        "und zwar schon im letzten Jahr, als",
        "der Haushalt beraten wurde, und",
        "niemand hat damals etwas dagegen",
        "gesagt!)",
        "Herr Detjen, das stimmt nicht (siehe Drucksache 1234/2024).",
    ]
    lines = [text_line(100 + 12 * k, [(50, text)]) for k, text in enumerate(texts)]
    speeches, _ = read_speeches(lines, RULES)
    assert [s.text for s in speeches] == [
        "Das ist unser Antrag. Wir bitten um Zustimmung. Herr Detjen, das stimmt nicht (siehe Drucksache 1234/2024)."
    ]


def test_a_line_inside_a_stage_note_opens_no_turn() -> None:
    # Regression: a stage note inside a paragraph wrapped so that its next line opened with a
    # faction and a colon ('SPD: Unerhört!) Wir bitten ...'), read as a turn of a speaker 'SPD'.
    lines = [
        text_line(100, [(50, "Ratsmitglied Frank (GRÜNE): Das ist unser Antrag.")]),
        text_line(112, [(50, "(Zurufe von der FDP – Gegenruf von der")]),
        text_line(124, [(50, "SPD: Unerhört!) Wir bitten um Zustimmung.")]),
    ]
    speeches, _ = read_speeches(lines, RULES)
    assert [(s.speaker, s.text) for s in speeches] == [("Frank", "Das ist unser Antrag. Wir bitten um Zustimmung.")]
    # A parenthesis that never closes is no note: the turns after it are found.
    lines = [
        text_line(100, [(50, "Ratsmitglied Frank (GRÜNE): Das ist unser Antrag. (Beifall bei")]),
        *(text_line(112 + 12 * k, [(50, f"weiterer text zeile {k}")]) for k in range(12)),
        text_line(260, [(50, "Beigeordnete Frau Klein: Vielen Dank.")]),
    ]
    speeches, _ = read_speeches(lines, RULES)
    assert [s.speaker for s in speeches] == ["Frank", "Klein"]


def test_a_stage_note_over_two_lines_is_no_ones_words() -> None:
    # Regression: '(Zuruf von Jörg Frank [GRÜNE]: Das stimmt' / 'doch gar nicht!)' was read into the speech.
    lines = [
        text_line(100, [(50, "Ratsmitglied Dr. Elster (CDU): Wir haben lange beraten")]),
        text_line(112, [(50, "und sind zu einem Ergebnis gekommen.")]),
        text_line(128, [(70, "(Zuruf von Jörg Frank [GRÜNE]: Das stimmt")]),
        text_line(140, [(70, "doch gar nicht!)")]),
        text_line(156, [(50, "Doch, meine Damen und Herren.")]),
    ]
    speeches, _ = read_speeches(lines, RULES)
    assert [(s.speaker, s.role, s.text) for s in speeches] == [
        (
            "Dr. Elster",
            "CDU",
            "Wir haben lange beraten und sind zu einem Ergebnis gekommen. Doch, meine Damen und Herren.",
        )
    ]


@pytest.mark.parametrize(
    ("line", "speaker", "role"),
    [
        ("Beigeordnete Frau Klein: Vielen Dank.", "Klein", "Beigeordnete"),
        ("Beigeordneter Herr Hammer: Vielen Dank.", "Hammer", "Beigeordneter"),
        ("Stadtdirektor Kahlen: Vielen Dank.", "Kahlen", "Stadtdirektor"),
        ("Stadtkämmerin Prof. Dr. Diemert: Vielen Dank.", "Prof. Dr. Diemert", "Stadtkämmerin"),
        ("Bürgermeister Dr. Heinen: Vielen Dank.", "Dr. Heinen", "Bürgermeister"),
        ("Ratsmitglied Dr. Elster (CDU): Vielen Dank.", "Dr. Elster", "CDU"),
    ],
)
def test_speakers_with_offices_titles_and_forms_of_address(line: str, speaker: str, role: str) -> None:
    # Regression: 'Frau'/'Herr' were read as part of the name, 'Stadtdirektor' as a first name,
    # and a turn of 'Prof. Dr. ...' was not found at all.
    assert speaker_turn(line, RULES) == (speaker, role, "Vielen Dank.")


def test_the_public_part_closed_over_a_line_break() -> None:
    # Regression: 'Damit bin ich am Ende des' / 'öffentlichen Teils.' left every item's public empty.
    lines = [
        _bold(100, [(50, "1"), (80, "Eröffnung und Begrüßung")]),
        text_line(120, [(50, "Oberbürgermeisterin Reker: Dann ist das so beschlossen. Damit bin ich am Ende des")]),
        text_line(132, [(50, "öffentlichen Teils.")]),
    ]
    assert [item.public for item in read_headings(lines, RULES)] == [True]


def test_a_headings_paper_number_at_its_end_or_overleaf() -> None:
    # Regression: a bare paper number ending a heading stayed in the title; one that a column break
    # moved to the top of the next column was read into the next speech.
    lines = [
        _bold(100, [(50, "3.1.1"), (90, "Stellplatzsatzung der Stadt 2350/2024")]),
        text_line(120, [(50, "Oberbürgermeisterin Reker: Gibt es Wortmeldungen?")]),
        _bold(740, [(50, "3.1.2"), (90, "Antrag der Fraktion der SPD betreffend „Sozialticket“")]),
        _bold(90, [(310, "AN/1234/2024")]),
        text_line(110, [(310, "Oberbürgermeisterin Reker: Bitte schön.")]),
    ]
    items = read_headings(lines, RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("3.1.1", "Stellplatzsatzung der Stadt", ["2350/2024"]),
        ("3.1.2", "Antrag der Fraktion der SPD betreffend „Sozialticket“", ["AN/1234/2024"]),
    ]


def test_a_page_number_between_dashes() -> None:
    # Regression: '– 5 –' (dashes, not hyphens) at a page's foot was read into a speech.
    assert is_page_number("– 5 –") and is_page_number("- 5 -") and is_page_number("— 12 —")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 2)

    return built_layouts(tmp_path_factory, "meeting_plenary", build)


@pytest.mark.parametrize("stem", ["plenarprotokoll-1", "plenarprotokoll-2"])
def test_plenary_minutes_match_the_generators_golden(stem: str, generated: Path) -> None:
    golden = json.loads((generated / f"{stem}.json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(generated / f"{stem}.pdf").model_dump(mode="json")
    for field in ("kind", "document_type", "meeting", "body", "agenda_items", "speeches"):
        assert got[field] == golden[field], field


def test_a_word_joined_over_a_line_break_keeps_the_rows_apart() -> None:
    # Regression: 'Gegenstim-' / 'men' joined into one word whose box spans two rows made its row
    # reach into the next one, and the next row's words were read into it by x ('abstimmen. der
    # AfD. Gegenstimmen? Enthaltungen? ...').
    left = text_line(100, [(50, "links eins zwei drei vier fuenf")])
    row = text_line(100, [(310, "abstimmen. Gegenstimmen? – Bei")])
    joined = Token("Gegenstimmen", 470, 100, 540, 122.5, 10.0)
    below = text_line(112.5, [(336, "der AfD. Enthaltungen? – Keine.")])
    line = Line(1, [*left.tokens, *row.tokens, joined, *below.tokens])
    rows = [
        text_line(125 + 12.5 * k, [(50, f"links {k} weiter text hier"), (310, f"rechts {k} weiter text")])
        for k in range(6)
    ]
    ordered, _ = page_order([line, *rows], 595.0, running=False, loose=True)
    texts = [ln.text for ln in ordered]
    assert "abstimmen. Gegenstimmen? – Bei Gegenstimmen" in texts
    assert "der AfD. Enthaltungen? – Keine." in texts


def test_a_speaker_label_wrapped_over_two_lines_opens_a_turn() -> None:
    # Regression: a bold label wider than the column ('Ratsmitglied Dr. Zimmermann (Freie' /
    # 'Wähler): ...') was read as words of the turn before it.
    lines = [
        text_line(100, [(50, "Oberbürgermeisterin Reker: Bitte schön.")]),
        _bold(112, [(50, "Ratsmitglied Dr. Zimmermann (Freie")]),
        Line(1, [*_bold(124, [(50, "Wähler):")]).tokens, *text_line(124, [(110, "Vielen Dank für das Wort.")]).tokens]),
    ]
    speeches, _ = read_speeches(lines, RULES)
    assert [(s.speaker, s.role, s.text) for s in speeches] == [
        ("Reker", "Oberbürgermeisterin", "Bitte schön."),
        ("Dr. Zimmermann", "Freie Wähler", "Vielen Dank für das Wort."),
    ]


def test_a_speaker_label_wrapped_before_its_colon_opens_a_turn() -> None:
    # Regression: a label wrapped so that its colon opens the next line ('Ratsmitglied Dr. Elster
    # (Freie Wähler)' / ': Vielen Dank ...'), in bold or in regular type, was read as words of the
    # turn before it.
    for make in (_bold, text_line):
        lines = [
            text_line(100, [(50, "Oberbürgermeisterin Reker: Bitte schön.")]),
            make(112, [(50, "Ratsmitglied Dr. Elster (Freie Wähler)")]),
            Line(1, [*make(124, [(50, ":")]).tokens, *text_line(124, [(58, "Vielen Dank für das Wort.")]).tokens]),
        ]
        speeches, _ = read_speeches(lines, RULES)
        assert [(s.speaker, s.role, s.text) for s in speeches] == [
            ("Reker", "Oberbürgermeisterin", "Bitte schön."),
            ("Dr. Elster", "Freie Wähler", "Vielen Dank für das Wort."),
        ]


def test_a_headings_title_going_on_at_the_top_of_the_next_column() -> None:
    # Regression: a heading broken at the foot of the left column ('2.1.3 Anfrage der Fraktion FDP'
    # / 'betreffend „Klimaneutralität der') went on at the top of the right column; those lines were
    # read into the chair's turn before it and the title lost its end and its paper number.
    lines = [
        _bold(740, [(56, "2.1.3"), (91, "Anfrage der Fraktion FDP")]),
        _bold(752, [(91, "betreffend „Klimaneutralität der")]),
        _bold(80, [(341, "städtischen Beteiligungsgesellschaften")]),
        _bold(92, [(341, "bis 2035“ AN/0496/2024")]),
        text_line(112, [(306, "Oberbürgermeister Heinen: Gibt es Wortmeldungen?")]),
    ]
    items = read_headings(lines, RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        (
            "2.1.3",
            "Anfrage der Fraktion FDP betreffend „Klimaneutralität der städtischen "
            "Beteiligungsgesellschaften bis 2035“",
            ["AN/0496/2024"],
        )
    ]
    # A closed title does not take the next column's bold line (a speaker's label alone).
    closed = [_bold(740, [(56, "2.1.4"), (91, "Stellplatzsatzung der Stadt")]), _bold(80, [(306, "Dr. Elster (CDU)")])]
    assert [i.title for i in read_headings(closed, RULES)] == ["Stellplatzsatzung der Stadt"]


@pytest.fixture(scope="module")
def hard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 171, 5)

    return built_layouts(tmp_path_factory, "meeting_plenary_hard", build)


def test_a_first_page_with_an_attendance_list_and_a_table_of_contents_over_short_columns(hard: Path) -> None:
    # Regression: a first page that an attendance list and a table of contents (page numbers at the
    # right edge) take most of, over a few rows of the two columns between headings over both, was
    # read line by line: the chair's opening words ran into the right column's ('Meine sehr
    # verehrten Blockiert fliegt ...'). The columns of the document's other pages now split it below
    # the head.
    golden = json.loads((hard / "plenarprotokoll-hart-5.json").read_text(encoding="utf-8"))
    assert golden["_style"]["toc"] and golden["_style"]["attendance"]
    got = ratsdoc.parse(hard / "plenarprotokoll-hart-5.pdf").model_dump(mode="json")
    assert got["speeches"][:3] == golden["speeches"][:3]


def test_a_heading_broken_over_a_page_goes_on_at_its_hanging_indent() -> None:
    # Regression: '5.1.3 Fortschreibung des Integrierten' at the foot of page 7's right column and
    # 'Stadtentwicklungskonzeptes 2693/2024' under page 8's head, 27 pt in from the left column's
    # edge as the title is from its number, lost the title's end and the paper number silently.
    lines = [
        _bold(758, [(306, "5.1.3"), (333, "Fortschreibung des Integrierten")], 7),
        _bold(80, [(83, "Stadtentwicklungskonzeptes 2693/2024")], 8),
        text_line(107, [(56, "Oberbürgermeister Klein: Gibt es Wortmeldungen? –")], 8),
        text_line(120, [(56, "Bitte schön.")], 8),
    ]
    items = read_headings(lines, RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("5.1.3", "Fortschreibung des Integrierten Stadtentwicklungskonzeptes", ["2693/2024"])
    ]


def test_a_bold_speaker_at_the_next_columns_edge_goes_on_with_no_title() -> None:
    lines = [
        _bold(758, [(306, "5.1.3"), (333, "Fortschreibung des Integrierten")], 7),
        _bold(80, [(56, "Jörg Schlieben (Freie Wähler)")], 8),
        text_line(93, [(56, "Bereiten wir die Fortschreibung vor.")], 8),
    ]
    assert [i.title for i in read_headings(lines, RULES)] == ["Fortschreibung des Integrierten"]
