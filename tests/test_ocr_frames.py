"""Black stamps recognised by their frame on a greyscale scan (ocr/frames.py): a turned box or a
ring of thin line in open paper is a stamp, its words are taken out of the text and its region
is reported; print running on beyond it, a table's cells and a straight printed notice stay."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from ratsdoc.issues import IssueCode
from ratsdoc.layout.model import Page
from ratsdoc.ocr.engine import OCR_DPI, PSM
from ratsdoc.ocr.tsv import OcrWord

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
np = pytest.importorskip("numpy")

from ratsdoc.ocr.frames import find_frames, frame_words  # noqa: E402
from ratsdoc.ocr.resolution import image_dpi  # noqa: E402
from ratsdoc.ocr.step import OcrStep  # noqa: E402

DPI = 150
MM = DPI / 25.4
H = round(3.5 * MM)  # a word's height in pixels


def _row(draw: ImageDraw.ImageDraw, x: float, y: float, letters: int) -> None:
    """A row of letter-sized blocks (3 mm high, 1.6 mm wide, 0.6 mm apart): ink laid out like print."""
    for i in range(letters):
        left = x + i * 2.2 * MM
        draw.rectangle((left, y, left + 1.6 * MM, y + 3 * MM), fill=30)


def _stamp(ring: bool, degrees: float) -> PILImage.Image:
    """The ink of a stamp 50 x 26 mm (white on black): a box or ring of a 0.5 mm line round two
    rows of letters, turned by ``degrees``."""
    stamp = Image.new("L", (round(50 * MM), round(26 * MM)), 0)
    draw = ImageDraw.Draw(stamp)
    frame = (2, 2, stamp.width - 3, stamp.height - 3)
    line = max(2, round(0.5 * MM))
    (draw.ellipse if ring else draw.rectangle)(frame, outline=255, width=line)
    for row in range(2):
        _stamp_row(draw, row)
    return stamp.rotate(degrees, expand=True)


def _stamp_row(draw: ImageDraw.ImageDraw, row: int) -> None:
    """The letters of the stamp's ``row`` (0: its office, 1: "Eingang" and a date)."""
    for i in range(9):
        left = 14 * MM + i * 2.4 * MM
        draw.rectangle((left, (8 + 7 * row) * MM, left + 1.6 * MM, (11 + 7 * row) * MM), fill=255)


def _stamp_row_box(row: int, degrees: float, at: tuple[float, float]) -> tuple[int, int, int, int]:
    """The pixel box of the stamp's ``row`` on the page, where :func:`_page` presses it."""
    mask = Image.new("L", (round(50 * MM), round(26 * MM)), 0)
    _stamp_row(ImageDraw.Draw(mask), row)
    left, top, right, bottom = mask.rotate(degrees, expand=True).getbbox()
    x, y = round(at[0] * MM - 30 * MM), round(at[1] * MM)
    return left + x, top + y, right + x, bottom + y


def _page(stamp: PILImage.Image | None, at: tuple[float, float] = (120, 40)) -> PILImage.Image:
    """A grey A5 page: rows of print from the left margin, and ``stamp`` pressed in black with
    its top left corner at ``at`` (mm)."""
    page = Image.new("L", (round(148 * MM), round(210 * MM)), 245)
    draw = ImageDraw.Draw(page)
    for row in range(10):
        _row(draw, 15 * MM, (90 + 6 * row) * MM, 40)
    if stamp is not None:
        page.paste(30, (round(at[0] * MM - 30 * MM), round(at[1] * MM)), stamp)
    return page


def _word(text: str, x_mm: float, y_mm: float, width_mm: float) -> OcrWord:
    left, top = round(x_mm * MM), round(y_mm * MM)
    return OcrWord(text, left, top, round(width_mm * MM), H, top, top + H, 92.0)


def test_a_turned_box_and_a_ring_are_found_as_frames() -> None:
    for ring in (False, True):
        frames = find_frames(_page(_stamp(ring, 4.0)), DPI)
        assert len(frames) == 1
        left, top, right, bottom = frames[0].box
        assert left < 95 * MM < right and top < 52 * MM < bottom
        assert frames[0].ring is ring


def test_print_and_a_table_have_no_frame() -> None:
    page = _page(None)
    draw = ImageDraw.Draw(page)
    # A table of three by two cells, 30 x 12 mm each, each with a word in it.
    for column in range(4):
        draw.line(((20 + 30 * column) * MM, 20 * MM, (20 + 30 * column) * MM, 44 * MM), fill=30, width=2)
    for row in range(3):
        draw.line((20 * MM, (20 + 12 * row) * MM, 110 * MM, (20 + 12 * row) * MM), fill=30, width=2)
    for column in range(3):
        for row in range(2):
            _row(draw, (24 + 30 * column) * MM, (24 + 12 * row) * MM, 6)
    assert find_frames(page, DPI) == []


def _stamp_words(degrees: float = 3.0) -> list[OcrWord]:
    """What Tesseract read on the page of :func:`_page` with a stamp at (120, 40) mm turned by
    ``degrees``: the stamp's lines ("Ratsbüro", "Eingang 24.01.2012"), a print line running
    into the stamp, print below."""
    words = []
    for row, texts in enumerate((["Ratsbüro"], ["Eingang", "24.01.2012"])):
        left, top, right, bottom = _stamp_row_box(row, degrees, (120, 40))
        width = (right - left) // len(texts)
        for index, text in enumerate(texts):
            words.append(OcrWord(text, left + index * width, top, width, bottom - top, top, bottom, 90.0))
    # The date line: "Fürth," outside the frame, its date under the stamp's left part.
    words += [_word("Fürth,", 72, 62, 12), _word("23.01.2012", 86, 62, 20)]
    words += [_word("Antrag", 15, 90, 14), _word("Sanierung", 31, 90, 20)]
    return words


def test_words_in_a_stamps_frame_go_print_running_on_stays() -> None:
    """Regression: a black stamp's words stayed in the text ("Eingang 24.01.2012" in a box, no
    date in stamp style), and the stamp's date could be taken for the paper's."""
    page = _page(_stamp(False, 3.0))
    kept, boxes = frame_words(_stamp_words(), find_frames(page, DPI), page)
    assert [w.text for w in kept] == ["Fürth,", "23.01.2012", "Antrag", "Sanierung"]
    assert len(boxes) == 1


def test_a_straight_box_of_print_without_a_date_stays() -> None:
    """A framed notice printed with the page (straight, no date) is no stamp: its words stay."""
    page = _page(_stamp(False, 0.0))
    words = [_word("Bitte", 100, 48, 10), _word("beachten", 112, 48, 16)]
    kept, boxes = frame_words(words, find_frames(page, DPI), page)
    assert kept == words and boxes == []


class _Engine:
    """Reads the stamp's and the print's words of :func:`_stamp_words` from the page, in the
    pixels of the resolution the step reads at."""

    label = "Fake OCR"

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        scale = image_dpi(image) / DPI
        if image.width < 140 * MM * scale:
            return []  # a region read again: nothing more in it
        return [
            OcrWord(
                w.text,
                *(round(v * scale) for v in (w.left, w.top, w.width, w.height, w.line_top, w.line_bottom)),
                w.confidence,
            )
            for w in _stamp_words() + [_word("Lorem", 15, 96 + 6 * row, 12) for row in range(9)]
        ]

    def orientation(self, image: PILImage.Image) -> int:
        return 0


class _GreyRenderer:
    """The page of :func:`_page` with a turned black stamp, scanned in grey."""

    def render(self, number: int, dpi: int = OCR_DPI) -> PILImage.Image:
        page = _page(_stamp(False, 3.0))
        image: PILImage.Image = page.resize((round(page.width * dpi / DPI), round(page.height * dpi / DPI)))
        return image

    def invisible_text_share(self, number: int) -> float:
        return 0.0

    def close(self) -> None:
        pass


def test_the_ocr_step_takes_a_framed_stamp_out_and_reports_it() -> None:
    step = OcrStep(engine=_Engine(), renderer=_GreyRenderer())
    page = Page(1, 148 * 72 / 25.4, 210 * 72 / 25.4, (), image_area=1e6)
    text = " ".join(line.text for line in step.page_lines(page))
    assert "Eingang" not in text and "24.01.2012" not in text and "Ratsbüro" not in text
    assert "23.01.2012" in text
    ignored = [w for w in step.warnings if w.code is IssueCode.OCR_REGION_IGNORED and "frame" in w.message]
    assert len(ignored) == 1 and ignored[0].bbox is not None
    left, top, right, bottom = ignored[0].bbox
    assert left < 100 * 72 / 25.4 < right and top < 55 * 72 / 25.4 < bottom
