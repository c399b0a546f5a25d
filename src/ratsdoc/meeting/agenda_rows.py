"""Agenda items without numbers: one item per table row under the agenda heading, as some
SD.NET/Somacos and Swiss lists print them (a ruled table, the title in one column, who reports and
the paper in columns right of it). Read only where no numbered item was found."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from ..layout.lines import Line
from .agenda_columns import SAME_ROW, strip_side_cells
from .agenda_item import ALIGN, HEADING_CHARS, Item, part_state
from .agenda_papers import whole_number
from .agenda_wrap import open_end
from .rules import MeetingRules

#: A row starts where the gap above a line exceeds the gap inside a cell by this share of the font size.
ROW_GAP = 0.25
#: Fewest lines at the title column that make a list.
MIN_LINES = 2


def _heading_row(line: Line) -> bool:
    """Whether ``line`` is a bold row of column headings ('Geschäft  Zuständig  Vorlage')."""
    segments = line.segments()
    return _all_bold(line) and len(segments) >= 2 and all(len(seg) <= 2 for seg in segments)


def _beside(line: Line, found: Sequence[Line]) -> bool:
    """Whether ``line`` holds side cells of a row in ``found`` that the layout read apart from it
    (a page's right columns read after its titles, 'GR Mester   21/9472'): on the row of one of
    them, right of it."""
    size = max((t.size for t in line.words), default=10.0)
    return any(
        row.page == line.page and abs(row.top - line.top) <= SAME_ROW * size and line.x0 >= row.x1 for row in found
    )


def _list_lines(lines: Sequence[Line], rules: MeetingRules) -> tuple[list[Line], dict[int, bool], list[Line], set[int]]:
    """The lines at the title column after the agenda heading, up to the first other line that is
    no part heading, head line or heading row; the part (public or not) of each by id; the lines
    of side cells read apart from their rows (:func:`_beside`); and the ids of the lines right
    under a part heading."""
    start = next(
        (k for k, ln in enumerate(lines) if rules.res["agenda"].match(ln.text) and len(ln.text) <= HEADING_CHARS), None
    )
    if start is None:
        return [], {}, [], set()
    after = [ln for ln in lines[start + 1 :] if ln.words]
    # The head under the heading ('12. März 2025', '17:00 Uhr', 'Ort: Rathaus') is no row.
    xs = Counter(
        round(ln.x0)
        for ln in after
        if not (rules.res["head_line"].match(ln.text) or rules.res["header"].match(ln.text))
    )
    if not xs:
        return [], {}, [], set()
    column = float(xs.most_common(1)[0][0])
    found: list[Line] = []
    parts: dict[int, bool] = {}
    public = True
    opened: set[int] = set()
    part_above = False
    for line in after:
        state = part_state(line.text, rules)
        if state is not None:
            public, part_above = state, True
            continue
        if abs(line.x0 - column) <= ALIGN:
            found.append(line)
            parts[id(line)] = public
            if part_above:
                opened.add(id(line))
            part_above = False
        elif found and _beside(line, found):
            continue
        elif found and not (rules.res["head_line"].match(line.text) or _heading_row(line)):
            break
    if len(found) > 1 and _all_bold(found[0]) and not _all_bold(found[1]):
        found = found[1:]  # the column's heading ('Betreff') over regular rows
    # Side cells read apart stand anywhere after their rows (after a page's last row, a signature).
    beside = [line for line in after if id(line) not in parts and found and _beside(line, found)]
    return found, parts, beside, opened


def _all_bold(line: Line) -> bool:
    return all(t.bold for t in line.words)


def _row_starts(found: Sequence[Line], rules: MeetingRules, opened: set[int]) -> tuple[list[bool], bool]:
    """Whether each line opens a row: the first, one under a part heading (ids ``opened``), one
    after a gap wider than the gap inside a cell, or, where the gaps are all alike, one that does
    not continue an open title; and whether the gaps told the rows apart."""
    # The gap over a part heading's row is no gap between two of the list's rows: counted, it made
    # every row of a table ruled row by row look like a cell's next line (browser prints).
    gaps = [
        line.top - previous.bottom if line.page == previous.page and id(line) not in opened else None
        for previous, line in pairwise(found)
    ]
    known = [g for g in gaps if g is not None]
    size = max((t.size for ln in found for t in ln.words), default=10.0)
    least = min(known, default=0.0)
    apart = any(g > least + ROW_GAP * size for g in known)
    starts = [True]
    for previous, line, gap in zip(found, found[1:], gaps, strict=False):
        lower = line.text.lstrip()[:1].islower()
        if whole_number(line.text, rules):
            starts.append(False)  # a paper number under its title
        elif id(line) in opened:
            starts.append(True)
        elif apart and gap is not None:
            starts.append(gap > least + ROW_GAP * size)
        else:
            starts.append(not lower and not open_end(previous.text, rules))
    return starts, apart or len(found) < 2


def unnumbered_rows(lines: Sequence[Line], rules: MeetingRules) -> list[Item]:
    """The items of an agenda table without numbers: each row's title lines joined, a line that
    is only a paper number kept as the item's paper, the side columns left out."""
    found, parts, beside, opened = _list_lines(lines, rules)
    if len(found) < MIN_LINES:
        return []
    items: list[Item] = []
    starts, apart = _row_starts(found, rules, opened)
    for line, start in zip(found, starts, strict=True):
        number = whole_number(line.text, rules)
        if start:
            items.append(Item("", [line.text.strip()], line.x0, parts[id(line)], lines=[line]))
        elif number:
            items[-1].paper_numbers.append(number)
        else:
            items[-1].title_parts.append(line.text.strip())
            items[-1].lines.append(line)
    strip_side_cells(items, lambda text, _: whole_number(text, rules))
    for line in beside:
        _take_papers(items, line, rules)
    items = [item for item in items if item.title]
    if items and not apart:
        items[0].doubts.append("the rows of the unnumbered list are told apart by their wording only")
    return items


def _take_papers(items: Sequence[Item], line: Line, rules: MeetingRules) -> None:
    """The paper number among the side cells of ``line``, read apart from its row, for the item
    whose title starts that row (the other cells name who reports)."""
    size = max((t.size for t in line.words), default=10.0)
    item = next(
        (
            it
            for it in items
            if any(ln.page == line.page and abs(ln.top - line.top) <= SAME_ROW * size for ln in it.lines)
        ),
        None,
    )
    if item is None:
        return
    for segment in line.segments():
        number = whole_number(" ".join(t.text for t in segment), rules)
        if number and number not in item.paper_numbers:
            item.paper_numbers.append(number)
