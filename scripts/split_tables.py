"""The ``split-tables`` variant family (built only when named): Vorlagen whose tables run over a
page break, as ALLRIS, SessionNet and SD.NET print them and as a city's Word-like template sets
them (reportlab's platypus).

Each paper has a long Beratungsfolge (8-20 rows: Gremium, Sitzungsdatum, Zuständigkeit such as
Vorberatung, Anhörung or Entscheidung, sometimes a column "Ö/N"), numbered Beschlussvorschlag
items, the facts, the financial effects as a table of amounts by Haushaltsjahr whose first
column names a Produkt or a Kostenstelle ("1.234.567,89 €"), and a long list of attachments; a
table, the items and the list may go on over a page break, where the next page repeats the
table's header row or not, and opens with "Fortsetzung" or "noch Beratungsfolge" or not,
between a running head with the paper's number and a foot "Seite 2 von 5". Tables are drawn by
hand (``template_flow``, ruled or not) or as platypus tables with ``repeatRows``; fonts,
sizes 9-12 pt and column widths vary, so cells wrap; two to six pages. A paper is drawn again
with more facts until at least one table runs over a page break.

Goldens follow the other Vorlage families (``sdnet_vorlage.py``, ``mixed_paper.py``): the
number as printed after its label, the office in charge as originator, public from the printed
status (null without one), the head's date, consultations with their role and their public from
a status column (null without one), the items numbered as printed, finances of the table by
year with the printed total, attachments without their enumeration ("1. Lageplan" is
"Lageplan"; "Anlage 1: Lageplan" as printed), the justification the facts' paragraphs.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

MAX_PAGES = 6
STYLES = ("allris", "sessionnet", "sdnet", "city")
# fmt: off
CITIES = ("Stadt Lingen (Ems)", "Hansestadt Lüneburg", "Stadt Gütersloh", "Stadt Weimar", "Stadt Nordhorn",
          "Universitätsstadt Marburg", "Stadt Delmenhorst", "Stadt Bergisch Gladbach", "Stadt Cottbus")
KINDS = ("Beschlussvorlage", "Beschlussvorlage", "Sitzungsvorlage", "Verwaltungsvorlage")
ROLES = ("Vorberatung", "Vorberatung", "Vorberatung", "Anhörung", "Kenntnisnahme", "Beratung")
COUNCILS = ("Rat", "Stadtrat", "Rat der Stadt", "Stadtverordnetenversammlung")
#: Words that open the next page of a table run over a page break, and the table they continue.
CONTINUED = ("Fortsetzung", "Fortsetzung Beratungsfolge", "noch Beratungsfolge", "Beratungsfolge (Fortsetzung)")
FINANCE_CONTINUED = ("Fortsetzung", "noch: Finanzielle Auswirkungen", "Fortsetzung der Tabelle")
FINANCE_HEADS = ("Produkt/Kostenstelle", "Haushaltsjahr", "Kostenstelle", "Produkt", "Produkt / Sachkonto")
PRODUCTS = (
    "Gebäudemanagement", "Schulträgeraufgaben", "Straßenunterhaltung", "Grünflächen", "Kindertagesbetreuung",
    "Stadtplanung", "Feuerschutz", "Sportförderung", "Stadtbibliothek", "Abwasserbeseitigung",
    "Öffentlicher Personennahverkehr", "Klimaschutz", "Friedhofswesen", "Wirtschaftsförderung",
    "Jugendarbeit", "Denkmalschutz und Denkmalpflege",
)
ATTACHMENTS = (
    "Lageplan", "Kostenschätzung", "Entwurfsplanung", "Stellungnahme des Ortsrats", "Satzungsentwurf",
    "Übersicht der Fördermittel", "Protokoll der Bürgerversammlung", "Verkehrsgutachten",
    "Schallschutzgutachten", "Artenschutzrechtlicher Fachbeitrag", "Fotodokumentation", "Zeitplan",
    "Finanzierungsplan", "Vertragsentwurf", "Stellungnahme des Seniorenbeirats", "Bestandsplan",
)
# fmt: on


@dataclass
class Paper:
    """One Vorlage: its values and the layout drawn for it."""

    style: str
    city: str
    number: str
    kind: str
    title: str
    date: dt.date
    office: str
    status: str | None  # "öffentlich", "nichtöffentlich" or not printed
    #: (body, date, role, Ö/N) rows.
    rows: list[tuple[str, str, str, str]]
    status_column: bool
    dates_header: str
    table_width: float  # share of the text's width
    ruled: bool
    repeat: bool
    continued: str | None
    consult_last: bool  # the Beratungsfolge after the financial effects, as some templates set it
    items: tuple[tuple[str, str], ...]
    facts: tuple[vt.Block, ...]
    finance_head: str
    years: tuple[str, ...]
    finance_rows: list[tuple[str, tuple[str, ...]]]
    total: str
    label_width: float  # of the finance table's first column, in points; narrow ones wrap
    finance_continued: str | None
    attachments: tuple[str, ...]  # as printed
    size: float
    lead: float
    platypus: bool
    running_head: bool
    footer: str
    golden: dict[str, Any] = field(default_factory=dict)


def _number(rng: random.Random, style: str, year: int) -> str:
    """A paper number as the style's system prints it."""
    count = rng.randint(1, 999)
    return {
        "allris": f"{year % 100:02d}/{count:04d}",
        "sessionnet": f"VO/{year}/{count:03d}",
        "sdnet": rng.choice((f"BV/{year}/{count:04d}", f"{count:04d}/{year}")),
        "city": f"{year}/{count:03d}",
    }[style]


def _rows(rng: random.Random, signed: dt.date) -> list[tuple[str, str, str, str]]:
    """8-20 (body, date, role, Ö/N) rows in date order; the council decides last."""
    count = rng.randint(8, 20)
    rows = []
    when = signed
    for i in range(count - 1):
        when = vt.later(rng, when, 1, 9 if i % 3 else 20)
        rows.append((vt.committee(rng), vt.de_date(when), vt.pick(rng, ROLES), rng.choice(("Ö", "Ö", "N"))))
    when = vt.later(rng, when, 5, 20)
    rows.append((vt.pick(rng, COUNCILS), vt.de_date(when), "Entscheidung", "Ö"))
    return rows


def _money(rng: random.Random) -> str:
    """An amount with cents, from hundreds to millions ("1.234.567,89")."""
    return vt.de_amount(rng.randint(100, 10 ** rng.randint(4, 7)) + rng.randint(0, 99) / 100)


def _finances(rng: random.Random, signed: dt.date) -> tuple[tuple[str, ...], list[tuple[str, tuple[str, ...]]], str]:
    """(years, rows of a product label and amounts, printed total or "")."""
    first = signed.year + rng.randint(0, 1)
    years = tuple(str(first + k) for k in range(rng.randint(2, 4)))
    rows = []
    for name in rng.sample(PRODUCTS, rng.randint(6, 16)):
        code = f"{rng.randint(1, 9)}.{rng.randint(10, 99)}.{rng.randint(1, 12):02d}"
        label = rng.choice((f"{code} {name}", f"Produkt {code} {name}", name))
        rows.append((label, tuple(_money(rng) if rng.random() < 0.85 else "" for _ in years)))
    total = _money(rng) if rng.random() < 0.5 else ""
    return years, rows, total


def _attachments(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    """5-14 attachments as printed and as the golden lists them."""
    names = rng.sample(ATTACHMENTS, rng.randint(5, 14))
    style = rng.randrange(3)
    if style == 0:
        printed = tuple(f"Anlage {i}: {name}" for i, name in enumerate(names, start=1))
        return printed, list(printed)
    if style == 1:
        return tuple(f"{i}. {name}" for i, name in enumerate(names, start=1)), names
    return tuple(names), names


def _longest_word(texts: Sequence[str], size: float) -> float:
    """The width of the widest word of ``texts`` in bold ``size`` points."""
    return max(ff.width(word, ff.BOLD, size) for text in texts for word in text.split())


def draw(rng: random.Random, size: float, lead: float) -> Paper:
    """Draw one Vorlage and its golden fields."""
    style = vt.pick(rng, STYLES)
    signed = vt.day(rng)
    years, finance_rows, total = _finances(rng, signed)
    attachments, attachments_golden = _attachments(rng)
    council = vt.pick(rng, COUNCILS)
    subject = "Die Stadtverordnetenversammlung" if council == "Stadtverordnetenversammlung" else f"Der {council}"
    texts = dict.fromkeys(text.replace("Der Stadtrat", subject) for _, text in vt.resolution_items(rng, 24, "1."))
    items = tuple((f"{i}.", text) for i, text in enumerate(list(texts)[: rng.randint(3, 12)], start=1))
    status = None if style == "city" else rng.choice(("öffentlich", "öffentlich", "nichtöffentlich"))
    widest = max(ff.width(label, ff.BOLD, size - 1) for label, _ in finance_rows) + 14
    # A narrow column wraps its labels between words, never inside one.
    longest = max(_longest_word([label for label, _ in finance_rows], size - 1) + 14, 90.0)
    paper = Paper(
        style=style,
        city=vt.pick(rng, CITIES),
        number=_number(rng, style, signed.year),
        kind=vt.pick(rng, KINDS),
        title=vt.title(rng, rng.choice((5, 8, 12, 18))),
        date=signed,
        office=vt.pick(rng, vt.OFFICES),
        status=status,
        rows=_rows(rng, signed),
        status_column=rng.random() < 0.5,
        dates_header=rng.choice(("Datum", "Sitzungsdatum", "Sitzung")),
        table_width=rng.choice((1.0, 1.0, 0.85, 0.7)),
        ruled=rng.random() < 0.7,
        repeat=rng.random() < 0.75,
        continued=vt.pick(rng, CONTINUED) if rng.random() < 0.4 else None,
        consult_last=rng.random() < 0.25,
        items=items,
        facts=vt.blocks(rng, rng.randint(1, 6)),
        finance_head=vt.pick(rng, FINANCE_HEADS),
        years=years,
        finance_rows=finance_rows,
        total=total,
        label_width=widest if rng.random() < 0.7 else max(longest, widest * rng.uniform(0.5, 0.8)),
        finance_continued=vt.pick(rng, FINANCE_CONTINUED) if rng.random() < 0.3 else None,
        attachments=attachments,
        size=size,
        lead=lead,
        platypus=style == "city" or rng.random() < 0.25,
        running_head=rng.random() < 0.7,
        footer=rng.choice(("Seite {n} von {m}", "Seite {n} von {m}", "- {n} -", "Seite {n}/{m}")),
    )
    paper.golden = {
        "number": paper.number,
        "title": paper.title,
        "document_type": paper.kind,
        "public": None if status is None else status == "öffentlich",
        "originator": paper.office,
        "date": signed.isoformat(),
        "consultations": vt.consultations_golden([(b, d, r, m) for b, d, r, m in paper.rows], paper.status_column),
        "resolution_proposal": vt.items_golden(items),
        "finances": vt.finances_golden(years, finance_rows, total),
        "attachments": attachments_golden,
    }
    return paper


# --------------------------------------------------------------------------
# The head of each style (the hand-drawn flow).
# --------------------------------------------------------------------------


def _head(flow: template_flow.Flow, paper: Paper) -> None:
    """The style's head: number, kind, date, office, status and subject."""
    size = paper.size
    date = vt.de_date(paper.date)
    if paper.style == "allris":
        flow.y = 800
        flow.line(paper.city, x=flow.right, size=9, align="right", lead=20)
        flow.line(f"Vorlage - {paper.number}", font=ff.BOLD, size=15, lead=12)
        flow.ops.append(fp.Rule(flow.left, flow.y, flow.right, flow.y, 1.0))
        flow.space(18)
        grid = [
            ("Status:", paper.status or ""),
            ("Vorlage-Art:", paper.kind),
            ("Federführend:", paper.office),
            ("Datum:", date),
        ]
    elif paper.style == "sessionnet":
        flow.y = 806
        flow.line(paper.city, x=flow.right, font=ff.BOLD, size=10, align="right", lead=22)
        flow.line(f"Vorlage {paper.number}", font=ff.BOLD, size=16, lead=20)
        grid = [
            ("Vorlagenart:", paper.kind),
            ("Datum:", date),
            ("Federführend:", paper.office),
            ("Status:", paper.status or ""),
        ]
    else:
        flow.y = 800
        flow.line(paper.city, font=ff.BOLD, size=size + 2, lead=size * 1.6)
        flow.line(paper.kind, font=ff.BOLD, size=size + 5, lead=(size + 5) * 1.5)
        grid = [("Vorlage-Nr.:", paper.number), ("Datum:", date), ("Federführend:", paper.office)]
        if paper.status:
            grid.append(("Status:", paper.status))
    tab = flow.left + max(ff.width(label, ff.BOLD, size) for label, _ in grid) + 12
    for label, value in grid:
        flow.ops.append(fp.Text(flow.left, flow.y, label, ff.BOLD, size))
        flow.para(value, x=tab, after=0)
    flow.space(paper.lead * 0.5)
    flow.ops.append(fp.Text(flow.left, flow.y, "Betreff:", ff.BOLD, size))
    flow.para(paper.title, x=tab, font=ff.BOLD, after=paper.lead)


def _label_width(paper: Paper, text_w: float, year_w: float) -> float:
    """The finance table's label column: as drawn, but no wider than the page leaves beside
    the year columns (nor narrower than the longest word)."""
    room = text_w - year_w * len(paper.years)
    longest = _longest_word([label for label, _ in paper.finance_rows], paper.size - 1) + 14
    return max(min(paper.label_width, room), longest)


def _flow_finances(flow: template_flow.Flow, paper: Paper) -> None:
    """The finance table by hand: the product column, one column a year, amounts right."""
    small = paper.size - 1
    flow.heading("Finanzielle Auswirkungen:", size=paper.size + 0.5, before=paper.lead * 0.4, after=paper.lead * 0.3)
    cells = [[label, *(f"{a} €" if a else "" for a in amounts)] for label, amounts in paper.finance_rows]
    year_w = max(ff.width(c, ff.REG, small) for row in cells for c in row[1:]) + 12
    flow.table(
        [_label_width(paper, flow.right - flow.left, year_w), *([year_w] * len(paper.years))],
        cells,
        header=[paper.finance_head, *paper.years],
        size=small,
        lead=small * 1.3,
        aligns=["left", *(["right"] * len(paper.years))],
        ruled=paper.ruled,
        repeat_header=True,
        continued=paper.finance_continued,
    )
    if paper.total:
        flow.line(f"Gesamtkosten: {paper.total} €")


def _flow(paper: Paper, out: Path) -> tuple[int, bool]:
    """Render ``paper`` by hand; returns its page count and whether a table ran over a break."""
    flow = template_flow.Flow(body=paper.size, lead=paper.lead, top=770)
    _head(flow, paper)
    crossed = False
    if not paper.consult_last:
        crossed |= _flow_consultations(flow, paper)
    template_flow.request(flow, "Beschlussvorschlag:", paper.items, before=paper.lead * 0.4)
    flow.heading("Sachverhalt:", size=paper.size + 0.5, before=paper.lead * 0.4, after=paper.lead * 0.2)
    template_flow.blocks(flow, paper.facts)
    start = len(flow.pages)
    _flow_finances(flow, paper)
    crossed |= len(flow.pages) > start
    if paper.consult_last:
        crossed |= _flow_consultations(flow, paper)
    template_flow.attachment_list(flow, paper.attachments)
    pages = flow.finish(header=f"Vorlage {paper.number}" if paper.running_head else None, footer=paper.footer)
    template_flow.render("reportlab", flow, pages, template_flow.Meta(paper.title, paper.city), out)
    return len(pages), crossed


def _flow_consultations(flow: template_flow.Flow, paper: Paper) -> bool:
    """The Beratungsfolge by hand; whether it ran over a page break."""
    flow.heading("Beratungsfolge:", size=paper.size + 0.5, before=paper.lead * 0.4, after=paper.lead * 0.2)
    start = len(flow.pages)
    template_flow.consultation_table(
        flow,
        paper.dates_header,
        paper.rows,
        paper.status_column,
        paper.size - 1,
        width=(flow.right - flow.left) * paper.table_width,
        ruled=paper.ruled,
        repeat_header=paper.repeat,
        continued=paper.continued,
    )
    return len(flow.pages) > start


# --------------------------------------------------------------------------
# A city's template set by platypus: tables with repeatRows.
# --------------------------------------------------------------------------


class _Split(Table):
    """A platypus table that notes when it is split over a page break and may put a line
    ("Fortsetzung") over its rest (reportlab builds the parts with the table's own class)."""

    note: list[bool] | None = None
    continued: str | None = None
    para: ParagraphStyle | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) < 2:
            return parts
        for part in parts:
            if isinstance(part, _Split):
                part.note, part.continued, part.para = self.note, self.continued, self.para
        if self.note is not None:
            self.note.append(True)
        if not self.continued or self.para is None:
            return parts
        return [parts[0], PageBreak(), Paragraph(escape(self.continued), self.para), *parts[1:]]


def _styles(paper: Paper) -> dict[str, ParagraphStyle]:
    """The paragraph styles of the platypus print in the paper's faces."""
    size, lead = paper.size, paper.lead
    small = size - 1
    return {
        "body": ParagraphStyle("body", fontName=ff.REG, fontSize=size, leading=lead, spaceAfter=lead * 0.5),
        "head": ParagraphStyle(
            "head",
            fontName=ff.BOLD,
            fontSize=size + 0.5,
            leading=lead + 1,
            spaceBefore=lead * 0.6,
            spaceAfter=lead * 0.3,
        ),
        "title": ParagraphStyle("title", fontName=ff.BOLD, fontSize=size + 1, leading=lead + 2, spaceAfter=lead),
        "kind": ParagraphStyle("kind", fontName=ff.BOLD, fontSize=size + 5, leading=(size + 5) * 1.4, spaceAfter=lead),
        "city": ParagraphStyle("city", fontName=ff.BOLD, fontSize=size + 1, leading=lead + 2, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", fontName=ff.REG, fontSize=small, leading=small * 1.25),
        "cellb": ParagraphStyle("cellb", fontName=ff.BOLD, fontSize=small, leading=small * 1.25),
        "right": ParagraphStyle("right", fontName=ff.REG, fontSize=small, leading=small * 1.25, alignment=TA_RIGHT),
    }


def _table(
    paper: Paper,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: dict[str, ParagraphStyle],
    note: list[bool],
    continued: str | None,
    repeat: bool,
    right_from: int = 99,
) -> _Split:
    """A platypus table of paragraphs (the first row the header), ruled or with rules under the
    header only, repeating its header on a new page when ``repeat``."""
    data = [
        [
            Paragraph(
                escape(cell), styles["cellb"] if r == 0 else styles["right"] if c >= right_from else styles["cell"]
            )
            for c, cell in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if paper.ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
    table = _Split(data, colWidths=list(widths), repeatRows=1 if repeat else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    table.note, table.continued, table.para = note, continued, styles["cellb"]
    return table


def _heading(text: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A section heading, on the next page when fewer than three lines would follow it."""
    style = styles["head"]
    return [CondPageBreak(style.leading * 4 + style.spaceBefore), Paragraph(text, style)]


def _story(paper: Paper, note: list[bool]) -> list[Flowable]:
    """The platypus story of a city's template."""
    styles = _styles(paper)
    text_w = A4[0] - 2 * template_flow.LEFT
    small = paper.size - 1
    grid = [["Vorlage-Nr.:", paper.number], ["Datum:", vt.de_date(paper.date)], ["Federführend:", paper.office]]
    if paper.status:
        grid.append(["Status:", paper.status])
    label_w = max(ff.width(label, ff.BOLD, paper.size) for label, _ in grid) + 14
    head = Table(
        [[Paragraph(label, styles["cellb"]), Paragraph(escape(value), styles["cell"])] for label, value in grid],
        colWidths=[label_w, text_w - label_w],
        hAlign="LEFT",
    )
    story: list[Flowable] = [
        Paragraph(escape(paper.city), styles["city"]),
        Spacer(1, paper.lead),
        Paragraph(paper.kind, styles["kind"]),
        head,
        Spacer(1, paper.lead),
        Paragraph(escape(f"Betreff: {paper.title}"), styles["title"]),
    ]
    consultations = [*_heading("Beratungsfolge:", styles)]
    header = [paper.dates_header, "Gremium", "Zuständigkeit", *(["Ö/N"] if paper.status_column else [])]
    cells = [header] + [[d, b, r, *([m] if paper.status_column else [])] for b, d, r, m in paper.rows]
    fixed = [max(ff.width(row[k], ff.BOLD, small) for row in cells) + 14 for k in range(len(header))]
    fixed[1] = max(
        text_w * paper.table_width - sum(fixed) + fixed[1], _longest_word([b for b, _, _, _ in paper.rows], small) + 14
    )
    consultations.append(_table(paper, cells, fixed, styles, note, paper.continued, paper.repeat))
    if not paper.consult_last:
        story += consultations
    story.extend(_heading("Beschlussvorschlag:", styles))
    for label, text in paper.items:
        item = Table(
            [[Paragraph(label, styles["body"]), Paragraph(escape(text), styles["body"])]],
            colWidths=[22, text_w - 22],
            hAlign="LEFT",
            style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]),
        )
        story.append(item)
    story.extend(_heading("Sachverhalt:", styles))
    for block in paper.facts:
        if isinstance(block, str):
            story.append(Paragraph(escape(block), styles["body"]))
        else:
            story += [Paragraph(f"{template_flow.BULLET} {escape(entry)}", styles["body"]) for entry in block]
    story.extend(_heading("Finanzielle Auswirkungen:", styles))
    money = [[label, *(f"{a} €" if a else "" for a in amounts)] for label, amounts in paper.finance_rows]
    year_w = max(ff.width(c, ff.REG, small) for row in money for c in row[1:]) + 14
    story.append(
        _table(
            paper,
            [[paper.finance_head, *paper.years], *money],
            [_label_width(paper, text_w, year_w), *([year_w] * len(paper.years))],
            styles,
            note,
            paper.finance_continued,
            True,
            right_from=1,
        )
    )
    if paper.total:
        story.append(Paragraph(escape(f"Gesamtkosten: {paper.total} €"), styles["body"]))
    if paper.consult_last:
        story += consultations
    story.append(
        KeepTogether([Paragraph("Anlagen:", styles["head"]), Paragraph(escape(paper.attachments[0]), styles["body"])])
    )
    story += [Paragraph(escape(entry), styles["body"]) for entry in paper.attachments[1:]]
    return story


def _platypus(paper: Paper, out: Path) -> tuple[int, bool]:
    """Render ``paper`` with platypus; returns its page count and whether a table ran over a break."""
    pages: list[int] = []

    def furniture(total: int) -> Callable[[Canvas, Any], None]:
        def draw_page(canvas: Canvas, doc: Any) -> None:
            n = doc.page
            pages.append(n)
            canvas.saveState()
            if paper.running_head and n > 1:
                canvas.setFont(ff.REG, 9)
                canvas.drawRightString(A4[0] - template_flow.LEFT, A4[1] - 36, f"Vorlage {paper.number}")
                canvas.line(template_flow.LEFT, A4[1] - 42, A4[0] - template_flow.LEFT, A4[1] - 42)
            canvas.setFont(ff.REG, 8)
            canvas.drawCentredString(A4[0] / 2, 36, paper.footer.format(n=n, m=total))
            canvas.restoreState()

        return draw_page

    def build(target: Any, total: int, note: list[bool]) -> None:
        doc = SimpleDocTemplate(
            target,
            pagesize=A4,
            leftMargin=template_flow.LEFT,
            rightMargin=template_flow.LEFT,
            topMargin=60,
            bottomMargin=66,
            title=paper.title,
            author=paper.city,
            invariant=1,
        )
        doc.build(_story(paper, note), onFirstPage=furniture(total), onLaterPages=furniture(total))

    build(io.BytesIO(), 0, [])
    total = max(pages)
    note: list[bool] = []
    pages.clear()
    build(str(out), total, note)
    return total, bool(note)


def render(paper: Paper, out: Path) -> tuple[int, bool]:
    """Render ``paper`` to ``out``; returns its page count and whether a table ran over a break."""
    return _platypus(paper, out) if paper.platypus else _flow(paper, out)


def split_tables(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one Vorlage to ``out`` in the face the caller chose; returns its golden
    fields (the caller adds the page count). While no table runs over a page break, the facts
    grow by a paragraph; while the paper runs over six pages, they are halved."""
    size, lead = size_and_lead(rng)
    paper = draw(rng, size, lead)
    pages, crossed = render(paper, out)
    for _ in range(12):
        if pages > MAX_PAGES and len(paper.facts) > 1:
            paper.facts = paper.facts[: max(1, len(paper.facts) // 2)]
        elif not crossed and pages < MAX_PAGES:
            paper.facts = (*paper.facts, vt.paragraph(rng))
        else:
            break
        pages, crossed = render(paper, out)
    return {**paper.golden, "justification": vt.blocks_text(paper.facts)}
