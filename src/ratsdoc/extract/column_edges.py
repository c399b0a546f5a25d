"""A line's words parted where the columns of the lines around it start: a box of fields beside
the text may stand closer to a long line of it than a column's gap ("... des Ortsteilrates
Datum: 12.05.2025", the "Datum:" row under "Drucksachen-Nr.:")."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..layout.lines import Line

#: How far (points) a word may start from a column's edge on the lines around and be parted there.
ALIGN = 1.5
#: Lines above and below that give the column edges.
REACH = 2
#: A word is parted from the one before it only after a gap wider than a word's (this share of
#: its size, as a box beside the flow is found): words of a paragraph running past an edge stay.
GAP = 0.6
#: A line of the lines around that starts this far (points) right of the line's own start is a
#: column's line of its own (a box's row "Vorlage-Nr.: ..." over the subject's line).
INDENT = 150.0


def with_column_edges(lines: Sequence[Line], index: int) -> Line:
    """``lines[index]`` with a segment starting (``Token.ruled``) at each word set apart that starts
    where a column of a line around it starts, on the same page; the line itself where none does."""
    line = lines[index]
    edges = [
        segment[0].x0
        for other in lines[max(0, index - REACH) : index + REACH + 1]
        if other is not line and other.page == line.page and not other.furniture
        for position, segment in enumerate(other.segments())
        if position or segment[0].x0 > line.x0 + INDENT
    ]
    tokens = line.tokens
    parted = [
        dataclasses.replace(token, ruled=True)
        if k
        and not token.ruled
        and token.x0 - tokens[k - 1].x1 > GAP * token.size
        and any(abs(token.x0 - edge) <= ALIGN for edge in edges)
        else token
        for k, token in enumerate(tokens)
    ]
    if all(new is old for new, old in zip(parted, tokens, strict=True)):
        return line
    return Line(line.page, parted, furniture=line.furniture)
