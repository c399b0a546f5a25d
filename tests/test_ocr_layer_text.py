"""Text of scans' own OCR layers: rules read as text, punch holes read as signs (ocr/noise.py)."""

from __future__ import annotations

from ratsdoc.layout.lines import Line, Token, page_lines
from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr.noise import without_edge_signs, without_rules


def _line(top: float, *words: str) -> Line:
    tokens, x = [], 70.0
    for word in words:
        tokens.append(Token(word, x, top, x + 5 * len(word), top + 10, 10.0))
        x += 5 * len(word) + 3
    return Line(1, tokens)


def test_rule_read_as_dashes_goes() -> None:
    rule = _line(0, "----", "--", "-~~-----------------")
    text = _line(20, "Stadt", "Köln", "02.05.2012")
    assert [ln.text for ln in without_rules([rule, text])] == ["Stadt Köln 02.05.2012"]


def test_dashes_in_text_stay() -> None:
    lines = [
        _line(0, "Anlage", "1", "–", "Lageplan"),
        _line(20, "Kosten", "--", "wie", "besprochen"),
        _line(40, "-", "2", "-"),
    ]
    assert [ln.text for ln in without_rules(lines)] == ["Anlage 1 – Lageplan", "Kosten -- wie besprochen", "- 2 -"]


def test_rule_beside_text_leaves_the_text() -> None:
    lines = without_rules([_line(0, "Betreff:", "--", "__________", "Radweg")])
    assert [ln.text for ln in lines] == ["Betreff: Radweg"]


def _chars(text: str, x: float, top: float, height: float = 10.8) -> list[Char]:
    return [Char(c, x + 6 * k, top, x + 6 * k + 5, top + height, "GlyphLessFont", height) for k, c in enumerate(text)]


def test_a_punch_hole_read_as_a_tall_dash_does_not_move_a_line_up() -> None:
    # 382656 (a Köln scan's own layer), page 3: a "-" 41.6 pt high at the paper's left edge joined
    # the paragraph's last line and put it before the line above it.
    hole = Char("-", 6, 405, 20, 447, "GlyphLessFont", 41.6)
    chars = [*_chars("Eine Übersicht gibt Auskunft über den Stand in den", 78, 414), hole]
    chars += _chars("einzelnen Gesellschaften (Anlage).", 78, 427)
    page = Page(number=3, width=595, height=842, chars=tuple(chars), shapes=(), annotations=())
    assert [ln.text for ln in page_lines(without_edge_signs(page))] == [
        "Eine Übersicht gibt Auskunft über den Stand in den",
        "einzelnen Gesellschaften (Anlage).",
    ]
    # A sign of the text's own height at the edge, and a tall letter there, stay.
    kept = (Char("-", 6, 427, 11, 437, "GlyphLessFont", 10.8), Char("B", 6, 380, 30, 420, "GlyphLessFont", 40.0))
    text = [c for c in chars if c is not hole]
    page = Page(number=3, width=595, height=842, chars=(*text, *kept), shapes=(), annotations=())
    assert len(without_edge_signs(page).chars) == len(page.chars)
