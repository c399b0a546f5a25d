"""The letter template: a letterhead, the address block, place and date, a subject, the
request and its items, reasons and signers; rendered by reportlab or fpdf2, or as a DOCX."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fixture_fonts as ff
from fixture_fonts import width, wrap
from fixture_page import Rule, Text
from template_docx import add_blocks, add_items, bold_par, new_document
from template_flow import Blocks, Flow, Meta, render


@dataclass(frozen=True)
class Letter:
    sender: tuple[str, ...]  # letterhead: name (bold), then address lines
    place_date: str
    recipient: tuple[str, ...]
    subject: tuple[str, str]  # ("Antrag:", "title") printed bold
    salutation: str
    intro: tuple[str, ...] = ()
    items_label: str | None = None  # "Wir beantragen:"
    items: tuple[tuple[str, str], ...] | str = ()
    body_label: str | None = None  # "Begründung:"
    body: Blocks = ()
    signers: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()  # ("Betreff:", ...), ("Datum:", ...) under the subject
    attachments: tuple[str, ...] = ()
    heading: str | None = None  # a bold heading instead of the subject line
    body_size: float = 11.0
    body_lead: float = 15.0
    furniture: Any = None  # letter_furniture.Furniture: a business letter's foot block and follow-on heads


def letter(paper: Letter, producer: str, out: Path) -> bool:
    furniture = paper.furniture
    flow = furniture.flow(paper) if furniture else Flow(left=70, right=530, body=paper.body_size, lead=paper.body_lead)
    flow.y = 790
    flow.line(paper.sender[0], font=ff.BOLD, size=13, lead=15)
    for line in paper.sender[1:]:
        flow.line(line, size=9, lead=11)
    flow.ops.append(Rule(70, flow.y + 4, 530, flow.y + 4, 0.5))
    flow.space(30)
    top = flow.y
    flow.ops.append(Text(530, top + 12, paper.place_date, ff.REG, 11, "right"))
    flow.y = top - 20
    for line in paper.recipient:
        flow.line(line)
    flow.space(34)
    if paper.heading:
        flow.line(paper.heading, font=ff.BOLD, size=13, lead=20)
    if paper.subject[0]:
        label, title = paper.subject
        label_w = width(label + " ", ff.BOLD, 11)
        lines = wrap(title, 530 - 70 - label_w, ff.BOLD, 11)
        flow.ops.append(Text(70, flow.y, label, ff.BOLD, 11))
        for line in lines:
            flow.line(line, x=70 + label_w, font=ff.BOLD)
    elif paper.subject[1]:  # the title as a bold heading of its own, no label
        for line in wrap(paper.subject[1], 460, ff.BOLD, 13):
            flow.line(line, font=ff.BOLD, size=13, lead=17)
        flow.space(4)
    for label, value in paper.meta:
        flow.ops.append(Text(70, flow.y, label, ff.BOLD, 11))
        flow.line(value, x=140)
    flow.space(16)
    flow.para(paper.salutation, after=8)
    for text in paper.intro:
        flow.para(text, after=8)
    if paper.items_label:
        flow.para(paper.items_label, after=6)
        if isinstance(paper.items, str):
            flow.para(paper.items, after=8)
        else:
            flow.items(paper.items, gap=6)
            flow.space(4)
    if paper.body_label:
        flow.heading(paper.body_label, size=11, before=4, after=2)
    for block in paper.body:
        if isinstance(block, str):
            flow.para(block, after=8)
        else:
            flow.bullets(block)
    flow.space(8)
    flow.ensure(90)
    flow.para("Mit freundlichen Grüßen", after=36)
    for name in paper.signers:
        flow.line(name)
    if paper.attachments:
        flow.space(14)
        if furniture:
            furniture.before_attachments(flow)
        flow.line("Anlagen:", font=ff.BOLD)
        for entry in paper.attachments:
            flow.line(entry)
    if furniture:
        pages = furniture.finish(flow)
    else:
        pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
    title = " ".join(paper.subject).strip() or paper.heading or ""
    return render(producer, flow, pages, Meta(title, paper.sender[0]), out)


def build_letter_docx(paper: Letter, path: Path, body: Callable[[Any], None] | None = None) -> None:
    """The letter as a DOCX; ``body(doc)``, when given, writes the body instead of ``paper.body``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = new_document(paper.sender[0], " ".join(paper.subject), font="Arial", size=11)
    par = doc.add_paragraph()
    run = par.add_run(paper.sender[0])
    run.bold = True
    run.font.size = Pt(13)
    for line in paper.sender[1:]:
        doc.add_paragraph().add_run(line).font.size = Pt(9)
    doc.add_paragraph()
    par = doc.add_paragraph(paper.place_date)
    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    for line in paper.recipient:
        doc.add_paragraph(line)
    for _ in range(3):
        doc.add_paragraph()
    par = doc.add_paragraph()
    par.paragraph_format.left_indent = Cm(2.0)
    par.paragraph_format.first_line_indent = Cm(-2.0)
    par.paragraph_format.tab_stops.add_tab_stop(Cm(2.0))
    par.add_run(f"{paper.subject[0]}\t{paper.subject[1]}").bold = True
    doc.add_paragraph()
    doc.add_paragraph(paper.salutation).paragraph_format.space_after = Pt(8)
    if paper.items_label:
        doc.add_paragraph(paper.items_label).paragraph_format.space_after = Pt(6)
        if isinstance(paper.items, str):
            doc.add_paragraph(paper.items).paragraph_format.space_after = Pt(6)
        else:
            add_items(doc, paper.items)
    if paper.body_label:
        bold_par(doc, paper.body_label, before=8)
    if body is not None:
        body(doc)
    else:
        add_blocks(doc, paper.body, after=8)
    par = doc.add_paragraph("Mit freundlichen Grüßen")
    par.paragraph_format.space_before = Pt(8)
    par.paragraph_format.space_after = Pt(36)
    for name in paper.signers:
        doc.add_paragraph(name)
    doc.save(str(path))
