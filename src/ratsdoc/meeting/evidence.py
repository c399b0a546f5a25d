"""Verbatim minutes whose pages carry no type word (the Köln Rat prints 'Wortprotokoll' only in the
file's name and title), or a type word that names minutes as well: told apart by their speaker turns
and a session header."""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.lines import Line
from ..text.normalize import fold_for_match
from .rules import MeetingRules
from .speeches import speaker_turn

#: How many lines of the first page may hold the session header ('9. Sitzung vom 23. August
#: 2021', '(Beginn: 15.41 Uhr - Ende: 16.45 Uhr)').
HEAD_LINES = 12


def looks_verbatim(lines: Sequence[Line], head: Sequence[Line], rules: MeetingRules, needed: int | None = None) -> bool:
    """Whether ``lines`` read as verbatim minutes: at least ``rules.verbatim_min_turns`` speaker
    turns naming a role or faction ('Jens Lange (SPD):', 'Oberbürgermeisterin Reker:'), and a
    session line or a start time in the first lines of ``head``; ``needed`` turns where given."""
    needed = rules.verbatim_min_turns if needed is None else needed
    turns = 0
    for line in lines:
        turn = speaker_turn(line.text, rules)
        turns += turn is not None and turn[1] is not None
        if turns >= needed:
            break
    if turns < needed:
        return False
    first = [ln for ln in head if ln.page == 1][:HEAD_LINES]
    session = any(p.search(ln.text) for ln in first for p in rules.lists["session"])
    started = any((m := rules.res["header"].search(ln.text)) and m.group("start") for ln in first)
    return session or bool(started)


def is_verbatim(kind: str, lines: Sequence[Line], head: Sequence[Line], rules: MeetingRules) -> bool:
    """Whether a meeting document of type ``kind`` is a verbatim record: a type that always names one
    ('Wortprotokoll', ``rules.verbatim_types``), or one that names minutes as well ('Verhandlungsschrift',
    ``rules.verbatim_if_turns``) whose lines read as verbatim minutes (:func:`looks_verbatim`)."""
    folded = fold_for_match(kind)
    if folded in {fold_for_match(t) for t in rules.verbatim_types}:
        return True
    if folded not in {fold_for_match(t) for t in rules.verbatim_if_turns}:
        return False
    # The type word already makes it a session's record: fewer turns tell a debate from minutes.
    return looks_verbatim(lines, head, rules, rules.verbatim_if_min_turns)
