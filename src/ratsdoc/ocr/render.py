"""Rendering a page for OCR with PDFium, and the share of its text drawn invisibly.

:class:`Renderer` is what the OCR step needs of a renderer; :class:`PageRenderer` (PDFium) is
the one it uses unless it is given another. Every PDFium call is made under
:func:`~ratsdoc.layout.pdfium_lock.pdfium_lock`, one page at a time.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..layout.pdfium_lock import pdfium_lock
from .hidden_text import invisible_text_share
from .tsv import OCR_DPI

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


#: PDFium's own greyscale render weighs the channels as ITU-R 601 and rounds down; PIL's
#: ``convert("L")`` rounds to nearest, which made nearly every pixel one level lighter.
_GREY_MATRIX = (0.299, 0.587, 0.114, -0.4999)


def greyscale(colour: Image.Image) -> Image.Image:
    """``colour`` (RGB) as 8-bit grey, as PDFium renders the page in greyscale: on the scanned
    fixtures 99.9 % of the pixels are equal and the rest one level apart, so a page needs to be
    rendered only once, in colour, for both :mod:`.marks` and the filters."""
    grey: Image.Image = colour.convert("L", matrix=_GREY_MATRIX) if colour.mode == "RGB" else colour.convert("L")
    return grey


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


@runtime_checkable
class ColourRenderer(Protocol):
    """A renderer that can also render a page in colour (PDFium's; test fakes need not)."""

    def render_colour(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) as an RGB image at ``dpi``."""
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
        self._document: Any = None
        self._preflight_lock = threading.Lock()

    def _data(self) -> bytes:
        """The checked bytes of the file (Python's preflight, run outside the PDFium lock)."""
        with self._preflight_lock:  # pages are rendered from several threads: check the file once
            return self._checked_data()

    def _checked_data(self) -> bytes:
        if self._checked is None:
            from ..layout.preflight import preflight

            # PDFium renders in C, outside the budget: whichever engine read the text, the
            # file's streams, images and forms are checked before PDFium decodes them.
            if self._budget is None:
                raise ValueError("rendering an unchecked file needs the parse's budget")
            checked = preflight(self._pdf, self._budget, password=self._password, max_pages=self._max_pages)
            self._checked = checked.data
        return self._checked

    @contextmanager
    def _page(self, number: int) -> Iterator[Any]:
        """Page ``number`` (1-based) with the PDFium lock held; closed before it is released."""
        data = self._data()
        with pdfium_lock():
            if self._document is None:
                import pypdfium2 as pdfium

                self._document = pdfium.PdfDocument(data, password=self._password)
            page = self._document[number - 1]
            try:
                yield page
            finally:
                page.close()

    def render(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) as an 8-bit greyscale image at ``dpi``."""
        with self._page(number) as page:
            bitmap = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True)
            try:
                # convert() copies, so the image owns its pixels once the bitmap is closed.
                image: Image.Image = bitmap.to_pil().convert("L")
            finally:
                bitmap.close()
        return image

    def render_colour(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) in RGB at ``dpi``: the colours :mod:`.marks` looks at."""
        with self._page(number) as page:
            bitmap = page.render(scale=dpi / 72, may_draw_forms=True)
            try:
                image: Image.Image = bitmap.to_pil().convert("RGB")
            finally:
                bitmap.close()
        return image

    def invisible_text_share(self, number: int) -> float:
        """Share of page ``number``'s text objects drawn invisibly (see :mod:`.hidden_text`)."""
        with self._page(number) as page:
            return invisible_text_share(page.raw)

    def close(self) -> None:
        """Release the PDFium document (under the PDFium lock, not left to the garbage collector)."""
        if self._document is not None:
            with pdfium_lock():
                self._document.close()
            self._document = None
