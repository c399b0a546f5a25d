"""The session header of a meeting document: date, start, end, location and number, from
labelled blocks ('Beginn: 18:30 Uhr') or a session line ('3. Sitzung Donnerstag, 17.11.2022
18:30 Uhr Mönauschule')."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from ..layout.lines import Line, Token
from ..text.dates import parse_date
from ..text.normalize import join_lines
from .rules import MeetingRules

#: A clock time: '18:30', '18.30 Uhr', '9 Uhr' (not the '13.02' of a date '13.02.2024').
_TIME = regex.compile(
    r"(?<![\d.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?![.\d])|(?<![\d.])(?P<h2>[01]?\d|2[0-3])\s*Uhr\b"
)
#: How far below the first page's top the header block may go: the first lines of a document.
HEADER_LINES = 40
#: A wrapped value continues on the next line when it starts this close to the value's x.
ALIGN = 4.0


@dataclass(slots=True)
class Header:
    """The meeting fields found, and the lines each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, list[Line]] = field(default_factory=dict)

    def put(self, name: str, value: Any, line: Line) -> None:
        """Keep the first value found for ``name``."""
        if value and name not in self.values:
            self.values[name] = value
            self.where[name] = [line]


def parse_time(text: str) -> str | None:
    """The first clock time in ``text`` as 'HH:MM' ('18.30 Uhr', '9 Uhr')."""
    match = _TIME.search(text)
    if match is None:
        return None
    hour = match.group("h") or match.group("h2")
    return f"{int(hour):02d}:{match.group('m') or '00'}"


#: Private-use glyphs: icons of symbol fonts (a calendar or clock before the date and time in
#: Erlangen's invitations) that have no meaning as text.
_ICONS = regex.compile(r"\p{Co}")


def _clean(value: str) -> str:
    return value.strip(" ,;:-–")


def _labelled(line: Line, text: str, rules: MeetingRules) -> list[tuple[str, str, float]]:
    """(field, value, x of the value) of every 'Label: value' on ``line``."""
    found = []
    matches = list(rules.res["header"].finditer(text))
    for k, match in enumerate(matches):
        stop = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        name = next(n for n, v in match.groupdict().items() if v is not None)
        value = text[match.end() : stop]
        # The x where the value starts: the first word after the label's words.
        before = len(text[: match.end()].split())
        words = line.words
        x = words[before].x0 if before < len(words) else line.x1
        found.append((name, value.strip() if name == "location" else _clean(value), x))
    return found


def _continuation(
    lines: Sequence[Line], index: int, x: float, rules: MeetingRules, *, running: bool = False
) -> list[str]:
    """Following lines that continue a wrapped value starting at ``x`` (the same column, no
    label), or, for a value in ``running`` text, at the start of the line it began on."""
    parts: list[str] = []
    previous = lines[index]
    starts = (x, previous.x0) if running else (x,)
    for line in lines[index + 1 : index + 4]:
        near = line.page == previous.page and line.top - previous.bottom < 0.8 * (previous.bottom - previous.top)
        x = next((s for s in starts if any(abs(t.x0 - s) <= ALIGN for t in line.words[:1])), x)
        words = [t for t in line.words if t.x0 >= x - ALIGN]
        if not near or not words or abs(words[0].x0 - x) > ALIGN or rules.res["header"].search(line.text):
            break
        # Only the words of the value's column: a label block to the right is another field.
        column: list[Token] = []
        for word in words:
            if column and word.x0 - column[-1].x1 > 2 * word.size:
                break
            column.append(word)
        parts.append(" ".join(t.text for t in column))
        previous = line
    return parts


def _put_value(header: Header, name: str, value: str, line: Line) -> None:
    if name == "date":
        header.put("date", parse_date(value), line)
        header.put("start", parse_time(value.split(" ", 1)[-1]) if parse_date(value) else None, line)
    elif name in ("start", "end"):
        header.put(name, parse_time(value), line)
    else:
        header.put(name, value, line)


def read_header(lines: Sequence[Line], rules: MeetingRules) -> Header:
    """The session fields from the first :data:`HEADER_LINES` lines of ``lines``."""
    header = Header()
    head = list(lines[:HEADER_LINES])
    for index, line in enumerate(head):
        text = line.text
        for name, value, x in _labelled(line, text, rules):
            if name == "location":
                value = _clean(join_lines([value, *_continuation(head, index, x, rules)]))
                if "location" in header.values and value:
                    # 'Ort:' and 'Raum:' both given: the room follows the place.
                    header.values["location"] = f"{header.values['location']}, {value}"
                    continue
            _put_value(header, name, value, line)
    for index, line in enumerate(head):
        for pattern in rules.lists["session"]:
            match = pattern.search(_ICONS.sub("", line.text))
            if match is None:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v}
            header.put("number", _clean(groups.get("number", "")), line)
            if "date" in groups:
                header.put("date", parse_date(groups["date"]), line)
            if "start" in groups:
                header.put("start", parse_time(groups["start"]), line)
            if "location" in pattern.groupindex and "location" not in groups:
                # The place on the line below the session line ('... 18:30 Uhr •' / 'Schule, Straße 6').
                tail = _continuation(head, index, line.x0, rules, running=True)
                header.put("location", _clean(join_lines(tail)), line)
            if "location" in groups:
                x = line.words[len(_ICONS.sub("", line.text)[: match.start("location")].split())].x0
                tail = _continuation(head, index, x, rules, running=True)
                header.put("location", _clean(join_lines([groups["location"], *tail])), line)
            break
    return header
