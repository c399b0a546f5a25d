"""Tables inside running text: columns from aligned left edges, wrapped cells joined, a header
row repeated on each page kept once. Rows come out as cells joined by " | "."""

from __future__ import annotations

from ..layout.lines import Line, Token
from ..text.normalize import join_lines

#: Left edges closer than this (pt) belong to the same column.
_ALIGN = 3.0
#: Lines looked at to learn the columns.
_LEARN_LINES = 12


def _starts(line: Line) -> list[float]:
    return [seg[0].x0 for seg in line.segments()]


def learn_columns(lines: list[Line]) -> list[float]:
    """Column left edges: segment starts shared by a good part of the first lines of a table."""
    sample = [ln for ln in lines[:_LEARN_LINES] if len(ln.segments()) >= 2]
    clusters: list[list[float]] = []
    for x in sorted(x for ln in sample for x in _starts(ln)):
        if clusters and x - clusters[-1][-1] <= _ALIGN:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    needed = max(2, int(0.4 * len(sample)))
    return [min(c) for c in clusters if len(c) >= needed]


def fits(line: Line, columns: list[float]) -> bool:
    """Whether ``line`` is a row: every segment starts on a column edge, and a segment that
    runs over an edge has a word starting on it (two cells with a narrow gap, as in headers)."""
    if not columns:
        return False
    for seg in line.segments():
        if _column(seg[0].x0, columns) is None:
            return False
        starts = [t.x0 for t in seg]
        for edge in columns:
            inside = seg[0].x0 + _ALIGN < edge < seg[-1].x1 - _ALIGN
            if inside and not any(abs(x - edge) <= _ALIGN for x in starts):
                return False
    return True


def _column(x: float, columns: list[float]) -> int | None:
    for i, edge in enumerate(columns):
        if abs(x - edge) <= _ALIGN:
            return i
    return None


def read_rows(lines: list[Line], columns: list[float]) -> list[str]:
    """The rows of a table, one string each; a line without a first-column cell continues the
    row above (a wrapped cell), and a repeat of the header row is dropped."""
    rows: list[list[list[str]]] = []
    if not columns:
        return [line.text for line in lines]
    for line in lines:
        cells: list[list[Token]] = [[] for _ in columns]
        for token in line.words:
            col = max((i for i, edge in enumerate(columns) if edge <= token.x0 + _ALIGN), default=0)
            cells[col].append(token)
        texts = [" ".join(t.text for t in c) for c in cells]
        if texts[0] or not rows:
            rows.append([[t] if t else [] for t in texts])
        else:
            for i, text in enumerate(texts):
                if text:
                    rows[-1][i].append(text)
    result: list[str] = []
    for row in rows:
        text = " | ".join(join_lines(parts) for parts in row)
        if result and text == result[0]:
            continue
        result.append(text)
    return result
