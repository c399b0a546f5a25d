"""Table cells (``layout/cells.py``): cells from rules and frames, and wrapped cells joined into one
text, from rules or, in tables without rules, from the edges of a row's cells."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ratsdoc.extract.checkboxes import extract_checkboxes
from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.layout.cells import join_wrapped_cells
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.marks import BoxMark
from ratsdoc.layout.model import Shape
from ratsdoc.layout.ruled_cells import Cell, ruled_cells
from ratsdoc.models import CheckboxOption, Consultation

from .conftest import line_context as _context
from .conftest import ruled_grid as _grid
from .conftest import text_line


def _frame(x0: float, top: float, x1: float, bottom: float) -> list[Shape]:
    return [
        Shape("line", x0, top, x1, top),
        Shape("line", x0, bottom, x1, bottom),
        Shape("line", x0, top, x0, bottom),
        Shape("line", x1, top, x1, bottom),
    ]


def _box(x: float, top: float, checked: bool) -> Token:
    mark = BoxMark(x, top, x + 8, top + 8, checked, "glyph")
    return Token("☒" if checked else "☐", x, top, x + 8, top + 8, 8.0, box=mark)


def _words(x: float, top: float, text: str) -> list[Token]:
    """8 pt words at 4.4 pt per letter with 2.2 pt gaps, from ``x``."""
    tokens = []
    for word in text.split():
        tokens.append(Token(word, x, top, x + 4.4 * len(word), top + 8, 8.0))
        x += 4.4 * len(word) + 2.2
    return tokens


# --- cells from rules ---------------------------------------------------------------------


def test_a_grid_gives_its_cells() -> None:
    cells = ruled_cells(_grid([50, 200, 300], [100, 120, 150]))
    assert sorted(cells, key=lambda c: (c.top, c.x0)) == [
        Cell(50, 100, 200, 120),
        Cell(200, 100, 300, 120),
        Cell(50, 120, 200, 150),
        Cell(200, 120, 300, 150),
    ]


def test_a_frame_is_one_cell_and_checkboxes_are_no_cells() -> None:
    shapes = [*_frame(350, 57, 533, 142), Shape("rect", 60, 200, 68.5, 208.5)]
    assert ruled_cells(shapes) == [Cell(350, 57, 533, 142)]


def test_a_frame_beside_a_table_keeps_its_own_right_edge() -> None:
    # Regression (Erfurt DOCX cover): the cover box's right rule at 533.2 and the Beratungsfolge
    # table's at 532.9 were merged into one rule with the table's extent, so the box was lost.
    shapes = [*_frame(349.0, 57.1, 533.2, 142.2), *_grid([51.3, 195.3, 532.9], [156.9, 169.6, 182.3])]
    frames = [c for c in ruled_cells(shapes) if (c.x0, c.top, c.bottom) == (349.0, 57.1, 142.2)]
    assert len(frames) == 1 and abs(frames[0].x1 - 533.2) <= 0.5


@settings(max_examples=60, deadline=None)
@given(
    widths=st.lists(st.floats(min_value=12, max_value=200), min_size=1, max_size=6),
    heights=st.lists(st.floats(min_value=6, max_value=60), min_size=1, max_size=6),
    left=st.floats(min_value=0, max_value=100),
    top=st.floats(min_value=0, max_value=400),
)
def test_property_every_grid_cell_is_found_once(
    widths: list[float], heights: list[float], left: float, top: float
) -> None:
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    cells = ruled_cells(_grid(xs, ys))
    assert len(cells) == len(widths) * len(heights)

    def place(edge: float, start: float, edges: list[float]) -> int:
        """The grid column (row) whose edges the cell's match, to the 0.1 pt corners are kept at."""
        return next(
            i for i in range(len(edges) - 1) if abs(start - edges[i]) <= 0.1 and abs(edge - edges[i + 1]) <= 0.1
        )

    # Every cell is one grid cell, and every grid cell is found: the cells tile the table.
    found = {(place(c.x1, c.x0, xs), place(c.bottom, c.top, ys)) for c in cells}
    assert found == {(i, j) for i in range(len(widths)) for j in range(len(heights))}


# --- wrapped cells joined ----------------------------------------------------------------


def test_a_ruled_row_with_wrapped_cells_is_one_line() -> None:
    # Regression (Erfurt variants): "Ausschuss für Digitalisierung, Wirtschaft und" over
    # "Tourismus" and "nicht" over "öffentlich" became two consultations, the second "Tourismus".
    shapes = _grid([51, 257, 335, 408, 533], [157, 170, 195, 208])
    lines = [
        text_line(158, [(57, "Beratungsfolge"), (263, "Datum"), (341, "Behandlung"), (414, "Zuständigkeit")]),
        text_line(
            171, [(57, "Ausschuss für Digitalisierung,"), (263, "26.09.2023"), (341, "nicht"), (414, "Anhörung")]
        ),
        text_line(183, [(57, "Wirtschaft und Tourismus"), (341, "öffentlich")]),
        text_line(196, [(57, "Stadtrat"), (263, "10.10.2023"), (341, "öffentlich"), (414, "Entscheidung")]),
    ]
    joined = join_wrapped_cells(lines, shapes)
    assert [line.text for line in joined] == [
        "Beratungsfolge Datum Behandlung Zuständigkeit",
        "Ausschuss für Digitalisierung, Wirtschaft und Tourismus 26.09.2023 nicht öffentlich Anhörung",
        "Stadtrat 10.10.2023 öffentlich Entscheidung",
    ]
    ctx = _context(joined)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == [
        Consultation(
            body="Ausschuss für Digitalisierung, Wirtschaft und Tourismus",
            date="2023-09-26",
            public=False,
            role="Anhörung",
        ),
        Consultation(body="Stadtrat", date="2023-10-10", public=True, role="Entscheidung"),
    ]


def test_a_frame_of_one_cell_keeps_its_lines() -> None:
    # The cover box holds number, body, type and public marker on lines of their own.
    lines = [
        text_line(60, [(355, "Drucksache 0645/25")]),
        text_line(74, [(355, "Stadtrat")]),
        text_line(88, [(355, "Entscheidungsvorlage")]),
    ]
    joined = join_wrapped_cells(lines, _frame(349, 57, 533, 142))
    assert [line.text for line in joined] == ["Drucksache 0645/25", "Stadtrat", "Entscheidungsvorlage"]


def test_rules_without_row_separators_keep_the_rows() -> None:
    # A table with column rules but none between rows: every cell holds as many lines as
    # there are rows, so nothing is a wrap.
    shapes = _grid([51, 200, 533], [100, 140])
    lines = [text_line(102, [(57, "Hauptausschuss"), (206, "05.02.2025")])]
    lines.append(text_line(114, [(57, "Umweltausschuss"), (206, "24.02.2025")]))
    assert [line.text for line in join_wrapped_cells(lines, shapes)] == [
        "Hauptausschuss 05.02.2025",
        "Umweltausschuss 24.02.2025",
    ]


def _checkbox_grid() -> list[Line]:
    """The Erfurt controlling grid as a Word table without rules: option and group labels wrap
    inside their cells ("Ja, siehe" / "Anlage", "Demografisches" / "Controlling")."""
    row = Line(
        1,
        [
            *_words(57, 54, "Nachhaltigkeitscontrolling"),
            _box(188, 54, False),
            *_words(200, 54, "Nein"),
            _box(242, 54, True),
            *_words(254, 54, "Ja, siehe"),
            *_words(306, 54, "Demografisches"),
            _box(402, 54, True),
            *_words(414, 54, "Nein"),
            _box(450, 54, False),
            *_words(461, 54, "Ja, siehe Anlage"),
        ],
    )
    wrapped = Line(1, [*_words(242, 65, "Anlage"), *_words(306, 65, "Controlling")])
    return [row, wrapped]


def test_wrapped_checkbox_labels_are_their_whole_cell() -> None:
    # Regression (Erfurt DOCX variants): "Ja, siehe" for "Ja, siehe Anlage" and "Demografisches"
    # for "Demografisches Controlling".
    joined = join_wrapped_cells(_checkbox_grid(), [])
    assert len(joined) == 1
    ctx = _context(joined)
    extract_checkboxes(ctx)
    groups = ctx.fields.values["checkboxes"]
    assert [g.label for g in groups] == ["Nachhaltigkeitscontrolling", "Demografisches Controlling"]
    assert groups[0].options == [
        CheckboxOption(label="Nein", checked=False),
        CheckboxOption(label="Ja, siehe Anlage", checked=True),
    ]
    assert groups[1].selected == "Nein"


def test_a_label_wrapped_in_the_last_cell_beside_another_wrap_is_joined() -> None:
    # Seed-11 erfurt-docx variant 14: "Ja, siehe" / "Anlage" in the third and in the last cell of
    # a row; in the last cell "Anlage" would have fitted before the page's text margin (the
    # table ends before it), so it was taken for a line of its own and the label was cut.
    row = Line(
        1,
        [
            *_words(57, 54, "Nachhaltigkeitscontrolling"),
            _box(188, 54, False),
            *_words(200, 54, "Nein"),
            _box(242, 54, True),
            *_words(254, 54, "Ja, siehe"),
            *_words(306, 54, "Demografisches Controlling"),
            _box(420, 54, False),
            *_words(432, 54, "Nein"),
            _box(462, 54, True),
            *_words(474, 54, "Ja, siehe"),
        ],
    )
    wrapped = Line(1, [*_words(242, 65, "Anlage"), *_words(462, 65, "Anlage")])
    margin = Line(1, [*_words(57, 150, "Verwaltungshaushalt"), *_words(525, 150, "0,00 EUR")])  # to 558
    joined = join_wrapped_cells([row, wrapped, margin], [])
    assert len(joined) == 2
    ctx = _context(joined[:1])
    extract_checkboxes(ctx)
    assert [o.label for g in ctx.fields.values["checkboxes"] for o in g.options] == ["Nein", "Ja, siehe Anlage"] * 2
    # Alone under the last cell, a word that would have fitted stays a line of its own.
    alone = Line(1, _words(462, 65, "Anlage"))
    assert len(join_wrapped_cells([row, alone, margin], [])) == 3
    # So does it in a table without boxes, beside a cell that wraps (an agenda item and its papers).
    plain = Line(
        1,
        [
            *_words(57, 54, "TOP 3"),
            *_words(120, 54, "Umbau und Erweiterung der Grundschule am Anger sowie Sanierung der großen"),
            *_words(462, 54, "V/12"),
        ],
    )
    under = Line(1, [*_words(120, 65, "Turnhalle"), *_words(462, 65, "V/13")])
    assert len(join_wrapped_cells([plain, under, margin], [])) == 3


def test_a_row_below_a_checkbox_row_is_no_wrap() -> None:
    # A line that starts at a cell edge but follows far below, or would have fitted on the
    # line above, is a row of its own ("↓ Personal- und Sachkosten" under "Ja →").
    row = Line(1, [*_words(57, 76, "Finanzielle Auswirkungen"), _box(188, 76, False), *_words(200, 76, "Nein")])
    row.tokens = [*row.tokens, _box(242, 76, True), *_words(254, 76, "Ja"), *_words(306, 76, "Nutzen/Einsparung")]
    below = Line(1, _words(242, 100, "↓ Personal- und Sachkosten"))
    short = Line(1, _words(242, 87, "Text"))
    assert len(join_wrapped_cells([row, below], [])) == 2
    assert len(join_wrapped_cells([row, short], [])) == 2


def test_a_line_under_a_short_cover_cell_is_no_wrap() -> None:
    # The cover without its box: "Stadtrat" under "Drucksache 0645/25" starts at its edge,
    # but "Drucksache 0645/25" ended far before the margin: a new line, not a wrap.
    lines = [
        Line(1, [*_words(57, 57, "AfD-Fraktion"), *_words(355, 57, "Drucksache 0645/25")]),
        Line(1, _words(355, 68, "Stadtrat")),
        Line(
            1,
            _words(
                57,
                200,
                "Begründung des Antrags mit einer langen Zeile, die bis an den rechten Rand der Seite reicht, "
                "wie Fließtext",
            ),
        ),
    ]
    assert [line.text for line in join_wrapped_cells(lines, [])] == [
        "AfD-Fraktion Drucksache 0645/25",
        "Stadtrat",
        "Begründung des Antrags mit einer langen Zeile, die bis an den rechten Rand der Seite reicht, wie Fließtext",
    ]


def test_a_label_under_a_label_is_the_next_row_of_a_label_column() -> None:
    # Regression: in a narrow block of labels and values beside a wide head ("Drucksache Nr.:
    # 2025/0748" over "Datum: 19.03.2025"), "Datum:" would not have fitted after "Nr.:", so the
    # second row was joined onto the first as a wrap.
    lines = [
        Line(
            1,
            [
                *_words(57, 31, "Landkreis Havelland"),
                *_words(401, 33, "Drucksache Nr.:"),
                *_words(491, 33, "2025/0748"),
            ],
        ),
        Line(1, [*_words(401, 45, "Datum:"), *_words(491, 45, "19.03.2025")]),
    ]
    assert [line.text for line in join_wrapped_cells(lines, [])] == [
        "Landkreis Havelland Drucksache Nr.: 2025/0748",
        "Datum: 19.03.2025",
    ]


def test_a_word_hyphenated_in_its_cell_is_joined() -> None:
    shapes = _grid([51, 200, 300], [100, 135])
    lines = [
        Line(1, [*_words(57, 102, "Personal-"), *_words(206, 102, "12.000,00")]),
        Line(1, _words(57, 113, "kosten")),
    ]
    (joined,) = join_wrapped_cells(lines, shapes)
    assert joined.text == "Personalkosten 12.000,00"
    assert joined.segments()[0][0].x0 == 57


def test_a_page_of_countless_rules_is_not_read_for_cells() -> None:
    # Every pair of a horizontal and a vertical rule is tested for a corner: a drawing or a
    # hostile page with thousands of rules would take minutes, and holds no paper's table.
    xs = [10.0 + 5 * i for i in range(120)]
    ys = [10.0 + 5 * j for j in range(120)]
    shapes = [Shape("line", xs[0], y, xs[-1], y) for y in ys] + [Shape("line", x, ys[0], x, ys[-1]) for x in xs]
    assert ruled_cells(shapes) == []


def test_a_ruled_form_row_keeps_the_lines_of_its_running_text() -> None:
    # Regression (margin-vorlage variants): a form drawn as a ruled table of label and content
    # cells had its whole Sachverhalt joined onto the label's line, the paragraphs lost.
    shapes = _grid([53, 180, 544], [100, 160])
    lines = [
        Line(1, [*_words(57, 102, "Sachverhalt:")]),
        Line(1, _words(186, 102, "Der Kreistag hat die Planung")),
        Line(1, _words(186, 113, "im Mai beschlossen.")),
        Line(1, _words(186, 135, "Die Kosten betragen 1,2 Mio. EUR.")),
    ]
    assert [line.text for line in join_wrapped_cells(lines, shapes)] == [
        "Sachverhalt:",
        "Der Kreistag hat die Planung",
        "im Mai beschlossen.",
        "Die Kosten betragen 1,2 Mio. EUR.",
    ]


def test_a_label_wrapped_in_a_ruled_form_row_stays_beside_its_boxes() -> None:
    # Regression: a table drawn in the content cell has cells of its own, so the form's row keeps
    # its lines; the label "Finanzielle" over "Auswirkungen:" is joined beside the check boxes.
    shapes = _grid([53, 180, 544], [100, 170]) + _grid([186, 300, 380], [125, 140, 155])
    boxes = [_box(186, 102, True), *_words(198, 102, "ja"), _box(230, 102, False), *_words(242, 102, "nein")]
    lines = [
        Line(1, [*_words(57, 102, "Finanzielle"), *boxes]),
        Line(1, _words(57, 113, "Auswirkungen:")),
        Line(1, [*_words(190, 127, "Erträge"), *_words(330, 127, "10.000,00")]),
        Line(1, [*_words(190, 142, "Aufwendungen"), *_words(330, 142, "49.000,00")]),
    ]
    joined = join_wrapped_cells(lines, shapes)
    assert [line.text for line in joined] == [
        "Finanzielle Auswirkungen: ja nein",
        "Erträge 10.000,00",
        "Aufwendungen 49.000,00",
    ]


def test_a_frame_side_in_a_narrow_gap_parts_the_segments() -> None:
    # Seed-13 erfurt-docx variant 12: the title's line ran on to "öffentlich" in the number box
    # 12 pt to its right (under a segment gap of 11 pt type); read as one segment, the title got
    # the word and the paper's public state was lost.
    def line() -> Line:
        words = [("Stadtpark", 260.8, 311.6), ("unter", 314.6, 342.1), ("öffentlich", 354.5, 398.5)]
        return Line(1, [Token(text, x0, 110, x1, 121, 11.0) for text, x0, x1 in words])

    framed = join_wrapped_cells([line()], _frame(349, 57, 533, 139))
    assert [[t.text for t in seg] for seg in framed[0].segments()] == [["Stadtpark", "unter"], ["öffentlich"]]
    assert len(join_wrapped_cells([line()], [])[0].segments()) == 1
    # A rule that ends above the line parts nothing.
    assert len(join_wrapped_cells([line()], _frame(349, 20, 533, 100))[0].segments()) == 1


def test_cell_index_keeps_only_the_squares_where_words_stand() -> None:
    """A damaged content stream may draw rules billions of points long (fixtures/regressions/
    fuzz-rule-to-infinity.pdf); indexing every 32-point square of such a cell took gigabytes. The
    index keeps only the squares over the page's words, and still finds their cell."""
    from ratsdoc.layout.cells import _CellIndex

    word = Token("Betrag", 100, 100, 130, 110, 10.0)
    huge = Cell(0.0, 0.0, 2e5, 2e4)
    index = _CellIndex([huge], [Line(1, [word])])
    assert index.find(word) == huge
    assert len(index._squares) <= 4
    assert _CellIndex([huge], []).find(word) is None


def test_regular_text_under_a_larger_bold_heading_that_fills_its_line_is_no_wrap() -> None:
    # Regression: minutes whose item heading ("1." beside its bold title, a cell edge at the title)
    # fills its line had the first line of the regular text under it joined to the title.
    def run(x: float, top: float, text: str, size: float, bold: bool) -> list[Token]:
        tokens = []
        for word in text.split():
            tokens.append(Token(word, x, top, x + 0.55 * size * len(word), top + size, size, bold))
            x += 0.55 * size * len(word) + 0.3 * size
        return tokens

    # The title runs to the right margin: the next line's first word would not have fitted after it.
    title = "Genehmigung der Niederschrift über die öffentliche Sitzung vom 12.03.2024"
    heading = Line(1, [*run(50, 100, "1.", 11, True), *run(105, 100, title, 11, True)])
    assert heading.x1 > 500
    text = Line(1, run(105, 114, "Die Verwaltung erläutert die Vorlage.", 10, False))
    margin = Line(1, run(50, 140, "Seite eins von zwei der Niederschrift über die Sitzung", 10, False))
    joined = join_wrapped_cells([heading, text, margin], [])
    assert [line.text for line in joined][1] == "Die Verwaltung erläutert die Vorlage."
