"""Reading order of OCRed pages with a side block (ocr/blocks.py), on synthetic word boxes."""

from __future__ import annotations

from ratsdoc.layout.lines import Line, Token
from ratsdoc.ocr.blocks import find_side_block, side_block_order

WIDTH = 595.0
SIZE = 10.0


def _line(top: float, *parts: tuple[float, str]) -> Line:
    """A line at ``top`` with each part's words starting at its x, 5 pt per letter, 3 pt apart."""
    tokens = []
    for x, text in parts:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 5 * len(word), top + SIZE, SIZE))
            x += 5 * len(word) + 3
    return Line(1, tokens)


BODY = [
    "die Geschäftsführung hat sich zu Beginn des Jahres",
    "mit dem Thema Frauen in Führungspositionen befasst",
    "und einen besonderen Bedarf dem Arbeitskreis genannt",
    "Die Mitglieder des Arbeitskreises waren sich einig",
    "dass sich die Gesellschaften des Themas annehmen",
    "Auf Basis der spezifischen Gegebenheiten in den",
    "Gesellschaften sollte jedes Unternehmen handeln",
    "Die Thematik wird im Arbeitskreis weiter behandelt",
]
SIDE = ["Postanschrift:", "Parkgürtel 24", "50823 Köln", "Tel. 0221 178-0", "Geschäftsführung:", "Dr. Steinkamp"]


def _letterhead() -> list[Line]:
    """Body rows every 14 pt and a side column at x 470 every 12 pt, so that its rows fall
    partly beside body rows (one line each) and partly between them (rows of their own)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for i, text in enumerate(BODY):
        rows.setdefault(100 + 14 * i, []).append((70, text))
    for i, text in enumerate(SIDE):
        top = 100 + 12 * i
        key = next((t for t in rows if abs(t - top) < 5), top)
        rows.setdefault(key, []).append((470, text))
    return [_line(top, *parts) for top, parts in sorted(rows.items())]


def test_side_column_is_read_after_the_body() -> None:
    lines = _letterhead()
    assert any("Arbeitskreis" in ln.text and "Köln" in ln.text for ln in lines)  # rows run across
    ordered = side_block_order(lines, WIDTH)
    assert [ln.text for ln in ordered] == BODY + SIDE


def test_lines_above_and_below_keep_their_place() -> None:
    # Both run across the side column's x (470): the block ends above and below them.
    head = _line(40, (70, "Stadtwerke Köln GmbH Personal und Organisation"), (440, "Verwaltungsgebäude"))
    foot = _line(400, (70, "Seite 1 von 2 und eine Fußzeile über die Breite"), (440, "Geschäftsführung"))
    ordered = side_block_order([head, *_letterhead(), foot], WIDTH)
    assert [ln.text for ln in ordered] == [head.text, *BODY, *SIDE, foot.text]


def test_side_column_on_the_left() -> None:
    rows = [
        _line(100 + 14 * i, *([(30, SIDE[i])] if i < len(SIDE) and i % 2 == 0 else []), (160, text))
        for i, text in enumerate(BODY)
    ]
    rows += [_line(107 + 14 * i, (30, SIDE[i])) for i in range(1, len(SIDE), 2)]
    rows.sort(key=lambda ln: ln.top)
    block = find_side_block(rows, WIDTH)
    assert block is not None and not block.right
    ordered = side_block_order(rows, WIDTH)
    assert [ln.text for ln in ordered] == BODY + SIDE


def test_table_rows_stay_rows() -> None:
    # A Beratungsfolge-like table: every cell shares its row, the right column starts at one x.
    cells = [
        ("Bezirksvertretung Mitte zur Vorberatung heute", "Vorberatung"),
        ("Ausschuss für Umwelt und Grün zur Beratung", "Beratung"),
        ("Hauptausschuss der Stadt Köln und Rat", "Vorberatung"),
        ("Rat der Stadt Köln in seiner Sitzung", "Entscheidung"),
        ("Bezirksvertretung Lindenthal zur Anhörung", "Anhörung"),
        ("Finanzausschuss in der nächsten Sitzung", "Kenntnis"),
    ]
    rows = [_line(100 + 14 * i, (70, left), (470, right)) for i, (left, right) in enumerate(cells)]
    assert find_side_block(rows, WIDTH) is None
    assert side_block_order(rows, WIDTH) == rows


def test_two_columns_of_running_text_are_left_to_layout_columns() -> None:
    rows = [_line(100 + 14 * i, (40, text), (310, text)) for i, text in enumerate(BODY)]
    assert find_side_block(rows, WIDTH) is None


def test_words_across_the_gap_end_the_block() -> None:
    lines = _letterhead()
    across = _line(230, (70, "Eine Zeile quer über die Seite"), (440, "Verwaltungsgebäude"))
    block = find_side_block([*lines, across], WIDTH)
    assert block is not None and block.last == len(lines) - 1
