"""Black intake stamps on greyscale scans (ocr/stamps.py): found by their stamp-style date in the
words Tesseract read, taken out with the stamp's lines and the handwriting over them, and
reported; printed text around them stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from ratsdoc.issues import IssueCode
from ratsdoc.layout.model import Page
from ratsdoc.ocr.engine import OCR_DPI, PSM
from ratsdoc.ocr.resolution import image_dpi
from ratsdoc.ocr.stamps import STAMP_DATE, handwritten_rows, stamp_dates, stamp_words
from ratsdoc.ocr.step import OcrStep
from ratsdoc.ocr.tsv import OcrWord

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")

H = 30  # the page's word height in pixels (300 dpi, 11 pt)


def _row(text: str, left: int, top: int, confidence: float = 95.0, height: int = H, gap: int = 12) -> list[OcrWord]:
    """Words of ``text`` set left to right from ``left`` on one line, 17 px a letter."""
    words, x = [], left
    for part in text.split():
        width = 17 * len(part)
        words.append(OcrWord(part, x, top, width, height, top, top + height, confidence))
        x += width + gap
    return words


def _letter_head() -> list[OcrWord]:
    """A letter's head read by Tesseract: sender, address block at the margin (x 245), the date
    line on the right, subject and body; no stamp."""
    words = _row("Fraktion Freie Wähler im Stadtrat Ansbach", 245, 144)
    words += _row("Rathausplatz 7 91522 Ansbach", 245, 208)
    words += _row("Ansbach, 29.10.2024", 1436, 303)
    for index, line in enumerate(("Herrn Oberbürgermeister", "Tobias Schulz", "Rathaus", "91522 Ansbach")):
        words += _row(line, 245, 415 + 50 * index)
    words += _row("Antrag: Erweiterung der Grundschule in der Rosengasse", 245, 735)
    for index in range(8):
        words += _row("Der Ortsteilrat wurde am 15.09.2023 über den Zeitplan informiert.", 245, 900 + 50 * index)
    return words


def _stamp() -> list[OcrWord]:
    """A black intake stamp pressed straight right of the address block, read with confidence,
    with handwritten digits over its lower edge."""
    words = _row("Bürgeramt Lindenthal", 1340, 540, height=25)
    words += _row("EINGANG", 1420, 590, height=27)
    words += _row("04. NOV. 2024", 1333, 634, height=32, gap=20)
    words += [OcrWord("7.2", 1390, 690, 40, 12, 690, 740, 80.0), OcrWord("16", 1450, 680, 30, 48, 690, 740, 90.0)]
    return words


def test_stamp_date_pattern_is_a_stamps_not_a_letters() -> None:
    for stamp in (
        "23. JAN. 2012",
        "23 JAN 2012",
        "23.JAN.2012",
        "4. MRZ 2024",
        "23, JAN. 2012",
        "1 SEPT 2019",
        "19. JUL. 2",
    ):
        assert STAMP_DATE.search(stamp), stamp
    for letter in (
        "23. Januar 2012",
        "23.01.2012",
        "23. Jan. 2012",
        "JAN 2012",
        "23. JANUAR 2012",
        "123 NOV 2024",
        "4 MAI Straße",
    ):
        assert not STAMP_DATE.search(letter), letter


def test_stamp_date_split_over_words_is_found() -> None:
    dates = stamp_dates(_letter_head() + _stamp())
    assert [[w.text for w in date] for date in dates] == [["04.", "NOV.", "2024"]]


def test_stamp_and_its_lines_are_taken_out_print_stays() -> None:
    head = _letter_head()
    kept, boxes = stamp_words(head + _stamp())
    assert [w.text for w in kept] == [w.text for w in head]
    assert len(boxes) == 1
    left, top, right, bottom = boxes[0]
    assert left <= 1333 and top <= 540 and right >= 1600 and bottom >= 700


def test_page_without_stamp_date_is_left_alone() -> None:
    head = _letter_head()
    assert stamp_words(head) == (head, [])


def test_date_in_capitals_in_a_line_of_print_stays() -> None:
    words = _letter_head() + _row("Die Sitzung am 23. JAN. 2012 hat das beschlossen.", 245, 1400)
    assert stamp_words(words) == (words, [])


def test_print_at_the_margin_inside_the_stamp_region_stays() -> None:
    """A stamp pressed over the address block: the block's lines start at the margin and stay,
    even where they lie in the stamp's region; the stamp's centred lines go."""
    head = _letter_head()
    stamp = _row("Bezirksamt Porz", 300, 420, height=25) + _row("12 MAI 2023", 280, 470, height=32, gap=20)
    kept, boxes = stamp_words(head + stamp)
    assert [w.text for w in kept] == [w.text for w in head]
    assert boxes


class _Engine:
    """Reads the letter's head with a straight black stamp from every image, in the pixels of
    the resolution the step reads at."""

    label = "Fake OCR"

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        scale = image_dpi(image) / OCR_DPI
        return [
            OcrWord(
                w.text,
                *(round(v * scale) for v in (w.left, w.top, w.width, w.height, w.line_top, w.line_bottom)),
                w.confidence,
            )
            for w in _letter_head() + _stamp()
        ]

    def orientation(self, image: PILImage.Image) -> int:
        return 0


class _GreyRenderer:
    """A blank greyscale A4 page: a scanner's grey mode, no colour to find marks by."""

    def render(self, number: int, dpi: int = OCR_DPI) -> PILImage.Image:
        image: PILImage.Image = Image.new("L", (round(210 * dpi / 25.4), round(297 * dpi / 25.4)), 250)
        return image

    def invisible_text_share(self, number: int) -> float:
        return 0.0

    def close(self) -> None:
        pass


def test_the_ocr_step_takes_a_black_stamp_out_and_reports_it() -> None:
    """Regression: a straight black stamp read with confidence stayed in the text, and its
    date could be taken for the paper's."""
    step = OcrStep(engine=_Engine(), renderer=_GreyRenderer())
    page = Page(1, 210 * 72 / 25.4, 297 * 72 / 25.4, (), image_area=1e6)
    text = " ".join(line.text for line in step.page_lines(page))
    assert "NOV" not in text and "EINGANG" not in text and "Lindenthal" not in text
    assert "Ansbach, 29.10.2024" in text and "Rathaus" in text
    ignored = [w for w in step.warnings if w.code is IssueCode.OCR_REGION_IGNORED]
    assert len(ignored) == 1 and ignored[0].bbox is not None
    left, top, right, bottom = ignored[0].bbox
    assert left < 1333 * 0.24 < right and top < 634 * 0.24 < bottom


def _note() -> list[OcrWord]:
    """ "BV 3 am 27.09.2019" written by hand right of the address block, read as Tesseract did."""
    spec = (("By", 1557, 46, 52.0), ("3", 1656, 37, 91.0), ("am", 1723, 31, 93.0), ("27", 1821, 42, 54.0))
    words = [OcrWord(text, left, 700, 60, height, 699, 788, conf) for text, left, height, conf in spec]
    return [*words, OcrWord("09.2019", 1895, 690, 150, 75, 699, 788, 91.0)]


def test_handwritten_note_beside_the_print_is_taken_out() -> None:
    head = _letter_head()
    kept, boxes = handwritten_rows(head + _note())
    assert [w.text for w in kept] == [w.text for w in head]
    assert boxes == [(1557, 690, 2045, 765)]


def test_print_rows_of_mixed_heights_stay() -> None:
    """Print's heights range from an x-height word to one with ascender and descender, and a row
    read unsure is no note when its heights are a typeface's."""
    words = _letter_head() + _row("am so zu", 1200, 1500, confidence=40.0, height=22) + _row("Fahrzeuge", 1290, 1495)
    assert handwritten_rows(words) == (words, [])


def test_date_line_crossed_by_a_pen_stays() -> None:
    """Regression: a pen's loop through the date line made "Bamberg," tall and unsure, and the
    line was taken for a note, the paper's date with it."""
    pen = OcrWord("pamberg,", 1722, 361, 150, 79, 361, 440, 62.0)
    words = [*_letter_head(), pen, OcrWord("19.05.2025", 1983, 365, 170, 35, 361, 440, 97.0)]
    assert handwritten_rows(words) == (words, [])
