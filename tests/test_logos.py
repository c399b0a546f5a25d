"""A letterhead set as a picture (ocr/logos.py): the logo images of page 1 are found, their words
read as one line apart from the text, and minutes whose issuer is named only in the logo get it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import ratsdoc
from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr.engine import PSM, OcrWord
from ratsdoc.ocr.logos import letterhead_logos, logo_words

from .test_text_images import FONT, HAVE_TESSERACT, Image, ImageDraw, ImageFont, canvas, utils

if TYPE_CHECKING:
    from PIL import Image as PILImage

WIDTH, HEIGHT = 595.0, 842.0
#: The logo's box (x0, top, x1, bottom, points): a grid of squares left, the name stacked right.
LOGO = (72.0, 40.0, 200.0, 84.0)


def _page(images: tuple[tuple[float, float, float, float], ...], chars: tuple[Char, ...] = ()) -> Page:
    return Page(1, WIDTH, HEIGHT, chars, images=images)


def test_a_logo_at_the_top_of_page_one_is_found_other_pictures_are_not() -> None:
    banner = (0.0, 0.0, WIDTH, 60.0)  # over the whole head: a picture, not a name
    low = (72.0, 400.0, 200.0, 444.0)  # in the text
    line = (72.0, 100.0, 400.0, 110.0)  # a rule or a strip, one line high
    assert letterhead_logos(_page((banner, LOGO, low, line))) == (LOGO,)
    # Text of the layer on the image is the layer's own (a shaded heading).
    over = (Char("S", 80.0, 50.0, 88.0, 60.0, "Helvetica", 10.0),)
    assert letterhead_logos(_page((LOGO,), over)) == ()


@dataclass
class StackedLogo:
    """Reads a logo as Tesseract read the Erlangen one: its squares as unsure words, its name
    sure and stacked ("Stadt" over "Erlangen")."""

    label: str = "Fake OCR"
    psms: list[str] = field(default_factory=list)

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        """Words in the crop's pixels (300 dpi)."""
        self.psms.append(psm)
        return [
            OcrWord("HEBEN", 20, 20, 120, 40, 20, 60, 25.0),
            OcrWord("25%,", 20, 80, 90, 40, 80, 120, 90.0),
            OcrWord("Stadt", 200, 20, 150, 50, 20, 70, 96.0),
            OcrWord("Musterstadt", 200, 90, 330, 50, 90, 140, 94.0),
        ]

    def orientation(self, image: PILImage.Image) -> int:
        """Upright."""
        return 0


def test_a_stacked_name_is_one_line_within_the_logo_and_its_graphics_are_dropped() -> None:
    engine = StackedLogo()
    image = Image.new("L", (round(WIDTH * 300 / 72), round(HEIGHT * 300 / 72)), 255)
    words = logo_words(image, 300, [LOGO], engine)
    assert [w.text for w in words] == ["Stadt", "Musterstadt"]
    assert len({(w.top, w.height) for w in words}) == 1  # one line
    assert words[1].left > words[0].left + words[0].width  # side by side
    assert words[-1].left + words[-1].width <= LOGO[2] * 300 / 72  # squeezed into the logo
    assert engine.psms == ["11"]  # "HEBEN" is under LOGO_ACCEPT, "25%," has too few letters


def _logo_image() -> PILImage.Image:
    """The logo as a picture: a grid of squares and "Stadt" over "Musterstadt" beside it."""
    if not FONT.exists():
        pytest.skip(f"the font {FONT} for drawing the logo is not installed")
    scale = 300 / 72
    image = Image.new("1", (round((LOGO[2] - LOGO[0]) * scale), round((LOGO[3] - LOGO[1]) * scale)), 1)
    draw = ImageDraw.Draw(image)
    for row in range(4):
        for col in range(3):
            x, y = 10 + col * 36, 10 + row * 36
            draw.rectangle((x, y, x + 28, y + 28), fill=0)
    font = ImageFont.truetype(str(FONT), round(13 * scale))
    draw.text((150, 8), "Stadt", font=font, fill=0)
    draw.text((150, 8 + round(16 * scale)), "Musterstadt", font=font, fill=0)
    return image


def _minutes(path: Path) -> Path:
    """Minutes whose issuer is named only in the logo picture of their head."""
    c = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1)
    x0, top, x1, bottom = LOGO
    c.drawImage(utils.ImageReader(_logo_image()), x0, HEIGHT - bottom, x1 - x0, bottom - top)
    rows = [
        (130.0, 18.0, "Niederschrift"),
        (160.0, 11.0, "Besprechung am: 24.04.2024      Beginn: 18:30 Uhr      Ende: 20:30 Uhr"),
        (178.0, 11.0, "Ort: Rathaus, Marktplatz 1"),
        (200.0, 11.0, "Thema: 1. Sitzung des Stadtteilbeirates Nord"),
        (240.0, 11.0, "TOP 1: Spielplatz am Weiher"),
        (258.0, 11.0, "Die Verwaltung stellt die Planung vor."),
        (290.0, 11.0, "TOP 2: Sonstiges"),
        (308.0, 11.0, "Es gibt keine Wortmeldungen."),
    ]
    for top, size, text in rows:
        c.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        c.drawString(72.0, HEIGHT - top - size, text)
    c.showPage()
    c.save()
    return path


@pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with German data (tesseract-ocr-deu) is not installed")
def test_minutes_named_only_in_their_logo_get_their_issuer_from_it(tmp_path: Path) -> None:
    # Erlangen Niederschriften from 2023 on print "Stadt Erlangen" only in the logo picture:
    # originator was None (warned). Its OCR is the issuer; it is no part of the running text.
    paper = ratsdoc.parse(_minutes(tmp_path / "niederschrift.pdf"))
    assert paper.kind == "meeting" and paper.originator == "Stadt Musterstadt"
    assert "Musterstadt" not in (paper.text or "")
    assert any("the letterhead is a picture" in warning for warning in paper.warnings)
    # With OCR off the logo is not read, and the missing issuer is warned as before.
    off = ratsdoc.parse(tmp_path / "niederschrift.pdf", ratsdoc.ParseOptions(ocr="never"))
    assert off.originator is None and any("issuer" in warning for warning in off.warnings)


def test_a_logo_on_a_page_too_large_to_render_is_left_unread_without_a_strips_warning() -> None:
    # Only a logo to read, on a page too large to render even at 1 dpi: the page's size is warned
    # about; "page 1 draws text as 0 image(s) ..." was a second, false warning.
    from ratsdoc.issues import IssueCode
    from ratsdoc.ocr.step import OcrStep

    from .test_text_images import FakeEngine, FakeRenderer

    side = 400_000.0
    page = Page(1, side, side, (Char("A", 72, 500, 80, 510, "Helvetica", 10.0),), images=(LOGO,))
    assert letterhead_logos(page) == (LOGO,)
    step = OcrStep(engine=FakeEngine(), renderer=FakeRenderer())
    step.page_lines(page)
    assert [issue.code for issue in step.warnings] == [IssueCode.OCR_RESOLUTION_LOWERED]
    assert step.logo_lines == []
