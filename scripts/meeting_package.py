"""A council's session package (ALLRIS "Gesamtdokument", SessionNet "Sitzungspaket", a town's bound
"Sitzungsunterlagen"): the Einladung with its Tagesordnung followed by the papers of the agenda items,
for scripts/generate_meetings.py (``--session-packages N``); goldens from the generator's own content.

Per document, drawn from its own ``random.Random`` (reportlab, Liberation Sans/Serif or DejaVu Sans,
9.5-11 pt), 4 to 20 pages:

- on some a cover sheet: "Sitzungsunterlagen" (or "Sitzungsmappe", "Gesamtdokument"), the body, the
  session's day and on some its place, and on some a contents list ("Inhaltsverzeichnis") naming the
  Einladung and each item's paper with its item, number, title and page;
- the Einladung as a letter (the issuer's letterhead, "An die Mitglieder des ...", the place and day
  of the letter, "Einladung" over a sentence "hiermit lade ich Sie zur 12. Sitzung des ... am ... um
  ... Uhr in den ... ein" or labelled rows) or as a bare Tagesordnung ("Tagesordnung" / "der 12.
  Sitzung des ..." and labelled rows); "Öffentlicher Teil" / "Nichtöffentlicher Teil" or a public
  agenda alone; items "TOP 1", "1." or "Ö 1" / "N 1", a paper's number in a column at the right or
  on a line of its own under the title; the chair's "gez." signature;
- after it the papers of the items, each on a new page: a Beschlussvorlage (its number, day,
  Beratungsfolge rows naming this and other bodies and days, "Betreff:", a numbered
  "Beschlussvorschlag", a "Begründung" that mentions other sessions and "TOP"s, a finance table,
  "Anlagen"), an Antrag of a faction (its own day, "Der Ausschuss möge beschließen:" with numbered
  points), and where an item approves the last session's minutes on some its Niederschrift (the
  earlier day, items "TOP 1" with "Beschluss:" and "Abstimmungsergebnis:"); each paper's own page
  header on its later pages ("Vorlage 2025/031 – Seite 2 von 3");
- a package-wide page stamp at the foot ("Seite 7 von 23") on most; on some a PDF outline with a
  bookmark for the Einladung and for each item's paper.

Golden conventions (those of the meeting families, ``meeting_gazette.py``'s notice above all: the
golden is the meeting document's, not the package's): the golden describes the Einladung; the
appended papers add no items, decisions or votes and neither the session's day nor its body;
``document_type`` the word the Einladung's heading calls it ("Einladung", "Tagesordnung"; the
cover's "Sitzungsunterlagen" is the package's name, as a gazette's name is the gazette's); ``number``
null (a paper's "Vorlage-Nr." is the paper's); ``date`` the letter's own day from its place-and-day
line, the session's day where the Einladung prints none (a bare Tagesordnung; as the Weimar Einladung
of fixtures/ is dated); ``body`` the nominative; the
session's date, start, place as printed without its preposition, its number where named ("12.
Sitzung"), no end. An item's number without "TOP" and its trailing dot, with its part's marker ("Ö
3"); its ``public`` from its part or marker, null where the agenda has no parts; a paper number in
its column or on its own line is in ``paper_numbers``, not in the title. No attendees, no speeches.
``originator`` and ``public`` are not in the goldens (as in the gazette's).

Usage: ``python scripts/generate_meetings.py OUT --variants 0 --session-packages 40`` (``--seed 5``
and ``7`` for development; the default seed is held out).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import generate_meetings as gm
import meeting_agenda_layouts as mal
import meeting_agendas as ma
import meeting_layouts as ml
import variant_text as vt

PAGE_W, PAGE_H = gm.A4
LEFT, RIGHT = 60.0, PAGE_W - 55.0
BOTTOM = PAGE_H - 75.0
TOP = 60.0
WEEKDAYS = gm.WEEKDAYS


@dataclass(frozen=True)
class Issuer:
    """Who publishes the package: the issuer's name, its place, the body (nominative, genitive,
    dative with its article) and the chair's title."""

    name: str
    place: str
    body: str
    genitive: str
    dative: str
    chair: str


def _issuer(rng: random.Random) -> Issuer:
    town = rng.choice(("Zörbig", "Bad Liebenwerda", "Schmalkalden", "Lauscha", "Rotenburg", "Ilmenau", "Weilheim"))
    kind = rng.randrange(6)
    if kind == 0:
        return Issuer(f"Stadt {town}", town, "Stadtrat", "des Stadtrates", "den Stadtrat", "Bürgermeister")
    if kind == 1:
        return Issuer(
            f"Stadt {town}",
            town,
            "Bau- und Umweltausschuss",
            "des Bau- und Umweltausschusses",
            "den Bau- und Umweltausschuss",
            "Ausschussvorsitzender",
        )
    if kind == 2:
        return Issuer(f"Gemeinde {town}", town, "Gemeinderat", "des Gemeinderates", "den Gemeinderat", "Bürgermeister")
    if kind == 3:
        return Issuer(
            f"Stadt {town}",
            town,
            "Ausschuss für Finanzen und Wirtschaft",
            "des Ausschusses für Finanzen und Wirtschaft",
            "den Ausschuss für Finanzen und Wirtschaft",
            "Vorsitzender",
        )
    if kind == 4:
        return Issuer(
            "Landkreis Saale-Orla", "Schleiz", "Kreisausschuss", "des Kreisausschusses", "den Kreisausschuss", "Landrat"
        )
    return Issuer(
        f"Stadt {town}",
        town,
        "Hauptausschuss",
        "des Hauptausschusses",
        "den Hauptausschuss",
        "Bürgermeister",
    )


#: (preposition in a sentence, the place as the golden names it).
PLACES = [
    ("im", "Sitzungssaal des Rathauses, Markt 1"),
    ("im", "Ratssaal, Rathaus, Hauptstraße 5"),
    ("im", "Bürgerhaus, Großer Saal, Lindenstraße 12"),
    ("in der", "Stadthalle, Raum 2, Schulstraße 8"),
    ("im", "Kreishaus, Sitzungssaal A 1.05, Bahnhofstraße 3"),
]
SUBJECTS = [
    "Bauantrag zur Errichtung eines Einfamilienhauses mit Doppelgarage in der Gartenstraße",
    "Satzung über die Erhebung von Friedhofsgebühren, Neufassung",
    "Vergabe der Arbeiten zur Sanierung des Dorfteiches und der angrenzenden Grünanlage",
    "Anschaffung eines Tragkraftspritzenfahrzeuges für die Freiwillige Feuerwehr",
    "Jahresrechnung 2024 und Entlastung des Bürgermeisters",
    *gm.SUBJECTS,
    *ma.EXTRA_SUBJECTS[:7],
    *mal.LONG[:-2],
]
OPENING = [
    "Eröffnung, Feststellung der ordnungsgemäßen Ladung und der Beschlussfähigkeit",
    "Eröffnung der Sitzung und Feststellung der Tagesordnung",
    "Begrüßung und Feststellung der Beschlussfähigkeit",
]
CLOSING = ["Mitteilungen und Anfragen", "Informationen des Bürgermeisters", "Verschiedenes", "Anfragen"]
NON_PUBLIC = ["Grundstücksangelegenheiten", "Personalangelegenheiten", "Vertragsangelegenheiten"]
FACTIONS = ["SPD-Fraktion", "CDU-Fraktion", "Fraktion BÜNDNIS 90/DIE GRÜNEN", "FDP-Fraktion", "Fraktion DIE LINKE"]
OTHER_BODIES = ["Hauptausschuss", "Stadtrat", "Ortschaftsrat Zeischa", "Finanzausschuss", "Kreistag"]


@dataclass
class Item:
    """An agenda item: its printed label, golden number, title, part, paper and what is appended."""

    label: str
    number: str
    title: str
    public: bool
    paper: str | None = None
    appended: str | None = None  # "vorlage", "antrag", "niederschrift"


@dataclass
class Page:
    """One page's text runs and rules, and the paper's running head it carries."""

    ops: list[gm.Op] = field(default_factory=list)
    head: str | None = None  # "Vorlage 2025/031" (the paper's page x of y is set when it is done)
    paper_pages: tuple[int, int] | None = None


class Flow:
    """Text laid out top-down on pages, a paper's pages counted apart."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.pages: list[Page] = []
        self.y = TOP
        self.paper: list[Page] = []
        self.head: str | None = None

    def new_page(self) -> None:
        page = Page(head=self.head)
        self.pages.append(page)
        self.paper.append(page)
        self.y = TOP + (22.0 if self.head and len(self.paper) > 1 else 0.0)

    def start_paper(self, head: str | None) -> None:
        """A new document on a new page: its own pages are counted from 1."""
        self.close_paper()
        self.head = head
        self.paper = []
        self.new_page()

    def close_paper(self) -> None:
        for k, page in enumerate(self.paper, 1):
            page.paper_pages = (k, len(self.paper))

    def need(self, points: float) -> None:
        if self.y + points > BOTTOM:
            self.new_page()

    def put(self, x: float, text: str, size: float | None = None, bold: bool = False, advance: bool = True) -> None:
        size = size or self.size
        self.need(size * 1.4)
        self.pages[-1].ops.append(gm.Op(x, self.y, text, size, bold))
        if advance:
            self.y += size * 1.4

    def text(
        self, x: float, text: str, width: float | None = None, bold: bool = False, size: float | None = None
    ) -> None:
        """``text`` wrapped to ``width`` points from ``x``."""
        size = size or self.size
        room = (width or RIGHT - x) * (0.92 if bold else 0.98)
        for line in ml._fill(text.split(), room, room, size):
            self.put(x, line, size, bold)

    def rule(self, x0: float, x1: float) -> None:
        self.pages[-1].ops.append(ml.Rule(x0, self.y - 2, "", x1=x1))

    def gap(self, points: float = 8.0) -> None:
        self.y += points


def _paper_number(rng: random.Random, year: int, style: str) -> str:
    n = rng.randrange(1, 240)
    return {"slash": f"{year}/{n:03d}", "vo": f"VO/{year}/{n:03d}", "short": f"{n:03d}/{year % 100}"}[style]


def _items(rng: random.Random, year: int, parts: bool, numbering: str, last: dt.date | None) -> list[Item]:
    """Opening, perhaps the last minutes, subjects (most with a paper), a closing item, non-public ones."""
    style = rng.choice(("slash", "slash", "vo", "short"))
    titles: list[tuple[str, str | None]] = [(rng.choice(OPENING), None)]
    if last is not None:
        titles.append((f"Genehmigung der Niederschrift der Sitzung vom {vt.de_date(last)}", "niederschrift"))
    for subject in rng.sample(SUBJECTS, rng.randrange(2, 9)):
        titles.append((subject, rng.choice(("vorlage", "vorlage", "vorlage", "antrag", None))))
    titles.append((rng.choice(CLOSING), None))
    private = rng.sample(NON_PUBLIC, rng.randrange(1, 3)) if parts else []
    items: list[Item] = []
    public_count = len(titles)
    for k, (title, appended) in enumerate([*titles, *((t, None) for t in private)], 1):
        public = k <= public_count
        if numbering == "marker":
            n = k if public else k - public_count
            number = f"{'Ö' if public else 'N'} {n}"
            label = number
        else:
            number = str(k)
            label = {"top": f"TOP {k}", "dot": f"{k}."}[numbering]
        paper = _paper_number(rng, year, style) if appended in ("vorlage", "antrag") else None
        if paper is None and appended is None and public and 1 < k < public_count and rng.random() < 0.3:
            paper = _paper_number(rng, year, style)  # a paper the package does not bind (sent earlier)
        items.append(Item(label, number, title, public, paper, appended))
    return items


def _date_line(day: dt.date, rng: random.Random) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {vt.de_date(day) if rng.random() < 0.5 else vt.long_date(day)}"


def _letterhead(f: Flow, issuer: Issuer, rng: random.Random) -> None:
    f.put(RIGHT - 170, issuer.name, f.size + 3, bold=True)
    if rng.random() < 0.6:
        f.put(RIGHT - 170, rng.choice(("Der Bürgermeister", "Hauptamt", "Büro des Stadtrates")), f.size - 1)
    f.put(RIGHT - 170, f"{rng.randrange(1, 99):02d}{rng.randrange(100, 999)} {issuer.place}", f.size - 1)
    f.gap(18)


def _agenda(f: Flow, rng: random.Random, items: list[Item], parts: bool, paper_at: str) -> None:
    hang = {"top": 50.0, "dot": 26.0, "marker": 32.0}[
        "top" if items[0].label.startswith("TOP") else "marker" if items[0].label.startswith("Ö") else "dot"
    ]
    width = (RIGHT - 90 if paper_at == "column" else RIGHT) - (LEFT + hang)
    current: bool | None = None
    for item in items:
        if parts and item.public is not current:
            current = item.public
            f.gap(4)
            words = (
                ("Öffentlicher Teil", "Öffentliche Sitzung")
                if current
                else (
                    "Nichtöffentlicher Teil",
                    "Nichtöffentliche Sitzung",
                )
            )
            f.put(LEFT, rng.choice(words), bold=True)
        lines = ml._fill(item.title.split(), width, width, f.size)
        f.need(len(lines) * f.size * 1.4 + 4)
        f.gap(3)
        f.put(LEFT, item.label, advance=False)
        if item.paper and paper_at == "column":
            f.put(RIGHT - 75, item.paper, advance=False)
        for line in lines:
            f.put(LEFT + hang, line)
        if item.paper and paper_at == "line":
            f.put(LEFT + hang, f"{rng.choice(('Vorlage:', 'Drucksache Nr.', 'Vorlage-Nr.'))} {item.paper}")


@dataclass
class Session:
    """The session the package is for."""

    day: dt.date
    start: str
    place: tuple[str, str]
    number: str | None
    signed: dt.date
    chair: str
    last: dt.date | None


def einladung(
    f: Flow, rng: random.Random, issuer: Issuer, s: Session, items: list[Item], parts: bool
) -> dict[str, Any]:
    """The Einladung (a letter, or a bare Tagesordnung); the head fields of its golden."""
    letter = rng.random() < 0.6
    f.start_paper(None)
    numbered = f"{s.number.split('.')[0]}. " if s.number else ""
    paper_at = rng.choice(("column", "line", "column"))
    if letter:
        _letterhead(f, issuer, rng)
        f.put(LEFT, f"An die Mitglieder {issuer.genitive}", f.size)
        if rng.random() < 0.5:
            f.put(LEFT, "und die Ortsteilbürgermeister", f.size)
        f.gap(6)
        signed = f"{issuer.place}, {vt.de_date(s.signed) if rng.random() < 0.6 else 'den ' + vt.long_date(s.signed)}"
        f.put(RIGHT - ml._width(signed, f.size), signed)
        f.gap(14)
        f.put(LEFT, "Einladung", f.size + 4, bold=True)
        if rng.random() < 0.5:
            f.put(LEFT, f"zur {numbered}Sitzung {issuer.genitive}", f.size + 1, bold=True)
        f.gap(8)
        f.put(LEFT, "Sehr geehrte Damen und Herren,")
        f.gap(4)
        if rng.random() < 0.5:
            day = _date_line(s.day, rng)
            session = f"{numbered}Sitzung {issuer.genitive}" if numbered else f"Sitzung {issuer.genitive}"
            into = {"im": "in den", "in der": "in die"}[s.place[0]]
            f.text(
                LEFT,
                f"hiermit lade ich Sie zur {session} am {day}, um {s.start} Uhr {into} {s.place[1]}, ein.",
            )
        else:
            f.text(LEFT, f"hiermit lade ich Sie zur {numbered}Sitzung {issuer.genitive} ein.")
            f.gap(4)
            _rows(f, rng, s)
        f.gap(6)
        f.put(LEFT, rng.choice(("Tagesordnung:", "Tagesordnung")), f.size + 1, bold=True)
        kind = "Einladung"
        date: str | None = s.signed.isoformat()
    else:
        f.put(LEFT, issuer.name, f.size + 1)
        f.gap(14)
        f.put(LEFT, "Tagesordnung", f.size + 5, bold=True)
        f.put(LEFT, f"der {numbered}Sitzung {issuer.genitive}", f.size + 1, bold=True)
        f.gap(8)
        _rows(f, rng, s)
        kind = "Tagesordnung"
        date = s.day.isoformat()  # no day of its own: dated by its session, as the fixtures' Einladung
    _agenda(f, rng, items, parts, paper_at)
    f.gap(14)
    if letter:
        f.text(LEFT, "Die Unterlagen zu den Tagesordnungspunkten sind beigefügt.")
        f.gap(6)
        f.put(LEFT, "Mit freundlichen Grüßen")
        f.gap(10)
    f.put(LEFT, f"gez. {s.chair}")
    f.put(LEFT, issuer.chair)
    return {"document_type": kind, "date": date}


def _rows(f: Flow, rng: random.Random, s: Session) -> None:
    labels = rng.choice((("Sitzungstermin:", "Beginn:", "Sitzungsort:"), ("Datum:", "Uhrzeit:", "Ort:")))
    for label, value in zip(labels, (_date_line(s.day, rng), f"{s.start} Uhr", s.place[1]), strict=True):
        f.put(LEFT, label, advance=False)
        f.put(LEFT + 95, value)


def cover(f: Flow, rng: random.Random, issuer: Issuer, s: Session) -> bool:
    """The package's cover sheet; whether it prints a contents list (filled in once pages are known)."""
    f.start_paper(None)
    f.put(LEFT, issuer.name, f.size + 2)
    f.gap(60)
    f.put(LEFT, rng.choice(("Sitzungsunterlagen", "Sitzungsmappe", "Gesamtdokument")), 22, bold=True)
    f.gap(10)
    f.put(LEFT, issuer.body, 14, bold=True)
    f.gap(4)
    f.put(LEFT, f"Sitzung am {_date_line(s.day, rng)}", 12)
    if rng.random() < 0.5:
        f.put(LEFT, s.place[1], 12)
    f.gap(30)
    return rng.random() < 0.6


def _beratung(f: Flow, rng: random.Random, issuer: Issuer, s: Session) -> None:
    f.put(LEFT, "Beratungsfolge:", bold=True)
    rows = [
        (rng.choice([b for b in OTHER_BODIES if b != issuer.body]), s.day - dt.timedelta(days=rng.randrange(7, 30)))
    ]
    rows.append((issuer.body, s.day))
    if rng.random() < 0.5:
        rows.append((rng.choice([b for b in OTHER_BODIES if b != issuer.body]), s.day + dt.timedelta(days=21)))
    for body, day in rows:
        f.put(LEFT, vt.de_date(day), advance=False)
        f.put(LEFT + 80, body, advance=False)
        f.put(RIGHT - 90, rng.choice(("Vorberatung", "Entscheidung", "Kenntnisnahme")))
    f.gap(6)


def vorlage(f: Flow, rng: random.Random, issuer: Issuer, s: Session, item: Item) -> None:
    """A Beschlussvorlage bound after the Einladung."""
    word = rng.choice(("Vorlage", "Beschlussvorlage", "Drucksache"))
    f.start_paper(f"{word} {item.paper}")
    f.put(LEFT, issuer.name, f.size + 1)
    f.put(RIGHT - 160, f"{word}-Nr.: {item.paper}", advance=False)
    f.put(LEFT, rng.choice(("Fachbereich Bauen und Umwelt", "Amt für Finanzen", "Hauptamt")), f.size - 1)
    f.put(RIGHT - 160, f"Datum: {vt.de_date(s.signed - dt.timedelta(days=rng.randrange(5, 40)))}")
    f.gap(10)
    f.put(LEFT, "Beschlussvorlage", f.size + 4, bold=True)
    f.gap(4)
    _beratung(f, rng, issuer, s)
    f.put(LEFT, "Betreff:", bold=True, advance=False)
    f.text(LEFT + 60, item.title, bold=True)
    f.gap(6)
    f.put(LEFT, "Beschlussvorschlag:", bold=True)
    points = [
        f"Der {issuer.body} beschließt die Vorlage „{item.title}“ in der vorliegenden Fassung.",
        "Die Verwaltung wird beauftragt, die erforderlichen Aufträge zu vergeben und über den Stand zu berichten.",
        f"Die Mittel in Höhe von {vt.de_amount(vt.amount(rng))} EUR werden überplanmäßig bereitgestellt.",
    ]
    for k in range(1, rng.randrange(2, 5)):
        f.put(LEFT, f"{k}.", advance=False)
        f.text(LEFT + 20, points[k - 1])
    f.gap(6)
    f.put(LEFT, rng.choice(("Begründung:", "Sachverhalt:")), bold=True)
    for _ in range(rng.randrange(2, 10)):
        text = vt.paragraph(rng, (2, 6))
        if rng.random() < 0.4:
            earlier = s.day - dt.timedelta(days=rng.randrange(30, 200))
            text += (
                f" In der Sitzung {issuer.genitive} am {vt.de_date(earlier)} wurde unter TOP {rng.randrange(2, 12)} "
                "hierüber berichtet."
            )
        f.text(LEFT, text)
        f.gap(4)
    if rng.random() < 0.6:
        f.gap(4)
        f.put(LEFT, "Finanzielle Auswirkungen:", bold=True)
        f.put(LEFT, "Haushaltsjahr", advance=False)
        f.put(LEFT + 120, "Produktkonto", advance=False)
        f.put(RIGHT - 80, "Betrag in EUR")
        for year in (s.day.year, s.day.year + 1):
            f.put(LEFT, str(year), advance=False)
            f.put(
                LEFT + 120,
                f"{rng.randrange(10, 99)}.{rng.randrange(100, 999)}.{rng.randrange(1000, 9999)}",
                advance=False,
            )
            f.put(RIGHT - 80, vt.de_amount(vt.amount(rng, 5, 900) * 100))
    if rng.random() < 0.5:
        f.gap(6)
        f.put(LEFT, "Anlagen:", bold=True)
        for k in range(1, rng.randrange(2, 4)):
            f.put(LEFT, f"{k}. {rng.choice(('Lageplan', 'Kostenschätzung', 'Satzungsentwurf', 'Stellungnahme'))}")
    f.gap(16)
    f.put(LEFT, vt.person(rng))
    f.put(LEFT, issuer.chair)
    if rng.random() < 0.3:  # an annex bound with the paper: a cost table on a page of its own
        f.new_page()
        f.put(LEFT, f"Anlage 1 zur Vorlage {item.paper}", f.size + 2, bold=True)
        f.put(LEFT, "Kostenschätzung", bold=True)
        for k in range(1, rng.randrange(6, 16)):
            f.put(LEFT, f"{k}.", advance=False)
            f.put(
                LEFT + 25, rng.choice(("Erdarbeiten", "Rohbau", "Ausstattung", "Planung", "Nebenkosten")), advance=False
            )
            f.put(RIGHT - 80, vt.de_amount(vt.amount(rng)))


def antrag(f: Flow, rng: random.Random, issuer: Issuer, s: Session, item: Item) -> None:
    """A faction's Antrag bound after the Einladung."""
    faction = rng.choice(FACTIONS)
    f.start_paper(f"Antrag {item.paper}")
    f.put(LEFT, faction, f.size + 2, bold=True)
    f.put(LEFT, f"im {issuer.body.split(' ')[0] if issuer.body.startswith('Stadt') else issuer.body}", f.size)
    day = s.signed - dt.timedelta(days=rng.randrange(3, 30))
    f.put(RIGHT - 120, f"{issuer.place}, {vt.de_date(day)}")
    f.gap(10)
    f.put(LEFT, f"An {issuer.chair if issuer.chair != 'Vorsitzender' else 'den Vorsitzenden'} {vt.person(rng)}")
    f.gap(10)
    f.put(LEFT, f"Antrag Nr. {item.paper}", f.size + 3, bold=True)
    f.text(LEFT, item.title, bold=True)
    f.gap(8)
    f.put(LEFT, f"Der {issuer.body} möge in seiner Sitzung am {vt.de_date(s.day)} beschließen:")
    for k in range(1, rng.randrange(2, 5)):
        f.put(LEFT, f"{k}.", advance=False)
        f.text(LEFT + 20, vt.sentence(rng))
    f.gap(6)
    f.put(LEFT, "Begründung:", bold=True)
    for _ in range(rng.randrange(1, 4)):
        f.text(LEFT, vt.paragraph(rng, (2, 4)))
        f.gap(4)
    f.gap(10)
    f.put(LEFT, f"{vt.person(rng)}, Fraktionsvorsitzende/r")


def niederschrift(f: Flow, rng: random.Random, issuer: Issuer, s: Session) -> None:
    """The last session's minutes, bound for the item that approves them."""
    assert s.last is not None
    f.start_paper(f"Niederschrift vom {vt.de_date(s.last)}")
    f.put(LEFT, issuer.name, f.size + 1)
    f.gap(10)
    f.put(LEFT, "Niederschrift", f.size + 5, bold=True)
    f.put(LEFT, f"über die Sitzung {issuer.genitive}", f.size + 1, bold=True)
    f.gap(6)
    for label, value in (
        ("Sitzungstermin:", _date_line(s.last, rng)),
        ("Beginn:", "18:00 Uhr"),
        ("Ende:", "20:15 Uhr"),
        ("Ort:", rng.choice(PLACES)[1]),
    ):
        f.put(LEFT, label, advance=False)
        f.put(LEFT + 95, value)
    f.gap(6)
    f.put(LEFT, "Anwesend:", bold=True)
    f.text(LEFT, ", ".join(vt.person(rng) for _ in range(rng.randrange(4, 8))))
    f.gap(6)
    for k, title in enumerate([rng.choice(OPENING), *rng.sample(SUBJECTS, rng.randrange(2, 4))], 1):
        f.need(70)
        f.put(LEFT, f"TOP {k}", bold=True, advance=False)
        f.text(LEFT + 50, title, bold=True)
        f.text(LEFT, vt.sentence(rng))
        if k > 1:
            f.put(LEFT, f"Beschluss: Der {issuer.body} stimmt der Vorlage zu.")
            f.put(
                LEFT, rng.choice(("Abstimmungsergebnis: einstimmig", "Abstimmungsergebnis: Ja 7 Nein 2 Enthaltung 1"))
            )
        f.gap(6)
    f.gap(10)
    f.put(LEFT, f"{vt.person(rng)}, Vorsitz")
    f.put(LEFT, f"{vt.person(rng)}, Protokoll")


@dataclass
class Package:
    """A package drawn and laid out: its pages, the outline's entries and the golden."""

    pages: list[Page]
    outline: list[tuple[str, int]]  # (title, page index)
    stamp: bool
    golden: dict[str, Any]
    style: str


def package(rng: random.Random) -> Package:
    """One session package and the Einladung's golden."""
    issuer = _issuer(rng)
    size = rng.choice((9.5, 10.0, 10.5, 11.0))
    year = 2025
    signed = vt.day(rng, year)
    day = vt.later(rng, signed, 7, 16)
    last = day - dt.timedelta(days=rng.randrange(21, 60)) if rng.random() < 0.4 else None
    parts = rng.random() < 0.7
    numbering = rng.choice(("top", "dot", "marker" if parts else "top"))
    s = Session(
        day=day,
        start=f"{rng.choice((16, 17, 18, 18, 19)):02d}:{rng.choice(('00', '00', '30'))}",
        place=rng.choice(PLACES),
        number=f"{rng.randrange(2, 45)}. Sitzung" if rng.random() < 0.5 else None,
        signed=signed,
        chair=vt.person(rng),
        last=last,
    )
    items = _items(rng, year, parts, numbering, last if rng.random() < 0.8 else None)
    f = Flow(size)
    has_cover = rng.random() < 0.5
    contents = cover(f, rng, issuer, s) if has_cover else False
    outline: list[tuple[str, int]] = []
    outline.append(("Einladung", len(f.pages)))
    head = einladung(f, rng, issuer, s, items, parts)
    bound: list[tuple[Item, int]] = []
    for item in items:
        if item.appended is None or (item.appended == "niederschrift" and s.last is None):
            continue
        if len(f.pages) >= 17:
            break
        start = len(f.pages)
        if item.appended == "vorlage":
            vorlage(f, rng, issuer, s, item)
        elif item.appended == "antrag":
            antrag(f, rng, issuer, s, item)
        else:
            niederschrift(f, rng, issuer, s)
        bound.append((item, start))
        what = item.paper or "Niederschrift"
        outline.append(
            (f"{'TOP ' if not item.label.startswith(('Ö', 'N')) else ''}{item.label.rstrip('.')} {what}", start)
        )
    f.close_paper()
    while len(f.pages) < 4:  # a package of fewer pages binds an Anlage of the last paper
        f.start_paper(None)
        f.put(LEFT, "Anlage 1", f.size + 2, bold=True)
        f.text(LEFT, vt.paragraph(rng, (4, 8)))
        f.close_paper()
    if contents:
        cover_page = f.pages[0]
        y = 330.0
        cover_page.ops.append(gm.Op(LEFT, y, "Inhaltsverzeichnis", 12, True))
        y += 22
        rows = [("", "Einladung", 2)] + [
            (item.label.rstrip("."), f"{item.paper or 'Niederschrift'} {item.title}", start + 1)
            for item, start in bound
        ]
        for label, text, page in rows:
            lines = ml._fill(text.split(), RIGHT - LEFT - 110, RIGHT - LEFT - 110, 10)
            cover_page.ops.append(gm.Op(LEFT, y, label, 10))
            for k, line in enumerate(lines):
                cover_page.ops.append(gm.Op(LEFT + 50, y, line, 10))
                if k == len(lines) - 1:
                    cover_page.ops.append(gm.Op(RIGHT - 20, y, str(page), 10))
                y += 14
            y += 3
    meeting = {
        "date": s.day.isoformat(),
        "start": s.start,
        "end": None,
        "location": s.place[1],
        "number": s.number,
    }
    golden: dict[str, Any] = {"kind": "meeting", "document_type": head["document_type"], "number": None}
    golden |= {"date": head["date"], "body": issuer.body, "meeting": meeting}
    golden["agenda_items"] = [
        {
            "number": i.number,
            "title": i.title,
            "public": i.public if parts or numbering == "marker" else None,
            "paper_numbers": [i.paper] if i.paper else [],
            "decision": None,
            "vote": None,
        }
        for i in items
    ]
    golden |= {"attendees": [], "speeches": []}
    with_outline = rng.random() < 0.5
    stamp = rng.random() < 0.75
    style = (
        f"{head['document_type'].lower()}, {'cover' if has_cover else 'no cover'}"
        f"{' with contents' if contents else ''}, {len(bound)} papers{', outline' if with_outline else ''}"
        f"{', package stamp' if stamp else ''}"
    )
    return Package(f.pages, outline if with_outline else [], stamp, golden, style)


def render(p: Package, out: Path, title: str, fonts: tuple[str, str]) -> None:
    """The package as a PDF: text runs, rules, the papers' running heads, the package's stamp, the outline."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = (str(ff.find_font(name)) for name in fonts)
    pdfmetrics.registerFont(TTFont("R" + fonts[0], regular))
    pdfmetrics.registerFont(TTFont("B" + fonts[0], bold))
    canvas = Canvas(str(out), pagesize=gm.A4, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    marks = {page: k for k, (_, page) in enumerate(p.outline)}
    for index, page in enumerate(p.pages):
        if index in marks:
            key = f"mark{marks[index]}"
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(p.outline[marks[index]][0], key, level=0)
        for op in page.ops:
            if isinstance(op, ml.Rule):
                canvas.setLineWidth(0.5)
                canvas.line(op.x, PAGE_H - op.y, op.x1, PAGE_H - (op.y if op.y1 is None else op.y1))
                continue
            canvas.setFont(("B" if op.bold else "R") + fonts[0], op.size)
            canvas.drawString(op.x, PAGE_H - op.y - op.size, op.text)
        canvas.setFont("R" + fonts[0], 8)
        if page.head and page.paper_pages and page.paper_pages[0] > 1:
            canvas.drawString(LEFT, PAGE_H - 40, f"{page.head} – Seite {page.paper_pages[0]} von {page.paper_pages[1]}")
        if p.stamp:
            canvas.drawRightString(RIGHT, 40, f"Seite {index + 1} von {len(p.pages)}")
        canvas.showPage()
    canvas.save()


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` session packages, each with its golden."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        write(out, seed, n, count)


def write(out: Path, seed: int, n: int, count: int) -> dict[str, Any]:
    """Write package ``n`` of seed ``seed`` as ``session-package-N.pdf`` with its golden; returns the golden."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}-session-package-{n}")
    fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
    p = package(rng)
    golden = p.golden
    render(p, out / f"session-package-{n}.pdf", f"Sitzungsunterlagen {n}", fonts)
    golden["page_count"] = len(p.pages)
    notes = f"--seed {seed} --session-packages {count} (reportlab, {Path(fonts[0]).stem}, {p.style})"
    golden["_notes"] = f"generated by scripts/generate_meetings.py {notes}; values from its content"
    (out / f"session-package-{n}.json").write_text(
        json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return golden
