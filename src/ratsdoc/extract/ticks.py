"""Checkbox-mark normalisation, a step of its own before the extractors: typed ticks become
ticked boxes, so that every extractor reads the same, final lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..layout.lines import Line, Token
from ..layout.marks import BoxMark, is_typed_tick
from ..regions import Layout
from ..text.normalize import fold_for_match


def normalise_ticks(layout: Layout, options: Sequence[str]) -> None:
    """Turn the typed ticks of ``layout`` into ticked boxes; ``options`` are the profile's
    checkbox option words (an "x" before one of them is a tick even on a line without boxes)."""
    _absorb_typed_ticks([ln for ln in layout.lines if not ln.furniture], {fold_for_match(v) for v in options})


def _tick_box(token: Token) -> Token:
    mark = BoxMark(token.x0, token.top, token.x1, token.bottom, True, "typed")
    return replace(token, box=mark, text="☒")


def _absorb_typed_ticks(lines: list[Line], vocabulary: set[str]) -> None:
    """Turn typed "x" marks into ticked boxes.

    An "x" before an option word on a line with boxes or option words is a tick; an "x" alone
    on its own text line (typed into a table cell) joins the nearest line on the same page.
    """
    for line in lines:
        tokens = list(line.tokens)
        only_ticks = bool(tokens) and all(t.box is None and is_typed_tick(t.text) for t in tokens)
        if only_ticks:
            continue
        has_boxes = any(t.box is not None for t in tokens)
        ticked = False
        for i, token in enumerate(tokens):
            if token.box is not None or not is_typed_tick(token.text) or i + 1 >= len(tokens):
                continue
            following = tokens[i + 1]
            if following.box is None and (has_boxes or fold_for_match(following.text).strip(",") in vocabulary):
                tokens[i] = _tick_box(token)
                ticked = True
        if ticked:
            line.tokens = tokens
    for line in [ln for ln in lines if ln.tokens and all(t.box is None and is_typed_tick(t.text) for t in ln.tokens)]:
        centre = (line.top + line.bottom) / 2
        others = [
            o
            for o in lines
            if o is not line and o.page == line.page and o.words and not all(is_typed_tick(t.text) for t in o.tokens)
        ]
        if not others:
            continue
        target = min(others, key=lambda o: abs((o.top + o.bottom) / 2 - centre))
        if abs((target.top + target.bottom) / 2 - centre) > 1.5 * target.size:
            continue
        merged = list(target.tokens)
        for token in line.tokens:
            # An x typed onto a drawn empty box ticks that box.
            for j, other in enumerate(merged):
                if other.box is not None and other.x0 - 3 <= token.x0 <= other.x1 + 3:
                    merged[j] = replace(other, box=replace(other.box, checked=True), text="☒")
                    break
            else:
                merged.append(_tick_box(token))
        target.tokens = sorted(merged, key=lambda t: t.x0)
        line.tokens = []
