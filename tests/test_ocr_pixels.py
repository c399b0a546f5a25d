"""OCR mechanisms that look at pixels, on small synthetic images: bullets, specks, rules,
punctuation and the image Tesseract is given."""

from __future__ import annotations

import pytest

from ratsdoc.layout.lines import page_lines
from ratsdoc.layout.model import Page
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr import filters as ocr_filters
from ratsdoc.ocr import words as ocr_words

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")

LINE = (100, 144)


def _word(text: str, left: int, top: int, width: int, height: int, line: tuple[int, int] = LINE) -> ocr_engine.OcrWord:
    return ocr_engine.OcrWord(text, left, top, width, height, line[0], line[1], 95.0)


def _disc(ink: np.ndarray, cx: int, cy: int, radius: int) -> None:
    yy, xx = np.ogrid[: ink.shape[0], : ink.shape[1]]
    ink |= (yy - cy) ** 2 + (xx - cx) ** 2 <= radius**2


def _letters(ink: np.ndarray, left: int, count: int, *, top: int = 110, height: int = 22) -> None:
    """Letter-like blocks 16 px wide with 4 px gaps, standing on one baseline (row 132)."""
    for i in range(count):
        x = left + i * 20
        ink[top : top + height, x : x + 16] = True


# --------------------------------------------------------------------------
# Bullets
# --------------------------------------------------------------------------


def test_bullet_found_in_pixels_and_junk_word_dropped() -> None:
    """A filled dot left of a hanging indent is a bullet; the "«" Tesseract read from it goes."""
    ink = np.zeros((200, 800), dtype=bool)
    _disc(ink, 110, 122, 7)  # a third of the 44 px line high, centred on the x-height
    _letters(ink, 160, 10)
    words = [_word("«", 103, 115, 15, 15), _word("Aufbau", 160, 104, 200, 30)]
    kept, bullets = ocr_words.find_bullets(ink, words)
    assert [w.text for w in kept] == ["Aufbau"]
    assert len(bullets) == 1
    x0, top, x1, bottom = bullets[0]
    assert 100 <= x0 < x1 <= 120 and 112 <= top < bottom <= 132
    assert [c.text for c in ocr_words.bullet_chars(bullets, ocr_engine.OCR_DPI)] == ["•"]


def test_bullet_missed_by_tesseract_is_still_found() -> None:
    """No word on the dot at all: the bullet comes from the pixels alone."""
    ink = np.zeros((200, 800), dtype=bool)
    _disc(ink, 110, 122, 7)
    _letters(ink, 160, 10)
    kept, bullets = ocr_words.find_bullets(ink, [_word("Aufbau", 160, 104, 200, 30)])
    assert [w.text for w in kept] == ["Aufbau"] and len(bullets) == 1


@pytest.mark.parametrize("shape", ["ring", "speck", "dash", "touching", "letter"])
def test_no_bullet_for_letters_specks_or_dashes(shape: str) -> None:
    """An "o" (hollow), a full stop (too small), a dash (flat), a dot touching the text, or a
    line's own first letter is no bullet."""
    ink = np.zeros((200, 800), dtype=bool)
    start = 160
    if shape == "ring":
        _disc(ink, 110, 122, 9)
        _disc_hole = np.zeros_like(ink)
        _disc(_disc_hole, 110, 122, 5)
        ink &= ~_disc_hole
    elif shape == "speck":
        _disc(ink, 110, 129, 2)
    elif shape == "dash":
        ink[120:124, 100:122] = True
    elif shape == "touching":
        _disc(ink, 118, 122, 7)
        start = 125
    _letters(ink, start, 10)
    kept, bullets = ocr_words.find_bullets(ink, [_word("Aufbau", start, 104, 200, 30)])
    assert bullets == [] and [w.text for w in kept] == ["Aufbau"]


def test_the_full_stop_of_a_list_number_is_no_bullet() -> None:
    """Seed-19 bv-scans 14 and 15: the dot of "1." looked like a bullet from the pixels, and the
    number Tesseract read was dropped as the bullet's junk word; the item lost its number."""
    ink = np.zeros((200, 800), dtype=bool)
    ink[110:132, 100:106] = True  # the "1"
    _disc(ink, 117, 126, 5)  # a round, filled full stop on the baseline, apart from it
    _letters(ink, 160, 10)
    words = [_word("1.", 103, 110, 22, 22), _word("Aufbau", 160, 104, 200, 30)]
    kept, bullets = ocr_words.find_bullets(ink, words)
    assert bullets == [] and [w.text for w in kept] == ["1.", "Aufbau"]


def test_ocr_bullets_become_list_items() -> None:
    """On an OCR page a pixel bullet becomes the same bullet token as a born-digital "•"."""
    words = [_word("Aufbau", 160, 104, 200, 30), _word("einer", 380, 104, 100, 30)]
    chars = ocr_words.words_to_chars(words) + tuple(ocr_words.bullet_chars([(103, 115, 118, 130)], ocr_engine.OCR_DPI))
    lines = page_lines(Page(1, 595.0, 842.0, chars))
    assert len(lines) == 1 and lines[0].tokens[0].bullet and lines[0].text == "Aufbau einer"


# --------------------------------------------------------------------------
# Punctuation against the pixels
# --------------------------------------------------------------------------


def test_specks_glued_to_words_go_and_punctuation_stays() -> None:
    """A round speck read as "‚" goes; a comma (a stroke below the baseline) and a colon (two
    dots) stay; a round dot on the baseline read as a comma is a full stop."""
    ink = np.zeros((200, 900), dtype=bool)
    _letters(ink, 120, 4)
    ink[128:132, 105:109] = True  # a speck before "wurde"
    _letters(ink, 320, 3)
    ink[126:140, 385:389] = True  # a comma
    _letters(ink, 520, 3)
    ink[113:117, 585:589] = True  # a colon's two dots
    ink[127:131, 585:589] = True
    _letters(ink, 720, 3)
    ink[127:132, 785:790] = True  # a full stop, read as a comma
    words = [
        _word("‚wurde", 105, 110, 95, 22),
        _word("Ja,", 320, 110, 70, 30),
        _word("von:", 520, 110, 70, 22),
        _word("2024,", 720, 110, 70, 22),
    ]
    assert [w.text for w in ocr_words.check_marks(ink, words)] == ["wurde", "Ja,", "von:", "2024."]


def test_speck_read_as_colon_or_apostrophe_goes() -> None:
    """One small dot halfway up the letters read as ":", or near their tops read as "’", is a speck."""
    ink = np.zeros((200, 900), dtype=bool)
    _letters(ink, 120, 3)
    ink[119:123, 185:188] = True
    _letters(ink, 420, 3)
    ink[110:113, 485:488] = True
    words = [_word("von:", 120, 110, 68, 22), _word("Haus’", 420, 110, 68, 22)]
    assert [w.text for w in ocr_words.check_marks(ink, words)] == ["von", "Haus"]


def test_full_stop_after_a_descender_stays() -> None:
    """A word of two runs of letters, the second with a descender ("Ta" kerned into one run,
    "g"), keeps its full stop on the baseline: the baseline is not the descender's bottom."""
    ink = np.zeros((200, 400), dtype=bool)
    ink[110:142, 100:147] = True  # "Ta", one run
    ink[117:152, 150:172] = True  # "g", down to its descender
    ink[135:143, 174:181] = True  # the full stop, on the baseline
    assert [w.text for w in ocr_words.check_marks(ink, [_word("Tag.", 100, 110, 81, 42)])] == ["Tag."]


def test_mark_touching_a_letter_is_left_alone() -> None:
    """When the mark's ink touches the letters, the pixels cannot tell: the reading stands."""
    ink = np.zeros((200, 400), dtype=bool)
    _letters(ink, 120, 3)
    ink[128:132, 176:181] = True  # touches the last letter
    assert [w.text for w in ocr_words.check_marks(ink, [_word("ab,", 120, 110, 61, 22)])] == ["ab,"]


# --------------------------------------------------------------------------
# The image Tesseract reads
# --------------------------------------------------------------------------


def test_despeckle_removes_isolated_specks_only() -> None:
    """A speck far from any letter goes; a full stop beside its letter and an i-dot stay."""
    pixels = np.full((200, 400), 255, dtype=np.uint8)
    pixels[100:130, 100:116] = 0  # a letter
    pixels[126:131, 119:124] = 0  # its full stop
    pixels[90:95, 105:110] = 0  # an i-dot above it
    pixels[40:44, 300:304] = 0  # a speck of dust
    cleaned = np.asarray(ocr_filters.despeckle(Image.fromarray(pixels)))
    assert cleaned[42, 302] == 255
    assert cleaned[128, 121] == 0 and cleaned[92, 107] == 0 and cleaned[110, 110] == 0


def test_prepare_hands_back_the_specks_it_took_out() -> None:
    """The speck filter's removals come back as a mask of their own: the ink mask has no speck,
    the specks' mask has it and no letter."""
    pixels = np.full((200, 400), 255, dtype=np.uint8)
    pixels[100:130, 100:116] = 0  # a letter
    pixels[40:44, 300:304] = 0  # a speck of dust
    _, ink, specks = ocr_filters.prepare_specks(Image.fromarray(pixels))
    assert not ink[42, 302] and specks[42, 302]
    assert ink[110, 110] and not specks[110, 110]


def test_rule_and_its_blurred_edge_are_removed() -> None:
    """A long rule goes with the grey rows beside it, which would otherwise binarise into two
    thin rules; a letter standing on the rule keeps its dark pixels."""
    pixels = np.full((100, 600), 240, dtype=np.uint8)
    pixels[50:53, 20:580] = 40  # the rule's core
    pixels[49, 20:580] = 190  # its blurred edges
    pixels[53, 20:580] = 200
    pixels[30:50, 300:306] = 30  # a stem standing on the rule
    cleaned = np.asarray(ocr_filters.without_rules(Image.fromarray(pixels)))
    assert (cleaned[48:55, 20:290] == 255).all()
    assert (cleaned[30:48, 300:306] == 30).all()


def test_prepare_erases_checkboxes_and_keeps_grey_strokes() -> None:
    """``prepare`` whitens the given boxes (they are read from the pixels), keeps a letter with
    its grey edge, and turns the paper white."""
    pixels = np.full((120, 300), 230, dtype=np.uint8)
    pixels[40:80, 40:43] = 30
    pixels[40:80, 77:80] = 30
    pixels[40:43, 40:80] = 30
    pixels[77:80, 40:80] = 30
    pixels[45:75, 120:126] = 30  # a letter's stem
    pixels[45:75, 126] = 150  # its grey edge
    prepared, ink = ocr_filters.prepare(Image.fromarray(pixels), erase=[(40, 40, 80, 80)])
    out = np.asarray(prepared)
    assert (out[35:85, 35:85] == 255).all() and not ink[35:85, 35:85].any()
    assert ink[60, 122] and out[60, 122] < 60 and 100 < out[60, 126] < 255
    assert out[10, 200] == 255


def test_stretched_word_box_shrinks_to_its_ink() -> None:
    """In merged rows, a word box Tesseract stretched into the next row keeps only its ink's rows."""
    line = (822, 893)
    words = [
        _word("Ausschuss", 254, 822, 181, 71, line),
        _word("für", 446, 826, 43, 29, line),
        _word("04.06.2024", 1234, 851, 186, 29, line),
        _word("nicht", 1548, 851, 77, 29, line),
    ]
    ink = np.zeros((1000, 1700), dtype=bool)
    ink[826:855, 254:435] = True
    assert ocr_words.word_bands(words, ink)[0] == (826, 855)
