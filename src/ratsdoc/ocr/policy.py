"""Which pages are scans: the one rule the OCR step and the furniture marking share.

A page is a scan when images cover much of it (:func:`is_scanned_page`). Such a page is
OCRed when it has no text layer (:func:`has_text_layer`); with text, it is a scan with its
own OCR layer only when that text is mostly invisible (:func:`is_ocr_layer`), else it is a
slide or poster whose text is printed over a picture.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Protocol

from ..issues import Issue, IssueCode

if TYPE_CHECKING:
    from ..layout.model import Page

#: A page whose images cover this share of it and that has no text is a scan.
SCAN_IMAGE_SHARE = 0.3
#: A page with text and such images is a scan with its own OCR layer only when at least this
#: share of its text objects is invisible (render mode 3, what OCR tools write).
HIDDEN_LAYER_SHARE = 0.5


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
