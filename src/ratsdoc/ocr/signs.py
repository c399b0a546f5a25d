"""The section sign that OCR misreads: "nach $ 3 GO", "nach 8 4 GO" and "nach 84 GO" are all
"nach § … GO".

Tesseract often reads the "§" of a small or blurred print as "$". German papers cite rules
with "§" before a paragraph's number; a dollar sign standing alone before a number, or doubled
("$$ 3, 4" for "§§"), is no German way of writing an amount (that is "3 $" or "3 USD"), so there
it is the section sign. A "$" joined to its number ("$3") or anywhere else stays as read.

The sign is read as "8" or "5" too. That is only set right where a rule is cited: after a word
that files something under a rule ("nach", "gemäß", "gem.", "i.V.m.") and before a law's
abbreviation ("GO", "GemO", "BauGB", …), "Abs." or "der"/"des" and a rule's name
("Geschäftsordnung"). There a lone "8" before a number ("nach 8 4 GO") is the sign: two numbers
in a row are no German. A number joined to the misread sign ("nach 84 GO" for "nach § 4 GO")
is split only where its pixels say so, since "§ 84" with the sign dropped reads the same: the
word reaches below the line's baseline (the "§" descends, digits do not), or its box is too
narrow for its digits (the sign's place was read into no box). "nach 84 Tagen" stays.

The words around a cited rule differ by jurisdiction (each state has its own municipal code):
they are data, shipped in ``citations.toml`` and read once (:func:`citation_words`).
"""

from __future__ import annotations

import functools
import itertools
import statistics
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .ink import tesseract_lines

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from .engine import OcrWord

#: A paragraph's number after the sign: "3", "12a", "4,", "35.".
_PARAGRAPH = regex.compile(r"^\d{1,4}[a-z]?[.,;:)]?$")
#: An entry of a word list of citations.toml: one word of letters and full stops.
_ENTRY = regex.compile(r"^\p{L}[\p{L}.]*$")
#: An ending of a rule's name in citations.toml: small letters.
_ENDING = regex.compile(r"^\p{Ll}+$")
#: A rule's whole name in citations.toml: a capital, then small letters.
_RULE_NAME = regex.compile(r"^\p{Lu}\p{Ll}+$")
#: What may close a law's abbreviation or a rule's part: "GO.", "BauGB)".
_CLOSE = r"[.,;:)]?"


class CitationWords(BaseModel):
    """The words around a cited rule, which differ by jurisdiction (citations.toml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    citing: tuple[str, ...] = Field(min_length=1, description="Words that file something under a rule.")
    parts: tuple[str, ...] = Field(description="Parts of a rule after a paragraph's number ('Abs.').")
    laws: tuple[str, ...] = Field(min_length=1, description="Abbreviations of laws after a paragraph's number.")
    articles: tuple[str, ...] = Field(description="Articles before a rule's name ('der', 'des').")
    name_endings: tuple[str, ...] = Field(min_length=1, description="Endings of a rule's name ('ordnung').")
    rule_names: tuple[str, ...] = Field(
        default=(), description="Whole names of the rules papers are filed under ('Geschäftsordnung')."
    )

    @field_validator("citing", "parts", "laws", "articles")
    @classmethod
    def _one_word_each(cls, entries: tuple[str, ...]) -> tuple[str, ...]:
        return _checked(entries, _ENTRY, "a word of letters and full stops")

    @field_validator("rule_names")
    @classmethod
    def _capitalised_each(cls, entries: tuple[str, ...]) -> tuple[str, ...]:
        return _checked(entries, _RULE_NAME, "a capitalised word of letters")

    @field_validator("name_endings")
    @classmethod
    def _small_letters_each(cls, entries: tuple[str, ...]) -> tuple[str, ...]:
        return _checked(entries, _ENDING, "small letters")


def _checked(entries: tuple[str, ...], shape: regex.Pattern[str], what: str) -> tuple[str, ...]:
    """``entries`` unchanged when each has ``shape`` and none repeats, else a ValueError naming it."""
    for entry in entries:
        if not shape.match(entry):
            raise ValueError(f"{entry!r} is not {what}")
    if len(set(entries)) < len(entries):
        raise ValueError(f"an entry repeats: {sorted(e for e in set(entries) if entries.count(e) > 1)}")
    return entries


@functools.cache
def citation_words() -> CitationWords:
    """The word lists shipped in citations.toml, validated (read once)."""
    text = resources.files(__package__).joinpath("citations.toml").read_text(encoding="utf-8")
    return CitationWords.model_validate(tomllib.loads(text))


def _alternatives(entries: Sequence[str]) -> str:
    """``entries`` as one regex group, a space allowed after a full stop inside an entry."""
    escaped = (regex.escape(entry).replace(r"\.", r"\.\s?").removesuffix(r"\s?") for entry in entries)
    return "(?:" + "|".join(escaped) + ")"


class _Citation(NamedTuple):
    """The patterns made of :func:`citation_words`."""

    #: Words that file something under a rule, before its sign.
    by: regex.Pattern[str]
    #: What follows a rule's number: a law's abbreviation or a part (a trailing comma or stop allowed).
    law: regex.Pattern[str]
    #: A rule's name after an article: "der Geschäftsordnung", "des Baugesetzbuches".
    law_name: regex.Pattern[str]
    articles: frozenset[str]


@functools.cache
def _citation() -> _Citation:
    words = citation_words()
    return _Citation(
        by=regex.compile(rf"^{_alternatives(words.citing)}$"),
        law=regex.compile(rf"^{_alternatives([*words.parts, *words.laws])}{_CLOSE}$"),
        law_name=regex.compile(rf"^\p{{Lu}}\p{{L}}*{_alternatives(words.name_endings)}{_CLOSE}$"),
        articles=frozenset(words.articles),
    )


#: The sign misread as a digit and joined to the paragraph's number: "84", "512a,".
_JOINED = regex.compile(r"^[85](?P<number>\d{1,3}[a-z]?[.,;:)]?)$")
#: Letters that reach below the baseline: a word holding one does not show where it lies.
_DESCENDERS = frozenset("gjpqyßµ§,;()[]{}/|Q")
#: A word whose bottom lies this share of the line's letter height below the baseline descends.
DESCENT = 0.15
#: A digit is at least this share of the line's letter height wide; a box narrower than that
#: for each digit it holds did not see all of them.
DIGIT_WIDTH = 0.55


def _cites_a_rule(line: list[OcrWord], at: int) -> bool:
    """Whether the word at ``at`` stands where a rule is cited: after a citing word and before a
    law or a rule's part, or an article and a rule's name (:func:`citation_words`), the word
    after it (the paragraph's number when the sign stands apart) skipped by the caller's ``at``."""
    cite = _citation()
    if at < 1 or not cite.by.match(line[at - 1].text) or at + 1 >= len(line):
        return False
    after = line[at + 1]
    if cite.law.match(after.text):
        return True
    return after.text in cite.articles and at + 2 < len(line) and bool(cite.law_name.match(line[at + 2].text))


def _drawn_as_sign(word: OcrWord, line: list[OcrWord]) -> bool:
    """Whether the pixels of a number ``word`` show a misread sign: it reaches below the
    baseline of the line's other words, or its box is too narrow for its digits."""
    plain = [w for w in line if w is not word and w.text.isalnum() and not _DESCENDERS & set(w.text)]
    if not plain:
        return False
    baseline = statistics.median(w.top + w.height for w in plain)
    height = statistics.median(w.height for w in plain)
    digits = sum(ch.isdigit() for ch in word.text)
    descends = word.top + word.height - baseline > DESCENT * height
    return descends or word.width < DIGIT_WIDTH * height * digits


def _split(word: OcrWord, number: str) -> list[OcrWord]:
    """``word`` as the sign and its ``number``, its box shared out by their letters."""
    cut = word.width * (len(word.text) - len(number)) // len(word.text)
    return [
        replace(word, text="§", width=max(1, cut)),
        replace(word, text=number, left=word.left + cut, width=max(1, word.width - cut)),
    ]


def section_signs(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with a lone "$" (or "$$") before a paragraph's number on its line read "§"
    ("§§"), and a "§" misread as "8" or "5" where a rule is cited set right (module doc)."""
    following: dict[int, OcrWord] = {}
    changed: dict[int, list[OcrWord]] = {}
    for line in tesseract_lines(words):
        for before, after in itertools.pairwise(line):
            following[id(before)] = after
        for at, word in enumerate(line):
            if word.text in ("8", "5") and at + 1 < len(line) and _PARAGRAPH.match(line[at + 1].text):
                if _cites_a_rule([*line[:at], *line[at + 1 :]], at):
                    changed[id(word)] = [replace(word, text="§")]
            elif (joined := _JOINED.match(word.text)) and _cites_a_rule(line, at) and _drawn_as_sign(word, line):
                changed[id(word)] = _split(word, joined.group("number"))
    result: list[OcrWord] = []
    for word in words:
        if id(word) in changed:
            result.extend(changed[id(word)])
            continue
        nxt = following.get(id(word))
        if word.text in ("$", "$$") and nxt is not None and _PARAGRAPH.match(nxt.text):
            word = replace(word, text="§" * len(word.text))
        result.append(word)
    return result
