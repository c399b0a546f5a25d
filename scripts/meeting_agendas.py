"""Agenda styles for scripts/generate_meetings.py: Einladungen and Niederschriften whose agendas
vary the way publishers print them, goldens from the generator's own content.

Per document, drawn from its own ``random.Random``:

- the item numbers: "TOP 1", "TOP Ö 1", "Ö 1" / "N 2", "1.", "1", "Traktandum 4", "Punkt 5", with
  sub-items "1.1" or "3 a" (not with Ö/N markers);
- the layout: a table (number cell | title cell | Vorlage cell), a hanging list (number, then the
  title at a fixed x) or a running list ("1. Title" with wrapped lines under the title);
- where the paper number stands: in the Vorlage cell, on a line of its own under the title
  ("Vorlage: 1234/2023"), in parentheses after the title ("(0112/23)", kept out of the title) or
  nowhere; its format: "1234/2023", "0112/23", "AN/0123/2022", "Drucksache 21/1234",
  "Ds. 3456/2019", "VO/2022/123", Swiss "20/MO 12/123";
- the parts: "Öffentlicher Teil" / "Nichtöffentlicher Teil", "Öffentliche Sitzung" /
  "Nichtöffentliche Sitzung", or the Ö/N markers alone;
- 5 to 14 items with titles of one to three lines, so that a list runs over a page break;
- minutes repeat every item over its minutes, with a numbered list in the discussion that is no
  item, a "Beschluss:" and an "Abstimmungsergebnis:".

Usage: ``python scripts/generate_meetings.py OUT --seed 7 --agenda-styles 40`` (or this module's
:func:`build_all`).
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml

NUMBERING = ["top", "top_marker", "marker", "dot", "plain", "traktandum", "punkt"]
LAYOUTS = ["table", "hanging", "running"]
PLACES = ["cell", "line", "paren", "none"]
#: Numberings whose golden number is the same with 'TOP' before it.
SAME_NUMBER = ("dot", "plain", "traktandum", "punkt")
#: Paper-number formats: (how the golden names it, how a title or cell prints it).
FORMATS = [
    ("{a:04d}/{y}", "Vorlage {n}"),
    ("{a:04d}/{yy}", "{n}"),
    ("AN/{a:04d}/{y}", "{n}"),
    ("21/{a:04d}", "Drucksache {n}"),
    ("{a:04d}/{y}", "Ds. {n}"),
    ("VO/{y}/{b:03d}", "{n}"),
    ("20/MO {c}/{b:03d}", "Geschäftsnummer {n}"),
]
EXTRA_SUBJECTS = [
    "Antrag der Fraktion auf Einrichtung eines Jugendbeirates",
    "Bürgerinnen- und Bürgerbeteiligung bei der Neugestaltung des Marktplatzes und der angrenzenden Straßen",
    "Ausbau der Radwege zwischen Innenstadt und Gewerbegebiet Süd, Vorplanung und Kostenschätzung",
    "Wahl der Schiedsperson",
    "Bericht der Verwaltung über die Umsetzung des Lärmaktionsplans",
    "Zuschuss an den Heimatverein für die Sanierung des Backhauses",
    "Vergabe der Reinigungsleistungen für städtische Gebäude",
    "Anfragen",
    "Fortschreibung der Kindertagesstättenbedarfsplanung und Haushaltskonsolidierungskonzept der Stadt",
    "Aufhebung der Straßenausbaubeitragssatzung und Änderung der Friedhofsgebührensatzung",
]
NONPUBLIC = [
    "Grundstücksangelegenheiten",
    "Personalangelegenheiten",
    "Vergabe eines Auftrags",
    "Mietvertrag Bürgerhaus",
]


def _paper(rng: random.Random) -> tuple[str, str]:
    number, printed = rng.choice(FORMATS)
    year = rng.randrange(2019, 2025)
    value = number.format(
        a=rng.randrange(1, 9999), y=year, yy=year % 100, b=rng.randrange(1, 999), c=rng.randrange(1, 30)
    )
    return value, printed.format(n=value)


def _items(rng: random.Random, numbering: str) -> list[dict[str, Any]]:
    """Numbered items, the last one or two non-public; sub-items under one item."""
    count = rng.randrange(4, 12)
    subjects = rng.sample(gm.SUBJECTS + ml.REPORTS + ml.MOTIONS + EXTRA_SUBJECTS, count)
    subjects = ["Eröffnung der Sitzung und Feststellung der Tagesordnung", *subjects]
    closed = rng.randrange(1, 3)
    subs = "" if numbering in ("marker", "top_marker") else rng.choice(["", "decimal", "letter"])
    split_at = rng.randrange(2, len(subjects) - closed) if subs else -1
    items: list[dict[str, Any]] = []
    for k, subject in enumerate(subjects, 1):
        public = k <= len(subjects) - closed
        title = subject if public else rng.choice(NONPUBLIC)
        item = {"n": str(k), "title": title, "public": public, "paper": None}
        if public and k > 1 and rng.random() < 0.6:
            item["paper"] = _paper(rng)
        items.append(item)
        if k == split_at:
            item["paper"] = None
            for j, sub in enumerate(rng.sample(["Bauabschnitt Nord", "Bauabschnitt Süd", "Kosten", "Zeitplan"], 2)):
                number = f"{k}.{j + 1}" if subs == "decimal" else f"{k} {'ab'[j]}"
                items.append({"n": number, "title": sub, "public": True, "paper": None})
    return items


def _shown(item: dict[str, Any], numbering: str) -> tuple[str, str]:
    """(the number as the golden names it, the label printed before the title)."""
    n = item["n"]
    marked = f"{'Ö' if item['public'] else 'N'} {n}"
    return {
        "top": (n, f"TOP {n}"),
        "top_marker": (marked, f"TOP {marked}"),
        "marker": (marked, marked),
        "dot": (n, f"{n}." if "." not in n and " " not in n else n),
        "plain": (n, n),
        "traktandum": (n, f"Traktandum {n}"),
        "punkt": (n, f"Punkt {n}"),
    }[numbering]


def _agenda_item(p: gm.Pages, item: dict[str, Any], style: dict[str, Any], bold: bool = False) -> None:
    """One agenda entry in the document's layout; ``p`` advances below it."""
    _, label = _shown(item, style["numbering"])
    paper = item["paper"]
    title = item["title"]
    place = style["place"] if paper else "none"
    if place == "paren":
        title = f"{title} ({paper[1] if paper[1] == paper[0] else paper[0]})"
    # A hanging title or a title cell starts right of the document's longest label.
    wide = style["numbering"] in ("traktandum", "punkt", "top_marker")
    x = {"table": 110.0, "hanging": 120.0, "running": 58.0 + 7.0 * len(label)}[style["layout"]]
    if style["layout"] != "running" and wide:
        x = 160.0
    # Characters that fit left of the Vorlage cell (or the right margin) in the widest font.
    # Filled to the Vorlage cell (or the right margin) as measured in the document's font.
    width = (455 if place == "cell" else 540) - x
    lines = ml._fill(title.split(), width, width, 10.0)
    if style["hyphenate"]:
        lines = _hyphenate(lines, width)
    if style["keep"]:
        p.need(len(lines) * 14 + (14 if place == "line" else 0))
    p.put(50, label, bold=bold, advance=False)
    if place == "cell":
        p.put(
            470, paper[1] if style["layout"] == "table" and len(paper[1]) < 16 else paper[0], bold=bold, advance=False
        )
    for k, line in enumerate(lines):
        # A running list may wrap back to its margin.
        p.put(50 if k and style["layout"] == "running" and style["margin_wrap"] else x, line, bold=bold)
    if place == "line":
        p.put(x, f"Vorlage: {paper[0]}")
    p.gap(style["spacing"])


def _hyphenate(lines: list[str], width: float) -> list[str]:
    """Lines where a long word that opens the next line is split with a hyphen at this one's end
    ('Kindertages-' / 'stätten'), as word processors hyphenate."""
    out = list(lines)
    for k in range(len(out) - 1):
        words = out[k + 1].split(" ")
        word = words[0]
        cut = len(word) // 2
        if len(word) >= 12 and word.isalpha() and ml._width(f"{out[k]} {word[:cut]}-", 10.0) <= width:
            out[k] = f"{out[k]} {word[:cut]}-"
            out[k + 1] = " ".join([word[cut:], *words[1:]])
    return out


def _golden(
    item: dict[str, Any], style: dict[str, Any], decision: str | None = None, vote: Any = None
) -> dict[str, Any]:
    paper = item["paper"]
    return {
        "number": _shown(item, style["numbering"])[0],
        "title": item["title"],
        "public": item["public"],
        "paper_numbers": [paper[0]] if paper and style["place"] != "none" else [],
        "decision": decision,
        "vote": vote,
    }


def _part(p: gm.Pages, public: bool, style: dict[str, Any], body: bool = False) -> None:
    if style["parts"] == "markers":
        return
    # 'Öffentliche Tagesordnung' heads the list itself; the minutes say 'Öffentlicher Teil'.
    word = "Teil" if body and style["parts"] == "Tagesordnung" else style["parts"]
    p.gap(6)
    p.put(
        50,
        f"{'Öffentlicher' if public else 'Nichtöffentlicher'} {word}"
        if word == "Teil"
        else f"{'Öffentliche' if public else 'Nichtöffentliche'} {word}",
        bold=True,
    )
    p.gap(4)


def _agenda(p: gm.Pages, items: list[dict[str, Any]], style: dict[str, Any]) -> None:
    if style["parts"] != "Tagesordnung":
        p.put(50, style["heading"], 12, bold=True)
        p.gap(4)
    if style["layout"] == "table" and style["header_row"]:
        for x, text in ((50, "Nr."), (110, "Betreff"), (470, "Vorlage")):
            p.put(x, text, bold=True, advance=False)
        p.put(50, "")
    public: bool | None = None
    for item in items:
        if item["public"] != public:
            public = item["public"]
            _part(p, bool(public), style)
        _agenda_item(p, item, style)


def _style(rng: random.Random) -> dict[str, Any]:
    numbering = rng.choice(NUMBERING)
    return {
        "numbering": numbering,
        "layout": rng.choice(LAYOUTS),
        "place": rng.choice(PLACES),
        "parts": "markers"
        if numbering in ("marker", "top_marker") and rng.random() < 0.5
        else rng.choice(["Teil", "Sitzung", "Tagesordnung"]),
        "heading": rng.choice(["Tagesordnung", "Tagesordnung:", "Tagesordnung der Sitzung"]),
        "spacing": rng.choice([0.0, 2.0, 6.0]),
        "hyphenate": rng.random() < 0.5,
        "keep": rng.random() < 0.5,
        "margin_wrap": rng.random() < 0.5,
        "header_row": rng.random() < 0.5,
        "body_top": rng.random() < 0.4,
    }


def einladung(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An invitation: letter, then the agenda in the document's style."""
    s = gm._session(rng)
    style = _style(rng)
    items = _items(rng, style["numbering"])
    p = gm.Pages()
    gm._header(p, s, "Einladung", labels=False)
    p.put(50, "Sehr geehrte Damen und Herren,")
    for _ in range(rng.randrange(1, 4)):
        for line in textwrap.wrap(ml._sentence(rng), 95):
            p.put(50, line)
    p.gap(12)
    _agenda(p, items, style)
    p.gap(24)
    p.put(50, f"gez. {gm._person(rng)}")
    meeting = {**{k: s[k] for k in ("start", "location", "number")}, "date": s["date"].isoformat(), "end": None}
    golden = {"kind": "meeting", "document_type": "Einladung", "meeting": meeting}
    golden |= {"agenda_items": [_golden(i, style) for i in items], "attendees": [], "speeches": []}
    golden["_style"] = style
    return p.pages, golden


def niederschrift(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Minutes: the agenda, then each item again over its minutes with decision and vote."""
    s = gm._session(rng)
    style = _style(rng)
    items = _items(rng, style["numbering"])
    p = gm.Pages()
    gm._header(p, s, "Niederschrift", labels=True)
    _agenda(p, items, style)
    p.gap(16)
    goldens = []
    public: bool | None = None
    for item in items:
        if item["public"] != public:
            public = item["public"]
            _part(p, bool(public), style, body=True)
        p.gap(8)
        # The minutes may head an item 'TOP 3' where the list printed '3.'.
        numbering = "top" if style["body_top"] and style["numbering"] in SAME_NUMBER else style["numbering"]
        _agenda_item(p, {**item, "paper": None}, {**style, "place": "none", "numbering": numbering}, bold=True)
        for line in textwrap.wrap(ml._sentence(rng, 15, 40), 95):
            p.put(50, line)
        if rng.random() < 0.3:
            p.put(50, "Die Verwaltung wird beauftragt,")
            p.put(60, "1. einen Zeitplan vorzulegen,")
            p.put(60, "2. die Kosten zu ermitteln.")
        decision = vote = None
        if item["paper"] and item["public"]:
            decision = f"Der {s['body']} stimmt der Vorlage {item['paper'][0]} zu."
            text, vote = gm._vote(rng)
            p.put(50, f"Beschluss: {decision}")
            p.put(50, f"Abstimmungsergebnis: {text}")
        goldens.append(_golden(item, style, decision, vote))
    meeting = {k: s[k] for k in ("start", "end", "location", "number")} | {"date": s["date"].isoformat()}
    golden = {"kind": "meeting", "document_type": "Niederschrift", "meeting": meeting}
    golden |= {"agenda_items": goldens, "attendees": [], "speeches": []}
    golden["_style"] = style
    return p.pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` documents (Einladungen and Niederschriften in turn) with their goldens."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        name, build = ("agenda-einladung", einladung) if n % 2 else ("agenda-niederschrift", niederschrift)
        rng = random.Random(f"{seed}-{name}-{n}")
        fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
        pages, golden = build(rng)
        producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
        title = f"{golden['document_type']} {golden['meeting']['number']}"
        notes = (
            f"--seed {seed} --agenda-styles {count} ({producer}, {Path(fonts[0]).stem}, style {golden.pop('_style')})"
        )
        ml.write_meeting(out, f"{name}-{n}", pages, golden, (fonts, producer, title, notes))
