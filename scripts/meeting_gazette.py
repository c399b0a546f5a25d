"""A town's or district's official gazette whose page(s) publish the notice of a council session with
its agenda, for scripts/generate_meetings.py (``--gazette-notices N``); goldens from the generator's
own content.

Towns must publish a session's day, place and agenda: an Amtsblatt, "Amtliche Bekanntmachungen" or
Mitteilungsblatt prints the notice among others. Per document, drawn from its own ``random.Random``
(reportlab, Liberation Sans/Serif or DejaVu Sans, 8.5-10 pt text):

- a masthead: the gazette's name ("Amtsblatt der Stadt Zörbig", "Mitteilungsblatt der
  Verwaltungsgemeinschaft Saale-Rennsteig", "Amtsblatt des Landkreises Saale-Orla"), "Nr. 12 / 34.
  Jahrgang", the issue's day ("Ausgabetag: 07.05.2025" or "Freitag, 9. Mai 2025": neither the
  session's day nor the notice's), sometimes the publisher; a rule under it; on later pages a
  running head with the issue and the page;
- two or three text columns, ruled apart on some; on some pages the session notice set across the
  page under the masthead and the other notices in columns under it; a section heading "Amtliche
  Bekanntmachungen" (the gazette's part, plural) at the top on some;
- the session notice: its heading in bold or in a box ("Öffentliche Bekanntmachung", "Bekanntmachung
  der 12. Sitzung des Gemeinderates", "Einladung zur öffentlichen Sitzung des Bau- und
  Umweltausschusses"); the session's day, hour and place as labelled rows or in a sentence; "Tagesordnung:"
  with "Öffentlicher Teil" / "Nichtöffentlicher Teil" (or only a public agenda and a sentence that a
  non-public part follows), items "1.", "TOP 1" or "1" with wrapped titles, sub-items "4.1", a paper's
  number in a bracket at the title's end or on a line of its own under it; a closing sentence; the
  place and day of the notice ("Zörbig, 28.04.2025") and the mayor's (or Landrat's) "gez." signature;
- around it other notices that are no part of the meeting: a Bebauungsplan's Auslegung (naming another
  session of the council and its day), a Haushaltssatzung with numbered amounts, a Wahlbekanntmachung
  with numbered paragraphs, a Stellenausschreibung with dash lists, Fundsachen; each with its own
  heading and some with their own place, day and signature. The notice continues into the next
  column or onto the next page where it does not fit. One to three pages.

Golden conventions (those of eval/real/README.md and the meeting families, ``meeting_beschluesse.py``
above all, whose Bavarian Bekanntgabe is a published notice too): the golden describes the session
notice, not the gazette; ``document_type`` the word the notice's heading calls it ("Öffentliche
Bekanntmachung" and "Bekanntmachung der Sitzung ..." → "Bekanntmachung", "Einladung zur ..." →
"Einladung"); ``number`` null (the gazette's "Nr. 12" is the issue's, not the notice's); ``date`` the
notice's own day from its place-and-day line (not the issue's day, not the session's); ``body`` the
nominative of the printed genitive with the place that is part of its name ("Ortschaftsrat Zeischa");
the session's date, start, place as printed without its preposition ("im Sitzungssaal des Rathauses,
Markt 1" → "Sitzungssaal des Rathauses, Markt 1"), its number where the notice names one ("12.
Sitzung"), no end (a notice announces none); ``originator`` and ``public`` are left out: whether the
gazette's publisher issues a notice signed by a member town's mayor, and whether "Öffentliche
Bekanntmachung" (a public notice) states a public session, the contract does not say. An item's
number without "TOP" and without the trailing dot; its ``public`` from the part it stands in, else
from the head where that calls the session "öffentlich"; a paper number in a bracket stays in the
title (as the Hamburg agendas keep "(Drs. 21-3920.1)"), one on a line of its own does not; the other
notices' numbered paragraphs and lists are no agenda items. No attendees, no speeches, no decisions.

Usage: ``python scripts/generate_meetings.py OUT --variants 0 --gazette-notices 40`` (``--seed 5``
and ``7`` for development; the default seed is held out).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_agenda_layouts as mal
import meeting_agendas as ma
import meeting_layouts as ml
import variant_text as vt

PAGE_W, PAGE_H = gm.A4
LEFT, RIGHT = 45.0, PAGE_W - 45.0
BOTTOM = PAGE_H - 55.0


@dataclass(frozen=True)
class Town:
    """Who publishes: the gazette's owner, the place in date lines, the signer's title."""

    owner: str  # "der Stadt Zörbig", "des Landkreises Saale-Orla"
    place: str
    district: bool


TOWNS = [
    Town("der Stadt Zörbig", "Zörbig", False),
    Town("der Gemeinde Oberweißbach", "Oberweißbach", False),
    Town("der Stadt Bad Liebenwerda", "Bad Liebenwerda", False),
    Town("der Verbandsgemeinde Saale-Wipper", "Güsten", False),
    Town("der Stadt Lauscha", "Lauscha", False),
    Town("des Landkreises Saale-Orla", "Schleiz", True),
    Town("des Landkreises Hildburghausen", "Hildburghausen", True),
]
GAZETTES = ["Amtsblatt", "Amtliche Bekanntmachungen", "Mitteilungsblatt", "Amts- und Mitteilungsblatt"]
#: (nominative, genitive after "des"/"der", the signer's title), a town's and a district's.
TOWN_BODIES = [
    ("Gemeinderat", "des Gemeinderates", "Bürgermeister"),
    ("Stadtrat", "des Stadtrates", "Bürgermeister"),
    ("Bau- und Umweltausschuss", "des Bau- und Umweltausschusses", "Bürgermeister"),
    ("Hauptausschuss", "des Hauptausschusses", "Bürgermeister"),
    ("Ortschaftsrat Zeischa", "des Ortschaftsrates Zeischa", "Ortsbürgermeister"),
    ("Finanzausschuss", "des Finanzausschusses", "Bürgermeister"),
]
DISTRICT_BODIES = [
    ("Kreistag", "des Kreistages", "Landrat"),
    ("Kreisausschuss", "des Kreisausschusses", "Landrat"),
    ("Ausschuss für Umwelt und Kreisentwicklung", "des Ausschusses für Umwelt und Kreisentwicklung", "Landrat"),
]
#: (preposition in a sentence, the place as the golden names it).
PLACES = [
    ("im", "Sitzungssaal des Rathauses, Markt 1"),
    ("im", "Ratssaal des Rathauses, Raum 104, Hauptstraße 5"),
    ("im", "Bürgerhaus Lindenau, Großer Saal, Lindenstraße 12"),
    ("im", "Dorfgemeinschaftshaus, Am Anger 2"),
    ("im", "Kreishaus, Sitzungssaal A 1.05, Bahnhofstraße 3"),
    ("in der", "Mehrzweckhalle, Schulstraße 8"),
]
SUBJECTS = [
    "Genehmigung der Niederschrift der letzten Sitzung",
    "Bauantrag zur Errichtung eines Einfamilienhauses mit Doppelgarage in der Gartenstraße",
    "Satzung über die Erhebung von Friedhofsgebühren, Neufassung",
    "Vergabe der Arbeiten zur Sanierung des Dorfteiches und der angrenzenden Grünanlage",
    "Stellungnahme zum Entwurf des Flächennutzungsplanes der Verwaltungsgemeinschaft",
    "Anschaffung eines Tragkraftspritzenfahrzeuges für die Freiwillige Feuerwehr",
    "Jahresrechnung 2024 und Entlastung des Bürgermeisters",
    "Einwohnerfragestunde",
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
WEEKDAYS = gm.WEEKDAYS


@dataclass
class Line:
    """One printed line of a notice: its text, size, weight, indent and a label in the hanging margin."""

    text: str
    size: float
    bold: bool = False
    indent: float = 0.0
    label: str | None = None
    label_at: float = 0.0  # the label's offset from the column's edge
    gap_before: float = 0.0
    boxed: bool = False


@dataclass
class Notice:
    """A notice as the lines it prints at a given width."""

    lines: list[Line] = field(default_factory=list)


class Fill:
    """Words broken into the lines a column's width holds, in the document's font."""

    def __init__(self, size: float) -> None:
        self.size = size

    def wrap(self, text: str, width: float, size: float | None = None, bold: bool = False) -> list[str]:
        """``text`` broken to ``width`` points (bold a little narrower, as its glyphs are wider)."""
        size = size or self.size
        room = width * (0.9 if bold else 0.98)
        return ml._fill(text.split(), room, room, size)


def _day_long(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {vt.long_date(day)}"


def _day_short(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.strftime('%d.%m.%Y')}"


def _heading(notice: Notice, fill: Fill, texts: list[str], width: float, boxed: bool, size: float) -> None:
    """A notice's heading lines, bold, or bold in a box."""
    first = True
    for text in texts:
        for line in fill.wrap(text, width - (12 if boxed else 0), size, bold=True):
            notice.lines.append(Line(line, size, True, gap_before=4.0 if first else 0.0, boxed=boxed))
            first = False


def _paragraph(notice: Notice, fill: Fill, text: str, width: float, *, indent: float = 0.0, gap: float = 3.0) -> None:
    for k, line in enumerate(fill.wrap(text, width - indent)):
        notice.lines.append(Line(line, fill.size, indent=indent, gap_before=gap if k == 0 else 0.0))


def _listed(notice: Notice, fill: Fill, label: str, text: str, width: float, hang: float) -> None:
    """A line with a label in the hanging margin and its text wrapped under the text's start."""
    for k, line in enumerate(fill.wrap(text, width - hang)):
        notice.lines.append(Line(line, fill.size, indent=hang, label=label if k == 0 else None))


@dataclass
class Session:
    """The session a notice announces and what its golden says."""

    body: tuple[str, str, str]
    day: dt.date
    start: str
    place: tuple[str, str]
    number: str | None
    signed: dt.date
    signer: str
    items: list[dict[str, Any]]
    parts: bool
    public_head: bool


def _items(rng: random.Random, year: int, parts: bool) -> list[dict[str, Any]]:
    """Opening, subjects (one perhaps with sub-items), a closing item, the non-public ones."""
    titles = [rng.choice(OPENING), *rng.sample(SUBJECTS, rng.randrange(2, 8)), rng.choice(CLOSING)]
    subs_at = rng.randrange(1, len(titles) - 1) if rng.random() < 0.35 else -1
    items: list[dict[str, Any]] = []
    for k, title in enumerate(titles):
        paper = f"{year}/{rng.randrange(1, 140):03d}" if 0 < k < len(titles) - 1 and rng.random() < 0.45 else None
        if k == subs_at:
            paper = None
        items.append({"n": [len([i for i in items if not i["sub"]]) + 1], "title": title, "paper": paper})
        items[-1]["sub"] = False
        items[-1]["public"] = True
        if k == subs_at:
            parent = items[-1]["n"][0]
            for j, sub in enumerate(rng.sample(["Bauabschnitt Nord", "Bauabschnitt Süd", "Kosten", "Zeitplan"], 2)):
                items.append({"n": [parent, j + 1], "title": sub, "paper": None, "sub": True, "public": True})
    if parts:
        count = len([i for i in items if not i["sub"]])
        for k, title in enumerate(rng.sample(NON_PUBLIC, rng.randrange(1, 3)), 1):
            items.append({"n": [count + k], "title": title, "paper": None, "sub": False, "public": False})
    return items


def _session(rng: random.Random, town: Town, issue: dt.date) -> Session:
    body = rng.choice(DISTRICT_BODIES if town.district else TOWN_BODIES)
    day = vt.later(rng, issue, 3, 16)
    parts = rng.random() < 0.7
    return Session(
        body=body,
        day=day,
        start=f"{rng.choice((17, 18, 18, 19, 19, 20)):02d}:{rng.choice(('00', '00', '30'))}",
        place=rng.choice(PLACES),
        number=f"{rng.randrange(2, 45)}. Sitzung" if rng.random() < 0.4 else None,
        signed=issue - dt.timedelta(days=rng.randrange(2, 9)),
        signer=vt.person(rng),
        items=_items(rng, day.year, parts),
        parts=parts,
        public_head=not parts or rng.random() < 0.4,
    )


def meeting_notice(rng: random.Random, s: Session, town: Town, width: float, fill: Fill) -> tuple[Notice, str]:
    """The session notice set ``width`` points wide, and the word its heading calls it."""
    notice = Notice()
    genitive = s.body[1]
    head_size = fill.size + rng.choice((1.0, 2.0, 2.5))
    boxed = rng.random() < 0.35
    public = "öffentlichen " if s.public_head else ""
    numbered = f"{s.number.split('.')[0]}. " if s.number else ""
    form = rng.randrange(4)
    if form == 0:
        kind, heading = "Bekanntmachung", ["Öffentliche Bekanntmachung"]
    elif form == 1:
        kind, heading = "Bekanntmachung", [f"Bekanntmachung der {numbered}{public}Sitzung {genitive}"]
    elif form == 2:
        kind, heading = "Einladung", [f"Einladung zur {numbered}{public}Sitzung {genitive}"]
    else:
        kind, heading = "Einladung", ["Einladung", f"zur {numbered}{public}Sitzung {genitive}"]
    _heading(notice, fill, heading, width, boxed, head_size)
    sentence = form == 0 or rng.random() < 0.4
    place = s.place
    if sentence:
        kind_word = "öffentliche " if s.public_head else ""
        day = _day_long(s.day) if rng.random() < 0.6 else _day_short(s.day)
        session = f"die {numbered}{kind_word}Sitzung {genitive}" if numbered else f"eine {kind_word}Sitzung {genitive}"
        text = f"Am {day}, findet um {s.start} Uhr {place[0]} {place[1]}, {session} statt."
        if form != 0 and rng.random() < 0.5:
            text = f"Die Sitzung findet am {day}, um {s.start} Uhr {place[0]} {place[1]}, statt."
        _paragraph(notice, fill, text, width, gap=5.0)
    else:
        labels = rng.choice(
            (("Sitzungstag:", "Beginn:", "Sitzungsort:"), ("Datum:", "Zeit:", "Ort:"), ("Tag:", "Uhrzeit:", "Ort:"))
        )
        day = _day_short(s.day) if rng.random() < 0.6 else _day_long(s.day)
        hang = 62.0 if labels[0] == "Sitzungstag:" else 45.0
        for k, (label, value) in enumerate(zip(labels, (day, f"{s.start} Uhr", place[1]), strict=True)):
            for j, line in enumerate(fill.wrap(value, width - hang)):
                notice.lines.append(
                    Line(line, fill.size, indent=hang, label=label if j == 0 else None, gap_before=5.0 * (k == 0))
                )
    if s.public_head and rng.random() < 0.3:
        _paragraph(notice, fill, "Die Sitzung ist öffentlich. Gäste sind herzlich willkommen.", width)
    notice.lines.append(Line(rng.choice(("Tagesordnung:", "Tagesordnung")), fill.size, True, gap_before=6.0))
    numbering = rng.choice(("dot", "dot", "top", "plain"))
    papers = rng.choice(("bracket", "line", "line"))
    size_extra = fill.size - 9.0
    hang = {"dot": 19.0, "top": 38.0, "plain": 16.0}[numbering] + rng.choice((0.0, 4.0)) + size_extra
    current: bool | None = None
    for item in s.items:
        if s.parts and item["public"] is not current:
            current = item["public"]
            text = rng.choice(
                (("Öffentlicher Teil", "Öffentlicher Teil:", "Öffentliche Sitzung"))
                if current
                else ("Nichtöffentlicher Teil", "Nichtöffentlicher Teil:", "Nichtöffentliche Sitzung")
            )
            notice.lines.append(Line(text, fill.size, True, gap_before=4.0))
        n = ".".join(map(str, item["n"]))
        label = {"dot": f"{n}." if not item["sub"] else n, "top": f"TOP {n}", "plain": n}[numbering]
        title = item["title"]
        printed = title
        if item["paper"] and papers == "bracket":
            printed = f"{title} ({rng.choice(('Vorlage', 'Vorlage Nr.', 'DS-Nr.'))} {item['paper']})"
            item["golden_title"] = printed
        else:
            item["golden_title"] = title
        # A sub-item's label stands under its parent's title, its title set in further.
        sub_hang = (22.0 if numbering != "top" else 44.0) + size_extra
        label_at = hang if item["sub"] else 0.0
        indent = hang + (sub_hang if item["sub"] else 0.0)
        start = len(notice.lines)
        for k, line in enumerate(fill.wrap(printed, width - indent)):
            notice.lines.append(
                Line(line, fill.size, indent=indent, label=label if k == 0 else None, label_at=label_at)
            )
        notice.lines[start].gap_before = 2.0
        if item["paper"] and papers == "line":
            word = rng.choice(("Vorlage:", "Drucksache Nr.", "Vorlage Nr."))
            notice.lines.append(Line(f"{word} {item['paper']}", fill.size, indent=indent))
    if not s.parts and rng.random() < 0.6:
        _paragraph(notice, fill, "Im Anschluss findet eine nichtöffentliche Sitzung statt.", width, gap=5.0)
    if rng.random() < 0.5:
        _paragraph(
            notice,
            fill,
            "Die Sitzungsunterlagen können während der Sprechzeiten im Rathaus, Zimmer 12, eingesehen werden.",
            width,
            gap=5.0,
        )
    signed = s.signed.strftime("%d.%m.%Y") if rng.random() < 0.6 else f"den {vt.long_date(s.signed)}"
    if ml._width(f"{town.place}, {signed}", fill.size) > width * 0.95:
        signed = s.signed.strftime("%d.%m.%Y")
    notice.lines.append(Line(f"{town.place}, {signed}", fill.size, gap_before=8.0))
    title = s.body[2] if rng.random() < 0.6 else {"Landrat": "Landrätin"}.get(s.body[2], s.body[2] + "in")
    notice.lines.append(Line(f"gez. {s.signer}", fill.size, gap_before=4.0))
    notice.lines.append(Line(title, fill.size))
    return notice, kind


def _other_day(rng: random.Random, around: dt.date) -> dt.date:
    return around - dt.timedelta(days=rng.randrange(10, 60))


def other_notice(rng: random.Random, what: str, town: Town, issue: dt.date, width: float, fill: Fill) -> Notice:
    """One of the gazette's other notices, no part of the session: ``what`` names it."""
    notice = Notice()
    head_size = fill.size + rng.choice((1.0, 2.0))
    boxed = rng.random() < 0.3
    owner = town.owner.split(" ", 1)[1]
    signer = vt.person(rng)
    if what == "bplan":
        plan, name = rng.randrange(10, 90), rng.choice(("Am Kirchfeld", "Gewerbegebiet Nord", "Wohnen am Mühlbach"))
        heading = f"Bekanntmachung über die öffentliche Auslegung des Entwurfs des Bebauungsplanes Nr. {plan} „{name}“"
        _heading(notice, fill, [heading], width, boxed, head_size)
        held = _other_day(rng, issue)
        start = issue + dt.timedelta(days=rng.randrange(7, 14))
        end = start + dt.timedelta(days=30)
        _paragraph(
            notice,
            fill,
            f"Der Stadtrat hat in seiner Sitzung am {held.strftime('%d.%m.%Y')} den Entwurf des Bebauungsplanes "
            f"Nr. {plan} „{name}“ mit Begründung gebilligt und zur öffentlichen Auslegung bestimmt.",
            width,
            gap=5.0,
        )
        _paragraph(
            notice,
            fill,
            f"Der Entwurf liegt in der Zeit vom {start.strftime('%d.%m.%Y')} bis einschließlich "
            f"{end.strftime('%d.%m.%Y')} im Bauamt, Zimmer 21, während der Dienststunden öffentlich aus. "
            "Während dieser Frist können Stellungnahmen schriftlich oder zur Niederschrift abgegeben werden.",
            width,
        )
        _paragraph(
            notice,
            fill,
            "Nicht fristgerecht abgegebene Stellungnahmen können bei der Beschlussfassung über den Bebauungsplan "
            "unberücksichtigt bleiben. Der Inhalt dieser Bekanntmachung und die auszulegenden Unterlagen sind "
            "zusätzlich im Internet auf der Seite der Stadt eingestellt.",
            width,
        )
    elif what == "haushalt":
        year = issue.year
        _heading(notice, fill, [f"Haushaltssatzung {town.owner} für das Haushaltsjahr {year}"], width, boxed, head_size)
        _paragraph(
            notice,
            fill,
            f"Aufgrund der Gemeindeordnung hat der Stadtrat in der Sitzung vom "
            f"{_other_day(rng, issue).strftime('%d.%m.%Y')} folgende Haushaltssatzung beschlossen:",
            width,
            gap=5.0,
        )
        notice.lines.append(Line("§ 1", fill.size, True, gap_before=4.0))
        _paragraph(notice, fill, f"Der Haushaltsplan für das Haushaltsjahr {year} wird festgesetzt", width)
        for k, (what_, amount) in enumerate(
            (
                ("im Ergebnishaushalt mit dem Gesamtbetrag der Erträge auf", rng.randrange(5, 60)),
                ("im Ergebnishaushalt mit dem Gesamtbetrag der Aufwendungen auf", rng.randrange(5, 60)),
                ("im Finanzhaushalt mit dem Saldo aus laufender Verwaltungstätigkeit auf", rng.randrange(1, 9)),
            ),
            1,
        ):
            _listed(notice, fill, f"{k}.", f"{what_} {amount}.{rng.randrange(100, 999)}.000 EUR", width, 16.0)
        notice.lines.append(Line("§ 2", fill.size, True, gap_before=4.0))
        _paragraph(notice, fill, "Kredite für Investitionen werden nicht veranschlagt.", width)
    elif what == "wahl":
        _heading(notice, fill, ["Wahlbekanntmachung"], width, boxed, head_size)
        vote = issue + dt.timedelta(days=rng.randrange(20, 50))
        while vote.weekday() != 6:
            vote += dt.timedelta(days=1)
        for k, text in enumerate(
            (
                f"Am Sonntag, dem {vt.long_date(vote)}, findet die Wahl des Bürgermeisters statt. Die Wahl "
                "dauert von 8:00 Uhr bis 18:00 Uhr.",
                f"Das Gebiet {town.owner} bildet {rng.choice(('drei', 'vier', 'fünf'))} Wahlbezirke. "
                "In den Wahlbenachrichtigungen ist der Wahlraum angegeben.",
                "Jeder Wahlberechtigte kann nur in dem Wahlraum des Wahlbezirkes wählen, in dessen Wählerverzeichnis "
                "er eingetragen ist.",
            ),
            1,
        ):
            _listed(notice, fill, f"{k}.", text, width, 16.0)
    elif what == "stelle":
        _heading(notice, fill, ["Stellenausschreibung"], width, boxed, head_size)
        job = rng.choice(("Sachbearbeiter/in Bauverwaltung", "Erzieher/in", "Mitarbeiter/in Bauhof"))
        _paragraph(
            notice,
            fill,
            f"Die {owner} sucht zum nächstmöglichen Zeitpunkt eine/n {job} (m/w/d) in Vollzeit.",
            width,
            gap=5.0,
        )
        notice.lines.append(Line("Ihre Aufgaben:", fill.size, True, gap_before=3.0))
        for task in rng.sample(
            (
                "Bearbeitung von Bauanträgen und Stellungnahmen",
                "Vorbereitung der Sitzungen der Ausschüsse",
                "Betreuung der städtischen Liegenschaften",
                "Pflege der Grünanlagen und Spielplätze",
            ),
            3,
        ):
            _listed(notice, fill, "-", task, width, 10.0)
        closing = issue + dt.timedelta(days=rng.randrange(14, 30))
        _paragraph(notice, fill, f"Bewerbungsschluss: {closing.strftime('%d.%m.%Y')}", width, gap=4.0)
    elif what == "satzung":
        title = rng.choice(("Friedhofsgebührensatzung", "Straßenreinigungssatzung", "Hundesteuersatzung"))
        _heading(notice, fill, [f"Satzung zur Änderung der {title} {town.owner}"], width, boxed, head_size)
        _paragraph(
            notice,
            fill,
            f"Der Stadtrat hat in seiner Sitzung am {_other_day(rng, issue).strftime('%d.%m.%Y')} folgende "
            "Satzung beschlossen:",
            width,
            gap=5.0,
        )
        for k, text in enumerate(
            (
                "Die Gebühren werden nach den Sätzen der Anlage zu dieser Satzung erhoben. Die Anlage ist "
                "Bestandteil der Satzung.",
                "Gebührenschuldner ist, wer die Leistung in Anspruch nimmt oder beantragt hat. Mehrere "
                "Gebührenschuldner haften als Gesamtschuldner.",
                "Diese Satzung tritt am Tage nach ihrer Bekanntmachung in Kraft.",
            ),
            1,
        ):
            notice.lines.append(Line(f"§ {k}", fill.size, True, gap_before=4.0))
            _paragraph(notice, fill, text, width, gap=1.0)
        _paragraph(
            notice,
            fill,
            "Hinweis: Eine Verletzung von Verfahrens- oder Formvorschriften ist unbeachtlich, wenn sie nicht "
            "innerhalb eines Jahres seit dieser Bekanntmachung schriftlich geltend gemacht worden ist.",
            width,
            gap=5.0,
        )
    else:
        _heading(notice, fill, ["Fundsachen"], width, boxed, head_size)
        _paragraph(notice, fill, "Im Fundbüro wurden folgende Gegenstände abgegeben:", width, gap=5.0)
        for thing in rng.sample(
            ("Damenfahrrad, blau", "Schlüsselbund mit 3 Schlüsseln", "Brille im Etui", "Geldbörse, schwarz", "Handy"),
            3,
        ):
            _listed(notice, fill, "-", thing, width, 10.0)
        _paragraph(notice, fill, "Die Eigentümer werden gebeten, sich im Bürgerbüro zu melden.", width)
    if what in ("bplan", "haushalt", "wahl", "satzung") and rng.random() < 0.7:
        signed = _other_day(rng, issue + dt.timedelta(days=8))
        notice.lines.append(Line(f"{town.place}, {signed.strftime('%d.%m.%Y')}", fill.size, gap_before=6.0))
        notice.lines.append(Line(signer, fill.size, gap_before=2.0))
        notice.lines.append(Line("Bürgermeister" if not town.district else "Landrat", fill.size))
    return notice


@dataclass
class Sheet:
    """Notices flowed through the columns of the gazette's pages."""

    masthead: list[tuple[float, str, float, bool]]  # (x, text, size, bold) lines of page 1
    running: str
    columns: int
    ruled: bool
    fill: Fill
    pages: list[list[gm.Op]] = field(default_factory=list)
    column: int = 0
    y: float = 0.0
    top: float = 0.0
    tops: list[float] = field(default_factory=list)
    box: tuple[float, float] | None = None

    @property
    def width(self) -> float:
        gutter = 18.0
        return (RIGHT - LEFT - gutter * (self.columns - 1)) / self.columns

    def x(self, column: int) -> float:
        return LEFT + column * (self.width + 18.0)

    def first_page(self) -> None:
        ops: list[gm.Op] = []
        y = 40.0
        for x, text, size, bold in self.masthead:
            if text == "\n":
                y += size
                continue
            if x < 0:
                ops.append(gm.Op(-x, y, text, size, bold))
                continue
            ops.append(gm.Op(x, y, text, size, bold))
            y += size * 1.3
        ops.append(ml.Rule(LEFT, y + 2, "", x1=RIGHT))
        self.pages.append(ops)
        self.top = self.y = y + 14
        self.tops.append(self.top)
        self.column = 0

    def new_page(self) -> None:
        number = len(self.pages) + 1
        ops: list[gm.Op] = [gm.Op(LEFT, 36, f"{self.running} · Seite {number}", 8, False)]
        ops.append(ml.Rule(LEFT, 48, "", x1=RIGHT))
        self.pages.append(ops)
        self.top = self.y = 60.0
        self.tops.append(self.top)
        self.column = 0

    def turn(self) -> None:
        self.column += 1
        if self.column >= self.columns:
            self.new_page()
        self.y = self.top

    def put(self, line: Line, x0: float, width: float, wide: bool = False) -> None:
        step = line.size * 1.28
        if self.y != self.top:
            self.y += line.gap_before
        if self.box and line.gap_before == 0 and not line.boxed:
            self.y += 4.0
        if self.y + step > BOTTOM:
            if wide:
                self.new_page()
            else:
                self.turn()
            x0 = self.x(self.column) if not wide else LEFT
        ops = self.pages[-1]
        if line.label:
            ops.append(gm.Op(x0 + line.label_at, self.y, line.label, line.size, line.bold))
        ops.append(gm.Op(x0 + line.indent, self.y, line.text, line.size, line.bold))
        if line.boxed:
            self.box = (self.box[0], self.y + step) if self.box else (self.y, self.y + step)
        self.y += step

    def close_box(self, x0: float, width: float) -> None:
        """A box around the heading just set: rules above and below it, edges at the column's sides."""
        if not self.box:
            return
        top, bottom = self.box[0] - 4, self.box[1] + 1
        left, right = x0 - 4, x0 + width + 2
        ops = self.pages[-1]
        ops += [ml.Rule(left, top, "", x1=right), ml.Rule(left, bottom, "", x1=right)]
        ops += [ml.Rule(left, top, "", x1=left, y1=bottom), ml.Rule(right, top, "", x1=right, y1=bottom)]
        self.box = None

    def flow(self, notice: Notice) -> None:
        """Set ``notice`` in the columns from where the last one ended."""
        if self.y != self.top:
            self.y += 10.0
        for line in notice.lines:
            if self.box and not line.boxed:
                self.close_box(self.x(self.column), self.width)
            self.put(line, self.x(self.column), self.width)

    def wide(self, notice: Notice) -> None:
        """Set ``notice`` across the page, then start the columns under it."""
        for line in notice.lines:
            if self.box and not line.boxed:
                self.close_box(LEFT, RIGHT - LEFT)
            self.put(line, LEFT, RIGHT - LEFT, wide=True)
        self.y += 8
        self.pages[-1].append(ml.Rule(LEFT, self.y, "", x1=RIGHT))
        self.top = self.y = self.y + 12
        self.tops[-1] = self.top

    def rules(self) -> None:
        """Rules between the columns of each page, from the columns' top to the page's foot."""
        if not self.ruled:
            return
        for ops, top in zip(self.pages, self.tops, strict=True):
            for column in range(1, self.columns):
                x = self.x(column) - 9.0
                ops.append(ml.Rule(x, top - 4, "", x1=x, y1=BOTTOM))


def gazette(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """One gazette issue with a session notice among other notices, and the notice's golden."""
    town = rng.choice(TOWNS)
    issue = vt.day(rng, 2025)
    number = rng.randrange(1, 26)
    volume = rng.randrange(12, 40)
    name = f"{rng.choice(GAZETTES)} {town.owner}"
    size = rng.choice((8.5, 9.0, 9.5, 10.0, 10.5))
    fill = Fill(size)
    issue_text = rng.choice(
        (f"Ausgabetag: {issue.strftime('%d.%m.%Y')}", _day_long(issue), f"Erscheinungstag: {vt.long_date(issue)}")
    )
    head_size = rng.choice((16.0, 18.0, 20.0))
    while ml._width(name, head_size, bold=True) > RIGHT - LEFT:
        head_size -= 1.0
    masthead: list[tuple[float, str, float, bool]] = [(LEFT, name, head_size, True)]
    issue_line = f"Nr. {number} / {volume}. Jahrgang"
    if rng.random() < 0.5:
        masthead.append((LEFT, f"{issue_line}    {issue_text}", 9.5, False))
    else:
        masthead.append((-(RIGHT - 150), issue_text, 9.5, False))
        masthead.append((LEFT, issue_line, 9.5, False))
    if rng.random() < 0.4:
        lead = "Der Landrat" if town.district else "Der Bürgermeister"
        masthead.append((LEFT, f"Herausgeber: {town.owner.split(' ', 1)[1]}, {lead}", 8.0, False))
    wide = rng.random() < 0.25
    columns = 2 if wide else rng.choice((2, 3, 3))
    sheet = Sheet(masthead, f"{name} · Nr. {number}/{issue.year}", columns, rng.random() < 0.5, fill)
    sheet.first_page()
    s = _session(rng, town, issue)
    others = rng.sample(["bplan", "haushalt", "wahl", "stelle", "fund", "satzung"], rng.randrange(3, 7))
    before = 0 if wide else rng.randrange(0, 4)
    if rng.random() < 0.4:
        section = Notice()
        _heading(section, fill, ["Amtliche Bekanntmachungen"], RIGHT - LEFT if wide else sheet.width, False, size + 3)
        if wide:
            for line in section.lines:
                sheet.put(line, LEFT, RIGHT - LEFT, wide=True)
        else:
            sheet.flow(section)
    if wide:
        notice, kind = meeting_notice(rng, s, town, RIGHT - LEFT, fill)
        sheet.wide(notice)
    else:
        for what in others[:before]:
            sheet.flow(other_notice(rng, what, town, issue, sheet.width, fill))
        notice, kind = meeting_notice(rng, s, town, sheet.width, fill)
        sheet.flow(notice)
    for what in others[before:]:
        # One to three pages: a notice starts on page 3 only where the page has room for it.
        if len(sheet.pages) >= 3 and (sheet.column > 0 or sheet.y > 400):
            break
        sheet.flow(other_notice(rng, what, town, issue, sheet.width, fill))
    sheet.rules()
    meeting = {
        "date": s.day.isoformat(),
        "start": s.start,
        "end": None,
        "location": s.place[1],
        "number": s.number,
    }
    golden: dict[str, Any] = {"kind": "meeting", "document_type": kind, "number": None, "date": s.signed.isoformat()}
    golden |= {"body": s.body[0], "meeting": meeting}
    golden["agenda_items"] = [
        {
            "number": ".".join(map(str, i["n"])),
            "title": i["golden_title"],
            "public": i["public"] if s.parts or s.public_head else None,
            "paper_numbers": [i["paper"]] if i["paper"] else [],
            "decision": None,
            "vote": None,
        }
        for i in s.items
    ]
    golden |= {"attendees": [], "speeches": []}
    golden["_style"] = f"{columns} columns{', ruled' if sheet.ruled else ''}{', notice across' if wide else ''}"
    return sheet.pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` gazette issues with a session notice, each with its golden."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        write(out, seed, n, count)


def write(out: Path, seed: int, n: int, count: int) -> dict[str, Any]:
    """Write gazette ``n`` of seed ``seed`` as ``gazette-notice-N.pdf`` with its golden; returns the golden."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}-gazette-notice-{n}")
    fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
    pages, golden = gazette(rng)
    style = golden.pop("_style")
    notes = f"--seed {seed} --gazette-notices {count} (reportlab, {Path(fonts[0]).stem}, {style})"
    title = f"Amtsblatt {golden['document_type']} {n}"
    ml.write_meeting(out, f"gazette-notice-{n}", pages, golden, (fonts, "reportlab", title, notes))
    return golden
