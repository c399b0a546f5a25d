"""Pure parsing of German money amounts: "12.500,00 EUR", "1.250.000 €", "-0,50", "(1.000,00)"."""

from __future__ import annotations

import regex

#: One amount as printed: optional sign, digit groups with "." or thin/normal spaces as thousands
#: separators, optional decimal comma; currency words around it are matched separately.
AMOUNT = regex.compile(
    r"(?<![\d.,])(?P<neg>[-−–]\s?|\()?"
    r"(?P<int>\d{1,3}(?:[.\u202f\u00a0 ]\d{3})+|\d+)"
    r"(?:,(?P<frac>\d{1,2}|-{1,2}|–))?"
    r"(?P<close>\))?(?![\d]|[.,]\d)"
)
CURRENCY = regex.compile(r"(?:EUR|Euro|€|T€|TEUR|Tsd\.?\s?€)", regex.IGNORECASE)


def parse_amount(text: str) -> float | None:
    """The first amount in ``text`` as a float (German separators), or None if there is none.

    "12.500,00 EUR" → 12500.0; "1.250.000" → 1250000.0; "0,5" → 0.5; "(1.000,00)" → -1000.0;
    "12,-" → 12.0. A thousands group must have exactly three digits, so "1.5" is not an amount.
    """
    for m in AMOUNT.finditer(text):
        integer = regex.sub(r"[.\u202f\u00a0 ]", "", m.group("int"))
        frac = m.group("frac") or ""
        if not frac.isdigit():
            frac = ""
        try:
            value = float(f"{integer}.{frac}" if frac else integer)
        except ValueError:
            continue  # digits of a script newer than Python's Unicode tables ("\U00016d70")
        negative = bool(m.group("neg")) and (m.group("neg") != "(" or bool(m.group("close")))
        return -value if negative else value
    return None


#: "12,500,00": OCR reads a thousands dot as a comma. With a two-digit decimal part after the
#: last comma and three-digit groups before it, the dots are the only reading.
_COMMA_GROUPS = regex.compile(r"^(?P<neg>[-−–]?)(?P<head>\d{1,3})(?P<groups>(?:,\d{3})+),(?P<frac>\d{2})$")
#: Letters OCR puts for digits inside a number ("1O.000,00", "l2,50").
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_NUMBER_SHAPE = regex.compile(r"^[-−–]?\d{1,3}(?:[.,]\d{3})*(?:,\d{1,2})?$|^[-−–]?\d+(?:,\d{1,2})?$")


def repair_ocr_amount(word: str) -> str:
    """``word`` with OCR confusions undone where only one reading is an amount, else unchanged.

    "12,500,00" → "12.500,00"; "1O.000,00" → "10.000,00" (letters only where at least two
    real digits make the word a number). Words that are not amount-shaped stay as they are.
    """
    if sum(ch.isdigit() for ch in word) >= 2 and not _NUMBER_SHAPE.match(word):
        mapped = word.translate(_DIGIT_LOOKALIKES)
        if _NUMBER_SHAPE.match(mapped):
            word = mapped
    m = _COMMA_GROUPS.match(word)
    if m:
        return f"{m['neg']}{m['head']}{m['groups'].replace(',', '.')},{m['frac']}"
    return word


def strip_currency(text: str) -> str:
    """``text`` without currency words, trimmed."""
    return CURRENCY.sub("", text).strip()
