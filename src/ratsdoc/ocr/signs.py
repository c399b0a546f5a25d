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
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from .ink import tesseract_lines

if TYPE_CHECKING:
    from .engine import OcrWord

#: A paragraph's number after the sign: "3", "12a", "4,", "35.".
_PARAGRAPH = regex.compile(r"^\d{1,4}[a-z]?[.,;:)]?$")
#: Words that file something under a rule, before its sign.
_BY = regex.compile(r"^(?:nach|gemäß|gem\.|i\.\s?V\.\s?m\.)$")
#: What follows a rule's number: a law's abbreviation or "Abs." (a trailing comma or stop allowed).
_LAW = regex.compile(
    r"^(?:Abs\.|GO|GemO|GeschO|GeschOBV|KV|KVG|KVerf|KomVerf|KSVG|HGO|NKomVG|ThürKO|SächsGemO|BayGO"
    r"|BauGB|BauNVO|LBO|BauO|GG|BGB|VwVfG|KAG|LKrO|KrO|DSGVO|BDSG|LDSG|IFG)[.,;:)]?$"
)
#: A rule's name after "der"/"des": "der Geschäftsordnung", "des Baugesetzbuches".
_LAW_NAME = regex.compile(
    r"^\p{Lu}\p{L}*(?:ordnung|gesetz|gesetzes|gesetzbuch|gesetzbuches|satzung|verfassung)[.,;:)]?$"
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
    """Whether the word at ``at`` stands where a rule is cited: after a word of :data:`_BY`
    and before a law (:data:`_LAW`, or "der"/"des" and :data:`_LAW_NAME`), the word after it
    (the paragraph's number when the sign stands apart) skipped by the caller's ``at``."""
    if at < 1 or not _BY.match(line[at - 1].text) or at + 1 >= len(line):
        return False
    after = line[at + 1]
    if _LAW.match(after.text):
        return True
    return after.text in ("der", "des") and at + 2 < len(line) and bool(_LAW_NAME.match(line[at + 2].text))


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
