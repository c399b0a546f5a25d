"""Generate meeting-document fixtures with goldens taken from the generator's own content.

Usage (repo root)::

    python scripts/generate_meetings.py fixtures/meetings [--seed 13]

Writes, per variant, an Einladung (reportlab), a Niederschrift with votes and attendees
(fpdf2) and a two-column Wortprotokoll (reportlab), each with a golden JSON beside it that
names kind, document_type and the meeting fields; then the layouts of ``meeting_layouts.py``
(a two-column Wortprotokoll without a type heading, a Swiss/Austrian Protokoll), each from its
own seeded generator; with ``--heads`` also those of ``meeting_heads.py`` (heads of other
publishers: a Swiss Gemeinderat/Grosser Rat Protokoll, an Austrian Verhandlungsschrift, a German
Sitzungsprotokoll with a header table) and the head layouts of ``meeting_records.py`` (a council's
Protokoll that says little else, Wortprotokoll heads); with ``--agenda-styles`` also the agenda styles
of ``meeting_records.py`` (Swiss Traktanden minutes with decisions and votes, a non-public part numbered
from 1); with ``--record-heads N`` also the minutes heads and per-item extracts of ``meeting_extracts.py``
(N // 2 of each); with ``--toc-styles`` also those of ``meeting_tocs.py`` (verbatim minutes opening with a
table of contents, Swiss Protokolle with dates at wrapped line starts and several results); with
``--agenda-layouts N`` also the agenda layouts of ``meeting_agenda_layouts.py`` (columns, Roman and unnumbered
items, head lines that start with digits, running heads and foots); with ``--parliament-styles N`` also those
of ``meeting_parliament.py`` (a cantonal parliament's Protokoll with registry numbers, continued items and
votes by faction, a Gemeinderat Niederschrift, an agenda table over several pages); with ``--plenary-styles N``
also the long verbatim minutes of ``meeting_plenary.py`` (set like a plenary protocol); with ``--plenary-hard
N`` also those of ``meeting_plenary_hard.py`` (the same with what the reader found hard); with ``--austrian-styles
N`` also those of ``meeting_austrian.py`` (Austrian Verhandlungsschriften of a Gemeinderat, their agenda in
whole titles, keywords or numbers only); with ``--deep-agendas N`` also those of ``meeting_deep.py`` (agendas
numbered to three levels with long titles, dot leaders and page numbers, items over page breaks); with ``--bw-styles
N`` also those of ``meeting_protokoll_bw.py`` (a Gemeinderat's Protokoll in Baden-Württemberg: two label pairs a head
line, the members present as one run-on list, votes in words or as "14:0:1"); with ``--bavarian-invitations N``
also those of ``meeting_einladung_bayern.py`` (a Bavarian Gemeinderat's Einladung: the letter's date beside the
town, the session in a sentence or rows, plots and plan numbers in titles, sub-items); with ``--decision-lists N``
also those of ``meeting_beschluesse.py`` (a session's published decision lists: a ruled table of items, decisions and
votes, a running list, a Bavarian Bekanntgabe dated apart from the session); with ``--browser-agendas N`` also
those of ``meeting_browser.py`` (a session's page in a council information system's web view printed by a
browser: the site's menu and foot, fields in cells or as terms, the agenda as a table); with
``--office-meetings N`` also those of ``meeting_office.py`` (a small town's Einladungen, Tagesordnungen and
Niederschriften typed into its Word template and exported by LibreOffice); with ``--gazette-notices N`` also
those of ``meeting_gazette.py`` (a town's or district's official gazette publishing a session's notice and agenda
in columns among other notices); with ``--session-packages N`` also those of ``meeting_package.py`` (a session's
Einladung bound with the papers of its items into one PDF, on some under a cover sheet with a contents list); with
``--agenda-supplements N`` also those of ``meeting_supplement.py`` (a Nachtrag, an Ergänzung or a Geänderte
Tagesordnung that changes a session's agenda after the Einladung: new items numbered in, items withdrawn, struck
through or moved); with ``--attendance-tables N`` also those of ``meeting_attendance.py`` (Niederschriften whose
attendance is structured: a ruled table with crosses under "anwesend" or "entschuldigt", factions in columns side by
side, one faction per line, a table per faction, role groups under them); with ``--vote-blocks N`` also those of
``meeting_votes.py`` (Niederschriften whose votes are structured blocks: a label-value list "Gesetzliche Anzahl der
Mitglieder / davon anwesend / Ja-Stimmen / ...", a two-column table of it, a table "Ja | Nein | Enthaltung |
Befangen" over a row of counts, some typed into Word); with ``--beirat-minutes N`` also those of
``meeting_beirat.py`` (minutes and Einladungen of advisory councils and small bodies typed by a volunteer or a
clerk: loose heads, attendance in prose, "TOP 3:" headings, votes as "7/0/1", a follow-up table of tasks); with
``--scans N`` N scanned
documents of ``meeting_scans.py`` (short Einladungen, Tagesordnungen, Niederschriften and Protokolle of the other
modules printed, stamped and scanned; ``--keep-sources`` keeps each born-digital source as NAME.source.pdf). The same
seed gives the same content; the reportlab output is reproducible (``invariant=1``), fpdf2's creation date is fixed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import random
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fixture_fonts as ff

A4 = (595.28, 841.89)
CITIES = ["Hansestadt Lüneburg", "Stadt Weimar", "Stadt Gotha", "Stadt Erfurt", "Stadt Jena"]
BODIES = ["Bau- und Verkehrsausschuss", "Ausschuss für Stadtentwicklung und Umwelt", "Sozialausschuss", "Stadtrat"]
PLACES = ["Rathaus, Ratssaal, Markt 1", "Rathaus, Huldigungssaal", "Stadthaus, Raum 2.14", "Kulturhaus, Großer Saal"]
SUBJECTS = [
    "Sanierung des Spielplatzes im Stadtpark",
    "Jahresbericht des Klimaschutzmanagements",
    "Umgestaltung des Knotenpunktes Bahnhofstraße und Lünertorstraße mit neuer Lichtsignalanlage "
    "und geschützten Radfahrstreifen",
    "Bebauungsplan Nr. 112 Wohngebiet Am Mühlenteich, Aufstellungsbeschluss und frühzeitige "
    "Beteiligung der Öffentlichkeit",
    "Haushaltssatzung und Haushaltsplan für das Jahr 2025",
    "Satzung über die Erhebung von Gebühren für die Benutzung der Kindertagesstätten",
    "Neubau einer Sporthalle an der Grundschule Nord",
    "Fortschreibung des Nahverkehrsplans",
]
FIRST = ["Anna", "Jens", "Heike", "Malte", "Sabine", "Frank", "Niels", "Gül", "Petra", "Thomas", "Eva", "Karl"]
LAST = ["Bauer", "Schultz", "Rahlfs", "Riechey", "Mester", "Soldan", "Webersinn", "Güngör", "Lange", "Hoffmann"]
FACTIONS = ["SPD-Fraktion", "CDU-Fraktion", "Fraktion GRÜNE", "FDP"]
PARTIES = ["SPD", "CDU", "GRÜNE", "FDP", "DIE LINKE"]
WORDS = [
    "wir",
    "haben",
    "im",
    "ausschuss",
    "lange",
    "über",
    "diese",
    "frage",
    "beraten",
    "und",
    "sind",
    "zu",
    "dem",
    "ergebnis",
    "gekommen",
    "dass",
    "die",
    "verwaltung",
    "einen",
    "guten",
    "vorschlag",
    "vorgelegt",
    "hat",
    "der",
    "die",
    "interessen",
    "der",
    "anwohnerinnen",
    "und",
    "anwohner",
    "berücksichtigt",
    "allerdings",
    "bleiben",
    "offene",
    "fragen",
    "zur",
    "finanzierung",
    "und",
    "zum",
    "zeitplan",
    "die",
    "wir",
    "im",
    "weiteren",
    "verfahren",
    "klären",
    "müssen",
    "deshalb",
    "bitten",
    "wir",
    "um",
    "zustimmung",
    "zu",
    "dieser",
    "vorlage",
]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


@dataclass
class Op:
    """One run of text at (x, y from the top) in points."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False


class Pages:
    """Text runs laid out top-down on A4 pages."""

    def __init__(self) -> None:
        self.pages: list[list[Op]] = [[]]
        self.y = 70.0

    def put(self, x: float, text: str, size: float = 10.0, bold: bool = False, advance: bool = True) -> None:
        if self.y > A4[1] - 80:
            self.pages.append([])
            self.y = 70.0
        self.pages[-1].append(Op(x, self.y, text, size, bold))
        if advance:
            self.y += size * 1.35

    def need(self, points: float) -> None:
        """Start a new page unless ``points`` fit on this one (an item heading stays together)."""
        if self.y + points > A4[1] - 80:
            self.pages.append([])
            self.y = 70.0

    def gap(self, points: float = 8.0) -> None:
        self.y += points


def render_reportlab(pages: list[list[Op]], out: Path, title: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("Reg", str(ff.find_font("LiberationSans-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont("Bold", str(ff.find_font("LiberationSans-Bold.ttf"))))
    c = Canvas(str(out), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    for number, ops in enumerate(pages, 1):
        for op in ops:
            c.setFont("Bold" if op.bold else "Reg", op.size)
            c.drawString(op.x, A4[1] - op.y - op.size, op.text)
        c.setFont("Reg", 8)
        c.drawCentredString(A4[0] / 2, 40, f"Seite {number} von {len(pages)}")
        c.showPage()
    c.save()


def render_fpdf(pages: list[list[Op]], out: Path, title: str) -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Lib", "", str(ff.find_font("LiberationSans-Regular.ttf")))
    pdf.add_font("Lib", "B", str(ff.find_font("LiberationSans-Bold.ttf")))
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_title(title)
    for number, ops in enumerate(pages, 1):
        pdf.add_page()
        for op in ops:
            pdf.set_font("Lib", "B" if op.bold else "", op.size)
            pdf.text(op.x, op.y + op.size, op.text)
        pdf.set_font("Lib", "", 8)
        pdf.text(A4[0] / 2 - 25, A4[1] - 40, f"Seite {number} von {len(pages)}")
    pdf.output(str(out))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> dt.date:
    return dt.date(2024, 1, 8) + dt.timedelta(days=rng.randrange(0, 300))


def _session(rng: random.Random) -> dict[str, Any]:
    day = _date(rng)
    hour = rng.choice([9, 15, 16, 17, 18])
    return {
        "city": rng.choice(CITIES),
        "body": rng.choice(BODIES),
        "number": f"{rng.randrange(2, 40)}. Sitzung",
        "date": day,
        "start": f"{hour:02d}:{rng.choice(['00', '30'])}",
        "end": f"{hour + 2:02d}:{rng.choice(['10', '45'])}",
        "location": rng.choice(PLACES),
    }


def _items(rng: random.Random) -> list[dict[str, Any]]:
    """Public items (one with sub-items) then non-public ones, with paper numbers in a cell."""
    items: list[dict[str, Any]] = [{"number": "1", "title": "Eröffnung der Sitzung und Feststellung der Tagesordnung"}]
    subjects = rng.sample(SUBJECTS, 4)
    for k, subject in enumerate(subjects[:3], 2):
        items.append({"number": str(k), "title": subject, "paper": f"VO/2024/{rng.randrange(10, 999):03d}"})
    items.append({"number": "4.1", "title": "Bauabschnitt Nord", "paper": None})
    items.append({"number": "4.2", "title": "Bauabschnitt Süd", "paper": None})
    items.append({"number": "5", "title": "Mitteilungen und Anfragen", "paper": None})
    items.append({"number": "6", "title": subjects[3], "paper": f"VO/2024/{rng.randrange(10, 999):03d}", "np": True})
    items.append({"number": "7", "title": "Grundstücksangelegenheiten", "paper": None, "np": True})
    items.sort(key=lambda i: [int(p) for p in i["number"].split(".")])
    return items


def _item_golden(item: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "number": item["number"],
        "title": item["title"],
        "public": not item.get("np", False),
        "paper_numbers": [item["paper"]] if item.get("paper") else [],
        "decision": extra.get("decision"),
        "vote": extra.get("vote"),
    }


def _cover(s: dict[str, Any]) -> dict[str, Any]:
    """The cover fields as :func:`_header` prints them: the committee in the session line
    (nominative: the generator does not inflect it) and the issuing city at the top."""
    return {"body": s["body"], "originator": s["city"]}


def _header(p: Pages, s: dict[str, Any], kind: str, labels: bool) -> None:
    p.put(400, s["city"], 11)
    p.gap(20)
    p.put(50, kind, 16, bold=True)
    p.put(50, f"{s['number']} des {s['body']}", 12, bold=True)
    p.gap(10)
    day = s["date"]
    if labels:
        for label, value in (
            ("Sitzungstermin:", day.strftime("%d.%m.%Y")),
            ("Beginn:", f"{s['start']} Uhr"),
            ("Ende:", f"{s['end']} Uhr"),
            ("Ort:", s["location"]),
        ):
            p.put(50, label, advance=False)
            p.put(160, value)
    else:
        p.put(50, "Sitzungstermin:", advance=False)
        p.put(160, f"{WEEKDAYS[day.weekday()]}, {day.strftime('%d.%m.%Y')}, {s['start']} Uhr")
        p.put(50, "Sitzungsort:", advance=False)
        p.put(160, s["location"])
    p.gap(12)


def _agenda_line(p: Pages, item: dict[str, Any], bold: bool = False) -> None:
    lines = textwrap.wrap(item["title"], 62)
    p.need(len(lines) * 14 + 40)
    p.put(50, f"TOP {item['number']}", bold=bold, advance=False)
    if item.get("paper"):
        p.put(470, item["paper"], bold=bold, advance=False)
    for line in lines:
        p.put(110, line, bold=bold)


def einladung(rng: random.Random) -> tuple[list[list[Op]], dict[str, Any]]:
    s = _session(rng)
    items = _items(rng)
    p = Pages()
    _header(p, s, "Einladung", labels=False)
    p.put(50, "Sehr geehrte Damen und Herren,")
    p.put(50, "hiermit lade ich Sie zur Sitzung ein. Die Unterlagen stehen im Ratsinformationssystem bereit.")
    p.gap(12)
    p.put(50, "Tagesordnung", 12, bold=True)
    p.put(50, "Öffentlicher Teil", bold=True)
    for item in items:
        if item.get("np") and not any(o.text == "Nichtöffentlicher Teil" for page in p.pages for o in page):
            p.gap(8)
            p.put(50, "Nichtöffentlicher Teil", bold=True)
        _agenda_line(p, item)
    p.gap(30)
    p.put(50, f"gez. {_person(rng)}")
    p.put(50, "Vorsitzende/r")
    meeting = {**{k: s[k] for k in ("start", "location", "number")}, "date": s["date"].isoformat(), "end": None}
    golden = {"kind": "meeting", "document_type": "Einladung", **_cover(s), "meeting": meeting}
    golden |= {"agenda_items": [_item_golden(i) for i in items], "attendees": [], "speeches": []}
    return p.pages, golden


def _vote(rng: random.Random) -> tuple[str, dict[str, Any]]:
    if rng.random() < 0.4:
        return "einstimmig beschlossen", {"yes": None, "no": None, "abstain": None, "unanimous": True}
    yes, no, abstain = rng.randrange(5, 30), rng.randrange(1, 8), rng.randrange(0, 4)
    return f"Ja {yes} Nein {no} Enthaltung {abstain}", {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


def niederschrift(rng: random.Random) -> tuple[list[list[Op]], dict[str, Any]]:
    s = _session(rng)
    items = _items(rng)
    p = Pages()
    _header(p, s, "Niederschrift", labels=True)
    p.put(50, "Anwesend:", bold=True)
    attendees = []
    for faction in rng.sample(FACTIONS, 3):
        p.put(50, faction, bold=True)
        for _ in range(rng.randrange(2, 4)):
            salutation, name = rng.choice(["Frau", "Herr"]), _person(rng)
            p.put(60, f"{salutation} {name}")
            attendees.append({"name": name, "role": None, "faction": faction})
    p.put(50, "Verwaltung:", bold=True, advance=False)
    clerk = rng.choice(LAST)
    p.put(130, f"Frau {clerk}")
    attendees.append({"name": clerk, "role": "Verwaltung", "faction": None})
    p.gap(6)
    p.put(50, "Entschuldigt:", bold=True, advance=False)
    p.put(130, f"Herr {_person(rng)}")
    p.gap(14)
    golden_items = []
    p.put(50, "Öffentlicher Teil", 12, bold=True)
    for item in items:
        p.gap(6)
        if item.get("np") and golden_items[-1]["public"] is not False:
            p.put(50, "Nichtöffentlicher Teil", 12, bold=True)
        _agenda_line(p, item, bold=True)
        p.put(50, "Die Verwaltung erläutert die Vorlage. Es gibt Rückfragen aus dem Gremium.")
        extra: dict[str, Any] = {}
        if item.get("paper"):
            decision = f"Der {s['body']} stimmt der Vorlage {item['paper']} zu."
            text, vote = _vote(rng)
            p.put(50, f"Beschluss: {decision}")
            p.put(50, f"Abstimmungsergebnis: {text}")
            extra = {"decision": decision, "vote": vote}
        golden_items.append(_item_golden(item, **extra))
    meeting = {k: s[k] for k in ("start", "end", "location", "number")} | {"date": s["date"].isoformat()}
    golden = {"kind": "meeting", "document_type": "Niederschrift", **_cover(s), "meeting": meeting}
    golden |= {"agenda_items": golden_items, "attendees": attendees, "speeches": []}
    return p.pages, golden


def _column_lines(speeches: list[dict[str, Any]], head: dict[int, str]) -> list[str]:
    lines: list[str] = []
    for k, speech in enumerate(speeches):
        lines += textwrap.wrap(f"{head[k]}: {speech['text']}", 44)
        lines.append("")
    return lines


def wortprotokoll(rng: random.Random) -> tuple[list[list[Op]], dict[str, Any]]:
    s = _session(rng)
    chair = rng.choice(LAST)
    speeches, head = [], {}
    for k in range(rng.randrange(8, 12)):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(25, 70)))
        text = words[0].upper() + words[1:] + "."
        if k % 3 == 0:
            speeches.append({"speaker": chair, "role": "Oberbürgermeisterin", "text": text})
            head[k] = f"Oberbürgermeisterin {chair}"
        else:
            name, party = _person(rng), rng.choice(PARTIES)
            speeches.append({"speaker": name, "role": party, "text": text})
            head[k] = f"Ratsmitglied {name} ({party})"
    lines = _column_lines(speeches, head)
    p = Pages()
    _header(p, s, "Wortprotokoll", labels=True)
    top, bottom, step = p.y, A4[1] - 80, 12.5
    x = (50, 310)
    column = 0
    y = top
    for line in lines:
        if y > bottom:
            column += 1
            y = top if column % 2 else 70.0
            if column % 2 == 0:
                p.pages.append([])
                top = 70.0
        if line:
            p.pages[-1].append(Op(x[column % 2], y, line, 9.5))
        y += step
    meeting = {k: s[k] for k in ("start", "end", "location", "number")} | {"date": s["date"].isoformat()}
    golden = {"kind": "meeting", "document_type": "Wortprotokoll", **_cover(s), "meeting": meeting}
    golden |= {"agenda_items": [], "attendees": [], "speeches": speeches}
    return p.pages, golden


#: Options that add the documents of one module's styles, written in this order (each module's
#: ``build_all(out, seed, count)``; a module is imported only when its option asks for documents).
STYLE_MODULES = (
    ("--record-heads", "meeting_extracts"),
    ("--toc-styles", "meeting_tocs"),
    ("--agenda-layouts", "meeting_agenda_layouts"),
    ("--minutes-styles", "meeting_minutes"),
    ("--parliament-styles", "meeting_parliament"),
    ("--plenary-styles", "meeting_plenary"),
    ("--plenary-hard", "meeting_plenary_hard"),
    ("--austrian-styles", "meeting_austrian"),
    ("--deep-agendas", "meeting_deep"),
    ("--bw-styles", "meeting_protokoll_bw"),
    ("--bavarian-invitations", "meeting_einladung_bayern"),
    ("--decision-lists", "meeting_beschluesse"),
    ("--browser-agendas", "meeting_browser"),
    ("--office-meetings", "meeting_office"),
    ("--gazette-notices", "meeting_gazette"),
    ("--session-packages", "meeting_package"),
    ("--agenda-supplements", "meeting_supplement"),
    ("--attendance-tables", "meeting_attendance"),
    ("--vote-blocks", "meeting_votes"),
    ("--beirat-minutes", "meeting_beirat"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--variants", type=int, default=2)
    parser.add_argument("--heads", action="store_true", help="also the head layouts of meeting_heads.py")
    parser.add_argument("--agenda-styles", type=int, default=0, help="documents of meeting_agendas.py to add")
    for option, module in STYLE_MODULES:
        parser.add_argument(option, type=int, default=0, help=f"documents of {module}.py to add")
    parser.add_argument("--scans", type=int, default=0, help="scanned documents of meeting_scans.py to add")
    parser.add_argument(
        "--keep-sources", action="store_true", help="keep each scan's born-digital source as NAME.source.pdf"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    for n in range(1, args.variants + 1):
        for name, build, render in (
            ("einladung", einladung, render_reportlab),
            ("niederschrift", niederschrift, render_fpdf),
            ("wortprotokoll", wortprotokoll, render_reportlab),
        ):
            pages, golden = build(rng)
            stem = f"{name}-{n}"
            render(pages, args.out / f"{stem}.pdf", f"{golden['document_type']} {golden['meeting']['number']}")
            golden["page_count"] = len(pages)
            golden["_notes"] = f"generated by scripts/generate_meetings.py --seed {args.seed}; values from its content"
            text = json.dumps(golden, ensure_ascii=False, indent=1) + "\n"
            (args.out / f"{stem}.json").write_text(text, encoding="utf-8")
    import meeting_layouts
    import meeting_records

    meeting_layouts.build_all(args.out, args.seed, args.variants)
    if args.heads:
        import meeting_heads

        meeting_heads.build_all(args.out, args.seed, args.variants)
        meeting_records.build_heads(args.out, args.seed, args.variants)
    if args.agenda_styles:
        import meeting_agendas

        meeting_agendas.build_all(args.out, args.seed, args.agenda_styles)
        meeting_records.build_agendas(args.out, args.seed, args.agenda_styles)
    for option, module in STYLE_MODULES:
        count = getattr(args, option.removeprefix("--").replace("-", "_"))
        if count:
            importlib.import_module(module).build_all(args.out, args.seed, count)
    if args.scans:
        import meeting_scans

        meeting_scans.build_all(args.out, args.seed, args.scans, keep=args.keep_sources)


if __name__ == "__main__":
    main()
