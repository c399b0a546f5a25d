"""The ``sdnet-vorlage`` variant family (built only when named): a town's Vorlage as the SD.NET
(Sternberg) and Somacos council information systems print it, or as the municipal Word templates
they fill, drawn from a ``random.Random``.

The head names the town and its executive ("Stadt Lingen (Ems)" over "Der Oberbürgermeister") on
the left and a small grid on the right: the paper's number ("Vorlage-Nr.: VO/2024/0456"), its
status ("Status: öffentlich", "Öffentlichkeitsstatus: nichtöffentlich"), the date, the office in
charge ("Federführend:", "Federführende Dienststelle:", "Fachbereich:"), the person who wrote it
("Verfasser:", "Sachbearbeitung:"; no originator) and a file reference ("Aktenzeichen:"; no
number), ruled or not. The kind of paper follows in large type (Beschlussvorlage,
Informationsvorlage, Mitteilungsvorlage, Sitzungsvorlage, Dringlichkeitsvorlage), the subject
after "Betreff:" or bold without a label, a ruled Beratungsfolge (date, body and Zuständigkeit,
sometimes a status column "Ö"/"N"), the proposal after "Beschlussvorschlag:" or
"Beschlussempfehlung:" (one paragraph or numbered items, one of them perhaps with lettered
sub-items, sometimes opened by a sentence of who decides), the facts after "Sachverhalt:",
"Begründung:" or "Sachdarstellung:", the financial effects ("Finanzielle Auswirkungen:" with
boxes drawn as vectors or as ☐/☒ glyphs, or in prose), the attachments (numbered, as "Anlage 1:
...", or "keine"), a signature ("gez. Dr. Anna Bauer" and the office, or on one line), and a foot
of "Seite 2 von 3", "VO/2024/0456 Seite 2" or the system's "Ausdruck vom: ... Seite: 2/3". One to
four pages; optional sections left out; the financial effects before or after the facts.

Goldens follow the other Vorlage families: the number as printed after its label, the office in
charge as originator, body null, public from the printed status (null without one), the date of
the head (or of the date line over the signature), consultations with their role and their
public from a status column (null without one), items numbered as printed without the sentence
that opens them and with their lettered sub-items joined to their text ("... zu prüfen: a) ...
b) ..."), one group "ja"/"nein" under the printed label where boxes are drawn (none for prose),
finances null (no table of amounts), attachments without their enumeration ("1. Lageplan" is
"Lageplan"; "Anlage 1: Lageplan" as printed), the justification the facts' paragraphs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

MAX_PAGES = 4
#: The face the ☐/☒ glyphs are drawn in (the Liberation and Carlito faces lack them).
SYMBOLS = "SdnetSymbols"
SYMBOL_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

#: The issuer as the head prints it, its executive, and the place of a date line.
TOWNS = (
    ("Stadt Lingen (Ems)", "Lingen"),
    ("Stadt Nordhorn", "Nordhorn"),
    ("Stadt Gütersloh", "Gütersloh"),
    ("Hansestadt Lüneburg", "Lüneburg"),
    ("Stadt Bergisch Gladbach", "Bergisch Gladbach"),
    ("Gemeinde Wallenhorst", "Wallenhorst"),
    ("Stadt Weimar", "Weimar"),
    ("Universitätsstadt Marburg", "Marburg"),
    ("Stadt Delmenhorst", "Delmenhorst"),
)
EXECUTIVES = ("Der Oberbürgermeister", "Die Oberbürgermeisterin", "Der Bürgermeister", "Die Bürgermeisterin")
OFFICES = (
    "Fachbereich 3 – Bauen",
    "Fachbereich Stadtentwicklung und Bauen",
    "Fachdienst Tiefbau",
    "Amt 61 – Stadtplanung",
    "Fachbereich Bildung, Jugend und Sport",
    "Dezernat II",
    "Fachdienst Umwelt und Klimaschutz",
    "Amt für Finanzen",
    "FB 4 – Ordnung und Soziales",
    "Fachbereich Zentrale Dienste",
)
COMMITTEES = (
    "Ausschuss für Planen und Bauen",
    "Haupt- und Finanzausschuss",
    "Ausschuss für Umwelt und Klimaschutz",
    "Schulausschuss",
    "Ausschuss für Soziales, Jugend und Sport",
    "Verwaltungsausschuss",
    "Ortsrat Mitte",
    "Bezirksausschuss Nord",
)
COUNCILS = ("Rat", "Rat der Stadt", "Stadtrat", "Gemeinderat")
KINDS = (
    "Beschlussvorlage",
    "Beschlussvorlage",
    "Beschlussvorlage",
    "Sitzungsvorlage",
    "Informationsvorlage",
    "Mitteilungsvorlage",
    "Dringlichkeitsvorlage",
)
INFORMATIONAL = ("Informationsvorlage", "Mitteilungsvorlage")
#: Label spellings per field (one is drawn per paper).
LABELS = {
    "number": ("Vorlage-Nr.:", "Vorlagen-Nr.:", "Vorlage:", "Drucksache:", "Drucksachen-Nr.:"),
    "status": ("Status:", "Öffentlichkeitsstatus:", "Status:"),
    "office": ("Federführend:", "Federführende Dienststelle:", "Fachbereich:", "Federführung:"),
    "writer": ("Verfasser:", "Sachbearbeitung:", "Bearbeiter/in:"),
    "file": ("Aktenzeichen:", "Az.:"),
    "resolution": ("Beschlussvorschlag:", "Beschlussempfehlung:", "Beschlussvorschlag der Verwaltung:"),
    "justification": ("Sachverhalt:", "Begründung:", "Sachdarstellung:", "Sachverhalt und Begründung:"),
    "finances": ("Finanzielle Auswirkungen:", "Finanzielle Auswirkungen", "Auswirkungen auf den Haushalt:"),
    "attachments": ("Anlage(n):", "Anlagen:", "Anlagen"),
}
OPENERS = ("Der {council} beschließt:", "Der {body} empfiehlt dem {council}, wie folgt zu beschließen:")
ATTACHMENTS = ("Lageplan", "Kostenschätzung", "Entwurfsplanung", "Satzungsentwurf", "Stellungnahme des Ortsrats")


@dataclass
class Paper:
    """What one Vorlage prints: values and the layout choices drawn for it."""

    town: str
    place: str
    executive: str | None
    number: str
    kind: str
    title: str
    public: bool | None
    status_text: str
    signed: dt.date
    office: str
    writer: str | None
    file_ref: str | None
    labels: dict[str, str]
    #: (date, body, role, Ö/N) rows.
    rows: list[tuple[str, str, str, str]]
    table_style: int
    opener: str | None
    #: (label, text, lettered sub-items) or one paragraph.
    items: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str | None
    content: tuple[vt.Block, ...]
    #: "vector", "glyph", "prose" or None (no section).
    finance_style: str | None
    finance_yes: bool
    finance_note: str
    finances_first: bool
    boxes_beside: bool
    #: printed entries; an empty tuple with ``attachments_none`` prints "keine".
    attachments: tuple[str, ...]
    attachments_none: bool
    signer: str
    signer_role: str
    one_line_signature: bool
    date_in_head: bool
    grid_ruled: bool
    subject_label: bool
    kind_size: float
    footer_style: int
    running_head: bool
    printed_on: dt.date


def _number(rng: random.Random, year: int, kind: str) -> str:
    """A paper number as SD.NET and Somacos systems print them."""
    prefix = {"Informationsvorlage": "IV", "Mitteilungsvorlage": "MV"}.get(kind, rng.choice(("VO", "BV", "VO")))
    count = rng.randint(1, 999)
    return rng.choice(
        (
            f"VO/{year}/{count:04d}",
            f"{prefix}/{year}/{count:03d}",
            f"{prefix}/{count:04d}/{year}",
            f"{count:04d}/{year}",
            f"{year}/{count:04d}",
        )
    )


def consultation_rows(
    rng: random.Random, signed: dt.date, council: str | None, informational: bool, most: int = 4
) -> list[tuple[str, str, str, str]]:
    """(date, body, role, Ö/N) rows, one to ``most``; the last body decides unless the paper only
    informs, and is the ``council`` now and then (one drawn from :data:`COUNCILS` where None)."""
    rows = []
    when = signed
    count = rng.randint(1, most)
    for i in range(count):
        when = vt.later(rng, when, 4, 25)
        last = i == count - 1
        if last and rng.random() < 0.6:
            body = council if council is not None else vt.pick(rng, COUNCILS)
        else:
            body = vt.pick(rng, COMMITTEES)
        role = "Kenntnisnahme" if informational else ("Entscheidung" if last else "Vorberatung")
        rows.append((vt.de_date(when), body, role, rng.choice(("Ö", "Ö", "N"))))
    return rows


def _items(
    rng: random.Random, council: str, informational: bool, body: str
) -> tuple[tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str | None, list[dict[str, Any]]]:
    """The proposal as printed and its golden items."""
    if informational:
        if rng.random() < 0.5:
            return None, []
        text = f"Der {body} nimmt den Bericht der Verwaltung zur Kenntnis."
        return text, [{"number": None, "text": text}]
    texts = list(dict.fromkeys(text.replace("Stadtrat", council) for _, text in vt.resolution_items(rng, 10, "1.")))
    if rng.random() < 0.3:
        return texts[0], [{"number": None, "text": texts[0]}]
    count = min(len(texts), rng.randint(2, 5))
    lettered = rng.randrange(count) if rng.random() < 0.35 else -1
    return vt.lettered_items(rng, texts, count, lettered, "zu prüfen")


def _paragraphs(rng: random.Random) -> int:
    """How many paragraphs of facts: a page's worth for most papers, up to four pages for some."""
    band = rng.random()
    if band < 0.4:
        return rng.randint(1, 4)
    if band < 0.75:
        return rng.randint(5, 10)
    return rng.randint(11, 20)


def draw(rng: random.Random, size: float) -> tuple[Paper, dict[str, Any]]:
    """Draw one Vorlage and its golden fields."""
    town, place = TOWNS[rng.randrange(len(TOWNS))]
    signed = vt.day(rng)
    kind = vt.pick(rng, KINDS)
    informational = kind in INFORMATIONAL
    labels = {name: vt.pick(rng, options) for name, options in LABELS.items()}
    council = vt.pick(rng, COUNCILS)
    public = rng.choice((True, True, False, None))
    status_text = "öffentlich" if public else rng.choice(("nichtöffentlich", "nicht öffentlich"))
    rows = consultation_rows(rng, signed, council, informational)
    items, items_golden = _items(rng, council, informational, rows[-1][1])
    opener = None
    if isinstance(items, tuple) and rng.random() < 0.35:
        opener = vt.pick(rng, OPENERS).format(council=council, body=vt.pick(rng, COMMITTEES))
    finance_style = rng.choice(("vector", "glyph", "prose", None)) if not informational else rng.choice(("prose", None))
    finance_yes = finance_style is not None and finance_style != "prose" and rng.random() < 0.5
    year = signed.year + rng.randint(0, 1)
    if finance_yes:
        product = f"{rng.randint(11, 57)}.{rng.randint(10, 99)}.01"
        finance_note = f"Die Mittel stehen im Haushalt {year} im Produkt {product} zur Verfügung."
    elif finance_style == "prose":
        finance_note = rng.choice(
            (
                "Keine.",
                "Es entstehen keine finanziellen Auswirkungen.",
                f"Die Kosten sind im Haushalt {year} veranschlagt.",
            )
        )
    else:
        finance_note = rng.choice(("", "", "Es entstehen keine Folgekosten."))
    count = rng.randint(0, 3)
    style = rng.randrange(3)
    names = rng.sample(ATTACHMENTS, count)
    if style == 0:
        printed = tuple(f"Anlage {i}: {name}" for i, name in enumerate(names, start=1))
        attachments = list(printed)
    elif style == 1:
        printed = tuple(f"{i}. {name}" for i, name in enumerate(names, start=1))
        attachments = list(names)
    else:
        printed = tuple(names)
        attachments = list(names)
    paper = Paper(
        town=town,
        place=place,
        executive=vt.pick(rng, EXECUTIVES) if rng.random() < 0.75 else None,
        number=_number(rng, signed.year, kind),
        kind=kind,
        title=vt.title(rng, rng.choice((5, 8, 12, 18))),
        public=public,
        status_text=status_text,
        signed=signed,
        office=vt.pick(rng, OFFICES),
        writer=f"{vt.pick(rng, vt.LAST_NAMES)}, {vt.pick(rng, vt.FIRST_NAMES)}" if rng.random() < 0.5 else None,
        file_ref=f"{rng.randint(10, 69)}.{rng.randint(1, 9)}-{rng.randint(100, 999)}" if rng.random() < 0.35 else None,
        labels=labels,
        rows=rows,
        table_style=rng.randrange(3),
        opener=opener,
        items=items,
        content=vt.blocks(rng, _paragraphs(rng)),
        finance_style=finance_style,
        finance_yes=finance_yes,
        finance_note=finance_note,
        finances_first=rng.random() < 0.5,
        boxes_beside=rng.random() < 0.5,
        attachments=printed,
        attachments_none=not names and rng.random() < 0.5,
        signer=("Dr. " if rng.random() < 0.3 else "") + vt.person(rng),
        signer_role=rng.choice(("Oberbürgermeisterin", "Oberbürgermeister", "Bürgermeister", "Erster Stadtrat")),
        one_line_signature=rng.random() < 0.4,
        date_in_head=rng.random() < 0.85,
        grid_ruled=rng.random() < 0.4,
        subject_label=rng.random() < 0.6,
        kind_size=size + rng.choice((4.0, 6.0, 8.0)),
        footer_style=rng.randrange(3),
        running_head=rng.random() < 0.4,
        printed_on=vt.later(rng, signed, 1, 30),
    )
    has_status = paper.table_style != 0
    golden = {
        "number": paper.number,
        "title": paper.title,
        "document_type": kind,
        "public": public,
        "originator": paper.office,
        "date": signed.isoformat(),
        "consultations": [
            {"body": body, "date": vt.iso(when), "public": (mark == "Ö") if has_status else None, "role": role}
            for when, body, role, mark in rows
        ],
        "resolution_proposal": items_golden,
        "checkboxes": (
            [vt.yes_no_golden(labels["finances"].rstrip(":"), finance_yes)]
            if finance_style in ("vector", "glyph")
            else []
        ),
        "finances": None,
        "attachments": attachments,
    }
    return paper, golden


def _symbols() -> str:
    """The registered face of the ☐/☒ glyphs."""
    if SYMBOLS not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(RLTTFont(SYMBOLS, str(SYMBOL_FILE)))
    return SYMBOLS


def _grid(paper: Paper) -> list[tuple[str, str]]:
    """The head grid's (label, value) rows in print order."""
    labels = paper.labels
    grid = [(labels["number"], paper.number)]
    if paper.public is not None:
        grid.append((labels["status"], paper.status_text))
    if paper.date_in_head:
        grid.append(("Datum:", vt.de_date(paper.signed)))
    grid.append((labels["office"], paper.office))
    if paper.writer:
        grid.append((labels["writer"], paper.writer))
    if paper.file_ref:
        grid.append((labels["file"], paper.file_ref))
    return grid


def _head(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The town and executive on the left, the grid on the right, the kind in large type."""
    left, right = flow.left, flow.right
    flow.ops.append(fp.Text(left, 800, paper.town, ff.BOLD, size + 2))
    left_bottom = 800.0
    if paper.executive:
        left_bottom -= size + 5
        flow.ops.append(fp.Text(left, left_bottom, paper.executive, ff.REG, size))
    small = size - 1
    step = small + 4
    grid = _grid(paper)
    label_w = max(ff.width(label, ff.REG, small) for label, _ in grid) + 8
    # The values wrap where the grid would reach into the town's name on the left.
    room = right - label_w - (left + ff.width(paper.town, ff.BOLD, size + 2) + 30)
    value_w = min(170.0, room, max(ff.width(value, ff.REG, small) for _, value in grid) + 4)
    x = right - label_w - value_w
    y = 800.0
    edges = [y + small + 1]
    for label, value in grid:
        lines = ff.wrap(value, value_w - 2, ff.REG, small)
        flow.ops.append(fp.Text(x + 2, y, label, ff.REG, small))
        for k, text in enumerate(lines):
            flow.ops.append(fp.Text(x + label_w, y - k * step, text, ff.REG, small))
        y -= len(lines) * step
        edges.append(y + small + 1)
    if paper.grid_ruled:
        for edge in edges:
            flow.ops.append(fp.Rule(x - 2, edge, right + 2, edge))
        for col in (x - 2, x + label_w - 4, right + 2):
            flow.ops.append(fp.Rule(col, edges[0], col, edges[-1]))
    flow.y = min(left_bottom, y) - 30
    flow.ops.append(fp.Text(left, flow.y, paper.kind, ff.BOLD, paper.kind_size))
    flow.y -= paper.kind_size * 1.6


def _consultations(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The Beratungsfolge: a ruled table in one of three column orders."""
    flow.line("Beratungsfolge:", font=ff.BOLD)
    flow.space(flow.lead * 0.2)
    small = size - 1
    if paper.table_style == 0:
        header = ("Datum", "Gremium", "Zuständigkeit")
        cells = [[when, body, role] for when, body, role, _ in paper.rows]
    elif paper.table_style == 1:
        header = ("Status", "Datum", "Gremium", "Zuständigkeit")
        cells = [[mark, when, body, role] for when, body, role, mark in paper.rows]
    else:
        header = ("Datum", "Gremium", "Zuständigkeit", "Ö/N")
        cells = [[when, body, role, mark] for when, body, role, mark in paper.rows]
    widths = [max(ff.width(c, ff.BOLD, small) for c in (h, *(r[k] for r in cells))) + 14 for k, h in enumerate(header)]
    at = header.index("Gremium")
    widths[at] = 0
    widths[at] = flow.right - flow.left - sum(widths)
    flow.table(widths, cells, header=header, size=small, lead=small * 1.3)


def _proposal(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The proposal under its label: an opening sentence, then a paragraph or numbered items."""
    if paper.items is not None:
        template_flow.lettered_request(flow, paper.labels["resolution"], paper.items, size=size, opener=paper.opener)


def _finances(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The financial effects: boxes (vector or glyph) with "ja"/"nein", or a sentence."""
    style = paper.finance_style
    if style is None:
        return
    label = paper.labels["finances"]
    flow.ensure(flow.lead * 4)
    flow.y -= flow.lead * 0.4
    if style == "prose":
        flow.line(label, font=ff.BOLD, size=size + 0.5, lead=(size + 0.5) * 1.35)
        flow.space(flow.lead * 0.2)
        flow.para(paper.finance_note, after=flow.lead * 0.6)
        return
    if paper.boxes_beside:
        x = flow.left + ff.width(label, ff.BOLD, size + 0.5) + 18
        flow.ops.append(fp.Text(flow.left, flow.y, label, ff.BOLD, size + 0.5))
    else:
        flow.line(label, font=ff.BOLD, size=size + 0.5, lead=(size + 0.5) * 1.35)
        x = flow.left
    for option, checked in (("ja", paper.finance_yes), ("nein", not paper.finance_yes)):
        if style == "vector":
            flow.ops.append(fp.Box(x, flow.y, checked, f"fin_{option}"))
            flow.ops.append(fp.Text(x + 13, flow.y, option, ff.REG, size))
        else:
            flow.ops.append(fp.Text(x, flow.y, "☒" if checked else "☐", _symbols(), size + 1))
            flow.ops.append(fp.Text(x + size + 4, flow.y, option, ff.REG, size))
        x += 60
    flow.y -= flow.lead * 1.3
    if paper.finance_note:
        flow.para(paper.finance_note, after=flow.lead * 0.6)


def _attachments(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The attachment list, or "keine" beside its label."""
    label = paper.labels["attachments"]
    if paper.attachments_none:
        flow.y -= flow.lead * 0.4
        flow.ops.append(fp.Text(flow.left, flow.y, label, ff.BOLD, size))
        flow.line("keine", x=flow.left + ff.width(label, ff.BOLD, size) + 12)
        return
    if not paper.attachments:
        return
    flow.heading(label, size=size, before=flow.lead * 0.4, after=0)
    for entry in paper.attachments:
        flow.line(entry)


def _foot(pages: list[list[fp.Op]], paper: Paper, flow: template_flow.Flow) -> None:
    """Each page's foot in the drawn style, and from page 2 a running head where drawn."""
    total = len(pages)
    for n, ops in enumerate(pages, start=1):
        extra: list[fp.Op] = []
        if paper.footer_style == 0:
            extra.append(fp.Text(flow.w / 2, 36, f"Seite {n} von {total}", ff.REG, 8, "center"))
        elif paper.footer_style == 1:
            extra.append(fp.Text(flow.left, 36, paper.number, ff.REG, 8))
            extra.append(fp.Text(flow.right, 36, f"Seite {n}", ff.REG, 8, "right"))
        else:
            extra.append(fp.Text(flow.left, 36, f"Ausdruck vom: {vt.de_date(paper.printed_on)}", ff.REG, 8))
            extra.append(fp.Text(flow.right, 36, f"Seite: {n}/{total}", ff.REG, 8, "right"))
        if paper.running_head and n > 1:
            extra.append(fp.Text(flow.right, flow.h - 36, f"{paper.kind} {paper.number}", ff.REG, 9, "right"))
            extra.append(fp.Rule(flow.left, flow.h - 42, flow.right, flow.h - 42))
        ops[:0] = extra


def render(paper: Paper, size: float, lead: float, out: Path) -> int:
    """Render ``paper`` to ``out``; returns its page count."""
    left = 68.0
    flow = template_flow.Flow(left=left, right=532.0, body=size, lead=lead, top=770)
    _head(flow, paper, size)
    if paper.subject_label:
        tab = left + ff.width("Betreff:", ff.BOLD, size) + 14
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(paper.title, x=tab, font=ff.BOLD, after=lead)
    else:
        flow.para(paper.title, font=ff.BOLD, size=size + 1, after=lead)
    _consultations(flow, paper, size)
    _proposal(flow, paper, size)
    if paper.finances_first:
        _finances(flow, paper, size)
    flow.heading(paper.labels["justification"], size=size + 0.5, before=lead * 0.4, after=lead * 0.2)
    template_flow.blocks(flow, paper.content)
    if not paper.finances_first:
        _finances(flow, paper, size)
    _attachments(flow, paper, size)
    flow.space(lead * 1.2)
    if not paper.date_in_head:
        flow.line(f"{paper.place}, {vt.de_date(paper.signed)}")
        flow.space(lead * 0.5)
    template_flow.signature(flow, paper.signer, paper.signer_role, one_line=paper.one_line_signature)
    _foot(flow.pages, paper, flow)
    template_flow.render("reportlab", flow, flow.pages, template_flow.Meta(paper.title, paper.town), out)
    return template_flow.page_count(out)


def sdnet_vorlage(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one SD.NET Vorlage to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count). A paper of more than four pages is rendered
    again with half its facts' paragraphs."""
    size, lead = size_and_lead(rng)
    paper, golden = draw(rng, size)
    while render(paper, size, lead, out) > MAX_PAGES and len(paper.content) > 1:
        paper.content = paper.content[: max(1, len(paper.content) // 2)]
    golden["justification"] = vt.blocks_text(paper.content)
    return golden
