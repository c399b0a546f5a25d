"""Long verbatim minutes of a city council set like a plenary protocol, for scripts/generate_meetings.py
(``--plenary-styles N``); goldens from the generator's own content.

- ``plenarprotokoll``: a Wortprotokoll of 20 to 40 pages (``long``) or of 3 to 8, in two narrow
  justified or ragged columns (``scripts/plenary_layout.py``): column and page breaks in mid-sentence
  and in mid-word (a syllable division with a hyphen), speaker turns wherever they fall (at the top of
  the right column too); speakers with offices, titles and factions ("Ratsmitglied Dr. Elster (CDU):",
  "Bürgermeisterin Scho-Antwerpes:", "Beigeordnete Frau Klein:", "Stadtdirektor Kahlen:", "Stadtkämmerin
  Prof. Dr. Diemert:", "Jörg Detjen (DIE LINKE):"); interjections set apart inside a turn, over one or
  more lines ("(Beifall bei der SPD und bei den Grünen)", "(Zuruf von Jörg Frank [GRÜNE]: ...)"); agenda
  headings numbered to three levels ("3.1.2 Antrag der Fraktion ... betreffend „...“ AN/1234/2021"), the
  paper number at the title's end or on a line of its own, set in a column with a hanging number or
  across both columns (the columns above balanced); the chair's vote sentences in the text ("Dann ist
  das einstimmig so beschlossen."); a running head ("Rat der Stadt Köln – 12. Sitzung vom 6. Mai 2021 –
  Seite 5", or its parts at the left and right) and a page foot.

In the golden a speech's text is its paragraphs joined by a space, hyphenation undone, interjections
left out; ``speaker`` is the name as printed without "Frau"/"Herr" and the office ("Dr. Elster",
"Klein"), ``role`` the faction where one is printed, else the office. Items are all printed headings in
printed order; decision and vote are null (the result is only spoken); the items stand before the
chair's "Ende des öffentlichen Teils" (public true).

Each document draws from its own ``random.Random``; nothing else the generator writes changes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_heads as mh
import meeting_layouts as ml
import plenary_layout as pl

TOWNS = ["Köln", "Bonn", "Düsseldorf", "Dortmund", "Münster", "Aachen", "Bielefeld", "Wuppertal"]
FACTIONS = ["SPD", "CDU", "GRÜNE", "FDP", "DIE LINKE", "AfD", "Volt", "Die PARTEI", "GUT", "Freie Wähler"]
#: The dative a stage note names a faction by ('Beifall bei der SPD', 'bei den Grünen').
DATIVE = {
    "SPD": "der SPD",
    "CDU": "der CDU",
    "GRÜNE": "den Grünen",
    "FDP": "der FDP",
    "DIE LINKE": "der LINKEN",
    "AfD": "der AfD",
    "Volt": "Volt",
    "Die PARTEI": "der PARTEI",
    "GUT": "GUT",
    "Freie Wähler": "den Freien Wählern",
}
FIRST = ["Jörg", "Bettina", "Martin", "Ursula", "Christian", "Brigitte", "Ralph", "Güldane", "Hans-Werner", "Lino"]
LAST = [
    "Elster",
    "Frank",
    "Detjen",
    "Heinen",
    "Klein",
    "Kahlen",
    "Börschel",
    "Sterck",
    "Tokyürek",
    "Hammer",
    "Zimmermann",
    "Müller-Lüdtke",
    "Schlieben",
    "Bürgermann",
    "Weiß",
    "Pöttgen",
]
WORDS = [
    *gm.WORDS,
    "verwaltung",
    "bürgerinnen",
    "selbstverständlich",
    "ausdrücklich",
    "gemeinsam",
    "unterstützen",
    "entsprechende",
    "verantwortung",
    "investitionen",
    "zusammenarbeit",
    "notwendig",
    "stadtgesellschaft",
    "haushaltsplanentwurf",
    "verkehrsberuhigung",
    "klimaschutzkonzept",
    "wohnungsbaugesellschaft",
    "änderungsantrag",
    "schulentwicklungsplanung",
    "kinderbetreuung",
    "sanierungsbedarf",
    "ausschreibung",
    "planungsverfahren",
    "innenstadt",
    "bezirksvertretung",
    "förderprogramme",
    "beratungen",
    "tatsächlich",
    "ehrlicherweise",
    "konsequent",
    "mehrheit",
]
MOTIONS = [
    "Sicherheit und Sauberkeit am Ebertplatz",
    "Einführung eines Sozialtickets für alle Bezirke",
    "Klimaneutralität der städtischen Beteiligungsgesellschaften bis 2035",
    "Planungssicherheit für die Händlerinnen und Händler am Großmarkt schaffen",
    "Verkehrsberuhigung in den Wohnquartieren der Innenstadt",
    "Schnellstmögliche Aufnahme von Menschen aus Afghanistan",
    "Stärkung der Bezirksvertretungen bei der Vergabe von Fördermitteln",
    "Einrichtung eines Runden Tisches gegen Wohnungslosigkeit",
]
REPORTS = [
    "Ordnungsbehördliche Verordnung über das Offenhalten von Verkaufsstellen an Sonntagen",
    "Stellplatzsatzung der Stadt",
    "Feststellung des Jahresabschlusses der Bühnen für das Wirtschaftsjahr",
    "Neubau einer Vierfachsporthalle an der Gesamtschule Nord",
    "Fortschreibung des Integrierten Stadtentwicklungskonzeptes",
    "Wirtschaftsplan der Stadtentwässerungsbetriebe",
    "Bebauungsplan Wohngebiet Am Mühlenteich, Satzungsbeschluss",
    "Satzungsänderung der Abfallwirtschaftsbetriebe",
]
GROUPS = [
    ("Anträge des Rates", ["Anträge gemäß § 3 der Geschäftsordnung des Rates", "Dringlichkeitsanträge"], "motion"),
    ("Anfragen und Mitteilungen", ["Anfragen gemäß § 4 der Geschäftsordnung des Rates", "Mitteilungen"], "question"),
    ("Allgemeine Vorlagen", ["Vorlagen der Verwaltung", "Vorlagen der Bezirksvertretungen"], "report"),
    ("Satzungen", ["Satzungen und Verordnungen", "Gebührensatzungen"], "report"),
]
VOTES = [
    ("Gibt es Gegenstimmen? – Keine. Enthaltungen? – Keine. Dann ist das einstimmig so beschlossen.", True),
    ("Wer ist dagegen? – Die {f}. Wer enthält sich? – Niemand. Dann ist das so beschlossen.", False),
    (
        "Ich lasse abstimmen. Gegenstimmen? – Bei Gegenstimmen der {f}. Enthaltungen? – Keine. Dann ist das so "
        "beschlossen.",
        False,
    ),
    (
        "Wer dem Antrag zustimmen möchte, den bitte ich um das Handzeichen. – Das ist die Mehrheit. Dann ist der "
        "Antrag angenommen.",
        False,
    ),
    ("Dann ist das einstimmig so beschlossen.", True),
    ("Gegenstimmen? – Enthaltungen? – Dann ist der Antrag bei Gegenstimmen der {f} abgelehnt.", False),
]


def _sentences(rng: random.Random, low: int, high: int) -> str:
    out = []
    for _ in range(rng.randrange(low, high)):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(8, 22))]
        # Nouns keep their capital ('Verwaltung'): a divided noun's rest is still in lower case.
        words = [w.capitalize() if len(w) > 9 and rng.random() < 0.5 else w for w in words]
        sentence = " ".join(words)
        out.append(sentence[0].upper() + sentence[1:] + rng.choice([".", ".", ".", "!", "?"]))
    return " ".join(out)


def _people(rng: random.Random) -> dict[str, list[tuple[str, str, str]]]:
    """The chair, deputies and officials, and members: (label, speaker, role)."""
    last = rng.sample(LAST, len(LAST))
    female = rng.random() < 0.5
    office = "Oberbürgermeisterin" if female else "Oberbürgermeister"
    chair = [(f"{office} {last[0]}:", last[0], office)]
    deputy = "Bürgermeisterin" if rng.random() < 0.5 else "Bürgermeister"
    dr = rng.choice(["", "Dr. "])
    chairs = [*chair, (f"{deputy} {dr}{last[1]}:", f"{dr}{last[1]}", deputy)]
    officials = [
        (f"Beigeordnete Frau {last[2]}:", last[2], "Beigeordnete"),
        (f"Beigeordneter Herr {last[3]}:", last[3], "Beigeordneter"),
        (f"Stadtdirektor {last[4]}:", last[4], "Stadtdirektor"),
        (f"Stadtkämmerin Prof. Dr. {last[5]}:", f"Prof. Dr. {last[5]}", "Stadtkämmerin"),
    ]
    members = []
    for name in last[6:]:
        faction = rng.choice(FACTIONS)
        form = rng.randrange(4)
        if form == 0:
            members.append((f"Ratsmitglied Dr. {name} ({faction}):", f"Dr. {name}", faction))
        elif form == 1:
            members.append((f"Ratsmitglied {name} ({faction}):", name, faction))
        else:
            first = rng.choice(FIRST)
            members.append((f"{first} {name} ({faction}):", f"{first} {name}", faction))
    return {"chairs": chairs, "officials": officials, "members": members}


def _interjection(rng: random.Random, people: dict[str, list[tuple[str, str, str]]]) -> str:
    """A stage note; some run over several lines."""
    factions = rng.sample(FACTIONS[:6], 3)
    _, speaker, role = rng.choice(people["members"])
    form = rng.randrange(6)
    if form == 0:
        return "(Beifall)"
    if form == 1:
        return f"(Beifall bei {DATIVE[factions[0]]} und bei {DATIVE[factions[1]]})"
    if form == 2:
        remark = rng.choice(["Das stimmt doch gar nicht!", "Hört, hört!", "Das haben Sie doch selbst beschlossen!"])
        who = speaker.replace("Dr. ", "") if " " in speaker else f"{rng.choice(FIRST)} {speaker}"
        return f"(Zuruf von {who} [{role}]: {remark})"
    if form == 3:
        return f"(Beifall bei {DATIVE[factions[0]]}, bei {DATIVE[factions[1]]} und bei {DATIVE[factions[2]]})"
    if form == 4:
        return f"(Zurufe von {DATIVE[factions[0]]} – Gegenruf von {DATIVE[factions[1]]}: Unerhört!)"
    return rng.choice(["(Heiterkeit)", "(Widerspruch bei der AfD)", "(Unruhe)"])


class Record:
    """The document being written: the setter, the speeches and items of the golden."""

    def __init__(self, rng: random.Random, sheet: pl.Sheet, first_top: float, style: dict[str, Any]) -> None:
        self.rng = rng
        self.sheet = sheet
        self.style = style
        self.setter = pl.Setter(sheet, first_top)
        self.speeches: list[dict[str, Any]] = []
        self.items: list[dict[str, Any]] = []

    def paragraph(self, text: str, label: str = "") -> None:
        rows = pl.fill(
            text.split(),
            self.sheet.width,
            self.sheet.size,
            label=label,
            indent=self.style["indent"],
            justify=self.style["justify"],
        )
        for row in rows:
            self.setter.column(row)

    def turn(self, who: tuple[str, str, str], paragraphs: list[str], notes: list[str] | None = None) -> None:
        """A speaker's turn: paragraphs with stage notes between them (``notes[k]`` after paragraph k)."""
        label, speaker, role = who
        self.setter.column(pl.blank(self.sheet.step * 0.7))
        for k, text in enumerate(paragraphs):
            self.paragraph(text, label if k == 0 else "")
            note = (notes or [])[k] if k < len(notes or []) else ""
            if note:
                self.setter.column(pl.blank(self.sheet.step * 0.4))
                for row in pl.fill(note.split(), self.sheet.width - 40, self.sheet.size):
                    row.runs = [(x + 20, t, b) for x, t, b in row.runs]
                    self.setter.column(row)
                self.setter.column(pl.blank(self.sheet.step * 0.4))
        self.speeches.append({"speaker": speaker, "role": role, "text": " ".join(paragraphs)})

    def title_block(self, day: dt.date, body: str, number: str, start: str, end: str) -> None:
        """The record's title over both columns: body, "Wortprotokoll", the session and its times."""
        s, left = self.setter, self.sheet.left
        s.put_full(left, body, 13, bold=True)
        s.put_full(left, "Wortprotokoll", 17, bold=True)
        s.put_full(left, f"der {number} des Rates vom {mh._long(day, weekday=True)}", 11)
        s.y_top += 4
        s.put_full(left, f"(Beginn: {start.replace(':', '.')} Uhr – Ende: {end.replace(':', '.')} Uhr)", 10)
        s.y_top += 14

    def hang(self, number: str, size: float) -> float:
        """The indent of a heading's title after its hanging number: room for "3.1.2"."""
        return ml._width("3.1.2", size, True) + 8

    def heading(self, number: str, title: str, paper: str | None, across: bool) -> None:
        """An item heading: across both columns, or in a column with a hanging number; the paper
        number at the title's end or on a line of its own."""
        size = self.sheet.size
        end = self.style["paper_at_end"] and paper is not None
        text = f"{title} {paper}" if end and paper else title
        hang = self.hang(number, size)
        width = (self.sheet.full if across else self.sheet.width) - hang
        lines = _bold_fill(text.split(), width, size)
        if paper and not end:
            lines.append(paper)
        rows = [pl.Row([(hang, line, True)], size * 1.32) for line in lines]
        rows[0].runs.insert(0, (0.0, number, True))
        if across:
            self.setter.across(rows, self.sheet.step * 0.6)
        else:
            self.setter.column(pl.blank(self.sheet.step))
            rows[0].keep = len(rows) + 1  # with the first two lines under it
            for row in rows:
                self.setter.column(row)
            self.setter.column(pl.blank(self.sheet.step * 0.5))
        self.items.append(
            {
                "number": number,
                "title": title,
                "public": True,
                "paper_numbers": [paper] if paper else [],
                "decision": None,
                "vote": None,
            }
        )


def _bold_fill(words: list[str], width: float, size: float) -> list[str]:
    """``words`` in bold broken into lines of at most ``width`` points."""
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and ml._width(trial, size, True) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def _agenda(rng: random.Random, year: int, long: bool) -> list[tuple[str, str, str | None, int]]:
    """(number, title, paper, level) of the printed headings, in printed order."""
    out: list[tuple[str, str, str | None, int]] = []
    out.append(("1", "Eröffnung und Begrüßung", None, 1))
    number = 2
    groups = rng.sample(GROUPS, 4 if long else 3)
    for top, subs, kind in groups:
        out.append((str(number), top, None, 1))
        for j, sub in enumerate(subs[: 2 if long else 1], 1):
            out.append((f"{number}.{j}", sub, None, 2))
            for k in range(1, (rng.randrange(3, 7) if long else rng.randrange(2, 4)) + 1):
                party = rng.choice(FACTIONS[:5])
                if kind == "motion":
                    title = f"Antrag der Fraktion {party} betreffend „{rng.choice(MOTIONS)}“"
                    paper = f"AN/{rng.randrange(100, 2999):04d}/{year}"
                elif kind == "question":
                    title = f"Anfrage der Fraktion {party} betreffend „{rng.choice(MOTIONS)}“"
                    paper = f"AN/{rng.randrange(100, 2999):04d}/{year}"
                else:
                    title = rng.choice(REPORTS)
                    paper = f"{rng.randrange(100, 4999)}/{year}"
                out.append((f"{number}.{j}.{k}", title, paper, 3))
        number += rng.randrange(1, 4)
    return out


def session_facts(rng: random.Random) -> tuple[dt.date, str, str, str, str]:
    """A council session's day, body, number ("12. Sitzung"), start and end ("HH:MM")."""
    day = gm._date(rng)
    body = f"Rat der Stadt {rng.choice(TOWNS)}"
    number = f"{rng.randrange(2, 60)}. Sitzung"
    start = f"{rng.randrange(14, 17):02d}:{rng.randrange(0, 60):02d}"
    end = f"{rng.randrange(19, 23):02d}:{rng.randrange(0, 60):02d}"
    return day, body, number, start, end


def plenarprotokoll(rng: random.Random, long: bool) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Verbatim minutes set like a plenary protocol (see the module docstring)."""
    day, body, number, start, end = session_facts(rng)
    style = {
        "justify": rng.random() < 0.7,
        "indent": rng.choice([0.0, 0.0, 8.0]),
        "paper_at_end": rng.random() < 0.5,
        "headings": rng.choice(["column", "across", "mixed"]),
        "head": rng.choice(["centre", "sides", "session"]),
        "foot": rng.choice(["", "dash", "pages"]),
        "rule": rng.random() < 0.5,
        "size": rng.choice([9.0, 9.5]),
    }
    session = f"{number} vom {ml._long_date(day)}"
    head = {
        "centre": ["", "", f"{body} – {session} – Seite {{page}}"],
        "sides": [body, f"{session} – Seite {{page}}", ""],
        "session": [session, "Seite {page}", ""],
    }[style["head"]]
    foot = {"": "", "dash": "– {page} –", "pages": "Wortprotokoll – Seite {page} von {pages}"}[style["foot"]]
    sheet = pl.Sheet(style["size"], head=head, foot=foot if style["head"] != "session" else "", rule=style["rule"])
    record = Record(rng, sheet, 60.0, style)
    s = record.setter
    record.title_block(day, body, number, start, end)
    people = _people(rng)
    chair = people["chairs"][0]
    opening = f"Meine sehr verehrten Damen und Herren, ich eröffne die {number} des Rates. " + _sentences(rng, 2, 5)
    record.turn(chair, [opening + " Ich rufe auf:"])
    agenda = _agenda(rng, day.year, long)
    for k, (item_number, title, paper, level) in enumerate(agenda):
        across = style["headings"] == "across" or (style["headings"] == "mixed" and level == 1)
        record.heading(item_number, title, paper, across)
        if level < 3 and k + 1 < len(agenda) and agenda[k + 1][3] > level:
            continue  # a group heading is followed by its first item's
        who = rng.choice(people["chairs"]) if rng.random() < 0.3 else chair
        debate = level == 3 and rng.random() < 0.8
        first = "Gibt es Wortmeldungen? – " + ("Bitte schön." if debate else "Das ist nicht der Fall.")
        if debate:
            record.turn(who, [first])
            for _ in range(rng.randrange(1, 5 if long else 4)):
                speaker = rng.choice(people["members"] + people["officials"][:2] * (rng.random() < 0.3))
                paragraphs = [_sentences(rng, 2, 9 if long else 7) for _ in range(rng.randrange(1, 4))]
                notes = [_interjection(rng, people) if rng.random() < 0.5 else "" for _ in paragraphs]
                record.turn(speaker, paragraphs, notes)
                if rng.random() < 0.25:
                    official = rng.choice(people["officials"])
                    record.turn(official, [_sentences(rng, 2, 6)])
            vote, _ = rng.choice(VOTES)
            closing = vote.format(f=rng.choice(["AfD", "FDP", "LINKEN"]))
        else:
            closing = first + " " + VOTES[4][0]
        following = "Ich rufe auf:" if k + 1 < len(agenda) else "Damit bin ich am Ende des öffentlichen Teils."
        record.turn(who, [f"{closing} {following}"])
    record.paragraph(f"(Schluss: {end.replace(':', '.')} Uhr)")
    pages = s.finish()
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": None, "number": number}
    golden = {"kind": "meeting", "document_type": "Wortprotokoll", "body": body}
    golden |= {"meeting": meeting, "agenda_items": record.items, "attendees": [], "speeches": record.speeches}
    golden["_style"] = style | {"long": long}
    return pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` documents of this module with their goldens; every third is long (20 to 40 pages),
    the others have 3 to 8."""
    write_records(out, seed, count, ("plenarprotokoll", "--plenary-styles"), plenarprotokoll, 3)


def write_records(
    out: Path,
    seed: int,
    count: int,
    names: tuple[str, str],
    build: Callable[..., tuple[list[Any], dict[str, Any]]],
    long_every: int,
) -> None:
    """Write ``count`` records drawn by ``build`` with their goldens, each from its own
    ``random.Random``; ``names``: the family (the files' stem) and the generator's option; every
    ``long_every``-th record is long."""
    family, option = names
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        rng = random.Random(f"{seed}-{family}-{n}")
        fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
        pages, golden = build(rng, long=n % long_every == 0)
        producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
        stem = f"{family}-{n}"
        notes = f"--seed {seed} {option} {count} ({producer}, {Path(fonts[0]).stem})"
        ml.write_meeting(out, stem, pages, golden, (fonts, producer, f"Wortprotokoll {stem}", notes))
