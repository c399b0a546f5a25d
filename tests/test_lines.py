"""Line building on synthetic pages: words, fake bold, checkbox marks on their lines."""

from __future__ import annotations

from ratsdoc.layout.lines import Line, Token, mostly_bold, page_lines, tokens_text
from ratsdoc.layout.model import Annotation, Char, Page, Shape


def _word(text: str, x: float, top: float, size: float = 10.0, font: str = "Helvetica") -> list[Char]:
    chars, pos = [], x
    for ch in text:
        width = 2.2 if ch in "il" else 5.5
        chars.append(Char(ch, pos, top, pos + width, top + size, font, size))
        pos += width
    return chars


def _page(chars: list[Char], shapes: tuple[Shape, ...] = (), annots: tuple[Annotation, ...] = ()) -> Page:
    return Page(number=1, width=595, height=842, chars=tuple(chars), shapes=shapes, annotations=annots)


def test_double_letters_survive_and_fake_bold_is_merged() -> None:
    # Regression: "ll" in "Modellprojekt" was once taken for a fake-bold duplicate.
    chars = _word("Modellprojekt", 50, 100)
    bold = _word("Ja", 50, 130)
    bold += [Char(c.text, c.x0 + 0.3, c.top, c.x1 + 0.3, c.bottom, c.fontname, c.size) for c in bold]
    lines = page_lines(_page(chars + bold))
    assert [line.text for line in lines] == ["Modellprojekt", "Ja"]


def test_column_gap_splits_segments_but_not_words() -> None:
    chars = _word("Stadtrat", 50, 100) + _word("25.01.2023", 300, 100)
    (line,) = page_lines(_page(chars))
    assert line.text == "Stadtrat 25.01.2023"
    assert [[t.text for t in seg] for seg in line.segments()] == [["Stadtrat"], ["25.01.2023"]]


def test_a_number_filling_its_tab_stop_is_a_word_apart_from_its_title() -> None:
    # Regression: "10.1.1" ended 1.3 pt before "Neubau" (a seventh of the size), read as one word
    # "10.1.1Neubau", and the item was lost. Within a word a letter after a digit is set tight.
    number = _word("10.1.1", 50, 100)
    title = _word("Neubau", number[-1].x1 + 1.3, 100)
    tight = _word("3a", 50, 130)
    lines = page_lines(_page(number + title + tight))
    assert [line.text for line in lines] == ["10.1.1 Neubau", "3a"]


def test_marks_join_the_line_they_sit_on() -> None:
    chars = _word("Fristwahrung", 50, 100) + _word("Ja", 180, 100) + _word("Nein", 230, 100)
    box_empty = Shape("rect", 168, 101, 177, 110)
    box_ticked = Shape("rect", 218, 101, 227, 110)
    cross = Shape("line", 218, 101, 227, 110)
    widget = Annotation("checkbox", 300, 101, 309, 110, checked=True, field_name="Kontrollkästchen1")
    (line,) = page_lines(_page(chars, (box_empty, box_ticked, cross), (widget,)))
    assert [t.text for t in line.tokens] == ["Fristwahrung", "☐", "Ja", "☒", "Nein", "☒"]
    assert line.text == "Fristwahrung Ja Nein"


def test_symbol_bullets_are_not_boxes() -> None:
    chars = [Char("\uf0b7", 50, 100, 55, 110, "Symbol", 10.0), *_word("Aufbau", 70, 100)]
    (line,) = page_lines(_page(chars))
    assert line.tokens[0].bullet and line.tokens[0].box is None
    assert line.text == "Aufbau"


def test_a_lines_text_size_is_that_of_most_of_its_words() -> None:
    # A punch hole OCR read as a 17.5 pt "®)" beside a salutation in 7-9 pt.
    tokens = [Token("®)", 16, 284, 30, 301, 17.5)]
    tokens += [
        Token(w, 70 + 40 * k, 284, 100 + 40 * k, 293, s)
        for k, (w, s) in enumerate((("Sehr", 7.4), ("geehrter", 9.1), ("Herr", 7.0)))
    ]
    line = Line(1, tokens)
    assert line.size == 17.5
    assert line.text_size == 9.1
    assert Line(1, []).text_size == 10.0


def _tokens(*words: tuple[str, bool]) -> list[Token]:
    return [
        Token(text, 50.0 + 60 * k, 100.0, 100.0 + 60 * k, 110.0, 10.0, bold=bold)
        for k, (text, bold) in enumerate(words)
    ]


def test_mostly_bold_weighs_letters_not_words() -> None:
    """A bold heading with a regular number beside it is bold; a regular sentence with one bold
    word is not; a line without words is not."""
    assert mostly_bold(Line(1, _tokens(("3.", False), ("Klimabudget", True), ("Stadtteilbeirat", True))))
    assert not mostly_bold(
        Line(1, _tokens(("Der", False), ("Beirat", True), ("beschließt", False), ("einstimmig", False)))
    )
    assert not mostly_bold(Line(1, []))


def test_tokens_text_joins_words_with_single_spaces() -> None:
    assert tokens_text(_tokens(("Amt", False), ("für", False), ("Verkehr", True))) == "Amt für Verkehr"
    assert tokens_text([]) == ""


def test_a_dot_leader_glued_to_its_words_is_a_word_of_its_own() -> None:
    # A tab's leader drawn right after a number and up to a title leaves no gap between them:
    # "2.2......Bauabschnitt" was one word, the number and the title hidden in it.
    chars = _word("TOP", 50, 100) + _word("2.2" + "." * 12 + "Bauabschnitt", 80, 100) + _word("Nord", 260, 100)
    (line,) = page_lines(_page(chars))
    assert [token.text for token in line.words] == ["TOP", "2.2", "." * 12, "Bauabschnitt", "Nord"]
    number, leader, title = line.words[1:4]
    assert number.x1 <= leader.x0 and leader.x1 <= title.x0


def test_an_ellipsis_stays_in_its_word() -> None:
    (line,) = page_lines(_page(_word("usw...", 50, 100) + _word("Titel....", 120, 100)))
    assert [token.text for token in line.words] == ["usw...", "Titel", "...."]


def test_a_side_column_s_rows_in_slightly_smaller_type_beside_a_letter_line_stay_apart() -> None:
    # Regression (paper families seed 97, office-frames 1): "Datum" (9 pt) over "24.01.2022"
    # (10 pt) in a column beside the salutation (11 pt, its band holding both): the two rows
    # were read as one, their glyphs interleaved ("D 24 a.t0 um 1.2022").
    chars = _word("Sehr", 71, 318, 11.0) + _word("geehrter", 100, 318, 11.0)
    chars += _word("Datum", 465, 316, 9.0) + _word("24.01.2022", 465, 322, 10.0)
    texts = [line.text for line in page_lines(_page(chars))]
    assert "Datum" in " ".join(texts) and any(text.endswith("24.01.2022") or text == "24.01.2022" for text in texts)
    assert not any("Datum" in text and "24.01.2022" in text for text in texts)


def test_two_lines_of_a_column_are_not_chained_into_one_row_by_a_column_beside_them() -> None:
    # Regression (gazette pages of three columns): the columns' baselines differ, and glyph boxes
    # taller than the line spacing let a row take a line of the next column and, through it, the
    # next line of the first column too: the two lines were read with their glyphs interleaved.
    chars = _word("Bearbeitung von", 50, 100) + _word("Bauanträgen und", 50, 108)
    chars += _word("Der Stadtrat hat", 300, 104)
    texts = sorted(line.text for line in page_lines(_page(chars)))
    assert "Bearbeitung von" in " ".join(texts) and "Bauanträgen und" in " ".join(texts)
    assert not any("Bearbeitung" in text and "Bauanträgen" in text for text in texts)
