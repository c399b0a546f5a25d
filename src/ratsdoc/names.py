"""File names and other text read from inputs, made safe to store and to print.

A name from a folder or an archive is data, not text ratsdoc wrote: it may hold bytes that are
not UTF-8 (``os.listdir`` hands them over as surrogate escapes, which SQLite cannot store), or
control characters that split a one-line message or drive the terminal (``ESC [2J`` clears it).
:func:`storable` turns undecodable bytes into ``\\xNN``; :func:`printable` also escapes every
control character, for anything shown on a terminal.
"""

from __future__ import annotations

import re

#: C0 controls, DEL and C1 controls; lone surrogates (undecodable bytes); the Unicode line and
#: paragraph separators; the bidirectional overrides and isolates that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that surrogateescape could not decode: show that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def storable(name: str) -> str:
    """``name`` with undecodable bytes (surrogate escapes) written as ``\\xNN``: valid UTF-8."""
    return _SURROGATE.sub(_escape, name)


def printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes written as ``\\xNN``, so that it
    stays on one line and cannot move the cursor, retitle or clear the terminal."""
    return _UNPRINTABLE.sub(_escape, text)
