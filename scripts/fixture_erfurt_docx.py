"""The Erfurt Drucksache as a Word document (python-docx), converted by LibreOffice: the
fixtures' ``docx-unicode`` and ``docx-wingdings`` encodings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fixture_docx import convert_docx, docx_page_footers, docx_symbol
from fixture_erfurt import DECKUNG, FRIST, GRID_ROW_1, GRID_ROW_2, STANDALONE, Paper
from fixture_fonts import SHY
from fixture_page import Encoding


@dataclass(frozen=True)
class DocxStyle:
    """Font and table column widths (cm) of the DOCX template; the defaults are the fixtures'."""

    font: str = "Arial"
    size: float = 10.0
    consultation_widths: tuple[float, float, float, float] = (7.5, 2.6, 3.2, 3.7)
    grid_widths: tuple[float, float, float, float, float, float] = (3.8, 1.4, 2.9, 4.0, 1.4, 3.5)
    finance_widths: tuple[float, float, float, float, float] = (5.4, 2.9, 2.9, 2.9, 2.9)


def render_docx_pdf(paper: Paper, encoding: Encoding, out: Path) -> bool:
    """Build the DOCX, convert it with LibreOffice; False if LibreOffice is missing."""
    return convert_docx(lambda docx_path: build_docx(paper, encoding, docx_path), out)


def build_docx(paper: Paper, encoding: Encoding, path: Path, look: DocxStyle | None = None) -> None:
    """Write ``paper`` as a DOCX to ``path``, its boxes as ``encoding`` says, in the style ``look``."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    look = look or DocxStyle()
    doc = Document()
    doc.core_properties.author = "Stadtverwaltung Erfurt"
    doc.core_properties.title = f"Drucksache {paper.number}"
    style = doc.styles["Normal"]
    style.font.name = look.font
    style.font.size = Pt(look.size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), look.font)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.1

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.different_first_page_header_footer = True
    header_par = section.header.paragraphs[0]
    header_par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header_par.add_run(paper.running_header).font.size = Pt(9)

    docx_page_footers(section)

    def checkbox(par: object, checked: bool) -> None:
        if encoding == "docx-wingdings":
            docx_symbol(par, "Wingdings", "F0FE" if checked else "F0A8")
        else:
            run = par.add_run("☒" if checked else "☐")  # type: ignore[attr-defined]
            run.font.name = "MS Gothic"

    def set_borders(cell: object, on: bool) -> None:
        tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
        borders = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "single" if on else "nil")
            el.set(qn("w:sz"), "6")
            el.set(qn("w:color"), "000000")
            borders.append(el)
        tc_pr.append(borders)

    def cell_text(
        cell: object,
        lines: Sequence[str],
        bold: bool = False,
        size: float = 9,
        align: object = None,
    ) -> None:
        par = cell.paragraphs[0]  # type: ignore[attr-defined]
        if align is not None:
            par.alignment = align
        for i, line in enumerate(lines):
            run = par.add_run(line)
            run.bold = bold
            run.font.size = Pt(size)
            if i < len(lines) - 1:
                run.add_break()

    def widths(table: object, cms: Sequence[float]) -> None:
        table.autofit = False  # type: ignore[attr-defined]
        for column, cm in zip(table.columns, cms, strict=True):  # type: ignore[attr-defined]
            column.width = Cm(cm)
        for row in table.rows:  # type: ignore[attr-defined]
            for cell, cm in zip(row.cells, cms, strict=False):
                cell.width = Cm(cm)

    # Page 1: header block.
    head = doc.add_table(rows=1, cols=2)
    widths(head, (10.5, 6.5))
    left, right = head.rows[0].cells
    set_borders(left, False)
    set_borders(right, True)
    par = left.paragraphs[0]
    par.add_run(paper.originator).bold = True
    left.add_paragraph()
    left.add_paragraph().add_run("Titel der Drucksache:").font.size = Pt(9)
    par = left.add_paragraph()
    for i, line in enumerate(paper.title_lines):
        run = par.add_run(line)
        run.bold = True
        run.font.size = Pt(11)
        if i < len(paper.title_lines) - 1:
            run.add_break()
    par = right.paragraphs[0]
    par.add_run(f"Drucksache {paper.number}").bold = True
    right.add_paragraph(paper.body)
    right.add_paragraph(paper.document_type)
    right.add_paragraph()
    right.add_paragraph(paper.treatment)

    doc.add_paragraph()
    table = doc.add_table(rows=1 + len(paper.consultations), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    widths(table, look.consultation_widths)
    for cell, label in zip(
        table.rows[0].cells, ("Beratungsfolge", "Datum", "Behandlung", "Zuständigkeit"), strict=True
    ):
        cell_text(cell, [label], bold=True)
    for row, cons in zip(table.rows[1:], paper.consultations, strict=True):
        cell_text(row.cells[0], cons.body_lines)
        cell_text(row.cells[1], [cons.date])
        cell_text(row.cells[2], [cons.treatment])
        cell_text(row.cells[3], [cons.role])

    doc.add_paragraph()
    if paper.resolution:
        par = doc.add_paragraph()
        run = par.add_run("Beschlussvorschlag")
        run.bold = True
        run.font.size = Pt(11)
        doc.add_paragraph()
        items = doc.add_table(rows=len(paper.resolution), cols=2)
        widths(items, (1.2, 15.8))
        for row, (number, text) in zip(items.rows, paper.resolution, strict=True):
            cell_text(row.cells[0], [number], size=10)
            cell_text(row.cells[1], [text], size=10)
            row.cells[1].paragraphs[0].paragraph_format.space_after = Pt(8)
    par = doc.add_paragraph()
    par.paragraph_format.space_before = Pt(150 - 40 * len(paper.resolution))
    par.add_run(paper.signature)
    par = doc.add_paragraph()
    par.add_run("Datum, Unterschrift").font.size = Pt(7)
    par.add_run().add_break(WD_BREAK.PAGE)

    # Page 2: checkbox grid.
    grid = doc.add_table(rows=4, cols=6)
    widths(grid, look.grid_widths)
    for row, pair in zip(grid.rows[:2], (GRID_ROW_1, GRID_ROW_2), strict=True):
        for offset, (group, options) in zip((0, 3), pair, strict=True):
            cell_text(row.cells[offset], [group], size=8)
            for i, option in enumerate(options):
                par = row.cells[offset + 1 + i].paragraphs[0]
                checkbox(par, (group, option) in paper.ticked)
                suffix = " →" if pair is GRID_ROW_2 and offset == 0 and i == 1 else ""
                par.add_run(f" {option}{suffix}").font.size = Pt(8)
    merged = grid.rows[2].cells[2].merge(grid.rows[2].cells[5])
    cell_text(
        merged,
        ["↓ Personal- und Sachkosten (in EUR) /", "Personalkosteneinsparung (in VbE)"],
        size=8,
    )
    row = grid.rows[3]
    cell_text(row.cells[0], [DECKUNG[0]], size=8)
    for i, option in enumerate(DECKUNG[1]):
        par = row.cells[1 + i].paragraphs[0]
        checkbox(par, (DECKUNG[0], option) in paper.ticked)
        par.add_run(f" {option}").font.size = Pt(8)
    cell_text(row.cells[3], ["Gesamtkosten"], size=8)
    total = row.cells[4].merge(row.cells[5])
    set_borders(total, True)
    cell_text(total, [f"{paper.finances.total} EUR"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    for grid_row in grid.rows:
        grid_row.cells[0].paragraphs[0].paragraph_format.space_after = Pt(6)

    doc.add_paragraph()
    fin = doc.add_table(rows=5, cols=5)
    fin.style = "Table Grid"
    widths(fin, look.finance_widths)
    for cell, year in zip(fin.rows[0].cells[1:], paper.finances.years, strict=True):
        cell_text(cell, [year], bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for row, (label, amounts) in zip(fin.rows[1:], paper.finances.rows, strict=True):
        cell_text(row.cells[0], [label])
        for cell, amount in zip(row.cells[1:], amounts, strict=True):
            cell_text(cell, [f"{amount} EUR"], align=WD_ALIGN_PARAGRAPH.RIGHT)

    doc.add_paragraph()
    par = doc.add_paragraph()
    checkbox(par, (STANDALONE, STANDALONE) in paper.ticked)
    par.add_run(f" {STANDALONE}").font.size = Pt(9)
    doc.add_paragraph()
    par = doc.add_paragraph()
    run = par.add_run(FRIST[0])
    run.bold = True
    run.font.size = Pt(9)
    par = doc.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(Cm(2.0))
    for i, option in enumerate(FRIST[1]):
        checkbox(par, (FRIST[0], option) in paper.ticked)
        par.add_run(f" {option}" + ("\t" if i == 0 else "")).font.size = Pt(9)
    doc.add_paragraph()
    doc.add_paragraph()
    par = doc.add_paragraph()
    run = par.add_run("Anlagenverzeichnis")
    run.bold = True
    run.font.size = Pt(11)
    doc.add_paragraph()
    for entry in paper.attachments:
        doc.add_paragraph(entry)
    par = doc.add_paragraph()
    if paper.sachverhalt_new_page:
        par.add_run().add_break(WD_BREAK.PAGE)

    # Page 3+: Sachverhalt.
    par = doc.add_paragraph()
    run = par.add_run("Sachverhalt")
    run.bold = True
    run.font.size = Pt(12)
    doc.add_paragraph()
    doc.add_paragraph().add_run("Begründung:").bold = True
    doc.add_paragraph()

    def add_text(par: object, text: str) -> None:
        pos = 0
        for match in re.finditer(r"https?://\S+", text):
            par.add_run(text[pos : match.start()])  # type: ignore[attr-defined]
            add_hyperlink(par, match.group(0))
            pos = match.end()
        par.add_run(text[pos:])  # type: ignore[attr-defined]

    def add_hyperlink(par: object, url: str) -> None:
        part = par.part  # type: ignore[attr-defined]
        rel_id = part.relate_to(
            url,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
            is_external=True,
        )
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = url
        run.append(text)
        link.append(run)
        par._p.append(link)  # type: ignore[attr-defined]

    for block in paper.justification:
        if isinstance(block, str):
            add_text(doc.add_paragraph(), block.replace(SHY, ""))
        else:
            for item in block:
                par = doc.add_paragraph()
                fmt = par.paragraph_format
                fmt.left_indent = Cm(1.0)
                fmt.first_line_indent = Cm(-0.6)
                fmt.tab_stops.add_tab_stop(Cm(1.0))
                docx_symbol(par, "Symbol", "F0B7")
                par.add_run("\t")
                add_text(par, item)
        doc.add_paragraph()
    doc.save(str(path))
