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


def _kind(word: str, rules: MeetingRules) -> str | None:
    """The count a column heading's word names ('yes', 'no', 'abstain'), 'aside' for a number that is
    no vote cast ('Stimmberechtigt', 'anwesend', 'Befangen'), or None."""
    name = next((n for n, pattern in rules.vote_word_res.items() if pattern.fullmatch(word)), None)
    if name is None and rules.res["vote_aside_word"].fullmatch(word):
        return "aside"
    return name


def _columns(text: str, rules: MeetingRules) -> list[str] | None:
    """The columns a heading row names in order ('yes', 'no', 'abstain', 'aside' for a number that is
    no vote cast), after the name column's heading ('Fraktion'); None when the row names fewer than
    two counts or one twice."""
    names: list[str] = []
    for word in text.split():
        name = _kind(word, rules)
        if name is not None:
            names.append(name)
        elif names:
            return None  # a word after the vote columns: no heading row of a vote table
    votes = [name for name in names if name != "aside"]
    return names if len(votes) >= 2 and len(set(votes)) == len(votes) else None


def heading_row(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` is a vote table's heading row alone ('Ja  Nein  Enthaltung  Befangen',
    'Stimmberechtigt  anwesend  dafür  dagegen  Enthaltung'): every word names a column."""
    columns = _columns(text, rules)
    return columns is not None and len(columns) == len(text.split())


#: A cell that prints a zero as a dash ('—', '–', '-').
_DASH = regex.compile(r"^[—–-]$")


def _one_row(heading: Line, row: Line, columns: list[str], rules: MeetingRules) -> Vote | None:
    """The vote of the one row of counts under a heading row without a name column: 'einstimmig'
    alone in it, counts (a dash for a zero) one a column, or fewer where cells are empty, each
    under the heading word it stands below (an empty cell under a count's heading is a zero)."""
    words = row.words
    said = [k for k, w in enumerate(words) if rules.res["unanimous"].fullmatch(w.text)]
    if len(said) == 1 and said[0] == len(words) - 1 and all(_COUNT.match(w.text) for w in words[:-1]):
        # 'einstimmig' in the yes cell, after the counts of columns that are no votes cast ('48  41').
        before = columns[: said[0]]
        if said[0] < len(columns) and columns[said[0]] == "yes" and all(name == "aside" for name in before):
            return Vote(unanimous=True)
        return None
    if not words or not all(_COUNT.match(w.text) or _DASH.match(w.text) for w in words):
        return None
    values = [0 if _DASH.match(w.text) else int(w.text) for w in words]
    if len(words) == len(columns):
        by_column = dict(zip(columns, values, strict=True))
    else:
        heads = heading.words
        if len(heads) != len(columns) or len(words) > len(columns):
            return None
        cells: list[int | None] = [None] * len(columns)
        for word, value in zip(words, values, strict=True):
            # A cell's count stands below its heading, left of the next column's heading.
            at = [k for k, head in enumerate(heads) if head.x0 - 0.5 * head.size <= word.x0]
            if not at or cells[at[-1]] is not None:
                return None
            cells[at[-1]] = value
        by_column = {name: value or 0 for name, value in zip(columns, cells, strict=True)}
    no = by_column.get("no")
    return Vote(yes=by_column.get("yes"), no=no, abstain=by_column.get("abstain"), unanimous=False if no else None)


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
    glued = _glued(lines[0], lines[1]) if len(lines) > 1 else None
    more = _columns(glued, rules) if glued else None
    if more is not None and (columns is None or len(more) > len(columns)):
        # A heading word wrapped in its cell ('Stimmberech' over 'tigt'): its first piece alone
        # may read as a name column's heading before the counts' columns.
        columns = more
        heading.append(lines[1])
    if columns is None:
        return None
    rest = lines[len(heading) :]
    # A heading word wrapped in its narrow cell has its first piece on the heading's first line.
    single = _one_row(heading[0], rest[0], columns, rules) if rest else None
    if single is not None:
        # One row of counts under the columns' heading, no name column: the session's vote.
        return single, [*heading, rest[0]]
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


#: What may stand between the counts of a line: separators and 'und'.
_BETWEEN = regex.compile(r"[\s,;/|]+|\bund\b", regex.IGNORECASE)


def count_line(text: str, rules: MeetingRules) -> int | None:
    """How many votes ``text`` counts when it is nothing but counts with their words ('Ja-Stimmen:
    15', 'Dagegen: 1 / Enthaltungen: 0', '1 Enthaltung') and numbers that are no votes cast
    ('davon anwesend: 58', 'Befangenheit: 0'); None for any other line."""
    left, asides = rules.res["vote_aside"].subn(" ", text)
    votes = 0
    for patterns in rules.vote_count_res:
        # One order for all the counts of a line: after their words, or before them.
        rest, found = left, 0
        for pattern in patterns.values():
            rest, n = pattern.subn(" ", rest)
            found += n
        if found:
            left, votes = rest, found
            break
    if (votes or asides) and not _BETWEEN.sub("", left):
        return votes
    return None


def without_asides(text: str, rules: MeetingRules) -> str:
    """``text`` without the numbers of a vote block that are no votes cast ('davon anwesend: 58')."""
    return rules.res["vote_aside"].sub(" ", text)


def stacked_counts(lines: Sequence[Line], rules: MeetingRules) -> tuple[str, list[Line]] | None:
    """The count lines that open ``lines``, one count with its word a line ('Ja-Stimmen: 15',
    'dagegen: 2', '1 Enthaltung') or several, among lines of numbers that are no votes cast
    ('Gesetzliche Anzahl der Mitglieder: 71', 'davon anwesend: 58', 'Befangenheit: 0'), joined for
    reading without those; None unless they count at least two votes. Where the reading order read
    a list's labels apart from their values ('Zustimmung:' … 'Stimmenthaltungen:', then '12' …
    '2'), the rows are put together again by their tops."""
    found = _stacked(lines, rules)
    if found is not None:
        return found
    rows = _rows_by_top(lines)
    merged = _stacked([row for row, _ in rows], rules)
    if merged is None:
        return None
    text, used = merged
    return text, [line for row, parts in rows if any(row is u for u in used) for line in parts]


def _stacked(lines: Sequence[Line], rules: MeetingRules) -> tuple[str, list[Line]] | None:
    used: list[Line] = []
    votes = 0
    for line in lines:
        found = count_line(line.text.strip(), rules)
        if found is None:
            break
        used.append(line)
        votes += found
    if votes < 2:
        return None
    return " ".join(without_asides(line.text, rules) for line in used), used


#: Lines whose tops are this close (points) on one page stand in one row.
_ROW_TOP = 2.0


def _rows_by_top(lines: Sequence[Line]) -> list[tuple[Line, list[Line]]]:
    """``lines`` put together in rows by their tops on each page, top to bottom: each row as one
    line, with the lines it was read as."""
    rows: list[tuple[Line, list[Line]]] = []
    for line in sorted(lines, key=lambda ln: (ln.page, ln.top)):
        if rows and rows[-1][0].page == line.page and abs(rows[-1][0].top - line.top) <= _ROW_TOP:
            parts = [*rows[-1][1], line]
            tokens = sorted((t for part in parts for t in part.tokens), key=lambda t: t.x0)
            rows[-1] = (Line(line.page, tokens), parts)
        else:
            rows.append((line, [line]))
    return rows


def column_apart(lines: Sequence[Line], rules: MeetingRules) -> bool:
    """Whether ``lines`` hold a vote table's column heading on a line of its own ('Enthaltung',
    'Nein  Enthaltung'): the page was read in columns and cut the table, so its counts may be
    missing from the vote read."""
    for line in lines:
        words = line.text.split()
        if words and all(any(pattern.fullmatch(word) for pattern in rules.vote_word_res.values()) for word in words):
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


def restore_vote_heads(lines: Sequence[Line], rules: MeetingRules) -> None:
    """Take back from the running heads a vote table's heading row that opens a page over its one
    row of counts ('Ja  Nein  Enthaltung' / '22  12  6' at the top of two pages, the votes of two
    items that each ran over a break): a table's heading repeated over its rows on every page has
    rows of names under it, not one row of counts."""
    for k, line in enumerate(lines[:-1]):
        if not line.furniture or not heading_row(line.text, rules):
            continue
        row = lines[k + 1]
        after = lines[k + 2] if k + 2 < len(lines) else None
        counts = [w.text for w in row.words]
        lone = bool(counts) and all(
            _COUNT.match(w) or _DASH.match(w) or rules.res["unanimous"].fullmatch(w) for w in counts
        )
        more = after is not None and after.page == row.page and _counts(f"x {after.text}", len(counts)) is not None
        if row.page == line.page and not row.furniture and lone and not more:
            line.furniture = False
