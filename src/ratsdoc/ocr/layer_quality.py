"""How good a scan's own OCR text layer is: the share of its words that are no German words.

A third-party OCR layer that passes the shape test of :mod:`.noise` (no digit inside a word, no
word without vowels) can still be full of misreadings that look like words: "Gerneinde" for
"Gemeinde", "fur" for "für", "Verwaltnng", a word split in two ("Verwal tung"). Such a layer is
judged by its words: a word of letters counts as *known* when it is German
(:func:`.lexicon.is_german_word`), else as *unknown*. A clean layer has unknown words too —
names of people, streets and places, abbreviations, foreign words — so a page is judged
*poor* only when the unknown share of its lower-case words is above :data:`POOR_SHARE`;
capitalised words are counted apart (:attr:`LayerQuality.names`) because names are capitalised.
The thresholds were chosen on generated scans whose layers had 0–15 % of their characters
corrupted (``scripts/layer_scans.py``; docs/ocr.md, "Judging a scan's own text layer").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from .lexicon import is_german_word, is_listed_word, lexicon
from .noise import layer_noise

if TYPE_CHECKING:
    from ..layout.lines import Line

#: A page whose lower-case words are unknown above this share is judged poor.
POOR_SHARE = 0.05
#: Fewer judged words than this say nothing: a cover page of names and numbers keeps its layer.
MIN_WORDS = 20
#: A word is judged when it is letters only (a hyphen inside allowed, each part judged) and
#: at least this long; shorter ones are mostly articles and abbreviations.
MIN_LETTERS = 3
#: Abbreviations are at most this long ("techn.", "Nr.", "ggf.").
MAX_ABBREVIATION = 5
_CLOSING = ")]\"“”'’»"
#: Signs around a word that are no part of it (quotes, brackets, punctuation).
WORD_EDGES = "()[]{}\"„“”'‚‘’.,;:!?«»/*"
_WORD = regex.compile(r"^\p{L}+(?:-\p{L}+)*-?$")
#: The gender forms council texts write ("MitarbeiterInnen", "Bürger*innen" is split at "*").
_INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})(?:Innen|In)$")


@dataclass(frozen=True, slots=True)
class LayerQuality:
    """What the words of a text layer say about its quality."""

    #: Lower-case words judged, and how many of them are unknown.
    words: int
    unknown: int
    #: Capitalised words judged, and how many of them are unknown (names among them).
    names: int
    unknown_names: int
    #: The first unknown lower-case words, for the warning.
    sample: tuple[str, ...] = ()
    #: Whether a word list was available; without it nothing is judged.
    judged: bool = True

    @property
    def unknown_share(self) -> float:
        """The share of the judged lower-case words that are unknown."""
        return self.unknown / self.words if self.words else 0.0

    @property
    def poor(self) -> bool:
        """Whether the layer reads too badly to be kept (see the module docstring)."""
        return self.judged and self.words >= MIN_WORDS and self.unknown_share > POOR_SHARE

    def describe(self) -> str:
        """The judgment in words, for a warning."""
        if not self.judged:
            return "no German word list installed to judge it"
        known = 1.0 - self.unknown_share
        return f"{known:.0%} of its {self.words} lower-case words are German words"


def layer_quality(lines: list[Line]) -> LayerQuality:
    """Judge the words of ``lines``, a scan's own OCR layer (see the module docstring)."""
    return judge_words(token.text for line in lines for token in line.words)


def judge_words(texts: Iterable[str]) -> LayerQuality:
    """Judge the words ``texts`` of a text layer (see the module docstring)."""
    words = lexicon()
    if words is None:
        return LayerQuality(0, 0, 0, 0, judged=False)
    lower = unknown = names = unknown_names = 0
    sample: list[str] = []
    for text in texts:
        core = text.strip(WORD_EDGES)
        # A word cut at a line end ("Verwal-") is judged once joined (:mod:`.hyphens`), not in parts.
        if not _WORD.match(core) or core.isupper() or core.endswith("-"):
            continue
        # A short word with a full stop is as likely an abbreviation ("techn.", "stv.") as a
        # sentence's end: not judged.
        if len(core) <= MAX_ABBREVIATION and text.rstrip(_CLOSING).endswith("."):
            continue
        for part in core.rstrip("-").split("-"):
            part = _INNER_CAPITAL.sub("", part)
            if len(part) < MIN_LETTERS or part.isupper():
                continue
            known = is_german_word(part, words)
            if part[0].isupper():
                names += 1
                unknown_names += not known
                continue
            lower += 1
            if not known:
                unknown += 1
                if len(sample) < 3:
                    sample.append(part)
    return LayerQuality(lower, unknown, names, unknown_names, tuple(sample))


def layer_flaw(lines: list[Line]) -> tuple[str | None, LayerQuality]:
    """Why a scan's own OCR layer ``lines`` is not to be kept, in words for a warning ("has OCR
    errors ("O815/23", ...)"), or None when it reads clean; and the layer's word judgment.

    Misread words of a shape no typist produces (:func:`.noise.layer_noise`) are enough on
    their own; otherwise the layer is judged by its share of German words (:class:`LayerQuality`).
    """
    quality = layer_quality(lines)
    noise = layer_noise(lines)
    if noise:
        return "has OCR errors (" + ", ".join(f'"{w}"' for w in noise[:3]) + ")", quality
    if quality.poor:
        sample = ", ".join(f'"{w}"' for w in quality.sample)
        return (
            f"reads poorly: {quality.unknown_share:.0%} of its lower-case words are no German words ({sample})",
            quality,
        )
    return None, quality


#: Two words of a layer are the two halves of one word only when the gap between them is at
#: most this many font sizes (a space, not a column or cell gap).
SPLIT_GAP = 1.0
_LETTERS = regex.compile(r"^\p{L}{2,}$")
#: The second half: lower-case letters and closing punctuation, never a line-end hyphen ("der"
#: + "be-" is no "derbe-": that "be-" begins a word divided at the line end).
_TAIL = regex.compile(r"^(\p{Ll}{2,})([^\w-]*)$")


def join_split_words(lines: list[Line]) -> list[Line]:
    """``lines`` of a kept OCR layer with words its engine split in two joined again
    ("Ergeb" + "nisse" → "Ergebnisse"): two neighbours on a line, the second starting in lower
    case, at least one of them no German word and both together a listed word (not merely a
    compound of listed words: "bittet" + "urn" is no "bitte|turn"). Two German words stay apart
    ("an" + "der"); without a word list nothing is joined."""
    words = lexicon()
    if words is None:
        return lines
    for line in lines:
        tokens = list(line.tokens)
        changed = False
        i = 0
        while i + 1 < len(tokens):
            left, right = tokens[i], tokens[i + 1]
            tail = _TAIL.match(right.text)
            joined = None
            if (
                left.box is None
                and right.box is None
                and not left.bullet
                and not right.bullet
                and tail is not None
                and _LETTERS.match(left.text)
                and right.x0 - left.x1 <= SPLIT_GAP * max(left.size, right.size)
            ):
                whole = left.text + tail.group(1)
                known_left, known_right = is_german_word(left.text, words), is_german_word(tail.group(1), words)
                if not (known_left and known_right) and is_listed_word(whole, words):
                    joined = whole + tail.group(2)
            if joined is None:
                i += 1
                continue
            tokens[i : i + 2] = [
                replace(
                    left,
                    text=joined,
                    x1=right.x1,
                    top=min(left.top, right.top),
                    bottom=max(left.bottom, right.bottom),
                )
            ]
            changed = True
        if changed:
            line.tokens = tokens
    return lines
