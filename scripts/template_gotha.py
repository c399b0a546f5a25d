"""A city's Word template (the Gotha Vorlage, python-docx for LibreOffice): "Beschlussvorlage
Nr. 2024/123", "Gremium | Sitzungstermin | Behandlung", "Finanzielle Auswirkungen ☐ ja ☒ nein"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fixture_docx as fd
from template_docx import add_blocks, add_items, bold_par, docx_helpers, new_document
from template_flow import Blocks


@dataclass(frozen=True)
class Gotha:
    kind: str
    number: str
    office: str
    date: str
    title: str
    consultations: tuple[tuple[str, str, str], ...]  # Gremium, Sitzungstermin, Behandlung
    resolution: tuple[tuple[str, str], ...] | str | None
    justification: Blocks
    finance_years: tuple[str, ...] = ()
    finance_rows: tuple[tuple[str, tuple[str, ...]], ...] = ()  # empty: "nein" is ticked
    total: str = ""
    attachments: tuple[str, ...] = ()
    signer: str = "Knut Kreuch"
    wingdings: bool = False  # boxes as <w:sym w:font="Wingdings"> instead of U+2610/U+2612
    font: str = "Arial"
    size: float = 11.0
    consultation_widths: tuple[float, float, float] = (9.0, 4.0, 3.5)
    city: str = "Gotha"


def build_gotha(paper: Gotha, path: Path) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    no_borders, widths, cell = docx_helpers()
    heading = f"{paper.kind} Nr. {paper.number}"
    doc = new_document(f"Stadtverwaltung {paper.city}", heading, font=paper.font, size=paper.size)
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    par = section.header.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    par.add_run(heading).font.size = Pt(9)
    fd.docx_page_footers(section)

    head = doc.add_table(rows=1, cols=2)
    no_borders(head)
    widths(head, (8.0, 8.5))
    left, right = head.rows[0].cells
    cell(left, f"Stadt {paper.city}", bold=True, size=16)
    left.add_paragraph("Der Oberbürgermeister")
    cell(right, heading, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.add_paragraph()
    meta = doc.add_table(rows=2, cols=2)
    no_borders(meta)
    widths(meta, (3.0, 13.5))
    for row, (label, value) in zip(meta.rows, (("Amt:", paper.office), ("Datum:", paper.date)), strict=True):
        cell(row.cells[0], label, bold=True)
        cell(row.cells[1], value)
    bold_par(doc, "Betreff:", size=10, before=12, after=0)
    run = doc.add_paragraph().add_run(paper.title)
    run.bold = True
    run.font.size = Pt(12)
    doc.add_paragraph()
    table = doc.add_table(rows=1 + len(paper.consultations), cols=3)
    table.style = "Table Grid"
    widths(table, paper.consultation_widths)
    for c, label in zip(table.rows[0].cells, ("Gremium", "Sitzungstermin", "Behandlung"), strict=True):
        cell(c, label, bold=True)
    for row, values in zip(table.rows[1:], paper.consultations, strict=True):
        for c, value in zip(row.cells, values, strict=True):
            cell(c, value)
    if paper.resolution is not None:
        bold_par(doc, "Beschlussvorschlag", before=14)
        if isinstance(paper.resolution, str):
            doc.add_paragraph(paper.resolution).paragraph_format.space_after = Pt(6)
        else:
            add_items(doc, paper.resolution)
    bold_par(doc, "Begründung", before=14)
    add_blocks(doc, paper.justification)
    par = bold_par(doc, "Finanzielle Auswirkungen", before=14)
    par.paragraph_format.tab_stops.add_tab_stop(Pt(200))
    par.add_run("\t")
    ticked_yes = bool(paper.finance_rows)
    for option, checked in (("ja", ticked_yes), ("nein", not ticked_yes)):
        if paper.wingdings:
            fd.docx_symbol(par, "Wingdings", "F0FE" if checked else "F0A8")
        else:
            par.add_run("☒" if checked else "☐").font.name = "MS Gothic"
        par.add_run(f" {option}   ")
    if paper.finance_rows:
        fin = doc.add_table(rows=1 + len(paper.finance_rows), cols=1 + len(paper.finance_years))
        fin.style = "Table Grid"
        widths(fin, (5.5, *([11.0 / len(paper.finance_years)] * len(paper.finance_years))))
        for c, year in zip(fin.rows[0].cells[1:], paper.finance_years, strict=True):
            cell(c, year, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        for row, (label, amounts) in zip(fin.rows[1:], paper.finance_rows, strict=True):
            cell(row.cells[0], label)
            for c, amount in zip(row.cells[1:], amounts, strict=True):
                cell(c, f"{amount} EUR" if amount else "", align=WD_ALIGN_PARAGRAPH.RIGHT)
        par = doc.add_paragraph()
        par.paragraph_format.space_before = Pt(6)
        par.add_run(f"Gesamtkosten der Maßnahme: {paper.total} EUR")
    if paper.attachments:
        bold_par(doc, "Anlagen", before=14)
        for entry in paper.attachments:
            doc.add_paragraph(entry)
    doc.add_paragraph()
    doc.add_paragraph()
    doc.add_paragraph(f"gez. {paper.signer}")
    doc.add_paragraph("Oberbürgermeister")
    doc.save(str(path))
