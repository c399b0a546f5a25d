"""The reference PDF engine: pdfplumber/pdfminer.six filling ratsdoc's page model."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import math
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page as PlumberPage

from ..budget import Budget
from ..errors import DamagedPdfError, LimitExceededError
from ..input import PdfInput
from ..issues import Issue, IssueCode
from ..ocr.policy import without_invisible_text
from . import pdfminer_guard
from .annotations import annotation_from_dict
from .form_text import with_field_text
from .model import MAX_PAGE_IMAGES, Annotation, Char, EngineLimits, Page, Shape, ShapeKind, split_ligatures
from .pagetree import (
    REPAIRED_WARNING,
    annotation_unreadable,
    annotations_cut,
    chars_cut,
    checked_page_count,
    describe,
    iter_page_dicts,
    none_readable,
    open_error,
    open_repairing,
    shapes_cut,
    skipped_page,
    too_many_pages,
    xfa_warnings,
)
from .structure import DocumentStructure, PageMarks


def _valid_rect(value: Any) -> bool:
    """True for a list of four finite numbers that spans a non-empty area."""
    try:
        numbers = [float(resolve1(v)) for v in value]
    except (TypeError, ValueError):
        return False
    return (
        len(numbers) == 4
        and all(math.isfinite(n) for n in numbers)
        and numbers[0] != numbers[2]
        and numbers[1] != numbers[3]
    )


def make_pdfpage(doc: Any, pageid: Any, attrs: dict[str, Any], warnings: list[Issue], number: int) -> PDFPage:
    """A pdfminer page from ``attrs``, with broken boxes and rotation replaced by defaults."""
    for name in ("MediaBox", "CropBox"):
        if name in attrs and not _valid_rect(resolve1(attrs[name]) or ()):
            del attrs[name]
            warnings.append(
                Issue(IssueCode.PAGE_BOX_INVALID, f"page {number}: the {name} is invalid, a default was used", number)
            )
    rotate = resolve1(attrs.get("Rotate", 0))
    if not isinstance(rotate, int) or rotate % 90:
        attrs["Rotate"] = 0
    if "MediaBox" not in attrs:
        attrs["MediaBox"] = [0, 0, 595, 842]  # A4, the size of German council papers
    if not isinstance(resolve1(attrs.get("Resources", {})), dict):
        attrs["Resources"] = {}
    return PDFPage(doc, pageid, attrs, None)


def _mcid(value: Any) -> int:
    """A char's marked-content id as pdfplumber gives it (an int, or None), -1 for none."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else -1


def _finite(value: Any) -> float:
    """A page dimension as a finite float (broken media boxes can hold anything)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


class PdfplumberSource:
    """Pages of one PDF read with pdfplumber, yielded one at a time and released after use.

    ``budget`` is the parse's: the pdfminer patches (:mod:`.pdfminer_guard`) apply its caps and
    deadline while a page is interpreted, and the page's warnings say what they dropped.
    """

    def __init__(self, pdf: PdfInput, *, budget: Budget, limits: EngineLimits) -> None:
        pdfminer_guard.install()
        self._input = pdf
        self._budget = budget
        self.checked_data: bytes | None = None  # pdfminer is patched itself: no preflight
        password, max_pages = limits.password, limits.max_pages
        self._max_chars = limits.max_chars_per_page
        self._max_annots = limits.max_annotations_per_page
        self._doc_warnings: list[Issue] = []
        catalog_pages, _, repaired = open_repairing(
            pdf.data, pdf.name, password, lambda data: self._open(data, password), lambda pages: pages
        )
        if repaired:
            self._doc_warnings.append(REPAIRED_WARNING)
        self._doc_warnings += xfa_warnings(self._pdf.doc.catalog)
        # A tagged file's structure tree, read as the PDFium engine reads it (structure.py).
        self._structure = DocumentStructure.of(self._pdf.doc.catalog)
        try:
            self.page_count = checked_page_count(catalog_pages, max_pages, pdf.name)
        except LimitExceededError:
            self.close()
            raise
        self._max_pages = max_pages
        self.skipped_pages = 0

    def pages(self) -> Iterator[Page]:
        """Yield page models in order; stops with an error past ``max_pages``.

        A page whose content cannot be interpreted is yielded empty with a warning, so one
        damaged page does not cost the document; if no page at all can be read, the
        document is damaged.
        """
        doctop = 0.0
        seen = 0
        try:
            for number, raw_page, early in self._raw_pages():
                if number > self._max_pages:
                    raise too_many_pages(self._max_pages, self._input.name)
                seen = number
                page: PlumberPage | None = None
                try:
                    if raw_page is None:
                        raise early or ValueError("no page object")
                    page = PlumberPage(self._pdf, raw_page, page_number=number, initial_doctop=doctop)
                    try:
                        converted = self._convert(page)
                    finally:
                        self._budget.end_page()
                    notes = (*self._doc_warnings, *(early.args if early else ()))
                    self._doc_warnings = []
                    if notes:
                        converted = dataclasses.replace(converted, warnings=(*notes, *converted.warnings))
                except LimitExceededError:
                    raise
                except Exception as exc:  # one unreadable page must not cost the others
                    self.skipped_pages += 1
                    converted = skipped_page(number, describe(exc))
                doctop += converted.height
                yield converted
                if page is not None:
                    page.close()
        except LimitExceededError:
            raise
        except Exception as exc:
            if seen == 0:
                raise open_error(exc, self._input.name, None) from None
            raise DamagedPdfError(
                f"damaged PDF: page {seen + 1} cannot be read ({describe(exc)})",
                file=self._input.name,
            ) from None
        if seen and self.skipped_pages == seen:
            raise none_readable(seen, self._input.name)
        if self.page_count < 0 or self.page_count != seen:
            self.page_count = seen

    def _open(self, data: bytes, password: str | None) -> Any:
        """Open ``data`` with pdfplumber; return the catalog's /Pages (a reference, mostly)."""
        self._pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
        return self._pdf.doc.catalog.get("Pages")

    def _raw_pages(self) -> Iterator[tuple[int, PDFPage | None, Exception | None]]:
        """(number, pdfminer page or None, problem) for each page, in order.

        The page tree is walked here rather than by pdfminer, whose generator dies at the
        first page with a broken box; a tree that yields nothing falls back to pdfminer's
        scan of all objects for /Type /Page.
        """
        doc = self._pdf.doc
        number = 0
        root = doc.catalog.get("Pages")
        if root is not None:
            for pageid, attrs in iter_page_dicts(root):
                number += 1
                warnings: list[Issue] = []
                try:
                    page = make_pdfpage(doc, pageid, attrs, warnings, number)
                except Exception as exc:
                    yield number, None, exc
                    continue
                yield number, page, ValueError(*warnings) if warnings else None
        if number:
            return
        for number, page in enumerate(PDFPage.create_pages(doc), start=1):
            yield number, page, None

    def _convert(self, page: PlumberPage) -> Page:
        warnings: list[Issue] = []
        budget = self._budget
        budget.start_page()  # the patches drop objects beyond the caps while interpreting
        raw_chars = page.chars
        if budget.dropped_chars:
            warnings.append(chars_cut(page.page_number, budget.page_chars + budget.dropped_chars, self._max_chars))
        if budget.damaged_streams:
            warnings.append(
                Issue(
                    IssueCode.STREAM_DAMAGED,
                    f"page {page.page_number}: {budget.damaged_streams} compressed stream(s) are "
                    "damaged; text on this page may be missing or garbled",
                    page.page_number,
                )
            )
        if budget.dropped_shapes:
            warnings.append(shapes_cut(page.page_number, budget.max_shapes_per_page, budget.dropped_shapes))
        if len(raw_chars) > self._max_chars:
            warnings.append(chars_cut(page.page_number, len(raw_chars), self._max_chars))
            raw_chars = raw_chars[: self._max_chars]
        # tuple.__new__ with the fields in order (text, x0, top, x1, bottom, fontname, size,
        # upright, invisible, mcid): a named tuple's keyword constructor is a Python frame per
        # glyph. The MCID is read in tagged files only, as the PDFium engine reads it.
        new_char = tuple.__new__
        tagged = self._structure is not None
        # A glyph of several letters (a ligature) becomes its letters, as PDFium splits it.
        chars = split_ligatures(
            tuple(
                new_char(
                    Char,
                    (
                        c["text"],
                        float(c["x0"]),
                        float(c["top"]),
                        float(c["x1"]),
                        float(c["bottom"]),
                        str(c.get("fontname", "")),
                        float(c.get("size", 0.0)),
                        bool(c.get("upright", True)),
                        "invisible" in c,
                        _mcid(c.get("mcid")) if tagged else -1,
                    ),
                )
                for c in raw_chars
            )
        )
        shapes: list[Shape] = []
        for kind, objs in (("rect", page.rects), ("line", page.lines), ("curve", page.curves)):
            shape_kind: ShapeKind = kind  # type: ignore[assignment]
            shapes.extend(
                Shape(
                    kind=shape_kind,
                    x0=float(o["x0"]),
                    top=float(o["top"]),
                    x1=float(o["x1"]),
                    bottom=float(o["bottom"]),
                    stroked=bool(o.get("stroke", True)),
                    filled=bool(o.get("fill", False)),
                )
                for o in objs
            )
        image_area = sum(
            max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
            for i in page.images
        )
        images = tuple(
            (float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"])) for i in page.images[:MAX_PAGE_IMAGES]
        )
        annotations = self._annotations(page, warnings)
        # The values of filled-in form fields are text of the page (form_text.py).
        return with_field_text(
            without_invisible_text(
                Page(
                    number=page.page_number,
                    width=_finite(page.width),
                    height=_finite(page.height),
                    chars=chars,
                    shapes=tuple(shapes),
                    annotations=annotations,
                    image_area=image_area,
                    warnings=tuple(warnings),
                    images=images,
                    marks=self._page_marks(page),
                )
            ),
            self._max_chars,
        )

    def _page_marks(self, page: PlumberPage) -> PageMarks | None:
        """The structure elements of ``page``'s marked contents (None when untagged)."""
        if self._structure is None:
            return None
        return self._structure.marks(page.page_obj.attrs.get("StructParents"))

    def _annotations(self, page: PlumberPage, warnings: list[Issue]) -> tuple[Annotation, ...]:
        raw: Any = resolve1(page.page_obj.attrs.get("Annots"))
        if not isinstance(raw, list):
            return ()
        if len(raw) > self._max_annots:
            warnings.append(annotations_cut(page.page_number, len(raw), self._max_annots))
            raw = raw[: self._max_annots]
        mb = page.page_obj.mediabox
        origin = (float(mb[0]), float(mb[1])) if mb else (0.0, 0.0)
        result = []
        for ref in raw:
            try:
                obj = resolve1(ref)
                if isinstance(obj, dict):
                    annot = annotation_from_dict(obj, resolve1, page_height=float(page.height), origin=origin)
                    if annot is not None:
                        result.append(annot)
            except Exception:  # one broken annotation must not cost the page
                warnings.append(annotation_unreadable(page.page_number))
        return tuple(result)

    def close(self) -> None:
        """Close the underlying pdfplumber document.

        pdfplumber's own ``close`` builds every page of the document first (to close
        them), which re-reads all pages and raises on broken ones; ours only drops caches.
        """
        self._pdf.flush_cache()
        self._pdf._pages = []
        with contextlib.suppress(Exception):
            self._pdf.close()
