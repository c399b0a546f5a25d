"""Speaker turns of verbatim minutes: 'Ratsmitglied Frank (GRÜNE): ...' starts a turn that runs
to the next one."""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.lines import Line
from ..meeting_models import Speech
from ..text.normalize import join_lines
from .rules import MeetingRules


def _turn(text: str, rules: MeetingRules) -> tuple[str, str | None, str] | None:
    """(speaker, role or faction, first text) when ``text`` opens a turn."""
    if rules.res["header"].match(text) or rules.res["decision"].match(text) or rules.res["vote"].match(text):
        return None
    for pattern in rules.lists["speakers"]:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        speaker = groups["speaker"]
        if rules.lists["items"][0].match(text) or speaker.split()[0].casefold() in _NOT_NAMES:
            return None
        role = groups.get("faction") or groups.get("faction2") or groups.get("role")
        return speaker, role, groups.get("text") or ""
    return None


#: Words that open a labelled line, not a turn ("Beschluss:", "Anlage:", "Hinweis:").
_NOT_NAMES = frozenset(
    {
        "anlage",
        "anlagen",
        "hinweis",
        "ergebnis",
        "betreff",
        "thema",
        "antrag",
        "anfrage",
        "top",
        "zu",
        "ort",
        "tagesordnung",
    }
)


def read_speeches(lines: Sequence[Line], rules: MeetingRules) -> tuple[list[Speech], list[Line]]:
    """The speaker turns of ``lines`` in order, and the lines that open them."""
    speeches: list[tuple[str, str | None, list[str]]] = []
    starts: list[Line] = []
    for line in lines:
        turn = _turn(line.text, rules)
        if turn is not None:
            speaker, role, first = turn
            speeches.append((speaker, role, [first] if first else []))
            starts.append(line)
        elif speeches:
            speeches[-1][2].append(line.text)
    return [Speech(speaker=s, role=r, text=join_lines(t)) for s, r, t in speeches], starts
