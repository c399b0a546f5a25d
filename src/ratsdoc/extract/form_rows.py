"""A form's row whose label stands over its field: "Datum:" alone on its line, the value in a
framed field right under it, at the label's left edge (the field's border and padding apart).

Printed forms and fillable PDF forms set their labels so, with a note for the office now and then
after the colon ("Vorlage-Nr.: (wird von der Verwaltung vergeben)"). The readers of labelled
values, numbers and dates look here for the value a lone label leaves off its own line.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token, tokens_text

#: How far a field's text stands in from its label's left edge, at most (border and padding), in points.
FRAME_INSET = 5.0
#: The widest gap between a label and its field's text, in the text's size: the field's border
#: and padding stand between them.
FIELD_GAP = 2.2
#: A form's note in parentheses after a label's colon.
FORM_NOTE = regex.compile(r"(?<=:)\s*\([^()]{1,60}\)\s*$")
#: A label of a few words ending in its colon.
_LABEL = regex.compile(r"^\p{L}[\p{L}\d/,. -]{0,40}:$")


def label_text(tokens: Sequence[Token]) -> str:
    """The text of a label's tokens without a form's note after its colon."""
    return FORM_NOTE.sub("", tokens_text(list(tokens))).strip()


def is_lone_label(line: Line) -> bool:
    """Whether ``line`` is a form label alone: one segment, a few words ending in a colon (a
    note after it left aside)."""
    segments = line.segments()
    return len(segments) == 1 and _LABEL.match(label_text(segments[0])) is not None


def field_below(lines: Sequence[Line], index: int) -> list[Token] | None:
    """The value under lone label line ``index``: the next line's segment that starts at the
    label's left edge, close below it, and is no label itself; None when there is none."""
    line = lines[index]
    if not is_lone_label(line):
        return None
    for below in lines[index + 1 : index + 3]:
        if below.furniture:
            continue
        if below.page != line.page or not below.words:
            return None
        run = next((s for s in below.segments() if abs(s[0].x0 - line.x0) <= FRAME_INSET), None)
        if run is None or is_lone_label(Line(below.page, run)) or tokens_text(run).endswith(":"):
            return None
        size = min(t.size for t in run)
        if below.top - line.bottom > FIELD_GAP * size:
            return None
        return run
    return None
