"""Gemeinderat Niederschriften and agendas over several pages, for scripts/generate_meetings.py
(``--parliament-styles N``, with the parliament protocols of ``meeting_parliament.py``); goldens from
the generator's own content.

- ``gemeinderat``: a German Gemeinderat Niederschrift whose head says "Verhandelt:" or "Tag der
  Sitzung:" for the date, items headed "TOP 3" or "3." over their title with a line "Drucksache
  Nr. 23/2025", "GRDrs 123/2025" or "Vorlage Nr. 45/2025"; the minutes in blocks under
  "Sachverhalt:"/"Behandlung:"/"Beratung:" and a result under "Beratungsergebnis:", "Beschluss:"
  or "Beschlussfassung:" (a bare "Ergebnis:" is left out: minutes also head the outcome of a
  discussion so, beside the decision), or under an introduction that states the vote ("Der
  Gemeinderat beschließt mit 15 Ja-Stimmen, 2 Nein-Stimmen und 1 Enthaltung:"); votes also one
  count a line under their label ("Ja-Stimmen: 15", "dagegen: 2"); items referred to a committee
  or deferred ("Die Angelegenheit wird zur Vorberatung an den Technischen Ausschuss verwiesen.",
  no vote or "einstimmig"); votes "mehrheitlich beschlossen" with or without the votes against.
- ``tagesordnung-lang``: an Einladung whose agenda table (columns "Nr.", "Gegenstand" and one of
  "Drucksache", "GRDrs", "Vorlage Nr.") runs over two or three pages: every page after the first
  opens with a running head ("Tagesordnung der Sitzung des Gemeinderats am 12.03.2025 – Seite 2",
  "- 2 -", "noch: Tagesordnung") and the column headings again; titles over two or three lines,
  sub-items "4.1", the paper cell at the right of the title's first line, under some titles who
  reports on the item ("Berichterstattung: Bürgermeister Bauer"), which is no part of the title.

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
import textwrap
from typing import Any

import generate_meetings as gm
import meeting_agendas as ma
import meeting_layouts as ml

MUNICIPALITIES = ["Gemeinde Remseck", "Stadt Kornwestheim", "Gemeinde Weissach", "Stadt Leonberg", "Gemeinde Aidlingen"]
REFERRALS = [
    "Die Angelegenheit wird zur Vorberatung an den Technischen Ausschuss verwiesen.",
    "Der Antrag wird an den Verwaltungsausschuss verwiesen.",
    "Die Beratung wird vertagt.",
]
#: Subjects of a Gemeinderat's agenda, besides those of the other generators.
SUBJECTS_DE = [
    "Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse",
    "Fragen der Einwohnerinnen und Einwohner",
    "Feststellung des Jahresabschlusses 2024 des Eigenbetriebs Wasserversorgung",
    "Annahme von Spenden und Zuwendungen",
    "Vergabe der Rohbauarbeiten für den Neubau der Kindertagesstätte Schulstraße",
    "Änderung der Polizeiverordnung über die Offenhaltung von Gaststätten",
    "Zustimmung zur überplanmäßigen Ausgabe für die Sanierung der Ortsdurchfahrt",
    "Wahl der Schöffinnen und Schöffen für die Amtszeit 2026 bis 2030",
    "Bebauungsplan und örtliche Bauvorschriften Gewerbegebiet Hinter den Gärten, Satzungsbeschluss",
    "Kommunale Wärmeplanung, Beauftragung eines Fachbüros",
    "Gebührenkalkulation für die Abwasserbeseitigung 2026",
    "Verschiedenes, Bekanntgaben und Anfragen",
]
DECISIONS_DE = [
    "Der Gemeinderat stimmt dem Beschlussvorschlag der Verwaltung zu.",
    "Der Gemeinderat beschließt die Satzung in der vorgelegten Fassung.",
    "Der Gemeinderat nimmt den Bericht zur Kenntnis.",
    "Der Gemeinderat beauftragt die Verwaltung, die Ausschreibung vorzubereiten.",
]


def _paper_de(rng: random.Random, label: str) -> tuple[str, str]:
    """A paper label as printed and its number."""
    number = f"{rng.randrange(10, 400)}/{rng.choice([2024, 2025])}"
    return f"{label} {number}", number


def _de_items(rng: random.Random, count: int) -> list[dict[str, Any]]:
    subjects = rng.sample(gm.SUBJECTS + ma.EXTRA_SUBJECTS + SUBJECTS_DE, count + 5)
    items: list[dict[str, Any]] = []
    parent = rng.randrange(2, count) if rng.random() < 0.5 else 0
    for k in range(1, count + 1):
        items.append({"number": str(k), "title": subjects.pop(), "sub": False})
        if k == parent:
            for j in range(1, rng.randrange(3, 5)):
                items.append({"number": f"{k}.{j}", "title": subjects.pop(), "sub": True})
    return items


#: Who reports on an item of an invitation ('Berichterstattung: Bürgermeister Bauer').
REPORTERS = ["Bürgermeister Bauer", "Bürgermeisterin Lange", "Stadtbaumeister Mester", "Kämmerer Hoffmann", "Amt 61"]
#: Decisions under an introduction that states the vote ('Der Gemeinderat beschließt einstimmig:').
DECISIONS_INTRO = [
    "Dem Beschlussvorschlag der Verwaltung wird zugestimmt.",
    "Der Bebauungsplan wird in der vorgelegten Fassung als Satzung beschlossen.",
    "Die Verwaltung wird beauftragt, die Ausschreibung vorzubereiten.",
]


def _intro_result(p: gm.Pages, rng: random.Random) -> tuple[str, dict[str, Any]]:
    """'Der Gemeinderat beschließt einstimmig:' or '... mit 15 Ja-Stimmen, 2 Nein-Stimmen und 1
    Enthaltung:' over the decision; the decision and the vote the introduction states."""
    decision = rng.choice(DECISIONS_INTRO)
    if rng.random() < 0.5:
        p.put(50, "Der Gemeinderat beschließt einstimmig:", bold=True)
        vote = {"yes": None, "no": None, "abstain": None, "unanimous": True}
    else:
        yes, no, abstain = rng.randrange(8, 25), rng.randrange(1, 6), rng.randrange(1, 3)
        ending = "Enthaltung" if abstain == 1 else "Enthaltungen"
        p.put(
            50, f"Der Gemeinderat beschließt mit {yes} Ja-Stimmen, {no} Nein-Stimmen und {abstain} {ending}:", bold=True
        )
        vote = {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}
    for line in textwrap.wrap(decision, 95):
        p.put(50, line)
    return decision, vote


def _stacked_vote(p: gm.Pages, rng: random.Random) -> dict[str, Any]:
    """A vote under its label alone, one count a line ('Ja-Stimmen: 15' / 'Nein-Stimmen: 2' / ...)."""
    yes, no, abstain = rng.randrange(8, 25), rng.randrange(1, 6), rng.randrange(0, 3)
    words = rng.choice([("Ja-Stimmen", "Nein-Stimmen", "Enthaltungen"), ("dafür", "dagegen", "Enthaltungen")])
    p.need(70)
    p.gap(2)
    p.put(50, "Abstimmungsergebnis:")
    for word, count in zip(words, (yes, no, abstain), strict=True):
        p.put(70, f"{word}: {count}")
    return {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


def gemeinderat(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A German Gemeinderat Niederschrift (see the module docstring)."""
    s = gm._session(rng)
    town = rng.choice(MUNICIPALITIES)
    label = rng.choice(["Drucksache Nr.", "GRDrs", "Vorlage Nr."])
    p = gm.Pages()
    p.put(400, town, 11)
    p.gap(16)
    p.put(50, "Niederschrift", 16, bold=True)
    p.put(50, "über die öffentliche Sitzung des Gemeinderats", 12, bold=True)
    p.gap(10)
    day = s["date"]
    date_label = rng.choice(["Verhandelt:", "Tag der Sitzung:"])
    for head, value in (
        (date_label, f"{gm.WEEKDAYS[day.weekday()]}, {day.strftime('%d.%m.%Y')}"),
        ("Beginn:", f"{s['start']} Uhr"),
        ("Ende:", f"{s['end']} Uhr"),
        ("Ort:", s["location"]),
    ):
        p.put(50, head, advance=False)
        p.put(170, value)
    p.gap(12)
    items = _de_items(rng, rng.randrange(4, 8))
    heading = rng.choice(["top", "number"])
    result_label = rng.choice(["Beratungsergebnis:", "Beschluss:", "Beschlussfassung:"])
    text_labels = rng.sample(["Sachverhalt:", "Behandlung:", "Beratung:"], 2)
    goldens = []
    for index, item in enumerate(items):
        has_subs = index + 1 < len(items) and items[index + 1]["sub"]
        p.need(90)
        p.gap(10)
        first = f"TOP {item['number']}" if heading == "top" else f"{item['number']}."
        p.put(50, first, 11, bold=True, advance=False)
        for line in ml._fill(item["title"].split(), 400, 400, 11):
            p.put(110, line, 11, bold=True)
        papers: list[str] = []
        if not has_subs and rng.random() < 0.7:
            printed, number = _paper_de(rng, label)
            p.put(110, printed)
            papers.append(number)
        p.gap(4)
        for head in text_labels:
            p.put(50, head, bold=True)
            for line in textwrap.wrap(ml._sentence(rng, 10, 40 if not has_subs else 15), 95):
                p.put(50, line)
            p.gap(4)
            if has_subs:
                break
        decision = vote = None
        if not has_subs:
            referred = rng.random() < 0.25
            form = "label" if referred else rng.choice(["label", "label", "intro", "stacked"])
            if form == "intro":
                decision, vote = _intro_result(p, rng)
            else:
                decision = rng.choice(REFERRALS if referred else DECISIONS_DE)
                p.put(50, result_label, bold=True)
                for line in textwrap.wrap(decision, 95):
                    p.put(50, line)
            if form == "stacked":
                vote = _stacked_vote(p, rng)
            elif form == "label" and (not referred or rng.random() < 0.5):
                p.gap(2)
                if rng.random() < 0.4:
                    p.put(50, "Abstimmungsergebnis: einstimmig")
                    vote = {"yes": None, "no": None, "abstain": None, "unanimous": True}
                elif rng.random() < 0.2:
                    # By a majority without counts, or with the votes against only.
                    no = rng.randrange(1, 5)
                    against = rng.choice([None, no])
                    tail = f" bei {against} Gegenstimmen" if against else ""
                    p.put(50, f"Abstimmungsergebnis: mehrheitlich beschlossen{tail}")
                    vote = {"yes": None, "no": against, "abstain": None, "unanimous": False}
                else:
                    yes, no, abstain = rng.randrange(8, 25), rng.randrange(1, 6), rng.randrange(0, 3)
                    ending = "Enthaltung" if abstain == 1 else "Enthaltungen"
                    p.put(50, f"Abstimmungsergebnis: {yes} Ja-Stimmen, {no} Nein-Stimmen, {abstain} {ending}")
                    vote = {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}
        goldens.append(
            {
                "number": item["number"],
                "title": item["title"],
                "public": True,
                "paper_numbers": papers,
                "decision": decision,
                "vote": vote,
            }
        )
    p.gap(20)
    p.put(50, f"Für die Richtigkeit: {gm._person(rng)}, Schriftführer/in")
    meeting = {k: s[k] for k in ("start", "end", "location")} | {"date": day.isoformat(), "number": None}
    golden = {"kind": "meeting", "document_type": "Niederschrift", "body": "Gemeinderat", "originator": town}
    golden |= {"public": True, "meeting": meeting, "agenda_items": goldens, "speeches": []}
    return p.pages, golden


def tagesordnung_lang(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung whose agenda table runs over several pages (see the module docstring)."""
    s = gm._session(rng)
    town = rng.choice(MUNICIPALITIES)
    label = rng.choice(["Drucksache", "GRDrs", "Vorlage Nr."])
    day = s["date"].strftime("%d.%m.%Y")
    running = rng.choice(["seite", "dash", "noch"])
    p = gm.Pages()
    p.put(400, town, 11)
    p.gap(16)
    p.put(50, "Einladung", 16, bold=True)
    p.put(50, f"zur öffentlichen Sitzung des Gemeinderats am {day}", 12, bold=True)
    p.gap(8)
    p.put(50, "Beginn:", advance=False)
    p.put(150, f"{s['start']} Uhr")
    p.put(50, "Ort:", advance=False)
    p.put(150, s["location"])
    p.gap(10)
    p.put(50, "Tagesordnung", 12, bold=True)
    p.gap(4)

    def columns() -> None:
        p.put(50, "Nr.", bold=True, advance=False)
        p.put(90, "Gegenstand", bold=True, advance=False)
        p.put(450, label, bold=True)
        p.gap(4)

    columns()
    items = _de_items(rng, rng.randrange(12, 19))
    reporting = rng.choice(["Berichterstattung:", "Berichterstatter/in:", "Referent/in:", None])
    goldens = []
    for index, item in enumerate(items):
        has_subs = index + 1 < len(items) and items[index + 1]["sub"]
        lines = ml._fill(item["title"].split(), 340, 340, 10)
        reporter = f"{reporting} {rng.choice(REPORTERS)}" if reporting and rng.random() < 0.5 else None
        before = len(p.pages)
        p.need((len(lines) + bool(reporter)) * 13.5 + 8)
        if len(p.pages) > before:
            head = {
                "seite": f"Tagesordnung der Sitzung des Gemeinderats am {day} – Seite {len(p.pages)}",
                "dash": f"- {len(p.pages)} -",
                "noch": "noch: Tagesordnung",
            }[running]
            p.put(50 if running != "dash" else 280, head, 9)
            p.gap(10)
            columns()
        papers: list[str] = []
        if not has_subs and rng.random() < 0.75:
            number = f"{rng.randrange(10, 400)}/{rng.choice([2024, 2025])}"
            p.put(450, number, advance=False)
            papers.append(number)
        p.put(50 if not item["sub"] else 60, item["number"], advance=False)
        for line in lines:
            p.put(90, line)
        if reporter:
            p.put(90, reporter, 9)  # who reports on the item: no part of its title
        p.gap(5)
        goldens.append(
            {
                "number": item["number"],
                "title": item["title"],
                "public": True,
                "paper_numbers": papers,
                "decision": None,
                "vote": None,
            }
        )
    p.gap(20)
    p.put(50, f"gez. {gm._person(rng)}")
    p.put(50, "Bürgermeister/in")
    meeting = {
        "date": s["date"].isoformat(),
        "start": s["start"],
        "end": None,
        "location": s["location"],
        "number": None,
    }
    golden = {"kind": "meeting", "document_type": "Einladung", "body": "Gemeinderat", "originator": town}
    golden |= {"public": True, "meeting": meeting, "agenda_items": goldens, "speeches": []}
    return p.pages, golden
