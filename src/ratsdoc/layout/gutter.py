"""Where the gutter of a two-column page lies: the x that the lines leave free with running text
(or, for lists side by side, items) starting at one x right of it (:func:`candidate`); for verbatim
minutes, whose columns need not share baselines, a looser test (:func:`loose_gutter`); and for a
page whose right column is too short to show itself, the gutter the document's other pages share
(:func:`learnt_gutter`, :func:`short_column`) or the one its left column shows
(:func:`own_short_column`). The reading order built on it is :mod:`.columns`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

import regex

from .lines import Line, Token

#: Where a column gutter may lie, as shares of the page width (two columns of similar width).
GUTTER_RANGE = (0.35, 0.65)
#: Share of a page's lines that must leave the gutter free, and lines with text on both
#: sides of it, before the page counts as two-column (a table's cell gap is rarely that regular).
GUTTER_FREE_SHARE = 0.8
MIN_SPLIT_LINES = 4
#: The right column's lines start within this many points of each other.
COLUMN_ALIGN = 6.0
#: Lines across the gutter between column lines (not above or below the columns) that put the
#: order in doubt: one is a heading over both columns, more are text that may belong to either.
MAX_SPANNING = 1
#: Words a side of a line needs to count as running text (a table's cells hold fewer), and the
#: share of the two-sided lines that must hold that many on both sides.
MIN_SIDE_WORDS = 4
RUNNING_SHARE = 0.6


class Gutter(NamedTuple):
    """A gutter candidate at ``x``: ``aligned`` when the right column starts at one x, ``start``."""

    x: float
    aligned: bool
    start: float | None = None


def _words_a_side(lines: Sequence[Line], x: float) -> float:
    """The share of ``lines`` with at least :data:`MIN_SIDE_WORDS` words on each side of ``x``."""
    full = [
        ln
        for ln in lines
        if sum(t.x1 <= x for t in ln.words) >= MIN_SIDE_WORDS and sum(t.x0 >= x for t in ln.words) >= MIN_SIDE_WORDS
    ]
    return len(full) / len(lines) if lines else 0.0


def candidate(
    lines: Sequence[Line], width: float, running: bool, span: tuple[float, float] | None = None
) -> Gutter | None:
    """The x in :data:`GUTTER_RANGE` that most lines leave free while at least half have words
    on both sides; aligned when the right parts start at one x just after it (a table's last
    cell starts anywhere right of it). With ``running``, both sides must be running text (most
    lines hold :data:`MIN_SIDE_WORDS` words a side): a table's cells are shorter. Of the aligned
    x that pass, the one fewest lines of the columns cross wins (the first on a tie): a ragged
    left column's long lines cross an x left of the gutter that enough other lines leave free.
    Lines above the columns (a head) are not counted: they may end anywhere. ``span`` (left and
    right edge) looks between the columns of a part of the page instead of the page's middle."""
    if len(lines) < MIN_SPLIT_LINES:
        return None
    left, right = span or (0.0, width)
    low, high = (int(left + (right - left) * share) for share in GUTTER_RANGE)
    width = right - left
    ragged: Gutter | None = None
    best: tuple[int, Gutter] | None = None
    for x in range(low, high, 4):
        free = [ln for ln in lines if not any(t.x0 < x < t.x1 for t in ln.words)]
        if len(free) < GUTTER_FREE_SHARE * len(lines):
            continue
        # Words on both sides (a line's box also spans checkboxes and bullets, which are no text).
        both = [ln for ln in free if ln.words and ln.words[0].x0 < x < ln.words[-1].x1]
        if len(both) < max(MIN_SPLIT_LINES, len(lines) / 2):
            continue
        text = _words_a_side(both, x) >= RUNNING_SHARE
        if running and not text:
            continue
        starts = [min(t.x0 for t in ln.words if t.x0 >= x) for ln in both]  # a word may start right at x
        first = min(starts)
        aligned = sum(1 for s in starts if s - first <= COLUMN_ALIGN)
        if not running:
            # Lists side by side: the right list's numbers may hang left of its titles.
            rights = [[t for t in ln.words if t.x0 >= x] for ln in both]
            if sum(not all(_COUNT_CELL.match(t.text) for t in right) for right in rights) <= 1:
                continue  # a table's columns of counts under their heading ('Nein  Enthaltung'), no list
            aligned += _hanging([right for right in rights if right], first)
        if first - x <= width * 0.1 and aligned >= GUTTER_FREE_SHARE * len(both):
            top = min(ln.top for ln in both)
            crossing = sum(1 for ln in lines if ln.top >= top and crosses(ln, x))
            if best is None or crossing < best[0]:
                best = (crossing, Gutter((x + first) / 2 if first - x > 8 else x, True, first))
        elif ragged is None and text:
            ragged = Gutter(x, False)
    return best[1] if best else ragged


#: A table cell holding a count or an amount only ('21', '4.579', '12,5 %'): such cells side by
#: side are a table's columns of figures, not a list beside another.
_COUNT_CELL = regex.compile(r"^[\d.,:%+/–-]+$")


#: How far right of a list's numbers its hanging titles may start (a table of contents in two columns).
HANGING_INDENT = 50.0


def _hanging(right: Sequence[Sequence[Token]], first: float) -> int:
    """How many right parts start at one x a hanging indent right of ``first`` with a title word,
    not an item number (a numbered list whose wrapped titles start under the title, not under the
    number), when some start at ``first``."""
    rest = [w for w in right if w[0].x0 - first > COLUMN_ALIGN]
    if not rest or len(rest) == len(right):
        return 0
    indent = min(w[0].x0 for w in rest)
    if indent - first > HANGING_INDENT:
        return 0

    def hangs(part: Sequence[Token]) -> bool:
        """At the nearest indent, or at another one that recurs (two lists in one column, each
        with its own indent: an agenda's titles behind "1.", a notice's points behind "1.")."""
        x = part[0].x0
        if x - first > HANGING_INDENT or _ITEM_NUMBER.match(part[0].text):
            return False
        return x - indent <= COLUMN_ALIGN or sum(abs(w[0].x0 - x) <= COLUMN_ALIGN for w in rest) >= RECURRING

    return sum(1 for w in rest if hangs(w))


#: An indent that this many of a column's lines share is the column's own.
RECURRING = 3


#: An item number ('5', '5.2', '10.', a letter item 'A') that may hang left of a list's titles.
_ITEM_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\p{Lu})$")


def crosses(line: Line, x: float) -> bool:
    """Whether a word of ``line`` runs across ``x``."""
    return any(t.x0 < x < t.x1 for t in line.words)


#: A gap at the gutter narrower than this share of the type size is a word space, no gutter.
SPACE_GAP = 0.6
#: ... and no wider than this many times the line's other word spaces.
SPACE_RATIO = 1.5


def spans(line: Line, x: float) -> bool:
    """Whether ``line`` runs across the gutter at ``x``: a word across it, or words on both
    sides in one type set a word space apart (a running head or a heading over both columns
    whose words happen to leave ``x`` free), which is one line, not a line of each column. A
    bold heading that runs up to the other column's regular text stays two lines."""
    if crosses(line, x):
        return True
    words = line.words
    cut = next((k for k, t in enumerate(words) if t.x0 >= x), 0)
    if cut == 0:
        return False
    before, after = words[cut - 1], words[cut]
    if before.bold != after.bold or abs(before.size - after.size) > 0.5:
        return False
    gap = after.x0 - before.x1
    size = max(before.size, after.size)
    others = [b.x0 - a.x1 for k, (a, b) in enumerate(pairwise(words)) if k != cut - 1]
    spaces = sorted(others)[len(others) // 2] if others else gap
    return gap < SPACE_GAP * size and gap <= SPACE_RATIO * max(spaces, 0.0)


#: Loose test (verbatim minutes): the columns' lines need not share baselines, so few lines
#: have text on both sides; instead each side holds running text: the right parts start at one
#: x, and the left parts mostly run up to the gutter (a label/value table's labels do not).
LOOSE_FREE_SHARE = 0.9
LOOSE_ALIGNED_SHARE = 0.6
LOOSE_FILLED_SHARE = 0.5
LOOSE_MIN_LINES = 6
#: The loose gutter lies at least this many points left of the right column's start.
START_MARGIN = 2.0


def below_head(lines: Sequence[Line], x: float) -> list[Line]:
    """``lines`` from the right column's first line at ``x`` on (less a line's height above it,
    where the left column's first line may sit): the lines above are the head."""
    tops = [ln.top for ln in lines if sides(ln, x)[1] and not spans(ln, x)]
    if not tops:
        return list(lines)
    first = min(tops)
    return [ln for ln in lines if ln.top >= first - 1.5 * max((t.size for t in ln.words), default=0.0)]


def loose_gutter(lines: Sequence[Line], width: float) -> Gutter | None:
    """The gutter of a page of two independent columns of running text, or None: of the x that
    pass, the one fewest lines of the columns run across (:func:`spans`; nearest the middle on
    a tie); bold lines (headings over both columns) may cross the gutter. The head above the
    columns (:func:`below_head`) has no column lines: counted, a
    head line that happens to end inside the right column would favour an x there, and short
    head lines would look like a left column that does not run to the gutter."""
    low, high = (int(width * share) for share in GUTTER_RANGE)
    best: tuple[int, float, Gutter] | None = None
    # Headings over both columns (in bold) run across the gutter as they may: a first page of
    # short column sections between such headings has many.
    plain = [ln for ln in lines if not all(t.bold for t in ln.words)]
    for x in range(low, high, 2):
        if sum(1 for ln in plain if not crosses(ln, x)) < LOOSE_FREE_SHARE * len(plain):
            continue
        body = below_head(lines, x)
        free = len(lines) - sum(1 for ln in body if spans(ln, x))
        body = [ln for ln in body if not spans(ln, x)]
        if (best and free < best[0]) or _opened_across(plain, x) >= MIN_CUT_LINES:
            continue
        left = [w for w in ([t for t in ln.words if t.x1 <= x] for ln in body) if w]
        right = [w for w in ([t for t in ln.words if t.x0 >= x] for ln in body) if w]
        if len(left) < LOOSE_MIN_LINES or len(right) < LOOSE_MIN_LINES:
            continue
        first = min(w[0].x0 for w in right)
        aligned = sum(1 for w in right if w[0].x0 - first <= COLUMN_ALIGN) + _hanging(right, first)
        filled = sum(1 for w in left if x - w[-1].x1 <= width * 0.12)
        if (
            first - x <= width * 0.1
            and aligned >= LOOSE_ALIGNED_SHARE * len(right)
            and filled >= LOOSE_FILLED_SHARE * len(left)
        ):
            # Not at the column's very start: a word whose box begins a hair left of it ('–') would
            # cross it.
            gutter = Gutter((x + first) / 2 if first - x > 8 else min(float(x), first - START_MARGIN), True, first)
            key = (free, -abs(x - width / 2), gutter)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


#: Lines that open a column just left of an x and run across it before that x is taken for
#: inside a column (one may be a stray).
MIN_CUT_LINES = 2
#: A word opens a column when this many type sizes or more lie free before it on its line.
OPENING_GAP = 1.2


def _opened_across(lines: Sequence[Line], x: float) -> int:
    """How many ``lines`` have a word that opens a column less than a type size left of ``x`` and
    runs across it: ``x`` then lies inside the right column, whose lines start just left of it (a
    right column whose lines mostly start set in, long stage notes and paragraphs' first lines,
    shows its set-in lines as aligned right of such an x)."""
    count = 0
    for line in lines:
        words = line.words
        for k, token in enumerate(words):
            if not token.x0 < x < token.x1 or x - token.x0 >= token.size:
                continue
            if k == 0 or token.x0 - words[k - 1].x1 >= OPENING_GAP * token.size:
                count += 1
                break
    return count


def sides(line: Line, x: float) -> tuple[bool, bool]:
    """Whether ``line`` holds words left and right of ``x``."""
    return any(t.x1 <= x for t in line.words), any(t.x0 >= x for t in line.words)


#: A page's right parts that must start at the column start learnt on the document's other
#: pages, and its left parts that must run up to the gutter, before it is read as a short column.
SHORT_ALIGNED_SHARE = 0.5
#: A paragraph's first line is set in by at most this many type sizes.
PARAGRAPH_INDENT = 2.0


def short_column(lines: Sequence[Line], learnt: Gutter, width: float) -> bool:
    """Whether a page that no test split holds the two columns of ``learnt``, another page's
    gutter, with a right column too short to show itself (the last page of verbatim minutes:
    "Damit bin ich am Ende des öffentlichen Teils." alone at the top right): no line runs across
    the gutter, the right parts start at the learnt column start, and the left parts run up to
    the gutter (running text, not a table's cells)."""
    if learnt.start is None or any(crosses(ln, learnt.x) for ln in lines if not all(t.bold for t in ln.words)):
        return False  # a heading over both columns (in bold) may run across
    right = [w for w in ([t for t in ln.words if t.x0 >= learnt.x] for ln in lines) if w]
    left = [w for w in ([t for t in ln.words if t.x1 <= learnt.x] for ln in lines) if w]
    if not right or not left:
        return False
    # A right part starts at the column start, or set in by a paragraph's first-line indent.
    aligned = sum(1 for w in right if -COLUMN_ALIGN <= w[0].x0 - learnt.start <= PARAGRAPH_INDENT * w[0].size)
    filled = sum(1 for w in left if learnt.x - w[-1].x1 <= width * 0.12)
    return aligned >= SHORT_ALIGNED_SHARE * len(right) and filled >= LOOSE_FILLED_SHARE * len(left)


def columns_top(lines: Sequence[Line], learnt: Gutter, width: float) -> float | None:
    """Where the columns of ``learnt`` start on a page that a head takes most of (an attendance
    list, a table of contents whose lines run across the gutter): the top of the first row of
    both columns (the right part starting at the learnt column start, the left part running up to
    the gutter, a gutter's width apart) below the last line of regular type across the gutter, or
    None."""
    if learnt.start is None:
        return None
    across = [ln.bottom for ln in lines if spans(ln, learnt.x) and not all(t.bold for t in ln.words)]
    below = sorted((ln for ln in lines if ln.top >= max(across, default=0.0)), key=lambda ln: ln.top)
    for line in below:
        left = [t for t in line.words if t.x1 <= learnt.x]
        right = [t for t in line.words if t.x0 >= learnt.x]
        aligned = bool(right) and abs(right[0].x0 - learnt.start) <= COLUMN_ALIGN
        if aligned and left and learnt.x - left[-1].x1 <= width * 0.12 and not spans(line, learnt.x):
            return line.top
    return None


def own_short_column(lines: Sequence[Line], width: float) -> Gutter | None:
    """The gutter of a page of verbatim minutes whose right column is too short to show itself
    and whose document has no other two-column page to learn it from (a one-page record ending
    "Damit bin ich am Ende des öffentlichen Teils." / "(Schluss: 20.09 Uhr)" at the top right),
    or None. The left column shows it: at least :data:`LOOSE_MIN_LINES` lines of running text that
    run up to one x in :data:`GUTTER_RANGE` and none past it (a page of one column has lines
    across its middle), and the right parts start at one x just after it. The head above the
    columns (:func:`below_head`) may run across."""
    low, high = (int(width * share) for share in GUTTER_RANGE)
    for x in range(low, high, 2):  # the first x past the left column's longest line
        body = below_head(lines, x)
        if any(crosses(ln, x) for ln in body):
            continue
        left = [w for w in ([t for t in ln.words if t.x1 <= x] for ln in body) if w]
        right = [w for w in ([t for t in ln.words if t.x0 >= x] for ln in body) if w]
        if len(left) < LOOSE_MIN_LINES or not right or len(right) >= len(left):
            return None
        edge = max(w[-1].x1 for w in left)
        first = min(w[0].x0 for w in right)
        aligned = sum(1 for w in right if w[0].x0 - first <= COLUMN_ALIGN)
        filled = sum(1 for w in left if edge - w[-1].x1 <= width * 0.12)
        if first - edge > width * 0.1 or aligned < SHORT_ALIGNED_SHARE * len(right):
            return None
        if filled < LOOSE_FILLED_SHARE * len(left) or not low <= edge <= high:
            return None
        return Gutter((edge + first) / 2, True, first)
    return None


def learnt_gutter(gutters: Sequence[Gutter | None]) -> Gutter | None:
    """The gutter most of a document's two-column pages share (to the point), or None."""
    found = [g for g in gutters if g is not None and g.aligned and g.start is not None]
    if not found:
        return None
    counts: dict[int, list[Gutter]] = {}
    for gutter in found:
        counts.setdefault(round(gutter.x), []).append(gutter)
    return max(counts.values(), key=len)[0]


#: A river between columns whose lines need not share baselines: at most this share of the lines
#: run across it, and this share of the lines right of it start at one x.
RIVER_CROSSING = 0.1
RIVER_ALIGNED = 0.7


def river(lines: Sequence[Line], span: tuple[float, float]) -> Gutter | None:
    """The gutter in the middle of ``span`` (:data:`GUTTER_RANGE` of it) between two columns whose
    lines need not share baselines: an x that at most :data:`RIVER_CROSSING` of the lines cross
    (a head over the columns), with lines of words on each side of it and those right of it
    starting at one x just after it (a list's titles may hang behind its numbers)."""
    left, right = span
    low, high = (int(left + (right - left) * share) for share in GUTTER_RANGE)
    best: tuple[int, Gutter] | None = None
    tried = range(low, high, 2)
    crossed = _crossed(lines, tried)
    for x, hit in zip(tried, crossed, strict=True):
        crossing = len(hit)
        if crossing > RIVER_CROSSING * len(lines):
            continue
        kept = [ln for i, ln in enumerate(lines) if i not in hit]
        # Only the words within ``span``: a third column's lines right of it start at its own x.
        rights = [w for w in ([t for t in ln.words if x <= t.x0 < right] for ln in kept) if w]
        lefts = [ln for ln in kept if any(t.x1 <= x for t in ln.words)]
        if len(rights) < MIN_SPLIT_LINES or len(lefts) < MIN_SPLIT_LINES:
            continue
        first = min(w[0].x0 for w in rights)
        if first - x > (right - left) * 0.1:
            continue
        aligned = sum(1 for w in rights if w[0].x0 - first <= COLUMN_ALIGN) + _hanging(rights, first)
        if aligned >= RIVER_ALIGNED * len(rights) and (best is None or crossing < best[0]):
            best = (crossing, Gutter((x + first) / 2 if first - x > 8 else x, True, first))
    return best[1] if best else None


def _crossed(lines: Sequence[Line], tried: range) -> list[set[int]]:
    """For each x of ``tried`` (a range with step 2), the indexes of the ``lines`` a word of which
    runs across it (:func:`crosses` for all of them at once: each word marks the xs strictly
    inside it, rather than each x asking every word)."""
    hits: list[set[int]] = [set() for _ in tried]
    last = len(tried) - 1
    for i, line in enumerate(lines):
        for token in line.words:
            # The first x after the word's left edge and the last before its right edge.
            first = max(0, math.floor((token.x0 - tried.start) / 2) + 1)
            end = min(last, math.ceil((token.x1 - tried.start) / 2) - 1)
            for k in range(first, end + 1):
                hits[k].add(i)
    return hits


#: Three columns are of one width within these shares of their mean.
THREE_WIDTHS = (0.75, 1.3)


def three_columns(lines: Sequence[Line]) -> Gutter | None:
    """The first gutter of a page set in three columns of one width (a gazette's), whose lines
    need not share baselines: a :func:`river` in the middle of the first two thirds of the text's
    width and one in the middle of the last two thirds, the columns between them about as wide."""
    worded = [ln for ln in lines if ln.words]
    if len(worded) < 3 * MIN_SPLIT_LINES:
        return None
    edge = _text_edges(worded)
    third = (edge[1] - edge[0]) / 3
    first = river(worded, (edge[0], edge[1] - third))
    second = river(worded, (edge[0] + third, edge[1]))
    if first is None or second is None or first.start is None or second.start is None:
        return None
    widths = (first.x - edge[0], second.x - first.start, edge[1] - second.start)
    mean = sum(widths) / 3
    if not all(THREE_WIDTHS[0] * mean <= w <= THREE_WIDTHS[1] * mean for w in widths):
        return None
    columns = ((edge[0], first.x), (first.start, second.x), (second.start, edge[1]))
    full = [column for column in columns if filled(worded, column)]
    if len(full) == len(columns):
        return first
    # Two long columns of running text show the page's grid; the third may hold a list (a
    # notice's agenda) whose short lines do not fill it. A form's head in three columns (names
    # under "Anwesende", "Entschuldigt", "Verteiler") holds no such columns.
    return first if len(full) == 2 and all(_parts(worded, column) >= RUNNING_ROWS for column in full) else None


#: Rows a column of running text holds at least, to show a page's grid beside a list.
RUNNING_ROWS = 12


def _parts(lines: Sequence[Line], column: tuple[float, float]) -> int:
    """How many of ``lines`` have words starting in ``column`` (left and right edge)."""
    left, right = column
    return sum(1 for ln in lines if any(left <= t.x0 < right for t in ln.words))


#: The text's edges are where this many lines reach at least: a masthead or a title over the
#: columns, set larger, reaches further than the columns' text.
EDGE_LINES = 3


def _text_edges(worded: Sequence[Line]) -> tuple[float, float]:
    """The left and right edge of the text of ``worded``: reached by :data:`EDGE_LINES` lines."""
    lefts = sorted(ln.words[0].x0 for ln in worded)
    rights = sorted(ln.words[-1].x1 for ln in worded)
    k = min(EDGE_LINES, len(worded)) - 1
    return lefts[k], rights[-1 - k]


def two_columns(lines: Sequence[Line]) -> Gutter | None:
    """The gutter of a page set in two columns of running text whose lines need not share
    baselines (a gazette's page in two columns, each set with its own leading): a :func:`river`
    in the middle of the text's width with both columns filled by running text."""
    worded = [ln for ln in lines if ln.words]
    if len(worded) < 2 * MIN_SPLIT_LINES:
        return None
    edge = _text_edges(worded)
    found = river(worded, edge)
    if found is None or found.start is None:
        return None
    # The left column's right edge from the lines that keep to the columns: a masthead over
    # both reaches further.
    kept = [ln for ln in worded if not crosses(ln, found.x)]
    if _numbers_apart(kept, found.x) >= NUMBERED_ROWS:
        return None  # a table of contents: its page numbers and item numbers stand in columns of their own
    end = max((t.x1 for ln in kept for t in ln.words if t.x1 <= found.x), default=edge[0])
    # Columns of running text are about as wide as each other; a table's last column (its papers'
    # numbers beside the titles) is not.
    widths = (end - edge[0], edge[1] - found.start)
    if not THREE_WIDTHS[0] * widths[1] <= widths[0] <= THREE_WIDTHS[1] * widths[1]:
        return None
    columns = ((edge[0], end), (found.start, edge[1]))
    full = [filled(kept, column) for column in columns]
    if all(full):
        return found
    # A column of lists (a notice's agenda, a post's duties) beside one of running text shows the
    # page's grid where its lines reach its last quarter many times; a form's or a table's short
    # cells do not.
    return (
        found
        if any(full) and all(f or _reaching(kept, c) >= RUNNING_ROWS for f, c in zip(full, columns, strict=True))
        else None
    )


#: Rows whose left part ends in a number set a column's gap apart that make a page a list or a
#: table of contents, not two columns of running text.
NUMBERED_ROWS = 3
#: A dot leader between a title and its page number.
_LEADER = regex.compile(r"[.…·_ ]{3,}")
#: A gap wider than this many type sizes parts a number from the words before it (a tab, a leader).
COLUMN_GAP = 1.5


def _numbers_apart(lines: Sequence[Line], x: float) -> int:
    """How many of ``lines`` end left of ``x`` in a number (an item's "5.2", a page's "11") set
    more than :data:`COLUMN_GAP` type sizes apart from the words before it, or start right of
    it with two numbers (a page's number, then the next item's)."""
    count = 0
    for line in lines:
        left = [t for t in line.words if t.x1 <= x]
        right = [t for t in line.words if t.x0 >= x]
        if len(left) >= 2 and _ITEM_NUMBER.match(left[-1].text):
            gap = left[-1].x0 - left[-2].x1
            led = _LEADER.fullmatch(left[-2].text) is not None  # "Begrüßung ....... 2"
            count += led or gap > COLUMN_GAP * max(left[-1].size, left[-2].size)
        elif len(right) >= 2 and all(_ITEM_NUMBER.match(t.text) for t in right[:2]):
            count += 1
    return count


#: Running text fills its column: this share of a column's lines ends in its last quarter (a
#: form's labels and a table's short cells do not).
FILLED_SHARE = 0.4
FILLED_END = 0.75


def _ends(lines: Sequence[Line], column: tuple[float, float]) -> list[float]:
    """Where the parts of ``lines`` in ``column`` (left and right edge) end."""
    left, right = column
    return [max(t.x1 for t in part) for part in ([t for t in ln.words if left <= t.x0 < right] for ln in lines) if part]


def _reaching(lines: Sequence[Line], column: tuple[float, float]) -> int:
    """How many parts of ``lines`` in ``column`` end in its last quarter (:data:`FILLED_END`)."""
    left, right = column
    return sum(1 for end in _ends(lines, column) if end >= left + FILLED_END * (right - left))


def filled(lines: Sequence[Line], column: tuple[float, float]) -> bool:
    """Whether the parts of ``lines`` in ``column`` (left and right edge) are running text that fills
    it: :data:`FILLED_SHARE` of them end in its last quarter."""
    ends = _ends(lines, column)
    if len(ends) < MIN_SPLIT_LINES:
        return False
    return _reaching(lines, column) >= FILLED_SHARE * len(ends)


#: Blocks a side must open, and the share of them that open beside one of the other side's, for
#: the two sides of a gutter to be a table's columns.
TABLE_BLOCKS = 3
TABLE_SHARE = 0.6
#: Extra space above a line, beyond its side's line pitch, in type sizes, that opens a block.
BLOCK_SPACE = 0.3


#: Lines whose two sides open with the same two words, at least, and their share of the lines
#: with words on both sides, for the sides to be a synopsis's old and new wording.
MIRRORED_LINES = 3
MIRRORED_SHARE = 0.25


def _mirrored(lines: Sequence[Line], x: float) -> bool:
    """Whether the two sides of ``x`` hold the old and new wording of a synopsis: on many lines
    both sides open with the same two words ("§ 3 Gebührenhöhe (1) Die ..." beside "§ 3
    Gebührenhöhe (1) Die ..."), rows at one pitch or not. Columns of running text do not."""
    same = both = 0
    for line in lines:
        left = [t.text for t in line.words if t.x1 <= x][:2]
        right = [t.text for t in line.words if t.x0 >= x][:2]
        if left and right:
            both += 1
            same += len(left) == 2 and left == right
    return same >= MIRRORED_LINES and same >= MIRRORED_SHARE * both


def row_synchronous(lines: Sequence[Line], x: float) -> bool:
    """Whether the two sides of ``x`` are a table's columns, not columns of running text: the
    blocks of text on each side (lines set apart by more than their pitch) open side by side, a
    row's cells at one top, as a synopsis's old and new wording do, or the sides' lines open with
    the same words (:func:`_mirrored`; a synopsis whose rows stand at one pitch). Columns of running
    text open their paragraphs where their text happens to end."""
    lines = [ln for ln in lines if ln.words and not crosses(ln, x)]  # a head over both sides is neither
    if not lines:
        return False
    if _mirrored(lines, x):
        return True
    size = max(ln.size for ln in lines)
    starts: list[list[float]] = []
    for side in (0, 1):
        tops = [ln.top for ln in lines if any((t.x1 <= x) if side == 0 else (t.x0 >= x) for t in ln.words)]
        if len(tops) < TABLE_BLOCKS:
            return False
        gaps = [b - a for a, b in pairwise(tops) if b > a]
        pitch = min(gaps, default=0.0)
        starts.append([tops[0], *(b for a, b in pairwise(tops) if b - a > pitch + BLOCK_SPACE * size)])
    left, right = starts
    if len(left) < TABLE_BLOCKS or len(right) < TABLE_BLOCKS:
        return False
    beside = sum(1 for top in left if any(abs(top - other) <= 1.0 for other in right))
    return beside >= TABLE_SHARE * len(left)
