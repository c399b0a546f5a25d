"""The ``bvv-drucksache`` variant family (built only when named): a paper of a Berlin district
assembly (Bezirksverordnetenversammlung, BVV), drawn from a ``random.Random``.

A BVV numbers its papers within the electoral term, which it writes in Roman numerals
("Drucksache – 0567/XIX –", "DS/1234/XXI"). The head names the assembly (on one line or with the
district on a second), the number and often the date; the kind of paper in large type
(Antrag, Dringlichkeitsantrag, Änderungsantrag, Große Anfrage, Beschlussempfehlung,
Entschließungsantrag); who submits it after "Ursprung:", "Antragsteller:" or "Einreicher:" (one
or two factions, or a committee for a Beschlussempfehlung), sometimes a Beratungsfolge, the
subject after "Betreff:" or as a bold heading; the request after "Die
Bezirksverordnetenversammlung möge beschließen:" (one paragraph "Das Bezirksamt wird ersucht,
..." or numbered items), the questions of an Anfrage after "Wir fragen das Bezirksamt:"; the
reasons after "Begründung:"; and, where the head has no date, "Berlin, den ..." over the
signature. Goldens: the number as printed after its label, the assembly as body, the submitter
as originator (a faction also as faction), the kind as printed, the date of the head or the
date line.
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

DISTRICTS = (
    "Pankow",
    "Friedrichshain-Kreuzberg",
    "Tempelhof-Schöneberg",
    "Charlottenburg-Wilmersdorf",
    "Treptow-Köpenick",
    "Marzahn-Hellersdorf",
    "Steglitz-Zehlendorf",
    "Neukölln",
)
FACTIONS = (
    "Fraktion der SPD",
    "Fraktion der CDU",
    "Fraktion Bündnis 90/Die Grünen",
    "Fraktion DIE LINKE",
    "Fraktion der FDP",
    "Gruppe Die PARTEI",
)
COMMITTEES = (
    "Ausschuss für Stadtentwicklung",
    "Ausschuss für Schule und Sport",
    "Ausschuss für Umwelt, Natur und Klimaschutz",
    "Verkehrsausschuss",
    "Haushaltsausschuss",
)
TERMS = ("XIX", "XX", "XXI")
KINDS = (
    "Antrag",
    "Antrag",
    "Antrag",
    "Dringlichkeitsantrag",
    "Änderungsantrag",
    "Große Anfrage",
    "Beschlussempfehlung",
    "Entschließungsantrag",
)
SUBMITTER_LABELS = ("Ursprung:", "Antragsteller:", "Einreicher:")
REQUEST_CUES = (
    "Die Bezirksverordnetenversammlung möge beschließen:",
    "Die BVV möge beschließen:",
    "Die Bezirksverordnetenversammlung wolle beschließen:",
)
QUESTION_CUES = ("Wir fragen das Bezirksamt:", "Ich frage das Bezirksamt:")


def _number(rng: random.Random, term: str) -> tuple[str, str]:
    """The number line as printed and the number it gives."""
    count = f"{rng.randint(1, 2400):04d}"
    form = rng.randrange(3)
    if form == 0:
        return f"Drucksache – {count}/{term} –", f"{count}/{term}"
    if form == 1:
        return f"Drucksache: DS/{count}/{term}", f"DS/{count}/{term}"
    return f"Drs. Nr.: {count}/{term}", f"{count}/{term}"


def _request(rng: random.Random, question: bool) -> tuple[tuple[str, str], ...] | str:
    """The request (one paragraph or numbered items) or the numbered questions."""
    street = vt.pick(rng, vt.STREETS)
    if question:
        asked = (
            f"Wie ist der Stand der {vt.pick(rng, vt.TOPICS)} in der {street}?",
            f"Welche Mittel sind für die {vt.pick(rng, vt.FACILITIES)} im Haushalt {rng.randint(2024, 2027)} geplant?",
            "Bis wann ist mit einer Entscheidung des Bezirksamts zu rechnen?",
            f"Wie viele Beschwerden sind seit {rng.randint(2019, 2023)} beim Ordnungsamt eingegangen?",
        )
        chosen = rng.sample(asked, rng.randint(2, 4))
        return tuple((f"{k}.", text) for k, text in enumerate(chosen, start=1))
    asks = (
        f"die {vt.pick(rng, vt.TOPICS)} in der {street} bis zum {vt.de_date(vt.day(rng))} umzusetzen.",
        f"sich beim Senat für die {vt.pick(rng, vt.FACILITIES)} einzusetzen.",
        f"der Bezirksverordnetenversammlung bis zum {vt.de_date(vt.day(rng))} zu berichten.",
        f"die Anwohnerinnen und Anwohner der {street} frühzeitig zu beteiligen.",
    )
    if rng.random() < 0.4:
        return f"Das Bezirksamt wird ersucht, {vt.pick(rng, asks)}"
    chosen = rng.sample(asks, rng.randint(2, 4))
    return tuple((f"{k}.", f"Das Bezirksamt wird ersucht, {text}") for k, text in enumerate(chosen, start=1))


def bvv_drucksache(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one BVV paper to ``out`` in the face the caller chose; returns its golden
    fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    district = vt.pick(rng, DISTRICTS)
    body = f"Bezirksverordnetenversammlung {district}"
    term = vt.pick(rng, TERMS)
    printed_number, number = _number(rng, term)
    kind = vt.pick(rng, KINDS)
    question = kind == "Große Anfrage"
    dated = vt.day(rng)
    faction: str | None
    if kind == "Beschlussempfehlung":
        originator, faction = vt.pick(rng, COMMITTEES), None
    elif rng.random() < 0.25:
        first, second = rng.sample(FACTIONS, 2)
        originator = faction = f"{first} und {second}"
    else:
        originator = faction = vt.pick(rng, FACTIONS)
    title = vt.title(rng, rng.choice((5, 8, 12)))
    request = _request(rng, question)
    reasons = vt.blocks(rng, rng.choice((1, 2, 3, 5, 8)), bullets=False)
    date_in_head = rng.random() < 0.5
    consultations = []
    if rng.random() < 0.4:
        when = dated
        for _ in range(rng.randint(1, 2)):
            when = vt.later(rng, when, 7, 30)
            consultations.append((vt.de_date(when), rng.choice((body, vt.pick(rng, COMMITTEES)))))

    left, right = 70.0, 530.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    one_line = rng.random() < 0.5
    # On one line only where the assembly's name leaves room for the number beside it.
    room = right - left - ff.width(printed_number, ff.REG, size - 0.5) - 20
    if one_line and ff.width(body, ff.BOLD, size + 1) <= room:
        flow.ops.append(fp.Text(left, 800, body, ff.BOLD, size + 1))
        head_lines = 1
    else:
        flow.ops.append(fp.Text(left, 800, "Bezirksverordnetenversammlung", ff.BOLD, size + 1))
        flow.ops.append(fp.Text(left, 800 - (size + 4), district, ff.BOLD, size + 1))
        head_lines = 2
    flow.ops.append(fp.Text(right, 800, printed_number, ff.REG, size - 0.5, "right"))
    if date_in_head:
        flow.ops.append(fp.Text(right, 800 - (size + 4), f"Datum: {vt.de_date(dated)}", ff.REG, size - 0.5, "right"))
    flow.y = 800 - head_lines * (size + 4) - 40
    flow.ops.append(fp.Text(left, flow.y, kind, ff.BOLD, size + 5))
    flow.y -= lead * 2
    label = vt.pick(rng, SUBMITTER_LABELS)
    flow.ops.append(fp.Text(left, flow.y, label, ff.REG, size))
    tab = left + max(ff.width(text, ff.REG, size) for text in SUBMITTER_LABELS) + 10
    flow.para(originator, x=tab, after=lead * 0.6)
    if consultations:
        flow.line("Beratungsfolge:", font=ff.BOLD)
        for when, gremium in consultations:
            flow.ops.append(fp.Text(left, flow.y, when, ff.REG, size))
            flow.line(gremium, x=left + 80)
        flow.space(lead * 0.5)
    if rng.random() < 0.5:
        flow.ops.append(fp.Text(left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(title, x=left + ff.width("Betreff:", ff.BOLD, size) + 10, font=ff.BOLD, after=lead)
    else:
        flow.space(lead * 0.3)
        flow.para(title, font=ff.BOLD, size=size + 1, after=lead)
    flow.line(vt.pick(rng, QUESTION_CUES if question else REQUEST_CUES))
    flow.space(lead * 0.3)
    if isinstance(request, str):
        flow.para(request, after=lead)
    else:
        flow.items(request, indent=20, gap=3)
        flow.space(lead * 0.5)
    flow.heading("Begründung:", size=size, before=lead * 0.3, after=lead * 0.2)
    template_flow.blocks(flow, reasons)
    flow.space(lead)
    if not date_in_head:
        flow.line(f"Berlin, den {rng.choice((vt.de_date(dated), vt.long_date(dated)))}")
        flow.space(lead * 0.5)
    flow.line(vt.person(rng))
    if faction:
        flow.line(faction.split(" und ")[0] if " und " in faction and rng.random() < 0.5 else faction)
    else:
        flow.line("Vorsitz")
    pages = flow.finish(header=f"{kind} {number}", footer="Seite {n} von {m}")
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, originator), out)
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "body": body,
        "originator": originator,
        "faction": faction,
        "date": dated.isoformat(),
        "consultations": [
            {"body": gremium, "date": vt.iso(when), "public": None, "role": None} for when, gremium in consultations
        ],
        "resolution_proposal": vt.items_golden(request),
        "justification": vt.blocks_text(reasons),
    }
