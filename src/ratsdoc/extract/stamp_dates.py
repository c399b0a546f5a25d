"""The date of an intake stamp ("EINGANG" over "29.05.2023", "Eingegangen 12. MRZ 2024"): the day
the office received the paper, never the paper's own date. On a scan the stamp's lines come out
beside the address or the dateline, where a lone date reads as a dateline."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token
from .scan_datelines import placed_date

#: A stamp's words, as OCR may read them ("EINGANG", "Eingegangen", "Posteingang", "Eing.").
_STAMP_WORD = regex.compile(
    r"(?<!\p{L})(?:(?:eingang|eingegangen|posteingang){e<=1}|eing\.)(?!\p{L})", regex.IGNORECASE | regex.BESTMATCH
)
#: A stamp prints the month in capitals ("12. MRZ 2024", "11. JUL. 2024").
_STAMP_MONTH = regex.compile(r"\d{1,2}\.?\s*\p{Lu}{3}\.?\s*(?:19|20)\d{2}")
#: A stamp's lines stand within this many line sizes of each other.
_REACH = 2.5
#: A stamp's word beside the date stands within this many points of the date's left or right end.
_SIDE = 40.0


def is_stamp_text(text: str) -> bool:
    """Whether ``text`` holds an intake stamp's word or its date with the month in capitals."""
    return bool(_STAMP_MONTH.search(text) or _STAMP_WORD.search(text))


def is_stamp_date(lines: Sequence[Line], index: int, segment: Sequence[Token]) -> bool:
    """Whether ``segment`` of ``lines[index]`` is a stamp's date: it has the stamp's capital
    month, or a stamp's word stands in it or in a segment just above or below it. A dateline
    with its place ("Fürth, 23.07.2025") is print, also with a stamp's word beside it."""
    text = " ".join(t.text for t in segment)
    if is_stamp_text(text):
        return True
    if placed_date(text) is not None:
        return False  # a stamp prints no place and comma before its day
    line = lines[index]
    left, right = segment[0].x0 - _SIDE, segment[-1].x1 + _SIDE
    for other in lines[max(0, index - 4) : index + 5]:
        if other.page != line.page or abs(other.top - line.top) > _REACH * max(line.size, 1.0):
            continue
        for part in other.segments():
            if part[-1].x1 >= left and part[0].x0 <= right and _STAMP_WORD.search(" ".join(t.text for t in part)):
                return True
    return False
