"""The ``margin-vorlage`` variant family (built only when named): a Landkreis's Beschluss- or
Informationsvorlage whose section labels stand in a left margin column, drawn from a
``random.Random``.

Many district and town templates set every label ("Betreff:", "Beratungsfolge:",
"Beschlussvorschlag:", "Sachverhalt:") in a column of its own at the left margin, with its content
in a second column that starts on the label's baseline; long sections go on in that column over
the page break without repeating the label. The head gives the issuer, the paper's number and
date in a right-hand block, and the kind of paper centred. The Beratungsfolge is a table in the
content column (date, body, Ö/N, Zuständigkeit), the financial effects a row of check boxes
("ja" / "nein") with, when "ja", a table of years and a total. Goldens follow the other
Vorlage families: the office as originator, body null, public from a printed status line (null
without one), consultations with their role, items numbered as printed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

DISTRICTS = ("Landkreis Havelland", "Landkreis Gotha", "Kreis Steinfurt", "Landkreis Harburg", "Rhein-Kreis Neuss")
BODIES = (
    "Kreisausschuss",
    "Ausschuss für Bau, Umwelt und Kreisentwicklung",
    "Ausschuss für Schule, Kultur und Sport",
    "Jugendhilfeausschuss",
    "Finanzausschuss",
    "Ausschuss für Soziales und Gesundheit",
)
OFFICES = (
    "Fachbereich Bauen und Umwelt",
    "Dezernat II – Ordnung und Verkehr",
    "Amt für Schulverwaltung und Kultur",
    "Fachdienst Finanzen",
    "Kreisentwicklungsamt",
    "Jugendamt",
)
#: How the head labels the paper's number.
NUMBER_LABELS = ("Drucksache Nr.:", "Vorlage-Nr.:", "DS-Nr.:", "Drucksachen-Nr.:")
ROLES = ("Vorberatung", "Vorberatung", "Kenntnisnahme", "Anhörung")
#: Label spellings per section (one is drawn per paper).
LABELS = {
    "office": ("Fachbereich:", "Einreicher:", "Federführung:"),
    "title": ("Betreff:", "Gegenstand:"),
    "consultations": ("Beratungsfolge:", "Beratungsweg:", "Gremienfolge:"),
    "resolution": ("Beschlussvorschlag:", "Beschlussempfehlung:", "Beschlussantrag:", "Vorschlag der Verwaltung:"),
    "finances": ("Finanzielle Auswirkungen:", "Haushaltsmäßige Auswirkungen:"),
    "justification": ("Sachverhalt:", "Begründung:", "Sachdarstellung:", "Erläuterungen:", "Sachstand:"),
    "attachments": ("Anlagen:",),
}


def _consultations(rng: random.Random, signed: Any) -> list[tuple[str, str, str, str]]:
    """(date, body, Ö/N, role) rows, the last one the Kreistag's decision."""
    rows = []
    date = signed
    count = rng.randint(1, 4)
    for i in range(count):
        date = vt.later(rng, date, 4, 25)
        last = i == count - 1
        body = "Kreistag" if last and rng.random() < 0.7 else vt.pick(rng, BODIES)
        role = "Entscheidung" if last else vt.pick(rng, ROLES)
        rows.append((vt.de_date(date), body, rng.choice(("Ö", "Ö", "N")), role))
    return rows


def _consultation_table(style: int, rows: list[tuple[str, str, str, str]]) -> tuple[tuple[str, ...], list[list[str]]]:
    """The Beratungsfolge's header and cells in one of three layouts systems print: date first
    with an Ö/N column (0), body first with "Sitzung am" and a status in words and "zur ..."
    roles (1), "Sitzungstermin" and "Behandlung" in words (2)."""
    if style == 1:
        return ("Gremium", "Sitzung am", "Status", "Beratung"), [
            [body, date, "öffentlich" if mark == "Ö" else "nichtöffentlich", f"zur {role}"]
            for date, body, mark, role in rows
        ]
    if style == 2:
        return ("Sitzungstermin", "Gremium", "Behandlung", "Zuständigkeit"), [
            [date, body, "öffentlich" if mark == "Ö" else "nicht öffentlich", role] for date, body, mark, role in rows
        ]
    return ("Datum", "Gremium", "Ö/N", "Zuständigkeit"), [list(row) for row in rows]


def margin_vorlage(
    rng: random.Random,
    out: Path,
    size_and_lead: Callable[[random.Random], tuple[float, float]],
    numbered: bool = False,
) -> dict[str, Any]:
    """Draw and render one margin-label Vorlage to ``out`` in the face the caller chose; returns
    its golden fields (the caller adds the page count). ``numbered`` sets the sections after the
    title as numbered headings over full-width text ("2. Beschlussvorschlag"), as many Word
    templates do; the head's labels stay in the margin column."""
    size, lead = size_and_lead(rng)
    labels = {name: vt.pick(rng, options) for name, options in LABELS.items()}
    label_x = 57.0
    # The margin column holds the longest word of any label (a longer label wraps at its spaces).
    widest = max(ff.width(word, ff.BOLD, size) for text in labels.values() for word in text.split())
    content_x = max(rng.uniform(165, 200), label_x + widest + 12)
    right = 540.0
    signed = vt.day(rng)
    district = vt.pick(rng, DISTRICTS)
    number = rng.choice((f"KT-{rng.randint(1, 300):04d}/{signed.year}", f"{signed.year}/{rng.randint(1, 999):04d}"))
    kind = rng.choice(("Beschlussvorlage",) * 4 + ("Sitzungsvorlage", "Informationsvorlage", "Mitteilungsvorlage"))
    informational = kind in ("Informationsvorlage", "Mitteilungsvorlage")
    office = vt.pick(rng, OFFICES)
    title = vt.title(rng, rng.choice((6, 9, 14, 20)))
    public = rng.choice((True, False, None))
    rows = _consultations(rng, signed)
    table_style = rng.randrange(3)
    items = None if informational else _resolution(rng)
    yes = not informational and rng.random() < 0.6
    years = tuple(str(signed.year + i) for i in range(rng.randint(1, 3))) if yes else ()
    finance_rows = (
        tuple(
            (label, tuple(vt.de_amount(vt.amount(rng)) for _ in years))
            for label in rng.sample(("Aufwendungen", "Erträge", "Auszahlungen", "Einzahlungen"), rng.randint(1, 3))
        )
        if yes
        else ()
    )
    total = vt.de_amount(vt.amount(rng, 10, 3000)) if yes else ""
    content = vt.blocks(rng, rng.randint(3, 14))
    names = ("Lageplan", "Kostenschätzung", "Satzungsentwurf", "Stellungnahme")
    attachments = [f"Anlage {i}: {vt.pick(rng, names)}" for i in range(1, rng.randint(0, 3) + 1)]

    # Pages after the first start below the running head (template_flow.Flow.finish draws it at 806).
    flow = template_flow.Flow(left=content_x, right=right, body=size, lead=lead, top=770)
    head_font = ff.BOLD if rng.random() < 0.7 else ff.REG
    flow.ops.append(fp.Text(label_x, 800, district, head_font, size + 2))
    head = [(vt.pick(rng, NUMBER_LABELS), number), ("Datum:", vt.de_date(signed))]
    if public is not None:
        head.append(("Status:", "öffentlich" if public else "nicht öffentlich"))
    # The block's labels left, its values set right: wide enough for the longest of each.
    block_w = max(ff.width(k, ff.REG, size - 1) for k, _ in head) + max(ff.width(v, ff.REG, size - 1) for _, v in head)
    block_x = right - block_w - rng.uniform(15, 40)
    for k, (label, value) in enumerate(head):
        y = 800 - k * (size + 4)
        flow.ops.append(fp.Text(block_x, y, label, ff.REG, size - 1))
        flow.ops.append(fp.Text(right, y, value, ff.REG, size - 1, "right"))
    flow.y = 800 - len(head) * (size + 4) - 30
    flow.ops.append(fp.Text((label_x + right) / 2, flow.y, kind, ff.BOLD, size + 5, "center"))
    flow.y -= lead * 2.5

    below = [flow.y]  # the baseline under the last margin label drawn
    ruled = not numbered and rng.random() < 0.4  # the sections as rows of a ruled two-column table
    edges: list[tuple[int, float]] = []  # (page index, y) of each row's top rule, and the table's end

    heading_colon = rng.random() < 0.3
    sections = [0]

    def label(name: str) -> None:
        """The margin label of section ``name`` on the baseline of its content's first line,
        wrapped within the margin column; the content starts below the previous label's end.
        Numbered: a heading of its own line over the section, from the title on."""
        if numbered and name not in ("office", "title"):
            flow.y = min(flow.y, below[0])
            flow.left = label_x
            sections[0] += 1
            text = f"{sections[0]}. {labels[name].rstrip(':')}{':' if heading_colon else ''}"
            flow.heading(text, size=size + 0.5, before=lead * 0.3, after=lead * 0.2)
            below[0] = flow.y
            return
        flow.y = min(flow.y, below[0])
        lines = ff.wrap(labels[name], content_x - label_x - 8, ff.BOLD, size)
        flow.ensure(lead * max(3, len(lines)))  # a label is kept with the first lines of its content
        edges.append((len(flow.pages) - 1, flow.y + size + 4))
        for k, text in enumerate(lines):
            flow.ops.append(fp.Text(label_x, flow.y - k * lead, text, ff.BOLD, size))
        below[0] = flow.y - len(lines) * lead - lead * 0.5

    label("office")
    flow.para(office, after=lead * 0.6)
    label("title")
    flow.para(title, font=ff.BOLD, after=lead)
    label("consultations")
    # Every column as wide as its widest cell (the body's takes the rest), as Word fits a table;
    # where that leaves the body too little room, the compact layout with an Ö/N column, set
    # smaller until the longest word of a body fits its cell.
    longest = max((word for _, body, _, _ in rows for word in body.split()), key=len)
    for style, table_size in [(table_style, size - 1), *((0, size - 1 - k * 0.5) for k in range(8))]:
        header, cells = _consultation_table(style, rows)
        fixed = [
            max(ff.width(c, ff.BOLD, table_size) for c in (h, *(r[k] for r in cells))) + 14
            for k, h in enumerate(header)
        ]
        body_at = header.index("Gremium")
        fixed[body_at] = 0
        fixed[body_at] = right - flow.left - sum(fixed)
        if fixed[body_at] >= max(150, ff.width(longest, ff.REG, table_size) + 14):
            break
    if not numbered:
        flow.y += size + 3  # the table's top rule on the label's cap height
    flow.table(fixed, cells, header=header, size=table_size)
    if items is not None:
        label("resolution")
        if isinstance(items, str):
            flow.para(items, after=lead)
        else:
            flow.items(items, indent=20, gap=3)
            flow.space(lead * 0.5)
    if not informational:
        label("finances")
        boxes_y = flow.y
        x = flow.left
        for option, checked in (("ja", yes), ("nein", not yes)):
            flow.ops.append(fp.Box(x, boxes_y, checked, f"fin_{option}"))
            flow.ops.append(fp.Text(x + 13, boxes_y, option, ff.REG, size))
            x += 60
        flow.y -= lead * 1.3
        if yes:
            year_w = min(80.0, (right - flow.left - 110) / len(years))
            flow.table(
                (110.0, *[year_w] * len(years)),
                [[name, *amounts] for name, amounts in finance_rows],
                header=("", *years),
                size=size - 1,
                aligns=("left", *["right"] * len(years)),
            )
            flow.para(f"Gesamtkosten: {total} EUR", after=lead)
    flow.y = min(flow.y, below[0])
    label("justification")
    template_flow.blocks(flow, content)
    if attachments:
        flow.space(lead * 0.5)
        label("attachments")
        for name in attachments:
            flow.line(name)
    flow.y = min(flow.y, below[0])
    edges.append((len(flow.pages) - 1, flow.y + lead * 0.5))
    if ruled:
        _rule_rows(flow, edges, (label_x - 4, content_x - 6, right + 4), size)
    flow.left = content_x if not numbered else label_x
    flow.space(lead)
    flow.line("gez.")
    flow.line(vt.person(rng))
    flow.line("Landrätin" if rng.random() < 0.5 else "Landrat")
    pages = flow.finish(header=f"Drucksache {number}", footer="Seite {n} von {m}")
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, district), out)
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": public,
        "originator": office,
        "date": signed.isoformat(),
        "consultations": [
            {"body": body, "date": vt.iso(date), "public": mark == "Ö", "role": role} for date, body, mark, role in rows
        ],
        "resolution_proposal": vt.items_golden(items),
        "checkboxes": [] if informational else [vt.yes_no_golden(labels["finances"].rstrip(":"), yes)],
        "finances": vt.finances_golden(years, finance_rows, total) if yes else None,
        "attachments": attachments,
        "justification": vt.blocks_text(content),
    }


def _rule_rows(
    flow: template_flow.Flow, edges: list[tuple[int, float]], xs: tuple[float, float, float], size: float
) -> None:
    """Rules around the label and content cells of each section row, ``edges`` giving the top
    of every row and the end of the last; a row broken over pages is closed at the foot of one
    page and opened again at the head of the next, as a word processor draws a table."""
    left, _, far = xs
    for (page, top), (end_page, bottom) in pairwise(edges):
        for index in range(page, end_page + 1):
            upper = top if index == page else flow.top + size + 4
            lower = bottom if index == end_page else flow.bottom - 4
            flow.pages[index].append(fp.Rule(left, upper, far, upper))
            flow.pages[index].append(fp.Rule(left, lower, far, lower))
            for x in xs:
                flow.pages[index].append(fp.Rule(x, upper, x, lower))


def _resolution(rng: random.Random) -> tuple[tuple[str, str], ...] | str:
    """One unnumbered paragraph or numbered items, the Kreistag's wording."""
    if rng.random() < 0.35:
        return vt.resolution_items(rng, 1, "1.")[0][1].replace("Stadtrat", "Kreistag")
    items = vt.resolution_items(rng, rng.randint(2, 5), rng.choice(("1.", "a)")))
    return tuple((label, text.replace("Stadtrat", "Kreistag")) for label, text in items)
