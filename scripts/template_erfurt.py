"""The Erfurt cover for the papers of the Erfurt family beyond the Entscheidungsvorlage: the
full cover with a reference line, and the short cover of an Anfrage, Antwort or Stellungnahme."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import fixture_erfurt as fe
import fixture_fonts as ff
from fixture_page import Encoding, Frame, Rule, Text, draw_op
from template_flow import LEFT, PAGE_W, RIGHT, Flow, Meta, render


class ErfurtLayout(fe.Layout):
    """The Erfurt layout of the fixtures (fixture_erfurt.py) plus an optional reference line
    ("Antrag zur Drucksache 0112/23") between the originator and the title label."""

    def __init__(self, paper: fe.Paper, encoding: Encoding, ref_line: str | None) -> None:
        super().__init__(paper, encoding)
        self.ref_line = ref_line

    def first_page(self) -> None:
        super().first_page()
        if self.ref_line:
            self.pages[-1].head.append(Text(LEFT, 778, self.ref_line, ff.REG, 9))


def render_erfurt_paper(paper: fe.Paper, encoding: Encoding, out: Path, ref_line: str | None = None) -> bool:
    pages = ErfurtLayout(paper, encoding, ref_line).build()
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
        for op in page.head + page.ops:
            draw_op(c, op, encoding)
        c.setFont(ff.REG, 8)
        c.drawCentredString(PAGE_W / 2, 36, f"Seite {number} von {len(pages)}")
        c.showPage()
    c.save()
    return True


@dataclass(frozen=True)
class ErfurtShort:
    """An Erfurt paper without the checkbox page: Anfrage, Antwort, Stellungnahme."""

    number: str
    originator: str
    title_lines: tuple[str, ...]
    document_type: str
    treatment: str
    signature: str
    ref_line: str | None = None
    consultations: tuple[tuple[str, str, str, str], ...] = ()
    asker: str | None = None  # "Fragesteller: ..." line
    sachverhalt: tuple[str, ...] = ()
    items_heading: str | None = None  # "Fragen:" or "Beantwortung"
    items: tuple[tuple[str, str], ...] = ()


def erfurt_short(paper: ErfurtShort, producer: str, out: Path) -> bool:
    flow = Flow()
    ops = flow.ops
    ops.append(Text(LEFT, 792, paper.originator, ff.BOLD, 11))
    if paper.ref_line:
        ops.append(Text(LEFT, 778, paper.ref_line, ff.REG, 9))
    ops.append(Text(LEFT, 764, "Titel der Drucksache:", ff.REG, 9))
    for i, line in enumerate(paper.title_lines):
        ops.append(Text(LEFT, 748 - 14 * i, line, ff.BOLD, 11))
    bx = 372.0
    ops.append(Frame(bx, 716, RIGHT - bx, 806 - 716))
    ops.append(Text(bx + 10, 788, f"Drucksache {paper.number}", ff.BOLD, 11))
    ops.append(Text(bx + 10, 770, "Stadtrat", ff.REG, 10))
    ops.append(Text(bx + 10, 755, paper.document_type, ff.REG, 10))
    ops.append(Text(bx + 10, 728, paper.treatment, ff.REG, 10))
    flow.y = min(690.0, 748 - 14 * len(paper.title_lines) - 24)
    if paper.consultations:
        flow.table(
            (235, 75, 88, 90),
            [list(c) for c in paper.consultations],
            header=("Beratungsfolge", "Datum", "Behandlung", "Zuständigkeit"),
            size=9,
        )
        flow.space(12)
    if paper.asker:
        flow.line(paper.asker, size=10)
        flow.space(10)
    if paper.sachverhalt:
        flow.heading("Sachverhalt", size=12)
        flow.space(4)
        for text in paper.sachverhalt:
            flow.para(text)
    if paper.items:
        flow.heading(paper.items_heading or "", size=11)
        flow.space(4)
        flow.items(paper.items, gap=7)
    flow.space(30)
    flow.ensure(40)
    flow.line(paper.signature, size=10)
    flow.ops.append(Rule(LEFT, flow.y + 10, 300, flow.y + 10))
    flow.line("Datum, Unterschrift", size=7)
    pages = flow.finish(header=f"Drucksache {paper.number}")
    meta = Meta(f"Drucksache {paper.number}", "Stadtverwaltung Erfurt", " ".join(paper.title_lines))
    return render(producer, flow, pages, meta, out)
