"""Lines of text drawn as images beside a text layer (a council system's export that could not
embed a font): the policy finds the strips, the OCR step reads them into the layer, and with
OCR off a warning names the page instead of an empty agenda passing silently."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import ratsdoc
from ratsdoc.budget import make_budget
from ratsdoc.input import load_input
from ratsdoc.issues import IssueCode
from ratsdoc.layout.model import Char, EngineLimits, Page
from ratsdoc.layout.pdfium_engine import PdfiumSource
from ratsdoc.models import ParseResult
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr.engine import OCR_DPI, PSM, OcrWord
from ratsdoc.ocr.policy import MIN_STRIPS, text_strips
from ratsdoc.ocr.step import OcrStep
from ratsdoc.options import ParseOptions

if TYPE_CHECKING:
    from PIL import Image as PILImage

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFont = pytest.importorskip("PIL.ImageFont")
canvas = pytest.importorskip("reportlab.pdfgen.canvas")
utils = pytest.importorskip("reportlab.lib.utils")

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HAVE_TESSERACT = ocr_engine.find_engine() is not None
#: Resolution the strips are drawn at (the Erlangen export's masks are 600 dpi).
STRIP_DPI = 400
#: Text size and strip height (points), as in the Erlangen export: 11-pt text, 14-pt strips.
SIZE, STRIP = 11.0, 14.0
#: (x, top, text) of the lines drawn as images: agenda numbers and titles apart, as the export
#: draws them, and the signature date.
STRIPS = [
    (72.0, 300.0, "1."),
    (110.0, 300.0, "Haushaltssatzung der Stadt 2026"),
    (72.0, 340.0, "2."),
    (110.0, 340.0, "Neubau der Grundschule am Marktplatz"),
    (72.0, 380.0, "3."),
    (110.0, 380.0, "Verschiedenes"),
    (300.0, 470.0, "Musterstadt, den 6. Oktober 2025"),
]
#: (x, top, size, text) of the text layer: the head of an invitation.
LAYER = [
    (72.0, 90.0, 18.0, "Einladung"),
    (72.0, 120.0, 14.0, "Stadtteilbeirat Nordstadt"),
    (72.0, 145.0, 11.0, "3. Sitzung, Mittwoch, 15.10.2025, 18:30 Uhr"),
    (72.0, 165.0, 11.0, "Rathaus, Marktplatz 1, Musterstadt"),
    (72.0, 250.0, 12.0, "Öffentliche Tagesordnung"),
]
HEIGHT = 842.0
LOGO = (430.0, 30.0, 120.0, 46.0)  # x, top, width, height: a logo, taller than a line


def _strip(text: str) -> tuple[PILImage.Image, float]:
    """``text`` as a 1-bit image one strip high, and its width in points."""
    if not FONT.exists():
        pytest.skip(f"the font {FONT} for drawing text strips is not installed")
    scale = STRIP_DPI / 72
    font = ImageFont.truetype(str(FONT), round(SIZE * scale))
    width = round(font.getlength(text)) + 4
    image = Image.new("1", (width, round(STRIP * scale)), 1)
    ImageDraw.Draw(image).text((2, round(2 * scale)), text, font=font, fill=0)
    return image, width / scale


def _make(path: Path, strips: list[tuple[float, float, str]], *, logo: bool = True, shaded: bool = False) -> Path:
    """An invitation whose head is text and whose ``strips`` are images; with ``shaded``, the
    head's heading stands on a line-shaped image of its own (text over a picture)."""
    c = canvas.Canvas(str(path), pagesize=(595.0, HEIGHT), invariant=1)
    for x, top, size, text in LAYER:
        c.setFont("Helvetica-Bold" if size > SIZE else "Helvetica", size)
        c.drawString(x, HEIGHT - top - size, text)
    for x, top, text in strips:
        image, width = _strip(text)
        c.drawImage(utils.ImageReader(image), x, HEIGHT - top - STRIP, width=width, height=STRIP)
    if logo:
        x, top, width, height = LOGO
        c.drawImage(utils.ImageReader(Image.new("1", (240, 92), 0)), x, HEIGHT - top - height, width, height)
    if shaded:
        shade = utils.ImageReader(Image.new("L", (400, 30), 200))
        for top in (90.0, 120.0, 145.0, 165.0):
            c.drawImage(shade, 70.0, HEIGHT - top - 20.0, width=300.0, height=22.0)
    c.showPage()
    c.save()
    return path


def _parse(path: Path, **options: object) -> ParseResult:
    """``path`` parsed as a bulk run does it, with its typed warnings."""
    (result,) = ratsdoc.parse_many([path], ParseOptions.model_validate(options))
    assert result.document is not None, result.error
    return result


def _page(path: Path) -> Page:
    source = PdfiumSource(
        load_input(path, max_file_size=10**9), budget=make_budget(ParseOptions(), None), limits=EngineLimits()
    )
    try:
        (page,) = source.pages()
        return page
    finally:
        source.close()


@pytest.fixture(scope="module")
def invitation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invitation with its agenda and date drawn as image strips, and a logo."""
    return _make(tmp_path_factory.mktemp("strips") / "einladung.pdf", STRIPS)


def test_policy_finds_the_strips_and_not_the_logo(invitation: Path) -> None:
    page = _page(invitation)
    assert len(page.images) == len(STRIPS) + 1
    strips = text_strips(page)
    # Every line drawn as an image, the narrow agenda numbers too; the logo is no line.
    assert sorted((round(x0), round(top)) for x0, top, _, _ in strips) == sorted(
        (round(x), round(top)) for x, top, _ in STRIPS
    )
    assert all(box[1] > LOGO[1] + LOGO[3] for box in strips)


def test_policy_ignores_a_logo_a_lone_strip_and_text_over_images(tmp_path: Path) -> None:
    # One logo and one wide image of a line (a signature) are no text to read.
    assert text_strips(_page(_make(tmp_path / "one.pdf", STRIPS[-1:]))) == ()
    assert text_strips(_page(_make(tmp_path / "logo.pdf", []))) == ()
    # Line-shaped images under the layer's own text (a shaded heading) are not strips.
    assert text_strips(_page(_make(tmp_path / "shaded.pdf", [], logo=False, shaded=True))) == ()
    assert MIN_STRIPS > 1


def test_ocr_off_warns_that_the_strips_were_not_read(invitation: Path) -> None:
    result = _parse(invitation, ocr="never")
    unread = [issue for issue in result.issues if issue.code is IssueCode.TEXT_IMAGES_UNREAD]
    assert [issue.page for issue in unread] == [1]
    assert f"page 1 draws text as {len(STRIPS)} image(s)" in unread[0].message
    assert "OCR is off" in unread[0].message


def test_no_engine_warns_that_the_strips_were_not_read(invitation: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_engine, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    monkeypatch.setattr("ratsdoc.ocr.step.find_engine", lambda: None)
    step = OcrStep(renderer=FakeRenderer())
    step.page_lines(_page(invitation))
    assert [issue.code for issue in step.warnings] == [IssueCode.TEXT_IMAGES_UNREAD]
    assert "no OCR engine is installed" in step.warnings[0].message


@dataclass
class FakeEngine:
    """Reads one word wherever it is run, and notes the images it was given."""

    label: str = "Fake OCR"
    images: list[tuple[int, int]] = field(default_factory=list)

    def recognise(self, image: PILImage.Image, *, psm: str = PSM) -> list[OcrWord]:
        """The word "Haushaltssatzung" at the image's top left."""
        self.images.append(image.size)
        return [OcrWord("Haushaltssatzung", 20, 20, 400, 50, 20, 70, 95.0), OcrWord("~", 500, 20, 10, 50, 20, 70, 99.0)]


@dataclass
class FakeRenderer:
    """A white page for every render."""

    rendered: list[int] = field(default_factory=list)

    def render(self, number: int, dpi: int = OCR_DPI) -> PILImage.Image:
        """A white A4 page at ``dpi``."""
        self.rendered.append(number)
        image: PILImage.Image = Image.new("L", (round(595 * dpi / 72), round(HEIGHT * dpi / 72)), 255)
        return image

    def invisible_text_share(self, number: int) -> float:
        """No invisible text."""
        return 0.0

    def close(self) -> None:
        """Nothing to release."""


def test_the_step_adds_the_strip_words_to_the_layer(invitation: Path) -> None:
    """The page is rendered once, the strips are read in one run, their words (not punctuation
    alone) join the layer's, and the page is no OCR page. The logo is read in a run of its own
    (ocr/logos.py), and what the engine reads there stays out of the text."""
    engine, renderer = FakeEngine(), FakeRenderer()
    step = OcrStep(engine=engine, renderer=renderer)
    page = _page(invitation)
    lines = step.page_lines(page)
    text = "\n".join(line.text for line in lines)
    assert renderer.rendered == [1] and len(engine.images) == 2
    assert "Einladung" in text and "Haushaltssatzung" in text and "~" not in text
    assert [line.text for line in step.logo_lines] == ["Haushaltssatzung"]
    assert not any(line in lines for line in step.logo_lines)
    assert step.ocr_pages == []
    assert [issue.code for issue in step.warnings] == [IssueCode.TEXT_IMAGES_READ, IssueCode.LOGO_READ]
    assert step.warnings[0].message.startswith(f"page 1 draws text as {len(STRIPS)} image(s)")
    # A page without strips is not rendered.
    step.page_lines(Page(2, 595.0, HEIGHT, (Char("A", 72, 90, 80, 100, "Helvetica", 10.0),)))
    assert renderer.rendered == [1]


@pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with German data (tesseract-ocr-deu) is not installed")
def test_tesseract_reads_the_agenda_from_the_strips(invitation: Path) -> None:
    result = _parse(invitation)
    paper = result.document
    assert paper is not None
    assert [issue.code for issue in result.issues if issue.code is IssueCode.TEXT_IMAGES_READ] == [
        IssueCode.TEXT_IMAGES_READ
    ]
    items = [(item.number, item.title) for item in paper.agenda_items]
    assert items == [
        ("1", "Haushaltssatzung der Stadt 2026"),
        ("2", "Neubau der Grundschule am Marktplatz"),
        ("3", "Verschiedenes"),
    ]
    assert paper.date is not None and paper.date.isoformat() == "2025-10-06"


def test_strips_without_words_are_no_missing_text(invitation: Path) -> None:
    """Images of a line's shape in which the engine reads no word (bands, rules drawn as
    pictures) leave the layer as it is, without a warning."""
    engine = FakeEngine()
    engine.recognise = lambda image, *, psm=PSM: []  # type: ignore[method-assign]
    step = OcrStep(engine=engine, renderer=FakeRenderer())
    page = _page(invitation)
    assert [line.text for line in step.page_lines(page)] == [
        line.text for line in OcrStep(mode="never").page_lines(page)
    ]
    assert step.warnings == []
