"""Square capitals found as checkboxes in a scan's pixels (ocr/box_letters.py): the "D" of "Die"
is a letter of its word again, a checkbox beside its label stays a checkbox."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ratsdoc import parse
from ratsdoc.ocr.box_letters import letter_for_box, letters_in_boxes
from ratsdoc.ocr.lexicon import lexicon
from ratsdoc.ocr.tsv import OcrWord

from .conftest import generated_variant

needs_lexicon = pytest.mark.skipif(lexicon() is None, reason="the word list comes with the 'ocr' extra")


def _word(text: str, left: int, width: int = 60) -> OcrWord:
    """A word on a line 46 pixels high (11 pt at 300 dpi)."""
    return OcrWord(text, left, 100, width, 40, 96, 142, 90.0)


@needs_lexicon
@pytest.mark.parametrize(
    ("gap", "follower", "letter"),
    [
        (9.6, "ie", "D"),  # "Die" at a wide letter spacing: the word list decides
        (8.3, "as", "D"),
        (5.0, "üsseldorf,", "D"),
        (3.0, "er", "D"),  # "er" is a word too, but the gap is a letter's
        (10.0, "er", "D"),  # ... and a label starts with a capital: "Der" begins a sentence
        (10.0, "ja", None),  # a label in small letters that no capital makes a word
        (2.0, "rdnung", "O"),
        (10.0, "Nein", None),  # a checkbox's label at a narrow word space
        (12.0, "Ja,.siehe", None),
        (10.0, "Deckung", None),
        (20.0, "ie", None),  # a word space away: a box, whatever follows
    ],
)
def test_a_box_is_a_letter_when_the_gap_or_the_word_list_says_so(gap: float, follower: str, letter: str | None) -> None:
    assert letter_for_box(gap, 46.0, follower) == letter


def test_an_attached_box_is_a_letter_even_when_no_letter_makes_a_word() -> None:
    assert letter_for_box(2.0, 46.0, "xqzv") == ""
    assert letter_for_box(2.0, 0.0, "ie") is None


@needs_lexicon
def test_the_letter_goes_back_into_its_word_and_the_box_is_no_mark() -> None:
    letter_box = (300, 105, 325, 130)
    checkbox = (300, 205, 330, 235)
    words = [
        _word("Kosten", 400),
        _word("ie", 335, 30),
        OcrWord("Nein", 342, 200, 80, 40, 196, 242, 95.0),  # 12 px right of its box
    ]
    letters, words = letters_in_boxes([letter_box, checkbox], words)
    assert letters == [letter_box]
    assert [(w.text, w.left, w.width) for w in words] == [("Kosten", 400, 60), ("Die", 300, 65), ("Nein", 342, 80)]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
@needs_lexicon
def test_a_scanned_letter_keeps_the_d_that_looked_like_a_box(tmp_path: Path) -> None:
    # Seed-17 letter-scan variant 6: the "D" of "Die Kosten der" in a 9.5 pt sans face was
    # found as an empty checkbox and erased; the paper got a checkbox group "ie Kosten der".
    pdf = tmp_path / "letter-scan-006.pdf"
    golden = generated_variant("letter_scan", "17/letter-scan/6", pdf)
    paper = parse(pdf)
    assert paper.checkboxes == golden["checkboxes"] == []
    assert "Die Kosten der" in (paper.text or "")
