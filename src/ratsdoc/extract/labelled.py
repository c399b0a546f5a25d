"""Values after a label on the cover pages ("Betreff: ...", "Federführend: ..."), read by a
profile's ``[values]`` patterns, with a title's continuation lines and a margin label's value
beside it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import regex

from ..layout.lines import Line, Token, narrow_cells, tokens_text
from ..text.lookalikes import ocr_snapper
from ..text.normalize import fold_for_match, join_lines
from .context import Context
from .form_rows import field_below, label_text
from .generic.continuation import title_continuation
from .generic.heading import without_stamp

#: The cover is read from the first pages only; later pages quote other papers' numbers.
COVER_PAGES = 2
#: The next label on a value's line: a capitalised word, maybe with a small word after it
#: ("Erstellt am:"), and its colon; an abbreviation's dot may stand before it ("Vorlage-Nr.:").
_NEXT_LABEL = regex.compile(r"\s\p{Lu}[\p{L}/-]+\.?(?:\s\p{Ll}+)?:(?:\s|$)")


#: A labelled value: its text, the line it is on and its tokens.
Found = tuple[str, Line, list[Token]]


def labelled_value(ctx: Context, name: str) -> Found | None:
    """The value after the first of the profile's labels for ``name`` that the cover pages
    carry: the labels are in order of preference, so "Federführend:" wins over "Verfasser:"
    wherever the two stand."""
    sources = ctx.profile.values.get(name, [])
    for source in sources:
        found = _labelled_by(ctx, name, _value_pattern(source))
        if found is not None:
            return found
    if not ctx.layout.ocr_pages:
        return None
    # On a scan a label may carry one known confusion ("Vorlaqe-Art:", "Statu5:" is not one): no
    # exact label is on the cover, so each is tried again on OCRed lines read with one confusion
    # of one letter set back (Snapper.unconfused of the OCR snapper), which keeps every position of the line.
    for source in sources:
        found = _labelled_by(ctx, name, _value_pattern(source), ocr=frozenset(ctx.layout.ocr_pages))
        if found is not None:
            return found
    return None


@lru_cache(maxsize=256)
def _value_pattern(source: str) -> regex.Pattern[str]:
    """One labelled-value pattern of a profile, compiled as :meth:`Profile.value_re` does."""
    return regex.compile(rf"(?<![\p{{L}}-])(?:{source})", regex.IGNORECASE | regex.VERSION1)


#: Marks OCR read before a line's first word, each a word of signs: a pen's tick ("/ Antrag:"),
#: a punch hole ("©").
_LEADING_MARKS = regex.compile(r"^(?:[^\p{L}\d\s§]+\s+)+")


def _confused_search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern`` found in ``text`` read with the marks before its first word blanked or with one
    known one-letter confusion set back; the match is on the variant, whose positions are the
    text's (the value is cut from the text itself)."""
    blanked = _LEADING_MARKS.sub(lambda marks: " " * len(marks.group()), text)
    if blanked != text and (match := pattern.search(blanked)) is not None:
        return match
    for variant in ocr_snapper().unconfused(text, reach=len(text)):
        if len(variant) == len(text) and (match := pattern.search(variant)) is not None:
            return match
    return None


def _labelled_by(
    ctx: Context, name: str, pattern: regex.Pattern[str], ocr: frozenset[int] | None = None
) -> Found | None:
    """The value after a label such as "Betreff:" on the cover pages, with continuation lines
    for the title (lines aligned under the value, up to a gap or the next label); with ``ocr``,
    on those pages only and with one confusion in the label (:func:`_confused_search`)."""
    for index, line in enumerate(ctx.lines):
        if line.page > COVER_PAGES:
            break
        if line.furniture or (ocr is not None and line.page not in ocr):
            continue
        beside = _beside(ctx.lines, index)
        text = f"{line.text} {beside.text}" if beside is not None else line.text
        match = pattern.search(text) if ocr is None else _confused_search(pattern, text)
        if not match and ocr is None and name != "title" and beside is None:
            wrapped = (
                _wrapped_row(ctx.lines, index, pattern)
                or _stacked_row(ctx.lines, index, pattern, name)
                or _wrapped_value(ctx.lines, index, pattern)
            )
            if wrapped is not None:
                return wrapped
        if not match and ocr is None and beside is None and line.page not in ctx.layout.ocr_pages:
            # A web page's grid or list of terms; not on a scan, whose cells OCR splits anyhow.
            cell = _cell_row(ctx.lines, index, pattern) or _term_over_value(ctx.lines, index, pattern)
            if cell is not None and not _typed(line, _folded_types(tuple(ctx.profile.document_types))):
                return cell
        if not match or not match.group("value").strip():
            continue
        if name == "title" and beside is None and _request_beside(ctx.lines, index, match.start("value")):
            continue
        value_end = match.end("value")
        next_label = _NEXT_LABEL.search(text, match.start("value"), value_end)
        if next_label:  # "öffentlich  Vorlage-Art: Beschlussvorlage": stop at the next label
            value_end = next_label.start()
        # Not on a scan, where a stamp beside the subject leaves such a gap inside it (warned).
        scanned = line.page in ctx.layout.ocr_pages
        column = _column_end(line, match.start("value")) if name == "title" and not scanned else None
        if column is not None and column[0] < value_end:
            # A subject ends at its column's gap: a sender column beside it goes on there ("...
            # am Steinweg" beside "afd-", an e-mail address wrapped in the column).
            value_end = column[0]
        value = text[match.start("value") : value_end].strip()
        if not value:
            continue
        if beside is not None and match.start("value") > len(line.text):
            # A margin label over its value: the value is the line beside it (and below it, for a title).
            if name != "title":
                return value, beside, list(beside.words)
            parts, more = title_continuation(ctx.lines, index + 1, beside.x0)
            return join_lines([value, *parts]), beside, [*beside.words, *more]
        covered = label_tokens(line, match.start("value"))
        kept = label_tokens(line, value_end)
        tokens = [t for t in kept if t not in covered]
        # The value's cell ends the line, or the next cell's label does (a grid of two label
        # columns: "Federführende Stelle: Fachbereich ... und" beside "Sachbearbeitung: ...").
        ends_cell = value_end >= len(line.text.rstrip()) or next_label is not None
        if name in _CELL_WRAPPED and covered and tokens and ends_cell:
            before = label_tokens(line, match.start())
            own = [t for t in covered if t not in before] or covered
            parts, more = cell_continuation(ctx.lines, index, own[0].x0, tokens[0].x0, (own[0].x0, own[-1].x1))
            return join_lines([value, *parts]), line, [*tokens, *more]
        if name != "title" or not tokens:
            return value, line, tokens
        parts, more = title_continuation(
            ctx.lines, index, tokens[0].x0, column[1] if column else None, wraps_to=(line.x0, value)
        )
        return join_lines([without_stamp(line, value), *parts]), line, [*tokens, *more]
    return None


def _request_beside(lines: Sequence[Line], index: int, value_start: int) -> bool:
    """Whether the label on ``lines[index]`` ends the sentence of the line above ("zur Sitzung
    stellen wir folgenden" over "Prüfantrag:"), at its left edge and its spacing, and the value
    after it is the next segment, set apart (a sender column's row beside the text): a request
    sentence's last word, no subject's label."""
    line = lines[index]
    segments = line.segments()
    if len(segments) < 2 or value_start <= len(tokens_text(segments[0])):
        return False
    above = next((ln for ln in reversed(lines[:index]) if not ln.furniture and ln.words), None)
    if above is None or above.page != line.page or abs(above.x0 - line.x0) > _CELL_ALIGN:
        return False
    last = tokens_text(narrow_cells(above)[0]) if narrow_cells(above) else above.text
    goes_on = not last.rstrip().endswith((".", "!", "?", ":", ";", ","))
    return goes_on and line.top - above.bottom < _CELL_GAP * line.size and not all(t.bold for t in above.words)


#: Values that a head grid wraps within their cell ("Federführende Dienststelle: Fachdienst Umwelt
#: und" over "Klimaschutz" under the value).
_CELL_WRAPPED = frozenset({"originator"})
#: How far a wrapped value's line may start from the value's left edge (points).
_CELL_ALIGN = 2.0
#: The widest gap between two lines of one cell, in the lines' type size: a word processor's
#: line spacing of 1.3 leaves more than half a line between them.
_CELL_GAP = 0.8
#: A value pushed past its label may stand a blank line below it: the tab that found no stop
#: left on the label's line took a line of its own (LibreOffice's rendering of a Word cell). At
#: a block's wide leading (1.5 lines) that blank line leaves two type sizes between them.
_PUSHED_GAP = 2.2
#: A wrapped label has at most this many words on each of its two lines.
_LABEL_WORDS = 3
#: A value wraps over this many lines at most.
_CELL_LINES = 3


def cell_continuation(
    lines: Sequence[Line], index: int, label_x: float, value_x: float, label: tuple[float, float] | None = None
) -> tuple[list[str], list[Token]]:
    """The texts and tokens that go on with the value of a label at ``label_x`` on ``lines[index]``
    whose value starts at ``value_x``, wrapped within a grid's cell: the next lines, set close,
    with a run of words starting at the value's left edge and nothing in the label's column
    (a line with a label there is the grid's next row). A ``label`` (its own left and right
    edges) past the value column's tab stop pushed its value on to the next stop: the value's
    next lines then start at the hanging indent, left of the label's end and right of its start. Lines wholly
    left of the label's column (the text beside an information block) lie between them."""
    line = previous = lines[index]
    parts: list[str] = []
    tokens: list[Token] = []
    edge = value_x
    for follower in lines[index + 1 :]:
        if follower.furniture:
            continue
        if len(parts) == _CELL_LINES or follower.page != line.page:
            break
        if follower.words and follower.x1 < label_x - _CELL_ALIGN:
            continue  # the flow beside a box, between two lines of the box's cell
        if follower.top - previous.bottom > _CELL_GAP * min(follower.text_size, previous.text_size):
            break
        run = next((seg for seg in follower.segments() if abs(seg[0].x0 - edge) <= _CELL_ALIGN), None)
        if run is None and not parts and label is not None:
            # At the hanging indent within the label's span; not at the label's own edge (the
            # next row's label starts there).
            run = next(
                (seg for seg in follower.segments() if label[0] + 2 * _CELL_ALIGN < seg[0].x0 < label[1] - _CELL_ALIGN),
                None,
            )
            if run is not None and any(abs(t.x0 - label[0]) <= _CELL_ALIGN for t in follower.words):
                run = None
            edge = run[0].x0 if run is not None else edge
        elif any(label_x - _CELL_ALIGN <= t.x0 < edge - _CELL_ALIGN for t in follower.words):
            break
        if run is None or _NEXT_LABEL.search(f" {tokens_text(run)}"):
            break
        parts.append(tokens_text(run))
        tokens.extend(run)
        previous = follower
    return parts, tokens


def _wrapped_row(lines: Sequence[Line], index: int, pattern: regex.Pattern[str]) -> Found | None:
    """The value of a grid row whose label wraps within its cell ("Federführende" over
    "Dienststelle:", the value's lines beside them and perhaps below): the label's two runs at
    the same left edge, the first without its colon, the second ending in one, and ``pattern``
    matching the label joined from both from its first word on."""
    if index + 1 >= len(lines):
        return None
    line, below = lines[index], lines[index + 1]
    if below.furniture or below.page != line.page:
        return None
    if below.top - line.bottom > _CELL_GAP * min(line.text_size, below.text_size):
        return None
    first, second = line.segments(), below.segments()
    if not first or not second:
        return None
    if len(first) == 1 and (split := _grid_split(lines, index, first[0])) is not None:
        # The value stands a word's gap after the label's first line, at the grid's value column.
        first = [first[0][:split], first[0][split:]]
    head, tail = first[0], second[0]
    upper, lower = tokens_text(head), tokens_text(tail)
    if upper.endswith(":") or not lower.endswith(":") or abs(head[0].x0 - tail[0].x0) > _CELL_ALIGN:
        return None
    if len(head) > _LABEL_WORDS or len(tail) > _LABEL_WORDS or len(first) > 2 or len(second) > 2:
        return None
    runs = [run for segments in (first, second) for run in segments[1:]]
    if not runs or any(abs(run[0].x0 - runs[0][0].x0) > _CELL_ALIGN for run in runs):
        return None
    value_x = runs[0][0].x0
    if value_x <= max(head[-1].x1, tail[-1].x1):
        return None
    parts, more = cell_continuation(lines, index + 1, head[0].x0, value_x)
    label = f"{upper} {lower}"
    match = pattern.search(f"{label} {join_lines([*(tokens_text(run) for run in runs), *parts])}")
    if match is None or match.start() != 0 or match.start("value") <= len(label):
        return None
    value = match.group("value").strip()
    return (value, line, [*(t for run in runs for t in run), *more]) if value else None


#: The grid rows above a row whose value column they show.
_GRID_ROWS = 2


def _grid_split(lines: Sequence[Line], index: int, run: Sequence[Token]) -> int | None:
    """Where the one run of ``lines[index]`` parts a label from its value: at a word that starts
    where a value stands after a label's colon on a grid row just above ("DS-Nr.:  55/181/23"
    over "Federführendes  Tiefbauamt", the gap no wider than a word's); None without one."""
    line = lines[index]
    above = [ln for ln in lines[max(0, index - _GRID_ROWS) : index] if ln.page == line.page]
    edges = [b.x0 for ln in above for a, b in pairwise(ln.words) if a.text.endswith(":") and b.x0 - a.x1 > _CELL_ALIGN]
    return next(
        (k for k in range(1, len(run)) if any(abs(run[k].x0 - edge) <= _CELL_ALIGN for edge in edges)),
        None,
    )


def _wrapped_value(lines: Sequence[Line], index: int, pattern: regex.Pattern[str]) -> Found | None:
    """The value of a row whose label, with its colon, ends the line's last but one segment and
    whose value wraps within its cell: its first words after the label ("Öffentlichkeitsstatus:
    nicht", the long label having pushed them past the value column's tab stop), the rest on the
    next lines (:func:`cell_continuation`, "öffentlich" at the column's edge). ``pattern`` must
    match the label and the value only with the wrapped part."""
    line = lines[index]
    segments = line.segments()
    if len(segments) < 2:
        return None
    label, value = segments[-2], segments[-1]
    label_text = tokens_text(label)
    if not label_text.endswith(":") or len(label) > _LABEL_WORDS:
        return None
    parts, more = cell_continuation(lines, index, label[0].x0, value[0].x0, (label[0].x0, label[-1].x1))
    if not parts:
        return None
    text = f"{label_text} {join_lines([tokens_text(value), *parts])}"
    match = pattern.search(text)
    if match is None or match.start() >= len(label_text) or match.start("value") < len(label_text):
        return None
    found = match.group("value").strip()
    return (found, line, [*value, *more]) if found else None


def _typed(line: Line, types: frozenset[str]) -> bool:
    """Whether ``line`` opens with a paper's type alone in its cell ("Anfrage" beside a stamp),
    one of the folded ``types``: a type line, not a label without its colon."""
    cells = narrow_cells(line)
    return bool(cells) and fold_for_match(tokens_text(cells[0])) in types


@lru_cache(maxsize=32)
def _folded_types(types: tuple[str, ...]) -> frozenset[str]:
    """A profile's document types, folded for matching."""
    return frozenset(fold_for_match(t) for t in types)


def _cell_row(lines: Sequence[Line], index: int, pattern: regex.Pattern[str]) -> Found | None:
    """The value of a grid row whose label fills its cell without a colon ("Status" | "öffentlich",
    as a web page's table sets it): a cell of at most a few words that ``pattern`` takes for its
    label when read with a colon, the next cell its whole value, with the lines that go on in
    that cell."""
    line = lines[index]
    for label, value in pairwise(narrow_cells(line)):
        label_text, value_text = tokens_text(label), tokens_text(value)
        if len(label) > _LABEL_WORDS or label_text.endswith(":"):
            continue
        match = pattern.match(f"{label_text}: {value_text}")
        if match is None or match.group("value").strip() != value_text.strip():
            continue
        parts, more = cell_continuation(lines, index, label[0].x0, value[0].x0)
        return join_lines([value_text, *parts]), line, [*value, *more]
    return None


def _term_over_value(lines: Sequence[Line], index: int, pattern: regex.Pattern[str]) -> Found | None:
    """The value of a term set over it (a web page's list of terms: "Federführende Stelle" in
    bold over "Amt 61 – Stadtplanung"): the term alone on its line, bold, without a colon, at most a few words,
    which ``pattern`` takes for its label when read with a colon, and the next line, set close
    below at the same left edge and not bold, the whole value."""
    term = lines[index]
    if index + 1 >= len(lines) or not term.words or len(term.words) > _LABEL_WORDS or len(term.segments()) > 1:
        return None
    below = lines[index + 1]
    if below.furniture or below.page != term.page or not below.words or abs(below.x0 - term.x0) > _CELL_ALIGN:
        return None
    if below.top - term.bottom > _CELL_GAP * min(term.text_size, below.text_size):
        return None
    if not all(t.bold for t in term.words) or any(t.bold for t in below.words) or term.text.endswith(":"):
        return None  # a label with its colon alone on its line heads a section ("Antrag:" over its items)
    label, value = term.text, below.text
    match = pattern.match(f"{label}: {value}")
    if match is None or match.group("value").strip() != value.strip():
        return None
    return value, below, list(below.words)


#: A label set over its value in smaller type is this many points smaller at least.
_STACKED_SMALLER = 0.5


def _stacked_row(lines: Sequence[Line], index: int, pattern: regex.Pattern[str], name: str) -> Found | None:
    """The value of a row whose label stands over it: in smaller type without its colon (an
    information block's "Status" over "öffentlich", "Federführung" over "Dezernat II"), the value
    at the label's left edge, set close and larger; or with its colon, so long that it pushed the
    value on to the next line, the value starting within the label's span. The label stands
    alone in the last segment of its line, and ``pattern`` must match the label with a colon and
    the value from the label's first word on. An office (``_CELL_WRAPPED``) goes on over the next
    lines of its cell."""
    if index + 1 >= len(lines):
        return None
    line, below = lines[index], lines[index + 1]
    segments = line.segments()
    if below.furniture or below.page != line.page or not segments:
        return None
    head = segments[-1]
    # A form's note after its label is no part of it: "Vorlage-Nr.: (vom Ratsbüro auszufüllen)".
    label = label_text(head)
    pushed = label.endswith(":")
    if len(label.split()) > _LABEL_WORDS:
        return None
    left, right = head[0].x0, head[-1].x1
    framed = False
    if pushed:
        run = next((seg for seg in below.segments() if left + 2 * _CELL_ALIGN < seg[0].x0 < right), None)
        if run is None:
            # A form's row: the label alone on its line over the field it names (form_rows.py).
            run = field_below(lines, index)
            framed = run is not None
    else:
        run = next((seg for seg in below.segments() if abs(seg[0].x0 - left) <= _CELL_ALIGN), None)
    if run is None:
        return None
    size = min(t.size for t in run)
    if below.top - line.bottom > (_PUSHED_GAP if pushed else _CELL_GAP) * size:
        return None
    if not pushed and size - max(t.size for t in head) < _STACKED_SMALLER:
        return None
    parts, tokens = [tokens_text(run)], list(run)
    if framed:
        pass  # a form's field of one line: no cell to go on in
    elif name in _CELL_WRAPPED and pushed:
        more_parts, more = cell_continuation(lines, index + 1, left, run[0].x0, (left, right))
        parts, tokens = [*parts, *more_parts], [*tokens, *more]
    elif name in _CELL_WRAPPED:
        previous = below
        for follower in lines[index + 2 : index + 1 + _CELL_LINES]:
            cell = next((seg for seg in follower.segments() if abs(seg[0].x0 - left) <= _CELL_ALIGN), None)
            if (
                cell is None
                or follower.page != line.page
                or follower.top - previous.bottom > _CELL_GAP * size
                or abs(min(t.size for t in cell) - size) >= _STACKED_SMALLER
            ):
                break
            parts.append(tokens_text(cell))
            tokens.extend(cell)
            previous = follower
    text = f"{label.rstrip(':')}: {join_lines(parts)}"
    match = pattern.search(text)
    if match is None or match.start() != 0 or match.start("value") <= len(label.rstrip(":")):
        return None
    value = match.group("value").strip()
    return (value, below, tokens) if value else None


def _beside(lines: Sequence[Line], index: int) -> Line | None:
    """The line that a margin label at ``index`` was split from (layout/margin_labels.py): the
    next line, on the same page and baseline, right of the label."""
    if index + 1 >= len(lines):
        return None
    line, other = lines[index], lines[index + 1]
    if other.page != line.page or abs(other.top - line.top) > 1.0 or other.x0 <= line.x1:
        return None
    return other


def _column_end(line: Line, start: int) -> tuple[int, float] | None:
    """Where in ``line``'s text the segment holding char ``start`` ends, and where the next
    segment starts (x), when a column's gap parts them; None when no segment follows it that
    far off or the line holds more than words. A narrower gap may be a tab inside the subject
    ("Dringlichkeitsantrag:Energetische   Sanierung ...", the label glued to its first word)."""
    if len(line.words) != len(line.tokens):
        return None  # a checkbox or a bullet takes no place in the text: positions would slip
    segments = line.segments()
    position = 0
    for segment, after in pairwise(segments):
        position += sum(len(token.text) + 1 for token in segment)
        if position > start:
            apart = after[0].x0 - segment[-1].x1 > _COLUMN_GAP * max(after[0].size, segment[-1].size)
            return (position - 1, after[0].x0) if apart else None
    return None


#: A gap this many type sizes wide parts a column from the subject beside it.
_COLUMN_GAP = 3.0


def label_tokens(line: Line, end: int) -> list[Token]:
    """The tokens of ``line`` that the label match (ending at char ``end``) covers."""
    covered: list[Token] = []
    position = 0
    for token in line.words:
        if position >= end:
            break
        covered.append(token)
        position += len(token.text) + 1
    return covered
