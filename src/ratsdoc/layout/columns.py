"""Reading order of multi-column pages: a page whose lines leave a gutter free, with running text
on both sides that starts at one x right of it, is read column by column; a page whose order
is in doubt (a ragged gutter, lines across the gutter between the column lines) says so in a
``reading_order_uncertain`` warning with its page.

The one column reader of the package: the layout stage orders every document's pages
(:func:`order_columns`, running text on both sides); the meeting reader asks again for lists
side by side and, in verbatim minutes, for columns whose lines do not share baselines
(:func:`reading_lines` with ``loose``: :func:`_loose_gutter`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

import regex

from ..issues import Issue, IssueCode
from ..text.normalize import ICONS, join_lines
from .lines import Line, Token

if TYPE_CHECKING:
    from ..regions import Layout

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


def _candidate(lines: Sequence[Line], width: float, running: bool) -> Gutter | None:
    """The x in :data:`GUTTER_RANGE` that most lines leave free while at least half have words
    on both sides; aligned when the right parts start at one x just after it (a table's last
    cell starts anywhere right of it). With ``running``, both sides must be running text (most
    lines hold :data:`MIN_SIDE_WORDS` words a side): a table's cells are shorter. Of the aligned
    x that pass, the one fewest lines of the columns cross wins (the first on a tie): a ragged
    left column's long lines cross an x left of the gutter that enough other lines leave free.
    Lines above the columns (a head) are not counted: they may end anywhere."""
    if len(lines) < MIN_SPLIT_LINES:
        return None
    low, high = (int(width * share) for share in GUTTER_RANGE)
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
            aligned += _hanging([right for right in rights if right], first)
        if first - x <= width * 0.1 and aligned >= GUTTER_FREE_SHARE * len(both):
            top = min(ln.top for ln in both)
            crossing = sum(1 for ln in lines if ln.top >= top and _crosses(ln, x))
            if best is None or crossing < best[0]:
                best = (crossing, Gutter((x + first) / 2 if first - x > 8 else x, True, first))
        elif ragged is None and text:
            ragged = Gutter(x, False)
    return best[1] if best else ragged


#: How far right of a list's numbers its hanging titles may start (a table of contents in two columns).
HANGING_INDENT = 40.0


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
    return sum(1 for w in rest if w[0].x0 - indent <= COLUMN_ALIGN and not _ITEM_NUMBER.match(w[0].text))


#: An item number ('5', '5.2', '10.', a letter item 'A') that may hang left of a list's titles.
_ITEM_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\p{Lu})$")


def _split(line: Line, x: float) -> tuple[Line | None, Line | None]:
    """The parts of ``line`` left and right of ``x`` (None for an empty side). A token across
    ``x`` (a mark or rule, never a word: a line with a word across is not split) goes with the
    side that holds most of it, so that nothing of the line is lost."""
    left = [t for t in line.tokens if t.x1 <= x or (t.x0 < x < t.x1 and x - t.x0 >= t.x1 - x)]
    right = [t for t in line.tokens if t.x0 >= x or (t.x0 < x < t.x1 and x - t.x0 < t.x1 - x)]
    return (Line(line.page, left) if left else None, Line(line.page, right) if right else None)


def _crosses(line: Line, x: float) -> bool:
    return any(t.x0 < x < t.x1 for t in line.words)


#: A gap at the gutter narrower than this share of the type size is a word space, no gutter.
SPACE_GAP = 0.6
#: ... and no wider than this many times the line's other word spaces.
SPACE_RATIO = 1.5


def _spans(line: Line, x: float) -> bool:
    """Whether ``line`` runs across the gutter at ``x``: a word across it, or words on both
    sides in one type set a word space apart (a running head or a heading over both columns
    whose words happen to leave ``x`` free), which is one line, not a line of each column. A
    bold heading that runs up to the other column's regular text stays two lines."""
    if _crosses(line, x):
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


def _below_head(lines: Sequence[Line], x: float) -> list[Line]:
    """``lines`` from the right column's first line at ``x`` on (less a line's height above it,
    where the left column's first line may sit): the lines above are the head."""
    tops = [ln.top for ln in lines if _sides(ln, x)[1] and not _spans(ln, x)]
    if not tops:
        return list(lines)
    first = min(tops)
    return [ln for ln in lines if ln.top >= first - 1.5 * max((t.size for t in ln.words), default=0.0)]


def _loose_gutter(lines: Sequence[Line], width: float) -> Gutter | None:
    """The gutter of a page of two independent columns of running text, or None: of the x that
    pass, the one fewest lines of the columns run across (:func:`_spans`; nearest the middle on
    a tie). The head above the columns (:func:`_below_head`) has no column lines: counted, a
    head line that happens to end inside the right column would favour an x there, and short
    head lines would look like a left column that does not run to the gutter."""
    low, high = (int(width * share) for share in GUTTER_RANGE)
    best: tuple[int, float, Gutter] | None = None
    for x in range(low, high, 2):
        if sum(1 for ln in lines if not _crosses(ln, x)) < LOOSE_FREE_SHARE * len(lines):
            continue
        body = _below_head(lines, x)
        free = len(lines) - sum(1 for ln in body if _spans(ln, x))
        body = [ln for ln in body if not _spans(ln, x)]
        if best and free < best[0]:
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
            gutter = Gutter((x + first) / 2 if first - x > 8 else float(x), True, first)
            key = (free, -abs(x - width / 2), gutter)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


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
    return _in_rows(part, lambda row, token: token.top < max(t.bottom for t in row) - STACK_OVERLAP * token.size)


def _sides(line: Line, x: float) -> tuple[bool, bool]:
    """Whether ``line`` holds words left and right of ``x``."""
    return any(t.x1 <= x for t in line.words), any(t.x0 >= x for t in line.words)


def _body_start(lines: Sequence[Line], x: float) -> int:
    """The index of the first line of the two-column body: the first line pair where both
    columns hold text (one line with words on both sides of ``x``, or, where the columns do not
    share baselines, two lines less than a word's size apart with words on either side). The
    lines above are the head (a city name at the top right, a title at the left: generated
    Wortprotokoll heads), read before the columns, not as their first lines; 0 when no pair."""
    for k, line in enumerate(lines):
        if _spans(line, x):
            continue
        left, right = _sides(line, x)
        if left and right:
            return k
        if k + 1 < len(lines) and (left or right) and not _crosses(line, x):
            below = lines[k + 1]
            size = max(t.size for t in (*line.words, *below.words))
            if below.top - line.top < size and _sides(below, x) == (right, left):
                return k
    return 0


def _gutter(lines: list[Line], width: float, running: bool, loose: bool) -> tuple[list[Line], Gutter | None]:
    """The page's lines and its gutter (None: one column). Read ``loose``, a page that the
    strict test does not split is read row by row (one line may hold several rows of the other
    column) and tested by :func:`_loose_gutter`."""
    worded = [ln for ln in lines if ln.words]
    gutter = _candidate(worded, width, running)
    if (gutter is None or not gutter.aligned) and loose and len(worded) >= MIN_SPLIT_LINES:
        lines = [row for line in worded for row in _rows(line)]
        gutter = _loose_gutter(lines, width)
    return lines, gutter


#: A page's right parts that must start at the column start learnt on the document's other
#: pages, and its left parts that must run up to the gutter, before it is read as a short column.
SHORT_ALIGNED_SHARE = 0.5


def _short_column(lines: Sequence[Line], learnt: Gutter, width: float) -> bool:
    """Whether a page that no test split holds the two columns of ``learnt``, another page's
    gutter, with a right column too short to show itself (the last page of verbatim minutes:
    "Damit bin ich am Ende des öffentlichen Teils." alone at the top right): no line runs across
    the gutter, the right parts start at the learnt column start, and the left parts run up to
    the gutter (running text, not a table's cells)."""
    if learnt.start is None or any(_crosses(ln, learnt.x) for ln in lines):
        return False
    right = [w for w in ([t for t in ln.words if t.x0 >= learnt.x] for ln in lines) if w]
    left = [w for w in ([t for t in ln.words if t.x1 <= learnt.x] for ln in lines) if w]
    if not right or not left:
        return False
    aligned = sum(1 for w in right if abs(w[0].x0 - learnt.start) <= COLUMN_ALIGN)
    filled = sum(1 for w in left if learnt.x - w[-1].x1 <= width * 0.12)
    return aligned >= SHORT_ALIGNED_SHARE * len(right) and filled >= LOOSE_FILLED_SHARE * len(left)


def _own_short_column(lines: Sequence[Line], width: float) -> Gutter | None:
    """The gutter of a page of verbatim minutes whose right column is too short to show itself
    and whose document has no other two-column page to learn it from (a one-page record ending
    "Damit bin ich am Ende des öffentlichen Teils." / "(Schluss: 20.09 Uhr)" at the top right),
    or None. The left column shows it: at least :data:`LOOSE_MIN_LINES` lines of running text that
    run up to one x in :data:`GUTTER_RANGE` and none past it (a page of one column has lines
    across its middle), and the right parts start at one x just after it. The head above the
    columns (:func:`_below_head`) may run across."""
    low, high = (int(width * share) for share in GUTTER_RANGE)
    for x in range(low, high, 2):  # the first x past the left column's longest line
        body = _below_head(lines, x)
        if any(_crosses(ln, x) for ln in body):
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


def _learnt(gutters: Sequence[Gutter | None]) -> Gutter | None:
    """The gutter most of a document's two-column pages share (to the point), or None."""
    found = [g for g in gutters if g is not None and g.aligned and g.start is not None]
    if not found:
        return None
    counts: dict[int, list[Gutter]] = {}
    for gutter in found:
        counts.setdefault(round(gutter.x), []).append(gutter)
    return max(counts.values(), key=len)[0]


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
    page whose columns do not share baselines (:func:`_loose_gutter`). ``learnt``, the gutter of
    the document's other pages, splits a page whose right column is short (:func:`_short_column`)."""
    lines, gutter = _gutter(lines, width, running, loose)
    return _ordered(lines, width, gutter, learnt, loose)


def _ordered(
    lines: list[Line], width: float, gutter: Gutter | None, learnt: Gutter | None, loose: bool
) -> tuple[list[Line], Issue | None]:
    """``lines`` read column by column at ``gutter`` (or ``learnt``, where the page shows a short
    right column), with a warning when the order is in doubt. ``loose``: a column's part of a
    line may hold several of its rows (the other column's row between them joined them into one
    line: a title's last row and its paper number "548/2024" under it); each is a line."""
    if gutter is None and learnt is not None and _short_column([ln for ln in lines if ln.words], learnt, width):
        gutter = learnt
    if gutter is None:
        return lines, None
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
    start = _body_start(lines, gutter.x)
    ordered += lines[:start]
    for line in lines[start:]:
        if _spans(line, gutter.x):
            across += 1
            ordered += left + right + [line]
            left, right = [], []
            continue
        between += across if seen_columns else 0
        seen_columns, across = True, 0
        for side, part in zip((left, right), _split(line, gutter.x), strict=True):
            side += (_stacked(part) if loose else [part]) if part else []
    ordered += left + right
    if between > MAX_SPANNING:
        message = f"page {page}: {between} lines across both columns stand between column lines; the order may be wrong"
        return ordered, Issue(IssueCode.READING_ORDER_UNCERTAIN, message, page)
    return ordered, None


def document_order(
    pages: Sequence[tuple[list[Line], float]], *, running: bool = True, loose: bool = False
) -> list[tuple[list[Line], Issue | None]]:
    """Each page of a document (its lines and width) in reading order (:func:`page_order`), a
    page whose right column is too short to show itself split at the gutter the document's
    other pages share (:func:`_learnt`)."""
    found = [_gutter(lines, width, running, loose) for lines, width in pages]
    learnt = _learnt([gutter for _, gutter in found])
    if loose and learnt is None:
        # No page shows the columns: a page may still show them by its left column alone.
        found = [
            (lines, gutter or _own_short_column([ln for ln in lines if ln.words], width))
            for (lines, gutter), (_, width) in zip(found, pages, strict=True)
        ]
    read = zip(found, pages, strict=True)
    return [_ordered(lines, width, gutter, learnt, loose) for (lines, gutter), (_, width) in read]


def order_columns(lines: list[Line], widths: dict[int, float]) -> tuple[list[Line], list[Issue]]:
    """All ``lines`` (in page order) with each page's body lines in reading order
    (:func:`document_order`); running headers and footers (``furniture``) keep their place above
    and below. ``widths`` maps page numbers to page widths."""
    out: list[Line] = []
    issues: list[Issue] = []
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    bodies = {number: [ln for ln in page_lines if not ln.furniture] for number, page_lines in by_page.items()}
    worded = [number for number, body in bodies.items() if body]
    read = dict(zip(worded, document_order([(bodies[n], widths.get(n, 595.0)) for n in worded]), strict=True))
    for number, page_lines in by_page.items():
        body = bodies[number]
        ordered, issue = read.get(number, (body, None))
        issues += [issue] if issue else []
        if ordered is body:
            out += page_lines
            continue
        top = body[0].top
        out += [ln for ln in page_lines if ln.furniture and ln.top < top]
        out += ordered
        out += [ln for ln in page_lines if ln.furniture and ln.top >= top]
    return out, issues


def _pages(layout: Layout) -> list[tuple[int, list[Line]]]:
    page_lines: dict[int, list[Line]] = {}
    for line in layout.body_lines:
        if line.words:
            page_lines.setdefault(line.page, []).append(line)
    return sorted(page_lines.items())


def reading_lines(layout: Layout, loose: bool = False) -> list[Line]:
    """The body lines (no running headers, footers, page numbers) in reading order, lists side
    by side read column by column too (:func:`document_order` without ``running``; its warnings
    were given by the layout stage); ``loose`` also splits pages whose columns do not share
    baselines (verbatim minutes)."""
    pages = [(lines, layout.page_width(page)) for page, lines in _pages(layout)]
    return [line for ordered, _ in document_order(pages, running=False, loose=loose) for line in ordered]


def loose_pages(layout: Layout) -> list[int]:
    """Pages read as two columns only by the loose test: their reading order is less certain."""
    out = []
    shown = False  # a page shows its columns to the strict test
    for page, lines in _pages(layout):
        width = layout.page_width(page)
        strict = _candidate(lines, width, running=False)
        shown = shown or (strict is not None and strict.aligned)
        if len(lines) >= MIN_SPLIT_LINES and (strict is None or not strict.aligned):
            out += [page] if _loose_gutter([row for ln in lines for row in _rows(ln)], width) is not None else []
    if not out and not shown:
        # Pages split by their left column alone (document_order), none showing the columns.
        for page, lines in _pages(layout):
            rows = [row for ln in lines for row in _rows(ln)]
            out += [page] if _own_short_column(rows, layout.page_width(page)) is not None else []
    return out


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
