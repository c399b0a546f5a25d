"""The ``kreistag-vorlage`` variant family (built only when named): a Landkreis's paper to its
Kreistag as a Landratsamt or Kreisverwaltung prints it, drawn from a ``random.Random``.

The letterhead names the district and its executive ("Landkreis Musterkreis – Der Landrat", or
on two lines) or the office ("Landratsamt Hofheim – Dezernat II – Amt für Schulen"). The kind
of paper follows in large type (Beschlussvorlage, "Beschlussvorlage für den Kreistag",
Kreistagsdrucksache, Sitzungsvorlage, Informationsvorlage, "Vorlage des Kreisausschusses"),
sometimes with the number on its line ("Sitzungsvorlage KT/2024/045"), then a two-column
metadata block, ruled or not ("Drucksache Nr.", "Datum", "Fachbereich/Amt", "Sachbearbeiter/in",
"Aktenzeichen", "Öffentlich: ja/nein"), the subject after "Betreff:", a ruled Beratungsfolge
(Gremium, Sitzungstermin, Zuständigkeit, sometimes a status column "Ö"/"N"), the proposal after
"Beschlussvorschlag:" or "Beschlussempfehlung des Kreisausschusses:" (one paragraph or numbered
items, one perhaps with lettered sub-items a)-c), sometimes opened by "Der Kreistag
beschließt:"), the facts after "Sachverhalt:" or "Sachdarstellung und Begründung:" (paragraphs,
sometimes under numbered sub-headings), the financial effects (a table of amounts by budget
year with "Gesamtkosten:" and "Haushaltsmittel stehen zur Verfügung: ja", a two-column table
of the total, product and cover, or a sentence), "Anlagen:" and a signature ("gez. Dr. Max
Muster, Landrat" or on two lines). One to four pages; optional parts left out; the proposal
after the facts in some papers, the financial effects before or after the facts.

Goldens follow the other Vorlage families (``sdnet_vorlage.py``): the number as printed, the
office of "Fachbereich/Amt" as originator, body null, public from "Öffentlich: ja/nein" (null
without it), the date of the block (or of the date line over the signature), consultations
with their role and their public from a status column (null without one), items numbered as
printed without the sentence that opens them and with their lettered sub-items joined to their
text, no checkbox groups (the cover is printed as text, no boxes), attachments without their
enumeration, the justification the facts' paragraphs with their sub-headings as paragraphs of
their own. ``finances`` follows the model's contract (rows of amounts by year column and the
total cost, as the Erfurt and Gotha goldens): the table of amounts by year gives its rows and
the printed "Gesamtkosten" its total; the two-column table gives only its total
(``rows`` empty); a sentence gives null. "Beschlussvorlage für den Kreistag" is typed
"Beschlussvorlage" (the addressee is not part of the kind).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

MAX_PAGES = 4

#: The district as the letterhead names it, and the place of a date line.
DISTRICTS = (
    ("Landkreis Musterkreis", "Musterstadt"),
    ("Landkreis Göttingen", "Göttingen"),
    ("Landkreis Harburg", "Winsen (Luhe)"),
    ("Kreis Steinfurt", "Steinfurt"),
    ("Landkreis Main-Spessart", "Karlstadt"),
    ("Landkreis Hildesheim", "Hildesheim"),
    ("Rhein-Sieg-Kreis", "Siegburg"),
    ("Landkreis Ebersberg", "Ebersberg"),
)
EXECUTIVES = ("Der Landrat", "Die Landrätin", "Kreisverwaltung", "Der Kreisausschuss")
DEPARTMENTS = ("Dezernat I", "Dezernat II", "Dezernat III", "Geschäftsbereich 2")
OFFICES = (
    "Amt für Schulen",
    "Amt für Schule, Kultur und Sport",
    "Fachbereich Jugend und Familie",
    "Amt 40 – Schulverwaltung",
    "Fachbereich 3 – Bauen und Umwelt",
    "Kreiskämmerei",
    "Amt für Kreisstraßen",
    "Fachdienst Gesundheit",
    "Fachbereich Soziales",
    "Amt für Wirtschaftsförderung und Tourismus",
)
COMMITTEES = (
    "Ausschuss für Schule, Kultur und Sport",
    "Kreisausschuss",
    "Ausschuss für Bauen, Umwelt und Verkehr",
    "Jugendhilfeausschuss",
    "Finanzausschuss",
    "Ausschuss für Soziales und Gesundheit",
    "Kreisentwicklungsausschuss",
)
COUNCIL = "Kreistag"
KINDS = (
    "Beschlussvorlage",
    "Beschlussvorlage",
    "Beschlussvorlage für den Kreistag",
    "Kreistagsdrucksache",
    "Sitzungsvorlage",
    "Informationsvorlage",
    "Vorlage des Kreisausschusses",
)
INFORMATIONAL = ("Informationsvorlage",)
LABELS = {
    "number": ("Drucksache Nr.", "Drucksache Nr.:", "Vorlage-Nr.:", "Drucksachen-Nr.:", "Vorlagennummer:"),
    "date": ("Datum", "Datum:"),
    "office": ("Fachbereich/Amt", "Fachbereich/Amt:", "Amt:", "Federführendes Amt:"),
    "writer": ("Sachbearbeiter/in", "Sachbearbeiter/in:", "Sachbearbeitung:"),
    "file": ("Aktenzeichen", "Aktenzeichen:", "Az.:"),
    "public": ("Öffentlich:", "Öffentlich", "Öffentliche Sitzung:"),
    "resolution": (
        "Beschlussvorschlag:",
        "Beschlussempfehlung des Kreisausschusses:",
        "Beschlussvorschlag der Verwaltung:",
    ),
    "justification": ("Sachverhalt:", "Sachdarstellung und Begründung:", "Begründung:", "Sachverhalt"),
    "finances": ("Finanzielle Auswirkungen:", "Finanzielle Auswirkungen", "Auswirkungen auf den Kreishaushalt:"),
    "attachments": ("Anlagen:", "Anlage(n):", "Anlagen"),
}
OPENERS = ("Der Kreistag beschließt:", "Der Kreisausschuss empfiehlt dem Kreistag folgenden Beschluss:")
SUBHEADINGS = ("Ausgangslage", "Planung", "Kosten und Finanzierung", "Zeitplan", "Bewertung")
ATTACHMENTS = ("Lageplan", "Kostenberechnung", "Raumprogramm", "Satzungsentwurf", "Stellungnahme des Schulträgers")
FINANCE_ROWS = ("Aufwand", "Ertrag", "Investive Auszahlungen", "Eigenanteil des Kreises")
SIGNER_ROLES = ("Landrat", "Landrätin", "Erster Kreisbeigeordneter", "Kreisdirektorin")


@dataclass
class Paper:
    """What one Kreistag paper prints: values and the layout choices drawn for it."""

    district: str
    place: str
    head_style: int
    executive: str
    department: str
    kind: str
    number: str
    number_in_kind: bool
    title: str
    public: bool | None
    signed: dt.date
    office: str
    writer: str | None
    file_ref: str | None
    labels: dict[str, str]
    block_ruled: bool
    #: (body, date, role, Ö/N) rows.
    rows: list[tuple[str, str, str, str]]
    status_column: bool
    opener: str | None
    items: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str | None
    #: (sub-heading or None, paragraphs) sections of the facts.
    content: list[tuple[str | None, tuple[vt.Block, ...]]]
    #: "years", "summary", "prose" or None.
    finance_style: str | None
    years: tuple[str, ...]
    finance_rows: list[tuple[str, tuple[str, ...]]]
    total: str
    covered: bool
    product: str
    finance_note: str
    finances_first: bool
    facts_first: bool
    attachments: tuple[str, ...]
    signer: str
    signer_role: str
    one_line_signature: bool
    date_in_block: bool
    kind_size: float
    footer: bool


def _number(rng: random.Random, year: int) -> str:
    """A paper number as district administrations print them."""
    count = rng.randint(1, 399)
    return rng.choice((f"KT/{year}/{count:03d}", f"{year}/{count:03d}", f"XI/{count:04d}", f"DS {count:03d}/{year}"))


def _items(
    rng: random.Random, informational: bool
) -> tuple[tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str | None, list[dict[str, Any]]]:
    """The proposal as printed and its golden items."""
    if informational:
        if rng.random() < 0.5:
            return None, []
        text = "Der Kreistag nimmt den Bericht der Verwaltung zur Kenntnis."
        return text, [{"number": None, "text": text}]
    texts = list(dict.fromkeys(t.replace("Stadtrat", COUNCIL) for _, t in vt.resolution_items(rng, 10, "1.")))
    if rng.random() < 0.25:
        return texts[0], [{"number": None, "text": texts[0]}]
    count = min(len(texts), rng.randint(2, 4))
    lettered = rng.randrange(count) if rng.random() < 0.5 else -1
    return vt.lettered_items(rng, texts, count, lettered, "folgende Schritte einzuleiten")


def _content(rng: random.Random) -> list[tuple[str | None, tuple[vt.Block, ...]]]:
    """The facts: paragraphs, or sections under numbered sub-headings."""
    if rng.random() < 0.6:
        band = rng.random()
        count = rng.randint(1, 4) if band < 0.5 else rng.randint(5, 12)
        return [(None, vt.blocks(rng, count))]
    names = rng.sample(SUBHEADINGS, rng.randint(2, 4))
    return [(f"{k}. {name}", vt.blocks(rng, rng.randint(1, 3))) for k, name in enumerate(names, start=1)]


def _justification(content: list[tuple[str | None, tuple[vt.Block, ...]]]) -> str:
    """The golden justification: sub-headings as paragraphs of their own."""
    blocks: list[vt.Block] = []
    for heading, paragraphs in content:
        if heading:
            blocks.append(heading)
        blocks += paragraphs
    return vt.blocks_text(blocks)


def _finances(
    rng: random.Random, informational: bool, signed: dt.date
) -> tuple[str | None, tuple[str, ...], list[tuple[str, tuple[str, ...]]], str]:
    """The finance style, its year columns, its rows of printed amounts and the printed total."""
    style = (
        rng.choice(("years", "years", "summary", "prose", None)) if not informational else rng.choice(("prose", None))
    )
    if style not in ("years", "summary"):
        return style, (), [], ""
    first = signed.year + rng.randint(0, 1)
    years = tuple(str(first + k) for k in range(rng.randint(2, 4))) if style == "years" else ()
    rows: list[tuple[str, tuple[str, ...]]] = []
    for label in rng.sample(FINANCE_ROWS, rng.randint(1, 3)) if years else ():
        rows.append((label, tuple(vt.de_amount(vt.amount(rng, 2, 900)) if rng.random() < 0.85 else "" for _ in years)))
    total = vt.de_amount(vt.amount(rng, 100, 5000)) if style == "summary" or rng.random() < 0.6 else ""
    return style, years, rows, total


def draw(rng: random.Random, size: float) -> tuple[Paper, dict[str, Any]]:
    """Draw one Kreistag paper and its golden fields."""
    district, place = DISTRICTS[rng.randrange(len(DISTRICTS))]
    signed = vt.day(rng)
    kind = vt.pick(rng, KINDS)
    informational = kind in INFORMATIONAL
    labels = {name: vt.pick(rng, options) for name, options in LABELS.items()}
    public = rng.choice((True, True, False, None))
    status_column = rng.random() < 0.35
    rows: list[tuple[str, str, str, str]] = []
    when = signed
    count = rng.randint(1, 3)
    bodies = rng.sample(COMMITTEES, count)
    for i in range(count):
        when = vt.later(rng, when, 5, 25)
        body = COUNCIL if i == count - 1 and (count > 1 or rng.random() < 0.6) else bodies[i]
        role = "Kenntnisnahme" if informational else ("Entscheidung" if i == count - 1 else "Vorberatung")
        rows.append((body, vt.de_date(when), role, rng.choice(("Ö", "Ö", "N"))))
    items, items_golden = _items(rng, informational)
    opener = vt.pick(rng, OPENERS) if isinstance(items, tuple) and rng.random() < 0.4 else None
    finance_style, years, finance_rows, total = _finances(rng, informational, signed)
    count = rng.randint(0, 3)
    names = rng.sample(ATTACHMENTS, count)
    numbered = rng.random() < 0.5
    paper = Paper(
        district=district,
        place=place,
        head_style=rng.randrange(3),
        executive=vt.pick(rng, EXECUTIVES),
        department=vt.pick(rng, DEPARTMENTS),
        kind=kind,
        number=_number(rng, signed.year),
        number_in_kind=rng.random() < 0.3,
        title=vt.title(rng, rng.choice((5, 8, 12, 18))),
        public=public,
        signed=signed,
        office=vt.pick(rng, OFFICES),
        writer=f"{vt.pick(rng, vt.FIRST_NAMES)} {vt.pick(rng, vt.LAST_NAMES)}" if rng.random() < 0.6 else None,
        file_ref=f"{rng.randint(10, 69)}.{rng.randint(1, 9)}-{rng.randint(100, 999)}" if rng.random() < 0.4 else None,
        labels=labels,
        block_ruled=rng.random() < 0.4,
        rows=rows,
        status_column=status_column,
        opener=opener,
        items=items,
        content=_content(rng),
        finance_style=finance_style,
        years=years,
        finance_rows=finance_rows,
        total=total,
        covered=rng.random() < 0.7,
        product=f"{rng.randint(11, 57)}.{rng.randint(10, 99)}.{rng.randint(1, 9):02d}",
        finance_note=rng.choice(
            ("Keine.", "Es entstehen keine finanziellen Auswirkungen.", "Die Kosten trägt das Land in voller Höhe.")
        ),
        finances_first=rng.random() < 0.4,
        facts_first=rng.random() < 0.25,
        attachments=tuple(f"{i}. {name}" for i, name in enumerate(names, start=1)) if numbered else tuple(names),
        signer=("Dr. " if rng.random() < 0.4 else "") + vt.person(rng),
        signer_role=vt.pick(rng, SIGNER_ROLES),
        one_line_signature=rng.random() < 0.5,
        date_in_block=rng.random() < 0.85,
        kind_size=size + rng.choice((3.0, 5.0, 7.0)),
        footer=rng.random() < 0.6,
    )
    finances = None
    if finance_style == "years":
        finances = vt.finances_golden(years, finance_rows, total)
    elif finance_style == "summary":
        finances = {"rows": [], "total_cost": vt.german_float(total)}
    golden = {
        "number": paper.number,
        "title": paper.title,
        "document_type": kind.removesuffix(" für den Kreistag"),
        "public": public,
        "originator": paper.office,
        "date": signed.isoformat(),
        "consultations": vt.consultations_golden(rows, status_column),
        "resolution_proposal": items_golden,
        "checkboxes": [],
        "finances": finances,
        "attachments": list(names),
    }
    return paper, golden


def _letterhead(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The district and its executive, or the office, in one of three styles."""
    y = 800.0
    if paper.head_style == 0:
        flow.ops.append(fp.Text(flow.left, y, f"{paper.district} – {paper.executive}", ff.BOLD, size + 2))
    elif paper.head_style == 1:
        flow.ops.append(fp.Text(flow.left, y, paper.district, ff.BOLD, size + 3))
        y -= size + 6
        flow.ops.append(fp.Text(flow.left, y, paper.executive, ff.REG, size + 1))
    else:
        town = paper.district.split()[-1]
        head = f"Landratsamt {town} – {paper.department} – {paper.office}"
        flow.ops.append(fp.Text(flow.left, y, head, ff.BOLD, size))
    flow.ops.append(fp.Rule(flow.left, y - 8, flow.right, y - 8))
    flow.y = y - 40


def _grid(paper: Paper) -> list[tuple[str, str]]:
    """The metadata block's (label, value) rows: the number unless the kind line carries it, the
    date where the block holds it, the office, the writer, the file and the public mark if drawn."""
    labels = paper.labels
    grid: list[tuple[str, str]] = []
    if not paper.number_in_kind:
        grid.append((labels["number"], paper.number))
    if paper.date_in_block:
        grid.append((labels["date"], vt.de_date(paper.signed)))
    grid.append((labels["office"], paper.office))
    if paper.writer:
        grid.append((labels["writer"], paper.writer))
    if paper.file_ref:
        grid.append((labels["file"], paper.file_ref))
    if paper.public is not None:
        grid.append((labels["public"], "ja" if paper.public else "nein"))
    return grid


def _block(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The kind in large type and the two-column metadata block."""
    kind = f"{paper.kind} {paper.number}" if paper.number_in_kind else paper.kind
    flow.line(kind, font=ff.BOLD, size=paper.kind_size, lead=paper.kind_size * 1.5)
    flow.space(size * 0.4)
    grid = _grid(paper)
    small = size - 0.5
    label_w = max(ff.width(label, ff.REG, small) for label, _ in grid) + 24
    value_w = min(300.0, max(ff.width(value, ff.REG, small) for _, value in grid) + 16)
    flow.table([label_w, value_w], [list(row) for row in grid], size=small, lead=small * 1.25, ruled=paper.block_ruled)
    if paper.block_ruled:
        x0, x1 = flow.left, flow.left + label_w + value_w
        flow.ops.append(fp.Rule(x0, flow.y, x1, flow.y))
    flow.space(size)


def _consultations(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The Beratungsfolge: a ruled table, with a status column in some papers."""
    flow.line("Beratungsfolge:", font=ff.BOLD)
    flow.space(flow.lead * 0.2)
    small = size - 1
    template_flow.consultation_table(flow, "Sitzungstermin", paper.rows, paper.status_column, small)
    flow.space(flow.lead * 0.5)


def _proposal(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The proposal under its label: an opening sentence, then a paragraph or numbered items."""
    if paper.items is not None:
        template_flow.lettered_request(flow, paper.labels["resolution"], paper.items, size=size, opener=paper.opener)


def _facts(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The facts under their label, with numbered sub-headings where drawn."""
    flow.heading(paper.labels["justification"], size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.2)
    for heading, paragraphs in paper.content:
        if heading:
            flow.heading(heading, size=size, before=flow.lead * 0.3, after=flow.lead * 0.1)
        template_flow.blocks(flow, paragraphs)


def _finance_section(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The financial effects: a table of amounts by year, a two-column table, or a sentence."""
    style = paper.finance_style
    if style is None:
        return
    flow.heading(paper.labels["finances"], size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.3)
    small = size - 0.5
    if style == "prose":
        flow.para(paper.finance_note, after=flow.lead * 0.6)
        return
    cover = f"Haushaltsmittel stehen zur Verfügung: {'ja' if paper.covered else 'nein'}"
    if style == "years":
        header = ["Haushaltsjahr", *paper.years]
        cells = [[label, *(f"{a} €" if a else "" for a in amounts)] for label, amounts in paper.finance_rows]
        first = max(ff.width(c, ff.BOLD, small) for c in (header[0], *(r[0] for r in cells))) + 14
        widths = [first, *([min(90.0, (flow.right - flow.left - first) / len(paper.years))] * len(paper.years))]
        aligns = ["left", *(["right"] * len(paper.years))]
        flow.table(widths, cells, header=header, size=small, lead=small * 1.3, aligns=aligns)
        flow.space(flow.lead * 0.4)
        if paper.total:
            flow.line(f"Gesamtkosten: {paper.total} €")
        flow.line(cover)
        flow.space(flow.lead * 0.4)
        return
    rows = [["Gesamtkosten", f"{paper.total} €"], ["Produkt", paper.product]]
    rows.append(["Haushaltsmittel stehen zur Verfügung", "ja" if paper.covered else "nein"])
    first = ff.width(rows[-1][0], ff.REG, small) + 16
    flow.table([first, 120.0], rows, size=small, lead=small * 1.3)
    flow.space(flow.lead * 0.4)


def _attachments(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The attachment list under its label."""
    if not paper.attachments:
        return
    flow.heading(paper.labels["attachments"], size=size, before=flow.lead * 0.4, after=0)
    for entry in paper.attachments:
        flow.line(entry)


def render(paper: Paper, size: float, lead: float, out: Path) -> int:
    """Render ``paper`` to ``out``; returns its page count."""
    left = 70.0
    flow = template_flow.Flow(left=left, right=530.0, body=size, lead=lead, top=770)
    _letterhead(flow, paper, size)
    _block(flow, paper, size)
    tab = left + ff.width("Betreff:", ff.BOLD, size) + 14
    flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
    flow.para(paper.title, x=tab, font=ff.BOLD, after=lead)
    _consultations(flow, paper, size)
    if not paper.facts_first:
        _proposal(flow, paper, size)
    if paper.finances_first:
        _finance_section(flow, paper, size)
    _facts(flow, paper, size)
    if not paper.finances_first:
        _finance_section(flow, paper, size)
    if paper.facts_first:
        _proposal(flow, paper, size)
    _attachments(flow, paper, size)
    flow.space(lead * 1.2)
    if not paper.date_in_block:
        flow.line(f"{paper.place}, {vt.de_date(paper.signed)}")
        flow.space(lead * 0.5)
    template_flow.signature(flow, paper.signer, paper.signer_role, one_line=paper.one_line_signature)
    if paper.footer:
        total = len(flow.pages)
        for n, ops in enumerate(flow.pages, start=1):
            ops.insert(0, fp.Text(flow.w / 2, 36, f"Seite {n} von {total}", ff.REG, 8, "center"))
    template_flow.render("reportlab", flow, flow.pages, template_flow.Meta(paper.title, paper.district), out)
    return template_flow.page_count(out)


def kreistag_vorlage(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one Kreistag paper to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count). A paper of more than four pages is rendered
    again with fewer paragraphs of facts."""
    size, lead = size_and_lead(rng)
    paper, golden = draw(rng, size)
    while render(paper, size, lead, out) > MAX_PAGES:
        longest = max(range(len(paper.content)), key=lambda k: len(paper.content[k][1]))
        heading, paragraphs = paper.content[longest]
        if len(paragraphs) <= 1:
            break
        paper.content[longest] = (heading, paragraphs[: max(1, len(paragraphs) // 2)])
    golden["justification"] = _justification(paper.content)
    return golden
