"""Text of scans' own OCR layers: rules read as text (ocr/noise.py)."""

from __future__ import annotations

from ratsdoc.layout.lines import Line, Token
from ratsdoc.ocr.noise import without_rules


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
