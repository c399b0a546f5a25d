"""The ``answer-office`` variant family (built only when named): the administration's or the
executive's written answer to an Anfrage or Interpellation typed into a town's Word template and
exported to PDF by LibreOffice Writer, drawn from a ``random.Random``.

The content is an answer as ``answer_paper.py`` draws one (German, Austrian "Anfragebeantwortung"
and Swiss "Beantwortung der Interpellation" with Swiss spelling, the paper's own number and date
apart from the Anfrage's); what is new is the Word template's furniture:

- the letterhead in the first page's header (city, executive, Dezernat, Amt), sometimes beside a
  logo in a borderless header table, or at the top of the flow; page numbers as fields in the
  footer ("Seite 1 von 3", or the number and "Seite 1") and a running head from page 2 on;
- the head fields in a borderless or ruled Word table of two or four columns ("Vorlage-Nr.",
  "Datum", "Federführend", "Gremium", "Sitzung am", "Bezug: Anfrage ... vom ... (AN/0123/2025)"),
  labels wrapping in narrow cells, the kind ("Beantwortung einer Anfrage", "Mitteilung der
  Verwaltung", "Stellungnahme der Verwaltung", "Anfragebeantwortung") above the table or in a
  row merged over it, the subject in a "Betreff:" row, at a tab stop or as a bold heading;
- the questions and answers in one of four ways: a two-column table (question left, answer
  right, sometimes under a header row "Frage | Antwort" repeated on each page), a one-column
  table with the question in a shaded row and its answer in the row below, the questions
  numbered by Word's automatic numbering (a real numbering definition) with the answer's
  paragraphs indented under each, or "Zu Frage 1:" headings over the quoted question;
- a signature (the Swiss president and clerk side by side in a borderless table), "Anlage(n):"
  now and then, and on some papers the original Anfrage appended after a page break.

Faces Liberation Sans/Serif, DejaVu Sans and Carlito in 9-12 pt; one to five pages.

Goldens follow ``answer_paper.py``'s conventions: the kind as the vocabulary names it
("Beantwortung", "Antwort", "Stellungnahme", "Mitteilung"), the title the subject as printed, the
originator the answering office (the Amt, else the Dezernat, of the letterhead or after its label;
the executive's line where the executive answers without an office), faction null, body the
council of a "Gremium:" row or of the address, the paper's own number and date only,
resolution_proposal empty, justification the text from the opening sentence to the last answer
or paragraph after the answers, in reading order (a two-column table's row: the question cell,
then the answer cell; a "Frage | Antwort" header row is a table's column heading, no text;
Word's numbers printed before the questions are their labels); attachments from the "Anlage(n):"
list; the appended Anfrage, the signature and the date line no part of the text. The page count
is filled in after the conversion (``generate_variants.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import answer_paper as ap
import office_vorlage as ov
import variant_text as vt

# fmt: off
#: German kinds: (the kind line, the golden kind).
DE_KINDS = (
    ("Beantwortung einer {question}", "Beantwortung"), ("Mitteilung der Verwaltung", "Mitteilung"),
    ("Stellungnahme der Verwaltung", "Stellungnahme"), ("Antwort der Verwaltung", "Antwort"),
    ("Beantwortung der {question}", "Beantwortung"),
)
DE_NUMBER_LABELS = ("Vorlage-Nr.:", "Vorlagen-Nr.:", "Mitteilung Nr.:", "Drucksache:", "Drucksachen-Nr.:")
OFFICE_LABELS = ("Federführend:", "Federführende Dienststelle:", "Federführendes Amt:", "Absender:")
BODY_LABELS = ("Gremium:", "Beratungsgremium:", "An:")
MEETING_LABELS = ("Sitzung am:", "Sitzungstermin:", "Sitzung vom:")
DATE_LABELS = ("Datum:", "Datum:", "Stand:")
#: How the questions and answers stand.
QA_STYLES = ("columns", "rows", "numbered", "zu_frage")
# fmt: on


@dataclass(frozen=True)
class Template:
    """The Word template's layout choices drawn for one answer."""

    header_letterhead: bool  # the letterhead in the first page's header (else at the top of the flow)
    logo: bool  # a logo beside the letterhead
    head_columns: int  # 2 (label | value) or 4 (two label-value pairs a row)
    head_ruled: bool
    label_cm: float  # the label column; narrow ones wrap long labels
    kind_in_table: bool  # the kind in a row merged over the head table (else a bold line above it)
    subject: str  # "row" (a "Betreff:" row), "tab" ("Betreff:<tab>subject" under the table), "heading"
    qa_style: str
    question_cm: float  # the question column of the two-column table
    header_row: bool  # the two-column table under "Frage | Antwort"
    question_label: str  # "frage" ("Frage 1:") or "number" ("1.")
    answer_label: bool  # "Antwort:" before an answer's first paragraph (rows, numbered)


def draw_template(rng: random.Random) -> Template:
    """The layout choices of one answer's template."""
    return Template(
        header_letterhead=rng.random() < 0.7,
        logo=rng.random() < 0.4,
        head_columns=rng.choice((2, 2, 2, 4)),
        head_ruled=rng.random() < 0.45,
        label_cm=round(rng.uniform(1.9, 3.6), 2),
        kind_in_table=rng.random() < 0.35,
        subject=rng.choice(("row", "tab", "heading")),
        qa_style=vt.pick(rng, QA_STYLES),
        question_cm=round(rng.uniform(5.5, 8.0), 2),
        header_row=rng.random() < 0.5,
        question_label=rng.choice(("frage", "number")),
        answer_label=rng.random() < 0.4,
    )


@dataclass
class Answer:
    """What one answer prints and its golden values."""

    country: str
    letterhead: tuple[str, ...]
    kind_line: str
    head_rows: list[tuple[str, str]]
    address: tuple[str, ...]
    title: str
    salutation: str | None
    opening: tuple[str, ...]
    qa: list[tuple[str, str, tuple[str, ...]]]  # (number, question, answer paragraphs)
    reasons: tuple[str, ...]
    closing: str | None
    date_line: str | None
    signature: tuple[str, ...]
    side_by_side: bool  # the signature's two halves in a borderless table (Swiss)
    attachment_label: str
    attachments: tuple[str, ...]
    appended: tuple[tuple[str, str], ...]
    running: str  # the running head from page 2 on
    golden: dict[str, Any] = field(default_factory=dict)


def draw(rng: random.Random) -> Answer:
    """Draw one answer's content and its golden values."""
    country = rng.choices(("DE", "AT", "CH"), (5, 2, 3))[0]
    dated = vt.day(rng)
    asked = dated - dt.timedelta(days=rng.randint(10, 70))
    own_number, asked_number = ap._numbers(rng, country, dated.year)
    number: str | None = own_number if rng.random() < 0.7 else None
    title = vt.title(rng, rng.choice((5, 7, 10, 14)))
    asker, asker_subject, signed_by = ap._askers(rng, country)
    asked_printed = ap._date(rng, country, asked)
    rows: list[tuple[str, str]] = []
    address: tuple[str, ...] = ()
    body: str | None = None
    side_by_side = False
    if country == "DE":
        issuer, place, addressed, _, districts = ap.DE_TOWNS[rng.randrange(len(ap.DE_TOWNS))]
        question = vt.pick(rng, ap.DE_QUESTIONS)
        kind_text, kind = DE_KINDS[rng.randrange(len(DE_KINDS))]
        kind_line = kind_text.format(question=ap.inflected(question))
        executive = vt.pick(rng, ap.DE_EXECUTIVES)
        dezernat, amt = vt.pick(rng, ap.DEZERNATE), vt.pick(rng, ap.AEMTER)
        shape = rng.randrange(5)
        if shape == 0:  # city, executive, Dezernat, Amt
            letterhead: tuple[str, ...] = (issuer, executive, dezernat, amt)
            originator = amt
        elif shape == 1:  # city, executive, Dezernat
            letterhead, originator = (issuer, executive, dezernat), dezernat
        elif shape == 2:  # the office after its label
            letterhead, originator = (issuer, executive), amt
            rows.append((vt.pick(rng, OFFICE_LABELS), amt))
        elif shape == 3:
            letterhead, originator = (issuer,), amt
            rows.append((vt.pick(rng, OFFICE_LABELS), amt))
        else:  # the executive answers
            letterhead = (f"{executive} der {issuer}",)
            originator = letterhead[0]
        cited = f"{asker} vom {asked_printed}"
        if rng.random() < 0.7:
            cited += f" ({asked_number})" if rng.random() < 0.6 else f", Nr. {asked_number}"
        rows.append(("Bezug:", f"{question} {cited}"))
        if districts and rng.random() < 0.45:
            body = vt.pick(rng, districts)
            rows.append((vt.pick(rng, BODY_LABELS), body))
            if rng.random() < 0.6:
                rows.append((vt.pick(rng, MEETING_LABELS), vt.de_date(vt.later(rng, dated, 3, 20))))
        elif rng.random() < 0.35:
            # The town is part of the body's name on the address's line, as ``answer_paper.py`` has it.
            address = (f"An {addressed}",)
            body = addressed.split(" ", 1)[1]
        if number:
            rows.append((vt.pick(rng, DE_NUMBER_LABELS), number))
        opening = (
            rng.choice(
                (
                    f"Die {question} {cited} beantwortet die Verwaltung wie folgt:",
                    f"Zu der {ap.inflected(question)} {cited} nimmt die Verwaltung wie folgt Stellung:",
                    "Die Verwaltung beantwortet die Fragen wie folgt:",
                    f"Mit Schreiben vom {asked_printed} hat {asker_subject} eine {question} gestellt, "
                    "die ich wie folgt beantworte:",
                )
            ),
        )
        signer = ("Dr. " if rng.random() < 0.2 else "") + vt.person(rng)
        if shape == 4:
            signature: tuple[str, ...] = (rng.choice((f"gez. {signer}", signer)), executive.split(" ", 1)[1])
        else:
            signature = rng.choice(
                ((f"gez. {signer}", "Amtsleitung"), ("In Vertretung", signer, "Beigeordnete"), ("Im Auftrag", signer))
            )
        closing = rng.choice((None, None, "Mit freundlichen Grüßen"))
        running = kind_line if not number else f"{kind_line} {number}"
    elif country == "AT":
        issuer, place, postcode = ap.AT_TOWNS[rng.randrange(len(ap.AT_TOWNS))]
        mayor = rng.choice(("Der Bürgermeister", "Die Bürgermeisterin"))
        originator = f"{mayor} {issuer}"
        letterhead = (originator, f"Rathaus · {postcode} {place}")
        kind, kind_line = "Beantwortung", "Anfragebeantwortung"
        reference = f"Anfrage {asker} vom {asked_printed}"
        if rng.random() < 0.5:
            rows.append(("Bezug:", f"{reference} (Nr. {asked_number})"))
        if rng.random() < 0.5:
            address = ("An den Gemeinderat", issuer) if rng.random() < 0.5 else ("An den Gemeinderat",)
            body = "Gemeinderat"
        if number:
            rows.append((vt.pick(rng, ap.AT_NUMBER_LABELS), number))
        opening = (f"Die {reference} betreffend „{title}“ beantworte ich wie folgt:",)
        signer = ("Mag. " if rng.random() < 0.3 else "") + vt.person(rng)
        signature = (signer, mayor.split(" ", 1)[1]) if rng.random() < 0.6 else (f"{mayor.split(' ', 1)[1]} {signer}",)
        closing = rng.choice((None, "Mit freundlichen Grüßen"))
        running = kind_line
    else:
        executive, place, addressed, council, subject = ap.CH_TOWNS[rng.randrange(len(ap.CH_TOWNS))]
        question = vt.pick(rng, ap.CH_QUESTIONS)
        kind, kind_line = "Beantwortung", f"Beantwortung der {ap.inflected(question)}"
        originator = executive
        letterhead = (executive,)
        rows.append(("Bezug:", f"{question} {asker} vom {asked_printed} ({asked_number})"))
        if rng.random() < 0.5:
            address = (f"An {addressed}",)
            body = council
        if number:
            rows.append((vt.pick(rng, ap.CH_NUMBER_LABELS), number))
        opening = (f"{subject} beantwortet die {question} wie folgt:",)
        if rng.random() < 0.5:
            opening = (
                f"Am {asked_printed} {'reichten' if ', ' in signed_by else 'reichte'} "
                f"{signed_by.replace(', ', ' und ')} die {question} betreffend {title} ein.",
                *opening,
            )
        office = subject.split(" ", 1)[1]
        president, clerk = (
            ("Der Präsident", "Der Staatsschreiber")
            if office == "Regierungsrat"
            else (
                rng.choice(("Der Stadtpräsident", "Die Stadtpräsidentin")),
                rng.choice(("Der Stadtschreiber", "Die Stadtschreiberin")),
            )
        )
        signature = (f"Namens des {office}es", president, vt.person(rng), clerk, vt.person(rng))
        side_by_side = rng.random() < 0.6
        closing = None
        running = f"{executive} – {kind_line}"
    date_line: str | None = None
    if rng.random() < 0.65:
        rows.append((vt.pick(rng, DATE_LABELS), ap._date(rng, country, dated)))
    else:
        date_line = (
            f"{place}, {'den ' if country == 'DE' and rng.random() < 0.5 else ''}{ap._date(rng, country, dated)}"
        )
    rng.shuffle(rows)
    salutation = None
    if closing or rng.random() < 0.25:
        salutation = "Sehr geehrte Damen und Herren" + ("" if country == "CH" else ",")
    if rng.random() < 0.2 and country == "DE":
        opening = ()  # the table of questions stands right under the subject
    elif rng.random() < 0.3:
        opening = (*opening, vt.paragraph(rng, (2, 4)))
    questions = ap._questions(rng, "Rat" if country != "CH" else "Parlament")
    qa = [(str(i), q, ap._answer(rng)) for i, q in enumerate(questions, start=1)]
    reasons = tuple(vt.paragraph(rng, (2, 4)) for _ in range(rng.choice((0, 0, 1, 2))))
    attachments: tuple[str, ...] = ()
    if rng.random() < 0.3:
        attachments = tuple(rng.sample(ap.ATTACHMENTS, rng.randint(1, 3)))
    attachment_label = rng.choice(("Anlage:", "Anlagen:", "Anlage(n):")) if len(attachments) < 2 else "Anlage(n):"
    appended: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.3:
        appended = ap.appended_question(
            rng, (signed_by, place), (country, asked), question if country != "AT" else "Anfrage", title, questions
        )
    answer = Answer(
        country=country,
        letterhead=letterhead,
        kind_line=kind_line,
        head_rows=rows,
        address=address,
        title=title,
        salutation=salutation,
        opening=opening,
        qa=qa,
        reasons=reasons,
        closing=closing,
        date_line=date_line,
        signature=signature,
        side_by_side=side_by_side,
        attachment_label=attachment_label,
        attachments=attachments,
        appended=appended,
        running=running,
    )
    answer.golden = ap.answer_golden(number, title, kind, (body, originator), dated, attachments)
    if country == "CH":
        answer = Answer(**{f.name: vt.swiss_spelling(getattr(answer, f.name)) for f in dataclasses.fields(answer)})
    return answer


def _question_text(template: Template, number: str, question: str) -> str:
    """A question as its cell or heading reads, with its label."""
    return f"Frage {number}: {question}" if template.question_label == "frage" else f"{number}. {question}"


def _answer_texts(template: Template, answer: tuple[str, ...]) -> list[str]:
    """An answer's paragraphs, the first with "Antwort:" where the template puts it."""
    label = "Antwort: " if template.answer_label and template.qa_style in ("rows", "numbered") else ""
    return [f"{label}{answer[0]}", *answer[1:]]


def justification(answer: Answer, template: Template) -> str:
    """The golden text in reading order: the opening, each question and its answer, the paragraphs after."""
    parts = list(answer.opening)
    for number, question, paragraphs in answer.qa:
        if template.qa_style == "zu_frage":
            parts += [f"Zu Frage {number}:", question]
        elif template.qa_style == "numbered":
            parts.append(f"{number}. {question}")
        else:
            parts.append(_question_text(template, number, question))
        parts += _answer_texts(template, paragraphs)
    parts += answer.reasons
    return "\n\n".join(parts)


class AnswerWriter(ov.Writer):
    """A Word document of an answer: letterhead in the header, head table, questions and answers."""

    def __init__(self, look: ov.Look, template: Template, author: str, title: str) -> None:
        super().__init__(look, author, title)
        self.template = template

    def shade(self, cell: Any) -> None:
        """A light grey background for a table cell (a question's row)."""
        from docx.oxml import parse_xml

        cell._tc.get_or_add_tcPr().append(
            parse_xml(
                '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'w:val="clear" w:color="auto" w:fill="E6E6E6"/>'
            )
        )

    def repeat_header(self, row: Any) -> None:
        """Repeat ``row`` at the top of each page the table runs onto."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(header)

    def cell_paragraphs(
        self, cell: Any, texts: Sequence[str], *, bold: bool = False, size: float | None = None
    ) -> None:
        """Paragraphs into a table cell, a little space between them."""
        for k, text in enumerate(texts):
            par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            self.run(par, text, bold=bold, size=size)
            if k < len(texts) - 1:
                par.paragraph_format.space_after = self.pt(4)


def _logo() -> io.BytesIO:
    """A town's coat of arms as a small PNG: a shield in two colours (the same bytes every time)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 140), "white")
    pen = ImageDraw.Draw(image)
    pen.polygon([(10, 10), (110, 10), (110, 80), (60, 130), (10, 80)], fill=(180, 30, 40), outline=(0, 0, 0))
    pen.rectangle((45, 30, 75, 95), fill=(240, 200, 40))
    data = io.BytesIO()
    image.save(data, format="PNG", optimize=False)
    data.seek(0)
    return data


def _letterhead(w: AnswerWriter, answer: Answer) -> None:
    """The letterhead in the first page's header (beside a logo in a borderless table), or at the top of the flow."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    size = w.look.size
    lines = [(line, k == 0, size + 3 if k == 0 else size) for k, line in enumerate(answer.letterhead)]
    if not w.template.header_letterhead:
        for text, bold, line_size in lines:
            w.par(text, bold=bold, size=line_size)
        w.par(after=10)
        return
    section = w.doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    if w.template.logo:
        table = header.add_table(1, 2, Cm(ov.WIDTH))
        w.no_borders(table)
        w.widths(table, [ov.WIDTH - 3.0, 3.0])
        left, right = table.rows[0].cells
        for k, (text, bold, line_size) in enumerate(lines):
            par = left.paragraphs[0] if k == 0 else left.add_paragraph()
            w.run(par, text, bold=bold, size=line_size)
        par = right.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        par.add_run().add_picture(_logo(), width=Cm(1.6))
        # python-docx leaves the header's own empty paragraph before the table.
        first = header.paragraphs[0]._p
        first.getparent().remove(first)
        header._element.append(first)
        return
    par = header.paragraphs[0]
    for k, (text, bold, line_size) in enumerate(lines):
        if k:
            par = header.add_paragraph()
        w.run(par, text, bold=bold, size=line_size)


def _head(w: AnswerWriter, answer: Answer) -> None:
    """The kind, the head table of labels and values, the address and the subject."""
    t = w.template
    size = w.look.size
    small = size - 0.5
    rows = list(answer.head_rows)
    if t.subject == "row":
        rows.append(("Betreff:", answer.title))
    if not t.kind_in_table:
        w.par(answer.kind_line, bold=True, size=size + 3, after=8)
    label_cm = max(t.label_cm, ov.word_floor([label for label, _ in rows], small))
    if t.head_columns == 4:
        short = [r for r in rows if len(r[1]) < 28]
        long = [r for r in rows if len(r[1]) >= 28]
        pairs = [short[k : k + 2] for k in range(0, len(short), 2)]
        value_cm = ov.WIDTH / 2 - label_cm
        grid: list[list[tuple[str, str]]] = [*pairs, *([r] for r in long)]
        title = 1 if t.kind_in_table else 0
        table = w.table(title + len(grid), 4, (label_cm, value_cm, label_cm, value_cm), ruled=t.head_ruled)
        for row, cells in zip(table.rows[title:], grid, strict=True):
            if len(cells) == 1 and len(cells[0][1]) >= 28:
                w.cell(row.cells[0], cells[0][0], size=small)
                merged = row.cells[1].merge(row.cells[3])
                w.cell(merged, cells[0][1], size=small, bold=cells[0][0] == "Betreff:")
                continue
            for k, (label, value) in enumerate(cells):
                w.cell(row.cells[2 * k], label, size=small)
                w.cell(row.cells[2 * k + 1], value, size=small, bold=label == "Betreff:")
    else:
        title = 1 if t.kind_in_table else 0
        table = w.table(title + len(rows), 2, (label_cm, ov.WIDTH - label_cm), ruled=t.head_ruled)
        for row, (label, value) in zip(table.rows[title:], rows, strict=True):
            w.cell(row.cells[0], label, size=small)
            w.cell(row.cells[1], value, size=small, bold=label == "Betreff:")
    if t.kind_in_table:
        merged = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
        w.cell(merged, answer.kind_line, bold=True, size=size + 3)
    w.par(after=size)
    for line in answer.address:
        w.par(line)
    if answer.address:
        w.par(after=size)
    if t.subject == "tab":
        w.tabbed("Betreff:", answer.title, max(2.0, w.look.label_cm * 0.7), bold=True, after=size)
    elif t.subject == "heading":
        w.par(answer.title, bold=True, size=size + 1, after=size)


def _questions(w: AnswerWriter, answer: Answer) -> None:
    """The questions and answers in the template's way."""
    from docx.shared import Cm

    t = w.template
    size = w.look.size
    if t.qa_style == "columns":
        header = 1 if t.header_row else 0
        table = w.table(header + len(answer.qa), 2, (t.question_cm, ov.WIDTH - t.question_cm), ruled=True)
        if header:
            w.cell(table.rows[0].cells[0], "Frage", bold=True)
            w.cell(table.rows[0].cells[1], "Antwort", bold=True)
            w.repeat_header(table.rows[0])
        for row, (number, question, paragraphs) in zip(table.rows[header:], answer.qa, strict=True):
            w.cell_paragraphs(row.cells[0], [_question_text(t, number, question)], size=size - 0.5)
            w.cell_paragraphs(row.cells[1], _answer_texts(t, paragraphs), size=size - 0.5)
        w.par(after=size)
    elif t.qa_style == "rows":
        table = w.table(2 * len(answer.qa), 1, (ov.WIDTH,), ruled=True)
        for k, (number, question, paragraphs) in enumerate(answer.qa):
            asked, answered = table.rows[2 * k].cells[0], table.rows[2 * k + 1].cells[0]
            w.cell_paragraphs(asked, [_question_text(t, number, question)], bold=True)
            w.shade(asked)
            w.cell_paragraphs(answered, _answer_texts(t, paragraphs))
        w.par(after=size)
    elif t.qa_style == "numbered":
        num_id = w._new_list()
        for _, question, paragraphs in answer.qa:
            par = w.doc.add_paragraph()
            par.style = w.doc.styles["List Number"]
            num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
            par.paragraph_format.space_after = w.pt(4)
            par.paragraph_format.keep_with_next = True
            w.run(par, question, bold=True)
            for text in _answer_texts(t, paragraphs):
                indented = w.par(text, after=6)
                indented.paragraph_format.left_indent = Cm(0.63)
    else:
        for number, question, paragraphs in answer.qa:
            w.heading(f"Zu Frage {number}:", before=6)
            quoted = w.par(after=4)
            quoted.paragraph_format.left_indent = Cm(0.5)
            quoted.paragraph_format.keep_with_next = True
            w.run(quoted, question).italic = True
            for text in _answer_texts(t, paragraphs):
                w.par(text, after=6)


def _close(w: AnswerWriter, answer: Answer) -> None:
    """The date line, the closing, the signature and the attachments."""
    size = w.look.size
    w.par(after=size * 0.5)
    if answer.date_line:
        w.par(answer.date_line, after=size).paragraph_format.keep_with_next = True
    if answer.closing:
        w.par(answer.closing, after=24).paragraph_format.keep_with_next = True
    if answer.side_by_side:
        office, president, first, clerk, second = answer.signature
        w.par(office, after=6).paragraph_format.keep_with_next = True
        table = w.table(2, 2, (ov.WIDTH / 2, ov.WIDTH / 2), ruled=False)
        for row, pair in zip(table.rows, ((president, clerk), (first, second)), strict=True):
            for c, text in zip(row.cells, pair, strict=True):
                w.cell(c, text)
    else:
        for line in answer.signature:
            w.par(line).paragraph_format.keep_with_next = True
    if answer.attachments:
        w.par(after=size)
        w.heading(answer.attachment_label, size=size, before=0)
        for name in answer.attachments:
            w.par(name if len(answer.attachments) == 1 else f"- {name}")


def _appended(w: AnswerWriter, answer: Answer) -> None:
    """The original Anfrage after a page break."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    size = w.look.size
    w.page_break()
    for style, text in answer.appended:
        if style == "head":
            w.par(text, bold=True, size=size + 2, after=12)
        elif style == "date":
            w.par(text, after=12).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif style == "kind":
            w.par(text, bold=True, size=size + 3, after=6)
        elif style == "subject":
            w.tabbed("Betreff:", text, 2.0, bold=True, after=10)
        elif style == "item":
            label, question = text.split("\t")
            par = w.par(f"{label}\t{question}", after=3)
            fmt = par.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Cm(0.75), Cm(-0.75)
            fmt.tab_stops.add_tab_stop(Cm(0.75))
        else:
            w.par(text, after=6)


def answer_office(rng: random.Random, docx: Path, fonts: Sequence[str], size: float) -> dict[str, Any]:
    """Draw one answer and type it into a town's Word template at ``docx``; returns its golden
    fields (the caller adds the page count)."""
    look = ov.draw_look(rng, fonts, size)
    template = draw_template(rng)
    answer = draw(rng)
    w = AnswerWriter(look, template, answer.letterhead[0], answer.title)
    _letterhead(w, answer)
    _head(w, answer)
    if answer.salutation:
        w.par(answer.salutation, after=6)
    for text in answer.opening:
        w.par(text, after=6)
    _questions(w, answer)
    for text in answer.reasons:
        w.par(text, after=6)
    _close(w, answer)
    if answer.appended:
        _appended(w, answer)
    w.furniture(answer.golden["number"] or "", answer.running if look.running_head else "")
    w.save(docx)
    return {**answer.golden, "justification": justification(answer, template)}
