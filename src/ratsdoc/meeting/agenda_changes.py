"""The items of a changed agenda ('Nachtrag zur Tagesordnung', 'Geänderte Tagesordnung'): an item
taken off the agenda ('– abgesetzt –', under 'Abgesetzt werden:') is no item of the session, a new
item's mark ('(neu)', '*') and a moved item's note ('wird als TOP 3 behandelt') no part of its
title; a moved item carries the number it is now dealt with under (docs/evaluation.md)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line
from .agenda_item import Item
from .rules import MeetingRules
from .rules_patterns import FLAGS

#: The part a heading of new items names ('... im nichtöffentlichen Teil').
_PART = regex.compile(r"\b(?P<not>nicht[\s-]*)?öffentlichen\s+(?:Teil|Sitzung(?:steil)?)\b", FLAGS)


def _tail(patterns: list[str]) -> regex.Pattern[str]:
    """``patterns`` at the end of a title, after any space or dash."""
    return regex.compile(rf"\s*[–—-]?\s*(?:{'|'.join(f'(?:{p})' for p in patterns)})\s*[–—-]?\s*$", FLAGS)


def _heading(patterns: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"^\s*(?:{'|'.join(f'(?:{p})' for p in patterns)})", FLAGS)


def _struck(item: Item) -> bool:
    """Whether the words of the item's first line are struck through, all but a number or a mark."""
    words = [token for token in item.lines[0].tokens if len(token.text) > 2] if item.lines else []
    return bool(words) and sum(token.struck for token in words) >= 0.8 * len(words)


def _key(line: Line) -> tuple[int, float]:
    return line.page, round(line.top, 1)


def _remarks(item: Item, printed: dict[tuple[int, float], Line]) -> list[str]:
    """The cells of the item's first line as printed right of its number and title (a table's
    paper and remark columns: 'abgesetzt', 'wird als TOP 3 behandelt')."""
    line = printed.get(_key(item.lines[0])) if item.lines else None
    segments = line.segments() if line is not None else []
    # A remark wrapped in its cell ('wird als TOP 3' over 'behandelt') comes as one segment a row:
    # the rows of one column are one cell.
    cells: list[list[str]] = []
    starts: list[float] = []
    for segment in segments[2:]:
        at = next((k for k, x in enumerate(starts) if abs(x - segment[0].x0) <= _CELL_SLACK), None)
        if at is None:
            starts.append(segment[0].x0)
            cells.append([])
            at = len(cells) - 1
        cells[at] += [t.text for t in segment]
    return [" ".join(cell) for cell in cells]


#: Points by which the rows of one cell may start apart.
_CELL_SLACK = 3.0


def whole_list(items: Sequence[Item]) -> bool:
    """Whether a changed agenda repeats its whole list (its first item is item 1, 'Ö 1'), rather
    than naming its changes alone."""
    return bool(items) and items[0].number.split()[-1] in ("1", "1.")


def changed_items(
    items: Sequence[Item], lines: Sequence[Line], rules: MeetingRules
) -> tuple[list[Item], list[Line], bool]:
    """``items`` of a changed agenda as the session now deals with them (see the module), the
    lines of the items taken off (their paper numbers are theirs, not the document's) and whether
    any change was seen (an item taken off, a mark or a note)."""
    withdrawn, heading_off = _tail(rules.withdrawn_marks), _heading(rules.withdrawn_headings)
    heading_on, new = _heading(rules.change_headings), _tail(rules.new_marks)
    moved = [regex.compile(rf"\s*(?:{p})[\s.…]*$", FLAGS) for p in rules.moved_notes]  # a leader may follow
    starts = {_key(item.lines[0]): item for item in items if item.lines}
    # The lines as printed: an agenda table's columns right of the title were cut from the items'.
    printed = {_key(line): line for line in lines}
    off: set[int] = set()
    taking_off = False
    public: bool | None = None
    for line in lines:
        if heading_off.match(line.text):
            taking_off = True
        elif heading_on.match(line.text):
            taking_off = False
            # 'Neu aufgenommen werden im nichtöffentlichen Teil:' names the part of the items under it.
            part = _PART.search(line.text)
            public = None if part is None else not part.group("not")
        elif _key(line) in starts:
            if taking_off:
                off.add(id(starts[_key(line)]))
            elif starts[_key(line)].public is None:
                starts[_key(line)].public = public
    out = []
    gone: list[Line] = []
    seen = any(heading_on.match(line.text) for line in lines)  # 'Neu aufgenommen werden:' names changes
    for item in items:
        title = item.title
        remarks = _remarks(item, printed)
        if id(item) in off or withdrawn.search(title) or _struck(item) or any(withdrawn.fullmatch(r) for r in remarks):
            gone += item.lines + item.body
            continue
        # A remark column's "neu" or asterisk marks a new item.
        seen = seen or any(new.fullmatch(f"({text})") or text.strip() == "*" for text in remarks)
        for pattern in moved:
            for text in remarks:
                note = pattern.fullmatch(text)
                if note and note.groupdict().get("number"):
                    item.number = " ".join(note.group("number").split())
                    seen = True
            note = pattern.search(title)
            if note:
                title = title[: note.start()]
                if note.groupdict().get("number"):
                    item.number = " ".join(note.group("number").split())
        title = new.sub("", title)
        seen = seen or title.rstrip() != item.title
        item.title_parts = [title.rstrip()]
        out.append(item)
    return out, gone, seen or bool(gone)
