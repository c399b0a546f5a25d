"""The letter-style families of ``generate_variants.py``: a faction's Antrag or Anfrage (also to a
Bezirksvertretung, or with a business letter's furniture), letters of other councils and offices,
speech manuscripts, Vorlagen with margin labels, and a Swiss Motion or Postulat."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import aenderungsantrag as aa
import answer_office as ao
import answer_paper as ap
import archive_scan as ar
import austrian_report as aur
import bavarian_vorlage as bav
import beratungsverlauf as bvl
import buergerantrag as ba
import bv_scan as bv
import bvv_drucksache as bvv
import fixture_fonts as ff
import form_paper as fpp
import garbled_layer as gl
import joint_paper as jp
import kreistag_vorlage as ktv
import letter_dach as ld
import letter_furniture as lf
import letter_request as lr
import magistrat_vorlage as mag
import mail_print as mpr
import margin_vorlage as mv
import mixed_paper as mp
import office_frames as of
import office_letter as ol
import office_vorlage as ov
import parliament_drucksache as pd
import satzung_synopse as ss
import sdnet_vorlage as sdn
import speech as sp
import split_tables as st
import swiss_report as swr
import template_flow
import template_letter
import variant_text as vt
import vermerk_memo as vm
from variant_base import (
    Golden,
    available_fonts,
    faction_of,
    golden,
    paragraph_count,
    size_and_lead,
    use_font,
    within_pages,
)
from variant_erfurt import erfurt_reportlab
from variant_prints import allris, resolution, sessionnet

iso, items_golden = vt.iso, vt.items_golden


LETTER_CITIES = (
    ("Erlangen", "91052"),
    ("Würzburg", "97070"),
    ("Bamberg", "96047"),
    ("Fürth", "90762"),
    ("Regensburg", "93047"),
    ("Ansbach", "91522"),
)


def letter(
    rng: random.Random, out: Path, head: Callable[..., bv.Head] | None = None, furnished: bool = False
) -> Golden:
    """A faction's Antrag or Anfrage as a letter; with ``head`` (:func:`bv_scan.head`) one to a
    Bezirksvertretung, with its type line, subject label and dateline; ``furnished``: a business
    letter's page furniture (:mod:`letter_furniture`), drawn after every other draw."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    city, postcode = LETTER_CITIES[rng.randrange(len(LETTER_CITIES))]
    faction = vt.pick(rng, vt.FACTIONS)
    sender = f"{faction} im Stadtrat {city}"
    dated = vt.day(rng)
    anfrage = rng.random() < 0.4
    mayor = vt.person(rng)
    kind = "Anfrage" if anfrage else "Antrag"
    bv_head = head(rng, city, postcode, faction, kind, vt.de_date(dated)) if head else None
    if bv_head is not None:
        sender = bv_head.sender[0]
    if anfrage:
        questions = [
            f"Wie ist der Stand der {vt.pick(rng, vt.TOPICS)} in der {vt.pick(rng, vt.STREETS)}?",
            f"Welche Kosten sind für die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2028)} vorgesehen?",
            f"Wann wird {vt.pick(rng, vt.OBJECTS)} dem Stadtrat vorgelegt?",
            f"Wie viele Anträge auf {vt.pick(rng, vt.TOPICS)} liegen derzeit vor?",
        ]
        items: tuple[tuple[str, str], ...] | str = tuple(
            (f"{i}.", q) for i, q in enumerate(rng.sample(questions, rng.randint(1, 4)), start=1)
        )
        label = rng.choice(("wir fragen an:", "Wir fragen an:"))
    else:
        items = resolution(rng, False) or ""
        label = rng.choice(("wir beantragen:", "Wir beantragen:"))
    body_label = "Begründung:" if not anfrage or rng.random() < 0.7 else None
    # An Anfrage or Antrag in an archive is a page or two; a letter without reasons draws none.
    cap = bv_head.paragraphs if isinstance(bv_head, ar.ArchiveHead) else None
    body = vt.blocks(rng, min(paragraph_count(rng), cap or 10**6)) if body_label else ()
    attachments = (
        (f"{vt.pick(rng, ('Lageplan', 'Fotodokumentation', 'Unterschriftenliste'))}",) if rng.random() < 0.2 else ()
    )
    paper = template_letter.Letter(
        sender=(sender, f"Rathausplatz {rng.randint(1, 9)} · {postcode} {city}"),
        place_date=f"{city}, den {vt.de_date(dated)}" if rng.random() < 0.6 else f"{city}, {vt.de_date(dated)}",
        recipient=("Herrn Oberbürgermeister", mayor, "Rathaus", f"{postcode} {city}"),
        subject=("Anfrage:" if anfrage else "Antrag:", vt.title(rng, rng.choice((5, 7, 10, 14, 20)))),
        salutation="Sehr geehrter Herr Oberbürgermeister,",
        intro=(
            f"zur Sitzung des Stadtrates am {vt.de_date(vt.later(rng, dated))} stellt die {faction} "
            f"{'folgende Anfrage' if anfrage else 'folgenden Antrag'}.",
        )
        if rng.random() < 0.3
        else (),
        items_label=label,
        items=items,
        body_label=body_label,
        body=body,
        signers=(vt.person(rng), rng.choice(("Fraktionsvorsitzende", "Fraktionsvorsitzender", "Stadtrat"))),
        attachments=attachments,
        body_size=size,
        body_lead=lead,
    )
    if bv_head is not None:
        title = vt.title(rng, bv_head.title_words)
        paper = replace(
            paper,
            sender=bv_head.sender,
            place_date=bv_head.place_date,
            recipient=bv_head.recipient,
            heading=bv_head.heading,
            subject=(bv_head.label, title),
            meta=bv_head.meta if isinstance(bv_head, ar.ArchiveHead) else paper.meta,
        )
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"
    if furnished:
        paper, sender, attachments = furnish(rng, paper, city, postcode, faction)

    def render(content: tuple[vt.Block, ...]) -> Path:
        template_letter.letter(replace(paper, body=content), producer, out)
        return out

    content, pages = within_pages(render, paper.body) if paper.body else (paper.body, None)
    if pages is None:
        template_letter.letter(paper, producer, out)
        pages = template_flow.page_count(out)
    archived = bv_head if isinstance(bv_head, ar.ArchiveHead) else None
    return golden(
        number=archived.number if archived else None,
        title=paper.subject[1],
        document_type=bv_head.document_type(kind) if bv_head else kind,
        # "zur Sitzung des Stadtrates am ... stellt die Fraktion folgende Anfrage." names the body.
        body="Stadtrat" if paper.intro else None,
        originator=sender,
        faction=faction_of(sender),
        date=archived.iso_date if archived else iso(paper.place_date.split()[-1]),
        resolution_proposal=items_golden(items),
        finances=None,
        attachments=list(attachments),
        justification=vt.blocks_text(content) if content else None,
        # A web address in the company block is printed in the letter (eval/real/README.md: links
        # are the URLs printed, furniture included; e-mail addresses are not links).
        links=[ln for column in paper.furniture.footer for ln in column if ln.startswith("www.")]
        if paper.furniture
        else [],
        page_count=pages,
    )


def furnish(
    rng: random.Random, paper: template_letter.Letter, city: str, postcode: str, faction: str
) -> tuple[template_letter.Letter, str, tuple[str, ...]]:
    """``paper`` with page furniture; a municipal company writes some of them. Returns the paper,
    its sender and its attachments (more letters get some, to put the label at a page's foot)."""
    company = rng.random() < 0.5
    sender = paper.sender[0]
    if company:
        sender = rng.choice(lf.COMPANIES).format(city=city)
        paper = replace(paper, sender=(sender, f"{vt.pick(rng, vt.STREETS)} {rng.randint(1, 40)} · {postcode} {city}"))
    attachments = paper.attachments
    if not attachments and rng.random() < 0.5:
        attachments = tuple(rng.sample(("Lageplan", "Fotodokumentation", "Kostenschätzung", "Stellungnahme"), 2))
    dated = paper.place_date.split()[-1]
    furniture = lf.draw(rng, sender if rng.random() < 0.7 else sender.split(" im ")[0], city, postcode, dated, company)
    return replace(paper, attachments=attachments, furniture=furniture), sender, attachments


def _drawn(rng: random.Random, out: Path, draw: Callable[..., dict[str, Any]], **options: Any) -> Golden:
    """A family drawn by ``draw(rng, out, size_and_lead, **options)`` in a face picked for it: its
    golden with the page count of what it rendered."""
    use_font(rng)
    fields = draw(rng, out, size_and_lead, **options)
    return golden(**fields, page_count=template_flow.page_count(out))


def speech_manuscript(rng: random.Random, out: Path) -> Golden:
    """A faction's speech manuscript (:mod:`speech`)."""
    return _drawn(rng, out, sp.speech)


def margin_vorlage(rng: random.Random, out: Path) -> Golden:
    """A Landkreis's Vorlage with its section labels in a margin column (:mod:`margin_vorlage`)."""
    return _drawn(rng, out, mv.margin_vorlage)


def numbered_vorlage(rng: random.Random, out: Path) -> Golden:
    """A ``margin-vorlage`` whose sections are numbered headings over full-width text."""
    return _drawn(rng, out, mv.margin_vorlage, numbered=True)


def bavarian_vorlage(rng: random.Random, out: Path) -> Golden:
    """A Bavarian town's Sitzungs- or Beschlussvorlage (:mod:`bavarian_vorlage`)."""
    return _drawn(rng, out, bav.bavarian_vorlage)


def bvv_drucksache(rng: random.Random, out: Path) -> Golden:
    """A Berlin district assembly's Antrag, Anfrage or Beschlussempfehlung (:mod:`bvv_drucksache`)."""
    return _drawn(rng, out, bvv.bvv_drucksache)


def magistrat_vorlage(rng: random.Random, out: Path) -> Golden:
    """A Hessian Magistrat's Vorlage to the Stadtverordnetenversammlung (:mod:`magistrat_vorlage`)."""
    return _drawn(rng, out, mag.magistrat_vorlage)


def sdnet_vorlage(rng: random.Random, out: Path) -> Golden:
    """A town's Vorlage as SD.NET and Somacos systems print it (:mod:`sdnet_vorlage`)."""
    return _drawn(rng, out, sdn.sdnet_vorlage)


def kreistag_vorlage(rng: random.Random, out: Path) -> Golden:
    """A Landkreis's paper to its Kreistag as a Landratsamt prints it (:mod:`kreistag_vorlage`)."""
    return _drawn(rng, out, ktv.kreistag_vorlage)


def mixed_paper(rng: random.Random, out: Path) -> Golden:
    """A council paper composed from independent pools of heads, labels, kinds and sections (:mod:`mixed_paper`)."""
    return _drawn(rng, out, mp.mixed_paper)


def swiss_report(rng: random.Random, out: Path) -> Golden:
    """A Swiss executive's Bericht und Antrag to its parliament (:mod:`swiss_report`)."""
    return _drawn(rng, out, swr.swiss_report)


def austrian_report(rng: random.Random, out: Path) -> Golden:
    """An Austrian city department's report or motion to its Gemeinderat (:mod:`austrian_report`)."""
    return _drawn(rng, out, aur.austrian_report)


def vermerk_memo(rng: random.Random, out: Path) -> Golden:
    """An internal memo of a city's administration: Vermerk, Aktenvermerk, Hausmitteilung (:mod:`vermerk_memo`)."""
    return _drawn(rng, out, vm.vermerk_memo)


def letter_foot(rng: random.Random, out: Path) -> Golden:
    """A ``letter`` variant with a business letter's page furniture (:mod:`letter_furniture`)."""
    return letter(rng, out, furnished=True)


def letter_request(rng: random.Random, out: Path) -> Golden:
    """A faction's Anfrage or Antrag as a letter whose type and body may stand only in its
    request sentence (:mod:`letter_request`)."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    paper, pages = lr.letter_request(rng, out, font, size, lead)
    return golden(**paper.golden, finances=None, page_count=pages)


def letter_dach(rng: random.Random, out: Path) -> Golden:
    """A letter-style paper of a council anywhere in Germany, Austria or Switzerland (:mod:`letter_dach`)."""
    paper, pages = ld.letter_dach(rng, out, use_font(rng), size_and_lead)
    return golden(**paper.golden, finances=None, page_count=pages)


def buergerantrag(rng: random.Random, out: Path) -> Golden:
    """A citizens' Einwohnerantrag, Anregung, Petition or question to the council (:mod:`buergerantrag`)."""
    paper, pages = ba.buergerantrag(rng, out, use_font(rng), size_and_lead)
    return golden(**paper.golden, finances=None, page_count=pages)


def joint_paper(rng: random.Random, out: Path) -> Golden:
    """A paper that two to four factions or groups file together (:mod:`joint_paper`)."""
    paper, pages = jp.joint_paper(rng, out, use_font(rng), size_and_lead)
    return golden(**paper.golden, finances=None, page_count=pages)


def answer_paper(rng: random.Random, out: Path) -> Golden:
    """An administration's or executive's answer to an Anfrage or Interpellation (:mod:`answer_paper`)."""
    paper, pages = ap.answer_paper(rng, out, use_font(rng), size_and_lead)
    return golden(**paper.golden, page_count=pages)


def mail_print(rng: random.Random, out: Path) -> Golden:
    """A member's Anfrage or a faction's Antrag as the e-mail it was sent in, printed from a mail
    client (:mod:`mail_print`)."""
    paper, pages = mpr.mail_print(rng, out, use_font(rng), size_and_lead)
    return golden(**paper.golden, page_count=pages)


def answer_office(rng: random.Random, docx: Path) -> Golden:
    """An administration's or executive's answer to an Anfrage typed into a town's Word template,
    written to ``docx`` for LibreOffice (:mod:`answer_office`); the caller adds the page count
    after the conversion."""
    size, _ = size_and_lead(rng)
    return golden(**ao.answer_office(rng, docx, available_fonts(), size))


def office_vorlage(rng: random.Random, docx: Path) -> Golden:
    """A Kreistag, SD.NET or citizens' paper typed into a Word template, written to ``docx`` for
    LibreOffice (:mod:`office_vorlage`); the caller adds the page count after the conversion."""
    size, _ = size_and_lead(rng)
    return golden(**ov.office_vorlage(rng, docx, available_fonts(), size))


def office_frames(rng: random.Random, docx: Path) -> Golden:
    """A Vorlage or a faction's letter typed into a Word template with boxes anchored to the page
    and content controls, written to ``docx`` for LibreOffice (:mod:`office_frames`); the caller
    adds the page count after the conversion."""
    size, _ = size_and_lead(rng)
    return golden(**of.office_frames(rng, docx, available_fonts(), size))


def office_letter(rng: random.Random, out: Path) -> Golden:
    """A letter from one office of the administration to another (:mod:`office_letter`)."""
    letter, pages = ol.office_letter(rng, out, use_font(rng), size_and_lead)
    return golden(**letter.golden, finances=None, page_count=pages)


SWISS_TITLES = (
    "Förderung der",
    "Ausbau der",
    "Eine Strategie für die",
    "Massnahmen zur Stärkung der",
    "Kantonale Standards für die",
    "Mehr Verbindlichkeit bei der",
    "Finanzierung der",
)
SWISS_TAILS = (
    "",
    " im Kanton Thurgau",
    " in den Gemeinden",
    " bis zum Jahr 2030",
    " und Entlastung der Gemeinden bei den Folgekosten",
    " unter Einbezug der Regionen",
)


def swiss_motion(rng: random.Random, out: Path) -> Golden:
    """A Swiss cantonal or communal Motion or Postulat: bold title first, then the type, the
    originators with their party, the place and date line, "Antrag" and "Begründung"."""
    font = use_font(rng)
    size, lead = size_and_lead(rng)
    kind = rng.choice(("Motion", "Motion", "Postulat"))
    place = vt.pick(rng, vt.SWISS_PLACES)
    dated = vt.day(rng)
    names = [vt.person(rng) for _ in range(rng.randint(1, 3))]
    style = rng.random()
    if style < 0.4:
        originator = f"{', '.join(names)} ({vt.pick(rng, vt.SWISS_PARTIES)})"
    elif style < 0.8:
        originator = " und ".join(f"{name} ({vt.pick(rng, vt.SWISS_PARTIES)})" for name in names)
    else:
        originator = f"Fraktion {vt.pick(rng, vt.SWISS_PARTIES)}: {', '.join(names)}"
    words = f"{vt.pick(rng, SWISS_TITLES)} {vt.pick(rng, vt.SWISS_TOPICS)}{vt.pick(rng, SWISS_TAILS)}"
    title_size = rng.choice((12.0, 13.0, 14.0))
    title_lines = ff.wrap(words, rng.uniform(260, 460), ff.BOLD, title_size)
    verb = (
        "Der Regierungsrat wird beauftragt,"
        if kind == "Motion"
        else "Der Regierungsrat wird eingeladen, zu prüfen und Bericht zu erstatten,"
    )
    tasks = [
        f"{verb} die gesetzlichen Grundlagen für die {vt.pick(rng, vt.SWISS_TOPICS)} anzupassen.",
        f"{verb} dem Grossen Rat bis Ende {dated.year + 1} eine Vorlage zur {vt.pick(rng, vt.SWISS_TOPICS)} "
        "zu unterbreiten.",
        f"{verb} die Gemeinden bei der {vt.pick(rng, vt.TOPICS)} finanziell zu unterstützen.",
        f"{verb} {vt.pick(rng, vt.OBJECTS)} zu veröffentlichen.",
    ]
    items: tuple[tuple[str, str], ...] | str = (
        vt.pick(rng, tasks)
        if rng.random() < 0.6
        else tuple((f"{i}.", task) for i, task in enumerate(rng.sample(tasks, rng.randint(2, 4)), start=1))
    )
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"
    date_first = rng.random() < 0.3

    def render(content: tuple[vt.Block, ...]) -> Path:
        flow = template_flow.Flow(left=70, right=530, body=size, lead=lead)
        flow.y = 790
        for line in title_lines:
            flow.line(line, font=ff.BOLD, size=title_size, lead=title_size * 1.3)
        flow.space(8)
        flow.line(kind, size=11, lead=16)
        date_line = f"{place}, {vt.long_date(dated)}"
        for line in (date_line, originator) if date_first else (originator, date_line):
            flow.para(line, size=11, lead=14, after=2)
        flow.space(18)
        flow.heading("Antrag", size=11.5)
        if isinstance(items, str):
            flow.para(items)
        else:
            flow.items(items)
        flow.heading("Begründung", size=11.5)
        template_flow.blocks(flow, content)
        flow.space(20)
        flow.ensure(15 * len(names))
        for name in names:
            flow.line(name)
        pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
        template_flow.render(producer, flow, pages, template_flow.Meta(" ".join(title_lines), originator), out)
        return out

    content, pages = within_pages(render, vt.blocks(rng, paragraph_count(rng)))
    return golden(
        title=" ".join(title_lines),
        document_type=kind,
        originator=originator,
        faction=faction_of(originator),
        date=dated.isoformat(),
        resolution_proposal=items_golden(items),
        finances=None,
        justification=vt.blocks_text(content),
        page_count=pages,
    )


def split_tables(rng: random.Random, out: Path) -> Golden:
    """A Vorlage whose tables, items and attachments run over page breaks (:mod:`split_tables`)."""
    return _drawn(rng, out, st.split_tables)


def satzung_synopse(rng: random.Random, out: Path) -> Golden:
    """A Vorlage that changes a by-law, with a synopsis of the old and the new wording, drawn with
    reportlab or typed into a Word template and converted by LibreOffice (:mod:`satzung_synopse`)."""
    use_font(rng)
    return golden(**ss.satzung_synopse(rng, out, size_and_lead, available_fonts()))


def aenderungsantrag(rng: random.Random, out: Path) -> Golden:
    """An amendment or supplementary motion of one or more factions against a Vorlage, drawn with
    reportlab or fpdf2 or typed into Word and converted by LibreOffice (:mod:`aenderungsantrag`)."""
    font = use_font(rng)
    return golden(**aa.aenderungsantrag(rng, out, font, size_and_lead, available_fonts()))


def beratungsverlauf(rng: random.Random, out: Path) -> Golden:
    """A Beschlussvorlage printed after its consultation, with each body's result in the
    Beratungsfolge and a record of the consultation, drawn with reportlab or fpdf2 or typed into
    Word and converted by LibreOffice (:mod:`beratungsverlauf`)."""
    font = use_font(rng)
    return golden(**bvl.beratungsverlauf(rng, out, font, size_and_lead, available_fonts()))


def parliament_drucksache(rng: random.Random, out: Path) -> Golden:
    """A Drucksache of a city-state parliament or a Hamburg district assembly, drawn with reportlab
    or fpdf2 or typed into Word and converted by LibreOffice (:mod:`parliament_drucksache`)."""
    font = use_font(rng)
    return golden(**pd.parliament_drucksache(rng, out, font, size_and_lead, available_fonts()))


def form_paper(rng: random.Random, out: Path) -> Golden:
    """A paper filled into a fillable PDF form: values in AcroForm fields, flattened into the page
    or both, drawn with reportlab's acroForm and pikepdf (:mod:`form_paper`)."""
    font = use_font(rng)
    return golden(**fpp.form_paper(rng, out, font, size_and_lead, available_fonts()))


def garbled_layer(rng: random.Random, out: Path) -> Golden:
    """A born-digital letter, Antrag, Anfrage or Vorlage of another family whose fonts' ToUnicode
    maps are missing or wrong, per font or per page (:mod:`garbled_layer`); the family's golden."""
    builders = (
        letter,
        letter_request,
        letter_dach,
        office_letter,
        allris,
        sessionnet,
        sdnet_vorlage,
        kreistag_vorlage,
        joint_paper,
        answer_paper,
        buergerantrag,
        erfurt_reportlab,
    )
    return gl.garbled_layer(builders, rng, out)
