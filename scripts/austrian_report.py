"""The ``austrian-report`` variant family (built only when named): an Austrian city's report or
motion to its Gemeinderat, drawn from a ``random.Random``.

An Austrian city's department puts its business to the Gemeinderat under a file number ("GZ: A 8 –
12345/2024-3", "Zl. 05-123/2024", "GZ.: Präs. 1234/2024"), dated in Austrian months ("Graz, 12.
Jänner 2024", "3. Feber 2023"); the head names the city and the department (the originator), the
kind in large type ("Bericht an den Gemeinderat", "Antrag an den Gemeinderat", "Motivenbericht"),
the clerk and the rapporteur ("Bearbeiterin: Mag. Anna Huber", "Berichterstatter: GR Max Berger"),
the subject after "Betreff:"; the reasons under "Motivenbericht:" or "Sachverhalt:", then the
committee's motion in a sentence that ends in the formula ("Der Ausschuss für Verkehr stellt daher
den Antrag, der Gemeinderat wolle beschließen:") over numbered items or one paragraph, and the
signatures ("Der Abteilungsvorstand:", "Der Berichterstatter:") side by side. Goldens: the number
as printed after its label, the department as originator, the Gemeinderat as body, the kind as
the vocabulary names it ("Bericht", "Antrag", "Motivenbericht"), the items without their formula.
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

CITIES = ("Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Villach", "St. Pölten")
DEPARTMENTS = (
    "Abteilung für Verkehrsplanung",
    "Stadtbaudirektion",
    "Finanz- und Vermögensdirektion",
    "Abteilung für Bildung und Integration",
    "Umweltamt",
    "Präsidialabteilung",
)
COMMITTEES = ("Ausschuss für Verkehr", "Finanzausschuss", "Ausschuss für Stadtentwicklung", "Stadtsenat")
#: The months as Austrian papers write them.
MONTHS = ("Jänner", "Feber", *vt.MONTHS[2:])
#: (kind as printed in the head, kind as golden).
KINDS = (
    ("Bericht an den Gemeinderat", "Bericht"),
    ("Antrag an den Gemeinderat", "Antrag"),
    ("Bericht an den Gemeinderat", "Bericht"),
)
REASONS = ("Motivenbericht:", "Sachverhalt:", "Begründung:")
PEOPLE_TITLES = ("Mag.", "DI", "Dr.", "Ing.", "")


def _number(rng: random.Random, year: int) -> tuple[str, str]:
    """The file number as printed with its label, and the number."""
    form = rng.randrange(3)
    if form == 0:
        number = f"A {rng.randint(1, 23)} – {rng.randint(1000, 99999)}/{year}-{rng.randint(1, 9)}"
        return f"GZ: {number}", number
    if form == 1:
        number = f"{rng.randint(1, 20):02d}-{rng.randint(1, 999)}/{year}"
        return f"Zl. {number}", number
    number = f"Präs. {rng.randint(100, 9999)}/{year}"
    return f"GZ.: {number}", number


def _person(rng: random.Random) -> str:
    title = rng.choice(PEOPLE_TITLES)
    return f"{title} {vt.person(rng)}".strip()


def austrian_report(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one Austrian report to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    city = vt.pick(rng, CITIES)
    department = vt.pick(rng, DEPARTMENTS)
    signed = vt.day(rng)
    printed_number, number = _number(rng, signed.year)
    printed_kind, kind = KINDS[rng.randrange(len(KINDS))]
    title = vt.title(rng, rng.choice((5, 8, 12)))
    reasons = vt.blocks(rng, rng.randint(2, 8), bullets=False)
    committee = vt.pick(rng, COMMITTEES)
    items = _items(rng)
    dated = f"{city}, {signed.day}. {MONTHS[signed.month - 1]} {signed.year}"

    left, right = 70.0, 525.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.ops.append(fp.Text(left, 805, f"Stadt {city}", ff.BOLD, size + 2))
    flow.ops.append(fp.Text(left, 805 - (size + 5), department, ff.REG, size))
    flow.ops.append(fp.Text(right, 805, printed_number, ff.REG, size - 0.5, "right"))
    flow.ops.append(fp.Text(right, 805 - (size + 5), dated, ff.REG, size - 0.5, "right"))
    flow.y = 760
    flow.line(printed_kind, font=ff.BOLD, size=size + 4)
    flow.space(lead * 0.4)
    for label, person in (("Bearbeitung:", _person(rng)), ("Berichterstattung:", f"GR {vt.person(rng)}")):
        flow.ops.append(fp.Text(left, flow.y, label, ff.REG, size))
        flow.line(person, x=left + 110)
    flow.space(lead * 0.5)
    flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
    flow.para(title, x=left + ff.width("Betreff:", ff.BOLD, size) + 10, font=ff.BOLD, after=lead)
    flow.heading(vt.pick(rng, REASONS), size=size + 0.5, before=lead * 0.3, after=lead * 0.2)
    template_flow.blocks(flow, reasons)
    formula = f"Der {committee} stellt daher den Antrag, der Gemeinderat wolle beschließen:"
    flow.space(lead * 0.3)
    flow.para(formula, after=lead * 0.3)
    if isinstance(items, str):
        flow.para(items, after=lead)
    else:
        flow.items(items, indent=20, gap=3)
        flow.space(lead * 0.5)
    flow.space(lead)
    flow.ensure(lead * 3)  # the signatures stay together, clear of the page's foot
    flow.ops.append(fp.Text(left, flow.y, "Der Abteilungsvorstand:", ff.REG, size))
    flow.ops.append(fp.Text(left + 240, flow.y, "Der Berichterstatter:", ff.REG, size))
    flow.y -= lead * 1.5
    flow.ops.append(fp.Text(left, flow.y, _person(rng), ff.REG, size))
    flow.ops.append(fp.Text(left + 240, flow.y, vt.person(rng), ff.REG, size))
    flow.y -= lead
    pages = flow.finish(header=f"{printed_number}", footer="Seite {n} von {m}")
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, f"Stadt {city}"), out)
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "body": "Gemeinderat",
        "originator": department,
        "date": signed.isoformat(),
        "resolution_proposal": vt.items_golden(items),
        "justification": vt.blocks_text(reasons),
    }


def _items(rng: random.Random) -> tuple[tuple[str, str], ...] | str:
    """One paragraph or numbered items."""
    if rng.random() < 0.35:
        return vt.resolution_items(rng, 1, "1.")[0][1].replace("Stadtrat", "Gemeinderat")
    items = vt.resolution_items(rng, rng.randint(2, 4), "1.")
    return tuple((label, text.replace("Der Stadtrat", "Der Gemeinderat")) for label, text in items)
