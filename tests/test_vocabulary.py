"""Snapping OCR text to a profile vocabulary (text/vocabulary.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ratsdoc.text.vocabulary import contains_fuzzy, default_errors, distance, snap

OPTIONS = ["Ja, siehe Sachverhalt", "Ja, siehe Anlage", "Ja, siehe Begründung", "Ja", "Nein", "entfällt"]
GROUPS = [
    "Nachhaltigkeitscontrolling",
    "Demografisches Controlling",
    "Nutzen/Einsparung",
    "Deckung im Haushalt",
    "Fristwahrung",
]


def test_ocr_errors_snap_to_entries() -> None:
    """Misread letters and stray edge marks snap within the bounded errors."""
    assert snap("Nachhaltigkcitscontrolling", GROUPS) == "Nachhaltigkeitscontrolling"
    assert snap("Demografisches Controlllng", GROUPS) == "Demografisches Controlling"
    assert snap("NutzerYEinsparung", GROUPS) == "Nutzen/Einsparung"
    assert snap("Deckungim Haushalt", GROUPS) == "Deckung im Haushalt"
    assert snap("]Nein", OPTIONS) == "Nein"
    assert snap("JNein", OPTIONS) == "Nein"
    assert snap("Ja-", OPTIONS) == "Ja"
    assert snap("Ja, siehe Anlagc", OPTIONS) == "Ja, siehe Anlage"
    assert snap("0ffentlich", ["öffentlich", "nicht öffentlich"]) == "öffentlich"


def test_far_or_ambiguous_text_does_not_snap() -> None:
    """Too many errors, two-letter entries with an error, and ties give None."""
    assert snap("Haushaltsplan 2024", GROUPS) is None
    assert snap("Je", OPTIONS) is None
    assert snap("abcd", ["abce", "abcf"]) is None
    assert snap("", OPTIONS) is None


def test_error_bounds() -> None:
    """Two errors from eight letters up, one below, none for one or two letters."""
    assert default_errors("Stadtrat") == 2
    assert default_errors("Nein") == 1
    assert default_errors("Ja") == 0
    assert distance("Nein", "nein", 0) == 0
    assert distance("Neim", "Nein", 1) == 1
    assert distance("Naim", "Nein", 1) is None


def test_contains_fuzzy_needs_whole_words() -> None:
    """Words inside running text match fuzzily, but not as parts of longer words."""
    assert contains_fuzzy("Stadtrat 20.09.2023 nicht 0ffentlich Entscheidung", "nicht öffentlich")
    assert not contains_fuzzy("öffentliche Ordnung", "öffentlich", 0)


@given(st.sampled_from(OPTIONS + GROUPS))
def test_entries_snap_to_themselves(entry: str) -> None:
    """Every entry, in any case, snaps to itself."""
    vocabulary = OPTIONS + GROUPS
    assert snap(entry, vocabulary) == entry
    assert snap(entry.upper(), vocabulary) == entry


@given(st.text(max_size=30))
def test_snap_returns_an_entry_or_none(text: str) -> None:
    """Whatever the text, the result is an entry of the vocabulary or None."""
    vocabulary = OPTIONS + GROUPS
    assert snap(text, vocabulary) in [*vocabulary, None]
