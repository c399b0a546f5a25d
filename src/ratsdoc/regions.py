"""Third stage: the lines of all pages as one document layout, with running headers and footers
marked (:mod:`.furniture`) and multi-column pages in reading order, and lookups that find labels
and the regions they head."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .furniture import mark_furniture
from .issues import Issue
from .layout.columns import order_columns
from .layout.lines import Line, Token
from .models import BBox, Provenance

if TYPE_CHECKING:
    from .ocr.confidence import OcrDoubt


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """A link annotation's target and box."""

    uri: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class PageInfo:
    """Size of one page, its link annotations, and whether it had a text layer."""

    number: int
    width: float
    height: float
    links: tuple[LinkInfo, ...] = ()
    has_text: bool = True
    image_area: float = 0.0


@dataclass(slots=True)
class Layout:
    """All lines of a document in reading order (page, top, left), furniture marked."""

    pages: list[PageInfo]
    lines: list[Line]
    warnings: list[Issue] = field(default_factory=list)
    #: Pages whose text came from OCR (Tesseract here, or the scan's own OCR layer): the
    #: extractors match labels fuzzily there.
    ocr_pages: list[int] = field(default_factory=list)
    #: Words OCR read with low confidence (:mod:`ratsdoc.ocr.confidence`), for the fields' doubt.
    ocr_doubts: list[OcrDoubt] = field(default_factory=list)
    #: Lines OCR read from page 1's letterhead logo (a picture), apart from the text (ocr/logos.py).
    logo_lines: list[Line] = field(default_factory=list)

    @property
    def body_lines(self) -> list[Line]:
        """Lines that are not running headers, footers or page numbers."""
        return [line for line in self.lines if not line.furniture]

    def page_width(self, number: int) -> float:
        """Width of page ``number`` (1-based)."""
        return self.pages[number - 1].width

    def find(self, pattern: regex.Pattern[str], *, start: int = 0) -> Iterator[tuple[int, Line, regex.Match[str]]]:
        """(index, line, match) of body lines whose text matches ``pattern``, from ``start`` on."""
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if line.furniture:
                continue
            match = pattern.search(line.text)
            if match:
                yield index, line, match


def build_layout(pages: list[PageInfo], page_lines: list[list[Line]]) -> Layout:
    """Join per-page lines into one layout, mark the furniture and put the body lines of
    multi-column pages in reading order (layout/columns.py; a doubtful order is warned)."""
    lines = [line for per_page in page_lines for line in per_page]
    mark_furniture(lines, pages)
    lines, issues = order_columns(lines, {page.number: page.width for page in pages})
    layout = Layout(pages=pages, lines=lines)
    layout.warnings.extend(issues)
    return layout


def token_bbox(tokens: Sequence[Token]) -> BBox:
    """The box around ``tokens``."""
    return BBox(
        x0=round(min(t.x0 for t in tokens), 2),
        top=round(min(t.top for t in tokens), 2),
        x1=round(max(t.x1 for t in tokens), 2),
        bottom=round(max(t.bottom for t in tokens), 2),
    )


def provenance(lines: Sequence[Line] | Sequence[tuple[int, Sequence[Token]]]) -> list[Provenance]:
    """One provenance entry per page covered by ``lines`` (or (page, tokens) pairs)."""
    by_page: dict[int, list[Token]] = {}
    tokens: Sequence[Token]
    for item in lines:
        if isinstance(item, Line):
            page, tokens = item.page, item.tokens
        else:
            page, tokens = item
        if tokens:
            by_page.setdefault(page, []).extend(tokens)
    return [Provenance(page=page, bbox=token_bbox(tokens)) for page, tokens in by_page.items()]
