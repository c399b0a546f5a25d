"""The ``aenderungsantrag`` variant family (built only when named): amendments and supplementary
motions that factions, groups or members file against a Vorlage of the administration.

An Änderungsantrag, Ergänzungsantrag, Ersetzungsantrag, Zusatzantrag or (Austrian) Abänderungsantrag
of one faction or of two or three together. The head is a faction's letterhead (bold, with its
address under it), a plain sender block at the top left, or a council information system's print
(the kind, "Drucksache Nr. 0112/23-1" or "Änderungsantrag Nr. ÄA/2024/012", "Antragsteller:",
"Datum:", a "Beratungsfolge" table of one or two rows). A letter may be addressed to the
Oberbürgermeister, to the council or to a committee's chair. The subject names the Vorlage the
paper changes ("Änderungsantrag der SPD-Fraktion zur Vorlage 0112/23 „Neubau der Grundschule
Nord“" as one bold heading, or the kind over "Betreff:", "zu:" or "hier:" and the Vorlage, or
"Änderungsantrag: <subject>"), on one line or wrapped, with typographic quotes. The proposal
("Der Rat möge beschließen:", "Der Beschlussvorschlag wird wie folgt geändert:",
"Beschlussvorschlag (neu):") is either numbered changes ("Ziffer 2 erhält folgende Fassung:" with
the new wording quoted in an indented paragraph under the item, "Nach Ziffer 3 wird folgende
Ziffer 3a eingefügt:", "Ziffer 4 wird gestrichen.") or the whole amended proposal restated with
the changed words in bold or underlined. "Begründung:" follows in one to several paragraphs,
maybe over a page break, sometimes with a "bisherige Fassung | neue Fassung" table (ruled or
not), then the signatures. Liberation Sans/Serif, DejaVu, Carlito at 9-12 pt, one to four pages;
about one paper in four is typed into a Word document and converted by LibreOffice.

Golden conventions (from the letter, joint-paper and satzung-synopse families and
eval/real/README.md):

- ``number`` is the amendment's own number where the paper prints one ("Drucksache Nr.
  0112/23-1" → "0112/23-1", "Änderungsantrag Nr. ÄA/2024/012" → "ÄA/2024/012", "Antrag Nr.:
  AN/2024/0123"), else null; the number of the Vorlage it changes is never its number (as
  Erfurt's "Antrag zur Drucksache 0112/23").
- ``document_type`` is the printed type word ("Änderungsantrag", "Ergänzungsantrag",
  "Ersetzungsantrag", "Zusatzantrag", "Abänderungsantrag"); "Gemeinsamer Änderungsantrag" is an
  Änderungsantrag, as joint_paper's "Gemeinsamer Antrag" is an Antrag.
- ``title`` is the subject as printed: the text after "Betreff:", "zu:" or "hier:" or after
  "Änderungsantrag:" (as the letters' "Antrag: <title>"), else the bold subject heading in full
  when the kind, the senders and the Vorlage stand in that one heading ("Änderungsantrag der
  SPD-Fraktion zur Vorlage 0112/23 „Neubau der Grundschule Nord“"). Lines joined with spaces.
- ``originator`` is the "Antragsteller:" value of a print, else the first line of the letterhead
  or sender block ("SPD-Fraktion im Rat der Stadt Bonn", as letter_dach); a joint paper's senders
  as the paper names them together (joint_paper's convention). ``faction`` is the originator,
  as every sender here is a Fraktion, Klub or Gruppe. ``body`` is the council of an address ("An
  den Rat der Stadt Bonn" → "Rat der Stadt Bonn"; on two lines "Rat"), else null; a committee's
  chair or the mayor addressed is no body. ``public`` is null (no status is printed).
- ``consultations`` are the Beratungsfolge's rows (public from a status column where printed).
- ``resolution_proposal``: one item per numbered change (or per point of a restated proposal),
  numbers as printed without "." or ")"; the quoted new wording under an item belongs to it and
  is joined to its text with a space; a single unnumbered change is one item with number null.
  A note on how the changes are marked ("Änderungen sind unterstrichen.") is no item.
- ``justification`` is the Begründung's paragraphs (as the letters write them); a table of the
  old and new wording inside it is a block of its own as fixtures/README.md sets a table (one line
  per row, cells joined with " | ", the header once). Salutation, an opening sentence before the
  proposal, closing and signatures are no part of it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import office_vorlage as ov
import template_flow
import variant_text as vt

MAX_PAGES = 4

# fmt: off
#: (city, postcode, country, the council's name, how a faction names its place in it).
CITIES = (
    ("Bonn", "53111", "DE", "Rat", "im Rat der Stadt Bonn"),
    ("Kassel", "34117", "DE", "Stadtverordnetenversammlung", "in der Stadtverordnetenversammlung Kassel"),
    ("Heidelberg", "69117", "DE", "Gemeinderat", "im Gemeinderat Heidelberg"),
    ("Regensburg", "93047", "DE", "Stadtrat", "im Regensburger Stadtrat"),
    ("Halle (Saale)", "06108", "DE", "Stadtrat", "im Stadtrat Halle (Saale)"),
    ("Oldenburg", "26122", "DE", "Rat", "im Rat der Stadt Oldenburg"),
    ("Potsdam", "14467", "DE", "Stadtverordnetenversammlung", "in der Stadtverordnetenversammlung Potsdam"),
    ("Ulm", "89073", "DE", "Gemeinderat", "im Ulmer Gemeinderat"),
    ("Graz", "8010", "AT", "Gemeinderat", "im Grazer Gemeinderat"),
    ("Linz", "4020", "AT", "Gemeinderat", "im Linzer Gemeinderat"),
    ("Winterthur", "8400", "CH", "Grosser Gemeinderat", "im Grossen Gemeinderat Winterthur"),
)
PARTIES = {
    "DE": ("SPD", "CDU", "Bündnis 90/Die Grünen", "DIE LINKE", "FDP", "Freie Wähler", "Volt", "CSU"),
    "AT": ("SPÖ", "ÖVP", "Grünen", "NEOS", "KPÖ"),
    "CH": ("SP", "GLP", "Grüne", "FDP", "Die Mitte"),
}
KINDS = {
    "DE": ("Änderungsantrag", "Änderungsantrag", "Änderungsantrag", "Ergänzungsantrag", "Ergänzungsantrag",
           "Ersetzungsantrag", "Zusatzantrag"),
    "AT": ("Abänderungsantrag", "Abänderungsantrag", "Zusatzantrag"),
    "CH": ("Änderungsantrag", "Ergänzungsantrag"),
}
JOINT = {"DE": "Gemeinsamer", "AT": "Gemeinsamer", "CH": "Gemeinsamer"}
TOPICS = (
    "Neubau der Grundschule Nord", "Sanierung des Hallenbades Süd", "Radverkehrskonzept 2030",
    "Fortschreibung des Nahverkehrsplans", "Haushaltssatzung und Haushaltsplan 2025",
    "Bebauungsplan Nr. 112 „Am Mühlenbach“", "Kita-Bedarfsplanung 2025/2026",
    "Klimaschutzkonzept der Stadt", "Umgestaltung des Marktplatzes", "Parkraumbewirtschaftung in der Innenstadt",
    "Erweiterung der Feuerwache Ost", "Wohnraumversorgungskonzept", "Sportstättenentwicklungsplan",
)
COMMITTEES = ("Haupt- und Finanzausschuss", "Ausschuss für Umwelt und Verkehr", "Bauausschuss",
              "Schulausschuss", "Ausschuss für Stadtentwicklung", "Finanzausschuss", "Sozialausschuss")
ROLES = ("Vorberatung", "Entscheidung", "Beschlussfassung", "Vorberatung")
CHAIRS = ("Fraktionsvorsitzender", "Fraktionsvorsitzende", "Fraktionssprecherin", "stv. Fraktionsvorsitzender")
AT_CHAIRS = ("Klubobmann", "Klubobfrau", "Gemeinderätin")
CH_CHAIRS = ("Fraktionspräsidentin", "Fraktionspräsident")
CLOSINGS = ("Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Freundliche Grüße")
NEW_WORDING = (
    "Die Verwaltung wird beauftragt, bis zum {date} ein Konzept für die {topic} vorzulegen und dabei "
    "die Ortsteilräte zu beteiligen.",
    "Die Mittel in Höhe von {amount} EUR werden im Haushalt {year} für die {facility} bereitgestellt.",
    "{council} beschließt die {topic} {street} mit der Maßgabe, dass die Bauarbeiten bis {year} abgeschlossen werden.",
    "Über den Stand der Umsetzung ist dem {committee} halbjährlich, erstmals zum {date}, zu berichten.",
    "Die {facility} ist barrierefrei zu planen; die Beiräte für Menschen mit Behinderungen sind "
    "frühzeitig einzubeziehen.",
    "Die Verwaltung prüft, ob Fördermittel des Landes für die {topic} beantragt werden können, und "
    "berichtet im {committee}.",
    "Auf die {topic} {street} wird verzichtet; die eingesparten Mittel fließen in die {facility}.",
)
REASON_LEADS = ("Begründung:", "Begründung:", "Begründung", "Zur Begründung:")
# fmt: on


@dataclass(frozen=True)
class Change:
    """One numbered change: its label, its sentence and the quoted new wording under it."""

    label: str
    text: str
    quote: str | None
    inline: bool  # the quote on the item's own line, not an indented paragraph


@dataclass
class Paper:
    """What one amendment prints, the layout drawn for it, and its golden values."""

    country: str
    city: str
    head: str  # "letterhead", "plain" or "print"
    letterhead: tuple[str, ...]
    print_city: str
    print_kind_line: str  # the print's type line ("Änderungsantrag" or "Änderungsantrag Nr. ÄA/...")
    print_number_right: str | None  # "Drucksache Nr. 0112/23-1" at the right of the type line
    rows: list[tuple[str, str]]
    consultations: list[tuple[str, str, str, str]]
    status_column: bool
    address: tuple[str, ...]
    date_line: str | None
    heading: str | None  # the bold type heading (maybe with senders), or None
    subject_label: str  # "Betreff:", "zu:", "hier:", "Änderungsantrag:" or "" (a bold heading)
    title: str
    salutation: str | None
    opening: str | None
    cue: str
    restated: bool
    note: str | None
    changes: list[Change]
    marks: list[tuple[str, ...]]  # per restated item: the phrases set off
    mark_style: str  # "bold" or "underline"
    reasons_label: str
    reasons: tuple[vt.Block, ...]
    synopsis: list[tuple[str, str]]
    synopsis_lead: str
    synopsis_ruled: bool
    closing: str | None
    signatures: tuple[tuple[str, ...], ...]
    side_by_side: bool
    docx: bool
    golden: dict[str, Any] = field(default_factory=dict)


def _group_name(rng: random.Random, country: str, party: str) -> str:
    """A faction's name as it signs ("SPD-Fraktion", "Fraktion DIE LINKE", "Klub der NEOS")."""
    if country == "AT":
        return f"Gemeinderatsklub der {party}" if party in ("Grünen", "NEOS") else f"{party}-Gemeinderatsklub"
    if " " in party or "/" in party or rng.random() < 0.5:
        return f"Fraktion {party}"
    return f"{party}-Fraktion"


def _vorlage_number(rng: random.Random, year: int) -> str:
    """The number of the Vorlage the paper changes, in one of several towns' forms."""
    n = rng.randint(12, 480)
    return rng.choice(
        (
            f"{n:04d}/{year % 100}",
            f"{year}/{n:03d}",
            f"BV/{year}/{n:03d}",
            f"VO/{year}/{n:03d}",
            f"{year % 100}/{n:04d}",
        )
    )


def _wording(rng: random.Random, council: str, year: int) -> str:
    """A new wording for a point of the proposal."""
    template = vt.pick(rng, NEW_WORDING)
    return template.format(
        date=vt.de_date(vt.day(rng, year)),
        topic=vt.pick(rng, vt.TOPICS),
        amount=f"{rng.randint(20, 900) * 1000:,}".replace(",", "."),
        year=rng.randint(year + 1, year + 3),
        facility=vt.pick(rng, vt.FACILITIES),
        council=council,
        street=vt.at_street(vt.pick(rng, vt.STREETS)),
        committee=vt.pick(rng, COMMITTEES),
    )


def _changes(rng: random.Random, council: str, year: int, count: int, style: str) -> list[Change]:
    """``count`` numbered changes to the Vorlage's proposal, labelled "1." or "1)" (``style``)
    or, for one change, unlabelled when ``style`` is ""."""
    out: list[Change] = []
    points = sorted(rng.sample(range(1, 7), count))
    for i, point in enumerate(points, start=1):
        label = "" if not style else (f"{i}." if style == "1." else f"{i})")
        form = rng.randrange(6)
        quote: str | None = f"„{_wording(rng, council, year)}“"
        if form == 0:
            text = f"Ziffer {point} erhält folgende Fassung:"
        elif form == 1:
            text = f"Nach Ziffer {point} wird folgende Ziffer {point}a eingefügt:"
        elif form == 2:
            text = f"Ziffer {point} wird gestrichen."
            quote = None
        elif form == 3:
            old, new = rng.sample(("bis 2026", "bis 2028", "im Jahr 2025", "schnellstmöglich", "im Sommer"), 2)
            text = f"In Ziffer {point} werden die Wörter „{old}“ durch die Wörter „{new}“ ersetzt."
            quote = None
        elif form == 4:
            text = "Der Beschlussvorschlag wird um folgende Ziffer ergänzt:"
        else:
            text = f"Satz 2 der Ziffer {point} wird wie folgt gefasst:"
        out.append(Change(label, text, quote, inline=quote is not None and rng.random() < 0.2))
    return out


def _restated(rng: random.Random, council: str, year: int, count: int) -> tuple[list[Change], list[tuple[str, ...]]]:
    """The amended proposal restated: ``count`` points, some with a phrase set off as changed."""
    changes: list[Change] = []
    marks: list[tuple[str, ...]] = []
    label_style = rng.choice(("1.", "1.", "1)"))
    for i in range(1, count + 1):
        text = _wording(rng, council, year)
        label = f"{i}." if label_style == "1." else f"{i})"
        changes.append(Change(label, text, None, inline=False))
        words = text.rstrip(".").split()
        if rng.random() < 0.6 and len(words) > 5:
            start = rng.randrange(1, len(words) - 3)
            length = rng.randint(2, min(6, len(words) - start))
            marks.append((" ".join(words[start : start + length]),))
        else:
            marks.append(())
    if not any(marks):
        words = changes[0].text.rstrip(".").split()
        marks[0] = (" ".join(words[1:4]),)
    return changes, marks


def _date_line(rng: random.Random, city: str, country: str, dated: dt.date) -> str:
    place = city.split(" (")[0]
    if country == "AT" and dated.month == 1:
        return f"{place}, am {dated.day}. Jänner {dated.year}"
    return rng.choice((f"{place}, {vt.de_date(dated)}", f"{place}, den {vt.long_date(dated)}", vt.de_date(dated)))


def _signature(rng: random.Random, country: str, group: str, signer: str) -> tuple[str, ...]:
    chair = vt.pick(rng, {"DE": CHAIRS, "AT": AT_CHAIRS, "CH": CH_CHAIRS}[country])
    name = f"gez. {signer}" if rng.random() < 0.5 else signer
    if rng.random() < 0.5:
        return (name, chair, group)
    return (name, f"{chair} {group}" if rng.random() < 0.5 else chair)


def draw(rng: random.Random) -> Paper:
    """Draw one amendment and its golden values."""
    city, postcode, country, council, in_council = CITIES[rng.randrange(len(CITIES))]
    kind = vt.pick(rng, KINDS[country])
    dated = vt.day(rng)
    year = dated.year
    # The council as a sentence's subject ("Der Rat", "Die Stadtverordnetenversammlung").
    the_council = "Die Stadtverordnetenversammlung" if council.startswith("Stadtv") else f"Der {council}"
    the_council = the_council.replace("Grosser", "Grosse")
    count = rng.choices((1, 2, 3), (7, 2, 1))[0]
    parties = rng.sample(PARTIES[country], count)
    groups = [_group_name(rng, country, p) for p in parties]
    joint = count > 1
    joined = ", ".join(groups[:-1]) + " und " + groups[-1] if joint else groups[0]
    head = rng.choices(("letterhead", "plain", "print"), (4, 2, 4))[0]
    docx = rng.random() < 0.25
    vnum = _vorlage_number(rng, year)
    topic = vt.pick(rng, TOPICS) if rng.random() < 0.6 else vt.title(rng, rng.choice((4, 6, 9)))
    # Who sends it, and where the paper names its senders.
    letterhead: tuple[str, ...] = ()
    rows: list[tuple[str, str]] = []
    number: str | None = None
    print_kind_line = ""
    print_number_right: str | None = None
    consultations: list[tuple[str, str, str, str]] = []
    status_column = False
    if head == "print":
        originator = joined if joint else groups[0]
        faction = originator
        roll = rng.random()
        if roll < 0.4:
            number = f"{vnum}-{rng.randint(1, 3)}"
            print_number_right = rng.choice(("Drucksache Nr. ", "Drucksachen-Nr.: ", "Vorlage ")) + number
            print_kind_line = kind
        elif roll < 0.7:
            number = rng.choice((f"ÄA/{year}/{rng.randint(1, 99):03d}", f"A-{rng.randint(10, 299)}/{year % 100}"))
            print_kind_line = f"{kind} Nr. {number}"
        else:
            print_kind_line = kind
            if rng.random() < 0.6:
                number = f"AN/{year}/{rng.randint(1, 999):04d}"
                rows.append(("Antrag Nr.:", number))
        rows.append((rng.choice(("Antragsteller:", "Antragsteller/in:", "Einreicher:")), originator))
        rows.append(("Datum:", vt.de_date(dated)))
        if rng.random() < 0.4:
            rows.append(("Bezug:", f"Vorlage {vnum}"))
        status_column = rng.random() < 0.4
        meeting = vt.later(rng, dated, 5, 30)
        bodies = [*rng.sample(COMMITTEES, 1), council] if rng.random() < 0.5 else [council]
        for k, body in enumerate(bodies):
            when = meeting if k == 0 else vt.later(rng, meeting, 7, 21)
            role = "Vorberatung" if k == 0 and len(bodies) > 1 else rng.choice(("Entscheidung", "Beschlussfassung"))
            consultations.append((body, vt.de_date(when), role, "Ö" if rng.random() < 0.85 else "N"))
    else:
        street = f"Rathausplatz {rng.randint(1, 9)}" if country != "CH" else f"Stadthausstrasse {rng.randint(1, 9)}"
        first = joined if joint else (f"{groups[0]} {in_council}" if rng.random() < 0.7 else groups[0])
        letterhead = (first, f"{street} · {postcode} {city}")
        if head == "letterhead" and rng.random() < 0.5:
            letterhead += (f"Telefon 0{rng.randint(200, 999)} {rng.randint(1000, 9999)}",)
        originator = faction = first
    # Address (letters only).
    address: tuple[str, ...] = ()
    body: str | None = None
    if head != "print":
        to = rng.randrange(4)
        mayor = {"DE": "Oberbürgermeister", "AT": "Bürgermeister", "CH": "Stadtpräsidenten"}[country]
        if to == 0:
            address = (f"Herrn {mayor}", vt.person(rng), "Rathaus", f"{postcode} {city}")
        elif to == 1 and country == "DE":
            town = f"der Stadt {city.split(' (')[0]}"
            article = "die" if council == "Stadtverordnetenversammlung" else "den"
            if rng.random() < 0.5:
                address = (f"An {article} {council} {town}",)
                body = f"{council} {town}"
            else:
                address = (f"An {article} {council}", town)
                body = council
        elif to == 2:
            address = (
                f"An die Vorsitzende des {vt.pick(rng, COMMITTEES).replace('usschuss', 'usschusses', 1)}",
                vt.person(rng),
                "– im Hause –",
            )
    # Type and subject.
    joint_word = f"{JOINT[country]} " if joint and rng.random() < 0.5 else ""
    quoted = f"„{topic}“"
    ref_form = rng.randrange(4)
    if ref_form == 0:
        reference = f"Vorlage {vnum} {quoted}"
    elif ref_form == 1:
        reference = f"Beschlussvorlage {vnum} {quoted}"
    elif ref_form == 2:
        reference = f"TOP {rng.randint(3, 18)} – DS {vnum} {quoted}"
    else:
        reference = f"Drucksache {vnum} – {topic}"
    style = rng.randrange(4) if head != "print" else rng.choice((1, 1, 2, 3))
    heading: str | None
    if style == 0:
        # One bold heading with kind, senders and Vorlage: the subject as printed.
        senders = joined if joint else groups[0]
        connector = "zu TOP" if reference.startswith("TOP") else "zur"
        ref = reference[4:] if reference.startswith("TOP") else reference
        title = f"{joint_word}{kind} der {senders} {connector} {ref}"
        if reference.startswith("Drucksache"):
            title = f"{joint_word}{kind} der {senders} zur {reference}"
        heading, label = None, ""
    elif style == 1:
        heading = f"{joint_word}{kind}" + (f" der {joined}" if rng.random() < 0.4 else "")
        if head == "print":
            heading = None
        label = rng.choice(("Betreff:", "Betreff:", "zu:", "hier:"))
        title = reference if label != "Betreff:" or rng.random() < 0.5 else f"{kind} zu {reference}"
    elif style == 2:
        heading = None
        label = rng.choice(("Betreff:", "Betreff:", "zu:"))
        title = f"{kind} zu {reference}" if rng.random() < 0.6 else f"{topic} – {kind} zur Vorlage {vnum}"
    else:
        heading = None
        label = f"{kind}:"
        title = rng.choice((f"{topic} (Vorlage {vnum})", f"zur Vorlage {vnum} {quoted}"))
    if head == "print" and label == f"{kind}:":
        label = "Betreff:"
    # The proposal.
    restated = rng.random() < 0.3
    marks: list[tuple[str, ...]] = []
    note: str | None = None
    if restated:
        cue = rng.choice(
            (
                "Beschlussvorschlag (neu):",
                "Der Beschlussvorschlag erhält folgende neue Fassung:",
                f"{the_council} möge beschließen:",
            )
        )
        changes, marks = _restated(rng, the_council, year, rng.randint(2, 5))
        mark_style = rng.choice(("bold", "underline"))
        if rng.random() < 0.5:
            note = "(Änderungen gegenüber der Vorlage sind " + (
                "fett gedruckt.)" if mark_style == "bold" else "unterstrichen.)"
            )
    else:
        mark_style = "bold"
        cue = rng.choice(
            (
                f"{the_council} möge beschließen:",
                "Der Beschlussvorschlag wird wie folgt geändert:",
                "Der Beschlussvorschlag der Verwaltung wird wie folgt geändert:",
                "Wir beantragen, den Beschlussvorschlag wie folgt zu ändern:",
                "Antrag:",
            )
        )
        n = rng.choices((1, 2, 3, 4), (3, 4, 3, 1))[0]
        label_style = "" if n == 1 and rng.random() < 0.5 else rng.choice(("1.", "1.", "1)"))
        changes = _changes(rng, the_council, year, n, label_style)
    # Begründung, maybe with a table of the old and new wording.
    reasons = vt.blocks(rng, rng.choice((1, 1, 2, 3, 4, 6, 9, 14, 20)))
    synopsis: list[tuple[str, str]] = []
    synopsis_lead = ""
    if not restated and rng.random() < 0.3:
        synopsis_lead = rng.choice(("Zur Übersicht die Änderungen im Vergleich:", "Gegenüberstellung:"))
        for _ in range(rng.randint(1, 3)):
            synopsis.append((_wording(rng, the_council, year), _wording(rng, the_council, year)))
    salutation = None
    if head != "print" and rng.random() < 0.5:
        mayor = {"DE": "Oberbürgermeister", "AT": "Bürgermeister", "CH": "Stadtpräsident"}[country]
        to_mayor = bool(address) and address[0].startswith("Herrn")
        salutation = f"Sehr geehrter Herr {mayor}," if to_mayor else "Sehr geehrte Damen und Herren,"
    opening = None
    if rng.random() < 0.35:
        what = "stellen wir" if joint or rng.random() < 0.5 else f"stellt die {groups[0]}"
        opening = (
            f"zur Vorlage {vnum} {what} folgenden {kind}:"
            if salutation
            else f"Zur Vorlage {vnum} {what} folgenden {kind}:"
        )
    signers = [("Dr. " if rng.random() < 0.1 else "") + vt.person(rng) for _ in groups]
    signatures = tuple(_signature(rng, country, g, s) for g, s in zip(groups, signers, strict=True))
    paper = Paper(
        country=country,
        city=city,
        head=head,
        letterhead=letterhead,
        print_city=f"Stadt {city.split(' (')[0]}",
        print_kind_line=print_kind_line,
        print_number_right=print_number_right,
        rows=rows,
        consultations=consultations,
        status_column=status_column,
        address=address,
        date_line=None if head == "print" else _date_line(rng, city, country, dated),
        heading=heading,
        subject_label=label,
        title=title,
        salutation=salutation,
        opening=opening,
        cue=cue,
        restated=restated,
        note=note,
        changes=changes,
        marks=marks,
        mark_style=mark_style,
        reasons_label=vt.pick(rng, REASON_LEADS),
        reasons=reasons,
        synopsis=synopsis,
        synopsis_lead=synopsis_lead,
        synopsis_ruled=rng.random() < 0.6,
        closing=rng.choice(CLOSINGS) if rng.random() < 0.5 else None,
        signatures=signatures,
        side_by_side=joint and rng.random() < 0.6,
        docx=docx,
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
        "consultations": vt.consultations_golden(consultations, status_column),
        "resolution_proposal": items_golden(changes),
        "checkboxes": [],
        "finances": None,
        "attachments": [],
        "justification": justification(paper),
    }
    if country == "CH":
        paper = Paper(**{name: vt.swiss_spelling(getattr(paper, name)) for name in paper.__dataclass_fields__})
        paper.changes = [
            Change(c.label, vt.swiss_spelling(c.text), vt.swiss_spelling(c.quote), c.inline) for c in paper.changes
        ]
    return paper


def items_golden(changes: Sequence[Change]) -> list[dict[str, Any]]:
    """One item per change, its quoted wording joined to its text."""
    return [
        {"number": vt.label_number(c.label) if c.label else None, "text": f"{c.text} {c.quote}" if c.quote else c.text}
        for c in changes
    ]


def justification(paper: Paper) -> str:
    """The Begründung's paragraphs, a table inside it as a block of " | " rows (header once)."""
    text = vt.blocks_text(paper.reasons)
    if paper.synopsis:
        rows = "\n".join(" | ".join(row) for row in (("Bisherige Fassung", "Neue Fassung"), *paper.synopsis))
        text = "\n\n".join((text, paper.synopsis_lead, rows))
    return text


# --------------------------------------------------------------------------
# reportlab
# --------------------------------------------------------------------------


def _marked_line(
    flow: template_flow.Flow, x: float, line: str, offset: int, spans: list[tuple[int, int]], style: str
) -> None:
    """One line of a restated item whose characters in ``spans`` (of the whole text; the line
    starts at ``offset``) are set in bold or underlined."""
    size = flow.size
    cursor = x
    pos = 0
    cuts = sorted({0, len(line), *(max(0, min(len(line), s - offset)) for span in spans for s in span)})
    for a, b in itertools.pairwise(cuts):
        part = line[a:b]
        marked = any(s <= offset + a and offset + b <= e for s, e in spans)
        font = ff.BOLD if marked and style == "bold" else ff.REG
        flow.ops.append(fp.Text(cursor, flow.y, part, font, size))
        w = ff.width(part, font, size)
        if marked and style == "underline" and part.strip():
            flow.ops.append(fp.Rule(cursor, flow.y - 1.5, cursor + w, flow.y - 1.5, 0.5))
        cursor += w
        pos = b
    del pos
    flow.y -= flow.lead


def _proposal(flow: template_flow.Flow, paper: Paper) -> None:
    """The cue, a note, the numbered changes with their quoted wording, or the restated items."""
    lead = flow.lead
    flow.para(paper.cue, font=ff.BOLD, after=lead * 0.4)
    if paper.note:
        flow.para(paper.note, size=flow.size - 1, after=lead * 0.4)
    indent = 20.0
    for k, change in enumerate(paper.changes):
        x = flow.left + (indent if change.label else 0)
        text = f"{change.text} {change.quote}" if change.inline and change.quote else change.text
        if paper.restated:
            spans: list[tuple[int, int]] = []
            for phrase in paper.marks[k]:
                at = text.find(phrase)
                if at >= 0:
                    spans.append((at, at + len(phrase)))
            lines = ff.wrap(text, flow.right - x, ff.BOLD, flow.size)
            flow.ensure(lead)
            flow.ops.append(fp.Text(flow.left, flow.y, change.label, ff.REG, flow.size))
            offset = 0
            for line in lines:
                flow.ensure(lead)
                _marked_line(flow, x, line, offset, spans, paper.mark_style)
                offset += len(line) + 1
            flow.y -= 3
            continue
        if change.label:
            flow.items([(change.label, text)], indent=indent, gap=2)
        else:
            flow.para(text, after=2)
        if change.quote and not change.inline:
            flow.para(change.quote, x=x + 18, right=flow.right - 18, after=lead * 0.3)
        flow.y -= 2
    flow.space(lead * 0.4)


def render(paper: Paper, size: float, lead: float, producer: str, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF; returns its path."""
    left, right = 65.0, 530.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.y = 790
    if paper.head == "print":
        flow.line(paper.print_city, font=ff.BOLD, size=size + 2, lead=(size + 2) * 1.5)
        if paper.print_number_right:
            flow.ops.append(fp.Text(right, flow.y, paper.print_number_right, ff.BOLD, size + 1, "right"))
        flow.line(paper.print_kind_line, font=ff.BOLD, size=size + 4, lead=(size + 4) * 1.5)
        tab = left + max(ff.width(label, ff.REG, size) for label, _ in paper.rows) + 16
        for label, value in paper.rows:
            flow.ops.append(fp.Text(left, flow.y, label, ff.REG, size))
            for line in ff.wrap(value, right - tab, ff.REG, size):
                flow.line(line, x=tab)
        flow.space(lead * 0.5)
    else:
        bold = paper.head == "letterhead"
        font, big = (ff.BOLD, size + 3) if bold else (ff.REG, size)
        for line in ff.wrap(paper.letterhead[0], right - left, font, big):
            flow.line(line, font=font, size=big, lead=big * 1.3)
        for line in paper.letterhead[1:]:
            flow.line(line, size=size - 1.5 if bold else size)
        if bold:
            flow.ops.append(fp.Rule(left, flow.y + lead * 0.6, right, flow.y + lead * 0.6, 0.5))
        flow.space(lead)
        if paper.date_line:
            flow.ops.append(fp.Text(right, flow.y, paper.date_line, ff.REG, size, "right"))
            flow.space(lead * 1.2)
        for line in paper.address:
            flow.line(line)
        if paper.address:
            flow.space(lead)
    if paper.heading:
        for line in ff.wrap(paper.heading, right - left, ff.BOLD, size + 3):
            flow.line(line, font=ff.BOLD, size=size + 3, lead=(size + 3) * 1.3)
        flow.space(lead * 0.4)
    if paper.subject_label:
        tab = left + max(ff.width(paper.subject_label, ff.BOLD, size) + 10, 60.0)
        flow.ops.append(fp.Text(left, flow.y, paper.subject_label, ff.BOLD, size))
        for line in ff.wrap(paper.title, right - tab, ff.BOLD, size):
            flow.line(line, x=tab, font=ff.BOLD)
    else:
        for line in ff.wrap(paper.title, right - left, ff.BOLD, size + 1.5):
            flow.line(line, font=ff.BOLD, size=size + 1.5, lead=(size + 1.5) * 1.3)
    flow.space(lead * 0.6)
    if paper.consultations:
        flow.line("Beratungsfolge:", font=ff.BOLD)
        template_flow.consultation_table(flow, "Sitzung am", paper.consultations, paper.status_column, size - 1)
    if paper.salutation:
        flow.para(paper.salutation, after=lead * 0.5)
    if paper.opening:
        flow.para(paper.opening, after=lead * 0.5)
    _proposal(flow, paper)
    flow.heading(paper.reasons_label, size=size, before=4, after=2)
    template_flow.blocks(flow, paper.reasons)
    if paper.synopsis:
        flow.para(paper.synopsis_lead)
        half = (right - left) / 2
        flow.table(
            [half, half],
            [list(row) for row in paper.synopsis],
            header=["Bisherige Fassung", "Neue Fassung"],
            size=size - 1,
            lead=(size - 1) * 1.3,
            ruled=paper.synopsis_ruled,
        )
    flow.space(lead * 0.5)
    flow.ensure(lead * (3 + max(len(b) for b in paper.signatures)) + 20)
    if paper.closing:
        flow.para(paper.closing, after=lead * 1.4)
    flow.signature_blocks(paper.signatures, paper.side_by_side, size=flow.size, lead=flow.lead)
    pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
    template_flow.render(producer, flow, pages, template_flow.Meta(paper.title, paper.golden["originator"]), out)
    return out


# --------------------------------------------------------------------------
# Word, converted by LibreOffice
# --------------------------------------------------------------------------


def write_docx(paper: Paper, look: ov.Look, path: Path) -> None:
    """Type ``paper`` into a Word document and save it to ``path``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    w = ov.Writer(look, paper.golden["originator"], paper.title)
    size = look.size
    if paper.head == "print":
        w.par(paper.print_city, bold=True, size=size + 2, after=4)
        if paper.print_number_right:
            par = w.par(paper.print_number_right, bold=True, size=size + 1, after=2)
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        w.par(paper.print_kind_line, bold=True, size=size + 4, after=6)
        w.grid(paper.rows)
        w.par(after=4)
    else:
        bold = paper.head == "letterhead"
        w.par(paper.letterhead[0], bold=bold, size=size + 3 if bold else None, after=0)
        for line in paper.letterhead[1:]:
            w.par(line, size=size - 1.5 if bold else None)
        w.par(after=6)
        if paper.date_line:
            w.par(paper.date_line, after=8).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for line in paper.address:
            w.par(line)
        if paper.address:
            w.par(after=6)
    if paper.heading:
        w.par(paper.heading, bold=True, size=size + 3, after=4)
    if paper.subject_label:
        # The tab stop past the label, as a template's author sets it for the label typed.
        tab = max(2.2, ov.word_floor([paper.subject_label], size, True) + 0.8)
        w.tabbed(paper.subject_label, paper.title, tab, bold=True, after=8)
    else:
        w.par(paper.title, bold=True, size=size + 1.5, after=8)
    if paper.consultations:
        header = ["Gremium", "Sitzung am", "Zuständigkeit"] + (["Ö/N"] if paper.status_column else [])
        cells = [[b, d, r] + ([m] if paper.status_column else []) for b, d, r, m in paper.consultations]
        w.consultations(header, cells, 0)
    if paper.salutation:
        w.par(paper.salutation, after=6)
    if paper.opening:
        w.par(paper.opening, after=6)
    w.par(paper.cue, bold=True, after=4)
    if paper.note:
        w.par(paper.note, size=size - 1, after=4)
    for k, change in enumerate(paper.changes):
        par = w.par(after=3)
        fmt = par.paragraph_format
        if change.label:
            fmt.left_indent, fmt.first_line_indent = Cm(0.75), Cm(-0.75)
            fmt.tab_stops.add_tab_stop(Cm(0.75))
            w.run(par, change.label + "\t")
        text = f"{change.text} {change.quote}" if change.inline and change.quote else change.text
        if paper.restated:
            rest = text
            for phrase in paper.marks[k]:
                before, _, rest = rest.partition(phrase)
                w.run(par, before)
                run = w.run(par, phrase, bold=paper.mark_style == "bold")
                run.underline = paper.mark_style == "underline" or None
            w.run(par, rest)
        else:
            w.run(par, text)
        if change.quote and not change.inline:
            quote = w.par(after=4)
            quote.paragraph_format.left_indent = Cm(1.4)
            quote.paragraph_format.right_indent = Cm(0.8)
            w.run(quote, change.quote).italic = True
    w.heading(paper.reasons_label, size=size)
    w.blocks(paper.reasons)
    if paper.synopsis:
        w.par(paper.synopsis_lead, after=4)
        table = w.table(1 + len(paper.synopsis), 2, (ov.WIDTH / 2, ov.WIDTH / 2), ruled=paper.synopsis_ruled)
        for c, name in zip(table.rows[0].cells, ("Bisherige Fassung", "Neue Fassung"), strict=True):
            w.cell(c, name, bold=True, size=size - 1)
        for row, values in zip(table.rows[1:], paper.synopsis, strict=True):
            for c, value in zip(row.cells, values, strict=True):
                w.cell(c, value, size=size - 1)
        w.par(after=6)
    w.par(after=size)
    if paper.closing:
        w.par(paper.closing, after=size * 1.5)
    if paper.side_by_side:
        table = w.table(
            max(len(b) for b in paper.signatures),
            len(paper.signatures),
            [ov.WIDTH / len(paper.signatures)] * len(paper.signatures),
            ruled=False,
        )
        for col, block in enumerate(paper.signatures):
            for r, line in enumerate(block):
                w.cell(table.rows[r].cells[col], line)
    else:
        for block in paper.signatures:
            for line in block:
                w.par(line)
            w.par(after=6)
    w.furniture("", "")
    w.save(path)


def aenderungsantrag(
    rng: random.Random,
    out: Path,
    font: str,
    size_and_lead: Callable[[random.Random], tuple[float, float]],
    fonts: Sequence[str],
) -> dict[str, Any]:
    """Draw and render one amendment to ``out`` in ``font``, the face the caller chose (reportlab
    or fpdf2, or Word and LibreOffice); returns its golden fields with the page count. A paper of
    more than :data:`MAX_PAGES` pages is rendered again with half its reasons."""
    size, lead = size_and_lead(rng)
    paper = draw(rng)
    # fpdf2 draws in Liberation Sans only: the lines were measured in the face chosen.
    producer = "fpdf2" if rng.random() < 0.3 and font == "Liberation Sans" else "reportlab"
    shrink = template_flow.halving_reasons(paper, lambda: justification(paper))
    look = ov.draw_look(rng, fonts, size) if paper.docx else None
    pages = template_flow.render_paper(
        "aenderungsantrag",
        out,
        (lambda path: write_docx(paper, look, path)) if look is not None else None,
        lambda: render(paper, size, lead, producer, out),
        shrink,
        MAX_PAGES,
    )
    golden = dict(paper.golden)
    golden["page_count"] = pages
    return golden
