"""Agendas nested three levels deep with long titles, for scripts/generate_meetings.py
(``--deep-agendas N``); goldens from the generator's own content.

Per document, drawn from its own ``random.Random``:

- ``tagesordnung-tief``: an Einladung whose "Tagesordnung" numbers its items to three levels ("3",
  "3.1", "3.1.1", or "TOP 3.1.1"), titles of one to four lines ("Bebauungsplan ... – hier: ..."),
  the numbers flush left or set in by their level, the title at a hanging indent; now and then dot
  leaders and a page number after each title's last line (a list that is also the contents of the
  bundle), a paper number in a right column; the list runs over page breaks without keeping an
  item together, under a running foot ("Seite 2 von 3" or "- 2 -"); a public and a non-public part.
- ``niederschrift-tief``: a Niederschrift with the same list up front, then each item headed again
  in bold ("TOP 3.1.1 Title", wrapped), its minutes, "Beschluss:" and a vote.

Usage: ``python scripts/generate_meetings.py OUT --seed 139 --variants 0 --deep-agendas 20``.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_agenda_layouts as mal
import meeting_agendas as ma
import meeting_layouts as ml
import meeting_minutes as mm

#: Sub-subjects that follow a title after "– hier:" or stand as a sub-item's title.
DETAILS = [
    "Bericht der Verwaltung über den Stand der Planungen und die Ergebnisse der Bürgerbeteiligung",
    "Vergabe der Planungsleistungen für die Leistungsphasen 1 bis 4",
    "Zustimmung zur überplanmäßigen Ausgabe im Teilhaushalt 6",
    "Abschnitt zwischen Bahnhofstraße und Lindenplatz",
    "Antrag der CDU-Fraktion vom 4. März 2024 auf Prüfung weiterer Standorte",
    "Kostenfeststellung",
    "Information über den Zeitplan",
]


def _items(rng: random.Random) -> list[dict[str, Any]]:
    """Four to seven top items, one or two of them with sub-items, one sub-item with its own; the
    last one or two items non-public."""
    subjects = rng.sample(gm.SUBJECTS + ma.EXTRA_SUBJECTS + mal.LONG[:-1], 16)
    details = DETAILS[:]
    rng.shuffle(details)
    count = rng.randrange(4, 8)
    parents = set(rng.sample(range(2, count + 1), min(2, count - 1)))
    items: list[dict[str, Any]] = []
    for k in range(1, count + 1):
        title = subjects.pop()
        if rng.random() < 0.3:
            title += " – hier: " + details[k % len(details)]
        items.append({"number": str(k), "title": title, "level": 0})
        if k not in parents:
            continue
        for j in range(1, rng.randrange(3, 5)):
            items.append({"number": f"{k}.{j}", "title": subjects.pop(), "level": 1})
            if j == 1 and rng.random() < 0.7:
                for i in range(1, rng.randrange(3, 4)):
                    items.append({"number": f"{k}.{j}.{i}", "title": details.pop(), "level": 2})
    hidden = rng.choice([1, 2])
    for item in items:
        top = int(item["number"].split(".")[0])
        item["public"] = top <= count - hidden
        item["paper"] = f"{rng.randrange(100, 2000)}/2024" if rng.random() < 0.4 and item["level"] else None
    return items


def _list(p: gm.Pages, rng: random.Random, items: list[dict[str, Any]], leaders: bool, papers: bool) -> None:
    """The agenda list: numbers flush or set in by level, titles at a hanging indent, no item kept
    together over a page break."""
    prefix = rng.choice(["", "TOP "])
    stepped = rng.random() < 0.5
    page = rng.randrange(3, 9)
    part = None
    for item in items:
        if item["public"] != part:
            p.gap(6)
            p.put(50, "Öffentlicher Teil" if item["public"] else "Nichtöffentlicher Teil", 11, bold=True)
            part = item["public"]
        x = 50 + (18 * item["level"] if stepped else 0)
        title_x = x + (40 if not prefix else 62) + (0 if stepped else 18 * item["level"])
        width = (400 if papers else 470) - (title_x - 50) - (40 if leaders else 0)
        lines = ml._fill(item["title"].split(), width, width, 10)
        if leaders:
            # Dots up to the page column after the title's last line.
            bold = item["level"] == 0
            room = (440 if papers else 510) - title_x - ml._width(lines[-1] + " ", 10, bold)
            lines[-1] += " " + "." * max(int(room / ml._width(".", 10, bold)) - 2, 3)
        p.put(x, f"{prefix}{item['number']}", bold=item["level"] == 0, advance=False)
        if papers and item["paper"]:
            p.put(450, item["paper"], advance=False)
        for k, line in enumerate(lines):
            if leaders and k == len(lines) - 1:
                p.put(530, str(page), advance=False)
            p.put(title_x, line, bold=item["level"] == 0)
        page += rng.randrange(1, 4)
        p.gap(3)


def _foot(pages: list[list[gm.Op]], rng: random.Random) -> None:
    """A running foot with the page number on every page."""
    dashes = rng.random() < 0.5
    for number, ops in enumerate(pages, 1):
        ops.append(gm.Op(280, 800, f"- {number} -" if dashes else f"Seite {number} von {len(pages)}", 8))


def _golden(item: dict[str, Any], decision: str | None = None, vote: dict[str, Any] | None = None) -> dict[str, Any]:
    papers = [item["paper"]] if item.get("paper") else []
    return {
        "number": item["number"],
        "title": item["title"],
        "public": item["public"],
        "paper_numbers": papers,
        "decision": decision,
        "vote": vote,
    }


def tagesordnung(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung with a deep agenda (see the module docstring)."""
    s = gm._session(rng)
    items = _items(rng)
    p = gm.Pages()
    gm._header(p, s, "Einladung", labels=False)
    p.put(50, "Sehr geehrte Damen und Herren,")
    p.put(50, "hiermit lade ich Sie zur Sitzung ein. Die Unterlagen stehen im Ratsinformationssystem bereit.")
    p.gap(12)
    p.put(50, "Tagesordnung", 12, bold=True)
    leaders, papers = rng.random() < 0.5, rng.random() < 0.5
    for item in items if not papers else []:
        item["paper"] = None
    _list(p, rng, items, leaders=leaders, papers=papers)
    p.gap(20)
    p.put(50, f"gez. {gm._person(rng)}")
    p.put(50, "Vorsitzende/r")
    _foot(p.pages, rng)
    meeting = {**{k: s[k] for k in ("start", "location", "number")}, "date": s["date"].isoformat(), "end": None}
    golden = {"kind": "meeting", "document_type": "Einladung", **gm._cover(s), "meeting": meeting}
    golden |= {"agenda_items": [_golden(i) for i in items], "attendees": [], "speeches": []}
    return p.pages, golden


def niederschrift(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Niederschrift with a deep agenda up front and each item headed again."""
    s = gm._session(rng)
    items = _items(rng)
    p = gm.Pages()
    gm._header(p, s, "Niederschrift", labels=True)
    p.put(50, "Tagesordnung:", 12, bold=True)
    _list(p, rng, items, leaders=False, papers=False)
    p.gap(16)
    goldens = []
    part = None
    for index, item in enumerate(items):
        has_subs = index + 1 < len(items) and items[index + 1]["level"] > item["level"]
        if item["public"] != part:
            p.need(80)
            p.gap(10)
            p.put(50, "Öffentlicher Teil" if item["public"] else "Nichtöffentlicher Teil", 12, bold=True)
            part = item["public"]
        p.need(60)
        p.gap(8)
        for line in ml._fill(f"TOP {item['number']} {item['title']}".split(), 470, 470, 11):
            p.put(50, line, 11, bold=True)
        if item["paper"]:
            p.put(50, f"Vorlage: {item['paper']}")
        p.gap(4)
        for line in textwrap.wrap(ml._sentence(rng, 8, 20) if has_subs else ml._sentence(rng, 15, 70), 95):
            p.put(50, line)
        decision = vote = None
        if not has_subs and rng.random() < 0.7:
            decision = rng.choice(mm.DECISIONS)
            p.gap(4)
            p.put(50, "Beschluss:", bold=True)
            for line in textwrap.wrap(decision, 95):
                p.put(50, line)
            text, vote = mm._vote(rng)
            p.put(50, text)
        goldens.append(_golden(item, decision, vote))
    _foot(p.pages, rng)
    meeting = {k: s[k] for k in ("start", "end", "location", "number")} | {"date": s["date"].isoformat()}
    golden = {"kind": "meeting", "document_type": "Niederschrift", "meeting": meeting}
    golden |= {"agenda_items": goldens, "speeches": []}
    return p.pages, golden


STYLES = [("tagesordnung-tief", tagesordnung), ("niederschrift-tief", niederschrift)]


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 2`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--deep-agendas", lambda golden, n: f"{golden['document_type']} {n}")
