"""An agenda printed as a table under a heading row ('TO  Drucksache  Titel  Antragsteller  ...'):
the row that shows a document to be an agenda, and the table's lines cut to the columns up to the
title. Council systems and factions' sheets print columns right of the title (who moved it, a
recommendation, notes) whose cells share the title's baselines; read as lines, they would run
into the titles and their notes would read as items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..layout.cells import join_wrapped_tokens
from ..layout.lines import Line, Token
from ..meeting_models import Vote
from ..text.normalize import fold_for_match, join_lines
from .agenda_papers import whole_number
from .minutes import read_vote
from .rules import MeetingRules
from .rules_patterns import FLAGS

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


def _paper_spans(columns: Sequence[tuple[float, bool]]) -> list[tuple[float, float]]:
    """The x spans of the side columns that hold paper numbers (:func:`side_columns`)."""
    ends = [x for x, _ in columns[1:]] + [float("inf")] if columns else []
    return [(x, end) for (x, keep), end in zip(columns, ends, strict=True) if keep]


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
    Gestaltung ...') or right of the title, by row. Lines without such a table come back as they are."""
    if head is None:
        return list(lines), {}
    papers = _paper_column(head, rules)
    # The columns right of the title that the layout read as a block of their own go too.
    columns = side_columns(head_row(lines, head), rules)
    out: list[Line] = []
    cells: dict[RowKey, str] = {}
    below = False
    # A paper cell's first row that is no number alone, on the last line kept: where it stands in
    # ``out``, its tokens, its span and the row's key.
    held: tuple[int, list[Token], tuple[float, float], RowKey] | None = None
    for line in lines:
        if line is head or not below:
            below = below or line is head
            out.append(line)
            continue
        kept = _cut(line, columns)
        last, held = held, None
        # A paper column right of the title as well: its cell may stand a word space from the
        # title's line ('... Nutzungsänderung einer  VO/2024/039'), too close to part them by gaps.
        for span in [papers, *_paper_spans(columns)]:
            if span is None:
                continue
            cell = [t for t in kept if span[0] <= t.x0 < span[1]]
            text = " ".join(t.text for t in cell)
            number = whole_number(text, rules) if cell else None
            wrapped = _wrapped_cell(last, span, line, out, text, rules) if cell else None
            if wrapped is not None and last is not None:
                # A number wrapped in its narrow cell where the layout read the row's rows as lines
                # of their own ('... und  20/MO' / '... Öffentlichkeit  13/437'): both rows leave.
                index, first, _, key = last
                out[index] = Line(
                    out[index].page, [t for t in out[index].tokens if t not in first], out[index].furniture
                )
                kept = [t for t in kept if t not in cell]
                cells[key] = wrapped
            elif number is not None:
                kept = [t for t in kept if t not in cell]
                cells[(line.page, round(min(t.top for t in kept or cell), 1))] = number
            elif cell and kept != cell:
                held = (len(out), cell, span, (line.page, round(min(t.top for t in kept), 1)))
        if len(kept) < len(line.tokens):
            # A row's wrapped cells were joined column after column: with the columns right of the
            # title gone, a word hyphenated at the title's line end meets its rest again.
            kept = join_wrapped_tokens(kept)
        if kept:
            out.append(Line(line.page, kept, line.furniture) if len(kept) < len(line.tokens) else line)
    return out, cells


def _wrapped_cell(
    last: tuple[int, list[Token], tuple[float, float], RowKey] | None,
    span: tuple[float, float],
    line: Line,
    out: Sequence[Line],
    text: str,
    rules: MeetingRules,
) -> str | None:
    """The paper number that ``text``, a cell of ``line`` in ``span``, completes with the cell
    held from the line kept last (:func:`cut_to_title`): right below it, in the same column."""
    if last is None or last[2] != span or last[0] != len(out) - 1:
        return None
    above = out[last[0]]
    if above.page != line.page or line.top - above.bottom > 0.8 * (above.bottom - above.top):
        return None
    first = " ".join(t.text for t in last[1])
    if not any(ch.isdigit() for ch in first):
        return None  # a heading ("Vorlage") or a label over the number, no part of it
    number = whole_number(f"{first} {text}", rules)
    return number if number is not None and number != whole_number(text, rules) else None


@dataclass(slots=True)
class ResultColumn:
    """A column right of the title that holds each item's decision or vote (a session's published
    decision list): where it runs, which it holds, and for a vote column whose heading names the
    counts in order ('Ja/Nein/Enth.') those counts."""

    x0: float
    x1: float
    kind: str
    order: list[str]


def result_columns(head: Line, rules: MeetingRules) -> list[ResultColumn]:
    """The decision and vote columns of an agenda table by its heading row ``head``: the headings
    right of the title's that are whole decision or vote headings (``rules.agenda_decision_headings``,
    ``rules.agenda_vote_headings``), each running to the next heading."""
    title = next((t for t in head.words if rules.res["title_heading"].fullmatch(t.text)), None)
    if title is None:
        return []
    after = [seg for seg in head.segments() if seg[0].x0 > title.x1]
    columns = []
    for index, seg in enumerate(after):
        text = " ".join(t.text for t in seg)
        kind = (
            "decision"
            if rules.res["table_decision"].fullmatch(text)
            else "vote"
            if rules.res["table_vote"].fullmatch(text)
            else None
        )
        if kind is None:
            continue
        end = after[index + 1][0].x0 - SLACK if index + 1 < len(after) else float("inf")
        order = _count_order(text, rules) if kind == "vote" else []
        columns.append(ResultColumn(seg[0].x0 - SLACK, end, kind, order))
    return columns


def _count_order(heading: str, rules: MeetingRules) -> list[str]:
    """The counts a vote column's heading names in order ('Ja/Nein/Enth.': yes, no, abstain); empty
    unless every part of it names one."""
    order = []
    for part in heading.split("/"):
        name = next(
            (
                n
                for n, words in rules.vote_words.items()
                if regex.fullmatch(rf"(?:{'|'.join(words)})", part.strip(), FLAGS)
            ),
            None,
        )
        if name is None:
            return []
        order.append(name)
    return order


#: A cell that says there is nothing: a dash.
_EMPTY_CELL = regex.compile(r"^\s*[-–—]*\s*$")


def head_row(lines: Sequence[Line], head: Line) -> Line:
    """The whole heading row of an agenda table whose heading row up to the title is ``head``: the
    layout may read the columns right of it (decision, vote) as a block of their own, whose heading
    line stands on the same baseline."""
    size = head.words[0].size if head.words else 10.0
    tokens = [t for ln in lines if ln.page == head.page and abs(ln.top - head.top) <= 0.5 * size for t in ln.tokens]
    return Line(head.page, sorted(tokens, key=lambda t: t.x0)) if tokens else head


def table_results(
    lines: Sequence[Line], rules: MeetingRules, head: Line | None
) -> list[tuple[tuple[int, float], str, Token]]:
    """The tokens of the decision and vote columns (:func:`result_columns` of the whole heading
    row: :func:`head_row`) below the heading row ``head``, each with where it stands (page, top)
    and which column it is in; heading rows repeated on later pages are left out."""
    if head is None:
        return []
    row = head_row(lines, head)
    columns = result_columns(row, rules)
    found: list[tuple[tuple[int, float], str, Token]] = []
    heading_words = {(t.text, round(t.x0)) for t in row.tokens}
    for line in lines:
        if (line.page, line.top) <= (head.page, row.top + 0.5 * (row.bottom - row.top)):
            continue
        texts = [" ".join(t.text for t in seg) for seg in line.segments()]
        if rules.res["table_head"].match(line.text) or all(
            rules.res["table_decision"].fullmatch(t) or rules.res["table_vote"].fullmatch(t) for t in texts
        ):
            continue
        # The heading row repeated on a later page, its number and subject cut off as the table's
        # side columns ('Vorlage  Beschluss  Abstimmung'): the heading's own words where they stood.
        if line.page > head.page and {(t.text, round(t.x0)) for t in line.tokens} <= heading_words:
            continue
        for token in line.tokens:
            column = next((c for c in columns if c.x0 <= token.x0 < c.x1), None)
            if column is not None:
                found.append(((line.page, token.top), column.kind, token))
    return found


def row_outcome(tokens: Sequence[Token], kind: str, head: Line, rules: MeetingRules) -> tuple[str | None, Vote | None]:
    """The decision text (``kind`` 'decision') or the vote ('vote') of one row's cell ``tokens`` under
    the whole heading row ``head`` (:func:`head_row`); a dash or nothing is none. A vote column whose
    heading names the counts in order reads numbers parted by slashes in that order ('12/3/1' under
    'Ja/Nein/Enth.')."""
    rows: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: (t.top, t.x0)):
        if rows and abs(rows[-1][0].top - token.top) <= 0.5 * token.size:
            rows[-1].append(token)
        else:
            rows.append([token])
    text = join_lines([" ".join(t.text for t in sorted(row, key=lambda t: t.x0)) for row in rows])
    if _EMPTY_CELL.match(text):
        return None, None
    if kind == "decision":
        return text, None
    column = next((c for c in result_columns(head, rules) if c.kind == "vote"), None)
    counted = regex.fullmatch(r"\d{1,4}(?:\s*/\s*\d{1,4})+", text) is not None
    if column is not None and counted and len(column.order) == len(text.split("/")):
        counts = dict(zip(column.order, (int(n) for n in text.split("/")), strict=True))
        no = counts.get("no")
        return None, Vote(yes=counts.get("yes"), no=no, abstain=counts.get("abstain"), unanimous=False if no else None)
    return None, read_vote(text, rules, labelled=True)


def without_task_tables(lines: Sequence[Line], rules: MeetingRules) -> list[Line]:
    """``lines`` without the tables of tasks a session agreed on ('Was | Wer | Bis wann' over '1  Flyer
    entwerfen  Frau Lange  26.01.2024'): their numbered rows are no agenda items. A table ends at a gap
    of more than :data:`TASK_GAP` line heights or at the page's end."""
    kept: list[Line] = []
    previous: Line | None = None
    for line in lines:
        if rules.res["task_table"].match(line.text):
            previous = line
            continue
        if previous is not None:
            height = max(previous.bottom - previous.top, 1.0)
            if line.page == previous.page and line.top - previous.bottom <= TASK_GAP * height:
                previous = line
                continue
            previous = None
        kept.append(line)
    return kept


#: A gap (in line heights) that ends a table of tasks.
TASK_GAP = 1.5
