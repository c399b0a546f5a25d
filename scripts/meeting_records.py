"""Session records of publishers the first generators did not imitate, for scripts/generate_meetings.py;
goldens from the generator's own content.

With ``--heads`` (:func:`build_heads`):

- ``rat-protokoll``: the Protokoll of a council session whose head says little else: the body's
  name with the type word on its line ("Gemeinderat Weinfelden – Protokoll der Sitzung vom ...",
  or "Protokoll" set right of the body on one baseline), on a line of its own, or a compound type
  word ("Kurzprotokoll der Sitzung vom ..."); "Zeit" / "Ort" rows, an attendance list, items
  numbered "1." in the minutes without an agenda heading, "Beschluss:" under some of them.
- ``wortprotokoll-kopf``: verbatim minutes of a city council ("Rat der Stadt Jena" / "Wortprotokoll" /
  "der 12. Sitzung vom ...", "Wortprotokoll der 12. Sitzung des Gemeinderates" / "vom ..."), one
  column of speaker turns under bold item headings with a hanging number.

With ``--agenda-styles N`` (:func:`build_agendas`, N // 4 of each):

- ``agenda-traktanden``: Swiss minutes: "Traktanden" list, each item again as "Traktandum n: ...",
  "Traktandum n" over its title or "n." with its title (one form a document), with its decision
  ("Beschluss" over the text, "Der Rat beschliesst:", "Beschluss: ...") and vote ("Abstimmung"
  over "mit 34 zu 5 Stimmen bei 2 Enthaltungen", "Abstimmung: 23 Ja, 4 Nein, 1 Enthaltung",
  "Abstimmung: einstimmig").
- ``agenda-neu``: an Einladung or Niederschrift whose non-public part numbers its items from 1 again
  ("Nichtöffentlicher Teil" / "1. Grundstücksangelegenheiten").

Each document draws from its own ``random.Random`` so that the other generators' files stay
byte-identical.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_agendas as ma
import meeting_heads as mh
import meeting_layouts as ml

TOWNS = ["Weinfelden", "Frauenfeld", "Jena", "Gotha", "Lüdenscheid", "Arbon"]
#: (the body as printed before the town, as printed in the genitive after 'des').
BODIES = [("Gemeinderat", "Gemeinderates"), ("Stadtrat", "Stadtrates"), ("Stadtparlament", "Stadtparlaments")]
SPEAKER_ROLES = ["Präsidentin", "Präsident"]
PARTIES = ["SP", "SVP", "FDP", "GLP", "CDU", "SPD", "GRÜNE"]


def _attendance(p: gm.Pages, rng: random.Random) -> list[dict[str, Any]]:
    """An 'Anwesend:' list grouped by faction, one 'Frau/Herr Name' a line (as gm.niederschrift)."""
    p.put(50, "Anwesend:", bold=True)
    attendees = []
    for faction in rng.sample(gm.FACTIONS, 2):
        p.put(50, faction, bold=True)
        for _ in range(rng.randrange(2, 4)):
            name = gm._person(rng)
            p.put(60, f"{rng.choice(['Frau', 'Herr'])} {name}")
            attendees.append({"name": name, "role": None, "faction": faction})
    p.gap(14)
    return attendees


def _item(number: str, title: str, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"number": number, "title": title, "public": None, "paper_numbers": []}
    return base | {"decision": None, "vote": None} | extra


def rat_protokoll(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A council's Protokoll whose head says little else (see the module docstring)."""
    day = gm._date(rng)
    town = rng.choice(TOWNS)
    noun, _ = rng.choice(BODIES)
    body = f"{noun} {town}"
    start, end = mh._times(rng)
    place = f"Rathaus {town}, {rng.choice(['Ratssaal', 'Sitzungszimmer 2'])}"
    p = gm.Pages()
    form = rng.choice(["dash", "beside", "lines", "compound"])
    when = f"Sitzung vom {mh._long(day, weekday=rng.random() < 0.5)}"
    kind = "Protokoll"
    if form == "compound":
        kind = rng.choice(["Kurzprotokoll", "Ratsprotokoll", "Sitzungsniederschrift"])
        p.put(50, body, 12, bold=True)
        p.gap(10)
        p.put(50, f"{kind} der {when}", 15, bold=True)
    elif form == "dash":
        p.put(50, f"{body} – Protokoll der {when}", 14, bold=True)
    elif form == "beside":
        p.put(50, body, 14, bold=True, advance=False)
        p.put(430, "Protokoll", 14, bold=True)
        p.put(50, when, 11)
    else:
        p.put(50, body, 12, bold=True)
        p.gap(10)
        p.put(50, "Protokoll", 16, bold=True)
        p.put(50, when, 11)
    p.gap(10)
    for label, value in (("Zeit", f"{start.replace(':', '.')} Uhr bis {end.replace(':', '.')} Uhr"), ("Ort", place)):
        p.put(50, label + rng.choice(["", ":"]), advance=False)
        p.put(140, value)
    p.gap(10)
    attendees = _attendance(p, rng)
    titles = rng.sample(gm.SUBJECTS[:3] + ml.REPORTS + ma.EXTRA_SUBJECTS[:6], rng.randrange(3, 6))
    items = []
    for k, title in enumerate(titles, 1):
        lines = ml._fill(f"{k}. {title}".split(), 470, 470, 11)
        p.need(len(lines) * 15 + 50)
        for line in lines:
            p.put(50, line, 11, bold=True)
        for line in textwrap.wrap(ml._sentence(rng, 12, 30), 95):
            p.put(50, line)
        decision = None
        if rng.random() < 0.6:
            decision = rng.choice(mh.DECISIONS)
            p.put(50, f"Beschluss: {decision}")
        p.gap(10)
        items.append(_item(str(k), title, decision=decision))
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": None}
    golden = {"kind": "meeting", "document_type": kind, "body": body, "originator": None}
    golden |= {"meeting": meeting, "agenda_items": items, "attendees": attendees, "speeches": []}
    return p.pages, golden


def wortprotokoll_kopf(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Verbatim minutes of a city council with a head of another publisher (see the module docstring)."""
    day = gm._date(rng)
    town = rng.choice(TOWNS)
    number = f"{rng.randrange(2, 60)}. Sitzung"
    start, end = mh._times(rng)
    p = gm.Pages()
    form = rng.choice(["council", "genitive", "city"])
    if form == "council":
        body = f"Rat der Stadt {town}"
        p.put(50, body, 12, bold=True)
        p.gap(12)
        p.put(50, "Wortprotokoll", 16, bold=True)
        p.put(50, f"der {number} vom {mh._long(day, weekday=True)}", 11)
    elif form == "genitive":
        body = "Gemeinderat"
        p.put(50, f"Wortprotokoll der {number} des Gemeinderates", 14, bold=True)
        p.put(50, f"vom {mh._long(day, weekday=True)}", 11)
    else:
        body = f"Gemeinderat der Stadt {town}"
        p.put(50, body, 12, bold=True)
        p.gap(12)
        p.put(50, "Wortprotokoll", 16, bold=True)
        p.put(50, f"{number} vom {mh._long(day)}", 11)
    p.gap(8)
    p.put(50, f"Beginn: {start} Uhr", advance=False)
    p.put(250, f"Ende: {end} Uhr")
    p.gap(16)
    chair = gm._person(rng)
    role = rng.choice(SPEAKER_ROLES)
    speeches: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []

    def turn(label: str, speaker: str, who: str, text: str) -> None:
        for line in ml._fill(f"{label} {text}".split(), 490, 490, 10):
            p.put(50, line)
        p.gap(6)
        speeches.append({"speaker": speaker, "role": who, "text": text})

    turn(f"{role} {chair}:", chair, role, "Ich eröffne die Sitzung. " + ml._sentence(rng, 10, 25))
    titles = rng.sample(gm.SUBJECTS[:3] + ml.REPORTS, rng.randrange(2, 5))
    for k, title in enumerate(titles, 1):
        wrapped = ml._fill(title.split(), 440, 440, 11)
        p.need(len(wrapped) * 15 + 60)
        p.gap(6)
        p.put(50, str(k), 11, bold=True, advance=False)
        for line in wrapped:
            p.put(80, line, 11, bold=True)
        p.gap(6)
        items.append(_item(str(k), title, public=None))
        for _ in range(rng.randrange(1, 3)):
            name, party = gm._person(rng), rng.choice(PARTIES)
            turn(f"{name} ({party}):", name, party, ml._sentence(rng, 20, 50))
        turn(f"{role} {chair}:", chair, role, "Wer dem Antrag zustimmt, hebt die Hand. Das ist die Mehrheit.")
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": None, "number": number}
    golden = {"kind": "meeting", "document_type": "Wortprotokoll", "body": body}
    golden |= {"meeting": meeting, "agenda_items": items, "attendees": [], "speeches": speeches}
    return p.pages, golden


def _swiss_vote(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A Swiss vote line and its golden."""
    form = rng.choice(["ratio", "counts", "unanimous"])
    if form == "unanimous":
        return "einstimmig", {"yes": None, "no": None, "abstain": None, "unanimous": True}
    yes, no, abstain = rng.randrange(20, 60), rng.randrange(1, 15), rng.randrange(1, 5)
    if form == "ratio":
        text = f"Der Antrag wird mit {yes} zu {no} Stimmen bei {abstain} Enthaltungen angenommen."
    else:
        text = f"{yes} Ja, {no} Nein, {abstain} Enthaltung{'en' if abstain > 1 else ''}"
    return text, {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


def traktanden(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Swiss Traktanden minutes with decisions and votes (see the module docstring)."""
    pages, golden = mh.gemeinderat(rng)  # the head and list of the Swiss Protokoll layout ...
    head: list[list[gm.Op]] = []
    # ... up to its minutes, which are written anew here with decisions and votes.
    for ops in pages:
        keep = []
        for op in ops:
            if op.text.startswith("Traktandum "):
                break
            keep.append(op)
        head.append(keep)
        if len(keep) < len(ops):
            break
    p = gm.Pages()
    p.pages = head
    p.y = max(op.y for op in head[-1]) + 30 if head[-1] else 70.0
    items = []
    heading = rng.choice(["label", "alone", "number"])  # one form for the whole document
    for item in golden["agenda_items"]:
        k, title = item["number"], item["title"]
        p.need(120)
        if heading == "label":
            p.put(50, f"Traktandum {k}: {title}", 11, bold=True)
        else:
            # 'Traktandum 3' over its title, or the title under its number as the list printed it.
            first = f"Traktandum {k}" if heading == "alone" else f"{k}."
            p.put(50, first, 11, bold=True, advance=heading == "alone")
            for line in ml._fill(title.split(), 440, 440, 11):
                p.put(50 if heading == "alone" else 70, line, 11, bold=True)
        for line in textwrap.wrap(ml._sentence(rng, 10, 30), 95):
            p.put(50, line)
        p.gap(4)
        decision = rng.choice(["Die Vorlage wird genehmigt.", "Der Kredit wird bewilligt.", mh.DECISIONS[0]])
        vote_text, vote = _swiss_vote(rng)
        form = rng.choice(["heading", "council", "label"])
        if form == "heading":
            p.put(50, "Beschluss", bold=True)
            p.put(50, decision)
            p.gap(4)
            p.put(50, "Abstimmung", bold=True)
            p.put(50, vote_text)
        elif form == "council":
            p.put(50, rng.choice(["Der Rat beschliesst:", "Der Gemeinderat beschliesst:"]), bold=True)
            p.put(50, decision)
            p.gap(4)
            p.put(50, f"Abstimmung: {vote_text}")
        else:
            p.put(50, f"Beschluss: {decision}")
            p.put(50, f"Abstimmung: {vote_text}")
        p.gap(10)
        items.append(_item(k, title, decision=decision, vote=vote))
    golden["agenda_items"] = items
    return p.pages, golden


def restart(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung or Niederschrift whose non-public part numbers from 1 again."""
    s = gm._session(rng)
    minutes = rng.random() < 0.5
    label = rng.choice(["TOP {n}", "{n}.", "Punkt {n}"])
    public = rng.sample(gm.SUBJECTS + ma.EXTRA_SUBJECTS, rng.randrange(3, 7))
    hidden = rng.sample(ma.NONPUBLIC, rng.randrange(1, 4))
    items = [(str(k), t, True) for k, t in enumerate(public, 1)] + [(str(k), t, False) for k, t in enumerate(hidden, 1)]
    p = gm.Pages()
    gm._header(p, s, "Niederschrift" if minutes else "Einladung", labels=minutes)

    def listed(bold: bool) -> None:
        state = None
        for number, title, open_ in items:
            if open_ != state:
                state = open_
                p.gap(6)
                p.put(50, "Öffentlicher Teil" if open_ else "Nichtöffentlicher Teil", 11, bold=True)
            lines = ml._fill(title.split(), 430, 430, 10)
            p.need(len(lines) * 14 + 20)
            p.put(50, label.format(n=number), bold=bold, advance=False)
            for line in lines:
                p.put(110, line, bold=bold)

    p.put(50, "Tagesordnung", 12, bold=True)
    listed(False)
    goldens = []
    if minutes:
        p.gap(16)
        state = None
        for number, title, open_ in items:
            if open_ != state:
                state = open_
                p.gap(6)
                p.put(50, "Öffentlicher Teil" if open_ else "Nichtöffentlicher Teil", 12, bold=True)
            lines = ml._fill(title.split(), 430, 430, 10)
            p.need(len(lines) * 14 + 60)
            p.gap(6)
            p.put(50, label.format(n=number), bold=True, advance=False)
            for line in lines:
                p.put(110, line, bold=True)
            for line in textwrap.wrap(ml._sentence(rng, 10, 25), 95):
                p.put(50, line)
            decision = vote = None
            if rng.random() < 0.5:
                decision = rng.choice(mh.DECISIONS)
                text, vote = gm._vote(rng)
                p.put(50, f"Beschluss: {decision}")
                p.put(50, f"Abstimmungsergebnis: {text}")
            goldens.append(_item(number, title, public=open_, decision=decision, vote=vote))
    else:
        goldens = [_item(number, title, public=open_) for number, title, open_ in items]
    kind = "Niederschrift" if minutes else "Einladung"
    fields = ("start", "end", "location", "number") if minutes else ("start", "location", "number")
    meeting = {k: s[k] for k in fields} | {"date": s["date"].isoformat()} | ({} if minutes else {"end": None})
    golden = {"kind": "meeting", "document_type": kind, "meeting": meeting}
    golden |= {"agenda_items": goldens, "speeches": []}
    return p.pages, golden


def build_heads(out: Path, seed: int, variants: int) -> None:
    """Write ``variants`` of each head layout of this module with their goldens."""
    for n in range(1, variants + 1):
        for name, build in (("rat-protokoll", rat_protokoll), ("wortprotokoll-kopf", wortprotokoll_kopf)):
            ml.write_drawn(out, f"{name}-{n}", random.Random(f"{seed}-{name}-{n}"), build, f"--seed {seed} --heads")


def build_agendas(out: Path, seed: int, count: int) -> None:
    """Write ``count // 4`` (at least one) of each agenda style of this module with their goldens."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, max(count // 4, 1) + 1):
        for name, build in (("agenda-traktanden", traktanden), ("agenda-neu", restart)):
            notes = f"--seed {seed} --agenda-styles {count}"
            ml.write_drawn(out, f"{name}-{n}", random.Random(f"{seed}-{name}-{n}"), build, notes)
