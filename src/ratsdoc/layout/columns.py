"""Reading order of multi-column pages: a page whose lines leave a gutter free, with running text
on both sides that starts at one x right of it, is read column by column; a page whose order
is in doubt (a ragged gutter, lines across the gutter between the column lines) says so in a
``reading_order_uncertain`` warning with its page.

The one column reader of the package: the layout stage orders every document's pages
(:func:`order_columns`, running text on both sides); the meeting reader asks again for lists
side by side and, in verbatim minutes, for columns whose lines do not share baselines
(:func:`reading_lines` with ``loose``). Where a page's gutter lies is :mod:`.gutter`'s to say."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import regex

from ..issues import Issue, IssueCode
from ..text.normalize import ICONS, join_lines
from .gutter import (
    MAX_SPANNING,
    MIN_SPLIT_LINES,
    Gutter,
    candidate,
    columns_top,
    crosses,
    filled,
    learnt_gutter,
    loose_gutter,
    own_short_column,
    river,
    row_synchronous,
    short_column,
    sides,
    spans,
    three_columns,
    two_columns,
)
from .lines import Line, Token

if TYPE_CHECKING:
    from ..regions import Layout


def _split(line: Line, x: float) -> tuple[Line | None, Line | None]:
    """The parts of ``line`` left and right of ``x`` (None for an empty side). A token across
    ``x`` (a mark or rule, never a word: a line with a word across is not split) goes with the
    side that holds most of it, so that nothing of the line is lost."""
    left = [t for t in line.tokens if t.x1 <= x or (t.x0 < x < t.x1 and x - t.x0 >= t.x1 - x)]
    right = [t for t in line.tokens if t.x0 >= x or (t.x0 < x < t.x1 and x - t.x0 < t.x1 - x)]
    return (Line(line.page, left) if left else None, Line(line.page, right) if right else None)


#: Tokens whose tops differ by more than this share of their size are on different rows.
ROW_TOLERANCE = 0.4


def _in_rows(line: Line, same: Callable[[list[Token], Token], bool]) -> list[Line]:
    """``line`` split into rows, top first: a token joins the row above it when ``same`` says so."""
    rows: list[list[Token]] = []
    for token in sorted(line.tokens, key=lambda t: (t.top, t.x0)):
        if rows and same(rows[-1], token):
            rows[-1].append(token)
        else:
            rows.append([token])
    if len(rows) == 1:
        return [line]
    return [Line(line.page, sorted(row, key=lambda t: t.x0), line.furniture) for row in rows]


def _rows(line: Line) -> list[Line]:
    """``line`` split into rows of tokens at one height: columns whose baselines differ can
    give one line that holds several rows of the other column."""
    return _in_rows(line, lambda row, token: abs(token.top - row[0].top) <= ROW_TOLERANCE * token.size)


#: A token starts a row below the tokens before it when it overlaps them by at most this share
#: of its size: rows stacked in a column do not overlap; words on one baseline in type of other
#: sizes or fonts (a bold number, a smaller paper number) overlap by most of their height.
STACK_OVERLAP = 0.15


def _stacked(part: Line) -> list[Line]:
    """``part``, one column's share of a line, split into the rows of that column it holds one
    above the other (the other column's row between them joined them into one line); a part on
    one baseline stays whole, its words in their order."""
    return _in_rows(part, lambda row, token: token.top < max(_bottom(t) for t in row) - STACK_OVERLAP * token.size)


#: A word's box is about one type size high; one joined over a line break ('Gegenstim-' / 'men')
#: reaches into the row below.
WORD_HEIGHT = 1.2


def _bottom(token: Token) -> float:
    """Where ``token`` ends for stacking rows: a word joined over a line break, whose box spans
    two rows, does not make its row reach into the next one (that row's words would be read
    into it, word by word)."""
    return min(token.bottom, token.top + WORD_HEIGHT * token.size)


def _extent(block: Sequence[Line]) -> tuple[float, float] | None:
    """The left and right edge of ``block``'s words, or None."""
    worded = [ln for ln in block if ln.words]
    if not worded:
        return None
    return min(ln.words[0].x0 for ln in worded), max(ln.words[-1].x1 for ln in worded)


def _sides(left: list[Line], right: list[Line], width: float, loose: bool) -> list[Line]:
    """The two sides of a gutter one after the other, each read column by column where it holds
    two columns as wide as the other side (a gazette's page of three columns split at one of its
    gutters)."""
    spans = _extent(left), _extent(right)
    if spans[0] is None or spans[1] is None:
        return left + right
    return _deeper(left, spans[1], width, loose) + _deeper(right, spans[0], width, loose)


def _deeper(block: list[Line], other: tuple[float, float], width: float, loose: bool) -> list[Line]:
    """``block`` read column by column where a gutter parts it into two columns each about as
    wide as ``other``, the extent of the other side's column."""
    worded = [ln for ln in block if ln.words]
    span = _extent(worded)
    if len(worded) < MIN_SPLIT_LINES or span is None:
        return block
    if span[1] - span[0] < width * MIN_SPAN_SHARE:
        # Too narrow for two columns of its own, unless the second is short (:func:`_on_grid`).
        gridded = _on_grid(worded, span, other)
        return block if gridded is None else _in_columns(block, width, gridded, loose, deeper=True)[0]
    gutter = candidate(worded, width, False, span)
    if gutter is None or not gutter.aligned:
        # The two columns need not share baselines; then both are running text that fills them.
        gutter = river(worded, span)
        if gutter is not None and gutter.start is not None:
            edge = max((t.x1 for ln in worded for t in ln.words if t.x1 <= gutter.x), default=span[0])
            if not (filled(worded, (span[0], edge)) and filled(worded, (gutter.start, span[1]))):
                gutter = None
    column = other[1] - other[0]
    if gutter is None or not gutter.aligned or gutter.start is None:
        gridded = _on_grid(worded, span, other)
        return block if gridded is None else _in_columns(block, width, gridded, loose, deeper=True)[0]
    edge = max((t.x1 for ln in worded for t in ln.words if t.x1 <= gutter.x), default=span[0])
    parts = (edge - span[0], span[1] - gutter.start)
    if not all(SAME_WIDTH[0] * column <= part <= SAME_WIDTH[1] * column for part in parts):
        return block
    return _in_columns(block, width, gutter, loose, deeper=True)[0]


#: Lines a short column on the page's grid holds at least (a signature's last line alone at its top).
GRID_LINES = 1


def _on_grid(worded: Sequence[Line], span: tuple[float, float], other: tuple[float, float]) -> Gutter | None:
    """The gutter of a side (``worded``, its extent ``span``) whose second column is too short to
    show a river (a notice's last lines, a signature at the top of a gazette's third column): the
    page's grid repeats the other side's column (``other``) and the gutter between the sides, and
    so puts the second column's start one column and one gutter right of the side's start. Found
    where :data:`GRID_LINES` lines start a word there and no word runs across the gutter before it."""
    column = other[1] - other[0]
    gap = span[0] - other[1] if other[1] <= span[0] else other[0] - span[1]
    if gap <= 0:
        return None
    start = span[0] + column + gap
    x = start - gap / 2
    if start >= span[1] or any(t.x0 < x < t.x1 for ln in worded for t in ln.words):
        return None
    opening = sum(1 for ln in worded if any(abs(t.x0 - start) <= _START_ALIGN for t in ln.words))
    # The side's first column fills its share of the grid: it reaches near the gutter.
    edge = max((t.x1 for ln in worded for t in ln.words if t.x1 <= x), default=span[0])
    if opening < GRID_LINES or edge - span[0] < SAME_WIDTH[0] * column:
        return None
    return Gutter(x, True, start)


#: A side of a gutter this share of the page wide may hold two columns of its own ...
MIN_SPAN_SHARE = 0.45
#: ... each of them this many times as wide as the other side's column.
SAME_WIDTH = (0.75, 1.3)


#: A head's line leaves this many type sizes free before the gutter and after the right column's start.
HEAD_GAP = 6.0


def _head_pair(line: Line, gutter: Gutter) -> bool:
    """Whether ``line``, with words on both sides of the gutter, is a head's line and no pair of
    column lines: its left part ends far before the gutter and its right part starts far right of
    the right column's start (a gazette's issue number at the left, its day at the right). A
    column's line runs up to the gutter or starts at the column (set in by a paragraph indent)."""
    if gutter.start is None:
        return False
    left = [t for t in line.words if t.x1 <= gutter.x]
    first = next(t for t in line.words if t.x0 >= gutter.x)
    size = first.size
    return gutter.x - left[-1].x1 > HEAD_GAP * size and first.x0 - gutter.start > HEAD_GAP * size


def _body_start(lines: Sequence[Line], gutter: Gutter) -> int:
    """The index of the first line of the two-column body: the first line pair where both
    columns hold text (one line with words on both sides of ``x``, or, where the columns do not
    share baselines, two lines less than a word's size apart with words on either side). The
    lines above are the head (a city name at the top right, a title at the left: generated
    Wortprotokoll heads), read before the columns, not as their first lines; 0 when no pair. A
    line whose right part starts far right of the right column's start is a head's line (a
    gazette's issue number at the left, its day at the right)."""
    x = gutter.x
    for k, line in enumerate(lines):
        if spans(line, x):
            continue
        left, right = sides(line, x)
        if left and right:
            if _head_pair(line, gutter):
                continue
            return k - 1 if k and _right_first(lines[k - 1], line, gutter) else k
        if k + 1 < len(lines) and (left or right) and not crosses(line, x):
            below = lines[k + 1]
            size = max(t.size for t in (*line.words, *below.words))
            if below.top - line.top < size and sides(below, x) == (right, left):
                return k
    return 0


def _right_first(above: Line, line: Line, gutter: Gutter) -> bool:
    """Whether ``above``, right over the first line pair ``line``, is the right column's first line,
    set a little higher than the left column's (verbatim minutes whose right column goes on from a
    stage note): words on the right only, starting at the right column's start, at the column's
    pitch over the pair. A head's line stands further above or elsewhere."""
    if gutter.start is None or not above.words or spans(above, gutter.x) or sides(above, gutter.x) != (False, True):
        return False
    size = max(t.size for t in (*above.words, *line.words))
    return (
        above.page == line.page
        and abs(above.words[0].x0 - gutter.start) <= _START_ALIGN
        and -0.2 * size <= line.top - above.bottom <= _PITCH_GAP * size
    )


#: How far (points) the right column's first line may start from the column's start.
_START_ALIGN = 2.0
#: The widest gap between a column's line and the next, in their type size: the column's own
#: line pitch (a heading or a head's line stands further apart).
_PITCH_GAP = 0.6


#: A heading over both columns leaves at least this many type sizes free above and below it (box
#: to box, the word that a joined hyphenation moved up included); lines of a column, and the rows
#: of a list, follow closer.
SET_OFF = 0.6
#: ... and both columns hold a line within this many type sizes above and below it.
BALANCED = 6.0
#: ... and it has at most this many lines, the first in bold: a longer run beside an empty column,
#: or one opened by running text, is a column's text.
HEADING_LINES = 6


def _set_apart(lines: Sequence[Line], start: int, x: float) -> set[int]:
    """Indices of the lines from ``start`` on that stand over both columns though they leave the
    right one free: short headings between two column sections ("5 Satzungen" / "5.1 Satzungen
    und Verordnungen", or the last line of a heading across the gutter). Taken from the top, such
    a run of lines, each left of the gutter or across it and none at the height of a right column
    line, is set off by space from the lines above and below it, and both columns end just above
    it and start again just below it (a typesetter balances the columns above a heading over
    both). A heading inside the left column has the right column's lines beside it; a list's
    wrapped title follows its first line closely. ``lines`` may come in any order (a page the
    layout stage already read column by column)."""
    order = sorted(range(start, len(lines)), key=lambda k: lines[k].top)
    right = [lines[k] for k in order if sides(lines[k], x)[1] and not spans(lines[k], x)]
    found: set[int] = set()
    k = 0
    while k < len(order):
        j = k
        while j < len(order) and _over_both(lines[order[j]], right, x):
            j += 1
        if j == k:
            k += 1
            continue
        # The run may begin with the left column's last lines (the right column's baselines are
        # elsewhere): a heading is the longest part of it that passes.
        first = k
        while first < j:
            ends = range(min(j, len(order) - 1), first, -1) if first else range(0)
            end = next((e for e in ends if _balanced(*_around(lines, order, first, e), x)), None)
            if end is not None:
                found.update(order[first:end])
            first = end or first + 1
        k = j
    return found


def _around(
    lines: Sequence[Line], order: Sequence[int], first: int, end: int
) -> tuple[list[Line], list[Line], list[Line]]:
    """The lines above ``order[first:end]``, those lines, and the lines below, from the top."""
    return (
        [lines[i] for i in order[:first]],
        [lines[i] for i in order[first:end]],
        [lines[i] for i in order[end:]],
    )


def _over_both(line: Line, right: Sequence[Line], x: float) -> bool:
    """Whether ``line`` may be part of a heading over both columns: words, none right of the
    gutter unless the line runs across it, and no line of the right column at its height."""
    if not line.words or (sides(line, x)[1] and not spans(line, x)):
        return False
    return not any(abs(other.top - line.top) <= ROW_TOLERANCE * line.size for other in right)


def _balanced(above: Sequence[Line], block: Sequence[Line], below: Sequence[Line], x: float) -> bool:
    """Whether ``block`` is set off from the lines ``above`` and ``below`` it (in order from the
    top), both columns holding a line just below it and just above it (or, a block all in bold,
    one column just above it); a block of at most :data:`HEADING_LINES` lines that opens with a
    bold one (see :func:`_set_apart`)."""
    if len(block) > HEADING_LINES or not all(t.bold for t in block[0].words):
        return False  # a heading opens with a bold line; a turn under a column heading does not
    size = max(ln.size for ln in block)
    top, bottom = block[0].top, block[-1].top
    free_above = top - max(ln.bottom for ln in above)
    free_below = min(ln.top for ln in below) - max(ln.bottom for ln in block)
    if free_above < SET_OFF * size or free_below < SET_OFF * size:
        return False
    near_above = [ln for ln in above if top - ln.top <= BALANCED * size and not spans(ln, x)]
    near_below = [ln for ln in below if ln.top - bottom <= BALANCED * size and not spans(ln, x)]
    if not all(any(sides(ln, x)[side] for ln in near_below) for side in (0, 1)):
        return False
    held = [any(sides(ln, x)[side] for ln in near_above) for side in (0, 1)]
    # Columns left unbalanced above a heading: one runs on to just above it, the other ended far
    # higher (or holds nothing above it). A heading inside a column cannot leave such a hole in the
    # other column, whose running text goes on beside it; a heading is set in bold.
    return all(held) or (any(held) and all(t.bold for ln in block for t in ln.words))


def _gutter(lines: list[Line], width: float, running: bool, loose: bool) -> tuple[list[Line], Gutter | None]:
    """The page's lines and its gutter (None: one column). Read ``loose``, a page that the
    strict test does not split is read row by row (one line may hold several rows of the other
    column) and tested by :func:`loose_gutter`."""
    worded = [ln for ln in lines if ln.words]
    gutter = candidate(worded, width, running)
    if not running and (gutter is None or not gutter.aligned):
        # Three columns whose lines do not share baselines show no two-sided lines (a gazette's
        # page as the meeting reader reads it; a paper's layout keeps a table's columns together).
        gutter = three_columns(worded) or gutter
    if not running and not loose and (gutter is None or not gutter.aligned):
        # Two columns of running text set each with its own leading (a gazette's page); verbatim
        # minutes (``loose``) have their own test of such pages below.
        gutter = two_columns(worded) or gutter
    if running and gutter is not None and row_synchronous(worded, gutter.x):
        # A table's columns whose cells are running text (a synopsis of old and new wording):
        # read row by row, as its rows open side by side.
        gutter = None
    if (gutter is None or not gutter.aligned) and loose and len(worded) >= MIN_SPLIT_LINES:
        lines = [row for line in worded for row in _rows(line)]
        gutter = loose_gutter(lines, width)
    return lines, gutter


def page_order(
    lines: list[Line],
    width: float,
    *,
    running: bool = True,
    loose: bool = False,
    learnt: Gutter | None = None,
) -> tuple[list[Line], Issue | None]:
    """``lines`` of one page in reading order: a two-column page column by column (a line
    across the gutter, a heading over both columns, ends a column block), and a warning when
    the order is in doubt; other pages as they are. ``running`` asks for running text in both
    columns (every document's layout); without it, lists side by side count too (the columns
    of an agenda or an attendance list in minutes). ``loose`` (verbatim minutes) also splits a
    page whose columns do not share baselines (:func:`loose_gutter`). ``learnt``, the gutter of
    the document's other pages, splits a page whose right column is short (:func:`short_column`)."""
    lines, gutter = _gutter(lines, width, running, loose)
    return _ordered(lines, width, gutter, learnt, loose, deeper=not running)


def _ordered(
    lines: list[Line], width: float, gutter: Gutter | None, learnt: Gutter | None, loose: bool, *, deeper: bool = False
) -> tuple[list[Line], Issue | None]:
    """``lines`` read column by column at ``gutter`` (or ``learnt``, where the page shows a short
    right column), with a warning when the order is in doubt. ``loose``: a column's part of a
    line may hold several of its rows (the other column's row between them joined them into one
    line: a title's last row and its paper number "548/2024" under it); each is a line."""
    head: list[Line] = []
    if gutter is None and learnt is not None:
        worded = [ln for ln in lines if ln.words]
        top = columns_top(worded, learnt, width)
        if short_column(worded, learnt, width):
            gutter = learnt
        elif top is not None and short_column([ln for ln in worded if ln.top >= top], learnt, width):
            # A head over most of the page, the columns below it: the head is read first, as it is.
            head = [ln for ln in lines if ln.top < top]
            lines, gutter = [ln for ln in lines if ln.top >= top], learnt
    if gutter is None:
        return lines, None
    ordered, issue = _in_columns(lines, width, gutter, loose, deeper=deeper)
    return head + ordered, issue


def _in_columns(
    lines: list[Line], width: float, gutter: Gutter, loose: bool, *, deeper: bool = False
) -> tuple[list[Line], Issue | None]:
    """``lines`` read column by column at ``gutter`` (see :func:`_ordered`); ``deeper`` reads a
    side that holds two columns itself column by column too (:func:`_sides`)."""
    page = lines[0].page
    if not gutter.aligned:
        message = f"page {page}: text on both sides of a ragged gap; read line by line, the order may be wrong"
        return lines, Issue(IssueCode.READING_ORDER_UNCERTAIN, message, page)
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    seen_columns = False  # column lines above
    across = 0  # lines across the gutter since the last column line
    between = 0  # lines across the gutter with column lines above and below
    # Headings over both columns between column sections are found from the top; where there
    # are any, the page is read from the top too (lines may come column by column from an
    # earlier reading that took such a heading for a line of the left column).
    by_top = sorted(lines, key=lambda ln: ln.top)
    start = _body_start(by_top, gutter)
    apart = _set_apart(by_top, start, gutter.x)
    if apart:
        lines = by_top
    else:
        start = _body_start(lines, gutter)
    ordered += lines[:start]
    for index, line in enumerate(lines[start:], start):
        if index not in apart and _into_gutter(line, left, gutter):
            left += _stacked(line) if loose else [line]  # the left column's line, run into the gutter
            continue
        if index in apart or spans(line, gutter.x):
            across += index not in apart  # a heading between balanced columns is no doubt
            ordered += (_sides(left, right, width, loose) if deeper else left + right) + [line]
            left, right = [], []
            continue
        between += across if seen_columns else 0
        seen_columns, across = True, 0
        for side, part in zip((left, right), _split(line, gutter.x), strict=True):
            side += (_stacked(part) if loose else [part]) if part else []
    ordered += _sides(left, right, width, loose) if deeper else left + right
    if between > MAX_SPANNING:
        message = f"page {page}: {between} lines across both columns stand between column lines; the order may be wrong"
        return ordered, Issue(IssueCode.READING_ORDER_UNCERTAIN, message, page)
    if between and loose:
        # Verbatim minutes: a line of regular text across the gutter that is no heading set apart
        # over both columns (a speaker's label run past its column's edge) ends the column block
        # there, and what the right column holds above it is read before the left column's rest.
        message = f"page {page}: a line runs across the gutter between column lines; the order may be wrong"
        return ordered, Issue(IssueCode.READING_ORDER_UNCERTAIN, message, page)
    return ordered, None


def _into_gutter(line: Line, left: Sequence[Line], gutter: Gutter) -> bool:
    """Whether ``line`` is a line of the left column that runs into the gutter but stops short of
    the right column's start ("„Umbenennung des Ausschusses für Soziales" at an agenda item's
    hanging indent in verbatim minutes): it starts left of the gutter, holds no word at or past
    the right column's start, and stands under the left column's last line at its pitch. A
    heading over both columns reaches past that start or is set apart."""
    if gutter.start is None or not left or not line.words or line.x0 >= gutter.x:
        return False
    above = left[-1]
    return (
        max(t.x1 for t in line.words) < gutter.start
        and above.page == line.page
        and 0 <= line.top - above.bottom <= _PITCH_GAP * line.size
    )


def document_order(
    pages: Sequence[tuple[list[Line], float]], *, running: bool = True, loose: bool = False
) -> list[tuple[list[Line], Issue | None]]:
    """Each page of a document (its lines and width) in reading order (:func:`page_order`), a
    page whose right column is too short to show itself split at the gutter the document's
    other pages share (:func:`learnt_gutter`)."""
    found = [_gutter(lines, width, running, loose) for lines, width in pages]
    if running:
        found = [
            (lines, None if k and _table_goes_on(found[k - 1], lines, gutter) else gutter)
            for k, (lines, gutter) in enumerate(found)
        ]
    learnt = learnt_gutter([gutter for _, gutter in found])
    if loose and learnt is None:
        # No page shows the columns: a page may still show them by its left column alone.
        found = [
            (lines, gutter or own_short_column([ln for ln in lines if ln.words], width))
            for (lines, gutter), (_, width) in zip(found, pages, strict=True)
        ]
    read = zip(found, pages, strict=True)
    return [_ordered(lines, width, gutter, learnt, loose, deeper=not running) for (lines, gutter), (_, width) in read]


def _table_goes_on(before: tuple[list[Line], Gutter | None], lines: list[Line], gutter: Gutter | None) -> bool:
    """Whether the page (or band) of ``lines``, split at ``gutter``, goes on with a table that the
    one ``before`` it ends in, read in one column: the last line before is a ruled row whose cell
    right of the gap starts where this page's right side does ('Der Gemeinderat beschließt ...  |  Die
    Mittel ...' at a page's foot), and both sides here open at one top, as a row's cells do. A table
    broken over a page without its header row repeated shows two blocks side by side, no columns."""
    if gutter is None or not gutter.aligned or gutter.start is None or before[1] is not None:
        return False
    last = next((ln for ln in reversed(before[0]) if ln.words), None)
    worded = [ln for ln in lines if ln.words]
    if last is None or not worded:
        return False
    cells = last.segments()
    # A ruled cell's: a line of two columns of text has no rule between its sides as a rule.
    if len(cells) < 2 or not any(cell[0].ruled and abs(cell[0].x0 - gutter.start) <= _CELL_ALIGN for cell in cells[1:]):
        return False
    left = min((t.top for ln in worded for t in ln.words if t.x1 <= gutter.x), default=None)
    right = min((t.top for ln in worded for t in ln.words if t.x0 >= gutter.x), default=None)
    return left is not None and right is not None and abs(left - right) <= _CELL_ALIGN


#: Points by which a table's cells may stand apart from the column edge or the top they share.
_CELL_ALIGN = 2.0


def _shape(line: Line) -> str:
    """``line``'s text with its numbers masked: a running line's shape from page to page."""
    return _NUMBERS.sub("#", line.text.casefold())


_NUMBERS = regex.compile(r"\d+")


def running_shapes(lines: Iterable[Line]) -> set[str]:
    """The shapes (:func:`_shape`) of the furniture of ``lines`` that recurs (on one sheet too: two
    pages printed on it, "Seite 1 von 2" in mid-page and "Seite 2 von 2" at its foot): running heads
    and feet, not a line marked once (a table of contents' line ending in its page number at the top
    of a tall page)."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.furniture:
            counts[_shape(line)] = counts.get(_shape(line), 0) + 1
    return {shape for shape, count in counts.items() if count >= 2}


def bands(page_lines: Sequence[Line], running: AbstractSet[str]) -> list[list[Line]]:
    """The body lines of one page (``page_lines`` with their furniture) cut into bands at each
    running line (its shape in ``running``, :func:`running_shapes`) that stands between body
    lines with none beside it (pages printed two on a sheet: the lower page's head in mid-page),
    each band read on its own: the columns of one printed page end above the next page's head, and
    the head above the columns of one does not count in the others' tests."""
    body = [ln for ln in page_lines if not ln.furniture]
    if not body:
        return []
    top, bottom = min(ln.bottom for ln in body), max(ln.top for ln in body)
    cuts = sorted(
        ln.top
        for ln in page_lines
        if ln.furniture
        and top <= ln.top
        and ln.bottom <= bottom
        and _shape(ln) in running
        and not any(other.top < ln.bottom and ln.top < other.bottom for other in body)
    )
    out: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    for line in body:
        out[sum(1 for cut in cuts if cut < line.top)].append(line)
    return [band for band in out if band]


def order_columns(lines: list[Line], widths: dict[int, float]) -> tuple[list[Line], list[Issue]]:
    """All ``lines`` (in page order) with each page's body lines in reading order
    (:func:`document_order`, each band between running lines in mid-page on its own, see
    :func:`bands`); running headers and footers (``furniture``) keep their place above, below and
    between. ``widths`` maps page numbers to page widths."""
    out: list[Line] = []
    issues: list[Issue] = []
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    running = running_shapes(lines)
    cut = {number: bands(page_lines, running) for number, page_lines in by_page.items()}
    keys = [(number, k) for number, page_bands in cut.items() for k in range(len(page_bands))]
    pages = [(cut[n][k], widths.get(n, 595.0)) for n, k in keys]
    read = dict(zip(keys, document_order(pages), strict=True))
    for number, page_lines in by_page.items():
        furniture = [ln for ln in page_lines if ln.furniture]
        if len(cut[number]) == 1 and read[(number, 0)][0] is cut[number][0]:
            out += page_lines  # the body as it was: every line keeps its place
            issue = read[(number, 0)][1]
            issues += [issue] if issue else []
            continue
        for k, band in enumerate(cut[number]):
            ordered, issue = read[(number, k)]
            issues += [issue] if issue else []
            top = band[0].top
            out += [ln for ln in furniture if ln.top < top]
            furniture = [ln for ln in furniture if ln.top >= top]
            out += ordered
        out += furniture
    return out, issues


def _pages(layout: Layout) -> list[tuple[int, list[Line]]]:
    """Each page's body lines with words, as bands between running lines in mid-page
    (:func:`bands`): (page, lines) for each band, in order."""
    page_lines: dict[int, list[Line]] = {}
    for line in layout.lines:
        if line.words:
            page_lines.setdefault(line.page, []).append(line)
    running = running_shapes(layout.lines)
    return [(page, band) for page, found in sorted(page_lines.items()) for band in bands(found, running)]


def reading_lines(layout: Layout, loose: bool = False) -> list[Line]:
    """The body lines (no running headers, footers, page numbers) in reading order, lists side
    by side read column by column too (:func:`document_order` without ``running``; its warnings
    were given by the layout stage); ``loose`` also splits pages whose columns do not share
    baselines (verbatim minutes)."""
    return reading_order(layout, loose)[0]


def reading_order(layout: Layout, loose: bool = False) -> tuple[list[Line], list[Issue]]:
    """:func:`reading_lines` and the doubts about the order of its pages; read ``loose``, also a
    line of running text across the gutter between column lines (the layout stage, which reads
    every document, lets one pass as a heading over both columns)."""
    pages = [(lines, layout.page_width(page)) for page, lines in _pages(layout)]
    read = document_order(pages, running=False, loose=loose)
    issues = [issue for _, issue in read if issue is not None]
    return [line for ordered, _ in read for line in ordered], issues


def loose_pages(layout: Layout) -> list[int]:
    """Pages read as two columns only by the loose test: their reading order is less certain."""
    out: list[int] = []
    shown = False  # a page shows its columns to the strict test
    for page, lines in _pages(layout):
        width = layout.page_width(page)
        strict = candidate(lines, width, running=False)
        shown = shown or (strict is not None and strict.aligned)
        if len(lines) >= MIN_SPLIT_LINES and (strict is None or not strict.aligned):
            out += [page] if loose_gutter([row for ln in lines for row in _rows(ln)], width) is not None else []
    if not out and not shown:
        # Pages split by their left column alone (document_order), none showing the columns.
        for page, lines in _pages(layout):
            rows = [row for ln in lines for row in _rows(ln)]
            out += [page] if own_short_column(rows, layout.page_width(page)) is not None else []
    return sorted(set(out))  # a page of several bands is named once


def running_text(lines: Sequence[Line]) -> str:
    """The text of ``lines``, one line each, with line-end hyphenation undone ("Bei-" +
    "rat" → "Beirat") so that every word can be searched."""
    out: list[str] = []
    for line in lines:
        text = " ".join(ICONS.sub("", line.text).split())
        if not text:
            continue
        if out and out[-1].endswith("-") and len(out[-1]) > 1 and out[-1][-2].isalpha() and text[:1].islower():
            out[-1] = join_lines([out[-1], text])
        else:
            out.append(text)
    return "\n".join(out)
