"""python-docx helpers of the Word templates: a new document in a face and size, paragraphs,
numbered items and bold headings, and raw WordprocessingML where python-docx has no API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from template_flow import Blocks


def docx_helpers():  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    def no_borders(table) -> None:  # type: ignore[no-untyped-def]
        tbl_pr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "nil")
            borders.append(el)
        tbl_pr.append(borders)

    def widths(table, cms) -> None:  # type: ignore[no-untyped-def]
        table.autofit = False
        for column, cm in zip(table.columns, cms, strict=True):
            column.width = Cm(cm)
        for row in table.rows:
            for cell, cm in zip(row.cells, cms, strict=False):
                cell.width = Cm(cm)

    def cell(c, text: str, bold: bool = False, size: float = 10, align=None) -> None:  # type: ignore[no-untyped-def]
        par = c.paragraphs[0]
        if align is not None:
            par.alignment = align
        run = par.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)

    return no_borders, widths, cell


def new_document(author: str, title: str, font: str = "Arial", size: float = 11):  # type: ignore[no-untyped-def]
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    doc.core_properties.author = author
    doc.core_properties.title = title
    style = doc.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.15
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    return doc


def add_blocks(doc, content: Blocks, after: float = 6) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Cm, Pt

    for block in content:
        if isinstance(block, str):
            par = doc.add_paragraph(block)
            par.paragraph_format.space_after = Pt(after)
        else:
            for i, item in enumerate(block):
                par = doc.add_paragraph()
                fmt = par.paragraph_format
                fmt.left_indent = Cm(1.0)
                fmt.first_line_indent = Cm(-0.5)
                fmt.tab_stops.add_tab_stop(Cm(1.0))
                par.add_run("–\t" + item)
                if i == len(block) - 1:
                    fmt.space_after = Pt(after)


def add_items(doc, items: Sequence[tuple[str, str]], after: float = 6) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Cm, Pt

    for label, text in items:
        par = doc.add_paragraph()
        fmt = par.paragraph_format
        fmt.left_indent = Cm(0.8)
        fmt.first_line_indent = Cm(-0.8)
        fmt.tab_stops.add_tab_stop(Cm(0.8))
        fmt.space_after = Pt(after)
        par.add_run(f"{label}\t{text}")


def bold_par(doc, text: str, size: float = 11, before: float = 10, after: float = 4):  # type: ignore[no-untyped-def]
    from docx.shared import Pt

    par = doc.add_paragraph()
    par.paragraph_format.space_before = Pt(before)
    par.paragraph_format.space_after = Pt(after)
    par.paragraph_format.keep_with_next = True
    run = par.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    return par


class ParagraphWriter:
    """Paragraphs of one run and runs of text in a python-docx document ``doc``, sizes in points
    (``pt``, docx.shared.Pt), for the Word writers of the generators."""

    doc: Any
    pt: Any

    def par(self, text: str = "", *, bold: bool = False, size: float | None = None, after: float = 0.0) -> Any:
        """A paragraph of one run."""
        par = self.doc.add_paragraph()
        par.paragraph_format.space_after = self.pt(after)
        if text:
            self.run(par, text, bold=bold, size=size)
        return par

    def run(self, par: Any, text: str, *, bold: bool = False, size: float | None = None) -> Any:
        """A run of ``text`` appended to ``par``."""
        run = par.add_run(text)
        run.bold = bold or None
        if size is not None:
            run.font.size = self.pt(size)
        return run
