"""The text of a PDFium text page: all chars in one call, or one char at a time (the reference
path), with the codes where the two differ."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

#: Chars PDFium might have generated: it generates " ", "\r" and "\n" only; any whitespace
#: or control char is checked with ``FPDFText_IsGenerated`` to be safe.
MAYBE_GENERATED = frozenset(chr(c) for c in range(0x3001) if c <= 0x20 or chr(c).isspace())
#: Chars of the batched text that are re-read one by one with :func:`char_text`: NUL, the
#: line-end hyphen markers and UTF-16 surrogates (see :func:`page_text`).
SPECIAL_CODES = frozenset([chr(0), chr(0x02), chr(0xFFFE)] + [chr(c) for c in range(0xD800, 0xE000)])


def page_text(tp: Any, count: int) -> str | None:
    """The text of all ``count`` chars of a text page in one call, one str char per PDFium
    char; None when the text does not line up with the char indices (then chars are read one
    by one). PDFium's text equals ``FPDFText_GetUnicode`` per char except for the codes in
    ``SPECIAL_CODES``, which the caller re-reads."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = int(pdfium_c.FPDFText_GetText(tp, 0, count, buf))
    if written != count + 1:
        return None
    text = ctypes.string_at(buf, 2 * count).decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == count else None


def char_text(tp: Any, index: int) -> str:
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
