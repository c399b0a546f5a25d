"""Table rules found in a scan's pixels (ocr/pixel_rules.py) and what they are for: a wrapped
cell of a scanned table is joined like a born-digital one, and a table is no side block."""

from __future__ import annotations

import pytest

from ratsdoc.layout.cells import join_wrapped_cells
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.ruled_cells import ruled_cells
from ratsdoc.ocr.blocks import find_side_block
from ratsdoc.ocr.pixel_rules import rule_shapes

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
pytest.importorskip("numpy")

DPI = 300
#: Column edges and row edges of a 3 × 2 table, in points.
COLUMNS = (50.0, 200.0, 380.0, 540.0)
ROWS = (100.0, 180.0, 260.0)


def _table(turn: float = 0.0) -> Image.Image:
    """A page with the table's rules drawn 2 px thick, turned by ``turn`` degrees as a scanner
    feeds a page slightly askew."""
    scale = DPI / 72
    image = Image.new("L", (int(595 * scale), int(400 * scale)), 255)
    draw = ImageDraw.Draw(image)
    for x in COLUMNS:
        draw.line([(x * scale, ROWS[0] * scale), (x * scale, ROWS[-1] * scale)], fill=30, width=2)
    for y in ROWS:
        draw.line([(COLUMNS[0] * scale, y * scale), (COLUMNS[-1] * scale, y * scale)], fill=30, width=2)
    draw.text((60 * scale, 120 * scale), "Text", fill=0)  # letters are no rules
    return image.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=255) if turn else image


@pytest.mark.parametrize("turn", [0.0, 0.2])
def test_rules_of_a_scanned_table_make_its_cells(turn: float) -> None:
    cells = ruled_cells(rule_shapes(_table(turn), DPI))
    assert len(cells) == 6
    for cell in cells:
        assert any(abs(cell.x0 - x) < 2.5 for x in COLUMNS) and any(abs(cell.top - y) < 2.5 for y in ROWS)


def test_blank_page_has_no_rules() -> None:
    assert rule_shapes(Image.new("L", (600, 800), 255), DPI) == ()


def _token(text: str, x: float, top: float) -> Token:
    return Token(text, x, top, x + 6 * len(text), top + 10, 10.0)


def test_wrapped_cell_of_a_scanned_table_is_joined() -> None:
    shapes = rule_shapes(_table(), DPI)
    lines = [
        Line(1, [_token("Leitlinien", 210, 110), _token("zur", 280, 110), _token("Ziel:", 390, 110)]),
        Line(1, [_token("Förderung", 210, 124), _token("35", 390, 124)]),
        Line(1, [_token("beschlossen", 210, 138)]),
    ]
    joined = join_wrapped_cells(lines, shapes)
    assert [ln.text for ln in joined] == ["Leitlinien zur Förderung beschlossen Ziel: 35"]


def test_table_lines_belong_to_no_side_block() -> None:
    # Rows of a ruled table whose last column would pass for a side block without its rules.
    body = "Verwaltung Vorstand und Betriebsrat haben Leitlinien vereinbart"
    lines = []
    for i in range(8):
        top = 110 + 17 * i
        tokens = [_token(w, 60 + 60 * j, top) for j, w in enumerate(body.split()[:5])]
        lines.append(Line(1, tokens))
    for i in range(6):
        top = 118 + 17 * i if i % 2 else 110 + 17 * i
        lines.append(Line(1, [_token("Beauftragte", 392, top), _token("PA", 470, top)]))
    lines.sort(key=lambda ln: ln.top)
    shapes = rule_shapes(_table(), DPI)
    assert find_side_block(lines, 595.0, shapes) is None
