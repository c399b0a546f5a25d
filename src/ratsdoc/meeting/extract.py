"""The meeting extractor: tells meeting documents from papers and fills the meeting fields;
every document gets its running text."""

from __future__ import annotations

import regex

from ..extract.context import Context
from ..issues import TEXT_MISSING, IssueCode, has_code
from ..layout.lines import Line
from ..meeting_models import AgendaItem, Meeting
from ..text.normalize import fold_for_match
from .agenda import read_agenda
from .attendance import read_attendees
from .columns import reading_lines, running_text
from .header import read_header
from .minutes import read_outcome
from .rules import MeetingRules
from .speeches import read_speeches

#: Fields only papers have: a meeting document leaves them empty (its agenda is not a
#: Beratungsfolge, its decisions are not a Beschlussvorschlag).
PAPER_ONLY: dict[str, object] = {
    "consultations": [],
    "resolution_proposal": [],
    "checkboxes": [],
    "finances": None,
    "justification": None,
}
#: How many first-page lines may hold the type heading of a meeting document.
TYPE_LINES = 15


def meeting_type(ctx: Context, lines: list[Line], rules: MeetingRules) -> str | None:
    """The meeting type of the document: its document_type when that is one, else a type
    word standing alone (or as 'Protokoll Nr. 61 vom ...') in the first lines of page 1."""
    types = {fold_for_match(t): t for t in rules.types}
    current = ctx.fields.values.get("document_type")
    if isinstance(current, str):
        return types.get(fold_for_match(current))
    for line in [ln for ln in lines if ln.page == 1][:TYPE_LINES]:
        words = line.text.split()
        folded = fold_for_match(words[0].rstrip(":")) if words else ""
        if folded in types and (len(words) == 1 or any(p.match(line.text) for p in rules.lists["session"])):
            ctx.set("document_type", types[folded], [line])
            return types[folded]
    return None


def _meeting(ctx: Context, lines: list[Line], rules: MeetingRules, kind: str) -> None:
    header = read_header(lines, rules)
    ctx.set("meeting", Meeting(**header.values), [ln for where in header.where.values() for ln in where])
    if "date" not in header.values:
        ctx.warn(IssueCode.MEETING_FIELD_MISSING, "the meeting's date was not found", field="meeting")
    items = []
    where: list[Line] = []
    parts: list[list[Line]] = []
    minutes = kind not in ("Einladung", "Tagesordnung")
    for item in read_agenda(lines, rules):
        decision, vote, used = read_outcome(item.body, rules) if minutes else (None, None, [])
        items.append(
            AgendaItem(
                number=item.number,
                title=item.title,
                public=item.public,
                paper_numbers=item.paper_numbers,
                decision=decision,
                vote=vote,
            )
        )
        parts.append(item.lines + used)
        where += parts[-1]
    ctx.set("agenda_items", items, where)
    ctx.set_items("agenda_items", parts)
    if not items and fold_for_match(kind) not in {fold_for_match(t) for t in rules.verbatim_types}:
        ctx.warn(IssueCode.MEETING_FIELD_MISSING, "no agenda items were found", field="agenda_items")
    if minutes:
        attendees, heading = read_attendees(lines, rules)
        ctx.set("attendees", attendees, heading)
    if fold_for_match(kind) in {fold_for_match(t) for t in rules.verbatim_types}:
        speeches, starts = read_speeches(lines, rules)
        ctx.set("speeches", speeches, starts)
    for name, empty in PAPER_ONLY.items():
        ctx.fields.values[name] = empty
        ctx.fields.provenance.pop(name, None)
        # Their parts go too ("finances.rows[0]" as well as "consultations[0]").
        for key in [k for k in ctx.fields.items if regex.match(rf"{name}[\[.]", k)]:
            del ctx.fields.items[key]


def extract_meeting(ctx: Context) -> None:
    """Set ``kind`` and ``text``; for a meeting document, the meeting fields."""
    lines = reading_lines(ctx.layout)
    text = ctx.fields.values["text"] = running_text(lines)
    if not text and not has_code(ctx.layout.warnings, TEXT_MISSING):
        # A page of drawn text whose glyphs gave no words: say so rather than return "" silently.
        ctx.warn(IssueCode.TEXT_EMPTY, "no running text could be read from the document", field="text")
    rules = ctx.profile.meeting
    kind = meeting_type(ctx, lines, rules)
    ctx.fields.values["kind"] = "meeting" if kind else "paper"
    if kind:
        _meeting(ctx, lines, rules, kind)
