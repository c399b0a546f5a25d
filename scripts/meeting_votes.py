"""Niederschriften whose votes are printed as structured blocks, for scripts/generate_meetings.py
(``--vote-blocks N``); goldens from the generator's own content.

Saxon and Thuringian councils (and others) print an item's vote as a block, not a sentence. The
head, the items, their decisions and which items are voted follow a decision list's running form
(``meeting_beschluesse.py``: town, "Niederschrift" / "Protokoll" / "Sitzungsniederschrift", the
session line with the body in the genitive, its rows), with the chair and the clerk as head rows and,
in a small body, "Anwesend:" over one line per faction (``meeting_attendance.py``); a large council's
minutes name their attendance list as an annex. The vote is set in one of three ways:

- ``abstimmung-liste``: a label-value list under "Abstimmungsergebnis:" ("Gesetzliche Anzahl der
  Mitglieder: 71" / "davon anwesend: 58" / "Ja-Stimmen: 40" / "Nein-Stimmen: 12" /
  "Stimmenthaltungen: 6" / "Befangenheit: 0"), a label and its value a line at a tab, or run into
  one line after the label (separated by commas, semicolons or slashes);
- ``abstimmung-paare``: the same list as a two-column table, ruled (grid or rows) or not;
- ``abstimmung-kopf``: a small table with a heading row ("Ja | Nein | Enthaltung | Befangen",
  "dafür | dagegen | Enthaltung", "Zustimmung | Ablehnung | Enthaltung"), sometimes "Stimmberechtigt |
  anwesend" before them, and a row of counts under it; a zero as "0", "—", "-" or an empty cell;
  "einstimmig" in the yes cell (the other cells empty);
- ``abstimmung-word``: one of the three typed into a Word document (tab stops, Word tables) and
  exported by LibreOffice.

Around them: "mehrheitlich" (or "einstimmig") with no counts, a decision number ("Beschluss-Nr.
0112/23", "Beschluss-Nr. SR/045/2024") on a line above "Beschluss:", at the right of that label's line or
as the label itself ("Beschluss Nr. 0112/23:"), a result sentence after the vote ("Die Vorlage wurde in
geänderter Fassung beschlossen.", "Der Antrag ist damit abgelehnt."), items that are taken note of with
no vote (Kenntnisnahme) and vote blocks that run over a page break.

Golden conventions (``meeting_beschluesse.py``, ``meeting_attendance.py``, eval/real/README.md): an
item's ``decision`` is the text of its "Beschluss:" paragraph, without the decision's number and
without the result sentence after the vote; the vote holds the yes, no and abstain counts as printed (a
dash or an empty cell under a count's heading is a zero); "Gesetzliche Anzahl der Mitglieder",
"Stimmberechtigt", "davon anwesend" and "Befangenheit" are no votes cast and in no field of the vote (a
member who is biased does not vote: § 20 SächsGemO, § 38 ThürKO); counts without a no are not called
unanimous, "mehrheitlich" is a vote that is not unanimous without counts, "einstimmig" in the yes cell a
unanimous vote without counts. Attendees as ``meeting_attendance.py``'s per-line form; where the list is an
annex, the chair and the clerk of the head rows with their role ("Vorsitz", "Schriftführung"), as
``meeting_extracts.py`` and ``meeting_heads.py`` name them.

Usage: ``python scripts/generate_meetings.py OUT --seed 5 --variants 0 --vote-blocks 40``.
Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import json
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_attendance as mat
import meeting_beschluesse as mb
import meeting_layouts as ml

KINDS = ["Niederschrift", "Protokoll", "Sitzungsniederschrift"]
SIZES = [9.5, 10.0, 10.5, 11.0]
BOTTOM = gm.A4[1] - 80
#: Labels of the list's rows: the legal number of members, those present, yes, no, abstain, biased.
LEGAL = ["Gesetzliche Anzahl der Mitglieder", "Gesetzliche Mitgliederzahl", "Anzahl der Mitglieder"]
PRESENT = ["davon anwesend", "anwesend", "Anwesende Mitglieder", "davon stimmberechtigt anwesend"]
YES = ["Ja-Stimmen", "Ja", "Dafür", "Zustimmung"]
NO = ["Nein-Stimmen", "Nein", "Dagegen", "Gegenstimmen"]
ABSTAIN = ["Stimmenthaltungen", "Enthaltungen", "Stimmenthaltung"]
BIASED = ["Befangenheit", "Befangen", "befangen"]
#: Heading rows of the count table: (yes, no, abstain, biased or None).
HEADINGS = [
    ("Ja", "Nein", "Enthaltung", "Befangen"),
    ("Ja", "Nein", "Enthaltung", None),
    ("dafür", "dagegen", "Enthaltung", None),
    ("Zustimmung", "Ablehnung", "Enthaltung", None),
    ("Ja-Stimmen", "Nein-Stimmen", "Stimmenthaltungen", "Befangenheit"),
]
RESULTS = ["Die Vorlage wurde beschlossen.", "Beschlossen.", "Der Beschluss ist damit gefasst."]
AMENDED = "Die Vorlage wurde in geänderter Fassung beschlossen."
REJECTED = ["Die Vorlage ist damit abgelehnt.", "Der Antrag wurde abgelehnt.", "Abgelehnt."]


@dataclass
class Text:
    """A paragraph at ``x``, wrapped to the right margin."""

    x: float
    text: str
    bold: bool = False
    grow: float = 0.0


@dataclass
class Pair:
    """A label and its value at a tab stop; the value wraps in its column."""

    label: str
    value: str
    x: float
    tab: float
    bold: bool = False


@dataclass
class Table:
    """A small table at ``x``: rows of cells (the first the heading row where ``heading``), ruled as
    ``rules`` says (grid, rows, none)."""

    x: float
    widths: list[float]
    rows: list[list[str]]
    rules: str
    heading: bool = False


@dataclass
class ItemHead:
    """An item's number and its bold title beside it."""

    label: str
    title: str


@dataclass
class Gap:
    points: float


@dataclass
class Keep:
    """Keep the next ``points`` together on a page (a drawn page only)."""

    points: float


Block = Text | Pair | Table | ItemHead | Gap | Keep


@dataclass
class Plan:
    """What a document prints, as blocks, and its golden."""

    blocks: list[Block] = field(default_factory=list)
    golden: dict[str, Any] = field(default_factory=dict)


def _counts(rng: random.Random, present: int, rejected: bool) -> dict[str, int]:
    """Yes, no, abstain and biased of ``present`` voters; more noes than yeses where ``rejected``."""
    biased = rng.choice([0, 0, 0, 0, 1, 2])
    voters = present - biased
    # A few abstain and vote no, fewer than a third each in a small body, unless the item falls.
    abstain = min(rng.choice([0, 0, 1, 2, 3, 6]), voters // 4)
    if rejected:
        no = (voters - abstain) // 2 + rng.randrange(1, 4)
    else:
        no = min(rng.choice([0, 0, 1, 2, 5, 12]), voters // 3)
    no = min(no, voters - abstain)
    return {"yes": voters - no - abstain, "no": no, "abstain": abstain, "biased": biased}


def _zero(value: int, mark: str) -> str:
    return mark if value == 0 else str(value)


class Drawer:
    """The choices of one document's vote blocks, kept the same over its items."""

    def __init__(self, rng: random.Random, style: str, legal: int) -> None:
        self.rng = rng
        self.style = style
        self.legal = legal
        self.form = rng.choice(["lines", "lines", "run"]) if style == "abstimmung-liste" else None
        self.labels = [rng.choice(LEGAL), rng.choice(PRESENT), rng.choice(YES), rng.choice(NO)]
        self.labels += [rng.choice(ABSTAIN), rng.choice(BIASED)]
        self.colon = rng.random() < 0.8
        self.with_legal = rng.random() < 0.7
        self.with_biased = rng.random() < 0.6
        self.separator = rng.choice([", ", "; ", " / "])
        self.rules = rng.choice(["grid", "rows", "none"])
        self.heading = rng.choice(HEADINGS)
        self.entitled = rng.random() < 0.4
        self.zero = rng.choice(["0", "0", "—", "-", ""])
        self.label_over_table = rng.random() < 0.7
        self.tab = rng.choice([300.0, 330.0, 360.0])

    def block(self, present: int, counts: dict[str, int] | None, word: str | None, fell: bool = False) -> list[Block]:
        """The blocks of one vote: ``counts``, or ``word`` alone ('einstimmig', 'mehrheitlich');
        ``fell`` where the item was rejected."""
        rng = self.rng
        if word is not None and (self.style != "abstimmung-kopf" or word == "mehrheitlich" or rng.random() < 0.3):
            text = rng.choice([f"Abstimmungsergebnis: {word}", f"{word} {'abgelehnt' if fell else 'beschlossen'}"])
            return [Text(105, text)]
        colon = ":" if self.colon else ""
        if self.style == "abstimmung-kopf":
            names = [*(["Stimmberechtigt", "anwesend"] if self.entitled else [])]
            names += [n for n in self.heading if n is not None]
            cells = [str(self.legal), str(present)] if self.entitled else []
            if counts is None:
                cells += ["einstimmig"] + [""] * (len(names) - len(cells) - 1)
            else:
                cells += [_zero(counts[k], self.zero) for k in ("yes", "no", "abstain")]
                if self.heading[3] is not None:
                    cells.append(_zero(counts["biased"], self.zero))
            width = max(60.0, max(ml._width(n, 10.5, bold=True) + 12 for n in names))
            out: list[Block] = [Text(105, "Abstimmungsergebnis:", bold=True)] if self.label_over_table else []
            return [*out, Table(105, [width] * len(names), [names, cells], self.rules, heading=True)]
        assert counts is not None
        rows = []
        if self.with_legal:
            rows += [(self.labels[0], str(self.legal)), (self.labels[1], str(present))]
        rows += [(self.labels[2], str(counts["yes"])), (self.labels[3], str(counts["no"]))]
        rows += [(self.labels[4], str(counts["abstain"]))]
        if self.with_biased:
            rows.append((self.labels[5], str(counts["biased"])))
        if self.form == "run":
            return [Text(105, "Abstimmungsergebnis: " + self.separator.join(f"{a}{colon} {b}" for a, b in rows))]
        head: list[Block] = [Text(105, "Abstimmungsergebnis:", bold=True)]
        if self.style == "abstimmung-paare":
            width = max(ml._width(f"{a}{colon}", 10.5) for a, _ in rows) + 16
            return [*head, Table(105, [width, 50.0], [[f"{a}{colon}", b] for a, b in rows], self.rules)]
        return [*head, *(Pair(f"{a}{colon}", b, 105, self.tab) for a, b in rows)]


def _number(rng: random.Random, form: str, year: int, k: int) -> str:
    """The k-th decision number of a session in ``form``."""
    if form == "short":
        return f"{k:04d}/{year % 100:02d}"
    if form == "council":
        return f"SR/{k:03d}/{year}"
    return f"VII-BS-{k:04d}/{year % 100:02d}"


def plan(rng: random.Random, style: str) -> Plan:
    """The blocks and golden of one Niederschrift of ``style``."""
    out = Plan()
    s = mb._session(rng)
    s["published"] = None
    s["start"] = s["start"] or f"{rng.choice([17, 18, 19])}:00"
    kind = rng.choice(KINDS)
    parts = rng.random() < 0.4
    stated = _head(out.blocks, rng, s, kind, parts)
    chair, clerk = gm._person(rng), gm._person(rng)
    out.blocks += [Pair("Vorsitz:", chair, 50, 160), Pair("Schriftführung:", clerk, 50, 160), Gap(8)]
    # Without a list, the head's chair and clerk are the attendees it names (meeting_extracts.py,
    # meeting_heads.py); beside a list they are no entries of it (meeting_attendance.py).
    attendees: list[dict[str, Any]] = []
    if rng.random() < 0.5:
        d = mat.Doc(rng)
        council = mat._council(d, long_names=True)
        out.blocks.append(Text(50, "Anwesend:", bold=True))
        tab = 62 + max(ml._width(f"{faction}:", 10) for faction, _ in council)
        tab = max(tab, 230.0)
        for faction, members in council:
            out.blocks.append(Pair(f"{faction}:", ", ".join(members), 50, tab))
            attendees += [{"name": name, "role": None, "faction": faction} for name in members]
        present = len(attendees) + 1
        legal = present + rng.randrange(0, 4)
    else:
        legal = rng.choice([22, 35, 48, 60, 70, 71])
        present = legal - rng.randrange(2, 12)
        out.blocks.append(Text(50, rng.choice(["Anwesenheit: siehe Anlage", "Die Anwesenheitsliste ist Anlage 1."])))
        attendees = [{"name": chair, "role": "Vorsitz", "faction": None}]
        attendees.append({"name": clerk, "role": "Schriftführung", "faction": None})
    out.blocks.append(Gap(10))
    drawer = Drawer(rng, style, legal)
    numbers = rng.choice([None, "short", "council", "long"])
    placing = rng.choice(["line", "right", "label"])
    items = mb._items(rng, s["day"], s["body"][0], parts, rng.choice(["plain", "marked"]) if parts else "plain")
    top_word = rng.random() < 0.6
    counted = 0
    current = None
    for item in items:
        if parts and item["public"] is not current:
            current = item["public"]
            out.blocks += [
                Keep(80),
                Gap(8),
                Text(50, "Öffentlicher Teil" if current else "Nichtöffentlicher Teil", True, 1),
            ]
        out.blocks += [Keep(90), Gap(10)]
        out.blocks.append(ItemHead(f"TOP {item['number']}" if top_word else f"{item['number']}.", item["title"]))
        if item["paper"]:
            out.blocks.append(Text(105, f"Vorlage: {item['paper']}"))
        out.blocks.append(Text(105, ml._sentence(rng, 12, 40)))
        if item["decision"]:
            out.blocks.append(Gap(3))
            label = "Beschluss:"
            if numbers and item["voted"]:
                counted += 1
                number = _number(rng, numbers, s["day"].year, rng.randrange(counted * 3, counted * 3 + 3))
                if placing == "line":
                    out.blocks.append(Text(105, f"Beschluss-Nr. {number}"))
                elif placing == "right":
                    out.blocks.append(Pair("Beschluss:", f"Beschluss-Nr. {number}", 105, 380, bold=True))
                    label = ""
                else:
                    label = f"Beschluss Nr. {number}:"
            if label:
                out.blocks.append(Text(105, label, bold=True))
            out.blocks.append(Text(105, item["decision"]))
        if item["voted"]:
            rejected = "abgelehnt" not in item["decision"] and rng.random() < 0.12
            roll = rng.random()
            if roll < 0.15 and not rejected:
                item["vote"] = {"yes": None, "no": None, "abstain": None, "unanimous": True}
                blocks = drawer.block(present, None, "einstimmig")
            elif roll < 0.25:
                item["vote"] = {"yes": None, "no": None, "abstain": None, "unanimous": False}
                blocks = drawer.block(present, None, "mehrheitlich", rejected)
            else:
                counts = _counts(rng, present, rejected)
                item["vote"] = {k: counts[k] for k in ("yes", "no", "abstain")}
                item["vote"]["unanimous"] = False if counts["no"] else None
                blocks = drawer.block(present, counts, None)
            out.blocks.append(Gap(3))
            if rng.random() < 0.6:
                out.blocks.append(Keep(16 * len(blocks) + 30))
            out.blocks += blocks
            if rejected:
                out.blocks.append(Text(105, rng.choice(REJECTED)))
            elif rng.random() < 0.15:
                out.blocks.append(Text(105, AMENDED))
            elif rng.random() < 0.3:
                out.blocks.append(Text(105, rng.choice(RESULTS)))
    if not parts:
        for item in items:
            item["public"] = stated
    out.blocks += [Keep(60), Gap(24), Pair("Vorsitz", "Schriftführung", 50, 330)]
    out.golden = mb._golden(s, kind, stated, items)
    out.golden["attendees"] = attendees
    return out


def _head(blocks: list[Block], rng: random.Random, s: dict[str, Any], kind: str, parts: bool) -> bool | None:
    """The head of ``meeting_beschluesse.py``'s running list as blocks; the public the head states."""
    blocks.append(Text(50, s["town"][0], bold=True, grow=2))
    blocks += [Gap(14), Text(50, kind, bold=True, grow=5)]
    public = not parts and rng.random() < 0.5
    line, dated = mb.session_line(rng, s, public)
    blocks += [Text(50, line, bold=True, grow=1), Gap(6)]
    rows = [] if dated else [("Sitzungstag:", mb._short(s["day"]))]
    rows += [("Sitzungsart:", "öffentlich")] if public and s["number"] else []
    rows += [("Beginn:", f"{s['start']} Uhr")] if s["start"] else []
    rows += [("Ende:", f"{s['end']} Uhr")] if s["end"] else []
    rows += [("Ort:", s["location"])] if s["location"] else []
    blocks += [Pair(label, value, 50, 160) for label, value in rows]
    blocks.append(Gap(12))
    return True if public else None


def draw(blocks: list[Block], size: float) -> list[list[gm.Op]]:
    """The pages of ``blocks`` drawn in the current face at ``size``."""
    p = gm.Pages()
    step = size * 1.35
    for block in blocks:
        if isinstance(block, Gap):
            p.gap(block.points)
        elif isinstance(block, Keep):
            p.need(block.points)
        elif isinstance(block, Text):
            grown = size + block.grow
            for line in ml._fill(block.text.split(), 545 - block.x, 545 - block.x, grown):
                p.need(grown * 1.35)
                p.put(block.x, line, grown, bold=block.bold)
        elif isinstance(block, ItemHead):
            lines = mat._bold_lines(block.title, 430, size + 1)
            p.need(len(lines) * (size + 1) * 1.35)
            p.put(50, block.label, size + 1, bold=True, advance=False)
            for line in lines:
                p.put(105, line, size + 1, bold=True)
        elif isinstance(block, Pair):
            lines = ml._fill(block.value.split(), 545 - block.tab, 545 - block.tab, size)
            p.need(step * len(lines))
            p.put(block.x, block.label, size, bold=block.bold, advance=False)
            for line in lines:
                p.put(block.tab, line, size)
        else:
            _draw_table(p, block, min(size, 10.5))
    return p.pages


def _draw_table(p: gm.Pages, table: Table, size: float) -> None:
    """A table row by row; a row that does not fit starts a new page (without its heading again)."""
    edges = [table.x]
    for width in table.widths:
        edges.append(edges[-1] + width)
    height = size * 1.22 + 6
    for k, cells in enumerate(table.rows):
        if p.y + height > BOTTOM:
            p.pages.append([])
            p.y = 70.0
        top = p.y
        bold = table.heading and k == 0
        for x, text in zip(edges, cells, strict=False):
            if text:
                p.pages[-1].append(gm.Op(x + 3, top + 3, text, size, bold))
        if table.rules == "grid":
            for x in edges:
                p.pages[-1].append(ml.Rule(x, top, "", x1=x, y1=top + height))
        if table.rules != "none":
            p.pages[-1].append(ml.Rule(table.x, top, "", x1=edges[-1]))
            p.pages[-1].append(ml.Rule(table.x, top + height, "", x1=edges[-1]))
        p.y = top + height


def _drawn(style: str) -> Any:
    def build(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
        made = plan(rng, style)
        pages = draw(made.blocks, rng.choice(SIZES))
        if rng.random() < 0.7:
            mb._foot(pages, rng.choice(["of", "dash"]))
        return pages, made.golden

    build.__doc__ = f"A Niederschrift whose votes are set as {style} (see the module docstring)."
    return build


STYLES = tuple((name, _drawn(name)) for name in ("abstimmung-liste", "abstimmung-paare", "abstimmung-kopf"))
FACES = ("Liberation Sans", "Liberation Serif", "DejaVu Sans", "Carlito")


def typed(blocks: list[Block], path: Path, face: str, size: float, title: str) -> None:
    """``blocks`` typed into a Word document at ``path``: tab stops, Word tables, page numbers none."""
    from docx.shared import Cm, Pt

    from template_docx import docx_helpers, new_document

    doc = new_document("Stadtverwaltung", title, font=face, size=size)
    no_borders, set_widths, _ = docx_helpers()

    def cm(points: float) -> Any:
        return Cm(max(points - 50, 0) / 28.35)

    after = 0.0
    for block in blocks:
        if isinstance(block, Gap):
            after += block.points
            continue
        if isinstance(block, Keep):
            continue
        if isinstance(block, Table):
            table = doc.add_table(rows=len(block.rows), cols=len(block.widths))
            if block.rules == "grid":
                table.style = "Table Grid"
            else:
                no_borders(table)
            set_widths(table, [w / 28.35 for w in block.widths])
            table.alignment = 0
            for row, cells in zip(table.rows, block.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    run = cell.paragraphs[0].add_run(text)
                    run.bold = (block.heading and row is table.rows[0]) or None
            doc.add_paragraph().paragraph_format.space_after = Pt(0)
            continue
        par = doc.add_paragraph()
        fmt = par.paragraph_format
        fmt.space_before = Pt(after)
        after = 0.0
        if isinstance(block, Text):
            fmt.left_indent = cm(block.x)
            run = par.add_run(block.text)
            run.bold = block.bold or None
            if block.grow:
                run.font.size = Pt(size + block.grow)
        elif isinstance(block, ItemHead):
            fmt.left_indent, fmt.first_line_indent = Cm(55 / 28.35), Cm(-55 / 28.35)
            fmt.tab_stops.add_tab_stop(Cm(55 / 28.35))
            fmt.keep_with_next = True
            run = par.add_run(f"{block.label}\t{block.title}")
            run.bold = True
            run.font.size = Pt(size + 1)
        else:
            tab = cm(block.tab)
            fmt.left_indent = tab
            fmt.first_line_indent = Cm(-(block.tab - block.x) / 28.35)
            fmt.tab_stops.add_tab_stop(tab)
            run = par.add_run(block.label)
            run.bold = block.bold or None
            par.add_run("\t" + block.value)
    doc.save(str(path))


#: A document typed into Word: its file's stem, its plan (blocks and golden), its face and size, and
#: how it was made (for the golden's notes).
Typed = tuple[str, Any, str, float, str]


def write_typed(out: Path, documents: list[Typed], flags: str) -> None:
    """Type each of ``documents`` into Word, convert them with LibreOffice into ``out`` and write
    their goldens; ``flags`` are the generator's options named in the goldens' notes."""
    import fixture_docx as fd
    import template_flow

    jobs = []
    goldens: dict[str, tuple[dict[str, Any], str]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        work = Path(tmp_name)
        for stem, made, face, size, how in documents:
            number = stem.rsplit("-", 1)[-1]
            typed(made.blocks, work / f"{stem}.docx", face, size, f"{made.golden['document_type']} {number}")
            jobs.append((work / f"{stem}.docx", out / f"{stem}.pdf"))
            goldens[stem] = (made.golden, how)
        fd.convert_all(jobs, work)
    for stem, (golden, how) in goldens.items():
        golden["page_count"] = template_flow.page_count(out / f"{stem}.pdf")
        notes = f"{flags} (LibreOffice, {how})"
        golden["_notes"] = f"generated by scripts/generate_meetings.py {notes}; values from its content"
        (out / f"{stem}.json").write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def build_word(out: Path, seed: int, indexes: list[int], count: int) -> None:
    """Write the Word-made documents ``indexes`` (each of its own seed) with their goldens."""
    documents: list[Typed] = []
    for n in indexes:
        rng = random.Random(f"{seed}-abstimmung-word-{n}")
        style = rng.choice([name for name, _ in STYLES])
        face, size = rng.choice(FACES), rng.choice([10.0, 10.5, 11.0])
        made = plan(rng, style)
        documents.append((f"abstimmung-word-{n}", made, face, size, f"{face} {size} pt, {style}"))
    write_typed(out, documents, f"--seed {seed} --vote-blocks {count}")


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 4`` (at least one) of each drawn style and as many typed into Word (where
    LibreOffice is installed; else more of the drawn styles) with their goldens."""
    import fixture_docx as fd

    out.mkdir(parents=True, exist_ok=True)
    per = max(count // 4, 1)
    word = fd.soffice() is not None
    drawn = per if word else max(count // 3, 1)
    for n in range(1, drawn + 1):
        for name, build in STYLES:
            notes = f"--seed {seed} --vote-blocks {count}"
            ml.write_drawn(out, f"{name}-{n}", random.Random(f"{seed}-{name}-{n}"), build, notes)
    if word:
        build_word(out, seed, list(range(1, per + 1)), count)
