"""The name of a deciding body at the start of a text ('Sitzung des Stadtteilbeirates Büchenbach
am ...' → 'Stadtteilbeirat Büchenbach'), in the nominative, with the town that is part of it ('Rat der
Stadt Köln')."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..text.normalize import fold_for_match
from .head_lines import SHORT_LINE
from .rules import MeetingRules

#: Words inside a body's name that are not capitalised ('Ausschuss für Umwelt und Verkehr').
_JOINERS = frozenset({"und", "für", "fuer", "u.", "-"})
#: Joiners inside a name only after its "für" ('Beirat für Menschen mit Behinderungen'); elsewhere 'mit'
#: ends the name ('Sitzung des Bauausschusses mit Ortsbesichtigung').
_PURPOSE_JOINERS = frozenset({"mit", "ohne"})
_DASHES = frozenset({"-", "–", "—"})


def _degenitive(word: str, nouns: Sequence[str]) -> str | None:
    """``word`` in the nominative when it names a body ('Gemeinderates' → 'Gemeinderat'), else None."""
    folded = fold_for_match(word)
    for noun in nouns:
        for ending in ("es", "s", ""):
            if folded.endswith(noun + ending):
                return word[: len(word) - len(ending)] if ending else word
    return None


def body_name(text: str, rules: MeetingRules, *, genitive: bool, whole: bool = False) -> str | None:
    """The body named at the start of ``text`` ('Stadtteilbeirates Büchenbach am 5. Mai' →
    'Stadtteilbeirat Büchenbach'): capitalised words and joiners up to the first other word;
    one of them names a body (``rules.body_nouns``). ``genitive`` puts it in the nominative
    ('des Grossen Rates' → 'Grosser Rat'); ``whole`` asks that the name is all of ``text``."""
    words = text.split()
    while words and words[0] in _DASHES:
        words = words[1:]  # 'Sitzung - Sozialausschuss': the dash parts the session from the body
    run: list[str] = []
    types = {fold_for_match(t) for t in rules.types}
    for word in words:
        bare = word.rstrip(",;:")
        # A type word ends the name: 'Stadtrat Jena   Protokoll' on one baseline.
        joiner = bare in _JOINERS or (bare in _PURPOSE_JOINERS and any(w in ("für", "fuer") for w in run))
        if not bare or not (bare[0].isupper() or joiner) or fold_for_match(bare) in types:
            break
        run.append(bare)
        if bare != word:
            break  # a comma or colon ends the name
    while run and (run[-1] in _JOINERS or run[-1] in _PURPOSE_JOINERS):
        run.pop()
    seat = town_seat(words[len(run) :], rules)
    if not run or (whole and (len(run) + len(seat) != len(words) or len(run) > SHORT_LINE)):
        return None
    nouns = [fold_for_match(n) for n in rules.body_nouns]
    for k, word in enumerate(run):
        nominative = _degenitive(word, nouns)
        if nominative is None or word.endswith("-"):
            continue
        if genitive:
            run[k] = nominative
            # 'des Grossen Rates': the adjective before a masculine body ends in -er.
            run[:k] = [w[:-2] + "er" if w.endswith("en") and w[:1].isupper() else w for w in run[:k]]
        return " ".join(run + seat)
    return None


def town_seat(words: Sequence[str], rules: MeetingRules) -> list[str]:
    """The words after a body's name that name its town as part of it ('der Stadt Köln' in 'Rat der
    Stadt Köln', 'der Landeshauptstadt Stuttgart'): an article and an issuer as
    ``rules.originator_lines`` name one; else none."""
    if len(words) < 3 or words[0] not in ("der", "des"):
        return []
    for size in range(min(len(words) - 1, 3), 1, -1):
        text = " ".join(words[1 : 1 + size]).rstrip(",;:")
        # The issuer in the genitive after 'des' ('des Kantons Thurgau', 'des Landkreises Gotha').
        noun, _, name = text.partition(" ")
        plain = regex.sub(r"(?<=\p{L}{4})e?s$", "", noun) if words[0] == "des" else noun
        if any(p.match(f"{plain} {name}") or p.match(text) for p in rules.lists["originator"]):
            return [words[0], *text.split()]
    return []
