"""Checkbox groups: every box on a line paired with the label on its right, grouped under the
label on its left (or on the line above, as in "Fristwahrung" over "☐ Ja ☒ Nein")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..issues import IssueCode
from ..layout.lines import SEGMENT_GAP, Line, Token
from ..models import CheckboxGroup, CheckboxOption
from ..profile import SECTION_NUMBER
from ..text.normalize import fold_for_match
from ..text.snapper import LABELS
from .context import Context

_ARROWS = frozenset("→↓←↑⇒⇨➔►▶")
#: A line above a row of boxes is its group label only within this many line heights.
_LABEL_ABOVE = 2.6


@dataclass(slots=True)
class _Group:
    label: list[Token]
    options: list[tuple[Token, list[Token]]] = field(default_factory=list)


def _clean(tokens: Sequence[Token]) -> str:
    words = [t.text for t in tokens if t.text not in _ARROWS]
    text = " ".join(words).strip()
    while text and text[-1] in _ARROWS | {":"}:
        text = text[:-1].rstrip()
    return text


def _option_words(words: list[Token], vocabulary: list[str]) -> int:
    """How many of ``words`` (after a box, before the next box) form the option label."""
    if not words:
        return 0
    for k in range(1, len(words)):  # a wide gap ends the label
        if words[k].x0 - words[k - 1].x1 > SEGMENT_GAP * max(words[k].size, 1):
            return k
    text = fold_for_match(" ".join(t.text for t in words))
    for option in vocabulary:  # longest first: "Ja, siehe Anlage" before "Ja"
        folded = fold_for_match(option)
        if text == folded or text.startswith(folded + " "):
            return len(folded.split(" "))
    return len(words)


def _parse_line(line: Line, vocabulary: list[str]) -> tuple[list[_Group], list[Token]]:
    """Groups on one line; also the words left of the first box (a label, if any)."""
    groups: list[_Group] = []
    pending: list[Token] = []
    current: _Group | None = None
    tokens = [t for t in line.tokens if not t.bullet]
    i = 0
    leading: list[Token] = []
    while i < len(tokens):
        token = tokens[i]
        if token.box is None:
            pending.append(token)
            i += 1
            continue
        if pending or current is None:
            current = _Group(label=pending)
            groups.append(current)
            if not leading and not groups[:-1]:
                leading = pending
            pending = []
        j = i + 1
        words: list[Token] = []
        while j < len(tokens) and tokens[j].box is None:
            words.append(tokens[j])
            j += 1
        has_next_box = j < len(tokens)
        count = _option_words(words, vocabulary)
        current.options.append((token, words[:count]))
        pending = words[count:] if has_next_box else []
        i = j
    return groups, leading


_HEADING_NUMBER = regex.compile(rf"^{SECTION_NUMBER}")


def _snapped(text: str, vocabulary: list[str]) -> str:
    """An OCRed label snapped to the profile's vocabulary ("]Nein" → "Nein"), else as read; a
    label read as one entry is printed stays as read ("ja" is not made "Ja")."""
    if not text or text in vocabulary:
        return text
    return LABELS.snap(text, vocabulary) or text


def extract_checkboxes(ctx: Context) -> None:
    """Fill ``checkboxes`` from every line that carries boxes, in reading order."""
    vocabulary = sorted(ctx.profile.checkbox_options, key=len, reverse=True)
    lines = ctx.lines
    result: list[CheckboxGroup] = []
    where: list[tuple[int, Sequence[Token]]] = []
    #: Each group's tokens and each option's box and words, parallel to ``result``.
    parts: list[tuple[list[Token], list[list[Token]]]] = []
    pages: list[int] = []
    for index, line in enumerate(lines):
        if line.furniture or index in ctx.claimed or not any(t.box for t in line.tokens):
            continue
        groups, _ = _parse_line(line, vocabulary)
        for group in groups:
            label = _clean(group.label)
            box_count = len(group.options)
            if not label and box_count >= 2:
                above = _label_above(ctx, index, line)
                if above is not None:
                    # A numbered heading over the boxes names the group without its number.
                    label = _HEADING_NUMBER.sub("", _clean(above.words), count=1)
                    ctx.claimed.add(lines.index(above))
                    where.append((above.page, above.words))
            if not label and box_count == 1:
                label = _clean(group.options[0][1])
            ocr = line.page in ctx.layout.ocr_pages
            if ocr:  # OCR noise in labels: snap to the profile's vocabularies
                label = _snapped(label, ctx.profile.checkbox_groups)
            options = []
            for box, words in group.options:
                text = _clean(words) or "?"
                if ocr:
                    text = _snapped(
                        text, [*ctx.profile.checkbox_options, *(ctx.profile.checkbox_groups if box_count == 1 else [])]
                    )
                state = box.box.checked if box.box else None
                options.append(CheckboxOption(label=text, checked=state))
                if state is None:
                    ctx.warn(
                        IssueCode.CHECKBOX_STATE_UNKNOWN,
                        f"checkbox {label!r} / {text!r} on page {line.page}: state could not be determined",
                        line.page,
                        field="checkboxes",
                    )
            ticked = [o.label for o in options if o.checked]
            result.append(
                CheckboxGroup(label=label or "?", options=options, selected=ticked[0] if len(ticked) == 1 else None)
            )
            tokens = [*group.label, *(b for b, _ in group.options), *(w for _, ws in group.options for w in ws)]
            where.append((line.page, tokens))
            parts.append((tokens, [[box, *words] for box, words in group.options]))
            pages.append(line.page)
        ctx.claimed.add(index)
    ctx.set("checkboxes", result, where)
    ctx.set_items("checkboxes", [[(page, tokens)] for page, (tokens, _) in zip(pages, parts, strict=True)])
    for number, (page, (_, boxes)) in enumerate(zip(pages, parts, strict=True)):
        ctx.set_items(f"checkboxes[{number}].options", [[(page, tokens)] for tokens in boxes])


def _label_above(ctx: Context, index: int, line: Line) -> Line | None:
    """The short text line just above ``line`` that labels its row of boxes, if any."""
    for back in range(index - 1, max(-1, index - 4), -1):
        above = ctx.lines[back]
        if above.furniture or above.page != line.page or not above.words:
            continue
        if any(t.box for t in above.tokens) or back in ctx.claimed:
            return None
        if line.top - above.bottom > _LABEL_ABOVE * line.size or len(above.words) > 6:
            return None
        if above.x0 > line.x1 or above.x1 < line.x0:
            continue
        return above
    return None
