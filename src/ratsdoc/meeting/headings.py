"""Agenda items of verbatim minutes: bold headings with a hanging number ('3.1  Antrag der ...'),
wrapped under the title's first word, the paper number on a line of its own, called in any order
('Ich rufe auf: ...'), each followed by the debate on it."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line
from ..text.normalize import join_lines
from .agenda_columns import last_row
from .agenda_item import ALIGN, Item
from .agenda_papers import split_cells, take_numbers, whole_number
from .rules import MeetingRules
from .speeches import speaker_turn
from .toc import take_trailing

#: The hanging number of a heading: '1', '3.1.2', '10.' or a letter ('A', an Aktuelle Stunde).
_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\p{Lu})$")
#: A label line above a heading ('Tagesordnungspunkt'), part of the heading, not of a speech.
_LABEL = regex.compile(r"^\s*(?:Tagesordnungspunkt|TOP)\s*:?\s*$", regex.IGNORECASE)
#: Share of a line's characters in bold for it to count as a heading line.
BOLD_SHARE = 0.8


def _bold(line: Line) -> bool:
    chars = sum(len(t.text) for t in line.words)
    return chars > 0 and sum(len(t.text) for t in line.words if t.bold) >= BOLD_SHARE * chars


def _opens(line: Line) -> bool:
    """A bold line of a number and a title that starts with a capital or a quote."""
    words = line.words
    return (
        len(words) >= 2
        and _bold(line)
        and bool(_NUMBER.match(words[0].text))
        and (words[1].text[:1].isupper() or words[1].text[:1] in '„"')
        and not line.text.rstrip().endswith(":")
    )


def _session(line: Line, rules: MeetingRules) -> bool:
    """A session line ('33. Sitzung des Rates ...') is no item heading, though it is bold."""
    return any(p.match(line.text) for p in rules.lists["session"])


def read_headings(lines: Sequence[Line], rules: MeetingRules) -> list[Item]:
    """The items of ``lines`` (reading order) from their bold headings, each with the lines up
    to the next heading as its body; public True for the items before the phrase that closes the
    public part (``rules.public_end``), else None."""
    items: list[Item] = []
    reading: Item | None = None
    previous: Line | None = None
    closed_at: int | None = None
    starts: dict[int, list[float]] = {}
    for line in lines:
        if line.words:
            starts.setdefault(line.page, []).append(line.x0)
    for line in lines:
        if (
            reading is not None
            and previous is not None
            and (
                _under(reading, line, previous)
                or _paper_overleaf(line, previous, rules)
                or _title_overleaf(reading, line, previous, rules, starts.get(line.page, []))
            )
        ):
            if not _under(reading, line, previous):
                reading.title_x = line.x0  # the title goes on in the next column
            title, numbers = split_cells(line, line.text, rules, reading.title)
            reading.title_parts.append(title)
            reading.paper_numbers += [n for n in numbers if n not in reading.paper_numbers]
            reading.lines.append(line)
            take_numbers(reading, rules)
            previous = line
            continue
        reading = None
        if _opens(line) and not _session(line, rules):
            words = line.words
            number = words[0].text.rstrip(".")
            title, numbers = split_cells(line, " ".join(t.text for t in words[1:]), rules)
            title, numbers = _paper_row(line, title, numbers, rules)
            reading = Item(number, [title], words[1].x0, None, paper_numbers=numbers, lines=[line])
            if previous is not None and _LABEL.match(previous.text):
                if items and previous in items[-1].body:
                    items[-1].body.remove(previous)
                reading.lines.insert(0, previous)
            take_numbers(reading, rules)
            items.append(reading)
        elif items:
            body = items[-1].body
            if closed_at is None and ends_public(body[-1].text if body else "", line.text, rules):
                closed_at = len(items)
            body.append(line)
        previous = line
    for item in items[:closed_at] if closed_at is not None else []:
        item.public = True
    for item in items:
        # A verbatim record's heading may end in its paper number ('... Stellplatzsatzung 2350/2024').
        take_trailing(item, rules)
    return items


def ends_public(before: str, text: str, rules: MeetingRules) -> bool:
    """Whether ``text``, a line after ``before``, closes the public part ('Damit bin ich am Ende
    des öffentlichen Teils.'), alone or with the line before it: the phrase wraps like any other."""
    found = rules.res["public_end"].search
    return bool(found(text) or (before and found(join_lines([before, text]))))


def _paper_row(line: Line, title: str, numbers: list[str], rules: MeetingRules) -> tuple[str, list[str]]:
    """``title`` without the last row of a heading whose wrapped rows the layout joined into one
    line, when that row is only a paper number ('AN/0590/2024' under the title), and ``numbers``
    with it."""
    row = last_row(line.tokens)
    text = " ".join(t.text for t in row)
    number = whole_number(text, rules) if row else None
    if number is None or not title.endswith(text):
        return title, numbers
    return title[: -len(text)].rstrip(), [*numbers, *([number] if number not in numbers else [])]


def _paper_overleaf(line: Line, previous: Line, rules: MeetingRules) -> bool:
    """Whether ``line`` is a heading's paper number that a column or page break moved to the top
    of the next column ('AN/1234/2024' alone over the first speaker's turn): bold, nothing but a
    paper number, and above the heading's last line or on a later page."""
    return (
        _bold(line)
        and (line.page > previous.page or line.top < previous.top)
        and whole_number(line.text, rules) is not None
    )


def _title_overleaf(item: Item, line: Line, previous: Line, rules: MeetingRules, starts: Sequence[float]) -> bool:
    """Whether ``line`` goes on with the title of ``item`` at the top of the next column or page
    (a break inside the heading): bold, above the heading's last line or on a later page, neither a
    heading nor a speaker's turn of its own, after a title left open (a quotation not closed, a word
    divided at the line end) or at the heading's hanging indent from a column's start that lines
    of its page (``starts``, their x) show ('5.1.3 Fortschreibung des Integrierten' at a column's
    foot, 'Stadtentwicklungskonzeptes 2693/2024' 27 pt in from the next page's column; a speaker's
    name there starts at the column's edge)."""
    title = item.title
    unfinished = title.count("„") > title.count("“") or title.endswith("-")
    indent = item.title_x - item.lines[0].x0 if item.lines else 0.0
    hanging = indent > ALIGN and any(abs(line.x0 - indent - x) <= ALIGN for x in starts)
    return (
        (unfinished or hanging)
        and _bold(line)
        and (line.page > previous.page or line.top < previous.top)
        and not _opens(line)
        and speaker_turn(line.text, rules) is None
    )


def _under(item: Item, line: Line, previous: Line) -> bool:
    """Whether ``line`` continues the heading of ``item``: bold, at the title's x, right below."""
    height = max(previous.bottom - previous.top, 1.0)
    return (
        _bold(line)
        and line.page == previous.page
        and 0 <= line.top - previous.bottom < 0.9 * height
        and abs(line.x0 - item.title_x) <= ALIGN
    )
