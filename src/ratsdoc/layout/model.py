"""ratsdoc's own page model: what every later stage sees of a PDF, independent of the engine.

Coordinates are PDF points with the origin at the top-left corner of the page
(``top`` grows downwards), as pdfplumber reports them.
"""

from __future__ import annotations

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
