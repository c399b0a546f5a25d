"""Reading order of meeting documents: the body lines of each page, two-column pages read column
by column (the mechanism of layout/columns.py), and their running text."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.columns import page_order
from ..layout.lines import Line
from ..regions import Layout
from ..text.normalize import join_lines


def reading_lines(layout: Layout) -> list[Line]:
    """The body lines (no running headers, footers, page numbers) in reading order."""
    ordered: list[Line] = []
    page_lines: dict[int, list[Line]] = {}
    for line in layout.body_lines:
        if line.words:
            page_lines.setdefault(line.page, []).append(line)
    for page, lines in sorted(page_lines.items()):
        # The layout stage put pages of two text columns in reading order already (a second
        # pass finds no gutter in split lines); minutes also set lists side by side.
        ordered += page_order(lines, layout.page_width(page), running=False)[0]
    return ordered


#: Private-use glyphs: icons of symbol fonts, no text.
_ICONS = regex.compile(r"\p{Co}")


def running_text(lines: Sequence[Line]) -> str:
    """The text of ``lines``, one line each, with line-end hyphenation undone ("Bei-" +
    "rat" → "Beirat") so that every word can be searched."""
    out: list[str] = []
    for line in lines:
        text = " ".join(_ICONS.sub("", line.text).split())
        if not text:
            continue
        if out and out[-1].endswith("-") and len(out[-1]) > 1 and out[-1][-2].isalpha() and text[:1].islower():
            out[-1] = join_lines([out[-1], text])
        else:
            out.append(text)
    return "\n".join(out)
