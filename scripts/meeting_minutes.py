"""Minutes whose items are headed in the running text, for scripts/generate_meetings.py
(``--minutes-styles N``); goldens from the generator's own content.

A Niederschrift, Protokoll or Verhandlungsschrift with the head of :func:`generate_meetings._header`,
then, per document, drawn from its own ``random.Random``:

- an agenda list ("Tagesordnung:", "1. Title" with wrapped lines under the title) or none;
- one form of item heading in the minutes: "Zu Punkt 3 der Tagesordnung" or "Zu TOP 3:" over its
  title, "Tagesordnungspunkt 3: Title", "TOP 3 – Title", "Punkt 3: Title" or "Punkt 3 der
  Tagesordnung: Title", bold, titles wrapping at the heading's margin; items with sub-items
  ("3.1", "3.2") headed the same way;
- a part heading "Öffentlicher Teil" over the minutes, the last item now and then under
  "Nichtöffentlicher Teil";
- the minutes of an item: a paragraph that may run over a page break, a paper reference
  ("Vorlage: 1234/2024") under some headings, and a result: "Beschluss:" over its text or before
  it on the line, and a vote ("Abstimmungsergebnis: einstimmig", "mit 12 Ja-, 3 Nein-Stimmen
  und 1 Enthaltung", "Ja 23, Nein 5, Enthaltungen 2", "Zustimmung: 12 Ablehnung: 3 Enthaltung:
  1", "mit 12 gegen 3 Stimmen bei 1 Enthaltung", "mit 15:2:1 Stimmen angenommen", "Der Beschluss
  wurde einstimmig gefasst.").

Usage: ``python scripts/generate_meetings.py OUT --seed 7 --variants 0 --minutes-styles 20``.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_agendas as ma
import meeting_layouts as ml

KINDS = ["Niederschrift", "Protokoll", "Verhandlungsschrift"]
#: Forms of item headings in the running text (see :func:`_heading`).
HEADINGS = ["zu_punkt", "zu_top", "tagesordnungspunkt", "top_dash", "punkt", "punkt_der"]
DECISIONS = [
    "Der Antrag wird angenommen.",
    "Die Vorlage wird in der vorgelegten Fassung beschlossen.",
    "Der Ausschuss stimmt dem Vorschlag der Verwaltung zu und beauftragt die Verwaltung mit der Umsetzung.",
    "Der Bericht wird zur Kenntnis genommen.",
]


def _vote(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A vote line and its golden."""
    form = rng.randrange(7)
    if form == 0:
        text = rng.choice(["Abstimmungsergebnis: einstimmig", "Der Beschluss wurde einstimmig gefasst."])
        return text, {"yes": None, "no": None, "abstain": None, "unanimous": True}
    yes, no, abstain = rng.randrange(5, 30), rng.randrange(1, 9), rng.randrange(1, 4)
    ending = "Enthaltung" if abstain == 1 else "Enthaltungen"
    text = {
        1: f"Abstimmungsergebnis: mit {yes} Ja-, {no} Nein-Stimmen und {abstain} {ending}",
        2: f"Abstimmungsergebnis: Ja {yes}, Nein {no}, Enthaltungen {abstain}",
        3: f"Abstimmungsergebnis: {yes} Ja-Stimmen, {no} Nein-Stimmen, {abstain} Enthaltungen",
        4: f"Abstimmungsergebnis: Zustimmung: {yes} Ablehnung: {no} Enthaltung: {abstain}",
        5: f"Abstimmungsergebnis: mit {yes} gegen {no} Stimmen bei {abstain} {ending}",
        6: f"Abstimmungsergebnis: mit {yes}:{no}:{abstain} Stimmen angenommen",
    }[form]
    return text, {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


def _items(rng: random.Random) -> list[dict[str, Any]]:
    """Four to eight items, one of them (not the first) with two or three sub-items."""
    subjects = rng.sample(gm.SUBJECTS + ma.EXTRA_SUBJECTS, 12)
    count = rng.randrange(4, 9)
    parent = rng.randrange(2, count + 1) if rng.random() < 0.6 else 0
    items: list[dict[str, Any]] = []
    for k in range(1, count + 1):
        items.append({"number": str(k), "title": subjects.pop(), "sub": False})
        if k == parent:
            for j in range(1, rng.randrange(3, 5)):
                items.append({"number": f"{k}.{j}", "title": subjects.pop(), "sub": True})
    return items


def _heading(p: gm.Pages, form: str, number: str, title: str) -> None:
    """An item's heading in the minutes, bold, the title wrapping at the heading's margin."""
    if form in ("zu_punkt", "zu_top"):
        p.put(50, f"Zu Punkt {number} der Tagesordnung" if form == "zu_punkt" else f"Zu TOP {number}:", 11, bold=True)
        first = ""
    else:
        first = {
            "tagesordnungspunkt": "Tagesordnungspunkt {n}:",
            "top_dash": "TOP {n} –",
            "punkt": "Punkt {n}:",
            "punkt_der": "Punkt {n} der Tagesordnung:",
        }[form]
        first = first.format(n=number) + " "
    lines = ml._fill((first + title).split(), 470, 470, 11)
    for line in lines:
        p.put(50, line, 11, bold=True)


def minutes(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Minutes with item headings in the running text (see the module docstring)."""
    s = gm._session(rng)
    kind = rng.choice(KINDS)
    form = rng.choice(HEADINGS)
    items = _items(rng)
    p = gm.Pages()
    gm._header(p, s, kind, labels=True)
    if rng.random() < 0.6:
        p.put(50, rng.choice(["Tagesordnung:", "Tagesordnung"]), 12, bold=True)
        p.gap(4)
        for item in items:
            lines = ml._fill(item["title"].split(), 400, 400, 10)
            p.need(len(lines) * 14 + 10)
            x = 70 if item["sub"] else 50
            p.put(x, f"{item['number']}." if not item["sub"] else item["number"], advance=False)
            for line in lines:
                p.put(x + 40, line)
        p.gap(16)
    public = None
    hidden = len(items)  # the first item of the non-public part
    if rng.random() < 0.5:
        p.put(50, "Öffentlicher Teil", 12, bold=True)
        p.gap(6)
        public = True
        if not items[-1]["sub"] and rng.random() < 0.4:
            hidden = len(items) - 1
    goldens = []
    for index, item in enumerate(items):
        has_subs = index + 1 < len(items) and items[index + 1]["sub"]
        if index == hidden:
            p.need(80)
            p.gap(10)
            p.put(50, "Nichtöffentlicher Teil", 12, bold=True)
            public = False
        p.need(60)
        p.gap(8)
        _heading(p, form, item["number"], item["title"])
        papers: list[str] = []
        if not has_subs and rng.random() < 0.3:
            paper = f"{rng.randrange(100, 2000)}/2024"
            p.put(50, f"Vorlage: {paper}")
            papers.append(paper)
        p.gap(4)
        low, high = (8, 20) if has_subs else (15, 90)
        for line in textwrap.wrap(ml._sentence(rng, low, high), 95):
            p.put(50, line)
        decision = vote = None
        if not has_subs and rng.random() < 0.7:
            decision = rng.choice(DECISIONS)
            p.gap(4)
            if rng.random() < 0.5:
                p.put(50, "Beschluss:", bold=True)
                for line in textwrap.wrap(decision, 95):
                    p.put(50, line)
            else:
                for line in textwrap.wrap(f"Beschluss: {decision}", 95):
                    p.put(50, line)
            text, vote = _vote(rng)
            p.put(50, text)
        goldens.append(
            {
                "number": item["number"],
                "title": item["title"],
                "public": public,
                "paper_numbers": papers,
                "decision": decision,
                "vote": vote,
            }
        )
    meeting = {k: s[k] for k in ("start", "end", "location", "number")} | {"date": s["date"].isoformat()}
    golden = {"kind": "meeting", "document_type": kind, "meeting": meeting}
    golden |= {"agenda_items": goldens, "speeches": []}
    return p.pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` minutes of this module with their goldens."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        rng = random.Random(f"{seed}-minutes-{n}")
        fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
        pages, golden = minutes(rng)
        producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
        stem = f"minutes-{n}"
        notes = f"--seed {seed} --minutes-styles {count} ({producer}, {Path(fonts[0]).stem})"
        ml.write_meeting(out, stem, pages, golden, (fonts, producer, f"{golden['document_type']} {stem}", notes))
