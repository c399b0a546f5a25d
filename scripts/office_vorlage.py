"""The ``office-vorlage`` variant family (built only when named): the papers of the Kreistag,
SD.NET and citizens' families (``kreistag_vorlage.py``, ``sdnet_vorlage.py``,
``buergerantrag.py``) typed into a Word template and exported to PDF by LibreOffice Writer.

The content is drawn by those families' own ``draw`` functions; what is new is the producer and a
word processor's layout habits: the head as a Word table (the executive's cell merged over the
rows of the label grid, or the letterhead merged over the label and value columns) or as
"Label:<tab>value" lines at a tab stop, label columns narrow enough to wrap their labels, the
subject at a tab stop with a hanging indent, the Beratungsfolge as a ruled Word table (sometimes
under a title row merged over all columns) whose columns wrap the committees' names, the
proposal's items numbered by Word's automatic numbering or typed ("1.<tab>"), lettered sub-items
typed in under them, bullets as Symbol characters or Word's list style, the financial effects as
boxes (Wingdings characters or ☐/☒) or as a Word table of amounts aligned right, a signature,
and page numbers in the footer as fields ("Seite 1 von 3", "Seite 1" beside the number), a
running head on the following pages. Faces Liberation Sans/Serif, DejaVu Sans and Carlito in
9-12 pt; one to four pages (the facts are cut to a budget of characters the face and size allow,
as the page count is only known after the conversion).

Goldens are those families' goldens, written from the drawn content with their conventions
(``kreistag_vorlage.py``, ``sdnet_vorlage.py``, ``buergerantrag.py``); the page count is filled in
after the conversion (``generate_variants.py``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import buergerantrag as ba
import fixture_docx as fd
import kreistag_vorlage as ktv
import sdnet_vorlage as sdn
import variant_text as vt
from template_docx import ParagraphWriter, docx_helpers, new_document
from variant_base import cm_width

#: Which family's content a paper carries (weights: the Vorlagen twice the citizens' letters).
SOURCES = ("kreistag", "kreistag", "sdnet", "sdnet", "buerger")
#: The text width between the margins of :func:`template_docx.new_document`, in cm.
WIDTH = 16.5
#: Characters of facts that fit on about three pages at 10 pt in the faces drawn (scaled by the
#: square of the size), so that head, proposal and facts stay within four pages.
FACTS_BUDGET_10PT = 13000.0

Items = tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str | None


@dataclass(frozen=True)
class Look:
    """The Word template's layout choices drawn for one paper."""

    font: str
    size: float
    spacing: float  # line spacing, a multiple of the line
    head_table: bool  # the label grid as a Word table (else "Label:<tab>value" lines)
    label_cm: float  # the label column or tab stop; narrow ones wrap long labels
    ruled: bool  # the label grid's table with borders
    merged_title: bool  # "Beratungsfolge" as a title row merged over the table's columns
    first_cm: float  # the Beratungsfolge's body column; narrow ones wrap the committees' names
    auto_numbers: bool  # the proposal's items numbered by Word (else typed "1.<tab>")
    symbol_bullets: bool  # bullets as Symbol characters (else Word's "List Bullet" style)
    wingdings: bool  # boxes as Wingdings characters (else ☐/☒)
    footer: int  # 0 "Seite N von M", 1 the number and "Seite N", 2 none
    running_head: bool  # the kind and number in the header from page 2 on (Kreistag papers)


def draw_look(rng: random.Random, fonts: Sequence[str], size: float) -> Look:
    """A Word template's look for one paper in one of ``fonts`` at ``size`` pt."""
    return Look(
        font=vt.pick(rng, fonts),
        size=size,
        spacing=rng.choice((1.0, 1.0, 1.15, 1.15, 1.3)),
        head_table=rng.random() < 0.7,
        label_cm=round(rng.uniform(2.2, 4.6), 2),
        ruled=rng.random() < 0.4,
        merged_title=rng.random() < 0.4,
        first_cm=round(rng.uniform(3.6, 7.5), 2),
        auto_numbers=rng.random() < 0.6,
        symbol_bullets=rng.random() < 0.5,
        wingdings=rng.random() < 0.6,
        footer=rng.choice((0, 0, 1, 2)),
        running_head=rng.random() < 0.4,
    )


class Writer(ParagraphWriter):
    """Paragraphs, tables, numbered items and page furniture of one Word document."""

    def __init__(self, look: Look, author: str, title: str) -> None:
        from docx.shared import Pt

        self.look = look
        self.doc = new_document(author, title, font=look.font, size=look.size)
        self.doc.styles["Normal"].paragraph_format.line_spacing = look.spacing
        self.no_borders, self.widths, _ = docx_helpers()
        self.pt = Pt
        self.numbering = 0  # how many automatically numbered lists were started

    def heading(self, text: str, *, size: float | None = None, before: float = 10.0) -> Any:
        """A bold label over its section, kept with the next paragraph."""
        par = self.par(text, bold=True, size=size, after=3)
        par.paragraph_format.space_before = self.pt(before)
        par.paragraph_format.keep_with_next = True
        return par

    def tabbed(self, label: str, value: str, tab_cm: float, *, bold: bool = False, after: float = 0.0) -> Any:
        """ "Label:<tab>value" with the value's lines hanging at the tab stop."""
        from docx.shared import Cm

        par = self.par(after=after)
        fmt = par.paragraph_format
        fmt.left_indent = Cm(tab_cm)
        fmt.first_line_indent = Cm(-tab_cm)
        fmt.tab_stops.add_tab_stop(Cm(tab_cm))
        self.run(par, label, bold=bold)
        self.run(par, "\t" + value, bold=bold)
        return par

    def cell(self, cell: Any, text: str, *, bold: bool = False, size: float | None = None, right: bool = False) -> None:
        """Text into a table cell's first paragraph (aligned right for amounts)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        par = cell.paragraphs[0]
        if right:
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.run(par, text, bold=bold, size=size)

    def table(self, rows: int, cols: int, widths: Sequence[float], *, ruled: bool) -> Any:
        """A table of fixed column widths in cm, with the grid's rules or none."""
        table = self.doc.add_table(rows=rows, cols=cols)
        if ruled:
            table.style = "Table Grid"
        else:
            self.no_borders(table)
        self.widths(table, list(widths))
        return table

    def grid(self, rows: Sequence[tuple[str, str]], *, bold_labels: bool = False) -> None:
        """A label grid: a two-column table or lines at a tab stop, per the look."""
        look = self.look
        if look.head_table:
            label_cm = max(look.label_cm, word_floor([label for label, _ in rows], look.size - 0.5, bold_labels))
            table = self.table(len(rows), 2, (label_cm, WIDTH - label_cm - 3.0), ruled=look.ruled)
            for row, (label, value) in zip(table.rows, rows, strict=True):
                self.cell(row.cells[0], label, bold=bold_labels, size=look.size - 0.5)
                self.cell(row.cells[1], value, size=look.size - 0.5)
        else:
            for label, value in rows:
                self.tabbed(label, value, max(look.label_cm, 3.0), bold=False)

    def items(self, items: Items, opener: str | None) -> None:
        """The proposal: an opening sentence, then a paragraph or numbered items with their
        lettered sub-items typed in under them."""
        from docx.shared import Cm

        if opener:
            self.par(opener, after=4)
        if items is None:
            return
        if isinstance(items, str):
            self.par(items, after=6)
            return
        num_id = self._new_list() if self.look.auto_numbers else 0
        for label, text, subs in items:
            par = self.doc.add_paragraph()
            fmt = par.paragraph_format
            if num_id:
                par.style = self.doc.styles["List Number"]
                num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
                self.run(par, text)
            else:
                fmt.left_indent, fmt.first_line_indent = Cm(0.75), Cm(-0.75)
                fmt.tab_stops.add_tab_stop(Cm(0.75))
                self.run(par, f"{label}\t{text}")
            fmt.space_after = self.pt(3)
            for letter, sub in subs:
                par = self.doc.add_paragraph()
                fmt = par.paragraph_format
                fmt.left_indent, fmt.first_line_indent = Cm(1.5), Cm(-0.75)
                fmt.tab_stops.add_tab_stop(Cm(1.5))
                fmt.space_after = self.pt(1)
                self.run(par, f"{letter})\t{sub}")
        self.par(after=2)

    def _new_list(self) -> int:
        """A list numbered by Word from 1: a new ``w:num`` over the "List Number" style's
        abstract numbering with a start override, as Word writes "Restart numbering"."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        numbering = self.doc.part.numbering_part.element
        style_num = str(self.doc.styles["List Number"].element.pPr.numPr.numId.val)
        abstract = next(
            n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for n in numbering.findall(qn("w:num"))
            if n.get(qn("w:numId")) == style_num
        )
        self.numbering += 1
        num_id = 1000 + self.numbering
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract)
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        numbering.append(num)
        return num_id

    def blocks(self, content: Sequence[vt.Block]) -> None:
        """Paragraphs and bullet lists (Symbol characters at a tab, or Word's bullet style)."""
        from docx.shared import Cm

        for block in content:
            if isinstance(block, str):
                self.par(block, after=6)
                continue
            for k, item in enumerate(block):
                if self.look.symbol_bullets:
                    par = self.doc.add_paragraph()
                    fmt = par.paragraph_format
                    fmt.left_indent, fmt.first_line_indent = Cm(1.0), Cm(-0.5)
                    fmt.tab_stops.add_tab_stop(Cm(1.0))
                    fd.docx_symbol(par, "Symbol", "F0B7")
                    self.run(par, "\t" + item)
                else:
                    par = self.doc.add_paragraph(style="List Bullet")
                    self.run(par, item)
                par.paragraph_format.space_after = self.pt(6 if k == len(block) - 1 else 0)

    def boxes(self, label: str, yes: bool, note: str) -> None:
        """ "Label<tab>☒ ja ☐ nein" with Wingdings characters or ☐/☒, and a note under it."""
        from docx.shared import Cm

        par = self.heading(label, size=self.look.size + 0.5)
        par.paragraph_format.tab_stops.add_tab_stop(Cm(8.5))
        self.run(par, "\t")
        for option, checked in (("ja", yes), ("nein", not yes)):
            if self.look.wingdings:
                fd.docx_symbol(par, "Wingdings", "F0FE" if checked else "F0A8")
            else:
                self.run(par, "☒" if checked else "☐").font.name = "MS Gothic"
            self.run(par, f" {option}    ")
        if note:
            self.par(note, after=6)

    def consultations(self, header: Sequence[str], rows: Sequence[Sequence[str]], body_col: int) -> None:
        """The Beratungsfolge as a ruled table: the body's column at the look's width, the others
        as wide as their header in bold, perhaps under a merged title row."""
        from docx.shared import Cm

        look = self.look
        small = look.size - 1
        widths = [0.0] * len(header)
        for k, name in enumerate(header):
            if k != body_col:
                # As wide as the header in bold: a template's columns are made for their headers.
                widths[k] = max(cm_width(name, small, True), *(cm_width(r[k], small) for r in rows))
        floor = word_floor([r[body_col] for r in rows], small)
        widths[body_col] = max(floor, min(look.first_cm, WIDTH - sum(widths)))
        title = 1 if look.merged_title else 0
        if not title:
            self.heading("Beratungsfolge:")
        table = self.table(title + 1 + len(rows), len(header), widths, ruled=True)
        if title:
            merged = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
            self.cell(merged, "Beratungsfolge", bold=True)
        for c, name in zip(table.rows[title].cells, header, strict=True):
            self.cell(c, name, bold=True, size=small)
        for row, values in zip(table.rows[title + 1 :], rows, strict=True):
            for c, value in zip(row.cells, values, strict=True):
                self.cell(c, value, size=small)
        self.par(after=2).paragraph_format.space_before = Cm(0)

    def amounts(self, years: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> None:
        """A finance table: the year columns' amounts aligned right."""
        small = self.look.size - 0.5
        first = max(
            word_floor(["Haushaltsjahr"], small, True), min(5.5, max(cm_width(label, small) for label, _ in rows))
        )
        column = min(3.2, (WIDTH - first) / len(years))
        table = self.table(1 + len(rows), 1 + len(years), (first, *([column] * len(years))), ruled=True)
        self.cell(table.rows[0].cells[0], "Haushaltsjahr", bold=True, size=small)
        for c, year in zip(table.rows[0].cells[1:], years, strict=True):
            self.cell(c, year, bold=True, size=small, right=True)
        for row, (label, values) in zip(table.rows[1:], rows, strict=True):
            self.cell(row.cells[0], label, size=small)
            for c, value in zip(row.cells[1:], values, strict=True):
                self.cell(c, f"{value} €" if value else "", size=small, right=True)
        self.par(after=2)

    def furniture(self, number: str, running: str) -> None:
        """Page numbers in the footer as fields, and the ``running`` head from page 2 on (none if empty)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.shared import Cm

        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        if self.look.footer == 0:
            fd.docx_page_footers(section)
        elif self.look.footer == 1:
            for footer in (section.footer, section.first_page_footer):
                par = footer.paragraphs[0]
                par.paragraph_format.tab_stops.add_tab_stop(Cm(WIDTH), WD_TAB_ALIGNMENT.RIGHT)
                self.run(par, f"{number}\tSeite ", size=8)
                fd.docx_field(par, "PAGE")
        if running:
            par = section.header.paragraphs[0]
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.run(par, running, size=9)

    def page_break(self) -> None:
        """Start a new page."""
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self, path: Path) -> None:
        """Write the DOCX."""
        self.doc.save(str(path))


def word_floor(texts: Sequence[str], size: float, bold: bool = False) -> float:
    """The width in cm of a column that holds the longest word of ``texts``: a template's columns
    wrap at spaces, never inside a word."""
    return max((cm_width(word, size, bold) for text in texts for word in text.split()), default=0.0)


def _budget(size: float) -> float:
    """Characters of facts that fit the page budget at ``size`` pt."""
    return FACTS_BUDGET_10PT * (10.0 / size) ** 2


def _chars(content: Sequence[vt.Block]) -> int:
    """Characters of paragraphs and bullet lists."""
    return sum(len(b) if isinstance(b, str) else sum(len(i) + 10 for i in b) for b in content)


def kreistag(rng: random.Random, look: Look, path: Path) -> dict[str, Any]:
    """A Kreistag paper (:mod:`kreistag_vorlage`) typed into the Word template; its golden."""
    paper, golden = ktv.draw(rng, look.size)
    while sum(_chars(p) for _, p in paper.content) > _budget(look.size):
        longest = max(range(len(paper.content)), key=lambda k: _chars(paper.content[k][1]))
        heading, paragraphs = paper.content[longest]
        if len(paragraphs) <= 1:
            break
        paper.content[longest] = (heading, paragraphs[: max(1, len(paragraphs) // 2)])
    golden["justification"] = ktv._justification(paper.content)
    labels = paper.labels
    w = Writer(look, paper.district, paper.title)
    size = look.size
    if paper.head_style == 2:
        town = paper.district.split()[-1]
        letterhead: tuple[str, ...] = (f"Landratsamt {town} – {paper.department} – {paper.office}",)
    elif paper.head_style == 1:
        letterhead = (paper.district, paper.executive)
    else:
        letterhead = (f"{paper.district} – {paper.executive}",)
    kind = f"{paper.kind} {paper.number}" if paper.number_in_kind else paper.kind
    grid = ktv._grid(paper)
    if look.head_table and paper.block_ruled:
        # The letterhead in a row merged over the grid's label and value columns.
        label_cm = max(look.label_cm, word_floor([label for label, _ in grid], size - 0.5))
        table = w.table(len(letterhead) + 1 + len(grid), 2, (label_cm, WIDTH - label_cm), ruled=True)
        for k, line in enumerate(letterhead):
            cell = table.rows[k].cells[0].merge(table.rows[k].cells[1])
            w.cell(cell, line, bold=k == 0, size=size + 2 if k == 0 else size + 1)
        at = len(letterhead)
        cell = table.rows[at].cells[0].merge(table.rows[at].cells[1])
        w.cell(cell, kind, bold=True, size=paper.kind_size)
        for row, (label, value) in zip(table.rows[at + 1 :], grid, strict=True):
            w.cell(row.cells[0], label, size=size - 0.5)
            w.cell(row.cells[1], value, size=size - 0.5)
        w.par(after=4)
    else:
        for k, line in enumerate(letterhead):
            w.par(line, bold=k == 0, size=size + 2 if k == 0 else size + 1)
        w.par(after=12)
        w.par(kind, bold=True, size=paper.kind_size, after=6)
        w.grid(grid)
        w.par(after=4)
    w.tabbed("Betreff:", paper.title, max(2.0, look.label_cm * 0.7), bold=True, after=8)
    header = ["Gremium", "Sitzungstermin", "Zuständigkeit"]
    cells = [[body, day, role] for body, day, role, _ in paper.rows]
    if paper.status_column:
        header.append("Ö/N")
        for row, values in zip(cells, paper.rows, strict=True):
            row.append(values[3])
    w.consultations(header, cells, 0)

    def proposal() -> None:
        if paper.items is not None:
            w.heading(labels["resolution"], size=size + 0.5)
            w.items(paper.items, paper.opener)

    def facts() -> None:
        w.heading(labels["justification"], size=size + 0.5)
        for heading, paragraphs in paper.content:
            if heading:
                w.heading(heading, before=4)
            w.blocks(paragraphs)

    def finances() -> None:
        if paper.finance_style is None:
            return
        w.heading(paper.labels["finances"], size=size + 0.5)
        cover = f"Haushaltsmittel stehen zur Verfügung: {'ja' if paper.covered else 'nein'}"
        if paper.finance_style == "prose":
            w.par(paper.finance_note, after=6)
        elif paper.finance_style == "years":
            w.amounts(paper.years, paper.finance_rows)
            if paper.total:
                w.par(f"Gesamtkosten: {paper.total} €")
            w.par(cover, after=6)
        else:
            rows = [
                ("Gesamtkosten", f"{paper.total} €"),
                ("Produkt", paper.product),
                ("Haushaltsmittel stehen zur Verfügung", "ja" if paper.covered else "nein"),
            ]
            table = w.table(3, 2, (look.label_cm + 1.5, 4.0), ruled=look.ruled)
            for row, (label, value) in zip(table.rows, rows, strict=True):
                w.cell(row.cells[0], label, size=size - 0.5)
                w.cell(row.cells[1], value, size=size - 0.5, right=label == "Gesamtkosten")
            w.par(after=6)

    if not paper.facts_first:
        proposal()
    if paper.finances_first:
        finances()
    facts()
    if not paper.finances_first:
        finances()
    if paper.facts_first:
        proposal()
    _close(w, paper, size, paper.attachments, not paper.date_in_block, look.running_head, path)
    return golden


def sdnet_draw(rng: random.Random, size: float, share: float = 1.0) -> tuple[sdn.Paper, dict[str, Any]]:
    """A town's Vorlage (:mod:`sdnet_vorlage`) with its facts cut to ``share`` of the page budget
    at ``size`` pt, and its golden."""
    paper, golden = sdn.draw(rng, size)
    while _chars(paper.content) > _budget(size) * share and len(paper.content) > 1:
        paper.content = paper.content[: max(1, len(paper.content) // 2)]
    golden["justification"] = vt.blocks_text(paper.content)
    return paper, golden


def sdnet(rng: random.Random, look: Look, path: Path) -> dict[str, Any]:
    """A town's Vorlage (:mod:`sdnet_vorlage`) typed into the Word template; its golden."""
    paper, golden = sdnet_draw(rng, look.size)
    w = Writer(look, paper.town, paper.title)
    size = look.size
    grid = sdn._grid(paper)
    if look.head_table:
        # The town and its executive in a cell merged down the grid's rows, as a Word template's head.
        label_cm = max(look.label_cm, word_floor([label for label, _ in grid], size - 1))
        value_cm = max(look.label_cm + 1.0, word_floor([value for _, value in grid], size - 1))
        side = WIDTH - label_cm - value_cm
        table = w.table(len(grid), 3, (side, label_cm, value_cm), ruled=look.ruled)
        town = table.rows[0].cells[0].merge(table.rows[-1].cells[0])
        w.cell(town, paper.town, bold=True, size=size + 2)
        if paper.executive:
            w.run(town.add_paragraph(), paper.executive)
        for row, (label, value) in zip(table.rows, grid, strict=True):
            w.cell(row.cells[1], label, size=size - 1)
            w.cell(row.cells[2], value, size=size - 1)
    else:
        w.par(paper.town, bold=True, size=size + 2)
        if paper.executive:
            w.par(paper.executive)
        w.par(after=6)
        w.grid(grid)
    w.par(after=6)
    w.par(paper.kind, bold=True, size=paper.kind_size, after=8)
    if paper.subject_label:
        w.tabbed("Betreff:", paper.title, max(2.0, look.label_cm * 0.7), bold=True, after=8)
    else:
        w.par(paper.title, bold=True, size=size + 1, after=8)
    attachments = sdnet_sections(w, paper)
    _close(w, paper, size, attachments, not paper.date_in_head, paper.running_head, path)
    return golden


def sdnet_sections(w: Writer, paper: sdn.Paper) -> tuple[str, ...]:
    """A town's Vorlage from its Beratungsfolge to "Anlagen: keine": the consultations, the
    proposal, the facts and the financial effects in the paper's order; returns the attachments
    to list (none when "keine" stands in for them)."""
    size = w.look.size
    if paper.table_style == 0:
        header, at = ["Datum", "Gremium", "Zuständigkeit"], 1
        cells = [[when, body, role] for when, body, role, _ in paper.rows]
    elif paper.table_style == 1:
        header, at = ["Status", "Datum", "Gremium", "Zuständigkeit"], 2
        cells = [[mark, when, body, role] for when, body, role, mark in paper.rows]
    else:
        header, at = ["Datum", "Gremium", "Zuständigkeit", "Ö/N"], 1
        cells = [[when, body, role, mark] for when, body, role, mark in paper.rows]
    w.consultations(header, cells, at)
    if paper.items is not None:
        w.heading(paper.labels["resolution"], size=size + 0.5)
        w.items(paper.items, paper.opener)

    def finances() -> None:
        if paper.finance_style is None:
            return
        if paper.finance_style == "prose":
            w.heading(paper.labels["finances"], size=size + 0.5)
            w.par(paper.finance_note, after=6)
        else:
            w.boxes(paper.labels["finances"], paper.finance_yes, paper.finance_note)

    if paper.finances_first:
        finances()
    w.heading(paper.labels["justification"], size=size + 0.5)
    w.blocks(paper.content)
    if not paper.finances_first:
        finances()
    if paper.attachments_none:
        w.tabbed(paper.labels["attachments"], "keine", max(2.5, w.look.label_cm * 0.8), after=6).runs[0].bold = True
    # "Anlagen: keine" stands in for the list, so the list is left empty then.
    attachments = () if paper.attachments_none else paper.attachments
    return attachments


def buerger(rng: random.Random, look: Look, path: Path) -> dict[str, Any]:
    """A citizens' paper (:mod:`buergerantrag`) typed as a letter in Word; its golden."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm

    paper = ba.draw(rng)
    while _chars(paper.reasons) > _budget(look.size) * 0.6 and len(paper.reasons) > 1:
        paper.reasons = paper.reasons[: max(1, len(paper.reasons) // 2)]
    paper.golden["justification"] = ba._justification(paper)
    w = Writer(look, paper.golden["originator"], paper.subject[1] if paper.subject else "")
    size = look.size
    if paper.cover:
        w.par(paper.cover[0], bold=True, size=13)
        w.par(paper.cover[1], after=2 * size)
        for line in paper.cover[2:-1]:
            label, value = (
                ("Vorlage Nr.", line.removeprefix("Vorlage Nr. ")) if line.startswith("Vorlage") else line.split(" ", 1)
            )
            w.tabbed(label, value, max(look.label_cm, 2.8))
        w.par(after=size)
        w.par(paper.cover_type, bold=True, size=size + 2, after=6)
        label, _, title = paper.cover[-1].partition(" ")
        w.tabbed(label, title, 2.0, bold=True)
        w.page_break()
    for line in paper.sender:
        w.par(line, size=size - 1)
    w.par(after=1.5 * size)
    first = w.par(paper.address[0])
    fits = len(paper.address[0]) + len(paper.date_line) < 60
    if fits:
        # The date at a right tab stop on the address's first line, as a letter template sets it.
        first.paragraph_format.tab_stops.add_tab_stop(Cm(WIDTH), WD_TAB_ALIGNMENT.RIGHT)
        w.run(first, "\t" + paper.date_line)
    for line in paper.address[1:]:
        w.par(line)
    if not fits:
        w.par(after=size * 0.5)
        w.par(paper.date_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    w.par(after=2 * size)
    if paper.type_line:
        w.par(paper.type_line, bold=True, size=size + 2, after=6)
    if paper.subject:
        label, title = paper.subject
        if label:
            w.tabbed(label, title, max(1.6, look.label_cm * 0.6 + 0.2 * len(label) / 3), bold=True)
        else:
            w.par(title, bold=True, size=size + 1)
    w.par(after=size)
    if paper.salutation:
        w.par(paper.salutation, after=6)
    for block in paper.intro:
        w.par(block, after=6)
    if paper.cue:
        w.par(paper.cue, after=4)
    if isinstance(paper.items, str):
        w.par(paper.items, after=6)
    elif paper.items:
        numbered = all(label.endswith(".") for label, _ in paper.items)
        w.look = look if numbered else replace(look, auto_numbers=False)
        w.items(tuple((label, text, ()) for label, text in paper.items), None)
        w.look = look
    if paper.reasons_label:
        w.heading(paper.reasons_label, size=size, before=4)
    w.blocks(paper.reasons)
    w.par(paper.closing, after=30).paragraph_format.keep_with_next = True
    for line in paper.signature:
        w.par(line).paragraph_format.keep_with_next = True
    if paper.attachment:
        w.par(after=size)
        w.par(paper.attachment)
    w.furniture(paper.golden["number"] or "", "")
    w.save(path)
    return paper.golden


def _close(
    w: Writer,
    paper: ktv.Paper | sdn.Paper,
    size: float,
    attachments: Sequence[str],
    dated: bool,
    running_head: bool,
    path: Path,
) -> None:
    """A Vorlage's close, saved to ``path``: the ``attachments`` under their heading, the place and
    date when ``dated`` (not in the head already), the signature, and each page's furniture with
    the kind and number as a running head when ``running_head``."""
    if attachments:
        w.heading(paper.labels["attachments"], size=size)
        for entry in attachments:
            w.par(entry)
    w.par(after=size)
    if dated:
        w.par(f"{paper.place}, {vt.de_date(paper.signed)}", after=size)
    _signature(w, paper.signer, paper.signer_role, paper.one_line_signature)
    w.furniture(paper.number, f"{paper.kind} {paper.number}" if running_head else "")
    w.save(path)


def _signature(w: Writer, signer: str, role: str, one_line: bool) -> None:
    """ "gez." and the signer, with the office on the same line or under it."""
    if one_line:
        w.par(f"gez. {signer}, {role}")
    else:
        w.par(f"gez. {signer}")
        w.par(role)


def office_vorlage(rng: random.Random, docx: Path, fonts: Sequence[str], size: float) -> dict[str, Any]:
    """Draw one paper of a Kreistag, SD.NET or citizens' kind and type it into a Word template
    at ``docx``; returns its golden fields (the caller adds the page count)."""
    source = vt.pick(rng, SOURCES)
    look = draw_look(rng, fonts, size)
    build = {"kreistag": kreistag, "sdnet": sdnet, "buerger": buerger}[source]
    return build(rng, look, docx)
