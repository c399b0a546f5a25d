"""Agenda layouts of council information systems the older agenda styles do not imitate, for
scripts/generate_meetings.py (``--agenda-layouts N``); goldens from the generator's own content.

Einladungen and Tagesordnungen as ALLRIS, SessionNet, SD.NET/Somacos, Swiss CMI systems
("Traktandenliste") and Austrian Gemeinderat invitations print them. Per document, drawn from its
own ``random.Random``:

- the numbers: "TOP 3" (sub-items "TOP 3.1"), "Ö 3" / "N 2.1" (sub-items with the marker),
  "3." with sub-items "3.1", "3." with sub-items "3 a)", Roman "III.", or none at all: one item per
  ruled table row (golden number null);
- the columns: a title column with the number left of it, a right column with the Drucksache or
  Vorlage number, a column naming who reports ("Ref.", "Berichterstattung", "Zuständig": a person,
  "StR Bauer", or an office, "Amt 61", "FB 3"), a header row over the columns ("TOP  Betreff
  Vorlage", Swiss "Nr.  Traktandum/Geschäft  Ref.");
- the paper number in its column, on a line of its own under the title ("Vorlage: 0123/2024",
  "Drucksache 21/1234", the bare number) or not at all;
- a head block whose lines start with digits and are no items: the session ("5. Sitzung des
  Bauausschusses"), the date ("12. März 2025"), the time ("17:00 Uhr"), the place ("Marktplatz 1",
  "99084 Erfurt"), printed above or below the agenda heading;
- parts "Öffentlicher Teil" / "Nichtöffentlicher Teil" (or "I. Öffentliche Sitzung" / "II. ..."),
  the non-public part numbered on or from 1 again;
- titles of one to four lines, the list running over page breaks (an item may wrap over one);
- a running head and foot with the page number ("Seite 2 von 3", "- 2 -") on every page.

Usage: ``python scripts/generate_meetings.py OUT --seed 21 --variants 0 --agenda-layouts 60``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_agendas as ma
import meeting_layouts as ml

NUMBERING = ["top", "marker", "decimal", "letter", "roman", "none"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
#: Who reports on an item: persons and offices as a responsible column names them.
RESPONSIBLE = ["StR Bauer", "OB", "BMin Lange", "Amt 61", "FB 3", "Ref. II", "Kämmerei", "GR Mester", "FB 61"]
#: Header rows: (number, title, responsible, paper) headings; None where a document has no such column.
HEADERS = [
    ("TOP", "Betreff", None, "Vorlage"),
    ("Nr.", "Gegenstand", "Referent/in", "Drucksache"),
    ("Nr.", "Traktandum", "Ref.", None),
    ("Nr.", "Geschäft", "Zuständig", "Vorlage"),
]
LONG = [
    "Bebauungsplan Nr. 47 \u201eGewerbegebiet An der Autobahn\u201c, Abwägung der im Rahmen der öffentlichen "
    "Auslegung eingegangenen Stellungnahmen der Behörden und der Öffentlichkeit sowie Satzungsbeschluss",
    "Neufassung der Satzung über die Erhebung von Gebühren für die Benutzung der öffentlichen Einrichtung "
    "Abwasserbeseitigung (Abwassergebührensatzung) und Kalkulation der Gebührensätze für die Jahre 2025 bis 2027",
    "Antrag der Fraktionen SPD und Bündnis 90/Die Grünen vom 3. Februar 2025: Prüfung der Einführung eines "
    "Bürgerhaushalts für die Stadtteile",
    "Genehmigung der Niederschrift über die öffentliche Sitzung vom 12. Dezember 2024",
    "Vergabe von Bauleistungen für die Erweiterung der Grundschule am Lindenplatz, Los 4 Rohbauarbeiten",
    "Kreditaufnahme für Investitionen im Haushaltsjahr 2025 und Änderung des Finanzplans",
    "Allfälliges",
]


def _items(rng: random.Random, numbering: str, restart: bool) -> list[dict[str, Any]]:
    """Items with printed label and golden number; sub-items under one public item."""
    count = rng.randrange(5, 17)
    pool = gm.SUBJECTS + ml.REPORTS + ml.MOTIONS + ma.EXTRA_SUBJECTS + LONG
    subjects = ["Eröffnung der Sitzung und Feststellung der Tagesordnung", *rng.sample(pool, count)]
    closed = rng.randrange(1, 3)
    subs = numbering not in ("roman", "none") and rng.random() < 0.6
    split_at = rng.randrange(2, len(subjects) - closed) if subs else -1
    items: list[dict[str, Any]] = []
    k_np = 0
    for k, subject in enumerate(subjects, 1):
        public = k <= len(subjects) - closed
        k_np += 0 if public else 1
        n = k_np if restart and not public else k
        title = subject if public else rng.choice(ma.NONPUBLIC)
        paper = ma._paper(rng) if public and k > 1 and rng.random() < 0.6 else None
        items.append(_item(numbering, [n], title, public, paper))
        if k == split_at:
            items[-1]["paper"] = None
            for j, sub in enumerate(rng.sample(["Bauabschnitt Nord", "Bauabschnitt Süd", "Kosten", "Zeitplan"], 2)):
                items.append(_item(numbering, [n, j + 1], sub, True, ma._paper(rng) if rng.random() < 0.4 else None))
    return items


def _item(numbering: str, parts: list[int], title: str, public: bool, paper: Any) -> dict[str, Any]:
    """An item: its golden number, its printed label, its title, part and paper."""
    n = ".".join(map(str, parts))
    marker = f"{'Ö' if public else 'N'} {n}"
    letter = f"{parts[0]} {'abcd'[parts[1] - 1]}" if len(parts) > 1 else n
    number, label = {
        "top": (n, f"TOP {n}"),
        "marker": (marker, marker),
        "decimal": (n, f"{n}." if len(parts) == 1 else n),
        "letter": (letter, f"{letter})" if len(parts) > 1 else f"{n}."),
        "roman": (_roman(parts[0]), f"{_roman(parts[0])}."),
        "none": (None, ""),
    }[numbering]
    return {"number": number, "label": label, "title": title, "public": public, "paper": paper, "sub": len(parts) > 1}


def _roman(n: int) -> str:
    """``n`` (1 to 39) in Roman numerals."""
    return "X" * (n // 10) + ["", *ROMAN][n % 10]


def _style(rng: random.Random) -> dict[str, Any]:
    numbering = rng.choice(NUMBERING)
    header = rng.choice(HEADERS)
    # 'TOP 13.1' needs more room before the title than '3.1' or 'Ö 3'.
    title_x = rng.choice([110.0, 130.0] if numbering == "top" else [95.0, 110.0, 130.0])
    responsible = rng.random() < 0.5 or (header[2] is not None and rng.random() < 0.7)
    return {
        "numbering": numbering,
        "header": header if rng.random() < 0.6 or numbering == "none" else None,
        "responsible": responsible,
        "place": rng.choice(["cell", "line", "line_bare", "none"]),
        "head_below": rng.random() < 0.5,
        "parts": rng.choice(
            ["Teil", "roman", "markers"]
            if numbering == "marker"
            else ["Teil", "roman"]
            if numbering != "roman"
            else ["Teil"]
        ),
        "restart": rng.random() < 0.4,
        "title_x": title_x,
        "sub_indent": rng.random() < 0.5,
        "foot": rng.choice(["Seite {n} von {total}", "- {n} -", "Seite {n}"]),
        "running_head": rng.random() < 0.7,
        "spacing": rng.choice([3.0, 6.0, 10.0]),
    }


def _head_lines(s: dict[str, Any], rng: random.Random) -> list[str]:
    """Head lines that start with digits: session, date, time (and the place, labelled)."""
    day = s["date"]
    lines = [
        f"{s['number']} des {s['body']}",
        ml._long_date(day),
        f"{s['start']} Uhr",
        f"Sitzungsort: {s['location']}",
    ]
    return lines


def _put_item(p: gm.Pages, item: dict[str, Any], style: dict[str, Any], rng: random.Random) -> None:
    """One agenda row: label, wrapped title, paper and responsible cells, a rule under it."""
    x = style["title_x"] + (15.0 if item["sub"] and style["sub_indent"] else 0.0)
    label_x = 50.0 + (15.0 if item["sub"] and style["sub_indent"] and style["numbering"] != "top" else 0.0)
    resp_x, paper_x = 375.0, 475.0
    right = resp_x - 10 if style["responsible"] else (paper_x - 15 if style["place"] == "cell" else 540.0)
    lines = ml._fill(item["title"].split(), right - x, right - x, 10.0)
    paper = item["paper"]
    if style["numbering"] == "none":
        p.need(14)
        p.pages[-1].append(ml.Rule(50.0, p.y - 4, "", x1=545.0))
    if item["label"]:
        p.put(label_x, item["label"], advance=False)
    if style["responsible"]:
        p.put(resp_x, rng.choice(RESPONSIBLE), advance=False)
    if paper and style["place"] == "cell":
        p.put(paper_x, paper[0], advance=False)
    for line in lines:
        p.put(x, line)
    if paper and style["place"] == "line":
        p.put(x, f"Vorlage: {paper[0]}" if paper[1] == paper[0] else paper[1])
    elif paper and style["place"] == "line_bare":
        p.put(x, paper[0])
    p.gap(style["spacing"])


def _part(p: gm.Pages, public: bool, style: dict[str, Any]) -> None:
    if style["parts"] == "markers":
        return
    p.gap(6)
    if style["parts"] == "roman":
        text = "I. Öffentliche Sitzung" if public else "II. Nichtöffentliche Sitzung"
    else:
        text = "Öffentlicher Teil" if public else "Nichtöffentlicher Teil"
    p.put(50, text, bold=True)
    p.gap(4)


def agenda_document(rng: random.Random, kind: str) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung or a Tagesordnung in the drawn layout."""
    s = gm._session(rng)
    style = _style(rng)
    style["restart"] = style["restart"] and style["numbering"] not in ("none", "marker")
    items = _items(rng, style["numbering"], style["restart"])
    p = gm.Pages()
    p.put(400, s["city"], 11)
    # The issuer's address under its name: a street and a postcode line.
    p.put(400, rng.choice(["Marktplatz 1", "Hauptplatz 3", "Rathausstraße 12"]), 9)
    p.put(400, rng.choice(["99084 Erfurt", "8500 Frauenfeld", "4020 Linz", "21335 Lüneburg"]), 9)
    p.gap(14)
    p.put(50, kind, 16, bold=True)
    head = _head_lines(s, rng)
    if not style["head_below"]:
        for line in head:
            p.put(50, line)
        p.gap(10)
    if kind == "Einladung":
        p.put(50, "Sehr geehrte Damen und Herren,")
        p.put(50, "zur nächsten Sitzung lade ich Sie herzlich ein. Die Unterlagen sind im Ratsinformationssystem.")
        # A longer letter pushes the list over a page break (a title may wrap over it).
        for line in ml._fill(ml._sentence(rng, 10, 80).split(), 490.0, 490.0, 10.0):
            p.put(50, line)
        p.gap(10)
    if kind == "Einladung":
        p.put(50, "Tagesordnung", 12, bold=True)
    if style["head_below"]:
        for line in head:
            p.put(50, line)
    p.gap(10)
    if style["header"]:
        number, title, responsible, paper = style["header"]
        if style["numbering"] != "none":
            p.put(50, number, bold=True, advance=False)
        p.put(style["title_x"], title, bold=True, advance=False)
        if style["responsible"] and responsible:
            p.put(375, responsible, bold=True, advance=False)
        if style["place"] == "cell" and paper:
            p.put(475, paper, bold=True, advance=False)
        p.put(50, "")
    public: bool | None = None
    for item in items:
        if item["public"] != public:
            public = item["public"]
            _part(p, bool(public), style)
        _put_item(p, item, style, rng)
    p.gap(20)
    p.put(50, f"gez. {gm._person(rng)}")
    meeting = {**{k: s[k] for k in ("start", "number", "location")}, "date": s["date"].isoformat(), "end": None}
    golden = {"kind": "meeting", "document_type": kind, "meeting": meeting}
    golden["agenda_items"] = [
        {
            "number": i["number"],
            "title": i["title"],
            "public": i["public"],
            "paper_numbers": [i["paper"][0]] if i["paper"] and style["place"] != "none" else [],
            "decision": None,
            "vote": None,
        }
        for i in items
    ]
    golden |= {"attendees": [], "speeches": [], "_style": style}
    _furniture(p.pages, s, style)
    return p.pages, golden


def _furniture(pages: list[list[gm.Op]], s: dict[str, Any], style: dict[str, Any]) -> None:
    """A running head (from page 2 on, as most systems print it) and a foot with the page number."""
    day = s["date"].strftime("%d.%m.%Y")
    for n, ops in enumerate(pages, 1):
        if style["running_head"] and n > 1:
            ops.append(gm.Op(50, 40, f"{s['number']} des {s['body']} am {day}", 8))
        ops.append(gm.Op(270, gm.A4[1] - 50, style["foot"].format(n=n, total=len(pages)), 8))


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` documents (Einladungen and Tagesordnungen in turn) with their goldens."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        kind = "Einladung" if n % 2 else "Tagesordnung"
        name = f"layout-{kind.lower()}"
        rng = random.Random(f"{seed}-{name}-{n}")
        fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
        pages, golden = agenda_document(rng, kind)
        title = f"{kind} {golden['meeting']['number']}"
        notes = f"--seed {seed} --agenda-layouts {count} ({Path(fonts[0]).stem}, style {golden.pop('_style')})"
        ml.write_meeting(out, f"{name}-{n}", pages, golden, (fonts, "reportlab", title, notes))
