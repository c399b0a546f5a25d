"""The ``mixed-paper`` variant family (built only when named): council papers composed at random
from independent pools, so that no paper follows one city's or one system's template.

Each part is drawn on its own, within what a real paper has: the issuer (a Stadt, Gemeinde, Markt
or Landkreis in Germany, a Stadt or Marktgemeinde in Austria, a Stadt or Gemeinde in Switzerland)
as a letterhead set left, right or centred, with or without its executive or office under it and
a logo box beside it; the label/value head as lines at a tab stop, as a ruled table or as a
borderless grid, left or at the right; the labels drawn per paper from synonyms ("Vorlage Nr.:",
"Drucksache:", "DS-Nr.:", "GZ:"; "Datum:", "Stand:", or a date line "Ort, den ..."; "Federführend:",
"Amt:", "Einreicher:", "Antragsteller:", "Verfasser:"; "Betreff:", "Betr.:", "Gegenstand:",
"Titel:", "Thema:", a bold heading, or "hier:" under the kind); the kind from the DACH vocabulary
(an administration's Beschlussvorlage, Mitteilungsvorlage, Informationsvorlage, Sitzungsvorlage or
Stellungnahme; a faction's or member's Antrag, Änderungsantrag, Dringlichkeitsantrag, Anfrage,
Resolution; a Swiss Motion, Postulat, Interpellation or Einfache Anfrage), an address to the
council for a member's paper, dates numeric or with the month's name (Austrian "Jänner", Swiss
"5.3.2024"), Swiss spelling without "ß"; the Beratungsfolge as a ruled table or as tab-stop
lines; the proposal under "Beschlussvorschlag:", "Beschlussentwurf:", "Der Rat möge beschließen:"
or "Antrag:" (one paragraph, numbered, lettered or dashed items, sub-items a), b)), questions
under "Fragen:"; the facts under "Sachverhalt:", "Begründung:" or "Erläuterung:", before or after
the proposal; financial effects as a sentence, a total or a table of amounts by year; "Anlage(n):"
with a list or "keine"; a signature block; fonts, sizes 9-12 pt, long titles that wrap; one to
four pages.

Goldens follow the families each part comes from: an administration's paper as the Vorlage
families (``sdnet_vorlage.py``, ``kreistag_vorlage.py``: the office in charge as originator, body
null, consultations with their role and their public from a status column, null without one,
items without the sentence that opens them and with their sub-items joined to their text,
attachments without their enumeration, finances of a table by year or a printed total, null for
a sentence); a member's paper as the ALLRIS print and the letter families (``variant_prints.py``,
``letter_dach.py``: the submitter after its label as originator, the faction when it names a
Fraktion, the council of the address as body, null without an address; the reasons as
justification). The number is the value after its label as printed (an "Aktenzeichen" is no
number), the date the head's "Datum"/"Stand" or the date line's, the kind as the vocabulary names
it ("Stellungnahme der Verwaltung" is a Stellungnahme), the title the subject as printed.
"""

from __future__ import annotations

import dataclasses
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

MAX_PAGES = 4

# fmt: off
#: (issuer as its letterhead names it, place of a date line, country, kind of issuer).
ISSUERS = (
    ("Stadt Lingen (Ems)", "Lingen", "DE", "town"), ("Stadt Bamberg", "Bamberg", "DE", "town"),
    ("Hansestadt Lüneburg", "Lüneburg", "DE", "town"), ("Stadt Wetzlar", "Wetzlar", "DE", "town"),
    ("Universitätsstadt Tübingen", "Tübingen", "DE", "town"), ("Stadt Cottbus", "Cottbus", "DE", "town"),
    ("Gemeinde Wallenhorst", "Wallenhorst", "DE", "municipality"),
    ("Gemeinde Grünwald", "Grünwald", "DE", "municipality"),
    ("Gemeinde Kirchhundem", "Kirchhundem", "DE", "municipality"),
    ("Markt Garmisch-Partenkirchen", "Garmisch-Partenkirchen", "DE", "market"),
    ("Markt Holzkirchen", "Holzkirchen", "DE", "market"), ("Landkreis Osnabrück", "Osnabrück", "DE", "district"),
    ("Landkreis Dahme-Spreewald", "Lübben (Spreewald)", "DE", "district"), ("Kreis Lippe", "Detmold", "DE", "district"),
    ("Stadt Villach", "Villach", "AT", "town"), ("Stadt Wels", "Wels", "AT", "town"),
    ("Marktgemeinde Gratkorn", "Gratkorn", "AT", "municipality"), ("Stadtgemeinde Leoben", "Leoben", "AT", "town"),
    ("Stadt Winterthur", "Winterthur", "CH", "town"), ("Stadt Biel", "Biel", "CH", "town"),
    ("Einwohnergemeinde Köniz", "Köniz", "CH", "municipality"), ("Stadt Frauenfeld", "Frauenfeld", "CH", "town"),
)
#: The council each kind of issuer answers to, per country: (an address's "An den/die/das ...", the
#: golden body, the council as a sentence's subject).
COUNCILS = {
    # A German town's council is named by its Land's Gemeindeordnung.
    ("DE", "Rat"): (("den Rat", "Rat", "Der Rat"),),
    ("DE", "Stadtrat"): (("den Stadtrat", "Stadtrat", "Der Stadtrat"),),
    ("DE", "Gemeinderat"): (("den Gemeinderat", "Gemeinderat", "Der Gemeinderat"),),
    ("DE", "SVV"): (
        ("die Stadtverordnetenversammlung", "Stadtverordnetenversammlung", "Die Stadtverordnetenversammlung"),
    ),
    ("DE", "municipality"): (("den Gemeinderat", "Gemeinderat", "Der Gemeinderat"),),
    ("DE", "market"): (("den Marktgemeinderat", "Marktgemeinderat", "Der Marktgemeinderat"),),
    ("DE", "district"): (("den Kreistag", "Kreistag", "Der Kreistag"),),
    ("AT", "town"): (("den Gemeinderat", "Gemeinderat", "Der Gemeinderat"),),
    ("AT", "municipality"): (("den Gemeinderat", "Gemeinderat", "Der Gemeinderat"),),
    ("CH", "town"): (("den Grossen Gemeinderat", "Grosser Gemeinderat", "Der Grosse Gemeinderat"),
                     ("das Stadtparlament", "Stadtparlament", "Das Stadtparlament")),
    ("CH", "municipality"): (("das Parlament", "Parlament", "Das Parlament"),
                             ("den Einwohnerrat", "Einwohnerrat", "Der Einwohnerrat")),
}
#: The issuer in the genitive, under an address to its council ("der Stadt Bamberg", "des Marktes Holzkirchen").
GENITIVE = (("Landkreis ", "des Landkreises "), ("Kreis ", "des Kreises "), ("Markt ", "des Marktes "))
#: The council of each German town of :data:`ISSUERS`: Lower Saxony's Rat, Bavaria's Stadtrat,
#: Baden-Württemberg's Gemeinderat, the Stadtverordnetenversammlung of Hesse and Brandenburg.
TOWN_COUNCILS = {
    "Stadt Lingen (Ems)": "Rat", "Hansestadt Lüneburg": "Rat", "Stadt Bamberg": "Stadtrat",
    "Universitätsstadt Tübingen": "Gemeinderat", "Stadt Wetzlar": "SVV", "Stadt Cottbus": "SVV",
}
EXECUTIVES = {
    ("DE", "town"): ("Der Oberbürgermeister", "Die Oberbürgermeisterin"),
    ("DE", "hesse"): ("Der Magistrat", "Der Oberbürgermeister"),
    ("DE", "municipality"): ("Der Bürgermeister", "Die Bürgermeisterin"),
    ("DE", "market"): ("Der Erste Bürgermeister", "Die Erste Bürgermeisterin"),
    ("DE", "district"): ("Der Landrat", "Die Landrätin", "Kreisverwaltung"),
}
OFFICES = (
    "Fachbereich Stadtentwicklung und Bauen", "Amt 61 – Stadtplanung", "Fachdienst Tiefbau", "Amt für Schulen",
    "Fachbereich Bildung, Jugend und Sport", "Dezernat II", "Fachdienst Umwelt und Klimaschutz", "Kämmerei",
    "Ordnungsamt", "Fachbereich 3 – Bauen und Umwelt", "Referat für Wirtschaftsförderung", "Bauamt",
)
COMMITTEES = (
    "Hauptausschuss", "Finanzausschuss", "Bauausschuss", "Ausschuss für Umwelt und Verkehr",
    "Ausschuss für Bildung und Soziales", "Werkausschuss", "Ortschaftsrat Nord",
)
PARTIES = {"DE": ("SPD", "CDU", "FDP", "Die Linke", "ÖDP", "Freie Wähler"), "AT": ("ÖVP", "SPÖ", "FPÖ", "NEOS"),
           "CH": ("SP", "SVP", "FDP", "GLP", "EVP", "Die Mitte")}
ADMIN_KINDS = ("Beschlussvorlage", "Beschlussvorlage", "Sitzungsvorlage", "Mitteilungsvorlage", "Informationsvorlage",
               "Stellungnahme")
MEMBER_KINDS = {
    "DE": ("Antrag", "Antrag", "Änderungsantrag", "Dringlichkeitsantrag", "Anfrage", "Resolution"),
    "AT": ("Antrag", "Dringlichkeitsantrag", "Anfrage", "Resolution"),
    "CH": ("Motion", "Postulat", "Interpellation", "Einfache Anfrage", "Antrag"),
}
QUESTIONS = frozenset({"Anfrage", "Interpellation", "Einfache Anfrage"})
#: Kinds whose paper informs: no proposal, or one that the body takes note.
NOTICES = frozenset({"Mitteilungsvorlage", "Informationsvorlage", "Stellungnahme"})
NUMBER_LABELS = {"DE": ("Vorlage Nr.:", "Vorlagen-Nr.:", "Drucksache Nr.:", "Drucksache:", "DS-Nr.:", "Vorlage:"),
                 "AT": ("GZ:", "Geschäftszahl:", "Zahl:"), "CH": ("Geschäft Nr.:", "Geschäftsnummer:", "GR-Nr.:")}
DATE_LABELS = ("Datum:", "Datum:", "Stand:")
ADMIN_LABELS = ("Federführend:", "Federführendes Amt:", "Amt:", "Einreicher:", "Fachbereich:")
MEMBER_LABELS = {"DE": ("Antragsteller:", "Antragstellerin:", "Einreicher:", "Verfasser:"),
                 "AT": ("Antragsteller:", "Einreicher:", "Eingebracht von:"),
                 "CH": ("Eingereicht von:", "Einreicher:", "Verfasser:")}
SUBJECT_LABELS = ("Betreff:", "Betreff:", "Betr.:", "Gegenstand:", "Titel:", "Thema:", "", "hier:")
PROPOSAL_LABELS = ("Beschlussvorschlag:", "Beschlussvorschlag", "Beschlussentwurf:",
                   "Beschlussvorschlag der Verwaltung:")
REQUEST_CUES = ("{council} möge beschließen:", "Antrag:", "Beschlussvorschlag:", "{council} wolle beschließen:",
                "Wir beantragen:")
#: What the proposal items of ``letter_dach.request_items`` call the council, in the nominative
#: and the dative.
ITEM_COUNCIL = ("Der Stadtrat", "dem Stadtrat")
QUESTION_CUES = ("Fragen:", "Wir fragen an:", "Wir bitten um Beantwortung folgender Fragen:")
FACT_LABELS = ("Sachverhalt:", "Sachverhalt", "Begründung:", "Begründung", "Erläuterung:", "Sachdarstellung:")
FINANCE_LABELS = ("Finanzielle Auswirkungen:", "Finanzielle Auswirkungen", "Auswirkungen auf den Haushalt:")
ATTACHMENT_LABELS = ("Anlage(n):", "Anlagen:", "Anlage:", "Anlagen")
ATTACHMENTS = ("Lageplan", "Kostenschätzung", "Satzungsentwurf", "Stellungnahme des Ortschaftsrates", "Zeitplan",
               "Übersichtskarte", "Entwurf der Vereinbarung")
FINANCE_ROWS = ("Aufwand", "Ertrag", "Investive Auszahlungen", "Eigenanteil")
FINANCE_NOTES = ("Keine.", "Es entstehen keine finanziellen Auswirkungen.",
                 "Die Mittel stehen im Haushalt zur Verfügung.")
#: Austrian month names in long dates: "Jänner" always, "Feber" in some offices.
AUSTRIAN_MONTHS = {1: ("Jänner",), 2: ("Februar", "Feber")}
# fmt: on

Items = tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] | str | None


@dataclass
class Paper:
    """What one composed paper prints, the layout drawn for it, and its golden values."""

    country: str
    letterhead: tuple[str, ...]
    head_align: str  # "left", "right", "center"
    logo: bool
    head_rows: list[tuple[str, str]]
    head_style: str  # "lines", "ruled", "grid"
    head_at_right: bool
    kind_line: str | None
    kind_first: bool  # the kind in large type over the head rows, else under them
    address: tuple[str, ...]
    subject_label: str | None  # None: the subject is a row of the head
    title: str
    consult_style: str | None  # "table", "lines" or None
    rows: list[tuple[str, str, str, str]]  # (body, date, role, Ö/N)
    status_column: bool
    salutation: str | None
    order: tuple[str, ...]  # "proposal", "facts", "finances" in printed order
    proposal_label: str | None
    opener: str | None
    items: Items
    reasons_label: str | None
    reasons: tuple[vt.Block, ...]
    finance_label: str
    finance_style: str | None  # "prose", "total", "years" or None
    years: tuple[str, ...]
    finance_rows: list[tuple[str, tuple[str, ...]]]
    total: str
    finance_note: str
    attachment_label: str
    attachments: tuple[str, ...]  # as printed; () prints nothing, ("keine",) prints "keine"
    closing: str | None
    date_line: str | None
    signature: tuple[str, ...]
    footer: str | None
    size: float
    lead: float
    margins: tuple[float, float]
    golden: dict[str, Any] = field(default_factory=dict)


def _date(rng: random.Random, country: str, day: dt.date) -> str:
    """A date as this country's offices write it: numeric, or with the month's name."""
    if rng.random() < 0.5:
        if country == "CH" and rng.random() < 0.4:
            return f"{day.day}.{day.month}.{day.year}"
        return vt.de_date(day)
    month = vt.MONTHS[day.month - 1]
    if country == "AT" and day.month in AUSTRIAN_MONTHS:
        month = vt.pick(rng, AUSTRIAN_MONTHS[day.month])
    return f"{day.day}. {month} {day.year}"


def _number(rng: random.Random, country: str, year: int, admin: bool) -> str:
    """A paper number in one of the shapes offices print: an administration's Vorlage and a
    member's Antrag are numbered apart in German councils."""
    n = rng.randint(1, 899)
    if country == "AT":
        return rng.choice((f"A 8 – {rng.randint(1000, 99999)}/{year}-{rng.randint(1, 9)}", f"Präs. {n}/{year}"))
    if country == "CH":
        return rng.choice((f"{year}/{n}", f"{year}-{n:03d}", f"{year}.{rng.randint(1, 9)}.{n:04d}"))
    if admin:
        return rng.choice(
            (
                f"VO/{year}/{n:04d}",
                f"{year}/{n:04d}",
                f"DS {n:03d}/{year % 100:02d}",
                f"{n:03d}/{year}",
                f"{rng.randint(10, 69)}.{rng.randint(1, 9)}-{n:03d}/{year}",
            )
        )
    return rng.choice((f"A {n:03d}/{year}", f"AN/{year}/{n:03d}", f"{n:03d}/{year}", f"DS {n:03d}/{year % 100:02d}"))


def _council_in(text: str, subject: str) -> str:
    """``text`` of the shared proposal pool speaking of this paper's council (``subject``: "Die
    Stadtverordnetenversammlung"): "dem Stadtrat" becomes the dative, "Der Stadtrat" the subject."""
    article, name = subject.split(" ", 1)
    dative = {"Der": "dem", "Das": "dem", "Die": "der"}[article] + " " + name.replace("Grosse ", "Grossen ")
    text = text.replace(ITEM_COUNCIL[0], subject).replace(ITEM_COUNCIL[1], dative)
    # The shared question pool puts "in der" before every street, "Marktplatz" and "Am Mühlgraben" too.
    for street in vt.STREETS:
        text = text.replace(f"in der {street}", vt.at_street(street))
    return text


def _proposal(
    rng: random.Random, kind: str, council: str, admin: bool
) -> tuple[str | None, str | None, Items, list[dict[str, Any]]]:
    """(label or cue, opening sentence, items as printed, golden items) of the proposal;
    ``council`` is the council as a sentence's subject ("Der Gemeinderat")."""
    if kind in NOTICES:
        if kind == "Stellungnahme" or rng.random() < 0.5:
            return None, None, None, []
        text = f"{council} nimmt den Bericht der Verwaltung zur Kenntnis."
        return vt.pick(rng, PROPOSAL_LABELS), None, text, [{"number": None, "text": text}]
    printed, golden = ld.request_items(rng, kind, "Stadtrat")
    if isinstance(printed, str):
        printed = _council_in(printed, council)
    else:
        # The last sub-item ends the sentence its item opened.
        printed = tuple(
            (
                label,
                _council_in(text, council),
                (*subs[:-1], (subs[-1][0], subs[-1][1].rstrip(",") + ".")) if subs else (),
            )
            for label, text, subs in printed
        )
    for item, (_, _, subs) in zip(golden, printed if isinstance(printed, tuple) else (), strict=False):
        if subs:
            item["text"] = item["text"].rstrip(",") + "."
    for item in golden:
        item["text"] = _council_in(item["text"], council)
    if kind in QUESTIONS:
        return vt.pick(rng, QUESTION_CUES), None, printed, golden
    if admin:
        opener = f"{council} beschließt:" if not isinstance(printed, str) and rng.random() < 0.35 else None
        return vt.pick(rng, PROPOSAL_LABELS), opener, printed, golden
    return vt.pick(rng, REQUEST_CUES).format(council=council), None, printed, golden


def _finances(rng: random.Random, dated: dt.date, paper_kind: str) -> tuple[Any, ...]:
    """(style, years, rows, total, golden finances) of the financial effects."""
    if paper_kind in NOTICES:
        style = rng.choice(("prose", None, None))
    else:
        style = rng.choice(("prose", "total", "years", None, None))
    if style in ("prose", None):
        return style, (), [], "", None
    total = vt.de_amount(vt.amount(rng, 20, 4000))
    if style == "total":
        return style, (), [], total, {"rows": [], "total_cost": vt.german_float(total)}
    first = dated.year + rng.randint(0, 1)
    years = tuple(str(first + k) for k in range(rng.randint(2, 4)))
    rows = [
        (label, tuple(vt.de_amount(vt.amount(rng, 2, 900)) if rng.random() < 0.85 else "" for _ in years))
        for label in rng.sample(FINANCE_ROWS, rng.randint(1, 3))
    ]
    total = total if rng.random() < 0.6 else ""
    return style, years, rows, total, vt.finances_golden(years, rows, total)


def draw(rng: random.Random, size: float, lead: float) -> Paper:
    """Draw one paper's parts and its golden values."""
    issuer, place, country, issuer_kind = ISSUERS[rng.randrange(len(ISSUERS))]
    admin = country == "DE" and rng.random() < 0.55
    kind = vt.pick(rng, ADMIN_KINDS if admin else MEMBER_KINDS[country])
    councils = COUNCILS[(country, TOWN_COUNCILS.get(issuer, issuer_kind))]
    addressed, council, council_subject = councils[rng.randrange(len(councils))]
    dated = vt.day(rng)
    # Letterhead: the issuer, with its executive (an administration's paper) or the office.
    letterhead: tuple[str, ...] = (issuer,)
    office = vt.pick(rng, OFFICES)
    hesse = issuer == "Stadt Wetzlar"
    executive = vt.pick(rng, EXECUTIVES.get((country, "hesse" if hesse else issuer_kind), ("Der Bürgermeister",)))
    if admin and rng.random() < 0.7:
        letterhead += (executive,) if rng.random() < 0.6 else (executive, office)
    # Who submits it.
    faction: str | None = None
    if admin:
        originator = office
        submit_label = vt.pick(rng, ADMIN_LABELS)
    else:
        party = vt.pick(rng, PARTIES[country])
        if country == "CH" and rng.random() < 0.4:
            originator = f"{vt.person(rng)} ({party})"
        else:
            originator = faction = (
                rng.choice((f"{party}-Fraktion", f"Fraktion {party}")) if " " not in party else (f"Fraktion {party}")
            )
        submit_label = vt.pick(rng, MEMBER_LABELS[country])
        if faction is None and submit_label == "Verfasser:":
            # A person after "Verfasser:" only wrote the paper (SD.NET's convention): a member files it.
            submit_label = "Eingereicht von:"
    # The head's rows.
    number_label = vt.pick(rng, NUMBER_LABELS[country])
    number = _number(rng, country, dated.year, admin) if rng.random() < 0.85 else None
    date_in_head = rng.random() < 0.7
    public = rng.choice((True, True, False, None)) if admin else rng.choice((True, None, None))
    rows: list[tuple[str, str]] = []
    if number:
        rows.append((number_label, number))
    if date_in_head:
        rows.append((vt.pick(rng, DATE_LABELS), _date(rng, country, dated)))
    rows.append((submit_label, originator))
    if admin and rng.random() < 0.4:
        rows.append(
            (
                rng.choice(("Aktenzeichen:", "Az.:", "Geschäftszeichen:")),
                f"{rng.randint(10, 69)}/{rng.randint(100, 999)}",
            )
        )
    if admin and rng.random() < 0.4:
        rows.append((rng.choice(("Sachbearbeitung:", "Bearbeiter/in:")), vt.person(rng)))
    if public is not None:
        rows.append(
            rng.choice(
                (
                    ("Status:", "öffentlich" if public else "nichtöffentlich"),
                    ("Öffentlich:", "ja" if public else "nein"),
                )
            )
        )
    rng.shuffle(rows)
    head_style = rng.choice(("lines", "ruled", "grid"))
    subject_label: str | None = vt.pick(rng, SUBJECT_LABELS)
    title = vt.title(rng, rng.choice((5, 8, 12, 18, 24)))
    if head_style != "lines" and subject_label not in ("", "hier:") and rng.random() < 0.3:
        # The subject as the head's last row; such a head spans the page (in a grid at the right
        # the subject would wrap to a column of single words).
        rows.append((subject_label, title))
        subject_label = None
    kind_line = kind
    if kind == "Stellungnahme":
        kind_line = "Stellungnahme der Verwaltung"
    elif not admin and faction and rng.random() < 0.3:
        kind_line = f"{kind} der {faction}"
    # A member's paper may be addressed to the council (the golden body); an administration's never.
    address: tuple[str, ...] = ()
    body: str | None = None
    if not admin and rng.random() < 0.5:
        genitive = next((issuer.replace(a, b, 1) for a, b in GENITIVE if issuer.startswith(a)), f"der {issuer}")
        address = (f"An {addressed}", genitive if country != "CH" else place)
        body = council
    # Beratungsfolge: every administration's paper of a decision, some printed members' papers.
    consult_style: str | None = None
    consultations: list[tuple[str, str, str, str]] = []
    if (admin and kind != "Stellungnahme" and rng.random() < 0.85) or (
        country == "DE" and not admin and rng.random() < 0.25
    ):
        consult_style = rng.choice(("table", "table", "lines"))
        when = dated
        count = rng.randint(1, 3)
        bodies = rng.sample(COMMITTEES, count)
        for i in range(count):
            when = vt.later(rng, when, 5, 25)
            last = i == count - 1
            gremium = council if last and (count > 1 or rng.random() < 0.6) else bodies[i]
            role = "Kenntnisnahme" if kind in NOTICES else ("Entscheidung" if last else "Vorberatung")
            consultations.append((gremium, vt.de_date(when), role, rng.choice(("Ö", "Ö", "N"))))
    status_column = consult_style == "table" and rng.random() < 0.35
    label, opener, items, items_golden = _proposal(rng, kind, council_subject, admin)
    facts = vt.blocks(rng, rng.choice((1, 2, 3, 4, 6, 9, 14)))
    finance_style, years, finance_rows, total, finances = _finances(rng, dated, kind)
    if not admin and finance_style not in (None, "prose"):
        finance_style, years, finance_rows, total, finances = None, (), [], "", None
    parts = ["proposal", "facts"] if rng.random() < 0.7 else ["facts", "proposal"]
    if finance_style:
        parts.insert(rng.choice((1, 2)), "finances")
    names = rng.sample(ATTACHMENTS, rng.randint(0, 3))
    attachments: tuple[str, ...] = ()
    attachment_style = rng.randrange(3)
    if names:
        attachments = (
            tuple(f"{i}. {n}" for i, n in enumerate(names, start=1))
            if attachment_style == 0
            else tuple(f"Anlage {i}: {n}" for i, n in enumerate(names, start=1))
            if attachment_style == 1
            else tuple(names)
        )
    elif admin and rng.random() < 0.4:
        attachments = ("keine",)
    letter_like = not admin and rng.random() < 0.5
    signer = ("Dr. " if rng.random() < 0.2 else "") + vt.person(rng)
    if admin:
        # The head of the office in charge signs.
        role = rng.choice(("Amtsleitung", "Fachbereichsleitung", "Leitung des Fachdienstes"))
        signature = (f"gez. {signer}", role) if rng.random() < 0.6 else (f"gez. {signer}, {role}",)
    elif faction:
        signature = (signer, faction) if rng.random() < 0.6 else (signer, vt.person(rng), f"für die {faction}")
    else:
        signature = (originator,)
    date_line = (
        None
        if date_in_head
        else f"{place}, {'den ' if country == 'DE' and rng.random() < 0.5 else ''}{_date(rng, country, dated)}"
    )
    attachments_golden = (
        [] if attachments == ("keine",) else [a.split(". ", 1)[1] if attachment_style == 0 else a for a in attachments]
    )
    paper = Paper(
        country=country,
        letterhead=letterhead,
        head_align=rng.choice(("left", "left", "right", "center")),
        logo=rng.random() < 0.4,
        head_rows=rows,
        head_style=head_style,
        head_at_right=head_style != "lines" and subject_label is not None and rng.random() < 0.35,
        kind_line=kind_line if subject_label != "" or rng.random() < 0.7 else None,
        kind_first=rng.random() < 0.5 and subject_label != "hier:",
        address=address,
        subject_label=subject_label,
        title=title,
        consult_style=consult_style,
        rows=consultations,
        status_column=status_column,
        salutation=("Sehr geehrte Damen und Herren," if letter_like else None),
        order=tuple(parts),
        proposal_label=label,
        opener=opener,
        items=items,
        reasons_label=vt.pick(rng, FACT_LABELS) if admin else rng.choice(("Begründung:", "Begründung", "Sachverhalt:")),
        reasons=facts,
        finance_label=vt.pick(rng, FINANCE_LABELS),
        finance_style=finance_style,
        years=years,
        finance_rows=finance_rows,
        total=total,
        finance_note=vt.pick(rng, FINANCE_NOTES),
        attachment_label=vt.pick(rng, ATTACHMENT_LABELS),
        attachments=attachments,
        closing=rng.choice(("Mit freundlichen Grüßen", "Freundliche Grüße")) if letter_like else None,
        date_line=date_line,
        signature=signature,
        footer=rng.choice((None, "Seite {n} von {m}", "- {n} -")),
        size=size,
        lead=lead,
        margins=(rng.choice((57.0, 65.0, 70.0, 75.0)), rng.choice((525.0, 530.0, 540.0))),
    )
    if paper.kind_line is None:
        # Without a kind line the paper names its kind only in the subject's label.
        paper.subject_label = f"{kind}:"
    paper.golden = {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": public,
        "body": body,
        "originator": originator,
        "faction": faction,
        "date": dated.isoformat(),
        "consultations": vt.consultations_golden(consultations, status_column),
        "resolution_proposal": items_golden,
        "checkboxes": [],
        "finances": finances,
        "attachments": attachments_golden,
        "justification": vt.blocks_text(facts),
    }
    if country == "CH":
        swiss = {f.name: vt.swiss_spelling(getattr(paper, f.name)) for f in dataclasses.fields(paper)}
        paper = Paper(**swiss)
    return paper


def _letterhead(flow: template_flow.Flow, paper: Paper) -> None:
    """The issuer and its executive or office, left, right or centred, and a logo box."""
    size = paper.size
    x = {"left": flow.left, "right": flow.right, "center": (flow.left + flow.right) / 2}[paper.head_align]
    logo_w = 46.0
    if paper.logo:
        # The logo stands where the letterhead is not, or beside it when the letterhead is centred.
        lx = flow.left if paper.head_align == "right" else flow.right - logo_w
        flow.ops.append(fp.Frame(lx, 790 - logo_w + 14, logo_w, logo_w))
        flow.ops.append(fp.Rule(lx + 8, 790 - logo_w + 22, lx + logo_w - 8, 790 + 6))
    y = 790.0
    for i, line in enumerate(paper.letterhead):
        font, line_size = (ff.BOLD, size + 4) if i == 0 else (ff.REG, size + 1)
        flow.ops.append(fp.Text(x, y, line, font, line_size, paper.head_align))  # type: ignore[arg-type]
        y -= line_size * 1.35
    flow.y = min(y, 790 - logo_w) - paper.lead * 1.5 if paper.logo else y - paper.lead * 1.5


def _head_rows(flow: template_flow.Flow, paper: Paper) -> None:
    """The label/value head: lines at a tab stop, a ruled table or a borderless grid."""
    small = paper.size - 0.5
    label_w = max(ff.width(label, ff.REG, small) for label, _ in paper.head_rows) + 14
    if paper.head_style == "lines":
        for label, value in paper.head_rows:
            flow.ensure(flow.lead)
            flow.ops.append(fp.Text(flow.left, flow.y, label, ff.REG, small))
            for line in ff.wrap(value, flow.right - flow.left - label_w, ff.REG, small):
                flow.line(line, x=flow.left + label_w, size=small, lead=small * 1.3)
        flow.space(paper.lead * 0.8)
        return
    x = flow.left + (flow.right - flow.left) * 0.5 if paper.head_at_right else flow.left
    room = flow.right - x - label_w
    value_w = min(room, max(ff.width(value, ff.REG, small) for _, value in paper.head_rows) + 14)
    flow.table(
        [label_w, value_w],
        [list(row) for row in paper.head_rows],
        size=small,
        lead=small * 1.25,
        x=x,
        ruled=paper.head_style == "ruled",
    )


def _kind_line(flow: template_flow.Flow, paper: Paper) -> None:
    if paper.kind_line:
        big = paper.size + 4
        flow.line(paper.kind_line, font=ff.BOLD, size=big, lead=big * 1.5)


def _subject(flow: template_flow.Flow, paper: Paper) -> None:
    """The subject after its label at a tab stop, or as a bold heading."""
    if paper.subject_label is None:
        return
    size = paper.size
    if paper.subject_label == "":
        big = size + 2
        for line in ff.wrap(paper.title, flow.right - flow.left, ff.BOLD, big):
            flow.line(line, font=ff.BOLD, size=big, lead=big * 1.3)
    else:
        tab = flow.left + ff.width(paper.subject_label, ff.BOLD, size) + 10
        flow.ops.append(fp.Text(flow.left, flow.y, paper.subject_label, ff.BOLD, size))
        for line in ff.wrap(paper.title, flow.right - tab, ff.BOLD, size):
            flow.line(line, x=tab, font=ff.BOLD)
    flow.space(paper.lead)


def _consultations(flow: template_flow.Flow, paper: Paper) -> None:
    """The Beratungsfolge: a ruled table with a header, or tab-stop lines under the label."""
    if not paper.consult_style:
        return
    flow.line("Beratungsfolge:", font=ff.BOLD)
    flow.space(paper.lead * 0.2)
    small = paper.size - 1
    if paper.consult_style == "lines":
        date_w = ff.width("00.00.0000", ff.REG, small) + 16
        body_w = max(ff.width(body, ff.REG, small) for body, _, _, _ in paper.rows) + 20
        for body, day, role, _ in paper.rows:
            flow.ensure(flow.lead)
            flow.ops.append(fp.Text(flow.left, flow.y, day, ff.REG, small))
            flow.ops.append(fp.Text(flow.left + date_w, flow.y, body, ff.REG, small))
            flow.line(role, x=flow.left + date_w + body_w, size=small, lead=small * 1.35)
        flow.space(paper.lead * 0.6)
        return
    template_flow.consultation_table(flow, "Sitzung", paper.rows, paper.status_column, small)
    flow.space(paper.lead * 0.3)


def _proposal_section(flow: template_flow.Flow, paper: Paper) -> None:
    if paper.items is None or paper.proposal_label is None:
        return
    template_flow.lettered_request(flow, paper.proposal_label, paper.items, size=paper.size, opener=paper.opener)


def _facts(flow: template_flow.Flow, paper: Paper) -> None:
    if paper.reasons_label:
        flow.heading(paper.reasons_label, size=paper.size + 0.5, before=paper.lead * 0.4, after=paper.lead * 0.2)
    template_flow.blocks(flow, paper.reasons)


def _finance_section(flow: template_flow.Flow, paper: Paper) -> None:
    """The financial effects: a sentence, the total, or a table of amounts by year."""
    size = paper.size
    flow.heading(paper.finance_label, size=size + 0.5, before=paper.lead * 0.4, after=paper.lead * 0.3)
    if paper.finance_style == "prose":
        flow.para(paper.finance_note, after=paper.lead * 0.6)
        return
    if paper.finance_style == "years":
        small = size - 0.5
        header = ["Haushaltsjahr", *paper.years]
        cells = [[label, *(f"{a} €" if a else "" for a in amounts)] for label, amounts in paper.finance_rows]
        first = max(ff.width(c, ff.BOLD, small) for c in (header[0], *(r[0] for r in cells))) + 14
        widths = [first, *([min(90.0, (flow.right - flow.left - first) / len(paper.years))] * len(paper.years))]
        flow.table(
            widths, cells, header=header, size=small, lead=small * 1.3, aligns=["left", *(["right"] * len(paper.years))]
        )
    if paper.total:
        flow.line(f"Gesamtkosten: {paper.total} €")
    flow.space(paper.lead * 0.5)


def _attachments(flow: template_flow.Flow, paper: Paper) -> None:
    if not paper.attachments:
        return
    if paper.attachments == ("keine",):
        flow.ensure(paper.lead * 2)
        flow.space(paper.lead * 0.4)
        tab = flow.left + ff.width(paper.attachment_label, ff.BOLD, paper.size) + 10
        flow.ops.append(fp.Text(flow.left, flow.y, paper.attachment_label, ff.BOLD, paper.size))
        flow.line("keine", x=tab)
        return
    flow.heading(paper.attachment_label, size=paper.size, before=paper.lead * 0.4, after=0)
    for entry in paper.attachments:
        flow.line(entry)


def render(paper: Paper, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages in its printed order and write the PDF; returns its path."""
    left, right = paper.margins
    flow = template_flow.Flow(left=left, right=right, body=paper.size, lead=paper.lead, top=770)
    _letterhead(flow, paper)
    if paper.address:
        for line in paper.address:
            flow.line(line)
        flow.space(paper.lead)
    if paper.kind_first:
        _kind_line(flow, paper)
        flow.space(paper.lead * 0.3)
    _head_rows(flow, paper)
    if not paper.kind_first:
        _kind_line(flow, paper)
    _subject(flow, paper)
    _consultations(flow, paper)
    if paper.salutation:
        flow.space(paper.lead * 0.5)
        flow.para(paper.salutation, after=paper.lead * 0.5)
    for part in paper.order:
        {"proposal": _proposal_section, "facts": _facts, "finances": _finance_section}[part](flow, paper)
    _attachments(flow, paper)
    flow.space(paper.lead)
    flow.ensure(paper.lead * (4 + len(paper.signature)) + 30)
    if paper.date_line:
        flow.line(paper.date_line)
        flow.space(paper.lead * 0.6)
    if paper.closing:
        flow.para(paper.closing, after=24)
    for line in paper.signature:
        flow.line(line)
    pages = flow.finish(header=None, footer=paper.footer if len(flow.pages) > 1 else None)
    meta = template_flow.Meta(paper.title, paper.letterhead[0])
    template_flow.render("reportlab", flow, pages, meta, out)
    return out


def mixed_paper(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one composed paper to ``out`` in the face the caller chose; returns its
    golden fields (the caller adds the page count). A paper of more than four pages is rendered
    again with half its facts."""
    size, lead = size_and_lead(rng)
    paper = draw(rng, size, lead)
    shrink = template_flow.halving_reasons(paper, lambda: vt.blocks_text(paper.reasons))
    template_flow.render_within(lambda: render(paper, out), shrink, MAX_PAGES)
    return paper.golden
