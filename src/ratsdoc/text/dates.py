"""Pure German date parsing: "09.01.2023", "9.1.23", "16. Dezember 2020", "3. Jan. 2024"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

MONTHS: dict[str, int] = {
    "januar": 1,
    "jan": 1,
    "jänner": 1,
    "jaenner": 1,
    "februar": 2,
    "feb": 2,
    "febr": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# OCR reads "0" as "O"/"o" and "1" as "l"/"I" inside dates; the digit class below admits them,
# and _repair_digits maps them back only within a match of the whole date pattern.
_D = r"[0-9OoIl]"
NUMERIC_DATE = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<d>{_D}{{1,2}})\s?\.\s?(?P<m>{_D}{{1,2}})\s?\.\s?(?P<y>{_D}{{4}}|{_D}{{2}})(?![\d])"
)
ISO_DATE = regex.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
WORD_DATE = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<d>\d{{1,2}})\.\s*(?P<mon>{_MONTH_ALT})\.?\s+(?P<y>\d{{4}})(?!\d)",
    regex.IGNORECASE,
)
_DIGIT_REPAIR = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iter_dates(text: str) -> Iterator[tuple[dt.date, int, int]]:
    """Yield (date, start, end) for every valid date in ``text``, in order of position."""
    found: list[tuple[dt.date, int, int]] = []
    for m in NUMERIC_DATE.finditer(text):
        parts = [m.group(k).translate(_DIGIT_REPAIR) for k in ("y", "m", "d")]
        date = _make(int(parts[0]), int(parts[1]), int(parts[2]))
        if date is not None:
            found.append((date, m.start(), m.end()))
    for m in WORD_DATE.finditer(text):
        month = MONTHS[m.group("mon").casefold()]
        date = _make(int(m.group("y")), month, int(m.group("d")))
        if date is not None:
            found.append((date, m.start(), m.end()))
    for m in ISO_DATE.finditer(text):
        date = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if date is not None:
            found.append((date, m.start(), m.end()))
    found.sort(key=lambda item: item[1])
    last_end = -1
    for item in found:
        if item[1] >= last_end:
            last_end = item[2]
            yield item


def parse_date(text: str) -> dt.date | None:
    """The first valid German date in ``text``, or None."""
    for date, _, _ in iter_dates(text):
        return date
    return None
