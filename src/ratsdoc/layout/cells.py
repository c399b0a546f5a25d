"""Wrapped table cells: the lines of one cell become one text on its row's first line, in rows
ruled into cells (:mod:`.ruled_cells`) and in rows without rules by their cells' column edges.

A word processor wraps a label that does not fit its column inside the cell ("Ja, siehe" over
"Anlage", "Ausschuss für Digitalisierung, Wirtschaft und" over "Tourismus"). Read line by line,
the second line is a row of its own and every later stage would have to guess; joined here, a
checkbox option, a group label or a Beratungsfolge body is its whole cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..text.normalize import join_lines
from .cell_text import wrapped_row
from .lines import SEGMENT_GAP, Line, Token
from .marks import is_typed_tick
from .model import Shape
from .ruled_cells import MAX_CROSSINGS, Cell, cells_between, mark_rules, mark_struck, page_rules

#: A wrapped line follows the line above in its cell within this share of the font size.
WRAP_GAP = 0.5
#: A continuation starts within this distance (pt) of a cell's left edge.
ALIGN = 2.0


def join_wrapped_tokens(tokens: list[Token]) -> list[Token]:
    """A cell's tokens in reading order, a word hyphenated at the line end joined again with its
    rest ("Personal-" + "kosten"), as :func:`~ratsdoc.text.normalize.join_lines` joins text."""
    result: list[Token] = []
    for token in tokens:
        last = result[-1] if result else None
        if last is not None and token.top >= last.bottom - 1 and last.box is None and token.box is None:
            joined = join_lines([last.text, token.text])
            if " " not in joined:
                result[-1] = replace(
                    last,
                    text=joined,
                    top=min(last.top, token.top),
                    x1=max(last.x1, token.x1),
                    bottom=max(last.bottom, token.bottom),
                )
                continue
        result.append(token)
    return result


#: A token's place on its row's line: (its cell's left edge, its line's order, its x).
_Keyed = tuple[float, int, Token]


def _ordered(keyed: list[_Keyed]) -> list[Token]:
    """Tokens in reading order, cell by cell and line by line within a cell, with a word
    hyphenated at a line end joined to its rest."""
    keyed.sort(key=lambda k: (k[0], k[1], k[2].x0))
    result: list[Token] = []
    group: list[Token] = []
    key: float | None = None
    for k, _, token in keyed:
        if key is not None and k != key:
            result += join_wrapped_tokens(group)
            group = []
        key = k
        group.append(token)
    return result + join_wrapped_tokens(group)


def _apply(lines: list[Line], rows: dict[int, list[_Keyed]]) -> list[Line]:
    """Give each anchor line in ``rows`` its new tokens and take them off the lines below;
    a line left without tokens is dropped."""
    if not rows:
        return lines
    moved = {id(t) for keyed in rows.values() for _, order, t in keyed if order > 0}
    for index, keyed in rows.items():
        lines[index].tokens = _ordered(keyed)
    result = []
    for index, line in enumerate(lines):
        if index not in rows:
            kept = [t for t in line.tokens if id(t) not in moved]
            if not kept:
                continue
            if len(kept) != len(line.tokens):
                line.tokens = kept
        result.append(line)
    return result


class _CellIndex:
    """Cells by the squares of a coarse grid they cover, to find a token's cell quickly."""

    STEP = 32.0

    def __init__(self, cells: Sequence[Cell], lines: Sequence[Line]) -> None:
        self._squares: dict[tuple[int, int], list[Cell]] = {}
        tokens = [t for line in lines for t in line.tokens]
        if not tokens:
            return
        # Only the squares where tokens stand: a damaged file's rule may run to 10^9 points,
        # and a square for each of its steps would take gigabytes.
        left, right = self._step(min(t.x0 for t in tokens)), self._step(max(t.x1 for t in tokens))
        upper, lower = self._step(min(t.top for t in tokens)), self._step(max(t.bottom for t in tokens))
        for cell in cells:
            for i in range(max(self._step(cell.x0), left), min(self._step(cell.x1), right) + 1):
                for j in range(max(self._step(cell.top), upper), min(self._step(cell.bottom), lower) + 1):
                    self._squares.setdefault((i, j), []).append(cell)

    def _step(self, value: float) -> int:
        return int(value // self.STEP)

    def find(self, token: Token) -> Cell | None:
        """The innermost cell that holds ``token``, if any: a table drawn inside a form's cell
        (a Beratungsfolge in the row of its label) has cells of its own."""
        cx, cy = (token.x0 + token.x1) / 2, (token.top + token.bottom) / 2
        square = self._squares.get((int(cx // self.STEP), int(cy // self.STEP)), ())
        return min(
            (c for c in square if c.holds(token)), key=lambda c: (c.x1 - c.x0) * (c.bottom - c.top), default=None
        )


def _join_ruled(lines: list[Line], cells: Sequence[Cell]) -> list[Line]:
    """Make each ruled table row with a wrapped cell one line, on the row's first line. A row
    counts as wrapped when one of its cells holds more lines than another, or when its cells
    hold as many lines each and their words read as wrapped text (:func:`.cell_text.wrapped_row`):
    a frame of one cell (the cover box) or a table drawn without rules between its rows keeps
    its lines."""
    if not cells:
        return lines
    holder = _CellIndex(cells, lines)
    # row band -> [(cell left edge, line index, token)]
    bands: dict[tuple[float, float], list[tuple[float, int, Token]]] = {}
    for index, line in enumerate(lines):
        for token in line.tokens:
            cell = holder.find(token)
            if cell is not None:
                bands.setdefault((cell.top, cell.bottom), []).append((cell.x0, index, token))
    rows: dict[int, list[_Keyed]] = {}
    for held in bands.values():
        lines_per_cell: dict[float, set[int]] = {}
        for edge, index, _ in held:
            lines_per_cell.setdefault(edge, set()).add(index)
        counts = [len(v) for v in lines_per_cell.values()]
        if len(counts) < 2 or max(counts) < 2 or (min(counts) == max(counts) and not _wrapped(held)) or _form_row(held):
            _join_wrapped_label(lines, held, rows)
            continue
        indices = sorted({index for _, index, _ in held})
        anchor = indices[0]
        if lines[anchor].page != lines[indices[-1]].page or anchor in rows:
            continue
        in_row = {id(t) for _, _, t in held}
        keyed: list[_Keyed] = [(t.x0, 0, t) for t in lines[anchor].tokens if id(t) not in in_row]
        keyed += [(edge, indices.index(index), t) for edge, index, t in held]
        rows[anchor] = keyed
    return _apply(lines, rows)


def _join_wrapped_label(lines: list[Line], held: list[tuple[float, int, Token]], rows: dict[int, list[_Keyed]]) -> None:
    """In a ruled row that keeps its lines, join a label wrapped in the row's first cell
    ("Finanzielle" over "Auswirkungen:") onto the row's first line, beside the content there (a
    row of check boxes): a few words, only the last ending in a colon."""
    first_edge = min(edge for edge, _, _ in held)
    label = sorted((t for edge, _, t in held if edge == first_edge), key=lambda t: (t.top, t.x0))
    indices = sorted({index for edge, index, _ in held if edge == first_edge})
    anchor = min(index for _, index, _ in held)
    if (
        len(indices) < 2
        or indices[0] != anchor
        or anchor in rows
        or len(label) > 4
        or not label[-1].text.endswith(":")
        or any(t.text.endswith(":") for t in label[:-1])
    ):
        return
    moved = {id(t) for t in label}
    keyed: list[_Keyed] = [(t.x0, 0, t) for t in lines[anchor].tokens if id(t) not in moved]
    keyed += [(first_edge, indices.index(index), t) for edge, index, t in held if edge == first_edge]
    rows[anchor] = keyed


def _form_row(held: list[tuple[float, int, Token]]) -> bool:
    """Whether a ruled row is a form's section: a cell holding only a label ("Sachverhalt:",
    "Betreff:") beside a cell of running text over several lines, without check boxes. Its text
    is read line by line under the label, as the same form drawn without rules is
    (layout/margin_labels.py); joined, a Sachverhalt's paragraphs would become one line."""
    by_cell: dict[float, list[Token]] = {}
    lines: dict[float, set[int]] = {}
    for edge, index, token in held:
        by_cell.setdefault(edge, []).append(token)
        lines.setdefault(edge, set()).add(index)
    if len(by_cell) != 2 or any(t.box is not None for t in (t for _, _, t in held)):
        return False
    (label_edge, label), (_, content) = sorted(by_cell.items(), key=lambda item: item[0])
    # The label may wrap within its cell ("Sachverhalt /" over "Begründung:"), as a wrapped
    # label is joined (:func:`_join_wrapped_label`): a few words, only the last with a colon.
    label = sorted(label, key=lambda t: (t.top, t.x0))
    return (
        len(lines[label_edge]) <= 2
        and len(label) <= 4  # "Der Rat möge beschließen:"
        and label[-1].text.endswith(":")
        and not any(t.text.endswith(":") for t in label[:-1])
        and len({t.top for t in content}) >= 2
    )


def _wrapped(held: list[tuple[float, int, Token]]) -> bool:
    """Whether a ruled row's cells, given as (cell left edge, line index, token), are wrapped text."""
    by_cell: dict[float, dict[int, list[Token]]] = {}
    for edge, index, token in held:
        by_cell.setdefault(edge, {}).setdefault(index, []).append(token)
    return wrapped_row(
        [[sorted(cell[i], key=lambda t: t.x0) for i in sorted(cell)] for _, cell in sorted(by_cell.items())]
    )


def _cells_of(line: Line) -> list[tuple[list[float], float, list[Token]]]:
    """A row's cells as (left edges, right limit, tokens): a box starts a cell (its label
    follows), a gap wider than a column gap starts one; the right limit is the next cell's start."""
    cells: list[tuple[list[float], list[Token]]] = []
    previous: Token | None = None
    for token in line.tokens:
        starts_cell = (
            previous is None
            or token.box is not None
            or token.x0 - previous.x1 > SEGMENT_GAP * max(token.size, previous.size)
        )
        if starts_cell:
            cells.append(([token.x0], [token]))
        else:
            if previous is not None and previous.box is not None and len(cells[-1][1]) == 1:
                cells[-1][0].append(token.x0)  # the label after a box is a left edge too
            cells[-1][1].append(token)
        previous = token
    limits = [edges[0] for edges, _ in cells[1:]] + [float("inf")]
    return [(edges, limit, tokens) for (edges, tokens), limit in zip(cells, limits, strict=True)]


def _join_aligned(lines: list[Line], ruled: Sequence[Cell]) -> list[Line]:
    """Join wrapped cells of rows without rules (see :func:`_continuation`) onto the row's line."""
    rows: dict[int, list[_Keyed]] = {}
    in_cells = _CellIndex(ruled, lines)
    anchor: int | None = None
    row_cells: list[tuple[list[float], float, list[Token]]] = []
    last: dict[int, tuple[float, float]] = {}  # cell number -> (bottom, right end) of its last line
    right = max((line.x1 for line in lines), default=0.0)  # the page's right text margin
    order = 0
    for index, line in enumerate(lines):
        if any(in_cells.find(t) is not None for t in line.tokens):
            anchor = None
            continue
        if anchor is not None and lines[anchor].page == line.page:
            joined = _continuation(line, lines[anchor], [(e, min(lim, right), t) for e, lim, t in row_cells], last)
            if joined is not None:
                order += 1
                if anchor not in rows:
                    rows[anchor] = [(edges[0], 0, t) for edges, _, tokens in row_cells for t in tokens]
                for number, tokens in joined.items():
                    rows[anchor] += [(row_cells[number][0][0], order, t) for t in tokens]
                    last[number] = (max(t.bottom for t in tokens), tokens[-1].x1)
                continue
        cells = _cells_of(line)
        anchor, order = (index, 0) if len(cells) >= 2 else (None, 0)
        row_cells = cells
        last = {n: (max(t.bottom for t in tokens), tokens[-1].x1) for n, (_, _, tokens) in enumerate(cells)}
    return _apply(lines, rows)


#: A space between words, as a share of the font size.
WORD_SPACE = 0.25
#: Room (in font sizes) between a cell's text and the next cell's text: the padding on both
#: sides of the rule (Word: 5.4 pt each), or the margin at the end of the last cell.
FIT_SLACK = 1.5


def _continuation(
    line: Line,
    row: Line,
    cells: list[tuple[list[float], float, list[Token]]],
    last: dict[int, tuple[float, float]],
) -> dict[int, list[Token]] | None:
    """The tokens of ``line`` by the number of the ``row`` cell they continue, or None when
    ``line`` is no continuation of the row's cells.

    A line continues cells of the row above when it has no box and fewer cells than the row,
    and each of its runs of words starts at the left edge of a cell, ends before the next cell,
    follows the cell's last line closely, and begins with a word that would not have fitted
    on that line: the mark of a wrap, which a new line under a short one (the cover's
    "Drucksache 0645/25" over "Stadtrat") does not have. A run continues the row's first cell
    only in a row of checkboxes: in a plain table, a line that fills the first column is the
    next row.
    """
    if any(t.box is not None or t.bullet for t in line.tokens) or all(is_typed_tick(t.text) for t in line.tokens):
        return None
    runs = line.segments()
    if not runs or len(runs) >= len(cells):
        return None
    has_boxes = any(t.box is not None for t in row.tokens)
    found: dict[int, list[Token]] = {}
    # The last cell's right end is a guess (the page's text margin; a table can end before it),
    # so in a row of check boxes a word that would have fitted there proves no line of its own:
    # it wraps if another run of the line wraps for certain ("Anlage" under "Ja, siehe" in two
    # cells of a row). In other tables the line stays a row of its own.
    unsure_last = False
    wraps = False
    for run in runs:
        number = next(
            (n for n, (edges, _, _) in enumerate(cells) if any(abs(run[0].x0 - e) <= ALIGN for e in edges)), None
        )
        if number is None or number in found or (number == 0 and not has_boxes):
            return None
        _, limit, cell = cells[number]
        if _label(run) and _label(cell):
            return None  # "Datum:" under "Drucksache Nr.:": the next row of a label column, no wrap
        if (
            all(t.bold for t in cell)
            and not any(t.bold for t in run)
            and max(t.size for t in cell) > max(t.size for t in run)
        ):
            return None  # regular text under a larger bold heading that fills its line is no wrap of it
        bottom, end = last[number]
        size = max(t.size for t in run)
        if run[-1].x1 > limit + ALIGN or run[0].top - bottom > WRAP_GAP * size:
            return None
        # Would the first word have fitted after the last line's end? (A space, and the padding
        # of this cell and the next, within FIT_SLACK font sizes.)
        if end + WORD_SPACE * size + (run[0].x1 - run[0].x0) <= limit - FIT_SLACK * size:
            if number != len(cells) - 1 or not has_boxes:
                return None
            unsure_last = True
        else:
            wraps = True
        found[number] = run
    return found if wraps or not unsure_last else None


def _label(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` open with a label: one of their first three words ends in a colon."""
    return any(t.text.endswith(":") for t in tokens[:3])


def join_wrapped_cells(lines: list[Line], shapes: Iterable[Shape]) -> list[Line]:
    """The lines of one page with every wrapped table cell joined onto its row's first line:
    cells from the page's rules first, then rows without rules by their cell edges. Tokens
    that a vertical rule parts from the one before them start a segment."""
    horizontal, vertical = page_rules(shapes)
    if len(horizontal) * len(vertical) <= MAX_CROSSINGS:
        mark_rules(lines, vertical)
    mark_struck(lines, horizontal)
    cells = cells_between(horizontal, vertical)
    return _join_aligned(_join_ruled(lines, cells), cells)
