"""Text a scan's own OCR layer left out, read from the pixels (ocr/layer_gaps.py), with a fake
engine: which regions are read, which reading is kept, which words join the layer."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr.engine import PSM, OcrWord
from ratsdoc.ocr.layer_gaps import descreen, gap_words, with_layer_gaps

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
np = pytest.importorskip("numpy")

DPI = 300
SCALE = DPI / 72


@dataclass
class FakeEngine:
    """Reads the next of ``readings`` per call and notes the crops it was given."""

    readings: list[list[OcrWord]]
    label: str = "Fake OCR"
    sizes: list[tuple[int, int]] = field(default_factory=list)

    def recognise(self, image: Image.Image, *, psm: str = PSM) -> list[OcrWord]:
        """The next reading, whatever ``image`` shows."""
        self.sizes.append(image.size)
        return self.readings.pop(0) if self.readings else []

    def orientation(self, image: Image.Image) -> int:
        """Upright."""
        return 0


def _page_with_two_lines() -> tuple[Page, Image.Image]:
    """A page whose image holds two dark text-like bars; the layer has chars for the first only."""
    image = Image.new("L", (int(400 * SCALE), int(260 * SCALE)), 255)
    draw = ImageDraw.Draw(image)
    for top in (100, 200):  # "words": 10 dark blocks 20 pt wide, 8 pt high, 4 pt apart
        for i in range(10):
            x = 60 + 24 * i
            draw.rectangle([x * SCALE, top * SCALE, (x + 20) * SCALE, (top + 8) * SCALE], fill=20)
    chars = tuple(Char("x", 60 + 2 * i, 100, 62 + 2 * i, 108, "GlyphLessFont", 8.0) for i in range(118))
    return Page(1, 400.0, 260.0, chars, (), ()), image


def _word(text: str, left: int, confidence: float) -> OcrWord:
    return OcrWord(text, left, 10, 30 * len(text), 30, 8, 44, confidence)


def test_only_the_uncovered_line_is_read_and_the_surer_reading_kept() -> None:
    page, image = _page_with_two_lines()
    plain = [_word("Frauenf0rderpl", 10, 60.0), _word("oder", 500, 70.0)]
    descreened = [_word("Frauenförderplan", 10, 92.0), _word("oder", 500, 90.0)]
    engine = FakeEngine([plain, descreened])
    words = gap_words(image, DPI, page, engine)
    assert [w.text for w in words] == ["Frauenförderplan", "oder"]
    assert len(engine.sizes) == 2  # one region (the second line), read twice
    assert all(w.top > 190 * SCALE for w in words)  # placed on the page, in the second line


def test_unsure_and_lone_short_words_are_left_out() -> None:
    page, image = _page_with_two_lines()
    engine = FakeEngine([[_word("ngang", 10, 95.0), _word("GG", 300, 95.0)], []])
    assert gap_words(image, DPI, page, engine) == []
    engine = FakeEngine([[_word("Vorstand", 10, 70.0), _word("Betriebsrat", 400, 75.0)], []])
    assert gap_words(image, DPI, page, engine) == []


def test_layer_gaps_become_chars_and_nothing_without_an_engine() -> None:
    page, image = _page_with_two_lines()
    assert with_layer_gaps(page, image, DPI, None) is page
    done = with_layer_gaps(page, image, DPI, FakeEngine([[_word("ausgezeichnet.", 10, 95.0)], []]))
    assert "".join(c.text for c in done.chars[len(page.chars) :]).strip() == "ausgezeichnet."


def test_descreen_whitens_a_halftone_and_keeps_strokes() -> None:
    pixels = np.full((60, 60), 255, dtype=np.uint8)
    pixels[::3, ::3] = 0  # a shade's dot pattern
    pixels[20:40, 28:33] = 0  # a stroke 5 px wide
    out = np.asarray(descreen(Image.fromarray(pixels), DPI))
    assert out[:15].min() == 255  # dots gone
    assert out[30, 30] == 0  # the stroke stays
