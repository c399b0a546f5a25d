"""Agenda items of verbatim and Swiss minutes for scripts/generate_meetings.py (``--toc-styles N``);
goldens from the generator's own content.

- ``toc-wortprotokoll``: verbatim minutes of a city council that open with a table of contents of the
  agenda ("Tagesordnung", "Inhalt", "Inhaltsverzeichnis") set in one column with dot leaders and page
  numbers or in two columns (page number at the column's right edge, leaders or not); items "1",
  "1.1", letter items "A"; titles over two or three lines with line-end hyphens ("Dringlichkeitsent-"
  / "scheidungen"), „...“ quotes across lines, a year span in the title ("Haushaltsjahre
  2023/2024"), the paper number ("2269/2022", "AN/1718/2021") at the end of the title or on a
  line of its own. Then the debate in two columns under bold headings, in the order of the list.
  In the golden the titles are whole (hyphenation undone, leaders and page numbers left out), the
  paper number only in ``paper_numbers``; decision and vote are null (a verbatim record prints no
  result block).
- ``protokoll-ch``: a Swiss Protokoll whose Traktandenliste wraps a title right before a date ("...
  vom" / "26. Oktober 2022 "Titel""), items without a result (an Interpellation with only a
  "Diskussion"), items with several results ("Forderung 1 wird mit 107:2 Stimmen ... erklärt.",
  one a line: in the golden one sentence a line joined by "\\n" and ``vote`` null) and results
  after a debate over pages.

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_heads as mh
import meeting_layouts as ml

TOWNS = ["Köln", "Bonn", "Jena", "Gotha", "Lüdenscheid", "Erfurt"]
PARTIES = ["SPD", "CDU", "GRÜNE", "FDP", "DIE LINKE", "Volt", "AfD"]
MOTIONS = [
    "Schnellstmögliche Aufnahme von Menschen aus Afghanistan und Unterstützung der Hilfsorganisationen",
    "Planungssicherheit für die Händlerinnen und Händler am Großmarkt schaffen",
    "Verkehrsberuhigung in den Wohnquartieren der Innenstadt",
    "Klimaneutralität der städtischen Beteiligungsgesellschaften bis 2035",
]
#: Titles with a place for a year ({y}, {z} = y + 1): the year span is part of the title.
YEARLY = [
    "Einbringung des Entwurfs der Haushaltssatzung für die Haushaltsjahre {y}/{z}",
    "Einbringung des Entwurfs der Haushaltssatzung für die Haushaltsjahre {y}/{z} und des Haushaltsplans",
    "Wirtschaftsplan der Bühnen der Stadt für das Wirtschaftsjahr {y}/{z}",
    "Feststellung des Jahresabschlusses {y} der Stadtentwässerungsbetriebe",
]
PLAIN = [
    "Dringlichkeitsentscheidungen des Hauptausschusses gemäß Gemeindeordnung",
    "Ordnungsbehördliche Verordnung über das Offenhalten von Verkaufsstellen an Sonntagen",
    "Bebauungsplanentwurf Wohngebiet Am Mühlenteich, Offenlagebeschluss",
    "Mitteilungen der Oberbürgermeisterin",
    "Entsendung in den Aufsichtsrat der Kliniken gGmbH",
    "Satzungsänderung der Stadtentwässerungsbetriebe",
]
LETTER_ITEMS = ["Aktuelle Stunde", "Anträge zur Tagesordnung", "Einwohnerfragestunde"]
TOC_HEADINGS = ["Tagesordnung", "Inhalt", "Inhaltsverzeichnis"]
SIZE = 10.0
VOWELS = "aeiouäöüy"


def _paper(rng: random.Random, year: int, motion: bool) -> str:
    """A paper number; its first part is never the year before ``year`` (a year span)."""
    first = rng.randrange(100, 4000)
    while first in (year - 1, year + 1, year):
        first = rng.randrange(100, 4000)
    return f"AN/{first:04d}/{year}" if motion else f"{first}/{year}"


def _hyphenate(lines: list[str], width: float, size: float, bold: bool = False) -> list[str]:
    """Lines where a long word opening the next line is split with a hyphen ('Dringlichkeitsent-' /
    'scheidungen'), as word processors do; only words in lower case after the split."""
    out = list(lines)
    for k in range(len(out) - 1):
        words = out[k + 1].split(" ")
        word = words[0]
        if len(word) < 12 or not word.isalpha():
            continue
        for cut in range(len(word) - 4, 3, -1):
            # Between the two consonants of vowel-consonant-consonant-vowel ('Haushaltssat-' / 'zung',
            # 'Wohnquar-' / 'tieren'), never inside 'ck' or 'ch'.
            pair = word[cut - 1 : cut + 1]
            syllable = (
                cut + 1 < len(word)
                and word[cut - 2] in VOWELS
                and word[cut + 1] in VOWELS
                and not set(pair) & set(VOWELS)
                and pair not in ("ck", "ch")
            )
            if syllable and word[cut].islower() and ml._width(f"{out[k]} {word[:cut]}-", size, bold) <= width:
                out[k] = f"{out[k]} {word[:cut]}-"
                out[k + 1] = " ".join([word[cut:], *words[1:]])
                break
    return [line for line in out if line]


def _toc_items(rng: random.Random, year: int) -> list[dict[str, Any]]:
    """Items in printed order: 1, maybe A, then numbered items with sub-items."""
    items: list[dict[str, Any]] = [{"number": "1", "title": "Eröffnung und Begrüßung", "paper": None}]
    if rng.random() < 0.6:
        items.append({"number": "A", "title": rng.choice(LETTER_ITEMS), "paper": None})
    titles = [t.format(y=year, z=year + 1) for t in rng.sample(YEARLY, 2)] + rng.sample(PLAIN, 3)
    rng.shuffle(titles)
    k = 2
    for title in titles[:3]:
        items.append({"number": str(k), "title": title, "paper": _paper(rng, year, False) if k > 2 else None})
        k += 1
    # One item with motions as sub-items ('4.1 Antrag der Fraktion ... betreffend „...“').
    items.append({"number": str(k), "title": "Anträge des Rates", "paper": None})
    for j, motion in enumerate(rng.sample(MOTIONS, rng.randrange(2, 4)), 1):
        title = f"Antrag der Fraktion {rng.choice(PARTIES)} betreffend „{motion}“"
        items.append({"number": f"{k}.{j}", "title": title, "paper": _paper(rng, year, True)})
    k += 1
    for title in titles[3:]:
        items.append({"number": str(k), "title": title, "paper": _paper(rng, year, False)})
        k += 1
    return items


def _entry_lines(item: dict[str, Any], style: dict[str, Any], width: float) -> list[str]:
    """The printed lines of one entry's title (and paper number): wrapped, maybe hyphenated."""
    text = item["title"]
    if item["paper"] and style["paper"] == "end":
        text += f" {item['paper']}"
    lines = ml._fill(text.split(), width, width, SIZE)
    if style["hyphenate"]:
        lines = _hyphenate(lines, width, SIZE)
    if item["paper"] and style["paper"] == "line":
        lines.append(item["paper"])
    return lines


def _toc(p: gm.Pages, items: list[dict[str, Any]], style: dict[str, Any], rng: random.Random) -> None:
    """The table of contents: one column with leaders, or two columns."""
    p.put(50, style["heading"], 12, bold=True)
    p.gap(6)
    page = 2
    if style["columns"] == 1:
        spots = [(50.0, 85.0, 545.0, 380.0)]
    else:
        spots = [(50.0, 78.0, 285.0, 170.0), (310.0, 338.0, 545.0, 170.0)]
    top, column = p.y, 0
    entries = [(item, _entry_lines(item, style, spots[0][3])) for item in items]
    half = (sum(len(lines) for _, lines in entries) + 1) // 2 if style["columns"] == 2 else 10**6
    done = 0
    for item, lines in entries:
        if done >= half and column == 0:
            column, p.y = 1, top
        x_number, x_title, right, _ = spots[column]
        bold = style["bold_top"] and "." not in item["number"]
        p.put(x_number, item["number"], SIZE, bold=bold, advance=False)
        for k, line in enumerate(lines):
            last = k == len(lines) - 1
            p.put(x_title, line, SIZE, bold=bold, advance=not last)
            if last:
                end = x_title + ml._width(line, SIZE, bold)
                number = str(page)
                x_page = right - ml._width(number, SIZE)
                if style["leaders"]:
                    dots = "." * max(int((x_page - end - 10) / ml._width(".", SIZE)), 3)
                    p.put(end + 4, dots, SIZE, advance=False)
                p.put(x_page, number, SIZE)
        done += len(lines)
        p.gap(style["spacing"])
        page += rng.randrange(0, 3)


def toc_wortprotokoll(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Verbatim minutes that open with a table of contents (see the module docstring)."""
    day = gm._date(rng)
    town = rng.choice(TOWNS)
    body = f"Rat der Stadt {town}"
    number = f"{rng.randrange(2, 60)}. Sitzung"
    start, end = mh._times(rng)
    style = {
        "heading": rng.choice(TOC_HEADINGS),
        "columns": rng.choice([1, 2]),
        "leaders": rng.random() < 0.7,
        "paper": rng.choice(["end", "line"]),
        "hyphenate": rng.random() < 0.7,
        "bold_top": rng.random() < 0.5,
        "spacing": rng.choice([0.0, 3.0]),
    }
    style["leaders"] = style["leaders"] or style["columns"] == 1
    # Where the full name stands (no draw of its own, so the other styles stay as they were): over
    # the title alone; over it with the session line naming the body by its noun ('der 18. Sitzung
    # des Rates vom ...'); or only in the page foot under such a session line.
    naming = ("heading", "heading+noun", "foot+noun")[int(number.split(".")[0]) % 3]
    p = gm.Pages()
    if naming != "foot+noun":
        p.put(50, body, 12, bold=True)
        p.gap(10)
    p.put(50, "Wortprotokoll", 16, bold=True)
    of_body = " des Rates" if naming.endswith("+noun") else ""
    p.put(50, f"der {number}{of_body} vom {mh._long(day, weekday=True)}", 11)
    p.gap(6)
    p.put(50, f"Beginn: {start} Uhr", advance=False)
    p.put(250, f"Ende: {end} Uhr")
    p.gap(16)
    items = _toc_items(rng, day.year)
    _toc(p, items, style, rng)
    col = ml.Columns(f"{number} vom {ml._long_date(day)}", 9.5)
    chair = gm._person(rng)
    speeches: list[dict[str, Any]] = []

    def turn(speaker: str, role: str, label: str, text: str) -> None:
        if speeches:
            col.gap()  # not over the first column: both columns start at one height
        col.paragraph(text, first_bold=label)
        speeches.append({"speaker": speaker, "role": role, "text": text})

    turn(chair, "Oberbürgermeisterin", f"Oberbürgermeisterin {chair}:", "Ich eröffne die Sitzung. " + ml._sentence(rng))
    for item in items:
        col.gap()
        wrapped = ml._fill(item["title"].split(), 205.0, 205.0, col.size)
        col.need(len(wrapped) + 3)
        col.put(item["number"], bold=True)
        col.y -= col.step
        for line in wrapped:
            col.put(line, bold=True, indent=26)
        if item["paper"]:
            col.put(item["paper"], bold=True, indent=26)
        for _ in range(rng.randrange(1, 3)):
            name, party = gm._person(rng), rng.choice(PARTIES)
            turn(name, party, f"{name} ({party}):", ml._sentence(rng, 15, 45))
        closing = "Gibt es Gegenstimmen? - Keine. Enthaltungen? - Keine. Dann ist das so beschlossen."
        turn(chair, "Oberbürgermeisterin", f"Oberbürgermeisterin {chair}:", closing)
    speeches[-1]["text"] += " Damit bin ich am Ende des öffentlichen Teils."
    col.paragraph("Damit bin ich am Ende des öffentlichen Teils.")
    golden_items = [
        {
            "number": item["number"],
            "title": item["title"],
            "public": True,  # before 'Ende des öffentlichen Teils'
            "paper_numbers": [item["paper"]] if item["paper"] else [],
            "decision": None,
            "vote": None,
        }
        for item in items
    ]
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": None, "number": number}
    golden = {"kind": "meeting", "document_type": "Wortprotokoll", "body": body}
    golden |= {"meeting": meeting, "agenda_items": golden_items, "attendees": [], "speeches": speeches}
    golden["_style"] = style | {"body_named": naming}
    pages = p.pages + col.pages
    if naming == "foot+noun":
        for ops in pages:
            ops.append(gm.Op(50, gm.A4[1] - 62, body, 8))
    return pages, golden


def _ch_items(rng: random.Random, day: Any) -> list[dict[str, Any]]:
    """Swiss business: Interpellations and Motions named with their date, laws, reports."""
    items: list[dict[str, Any]] = []
    kinds = ["interpellation", "motion", "motion", "gesetz", "bericht"]
    rng.shuffle(kinds)
    for k, kind in enumerate(kinds[: rng.randrange(3, 6)], 1):
        names = ", ".join(gm._person(rng) for _ in range(rng.randrange(1, 3)))
        earlier = day - gm.dt.timedelta(days=rng.randrange(60, 400))
        subject = rng.choice(MOTIONS + ml.MOTIONS)
        code = {"interpellation": "IN", "motion": "MO"}.get(kind, "GE")
        paper = f"20/{code} {rng.randrange(5, 99)}/{rng.randrange(300, 600)}"
        if kind in ("interpellation", "motion"):
            head = f"{kind.capitalize()} von {names} vom"
            rest = f'{mh._long(earlier)} "{subject}"'
        else:
            head = rng.choice(["Gesetz über die Änderung des Gesetzes", "Bericht der Kommission"])
            rest = rng.choice(["über die Volksschule", "über das Jahr " + str(day.year - 1)])
        items.append({"number": str(k), "kind": kind, "head": head, "rest": rest, "paper": paper})
    return items


def _title_lines(item: dict[str, Any]) -> list[str]:
    """The title as printed: the first part ends in 'vom', the date opens the next line."""
    glued = item["paper"].replace(" ", "\u00a0")  # a business number is not broken
    lines = [item["head"], *textwrap.wrap(f"{item['rest']} ({glued})", 70, break_on_hyphens=False)]
    return [line.replace("\u00a0", " ") for line in lines]


def _results(rng: random.Random, item: dict[str, Any]) -> tuple[list[str], dict[str, Any] | None]:
    """The result lines of an item and its vote (None where there are several or none)."""
    if item["kind"] == "interpellation":
        return [], None
    if item["kind"] == "motion" and rng.random() < 0.7:
        lines = []
        for n in range(1, rng.randrange(3, 6)):
            yes, no = rng.randrange(50, 115), rng.randrange(0, 50)
            extra = f" bei {rng.randrange(1, 5)} Enthaltungen" if rng.random() < 0.4 else ""
            verb = rng.choice(["erheblich erklärt.", "nicht erheblich erklärt."])
            lines.append(f"Forderung {n} wird mit {yes}:{no} Stimmen{extra} {verb}")
        return lines, None
    yes, no = rng.randrange(50, 115), rng.randrange(1, 50)
    subject = "Die Motion" if item["kind"] == "motion" else "Das Geschäft"
    verb = "erheblich erklärt" if item["kind"] == "motion" else "genehmigt"
    line = f"{subject} wird mit {yes}:{no} Stimmen {verb}."
    return [line], {"yes": yes, "no": no, "abstain": None, "unanimous": False}


def protokoll_ch(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Swiss Protokoll with dates at wrapped line starts and several results (see the module docstring)."""
    day = gm._date(rng)
    number = f"Nr. {rng.randrange(5, 90)}"
    start, end = "09:30", rng.choice(["12:10", "12:40"])
    chair, clerk, place = gm._person(rng), gm._person(rng), rng.choice(ml.PLACES_CH)
    body = rng.choice(["Grosser Rat", "Kantonsrat"])
    p = gm.Pages()
    p.put(50, body, 13, bold=True)
    p.gap(16)
    p.put(50, f"Protokoll {number} vom {ml._long_date(day)}", 14, bold=True)
    p.gap(10)
    for label, value in (
        ("Vorsitz", f"{chair}, Präsident"),
        ("Protokoll", f"{clerk}, Parlamentsdienste"),
        ("Ort", place),
        ("Zeit", f"{start.replace(':', '.')} Uhr bis {end.replace(':', '.')} Uhr"),
    ):
        p.put(50, label, advance=False)
        p.put(160, value)
    p.gap(14)
    p.put(50, "Traktandenliste", 12, bold=True)
    p.gap(8)
    items = _ch_items(rng, day)
    for item in items:
        lines = _title_lines(item)
        p.need(len(lines) * 14 + 30)
        p.put(50, f"{item['number']}.", advance=False)
        for line in lines:
            p.put(70, line)
        procedure = "Beantwortung, Diskussion" if item["kind"] == "interpellation" else "Eintreten, Beschlussfassung"
        p.put(70, procedure, advance=False)
        p.put(480, f"Seite {rng.randrange(3, 40)}")
        p.gap(8)
    gap = rng.choice([0.0, 6.0])
    goldens = []
    for item in items:
        p.gap(14)
        lines = _title_lines(item)
        p.need(len(lines) * 14 + 60)
        p.put(50, f"{item['number']}.", bold=True, advance=False)
        for line in lines:
            p.put(70, line, bold=True)
        p.gap(8)
        if item["kind"] == "interpellation" or rng.random() < 0.5:
            p.put(50, "Diskussion", bold=True)
            p.gap(4)
        for _ in range(rng.randrange(2, 7)):
            name, party = gm._person(rng), rng.choice(["SVP", "FDP", "SP", "GLP", "EDU"])
            for line in textwrap.wrap(f"{name} ({party}): {ml._sentence(rng, 30, 90)}", 90, break_on_hyphens=False):
                p.put(50, line)
            p.gap(6)
        results, vote = _results(rng, item)
        if results:
            p.put(50, "Beschlussfassung", bold=True)
            p.gap(6)
            for line in results:
                p.put(50, line)
                p.gap(gap)
        goldens.append(
            {
                "number": item["number"],
                "title": f"{item['head']} {item['rest']}",
                "public": None,
                "paper_numbers": [item["paper"]],
                "decision": "\n".join(results) or None,
                "vote": vote,
            }
        )
    p.gap(12)
    p.put(50, f"Ende der Sitzung: {end.replace(':', '.')} Uhr")
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": number}
    golden = {"kind": "meeting", "document_type": "Protokoll", "body": body, "meeting": meeting}
    golden |= {"agenda_items": goldens, "speeches": []}
    return p.pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 2`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(
        out, seed, count, (("toc-wortprotokoll", toc_wortprotokoll), ("protokoll-ch", protokoll_ch)), "--toc-styles"
    )
