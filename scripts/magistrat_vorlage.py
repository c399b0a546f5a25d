"""The ``magistrat-vorlage`` variant family (built only when named): a Hessian town's Vorlage of the
Magistrat to the Stadtverordnetenversammlung, drawn from a ``random.Random``.

In Hesse the town's executive, the Magistrat, puts its papers to the Stadtverordnetenversammlung. Their head is a ruled
grid of label and value cells ("Vorlage Nr." with a letter and a space before the count, "M
123/2024" or "SV-M 45/2025"; "Dezernat", "Amt", "Datum", "Status"), the subject after "Betreff" in
a cell of its own or under the grid, a Beratungsfolge grid (body, meeting day, a column for the
result left empty), the proposal after "Antrag:" or "Der Magistrat schlägt vor:", opened by "Die
Stadtverordnetenversammlung wolle beschließen:" or "Die Stadtverordnetenversammlung möge
beschließen:", the reasons after "Begründung:", attachments, and "Der Magistrat" over the mayor's
name with "gez." or without. Goldens: the number as printed, the office ("Amt", else "Dezernat") as
originator, body null (a Vorlage to the assembly names its addressee, not the body it belongs to),
public from the status cell, consultations with their date and body.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

TOWNS = ("Stadt Marburg", "Stadt Gießen", "Stadt Fulda", "Stadt Hanau", "Stadt Wetzlar", "Stadt Rüsselsheim am Main")
DEZERNATE = ("Dezernat I", "Dezernat II", "Dezernat III", "Dezernat IV")
AEMTER = (
    "Amt für Stadtplanung",
    "Fachdienst Tiefbau",
    "Amt für Umwelt, Natur und Klimaschutz",
    "Fachbereich Bauen und Wohnen",
    "Amt für Schule und Bildung",
)
COMMITTEES = (
    "Bau- und Planungsausschuss",
    "Haupt- und Finanzausschuss",
    "Ausschuss für Umwelt und Klimaschutz",
    "Sozialausschuss",
    "Ortsbeirat Mitte",
)
KINDS = ("Magistratsvorlage", "Beschlussvorlage", "Vorlage des Magistrats", "Mitteilungsvorlage")
PROPOSAL_LABELS = ("Antrag:", "Der Magistrat schlägt vor:", "Beschlussvorschlag:")
OPENERS = (
    "Die Stadtverordnetenversammlung wolle beschließen:",
    "Die Stadtverordnetenversammlung möge beschließen:",
    "Die Stadtverordnetenversammlung beschließt:",
)


def _number(rng: random.Random, year: int) -> str:
    """A Magistrat paper's number: a letter code, a space, the count and the year."""
    count = rng.randint(1, 350)
    return rng.choice((f"M {count}/{year}", f"SV-M {count}/{year}", f"VL {count}/{year}"))


def magistrat_vorlage(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one Magistrat Vorlage to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    town = vt.pick(rng, TOWNS)
    signed = vt.day(rng)
    number = _number(rng, signed.year)
    kind = vt.pick(rng, KINDS)
    informational = kind == "Mitteilungsvorlage"
    dezernat = vt.pick(rng, DEZERNATE)
    amt = vt.pick(rng, AEMTER) if rng.random() < 0.7 else None
    public = rng.choice((True, True, False, None))
    title = vt.title(rng, rng.choice((5, 8, 12, 16)))
    rows = []
    when = signed
    for _ in range(rng.randint(1, 3)):
        when = vt.later(rng, when, 5, 25)
        rows.append((vt.pick(rng, COMMITTEES), vt.de_date(when)))
    when = vt.later(rng, when, 5, 25)
    rows.append(("Stadtverordnetenversammlung", vt.de_date(when)))
    items = None if informational else _request(rng)
    reasons = vt.blocks(rng, rng.randint(1, 8), bullets=False)
    names = ("Lageplan", "Kostenberechnung", "Entwurfsplanung", "Stellungnahme des Ortsbeirats")
    attachments = [f"Anlage {i}: {vt.pick(rng, names)}" for i in range(1, rng.randint(0, 3) + 1)]

    left, right = 65.0, 535.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.ops.append(fp.Text(left, 805, town, ff.BOLD, size + 3))
    flow.ops.append(fp.Text(right, 805, "Der Magistrat", ff.REG, size, "right"))
    flow.y = 780
    flow.line(kind, font=ff.BOLD, size=size + 4)
    flow.space(lead * 0.4)
    grid = [["Vorlage Nr.", number], ["Dezernat", dezernat]]
    if amt:
        grid.append(["Amt", amt])
    grid.append(["Datum", vt.de_date(signed)])
    if public is not None:
        grid.append(["Status", "öffentlich" if public else "nichtöffentlich"])
    title_in_grid = rng.random() < 0.5
    if title_in_grid:
        grid.append(["Betreff", title])
    label_w = max(ff.width(label, ff.REG, size - 0.5) for label, _ in grid) + 16
    flow.table((label_w, right - left - label_w), grid, size=size - 0.5, lead=(size - 0.5) * 1.3)
    if not title_in_grid:
        flow.line("Betreff:", font=ff.BOLD)
        flow.para(title, font=ff.BOLD, after=lead)
    flow.line("Beratungsfolge", font=ff.BOLD)
    flow.space(lead * 0.2)
    flow.table(
        (right - left - 170.0, 85.0, 85.0),
        [[body, day, ""] for body, day in rows],
        header=("Gremium", "Sitzung am", "Ergebnis"),
        size=size - 1,
    )
    if items is not None:
        heading = vt.pick(rng, PROPOSAL_LABELS)
        template_flow.request(flow, heading, items, before=lead * 0.3, opener=vt.pick(rng, OPENERS))
    flow.heading("Begründung:" if not informational else "Sachverhalt:", size=size + 0.5, before=lead * 0.3)
    template_flow.blocks(flow, reasons)
    if attachments:
        template_flow.attachment_list(flow, attachments)
    flow.space(lead)
    flow.line("Der Magistrat")
    flow.space(lead * 0.4)
    flow.line(("gez. " if rng.random() < 0.5 else "") + vt.person(rng))
    flow.line(rng.choice(("Oberbürgermeister", "Oberbürgermeisterin", "Bürgermeisterin", "Stadtrat")))
    pages = flow.finish(header=f"{kind} {number}", footer="Seite {n} von {m}")
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, town), out)
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": public,
        "originator": amt or dezernat,
        "date": signed.isoformat(),
        "consultations": [{"body": body, "date": vt.iso(day), "public": None, "role": None} for body, day in rows],
        "resolution_proposal": vt.items_golden(items),
        "attachments": attachments,
        "justification": vt.blocks_text(reasons),
    }


def _request(rng: random.Random) -> tuple[tuple[str, str], ...] | str:
    """One paragraph or numbered items, in the assembly's words."""
    if rng.random() < 0.35:
        return vt.resolution_items(rng, 1, "1.")[0][1].replace("Stadtrat", "Stadtverordnetenversammlung")
    items = vt.resolution_items(rng, rng.randint(2, 5), "1.")
    return tuple((label, text.replace("Der Stadtrat", "Die Stadtverordnetenversammlung")) for label, text in items)
