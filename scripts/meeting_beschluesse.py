"""Published decision lists of a council session, for scripts/generate_meetings.py (``--decision-lists N``);
goldens from the generator's own content.

A decision list says what a session decided, item by item, and little else: no discussion, no
attendance. Its head names itself ("Beschlussübersicht", "Ergebnisniederschrift",
"Beschlussniederschrift", "Ergebnisprotokoll", "Bekanntgabe der Beschlüsse", "Öffentliche Bekanntmachung
der in der Sitzung des Bauausschusses vom 12.03.2024 gefassten Beschlüsse"), the body in the genitive, the
session's day, sometimes its hour, end, room and number, and sometimes the day the list was written or
published beside the town ("Oberhaching, 20.03.2024": the paper's date, not the session's).

- ``beschluss-tabelle``: a ruled table "TOP | Betreff | Vorlage | Beschluss | Abstimmung" (grid or rows
  only), cells wrapped, the column headings again at the top of every later page, "Öffentlicher Teil" /
  "Nichtöffentlicher Teil" as rows across the table or no parts, items "3" or "Ö 3" / "N 1"; votes as
  "Ja 12 / Nein 3 / Enth. 1", "12:3:1", "einstimmig", "mehrheitlich" or "–" where there was none.
- ``beschluss-tabelle-ergebnis``: the same without a paper column ("Nr. | Gegenstand | Ergebnis | Ja/Nein/Enth."),
  votes as "12/3/1" under that heading; a paper only in the title's bracket "(Vorlage 2024/031)", which
  stays in the title.
- ``beschluss-liste``: a running list: "TOP 3" beside its bold title, "Vorlage: BV/2024/012", "Beschluss:"
  and its text, "Abstimmungsergebnis: 12:3:1" or "Ja: 12  Nein: 3  Enthaltungen: 1" or "einstimmig".
- ``beschluss-bekanntgabe``: a Bavarian Gemeinde's publication: the Gemeinde and its Landkreis, the place
  and day of the publication at the right, "Bekanntgabe der Beschlüsse" / "aus der öffentlichen Sitzung des
  Gemeinderates vom ..." or "Öffentliche Bekanntmachung" / "der in der Sitzung des ... vom ... gefassten
  Beschlüsse" or one line "Gemeinde X – Sitzung des Gemeinderates vom ..."; items "1." with their
  decision and "Abstimmung: 12:0" or "mit 11:2 Stimmen angenommen" (Bavarian councils count no
  abstentions); "gez." and the mayor.

Golden conventions (those of eval/real/README.md and the other meeting families): ``document_type`` is
the word the paper calls itself by; ``body`` the nominative of the printed genitive; ``date`` the
publication's day where printed, else the session's (``meeting_extracts.py``); ``public`` only where the
head states the kind of session; an item's ``public`` from the part it stands in, else from the head;
a vote is encoded only as printed: counts without a no are not called unanimous, "mehrheitlich" is a
vote that is not unanimous without counts, a vote of "12:1" has no abstentions printed (None).

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml
from variant_text import MONTHS

#: (originator as printed, the place in the date line, its Landkreis, a Gemarkung).
TOWNS = [
    ("Gemeinde Oberhaching", "Oberhaching", "Landkreis München", "Deisenhofen"),
    ("Markt Holzkirchen", "Holzkirchen", "Landkreis Miesbach", "Föching"),
    ("Stadt Penzberg", "Penzberg", "Landkreis Weilheim-Schongau", "Penzberg"),
    ("Gemeinde Ilsfeld", "Ilsfeld", "Landkreis Heilbronn", "Auenstein"),
    ("Stadt Bad Urach", "Bad Urach", "Landkreis Reutlingen", "Hengen"),
    ("Gemeinde Kirchseeon", "Kirchseeon", "Landkreis Ebersberg", "Eglharting"),
]
#: (nominative as the golden names it, genitive as printed after 'des').
BODIES = [
    ("Bauausschuss", "Bauausschusses"),
    ("Gemeinderat", "Gemeinderates"),
    ("Hauptausschuss", "Hauptausschusses"),
    ("Ausschuss für Umwelt und Verkehr", "Ausschusses für Umwelt und Verkehr"),
    ("Stadtrat", "Stadtrates"),
    ("Marktgemeinderat", "Marktgemeinderates"),
    ("Werkausschuss", "Werkausschusses"),
]
ROOMS = ["Sitzungssaal des Rathauses", "Sitzungssaal im Rathaus, Kirchplatz 1", "Bürgersaal, Marktplatz 3"]
#: (title, decisions that may follow it, whether a vote follows); {body} is the body's nominative.
SUBJECTS = [
    (
        "Bauantrag zum Neubau eines Einfamilienhauses mit Doppelgarage auf Fl.Nr. {plot}, Gemarkung {district}",
        ["Das gemeindliche Einvernehmen wird erteilt.", "Das gemeindliche Einvernehmen wird nicht erteilt."],
        True,
    ),
    (
        "Antrag auf Vorbescheid zur Errichtung eines Mehrfamilienhauses mit Tiefgarage, Fl.Nr. {plot}",
        ["Der {body} stellt das gemeindliche Einvernehmen in Aussicht.", "Zustimmung gemäß Beschlussvorschlag"],
        True,
    ),
    (
        'Bebauungsplan Nr. {plan} "Am Kirchfeld"; Behandlung der Stellungnahmen und Satzungsbeschluss',
        [
            "Der {body} beschließt den Bebauungsplan in der Fassung vom {draft} als Satzung.",
            "Die Abwägung erfolgt gemäß Beschlussvorschlag der Verwaltung; der Satzungsbeschluss wird gefasst.",
        ],
        True,
    ),
    (
        "Vergabe der Bauleistungen für die Sanierung der Grundschule, Los 3 Fenster",
        ["Der Auftrag wird an die Firma Holzbau Maier GmbH zum Angebotspreis von {price} € brutto vergeben."],
        True,
    ),
    (
        "Erlass einer Satzung über die Benutzung des gemeindlichen Friedhofs",
        ["Der {body} beschließt die Satzung in der vorgelegten Fassung.", "Zustimmung"],
        True,
    ),
    (
        "Antrag der Fraktion Bündnis 90/Die Grünen auf Einrichtung eines Bürgerbusses",
        ["Der Antrag wird abgelehnt.", "Die Verwaltung wird beauftragt, ein Konzept vorzulegen."],
        True,
    ),
    (
        "Zuschussantrag des Sportvereins für die Erneuerung des Kunstrasenplatzes",
        ["Dem Sportverein wird ein Zuschuss in Höhe von {grant} € gewährt."],
        True,
    ),
    (
        "Jahresbericht der Kommunalen Verkehrsüberwachung {last}",
        ["Der {body} nimmt den Bericht zur Kenntnis.", "Kenntnisnahme"],
        False,
    ),
    (
        "Neufassung der Stellplatzsatzung",
        ["Die Beratung wird vertagt.", "Der {body} empfiehlt dem Gemeinderat, die Satzung zu beschließen."],
        True,
    ),
]
#: What a Bauantrag asks for; a building committee decides many of them in one session.
BUILDINGS = [
    "Neubau eines Carports",
    "Anbau eines Wintergartens an das bestehende Wohnhaus",
    "Nutzungsänderung einer Scheune in Wohnraum",
    "Errichtung einer Photovoltaik-Freiflächenanlage",
    "Abbruch und Neubau eines Zweifamilienhauses mit drei Stellplätzen",
    "Neubau einer landwirtschaftlichen Maschinenhalle",
    "Dachgeschossausbau mit zwei Gauben",
]
MINUTES = "Genehmigung der Niederschrift über die Sitzung vom {previous}"
INFO = ["Bekanntgaben", "Anfragen", "Wünsche und Anfragen", "Verschiedenes"]
CLOSED = [
    ("Grundstücksangelegenheiten", "Der Ankauf der Teilfläche wird beschlossen."),
    ("Personalangelegenheiten", "Zustimmung zur Einstellung"),
    ("Vertragsangelegenheiten", "Der Vertrag wird in der vorgelegten Fassung genehmigt."),
]
TYPES = ["Beschlussübersicht", "Ergebnisniederschrift", "Beschlussniederschrift", "Ergebnisprotokoll"]


def _short(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _long(day: dt.date) -> str:
    return f"{gm.WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]} {day.year}"


def _vote(rng: random.Random, members: int, forms: list[str]) -> tuple[str, dict[str, Any]]:
    """A vote as printed in one of ``forms`` and as golden."""
    form = rng.choice(forms)
    if form == "einstimmig":
        return "einstimmig", {"yes": None, "no": None, "abstain": None, "unanimous": True}
    if form == "mehrheitlich":
        return "mehrheitlich", {"yes": None, "no": None, "abstain": None, "unanimous": False}
    no = rng.choice([0, 0, 1, 2, 3, 5])
    abstain = 0 if form == "pair" else rng.choice([0, 0, 1, 2])
    yes = members - no - abstain
    # Counts without a no are not called unanimous unless the paper says so (as meeting_layouts).
    golden = {"yes": yes, "no": no, "abstain": abstain, "unanimous": False if no else None}
    if form == "words":
        return f"Ja {yes} / Nein {no} / Enth. {abstain}", golden
    if form == "labels":
        return f"Ja: {yes}  Nein: {no}  Enthaltungen: {abstain}", golden
    if form == "slash":
        return f"{yes}/{no}/{abstain}", golden
    if form == "pair":
        return f"{yes}:{no}", golden | {"abstain": None}
    return f"{yes}:{no}:{abstain}", golden


def _items(
    rng: random.Random, day: dt.date, body: str, parts: bool, numbering: str, least: int = 3
) -> list[dict[str, Any]]:
    """The items in order: number as printed, title, part (True/False, None without parts), paper, decision
    (None for an item that decides nothing) and whether a vote follows."""
    fill = {"plot": f"{rng.randrange(100, 999)}/{rng.randrange(1, 30)}", "plan": str(rng.randrange(10, 90))}
    fill |= {"district": rng.choice(TOWNS)[3], "body": body, "last": str(day.year - 1)}
    fill |= {"previous": _short(day - dt.timedelta(days=rng.choice([21, 28, 35])))}
    fill |= {"draft": _short(day - dt.timedelta(days=rng.randrange(30, 90)))}
    fill |= {"price": f"{rng.randrange(40, 400)}.{rng.randrange(100, 999)},{rng.choice(['00', '50', '12'])}"}
    fill |= {"grant": f"{rng.randrange(2, 40)}.000"}
    chosen = [(MINUTES, ["Die Niederschrift wird genehmigt."], True)]
    chosen += rng.sample(SUBJECTS, rng.randrange(least, len(SUBJECTS) + 1))
    for building in rng.sample(BUILDINGS, rng.randrange(2, 7) if least > 3 else 0):
        plot = f"{rng.randrange(100, 999)}/{rng.randrange(1, 30)}"
        title = f"Bauantrag: {building} auf Fl.Nr. {plot}, Gemarkung {fill['district']}"
        chosen.insert(rng.randrange(1, len(chosen) + 1), (title, SUBJECTS[0][1], True))
    items: list[dict[str, Any]] = []
    for title, decisions, voted in chosen:
        paper = (
            f"{rng.choice(['BV', 'VO', 'BA'])}/{day.year}/{rng.randrange(1, 150):03d}" if rng.random() < 0.6 else None
        )
        if title == MINUTES:
            paper = None
        items.append(
            {"title": title.format(**fill), "public": True if parts else None, "paper": paper}
            | {"decision": rng.choice(decisions).format(**fill), "voted": voted}
        )
    items.append({"title": rng.choice(INFO), "public": True if parts else None, "paper": None})
    items[-1] |= {"decision": None, "voted": False}
    if parts:
        for title, decision in rng.sample(CLOSED, rng.randrange(1, 3)):
            items.append({"title": title, "public": False, "paper": None, "decision": decision, "voted": True})
    shown, closed = 0, 0
    for item in items:
        if item["public"] is False:
            closed += 1
            item["number"] = f"N {closed}" if numbering == "marked" else str(shown + closed)
        else:
            shown += 1
            item["number"] = f"Ö {shown}" if numbering == "marked" else str(shown)
    return items


def _session(rng: random.Random) -> dict[str, Any]:
    """The session's day, hour, end, room, number, body and town; whether each is printed."""
    day = gm._date(rng)
    hour = rng.choice([17, 18, 18, 19, 19, 20])
    start = f"{hour:02d}:{rng.choice(['00', '30'])}"
    end = f"{hour + rng.choice([1, 2, 3]):02d}:{rng.choice(['05', '20', '40', '55'])}"
    town = rng.choice(TOWNS)
    body = rng.choice(BODIES)
    published = day + dt.timedelta(days=rng.randrange(2, 12)) if rng.random() < 0.5 else None
    printed = rng.random() < 0.6
    return {
        "day": day,
        "town": town,
        "body": body,
        "start": start if printed else None,
        # An end is printed only beside a start.
        "end": end if printed and rng.random() < 0.6 else None,
        "location": rng.choice(ROOMS) if rng.random() < 0.5 else None,
        "number": f"{rng.randrange(2, 40)}. Sitzung" if rng.random() < 0.35 else None,
        "published": published,
        "members": rng.randrange(7, 21),
    }


def _golden(s: dict[str, Any], kind: str, public: bool | None, items: list[dict[str, Any]]) -> dict[str, Any]:
    """The golden of a decision list of session ``s``."""
    meeting = {"date": s["day"].isoformat(), "start": s["start"], "end": s["end"], "location": s["location"]}
    meeting["number"] = s["number"]
    own = s["published"] or s["day"]
    golden = {"kind": "meeting", "document_type": kind, "number": None, "date": own.isoformat(), "public": public}
    golden |= {"body": s["body"][0], "originator": s["town"][0], "meeting": meeting}
    golden["agenda_items"] = [
        {
            "number": i["number"],
            "title": i["title"],
            "public": i["public"],
            "paper_numbers": [i["paper"]] if i["paper"] else [],
            "decision": i["decision"],
            "vote": i.get("vote"),
        }
        for i in items
    ]
    return golden | {"attendees": [], "speeches": []}


def _town_head(p: gm.Pages, s: dict[str, Any], county: bool) -> None:
    """The town at the top left (its Landkreis under it), the place and day of the paper at the right."""
    town, place, district, _ = s["town"]
    p.put(50, town, 12, bold=True, advance=not s["published"])
    if s["published"]:
        p.put(400, f"{place}, {_short(s['published'])}")
    if county:
        p.put(50, district, 9)


def _session_rows(p: gm.Pages, rng: random.Random, s: dict[str, Any], with_day: bool, art: bool) -> None:
    """The printed session fields as label rows, or hour and end on one line; "Sitzungsart: öffentlich"
    where ``art``."""
    rows = [("Sitzungstag:", _short(s["day"]))] if with_day else []
    rows += [("Sitzungsart:", "öffentlich")] if art else []
    if s["start"] and s["end"] and rng.random() < 0.5:
        p.put(50, f"Beginn: {s['start']} Uhr", advance=False)
        p.put(200, f"Ende: {s['end']} Uhr")
    else:
        rows += [("Beginn:", f"{s['start']} Uhr")] if s["start"] else []
        rows += [("Ende:", f"{s['end']} Uhr")] if s["end"] else []
    rows += [("Ort:", s["location"])] if s["location"] else []
    for label, value in rows:
        p.put(50, label, advance=False)
        p.put(140, value)


def session_line(rng: random.Random, s: dict[str, Any], public: bool) -> tuple[str, bool]:
    """The head's line naming the session ("der 12. Sitzung des Stadtrates", "über die öffentliche
    Sitzung des ... am 12.03.2025") and whether it names the session's day."""
    genitive = s["body"][1]
    if s["number"]:
        # The number as printed stays whole; the kind of session goes to a row of its own.
        line = f"der {s['number']} des {genitive}"
    elif rng.random() < 0.5:
        line = f"über die {'öffentliche ' if public else ''}Sitzung des {genitive}"
    else:
        line = f"der {'öffentlichen ' if public else ''}Sitzung des {genitive}"
    dated = rng.random() < 0.6
    if dated:
        line += f" {rng.choice(['am', 'vom'])} {rng.choice([_short, _long])(s['day'])}"
    return line, dated


def _head(p: gm.Pages, rng: random.Random, s: dict[str, Any], kind: str, parts: bool) -> bool | None:
    """The head of a table or list: town, type, session line and rows; the public the head states (none
    where the list has a public and a non-public part)."""
    _town_head(p, s, county=rng.random() < 0.4)
    p.gap(18)
    p.put(50, kind, 16, bold=True)
    public = not parts and rng.random() < 0.5
    line, dated = session_line(rng, s, public)
    for text in ml._fill(line.split(), 480, 480, 12):
        p.put(50, text, 12, bold=True)
    p.gap(6)
    _session_rows(p, rng, s, with_day=not dated, art=public and bool(s["number"]))
    p.gap(14)
    return True if public else None


def _foot(pages: list[list[gm.Op]], form: str) -> None:
    """A page number at the foot of every page."""
    for k, ops in enumerate(pages, 1):
        text = f"Seite {k} von {len(pages)}" if form == "of" else f"- {k} -"
        ops.append(gm.Op(280, 800, text, 8))


def _broken(text: str, width: float, size: float) -> list[str]:
    """The words of ``text``, a compound too wide for a cell of ``width`` broken after its hyphen
    ('Photovoltaik-' / 'Freiflächenanlage'), as a table cell wraps it."""
    words: list[str] = []
    for word in text.split():
        if ml._width(word, size) > width and "-" in word[:-1]:
            head, tail = word.split("-", 1)
            words += [f"{head}-", tail]
        else:
            words.append(word)
    return words


def _table(rng: random.Random, ergebnis: bool) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    s = _session(rng)
    kind = rng.choice(TYPES)
    p = gm.Pages()
    parts = rng.random() < 0.5
    stated = _head(p, rng, s, kind, parts)
    numbering = rng.choice(["plain", "plain", "marked"]) if parts else "plain"
    # Tables run long enough to show their column headings again on a later page.
    items = _items(rng, s["day"], s["body"][0], parts, numbering, least=6)
    size = rng.choice([9.5, 10.5])
    step = size * 1.22
    if not parts:
        for item in items:
            item["public"] = stated
    if ergebnis:
        columns = [("Nr.", 30.0), ("Gegenstand", 200.0), ("Ergebnis", 175.0), ("Ja/Nein/Enth.", 90.0)]
        forms = ["slash", "slash", "einstimmig", "mehrheitlich"]
        for item in items:
            if item["paper"]:
                item["title"] = f"{item['title']} (Vorlage {item['paper']})"
    else:
        betreff = rng.choice(["Betreff", "Gegenstand"])
        result = rng.choice(["Beschluss", "Ergebnis", "Beschluss/Ergebnis"])
        columns = [("TOP", 35.0), (betreff, 160.0), ("Vorlage", 80.0), (result, 140.0), ("Abstimmung", 80.0)]
        forms = rng.choice([["words", "einstimmig"], ["colon", "einstimmig", "mehrheitlich"], ["words", "colon"]])
    grid = rng.random() < 0.6
    edges = [50.0]
    for _, width in columns:
        edges.append(edges[-1] + width)
    none = rng.choice(["–", ""])

    def rule(y: float) -> None:
        p.pages[-1].append(ml.Rule(50, y, "", x1=edges[-1]))

    def row(cells: list[str], bold: bool = False) -> None:
        filled = [
            ml._fill(_broken(text, width - 6, size), width - 6, width - 6, size)
            for text, (_, width) in zip(cells, columns, strict=True)
        ]
        for lines, (_, width) in zip(filled, columns, strict=True):
            # A word wider than its cell would run into the next one, which a table does not print.
            assert all(ml._width(line, size, bold) <= width - 4 for line in lines), lines
        height = max(len(lines) for lines in filled) * step + 6
        if p.y + height > gm.A4[1] - 80:
            p.pages.append([])
            p.y = 70.0
            row([name for name, _ in columns], bold=True)
        top = p.y
        for x, lines in zip(edges, filled, strict=False):
            for k, line in enumerate(lines):
                p.pages[-1].append(gm.Op(x + 3, top + 3 + k * step, line, size, bold))
        if grid:
            for x in edges:
                p.pages[-1].append(ml.Rule(x, top, "", x1=x, y1=top + height))
        rule(top)
        rule(top + height)
        p.y = top + height

    def part(text: str) -> None:
        if p.y + 3 * step > gm.A4[1] - 80:
            p.pages.append([])
            p.y = 70.0
            row([name for name, _ in columns], bold=True)
        top = p.y
        p.pages[-1].append(gm.Op(53, top + 3, text, size, True))
        if grid:
            for x in (edges[0], edges[-1]):
                p.pages[-1].append(ml.Rule(x, top, "", x1=x, y1=top + step + 6))
        rule(top + step + 6)
        p.y = top + step + 6

    row([name for name, _ in columns], bold=True)
    current = None
    for item in items:
        if parts and item["public"] is not current:
            current = item["public"]
            part("Öffentlicher Teil" if current else "Nichtöffentlicher Teil")
        vote_text = none
        if item["voted"]:
            vote_text, item["vote"] = _vote(rng, s["members"], forms)
        cells = [item["number"], item["title"]]
        cells += [] if ergebnis else [item["paper"] or ""]
        cells += [item["decision"] or none, vote_text]
        row(cells)
    _foot(p.pages, rng.choice(["of", "dash"]))
    return p.pages, _golden(s, kind, stated, items)


def beschluss_tabelle(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A ruled table with a paper column (see the module docstring)."""
    return _table(rng, ergebnis=False)


def beschluss_tabelle_ergebnis(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A ruled table without a paper column, votes as "12/3/1" (see the module docstring)."""
    return _table(rng, ergebnis=True)


def beschluss_liste(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A running list of items, decisions and votes (see the module docstring)."""
    s = _session(rng)
    kind = rng.choice(TYPES)
    p = gm.Pages()
    parts = rng.random() < 0.4
    stated = _head(p, rng, s, kind, parts)
    items = _items(rng, s["day"], s["body"][0], parts, "plain")
    if not parts:
        for item in items:
            item["public"] = stated
    forms = rng.choice([["colon", "einstimmig"], ["labels", "einstimmig", "mehrheitlich"], ["colon", "labels"]])
    label = rng.choice(["Abstimmungsergebnis:", "Abstimmung:", "Ergebnis:"])
    top_word = rng.random() < 0.6
    current = None
    for item in items:
        if parts and item["public"] is not current:
            current = item["public"]
            p.need(80)
            p.gap(8)
            p.put(50, "Öffentlicher Teil" if current else "Nichtöffentlicher Teil", 12, bold=True)
        title = ml._fill(item["title"].split(), 430, 430, 11)
        p.need(len(title) * 15 + 60)
        p.gap(10)
        p.put(50, f"TOP {item['number']}" if top_word else f"{item['number']}.", 11, bold=True, advance=False)
        for line in title:
            p.put(105, line, 11, bold=True)
        if item["paper"]:
            p.put(105, f"Vorlage: {item['paper']}")
        if item["decision"]:
            p.gap(3)
            inline = rng.random() < 0.5
            if inline:
                lines = ml._fill(["Beschluss:", *item["decision"].split()], 430, 430, 10)
            else:
                p.put(105, "Beschluss:", bold=True)
                lines = ml._fill(item["decision"].split(), 430, 430, 10)
            for line in lines:
                p.put(105, line)
        if item["voted"]:
            text, item["vote"] = _vote(rng, s["members"], forms)
            p.put(105, f"{label} {text}")
    p.gap(24)
    p.put(50, f"gez. {gm._person(rng)}", advance=False)
    p.put(330, f"gez. {gm._person(rng)}")
    p.put(50, "Vorsitz", advance=False)
    p.put(330, "Schriftführung")
    if rng.random() < 0.6:
        _foot(p.pages, rng.choice(["of", "dash"]))
    return p.pages, _golden(s, kind, stated, items)


def beschluss_bekanntgabe(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Bavarian Gemeinde's publication of a session's decisions (see the module docstring)."""
    s = _session(rng)
    s["body"] = rng.choice([BODIES[0], BODIES[1], BODIES[1], BODIES[5]])
    if s["published"] is None and rng.random() < 0.6:
        s["published"] = s["day"] + dt.timedelta(days=rng.randrange(2, 12))
    s["number"] = None
    p = gm.Pages()
    form = rng.choice(["bekanntgabe", "bekanntmachung", "line"])
    parts = rng.random() < 0.4
    public = not parts and rng.random() < 0.5
    stated = "öffentlichen " if public else ""
    genitive = s["body"][1]
    day = rng.choice([_short, _long])(s["day"])
    if form == "line":
        # One line names town, body and day; no type heading above it.
        kind = "Bekanntgabe"
        town, place, _, _ = s["town"]
        if s["published"]:
            p.put(400, f"{place}, {_short(s['published'])}")
            p.gap(10)
        session = "Öffentliche Sitzung" if public else "Sitzung"
        p.put(50, f"{town} – {session} des {genitive} vom {_short(s['day'])}", 12, bold=True)
        p.gap(8)
        p.put(50, "Bekanntgabe der in der Sitzung gefassten Beschlüsse", 11)
    else:
        _town_head(p, s, county=True)
        p.gap(18)
        if form == "bekanntgabe":
            kind = "Bekanntgabe"
            p.put(50, "Bekanntgabe der Beschlüsse", 15, bold=True)
            line = f"aus der {stated}Sitzung des {genitive} vom {day}"
        else:
            kind = "Bekanntmachung"
            p.put(50, "Öffentliche Bekanntmachung", 15, bold=True)
            line = f"der in der {stated}Sitzung des {genitive} vom {day} gefassten Beschlüsse"
        for text in ml._fill(line.split(), 480, 480, 12):
            p.put(50, text, 12, bold=True)
    p.gap(8)
    if s["start"]:
        p.put(50, f"Sitzungsbeginn: {s['start']} Uhr" + (f", Sitzungsende: {s['end']} Uhr" if s["end"] else ""))
    else:
        s["end"] = None
    if s["location"]:
        p.put(50, f"Sitzungsort: {s['location']}")
    p.gap(12)
    items = _items(rng, s["day"], s["body"][0], parts, "plain")
    if not parts:
        for item in items:
            item["public"] = True if public else None
    forms = rng.choice([["pair", "einstimmig"], ["pair"], ["pair", "mehrheitlich"]])
    spoken = rng.random() < 0.5
    current = None
    for item in items:
        if parts and item["public"] is not current:
            current = item["public"]
            p.need(80)
            p.gap(6)
            heading = "Öffentlicher Teil" if current else "Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung"
            p.put(50, heading, 11, bold=True)
        title = ml._fill(item["title"].split(), 450, 450, 10)
        p.need(len(title) * 14 + 50)
        p.gap(8)
        p.put(50, f"{item['number']}.", 10, bold=True, advance=False)
        for line in title:
            p.put(75, line, 10, bold=True)
        if item["paper"]:
            p.put(75, f"Vorlage Nr. {item['paper']}")
        if item["decision"]:
            p.gap(2)
            for line in ml._fill(["Beschluss:", *item["decision"].split()], 450, 450, 10):
                p.put(75, line)
        if item["voted"]:
            text, item["vote"] = _vote(rng, s["members"], forms)
            if spoken and ":" in text:
                printed = f"mit {text} Stimmen {'angenommen' if 'abgelehnt' not in item['decision'] else 'beschlossen'}"
            elif spoken:
                printed = f"{text} angenommen"
            else:
                printed = f"Abstimmung: {text}"
            p.put(75, printed)
    p.gap(24)
    p.put(50, f"gez. {gm._person(rng)}")
    p.put(50, rng.choice(["Erster Bürgermeister", "Erste Bürgermeisterin"]))
    golden = _golden(s, kind, True if public else None, items)
    return p.pages, golden


STYLES = (
    ("beschluss-tabelle", beschluss_tabelle),
    ("beschluss-tabelle-ergebnis", beschluss_tabelle_ergebnis),
    ("beschluss-liste", beschluss_liste),
    ("beschluss-bekanntgabe", beschluss_bekanntgabe),
)


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 4`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--decision-lists", lambda golden, n: f"{golden['document_type']} {n}")
