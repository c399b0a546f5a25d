"""Protokolle of a Gemeinderat in Baden-Württemberg, for scripts/generate_meetings.py
(``--bw-styles N``); goldens from the generator's own content.

- ``protokoll-bw-top``: the town in bold, "Protokoll über die öffentliche Sitzung des Gemeinderats",
  a head block that sets two label and value pairs on one line ("Datum: 12.03.2024" beside
  "Beginn: 19:00 Uhr", "Ort: Bürgersaal im Rathaus" beside "Ende: 21:35 Uhr"), "Vorsitz:" and
  "Schriftführung:" lines, the members present as one run-on list wrapped under its label
  ("Anwesend: Anna Bauer (CDU), Peter Klein (SPD), ..."), "Entschuldigt:"; then each item as "TOP 3"
  with its title beside it, the paper it treats ("Vorlage: GR 2024/017"), its facts, "Beschluss:"
  and the vote as "Abstimmungsergebnis: 12 Ja, 2 Nein, 1 Enthaltung" or "einstimmig".
- ``protokoll-bw-nummer``: the same with the items numbered "3." and the vote as counts joined by
  colons ("Abstimmung: 14:0:1", yes, no and abstentions).

There is no agenda list of its own: the items are the record's headings. The attendees are the
members of the "Anwesend:" list with their faction; the chair and the clerk of the head rows are not
entries of that list.

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml

TOWNS = [
    "Gemeinde Weilheim an der Teck",
    "Stadt Münsingen",
    "Gemeinde Ilsfeld",
    "Stadt Bad Urach",
    "Gemeinde Lenningen",
]
PARTIES = ["CDU", "SPD", "FWV", "GRÜNE", "FDP"]
PLACES = ["Bürgersaal im Rathaus", "Sitzungssaal des Rathauses", "Gemeindehalle, kleiner Saal"]
SUBJECTS = [
    "Bürgerfragestunde",
    'Bebauungsplan "Am Mühlbach" – Aufstellungsbeschluss',
    "Sanierung der Grundschule, Vergabe der Dachdeckerarbeiten",
    "Neufassung der Wasserversorgungssatzung",
    "Haushaltssatzung und Haushaltsplan 2025",
    "Kindergartenbedarfsplanung 2025/2026",
    "Annahme von Spenden",
    "Feststellung des Jahresabschlusses 2023 der Wasserversorgung",
    "Bekanntgaben und Verschiedenes",
]
DECISIONS = [
    "Der Gemeinderat beschließt die Aufstellung des Bebauungsplans in der vorliegenden Fassung.",
    "Der Gemeinderat vergibt die Arbeiten an den wirtschaftlichsten Bieter.",
    "Der Gemeinderat beschließt die Satzung in der vorliegenden Fassung.",
    "Der Gemeinderat stimmt der Annahme der Spenden zu.",
    "Der Gemeinderat stellt den Jahresabschluss wie vorgelegt fest.",
]


def _times(rng: random.Random) -> tuple[str, str]:
    hour = rng.choice([18, 18, 19, 19])
    return f"{hour:02d}:{rng.choice(['00', '30'])}", f"{hour + 2:02d}:{rng.choice(['10', '35', '50'])}"


def _vote(p: gm.Pages, rng: random.Random, members: int, colons: bool) -> dict[str, Any]:
    """The vote as printed, and as golden."""
    if rng.random() < 0.4:
        p.put(70, "Abstimmungsergebnis: einstimmig" if not colons else "Abstimmung: einstimmig")
        return {"yes": None, "no": None, "abstain": None, "unanimous": True}
    no, abstain = rng.randrange(0, 4), rng.randrange(0, 3)
    yes = members - no - abstain
    if colons:
        p.put(70, f"Abstimmung: {yes}:{no}:{abstain}")
    else:
        p.put(70, f"Abstimmungsergebnis: {yes} Ja, {no} Nein, {abstain} Enthaltung{'en' if abstain != 1 else ''}")
    # Counts without a no are not called unanimous unless the record says so (as meeting_layouts).
    return {"yes": yes, "no": no, "abstain": abstain, "unanimous": False if no else None}


def _head(p: gm.Pages, rng: random.Random, town: str, day: Any, times: tuple[str, str]) -> str:
    """The head with its two-pair lines; the place of the session."""
    place = rng.choice(PLACES)
    p.put(50, town, 11, bold=True)
    p.gap(10)
    p.put(50, "Protokoll über die öffentliche Sitzung des Gemeinderats", 14, bold=True)
    p.gap(8)
    pairs = [(("Datum:", day.strftime("%d.%m.%Y")), ("Beginn:", f"{times[0]} Uhr"))]
    pairs.append((("Ort:", place), ("Ende:", f"{times[1]} Uhr")))
    for (left_label, left_value), (right_label, right_value) in pairs:
        p.put(50, left_label, advance=False)
        p.put(110, left_value, advance=False)
        p.put(330, right_label, advance=False)
        p.put(390, right_value)
    return place


def _attendance(p: gm.Pages, rng: random.Random) -> tuple[int, list[dict[str, Any]]]:
    """Chair, clerk and the members present as one run-on list; the count voting and the attendees."""
    chair, clerk = gm._person(rng), gm._person(rng)
    p.gap(6)
    chair_title = rng.choice(["Bürgermeisterin", "Bürgermeister"])
    for label, value in (("Vorsitz:", f"{chair_title} {chair}"), ("Schriftführung:", clerk)):
        p.put(50, label, advance=False)
        p.put(150, value)
    members = [(gm._person(rng), rng.choice(PARTIES)) for _ in range(rng.randrange(8, 16))]
    listed = ", ".join(f"{name} ({party})" for name, party in members)
    p.put(50, "Anwesend:", advance=False)
    for line in textwrap.wrap(listed, 70):
        p.put(150, line)
    p.put(50, "Entschuldigt:", advance=False)
    p.put(150, f"{gm._person(rng)} ({rng.choice(PARTIES)})")
    # The attendees are the list's, as in the real goldens (eval/real/README.md): the chair and the
    # clerk named in the head rows above it are the session's officers, not entries of the list.
    attendees = [{"name": name, "role": None, "faction": party} for name, party in members]
    return len(members) + 1, attendees


def _build(rng: random.Random, numbered: bool) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    day = gm._date(rng)
    town = rng.choice(TOWNS)
    times = _times(rng)
    p = gm.Pages()
    place = _head(p, rng, town, day, times)
    voting, attendees = _attendance(p, rng)
    subjects = [SUBJECTS[0], *rng.sample(SUBJECTS[1:-1], rng.randrange(3, 6)), SUBJECTS[-1]]
    items = []
    for k, title in enumerate(subjects, 1):
        p.need(120)
        p.gap(14)
        p.put(50, f"{k}." if numbered else f"TOP {k}", 11, bold=True, advance=False)
        p.put(110, title, 11, bold=True)
        p.gap(4)
        papers: list[str] = []
        if 1 < k < len(subjects) and rng.random() < 0.6:
            papers = [f"GR {day.year}/{rng.randrange(1, 120):03d}"]
            p.put(70, f"Vorlage: {papers[0]}")
        for line in textwrap.wrap(ml._sentence(rng, 15, 40), 90):
            p.put(70, line)
        decision = vote = None
        if 1 < k < len(subjects):
            p.gap(4)
            decision = rng.choice(DECISIONS)
            p.put(70, "Beschluss:", bold=True)
            p.put(70, decision)
            vote = _vote(p, rng, voting, numbered)
        items.append(
            {
                "number": str(k),
                "title": title,
                "public": True,
                "paper_numbers": papers,
                "decision": decision,
                "vote": vote,
            }
        )
    p.gap(24)
    p.put(50, "Für die Richtigkeit:", advance=False)
    p.put(330, "Vorsitz:")
    meeting = {"date": day.isoformat(), "start": times[0], "end": times[1], "location": place, "number": None}
    golden = {"kind": "meeting", "document_type": "Protokoll", "body": "Gemeinderat", "originator": town}
    golden |= {"public": True, "meeting": meeting, "agenda_items": items, "attendees": attendees, "speeches": []}
    return p.pages, golden


def protokoll_bw_top(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Protokoll with "TOP 3" items and votes in words (see the module docstring)."""
    return _build(rng, numbered=False)


def protokoll_bw_nummer(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Protokoll with "3." items and votes as "14:0:1" (see the module docstring)."""
    return _build(rng, numbered=True)


STYLES = (("protokoll-bw-top", protokoll_bw_top), ("protokoll-bw-nummer", protokoll_bw_nummer))


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 2`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--bw-styles", lambda _golden, n: f"Protokoll {n}")
