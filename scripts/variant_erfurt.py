"""The Erfurt cover families of ``generate_variants.py``: drawn with reportlab (vector boxes) and
typed into the city's Word template for LibreOffice (Wingdings or U+2610 boxes)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import fixture_erfurt as fe
import fixture_fonts as ff
import fixture_page as fp
import variant_text as vt
from fixture_erfurt_docx import DocxStyle, build_docx
from variant_base import (
    Golden,
    available_fonts,
    cm_width,
    faction_of,
    golden,
    link,
    links_of,
    long_title,
    paragraph_count,
    size_and_lead,
    use_font,
    within_pages,
)

iso, items_golden = vt.iso, vt.items_golden


@dataclass(frozen=True)
class ErfurtLook:
    """Column rules of the Beratungsfolge table and the Sachverhalt's size and leading."""

    cols: tuple[float, float, float, float, float]
    body: float
    lead: float


class VariantLayout(fe.Layout):
    """The Erfurt layout with its Beratungsfolge columns, and the Sachverhalt's size and leading,
    taken from an :class:`ErfurtLook`; every table cell wraps inside its column."""

    def __init__(self, paper: fe.Paper, encoding: fp.Encoding, look: ErfurtLook) -> None:
        super().__init__(paper, encoding)
        self.look = look

    def second_page(self) -> None:
        """The checkbox grid in the paper's face; where that face is too wide for the grid's fixed
        columns (DejaVu Sans at the grid's size), in the template's own Liberation Sans, as the
        fixed part of a form keeps the font it was made in."""
        pages, boxes, y = len(self.pages), self.box_seq, self.y
        try:
            super().second_page()
        except fe.GridOverflow:
            del self.pages[pages:]
            self.box_seq, self.y = boxes, y
            with ff.fixture_faces():
                super().second_page()

    def first_page(self) -> None:
        """Header block, Beratungsfolge and Beschlussvorschlag as in ``fe.Layout.first_page``."""
        paper = self.paper
        self.new_page()
        page = self.pages[-1]
        head = page.head
        head.append(fp.Text(fe.LEFT, 792, paper.originator, ff.BOLD, 11))
        head.append(fp.Text(fe.LEFT, 764, "Titel der Drucksache:", ff.REG, 9))
        for i, line in enumerate(paper.title_lines):
            head.append(fp.Text(fe.LEFT, 748 - 14 * i, line, ff.BOLD, 11))
        bx, btop = 372.0, 806.0
        head.append(fp.Frame(bx, 716, fe.RIGHT - bx, btop - 716))
        head.append(fp.Text(bx + 10, 788, f"Drucksache {paper.number}", ff.BOLD, 11))
        head.append(fp.Text(bx + 10, 770, paper.body, ff.REG, 10))
        head.append(fp.Text(bx + 10, 755, paper.document_type, ff.REG, 10))
        head.append(fp.Text(bx + 10, 728, paper.treatment, ff.REG, 10))

        cols = self.look.cols
        ops = page.ops
        top = y = 690.0
        rows = [(("Beratungsfolge", "Datum", "Behandlung", "Zuständigkeit"), ff.BOLD)]
        rows += [((" ".join(c.body_lines), c.date, c.treatment, c.role), ff.REG) for c in paper.consultations]
        ops.append(fp.Rule(cols[0], top, cols[-1], top))
        for cells, font in rows:
            wrapped = [
                ff.wrap(text, right - left - 8, font, 9)
                for text, left, right in zip(cells, cols, cols[1:], strict=False)
            ]
            for column, lines in enumerate(wrapped):
                for i, line in enumerate(lines):
                    ops.append(fp.Text(cols[column] + 4, y - 13 - 12 * i, line, font, 9))
            y -= 8 + 12 * max(len(lines) for lines in wrapped)
            ops.append(fp.Rule(cols[0], y, cols[-1], y))
        for col in cols:
            ops.append(fp.Rule(col, top, col, y))

        y -= 34
        if paper.resolution:
            ops.append(fp.Text(fe.LEFT, y, "Beschlussvorschlag", ff.BOLD, 11))
            y -= 24
            for number, text in paper.resolution:
                ops.append(fp.Text(fe.LEFT, y, number, ff.REG, 10))
                for line in ff.wrap(text, fe.RIGHT - 85):
                    ops.append(fp.Text(85, y, line, ff.REG, 10))
                    y -= 13.5
                y -= 9
        if y < 130:
            raise ValueError(f"{paper.number}: page 1 overflows")
        ops.append(fp.Text(fe.LEFT, 100, paper.signature, ff.REG, 10))
        ops.append(fp.Rule(fe.LEFT, 95, 300, 95))
        ops.append(fp.Text(fe.LEFT, 86, "Datum, Unterschrift", ff.REG, 7))

    def text_line(self, x: float, line: str) -> None:
        """One Sachverhalt line at the look's size, with a link annotation over a URL."""
        size, lead = self.look.body, self.look.lead
        self.ensure(lead)
        self.ops.append(fp.Text(x, self.y, line, ff.REG, size))
        for url in (word for word in line.split() if word.startswith("https://")):
            start = x + ff.width(line[: line.index(url)], ff.REG, size)
            self.ops.append(fp.Link(start, self.y - 2, start + ff.width(url, ff.REG, size), self.y + size, url))
        self.y -= lead

    def sachverhalt(self) -> None:
        """Headings "Sachverhalt" and "Begründung:", then paragraphs and bullet lists."""
        size = self.look.body
        if self.paper.sachverhalt_new_page:
            self.new_page()
        self.ensure(80)
        self.ops.append(fp.Text(fe.LEFT, self.y, "Sachverhalt", ff.BOLD, 12))
        self.y -= 26
        self.ops.append(fp.Text(fe.LEFT, self.y, "Begründung:", ff.BOLD, size))
        self.y -= 24
        for block in self.paper.justification:
            if isinstance(block, str):
                for line in ff.wrap(block, fe.RIGHT - fe.LEFT, ff.REG, size):
                    self.text_line(fe.LEFT, line)
            else:
                for item in block:
                    self.ensure(self.look.lead)
                    self.ops.append(fp.Text(70, self.y, ff.BULLET_PUA, ff.SYM, size))
                    for line in ff.wrap(item, fe.RIGHT - 85, ff.REG, size):
                        self.text_line(85, line)
                    self.y -= 2
            self.y -= 9


GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    *fe.GRID_ROW_1,
    *fe.GRID_ROW_2,
    fe.DECKUNG,
    (fe.STANDALONE, (fe.STANDALONE,)),
    fe.FRIST,
)


def erfurt_paper(rng: random.Random, title_lines: Callable[[], list[str]], max_items: int) -> fe.Paper:
    """A random Erfurt Entscheidungs- or Informationsvorlage."""
    signed = vt.day(rng)
    informational = rng.random() < 0.15
    originator = rng.choice(("Oberbürgermeister", "Oberbürgermeister", *vt.FACTIONS))
    kind = (
        "Informationsvorlage"
        if informational
        else rng.choice(("Entscheidungsvorlage",) * 4 + ("Dringliche Entscheidungsvorlage",))
    )
    consultations = []
    date = signed
    for i in range(rng.randint(1, 5)):
        date = vt.later(rng, date, 3, 20)
        last = i and rng.random() < 0.35
        body = "Stadtrat" if last else vt.committee(rng)
        role = (
            "Kenntnisnahme"
            if informational
            else ("Entscheidung" if last else rng.choice(("Vorberatung", "Vorberatung", "Anhörung")))
        )
        consultations.append(
            fe.Consultation((body,), vt.de_date(date), rng.choice(("öffentlich", "nicht öffentlich")), role)
        )
        if last:
            break
    style = rng.choice(("01", "01", "1.", "a)"))
    resolution = () if informational else vt.resolution_items(rng, rng.randint(1, max_items), style)
    ticked: set[tuple[str, str]] = set()
    for group, options in GROUPS:
        if group == fe.STANDALONE:
            if rng.random() < 0.25:
                ticked.add((group, group))
        elif rng.random() < 0.9:
            ticked.add((group, vt.pick(rng, options)))
    year = signed.year
    years = tuple(str(year + i) for i in range(4))
    finances = fe.empty_finances(years)  # type: ignore[arg-type]
    total = ""
    if ("Finanzielle Auswirkungen", "Ja") in ticked:
        rows = []
        for label in fe.FINANCE_LABELS:
            amounts = tuple(rng.choice(("", "0,00", vt.de_amount(vt.amount(rng)))) for _ in years)
            rows.append((label, amounts))
        total = vt.de_amount(vt.amount(rng, 10, 4000))
        finances = fe.Finances(years, tuple(rows), total)  # type: ignore[arg-type]
    kinds = ("Lageplan", "Kostenschätzung", "Stellungnahme", "Übersicht", "Gutachten")
    attachments = tuple(f"Anlage {i} – {vt.pick(rng, kinds)}" for i in range(1, rng.randint(0, 3) + 1))
    url = link(rng, "erfurt")
    number = f"{rng.randint(1, 1499):04d}/{year % 100:02d}"
    initial = vt.pick(rng, vt.FIRST_NAMES)[0]
    return fe.Paper(
        number=number,
        originator=originator,
        title_lines=tuple(title_lines()),
        document_type=kind,
        treatment=rng.choice(("öffentlich", "öffentlich", "nicht öffentlich")),
        consultations=tuple(consultations),
        resolution=resolution,
        signature=f"{vt.de_date(signed)}, gez. {rng.choice(('i. A. ', 'i. V. ', ''))}{initial}. "
        f"{vt.pick(rng, vt.LAST_NAMES)}",
        ticked=frozenset(ticked),
        finances=finances,
        attachments=attachments,
        justification=vt.blocks(rng, paragraph_count(rng), link=url),
        running_header=rng.choice((f"Drucksache {number}", "Stadtverwaltung Erfurt")),
        sachverhalt_new_page=rng.random() < 0.8,
        links=(url,) if url else (),
    )


def erfurt_golden(paper: fe.Paper) -> Golden:
    """The golden record of an Erfurt paper (``page_count`` is filled in after rendering)."""
    boxes = []
    for group, options in GROUPS:
        states = [{"label": option, "checked": (group, option) in paper.ticked} for option in options]
        selected = next((s["label"] for s in states if s["checked"]), None)
        boxes.append({"label": group, "options": states, "selected": selected})
    fin = paper.finances
    return golden(
        number=paper.number,
        title=" ".join(paper.title_lines),
        document_type=paper.document_type,
        public=paper.treatment == "öffentlich",
        body=paper.body,
        originator=paper.originator,
        faction=faction_of(paper.originator),
        date=iso(paper.signature.split(",")[0]),
        consultations=[
            {"body": " ".join(c.body_lines), "date": iso(c.date), "public": c.treatment == "öffentlich", "role": c.role}
            for c in paper.consultations
        ],
        resolution_proposal=items_golden(paper.resolution),
        checkboxes=boxes,
        finances=vt.finances_golden(fin.years, fin.rows, fin.total),
        attachments=list(paper.attachments),
        justification=vt.blocks_text(paper.justification),
        links=links_of(paper.justification),
    )


def erfurt_reportlab(rng: random.Random, out: Path) -> Golden:
    """Erfurt cover drawn with reportlab, boxes as stroked squares (crossed or with an "X")."""
    use_font(rng)
    body, lead = size_and_lead(rng)
    # Narrow columns make committee names and "nicht öffentlich" wrap in their cells; every column
    # stays wider than its longest word, so no word runs over a column rule.
    first = rng.uniform(115, 230)
    date_w, treat_w = rng.uniform(60, 80), rng.uniform(60, 90)
    cols = (fe.LEFT, fe.LEFT + first, fe.LEFT + first + date_w, fe.LEFT + first + date_w + treat_w, fe.RIGHT)
    look = ErfurtLook(cols, body, lead)
    encoding: fp.Encoding = rng.choice(("vector", "vector-x"))
    paper = erfurt_paper(rng, lambda: long_title(rng, 300, ff.BOLD, 11, 3), 4)

    def render(content: tuple[vt.Block, ...]) -> Path:
        nonlocal paper
        paper = replace(paper, justification=content)
        while True:
            try:
                fe.render_reportlab(paper, encoding, out, False, VariantLayout(paper, encoding, look))
                return out
            except ValueError:  # page 1 overflows: one resolution item less
                paper = replace(paper, resolution=paper.resolution[:-1])

    content, pages = within_pages(render, paper.justification)
    record = erfurt_golden(replace(paper, justification=content))
    record["page_count"] = pages
    return record


def erfurt_docx(rng: random.Random, docx: Path) -> Golden:
    """Erfurt cover as a DOCX (Wingdings or U+2610 boxes) with random column widths and font."""
    font = vt.pick(rng, available_fonts())
    size, _ = size_and_lead(rng)
    first = rng.uniform(4.5, 8.0)
    date_w, treat_w = rng.uniform(2.2, 2.8), rng.uniform(2.3, 3.4)
    # Checkbox grid: label, option, option, label, option, option. Each column is at least as wide
    # as its longest word (so the word processor breaks only at spaces) and at most wide enough
    # for the whole label, so labels like "Ja, siehe Anlage" often wrap inside their cells.
    floors = [
        cm_width(w)
        for w in ("Nachhaltigkeitscontrolling", "☐ Nein", "☐ Anlage", "Nutzen/Einsparung", "☐ Nein", "☐ Sachverhalt")
    ]
    extras = [rng.uniform(0, 1.6) for _ in floors]
    budget = 17.0 - sum(floors)  # the grid spans the 17 cm between the margins
    scale = min(1.0, budget / sum(extras))
    grid = [floor + extra * scale for floor, extra in zip(floors, extras, strict=True)]
    look = DocxStyle(
        font=font,
        size=size,
        consultation_widths=(
            round(first, 2),
            round(date_w, 2),
            round(treat_w, 2),
            round(17.0 - first - date_w - treat_w, 2),
        ),
        grid_widths=tuple(round(w, 2) for w in grid),  # type: ignore[arg-type]
    )
    encoding: fp.Encoding = "docx-wingdings" if rng.random() < 0.75 else "docx-unicode"
    # The signature's spacing above shrinks by 40 pt an item, so three items at most.
    paper = erfurt_paper(rng, lambda: long_title(rng, 290, ff.BOLD, 11, 3), 3)
    paper = replace(paper, justification=paper.justification[:35])
    build_docx(paper, encoding, docx, look)
    return erfurt_golden(paper)
