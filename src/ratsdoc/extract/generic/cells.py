"""Values split over two cells: a cell that wrapped ("Informationsvorlage Nr." over "2023/477"
in a narrow column) or a label whose value stands in the next column ("Antragsnr.: | 151/2020")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ...layout.lines import Line, Token
from ..form_rows import field_below
from .vocabulary import reader_vocabulary

#: How far the wrapped line's edge may stand from the cell's (points).
_ALIGN = 12.0


#: A value pushed past its label ("Drucksachen-Nr.:" over "VO/2022/955" at the next tab stop) may
#: stand a blank line below it, where LibreOffice gave the tab a line of its own (in type sizes).
_PUSHED_GAP = 1.6


#: How far (points) a value's wrapped line may stand from the value's edge: a column's text
#: starts at one tab stop.
_VALUE_ALIGN = 1.5


def line_over(lines: Sequence[Line], index: int, seg: Sequence[Token]) -> str | None:
    """The text of the line right over ``seg`` of line ``index`` that it may go on ("Änderungsantrag
    zur" over "Vorlage 0112/23"): close above it and reaching over its start. A line of the flow
    beside a box ("Neubau der Kita in der" beside "Vorlagen-Nr.: ...") ends left of it."""
    if index == 0 or not seg:
        return None
    line, above = lines[index], lines[index - 1]
    if above.page != line.page or line.top - above.bottom >= line.size:
        return None
    return above.text if above.x0 <= seg[0].x0 + _OVER_ALIGN and above.x1 > seg[0].x0 else None


#: How far right of a line's start the segment under it may start (points) to go on it.
_OVER_ALIGN = 3.0


def _below(lines: Sequence[Line], index: int, seg: list[Token]) -> list[Token] | None:
    """The segment of the next line that starts or ends where ``seg`` does, with no gap; or, under
    a label that ends in its colon, one that starts within the label's span, up to a blank line
    below it (the value pushed on past the label's tab stop)."""
    line = lines[index]
    if seg and seg[0] is line.segments()[0][0]:
        framed = field_below(lines, index)
        if framed is not None:
            return framed  # a form's label over its field ("Nr.: (vom Ratsbüro auszufüllen)" over "2024/280")
    label = bool(seg) and seg[-1].text.endswith(":")
    # Where a value beside its label in the segment starts ("Geschäftszahl: A 8 –" over
    # "19158/2025-6", the value wrapped in its own narrow column).
    value_x = next((seg[k + 1].x0 for k in range(len(seg) - 1) if seg[k].text.endswith(":")), None)
    for follower in lines[index + 1 : index + 3]:
        gap = follower.top - line.bottom
        if follower.page != line.page or gap > (_PUSHED_GAP if label else 0.8) * follower.size:
            return None
        for other in follower.segments():
            if gap <= 0.8 * follower.size and (
                abs(other[0].x0 - seg[0].x0) <= _ALIGN
                or abs(other[-1].x1 - seg[-1].x1) <= _ALIGN
                or (value_x is not None and abs(other[0].x0 - value_x) <= _VALUE_ALIGN)
            ):
                return other
            if label and seg[0].x0 + _ALIGN < other[0].x0 < seg[-1].x1:
                return other
    return None


def match_wrapped(
    lines: Sequence[Line],
    pattern: regex.Pattern[str],
    *,
    pages: int,
    clean: Callable[[int, str], str] | None = None,
    cited: bool = False,
) -> tuple[regex.Match[str], int, list[Token]] | None:
    """The first match of ``pattern`` in a segment joined with the segment under it (the same
    cell's next line) or beside it (the next column), on the first ``pages`` pages: the match,
    the page and both segments' tokens. ``clean`` (page, text) sets the joined text right first;
    with ``cited`` a paper's number cited there (:meth:`ReaderVocabulary.cites_paper`) is passed
    over."""
    for index, line in enumerate(lines):
        if line.page > pages:
            break
        segments = line.segments()
        for position, seg in enumerate(segments):
            beside = segments[position + 1] if position + 1 < len(segments) else None
            below = _below(lines, index, seg)
            # A label wrapped in a narrow cell ("Mitteilung" over "Nr.:") with its value in the next
            # column. A label ending in its colon is whole: the one under it is the next row's
            # ("Geschäftszeichen:" over "Drucksache Nr.:"), whose value is not this row's.
            wrapped = below is not None and beside is not None and not seg[-1].text.endswith(":")
            both = [*below, *beside] if wrapped and below is not None and beside is not None else None
            for other in (below, beside, both):
                if other is None:
                    continue
                texts = [" ".join(t.text for t in (*seg, *other))]
                if other is below:
                    # The value close enough to the wrapped label to share its segment ("Mitteilung
                    # 2024/0728" over "Nr.:"): the label's second line goes before the value.
                    label = [t for t in seg if t.x0 <= below[-1].x1]
                    value = [t for t in seg if t.x0 > below[-1].x1]
                    if label and value and not label[-1].text.endswith(":"):
                        texts.append(" ".join(t.text for t in (*label, *below, *value)))
                # A number cited in the lines as printed stays cited in their rearranged text.
                passed: set[str] = set()
                for text in texts:
                    text = clean(line.page, text) if clean is not None else text
                    for match in pattern.finditer(text):
                        if match.group(0) in passed or _cited(
                            cited, match, text, lines, index, seg, other if other is below else None
                        ):
                            passed.add(match.group(0))
                            continue
                        return match, line.page, [*seg, *other]
    return None


def _cited(
    cited: bool,
    match: regex.Match[str],
    text: str,
    lines: Sequence[Line],
    index: int,
    seg: list[Token],
    below: list[Token] | None,
) -> bool:
    """Whether ``match`` in ``text`` (``seg`` of line ``index``, maybe joined with the segment
    ``below`` it) is another paper's number, read on the match's own line: a number in the lower
    line ("Datum: 14.06.2023" over "Bezug: Vorlage 23/0029") with that line's start."""
    if not cited:
        return False
    vocab = reader_vocabulary()
    start = len(" ".join(t.text for t in seg)) + 1
    if below is not None and match.start() >= start:
        follower = next((ln for ln in lines[index + 1 : index + 3] if below[0] in ln.tokens), None)
        left = " ".join(t.text for t in follower.tokens if t.x1 <= below[0].x0 + 0.1) if follower is not None else ""
        own = text[start : match.start()]
        if not left.strip() and not own.strip():
            own = text[: match.start()]  # the value opens the lower line: the upper one leads to it
        return vocab.cites_paper(left, own, None)
    line = lines[index]
    left = " ".join(t.text for t in line.tokens if t.x1 <= seg[0].x0 + 0.1)
    return vocab.cites_paper(left, text[: match.start()], line_over(lines, index, seg))
