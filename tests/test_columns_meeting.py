"""The one column reader (layout/columns.py) as the meeting reader uses it: lists side by side,
loose columns of verbatim minutes, and nothing of a line lost on the way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ratsdoc.layout.columns import loose_pages, page_order, reading_lines
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.marks import BoxMark
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.speeches import read_speeches
from ratsdoc.regions import Layout, PageInfo

from .conftest import text_line

WIDTH = 595.0


def _agenda_in_two_columns(rows: int) -> list[Line]:
    """An agenda printed in two columns: 'TOP k Titel' left, 'TOP k+rows Titel' right."""
    return [
        text_line(100 + 14 * k, [(50, f"TOP {k + 1} Bericht Nummer {k + 1}"), (320, f"TOP {k + rows + 1} Antrag {k}")])
        for k in range(rows)
    ]


def test_an_agenda_in_two_columns_keeps_every_item_in_order() -> None:
    lines = _agenda_in_two_columns(6)
    layout = Layout([PageInfo(1, WIDTH, 842.0)], lines)
    tops = [line.text.split()[1] for line in reading_lines(layout)]
    assert tops == [str(k) for k in range(1, 13)]
    assert loose_pages(layout) == []


def test_a_mark_across_the_gutter_stays_with_its_line() -> None:
    # Regression: a checkbox drawn across the gutter of a two-column page was dropped when the
    # page was split (neither side held all of it).
    lines = _agenda_in_two_columns(6)
    box = BoxMark(x0=286, top=142, x1=298, bottom=152, checked=True, source="glyph")
    lines[3].tokens = (*lines[3].tokens, Token("☒", 286, 142, 298, 152, 10.0, box=box))
    ordered, _ = page_order(lines, WIDTH, running=False)
    assert sum(1 for line in ordered for t in line.tokens if t.box is box) == 1


@settings(max_examples=30, deadline=None)
@given(
    rows=st.integers(min_value=0, max_value=10),
    shift=st.sampled_from([0.0, 5.0]),
    mark_x=st.sampled_from([60.0, 286.0, 290.0, 400.0]),
    loose=st.booleans(),
    running=st.booleans(),
)
def test_no_token_is_lost_or_invented(rows: int, shift: float, mark_x: float, loose: bool, running: bool) -> None:
    # Columns whose baselines differ by ``shift``, and a mark anywhere on one line.
    lines = []
    for k in range(rows):
        left = text_line(100 + 14 * k, [(50, f"wir haben lange über die frage {k} beraten")])
        right = text_line(100 + 14 * k + shift, [(320, f"und sind zu dem ergebnis {k} gekommen")])
        lines.append(Line(1, [*left.tokens, *right.tokens]))
    if lines:
        box = BoxMark(x0=mark_x, top=100, x1=mark_x + 12, bottom=110, checked=False, source="glyph")
        lines[0].tokens = (*lines[0].tokens, Token("☐", mark_x, 100, mark_x + 12, 110, 10.0, box=box))
    ordered, _ = page_order(lines, WIDTH, running=running, loose=loose)
    key = sorted((t.text, t.x0, t.top) for line in lines for t in line.tokens)
    assert sorted((t.text, t.x0, t.top) for line in ordered for t in line.tokens) == key


def test_a_head_above_the_columns_is_read_before_them() -> None:
    # Regression: the city name printed at the top right of a two-column Wortprotokoll's head
    # was read as the first line of the right column, so it ended up inside a speech.
    lines = [text_line(40, [(400, "Stadt Erfurt")]), text_line(80, [(50, "Wortprotokoll")])]
    for k in range(6):
        lines.append(text_line(120 + 14 * k, [(50, f"wir haben lange {k} beraten"), (320, f"und sind {k} gekommen")]))
    for loose in (False, True):
        ordered, _ = page_order(lines, WIDTH, running=False, loose=loose)
        texts = [line.text for line in ordered]
        assert texts[:2] == ["Stadt Erfurt", "Wortprotokoll"]
        assert texts[2].startswith("wir haben") and texts[8].startswith("und sind")


def test_speakers_on_lines_of_their_own_open_turns_in_both_columns() -> None:
    # A speaker named on a line of their own ('Oberbürgermeister Müller:', the words below) opens
    # a turn; the city name of the head above the columns belongs to no speech.
    left = ["Oberbürgermeister Müller:", "Meine Damen und Herren ich", "eröffne die Sitzung heute."]
    left += ["Stadträtin Weber (SPD):", "Danke wir stimmen zu und", "bitten um Abstimmung jetzt."]
    right = ["Ratsmitglied Frank (GRÜNE):", "Wir haben noch Fragen zum", "Zeitplan der Umsetzung hier."]
    right += ["Oberbürgermeister Müller:", "Danke für die Beiträge", "wir stimmen nun ab bitte."]
    lines = [text_line(40, [(400, "Stadt Erfurt")]), text_line(80, [(50, "Wortprotokoll")])]
    lines += [text_line(120 + 14 * k, [(50, a), (310, b)]) for k, (a, b) in enumerate(zip(left, right, strict=True))]
    ordered, _ = page_order(lines, WIDTH, running=False, loose=True)
    speeches, _ = read_speeches(ordered, MeetingRules())
    assert [(s.speaker, s.role, s.text) for s in speeches] == [
        ("Müller", "Oberbürgermeister", "Meine Damen und Herren ich eröffne die Sitzung heute."),
        ("Weber", "SPD", "Danke wir stimmen zu und bitten um Abstimmung jetzt."),
        ("Frank", "GRÜNE", "Wir haben noch Fragen zum Zeitplan der Umsetzung hier."),
        ("Müller", "Oberbürgermeister", "Danke für die Beiträge wir stimmen nun ab bitte."),
    ]


#: Words of two columns' lines, rotated line by line so that no word space falls at one x on
#: every line (the gutter is the only x all lines leave free).
LEFT_WORDS = ["wir", "haben", "lange", "über", "die", "frage", "beraten"]
RIGHT_WORDS = ["und", "sind", "zu", "dem", "ergebnis", "gekommen", "heute"]


def _columns(rows: int, left_end: float, top: float = 80.0) -> list[Line]:
    """``rows`` lines of two columns: the left lines end at ``left_end``, the right start at 310."""
    lines = []
    for k in range(rows):
        text = " ".join(LEFT_WORDS[k % 7 :] + LEFT_WORDS[: k % 7])
        cells = [(left_end - 6 * len(text.replace(" ", "")) - 3 * text.count(" "), text)]
        cells.append((310, " ".join(RIGHT_WORDS[k % 7 :] + RIGHT_WORDS[: k % 7])))
        lines.append(text_line(top + 14 * k, cells))
    return lines


def _head_across_the_gutter() -> list[Line]:
    """A running head over both columns ('... 27. Juli' | '2024') whose word space (3 pt) falls
    on the gutter, above two columns of running text whose left lines run up to x 298 and whose
    right lines start at x 310."""
    words = ["Rat", "der", "Stadt", "Gotha", "-", "5.", "Sitzung", "vom", "27.", "Juli", "2024"]
    x = 306.0 - sum(6 * len(w) + 3 for w in words[:-1])  # the words end at 303, the year starts at 306
    tokens = []
    for word in words:
        tokens.append(Token(word, x, 40, x + 6 * len(word), 50, 10.0))
        x += 6 * len(word) + 3
    return [Line(1, tokens), *_columns(8, 298)]


def test_a_head_across_the_gutter_is_read_whole() -> None:
    # Regression: the running head of two-column verbatim minutes was cut at the gutter where a
    # word space fell on it, so its year was read as the first words of the right column.
    lines = _head_across_the_gutter()
    for loose in (False, True):
        ordered, _ = page_order(lines, WIDTH, running=False, loose=loose)
        texts = [line.text for line in ordered]
        assert texts[0] == "Rat der Stadt Gotha - 5. Sitzung vom 27. Juli 2024"
        assert texts[1].startswith("wir haben") and texts[9].startswith("und sind"), texts
        assert all("2024" not in text for text in texts[1:])


def test_a_bold_heading_up_to_the_other_column_stays_in_its_column() -> None:
    # A bold item heading of the left column that ends a word space before the right column's
    # regular text (the gutter between them) is a line of each column, not one line across.
    lines = _columns(8, 302)
    heading = text_line(192, [(50, "„Entsendung in den Aufsichtsrat der Kliniken")]).tokens
    shift = 303 - heading[-1].x1  # the heading ends at 303, the right column's words start at 306
    bold = [Token(t.text, t.x0 + shift, t.top, t.x1 + shift, t.bottom, t.size, bold=True) for t in heading]
    lines.append(Line(1, [*bold, *text_line(192, [(306, "um dem weiteren vorgelegt")]).tokens]))
    ordered, _ = page_order(lines, WIDTH, running=False)
    texts = [line.text for line in ordered]
    assert "„Entsendung in den Aufsichtsrat der Kliniken" in texts
    assert texts[-1] == "um dem weiteren vorgelegt"


#: Left-column lines of different words (identical lines would leave word gaps that look like a gutter).
_LEFT = [
    "Sehr geehrte Damen und Herren, wir beraten",
    "heute über den Antrag der Fraktion zum",
    "Ausbau der Radwege in der Innenstadt und",
    "über die Mittel, die dafür im Haushalt",
    "bereitstehen. Die Verwaltung hat dazu eine",
    "Vorlage erarbeitet, die wir unterstützen.",
]


def test_a_column_part_that_holds_two_of_its_rows_is_read_as_two_lines() -> None:
    # Seed-43 protokoll-kopf-2: the left column's "3064/2024" (272 pt) joined the right column's
    # title row (270 pt) and the paper number under it (282 pt) into one line; split at the
    # gutter, "Offenhalten ... Sonntag 548/2024" became one line and the number part of the title.
    rows = [text_line(100 + 12.3 * k, [(50, _LEFT[k]), (310, "rechts geht die Rede weiter")]) for k in range(6)]
    parts = [text_line(272.2, [(76, "3064/2024")]), text_line(269.8, [(336, "Offenhalten am Sonntag")])]
    parts.append(text_line(282.1, [(336, "548/2024")]))
    merged = Line(1, [token for part in parts for token in part.tokens])
    ordered, _ = page_order([*rows, merged], 595.0, running=False, loose=True)
    assert [ln.text for ln in ordered][-2:] == ["Offenhalten am Sonntag", "548/2024"]


def test_a_column_part_on_one_baseline_in_mixed_type_stays_one_line() -> None:
    # A bold item number whose font box stands 4 pt higher than the title's, and a smaller paper
    # number, on one baseline: one row, its words in their order (only stacked rows are split).
    rows = [text_line(100 + 12.3 * k, [(50, _LEFT[k]), (310, "rechts geht die Rede weiter")]) for k in range(6)]
    text = _LEFT[0]
    number = Token("2.1", 310.0, 196.0, 325.0, 208.0, 12.0, bold=True)
    title = [
        Token(w, 336.0 + 40 * k, 200.0, 372.0 + 40 * k, 210.0, 10.0)
        for k, w in enumerate(["Antrag", "der", "Fraktion"])
    ]
    paper = Token("AN/1234/2021", 460.0, 202.0, 520.0, 210.0, 8.0)
    merged = Line(1, [*text_line(201.0, [(50, text)]).tokens, number, *title, paper])
    ordered, _ = page_order([*rows, merged], 595.0, running=False, loose=True)
    assert ordered[-1].text == "2.1 Antrag der Fraktion AN/1234/2021"
