"""The meeting extractor: tells meeting documents from papers and fills the meeting fields;
every document gets its running text."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..extract.context import Context
from ..extract.generic.wrapped import continues_sentence
from ..issues import TEXT_MISSING, IssueCode, has_code
from ..layout.columns import loose_pages, reading_lines, reading_order, running_text
from ..layout.lines import Line, Token
from ..meeting_models import AgendaItem, Meeting, Vote
from ..models import Provenance
from ..regions import provenance
from ..text.normalize import fold_for_match
from .agenda import read_agenda
from .agenda_changes import changed_items, whole_list
from .agenda_check import agenda_doubts, doubt_message, empty_parts, public_doubts
from .agenda_item import Item
from .agenda_rows import unnumbered_rows
from .agenda_table import (
    cut_to_title,
    head_row,
    row_key,
    row_outcome,
    table_head,
    table_results,
    table_type,
    without_task_tables,
)
from .attendance import read_attendees, read_head_roles
from .attendance_table import read_attendance_table
from .evidence import is_verbatim, looks_verbatim
from .head_fields import fill_cover
from .header import closing_end, read_header
from .headings import read_headings
from .minutes import read_outcome
from .outcome_check import unread_votes
from .record_head import agenda_own_date, close_public, fill_record_fields, kind_doubt
from .record_type import record_type
from .rules import MeetingRules
from .session_date import session_date
from .single_item import read_single_item
from .speeches import read_speeches
from .toc import merge_toc, once, read_toc
from .vote_table import restore_vote_heads

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
#: Furniture above this y (points) on page 1 is a running header, read with the session header.
HEAD_TOP = 150.0


def first_page(lines: Sequence[Line]) -> int:
    """The document's first page: 1, or a later one where the file was cut at its front (a session
    package's cover sheet, :mod:`~ratsdoc.meeting.package`)."""
    return lines[0].page if lines else 1


def meeting_type(
    ctx: Context, lines: list[Line], rules: MeetingRules, head: list[Line] | None = None, table: Line | None = None
) -> tuple[str | None, bool]:
    """The meeting type of the document: a type word heading a page 1 that reads as the record
    of a session (:func:`~ratsdoc.meeting.record_type.record_type`), or a type word with its
    session as the first words of a line on page 1 ('Verhandlungsschrift Nr. 5 vom ...'), else
    the type of an agenda table known by its heading row (:func:`~ratsdoc.meeting.agenda_table.table_type`),
    else its document_type when that is
    one, else a type word standing alone in the first lines of page 1, else, for a document
    whose pages name no type, 'Wortprotokoll' when it reads as verbatim minutes (speaker turns
    and a session header: :func:`~ratsdoc.meeting.evidence.looks_verbatim`). Also whether the
    words of a session back the type (False for a type word alone). ``table`` is the heading row
    of an agenda table among ``lines`` (:func:`~ratsdoc.meeting.agenda_table.table_head`)."""
    types = {fold_for_match(t): t for t in rules.types}
    page = first_page(lines)
    record = record_type([ln for ln in head or lines if ln.page == page], rules)
    if record:
        if ctx.fields.values.get("document_type") != record[0]:
            ctx.set("document_type", record[0], [record[1]])
        return record[0], True
    first = [ln for ln in lines if ln.page == page][:TYPE_LINES]
    for prev, line in zip([None, *first], first, strict=False):
        words = line.text.split()
        folded = fold_for_match(words[0].rstrip(":")) if words else ""
        if continues_sentence(prev, line):
            continue  # a letter's sentence wrapped before "Tagesordnung der Sitzung der ...": no heading
        if folded in types and len(words) > 1 and any(p.match(line.text) for p in rules.lists["session"]):
            ctx.set("document_type", types[folded], [line])
            return types[folded], True
    typed = table_type(lines, rules, table)
    if typed is not None:
        ctx.set("document_type", typed[0], [typed[1]])
        return typed[0], True
    current = ctx.fields.values.get("document_type")
    found = types.get(fold_for_match(current)) if isinstance(current, str) else None
    for line in first if current is None else []:
        words = line.text.split()
        if len(words) == 1 and fold_for_match(words[0].rstrip(":")) in types:
            found = types[fold_for_match(words[0].rstrip(":"))]
            ctx.set("document_type", found, [line])
            break
    if found is None and rules.verbatim_types and looks_verbatim(lines, head or lines, rules):
        found = rules.verbatim_types[0]
        ctx.set("document_type", found, first[:1])
        return found, True
    return found, False


def _meeting(
    ctx: Context, lines: list[Line], head: list[Line], rules: MeetingRules, kind: str, table: Line | None
) -> None:
    """The meeting fields of a document of type ``kind``; ``table`` is the heading row of its
    agenda table, if any (:func:`~ratsdoc.meeting.agenda_table.table_head`)."""
    header = read_header(head, rules)
    closing = closing_end(lines) if "start" in header.values and "end" not in header.values else None
    if closing is not None:
        header.put("end", closing[0], closing[1])
    dates, doubt = session_date(head, rules, table)
    if dates and dates[0][0] != header.values.get("date") and "date" not in header.stacked:
        # A date the session line gives beats a plain 'Datum:' (the day the minutes were written); the
        # day stacked under the session line is the session line's own.
        header.values["date"], header.where["date"] = dates[0][0], [dates[0][1]]
    ctx.set("meeting", Meeting(**header.values), [ln for where in header.where.values() for ln in where])
    if "date" not in header.values:
        ctx.warn(IssueCode.MEETING_FIELD_MISSING, "the meeting's date was not found", field="meeting")
    elif doubt:
        ctx.warn(IssueCode.VALUE_UNCERTAIN, "the head names more than one date for the session", field="meeting")
    if "location" in header.cut and "location" in header.values:
        message = (
            f"the meeting's location ends in a comma ('{header.values['location']},'): its rest may stand elsewhere"
        )
        ctx.warn(IssueCode.VALUE_UNCERTAIN, message, field="meeting")
    minutes = fold_for_match(kind) not in {
        fold_for_match(t) for t in [*rules.agenda_types, *rules.changed_agenda_types]
    }
    verbatim = is_verbatim(kind, lines, head, rules)
    fill_record_fields(ctx, head, rules, minutes, header.where.get("date", []), table)
    if not minutes:
        agenda_own_date(ctx, lines, rules, header.where.get("date", []))
    if verbatim:
        close_public(ctx, lines, rules)  # before the cover fields, which warn about a public left empty
    public = fill_cover(ctx, head, rules)
    public = header.public if header.public is not None else public
    if ctx.fields.values.get("public") is None and "public" not in rules.head_fields:
        # The profile's own patterns read it, and fill_cover warns about the head fields only: an
        # empty public would be silent. The chair opening "die dritte öffentliche Sitzung" in the
        # running text is no statement of a public part (eval/real/README.md).
        ctx.warn(IssueCode.FIELD_MISSING, "whether the session is public is not stated", field="public")
    items = []
    where: list[Line] = []
    parts: list[list[Line]] = []
    toc, listed = read_toc(lines, rules) if verbatim or minutes else ([], [])
    skip = {id(line) for line in listed}
    headings = read_headings([ln for ln in lines if id(ln) not in skip], rules) if verbatim else []
    unheaded: list[str] = []
    if toc and not verbatim:
        # Minutes that open with a table of contents (a parliament's record of several days) head
        # their items in the record as other minutes do; the contents give the whole titles.
        headings = read_agenda([ln for ln in lines if id(ln) not in skip], rules)
    if toc:
        headings, unheaded = merge_toc(once(toc), headings)
    # An agenda table without numbers is read row by row only where no numbered item was found.
    # An agenda table's columns right of the title (mover, recommendation, notes) are no part of it.
    listed_lines, cells = cut_to_title(lines, rules, table) if not verbatim else (lines, {})
    listed_lines = without_task_tables(listed_lines, rules)
    changed = fold_for_match(kind) in {fold_for_match(t) for t in rules.changed_agenda_types}
    read = headings or read_agenda(listed_lines, rules, changes=changed) or unnumbered_rows(listed_lines, rules)
    for item in read:
        cell = cells.get(row_key(item.lines[0])) if item.lines else None
        if cell is not None:
            # The paper column comes before the title: its number is the item's first.
            item.paper_numbers = [cell, *(n for n in item.paper_numbers if n != cell)]
    single = read_single_item(lines, rules) if minutes and not read and not verbatim else None
    read = [single] if single else read
    gone: list[Line] = []
    seen = True
    printed = read  # a changed agenda's list as printed, the items it takes off among them
    if changed:
        read, gone, seen = changed_items(read, lines, rules)
    # A table of contents prints the items in order; the debate calls them in any order.
    # A changed agenda that names only its changes numbers them with gaps; one that repeats the whole
    # list counts from 1 as any agenda does.
    ordered = (bool(toc) or not headings) and (not changed or whole_list(printed))
    # A whole list is counted as printed: the numbers of the items it takes off are no gaps.
    doubts = agenda_doubts(printed if changed and ordered else read, rules, ordered=ordered) + unheaded
    if not seen and read:
        # A changed agenda whose changes are in bold or a rule through the text alone: an item struck
        # through in a way not seen would be read as one of the session's.
        doubts.append("no item of the changed agenda is marked new, moved or taken off")
    for item in read:
        if item.public is None:
            item.public = public  # the head's 'öffentliche Sitzung' covers the session's items
    doubts += public_doubts(read) + empty_parts(read, listed_lines, rules)  # once the head has filled in the part
    outcomes = [read_outcome(item.body, rules, prose=not verbatim) if minutes else (None, None, []) for item in read]
    if minutes and table is not None and not verbatim:
        row = head_row(lines, table)
        outcomes = _table_outcomes(read, outcomes, table_results(lines, rules, table), row, rules)
    doubts += unread_votes(read, outcomes, rules)
    if doubts:
        ctx.warn(IssueCode.AGENDA_DOUBTFUL, doubt_message(doubts), field="agenda_items")
    for item, (decision, vote, used) in zip(read, outcomes, strict=True):
        items.append(
            AgendaItem(
                number=item.number or None,
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
    # A changed agenda's items are never a record's one item with its own number beside it.
    _drop_item_fields(ctx, rows=table is not None, several=len(items) > 1 or changed, gone=gone)
    _drop_name_title(ctx)
    if not items and not verbatim:
        ctx.warn(IssueCode.MEETING_FIELD_MISSING, "no agenda items were found", field="agenda_items")
    if minutes:
        # A table's rows whole: the reading order reads a ruled table's columns apart like a list's.
        rows = [ln for ln in ctx.layout.lines if ln.words and not ln.furniture]
        attendees, heading = read_attendance_table(rows, rules)
        if not attendees:
            attendees, heading = read_attendees(lines, rules)
        if not attendees:
            attendees, heading = read_head_roles(head, rules)
        ctx.set("attendees", attendees, heading)
    if verbatim:
        # Item headings and results are no one's words.
        speeches, starts = read_speeches(lines, rules, skip={id(line) for line in where})
        ctx.set("speeches", speeches, starts)
        ctx.set_items("speeches", [[line] for line in starts])
        if not speeches:
            # Verbatim minutes are their speeches: none read means the turns are set in a way not
            # known (a speaker line of its own, another label), not that nobody spoke.
            ctx.warn(IssueCode.MEETING_FIELD_MISSING, "no speaker turns were found", field="speeches")
    for name, empty in PAPER_ONLY.items():
        ctx.fields.values[name] = empty
        ctx.fields.provenance.pop(name, None)
        # Their parts go too ("finances.rows[0]" as well as "consultations[0]").
        for key in [k for k in ctx.fields.items if regex.match(rf"{name}[\[.]", k)]:
            del ctx.fields.items[key]


def _table_outcomes(
    read: Sequence[Item],
    outcomes: list[tuple[str | None, Vote | None, list[Line]]],
    cells: Sequence[tuple[tuple[int, float], str, Token]],
    head: Line,
    rules: MeetingRules,
) -> list[tuple[str | None, Vote | None, list[Line]]]:
    """The outcomes of items read from an agenda table with decision and vote columns: an item
    whose own lines state no result takes the cells of those columns on its row (from its first
    line to the next item's: :func:`~ratsdoc.meeting.agenda_table.table_results`)."""
    if not cells:
        return outcomes
    starts = [(item.lines[0].page, item.lines[0].top) if item.lines else None for item in read]
    out = []
    for index, (item, outcome) in enumerate(zip(read, outcomes, strict=True)):
        start = starts[index]
        if start is None or outcome[0] is not None or outcome[1] is not None:
            out.append(outcome)
            continue
        end = next((s for s in starts[index + 1 :] if s is not None), (10**9, 0.0))
        # A cell's first line may sit a little above or below the row's first baseline.
        mine = [
            (kind, token)
            for where, kind, token in cells
            if (start[0], start[1] - 0.5 * token.size) <= where < (end[0], end[1] - 0.5 * token.size)
        ]
        decision = vote = None
        used: list[Line] = []
        for kind in ("decision", "vote"):
            tokens = [token for k, token in mine if k == kind]
            if not tokens:
                continue
            text, counted = row_outcome(tokens, kind, head, rules)
            decision, vote = decision or text, vote or counted
            used.append(Line(item.lines[0].page, tokens))
        out.append((decision, vote, used))
    return out


#: How many items or turns a doubt about a page's order names.
NAMED_PARTS = 6


def _parts_on(ctx: Context, name: str, page: int | None) -> str:
    """The agenda items or speaker turns of field ``name`` that ``page`` holds part of, for a
    warning about that page ("; items 4.1, 4.2 on it"): an item runs from its heading to the next
    one, so the one open at the page's top is on it too. Empty where none is."""
    values = ctx.fields.values.get(name) or []
    firsts = [ctx.fields.items.get(f"{name}[{index}]") for index in range(len(values))]
    if page is None or not values or any(not where for where in firsts):
        return ""
    pages = [min(box.page for box in where or []) for where in firsts]
    on = [
        index
        for index, first in enumerate(pages)
        if first <= page and (index + 1 == len(pages) or pages[index + 1] >= page)
    ]
    if not on:
        return ""
    several = "s" if len(on) > 1 else ""
    if name == "speeches":
        labels = [values[index].speaker for index in on]
        what = f"turn{several} of"
    else:
        labels = [values[index].number or values[index].title[:30] for index in on]
        what = f"item{several}"
    shown = ", ".join(labels[:NAMED_PARTS]) + (", …" if len(labels) > NAMED_PARTS else "")
    return f"; {what} {shown} on it"


#: Paper fields that the paper reader may take from an agenda item's lines.
ITEM_FIELDS = ("title", "number", "faction")


def _drop_item_fields(ctx: Context, rows: bool, several: bool, gone: Sequence[Line] = ()) -> None:
    """Empty a title, number or faction read from an agenda item's lines: a subject line there
    ("hier: Bestellung der Schriftführung" under item 1) refines that item, a paper number
    ("(Drs. 21-3920.1)") names the item's paper, a faction ("CDU-Fraktion") moved the item; the
    document has none of them of its own (eval/real/README.md). The faction only in an agenda
    table (``rows``), where a value on an item's row is in that item whichever column it stands
    in; the number there and where the document has ``several`` items (a paper number in one item
    heading of verbatim minutes is that item's): a record's extract of one item prints its own
    number among the item's lines. ``gone`` are the lines of items a changed agenda took off, which
    are items' lines too."""
    items = [*(ctx.fields.provenance.get("agenda_items") or []), *(provenance(gone) if gone else [])]
    for name in ITEM_FIELDS if rows else ITEM_FIELDS[: 2 if several else 1]:
        boxes = ctx.fields.provenance.get(name)
        if not boxes or ctx.fields.values.get(name) is None:
            continue
        if all(any(_overlap(box, item, rows) for item in items) for box in boxes):
            ctx.fields.values[name] = None
            ctx.fields.provenance.pop(name, None)


def _drop_name_title(ctx: Context) -> None:
    """Empty a title that only names the document's type and its body ('Beschlussempfehlungen' /
    'Regionalausschuss Nord' in the largest type): those lines head the document and name no
    subject (eval/real/README.md: an Einladung's bold lines are type, body and session line)."""
    title = ctx.fields.values.get("title")
    if not isinstance(title, str):
        return
    rest = f" {title} "
    for name in ("document_type", "body"):
        value = ctx.fields.values.get(name)
        if isinstance(value, str) and value:
            rest = rest.replace(f" {value} ", " ", 1)
    if not rest.strip(" -–—:,"):
        ctx.fields.values["title"] = None
        ctx.fields.provenance.pop("title", None)


def _overlap(a: Provenance, b: Provenance, rows: bool = False) -> bool:
    """Whether two provenance boxes share a page and some area (with ``rows``, some height)."""
    return (
        a.page == b.page
        and (rows or min(a.bbox.x1, b.bbox.x1) > max(a.bbox.x0, b.bbox.x0))
        and min(a.bbox.bottom, b.bbox.bottom) > max(a.bbox.top, b.bbox.top)
    )


def extract_meeting(ctx: Context) -> None:
    """Set ``kind`` and ``text``; for a meeting document, the meeting fields."""
    restore_vote_heads(ctx.layout.lines, ctx.profile.meeting)
    lines = reading_lines(ctx.layout)
    text = ctx.fields.values["text"] = running_text(lines)
    if not text and not has_code(ctx.layout.warnings, TEXT_MISSING):
        # A page of drawn text whose glyphs gave no words: say so rather than return "" silently.
        ctx.warn(IssueCode.TEXT_EMPTY, "no running text could be read from the document", field="text")
    rules = ctx.profile.meeting
    # The running header of page 1 ('9. Sitzung vom 23. August 2021  Seite 1') is furniture, but
    # may be the only place that names the session.
    page = first_page(lines)
    head = [
        ln for ln in ctx.layout.lines if ln.page == page and ln.furniture and ln.words and ln.top < HEAD_TOP
    ] + lines
    # The heading row of an agenda table, looked for once: it types the document, cuts the table's
    # side columns and tells which item fields a row holds.
    table = table_head(lines, rules)
    kind, strong = meeting_type(ctx, lines, rules, head, table)
    kind_doubt(ctx, [ln for ln in head if ln.page == page], rules, kind, strong)
    ctx.fields.values["kind"] = "meeting" if kind else "paper"
    if kind and is_verbatim(kind, lines, head, rules):
        # Verbatim minutes are set in columns whose lines need not share baselines.
        lines, order_doubts = reading_order(ctx.layout, loose=True)
        ctx.fields.values["text"] = running_text(lines)
        pages = loose_pages(ctx.layout)
        if pages:
            ctx.warn(
                IssueCode.READING_ORDER_UNCERTAIN,
                f"pages {', '.join(map(str, pages[:10]))} read column by column by a loose test",
                field="speeches",
            )
        head = [ln for ln in head if ln.furniture] + lines
        table = table_head(lines, rules)
    else:
        order_doubts = []
    if kind:
        _meeting(ctx, lines, head, rules, kind, table)
    # A page whose columns may be read out of order puts the order of its items and turns in
    # doubt: sibling items swapped there cannot be told from items called out of their order.
    for doubt in order_doubts:
        for name in ("agenda_items", "speeches"):
            ctx.warn(doubt.code, doubt.message + _parts_on(ctx, name, doubt.page), doubt.page, field=name)
