"""Letters a worn copy changed into others, mended where the word list leaves one reading.

A copy of a copy thins strokes until they break and thickens them until they run together: the
stem of an "l" loses a piece and reads as "i" ("Einzeinen", "Ausgieich"), an "e" whose bar
broke reads "c" ("Gothacr", "Mcter"), a "b" whose bowl opened reads "h" ("dahei"), a "t"
whose bar faded reads "i" ("beaniragen"). Tesseract reads such words unsure. A word is mended
only on strong evidence, as the umlauts are (:mod:`.umlauts`): it was read unsure (confidence
under :data:`UNSURE`), it is no German word as read (:func:`~.lexicon.is_german_word`), nor
one without its umlauts' dots, it has :data:`MIN_LETTERS` letters or more, and exactly one
word made by changing one lower-case letter into one of the letters it is taken for
(:func:`confused`: the ``strokes`` pairs of ``text/lookalikes.toml``) is a listed word (or an
inflection of one). A compound of listed words is not enough: the splitter finds one in a
letter's neighbours too easily ("Bischleben", a place, is "bis|schieben" with one letter
changed; "Fahrradabstellanlage", which it cannot split, is "Fahrrad|abs|teil|anlage"). Capitals
stay, and so do words in capitals; each part of a hyphenated word is judged alone; words with
digits or signs inside (:data:`_PLAIN_WORD`) stay. Without the word list (the ``ocr`` extra)
nothing changes.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from ..text.lookalikes import lookalikes
from .lexicon import is_german_word, is_listed_word, mend_parts, mend_words

if TYPE_CHECKING:
    from .engine import OcrWord

#: Tesseract's confidence under which a word's letters may be mended: under that of clean print
#: (96-97). A broken stroke does not always make Tesseract unsure: it read "Einzeinen" and
#: "Mcter" with 90-93 on the development scans, and a drawn "l" with a gap in its stem with 92.
UNSURE = 95.0
#: The fewest letters a mended part has: short words have many neighbours one letter away.
MIN_LETTERS = 4


@functools.cache
def confused() -> dict[str, str]:
    """For each lower-case letter, the letters a worn copy may have made it from: the ``strokes``
    pairs of the look-alike table (:mod:`ratsdoc.text.lookalikes`), turned round. Only pairs of
    shapes that differ by a piece of one stroke: an "l" or a "t" broken into an "i", an "l" whose
    stem bent into an "f", an "i" whose dot merged into an "l", an "e" whose bar broke into a
    "c", a "b" whose bowl opened into an "h"; the table says why no others."""
    letters: dict[str, str] = {}
    for printed, read in lookalikes().pairs("strokes"):
        letters[read] = letters.get(read, "") + printed
    return letters


#: Umlaut letters and their plain vowels: a compound whose umlaut part the word list lacks
#: ("Regenrückhaltebecken") is German only without its dots, and stays.
_PLAIN = str.maketrans("äöüÄÖÜ", "aouAOU")
#: A word's letter runs: the parts of a hyphenated word.
#: A word that may be mended: letters, parts joined by hyphens, with quotes, brackets and
#: punctuation only at its edges. Words with digits, "@", "/" or other signs inside (addresses,
#: file numbers, junk read from a stamp) stay.
_PLAIN_WORD = regex.compile(r"[„\"'‚(]?\p{L}+(?:-\p{L}+)*[.,;:!?)\"“'‘]*")


def _variants(part: str) -> set[str]:
    """The words made from ``part`` by changing one of its letters (:func:`confused`)."""
    return {part[:i] + other + part[i + 1 :] for i, letter in enumerate(part) for other in confused().get(letter, "")}


def mended_letters(part: str, words: frozenset[str]) -> str | None:
    """``part`` (letters only) with one letter a worn copy changed put back, where that alone
    makes it a listed word (see the module docstring); None when it stays."""
    if len(part) < MIN_LETTERS or part.isupper() or is_german_word(part, words):
        return None
    if part.translate(_PLAIN) != part and is_german_word(part.translate(_PLAIN), words):
        return None
    found = {variant for variant in _variants(part) if is_listed_word(variant, words)}
    return found.pop() if len(found) == 1 else None


def mended_strokes(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with the letters of unsure words mended (see the module docstring). The word
    list is read only when a word may need it."""
    letters = confused()
    candidates = [
        w
        for w in words
        if w.confidence < UNSURE and any(c in letters for c in w.text) and _PLAIN_WORD.fullmatch(w.text)
    ]
    return mend_words(words, candidates, lambda word, listed: mend_parts(word.text, mended_letters, listed))
