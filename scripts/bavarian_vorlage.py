"""The ``bavarian-vorlage`` variant family (built only when named): a Bavarian town's Sitzungs- or
Beschlussvorlage, drawn from a ``random.Random``.

Bavarian municipal templates name their sections in words the other families do not use: the facts
stand under "Sachvortrag" or "Vortrag des Referenten" / "Vortrag der Referentin", the proposal
under "Beschlussvorschlag", "Beschlussentwurf" or "Antrag der Referentin", often after the facts
rather than before them, and often opened by a sentence of whom the committee recommends what
("Der Bauausschuss empfiehlt dem Stadtrat, folgenden Beschluss zu fassen:"). The head gives the
town and the office on the left, a block of number, file reference (Aktenzeichen, which is no
paper number), date and status on the right, the kind of paper in large type, then the
Beratungsfolge (ruled, or as unruled lines) and the subject ("Betreff:" with the title beside it,
or "Betreff" over it). Goldens follow the other Vorlage families: the office as originator, body
null, public from the printed status (null without one), consultations with their role and
public null where the table has no status column, items as printed without the sentence that
opens them, the justification the facts' paragraphs.
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

#: The issuer as the head prints it, and the place of its date line.
TOWNS = (
    ("Stadt Regensburg", "Regensburg"),
    ("Stadt Ingolstadt", "Ingolstadt"),
    ("Stadt Fürth", "Fürth"),
    ("Stadt Bamberg", "Bamberg"),
    ("Stadt Landshut", "Landshut"),
    ("Große Kreisstadt Freising", "Freising"),
    ("Stadt Kempten (Allgäu)", "Kempten"),
    ("Markt Garmisch-Partenkirchen", "Garmisch-Partenkirchen"),
)
OFFICES = (
    "Referat für Stadtentwicklung und Bauen",
    "Amt 61 – Stadtplanungsamt",
    "Tiefbauamt",
    "Amt für Umwelt- und Klimaschutz",
    "Referat 3 – Finanzen und Wirtschaft",
    "Amt für Schulen und Sport",
)
COMMITTEES = (
    "Bau- und Planungsausschuss",
    "Umweltausschuss",
    "Finanz- und Wirtschaftsausschuss",
    "Ausschuss für Schule, Kultur und Sport",
    "Verkehrsausschuss",
    "Ferienausschuss",
)
DECIDING = ("Stadtrat", "Stadtrat", "Marktgemeinderat", "Bau- und Planungsausschuss")
ROLES = ("Vorberatung", "Vorberatung", "Kenntnisnahme", "Beratung")
#: Label spellings per section (one is drawn per paper).
LABELS = {
    "number": ("Vorlagennummer:", "Vorlage Nr.:", "Sitzungsvorlage Nr.:", "Drucksache Nr.:"),
    "justification": (
        "Sachvortrag:",
        "Sachvortrag",
        "Vortrag des Referenten:",
        "Vortrag der Referentin:",
        "Sachverhalt und Begründung:",
    ),
    "resolution": (
        "Beschlussvorschlag:",
        "Beschlussentwurf:",
        "Antrag des Referenten:",
        "Antrag der Referentin:",
        "Beschlussvorschlag der Verwaltung:",
    ),
}
#: Sentences that open the proposal before its items; they are no item of it.
OPENERS = (
    "Der {committee} empfiehlt dem {decider}, folgenden Beschluss zu fassen:",
    "Der {decider} beschließt:",
    "Der {committee} beschließt:",
    "Es wird folgender Beschluss vorgeschlagen:",
)
KINDS = ("Sitzungsvorlage", "Beschlussvorlage", "Beschlussvorlage", "Sitzungsvorlage", "Bericht")


def _number(rng: random.Random, year: int) -> str:
    """A paper number as Bavarian systems print them ('VO/24/21234/61', '61/123/2024')."""
    office = rng.choice((61, 66, 32, 40, 20))
    return rng.choice(
        (
            f"VO/{year % 100:02d}/{rng.randint(10000, 29999)}/{office}",
            f"{office}/{rng.randint(1, 400)}/{year}",
            f"{year}/{rng.randint(1, 999):03d}",
        )
    )


def _consultations(rng: random.Random, signed: Any, decider: str) -> list[tuple[str, str, str]]:
    """(date, body, role) rows, the last one the deciding body's."""
    rows = []
    date = signed
    count = rng.randint(1, 3)
    for i in range(count):
        date = vt.later(rng, date, 5, 30)
        last = i == count - 1
        body = decider if last else vt.pick(rng, COMMITTEES)
        rows.append((vt.de_date(date), body, "Entscheidung" if last else vt.pick(rng, ROLES)))
    return rows


def bavarian_vorlage(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one Bavarian Vorlage to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    labels = {name: vt.pick(rng, options) for name, options in LABELS.items()}
    signed = vt.day(rng)
    town, place = TOWNS[rng.randrange(len(TOWNS))]
    office = vt.pick(rng, OFFICES)
    number = _number(rng, signed.year)
    kind = vt.pick(rng, KINDS)
    report = kind == "Bericht"
    title = vt.title(rng, rng.choice((5, 8, 12, 18)))
    public = rng.choice((True, True, False, None))
    decider = vt.pick(rng, DECIDING)
    committee = vt.pick(rng, COMMITTEES)
    rows = _consultations(rng, signed, decider)
    items = None if report else _resolution(rng, decider)
    opener = (
        None if report or rng.random() < 0.4 else vt.pick(rng, OPENERS).format(committee=committee, decider=decider)
    )
    content = vt.blocks(rng, rng.randint(2, 12))
    names = ("Lageplan", "Kostenberechnung", "Satzungsentwurf", "Stellungnahme des Bauamts", "Fotodokumentation")
    attachments = [f"Anlage {i}: {vt.pick(rng, names)}" for i in range(1, rng.randint(0, 3) + 1)]
    proposal_first = rng.random() < 0.35

    left, right = 70.0, 530.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.ops.append(fp.Text(left, 800, town, ff.BOLD, size + 3))
    flow.ops.append(fp.Text(left, 800 - (size + 6), office, ff.REG, size))
    head = [(labels["number"], number)]
    if rng.random() < 0.5:
        head.append(
            ("Aktenzeichen:", f"{rng.randint(60, 69)}.{rng.randint(1, 9)}-{rng.randint(100, 999)}/{signed.year}")
        )
    head.append(("Datum:", vt.de_date(signed)))
    if public is not None:
        head.append(("Status:", "öffentlich" if public else "nichtöffentlich"))
    small = size - 1
    value_w = max(ff.width(value, ff.REG, small) for _, value in head)
    label_w = max(ff.width(label, ff.REG, small) for label, _ in head)
    block_x = right - value_w - label_w - 10
    for k, (label, value) in enumerate(head):
        y = 800 - k * (small + 4)
        flow.ops.append(fp.Text(block_x, y, label, ff.REG, small))
        flow.ops.append(fp.Text(right, y, value, ff.REG, small, "right"))
    flow.y = min(800 - 2 * (size + 6), 800 - len(head) * (small + 4)) - 34
    flow.ops.append(fp.Text(left, flow.y, kind, ff.BOLD, size + 6))
    flow.y -= lead * 2.2

    flow.line("Beratungsfolge", font=ff.BOLD)
    flow.space(lead * 0.2)
    if rng.random() < 0.6:
        widths = (80.0, right - left - 80.0 - 110.0, 110.0)
        flow.table(widths, [list(row) for row in rows], header=("Sitzung am", "Gremium", "Zuständigkeit"), size=small)
    else:
        # Unruled lines: date, body and role at tab stops, as a word processor's tabs set them.
        for date, body, role in rows:
            flow.ensure(lead)
            flow.ops.append(fp.Text(left, flow.y, date, ff.REG, small))
            flow.ops.append(fp.Text(left + 80, flow.y, body, ff.REG, small))
            flow.ops.append(fp.Text(right - 100, flow.y, role, ff.REG, small))
            flow.y -= lead
        flow.space(lead * 0.8)

    if rng.random() < 0.5:
        # "Betreff:" with the title beside it, its wrapped lines under the title's first word.
        tab = left + ff.width("Betreff:", ff.BOLD, size) + 12
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(title, x=tab, font=ff.BOLD, after=lead)
    else:
        flow.line("Betreff", font=ff.BOLD)
        flow.para(title, font=ff.BOLD, after=lead)

    def proposal() -> None:
        if items is not None:
            template_flow.request(flow, labels["resolution"], items, before=lead * 0.4, opener=opener)

    if proposal_first:
        proposal()
    flow.heading(labels["justification"], size=size + 0.5, before=lead * 0.4, after=lead * 0.2)
    template_flow.blocks(flow, content)
    if not proposal_first:
        proposal()
    if attachments:
        template_flow.attachment_list(flow, attachments)
    flow.space(lead)
    flow.line(f"{place}, {vt.de_date(signed)}")
    flow.space(lead * 0.5)
    flow.line(vt.person(rng))
    flow.line(
        rng.choice(("Oberbürgermeister", "Oberbürgermeisterin", "Erster Bürgermeister", "Berufsmäßiger Stadtrat"))
    )
    pages = flow.finish(header=f"{kind} {number}", footer="Seite {n} von {m}")
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, town), out)
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": public,
        "originator": office,
        "date": signed.isoformat(),
        "consultations": [
            {"body": body, "date": vt.iso(date), "public": None, "role": role} for date, body, role in rows
        ],
        "resolution_proposal": vt.items_golden(items),
        "attachments": attachments,
        "justification": vt.blocks_text(content),
    }


def _resolution(rng: random.Random, decider: str) -> tuple[tuple[str, str], ...] | str:
    """One unnumbered paragraph or numbered items, in the deciding body's words."""
    if rng.random() < 0.3:
        return vt.resolution_items(rng, 1, "1.")[0][1].replace("Stadtrat", decider)
    items = vt.resolution_items(rng, rng.randint(2, 5), rng.choice(("1.", "1.", "a)")))
    return tuple((label, text.replace("Stadtrat", decider)) for label, text in items)
