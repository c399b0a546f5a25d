"""The session's date in the head of a meeting document: the dates that name the session itself
(a session line, a short date line by the start time), in line order, and whether they disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from ..layout.lines import Line
from ..text.dates import iter_dates, parse_date
from .head_lines import EVIDENCE_LINES, SHORT_LINE, line_text
from .rules import MeetingRules

#: A line that goes on with the date of the session named on the line above.
_CONTINUED = regex.compile(r"^\s*(?:am|vom)\s+(?:\p{L}+,\s*)?(?:de[nm]\s+)?\d")
#: A line that starts with a date ('29. September 2024'): not an item numbered 29.
_DATE_FIRST = regex.compile(r"^\s*\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+)\s*\d{4}\b")
#: A line that names a session ('... der 9. Sitzung des Rates', 'Sondersitzung', 'Niederschrift über die').
_NAMES_SESSION = regex.compile(r"Sitzung\b|\b(?:über\s+die|aus\s+der)\s*$", regex.IGNORECASE)


def _dated_session(text: str, rules: MeetingRules) -> dt.date | None:
    """The date of the first session pattern with a date in ``text`` (not one inside an agenda item)."""
    for pattern in rules.lists["session"]:
        match = pattern.search(text)
        if match is None or "date" not in pattern.groupindex or not match.group("date"):
            continue
        if match.start() > 0 and any(p.match(text) for p in rules.lists["items"]):
            continue  # 'TOP 2 Genehmigung der Niederschrift der 4. Sitzung vom ...'
        return parse_date(match.group("date"))
    return None


def session_date(
    head: Sequence[Line], rules: MeetingRules, table: Line | None = None
) -> tuple[list[tuple[dt.date, Line]], bool]:
    """Dates that name the session itself, in line order: from a session line ('Sitzung vom
    ...', 'Protokoll Nr. 5 vom ...'; not one inside an agenda item's text) and from a short date
    line beside or on the line of the start time ('Montag, 12. März 2024' / 'Beginn: 19 Uhr').
    Looked for above ``table``, the heading row of an agenda table, if there is one. Also whether
    they disagree."""
    found: list[tuple[dt.date, Line]] = []
    lines = list(head[:EVIDENCE_LINES])
    listed = False  # an agenda heading seen: its items follow
    for index, line in enumerate(lines):
        text = line_text(line)
        if table is not None and (line.page, line.top) >= (table.page, table.top):
            # The table's rows are items: 'Genehmigung der Niederschrift über die Sitzung vom ...' in one
            # is another session's.
            break
        if listed and any(p.match(text) for p in rules.lists["items"]):
            # The head ends where the agenda's items begin: a session named in a title's wrapped
            # line ('Genehmigung der Niederschrift über die' / 'öffentliche Sitzung vom 12.') is another.
            break
        listed = listed or rules.res["agenda"].match(text) is not None
        day = _dated_session(text, rules)
        # A session heading wrapped before its date ('... Sitzung des Rates am Montag, dem' / '23. August
        # 2021'); an agenda item below ('TOP 1 Genehmigung der Niederschrift der 4. Sitzung vom ...') is no part.
        nexts = []
        for following in lines[index + 1 : index + 3] if _NAMES_SESSION.search(text) else ():
            item = any(p.match(line_text(following)) for p in rules.lists["items"])
            if following.page != line.page or (item and not _DATE_FIRST.match(line_text(following))):
                break
            nexts.append(following)
        for k in range(len(nexts)) if day is None else ():
            day = _dated_session(" ".join([text, *(line_text(ln) for ln in nexts[: k + 1])]), rules)
            if day is not None:
                break
        found += [(day, line)] if day else []
        if index and _CONTINUED.match(text) and regex.search(r"Sitzung\b", line_text(lines[index - 1]), regex.I):
            # 'über die öffentliche Sitzung des Gemeinderates' / 'am Donnerstag, 14. März 2024, im ...'
            day = parse_date(text)
            found += [(day, line)] if day else []
        header = rules.res["header"].search(text)
        if header and header.group("start"):
            for near in lines[max(index - 1, 0) : index + 2]:
                short = near is line or len(line_text(near).split()) <= SHORT_LINE
                dates = [d for d, _, _ in iter_dates(line_text(near))] if near.page == line.page and short else []
                found += [(dates[0], near)] if len(set(dates)) == 1 else []
    found.sort(key=lambda pair: lines.index(pair[1]))
    return found, len({day for day, _ in found}) > 1
