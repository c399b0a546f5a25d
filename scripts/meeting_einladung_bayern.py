"""Einladungen of a Bavarian Gemeinderat, for scripts/generate_meetings.py (``--bavarian-invitations N``);
goldens from the generator's own content.

- ``einladung-by-satz``: the Gemeinde and its Landkreis in the head, the place and date of the letter
  at the right ("Oberhaching, 05.03.2024": the letter's day, not the session's), "An die Mitglieder
  des Gemeinderates", "Einladung zur Sitzung des Gemeinderates" in large type, the session's day,
  hour and room in a sentence of two lines ("am Dienstag, 12. März 2024, um 19:30 Uhr" / "im
  Sitzungssaal des Rathauses, Kirchplatz 1"), a session number after its label ("Sitzungsnummer:
  GR/012/2024") or none; then "Tagesordnung:", "Öffentliche Sitzung" and "Nichtöffentliche Sitzung"
  with items numbered "1.", sub-items "4.1", long titles wrapped under their text, and the
  building plots of a Bauantrag ("Fl.Nr. 123/4, Gemarkung Deisenhofen"), the number of a
  Bebauungsplan and a day ("vom 13.02.2024") in titles, none of them a paper's number; a paper
  only where the title ends with it in brackets ("(Vorlage 2024/031)"), which stays in the title.
- ``einladung-by-block``: the same with the session's day, hour and room as labelled rows
  ("Tag:", "Beginn:", "Ort:").

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml
from variant_text import MONTHS

TOWNS = [
    ("Gemeinde Oberhaching", "Landkreis München", "Oberhaching", "Deisenhofen"),
    ("Markt Holzkirchen", "Landkreis Miesbach", "Holzkirchen", "Föching"),
    ("Gemeinde Kirchseeon", "Landkreis Ebersberg", "Kirchseeon", "Eglharting"),
    ("Markt Schwaben", "Landkreis Ebersberg", "Markt Schwaben", "Ottenhofen"),
]
ROOMS = ["Sitzungssaal des Rathauses, Kirchplatz 1", "Sitzungssaal im Rathaus (1. OG)", "Bürgersaal, Marktplatz 3"]
PUBLIC_SUBJECTS = [
    "Genehmigung der Niederschrift der Sitzung vom {previous}",
    "Bauantrag zum Neubau eines Einfamilienhauses mit Doppelgarage auf Fl.Nr. {plot}, Gemarkung {district}",
    'Bebauungsplan Nr. {plan} "Am Kirchfeld"; Behandlung der Stellungnahmen aus der Beteiligung der '
    "Öffentlichkeit und Satzungsbeschluss",
    "Antrag auf isolierte Befreiung von den Festsetzungen des Bebauungsplans Nr. {plan} für Fl.Nr. {plot}",
    "Erlass einer Satzung über die Benutzung des gemeindlichen Friedhofs",
    "Vergabe der Bauleistungen für die Sanierung der Grundschule, Los 3 Fenster",
    "Zuschussantrag des Sportvereins für die Erneuerung des Kunstrasenplatzes",
]
BUDGET = ("Haushalt {year}", ["Haushaltssatzung {year}", "Finanzplan bis {later}", "Stellenplan {year}"])
LAST_PUBLIC = "Wünsche und Anfragen"
CLOSED_SUBJECTS = ["Grundstücksangelegenheiten", "Personalangelegenheiten", "Vertragsangelegenheiten"]


def _long(day: Any) -> str:
    return f"{gm.WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]} {day.year}"


def _subjects(rng: random.Random, district: str, previous: str, year: int) -> list[tuple[str, bool, list[str], bool]]:
    """(title as golden, public, paper numbers, whether a sub-item) in order; a budget item with its
    sub-items."""
    fill = {"previous": previous, "plot": f"{rng.randrange(100, 999)}/{rng.randrange(1, 30)}"}
    fill |= {"district": district, "plan": str(rng.randrange(10, 90)), "year": str(year), "later": str(year + 3)}
    chosen = [PUBLIC_SUBJECTS[0], *rng.sample(PUBLIC_SUBJECTS[1:], rng.randrange(2, 5))]
    items: list[tuple[str, bool, list[str], bool]] = []
    for subject in chosen:
        papers = [f"{year}/{rng.randrange(1, 99):03d}"] if rng.random() < 0.3 else []
        items.append((subject.format(**fill), True, papers, False))
    if rng.random() < 0.6:
        items.append((BUDGET[0].format(**fill), True, [], False))
        items += [(sub.format(**fill), True, [], True) for sub in BUDGET[1][: rng.randrange(2, 4)]]
    items.append((LAST_PUBLIC, True, [], False))
    items += [(subject, False, [], False) for subject in rng.sample(CLOSED_SUBJECTS, rng.randrange(1, 3))]
    return items


def _build(rng: random.Random, block: bool) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    day = gm._date(rng)
    letter_day = dt.date.fromordinal(day.toordinal() - rng.randrange(6, 10))
    previous = dt.date.fromordinal(day.toordinal() - 28).strftime("%d.%m.%Y")
    town, county, place, district = rng.choice(TOWNS)
    start = f"{rng.choice([18, 19, 19, 20]):02d}:{rng.choice(['00', '30'])}"
    room = rng.choice(ROOMS)
    number = f"GR/{rng.randrange(1, 30):03d}/{day.year}" if rng.random() < 0.5 else None
    p = gm.Pages()
    p.put(50, town, 12, bold=True, advance=False)
    p.put(400, f"{place}, {letter_day.strftime('%d.%m.%Y')}")
    p.put(50, county, 9)
    p.gap(20)
    p.put(50, "An die Mitglieder des Gemeinderates")
    p.gap(16)
    p.put(50, "Einladung zur Sitzung des Gemeinderates", 14, bold=True)
    p.gap(6)
    if block:
        for label, value in (("Tag:", _long(day)), ("Beginn:", f"{start} Uhr"), ("Ort:", room)):
            p.put(50, label, advance=False)
            p.put(120, value)
    else:
        p.put(50, f"am {_long(day)}, um {start} Uhr")
        p.put(50, f"im {room}")
    if number:
        p.put(50, f"Sitzungsnummer: {number}")
    p.gap(10)
    p.put(50, "Sehr geehrte Damen und Herren,")
    p.put(50, "zur oben genannten Sitzung lade ich Sie hiermit ein. Die Tagesordnung lautet wie folgt:")
    p.gap(10)
    p.put(50, "Tagesordnung:", 12, bold=True)
    items = _subjects(rng, district, previous, day.year)
    goldens = []
    top = 0
    sub = 0
    closed_started = False
    p.put(50, "Öffentliche Sitzung", bold=True)
    for title, public, papers, is_sub in items:
        if not public and not closed_started:
            p.gap(8)
            p.put(50, "Nichtöffentliche Sitzung", bold=True)
            closed_started = True
        if is_sub:
            sub += 1
            label = f"{top}.{sub}"
        else:
            top += 1
            sub = 0
            label = f"{top}."
        printed = f"{title} (Vorlage {papers[0]})" if papers else title
        # A sub-item is set in under its parent's text; wrapped lines stand under the title's start.
        label_x, text_x = (70, 100) if is_sub else (50, 70)
        lines = textwrap.wrap(printed, 76 if is_sub else 80)
        p.need(14 * len(lines) + 4)
        p.put(label_x, label, advance=False)
        for line in lines:
            p.put(text_x, line)
        p.gap(2)
        goldens.append(
            {
                "number": label.rstrip("."),
                # A reference with its keyword stays in the title (eval/real/README.md: the
                # Hamburg agendas' "(Drs. 21-3920.1)"); its number is the item's paper too.
                "title": printed,
                "public": public,
                "paper_numbers": papers,
                "decision": None,
                "vote": None,
            }
        )
    p.gap(24)
    p.put(50, "Mit freundlichen Grüßen")
    p.gap(16)
    p.put(50, gm._person(rng))
    p.put(50, rng.choice(["Erster Bürgermeister", "Erste Bürgermeisterin"]))
    meeting = {"date": day.isoformat(), "start": start, "end": None, "location": room, "number": number}
    golden = {"kind": "meeting", "document_type": "Einladung", "body": "Gemeinderat", "originator": town}
    golden |= {"meeting": meeting, "agenda_items": goldens, "attendees": [], "speeches": []}
    return p.pages, golden


def einladung_by_satz(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung giving the session's day, hour and room in a sentence (see the module docstring)."""
    return _build(rng, block=False)


def einladung_by_block(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung giving them as labelled rows (see the module docstring)."""
    return _build(rng, block=True)


STYLES = (("einladung-by-satz", einladung_by_satz), ("einladung-by-block", einladung_by_block))


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 2`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--bavarian-invitations", lambda _golden, n: f"Einladung {n}")
