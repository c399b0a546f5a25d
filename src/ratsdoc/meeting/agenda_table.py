"""An agenda printed as a table under a heading row ('TO  Drucksache  Titel  Antragsteller  ...'):
the row that shows a document to be an agenda, and the table's lines cut to the columns up to the
title. Council systems and factions' sheets print columns right of the title (who moved it, a
recommendation, notes) whose cells share the title's baselines; read as lines, they would run
into the titles and their notes would read as items."""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.cells import join_wrapped_tokens
from ..layout.lines import Line, Token
from ..text.normalize import fold_for_match
from .agenda_papers import whole_number
from .rules import MeetingRules

#: How many first-page lines may stand above the heading row (the session's head).
TABLE_LINES = 30
#: A cell of a column right of the title starts at most this far (pt) left of its heading.
SLACK = 3.0
#: Numbered lines the table must hold under its heading row.
MIN_ITEMS = 2


def table_head(lines: Sequence[Line], rules: MeetingRules) -> Line | None:
    """The heading row of an agenda table among the first lines of page 1, with at least
    :data:`MIN_ITEMS` numbered item lines below it on that page (a heading row over no list is
    some other table)."""
    first = [ln for ln in lines if ln.page == 1]
    for index, line in enumerate(first[:TABLE_LINES]):
        if not rules.res["table_head"].match(line.text):
            continue
        numbered = [ln for ln in first[index + 1 :] if any(p.match(ln.text) for p in rules.lists["items"])]
        if len(numbered) >= MIN_ITEMS:
            return line
    return None


def table_type(lines: Sequence[Line], rules: MeetingRules, head: Line | None) -> tuple[str, Line] | None:
    """The type of a document whose page 1 is an agenda table under the heading row ``head``
    (:func:`table_head`), and the line that shows it: a type word alone on a line above the
    heading row names it ('Tagesordnung'), else the profile's ``agenda_table_type`` (a faction's
    sheet need print no type word)."""
    if head is None:
        return None
    types = {fold_for_match(t): t for t in rules.types}
    for line in lines:
        if line is head:
            break
        words = line.text.split()
        if line.page == 1 and len(words) == 1 and fold_for_match(words[0].rstrip(":")) in types:
            return types[fold_for_match(words[0].rstrip(":"))], line
    return rules.agenda_table_type, head


def side_columns(head: Line, rules: MeetingRules) -> list[tuple[float, bool]]:
    """The columns right of the title column, by the heading row: where each starts and whether it
    holds paper numbers ('Vorlage', 'Drucksache': kept for the item). Headings set close together
    in a small font may share a segment ('Drucksache Titel'): the title's heading is found by word."""
    for token in head.words:
        if rules.res["title_heading"].fullmatch(token.text):
            after = [seg for seg in head.segments() if seg[0].x0 > token.x1]
            return [
                (seg[0].x0 - SLACK, bool(rules.res["paper_heading"].match(" ".join(t.text for t in seg))))
                for seg in after
            ]
    return []


def _cut(line: Line, columns: Sequence[tuple[float, bool]]) -> list[Token]:
    """The tokens of ``line`` outside the side columns that hold no paper numbers."""
    kept = []
    for token in line.tokens:
        column = [keep for x, keep in columns if token.x0 >= x]
        if not column or column[-1]:
            kept.append(token)
    return kept


def _paper_column(head: Line, rules: MeetingRules) -> tuple[float, float] | None:
    """The x span of the columns between the item column and the title column ('Drucksache',
    'Vorlage'), by the heading row's words; None when the title column is the second."""
    words = head.words
    title = next((k for k, t in enumerate(words) if rules.res["title_heading"].fullmatch(t.text)), None)
    if title is None or title < 2:
        return None
    return words[1].x0 - SLACK, words[title].x0 - SLACK


#: Where a table row starts: its page and the top of its first line (rounded), the key of the paper
#: cells taken out of the rows.
RowKey = tuple[int, float]


def row_key(line: Line) -> RowKey:
    """The key of the table row that ``line`` starts."""
    return line.page, round(line.top, 1)


def cut_to_title(lines: Sequence[Line], rules: MeetingRules, head: Line | None) -> tuple[list[Line], dict[RowKey, str]]:
    """``lines`` with the cells right of the title column left out below an agenda table's heading
    row ``head`` (:func:`table_head`; a line that held only such cells goes), and the paper
    numbers taken out of a paper column between the item number and the title ('6.1.  21-3522
    Gestaltung ...'), by row. Lines without such a table come back as they are."""
    if head is None:
        return list(lines), {}
    papers = _paper_column(head, rules)
    columns = side_columns(head, rules)
    out: list[Line] = []
    cells: dict[RowKey, str] = {}
    below = False
    for line in lines:
        if line is head or not below:
            below = below or line is head
            out.append(line)
            continue
        kept = _cut(line, columns)
        if papers is not None:
            cell = [t for t in kept if papers[0] <= t.x0 < papers[1]]
            number = whole_number(" ".join(t.text for t in cell), rules) if cell else None
            if number is not None:
                kept = [t for t in kept if t not in cell]
                cells[(line.page, round(min(t.top for t in kept or cell), 1))] = number
        if len(kept) < len(line.tokens):
            # A row's wrapped cells were joined column after column: with the columns right of the
            # title gone, a word hyphenated at the title's line end meets its rest again.
            kept = join_wrapped_tokens(kept)
        if kept:
            out.append(Line(line.page, kept, line.furniture) if len(kept) < len(line.tokens) else line)
    return out, cells
