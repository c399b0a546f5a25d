"""Rendering a page for OCR with PDFium, and the share of its text drawn invisibly.

:class:`Renderer` is what the OCR step needs of a renderer; :class:`PageRenderer` (PDFium) is
the one it uses unless it is given another.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Protocol

from .engine import OCR_DPI
from .hidden_text import invisible_text_share

if TYPE_CHECKING:
    from PIL import Image

    from ..budget import Budget
    from ..input import PdfInput


def _pixels(width: float, height: float, dpi: int) -> int:
    """Pixels of a ``width`` × ``height`` pt page rendered at ``dpi``."""
    return math.ceil(width * dpi / 72) * math.ceil(height * dpi / 72)


#: Most pixels a page is rendered with for OCR: A3 (842 × 1191 pt) at 300 dpi, about 17.4 Mpx.
#: PDFium allocates the whole bitmap and the filters copy it several times, so a 5000 pt
#: square page at 300 dpi took 56 s and 6.7 GB; a larger page is rendered at a lower dpi.
MAX_OCR_PIXELS = _pixels(842, 1191, OCR_DPI)


def ocr_dpi(width: float, height: float) -> int:
    """The resolution to render a ``width`` × ``height`` pt page at for OCR.

    :data:`~.engine.OCR_DPI` unless the page would then have more than :data:`MAX_OCR_PIXELS`;
    then the highest whole dpi within them, 0 when not even 1 dpi fits (an absurd page box).
    """
    width, height = max(width, 1.0), max(height, 1.0)
    dpi = min(OCR_DPI, int(72 * math.sqrt(MAX_OCR_PIXELS / (width * height))))
    while dpi > 0 and _pixels(width, height, dpi) > MAX_OCR_PIXELS:
        dpi -= 1  # rounding up to whole pixels may pass the budget by a row or column
    return dpi


class Renderer(Protocol):
    """Pages of one PDF as images, and how much of a page's text is invisible."""

    def render(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) as an 8-bit greyscale image at ``dpi``."""
        ...

    def invisible_text_share(self, number: int) -> float:
        """Share of page ``number``'s text objects drawn invisibly (a scan's OCR layer)."""
        ...

    def close(self) -> None:
        """Release what rendering holds."""
        ...


class PageRenderer:
    """Renders pages of one PDF to greyscale images with PDFium (opened on first use).

    ``checked`` are the file's bytes as the PDFium engine's preflight already passed them;
    without them the renderer runs the preflight itself, within ``budget`` (the parse's).
    """

    def __init__(
        self,
        pdf: PdfInput,
        password: str | None,
        max_pages: int,
        checked: bytes | None = None,
        budget: Budget | None = None,
    ) -> None:
        self._pdf = pdf
        self._password = password
        self._max_pages = max_pages
        self._checked = checked
        self._budget = budget
        self._document: object | None = None

    def _page(self, number: int) -> Any:
        import pypdfium2 as pdfium

        from ..layout.preflight import preflight

        if self._document is None:
            # PDFium renders in C, outside the budget: whichever engine read the text, the
            # file's streams, images and forms are checked before PDFium decodes them.
            data = self._checked
            if data is None:
                if self._budget is None:
                    raise ValueError("rendering an unchecked file needs the parse's budget")
                data = preflight(self._pdf, self._budget, password=self._password, max_pages=self._max_pages).data
            self._document = pdfium.PdfDocument(data, password=self._password)
        document: pdfium.PdfDocument = self._document
        return document[number - 1]

    def render(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) as an 8-bit greyscale image at ``dpi``."""
        page = self._page(number)
        try:
            image: Image.Image = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_pil()
        finally:
            page.close()
        return image.convert("L")

    def invisible_text_share(self, number: int) -> float:
        """Share of page ``number``'s text objects drawn invisibly (see :mod:`.hidden_text`)."""
        page = self._page(number)
        try:
            return invisible_text_share(page.raw)
        finally:
            page.close()

    def close(self) -> None:
        """Release the PDFium document."""
        if self._document is not None:
            self._document.close()  # type: ignore[attr-defined]
            self._document = None
