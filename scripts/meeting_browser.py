"""A session's page in a council information system's web view, printed by a browser, for
scripts/generate_meetings.py (``--browser-agendas N``); goldens from the generator's own content.

The page as ALLRIS, SessionNet or a town's own Bürgerinformationssystem shows a session and a
browser prints it (the site around it as :mod:`browser_print` draws it: the town's name and menu,
a trail, the site's foot, in three prints of four the browser's own head and foot with the day of
printing, the page's title, its address and "1/2"). Per document, drawn from its own
``random.Random``:

- the heading: "Sitzung - 12. Sitzung des Bauausschusses", "Bauausschuss - 12. Sitzung" or
  "Sitzungsdetails", with "Tagesordnung" as the list's own heading;
- the session's fields as label and value cells (labels with or without colons) or as terms over
  their values: "Gremium", "Sitzung", "Datum" ("Dienstag, 12.03.2025", "12.03.2025" or "12. März
  2025"), "Beginn" or "Zeit" ("17:00 Uhr", "17:00 - 19:10 Uhr"), "Raum" or "Ort";
- the agenda as a table with a heading row ("TOP | Betreff | Vorlage", "Nr. | Gegenstand |
  Drucksache"), the parts "Öffentlicher Teil" / "Nichtöffentlicher Teil" as rows across the table,
  numbers as the agenda layouts draw them ("TOP 3", "Ö 3", "3.", "3.1", none) with sub-items, a
  paper's number as a link in its cell; titles wrap within their cell; long agendas run over a
  page break.

Goldens as the agenda layouts' (``meeting_agenda_layouts.py``): kind "meeting", the type
"Tagesordnung", the committee as body, the session's number, date, start, end (null where the page
prints none) and place, the items with number, title, part and paper number; no decision, no vote.
The issuing town is left out (``originator``): whether a site's name over its menu is the issuer
of a session the contract does not say.

Usage: ``python scripts/generate_meetings.py OUT --seed 21 --variants 0 --browser-agendas 40``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
from pathlib import Path
from typing import Any

import browser_print as bp
import generate_meetings as gm
import meeting_agenda_layouts as mal
import meeting_layouts as ml
import variant_text as vt

#: Numberings a web view prints (the agenda layouts' names).
NUMBERING = ["top", "marker", "decimal", "decimal", "none"]
HEADERS = [
    ("TOP", "Betreff", "Vorlage"),
    ("Nr.", "Gegenstand", "Drucksache"),
    ("TOP", "Beratungsgegenstand", "Vorlage"),
]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
PATHS = ["/bi/to010.asp?SILFDNR={n}", "/sessionnet/sessionnetbi/si0057.php?__ksinr={n}", "/buergerinfo/sitzung/{n}"]


def _date_text(rng: random.Random, day: dt.date) -> str:
    """The session's day as the page prints it."""
    numeric = day.strftime("%d.%m.%Y")
    return rng.choice([f"{WEEKDAYS[day.weekday()]}, {numeric}", numeric, ml._long_date(day)])


def _fields(rng: random.Random, s: dict[str, Any], ends: bool) -> list[tuple[str, str]]:
    """The session's (label, value) fields."""
    fields = [("Gremium", s["body"]), ("Sitzung", s["number"]), ("Datum", _date_text(rng, s["date"]))]
    if ends:
        fields.append(("Zeit", f"{s['start']} - {s['end']} Uhr"))
    else:
        fields.append((rng.choice(["Beginn", "Zeit"]), f"{s['start']} Uhr"))
    fields.append((rng.choice(["Raum", "Ort", "Sitzungsort"]), s["location"]))
    return fields


def _fields_html(fields: list[tuple[str, str]], grid: int, colon: bool) -> str:
    """The fields as a grid of label and value cells, or as terms over their values."""
    mark = ":" if colon else ""
    if grid == 1:
        return "<dl>" + "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in fields) + "</dl>"
    rows = "".join(
        f'<tr><td class="label">{html.escape(k)}{mark}</td><td>{html.escape(v)}</td></tr>' for k, v in fields
    )
    return f'<table class="grid">{rows}</table>'


def _agenda_html(items: list[dict[str, Any]], header: tuple[str, str, str], parts: str, url: str) -> str:
    """The agenda table: its heading row, a row across it for each part, a row for each item."""
    rows = [f"<tr>{''.join(f'<th>{html.escape(h)}</th>' for h in header)}</tr>"]
    public: bool | None = None
    for k, item in enumerate(items, 1):
        if item["public"] != public and parts != "none":
            public = item["public"]
            text = "Öffentlicher Teil" if public else "Nichtöffentlicher Teil"
            rows.append(f'<tr><td colspan="3"><b>{text}</b></td></tr>')
        paper = item["paper"]
        cell = f'<a href="{url}&amp;vorlage={k}">{html.escape(paper[0])}</a>' if paper else ""
        indent = ' style="padding-left: 18pt"' if item["sub"] else ""
        rows.append(
            f"<tr><td>{html.escape(item['label'])}</td><td{indent}>{html.escape(item['title'])}</td><td>{cell}</td></tr>"
        )
    return f'<table class="rows">{"".join(rows)}</table>'


def session_page(rng: random.Random) -> tuple[str, dt.datetime, dict[str, Any]]:
    """One session's page (HTML), the day it was printed and its golden."""
    s = gm._session(rng)
    numbering = rng.choice(NUMBERING)
    # Without a part's row, the items of the non-public part carry their marker ("N 1").
    parts = "none" if numbering == "marker" and rng.random() < 0.5 else "rows"
    items = mal._items(rng, numbering, restart=numbering == "marker" and rng.random() < 0.5)
    ends = rng.random() < 0.5
    printed = dt.datetime.combine(vt.later(rng, s["date"], -20, 60), dt.time(rng.randint(7, 19), rng.randint(0, 59)))
    host = f"ratsinfo.{s['city'].split()[-1].lower().replace('ü', 'ue')}.de"
    url = f"https://{host}{rng.choice(PATHS).format(n=rng.randint(1000, 9999))}"
    heading = rng.choice(
        [f"Sitzung - {s['number']} des {s['body']}", f"{s['body']} - {s['number']}", "Sitzungsdetails"]
    )
    site = bp.Site(
        town=s["city"],
        url=url,
        title=f"Sitzung - {s['body']}",
        face=rng.choice(bp.FACES),
        size=rng.choice((9.0, 10.0, 10.5, 11.0, 12.0)),
        menu=rng.random() < 0.8,
        trail="Sie sind hier: Startseite > Sitzungskalender > Sitzung" if rng.random() < 0.5 else None,
        site_foot=rng.random() < 0.6,
        browser_frame=rng.random() < 0.75,
        printed=printed,
        stamp_english=rng.random() < 0.3,
    )
    content = [
        f"<h1>{html.escape(heading)}</h1>",
        _fields_html(_fields(rng, s, ends), rng.randrange(2), rng.random() < 0.6),
        "<h2>Tagesordnung</h2>",
        _agenda_html(items, rng.choice(HEADERS), parts, url),
    ]
    meeting = {
        "start": s["start"],
        "end": s["end"] if ends else None,
        "location": s["location"],
        "number": s["number"],
        "date": s["date"].isoformat(),
    }
    golden: dict[str, Any] = {"kind": "meeting", "document_type": "Tagesordnung", "body": s["body"]}
    golden["meeting"] = meeting
    golden["agenda_items"] = [
        {
            "number": i["number"],
            "title": i["title"],
            "public": i["public"],
            "paper_numbers": [i["paper"][0]] if i["paper"] else [],
            "decision": None,
            "vote": None,
        }
        for i in items
    ]
    golden |= {"attendees": [], "speeches": []}
    return bp.web_page(site, "".join(content)), printed, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` printed session pages with their goldens."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        stem = f"browser-agenda-{n}"
        rng = random.Random(f"{seed}-browser-agenda-{n}")
        page, printed, golden = session_page(rng)
        golden["page_count"] = bp.print_page(page, printed, out / f"{stem}.pdf")
        how = f"--seed {seed} --browser-agendas {count}"
        golden["_notes"] = f"generated by scripts/generate_meetings.py {how}; values from its content"
        (out / f"{stem}.json").write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
