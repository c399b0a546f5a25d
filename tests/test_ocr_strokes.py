"""Letters a worn copy changed into others ("Einzeinen" for "Einzelnen"), mended on unsure
words where one stroke's change makes the one listed word (``ocr/strokes.py``)."""

from __future__ import annotations

import pytest

from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr.strokes import mended_strokes

pytest.importorskip("spellchecker")

LINE = (100, 144)


def _word(text: str, confidence: float) -> ocr_engine.OcrWord:
    return ocr_engine.OcrWord(text, 100, 110, 80, 22, *LINE, confidence)


def test_a_broken_stroke_is_mended_on_unsure_words_only() -> None:
    """An unsure word one broken stroke away from exactly one listed word is mended; a sure
    word, a German word, a short word, a name whose neighbour is only a compound ("Bischleben",
    "bis|schieben"), a compound the word list lacks only with its umlauts
    ("Regenrückhaltebecken") and a word with a digit inside stay."""
    read = [
        _word("Einzeinen", 70),
        _word("Ausgieich", 83),
        _word("Mcter.", 60),
        _word("dahei", 75),
        _word("„beaniragen“", 80),
        _word("Rad-Stellplatz", 88),
        _word("Einzeinen", 97),
        _word("Stellung", 50),
        _word("Zahi", 40),
        _word("Herm", 40),
        _word("Bischleben", 60),
        _word("Regenrückhaltebecken", 84),
        _word("Ausgie1ch", 60),
    ]
    assert [w.text for w in mended_strokes(read)] == [
        "Einzelnen",
        "Ausgleich",
        "Meter.",
        "dabei",
        "„beantragen“",
        "Rad-Stellplatz",
        "Einzeinen",
        "Stellung",
        "Zahl",
        "Herm",
        "Bischleben",
        "Regenrückhaltebecken",
        "Ausgie1ch",
    ]


def test_a_word_with_two_readings_one_stroke_away_stays() -> None:
    """Where two listed words are one stroke away, the word list cannot choose: it stays."""
    from ratsdoc.ocr.lexicon import lexicon
    from ratsdoc.ocr.strokes import mended_letters

    words = lexicon()
    assert words is not None
    assert mended_letters("Steiiungnahmen", words) is None  # two strokes: not mended
    assert mended_letters("Einzeinen", words) == "Einzelnen"


@pytest.mark.skipif(ocr_engine.find_engine() is None, reason="Tesseract with deu data is not installed")
def test_an_l_whose_stem_broke_is_read_back_from_a_worn_line() -> None:
    """A line whose "l" has a gap across its stem, as a copier's thin toner leaves it: Tesseract
    reads "Ausgieich" unsure, and the page's repairs make it "Ausgleich" again."""
    Image = pytest.importorskip("PIL.Image")
    ImageDraw = pytest.importorskip("PIL.ImageDraw")
    ImageFont = pytest.importorskip("PIL.ImageFont")
    np = pytest.importorskip("numpy")
    from pathlib import Path

    from ratsdoc.ocr.repairs import repaired_words

    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not font_file.exists():
        pytest.skip("DejaVu Serif is not installed")
    font = ImageFont.truetype(str(font_file), 40)
    image = Image.new("L", (1000, 120), 255)
    draw = ImageDraw.Draw(image)
    x = 40.0
    for letter in "Die Anträge zum Ausgleich werden geprüft":
        draw.text((x, 30), letter, font=font, fill=0)
        if letter == "l":  # a white gap across the upper part of the stem
            left, top, right, bottom = draw.textbbox((x, 30), letter, font=font)
            gap_top = top + (bottom - top) // 4
            draw.rectangle((left - 2, gap_top, right + 2, gap_top + 8), fill=255)
        x += draw.textlength(letter, font=font)
    engine = ocr_engine.find_engine()
    assert engine is not None
    read = engine.recognise(image)
    assert "Ausgleich" not in [w.text for w in read]  # the worn line is misread as it stands
    ink = np.asarray(image) < 128
    repaired = repaired_words(ink, np.zeros_like(ink), read)
    assert "Ausgleich" in [w.text for w in repaired]
