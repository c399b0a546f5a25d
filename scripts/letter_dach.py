"""The ``letter-dach`` variant family: letter-style papers of councils in Germany, Austria and
Switzerland, drawn from a ``random.Random``.

Every part a letter-style paper may or may not have is drawn: a letterhead (a faction or party,
an office of the administration, or none), the address block (the mayor, a council or district
body, none), a meeting line ("zur Sitzung der Bezirksvertretung Porz"), the date line (its form,
and where it stands: top right, under the address, or at the end above the signature), the
subject (after "Betreff:", "Betr.:", "hier:", "Titel:", a "Type:" label, or as a bold heading),
the paper's type (from Antrag to Interpellation), a type line, the salutation, the request with
its cue ("Beschlussvorschlag:", "Der Rat möge beschließen:", "Wir fragen an:") and numbering
("1.", "a)", none), lettered sub-items, the reasons and the signature block (one or several
names, one or several factions). :func:`draw` returns the paper and its golden values, written
from what is put on the page; :func:`render` lays it out with the fixture builders' flow.
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
#: (city, postcode, country): the country picks the bodies, types, parties and mayor's title.
CITIES = (
    ("Köln", "50667", "DE"), ("Bonn", "53111", "DE"), ("Münster", "48143", "DE"), ("Kassel", "34117", "DE"),
    ("Freiburg im Breisgau", "79098", "DE"), ("Rostock", "18055", "DE"), ("Potsdam", "14467", "DE"),
    ("Regensburg", "93047", "DE"), ("Hamburg", "22041", "DE"), ("Mainz", "55116", "DE"),
    ("Graz", "8010", "AT"), ("Linz", "4020", "AT"), ("Salzburg", "5020", "AT"), ("Innsbruck", "6020", "AT"),
    ("Wien", "1010", "AT"), ("Bern", "3011", "CH"), ("Luzern", "6003", "CH"), ("St. Gallen", "9000", "CH"),
    ("Biel", "2502", "CH"), ("Winterthur", "8400", "CH"),
)
DISTRICTS = {
    "DE": ("Porz", "Lindenthal", "Wandsbek", "Nord", "Mitte", "Innenstadt", "Ost", "Süd"),
    "AT": ("Leopoldstadt", "Favoriten", "Innere Stadt", "Urfahr", "Lend", "Mitte"),
    "CH": ("Nord", "West", "Altstadt", "Mitte"),
}
#: Councils addressed as a whole (the body golden is the name as printed in the address).
COUNCILS = {
    "DE": ("Rat", "Stadtrat", "Gemeinderat", "Stadtverordnetenversammlung"),
    "AT": ("Gemeinderat",),
    "CH": ("Stadtrat", "Grossen Gemeinderat", "Einwohnerrat", "Stadtparlament", "Grossen Rat"),
}
#: District bodies, named with the district ("Bezirksvertretung Porz").
DISTRICT_BODIES = {
    "DE": ("Bezirksvertretung", "Bezirksversammlung", "Ortsbeirat"),
    "AT": ("Bezirksvertretung",),
    "CH": (),
}
PARTIES = {
    "DE": ("SPD", "CDU", "FDP", "Die Linke", "Volt", "ÖDP"),
    "AT": ("ÖVP", "SPÖ", "FPÖ", "NEOS", "KPÖ"),
    "CH": ("SP", "SVP", "FDP", "GLP", "EVP", "Die Mitte"),
}
#: Paper types a faction or member files, per country; offices send the OFFICE_TYPES.
MEMBER_TYPES = {
    "DE": ("Antrag", "Antrag", "Änderungsantrag", "Dringlichkeitsantrag", "Anfrage", "Große Anfrage",
           "Kleine Anfrage", "Resolution"),
    "AT": ("Antrag", "Antrag", "Dringlichkeitsantrag", "Anfrage", "Resolution"),
    "CH": ("Motion", "Postulat", "Interpellation", "Einfache Anfrage", "Antrag"),
}
OFFICE_TYPES = ("Mitteilung", "Stellungnahme", "Beantwortung", "Beschlussvorlage")
QUESTION_TYPES = frozenset({"Anfrage", "Große Anfrage", "Kleine Anfrage", "Interpellation", "Einfache Anfrage"})
OFFICES = ("Amt für Verkehr", "Amt für Umwelt und Energie", "Stadtplanungsamt", "Amt für Schule und Sport",
           "Tiefbauamt", "Sozialamt")
MAYORS = {"DE": ("Oberbürgermeister", "Oberbürgermeisterin"), "AT": ("Bürgermeister", "Bürgermeisterin"),
          "CH": ("Stadtpräsident", "Stadtpräsidentin")}
#: Cues before the request; "{body}" is the council's name.
REQUEST_CUES = ("Beschlussvorschlag:", "Beschlussentwurf:", "Der Rat möge beschließen:", "Antrag:",
                "Wir beantragen:", "Die Bezirksvertretung möge beschließen:", "Der Gemeinderat wolle beschließen:")
QUESTION_CUES = ("Wir fragen an:", "Fragen:", "Ich frage an:")
SUBJECT_LABELS = ("Betreff:", "Betr.:", "hier:", "Titel:")
#: How a faction names its council in its letterhead ("SPD-Fraktion im Rat der Stadt Köln").
IN_COUNCIL = {"Rat": "im Rat der Stadt", "Stadtverordnetenversammlung": "in der Stadtverordnetenversammlung"}
TAIL_TYPES = ("gemäß § 12 der Geschäftsordnung", "nach § 3 GeschO", "zur Sitzung am {meeting}")
# fmt: on


@dataclass
class Paper:
    """What a letter-dach paper prints, in reading order, and its golden values."""

    letterhead: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    meeting_line: str | None = None
    date_line: str = ""
    date_at: str = "top"  # "top" (right), "address" (under it), "end" (above the signature)
    type_line: str | None = None
    subject: tuple[str, str] | None = None  # (label, title); label "" for a bold heading
    salutation: str | None = None
    intro: str | None = None
    cue: str | None = None
    items: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str = ()
    reasons_label: str | None = None
    reasons: tuple[vt.Block, ...] = ()
    closing: str | None = "Mit freundlichen Grüßen"
    signature: tuple[str, ...] = ()
    golden: dict[str, Any] = field(default_factory=dict)


def _faction(rng: random.Random, country: str, exclude: tuple[str, ...] = ()) -> str:
    """A faction's name as it signs: "SPD-Fraktion", "Fraktion Die Linke", "NEOS-Klub"."""
    party = vt.pick(rng, [p for p in PARTIES[country] if not any(p in e for e in exclude)])
    if " " in party:
        return f"Fraktion {party}"
    return rng.choice((f"{party}-Fraktion", f"Fraktion {party}"))


def _date_line(rng: random.Random, city: str, dated: dt.date) -> str:
    form = rng.randrange(5)
    if form == 0:
        return f"{city}, den {vt.long_date(dated)}"
    if form == 1:
        return f"{city}, {vt.long_date(dated)}"
    if form == 2:
        return f"{city}, den {vt.de_date(dated)}"
    if form == 3:
        return f"{city}, {vt.de_date(dated)}"
    return f"Datum: {vt.de_date(dated)}"


def request_items(
    rng: random.Random, kind: str, council: str
) -> tuple[tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str, list[dict[str, Any]]]:
    """The request (or the questions) as printed and as golden items."""
    if kind in QUESTION_TYPES:
        questions = [
            f"Wie ist der Stand der {vt.pick(rng, vt.TOPICS)} in der {vt.pick(rng, vt.STREETS)}?",
            f"Welche Kosten sind für die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2028)} vorgesehen?",
            f"Wann wird {vt.pick(rng, vt.OBJECTS)} dem {council} vorgelegt?",
            f"Wie viele Anträge auf {vt.pick(rng, vt.TOPICS)} liegen derzeit vor?",
            f"Welche Massnahmen plant die Verwaltung für die {vt.pick(rng, vt.FACILITIES)}?",
        ]
        chosen = rng.sample(questions, rng.randint(1, 4))
        printed = tuple((f"{i}.", q, ()) for i, q in enumerate(chosen, start=1))
        return printed, [{"number": str(i), "text": q} for i, q in enumerate(chosen, start=1)]
    texts = list(dict.fromkeys(text for _, text in vt.resolution_items(rng, 12, "1.")))
    if rng.random() < 0.3:
        return texts[0], [{"number": None, "text": texts[0]}]
    style = rng.choice(("1.", "1.", "1)", "a)", "–"))
    count = min(len(texts), rng.randint(1, 4) if style != "–" else rng.randint(2, 4))
    out: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
    golden: list[dict[str, Any]] = []
    for i in range(count):
        number: str | None = str(i + 1) if style != "a)" else chr(ord("a") + i)
        label = f"{number}." if style == "1." else f"{number})"
        if style == "–":  # a dash list: items without numbers
            number, label = None, "–"
        text = texts[i]
        subs: tuple[tuple[str, str], ...] = ()
        if style in ("1.", "1)") and rng.random() < 0.25:
            text = f"Die Verwaltung wird beauftragt, für die {vt.pick(rng, vt.FACILITIES)} zu prüfen:"
            subs = tuple(
                (chr(ord("a") + k), f"die {vt.pick(rng, vt.TOPICS)} {vt.at_street(vt.pick(rng, vt.STREETS))},")
                for k in range(rng.randint(2, 4))
            )
        out.append((label, text, subs))
        golden.append({"number": number, "text": " ".join([text, *(f"{k}) {s}" for k, s in subs)])})
    return tuple(out), golden


def draw(rng: random.Random) -> Paper:
    """A letter-style paper of a DACH council and its golden values."""
    city, postcode, country = CITIES[rng.randrange(len(CITIES))]
    district = vt.pick(rng, DISTRICTS[country])
    dated = vt.day(rng)
    meeting = vt.later(rng, dated)
    paper = Paper()
    sender_kind = rng.choices(("faction", "office", "none", "joint"), (4, 2, 3, 2))[0]
    kind = vt.pick(rng, OFFICE_TYPES if sender_kind == "office" else MEMBER_TYPES[country])
    council = vt.pick(rng, COUNCILS[country])
    originator: str | None
    faction: str | None = None
    signers: list[str] = []
    if sender_kind == "faction":
        group = _faction(rng, country)
        originator = faction = f"{group} {IN_COUNCIL.get(council, 'im ' + council)} {city}"
        paper.letterhead = (originator, f"Rathausplatz {rng.randint(1, 9)} · {postcode} {city}")
        if rng.random() < 0.5:
            paper.letterhead += (f"Telefon 0{rng.randint(200, 999)} {rng.randint(1000, 9999)}",)
        signers = [vt.person(rng)] + ([vt.person(rng)] if rng.random() < 0.4 else [])
        paper.signature = (*signers, rng.choice(("Fraktionsvorsitz", "Fraktionsvorsitzende", group)))
    elif sender_kind == "office":
        # The city sends the paper; its office is part of the address line (as in the fixtures).
        town = {"DE": "Stadt", "AT": "Magistrat der Stadt", "CH": "Stadt"}[country]
        originator = f"{town} {city}"
        paper.letterhead = (
            originator,
            f"{vt.pick(rng, OFFICES)} · Rathausplatz {rng.randint(1, 9)} · {postcode} {city}",
        )
        signers = [vt.person(rng)]
        paper.signature = (signers[0], rng.choice(("Amtsleitung", "Leiterin des Amtes", "Abteilungsleiter")))
    elif sender_kind == "joint":
        groups = [_faction(rng, country)]
        groups.append(_faction(rng, country, tuple(groups)))
        if rng.random() < 0.3:
            groups.append(_faction(rng, country, tuple(groups)))
        originator = faction = ", ".join(groups[:-1]) + " und " + groups[-1]
        paper.letterhead = (originator,)
        signers = [vt.person(rng) for _ in groups]
        paper.signature = tuple(f"{name}, {group}" for name, group in zip(signers, groups, strict=True))
    else:  # no letterhead: the signer's name and faction say who sends it
        name, group = vt.person(rng), _faction(rng, country)
        originator, faction = f"{name}, {group}", group
        paper.signature = (originator,)
    # Address, meeting line: the body is the council or district body named there.
    body: str | None = None
    mayor = vt.pick(rng, MAYORS[country])
    address = rng.randrange(5)
    if address == 0 or sender_kind == "office":
        paper.address = (f"{'Frau' if mayor.endswith('in') else 'Herrn'} {mayor}", vt.person(rng), "Rathaus")
        paper.address += (f"{postcode} {city}",)
    elif address == 1:
        body = council if not council.startswith("Grossen") else council.replace("Grossen", "Grosser")
        article = "die" if council == "Stadtverordnetenversammlung" else "den"
        paper.address = (f"An {article} {council}", f"der Stadt {city}" if country != "CH" else city)
    elif address == 2 and DISTRICT_BODIES[country]:
        body = f"{vt.pick(rng, DISTRICT_BODIES[country])} {district}"
        article = "den" if body.startswith("Ortsbeirat") else "die"
        paper.address = (f"An {article} {body}",)
    elif address == 3 and DISTRICT_BODIES[country]:
        body = f"{vt.pick(rng, DISTRICT_BODIES[country])} {district}"
        article = "des" if body.startswith("Ortsbeirat") else "der"
        paper.meeting_line = f"zur Sitzung {article} {body} am {vt.de_date(meeting)}"
        if body.startswith("Ortsbeirat"):
            paper.meeting_line = paper.meeting_line.replace("Ortsbeirat", "Ortsbeirates", 1)
    paper.date_line = _date_line(rng, city, dated)
    paper.date_at = rng.choice(("top", "top", "address", "end"))
    # Type and subject.
    title = vt.title(rng, rng.choice((5, 7, 10, 14)))
    kind_printed = kind
    form = rng.randrange(4)
    if form == 0:  # "Antrag: title"
        paper.subject = (f"{kind}:", title)
    elif form == 1:  # a type line, then a labelled subject
        tail = rng.choice(("", "", *TAIL_TYPES)).format(meeting=vt.de_date(meeting))
        paper.type_line = f"{kind} {tail}".strip()
        if tail.startswith(("nach", "gemäß")):  # the type with the rule it is filed under
            kind_printed = paper.type_line
        paper.subject = (vt.pick(rng, SUBJECT_LABELS), title)
    elif form == 2:  # a type line, then the title as a bold heading
        paper.type_line = kind
        paper.subject = ("", title)
    else:  # the title as a bold heading, the type under it
        paper.subject = ("", title)
        joint = sender_kind != "faction"
        paper.type_line = f"{kind} der {faction}" if faction and not joint and rng.random() < 0.5 else kind
        paper.type_line = "\n" + paper.type_line  # printed under the heading
    paper.salutation = rng.choice(
        (
            "Sehr geehrte Damen und Herren,",
            f"Sehr geehrte{'' if mayor.endswith('in') else 'r'} {'Frau' if mayor.endswith('in') else 'Herr'} {mayor},",
            None,
        )
    )
    if rng.random() < 0.3 and sender_kind != "office":
        # A first sentence that only announces the paper: no part of its reasons.
        article = "folgendes" if kind == "Postulat" else "folgenden" if kind.endswith("antrag") else "folgende"
        article = "folgenden" if kind == "Antrag" else article
        paper.intro = f"zur Sitzung am {vt.de_date(meeting)} stellen wir {article} {kind}."
    items: Any = ()
    golden_items: list[dict[str, Any]] = []
    if kind in QUESTION_TYPES:
        paper.cue = vt.pick(rng, QUESTION_CUES)
        items, golden_items = request_items(rng, kind, council)
    elif sender_kind != "office" or kind == "Beschlussvorlage":
        paper.cue = vt.pick(rng, REQUEST_CUES)
        items, golden_items = request_items(rng, kind, council)
    paper.items = items
    # Without a heading, reasons after a request paragraph could be more of the request: a plain
    # request is always followed by one; numbered items end where the text returns to the margin.
    labels = ("Begründung:", "Begründung") if isinstance(items, str) else ("Begründung:", "Begründung", None)
    paper.reasons_label = rng.choice(labels) if paper.cue else None
    count = rng.choice((1, 1, 2, 3, 4, 6, 9))
    paper.reasons = vt.blocks(rng, count)
    paper.closing = rng.choice(("Mit freundlichen Grüßen", "Freundliche Grüße", "Mit freundlichen Grüssen"))
    paper.golden = {
        "title": title,
        "document_type": kind_printed,
        "body": body,
        "originator": originator,
        "faction": faction,
        "date": dated.isoformat(),
        "resolution_proposal": golden_items,
        "justification": vt.blocks_text(paper.reasons),
    }
    return paper


def request(flow: template_flow.Flow, cue: str, items: Any, lead: float, sub_x: float) -> None:
    """The request: its cue, then one paragraph or numbered items with their lettered sub-items
    at ``sub_x``."""
    flow.para(cue, after=lead * 0.4)
    if isinstance(items, str):
        flow.para(items, after=lead * 0.6)
    else:
        for label, text, subs in items:
            flow.items([(label, text)], gap=2)
            if subs:
                flow.items([(f"{k})", s) for k, s in subs], x=sub_x, gap=1)
            flow.space(3)
    flow.space(lead * 0.4)


def render(paper: Paper, producer: str, size: float, lead: float, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF with ``producer``; returns its path."""
    flow = template_flow.Flow(left=70, right=530, body=size, lead=lead)
    flow.y = 790
    if paper.letterhead:
        flow.line(paper.letterhead[0], font=ff.BOLD, size=13, lead=15)
        for line in paper.letterhead[1:]:
            flow.line(line, size=9, lead=11)
        flow.ops.append(fp.Rule(70, flow.y + 4, 530, flow.y + 4, 0.5))
        flow.space(24)
    top = flow.y
    if paper.date_at == "top":
        flow.ops.append(fp.Text(530, top, paper.date_line, ff.REG, size, "right"))
        flow.space(lead * 1.5)
    for line in paper.address:
        flow.line(line)
    if paper.address:
        flow.space(lead)
    if paper.date_at == "address":
        flow.line(paper.date_line)
        flow.space(lead)
    if paper.meeting_line:
        flow.line(paper.meeting_line)
        flow.space(lead * 0.5)
    flow.space(lead)
    type_under = paper.type_line is not None and paper.type_line.startswith("\n")
    if paper.type_line and not type_under:
        flow.line(paper.type_line, font=ff.BOLD, size=size + 1, lead=(size + 1) * 1.5)
    if paper.subject:
        label, title = paper.subject
        if label:
            label_w = ff.width(label + " ", ff.BOLD, size)
            flow.ops.append(fp.Text(70, flow.y, label, ff.BOLD, size))
            for line in ff.wrap(title, 460 - label_w, ff.BOLD, size):
                flow.line(line, x=70 + label_w, font=ff.BOLD)
        else:
            heading = size + 3
            for line in ff.wrap(title, 460, ff.BOLD, heading):
                flow.line(line, font=ff.BOLD, size=heading, lead=heading * 1.25)
    if paper.type_line and type_under:
        flow.space(4)
        flow.line(paper.type_line.strip())
    flow.space(lead)
    if paper.salutation:
        flow.para(paper.salutation, after=lead * 0.6)
    if paper.intro:
        flow.para(paper.intro, after=lead * 0.6)
    if paper.cue:
        request(flow, paper.cue, paper.items, lead, 92)
    if paper.reasons_label:
        flow.heading(paper.reasons_label, size=size, before=4, after=2)
    template_flow.blocks(flow, paper.reasons)
    flow.space(8)
    flow.ensure(lead * (4 + len(paper.signature)) + 40)
    if paper.date_at == "end":
        flow.para(paper.date_line, after=lead * 0.6)
    if paper.closing:
        flow.para(paper.closing, after=30)
    for line in paper.signature:
        flow.line(line)
    pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
    meta = template_flow.Meta(paper.golden["title"], paper.golden["originator"] or "")
    template_flow.render(producer, flow, pages, meta, out)
    return out


def letter_dach(
    rng: random.Random, out: Path, font: str, size_lead: Callable[[random.Random], tuple[float, float]]
) -> tuple[Paper, int]:
    """Draw and render one paper; returns it with its page count (at most three pages)."""
    size, lead = size_lead(rng)
    paper = draw(rng)
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"

    shrink = template_flow.halving_reasons(paper, lambda: vt.blocks_text(paper.reasons))
    return paper, template_flow.render_within(lambda: render(paper, producer, size, lead, out), shrink, 3)
