"""A line of print and a stamp that Tesseract joined into one line (ocr/mixed_lines.py)."""

from __future__ import annotations

from ratsdoc.ocr.engine import OcrWord
from ratsdoc.ocr.mixed_lines import split_mixed_lines
from ratsdoc.ocr.regular import irregular_words


def _print_lines() -> list[OcrWord]:
    """Ten regular lines of print, words 36 px high, read with confidence 95."""
    words = []
    for row in range(10):
        top = 200 + 60 * row
        for col, text in enumerate(("Die", "Verwaltung", "wird", "gebeten")):
            words.append(OcrWord(text, 300 + 260 * col, top, 220, 36, top - 4, top + 44, 95.0))
    return words


# The salutation (confidence 91-97) and, to its right, a tilted stamp read as junk (0-35):
# Tesseract gave them one line band 1267-1424, four word heights high.
BAND = (1267, 1424)
SALUTATION = [
    OcrWord("sehr", 360, 1341, 60, 36, *BAND, 96.6),
    OcrWord("geehrter", 436, 1340, 130, 36, *BAND, 96.9),
    OcrWord("Herr", 584, 1342, 60, 36, *BAND, 93.2),
    OcrWord("Oberbürgermeister,", 661, 1340, 300, 44, *BAND, 91.7),
]
STAMP = [
    OcrWord("h", 1397, 1331, 30, 60, *BAND, 0.0),
    OcrWord("tlindenthal", 1445, 1361, 200, 50, *BAND, 0.0),
    OcrWord("uge-", 1668, 1378, 90, 46, *BAND, 0.0),
    OcrWord("3", 1882, 1366, 20, 40, *BAND, 33.8),
]


def test_print_beside_a_stamp_survives_the_stamp_filter() -> None:
    words = _print_lines() + SALUTATION + STAMP
    before, _ = irregular_words(words)
    assert not any(w.text == "geehrter" for w in before)  # the whole line went
    kept, dropped = irregular_words(split_mixed_lines(words))
    texts = [w.text for w in kept]
    assert [t for t in texts if t in {w.text for w in SALUTATION}] == [w.text for w in SALUTATION]
    assert not any(w.text in texts for w in STAMP)
    assert dropped
    salutation = [w for w in kept if w.text in {s.text for s in SALUTATION}]
    assert {(w.line_top, w.line_bottom) for w in salutation} == {(1340, 1384)}


def test_regular_lines_are_left_alone() -> None:
    words = _print_lines()
    assert split_mixed_lines(words) is words


def test_lone_sure_word_in_a_stamp_line_stays_with_it() -> None:
    words = [*_print_lines(), OcrWord("Eingang", 1400, 1330, 150, 40, *BAND, 88.0), *STAMP]
    assert split_mixed_lines(words) is words


def test_table_row_with_a_wrapped_cell_is_left_alone() -> None:
    # A sure line two rows high: the wrapped first cell's two lines and a centred cell beside.
    band = (1260, 1350)
    row = [
        OcrWord("Ausschuss", 300, 1262, 200, 36, *band, 95.0),
        OcrWord("für", 520, 1262, 60, 36, *band, 95.0),
        OcrWord("öffentliche", 600, 1262, 220, 36, *band, 95.0),
        OcrWord("Ordnung,", 300, 1310, 180, 36, *band, 93.0),
        OcrWord("Vorberatung", 1200, 1286, 240, 36, *band, 94.0),
        OcrWord("Ö", 1600, 1286, 30, 36, *band, 40.0),
    ]
    words = _print_lines() + row
    assert split_mixed_lines(words) is words


# A title's wrapped last line (confidence 92-93) and, far to its right, two scraps of a stamp's
# lower edge (0-26): one line band of ordinary height, 40 px, whose mean confidence (53) had the
# whole line dropped, title words and all.
LOW_BAND = (778, 818)
TITLE_END = [
    OcrWord("eine", 419, 779, 86, 30, *LOW_BAND, 93.3),
    OcrWord("Baumpflanzung", 522, 778, 315, 38, *LOW_BAND, 92.5),
]
STAMP_EDGE = [
    OcrWord("LRas", 1365, 806, 92, 12, *LOW_BAND, 0.0),
    OcrWord("RR", 1468, 807, 38, 9, *LOW_BAND, 25.7),
]


def test_print_beside_a_stamp_in_a_line_of_ordinary_height_survives() -> None:
    words = _print_lines() + TITLE_END + STAMP_EDGE
    kept, dropped = irregular_words(split_mixed_lines(words))
    texts = [w.text for w in kept]
    assert "eine" in texts and "Baumpflanzung" in texts
    assert "LRas" not in texts and "RR" not in texts
    assert dropped


def test_unsure_words_inside_a_line_of_print_are_not_split_off() -> None:
    # The unsure words stand within the line, a word space from the sure ones: one line of print
    # read badly, judged whole as before.
    band = (1500, 1540)
    line = [
        OcrWord("Die", 300, 1502, 60, 36, *band, 90.0),
        OcrWord("Kosten", 380, 1502, 120, 36, *band, 90.0),
        OcrWord("betragen", 520, 1502, 150, 36, *band, 20.0),
        OcrWord("rund", 690, 1502, 80, 36, *band, 10.0),
    ]
    words = _print_lines() + line
    assert split_mixed_lines(words) is words


# A pen tick drawn through "Mit freundlichen Grüßen": "Mit" read with confidence 97 beside the
# stroke, the crossed words read as one huge unsure word (129 px, three page word heights) and a
# scrap. Tesseract gave them one line band, mean confidence 47: dropped whole, "Mit" and all.
CROSSED_BAND = (1384, 1513)
CROSSED_PRINT = OcrWord("Mit", 241, 1419, 53, 43, *CROSSED_BAND, 97.0)
STROKE = [
    OcrWord("reundicen", 305, 1384, 201, 129, *CROSSED_BAND, 0.0),
    OcrWord("fen", 537, 1388, 114, 121, *CROSSED_BAND, 44.0),
]


def test_print_crossed_by_a_pen_stroke_keeps_its_sure_words() -> None:
    words = [*_print_lines(), CROSSED_PRINT, *STROKE]
    before, _ = irregular_words(words)
    assert "Mit" not in [w.text for w in before]  # the whole line went
    kept, dropped = irregular_words(split_mixed_lines(words))
    texts = [w.text for w in kept]
    assert "Mit" in texts
    assert "reundicen" not in texts and "fen" not in texts
    assert dropped
    assert [(w.line_top, w.line_bottom) for w in kept if w.text == "Mit"] == [(1419, 1462)]


def test_print_crossed_by_a_stroke_after_a_run_of_print_keeps_its_sure_words() -> None:
    # A title's sure words, then the stroke through its last words and "die" beyond it, one band.
    band = (932, 1024)
    title = [
        OcrWord(text, 300 + 250 * i, 937, 220, 36, *band, 95.0) for i, text in enumerate(("Thema:", "Erweiterung"))
    ]
    crossed = [OcrWord("Eiopnieder", 1000, 932, 214, 92, *band, 0.0), OcrWord("die", 1225, 936, 52, 36, *band, 96.0)]
    words = [*_print_lines(), *title, *crossed]
    kept, _ = irregular_words(split_mixed_lines(words))
    texts = [w.text for w in kept]
    assert "die" in texts and "Erweiterung" in texts and "Eiopnieder" not in texts


def test_stroke_scraps_and_unsure_print_beside_a_stroke_still_go() -> None:
    # A word under the stroke's columns, an unsure word and a one-letter word are not kept.
    words = [
        *_print_lines(),
        OcrWord("Gr", 400, 1420, 40, 36, *CROSSED_BAND, 95.0),
        OcrWord("Anlage", 700, 1420, 120, 36, *CROSSED_BAND, 56.0),
        OcrWord("N", 900, 1420, 30, 36, *CROSSED_BAND, 96.0),
        OcrWord("ee", 1000, 1420, 40, 36, *CROSSED_BAND, 0.0),
        *STROKE,
    ]
    kept, _ = irregular_words(split_mixed_lines(words))
    assert not {"Gr", "Anlage", "N"} & {w.text for w in kept}


def test_sure_word_in_a_line_without_a_stroke_is_not_split_off() -> None:
    # No huge word: a stamp's sure letters stay with the stamp (as above), judged whole.
    words = [*_print_lines(), OcrWord("Eingang", 1400, 1330, 150, 40, *BAND, 95.0), *STAMP]
    assert split_mixed_lines(words) is words


# A type heading at the text's left edge (x 300, twice the text's height, read with 97) and, far
# to its right, the back page showing through (20-47): Tesseract gave them one line, whose band is
# the heading's own.
HEADING_BAND = (1000, 1071)
HEADING = OcrWord("Protokoll", 302, 1000, 300, 71, *HEADING_BAND, 96.8)
SHOW_THROUGH = [
    OcrWord("ET", 1439, 1020, 40, 30, *HEADING_BAND, 20.3),
    OcrWord("nn", 1696, 1040, 30, 13, *HEADING_BAND, 36.2),
    OcrWord("TEN,", 1803, 1030, 80, 39, *HEADING_BAND, 46.7),
]


def test_a_one_word_heading_at_the_left_edge_survives_what_shows_through_beside_it() -> None:
    words = [*_print_lines(), HEADING, *SHOW_THROUGH]
    before, _ = irregular_words(words)
    assert "Protokoll" not in [w.text for w in before]  # the whole line went
    kept, dropped = irregular_words(split_mixed_lines(words))
    texts = [w.text for w in kept]
    assert "Protokoll" in texts
    assert not any(w.text in texts for w in SHOW_THROUGH)
    assert dropped


def test_a_one_word_run_away_from_the_left_edge_or_of_text_height_is_no_heading() -> None:
    """One sure word may be a stamp's ('EINGANG'): alone it is kept only as a heading."""
    elsewhere = OcrWord("Protokoll", 900, 1000, 300, 71, *HEADING_BAND, 96.8)
    small = OcrWord("Eingang", 302, 1030, 160, 36, *HEADING_BAND, 96.8)
    # A label of the text's type with ascenders and descenders, its value and a pen note beside it.
    label = OcrWord("Sitzungstermin:", 302, 1020, 300, 46, *HEADING_BAND, 96.8)
    for word in (elsewhere, small, label):
        kept, _ = irregular_words(split_mixed_lines([*_print_lines(), word, *SHOW_THROUGH]))
        assert word.text not in [w.text for w in kept]
