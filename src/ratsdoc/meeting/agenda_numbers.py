"""Agenda item numbers: their levels and styles (digits, Roman, Ö/N markers), whether a number
goes on with the list, and the next number at the items' x."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, mostly_bold
from .agenda_item import ALIGN, HEADING_CHARS, MARKER, MARKER_PREFIX, Item, match_item
from .rules import MeetingRules

#: The word that joins the numbers of items treated under one heading ('2 und 3', '4 bis 6').
_JOINED = regex.compile(r"\s+(?:und|u\.|\+|&|bis)\s+")


def levels(number: str, *, last: bool = False) -> list[int]:
    """The levels of an item number: 'Ö 3' -> [3], '3.1' -> [3, 1], '3 a' -> [3, 1], 'IV' -> [4];
    of joined numbers ('2 und 3') the first, or with ``last`` the last (the one the next item
    follows)."""
    joined = _JOINED.split(number)
    number = joined[-1] if last else joined[0]
    if roman(number):
        return [roman(number)]
    parts = regex.findall(r"\d+|[a-z]", MARKER_PREFIX.sub("", number))
    return [int(part) if part.isdigit() else ord(part) - ord("a") + 1 for part in parts]


#: A Roman number up to 39 ('IV', 'XII').
_ROMAN = regex.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")


def roman(number: str) -> int:
    """The value of a Roman item number ('IV' -> 4), else 0."""
    if not number or not _ROMAN.match(number):
        return 0
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in number]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def number_style(number: str) -> str:
    """How an item number is written: with an Ö/N marker, Roman, or plain digits."""
    return "marker" if MARKER.match(number) else "roman" if roman(number) else "digits"


def foreign(items: list[Item], number: str, public: bool | None) -> bool:
    """Whether item ``number`` is written unlike the list so far ('13' among 'Ö 1' .. 'N 12', a
    running head's session number) and does not follow it: no item of that list."""
    return (
        bool(items)
        and number_style(number) != number_style(items[-1].number)
        and not in_sequence(items, number, public)
    )


def in_sequence(items: list[Item], number: str, public: bool | None = None) -> bool:
    """Whether item ``number`` follows the items so far: the next number, or a sub-item of the
    current one (a numbered list inside the minutes breaks the sequence); the first item of a
    non-public part (``public`` False) may count from 1 again, or go on counting."""
    parts = levels(number)
    if not items:
        return parts[:1] in ([0], [1])
    last = levels(items[-1].number, last=True)
    if public is False and all(item.public is not False for item in items) and parts[:1] in ([0], [1]):
        return True
    return parts == [last[0] + 1] or (len(parts) > 1 and parts[0] == last[0])


def unmarked_next(line: Line, items: list[Item], rules: MeetingRules) -> regex.Match[str] | None:
    """Among 'TOP' items: a short numbered line at the x of the item lines that carries the next
    number ('4. Sonstiges' after 'TOP 3: ...'), or one set in up to the title's x that is bold as
    the item lines are ('3. Klimabudget' set in like the sub-topics 'c) ...' of the item above);
    an indented numbered list in plain text is no item."""
    if len(line.text) > HEADING_CHARS:
        return None
    return next_number(line, items, rules, subs=False) or _bold_next(line, items, rules)


def _bold_next(line: Line, items: list[Item], rules: MeetingRules) -> regex.Match[str] | None:
    """A bold line carrying the next number, set in between the item lines' x and the last
    title's x, where every item line is bold: a heading of the list's own level."""
    match = match_item(line.text, rules.lists["items"][1:])
    if match is None or not mostly_bold(line) or not all(item.lines and mostly_bold(item.lines[0]) for item in items):
        return None
    number = " ".join(match.group("number").split())
    if number_style(number) != number_style(items[-1].number) or levels(number) != [levels(items[-1].number)[0] + 1]:
        return None
    left = min(item.lines[0].x0 for item in items)
    return match if left - ALIGN <= line.x0 < items[-1].title_x else None


def next_number(line: Line, items: list[Item], rules: MeetingRules, *, subs: bool = True) -> regex.Match[str] | None:
    """A numbered line at the x of the item lines that carries the next number, written as they
    are; with ``subs`` also the next sub-item ('14 a' after '14', '3.2' after '3.1'), which may be
    indented up to the title's x."""
    match = match_item(line.text, rules.lists["items"][1:])
    if match is None or number_style(" ".join(match.group("number").split())) != number_style(items[-1].number):
        return None
    parts, last = levels(match.group("number")), levels(items[-1].number, last=True)
    lefts = [item.lines[0].x0 for item in items if item.lines]
    aligned = any(abs(line.x0 - x) <= ALIGN for x in lefts)
    if not last or not lefts:
        return None
    if parts == [last[0] + 1]:
        return match if aligned else None
    sub = subs and len(parts) == 2 and parts == [last[0], last[1] + 1 if len(last) > 1 else 1]
    return match if sub and min(lefts) - ALIGN <= line.x0 < items[-1].title_x else None


def restarts(items: Sequence[Item]) -> bool:
    """Whether the non-public part numbers its items from 1 again: an item 1 in both parts."""
    first = [item.public is False for item in items if levels(item.number)[:1] == [1]]
    return any(first) and not all(first)
