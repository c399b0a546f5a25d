"""Minutes and Einladungen of advisory councils and small bodies typed by a volunteer or a clerk, for
scripts/generate_meetings.py (``--beirat-minutes N``); goldens from the generator's own content.

A Seniorenbeirat, Behindertenbeirat (Beirat für Menschen mit Behinderungen), Integrationsrat or
Ausländerbeirat, Jugendparlament, Stadtteil- or Ortsbeirat, Klimabeirat or Kinder- und Jugendbeirat
writes its own minutes, not a council information system, so the form is loose. Per document, drawn
from its own ``random.Random``:

- the head: "Protokoll der 12. Sitzung des Seniorenbeirats" over rows "Datum:", "Zeit:" and "Ort:",
  a small table (Datum / Zeit / Ort / Sitzungsleitung / Protokoll, ruled or not) under the type word,
  or "Protokoll der Sitzung des Klimabeirats vom 14.02.2024" over "Beginn: 17.00 Uhr" and "Ende:";
  times as "17:00 – 19:15 Uhr", "17.00 bis 19.15 Uhr" or apart;
- attendance in prose ("Anwesend: Frau Anna Müller (Vorsitzende), Herr Cem Özdemir, ...") or as a
  list under "Anwesend:" (dashes, bullets or none), with "Entschuldigt:", "Gäste:" and "Verwaltung:"
  lines in any order; members of an Orts- or Stadtteilbeirat with their party in brackets;
- items as bold headings "TOP 3: ...", "3. ..." or "Zu TOP 3: ..." (after a short agenda list at the
  top on some), paragraphs and dashed or bulleted points, decisions under "Beschluss:", "Ergebnis:" or
  "Empfehlung an den Ausschuss:", votes as "einstimmig", "7/0/1", "7:0:1", "(Ja 7, Nein 0, Enthaltung
  1)", "mit 6 Ja-Stimmen bei 2 Enthaltungen", "mehrheitlich"; "Verschiedenes", a follow-up table of
  tasks (Was / Wer / Bis wann, a number column on some) that is no agenda, "Termin der nächsten
  Sitzung: 14.03.2024" (not the session's day), the signatures with a date of writing (not the
  session's day either), a non-public part rarely;
- Einladungen of such bodies: a letter to the members with its date, the session in a sentence or in
  rows, a short numbered agenda, the chair's greeting;
- drawn with reportlab or fpdf2, or typed into Word and exported by LibreOffice (a third of them);
  faces Liberation Sans/Serif, DejaVu Sans, Carlito; 9.5-12 pt; one to three pages.

Golden conventions (``meeting_office.py``, ``meeting_votes.py``, eval/real/README.md): the body in the
nominative with the place that is part of its name ("Ortsbeirat Nordstadt"), with its town where the
head names it so ("Seniorenbeirat der Stadt Erlangen", as docs/architecture.md's "Rat der Stadt Köln"; an
Orts- or Stadtteilbeirat is named by its district alone);
the session's number as "12. Sitzung"; an item's number without "TOP"; an item's ``decision`` is the text
after its label ("Beschluss:", "Ergebnis:", "Empfehlung an den Ausschuss:"), its vote not part of it; counts not printed
are null, counts without a no are not called unanimous, "mehrheitlich" is a vote that is not unanimous;
the attendees are the people the attendance names as present, members, administration and guests, in
printed order, the name without "Frau"/"Herr", the role the note in brackets ("Vorsitzende") or the
label of a group that is not the members' ("Verwaltung", "Gäste"), the faction the party in brackets;
the excused are none, nor are the head's Sitzungsleitung and Protokoll beside the list. An Einladung's
``date`` is the letter's; minutes carry no golden ``date`` (the date of writing under the signature is
not the session's day, which ``meeting.date`` holds). An item's public is the head's "öffentliche"
where it says so, else null, except in a document with a non-public part.

Usage: ``python scripts/generate_meetings.py OUT --seed 5 --variants 0 --beirat-minutes 40``.
Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_beschluesse as mb
import meeting_layouts as ml
import meeting_votes as mv
from meeting_votes import Block, Gap, Keep, Pair, Table, Text

SIZES = [9.5, 10.0, 10.5, 11.0, 12.0]
FACES = ("Liberation Sans", "Liberation Serif", "DejaVu Sans", "Carlito")
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"]
MONTHS += ["November", "Dezember"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
TOWNS = [
    ("Hansestadt Lüneburg", "Lüneburg"),
    ("Stadt Weimar", "Weimar"),
    ("Stadt Erlangen", "Erlangen"),
    ("Stadt Gotha", "Gotha"),
    ("Stadt Schwerte", "Schwerte"),
    ("Gemeinde Wedemark", "Wedemark"),
]
DISTRICTS = ["Nordstadt", "Büchenbach", "Weststadt", "Altstadt-Süd", "Kaltenmoor", "Oberweimar"]


@dataclass(frozen=True)
class Body:
    """A body: its name (nominative), its genitive with the article, the short word its decisions
    name it by, whether its members sit for a party, and its subjects."""

    name: str
    genitive: str
    short: str
    parties: bool
    subjects: tuple[str, ...]

    @property
    def subject(self) -> str:
        """The short name with its article, as a decision's subject: "Der Beirat", "Das Jugendparlament"."""
        return f"{'Das' if self.short.endswith('parlament') else 'Der'} {self.short}"


SENIOR = (
    "Bericht aus dem Seniorenbüro",
    "Barrierefreie Bushaltestellen in der Innenstadt",
    "Planung der Seniorenwoche 2024",
    "Zusätzliche Sitzbänke am Marktplatz und im Kurpark",
    "Smartphone-Sprechstunde für ältere Menschen in der Stadtbibliothek",
    "Pflegestützpunkt: Vorstellung des Beratungsangebots durch Frau Berger",
)
INCLUSION = (
    "Barrierefreiheit des neuen Rathausanbaus",
    "Leitsystem für blinde und sehbehinderte Menschen am Bahnhof",
    "Bericht der Behindertenbeauftragten",
    "Aktionsplan Inklusion: Stand der Umsetzung",
    "Behindertengerechte Toiletten bei städtischen Veranstaltungen",
)
INTEGRATION = (
    "Bericht aus der Ausländerbehörde zu den Wartezeiten",
    "Interkulturelle Woche 2024",
    "Sprachkurse für Eltern in den Kindertagesstätten",
    "Förderung von Migrantenorganisationen: Vergabe der Mittel",
    "Wahl zum Integrationsrat: Information der Verwaltung",
)
YOUTH = (
    "Skateanlage im Stadtpark",
    "Budget des Jugendparlaments für das Jahr 2024",
    "Freies WLAN an Schulen und Jugendzentren",
    "Bericht der Arbeitsgruppe Nachtbus",
    "Jugendbeteiligung bei der Planung des neuen Freibads",
)
DISTRICT = (
    "Verkehrssituation in der Schulstraße",
    "Verwendung des Stadtteilbudgets",
    "Bebauungsplan Nr. 87 Am Mühlenteich, Stellungnahme des Beirats",
    "Sanierung des Spielplatzes an der Lindenallee",
    "Anfragen aus der Bürgerschaft",
)
CLIMATE = (
    "Klimaschutzkonzept: Stand der Maßnahmen",
    "Photovoltaik auf städtischen Dächern",
    "Hitzeaktionsplan für die Innenstadt",
    "Bericht des Klimaschutzmanagements",
    "Empfehlung zur Begrünung von Bushaltestellen",
)


def _bodies(rng: random.Random) -> Body:
    """One body of the kinds this family has."""
    district = rng.choice(DISTRICTS)
    s = "s" if rng.random() < 0.6 else "es"
    return rng.choice(
        [
            Body("Seniorenbeirat", f"des Seniorenbeirat{s}", "Seniorenbeirat", False, SENIOR),
            Body("Behindertenbeirat", f"des Behindertenbeirat{s}", "Behindertenbeirat", False, INCLUSION),
            Body(
                "Beirat für Menschen mit Behinderungen",
                "des Beirats für Menschen mit Behinderungen",
                "Beirat",
                False,
                INCLUSION,
            ),
            Body("Integrationsrat", f"des Integrationsrat{s}", "Integrationsrat", False, INTEGRATION),
            Body("Ausländerbeirat", f"des Ausländerbeirat{s}", "Ausländerbeirat", False, INTEGRATION),
            Body("Jugendparlament", "des Jugendparlaments", "Jugendparlament", False, YOUTH),
            Body("Kinder- und Jugendbeirat", f"des Kinder- und Jugendbeirat{s}", "Beirat", False, YOUTH),
            Body(f"Ortsbeirat {district}", f"des Ortsbeirat{s} {district}", "Ortsbeirat", True, DISTRICT),
            Body(
                f"Stadtteilbeirat {district}", f"des Stadtteilbeirat{s} {district}", "Stadtteilbeirat", True, DISTRICT
            ),
            Body("Klimabeirat", f"des Klimabeirat{s}", "Klimabeirat", False, CLIMATE),
        ]
    )


WOMEN = ["Anna", "Heike", "Sabine", "Petra", "Gül", "Eva", "Monika", "Ayşe", "Elena", "Ingrid", "Lea", "Fatma"]
MEN = ["Jens", "Malte", "Frank", "Niels", "Thomas", "Karl", "Cem", "Dariusz", "Horst", "Jonas", "Ahmet", "Lukas"]
LAST = ["Müller", "Özdemir", "Bauer", "Schultz", "Rahlfs", "Nguyen", "Kowalski", "Lange", "Hoffmann", "Yılmaz"]
LAST += ["Wegener", "Brandt", "Krüger", "Said", "Petersen", "Vogt", "Schäfer", "Demir", "Haas", "Lindner"]
LAST += ["Kaya", "Jansen", "Wolff", "Popović", "Engel", "Arslan", "Richter", "Sommer", "Böhm", "Kühn"]
PARTIES = ["SPD", "CDU", "GRÜNE", "FDP", "DIE LINKE", "Freie Wähler"]
#: Places with the preposition an invitation's sentence puts before them.
PLACES = [
    ("im", "Rathaus, Raum 104"),
    ("in der", "Seniorenbegegnungsstätte, Lindenstraße 12"),
    ("im", "Bürgerhaus Nordstadt, Saal 2"),
    ("im", "Jugendzentrum Alte Feuerwache"),
    ("im", "Stadthaus, Sitzungszimmer 3"),
    ("im", "Mehrgenerationenhaus, Kirchgasse 5"),
]
#: Items that open and close a session and report: no decision.
OPENING = [
    "Begrüßung und Feststellung der Beschlussfähigkeit",
    "Begrüßung, Feststellung der Tagesordnung",
    "Eröffnung der Sitzung",
]
REPORTS = ["Mitteilungen der Verwaltung", "Bericht der Vorsitzenden", "Berichte aus den Arbeitsgruppen"]
CLOSING = ["Verschiedenes", "Verschiedenes und Termine", "Anfragen und Verschiedenes"]
POINTS = [
    "die Verwaltung sagt eine Prüfung bis zur nächsten Sitzung zu",
    "mehrere Mitglieder berichten von Beschwerden aus der Bürgerschaft",
    "Kosten sind im Haushalt 2024 noch nicht eingeplant",
    "eine Begehung vor Ort wird angeregt",
    "Frau Berger erläutert das Angebot anhand einer Präsentation",
    "die Arbeitsgruppe trifft sich vor der nächsten Sitzung noch einmal",
    "Fragen zur Finanzierung bleiben offen",
    "die Presse soll über das Ergebnis informiert werden",
]
DECISIONS = [
    "{subject} empfiehlt dem Ausschuss für Soziales, der Vorlage zuzustimmen.",
    "{subject} spricht sich für die Umsetzung der vorgestellten Maßnahmen aus.",
    "Die Vorsitzende wird beauftragt, eine Stellungnahme an die Verwaltung zu richten.",
    "{subject} bittet die Verwaltung, bis zur nächsten Sitzung einen Sachstandsbericht vorzulegen.",
    "{subject} unterstützt den Vorschlag der Arbeitsgruppe und bittet um Aufnahme in den Haushalt 2025.",
    "{subject} lehnt die geplante Streichung der Mittel ab.",
]
RECOMMENDATIONS = [
    "Der Ausschuss möge beschließen, die Mittel für das Jahr 2025 bereitzustellen.",
    "Der Ausschuss möge die Verwaltung beauftragen, ein Konzept vorzulegen.",
    "Der Ausschuss möge der Vorlage in der vorgelegten Fassung zustimmen.",
]
TASKS = [
    "Anfrage an das Tiefbauamt zu den Sitzbänken",
    "Einladung eines Referenten zum Thema Pflege",
    "Stellungnahme an den Sozialausschuss",
    "Termin für die Ortsbegehung abstimmen",
    "Flyer für die Veranstaltung entwerfen",
    "Presseinformation vorbereiten",
]


def _short(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _long(day: dt.date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _dated(rng: random.Random, day: dt.date) -> str:
    """The session's day as printed: with or without its weekday, in digits or with its month's name."""
    text = _short(day) if rng.random() < 0.7 else _long(day)
    return f"{WEEKDAYS[day.weekday()]}, {text}" if rng.random() < 0.5 else text


def _time(value: str, dot: bool) -> str:
    return value.replace(":", ".") if dot else value


@dataclass
class Person:
    """A person drawn once: first name, surname, whether a woman."""

    first: str
    last: str
    woman: bool

    def shown(self, salute: bool, first: bool) -> str:
        """As printed: "Frau Anna Müller", "Herr Özdemir", "Anna Müller"."""
        name = f"{self.first} {self.last}" if first or not salute else self.last
        return f"{'Frau' if self.woman else 'Herr'} {name}" if salute else name

    def name(self, salute: bool, first: bool) -> str:
        """The golden name: as printed without "Frau"/"Herr"."""
        return f"{self.first} {self.last}" if first or not salute else self.last


class People:
    """Distinct people of one document."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def fresh(self) -> Person:
        """A person whose surname no one else of the document has (30 surnames; 26 people at most)."""
        while True:
            woman = self.rng.random() < 0.5
            person = Person(self.rng.choice(WOMEN if woman else MEN), self.rng.choice(LAST), woman)
            if person.last not in self.seen:
                self.seen.add(person.last)
                return person


@dataclass
class Plan:
    """What a document prints, as blocks, and its golden."""

    blocks: list[Block] = field(default_factory=list)
    golden: dict[str, Any] = field(default_factory=dict)


def _vote(rng: random.Random, members: int) -> tuple[str, dict[str, Any]]:
    """A vote's notation and its golden."""
    roll = rng.random()
    if roll < 0.3:
        text = rng.choice(["einstimmig", "einstimmig beschlossen", "einstimmig angenommen"])
        return text, {"yes": None, "no": None, "abstain": None, "unanimous": True}
    if roll < 0.4:
        text = rng.choice(["mehrheitlich", "mehrheitlich beschlossen", "mehrheitlich angenommen"])
        return text, {"yes": None, "no": None, "abstain": None, "unanimous": False}
    no = rng.choice([0, 0, 0, 1, 2])
    abstain = rng.choice([0, 1, 1, 2])
    yes = max(members - no - abstain - rng.randrange(0, 2), 1)
    vote: dict[str, Any] = {"yes": yes, "no": no, "abstain": abstain, "unanimous": False if no else None}
    form = rng.randrange(6)
    if form == 0:
        return f"{yes}/{no}/{abstain}", vote
    if form == 1:
        return f"{yes}:{no}:{abstain}", vote
    if form == 2:
        return f"(Ja {yes}, Nein {no}, Enthaltung {abstain})", vote
    if form == 3:
        return f"Ja: {yes} – Nein: {no} – Enthaltungen: {abstain}", vote
    if form == 4 and no == 0 and abstain:
        ending = "Enthaltung" if abstain == 1 else "Enthaltungen"
        vote["no"] = None
        return f"mit {yes} Ja-Stimmen bei {abstain} {ending}", vote
    ending = "Enthaltung" if abstain == 1 else "Enthaltungen"
    against = "Gegenstimme" if no == 1 else "Gegenstimmen"
    return f"mit {yes} Ja-Stimmen, {no} {against} und {abstain} {ending}", vote


@dataclass
class Item:
    """One item: golden number, title, public, papers; its minutes' decision and vote."""

    number: str
    title: str
    public: bool | None
    papers: list[str] = field(default_factory=list)
    decision: str | None = None
    vote: dict[str, Any] | None = None
    kind: str = "subject"  # opening, report, subject, closing, closed


def _items(rng: random.Random, body: Body, day: dt.date, closed: bool) -> list[Item]:
    """Opening, minutes' approval, reports, subjects, closing; a non-public item where ``closed``."""
    titles: list[tuple[str, str]] = [(rng.choice(OPENING), "opening")]
    if rng.random() < 0.6:
        before = day - dt.timedelta(days=rng.choice([28, 35, 42, 56]))
        titles.append((f"Genehmigung des Protokolls der Sitzung vom {_short(before)}", "minutes"))
    if rng.random() < 0.6:
        titles.append((rng.choice(REPORTS), "report"))
    titles += [(t, "subject") for t in rng.sample(body.subjects, rng.randrange(1, 4))]
    titles.append((rng.choice(CLOSING), "closing"))
    items = []
    for k, (title, kind) in enumerate(titles, 1):
        item = Item(str(k), title, None, kind=kind)
        if kind == "subject" and rng.random() < 0.25:
            paper = f"{rng.choice(['VO/', ''])}{day.year}/{rng.randrange(1, 200):03d}"
            item.papers = [paper]
            item.title = f"{title} (Vorlage {paper})"
        items.append(item)
    if closed:
        items.append(Item(str(len(items) + 1), "Personalangelegenheiten", False, kind="closed"))
    return items


def _session(rng: random.Random) -> dict[str, Any]:
    """The session: day, hours, place, number, town, body, chair, clerk."""
    day = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randrange(0, 320))
    while day.weekday() > 4:
        day += dt.timedelta(days=1)
    hour = rng.choice([10, 15, 16, 17, 17, 18])
    start = f"{hour:02d}:{rng.choice(['00', '00', '30'])}"
    end = f"{hour + rng.choice([1, 2, 2]):02d}:{rng.choice(['05', '15', '30', '45'])}"
    return {
        "day": day,
        "start": start,
        "end": end,
        "place": (place := rng.choice(PLACES)),
        "location": place[1],
        "number": rng.randrange(1, 40) if rng.random() < 0.7 else None,
        "town": rng.choice(TOWNS),
        "body": _bodies(rng),
    }


def _hours(rng: random.Random, s: dict[str, Any], dot: bool) -> list[tuple[str, str]]:
    """The head rows of the session's hours: one "Zeit:" row or "Beginn:" and "Ende:"."""
    start, end = _time(s["start"], dot), _time(s["end"], dot)
    if rng.random() < 0.6:
        dash = rng.choice([f"{start} – {end} Uhr", f"{start} - {end} Uhr", f"{start} bis {end} Uhr"])
        return [(rng.choice(["Zeit:", "Uhrzeit:"]), dash)]
    return [("Beginn:", f"{start} Uhr"), ("Ende:", f"{end} Uhr")]


def _head(rng: random.Random, out: Plan, s: dict[str, Any], kind: str, chair: str, clerk: str) -> bool:
    """The minutes' head; whether it calls the session public."""
    body: Body = s["body"]
    town = s["town"][0]
    number = f"{s['number']}. " if s["number"] else ""
    public = rng.random() < 0.3
    word = "öffentlichen " if public else ""
    dot = rng.random() < 0.5
    form = rng.choice(["rows", "table", "dated"])
    if rng.random() < 0.6:
        # The body with its town names it so (architecture.md: "Rat der Stadt Köln").
        if rng.random() < 0.5 and not body.parties:
            s["named"] = f"{body.name} der {town}"
        out.blocks += [Text(50, s.get("named", town), bold=True), Gap(10)]
    if form == "dated":
        out.blocks.append(Text(50, f"{kind} der {word}Sitzung {body.genitive} vom {_short(s['day'])}", True, 2))
        if number:
            out.blocks.append(Text(50, f"({number}Sitzung)"))
        out.blocks.append(Gap(6))
        rows = [*_hours(rng, s, dot), ("Ort:", s["location"])]
        out.blocks += [Pair(a, b, 50, 140) for a, b in rows]
    elif form == "rows":
        out.blocks.append(Text(50, f"{kind} der {number}{word}Sitzung {body.genitive}", True, 2))
        out.blocks.append(Gap(6))
        rows = [("Datum:", _dated(rng, s["day"])), *_hours(rng, s, dot), ("Ort:", s["location"])]
        if rng.random() < 0.5:
            rows += [("Sitzungsleitung:", chair), ("Protokoll:", clerk)]
        out.blocks += [Pair(a, b, 50, 160) for a, b in rows]
    else:
        out.blocks.append(Text(50, kind, True, 4))
        out.blocks.append(Text(50, f"{number}{word.capitalize()}Sitzung {body.genitive}", True, 1))
        out.blocks.append(Gap(6))
        rows = [["Datum", _dated(rng, s["day"])], *map(list, _hours(rng, s, dot)), ["Ort", s["location"]]]
        rows = [[a.rstrip(":"), b] for a, b in rows]
        rows += [["Sitzungsleitung", chair], [rng.choice(["Protokoll", "Protokollführung"]), clerk]]
        out.blocks.append(Table(50, [110.0, 320.0], rows, rng.choice(["grid", "rows", "none"])))
    out.blocks.append(Gap(10))
    return public


def _attendance(rng: random.Random, out: Plan, s: dict[str, Any], people: People, chair: Person) -> int:
    """The attendance in prose or as lists; the attendees' goldens; the members present."""
    body: Body = s["body"]
    salute = rng.random() < 0.7
    first = rng.random() < 0.7
    members = [chair] + [people.fresh() for _ in range(rng.randrange(4, 10))]
    rng.shuffle(members)
    roles = {id(chair): "Vorsitzende" if chair.woman else "Vorsitzender"}
    if rng.random() < 0.4:
        deputy = next(m for m in members if m is not chair)
        roles[id(deputy)] = "stellv. Vorsitzende" if deputy.woman else "stellv. Vorsitzender"
    parties = {id(m): rng.choice(PARTIES) for m in members} if body.parties and rng.random() < 0.7 else {}
    staff = [people.fresh() for _ in range(rng.randrange(0, 3))]
    guests = [people.fresh() for _ in range(rng.randrange(0, 3))]
    excused = [people.fresh() for _ in range(rng.randrange(0, 3))]

    def entry(m: Person) -> str:
        note = roles.get(id(m)) or parties.get(id(m))
        return m.shown(salute, first) + (f" ({note})" if note else "")

    golden: list[dict[str, Any]] = []
    for m in members:
        # One note in brackets: the role where there is one, else the party (only what is printed).
        role = roles.get(id(m))
        faction = None if role else parties.get(id(m))
        golden.append({"name": m.name(salute, first), "role": role, "faction": faction})
    groups: list[tuple[str, list[Person], str | None]] = []
    groups.append((rng.choice(["Verwaltung:", "Von der Verwaltung:"]), staff, "Verwaltung"))
    groups.append((rng.choice(["Gäste:", "Gäste:"]), guests, "Gäste"))
    groups.append((rng.choice(["Entschuldigt:", "Entschuldigt fehlten:"]), excused, None))
    groups = [g for g in groups if g[1]]
    rng.shuffle(groups)
    form = rng.choice(["prose", "prose", "list", "tabbed"])
    label = rng.choice(["Anwesend:", "Anwesende:", "Anwesend waren:", "Teilnehmende:"])
    if form == "list":
        mark = rng.choice(["– ", "- ", "• ", ""])
        out.blocks.append(Text(50, label, bold=rng.random() < 0.6))
        out.blocks += [Text(62 if mark else 70, mark + entry(m)) for m in members]
        for head, people_, _ in groups:
            out.blocks += [Gap(4), Text(50, head, bold=rng.random() < 0.6)]
            out.blocks += [Text(62 if mark else 70, mark + m.shown(salute, first)) for m in people_]
    elif form == "tabbed":
        # The names' tab stands right of the longest label ("Entschuldigt fehlten:") at the largest size.
        tab = max(160.0, 62 + max(ml._width(text, 12.0) for text in [label, *(g[0] for g in groups)]))
        out.blocks.append(Pair(label, ", ".join(entry(m) for m in members), 50, tab))
        for head, people_, _ in groups:
            out.blocks.append(Pair(head, ", ".join(m.shown(salute, first) for m in people_), 50, tab))
    else:
        out.blocks.append(Text(50, f"{label} " + ", ".join(entry(m) for m in members)))
        for head, people_, _ in groups:
            out.blocks.append(Text(50, f"{head} " + ", ".join(m.shown(salute, first) for m in people_)))
    for _, people_, role in groups:
        if role:
            golden += [{"name": m.name(salute, first), "role": role, "faction": None} for m in people_]
    out.golden["attendees"] = golden
    out.blocks.append(Gap(12))
    return len(members)


def _heading(rng: random.Random, form: str, item: Item) -> Block:
    """An item's bold heading in ``form``."""
    if form == "top":
        return Text(50, f"TOP {item.number}: {item.title}", bold=True)
    if form == "top-dash":
        return Text(50, f"TOP {item.number} – {item.title}", bold=True)
    if form == "zu":
        return Text(50, f"Zu TOP {item.number}: {item.title}", bold=True)
    return Text(50, f"{item.number}. {item.title}", bold=True)


def _points(rng: random.Random, mark: str) -> list[Block]:
    """A few points of the discussion, dashed or bulleted, or one paragraph."""
    chosen = rng.sample(POINTS, rng.randrange(2, 4))
    if not mark:
        return [Text(50, ml._sentence(rng, 15, 40))]
    out: list[Block] = [Text(50, ml._sentence(rng, 8, 20))] if rng.random() < 0.6 else []
    return out + [Text(62, f"{mark}{p[0].upper()}{p[1:]}") for p in chosen]


def minutes(rng: random.Random) -> Plan:
    """The blocks and golden of one set of minutes."""
    out = Plan()
    s = _session(rng)
    body: Body = s["body"]
    people = People(rng)
    chair, clerk = people.fresh(), people.fresh()
    kind = rng.choice(["Protokoll", "Protokoll", "Niederschrift", "Ergebnisprotokoll"])
    public = _head(
        rng, out, s, kind, f"{'Frau' if chair.woman else 'Herr'} {chair.last}", clerk.first + " " + clerk.last
    )
    members = _attendance(rng, out, s, people, chair)
    closed = rng.random() < 0.1
    items = _items(rng, body, s["day"], closed)
    form = rng.choice(["top", "top-dash", "number", "zu"])
    mark = rng.choice(["– ", "- ", "• ", ""])
    if form == "zu" or rng.random() < 0.25:
        out.blocks += [Text(50, "Tagesordnung:", bold=True), Gap(2)]
        out.blocks += [
            Text(62, f"{i.number}. {i.title}" if form != "top" else f"TOP {i.number} {i.title}") for i in items
        ]
        out.blocks.append(Gap(12))
    next_day = s["day"] + dt.timedelta(days=rng.choice([28, 35, 42]))
    next_line = f"Termin der nächsten Sitzung: {_dated(rng, next_day)}" + rng.choice(["", f", {s['start']} Uhr"])
    next_said = False
    for item in items:
        if item.kind == "closed":
            out.blocks += [Keep(60), Gap(8), Text(50, "Nichtöffentlicher Teil", bold=True), Gap(4)]
        out.blocks += [Keep(50), Gap(10), _heading(rng, form, item), Gap(3)]
        if item.kind == "opening":
            text = f"{'Die Vorsitzende' if chair.woman else 'Der Vorsitzende'} eröffnet die Sitzung um "
            text += f"{s['start']} Uhr und stellt die Beschlussfähigkeit fest."
            out.blocks.append(Text(50, text))
            continue
        if item.kind == "minutes":
            item.decision = "Das Protokoll wird ohne Änderungen genehmigt."
            item.vote = {"yes": None, "no": None, "abstain": None, "unanimous": True}
            if rng.random() < 0.5:
                out.blocks += [Text(50, "Beschluss:", bold=True), Text(50, item.decision), Text(50, "einstimmig")]
            else:
                out.blocks += [Text(50, f"Beschluss: {item.decision}"), Text(50, "Abstimmung: einstimmig")]
            continue
        if item.kind == "closing":
            out.blocks += _points(rng, mark)
            if rng.random() < 0.5:
                out.blocks.append(Text(50, next_line))
                next_said = True
            continue
        if item.papers and rng.random() < 0.5:
            out.blocks.append(Text(50, f"Vorlage: {item.papers[0]}"))
        out.blocks += _points(rng, mark)
        if item.kind == "report" or (item.kind == "subject" and rng.random() < 0.25):
            continue
        if item.kind == "closed":
            item.decision = "Der Beirat stimmt der vorgeschlagenen Besetzung zu."
            item.vote = {"yes": None, "no": None, "abstain": None, "unanimous": True}
            out.blocks += [Text(50, f"Beschluss: {item.decision}"), Text(50, "einstimmig")]
            continue
        label = rng.choice(["Beschluss:", "Beschluss:", "Ergebnis:", "Empfehlung an den Ausschuss:"])
        text = rng.choice(RECOMMENDATIONS) if label.startswith("Empfehlung") else rng.choice(DECISIONS)
        item.decision = text.format(subject=body.subject)
        vote_text, item.vote = _vote(rng, members)
        out.blocks.append(Gap(3))
        if rng.random() < 0.5:
            out.blocks += [Text(50, label, bold=True), Text(50, item.decision)]
        else:
            out.blocks.append(Text(50, f"{label} {item.decision}"))
        lead = rng.choice(["Abstimmung: ", "Abstimmungsergebnis: ", "Abstimmungsergebnis: ", ""])
        if lead and vote_text.startswith("("):
            vote_text = vote_text.strip("()")
        out.blocks.append(Text(50, lead + vote_text))
    # The tasks agreed, as a table that is no agenda.
    if rng.random() < 0.5:
        rows = [["Was", "Wer", "Bis wann"]]
        numbered = rng.random() < 0.4
        for k, task in enumerate(rng.sample(TASKS, rng.randrange(2, 5)), 1):
            due = _short(s["day"] + dt.timedelta(days=rng.randrange(10, 40)))
            who = people.fresh()
            rows.append([task, f"{'Frau' if who.woman else 'Herr'} {who.last}", due])
            if numbered:
                rows[-1].insert(0, str(k))
        if numbered:
            rows[0].insert(0, "Nr.")
        widths = [240.0, 110.0, 80.0] if not numbered else [30.0, 230.0, 100.0, 80.0]
        title = rng.choice(["Aufgaben bis zur nächsten Sitzung", "Vereinbarungen", "Offene Punkte"])
        out.blocks += [Keep(90), Gap(12), Text(50, title, bold=True), Gap(4)]
        out.blocks.append(Table(50, widths, rows, rng.choice(["grid", "rows"]), heading=True))
    if not next_said:
        out.blocks += [Gap(10), Text(50, next_line)]
    # The signatures and a date of writing (neither is the session's).
    written = s["day"] + dt.timedelta(days=rng.randrange(2, 15))
    place = s["town"][1]
    out.blocks += [Keep(80), Gap(18)]
    end = _time(s["end"], rng.random() < 0.5)
    if rng.random() < 0.5:
        out.blocks.append(Text(50, f"Ende der Sitzung: {end} Uhr"))
        out.blocks.append(Gap(10))
    sign = rng.choice(["place", "label", "after"])
    chair_name, clerk_name = f"{chair.first} {chair.last}", f"{clerk.first} {clerk.last}"
    if sign == "place":
        out.blocks += [Text(50, f"{place}, {_short(written)}"), Gap(16)]
        out.blocks.append(Pair(chair_name, clerk_name, 50, 300))
        out.blocks.append(Pair("Vorsitzende" if chair.woman else "Vorsitzender", "Protokoll", 50, 300))
    elif sign == "label":
        out.blocks += [Text(50, f"Protokoll: {clerk_name}"), Text(50, f"Datum: {_short(written)}")]
    else:
        out.blocks += [Text(50, f"gez. {clerk_name}"), Text(50, f"(Protokoll, {_short(written)})")]
    for item in items:
        if closed:
            item.public = item.public if item.public is False else True
        elif public:
            item.public = True
    meeting = {"date": s["day"].isoformat(), "start": s["start"], "end": s["end"], "location": s["location"]}
    meeting["number"] = f"{s['number']}. Sitzung" if s["number"] else None
    attendees = out.golden["attendees"]
    out.golden = {"kind": "meeting", "document_type": kind, "body": s.get("named", body.name), "meeting": meeting}
    out.golden["agenda_items"] = [_item_golden(i) for i in items]
    out.golden |= {"attendees": attendees, "speeches": []}
    return out


def _item_golden(i: Item) -> dict[str, Any]:
    return {
        "number": i.number,
        "title": i.title,
        "public": i.public,
        "paper_numbers": i.papers,
        "decision": i.decision,
        "vote": i.vote,
    }


def invitation(rng: random.Random) -> Plan:
    """The blocks and golden of one Einladung: a letter with a short numbered agenda."""
    out = Plan()
    s = _session(rng)
    body: Body = s["body"]
    people = People(rng)
    chair = people.fresh()
    town, place = s["town"]
    written = s["day"] - dt.timedelta(days=rng.randrange(7, 20))
    if rng.random() < 0.7 and not body.parties:
        s["named"] = f"{body.name} der {town}"
    out.blocks += [Text(50, s.get("named", body.name), bold=True)]
    out.blocks.append(Text(50, "Die Vorsitzende" if chair.woman else "Der Vorsitzende"))
    out.blocks += [Gap(18), Text(50, f"An die Mitglieder {body.genitive}"), Gap(10)]
    out.blocks += [Text(380, f"{place}, {_short(written)}" if rng.random() < 0.7 else _short(written)), Gap(16)]
    number = f"{s['number']}. " if s["number"] else ""
    public = rng.random() < 0.4
    word = "öffentlichen " if public else ""
    out.blocks += [Text(50, f"Einladung zur {number}{word}Sitzung {body.genitive}", bold=True, grow=1), Gap(10)]
    out.blocks.append(Text(50, rng.choice(["Liebe Mitglieder,", "Sehr geehrte Damen und Herren,"])))
    out.blocks.append(Gap(4))
    dot = rng.random() < 0.5
    start = _time(s["start"], dot)
    if rng.random() < 0.5:
        text = f"hiermit lade ich Sie herzlich zur nächsten Sitzung am {_dated(rng, s['day'])}, um {start} Uhr "
        text += f"{s['place'][0]} {s['location']}{rng.choice([',', ''])} ein."
        out.blocks.append(Text(50, text))
    else:
        out.blocks.append(Text(50, "hiermit lade ich Sie herzlich zur nächsten Sitzung ein."))
        out.blocks.append(Gap(6))
        rows = [("Datum:", _dated(rng, s["day"])), ("Uhrzeit:", f"{start} Uhr"), ("Ort:", s["location"])]
        out.blocks += [Pair(a, b, 50, 140) for a, b in rows]
    out.blocks += [Gap(10), Text(50, "Tagesordnung:", bold=True), Gap(4)]
    items = _items(rng, body, s["day"], rng.random() < 0.1)
    marked = rng.choice(["dot", "top", "bracket"])
    for item in items:
        if item.kind == "closed":
            out.blocks += [Gap(4), Text(50, "Nichtöffentlicher Teil", bold=True)]
        label = {"dot": f"{item.number}.", "top": f"TOP {item.number}", "bracket": f"{item.number})"}[marked]
        out.blocks.append(Pair(label, item.title, 62, 100))
        if public or any(i.kind == "closed" for i in items):
            item.public = item.public if item.public is False else True
    out.blocks += [Gap(12), Text(50, ml._sentence(rng, 10, 25))]
    out.blocks += [Gap(10), Text(50, "Mit freundlichen Grüßen"), Gap(24)]
    out.blocks += [Text(50, f"{chair.first} {chair.last}"), Text(50, "Vorsitzende" if chair.woman else "Vorsitzender")]
    meeting = {"date": s["day"].isoformat(), "start": s["start"], "end": None, "location": s["location"]}
    meeting["number"] = f"{s['number']}. Sitzung" if s["number"] else None
    out.golden = {"kind": "meeting", "document_type": "Einladung", "date": written.isoformat()}
    out.golden["body"] = s.get("named", body.name)
    out.golden |= {"meeting": meeting, "agenda_items": [_item_golden(i) for i in items]}
    out.golden |= {"attendees": [], "speeches": []}
    return out


def _plan(rng: random.Random, n: int) -> Plan:
    """The n-th document: an Einladung every fourth, else minutes."""
    return invitation(rng) if n % 4 == 0 else minutes(rng)


def _drawn(n: int) -> Any:
    def build(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
        made = _plan(rng, n)
        pages = mv.draw(made.blocks, rng.choice(SIZES))
        if rng.random() < 0.6:
            mb._foot(pages, rng.choice(["of", "dash"]))
        return pages, made.golden

    return build


def build_word(out: Path, seed: int, indexes: list[int], count: int) -> None:
    """Write the Word-made documents ``indexes`` (each of its own seed) with their goldens."""
    documents: list[mv.Typed] = []
    for n in indexes:
        rng = random.Random(f"{seed}-beirat-word-{n}")
        face, size = rng.choice(FACES), rng.choice([10.0, 10.5, 11.0, 12.0])
        documents.append((f"beirat-word-{n}", _plan(rng, n), face, size, f"{face} {size} pt"))
    mv.write_typed(out, documents, f"--seed {seed} --beirat-minutes {count}")


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` documents: two thirds drawn (reportlab or fpdf2), a third typed into Word (where
    LibreOffice is installed; else all drawn), an Einladung every fourth of each, minutes the rest."""
    import fixture_docx as fd

    out.mkdir(parents=True, exist_ok=True)
    word = count // 3 if fd.soffice() is not None else 0
    for n in range(1, count - word + 1):
        notes = f"--seed {seed} --beirat-minutes {count}"
        ml.write_drawn(out, f"beirat-{n}", random.Random(f"{seed}-beirat-{n}"), _drawn(n), notes)
    if word:
        build_word(out, seed, list(range(1, word + 1)), count)
