"""Labels in a margin column: section labels ("Betreff:", "Sachverhalt:") set in a column of
their own at the left margin, with their content in a second column that starts on the label's
baseline and goes on below it.

District and town templates print their Vorlagen this way. Read as lines, the label and the
first line of its content are one line, and the table-cell stage would join the whole first
paragraph onto it as a wrapped cell. Split here, a margin label stands over its content as a
heading does, and every later stage reads the section as it reads any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .lines import SEGMENT_GAP, Line, Token

#: How far (pt) two left edges may differ and still be one column.
ALIGN = 3.0
#: A margin label has at most this many words ("Finanzielle Auswirkungen:").
LABEL_WORDS = 3
#: Lines starting at the content column a page needs before its labels are taken for margin
#: labels: a label-and-value row of a paper's head ("Betreff:  Sanierung ...") has one or two.
CONTENT_LINES = 3


def _label_and_content(line: Line, margin: float) -> tuple[list[Token], list[Token]] | None:
    """The label's tokens and the content's tokens of ``line`` when it is a margin label's line:
    a few bold words at the margin, the last ending in a colon, and more after a gap of at least
    half a font size (words, a table's header row, check boxes)."""
    tokens = line.tokens
    end = next((k for k, t in enumerate(tokens[:LABEL_WORDS]) if t.text.endswith(":")), None)
    if end is None or end + 1 >= len(tokens) or abs(tokens[0].x0 - margin) > ALIGN:
        return None
    label, content = list(tokens[: end + 1]), list(tokens[end + 1 :])
    if not all(t.bold and t.box is None for t in label) or content[0].x0 - label[-1].x1 < 0.5 * label[-1].size:
        return None
    if any(t.box is not None for t in content):
        return None  # a checkbox row keeps its group label beside its boxes ("Finanzielle Auswirkungen: ☐ ja ☒ nein")
    return label, content


def _apart(parts: tuple[list[Token], list[Token]]) -> bool:
    """Whether the content stands a column gap away from its label (not only a wide space)."""
    label, content = parts
    return content[0].x0 - label[-1].x1 > SEGMENT_GAP * label[-1].size


def split_margin_labels(lines: Sequence[Line]) -> list[Line]:
    """The lines of one page with each margin label on a line of its own, before its content.

    The labels are taken for margin labels only when the page is laid out in two columns:
    more lines start at the labels' content column than at the margin (other than the labels
    and the label lines a long label wraps to). A paper whose text runs at the margin, with a
    few label-and-value rows in its head, keeps its lines as they are.
    """
    texts = [line for line in lines if line.tokens and not line.furniture]
    if not texts:
        return list(lines)
    margin = min(line.x0 for line in texts)
    found = {id(line): parts for line in texts if (parts := _label_and_content(line, margin)) is not None}
    if not found:
        return list(lines)
    columns = sorted(parts[1][0].x0 for parts in found.values() if _apart(parts))
    if not columns:
        return list(lines)
    column = columns[len(columns) // 2]  # the content column most labels share
    # Content starts at the column, or a cell's padding inside a table that does.
    found = {
        key: parts
        for key, parts in found.items()
        if -ALIGN <= parts[1][0].x0 - column <= max(ALIGN, parts[1][0].size * 0.8)
    }
    at_column = sum(1 for line in texts if abs(line.x0 - column) <= ALIGN)
    at_margin = sum(
        1
        for line in texts
        if abs(line.x0 - margin) <= ALIGN
        and id(line) not in found
        and not (all(t.bold for t in line.tokens) and line.x1 < column)  # a label wrapped to its next line
    )
    if at_column < CONTENT_LINES or at_margin >= at_column + len(found):
        return list(lines)
    # A label wrapped in its column ("Vorschlag der" / "Verwaltung:"): its second line gives
    # its words to the first and keeps only the content beside it, if any.
    rest: dict[int, list[Token]] = {}
    for above, below in pairwise(texts):
        if id(above) in found or id(above) in rest:
            continue
        wrapped = _wrapped_label(above, below, margin, column)
        if wrapped is not None:
            label, content, more = wrapped
            found.pop(id(below), None)  # "Verwaltung:  b) ...": the label's end, not a label
            found[id(above)] = (label, content)
            rest[id(below)] = more
    out: list[Line] = []
    for line in lines:
        if id(line) in rest:
            if rest[id(line)]:
                out.append(Line(line.page, rest[id(line)], furniture=line.furniture))
            continue
        parts = found.get(id(line))
        if parts is None:
            out.append(line)
            continue
        label, content = parts
        out.append(Line(line.page, label, furniture=line.furniture))
        out.append(Line(line.page, content, furniture=line.furniture))
    return out


def _wrapped_label(
    above: Line, below: Line, margin: float, column: float
) -> tuple[list[Token], list[Token], list[Token]] | None:
    """The label, the content beside it and the content beside the label's second line when
    ``above`` and ``below`` hold a margin label wrapped in its column: a few bold words at the
    margin without a colon, with content at the column, over a few bold words at the margin,
    the last ending in a colon, following closely."""
    first = [t for t in above.tokens if t.x1 < column - ALIGN]
    second = [t for t in below.tokens if t.x1 < column - ALIGN]
    content = [t for t in above.tokens if t.x0 >= column - ALIGN]
    more = [t for t in below.tokens if t.x0 >= column - ALIGN]
    if (
        not first
        or not second
        or not content
        or len(first) + len(content) != len(above.tokens)
        or len(second) + len(more) != len(below.tokens)
        or len(first) + len(second) > LABEL_WORDS + 1
        or abs(first[0].x0 - margin) > ALIGN
        or abs(second[0].x0 - margin) > ALIGN
        or not all(t.bold and t.box is None for t in (*first, *second))
        or any(t.box is not None for t in content)  # a checkbox row keeps its label beside its boxes
        or any(t.text.endswith(":") for t in (*first, *second[:-1]))
        or not second[-1].text.endswith(":")
        or below.top - above.bottom > 0.8 * first[-1].size
        or below.page != above.page
    ):
        return None
    return [*first, *second], content, more
