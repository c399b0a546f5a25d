"""The Beratungsfolge table: which bodies treat the paper, when, in public or not, in what role."""

from __future__ import annotations

import regex

from ..layout.lines import Line, Token
from ..models import Consultation
from ..text.dates import parse_date
from ..text.normalize import join_lines
from .context import Context

_DATE_HEAD = regex.compile(r"^(?:Datum|Sitzungstermin|Termin|Sitzung)\b", regex.IGNORECASE)
#: Rows further apart than this many line heights end the table.
_MAX_ROW_GAP = 3.5


def public_state(text: str, ctx: Context) -> bool | None:
    """True for "öffentlich", False for "nicht öffentlich" (the profile's wordings), else None."""
    folded = text.casefold()
    if any(word.casefold() in folded for word in ctx.profile.public_false):
        return False
    if any(word.casefold() in folded for word in ctx.profile.public_true):
        return True
    return None


def _role(text: str, ctx: Context) -> str | None:
    folded = text.casefold()
    for role in ctx.profile.roles:
        if role.casefold() in folded:
            return role
    return None


def _split(line: Line, boundary: float) -> tuple[list[Token], list[Token]]:
    left = [t for t in line.words if t.x0 < boundary]
    right = [t for t in line.words if t.x0 >= boundary]
    return left, right


def extract_consultations(ctx: Context) -> None:
    """Fill ``consultations`` from the table under the Beratungsfolge label."""
    found = ctx.find_label("consultations")
    if found is None or found[1].page > 2:
        ctx.set("consultations", [], [])
        return
    head_index, head, _ = found
    boundary = next((t.x0 - 2 for t in head.words if _DATE_HEAD.match(t.text)), None)
    candidates: list[tuple[int, Line]] = []
    previous = head
    for index in range(head_index + 1, len(ctx.lines)):
        line = ctx.lines[index]
        if line.furniture:
            continue
        if line.page != head.page or ctx.is_section_start(line):
            break
        if line.top - previous.bottom > _MAX_ROW_GAP * line.size:
            break
        if not line.words:
            continue
        candidates.append((index, line))
        previous = line
    if boundary is None:
        dated = [t.x0 for _, line in candidates for t in line.words if parse_date(t.text)]
        boundary = min(dated) - 2 if dated else head.x1
    anchors: list[int] = []
    for pos, (_, line) in enumerate(candidates):
        _, right = _split(line, boundary)
        if right:
            anchors.append(pos)
    if not anchors:
        ctx.set("consultations", [], [])
        return
    rows: dict[int, list[Line]] = {a: [] for a in anchors}
    for pos, (_, line) in enumerate(candidates):
        if pos in rows:
            rows[pos].append(line)
            continue
        centre = (line.top + line.bottom) / 2
        nearest = min(
            anchors,
            key=lambda a: (abs((candidates[a][1].top + candidates[a][1].bottom) / 2 - centre),
                           a > pos),
        )
        rows[nearest].append(line)
    result: list[Consultation] = []
    where: list[Line] = []
    for anchor in anchors:
        lines = sorted(rows[anchor], key=lambda ln: ln.top)
        body = join_lines([" ".join(t.text for t in _split(ln, boundary)[0]) for ln in lines])
        right_text = " ".join(" ".join(t.text for t in _split(ln, boundary)[1]) for ln in lines)
        if not body:
            continue
        result.append(Consultation(
            body=body, date=parse_date(right_text), public=public_state(right_text, ctx),
            role=_role(right_text, ctx),
        ))
        where.extend(lines)
    ctx.claimed.update(index for index, _ in candidates)
    ctx.claimed.add(head_index)
    ctx.set("consultations", result, [head, *where])
