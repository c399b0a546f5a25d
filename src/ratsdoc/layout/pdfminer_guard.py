"""pdfminer patched to stay within the budget of the parse it is running for.

ratsdoc reads untrusted files with pdfminer, which is pure Python and was not written for
hostile input: it inflates a Flate stream in one ``zlib.decompress`` call (a 4 KB file can
ask for gigabytes), follows reference chains without end (``1 0 R`` → ``2 0 R`` → ``1 0 R``),
concatenates tokens quadratically and keeps every character of a page as an object. A check
between pages cannot stop any of that, so the checks go *inside* pdfminer.

:func:`install` patches pdfminer (and pdfplumber's page device) once per process: bounded
Flate/LZW inflation, a linear replacement for its quadratic "corrupted zlib" fallback, a
cooperative deadline/memory check every 4 KB of parsed content, a cap on reference chains,
and per-page caps on characters and shapes (dropped beyond the cap instead of being
collected); and the device's marked content kept as a stack, so that a char's MCID is the one
PDFium gives it. The code that hands pdfminer a file installs them first (the pdfplumber engine
and the preflight). pdfminer calls the patches where no argument can be passed, so they find
the budget in :data:`~ratsdoc.budget.ACTIVE_BUDGET`, which :func:`~ratsdoc.budget.document_guard`
sets for one parse; outside a guarded parse every patch behaves exactly like the original.

The bounded decoders (:func:`bounded_inflate`, :func:`bounded_lzw`, :func:`bounded_rl`) are
also what the preflight decodes with, on behalf of PDFium.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from io import BytesIO
from typing import Any

from ..budget import ACTIVE_BUDGET, Budget, MiB

#: A chain of references to references longer than this is treated as a loop.
MAX_REF_CHAIN = 32
#: Inflate in pieces of this size so that the budget is checked while inflating.
_INFLATE_STEP = 4 * MiB
#: Text render modes that paint nothing: 3 (invisible) and 7 (clip only).
_INVISIBLE_MODES = frozenset({3, 7})
#: The active budget, or None outside a guarded parse (a bound method: no Python frame on
#: the per-glyph path).
_active = ACTIVE_BUDGET.get


def bounded_inflate(data: bytes, budget: Budget, *, tolerant: bool = False) -> bytes:
    """Inflate zlib ``data`` without producing more than ``budget.max_stream_bytes``.

    Like ``zlib.decompress`` it raises ``zlib.error`` on corrupt or truncated data unless
    ``tolerant``, in which case it returns what could be decoded (in linear time, unlike
    pdfminer's byte-by-byte fallback, which is quadratic).
    """
    limit = budget.max_stream_bytes
    out = bytearray()
    d = zlib.decompressobj()
    pending = memoryview(data)
    step = 64 * 1024 if tolerant else len(data) or 1
    pos = 0
    while True:
        if d.unconsumed_tail:
            piece_in: bytes | memoryview = d.unconsumed_tail
        elif pos < len(pending) and not d.eof:
            piece_in = pending[pos : pos + step]
            pos += step
        else:
            break
        saved = d.copy() if tolerant else None
        try:
            piece = d.decompress(piece_in, min(_INFLATE_STEP, limit + 1 - len(out)))
        except zlib.error:
            if not tolerant or saved is None:
                raise
            # Recover byte by byte within the failing slice only, then stop.
            d = saved
            for i in range(len(piece_in)):
                try:
                    out += d.decompress(piece_in[i : i + 1], limit + 1 - len(out))
                except zlib.error:
                    break
                if len(out) > limit:
                    raise budget.stream_too_big(len(out)) from None
            break
        out += piece
        if len(out) > limit:
            raise budget.stream_too_big(len(out))
        budget.tick()
    if not d.eof and not tolerant:
        raise zlib.error("incomplete or truncated stream")
    return bytes(out)


def bounded_lzw(data: bytes, budget: Budget) -> bytes:
    """LZW-decode ``data`` without producing more than ``budget.max_stream_bytes``."""
    from pdfminer import lzw

    out: list[bytes] = []
    size = 0
    for n, piece in enumerate(lzw.LZWDecoder(BytesIO(data)).run()):
        out.append(piece)
        size += len(piece)
        if size > budget.max_stream_bytes:
            raise budget.stream_too_big(size)
        if n % 4096 == 0:
            budget.tick()
    return b"".join(out)


def bounded_rl(data: bytes, budget: Budget) -> bytes:
    """RunLength-decode ``data``; stops when the result exceeds ``budget.max_stream_bytes``."""
    from pdfminer.runlength import rldecode

    budget.tick()  # at most 64x growth: the check afterwards bounds what is kept
    result: bytes = rldecode(data)
    if len(result) > budget.max_stream_bytes:
        raise budget.stream_too_big(len(result))
    return result


class _ZlibForPdfminer:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``: bounded when guarded."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        budget = _active()
        if budget is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        return bounded_inflate(data, budget)

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Patch pdfminer for guarded parsing (idempotent; a no-op outside a guarded parse)."""
    global _installed
    if _installed:
        return
    with _install_lock:
        if _installed:
            return
        _patch_pdfminer()
        _installed = True


def _replace(owner: object, name: str, value: object) -> None:
    """Set ``owner.name`` (a module global or a method) to ``value``."""
    setattr(owner, name, value)


def _patch_pdfminer() -> None:
    from pdfminer import pdftypes, psparser
    from pdfminer.pdfinterp import PDFContentParser
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent as Device

    original_corrupted = pdftypes.decompress_corrupted
    original_lzw = getattr(pdftypes, "lzwdecode")  # noqa: B009 - re-exported, untyped
    original_rl = getattr(pdftypes, "rldecode")  # noqa: B009

    def decompress_corrupted(data: bytes) -> bytes:
        budget = _active()
        if budget is None:
            return original_corrupted(data)
        # pdfminer calls this after a strict inflate failed: the stream is damaged.
        budget.damaged_streams += 1
        return bounded_inflate(data, budget, tolerant=True)

    def bounded(
        original: Callable[[bytes], bytes], decoder: Callable[[bytes, Budget], bytes]
    ) -> Callable[[bytes], bytes]:
        """pdfminer's decoder ``original``, replaced by ``decoder`` within a guarded parse."""

        def decode(data: bytes) -> bytes:
            budget = _active()
            if budget is None:
                return original(data)
            return decoder(data, budget)

        return decode

    # pdftypes looks these names up at call time, so replacing them in its namespace is enough.
    _replace(pdftypes, "zlib", _ZlibForPdfminer())
    _replace(pdftypes, "decompress_corrupted", decompress_corrupted)
    _replace(pdftypes, "lzwdecode", bounded(original_lzw, bounded_lzw))
    _replace(pdftypes, "rldecode", bounded(original_rl, bounded_rl))

    original_decode = pdftypes.PDFStream.decode

    def decode(self: Any) -> None:
        budget = _active()
        if budget is None:
            original_decode(self)
            return
        budget.tick()
        raw = self.rawdata
        original_decode(self)
        if self.data is not None:
            if budget.in_page and raw is not None and self.data is not raw:
                budget.page_streams.append((self, raw))
            budget.account(len(self.data))
            if budget.max_memory_bytes is not None:
                budget.check_memory()

    pdftypes.PDFStream.decode = decode  # type: ignore[method-assign]

    original_resolve = pdftypes.PDFObjRef.resolve

    def resolve(self: Any, default: object = None) -> Any:
        # resolve1() loops "while isinstance(x, PDFObjRef)": a reference cycle would spin
        # forever, so the chain is followed here, at most MAX_REF_CHAIN steps.
        obj = original_resolve(self, default)
        steps = 0
        while isinstance(obj, pdftypes.PDFObjRef):
            steps += 1
            if steps > MAX_REF_CHAIN:
                return default
            obj = original_resolve(obj, default)
        return obj

    pdftypes.PDFObjRef.resolve = resolve  # type: ignore[method-assign]

    def ticking(fillbuf: Callable[[Any], bool]) -> Callable[[Any], bool]:
        def guarded_fillbuf(self: Any) -> bool:
            # pdfminer calls fillbuf before every token; only a real refill (one per 4 KB)
            # is worth a check. Without one, pdfminer's fillbuf returns False at once (both
            # parsers'; tests/test_hostile.py checks it), so this frame answers for it.
            if self.charpos < len(self.buf):
                return False
            budget = _active()
            if budget is not None:
                budget.tick()
            return fillbuf(self)

        guarded_fillbuf.__doc__ = fillbuf.__doc__
        guarded_fillbuf.__wrapped__ = fillbuf  # type: ignore[attr-defined]
        return guarded_fillbuf

    _replace(psparser.PSBaseParser, "fillbuf", ticking(psparser.PSBaseParser.fillbuf))
    _replace(PDFContentParser, "fillbuf", ticking(PDFContentParser.fillbuf))

    render_char = Device.render_char
    render_string = Device.render_string
    paint_path = Device.paint_path
    render_image = Device.render_image

    def capped_render_char(self: Any, *args: Any, **kwargs: Any) -> float:
        budget = _active()
        if budget is not None:
            if budget.page_chars >= budget.max_chars_per_page:
                # Beyond the cap the character is counted, not kept: memory stays bounded.
                budget.dropped_chars += 1
                return 0.0
            budget.page_chars += 1
        advance: float = render_char(self, *args, **kwargs)
        if self._ratsdoc_invisible:
            self.cur_item._objs[-1].ratsdoc_invisible = True  # the char just added
        return advance

    def marking_render_string(self: Any, textstate: Any, *args: Any, **kwargs: Any) -> None:
        # Render modes 3 and 7 paint nothing: the chars are marked for the engine.
        self._ratsdoc_invisible = textstate.render in _INVISIBLE_MODES
        try:
            render_string(self, textstate, *args, **kwargs)
        finally:
            self._ratsdoc_invisible = False

    def capped_shape(draw: Callable[..., None]) -> Callable[..., None]:
        """``draw`` (a path or an image) counted against the per-page shape cap."""

        def capped(self: Any, *args: Any, **kwargs: Any) -> None:
            budget = _active()
            if budget is not None:
                if budget.page_shapes >= budget.max_shapes_per_page:
                    budget.dropped_shapes += 1
                    return
                budget.page_shapes += 1
            draw(self, *args, **kwargs)

        return capped

    capped_paint_path = capped_shape(paint_path)
    capped_render_image = capped_shape(render_image)

    from pdfplumber.page import Page as PlumberPage

    process_object = PlumberPage.process_object

    def ticking_process_object(self: Any, obj: Any) -> Any:
        # pdfplumber turns each layout object into a dict after interpretation, tens of
        # microseconds apiece: a 200,000-character page needs checks here too.
        budget = _active()
        if budget is not None:
            budget.objects += 1
            if budget.objects % 512 == 0:
                budget.tick()
        found = process_object(self, obj)
        if getattr(obj, "ratsdoc_invisible", False):
            found["invisible"] = True
        return found

    _replace(PlumberPage, "process_object", ticking_process_object)

    def begin_tag(self: Any, tag: Any, props: Any = None) -> None:
        # pdfplumber keeps only the innermost tag's MCID and forgets it at the first EMC, so
        # text after a nested /Span inside a paragraph's marked content would lose it; a stack
        # gives the outermost MCID still open, as PDFium does (structure.py compares the two).
        marks = self.__dict__.setdefault("_ratsdoc_marks", [])
        mcid = props.get("MCID") if isinstance(props, dict) else None
        marks.append(mcid if isinstance(mcid, int) and not isinstance(mcid, bool) else None)
        name = tag.name if isinstance(tag, PSLiteral) else None
        self.cur_tag = decode_text(name) if isinstance(name, bytes) else name
        self.cur_mcid = next((m for m in marks if m is not None), None)

    def end_tag(self: Any) -> None:
        marks = self.__dict__.setdefault("_ratsdoc_marks", [])
        if marks:
            marks.pop()
        self.cur_tag = None
        self.cur_mcid = next((m for m in marks if m is not None), None)

    Device.begin_tag = begin_tag  # type: ignore[method-assign]
    Device.end_tag = end_tag  # type: ignore[method-assign]
    Device.render_char = capped_render_char  # type: ignore[method-assign]
    Device.render_string = marking_render_string  # type: ignore[method-assign]
    Device._ratsdoc_invisible = False  # type: ignore[attr-defined]
    Device.paint_path = capped_paint_path  # type: ignore[method-assign]
    Device.render_image = capped_render_image  # type: ignore[method-assign]
