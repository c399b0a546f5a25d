"""A session's agenda changed after the Einladung went out ("Nachtrag zur Tagesordnung", "Ergänzung der
Tagesordnung", "Geänderte Tagesordnung", "Nachtragstagesordnung", "Dringlichkeitsvorlage – Erweiterung der
Tagesordnung"), for scripts/generate_meetings.py (``--agenda-supplements N``); goldens from the generator's
own content.

Per document, drawn from its own ``random.Random``, made with reportlab (Liberation Sans/Serif or DejaVu
Sans, 9.5-11 pt) or typed into a Word document that LibreOffice exports (the Word template of
``meeting_office.py``: its letterhead, faces and tables):

- the head: a letter (the issuer, "An die Mitglieder des ...", the place and day of the letter) or the
  issuer's name alone; the heading; "zur 12. Sitzung des ..." and the session as labelled rows
  (Sitzungstermin, Beginn, Sitzungsort) or in the sentence that refers to the invitation ("zu der 12.
  Sitzung des ... am Dienstag, 14.05.2025, um 18:00 Uhr im Ratssaal ... habe ich Sie mit Schreiben vom
  ... eingeladen. Die Tagesordnung wird wie folgt ergänzt:");
- the changes alone, under "Neu aufgenommen werden:", "Abgesetzt werden:" and "Geänderte Reihenfolge:"
  (or the same in one list, each entry marked), or the complete updated agenda with the changes
  marked: a new item "neu" (after its title or in a remark column), in bold, or with an asterisk and a
  footnote; a withdrawn item "abgesetzt", "entfällt", "zurückgezogen", "vertagt" after its title or in
  the remark column, or struck through (a rule drawn through its text);
- new items numbered into the old agenda ("TOP 4.1", "7a", "Ö 4.1"), a moved item "wird als TOP 3
  behandelt" or "(bisher TOP 7)", "Öffentlicher Teil" / "Nichtöffentlicher Teil", a paper's number per
  item in a column or on a line of its own under the title; as a list or a table (ruled or not).

Golden conventions (those of the meeting families, ``meeting_package.py``'s Einladung above all):
``document_type`` the document's heading ("Nachtrag zur Tagesordnung"; under "Dringlichkeitsvorlage –
Erweiterung der Tagesordnung" it is "Erweiterung der Tagesordnung": the urgent paper is what the
changed agenda brings); ``number`` null; ``date`` the letter's own day, the session's where the
document prints none; ``body`` the nominative; the session's date, start, place as printed without its
preposition, its number where named ("12. Sitzung"), no end. The agenda items are those the session
now deals with, in the printed order: an item withdrawn ("abgesetzt", "entfällt", "zurückgezogen",
"vertagt", struck through) is no item (the session does not deal with it); a new item's marker ("neu",
the asterisk) is not part of its title; a moved item carries the number it is now dealt with under
("wird als TOP 3 behandelt": "3"), its note is not part of its title. An item's number without "TOP"
and its trailing dot, with its part's marker ("Ö 3"); ``public`` from its part or marker, null where
the document names no parts; a paper number in its column or on its own line is in
``paper_numbers``, not in the title. No attendees, no speeches.

Usage: ``python scripts/generate_meetings.py OUT --variants 0 --agenda-supplements 40`` (``--seed 5``
and ``7`` for development; the default seed is held out).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_docx as fd
import generate_meetings as gm
import meeting_layouts as ml
import meeting_office as mo
import meeting_package as mp
import variant_text as vt

LEFT, RIGHT = mp.LEFT, mp.RIGHT
#: (heading as printed, document type, whether it repeats the whole agenda: None either).
TYPES = [
    ("Nachtrag zur Tagesordnung", "Nachtrag zur Tagesordnung", None),
    ("Ergänzung der Tagesordnung", "Ergänzung der Tagesordnung", None),
    ("Geänderte Tagesordnung", "Geänderte Tagesordnung", True),
    ("Nachtragstagesordnung", "Nachtragstagesordnung", None),
    ("Dringlichkeitsvorlage – Erweiterung der Tagesordnung", "Erweiterung der Tagesordnung", False),
]
WITHDRAWN = ("abgesetzt", "entfällt", "zurückgezogen", "vertagt")
URGENT = [
    "Dringlichkeitsvorlage: Überplanmäßige Ausgabe für die Beseitigung von Sturmschäden am Dach der Grundschule",
    "Vergabe der Winterdienstleistungen für die Jahre 2026 bis 2028",
    "Annahme von Spenden und Zuwendungen im zweiten Halbjahr",
    "Eilentscheidung des Bürgermeisters zur Beschaffung von Notstromaggregaten",
    "Stellungnahme der Stadt zur Anhörung über die Änderung des Regionalplans",
    "Benennung eines weiteren Mitglieds für den Aufsichtsrat der Stadtwerke",
]


@dataclass
class Item:
    """One item of the session's agenda: printed label, golden number, title, part, paper, change."""

    label: str
    number: str
    title: str
    public: bool
    paper: str | None = None
    change: str | None = None  # "new", "withdrawn", "moved"
    mark: str | None = None  # new: "neu", "bold", "star"; withdrawn: a WITHDRAWN word or "struck"
    note: str | None = None  # moved: "wird als TOP 3 behandelt", "(bisher TOP 7)"


@dataclass
class Doc:
    """What one document says, before either producer sets it."""

    heading: str
    doc_type: str
    letter: bool
    issuer: mp.Issuer
    session: mp.Session
    rows: bool
    verb: str
    full: bool
    sections: list[tuple[str | None, list[Item]]]
    table: bool
    ruled: bool
    paper_at: str
    remark_column: bool
    footnote: str | None
    golden: dict[str, Any] = field(default_factory=dict)


def _label(numbering: str, number: str, public: bool) -> tuple[str, str]:
    """(label as printed, golden number) of item ``number`` ("4", "4.1", "4a")."""
    if numbering == "marker":
        value = f"{'Ö' if public else 'N'} {number}"
        return value, value
    if numbering == "top":
        return f"TOP {number}", number
    return (f"{number}." if number.isdigit() else number), number


def _agenda(rng: random.Random, year: int, parts: bool, numbering: str) -> list[Item]:
    """The agenda of the Einladung: opening, subjects (most with a paper), a closing item, non-public ones."""
    style = rng.choice(("slash", "slash", "vo", "short"))
    titles = [rng.choice(mp.OPENING), *rng.sample(mp.SUBJECTS, rng.randrange(3, 8)), rng.choice(mp.CLOSING)]
    private = rng.sample(mp.NON_PUBLIC, rng.randrange(1, 3)) if parts else []
    items = []
    for k, title in enumerate([*titles, *private], 1):
        public = k <= len(titles)
        n = k if public or numbering != "marker" else k - len(titles)
        label, number = _label(numbering, str(n), public)
        paper = None
        if public and 1 < k < len(titles) and rng.random() < 0.75:
            paper = mp._paper_number(rng, year, style)
        items.append(Item(label, number, title, public, paper))
    return items


def _changes(rng: random.Random, items: list[Item], year: int, numbering: str, full: bool) -> list[Item]:
    """The agenda after the change: new items numbered in, withdrawn ones marked, perhaps one moved."""
    public = [k for k, item in enumerate(items) if item.public]
    subjects = public[1:-1]
    letter = rng.random() < 0.4
    new_after = sorted(rng.sample(subjects, min(len(subjects), rng.randrange(1, 3))))
    if not all(i.public for i in items) and rng.random() < 0.4:
        new_after.append(len(items) - 1)
    used = {item.title for item in items}
    titles = rng.sample([t for t in URGENT + mp.SUBJECTS[-8:] if t not in used], len(new_after))
    out: list[Item] = []
    free = [k for k in subjects if k not in new_after]
    gone = set(rng.sample(free, min(len(free), rng.randrange(0, 3))))
    new_mark = rng.choice(("neu", "bold", "star")) if full else None
    gone_mark = rng.choice((*WITHDRAWN, "struck")) if full else rng.choice(WITHDRAWN)
    for k, item in enumerate(items):
        if k in gone:
            item.change, item.mark = "withdrawn", gone_mark
        out.append(item)
        if k in new_after:
            base = item.number.split()[-1]
            sub = f"{base}a" if letter else f"{base}.1"
            label, number = _label(numbering, sub, item.public)
            paper = mp._paper_number(rng, year, "slash") if rng.random() < 0.7 or not item.public else None
            title = titles[new_after.index(k)]
            out.append(Item(label, number, title, item.public, paper, "new", new_mark))
    if not full and numbering != "marker" and rng.random() < 0.5:
        late = [k for k, item in enumerate(out) if item.public and item.change is None and k > 3 and item.paper]
        if late:
            item = out[rng.choice(late)]
            target = str(rng.randrange(2, int(item.number.split(".")[0])))
            word = "TOP " if numbering == "top" or rng.random() < 0.5 else "Punkt "
            old = item.label
            if rng.random() < 0.5:
                item.note = f"wird als {word}{target} behandelt"
            else:
                item.note = f"(bisher {word}{item.number})"
                item.label = _label(numbering, target, True)[0]
                old = item.label
            item.change, item.number = "moved", target
            item.label = old
    return out


def _sections(rng: random.Random, items: list[Item], full: bool, parts: bool) -> list[tuple[str | None, list[Item]]]:
    """The document's groups of entries: the parts of the whole agenda, or the changes by kind."""
    if full:
        if not parts:
            return [(None, items)]
        pub = [i for i in items if i.public]
        return [("Öffentlicher Teil", pub), ("Nichtöffentlicher Teil", [i for i in items if not i.public])]
    changed = [i for i in items if i.change]
    if rng.random() < 0.4:
        for item in changed:  # one list, each entry marked
            if item.change == "new" and item.mark is None:
                item.mark = "neu"
        if parts and any(not i.public for i in changed):
            return [
                ("Öffentlicher Teil", [i for i in changed if i.public]),
                ("Nichtöffentlicher Teil", [i for i in changed if not i.public]),
            ]
        return [(None, changed)]
    out: list[tuple[str | None, list[Item]]] = []
    new = [i for i in changed if i.change == "new"]
    if new:
        if parts and any(not i.public for i in new):
            out.append(("Neu aufgenommen werden im öffentlichen Teil:", [i for i in new if i.public]))
            out.append(("Neu aufgenommen werden im nichtöffentlichen Teil:", [i for i in new if not i.public]))
        else:
            out.append((rng.choice(("Neu aufgenommen werden:", "Ergänzt werden folgende Punkte:")), new))
    gone = [i for i in changed if i.change == "withdrawn"]
    if gone:
        out.append((rng.choice(("Abgesetzt werden:", "Von der Tagesordnung abgesetzt werden:")), gone))
    moved = [i for i in changed if i.change == "moved"]
    if moved:
        out.append(("Geänderte Reihenfolge:", moved))
    return [(h, entries) for h, entries in out if entries]


def draw(rng: random.Random) -> Doc:
    """One document's content and its golden."""
    heading, doc_type, full = rng.choice(TYPES)
    if full is None:
        full = rng.random() < 0.5
    issuer = mp._issuer(rng)
    year = 2025
    signed = vt.day(rng, year)
    day = vt.later(rng, signed, 3, 10)
    parts = rng.random() < 0.7
    numbering = rng.choice(("top", "top", "dot", "marker" if parts else "top"))
    s = mp.Session(
        day=day,
        start=f"{rng.choice((16, 17, 18, 18, 19)):02d}:{rng.choice(('00', '00', '30'))}",
        place=rng.choice(mp.PLACES),
        number=f"{rng.randrange(2, 45)}. Sitzung" if rng.random() < 0.6 else None,
        signed=signed,
        chair=vt.person(rng),
        last=None,
    )
    items = _changes(rng, _agenda(rng, year, parts, numbering), year, numbering, full)
    sections = _sections(rng, items, full, parts)
    stars = any(i.mark == "star" for _, entries in sections for i in entries)
    footnote = None
    if stars:
        footnote = rng.choice(("* neu aufgenommener Tagesordnungspunkt", f"* Ergänzung vom {vt.de_date(signed)}"))
    letter = rng.random() < 0.6
    verb = rng.choice(("ergänzt", "geändert", "erweitert")) if not full else "geändert"
    doc = Doc(
        heading=heading,
        doc_type=doc_type,
        letter=letter,
        issuer=issuer,
        session=s,
        rows=rng.random() < 0.5,
        verb=verb,
        full=full,
        sections=sections,
        table=rng.random() < 0.4,
        ruled=rng.random() < 0.5,
        paper_at=rng.choice(("column", "column", "line")),
        remark_column=False,
        footnote=footnote,
    )
    marks = {i.mark for _, entries in sections for i in entries}
    doc.remark_column = doc.table and rng.random() < 0.6 and not marks <= {None, "bold", "star", "struck"}
    kept = [i for _, entries in sections for i in entries if i.change != "withdrawn"]
    # An item's part is named by its marker, a part heading or a heading of new items "im ... Teil";
    # a list of changes under "Neu aufgenommen werden:" alone names none.
    named = {
        id(i)
        for heading, entries in sections
        for i in entries
        if numbering == "marker" or (parts and (full or (heading is not None and "Teil" in heading)))
    }
    meeting = {"date": day.isoformat(), "start": s.start, "end": None, "location": s.place[1], "number": s.number}
    golden: dict[str, Any] = {"kind": "meeting", "document_type": doc_type, "number": None}
    golden |= {"date": (signed if letter else day).isoformat(), "body": issuer.body, "meeting": meeting}
    golden["agenda_items"] = [
        {
            "number": i.number,
            "title": i.title,
            "public": i.public if id(i) in named else None,
            "paper_numbers": [i.paper] if i.paper else [],
            "decision": None,
            "vote": None,
        }
        for i in kept
    ]
    golden |= {"attendees": [], "speeches": []}
    doc.golden = golden
    return doc


def _session_sentence(doc: Doc) -> str:
    s, issuer = doc.session, doc.issuer
    numbered = f"{s.number.split('.')[0]}. " if s.number else ""
    day = f"{gm.WEEKDAYS[s.day.weekday()]}, {vt.de_date(s.day)}"
    return (
        f"zu der {numbered}Sitzung {issuer.genitive} am {day}, um {s.start} Uhr {s.place[0]} {s.place[1]}, "
        f"habe ich Sie mit Schreiben vom {vt.de_date(s.signed - dt.timedelta(days=7))} eingeladen. "
        f"Die Tagesordnung wird wie folgt {doc.verb}:"
    )


def _rows(doc: Doc) -> list[tuple[str, str]]:
    s = doc.session
    return [
        ("Sitzungstermin:", f"{gm.WEEKDAYS[s.day.weekday()]}, {vt.de_date(s.day)}"),
        ("Beginn:", f"{s.start} Uhr"),
        ("Sitzungsort:", s.place[1]),
    ]


def _suffix(item: Item, doc: Doc) -> str:
    """What follows a title in the text: a withdrawn item's word, "(neu)", the asterisk, a move's note."""
    if doc.remark_column:
        return ""
    if item.change == "withdrawn" and item.mark in WITHDRAWN:
        return f" – {item.mark} –"
    if item.mark == "neu":
        return " (neu)"
    if item.mark == "star":
        return " *"
    if item.note:
        return f" – {item.note}" if item.note.startswith("wird") else f" {item.note}"
    return ""


def _remark(item: Item) -> str:
    if item.change == "withdrawn" and item.mark in WITHDRAWN:
        return item.mark
    if item.mark == "neu":
        return "neu"
    return item.note or ""


def _intro(doc: Doc) -> list[str]:
    """The paragraphs between the head and the entries."""
    if doc.rows:
        return [
            "Sehr geehrte Damen und Herren,",
            f"die Tagesordnung der oben genannten Sitzung wird wie folgt {doc.verb}:"
            if not doc.full
            else "nachstehend erhalten Sie die geänderte Tagesordnung der oben genannten Sitzung:",
        ]
    return ["Sehr geehrte Damen und Herren,", _session_sentence(doc)]


def render_reportlab(doc: Doc, rng: random.Random, out: Path, fonts: tuple[str, str]) -> int:
    """Set ``doc`` with reportlab; its page count."""
    size = rng.choice((9.5, 10.0, 10.5, 11.0))
    f = mp.Flow(size)
    f.start_paper(None)
    s, issuer = doc.session, doc.issuer
    numbered = f"{s.number.split('.')[0]}. " if s.number else ""
    if doc.letter:
        mp._letterhead(f, issuer, rng)
        f.put(LEFT, f"An die Mitglieder {issuer.genitive}")
        f.gap(6)
        signed = f"{issuer.place}, {vt.de_date(s.signed)}"
        f.put(RIGHT - ml._width(signed, size), signed)
        f.gap(12)
    else:
        f.put(LEFT, issuer.name, size + 1)
        f.gap(14)
    f.text(LEFT, doc.heading, size=size + 4, bold=True)
    f.put(LEFT, f"zur {numbered}Sitzung {issuer.genitive}", size + 1, bold=True)
    f.gap(8)
    if doc.rows:
        for label, value in _rows(doc):
            f.put(LEFT, label, advance=False)
            f.put(LEFT + 95, value)
        f.gap(8)
    for k, text in enumerate(_intro(doc)):
        f.text(LEFT, text)
        f.gap(4 if k == 0 else 8)
    _entries_rl(f, doc, size)
    if doc.footnote:
        f.gap(6)
        f.put(LEFT, doc.footnote, size - 1.5)
    f.gap(14)
    if doc.letter:
        f.put(LEFT, "Mit freundlichen Grüßen")
        f.gap(10)
    f.put(LEFT, f"gez. {s.chair}")
    f.put(LEFT, issuer.chair)
    f.close_paper()
    package = mp.Package(f.pages, [], rng.random() < 0.6, doc.golden, "")
    mp.render(package, out, doc.heading, fonts)
    return len(f.pages)


def _entries_rl(f: mp.Flow, doc: Doc, size: float) -> None:
    """The entries as a list or a table (header row, perhaps rules), marks as the document sets them."""
    hang = 50.0 if any(i.label.startswith("TOP") for _, e in doc.sections for i in e) else 34.0
    paper_x = RIGHT - (150 if doc.remark_column else 75)
    right = paper_x - 10 if doc.paper_at == "column" else (RIGHT - 80 if doc.remark_column else RIGHT)
    if doc.table:
        f.gap(4)
        f.put(LEFT, "TOP", bold=True, advance=False)
        f.put(LEFT + hang, "Gegenstand", bold=True, advance=False)
        if doc.paper_at == "column":
            f.put(paper_x, "Vorlage", bold=True, advance=False)
        if doc.remark_column:
            f.put(RIGHT - 65, "Bemerkung", bold=True, advance=False)
        f.put(LEFT, "")
        f.rule(LEFT, RIGHT)
    for heading, entries in doc.sections:
        if heading:
            f.gap(6)
            f.put(LEFT, heading, bold=True)
        for item in entries:
            bold = item.mark == "bold"
            text = item.title + _suffix(item, doc)
            room = (right - LEFT - hang) * (0.9 if bold else 1.0)  # _fill measures the regular face
            lines = ml._fill(text.split(), room, room, size)
            f.need(len(lines) * size * 1.4 + 18)
            f.gap(3)
            top = f.y
            f.put(LEFT, item.label, bold=bold, advance=False)
            if item.paper and doc.paper_at == "column":
                f.put(paper_x, item.paper, bold=bold, advance=False)
            if doc.remark_column and _remark(item):
                f.put(RIGHT - 65, _remark(item), bold=bold, advance=False)
            for line in lines:
                if item.mark == "struck":
                    # A rule drawn through the middle of the line's letters.
                    y = f.y + size * 0.68
                    width = ml._width(line, size, bold)
                    x0 = LEFT if f.y == top else LEFT + hang
                    f.pages[-1].ops.append(ml.Rule(x0 - 1, y, "", x1=LEFT + hang + width + 1))
                f.put(LEFT + hang, line, bold=bold)
            if item.paper and doc.paper_at == "line":
                f.put(LEFT + hang, f"Vorlage: {item.paper}", bold=bold)
            if doc.table and doc.ruled:
                f.gap(2)
                f.rule(LEFT, RIGHT)


def render_docx(doc: Doc, rng: random.Random, path: Path) -> None:
    """Type ``doc`` into the Word template of meeting_office.py (its letterhead, faces, tables)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    style = mo._style(rng, "tagesordnung")
    style.extra["foot_centre"] = rng.random() < 0.5
    s, issuer = doc.session, doc.issuer
    office = rng.choice((None, "Der Bürgermeister", "Hauptamt"))
    street = f"{vt.pick(rng, ('Markt', 'Hauptstraße', 'Rathausplatz'))} {rng.randint(1, 20)}"
    pub = mo.Publisher(
        issuer.name,
        office,
        street,
        f"{rng.randint(10, 99)}{rng.randint(100, 999)} {issuer.place}",
        issuer.body,
        issuer.genitive,
        issuer.chair,
    )
    d = mo.Doc(style, pub, doc.heading)
    mo._letterhead(d)
    size = style.size
    numbered = f"{s.number.split('.')[0]}. " if s.number else ""
    if doc.letter:
        d.par(f"An die Mitglieder {issuer.genitive}", after=size)
        line = d.par(f"{issuer.place}, {vt.de_date(s.signed)}", after=size)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.par(doc.heading, bold=True, size=size + 4, after=4)
    d.par(f"zur {numbered}Sitzung {issuer.genitive}", bold=True, size=size + 1, after=8)
    if doc.rows:
        for label, value in _rows(doc):
            d.tabbed(label, value, 4.0)
        d.par(after=4)
    for text in _intro(doc):
        d.par(text, after=6)
    if doc.table:
        _table_docx(d, doc)
    else:
        hang = 1.6 if any(i.label.startswith("TOP") for _, e in doc.sections for i in e) else 1.1
        for heading, entries in doc.sections:
            if heading:
                d.heading(heading, before=8)
            for item in entries:
                par = d.par(after=3)
                fmt = par.paragraph_format
                fmt.left_indent, fmt.first_line_indent = Cm(hang), Cm(-hang)
                fmt.tab_stops.add_tab_stop(Cm(hang))
                text = f"{item.label}\t{item.title}{_suffix(item, doc)}"
                if item.paper and doc.paper_at == "column":
                    fmt.tab_stops.add_tab_stop(Cm(mo.WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
                    text += f"\t{item.paper}"
                run = d.run(par, text, bold=item.mark == "bold")
                run.font.strike = item.mark == "struck" or None
                if item.paper and doc.paper_at == "line":
                    line = d.par(f"Vorlage: {item.paper}", after=3)
                    line.paragraph_format.left_indent = Cm(hang)
    if doc.footnote:
        d.par(doc.footnote, size=size - 1.5, after=4)
    d.par(after=14)
    if doc.letter:
        d.par("Mit freundlichen Grüßen", after=18)
    d.par(f"gez. {s.chair}")
    d.par(issuer.chair)
    d.doc.save(str(path))


def _table_docx(d: mo.Doc, doc: Doc) -> None:
    columns = ["TOP", "Gegenstand"]
    if doc.paper_at == "column":
        columns.append("Vorlage")
    if doc.remark_column:
        columns.append("Bemerkung")
    extra = [3.0] * (doc.paper_at == "column") + [3.6] * doc.remark_column  # "zurückgezogen" fits
    widths = [2.0, mo.WIDTH - 2.0 - sum(extra), *extra]
    rows: list[Item | str] = []
    for heading, entries in doc.sections:
        if heading:
            rows.append(heading)
        rows.extend(entries)
    table = d.table(len(rows) + 1, widths, ruled=doc.ruled)
    for c, name in zip(table.rows[0].cells, columns, strict=True):
        d.cell(c, name, bold=True)
    for row, value in zip(table.rows[1:], rows, strict=True):
        if isinstance(value, str):
            merged = row.cells[0].merge(row.cells[-1])
            d.cell(merged, value, bold=True)
            continue
        bold = value.mark == "bold"
        cells = [value.label, value.title + _suffix(value, doc)]
        if doc.paper_at == "column":
            cells.append(value.paper or "")
        if doc.remark_column:
            cells.append(_remark(value))
        for k, (c, text) in enumerate(zip(row.cells, cells, strict=True)):
            run = d.run(c.paragraphs[0], text, bold=bold) if text else None
            if run is not None and k < 2 and value.mark == "struck":
                run.font.strike = True
        if value.paper and doc.paper_at == "line":
            d.run(row.cells[1].add_paragraph(), f"Vorlage: {value.paper}")
    d.par(after=6)


def _describe(doc: Doc, producer: str, face: str) -> str:
    marks = sorted({i.mark for _, e in doc.sections for i in e if i.mark})
    layout = ("ruled table" if doc.ruled else "table") if doc.table else "list"
    return (
        f"{producer}, {face}, {'full agenda' if doc.full else 'changes'}, {layout}, papers {doc.paper_at}"
        f"{', remark column' if doc.remark_column else ''}, marks {marks}"
    )


def build(out: Path, seed: int, indexes: Sequence[int], count: int) -> dict[int, dict[str, Any]]:
    """Write documents ``indexes`` of ``count`` (each of its own seed) with their goldens; returns them."""
    import template_flow

    out.mkdir(parents=True, exist_ok=True)
    goldens: dict[int, dict[str, Any]] = {}
    notes: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        work = Path(tmp_name)
        jobs = []
        for n in indexes:
            rng = random.Random(f"{seed}-agenda-supplement-{n}")
            doc = draw(rng)
            pdf = out / f"agenda-supplement-{n}.pdf"
            if rng.random() < 0.6:
                fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
                render_reportlab(doc, rng, pdf, fonts)
                notes[n] = _describe(doc, "reportlab", Path(fonts[0]).stem)
            else:
                docx = work / f"agenda-supplement-{n}.docx"
                render_docx(doc, rng, docx)
                jobs.append((docx, pdf))
                notes[n] = _describe(doc, "docx", "Word template")
            goldens[n] = doc.golden
        if jobs:
            fd.convert_all(jobs, work)
    for n in indexes:
        golden = goldens[n]
        pdf = out / f"agenda-supplement-{n}.pdf"
        golden["page_count"] = template_flow.page_count(pdf)
        flags = f"--seed {seed} --agenda-supplements {count} ({notes[n]})"
        golden["_notes"] = f"generated by scripts/generate_meetings.py {flags}; values from its content"
        text = json.dumps(golden, ensure_ascii=False, indent=1) + "\n"
        (out / f"agenda-supplement-{n}.json").write_text(text, encoding="utf-8")
    return goldens


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` agenda supplements, each with its golden."""
    build(out, seed, range(1, count + 1), count)
