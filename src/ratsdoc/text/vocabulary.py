"""Snapping OCR text to a closed vocabulary: "Nachhaltigkcitscontrolling" → the profile's
"Nachhaltigkeitscontrolling", "0ffentlich" → "öffentlich", "]Nein" → "Nein".

Only used on OCRed layouts. A text snaps to the entry it matches with the fewest errors
(substitutions, insertions, deletions; :mod:`regex` fuzzy matching on the whole text, after
folding case and spaces and dropping stray marks at its edges); a tie between two entries is
ambiguous and snaps to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

#: Entries of at least this many letters tolerate two errors, shorter ones one.
LONG_WORD = 8


def default_errors(entry: str) -> int:
    """Errors tolerated for ``entry``: 2 from :data:`LONG_WORD` letters up, else 1 (0 for
    entries of one or two letters, where one error is half the word)."""
    letters = sum(ch.isalpha() for ch in entry)
    if letters >= LONG_WORD:
        return 2
    return 1 if letters >= 3 else 0


#: Stray marks OCR reads at the edges of a label (box edges, specks, rule ends).
_EDGE_NOISE = " \t-–—‘’'`´.,:;|[]{}()_~«»„“\"*"


def _fold(text: str) -> str:
    return " ".join(text.strip(_EDGE_NOISE).split()).casefold()


@lru_cache(maxsize=4096)
def _pattern(entry: str, errors: int) -> regex.Pattern[str]:
    body = regex.escape(_fold(entry), special_only=True)
    return regex.compile(rf"(?e)(?:{body}){{e<={errors}}}", regex.VERSION1)


def distance(text: str, entry: str, max_errors: int) -> int | None:
    """The fewest errors with which ``text`` as a whole reads as ``entry``, or None when it
    takes more than ``max_errors``."""
    a, b = _fold(text), _fold(entry)
    if a == b:
        return 0
    if max_errors <= 0:
        return None
    match = _pattern(entry, max_errors).fullmatch(a)
    if match is None:
        return None
    return sum(match.fuzzy_counts)


def snap(text: str, vocabulary: Iterable[str], max_errors: int | None = None) -> str | None:
    """The vocabulary entry ``text`` stands for, or None.

    ``max_errors`` bounds the errors for every entry; None uses :func:`default_errors` of each
    entry. An exact match (after folding case and spaces) always wins; otherwise the entry with
    the fewest errors, and None when two entries tie.
    """
    best: str | None = None
    best_errors: int | None = None
    tie = False
    for entry in vocabulary:
        limit = default_errors(entry) if max_errors is None else max_errors
        errors = distance(text, entry, limit)
        if errors is None:
            continue
        if errors == 0:
            return entry
        if best_errors is None or errors < best_errors:
            best, best_errors, tie = entry, errors, False
        elif errors == best_errors and _fold(entry) != _fold(best or ""):
            tie = True
    return None if tie else best


@lru_cache(maxsize=1024)
def _word_pattern(entry: str, errors: int) -> regex.Pattern[str]:
    body = regex.escape(_fold(entry), special_only=True)
    return regex.compile(rf"(?e)(?<![\p{{L}}\p{{N}}])(?:{body}){{e<={errors}}}(?![\p{{L}}\p{{N}}])", regex.VERSION1)


def contains_fuzzy(text: str, entry: str, max_errors: int | None = None) -> bool:
    """Whether ``entry`` stands in ``text`` as whole words, with at most ``max_errors`` errors
    (None: :func:`default_errors`)."""
    limit = default_errors(entry) if max_errors is None else max_errors
    return _word_pattern(entry, limit).search(_fold(text)) is not None
