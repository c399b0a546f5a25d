"""The ``buergerantrag`` variant family: papers that reach a council from its citizens rather than
from a faction or the administration, drawn from a ``random.Random``.

An Einwohnerantrag (§ 18b GO NRW, § 20b GemO BW), a Bürgerantrag (§ 24 GO NRW), an "Anregung
und Beschwerde nach § 24 GO NRW", a Petition, a Bürgeranfrage, a question for the
Einwohnerfragestunde or an Antrag einer Bürgerinitiative, written as a letter by a private person
(name and address block top left) or an initiative ("Bürgerinitiative Lindenplatz e.V."),
addressed to the council, the mayor or the Petitionsausschuss, with a place and date line, a
subject ("Betreff:", "Betr.:", a bold heading, "Antrag gemäß § 24 GO NRW: ..."), the request
("Wir beantragen, der Rat möge beschließen:" with numbered items, or running text), reasons
under "Begründung:" or none, one or several signatures ("Unterzeichnende:") and maybe
"Anlage: Unterschriftenliste (123 Unterschriften)"; now and then the administration's cover
sheet in front ("Vorlage Nr. 2024/123", "Eingang: 05.03.2024"), whose fields are then the
paper's number and date.

The golden values follow the letter families (``letter_dach``, ``letter_request``,
eval/real/README.md): the title is the subject (a question's bold line where it has no other);
the type is what the paper calls itself on its type line or subject label, as printed (with the
rule it is filed under when printed on that line; a type line naming who files it, "Antrag einer
Bürgerinitiative", gives the type alone); the originator is the sender block's first line (the
person or the initiative); faction null; the body is the council or committee of the address
("An den Petitionsausschuss" over "der Stadt Köln" → "Petitionsausschuss"), with the town when
the address names it on the same line ("An den Rat der Stadt Köln" → "Rat der Stadt Köln", the
council's name as its own head prints it), null for a letter to the mayor; requests set apart as
items are the proposal, a request paragraph of its own ("Wir beantragen: ...") one unnumbered
item; the justification is the reasons after a "Begründung" label, else the letter body between
salutation and closing, less an announcing first sentence and a cue with its items.
"""

from __future__ import annotations

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
CITIES = (("Köln", "50667"), ("Bonn", "53111"), ("Münster", "48143"), ("Bielefeld", "33602"),
          ("Aachen", "52062"), ("Dortmund", "44135"), ("Freiburg im Breisgau", "79098"),
          ("Tübingen", "72070"), ("Heidelberg", "69117"), ("Ulm", "89073"))
#: Cities whose Gemeindeordnung is Baden-Württemberg's (§ 20b GemO BW, Gemeinderat).
BW = frozenset({"Freiburg im Breisgau", "Tübingen", "Heidelberg", "Ulm"})
PLACES = ("Lindenplatz", "Mühlenweg", "Schillerpark", "Auenviertel", "Kirchfeld", "Rheinufer", "Bahnhofsvorplatz",
          "Am Stadtgarten")
INITIATIVES = ("Bürgerinitiative {place} e.V.", "Interessengemeinschaft Anwohner {place}",
               "Initiative Lebenswertes {place}", "Bürgerverein {place} e.V.", "Elterninitiative {place}")
#: The paper's type as its type line prints it.
NRW_KINDS = ("Einwohnerantrag", "Einwohnerantrag gemäß § 18b GO NRW", "Bürgerantrag", "Bürgerantrag nach § 24 GO NRW",
             "Anregung und Beschwerde nach § 24 GO NRW", "Anregung", "Petition", "Bürgeranfrage", "Antrag")
BW_KINDS = ("Einwohnerantrag", "Einwohnerantrag nach § 20b GemO", "Petition", "Bürgeranfrage", "Antrag")
REQUEST_CUES = ("Ich beantrage, der Rat möge beschließen:", "Wir beantragen, der Rat möge beschließen:",
                "Wir beantragen:", "Der {body} möge beschließen:", "Wir bitten den {body}, zu beschließen:")
QUESTION_CUES = ("Ich frage an:", "Ich bitte um Beantwortung folgender Fragen:", "Meine Fragen:")
#: How the opening sentence that only announces the paper ends ("... folgenden Antrag ein.").
ANNOUNCING = "folgenden Antrag ein."
CLOSINGS = ("Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Freundliche Grüße", "Mit bürgerschaftlichen Grüßen")
# fmt: on

Items = tuple[tuple[str, str], ...]


@dataclass
class Paper:
    """What a citizens' paper prints, in reading order, and its golden values."""

    cover: tuple[str, ...] = ()  # the administration's cover sheet, its own page
    cover_type: str = ""
    sender: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    date_line: str = ""
    type_line: str | None = None
    subject: tuple[str, str] | None = None  # (label, title); label "" for a bold heading
    salutation: str | None = None
    intro: tuple[str, ...] = ()
    cue: str | None = None
    items: Items | str = ()
    reasons_label: str | None = None
    reasons: tuple[vt.Block, ...] = ()
    closing: str = "Mit freundlichen Grüßen"
    signature: tuple[str, ...] = ()
    attachment: str | None = None
    golden: dict[str, Any] = field(default_factory=dict)


def _requests(rng: random.Random) -> list[str]:
    """What citizens ask a council to decide."""
    place = vt.pick(rng, vt.STREETS)
    pool = [
        f"Die Verwaltung wird beauftragt, auf dem {vt.pick(rng, PLACES)} eine Tempo-30-Zone einzurichten.",
        f"Die geplante Fällung der Bäume {vt.at_street(place)} wird ausgesetzt, bis ein unabhängiges Gutachten "
        "vorliegt.",
        f"Die Verwaltung wird gebeten, die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2027)} zu sanieren.",
        "Die Anwohnerinnen und Anwohner werden vor jeder weiteren Planung in einer Versammlung beteiligt.",
        f"Der Spielplatz {vt.at_street(vt.pick(rng, vt.STREETS))} bleibt erhalten und wird erneuert.",
        f"Im Haushalt {rng.randint(2025, 2027)} werden Mittel für eine sichere Querung der "
        f"{vt.pick(rng, vt.STREETS)} bereitgestellt.",
    ]
    return rng.sample(pool, rng.randint(1, 4))


def _questions(rng: random.Random) -> list[str]:
    """What a citizen asks in the Einwohnerfragestunde."""
    pool = [
        f"Wann wird die {vt.pick(rng, vt.FACILITIES)} wieder geöffnet?",
        f"Welche Maßnahmen plant die Stadt gegen den Lärm {vt.at_street(vt.pick(rng, vt.STREETS))}?",
        f"Wie viele Beschwerden über die {vt.pick(rng, vt.TOPICS)} sind seit {rng.randint(2019, 2023)} eingegangen?",
        f"Warum wurde der Zebrastreifen {vt.at_street(vt.pick(rng, vt.STREETS))} entfernt?",
    ]
    return rng.sample(pool, rng.randint(1, 3))


def _sender(rng: random.Random, city: str, postcode: str) -> tuple[str, tuple[str, ...], list[str]]:
    """(originator, the sender block, the signers)."""
    street = f"{vt.pick(rng, vt.STREETS)} {rng.randint(1, 88)}"
    if rng.random() < 0.5:
        name = vt.person(rng)
        block: tuple[str, ...] = (name, street, f"{postcode} {city}")
        if rng.random() < 0.3:
            block += (f"Telefon 0{rng.randint(200, 999)} {rng.randint(100000, 999999)}",)
        return name, block, [name]
    initiative = vt.pick(rng, INITIATIVES).format(place=vt.pick(rng, PLACES))
    contact = vt.person(rng)
    block = (initiative, f"c/o {contact}", street, f"{postcode} {city}")
    signers = [contact] + [vt.person(rng) for _ in range(rng.choice((0, 0, 1, 2, 4)))]
    return initiative, block, list(dict.fromkeys(signers))


def _address(rng: random.Random, city: str) -> tuple[tuple[str, ...], str | None, str]:
    """(the address block, the body it names, the council's name for the cue)."""
    council = "Gemeinderat" if city in BW else "Rat"
    form = rng.randrange(5)
    if form <= 1:
        # On one line the town is part of the body's name, as a council's own head prints it.
        return (f"An den {council} der Stadt {city}", "Rathaus"), f"{council} der Stadt {city}", council
    if form == 2:
        woman = rng.random() < 0.5
        return (
            ("An die Bürgermeisterin / den Bürgermeister", f"der Stadt {city}")
            if rng.random() < 0.5
            else (f"{'Frau Oberbürgermeisterin' if woman else 'Herrn Oberbürgermeister'}", vt.person(rng), "Rathaus"),
            None,
            council,
        )
    if form == 3:
        return ("An den Petitionsausschuss", f"der Stadt {city}"), "Petitionsausschuss", "Petitionsausschuss"
    body = "Ausschuss für Anregungen und Beschwerden"
    return (f"An den {body}", f"der Stadt {city}"), body, body


def draw(rng: random.Random) -> Paper:
    """A citizens' paper and its golden values."""
    city, postcode = CITIES[rng.randrange(len(CITIES))]
    kind = vt.pick(rng, BW_KINDS if city in BW else NRW_KINDS)
    asks = kind == "Bürgeranfrage" or rng.random() < 0.1
    dated = vt.day(rng)
    paper = Paper()
    originator, paper.sender, signers = _sender(rng, city, postcode)
    if kind == "Antrag" and not originator.startswith(("Bürgerinitiative", "Initiative", "Interessen")):
        kind = "Antrag einer Bürgerinitiative" if rng.random() < 0.5 else "Antrag"
    if asks:
        kind = rng.choice(("Bürgeranfrage", "Frage"))
    paper.address, body, council = _address(rng, city)
    paper.date_line = rng.choice(
        (f"{city}, {vt.long_date(dated)}", f"{city}, den {vt.de_date(dated)}", f"{city}, {vt.de_date(dated)}")
    )
    title: str | None = vt.title(rng, rng.choice((5, 7, 10)))
    # A type naming who files it gives the type alone (as "Antrag der SPD-Fraktion" in letter_dach).
    kind_golden = "Antrag" if kind == "Antrag einer Bürgerinitiative" else kind
    kind_printed = kind
    form = rng.randrange(5)
    if kind == "Frage":  # a question for the Einwohnerfragestunde
        paper.type_line = f"Einwohnerfragestunde – Frage von {signers[0]}"
        paper.subject = (rng.choice(("Betreff:", "Betr.:")), title) if rng.random() < 0.5 else None
        if paper.subject is None:
            title = paper.type_line  # the bold line is the letter's subject (eval/real/README.md)
    elif form == 0:
        paper.type_line = kind
        paper.subject = (rng.choice(("Betreff:", "Betr.:")), title)
    elif form == 1:
        paper.type_line = kind
        paper.subject = ("", title)
    elif form == 2:  # the type as the subject's label
        paper.subject = (f"{kind}:", title)
    elif form == 3:
        label = "Antrag gemäß § 24 GO NRW" if city not in BW else "Antrag nach § 20b GemO"
        kind_golden = kind_printed = label
        paper.subject = (f"{label}:", title)
    else:  # type line only, no subject
        paper.type_line = kind
        title = None
    woman = paper.address[0].startswith("Frau")
    paper.salutation = rng.choice(
        (
            "Sehr geehrte Damen und Herren,",
            "Sehr geehrte Damen und Herren,",
            "Sehr geehrte Frau Oberbürgermeisterin," if woman else "Sehr geehrter Herr Oberbürgermeister,",
            None,
        )
    )
    items_golden: list[dict[str, Any]] = []
    if rng.random() < 0.4:
        paper.intro = (
            rng.choice(
                (
                    f"hiermit reiche ich als Einwohnerin bzw. Einwohner der Stadt {city} folgenden Antrag ein.",
                    f"wir wenden uns als Anwohnerinnen und Anwohner des {vt.pick(rng, PLACES)} an Sie.",
                    "mit diesem Schreiben möchten wir eine Anregung an den Rat richten.",
                )
            ),
        )
    style = rng.random()
    if asks:
        paper.cue = vt.pick(rng, QUESTION_CUES)
        texts = _questions(rng)
        paper.items = tuple((f"{i}.", q) for i, q in enumerate(texts, start=1))
        items_golden = [{"number": str(i), "text": q} for i, q in enumerate(texts, start=1)]
    elif style < 0.6:
        paper.cue = vt.pick(rng, REQUEST_CUES).format(body=council)
        texts = _requests(rng)
        numbering = rng.choice(("1.", "1)", "a)"))
        labels = [str(i) if numbering != "a)" else chr(ord("a") + i - 1) for i in range(1, len(texts) + 1)]
        paper.items = tuple((f"{n}{numbering[-1]}", t) for n, t in zip(labels, texts, strict=True))
        items_golden = [{"number": n, "text": t} for n, t in zip(labels, texts, strict=True)]
    elif style < 0.75:
        # A request paragraph of its own: one unnumbered item.
        request = _requests(rng)[0]
        text = f"Wir beantragen: {request}"
        paper.items = text
        items_golden = [{"number": None, "text": text}]
    if paper.items:
        paper.reasons_label = rng.choice(("Begründung:", "Begründung:", "Begründung", None))
    paper.reasons = vt.blocks(rng, rng.choice((1, 1, 2, 3, 4, 6)))
    paper.closing = vt.pick(rng, CLOSINGS)
    if len(signers) > 1:
        paper.signature = ("Unterzeichnende:", *signers)
    else:
        paper.signature = (signers[0],)
    attachments: list[str] = []
    if rng.random() < 0.35:
        name = rng.choice(("Unterschriftenliste", "Unterschriftenlisten", "Lageplan", "Fotos"))
        if name.startswith("Unterschrift"):
            name = f"{name} ({rng.randint(20, 2400)} Unterschriften)"
        paper.attachment = f"Anlage: {name}"
        attachments = [name]
    number: str | None = None
    if rng.random() < 0.3 and kind != "Frage":
        # The administration's cover sheet: its number, date and type are the paper's.
        year = dated.year
        number = f"{year}/{rng.randint(10, 1999)}"
        received = vt.later(rng, dated, 1, 8)
        # The office files the paper under the rule it names, or under the paper's own type.
        cover_type = "Anregung gem. § 24 GO NRW" if "§ 24" in kind_printed else kind_printed
        kind_golden = "Antrag" if cover_type == "Antrag einer Bürgerinitiative" else cover_type
        cover: list[str] = [f"Stadt {city}", "Der Oberbürgermeister"]
        dated_cover = None
        if rng.random() < 0.5:
            dated_cover = vt.later(rng, received, 1, 10)
        cover += [f"Vorlage Nr. {number}"]
        if dated_cover:
            cover.append(f"Datum: {vt.de_date(dated_cover)}")
        cover.append(f"Eingang: {vt.de_date(received)}")
        paper.cover = tuple(cover)
        paper.cover_type = cover_type
        # The cover's own date is the paper's; without one, the letter's dateline stays it: the
        # day the office received the paper ("Eingang:") is no date of the paper's own
        # (eval/real/README.md).
        dated = dated_cover or dated
        if title is None:
            title = vt.title(rng, 7)
        paper.cover += (f"Betreff: {title}",)
    paper.golden = {
        "number": number,
        "title": title,
        "document_type": kind_golden,
        "body": body,
        "originator": originator,
        "faction": None,
        "date": dated.isoformat(),
        "resolution_proposal": items_golden,
        "attachments": attachments,
        "justification": _justification(paper),
    }
    return paper


def _justification(paper: Paper) -> str:
    """The letter body between salutation and closing (eval/real/README.md; ``letter_request``
    keeps the sentences before its request too), less what is no part of the letter's text: a
    first sentence that only announces the paper ("... folgenden Antrag ein.") and a cue with
    its items, which are the request (``letter_dach``). Under a "Begründung" label the reasons
    are what follows it. A request paragraph of its own stays in place where no label sets the
    reasons apart from it (the README: items stay in the running text)."""
    if paper.reasons_label:
        return vt.blocks_text(paper.reasons)
    opening = [block for block in paper.intro if not block.endswith(ANNOUNCING)]
    request = [paper.items] if isinstance(paper.items, str) else []
    return "\n\n".join([*opening, *request, vt.blocks_text(paper.reasons)])


def render(paper: Paper, producer: str, size: float, lead: float, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF with ``producer``; returns its path."""
    flow = template_flow.Flow(left=70, right=530, body=size, lead=lead)
    if paper.cover:
        flow.y = 790
        flow.line(paper.cover[0], font=ff.BOLD, size=13, lead=16)
        flow.line(paper.cover[1], size=size)
        flow.space(lead * 2)
        for line in paper.cover[2:-1]:
            flow.line(line)
        flow.space(lead)
        flow.line(paper.cover_type, font=ff.BOLD, size=size + 2, lead=(size + 2) * 1.6)
        label, _, title = paper.cover[-1].partition(" ")
        flow.ops.append(fp.Text(70, flow.y, label, ff.BOLD, size))
        label_w = ff.width(label + " ", ff.BOLD, size)
        for line in ff.wrap(title, 460 - label_w, ff.BOLD, size):
            flow.line(line, x=70 + label_w, font=ff.BOLD)
        flow.new_page()
    flow.y = 790
    small = size - 1
    for line in paper.sender:
        flow.line(line, size=small, lead=small * 1.3)
    flow.space(lead * 1.5)
    top = flow.y
    # The date beside the address's first line where both fit, else right under the address.
    beside = ff.width(paper.address[0], ff.REG, size) + ff.width(paper.date_line, ff.REG, size) + 24 < 460
    if beside:
        flow.ops.append(fp.Text(530, top, paper.date_line, ff.REG, size, "right"))
    for line in paper.address:
        flow.line(line)
    if not beside:
        flow.space(lead * 0.5)
        flow.line(paper.date_line, x=530, align="right")
    flow.space(lead * 2)
    if paper.type_line:
        flow.line(paper.type_line, font=ff.BOLD, size=size + 2, lead=(size + 2) * 1.5)
    if paper.subject:
        label, title = paper.subject
        if label:
            label_w = ff.width(label + " ", ff.BOLD, size)
            flow.ops.append(fp.Text(70, flow.y, label, ff.BOLD, size))
            for line in ff.wrap(title, 460 - label_w, ff.BOLD, size):
                flow.line(line, x=70 + label_w, font=ff.BOLD)
        else:
            for line in ff.wrap(title, 460, ff.BOLD, size + 1):
                flow.line(line, font=ff.BOLD, size=size + 1, lead=(size + 1) * 1.3)
    flow.space(lead)
    if paper.salutation:
        flow.para(paper.salutation, after=lead * 0.6)
    for block in paper.intro:
        flow.para(block, after=lead * 0.6)
    if paper.cue:
        flow.para(paper.cue, after=lead * 0.4)
    if isinstance(paper.items, str):
        flow.para(paper.items, after=lead * 0.6)
    elif paper.items:
        flow.items(list(paper.items), gap=3)
        flow.space(lead * 0.4)
    if paper.reasons_label:
        flow.heading(paper.reasons_label, size=size, before=4, after=2)
    template_flow.blocks(flow, paper.reasons)
    flow.space(8)
    flow.ensure(lead * (3 + len(paper.signature)) + 40)
    flow.para(paper.closing, after=30)
    for line in paper.signature:
        flow.line(line)
    if paper.attachment:
        flow.space(lead)
        flow.line(paper.attachment)
    pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
    # The file's title is the printed subject's (a question's bold line is none).
    subject = paper.subject[1] if paper.subject else paper.cover[-1].partition(" ")[2] if paper.cover else ""
    meta = template_flow.Meta(subject, paper.golden["originator"])
    template_flow.render(producer, flow, pages, meta, out)
    return out


def buergerantrag(
    rng: random.Random, out: Path, font: str, size_lead: Callable[[random.Random], tuple[float, float]]
) -> tuple[Paper, int]:
    """Draw and render one paper; returns it with its page count (at most three pages)."""
    size, lead = size_lead(rng)
    paper = draw(rng)
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"

    shrink = template_flow.halving_reasons(paper, lambda: _justification(paper))
    return paper, template_flow.render_within(lambda: render(paper, producer, size, lead, out), shrink, 3)
