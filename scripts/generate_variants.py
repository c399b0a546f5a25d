"""Generate seeded layout variants of every supported template, each a PDF plus its golden JSON.

The fixture builders (``build_fixtures.py``, ``build_fixtures_templates.py``) render a handful of
hand-written papers. This script draws new papers from ``random.Random`` -- numbers, dates,
titles of one to three lines, bodies, originators, factions, consultations, resolution items,
ticked boxes, amounts, attachments, one to twelve pages of text -- and new layouts -- fonts
(Liberation Sans/Serif, DejaVu Sans, Carlito), sizes 9-12 pt, table column widths that make
labels wrap inside their cells, optional sections, section order -- and renders them with the
same builders. Each golden JSON is written from the values the generator put on the page, in
the format ``ratsdoc eval`` reads (fixtures/README.md), never from ratsdoc's output.

Usage::

    python scripts/generate_variants.py OUT_DIR [--per-family N] [--families a,b] [--seed S] [--keep-sources]
        [--scan-wear office] [--scan-marks heavy]
    ratsdoc eval OUT_DIR

writes OUT_DIR/<family>/<family>-NNN.pdf and .json (``--keep-sources``: and, for the scanned
families, the born-digital pages scanned as <family>-NNN.source.pdf). The same seed gives byte-identical goldens;
the reportlab PDFs are byte-identical too, the fpdf2 and LibreOffice PDFs are normalised with
pikepdf like the fixtures. Families built with LibreOffice are skipped, with a message, when
``soffice`` is missing.

``--scan-wear office`` wears the scanned families as real office and archive scans are worn
(:func:`scan_image.office_wear`; the letters they scan may be set in a typewriter's or an older
office font); without it every scan is the same as before, byte for byte.

``--scan-marks heavy`` marks each scan's first page as an intake office and a reader do, where it
harms the head most (:mod:`heavy_marks`: an intake stamp on the date line or the subject,
handwritten notes in the margins, over and between the head lines, a tick and an underline of
the subject) instead of the family's own first-page marks; without it every scan is as before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

import archive_scan as ar
import black_marks
import build_fixtures as bf
import build_fixtures_templates as tpl
import bv_scan as bv
import letter_dach as ld
import letter_furniture as lf
import letter_request as lr
import margin_vorlage as mv
import office_letter as ol
import scan_family
import speech as sp
import variant_text as vt

DEFAULT_SEED = 20241204
iso, german_float, items_golden = vt.iso, vt.german_float, vt.items_golden
MAX_PAGES = 12

#: Font families: the name a word processor knows, and the regular and bold TrueType files.
FONTS = {
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "Carlito": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
}
FONT_ROOT = Path("/usr/share/fonts/truetype")
#: Fonts of typewriters and older office printers, which letters scanned with the office wear
#: profile (``--scan-wear office``) may be set in besides :data:`FONTS`.
OFFICE_FONTS = {
    "Liberation Mono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
}

Golden = dict[str, Any]


def font_files() -> dict[str, tuple[str, str]]:
    """The font families the letter being drawn may use: :data:`FONTS`, and :data:`OFFICE_FONTS`
    for a letter scanned with the office wear profile."""
    return {**FONTS, **OFFICE_FONTS} if scan_family.office_fonts() else FONTS


def available_fonts() -> list[str]:
    """The font families of :func:`font_files` whose files are installed."""
    return [name for name, files in font_files().items() if all((FONT_ROOT / f).exists() for f in files)]


def use_font(rng: random.Random) -> str:
    """Pick a font family and have the builders draw their regular and bold text in it
    (:func:`build_fixtures.use_faces`; registering another file under the builders' names would
    do nothing, reportlab keeps the first font of a name)."""
    name = vt.pick(rng, available_fonts())
    regular, bold = font_files()[name]
    bf.use_faces(FONT_ROOT / regular, FONT_ROOT / bold)
    return name


def size_and_lead(rng: random.Random) -> tuple[float, float]:
    """A body font size of 9-12 pt and a leading of 1.2-1.45 times it."""
    size = rng.choice((9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0))
    return size, round(size * rng.uniform(1.2, 1.45), 1)


def paragraph_count(rng: random.Random) -> int:
    """How many paragraphs of justification: mostly short papers, some of many pages."""
    band = rng.random()
    if band < 0.4:
        return rng.randint(1, 3)
    if band < 0.7:
        return rng.randint(4, 10)
    if band < 0.9:
        return rng.randint(11, 25)
    return rng.randint(26, 60)


def long_title(rng: random.Random, max_width: float, font: str, size: float, max_lines: int) -> list[str]:
    """A title wrapped at ``max_width``: mostly one or two lines, up to ``max_lines``."""
    parts = vt.title_parts(rng)
    count = rng.randint(1, len(parts))
    lines = bf.wrap(" ".join(parts[:count]), max_width, font, size)
    while len(lines) > max_lines and count > 1:  # drop whole phrases, so the title still reads
        count -= 1
        lines = bf.wrap(" ".join(parts[:count]), max_width, font, size)
    return lines


def link(rng: random.Random, host: str) -> str | None:
    """A URL for one paper in five."""
    if rng.random() >= 0.2:
        return None
    return f"https://www.{host}.de/rathaus/{vt.pick(rng, vt.TOPICS).lower()}-{rng.randint(10, 999)}"


def faction_of(originator: str | None) -> str | None:
    """``faction`` is the originator when it names a Fraktion."""
    return originator if originator and "Fraktion" in originator else None


def golden(**fields: Any) -> Golden:
    """A golden record with every content field, in the fixtures' key order."""
    keys = (
        "number",
        "title",
        "document_type",
        "public",
        "body",
        "originator",
        "faction",
        "date",
        "consultations",
        "resolution_proposal",
        "checkboxes",
        "finances",
        "attachments",
        "justification",
        "links",
        "page_count",
    )
    empty: dict[str, Any] = {
        "consultations": [],
        "resolution_proposal": [],
        "checkboxes": [],
        "attachments": [],
        "links": [],
    }
    return {key: fields.get(key, empty.get(key)) for key in keys}


def links_of(content: Sequence[vt.Block]) -> list[str]:
    """URLs printed in paragraphs, in order, without repeats."""
    found: list[str] = []
    for block in content:
        for part in (block,) if isinstance(block, str) else block:
            found += [word for word in part.split() if word.startswith("https://") and word not in found]
    return found


def within_pages(
    render: Callable[[tuple[vt.Block, ...]], Path], content: tuple[vt.Block, ...]
) -> tuple[tuple[vt.Block, ...], int]:
    """Render, and while the PDF runs over :data:`MAX_PAGES`, render again with half the text."""
    while True:
        pages = tpl.page_count(render(content))
        if pages <= MAX_PAGES or len(content) == 1:
            return content, pages
        content = content[: max(1, len(content) // 2)]


# --------------------------------------------------------------------------
# Erfurt cover: reportlab (vector boxes) and DOCX via LibreOffice (Wingdings boxes)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ErfurtLook:
    """Column rules of the Beratungsfolge table and the Sachverhalt's size and leading."""

    cols: tuple[float, float, float, float, float]
    body: float
    lead: float


class VariantLayout(bf.Layout):
    """The Erfurt layout with its Beratungsfolge columns, and the Sachverhalt's size and leading,
    taken from an :class:`ErfurtLook`; every table cell wraps inside its column."""

    def __init__(self, paper: bf.Paper, encoding: bf.Encoding, look: ErfurtLook) -> None:
        super().__init__(paper, encoding)
        self.look = look

    def second_page(self) -> None:
        """The checkbox grid in the paper's face; where that face is too wide for the grid's fixed
        columns (DejaVu Sans at the grid's size), in the template's own Liberation Sans, as the
        fixed part of a form keeps the font it was made in."""
        pages, boxes, y = len(self.pages), self.box_seq, self.y
        try:
            super().second_page()
        except bf.GridOverflow:
            del self.pages[pages:]
            self.box_seq, self.y = boxes, y
            with bf.fixture_faces():
                super().second_page()

    def first_page(self) -> None:
        """Header block, Beratungsfolge and Beschlussvorschlag as in ``bf.Layout.first_page``."""
        paper = self.paper
        self.new_page()
        page = self.pages[-1]
        head = page.head
        head.append(bf.Text(bf.LEFT, 792, paper.originator, bf.BOLD, 11))
        head.append(bf.Text(bf.LEFT, 764, "Titel der Drucksache:", bf.REG, 9))
        for i, line in enumerate(paper.title_lines):
            head.append(bf.Text(bf.LEFT, 748 - 14 * i, line, bf.BOLD, 11))
        bx, btop = 372.0, 806.0
        head.append(bf.Frame(bx, 716, bf.RIGHT - bx, btop - 716))
        head.append(bf.Text(bx + 10, 788, f"Drucksache {paper.number}", bf.BOLD, 11))
        head.append(bf.Text(bx + 10, 770, paper.body, bf.REG, 10))
        head.append(bf.Text(bx + 10, 755, paper.document_type, bf.REG, 10))
        head.append(bf.Text(bx + 10, 728, paper.treatment, bf.REG, 10))

        cols = self.look.cols
        ops = page.ops
        top = y = 690.0
        rows = [(("Beratungsfolge", "Datum", "Behandlung", "Zuständigkeit"), bf.BOLD)]
        rows += [((" ".join(c.body_lines), c.date, c.treatment, c.role), bf.REG) for c in paper.consultations]
        ops.append(bf.Rule(cols[0], top, cols[-1], top))
        for cells, font in rows:
            wrapped = [
                bf.wrap(text, right - left - 8, font, 9)
                for text, left, right in zip(cells, cols, cols[1:], strict=False)
            ]
            for column, lines in enumerate(wrapped):
                for i, line in enumerate(lines):
                    ops.append(bf.Text(cols[column] + 4, y - 13 - 12 * i, line, font, 9))
            y -= 8 + 12 * max(len(lines) for lines in wrapped)
            ops.append(bf.Rule(cols[0], y, cols[-1], y))
        for col in cols:
            ops.append(bf.Rule(col, top, col, y))

        y -= 34
        if paper.resolution:
            ops.append(bf.Text(bf.LEFT, y, "Beschlussvorschlag", bf.BOLD, 11))
            y -= 24
            for number, text in paper.resolution:
                ops.append(bf.Text(bf.LEFT, y, number, bf.REG, 10))
                for line in bf.wrap(text, bf.RIGHT - 85):
                    ops.append(bf.Text(85, y, line, bf.REG, 10))
                    y -= 13.5
                y -= 9
        if y < 130:
            raise ValueError(f"{paper.number}: page 1 overflows")
        ops.append(bf.Text(bf.LEFT, 100, paper.signature, bf.REG, 10))
        ops.append(bf.Rule(bf.LEFT, 95, 300, 95))
        ops.append(bf.Text(bf.LEFT, 86, "Datum, Unterschrift", bf.REG, 7))

    def text_line(self, x: float, line: str) -> None:
        """One Sachverhalt line at the look's size, with a link annotation over a URL."""
        size, lead = self.look.body, self.look.lead
        self.ensure(lead)
        self.ops.append(bf.Text(x, self.y, line, bf.REG, size))
        for url in (word for word in line.split() if word.startswith("https://")):
            start = x + bf.width(line[: line.index(url)], bf.REG, size)
            self.ops.append(bf.Link(start, self.y - 2, start + bf.width(url, bf.REG, size), self.y + size, url))
        self.y -= lead

    def sachverhalt(self) -> None:
        """Headings "Sachverhalt" and "Begründung:", then paragraphs and bullet lists."""
        size = self.look.body
        if self.paper.sachverhalt_new_page:
            self.new_page()
        self.ensure(80)
        self.ops.append(bf.Text(bf.LEFT, self.y, "Sachverhalt", bf.BOLD, 12))
        self.y -= 26
        self.ops.append(bf.Text(bf.LEFT, self.y, "Begründung:", bf.BOLD, size))
        self.y -= 24
        for block in self.paper.justification:
            if isinstance(block, str):
                for line in bf.wrap(block, bf.RIGHT - bf.LEFT, bf.REG, size):
                    self.text_line(bf.LEFT, line)
            else:
                for item in block:
                    self.ensure(self.look.lead)
                    self.ops.append(bf.Text(70, self.y, bf.BULLET_PUA, bf.SYM, size))
                    for line in bf.wrap(item, bf.RIGHT - 85, bf.REG, size):
                        self.text_line(85, line)
                    self.y -= 2
            self.y -= 9


GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    *bf.GRID_ROW_1,
    *bf.GRID_ROW_2,
    bf.DECKUNG,
    (bf.STANDALONE, (bf.STANDALONE,)),
    bf.FRIST,
)


def erfurt_paper(rng: random.Random, title_lines: Callable[[], list[str]], max_items: int) -> bf.Paper:
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
            bf.Consultation((body,), vt.de_date(date), rng.choice(("öffentlich", "nicht öffentlich")), role)
        )
        if last:
            break
    style = rng.choice(("01", "01", "1.", "a)"))
    resolution = () if informational else vt.resolution_items(rng, rng.randint(1, max_items), style)
    ticked: set[tuple[str, str]] = set()
    for group, options in GROUPS:
        if group == bf.STANDALONE:
            if rng.random() < 0.25:
                ticked.add((group, group))
        elif rng.random() < 0.9:
            ticked.add((group, vt.pick(rng, options)))
    year = signed.year
    years = tuple(str(year + i) for i in range(4))
    finances = bf.empty_finances(years)  # type: ignore[arg-type]
    total = ""
    if ("Finanzielle Auswirkungen", "Ja") in ticked:
        rows = []
        for label in bf.FINANCE_LABELS:
            amounts = tuple(rng.choice(("", "0,00", vt.de_amount(vt.amount(rng)))) for _ in years)
            rows.append((label, amounts))
        total = vt.de_amount(vt.amount(rng, 10, 4000))
        finances = bf.Finances(years, tuple(rows), total)  # type: ignore[arg-type]
    kinds = ("Lageplan", "Kostenschätzung", "Stellungnahme", "Übersicht", "Gutachten")
    attachments = tuple(f"Anlage {i} – {vt.pick(rng, kinds)}" for i in range(1, rng.randint(0, 3) + 1))
    url = link(rng, "erfurt")
    number = f"{rng.randint(1, 1499):04d}/{year % 100:02d}"
    initial = vt.pick(rng, vt.FIRST_NAMES)[0]
    return bf.Paper(
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


def erfurt_golden(paper: bf.Paper) -> Golden:
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
    cols = (bf.LEFT, bf.LEFT + first, bf.LEFT + first + date_w, bf.LEFT + first + date_w + treat_w, bf.RIGHT)
    look = ErfurtLook(cols, body, lead)
    encoding: bf.Encoding = rng.choice(("vector", "vector-x"))
    paper = erfurt_paper(rng, lambda: long_title(rng, 300, bf.BOLD, 11, 3), 4)

    def render(content: tuple[vt.Block, ...]) -> Path:
        nonlocal paper
        paper = replace(paper, justification=content)
        while True:
            try:
                bf.render_reportlab(paper, encoding, out, False, VariantLayout(paper, encoding, look))
                return out
            except ValueError:  # page 1 overflows: one resolution item less
                paper = replace(paper, resolution=paper.resolution[:-1])

    content, pages = within_pages(render, paper.justification)
    record = erfurt_golden(replace(paper, justification=content))
    record["page_count"] = pages
    return record


def cm_width(text: str, size: float = 8.0, bold: bool = False) -> float:
    """Width in cm of ``text`` in DejaVu Sans, the widest of the fonts, plus a cell's padding."""
    name = "VariantMeasureBold" if bold else "VariantMeasure"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(RLTTFont(name, str(FONT_ROOT / FONTS["DejaVu Sans"][int(bold)])))
    return float(pdfmetrics.stringWidth(text, name, size)) / 72 * 2.54 + 0.45


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
    look = bf.DocxStyle(
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
    encoding: bf.Encoding = "docx-wingdings" if rng.random() < 0.75 else "docx-unicode"
    # The signature's spacing above shrinks by 40 pt an item, so three items at most.
    paper = erfurt_paper(rng, lambda: long_title(rng, 290, bf.BOLD, 11, 3), 3)
    paper = replace(paper, justification=paper.justification[:35])
    bf.build_docx(paper, encoding, docx, look)
    return erfurt_golden(paper)


# --------------------------------------------------------------------------
# ALLRIS and SessionNet prints
# --------------------------------------------------------------------------

CITIES_NORTH = ("Hansestadt Lüneburg", "Stadt Celle", "Stadt Uelzen", "Hansestadt Stade", "Stadt Verden")
CITIES_EAST = ("Stadt Weimar", "Stadt Jena", "Stadt Apolda", "Stadt Sömmerda", "Stadt Arnstadt")


def consultations(rng: random.Random, start: dt.date, informational: bool) -> list[tuple[str, str, str]]:
    """(date, body, role) rows, the last one the council's decision."""
    rows = []
    date = start
    count = rng.randint(1, 6)
    for i in range(count):
        date = vt.later(rng, date, 3, 20)
        last = i == count - 1
        role = (
            "Kenntnisnahme"
            if informational
            else ("Entscheidung" if last else rng.choice(("Vorberatung", "Vorberatung", "Anhörung")))
        )
        rows.append((vt.de_date(date), "Stadtrat" if last and rng.random() < 0.6 else vt.committee(rng), role))
    return rows


def resolution(rng: random.Random, informational: bool) -> tuple[tuple[str, str], ...] | str | None:
    """No proposal, one unnumbered paragraph, or numbered/lettered items."""
    if informational:
        return None
    if rng.random() < 0.35:
        return vt.resolution_items(rng, 1, "1.")[0][1]
    return vt.resolution_items(rng, rng.randint(1, 6), rng.choice(("1.", "1.", "a)")))


def allris(rng: random.Random, out: Path) -> Golden:
    """ALLRIS print with random font, size, section order and optional sections."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    signed = vt.day(rng)
    kind = rng.choice(("Beschlussvorlage", "Beschlussvorlage", "Mitteilungsvorlage", "Antrag"))
    informational = kind == "Mitteilungsvorlage"
    lead_unit = vt.pick(rng, vt.FACTIONS) if kind == "Antrag" else vt.pick(rng, vt.OFFICES)
    status = rng.choice(("öffentlich", "öffentlich", "nichtöffentlich", "nicht öffentlich"))
    order = ["resolution", "sachverhalt", "finances", "attachments"]
    if rng.random() < 0.25:
        order = ["sachverhalt", "resolution", "finances", "attachments"]
    if rng.random() < 0.25:
        order.remove("finances")
        order.insert(order.index("sachverhalt"), "finances")
    city = vt.pick(rng, CITIES_NORTH)
    url = link(rng, city.split()[-1].lower().replace("ü", "ue"))
    paper = tpl.Allris(
        number=f"{signed.year % 100:02d}/{rng.randint(1, 1999):04d}",
        title=vt.title(rng, rng.choice((6, 9, 12, 18, 26))),
        status=status,
        kind=kind,
        lead=lead_unit,
        author=f"{vt.pick(rng, vt.LAST_NAMES)}, {vt.pick(rng, vt.FIRST_NAMES)}",
        date=vt.de_date(signed),
        consultations=tuple(consultations(rng, signed, informational)),
        resolution=resolution(rng, informational),
        sachverhalt=vt.blocks(rng, paragraph_count(rng), link=url),
        finances=vt.sentence(rng) if rng.random() < 0.8 else "",
        attachments=tuple(
            f"Anlage {i}: {vt.pick(rng, ('Lageplan', 'Kostenschätzung', 'Entwurf', 'Satzung'))}"
            for i in range(1, rng.randint(0, 3) + 1)
        ),
        city=city,
        body_size=size,
        body_lead=lead,
        order=tuple(order),
    )
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"

    def render(content: tuple[vt.Block, ...]) -> Path:
        tpl.allris(replace(paper, sachverhalt=content), producer, out)
        return out

    content, pages = within_pages(render, paper.sachverhalt)
    return print_golden(paper, kind, status, content, pages)


def print_golden(
    paper: tpl.Allris | tpl.SessionNet, kind: str, status: str, content: tuple[vt.Block, ...], pages: int
) -> Golden:
    """The golden of an ALLRIS or SessionNet print: the two systems print the same fields."""
    return golden(
        number=paper.number,
        title=paper.title,
        document_type=kind,
        public=status == "öffentlich",
        originator=paper.lead,
        faction=faction_of(paper.lead),
        date=iso(paper.date),
        consultations=[
            {"body": body, "date": iso(date), "public": None, "role": role} for date, body, role in paper.consultations
        ],
        resolution_proposal=items_golden(paper.resolution),
        finances=None,
        attachments=list(paper.attachments),
        justification=vt.blocks_text(content),
        links=links_of(content),
        page_count=pages,
    )


def sessionnet(rng: random.Random, out: Path) -> Golden:
    """SessionNet print with random header and Beratungsfolge column widths, font and size."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    signed = vt.day(rng)
    kind = rng.choice(("Beschlussvorlage", "Beschlussvorlage", "Informationsvorlage", "Antrag"))
    informational = kind == "Informationsvorlage"
    lead_unit = vt.pick(rng, vt.FACTIONS) if kind == "Antrag" else vt.pick(rng, vt.OFFICES)
    status = rng.choice(("öffentlich", "öffentlich", "nicht öffentlich"))
    date_w = rng.uniform(62, 90)
    role_w = rng.uniform(80, 130)
    left_w = rng.uniform(200, 330)
    city = vt.pick(rng, CITIES_EAST)
    url = link(rng, city.split()[-1].lower())
    paper = tpl.SessionNet(
        number=f"VO/{signed.year}/{rng.randint(1, 999):03d}",
        title=vt.title(rng, rng.choice((6, 9, 12, 18, 26))),
        kind=kind,
        date=vt.de_date(signed),
        lead=lead_unit,
        status=status,
        consultations=tuple(consultations(rng, signed, informational)),
        resolution=resolution(rng, informational),
        sachverhalt=vt.blocks(rng, paragraph_count(rng), link=url),
        attachments=tuple(
            vt.pick(rng, ("Lageplan", "Kostenberechnung", "Entwurfsplanung", "Stellungnahme")) + f" {i}"
            for i in range(1, rng.randint(0, 3) + 1)
        ),
        heading=rng.choice(("Vorlage", "Vorlage", "Drucksache Nr.")),
        city=city,
        body_size=size,
        body_lead=lead,
        header_widths=(left_w, 488 - left_w),
        consultation_widths=(date_w, 488 - date_w - role_w, role_w),
    )
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"

    def render(content: tuple[vt.Block, ...]) -> Path:
        tpl.sessionnet(replace(paper, sachverhalt=content), producer, out)
        return out

    content, pages = within_pages(render, paper.sachverhalt)  # type: ignore[arg-type]
    return print_golden(paper, kind, status, content, pages)


# --------------------------------------------------------------------------
# Letters: a faction's Antrag or Anfrage, and a Swiss Motion or Postulat
# --------------------------------------------------------------------------

LETTER_CITIES = (
    ("Erlangen", "91052"),
    ("Würzburg", "97070"),
    ("Bamberg", "96047"),
    ("Fürth", "90762"),
    ("Regensburg", "93047"),
    ("Ansbach", "91522"),
)


def letter(
    rng: random.Random, out: Path, head: Callable[..., bv.Head] | None = None, furnished: bool = False
) -> Golden:
    """A faction's Antrag or Anfrage as a letter; with ``head`` (:func:`bv_scan.head`) one to a
    Bezirksvertretung, with its type line, subject label and dateline; ``furnished``: a business
    letter's page furniture (:mod:`letter_furniture`), drawn after every other draw."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    city, postcode = LETTER_CITIES[rng.randrange(len(LETTER_CITIES))]
    faction = vt.pick(rng, vt.FACTIONS)
    sender = f"{faction} im Stadtrat {city}"
    dated = vt.day(rng)
    anfrage = rng.random() < 0.4
    mayor = vt.person(rng)
    kind = "Anfrage" if anfrage else "Antrag"
    bv_head = head(rng, city, postcode, faction, kind, vt.de_date(dated)) if head else None
    if bv_head is not None:
        sender = bv_head.sender[0]
    if anfrage:
        questions = [
            f"Wie ist der Stand der {vt.pick(rng, vt.TOPICS)} in der {vt.pick(rng, vt.STREETS)}?",
            f"Welche Kosten sind für die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2028)} vorgesehen?",
            f"Wann wird {vt.pick(rng, vt.OBJECTS)} dem Stadtrat vorgelegt?",
            f"Wie viele Anträge auf {vt.pick(rng, vt.TOPICS)} liegen derzeit vor?",
        ]
        items: tuple[tuple[str, str], ...] | str = tuple(
            (f"{i}.", q) for i, q in enumerate(rng.sample(questions, rng.randint(1, 4)), start=1)
        )
        label = rng.choice(("wir fragen an:", "Wir fragen an:"))
    else:
        items = resolution(rng, False) or ""
        label = rng.choice(("wir beantragen:", "Wir beantragen:"))
    body_label = "Begründung:" if not anfrage or rng.random() < 0.7 else None
    # An Anfrage or Antrag in an archive is a page or two; a letter without reasons draws none.
    cap = bv_head.paragraphs if isinstance(bv_head, ar.ArchiveHead) else None
    body = vt.blocks(rng, min(paragraph_count(rng), cap or 10**6)) if body_label else ()
    attachments = (
        (f"{vt.pick(rng, ('Lageplan', 'Fotodokumentation', 'Unterschriftenliste'))}",) if rng.random() < 0.2 else ()
    )
    paper = tpl.Letter(
        sender=(sender, f"Rathausplatz {rng.randint(1, 9)} · {postcode} {city}"),
        place_date=f"{city}, den {vt.de_date(dated)}" if rng.random() < 0.6 else f"{city}, {vt.de_date(dated)}",
        recipient=("Herrn Oberbürgermeister", mayor, "Rathaus", f"{postcode} {city}"),
        subject=("Anfrage:" if anfrage else "Antrag:", vt.title(rng, rng.choice((5, 7, 10, 14, 20)))),
        salutation="Sehr geehrter Herr Oberbürgermeister,",
        intro=(
            f"zur Sitzung des Stadtrates am {vt.de_date(vt.later(rng, dated))} stellt die {faction} "
            f"{'folgende Anfrage' if anfrage else 'folgenden Antrag'}.",
        )
        if rng.random() < 0.3
        else (),
        items_label=label,
        items=items,
        body_label=body_label,
        body=body,
        signers=(vt.person(rng), rng.choice(("Fraktionsvorsitzende", "Fraktionsvorsitzender", "Stadtrat"))),
        attachments=attachments,
        body_size=size,
        body_lead=lead,
    )
    if bv_head is not None:
        title = vt.title(rng, bv_head.title_words)
        paper = replace(
            paper,
            sender=bv_head.sender,
            place_date=bv_head.place_date,
            recipient=bv_head.recipient,
            heading=bv_head.heading,
            subject=(bv_head.label, title),
            meta=bv_head.meta if isinstance(bv_head, ar.ArchiveHead) else paper.meta,
        )
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"
    if furnished:
        paper, sender, attachments = furnish(rng, paper, city, postcode, faction)

    def render(content: tuple[vt.Block, ...]) -> Path:
        tpl.letter(replace(paper, body=content), producer, out)
        return out

    content, pages = within_pages(render, paper.body) if paper.body else (paper.body, None)
    if pages is None:
        tpl.letter(paper, producer, out)
        pages = tpl.page_count(out)
    archived = bv_head if isinstance(bv_head, ar.ArchiveHead) else None
    return golden(
        number=archived.number if archived else None,
        title=paper.subject[1],
        document_type=bv_head.document_type(kind) if bv_head else kind,
        # "zur Sitzung des Stadtrates am ... stellt die Fraktion folgende Anfrage." names the body.
        body="Stadtrat" if paper.intro else None,
        originator=sender,
        faction=faction_of(sender),
        date=archived.iso_date if archived else iso(paper.place_date.split()[-1]),
        resolution_proposal=items_golden(items),
        finances=None,
        attachments=list(attachments),
        justification=vt.blocks_text(content) if content else None,
        # A web address in the company block is printed in the letter (eval/real/README.md: links
        # are the URLs printed, furniture included; e-mail addresses are not links).
        links=[ln for column in paper.furniture.footer for ln in column if ln.startswith("www.")]
        if paper.furniture
        else [],
        page_count=pages,
    )


def furnish(
    rng: random.Random, paper: tpl.Letter, city: str, postcode: str, faction: str
) -> tuple[tpl.Letter, str, tuple[str, ...]]:
    """``paper`` with page furniture; a municipal company writes some of them. Returns the paper,
    its sender and its attachments (more letters get some, to put the label at a page's foot)."""
    company = rng.random() < 0.5
    sender = paper.sender[0]
    if company:
        sender = rng.choice(lf.COMPANIES).format(city=city)
        paper = replace(paper, sender=(sender, f"{vt.pick(rng, vt.STREETS)} {rng.randint(1, 40)} · {postcode} {city}"))
    attachments = paper.attachments
    if not attachments and rng.random() < 0.5:
        attachments = tuple(rng.sample(("Lageplan", "Fotodokumentation", "Kostenschätzung", "Stellungnahme"), 2))
    dated = paper.place_date.split()[-1]
    furniture = lf.draw(rng, sender if rng.random() < 0.7 else sender.split(" im ")[0], city, postcode, dated, company)
    return replace(paper, attachments=attachments, furniture=furniture), sender, attachments


def speech_manuscript(rng: random.Random, out: Path) -> Golden:
    """A faction's speech manuscript (:mod:`speech`)."""
    use_font(rng)
    fields = sp.speech(rng, out, size_and_lead)
    return golden(**fields, page_count=tpl.page_count(out))


def margin_vorlage(rng: random.Random, out: Path) -> Golden:
    """A Landkreis's Vorlage with its section labels in a margin column (:mod:`margin_vorlage`)."""
    use_font(rng)
    fields = mv.margin_vorlage(rng, out, size_and_lead)
    return golden(**fields, page_count=tpl.page_count(out))


def numbered_vorlage(rng: random.Random, out: Path) -> Golden:
    """A ``margin-vorlage`` whose sections are numbered headings over full-width text."""
    use_font(rng)
    fields = mv.margin_vorlage(rng, out, size_and_lead, numbered=True)
    return golden(**fields, page_count=tpl.page_count(out))


def letter_foot(rng: random.Random, out: Path) -> Golden:
    """A ``letter`` variant with a business letter's page furniture (:mod:`letter_furniture`)."""
    return letter(rng, out, furnished=True)


def letter_foot_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter-foot`` variant printed, stamped and scanned (:mod:`scan_family`)."""
    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(letter_foot, rng, out, Path(work))


def letter_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter`` variant printed, stamped, written on and scanned (:mod:`scan_family`)."""
    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(letter, rng, out, Path(work))


def bv_scan(rng: random.Random, out: Path) -> Golden:
    """A faction's Anfrage or Antrag to a Bezirksvertretung, stamped over its head, marked beside
    its subject and scanned (:mod:`bv_scan`)."""
    heads: list[bv.Head] = []

    def head(*args: Any) -> bv.Head:
        heads.append(bv.head(*args))
        return heads[-1]

    def build(rng: random.Random, source: Path) -> Golden:
        return letter(rng, source, head)

    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(build, rng, out, Path(work), lambda record: bv.head_marks(record, heads[-1]))


def archive_scan(rng: random.Random, out: Path) -> Golden:
    """A Bezirksvertretung paper as an archive holds it: faxed, stamped with its own date, punched,
    worn and scanned at 200 dpi with dark borders (:mod:`archive_scan`)."""
    heads: list[ar.ArchiveHead] = []

    def head(*args: Any) -> ar.ArchiveHead:
        heads.append(ar.head(*args))
        return heads[-1]

    def build(rng: random.Random, source: Path) -> Golden:
        return letter(rng, source, head)

    def every(image: Any, number: int, pages: int, rng: random.Random, dpi: int) -> None:
        ar.page_marks(heads[-1], image, number, pages, rng, dpi)

    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(
            build,
            rng,
            out,
            Path(work),
            lambda record: ar.first_marks(record, heads[-1]),
            archive=scan_family.Archive(every=every, edges=ar.scanner_edges),
        )


def grey_stamp_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter`` variant, or one with a Bezirksvertretung head (:mod:`bv_scan`), scanned in
    greyscale or black and white with black intake and city stamps, initials and a handwritten
    note in its head (:mod:`black_marks`)."""
    bv_head = rng.random() < 0.5

    def build(rng: random.Random, source: Path) -> Golden:
        return letter(rng, source, bv.head) if bv_head else letter(rng, source)

    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(build, rng, out, Path(work), black_marks.head_marks, black=True)


def vorlage_scan(rng: random.Random, out: Path) -> Golden:
    """An ``allris``, ``sessionnet`` or ``erfurt-reportlab`` Vorlage printed, stamped and scanned
    (:mod:`scan_family`): a type, a body and a Beratungsfolge's roles read by OCR."""
    build = rng.choice((allris, sessionnet, erfurt_reportlab))
    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(build, rng, out, Path(work))


def letter_request(rng: random.Random, out: Path) -> Golden:
    """A faction's Anfrage or Antrag as a letter whose type and body may stand only in its
    request sentence (:mod:`letter_request`)."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    paper, pages = lr.letter_request(rng, out, font, size, lead)
    return golden(**paper.golden, finances=None, page_count=pages)


def letter_request_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter-request`` variant printed, stamped, written on and scanned (:mod:`scan_family`)."""
    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(letter_request, rng, out, Path(work))


def letter_dach(rng: random.Random, out: Path) -> Golden:
    """A letter-style paper of a council anywhere in Germany, Austria or Switzerland (:mod:`letter_dach`)."""
    paper, pages = ld.letter_dach(rng, out, use_font(rng), size_and_lead)
    return golden(**paper.golden, finances=None, page_count=pages)


def office_letter(rng: random.Random, out: Path) -> Golden:
    """A letter from one office of the administration to another (:mod:`office_letter`)."""
    letter, pages = ol.office_letter(rng, out, use_font(rng), size_and_lead)
    return golden(**letter.golden, finances=None, page_count=pages)


def office_letter_scan(rng: random.Random, out: Path) -> Golden:
    """An ``office-letter`` variant printed, stamped, written on and scanned (:mod:`scan_family`)."""
    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(office_letter, rng, out, Path(work))


SWISS_TITLES = (
    "Förderung der",
    "Ausbau der",
    "Eine Strategie für die",
    "Massnahmen zur Stärkung der",
    "Kantonale Standards für die",
    "Mehr Verbindlichkeit bei der",
    "Finanzierung der",
)
SWISS_TAILS = (
    "",
    " im Kanton Thurgau",
    " in den Gemeinden",
    " bis zum Jahr 2030",
    " und Entlastung der Gemeinden bei den Folgekosten",
    " unter Einbezug der Regionen",
)


def swiss_motion(rng: random.Random, out: Path) -> Golden:
    """A Swiss cantonal or communal Motion or Postulat: bold title first, then the type, the
    originators with their party, the place and date line, "Antrag" and "Begründung"."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    kind = rng.choice(("Motion", "Motion", "Postulat"))
    place = vt.pick(rng, vt.SWISS_PLACES)
    dated = vt.day(rng)
    names = [vt.person(rng) for _ in range(rng.randint(1, 3))]
    style = rng.random()
    if style < 0.4:
        originator = f"{', '.join(names)} ({vt.pick(rng, vt.SWISS_PARTIES)})"
    elif style < 0.8:
        originator = " und ".join(f"{name} ({vt.pick(rng, vt.SWISS_PARTIES)})" for name in names)
    else:
        originator = f"Fraktion {vt.pick(rng, vt.SWISS_PARTIES)}: {', '.join(names)}"
    words = f"{vt.pick(rng, SWISS_TITLES)} {vt.pick(rng, vt.SWISS_TOPICS)}{vt.pick(rng, SWISS_TAILS)}"
    title_size = rng.choice((12.0, 13.0, 14.0))
    title_lines = bf.wrap(words, rng.uniform(260, 460), bf.BOLD, title_size)
    verb = (
        "Der Regierungsrat wird beauftragt,"
        if kind == "Motion"
        else "Der Regierungsrat wird eingeladen, zu prüfen und Bericht zu erstatten,"
    )
    tasks = [
        f"{verb} die gesetzlichen Grundlagen für die {vt.pick(rng, vt.SWISS_TOPICS)} anzupassen.",
        f"{verb} dem Grossen Rat bis Ende {dated.year + 1} eine Vorlage zur {vt.pick(rng, vt.SWISS_TOPICS)} "
        "zu unterbreiten.",
        f"{verb} die Gemeinden bei der {vt.pick(rng, vt.TOPICS)} finanziell zu unterstützen.",
        f"{verb} {vt.pick(rng, vt.OBJECTS)} zu veröffentlichen.",
    ]
    items: tuple[tuple[str, str], ...] | str = (
        vt.pick(rng, tasks)
        if rng.random() < 0.6
        else tuple((f"{i}.", task) for i, task in enumerate(rng.sample(tasks, rng.randint(2, 4)), start=1))
    )
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"
    date_first = rng.random() < 0.3

    def render(content: tuple[vt.Block, ...]) -> Path:
        flow = tpl.Flow(left=70, right=530, body=size, lead=lead)
        flow.y = 790
        for line in title_lines:
            flow.line(line, font=bf.BOLD, size=title_size, lead=title_size * 1.3)
        flow.space(8)
        flow.line(kind, size=11, lead=16)
        date_line = f"{place}, {vt.long_date(dated)}"
        for line in (date_line, originator) if date_first else (originator, date_line):
            flow.para(line, size=11, lead=14, after=2)
        flow.space(18)
        flow.heading("Antrag", size=11.5)
        if isinstance(items, str):
            flow.para(items)
        else:
            flow.items(items)
        flow.heading("Begründung", size=11.5)
        tpl.blocks(flow, content)
        flow.space(20)
        flow.ensure(15 * len(names))
        for name in names:
            flow.line(name)
        pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
        tpl.render(producer, flow, pages, tpl.Meta(" ".join(title_lines), originator), out)
        return out

    content, pages = within_pages(render, vt.blocks(rng, paragraph_count(rng)))
    return golden(
        title=" ".join(title_lines),
        document_type=kind,
        originator=originator,
        faction=faction_of(originator),
        date=dated.isoformat(),
        resolution_proposal=items_golden(items),
        finances=None,
        justification=vt.blocks_text(content),
        page_count=pages,
    )


# --------------------------------------------------------------------------
# Another city's Word template (the Gotha Vorlage), via LibreOffice
# --------------------------------------------------------------------------

OTHER_CITIES = ("Gotha", "Eisenach", "Ilmenau", "Mühlhausen", "Nordhausen", "Sonneberg")


def other_city_vorlage(rng: random.Random, docx: Path) -> Golden:
    """A Beschluss- or Informationsvorlage of the Gotha Word template for a random city."""
    signed = vt.day(rng)
    kind = rng.choice(("Beschlussvorlage",) * 4 + ("Informationsvorlage",))
    informational = kind == "Informationsvorlage"
    rows = []
    date = signed
    for i in range(rng.randint(1, 5)):
        date = vt.later(rng, date, 3, 20)
        treatment = rng.choice(("Ö", "N", "öffentlich", "nicht öffentlich") if i == 0 else ("Ö", "N"))
        rows.append(("Stadtrat" if i and rng.random() < 0.3 else vt.committee(rng), vt.de_date(date), treatment))
    years: tuple[str, ...] = ()
    finance_rows: tuple[tuple[str, tuple[str, ...]], ...] = ()
    total = ""
    if rng.random() < 0.5:
        years = tuple(str(signed.year + i) for i in range(rng.randint(1, 4)))
        labels = rng.sample(("Auszahlungen", "Einzahlungen", "Aufwendungen", "Erträge"), rng.randint(1, 3))
        finance_rows = tuple(
            (label, tuple(rng.choice(("", vt.de_amount(vt.amount(rng)))) for _ in years)) for label in labels
        )
        total = vt.de_amount(vt.amount(rng, 10, 4000))
    # The header cells "Sitzungstermin" and "Behandlung" (bold 10 pt) must fit on one line.
    date_w = rng.uniform(cm_width("Sitzungstermin", 10, True), 4.8)
    first = rng.uniform(5.0, 16.5 - date_w - cm_width("Behandlung", 10, True))
    city = vt.pick(rng, OTHER_CITIES)
    paper = tpl.Gotha(
        kind=kind,
        number=f"{signed.year}/{rng.randint(1, 499):03d}",
        office=vt.pick(rng, vt.OFFICES),
        date=vt.de_date(signed),
        title=vt.title(rng, rng.choice((6, 9, 12, 18, 26))),
        consultations=tuple(rows),
        resolution=resolution(rng, informational),
        justification=vt.blocks(rng, min(paragraph_count(rng), 35)),
        finance_years=years,
        finance_rows=finance_rows,
        total=total,
        attachments=tuple(
            f"Anlage {i}: {vt.pick(rng, ('Lageplan', 'Kostenberechnung', 'Vertragsentwurf'))}"
            for i in range(1, rng.randint(0, 3) + 1)
        ),
        signer=vt.person(rng),
        wingdings=rng.random() < 0.3,
        font=vt.pick(rng, available_fonts()),
        size=size_and_lead(rng)[0],
        consultation_widths=(round(first, 2), round(date_w, 2), round(16.5 - first - date_w, 2)),
        city=city,
    )
    tpl.build_gotha(paper, docx)
    yes = bool(finance_rows)
    return golden(
        number=paper.number,
        title=paper.title,
        document_type=kind,
        originator=paper.office,
        faction=faction_of(paper.office),
        date=iso(paper.date),
        consultations=[
            {"body": body, "date": iso(when), "public": treatment in ("Ö", "öffentlich"), "role": None}
            for body, when, treatment in rows
        ],
        resolution_proposal=items_golden(paper.resolution),
        checkboxes=[vt.yes_no_golden("Finanzielle Auswirkungen", yes)],
        finances=vt.finances_golden(years, finance_rows, total) if yes else None,
        attachments=list(paper.attachments),
        justification=vt.blocks_text(paper.justification),
    )


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A template family: ``build`` renders the PDF, or with ``office`` writes a DOCX for LibreOffice;
    either way it returns the golden record."""

    name: str
    build: Callable[[random.Random, Path], Golden]
    office: bool = False


FAMILIES = (
    Family("erfurt-docx", erfurt_docx, office=True),
    Family("erfurt-reportlab", erfurt_reportlab),
    Family("allris", allris),
    Family("sessionnet", sessionnet),
    Family("letter", letter),
    Family("swiss-motion", swiss_motion),
    Family("letter-dach", letter_dach),
    Family("letter-request", letter_request),
    Family("other-city-vorlage", other_city_vorlage, office=True),
    Family("office-letter", office_letter),
)


#: Families of scanned papers: read by OCR (seconds a page), so built only when named
#: (``--families letter-scan``).
SCAN_FAMILIES = (
    Family("letter-scan", letter_scan),
    Family("bv-scan", bv_scan),
    Family("grey-stamp-scan", grey_stamp_scan),
    Family("office-letter-scan", office_letter_scan),
    Family("letter-request-scan", letter_request_scan),
    Family("archive-scan", archive_scan),
)
#: Families built only when named, so that the default set stays as it was: letters with a
#: business letter's page furniture, speech manuscripts and Vorlagen with margin labels or
#: numbered section headings (``--families letter-foot,speech,margin-vorlage,numbered-vorlage``).
NAMED_FAMILIES = (
    Family("letter-foot", letter_foot),
    Family("letter-foot-scan", letter_foot_scan),
    Family("vorlage-scan", vorlage_scan),
    Family("speech", speech_manuscript),
    Family("margin-vorlage", margin_vorlage),
    Family("numbered-vorlage", numbered_vorlage),
)


def soffice() -> str | None:
    """The LibreOffice binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_all(jobs: Sequence[tuple[Path, Path]], work: Path) -> None:
    """Convert DOCX files with one LibreOffice run (starting it costs more than a conversion) and
    normalise each PDF like the fixtures; ``jobs`` are (docx, pdf) pairs."""
    office = soffice()
    assert office is not None
    raw = work / "raw"
    raw.mkdir(exist_ok=True)
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(raw),
            *(str(docx) for docx, _ in jobs),
        ],
        check=True,
        capture_output=True,
        timeout=60 + 30 * len(jobs),
    )
    for docx, pdf in jobs:
        bf.normalise_pdf(raw / f"{docx.stem}.pdf", pdf)


def write_golden(path: Path, record: Golden) -> None:
    """The golden JSON, byte for byte the same for the same record."""
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(
    out_dir: Path,
    per_family: int,
    families: Sequence[Family],
    seed: int = DEFAULT_SEED,
    log: Callable[[str], None] = print,
) -> dict[str, list[Path]]:
    """Write ``per_family`` variants of each family under ``out_dir/<family>/``; returns the PDFs
    written per family (families skipped for want of LibreOffice are missing)."""
    written: dict[str, list[Path]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        bf.register_fonts(tmp)
        try:
            for family in families:
                if family.office and soffice() is None:
                    log(f"skip {family.name}: LibreOffice is missing (apt-get install libreoffice-writer-nogui)")
                    continue
                folder = out_dir / family.name
                folder.mkdir(parents=True, exist_ok=True)
                work = tmp / family.name
                work.mkdir()
                pending: list[tuple[Path, Path, Golden]] = []
                written[family.name] = []
                for index in range(1, per_family + 1):
                    # A generator per variant: variant k is the same whatever N or the other families.
                    rng = random.Random(f"{seed}/{family.name}/{index}")
                    stem = f"{family.name}-{index:03d}"
                    pdf = folder / f"{stem}.pdf"
                    if family.office:
                        pending.append((work / f"{stem}.docx", pdf, family.build(rng, work / f"{stem}.docx")))
                    else:
                        write_golden(pdf.with_suffix(".json"), family.build(rng, pdf))
                    written[family.name].append(pdf)
                if pending:
                    convert_all([(docx, pdf) for docx, pdf, _ in pending], work)
                    for _, pdf, record in pending:
                        record["page_count"] = tpl.page_count(pdf)
                        write_golden(pdf.with_suffix(".json"), record)
        finally:
            # Later users of the builders in this process get the fixtures' font back.
            bf.default_faces()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate the variants and print a summary per family."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--per-family", type=int, default=40, metavar="N", help="variants per family (40)")
    parser.add_argument(
        "--families",
        default=",".join(f.name for f in FAMILIES),
        help="comma-separated family names (all but "
        + ", ".join(f.name for f in (*SCAN_FAMILIES, *NAMED_FAMILIES))
        + ")",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed ({DEFAULT_SEED})")
    parser.add_argument(
        "--keep-sources",
        action="store_true",
        help="keep the born-digital pages of each scan as NAME.source.pdf (the reference of ocr_wer.py --dev)",
    )
    parser.add_argument(
        "--scan-wear",
        choices=scan_family.WEARS,
        default="standard",
        help="how the scanned families are worn: standard (as before) or office (copied, grey, "
        "bleeding through, 150-200 dpi, JPEG 30-50, 1-3 degrees, typewriter fonts; scan_image.office_wear)",
    )
    parser.add_argument(
        "--scan-marks",
        choices=scan_family.MARKS,
        default="standard",
        help="how the scanned families' first pages are marked: standard (as before) or heavy (a stamp "
        "on the date line or the subject, handwritten notes in and between the head lines; heavy_marks.py)",
    )
    args = parser.parse_args(argv)
    scan_family.keep_sources(args.keep_sources)
    scan_family.use_wear(args.scan_wear)
    scan_family.use_marks(args.scan_marks)
    by_name = {f.name: f for f in (*FAMILIES, *SCAN_FAMILIES, *NAMED_FAMILIES)}
    names = [name.strip() for name in args.families.split(",") if name.strip()]
    unknown = [name for name in names if name not in by_name]
    if unknown:
        parser.error(
            f"unknown famil{'y' if len(unknown) == 1 else 'ies'}: {', '.join(unknown)}; known: {', '.join(by_name)}"
        )
    started = time.monotonic()
    written = generate(args.out_dir, args.per_family, [by_name[name] for name in names], args.seed)
    print(f"{'family':<20} {'variants':>8} {'pages':>7}")
    for name, pdfs in written.items():
        counts = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["page_count"] for p in pdfs]
        span = f"{min(counts)}-{max(counts)}" if counts else "-"
        print(f"{name:<20} {len(pdfs):>8} {span:>7}")
    print(
        f"{sum(len(p) for p in written.values())} variants in {args.out_dir} "
        f"({time.monotonic() - started:.0f} s, seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
