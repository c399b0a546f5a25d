"""Spaces that OCR lost between words: put back where the word list or the pixels make it certain.

Three cases, each a word Tesseract read as one where the print has two:

- **A word run onto a number** ("Haushalt2024", "von2", "1von"): letters and digits meet with
  no space. Where the letters are a listed German word of at least :data:`MIN_LETTERS` letters
  (:func:`~.lexicon.is_listed_word`), the print had a space there: German writes no word and
  number as one, except the few that combine with a number ("3fach", "2mal", "4stellig";
  :data:`NUMBER_STEMS`), which stay. Without the word list (the ``ocr`` extra) nothing changes.
- **A speck read as a mark between two words** ("bitten.Sie", "die.Sanierung", "Der-Ortsteilrat"):
  the mark stands in a white gap as wide as a word space, apart from the letters on both sides
  (a full stop of "z.B." or a hyphen of "SPD-Fraktion" sits close to them). The mark goes and the
  space is put back; a full stop or comma on the baseline close to the word before it stays, with
  the space after it ("Sie,die" → "Sie, die"). Both sides must be words: German words by the
  word list, or capitalised (names).

Each new word gets its share of the old box (by letters, or by the gap's pixels), so that the
layout sees two words on the line.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from .ink import ink_blobs, ink_columns, strict_runs, word_ink, word_runs
from .lexicon import is_german_word, is_listed_word, lexicon

if TYPE_CHECKING:
    import numpy as np

    from .engine import OcrWord

#: The fewest letters a word run onto a number must have to be split off ("im2024" stays).
MIN_LETTERS = 3
#: Word starts that German joins with a number in one word ("3fach", "2mal", "4stellig").
NUMBER_STEMS = ("fach", "mal", "jährig", "stellig", "tägig", "teilig", "seitig", "stündig", "zimmer", "prozent")
_LETTERS_NUMBER = regex.compile(r"^(\p{L}+)(\d[\d.,/:]*)$")
_NUMBER_LETTERS = regex.compile(r"^(\d{1,4})(\p{Ll}+[.,;:]?)$")
#: Marks a speck in a word space is read as.
_SPECK_MARKS = ".,:;'’‘‚`-_/"
_MARK_BETWEEN = regex.compile(r"^(\p{L}{2,})([.,:;'’‘‚`\-_/])(\p{L}{2,}[.,;:]?)$")
#: The white around a mark between two words must be this share of the line height in all
#: (a word space is about a quarter of it), and on each side at least :data:`SIDE_GAP`
#: (letters of a word stand under a tenth apart), and more than :data:`LETTER_GAPS` times the
#: word's usual gap between letters (bold or letter-spaced print).
SPACE_GAP, SIDE_GAP = 0.25, 0.08
#: On both sides of the mark the white must be more than this many times the word's usual
#: gap between letters.
LETTER_GAPS = 2
#: A kept full stop or comma stands at most this share of the line height after its word.
CLOSE_MARK = 0.06
#: A mark's ink is at most this share of the line height high; higher ink is a letter.
MARK_HEIGHT = 0.35
#: An item number run onto its public marker or its sub-item letter ("Ö1", "N12", "7a").
_ITEM_NUMBER = regex.compile(r"^(?:([ÖN])(\d{1,3}(?:\.\d{1,2})*)|(\d{1,3})(\p{Ll}))([.):]?)$")
#: An item label run onto the number or the marker after it ("TOPÖ2", "TOP3", "TOPN"; a worn "Ö"
#: read as "O" or "0" is mended with the agenda, meeting/ocr_lines.py).
_LABEL_RUN = regex.compile(r"^(TOP)(?=.)([ÖNO0]?\d{0,3}(?:\.\d{1,2})*\p{Ll}?[.):]?)$")
#: The white of a thin space as a share of the line height: a sixth of an em is a thin space, and
#: the line is about 1.2 em high; letters of one word stand under a tenth of it apart.
THIN_SPACE = 0.12


def _split(word: OcrWord, left_text: str, right_text: str, left_end: int, right_start: int) -> list[OcrWord]:
    """``word`` as two words: ``left_text`` up to pixel column ``left_end`` (exclusive, from the
    word's left), ``right_text`` from ``right_start``."""
    return [
        replace(word, text=left_text, width=max(left_end, 1)),
        replace(word, text=right_text, left=word.left + right_start, width=max(word.width - right_start, 1)),
    ]


def _by_letters(word: OcrWord, left_text: str, right_text: str) -> list[OcrWord]:
    """``word`` split into ``left_text`` and ``right_text``, its box shared by their letters."""
    cut = round(word.width * len(left_text) / (len(left_text) + len(right_text)))
    return _split(word, left_text, right_text, cut, cut)


def number_split(word: OcrWord, words: frozenset[str]) -> list[OcrWord] | None:
    """``word`` split where a listed word meets a number ("von2" → "von", "2"), or None."""
    if match := _LETTERS_NUMBER.match(word.text):
        letters, number = match.group(1), match.group(2)
        if len(letters) >= MIN_LETTERS and is_listed_word(letters, words):
            return _by_letters(word, letters, number)
        return None
    if match := _NUMBER_LETTERS.match(word.text):
        number, letters = match.group(1), match.group(2)
        bare = letters.rstrip(".,;:")
        if len(bare) >= MIN_LETTERS and is_listed_word(bare, words) and not bare.startswith(NUMBER_STEMS):
            return _by_letters(word, number, letters)
    return None


def _is_word(part: str, words: frozenset[str]) -> bool:
    bare = part.rstrip(".,;:")
    return bare[:1].isupper() or is_german_word(bare, words)


def speck_split(ink: np.ndarray, word: OcrWord, words: frozenset[str]) -> list[OcrWord] | None:
    """``word`` split at a mark between two words that stands in a word space (see the module
    docstring), or None when the pixels or the words do not say so."""
    match = _MARK_BETWEEN.match(word.text)
    if match is None or not (_is_word(match.group(1), words) and _is_word(match.group(3), words)):
        return None
    measured = word_ink(ink, word)
    if measured is None:
        return None
    band, height = measured
    runs = strict_runs(ink_columns(band))
    # The mark's ink: a small run, neither first nor last, nearest to where its letter would be.
    expected = word.width * (len(match.group(1)) + 0.5) / len(word.text)
    small = [
        index
        for index in range(1, len(runs) - 1)
        if sum(b[3] - b[1] for b in ink_blobs(band[:, runs[index][0] : runs[index][1] + 1])) <= MARK_HEIGHT * height
    ]
    if not small:
        return None
    index = min(small, key=lambda i: abs((runs[i][0] + runs[i][1]) / 2 - expected))
    if abs((runs[index][0] + runs[index][1]) / 2 - expected) > 2 * word.width / len(word.text):
        return None
    first, last = runs[index]
    before, after = first - runs[index - 1][1] - 1, runs[index + 1][0] - last - 1
    if min(before, after) < SIDE_GAP * height or runs[index + 1][0] - runs[index - 1][1] - 1 < SPACE_GAP * height:
        return None
    # Wide print (bold, letter-spaced) has wide gaps between its letters too: a space is wider
    # than twice the word's usual gap on both sides of the mark.
    gaps = sorted(b[0] - a[1] - 1 for i, (a, b) in enumerate(itertools.pairwise(runs)) if i not in (index - 1, index))
    usual = gaps[len(gaps) // 2] if gaps else 0
    if min(before, after) <= LETTER_GAPS * usual:
        return None
    mark = match.group(2)
    left = match.group(1)
    # A full stop or comma close after its word, its ink down to the baseline, is print.
    blob_bottom = max(b[3] for b in ink_blobs(band[:, first : last + 1]))
    letter_bottom = max(b[3] for b in ink_blobs(band[:, runs[index - 1][0] : runs[index - 1][1] + 1]))
    if mark in ".," and before <= CLOSE_MARK * height and blob_bottom >= letter_bottom - 0.1 * height:
        left += mark
        return _split(word, left, match.group(3), last + 1, runs[index + 1][0])
    return _split(word, left, match.group(3), runs[index - 1][1] + 1, runs[index + 1][0])


def _gap_split(ink: np.ndarray, word: OcrWord, left_text: str, right_text: str) -> list[OcrWord] | None:
    """``word`` split into ``left_text`` and ``right_text`` at the white as wide as a thin space
    that lies nearest the end of the left part's letters, where it is wider than twice the word's
    gaps between letters (see the module docstring), or None."""
    measured = word_runs(ink, word)
    if measured is None:
        return None
    _band, height, runs = measured
    gaps = [(b[0] - a[1] - 1, index) for index, (a, b) in enumerate(itertools.pairwise(runs))]
    expected = word.width * len(left_text) / len(word.text)
    # The word may hold more than one space ("TOPÖ2"): the one nearest the left part's end.
    spaces = [(abs(runs[index][1] - expected), index) for gap, index in gaps if gap >= THIN_SPACE * height]
    if not spaces:
        return None
    off, at = min(spaces)
    letters = sorted(gap for gap, _ in gaps if gap < THIN_SPACE * height)
    usual = letters[len(letters) // 2] if letters else 0
    if off > word.width / len(word.text) or gaps[at][0] <= LETTER_GAPS * usual:
        return None
    return _split(word, left_text, right_text, runs[at][1] + 1, runs[at + 1][0])


def item_split(ink: np.ndarray, word: OcrWord) -> list[OcrWord] | None:
    """``word`` split between an item number and its label, marker or letter ("TOPÖ1" → "TOP",
    "Ö", "1"; "7a" → "7", "a") where the pixels show a space between them (see the module
    docstring), or None."""
    if match := _LABEL_RUN.match(word.text):
        parts = _gap_split(ink, word, match.group(1), match.group(2))
        if parts is None:
            return None
        return [parts[0], *(item_split(ink, parts[1]) or parts[1:])]
    if match := _ITEM_NUMBER.match(word.text):
        left_text = match.group(1) or match.group(3)
        return _gap_split(ink, word, left_text, (match.group(2) or match.group(4)) + match.group(5))
    return None


def spaced_words(ink: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with the spaces OCR lost put back (see the module docstring). The word list is
    read only when a word may need it."""
    candidates = [
        w
        for w in words
        if _LETTERS_NUMBER.match(w.text)
        or _NUMBER_LETTERS.match(w.text)
        or _MARK_BETWEEN.match(w.text)
        or _ITEM_NUMBER.match(w.text)
        or _LABEL_RUN.match(w.text)
    ]
    if not candidates:
        return words
    listed = lexicon()
    result: list[OcrWord] = []
    for word in words:
        parts = item_split(ink, word)
        if parts is None and listed is not None:
            parts = number_split(word, listed) or speck_split(ink, word, listed)
        result.extend(parts or [word])
    return result
