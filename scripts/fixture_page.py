"""The page model of the reportlab fixtures and how it is drawn: text, rules, frames, checkboxes
and link areas as plain records (ops), and the checkbox encodings a box is drawn in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas

import fixture_fonts as ff
from fixture_fonts import EMPTY_PUA, TICK_PUA_WINGDINGS_X, TICK_PUA_X

BOX = 8.5  # side of a checkbox

#: How a checkbox is drawn (see the docstring of ``build_fixtures.py``); the ``docx-*`` ones are
#: typed into a Word document (``fixture_erfurt_docx``) instead.
Encoding = Literal[
    "glyph",
    "glyph-f078",
    "acroform",
    "vector",
    "vector-x",
    "typed-x",
    "docx-unicode",
    "docx-wingdings",
]


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    # The fixtures' regular face, whatever use_faces later makes REG name.
    font: str = ff.DEFAULT_FACES[0]
    size: float = 10.0
    align: Literal["left", "right", "center"] = "left"


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    lw: float = 0.5


@dataclass(frozen=True)
class Frame:
    x: float
    y: float
    w: float
    h: float
    lw: float = 0.8


@dataclass(frozen=True)
class Box:
    """A checkbox whose lower edge sits slightly below the text baseline ``y``."""

    x: float
    y: float
    checked: bool
    name: str


@dataclass(frozen=True)
class Link:
    x1: float
    y1: float
    x2: float
    y2: float
    url: str


Op = Text | Rule | Frame | Box | Link


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)
    # Page 1 only: the header block (originator, title, number box).
    head: list[Op] = field(default_factory=list)


def draw_box(c: Canvas, box: Box, encoding: Encoding) -> None:
    """Draw the checkbox ``box`` in ``encoding``."""
    x, y = box.x, box.y - 1.2
    if encoding in ("glyph", "glyph-f078"):
        tick = TICK_PUA_X if encoding == "glyph" else TICK_PUA_WINGDINGS_X
        c.setFont(ff.SYM, 10)
        c.drawString(box.x - 0.5, box.y, tick if box.checked else EMPTY_PUA)
        return
    if encoding == "acroform":
        c.acroForm.checkbox(
            name=box.name,
            tooltip=box.name,
            x=x,
            y=y,
            size=BOX,
            checked=box.checked,
            buttonStyle="cross",
            borderStyle="solid",
            borderWidth=0.6,
            borderColor=black,
            fillColor=white,
            textColor=black,
            forceBorder=True,
        )
        return
    if encoding == "typed-x" and box.checked:
        c.setFont(ff.REG, 10)
        c.drawString(box.x + 1.5, box.y, "x")
        return
    c.setLineWidth(0.6)
    c.rect(x, y, BOX, BOX, stroke=1, fill=0)
    if not box.checked:
        return
    if encoding == "vector-x":
        c.setFont(ff.REG, 8)
        c.drawCentredString(x + BOX / 2, y + 1.6, "X")
    else:
        c.line(x + 1.5, y + 1.5, x + BOX - 1.5, y + BOX - 1.5)
        c.line(x + 1.5, y + BOX - 1.5, x + BOX - 1.5, y + 1.5)


def draw_op(c: Canvas, op: Op, encoding: Encoding) -> None:
    """Draw one op on the canvas, a checkbox in ``encoding``."""
    if isinstance(op, Text):
        c.setFont(op.font, op.size)
        if op.align == "right":
            c.drawRightString(op.x, op.y, op.text)
        elif op.align == "center":
            c.drawCentredString(op.x, op.y, op.text)
        else:
            c.drawString(op.x, op.y, op.text)
    elif isinstance(op, Rule):
        c.setLineWidth(op.lw)
        c.line(op.x1, op.y1, op.x2, op.y2)
    elif isinstance(op, Frame):
        c.setLineWidth(op.lw)
        c.rect(op.x, op.y, op.w, op.h, stroke=1, fill=0)
    elif isinstance(op, Box):
        draw_box(c, op, encoding)
    else:
        c.linkURL(op.url, (op.x1, op.y1, op.x2, op.y2), relative=0, thickness=0)
