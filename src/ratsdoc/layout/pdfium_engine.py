"""A faster PDF engine: PDFium (via pypdfium2) filling ratsdoc's page model.

The page model must look the same as the one :mod:`.pdfplumber_engine` builds, because every
later stage was written against pdfplumber's numbers. That decides several details here:

* coordinates are transformed exactly like pdfminer does it (media-box origin, ``/Rotate``)
  and then flipped so that ``top`` grows downwards;
* a char box is the advance width wide and one font size high, sitting ``Descent`` below the
  baseline, as pdfminer's ``LTChar`` is (PDFium's own loose box is ``Ascent - Descent`` high);
* chars PDFium invents while building its text page (spaces and line breaks between text
  objects) are dropped, pdfminer never produces them;
* vector paths are split into subpaths and classified rect/line/curve with pdfminer's rules.

The coordinate arithmetic is in :mod:`.pdfium_geometry`, the paths in :mod:`.pdfium_paths`, the
annotations in :mod:`.pdfium_annots`, the text page's text in :mod:`.pdfium_text`, the chars in
:mod:`.pdfium_chars`; this module opens the document and reads its pages' shapes and images. In
a tagged file each char carries the MCID of its text object, and the page the structure elements
the preflight's pdfminer document leads them to (:mod:`.structure`), as the pdfplumber engine
reads them.

Known differences that cannot be removed through PDFium's API are listed in ``docs/engines.md``
(font names lose their subset prefix, fonts with ``Descent 0`` get PDFium's metrics).

PDFium's own work cannot be interrupted or budgeted, so it only sees a file that
:mod:`.preflight` has checked (page count, stream sizes, objects per page, with the reference
engine's errors); the Python loops here make the budget's cooperative deadline check.

PDFium is not thread-safe: every PDFium call here is made under :func:`.pdfium_lock` (opening,
one page at a time, closing), so sources in several threads take turns page by page.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..budget import Budget
from ..input import PdfInput
from ..issues import Issue
from ..ocr.policy import without_invisible_text
from .form_text import with_field_text
from .model import MAX_PAGE_IMAGES, Box, EngineLimits, Page, Shape
from .pagetree import (
    describe,
    none_readable,
    open_error,
    shapes_cut,
    skipped_page,
)
from .pdfium_annots import read_annotations
from .pdfium_chars import CharReader
from .pdfium_geometry import IDENTITY, Matrix, PageGeometry, apply, bbox, mult, obj_matrix
from .pdfium_lock import pdfium_lock
from .pdfium_paths import path_shapes
from .preflight import preflight
from .structure import PageMarks

#: Form XObjects nested deeper than this are not descended into (circular or hostile files).
_MAX_FORM_DEPTH = 12


class PdfiumSource:
    """Pages of one PDF read with PDFium, yielded one at a time; PDFium objects are closed
    after every page so that memory stays flat on long documents."""

    def __init__(self, pdf: PdfInput, *, budget: Budget, limits: EngineLimits) -> None:
        self._input = pdf
        password = limits.password
        self._max_chars = limits.max_chars_per_page
        self._max_annots = limits.max_annotations_per_page
        # The parse's cooperative deadline and memory check, made in the Python loops.
        self._tick = budget.tick
        # PDFium is C: page limits, stream budgets and opening errors are settled in Python
        # before it sees a byte (see preflight.py); it reads the bytes that were checked.
        checked = preflight(pdf, budget, password=password, max_pages=limits.max_pages)
        self.checked_data: bytes | None = checked.data
        self._doc_warnings = list(checked.warnings)
        # A tagged file's structure tree, read with the preflight's pdfminer document as the
        # pdfplumber engine reads it (see structure.py); None for an untagged file, which then
        # costs no marked-content look-up per text object.
        self._structure = checked.structure
        self._struct_parents = checked.struct_parents
        with pdfium_lock():
            try:
                self._doc = pdfium.PdfDocument(checked.data, password=password or None)
            except Exception as exc:  # anything from the loader means the file is unusable
                raise open_error(exc, pdf.name, password) from None
            try:
                # The form environment must exist before the first page is loaded; it is what
                # resolves inherited field attributes (type, flags, name, value) of widgets.
                # A broken AcroForm must not cost the text, hence the suppression.
                with contextlib.suppress(Exception):
                    self._doc.init_forms()
                # PDFium believes /Count; pages beyond the leaves the tree really has cannot load.
                self.page_count = min(len(self._doc), checked.page_count)
            except BaseException:
                # Closed here, under the lock: not later by the garbage collector, unlocked.
                self._doc.close()
                raise
        self.skipped_pages = 0
        self._text = CharReader(max_chars=self._max_chars, tick=self._tick, tagged=self._structure is not None)

    def pages(self) -> Iterator[Page]:
        """Yield page models in order.

        A page PDFium cannot load or read is yielded empty with a warning, so one damaged
        page does not cost the document; if no page at all can be read, the document is
        damaged (as with the pdfplumber engine). The PDFium lock is held while one page is
        read, never across a ``yield``.
        """
        for index in range(self.page_count):
            number = index + 1
            skipped = self.skipped_pages
            with pdfium_lock():
                model = self._read_page(index, number)
            # The document's warnings go to the first page that could be read.
            if self._doc_warnings and self.skipped_pages == skipped:
                model = dataclasses.replace(model, warnings=(*self._doc_warnings, *model.warnings))
                self._doc_warnings = []
            yield model
        if self.page_count and self.skipped_pages == self.page_count:
            raise none_readable(self.page_count, self._input.name)

    def _read_page(self, index: int, number: int) -> Page:
        """The model of page ``index``, or an empty page with a warning; call with the lock held."""
        page = None
        try:
            page = self._doc[index]
            return self._convert(page, number)
        except Exception as exc:  # one unreadable page must not cost the others
            self.skipped_pages += 1
            return skipped_page(number, describe(exc))
        finally:
            if page is not None:
                page.close()
            # Font handles belong to the closed page; their addresses may be reused.
            self._text.next_page()

    def _convert(self, page: Any, number: int) -> Page:
        geo = PageGeometry(page.raw)
        warnings: list[Issue] = []
        chars = self._text.chars(page.raw, geo, number, warnings)
        shapes: list[Shape] = []
        images: list[Box] = []
        image_area = self._objects(page.raw, geo, shapes, images, number, warnings)
        annotations = read_annotations(self._doc, page, geo, number, warnings, self._max_annots)
        # The values of filled-in form fields are text of the page (form_text.py).
        return with_field_text(
            without_invisible_text(
                Page(
                    number=number,
                    width=geo.width,
                    height=geo.height,
                    chars=chars,
                    shapes=tuple(shapes),
                    annotations=annotations,
                    image_area=image_area,
                    warnings=tuple(warnings),
                    images=tuple(images),
                    marks=self._page_marks(number),
                )
            ),
            self._max_chars,
        )

    def _page_marks(self, number: int) -> PageMarks | None:
        """The structure elements of page ``number``'s marked contents (None when untagged)."""
        if self._structure is None or number > len(self._struct_parents):
            return None
        return self._structure.marks(self._struct_parents[number - 1])

    # -- vector graphics and images -----------------------------------------------------------

    def _objects(
        self, page: Any, geo: PageGeometry, shapes: list[Shape], images: list[Box], number: int, warnings: list[Issue]
    ) -> float:
        """Collect shapes of every path object and the boxes of the first :data:`MAX_PAGE_IMAGES`
        images (forms included); return the summed image area.

        Paths and images beyond ``max_chars_per_page`` are counted, not read, as the pdfminer
        patches cap them for the reference engine.
        """
        area = 0.0
        tick = self._tick
        cap = self._max_chars
        drawn = 0
        # Each stack entry: (container, is_form, matrix of the container, depth).
        # Points stay in user space here; ``geo.box`` applies the page rotation once.
        stack: list[tuple[Any, bool, Matrix, int]] = [(page, False, IDENTITY, 0)]
        while stack:
            container, is_form, matrix, depth = stack.pop()
            if is_form:
                count = int(pdfium_c.FPDFFormObj_CountObjects(container))
            else:
                count = int(pdfium_c.FPDFPage_CountObjects(container))
            forms: list[tuple[Any, bool, Matrix, int]] = []
            for i in range(count):
                if not i & 4095:
                    tick()  # pages of a million objects exist (the preflight allows that many)
                obj = (
                    pdfium_c.FPDFFormObj_GetObject(container, i)
                    if is_form
                    else pdfium_c.FPDFPage_GetObject(container, i)
                )
                if not obj:
                    continue
                kind = int(pdfium_c.FPDFPageObj_GetType(obj))
                if kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
                    drawn += 1
                    if drawn > cap:
                        continue
                if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                    path_shapes(obj, mult(obj_matrix(obj), matrix), geo, shapes)
                elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    m = mult(obj_matrix(obj), matrix)
                    x0, y0, x1, y1 = bbox([apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))])
                    area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
                    if len(images) < MAX_PAGE_IMAGES:
                        images.append(geo.box(x0, y0, x1, y1))
                elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                    forms.append((obj, True, mult(obj_matrix(obj), matrix), depth + 1))
            # Reverse so that forms are visited in content order (the stack pops from the end).
            stack.extend(reversed(forms))
        if drawn > cap:
            warnings.append(shapes_cut(number, cap, drawn - cap))
        return area

    def close(self) -> None:
        """Close the PDFium document (and its form environment)."""
        with pdfium_lock():
            self._doc.close()
