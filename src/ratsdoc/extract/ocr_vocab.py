"""Snapping words read by OCR to a closed vocabulary, with what Tesseract misreads priced in.

A scan's "Anfraqe", "Bezirksvertretunq" or "Beschlussvor1age" is the vocabulary's "Anfrage",
"Bezirksvertretung", "Beschlussvorlage" (paper types, bodies, consultation roles of the profile
and of the generic reader). Two kinds of difference are told apart:

- a *known confusion*: shapes Tesseract mistakes for each other (:data:`CONFUSIONS`: "rn" for
  "m", "cl" for "d", "ii" for "ü", "q" for "g", "c" for "e", "1"/"I"/"|" for "l"). Both texts
  are reduced to a skeleton in which each pair is one sign; texts with the same skeleton differ
  by confusions only, whatever their length.
- any other error (a letter lost, added or read as another): counted with the :mod:`regex`
  module's fuzzy matching on the skeletons, at most :func:`allowed_errors` of the entry, which
  grows with its length (none under four letters: "Rat" is one letter from "Tat").

A text snaps to the entry it reads as with the fewest other errors; two entries as close are
ambiguous and it snaps to none. The helpers here are pure; callers use them on OCRed pages
only (born-digital text is taken as printed), and :func:`ratsdoc.extract.vocab_doubt.warn_snapped`
names a value that needed an edit in a ``value_uncertain`` warning unless :meth:`VocabMatch.sure`.

:func:`ratsdoc.text.vocabulary.snap` (checkbox labels, month names, headings) is the older
snapper: every error costs one there, and its folding drops a "|" at a word's edge, which here is
a misread "l".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

#: Shapes Tesseract reads for each other on council scans: each group's first member is the
#: printed shape, the others what OCR reads for it ("rn" for "m", "1", "I" or "|" for "l", an
#: umlaut whose dots a worn copy lost). Case is folded first, so "I" is "i" here.
CONFUSIONS: tuple[tuple[str, ...], ...] = (
    ("m", "rn"),
    ("d", "cl"),
    ("ü", "ii", "u"),
    ("ö", "o", "0"),
    ("ä", "a"),
    ("g", "q"),
    ("e", "c"),
    ("l", "1", "i", "|", "!"),
)
#: Each reading and the sign it folds to (the group's first member).
_SIGNS: dict[str, str] = {read: group[0] for group in CONFUSIONS for read in group[1:]}
#: Readings of two letters are replaced before single ones ("cl" is "d", not "el").
_MULTI = regex.compile("|".join(regex.escape(read) for read in _SIGNS if len(read) > 1))
_SINGLE = str.maketrans({read: sign for read, sign in _SIGNS.items() if len(read) == 1})
#: Stray marks OCR reads at the edges of a word (box edges, specks, rule ends).
_EDGE_NOISE = " \t-–—‘’'`´.,:;[]{}()_~«»„“\"*"


def fold(text: str) -> str:
    """``text`` as compared: case folded, spaces collapsed, marks at its edges dropped."""
    return " ".join(text.strip(_EDGE_NOISE).split()).casefold()


def skeleton(text: str) -> str:
    """:func:`fold` of ``text`` with each confusion of :data:`CONFUSIONS` reduced to the printed
    shape's sign: two texts with one skeleton differ by known confusions only."""
    return _MULTI.sub(lambda m: _SIGNS[m.group()], fold(text)).translate(_SINGLE)


def _same_shapes(text: str, entry: str) -> bool:
    """Whether ``text`` and ``entry`` differ by known confusions only: one skeleton, or, where a
    confusion of one letter made two-letter reading ("Interpcllation": "e" read as "c" before
    "l" is no "cl" for "d"), the same letters after the one-letter folds alone."""
    if skeleton(text) == skeleton(entry):
        return True
    return fold(text).translate(_SINGLE) == fold(entry).translate(_SINGLE)


def allowed_errors(entry: str) -> int:
    """Errors other than known confusions that ``entry`` tolerates: none under four letters, one
    up to nine, two up to fifteen, three beyond ("Stadtverordnetenversammlung"). Two for eight
    letters took the German word "Belastung" for the role "Beratung" on the generated scans."""
    letters = sum(ch.isalpha() for ch in entry)
    if letters < 4:
        return 0
    if letters < 10:
        return 1
    return 2 if letters < 16 else 3


@lru_cache(maxsize=4096)
def _pattern(entry_skeleton: str, errors: int) -> regex.Pattern[str]:
    body = regex.escape(entry_skeleton, special_only=True)
    return regex.compile(rf"(?e)(?:{body}){{e<={errors}}}", regex.VERSION1)


def _fuzzy_errors(text: str, entry: str, bound: int) -> int | None:
    """Edits with which ``text`` as a whole reads as ``entry``, at most ``bound``, else None."""
    if bound <= 0 or not text:
        return None
    match = _pattern(entry, bound).fullmatch(text)
    return None if match is None else sum(match.fuzzy_counts)


def errors_between(text: str, entry: str, limit: int | None = None) -> int | None:
    """The fewest errors other than known confusions with which ``text`` as a whole reads as
    ``entry`` (0 when they differ by confusions only), or None beyond ``limit`` (default
    :func:`allowed_errors` of ``entry``). Errors are counted on the skeletons and on the texts
    as read, the fewer counting: folding "rn" to "m" in "Anfrnge" (for "Anfrage") would make
    one wrong letter two."""
    if _same_shapes(text, entry):
        return 0
    a, b = skeleton(text), skeleton(entry)
    bound = allowed_errors(entry) if limit is None else limit
    plain, printed = fold(text), fold(entry)
    if abs(len(a) - len(b)) > bound and abs(len(plain) - len(printed)) > bound:
        return None  # more letters lost or added than allowed: no match to try
    counts = [n for n in (_fuzzy_errors(a, b, bound), _fuzzy_errors(plain, printed, bound)) if n is not None]
    return max(1, min(counts)) if counts else None


@dataclass(frozen=True, slots=True)
class VocabMatch:
    """What a text snapped to and how: ``entry`` in the vocabulary's spelling; ``edited`` when the
    text is not the entry as printed (case and spaces aside); ``errors`` the errors beyond known
    confusions; ``sole`` when no other entry is within reach of the text at all."""

    text: str
    entry: str
    edited: bool
    errors: int
    sole: bool

    @property
    def confusion_only(self) -> bool:
        """Whether the text differs from the entry by known confusions only."""
        return self.edited and self.errors == 0

    @property
    def sure(self) -> bool:
        """Whether the snapped value needs no warning: read as printed, or set right from known
        confusions with no other entry in reach (docs/ocr.md, "Snapping to the vocabulary")."""
        return not self.edited or (self.confusion_only and self.sole)


#: Endings of a German noun or adjective after its entry ("Anfragen", "des Stadtrates").
_ENDINGS = frozenset({"e", "en", "n", "s", "es", "er", "em", "ern", "ns"})
#: Letters an entry cut short at its end has lost at most ("Anfrag", "Beschlussvorla").
_CUT = 2


def _inflected_or_cut(folded: str, printed: str) -> bool:
    """Whether ``folded`` is the entry ``printed`` with an ending, or cut short by a letter or two;
    a compound that opens with an entry ("berichtsvorlage" after "bericht") is neither."""
    if folded.startswith(printed):
        return folded[len(printed) :] in _ENDINGS
    return printed.startswith(folded) and len(printed) - len(folded) <= _CUT


def snap_match(text: str, vocabulary: Iterable[str]) -> VocabMatch | None:
    """The entry of ``vocabulary`` that ``text`` as a whole stands for, or None (no entry within
    its allowance, two entries equally close, or ``text`` is an entry with an ending or cut
    short). An entry read as printed always wins."""
    folded = fold(text)
    if not folded:
        return None
    found: list[tuple[int, str]] = []
    inflected = False
    for entry in dict.fromkeys(vocabulary):
        printed = fold(entry)
        if printed == folded:
            return VocabMatch(text, entry, edited=False, errors=0, sole=True)
        if _inflected_or_cut(folded, printed):
            inflected = True  # "Anfragen", "Stadtrates", or a cut "Anfrag": no misreading
            continue
        errors = errors_between(text, entry)
        if errors is not None:
            found.append((errors, entry))
    if not found or inflected:
        return None
    found.sort(key=lambda item: item[0])
    best_errors, best = found[0]
    rivals = {fold(entry) for _, entry in found} - {fold(best)}
    if any(errors == best_errors and fold(entry) != fold(best) for errors, entry in found[1:]):
        return None  # "Antrag" or "Anfrage"? neither.
    return VocabMatch(text, best, edited=True, errors=best_errors, sole=not rivals)


def snap_value(text: str, vocabulary: Iterable[str]) -> str | None:
    """The vocabulary's spelling of ``text`` (see :func:`snap_match`), or None."""
    found = snap_match(text, vocabulary)
    return None if found is None else found.entry


def snap_leading(text: str, vocabulary: Sequence[str]) -> tuple[VocabMatch, str] | None:
    """An entry of ``vocabulary`` (one or more words) that opens ``text``, and the rest of the
    text after it: "Bezirksvertretunq Lindenthal" gives ("Bezirksvertretung", " Lindenthal").
    The longest opening that snaps wins; None when no opening does."""
    words = text.split()
    counts = sorted({len(entry.split()) for entry in vocabulary}, reverse=True)
    for count in counts:
        if count > len(words):
            continue
        head = " ".join(words[:count])
        found = snap_match(head, [e for e in vocabulary if len(e.split()) == count])
        if found is not None:
            rest = " ".join(words[count:])
            return found, f" {rest}" if rest else ""
    return None


def snapped_body(text: str, bodies: Sequence[str]) -> str | None:
    """``text`` with the body of ``bodies`` it opens with in the vocabulary's spelling
    ("Bezirksvertretunq Lindenthal" → "Bezirksvertretung Lindenthal"), or None when it opens
    with none."""
    found = snap_leading(text.strip(), bodies)
    return None if found is None else found[0].entry + found[1]


#: Endings a word of an entry takes in a sentence ("des Stadtrates", "an den Grossen Rat").
_ENDING = r"(?:e[nmrs]?|s|n)?"


@lru_cache(maxsize=1024)
def _inflected_re(entry: str) -> regex.Pattern[str]:
    """``entry`` (folded) as whole words, each with an ending or an adjective's other ending."""
    words = [regex.escape(w[:-2] if w.endswith("er") and len(w) > 4 else w) + _ENDING for w in entry.split()]
    body = r"\s+".join(words)
    return regex.compile(rf"(?<!\w){body}(?!\w)")


def find_in(text: str, entry: str) -> VocabMatch | None:
    """``entry`` as it stands in ``text``: as printed (``edited`` False; inflected too, "des
    Stadtrates"), else the run of as many words as the entry has that reads as it with the
    fewest errors; None when none does."""
    if _inflected_re(fold(entry)).search(fold(text)):
        return VocabMatch(entry, entry, edited=False, errors=0, sole=True)
    words = [w.strip(_EDGE_NOISE) for w in text.split()]
    size = len(entry.split())
    best: tuple[int, str] | None = None
    for start in range(0, max(0, len(words) - size + 1)):
        window = " ".join(words[start : start + size])
        errors = errors_between(window, entry)
        if errors is not None and (best is None or errors < best[0]):
            best = (errors, window)
    if best is None:
        return None
    return VocabMatch(best[1], entry, edited=True, errors=best[0], sole=True)


#: Readings that :func:`unconfused` sets back, longest first, matched case-insensitively.
_READINGS = regex.compile(
    "|".join(regex.escape(read) for read in sorted(_SIGNS, key=len, reverse=True)), regex.IGNORECASE
)


#: Readings set back to another shape than their skeleton's sign: a "0" among letters is an "o"
#: far more often than an "ö" (the skeleton folds all three together).
_SET_BACK = {"0": "o"}


def unconfused(text: str, reach: int = 30) -> list[str]:
    """``text`` with one known confusion in its first ``reach`` characters set back to the printed
    shape, once for each place one stands ("Daturn:" gives "Datum:" among others): a label misread
    by one confusion then matches its exact pattern, whatever its length."""
    variants = []
    for found in _READINGS.finditer(text, 0, reach, overlapped=True):
        printed = _SET_BACK.get(found.group().casefold()) or _SIGNS[found.group().casefold()]
        if found.group()[0].isupper():
            printed = printed.upper()
        variants.append(text[: found.start()] + printed + text[found.end() :])
    return variants
