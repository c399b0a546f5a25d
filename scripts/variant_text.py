"""Seeded German council vocabulary for the layout variants: titles, sentences, names, dates, amounts.

Everything is drawn from a ``random.Random`` passed in, so the same seed gives the same text. No
word here contains a hyphen followed by a space or a line break opportunity other than a space,
so a word processor's line breaking cannot invent or hide a hyphen: the golden text is exactly
the generated text with the line breaks turned back into spaces.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

Block = str | tuple[str, ...]  # a paragraph, or a bullet list

# Word lists, kept compact (several entries a line).
# fmt: off
STREETS = (
    "Bahnhofstraße", "Lindenallee", "Gothaer Straße", "Schillerstraße", "Am Stadtpark", "Marktplatz",
    "Nordhäuser Straße", "Rosengasse", "Kirchweg", "Friedrichstraße", "Am Mühlgraben", "Weimarische Straße",
    "Lessingplatz", "Hauptstraße", "Steinweg", "Kastanienweg", "Uferstraße", "Bergstraße",
)
DISTRICTS = (
    "Altstadt", "Nordviertel", "Hochheim", "Marbach", "Südstadt", "Ostend", "Bischleben", "Weststadt",
    "Daberstedt", "Rieth", "Ilversgehofen", "Mittelhausen",
)
FACILITIES = (  # all feminine, so "der"/"die" fit every one
    "Grundschule", "Sporthalle", "Kindertagesstätte", "Stadtbibliothek", "Feuerwache", "Schwimmhalle",
    "Musikschule", "Seniorenbegegnungsstätte", "Stadthalle", "Gemeinschaftsschule", "Kunsthalle",
)
MEASURES = (
    ("Sanierung", "der"), ("Neubau", "der"), ("Erweiterung", "der"), ("Modernisierung", "der"),
    ("Umgestaltung", "der"), ("energetische Sanierung", "der"), ("barrierefreie Erschließung", "der"),
    ("Erneuerung", "der"), ("Instandsetzung", "der"),
)
TOPICS = (
    "Radverkehrsanlage", "Gehwegbeleuchtung", "Spielplatzausstattung", "Schulwegsicherung",
    "Baumpflanzung", "Photovoltaikanlage", "Trinkwasserleitung", "Bushaltestelle", "Lärmschutzwand",
    "Parkraumbewirtschaftung", "Straßenbahnhaltestelle", "Regenrückhaltebecken", "Ladeinfrastruktur",
    "Fahrradabstellanlage", "Querungshilfe", "Sportanlage", "Friedhofsmauer", "Brunnenanlage",
)
SUBJECTS = (
    "Die Stadtverwaltung", "Das Tiefbauamt", "Der Ortsteilrat", "Die Bürgerschaft", "Das Bauamt",
    "Der Fachbereich Stadtentwicklung", "Die Verwaltung", "Der Eigenbetrieb Stadtwirtschaft",
    "Das Amt für Bildung", "Die Fachabteilung", "Das Umweltamt", "Der Behindertenbeirat",
)
OBJECTS = (
    "die Planung der Maßnahme", "den Zeitplan der Bauarbeiten", "die Kostenschätzung",
    "die Ergebnisse der Verkehrszählung", "die Stellungnahmen der Träger öffentlicher Belange",
    "die Förderrichtlinie des Landes", "den Bericht des Rechnungsprüfungsamtes",
    "die Anregungen aus der Bürgerversammlung", "das Gutachten zur Bausubstanz",
    "die Unterhaltungskosten der kommenden Jahre", "den Bedarf an Betreuungsplätzen",
    "die Auslastung der vorhandenen Anlagen", "die Vorgaben des Klimaschutzkonzeptes",
)
ACTIONS = (
    "geprüft", "vorgelegt", "abgestimmt", "überarbeitet", "ausgewertet", "berücksichtigt",
    "fortgeschrieben", "veröffentlicht", "erläutert", "bestätigt",
)
REASONS = (
    "weil die bisherigen Mittel nicht ausreichen", "da die Förderfrist im Herbst endet",
    "um die Verkehrssicherheit zu verbessern", "damit die Anwohnerinnen und Anwohner entlastet werden",
    "weil der bauliche Zustand keinen Aufschub zulässt", "um die Klimaziele der Stadt zu erreichen",
    "da die Nachfrage in den letzten Jahren deutlich gestiegen ist",
    "weil die Anlage nicht mehr den geltenden Vorschriften entspricht",
)
FACT_UNITS = (
    ("Meter", "Länge von"), ("Plätze", "Zahl von"), ("Bäume", "Bestand von"), ("Kinder", "Zahl von"),
    ("Fahrzeuge am Tag", "Belastung von"), ("Besucherinnen und Besucher im Jahr", "Zahl von"),
)
BULLET_ITEMS = (
    "die Erneuerung der Beleuchtung im gesamten Abschnitt", "eine zusätzliche Querung für den Fußverkehr",
    "die Pflanzung von Straßenbäumen als Ausgleich", "die Verlegung der Bushaltestelle",
    "eine barrierefreie Gestaltung der Zugänge", "die Anlage von Fahrradbügeln am Eingang",
    "die Sanierung der Sanitärräume", "eine neue Lichtsignalanlage mit Vorrang für Busse",
    "die Erweiterung der Außenspielfläche", "die Umstellung der Heizung auf Fernwärme",
    "eine Information der Anwohnerschaft vor Baubeginn", "die Beteiligung des Seniorenbeirates",
)
COMMITTEES = (
    "Ausschuss für Bau und Verkehr", "Hauptausschuss", "Finanzausschuss", "Ausschuss für Bildung und Sport",
    "Ausschuss für Stadtentwicklung und Umwelt", "Ausschuss für Soziales und Gesundheit",
    "Ausschuss für Digitalisierung, Wirtschaft und Tourismus", "Ortsteilrat {district}",
    "Jugendhilfeausschuss", "Kulturausschuss", "Werkausschuss Stadtwirtschaft", "Umweltausschuss",
    "Ausschuss für öffentliche Ordnung, Sicherheit, Ortsteile und Ehrenamt",
)
OFFICES = (
    "Tiefbauamt", "Amt für Verkehr", "Hauptamt", "Amt für Bildung", "Umweltamt", "Bauordnungsamt",
    "Fachbereich Stadtentwicklung", "Amt für Soziales", "Kämmerei", "Liegenschaftsamt",
    "Grünflächenamt", "Amt für Kultur und Tourismus",
)
FACTIONS = (
    "SPD-Fraktion", "CDU-Fraktion", "Fraktion BÜNDNIS 90/DIE GRÜNEN", "Fraktion DIE LINKE",
    "FDP-Fraktion", "Fraktion Freie Wähler", "AfD-Fraktion", "Fraktion Mehrwertstadt",
)
FIRST_NAMES = (
    "Anna", "Thomas", "Katrin", "Michael", "Sabine", "Jens", "Claudia", "Stefan", "Petra", "Andreas",
    "Ulrike", "Matthias", "Julia", "Frank", "Monika", "Tobias", "Urs", "Regula", "Beat", "Simone",
)
LAST_NAMES = (
    "Müller", "Schmidt", "Krüger", "Wagner", "Lehmann", "Becker", "Hoffmann", "Schulz", "Keller",
    "Bachmann", "Meier", "Fischer", "Weber", "Zimmermann", "Brunner", "Huber", "Vogel", "Günther",
)
SWISS_PLACES = ("Frauenfeld", "Weinfelden", "Arbon", "Kreuzlingen", "Amriswil", "Bischofszell", "Winterthur")
SWISS_PARTIES = ("SVP", "SP", "FDP", "Die Mitte", "GLP", "Grüne", "EVP", "EDU")
SWISS_TOPICS = (
    "Veloinfrastruktur", "Tagesstrukturen an der Volksschule", "Photovoltaik auf kantonalen Gebäuden",
    "Spitalfinanzierung", "Biodiversität im Siedlungsraum", "Lehrstellenangebot", "Prämienverbilligung",
    "öffentlichen Verkehr im Oberthurgau", "Hochwasserschutz an der Thur", "Digitalisierung der Verwaltung",
)
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
)

# fmt: on


def pick(rng: random.Random, items: Sequence[str]) -> str:
    """One item of ``items``."""
    return items[rng.randrange(len(items))]


def person(rng: random.Random) -> str:
    """A first and last name."""
    return f"{pick(rng, FIRST_NAMES)} {pick(rng, LAST_NAMES)}"


def committee(rng: random.Random) -> str:
    """A council committee's name."""
    return pick(rng, COMMITTEES).format(district=pick(rng, DISTRICTS))


def day(rng: random.Random, year: int | None = None) -> dt.date:
    """A weekday in 2022-2025 (or in ``year``)."""
    year = year or rng.randint(2022, 2025)
    date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(330))
    while date.weekday() > 4:
        date += dt.timedelta(days=1)
    return date


def later(rng: random.Random, date: dt.date, low: int = 5, high: int = 40) -> dt.date:
    """A weekday ``low``..``high`` days after ``date``."""
    date = date + dt.timedelta(days=rng.randint(low, high))
    while date.weekday() > 4:
        date += dt.timedelta(days=1)
    return date


def de_date(date: dt.date) -> str:
    """``14.05.2024``."""
    return date.strftime("%d.%m.%Y")


def long_date(date: dt.date) -> str:
    """``19. März 2024``."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"


def de_amount(value: float) -> str:
    """German amount with thousands dots and two decimals: ``1.250.000,00``."""
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def amount(rng: random.Random, low: int = 1, high: int = 400) -> float:
    """A round amount in EUR (multiples of 500)."""
    return float(rng.randint(low, high) * 500)


def at_street(street: str) -> str:
    """``in der Bahnhofstraße``, ``am Marktplatz``, ``am Stadtpark``."""
    if street.startswith("Am "):
        return "am " + street[3:]
    if street.endswith(("platz", "weg")):
        return "am " + street
    return "in der " + street


def title_parts(rng: random.Random) -> list[str]:
    """Phrases of a council paper title: the first is a title on its own, each further one
    lengthens it."""
    measure, article = MEASURES[rng.randrange(len(MEASURES))]
    head = f"{measure[0].upper()}{measure[1:]} {article} {pick(rng, FACILITIES)} {at_street(pick(rng, STREETS))}"
    extras = [
        f"im Ortsteil {pick(rng, DISTRICTS)}",
        f"und Ergänzung um eine {pick(rng, TOPICS)}",
        f"einschließlich der Planung für die {pick(rng, TOPICS)}",
        f"sowie Bereitstellung zusätzlicher Mittel im Haushaltsjahr {rng.randint(2024, 2027)}",
        f"zwischen {pick(rng, STREETS)} und {pick(rng, STREETS)}",
        f"unter Beteiligung des Ortsteilrates {pick(rng, DISTRICTS)}",
        f"nach dem Beschluss vom {de_date(day(rng))}",
    ]
    rng.shuffle(extras)
    return [head, *extras]


def title(rng: random.Random, length: int) -> str:
    """A council paper title of about ``length`` words (at least the first phrase's)."""
    parts = title_parts(rng)
    words = parts[0].split()
    for part in parts[1:]:
        if len(words) >= length:
            break
        words += part.split()
    return " ".join(words)


def sentence(rng: random.Random) -> str:
    """One sentence of a Sachverhalt or Begründung."""
    kind = rng.randrange(6)
    if kind == 0:
        unit, lead = FACT_UNITS[rng.randrange(len(FACT_UNITS))]
        return f"Im Bereich {pick(rng, STREETS)} ergibt sich derzeit eine {lead} rund {rng.randint(12, 4800)} {unit}."
    if kind == 1:
        return (
            f"{pick(rng, SUBJECTS)} hat {pick(rng, OBJECTS)} im {pick(rng, MONTHS)} "
            f"{rng.randint(2022, 2025)} {pick(rng, ACTIONS)}."
        )
    if kind == 2:
        return (
            f"Die Kosten der {pick(rng, TOPICS)} betragen nach der Kostenschätzung "
            f"{de_amount(amount(rng))} EUR und sind im Haushalt {rng.randint(2024, 2027)} veranschlagt."
        )
    if kind == 3:
        return (
            f"Die Maßnahme ist erforderlich, {pick(rng, REASONS)}. {pick(rng, SUBJECTS)} hat dabei "
            f"{pick(rng, OBJECTS)} {pick(rng, ACTIONS)}."
        )
    if kind == 4:
        return (
            f"Der Ortsteilrat {pick(rng, DISTRICTS)} wurde am {de_date(day(rng))} über {pick(rng, OBJECTS)} informiert."
        )
    return (
        f"Für die {pick(rng, FACILITIES)} {at_street(pick(rng, STREETS))} ist eine {pick(rng, TOPICS)} "
        f"vorgesehen, {pick(rng, REASONS)}."
    )


def paragraph(rng: random.Random, sentences: tuple[int, int] = (2, 6)) -> str:
    """Sentences joined into one paragraph."""
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def blocks(rng: random.Random, count: int, bullets: bool = True, link: str | None = None) -> tuple[Block, ...]:
    """``count`` paragraphs, now and then a colon paragraph followed by a bullet list, and the
    ``link`` (a URL) at the end of one paragraph."""
    out: list[Block] = []
    for i in range(count):
        if bullets and i and rng.random() < 0.15:
            out.append(f"{paragraph(rng, (1, 2))} Im Einzelnen umfasst die Maßnahme:")
            out.append(tuple(rng.sample(BULLET_ITEMS, rng.randint(2, 4))))
        else:
            out.append(paragraph(rng))
    if link:
        at = rng.randrange(len(out))
        while not isinstance(out[at], str):
            at -= 1
        out[at] = f"{out[at]} Weitere Informationen: {link}"
    return tuple(out)


def blocks_text(content: Sequence[Block]) -> str:
    """The golden text of paragraphs and bullet lists: paragraphs separated by a blank line, bullet
    items as "- " lines."""
    parts = []
    for block in content:
        parts.append(block if isinstance(block, str) else "\n".join(f"- {item}" for item in block))
    return "\n\n".join(parts)


def resolution_items(rng: random.Random, count: int, style: str) -> tuple[tuple[str, str], ...]:
    """``count`` Beschlussvorschlag items labelled "01", "1." or "a)" (``style``)."""
    labels = {
        "01": [f"{i:02d}" for i in range(1, 27)],
        "1.": [f"{i}." for i in range(1, 27)],
        "a)": [f"{chr(ord('a') + i)})" for i in range(26)],
    }[style]
    texts = [
        f"Der Stadtrat beschließt die {pick(rng, TOPICS)} {at_street(pick(rng, STREETS))}.",
        f"Die Verwaltung wird beauftragt, {pick(rng, OBJECTS)} bis zum {de_date(day(rng))} vorzulegen.",
        f"Die Gesamtkosten in Höhe von {de_amount(amount(rng, 20, 3000))} EUR werden bestätigt.",
        f"Der {committee(rng)} ist halbjährlich über den Stand der Umsetzung zu informieren.",
        f"Die Mittel für die {pick(rng, FACILITIES)} werden im Haushalt {rng.randint(2024, 2027)} bereitgestellt.",
        f"Die Fördermittel für die {pick(rng, TOPICS)} sind beim Land zu beantragen.",
    ]
    return tuple((labels[i], texts[rng.randrange(len(texts))]) for i in range(count))


def label_number(label: str) -> str:
    """A printed item label without its trailing "." or ")": ``1.`` → ``1``."""
    return label.rstrip(".)")


def iso(german: str) -> str:
    """``14.05.2024`` → ``2024-05-14``."""
    return dt.datetime.strptime(german, "%d.%m.%Y").date().isoformat()


def consultations_golden(rows: Sequence[tuple[str, str, str, str]], status: bool) -> list[dict[str, Any]]:
    """Golden ``consultations`` of printed (body, German date, role, "Ö"/"N") rows: public is
    read from the mark only where a status column prints it, else it is unknown (None)."""
    return [
        {"body": body, "date": iso(day), "public": (mark == "Ö") if status else None, "role": role}
        for body, day, role, mark in rows
    ]


def german_float(text: str) -> float | None:
    """``12.500,00`` → 12500.0; a blank cell → None."""
    return float(text.replace(".", "").replace(",", ".")) if text else None


def items_golden(items: tuple[tuple[str, str], ...] | str | None) -> list[dict[str, Any]]:
    """Golden ``resolution_proposal``: a plain paragraph is one item without a number."""
    if items is None:
        return []
    if isinstance(items, str):
        return [{"number": None, "text": items}]
    return [{"number": label_number(label), "text": text} for label, text in items]


def yes_no_golden(label: str, yes: bool) -> dict[str, Any]:
    """A golden checkbox group of two boxes, "ja" and "nein", one of them ticked."""
    return {
        "label": label,
        "options": [{"label": "ja", "checked": yes}, {"label": "nein", "checked": not yes}],
        "selected": "ja" if yes else "nein",
    }


def finances_golden(years: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], total: str) -> dict[str, Any]:
    """Golden ``finances``: each row's amounts by year (a blank cell is None) and the total."""
    return {
        "rows": [
            {"label": label, "amounts": {year: german_float(a) for year, a in zip(years, amounts, strict=True)}}
            for label, amounts in rows
        ],
        "total_cost": german_float(total),
    }


def lettered_items(
    rng: random.Random, texts: Sequence[str], count: int, lettered: int, ask: str
) -> tuple[tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...], list[dict[str, Any]]]:
    """The first ``count`` of ``texts`` as numbered proposal items, item ``lettered`` (-1: none)
    replaced by a commission ("Die Verwaltung wird beauftragt, für die ... {ask}:") with two or
    three lettered sub-items; printed (number, text, sub-items) and golden (the sub-items joined
    to their item's text)."""
    printed: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
    golden: list[dict[str, Any]] = []
    for i in range(count):
        text = texts[i]
        subs: tuple[tuple[str, str], ...] = ()
        if i == lettered:
            text = f"Die Verwaltung wird beauftragt, für die {pick(rng, FACILITIES)} {ask}:"
            subs = tuple(
                (chr(ord("a") + k), f"die {pick(rng, TOPICS)} {at_street(pick(rng, STREETS))},")
                for k in range(rng.randint(2, 3))
            )
            subs = (*subs[:-1], (subs[-1][0], subs[-1][1].rstrip(",") + "."))
        printed.append((f"{i + 1}.", text, subs))
        golden.append({"number": str(i + 1), "text": " ".join([text, *(f"{k}) {s}" for k, s in subs)])})
    return tuple(printed), golden


def swiss_spelling(value: Any) -> Any:
    """Swiss spelling: "ss" for "ß" in every string of ``value`` (a string, or tuples, lists and
    dicts of them)."""
    if isinstance(value, str):
        return value.replace("ß", "ss")
    if isinstance(value, tuple):
        return tuple(swiss_spelling(v) for v in value)
    if isinstance(value, list):
        return [swiss_spelling(v) for v in value]
    if isinstance(value, dict):
        return {k: swiss_spelling(v) for k, v in value.items()}
    return value
