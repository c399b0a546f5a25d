"""Table cells rebuilt from a page's ruling lines and frames: the rules, merged where Word draws
them cell by cell, the smallest rectangles their corners close, and the tokens a vertical rule
parts from the word before them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .lines import Line, Token
from .model import Shape


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal (``at`` = y, span in x) or vertical (``at`` = x, span in y) rule."""

    at: float
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: the area between four rules, in page points (top-left origin)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, token: Token) -> bool:
        """Whether the centre of ``token`` lies inside the cell."""
        cx, cy = (token.x0 + token.x1) / 2, (token.top + token.bottom) / 2
        return self.x0 <= cx <= self.x1 and self.top <= cy <= self.bottom


#: Pairs of horizontal and vertical rules above which a page is not read for cells (a
#: drawing, or a hostile page: every pair is tested for a corner).
MAX_CROSSINGS = 10_000
#: Rules closer than this (pt) meet; edges closer than this are the same edge.
SNAP = 2.0
#: A shape thinner than this (pt) is a rule, not an area.
RULE_WIDTH = 2.0
#: Rectangles smaller than this (pt) on both sides are checkboxes, not frames.
BOX_SIZE = 20.0


def page_rules(shapes: Iterable[Shape]) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules: thin lines and rectangles, and the sides of frames."""
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for shape in shapes:
        if shape.kind == "curve":
            continue
        width, height = shape.x1 - shape.x0, shape.bottom - shape.top
        if width < BOX_SIZE and height < BOX_SIZE and not (width <= RULE_WIDTH or height <= RULE_WIDTH):
            continue  # a checkbox or a tick stroke, not a table
        if height <= RULE_WIDTH and width > RULE_WIDTH:
            horizontal.append(Rule((shape.top + shape.bottom) / 2, shape.x0, shape.x1))
        elif width <= RULE_WIDTH and height > RULE_WIDTH:
            vertical.append(Rule((shape.x0 + shape.x1) / 2, shape.top, shape.bottom))
        elif shape.kind == "rect" and shape.stroked:  # a frame: its four sides
            horizontal += [Rule(shape.top, shape.x0, shape.x1), Rule(shape.bottom, shape.x0, shape.x1)]
            vertical += [Rule(shape.x0, shape.top, shape.bottom), Rule(shape.x1, shape.top, shape.bottom)]
    return _merge(horizontal), _merge(vertical)


def _merge(rules: list[Rule]) -> list[Rule]:
    """Collinear rules that touch or overlap, joined (Word draws a table's rule cell by cell)."""
    lanes: list[list[Rule]] = []  # rules within SNAP of each other's position
    for rule in sorted(rules, key=lambda r: r.at):
        if lanes and rule.at - lanes[-1][-1].at <= SNAP:
            lanes[-1].append(rule)
        else:
            lanes.append([rule])
    merged: list[Rule] = []
    for lane in lanes:
        joined: list[Rule] = []
        for rule in sorted(lane, key=lambda r: r.start):
            last = joined[-1] if joined else None
            if last is not None and rule.start <= last.end + SNAP:
                joined[-1] = Rule(last.at, last.start, max(last.end, rule.end))
            else:
                joined.append(rule)
        merged += joined
    return merged


class _Lanes:
    """Rules by position, to ask quickly whether one runs along a stretch."""

    def __init__(self, rules: list[Rule]) -> None:
        self._lanes: dict[int, list[Rule]] = {}
        for rule in rules:
            self._lanes.setdefault(round(rule.at / SNAP), []).append(rule)

    def covered(self, at: float, start: float, end: float) -> bool:
        """Whether one rule at ``at`` runs from ``start`` to ``end``."""
        key = round(at / SNAP)
        return any(
            abs(r.at - at) <= SNAP and r.start <= start + SNAP and r.end >= end - SNAP
            for k in (key - 1, key, key + 1)
            for r in self._lanes.get(k, ())
        )


def ruled_cells(shapes: Iterable[Shape]) -> list[Cell]:
    """The cells that ruling lines and frames enclose: for every corner where a horizontal and a
    vertical rule meet, the smallest rectangle whose four sides are drawn."""
    return cells_between(*page_rules(shapes))


def cells_between(horizontal: list[Rule], vertical: list[Rule]) -> list[Cell]:
    """:func:`ruled_cells` from the page's rules."""
    if len(horizontal) * len(vertical) > MAX_CROSSINGS:
        return []  # a drawing or a hostile page, not a paper's table: read its lines as they are
    across, down = _Lanes(horizontal), _Lanes(vertical)
    corners = sorted(
        {
            (round(v.at, 1), round(h.at, 1))
            for h in horizontal
            for v in vertical
            if h.start - SNAP <= v.at <= h.end + SNAP and v.start - SNAP <= h.at <= v.end + SNAP
        }
    )
    xs = sorted({x for x, _ in corners})
    ys = sorted({y for _, y in corners})
    cells: list[Cell] = []
    for x0, top in corners:
        found = None
        for bottom in ys[bisect_right(ys, top + SNAP) :]:
            if not down.covered(x0, top, bottom):
                break
            for x1 in xs[bisect_right(xs, x0 + SNAP) :]:
                if not across.covered(top, x0, x1):
                    break
                if down.covered(x1, top, bottom) and across.covered(bottom, x0, x1):
                    found = Cell(x0, top, x1, bottom)
                    break
            if found is not None:
                break
        if found is not None:
            cells.append(found)
    return cells


def mark_struck(lines: list[Line], horizontal: list[Rule]) -> None:
    """Mark each token a horizontal rule runs through (:attr:`Token.struck`): from its left to its
    right edge, between its letters' upper third and its baseline, where a strike-through is drawn
    (an underline runs under the baseline, a table's rule between lines)."""
    if not horizontal:
        return
    rules = sorted(horizontal, key=lambda r: r.at)
    positions = [r.at for r in rules]
    for line in lines:
        marked = list(line.tokens)
        for i, token in enumerate(marked):
            height = token.bottom - token.top
            start = bisect_right(positions, token.top + 0.3 * height)
            stop = bisect_right(positions, token.bottom - 0.2 * height)
            if any(r.start <= token.x0 + 1 and r.end >= token.x1 - 1 for r in rules[start:stop]):
                marked[i] = replace(token, struck=True)
        if marked != list(line.tokens):
            line.tokens = marked


def mark_rules(lines: list[Line], vertical: list[Rule]) -> None:
    """Mark each token that a vertical rule running through its line separates from the token
    before it (:attr:`Token.ruled`): a frame's side between a title and the box beside it can
    stand in a gap narrower than a segment gap ("... unter | öffentlich")."""
    if not vertical:
        return
    rules = sorted(vertical, key=lambda r: r.at)
    positions = [r.at for r in rules]
    for line in lines:
        tokens = line.tokens
        marked = list(tokens)
        for i in range(1, len(tokens)):
            before, token = tokens[i - 1], tokens[i]
            middle = (token.top + token.bottom) / 2
            start = bisect_right(positions, before.x1 - SNAP / 2)
            stop = bisect_right(positions, token.x0 + SNAP / 2)
            if any(r.start <= middle <= r.end for r in rules[start:stop]):
                marked[i] = replace(token, ruled=True)
        if marked != list(tokens):
            line.tokens = marked
