"""The section sign misread as "8" or "5" where a rule is cited (ocr/signs.py), and the word lists
of citations.toml that say where a rule is cited."""

from __future__ import annotations

import pytest
import regex
from pydantic import ValidationError

from ratsdoc.ocr.engine import OcrWord
from ratsdoc.ocr.signs import CitationWords, citation_words, section_signs

BAND = (717, 760)


def _line(*words: tuple[str, int, int, int, int]) -> list[OcrWord]:
    """Words of one line band, each (text, left, top, width, height), read with confidence 90."""
    return [OcrWord(text, left, top, width, height, *BAND, 90.0) for text, left, top, width, height in words]


def _texts(words: list[OcrWord]) -> list[str]:
    return [w.text for w in words]


def test_lone_eight_before_a_rules_number_is_the_sign() -> None:
    # "Anfrage nach § 4 GO" read "Anfrage nach 8 4 GO".
    words = _line(
        ("Anfrage", 245, 718, 167, 42),
        ("nach", 429, 717, 101, 34),
        ("8", 546, 719, 22, 37),
        ("4", 582, 719, 25, 31),
        ("GO", 621, 719, 68, 32),
    )
    assert _texts(section_signs(words)) == ["Anfrage", "nach", "§", "4", "GO"]


def test_sign_joined_to_its_number_and_descending_is_split_off() -> None:
    # "Antrag nach § 3 GO" read "Antrag nach 83 GO": the word reaches 12 px below the baseline.
    words = _line(
        ("Antrag", 243, 719, 138, 40), ("nach", 393, 717, 90, 33), ("83", 498, 718, 53, 44), ("GO", 566, 719, 66, 31)
    )
    fixed = section_signs(words)
    assert _texts(fixed) == ["Antrag", "nach", "§", "3", "GO"]
    assert fixed[2].left == 498 and fixed[3].left + fixed[3].width == 551


def test_sign_read_into_no_box_is_restored() -> None:
    # "nach § 4 GO" read "nach 54 GO" with a box one digit wide.
    words = _line(("nach", 429, 739, 101, 34), ("54", 582, 740, 25, 32), ("GO", 621, 739, 68, 34))
    assert _texts(section_signs(words)) == ["nach", "§", "4", "GO"]


def test_sign_before_a_rules_name() -> None:
    words = _line(
        ("gem.", 400, 720, 80, 30),
        ("8", 500, 720, 22, 36),
        ("4", 540, 720, 25, 30),
        ("der", 580, 720, 60, 30),
        ("Geschäftsordnung", 660, 720, 300, 38),
    )
    assert _texts(section_signs(words))[1] == "§"


def test_real_numbers_stay() -> None:
    # A plain two-digit number: no law after it, or a law but a number drawn as digits.
    days = _line(("nach", 400, 720, 80, 30), ("84", 500, 720, 50, 30), ("Tagen", 570, 720, 110, 30))
    rule = _line(("gemäß", 400, 720, 110, 30), ("84", 530, 720, 50, 30), ("GO", 600, 720, 60, 30))
    plain = _line(
        ("Seite", 400, 720, 100, 30), ("8", 520, 720, 22, 30), ("4", 560, 720, 22, 30), ("GO", 600, 720, 60, 30)
    )
    after = _line(("nach", 400, 720, 80, 30), ("8", 500, 720, 22, 30), ("Wochen", 540, 720, 130, 30))
    for words in (days, rule, plain, after):
        assert _texts(section_signs(words)) == _texts(words)


def test_the_citation_words_load_and_each_entry_is_one_word() -> None:
    words = citation_words()
    assert words is citation_words()  # read once
    assert {"nach", "gemäß"} <= set(words.citing) and {"GO", "BauGB"} <= set(words.laws)
    for entries in (words.citing, words.parts, words.laws, words.articles):
        assert entries and len(set(entries)) == len(entries)
        assert all(regex.fullmatch(r"\p{L}[\p{L}.]*", entry) for entry in entries)
    assert words.name_endings and all(ending.isalpha() and ending.islower() for ending in words.name_endings)
    # A rule's whole name is one a cited rule's name ending tells, and its first eight letters
    # name it alone (a type line cut short after them is given the name whole).
    assert words.rule_names and all(name.endswith(tuple(words.name_endings)) for name in words.rule_names)
    assert len({name[:8] for name in words.rule_names}) == len(words.rule_names)


@pytest.mark.parametrize("law", citation_words().laws + citation_words().parts)
def test_every_listed_law_marks_a_cited_rule(law: str) -> None:
    words = _line(
        ("nach", 429, 717, 101, 34), ("8", 546, 719, 22, 37), ("4", 582, 719, 25, 31), (law, 621, 719, 68, 32)
    )
    assert _texts(section_signs(words)) == ["nach", "§", "4", law]


@pytest.mark.parametrize("citing", citation_words().citing)
def test_every_citing_word_marks_a_cited_rule(citing: str) -> None:
    words = _line(
        (citing, 429, 717, 101, 34), ("8", 546, 719, 22, 37), ("4", 582, 719, 25, 31), ("GO,", 621, 719, 68, 32)
    )
    assert _texts(section_signs(words))[1] == "§"


@pytest.mark.parametrize("ending", citation_words().name_endings)
def test_every_listed_ending_names_a_rule(ending: str) -> None:
    for article in citation_words().articles:
        words = _line(
            ("nach", 400, 720, 80, 30),
            ("5", 500, 720, 22, 36),
            ("2", 540, 720, 25, 30),
            (article, 580, 720, 60, 30),
            ("Haupt" + ending + ".", 660, 720, 300, 38),
        )
        assert _texts(section_signs(words))[1] == "§"


def test_a_spaced_citing_word_matches_too() -> None:
    # "i. V. m." held in one word: a full stop inside an entry may be followed by a space.
    words = _line(
        ("i. V. m.", 400, 720, 90, 30), ("8", 500, 720, 22, 36), ("4", 540, 720, 25, 30), ("GO", 580, 720, 60, 30)
    )
    assert _texts(section_signs(words))[1] == "§"


@pytest.mark.parametrize(
    ("field", "entry"),
    [
        ("laws", "Bau GB"),
        ("laws", ""),
        ("citing", "§"),
        ("name_endings", "Ordnung"),
        ("laws", "GO"),
        ("rule_names", "geschäftsordnung"),
        ("rule_names", "Geschäftsordnung"),
    ],
)
def test_a_malformed_or_repeated_entry_is_refused(field: str, entry: str) -> None:
    data = citation_words().model_dump()
    data[field] = [*data[field], entry]
    with pytest.raises(ValidationError):
        CitationWords.model_validate(data)
