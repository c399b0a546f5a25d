"""Which pages are scans: the one rule the OCR step and the furniture marking share.

A page is a scan when images cover much of it (:func:`is_scanned_page`). Such a page is
OCRed when it has no text layer (:func:`has_text_layer`); with text, it is a scan with its
own OCR layer only when that text is mostly invisible (:func:`is_ocr_layer`), else it is a
slide or poster whose text is printed over a picture.

A page that is no scan may still draw lines of its text as images (:func:`text_strips`): a
council system's export that could not embed a font draws each such line as a thin image
mask beside the text layer it did write. Those lines are read from the pixels by the OCR
step.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Protocol

from ..issues import Issue, IssueCode

if TYPE_CHECKING:
    from ..layout.model import Box, Page

#: A page whose images cover this share of it and that has no text is a scan.
SCAN_IMAGE_SHARE = 0.3
#: A page with text and such images is a scan with its own OCR layer only when at least this
#: share of its text objects is invisible (render mode 3, what OCR tools write).
HIDDEN_LAYER_SHARE = 0.5
#: Heights (points) of an image that is one line of text: 6-pt small print set tight up to a
#: 20-pt heading with its leading. The Erlangen export (erlangen-sbr-buechenbach, 2025
#: Einladung) draws 10–11 pt text as strips 11–14 pt high; a logo or a signature is taller.
STRIP_HEIGHT = (5.0, 30.0)
#: A strip is at least this many times as wide as high: a word of some letters is two to
#: three line heights wide, a line of words many; an icon or a logo block is squarer.
STRIP_WIDTH = 3.0
#: A page's text is read from its strips only when it has this many such lines: a logo's
#: lettering, a signature or one stamp-like image are one or two, a text is several.
MIN_STRIPS = 3


class PageArea(Protocol):
    """A page's size and the area its images cover (points): a page or its page info."""

    @property
    def width(self) -> float:
        """Page width."""
        ...

    @property
    def height(self) -> float:
        """Page height."""
        ...

    @property
    def image_area(self) -> float:
        """Area covered by images."""
        ...


def is_scanned_page(page: PageArea) -> bool:
    """Whether images cover enough of ``page`` (:data:`SCAN_IMAGE_SHARE`) for it to be a scan."""
    return page.image_area >= SCAN_IMAGE_SHARE * max(page.width * page.height, 1.0)


def has_text_layer(page: Page) -> bool:
    """Whether ``page`` has text of its own, not counting spaces."""
    # Spaces alone are no text layer: a scanned letter in Word keeps the document's empty
    # paragraphs, and PDFium, unlike pdfminer, does not even report them.
    return any(not char.text.isspace() for char in page.chars)


_INVISIBLE = attrgetter("invisible")


def without_invisible_text(page: Page) -> Page:
    """``page`` without its invisible chars, with a warning, unless it is a scan.

    A scan keeps them: its OCR layer is invisible by design, and the OCR step decides what
    to make of it. Elsewhere invisible text is nothing a reader sees, yet it would decide
    fields (a hidden "Drucksache 9999/99" beside the printed number).
    """
    # map/attrgetter counts in C: this runs over every char of every page.
    hidden = sum(map(_INVISIBLE, page.chars))
    if not hidden or is_scanned_page(page):
        return page
    issue = Issue(
        IssueCode.TEXT_INVISIBLE,
        f"page {page.number}: {hidden:,} invisible character(s) were ignored (text that is not drawn, on a page "
        "that is not a scan)",
        page.number,
    )
    return replace(
        page, chars=tuple(char for char in page.chars if not char.invisible), warnings=(*page.warnings, issue)
    )


def is_ocr_layer(hidden_share: float) -> bool:
    """Whether a scan's text, ``hidden_share`` of whose text objects are invisible, is its OCR
    layer (:data:`HIDDEN_LAYER_SHARE`) rather than text printed over a picture."""
    return hidden_share >= HIDDEN_LAYER_SHARE


def _line_height(box: Box) -> bool:
    return STRIP_HEIGHT[0] <= box[3] - box[1] <= STRIP_HEIGHT[1]


def text_strips(page: Page) -> tuple[Box, ...]:
    """The images of ``page`` that are lines of its text drawn as pictures, or () when it has
    fewer than :data:`MIN_STRIPS` of them.

    A strip is an image one text line high (:data:`STRIP_HEIGHT`) with no visible char of the
    layer inside (text over an image is the layer's own: a shaded heading). The page counts
    by its wide strips (:data:`STRIP_WIDTH`); once it counts, its narrow images of line height
    without text are strips too, for such an export draws an agenda number ("1.") as an
    image of its own beside the title's.
    """
    lines = [box for box in page.images if _line_height(box)]
    if sum(box[2] - box[0] >= STRIP_WIDTH * (box[3] - box[1]) for box in lines) < MIN_STRIPS:
        return ()  # the common page: few images, none like a line of text
    # The visible chars' centres, by height, so that each image looks at its own band only.
    centres = sorted(((c.top + c.bottom) / 2, (c.x0 + c.x1) / 2) for c in page.chars if not c.text.isspace())
    heights = [y for y, _ in centres]

    def empty(box: Box) -> bool:
        first, last = bisect.bisect_left(heights, box[1]), bisect.bisect_right(heights, box[3])
        return not any(box[0] <= x <= box[2] for _, x in centres[first:last])

    strips = tuple(box for box in lines if empty(box))
    wide = sum(box[2] - box[0] >= STRIP_WIDTH * (box[3] - box[1]) for box in strips)
    return strips if wide >= MIN_STRIPS else ()


def strips_read(number: int, strips: int, words: int, engine: str) -> Issue:
    """The warning that ``strips`` images of text on page ``number`` were read by OCR."""
    return Issue(
        IssueCode.TEXT_IMAGES_READ,
        f"page {number} draws text as {strips} image(s) without a text layer; {words} word(s) were read from "
        f"them with {engine}",
        number,
    )


def strips_unread(number: int, strips: int, why: str) -> Issue:
    """The warning that ``strips`` images of text on page ``number`` were not read (``why``)."""
    return Issue(
        IssueCode.TEXT_IMAGES_UNREAD,
        f"page {number} draws text as {strips} image(s) without a text layer; it was not read ({why}), so that text "
        "is missing",
        number,
    )
