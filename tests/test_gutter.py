"""The gutter search of two- and three-column pages (``layout/gutter.py``) on hand-built lines."""

from __future__ import annotations

from ratsdoc.layout.gutter import _crossed, crosses
from ratsdoc.layout.lines import Line

from .conftest import text_line


def test_the_lines_crossed_at_each_tried_x_are_those_crosses_finds() -> None:
    # _crossed marks, word by word, what crosses() asks line by line for every x a river tries;
    # edges that fall on a tried x, odd starts and an empty range included.
    lines = [
        text_line(100, [(50, "Bearbeitung von Bauanträgen"), (300, "Der Stadtrat")]),
        text_line(112, [(51, "und"), (199, "x"), (200.5, "Stellungnahmen")]),
        text_line(124, [(50, "Fundsachen")]),
    ]
    for tried in (range(40, 400, 2), range(41, 301, 2), range(10, 10, 2), range(60, 70, 2)):
        expected = [{i for i, ln in enumerate(lines) if crosses(ln, x)} for x in tried]
        assert _crossed(lines, tried) == expected


#: Word lengths of a row of running text (25 letters in five words: 162 points), varied from row
#: to row so that no word gap runs down the column.
_ROWS = [(4, 6, 5, 5, 5), (6, 4, 3, 7, 5), (5, 5, 6, 4, 5), (3, 7, 5, 6, 4), (7, 3, 4, 5, 6), (5, 6, 4, 3, 7)]


def _column(x: float, top: float, pitch: float, rows: int) -> list[Line]:
    """Rows of running text filling a column 165 points wide at ``x``, each on its own baseline."""
    return [text_line(top + pitch * k, [(x, " ".join("w" * n for n in _ROWS[k % len(_ROWS)]))]) for k in range(rows)]


#: A gazette's masthead in large type across the page, reaching past its columns.
_MASTHEAD = text_line(40, [(45, "Amts- und Mitteilungsblatt der Verbandsgemeinde Saale-Wipper Nr. 23")])


def test_two_columns_with_their_own_leading_under_a_wider_masthead() -> None:
    # Gazette notices, seed 13, paper 34: the masthead reached past the columns, so the middle
    # where the gutter was looked for lay right of it; the page was read line by line across
    # both columns.
    from ratsdoc.layout.gutter import two_columns

    lines = [_MASTHEAD, *_column(45, 80, 12.0, 20), *_column(220, 84, 13.0, 18)]
    lines.sort(key=lambda ln: ln.top)
    found = two_columns(lines)
    assert found is not None and 204 <= found.x <= 220 and found.start is not None and 218 <= found.start <= 221
    # One column of running text is no page of two.
    assert two_columns([_MASTHEAD, *_column(45, 80, 12.0, 20)]) is None


def test_three_columns_one_of_them_a_list_and_the_third_on_its_own_baselines() -> None:
    # Gazette notices, seed 13, papers 18 and 36: the third column's lines, on baselines of
    # their own, counted against the second column's alignment, and an agenda's short lines do
    # not fill their column: the page was read line by line across all three.
    from ratsdoc.layout.gutter import three_columns

    agenda = [text_line(80 + 14.0 * k, [(220, f"{k + 1}. Punkt")]) for k in range(12)]
    lines = [_MASTHEAD, *_column(45, 80, 12.0, 20), *agenda, *_column(395, 86, 12.5, 19)]
    lines.sort(key=lambda ln: ln.top)
    found = three_columns(lines)
    assert found is not None and 204 <= found.x <= 220 and found.start is not None and 218 <= found.start <= 221
    # A form's head in three columns (names under "Anwesende", "Entschuldigt", "Verteiler"; the
    # real Erlangen Niederschrift of 17 November 2022) is no grid: its full columns are short.
    form = [*_column(45, 80, 12.0, 8), *agenda[:6], *_column(395, 86, 12.5, 7)]
    assert three_columns(sorted(form, key=lambda ln: ln.top)) is None
    # Two lists and one column of text are no grid of columns.
    lists = [text_line(80 + 14.0 * k, [(395, f"{k + 1}. Punkt")]) for k in range(12)]
    assert three_columns(sorted([*_column(45, 80, 12.0, 20), *agenda, *lists], key=lambda ln: ln.top)) is None


def test_a_table_of_contents_in_two_columns_is_no_page_of_running_text() -> None:
    # Verbatim minutes, seed 97, their table of contents: items' titles ending in their page
    # numbers set apart ("Eröffnung und Begrüßung   2", "... ....... 5") beside the right
    # column's item numbers; read as two columns of text, a number went with the wrong column.
    from ratsdoc.layout.gutter import two_columns

    titles = ["Eröffnung und Begrüßung", "Anträge zur Tagesordnung", "Feststellung des Jahresabschlusses 2024"]
    rows = []
    for k in range(14):
        title = titles[k % 3][: 18 + (k * 5) % 16]
        leader = "." * int((255 - (53 + 6 * len(title))) / 6)  # the dots run up to the page number
        cells = [(50, f"{title} {leader}"), (262, f"{k + 2}"), (300, f"5.{k}"), (338, "Antrag der Fraktion Volt")]
        rows.append(text_line(100 + 13.0 * k, cells))
    assert two_columns(rows) is None


def test_a_column_of_two_lists_each_with_its_own_hanging_indent_is_a_column() -> None:
    # Gazette notices, seed 11, paper 11: a notice's points hang at one indent, an agenda's titles
    # at another; only the nearer counted, and the gutter beside the column was not found.
    from ratsdoc.layout.gutter import river

    left = _column(45, 80, 12.0, 22)
    right = [text_line(82 + 12.0 * k, [(219, f"{k + 1}. Punkt der Liste")]) for k in range(8)]
    right += [text_line(178 + 12.0 * k, [(235, "und so weiter hier")]) for k in range(6)]
    right += [text_line(250 + 12.0 * k, [(242, "Titel geht weiter")]) for k in range(8)]
    lines = sorted([*left, *right], key=lambda ln: ln.top)
    found = river(lines, (45.0, 360.0))
    assert found is not None and found.start is not None and 218 <= found.start <= 220
