"""The ``vermerk`` variant family (built only when named): an internal memo of a city's
administration (Vermerk, Aktenvermerk, Gesprächsvermerk, Hausmitteilung, Mitteilung an ...) as
council archives hold them, drawn from a ``random.Random``.

A memo is written for the file or for another office, not for a council: its head names the city
and the office (on lines of their own, or on one line joined by dashes or a comma: "Stadt Köln –
Der Oberbürgermeister – Amt für Straßen und Verkehrsentwicklung", "Stadtverwaltung Mainz,
Dezernat IV"), the memo's heading stands in large bold type ("Aktenvermerk", "Mitteilung an das
Dezernat II"), a block of labels follows in varied forms and order ("Datum:", "Az.:" or
"Aktenzeichen:", "Verfasser/in:", "Bearbeiter:", "Telefon:", "An:", "Von:", "Gespräch am:" with
the conversation's own day, "Teilnehmer:"), as a two-column ruled table or as plain lines at a tab
stop, the subject after "Betreff:", "Betr.:" or "Thema:" (in the block or under it, or as a bold
line without a label), the date as "12.03.2024", "12. März 2024" or on a line of its own
("Köln, den 12.03.2024"), then paragraphs, numbered or plain, sometimes under "Sachverhalt:" and
followed by "Ergebnis:" and "Weiteres Vorgehen:", the signature ("Im Auftrag", "i. A." or "gez."
over a name) and now and then a "Verteiler:" and an "Anlagen:" list; one to three pages.

Goldens follow the office families: the subject as title, the type as printed in the heading
("Interner Vermerk", "Aktenvermerk"; "Mitteilung an ..." is a "Mitteilung"), the office (the Amt,
else the Dezernat) as originator as the Vorlage families of an administration have it, the memo's
own date (never the conversation's or a cited one), body null (a memo is addressed to offices and
persons, no council body), no number (an Aktenzeichen is a file reference, no paper number),
attachments from the "Anlagen:" list, and the running text as justification: every paragraph in
reading order, numbered ones with their printed label, the headings within the text ("Ergebnis:")
as paragraphs of their own as the other families keep sub-headings, without a "Sachverhalt:"
opening the text, the signature and the distribution list.
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
#: (city as the head prints it, the place of a date line, the executive line or "").
CITIES = (
    ("Stadt Köln", "Köln", "Der Oberbürgermeister"), ("Stadtverwaltung Mainz", "Mainz", ""),
    ("Landeshauptstadt Düsseldorf", "Düsseldorf", "Der Oberbürgermeister"), ("Stadt Münster", "Münster", ""),
    ("Stadt Freiburg im Breisgau", "Freiburg", ""), ("Stadt Bochum", "Bochum", "Der Oberbürgermeister"),
    ("Stadtverwaltung Trier", "Trier", ""), ("Stadt Leipzig", "Leipzig", "Die Oberbürgermeisterin"),
)
DEZERNATE = (
    "Dezernat II", "Dezernat IV", "Dezernat VI", "Dezernat für Planen und Bauen", "Dezernat Umwelt und Mobilität",
)
AEMTER = (
    "Amt für Straßen und Verkehrsentwicklung", "Amt für Stadtentwicklung und Statistik", "Umweltamt",
    "Amt für Schulentwicklung", "Tiefbauamt", "Amt für Liegenschaften", "Grünflächenamt",
    "Amt für Gebäudewirtschaft", "Stadtplanungsamt", "Amt für Feuerschutz und Rettungsdienst",
)
#: The memo's heading and its golden type ("Mitteilung an ..." names its addressee).
KINDS = (
    ("Vermerk", "Vermerk"), ("Aktenvermerk", "Aktenvermerk"), ("Interner Vermerk", "Interner Vermerk"),
    ("Gesprächsvermerk", "Gesprächsvermerk"), ("Hausmitteilung", "Hausmitteilung"),
    ("Mitteilung an {to}", "Mitteilung"), ("Vermerk", "Vermerk"), ("Aktenvermerk", "Aktenvermerk"),
)
#: Addressees within the administration: offices and persons, never a council body.
RECIPIENTS = (
    "Dezernat II", "Amt 61", "Herrn Beigeordneten Schulz", "Frau Amtsleiterin Keller", "Rechnungsprüfungsamt",
    "Kämmerei", "Büro des Oberbürgermeisters", "Amt für Personal und Organisation",
)
#: Subjects of memos: a matter, sometimes with "hier:" and a narrower point.
MATTERS = (
    "Sanierung der Brücke über den Mühlenbach", "Verkehrsberuhigung in der {street}",
    "Ortstermin an der Grundschule {district}", "Beschwerde über Lärm an der Baustelle {street}",
    "Abstimmung zur Vergabe der Reinigungsleistungen", "Baumfällungen im Stadtpark",
    "Personalbedarf im Bürgeramt {district}", "Übergabe der Kindertagesstätte am {street}",
    "Fördermittel für den Radweg entlang der {street}", "Besprechung mit der Feuerwehr zum Brandschutz im Rathaus",
)
POINTS = (
    "Ergebnis der Besprechung vom {cited}", "Stand der Planung", "Rückfragen des Rechnungsprüfungsamts",
    "Kostenfortschreibung", "Zeitplan", "Anhörung der Anwohner",
)
#: Sentences of a memo that cite other dates: none of them is the memo's date.
CITING = (
    "Am {cited} fand ein Gespräch mit den Beteiligten im Technischen Rathaus statt.",
    "Mit E-Mail vom {cited} hat das Planungsbüro den überarbeiteten Entwurf übersandt.",
    "Auf den Vermerk vom {cited} wird Bezug genommen.",
    "Die Ortsbesichtigung am {cited} hat die Angaben der Anwohner bestätigt.",
)
RESULTS = (
    "Die Beteiligten waren sich einig, die Maßnahme in der vorgestellten Form weiterzuverfolgen.",
    "Eine abschließende Entscheidung wurde nicht getroffen; die offenen Fragen werden schriftlich geklärt.",
    "Das Amt übernimmt die Abstimmung mit den Versorgungsträgern und berichtet bis zum {later}.",
    "Die Kostenschätzung wird bis zum {later} fortgeschrieben und dem Dezernat vorgelegt.",
)
NEXT_STEPS = (
    "Die Unterlagen werden dem Rechnungsprüfungsamt zur Prüfung vorgelegt.",
    "Ein weiterer Termin wird für den {later} vereinbart.",
    "Die Verwaltung bereitet eine Vorlage für den Ausschuss vor.",
    "Die Anwohner werden mit einem Schreiben über das Ergebnis unterrichtet.",
)
ATTACHMENTS = ("Teilnehmerliste", "Lageplan", "Fotodokumentation", "Kostenschätzung", "Präsentation", "Zeitplan")
DISTRIBUTION = ("Dezernat II", "Amt 61", "Amt 66", "Rechnungsprüfungsamt", "Kämmerei", "Akte", "Wiedervorlage")
# fmt: on


@dataclass
class Memo:
    """What a memo prints, in reading order, and its golden values."""

    head: tuple[str, ...] = ()  # the head's lines as printed
    heading: str = ""
    labels: list[tuple[str, str]] = field(default_factory=list)  # the label block, in order
    table: bool = False  # the label block as a ruled two-column table
    date_line: str | None = None  # "Köln, den 12.03.2024" at the right, above the heading
    subject: tuple[str, str] | None = None  # (label, title) under the block; label "" for a bold line
    sections: list[tuple[str | None, list[str]]] = field(default_factory=list)  # (heading, paragraphs)
    signature: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    golden: dict[str, Any] = field(default_factory=dict)


def _date(rng: random.Random, dated: dt.date) -> str:
    """The memo's date as a label's value: numeric or with the month's name."""
    return vt.de_date(dated) if rng.random() < 0.65 else vt.long_date(dated)


def _head(rng: random.Random) -> tuple[tuple[str, ...], str, str]:
    """The head's lines, the originator (the Amt, else the Dezernat) and the place."""
    city, place, executive = CITIES[rng.randrange(len(CITIES))]
    dezernat = vt.pick(rng, DEZERNATE) if rng.random() < 0.5 else None
    amt = vt.pick(rng, AEMTER) if rng.random() < 0.75 or dezernat is None else None
    units = [unit for unit in (dezernat, amt) if unit]
    originator = amt or dezernat or ""
    parts = [city, *([executive] if executive and rng.random() < 0.6 else []), *units]
    form = rng.random()
    if form < 0.45:
        return tuple(parts), originator, place
    separator = " – " if form < 0.8 else ", "
    return (separator.join(parts),), originator, place


def draw(rng: random.Random) -> Memo:
    """A memo with its golden values."""
    memo = Memo()
    memo.head, originator, place = _head(rng)
    heading, kind = KINDS[rng.randrange(len(KINDS))]
    memo.heading = heading.format(to=rng.choice(("das Dezernat II", "den Oberbürgermeister", "Amt 61", "die Kämmerei")))
    dated = vt.day(rng)
    cited = vt.de_date(dated - dt.timedelta(days=rng.randint(2, 40)))
    later = vt.de_date(vt.later(rng, dated, 10, 60))
    matter = vt.pick(rng, MATTERS).format(street=vt.pick(rng, vt.STREETS), district=vt.pick(rng, vt.DISTRICTS))
    title = matter
    if rng.random() < 0.3:
        title += f" hier: {vt.pick(rng, POINTS).format(cited=cited)}"
    author = vt.person(rng)
    labels: list[tuple[str, str]] = []
    date_form = rng.random()
    if date_form < 0.7:
        labels.append(("Datum:", _date(rng, dated)))
    else:
        memo.date_line = f"{place}, {'den ' if rng.random() < 0.6 else ''}{_date(rng, dated)}"
    if rng.random() < 0.6:
        reference = rng.choice(("Az.:", "Aktenzeichen:", "Az:"))
        labels.append((reference, f"{rng.randint(10, 69)}/{rng.randint(1, 9)}-{rng.randint(100, 999)}/{dated.year}"))
    if rng.random() < 0.7:
        labels.append((rng.choice(("Verfasser:", "Verfasser/in:", "Bearbeiter:", "Bearbeiterin:", "Von:")), author))
    if rng.random() < 0.4:
        labels.append(("Telefon:", f"{rng.randint(200, 899)}-{rng.randint(1000, 9999)}"))
    if kind not in ("Mitteilung",) and rng.random() < 0.45:
        labels.append(("An:", vt.pick(rng, RECIPIENTS)))
    if kind == "Gesprächsvermerk" or rng.random() < 0.15:
        labels.append(("Gespräch am:", cited))
        names = ", ".join(vt.person(rng) for _ in range(rng.randint(2, 4)))
        labels.append(("Teilnehmer:", names))
    if len(labels) > 1 and rng.random() < 0.4:
        rng.shuffle(labels)
    subject_form = rng.random()
    if subject_form < 0.45:
        labels.append((rng.choice(("Betreff:", "Betr.:", "Thema:")), title))
    elif subject_form < 0.8:
        memo.subject = (rng.choice(("Betreff:", "Betr.:", "Thema:")), title)
    else:
        memo.subject = ("", title)
    memo.labels = labels
    memo.table = rng.random() < 0.4
    numbered = rng.random() < 0.35
    paragraphs = [f"{vt.pick(rng, CITING).format(cited=cited)} {vt.paragraph(rng, (1, 3))}"]
    paragraphs += [vt.paragraph(rng) for _ in range(rng.randint(1, rng.choice((3, 5, 14))))]
    if numbered:
        paragraphs = [f"{i}. {text}" for i, text in enumerate(paragraphs, start=1)]
    memo.sections = [("Sachverhalt:" if rng.random() < 0.3 else None, paragraphs)]
    if rng.random() < 0.5:
        memo.sections.append(("Ergebnis:", [vt.pick(rng, RESULTS).format(later=later)]))
    if rng.random() < 0.4:
        memo.sections.append(("Weiteres Vorgehen:", [vt.pick(rng, NEXT_STEPS).format(later=later)]))
    opener = rng.choice(("Im Auftrag", "i. A.", "gez.", ""))
    memo.signature = (f"{opener} {author}".strip(),) if opener != "Im Auftrag" else (opener, author)
    if rng.random() < 0.35:
        memo.distribution = tuple(rng.sample(DISTRIBUTION, rng.randint(2, 4)))
    if rng.random() < 0.35:
        memo.attachments = tuple(rng.sample(ATTACHMENTS, rng.randint(1, 3)))
    memo.golden = {
        "title": title,
        "document_type": kind,
        "originator": originator,
        "date": dated.isoformat(),
        "attachments": list(memo.attachments),
    }
    return memo


def justification(memo: Memo) -> str:
    """The golden running text: every paragraph in reading order, the headings within it
    ("Ergebnis:") as paragraphs of their own as in the other families, but not a "Sachverhalt:"
    opening it (the text's own label, as a Vorlage's "Begründung")."""
    parts: list[str] = []
    for k, (heading, paragraphs) in enumerate(memo.sections):
        if heading and k:
            parts.append(heading)
        parts += paragraphs
    return "\n\n".join(parts)


def render(memo: Memo, size: float, lead: float, out: Path) -> None:
    """Lay ``memo`` out on A4 pages with reportlab."""
    left, right = 70.0, 525.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=780)
    flow.y = 795
    for k, line in enumerate(memo.head):
        for part in ff.wrap(line, right - left, ff.BOLD if k == 0 else ff.REG, size + (1.5 if k == 0 else 0)):
            flow.line(part, font=ff.BOLD if k == 0 else ff.REG, size=size + (1.5 if k == 0 else 0), lead=size * 1.35)
    flow.ops.append(fp.Rule(left, flow.y + size * 0.6, right, flow.y + size * 0.6, 0.5))
    flow.space(lead * 1.5)
    if memo.date_line:
        flow.ops.append(fp.Text(right, flow.y, memo.date_line, ff.REG, size, "right"))
        flow.space(lead * 1.8)
    heading_size = size + 7
    flow.line(memo.heading, font=ff.BOLD, size=heading_size, lead=heading_size * 1.4)
    flow.space(lead * 0.4)
    small = size - 0.5
    if memo.labels:
        label_w = max(ff.width(label, ff.REG, small) for label, _ in memo.labels) + 14
        if memo.table:
            rows = [[label, value] for label, value in memo.labels]
            flow.table((label_w + 4, right - left - label_w - 4), rows, size=small, lead=small * 1.3)
        else:
            for label, value in memo.labels:
                lines = ff.wrap(value, right - left - label_w, ff.REG, small)
                flow.ensure(lead * len(lines))
                flow.ops.append(fp.Text(left, flow.y, label, ff.REG, small))
                for line in lines:
                    flow.line(line, x=left + label_w, size=small, lead=small * 1.35)
            flow.space(lead)
    if memo.subject is not None:
        label, title = memo.subject
        if label:
            tab = left + ff.width(label, ff.BOLD, size) + 10
            flow.ops.append(fp.Text(left, flow.y, label, ff.BOLD, size))
            flow.para(title, x=tab, font=ff.BOLD, after=lead)
        else:
            flow.para(title, font=ff.BOLD, after=lead)
    for heading, paragraphs in memo.sections:
        if heading:
            flow.heading(heading, size=size, before=lead * 0.3, after=lead * 0.1)
        for text in paragraphs:
            flow.para(text, after=lead * 0.6)
    flow.space(lead)
    flow.ensure(lead * (len(memo.signature) + 2))
    if len(memo.signature) == 2:
        flow.line(memo.signature[0])
        flow.space(lead * 1.5)
        flow.line(memo.signature[1])
    else:
        flow.space(lead * 1.2)
        flow.line(memo.signature[0])
    if memo.attachments:
        flow.space(lead * 0.5)
        template_flow.attachment_list(flow, memo.attachments)
    if memo.distribution:
        flow.space(lead * 0.5)
        flow.heading("Verteiler:", size=size, before=lead * 0.3, after=0)
        for name in memo.distribution:
            flow.line(name)
    pages = flow.finish(header=None, footer="Seite {n} von {m}" if len(flow.pages) > 1 else None)
    template_flow.render("reportlab", flow, pages, template_flow.Meta(memo.golden["title"], ""), out)


def vermerk_memo(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one memo to ``out`` in the face the caller chose, cut to three pages;
    returns its golden fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    memo = draw(rng)

    def shrink() -> bool:
        # Drop the last plain paragraph of the first section while the memo runs over three pages.
        first = memo.sections[0][1]
        if len(first) <= 1:
            return False
        first.pop()
        return True

    def write() -> Path:
        render(memo, size, lead, out)
        return out

    template_flow.render_within(write, shrink, 3)
    return {**memo.golden, "justification": justification(memo)}
