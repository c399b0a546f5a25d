"""The Vorlage families of ``generate_variants.py`` printed by council information systems
(ALLRIS, SessionNet) and another city's Word template (the Gotha Vorlage, via LibreOffice)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import browser_print as bp
import template_allris
import template_gotha
import template_sessionnet
import variant_text as vt
from variant_base import (
    Golden,
    available_fonts,
    cm_width,
    faction_of,
    golden,
    link,
    links_of,
    paragraph_count,
    size_and_lead,
    use_font,
    within_pages,
)

iso, items_golden = vt.iso, vt.items_golden


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
    paper = template_allris.Allris(
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
        template_allris.allris(replace(paper, sachverhalt=content), producer, out)
        return out

    content, pages = within_pages(render, paper.sachverhalt)
    return print_golden(paper, kind, status, content, pages)


def print_golden(
    paper: template_allris.Allris | template_sessionnet.SessionNet,
    kind: str,
    status: str,
    content: tuple[vt.Block, ...],
    pages: int,
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
    paper = template_sessionnet.SessionNet(
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
        template_sessionnet.sessionnet(replace(paper, sachverhalt=content), producer, out)
        return out

    content, pages = within_pages(render, paper.sachverhalt)  # type: ignore[arg-type]
    return print_golden(paper, kind, status, content, pages)


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
    paper = template_gotha.Gotha(
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
    template_gotha.build_gotha(paper, docx)
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


def browser_print(rng: random.Random, out: Path) -> Golden:
    """A Vorlage's page in a council information system's web view, printed by a browser
    (:mod:`browser_print`); its golden names no ``links`` (see there)."""
    record = golden(**bp.browser_print(rng, out))
    del record["links"]
    return record
