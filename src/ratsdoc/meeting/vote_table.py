"""A vote printed as a table under its label: by faction ('Abstimmungsergebnis:' / 'Fraktion  Ja
Nein  Enthaltung' / 'SVP  30  0  1' / ... / 'Total  85  20  3'), the totals of the vote; one row of
counts under 'Ja  Nein  Enthaltung'; or one count a line ('Ja-Stimmen: 15' / 'Nein-Stimmen: 2' /
'Enthaltungen: 1')."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token
from ..meeting_models import Vote
from .rules import MeetingRules

#: The row of a table that sums the others ('Total', 'Gesamt', 'Summe', 'Insgesamt').
_TOTAL = regex.compile(r"^\s*(?:Total|Gesamt|Summe|Insgesamt|Zusammen)\b", regex.IGNORECASE)
#: A row: a name (a faction of one or more words) and a count per column.
_COUNT = regex.compile(r"^\d{1,4}$")


def _columns(text: str, rules: MeetingRules) -> list[str] | None:
    """The vote columns ('yes', 'no', 'abstain') a heading row names in order, after the name
    column's heading ('Fraktion'); None when the row names fewer than two or one twice."""
    names: list[str] = []
    for word in text.split():
        name = next(
            (n for n, words in rules.vote_words.items() if any(regex.fullmatch(w, word, regex.I) for w in words)), None
        )
        if name is not None:
            names.append(name)
        elif names:
            return None  # a word after the vote columns: no heading row of a vote table
    return names if len(names) >= 2 and len(set(names)) == len(names) else None


def _counts(text: str, width: int) -> list[int] | None:
    """The last ``width`` words of a row as counts, after at least one word of a name."""
    words = text.split()
    if len(words) <= width or not all(_COUNT.match(w) for w in words[-width:]):
        return None
    if any(_COUNT.match(w) for w in words[:-width]):
        return None  # more counts than columns
    return [int(w) for w in words[-width:]]


def table_vote(lines: Sequence[Line], rules: MeetingRules) -> tuple[Vote, list[Line]] | None:
    """The vote of a table by faction that opens ``lines``: its total row, or the sum of its rows
    where it prints none; and the lines of the table. None unless the first line is a heading row
    of vote columns (a word of it may have wrapped in its cell) with at least two rows of counts
    under it, or with one row of counts alone (a small table of the vote without a name column)."""
    if not lines:
        return None
    heading = [lines[0]]
    columns = _columns(lines[0].text, rules) or _columns(_glued(lines[0]) or "", rules)
    if columns is None and len(lines) > 1:
        glued = _glued(lines[0], lines[1])
        columns = _columns(glued, rules) if glued else None
        heading.append(lines[1])
    if columns is None:
        return None
    rest = lines[len(heading) :]
    alone = rest[0].text.split() if rest else []
    if len(alone) == len(columns) and all(_COUNT.match(w) for w in alone):
        # One row of counts under the columns' heading, no name column: the session's vote.
        by_column = dict(zip(columns, (int(w) for w in alone), strict=True))
        no = by_column.get("no")
        vote = Vote(yes=by_column.get("yes"), no=no, abstain=by_column.get("abstain"), unanimous=False if no else None)
        return vote, [*heading, rest[0]]
    rows: list[list[int]] = []
    total: list[int] | None = None
    used = list(heading)
    for line in rest:
        counts = _counts(line.text, len(columns))
        if counts is None:
            break
        used.append(line)
        if _TOTAL.match(line.text):
            total = counts
            break
        rows.append(counts)
    if total is None and len(rows) < 2:
        return None
    sums = total or [sum(column) for column in zip(*rows, strict=True)]
    by_column = dict(zip(columns, sums, strict=True))
    no = by_column.get("no")
    vote = Vote(yes=by_column.get("yes"), no=no, abstain=by_column.get("abstain"), unanimous=False if no else None)
    return vote, used


#: A piece of a word wrapped in its narrow cell ('Enthaltu' / 'ng').
_PIECE = regex.compile(r"^\p{L}+$")


def _glued(heading: Line, below: Line | None = None) -> str | None:
    """The heading row's text with the pieces of its words that wrapped in their narrow cells
    ('Enthaltu' over 'ng') glued back on: the pieces on the line ``below``, or those the layout
    set on the heading's own line under their word; None when there is no such piece (or a word of
    ``below`` is none)."""
    words: list[list[Token]] = []
    glued = False
    for token in heading.words:
        # A piece set under a word of the same line, a row lower in its cell.
        above = next((w for w in words if _under(token, w[0]) and token.top >= w[0].bottom - 0.2 * token.size), None)
        if above is not None and _PIECE.match(token.text):
            above.append(token)
            glued = True
        else:
            words.append([token])
    for piece in below.words if below is not None else ():
        above = next((w for w in words if _under(piece, w[0])), None)
        if above is None or not _PIECE.match(piece.text):
            return None
        above.append(piece)
        glued = True
    return " ".join("".join(t.text for t in word) for word in words) if glued else None


def _under(piece: Token, word: Token) -> bool:
    """Whether ``piece`` starts within the width of ``word`` (the left edge of its cell)."""
    return word.x0 - 2 <= piece.x0 <= word.x1 + 2


def stacked_counts(lines: Sequence[Line], rules: MeetingRules) -> tuple[str, list[Line]] | None:
    """The count lines that open ``lines``, one count with its word a line ('Ja-Stimmen: 15',
    'dagegen: 2', '1 Enthaltung'), joined for reading; None unless there are at least two."""
    after, before = rules.vote_count_res
    used: list[Line] = []
    for line in lines:
        text = line.text.strip()
        whole = any(
            (m := p.search(text)) is not None and m.start() == 0 and m.end() == len(text)
            for p in (*after.values(), *before.values())
        )
        if not whole:
            break
        used.append(line)
    if len(used) < 2:
        return None
    return " ".join(line.text for line in used), used


def column_apart(lines: Sequence[Line], rules: MeetingRules) -> bool:
    """Whether ``lines`` hold a vote table's column heading on a line of its own ('Enthaltung',
    'Nein  Enthaltung'): the page was read in columns and cut the table, so its counts may be
    missing from the vote read."""
    for line in lines:
        words = line.text.split()
        if words and all(
            any(regex.fullmatch(w, word, regex.I) for ws in rules.vote_words.values() for w in ws) for word in words
        ):
            return True
    return False


def total_row(lines: Sequence[Line]) -> bool:
    """Whether ``lines`` hold the total row of a vote table ('Total  49  22  7'): two counts or more
    after the word that sums them."""
    for line in lines:
        words = line.text.split()
        if _TOTAL.match(line.text) and len(words) >= 3 and all(_COUNT.match(w) for w in words[1:]):
            return True
    return False
