"""German words: whether a token of a scan's OCR layer can be a word someone wrote.

The word list is the German frequency dictionary that the ``pyspellchecker`` package ships
(``spellchecker/resources/de.json.gz``, 339,000 lower-case word forms, part of the ``ocr``
extra). It is read as data only, once per process, and only when a scan's own text layer is
judged (:mod:`.layer_quality`). German writes compounds as one word ("Bezirksvertretung",
"Radwegeplanung"), which no list holds in full: a word also counts when it splits into listed
words of at least :data:`MIN_PART` letters, with a linking "s" or "es" after a part
(:func:`compound_parts`, by :func:`ratsdoc.text.compounds.split_compound`). Without the package
there is no lexicon (:func:`lexicon` returns None) and layers are judged by the shape of their
words alone (:mod:`.noise`).
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import importlib.util
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from ..text.compounds import split_compound, stems

if TYPE_CHECKING:
    from .engine import OcrWord

#: The shortest part a compound is split into: shorter "words" of the list (abbreviations,
#: interjections, "re", "ga") would let almost any misreading split into parts.
MIN_PART = 3
#: Parts a compound may have at most ("Haushalts|mittel|bereitstellung").
MAX_PARTS = 4
#: Linking elements between the parts of a compound (Fugenelemente).
_LINKS = ("s", "es")
#: Endings that inflect a listed word ("Vorlagen", "Anträgen", "städtischen") when the form is not listed.
_ENDINGS = ("n", "en", "e", "s", "es", "er", "em", "in", "innen")


@functools.cache
def lexicon() -> frozenset[str] | None:
    """The German word list (lower case), or None when ``pyspellchecker`` is not installed."""
    if importlib.util.find_spec("spellchecker") is None:
        return None
    try:
        data = (importlib.resources.files("spellchecker") / "resources" / "de.json.gz").read_bytes()
        words = json.loads(gzip.decompress(data))
    except (OSError, ValueError):
        return None
    return frozenset(word for word in words if isinstance(word, str) and len(word) > 1)


def is_german_word(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` (letters only, any case) is a listed word, an inflected form of one or a
    compound of listed words (see the module docstring)."""
    return compound_parts(word.lower(), words) is not None


def compound_parts(word: str, words: frozenset[str]) -> tuple[str, ...] | None:
    """The parts of the lower-case ``word`` (see the module docstring): listed words, the last
    one also an inflected form and each before it also with a linking "s" or "es" ("haushalts",
    "mittel"); None when it is no German word."""
    return split_compound(
        word,
        lambda part: _listed(part, words),
        lambda head: not words.isdisjoint(stems(head, _LINKS)),
        min_part=MIN_PART,
        max_parts=MAX_PARTS,
    )


def is_listed_word(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` is a listed word or an inflected form of one: no compound split, for
    decisions where a chance compound ("bitte|turn") would mislead."""
    return _listed(word.lower(), words)


def _listed(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    return any(
        word.endswith(ending) and len(word) - len(ending) >= MIN_PART and word[: -len(ending)] in words
        for ending in _ENDINGS
    )


#: A run of letters inside an OCR word ("Gothacr" in "Gothacr,").
_PART = regex.compile(r"\p{L}+")


def mend_parts(text: str, mend: Callable[[str, frozenset[str]], str | None], words: frozenset[str]) -> str:
    """``text`` with each run of letters replaced by ``mend(run, words)`` where that gives one."""
    return _PART.sub(lambda m: mend(m.group(0), words) or m.group(0), text)


def mend_words(
    words: list[OcrWord], candidates: Sequence[OcrWord], mend: Callable[[OcrWord, frozenset[str]], str]
) -> list[OcrWord]:
    """``words`` with each of ``candidates`` given the text ``mend(word, word list)``; the word
    list is read only when there is a candidate, and without it the words stay as read."""
    if not candidates:
        return words
    listed = lexicon()
    if listed is None:
        return words
    mended: dict[int, OcrWord] = {}
    for word in candidates:
        text = mend(word, listed)
        if text != word.text:
            mended[id(word)] = replace(word, text=text)
    return [mended.get(id(w), w) for w in words]
