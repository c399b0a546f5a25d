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
from .annotations import decode_pdf_string, widget_annotation
from .model import MAX_PAGE_IMAGES, Annotation, Box, Char, EngineLimits, Page, Shape, ShapeKind, glyph_letters
from .pagetree import (
    annotation_unreadable,
    annotations_cut,
    chars_cut,
    describe,
    none_readable,
    open_error,
    shapes_cut,
    skipped_page,
)
from .pdfium_lock import pdfium_lock
from .preflight import preflight

#: An affine matrix (a, b, c, d, e, f) in pdfminer's row-vector convention.
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: Points closer than this are "equal" when classifying rects; PDFium stores float32,
#: pdfminer compares Python floats exactly, so an exact test would split hairs.
_EPS = 1e-3
#: Form XObjects nested deeper than this are not descended into (circular or hostile files).
_MAX_FORM_DEPTH = 12
#: US Letter, pdfminer's fallback when a page has no (inherited) /MediaBox.
_LETTER = (0.0, 0.0, 612.0, 792.0)
#: PDFium's form field types mapped to the /FT names the reference decoder reads.
_FIELD_TYPES = {
    pdfium_c.FPDF_FORMFIELD_PUSHBUTTON: "Btn",
    pdfium_c.FPDF_FORMFIELD_CHECKBOX: "Btn",
    pdfium_c.FPDF_FORMFIELD_RADIOBUTTON: "Btn",
    pdfium_c.FPDF_FORMFIELD_COMBOBOX: "Ch",
    pdfium_c.FPDF_FORMFIELD_LISTBOX: "Ch",
    pdfium_c.FPDF_FORMFIELD_TEXTFIELD: "Tx",
    pdfium_c.FPDF_FORMFIELD_SIGNATURE: "Sig",
}


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    """``m1`` followed by ``m0`` (pdfminer's ``mult_matrix``)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _page_ctm(mediabox: tuple[float, float, float, float], rotate: int) -> Matrix:
    """The matrix pdfminer's interpreter starts a page with (media-box origin and rotation)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotate == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotate == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def _obj_matrix(obj: Any) -> Matrix:
    """A page object's own matrix (relative to its enclosing form, if any)."""
    fm = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, fm):
        return _IDENTITY
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def _utf16_value(func: Any, *args: Any) -> str | None:
    """Call a PDFium getter that fills a UTF-16LE buffer (two-call pattern); None when absent."""
    size = int(func(*args, None, 0))
    if size <= 2:
        return None if size == 0 else ""
    buf = ctypes.create_string_buffer(size)
    func(*args, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), size)
    return buf.raw[: size - 2].decode("utf-16-le", errors="replace")


def _bbox(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _untyped(fn: Any, restype: Any = ctypes.c_int) -> Any:
    """A second handle on the PDFium function ``fn`` that skips ctypes' argument conversion.

    pypdfium2 declares typed pointer ``argtypes``; checking and converting them costs about as
    much as the call itself, and the char loop makes several calls per char. The clone takes
    ``c_void_p`` handles, Python ints (passed as C ``int``) and ``byref`` out-parameters as they
    are, so callers must pass exactly those.
    """
    clone = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    clone.restype = restype
    return clone


_IS_GENERATED = _untyped(pdfium_c.FPDFText_IsGenerated)
_GET_TEXT_OBJECT = _untyped(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_GET_LOOSE_BOX = _untyped(pdfium_c.FPDFText_GetLooseCharBox)
_GET_CHAR_ORIGIN = _untyped(pdfium_c.FPDFText_GetCharOrigin)
_GET_PATH_SEGMENT = _untyped(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p)
_SEGMENT_GET_POINT = _untyped(pdfium_c.FPDFPathSegment_GetPoint)
_SEGMENT_GET_TYPE = _untyped(pdfium_c.FPDFPathSegment_GetType)
_SEGMENT_GET_CLOSE = _untyped(pdfium_c.FPDFPathSegment_GetClose)
_HAS_MAP_ERROR = _untyped(pdfium_c.FPDFText_HasUnicodeMapError)
_GET_UNICODE = _untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
#: Chars PDFium might have generated: it generates " ", "\r" and "\n" only; any whitespace
#: or control char is checked with ``FPDFText_IsGenerated`` to be safe.
_MAYBE_GENERATED = frozenset(chr(c) for c in range(0x3001) if c <= 0x20 or chr(c).isspace())
#: Chars of the batched text that are re-read one by one with :func:`_char_text`: NUL, the
#: line-end hyphen markers and UTF-16 surrogates (see :func:`_page_text`).
_SPECIAL_CODES = frozenset([chr(0), chr(0x02), chr(0xFFFE)] + [chr(c) for c in range(0xD800, 0xE000)])
#: Per text object: font name, upright, axis-aligned, bottom offset, box height, whether its
#: first glyph has no Unicode mapping, whether its glyphs' baseline is steady, and whether it
#: is drawn invisibly (see :meth:`PdfiumSource._object_info`).
_ObjInfo = tuple[str, bool, bool, float, float, bool, bool, bool]
#: Text render modes that paint nothing: 3 (invisible) and 7 (clip only).
_INVISIBLE_MODES = frozenset({pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP})


def _page_text(tp: Any, count: int) -> str | None:
    """The text of all ``count`` chars of a text page in one call, one str char per PDFium
    char; None when the text does not line up with the char indices (then chars are read one
    by one). PDFium's text equals ``FPDFText_GetUnicode`` per char except for the codes in
    ``_SPECIAL_CODES``, which the caller re-reads."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = int(pdfium_c.FPDFText_GetText(tp, 0, count, buf))
    if written != count + 1:
        return None
    text = ctypes.string_at(buf, 2 * count).decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == count else None


def _char_text(tp: Any, index: int) -> str:
    """The text of one char from ``FPDFText_GetUnicode`` (the reference path)."""
    code = int(pdfium_c.FPDFText_GetUnicode(tp, index))
    text = chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    if code in (0x02, 0xFFFE) and pdfium_c.FPDFText_IsHyphen(tp, index) == 1:
        # PDFium replaces a hyphen at a line end by a marker (0x02 in the text page, U+FFFE in
        # some builds); the file draws a real hyphen there, which pdfminer returns as "-".
        # Which code point the file used is not exposed: "-" is the common case (Word,
        # LibreOffice, reportlab).
        text = "-"
    return text


class _PageGeometry:
    """Everything needed to map PDF user space to ratsdoc's top-left page coordinates."""

    __slots__ = ("ctm", "height", "mediabox", "width")

    def __init__(self, page: Any) -> None:
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
            x0, x1 = sorted((left.value, right.value))
            y0, y1 = sorted((bottom.value, top.value))
            box = (float(x0), float(y0), float(x1), float(y1))
        else:
            box = _LETTER
        rotate = (int(pdfium_c.FPDFPage_GetRotation(page)) * 90) % 360
        self.mediabox = box
        self.ctm = _page_ctm(box, rotate)
        width, height = box[2] - box[0], box[3] - box[1]
        self.width, self.height = (height, width) if rotate in (90, 270) else (width, height)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as (x0, top, x1, bottom) on the (rotated) page."""
        bx0, by0, bx1, by1 = _bbox([_apply(self.ctm, x0, y0), _apply(self.ctm, x1, y1)])
        return bx0, self.height - by1, bx1, self.height - by0


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
        geo = _PageGeometry(page.raw)
        warnings: list[Issue] = []
        chars = self._chars(page.raw, geo, number, warnings)
        shapes: list[Shape] = []
        images: list[Box] = []
        image_area = self._objects(page.raw, geo, shapes, images, number, warnings)
        annotations = self._annotations(page, geo, number, warnings)
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
            )
        )

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

    def _chars(self, page: Any, geo: _PageGeometry, number: int, warnings: list[Issue]) -> tuple[Char, ...]:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            return ()
        try:
            return self._read_chars(textpage, geo, number, warnings)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)

    def _read_chars(self, tp: Any, geo: _PageGeometry, number: int, warnings: list[Issue]) -> tuple[Char, ...]:
        """The page's chars, in text-page order, without the chars PDFium generates.

        This loop is the engine's hot spot (a dense page has 4,000 chars), so it is written for
        speed: the text comes in one ``FPDFText_GetText`` call, the per-char calls go through
        untyped handles (:func:`_untyped`) with preallocated out-parameters, everything constant
        per text object (font, size, matrix and what follows from it) is computed once per
        object, and the coordinate arithmetic is inlined. Every expression is the one
        :meth:`_PageGeometry.box`/:func:`_apply`/:func:`_mult` evaluate, in the same order, so the
        floats are bit-for-bit those of the straightforward per-char version.
        """
        count = int(pdfium_c.FPDFText_CountChars(tp))
        if count <= 0:
            return ()
        tpv = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
        text = _page_text(tp, count)
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
        maybe_generated, special = _MAYBE_GENERATED, _SPECIAL_CODES
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
        fontname, upright, axis, k_bottom, k_top, unmapped, steady, hidden = (
            "",
            True,
            False,
            0.0,
            0.0,
            False,
            False,
            False,
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
            ch = text[i] if text is not None else _char_text(tp, i)
            # Spaces and line breaks PDFium inserts between text objects are not in the file;
            # PDFium only ever generates " ", "\r" and "\n", so other chars skip the check.
            if ch in maybe_generated and is_generated(tpv, i) == 1:
                continue
            total += 1
            if total > max_chars:
                continue  # keep counting for the warning, stop building chars
            if ch in special:
                ch = _char_text(tp, i)
            okey = text_object(tpv, i)
            if okey != run_key:
                # A new run of one text object's chars (they come together in the text page).
                info = obj_cache.get(okey)
                if info is None:
                    info = self._object_info(tp, i, okey, geo)
                    obj_cache[okey] = info
                run_key = okey
                fontname, upright, axis, k_bottom, k_top, unmapped, steady, hidden = info
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
            append(new_char(char_type, (ch, x0, top, x1, bottom, fontname, bottom - top, upright, hidden)))
        if total > max_chars:
            warnings.append(chars_cut(number, total, max_chars))
        return tuple(result)

    def _object_info(self, tp: Any, index: int, okey: int | None, geo: _PageGeometry) -> _ObjInfo:
        """What is constant for all chars of one text object, read at its first char ``index``.

        (font name, upright, axis-aligned, bottom offset below the baseline, box height,
        unmapped, steady baseline, invisible); the box numbers only matter when axis-aligned. Unmapped
        glyphs are looked for only in objects whose first glyph is unmapped: one check per
        object instead of one per char (a font without a ToUnicode map fails at every glyph).
        """
        fsize = ctypes.c_float()
        if okey:
            obj = ctypes.cast(okey, pdfium_c.FPDF_PAGEOBJECT)
            name, descent = self._font(obj)
            tfs = float(fsize.value) if pdfium_c.FPDFTextObj_GetFontSize(obj, fsize) else 0.0
            hidden = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in _INVISIBLE_MODES
        else:
            name, descent, tfs, hidden = "", 0.0, 0.0, False
        # The char matrix is the text object's matrix (times its form's): one per object.
        fm = pdfium_c.FS_MATRIX()
        if pdfium_c.FPDFText_GetMatrix(tp, index, fm):
            cm: Matrix = (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)
        else:
            cm = _IDENTITY
        a, b, c, d, _, _ = _mult(cm, geo.ctm)
        upright = a * d > 0 and b * c <= 0
        axis = bool(tfs) and abs(b) < 1e-4 and abs(c) < 1e-4
        unmapped = _HAS_MAP_ERROR(ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value), index) == 1
        # PDFium places a glyph at the object's matrix applied to (advance, 0). When that matrix
        # (with the page's) has an exact zero in the column that moves the page y, the product
        # is an exact zero too and every glyph's baseline is the same float.
        steady = axis and b == 0.0
        return name, upright, axis, d * descent * tfs, abs(d) * tfs, unmapped, steady, hidden

    # -- vector graphics and images -----------------------------------------------------------

    def _objects(
        self, page: Any, geo: _PageGeometry, shapes: list[Shape], images: list[Box], number: int, warnings: list[Issue]
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
        stack: list[tuple[Any, bool, Matrix, int]] = [(page, False, _IDENTITY, 0)]
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
                    self._path(obj, _mult(_obj_matrix(obj), matrix), geo, shapes)
                elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    m = _mult(_obj_matrix(obj), matrix)
                    x0, y0, x1, y1 = _bbox([_apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))])
                    area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
                    if len(images) < MAX_PAGE_IMAGES:
                        images.append(geo.box(x0, y0, x1, y1))
                elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                    forms.append((obj, True, _mult(_obj_matrix(obj), matrix), depth + 1))
            # Reverse so that forms are visited in content order (the stack pops from the end).
            stack.extend(reversed(forms))
        if drawn > cap:
            warnings.append(shapes_cut(number, cap, drawn - cap))
        return area

    def _path(self, obj: Any, m: Matrix, geo: _PageGeometry, shapes: list[Shape]) -> None:
        """Split a path object into subpaths and classify each like pdfminer's ``paint_path``."""
        fillmode = ctypes.c_int()
        stroke = ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke):
            return
        filled = fillmode.value != pdfium_c.FPDF_FILLMODE_NONE
        stroked = bool(stroke.value)
        if not (filled or stroked):
            return  # a clipping path ("W n"): pdfminer paints nothing
        count = int(pdfium_c.FPDFPath_CountSegments(obj))
        x, y = ctypes.c_float(), ctypes.c_float()
        x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
        # Per-segment calls go through untyped handles (see _untyped): the path and segment
        # handles are passed as c_void_p, one reused object for the segments.
        objv = ctypes.c_void_p(ctypes.cast(obj, ctypes.c_void_p).value)
        segv = ctypes.c_void_p()
        get_segment, get_point = _GET_PATH_SEGMENT, _SEGMENT_GET_POINT
        get_type, get_close = _SEGMENT_GET_TYPE, _SEGMENT_GET_CLOSE
        ma, mb, mc, md, me, mf = m
        # Rebuild pdfminer's operator string per subpath: m, l, c (three Bézier points), h.
        subpaths: list[tuple[list[str], list[tuple[float, float]]]] = []
        ops: list[str] = []
        pts: list[tuple[float, float]] = []
        bezier = 0
        for i in range(count):
            seg = get_segment(objv, i)
            if not seg:
                continue
            segv.value = seg
            if not get_point(segv, x_ref, y_ref):
                continue
            stype = get_type(segv)
            closes = bool(get_close(segv))
            xv, yv = x.value, y.value
            point = (ma * xv + mc * yv + me, mb * xv + md * yv + mf)  # _apply(m, xv, yv)
            if stype == pdfium_c.FPDF_SEGMENT_MOVETO:
                ops, pts, bezier = ["m"], [point], 0
                subpaths.append((ops, pts))
                continue
            if not ops:  # a path that does not start with m is invalid; pdfminer drops it
                ops, pts = ["?"], [point]
                subpaths.append((ops, pts))
            if stype == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                bezier += 1
                if bezier % 3:
                    continue  # control points do not count for pdfminer's box
                ops.append("c")
                pts.append(point)
            elif closes and _same(point, pts[0]):
                # PDFium turns "h" into a line back to the start flagged as closing.
                ops.append("h")
                pts.append(pts[0])
                continue
            else:
                ops.append("l")
                pts.append(point)
            if closes:
                ops.append("h")
                pts.append(pts[0])
        for sub_ops, sub_pts in subpaths:
            shape = "".join(sub_ops)
            if not shape.startswith("m") or len(sub_pts) < 2:
                continue
            kind = _classify(shape, sub_pts)
            bx0, by0, bx1, by1 = _bbox(sub_pts)
            x0, top, x1, bottom = geo.box(bx0, by0, bx1, by1)
            shapes.append(Shape(kind=kind, x0=x0, top=top, x1=x1, bottom=bottom, stroked=stroked, filled=filled))

    # -- annotations --------------------------------------------------------------------------

    def _annotations(self, page: Any, geo: _PageGeometry, number: int, warnings: list[Issue]) -> tuple[Annotation, ...]:
        count = int(pdfium_c.FPDFPage_GetAnnotCount(page.raw))
        if count <= 0:
            return ()
        if count > self._max_annots:
            warnings.append(annotations_cut(number, count, self._max_annots))
            count = self._max_annots
        form = self._doc.formenv.raw if self._doc.formenv else None
        result: list[Annotation] = []
        for i in range(count):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
            if not annot:
                continue  # not a dictionary; the reference skips those too
            try:
                item = self._annotation(annot, form, geo)
                if item is not None:
                    result.append(item)
            except Exception:  # one broken annotation must not cost the page
                warnings.append(annotation_unreadable(number))
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annot)
        return tuple(result)

    def _annotation(self, annot: Any, form: Any, geo: _PageGeometry) -> Annotation | None:
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
            return None
        # Same box arithmetic as layout/annotations.py: media-box origin, no rotation.
        ox, oy = geo.mediabox[0], geo.mediabox[1]
        x0, x1 = sorted((rect.left - ox, rect.right - ox))
        y0, y1 = sorted((rect.bottom - oy, rect.top - oy))
        box: dict[str, Any] = {
            "x0": float(x0),
            "top": geo.height - float(y1),
            "x1": float(x1),
            "bottom": geo.height - float(y0),
        }
        subtype = int(pdfium_c.FPDFAnnot_GetSubtype(annot))
        if subtype == pdfium_c.FPDF_ANNOT_LINK:
            return Annotation(kind="link", uri=self._uri(annot), **box)
        if subtype != pdfium_c.FPDF_ANNOT_WIDGET:
            return Annotation(kind="other", **box)
        # The widget's own keys first (as the reference reads them), then PDFium's field
        # lookup, which follows /Parent for attributes a kid widget inherits.
        field_type = self._string(annot, "FT")
        ftype = int(pdfium_c.FPDFAnnot_GetFormFieldType(form, annot)) if form else -1
        if field_type is None:
            field_type = _FIELD_TYPES.get(ftype)
        if pdfium_c.FPDFAnnot_HasKey(annot, b"Ff"):
            num = ctypes.c_float()
            pdfium_c.FPDFAnnot_GetNumberValue(annot, b"Ff", num)
            flags = int(num.value)
        elif form and ftype > 0:
            flags = int(pdfium_c.FPDFAnnot_GetFormFieldFlags(form, annot))
        else:
            flags = 0
        name = self._string(annot, "T")
        if name is None and form:
            full = _utf16_value(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot)
            name = full.rsplit(".", 1)[-1] if full else None
        value = self._string(annot, "V")
        if value is None and form:
            value = _utf16_value(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot) or None
        state = self._string(annot, "AS")
        return widget_annotation(field_type, flags, state=state, value=value, field_name=name, **box)

    @staticmethod
    def _string(annot: Any, key: str) -> str | None:
        """A string or name value of the annotation's own dictionary; None when absent."""
        bkey = key.encode("ascii")
        if not pdfium_c.FPDFAnnot_HasKey(annot, bkey):
            return None
        return _utf16_value(pdfium_c.FPDFAnnot_GetStringValue, annot, bkey)

    def _uri(self, annot: Any) -> str | None:
        link = pdfium_c.FPDFAnnot_GetLink(annot)
        action = pdfium_c.FPDFLink_GetAction(link) if link else None
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            return None
        size = int(pdfium_c.FPDFAction_GetURIPath(self._doc.raw, action, None, 0))
        if size <= 1:
            return None
        buf = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(self._doc.raw, action, buf, size)
        return decode_pdf_string(buf.raw[: size - 1])

    def close(self) -> None:
        """Close the PDFium document (and its form environment)."""
        with pdfium_lock():
            self._doc.close()


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _EPS and abs(p[1] - q[1]) <= _EPS


def _classify(shape: str, pts: list[tuple[float, float]]) -> ShapeKind:
    """pdfminer's rules: one segment is a line, a closed axis-aligned quad a rect, else curve."""
    if shape in ("mlh", "ml"):
        return "line"
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts[:5]
        closed = _same(pts[0], last)

        def eq(u: float, v: float) -> bool:
            return abs(u - v) <= _EPS

        square = (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
            eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0)
        )
        if closed and square:
            return "rect"
    return "curve"
