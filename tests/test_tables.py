"""Tables inside running text: columns learnt from aligned edges, wrapped cells, repeated headers."""

from __future__ import annotations

from ratsdoc.extract.tables import fits, learn_columns, read_rows
from ratsdoc.layout.lines import Line, Token

from .conftest import text_line

HEADER = [(60, "Nr."), (100, "Haltestelle"), (250, "Richtung"), (330, "Ausbau")]


def test_rows_wrapped_cells_and_repeated_header() -> None:
    lines = [
        text_line(100, HEADER),
        text_line(115, [(60, "1"), (100, "Am Horn"), (250, "stadteinwärts"), (330, "2025")]),
        text_line(127, [(100, "(Nord)")]),  # the Haltestelle cell wraps
        text_line(140, [(60, "2"), (100, "Bahnhof"), (250, "Bussteig A"), (330, "2026")]),
        text_line(100, HEADER, page=2),  # the header again on the next page
        text_line(115, [(60, "3"), (100, "Goetheplatz"), (250, "Bussteig 1"), (330, "2027")], page=2),
    ]
    columns = learn_columns(lines)
    assert columns == [60, 100, 250, 330]
    assert all(fits(line, columns) for line in lines)
    assert read_rows(lines, columns) == [
        "Nr. | Haltestelle | Richtung | Ausbau",
        "1 | Am Horn (Nord) | stadteinwärts | 2025",
        "2 | Bahnhof | Bussteig A | 2026",
        "3 | Goetheplatz | Bussteig 1 | 2027",
    ]


def test_running_text_is_not_a_row() -> None:
    columns = [60.0, 100.0, 250.0, 330.0]
    prose = text_line(200, [(60, "Der Nahverkehrsplan verfolgt das Ziel den Anteil zu steigern")])
    assert not fits(prose, columns)


def test_running_text_with_a_word_on_a_column_edge_is_not_a_row() -> None:
    # Regression: a paragraph under a synopsis, its line across both columns, had a word start on
    # the second column's edge by chance; the paragraph was read as the table's rows (silent).
    columns = [60.0, 153.0]
    prose = text_line(200, [(60, "Die Gebühren neu"), (153, "ermittelt und die Kalkulation liegt vor.")])
    assert len(prose.segments()) == 1  # a word on the edge after a space like the others
    assert not fits(prose, columns)
    # Two cells in one segment stand apart by more than a space: a header row's.
    header = text_line(100, [(60, "Bisherige Fassung"), (165, "Neue Fassung")])
    assert fits(header, [60.0, 165.0])


def test_a_lone_wide_line_learns_no_columns() -> None:
    # Regression: a single line with wide gaps once crashed the table reader (no columns).
    lone = [text_line(100, [(60, "Köln,"), (200, "den"), (400, "14.12.2021")])]
    assert learn_columns(lone) == []
    assert read_rows(lone, []) == ["Köln, den 14.12.2021"]


def test_an_answer_cell_keeps_the_paragraphs_its_spacing_parts() -> None:
    # Answers typed in Word, seed 5, papers 6, 9 and 18: a ruled row's answer cell is read as one
    # line; the space Word sets after a paragraph parted its paragraphs, which were joined.
    def word(text: str, x: float, top: float) -> Token:
        return Token(text, x, top, x + 6 * len(text), top + 9.5, 9.5)

    tokens = [word("Frage", 71, 265.6), word("1:", 110, 265.6), word("Wann?", 130, 265.6)]
    rows = [(265.6, "Nein. Die Maßnahme ist"), (276.7, "erforderlich. Das Bauamt hat"), (287.7, "geprüft.")]
    rows += [(302.7, "Für die Musikschule ist"), (313.8, "eine Anlage vorgesehen.")]
    for top, text in rows:
        x = 266.0
        for part in text.split():
            tokens.append(word(part, x, top))
            x += 6 * len(part) + 3
    line = Line(1, sorted(tokens, key=lambda t: (t.x0 >= 266, t.top, t.x0)))
    assert read_rows([line], [71.0, 266.0], paragraphs=True) == [
        "Frage 1: Wann? | Nein. Die Maßnahme ist erforderlich. Das Bauamt hat geprüft.\n\n"
        "Für die Musikschule ist eine Anlage vorgesehen."
    ]
    # Without asking for paragraphs the cell is one text, as a table's cell is.
    assert "\n" not in read_rows([line], [71.0, 266.0])[0]


def test_one_question_beside_its_answer_is_read_question_first() -> None:
    # Answers typed in Word, seed 11, paper 10: a table of one question row, its cells read as one
    # line, gave the question and its answer as one paragraph.
    from ratsdoc.extract.sections import single_question

    def word(text: str, x: float, top: float) -> Token:
        return Token(text, x, top, x + 6 * len(text), top + 9.5, 9.5)

    cells = [
        (71, 249.2, "Frage 1: Wie ist der Stand der"),
        (265, 249.2, "Nein. Die Maßnahme ist erforderlich."),
        (71, 259.7, "Lärmschutzwand am Lessingplatz?"),
        (265, 259.7, "Der Ortsteilrat hat das Gutachten"),
        (265, 270.2, "berücksichtigt."),
    ]
    tokens = []
    for x, top, text in cells:
        for part in text.split():
            tokens.append(word(part, x, top))
            x += 6 * len(part) + 3
    assert single_question(Line(1, tokens)) == [
        (
            "Frage 1: Wie ist der Stand der Lärmschutzwand am Lessingplatz?",
            "Nein. Die Maßnahme ist erforderlich. Der Ortsteilrat hat das Gutachten berücksichtigt.",
        )
    ]
    assert single_question(text_line(100, [(71, "Betreff:"), (200, "Sanierung der Turnhalle")])) == []


def test_an_answer_cell_read_line_by_line_keeps_its_paragraphs() -> None:
    # Seed 11, papers 18 and 36: a row's answer goes on over the next page, each of its lines read
    # apart; a paragraph's 4 pt more than the cell's pitch parts two of its paragraphs.
    lines = [
        text_line(100, [(71, "1. Wie ist der Stand?"), (289, "Die Arbeiten sollen bis Ende")]),
        text_line(113, [(289, "2026 abgeschlossen werden.")]),
        text_line(130, [(289, "Für die Musikschule ist eine")]),
        text_line(143, [(289, "Anlage vorgesehen.")]),
        text_line(156, [(289, "Das Bauamt hat dies geprüft.")]),
    ]
    assert read_rows(lines, [71.0, 289.0], paragraphs=True) == [
        "1. Wie ist der Stand? | Die Arbeiten sollen bis Ende 2026 abgeschlossen werden.\n\n"
        "Für die Musikschule ist eine Anlage vorgesehen. Das Bauamt hat dies geprüft."
    ]
    # Without paragraphs asked for the cell is one text.
    assert "\n" not in read_rows(lines, [71.0, 289.0])[0]
