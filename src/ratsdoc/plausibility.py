"""Plausibility rules: is a value that an extractor read the kind of text its field holds?

Pure functions on strings, no layout: each returns None for a plausible value, else a short
reason ("has no letters") that the warning names. The extract stage drops an implausible value
and warns instead of handing on a wrong one (docs/architecture.md, "Honest output").

The rules are deliberately narrow: they catch what a misread layout produces (a checkbox label
"?" where no words stood beside the box, a dateline fused with the sender line, a line of
running text taken for the sender, the letter head taken for the subject), and every golden
value of the fixtures and real papers passes them (tests/test_plausibility.py checks that).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .text.dates import iter_dates

#: A checkbox label needs a word: at least two letters in a row ("Ja", "Fristwahrung"), which
#: rules out "?", "-", "…", "1" and a lone OCR speck.
_WORD = regex.compile(r"\p{L}{2}")

#: An originator is a name line: "SPD-Fraktion im Erlanger Stadtrat", "Amt für Verkehr",
#: "Stadtwerke Köln GmbH". The longest golden sender has 7 words and 49 characters; a line twice
#: that long is running text.
MAX_ORIGINATOR_WORDS = 12
MAX_ORIGINATOR_CHARS = 100

#: One mover of a motion: a name of two to four words (initials, "von"), a party in brackets.
_MOVER = regex.compile(r"(?:Dr\. )?\p{Lu}[\p{L}.'-]+(?: (?:von |van |de )?\p{Lu}[\p{L}.'-]+){1,3} \([^()]{1,40}\)")
_MOVER_SPLIT = regex.compile(r",\s*(?:und\s+)?|\s+und\s+")
#: Movers a list names at most; more are a sentence or a list of signatures.
_MAX_MOVERS = 8

#: Lower-case words that may end a sender's name: legal-form suffixes and their abbreviations.
_NAME_ENDINGS = frozenset({"mbh", "ggmbh", "gmbh", "e.v.", "ev", "a.d.", "ag", "kg", "eg", "ug", "i.a.", "i.v."})

#: Lower-case words that may start a sender line ("gez. Max Muster", "i. A. Amt für Verkehr").
_NAME_STARTS = frozenset({"gez.", "i.a.", "i.", "i.v.", "im", "vom", "von", "per"})

#: Finite verbs and auxiliaries that end a clause of German council prose ("..., die der Rat
#: beschließen möge", "Der Ausschuss hat"): a sender's name never ends in one. Matched in lower
#: case only (a capitalised "Hat" may be a name); the warning then names the verb, where the
#: lower-case rule below would only name a word.
_CLAUSE_VERBS = frozenset(
    {
        "ist",
        "sind",
        "war",
        "waren",
        "wird",
        "werden",
        "wurde",
        "wurden",
        "hat",
        "haben",
        "hatte",
        "soll",
        "sollen",
        "sollte",
        "kann",
        "können",
        "muss",
        "müssen",
        "möge",
        "mögen",
        "darf",
        "will",
        "beantragt",
        "beantragen",
        "beschließt",
        "beschließen",
        "bittet",
        "bitten",
        "fordert",
        "fordern",
        "empfiehlt",
        "empfehlen",
        "stellt",
        "stellen",
        "gibt",
        "geben",
        "nimmt",
        "teilt",
    }
)

#: Personal pronouns of running prose ("Als Fraktion stehen wir, ..."): a sender's name never
#: holds one, nor a lower-case finite verb of :data:`_CLAUSE_VERBS`.
_PRONOUNS = frozenset({"ich", "wir", "uns", "mich", "mir", "euch", "du", "dich", "dir"})

#: Punctuation that ends a sentence or a clause, or leaves it open.
_CLAUSE_END = (",", ";", ":", "!", "?", "-", "–", "(", "„", '"')


def checkbox_label_problem(label: str) -> str | None:
    """Why ``label`` (an option's or a group's) is no checkbox label, or None when it is one.

    A label must hold a word (two letters in a row): "?" is what the extractor writes where no
    words stood beside a box, and "-", "…" or "1" are a ruling or a number read as the label.
    """
    if not label.strip():
        return "is empty"
    if not _WORD.search(label):
        return f"{label!r} has no word"
    return None


def _movers(text: str) -> bool:
    """Whether ``text`` lists the movers of a motion, each a name with a party in brackets
    ("Claudia Becker (Die Mitte) und Katrin Lehmann (Die Mitte) und Anna Krüger (EDU)"): as
    long as a sentence, but a sender."""
    people = _MOVER_SPLIT.split(text)
    return 2 <= len(people) <= _MAX_MOVERS and all(_MOVER.fullmatch(person) for person in people)


def originator_problem(text: str) -> str | None:
    """Why ``text`` is no originator (a sender's name), or None when it can be one.

    Implausible are: a date inside it (a dateline fused with the sender line, "Max Muster
    12.03.2023"); more than :data:`MAX_ORIGINATOR_WORDS` words or :data:`MAX_ORIGINATOR_CHARS`
    characters; a personal pronoun or a finite verb anywhere ("Als Fraktion stehen wir, mit
    ...", "Der Rat möge beschließen"); a lower-case start ("und der Stadtrat"); an end in
    clause punctuation, a sentence's full stop after a whole word or another lower-case word
    (German names end in a noun).
    """
    stripped = " ".join(text.split())
    if not stripped:
        return "is empty"
    if next(iter_dates(stripped), None) is not None:
        return f"{stripped!r} holds a date"
    words = stripped.split(" ")
    too_long = len(words) > MAX_ORIGINATOR_WORDS or len(stripped) > MAX_ORIGINATOR_CHARS
    if too_long and not _movers(stripped):
        return f"{_short(stripped)} is too long for a name ({len(words)} words)"
    first, last = words[0], words[-1]
    if first[0].islower() and first.casefold() not in _NAME_STARTS:
        return f"{_short(stripped)} starts in lower case"
    if stripped.endswith(_CLAUSE_END):
        return f"{_short(stripped)} ends in {stripped[-1]!r}"
    bare = last.rstrip(".")
    if last.endswith(".") and len(bare) > 4 and bare.isalpha() and last.casefold() not in _NAME_ENDINGS:
        return f"{_short(stripped)} ends a sentence"
    if bare in _CLAUSE_VERBS and len(words) > 1:
        return f"{_short(stripped)} ends in the verb {bare!r}"
    if bare[:1].islower() and last.casefold() not in _NAME_ENDINGS and bare.casefold() not in _NAME_ENDINGS:
        return f"{_short(stripped)} ends in the lower-case word {bare!r}"
    clause_word = next(
        (w for w in (w.strip(',.;:!?()„“"') for w in words) if w.casefold() in _PRONOUNS or w in _CLAUSE_VERBS), None
    )
    if clause_word is not None:
        return f"{_short(stripped)} reads as a clause (it holds {clause_word!r})"
    return None


#: Words that say a group exists without naming it: a faction made only of these ("Fraktion",
#: "die Fraktionen", "Stadtratsfraktion") is a label or a running-text word read as the value.
GROUP_WORDS = frozenset(
    {
        "fraktion",
        "fraktionen",
        "ratsfraktion",
        "stadtratsfraktion",
        "gemeinderatsfraktion",
        "kreistagsfraktion",
        "gruppe",
        "gruppen",
        "partei",
        "parteien",
        "der",
        "die",
        "des",
        "im",
        "und",
    }
)


def faction_problem(faction: str) -> str | None:
    """Why ``faction`` names no faction, or None when it can be one.

    Implausible is a value made only of group words and articles ("Fraktion", "die
    Fraktionen"): it says that a faction exists, not which. A name set in capitals ("Die
    FRAKTION", a party's registered name) is a name, not the word.
    """
    words = [word.strip(",.;:()") for word in faction.split()]
    if not any(words):
        return "is empty"
    if any(word.isupper() and len(word) > 1 for word in words):
        return None
    if all(word.casefold() in GROUP_WORDS for word in words if word):
        return f"{_short(' '.join(faction.split()))} names no faction"
    return None


def title_problem(title: str, *, names: Iterable[str | None] = ()) -> str | None:
    """Why ``title`` is no subject line, or None when it can be one: it must hold a word, and
    it must not be one of ``names`` (the paper's originator and body, compared without case
    and spacing): a letter head taken for the subject names the sender, not the matter."""
    if not _WORD.search(title):
        return f"{_short(title)} has no word"
    folded = " ".join(title.casefold().split())
    for name in names:
        if name and folded == " ".join(name.casefold().split()):
            return f"{_short(title)} is the name of the sender or body, not a subject"
    return None


def _short(text: str, limit: int = 60) -> str:
    """``text`` quoted, cut to ``limit`` characters for a warning."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
