"""Stamps, handwriting and logos on scans: coloured marks are found in the colour render and
taken out before OCR (ocr/marks.py), irregular lines are dropped after it (ocr/regular.py), and
each is reported; a paper appended after the paper's closing is cut off (extract/generic/appended.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.model import Page
from ratsdoc.ocr.engine import OCR_DPI, PSM, OcrWord
from ratsdoc.ocr.step import OcrStep

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
np = pytest.importorskip("numpy")

from ratsdoc.extract.generic.appended import appended_start  # noqa: E402
from ratsdoc.ocr.marks import find_marks, without_marks  # noqa: E402
from ratsdoc.ocr.regular import irregular_words  # noqa: E402
from ratsdoc.ocr.resolution import image_dpi  # noqa: E402

DPI = 150
MM = DPI / 25.4
RED, BLUE = (196, 36, 48), (38, 62, 178)


def _text_row(draw: ImageDraw.ImageDraw, x: float, y: float, letters: int, fill: object) -> None:
    """A row of letter-sized blocks (2 mm high, 1.4 mm wide, 0.4 mm apart): ink laid out like print."""
    for i in range(letters):
        left = x + i * 1.8 * MM
        draw.rectangle((left, y, left + 1.4 * MM, y + 2 * MM), fill=fill)


def _stamp_mask(degrees: float) -> PILImage.Image:
    """The ink of a stamp 50 x 24 mm, a frame round two rows of letters, turned by ``degrees``."""
    stamp = Image.new("L", (round(50 * MM), round(24 * MM)), 0)
    inner = ImageDraw.Draw(stamp)
    inner.rectangle((2, 2, stamp.width - 3, stamp.height - 3), outline=255, width=round(0.6 * MM))
    for row in range(2):
        for i in range(12):
            left = 8 * MM + i * 2.6 * MM
            inner.rectangle((left, (7 + 7 * row) * MM, left + 1.8 * MM, (10 + 7 * row) * MM), fill=255)
    return stamp.rotate(degrees, expand=True)


def _page() -> PILImage.Image:
    """An A5-sized white page with black print, a red stamp (a tilted frame with text inside,
    over the print), a blue pen line in the margin, a filled logo and a red printed heading."""
    page = Image.new("RGB", (round(148 * MM), round(210 * MM)), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    for row in range(12):
        _text_row(draw, 15 * MM, (60 + 6 * row) * MM, 50, (20, 20, 20))
    _text_row(draw, 15 * MM, 40 * MM, 30, RED)  # a coloured heading: print, not a mark
    stamp = _stamp_mask(9)
    page.paste(Image.new("RGB", stamp.size, RED), (round(80 * MM), round(55 * MM)), stamp)
    draw.line([(3 * MM, 120 * MM), (7 * MM, 126 * MM), (5 * MM, 135 * MM), (9 * MM, 140 * MM)], fill=BLUE, width=3)
    draw.ellipse((120 * MM, 8 * MM, 135 * MM, 23 * MM), fill=BLUE)
    return page


def test_stamp_pen_line_and_logo_are_marks_and_coloured_print_is_not() -> None:
    """The stamp's frame and text, the pen line and the logo are found (frame and pen as
    strokes, the logo as a blob); the red heading, laid out like print, is not."""
    from ratsdoc.ocr.marks import coloured_ink

    marks = find_marks(coloured_ink(_page()), DPI)
    kinds = sorted(mark.kind for mark in marks)
    assert kinds == ["blob", "stroke", "stroke"]
    stamp = next(m for m in marks if m.kind == "stroke" and m.box[0] > 60 * MM)
    assert stamp.box[1] < 56 * MM and stamp.box[3] > 80 * MM  # frame and inner text in one region
    assert all(not (m.box[1] <= 41 * MM <= m.box[3] and m.box[0] < 20 * MM) for m in marks)  # heading kept


def test_marks_are_painted_white_and_print_under_them_stays() -> None:
    """Only the marks' coloured pixels go: black print under the stamp keeps its ink, the
    red heading keeps its pixels."""
    colour = _page()
    grey = colour.convert("L")
    cleaned, marks = without_marks(grey, colour, DPI)
    before, after = np.asarray(grey), np.asarray(cleaned)
    stamp = next(m for m in marks if m.kind == "stroke" and m.box[0] > 60 * MM)
    left, top, right, bottom = stamp.box
    red = (np.asarray(colour)[top:bottom, left:right] == RED).all(axis=2)
    assert red.any() and (after[top:bottom, left:right][red] == 255).all()
    black = before[top:bottom, left:right] < 40
    assert black.any() and (after[top:bottom, left:right][black] < 40).all()
    heading = (slice(round(40 * MM), round(42 * MM)), slice(round(15 * MM), round(60 * MM)))
    assert (after[heading] == before[heading]).all()


def _word(text: str, left: int, top: int, height: int, band: tuple[int, int], confidence: float) -> OcrWord:
    return OcrWord(text, left, top, 20 * len(text), height, band[0], band[1], confidence)


def _print(rows: int = 6) -> list[OcrWord]:
    """Regular lines of print: 34 px words in 43 px bands, read with confidence."""
    words = []
    for row in range(rows):
        top = 300 + 60 * row
        words += [
            _word(w, 300 + 200 * i, top + 4, 34, (top, top + 43), 95.0)
            for i, w in enumerate(["Die", "Kosten", "der", "Maßnahme"])
        ]
    return words


def test_irregular_lines_are_dropped_and_regular_ones_kept() -> None:
    """A stamp's tilted line (band far taller than print, read unsure), a lone scribble read
    with no confidence and a line Tesseract read nothing in go, with their boxes; a line of
    print read with middling confidence stays."""
    stamp = [_word("EINGANG", 1500, 120, 40, (100, 220), 40.0), _word("12.MRZ", 1700, 160, 40, (100, 220), 30.0)]
    scribble = [_word("Yr", 1600, 1500, 14, (1500, 1515), 10.0)]
    unsure_print = [
        _word(w, 300 + 200 * i, 1000, 34, (996, 1039), 50.0) for i, w in enumerate(["Die", "Kostcn", "dcr"])
    ]
    kept, dropped = irregular_words(_print() + stamp + scribble + unsure_print)
    texts = {w.text for w in kept}
    assert "EINGANG" not in texts and "Yr" not in texts
    assert {"Kostcn", "dcr", "Maßnahme"} <= texts
    assert sorted(dropped) == [(1500, 120, 1820, 200), (1600, 1500, 1640, 1514)]


def test_a_url_read_with_no_confidence_stays() -> None:
    """Tesseract gives a URL confidence 0; its long words are text, not a scribble (a scan of
    1203/24 lost its link when every line under 25 went)."""
    url = [
        _word("https:", 300, 1300, 51, (1300, 1343), 0.0),
        _word("//www.erfurt.de/ef/de/leben/verkehr/radverkehr", 420, 1300, 43, (1300, 1343), 0.0),
    ]
    kept, dropped = irregular_words(_print() + url)
    assert [w.text for w in kept[-2:]] == ["https:", "//www.erfurt.de/ef/de/leben/verkehr/radverkehr"]
    assert dropped == []


def test_a_page_with_little_print_is_left_alone() -> None:
    """Under ten confident words there is no print height to compare with: nothing is dropped."""
    words = [_word("EINGANG", 100, 100, 40, (100, 220), 20.0), _word("Text", 100, 400, 34, (400, 443), 96.0)]
    assert irregular_words(words) == (words, [])


@dataclass
class _Engine:
    """Reads print and a stamp's line from every image."""

    label: str = "Fake OCR"
    seen: list[PILImage.Image] = field(default_factory=list)

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        self.seen.append(image)
        words = [*_print(12), _word("EINGANG", 1500, 120, 40, (100, 220), 30.0)]
        # The words' pixels at the resolution the step read the page at (300 dpi above).
        scale = image_dpi(image) / OCR_DPI
        return [
            OcrWord(
                w.text,
                *(round(v * scale) for v in (w.left, w.top, w.width, w.height, w.line_top, w.line_bottom)),
                w.confidence,
            )
            for w in words
        ]

    def orientation(self, image: PILImage.Image) -> int:
        return 0


@dataclass
class _ColourRenderer:
    """The synthetic page, in grey and in colour, at the step's resolution."""

    def render(self, number: int, dpi: int = OCR_DPI) -> PILImage.Image:
        return _page().resize((round(148 * dpi / 25.4), round(210 * dpi / 25.4))).convert("L")

    def render_colour(self, number: int, dpi: int = OCR_DPI) -> PILImage.Image:
        image: PILImage.Image = _page().resize((round(148 * dpi / 25.4), round(210 * dpi / 25.4)))
        return image

    def invisible_text_share(self, number: int) -> float:
        return 0.0

    def close(self) -> None:
        pass


def test_the_ocr_step_reports_what_it_left_out() -> None:
    """The step takes the coloured marks out of the image it reads and the stamp's line out of
    the words, each with a typed warning that gives the page and the box in points."""
    engine = _Engine()
    step = OcrStep(engine=engine, renderer=_ColourRenderer())
    page = Page(1, 148 * 72 / 25.4, 210 * 72 / 25.4, (), image_area=1e6)
    text = " ".join(line.text for line in step.page_lines(page))
    assert "EINGANG" not in text and "Maßnahme" in text
    ignored = [w for w in step.warnings if w.code is IssueCode.OCR_REGION_IGNORED]
    assert len(ignored) == 4  # stamp, pen line, logo; the stamp's line of words
    assert all(w.page == 1 and w.bbox is not None for w in ignored)
    stamp = next(w for w in ignored if w.bbox and 200 < w.bbox[0] < 260)
    assert stamp.bbox is not None and stamp.bbox[1] < 160 < stamp.bbox[3]


def _line(text: str, page: int, top: float) -> Line:
    x = 70.0
    tokens = []
    for word in text.split():
        tokens.append(Token(word, x, top, x + 6 * len(word), top + 11, 11.0))
        x += 6 * len(word) + 3
    return Line(page, tokens)


def test_an_answer_after_the_closing_is_another_paper() -> None:
    """An answer heading at the top of a page after the paper's closing starts another paper;
    the same heading without a closing before it (a Vorlage's section) does not."""
    letter = [_line("Anfrage: Radweg", 1, 200), _line("Mit freundlichen Grüßen", 1, 700), _line("Anna Meier", 1, 740)]
    answer = [_line("Stadt Würzburg · Der Oberbürgermeister", 2, 60), _line("Antwort der Verwaltung", 2, 150)]
    heights = {1: 842.0, 2: 842.0}
    found = appended_start(letter + answer, heights)
    assert found is not None and found[0] == 2 and found[1].text == "Antwort der Verwaltung"
    assert appended_start(letter[:1] + answer, heights) is None
    # A letterhead with a date line opens another paper too.
    dated = [_line("Stadt Würzburg", 2, 60), _line("Würzburg, 16.09.2024", 2, 100)]
    assert appended_start(letter + dated, heights) == (2, dated[0])
    # The heading low on the page is text of the paper's attachments, not a new paper.
    assert appended_start([*letter, _line("Antwort der Verwaltung", 2, 600)], heights) is None


def _underlined_stamp_page() -> PILImage.Image:
    """A page whose red stamp sits on a line of print that a red pen underlined from the margin
    to past the stamp: stamp and underline join into one region longer than any mark."""
    page = Image.new("RGB", (round(200 * MM), round(120 * MM)), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    _text_row(draw, 15 * MM, 50 * MM, 90, (20, 20, 20))
    draw.line([(12 * MM, 53 * MM), (190 * MM, 54 * MM)], fill=RED, width=round(0.5 * MM))
    stamp = _stamp_mask(5)
    page.paste(Image.new("RGB", stamp.size, RED), (round(90 * MM), round(38 * MM)), stamp)
    return page


def test_a_stamp_joined_by_an_underline_is_still_a_mark() -> None:
    """The underline makes the red ink one region of 178 mm, longer than MARK_MAX_MM: the stamp,
    thicker than a line, is judged apart from it and found, and its ink goes."""
    from ratsdoc.ocr.marks import coloured_ink

    colour = _underlined_stamp_page()
    marks = find_marks(coloured_ink(colour), DPI)
    assert any(m.box[0] < 92 * MM and m.box[2] > 138 * MM for m in marks)
    cleaned, _ = without_marks(colour.convert("L"), colour, DPI)
    after = np.asarray(cleaned)
    red = (np.asarray(colour)[: round(60 * MM), round(95 * MM) : round(135 * MM)] == RED).all(axis=2)
    assert red.any() and (after[: round(60 * MM), round(95 * MM) : round(135 * MM)][red] > 200).all()
    # The underline, a pen's line that ran into the stamp, goes with it; the print it underlines stays.
    line = (slice(round(52 * MM), round(56 * MM)), slice(round(15 * MM), round(85 * MM)))
    underline = (np.asarray(colour)[line] == RED).all(axis=2)
    assert underline.any() and (after[line][underline] == 255).all()
    print_ink = np.asarray(colour.convert("L"))[round(50 * MM) : round(52 * MM), round(15 * MM) : round(85 * MM)] < 40
    assert (after[round(50 * MM) : round(52 * MM), round(15 * MM) : round(85 * MM)][print_ink] < 40).all()


def test_print_under_a_pale_stamp_keeps_its_ink_and_the_pale_ink_fades() -> None:
    """Around a mark, a coloured pixel's grey comes from its brightest channel: the stamp's violet
    ink and its pale rim (too little chroma to be painted as ink) fade to near white, while black
    print, its grey edge and the paper keep their grey."""
    from ratsdoc.ocr.marks import ink_lifted

    grey = np.array([[66, 180, 30, 120, 235]], dtype=np.uint8)  # ink, pale rim, print, print edge, paper
    brightest = np.array([[140, 200, 32, 122, 238]], dtype=np.uint8)
    chroma = np.array([[105, 35, 3, 5, 4]], dtype=np.uint8)
    ink = np.array([[True, False, False, False, False]])
    lifted = ink_lifted(grey, brightest, chroma, ink)
    assert lifted[0, 0] >= 250 and lifted[0, 1] >= 240
    assert lifted[0, 2] == 30 and lifted[0, 3] == 120 and lifted[0, 4] == 235
