"""Meeting layouts whose heads differ from the first generators', for scripts/generate_meetings.py;
goldens from the generator's own content, body, issuer and public included.

- ``gemeinderat``: a Swiss Protokoll ("[Auszug aus dem] Protokoll des Gemeinderates" or "Grosser
  Rat" over "Protokoll der 7. Sitzung"), the print date "Frauenfeld, 20. März 2024" above the session line
  "Sitzung vom Dienstag, 12. März 2024", head rows without colons, "Traktanden" with an item that
  names the date of an earlier session, each item again as "Traktandum 2: ..." with its decision.
- ``verhandlungsschrift``: an Austrian Verhandlungsschrift "über die öffentliche Sitzung des
  Gemeinderates" with the date on the next line ("am Donnerstag, 14. März 2024"), "Beginn:" /
  "Ende:" / "Ort:" labels, "Anwesend:" and a "Tagesordnung:" list.
- ``sitzungsprotokoll``: a German Sitzungs-, Beschluss- or Abstimmungsprotokoll with a header table (Gremium, Sitzung,
  Sitzungsnummer, Art, Datum, Beginn, Ende, Ort) under the issuer and a print date, a "TOP" agenda whose first item
  names the date of the previous session, "Beschluss:" per item.

Each layout draws from its own ``random.Random`` so that older fixtures stay byte-identical.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml
from variant_text import MONTHS

TOWNS_CH = ["Frauenfeld", "Weinfelden", "Arbon", "Kreuzlingen"]
TOWNS_AT = ["Gänserndorf", "Mistelbach", "Perchtoldsdorf", "Wolkersdorf"]
TOWNS_DE = ["Musterstadt", "Neustadt", "Bad Hersfeld", "Lüdenscheid"]
BODIES_DE = ["Bau- und Verkehrsausschuss", "Ausschuss für Umwelt und Klimaschutz", "Haupt- und Finanzausschuss"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
DECISIONS = ["Der Antrag wird angenommen.", "Die Vorlage wird genehmigt.", "Das Geschäft wird zurückgestellt."]


def _long(day: Any, weekday: bool = False) -> str:
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def _times(rng: random.Random) -> tuple[str, str]:
    hour = rng.choice([17, 18, 19])
    return f"{hour:02d}:{rng.choice(['00', '30'])}", f"{hour + 2:02d}:{rng.choice(['15', '45'])}"


def _subjects(rng: random.Random, previous: Any, word: str) -> list[str]:
    """Item titles; the first approves the record of an earlier session by its date."""
    return [f"Genehmigung des {word}s der Sitzung vom {_long(previous)}", *rng.sample(gm.SUBJECTS[:3] + ml.REPORTS, 3)]


def _item(number: str, title: str, decision: str | None = None, public: bool | None = None) -> dict[str, Any]:
    return {"number": number, "title": title, "public": public, "paper_numbers": [], "decision": decision, "vote": None}


def gemeinderat(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Swiss Protokoll of a Gemeinderat or the Grosser Rat (see the module docstring)."""
    day = gm._date(rng)
    printed = day + gm.dt.timedelta(days=rng.randrange(3, 12))
    previous = day - gm.dt.timedelta(days=rng.randrange(20, 40))
    town = rng.choice(TOWNS_CH)
    start, end = _times(rng)
    chair, clerk = gm._person(rng), gm._person(rng)
    grand = rng.random() < 0.5
    p = gm.Pages()
    p.put(50, f"Stadt {town}", 11, advance=False)
    p.put(380, f"{town}, {_long(printed)}", 10)
    p.gap(18)
    if grand:
        body, number = "Grosser Rat", f"{rng.randrange(2, 40)}. Sitzung"
        p.put(50, body, 14, bold=True)
        p.put(50, f"Protokoll der {number}", 13, bold=True)
    else:
        body, number = "Gemeinderat", None
        p.put(50, f"{rng.choice(['', 'Auszug aus dem '])}Protokoll des Gemeinderates", 14, bold=True)
    p.put(50, f"Sitzung vom {_long(day, weekday=True)}", 11)
    p.gap(10)
    place = f"Rathaus {town}, {rng.choice(['Gemeinderatssaal', 'Sitzungszimmer 1'])}"
    for label, value in (
        ("Vorsitz", f"{chair}, Präsident"),
        ("Protokoll", clerk),
        ("Ort", place),
        ("Beginn", f"{start.replace(':', '.')} Uhr"),
        ("Ende", f"{end.replace(':', '.')} Uhr"),
    ):
        p.put(50, label, advance=False)
        p.put(160, value)
    p.gap(14)
    p.put(50, "Traktanden", 12, bold=True)
    titles = _subjects(rng, previous, "Protokoll")
    for k, title in enumerate(titles, 1):
        p.put(50, f"{k}.", advance=False)
        p.put(70, title)
    p.gap(16)
    items = []
    for k, title in enumerate(titles, 1):
        decision = rng.choice(DECISIONS)
        p.need(70)
        p.put(50, f"Traktandum {k}: {title}", 11, bold=True)
        p.put(50, ml._sentence(rng, 8, 16)[:90])
        p.put(50, "Beschluss:", bold=True, advance=False)
        p.put(120, decision)
        p.gap(10)
        items.append(_item(str(k), title, decision))
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": number}
    attendees = [
        {"name": chair, "role": "Vorsitz", "faction": None},
        {"name": clerk, "role": "Protokoll", "faction": None},
    ]
    golden = {"kind": "meeting", "document_type": "Protokoll", "body": body, "originator": f"Stadt {town}"}
    golden |= {"meeting": meeting, "agenda_items": items, "attendees": attendees, "speeches": []}
    return p.pages, golden


def verhandlungsschrift(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Austrian Verhandlungsschrift (see the module docstring)."""
    day = gm._date(rng)
    previous = day - gm.dt.timedelta(days=rng.randrange(20, 40))
    town = rng.choice(TOWNS_AT)
    start, end = _times(rng)
    public = rng.random() < 0.7
    p = gm.Pages()
    p.put(50, f"Marktgemeinde {town}", 11)
    p.gap(16)
    p.put(50, "Verhandlungsschrift", 15, bold=True)
    p.put(50, f"über die {'öffentliche' if public else 'nicht öffentliche'} Sitzung des Gemeinderates", 11)
    p.put(50, f"am {_long(day, weekday=True)}, im Sitzungssaal des Gemeindeamtes", 11)
    p.gap(10)
    place = f"Gemeindeamt {town}, Sitzungssaal"
    for label, value in (("Beginn:", f"{start} Uhr"), ("Ende:", f"{end} Uhr"), ("Ort:", place)):
        p.put(50, label, advance=False)
        p.put(130, value)
    p.gap(8)
    chair = gm._person(rng)
    p.put(50, "Anwesend:", bold=True)
    p.put(50, f"Bürgermeister {chair}, {rng.randrange(15, 29)} Mitglieder des Gemeinderates")
    p.gap(12)
    p.put(50, "Tagesordnung:", 12, bold=True)
    titles = _subjects(rng, previous, "Sitzungsprotokoll")
    for k, title in enumerate(titles, 1):
        p.put(50, f"{k}.", advance=False)
        p.put(70, title)
    p.gap(14)
    for k in range(1, len(titles) + 1):
        p.need(40)
        p.put(50, f"Zu Punkt {k}:", bold=True)
        p.put(50, ml._sentence(rng, 8, 16)[:90])
        p.gap(8)
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": None}
    golden = {"kind": "meeting", "document_type": "Verhandlungsschrift", "body": "Gemeinderat", "public": public}
    golden |= {"originator": f"Marktgemeinde {town}", "meeting": meeting}
    golden |= {"agenda_items": [_item(str(k), t, public=public) for k, t in enumerate(titles, 1)], "speeches": []}
    return p.pages, golden


def sitzungsprotokoll(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A German Sitzungsprotokoll with a header table (see the module docstring)."""
    day = gm._date(rng)
    printed = day + gm.dt.timedelta(days=rng.randrange(3, 12))
    previous = day - gm.dt.timedelta(days=rng.randrange(20, 40))
    town, body = rng.choice(TOWNS_DE), rng.choice(BODIES_DE)
    start, end = _times(rng)
    public = rng.random() < 0.7
    number = str(rng.randrange(2, 40))
    p = gm.Pages()
    p.put(50, f"Stadt {town}", 12, bold=True, advance=False)
    p.put(400, f"{town}, {printed.strftime('%d.%m.%Y')}", 10)
    p.gap(18)
    kind = rng.choice(["Sitzungsprotokoll", "Beschlussprotokoll", "Abstimmungsprotokoll"])
    p.put(50, kind, 16, bold=True)
    p.gap(8)
    place = f"Rathaus, {rng.choice(['Ratssaal', 'Sitzungsraum 3'])}"
    rows = [
        ("Gremium:", body),
        ("Sitzungsnummer:", number),
        ("Art:", "Öffentliche Sitzung" if public else "Nichtöffentliche Sitzung"),
        ("Datum:", day.strftime("%d.%m.%Y")),
        ("Beginn:", f"{start} Uhr"),
        ("Ende:", f"{end} Uhr"),
        ("Ort:", place),
    ]
    for label, value in rows:
        p.put(50, label, bold=True, advance=False)
        p.put(170, value)
    p.gap(12)
    p.put(50, "Tagesordnung", 12, bold=True)
    titles = _subjects(rng, previous, "Protokoll")
    for k, title in enumerate(titles, 1):
        p.put(50, f"TOP {k}", advance=False)
        p.put(100, title)
    p.gap(14)
    items = []
    for k, title in enumerate(titles, 1):
        decision = rng.choice(DECISIONS)
        p.need(60)
        p.put(50, f"TOP {k}", bold=True, advance=False)
        p.put(100, title, bold=True)
        p.put(50, ml._sentence(rng, 8, 16)[:90])
        p.put(50, f"Beschluss: {decision}")
        p.gap(8)
        items.append(_item(str(k), title, decision, public))
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": number}
    golden = {"kind": "meeting", "document_type": kind, "body": body, "public": public}
    golden |= {"originator": f"Stadt {town}", "meeting": meeting, "agenda_items": items, "speeches": []}
    return p.pages, golden


def build_all(out: Path, seed: int, variants: int) -> None:
    """Write the layouts of this module, ``variants`` of each, with their goldens."""
    for n in range(1, variants + 1):
        for name, build in (
            ("gemeinderat", gemeinderat),
            ("verhandlungsschrift", verhandlungsschrift),
            ("sitzungsprotokoll", sitzungsprotokoll),
        ):
            rng = random.Random(f"{seed}-{name}-{n}")
            fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
            pages, golden = build(rng)
            producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
            how = (
                fonts,
                producer,
                f"{golden['document_type']} {name}",
                f"--seed {seed} ({producer}, {Path(fonts[0]).stem})",
            )
            ml.write_meeting(out, f"{name}-{n}", pages, golden, how)
