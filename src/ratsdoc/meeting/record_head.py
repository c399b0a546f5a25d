"""The paper fields a session record gives in its head (its own number, its date, whether it is
public) and whether its kind is in doubt: the fields follow the golden conventions of
eval/real/README.md, the doubt is warned with field ``kind``."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

import regex

from ..extract.context import READ, Context
from ..issues import IssueCode
from ..layout.lines import Line
from ..models import Provenance
from ..text.dates import parse_date
from .head_lines import EVIDENCE_LINES, TYPE_LINES
from .headings import ends_public
from .record_type import weak_record_type
from .rules import MeetingRules

#: A letter's place and day: 'Zörbig, 21.07.2025', 'Zörbig, den 2. Mai 2025'.
PLACED_DATE = regex.compile(
    r"\p{Lu}[\p{L}. -]{1,40},\s*(?:den\s+)?(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|\p{L}{3,9}\s+\d{4}))"
)

#: A date alone on a line, in digits or with its month's name ('04.09.2024', '4. September 2024').
ALONE_DATE = regex.compile(r"(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{4}|\p{L}{3,9}\s+\d{4}))")


def record_number(head: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The record's own number from its head ('Protokoll Nr. 61 vom ...', 'Niederschrifts-Nr. 66')."""
    for line in head[:EVIDENCE_LINES]:
        if any(p.match(line.text) for p in rules.lists["items"]):
            continue  # 'TOP 2 Genehmigung der Niederschrift Nr. 4 vom ...' names another record
        for pattern in rules.lists["record_numbers"]:
            match = pattern.search(line.text)
            if match:
                return match.group("number"), line
    return None


#: The label of a document's own version date in a meeting document's head ('Stand: 23.09.2022',
#: 'Version: V1 / 23.09.2022'): the day the sheet was made, where 'Datum:' is the session's.
_OWN_DATE = regex.compile(r"^\s*(?:Stand|Version)\s*:\s*(?P<rest>.+)$", regex.IGNORECASE)


def own_date(head: Sequence[Line]) -> tuple[dt.date, Line] | None:
    """The document's own date from a version row of its head ('Stand: ...', 'Version: ...')."""
    for line in head[:EVIDENCE_LINES]:
        match = _OWN_DATE.match(line.text)
        day = parse_date(match.group("rest")) if match else None
        if day is not None:
            return day, line
    return None


def fill_record_fields(
    ctx: Context,
    head: Sequence[Line],
    rules: MeetingRules,
    minutes: bool,
    dated: list[Line],
    table: Line | None = None,
) -> None:
    """Fill what the paper reader left empty and the record's head gives: the record's own
    ``number``; for minutes, the session's day as ``date`` (a record that prints no date of its
    own is dated by its session, as the Thurgau Protokoll and the Köln Wortprotokolle are; the
    session's day is on ``dated``). A date the paper reader took from an agenda table's rows (under
    its heading row ``table``: 'Genehmigung der Niederschrift über die Sitzung vom ...') is another
    session's, not the record's."""
    own = record_number(head, rules)
    if own and ctx.fields.values.get("number") is None:
        ctx.set("number", own[0], [own[1]], READ)
    version = own_date(head)
    if version is not None and ctx.fields.values.get("date") != version[0]:
        ctx.set("date", version[0], [version[1]], READ)
    meeting = ctx.fields.values.get("meeting")
    day: dt.date | None = getattr(meeting, "date", None)
    if table is not None and any(
        (p.page, p.bbox.top) >= (table.page, table.top) for p in ctx.fields.provenance.get("date", [])
    ):
        ctx.set("date", None, [])
    if minutes and day is not None and _cited(head, ctx.fields.provenance.get("date", [])):
        # A date alone under a line that ends in 'vom' ('Genehmigung der Niederschrift über die
        # Sitzung vom' / '20.12.2023', an item's wrapped title) is the date of what the text cites;
        # the minutes are dated by their session.
        ctx.set("date", None, [])
    if minutes and day is not None and ctx.fields.values.get("date") is None:
        ctx.set("date", day, dated, READ)


#: The end of a line whose date wrapped to the next: 'über die Sitzung vom', 'Schreiben vom'.
_CITES = regex.compile(r"\b(?:vom|am)\s*$", regex.IGNORECASE)


def _cited(lines: Sequence[Line], found: Sequence[Provenance]) -> bool:
    """Whether the date the paper reader found (``found``, its places) is a date alone on a line
    right under one that ends in 'vom' or 'am': the date a sentence cites, not the paper's own."""
    for place in found:
        for above, line in itertools.pairwise(lines):
            if line.page == place.page and abs(line.top - place.bbox.top) < 1.0 and above.page == line.page:
                return bool(_CITES.search(above.text)) and line.top - above.bottom < line.size
    return False


def close_public(ctx: Context, lines: Sequence[Line], rules: MeetingRules) -> None:
    """``public`` True for verbatim minutes whose chair closes the public part ('Damit bin ich am Ende
    des öffentlichen Teils': the record is of the public part), when nothing else set it."""
    if ctx.fields.values.get("public") is not None:
        return
    for k, line in enumerate(lines):
        before = lines[k - 1] if k else None
        if ends_public(before.text if before else "", line.text, rules):
            wrapped = before is not None and not rules.res["public_end"].search(line.text)
            ctx.set("public", True, [before, line] if before is not None and wrapped else [line], READ)
            return


def kind_doubt(ctx: Context, first: Sequence[Line], rules: MeetingRules, kind: str | None, strong: bool) -> None:
    """Warn (field ``kind``) when the signals for paper and meeting disagree or are weak: a paper
    whose page 1 is headed by a meeting type word with words of a session below it; a meeting
    document known only by a type word without a session's words (``strong`` False); a meeting
    document for which the paper reader found a Beratungsfolge."""
    message = None
    if kind is None:
        weak = weak_record_type(first[:EVIDENCE_LINES], rules)
        if weak is not None and weak[1] in first[:TYPE_LINES]:
            message = f"page 1 is headed '{weak[0]}' with few words of a session: read as a paper, it may be minutes"
    elif not strong:
        message = f"read as a meeting document ({kind}) by its type word alone, without the words of a session"
    elif ctx.fields.values.get("consultations"):
        message = f"read as a meeting document ({kind}), but a Beratungsfolge was found as in a paper"
    if message:
        ctx.warn(IssueCode.KIND_UNCERTAIN, message, field="kind")


def agenda_own_date(ctx: Context, lines: Sequence[Line], rules: MeetingRules, dated: list[Line]) -> None:
    """An Einladung's or Tagesordnung's own date is the day of its letter (eval/real/README.md):
    where no date or the session's day was read, a place-and-day line before the agenda gives it
    ('Zörbig, 21.07.2025', right of the address); one that prints none is dated by its session (as
    the Weimar Einladung of the fixtures is; the session's day is on ``dated``)."""
    meeting = ctx.fields.values.get("meeting")
    day: dt.date | None = getattr(meeting, "date", None)
    current = ctx.fields.values.get("date")
    if day is None or current not in (None, day) or not lines:
        return
    first = lines[0].page
    for line in lines:
        if line.page != first or rules.res["agenda"].match(line.text):
            break
        # 'Zörbig, 21.07.2025', or the day alone on its line ('04.09.2024' at the right, a letter typed
        # without its place): a session's day in the head stands after a label or in a sentence.
        placed = PLACED_DATE.fullmatch(line.text.strip()) or ALONE_DATE.fullmatch(line.text.strip())
        own = parse_date(placed.group("date")) if placed else None
        if own is not None:
            ctx.set("date", own, [line], READ)
            return
    if current is None:
        ctx.set("date", day, dated, READ)
