"""The session header of a meeting document: date, start, end, location and number, from
labelled blocks ('Beginn: 18:30 Uhr') or a session line ('3. Sitzung Donnerstag, 17.11.2022
18:30 Uhr Mönauschule')."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from ..layout.lines import Line, Token, narrow_cells
from ..text.dates import parse_date
from ..text.normalize import ICONS, join_lines
from .agenda_wrap import turned
from .rules import MeetingRules

#: A clock time: '18:30', '18.30 Uhr', '9 Uhr' (not the '13.02' of a date '13.02.2024').
_TIME = regex.compile(
    r"(?<![\d.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?![.\d])|(?<![\d.])(?P<h2>[01]?\d|2[0-3])\s*Uhr\b"
)
#: A line under the session line that is only its day ('12. März 2025', 'am Donnerstag, 12.03.2025') or
#: only its start ('17:00 Uhr', 'um 19.30 Uhr'), as invitations stack them under '5. Sitzung des ...'.
_DAY_LINE = regex.compile(
    r"^\s*(?:am\s+)?(?:\p{L}+,\s*)?(?:de[nm]\s+)?(?P<date>\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+)\s*\d{2,4})\s*,?\s*$",
    regex.IGNORECASE,
)
_START_LINE = regex.compile(r"^\s*(?:um\s+)?(?P<start>\d{1,2}(?:[:.]\d{2})?\s*Uhr)\s*$", regex.IGNORECASE)
#: The preposition that opens a place line under a session sentence ('im Sitzungssaal ...').
_IN_ROOM = regex.compile(r"^(?:im|in\s+der|in\s+dem)\s+(?=\p{Lu})")
#: How far below the first page's top the header block may go: the first lines of a document.
HEADER_LINES = 40
#: A wrapped value continues on the next line when it starts this close to the value's x.
ALIGN = 4.0
#: A gap wider than this share of the font size ends a value's cell (as in value_continuation).
CELL_GAP = 2.0


@dataclass(slots=True)
class Header:
    """The meeting fields found, and the lines each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, list[Line]] = field(default_factory=dict)
    #: True/False when the session line calls the session public or not ('1. öffentliche Sitzung').
    public: bool | None = None
    #: Fields read from the lines stacked under the session line ('5. Sitzung des ...' / '12. März 2025').
    stacked: set[str] = field(default_factory=set)
    #: Fields whose value ends in a comma where the head stops ('Sitzungsort: Kreishaus,' at a
    #: column's foot): the rest stands elsewhere, and the value is in doubt.
    cut: set[str] = field(default_factory=set)

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
        glued = 0 < match.end() < len(text) and not text[match.end() - 1].isspace() and not text[match.end()].isspace()
        if glued and 0 < before <= len(words):
            # The value glued to its label ('Sitzungsort:Sitzungssaal', its tab stop narrower than
            # the label): where it starts in their word, by the share of its letters before it.
            word = words[before - 1]
            ahead = len(text[: match.end()].split()[-1])
            x = word.x0 + (word.x1 - word.x0) * ahead / max(len(word.text), 1)
        if name == "location":
            # The place is the value's cell: a note set far to the right on the same row is not.
            value = _cell(line, x, value)
        found.append((name, value.strip() if name == "location" else _clean(value), x))
    return found


def _cell(line: Line, x: float, value: str) -> str:
    """``value`` up to the first gap wider than a cell gap after its start ``x`` on ``line``: the
    words of its cell, not those of a column further right."""
    words = [t for t in line.words if t.x0 >= x - ALIGN]
    kept: list[Token] = []
    for word in words:
        if kept and word.x0 - kept[-1].x1 > CELL_GAP * word.size:
            break
        kept.append(word)
    text = " ".join(t.text for t in kept)
    return text if kept and len(kept) < len(words) and value.strip().startswith(text) else value


#: A wrapped value's next line stands less than this many line heights under the line above.
ROW_SPACING = 0.8
#: A day's wrapped rest ('2025' under 'Dienstag, 27. Mai') may stand a row's space lower.
WRAPPED_DAY_SPACING = 1.5


def value_continuation(
    lines: Sequence[Line],
    index: int,
    x: float,
    rules: MeetingRules,
    *,
    running: bool = False,
    spacing: float = ROW_SPACING,
) -> list[str]:
    """Following lines that continue a wrapped value starting at ``x`` (the same column, no
    label), or, for a value in ``running`` text, at the start of the line it began on; a line
    further below than ``spacing`` line heights is none."""
    parts: list[str] = []
    previous = lines[index]
    starts = (x, previous.x0) if running else (x,)
    for line in lines[index + 1 : index + 4]:
        near = line.page == previous.page and line.top - previous.bottom < spacing * (previous.bottom - previous.top)
        x = next((s for s in starts if any(abs(t.x0 - s) <= ALIGN for t in line.words[:1])), x)
        words = [t for t in line.words if t.x0 >= x - ALIGN]
        if not near or not words or abs(words[0].x0 - x) > ALIGN or rules.res["header"].search(line.text):
            break
        if line.words[0].x0 < x - ALIGN:
            break  # a word in front of the value's column: the next row's label ('Version:', unknown)
        if _rows(line, rules):
            break  # the next row of a head without colons
        # Only the words of the value's column: a label block to the right is another field.
        column: list[Token] = []
        for word in words:
            if column and word.x0 - column[-1].x1 > 2 * word.size:
                break
            column.append(word)
        parts.append(" ".join(t.text for t in column))
        previous = line
    return parts


#: 'Zeit 09.30 Uhr bis 12.40 Uhr': a span gives the start and the end.
_SPAN = regex.compile(r"(?:\bbis\b|[-–])\s*(?P<end>\d{1,2}[:.]\d{2}(?:\s*Uhr)?)")
#: The kind of session before its word ('1. öffentliche Sitzung') is not part of its number.
_SESSION_KIND = regex.compile(r"(?<=^\d{1,3}\.)\s*(?:nicht[\s-]*)?öffentliche[nr]?\s+(?=Sitzung)", regex.IGNORECASE)


def _put_value(header: Header, name: str, value: str, line: Line) -> None:
    if name == "date":
        header.put("date", parse_date(value), line)
        header.put("start", parse_time(value.split(" ", 1)[-1]) if parse_date(value) else None, line)
    elif name in ("start", "end"):
        header.put(name, parse_time(value), line)
        span = _SPAN.search(value) if name == "start" else None
        if span:
            header.put("end", parse_time(span.group("end")), line)
    else:
        header.put(name, value, line)


def _rows(line: Line, rules: MeetingRules) -> list[tuple[str, str, float]]:
    """(field, value, x of the value) of a head row without colon: a label alone in the first
    cell and its value in the next ('Ort      Rathaus Frauenfeld', Swiss and Austrian minutes)."""
    segments = line.segments()
    if len(segments) < 2 or not _label_cell(segments[0], rules):
        # A web page pads its cells less than a column's gap: the label's cell and its value's.
        segments = narrow_cells(line)
    if len(segments) < 2:
        return []
    match = _label_cell(segments[0], rules)
    if match is None:
        return []
    name = next(n for n, v in match.groupdict().items() if v is not None)
    value = " ".join(t.text for segment in segments[1:] for t in segment)
    return [(name, value.strip() if name == "location" else _clean(value), segments[1][0].x0)]


def _term(head: Sequence[Line], index: int, rules: MeetingRules) -> list[tuple[str, str, float]]:
    """(field, value, x of the value) of a label set as a term over its value (a web page's list
    of terms: "Datum" in bold over "Dienstag, 07.06.2024"): the label alone on its line, bold, the
    value on the next line, set close below at the same left edge and not bold."""
    line = head[index]
    if index + 1 >= len(head) or not line.words or not all(t.bold for t in line.words):
        return []
    below = head[index + 1]
    if below.page != line.page or not below.words or any(t.bold for t in below.words):
        return []
    if abs(below.x0 - line.x0) > ALIGN or below.top - line.bottom > 0.8 * (line.bottom - line.top):
        return []
    label = line.text.rstrip(":").strip()
    match = rules.res["header"].match(label + ":")
    if match is None or match.end() != len(label) + 1:
        return []
    name = next(n for n, v in match.groupdict().items() if v is not None)
    value = below.text
    return [(name, value.strip() if name == "location" else _clean(value), below.x0)]


def _label_cell(cell: Sequence[Token], rules: MeetingRules) -> regex.Match[str] | None:
    """The match of a head label that is the whole of ``cell``, read with a colon after it."""
    label = " ".join(t.text for t in cell)
    match = rules.res["header"].match(label + ":")
    return match if match is not None and match.end() == len(label) + 1 else None


#: A place's part that ends in a lowercase word (an article, a preposition) goes on on the next line.
_WRAPPED_WORD = regex.compile(r"(?:^|\s)(?-i:\p{Ll}+)$")
#: A line that opens with a house or room number ('5', '104,', '1.05,') continues the part above.
_HOUSE_NUMBER = regex.compile(r"^\d{1,4}(?:\.\d{1,3})?\p{Ll}?(?:,|$)")


def _join_place(parts: list[str]) -> str:
    """A place wrapped over lines: 'Grundschule Büchenbach' / 'Dorfstraße 21' are two parts of
    an address, joined with a comma as the one-line form prints them; a part wrapped inside itself
    is joined with a space."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith(("-", "/")):
            out = join_lines([out, part])
        elif _WRAPPED_WORD.search(out) or _HOUSE_NUMBER.match(part):
            # Wrapped inside one part: after an article ('Sitzungssaal des' / 'Rathauses'), before
            # the number of a street or room ('Hauptstraße' / '5', 'Raum' / '104, Markt 1').
            out = f"{out} {part}"
        else:
            out = f"{out}{'' if out.endswith(',') else ','} {part}"
    return out


def _apart(line: Line) -> list[Line]:
    """``line`` as its rows: a head cell's wrapped row ('Aula Grundschule,' / 'Hauptstraße 6') that
    the layout put on the line of its label (a taller cell beside it spans both rows) is a line of
    its own, below the label's row. A token that overlaps the first row (an icon, a superscript)
    stays on it."""
    tokens = line.tokens
    if len(tokens) < 2:
        return [line]
    first = min(tokens, key=lambda t: t.top)
    row_bottom = max(t.bottom for t in tokens if t.top <= first.top + 0.5 * t.size)
    below = [t for t in tokens if t.top >= row_bottom - 0.1 * t.size]
    if not below or len(below) == len(tokens):
        return [line]
    lower = {id(t) for t in below}
    upper = [t for t in tokens if id(t) not in lower]
    return [Line(line.page, upper, line.furniture), *_apart(Line(line.page, below, line.furniture))]


#: A line that ends in a session's number ('Bekanntmachung der 5.', 'der 36. öffentlichen') ...
_NUMBER_END = regex.compile(r"(?:^|\s)\d{1,3}\.(?:\s+(?:nicht)?öffentliche[nr]?)?$", regex.IGNORECASE)
#: ... and a line that goes on with its session ('öffentlichen Sitzung des Kreistages').
_SESSION_START = regex.compile(r"^\s*(?:(?:nicht)?öffentliche[nr]?\s+)?Sitzung\b", regex.IGNORECASE)


def read_header(lines: Sequence[Line], rules: MeetingRules) -> Header:
    """The session fields from the first :data:`HEADER_LINES` lines of ``lines``."""
    header = Header()
    head = [row for line in lines[:HEADER_LINES] for row in _apart(line)]
    for index, line in enumerate(head):
        text = line.text
        found, at = _labelled(line, text, rules) or _rows(line, rules), index
        if not found:
            found, at = _term(head, index, rules), index + 1  # the value stands on the line below
        for name, value, x in found:
            if name == "date" and parse_date(value) is None:
                # The day wrapped in its narrow cell ('Sitzungstag: Dienstag, 27. Mai' over '2025').
                whole = " ".join([value, *value_continuation(head, at, x, rules)])
                if parse_date(whole) is None:
                    # ... set at the space between rows, not at the value's leading: the year
                    # under the value's start is taken where it makes the day whole.
                    wider = " ".join([value, *value_continuation(head, at, x, rules, spacing=WRAPPED_DAY_SPACING)])
                    whole = wider if parse_date(wider) is not None else whole
                value = whole
            if name == "location":
                joined = _join_place([value, *value_continuation(head, at, x, rules)])
                if joined.rstrip().endswith(","):
                    header.cut.add(name)
                value = _clean(joined)
                if "location" in header.values and value:
                    # 'Ort:' and 'Raum:' both given: the room follows the place.
                    header.values["location"] = f"{header.values['location']}, {value}"
                    continue
            _put_value(header, name, value, line)
    _sentence(header, head, rules)
    for index, line in enumerate(head):
        text = ICONS.sub("", line.text)
        if index + 1 < len(head) and _NUMBER_END.search(text) and _SESSION_START.match(head[index + 1].text):
            # 'Bekanntmachung der 5.' / 'öffentlichen Sitzung des ...': a heading broken after the number.
            text = f"{text} {head[index + 1].text}"
        for pattern in rules.lists["session"]:
            match = pattern.search(text)
            if match is None:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v}
            kind = _SESSION_KIND.search(groups.get("number", ""))
            if kind and header.public is None and "number" not in header.values:
                header.public = not kind.group().strip().casefold().startswith("nicht")
            header.put("number", _SESSION_KIND.sub(" ", _clean(groups.get("number", ""))), line)
            if "date" in groups:
                header.put("date", parse_date(groups["date"]), line)
            elif groups.get("number"):
                _stacked(header, head, index)
            if "start" in groups:
                header.put("start", parse_time(groups["start"]), line)
            if "location" in pattern.groupindex and "location" not in groups:
                # The place on the line below the session line ('... 18:30 Uhr •' / 'Schule, Straße 6').
                tail = value_continuation(head, index, line.x0, rules, running=True)
                # 'im Sitzungssaal des Rathauses' goes on with the sentence above: the room is the place.
                header.put("location", _IN_ROOM.sub("", _clean(_join_place(tail))), line)
            if "location" in groups:
                x = line.words[len(ICONS.sub("", line.text)[: match.start("location")].split())].x0
                tail = value_continuation(head, index, x, rules, running=True)
                header.put("location", _clean(_join_place([groups["location"], *tail])), line)
            break
    return header


#: How many lines of a paragraph a session sentence may run over (a gazette's narrow column breaks
#: 'Am Donnerstag, 23.01.2025, findet um 18:00 Uhr im ... statt.' over seven).
SENTENCE_LINES = 9


def _sentence(header: Header, head: Sequence[Line], rules: MeetingRules) -> None:
    """Date, start and place from a sentence of running text that names them all (an invitation's
    'hiermit lade ich Sie zur ... am Dienstag, 14. Mai 2025, 19:00 Uhr, in das Dorfgemeinschaftshaus,
    Hauptstraße 3, ein.'), read over the lines of its paragraph: a line break may fall anywhere in it."""
    if not rules.lists["session_sentences"]:
        return
    for index, line in enumerate(head):
        rows = [line]
        x = line.x0
        for below in head[index + 1 : index + SENTENCE_LINES]:
            previous = rows[-1]
            height = max(previous.bottom - previous.top, 1.0)
            if turned(below, previous):
                # The sentence goes on at the top of the next column (a gazette's notice).
                x = below.x0
            elif below.page != previous.page or below.top - previous.bottom > 0.8 * height:
                break
            if abs(below.x0 - x) > ALIGN:
                break
            rows.append(below)
        text = join_lines([ICONS.sub("", row.text) for row in rows])
        for pattern in rules.lists["session_sentences"]:
            match = pattern.search(text)
            if match is None:
                continue
            header.put("date", parse_date(match.group("date")), line)
            header.put("start", parse_time(match.group("start")), line)
            header.put("location", _clean(match.group("location")), line)
            if "number" in pattern.groupindex and match.group("number"):
                header.put("number", f"{match.group('number')} Sitzung", line)
            # The sentence that announces the session says whether it is public ('... findet ...
            # eine öffentliche Sitzung des Gemeinderates statt').
            said = next(
                (p.search(match.group(0)) for p in rules.lists["public_sessions"] if p.search(match.group(0))), None
            )
            if said is not None and header.public is None:
                header.public = said.group("not") is None
            return


def _stacked(header: Header, head: Sequence[Line], index: int) -> None:
    """The day and start on the lines right under the session line ``head[index]``, at its x."""
    line = head[index]
    for below in head[index + 1 : index + 3]:
        if below.page != line.page or abs(below.x0 - line.x0) > ALIGN:
            return
        day, start = _DAY_LINE.match(below.text), _START_LINE.match(below.text)
        if not (day or start):
            return
        name = "date" if day else "start"
        if name not in header.values:
            header.stacked.add(name)
        header.put(name, parse_date(day.group("date")) if day else parse_time(below.text), below)


#: The record's closing line: 'Schluss der Sitzung: 16.45 Uhr', 'Ende der Sitzung: 12.10 Uhr', '(Schluss: 19.45 Uhr)'.
_CLOSING = regex.compile(
    r"^\s*\(?\s*(?:Schluss|Ende)(?:\s+der\s+(?:Sitzung|Verhandlung))?\s*:?\s*(?P<time>\d{1,2}[.:]\d{2})\s*Uhr\s*\)?\.?\s*$",
    regex.IGNORECASE,
)
#: How many last lines of a record may hold its closing line (a signature may follow it).
CLOSING_LINES = 12


def closing_end(lines: Sequence[Line]) -> tuple[str, Line] | None:
    """The session's end from the closing line among the record's last lines, for a head that
    names only the start (a record of several days closes on its last day)."""
    for line in reversed(lines[-CLOSING_LINES:]):
        match = _CLOSING.match(line.text)
        time = parse_time(match.group("time")) if match else None
        if time is not None:
            return time, line
    return None
