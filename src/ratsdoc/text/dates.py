"""Pure German date parsing: "09.01.2023", "9.1.23", "16. Dezember 2020", "3. Jan. 2024"; with
``ocr=True`` also as OCR misreads them: "O3.O4,2O24", "l2.1Z.2023", "3. Dezernber 2024",
"7. Marz 2022" (:data:`OCR_DIGITS`, :func:`ocr_month`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from .snapper import LABELS

MONTHS: dict[str, int] = {
    "januar": 1,
    "jan": 1,
    "jänner": 1,
    "jaenner": 1,
    "jän": 1,  # Austrian, as "Jänner" is
    "februar": 2,
    "feb": 2,
    "febr": 2,
    "feber": 2,  # Austrian
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


def iter_dates(text: str, *, ocr: bool = False) -> Iterator[tuple[dt.date, int, int]]:
    """Yield (date, start, end) for every valid date in ``text``, in order of position; with
    ``ocr`` also dates as OCR misreads them (:func:`ocr_dates`) where no clean date stands."""
    found = _clean_dates(text)
    if ocr:
        # A repair may reach further than a clean reading at the same place ("01.01.20Z4" is
        # not "01.01.20" followed by "Z4"): the longer of two readings that start together wins.
        found += list(ocr_dates(text))
    found.sort(key=lambda item: (item[1], -item[2]) if ocr else item[1])
    last_end = -1
    for item in found:
        if item[1] >= last_end:
            last_end = item[2]
            yield item


def _clean_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every date printed the usual ways, overlapping ones included."""
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
    return found


#: What OCR reads for a digit on 200-300 dpi scans, by the digit meant (Tesseract's common
#: confusions: round letters for 0, strokes for 1, "Z" for 2, "S" for 5, "G"/"b" for 6, "B" for
#: 8, "g"/"q" for 9). Only applied inside a whole date shape (:data:`OCR_NUMERIC_DATE`).
OCR_DIGITS: dict[str, str] = {
    **dict.fromkeys("OoDQ", "0"),
    **dict.fromkeys("Il|i!", "1"),
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Ss", "5"),
    **dict.fromkeys("Gb", "6"),
    "B": "8",
    **dict.fromkeys("gq", "9"),
}
_OCR_DIGIT_REPAIR = str.maketrans(OCR_DIGITS)
_OD = "[0-9" + regex.escape("".join(OCR_DIGITS)) + "]"
#: A numeric date as OCR reads it: digits or their look-alikes, a full stop misread as a comma
#: (one of the two separators must still be a full stop), spaces around the separators.
OCR_NUMERIC_DATE = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<d>{_OD}{{1,2}})\s?(?P<s1>[.,])\s?(?P<m>{_OD}{{1,2}})\s?(?P<s2>[.,])\s?"
    rf"(?P<y>{_OD}{{4}}|{_OD}{{2}})(?![\p{{L}}\d])"
)
#: A date with the month's name as OCR reads it: the full stop after the day may be lost, the
#: name misread ("Dezernber", "0ktober", "Marz"), digits of day and year misread.
OCR_WORD_DATE = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<d>{_OD}{{1,2}})(?:\s?[.,])?\s*(?P<mon>[\p{{L}}0][\p{{L}}01]{{2,10}})\.?\s+(?P<y>{_OD}{{4}})(?![\p{{L}}\d])"
)
#: Full month names, which OCR misreads are snapped to (abbreviations are too short to guess):
#: the first name :data:`MONTHS` gives each month.
_FULL_MONTHS = tuple(next(name for name, n in MONTHS.items() if n == month) for month in range(1, 13))


def _digits(*parts: str) -> list[int] | None:
    """The numbers ``parts`` stand for, look-alike letters read as digits; None when fewer than
    half of their characters were digits already (words, not misread numbers) or the last part
    (the year) has fewer than two."""
    real = sum(ch.isdigit() for part in parts for ch in part)
    if 2 * real < sum(len(part) for part in parts) or sum(ch.isdigit() for ch in parts[-1]) < 2:
        return None
    return [int(part.translate(_OCR_DIGIT_REPAIR)) for part in parts]


def ocr_month(word: str) -> int | None:
    """The month ``word`` names, read as OCR misreads it: an exact name or abbreviation, else
    the one full name within one error (two for names of eight letters and more), after "0"
    read as "o" and "1" as "l"; None when none or two names are that close ("Juri")."""
    exact = MONTHS.get(word.casefold())
    if exact is not None:
        return exact
    letters = word.replace("0", "o").replace("1", "l")
    if letters.casefold() in MONTHS or len(letters) < 4:
        return MONTHS.get(letters.casefold())
    name = LABELS.snap(letters, _FULL_MONTHS)
    return MONTHS[name.casefold()] if name is not None else None


def ocr_dates(text: str) -> Iterator[tuple[dt.date, int, int]]:
    """(date, start, end) of every date in ``text`` that reads as one only with OCR's
    confusions repaired (:data:`OCR_DIGITS`, :func:`ocr_month`); clean dates are left to
    :func:`iter_dates`. Overlapping matches may both be yielded."""
    for m in OCR_NUMERIC_DATE.finditer(text, overlapped=True):
        if "." not in (m.group("s1"), m.group("s2")):
            continue
        numbers = _digits(m.group("d"), m.group("m"), m.group("y"))
        date = _make(numbers[2], numbers[1], numbers[0]) if numbers is not None else None
        if date is not None:
            yield date, m.start(), m.end()
    for m in OCR_WORD_DATE.finditer(text, overlapped=True):
        numbers, month = _digits(m.group("d"), m.group("y")), ocr_month(m.group("mon"))
        date = _make(numbers[1], month, numbers[0]) if numbers is not None and month is not None else None
        if date is not None:
            yield date, m.start(), m.end()


def parse_date(text: str, *, ocr: bool = False) -> dt.date | None:
    """The first valid German date in ``text``, or None (``ocr``: see :func:`iter_dates`)."""
    for date, _, _ in iter_dates(text, ocr=ocr):
        return date
    return None


#: What may stand before the date of a dateline as OCR reads it: the place, whose first letter
#: a stamp or the page edge may have taken ("rlangen,": then a comma must follow, so that "vom"
#: or "am" before a date that wrapped onto its own line is no place), and "den" or "am"; OCR
#: may read the comma as a semicolon before "den" ("Aachen; den 05.01.2022"; "Datyp; 12.09.2092"
#: is a misread label "Datum:").
_OCR_PLACE = regex.compile(
    r"(?:(?:\p{Lu}[\p{L}. -]{1,40}?(?:[,.]{1,2}\s*|;\s*(?=den\b|am\b)|\s+)"
    r"|\p{Ll}{4}[\p{L}. -]{0,40}?,\s*)(?:den|am)?\s*)?"
)
#: An intake stamp's date ("12. MRZ 2024"): stamps print the month's abbreviation in capitals,
#: datelines do not.
_STAMP_MONTH = regex.compile(r"\b\p{Lu}{3}\b")
#: ... and after it: the writer's initials, a full stop, a speck.
_OCR_AFTER = regex.compile(r"(?:\s*/\s*\p{L}{1,4})?\s*[.,'‘’]?")


def ocr_dateline(text: str) -> dt.date | None:
    """The date of a dateline standing on its own as OCR reads it ("rlangen, 2l.1O.2022",
    "Fürth, den 3. Marz 2024"): the date with OCR's confusions repaired
    (:func:`iter_dates`), only the place and "den" before it; never a stamp's date."""
    for date, start, end in iter_dates(text, ocr=True):
        if _STAMP_MONTH.search(text, start, end):
            continue
        if _OCR_PLACE.fullmatch(text[:start]) and _OCR_AFTER.fullmatch(text[end:]):
            return date
    return None
