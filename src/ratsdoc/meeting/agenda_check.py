"""Consistency checks on an agenda as read: numbering that skips or runs backwards, an empty or
cut title, paper-number text left in a title, the list and the minutes naming an item differently.
Each finding is a reason to doubt the list; the extractor turns them into one typed warning."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .agenda_item import ALIGN, Item
from .agenda_numbers import levels
from .agenda_wrap import follows, open_end
from .rules import MeetingRules

#: Text in a title that looks like a paper number ('0112/23', 'VO/2022/123', '20/MO 12/123').
_PAPER_LIKE = regex.compile(r"(?<![\w/])(?:\p{Lu}{1,5}/)?\d{1,5}/(?:\p{Lu}{1,4}\s?\d{1,5}/)?\d{2,5}(?![\w/])")
#: A span of years ('2024/2025', '2024/25') is no paper number.
_YEARS = regex.compile(r"^(?:19|20)\d\d/(?:(?:19|20)?\d\d)$")
#: How many findings the warning names.
SHOWN = 4


def _order(items: Sequence[Item]) -> list[str]:
    """Gaps and backward steps in the numbering; the non-public part may count from 1 again."""
    found: list[str] = []
    last: list[int] = []
    public: bool | None = None
    for item in items:
        parts = levels(item.number)
        if not parts:
            continue
        restart = public is not False and item.public is False and parts[:1] in ([0], [1])
        if not last:
            if parts[0] > 1:
                found.append(f"the first item is numbered {item.number}")
        elif restart:
            pass
        elif parts[0] == last[0]:
            # A sub-item: '3' then '3.1', '3.1' then '3.2' or '3 b'.
            if len(parts) == 1 or parts[1:] <= last[1:]:
                found.append(f"item {item.number} repeats or goes back")
            elif (len(parts) == len(last) and parts[-1] > last[-1] + 1) or (len(parts) > len(last) and parts[-1] > 1):
                found.append(f"numbering skips before {item.number}")
        elif parts[0] < last[0]:
            found.append(f"item {item.number} comes after {last[0]}")
        elif parts[0] > last[0] + 1 or (len(parts) > 1 and parts[1] > 1):
            found.append(f"numbering skips before {item.number}")
        last, public = levels(item.number, last=True), item.public
    return found


def _cut(item: Item, rules: MeetingRules) -> bool:
    """Whether the title looks cut: it ends in a hyphen or a word that needs a continuation, or the
    item's next line starts in lower case."""
    if open_end(item.title, rules):
        return True
    if not item.body or not item.lines:
        return False
    first, last = item.body[0], item.lines[-1]
    return _starts_lower(first.text) and follows(first, last) and first.x0 <= item.title_x + ALIGN


def _starts_lower(text: str) -> bool:
    """Whether ``text`` starts with a word in lower case that is no abbreviation ('gez.', 'i. A.'
    open a signature under the list, not the rest of a title)."""
    words = text.split()
    if not words or (words[0].endswith(".") and len(words[0]) <= _ABBREVIATION):
        return False
    first = words[0][:1]
    return first.isalpha() and first.islower()


#: Longest abbreviation (characters, with its full stop) that opens a line: 'gez.', 'i.A.'.
_ABBREVIATION = 5


def _paper_like(item: Item) -> bool:
    """Whether the title holds a paper number the item does not list."""
    for match in _PAPER_LIKE.finditer(item.title):
        number = " ".join(match.group().split())
        if not _YEARS.match(number) and number not in item.paper_numbers:
            return True
    return False


def agenda_doubts(items: Sequence[Item], rules: MeetingRules, *, ordered: bool = True) -> list[str]:
    """What is doubtful about ``items``: numbering (when ``ordered``: items of verbatim minutes are
    called in any order), empty or cut titles, paper numbers left in a title, and titles that the
    agenda and the minutes give differently."""
    found = _order(items) if ordered else []
    for item in items:
        name = item.number or "?"
        if not item.title.strip():
            found.append(f"item {name} has no title")
        elif _cut(item, rules):
            found.append(f"the title of item {name} looks cut")
        if _paper_like(item):
            found.append(f"the title of item {name} holds a paper number")
        if item.repeats:
            found.append(f"the agenda and the minutes title item {name} differently")
        found += item.doubts
    return found


def doubt_message(found: Sequence[str]) -> str:
    """One warning line for the findings of :func:`agenda_doubts`."""
    more = f" (and {len(found) - SHOWN} more)" if len(found) > SHOWN else ""
    return f"agenda items in doubt: {'; '.join(found[:SHOWN])}{more}"
