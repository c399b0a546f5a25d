"""The ``form-paper`` variant family (built only when named): papers filled into fillable PDF forms.

Councils and Beiräte hand out fillable forms for Anträge, Anfragen, Bürger- and Einwohneranträge,
Stellungnahmen and Beschlussvorlagen: the labels and the frame are printed, the values live in
AcroForm fields. Each paper is a form of one town (its letterhead, its labels) in one of three
layouts: a ruled grid (label cell left, field right), labels over their field boxes, or labels
over boxes under numbered section bars. Rows: the paper's kind (printed in the heading, or a row
of check boxes "Antrag / Anfrage / Stellungnahme"), the number (often left empty for the office
to fill), the date (in one of several formats), the addressee (council or committee), who files
(a faction, a person, an office; maybe a contact person beside), the subject, public or not (check
boxes or a radio group), "Finanzielle Auswirkungen ja/nein", the proposal (numbered items, or one
sentence), the reasons (now and then a page of their own), the attachments, and a signature field
left empty. One to three pages.

The fields are drawn by reportlab's ``acroForm`` (text fields, check boxes, radio groups); their
appearance streams are then written as a form filler writes them (the text wrapped in the box,
only the lines that fit) with pikepdf. The values are kept

- ``fields``: in the fields only (the page's content holds the labels and the frame),
- ``no-appearance``: in the fields' /V only, without appearance streams (/NeedAppearances),
- ``flattened``: drawn into the page as a flattening tool draws the appearances, no fields left,
- ``mixed``: each field flattened or not.

A multi-line field's box is now and then smaller than its text, which then scrolls: the field's
value (/V) holds the whole text, the appearance only the lines that fit.

Golden conventions:

- A field's value is the paper's content where the file keeps the field: its whole /V, also where
  the box shows only a part. Where the field was flattened the file keeps only what was drawn: a
  multi-line field's visible lines, a single line's words that fit its box (the rest is gone).
- ``document_type`` is the form's kind as its heading prints it, or the ticked box of the kind row;
  ``checkboxes`` are the form's box groups in print order (the kind row, "Behandlung", "Finanzielle
  Auswirkungen"), each option as printed; ``public`` from the ticked box of that group, else null.
- ``number`` the number field's value (null when left empty), ``date`` the date field's, ``body``
  the addressee's, ``originator`` who files, ``faction`` the originator when it names a Fraktion.
- ``title`` the subject field's text; ``resolution_proposal`` the proposal field's items (numbered
  "1." lines, else one item without number); ``justification`` the reasons field's paragraphs;
  ``attachments`` the attachment field's lines. The contact person, address and signature are no field.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from reportlab.lib.colors import black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import fixture_fonts as ff
import variant_text as vt

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 56.0, 539.0, 60.0, 60.0
FIELD_FONT = "Helvetica"
MODES = ("fields", "fields", "no-appearance", "flattened", "mixed", "mixed")
LAYOUTS = ("grid", "stacked", "sections")

# fmt: off
#: (the letterhead's town, the council as an address names it, a system line under the head).
TOWNS = (
    ("Stadt Lüneburg", "Rat der Stadt Lüneburg", "Formularservice Rat und Ausschüsse"),
    ("Hansestadt Wismar", "Bürgerschaft der Hansestadt Wismar", "Büro der Bürgerschaft"),
    ("Stadt Göttingen", "Rat der Stadt Göttingen", "Ratsbüro · Formular 04"),
    ("Gemeinde Kirchlengern", "Rat der Gemeinde Kirchlengern", "Sitzungsdienst"),
    ("Stadt Offenburg", "Gemeinderat der Stadt Offenburg", "Geschäftsstelle Gemeinderat"),
    ("Stadt Jena", "Stadtrat der Stadt Jena", "Büro Stadtrat"),
    ("Landeshauptstadt Potsdam", "Stadtverordnetenversammlung Potsdam", "Büro der Stadtverordnetenversammlung"),
    ("Stadt Fürth", "Stadtrat Fürth", "Sitzungsdienst · Vordruck"),
    ("Stadt Delmenhorst", "Rat der Stadt Delmenhorst", "Ratsangelegenheiten"),
    ("Kreisstadt Unna", "Rat der Kreisstadt Unna", "Gremienbüro"),
)
#: (the kind row's group label, its options).
KIND_ROWS = (
    ("Art:", ("Antrag", "Anfrage", "Stellungnahme")),
    ("Art der Eingabe:", ("Antrag", "Anfrage", "Änderungsantrag", "Stellungnahme")),
    ("Vorlagenart:", ("Antrag", "Anfrage", "Stellungnahme")),
)
#: Headings of forms that print their kind, and of forms whose kind is a row of boxes.
KIND_HEADINGS = ("Antrag", "Anfrage", "Einwohnerantrag", "Bürgerantrag", "Stellungnahme", "Beschlussvorlage")
NEUTRAL_HEADINGS = ("Eingabe an die Gremien", "Formular Ratsangelegenheiten", "Eingabe zur Sitzung",
                    "Vordruck für Eingaben der Fraktionen")
NUMBER_LABELS = ("Drucksache-Nr.:", "Vorlage-Nr.:", "Drucksachen-Nr.:", "Nr.:")
NUMBER_NOTES = ("(wird von der Verwaltung vergeben)", "(vom Ratsbüro auszufüllen)", "")
DATE_LABELS = ("Datum:", "Datum der Eingabe:", "Eingereicht am:")
BODY_LABELS = ("An:", "Gremium:", "Adressat:", "Beratung im:")
TITLE_LABELS = ("Betreff:", "Thema:", "Gegenstand:", "Betreff / Thema:")
PROPOSAL_LABELS = ("Beschlussvorschlag:", "Antragstext:", "Der Rat möge beschließen:", "Beschlussempfehlung:")
REASON_LABELS = ("Begründung:", "Sachverhalt / Begründung:", "Erläuterung:", "Sachverhalt:")
ATTACHMENT_LABELS = ("Anlagen:", "Anlage(n):")
SIGNATURE_LABELS = ("Unterschrift:", "Unterschrift Antragsteller/in:", "Unterzeichnet:")
PUBLIC_LABELS = ("Behandlung:", "Sitzungsteil:", "Beratung:")
FINANCE_LABELS = ("Finanzielle Auswirkungen:", "Haushaltsrelevant:", "Kosten:")
ATTACHMENTS = ("Lageplan", "Fotodokumentation", "Kostenschätzung", "Stellungnahme des Ortsbeirates",
               "Unterschriftenliste", "Übersichtskarte", "Schreiben der Anwohnerinitiative")
# fmt: on


@dataclass
class Row:
    """One row of the form: a text field, a group of boxes or a section bar."""

    kind: str  # "text", "boxes", "bar", "signature"
    label: str
    name: str = ""
    value: str = ""
    multiline: bool = False
    #: The box's height in text lines (multi-line fields), or None: as many as the text needs.
    lines: int | None = None
    options: tuple[tuple[str, bool], ...] = ()
    radio: bool = False
    note: str = ""


@dataclass
class Paper:
    """A form and what was filled into it."""

    town: tuple[str, str, str]
    heading: str
    rows: list[Row]
    layout: str
    mode: str
    label_size: float
    field_size: float
    golden: dict[str, Any] = field(default_factory=dict)


def _date_text(rng: random.Random, date: dt.date) -> str:
    """The date as a form filler types it."""
    style = rng.randrange(6)
    if style == 0:
        return f"{date.day}.{date.month}.{date.year}"
    if style == 1:
        return date.isoformat()
    if style == 2:
        return f"{date.day:02d}.{date.month:02d}.{date.year % 100:02d}"
    if style == 3:
        return vt.long_date(date)
    return vt.de_date(date)


def _number(rng: random.Random, year: int) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"AN/{year}/{rng.randint(1, 399):04d}"
    if style == 1:
        return f"{rng.randint(1, 999):04d}/{year % 100:02d}"
    if style == 2:
        return f"VO/{year}/{rng.randint(100, 999)}"
    return f"{year}/{rng.randint(10, 899)}"


def draw(rng: random.Random) -> Paper:
    """Draw a form's layout and content."""
    town = TOWNS[rng.randrange(len(TOWNS))]
    date = vt.day(rng)
    kind_row = rng.random() < 0.45
    citizen = False
    if kind_row:
        group, options = KIND_ROWS[rng.randrange(len(KIND_ROWS))]
        kind = vt.pick(rng, options)
        heading = vt.pick(rng, NEUTRAL_HEADINGS)
    else:
        group, options = "", ()
        kind = vt.pick(rng, KIND_HEADINGS)
        heading = kind if rng.random() < 0.6 else f"{kind} an den {town[1].split(' der ')[0]}"
        citizen = kind in ("Einwohnerantrag", "Bürgerantrag")
    if kind == "Beschlussvorlage":
        originator = vt.pick(rng, vt.OFFICES)
        who_label = vt.pick(rng, ("Federführendes Amt:", "Einreicher:", "Fachbereich:"))
    elif citizen:
        originator = vt.person(rng)
        who_label = vt.pick(rng, ("Antragsteller/in:", "Name, Vorname:", "Einreicher/in:"))
    else:
        originator = vt.pick(rng, vt.FACTIONS)
        who_label = vt.pick(rng, ("Antragsteller:", "Fraktion/Gruppe:", "Einreicher:", "Fraktion:"))
    body = town[1] if rng.random() < 0.6 else vt.committee(rng)
    number = _number(rng, date.year) if rng.random() < 0.55 else ""
    title = vt.title(rng, rng.randint(5, 22))
    proposes = kind in ("Antrag", "Einwohnerantrag", "Bürgerantrag", "Beschlussvorlage", "Änderungsantrag")
    if proposes:
        if rng.random() < 0.7:
            items = vt.resolution_items(rng, rng.randint(1, 5), "1.")
            proposal = "\n".join(f"{label} {text}" for label, text in items)
        else:
            proposal = vt.sentence(rng)
    else:
        proposal = ""
    # Mostly a few paragraphs; now and then reasons that take a page of their own (three pages).
    count = rng.randint(1, 4) if rng.random() < 0.8 else rng.randint(5, 9)
    reasons = "\n\n".join(vt.paragraph(rng) for _ in range(count))
    rows: list[Row] = []
    sections = iter(("1. Angaben zur Eingabe", "2. Inhalt", "3. Begründung", "4. Abschluss"))
    layout = vt.pick(rng, LAYOUTS)

    def bar() -> None:
        if layout == "sections":
            rows.append(Row("bar", next(sections)))

    bar()
    if kind_row:
        rows.append(Row("boxes", group, name="art", options=tuple((o, o == kind) for o in options)))
    number_row = Row("text", vt.pick(rng, NUMBER_LABELS), "nummer", number, note=vt.pick(rng, NUMBER_NOTES))
    date_row = Row("text", vt.pick(rng, DATE_LABELS), "datum", _date_text(rng, date))
    order = [number_row, date_row] if rng.random() < 0.5 else [date_row, number_row]
    rows += order
    rows.append(Row("text", vt.pick(rng, BODY_LABELS), "gremium", body))
    rows.append(Row("text", who_label, "einreicher", originator))
    if rng.random() < 0.35:
        label = "Anschrift:" if citizen else vt.pick(rng, ("Ansprechpartner/in:", "Kontakt:"))
        value = f"{vt.pick(rng, vt.STREETS)} {rng.randint(1, 80)}" if citizen else vt.person(rng)
        rows.append(Row("text", label, "kontakt", value))
    public: bool | None = None
    if rng.random() < 0.75:
        public = rng.random() < 0.8
        options_pub = (("öffentlich", public), ("nicht öffentlich", not public))
        rows.append(Row("boxes", vt.pick(rng, PUBLIC_LABELS), "status", options=options_pub, radio=rng.random() < 0.5))
    bar()
    title_multi = rng.random() < 0.7
    rows.append(Row("text", vt.pick(rng, TITLE_LABELS), "betreff", title, multiline=title_multi))
    if proposes or rng.random() < 0.3:
        rows.append(Row("text", vt.pick(rng, PROPOSAL_LABELS), "beschlussvorschlag", proposal, multiline=True))
    finance: bool | None = None
    if rng.random() < 0.6:
        finance = rng.random() < 0.4
        rows.append(
            Row("boxes", vt.pick(rng, FINANCE_LABELS), "finanzen", options=(("ja", finance), ("nein", not finance)))
        )
    bar()
    rows.append(Row("text", vt.pick(rng, REASON_LABELS), "begruendung", reasons, multiline=True))
    attachments: list[str] = []
    if rng.random() < 0.3:
        attachments = rng.sample(ATTACHMENTS, rng.randint(1, 3))
        rows.append(Row("text", vt.pick(rng, ATTACHMENT_LABELS), "anlagen", "\n".join(attachments), multiline=True))
    bar()
    if rng.random() < 0.75:
        rows.append(Row("signature", vt.pick(rng, SIGNATURE_LABELS), "unterschrift"))
    # Now and then a box smaller than its text: the field scrolls.
    for row in rows:
        if row.multiline and row.name in ("begruendung", "beschlussvorschlag") and rng.random() < 0.2:
            row.lines = -1  # set when drawn: fewer lines than the text needs
    paper = Paper(
        town=town,
        heading=heading,
        rows=rows,
        layout=layout,
        mode=vt.pick(rng, MODES),
        label_size=rng.choice((9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0)),
        field_size=rng.choice((9.0, 10.0, 10.0, 11.0)),
    )
    paper.golden = {
        "document_type": kind,
        "public": public,
        "body": body,
        "originator": originator,
        "faction": originator if "Fraktion" in originator else None,
        "date": date.isoformat(),
        "checkboxes": [
            {
                "label": row.label.rstrip(":"),
                "options": [{"label": o, "checked": c} for o, c in row.options],
                "selected": next(o for o, c in row.options if c),
            }
            for row in rows
            if row.kind == "boxes"
        ],
        "links": [],
        "consultations": [],
        "finances": None,
        "attachments": attachments,
    }
    del finance
    return paper


# -- layout of a field's text ---------------------------------------------------------------------


def field_lines(value: str, width: float, size: float) -> list[str]:
    """The lines a form filler draws ``value`` in: each paragraph wrapped at ``width`` in the
    field font, an empty paragraph an empty line."""
    lines: list[str] = []
    for part in value.split("\n"):
        if not part.strip():
            lines.append("")
            continue
        lines += ff.wrap(part, width, FIELD_FONT, size) or [""]
    return lines


def visible_value(value: str, width: float, size: float, count: int) -> str:
    """What ``count`` lines of the field show of ``value``, with its line structure kept."""
    shown: list[str] = []
    left = count
    for part in value.split("\n"):
        if left <= 0:
            break
        lines = field_lines(part, width, size) if part.strip() else [""]
        shown.append(" ".join(lines[:left]))
        left -= len(lines)
    return "\n".join(shown).rstrip("\n")


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def appearance(lines: Sequence[str], width: float, height: float, size: float, multiline: bool) -> bytes:
    """A text field's appearance stream as form fillers write it: the lines that fit, clipped."""
    lead = size * 1.15
    ops = ["/Tx BMC", "q", f"1 1 {width - 2:.2f} {height - 2:.2f} re W n", "BT", f"/Helv {size:g} Tf", "0 g"]
    if multiline:
        y = height - 2 - size
        first = True
        for line in lines:
            if y < 1 - size * 0.25:
                break
            ops.append(f"2 {y:.2f} Td" if first else f"0 {-lead:.2f} Td")
            first = False
            ops.append(f"({_pdf_text(line)}) Tj")
            y -= lead
    else:
        ops.append(f"2 {(height - size * 0.78) / 2:.2f} Td")
        ops.append(f"({_pdf_text(' '.join(lines))}) Tj")
    ops += ["ET", "Q", "EMC"]
    return "\n".join(ops).encode("cp1252")


# -- rendering ------------------------------------------------------------------------------------


@dataclass
class Placed:
    """A text field as placed: its page, box (PDF coordinates, bottom-left origin) and lines."""

    row: Row
    page: int
    x: float
    y: float
    w: float
    h: float
    flat: bool


@dataclass
class Drawn:
    """What was drawn: the text fields and the signature boxes, by page."""

    fields: list[Placed] = field(default_factory=list)
    signatures: list[tuple[int, float, float, float, float]] = field(default_factory=list)


def render(paper: Paper, rng: random.Random, out: Path) -> dict[str, str]:
    """Draw the form and its fields; returns each text field's value as the paper keeps it."""
    c = Canvas(str(out), pagesize=A4, invariant=1)
    size = paper.label_size
    fsize = paper.field_size
    lead = fsize * 1.15
    label_w = rng.choice((120.0, 135.0, 150.0)) if paper.layout == "grid" else 0.0
    drawn = Drawn()
    page = 1
    flat_all = paper.mode == "flattened"
    y = PAGE_H - TOP

    def head() -> float:
        c.setFont(ff.BOLD, size + 2)
        c.drawString(LEFT, PAGE_H - TOP + 8, paper.town[0])
        c.setFont(ff.REG, size - 1)
        c.drawRightString(RIGHT, PAGE_H - TOP + 8, paper.town[2])
        c.setLineWidth(0.8)
        c.line(LEFT, PAGE_H - TOP + 2, RIGHT, PAGE_H - TOP + 2)
        return PAGE_H - TOP - 8

    y = head()
    c.setFont(ff.BOLD, size + 6)
    c.drawString(LEFT, y - size - 6, paper.heading)
    y -= size + 22

    def new_page() -> None:
        nonlocal y, page
        c.showPage()
        page += 1
        c.setFont(ff.REG, size - 1)
        c.drawRightString(RIGHT, PAGE_H - 30, f"Seite {page}")
        y = PAGE_H - TOP

    def is_flat() -> bool:
        return flat_all or (paper.mode == "mixed" and rng.random() < 0.5)

    def box_widget(name: str, x: float, top: float, checked: bool, radio: bool, value: str, flat: bool) -> None:
        side = 9.0
        if flat:
            c.setLineWidth(0.6)
            if radio:
                c.circle(x + side / 2, top - side / 2, side / 2, stroke=1, fill=0)
                if checked:
                    c.circle(x + side / 2, top - side / 2, side / 4, stroke=0, fill=1)
            else:
                c.rect(x, top - side, side, side, stroke=1, fill=0)
                if checked:
                    c.line(x + 1.5, top - side + 1.5, x + side - 1.5, top - 1.5)
                    c.line(x + 1.5, top - 1.5, x + side - 1.5, top - side + 1.5)
            return
        common: dict[str, Any] = dict(
            x=x,
            y=top - side,
            size=side,
            borderWidth=0.6,
            borderColor=black,
            fillColor=white,
            textColor=black,
            forceBorder=True,
        )
        if radio:
            c.acroForm.radio(name=name, value=value, selected=checked, buttonStyle="circle", shape="circle", **common)
        else:
            c.acroForm.checkbox(name=name, checked=checked, buttonStyle="cross", shape="square", **common)

    for row in paper.rows:
        if row.kind == "bar":
            if y - size * 3 < BOTTOM:
                new_page()
            c.setFillGray(0.85)
            c.rect(LEFT, y - size - 6, RIGHT - LEFT, size + 6, stroke=0, fill=1)
            c.setFillGray(0)
            c.setFont(ff.BOLD, size)
            c.drawString(LEFT + 4, y - size - 2, row.label)
            y -= size + 14
            continue
        field_x = LEFT + label_w + 4 if paper.layout == "grid" else LEFT
        field_w = RIGHT - field_x - (4 if paper.layout == "grid" else 0)
        if row.kind == "text" and row.multiline:
            lines = field_lines(row.value, field_w - 4, fsize)
            need = max(1, len(lines))
            if row.lines == -1 and need > 2:
                row.lines = max(2, int(need * rng.uniform(0.35, 0.7)))
            count = row.lines if row.lines and row.lines > 0 else need + rng.choice((0, 1, 2, 4))
            height = count * lead + 4
        elif row.kind == "boxes":
            height = size + 8
        else:
            height = max(fsize, size) + 7
        label_h = 0.0 if paper.layout == "grid" else size + 5
        room = y - BOTTOM
        if label_h + height + 6 > room:
            new_page()
            room = y - BOTTOM
            if label_h + height + 6 > room:  # a box higher than a page: it scrolls
                count = int((room - label_h - 10) / lead)
                height = count * lead + 4
                row.lines = count
        # The label.
        c.setFont(ff.REG if paper.layout == "grid" else ff.BOLD, size)
        if paper.layout == "grid":
            c.setLineWidth(0.5)
            c.rect(LEFT, y - height - 6, RIGHT - LEFT, height + 6, stroke=1, fill=0)
            c.line(LEFT + label_w, y - height - 6, LEFT + label_w, y)
            label_lines = ff.wrap(row.label, label_w - 8, ff.REG, size)
            for i, text in enumerate(label_lines):
                c.drawString(LEFT + 4, y - size - 2 - i * size * 1.2, text)
            top = y - 3
        else:
            c.drawString(LEFT, y - size, row.label)
            if row.note and row.kind == "text":
                c.setFont(ff.REG, size - 1.5)
                c.drawString(LEFT + ff.width(row.label, ff.BOLD, size) + 8, y - size, row.note)
            top = y - label_h
        if row.kind == "boxes":
            x = field_x + 2 if paper.layout == "grid" else LEFT + 4
            if paper.layout != "grid":
                top -= 1
            flat = is_flat()  # a group is flattened whole
            for option, checked in row.options:
                name = row.name if row.radio else f"{row.name}_{option.replace(' ', '_')}"
                box_widget(name, x, top - 2, checked, row.radio, option.replace(" ", "_"), flat)
                c.setFont(ff.REG, size)
                c.drawString(x + 13, top - 2 - 8, option)
                x += 13 + ff.width(option, ff.REG, size) + 22
            y = top - height - (6 if paper.layout == "grid" else 4)
            continue
        box_x, box_w = field_x, field_w
        box_y = top - height
        if paper.layout != "grid":
            c.setLineWidth(0.5)
            c.rect(box_x, box_y, box_w, height, stroke=1, fill=0)
        if row.kind == "signature":
            drawn.signatures.append((page, box_x, box_y, box_w, height + 14))
        else:
            drawn.fields.append(Placed(row, page, box_x, box_y, box_w, height, is_flat()))
        y = box_y - (9 if paper.layout == "grid" else 8)
        if row.kind == "signature" and paper.layout != "grid":
            c.setFont(ff.REG, size - 1.5)
            c.drawString(box_x, box_y - size, "Ort, Datum, Unterschrift")
            y -= size
    c.showPage()
    c.save()
    return _fill(out, paper, drawn)


def _fill(out: Path, paper: Paper, drawn: Drawn) -> dict[str, str]:
    """Add the text fields to the PDF (or draw the flattened ones into its pages)."""
    kept: dict[str, str] = {}
    fsize = paper.field_size
    with pikepdf.open(out, allow_overwriting_input=True) as pdf:
        acro = pdf.Root.get("/AcroForm")
        if acro is None:
            acro = pdf.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array()))
            pdf.Root.AcroForm = acro
        font = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
                BaseFont=pikepdf.Name.Helvetica,
                Encoding=pikepdf.Name.WinAnsiEncoding,
            )
        )
        acro.DR = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))
        acro.DA = pikepdf.String("/Helv 0 Tf 0 g")
        if paper.mode == "no-appearance":
            acro.NeedAppearances = True
        for placed in drawn.fields:
            row = placed.row
            page = pdf.pages[placed.page - 1]
            lines = field_lines(row.value, placed.w - 4, fsize) if row.multiline else [row.value]
            shown = row.value
            if row.multiline:
                fit = int((placed.h - 4 + fsize * 0.25) // (fsize * 1.15))
                if len(lines) > fit:
                    shown = visible_value(row.value, placed.w - 4, fsize, fit)
            if placed.flat and not row.multiline:
                # A flattened line shows the words that fit its box: the rest is not on the page.
                words = row.value.split()
                while words and ff.width(" ".join(words), FIELD_FONT, fsize) > placed.w - 4:
                    words.pop()
                shown = lines[0] = " ".join(words)
            stream = appearance(lines, placed.w, placed.h, fsize, row.multiline)
            if placed.flat:
                kept[row.name] = shown
                if not row.value:
                    continue
                xobj = pdf.make_stream(stream)
                xobj.Type = pikepdf.Name.XObject
                xobj.Subtype = pikepdf.Name.Form
                xobj.BBox = pikepdf.Array([0, 0, placed.w, placed.h])
                xobj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))
                name = f"/Fld{len(kept)}"
                resources = page.obj.get("/Resources")
                if "/XObject" not in resources:
                    resources.XObject = pikepdf.Dictionary()
                resources.XObject[name] = xobj
                page.contents_add(
                    pdf.make_stream(f"q 1 0 0 1 {placed.x:.2f} {placed.y:.2f} cm {name} Do Q".encode()), prepend=False
                )
                continue
            kept[row.name] = row.value
            widget = pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Widget,
                FT=pikepdf.Name.Tx,
                T=pikepdf.String(row.name),
                V=pikepdf.String(row.value),
                Rect=pikepdf.Array([placed.x, placed.y, placed.x + placed.w, placed.y + placed.h]),
                F=4,
                Ff=4096 if row.multiline else 0,
                DA=pikepdf.String(f"/Helv {fsize:g} Tf 0 g"),
                P=page.obj,
            )
            if paper.mode != "no-appearance":
                ap = pdf.make_stream(stream)
                ap.Type = pikepdf.Name.XObject
                ap.Subtype = pikepdf.Name.Form
                ap.BBox = pikepdf.Array([0, 0, placed.w, placed.h])
                ap.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))
                widget.AP = pikepdf.Dictionary(N=ap)
            ref = pdf.make_indirect(widget)
            if "/Annots" not in page.obj:
                page.obj.Annots = pikepdf.Array()
            page.obj.Annots.append(ref)
            acro.Fields.append(ref)
        for number, x, y, w, h in drawn.signatures:
            page = pdf.pages[number - 1]
            sig = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Widget,
                    FT=pikepdf.Name.Sig,
                    T=pikepdf.String("Unterschrift"),
                    Rect=pikepdf.Array([x, y, x + w, y + h - 14]),
                    F=4,
                    P=page.obj,
                )
            )
            if "/Annots" not in page.obj:
                page.obj.Annots = pikepdf.Array()
            page.obj.Annots.append(sig)
            acro.Fields.append(sig)
        pdf.save(out, deterministic_id=True)
    return kept


def _items(text: str) -> list[dict[str, Any]]:
    """Golden proposal items of a proposal field's text."""
    if not text.strip():
        return []
    lines = [line for line in text.split("\n") if line.strip()]
    if all(line.split(" ", 1)[0].rstrip(".").isdigit() and " " in line for line in lines):
        return [{"number": line.split(" ", 1)[0].rstrip("."), "text": line.split(" ", 1)[1]} for line in lines]
    return [{"number": None, "text": " ".join(lines)}]


def form_paper(
    rng: random.Random, out: Path, font: str, size_and_lead: Callable[..., Any], fonts: Sequence[str]
) -> dict[str, Any]:
    """Draw one form paper to ``out``; returns its golden fields."""
    del font, size_and_lead, fonts
    paper = draw(rng)
    kept = render(paper, rng, out)
    with pikepdf.open(out) as pdf:
        pages = len(pdf.pages)
    reasons = kept.get("begruendung", "")
    golden = dict(paper.golden)
    # A flattened line keeps only the words that fit its box (the addressee's, the filer's too).
    originator = kept.get("einreicher", golden["originator"])
    golden.update(
        body=kept.get("gremium", golden["body"]),
        originator=originator,
        faction=originator if "Fraktion" in originator else None,
        number=kept.get("nummer") or None,
        title=" ".join(kept.get("betreff", "").split()) or None,
        resolution_proposal=_items(kept.get("beschlussvorschlag", "")),
        justification="\n\n".join(" ".join(p.split()) for p in reasons.split("\n\n") if p.strip()) or None,
        page_count=pages,
    )
    if "anlagen" in kept:
        golden["attachments"] = [line for line in kept["anlagen"].split("\n") if line.strip()]
    return golden
