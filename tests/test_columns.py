"""Reading order of multi-column pages in the layout stage (layout/columns.py): two columns are
read column by column for every document, and a doubtful order is a typed warning with its page."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ratsdoc.issues import IssueCode
from ratsdoc.layout.columns import document_order, order_columns, page_order
from ratsdoc.layout.lines import Line
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper
from ratsdoc.regions import PageInfo, build_layout

from .conftest import text_line
from .test_generic_reader import line

WIDTH = 595.0


def _pair(top: float, left: str, right: str, *, right_x: float = 310.0) -> Line:
    """One printed line holding a left-column and a right-column text."""
    a, b = line(top, left, x=60.0, size=9.0), line(top, right, x=right_x, size=9.0)
    return Line(1, [*a.tokens, *b.tokens])


def _two_columns(rows: int = 8, **kwargs: float) -> list[Line]:
    return [
        _pair(100 + 14 * k, f"links Satz {k} geht weiter", f"rechts Satz {k} geht weiter", **kwargs)
        for k in range(rows)
    ]


def test_two_columns_are_read_column_by_column_without_a_warning() -> None:
    ordered, issue = page_order(_two_columns(), WIDTH)
    texts = [ln.text for ln in ordered]
    assert texts == [f"links Satz {k} geht weiter" for k in range(8)] + [
        f"rechts Satz {k} geht weiter" for k in range(8)
    ]
    assert issue is None


def test_a_heading_over_both_columns_ends_a_block_without_a_warning() -> None:
    lines = [line(80, "Eine Überschrift über beide Spalten der Seite hinweg gesetzt", size=9.0), *_two_columns()]
    ordered, issue = page_order(lines, WIDTH)
    assert ordered[0].text.startswith("Eine Überschrift") and issue is None


def test_lines_across_the_gutter_between_column_lines_are_warned_with_the_page() -> None:
    rows = _two_columns(12)
    spanning = "Diese Zeile läuft über die ganze Breite der Seite und durch die Spalten"
    lines = [*rows[:4], line(157, spanning, size=9.0), *rows[4:8], line(215, spanning, size=9.0), *rows[8:]]
    ordered, issue = page_order(lines, WIDTH)
    assert issue is not None and issue.code is IssueCode.READING_ORDER_UNCERTAIN and issue.page == 1
    assert sorted(ln.text for ln in ordered) == sorted(t for ln in lines for t in _halves(ln))


def _halves(ln: Line) -> list[str]:
    """The texts a line splits into at the gutter (itself when it crosses it)."""
    left = " ".join(t.text for t in ln.tokens if t.x1 <= 300)
    right = " ".join(t.text for t in ln.tokens if t.x0 >= 300)
    crosses = any(t.x0 < 300 < t.x1 for t in ln.tokens)
    return [ln.text] if crosses else [t for t in (left, right) if t]


def test_a_ragged_gap_is_warned_and_left_in_line_order() -> None:
    # The right column starts anywhere: two columns, or a table? Not reordered, but warned.
    lines = [
        _pair(100 + 14 * k, f"links Satz {k} geht weiter", f"rechts Satz {k} geht weiter", right_x=310.0 + 9 * (k % 4))
        for k in range(8)
    ]
    ordered, issue = page_order(lines, WIDTH)
    assert ordered == lines
    assert issue is not None and issue.code is IssueCode.READING_ORDER_UNCERTAIN


def test_a_one_column_page_and_a_short_table_are_left_alone() -> None:
    words = [
        "Ein",
        "Satz",
        "der",
        "über",
        "die",
        "ganze",
        "Zeile",
        "läuft",
        "und",
        "weiter",
        "geht",
        "bis",
        "an",
        "den",
        "rechten",
        "Rand",
    ]
    # Running text: the word gaps fall at other places on every line.
    text = [line(100 + 14 * k, " ".join(words[k:] + words[:k])) for k in range(8)]
    assert page_order(text, WIDTH) == (text, None)
    table = [_pair(100 + 14 * k, "Ja", "Nein") for k in range(8)]  # too few words a side
    assert page_order(table, WIDTH)[1] is None


def test_the_layout_stage_orders_every_document_and_keeps_the_furniture_in_place() -> None:
    header = line(40, "Stadt Musterstadt Seite 1")
    header.furniture = True
    layout = build_layout([PageInfo(1, WIDTH, 842.0)], [[header, *_two_columns()]])
    assert layout.lines[0] is header
    assert [ln.text for ln in layout.lines[1:3]] == ["links Satz 0 geht weiter", "links Satz 1 geht weiter"]
    assert layout.warnings == []


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(min_value=0, max_value=12), spans=st.lists(st.integers(0, 11), max_size=3))
def test_ordering_loses_and_invents_no_word(rows: int, spans: list[int]) -> None:
    lines = _two_columns(rows)
    for at in sorted(set(spans), reverse=True):
        lines.insert(
            min(at, len(lines)), line(99 + 14 * at, "quer über beide Spalten der ganzen Seite hinweg", size=9.0)
        )
    ordered, _ = order_columns(lines, {1: WIDTH})
    words = sorted(t.text for ln in lines for t in ln.tokens)
    assert sorted(t.text for ln in ordered for t in ln.tokens) == words


def _two_column_pdf(path: Path, spanning: bool = False) -> tuple[str, str]:
    """A one-page Vorlage whose Begründung is set in two columns (reportlab); the words of the
    left and the right column, in reading order."""
    from reportlab.pdfgen import canvas

    left = [f"Satz {k} der linken Spalte steht hier." for k in range(14)]
    right = [f"Zeile {k} der rechten Spalte folgt dann." for k in range(14)]
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, 842.0))
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, 780, "Beschlussvorlage")
    pdf.drawString(60, 760, "Betreff: Radweg an der Nordstraße")
    pdf.drawString(60, 720, "Begründung")
    pdf.setFont("Helvetica", 10)
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 700 - 14 * k
        if spanning and k in (4, 9):
            pdf.drawString(60, y, "Eine Zeile, die quer über beide Spalten der ganzen Seite hinweg läuft.")
            continue
        pdf.drawString(60, y, a)
        pdf.drawString(310, y, b)
    pdf.save()
    keep = [k for k in range(14) if not (spanning and k in (4, 9))]
    return " ".join(left[k] for k in keep), " ".join(right[k] for k in keep)


def test_a_paper_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    left, right = _two_column_pdf(tmp_path / "two.pdf")
    document, issues = read_paper(tmp_path / "two.pdf", ParseOptions())
    assert document.justification is not None
    text = " ".join(document.justification.split())
    assert left in text and right in text and text.index(left) < text.index(right)
    assert not any(issue.code is IssueCode.READING_ORDER_UNCERTAIN for issue in issues)


def test_a_paper_with_lines_across_its_columns_warns_about_the_order(tmp_path: Path) -> None:
    _two_column_pdf(tmp_path / "mixed.pdf", spanning=True)
    _, issues = read_paper(tmp_path / "mixed.pdf", ParseOptions())
    uncertain = [issue for issue in issues if issue.code is IssueCode.READING_ORDER_UNCERTAIN]
    assert [issue.page for issue in uncertain] == [1]


def test_the_gutter_is_where_fewest_lines_cross_not_the_first_x_enough_lines_leave_free() -> None:
    # Seed-41 wortprotokoll-rat-3: the left column's long lines ran to 298 pt, the right column
    # started at 310; 40 of 48 lines left x = 280 free, and the gutter was taken there. Every
    # long left line then crossed it, was not split, and both columns were read line by line.
    rows = []
    for k in range(10):
        left = "links Satz geht weiter" + (" bis zur Rinne Spaltenrinnen" if k in (2, 7) else "")
        rows.append(_pair(100 + 14 * k, left, f"rechts Satz {k} geht weiter"))
    ends = {round(max(t.x1 for t in ln.tokens if t.x0 < 300)) for ln in rows}
    assert max(ends) == 294 and len(ends) == 2  # two long left lines end 16 pt before the right column
    ordered, issue = page_order(rows, WIDTH, running=False)
    assert [ln.text for ln in ordered][10:] == [f"rechts Satz {k} geht weiter" for k in range(10)]
    assert issue is None


def test_a_last_page_with_a_short_right_column_is_split_at_the_documents_gutter() -> None:
    # Seed-41 toc-wortprotokoll-6: page 2 held the left column and, at its top right, only "Damit
    # bin ich am Ende des öffentlichen Teils."; no test finds a gutter from one right line, so the
    # closing line was read first and the items before it were not known to be public.
    first = _two_columns()
    closing = "Damit bin ich am Ende des öffentlichen Teils."
    left = "links Satz geht weiter bis zur Rinne"
    second = [Line(2, _pair(100, left, closing).tokens)]
    second += [Line(2, line(114 + 14 * k, left, x=60.0, size=9.0).tokens) for k in range(5)]
    read = document_order([(first, WIDTH), (second, WIDTH)], running=False, loose=True)
    assert read[1][0][-1].text == closing
    # A page of one column whose lines cross that gutter is left as it is.
    across = [
        Line(
            2,
            line(
                100 + 14 * k, "eine Zeile über die ganze Breite der Seite geht weiter bis zum Rand", x=60.0, size=9.0
            ).tokens,
        )
        for k in range(5)
    ]
    assert document_order([(first, WIDTH), (across, WIDTH)], running=False)[1][0] == across


def test_a_one_page_record_with_a_short_right_column_is_split_by_its_left_column() -> None:
    # Seed-41 protokoll-kopf-15: a one-page record whose right column holds only "Damit bin ich am
    # Ende des öffentlichen Teils." and "(Schluss: 20.09 Uhr)" at the top right; no other page gave
    # a gutter to learn, the closing sentence was read in the head, and the last item's speech
    # lost it. The left column's lines run up to one x and none past it: that is the gutter.
    closing = "Damit bin ich am Ende des öffentlichen Teils."
    left = "links Satz geht weiter bis zur Rinne der Spalte"
    page = [Line(1, line(70, "Rat der Stadt Musterstadt – 6. Sitzung vom 5. August 2024 im Saal", x=60.0).tokens)]
    page.append(Line(1, _pair(100, "(Beginn: 15.36 Uhr)", closing).tokens))
    page.append(Line(1, line(114, "(Schluss: 20.09 Uhr)", x=350.0, size=9.0).tokens))
    words = left.split()
    # Lines of running text: the same words, each line starting elsewhere in them (identical lines
    # would have their word gaps one above the other, like lists side by side).
    texts = [" ".join(words[k % 4 :] + words[: k % 4]) for k in range(8)]
    page += [Line(1, line(128 + 14 * k, text, x=60.0, size=9.0).tokens) for k, text in enumerate(texts)]
    ordered = document_order([(page, WIDTH)], running=False, loose=True)[0][0]
    assert [ln.text for ln in ordered][-2:] == [closing, "(Schluss: 20.09 Uhr)"]
    assert ordered[1].text == "(Beginn: 15.36 Uhr)"
    # Read strictly (a paper, an agenda) the page stays as it is, and so does a page of one
    # column whose lines run across the middle.
    assert document_order([(page, WIDTH)], running=False)[0][0] == page
    across = [
        " ".join(words[: 4 + k % 5]) + " und weiter über die ganze Breite bis zum Rand der Seite" for k in range(8)
    ]
    wide = [
        page[0],
        page[1],
        *(Line(1, line(128 + 14 * k, t, x=60.0, size=9.0).tokens) for k, t in enumerate(across)),
    ]
    assert document_order([(wide, WIDTH)], running=False, loose=True)[0][0] == wide


def test_a_head_line_ending_in_the_right_list_does_not_move_the_gutter_into_it() -> None:
    # Seed-41 toc-wortprotokoll-10: "Beginn: 17:30 Uhr   Ende: 19:45 Uhr" above a table of
    # contents in two lists ran to 316 pt, past the right list's numbers (310 pt; titles at 338).
    # Counted, it made an x between numbers and titles look freer than the gutter, and the
    # right list's numbers were read as the end of the left list's titles ("Begrüßung 2 5.2").
    lines = [text_line(90, [(50, "Beginn: 17:30 Uhr"), (230, "Ende: 19:45 Uhr")])]
    for k in range(6):
        left = (
            [(50, f"{k + 1}"), (78, "Eröffnung und Begrüßung der")]
            if k % 2 == 0
            else [(78, "Gäste im Saal"), (280, "2")]
        )
        lines.append(text_line(140 + 13.5 * k, [*left, (310, f"5.{k + 1}"), (338, "Antrag rechts")]))
    ordered, issue = page_order(lines, WIDTH, running=False)
    assert [ln.text for ln in ordered][7:] == [f"5.{k + 1} Antrag rechts" for k in range(6)]
    assert issue is None
