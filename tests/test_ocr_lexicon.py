"""The word list's compound rule (ocr/lexicon.py): listed parts of three letters or more, at most
four, a linking "s" or "es" after a leading part and an inflection on the last."""

from __future__ import annotations

import pytest

from ratsdoc.ocr.lexicon import MAX_PARTS, compound_parts, is_german_word, is_listed_word

WORDS = frozenset({"haushalt", "mittel", "bund", "land", "rad", "weg", "planung", "amt", "bereit", "stellung"})


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("mittel", ("mittel",)),
        ("mitteln", ("mitteln",)),
        ("haushaltsmittel", ("haushalts", "mittel")),
        ("bundesland", ("bundes", "land")),
        ("radwegplanung", ("rad", "weg", "planung")),
        ("landesmitteln", ("landes", "mitteln")),
        ("haushaltsmittelbereitstellung", ("haushalts", "mittel", "bereit", "stellung")),
    ],
)
def test_a_compound_splits_into_listed_parts(word: str, parts: tuple[str, ...]) -> None:
    assert compound_parts(word, WORDS) == parts
    assert is_german_word(word.capitalize(), WORDS)


@pytest.mark.parametrize(
    "word",
    [
        "bundland" + "rad" + "weg" + "amt",  # five parts, one more than MAX_PARTS
        "mittelnland",  # an inflected form leads no compound
        "landxmittel",  # a letter that belongs to no part
        "ambund",  # a part of two letters
    ],
)
def test_no_compound(word: str) -> None:
    assert compound_parts(word, WORDS) is None
    assert not is_german_word(word, WORDS)


def test_max_parts_is_four() -> None:
    assert MAX_PARTS == 4
    assert compound_parts("radwegamtland", WORDS) == ("rad", "weg", "amt", "land")


def test_a_listed_word_is_no_compound_split() -> None:
    assert is_listed_word("Mitteln", WORDS)
    assert not is_listed_word("haushaltsmittel", WORDS)
