"""Property-based tests of the pure text helpers: dates, amounts, normalisation, line joining.

The example tests in ``test_text.py`` pin known inputs; these check invariants over inputs
hypothesis invents: printed dates and amounts parse back to their value, wherever they stand
in a sentence; normalisation is idempotent; nothing raises on arbitrary text (extracted text
from hostile PDFs is arbitrary); joining lines loses no letters.
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ratsdoc.text.amounts import parse_amount, repair_ocr_amount
from ratsdoc.text.dates import MONTHS, iter_dates, parse_date
from ratsdoc.text.normalize import join_lines, normalize_text

#: Text as it comes out of PDFs: any code point, with the troublesome ones made likely.
pdf_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("0123456789.,-–−()€ \t\n\u00a0\u202f\u00ad\u200b\ufb01\u00a8OolI")),
    ),
    max_size=200,
)
#: Two-digit years map to 1970–2069, so round trips of "d.m.yy" stay within that window.
dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2069, 12, 31))
#: Words that may stand around a date or an amount without changing it.
context = st.sampled_from(["", "am ", "Erfurt, den ", "Sitzung vom ", "(", "Kosten: "])
after = st.sampled_from(["", " im Rathaus", ".", ")", ", 10 Uhr", " und"])
MONTH_NAMES = dict(
    enumerate(
        [
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
        ],
        start=1,
    )
)
assert all(MONTHS[name.casefold()] == n for n, name in MONTH_NAMES.items())


@given(pdf_text)
@settings(max_examples=400)
def test_dates_never_raise(text: str) -> None:
    found = list(iter_dates(text))
    assert parse_date(text) == (found[0][0] if found else None)


@given(pdf_text)
def test_iter_dates_spans_are_ordered_and_disjoint(text: str) -> None:
    last_end = -1
    for date, start, end in iter_dates(text):
        assert last_end <= start < end <= len(text)
        assert parse_date(text[start:end]) == date
        last_end = end


@given(dates, context, after)
@example(dt.date(2023, 1, 9), "", "")
def test_numeric_date_round_trip(date: dt.date, before: str, behind: str) -> None:
    for printed in (
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        f"{date.day}.{date.month}.{date.year}",
        f"{date.day}.{date.month}.{date.year % 100:02d}",
        f"{date.day:02d}. {date.month:02d}. {date.year}",
    ):
        assert parse_date(before + printed + behind) == date, printed


@given(dates, context, after)
def test_word_and_iso_date_round_trip(date: dt.date, before: str, behind: str) -> None:
    word = f"{date.day}. {MONTH_NAMES[date.month]} {date.year}"
    assert parse_date(before + word + behind) == date
    assert parse_date(before + word.upper() + behind) == date
    assert parse_date(before + date.isoformat() + behind) == date


@given(dates)
def test_invalid_days_are_not_dates(date: dt.date) -> None:
    assert parse_date(f"32.{date.month:02d}.{date.year}") is None
    assert parse_date(f"{date.day:02d}.13.{date.year}") is None


def german_amount(cents: int, *, thousands: bool, decimals: bool) -> str:
    """Print ``cents`` the German way: "-1.234.567,89"."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    digits = f"{whole:,}".replace(",", ".") if thousands else str(whole)
    return f"{sign}{digits},{frac:02d}" if decimals else f"{sign}{digits}"


@given(pdf_text)
@example("\U00016d70")  # a digit the regex module knows and float() does not
@settings(max_examples=400)
def test_amounts_never_raise(text: str) -> None:
    value = parse_amount(text)
    assert value is None or math.isfinite(value)


@given(
    st.integers(min_value=-(10**13), max_value=10**13),
    st.booleans(),
    st.sampled_from(["", " EUR", " €", " Euro"]),
    st.sampled_from(["", "Kosten: ", "ca. "]),
)
@example(125000000, True, " €", "")
def test_amount_round_trip(cents: int, thousands: bool, currency: str, before: str) -> None:
    printed = german_amount(cents, thousands=thousands, decimals=True)
    assert parse_amount(before + printed + currency) == cents / 100
    whole = german_amount(
        cents - cents % 100 if cents >= 0 else -(-cents - -cents % 100), thousands=thousands, decimals=False
    )
    assert parse_amount(whole + currency) == float(int(whole.replace(".", "")))


@given(st.integers(min_value=-(10**13), max_value=10**13), st.booleans(), st.booleans())
def test_ocr_repair_keeps_amounts_and_undoes_comma_groups(cents: int, thousands: bool, decimals: bool) -> None:
    printed = german_amount(cents, thousands=thousands, decimals=decimals)
    assert repair_ocr_amount(printed) == printed  # a correct amount is never changed
    misread = printed.replace(".", ",")  # OCR's comma for every thousands dot
    repaired = repair_ocr_amount(misread)
    if thousands and decimals and abs(cents) >= 100_000:
        assert repaired == printed
    else:  # without a decimal part "1,234,567" could be a list: left alone
        assert repaired in (printed, misread)


@given(pdf_text)
def test_ocr_repair_never_raises_and_leaves_words(text: str) -> None:
    repaired = repair_ocr_amount(text)
    assert len(repaired) == len(text)
    if sum(ch.isdigit() for ch in text) < 2:
        assert repaired == text


@given(st.integers(min_value=1, max_value=10**12))
def test_amount_in_parentheses_is_negative(cents: int) -> None:
    printed = german_amount(cents, thousands=True, decimals=True)
    assert parse_amount(f"({printed})") == -cents / 100


@given(pdf_text)
@settings(max_examples=500)
@example("\u00a8\u00adA")
@example("\u00a8  a")
@example("\u00a8\u200b o")
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(pdf_text)
def test_normalize_text_folds_spaces(text: str) -> None:
    result = normalize_text(text)
    assert result == result.strip()
    assert "  " not in result and "\t" not in result and "\u00a0" not in result
    assert not any(ch in result for ch in "\u00ad\u200b\ufeff\ufb01")


def test_normalize_text_regressions() -> None:
    """A spacing diaeresis separated from its letter by an invisible mark or two spaces."""
    assert normalize_text("Gr\u00a8\u00adoße") == "Größe"
    assert normalize_text("\u00a8  a") == "ä"


lines_strategy = st.lists(pdf_text, max_size=8)


@given(lines_strategy)
def test_join_lines_never_raises_and_keeps_letters(lines: list[str]) -> None:
    joined = join_lines(lines)

    def letters(text: str) -> str:
        return "".join(ch for ch in text if not ch.isspace() and ch != "-")

    assert letters(joined) == "".join(letters(line) for line in lines)
    assert joined == joined.strip()


@given(st.lists(st.text(alphabet="abcäöüß ÄBC.,0123", min_size=1, max_size=20), max_size=6))
def test_join_lines_without_hyphens_is_a_plain_join(lines: list[str]) -> None:
    expected = " ".join(line.strip() for line in lines if line.strip())
    assert join_lines(lines) == expected


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=2, max_size=12),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=1, max_size=12),
)
def test_join_lines_undoes_hyphenation(head: str, tail: str) -> None:
    if tail in ("und", "oder", "bzw", "sowie", "als", "wie", "noch"):
        return
    assert join_lines([f"{head}-", tail]) == head + tail
    assert join_lines([f"{head}-", tail.capitalize()]) == f"{head}-{tail.capitalize()}"
