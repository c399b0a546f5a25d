"""The gutter search of two- and three-column pages (``layout/gutter.py``) on hand-built lines."""

from __future__ import annotations

from ratsdoc.layout.gutter import _crossed, crosses

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
