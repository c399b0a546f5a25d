"""Letters that the checkbox search takes for boxes: a square capital of a sans face ("D" of
"Die", "Das", "Düsseldorf") printed in 9–11 pt is, at 200 dpi, a dark outline of square size
with ink in its corners, and :func:`~.pixel_marks.find_boxes` finds it. The box is erased before
Tesseract reads the page, so the text says "☐ ie Kosten der ..." and the checkbox extractor
makes a checkbox group of a sentence.

A checkbox is followed by its label after a word space; a letter by the rest of its word at
letter spacing. Where the gap alone does not tell them apart (a narrow word space beside a
box, a wide letter spacing of OCR's boxes), the word list does: "ie" is no German word and
"Die" is, while a checkbox's label ("Ja", "Nein", "Deckung") is a word by itself. A fragment
in small letters that a capital makes a word ("er" → "Der") is a word's rest too: labels of
checkboxes start with a capital."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from .lexicon import is_german_word, is_listed_word, lexicon
from .tsv import OcrWord

#: Letters a box outline may be, in order of how often they begin a German word.
CANDIDATES = ("D", "O", "B", "Q")
#: A gap narrower than this share of the line's height is letter spacing: the box is a letter.
#: (On the generated scans letters stood 0.05–0.11 line heights from the rest of their word,
#: checkboxes 0.23–0.45 line heights from their labels.)
ATTACHED = 0.15
#: Up to this share of the line's height the word list decides.
NEAR = 0.3
#: The letters at the start of a word ("ie," → "ie").
_LEADING_LETTERS = regex.compile(r"^\p{L}+")

#: A box in pixels: left, top, right, bottom.
PixelBox = tuple[int, int, int, int]


def letter_for_box(gap: float, height: float, follower: str) -> str | None:
    """The letter that a box ``gap`` pixels left of the word ``follower`` (on a line ``height``
    pixels high) stands for: "" when it is a letter but the word list cannot say which, None when it
    is a checkbox."""
    if height <= 0 or gap > NEAR * height:
        return None
    match = _LEADING_LETTERS.match(follower)
    rest = match.group(0) if match else ""
    words = lexicon()
    letter = ""
    if words is not None and rest:
        letter = next((c for c in CANDIDATES if is_listed_word(c + rest, words)), "")
        if letter and not is_german_word(rest, words):
            return letter  # "ie" → "Die": the rest is no word, the whole is
        if letter and rest[0].islower():
            # "er" is a word, but a checkbox's label starts with a capital ("Ja", "Nein",
            # "Deckung"); a capital and it make "Der", the start of a sentence.
            return letter
    return letter if gap <= ATTACHED * height else None


def letters_in_boxes(boxes: Sequence[PixelBox], words: list[OcrWord]) -> tuple[list[PixelBox], list[OcrWord]]:
    """The boxes of ``boxes`` that are letters, and ``words`` with those letters put back at the
    start of the word each begins (where the word list knows which letter it is)."""
    letters: list[PixelBox] = []
    words = list(words)
    for box in boxes:
        left, top, right, bottom = box
        beside = [
            (word.left - right, index)
            for index, word in enumerate(words)
            if word.top < bottom and word.top + word.height > top and word.left >= right - 0.2 * (right - left)
        ]
        if not beside:
            continue
        gap, index = min(beside)
        word = words[index]
        # The line's height, not the word's: "as" is lower than "Die" by its ascender.
        letter = letter_for_box(max(gap, 0), word.line_bottom - word.line_top, word.text)
        if letter is None:
            continue
        letters.append(box)
        if letter:
            words[index] = replace(word, text=letter + word.text, left=left, width=word.left + word.width - left)
    return letters, words
