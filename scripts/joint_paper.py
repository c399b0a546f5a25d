"""The ``joint-paper`` variant family (built only when named): papers that two to four factions or
groups of a council file together, drawn from a ``random.Random``.

A joint Antrag, Änderungsantrag, Dringlichkeitsantrag, Anfrage or Resolution of German
Fraktionen and Gruppen, of Austrian Gemeinderatsklubs, or a Swiss Motion, Postulat or
Interpellation of several Fraktionen or of members with their co-signers ("Mitunterzeichnende").
Page 1 is letter-style (the joint sender line under the letterhead, or the factions' letterheads
or party marks side by side as text boxes, an address, a date line) or form-style (label/value
rows: "Antragsteller:", "Eingereicht von:", "Datum:", "Drucksache Nr.:"); a head line names the
type, maybe with its senders ("Gemeinsamer Antrag der Fraktionen SPD, Bündnis 90/Die Grünen und
DIE LINKE", "Motion von ... und ..."); the subject after a label or as a bold heading; the request
or the questions, numbered or not; the reasons; two to four signature blocks side by side or
stacked ("gez. Name" / "Fraktionsvorsitzende" / "SPD-Fraktion"); one to three pages, in the
faces and sizes of the other families.

Golden convention (docs/evaluation.md, twenty-third round): a joint paper's ``originator`` is its
senders as the paper names them together, as printed: the joint sender line ("SPD-Fraktion,
Fraktion DIE LINKE und Gruppe Volt", as ``letter_dach``'s joint letters), the value after the
submitter's label ("CDU-Fraktion, FDP-Fraktion", as ``mixed_paper``), else the senders after the
type in the head line ("Antrag der Fraktionen SPD und CDU" → "Fraktionen SPD und CDU"; "Motion
von Anna Keller (SP) und Marc Huber (GLP)" → "Anna Keller (SP) und Marc Huber (GLP)"). Letterheads
or party marks side by side name one sender each and are not the originator; neither is one
signature block. ``faction`` is the originator when it names a Fraktion, an Austrian Klub (the
Austrian name of a faction) or a Gruppe, else null (members with their party, as
``swiss_motion``). The type is the vocabulary's ("Gemeinsamer Antrag" is an Antrag), the body
the council of an address as in ``letter_dach`` and ``buergerantrag`` (with the town when
the address names it on the same line), the items and the justification as the letter
families write them (the reasons after the request; co-signer lists and signatures are no part).
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
import letter_dach as ld
import template_flow
import variant_text as vt

MAX_PAGES = 3

# fmt: off
#: (city, postcode, country, the council after "An" in the accusative, its name, the town as
#: the address names it).
CITIES = (
    ("Bonn", "53111", "DE", "den Rat", "Rat", "der Stadt Bonn"),
    ("Kassel", "34117", "DE", "die Stadtverordnetenversammlung", "Stadtverordnetenversammlung", "der Stadt Kassel"),
    ("Freiburg im Breisgau", "79098", "DE", "den Gemeinderat", "Gemeinderat", "der Stadt Freiburg"),
    ("Regensburg", "93047", "DE", "den Stadtrat", "Stadtrat", "der Stadt Regensburg"),
    ("Oldenburg", "26122", "DE", "den Rat", "Rat", "der Stadt Oldenburg"),
    ("Halle (Saale)", "06108", "DE", "den Stadtrat", "Stadtrat", "der Stadt Halle (Saale)"),
    ("Heidelberg", "69117", "DE", "den Gemeinderat", "Gemeinderat", "der Stadt Heidelberg"),
    ("Graz", "8010", "AT", "den Gemeinderat", "Gemeinderat", "der Stadt Graz"),
    ("Linz", "4020", "AT", "den Gemeinderat", "Gemeinderat", "der Stadt Linz"),
    ("Innsbruck", "6020", "AT", "den Gemeinderat", "Gemeinderat", "der Stadt Innsbruck"),
    ("Bern", "3011", "CH", "den Stadtrat", "Stadtrat", "von Bern"),
    ("Winterthur", "8400", "CH", "den Grossen Gemeinderat", "Grosser Gemeinderat", "Winterthur"),
    ("Luzern", "6003", "CH", "den Grossen Stadtrat", "Grosser Stadtrat", "Luzern"),
)
#: Parties per country; Swiss factions may be two parties' ("SP/JUSO", "Grüne/AL").
PARTIES = {
    "DE": ("SPD", "CDU", "Bündnis 90/Die Grünen", "DIE LINKE", "FDP", "Freie Wähler", "ÖDP", "CSU"),
    "AT": ("SPÖ", "ÖVP", "Grünen", "NEOS", "KPÖ", "FPÖ"),
    "CH": ("SP/JUSO", "GLP", "Grüne/AL", "FDP", "Die Mitte", "EVP/EDU", "SVP"),
}
#: German groups too small to be a Fraktion.
GROUPS = ("Volt", "Die PARTEI", "Piraten", "BSW", "Tierschutzpartei")
KINDS = {
    "DE": ("Antrag", "Antrag", "Änderungsantrag", "Dringlichkeitsantrag", "Anfrage", "Resolution"),
    "AT": ("Antrag", "Antrag", "Dringlichkeitsantrag", "Anfrage", "Resolution"),
    "CH": ("Motion", "Postulat", "Interpellation", "Antrag"),
}
QUESTIONS = frozenset({"Anfrage", "Interpellation"})
#: "Gemeinsamer Antrag", "Gemeinsame Anfrage": the adjective in the kind's gender.
JOINT_WORD = {"Antrag": "Gemeinsamer", "Änderungsantrag": "Gemeinsamer", "Dringlichkeitsantrag": "Gemeinsamer",
              "Anfrage": "Gemeinsame", "Resolution": "Gemeinsame", "Motion": "Gemeinsame",
              "Postulat": "Gemeinsames", "Interpellation": "Gemeinsame"}
SUBMIT_LABELS = {"DE": ("Antragsteller:", "Antragstellende:", "Einreicher:", "Eingereicht von:"),
                 "AT": ("Antragsteller:", "Eingebracht von:", "Einbringer:"),
                 "CH": ("Eingereicht von:", "Urheber:", "Einreichende:")}
NUMBER_LABELS = {"DE": ("Drucksache Nr.:", "Antrag Nr.:", "Vorlage:", "DS-Nr.:"),
                 "AT": ("GZ:", "Zahl:"), "CH": ("Geschäft Nr.:", "GR-Nr.:")}
SUBJECT_LABELS = ("Betreff:", "Betr.:", "hier:", "Thema:", "")
CHAIRS = ("Fraktionsvorsitzender", "Fraktionsvorsitzende", "Fraktionssprecherin", "Fraktionssprecher",
          "stv. Fraktionsvorsitzender")
AT_CHAIRS = ("Klubobmann", "Klubobfrau", "Gemeinderätin", "Gemeinderat")
CH_CHAIRS = ("Fraktionspräsidentin", "Fraktionspräsident", "Stadträtin", "Stadtrat")
CLOSINGS = ("Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Freundliche Grüße")
# fmt: on


@dataclass(frozen=True)
class Group:
    """One sender of a joint paper: its party, its kind ("Fraktion", "Gruppe", "Klub") and its
    name as it signs ("SPD-Fraktion", "Fraktion DIE LINKE", "Gemeinderatsklub der NEOS")."""

    party: str
    kind: str
    name: str


@dataclass
class Paper:
    """What one joint paper prints, the layout drawn for it, and its golden values."""

    country: str
    city: str
    marks: tuple[tuple[str, str], ...]  # letterheads or party marks side by side: (bold line, small line)
    sender: tuple[str, ...]  # the joint sender line(s) under the marks, and an address line
    rows: list[tuple[str, str]]  # a form-style head's label/value rows
    address: tuple[str, ...]
    date_line: str | None
    date_at: str  # "top", "address", "end" or "rows"
    head: str  # the type line, maybe with its senders
    subject_label: str  # "" for a bold heading
    title: str
    salutation: str | None
    cue: str | None
    items: Any
    reasons_label: str | None
    reasons: tuple[vt.Block, ...]
    closing: str | None
    signatures: tuple[tuple[str, ...], ...]
    side_by_side: bool
    cosigners: str | None
    size: float
    lead: float
    margins: tuple[float, float]
    golden: dict[str, Any] = field(default_factory=dict)


def _groups(rng: random.Random, country: str) -> list[Group]:
    """Two to four distinct senders, a German Gruppe among them now and then."""
    count = rng.choices((2, 3, 4), (6, 3, 1))[0]
    parties = rng.sample(PARTIES[country], count)
    groups: list[Group] = []
    for i, party in enumerate(parties):
        if country == "DE" and i == count - 1 and count < 4 and rng.random() < 0.25:
            party = vt.pick(rng, GROUPS)
            groups.append(Group(party, "Gruppe", f"Gruppe {party}"))
        elif country == "AT":
            if party in ("Grünen", "NEOS"):  # named with the article only
                name = rng.choice((f"Gemeinderatsklub der {party}", f"Klub der {party}"))
            else:
                name = rng.choice((f"{party}-Gemeinderatsklub", f"{party}-Klub", f"Gemeinderatsklub der {party}"))
            groups.append(Group(party, "Klub", name))
        elif " " in party or "/" in party or rng.random() < 0.5:
            groups.append(Group(party, "Fraktion", f"Fraktion {party}"))
        else:
            groups.append(Group(party, "Fraktion", f"{party}-Fraktion"))
    return groups


def _joined(names: list[str], comma_only: bool = False) -> str:
    """Names as a list is printed: "A, B und C", or "A, B, C" on a label's line."""
    if comma_only:
        return ", ".join(names)
    return ", ".join(names[:-1]) + " und " + names[-1]


def _plural(groups: list[Group]) -> str | None:
    """The senders named by their kind in the plural ("Fraktionen SPD, CDU und FDP",
    "Gemeinderatsklubs der SPÖ und der NEOS", "Fraktionen SPD und CDU und der Gruppe Volt"), or
    None when they are of too many kinds."""
    factions = [g.party for g in groups if g.kind == "Fraktion"]
    klubs = [g.party for g in groups if g.kind == "Klub"]
    others = [g for g in groups if g.kind == "Gruppe"]
    if klubs and len(klubs) == len(groups):
        return "Gemeinderatsklubs " + _joined([f"der {p}" for p in klubs])
    if len(factions) >= 2 and len(others) <= 1:
        text = "Fraktionen " + _joined(factions)
        return text + (f" und der {others[0].name}" if others else "")
    return None


def _date(rng: random.Random, city: str, country: str, dated: dt.date) -> str:
    """A date line as the country prints it."""
    place = city.split(" (")[0].replace(" im Breisgau", "")
    if country == "CH" and rng.random() < 0.4:
        return f"{place}, {dated.day}. {vt.MONTHS[dated.month - 1]} {dated.year}"
    if country == "AT" and dated.month == 1:
        return f"{place}, am {dated.day}. Jänner {dated.year}"
    return rng.choice(
        (f"{place}, {vt.de_date(dated)}", f"{place}, den {vt.long_date(dated)}", f"{place}, {vt.long_date(dated)}")
    )


def _signature(rng: random.Random, country: str, group: Group, signer: str) -> tuple[str, ...]:
    """One sender's signature block: "gez." and the name, the role, the group."""
    chair = vt.pick(rng, {"DE": CHAIRS, "AT": AT_CHAIRS, "CH": CH_CHAIRS}[country])
    name = f"gez. {signer}" if rng.random() < 0.5 else signer
    form = rng.randrange(3)
    if form == 0:
        return (name, chair, group.name)
    if form == 1:
        return (name, f"{chair} {group.name}")
    return (name, f"für die {group.name}" if group.kind != "Klub" else f"für den {group.name}")


def draw(rng: random.Random, size: float, lead: float) -> Paper:
    """Draw one joint paper and its golden values."""
    city, postcode, country, addressed, council, town = CITIES[rng.randrange(len(CITIES))]
    kind = vt.pick(rng, KINDS[country])
    dated = vt.day(rng)
    groups = _groups(rng, country)
    members = country == "CH" and kind != "Antrag" and rng.random() < 0.45
    signers = [("Dr. " if rng.random() < 0.1 else "") + vt.person(rng) for _ in groups]
    # Where the paper names its senders together: the golden originator.
    form_style = rng.random() < 0.4
    plural = _plural(groups)
    if members:
        # Swiss members file in their own name, each with the party: no faction sends it.
        joint = " und ".join(f"{name} ({g.party})" for name, g in zip(signers, groups, strict=True))
        place = "head"
    else:
        place = rng.choice(("label", "label", "head")) if form_style else rng.choice(("sender", "head", "head"))
        if place == "label":
            joint = _joined([g.name for g in groups], comma_only=rng.random() < 0.5)
        elif place == "head" and plural and (country == "AT" or rng.random() < 0.7):
            # An Austrian Klub is masculine: "Antrag der SPÖ-Klub" is no German, the plural is.
            joint = plural
        else:
            joint = _joined([g.name for g in groups])
    originator = joint
    faction = None if members else originator
    # Letterheads or party marks side by side: a letter-style paper, or a form's top.
    marks: tuple[tuple[str, str], ...] = ()
    if not members and (place == "head" or rng.random() < 0.5):
        if rng.random() < 0.5:
            marks = tuple((g.party.upper() if len(g.party) < 8 else g.party, "") for g in groups)
        else:
            where = "im Gemeinderat" if country != "DE" else f"im {council}" if council != "Rat" else "im Rat"
            marks = tuple((g.name, f"{where} {city.split(' (')[0]}") for g in groups)
    sender: tuple[str, ...] = ()
    if place == "sender":
        sender = (joint,)
        if rng.random() < 0.6:
            sender += (f"Rathaus · Rathausplatz {rng.randint(1, 9)} · {postcode} {city}",)
    # The head line: the type, "Gemeinsamer", the senders when they are named there.
    joint_word = JOINT_WORD[kind] + " " if rng.random() < 0.4 else ""
    head = f"{joint_word}{kind}"
    if place == "head":
        head += f" {'von' if members else 'der'} {joint}"
    # Form rows.
    rows: list[tuple[str, str]] = []
    number: str | None = None
    date_at = rng.choice(("top", "top", "address", "end"))
    if form_style:
        if rng.random() < 0.6:
            n = rng.randint(1, 899)
            number = rng.choice((f"{dated.year}/{n:04d}", f"AN/{dated.year}/{n:03d}", f"{n:03d}/{dated.year}"))
            rows.append((vt.pick(rng, NUMBER_LABELS[country]), number))
        if place == "label":
            rows.append((vt.pick(rng, SUBMIT_LABELS[country]), joint))
        if rng.random() < 0.6:
            rows.append((rng.choice(("Datum:", "Datum:", "Stand:")), vt.de_date(dated)))
            date_at = "rows"
        if not rows:
            rows.append(("Datum:", vt.de_date(dated)))
            date_at = "rows"
    date_line = None if date_at == "rows" else _date(rng, city, country, dated)
    # Address.
    address: tuple[str, ...] = ()
    body: str | None = None
    to = rng.randrange(4)
    if to == 0 and rng.random() < 0.5:
        # On one line the town is part of the body's name, as ``buergerantrag``'s goldens read it.
        address = (f"An {addressed} {town}",)
        body = f"{council} {town}"
    elif to == 0:
        address = (f"An {addressed}", town)
        body = council
    elif to == 1:
        mayor = {"DE": "Oberbürgermeister", "AT": "Bürgermeister", "CH": "Stadtpräsidenten"}[country]
        address = (f"Herrn {mayor}", vt.person(rng), "Rathaus", f"{postcode} {city}")
    title = vt.title(rng, rng.choice((5, 7, 10, 14)))
    subject_label = vt.pick(rng, SUBJECT_LABELS)
    salutation = rng.choice(("Sehr geehrte Damen und Herren,", None, None)) if not form_style else None
    # The request.
    items: Any = ()
    golden_items: list[dict[str, Any]] = []
    cue: str | None
    if kind in QUESTIONS:
        cue = rng.choice(("Wir fragen an:", "Fragen:", "Wir bitten um Beantwortung folgender Fragen:"))
        items, golden_items = ld.request_items(rng, "Anfrage", council)
    else:
        cue = rng.choice(
            (
                "Beschlussvorschlag:",
                "Antrag:",
                "Wir beantragen:",
                f"Der {council} möge beschließen:" if country == "DE" else "Der Gemeinderat wolle beschließen:",
                "Die antragstellenden Fraktionen beantragen:" if not members else "Antrag:",
            )
        )
        items, golden_items = ld.request_items(rng, "Antrag", council)
    labels = ("Begründung:", "Begründung") if isinstance(items, str) else ("Begründung:", "Begründung", None)
    reasons = vt.blocks(rng, rng.choice((1, 2, 3, 4, 6, 9)))
    side = len(groups) <= 3 and rng.random() < 0.6
    cosigners = None
    if members and rng.random() < 0.8:
        cosigners = "Mitunterzeichnende: " + ", ".join(vt.person(rng) for _ in range(rng.randint(2, 6)))
    signatures = tuple(
        (name,) if members else _signature(rng, country, group, name)
        for name, group in zip(signers, groups, strict=True)
    )
    paper = Paper(
        country=country,
        city=city,
        marks=marks,
        sender=sender,
        rows=rows,
        address=address,
        date_line=date_line,
        date_at=date_at,
        head=head,
        subject_label=subject_label,
        title=title,
        salutation=salutation,
        cue=cue,
        items=items,
        reasons_label=rng.choice(labels),
        reasons=reasons,
        closing=rng.choice(CLOSINGS) if rng.random() < 0.6 else None,
        signatures=signatures,
        side_by_side=side,
        cosigners=cosigners,
        size=size,
        lead=lead,
        margins=(rng.choice((57.0, 65.0, 70.0)), rng.choice((525.0, 530.0, 540.0))),
    )
    paper.golden = {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": None,
        "body": body,
        "originator": originator,
        "faction": faction,
        "date": dated.isoformat(),
        "consultations": [],
        "resolution_proposal": golden_items,
        "checkboxes": [],
        "attachments": [],
        "justification": vt.blocks_text(reasons),
    }
    if country == "CH":
        paper = Paper(**{name: vt.swiss_spelling(getattr(paper, name)) for name in paper.__dataclass_fields__})
    return paper


def _marks(flow: template_flow.Flow, paper: Paper) -> None:
    """Letterheads or party marks side by side, each in its own box."""
    gap = 10.0
    count = len(paper.marks)
    width = (flow.right - flow.left - gap * (count - 1)) / count
    height = 34.0 if any(small for _, small in paper.marks) else 26.0
    top = flow.y + 12
    for i, (bold, small) in enumerate(paper.marks):
        x = flow.left + i * (width + gap)
        flow.ops.append(fp.Frame(x, top - height, width, height, 0.6))
        big = min(paper.size + 2, 12.0)
        while ff.width(bold, ff.BOLD, big) > width - 8 and big > 6:
            big -= 0.5
        flow.ops.append(fp.Text(x + width / 2, top - 14, bold, ff.BOLD, big, "center"))
        if small:
            tiny = 7.5
            while ff.width(small, ff.REG, tiny) > width - 6 and tiny > 5:
                tiny -= 0.5
            flow.ops.append(fp.Text(x + width / 2, top - 26, small, ff.REG, tiny, "center"))
    flow.y = top - height - paper.lead * 1.2


def render(paper: Paper, producer: str, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF; returns its path."""
    left, right = paper.margins
    size, lead = paper.size, paper.lead
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.y = 790
    if paper.marks:
        _marks(flow, paper)
    if paper.sender:
        for line in ff.wrap(paper.sender[0], right - left, ff.BOLD, size + 2):
            flow.line(line, font=ff.BOLD, size=size + 2)
        for line in paper.sender[1:]:
            flow.line(line, size=size - 1.5)
        flow.ops.append(fp.Rule(left, flow.y + lead * 0.6, right, flow.y + lead * 0.6, 0.5))
        flow.space(lead)
    if paper.date_at == "top" and paper.date_line:
        flow.ops.append(fp.Text(right, flow.y, paper.date_line, ff.REG, size, "right"))
        flow.space(lead * 1.5)
    for line in paper.address:
        flow.line(line)
    if paper.address:
        flow.space(lead)
    if paper.date_at == "address" and paper.date_line:
        flow.line(paper.date_line)
        flow.space(lead)
    if paper.rows:
        tab = left + max(ff.width(label, ff.REG, size) for label, _ in paper.rows) + 14
        for label, value in paper.rows:
            flow.ensure(lead)
            flow.ops.append(fp.Text(left, flow.y, label, ff.REG, size))
            for line in ff.wrap(value, right - tab, ff.REG, size):
                flow.line(line, x=tab)
        flow.space(lead)
    big = size + 3
    for line in ff.wrap(paper.head, right - left, ff.BOLD, big):
        flow.line(line, font=ff.BOLD, size=big, lead=big * 1.3)
    flow.space(lead * 0.5)
    if paper.subject_label:
        tab = left + ff.width(paper.subject_label, ff.BOLD, size) + 10
        flow.ops.append(fp.Text(left, flow.y, paper.subject_label, ff.BOLD, size))
        for line in ff.wrap(paper.title, right - tab, ff.BOLD, size):
            flow.line(line, x=tab, font=ff.BOLD)
    else:
        for line in ff.wrap(paper.title, right - left, ff.BOLD, size + 1):
            flow.line(line, font=ff.BOLD, size=size + 1, lead=(size + 1) * 1.3)
    flow.space(lead)
    if paper.salutation:
        flow.para(paper.salutation, after=lead * 0.6)
    if paper.cue:
        ld.request(flow, paper.cue, paper.items, lead, left + 22)
    if paper.reasons_label:
        flow.heading(paper.reasons_label, size=size, before=4, after=2)
    template_flow.blocks(flow, paper.reasons)
    flow.space(lead)
    flow.ensure(lead * (4 + max(len(b) for b in paper.signatures)) + 30)
    if paper.date_at == "end" and paper.date_line:
        flow.para(paper.date_line, after=lead * 0.6)
    if paper.closing:
        flow.para(paper.closing, after=lead * 1.6)
    flow.signature_blocks(
        paper.signatures,
        paper.side_by_side,
        size=paper.size - 1 if len(paper.signatures) > 2 else paper.size,
        lead=paper.lead,
        rows_after=2,
        gap=0.8,
    )
    if paper.cosigners:
        flow.para(paper.cosigners, size=size - 1, after=lead * 0.5)
    pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
    meta = template_flow.Meta(paper.title, paper.golden["originator"])
    template_flow.render(producer, flow, pages, meta, out)
    return out


def joint_paper(
    rng: random.Random, out: Path, font: str, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> tuple[Paper, int]:
    """Draw and render one joint paper to ``out`` in ``font``, the face the caller chose; returns
    it with its page count. A paper of more than three pages is rendered again with half its
    reasons."""
    size, lead = size_and_lead(rng)
    paper = draw(rng, size, lead)
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"
    shrink = template_flow.halving_reasons(paper, lambda: vt.blocks_text(paper.reasons))
    return paper, template_flow.render_within(lambda: render(paper, producer, out), shrink, MAX_PAGES)
