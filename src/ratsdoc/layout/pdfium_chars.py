"""The chars of a page read with PDFium (:mod:`.pdfium_engine`): one loop over the text page,
glyphs PDFium generates dropped, each char's box as pdfminer's ``LTChar`` (one font size high,
``Descent`` below the baseline), and what is constant per text object read once."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

from ..issues import Issue
from .model import Char, glyph_letters
from .pagetree import chars_cut
from .pdfium_geometry import IDENTITY, Matrix, PageGeometry, mult, untyped
from .pdfium_text import MAYBE_GENERATED, SPECIAL_CODES, char_text, page_text

_IS_GENERATED = untyped(pdfium_c.FPDFText_IsGenerated)
_GET_TEXT_OBJECT = untyped(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_GET_LOOSE_BOX = untyped(pdfium_c.FPDFText_GetLooseCharBox)
_GET_CHAR_ORIGIN = untyped(pdfium_c.FPDFText_GetCharOrigin)
_HAS_MAP_ERROR = untyped(pdfium_c.FPDFText_HasUnicodeMapError)
_GET_UNICODE = untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
#: Per text object: font name, upright, axis-aligned, bottom offset, box height, whether its
#: first glyph has no Unicode mapping, whether its glyphs' baseline is steady, whether it
#: is drawn invisibly, and its marked-content id (see :meth:`CharReader._object_info`).
_ObjInfo = tuple[str, bool, bool, float, float, bool, bool, bool, int]
#: Text render modes that paint nothing: 3 (invisible) and 7 (clip only).
_INVISIBLE_MODES = frozenset({pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP})


class CharReader:
    """Reads the chars of one document's pages; fonts are cached per page (:meth:`next_page`)."""

    def __init__(self, *, max_chars: int, tick: Callable[[], None], tagged: bool) -> None:
        self._max_chars = max_chars
        # The parse's cooperative deadline and memory check, made in the char loop.
        self._tick = tick
        # Marked-content ids are read in a tagged file only (see structure.py).
        self._tagged = tagged
        self._font_cache: dict[int, tuple[str, float]] = {}

    def next_page(self) -> None:
        """Forget the fonts of the closed page: their handles' addresses may be reused."""
        self._font_cache.clear()

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

    def chars(self, page: Any, geo: PageGeometry, number: int, warnings: list[Issue]) -> tuple[Char, ...]:
        """The chars of ``page`` (a raw PDFium page), a warning in ``warnings`` when they are cut."""
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
            mcid = int(pdfium_c.FPDFPageObj_GetMarkedContentID(obj)) if self._tagged else -1
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
