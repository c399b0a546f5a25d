"""Cover fields: number, title, document type, public, body, originator/faction and date."""

from __future__ import annotations

import regex

from ..layout.lines import Line, Token
from ..text.dates import iter_dates
from ..text.normalize import fold_for_match, join_lines
from .consultations import public_state
from .context import Context

#: The cover is read from the first pages only; later pages quote other papers' numbers.
_COVER_PAGES = 2
_DIGIT_REPAIR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def _segments(ctx: Context, *, pages: int = _COVER_PAGES) -> list[tuple[int, Line, list[Token]]]:
    """(line index, line, segment) for unclaimed body lines on the cover pages."""
    result: list[tuple[int, Line, list[Token]]] = []
    for index, line in enumerate(ctx.lines):
        if line.page > pages:
            break
        if line.furniture or index in ctx.claimed:
            continue
        result.extend((index, line, seg) for seg in line.segments())
    return result


def _text(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def extract_cover(ctx: Context) -> None:
    """Fill the scalar cover fields."""
    segments = _segments(ctx)
    number_at = _number(ctx, segments)
    type_at = _document_type(ctx, segments)
    anchor = type_at or number_at
    _public(ctx, segments, anchor)
    _body(ctx, segments, anchor)
    _originator(ctx, segments)
    _title(ctx)
    _date(ctx)


def _number(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> tuple[Line, list[Token]] | None:
    for _, line, seg in segments:
        match = ctx.profile.number_re.search(_text(seg))
        if match:
            number = match.group("number").translate(_DIGIT_REPAIR)
            ctx.set("number", number, [(line.page, seg)])
            return line, seg
    ctx.set("number", None, [])
    return None


def _document_type(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> tuple[Line, list[Token]] | None:
    types = sorted(ctx.profile.document_types, key=len, reverse=True)
    folded = [(fold_for_match(t), t) for t in types]
    for _, line, seg in segments:
        text = fold_for_match(_text(seg)).rstrip(":")
        for key, name in folded:
            if text == key:
                ctx.set("document_type", name, [(line.page, seg)])
                if name in ctx.profile.not_drucksache_types:
                    ctx.warn(f"not a Drucksache: the paper is of type {name!r}, so Drucksache fields stay empty")
                return line, seg
    ctx.set("document_type", None, [])
    return None


def _near(anchor: tuple[Line, list[Token]] | None, line: Line, seg: list[Token]) -> float:
    """Distance of a segment to the anchor block (same column, vertically close), else inf."""
    if anchor is None:
        return 0.0
    a_line, a_seg = anchor
    if a_line.page != line.page:
        return float("inf")
    if seg[0].x0 > a_seg[-1].x1 + 20 or seg[-1].x1 < a_seg[0].x0 - 20:
        return float("inf")
    return abs(line.top - a_line.top)


def _public(ctx: Context, segments: list[tuple[int, Line, list[Token]]],
            anchor: tuple[Line, list[Token]] | None) -> None:
    candidates = []
    words = {fold_for_match(w) for w in ctx.profile.public_true + ctx.profile.public_false}
    for _, line, seg in segments:
        text = _text(seg)
        if fold_for_match(text) in words:
            candidates.append((_near(anchor, line, seg), line, seg, public_state(text, ctx)))
    candidates = [c for c in candidates if c[0] != float("inf")]
    if not candidates:
        ctx.set("public", None, [])
        return
    _, line, seg, state = min(candidates, key=lambda c: c[0])
    ctx.set("public", state, [(line.page, seg)])


def _body(ctx: Context, segments: list[tuple[int, Line, list[Token]]],
          anchor: tuple[Line, list[Token]] | None) -> None:
    bodies = {fold_for_match(b): b for b in ctx.profile.bodies}
    candidates = []
    for _, line, seg in segments:
        text = _text(seg)
        if fold_for_match(text) in bodies:
            candidates.append((_near(anchor, line, seg), line, seg, text))
    candidates = [c for c in candidates if c[0] != float("inf")]
    if not candidates:
        ctx.set("body", None, [])
        return
    _, line, seg, text = min(candidates, key=lambda c: c[0])
    ctx.set("body", text, [(line.page, seg)])


def _originator(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> None:
    for _, line, seg in segments:
        if line.page != 1:
            break
        text = _text(seg)
        # "Stadtteilbeirat:" is a label whose value follows, not an originator.
        if ctx.profile.originator_re.match(text) and len(text) <= 120 and not text.endswith(":"):
            ctx.set("originator", text, [(line.page, seg)])
            faction = text if ctx.profile.faction_re.search(text) else None
            ctx.set("faction", faction, [(line.page, seg)] if faction else [])
            return
    ctx.set("originator", None, [])
    ctx.set("faction", None, [])


def _title(ctx: Context) -> None:
    found = ctx.find_label("title")
    if found is None or found[1].page > _COVER_PAGES:
        ctx.set("title", None, [])
        return
    index, label_line, match = found
    label_tokens = _label_tokens(label_line, match.end())
    x_left = label_tokens[0].x0 if label_tokens else label_line.x0
    parts: list[str] = []
    where: list[tuple[int, list[Token]]] = []
    rest = [t for t in label_line.segments()[0] if t not in label_tokens] if label_tokens else []
    if rest:
        parts.append(_text(rest))
        where.append((label_line.page, rest))
    previous = label_line
    for line in ctx.lines[index + 1:]:
        if line.furniture:
            continue
        if line.page != label_line.page or line.top - previous.bottom > 1.2 * line.size:
            break
        seg = next((s for s in line.segments() if abs(s[0].x0 - x_left) <= 12), None)
        if seg is None:  # a line of another column (the number box) between title lines
            continue
        if ctx.is_section_start(line):
            break
        parts.append(_text(seg))
        where.append((line.page, seg))
        previous = line
    title = join_lines(parts) or None
    ctx.set("title", title, where)


def _label_tokens(line: Line, end: int) -> list[Token]:
    """The tokens of ``line`` that the label match (ending at char ``end``) covers."""
    covered: list[Token] = []
    position = 0
    for token in line.words:
        if position >= end:
            break
        covered.append(token)
        position += len(token.text) + 1
    return covered


def _date(ctx: Context) -> None:
    """The paper's date: beside the signature, else after a "Datum:" label, else in the header."""
    for name in ("signature", "date"):
        found = ctx.find_label(name)
        while found is not None:
            index, line, _ = found
            for candidate in (line, *ctx.lines[max(0, index - 1):index]):
                for date, _, _ in iter_dates(candidate.text):
                    ctx.set("date", date, [candidate])
                    return
            found = ctx.find_label(name, start=index + 1)
    for line in ctx.lines:
        if line.page > 1:
            break
        if line.furniture or regex.search(r"Beratungsfolge|Sitzung", line.text):
            continue
        for date, _, _ in iter_dates(line.text):
            if ctx.lines.index(line) not in ctx.claimed:
                ctx.set("date", date, [line])
                return
    ctx.set("date", None, [])
