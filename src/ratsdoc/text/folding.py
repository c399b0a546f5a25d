"""German search folding: one canonical spelling for the index and the query.

Council texts write the same word as "Straße", "Strasse" and "STRASSE", or "München" and
"Muenchen" (typewriter and e-mail transliteration). Both the indexed text and the query are
folded to one form: case folded, ß/ẞ -> "ss", ä/ö/ü -> "ae"/"oe"/"ue" (also when written as a
letter plus a combining diaeresis), other diacritics dropped (é -> e) and compatibility forms
spelled out (ligature "ﬁ" -> "fi"). Folding works one character at a time, so every folded
character knows the original character it came from (:func:`fold_with_offsets`), which lets a
snippet be cut from the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIAERESIS = "\u0308"
_UMLAUT_BASES = frozenset("aouAOU")
#: FTS5 operators keep their case in a raw query; everything else is folded.
_FTS_PART = re.compile(r'("(?:[^"]|"")*")|\b(AND|OR|NOT|NEAR)\b')


@lru_cache(maxsize=4096)
def _fold_char(char: str, after_umlaut_base: bool = False) -> str:
    """The folded form of one character (a combining diaeresis right after a/o/u becomes "e")."""
    if char == _DIAERESIS:
        return "e" if after_umlaut_base else ""
    out = char
    for _ in range(3):  # casefold may produce marks and NFKD capitals ("ℌ" -> "H"): settle both
        parts: list[str] = []
        for piece in unicodedata.normalize("NFKD", out):
            if piece == _DIAERESIS and parts and parts[-1] in _UMLAUT_BASES:
                parts.append("e")
            elif not unicodedata.combining(piece):
                parts.append(piece)
        folded = "".join(parts).casefold()
        if folded == out:
            break
        out = folded
    return out


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character."""
    pieces: list[str] = []
    origin: list[int] = []
    previous = ""
    for index, char in enumerate(text):
        folded = _fold_char(char, previous in _UMLAUT_BASES)
        pieces.append(folded)
        origin.extend([index] * len(folded))
        previous = char
    return "".join(pieces), origin


class _Table(dict[int, str]):
    """A ``str.translate`` table that folds each character the first time it is met."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_TABLE = _Table()
_DECOMPOSED_UMLAUT = re.compile("[aouAOU]\u0308")


def fold(text: str) -> str:
    """``text`` in the canonical search spelling: "Straße" and "STRASSE" both give "strasse".

    The same as the text of :func:`fold_with_offsets`, at the speed of ``str.translate``.
    """
    text = _DECOMPOSED_UMLAUT.sub(lambda m: unicodedata.normalize("NFC", m.group(0)), text)
    return text.translate(_TABLE)


def fold_fts_query(query: str) -> str:
    """Fold an FTS5 query except its operators (AND, OR, NOT, NEAR), which must stay upper case."""
    out: list[str] = []
    position = 0
    for match in _FTS_PART.finditer(query):
        out.append(fold(query[position : match.start()]))
        out.append(fold(match.group(1)) if match.group(1) else match.group(2))
        position = match.end()
    out.append(fold(query[position:]))
    return "".join(out)
