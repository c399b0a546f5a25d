"""The ``satzung-synopse`` variant family (built only when named): Vorlagen that change a town's
by-law (a Gebührensatzung, the Hauptsatzung, the council's Geschäftsordnung) with a synopsis of
the old and the new wording, in several towns' styles.

A cover with the kind, a label grid (number, date, the office in charge, sometimes its Dezernat)
or a letterhead with the number at the right, the subject ("3. Satzung zur Änderung der
Friedhofsgebührensatzung"), the Beratungsfolge, the proposal ("Der Stadtrat beschließt die ... in
der Fassung der Anlage 1.", or numbered items), the Begründung or Sachverhalt in a few paragraphs,
and the synopsis ("Synopse", "Gegenüberstellung"): a table of two or three columns ("Bisherige
Fassung | Neue Fassung | Erläuterung"), ruled or not, its header repeated on a new page or not,
either inside the Begründung or after the signature as an attachment ("Anlage 1: Synopse"), there
sometimes on landscape pages and followed by the by-law's text; the attachments' list ("Anlagen:
1. Synopse 2. Satzungstext"). Most papers are drawn with reportlab (``template_flow``), one in four
is typed into a Word template (``office_vorlage.Writer``) and converted by LibreOffice. Fonts,
sizes 9-12 pt, labels and their order vary.

Goldens follow the other Vorlage families (``kreistag_vorlage.py``, ``split_tables.py``) and
fixtures/README.md: the number as printed, the office in charge as originator (not its
Dezernat), public null (no status is printed), the head's date, consultations with the public of
a status column, the items numbered as printed, attachments without their enumeration ("1.
Synopse" is "Synopse"; "Anlage 1: Synopse" as printed). The justification is the Begründung's
paragraphs; a synopsis inside it is a block of its own as fixtures/README.md sets a table inside
the Sachverhalt (one line per row, cells joined with " | ", a cell's lines joined with spaces,
the header row once); a synopsis after the signature is an attachment and no part of it, nor is
the by-law's text.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

import fixture_docx as fd
import fixture_fonts as ff
import fixture_page as fp
import office_vorlage as ov
import template_flow
import variant_text as vt

MAX_PAGES = 7
# fmt: off
CITIES = (
    ("Stadt Meppen", "Meppen"), ("Stadt Rheine", "Rheine"), ("Hansestadt Stade", "Stade"),
    ("Stadt Ludwigsburg", "Ludwigsburg"), ("Stadt Zwickau", "Zwickau"), ("Stadt Neuwied", "Neuwied"),
    ("Große Kreisstadt Freising", "Freising"), ("Stadt Bad Kreuznach", "Bad Kreuznach"),
    ("Universitätsstadt Gießen", "Gießen"), ("Stadt Görlitz", "Görlitz"),
)
KINDS = ("Beschlussvorlage", "Beschlussvorlage", "Vorlage", "Sitzungsvorlage", "Verwaltungsvorlage")
DEZERNATE = ("Dezernat I", "Dezernat II", "Dezernat III", "Dezernat IV – Bürgerdienste", "Geschäftsbereich 2")
COUNCILS = ("Stadtrat", "Rat", "Stadtrat", "Gemeinderat")
COMMITTEES = ("Haupt- und Finanzausschuss", "Verwaltungsausschuss", "Ausschuss für Umwelt und Friedhöfe",
              "Ältestenrat", "Finanzausschuss", "Ausschuss für Ordnung und Sicherheit", "Betriebsausschuss")
#: Each by-law: its full name, its short name, the office in charge, and clauses of
#: (paragraph heading, old wording with {a}, new wording with {b}, explanation).
STATUTES = (
    ("Satzung über die Erhebung von Gebühren für die Benutzung der städtischen Friedhöfe",
     "Friedhofsgebührensatzung", "Friedhofsamt", (
        ("§ 3 Gebührenhöhe", "(1) Die Gebühr für die Überlassung eines Reihengrabes beträgt {a} Euro.",
         "(1) Die Gebühr für die Überlassung eines Reihengrabes beträgt {b} Euro.",
         "Anpassung an die Gebührenkalkulation."),
        ("§ 4 Urnengräber", "(2) Für ein Urnenwahlgrab werden {a} Euro je Nutzungsjahr erhoben.",
         "(2) Für ein Urnenwahlgrab werden {b} Euro je Nutzungsjahr erhoben.",
         "Die Kosten der Pflege der Urnenfelder sind gestiegen."),
        ("§ 6 Bestattungsgebühren", "(1) Für die Benutzung der Trauerhalle wird eine Gebühr von {a} Euro erhoben.",
         "(1) Für die Benutzung der Trauerhalle wird eine Gebühr von {b} Euro erhoben.",
         "Die Trauerhalle wurde saniert."),
        ("§ 7 Verwaltungsgebühren", "(3) Die Genehmigung eines Grabmals kostet {a} Euro.",
         "(3) Die Genehmigung eines Grabmals kostet {b} Euro, bei Anträgen in elektronischer Form die Hälfte.",
         "Elektronische Anträge werden gefördert."),
        ("§ 9 Fälligkeit", "Die Gebühren werden mit der Bekanntgabe des Bescheides fällig.",
         "Die Gebühren werden einen Monat nach der Bekanntgabe des Bescheides fällig.",
         "Angleichung an die übrigen Gebührensatzungen."),
     )),
    ("Hauptsatzung", "Hauptsatzung", "Hauptamt", (
        ("§ 4 Ausschüsse", "(1) Der Rat bildet {a} ständige Ausschüsse.",
         "(1) Der Rat bildet {b} ständige Ausschüsse.",
         "Der Ausschuss für Digitalisierung wird neu gebildet."),
        ("§ 6 Wertgrenzen", "(2) Der Bürgermeister entscheidet über Vergaben bis zu einem Wert von {a}.000 Euro.",
         "(2) Der Bürgermeister entscheidet über Vergaben bis zu einem Wert von {b}.000 Euro.",
         "Die Wertgrenze wird der Preisentwicklung angepasst."),
        ("§ 8 Öffentliche Bekanntmachungen", "(1) Satzungen werden im Amtsblatt der Stadt bekannt gemacht.",
         "(1) Satzungen werden auf der Internetseite der Stadt bekannt gemacht.",
         "Die Bekanntmachung im Internet ist nach der Gemeindeordnung zulässig."),
        ("§ 10 Aufwandsentschädigung", "(1) Die Mitglieder des Rates erhalten monatlich {a} Euro.",
         "(1) Die Mitglieder des Rates erhalten monatlich {b} Euro.",
         "Anpassung an die Entschädigungsverordnung."),
        ("§ 12 Ortsbeiräte", "(3) Der Ortsbeirat tagt mindestens {a} mal im Jahr.",
         "(3) Der Ortsbeirat tagt mindestens {b} mal im Jahr; die Sitzungen sind öffentlich.",
         "Klarstellung der Öffentlichkeit der Sitzungen."),
     )),
    ("Geschäftsordnung für den Stadtrat und seine Ausschüsse", "Geschäftsordnung", "Büro des Stadtrates", (
        ("§ 2 Einberufung", "(2) Die Einladung ist den Mitgliedern spätestens {a} Tage vor der Sitzung zuzustellen.",
         "(2) Die Einladung ist den Mitgliedern spätestens {b} Tage vor der Sitzung elektronisch zu übermitteln.",
         "Die Einladung erfolgt künftig über das Ratsinformationssystem."),
        ("§ 5 Anträge", "(1) Anträge sind {a} Tage vor der Sitzung schriftlich einzureichen.",
         "(1) Anträge sind {b} Tage vor der Sitzung schriftlich oder elektronisch einzureichen.",
         "Die elektronische Form wird zugelassen."),
        ("§ 11 Redezeit", "(1) Die Redezeit beträgt für jeden Redner höchstens {a} Minuten.",
         "(1) Die Redezeit beträgt für jeden Redner höchstens {b} Minuten.",
         "Straffung der Sitzungen."),
        ("§ 14 Anfragen", "(2) Anfragen werden in der nächsten Sitzung mündlich beantwortet.",
         "(2) Anfragen werden innerhalb von {b} Wochen schriftlich beantwortet.",
         "Die schriftliche Antwort ist nachvollziehbar."),
        ("§ 20 Niederschrift", "(4) Die Niederschrift ist binnen {a} Wochen zu fertigen.",
         "(4) Die Niederschrift ist binnen {b} Wochen zu fertigen und im Ratsinformationssystem einzustellen.",
         "Transparenz der Ratsarbeit."),
     )),
    ("Satzung über die Erhebung von Gebühren für die Straßenreinigung", "Straßenreinigungsgebührensatzung",
     "Tiefbauamt", (
        ("§ 3 Gebührenmaßstab", "(1) Maßstab ist die Länge der Grundstücksseite entlang der Straße.",
         "(1) Maßstab ist die Quadratwurzel der Grundstücksfläche.",
         "Folge der Rechtsprechung des Oberverwaltungsgerichts."),
        ("§ 4 Gebührensatz", "(1) Die Gebühr beträgt je Meter und Jahr {a},50 Euro.",
         "(1) Die Gebühr beträgt je Meter und Jahr {b},20 Euro.",
         "Ergebnis der Nachkalkulation."),
        ("§ 5 Winterdienst", "(2) Für den Winterdienst wird ein Zuschlag von {a} Prozent erhoben.",
         "(2) Für den Winterdienst wird ein Zuschlag von {b} Prozent erhoben.",
         "Gestiegene Kosten für Streumittel."),
        ("§ 8 Entstehung der Gebührenpflicht", "Die Gebührenpflicht entsteht mit Beginn des Kalendervierteljahres.",
         "Die Gebührenpflicht entsteht mit Beginn des Kalendermonats.",
         "Vereinfachung der Veranlagung."),
     )),
    ("Satzung über die Erhebung von Elternbeiträgen für Kindertageseinrichtungen", "Elternbeitragssatzung",
     "Amt für Jugend und Familie", (
        ("§ 2 Beitragshöhe", "(1) Der monatliche Beitrag beträgt {a} Euro.",
         "(1) Der monatliche Beitrag beträgt {b} Euro.",
         "Anpassung an die Personalkosten."),
        ("§ 3 Geschwisterermäßigung", "Für das zweite Kind ermäßigt sich der Beitrag um {a} Prozent.",
         "Für das zweite Kind ermäßigt sich der Beitrag um {b} Prozent, für jedes weitere Kind entfällt er.",
         "Entlastung von Familien."),
        ("§ 5 Verpflegung", "(1) Das Essensgeld beträgt {a},00 Euro je Monat.",
         "(1) Das Essensgeld beträgt {b},00 Euro je Monat.",
         "Neuer Vertrag mit dem Caterer."),
        ("§ 7 Fälligkeit", "Die Beiträge sind bis zum {a}. eines Monats zu entrichten.",
         "Die Beiträge sind bis zum {b}. eines Monats zu entrichten.",
         "Angleichung an die Zahlungstermine."),
     )),
    ("Hundesteuersatzung", "Hundesteuersatzung", "Steueramt", (
        ("§ 5 Steuersatz", "(1) Die Steuer beträgt für den ersten Hund {a} Euro im Jahr.",
         "(1) Die Steuer beträgt für den ersten Hund {b} Euro im Jahr.",
         "Der Steuersatz war seit zehn Jahren unverändert."),
        ("§ 6 Gefährliche Hunde", "(2) Für einen gefährlichen Hund beträgt die Steuer {a}0 Euro.",
         "(2) Für einen gefährlichen Hund beträgt die Steuer {b}0 Euro.",
         "Lenkungszweck der Steuer."),
        ("§ 8 Steuerbefreiungen", "(1) Steuerfrei sind Blindenführhunde.",
         "(1) Steuerfrei sind Blindenführhunde und Assistenzhunde.",
         "Gleichstellung der Assistenzhunde."),
        ("§ 11 Hundesteuermarken", "(1) Die Steuermarke ist jährlich neu auszugeben.",
         "(1) Die Steuermarke gilt für die Dauer der Haltung des Hundes.",
         "Verwaltungsvereinfachung."),
     )),
)
HEADERS = (
    ("Bisherige Fassung", "Neue Fassung", "Erläuterung"),
    ("Alte Fassung", "Neue Fassung", "Begründung"),
    ("Geltende Fassung", "Geänderte Fassung", "Anmerkungen"),
    ("Bisheriger Wortlaut", "Neuer Wortlaut", "Erläuterung der Änderung"),
)
SYNOPSIS_TITLES = ("Synopse", "Gegenüberstellung", "Synopse der Änderungen",
                   "Gegenüberstellung der bisherigen und der neuen Fassung")
LABELS = {
    "number": ("Vorlage-Nr.:", "Drucksache Nr.:", "Vorlagennummer:", "DS-Nr.:"),
    "date": ("Datum:", "Datum:", "Erstellt am:"),
    "office": ("Federführung:", "Amt:", "Federführendes Amt:", "Fachbereich:"),
    "dezernat": ("Dezernat:", "Geschäftsbereich:"),
    "resolution": ("Beschlussvorschlag:", "Beschlussvorschlag", "Beschlussentwurf:", "Vorschlag der Verwaltung:"),
    "justification": ("Begründung:", "Sachverhalt:", "Begründung", "Sachverhalt und Begründung:"),
    "attachments": ("Anlagen:", "Anlage(n):", "Anlagen"),
}
LEADS = (
    "Die Änderungen im Einzelnen ergeben sich aus der folgenden Gegenüberstellung:",
    "Die vorgeschlagenen Änderungen sind in der nachstehenden Synopse dargestellt:",
    "Im Einzelnen werden folgende Vorschriften geändert:",
)
REASONS = (
    "Die {short} wurde zuletzt im Jahr {year} geändert. Seitdem haben sich die rechtlichen und "
    "tatsächlichen Verhältnisse verändert, so dass eine Anpassung erforderlich ist.",
    "Die Verwaltung hat die {short} überprüft. Die Prüfung hat ergeben, dass einzelne Vorschriften "
    "an die aktuelle Rechtslage und an die Kostenentwicklung anzupassen sind.",
    "Die Gebühren und Beträge wurden auf der Grundlage der Kalkulation für die Jahre {year} bis "
    "{next} neu ermittelt. Die Kalkulation liegt der Verwaltung vor und kann eingesehen werden.",
    "Der {committee} hat sich in seiner Sitzung am {day} mit dem Entwurf befasst und empfiehlt "
    "dem {council}, die Änderung zu beschließen.",
    "Die Änderung soll zum {start} in Kraft treten. Die Satzung ist nach ihrem Beschluss öffentlich "
    "bekannt zu machen.",
    "Mit der Änderung werden zugleich redaktionelle Fehler der bisherigen Fassung beseitigt. "
    "Inhaltliche Auswirkungen haben diese Korrekturen nicht.",
)
#: Sentences a clause's old and new wording may go on with, so that cells run over several lines.
CLAUSE_TAILS = (
    "Die Gebühr ist auch dann zu entrichten, wenn die Leistung nur teilweise in Anspruch genommen wird.",
    "Über Ausnahmen entscheidet die Stadt auf schriftlichen Antrag im Einzelfall.",
    "Satz 1 gilt entsprechend für Anträge, die vor dem Inkrafttreten dieser Satzung gestellt wurden.",
    "Die Einzelheiten regelt eine Verwaltungsvorschrift, die öffentlich bekannt gemacht wird.",
    "Bei Härtefällen kann die Zahlung auf Antrag gestundet oder in Raten gewährt werden.",
)
SIGNERS = ("Oberbürgermeister", "Bürgermeister", "Oberbürgermeisterin", "Beigeordneter", "Bürgermeisterin")
# fmt: on


@dataclass
class Paper:
    """One Vorlage that changes a by-law, as drawn."""

    city: str
    place: str
    kind: str
    number: str
    signed: dt.date
    office: str
    dezernat: str | None
    labels: dict[str, str]
    head_style: int  # 0 label grid under the kind, 1 letterhead with the number at the right
    grid_ruled: bool
    title: str
    title_label: bool  # "Betreff:" before the title (else a bold line of its own)
    rows: list[tuple[str, str, str, str]]
    status_column: bool
    items: tuple[tuple[str, str], ...] | str
    before: list[str]  # paragraphs of the Begründung before the synopsis
    lead: str  # the sentence that leads into a synopsis inside the Begründung
    after: list[str]  # paragraphs after it
    header: tuple[str, ...]
    synopsis: list[tuple[str, ...]]
    synopsis_title: str
    inside: bool  # the synopsis inside the Begründung (else an attachment after the signature)
    landscape: bool  # an attached synopsis on landscape pages
    ruled: bool
    repeat_header: bool
    attachments: tuple[str, ...]  # as printed
    attachments_first: bool  # the list right under the Beratungsfolge (else after the Begründung)
    statute_text: bool  # the by-law's text attached after the synopsis
    statute: str
    finances: str | None
    signer: str
    signer_role: str
    one_line_signature: bool
    footer: bool
    docx: bool


def _synopsis(rng: random.Random, clauses: Sequence[tuple[str, str, str, str]], columns: int) -> list[tuple[str, ...]]:
    """Rows of the synopsis: each changed clause's old and new wording (and why), sometimes a new
    or a dropped clause."""
    rows: list[tuple[str, ...]] = []
    chosen = rng.sample(list(clauses), rng.randint(2, len(clauses)))
    chosen.sort(key=lambda c: int(c[0].split()[1]))
    for heading, old, new, why in chosen:
        a = rng.randint(3, 60)
        b = a + rng.randint(1, 9)
        tail = f" {vt.pick(rng, CLAUSE_TAILS)}" if rng.random() < 0.5 else ""
        first = f"{heading} {old.format(a=a)}{tail}"
        second = f"{heading} {new.format(b=b)}{tail}"
        if rng.random() < 0.12:
            first, why = "(neu)", f"Neue Regelung. {why}"
        elif rng.random() < 0.08:
            second, why = "entfällt", "Die Regelung ist entbehrlich."
        rows.append((first, second, why)[:columns])
    return rows


def _paragraphs(rng: random.Random, short: str, council: str, signed: dt.date, count: int) -> list[str]:
    """Paragraphs of the Begründung about the by-law."""
    texts = rng.sample(REASONS, min(count, len(REASONS)))
    year = signed.year - rng.randint(2, 9)
    start = dt.date(signed.year + 1, 1, 1)
    values = {
        "short": short,
        "year": year,
        "next": signed.year + 1,
        "committee": vt.pick(rng, COMMITTEES),
        "day": vt.de_date(vt.later(rng, signed, -40, -5)),
        "council": council,
        "start": vt.de_date(start),
    }
    out = [t.format(**values) for t in texts]
    for _ in range(rng.choice((0, 0, 1, 2, 4))):
        out.insert(rng.randrange(len(out) + 1), vt.paragraph(rng, (2, 5)))
    return out


def draw(rng: random.Random) -> tuple[Paper, dict[str, Any]]:
    """Draw one paper and its golden fields (the justification and page count are the caller's)."""
    city, place = CITIES[rng.randrange(len(CITIES))]
    signed = vt.day(rng)
    long_name, short, office, clauses = STATUTES[rng.randrange(len(STATUTES))]
    council = vt.pick(rng, COUNCILS)
    ordinal = rng.randint(1, 9)
    forms = [
        f"{ordinal}. Satzung zur Änderung der {short}",
        f"{ordinal}. Änderungssatzung zur {long_name}",
        f"Änderung der {short}",
    ]
    if long_name != short:
        forms.append(f"{ordinal}. Satzung zur Änderung der {long_name} ({short})")
    title = rng.choice(forms)
    if short == "Geschäftsordnung":
        title = rng.choice((f"Änderung der {long_name}", f"{ordinal}. Änderung der Geschäftsordnung des {council}es"))
        if council == "Rat":
            title = f"Änderung der {long_name}".replace("Stadtrat", "Rat")
    if short == "Hauptsatzung":
        title = rng.choice((f"{ordinal}. Satzung zur Änderung der Hauptsatzung", "Änderung der Hauptsatzung"))
    kind = vt.pick(rng, KINDS)
    count = rng.randint(1, 3)
    rows: list[tuple[str, str, str, str]] = []
    when = signed
    for i, body in enumerate([*rng.sample(COMMITTEES, count - 1), council]):
        when = vt.later(rng, when, 5, 25)
        role = "Entscheidung" if i == count - 1 else "Vorberatung"
        rows.append((body, vt.de_date(when), role, rng.choice(("Ö", "Ö", "N"))))
    status = rng.random() < 0.4
    thing = title if rng.random() < 0.5 else f"Änderung der {short}"
    proposal = f"Der {council} beschließt die {thing} in der Fassung der Anlage {rng.choice((1, 2))}."
    if title.startswith("Änderung"):
        proposal = f"Der {council} beschließt die {title} in der Fassung der Anlage {rng.choice((1, 2))}."
    items: tuple[tuple[str, str], ...] | str
    if rng.random() < 0.45:
        items = proposal
        items_golden = [{"number": None, "text": proposal}]
    else:
        more = [
            f"Die Satzung tritt am {vt.de_date(dt.date(signed.year + 1, 1, 1))} in Kraft.",
            "Die Verwaltung wird beauftragt, die Satzung öffentlich bekannt zu machen.",
            f"Die Gebührenkalkulation für die Jahre {signed.year + 1} bis {signed.year + 2} wird "
            "zur Kenntnis genommen.",
        ]
        texts = [proposal, *rng.sample(more, rng.randint(1, 2))]
        style = rng.choice(("1.", "1)"))
        labels_ = [f"{k}{style[1]}" for k in range(1, len(texts) + 1)]
        items = tuple(zip(labels_, texts, strict=True))
        items_golden = [{"number": vt.label_number(lab), "text": t} for lab, t in items]
    columns = 3 if rng.random() < 0.65 else 2
    header = HEADERS[rng.randrange(len(HEADERS))][:columns]
    inside = rng.random() < 0.5
    statute_text = not inside and rng.random() < 0.4
    names = ["Synopse" if rng.random() < 0.6 else "Gegenüberstellung", "Satzungstext"]
    if rng.random() < 0.3:
        names.append("Gebührenkalkulation" if "gebühr" in short.lower() else "Stellungnahme des Personalrats")
    style = rng.choice(("numbered", "numbered", "anlage", "plain"))
    if style == "numbered":
        printed = tuple(f"{k}. {n}" for k, n in enumerate(names, start=1))
        golden_names = list(names)
    elif style == "anlage":
        printed = tuple(f"Anlage {k}: {n}" for k, n in enumerate(names, start=1))
        golden_names = list(printed)
    else:
        printed = tuple(names)
        golden_names = list(names)
    docx = rng.random() < 0.25
    before = _paragraphs(rng, short, council, signed, rng.randint(1, 3))
    after = _paragraphs(rng, short, council, signed, rng.randint(0, 2)) if rng.random() < 0.6 else []
    after = [p for p in after if p not in before]
    dezernat = vt.pick(rng, DEZERNATE) if rng.random() < 0.4 else None
    paper = Paper(
        city=city,
        place=place,
        kind=kind,
        number=rng.choice(
            (
                f"{signed.year}/{rng.randint(1, 399):03d}",
                f"VO/{signed.year}/{rng.randint(1, 999):03d}",
                f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{signed.year % 100:02d}",
                f"BV {rng.randint(1, 299):03d}/{signed.year}",
            )
        ),
        signed=signed,
        office=office,
        dezernat=dezernat,
        labels={name: vt.pick(rng, options) for name, options in LABELS.items()},
        head_style=rng.randrange(2),
        grid_ruled=rng.random() < 0.4,
        title=title,
        title_label=rng.random() < 0.7,
        rows=rows,
        status_column=status,
        items=items,
        before=before,
        lead=vt.pick(rng, LEADS),
        after=after,
        header=header,
        synopsis=_synopsis(rng, clauses, columns),
        synopsis_title=vt.pick(rng, SYNOPSIS_TITLES),
        inside=inside,
        landscape=not inside and rng.random() < 0.4,
        ruled=rng.random() < 0.6,
        repeat_header=rng.random() < 0.6,
        attachments=printed,
        attachments_first=rng.random() < 0.25,
        statute_text=statute_text,
        statute=long_name,
        finances=rng.choice((None, None, "Keine.", "Es entstehen keine Kosten; die Gebühreneinnahmen steigen.")),
        signer=("Dr. " if rng.random() < 0.3 else "") + vt.person(rng),
        signer_role=vt.pick(rng, SIGNERS),
        one_line_signature=rng.random() < 0.5,
        footer=rng.random() < 0.6,
        docx=docx,
    )
    golden = {
        "number": paper.number,
        "title": title,
        "document_type": kind,
        "public": None,
        "originator": office,
        "date": signed.isoformat(),
        "consultations": vt.consultations_golden(rows, status),
        "resolution_proposal": items_golden,
        "checkboxes": [],
        "finances": None,
        "attachments": golden_names,
    }
    return paper, golden


def justification(paper: Paper) -> str:
    """The golden justification: the Begründung's paragraphs, a synopsis inside it as a block of
    rows (cells joined with " | ", the header once)."""
    blocks = list(paper.before)
    if paper.inside:
        blocks.append(paper.lead)
        blocks.append("\n".join(" | ".join(row) for row in (paper.header, *paper.synopsis)))
    blocks += paper.after
    return "\n\n".join(blocks)


def _statute_text(paper: Paper) -> list[str]:
    """The by-law's text as attached: its preamble, the changed clauses, the coming into force."""
    lines = [
        f"Aufgrund der Gemeindeordnung hat der Rat der {paper.city} in seiner Sitzung am "
        f"{paper.rows[-1][1]} folgende Satzung beschlossen:",
        f"Artikel 1 – Die {paper.statute} wird wie folgt geändert:",
    ]
    for row in paper.synopsis:
        if row[1] != "entfällt":
            lines.append(row[1])
    lines.append("Artikel 2 – Diese Satzung tritt am Tag nach ihrer öffentlichen Bekanntmachung in Kraft.")
    return lines


# --------------------------------------------------------------------------
# reportlab
# --------------------------------------------------------------------------


def _head(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """The city and the kind over a label grid, or a letterhead with the number at the right."""
    labels = paper.labels
    grid: list[list[str]] = []
    if paper.head_style == 0:
        flow.line(paper.city, font=ff.BOLD, size=size + 3, lead=(size + 3) * 1.4)
        flow.line(paper.kind, font=ff.BOLD, size=size + 5, lead=(size + 5) * 1.5)
        grid.append([labels["number"], paper.number])
        grid.append([labels["date"], vt.de_date(paper.signed)])
    else:
        flow.ops.append(fp.Text(flow.right, flow.y, f"{paper.kind} {paper.number}", ff.BOLD, size + 1, "right"))
        flow.line(paper.city, font=ff.BOLD, size=size + 3, lead=(size + 3) * 1.4)
        flow.ops.append(
            fp.Text(flow.right, flow.y, f"{paper.place}, {vt.de_date(paper.signed)}", ff.REG, size, "right")
        )
        flow.line(paper.dezernat or "Der Oberbürgermeister", size=size)
        flow.space(size)
    if paper.dezernat and paper.head_style == 0:
        grid.append([labels["dezernat"], paper.dezernat])
    grid.append([labels["office"], paper.office])
    small = size - 0.5
    label_w = max(ff.width(label, ff.REG, small) for label, _ in grid) + 20
    flow.table([label_w, 260.0], grid, size=small, lead=small * 1.25, ruled=paper.grid_ruled)
    flow.space(size * 0.3)
    if paper.title_label:
        tab = flow.left + ff.width("Betreff:", ff.BOLD, size) + 14
        flow.ops.append(fp.Text(flow.left, flow.y, "Betreff:", ff.BOLD, size))
        flow.para(paper.title, x=tab, font=ff.BOLD, after=flow.lead)
    else:
        flow.para(paper.title, font=ff.BOLD, size=size + 1.5, after=flow.lead)
    flow.line("Beratungsfolge:", font=ff.BOLD)
    template_flow.consultation_table(flow, "Sitzung am", paper.rows, paper.status_column, size - 1)


def _table(flow: template_flow.Flow, paper: Paper, size: float, continued: str | None) -> None:
    """The synopsis as a table across the text's width, the first column a little narrower."""
    full = flow.right - flow.left
    widths = [full * 0.37, full * 0.37, full * 0.26] if len(paper.header) == 3 else [full * 0.5, full * 0.5]
    flow.table(
        widths,
        [list(row) for row in paper.synopsis],
        header=list(paper.header),
        size=size - 1,
        lead=(size - 1) * 1.3,
        ruled=paper.ruled,
        repeat_header=paper.repeat_header,
        continued=continued,
    )


def _attachment_list(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    flow.heading(paper.labels["attachments"], size=size, before=flow.lead * 0.4, after=0)
    for entry in paper.attachments:
        flow.line(entry)
    flow.space(flow.lead * 0.5)


def _body(flow: template_flow.Flow, paper: Paper, size: float) -> None:
    """Proposal, Begründung (with the synopsis when inside), finances, attachments, signature."""
    if paper.attachments_first:
        _attachment_list(flow, paper, size)
    template_flow.request(flow, paper.labels["resolution"], paper.items, before=flow.lead * 0.6)
    flow.heading(paper.labels["justification"], size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.2)
    for text in paper.before:
        flow.para(text)
    if paper.inside:
        flow.para(paper.lead)
        _table(flow, paper, size, None)
    for text in paper.after:
        flow.para(text)
    if paper.finances:
        flow.heading("Finanzielle Auswirkungen:", size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.2)
        flow.para(paper.finances)
    if not paper.attachments_first:
        _attachment_list(flow, paper, size)
    flow.space(flow.lead)
    template_flow.signature(flow, paper.signer, paper.signer_role, one_line=paper.one_line_signature)


def _annex(paper: Paper, size: float, lead: float) -> template_flow.Flow:
    """The attached synopsis (and the by-law's text) on pages of their own."""
    if paper.landscape:
        flow = template_flow.Flow(size=landscape(A4), left=60, right=780, top=530, bottom=60, body=size, lead=lead)
    else:
        flow = template_flow.Flow(left=70, right=530, top=770, body=size, lead=lead)
    flow.line(f"Anlage 1: {paper.synopsis_title}", font=ff.BOLD, size=size + 2, lead=(size + 2) * 1.6)
    flow.para(f"{paper.title}", after=lead)
    _table(flow, paper, size, "Fortsetzung" if not paper.repeat_header else None)
    if paper.statute_text:
        flow.new_page()
        flow.line("Anlage 2: Satzungstext", font=ff.BOLD, size=size + 2, lead=(size + 2) * 1.6)
        flow.para(paper.title, font=ff.BOLD, after=lead)
        for text in _statute_text(paper):
            flow.para(text)
    return flow


def _render_pages(pages: Sequence[tuple[tuple[float, float], list[fp.Op]]], paper: Paper, out: Path) -> None:
    """Pages of their own sizes (portrait cover, landscape attachment) into one PDF."""
    canvas = Canvas(str(out), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(paper.title)
    canvas.setAuthor(paper.city)
    for size, ops in pages:
        canvas.setPageSize(size)
        for op in ops:
            fp.draw_op(canvas, op, "vector")
        canvas.showPage()
    canvas.save()


def render(paper: Paper, size: float, lead: float, out: Path) -> int:
    """Render ``paper`` with reportlab; returns its page count."""
    flow = template_flow.Flow(left=70, right=530, top=780, body=size, lead=lead)
    _head(flow, paper, size)
    _body(flow, paper, size)
    pages: list[tuple[tuple[float, float], list[fp.Op]]] = [((flow.w, flow.h), ops) for ops in flow.pages]
    if not paper.inside:
        annex = _annex(paper, size, lead)
        pages += [((annex.w, annex.h), ops) for ops in annex.pages]
    if paper.footer:
        total = len(pages)
        for n, (dims, ops) in enumerate(pages, start=1):
            ops.insert(0, fp.Text(dims[0] / 2, 30, f"Seite {n} von {total}", ff.REG, 8, "center"))
    _render_pages(pages, paper, out)
    return len(pages)


# --------------------------------------------------------------------------
# Word template, converted by LibreOffice
# --------------------------------------------------------------------------


class SynopsisWriter(ov.Writer):
    """The Word template's writer with a synopsis table and a landscape section."""

    def synopsis(self, paper: Paper) -> None:
        """The synopsis as a Word table, its header row repeated on each page when drawn so."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        width = ov.WIDTH + (8.7 if paper.landscape and not paper.inside else 0.0)
        shares = (0.37, 0.37, 0.26) if len(paper.header) == 3 else (0.5, 0.5)
        table = self.table(1 + len(paper.synopsis), len(paper.header), [width * s for s in shares], ruled=paper.ruled)
        small = self.look.size - 1
        for c, name in zip(table.rows[0].cells, paper.header, strict=True):
            self.cell(c, name, bold=True, size=small)
        if paper.repeat_header:
            mark = OxmlElement("w:tblHeader")
            mark.set(qn("w:val"), "true")
            table.rows[0]._tr.get_or_add_trPr().append(mark)
        for row, values in zip(table.rows[1:], paper.synopsis, strict=True):
            for c, value in zip(row.cells, values, strict=True):
                self.cell(c, value, size=small)
        self.par(after=6)

    def landscape_section(self) -> None:
        """Go on in a new section on landscape pages."""
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width


def write_docx(paper: Paper, look: ov.Look, path: Path) -> None:
    """Type ``paper`` into the Word template and save it to ``path``."""
    w = SynopsisWriter(look, paper.city, paper.title)
    size = look.size
    labels = paper.labels
    w.par(paper.city, bold=True, size=size + 3, after=4)
    if paper.head_style == 1 and paper.dezernat:
        w.par(paper.dezernat, after=4)
    w.par(paper.kind, bold=True, size=size + 4, after=6)
    grid = [(labels["number"], paper.number), (labels["date"], vt.de_date(paper.signed))]
    if paper.dezernat and paper.head_style == 0:
        grid.append((labels["dezernat"], paper.dezernat))
    grid.append((labels["office"], paper.office))
    w.grid(grid)
    w.par(after=6)
    if paper.title_label:
        w.tabbed("Betreff:", paper.title, max(2.0, look.label_cm * 0.7), bold=True, after=8)
    else:
        w.par(paper.title, bold=True, size=size + 1, after=8)
    header = ["Gremium", "Sitzung am", "Zuständigkeit"] + (["Ö/N"] if paper.status_column else [])
    cells = [[b, d, r] + ([m] if paper.status_column else []) for b, d, r, m in paper.rows]
    w.consultations(header, cells, 0)

    def attachments() -> None:
        w.heading(labels["attachments"], size=size)
        for entry in paper.attachments:
            w.par(entry)

    if paper.attachments_first:
        attachments()
    w.heading(labels["resolution"], size=size + 0.5)
    if isinstance(paper.items, str):
        w.items(paper.items, None)
    else:
        w.items(tuple((label, text, ()) for label, text in paper.items), None)
    w.heading(labels["justification"], size=size + 0.5)
    for text in paper.before:
        w.par(text, after=6)
    if paper.inside:
        w.par(paper.lead, after=6)
        w.synopsis(paper)
    for text in paper.after:
        w.par(text, after=6)
    if paper.finances:
        w.heading("Finanzielle Auswirkungen:", size=size + 0.5)
        w.par(paper.finances, after=6)
    if not paper.attachments_first:
        attachments()
    w.par(after=size)
    ov._signature(w, paper.signer, paper.signer_role, paper.one_line_signature)
    if not paper.inside:
        if paper.landscape:
            w.landscape_section()
        else:
            w.page_break()
        w.par(f"Anlage 1: {paper.synopsis_title}", bold=True, size=size + 2, after=6)
        w.par(paper.title, after=8)
        w.synopsis(paper)
        if paper.statute_text:
            w.page_break()
            w.par("Anlage 2: Satzungstext", bold=True, size=size + 2, after=6)
            w.par(paper.title, bold=True, after=6)
            for text in _statute_text(paper):
                w.par(text, after=6)
    w.furniture(paper.number, "")
    w.save(path)


def satzung_synopse(
    rng: random.Random,
    out: Path,
    size_and_lead: Callable[[random.Random], tuple[float, float]],
    fonts: Sequence[str],
) -> dict[str, Any]:
    """Draw and render one paper to ``out`` (reportlab, or Word and LibreOffice); returns its
    golden fields with the page count. A paper of more than :data:`MAX_PAGES` pages loses rows of
    its synopsis."""
    size, lead = size_and_lead(rng)
    paper, golden = draw(rng)
    if paper.docx:
        look = ov.draw_look(rng, fonts, size)
        if fd.soffice() is None:
            raise FileNotFoundError("LibreOffice (soffice) is needed for the Word-made papers of satzung-synopse")
        fd.convert_docx(lambda path: write_docx(paper, look, path), out)
        pages = template_flow.page_count(out)
    else:
        pages = render(paper, size, lead, out)
        while pages > MAX_PAGES and len(paper.synopsis) > 2:
            paper.synopsis = paper.synopsis[:-1]
            pages = render(paper, size, lead, out)
    golden["justification"] = justification(paper)
    golden["page_count"] = pages
    return golden
