"""ratsdoc's own page model: what every later stage sees of a PDF, independent of the engine.

Coordinates are PDF points with the origin at the top-left corner of the page
(``top`` grows downwards), as pdfplumber reports them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from ..issues import Issue

if TYPE_CHECKING:
    from ..options import ParseOptions


class Char(NamedTuple):
    """One glyph with its font and box.

    A named tuple rather than a frozen dataclass: the engines build one per glyph (800,000 for
    the 354 pages of the benchmark subset) and a tuple is built in a third of the time.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float
    upright: bool = True
    #: Drawn in text render mode 3 or 7, which paints nothing: a scan's OCR layer, or text
    #: hidden on purpose (see :func:`~ratsdoc.ocr.policy.without_invisible_text`).
    invisible: bool = False
    #: The marked-content id (MCID) of the ``BDC`` the glyph was drawn in, -1 outside one; in a
    #: tagged PDF it leads to the glyph's structure element (:attr:`Page.marks`).
    mcid: int = -1


#: The Unicode ligatures U+FB00-U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) and their letters (NFKC of that block only:
#: NFKC elsewhere would also rewrite text a paper means, such as "²" or "½").
LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def glyph_letters(char: Char, letters: str) -> list[Char]:
    """The chars of one glyph that stands for several letters (a ligature "ff", "ft", "ffi", or
    a font mapping one glyph to two chars): one char per letter, side by side, each an equal
    share of the glyph's box, so that later stages see letters of one word, not one glyph or
    parts stacked on the same spot."""
    step = (char.x1 - char.x0) / len(letters)
    return [
        char._replace(
            text=letter, x0=char.x0 + i * step, x1=char.x1 if i == len(letters) - 1 else char.x0 + (i + 1) * step
        )
        for i, letter in enumerate(letters)
    ]


def split_ligatures(chars: tuple[Char, ...]) -> tuple[Char, ...]:
    """``chars`` with every glyph of several letters (and every ligature code point) replaced by
    its letters (:func:`glyph_letters`); pdfminer keeps such a glyph as one char, PDFium splits it.
    ``(cid:NN)`` placeholders of unmapped glyphs stay as they are."""
    joined = "".join([c[0] for c in chars])
    if len(joined) == len(chars) and not _LIGATURE_RE.search(joined):
        return chars  # the common page: one code point per glyph, no ligature code point
    result: list[Char] = []
    for char in chars:
        text = char[0]
        if (len(text) == 1 and text not in LIGATURES) or not text or text.startswith("(cid:"):
            result.append(char)
            continue
        letters = "".join(LIGATURES.get(ch, ch) for ch in text)
        result.extend(glyph_letters(char, letters) if len(letters) > 1 else [char._replace(text=letters)])
    return tuple(result)


#: The structure element of marked content that leads to none (:class:`Marks`).
UNKNOWN_BLOCK = -1


class Marks(Protocol):
    """The structure elements of one page's marked contents, read when first asked."""

    def block(self, mcid: int) -> int:
        """The paragraph-like structure element (a paragraph, a heading, a list item's body, a
        table cell) marked content ``mcid`` was drawn for, by an id that is the same on every
        page of the document; :data:`UNKNOWN_BLOCK` when there is none or it cannot be read."""
        ...

    def crosses_pages(self) -> bool:
        """Whether the document keeps some such element whole across a page break: only then
        do two elements on either side of one mean two paragraphs."""
        ...


#: A box on the page: (x0, top, x1, bottom) in points.
Box = tuple[float, float, float, float]

#: Image boxes kept per page (:attr:`Page.images`): a page may draw thousands of images (a map
#: in tiles, a chart in dots), and what reads the boxes (text drawn as image strips,
#: :func:`~ratsdoc.ocr.policy.text_strips`) needs lines of text, not every tile. The area of
#: the images beyond it still counts in :attr:`Page.image_area`.
MAX_PAGE_IMAGES = 1_000


ShapeKind = Literal["rect", "line", "curve"]


@dataclass(frozen=True, slots=True)
class Shape:
    """A vector object: a rectangle, a straight rule or a curve, by its bounding box."""

    kind: ShapeKind
    x0: float
    top: float
    x1: float
    bottom: float
    stroked: bool = True
    filled: bool = False


AnnotKind = Literal["link", "checkbox", "radio", "text_field", "other"]


@dataclass(frozen=True, slots=True)
class Annotation:
    """A link or form widget on a page.

    ``checked`` is the state of a checkbox/radio widget (True/False), None for other kinds
    or when the widget carries no readable state.
    """

    kind: AnnotKind
    x0: float
    top: float
    x1: float
    bottom: float
    uri: str | None = None
    field_name: str | None = None
    checked: bool | None = None
    value: str | None = None
    #: A text field's look, which places its value on the page (:mod:`.form_text`): several lines
    #: (/Ff bit 13), the font size of its default appearance (/DA; 0 sizes the text to the box),
    #: the font's resource name there ("Helv"), and its quadding (/Q: 0 left, 1 centred, 2 right).
    multiline: bool = False
    font_size: float = 0.0
    font: str | None = None
    align: int = 0


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its size and everything drawn on it."""

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    shapes: tuple[Shape, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    image_area: float = 0.0
    warnings: tuple[Issue, ...] = field(default=())
    #: The boxes of the page's image objects, in points like the chars, at most
    #: :data:`MAX_PAGE_IMAGES` of them.
    images: tuple[Box, ...] = ()
    #: In a tagged PDF: which paragraph-like structure element each MCID of the page was drawn
    #: for, looked up when asked (:mod:`.structure`); None for an untagged file.
    marks: Marks | None = None


@dataclass(frozen=True, slots=True)
class EngineLimits:
    """What an engine may read of one document: its password and the per-document caps."""

    password: str | None = None
    max_pages: int = 500
    max_chars_per_page: int = 200_000
    max_annotations_per_page: int = 2_000

    @classmethod
    def from_options(cls, options: ParseOptions) -> EngineLimits:
        """The limits ``options`` set for the engines."""
        return cls(
            password=options.password,
            max_pages=options.max_pages,
            max_chars_per_page=options.max_chars_per_page,
            max_annotations_per_page=options.max_annotations_per_page,
        )


class PageSource(Protocol):
    """What a PDF engine hands to the pipeline: a page count and pages, one at a time."""

    page_count: int
    #: The file's bytes as the PDFium preflight passed them (repaired if need be), so that
    #: rendering pages for OCR need not check them again; None when the engine ran none.
    checked_data: bytes | None

    def pages(self) -> Iterator[Page]:
        """Yield the pages in order; each is independent of the engine once yielded."""
        ...

    def close(self) -> None:
        """Release the engine's resources."""
        ...
