"""The ``office-letter`` variant family: a letter from one office of a city's administration to
another (Schreiben einer Dienststelle), drawn from a ``random.Random``.

What is drawn: the head (bare office numbers "14" over "142", an office's name, a number under a
name), the receiving office lower down ("44", "Amt 67", "Historisches Archiv"), the information
block to the right of it (references "Ihr Schreiben vom ...", "Mein Zeichen ...", the date as
"Datum: 16.06.2008" or "Köln, 16.06.2008", its day now and then written in by hand), the subject
block in the office style of DIN 5008 (two to four lines, bold, underlined or both, with or
without "Betreff:", a cost and a case reference in brackets, line-end hyphenation, a refinement
line "hier: ..." under it), a body whose sentences cite other dates, and a salutation and a
closing in some letters only (the handwritten signature is left out). Such a letter names no
type of its own: its golden type is "Brief" and its originator the head's first line as printed
(eval/real/README.md). :func:`draw` returns the letter with its golden values, :func:`render`
lays it out.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

# fmt: off
#: Heads of the sending office, first line first (the originator is the first line).
HEADS = (
    ("14", "142"), ("14", "142", "Rechnungsprüfungsamt"), ("Rechnungsprüfungsamt", "Prüfgruppe Hochbau"),
    ("20", "Kämmerei"), ("Tiefbauamt", "66/31"), ("Amt für Stadtentwicklung und Statistik", "15/2"),
    ("Gebäudewirtschaft", "Bauunterhaltung"), ("32",),
)
#: Receiving offices, printed lower down in the address field: never the originator.
RECEIVERS = (
    ("44",), ("67",), ("An", "Amt 67"), ("Historisches Archiv",), ("Gebäudewirtschaft", "Herrn Becker"),
    ("Amt für Landschaftspflege", "und Grünflächen"), ("An die", "Kämmerei"),
)
CITIES = ("Köln", "Bonn", "Dortmund", "Essen", "Aachen", "Bielefeld", "Wuppertal")
MATTERS = (
    "Kauf eines Schleppers mit Mulcher", "Sanierung der Turnhalle der Gesamtschule Nord",
    "Erweiterung der Kindertagesstätte Am Weiher", "Neubau einer Brücke über den Mühlenbach",
    "Umbau des Feuerwehrgerätehauses Süd", "Beschaffung von Einsatzfahrzeugen für den Rettungsdienst",
    "Instandsetzung der Stützmauer an der Uferstraße", "Erneuerung der Heizungsanlage im Rathaus",
)
REFINEMENTS = (
    "Bedarfsprüfung", "Bedarfsfeststellungsbeschluss", "Prüfung der Ausschreibungsunterlagen",
    "Vergabevorschlag", "Nachtragsangebot der Firma Schneider", "Prüfung der Kostenberechnung",
    "Ihr Schreiben vom {cited}",
)
#: Long words and where they break at a line end ("Bedarfs-" / "feststellungsbeschluss").
BREAKS = {
    "Bedarfsfeststellungsbeschluss": 7, "Ausschreibungsunterlagen": 14, "Kindertagesstätte": 6,
    "Feuerwehrgerätehauses": 9, "Einsatzfahrzeugen": 8, "Instandsetzung": 6, "Heizungsanlage": 8,
    "Kostenberechnung": 6, "Rettungsdienst": 8, "Nachtragsangebot": 8,
}
#: Sentences that cite other dates: they are no date of the letter.
CITING = (
    "Mit Schreiben vom {cited} haben Sie die Unterlagen zur Prüfung vorgelegt.",
    "Die Unterlagen sind am {cited} beim Rechnungsprüfungsamt eingegangen.",
    "Der Ausschuss hat in seiner Sitzung am {cited} die Maßnahme zur Kenntnis genommen.",
    "Auf die Besprechung vom {cited} wird Bezug genommen.",
)
# fmt: on


@dataclass
class Letter:
    """What an office letter prints, in reading order, and its golden values."""

    head: tuple[str, ...] = ()
    receiver: tuple[str, ...] = ()
    info: tuple[tuple[str, str], ...] = ()  # (label, value) lines beside the receiver
    hand_day: str | None = None  # the date's day, written in by hand after "Datum:"
    label: str = ""  # "Betreff:" or "" (a bare subject block)
    subject: tuple[str, ...] = ()  # the subject block's lines as printed (hyphens included)
    refinement: tuple[str, ...] = ()  # the "hier: ..." lines
    style: str = "bold"  # "bold", "underline" or "both"
    salutation: str | None = None
    body: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    golden: dict[str, Any] = field(default_factory=dict)


def hyphenated_wrap(text: str, max_width: float, font: str, size: float) -> list[str]:
    """``text`` wrapped at ``max_width``, breaking the words of :data:`BREAKS` at their joint
    ("Bedarfs-" at a line end) when the first part still fits."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if ff.width(trial, font, size) <= max_width:
            line = trial
            continue
        at = BREAKS.get(word)
        if at and line and ff.width(f"{line} {word[:at]}-", font, size) <= max_width:
            lines.append(f"{line} {word[:at]}-")
            line = word[at:]
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def _subject(rng: random.Random, cited: str, case: str) -> tuple[str, str | None]:
    """The subject's matter (with cost and case reference) and its refinement, as text."""
    matter = vt.pick(rng, MATTERS)
    if rng.random() < 0.6:
        matter += f" (voraussichtliche Kosten ca. {vt.de_amount(rng.randint(40, 1800) * 500.0)} €)"
    refinement = vt.pick(rng, REFINEMENTS).format(cited=cited) if rng.random() < 0.75 else None
    if rng.random() < 0.6:
        if refinement is not None:
            refinement += f" ({case})"
        else:
            matter += f" ({case})"
    return matter, refinement


def draw(rng: random.Random) -> Letter:
    """An office letter with its golden values."""
    letter = Letter(head=vt.pick(rng, HEADS), receiver=vt.pick(rng, RECEIVERS))  # type: ignore[arg-type]
    city = vt.pick(rng, CITIES)
    dated = vt.day(rng)
    cited = vt.de_date(dated - dt.timedelta(days=rng.randint(3, 60)))
    office = letter.head[-1].split("/")[0]
    office = office if office.isdigit() else str(rng.randint(100, 699))
    case = f"{office}/{rng.randint(10, 99)}/{rng.randint(10, 99)}/{dated:%y}"
    info: list[tuple[str, str]] = []
    if rng.random() < 0.5:
        info.append(("Ihr Schreiben vom", cited))
    if rng.random() < 0.6:
        info.append(("Mein Zeichen:", case))
    if rng.random() < 0.4:
        info.append(("Telefon:", f"221-{rng.randint(20000, 29999)}"))
    own = vt.de_date(dated)
    form = rng.random()
    if form < 0.5:
        info.append(("Datum:", own))
    elif form < 0.75:
        info.insert(0, ("", f"{city}, {own}"))
    else:
        info.insert(0, ("", f"{city}, den {own}"))
    letter.info = tuple(info)
    if form < 0.5 and rng.random() < 0.3:
        letter.hand_day = own[:2]  # "Datum: __.06.2008" with the day written in
    matter, refinement = _subject(rng, cited, case)
    letter.label = "Betreff:" if rng.random() < 0.3 else ""
    letter.style = rng.choice(("bold", "bold", "bold", "underline", "both"))
    letter.subject = tuple(hyphenated_wrap(matter, rng.choice((250.0, 300.0, 360.0)), ff.BOLD, 11))
    letter.refinement = tuple(hyphenated_wrap(f"hier: {refinement}", 380.0, ff.BOLD, 11)) if refinement else ()
    if rng.random() < 0.5:
        letter.salutation = "Sehr geehrte Damen und Herren,"
    first = vt.pick(rng, CITING).format(cited=cited)
    opening = f"{first} {vt.paragraph(rng, (1, 3))}"
    letter.body = (opening, *(vt.paragraph(rng) for _ in range(rng.randint(0, 2))))
    if rng.random() < 0.5:
        letter.closing = ("Mit freundlichen Grüßen", "Im Auftrag")
    title = " ".join([matter, *(["hier: " + refinement] if refinement else [])])
    letter.golden = {
        "title": title,
        "document_type": "Brief",
        "originator": letter.head[0],
        "date": dated.isoformat(),
        "justification": "\n\n".join(letter.body),
    }
    return letter


def render(letter: Letter, producer: str, size: float, lead: float, out: Path) -> None:
    """Lay ``letter`` out on A4 pages and write the PDF with ``producer``."""
    flow = template_flow.Flow(left=70, right=530, body=size, lead=lead)
    flow.y = 790
    flow.line(letter.head[0], font=ff.BOLD, size=12, lead=15)
    for line in letter.head[1:]:
        flow.line(line, size=10, lead=12.5)
    flow.space(40)
    top = flow.y
    for line in letter.receiver:
        flow.line(line)
    y = top
    for label, value in letter.info:
        if letter.hand_day is not None and label == "Datum:":
            flow.ops.append(fp.Text(360, y, label, ff.REG, size))
            at = 360 + ff.width(label + " ", ff.REG, size)
            flow.ops.append(fp.Text(at, y + 2, letter.hand_day, ff.BOLD, size + 2))
            flow.ops.append(fp.Text(at + ff.width(letter.hand_day, ff.BOLD, size + 2), y, value[2:], ff.REG, size))
        else:
            flow.ops.append(fp.Text(360, y, f"{label} {value}".strip(), ff.REG, size))
        y -= lead
    flow.y = min(flow.y, y) - 2 * lead
    bold = ff.BOLD if letter.style != "underline" else ff.REG
    x = 70.0
    if letter.label:
        flow.ops.append(fp.Text(70, flow.y, letter.label, bold, 11))
        x += ff.width(letter.label + " ", bold, 11)
    for line in (*letter.subject, *letter.refinement):
        if letter.style != "bold":
            flow.ops.append(fp.Rule(x, flow.y - 2, x + ff.width(line, bold, 11), flow.y - 2, 0.6))
        flow.line(line, x=x, font=bold, size=11, lead=14)
    flow.space(lead)
    if letter.salutation:
        flow.para(letter.salutation, after=lead * 0.6)
    for text in letter.body:
        flow.para(text, after=lead * 0.6)
    if letter.closing:
        flow.space(lead * 0.5)
        flow.para(letter.closing[0], after=lead * 2.5)
        for line in letter.closing[1:]:
            flow.line(line)
    pages = flow.finish(header=None, footer=None)
    template_flow.render(producer, flow, pages, template_flow.Meta(letter.golden["title"], ""), out)


def office_letter(
    rng: random.Random, out: Path, font: str, size_lead: Callable[[random.Random], tuple[float, float]]
) -> tuple[Letter, int]:
    """Draw and render one letter; returns it with its page count."""
    size, lead = size_lead(rng)
    letter = draw(rng)
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"
    render(letter, producer, size, lead, out)
    return letter, template_flow.page_count(out)
