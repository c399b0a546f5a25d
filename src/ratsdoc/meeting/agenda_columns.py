"""Side columns of an agenda table: a cell right of the title that names who reports on the item
('Ref.', 'Berichterstattung', 'Zuständig': 'StR Bauer', 'Amt 61', 'FB 3') or its paper, in a
column that several items share. Such a cell is no part of the title (ALLRIS, SD.NET and Swiss CMI
lists print it on the item's first line)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..layout.lines import Line, Token, tokens_text

if TYPE_CHECKING:
    from .agenda_item import Item

#: Cells of one column start this close (pt) to each other.
ALIGN = 4.0
#: A cell starts at least this far (pt) right of the title's x: a gap within the title is no column.
MIN_OFFSET = 40.0
#: Longest text (characters) of a side cell: a person or an office, not a wrapped title.
CELL_CHARS = 30
#: A gap wider than this share of the font size is more than a word space.
WORD_SPACE = 0.6
#: A gap wider than this share of the font size parts two cells.
CELL_GAP = 2.0
#: Items that must have a cell at one x before it counts as a column.
MIN_ROWS = 2


def _cells(item: Item, line: Line) -> list[list[Token]]:
    """The segments of ``line`` after its first that start well right of the title."""
    return [seg for seg in line.segments()[1:] if seg[0].x0 >= item.title_x + MIN_OFFSET]


def column_xs(items: Sequence[Item]) -> list[float]:
    """The x of each side column: where short cells of at least :data:`MIN_ROWS` items start."""
    starts: list[tuple[float, int]] = []
    for index, item in enumerate(items):
        for line in item.lines[: len(item.title_parts)]:
            starts += [(cell[0].x0, index) for cell in _cells(item, line) if len(tokens_text(cell)) <= CELL_CHARS]
    columns: list[float] = []
    for x, _ in sorted(starts):
        rows = {index for other, index in starts if abs(other - x) <= ALIGN}
        if len(rows) >= MIN_ROWS and not any(abs(x - c) <= ALIGN for c in columns):
            columns.append(x)
    return columns


def _side_cells(item: Item, line: Line, columns: Sequence[float]) -> list[list[Token]]:
    """The cells of ``line`` in the side columns, left to right: each runs from a token that starts
    at a column's x after more than a word space to the next such token (a title may run close to
    the column, a cell may hold more than one word)."""
    cells: list[list[Token]] = []
    previous: Token | None = None
    for token in line.tokens:
        gap = token.x0 - previous.x1 if previous is not None else 0.0
        column = token.x0 >= item.title_x + MIN_OFFSET and any(abs(token.x0 - x) <= ALIGN for x in columns)
        # After the first side cell, any wide gap parts two cells (a paper cell alone in its column).
        opens = gap > WORD_SPACE * token.size and (column or (bool(cells) and gap > CELL_GAP * token.size))
        if opens:
            cells.append([])
        elif cells and cells[-1] and token.x0 < cells[-1][0].x0 - ALIGN:
            # Back left of the cell: the title's next row, which the layout put after the cell.
            previous = token
            continue
        if cells:
            cells[-1].append(token)
        previous = token
    return cells


def _without(part: str, line: Line, inside: set[int]) -> str | None:
    """``part``, the title's text on ``line``, without the tokens in ``inside``; None when ``part``
    is not in the line's text. The part need not end the line: a paper cell the layout put after
    the title's next row ('... und  StR Bauer' / 'Gewerbegebiet Süd  4942/20') was cut from it
    before, while the side cell inside it was not."""
    if not part:
        return ""
    full = tokens_text(line.tokens)
    starts, at = [], 0
    for token in line.tokens:
        starts.append(at)
        at += len(token.text) + 1
    ends = {start + len(token.text) for start, token in zip(starts, line.tokens, strict=True)}
    # The last place the part stands in whole words: "4" wrapped from "Leistungsphasen 1 bis" is
    # not the end of the page cell "24" beside it.
    start = next((k for k in reversed(starts) if full.startswith(part, k) and k + len(part) in ends), -1)
    if start < 0:
        return None
    end, at, kept = start + len(part), 0, []
    for token in line.tokens:
        if start <= at < end and id(token) not in inside:
            kept.append(token.text)
        at += len(token.text) + 1
    return " ".join(kept)


def last_row(tokens: Sequence[Token]) -> list[Token]:
    """The tokens of a table cell's last row when the cell has more than one (a cell's wrapped
    lines come as one line): those below the first token's row."""
    if not tokens:
        return []
    first = tokens[0]
    below = [t for t in tokens if t.top > first.top + 0.5 * first.size]
    if not below:
        return []
    return [t for t in below if abs(t.top - below[-1].top) <= 0.5 * below[-1].size]


def strip_side_cells(items: Sequence[Item], paper_number: Callable[[str, str], str | None]) -> None:
    """Remove the cells of the side columns from the end of each title line, and a last row of a
    title cell that is only a paper reference ('Vorlage 9263/2024' under the title); a paper
    number (``paper_number`` gives it from a text and the title before it) is kept as one of the
    item's paper numbers."""
    columns = column_xs(items)
    for item in items:
        # A side cell's first row that is no number alone, and where it starts: a number wrapped
        # in its narrow cell ('20/MO' over '15/403') is read from both rows.
        carried: tuple[str, float] | None = None
        for k, line in enumerate(item.lines[: len(item.title_parts)]):
            part = item.title_parts[k]
            cells = _side_cells(item, line, columns) if columns else []
            wrapped = _wrapped_number(cells, carried, part, paper_number)
            carried = _first_row(cells, part, paper_number)
            if wrapped and wrapped not in item.paper_numbers:
                item.paper_numbers.append(wrapped)
            inside = {id(t) for cell in cells for t in cell}
            row = last_row([t for t in line.tokens if id(t) not in inside])
            texts = [tokens_text(cell) for cell in cells]
            bare = _without(part, line, inside) if inside else None
            if bare is not None:
                part, texts = bare, [*texts, ""]  # the cells are out wherever the layout put them
            # Cells taken out by their tokens are not cut again from the end: a title may end in
            # the same text ('... Leistungsphasen 1 bis 4' beside the page cell '4').
            cut = set() if bare is not None else set(texts)
            if row and paper_number(tokens_text(row), part[: -len(tokens_text(row))]):
                texts.insert(0, tokens_text(row))
                cut.add(tokens_text(row))
            for text in reversed(texts):
                if text and text in cut and part.endswith(text):
                    part = part[: -len(text)].rstrip()
                number = None if wrapped and wrapped.endswith(text) else paper_number(text, part)
                if number and number not in item.paper_numbers:
                    item.paper_numbers.append(number)
            # A cell that could not be cut (the title's rows and the cells in an order not
            # foreseen) is still in the title: the title is wrong, say so.
            kept = [text for text in texts if text in cut and f" {text} " in f" {part} "]
            if kept:
                item.doubts.append(f"the title of item {item.number or '?'} holds the side cell '{kept[0]}'")
            item.title_parts[k] = part


def _wrapped_number(
    cells: Sequence[Sequence[Token]],
    carried: tuple[str, float] | None,
    title: str,
    paper_number: Callable[[str, str], str | None],
) -> str | None:
    """The paper number that a side cell of this line completes: the cell at the left edge of the
    row above's cell that was no number alone, read after it."""
    if carried is None:
        return None
    text, x = carried
    cell = next((c for c in cells if c and abs(c[0].x0 - x) <= _CELL_ALIGN), None)
    return paper_number(f"{text} {tokens_text(cell)}", title) if cell else None


def _first_row(
    cells: Sequence[Sequence[Token]], title: str, paper_number: Callable[[str, str], str | None]
) -> tuple[str, float] | None:
    """The last side cell of a line when it is no paper number alone, with where it starts."""
    cell = cells[-1] if cells else None
    if not cell or paper_number(tokens_text(cell), title):
        return None
    return tokens_text(cell), cell[0].x0


#: A wrapped cell's rows start within this many points of each other.
_CELL_ALIGN = 3.0


def read_apart(item: Item, line: Line) -> bool:
    """Whether ``line`` is a side cell or a column heading ('Referent/in') that the layout read
    after the list: short, a column's offset right of the title, and above the item's last line
    on its page. It is neither the item's minutes nor a break in its title (which may go on at the
    top of the next page)."""
    last = item.lines[-1] if item.lines else None
    return (
        last is not None
        and line.page == last.page
        and line.bottom <= last.top
        and len(line.text) <= CELL_CHARS
        and line.x0 >= item.title_x + MIN_OFFSET
    )


#: Lines whose tops differ by at most this share of the font size share a table row.
SAME_ROW = 0.3


def rejoin_rows(lines: Sequence[Line], is_item: Callable[[str], bool]) -> list[Line]:
    """``lines`` with the short cells of a table's right columns put back on their item's line:
    the layout may read the right columns of an agenda table ('Ref.', 'Vorlage') as a column of
    their own after the list. A short line (a cell) joins an item line of its page that it
    continues on the same row, further right; other lines stay as they are."""
    out = list(lines)
    items = [k for k, line in enumerate(out) if line.words and is_item(line.text)]
    if len(items) < MIN_ROWS:
        return out
    gone: set[int] = set()
    left = min(out[k].x0 for k in items)
    for k, line in enumerate(out):
        # A cell may read like an item ('61 VO/2021/273'): only an item at the list's x is one.
        if (k in items and line.x0 < left + MIN_OFFSET) or len(line.text) > CELL_CHARS or not line.words:
            continue
        size = line.words[0].size
        for index in items:
            row = out[index]
            # The cell may come right after its row: a paper cell set far right of a short
            # heading ('TOP 6 Fortschreibung ...      VO/2024/635') is a line of its own.
            if (
                index < k
                and row.page == line.page
                and abs(row.top - line.top) <= SAME_ROW * size
                and all(t.x1 <= line.x0 for t in row.tokens if abs(t.top - line.top) <= SAME_ROW * size)
            ):
                out[index] = Line(row.page, _merged(row.tokens, line.tokens), row.furniture)
                gone.add(k)
                break
    return [line for k, line in enumerate(out) if k not in gone]


def _merged(row: Sequence[Token], cells: Sequence[Token]) -> list[Token]:
    """The tokens of an item line and of the cells read apart from it: a word that continues the
    row at a word space (a title word the layout cut off with the column) goes in its place, the
    cells after the row."""
    out = list(row)
    end = len(out)
    for token in cells:
        before = [k for k, t in enumerate(out[:end]) if abs(t.top - token.top) <= SAME_ROW * token.size]
        last = before[-1] if before else None
        if last is not None and 0 <= token.x0 - out[last].x1 <= WORD_SPACE * token.size:
            out.insert(last + 1, token)
            end += 1
        else:
            out.append(token)
    return out
