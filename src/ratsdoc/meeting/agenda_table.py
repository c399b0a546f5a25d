"""An agenda printed as a table under a heading row ('TO  Drucksache  Titel  Antragsteller  ...'):
the row that shows a document to be an agenda where no type word names it (a faction's sheet for
a committee session, a council system's agenda export)."""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.lines import Line
from ..text.normalize import fold_for_match
from .rules import MeetingRules

#: How many first-page lines may stand above the heading row (the session's head).
TABLE_LINES = 30
#: Numbered lines the table must hold under its heading row.
MIN_ITEMS = 2


def table_head(lines: Sequence[Line], rules: MeetingRules) -> Line | None:
    """The heading row of an agenda table among the first lines of page 1, with at least
    :data:`MIN_ITEMS` numbered item lines below it on that page (a heading row over no list is
    some other table)."""
    first = [ln for ln in lines if ln.page == 1]
    for index, line in enumerate(first[:TABLE_LINES]):
        if not rules.res["table_head"].match(line.text):
            continue
        numbered = [ln for ln in first[index + 1 :] if any(p.match(ln.text) for p in rules.lists["items"])]
        if len(numbered) >= MIN_ITEMS:
            return line
    return None


def table_type(lines: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The type of a document whose page 1 is an agenda table, and the line that shows it: a type
    word alone on a line above the heading row names it ('Tagesordnung'), else the profile's
    ``agenda_table_type`` (a faction's sheet need print no type word)."""
    head = table_head(lines, rules)
    if head is None:
        return None
    types = {fold_for_match(t): t for t in rules.types}
    for line in lines:
        if line is head:
            break
        words = line.text.split()
        if line.page == 1 and len(words) == 1 and fold_for_match(words[0].rstrip(":")) in types:
            return types[fold_for_match(words[0].rstrip(":"))], line
    return rules.agenda_table_type, head
