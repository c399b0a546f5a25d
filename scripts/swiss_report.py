"""The ``swiss-report`` variant family (built only when named): a Swiss municipal executive's
"Bericht und Antrag" to its parliament, drawn from a ``random.Random``.

A Swiss town's executive (Stadtrat, Gemeinderat) puts its business to the parliament (Grosser
Stadtrat, Einwohnerrat, Gemeindeparlament) as a report with a proposal. Swiss spelling has no
"ß" ("beschliesst", "Strasse", "Grosser"). The head names the executive and the business number
("Geschäft Nr. 2024-117", "GR-Nr. 2023/45", "B+A 12/2025"), the place and date ("Luzern, 12. März
2024"), the kind ("Bericht und Antrag", "Botschaft", "Bericht und Antrag des Stadtrates"), the
subject as a bold heading with or without "Betreff:"; the reasons under numbered headings
("1. Ausgangslage" or "1. Bericht"), the proposal under "2. Antrag" opened by "Der Stadtrat
beantragt dem Grossen Stadtrat, folgenden Beschluss zu fassen:" or "Der Einwohnerrat beschliesst:",
and the signatures "Namens des Stadtrates" / "Der Stadtpräsident:" / "Die Stadtschreiberin:" side
by side or one under the other. Goldens: the executive as originator, the parliament addressed as
body, the kind as printed, the reasons' paragraphs as justification, the items as printed without
their opening sentence.
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

#: (town, executive, parliament): the executive sends, the parliament decides.
TOWNS = (
    ("Luzern", "Stadtrat", "Grosser Stadtrat"),
    ("Winterthur", "Stadtrat", "Grosser Gemeinderat"),
    ("Biel", "Gemeinderat", "Stadtrat"),
    ("Aarau", "Stadtrat", "Einwohnerrat"),
    ("Baden", "Stadtrat", "Einwohnerrat"),
    ("Köniz", "Gemeinderat", "Parlament"),
    ("Uster", "Stadtrat", "Gemeinderat"),
)
KINDS = ("Bericht und Antrag", "Botschaft", "Bericht und Antrag")
REASON_HEADINGS = ("Ausgangslage", "Bericht", "Erwägungen", "Ausgangslage und Begründung")


def _article(parliament: str, case: str, capital: bool = False) -> str:
    """The parliament with its article in the nominative, accusative or dative ("der Grosse
    Stadtrat", "den Grossen Stadtrat", "dem Grossen Stadtrat"; "das Parlament")."""
    if parliament == "Parlament":
        article, name = {"nom": "das", "acc": "das", "dat": "dem"}[case], parliament
    else:
        article = {"nom": "der", "acc": "den", "dat": "dem"}[case]
        name = parliament.replace("Grosser", "Grosse" if case == "nom" else "Grossen")
    return f"{article.capitalize() if capital else article} {name}"


def _swiss(text: str) -> str:
    """Swiss spelling: no sharp s."""
    return text.replace("ß", "ss")


def _number(rng: random.Random, year: int) -> tuple[str, str]:
    """The business number as printed with its label, and the number."""
    count = rng.randint(1, 180)
    form = rng.randrange(3)
    if form == 0:
        number = f"{year}-{count:03d}"
        return f"Geschäft Nr. {number}", number
    if form == 1:
        number = f"{year}/{count}"
        return f"GR-Nr. {number}", number
    number = f"{count}/{year}"
    return f"B+A {number}", number


def swiss_report(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one Bericht und Antrag to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    town, executive, parliament = TOWNS[rng.randrange(len(TOWNS))]
    signed = vt.day(rng)
    printed_number, number = _number(rng, signed.year)
    kind = vt.pick(rng, KINDS)
    title = _swiss(vt.title(rng, rng.choice((5, 8, 12))))
    reasons = tuple(
        _swiss(b) if isinstance(b, str) else tuple(map(_swiss, b)) for b in vt.blocks(rng, rng.randint(2, 9))
    )
    heading = vt.pick(rng, REASON_HEADINGS)
    items = _items(rng, parliament)
    opener = rng.choice(
        (
            f"Der {executive} beantragt {_article(parliament, 'dat')}, folgenden Beschluss zu fassen:",
            f"{_article(parliament, 'nom', capital=True)} beschliesst:",
            None,
        )
    )
    dated = f"{town}, {vt.long_date(signed)}"

    left, right = 70.0, 525.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.ops.append(fp.Text(left, 805, f"{executive} {town}", ff.BOLD, size + 2))
    flow.ops.append(fp.Text(right, 805, printed_number, ff.REG, size - 0.5, "right"))
    date_top = rng.random() < 0.6
    if date_top:
        flow.ops.append(fp.Text(right, 805 - (size + 4), dated, ff.REG, size - 0.5, "right"))
    flow.y = 760
    flow.line(f"{kind} an {_article(parliament, 'acc')}", font=ff.BOLD, size=size + 3)
    flow.space(lead * 0.5)
    if rng.random() < 0.5:
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(title, x=left + ff.width("Betreff:", ff.BOLD, size) + 10, font=ff.BOLD, after=lead)
    else:
        flow.para(title, font=ff.BOLD, size=size + 1, after=lead)
    flow.line(rng.choice(("Sehr geehrter Herr Präsident", "Sehr geehrte Frau Präsidentin")))
    flow.line("Sehr geehrte Damen und Herren")
    flow.space(lead * 0.5)
    flow.heading(f"1. {heading}", size=size + 0.5, before=lead * 0.3, after=lead * 0.2)
    template_flow.blocks(flow, reasons)
    template_flow.request(flow, "2. Antrag", items, before=lead * 0.3, opener=opener)
    flow.space(lead)
    if not date_top:
        flow.line(dated)
        flow.space(lead * 0.5)
    flow.line(f"Namens des {executive}s" if executive == "Stadtrat" else f"Namens des {executive}es")
    flow.space(lead * 0.3)
    president = "Stadtpräsident" if executive == "Stadtrat" else "Gemeindepräsident"
    clerk = "Stadtschreiber" if executive == "Stadtrat" else "Gemeindeschreiber"
    female_p, female_c = rng.random() < 0.5, rng.random() < 0.5
    first = f"Die {president}in" if female_p else f"Der {president}"
    second = f"Die {clerk}in" if female_c else f"Der {clerk}"
    flow.ops.append(fp.Text(left, flow.y, first, ff.REG, size))
    flow.ops.append(fp.Text(left + 230, flow.y, second, ff.REG, size))
    flow.y -= lead
    flow.ops.append(fp.Text(left, flow.y, vt.person(rng), ff.REG, size))
    flow.ops.append(fp.Text(left + 230, flow.y, vt.person(rng), ff.REG, size))
    flow.y -= lead
    pages = flow.finish(header=f"{kind} {number}", footer="Seite {n} von {m}")
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, f"{executive} {town}"), out)
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "body": parliament,
        "originator": f"{executive} {town}",
        "date": signed.isoformat(),
        "resolution_proposal": vt.items_golden(items),
        "justification": vt.blocks_text(reasons),
    }


def _items(rng: random.Random, parliament: str) -> tuple[tuple[str, str], ...] | str:
    """One paragraph or numbered items, in the parliament's words and Swiss spelling."""
    if rng.random() < 0.3:
        return _swiss(
            vt.resolution_items(rng, 1, "1.")[0][1].replace("Der Stadtrat", _article(parliament, "nom", capital=True))
        )
    items = vt.resolution_items(rng, rng.randint(2, 5), "1.")
    return tuple(
        (label, _swiss(text.replace("Der Stadtrat", _article(parliament, "nom", capital=True))))
        for label, text in items
    )
