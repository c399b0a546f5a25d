"""Who attended by an attendance table: 'Name | Fraktion | anwesend | entschuldigt | Bemerkung' with a
mark in the column that applies, one table or one per faction, over page breaks."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token, all_bold
from ..meeting_models import Attendee
from .attendance import group_entries, list_lines, name_of
from .rules import MeetingRules

#: The mark of a cell that applies ('x', 'X', a tick, a ballot box with a cross).
_MARK = regex.compile(r"^(?:[xX×✓✔☒☑]|ja)$")
#: A column that names a member's faction or party.
_FACTION_COLUMN = regex.compile(r"^(?:Fraktion|Partei|Gruppe|Liste|Wahlvorschlag)\b", regex.IGNORECASE)
#: How far (pt) a cell's first word may stand left of its column heading.
SLACK = 6.0


class _Columns:
    """The columns of a heading row: the x where each starts, which holds the name, the faction (if
    any), the present mark and the absent mark."""

    def __init__(self, starts: list[float], present: int, absent: int, faction: int | None) -> None:
        self.starts = starts
        self.present = present
        self.absent = absent
        self.faction = faction

    def of(self, token: Token) -> int:
        """The column a word stands in: the last that starts left of it (a centred mark may stand right
        of its heading's start, a name a little left of it)."""
        column = 0
        for k, start in enumerate(self.starts):
            if token.x0 >= start - SLACK:
                column = k
        return column


def _heading(line: Line, rules: MeetingRules) -> _Columns | None:
    """The columns of ``line`` if it is an attendance table's heading row: a present and an absent
    column (the list's own labels) right of a first column that is neither."""
    words = line.words
    present = next((t for t in words[1:] if rules.res["attendee"].fullmatch(t.text.rstrip(":"))), None)
    absent = next((t for t in words[1:] if rules.res["absent"].fullmatch(t.text.rstrip(":"))), None)
    if present is None or absent is None:
        return None
    faction = next((t for t in words[1:] if _FACTION_COLUMN.match(t.text)), None)
    # Cells are the line's segments, but a narrow column of marks may stand closer to its neighbours
    # than a segment's gap: its one-word heading starts a column, and so does the word after it.
    starts = {segment[0].x0 for segment in line.segments()}
    for token in (present, absent, faction):
        if token is not None:
            starts.add(token.x0)
            after = next((t for t in words if t.x0 > token.x1), None)
            starts |= {after.x0} if after is not None else set()
    ordered = sorted(starts)
    return _Columns(
        ordered,
        ordered.index(present.x0),
        ordered.index(absent.x0),
        ordered.index(faction.x0) if faction is not None else None,
    )


def read_attendance_table(lines: Sequence[Line], rules: MeetingRules) -> tuple[list[Attendee], list[Line]]:
    """The members marked present in the attendance tables of ``lines`` (a table's heading row again on a
    later page goes on with it), their faction from its column or from a faction's name over the
    table, then the role groups set under the last table ('Verwaltung: ...'); and the heading rows."""
    attendees: list[Attendee] = []
    headings: list[Line] = []
    columns: _Columns | None = None
    faction: str | None = None
    last = -1
    for index, line in enumerate(lines):
        found = _heading(line, rules)
        if found is not None:
            columns = found
            headings.append(line)
            continue
        text = line.text.strip()
        if columns is None or not _is_row(line, columns):
            if columns is not None and line.page == lines[last].page and attendees:
                columns = None  # the table ended; another may follow (one per faction)
            if all_bold(line) and rules.res["faction"].fullmatch(text.rstrip(":")):
                faction = text.rstrip(":")
            continue
        cells: dict[int, list[str]] = {}
        for token in line.words:
            cells.setdefault(columns.of(token), []).append(token.text)
        if not any(_marked(t) and columns.of(t) == columns.present for t in line.tokens):
            last = index
            continue  # marked absent
        found_name = name_of(" ".join(cells.get(0, [])), rules)
        if found_name is None:
            continue
        own = " ".join(cells.get(columns.faction, [])) if columns.faction is not None else None
        attendees.append(Attendee(name=found_name[0], role=None, faction=own or faction))
        last = index
    if not attendees:
        return [], []
    rows = list_lines(lines, last, rules, column=(0.0, float("inf")), turn=True)
    return attendees + group_entries(rows, rules), headings


def _is_row(line: Line, columns: _Columns) -> bool:
    """Whether ``line`` is a row of the table: a name in the first column and a mark in the present or
    the absent column."""
    words = line.words
    if not words or columns.of(words[0]) != 0:
        return False
    return any(_marked(t) and columns.of(t) in (columns.present, columns.absent) for t in line.tokens)


def _marked(token: Token) -> bool:
    """Whether ``token`` marks its cell: a typed cross or tick, or a tick the layout read as a ticked box."""
    if token.box is not None:
        return bool(token.box.checked)
    return bool(_MARK.match(token.text))
