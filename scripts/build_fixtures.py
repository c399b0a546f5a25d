"""Build the PDF fixture corpus in ``fixtures/``.

Every fixture is a council paper ("Drucksache") of the Erfurt family: page 1
carries the originator, the title, the framed number box, the
"Beratungsfolge" table and the "Beschlussvorschlag"; page 2 the checkbox
grid, the finance table and the "Anlagenverzeichnis"; the following pages
the "Sachverhalt".  The same content is rendered with different checkbox
encodings so that a parser can be tested against each of them:

* ``glyph``     -- Wingdings private-use code points (U+F0A8 empty, U+F0FD or
                   U+F078 ticked) drawn with a substitute font named
                   ``SymbolSubst``; the text layer carries the PUA code points.
* ``acroform``  -- AcroForm checkbox widgets (state in ``/V`` and ``/AS``).
* ``vector``    -- stroked squares, ticked ones crossed by two lines.
* ``vector-x``  -- stroked squares, ticked ones with an "X" glyph inside.
* ``typed-x``   -- empty squares as drawn rectangles, a ticked option as a
                   typed "x" without a square.
* ``docx-unicode`` / ``docx-wingdings`` -- a DOCX built with python-docx and
                   converted by LibreOffice, boxes as U+2610/U+2612 or as
                   ``<w:sym w:font="Wingdings">`` characters.

The reportlab output is byte-for-byte reproducible (``invariant=1``).  The
LibreOffice output is normalised with pikepdf (no dates, no XMP, content
derived /ID, stable font subset tags).

Usage::

    python scripts/build_fixtures.py                 # all fixtures
    python scripts/build_fixtures.py --only NAME ... # selected fixtures
    python scripts/build_fixtures.py --list

Requirements: reportlab, fonttools, pikepdf, python-docx; the Debian packages
fonts-liberation and fonts-dejavu; for the DOCX fixtures additionally
libreoffice-writer-nogui and fonts-opensymbol.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from reportlab.lib.colors import black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)


class GridOverflow(ValueError):
    """A checkbox row of the Erfurt grid does not fit its half of the page in the face drawn in."""


REG = "LiberationSans"
BOLD = "LiberationSans-Bold"
#: The reportlab names of the fixtures' own faces (REG and BOLD name the faces in use, see use_faces).
DEFAULT_FACES = (REG, BOLD)
SYM = "SymbolSubst"

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 57.0, 545.0
TOP = 770.0
BOTTOM = 72.0
BOX = 8.5
GRID = 8.5  # font size of the checkbox grid
BODY, LEAD = 11.0, 15.0  # font size and leading of the Sachverhalt

EMPTY_PUA = "\uf0a8"
TICK_PUA_X = "\uf0fd"
TICK_PUA_WINGDINGS_X = "\uf078"
TICK_PUA_CHECK = "\uf0fe"
BULLET_PUA = "\uf0b7"
SHY = "\u00ad"

Encoding = Literal[
    "glyph",
    "glyph-f078",
    "acroform",
    "vector",
    "vector-x",
    "typed-x",
    "docx-unicode",
    "docx-wingdings",
]

# --------------------------------------------------------------------------
# Content model
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Consultation:
    body_lines: tuple[str, ...]
    date: str
    treatment: str
    role: str


@dataclass(frozen=True)
class Finances:
    years: tuple[str, str, str, str]
    # Row label -> four printed amounts ("" = blank cell).
    rows: tuple[tuple[str, tuple[str, str, str, str]], ...]
    total: str = ""


FINANCE_LABELS = (
    "Verwaltungshaushalt Einnahmen",
    "Verwaltungshaushalt Ausgaben",
    "Vermögenshaushalt Einnahmen",
    "Vermögenshaushalt Ausgaben",
)


def empty_finances(years: tuple[str, str, str, str]) -> Finances:
    return Finances(years, tuple((label, ("", "", "", "")) for label in FINANCE_LABELS))


Block = str | tuple[str, ...]  # a paragraph, or a bullet list


@dataclass(frozen=True)
class Paper:
    number: str
    originator: str
    title_lines: tuple[str, ...]
    document_type: str
    treatment: str
    consultations: tuple[Consultation, ...]
    resolution: tuple[tuple[str, str], ...]
    signature: str
    ticked: frozenset[tuple[str, str]]
    finances: Finances
    attachments: tuple[str, ...]
    justification: tuple[Block, ...]
    running_header: str
    body: str = "Stadtrat"
    sachverhalt_new_page: bool = True
    links: tuple[str, ...] = ()
    # Words of the Sachverhalt with permitted syllable breaks marked by "|".
    hyphenation: tuple[str, ...] = ()


# Checkbox grid of page 2: rows of (group label, options) pairs.
GRID_ROW_1 = (
    ("Nachhaltigkeitscontrolling", ("Nein", "Ja, siehe Anlage")),
    ("Demografisches Controlling", ("Nein", "Ja, siehe Anlage")),
)
GRID_ROW_2 = (
    ("Finanzielle Auswirkungen", ("Nein", "Ja")),
    ("Nutzen/Einsparung", ("Nein", "Ja, siehe Sachverhalt")),
)
DECKUNG = ("Deckung im Haushalt", ("Nein", "Ja"))
STANDALONE = "Deckung siehe Entscheidungsvorschlag"
FRIST = ("Fristwahrung", ("Ja", "Nein"))


def ticks(*pairs: tuple[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset(pairs)


# --------------------------------------------------------------------------
# Papers
# --------------------------------------------------------------------------

P_0112_23 = Paper(
    number="0112/23",
    originator="Fraktion BÜNDNIS 90/ DIE GRÜNEN",
    title_lines=(
        'Teilnahme an Modellprojekt "Kommunale',
        "Allianzen und Strategien gegen Rassismus",
        'und Hass" prüfen',
    ),
    document_type="Entscheidungsvorlage",
    treatment="öffentlich",
    consultations=(
        Consultation(
            ("Ausschuss für öffentliche Ordnung,", "Sicherheit, Ortsteile und Ehrenamt"),
            "12.01.2023",
            "nicht öffentlich",
            "Vorberatung",
        ),
        Consultation(("Stadtrat",), "25.01.2023", "öffentlich", "Entscheidung"),
    ),
    resolution=(
        (
            "01",
            'Die Stadtverwaltung prüft die Teilnahme am Modellprojekt "Kommunale Allianzen '
            'und Strategien gegen Rassismus". Dem zuständigen Ausschuss wird zeitnah das '
            "Prüfergebnis und der Prüfbericht mitgeteilt.",
        ),
    ),
    signature="09.01.2023, gez. i. A. xxxxx",
    ticked=ticks(("Fristwahrung", "Nein")),
    finances=empty_finances(("2023", "2024", "2025", "2026")),
    attachments=(),
    justification=(
        "Das Projekt begleitet Modellkommunen (insgesamt 10) darin, Führungskräfte und "
        "Mitarbeitende der Verwaltung gegen Rassismus und Hass zu stärken. Laufzeit des "
        "Projekts ist 2023 bis 2025. In jeder Kommune werden drei Basismodule "
        "bedarfsangepasst durchgeführt:",
        (
            "Aufbau einer lokalen Allianz gegen Rassismus und Hass zwischen Verwaltung, "
            "Beratungs- und Hilfestellen sowie den lokal zuständigen Sicherheitsbehörden",
            "Entwicklung antirassistischer Strategiekonzepte, u.a. zu Clearingverfahren "
            "sowie antirassistische Interventions- und Beteiligungsstrategien",
            "Bedarfsorientierte Trainings und Coachings im Umgang mit Rassismus und Hass",
        ),
        "Damit handelt es sich um ein zielgerichtetes Modellprojekt in drei Modulen, welche "
        "auch den Austausch mit anderen Kommunen beinhalten. Eine verstärkte Zusammenarbeit "
        "mit Beratungsstellen und Sicherheitsbehörden soll gefördert werden, durch Schulung "
        "von Verantwortungsträgern und Multiplikatoren können diskriminierungsfreie Abläufe, "
        "beispielsweise im Migrationsbereich, eingeübt werden. Die Beauftragte der "
        "Bundesregierung für Migration, Flüchtlinge und Integration sowie für Antirassismus "
        "fördert zu 100% und unterstützt das Projekt. Somit sind keine Eigenmittel "
        "erforderlich. Bis zum 28.02.2023 können sich Kommunen noch für eine Teilnahme am "
        "Modellprojekt bewerben. Davor finden am 31. Januar um 14-15 Uhr und am 16. Februar "
        "um 11-12 Uhr Online-Informationsveranstaltungen für interessierte Kommunen statt. "
        'Näheres zum Modellprojekt "Kommunale Allianzen und Strategien gegen Rassismus" '
        "siehe: https://www.imap-institut.de/de/kommunale-allianzen",
    ),
    running_header="Drucksache 0112/23",
    links=("https://www.imap-institut.de/de/kommunale-allianzen",),
)

P_1203_24 = Paper(
    number="1203/24",
    originator="Oberbürgermeister",
    title_lines=(
        "Baubeschluss Radverkehrsanlage Gothaer Straße",
        "zwischen Hochheimer Straße und Steigerstraße",
    ),
    document_type="Entscheidungsvorlage",
    treatment="öffentlich",
    consultations=(
        Consultation(("Ortsteilrat Hochheim",), "21.05.2024", "öffentlich", "Anhörung"),
        Consultation(
            ("Ausschuss für Bau, Verkehr, Vergabe", "und Liegenschaften"),
            "04.06.2024",
            "nicht öffentlich",
            "Vorberatung",
        ),
        Consultation(("Haupt- und Finanzausschuss",), "13.06.2024", "nicht öffentlich", "Vorberatung"),
        Consultation(("Stadtrat",), "26.06.2024", "öffentlich", "Entscheidung"),
    ),
    resolution=(
        (
            "01",
            "Der Stadtrat beschließt die Planung der Radverkehrsanlage Gothaer Straße "
            "zwischen Hochheimer Straße und Steigerstraße gemäß Anlage 1.",
        ),
        (
            "02",
            "Die Gesamtkosten der Maßnahme in Höhe von 1.250.000,00 EUR werden bestätigt. "
            "Die Finanzierung erfolgt gemäß Anlage 2 aus dem Vermögenshaushalt der Jahre "
            "2024 bis 2026.",
        ),
        (
            "03",
            "Die Stadtverwaltung wird beauftragt, die Fördermittel aus dem Landesprogramm "
            "Radverkehr zu beantragen und die Bauleistungen öffentlich auszuschreiben.",
        ),
        (
            "04",
            "Der Ausschuss für Bau, Verkehr, Vergabe und Liegenschaften ist halbjährlich "
            "über den Stand der Umsetzung zu informieren.",
        ),
    ),
    signature="14.05.2024, gez. i. V. Wagner",
    ticked=ticks(
        ("Nachhaltigkeitscontrolling", "Ja, siehe Anlage"),
        ("Demografisches Controlling", "Nein"),
        ("Finanzielle Auswirkungen", "Ja"),
        ("Nutzen/Einsparung", "Nein"),
        ("Deckung im Haushalt", "Ja"),
        ("Fristwahrung", "Ja"),
    ),
    finances=Finances(
        ("2024", "2025", "2026", "2027"),
        (
            ("Verwaltungshaushalt Einnahmen", ("0,00", "0,00", "0,00", "0,00")),
            ("Verwaltungshaushalt Ausgaben", ("0,00", "12.500,00", "12.500,00", "12.500,00")),
            ("Vermögenshaushalt Einnahmen", ("150.000,00", "450.000,00", "275.000,00", "")),
            ("Vermögenshaushalt Ausgaben", ("250.000,00", "625.000,00", "375.000,00", "")),
        ),
        total="1.250.000,00",
    ),
    attachments=("Anlage 1 – Lageplan Radweg", "Anlage 2 – Kostenschätzung"),
    justification=(
        "Die Gothaer Straße ist zwischen der Hochheimer Straße und der Steigerstraße eine "
        "der meistbefahrenen Radverbindungen im Erfurter Südwesten. Sie verbindet die "
        "Wohngebiete in Hochheim und am Steiger mit der Innenstadt und wird täglich von "
        "rund 2.400 Radfahrenden genutzt. Eine eigene Radverkehrsanlage fehlt bisher; der "
        "Radverkehr wird im Mischverkehr auf der Fahrbahn geführt, auf der zugleich bis zu "
        "11.000 Kraftfahrzeuge am Tag verkehren.",
        "Nach der Unfallstatistik der Jahre 2019 bis 2023 ereigneten sich in diesem Abschnitt "
        "17 Unfälle mit Beteiligung von Radfahrenden, davon vier mit schwer verletzten "
        "Personen. Die Unfallkommission hat den Abschnitt deshalb als Unfallhäufungsstrecke "
        "eingestuft und eine bauliche Trennung von Rad- und Kraftverkehr empfohlen.",
        "Das Radverkehrskonzept der Landeshauptstadt Erfurt weist die Gothaer Straße als "
        "Hauptroute des Radverkehrs aus. Für Hauptrouten sind nach dem Konzept "
        "Radverkehrsanlagen mit einer Breite von mindestens 2,00 m vorzusehen. Das Konzept ist "
        "abrufbar unter: https://www.erfurt.de/ef/de/leben/verkehr/radverkehr",
        "Die Planung sieht auf einer Länge von rund 850 m beidseitig einen baulich "
        "getrennten Radweg vor. Im Einzelnen umfasst die Maßnahme:",
        (
            "die Anlage beidseitiger Radwege mit einer Breite von 2,25 m und einem "
            "Sicherheitstrennstreifen von 0,75 m zu den Parkständen",
            "den Umbau der Knotenpunkte Hochheimer Straße und Steigerstraße mit vorgezogenen "
            "Haltelinien und eigenen Signalen für den Radverkehr",
            "die Erneuerung der Straßenbeleuchtung im gesamten Abschnitt",
            "die Pflanzung von 24 Straßenbäumen als Ausgleich für entfallende Grünflächen",
        ),
        "Die Fahrbahn wird dafür von derzeit 8,50 m auf 6,50 m verschmälert. Die Anzahl der "
        "öffentlichen Parkstände verringert sich von 62 auf 48. Eine Parkraumerhebung aus "
        "dem Herbst 2023 hat ergeben, dass die Parkstände in der Gothaer Straße auch zu "
        "Spitzenzeiten höchstens zu 70 Prozent ausgelastet sind. Der Wegfall von 14 "
        "Parkständen kann daher in den angrenzenden Nebenstraßen aufgefangen werden.",
        "Der Ortsteilrat Hochheim wurde im Rahmen einer Bürgerversammlung am 12.03.2024 über "
        "die Planung informiert. Die vorgetragenen Hinweise, insbesondere zur Anordnung der "
        "Querungshilfen und zur Anlieferung der Gewerbebetriebe, wurden in die "
        "Genehmigungsplanung übernommen. Die Entwurfsplanung ist als Anlage 1 beigefügt.",
        "Die Gesamtkosten der Maßnahme betragen nach der Kostenschätzung (Anlage 2) "
        "1.250.000,00 EUR. Davon entfallen 780.000,00 EUR auf den Straßenbau, 290.000,00 EUR "
        "auf die Knotenpunkte und Signalanlagen, 110.000,00 EUR auf die Straßenbeleuchtung "
        "und 70.000,00 EUR auf die Baumpflanzungen. Die Kostenschätzung enthält einen "
        "Ansatz für Unvorhergesehenes von zehn Prozent.",
        "Für die Maßnahme werden Fördermittel aus dem Landesprogramm zur Förderung des "
        "Radverkehrs beantragt. Die Förderquote beträgt 70 Prozent der zuwendungsfähigen "
        "Kosten. Die erwarteten Zuwendungen in Höhe von insgesamt 875.000,00 EUR sind in den "
        "Einnahmen des Vermögenshaushaltes der Jahre 2024 bis 2026 veranschlagt. Der "
        "Eigenanteil der Stadt in Höhe von 375.000,00 EUR ist im Haushalt gedeckt.",
        "Für die Unterhaltung der neuen Anlagen, insbesondere für die Pflege der "
        "Straßenbäume und den Winterdienst auf den Radwegen, entstehen ab dem Jahr 2025 "
        "jährliche Folgekosten in Höhe von 12.500,00 EUR im Verwaltungshaushalt.",
        "Der Baubeginn ist für das Frühjahr 2025 vorgesehen. Die Bauzeit beträgt rund 18 "
        "Monate. Gebaut wird in zwei Abschnitten unter halbseitiger Sperrung, sodass die "
        "Gothaer Straße für den Kraftverkehr stadteinwärts durchgehend befahrbar bleibt. "
        "Die Buslinie 51 wird während der Bauzeit über die Hochheimer Straße umgeleitet.",
        "Die Planung wurde mit dem Behindertenbeirat, der Straßenverkehrsbehörde und der "
        "Polizei abgestimmt. An allen Querungsstellen werden taktile Leitelemente und "
        "Bordabsenkungen auf 3 cm vorgesehen. Die Lichtsignalanlagen erhalten "
        "Zusatzeinrichtungen für blinde und sehbehinderte Menschen. Die Belange des "
        "Denkmalschutzes sind nicht berührt, da sich im Planungsbereich keine Kulturdenkmale "
        "befinden.",
        "Die Stellungnahmen der beteiligten Träger öffentlicher Belange liegen vollständig "
        "vor. Einwände gegen die Planung wurden nicht erhoben. Der Allgemeine Deutsche "
        "Fahrrad-Club hat die Planung ausdrücklich begrüßt und angeregt, die Radwege im "
        "Bereich der Knotenpunkte farblich zu kennzeichnen. Diese Anregung wird umgesetzt.",
        "Während der Bauzeit sind folgende Einschränkungen zu erwarten:",
        (
            "Sperrung der Parkstände im jeweiligen Bauabschnitt",
            "Verlegung der Bushaltestelle Gothaer Platz um rund 80 m stadtauswärts",
            "zeitweise Vollsperrung der Einmündung Steigerstraße an zwei Wochenenden",
        ),
        "Die Zufahrten zu den Grundstücken und Gewerbebetrieben bleiben während der "
        "gesamten Bauzeit gewährleistet. Die Anwohnerinnen und Anwohner werden vor Beginn "
        "jedes Bauabschnittes durch Postwurfsendungen und auf der Internetseite der "
        "Stadtverwaltung informiert. Für Rückfragen wird eine Baustellensprechstunde "
        "vor Ort eingerichtet, die jeweils dienstags von 15 bis 18 Uhr stattfindet.",
        "Die Leistungen für die Objekt- und Tragwerksplanung wurden im Jahr 2023 an ein "
        "Ingenieurbüro vergeben. Die Vergabe der Bauleistungen erfolgt nach öffentlicher "
        "Ausschreibung in zwei Losen. Die Ausschreibung soll nach Vorliegen des "
        "Fördermittelbescheides im vierten Quartal 2024 veröffentlicht werden. Mit "
        "einer Zuschlagserteilung ist im Februar 2025 zu rechnen.",
        "Die Maßnahme ist mit den Leitungsträgern abgestimmt. Die Stadtwerke Erfurt nutzen "
        "die Bauzeit, um im Abschnitt zwischen Hochheimer Straße und Bergstraße die "
        "Trinkwasserleitung zu erneuern. Die Kosten dafür tragen die Stadtwerke; sie "
        "sind nicht Bestandteil der Gesamtkosten dieser Vorlage. Durch die gemeinsame "
        "Ausführung wird eine erneute Aufgrabung der Straße in den kommenden Jahren "
        "vermieden.",
        "Ohne den Beschluss des Stadtrates kann der Förderantrag nicht fristgerecht bis "
        "zum 31.07.2024 gestellt werden. Eine Verschiebung der Maßnahme um ein Jahr würde "
        "nach den Erfahrungen der vergangenen Jahre zu Kostensteigerungen von fünf bis acht "
        "Prozent führen.",
        "Mit der Maßnahme wird eine wesentliche Lücke im Radverkehrsnetz geschlossen. Sie "
        "trägt zur Verbesserung der Verkehrssicherheit und zur Erreichung der Klimaziele der "
        "Landeshauptstadt Erfurt bei. Die Auswirkungen auf die Nachhaltigkeit sind in der "
        "Anlage zum Nachhaltigkeitscontrolling dargestellt.",
    ),
    running_header="Stadtverwaltung Erfurt",
    links=("https://www.erfurt.de/ef/de/leben/verkehr/radverkehr",),
    hyphenation=(
        "Rad|verbindungen",
        "Wohn|gebiete",
        "Misch|verkehr",
        "Unfall|kommission",
        "Parkraum|erhebung",
        "Spitzen|zeiten",
        "Bürger|versammlung",
        "Querungs|hilfen",
        "Gewerbe|betriebe",
        "Entwurfs|planung",
        "Kosten|schätzung",
        "Signal|anlagen",
        "Baum|pflanzungen",
        "Landes|programm",
        "Förder|quote",
        "Zuwen|dungen",
        "Vermögens|haushaltes",
        "Postwurf|sendungen",
        "Internet|seite",
        "Ingenieur|büro",
        "Zuschlags|erteilung",
        "Leitungs|trägern",
        "Kosten|steigerungen",
        "Landes|haupt|stadt",
        "Nachhaltigkeits|controlling",
        "Behinderten|beirat",
        "Straßenverkehrs|behörde",
        "Leit|elemente",
        "Lichtsignal|anlagen",
        "Zusatz|einrichtungen",
        "Denkmal|schutzes",
        "Planungs|bereich",
        "Kultur|denkmale",
        "Stellung|nahmen",
        "Knoten|punkte",
        "Sicherheits|trenn|streifen",
        "Straßen|beleuchtung",
        "Grund|stücken",
        "Bau|abschnittes",
        "Tragwerks|planung",
        "Radverkehrs|netz",
        "Verwaltungs|haushalt",
        "Voll|sperrung",
        "Unfall|häufungs|strecke",
        "Radverkehrs|anlagen",
        "Neben|straßen",
        "Genehmigungs|planung",
        "Unvorher|gesehenes",
        "Folge|kosten",
        "Baustellen|sprechstunde",
        "Fördermittel|bescheides",
        "Trinkwasser|leitung",
        "Verkehrs|sicherheit",
    ),
)

P_0815_23 = Paper(
    number="0815/23",
    originator="SPD-Fraktion",
    title_lines=(
        "Neubau Rad- und Fußweg Walter-Rosenheimer-Straße:",
        "Zeitplan und Kosten der Bau-",
        "maßnahme offenlegen",
    ),
    document_type="Entscheidungsvorlage",
    treatment="nicht öffentlich",
    consultations=(Consultation(("Stadtrat",), "20.09.2023", "nicht öffentlich", "Entscheidung"),),
    resolution=(
        (
            "01",
            "Der Oberbürgermeister legt dem Stadtrat bis zum 31.10.2023 einen verbindlichen "
            "Zeitplan für den Neubau des Rad- und Fußweges in der "
            "Walter-Rosenheimer-Straße vor.",
        ),
        (
            "02",
            "Die bisher angefallenen Planungskosten sowie die aktuelle Kostenschätzung der "
            "Baumaßnahme sind nach Gewerken aufzuschlüsseln.",
        ),
        (
            "03",
            "Die Anwohnerinnen und Anwohner sind vor Baubeginn in einer Informationsveranstaltung zu beteiligen.",
        ),
    ),
    signature="05.09.2023, gez. D. Schmidt",
    ticked=ticks(
        ("Nachhaltigkeitscontrolling", "Nein"),
        ("Demografisches Controlling", "Ja, siehe Anlage"),
        ("Finanzielle Auswirkungen", "Ja"),
        ("Nutzen/Einsparung", "Ja, siehe Sachverhalt"),
        ("Deckung im Haushalt", "Nein"),
        (STANDALONE, STANDALONE),
        ("Fristwahrung", "Nein"),
    ),
    finances=Finances(
        ("2023", "2024", "2025", "2026"),
        (
            ("Verwaltungshaushalt Einnahmen", ("", "", "", "")),
            ("Verwaltungshaushalt Ausgaben", ("5.000,00", "", "", "")),
            ("Vermögenshaushalt Einnahmen", ("", "", "", "")),
            ("Vermögenshaushalt Ausgaben", ("", "", "", "")),
        ),
        total="5.000,00",
    ),
    attachments=("Anlage 1 – Übersichtskarte Walter-Rosenheimer-Straße",),
    justification=(
        "Der Neubau des Rad- und Fußweges in der Walter-Rosenheimer-Straße wurde bereits "
        "im Jahr 2021 beschlossen. Seitdem ist für die Anwohnerinnen und Anwohner nicht "
        "erkennbar, wann mit dem Bau begonnen wird. Mehrere Anfragen im Ortsteilrat blieben "
        "ohne verbindliche Auskunft.",
        "Um den Stadtrat in die Lage zu versetzen, über die Priorität der Maßnahme zu "
        "entscheiden, sind ein belastbarer Zeitplan und eine aktuelle Kostenschätzung "
        "erforderlich. Für die Aufbereitung der Unterlagen entstehen Kosten von rund "
        "5.000,00 EUR, die aus der Deckung gemäß Entscheidungsvorschlag getragen werden.",
    ),
    running_header="Drucksache 0815/23",
    sachverhalt_new_page=False,
)

P_1347_24 = Paper(
    number="1347/24",
    originator="Oberbürgermeister",
    title_lines=(
        "Sachstandsbericht zur Digitalisierung der",
        "Ratsarbeit 2024",
    ),
    document_type="Informationsvorlage",
    treatment="öffentlich",
    consultations=(
        Consultation(
            ("Ausschuss für Digitalisierung,", "Wirtschaft und Tourismus"),
            "10.09.2024",
            "öffentlich",
            "Kenntnisnahme",
        ),
        Consultation(("Stadtrat",), "25.09.2024", "öffentlich", "Kenntnisnahme"),
    ),
    resolution=(),
    signature="27.08.2024, gez. i. A. Lehmann",
    ticked=ticks(
        ("Nachhaltigkeitscontrolling", "Nein"),
        ("Demografisches Controlling", "Nein"),
        ("Finanzielle Auswirkungen", "Nein"),
        ("Nutzen/Einsparung", "Nein"),
        ("Fristwahrung", "Ja"),
    ),
    finances=empty_finances(("2024", "2025", "2026", "2027")),
    attachments=("Anlage 1 – Übersicht der digitalen Sitzungsdienste",),
    justification=(
        "Mit Beschluss vom 15.03.2023 hat der Stadtrat die Verwaltung beauftragt, jährlich "
        "über den Stand der Digitalisierung der Ratsarbeit zu berichten. Der vorliegende "
        "Bericht umfasst den Zeitraum von Juli 2023 bis Juni 2024.",
        "Seit Januar 2024 werden sämtliche Einladungen, Drucksachen und Niederschriften "
        "ausschließlich elektronisch bereitgestellt. Der Papierversand an die Mitglieder "
        "des Stadtrates und der Ausschüsse wurde eingestellt. Dadurch konnten im "
        "Berichtszeitraum rund 410.000 Blatt Papier eingespart werden.",
        "Folgende Maßnahmen wurden im Berichtszeitraum umgesetzt:",
        (
            "Einführung einer Sitzungs-App für Tablets mit Offline-Funktion",
            "Bereitstellung von Tablets für alle 50 Mitglieder des Stadtrates",
            "Umstellung der Abstimmungen im Stadtrat auf ein elektronisches Abstimmungssystem",
            "Live-Übertragung der öffentlichen Sitzungen des Stadtrates im Internet",
        ),
        "Die Sitzungs-App wird von 94 Prozent der Mitglieder regelmäßig genutzt. "
        "Rückmeldungen aus den Fraktionen betreffen vor allem die Suchfunktion und die "
        "Darstellung umfangreicher Anlagen. Beide Punkte werden mit dem nächsten Update im "
        "vierten Quartal 2024 verbessert.",
        "Die Live-Übertragungen der Stadtratssitzungen wurden im Berichtszeitraum "
        "durchschnittlich von 1.150 Personen verfolgt. Die Aufzeichnungen stehen für zwölf "
        "Monate im Ratsinformationssystem zur Verfügung. Eine Übersicht aller digitalen "
        "Angebote enthält die Anlage 1.",
        "Für das kommende Jahr ist die Einführung digitaler Antrags- und Anfrageformulare "
        "für die Fraktionen vorgesehen. Außerdem sollen die Ortsteilräte schrittweise an "
        "die Sitzungs-App angebunden werden. Die Pilotphase beginnt im Januar 2025 mit den "
        "Ortsteilräten Hochheim, Marbach und Vieselbach.",
        "Die Kosten der Maßnahmen sind im Haushalt des Amtes für Informationstechnik "
        "veranschlagt. Zusätzliche finanzielle Auswirkungen ergeben sich aus dieser "
        "Informationsvorlage nicht.",
        "Weitere Informationen zum Ratsinformationssystem stehen im Internet bereit: "
        "https://www.erfurt.de/ef/de/rathaus/stadtrat/ratsinformationssystem",
    ),
    running_header="Stadtverwaltung Erfurt",
    links=("https://www.erfurt.de/ef/de/rathaus/stadtrat/ratsinformationssystem",),
)

P_0378_24 = Paper(
    number="0378/24",
    originator="CDU-Fraktion",
    title_lines=(
        "Sanierung der Sporthalle am Johannesplatz",
        "beschleunigen",
    ),
    document_type="Entscheidungsvorlage",
    treatment="öffentlich",
    consultations=(
        Consultation(("Ausschuss für Bildung und Sport",), "07.03.2024", "nicht öffentlich", "Vorberatung"),
        Consultation(("Stadtrat",), "20.03.2024", "öffentlich", "Entscheidung"),
    ),
    resolution=(
        (
            "01",
            "Die Sanierung der Sporthalle am Johannesplatz wird in der Prioritätenliste "
            "Schulbau und Sportstätten auf das Jahr 2025 vorgezogen.",
        ),
        (
            "02",
            "Die Stadtverwaltung legt dem Ausschuss für Bildung und Sport bis zum 30.06.2024 "
            "eine Planung für die Auslagerung des Schul- und Vereinssports während der "
            "Bauzeit vor.",
        ),
    ),
    signature="26.02.2024, gez. M. Krüger",
    ticked=ticks(
        ("Nachhaltigkeitscontrolling", "Ja, siehe Anlage"),
        ("Demografisches Controlling", "Ja, siehe Anlage"),
        ("Finanzielle Auswirkungen", "Ja"),
        ("Nutzen/Einsparung", "Ja, siehe Sachverhalt"),
        ("Deckung im Haushalt", "Ja"),
        ("Fristwahrung", "Nein"),
    ),
    finances=Finances(
        ("2024", "2025", "2026", "2027"),
        (
            ("Verwaltungshaushalt Einnahmen", ("", "", "", "")),
            ("Verwaltungshaushalt Ausgaben", ("", "", "", "")),
            ("Vermögenshaushalt Einnahmen", ("", "", "", "")),
            ("Vermögenshaushalt Ausgaben", ("", "350.000,00", "", "")),
        ),
        total="350.000,00",
    ),
    attachments=(),
    justification=(
        "Die Sporthalle am Johannesplatz wird täglich von zwei Grundschulen und am Abend "
        "von sieben Sportvereinen genutzt. Seit dem Herbst 2023 ist die Halle wegen "
        "Feuchtigkeitsschäden im Dach nur eingeschränkt nutzbar.",
        "Nach der aktuellen Prioritätenliste ist die Sanierung erst für das Jahr 2027 "
        "vorgesehen. Ein weiteres Abwarten würde die Schäden an der Dachkonstruktion "
        "vergrößern und die Kosten der Sanierung erhöhen. Für die Dachsanierung werden "
        "350.000,00 EUR im Vermögenshaushalt 2025 benötigt.",
        "Der Schulsport kann während der Bauzeit in der Sporthalle Nordhäuser Straße "
        "stattfinden. Für den Vereinssport sind Ausweichzeiten zu prüfen.",
        "Der Zustandsbericht des Sportstättenbetriebs ist veröffentlicht unter: "
        "https://www.erfurt.de/ef/de/leben/sport/sportstaetten",
    ),
    running_header="Drucksache 0378/24",
    links=("https://www.erfurt.de/ef/de/leben/sport/sportstaetten",),
)


# --------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------


def find_font(filename: str) -> Path:
    for directory in FONT_DIRS:
        path = directory / filename
        if path.exists():
            return path
    sys.exit(f"font {filename} not found; install it with: apt-get install fonts-liberation fonts-dejavu")


def build_symbol_font(dest: Path) -> Path:
    """Copy DejaVu Sans, give the Wingdings/Symbol PUA code points box and bullet glyphs."""
    from fontTools.ttLib import TTFont

    font = TTFont(find_font("DejaVuSans.ttf"), recalcTimestamp=False)
    best = font.getBestCmap()
    pua_to_source = {
        0xF0A8: 0x2610,  # Wingdings empty box -> BALLOT BOX
        0xF0FD: 0x2612,  # Wingdings box with X -> BALLOT BOX WITH X
        0xF078: 0x2612,  # Wingdings "x" -> BALLOT BOX WITH X
        0xF0FE: 0x2611,  # Wingdings box with check -> BALLOT BOX WITH CHECK
        0xF0B7: 0x2022,  # Symbol bullet -> BULLET
    }
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format in (4, 12):
            for pua, source in pua_to_source.items():
                table.cmap[pua] = best[source]
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(SYM, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(SYM, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{SYM} fixture", 3, record.platformID, record.platEncID, record.langID)
    path = dest / "SymbolSubst.ttf"
    font.save(path)
    return path


def register_fonts(tmp: Path) -> None:
    if DEFAULT_FACES[0] in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(RLTTFont(DEFAULT_FACES[0], str(find_font("LiberationSans-Regular.ttf"))))
    pdfmetrics.registerFont(RLTTFont(DEFAULT_FACES[1], str(find_font("LiberationSans-Bold.ttf"))))
    pdfmetrics.registerFont(RLTTFont(SYM, str(build_symbol_font(tmp))))


def use_faces(regular: Path, bold: Path) -> None:
    """Draw the builders' regular and bold text in these TrueType files from now on.

    reportlab keeps the first font registered under a name and ignores a second
    (``pdfmetrics.registerFont``), so each face is registered under a name of its own, its
    PostScript name (the fixtures' "LiberationSans" too: a face registered once more under
    another name would be drawn under the first one's), and :data:`REG` / :data:`BOLD` are
    pointed at the pair in use."""
    global REG, BOLD
    REG, BOLD = _registered_face(regular), _registered_face(bold)


@cache
def _registered_face(path: Path) -> str:
    """The PostScript name of the TrueType file ``path``, registered under it once."""
    name = RLTTFont(path.stem, str(path)).face.name
    name = name.decode("ascii") if isinstance(name, bytes) else str(name)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(RLTTFont(name, str(path)))
    return name


@contextmanager
def fixture_faces() -> Iterator[None]:
    """Draw in the fixtures' Liberation Sans inside the block, then in the faces used before."""
    global REG, BOLD
    used = REG, BOLD
    REG, BOLD = DEFAULT_FACES
    try:
        yield
    finally:
        REG, BOLD = used


def default_faces() -> None:
    """Back to the fixtures' Liberation Sans (:func:`register_fonts`) after :func:`use_faces`."""
    global REG, BOLD
    REG, BOLD = DEFAULT_FACES


def width(text: str, font: str | None = None, size: float = 10.0) -> float:
    return pdfmetrics.stringWidth(text, font or REG, size)


def wrap(text: str, max_width: float, font: str | None = None, size: float = 10.0) -> list[str]:
    """Greedy word wrap.

    Never breaks after a word ending in a real hyphen ("Rad- und"), so a line end
    hyphen always means a syllable break; soft hyphens (U+00AD) mark permitted
    syllable breaks and are rendered as "-" at a line end.
    """
    words: list[str] = []
    for token in text.split(" "):
        if words and len(words[-1]) > 1 and words[-1].endswith("-"):
            words[-1] += " " + token
        else:
            words.append(token)

    def fits(candidate: str) -> bool:
        return width(candidate.replace(SHY, ""), font, size) <= max_width

    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        parts = word.split(SHY)
        for cut in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:cut]) + "-"
            attempt = f"{current} {head}" if current else head
            if fits(attempt):
                lines.append(attempt)
                current = SHY.join(parts[cut:])
                break
        else:
            if current:
                lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [line.replace(SHY, "") for line in lines]


def soft_hyphenate(block: Block, words: Sequence[str]) -> Block:
    """Insert soft hyphens at the "|" marks of ``words`` wherever they occur."""
    if isinstance(block, tuple):
        return tuple(str(soft_hyphenate(item, words)) for item in block)
    for marked in words:
        block = block.replace(marked.replace("|", ""), marked.replace("|", SHY))
    return block


# --------------------------------------------------------------------------
# Page model for the reportlab renderer
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    font: str = REG
    size: float = 10.0
    align: Literal["left", "right", "center"] = "left"


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    lw: float = 0.5


@dataclass(frozen=True)
class Frame:
    x: float
    y: float
    w: float
    h: float
    lw: float = 0.8


@dataclass(frozen=True)
class Box:
    """A checkbox whose lower edge sits slightly below the text baseline ``y``."""

    x: float
    y: float
    checked: bool
    name: str


@dataclass(frozen=True)
class Link:
    x1: float
    y1: float
    x2: float
    y2: float
    url: str


Op = Text | Rule | Frame | Box | Link


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)
    # Page 1 only: the header block (originator, title, number box).
    head: list[Op] = field(default_factory=list)


class Layout:
    """Places a paper's content on pages; checkbox drawing is left to the renderer."""

    def __init__(self, paper: Paper, encoding: Encoding) -> None:
        self.paper = paper
        self.encoding = encoding
        self.pages: list[Page] = []
        self.y = TOP
        self.box_seq = 0

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1].ops

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = TOP

    def box(self, x: float, y: float, group: str, option: str) -> Box:
        self.box_seq += 1
        slug = re.sub(r"[^A-Za-z]+", "_", f"{group}_{option}").strip("_")
        return Box(x, y, (group, option) in self.paper.ticked, f"cb{self.box_seq:02d}_{slug}")

    # -- page 1 ------------------------------------------------------------

    def first_page(self) -> None:
        paper = self.paper
        self.new_page()
        page = self.pages[-1]
        head = page.head
        head.append(Text(LEFT, 792, paper.originator, BOLD, 11))
        head.append(Text(LEFT, 764, "Titel der Drucksache:", REG, 9))
        for i, line in enumerate(paper.title_lines):
            head.append(Text(LEFT, 748 - 14 * i, line, BOLD, 11))
        bx, btop, bw = 372.0, 806.0, RIGHT - 372.0
        head.append(Frame(bx, 716, bw, btop - 716))
        head.append(Text(bx + 10, 788, f"Drucksache {paper.number}", BOLD, 11))
        head.append(Text(bx + 10, 770, paper.body, REG, 10))
        head.append(Text(bx + 10, 755, paper.document_type, REG, 10))
        head.append(Text(bx + 10, 728, paper.treatment, REG, 10))

        # Beratungsfolge table.
        cols = (LEFT, 292.0, 367.0, 455.0, RIGHT)
        top = 690.0
        rows: list[tuple[tuple[str, ...], str, str, str, str]] = [
            (("Beratungsfolge",), "Datum", "Behandlung", "Zuständigkeit", BOLD)
        ]
        rows += [(c.body_lines, c.date, c.treatment, c.role, REG) for c in paper.consultations]
        ops = page.ops
        ops.append(Rule(cols[0], top, cols[-1], top))
        y = top
        for body_lines, date, treatment, role, font in rows:
            height = 8 + 12 * len(body_lines)
            for i, line in enumerate(body_lines):
                ops.append(Text(cols[0] + 4, y - 13 - 12 * i, line, font, 9))
            mid = y - 13 - 6 * (len(body_lines) - 1)
            for col, value in zip(cols[1:4], (date, treatment, role), strict=True):
                ops.append(Text(col + 4, mid, value, font, 9))
            y -= height
            ops.append(Rule(cols[0], y, cols[-1], y))
        for col in cols:
            ops.append(Rule(col, top, col, y))

        y -= 34
        if paper.resolution:
            ops.append(Text(LEFT, y, "Beschlussvorschlag", BOLD, 11))
            y -= 24
            for number, text in paper.resolution:
                ops.append(Text(LEFT, y, number, REG, 10))
                for line in wrap(text, RIGHT - 85):
                    ops.append(Text(85, y, line, REG, 10))
                    y -= 13.5
                y -= 9
        if y < 130:
            raise ValueError(f"{paper.number}: page 1 overflows")
        ops.append(Text(LEFT, 100, paper.signature, REG, 10))
        ops.append(Rule(LEFT, 95, 300, 95))
        ops.append(Text(LEFT, 86, "Datum, Unterschrift", REG, 7))

    # -- page 2 ------------------------------------------------------------

    def option_run(self, x: float, y: float, group: str, options: Sequence[str]) -> float:
        """Label, gap, then box + option label pairs; returns the x after the run."""
        self.ops.append(Text(x, y, group, REG, GRID))
        x += width(group, REG, GRID) + 12
        for option in options:
            self.ops.append(self.box(x, y, group, option))
            self.ops.append(Text(x + BOX + 3, y, option, REG, GRID))
            x += BOX + 3 + width(option, REG, GRID) + 9
        return x

    def second_page(self) -> None:
        paper = self.paper
        self.new_page()
        ops = self.ops
        half = 300.0
        y = 762.0
        for row in (GRID_ROW_1, GRID_ROW_2):
            end_left = self.option_run(LEFT, y, *row[0])
            if row is GRID_ROW_2:
                ops.append(Text(end_left - 5, y, "→", REG, GRID))
                arrow_x = end_left - 9 - width("Ja", REG, GRID) - 3 - BOX
            if end_left - 9 >= half - 15:
                raise GridOverflow(f"{row[0][0]!r} runs into the right half of the checkbox grid")
            end_right = self.option_run(half, y, *row[1])
            if end_right - 9 >= RIGHT:
                raise GridOverflow(f"{row[1][0]!r} runs past the right margin")
            y -= 22
        ops.append(Text(arrow_x, y, "↓", REG, GRID))
        ops.append(Text(arrow_x + 12, y, "Personal- und Sachkosten (in EUR) /", REG, GRID))
        ops.append(Text(arrow_x + 12, y - 11, "Personalkosteneinsparung (in VbE)", REG, GRID))
        y -= 34
        self.option_run(LEFT, y, *DECKUNG)
        ops.append(Text(half, y, "Gesamtkosten", REG, GRID))
        ops.append(Frame(380, y - 4, RIGHT - 380, 14, 0.5))
        ops.append(Text(RIGHT - 4, y, f"{paper.finances.total} EUR", REG, 9, "right"))

        # Finance table.
        y -= 24
        cols = (LEFT, 245.0, 320.0, 395.0, 470.0, RIGHT)
        ops.append(Rule(cols[0], y, cols[-1], y))
        header = ("", *paper.finances.years)
        ops.append(Text(cols[0] + 4, y - 12, header[0], BOLD, 9))
        for i, year in enumerate(paper.finances.years):
            ops.append(Text(cols[i + 2] - 4, y - 12, year, BOLD, 9, "right"))
        top = y
        y -= 17
        ops.append(Rule(cols[0], y, cols[-1], y))
        for label, amounts in paper.finances.rows:
            ops.append(Text(cols[0] + 4, y - 12, label, REG, 9))
            for i, amount in enumerate(amounts):
                ops.append(Text(cols[i + 2] - 4, y - 12, f"{amount} EUR", REG, 9, "right"))
            y -= 17
            ops.append(Rule(cols[0], y, cols[-1], y))
        for col in cols:
            ops.append(Rule(col, top, col, y))

        y -= 26
        ops.append(self.box(LEFT, y, STANDALONE, STANDALONE))
        ops.append(Text(LEFT + BOX + 3, y, STANDALONE, REG, GRID))
        y -= 28
        ops.append(Text(LEFT, y, FRIST[0], BOLD, 9))
        y -= 18
        if self.encoding == "typed-x":
            y -= 10
            self.frist_in_cells(y)
        else:
            x = LEFT
            for option in FRIST[1]:
                ops.append(self.box(x, y, FRIST[0], option))
                ops.append(Text(x + BOX + 3, y, option, REG, GRID))
                x += BOX + 3 + width(option, REG, GRID) + 14
        y -= 38
        ops.append(Text(LEFT, y, "Anlagenverzeichnis", BOLD, 11))
        y -= 20
        for entry in paper.attachments:
            ops.append(Text(LEFT, y, entry, REG, 10))
            y -= 14
        self.y = y - 24

    def frist_in_cells(self, y: float) -> None:
        """Fristwahrung as a ruled one-row table: the typed "X" sits top-aligned in
        its own narrow cell, the option labels bottom-aligned in the next cell."""
        widths = (20.0, 40.0, 20.0, 40.0)
        x = LEFT
        bottom, height = y - 6, 24.0
        self.ops.append(Frame(LEFT, bottom, sum(widths), height, 0.5))
        for i, option in enumerate(FRIST[1]):
            box = self.box(x + 6, y, FRIST[0], option)
            if box.checked:
                self.ops.append(Text(x + 6, y + 7.5, "X", REG, 10))
            else:
                self.ops.append(box)
            x += widths[2 * i]
            self.ops.append(Rule(x, bottom, x, bottom + height))
            self.ops.append(Text(x + 5, y, option, REG, 9))
            x += widths[2 * i + 1]
            if i == 0:
                self.ops.append(Rule(x, bottom, x, bottom + height))

    # -- Sachverhalt ---------------------------------------------------------

    def ensure(self, needed: float) -> None:
        if self.y - needed < BOTTOM:
            self.new_page()

    def text_line(self, x: float, line: str) -> None:
        self.ensure(LEAD)
        self.ops.append(Text(x, self.y, line, REG, BODY))
        for url in re.findall(r"https?://\S+", line):
            start = x + width(line[: line.index(url)], REG, BODY)
            end = start + width(url, REG, BODY)
            self.ops.append(Link(start, self.y - 2, end, self.y + BODY, url))
        self.y -= LEAD

    def sachverhalt(self) -> None:
        if self.paper.sachverhalt_new_page:
            self.new_page()
        self.ensure(80)
        self.ops.append(Text(LEFT, self.y, "Sachverhalt", BOLD, 12))
        self.y -= 26
        self.ops.append(Text(LEFT, self.y, "Begründung:", BOLD, BODY))
        self.y -= 24
        for block in self.paper.justification:
            block = soft_hyphenate(block, self.paper.hyphenation)
            if isinstance(block, str):
                for line in wrap(block, RIGHT - LEFT, REG, BODY):
                    self.text_line(LEFT, line)
            else:
                for item in block:
                    lines = wrap(item, RIGHT - 85, REG, BODY)
                    self.ensure(LEAD)
                    self.ops.append(Text(70, self.y, BULLET_PUA, SYM, BODY))
                    for line in lines:
                        self.text_line(85, line)
                    self.y -= 2
            self.y -= 9

    def build(self) -> list[Page]:
        self.first_page()
        self.second_page()
        self.sachverhalt()
        return self.pages


# --------------------------------------------------------------------------
# reportlab renderer
# --------------------------------------------------------------------------


def draw_box(c: Canvas, box: Box, encoding: Encoding) -> None:
    x, y = box.x, box.y - 1.2
    if encoding in ("glyph", "glyph-f078"):
        tick = TICK_PUA_X if encoding == "glyph" else TICK_PUA_WINGDINGS_X
        c.setFont(SYM, 10)
        c.drawString(box.x - 0.5, box.y, tick if box.checked else EMPTY_PUA)
        return
    if encoding == "acroform":
        c.acroForm.checkbox(
            name=box.name,
            tooltip=box.name,
            x=x,
            y=y,
            size=BOX,
            checked=box.checked,
            buttonStyle="cross",
            borderStyle="solid",
            borderWidth=0.6,
            borderColor=black,
            fillColor=white,
            textColor=black,
            forceBorder=True,
        )
        return
    if encoding == "typed-x" and box.checked:
        c.setFont(REG, 10)
        c.drawString(box.x + 1.5, box.y, "x")
        return
    c.setLineWidth(0.6)
    c.rect(x, y, BOX, BOX, stroke=1, fill=0)
    if not box.checked:
        return
    if encoding == "vector-x":
        c.setFont(REG, 8)
        c.drawCentredString(x + BOX / 2, y + 1.6, "X")
    else:
        c.line(x + 1.5, y + 1.5, x + BOX - 1.5, y + BOX - 1.5)
        c.line(x + 1.5, y + BOX - 1.5, x + BOX - 1.5, y + 1.5)


def draw_op(c: Canvas, op: Op, encoding: Encoding) -> None:
    if isinstance(op, Text):
        c.setFont(op.font, op.size)
        if op.align == "right":
            c.drawRightString(op.x, op.y, op.text)
        elif op.align == "center":
            c.drawCentredString(op.x, op.y, op.text)
        else:
            c.drawString(op.x, op.y, op.text)
    elif isinstance(op, Rule):
        c.setLineWidth(op.lw)
        c.line(op.x1, op.y1, op.x2, op.y2)
    elif isinstance(op, Frame):
        c.setLineWidth(op.lw)
        c.rect(op.x, op.y, op.w, op.h, stroke=1, fill=0)
    elif isinstance(op, Box):
        draw_box(c, op, encoding)
    else:
        c.linkURL(op.url, (op.x1, op.y1, op.x2, op.y2), relative=0, thickness=0)


def render_reportlab(
    paper: Paper, encoding: Encoding, out: Path, seed_order: bool, layout: Layout | None = None
) -> bool:
    """Render ``paper`` (placed by ``layout``, by default the fixtures' ``Layout``); with
    ``seed_order`` page 1 is emitted body first, header last."""
    pages = (layout or Layout(paper, encoding)).build()
    c = Canvas(str(out), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(f"Drucksache {paper.number}")
    c.setAuthor("Stadtverwaltung Erfurt")
    c.setSubject(" ".join(paper.title_lines))
    for number, page in enumerate(pages, start=1):
        if number > 1:
            c.setFont(REG, 9)
            c.drawRightString(RIGHT, 806, paper.running_header)
            c.setLineWidth(0.5)
            c.line(LEFT, 800, RIGHT, 800)
        ops = page.ops + page.head if seed_order else page.head + page.ops
        for op in ops:
            draw_op(c, op, encoding)
        c.setFont(REG, 8)
        c.drawCentredString(PAGE_W / 2, 36, f"Seite {number} von {len(pages)}")
        c.showPage()
    c.save()
    return True


# --------------------------------------------------------------------------
# DOCX + LibreOffice renderer
# --------------------------------------------------------------------------


def render_docx_pdf(paper: Paper, encoding: Encoding, out: Path) -> bool:
    """Build the DOCX, convert it with LibreOffice; False if LibreOffice is missing."""
    return convert_docx(lambda docx_path: build_docx(paper, encoding, docx_path), out)


def convert_docx(build: Callable[[Path], None], out: Path, *, tagged: bool = False) -> bool:
    """Write a DOCX with ``build``, convert it with LibreOffice Writer into ``out`` and
    normalise the PDF; False (with a message) when LibreOffice is missing. ``tagged`` exports a
    tagged PDF (a structure tree, marked content with MCIDs), as Word's "Save as PDF" does."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print(
            f"skip {out.name}: LibreOffice is missing; install it with "
            "'apt-get install libreoffice-writer-nogui fonts-opensymbol'",
            file=sys.stderr,
        )
        return False
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docx_path = tmp / f"{out.stem}.docx"
        build(docx_path)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--norestore",
                "--convert-to",
                _TAGGED_PDF if tagged else "pdf",
                "--outdir",
                str(tmp),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        normalise_pdf(tmp / f"{out.stem}.pdf", out)
    return True


#: LibreOffice's PDF export with its "Tagged PDF" option on (a filter option in JSON).
_TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def normalise_pdf(src: Path, out: Path) -> None:
    """Strip volatile metadata and make font subset tags content-derived."""
    import pikepdf

    with pikepdf.open(src) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False):
            pass
        if "/Metadata" in pdf.Root:
            del pdf.Root.Metadata
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        for key in ("/DocChecksum", "/ID"):
            if key in pdf.trailer:
                del pdf.trailer[key]
        tags: dict[str, str] = {}
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary):
                continue
            for key in ("/BaseFont", "/FontName"):
                if key not in obj:
                    continue
                name = str(obj[key])[1:]
                match = re.fullmatch(r"([A-Z]{6})\+(.+)", name)
                if not match:
                    continue
                base = match.group(2)
                tag = tags.setdefault(match.group(1), stable_tag(base, len(tags)))
                obj[key] = pikepdf.Name(f"/{tag}+{base}")
        pdf.save(out, deterministic_id=True, compress_streams=True)


def stable_tag(base: str, index: int) -> str:
    digest = hashlib.sha1(f"{base}:{index}".encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


@dataclass(frozen=True)
class DocxStyle:
    """Font and table column widths (cm) of the DOCX template; the defaults are the fixtures'."""

    font: str = "Arial"
    size: float = 10.0
    consultation_widths: tuple[float, float, float, float] = (7.5, 2.6, 3.2, 3.7)
    grid_widths: tuple[float, float, float, float, float, float] = (3.8, 1.4, 2.9, 4.0, 1.4, 3.5)
    finance_widths: tuple[float, float, float, float, float] = (5.4, 2.9, 2.9, 2.9, 2.9)


def docx_field(par: object, instr: str) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) in 8 pt to the python-docx paragraph ``par``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    par._p.append(fld)  # type: ignore[attr-defined]


def docx_symbol(par: object, font: str, char: str) -> None:
    """Append a ``<w:sym>`` character (a Wingdings box, a Symbol bullet) to the paragraph ``par``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    symbol = OxmlElement("w:sym")
    symbol.set(qn("w:font"), font)
    symbol.set(qn("w:char"), char)
    run.append(symbol)
    par._p.append(run)  # type: ignore[attr-defined]


def docx_page_footers(section: object) -> None:
    """ "Seite N von M", centred in 8 pt, in the footers of the first and the following pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for footer in (section.footer, section.first_page_footer):  # type: ignore[attr-defined]
        par = footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.add_run("Seite ").font.size = Pt(8)
        docx_field(par, "PAGE")
        par.add_run(" von ").font.size = Pt(8)
        docx_field(par, "NUMPAGES")


def build_docx(paper: Paper, encoding: Encoding, path: Path, look: DocxStyle | None = None) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    look = look or DocxStyle()
    doc = Document()
    doc.core_properties.author = "Stadtverwaltung Erfurt"
    doc.core_properties.title = f"Drucksache {paper.number}"
    style = doc.styles["Normal"]
    style.font.name = look.font
    style.font.size = Pt(look.size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), look.font)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.1

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.different_first_page_header_footer = True
    header_par = section.header.paragraphs[0]
    header_par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header_par.add_run(paper.running_header).font.size = Pt(9)

    docx_page_footers(section)

    def checkbox(par: object, checked: bool) -> None:
        if encoding == "docx-wingdings":
            docx_symbol(par, "Wingdings", "F0FE" if checked else "F0A8")
        else:
            run = par.add_run("☒" if checked else "☐")  # type: ignore[attr-defined]
            run.font.name = "MS Gothic"

    def set_borders(cell: object, on: bool) -> None:
        tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
        borders = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "single" if on else "nil")
            el.set(qn("w:sz"), "6")
            el.set(qn("w:color"), "000000")
            borders.append(el)
        tc_pr.append(borders)

    def cell_text(
        cell: object,
        lines: Sequence[str],
        bold: bool = False,
        size: float = 9,
        align: object = None,
    ) -> None:
        par = cell.paragraphs[0]  # type: ignore[attr-defined]
        if align is not None:
            par.alignment = align
        for i, line in enumerate(lines):
            run = par.add_run(line)
            run.bold = bold
            run.font.size = Pt(size)
            if i < len(lines) - 1:
                run.add_break()

    def widths(table: object, cms: Sequence[float]) -> None:
        table.autofit = False  # type: ignore[attr-defined]
        for column, cm in zip(table.columns, cms, strict=True):  # type: ignore[attr-defined]
            column.width = Cm(cm)
        for row in table.rows:  # type: ignore[attr-defined]
            for cell, cm in zip(row.cells, cms, strict=False):
                cell.width = Cm(cm)

    # Page 1: header block.
    head = doc.add_table(rows=1, cols=2)
    widths(head, (10.5, 6.5))
    left, right = head.rows[0].cells
    set_borders(left, False)
    set_borders(right, True)
    par = left.paragraphs[0]
    par.add_run(paper.originator).bold = True
    left.add_paragraph()
    left.add_paragraph().add_run("Titel der Drucksache:").font.size = Pt(9)
    par = left.add_paragraph()
    for i, line in enumerate(paper.title_lines):
        run = par.add_run(line)
        run.bold = True
        run.font.size = Pt(11)
        if i < len(paper.title_lines) - 1:
            run.add_break()
    par = right.paragraphs[0]
    par.add_run(f"Drucksache {paper.number}").bold = True
    right.add_paragraph(paper.body)
    right.add_paragraph(paper.document_type)
    right.add_paragraph()
    right.add_paragraph(paper.treatment)

    doc.add_paragraph()
    table = doc.add_table(rows=1 + len(paper.consultations), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    widths(table, look.consultation_widths)
    for cell, label in zip(
        table.rows[0].cells, ("Beratungsfolge", "Datum", "Behandlung", "Zuständigkeit"), strict=True
    ):
        cell_text(cell, [label], bold=True)
    for row, cons in zip(table.rows[1:], paper.consultations, strict=True):
        cell_text(row.cells[0], cons.body_lines)
        cell_text(row.cells[1], [cons.date])
        cell_text(row.cells[2], [cons.treatment])
        cell_text(row.cells[3], [cons.role])

    doc.add_paragraph()
    if paper.resolution:
        par = doc.add_paragraph()
        run = par.add_run("Beschlussvorschlag")
        run.bold = True
        run.font.size = Pt(11)
        doc.add_paragraph()
        items = doc.add_table(rows=len(paper.resolution), cols=2)
        widths(items, (1.2, 15.8))
        for row, (number, text) in zip(items.rows, paper.resolution, strict=True):
            cell_text(row.cells[0], [number], size=10)
            cell_text(row.cells[1], [text], size=10)
            row.cells[1].paragraphs[0].paragraph_format.space_after = Pt(8)
    par = doc.add_paragraph()
    par.paragraph_format.space_before = Pt(150 - 40 * len(paper.resolution))
    par.add_run(paper.signature)
    par = doc.add_paragraph()
    par.add_run("Datum, Unterschrift").font.size = Pt(7)
    par.add_run().add_break(WD_BREAK.PAGE)

    # Page 2: checkbox grid.
    grid = doc.add_table(rows=4, cols=6)
    widths(grid, look.grid_widths)
    for row, pair in zip(grid.rows[:2], (GRID_ROW_1, GRID_ROW_2), strict=True):
        for offset, (group, options) in zip((0, 3), pair, strict=True):
            cell_text(row.cells[offset], [group], size=8)
            for i, option in enumerate(options):
                par = row.cells[offset + 1 + i].paragraphs[0]
                checkbox(par, (group, option) in paper.ticked)
                suffix = " →" if pair is GRID_ROW_2 and offset == 0 and i == 1 else ""
                par.add_run(f" {option}{suffix}").font.size = Pt(8)
    merged = grid.rows[2].cells[2].merge(grid.rows[2].cells[5])
    cell_text(
        merged,
        ["↓ Personal- und Sachkosten (in EUR) /", "Personalkosteneinsparung (in VbE)"],
        size=8,
    )
    row = grid.rows[3]
    cell_text(row.cells[0], [DECKUNG[0]], size=8)
    for i, option in enumerate(DECKUNG[1]):
        par = row.cells[1 + i].paragraphs[0]
        checkbox(par, (DECKUNG[0], option) in paper.ticked)
        par.add_run(f" {option}").font.size = Pt(8)
    cell_text(row.cells[3], ["Gesamtkosten"], size=8)
    total = row.cells[4].merge(row.cells[5])
    set_borders(total, True)
    cell_text(total, [f"{paper.finances.total} EUR"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    for grid_row in grid.rows:
        grid_row.cells[0].paragraphs[0].paragraph_format.space_after = Pt(6)

    doc.add_paragraph()
    fin = doc.add_table(rows=5, cols=5)
    fin.style = "Table Grid"
    widths(fin, look.finance_widths)
    for cell, year in zip(fin.rows[0].cells[1:], paper.finances.years, strict=True):
        cell_text(cell, [year], bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for row, (label, amounts) in zip(fin.rows[1:], paper.finances.rows, strict=True):
        cell_text(row.cells[0], [label])
        for cell, amount in zip(row.cells[1:], amounts, strict=True):
            cell_text(cell, [f"{amount} EUR"], align=WD_ALIGN_PARAGRAPH.RIGHT)

    doc.add_paragraph()
    par = doc.add_paragraph()
    checkbox(par, (STANDALONE, STANDALONE) in paper.ticked)
    par.add_run(f" {STANDALONE}").font.size = Pt(9)
    doc.add_paragraph()
    par = doc.add_paragraph()
    run = par.add_run(FRIST[0])
    run.bold = True
    run.font.size = Pt(9)
    par = doc.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(Cm(2.0))
    for i, option in enumerate(FRIST[1]):
        checkbox(par, (FRIST[0], option) in paper.ticked)
        par.add_run(f" {option}" + ("\t" if i == 0 else "")).font.size = Pt(9)
    doc.add_paragraph()
    doc.add_paragraph()
    par = doc.add_paragraph()
    run = par.add_run("Anlagenverzeichnis")
    run.bold = True
    run.font.size = Pt(11)
    doc.add_paragraph()
    for entry in paper.attachments:
        doc.add_paragraph(entry)
    par = doc.add_paragraph()
    if paper.sachverhalt_new_page:
        par.add_run().add_break(WD_BREAK.PAGE)

    # Page 3+: Sachverhalt.
    par = doc.add_paragraph()
    run = par.add_run("Sachverhalt")
    run.bold = True
    run.font.size = Pt(12)
    doc.add_paragraph()
    doc.add_paragraph().add_run("Begründung:").bold = True
    doc.add_paragraph()

    def add_text(par: object, text: str) -> None:
        pos = 0
        for match in re.finditer(r"https?://\S+", text):
            par.add_run(text[pos : match.start()])  # type: ignore[attr-defined]
            add_hyperlink(par, match.group(0))
            pos = match.end()
        par.add_run(text[pos:])  # type: ignore[attr-defined]

    def add_hyperlink(par: object, url: str) -> None:
        part = par.part  # type: ignore[attr-defined]
        rel_id = part.relate_to(
            url,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
            is_external=True,
        )
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = url
        run.append(text)
        link.append(run)
        par._p.append(link)  # type: ignore[attr-defined]

    for block in paper.justification:
        if isinstance(block, str):
            add_text(doc.add_paragraph(), block.replace(SHY, ""))
        else:
            for item in block:
                par = doc.add_paragraph()
                fmt = par.paragraph_format
                fmt.left_indent = Cm(1.0)
                fmt.first_line_indent = Cm(-0.6)
                fmt.tab_stops.add_tab_stop(Cm(1.0))
                docx_symbol(par, "Symbol", "F0B7")
                par.add_run("\t")
                add_text(par, item)
        doc.add_paragraph()
    doc.save(str(path))


# --------------------------------------------------------------------------
# Fixture table
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fixture:
    name: str
    paper: Paper
    encoding: Encoding
    seed_order: bool = False

    @property
    def render(self) -> Callable[[Path], bool]:
        if self.encoding.startswith("docx"):
            return lambda out: render_docx_pdf(self.paper, self.encoding, out)
        return lambda out: render_reportlab(self.paper, self.encoding, out, self.seed_order)


FIXTURE_LIST = (
    Fixture("erfurt-0112-23-glyphs", P_0112_23, "glyph", seed_order=True),
    Fixture("erfurt-0112-23-acroform", P_0112_23, "acroform"),
    Fixture("erfurt-0112-23-vector", P_0112_23, "vector"),
    Fixture("erfurt-0112-23-typed-x", P_0112_23, "typed-x"),
    Fixture("erfurt-0112-23-docx", P_0112_23, "docx-unicode"),
    Fixture("erfurt-1203-24-radweg", P_1203_24, "vector-x", seed_order=True),
    Fixture("erfurt-0815-23-fussweg", P_0815_23, "glyph-f078"),
    Fixture("erfurt-1347-24-informationsvorlage", P_1347_24, "acroform"),
    Fixture("erfurt-0378-24-sporthalle", P_0378_24, "docx-wingdings"),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these fixtures")
    parser.add_argument("--list", action="store_true", help="list the fixture names")
    args = parser.parse_args(argv)
    if args.list:
        for fixture in FIXTURE_LIST:
            print(f"{fixture.name}\t{fixture.encoding}")
        return 0
    selected = [f for f in FIXTURE_LIST if not args.only or f.name in args.only]
    unknown = set(args.only or ()) - {f.name for f in FIXTURE_LIST}
    if unknown:
        parser.error(f"unknown fixture(s): {', '.join(sorted(unknown))}")
    FIXTURES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        register_fonts(Path(tmp))
        for fixture in selected:
            out = FIXTURES / f"{fixture.name}.pdf"
            if fixture.render(out):
                print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
