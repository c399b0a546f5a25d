"""Streams as PDFium decodes them, within a budget: their size, bounded or measured.

The preflight (:mod:`.preflight`) must know what PDFium would hold before PDFium sees a byte,
without holding it itself. :func:`decoded_bound` bounds a stream by its filters' worst case
(Flate grows data at most 1032 times, LZW, whose codes of at least 9 bits yield at most 4096
bytes, 3641 times, RunLength 64, ASCII85 4), which settles most streams without inflating
them; :func:`decode` decodes one as PDFium decodes a non-image stream, through the bounded
decoders of :mod:`.pdfminer_guard`, so that a bomb stops at ``max_stream_bytes``;
:func:`image_bytes` is what an image declares it will need once decoded for rendering;
:func:`type3_fonts`, :func:`type3_codes` and :func:`string_bytes` tell which Type 3 glyphs a
content stream shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT, PSLiteral

from ..budget import Budget
from .pdfminer_guard import bounded_inflate, bounded_lzw, bounded_rl

Decoder = Callable[[bytes, Budget], bytes]

#: Bytes that end a token of a content stream.
_DELIMITERS = rb"\s()<>\[\]{}/%"
#: What decides the Type 3 glyphs a content stream shows: strings (literal, without nested
#: parentheses, or hex), ``/Name size Tf`` (group 1: the font) and the text-showing operators
#: (group 2). Strings that are not shown (marked-content properties) only overestimate.
TEXT_TOKEN = re.compile(
    rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>"
    rb"|/([^" + _DELIMITERS + rb"]+)\s+[-+.0-9]+\s+Tf(?![^" + _DELIMITERS + rb"])"
    rb"|(?<![^" + _DELIMITERS + rb"])(Tj|TJ|'|\")(?![^" + _DELIMITERS + rb"])",
    re.DOTALL,
)
_STRING_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\n": b"", b"\r": b""}
_TYPE3 = LIT("Type3")


def _inflate(data: bytes, budget: Budget) -> bytes:
    # Tolerant: PDFium keeps what it can inflate of a corrupt stream, and so must the count.
    return bounded_inflate(data, budget, tolerant=True)


#: Per filter name: how many times larger than its input its output can be at most, and
#: the bounded decoder for it. Filters not listed (DCT, JPX, JBIG2, CCITT, unknown
#: names) are image decoders to PDFium: it stops decoding a non-image stream at the first.
_FILTERS: dict[str, tuple[int, Decoder]] = {
    "FlateDecode": (1032, _inflate),
    "Fl": (1032, _inflate),
    "LZWDecode": (3641, bounded_lzw),
    "LZW": (3641, bounded_lzw),
    "RunLengthDecode": (64, bounded_rl),
    "RL": (64, bounded_rl),
    "ASCII85Decode": (4, lambda data, _: ascii85decode(data)),
    "A85": (4, lambda data, _: ascii85decode(data)),
    "ASCIIHexDecode": (1, lambda data, _: asciihexdecode(data)),
    "AHx": (1, lambda data, _: asciihexdecode(data)),
    # The document's security handler has deciphered the data already.
    "Crypt": (1, lambda data, _: data),
}
#: Colour components per colour space family (an unknown one counts as CMYK, the most).
_COMPONENTS: dict[str, int] = {
    "DeviceGray": 1,
    "CalGray": 1,
    "G": 1,
    "Indexed": 1,
    "I": 1,
    "Separation": 1,
    "DeviceRGB": 3,
    "CalRGB": 3,
    "RGB": 3,
    "Lab": 3,
    "DeviceCMYK": 4,
    "CMYK": 4,
}


def _filter_names(stream: PDFStream) -> list[str]:
    """The names of ``stream``'s filters, in order ("" for one that is not a name)."""
    try:
        filters = stream.get_filters()
    except Exception:  # unreadable filters: PDFium cannot decode the stream either
        return []
    return [f.name if isinstance(f, PSLiteral) and isinstance(f.name, str) else "" for f, _ in filters]


def decoded_bound(stream: PDFStream) -> int:
    """The most bytes ``stream`` can decode to in PDFium (as a non-image stream)."""
    if stream.data is not None:
        return len(stream.data)
    size = len(stream.rawdata or b"")
    for name in _filter_names(stream):
        if name not in _FILTERS:
            break
        size *= _FILTERS[name][0]
    return size


def decode(stream: PDFStream, budget: Budget) -> bytes:
    """``stream`` decoded as PDFium decodes a non-image stream, within ``budget``.

    The bounded decoders stop past ``max_stream_bytes``; corrupt data gives what
    can be decoded of it, as in PDFium. pdfminer's copy of the stream is left undecoded.
    """
    if stream.data is not None:
        return stream.data
    data = stream.rawdata or b""
    if stream.decipher is not None and stream.objid is not None:
        try:
            data = stream.decipher(stream.objid, stream.genno or 0, data, stream.attrs)
        except Exception:
            return data
    for name in _filter_names(stream):
        if name not in _FILTERS:
            break
        try:
            data = _FILTERS[name][1](data, budget)
        except Exception:  # a broken layer ends the decoding, in PDFium too
            break
        if len(data) > budget.max_stream_bytes:
            raise budget.stream_too_big(len(data))
    return data


def image_bytes(image: PDFStream) -> int:
    """The bytes an image XObject declares: width × height × components × bits / 8."""
    width = resolved(image.get("Width"))
    height = resolved(image.get("Height"))
    if not (isinstance(width, (int, float)) and isinstance(height, (int, float))):
        return 0
    if resolved(image.get("ImageMask")) is True:
        bits, components = 1, 1
    else:
        bpc = resolved(image.get("BitsPerComponent"))
        bits = int(bpc) if isinstance(bpc, int) and 0 < bpc <= 16 else 8
        components = _components(image.get("ColorSpace"))
    return max(0, int(width)) * max(0, int(height)) * components * bits // 8


def _components(space: Any) -> int:
    """Colour components of a colour space (4 when unknown, the most any family has)."""
    space = resolved(space)
    if isinstance(space, PSLiteral):
        return _COMPONENTS.get(str(space.name), 4)
    if not (isinstance(space, list) and space):
        return 4
    family = resolved(space[0])
    name = str(family.name) if isinstance(family, PSLiteral) else ""
    if name == "ICCBased" and len(space) > 1:
        profile = resolved(space[1])
        count = resolved(profile.get("N")) if isinstance(profile, PDFStream) else None
        return count if isinstance(count, int) and 0 < count <= 32 else 4
    if name == "DeviceN" and len(space) > 1:
        names = resolved(space[1])
        return len(names) if isinstance(names, list) and 0 < len(names) <= 32 else 4
    return _COMPONENTS.get(name, 4)


def type3_fonts(resources: Any) -> dict[str, dict[str, Any]]:
    """The Type 3 fonts of a resource dictionary, by resource name."""
    fonts = resolved(resources.get("Font")) if isinstance(resources, dict) else None
    if not isinstance(fonts, dict):
        return {}
    found = {name: resolved(value) for name, value in fonts.items()}
    return {name: font for name, font in found.items() if isinstance(font, dict) and font.get("Subtype") is _TYPE3}


def type3_codes(font: dict[str, Any]) -> dict[int, str]:
    """Code → glyph name of a Type 3 font, from its /Encoding /Differences."""
    encoding = resolved(font.get("Encoding"))
    differences = resolved(encoding.get("Differences")) if isinstance(encoding, dict) else None
    codes: dict[int, str] = {}
    code = 0
    for item in differences if isinstance(differences, list) else ():
        item = resolved(item)
        if isinstance(item, int):
            code = item
        elif isinstance(item, PSLiteral) and 0 <= code < 256:
            codes[code] = str(item.name)
            code += 1
    return codes


def string_bytes(token: bytes) -> bytes:
    """The bytes of a literal ``(...)`` or hex ``<...>`` string token of a content stream."""
    if token.startswith(b"<"):
        digits = bytes(c for c in token[1:-1] if c not in b" \t\r\n\f\0")
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))

    def unescape(match: re.Match[bytes]) -> bytes:
        char = match.group(1)
        if char[:1] in b"01234567":
            return bytes([int(char, 8) & 0xFF])
        return _ESCAPED.get(char, char)

    return _STRING_ESCAPE.sub(unescape, token[1:-1])


def resolved(value: Any) -> Any:
    """``value`` with references followed; None for one that cannot be resolved."""
    try:
        return resolve1(value)
    except Exception:  # a missing or unparsable object holds nothing to check
        return None
