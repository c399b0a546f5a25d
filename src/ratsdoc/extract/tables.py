"""Tables inside running text: columns from aligned left edges, wrapped cells joined, a header
row repeated on each page kept once. Rows come out as cells joined by " | "."""

from __future__ import annotations

from itertools import pairwise

from ..layout.lines import Line, Token, all_bold
from ..text.normalize import join_lines
from .paragraph_breaks import SENTENCE_END

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


def table_end(lines: list[Line], start: int, columns: list[float]) -> int:
    """The index after the run of ``lines`` from ``start`` on that :func:`fits` ``columns`` (the
    table's rows); ``start`` itself where the first does not."""
    end = start
    while end < len(lines) and fits(lines[end], columns):
        end += 1
    return end


def fits(line: Line, columns: list[float]) -> bool:
    """Whether ``line`` is a row: every segment starts on a column edge, and a segment that
    runs over an edge has a word starting on it after a gap wider than its words' (two cells with a
    narrow gap, as in headers; a line of running text across the columns has a word start near an
    edge by chance, after a space like its others)."""
    if not columns:
        return False
    for seg in line.segments():
        if _column(seg[0].x0, columns) is None:
            return False
        gaps = [b.x0 - a.x1 for a, b in pairwise(seg)]
        for edge in columns:
            inside = seg[0].x0 + _ALIGN < edge < seg[-1].x1 - _ALIGN
            at = next((k for k, t in enumerate(seg) if k and abs(t.x0 - edge) <= _ALIGN), None)
            if inside and (at is None or not _cell_gap(gaps, at - 1)):
                return False
    return True


#: A gap between two cells in one segment is at least this many times the segment's usual space.
_CELL_GAP = 1.5


def _cell_gap(gaps: list[float], k: int) -> bool:
    """Whether ``gaps[k]``, the space before a word on a column edge, is wider than the segment's
    other spaces (the median of them), as between two cells; with no other space to compare, it is."""
    others = sorted(g for i, g in enumerate(gaps) if i != k)
    return not others or gaps[k] > _CELL_GAP * others[len(others) // 2]


def _column(x: float, columns: list[float]) -> int | None:
    for i, edge in enumerate(columns):
        if abs(x - edge) <= _ALIGN:
            return i
    return None


def read_rows(lines: list[Line], columns: list[float], *, paragraphs: bool = False, padded: bool = True) -> list[str]:
    """The rows of a table, one string each; a line without a first-column cell continues the
    row above (a wrapped cell), and a repeat of the header row is dropped. With ``paragraphs`` a
    cell whose lines (a ruled row's cell read as one line) stand apart by a paragraph's spacing
    keeps its paragraphs, parted by a blank line. With ``padded``, where rows stand apart by
    their padding, a line at the cells' pitch goes on with the row above (:func:`_within_rows`);
    without, each line with a first cell opens a row (a reader that pairs the rows itself: a
    question one line, its answer beside it, the next question right under it)."""
    rows: list[list[list[str]]] = []
    if not columns:
        return [line.text for line in lines]
    within = _within_rows(lines) if padded else set()
    pitch = _usual_pitch(lines) if paragraphs else None
    last: list[Line | None] = [None for _ in columns]  # the line each column's cell last went on
    split = [_cells(line, columns) for line in lines]
    rights = [max((c[-1].x1 for cells in split if (c := cells[i])), default=0.0) for i in range(len(columns))]
    before: int | None = None  # the line before, a header row repeated on a new page passed over
    for k, line in enumerate(lines):
        if k > 0 and before is not None and line.page != lines[before].page and _same_words(line, lines[0]):
            # The header row repeated on the next page: the row over the break may go on under it.
            continue
        cells = split[k]
        texts = [_cell_text(c, paragraphs) for c in cells]
        # A first cell that ended on the line above (nothing in its column there) does not
        # start again in the same row: its text opens the next row.
        ended = before is not None and not _first_cell(lines[before], columns)
        # Also over a page break: a row may break there, its cells' sentences unfinished.
        wraps = padded and before is not None and _wrapped(split[before], cells, rights)
        # Under a repeated header row the line's closeness to the line above says nothing.
        inside = k in within and before == k - 1
        before = k
        if (texts[0] and (not inside or ended) and not wraps) or not rows:
            rows.append([[t] if t else [] for t in texts])
        else:
            for i, text in enumerate(texts):
                if text:
                    above = last[i]
                    if (
                        pitch is not None
                        and above is not None
                        and above.page == line.page
                        and line.top - above.top > pitch + _PARAGRAPH_SPACE * line.size
                    ):
                        # A cell's lines read apart, a paragraph's space between (Word's in a cell).
                        rows[-1][i].append(_PARAGRAPH)
                    rows[-1][i].append(text)
        last = [line if text else previous for text, previous in zip(texts, last, strict=True)]
    result: list[str] = []
    for row in rows:
        text = " | ".join("\n\n".join(join_lines(part) for part in _parted(parts)) for parts in row)
        if result and text == result[0]:
            continue
        result.append(text)
    return result


def _same_words(line: Line, header: Line) -> bool:
    """Whether ``line`` repeats the ``header`` row: the same words at the same places across."""
    return len(line.words) == len(header.words) > 0 and all(
        a.text == b.text and abs(a.x0 - b.x0) <= _ALIGN for a, b in zip(line.words, header.words, strict=True)
    )


def _cells(line: Line, columns: list[float]) -> list[list[Token]]:
    """The words of ``line`` in each of the table's ``columns``."""
    cells: list[list[Token]] = [[] for _ in columns]
    for token in line.words:
        col = max((i for i, edge in enumerate(columns) if edge <= token.x0 + _ALIGN), default=0)
        cells[col].append(token)
    return cells


#: Words a first cell holds at least to be running text that may wrap (a label does not).
_RUNNING_WORDS = 3
#: A word's space after a cell's last word, as a share of the type size.
_CELL_SPACE = 0.25


def _wrapped(above: list[list[Token]], below: list[list[Token]], rights: list[float]) -> bool:
    """Whether a line's cells ``below`` go on the cells ``above`` of the line before: one row's
    wrapped cells in a table without padding, where no space tells them from the next row's (a
    Word synopsis, every column wrapping). Its first cell is running text; in it and every other
    column holding words on both lines the first word below would not have fitted after the last
    above (the column's text runs to ``rights``, its widest line), the two no figures; and in one of
    them at least the text above ends no sentence, or the text below opens in lower case ('... bis
    zum 15.' / 'eines Monats'): a row does not end with a cell's sentence unfinished. German nouns
    open in capitals, so the case alone tells little."""
    if len(above[0]) < _RUNNING_WORDS or not below[0]:
        return False
    unfinished = False
    for upper, lower, right in zip(above, below, rights, strict=True):
        if not upper or not lower:
            continue
        first, end = lower[0], upper[-1]
        if not (first.text[:1].isalpha() or end.text[-1:].isalpha()):
            return False  # amounts, years, counts under each other: a column of figures does not wrap
        if end.x1 + _CELL_SPACE * first.size + (first.x1 - first.x0) <= right:
            return False
        unfinished = unfinished or not end.text.endswith(SENTENCE_END) or first.text[:1].islower()
    return unfinished


#: Extra space between two rows, beyond the pitch of a cell's lines, as a share of the type size,
#: that shows rows set apart by their padding or rules.
_ROW_SPACE = 0.3
#: The widest pitch of a cell's lines, as a multiple of the type size (line spacing 1.5 at most).
_LINE_PITCH = 1.7


def _within_rows(lines: list[Line]) -> set[int]:
    """Indexes of ``lines`` that go on a row's cells although their first cell has text: where
    rows stand apart by more space than a cell's lines (padding, rules), as a synopsis's rows
    whose every column wraps, a line at the cells' pitch under the line above is the same row.
    Empty where every line stands at one pitch (a line is a row, as before). A header row in
    bold set apart by padding over one row shows the padding as two rows do."""
    gaps = [(k, b.top - a.top, b.size) for k, (a, b) in enumerate(pairwise(lines), start=1) if a.page == b.page]
    headed = len(gaps) >= 2 and bool(lines[0].words) and all_bold(lines[0])
    if len(gaps) < 3 and not headed:
        return set()
    pitch, size = min((gap, size) for _, gap, size in gaps)
    if pitch > _LINE_PITCH * size:
        return set()  # rows read as one line each (ruled cells): no line of a cell's own
    # A ruled row whose cells were read as one line (several lines tall) is a row of its own, however
    # close its first line stands to the line above, where every cell above ended its sentence (else
    # it is the rest of the row above, its cells' last lines read as one); the space after it, from
    # its top, shows no padding.
    tall = {k for k, line in enumerate(lines) if line.bottom - line.top > _LINE_PITCH * line.size}
    apart = [k for k, gap, size in gaps if gap > pitch + _ROW_SPACE * size and k - 1 not in tall]
    tight = {k for k, gap, size in gaps if gap <= pitch + 0.5 * _ROW_SPACE * size}
    tight -= {k for k in tight & tall if all(seg[-1].text.endswith(SENTENCE_END) for seg in lines[k - 1].segments())}
    # A header row in bold over the first row at the cells' pitch (a Word table's rows are not
    # padded) is a row of its own.
    tight -= {k for k in tight if all_bold(lines[k - 1]) and not all_bold(lines[k])}
    return tight if len(apart) >= 2 or (headed and apart == [1]) else set()


def _first_cell(line: Line, columns: list[float]) -> bool:
    """Whether ``line`` has words in the first of ``columns``."""
    return len(columns) < 2 or any(t.x0 + _ALIGN < columns[1] for t in line.words)


#: Marks a paragraph's break among a cell's parts.
_PARAGRAPH = "\x00"


def _parted(parts: list[str]) -> list[list[str]]:
    """A cell's parts grouped by the paragraph breaks (:data:`_PARAGRAPH`) between them."""
    groups: list[list[str]] = [[]]
    for part in parts:
        if part == _PARAGRAPH:
            groups.append([])
        else:
            groups[-1].append(part)
    return [group for group in groups if group]


def _usual_pitch(lines: list[Line]) -> float | None:
    """The usual distance between the tops of a table's lines read apart, on one page: the lower
    quartile of their pitches (None for fewer than three)."""
    pitches = sorted(b.top - a.top for a, b in pairwise(lines) if a.page == b.page and b.top > a.top)
    return pitches[len(pitches) // 4] if len(pitches) >= 3 else None


#: Extra space between a cell's lines, as a share of the type size, that parts two paragraphs
#: (Word's spacing after a paragraph; the lines of one paragraph stand at the cell's pitch).
_PARAGRAPH_SPACE = 0.25


def _cell_text(tokens: list[Token], paragraphs: bool) -> str:
    """The words of a cell; with ``paragraphs`` its lines (by their tops) grouped in paragraphs
    where the space above a line exceeds the cell's usual pitch by :data:`_PARAGRAPH_SPACE`."""
    if not paragraphs or not tokens:
        return " ".join(t.text for t in tokens)
    rows: list[list[Token]] = []
    for token in tokens:
        if rows and abs(token.top - rows[-1][0].top) <= 0.5 * token.size:
            rows[-1].append(token)
        else:
            rows.append([token])
    if len(rows) < 3:
        return " ".join(t.text for t in tokens)
    pitches = sorted(b[0].top - a[0].top for a, b in pairwise(rows))
    usual = pitches[len(pitches) // 2]
    parts = [[rows[0]]]
    for above, row in pairwise(rows):
        if row[0].top - above[0].top > usual + _PARAGRAPH_SPACE * row[0].size:
            parts.append([row])
        else:
            parts[-1].append(row)
    return "\n\n".join(join_lines([" ".join(t.text for t in r) for r in part]) for part in parts)
