"""Umlauts that OCR lost or added, mended where the word list leaves one reading.

At 200–300 dpi the two dots of an umlaut are specks: Tesseract loses them ("Marz" for "März")
and reads a speck over a vowel as them ("Fraktiön", "Köstenschätzung"). A word is mended only on
strong evidence, since a silent wrong word is worse than a misread one: Tesseract read it unsure
(confidence under :data:`UNSURE`), it is no German word as read (listed, inflected or a compound
of listed words; :func:`~.lexicon.is_german_word`), and exactly one of the words made by putting
on or taking off the dots of one vowel is one. Taking dots off needs a listed word (or an
inflection of one), not a compound: a compound whose umlaut part the list lacks
("Regenrückhaltebecken", "rück" is no listed word) splits without its dots into listed words
("Regen|ruck|halte|becken"), and the right reading would be undone. Each part of a hyphenated word is judged alone
("FDP-Fraktiön"), and the letters before a number run onto it ("Marz2025"). Words of fewer than
:data:`MIN_LETTERS` letters and words in capitals stay as read. Without the word list (the
``ocr`` extra) nothing changes.

The dot of an "i" is lost the same way, where a copier's toner or a thin stroke left none:
Tesseract then reads the Turkish dotless "ı" ("dıe", "Kırchweg"), which German print does not
have. A word with "ı" that is a German word with "i" in its place gets its dots back, however
sure Tesseract was; a name written with "ı" ("Yıldız") is no German word either way and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import is_german_word, is_listed_word, mend_parts, mend_words

if TYPE_CHECKING:
    from .engine import OcrWord

#: Tesseract's confidence under which a word's umlauts may be mended (its sure words read 90
#: and more; the misread umlauts on the development scans read 70-85).
UNSURE = 90.0
#: The fewest letters a mended word has: short words have many neighbours one dot away.
MIN_LETTERS = 3
_TOGGLE = {
    "a": "ä",
    "o": "ö",
    "u": "ü",
    "ä": "a",
    "ö": "o",
    "ü": "u",
    "A": "Ä",
    "O": "Ö",
    "U": "Ü",
    "Ä": "A",
    "Ö": "O",
    "Ü": "U",
}
#: Vowels that get their dots put on (the others have them taken off).
_PLAIN = frozenset("aouAOU")
#: A word's letter runs: the parts of a hyphenated word, letters before digits.


def mended_part(part: str, words: frozenset[str]) -> str | None:
    """``part`` (letters only) with one vowel's dots put on or taken off, where that alone makes
    it a German word (see the module docstring); None when it stays."""
    if len(part) < MIN_LETTERS or part.isupper() or is_german_word(part, words):
        return None
    found = {
        variant
        for index, letter in enumerate(part)
        if letter in _TOGGLE
        for variant in (part[:index] + _TOGGLE[letter] + part[index + 1 :],)
        if (is_german_word(variant, words) if letter in _PLAIN else is_listed_word(variant, words))
    }
    return found.pop() if len(found) == 1 else None


#: The dotless "ı" Tesseract reads for an "i" whose dot it does not see.
DOTLESS = "ı"


def dotted_part(part: str, words: frozenset[str]) -> str | None:
    """``part`` (letters only) with its dotless "ı" dotted, where that makes it a German word;
    None when it stays."""
    if DOTLESS not in part:
        return None
    dotted = part.replace(DOTLESS, "i")
    return dotted if is_german_word(dotted, words) or is_german_word(dotted.lower(), words) else None


def mended_umlauts(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with the umlauts of unsure words and the dotless "ı" of any word mended (see the
    module docstring). The word list is read only when a word may need it."""
    candidates = [
        w for w in words if DOTLESS in w.text or (w.confidence < UNSURE and any(c in _TOGGLE for c in w.text))
    ]
    return mend_words(words, candidates, _mended)


def _mended(word: OcrWord, listed: frozenset[str]) -> str:
    """The text of ``word`` with its dotless "ı" dotted and, when it is unsure, its umlauts mended."""
    text = mend_parts(word.text, dotted_part, listed)
    return mend_parts(text, mended_part, listed) if word.confidence < UNSURE else text
