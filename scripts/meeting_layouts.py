"""More meeting layouts for scripts/generate_meetings.py, goldens from the generator's own content.

- ``ratsprotokoll``: a two-column verbatim record (Wortprotokoll) whose page 1 has no type word in a
  heading: a running header "12. Sitzung vom 6. Mai 2021  Seite 1", "(Beginn: 15.38 Uhr - Ende: ...)",
  speaker turns "Oberbürgermeisterin Anna Bauer:" / "Jens Lange (SPD):", interjections "(Beifall)",
  bold agenda headings with a hanging number ("3.1 Antrag der ...") and the paper number on its own
  line, out of numeric order; the type is only in the running text and the file's title.
- ``protokoll``: a Swiss or Austrian Protokoll ("Protokoll Nr. 61 vom 16. August 2023",
  "Verhandlungsschrift Nr. 5 vom ..."): label/value head without colons (Vorsitz, Protokoll, Ort,
  "Zeit 09.30 Uhr bis 12.40 Uhr"), a "Traktandenliste" or "Tagesordnung" whose wrapped titles end in
  a business number in parentheses, with a procedure line and a page reference, then each item again
  with speaker turns, a "Beschlussfassung" heading and its result "mit 59:55 Stimmen bei 3
  Enthaltungen".
- ``sitzungsniederschrift``: python-docx → LibreOffice (when soffice is installed; else reportlab): an
  agenda table with wrapped titles and sub-items, "Öffentlicher Teil" / "Nichtöffentlicher Teil",
  attendees grouped by faction, "Beschluss:" and "Abstimmungsergebnis:" per item.

Each variant draws from its own ``random.Random`` so that the older fixtures stay byte-identical.
"""

from __future__ import annotations

import functools
import json
import random
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import generate_meetings as gm
from variant_text import MONTHS

FONTS = [
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
]
PARTY_NAMES = ["SPD", "CDU", "Bündnis 90/Die Grünen", "FDP", "DIE LINKE", "Volt", "AfD"]
MOTIONS = [
    "Umbenennung des Ausschusses für Soziales und Senioren",
    "Planungssicherheit für die Händlerinnen und Händler am Großmarkt schaffen",
    "Schnellstmögliche Aufnahme von Menschen aus Afghanistan",
    "Besetzung der Ausschüsse",
    "Entsendung in den Aufsichtsrat der Kliniken gGmbH",
]
REPORTS = [
    "Ordnungsbehördliche Verordnung über das Offenhalten von Verkaufsstellen am Sonntag",
    "Stellplatzsatzung für die Stadt",
    "Feststellung des Jahresabschlusses der Bühnen",
    "Neubau einer Zweifachturnhalle an der Gesamtschule",
    "Fortschreibung des Integrierten Stadtentwicklungskonzeptes für den Sozialraum Ost",
]
INTERJECTIONS = ["(Beifall)", "(Beifall bei der SPD)", "(Heiterkeit)", "(Zurufe)"]


#: The regular and bold font of the document being built (set by :func:`build_all`).
CURRENT_FONTS = FONTS[0]


def _width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in the current document's font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "Probe-" + CURRENT_FONTS[bold]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(ff.find_font(CURRENT_FONTS[bold]))))
    return float(pdfmetrics.stringWidth(text, name, size))


def _fill(words: list[str], first: float, width: float, size: float) -> list[str]:
    """``words`` broken into lines: the first ``first`` points wide, the others ``width``."""
    lines: list[str] = []
    current = ""
    for word in words:
        room = first if not lines else width
        trial = f"{current} {word}".strip()
        if current and _width(trial, size) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def _long_date(day: Any) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _sentence(rng: random.Random, low: int = 20, high: int = 60) -> str:
    words = " ".join(rng.choice(gm.WORDS) for _ in range(rng.randrange(low, high)))
    return words[0].upper() + words[1:] + "."


@dataclass
class Rule(gm.Op):
    """A ruled line from x to ``x1`` at y (the text field is empty), or down to ``y1`` where it is set
    (a table's column edge)."""

    x1: float = 0.0
    y1: float | None = None


def write_meeting(
    out: Path, stem: str, pages: list[list[gm.Op]], golden: dict[str, Any], how: tuple[tuple[str, str], str, str, str]
) -> None:
    """Render ``pages`` as ``out/stem.pdf`` and write its golden beside it, with the page count and
    how it was made. ``how`` is (fonts, producer, the PDF's title, the generator's arguments and
    choices for the golden's ``_notes``)."""
    fonts, producer, title, notes = how
    render(pages, out / f"{stem}.pdf", title, fonts, producer)
    golden["page_count"] = len(pages)
    golden["_notes"] = f"generated by scripts/generate_meetings.py {notes}; values from its content"
    (out / f"{stem}.json").write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_drawn(
    out: Path,
    stem: str,
    rng: random.Random,
    build: Any,
    notes: str,
    title: Callable[[dict[str, Any]], str] | None = None,
) -> None:
    """Draw one document with ``build(rng)`` in a font set and producer ``rng`` picks, and write
    it with its golden as ``stem`` (:func:`write_meeting`); ``notes`` say how, ``title(golden)``
    names the PDF (by default its type and ``stem``)."""
    global CURRENT_FONTS
    fonts = CURRENT_FONTS = rng.choice(FONTS)
    pages, golden = build(rng)
    producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
    name = title(golden) if title else f"{golden['document_type']} {stem}"
    write_meeting(out, stem, pages, golden, (fonts, producer, name, f"{notes} ({producer}, {Path(fonts[0]).stem})"))


def write_styles(
    out: Path,
    seed: int,
    count: int,
    styles: Sequence[tuple[str, Any]],
    option: str,
    title: Callable[[dict[str, Any], int], str] | None = None,
) -> None:
    """Write ``count // len(styles)`` (at least one) documents of each of ``styles`` ((name, build)
    pairs) with their goldens, each drawn from a seed of ``seed``, its style and its index;
    ``option`` is the generator's option that asked for them, ``title(golden, n)`` names the n-th
    PDF of a style (by default its type and file stem)."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, max(count // len(styles), 1) + 1):
        for name, build in styles:
            named = None if title is None else functools.partial(_nth_title, title, n)
            notes = f"--seed {seed} {option} {count}"
            write_drawn(out, f"{name}-{n}", random.Random(f"{seed}-{name}-{n}"), build, notes, named)


def _nth_title(title: Callable[[dict[str, Any], int], str], n: int, golden: dict[str, Any]) -> str:
    """``title`` of the n-th document of a style."""
    return title(golden, n)


def render(pages: list[list[gm.Op]], out: Path, title: str, fonts: tuple[str, str], producer: str) -> None:
    """Render ``pages`` with reportlab or fpdf2 in the regular/bold pair ``fonts``: text runs and
    table rules (:class:`Rule`)."""
    regular, bold = (str(ff.find_font(name)) for name in fonts)
    if producer == "fpdf2":
        from fpdf import FPDF

        pdf = FPDF(unit="pt", format="A4")
        pdf.set_auto_page_break(False)
        pdf.add_font("F", "", regular)
        pdf.add_font("F", "B", bold)
        pdf.set_creation_date(gm.dt.datetime(2024, 1, 1, tzinfo=gm.dt.timezone.utc))
        pdf.set_title(title)
        for ops in pages:
            pdf.add_page()
            for op in ops:
                if isinstance(op, Rule):
                    pdf.set_line_width(0.5)
                    pdf.line(op.x, op.y, op.x1, op.y if op.y1 is None else op.y1)
                    continue
                pdf.set_font("F", "B" if op.bold else "", op.size)
                pdf.text(op.x, op.y + op.size, op.text)
        pdf.output(str(out))
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("R" + fonts[0], regular))
    pdfmetrics.registerFont(TTFont("B" + fonts[0], bold))
    canvas = Canvas(str(out), pagesize=gm.A4, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    for ops in pages:
        for op in ops:
            if isinstance(op, Rule):
                canvas.setLineWidth(0.5)
                canvas.line(op.x, gm.A4[1] - op.y, op.x1, gm.A4[1] - (op.y if op.y1 is None else op.y1))
                continue
            canvas.setFont(("B" if op.bold else "R") + fonts[0], op.size)
            canvas.drawString(op.x, gm.A4[1] - op.y - op.size, op.text)
        canvas.showPage()
    canvas.save()


class Columns:
    """Text in two columns, page by page, under a running header written on every page."""

    def __init__(self, header: str, size: float) -> None:
        self.header = header
        self.size = size
        self.step = size * 1.3
        self.pages: list[list[gm.Op]] = []
        self.column = 1
        self.y = 0.0
        self.x = (50.0, 310.0)
        self._turn()

    def _turn(self) -> None:
        if self.column == 1:
            self.pages.append([gm.Op(50, 40, f"{self.header}    Seite {len(self.pages) + 1}", 11, True)])
            self.column = 0
        else:
            self.column = 1
        self.y = 80.0

    def need(self, lines: int) -> None:
        """Go to the next column unless ``lines`` lines fit in this one."""
        if self.y + lines * self.step > gm.A4[1] - 60:
            self._turn()

    def put(self, text: str, *, bold: bool = False, indent: float = 0.0) -> None:
        self.need(1)
        self.pages[-1].append(gm.Op(self.x[self.column] + indent, self.y, text, self.size, bold))
        self.y += self.step

    def gap(self) -> None:
        self.y += self.step * 0.8

    def paragraph(self, text: str, first_bold: str = "") -> None:
        """``text`` filled to the column width (240 pt); a bold speaker label opens the first line."""
        width = 240.0
        label = _width(first_bold + " ", self.size, bold=True) if first_bold else 0.0
        lines = _fill(text.split(), width - label, width, self.size)
        for k, line in enumerate(lines):
            self.need(1)
            x = self.x[self.column]
            if k == 0 and first_bold:
                self.pages[-1].append(gm.Op(x, self.y, first_bold, self.size, True))
                x += label
            self.pages[-1].append(gm.Op(x, self.y, line, self.size))
            self.y += self.step


def ratsprotokoll(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A two-column Wortprotokoll without a type heading (see the module docstring)."""
    day = gm._date(rng)
    number = f"{rng.randrange(2, 40)}. Sitzung"
    start = f"{rng.randrange(14, 17):02d}:{rng.randrange(0, 60):02d}"
    end = f"{rng.randrange(18, 21):02d}:{rng.randrange(0, 60):02d}"
    chair = gm._person(rng)
    col = Columns(f"{number} vom {_long_date(day)}", rng.choice([9.0, 9.5]))
    col.put(f"(Beginn: {start.replace(':', '.')} Uhr - Ende: {end.replace(':', '.')} Uhr)", indent=30)
    col.gap()
    speeches: list[dict[str, Any]] = []

    def turn(speaker: str, role: str, label: str, text: str) -> None:
        col.gap()
        col.paragraph(text, first_bold=label)
        speeches.append({"speaker": speaker, "role": role, "text": f"{text}"})

    opening = (
        f"Meine Damen und Herren, ich eröffne die {number} des Rates in der laufenden Wahlperiode. "
        + _sentence(rng)
        + " Das Wortprotokoll wird wie üblich nachgereicht."
    )
    turn(chair, "Oberbürgermeisterin", f"Oberbürgermeisterin {chair}:", opening)
    items: list[dict[str, Any]] = []
    sections = rng.sample([2, 3, 4, 6, 10], 3)
    order: list[tuple[str, str, str | None]] = []
    for section in sorted(sections):
        subjects = rng.sample(MOTIONS if section in (3, 4) else REPORTS, rng.randrange(1, 3))
        for k, subject in enumerate(subjects, 1):
            if section in (3, 4):
                party = rng.choice(PARTY_NAMES)
                title = f"Antrag der Fraktion {party} betreffend „{subject}“"
                paper = f"AN/{rng.randrange(100, 2000):04d}/{day.year}"
            else:
                title = subject
                paper = f"{rng.randrange(100, 4000)}/{day.year}"
            order.append((f"{section}.{k}", title, paper))
    # The chair takes one item early (as a Köln session takes its urgent motions first).
    if len(order) > 2 and rng.random() < 0.7:
        order.insert(0, order.pop(rng.randrange(1, len(order))))
    for item_number, title, paper in order:
        call = "Ich rufe auf:" if rng.random() < 0.6 else "Ich rufe den nächsten Tagesordnungspunkt auf:"
        col.paragraph(call)
        speeches[-1]["text"] += " " + call
        col.gap()
        if rng.random() < 0.4:
            col.put("Tagesordnungspunkt")
        wrapped = _fill(title.split(), 205.0, 205.0, col.size)
        col.need(len(wrapped) + 2)
        col.put(item_number, bold=True)
        col.y -= col.step
        for line in wrapped:
            col.put(line, bold=True, indent=26)
        if paper:
            col.put(paper, bold=True, indent=26)
        items.append(
            {
                "number": item_number,
                "title": title,
                "public": True,
                "paper_numbers": [paper] if paper else [],
                "decision": None,
                "vote": None,
            }
        )
        col.gap()
        for _ in range(rng.randrange(1, 3)):
            name, party = gm._person(rng), rng.choice(PARTY_NAMES)
            turn(name, party, f"{name} ({party}):", _sentence(rng))
            if rng.random() < 0.4:
                col.gap()
                col.put(rng.choice(INTERJECTIONS), indent=60)
        closing = "Gibt es Gegenstimmen? - Keine. Enthaltungen? - Keine. Dann ist das so beschlossen."
        turn(chair, "Oberbürgermeisterin", f"Oberbürgermeisterin {chair}:", closing)
    speeches[-1]["text"] += " Damit bin ich am Ende des öffentlichen Teils."
    col.paragraph("Damit bin ich am Ende des öffentlichen Teils.")
    col.gap()
    col.put(f"(Schluss: {end.replace(':', '.')} Uhr)", indent=40)
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": None, "number": number}
    # The session's body is named only in the chair's opening words ('Sitzung des Rates'); no city is printed.
    golden = {"kind": "meeting", "document_type": "Wortprotokoll", "body": "Rat", "originator": None}
    golden |= {"meeting": meeting, "agenda_items": items}
    golden |= {"attendees": [], "speeches": speeches}
    return col.pages, golden


BUSINESS = [
    ("Rechenschaftsbericht 2023 des Obergerichts", "BS", "Eintreten, Detailberatung, Beschlussfassung", "genehmigt"),
    (
        "Änderung des Gesetzes über die Krankenversicherung (KVG)",
        "GE",
        "Redaktionslesung, Schlussabstimmung",
        "zugestimmt",
    ),
    (
        'Motion von Anna Bauer, Jens Lange, Petra Mester vom 29. Juni 2023 "Thurgauer Sport- und Kulturförderung im '
        'Gleichschritt"',
        "MO",
        "Beantwortung, Diskussion, Beschlussfassung",
        "erheblich erklärt",
    ),
    (
        'Antrag gemäss § 52 der Geschäftsordnung von Heike Soldan, Frank Riechey vom 3. Mai 2023 "Freiwilligenarbeit '
        'sichtbarer machen und fördern"',
        "AN",
        "Beantwortung, Diskussion, Beschlussfassung",
        "erheblich erklärt",
    ),
    ("Bericht der Geschäftsprüfungskommission über das Jahr 2023", "BS", "Eintreten, Beschlussfassung", "genehmigt"),
]
PLACES_CH = ["Rathaus Frauenfeld", "Rathaus Weinfelden", "Gemeindesaal, Marktplatz 2", "Sitzungssaal des Rathauses"]


def _wrap_keeping(text: str, whole: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` without breaking inside ``whole`` (a business number)."""
    glued = whole.replace(" ", "\u00a0")
    return [
        line.replace("\u00a0", " ") for line in textwrap.wrap(text.replace(whole, glued), width, break_on_hyphens=False)
    ]


def protokoll(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A Swiss Protokoll or Austrian Verhandlungsschrift (see the module docstring)."""
    day = gm._date(rng)
    kind = rng.choice(["Protokoll", "Protokoll", "Verhandlungsschrift"])
    verbatim = kind == "Verhandlungsschrift"
    number = f"Nr. {rng.randrange(5, 90)}"
    start, end = (
        f"{rng.choice([8, 9, 14])}:{rng.choice(['00', '30'])}",
        f"{rng.choice([12, 17])}:{rng.choice(['10', '40'])}",
    )
    start = start.zfill(5)
    chair, clerk, place = gm._person(rng), gm._person(rng), rng.choice(PLACES_CH)
    p = gm.Pages()
    body = rng.choice(["Grosser Rat", "Gemeinderat", "Kantonsrat"])
    p.put(50, body, 13, bold=True)
    p.gap(16)
    p.put(50, f"{kind} {number} vom {_long_date(day)}", 14, bold=True)
    p.gap(10)
    value_x = rng.choice([150.0, 170.0])
    for label, value in (
        ("Vorsitz", f"{chair}, Präsident"),
        ("Protokoll", f"{clerk}, Parlamentsdienste"),
        ("Anwesend", f"{rng.randrange(90, 125)} Mitglieder"),
        ("Ort", place),
        ("Zeit", f"{start.replace(':', '.')} Uhr bis {end.replace(':', '.')} Uhr"),
    ):
        p.put(50, label, advance=False)
        p.put(value_x, value)
    p.gap(14)
    p.put(50, rng.choice(["Traktandenliste", "Tagesordnung"]), 12, bold=True)
    p.gap(8)
    chosen = rng.sample(BUSINESS, rng.randrange(3, 6))
    items: list[dict[str, Any]] = []
    for k, (title, code, procedure, verb) in enumerate(chosen, 1):
        paper = f"20/{code} {rng.randrange(5, 99)}/{rng.randrange(300, 600)}"
        wrapped = _wrap_keeping(f"{title} ({paper})", paper, 70)
        p.need(len(wrapped) * 14 + 30)
        p.put(50, f"{k}.", advance=False)
        for line in wrapped:
            p.put(70, line)
        p.put(70, procedure, advance=False)
        p.put(480, f"Seite {rng.randrange(3, 40)}")
        p.gap(8)
        items.append({"number": str(k), "title": title, "paper": paper, "verb": verb})
    p.gap(24)
    golden_items = []
    speeches: list[dict[str, Any]] = []
    for k, item in enumerate(items, 1):
        p.gap(10)
        wrapped = _wrap_keeping(f"{item['title']} ({item['paper']})", item["paper"], 70)
        p.need(len(wrapped) * 14 + 80)
        p.put(50, f"{k}.", bold=True, advance=False)
        for line in wrapped:
            p.put(70, line, bold=True)
        p.gap(8)
        for who in range(rng.randrange(1, 3)):
            if who == 0:
                label, speaker, role = f"Präsident {chair.split()[-1]}:", chair.split()[-1], "Präsident"
            else:
                name, party = gm._person(rng), rng.choice(["SVP", "FDP", "SP", "GLP", "EDU"])
                label, speaker, role = f"{name} ({party}):", name, party
            text = _sentence(rng, 15, 40)
            for line in textwrap.wrap(f"{label} {text}", 90, break_on_hyphens=False):
                p.put(50, line, bold=False)
            p.gap(6)
            speeches.append({"speaker": speaker, "role": role, "text": text})
        done = rng.random() < 0.85 or k == 1
        decision = vote = None
        if done:
            yes, no = rng.randrange(50, 115), rng.randrange(0, 50)
            abstain = rng.randrange(1, 9) if rng.random() < 0.6 else None
            counts = f"mit {yes}:{no} Stimmen" + (
                f" bei {abstain} Enthaltung{'en' if abstain > 1 else ''}" if abstain else ""
            )
            subject = "Der Antrag" if item["paper"].startswith("20/AN") else "Das Geschäft"
            decision = f"{subject} wird {counts} {item['verb']}."
            vote = {"yes": yes, "no": no, "abstain": abstain, "unanimous": False if no else None}
            p.put(50, "Beschlussfassung", bold=True)
            p.gap(6)
            for line in textwrap.wrap(decision, 90, break_on_hyphens=False):
                p.put(50, line)
        golden_items.append(
            {
                "number": str(k),
                "title": item["title"],
                "public": None,
                "paper_numbers": [item["paper"]],
                "decision": decision,
                "vote": vote,
            }
        )
    p.gap(12)
    p.put(50, f"Ende der Sitzung: {end.replace(':', '.')} Uhr")
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": number}
    attendees = [
        {"name": chair, "role": "Vorsitz", "faction": None},
        {"name": clerk, "role": "Protokoll", "faction": None},
    ]
    # The body heads page 1; no issuing town is printed.
    golden = {"kind": "meeting", "document_type": kind, "body": body, "originator": None, "meeting": meeting}
    golden |= {"agenda_items": golden_items}
    golden |= {"attendees": attendees, "speeches": speeches if verbatim else []}
    return p.pages, golden


def build_all(out: Path, seed: int, variants: int) -> None:
    """Write the layouts of this module, ``variants`` of each, with their goldens."""
    for n in range(1, variants + 1):
        for name, build in (("wortprotokoll-rat", ratsprotokoll), ("protokoll", protokoll)):
            rng = random.Random(f"{seed}-{name}-{n}")
            global CURRENT_FONTS
            fonts = CURRENT_FONTS = rng.choice(FONTS)
            pages, golden = build(rng)
            producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
            # The file's title names the type; the pages of a Wortprotokoll do not.
            title = f"{golden['document_type']} der {golden['meeting']['number']}"
            notes = f"--seed {seed} ({producer}, {Path(fonts[0]).stem})"
            write_meeting(out, f"{name}-{n}", pages, golden, (fonts, producer, title, notes))
