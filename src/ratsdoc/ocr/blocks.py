"""Reading order of an OCRed page with a side block: a narrow column of short lines beside the
running text (a letterhead's column of addresses, bank details and office hours) is read
after the text beside it, not row by row across both.

A scan's words come in rows across the whole page: Tesseract's layout mode 4 and a scanner's
own OCR layer both join words that stand at one height, so the lines of a letterhead's side
column end up inside the body's sentences ("… einen besonderen Handlungsbe- Köln darf
diesbezüglich …"). :func:`side_block_order` finds the gap between the two from the word boxes
alone and reads the body's lines first, then the side block's.

The gap is a vertical line that no word crosses over a run of consecutive rows, at which at
least :data:`MIN_STARTS` text segments start (a left-aligned column), with running text on one
side (most rows hold :data:`RUNNING_WORDS` words or more, as in :mod:`ratsdoc.layout.columns`)
and a narrow block of short rows on the other. A table is left alone: its cells stand in the
same rows (a side block has rows of its own between the body's, :data:`OWN_ROWS`), and its
columns of short cells have no running text beside them. Two columns of running text are
:mod:`ratsdoc.layout.columns`' job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..layout.lines import Line, Token
from ..layout.model import Shape
from ..layout.ruled_cells import ruled_cells

#: Segments of text that start at one x (within :data:`ALIGN` points) for a column to start there.
MIN_STARTS = 5
ALIGN = 3.0
#: Rows on each side of the gap for the page to have two blocks.
MIN_ROWS = 4
#: A row of running text holds at least this many words; the running side needs
#: :data:`RUNNING_SHARE` of its rows that long (the share :mod:`ratsdoc.layout.columns` uses).
RUNNING_WORDS = 4
RUNNING_SHARE = 0.5
#: The side block's rows hold at most this many words in the median, and the block is at most
#: this share of the page wide (a letterhead column is a sixth to a quarter of the page).
SIDE_WORDS = 4
SIDE_WIDTH = 0.35
#: Share of the side block's rows that stand alone, without body text beside them: a side
#: column's rows follow their own line pitch, a table's cells share their row.
OWN_ROWS = 0.3
#: A word crosses the gap when it reaches this share of its size beyond it on both sides.
CROSS = 0.5


class SideBlock(NamedTuple):
    """A side block: the gap's x, the first and last row (indices into the page's lines) it
    spans, and whether the side block is right of the gap."""

    x: float
    first: int
    last: int
    right: bool


def _crosses(line: Line, x: float) -> bool:
    return any(t.x0 < x - CROSS * t.size and t.x1 > x + CROSS * t.size for t in line.words)


def _halves(line: Line, x: float) -> tuple[list[Token], list[Token]]:
    """The tokens of ``line`` whose centre lies left and right of ``x``."""
    left = [t for t in line.tokens if (t.x0 + t.x1) / 2 < x]
    return left, [t for t in line.tokens if (t.x0 + t.x1) / 2 >= x]


def _rows(tokens: Sequence[Token]) -> list[list[Token]]:
    """``tokens`` grouped into rows: a token joins a row whose first token's band it overlaps by
    half the smaller height (rows merged across the gap come apart again)."""
    rows: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: ((t.top + t.bottom) / 2, t.x0)):
        for row in reversed(rows[-3:]):
            head = row[0]
            overlap = min(head.bottom, token.bottom) - max(head.top, token.top)
            if overlap >= 0.5 * min(head.bottom - head.top, token.bottom - token.top):
                row.append(token)
                break
        else:
            rows.append([token])
    return [sorted(row, key=lambda t: t.x0) for row in rows]


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.box is None and not t.bullet)


def _run(lines: Sequence[Line], x: float, starts: list[int], barriers: set[int]) -> tuple[int, int]:
    """The longest stretch of consecutive lines around ``starts`` that no word crosses at ``x``
    and that holds none of the lines in ``barriers``."""
    best = (0, -1)
    first = -1
    for index, line in enumerate([*lines, None]):
        if line is None or index in barriers or _crosses(line, x):
            if first >= 0:
                inside = sum(1 for s in starts if first <= s < index)
                if inside > sum(1 for s in starts if best[0] <= s <= best[1]):
                    best = (first, index - 1)
            first = -1
        elif first < 0:
            first = index
    return best


def _qualifies(lines: Sequence[Line], x: float, first: int, last: int, width: float) -> bool | None:
    """Whether the side block of the stretch ``first``..``last`` split at ``x`` lies right of
    the gap (True) or left of it (False); None when the stretch is no body beside a side block."""
    left: list[Token] = []
    right: list[Token] = []
    alone = {True: 0, False: 0}  # rows with tokens on one side only, by side
    for line in lines[first : last + 1]:
        a, b = _halves(line, x)
        left += a
        right += b
        if bool(a) != bool(b):
            alone[bool(b)] += 1
    sides = {False: _rows(left), True: _rows(right)}
    if min(len(rows) for rows in sides.values()) < MIN_ROWS:
        return None
    for side_right in (True, False):
        side, body = sides[side_right], sides[not side_right]
        tokens = right if side_right else left
        counts = sorted(_words(row) for row in side)
        running = sum(1 for row in body if _words(row) >= RUNNING_WORDS)
        if (
            counts[len(counts) // 2] <= SIDE_WORDS
            and max(t.x1 for t in tokens) - min(t.x0 for t in tokens) <= SIDE_WIDTH * width
            and running >= RUNNING_SHARE * len(body)
            and alone[side_right] >= OWN_ROWS * len(side)
        ):
            return side_right
    return None


def find_side_block(lines: Sequence[Line], width: float, shapes: Sequence[Shape] = ()) -> SideBlock | None:
    """The side block of a page's ``lines`` (top to bottom; the page ``width`` points wide), or
    None. Gap candidates are the x where :data:`MIN_STARTS` segments start after white. Lines
    with words in a ruled table cell (``shapes``: the page's rules) belong to no side block:
    the table's rows are kept together (:func:`~ratsdoc.layout.cells.join_wrapped_cells`)."""
    cells = ruled_cells(shapes)
    barriers = {
        index
        for index, line in enumerate(lines)
        if cells and any(cell.holds(token) for token in line.words for cell in cells)
    }
    starts: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        for segment in line.segments():
            starts.setdefault(round(segment[0].x0), []).append(index)
    best: SideBlock | None = None
    best_rows = 0
    for x in sorted(starts):
        if not 0.1 * width <= x <= 0.9 * width:
            continue
        near = sorted({i for other, rows in starts.items() if x <= other <= x + ALIGN for i in rows})
        if len(near) < MIN_STARTS:
            continue
        gap = x - 0.5  # just left of the aligned starts
        first, last = _run(lines, gap, near, barriers)
        if sum(1 for i in near if first <= i <= last) < MIN_STARTS or last - first + 1 <= best_rows:
            continue
        right = _qualifies(lines, gap, first, last, width)
        if right is not None:
            best, best_rows = SideBlock(gap, first, last, right), last - first + 1
    return best


def side_block_order(lines: list[Line], width: float, shapes: Sequence[Shape] = ()) -> list[Line]:
    """``lines`` of one page (top to bottom) in reading order: with a side block
    (:func:`find_side_block`), the lines above it, the body beside it, the side block, and the
    lines below; the page's lines as they are otherwise."""
    block = find_side_block(lines, width, shapes)
    if block is None:
        return lines
    page = lines[0].page
    left: list[Token] = []
    right: list[Token] = []
    for line in lines[block.first : block.last + 1]:
        a, b = _halves(line, block.x)
        left += a
        right += b
    body, side = (left, right) if block.right else (right, left)
    middle = [Line(page, row) for row in _rows(body)] + [Line(page, row) for row in _rows(side)]
    return [*lines[: block.first], *middle, *lines[block.last + 1 :]]
