"""A scanned letter's dateline where an intake stamp or a pen touched it.

The place before the date tells a printed dateline ("Fürth, 23.07.2025", "Erlangen, den
17.05.2022") from a stamp's date ("EINGANG" over "22.07.2025", "Eingang 24. Jan. 2012"): a stamp
prints the office and the word of receipt, never a place followed by a comma. So a dateline
with its place is the paper's even where a stamp's word stands just above or below it, and it
is preferred to a date standing alone in the head, which may be the stamp's. A pen stroke or a
speck through the separators is read as another sign ("11.07:2024", "Erlangen;:den"); those are
set right before the date is read.
"""

from __future__ import annotations

import datetime as dt

import regex

from ..text.dates import iter_dates, ocr_dateline

#: The place of a dateline before its date, as OCR may read it: a capitalised name (its first
#: letter may be lost: then four small letters), a comma (or a semicolon before "den"/"am"),
#: "den" or "am".
_PLACE = regex.compile(
    r"(?:\p{Lu}[\p{L}.-]{1,30}(?:[ -]\p{L}[\p{L}.-]{0,30}){0,4}|\p{Ll}{4}[\p{L}.-]{0,30})"
    r"\s?(?:,|;(?=\s*(?:den|am)\b))\s*(?:(?:den|am)\s+)?"
)
#: A separator misread between the digits of a date ("11.07:2024"): a colon or semicolon.
_DIGIT_SEPARATOR = regex.compile(r"(?<=\d\s?)[:;](?=\s?\d)")
#: Signs misread after the place ("Erlangen;:den", "Köln,.den"): the place's comma and a speck.
_PLACE_SIGNS = regex.compile(r"(?<=\p{L})\s?[,;:.]{2,3}\s*(?=(?:den|am)\b)")
#: A speck read as a sign between "den" and the date ("Bielefeld, den.31. März 2025").
_DEN_SIGN = regex.compile(r"(?<=\bden)\s?[.,:;·]\s*(?=\d)")
#: Specks read as signs before the place ("‘Graz, 11.07.2022"): a place name starts with a letter.
_LEAD_SIGNS = regex.compile(r"^\s*[‚,.'`´‘’\"„“]{1,2}\s*(?=\p{Lu}[\p{L}.-]*\s?,)")
#: Digits a stamp or a pen put just before the place, read into the dateline's segment ("28
#: Bamberg, 22.04.2024": a stamp's day over the place): a place name never starts with a number.
_MARK_DIGITS = regex.compile(r"^\s*(?:\d{1,3}\s+)+(?=\p{Lu}[\p{L}.-]*\s?,)")


def repaired(text: str) -> str:
    """``text`` with the separators of a dateline that OCR misread set right: a colon between
    the digits of the date is a full stop, a run of signs after the place before "den" a comma;
    a mark's digits and specks before the place, and a speck after "den", left out."""
    text = _DEN_SIGN.sub(" ", _LEAD_SIGNS.sub("", _MARK_DIGITS.sub("", text)))
    return _PLACE_SIGNS.sub(", ", _DIGIT_SEPARATOR.sub(".", text))


def placed_date(text: str) -> dt.date | None:
    """The date of ``text`` when it is a dateline with its place ("Fürth, 23.07.2025",
    "rlangen, den 3. Marz 2024"), separators OCR misread set right; else None."""
    text = repaired(text.strip())
    for date, start, _ in iter_dates(text, ocr=True):
        if _PLACE.fullmatch(text[:start]) and ocr_dateline(text) == date:
            return date
    return None


#: A dateline whose place a stamp hid: "den" and the date, after signs a mark left ("‚den").
_PLACE_HIDDEN = regex.compile(r"[‚,.'`´‘’\"„“]{0,2}\s*den\s+(?=\d)")


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline standing on its own as OCR reads it (:func:`ocr_dateline`), with
    the separators a pen or a speck made into other signs set right, also where a mark hid its
    place and left "den" ("‚den 10.03.2023"; "am" alone is no dateline: "BV 4 am 30.07.2024"
    is a note whose number was lost)."""
    text = repaired(text)
    hidden = _PLACE_HIDDEN.match(text)
    if hidden is not None:
        text = text[hidden.end() :]
        date = next(iter_dates(text, ocr=True), None)
        return date[0] if date is not None and date[1] == 0 and ocr_dateline(text) == date[0] else None
    return ocr_dateline(text)
