"""Snapping a text read with slips to the entry of a closed vocabulary it stands for.

A scan's "Anfraqe", "Beschlussvor1age", "Nachhaltigkcitscontrolling" or "]Nein" is the
vocabulary's "Anfrage", "Beschlussvorlage", "Nachhaltigkeitscontrolling", "Nein". A
:class:`Snapper` is made of three things, all data:

- a confusion table (:class:`Confusions`): pairs of shapes read for each other ("rn" for "m",
  "1" for "l"), which cost nothing. Both texts are reduced to a skeleton in which all shapes
  joined by pairs are one sign; texts with one skeleton differ by confusions only, whatever
  their length. The OCR table is data (``lookalikes.toml``, :mod:`.lookalikes`); the empty
  table (:data:`PLAIN`) makes every difference an error.
- an error allowance (:class:`Allowance`): how many other errors (a letter lost, added or read
  as another, counted with the :mod:`regex` module's fuzzy matching) an entry tolerates, by its
  number of letters.
- whether a text that is an entry with a German ending or cut short ("Anfragen", "Anfrag") is
  refused: such a word is no misreading of the entry.

Texts are compared after folding case and spaces and dropping stray marks at their edges
(:data:`EDGE_NOISE`; a mark the table reads as a letter, such as "|" for "l", stays). A text
snaps to the entry it reads as with the fewest errors; an entry read as printed always wins;
two entries as close are ambiguous and it snaps to none. Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

#: Stray marks OCR reads at the edges of a word or label (box edges, specks, rule ends).
EDGE_NOISE = " \t-–—‘’'`´.,:;|[]{}()_~«»„“\"*"


@dataclass(frozen=True)
class Confusions:
    """Cost-free substitutions: ``pairs`` of (printed, read) shapes. Each reading has one printed
    shape, which :meth:`unconfused` sets back; followed from shape to printed shape, the readings
    of a class end in one shape that is no reading, its sign ("0" is read for "o", "o" for "ö":
    all three are "ö"). A ValueError says where the table is ambiguous."""

    pairs: tuple[tuple[str, str], ...] = ()
    _printed: dict[str, str] = field(init=False, repr=False, compare=False)
    #: Each reading and the sign of its class (the shape it is compared as).
    signs: dict[str, str] = field(init=False, repr=False, compare=False)
    _multi: regex.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _single: dict[int, str] = field(init=False, repr=False, compare=False)
    _readings: regex.Pattern[str] | None = field(init=False, repr=False, compare=False)
    noise: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        printed_of: dict[str, str] = {}
        for printed, read in self.pairs:
            if printed_of.setdefault(read, printed) != printed:
                raise ValueError(f"{read!r} is read for both {printed_of[read]!r} and {printed!r}")
        signs = {read: _root(read, printed_of) for read in printed_of}
        for read, sign in signs.items():
            if len(sign) != 1:
                raise ValueError(f"{read!r} folds to {sign!r}, which is no single shape")
        multi = [read for read in signs if len(read) > 1]
        singles = {read: sign for read, sign in signs.items() if len(read) == 1}
        longest_first = sorted(signs, key=len, reverse=True)
        set_field = object.__setattr__  # a frozen dataclass sets its derived fields once, here
        set_field(self, "_printed", printed_of)
        set_field(self, "signs", signs)
        set_field(self, "_multi", regex.compile("|".join(map(regex.escape, multi))) if multi else None)
        set_field(self, "_single", str.maketrans(singles))
        set_field(
            self,
            "_readings",
            regex.compile("|".join(map(regex.escape, longest_first)), regex.IGNORECASE) if signs else None,
        )
        set_field(self, "noise", "".join(ch for ch in EDGE_NOISE if ch not in singles))

    def fold(self, text: str) -> str:
        """``text`` as compared: case folded, spaces collapsed, noise at its edges dropped."""
        return " ".join(text.strip(self.noise).split()).casefold()

    def skeleton(self, text: str) -> str:
        """:meth:`fold` of ``text`` with each reading replaced by its class's sign, readings of
        two letters first ("cl" is "d", not "el"): two texts with one skeleton differ by
        confusions only."""
        return self._reduced(self.fold(text))

    def _reduced(self, folded: str) -> str:
        """The skeleton of a text already folded."""
        if self._multi is not None:
            folded = self._multi.sub(lambda m: self.signs[m.group()], folded)
        return folded.translate(self._single) if self._single else folded

    def same_shapes(self, text: str, entry: str) -> bool:
        """Whether ``text`` and ``entry`` differ by confusions only: one skeleton, or, where a
        confusion of one letter made a two-letter reading ("Interpcllation": "e" read as "c"
        before "l" is no "cl" for "d"), the same letters after the one-letter folds alone."""
        return self._same_folded(self.fold(text), self.fold(entry))

    def _same_folded(self, text: str, entry: str) -> bool:
        """:meth:`same_shapes` of two texts already folded."""
        if text == entry or self._reduced(text) == self._reduced(entry):
            return True
        return bool(self._single) and text.translate(self._single) == entry.translate(self._single)

    def unconfused(self, text: str, reach: int = 30) -> list[str]:
        """``text`` with one reading in its first ``reach`` characters set back to its printed
        shape, once for each place one stands ("Daturn:" gives "Datum:" among others): a label
        misread by one confusion then matches its exact pattern, whatever its length."""
        if self._readings is None:
            return []
        variants = []
        for found in self._readings.finditer(text, 0, reach, overlapped=True):
            printed = self._printed[found.group().casefold()]
            if found.group()[0].isupper():
                printed = printed.upper()
            variants.append(text[: found.start()] + printed + text[found.end() :])
        return variants


def _root(shape: str, printed_of: dict[str, str]) -> str:
    """The shape ``shape`` is a reading of, followed to the one that is no reading."""
    seen = {shape}
    while shape in printed_of:
        shape = printed_of[shape]
        if shape in seen:
            raise ValueError(f"the readings of {shape!r} go round in a circle")
        seen.add(shape)
    return shape


#: The empty table: every difference is an error.
PLAIN = Confusions()


@dataclass(frozen=True)
class Allowance:
    """Errors (beyond confusions) an entry tolerates by its letters: ``steps`` of (letters from,
    errors), in growing order; fewer letters than the first step tolerate none."""

    steps: tuple[tuple[int, int], ...]

    def __call__(self, entry: str) -> int:
        """The errors ``entry`` tolerates."""
        letters = sum(ch.isalpha() for ch in entry)
        errors = 0
        for least, allowed in self.steps:
            if letters >= least:
                errors = allowed
        return errors


#: For labels, month names and headings: one error from three letters, two from eight.
LABEL_ALLOWANCE = Allowance(((3, 1), (8, 2)))
#: For words read by OCR: none under four letters ("Rat" is one letter from "Tat"), one up to
#: nine, two up to fifteen, three beyond ("Stadtverordnetenversammlung"). Two for eight letters
#: took the German word "Belastung" for the role "Beratung" on the generated scans.
OCR_ALLOWANCE = Allowance(((4, 1), (10, 2), (16, 3)))


def at_most(errors: int) -> Allowance:
    """The allowance of ``errors`` for every entry, whatever its length."""
    return Allowance(((0, errors),))


@dataclass(frozen=True, slots=True)
class VocabMatch:
    """What a text snapped to and how: ``entry`` in the vocabulary's spelling; ``edited`` when the
    text is not the entry as printed (case and spaces aside); ``errors`` the errors beyond
    confusions; ``sole`` when no other entry is within reach of the text at all."""

    text: str
    entry: str
    edited: bool
    errors: int
    sole: bool

    @property
    def confusion_only(self) -> bool:
        """Whether the text differs from the entry by confusions only."""
        return self.edited and self.errors == 0

    @property
    def sure(self) -> bool:
        """Whether the snapped value needs no warning: read as printed, or set right from
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


@lru_cache(maxsize=4096)
def _pattern(body: str, errors: int) -> regex.Pattern[str]:
    return regex.compile(rf"(?e)(?:{regex.escape(body, special_only=True)}){{e<={errors}}}", regex.VERSION1)


def _fuzzy_errors(text: str, entry: str, bound: int) -> int | None:
    """Edits with which ``text`` as a whole reads as ``entry``, at most ``bound``, else None."""
    if bound <= 0 or not text:
        return None
    match = _pattern(entry, bound).fullmatch(text)
    return None if match is None else sum(match.fuzzy_counts)


@lru_cache(maxsize=1024)
def _word_pattern(body: str, errors: int) -> regex.Pattern[str]:
    escaped = regex.escape(body, special_only=True)
    return regex.compile(rf"(?e)(?<![\p{{L}}\p{{N}}])(?:{escaped}){{e<={errors}}}(?![\p{{L}}\p{{N}}])", regex.VERSION1)


#: Endings a word of an entry takes in a sentence ("des Stadtrates", "an den Grossen Rat").
_ENDING = r"(?:e[nmrs]?|s|n)?"


@lru_cache(maxsize=1024)
def _inflected_re(entry: str) -> regex.Pattern[str]:
    """``entry`` (folded) as whole words, each with an ending or an adjective's other ending."""
    words = [regex.escape(w[:-2] if w.endswith("er") and len(w) > 4 else w) + _ENDING for w in entry.split()]
    body = r"\s+".join(words)
    return regex.compile(rf"(?<!\w){body}(?!\w)")


@dataclass(frozen=True)
class Snapper:
    """Snaps texts to vocabularies with a confusion table, an error allowance and, when
    ``refuse_inflected``, no snap for an entry with an ending or cut short (module docstring)."""

    confusions: Confusions = PLAIN
    allowance: Allowance = LABEL_ALLOWANCE
    refuse_inflected: bool = False

    def fold(self, text: str) -> str:
        """``text`` as compared (:meth:`Confusions.fold`)."""
        return self.confusions.fold(text)

    def errors(self, text: str, entry: str, limit: int | None = None) -> int | None:
        """The fewest errors beyond confusions with which ``text`` as a whole reads as ``entry``
        (0 when they differ by confusions only), or None beyond ``limit`` (default: the
        allowance of ``entry``). Errors are counted on the skeletons and on the texts as read,
        the fewer counting: folding "rn" to "m" in "Anfrnge" (for "Anfrage") would make one
        wrong letter two."""
        return self._errors(self.fold(text), self.fold(entry), entry, limit)

    def _errors(self, plain: str, printed: str, entry: str, limit: int | None) -> int | None:
        """:meth:`errors` of the folded text ``plain`` and the folded ``entry``, ``printed``."""
        table = self.confusions
        if table._same_folded(plain, printed):
            return 0
        bound = self.allowance(entry) if limit is None else limit
        a, b = table._reduced(plain), table._reduced(printed)
        if abs(len(a) - len(b)) > bound and abs(len(plain) - len(printed)) > bound:
            return None  # more letters lost or added than allowed: no match to try
        pairs = {(a, b), (plain, printed)}  # one pair without confusions in the text or the entry
        counts = [n for x, y in pairs if (n := _fuzzy_errors(x, y, bound)) is not None]
        return max(1, min(counts)) if counts else None

    def match(self, text: str, vocabulary: Iterable[str], limit: int | None = None) -> VocabMatch | None:
        """The entry of ``vocabulary`` that ``text`` as a whole stands for, or None (no entry
        within its allowance or ``limit``, two entries equally close, or, when the snapper
        refuses them, an entry with an ending or cut short). An entry read as printed wins."""
        folded = self.fold(text)
        if not folded:
            return None
        found: list[tuple[int, str]] = []
        inflected = False
        for entry in dict.fromkeys(vocabulary):
            printed = self.fold(entry)
            if printed == folded:
                return VocabMatch(text, entry, edited=False, errors=0, sole=True)
            if self.refuse_inflected and _inflected_or_cut(folded, printed):
                inflected = True  # "Anfragen", "Stadtrates", or a cut "Anfrag": no misreading
                continue
            errors = self._errors(folded, printed, entry, limit)
            if errors is not None:
                found.append((errors, entry))
        if not found or inflected:
            return None
        found.sort(key=lambda item: item[0])
        best_errors, best = found[0]
        if any(errors == best_errors and self.fold(entry) != self.fold(best) for errors, entry in found[1:]):
            return None  # "Antrag" or "Anfrage"? neither.
        rivals = {self.fold(entry) for _, entry in found} - {self.fold(best)}
        return VocabMatch(text, best, edited=True, errors=best_errors, sole=not rivals)

    def snap(self, text: str, vocabulary: Iterable[str], limit: int | None = None) -> str | None:
        """The vocabulary's spelling of ``text`` (see :meth:`match`), or None."""
        found = self.match(text, vocabulary, limit)
        return None if found is None else found.entry

    def leading(self, text: str, vocabulary: Sequence[str]) -> tuple[VocabMatch, str] | None:
        """An entry of ``vocabulary`` (one or more words) that opens ``text``, and the rest of the
        text after it: "Bezirksvertretunq Lindenthal" gives ("Bezirksvertretung", " Lindenthal").
        The longest opening that snaps wins; None when no opening does."""
        words = text.split()
        for count in sorted({len(entry.split()) for entry in vocabulary}, reverse=True):
            if count > len(words):
                continue
            found = self.match(" ".join(words[:count]), [e for e in vocabulary if len(e.split()) == count])
            if found is not None:
                rest = " ".join(words[count:])
                return found, f" {rest}" if rest else ""
        return None

    def body(self, text: str, bodies: Sequence[str]) -> str | None:
        """``text`` with the body of ``bodies`` it opens with in the vocabulary's spelling
        ("Bezirksvertretunq Lindenthal" → "Bezirksvertretung Lindenthal"), or None."""
        found = self.leading(text.strip(), bodies)
        return None if found is None else found[0].entry + found[1]

    def find_in(self, text: str, entry: str) -> VocabMatch | None:
        """``entry`` as it stands in ``text``: as printed (``edited`` False; inflected too, "des
        Stadtrates"), else the run of as many words as the entry has that reads as it with the
        fewest errors; None when none does."""
        if _inflected_re(self.fold(entry)).search(self.fold(text)):
            return VocabMatch(entry, entry, edited=False, errors=0, sole=True)
        words = [w.strip(self.confusions.noise) for w in text.split()]
        size = len(entry.split())
        best: tuple[int, str] | None = None
        for start in range(0, max(0, len(words) - size + 1)):
            window = " ".join(words[start : start + size])
            errors = self.errors(window, entry)
            if errors is not None and (best is None or errors < best[0]):
                best = (errors, window)
        if best is None:
            return None
        return VocabMatch(best[1], entry, edited=True, errors=best[0], sole=True)

    def contains(self, text: str, entry: str, limit: int | None = None) -> bool:
        """Whether ``entry`` stands in ``text`` as whole words, with at most ``limit`` errors
        (default: its allowance) beyond confusions."""
        bound = self.allowance(entry) if limit is None else limit
        table = self.confusions
        return _word_pattern(table.skeleton(entry), bound).search(table.skeleton(text)) is not None

    def unconfused(self, text: str, reach: int = 30) -> list[str]:
        """``text`` with one confusion set back, once per place (:meth:`Confusions.unconfused`)."""
        return self.confusions.unconfused(text, reach)


#: The snapper for labels, month names and headings: every error costs one.
LABELS = Snapper()
