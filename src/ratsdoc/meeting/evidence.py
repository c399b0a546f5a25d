"""Verbatim minutes whose pages carry no type word (the Köln Rat prints 'Wortprotokoll' only in the
file's name and title): told apart from papers by their speaker turns and a session header."""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.lines import Line
from .rules import MeetingRules
from .speeches import speaker_turn

#: How many lines of the first page may hold the session header ('9. Sitzung vom 23. August
#: 2021', '(Beginn: 15.41 Uhr - Ende: 16.45 Uhr)').
HEAD_LINES = 12


def looks_verbatim(lines: Sequence[Line], head: Sequence[Line], rules: MeetingRules) -> bool:
    """Whether ``lines`` read as verbatim minutes: at least ``rules.verbatim_min_turns`` speaker
    turns naming a role or faction ('Jens Lange (SPD):', 'Oberbürgermeisterin Reker:'), and a
    session line or a start time in the first lines of ``head``."""
    turns = 0
    for line in lines:
        turn = speaker_turn(line.text, rules)
        turns += turn is not None and turn[1] is not None
        if turns >= rules.verbatim_min_turns:
            break
    if turns < rules.verbatim_min_turns:
        return False
    first = [ln for ln in head if ln.page == 1][:HEAD_LINES]
    session = any(p.search(ln.text) for ln in first for p in rules.lists["session"])
    started = any((m := rules.res["header"].search(ln.text)) and m.group("start") for ln in first)
    return session or bool(started)
