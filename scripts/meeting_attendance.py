"""Niederschriften whose attendance is structured, for scripts/generate_meetings.py
(``--attendance-tables N``); goldens from the generator's own content.

The head, the items, decisions and votes are those of a decision list's running form
(``meeting_beschluesse.py``: the town, "Niederschrift" / "Protokoll" / "Sitzungsniederschrift", the
session line with the body in the genitive, its rows), with the chair and the clerk as head rows
("Vorsitz:", "Schriftführung:"). The attendance is set in one of four ways:

- ``anwesenheit-tabelle``: a ruled table "Name | Fraktion | anwesend | entschuldigt | Bemerkung"
  (grid, rows only or no rules) with a cross ("x", "X", "✓" where the face has it) in one of the two
  columns and remarks ("ab 18:30 Uhr", "bis TOP 5", "ab TOP 3", "Vertretung für Frau Bauer"),
  after the head (the items start on a new page) or at the end as "Anlage: Anwesenheitsliste" on
  a page of its own; a long table goes over a page break with its heading row again;
- ``anwesenheit-spalten``: "Anwesend:" over the members grouped by faction in two or three columns
  side by side, each faction's name in bold over its names;
- ``anwesenheit-zeilen``: "Anwesend:" over one line per faction, its names after a colon, wrapped;
- ``anwesenheit-fraktionen``: a small ruled table per faction ("Name | anwesend | entschuldigt |
  Bemerkung") under the faction's name in bold.

Under the members of the last three stand role groups as label and names ("Verwaltung:" or "von der
Verwaltung:", "Gäste:", "Sachkundige Einwohner:", "Beratende Mitglieder:") and the excused members
("Entschuldigt:" or "Es fehlten:").

Golden conventions (eval/real/README.md, ``meeting_office.py``, ``meeting_protokoll_bw.py``): the
attendees are the entries of the attendance list in reading order (a table row by row, columns side by
side column by column); a member's ``faction`` is the faction as printed (its cell or its heading), with
``role`` None; an entry of a role group has the group as ``role`` ("Verwaltung" also for "von der
Verwaltung:", the group's name without its preposition) and no faction; names without "Frau"/"Herr";
the excused (a cross under "entschuldigt", "Entschuldigt:", "Es fehlten:") and the chair and clerk of
the head rows are no entries; a remark on when someone came or went says nothing of their role, and a
substitute ("Vertretung für ...") attends in the faction of their row. The meeting fields and items
follow ``meeting_beschluesse.py`` (the document's date is the session's day).

Usage: ``python scripts/generate_meetings.py OUT --seed 5 --variants 0 --attendance-tables 40``.
Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_beschluesse as mb
import meeting_layouts as ml
import variant_text as vt
from meeting_office import female

#: Faction names as a table's column prints them, and as a heading or label prints them.
SHORT = ["CDU", "SPD", "GRÜNE", "FDP", "DIE LINKE", "FWG", "AfD", "Freie Wähler"]
LONG = [
    "CDU-Fraktion",
    "SPD-Fraktion",
    "Fraktion Bündnis 90/Die Grünen",
    "FDP-Fraktion",
    "Fraktion DIE LINKE",
    "Fraktion Freie Wähler",
    "AfD-Fraktion",
]
#: Role groups under the members: (label as printed, role in the golden).
ROLES = [
    ("Verwaltung:", "Verwaltung"),
    ("von der Verwaltung:", "Verwaltung"),
    ("Gäste:", "Gäste"),
    ("Sachkundige Einwohner:", "Sachkundige Einwohner"),
    ("Beratende Mitglieder:", "Beratende Mitglieder"),
]
KINDS = ["Niederschrift", "Protokoll", "Sitzungsniederschrift"]
SIZES = [9.0, 9.5, 10.0, 10.5, 11.0, 12.0]
BOTTOM = gm.A4[1] - 80


class Doc:
    """The document being drawn: its pages, size, names handed out and whether to salute."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.p = gm.Pages()
        self.size = rng.choice(SIZES)
        self.names: set[str] = set()
        self.salute = rng.random() < 0.35

    def fresh(self) -> str:
        """A name not yet used in this document."""
        while True:
            name = vt.person(self.rng)
            if name not in self.names and len(name.split()) == 2:
                self.names.add(name)
                return name

    def shown(self, name: str) -> str:
        """``name`` as the list prints it."""
        return f"{'Frau' if female(name) else 'Herr'} {name}" if self.salute else name

    def put(self, x: float, text: str, bold: bool = False, advance: bool = True) -> None:
        self.p.put(x, text, self.size, bold=bold, advance=advance)

    def new_page(self) -> None:
        self.p.pages.append([])
        self.p.y = 70.0


def _cross(rng: random.Random) -> str:
    """The mark of a cell, "✓" only where the face has the glyph."""
    marks = ["x", "X"] + (["✓"] if "DejaVu" in ml.CURRENT_FONTS[0] else [])
    return rng.choice(marks)


def _council(d: Doc, long_names: bool, most: int = 7) -> list[tuple[str, list[str]]]:
    """Factions (as printed) and up to ``most - 1`` members each."""
    names = rng_sample(d.rng, LONG if long_names else SHORT, d.rng.randrange(2, 6))
    return [(faction, [d.fresh() for _ in range(d.rng.randrange(2, most))]) for faction in names]


def rng_sample(rng: random.Random, pool: list[str], k: int) -> list[str]:
    """``k`` of ``pool`` in the pool's order (councils list the larger factions first)."""
    chosen = set(rng.sample(pool, k))
    return [name for name in pool if name in chosen]


def _remark(d: Doc, s: dict[str, Any], excused: list[str]) -> tuple[str, str | None]:
    """A remark on a present member's row, and the excused name it stands in for."""
    roll = d.rng.random()
    if roll < 0.55:
        return "", None
    if roll < 0.75 and excused:
        other = d.rng.choice(excused)
        surname = other.split()[-1]
        named = f"{'Frau' if female(other) else 'Herrn'} {surname}" if d.salute else surname
        return f"Vertretung für {named}", other
    hour = int((s["start"] or "18:00")[:2])
    forms = [
        f"ab {hour:02d}:{d.rng.choice(['15', '30', '45'])} Uhr",
        f"bis {hour + 1:02d}:{d.rng.choice(['10', '30', '50'])} Uhr",
        f"bis TOP {d.rng.randrange(3, 7)}",
        f"ab TOP {d.rng.randrange(2, 5)}",
    ]
    return d.rng.choice(forms), None


def _table(
    d: Doc, columns: list[tuple[str, float]], rows: list[list[str]], rules: str, heading_again: bool = True
) -> None:
    """A table of ``rows`` under its heading row (bold), ruled as ``rules`` says (grid, rows, none);
    the heading row again at the top of a new page. A table's text is set no larger than 10.5 pt and
    smaller where a cell would not hold it."""
    size = min(d.size, 10.5)
    while any(ml._width(t, size) > w - 5 for cells in rows for t, (_, w) in zip(cells, columns, strict=True)) or any(
        ml._width(name, size, bold=True) > w - 5 for name, w in columns
    ):
        size -= 0.5
    step = size * 1.22
    edges = [50.0]
    for _, width in columns:
        edges.append(edges[-1] + width)

    def row(cells: list[str], bold: bool = False) -> None:
        height = step + 6
        if d.p.y + height > BOTTOM:
            d.new_page()
            if heading_again:
                row([name for name, _ in columns], bold=True)
        top = d.p.y
        for x, text in zip(edges, cells, strict=False):
            if text:
                d.p.pages[-1].append(gm.Op(x + 3, top + 3, text, size, bold))
        if rules == "grid":
            for x in edges:
                d.p.pages[-1].append(ml.Rule(x, top, "", x1=x, y1=top + height))
        if rules != "none":
            d.p.pages[-1].append(ml.Rule(50, top, "", x1=edges[-1]))
            d.p.pages[-1].append(ml.Rule(50, top + height, "", x1=edges[-1]))
        elif bold:
            d.p.pages[-1].append(ml.Rule(50, top + height, "", x1=edges[-1]))
        d.p.y = top + height

    row([name for name, _ in columns], bold=True)
    for cells in rows:
        row(cells)


def _member_rows(
    d: Doc, s: dict[str, Any], council: list[tuple[str, list[str]]], with_faction: bool
) -> tuple[list[list[str]], list[dict[str, Any]], int]:
    """Rows of members with a cross under "anwesend" or "entschuldigt" and remarks; the attendees'
    goldens and how many are present."""
    mark = _cross(d.rng)
    rows: list[list[str]] = []
    attendees: list[dict[str, Any]] = []
    present = 0
    for faction, members in council:
        excused = [name for name in members[1:] if d.rng.random() < 0.18]
        for name in members:
            if name in excused:
                cells = [d.shown(name), "", mark, ""]
            else:
                remark, _ = _remark(d, s, [e for e in excused if e != name])
                cells = [d.shown(name), mark, "", remark]
                attendees.append({"name": name, "role": None, "faction": faction})
                present += 1
            rows.append(([cells[0], faction, *cells[1:]]) if with_faction else cells)
    return rows, attendees, present


def _groups(d: Doc) -> tuple[list[tuple[str, str, list[str]]], list[str]]:
    """Role groups (label, role, names) and the excused members' names."""
    roles = [d.rng.choice(ROLES[:2]), *d.rng.sample(ROLES[2:], d.rng.randrange(0, 3))]
    groups = [(label, role, [d.fresh() for _ in range(d.rng.randrange(1, 4))]) for label, role in roles]
    excused = [d.fresh() for _ in range(d.rng.randrange(0, 3))]
    return groups, excused


def _labelled(d: Doc, label: str, names: list[str], value_x: float) -> None:
    """``label`` with its names after it, comma-separated, wrapped in the value's column."""
    text = ", ".join(d.shown(name) for name in names)
    lines = ml._fill(text.split(), 545 - value_x, 545 - value_x, d.size)
    d.p.need(len(lines) * d.size * 1.35 + 4)
    d.put(50, label, advance=False)
    for line in lines:
        d.put(value_x, line)


def _groups_below(d: Doc, value_x: float) -> list[dict[str, Any]]:
    """Role groups and the excused under the members; the role groups' attendees."""
    groups, excused = _groups(d)
    attendees: list[dict[str, Any]] = []
    absent = d.rng.choice(["Entschuldigt:", "Es fehlten:", "Es fehlten entschuldigt:"])
    value_x = max(value_x, 62 + max(ml._width(text, d.size) for text in [absent, *(g[0] for g in groups)]))
    d.p.gap(6)
    for label, role, names in groups:
        _labelled(d, label, names, value_x)
        attendees += [{"name": name, "role": role, "faction": None} for name in names]
    if excused:
        d.p.gap(4)
        _labelled(d, absent, excused, value_x)
    return attendees


def _side_by_side(d: Doc, council: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    """The factions in two or three columns side by side, heading in bold over names."""
    count = 3 if len(council) >= 3 and d.rng.random() < 0.6 else 2
    widest = max(ml._width(text, d.size, bold=True) for faction, members in council for text in [faction, *members])
    if widest + (ml._width("Herr ", d.size) if d.salute else 0) > 160:
        count = 2  # a name would run into the next column
    xs = [50.0, 230.0, 400.0] if count == 3 else [50.0, 300.0]
    per = -(-len(council) // count)
    stacks = [council[k * per : (k + 1) * per] for k in range(count)]
    step = d.size * 1.35
    height = max(sum(len(m) + 2 for _, m in stack) for stack in stacks) * step
    d.p.need(height + 20)
    top = d.p.y
    attendees: list[dict[str, Any]] = []
    bottom = top
    for x, stack in zip(xs, stacks, strict=True):
        y = top
        for faction, members in stack:
            d.p.pages[-1].append(gm.Op(x, y, faction, d.size, True))
            y += step
            for name in members:
                d.p.pages[-1].append(gm.Op(x, y, d.shown(name), d.size))
                attendees.append({"name": name, "role": None, "faction": faction})
                y += step
            y += step * 0.6
        bottom = max(bottom, y)
    d.p.y = bottom
    return attendees


def _per_line(d: Doc, council: list[tuple[str, list[str]]], value_x: float) -> list[dict[str, Any]]:
    """One faction per line, its names after a colon."""
    attendees: list[dict[str, Any]] = []
    value_x = max(value_x, 62 + max(ml._width(f"{faction}:", d.size) for faction, _ in council))
    for faction, members in council:
        _labelled(d, f"{faction}:", members, value_x)
        attendees += [{"name": name, "role": None, "faction": faction} for name in members]
    return attendees


def _items(d: Doc, s: dict[str, Any], members: int, parts: bool) -> list[dict[str, Any]]:
    """The items with their text, decision and vote, as a decision list's running form sets them."""
    rng, p, size = d.rng, d.p, d.size
    items = mb._items(
        rng, s["day"], s["body"][0], parts, rng.choice(["plain", "plain", "marked"]) if parts else "plain"
    )
    forms = rng.choice([["colon", "einstimmig"], ["labels", "einstimmig", "mehrheitlich"], ["words", "colon"]])
    label = rng.choice(["Abstimmungsergebnis:", "Abstimmung:"])
    top_word = rng.random() < 0.6
    current = None
    for item in items:
        if parts and item["public"] is not current:
            current = item["public"]
            p.need(80)
            p.gap(8)
            p.put(50, "Öffentlicher Teil" if current else "Nichtöffentlicher Teil", size + 1, bold=True)
        title = _bold_lines(item["title"], 430, size + 1)
        p.need(len(title) * (size + 1) * 1.35 + 80)
        p.gap(10)
        p.put(50, f"TOP {item['number']}" if top_word else f"{item['number']}.", size + 1, bold=True, advance=False)
        for line in title:
            p.put(105, line, size + 1, bold=True)
        if item["paper"]:
            p.put(105, f"Vorlage: {item['paper']}", size)
        for line in ml._fill(ml._sentence(rng, 12, 40).split(), 430, 430, size):
            p.put(105, line, size)
        if item["decision"]:
            p.gap(3)
            p.put(105, "Beschluss:", size, bold=True)
            for line in ml._fill(item["decision"].split(), 430, 430, size):
                p.put(105, line, size)
        if item["voted"]:
            text, item["vote"] = mb._vote(rng, members, forms)
            p.put(105, f"{label} {text}", size)
    return items


def _bold_lines(text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines of bold type no wider than ``width``."""
    lines: list[str] = []
    for word in text.split():
        if lines and ml._width(f"{lines[-1]} {word}", size, bold=True) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _officers(d: Doc) -> None:
    """The chair and the clerk as head rows."""
    chair, clerk = d.fresh(), d.fresh()
    title = "Bürgermeisterin" if female(chair) else "Bürgermeister"
    for label, value in (("Vorsitz:", f"{title} {chair}"), ("Schriftführung:", d.shown(clerk))):
        d.put(50, label, advance=False)
        d.put(160, value)
    d.p.gap(10)


def _signatures(d: Doc) -> None:
    d.p.need(60)
    d.p.gap(24)
    d.put(50, "Vorsitz", advance=False)
    d.put(330, "Schriftführung")


def _build(rng: random.Random, style: str) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    d = Doc(rng)
    s = mb._session(rng)
    s["published"] = None
    s["start"] = s["start"] or f"{rng.choice([17, 18, 19])}:00"
    kind = rng.choice(KINDS)
    parts = rng.random() < 0.4
    stated = mb._head(d.p, rng, s, kind, parts)
    _officers(d)
    rules = rng.choice(["grid", "rows", "none"])
    attendees: list[dict[str, Any]]
    at_end = False
    if style == "anwesenheit-tabelle":
        council = _council(d, long_names=False, most=11)
        rows, attendees, present = _member_rows(d, s, council, with_faction=True)
        columns = [
            ("Name", 150.0),
            ("Fraktion", 80.0),
            ("anwesend", 55.0),
            ("entschuldigt", 65.0),
            ("Bemerkung", 160.0),
        ]
        at_end = rng.random() < 0.5
        if at_end:
            d.put(50, "Anwesenheit: siehe Anlage")
        else:
            d.put(50, rng.choice(["Anwesenheitsliste", "Anwesenheit"]), bold=True)
            d.p.gap(4)
            _table(d, columns, rows, rules)
            d.new_page()
    elif style == "anwesenheit-fraktionen":
        council = _council(d, long_names=True)
        attendees, present = [], 0
        columns = [("Name", 170.0), ("anwesend", 55.0), ("entschuldigt", 65.0), ("Bemerkung", 200.0)]
        d.put(50, rng.choice(["Anwesenheit", "Anwesenheitsliste"]), bold=True)
        for faction, members in council:
            d.p.need((len(members) + 3) * (d.size * 1.22 + 6))
            d.p.gap(6)
            d.put(50, faction, bold=True)
            rows, found, count = _member_rows(d, s, [(faction, members)], with_faction=False)
            _table(d, columns, rows, rules)
            attendees += found
            present += count
        d.p.gap(6)
        attendees += _groups_below(d, 200.0)
        d.new_page()
    else:
        council = _council(d, long_names=True)
        d.put(50, "Anwesend:", bold=True)
        d.p.gap(4)
        attendees = _side_by_side(d, council) if style == "anwesenheit-spalten" else _per_line(d, council, 230.0)
        present = len(attendees)
        attendees += _groups_below(d, 200.0)
    # The members present and the chair vote; a small committee's vote counts at least eight (its
    # advisory members), so that a count of noes and abstentions never exceeds it.
    items = _items(d, s, max(present + 1, 8), parts)
    if not parts:
        for item in items:
            item["public"] = stated
    _signatures(d)
    if at_end:
        d.new_page()
        d.put(50, "Anlage: Anwesenheitsliste", bold=True)
        d.p.gap(6)
        _table(d, columns, rows, rules)
    if rng.random() < 0.7:
        mb._foot(d.p.pages, rng.choice(["of", "dash"]))
    golden = mb._golden(s, kind, stated, items)
    golden["attendees"] = attendees
    return d.p.pages, golden


def anwesenheit_tabelle(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Niederschrift with a ruled attendance table (see the module docstring)."""
    return _build(rng, "anwesenheit-tabelle")


def anwesenheit_spalten(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Niederschrift with factions in columns side by side (see the module docstring)."""
    return _build(rng, "anwesenheit-spalten")


def anwesenheit_zeilen(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Niederschrift with one faction per line (see the module docstring)."""
    return _build(rng, "anwesenheit-zeilen")


def anwesenheit_fraktionen(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Niederschrift with a table per faction (see the module docstring)."""
    return _build(rng, "anwesenheit-fraktionen")


STYLES = (
    ("anwesenheit-tabelle", anwesenheit_tabelle),
    ("anwesenheit-spalten", anwesenheit_spalten),
    ("anwesenheit-zeilen", anwesenheit_zeilen),
    ("anwesenheit-fraktionen", anwesenheit_fraktionen),
)


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 4`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--attendance-tables", lambda golden, n: f"{golden['document_type']} {n}")
