"""Reading one rendered page with OCR: coloured marks off, the page upright and straight, its
print read by Tesseract and cleaned, and its lines built with the checkboxes from the pixels.

:class:`~.step.OcrStep` decides which pages are read this way and renders them; this module
works on the image it is handed and returns a :class:`PageRead`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..issues import Issue, IssueCode
from ..layout.lines import Line, page_lines
from .bands import read_in_bands
from .blocks import side_block_order
from .box_letters import PixelBox, letters_in_boxes
from .confidence import OcrDoubt, doubtful_words, dropped_regions
from .engine import OcrBackend
from .filters import descreen, deskew, prepare_specks, runs_sideways
from .frames import find_frames, frame_words
from .marks import without_marks
from .mixed_lines import split_mixed_lines
from .noise import without_edge_signs, without_rules
from .passes import second_pass
from .pixel_rules import rule_shapes
from .regular import irregular_words
from .render import greyscale
from .repairs import repaired_words
from .resolution import note_dpi
from .stamps import handwritten_rows, stamp_words
from .words import bullet_chars, find_bullets, words_to_chars

if TYPE_CHECKING:
    from PIL import Image

    from ..layout.model import Page


@dataclass(slots=True)
class PageRead:
    """What the OCR step made of one page: its lines, its warnings, and whether they came from OCR."""

    number: int
    lines: list[Line]
    warnings: list[Issue]
    #: Listed in :attr:`~.step.OcrStep.ocr_pages` (OCRed here, or read from the scan's own OCR layer).
    ocr: bool = False
    #: The page as read, when OCR changed it (a page scanned sideways, turned upright; its rules from the pixels).
    page: Page | None = None
    #: The words Tesseract read unsure (:mod:`.confidence`).
    doubts: tuple[OcrDoubt, ...] = ()
    #: The lines read from the letterhead's logo picture (:mod:`.logos`), kept apart from the text.
    logos: list[Line] = field(default_factory=list)


def read_pixels(
    page: Page, image: Image.Image, dpi: int, engine: OcrBackend, threads: int, warnings: list[Issue]
) -> PageRead:
    """``page`` read from ``image``, its render at ``dpi`` (in colour where the renderer could),
    by ``engine`` with ``threads`` threads sharing its runs (:mod:`.bands`)."""
    from .pixel_marks import find_boxes

    # A black-and-white scanner's dithered paper is merged back into grey before anything
    # looks at the ink (filters.descreen): its dots read as dust, and as ink to every filter.
    image = descreen(without_colour_marks(page.number, image, dpi, warnings), dpi)
    page, image = upright(page, note_dpi(image, dpi), engine, warnings)
    image, _ = deskew(image)
    # A black stamp is known by its frame (frames.py); its words are taken out after reading.
    frames = find_frames(image, dpi)
    # Checkboxes are read from the pixels (lines_with_marks); Tesseract must not see them.
    boxes = [(left, top, right, bottom) for left, top, right, bottom, _ in find_boxes(image, dpi)]
    prepared, ink, specks = prepare_specks(image, dpi, erase=boxes)
    note_dpi(prepared, dpi)  # what the engine tells Tesseract the resolution is
    words = second_pass(engine, prepared, read_in_bands(engine, prepared, threads), threads)
    words, dropped = irregular_words(split_mixed_lines(words))
    warnings.extend(ignored(page.number, box, dpi, "text that is not a regular text line") for box in dropped)
    words, framed = frame_words(words, frames, image)
    words, stamps = stamp_words(words)
    words, notes = handwritten_rows(words)
    warnings.extend(ignored(page.number, box, dpi, "a stamp in a frame") for box in framed)
    warnings.extend(ignored(page.number, box, dpi, "a stamp dated in stamp style") for box in stamps)
    warnings.extend(ignored(page.number, box, dpi, "a handwritten note") for box in notes)
    dropped += framed + stamps + notes
    words, bullets = find_bullets(ink, repaired_words(ink, specks, words))
    # A square capital found as a box was erased before reading: its word gets it back.
    letters, words = letters_in_boxes(boxes, words)
    # Shapes and widgets are in the pixels now; keeping them would count boxes twice. The
    # table rules found in the pixels stand in for the shapes (wrapped cells, layout/cells.py).
    ocred = replace(
        page,
        chars=words_to_chars(words, dpi, ink) + tuple(bullet_chars(bullets, dpi)),
        shapes=rule_shapes(image, dpi),
        annotations=tuple(a for a in page.annotations if a.kind == "link"),
    )
    warnings.append(Issue(IssueCode.OCR_APPLIED, f"page {page.number} was OCRed with {engine.label}", page.number))
    lines = lines_with_marks(ocred, image, dpi, warnings, letters)
    return PageRead(
        page.number,
        lines,
        warnings,
        ocr=True,
        page=ocred,
        doubts=doubtful_words(words, page.number, dpi) + dropped_regions(dropped, page.number, dpi),
    )


def without_colour_marks(number: int, image: Image.Image, dpi: int, warnings: list[Issue]) -> Image.Image:
    """The greyscale page without the coloured marks (stamps, handwriting, logos) that
    :mod:`.marks` finds in ``image``, its colour render, each reported; ``image`` as it is
    when it is greyscale (a renderer without colour)."""
    if image.mode != "RGB":
        return image if image.mode == "L" else image.convert("L")
    image, marks = without_marks(greyscale(image), image, dpi)
    warnings.extend(ignored(number, mark.box, dpi, f"a coloured mark ({mark.kind})") for mark in marks)
    return image


def upright(page: Page, image: Image.Image, engine: OcrBackend, warnings: list[Issue]) -> tuple[Page, Image.Image]:
    """``page`` and its render turned upright when its text runs sideways (a landscape
    table scanned in portrait, a page fed in the wrong way), by Tesseract's orientation
    detection; as they are otherwise. A page's /Rotate is applied by the render already."""
    turn = engine.orientation(image) if runs_sideways(image) else 0
    if not turn:
        return page, image
    warnings.append(
        Issue(
            IssueCode.OCR_PAGE_TURNED,
            f"page {page.number} was scanned sideways; it was turned by {turn}° before OCR",
            page.number,
        )
    )
    if turn in (90, 270):
        # The page as read is the page turned: its lines run across its new width.
        page = replace(page, width=page.height, height=page.width, annotations=())
    return page, image.rotate(-turn, expand=True, fillcolor=255)


def lines_with_marks(
    page: Page, image: Image.Image, dpi: int, warnings: list[Issue], letters: Sequence[PixelBox] = ()
) -> list[Line]:
    """The lines of ``page`` with the checkboxes and marks found in ``image`` placed in them, in
    reading order (a side block after the text beside it)."""
    from .pixel_marks import place_marks, with_pixel_marks

    page, marks, found = with_pixel_marks(without_edge_signs(page), image, dpi, letters)
    warnings.extend(found)
    lines = page_lines(page)
    place_marks(lines, marks, page.number)
    return side_block_order(without_rules(lines), page.width, page.shapes)


def ignored(number: int, box: tuple[int, int, int, int], dpi: int, what: str) -> Issue:
    """The warning that ``what`` at pixel ``box`` of page ``number`` (rendered at ``dpi``) was left
    out of the text: a stamp, handwriting or a logo is not the paper's text."""
    left, top, right, bottom = (round(v * 72 / dpi, 1) for v in box)
    return Issue(
        IssueCode.OCR_REGION_IGNORED,
        f"page {number}: {what} at ({left:.0f}, {top:.0f})–({right:.0f}, {bottom:.0f}) pt was left out "
        "of the text (a stamp, handwriting or a logo?)",
        number,
        bbox=(left, top, right, bottom),
    )
