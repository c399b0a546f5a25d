"""Dates as OCR misreads them (``iter_dates(..., ocr=True)``): every single look-alike of every
digit of every day of a year reads back as that day, every one-letter misreading of a month's
name reads as that month or as none (never another), and clean dates read as without ``ocr``."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ratsdoc.text.dates import MONTHS, OCR_DIGITS, iter_dates, ocr_month, parse_date

NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
#: The letters OCR reads for each digit.
LOOKALIKES: dict[str, list[str]] = {}
for _letter, _digit in OCR_DIGITS.items():
    LOOKALIKES.setdefault(_digit, []).append(_letter)
#: Every day of a leap year.
DAYS = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(366)]


def _numeric(date: dt.date) -> list[str]:
    return [f"{date.day:02d}.{date.month:02d}.{date.year}", f"{date.day}.{date.month}.{date.year}"]


def test_every_lookalike_of_every_digit_reads_back() -> None:
    for date in DAYS:
        for printed in _numeric(date):
            for position, char in enumerate(printed):
                for letter in LOOKALIKES.get(char, []):
                    misread = printed[:position] + letter + printed[position + 1 :]
                    assert parse_date(f"Erfurt, den {misread}", ocr=True) == date, misread


def test_a_full_stop_read_as_comma_is_forgiven_once() -> None:
    for date in DAYS:
        printed = f"{date.day:02d}.{date.month:02d}.{date.year}"
        first, second = printed.replace(".", ",", 1), printed[::-1].replace(".", ",", 1)[::-1]
        assert parse_date(first, ocr=True) == date
        assert parse_date(second, ocr=True) == date
        assert parse_date(printed.replace(".", ","), ocr=True) is None  # "3,5,2024" is no date


def test_word_dates_with_lost_full_stop_and_misread_digits() -> None:
    for date in DAYS:
        name = NAMES[date.month - 1]
        for printed in (f"{date.day} {name} {date.year}", f"{date.day}, {name} 2O{date.year % 100}"):
            assert parse_date(printed, ocr=True) == date, printed


def _one_edit(word: str) -> set[str]:
    """Every word one deletion, substitution or insertion away from ``word``."""
    letters = string.ascii_lowercase + "äöü01"
    edits = {word[:i] + word[i + 1 :] for i in range(len(word))}
    edits |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    edits |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    return edits - {word}


@pytest.mark.parametrize("month", range(1, 13))
def test_a_misread_month_name_is_never_another_month(month: int) -> None:
    name = NAMES[month - 1].casefold()
    for variant in _one_edit(name):
        read = ocr_month(variant)
        if variant.replace("0", "o").replace("1", "l") in MONTHS:
            continue  # another month's own name or abbreviation ("juli" from "juni")
        assert read in (month, None), (variant, read)
        if len(name) >= 6:  # long names are found through any one error
            assert read == month, variant


def test_typical_ocr_misreadings() -> None:
    assert parse_date("Würzburg, den O3.O4,2O24", ocr=True) == dt.date(2024, 4, 3)
    assert parse_date("3. Dezernber 2024", ocr=True) == dt.date(2024, 12, 3)
    assert parse_date("7. Marz 2022", ocr=True) == dt.date(2022, 3, 7)
    assert parse_date("am 3 0ktober 2O24", ocr=True) == dt.date(2024, 10, 3)
    assert parse_date("3. 0kt. 2024", ocr=True) == dt.date(2024, 10, 3)
    # Not dates: a word, two commas, an ambiguous month, too few real digits.
    for text in ("Ss.Ss.SSSS", "12,50 EUR, 3,5,2024", "1. Juri 2024", "BS.Sg.ZZSS", "Abs. 1.2 2024"):
        assert parse_date(text, ocr=True) is None, text
    # Without ``ocr`` nothing changes.
    assert parse_date("O3.O4,2O24") is None


contexts = st.sampled_from(["", "am ", "Erfurt, den ", "Sitzung vom ", "(", "Regensburg, "])
endings = st.sampled_from(["", " im Rathaus", ".", ")", ", 10 Uhr", " und"])
years = st.dates(min_value=dt.date(1971, 1, 1), max_value=dt.date(2068, 12, 31))


@given(years, contexts, endings, st.sampled_from(range(4)))
def test_clean_dates_read_the_same_with_ocr(date: dt.date, before: str, behind: str, style: int) -> None:
    printed = [
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        f"{date.day}.{date.month}.{date.year % 100:02d}",
        f"{date.day}. {NAMES[date.month - 1]} {date.year}",
        date.isoformat(),
    ][style]
    text = before + printed + behind
    assert list(iter_dates(text, ocr=True)) == list(iter_dates(text))
    assert parse_date(text, ocr=True) == date


@given(years, contexts, st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=3), st.data())
def test_misread_digits_read_back(date: dt.date, before: str, positions: list[int], data: st.DataObject) -> None:
    printed = list(f"{date.day:02d}.{date.month:02d}.{date.year}")
    digits = [i for i, c in enumerate(printed) if c.isdigit()]
    # At most three of the eight digits misread, at most two of the year's four: most of a date
    # stays digits (a year of look-alikes is a word, not a date).
    for choice in positions:
        index = digits[choice % len(digits)]
        if printed[index] in LOOKALIKES:
            printed[index] = data.draw(st.sampled_from(LOOKALIKES[printed[index]]))
    assume(sum(ch.isdigit() for ch in printed[-4:]) >= 2)
    assert parse_date(before + "".join(printed), ocr=True) == date


@given(st.text(alphabet=st.sampled_from(list("0123456789.,: OolIZSBgqMärzJuni")), max_size=60))
def test_ocr_dates_never_raise_and_stay_ordered(text: str) -> None:
    last = -1
    for date, start, end in iter_dates(text, ocr=True):
        assert start >= last
        assert parse_date(text[start:end], ocr=True) == date
        last = end


def test_a_dateline_whose_comma_ocr_read_as_a_semicolon() -> None:
    # Seed-19 office-letter scan 1: "Aachen; den 05.01.2022" was no dateline, so the letter had no
    # date and its head no letter's head.
    from ratsdoc.extract.generic.closing import DATELINE
    from ratsdoc.text.dates import ocr_dateline

    assert ocr_dateline("Aachen; den 05.01.2022") == dt.date(2022, 1, 5)
    assert DATELINE.fullmatch("Aachen; den 05.01.2022") is not None
    assert ocr_dateline("am; 05.01.2022") is None  # no place before it
    # Without "den" a semicolon is as likely a misread label's colon ("Datum:" read "Datyp;").
    assert ocr_dateline("Datyp; 12.09.2092") is None and DATELINE.fullmatch("Datyp; 12.09.2092") is None
