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
        value = float(f"{integer}.{frac}" if frac else integer)
        negative = bool(m.group("neg")) and (m.group("neg") != "(" or bool(m.group("close")))
        return -value if negative else value
    return None


def strip_currency(text: str) -> str:
    """``text`` without currency words, trimmed."""
    return CURRENCY.sub("", text).strip()
