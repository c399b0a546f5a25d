"""Reading order: body lines of each page, two-column pages read column by column."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token
from ..regions import Layout
from ..text.normalize import join_lines

#: Where a column gutter may lie, as shares of the page width (two columns of similar width).
GUTTER_RANGE = (0.35, 0.65)
#: Share of a page's lines that must leave the gutter free, and lines with text on both
#: sides of it, before the page counts as two-column (a table's cell gap is rarely that regular).
GUTTER_FREE_SHARE = 0.8
MIN_SPLIT_LINES = 4
#: The right column's lines start within this many points of each other.
COLUMN_ALIGN = 6.0


def _gutter(lines: Sequence[Line], width: float) -> float | None:
    """The x of a gutter between two columns of running text, None for a one-column page.

    Most lines leave it free, at least half have text on both sides, and on those the right
    parts start at one x just after it (a table's last cell starts anywhere right of it)."""
    if len(lines) < MIN_SPLIT_LINES:
        return None
    low, high = (int(width * share) for share in GUTTER_RANGE)
    for x in range(low, high, 4):
        free = [ln for ln in lines if not any(t.x0 < x < t.x1 for t in ln.words)]
        if len(free) < GUTTER_FREE_SHARE * len(lines):
            continue
        # Words on both sides (a line's box also spans checkboxes and bullets, which are no text).
        both = [ln for ln in free if ln.words[0].x0 < x < ln.words[-1].x1]
        if len(both) < max(MIN_SPLIT_LINES, len(lines) / 2):
            continue
        starts = [min(t.x0 for t in ln.words if t.x0 > x) for ln in both]
        first = min(starts)
        aligned = sum(1 for s in starts if s - first <= COLUMN_ALIGN)
        if first - x <= width * 0.1 and aligned >= GUTTER_FREE_SHARE * len(both):
            return (x + first) / 2 if first - x > 8 else x
    return None


#: Loose test (verbatim minutes): the columns' lines need not share baselines, so few lines
#: have text on both sides; instead each side holds running text: the right parts start at one
#: x, and the left parts mostly run up to the gutter (a label/value table's labels do not).
LOOSE_FREE_SHARE = 0.9
LOOSE_ALIGNED_SHARE = 0.6
LOOSE_FILLED_SHARE = 0.5
LOOSE_MIN_LINES = 6


def _loose_gutter(lines: Sequence[Line], width: float) -> float | None:
    """The gutter of a page of two independent columns of running text, or None: of the x that
    pass, the one most lines leave free (nearest the middle on a tie)."""
    low, high = (int(width * share) for share in GUTTER_RANGE)
    best: tuple[int, float, float] | None = None
    for x in range(low, high, 2):
        free = sum(1 for ln in lines if not any(t.x0 < x < t.x1 for t in ln.words))
        if free < LOOSE_FREE_SHARE * len(lines) or (best and free < best[0]):
            continue
        left = [w for w in ([t for t in ln.words if t.x1 <= x] for ln in lines) if w]
        right = [w for w in ([t for t in ln.words if t.x0 >= x] for ln in lines) if w]
        if len(left) < LOOSE_MIN_LINES or len(right) < LOOSE_MIN_LINES:
            continue
        first = min(w[0].x0 for w in right)
        aligned = sum(1 for w in right if w[0].x0 - first <= COLUMN_ALIGN)
        filled = sum(1 for w in left if x - w[-1].x1 <= width * 0.12)
        if (
            first - x <= width * 0.1
            and aligned >= LOOSE_ALIGNED_SHARE * len(right)
            and filled >= LOOSE_FILLED_SHARE * len(left)
        ):
            gutter = (x + first) / 2 if first - x > 8 else float(x)
            key = (free, -abs(x - width / 2), gutter)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _split(line: Line, x: float) -> tuple[Line | None, Line | None]:
    """The parts of ``line`` left and right of ``x`` (None for an empty side)."""
    left = [t for t in line.tokens if t.x1 <= x]
    right = [t for t in line.tokens if t.x0 >= x]
    return (Line(line.page, left) if left else None, Line(line.page, right) if right else None)


#: Tokens whose tops differ by more than this share of their size are on different rows.
ROW_TOLERANCE = 0.4


def _rows(line: Line) -> list[Line]:
    """``line`` split into rows of tokens at one height: columns whose baselines differ can
    give one line that holds several rows of the other column."""
    rows: list[list[Token]] = []
    for token in sorted(line.tokens, key=lambda t: (t.top, t.x0)):
        if rows and abs(token.top - rows[-1][0].top) <= ROW_TOLERANCE * token.size:
            rows[-1].append(token)
        else:
            rows.append([token])
    if len(rows) == 1:
        return [line]
    return [Line(line.page, sorted(row, key=lambda t: t.x0), line.furniture) for row in rows]


def _page_order(lines: list[Line], width: float, loose: bool = False) -> list[Line]:
    gutter = _gutter(lines, width)
    if gutter is None and loose and len(lines) >= MIN_SPLIT_LINES:
        lines = [row for line in lines for row in _rows(line)]
        gutter = _loose_gutter(lines, width)
    if gutter is None:
        return lines
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        if any(t.x0 < gutter < t.x1 for t in line.words):
            # A line across the gutter (a heading over both columns) ends the column block.
            ordered += left + right + [line]
            left, right = [], []
            continue
        a, b = _split(line, gutter)
        left += [a] if a else []
        right += [b] if b else []
    return ordered + left + right


def _pages(layout: Layout) -> list[tuple[int, list[Line]]]:
    page_lines: dict[int, list[Line]] = {}
    for line in layout.body_lines:
        if line.words:
            page_lines.setdefault(line.page, []).append(line)
    return sorted(page_lines.items())


def reading_lines(layout: Layout, loose: bool = False) -> list[Line]:
    """The body lines (no running headers, footers, page numbers) in reading order; ``loose``
    also splits pages whose columns do not share baselines (verbatim minutes)."""
    ordered: list[Line] = []
    for page, lines in _pages(layout):
        ordered += _page_order(lines, layout.page_width(page), loose)
    return ordered


def loose_pages(layout: Layout) -> list[int]:
    """Pages read as two columns only by the loose test: their reading order is less certain."""
    return [
        page
        for page, lines in _pages(layout)
        if len(lines) >= MIN_SPLIT_LINES
        and _gutter(lines, layout.page_width(page)) is None
        and _loose_gutter(lines, layout.page_width(page)) is not None
    ]


#: Private-use glyphs: icons of symbol fonts, no text.
_ICONS = regex.compile(r"\p{Co}")


def running_text(lines: Sequence[Line]) -> str:
    """The text of ``lines``, one line each, with line-end hyphenation undone ("Bei-" +
    "rat" → "Beirat") so that every word can be searched."""
    out: list[str] = []
    for line in lines:
        text = " ".join(_ICONS.sub("", line.text).split())
        if not text:
            continue
        if out and out[-1].endswith("-") and len(out[-1]) > 1 and out[-1][-2].isalpha() and text[:1].islower():
            out[-1] = join_lines([out[-1], text])
        else:
            out.append(text)
    return "\n".join(out)
