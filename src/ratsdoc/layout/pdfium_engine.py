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
annotations in :mod:`.pdfium_annots`, the text page's text in :mod:`.pdfium_text`; this module
opens the document and reads chars and images. In a tagged file each char carries the MCID of its
text object, and the page the structure elements the preflight's pdfminer document leads them to
(:mod:`.structure`), as the pdfplumber engine reads them.

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
import ctypes
import dataclasses
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..budget import Budget
from ..input import PdfInput
from ..issues import Issue
from ..ocr.policy import without_invisible_text
from .model import MAX_PAGE_IMAGES, Box, Char, EngineLimits, Page, Shape, glyph_letters
from .pagetree import (
    chars_cut,
    describe,
    none_readable,
    open_error,
    shapes_cut,
    skipped_page,
)
from .pdfium_annots import read_annotations
from .pdfium_geometry import IDENTITY, Matrix, PageGeometry, apply, bbox, mult, obj_matrix, untyped
from .pdfium_lock import pdfium_lock
from .pdfium_paths import path_shapes
from .pdfium_text import MAYBE_GENERATED, SPECIAL_CODES, char_text, page_text
from .preflight import preflight
from .structure import PageMarks

#: Form XObjects nested deeper than this are not descended into (circular or hostile files).
_MAX_FORM_DEPTH = 12


_IS_GENERATED = untyped(pdfium_c.FPDFText_IsGenerated)
_GET_TEXT_OBJECT = untyped(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_GET_LOOSE_BOX = untyped(pdfium_c.FPDFText_GetLooseCharBox)
_GET_CHAR_ORIGIN = untyped(pdfium_c.FPDFText_GetCharOrigin)
_HAS_MAP_ERROR = untyped(pdfium_c.FPDFText_HasUnicodeMapError)
_GET_UNICODE = untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
#: Per text object: font name, upright, axis-aligned, bottom offset, box height, whether its
#: first glyph has no Unicode mapping, whether its glyphs' baseline is steady, whether it
#: is drawn invisibly, and its marked-content id (see :meth:`PdfiumSource._object_info`).
_ObjInfo = tuple[str, bool, bool, float, float, bool, bool, bool, int]
#: Text render modes that paint nothing: 3 (invisible) and 7 (clip only).
_INVISIBLE_MODES = frozenset({pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP})


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
        self._font_cache: dict[int, tuple[str, float]] = {}

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
            self._font_cache.clear()

    def _convert(self, page: Any, number: int) -> Page:
        geo = PageGeometry(page.raw)
        warnings: list[Issue] = []
        chars = self._chars(page.raw, geo, number, warnings)
        shapes: list[Shape] = []
        images: list[Box] = []
        image_area = self._objects(page.raw, geo, shapes, images, number, warnings)
        annotations = read_annotations(self._doc, page, geo, number, warnings, self._max_annots)
        return without_invisible_text(
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
        )

    def _page_marks(self, number: int) -> PageMarks | None:
        """The structure elements of page ``number``'s marked contents (None when untagged)."""
        if self._structure is None or number > len(self._struct_parents):
            return None
        return self._structure.marks(self._struct_parents[number - 1])

    # -- text ---------------------------------------------------------------------------------

    def _font(self, text_obj: Any) -> tuple[str, float]:
        """(base font name, descent per point of font size) of a text object, cached per font."""
        font = pdfium_c.FPDFTextObj_GetFont(text_obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        cached = self._font_cache.get(key)
        if cached is not None:
            return cached
        name = ""
        descent = 0.0
        if key:
            size = int(pdfium_c.FPDFFont_GetBaseFontName(font, None, 0))
            if size > 1:
                buf = ctypes.create_string_buffer(size)
                pdfium_c.FPDFFont_GetBaseFontName(font, buf, size)
                raw = buf.raw[: size - 1]
                try:
                    name = raw.decode("utf-8")
                except UnicodeDecodeError:
                    name = raw.decode("latin-1")
            value = ctypes.c_float()
            if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), value):
                # pdfminer forces a positive /Descent (PScript5 writes those) to negative.
                descent = -abs(float(value.value))
        self._font_cache[key] = (name, descent)
        return name, descent

    def _chars(self, page: Any, geo: PageGeometry, number: int, warnings: list[Issue]) -> tuple[Char, ...]:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            return ()
        try:
            return self._read_chars(textpage, geo, number, warnings)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)

    def _read_chars(self, tp: Any, geo: PageGeometry, number: int, warnings: list[Issue]) -> tuple[Char, ...]:
        """The page's chars, in text-page order, without the chars PDFium generates.

        This loop is the engine's hot spot (a dense page has 4,000 chars), so it is written for
        speed: the text comes in one ``FPDFText_GetText`` call, the per-char calls go through
        untyped handles (:func:`.pdfium_geometry.untyped`) with preallocated out-parameters,
        everything constant per text object (font, size, matrix and what follows from it) is
        computed once per object, and the coordinate arithmetic is inlined. Every expression is
        the one :meth:`.PageGeometry.box`, :func:`.pdfium_geometry.apply` and
        :func:`.pdfium_geometry.mult` evaluate, in the same order, so the
        floats are bit-for-bit those of the straightforward per-char version.
        """
        count = int(pdfium_c.FPDFText_CountChars(tp))
        if count <= 0:
            return ()
        tpv = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
        text = page_text(tp, count)
        loose = pdfium_c.FS_RECTF()
        loose_ref = ctypes.byref(loose)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
        # The page matrix (media-box origin and rotation) and height, as locals.
        pa, pb, pc, pd, pe, pf = geo.ctm
        unrotated = (pa, pb, pc, pd) == (1.0, 0.0, 0.0, 1.0)
        height = geo.height
        is_generated, text_object = _IS_GENERATED, _GET_TEXT_OBJECT
        loose_box, char_origin = _GET_LOOSE_BOX, _GET_CHAR_ORIGIN
        maybe_generated, special = MAYBE_GENERATED, SPECIAL_CODES
        map_error, unicode_of = _HAS_MAP_ERROR, _GET_UNICODE
        max_chars = self._max_chars
        # tuple.__new__ straight away: a named tuple's own __new__ is a Python-level wrapper
        # around it, one extra frame per glyph.
        new_char, char_type = tuple.__new__, Char
        result: list[Char] = []
        append = result.append
        total = 0
        obj_cache: dict[int | None, _ObjInfo] = {}
        run_key: int | None = -1  # the text object of the current run; -1 before the first
        fontname, upright, axis, k_bottom, k_top, unmapped, steady, hidden, mcid = (
            "",
            True,
            False,
            0.0,
            0.0,
            False,
            False,
            False,
            -1,
        )
        first_base: float | None = None
        run_base: float | None = None
        run_box: tuple[float, float, float] | None = None  # (top, bottom, size) of a steady run
        # The previous char's loose box edges and text object, and the glyph being split into
        # letters (its first char as built, its letters so far, its index in ``result``).
        g_left = g_right = float("nan")
        g_key: int | None = -1
        glyph: Char | None = None
        g_text = ""
        g_start = 0
        tick = self._tick
        for i in range(count):
            if not i & 4095:
                tick()  # the reference engine checks the deadline while reading chars too
            ch = text[i] if text is not None else char_text(tp, i)
            # Spaces and line breaks PDFium inserts between text objects are not in the file;
            # PDFium only ever generates " ", "\r" and "\n", so other chars skip the check.
            if ch in maybe_generated and is_generated(tpv, i) == 1:
                continue
            total += 1
            if total > max_chars:
                continue  # keep counting for the warning, stop building chars
            if ch in special:
                ch = char_text(tp, i)
            okey = text_object(tpv, i)
            if okey != run_key:
                # A new run of one text object's chars (they come together in the text page).
                info = obj_cache.get(okey)
                if info is None:
                    info = self._object_info(tp, i, okey, geo)
                    obj_cache[okey] = info
                run_key = okey
                fontname, upright, axis, k_bottom, k_top, unmapped, steady, hidden, mcid = info
                first_base = run_base = run_box = None
            if unmapped and map_error(tpv, i) == 1:
                # A glyph without a Unicode mapping: PDFium hands out its code as if it were
                # text, pdfminer writes "(cid:NN)", which later stages know to be unknown.
                ch = f"(cid:{unicode_of(tpv, i)})"
            loose_box(tpv, i, loose_ref)
            lx0, lx1 = loose.left, loose.right
            if lx0 == g_left and lx1 == g_right and okey == g_key:
                # PDFium hands out a glyph that stands for several letters (a ligature "ff",
                # "ft", a font mapping one glyph to "fi", or U+FB00-FB06, which it decomposes)
                # as that many chars, each with the whole glyph's box. Stacked on one spot they
                # read as an overlap or a fake-bold duplicate and break or shorten the word;
                # pdfminer keeps the glyph as one char. Both engines give its letters side by
                # side (model.glyph_letters), one glyph's chars at a time.
                if glyph is None:
                    glyph, g_text, g_start = result[-1], result[-1][0], len(result) - 1
                g_text += ch
                result[g_start:] = glyph_letters(glyph, g_text)
                total -= 1  # one glyph, one char of the page's budget (as pdfminer counts)
                continue
            glyph = None
            g_left, g_right, g_key = lx0, lx1, okey
            if run_box is not None:
                # The common case, a steady run on an unrotated page: top, bottom and size are
                # the run's, x0 and x1 the loose box's shifted by the media-box origin (what
                # the general arithmetic below gives when the page matrix is the identity).
                p0x = lx0 + pe
                p1x = lx1 + pe
                append(
                    new_char(
                        char_type,
                        (
                            ch,
                            p1x if p1x < p0x else p0x,
                            run_box[0],
                            p1x if p1x > p0x else p0x,
                            run_box[1],
                            fontname,
                            run_box[2],
                            upright,
                            hidden,
                            mcid,
                        ),
                    )
                )
                continue
            # geo.box(loose.left, loose.bottom, loose.right, loose.top), inlined.
            ly0, ly1 = loose.bottom, loose.top
            p0x = pa * lx0 + pc * ly0 + pe
            p0y = pb * lx0 + pd * ly0 + pf
            p1x = pa * lx1 + pc * ly1 + pe
            p1y = pb * lx1 + pd * ly1 + pf
            x0 = p1x if p1x < p0x else p0x
            x1 = p1x if p1x > p0x else p0x
            if axis:
                # Axis-aligned on the (rotated) page: pdfminer's box is one font size high,
                # its bottom ``Descent`` below the baseline; PDFium's loose box is
                # ``Ascent - Descent`` high, so only its horizontal extent is kept.
                if run_base is not None:
                    base = run_base
                else:
                    char_origin(tpv, i, ox_ref, oy_ref)
                    ux, uy = ox.value, oy.value
                    base = height - (pb * ux + pd * uy + pf)
                    if steady:
                        # A steady object's glyphs advance along the page's x axis only, so
                        # their baseline is one float: once two chars agree on it (a font
                        # that writes vertically would not), it is reused for the run.
                        if first_base is None:
                            first_base = base
                        elif base == first_base:
                            run_base = base
                        else:
                            steady = False
                bottom = base - k_bottom
                top = bottom - k_top
                if top > bottom:
                    top, bottom = bottom, top
                if run_base is not None and unrotated:
                    run_box = (top, bottom, bottom - top)
            else:
                top = height - (p1y if p1y > p0y else p0y)
                bottom = height - (p1y if p1y < p0y else p0y)
            append(new_char(char_type, (ch, x0, top, x1, bottom, fontname, bottom - top, upright, hidden, mcid)))
        if total > max_chars:
            warnings.append(chars_cut(number, total, max_chars))
        return tuple(result)

    def _object_info(self, tp: Any, index: int, okey: int | None, geo: PageGeometry) -> _ObjInfo:
        """What is constant for all chars of one text object, read at its first char ``index``.

        (font name, upright, axis-aligned, bottom offset below the baseline, box height,
        unmapped, steady baseline, invisible, marked-content id); the box numbers only matter
        when axis-aligned; the id is read in tagged files only (-1 elsewhere). Unmapped
        glyphs are looked for only in objects whose first glyph is unmapped: one check per
        object instead of one per char (a font without a ToUnicode map fails at every glyph).
        """
        fsize = ctypes.c_float()
        if okey:
            obj = ctypes.cast(okey, pdfium_c.FPDF_PAGEOBJECT)
            name, descent = self._font(obj)
            tfs = float(fsize.value) if pdfium_c.FPDFTextObj_GetFontSize(obj, fsize) else 0.0
            hidden = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in _INVISIBLE_MODES
            # PDFium gives the outermost MCID of the object's marked-content stack, as the
            # pdfplumber engine's device does (pdfminer_guard).
            mcid = int(pdfium_c.FPDFPageObj_GetMarkedContentID(obj)) if self._structure is not None else -1
        else:
            name, descent, tfs, hidden, mcid = "", 0.0, 0.0, False, -1
        # The char matrix is the text object's matrix (times its form's): one per object.
        fm = pdfium_c.FS_MATRIX()
        if pdfium_c.FPDFText_GetMatrix(tp, index, fm):
            cm: Matrix = (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)
        else:
            cm = IDENTITY
        a, b, c, d, _, _ = mult(cm, geo.ctm)
        upright = a * d > 0 and b * c <= 0
        axis = bool(tfs) and abs(b) < 1e-4 and abs(c) < 1e-4
        unmapped = _HAS_MAP_ERROR(ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value), index) == 1
        # PDFium places a glyph at the object's matrix applied to (advance, 0). When that matrix
        # (with the page's) has an exact zero in the column that moves the page y, the product
        # is an exact zero too and every glyph's baseline is the same float.
        steady = axis and b == 0.0
        return name, upright, axis, d * descent * tfs, abs(d) * tfs, unmapped, steady, hidden, max(mcid, -1)

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
