"""The ``beratungsverlauf`` variant family (built only when named): Beschlussvorlagen as council
information systems print them after their consultation, with each body's result on the paper.

The head is an SD.NET-like grid at the right of the town, an ALLRIS-like "Vorlage - 24/0815"
over label pairs, a SessionNet-like header table, or a system's print line ("Ratsinformationssystem
... Ausdruck vom") over "Beschlussvorlage 2024/0456" and label rows. The Beratungsfolge carries
the results: a ruled table "Datum | Gremium | Zuständigkeit | Ergebnis" (with or without an
"Ö/N" or "Status" column), "... | Ö/N | Abstimmung" with vote counts ("Ja 12 Nein 3 Enth. 1",
"einstimmig"), one cell "Zuständigkeit/Ergebnis" holding "Vorberatung – ungeändert beschlossen",
or ALLRIS's stacked lines with an "Ergebnis:" line under each row. A body that adjourned the
paper ("vertagt", "zurückgestellt") comes again with a later date; the last rows may still be
without a result. The proposal ("Beschlussvorschlag:", "Beschlussvorschlag der Verwaltung:"),
the facts ("Sachverhalt:", "Begründung:"), a finance line in prose and the attachments follow,
then about three papers in four carry a consultation record after the body or the signature:
"Beratungsverlauf:", "Auszug aus dem Beratungsergebnis", "Beratungsergebnis:", "Protokollauszug"
with per body "Sitzung des Bau- und Umweltausschusses am 12.03.2024" (or "Bauausschuss,
12.03.2024, öffentlich"), a TOP line, maybe a sentence of the debate, "Abstimmungsergebnis:
einstimmig" or vote counts, "Beschluss:" with the decided resolution (the proposal's items with
one changed, or one sentence), and a "Beschluss-Nr." line. Liberation Sans/Serif, DejaVu,
Carlito at 9-12 pt, one to five pages; about one paper in four is typed into a Word document and
converted by LibreOffice.

Golden conventions (from the sdnet-vorlage, allris and sessionnet families and
eval/real/README.md):

- ``number``, ``title``, ``document_type``, ``public``, ``originator`` (the office in charge),
  ``date`` of the head as the Vorlage families write them; ``body`` and ``faction`` null.
- ``consultations`` are the Beratungsfolge's rows in print order, a body that comes again after an
  adjournment once per row. ``role`` is the Zuständigkeit as planned ("Vorberatung",
  "Entscheidung", "Kenntnisnahme"), also where a cell joins it to the result ("Vorberatung –
  ungeändert beschlossen" → "Vorberatung"); ``public`` from an "Ö"/"N" column where printed,
  else null. The result ("geändert beschlossen", "vertagt", vote counts) belongs to no field: the
  Consultation model records the plan (body, date, public, role), not the outcome.
- The consultation record after the body adds no consultation: its bodies and dates are the
  Beratungsfolge's.
- ``resolution_proposal`` is the administration's proposal under its label; a decided (maybe
  changed) resolution under "Beschluss:" in the record is no part of it.
- ``justification`` is the facts' paragraphs; the finance line, the attachments, the signature
  and the consultation record are no part of it.
- ``attachments`` as printed without their enumeration; ``checkboxes`` none; ``finances`` null
  (no table of amounts).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import office_vorlage as ov
import template_flow
import variant_text as vt

MAX_PAGES = 5

# fmt: off
#: (the town as the head prints it, its place name).
TOWNS = (
    ("Stadt Rheine", "Rheine"), ("Stadt Hameln", "Hameln"), ("Gemeinde Ostercappeln", "Ostercappeln"),
    ("Stadt Bad Homburg v. d. Höhe", "Bad Homburg"), ("Stadt Wolfsburg", "Wolfsburg"),
    ("Hansestadt Stade", "Stade"), ("Stadt Neuwied", "Neuwied"), ("Kreisstadt Siegburg", "Siegburg"),
    ("Stadt Leinfelden-Echterdingen", "Leinfelden-Echterdingen"), ("Stadt Celle", "Celle"),
)
#: (a body as the Beratungsfolge names it, the body in the genitive of "Sitzung des/der ...").
COMMITTEES = (
    ("Bau- und Umweltausschuss", "des Bau- und Umweltausschusses"),
    ("Ausschuss für Planen und Bauen", "des Ausschusses für Planen und Bauen"),
    ("Haupt- und Finanzausschuss", "des Haupt- und Finanzausschusses"),
    ("Schulausschuss", "des Schulausschusses"),
    ("Ausschuss für Soziales, Jugend und Sport", "des Ausschusses für Soziales, Jugend und Sport"),
    ("Verwaltungsausschuss", "des Verwaltungsausschusses"),
    ("Ortsrat Mitte", "des Ortsrates Mitte"),
    ("Bezirksbeirat Süd", "des Bezirksbeirates Süd"),
    ("Ausschuss für Stadtentwicklung und Verkehr", "des Ausschusses für Stadtentwicklung und Verkehr"),
    ("Betriebsausschuss Stadtwerke", "des Betriebsausschusses Stadtwerke"),
)
COUNCILS = (
    ("Rat", "des Rates"), ("Rat der Stadt", "des Rates der Stadt"), ("Stadtrat", "des Stadtrates"),
    ("Gemeinderat", "des Gemeinderates"), ("Stadtverordnetenversammlung", "der Stadtverordnetenversammlung"),
)
OFFICES = (
    "Fachbereich 6 – Planen und Bauen", "Amt für Stadtentwicklung", "Fachdienst Tiefbau", "Dezernat III",
    "Amt 40 – Schulen und Sport", "Fachbereich Umwelt und Klima", "Kämmerei", "FB 2 – Bürgerdienste",
)
KINDS = ("Beschlussvorlage", "Beschlussvorlage", "Beschlussvorlage", "Sitzungsvorlage", "Vorlage")
#: Results of a preparing or deciding body, as the Beratungsfolge's column prints them.
PASSED = ("ungeändert beschlossen", "geändert beschlossen", "beschlossen", "empfohlen", "einstimmig empfohlen",
          "mehrheitlich beschlossen", "einstimmig beschlossen", "abgelehnt", "zur Kenntnis genommen")
ADJOURNED = ("vertagt", "zurückgestellt", "von der Tagesordnung abgesetzt")
RECORD_HEADINGS = ("Beratungsverlauf:", "Auszug aus dem Beratungsergebnis", "Beratungsergebnis:",
                   "Beratungsergebnisse:", "Protokollauszug", "Beratungsverlauf und Beschluss")
DEBATE = (
    "{name} erläutert die Vorlage anhand einer Präsentation.",
    "Auf Nachfrage von {name} teilt die Verwaltung mit, dass die Kosten im Haushalt veranschlagt sind.",
    "{name} beantragt, die Ziffer 2 des Beschlussvorschlags zu ändern.",
    "Nach kurzer Aussprache lässt der Vorsitzende über den geänderten Beschlussvorschlag abstimmen.",
    "Die Fraktionen signalisieren Zustimmung; {name} bittet um einen Bericht im nächsten Jahr.",
)
CHANGED_ITEMS = (
    "Die Verwaltung wird beauftragt, dem {body} bis zum {date} über den Stand der Umsetzung zu berichten.",
    "Die Maßnahme wird erst nach Vorliegen der Förderzusage begonnen.",
    "Die Planung ist mit dem Seniorenbeirat und dem Behindertenbeirat abzustimmen.",
    "Die Kosten dürfen den Betrag von {amount} EUR nicht überschreiten.",
)
# fmt: on


@dataclass(frozen=True)
class Row:
    """One row of the Beratungsfolge: when, who, the planned role, Ö/N, and the result if any."""

    date: dt.date
    body: str
    genitive: str
    role: str
    mark: str
    result: str  # "" while the body has not dealt with the paper yet
    votes: str  # "Ja 12 Nein 3 Enth. 1", "einstimmig" or ""


@dataclass
class Paper:
    """What one Vorlage with its consultation results prints, and its layout."""

    town: str
    place: str
    head: str  # "sdnet", "allris", "sessionnet" or "ris"
    number: str
    kind: str
    title: str
    status: str | None  # "öffentlich", "nichtöffentlich" or None (not printed)
    signed: dt.date
    office: str
    writer: str
    rows: list[Row]
    table: str  # "result", "status", "votes", "joined" or "stacked"
    dash: str
    items: tuple[tuple[str, str], ...] | str
    labels: dict[str, str]
    content: tuple[vt.Block, ...]
    finance: str | None
    attachments: tuple[str, ...]
    signer: str
    signer_role: str
    record: bool
    record_heading: str
    record_after_signature: bool
    record_new_page: bool
    record_style: int
    decided: dict[int, tuple[tuple[str, str], ...] | str]  # row index → the resolution decided there
    debate: dict[int, str]
    decision_numbers: dict[int, str]
    tops: dict[int, str]
    docx: bool
    golden: dict[str, Any] = field(default_factory=dict)


def _votes(rng: random.Random) -> str:
    """Vote counts as a record or a column prints them."""
    yes, no, abstain = rng.randint(5, 30), rng.randint(0, 8), rng.randint(0, 4)
    return rng.choice(
        (
            f"Ja {yes} Nein {no} Enth. {abstain}",
            f"{yes} Ja / {no} Nein / {abstain} Enthaltungen",
            f"{yes}:{no}:{abstain}",
        )
    )


def _rows(rng: random.Random, signed: dt.date, council: tuple[str, str]) -> list[Row]:
    """Two to five rows; the bodies that met have a result, one may have adjourned the paper and
    come again, the last ones may not have met yet."""
    plan: list[tuple[str, str, str]] = [(*vt_pick(rng, COMMITTEES), "Vorberatung") for _ in range(rng.randint(1, 3))]
    last_role = rng.choice(("Entscheidung", "Entscheidung", "Beschlussfassung"))
    if rng.random() < 0.7:
        plan.append((*council, last_role))
    else:
        plan[-1] = (plan[-1][0], plan[-1][1], last_role)
    if rng.random() < 0.12:
        plan.insert(0, (*vt_pick(rng, COMMITTEES), "Kenntnisnahme"))
    met = rng.randint(1, len(plan))
    rows: list[Row] = []
    when = signed
    adjourned = False
    for k, (body, genitive, role) in enumerate(plan):
        when = vt.later(rng, when, 6, 28)
        mark = rng.choice(("Ö", "Ö", "Ö", "N"))
        if k >= met:
            rows.append(Row(when, body, genitive, role, mark, "", ""))
            continue
        if not adjourned and rng.random() < 0.2:
            adjourned = True
            rows.append(Row(when, body, genitive, role, mark, vt.pick(rng, ADJOURNED), ""))
            when = vt.later(rng, when, 14, 35)
        result = "zur Kenntnis genommen" if role == "Kenntnisnahme" else vt.pick(rng, PASSED[:-1])
        votes = "einstimmig" if "einstimmig" in result or rng.random() < 0.3 else _votes(rng)
        rows.append(Row(when, body, genitive, role, mark, result, votes))
    return rows


def vt_pick(rng: random.Random, pool: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """One pair of ``pool``."""
    return pool[rng.randrange(len(pool))]


def _number(rng: random.Random, year: int) -> str:
    count = rng.randint(1, 999)
    return rng.choice(
        (f"VO/{year}/{count:04d}", f"{year % 100}/{count:04d}", f"BV/{count:03d}/{year}", f"{count:04d}/{year}")
    )


def _decided(
    rng: random.Random, items: tuple[tuple[str, str], ...] | str, row: Row, council: str
) -> tuple[tuple[str, str], ...] | str:
    """The resolution a body decided: the proposal as it stands, with one item changed or added,
    or a sentence that recommends or adopts it."""
    if row.result in ADJOURNED:
        return f"Die Beratung wird {'vertagt' if row.result == 'vertagt' else 'zurückgestellt'}."
    if "Kenntnis" in row.result:
        return f"Der {row.body} nimmt die Vorlage zur Kenntnis."
    if "geändert" not in row.result or "ungeändert" in row.result or isinstance(items, str):
        if row.role == "Vorberatung":
            return f"Der {row.body} empfiehlt dem {council}, gemäß Beschlussvorschlag der Verwaltung zu beschließen."
        return "Dem Beschlussvorschlag der Verwaltung wird zugestimmt."
    changed = vt.pick(rng, CHANGED_ITEMS).format(
        body=row.body,
        date=vt.de_date(vt.later(rng, row.date, 60, 200)),
        amount=f"{rng.randint(50, 900) * 1000:,}".replace(",", "."),
    )
    out = list(items)
    if rng.random() < 0.5:
        k = rng.randrange(len(out))
        out[k] = (out[k][0], changed)
    else:
        out.append((f"{len(out) + 1}.", changed))
    return tuple(out)


def draw(rng: random.Random) -> Paper:
    """Draw one Vorlage with its results and its golden values."""
    town, place = TOWNS[rng.randrange(len(TOWNS))]
    signed = vt.day(rng)
    council = vt_pick(rng, COUNCILS)
    kind = vt.pick(rng, KINDS)
    rows = _rows(rng, signed, council)
    texts = list(dict.fromkeys(text.replace("Stadtrat", council[0]) for _, text in vt.resolution_items(rng, 8, "1.")))
    items: tuple[tuple[str, str], ...] | str
    if rng.random() < 0.3:
        items = texts[0]
    else:
        items = tuple((f"{i}.", text) for i, text in enumerate(texts[: rng.randint(2, 4)], start=1))
    status = rng.choice(("öffentlich", "öffentlich", "nichtöffentlich", None))
    head = rng.choice(("sdnet", "allris", "sessionnet", "ris"))
    docx = rng.random() < 0.25
    # The stacked rows are ALLRIS's print; a Word template sets the Beratungsfolge as a table.
    stacked = head == "allris" and not docx
    table = rng.choice(("result", "status", "votes", "joined", "stacked" if stacked else "result"))
    if docx and table in ("status", "votes"):
        # Five columns overflow a Word template's table at the page's width (LibreOffice clips
        # the cells' words); the template's table has four.
        table = "result"
    names = rng.sample(
        ("Lageplan", "Kostenschätzung", "Entwurfsplanung", "Stellungnahme des Ortsrates"), rng.randint(0, 3)
    )
    year = signed.year + rng.randint(0, 1)
    finance = rng.choice(
        (
            None,
            f"Die Kosten in Höhe von {vt.de_amount(vt.amount(rng, 20, 900) * 1000)} EUR sind im Haushalt "
            f"{year} veranschlagt.",
            "Es entstehen keine finanziellen Auswirkungen.",
            f"Die Mittel stehen im Produkt {rng.randint(11, 57)}.{rng.randint(10, 99)}.01 zur Verfügung.",
        )
    )
    met = [k for k, row in enumerate(rows) if row.result]
    record = rng.random() < 0.75
    decided = {k: _decided(rng, items, rows[k], council[0]) for k in met}
    debate = {
        k: vt.pick(rng, DEBATE).format(name=f"{rng.choice(('Herr', 'Frau'))} {vt.pick(rng, vt.LAST_NAMES)}")
        for k in met
        if rng.random() < 0.4
    }
    decision_numbers = {
        k: rng.choice(
            (f"{rng.randint(1, 300):03d}/{rows[k].date.year}", f"B/{rows[k].date.year}/{rng.randint(1, 300)}")
        )
        for k in met
        if rng.random() < 0.6
    }
    tops = {k: f"TOP {rng.randint(3, 18)}{rng.choice(('', '', '.1'))}" for k in met if rng.random() < 0.5}
    paper = Paper(
        town=town,
        place=place,
        head=head,
        number=_number(rng, signed.year),
        kind=kind,
        title=vt.title(rng, rng.choice((5, 8, 12, 18))),
        status=status,
        signed=signed,
        office=vt.pick(rng, OFFICES),
        writer=f"{vt.pick(rng, vt.FIRST_NAMES)} {vt.pick(rng, vt.LAST_NAMES)}",
        rows=rows,
        table=table,
        dash=rng.choice((" – ", " - ", ": ", " / ")),
        items=items,
        labels={
            "resolution": rng.choice(
                ("Beschlussvorschlag:", "Beschlussvorschlag der Verwaltung:", "Beschlussvorschlag")
            ),
            "justification": rng.choice(
                ("Sachverhalt:", "Begründung:", "Sachverhalt und Begründung:", "Sachdarstellung:")
            ),
            "finances": rng.choice(("Finanzielle Auswirkungen:", "Haushaltsmäßige Auswirkungen:")),
            "attachments": rng.choice(("Anlagen:", "Anlage(n):")),
        },
        content=vt.blocks(rng, rng.choice((1, 2, 3, 4, 6, 9, 14))),
        finance=finance,
        attachments=tuple(names),
        signer=vt.person(rng),
        signer_role=rng.choice(("Bürgermeister", "Oberbürgermeisterin", "Erster Beigeordneter")),
        record=record,
        record_heading=vt.pick(rng, RECORD_HEADINGS),
        record_after_signature=rng.random() < 0.5,
        record_new_page=rng.random() < 0.3,
        record_style=rng.randrange(3),
        decided=decided,
        debate=debate,
        decision_numbers=decision_numbers,
        tops=tops,
        docx=docx,
    )
    has_status = table in ("status", "votes", "stacked")
    paper.golden = {
        "number": paper.number,
        "title": paper.title,
        "document_type": kind,
        "public": None if status is None else status == "öffentlich",
        "body": None,
        "originator": paper.office,
        "faction": None,
        "date": signed.isoformat(),
        "consultations": [
            {
                "body": r.body,
                "date": r.date.isoformat(),
                "public": (r.mark == "Ö") if has_status else None,
                "role": r.role,
            }
            for r in rows
        ],
        "resolution_proposal": vt.items_golden(items),
        "checkboxes": [],
        "finances": None,
        "attachments": list(names),
        "justification": vt.blocks_text(paper.content),
    }
    return paper


def head_rows(paper: Paper) -> list[tuple[str, str]]:
    """The head's (label, value) rows."""
    rows = [("Vorlage-Nr.:", paper.number)]
    if paper.status:
        rows.append(("Status:", paper.status))
    rows += [("Datum:", vt.de_date(paper.signed)), ("Federführend:", paper.office), ("Verfasser:", paper.writer)]
    return rows


def table_cells(paper: Paper) -> tuple[list[str], list[list[str]], int]:
    """The Beratungsfolge's header, cells and the body's column for the drawn table style."""
    rows = paper.rows
    if paper.table == "status":
        header = ["Status", "Datum", "Gremium", "Zuständigkeit", "Ergebnis"]
        cells = [[r.mark, vt.de_date(r.date), r.body, r.role, r.result] for r in rows]
        return header, cells, 2
    if paper.table == "votes":
        header = ["Datum", "Gremium", "Zuständigkeit", "Ö/N", "Abstimmung"]
        cells = [[vt.de_date(r.date), r.body, r.role, r.mark, r.votes or r.result] for r in rows]
        return header, cells, 1
    if paper.table == "joined":
        header = ["Datum", "Gremium", "Zuständigkeit/Ergebnis"]
        cells = [[vt.de_date(r.date), r.body, r.role + (paper.dash + r.result if r.result else "")] for r in rows]
        return header, cells, 1
    header = ["Datum", "Gremium", "Zuständigkeit", "Status/Ergebnis"]
    cells = [[vt.de_date(r.date), r.body, r.role, r.result] for r in rows]
    return header, cells, 1


def record_lines(paper: Paper) -> list[tuple[str, str | tuple[tuple[str, str], ...]]]:
    """The consultation record as (kind, text) parts: "head" lines in bold, "line"s, "items"."""
    out: list[tuple[str, Any]] = [("title", paper.record_heading)]
    for k, row in enumerate(paper.rows):
        if k not in paper.decided:
            continue
        public = "öffentlich" if row.mark == "Ö" else "nichtöffentlich"
        if paper.record_style == 0:
            out.append(("head", f"Sitzung {row.genitive} am {vt.de_date(row.date)}"))
        elif paper.record_style == 1:
            out.append(("head", f"{row.body}, {vt.de_date(row.date)}, {public}"))
        else:
            out.append(("head", f"{vt.de_date(row.date)} – {row.body} – {row.role}"))
        if k in paper.tops:
            out.append(("line", f"{paper.tops[k]} {row.mark}"))
        if k in paper.debate:
            out.append(("line", paper.debate[k]))
        decided = paper.decided[k]
        if row.result not in ADJOURNED:
            out.append(("line", f"Abstimmungsergebnis: {row.votes or row.result}"))
            changed = "geändert" in row.result and "ungeändert" not in row.result
            out.append(("label", "Beschluss (geändert):" if changed else "Beschluss:"))
        else:
            out.append(("label", "Ergebnis:"))
        out.append(("items", decided) if not isinstance(decided, str) else ("line", decided))
        if k in paper.decision_numbers:
            out.append(("line", f"Beschluss-Nr.: {paper.decision_numbers[k]}"))
    return out


# --------------------------------------------------------------------------
# reportlab
# --------------------------------------------------------------------------


def _head(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    left, right = flow.left, flow.right
    small = size - 1
    if paper.head == "sdnet":
        flow.ops.append(fp.Text(left, 800, paper.town, ff.BOLD, size + 2))
        rows = head_rows(paper)
        label_w = max(ff.width(label, ff.REG, small) for label, _ in rows) + 8
        value_w = min(170.0, max(ff.width(value, ff.REG, small) for _, value in rows) + 4)
        x, y = right - label_w - value_w, 800.0
        for label, value in rows:
            lines = ff.wrap(value, value_w - 2, ff.REG, small)
            flow.ops.append(fp.Text(x, y, label, ff.REG, small))
            for k, text in enumerate(lines):
                flow.ops.append(fp.Text(x + label_w, y - k * (small + 4), text, ff.REG, small))
            y -= len(lines) * (small + 4)
        flow.y = y - 24
        flow.line(paper.kind, font=ff.BOLD, size=size + 6, lead=(size + 6) * 1.6)
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(paper.title, x=left + ff.width("Betreff:", ff.BOLD, size) + 14, font=ff.BOLD, after=flow.lead)
    elif paper.head == "allris":
        flow.y = 800
        flow.line(paper.town, x=right, size=9, align="right", lead=20)
        flow.line(f"Vorlage - {paper.number}", font=ff.BOLD, size=15, lead=12)
        flow.ops.append(fp.Rule(left, flow.y, right, flow.y, 1.0))
        flow.space(18)
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, 10))
        for line in ff.wrap(paper.title, right - 140, ff.BOLD, 11):
            flow.line(line, x=140, font=ff.BOLD, size=11, lead=14)
        flow.space(6)
        pairs = [
            (("Status:", paper.status or "–"), ("Vorlage-Art:", paper.kind)),
            (("Federführend:", paper.office), ("Datum:", vt.de_date(paper.signed))),
            (("Verfasser:", paper.writer), None),
        ]
        if paper.status is None:
            pairs[0] = (("Vorlage-Art:", paper.kind), None)
        # The values stand at a tab past the widest label, in whatever face the print is set.
        tab = max(140.0, left + max(ff.width(pair[0], ff.BOLD, 10) for row in pairs for pair in row[:1]) + 10)
        tab2 = max(405.0, 330 + ff.width("Vorlage-Art:", ff.BOLD, 10) + 10)
        for first, second in pairs:
            flow.ops.append(fp.Text(left, flow.y, first[0], ff.BOLD, 10))
            flow.ops.append(fp.Text(tab, flow.y, first[1], ff.REG, 10))
            if second:
                flow.ops.append(fp.Text(330, flow.y, second[0], ff.BOLD, 10))
                flow.ops.append(fp.Text(tab2, flow.y, second[1], ff.REG, 10))
            flow.space(15)
        flow.ops.append(fp.Rule(left, flow.y + 5, right, flow.y + 5, 0.5))
        flow.space(14)
    elif paper.head == "sessionnet":
        flow.y = 806
        flow.line(paper.town, x=right, font=ff.BOLD, size=10, align="right", lead=22)
        flow.line(f"{paper.kind} {paper.number}", font=ff.BOLD, size=16, lead=14)
        cells = [(f"Vorlagenart: {paper.kind}", f"Datum: {vt.de_date(paper.signed)}")]
        cells.append((f"Federführend: {paper.office}", f"Status: {paper.status}" if paper.status else ""))
        flow.table((300, right - left - 300), cells, size=9.5)
        flow.space(4)
        flow.line("Betreff:", size=9, lead=14)
        for line in ff.wrap(paper.title, right - left, ff.BOLD, 12):
            flow.line(line, font=ff.BOLD, size=12, lead=15)
        flow.space(6)
    else:
        flow.y = 806
        flow.line(f"Ratsinformationssystem {paper.town}", size=8, lead=11)
        flow.line(f"Ausdruck vom {vt.de_date(vt.later(random.Random(paper.number), paper.signed, 30, 90))}", size=8)
        flow.space(6)
        flow.line(f"{paper.kind} {paper.number}", font=ff.BOLD, size=size + 5, lead=(size + 5) * 1.5)
        for label, value in head_rows(paper)[1:]:
            flow.ops.append(fp.Text(left, flow.y, label, ff.REG, size))
            flow.line(value, x=left + 95)
        flow.space(flow.lead * 0.5)
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(paper.title, x=left + 95, font=ff.BOLD, after=flow.lead)


def _consultations(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    small = size - 1
    flow.line("Beratungsfolge:", font=ff.BOLD)
    flow.space(flow.lead * 0.2)
    if paper.table == "stacked":
        for r in paper.rows:
            flow.ensure(small * 1.3 * 4 + 6)
            flow.line(vt.de_date(r.date), x=140, size=small, lead=small * 1.3)
            flow.line(r.body, x=140, size=small, lead=small * 1.3)
            flow.ops.append(fp.Text(flow.right, flow.y, r.mark, ff.REG, small, "right"))
            flow.line(r.role, x=140, size=small, lead=small * 1.3)
            if r.result:
                flow.line(f"Ergebnis: {r.result}", x=140, size=small, lead=small * 1.3)
            flow.space(5)
        flow.space(flow.lead * 0.4)
        return
    header, cells, at = table_cells(paper)
    widths = [max(ff.width(c, ff.BOLD, small) for c in (h, *(r[k] for r in cells))) + 12 for k, h in enumerate(header)]
    # A column wraps between words, never inside one: its longest word is its floor.
    floors = [
        max(ff.width(w, ff.BOLD, small) for c in (h, *(r[k] for r in cells)) for w in c.split() or [""]) + 12
        for k, h in enumerate(header)
    ]
    widths[at] = floors[at] + 40
    total = flow.right - flow.left
    while sum(widths) > total:
        # The widest column that may still wrap gives way first.
        wrapping = [k for k in range(len(widths)) if k != at and widths[k] > floors[k] + 1]
        if not wrapping:
            break
        wide = max(wrapping, key=lambda k: widths[k] - floors[k])
        widths[wide] = max(floors[wide], widths[wide] - (sum(widths) - total))
    widths[at] += max(0.0, total - sum(widths))
    flow.table(widths, cells, header=header, size=small, lead=small * 1.3)


def _record(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    if paper.record_new_page:
        flow.new_page()
    else:
        flow.space(flow.lead)
    for kind, value in record_lines(paper):
        if kind == "title":
            flow.heading(str(value), size=size + 1.5, before=flow.lead * 0.3, after=flow.lead * 0.3)
        elif kind == "head":
            flow.ensure(flow.lead * 4)
            flow.space(flow.lead * 0.4)
            flow.para(str(value), font=ff.BOLD, after=2)
        elif kind == "label":
            flow.line(str(value), font=ff.BOLD)
        elif kind == "items":
            flow.items(list(value), indent=20, gap=2)
        else:
            flow.para(str(value), after=2)


def render(paper: Paper, size: float, lead: float, producer: str, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF."""
    flow = template_flow.Flow(left=68.0, right=530.0, body=size, lead=lead, top=775)
    _head(flow, paper, size)
    _consultations(flow, paper, size)
    labels = paper.labels
    template_flow.request(flow, labels["resolution"], paper.items, before=flow.lead * 0.4)
    flow.heading(labels["justification"], size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.2)
    template_flow.blocks(flow, paper.content)
    if paper.finance:
        flow.heading(labels["finances"], size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.2)
        flow.para(paper.finance)
    if paper.attachments:
        flow.heading(labels["attachments"], size=size, before=flow.lead * 0.4, after=0)
        for name in paper.attachments:
            flow.line(name)
    if paper.record and not paper.record_after_signature:
        _record(flow, paper, size)
    flow.space(lead * 1.2)
    flow.ensure(lead * 3)
    template_flow.signature(flow, paper.signer, paper.signer_role, one_line=False)
    if paper.record and paper.record_after_signature:
        _record(flow, paper, size)
    pages = flow.finish(
        header=f"{paper.kind} {paper.number}" if paper.head != "allris" else f"Vorlage - {paper.number}"
    )
    template_flow.render(producer, flow, pages, template_flow.Meta(paper.title, paper.town), out)
    return out


# --------------------------------------------------------------------------
# Word, converted by LibreOffice
# --------------------------------------------------------------------------


def write_docx(paper: Paper, look: ov.Look, path: Path) -> None:
    """Type ``paper`` into a Word document and save it to ``path``."""
    w = ov.Writer(look, paper.town, paper.title)
    size = look.size
    w.par(paper.town, bold=True, size=size + 2, after=6)
    w.grid(head_rows(paper))
    w.par(after=6)
    w.par(paper.kind, bold=True, size=size + 5, after=6)
    w.tabbed("Betreff:", paper.title, max(2.0, look.label_cm * 0.7), bold=True, after=8)
    header, cells, at = table_cells(paper)
    w.consultations(header, cells, at)
    w.heading(paper.labels["resolution"], size=size + 0.5)
    items = paper.items if isinstance(paper.items, str) else tuple((label, text, ()) for label, text in paper.items)
    w.items(items, None)
    w.heading(paper.labels["justification"], size=size + 0.5)
    w.blocks(paper.content)
    if paper.finance:
        w.heading(paper.labels["finances"], size=size + 0.5)
        w.par(paper.finance, after=6)
    if paper.attachments:
        w.heading(paper.labels["attachments"], size=size)
        for name in paper.attachments:
            w.par(name)

    def record() -> None:
        if paper.record_new_page:
            w.page_break()
        for kind, value in record_lines(paper):
            if kind == "title":
                w.heading(str(value), size=size + 1.5, before=12)
            elif kind == "head":
                w.heading(str(value), before=8)
            elif kind == "label":
                w.par(str(value), bold=True)
            elif kind == "items":
                w.items(tuple((label, text, ()) for label, text in value), None)
            else:
                w.par(str(value), after=3)

    if paper.record and not paper.record_after_signature:
        record()
    w.par(after=size)
    w.par(f"gez. {paper.signer}")
    w.par(paper.signer_role, after=6)
    if paper.record and paper.record_after_signature:
        record()
    w.furniture(paper.number, f"{paper.kind} {paper.number}" if look.running_head else "")
    w.save(path)


def beratungsverlauf(
    rng: random.Random,
    out: Path,
    font: str,
    size_and_lead: Callable[[random.Random], tuple[float, float]],
    fonts: Sequence[str],
) -> dict[str, Any]:
    """Draw and render one Vorlage with its consultation results to ``out`` in ``font`` (reportlab
    or fpdf2, or Word and LibreOffice); returns its golden fields with the page count. A paper of
    more than :data:`MAX_PAGES` pages is rendered again with half its facts."""
    size, lead = size_and_lead(rng)
    paper = draw(rng)
    producer = "fpdf2" if rng.random() < 0.3 and font == "Liberation Sans" else "reportlab"
    look = ov.draw_look(rng, fonts, size) if paper.docx else None

    def shrink() -> bool:
        if len(paper.content) == 1:
            return False
        paper.content = paper.content[: max(1, len(paper.content) // 2)]
        paper.golden["justification"] = vt.blocks_text(paper.content)
        return True

    pages = template_flow.render_paper(
        "beratungsverlauf",
        out,
        (lambda path: write_docx(paper, look, path)) if look is not None else None,
        lambda: render(paper, size, lead, producer, out),
        shrink,
        MAX_PAGES,
    )
    golden = dict(paper.golden)
    golden["page_count"] = pages
    return golden
