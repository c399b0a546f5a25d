"""Spaces OCR lost between words, and the letterhead's middle dot, on small synthetic words."""

from __future__ import annotations

import pytest

from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr import spacing
from ratsdoc.ocr import words as ocr_words

np = pytest.importorskip("numpy")
pytest.importorskip("spellchecker")

LINE = (100, 144)


def _word(text: str, left: int, top: int, width: int, height: int, line: tuple[int, int] = LINE) -> ocr_engine.OcrWord:
    return ocr_engine.OcrWord(text, left, top, width, height, line[0], line[1], 95.0)


def _texts(ink: object, words: list[ocr_engine.OcrWord]) -> list[str]:
    return [w.text for w in spacing.spaced_words(ink, words)]  # type: ignore[arg-type]


def _letters(ink: np.ndarray, left: int, count: int, gap: int = 2, width: int = 16) -> int:
    """Letter-like blocks on the baseline (row 132), ``gap`` pixels apart; returns their right end."""
    for i in range(count):
        x = left + i * (width + gap)
        ink[110:132, x : x + width] = True
    return left + count * (width + gap) - gap


def test_a_word_run_onto_a_number_is_split() -> None:
    """A listed word and a number read as one ("von2", "1von", "Haushalt2024") are two words;
    a word that German joins with a number ("3fach") and a short one ("im2024") stay whole."""
    ink = np.zeros((200, 400), dtype=bool)
    words = [
        _word("von2", 100, 110, 60, 22),
        _word("1von", 100, 110, 60, 22),
        _word("Haushalt2024", 100, 110, 200, 22),
        _word("3fach", 100, 110, 80, 22),
        _word("im2024", 100, 110, 90, 22),
        _word("Xyzq2024", 100, 110, 90, 22),
    ]
    assert _texts(ink, words) == ["von", "2", "1", "von", "Haushalt", "2024", "3fach", "im2024", "Xyzq2024"]
    split = spacing.spaced_words(ink, [_word("von2", 100, 110, 60, 22)])
    assert [(w.left, w.width) for w in split] == [(100, 45), (145, 15)]


def test_speck_in_a_word_space_becomes_the_space() -> None:
    """A speck read as "." in the white between two words ("bitten.Sie") is the space; the
    full stop of an abbreviation, close to its letters ("z.B"-like), stays."""
    ink = np.zeros((200, 900), dtype=bool)
    end = _letters(ink, 100, 6)  # "bitten"
    ink[123:127, end + 6 : end + 9] = True  # a speck, above the baseline, 6 px from the letters
    start = end + 9 + 6
    right = _letters(ink, start, 3)  # "Sie"
    word = _word("bitten.Sie", 100, 110, right - 100, 22)
    assert _texts(ink, [word]) == ["bitten", "Sie"]
    ink = np.zeros((200, 900), dtype=bool)
    end = _letters(ink, 100, 6)
    ink[128:132, end + 2 : end + 6] = True  # a full stop on the baseline, close to the letters
    right = _letters(ink, end + 8, 3)
    assert _texts(ink, [_word("bitten.Sie", 100, 110, right - 100, 22)]) == ["bitten.Sie"]


def test_hyphen_of_wide_print_stays() -> None:
    """In bold or letter-spaced print the hyphen of "SPD-Fraktion" has white around it as wide
    as the gaps between the letters: no space."""
    ink = np.zeros((200, 900), dtype=bool)
    end = _letters(ink, 100, 3, gap=7, width=26)  # "SPD"
    ink[118:126, end + 6 : end + 20] = True  # the hyphen
    right = _letters(ink, end + 26, 8, gap=6, width=20)  # "Fraktion"
    assert _texts(ink, [_word("SPD-Fraktion", 100, 110, right - 100, 22)]) == ["SPD-Fraktion"]


def test_lone_dot_on_the_middle_of_the_line_is_a_middle_dot() -> None:
    """A lone ":" that is one dot on the middle of its line is the address separator "·"; a real
    colon (two dots) stays."""
    ink = np.zeros((200, 400), dtype=bool)
    ink[119:124, 200:205] = True  # one dot, centred on the middle of the line 100-144
    ink[113:117, 300:304] = True  # a colon: two dots, the lower on the baseline
    ink[128:132, 300:304] = True
    words = [_word(":", 200, 119, 5, 5), _word(":", 300, 113, 4, 19)]
    assert [w.text for w in ocr_words.check_marks(ink, words)] == ["·", ":"]


def test_middle_dot_taken_out_as_a_speck_comes_back() -> None:
    """The "·" between two words far apart, centred on the middle of the line, is put back from
    the speck filter's mask; a speck on the baseline or in an ordinary word space is no dot."""
    from ratsdoc.ocr import separators

    ink = np.zeros((200, 1400), dtype=bool)
    specks = np.zeros((200, 1400), dtype=bool)
    specks[119:124, 229:234] = True  # centred in the gap 200-263, on the middle of the line 100-144
    specks[128:132, 529:533] = True  # a speck on the baseline, centred in the gap 500-563
    specks[119:123, 705:708] = True  # a speck in a word space (the gap 700-712)
    specks[119:124, 919:924] = True  # a speck in the white between two columns (792-1050)
    specks[119:124, 1225:1230] = True  # a speck right of a bullet read as "e"
    words = [
        _word("Rathausplatz", 20, 110, 180, 22),
        _word("52062", 263, 110, 80, 22),
        _word("Aachen", 360, 110, 140, 22),
        _word("Köln", 563, 110, 80, 22),
        _word("am", 660, 110, 40, 22),
        _word("Rhein", 712, 110, 80, 22),
        _word("Hochbau", 1050, 110, 80, 22),
        _word("e", 1200, 110, 12, 22, line=(100, 146)),
        _word("die", 1250, 110, 40, 22, line=(100, 146)),
    ]
    found = separators.middle_dots(ink, specks, words)
    assert [(w.text, w.left, w.width) for w in found[len(words) :]] == [("·", 229, 5)]


def test_umlaut_lost_or_added_is_mended_on_unsure_words_only() -> None:
    """An unsure word that is German with one vowel's dots put on or taken off, and not as read,
    is mended ("Marz2025", "FDP-Fraktiön"); a sure word, a German word and a name the word list
    does not know stay, and so does a compound whose umlaut part the list lacks, which splits
    into listed words only without its dots ("Regen|ruck|halte|becken")."""
    from ratsdoc.ocr.umlauts import mended_umlauts

    def word(text: str, confidence: float) -> ocr_engine.OcrWord:
        return ocr_engine.OcrWord(text, 100, 110, 80, 22, *LINE, confidence)

    read = [
        word("Marz2025", 70),
        word("FDP-Fraktiön", 81),
        word("Regenrückhaltebecken", 84),
        word("fur", 60),
        word("Fraktiön", 96),
        word("Bürger", 50),
        word("Gödecke", 50),
    ]
    assert [w.text for w in mended_umlauts(read)] == [
        "März2025",
        "FDP-Fraktion",
        "Regenrückhaltebecken",
        "für",
        "Fraktiön",
        "Bürger",
        "Gödecke",
    ]
    split = spacing.spaced_words(np.zeros((200, 400), dtype=bool), mended_umlauts([word("Marz2025", 70)]))
    assert [w.text for w in split] == ["März", "2025"]


def test_a_dotless_i_is_dotted_where_that_makes_a_german_word() -> None:
    """Tesseract reads "ı" for an "i" whose dot the print lost ("dıe", "Kırchweg"), however sure
    it is; a word that is no German word with the dot ("Yıldız") stays as read."""
    from ratsdoc.ocr.umlauts import mended_umlauts

    def word(text: str, confidence: float) -> ocr_engine.OcrWord:
        return ocr_engine.OcrWord(text, 100, 110, 80, 22, *LINE, confidence)

    read = [word("dıe", 96), word("Kırchweg", 93), word("ım", 95), word("Aprıl", 70), word("Yıldız", 90)]
    assert [w.text for w in mended_umlauts(read)] == ["die", "Kirchweg", "im", "April", "Yıldız"]


def test_dollar_sign_before_a_paragraph_number_is_a_section_sign() -> None:
    """ "nach $ 3 GO" is "nach § 3 GO"; a "$" after an amount or before a word stays."""
    from ratsdoc.ocr.signs import section_signs

    read = [
        _word("nach", 100, 110, 60, 22),
        _word("$", 170, 110, 12, 22),
        _word("3", 190, 110, 12, 22),
        _word("GO", 210, 110, 30, 22),
        _word("$$", 300, 110, 20, 22),
        _word("12a,", 330, 110, 40, 22),
        _word("5", 400, 110, 12, 22),
        _word("$", 420, 110, 12, 22),
        _word("Kosten", 440, 110, 80, 22),
    ]
    assert [w.text for w in section_signs(read)] == ["nach", "§", "3", "GO", "§§", "12a,", "5", "$", "Kosten"]


def _glyphs(ink: np.ndarray, left: int, widths: list[int], gaps: list[int]) -> int:
    """Glyph blocks of ``widths`` on the baseline, ``gaps`` pixels apart; returns their right end."""
    x = left
    for k, width in enumerate(widths):
        ink[110:132, x : x + width] = True
        x += width + (gaps[k] if k < len(gaps) else 0)
    return x


@pytest.mark.parametrize(
    ("text", "widths", "gaps", "expected"),
    [
        # A thin space (7 px of a 35 px line) between the marker and its number: two words.
        ("Ö1", [18, 10], [7], ["Ö", "1"]),
        ("N12", [16, 10, 12], [6, 2], ["N", "12"]),
        ("Ö8.1", [18, 12, 3, 10], [6, 2, 2], ["Ö", "8.1"]),
        ("7a", [12, 12], [7], ["7", "a"]),
        # The label run onto the marker and the marker onto the number: three words.
        ("TOPÖ2", [14, 16, 14, 18, 12], [2, 2, 8, 7], ["TOP", "Ö", "2"]),
        # A letter set close to its number, as "§ 3a" is printed: one word.
        ("7a", [12, 12], [2], ["7a"]),
        ("Ö1", [18, 10], [2], ["Ö1"]),
    ],
)
def test_an_item_number_run_onto_its_marker_or_letter_is_split_where_the_pixels_show_a_space(
    text: str, widths: list[int], gaps: list[int], expected: list[str]
) -> None:
    """Tesseract joins an item's marker or letter to its number across a thin space ("Ö 1" read
    "Ö1"); the pixels put the space back, and only where the print has one."""
    ink = np.zeros((200, 600), dtype=bool)
    right = _glyphs(ink, 100, widths, gaps)
    assert _texts(ink, [_word(text, 100, 110, right - 100, 22)]) == expected
