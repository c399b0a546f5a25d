"""The Erfurt Drucksache of the fixtures: its content model (:class:`Paper`), its page layout
(:class:`Layout`: the head and Beratungsfolge on page 1, the checkbox grid, finance table and
Anlagenverzeichnis on page 2, the Sachverhalt after) and its reportlab rendering."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

# REG and BOLD are read as ff.REG / ff.BOLD: use_faces rebinds them (fixture_fonts).
import fixture_fonts as ff
from fixture_fonts import BULLET_PUA, SYM, Block, soft_hyphenate, width, wrap
from fixture_page import BOX, Box, Encoding, Frame, Link, Op, Page, Rule, Text, draw_op


class GridOverflow(ValueError):
    """A checkbox row of the Erfurt grid does not fit its half of the page in the face drawn in."""


# Page geometry of the Erfurt papers (points).
PAGE_W, PAGE_H = A4
LEFT, RIGHT = 57.0, 545.0
TOP = 770.0
BOTTOM = 72.0
GRID = 8.5  # font size of the checkbox grid
BODY, LEAD = 11.0, 15.0  # font size and leading of the Sachverhalt

# --------------------------------------------------------------------------
# Content model
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Consultation:
    body_lines: tuple[str, ...]
    date: str
    treatment: str
    role: str


@dataclass(frozen=True)
class Finances:
    years: tuple[str, str, str, str]
    # Row label -> four printed amounts ("" = blank cell).
    rows: tuple[tuple[str, tuple[str, str, str, str]], ...]
    total: str = ""


FINANCE_LABELS = (
    "Verwaltungshaushalt Einnahmen",
    "Verwaltungshaushalt Ausgaben",
    "Vermögenshaushalt Einnahmen",
    "Vermögenshaushalt Ausgaben",
)


def empty_finances(years: tuple[str, str, str, str]) -> Finances:
    """A finance table of the four labelled rows with every cell blank."""
    return Finances(years, tuple((label, ("", "", "", "")) for label in FINANCE_LABELS))


@dataclass(frozen=True)
class Paper:
    number: str
    originator: str
    title_lines: tuple[str, ...]
    document_type: str
    treatment: str
    consultations: tuple[Consultation, ...]
    resolution: tuple[tuple[str, str], ...]
    signature: str
    ticked: frozenset[tuple[str, str]]
    finances: Finances
    attachments: tuple[str, ...]
    justification: tuple[Block, ...]
    running_header: str
    body: str = "Stadtrat"
    sachverhalt_new_page: bool = True
    links: tuple[str, ...] = ()
    # Words of the Sachverhalt with permitted syllable breaks marked by "|".
    hyphenation: tuple[str, ...] = ()


# Checkbox grid of page 2: rows of (group label, options) pairs.
GRID_ROW_1 = (
    ("Nachhaltigkeitscontrolling", ("Nein", "Ja, siehe Anlage")),
    ("Demografisches Controlling", ("Nein", "Ja, siehe Anlage")),
)
GRID_ROW_2 = (
    ("Finanzielle Auswirkungen", ("Nein", "Ja")),
    ("Nutzen/Einsparung", ("Nein", "Ja, siehe Sachverhalt")),
)
DECKUNG = ("Deckung im Haushalt", ("Nein", "Ja"))
STANDALONE = "Deckung siehe Entscheidungsvorschlag"
FRIST = ("Fristwahrung", ("Ja", "Nein"))


def ticks(*pairs: tuple[str, str]) -> frozenset[tuple[str, str]]:
    """The ticked (group, option) pairs of a paper."""
    return frozenset(pairs)


class Layout:
    """Places a paper's content on pages; checkbox drawing is left to the renderer."""

    def __init__(self, paper: Paper, encoding: Encoding) -> None:
        self.paper = paper
        self.encoding = encoding
        self.pages: list[Page] = []
        self.y = TOP
        self.box_seq = 0

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1].ops

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = TOP

    def box(self, x: float, y: float, group: str, option: str) -> Box:
        self.box_seq += 1
        slug = re.sub(r"[^A-Za-z]+", "_", f"{group}_{option}").strip("_")
        return Box(x, y, (group, option) in self.paper.ticked, f"cb{self.box_seq:02d}_{slug}")

    # -- page 1 ------------------------------------------------------------

    def first_page(self) -> None:
        paper = self.paper
        self.new_page()
        page = self.pages[-1]
        head = page.head
        head.append(Text(LEFT, 792, paper.originator, ff.BOLD, 11))
        head.append(Text(LEFT, 764, "Titel der Drucksache:", ff.REG, 9))
        for i, line in enumerate(paper.title_lines):
            head.append(Text(LEFT, 748 - 14 * i, line, ff.BOLD, 11))
        bx, btop, bw = 372.0, 806.0, RIGHT - 372.0
        head.append(Frame(bx, 716, bw, btop - 716))
        head.append(Text(bx + 10, 788, f"Drucksache {paper.number}", ff.BOLD, 11))
        head.append(Text(bx + 10, 770, paper.body, ff.REG, 10))
        head.append(Text(bx + 10, 755, paper.document_type, ff.REG, 10))
        head.append(Text(bx + 10, 728, paper.treatment, ff.REG, 10))

        # Beratungsfolge table.
        cols = (LEFT, 292.0, 367.0, 455.0, RIGHT)
        top = 690.0
        rows: list[tuple[tuple[str, ...], str, str, str, str]] = [
            (("Beratungsfolge",), "Datum", "Behandlung", "Zuständigkeit", ff.BOLD)
        ]
        rows += [(c.body_lines, c.date, c.treatment, c.role, ff.REG) for c in paper.consultations]
        ops = page.ops
        ops.append(Rule(cols[0], top, cols[-1], top))
        y = top
        for body_lines, date, treatment, role, font in rows:
            height = 8 + 12 * len(body_lines)
            for i, line in enumerate(body_lines):
                ops.append(Text(cols[0] + 4, y - 13 - 12 * i, line, font, 9))
            mid = y - 13 - 6 * (len(body_lines) - 1)
            for col, value in zip(cols[1:4], (date, treatment, role), strict=True):
                ops.append(Text(col + 4, mid, value, font, 9))
            y -= height
            ops.append(Rule(cols[0], y, cols[-1], y))
        for col in cols:
            ops.append(Rule(col, top, col, y))

        y -= 34
        if paper.resolution:
            ops.append(Text(LEFT, y, "Beschlussvorschlag", ff.BOLD, 11))
            y -= 24
            for number, text in paper.resolution:
                ops.append(Text(LEFT, y, number, ff.REG, 10))
                for line in wrap(text, RIGHT - 85):
                    ops.append(Text(85, y, line, ff.REG, 10))
                    y -= 13.5
                y -= 9
        if y < 130:
            raise ValueError(f"{paper.number}: page 1 overflows")
        ops.append(Text(LEFT, 100, paper.signature, ff.REG, 10))
        ops.append(Rule(LEFT, 95, 300, 95))
        ops.append(Text(LEFT, 86, "Datum, Unterschrift", ff.REG, 7))

    # -- page 2 ------------------------------------------------------------

    def option_run(self, x: float, y: float, group: str, options: Sequence[str]) -> float:
        """Label, gap, then box + option label pairs; returns the x after the run."""
        self.ops.append(Text(x, y, group, ff.REG, GRID))
        x += width(group, ff.REG, GRID) + 12
        for option in options:
            self.ops.append(self.box(x, y, group, option))
            self.ops.append(Text(x + BOX + 3, y, option, ff.REG, GRID))
            x += BOX + 3 + width(option, ff.REG, GRID) + 9
        return x

    def second_page(self) -> None:
        paper = self.paper
        self.new_page()
        ops = self.ops
        half = 300.0
        y = 762.0
        for row in (GRID_ROW_1, GRID_ROW_2):
            end_left = self.option_run(LEFT, y, *row[0])
            if row is GRID_ROW_2:
                ops.append(Text(end_left - 5, y, "→", ff.REG, GRID))
                arrow_x = end_left - 9 - width("Ja", ff.REG, GRID) - 3 - BOX
            if end_left - 9 >= half - 15:
                raise GridOverflow(f"{row[0][0]!r} runs into the right half of the checkbox grid")
            end_right = self.option_run(half, y, *row[1])
            if end_right - 9 >= RIGHT:
                raise GridOverflow(f"{row[1][0]!r} runs past the right margin")
            y -= 22
        ops.append(Text(arrow_x, y, "↓", ff.REG, GRID))
        ops.append(Text(arrow_x + 12, y, "Personal- und Sachkosten (in EUR) /", ff.REG, GRID))
        ops.append(Text(arrow_x + 12, y - 11, "Personalkosteneinsparung (in VbE)", ff.REG, GRID))
        y -= 34
        self.option_run(LEFT, y, *DECKUNG)
        ops.append(Text(half, y, "Gesamtkosten", ff.REG, GRID))
        ops.append(Frame(380, y - 4, RIGHT - 380, 14, 0.5))
        ops.append(Text(RIGHT - 4, y, f"{paper.finances.total} EUR", ff.REG, 9, "right"))

        # Finance table.
        y -= 24
        cols = (LEFT, 245.0, 320.0, 395.0, 470.0, RIGHT)
        ops.append(Rule(cols[0], y, cols[-1], y))
        header = ("", *paper.finances.years)
        ops.append(Text(cols[0] + 4, y - 12, header[0], ff.BOLD, 9))
        for i, year in enumerate(paper.finances.years):
            ops.append(Text(cols[i + 2] - 4, y - 12, year, ff.BOLD, 9, "right"))
        top = y
        y -= 17
        ops.append(Rule(cols[0], y, cols[-1], y))
        for label, amounts in paper.finances.rows:
            ops.append(Text(cols[0] + 4, y - 12, label, ff.REG, 9))
            for i, amount in enumerate(amounts):
                ops.append(Text(cols[i + 2] - 4, y - 12, f"{amount} EUR", ff.REG, 9, "right"))
            y -= 17
            ops.append(Rule(cols[0], y, cols[-1], y))
        for col in cols:
            ops.append(Rule(col, top, col, y))

        y -= 26
        ops.append(self.box(LEFT, y, STANDALONE, STANDALONE))
        ops.append(Text(LEFT + BOX + 3, y, STANDALONE, ff.REG, GRID))
        y -= 28
        ops.append(Text(LEFT, y, FRIST[0], ff.BOLD, 9))
        y -= 18
        if self.encoding == "typed-x":
            y -= 10
            self.frist_in_cells(y)
        else:
            x = LEFT
            for option in FRIST[1]:
                ops.append(self.box(x, y, FRIST[0], option))
                ops.append(Text(x + BOX + 3, y, option, ff.REG, GRID))
                x += BOX + 3 + width(option, ff.REG, GRID) + 14
        y -= 38
        ops.append(Text(LEFT, y, "Anlagenverzeichnis", ff.BOLD, 11))
        y -= 20
        for entry in paper.attachments:
            ops.append(Text(LEFT, y, entry, ff.REG, 10))
            y -= 14
        self.y = y - 24

    def frist_in_cells(self, y: float) -> None:
        """Fristwahrung as a ruled one-row table: the typed "X" sits top-aligned in
        its own narrow cell, the option labels bottom-aligned in the next cell."""
        widths = (20.0, 40.0, 20.0, 40.0)
        x = LEFT
        bottom, height = y - 6, 24.0
        self.ops.append(Frame(LEFT, bottom, sum(widths), height, 0.5))
        for i, option in enumerate(FRIST[1]):
            box = self.box(x + 6, y, FRIST[0], option)
            if box.checked:
                self.ops.append(Text(x + 6, y + 7.5, "X", ff.REG, 10))
            else:
                self.ops.append(box)
            x += widths[2 * i]
            self.ops.append(Rule(x, bottom, x, bottom + height))
            self.ops.append(Text(x + 5, y, option, ff.REG, 9))
            x += widths[2 * i + 1]
            if i == 0:
                self.ops.append(Rule(x, bottom, x, bottom + height))

    # -- Sachverhalt ---------------------------------------------------------

    def ensure(self, needed: float) -> None:
        if self.y - needed < BOTTOM:
            self.new_page()

    def text_line(self, x: float, line: str) -> None:
        self.ensure(LEAD)
        self.ops.append(Text(x, self.y, line, ff.REG, BODY))
        for url in re.findall(r"https?://\S+", line):
            start = x + width(line[: line.index(url)], ff.REG, BODY)
            end = start + width(url, ff.REG, BODY)
            self.ops.append(Link(start, self.y - 2, end, self.y + BODY, url))
        self.y -= LEAD

    def sachverhalt(self) -> None:
        if self.paper.sachverhalt_new_page:
            self.new_page()
        self.ensure(80)
        self.ops.append(Text(LEFT, self.y, "Sachverhalt", ff.BOLD, 12))
        self.y -= 26
        self.ops.append(Text(LEFT, self.y, "Begründung:", ff.BOLD, BODY))
        self.y -= 24
        for block in self.paper.justification:
            block = soft_hyphenate(block, self.paper.hyphenation)
            if isinstance(block, str):
                for line in wrap(block, RIGHT - LEFT, ff.REG, BODY):
                    self.text_line(LEFT, line)
            else:
                for item in block:
                    lines = wrap(item, RIGHT - 85, ff.REG, BODY)
                    self.ensure(LEAD)
                    self.ops.append(Text(70, self.y, BULLET_PUA, SYM, BODY))
                    for line in lines:
                        self.text_line(85, line)
                    self.y -= 2
            self.y -= 9

    def build(self) -> list[Page]:
        self.first_page()
        self.second_page()
        self.sachverhalt()
        return self.pages


def render_reportlab(
    paper: Paper, encoding: Encoding, out: Path, seed_order: bool, layout: Layout | None = None
) -> bool:
    """Render ``paper`` (placed by ``layout``, by default the fixtures' ``Layout``); with
    ``seed_order`` page 1 is emitted body first, header last."""
    pages = (layout or Layout(paper, encoding)).build()
    c = Canvas(str(out), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(f"Drucksache {paper.number}")
    c.setAuthor("Stadtverwaltung Erfurt")
    c.setSubject(" ".join(paper.title_lines))
    for number, page in enumerate(pages, start=1):
        if number > 1:
            c.setFont(ff.REG, 9)
            c.drawRightString(RIGHT, 806, paper.running_header)
            c.setLineWidth(0.5)
            c.line(LEFT, 800, RIGHT, 800)
        ops = page.ops + page.head if seed_order else page.head + page.ops
        for op in ops:
            draw_op(c, op, encoding)
        c.setFont(ff.REG, 8)
        c.drawCentredString(PAGE_W / 2, 36, f"Seite {number} von {len(pages)}")
        c.showPage()
    c.save()
    return True
