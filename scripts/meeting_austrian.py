"""Austrian Verhandlungsschriften of a Gemeinderat, for scripts/generate_meetings.py (``--austrian-styles N``);
goldens from the generator's own content.

- ``verhandlungsschrift-gr``: "VERHANDLUNGSSCHRIFT über die öffentliche Sitzung des Gemeinderates der
  Marktgemeinde X" with the date and place on the next line ("am Donnerstag, 14. März 2024, im
  Sitzungssaal des Gemeindeamtes") or under "Ort:", "Beginn: 19.00 Uhr" / "Ende: 21.15 Uhr", an
  "Anwesend:" list one a line (Bürgermeister, Vizebürgermeister, "GR" members with their party in
  parentheses: ÖVP, SPÖ, FPÖ, GRÜNE, NEOS; the office as printed is the attendee's role),
  "Entschuldigt:", "Die Sitzung war öffentlich.", "Die Beschlussfähigkeit war gegeben.", a
  "Tagesordnung:" list with the whole titles; in the record each item as "Punkt 3: Title", "3) Title"
  or "Zu Punkt 3: Title", its "Sachverhalt:", an "Antrag des Bürgermeisters:" (a motion, no
  decision), "Beschluss:" and "Abstimmungsergebnis: einstimmig angenommen" or "mit 15 : 4 Stimmen
  angenommen (dagegen: FPÖ)".
- ``verhandlungsschrift-kurz``: the same, but the "Tagesordnung:" names each item by a short keyword
  ("Kindergarten", "Straßenbau") or by its number alone; the record titles them in full. As in the
  real goldens (eval/real/README.md: "the minutes' own titles, which differ from the Einladung's"),
  an item's title is the record's heading.

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml
from variant_text import MONTHS

TOWNS = ["Marktgemeinde Gänserndorf", "Gemeinde Hinterbrühl", "Stadtgemeinde Mistelbach", "Marktgemeinde Wolkersdorf"]
PARTIES = ["ÖVP", "SPÖ", "FPÖ", "GRÜNE", "NEOS"]
PLACES = ["Sitzungssaal des Gemeindeamtes", "Sitzungssaal des Rathauses", "Festsaal des Gemeindezentrums"]
#: (keyword on the agenda page, whole title in the record).
SUBJECTS = [
    ("Protokoll", "Genehmigung der Verhandlungsschrift der letzten Sitzung"),
    ("Kindergarten", "Vergabe der Baumeisterarbeiten für den Zubau zum Kindergarten Schulgasse"),
    ("Straßenbau", "Sanierung der Gemeindestraße Am Anger, Auftragsvergabe"),
    ("Rechnungsabschluss", "Rechnungsabschluss 2024, Beratung und Beschlussfassung"),
    ("Voranschlag", "Erster Nachtragsvoranschlag 2025"),
    ("Flächenwidmung", "Änderung des örtlichen Raumordnungsprogrammes und des Flächenwidmungsplanes"),
    ("Subventionen", "Gewährung von Subventionen an örtliche Vereine"),
    ("Wasserleitung", "Erweiterung der Wasserversorgungsanlage, Bauabschnitt 12"),
    ("Gebühren", "Neufestsetzung der Kanalbenützungsgebühren ab 1. Jänner 2026"),
    ("Grundstücke", "Ankauf einer Teilfläche des Grundstückes Nr. 412/3 für den Radweg"),
    ("Feuerwehr", "Ankauf eines Tanklöschfahrzeuges für die Freiwillige Feuerwehr"),
    ("Prüfungsausschuss", "Bericht des Prüfungsausschusses über die Gebarungsprüfung"),
    ("Allfälliges", "Berichte des Bürgermeisters und Allfälliges"),
]
MOTIONS = [
    "Der Gemeinderat möge die Vergabe an den Billigstbieter zum Angebotspreis beschließen.",
    "Der Gemeinderat möge die Verordnung in der vorliegenden Fassung beschließen.",
    "Der Gemeinderat möge den vorliegenden Entwurf genehmigen.",
]
DECISIONS = [
    "Der Gemeinderat beschließt die Vergabe an den Billigstbieter.",
    "Der Gemeinderat beschließt die Verordnung in der vorliegenden Fassung.",
    "Der Antrag des Bürgermeisters wird angenommen.",
    "Der Gemeinderat genehmigt den vorliegenden Entwurf.",
]


def _long(day: Any) -> str:
    return f"{gm.WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]} {day.year}"


def _times(rng: random.Random) -> tuple[str, str]:
    hour = rng.choice([18, 19, 19, 20])
    return f"{hour:02d}:{rng.choice(['00', '30'])}", f"{hour + 2:02d}:{rng.choice(['05', '15', '40'])}"


def _result(p: gm.Pages, rng: random.Random, members: int) -> dict[str, Any]:
    """'Abstimmungsergebnis: einstimmig angenommen' or '... mit 15 : 4 Stimmen angenommen (dagegen:
    FPÖ)'; the vote it states."""
    if rng.random() < 0.5:
        p.put(50, rng.choice(["Abstimmungsergebnis: einstimmig angenommen", "Abstimmungsergebnis: einstimmig"]))
        return {"yes": None, "no": None, "abstain": None, "unanimous": True}
    no = rng.randrange(1, 6)
    yes = members - no
    against = ", ".join(rng.sample(PARTIES[1:], rng.randrange(1, 3)))
    p.put(50, f"Abstimmungsergebnis: mit {yes} : {no} Stimmen angenommen (dagegen: {against})")
    return {"yes": yes, "no": no, "abstain": None, "unanimous": False}


def _head(p: gm.Pages, rng: random.Random, town: str, day: Any, times: tuple[str, str]) -> str:
    """The head up to the agenda; the place of the session."""
    place = rng.choice(PLACES)
    p.put(50, town, 11, bold=True)
    p.gap(14)
    p.put(50, rng.choice(["VERHANDLUNGSSCHRIFT", "Verhandlungsschrift"]), 15, bold=True)
    p.put(50, f"über die öffentliche Sitzung des Gemeinderates der {town}", 11)
    labelled = rng.random() < 0.4
    p.put(50, f"am {_long(day)}" + ("" if labelled else f", im {place}"), 11)
    p.gap(8)
    rows = [("Beginn:", f"{times[0].replace(':', '.')} Uhr"), ("Ende:", f"{times[1].replace(':', '.')} Uhr")]
    for label, value in rows + ([("Ort:", place)] if labelled else []):
        p.put(50, label, advance=False)
        p.put(130, value)
    return place


def _attendance(p: gm.Pages, rng: random.Random) -> tuple[int, list[dict[str, Any]]]:
    """'Anwesend:' with the mayor, the deputy and the members ('GR Anna Bauer (SPÖ)'), one a line,
    then 'Entschuldigt:'; the count present and the attendees (the office as printed is the role)."""
    p.gap(8)
    p.put(50, "Anwesend:", bold=True)
    attendees = []
    offices = ["Bürgermeister", "Vizebürgermeister"] + ["GR"] * rng.randrange(5, 12)
    for office in offices:
        name, party = gm._person(rng), rng.choice(PARTIES)
        p.put(70, f"{office} {name} ({party})")
        attendees.append({"name": name, "role": office, "faction": party})
    p.put(50, "Entschuldigt:", bold=True, advance=False)
    p.put(130, f"GR {gm._person(rng)}")
    p.gap(6)
    p.put(50, "Die Sitzung war öffentlich.")
    p.put(50, "Die Beschlussfähigkeit war gegeben.")
    return len(offices), attendees


def _build(rng: random.Random, short: bool) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    day = gm._date(rng)
    town = rng.choice(TOWNS)
    times = _times(rng)
    p = gm.Pages()
    place = _head(p, rng, town, day, times)
    members, attendees = _attendance(p, rng)
    subjects = [SUBJECTS[0], *rng.sample(SUBJECTS[1:-1], rng.randrange(3, 7)), SUBJECTS[-1]]
    p.gap(12)
    p.put(50, "Tagesordnung:", 12, bold=True)
    numbers_only = short and rng.random() < 0.3
    for k, (keyword, title) in enumerate(subjects, 1):
        if numbers_only:
            p.put(70, f"Punkt {k}")
        else:
            p.put(50, f"{k}.", advance=False)
            p.put(70, keyword if short else title)
    heading = rng.choice(["Punkt {k}: ", "{k}) ", "Zu Punkt {k}: "])
    goldens = []
    for k, (_keyword, title) in enumerate(subjects, 1):
        p.need(110)
        p.gap(12)
        p.put(50, heading.format(k=k) + title, 11, bold=True)
        p.gap(4)
        p.put(50, "Sachverhalt:", bold=True)
        for line in textwrap.wrap(ml._sentence(rng, 15, 40), 95):
            p.put(50, line)
        decision = vote = None
        if 1 < k < len(subjects):
            p.gap(4)
            if rng.random() < 0.6:
                p.put(50, "Antrag des Bürgermeisters:", bold=True)
                for line in textwrap.wrap(rng.choice(MOTIONS), 95):
                    p.put(50, line)
            decision = rng.choice(DECISIONS)
            p.put(50, "Beschluss:", bold=True)
            p.put(50, decision)
            vote = _result(p, rng, members)
        goldens.append(
            {"number": str(k), "title": title, "public": True, "paper_numbers": [], "decision": decision, "vote": vote}
        )
    p.gap(20)
    p.put(50, "Der Bürgermeister:", advance=False)
    p.put(300, "Der Schriftführer:")
    meeting = {"date": day.isoformat(), "start": times[0], "end": times[1], "location": place, "number": None}
    golden = {"kind": "meeting", "document_type": "Verhandlungsschrift", "body": f"Gemeinderat der {town}"}
    golden["originator"] = town
    golden |= {"public": True, "meeting": meeting, "agenda_items": goldens, "attendees": attendees, "speeches": []}
    return p.pages, golden


def verhandlungsschrift_gr(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Verhandlungsschrift whose agenda names the whole titles (see the module docstring)."""
    return _build(rng, short=False)


def verhandlungsschrift_kurz(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Verhandlungsschrift whose agenda names keywords or numbers only (see the module docstring)."""
    return _build(rng, short=True)


STYLES = (("verhandlungsschrift-gr", verhandlungsschrift_gr), ("verhandlungsschrift-kurz", verhandlungsschrift_kurz))


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 2`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--austrian-styles", lambda _golden, n: f"Verhandlungsschrift {n}")
