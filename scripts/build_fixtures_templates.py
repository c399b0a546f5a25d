"""Build the fixtures of the other council paper templates in ``fixtures/``.

``scripts/build_fixtures.py`` builds the nine Erfurt Entscheidungsvorlagen; this
script builds the rest of the corpus and reuses that script's fonts, word wrap,
page model (``Text``, ``Rule``, ``Frame``, ``Box``, ``Link``), Erfurt layout and
PDF normalisation:

* ``erfurt-*``     -- the Erfurt family beyond the Entscheidungsvorlage: Dringliche
                      Entscheidungsvorlage, Antrag zur Drucksache, Anfrage, Antwort,
                      Stellungnahme (same cover as the Erfurt fixtures).
* ``allris-*``     -- ALLRIS print of a Vorlage ("Vorlage - 24/0815", "Betreff:",
                      "Vorlage-Art:", "Federführend:", Beratungsfolge as stacked lines).
* ``sessionnet-*`` -- SessionNet print ("Vorlage VO/2024/123", header table,
                      Beratungsfolge table "Datum | Gremium | Zuständigkeit").
* ``gotha-*``      -- a Word template (python-docx -> LibreOffice): "Beschlussvorlage
                      Nr. 2024/123", "Gremium | Sitzungstermin | Behandlung",
                      "Finanzielle Auswirkungen ☐ ja ☒ nein".
* ``letter-*``     -- letters: a faction's Antrag, an advisory board's Stellungnahme,
                      a Beantwortung zur Anfrage, an Anfrage.
* ``meeting-*``    -- not Drucksachen: Einladung with Tagesordnung, Niederschrift,
                      slides (Präsentation, 16:9 landscape).

The templates are drawn by their own modules (``template_erfurt.py``, ``template_allris.py``,
``template_sessionnet.py``, ``template_gotha.py``, ``template_letter.py``) on the flow layout and
renderers of ``template_flow.py`` and the Word helpers of ``template_docx.py``; this script holds
the hand-written papers, the meeting documents and the build.

Producers: reportlab (``invariant=1``), fpdf2 and LibreOffice (from DOCX built with
python-docx).  fpdf2 and LibreOffice output is normalised with pikepdf exactly as
``build_fixtures.py``'s (``fixture_docx.normalise_pdf``: no dates, no XMP, content derived /ID,
stable subset tags).

Usage::

    python scripts/build_fixtures_templates.py                 # all fixtures
    python scripts/build_fixtures_templates.py --only NAME ... # selected fixtures
    python scripts/build_fixtures_templates.py --list

Requirements: those of ``build_fixtures.py`` plus fpdf2 (``pip install fpdf2``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_erfurt as fe
import fixture_fonts as ff
from build_fixtures import FIXTURES, ROOT
from fixture_erfurt_docx import render_docx_pdf
from fixture_page import Op, Rule, Text
from template_allris import Allris, allris
from template_erfurt import ErfurtShort, erfurt_short, render_erfurt_paper
from template_flow import BULLET, LEFT, RIGHT, Flow, Meta, convert_docx, render, render_fpdf, render_reportlab
from template_gotha import Gotha, build_gotha
from template_letter import Letter, build_letter_docx, letter
from template_sessionnet import SessionNet, SubHeading, Table, sessionnet


@dataclass(frozen=True)
class Fixture:
    name: str
    producer: str  # "reportlab", "fpdf2" or "libreoffice"
    template: str
    build: Callable[[Path], bool]


REGISTRY: list[Fixture] = []


def register(name: str, producer: str, template: str, build: Callable[[Path], bool]) -> None:
    REGISTRY.append(Fixture(name, producer, template, build))


# --------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# 1. Erfurt family beyond the Entscheidungsvorlage
# --------------------------------------------------------------------------


def ticks_all(*pairs: tuple[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset(pairs)


P_0157_23 = fe.Paper(
    number="0157/23",
    originator="CDU-Fraktion",
    title_lines=(
        'Teilnahme an Modellprojekt "Kommunale',
        "Allianzen und Strategien gegen Rassismus",
        'und Hass" prüfen',
    ),
    document_type="Antrag zur Drucksache",
    treatment="öffentlich",
    consultations=(fe.Consultation(("Stadtrat",), "25.01.2023", "öffentlich", "Entscheidung"),),
    resolution=(
        (
            "01",
            'Im Beschlussvorschlag der Drucksache 0112/23 wird das Wort "zeitnah" durch die '
            'Wörter "bis zum 15.02.2023" ersetzt.',
        ),
        (
            "02",
            'Der Beschlussvorschlag wird um folgenden Satz ergänzt: "Über eine Teilnahme entscheidet der Stadtrat."',
        ),
    ),
    signature="17.01.2023, gez. M. Panse",
    ticked=ticks_all(
        ("Nachhaltigkeitscontrolling", "Nein"),
        ("Demografisches Controlling", "Nein"),
        ("Finanzielle Auswirkungen", "Nein"),
        ("Nutzen/Einsparung", "Nein"),
        ("Fristwahrung", "Ja"),
    ),
    finances=fe.empty_finances(("2023", "2024", "2025", "2026")),
    attachments=(),
    justification=(
        "Die Drucksache 0112/23 lässt offen, bis wann das Prüfergebnis vorliegen soll. Da "
        "die Bewerbungsfrist für das Modellprojekt am 28.02.2023 endet, ist ein fester "
        "Termin erforderlich.",
        "Die Entscheidung über eine Teilnahme berührt die Arbeit mehrerer Ämter und sollte "
        "deshalb dem Stadtrat vorbehalten bleiben.",
    ),
    running_header="Drucksache 0157/23",
)

P_0201_24 = fe.Paper(
    number="0201/24",
    originator="Oberbürgermeister",
    title_lines=(
        "Überplanmäßige Ausgabe für die Beseitigung",
        "der Hochwasserschäden an der Gera-Brücke",
        "Schmidtstedter Ufer",
    ),
    document_type="Dringliche Entscheidungsvorlage",
    treatment="öffentlich",
    consultations=(
        fe.Consultation(("Haupt- und Finanzausschuss",), "06.02.2024", "nicht öffentlich", "Vorberatung"),
        fe.Consultation(("Stadtrat",), "07.02.2024", "öffentlich", "Entscheidung"),
    ),
    resolution=(
        (
            "01",
            "Der Stadtrat stimmt der überplanmäßigen Ausgabe in Höhe von 185.000,00 EUR für "
            "die Instandsetzung der Gera-Brücke Schmidtstedter Ufer zu.",
        ),
        (
            "02",
            "Die Deckung erfolgt aus Minderausgaben bei der Maßnahme Ersatzneubau Brücke Talstraße.",
        ),
    ),
    signature="29.01.2024, gez. A. Bausewein",
    ticked=ticks_all(
        ("Nachhaltigkeitscontrolling", "Nein"),
        ("Demografisches Controlling", "Nein"),
        ("Finanzielle Auswirkungen", "Ja"),
        ("Nutzen/Einsparung", "Nein"),
        ("Deckung im Haushalt", "Nein"),
        (fe.STANDALONE, fe.STANDALONE),
        ("Fristwahrung", "Ja"),
    ),
    finances=fe.Finances(
        ("2024", "2025", "2026", "2027"),
        (
            ("Verwaltungshaushalt Einnahmen", ("", "", "", "")),
            ("Verwaltungshaushalt Ausgaben", ("", "", "", "")),
            ("Vermögenshaushalt Einnahmen", ("", "", "", "")),
            ("Vermögenshaushalt Ausgaben", ("185.000,00", "", "", "")),
        ),
        total="185.000,00",
    ),
    attachments=("Anlage 1 – Schadensgutachten",),
    justification=(
        "Beim Hochwasser im Dezember 2023 wurden die Widerlager der Gera-Brücke am "
        "Schmidtstedter Ufer unterspült. Die Brücke ist seit dem 28.12.2023 für den "
        "Kraftverkehr gesperrt. Nach dem Schadensgutachten (Anlage 1) ist die "
        "Standsicherheit nur noch für den Fuß- und Radverkehr gegeben.",
        "Die Instandsetzung muss vor dem Frühjahrshochwasser abgeschlossen sein. Eine "
        "Behandlung in der regulären Sitzungsfolge ist deshalb nicht möglich; die Vorlage "
        "wird als dringliche Entscheidungsvorlage eingebracht. Die Kosten betragen nach dem "
        "Gutachten 185.000,00 EUR.",
    ),
    running_header="Drucksache 0201/24",
)

P_0419_24 = fe.Paper(
    number="0419/24",
    originator="Oberbürgermeister",
    title_lines=("Vergabe der Schülerbeförderung für das", "Schuljahr 2024/2025"),
    document_type="Dringliche Entscheidungsvorlage",
    treatment="nicht öffentlich",
    consultations=(fe.Consultation(("Stadtrat",), "17.04.2024", "nicht öffentlich", "Entscheidung"),),
    resolution=(
        (
            "01",
            "Der Stadtrat stimmt der Vergabe der Schülerbeförderung für das Schuljahr "
            "2024/2025 an den wirtschaftlichsten Bieter gemäß Anlage 1 zu.",
        ),
    ),
    signature="08.04.2024, gez. i. V. Hilge",
    ticked=ticks_all(
        ("Nachhaltigkeitscontrolling", "Nein"),
        ("Demografisches Controlling", "Ja, siehe Anlage"),
        ("Finanzielle Auswirkungen", "Ja"),
        ("Nutzen/Einsparung", "Nein"),
        ("Deckung im Haushalt", "Ja"),
        ("Fristwahrung", "Nein"),
    ),
    finances=fe.Finances(
        ("2024", "2025", "2026", "2027"),
        (
            ("Verwaltungshaushalt Einnahmen", ("", "", "", "")),
            ("Verwaltungshaushalt Ausgaben", ("142.000,00", "340.000,00", "", "")),
            ("Vermögenshaushalt Einnahmen", ("", "", "", "")),
            ("Vermögenshaushalt Ausgaben", ("", "", "", "")),
        ),
        total="482.000,00",
    ),
    attachments=("Anlage 1 – Vergabevermerk",),
    justification=(
        "Der Vertrag über die Schülerbeförderung endet am 31.07.2024. Die Leistungen wurden "
        "im Februar 2024 europaweit ausgeschrieben. Wegen eines Nachprüfungsverfahrens "
        "konnte der Zuschlag nicht wie geplant im März erteilt werden.",
        "Damit die Beförderung zum Beginn des Schuljahres gesichert ist, muss der Zuschlag "
        "bis zum 30.04.2024 erteilt werden. Die Vorlage kann deshalb nicht in der regulären "
        "Sitzungsfolge behandelt werden.",
    ),
    running_header="Drucksache 0419/24",
)

TURNHALLEN = ("Sanierungsstau an Erfurter Schulturnhallen",)

S_0233_24 = ErfurtShort(
    number="0233/24",
    originator="Fraktion DIE LINKE",
    title_lines=TURNHALLEN,
    document_type="Anfrage nach § 9 Abs. 2 GeschO",
    treatment="öffentlich",
    signature="14.02.2024, gez. K. Stange",
    consultations=(("Stadtrat", "28.02.2024", "öffentlich", "Beantwortung"),),
    asker="Fragesteller: Stadtratsmitglied Karola Stange",
    sachverhalt=(
        "Nach Auskunft mehrerer Sportvereine sind in den vergangenen Monaten wiederholt "
        "Schulturnhallen kurzfristig gesperrt worden, zuletzt die Turnhallen der "
        "Grundschule 4 und der Regelschule 10. Für den Schul- und Vereinssport fehlen "
        "dadurch Hallenzeiten.",
        "Der Sportstättenentwicklungsplan von 2019 beziffert den Sanierungsbedarf der "
        "Schulturnhallen auf rund 38 Mio. EUR. Wie sich dieser Bedarf seitdem entwickelt "
        "hat, ist nicht bekannt.",
    ),
    items_heading="Fragen:",
    items=(
        ("1.", "Wie viele Schulturnhallen waren im Jahr 2023 ganz oder teilweise gesperrt, und für welche Dauer?"),
        ("2.", "Wie hoch schätzt die Stadtverwaltung den aktuellen Sanierungsbedarf der Schulturnhallen?"),
        (
            "3.",
            "Welche Sanierungsmaßnahmen sind für die Jahre 2024 und 2025 geplant, und wie sind diese finanziert?",
        ),
    ),
)

S_0287_24 = ErfurtShort(
    number="0287/24",
    originator="Oberbürgermeister",
    title_lines=TURNHALLEN,
    document_type="Antwort",
    treatment="öffentlich",
    signature="05.03.2024, gez. A. Bausewein",
    ref_line="Antwort zur Anfrage Drucksache 0233/24",
    items_heading="Beantwortung",
    items=(
        (
            "1.",
            "Im Jahr 2023 waren elf Schulturnhallen zeitweise gesperrt. Die Sperrungen dauerten "
            "zwischen zwei Tagen und sieben Wochen; Hauptursachen waren Wasserschäden und "
            "defekte Heizungsanlagen.",
        ),
        (
            "2.",
            "Der Sanierungsbedarf der Schulturnhallen wird derzeit auf rund 46 Mio. EUR "
            "geschätzt. Die Steigerung gegenüber 2019 ist vor allem auf die gestiegenen "
            "Baupreise zurückzuführen.",
        ),
        (
            "3.",
            "Für 2024 ist die Sanierung der Turnhallen der Grundschule 4 und der Regelschule 10 "
            "geplant, für 2025 die der Gemeinschaftsschule 3. Die Maßnahmen sind im "
            "Vermögenshaushalt veranschlagt und werden zu 60 Prozent aus dem "
            "Schulinvestitionsprogramm des Landes gefördert.",
        ),
    ),
)

S_0312_24 = ErfurtShort(
    number="0312/24",
    originator="Oberbürgermeister",
    title_lines=("Kostenfreie Nutzung des ÖPNV für", "Schülerinnen und Schüler"),
    document_type="Stellungnahme",
    treatment="öffentlich",
    signature="04.03.2024, gez. i. V. Hilge",
    ref_line="Stellungnahme zur Drucksache 0290/24",
    consultations=(
        ("Ausschuss für Bildung und Sport", "12.03.2024", "öffentlich", "Kenntnisnahme"),
        ("Stadtrat", "20.03.2024", "öffentlich", "Kenntnisnahme"),
    ),
    sachverhalt=(
        "Mit der Drucksache 0290/24 beantragt die Fraktion BÜNDNIS 90/DIE GRÜNEN, allen "
        "Schülerinnen und Schülern mit Wohnsitz in Erfurt ab dem Schuljahr 2024/2025 die "
        "kostenfreie Nutzung von Bussen und Straßenbahnen zu ermöglichen.",
        "Die Stadtverwaltung unterstützt das Anliegen grundsätzlich. Bereits heute erhalten "
        "rund 9.800 Schülerinnen und Schüler eine Schülerfahrkarte, deren Kosten die Stadt "
        "als Schulträger übernimmt. Eine Ausweitung auf alle rund 21.000 Schülerinnen und "
        "Schüler würde nach Berechnung der Erfurter Verkehrsbetriebe zusätzliche Kosten von "
        "etwa 3,1 Mio. EUR im Jahr verursachen.",
        "Diese Mittel sind im Haushalt 2024 nicht veranschlagt. Die Stadtverwaltung "
        "empfiehlt daher, das Anliegen im Rahmen der Haushaltsplanung 2025 zu prüfen und "
        "das Deutschlandticket für Schülerinnen und Schüler als Alternative einzubeziehen.",
    ),
)

S_0350_24 = ErfurtShort(
    number="0350/24",
    originator="Stadtratsmitglied Lilli Fischer",
    title_lines=("Wartezeiten im Bürgeramt",),
    document_type="Anfrage nach § 9 Abs. 2 GeschO",
    treatment="öffentlich",
    signature="06.03.2024, gez. L. Fischer",
    consultations=(("Stadtrat", "20.03.2024", "öffentlich", "Beantwortung"),),
    asker="Fragesteller: Stadtratsmitglied Lilli Fischer",
    sachverhalt=(
        "Auf der Internetseite der Stadtverwaltung werden für einen Termin im Bürgeramt "
        "Wartezeiten von bis zu sechs Wochen angegeben: "
        "https://www.erfurt.de/ef/de/service/buergeramt",
    ),
    items_heading="Fragen:",
    items=(
        (
            "1.",
            "Wie hat sich die durchschnittliche Wartezeit auf einen Termin im Bürgeramt seit Januar 2023 entwickelt?",
        ),
        ("2.", "Wie viele Stellen im Bürgeramt sind derzeit nicht besetzt?"),
    ),
)


register(
    "erfurt-0157-23-antrag-zur-drucksache",
    "reportlab",
    "erfurt",
    lambda out: render_erfurt_paper(P_0157_23, "glyph", out, "Antrag zur Drucksache 0112/23"),
)
register("erfurt-0201-24-dringlich", "reportlab", "erfurt", lambda out: render_erfurt_paper(P_0201_24, "vector-x", out))
register(
    "erfurt-0419-24-dringlich-docx",
    "libreoffice",
    "erfurt",
    lambda out: render_docx_pdf(P_0419_24, "docx-unicode", out),
)
register("erfurt-0233-24-anfrage", "reportlab", "erfurt", lambda out: erfurt_short(S_0233_24, "reportlab", out))
register("erfurt-0287-24-antwort", "fpdf2", "erfurt", lambda out: erfurt_short(S_0287_24, "fpdf2", out))
register("erfurt-0312-24-stellungnahme", "reportlab", "erfurt", lambda out: erfurt_short(S_0312_24, "reportlab", out))
register("erfurt-0350-24-anfrage", "fpdf2", "erfurt", lambda out: erfurt_short(S_0350_24, "fpdf2", out))


# --------------------------------------------------------------------------
# 2. ALLRIS print of a Vorlage
# --------------------------------------------------------------------------


A_24_0815 = Allris(
    number="24/0815",
    title="Umgestaltung des Knotenpunktes Bahnhofstraße / Lünertorstraße",
    status="öffentlich",
    kind="Beschlussvorlage",
    lead="Amt für Verkehr",
    author="Müller, Anna",
    date="14.03.2024",
    consultations=(
        ("12.03.2024", "Bau- und Verkehrsausschuss", "Vorberatung"),
        ("19.03.2024", "Verwaltungsausschuss", "Vorberatung"),
        ("28.03.2024", "Rat der Hansestadt Lüneburg", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            "Der Rat beschließt die Umgestaltung des Knotenpunktes Bahnhofstraße / "
            "Lünertorstraße nach der Vorzugsvariante 2 (Anlage 1).",
        ),
        (
            "2.",
            "Die Verwaltung wird beauftragt, die Ausführungsplanung zu erstellen und "
            "Fördermittel nach dem Niedersächsischen Gemeindeverkehrsfinanzierungsgesetz zu beantragen.",
        ),
    ),
    sachverhalt=(
        "Der Knotenpunkt Bahnhofstraße / Lünertorstraße ist einer der am stärksten belasteten "
        "Knotenpunkte im Stadtgebiet. Täglich queren ihn rund 14.000 Kraftfahrzeuge, 3.500 "
        "Radfahrende und zahlreiche Fußgängerinnen und Fußgänger auf dem Weg zum Bahnhof.",
        "Die Verwaltung hat drei Varianten untersucht. Die Vorzugsvariante 2 sieht vor:",
        (
            "geschützte Radfahrstreifen in allen Zufahrten",
            "eine zusätzliche Querung für den Fußverkehr an der Nordseite",
            "eine neue Lichtsignalanlage mit Vorrang für Busse",
        ),
        "Die Variante wurde in der Sitzung des Bau- und Verkehrsausschusses am 12.03.2024 "
        "vorgestellt. Die Bauarbeiten sollen im Sommer 2025 beginnen und rund sechs Monate dauern.",
    ),
    finances="Die Kosten der Maßnahme betragen nach der Kostenschätzung 1.420.000 EUR. Es wird "
    "eine Förderung von 75 Prozent erwartet. Der Eigenanteil ist im Haushalt 2025 veranschlagt.",
    attachments=("Anlage 1: Lageplan Vorzugsvariante 2", "Anlage 2: Kostenschätzung"),
)

A_24_0233 = Allris(
    number="24/0233",
    title="Bericht über die Luftqualität im Stadtgebiet 2023",
    status="öffentlich",
    kind="Mitteilungsvorlage",
    lead="Fachbereich Umwelt",
    author="Schröder, Jan",
    date="05.02.2024",
    consultations=(("20.02.2024", "Ausschuss für Umwelt und Klimaschutz", "Kenntnisnahme"),),
    resolution=None,
    sachverhalt=(
        "Die Messstation in der Sülztorstraße hat im Jahr 2023 einen Jahresmittelwert für "
        "Stickstoffdioxid von 27 Mikrogramm je Kubikmeter ermittelt. Der Grenzwert von 40 "
        "Mikrogramm wurde damit wie in den Vorjahren deutlich unterschritten.",
        "Die Feinstaubwerte lagen ebenfalls unter den Grenzwerten. Der Tagesgrenzwert für "
        "Feinstaub wurde an vier Tagen überschritten; zulässig sind 35 Tage im Jahr.",
    ),
    finances="Keine.",
)

A_24_0902 = Allris(
    number="24/0902",
    title="Verkauf des Grundstücks Am Schifferwall 4",
    status="nichtöffentlich",
    kind="Beschlussvorlage",
    lead="Bereich Liegenschaften",
    author="Becker, Sabine",
    date="02.09.2024",
    consultations=(
        ("10.09.2024", "Ausschuss für Finanzen und Liegenschaften", "Vorberatung"),
        ("17.09.2024", "Verwaltungsausschuss", "Entscheidung"),
    ),
    resolution="Der Verwaltungsausschuss stimmt dem Verkauf des Grundstücks Am Schifferwall 4 "
    "(Flurstück 112/7, 1.240 m²) zum Kaufpreis von 496.000 EUR an die Wohnungsbaugenossenschaft "
    "Lüneburg eG zu.",
    sachverhalt=(
        "Das Grundstück ist seit dem Abriss der früheren Lagerhalle im Jahr 2021 unbebaut. Die "
        "Wohnungsbaugenossenschaft beabsichtigt, dort 18 geförderte Mietwohnungen zu errichten.",
        "Der Kaufpreis entspricht dem Verkehrswert nach dem Gutachten des Gutachterausschusses. "
        "Der Kaufvertrag enthält eine Bauverpflichtung von drei Jahren und ein Wiederkaufsrecht "
        "der Hansestadt.",
    ),
    finances="Einnahme von 496.000 EUR im Haushalt 2024.",
    attachments=("Anlage 1: Lageplan",),
)

A_23_1104 = Allris(
    number="23/1104",
    title="Trinkwasserbrunnen in der Innenstadt",
    status="öffentlich",
    kind="Antrag",
    lead="SPD-Fraktion",
    author="Hoffmann, Lea",
    date="23.11.2023",
    consultations=(
        ("05.12.2023", "Ausschuss für Umwelt und Klimaschutz", "Vorberatung"),
        ("14.12.2023", "Rat der Hansestadt Lüneburg", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            "Die Verwaltung wird beauftragt, bis zum Sommer 2024 an mindestens fünf Standorten "
            "in der Innenstadt öffentliche Trinkwasserbrunnen aufzustellen.",
        ),
        ("2.", "Die Standorte werden mit dem Seniorenbeirat und dem Behindertenbeirat abgestimmt."),
        ("3.", "Über die Nutzung der Brunnen ist nach einem Jahr im Fachausschuss zu berichten."),
    ),
    sachverhalt=(
        "In den Sommermonaten der vergangenen Jahre wurden in Lüneburg an mehreren Tagen "
        "Temperaturen über 35 Grad gemessen. Öffentliche Trinkwasserbrunnen sind ein "
        "einfaches Mittel, um Menschen in der Innenstadt vor Hitze zu schützen.",
        "Nach dem Wasserhaushaltsgesetz sollen die Kommunen Trinkwasser im öffentlichen Raum "
        "bereitstellen. Andere Städte haben gute Erfahrungen gemacht, siehe: "
        "https://www.trinkwasserbrunnen.de/staedte",
    ),
    finances="Die Kosten je Brunnen betragen nach Angaben der Stadtwerke rund 12.000 EUR.",
)

A_24_0417 = Allris(
    number="24/0417",
    title="Neubau der Kindertagesstätte Kaltenmoor mit sechs Gruppen",
    status="öffentlich",
    kind="Beschlussvorlage",
    lead="Fachbereich Gebäudewirtschaft",
    author="Wagner, Till",
    date="16.04.2024",
    consultations=(
        ("23.04.2024", "Jugendhilfeausschuss", "Vorberatung"),
        ("25.04.2024", "Bau- und Verkehrsausschuss", "Vorberatung"),
        ("07.05.2024", "Verwaltungsausschuss", "Vorberatung"),
        ("16.05.2024", "Rat der Hansestadt Lüneburg", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            "Der Rat beschließt den Neubau der Kindertagesstätte Kaltenmoor mit vier Krippen- "
            "und zwei Kindergartengruppen auf dem Grundstück Graf-Schenk-von-Stauffenberg-Straße 12.",
        ),
        ("2.", "Die Gesamtkosten von 6.850.000 EUR werden bestätigt."),
        ("3.", "Die Verwaltung wird beauftragt, die Bauleistungen auszuschreiben."),
    ),
    sachverhalt=(
        "Im Stadtteil Kaltenmoor fehlen nach der Kita-Bedarfsplanung 2024 rund 60 Krippenplätze "
        "und 40 Kindergartenplätze. Der Bedarf wird in den nächsten Jahren durch das Neubaugebiet "
        "Am Weißen Turm weiter steigen.",
        "Die Kindertagesstätte wird als zweigeschossiger Holzbau im Passivhausstandard errichtet. "
        "Sie erhält neben den sechs Gruppenräumen einen Bewegungsraum, eine Küche für die "
        "Frischverpflegung und ein Außengelände von rund 2.400 m².",
        "Das Grundstück befindet sich im Eigentum der Hansestadt. Es ist über die Buslinien "
        "5011 und 5012 gut erreichbar. Die Planung ist mit dem Kita-Träger, der AWO Lüneburg, "
        "abgestimmt.",
        "Der Zeitplan sieht vor:",
        (
            "Ausschreibung der Bauleistungen im Sommer 2024",
            "Baubeginn im Frühjahr 2025",
            "Inbetriebnahme zum Kita-Jahr 2026/2027",
        ),
        "Während der Bauzeit wird die Zufahrt zur benachbarten Grundschule über die "
        "Theodor-Heuss-Straße geführt. Die Anwohnerinnen und Anwohner werden vor Baubeginn in "
        "einer Informationsveranstaltung unterrichtet.",
        "Die Nachhaltigkeitsbewertung nach dem Leitfaden der Hansestadt ist veröffentlicht unter: "
        "https://www.hansestadt-lueneburg.de/kita-kaltenmoor",
        "Der Holzbau verkürzt die Bauzeit gegenüber einem Massivbau um etwa vier Monate. Die "
        "Mehrkosten von rund 180.000 EUR werden durch die kürzere Bauzeit und die geringeren "
        "Betriebskosten im Passivhausstandard ausgeglichen. Die Photovoltaikanlage auf dem "
        "Gründach deckt rechnerisch den Strombedarf der Einrichtung.",
        "Für den Betrieb der Einrichtung entstehen jährliche Personal- und Sachkosten, die "
        "nach dem Niedersächsischen Kindertagesstättengesetz zum Teil durch Landeszuschüsse "
        "gedeckt werden. Die Kosten sind in der mittelfristigen Finanzplanung berücksichtigt.",
    ),
    finances="Die Gesamtkosten betragen 6.850.000 EUR. Das Land fördert den Neubau der Krippenplätze "
    "mit 1.200.000 EUR. Die Mittel sind im Haushalt 2024 und in der mittelfristigen Finanzplanung "
    "2025 bis 2027 veranschlagt.",
    attachments=(
        "Anlage 1: Lageplan",
        "Anlage 2: Grundrisse Erdgeschoss und Obergeschoss",
        "Anlage 3: Kostenberechnung",
    ),
)

A_24_0530 = Allris(
    number="24/0530",
    title="Satzung über die Erhebung von Gebühren für die Benutzung der Stadtbücherei",
    status="öffentlich",
    kind="Beschlussvorlage",
    lead="Fachbereich Kultur",
    author="Neumann, Petra",
    date="13.05.2024",
    consultations=(
        ("28.05.2024", "Kulturausschuss", "Vorberatung"),
        ("20.06.2024", "Rat der Hansestadt Lüneburg", "Entscheidung"),
    ),
    resolution=(
        ("a)", "Der Rat beschließt die Gebührensatzung für die Stadtbücherei in der Fassung der Anlage 1."),
        ("b)", "Die Satzung tritt am 01.09.2024 in Kraft."),
    ),
    sachverhalt=(
        "Die Gebühren der Stadtbücherei wurden zuletzt im Jahr 2015 angepasst. Die Jahresgebühr "
        "für Erwachsene soll von 20 EUR auf 24 EUR steigen; Kinder, Jugendliche und Inhaber der "
        "Lüneburg-Card bleiben gebührenfrei.",
    ),
    finances="Mehreinnahmen von rund 18.000 EUR im Jahr.",
    attachments=("Anlage 1: Gebührensatzung", "Anlage 2: Synopse alte und neue Fassung"),
)

A_24_0611 = Allris(
    number="24/0611",
    title="Schulwegsicherung an der Grundschule Hasenburger Berg",
    status="öffentlich",
    kind="Beschlussvorlage",
    lead="Amt für Schule und Sport",
    author="Krause, Maria",
    date="04.06.2024",
    consultations=(("18.06.2024", "Schulausschuss", "Entscheidung"),),
    resolution="Der Schulausschuss beschließt die Einrichtung einer Schulstraße vor der Grundschule "
    "Hasenburger Berg für ein Probejahr ab dem Schuljahr 2024/2025.",
    sachverhalt=(
        "Vor Unterrichtsbeginn kommt es vor der Grundschule Hasenburger Berg regelmäßig zu "
        "gefährlichen Situationen durch Elterntaxis. Die Schulkonferenz hat die Einrichtung einer "
        "Schulstraße angeregt.",
        "In einer Schulstraße ist die Zufahrt für Kraftfahrzeuge an Schultagen von 7:30 Uhr bis "
        "8:15 Uhr gesperrt. Anliegerinnen und Anlieger dürfen weiterhin fahren.",
    ),
    finances="Kosten für Beschilderung und Absperrungen von rund 3.500 EUR.",
)


register("allris-24-0815-knotenpunkt", "fpdf2", "allris", lambda out: allris(A_24_0815, "fpdf2", out))
register("allris-24-0233-mitteilung", "reportlab", "allris", lambda out: allris(A_24_0233, "reportlab", out))
register("allris-24-0902-grundstueck", "fpdf2", "allris", lambda out: allris(A_24_0902, "fpdf2", out))
register("allris-23-1104-antrag", "reportlab", "allris", lambda out: allris(A_23_1104, "reportlab", out))
register("allris-24-0417-kita", "fpdf2", "allris", lambda out: allris(A_24_0417, "fpdf2", out))
register("allris-24-0530-satzung", "reportlab", "allris", lambda out: allris(A_24_0530, "reportlab", out))
register("allris-24-0611-schulstrasse", "fpdf2", "allris", lambda out: allris(A_24_0611, "fpdf2", out))

# --------------------------------------------------------------------------
# 3. SessionNet print of a Vorlage
# --------------------------------------------------------------------------


SN_123 = SessionNet(
    number="VO/2024/123",
    title="Sanierung des Spielplatzes im Weimarhallenpark",
    kind="Beschlussvorlage",
    date="05.02.2024",
    lead="Fachbereich Stadtentwicklung",
    status="öffentlich",
    consultations=(
        ("20.02.2024", "Ausschuss für Stadtentwicklung und Umwelt", "Vorberatung"),
        ("06.03.2024", "Stadtrat", "Entscheidung"),
    ),
    resolution="Der Stadtrat beschließt die Sanierung des Spielplatzes im Weimarhallenpark nach der "
    "Entwurfsplanung vom 15.01.2024.",
    sachverhalt=(
        "Der Spielplatz im Weimarhallenpark wurde im Jahr 1998 errichtet. Bei der jährlichen "
        "Sicherheitsprüfung im Herbst 2023 mussten zwei Spielgeräte gesperrt werden; die übrigen "
        "Geräte haben das Ende ihrer Nutzungsdauer erreicht.",
        "Die Entwurfsplanung wurde in zwei Beteiligungsrunden mit Kindern aus den umliegenden "
        "Kindertagesstätten und Schulen erarbeitet. Die Kosten betragen 240.000 EUR und sind im "
        "Haushalt 2024 veranschlagt.",
    ),
    attachments=("Entwurfsplanung Spielplatz Weimarhallenpark", "Kostenberechnung"),
)

SN_045 = SessionNet(
    number="VO/2024/045",
    heading="Drucksache Nr.",
    title="Jahresbericht 2023 des Klimaschutzmanagements",
    kind="Informationsvorlage",
    date="22.01.2024",
    lead="Fachbereich Umwelt und Klimaschutz",
    status="öffentlich",
    consultations=(
        ("07.02.2024", "Ausschuss für Stadtentwicklung und Umwelt", "Kenntnisnahme"),
        ("21.02.2024", "Stadtrat", "Kenntnisnahme"),
    ),
    resolution=None,
    sachverhalt=(
        "Das Klimaschutzmanagement berichtet jährlich über die Umsetzung des integrierten "
        "Klimaschutzkonzeptes. Im Jahr 2023 wurden 14 der 42 Maßnahmen abgeschlossen.",
        "Die Treibhausgasemissionen im Stadtgebiet sind gegenüber dem Jahr 2019 um 11 Prozent "
        "gesunken. Der größte Rückgang wurde bei den städtischen Gebäuden erreicht:",
        (
            "Umstellung von sechs Schulen auf Fernwärme",
            "Photovoltaikanlagen auf neun Dächern mit zusammen 640 kWp",
            "Austausch von 1.800 Straßenleuchten gegen LED-Leuchten",
        ),
        "Der vollständige Bericht ist als Anlage beigefügt.",
    ),
    attachments=("Jahresbericht Klimaschutz 2023",),
)

SN_210 = SessionNet(
    number="VO/2024/210",
    title="Vergabe der Reinigungsleistungen für städtische Gebäude 2024 bis 2027",
    kind="Beschlussvorlage",
    date="08.04.2024",
    lead="Fachbereich Gebäudemanagement",
    status="nicht öffentlich",
    consultations=(
        ("18.04.2024", "Vergabeausschuss", "Vorberatung"),
        ("24.04.2024", "Hauptausschuss", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            "Der Hauptausschuss beschließt die Vergabe der Reinigungsleistungen für die Lose 1 "
            "bis 4 an die in Anlage 1 genannten Bieter.",
        ),
        ("2.", "Die Verträge werden für die Zeit vom 01.07.2024 bis zum 30.06.2027 geschlossen."),
    ),
    sachverhalt=(
        "Die Reinigungsleistungen für 38 städtische Gebäude wurden in vier Losen europaweit "
        "ausgeschrieben. Es gingen 17 Angebote ein.",
        "Den Zuschlag sollen die Bieter mit dem jeweils wirtschaftlichsten Angebot erhalten. Die "
        "Wertung berücksichtigt neben dem Preis die Qualität der Einarbeitung und die "
        "Tarifbindung der Bieter.",
    ),
    attachments=("Vergabevorschlag",),
)

SN_377 = SessionNet(
    number="VO/2024/377",
    title="Mehr Bäume in der Innenstadt",
    kind="Antrag",
    date="13.05.2024",
    lead="Fraktion BÜNDNIS 90/DIE GRÜNEN",
    status="öffentlich",
    consultations=(
        ("29.05.2024", "Ausschuss für Stadtentwicklung und Umwelt", "Vorberatung"),
        ("12.06.2024", "Stadtrat", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            "Die Verwaltung legt bis zum 31.12.2024 ein Konzept vor, wie in der Innenstadt bis "
            "2030 mindestens 300 zusätzliche Straßenbäume gepflanzt werden können.",
        ),
        ("2.", "Bei allen Umbauten von Straßen und Plätzen in der Innenstadt sind Baumstandorte vorzusehen."),
        ("3.", "Die Bürgerinnen und Bürger werden an der Auswahl der Standorte beteiligt."),
    ),
    sachverhalt=(
        "Die Innenstadt heizt sich im Sommer stark auf. Straßenbäume spenden Schatten, kühlen "
        "durch Verdunstung und verbessern die Aufenthaltsqualität.",
        "Die Stadtklimaanalyse von 2022 empfiehlt zusätzliche Bäume vor allem in der Schillerstraße, "
        "am Goetheplatz und in der Karlstraße.",
    ),
)

SN_512 = SessionNet(
    number="VO/2023/512",
    title='Bebauungsplan Nr. 87 "Wohngebiet Am Ettersberg" – Aufstellungsbeschluss',
    kind="Beschlussvorlage",
    date="09.10.2023",
    lead="Fachbereich Stadtentwicklung",
    status="öffentlich",
    consultations=(
        ("17.10.2023", "Ortsteilrat Gaberndorf", "Anhörung"),
        ("25.10.2023", "Ausschuss für Stadtentwicklung und Umwelt", "Vorberatung"),
        ("08.11.2023", "Stadtrat", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            'Für das in Anlage 1 dargestellte Gebiet wird der Bebauungsplan Nr. 87 "Wohngebiet '
            'Am Ettersberg" aufgestellt.',
        ),
        (
            "2.",
            "Ziel der Planung ist ein Wohngebiet mit etwa 120 Wohneinheiten in Einzel-, Doppel- "
            "und Mehrfamilienhäusern.",
        ),
        ("3.", "Der Aufstellungsbeschluss ist ortsüblich bekannt zu machen."),
    ),
    sachverhalt=(
        "Der Wohnungsmarktbericht 2023 weist für Weimar bis zum Jahr 2035 einen zusätzlichen "
        "Bedarf von rund 1.500 Wohnungen aus. Der Flächennutzungsplan stellt das Gebiet am "
        "Ettersberg bereits als Wohnbaufläche dar.",
        "Das Plangebiet umfasst rund 6,4 ha. Es wird im Norden vom Ettersberger Weg, im Osten "
        "von der Kleingartenanlage Am Hang und im Süden und Westen von landwirtschaftlichen "
        "Flächen begrenzt.",
        "Mit dem Bebauungsplan sollen folgende Ziele verfolgt werden:",
        (
            "ein Anteil von mindestens 30 Prozent gefördertem Mietwohnungsbau",
            "eine Erschließung mit verkehrsberuhigten Wohnstraßen",
            "die Versickerung des Niederschlagswassers im Gebiet",
            "der Erhalt der Streuobstwiese am Westrand",
        ),
        "Die frühzeitige Beteiligung der Öffentlichkeit soll im Frühjahr 2024 stattfinden. Die "
        "Unterlagen werden dann auch im Internet veröffentlicht unter: "
        "https://www.weimar.de/bauleitplanung",
        "Die Kosten des Verfahrens trägt ein Erschließungsträger auf der Grundlage eines "
        "städtebaulichen Vertrages. Der Stadt entstehen keine Kosten.",
    ),
    attachments=("Übersichtsplan Geltungsbereich",),
)


register(
    "sessionnet-vo-2024-123-spielplatz", "reportlab", "sessionnet", lambda out: sessionnet(SN_123, "reportlab", out)
)
register(
    "sessionnet-vo-2024-045-informationsvorlage", "fpdf2", "sessionnet", lambda out: sessionnet(SN_045, "fpdf2", out)
)
register("sessionnet-vo-2024-210-vergabe", "fpdf2", "sessionnet", lambda out: sessionnet(SN_210, "fpdf2", out))
register("sessionnet-vo-2024-377-antrag", "reportlab", "sessionnet", lambda out: sessionnet(SN_377, "reportlab", out))
register("sessionnet-vo-2023-512-bebauungsplan", "fpdf2", "sessionnet", lambda out: sessionnet(SN_512, "fpdf2", out))

# --------------------------------------------------------------------------
# 4. A city's Word template (python-docx -> LibreOffice)
# --------------------------------------------------------------------------


G_123 = Gotha(
    kind="Beschlussvorlage",
    number="2024/123",
    office="Tiefbauamt",
    date="12.02.2024",
    title="Grundhafter Ausbau des Gehweges in der Erfurter Landstraße",
    consultations=(
        ("Bau- und Umweltausschuss", "27.02.2024", "Ö"),
        ("Hauptausschuss", "05.03.2024", "N"),
        ("Stadtrat", "20.03.2024", "Ö"),
    ),
    resolution="Der Stadtrat beschließt den grundhaften Ausbau des Gehweges in der Erfurter "
    "Landstraße zwischen Bürgeraue und Kindleber Straße nach der Planung in Anlage 1.",
    justification=(
        "Der Gehweg auf der Nordseite der Erfurter Landstraße ist auf einer Länge von rund 420 m "
        "stark beschädigt. Wurzelaufbrüche und abgesackte Platten sind vor allem für ältere "
        "Menschen und Personen mit Rollator gefährlich.",
        "Der Gehweg wird auf 2,50 m verbreitert und erhält ein Pflaster aus Betonsteinen. An den "
        "Einmündungen werden die Borde abgesenkt.",
    ),
    finance_years=("2024", "2025"),
    finance_rows=(("Auszahlungen", ("150.000,00", "30.000,00")), ("Einzahlungen", ("90.000,00", ""))),
    total="180.000,00",
    attachments=("Anlage 1: Lageplan", "Anlage 2: Kostenberechnung"),
)

G_088 = Gotha(
    kind="Informationsvorlage",
    number="2024/088",
    office="Amt für Kultur und Tourismus",
    date="29.01.2024",
    title="Besucherzahlen der städtischen Museen im Jahr 2023",
    consultations=(("Kultur- und Sozialausschuss", "13.02.2024", "Ö"),),
    resolution=None,
    justification=(
        "Die städtischen Museen verzeichneten im Jahr 2023 insgesamt 214.000 Besucherinnen und "
        "Besucher. Das sind 9 Prozent mehr als im Vorjahr.",
        "Die höchsten Zuwächse hatte das Museum der Natur mit der Sonderausstellung über die "
        "Vogelwelt des Thüringer Waldes.",
    ),
)

G_151 = Gotha(
    kind="Beschlussvorlage",
    number="2024/151",
    office="Ordnungsamt",
    date="04.03.2024",
    title="Satzung über Sondernutzungen an öffentlichen Straßen",
    consultations=(
        ("Bau- und Umweltausschuss", "19.03.2024", "öffentlich"),
        ("Stadtrat", "10.04.2024", "öffentlich"),
    ),
    resolution=(
        (
            "1.",
            "Der Stadtrat beschließt die Satzung über Sondernutzungen an öffentlichen Straßen in "
            "der Fassung der Anlage 1.",
        ),
        ("2.", "Die Sondernutzungssatzung vom 14.05.2009 tritt mit Inkrafttreten der neuen Satzung außer Kraft."),
    ),
    justification=(
        "Die geltende Sondernutzungssatzung stammt aus dem Jahr 2009. Sie regelt neue Formen "
        "der Nutzung des Straßenraums wie Leihfahrräder, E-Scooter und Parklets nicht.",
        "Die neue Satzung fasst die Regeln für Außengastronomie, Warenauslagen und "
        "Werbeanlagen zusammen und vereinfacht das Antragsverfahren.",
    ),
    attachments=("Anlage 1: Satzung",),
    wingdings=True,
)

G_202 = Gotha(
    kind="Beschlussvorlage",
    number="2024/202",
    office="Amt für Liegenschaften",
    date="15.04.2024",
    title="Erwerb des Grundstücks Siebleber Straße 40 für die Erweiterung der Regelschule",
    consultations=(
        ("Haupt- und Finanzausschuss", "30.04.2024", "N"),
        ("Stadtrat", "15.05.2024", "N"),
    ),
    resolution="Der Stadtrat stimmt dem Erwerb des Grundstücks Siebleber Straße 40 zum Kaufpreis "
    "von 310.000,00 EUR zu.",
    justification=(
        "Die Regelschule Siebleber Straße benötigt nach dem Schulnetzplan ab dem Schuljahr "
        "2026/2027 zwei zusätzliche Klassenräume. Das angrenzende Grundstück wird von der "
        "Eigentümerin zum Verkauf angeboten.",
        "Der Kaufpreis entspricht dem Verkehrswertgutachten vom 12.03.2024.",
    ),
    finance_years=("2024",),
    finance_rows=(("Auszahlungen", ("310.000,00",)),),
    total="310.000,00",
    attachments=("Anlage 1: Verkehrswertgutachten",),
)

G_415 = Gotha(
    kind="Beschlussvorlage",
    number="2023/415",
    office="Amt für Stadtentwicklung",
    date="06.11.2023",
    title="Integriertes Stadtentwicklungskonzept Gotha 2035",
    consultations=(
        ("Ortschaftsrat Siebleben", "14.11.2023", "Ö"),
        ("Bau- und Umweltausschuss", "21.11.2023", "Ö"),
        ("Hauptausschuss", "28.11.2023", "N"),
        ("Stadtrat", "13.12.2023", "Ö"),
    ),
    resolution=(
        (
            "1.",
            "Der Stadtrat beschließt das Integrierte Stadtentwicklungskonzept Gotha 2035 (Anlage "
            "1) als Grundlage für die künftige Stadtentwicklung.",
        ),
        (
            "2.",
            "Die Verwaltung wird beauftragt, dem Stadtrat alle zwei Jahre über den Stand der Umsetzung zu berichten.",
        ),
    ),
    justification=(
        "Das Integrierte Stadtentwicklungskonzept ist Voraussetzung für die Förderung aus den "
        "Programmen der Städtebauförderung. Das bisherige Konzept stammt aus dem Jahr 2012 und "
        "ist nicht mehr aktuell.",
        "Das neue Konzept wurde seit dem Frühjahr 2022 unter breiter Beteiligung erarbeitet:",
        (
            "drei Stadtteilkonferenzen mit zusammen rund 400 Teilnehmenden",
            "eine Online-Befragung mit 1.250 Antworten",
            "Werkstattgespräche mit Vereinen, Unternehmen und Schulen",
        ),
        "Das Konzept legt fünf Handlungsfelder fest: Wohnen, Wirtschaft, Mobilität, Klima und "
        "soziale Infrastruktur. Für jedes Handlungsfeld werden Ziele und Schlüsselmaßnahmen "
        "benannt.",
        "Für die Umsetzung sind in den kommenden Jahren Fördermittel aus der Städtebauförderung, "
        "dem Europäischen Fonds für regionale Entwicklung und Landesprogrammen vorgesehen. Die "
        "einzelnen Maßnahmen werden dem Stadtrat jeweils gesondert zur Entscheidung vorgelegt.",
    ),
    attachments=(
        "Anlage 1: Integriertes Stadtentwicklungskonzept Gotha 2035",
        "Anlage 2: Dokumentation der Beteiligung",
        "Anlage 3: Maßnahmenübersicht",
    ),
)

G_260 = Gotha(
    kind="Beschlussvorlage",
    number="2024/260",
    office="Amt für Schulen, Sport und Jugend",
    date="21.05.2024",
    title="Anschaffung eines Kleinbusses für das Jugendzentrum Westviertel",
    consultations=(
        ("Jugendhilfeausschuss", "04.06.2024", "Ö"),
        ("Haupt- und Finanzausschuss", "11.06.2024", "Ö"),
    ),
    resolution="Der Haupt- und Finanzausschuss beschließt die Anschaffung eines Kleinbusses mit "
    "neun Sitzplätzen für das Jugendzentrum Westviertel.",
    justification=(
        "Der bisherige Kleinbus des Jugendzentrums ist 14 Jahre alt und hat die Hauptuntersuchung "
        "nicht bestanden. Er wird für Ausflüge, Ferienfahrten und die Beförderung zu "
        "Sportveranstaltungen genutzt.",
    ),
    finance_years=("2024", "2025"),
    finance_rows=(
        ("Auszahlungen", ("48.000,00", "")),
        ("Einzahlungen", ("", "20.000,00")),
    ),
    total="48.000,00",
)


for _name, _paper in (
    ("gotha-2024-123-gehweg", G_123),
    ("gotha-2024-088-informationsvorlage", G_088),
    ("gotha-2024-151-satzung", G_151),
    ("gotha-2024-202-grunderwerb", G_202),
    ("gotha-2023-415-stadtentwicklung", G_415),
    ("gotha-2024-260-kleinbus", G_260),
):
    register(_name, "libreoffice", "gotha", lambda out, p=_paper: convert_docx(lambda path: build_gotha(p, path), out))

# --------------------------------------------------------------------------
# 5. Letters: a faction's Antrag, a board's Stellungnahme, a Beantwortung
# --------------------------------------------------------------------------


L_ERLANGEN_ANTRAG = Letter(
    sender=("SPD-Fraktion im Erlanger Stadtrat", "Rathausplatz 1 · 91052 Erlangen · Telefon 09131 86-2225"),
    place_date="Erlangen, den 16.12.2020",
    recipient=("Herrn Oberbürgermeister", "Dr. Florian Janik", "Rathausplatz 1", "91052 Erlangen"),
    subject=("Antrag:", "Kostenfreie Nutzung der Stadtbibliothek für Kinder und Jugendliche"),
    salutation="Sehr geehrter Herr Oberbürgermeister,",
    items_label="wir beantragen:",
    items=(
        (
            "1.",
            "Kinder und Jugendliche bis zum vollendeten 18. Lebensjahr können die "
            "Stadtbibliothek ab dem 01.03.2021 kostenfrei nutzen.",
        ),
        ("2.", "Die Verwaltung berichtet im Kultur- und Freizeitausschuss über die Entwicklung der Anmeldezahlen."),
    ),
    body_label="Begründung:",
    body=(
        "Die Stadtbibliothek ist ein wichtiger außerschulischer Lernort. Die Jahresgebühr von "
        "10 Euro hält gerade Familien mit geringem Einkommen davon ab, ihre Kinder anzumelden.",
        "Die Einnahmen aus den Gebühren für Kinder und Jugendliche betrugen im Jahr 2019 rund "
        "14.000 Euro. Dem steht ein großer Nutzen für die Bildungsgerechtigkeit in unserer Stadt "
        "gegenüber.",
    ),
    signers=("Barbara Pfister", "Fraktionsvorsitzende"),
)

L_SENIORENBEIRAT = Letter(
    sender=("Seniorenbeirat der Stadt Erlangen", "Geschäftsstelle · Rathausplatz 1 · 91052 Erlangen"),
    place_date="Erlangen, den 08.02.2021",
    recipient=("Stadt Erlangen", "Referat für Planen und Bauen", "Gebbertstraße 1", "91052 Erlangen"),
    subject=("Stellungnahme:", "Umbau des Zentralen Omnibusbahnhofs"),
    salutation="Sehr geehrte Damen und Herren,",
    body=(
        "der Seniorenbeirat hat sich in seiner Sitzung am 03.02.2021 mit der Planung für den Umbau "
        "des Zentralen Omnibusbahnhofs befasst. Er begrüßt, dass alle Bussteige künftig stufenlos "
        "erreichbar sein sollen.",
        "Der Seniorenbeirat bittet, bei der weiteren Planung folgende Punkte zu berücksichtigen:",
        (
            "ausreichend Sitzgelegenheiten mit Rücken- und Armlehnen an allen Bussteigen",
            "eine gut lesbare Fahrgastinformation, auch als Ansage",
            "eine öffentliche Toilette im Bereich des Bahnhofs",
        ),
        "Wir bitten darum, den Seniorenbeirat auch an der Ausführungsplanung zu beteiligen.",
    ),
    signers=("Dr. Helga Sommer", "Vorsitzende des Seniorenbeirats"),
)

L_BEANTWORTUNG = Letter(
    sender=("Stadt Erlangen", "Referat für Planen und Bauen · Gebbertstraße 1 · 91052 Erlangen"),
    place_date="Erlangen, 14.03.2018",
    recipient=("Frau Stadträtin", "Birgit Marenbach", "Grüne Liste Erlangen", "Rathausplatz 1", "91052 Erlangen"),
    subject=("", ""),
    heading="Beantwortung zur Anfrage 23/2018",
    meta=(("Betreff:", "Fahrradabstellanlagen am Hauptbahnhof"), ("Datum:", "14.03.2018"), ("Anlagen:", "1")),
    salutation="Sehr geehrte Frau Marenbach,",
    body=(
        "am Hauptbahnhof stehen derzeit 1.850 Fahrradabstellplätze zur Verfügung, davon 600 in "
        "der Fahrradtiefgarage an der Westseite. Zu Spitzenzeiten sind alle Plätze belegt.",
        "Die Stadt plant, bis zum Jahr 2020 weitere 400 Abstellplätze in einer zweistöckigen Anlage "
        "am Bahnhofsplatz zu errichten. Die Lage der Anlage ist im beigefügten Übersichtsplan "
        "dargestellt.",
        "Abgestellte Fahrräder, die erkennbar nicht mehr genutzt werden, werden zweimal im Jahr entfernt.",
    ),
    signers=("Josef Weber", "Berufsmäßiger Stadtrat"),
    attachments=("Übersichtsplan Fahrradabstellanlagen",),
)

L_WUERZBURG_ANTRAG = Letter(
    sender=(
        "Fraktion BÜNDNIS 90/DIE GRÜNEN im Stadtrat Würzburg",
        "Rückermainhof · Karmelitenstraße 20 · 97070 Würzburg",
    ),
    place_date="Würzburg, den 03.05.2021",
    recipient=("Herrn Oberbürgermeister", "Christian Schuchardt", "Rathaus", "97070 Würzburg"),
    subject=("Antrag:", "Öffnung der Schulhöfe am Wochenende"),
    salutation="Sehr geehrter Herr Oberbürgermeister,",
    items_label="Wir beantragen:",
    items="Die Verwaltung wird beauftragt, ab den Sommerferien 2021 an mindestens vier Schulen die "
    "Schulhöfe an Samstagen und Sonntagen von 10 bis 18 Uhr als Spielflächen zu öffnen.",
    body_label="Begründung:",
    body=(
        "In den dicht bebauten Stadtteilen fehlen Spielflächen für Kinder und Jugendliche. Die "
        "Schulhöfe stehen an den Wochenenden leer.",
        "Andere Städte öffnen ihre Schulhöfe seit Jahren mit guten Erfahrungen. Die Aufsicht kann "
        "über Patenschaften mit Vereinen und Elternbeiräten organisiert werden.",
    ),
    signers=("Patrick Friedl", "Fraktionsvorsitzender"),
)

L_CSU_ANFRAGE = Letter(
    sender=("CSU-Fraktion im Erlanger Stadtrat", "Rathausplatz 1 · 91052 Erlangen"),
    place_date="Erlangen, den 22.06.2022",
    recipient=("Herrn Oberbürgermeister", "Dr. Florian Janik", "Rathausplatz 1", "91052 Erlangen"),
    subject=("Anfrage:", "Sanierung des Hallenbades Frankenhof"),
    salutation="Sehr geehrter Herr Oberbürgermeister,",
    items_label="wir fragen an:",
    items=(
        ("1.", "Wann wird die Sanierung des Hallenbades Frankenhof abgeschlossen?"),
        ("2.", "Wie haben sich die Kosten der Sanierung seit dem Baubeschluss entwickelt?"),
        ("3.", "Wo findet der Schwimmunterricht der Grundschulen bis zur Wiedereröffnung statt?"),
    ),
    body_label="Begründung:",
    body=(
        "Das Hallenbad Frankenhof ist seit September 2021 geschlossen. Vereine und Schulen "
        "berichten, dass Schwimmzeiten fehlen und viele Kinder nicht schwimmen lernen.",
    ),
    signers=("Jörg Volleth", "Fraktionsvorsitzender"),
)


# --------------------------------------------------------------------------
# 6. Not Drucksachen: Einladung, Niederschrift, slides
# --------------------------------------------------------------------------


def einladung(producer: str, out: Path) -> bool:
    flow = Flow()
    flow.y = 806
    flow.line("Stadt Weimar", x=RIGHT, font=ff.BOLD, size=10, align="right", lead=30)
    flow.line("Einladung", font=ff.BOLD, size=18, lead=24)
    flow.line("23. Sitzung des Ausschusses für Stadtentwicklung und Umwelt", font=ff.BOLD, size=12, lead=24)
    for label, value in (
        ("Sitzungstermin:", "Dienstag, 12.03.2024, 17:00 Uhr"),
        ("Sitzungsort:", "Rathaus, Ratssaal, Markt 1"),
    ):
        flow.ops.append(Text(LEFT, flow.y, label, ff.BOLD, 10.5))
        flow.line(value, x=160)
    flow.space(12)
    flow.para("Sehr geehrte Damen und Herren,", after=6)
    flow.para(
        "hiermit lade ich Sie zur 23. Sitzung des Ausschusses für Stadtentwicklung und Umwelt ein. "
        "Die Sitzungsunterlagen stehen im Ratsinformationssystem zur Verfügung."
    )
    flow.heading("Tagesordnung", size=12)
    widths = (50, 330, 108)
    flow.line("Öffentlicher Teil", font=ff.BOLD, lead=16)
    flow.table(
        widths,
        [
            ("TOP 1", "Eröffnung der Sitzung, Feststellung der Beschlussfähigkeit und der Tagesordnung", ""),
            ("TOP 2", "Genehmigung der Niederschrift der 22. Sitzung", ""),
            ("TOP 3", "Sanierung des Spielplatzes im Weimarhallenpark", "VO/2024/123"),
            ("TOP 4", "Jahresbericht 2023 des Klimaschutzmanagements", "VO/2024/045"),
            ("TOP 5", "Mitteilungen und Anfragen", ""),
        ],
        ruled=False,
        size=10,
        lead=13,
    )
    flow.line("Nichtöffentlicher Teil", font=ff.BOLD, lead=16)
    flow.table(
        widths,
        [
            ("TOP 6", "Grundstücksangelegenheiten", "VO/2024/098"),
            ("TOP 7", "Mitteilungen und Anfragen", ""),
        ],
        ruled=False,
        size=10,
        lead=13,
    )
    flow.space(20)
    flow.line("gez. Peter Kleine")
    flow.line("Ausschussvorsitzender")
    pages = flow.finish(footer=None)
    return render(producer, flow, pages, Meta("Einladung", "Stadt Weimar"), out)


def niederschrift(producer: str, out: Path) -> bool:
    flow = Flow()
    flow.y = 806
    flow.line("Hansestadt Lüneburg", x=RIGHT, font=ff.BOLD, size=10, align="right", lead=30)
    flow.line("Niederschrift", font=ff.BOLD, size=18, lead=24)
    flow.line("22. Sitzung des Bau- und Verkehrsausschusses", font=ff.BOLD, size=12, lead=24)
    for label, value in (
        ("Sitzungstermin:", "13.02.2024"),
        ("Beginn:", "17:00 Uhr"),
        ("Ende:", "19:10 Uhr"),
        ("Ort:", "Rathaus, Huldigungssaal"),
    ):
        flow.ops.append(Text(LEFT, flow.y, label, ff.BOLD, 10.5))
        flow.line(value, x=160)
    flow.heading("Anwesend", size=11)
    flow.para(
        "Vorsitz: Ratsherr Eckhard Pols; Mitglieder: Ratsfrau Anna Bauer, Ratsherr Jens-Peter "
        "Schultz, Ratsfrau Heike Rahlfs, Ratsherr Malte Riechey, Ratsfrau Sabine Mester, "
        "Ratsherr Frank Soldan, Ratsherr Niels Webersinn, Ratsfrau Gül Güngör; Verwaltung: "
        "Stadtbaurätin Heike Gundermann; Protokoll: Frau Lange"
    )
    tops = (
        (
            "TOP 1 Eröffnung der Sitzung",
            "Der Vorsitzende eröffnet die Sitzung und stellt die ordnungsgemäße Ladung und die "
            "Beschlussfähigkeit fest. Die Tagesordnung wird ohne Änderungen festgestellt.",
            None,
        ),
        (
            "TOP 2 Umgestaltung des Knotenpunktes Bahnhofstraße / Lünertorstraße (Vorlage 24/0815)",
            "Stadtbaurätin Gundermann stellt die drei untersuchten Varianten vor. Ratsfrau Bauer "
            "fragt nach den Auswirkungen auf den Busverkehr. Frau Gundermann erläutert, dass die "
            "Busse durch die neue Lichtsignalanlage bevorrechtigt werden. Ratsherr Soldan regt an, "
            "die Anlieferung der Geschäfte in der Bahnhofstraße in der Ausführungsplanung zu "
            "berücksichtigen.",
            "Abstimmungsergebnis: 7 Ja-Stimmen, 2 Nein-Stimmen, 0 Enthaltungen",
        ),
        (
            "TOP 3 Mitteilungen der Verwaltung",
            "Frau Gundermann berichtet, dass die Sanierung der Brücke über die Ilmenau im April "
            "beginnt. Die Umleitung wird über die Friedenstraße geführt.",
            None,
        ),
        (
            "TOP 4 Anfragen",
            "Ratsherr Riechey fragt nach dem Stand der Planung für die Fahrradstraße Am "
            "Schifferwall. Die Antwort wird schriftlich nachgereicht.",
            None,
        ),
    )
    for heading, text, vote in tops:
        flow.heading(heading, size=11)
        flow.para(text)
        if vote:
            flow.para(vote, font=ff.BOLD)
    flow.space(30)
    flow.ensure(50)
    top = flow.y
    flow.line("gez. Eckhard Pols")
    flow.line("Vorsitzender")
    flow.y = top
    flow.line("gez. Lange", x=330)
    flow.line("Protokollführerin", x=330)
    pages = flow.finish(header="Niederschrift 22. Sitzung Bau- und Verkehrsausschuss")
    return render(producer, flow, pages, Meta("Niederschrift", "Hansestadt Lüneburg"), out)


SLIDE = (960.0, 540.0)


def praesentation(producer: str, out: Path) -> bool:
    w, _ = SLIDE
    pages: list[list[Op]] = []
    title_page: list[Op] = [
        Rule(0, 470, w, 470, 6.0),
        Text(w / 2, 300, "Radverkehrskonzept 2030", ff.BOLD, 40, "center"),
        Text(w / 2, 250, "Präsentation im Bau- und Verkehrsausschuss am 12.03.2024", ff.REG, 20, "center"),
        Text(w / 2, 150, "Hansestadt Lüneburg · Amt für Verkehr", ff.REG, 16, "center"),
    ]
    pages.append(title_page)
    slides = (
        (
            "Ausgangslage",
            (
                "Radverkehrsanteil 2023: 19 Prozent aller Wege",
                "Lücken im Hauptroutennetz, vor allem in der Innenstadt",
                "17 Unfallhäufungsstellen mit Radverkehrsbeteiligung",
            ),
        ),
        (
            "Ziele bis 2030",
            (
                "Radverkehrsanteil von 30 Prozent",
                "geschlossenes Netz von Hauptrouten",
                "2.000 zusätzliche Fahrradabstellplätze",
            ),
        ),
        (
            "Maßnahmen",
            (
                "Umbau von zwölf Knotenpunkten",
                "Fahrradstraßen Am Schifferwall und Am Werder",
                "Fahrradparkhaus am Bahnhof",
            ),
        ),
        (
            "Nächste Schritte",
            (
                "Beteiligung der Öffentlichkeit im April und Mai 2024",
                "Beschluss im Rat im September 2024",
            ),
        ),
    )
    for n, (title, bullets_) in enumerate(slides, start=2):
        ops: list[Op] = [
            Rule(0, 470, w, 470, 6.0),
            Text(60, 410, title, ff.BOLD, 32),
        ]
        y = 340.0
        for item in bullets_:
            ops.append(Text(80, y, BULLET, ff.REG, 22))
            ops.append(Text(110, y, item, ff.REG, 22))
            y -= 48
        ops.append(Text(60, 30, "Radverkehrskonzept 2030", ff.REG, 10))
        ops.append(Text(w - 60, 30, str(n), ff.REG, 10, "right"))
        pages.append(ops)
    meta = Meta("Radverkehrskonzept 2030", "Hansestadt Lüneburg")
    if producer == "fpdf2":
        render_fpdf(pages, SLIDE, meta, out)
    else:
        render_reportlab(pages, SLIDE, meta, out)
    return True


register(
    "letter-erlangen-2020-antrag-spd",
    "libreoffice",
    "letter",
    lambda out: convert_docx(lambda path: build_letter_docx(L_ERLANGEN_ANTRAG, path), out),
)
register(
    "letter-erlangen-2021-stellungnahme-seniorenbeirat",
    "reportlab",
    "letter",
    lambda out: letter(L_SENIORENBEIRAT, "reportlab", out),
)
register(
    "letter-erlangen-2018-beantwortung-anfrage",
    "reportlab",
    "letter",
    lambda out: letter(L_BEANTWORTUNG, "reportlab", out),
)
register("letter-wuerzburg-2021-antrag-gruene", "fpdf2", "letter", lambda out: letter(L_WUERZBURG_ANTRAG, "fpdf2", out))
register(
    "letter-erlangen-2022-anfrage-csu",
    "libreoffice",
    "letter",
    lambda out: convert_docx(lambda path: build_letter_docx(L_CSU_ANFRAGE, path), out),
)

# A letter whose reasons are written like a speech manuscript: every sentence on a line of its
# own (a line break within the paragraph), paragraphs set apart by space alone, left-aligned. At
# a page's foot a sentence ends either way, and the next page starts at the same left edge: only
# the tagged PDF's structure tree tells whether the paragraph goes on. The sentences fit one
# line each; the paragraphs are sized so that one ends page 1 (the next would leave a line alone
# there, so widow control moves it whole) and another runs from page 2 onto page 3, with a
# sentence ending at the break (LibreOffice 7.4.7, Liberation Sans for Arial).
L_TAGGED_ANTRAG = Letter(
    sender=("ÖDP-Fraktion im Erlanger Stadtrat", "Rathausplatz 1 · 91052 Erlangen · Telefon 09131 86-2871"),
    place_date="Erlangen, den 14.03.2024",
    recipient=("Herrn Oberbürgermeister", "Dr. Florian Janik", "Rathausplatz 1", "91052 Erlangen"),
    subject=("Antrag:", "Schulwegsicherheit an der Mönaustraße"),
    salutation="Sehr geehrter Herr Oberbürgermeister,",
    items_label="wir beantragen:",
    items=(
        ("1.", "Die Verwaltung prüft eine Tempo-30-Zone auf der Mönaustraße zwischen Odenwaldallee und Schule."),
        ("2.", "Vor der Mönauschule wird bis zum Beginn des Schuljahres 2024/25 ein Zebrastreifen angelegt."),
    ),
    body_label="Begründung:",
    signers=("Barbara Grille", "Fraktionsvorsitzende"),
)

#: The reasons of L_TAGGED_ANTRAG: paragraphs of sentences, one sentence a line.
TAGGED_REASONS: tuple[tuple[str, ...], ...] = (
    (
        "Jeden Morgen gehen rund 400 Kinder über die Mönaustraße zur Schule.",
        "Die Straße ist breit und gerade, viele Autos fahren dort schneller als erlaubt.",
        "Eine Messung der Polizei im Herbst 2023 ergab Spitzenwerte von 68 km/h.",
    ),
    (
        "Eltern berichten von gefährlichen Situationen an der Einmündung der Odenwaldallee.",
        "Dort fehlt eine sichere Querungsstelle für Fußgängerinnen und Fußgänger.",
        "Die nächste Ampel liegt mehr als 300 Meter entfernt.",
        "Kinder nehmen diesen Umweg verständlicherweise nicht in Kauf.",
    ),
    (
        "Der Elternbeirat der Mönauschule hat uns im Januar einen Brief geschrieben.",
        "Darin bittet er die Stadt, den Schulweg endlich sicherer zu machen.",
        "Über 250 Eltern haben den Brief unterschrieben.",
        "Auch der Stadtteilbeirat Büchenbach unterstützt das Anliegen.",
        "Wir nehmen diese Sorgen sehr ernst.",
    ),
    (
        "Eine Tempo-30-Zone senkt nachweislich die Zahl schwerer Unfälle.",
        "Der Bremsweg aus 30 km/h ist nur halb so lang wie aus 50 km/h.",
        "Viele bayerische Städte haben vor Schulen gute Erfahrungen damit gemacht.",
    ),
    (
        "Ein Zebrastreifen zeigt allen, wo Kinder die Straße queren.",
        "Er ist günstig und schnell anzulegen.",
        "Die Kosten schätzen wir auf weniger als 20.000 Euro.",
        "Die Verkehrsbehörde kann ihn im Rahmen ihrer Zuständigkeit anordnen.",
        "Ein Beschluss des Stadtrats gibt ihr dafür den klaren Auftrag.",
        "Wir bitten daher um eine Entscheidung noch vor den Sommerferien.",
    ),
    (
        "Wir wissen, dass die Verwaltung viele Anfragen dieser Art erhält.",
        "Die Zahlen zeigen aber, dass an der Mönaustraße schnell gehandelt werden muss.",
        "Jedes Jahr ohne Maßnahme erhöht das Risiko für die Kinder.",
    ),
    (
        "Auch andere Stellen im Stadtteil sind für Kinder schwer zu queren.",
        "Das gilt besonders für die Kreuzung am Rudeltplatz.",
        "Dort treffen morgens Schulbusse, Lieferverkehr und Radfahrende aufeinander.",
        "Eine Schülerlotsengruppe gibt es an dieser Stelle bisher nicht.",
        "Die Schule würde eine solche Gruppe gern aufbauen.",
        "Dafür braucht sie Unterstützung durch die Verkehrswacht.",
    ),
    (
        "Die Stadt hat im Klimaplan 2035 zugesagt, den Fußverkehr zu stärken.",
        "Sichere Schulwege sind dafür ein zentraler Baustein.",
        "Wer als Kind zu Fuß zur Schule geht, bleibt oft auch später dabei.",
        "Elterntaxis vor der Schule werden dagegen weniger.",
    ),
    (
        "Wir regen an, die Maßnahmen mit der Schule und dem Elternbeirat abzustimmen.",
        "Ein gemeinsamer Ortstermin wäre ein guter erster Schritt.",
        "Die Fraktion steht dafür gern zur Verfügung.",
    ),
    (
        "Die Kosten für eine Tempo-30-Zone sind gering.",
        "Es genügen einige Verkehrszeichen und Markierungen auf der Fahrbahn.",
        "Geschwindigkeitsanzeigen könnten die Wirkung zusätzlich verstärken.",
        "Solche Anzeigen hat die Stadt bereits auf Lager.",
        "Sie könnten sofort aufgestellt werden.",
    ),
    (
        "Die Polizei hat zugesagt, in der Mönaustraße häufiger zu kontrollieren.",
        "Kontrollen allein ändern aber auf Dauer wenig.",
        "Erst eine bauliche Lösung schafft Sicherheit an jedem Schultag.",
        "Deshalb gehört der Zebrastreifen zu unserem Antrag.",
        "Er sollte gut beleuchtet und von weitem sichtbar sein.",
        "Eine Mittelinsel würde den Weg über die Straße zusätzlich teilen.",
        "Ob dafür Platz ist, möge die Verwaltung prüfen.",
        "Das Ergebnis sollte dem Bauausschuss vorgelegt werden.",
    ),
    ("Wir bitten um Zustimmung zu unserem Antrag.",),
)


def tagged_reasons(doc: Any) -> None:
    """The reasons: one paragraph per group, a line break after each sentence but the last."""
    from docx.shared import Pt

    for sentences in TAGGED_REASONS:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = Pt(12)
        par.paragraph_format.line_spacing = 1.5
        for i, sentence in enumerate(sentences):
            run = par.add_run(sentence)
            run.font.size = Pt(12)
            if i < len(sentences) - 1:
                run.add_break()


register(
    "letter-erlangen-2024-antrag-tagged",
    "libreoffice",
    "letter",
    lambda out: convert_docx(lambda path: build_letter_docx(L_TAGGED_ANTRAG, path, tagged_reasons), out, tagged=True),
)
register("meeting-weimar-2024-einladung", "reportlab", "meeting", lambda out: einladung("reportlab", out))
register("meeting-lueneburg-2024-niederschrift", "fpdf2", "meeting", lambda out: niederschrift("fpdf2", out))
register("meeting-lueneburg-2024-praesentation", "reportlab", "meeting", lambda out: praesentation("reportlab", out))

# --------------------------------------------------------------------------
# 3b. A long SessionNet paper: 12+ pages, sub-headings, a table across pages
# --------------------------------------------------------------------------

W = "Hochbord, Leitelemente, Wartehalle"
L = "Hochbord, Leitelemente"
D = "Hochbord, Leitelemente, dynamische Anzeige"
BOTH = ("stadteinwärts", "stadtauswärts")
# (Haltestelle, Richtungen / Bussteige, Maßnahmen, Ausbaujahr); rows are numbered in order.
_STOPS = (
    ("Albrecht-Dürer-Straße", BOTH, W, "2025"),
    ("Am Horn", BOTH, L, "2025"),
    ("Bahnhof", ("Bussteig A", "Bussteig B", "Bussteig C"), D, "2025"),
    ("Berkaer Straße", BOTH, W, "2025"),
    ("Buttelstedter Straße", BOTH, L, "2025"),
    ("Carl-August-Allee", BOTH, D, "2025"),
    ("Friedensstraße", BOTH, W, "2025"),
    ("Heinrich-Heine-Straße", BOTH, L, "2025"),
    ("Ehringsdorf Kirche", BOTH, W, "2026"),
    ("Erfurter Straße", BOTH, D, "2026"),
    ("Ettersburger Straße", BOTH, L, "2026"),
    ("Gaberndorf", BOTH, W, "2026"),
    ("Goetheplatz", ("Bussteig 1", "Bussteig 2", "Bussteig 3", "Bussteig 4"), D, "2026"),
    ("Hauptfriedhof", BOTH, W, "2026"),
    ("Humboldtstraße", BOTH, L, "2026"),
    ("Karl-Liebknecht-Straße", BOTH, W, "2026"),
    ("Jenaer Straße", BOTH, D, "2027"),
    ("Klinikum", BOTH, D, "2027"),
    ("Leibnizallee", BOTH, W, "2027"),
    ("Marcel-Paul-Straße", BOTH, L, "2027"),
    ("Merketal", BOTH, W, "2027"),
    ("Nordstraße", BOTH, L, "2027"),
    ("Oberweimar", BOTH, W, "2027"),
    ("Lützendorfer Straße", BOTH, L, "2027"),
    ("Moskauer Straße", BOTH, W, "2027"),
    ("Park an der Ilm", BOTH, L, "2028"),
    ("Rießnerstraße", BOTH, W, "2028"),
    ("Schöndorf Waldstadt", BOTH, D, "2028"),
    ("Sophienstiftsplatz", BOTH, L, "2028"),
    ("Tiefurt", BOTH, W, "2028"),
    ("Tröbsdorf", BOTH, W, "2028"),
    ("Ernst-Busse-Straße", BOTH, L, "2028"),
    ("Industriestraße", BOTH, W, "2028"),
    ("Wartburgstraße", BOTH, L, "2029"),
    ("Weimarhallenpark", BOTH, W, "2029"),
    ("Westvorstadt", BOTH, L, "2029"),
    ("Wielandplatz", BOTH, D, "2029"),
    ("Zum Hospitalgraben", BOTH, W, "2029"),
    ("Legefeld", BOTH, L, "2029"),
    ("Gelmeroda", BOTH, W, "2029"),
    ("Possendorf", BOTH, L, "2029"),
    ("Taubach", BOTH, W, "2029"),
    ("Süßenborn", BOTH, L, "2029"),
)
HALTESTELLEN = tuple(
    (str(n), stop, direction, measure, year)
    for n, (stop, direction, measure, year) in enumerate(
        ((stop, d, m, y) for stop, ds, m, y in _STOPS for d in ds), start=1
    )
)

SN_300 = SessionNet(
    number="VO/2024/300",
    title="Dritte Fortschreibung des Nahverkehrsplans der Stadt Weimar für die Jahre 2025 bis 2029",
    kind="Beschlussvorlage",
    date="18.03.2024",
    lead="Fachbereich Stadtentwicklung",
    status="öffentlich",
    consultations=(
        ("26.03.2024", "Ortsteilrat Schöndorf", "Anhörung"),
        ("27.03.2024", "Ortsteilrat Ehringsdorf", "Anhörung"),
        ("09.04.2024", "Seniorenbeirat", "Anhörung"),
        ("16.04.2024", "Ausschuss für Stadtentwicklung und Umwelt", "Vorberatung"),
        ("23.04.2024", "Hauptausschuss", "Vorberatung"),
        ("08.05.2024", "Stadtrat", "Entscheidung"),
    ),
    resolution=(
        (
            "1.",
            "Der Stadtrat beschließt die dritte Fortschreibung des Nahverkehrsplans der Stadt "
            "Weimar für die Jahre 2025 bis 2029 (Anlage 1).",
        ),
        (
            "2.",
            "Die Stadtwirtschaft Weimar GmbH wird beauftragt, das Linienangebot ab dem "
            "Fahrplanwechsel im Dezember 2024 schrittweise nach dem Nahverkehrsplan anzupassen.",
        ),
        ("3.", "Die Haltestellen nach der Übersicht im Sachverhalt werden bis zum Jahr 2029 barrierefrei ausgebaut."),
        (
            "4.",
            "Die Verwaltung berichtet dem Ausschuss für Stadtentwicklung und Umwelt jährlich "
            "über den Stand der Umsetzung.",
        ),
    ),
    body_size=12,
    body_lead=21,
    table_size=11,
    table_lead=16,
    hyphenation=("Nahverkehrs|unternehmen", "Fahrgast|befragung", "Barriere|freiheit", "Verkehrs|erzeugung"),
    sachverhalt=(
        SubHeading("1. Anlass"),
        "Nach dem Thüringer Gesetz über den öffentlichen Personennahverkehr stellen die Landkreise "
        "und kreisfreien Städte für ihr Gebiet einen Nahverkehrsplan auf und schreiben ihn "
        "regelmäßig fort. Der geltende Nahverkehrsplan der Stadt Weimar wurde im Jahr 2018 "
        "beschlossen und gilt bis zum Ende des Jahres 2024.",
        "Der Nahverkehrsplan legt fest, welches Angebot an Bussen die Stadt als Aufgabenträgerin "
        "bestellt. Er ist Grundlage für den öffentlichen Dienstleistungsauftrag an die "
        "Stadtwirtschaft Weimar GmbH und für die Förderung von Investitionen durch das Land.",
        "Seit dem letzten Beschluss haben sich die Rahmenbedingungen deutlich verändert. Die "
        "Einführung des Deutschlandtickets, die Klimaziele der Stadt und die Anforderungen des "
        "Personenbeförderungsgesetzes an die vollständige Barrierefreiheit machen eine "
        "umfassende Fortschreibung notwendig.",
        SubHeading("2. Bestandsaufnahme"),
        "Das Busnetz der Stadt Weimar umfasst derzeit neun Stadtbuslinien und drei Nachtlinien "
        "mit einer Linienlänge von zusammen 142 km. Die Busse bedienen 214 Haltestellen. Im Jahr "
        "2023 wurden rund 7,9 Millionen Fahrgäste befördert; das sind 12 Prozent mehr als im "
        "Jahr 2022 und erstmals wieder so viele wie vor der Pandemie.",
        "Die Fahrgastbefragung vom Herbst 2023 hat ergeben, dass die Fahrgäste mit der "
        "Pünktlichkeit und der Sauberkeit der Busse überwiegend zufrieden sind. Kritisiert werden "
        "vor allem die langen Takte am Abend und am Wochenende, die fehlenden Direktverbindungen "
        "zwischen den Stadtteilen und die Umsteigezeiten am Goetheplatz.",
        "Von den 214 Haltestellen sind bisher 88 barrierefrei ausgebaut. Dazu gehören alle "
        "Haltestellen am Goetheplatz und am Bahnhof sowie die meisten Haltestellen an den "
        "Hauptachsen. In den Ortsteilen fehlen dagegen häufig erhöhte Bordsteine, taktile "
        "Leitelemente und ausreichend breite Warteflächen.",
        "Die Fahrzeugflotte der Stadtwirtschaft umfasst 46 Busse. Davon werden 12 Busse "
        "elektrisch angetrieben, die übrigen mit Dieselmotoren. Das Durchschnittsalter der Flotte "
        "beträgt 7,4 Jahre.",
        SubHeading("3. Ziele"),
        "Der Nahverkehrsplan verfolgt das Ziel, den Anteil des öffentlichen Verkehrs an allen "
        "Wegen der Weimarerinnen und Weimarer von 11 Prozent im Jahr 2023 auf 15 Prozent im Jahr "
        "2030 zu erhöhen. Dafür soll das Angebot dichter, schneller und verlässlicher werden.",
        "Im Einzelnen werden folgende Ziele verfolgt:",
        (
            "ein 10-Minuten-Takt auf den Hauptlinien montags bis freitags von 6 bis 20 Uhr",
            "ein 30-Minuten-Takt in allen Ortsteilen auch am Abend und am Wochenende",
            "direkte Verbindungen zwischen Schöndorf, dem Klinikum und der Innenstadt",
            "die vollständige Barrierefreiheit aller Haltestellen bis zum Jahr 2032",
            "ein vollständig emissionsfreier Busbetrieb bis zum Jahr 2035",
        ),
        "Die Ziele wurden aus dem Klimaschutzkonzept und dem Mobilitätskonzept der Stadt "
        "abgeleitet und in drei Workshops mit den Fraktionen, den Ortsteilräten und den "
        "Beiräten abgestimmt.",
        SubHeading("4. Linienangebot"),
        "Das künftige Netz ordnet die Linien neu. Die Linien 1, 3 und 6 werden zu "
        "Hauptlinien mit einem 10-Minuten-Takt aufgewertet. Die Linie 5 wird über das Klinikum "
        "hinaus bis nach Schöndorf verlängert und schafft so die von den Fahrgästen gewünschte "
        "Direktverbindung.",
        "Die Ortsteile Gaberndorf, Tröbsdorf und Tiefurt werden künftig auch am Abend bis 23 Uhr "
        "bedient. In den Abendstunden und am Wochenende werden dort Rufbusse eingesetzt, die nur "
        "nach vorheriger Anmeldung fahren. Die Anmeldung ist telefonisch und über eine App bis "
        "30 Minuten vor der Abfahrt möglich.",
        "Die Umsteigezeiten am Goetheplatz werden durch einen Rendezvous-Knoten verkürzt. Zu "
        "jeder vollen und halben Stunde treffen sich dort alle Linien, sodass in alle Richtungen "
        "ohne lange Wartezeit umgestiegen werden kann.",
        "Das Angebot steigt durch die Maßnahmen von 2,1 Millionen auf 2,5 Millionen "
        "Fahrplankilometer im Jahr. Für den zusätzlichen Betrieb werden sechs weitere Busse und "
        "rund 20 zusätzliche Fahrerinnen und Fahrer benötigt.",
        SubHeading("5. Barrierefreiheit"),
        "Nach dem Personenbeförderungsgesetz soll der öffentliche Verkehr vollständig barrierefrei "
        "sein. Der Nahverkehrsplan legt deshalb eine Reihenfolge für den Ausbau der noch nicht "
        "barrierefreien Haltestellen fest. Vorrang haben Haltestellen mit vielen Fahrgästen und "
        "Haltestellen in der Nähe von Einrichtungen für ältere und behinderte Menschen.",
        "Jede ausgebaute Haltestelle erhält einen Bord mit einer Höhe von 18 cm, taktile "
        "Leitelemente, eine ausreichend breite Wartefläche und, wo es der Platz erlaubt, ein "
        "Wartehäuschen mit Sitzgelegenheit. Die Fahrgastinformation wird an den wichtigsten "
        "Haltestellen um dynamische Anzeigen mit Sprachausgabe ergänzt.",
        "Die folgende Übersicht nennt die Haltestellen, die in den Jahren 2025 bis 2029 barrierefrei ausgebaut werden:",
        Table(
            (35, 160, 115, 118, 60),
            ("Nr.", "Haltestelle", "Richtung / Bussteig", "Maßnahmen", "Ausbau"),
            HALTESTELLEN,
        ),
        "Der Ausbau wird, soweit möglich, mit anderen Baumaßnahmen im Straßenraum verbunden. "
        "Die Reihenfolge kann sich deshalb im Einzelfall verschieben.",
        SubHeading("6. Fahrzeuge"),
        "Die Stadtwirtschaft wird bis zum Jahr 2029 weitere 24 Elektrobusse beschaffen. Dann wird "
        "mehr als die Hälfte der Flotte elektrisch angetrieben. Für das Laden der Busse wird der "
        "Betriebshof in der Rießnerstraße mit Ladeplätzen ausgestattet; am Goetheplatz und am "
        "Bahnhof entstehen Schnellladestationen.",
        "Alle neuen Busse sind Niederflurbusse mit zwei Stellplätzen für Rollstühle oder "
        "Kinderwagen, einer Klimaanlage und Bildschirmen für die Fahrgastinformation.",
        SubHeading("7. Finanzierung"),
        "Die Kosten des Busbetriebs steigen durch das zusätzliche Angebot von derzeit 14,2 "
        "Millionen EUR auf voraussichtlich 17,6 Millionen EUR im Jahr 2029. Nach Abzug der "
        "Fahrgeldeinnahmen und der Ausgleichszahlungen des Landes erhöht sich der Zuschuss der "
        "Stadt von 6,1 Millionen EUR auf 7,8 Millionen EUR.",
        "Für den Ausbau der Haltestellen und die Beschaffung der Elektrobusse werden Fördermittel "
        "des Landes und des Bundes beantragt. Die Förderquote beträgt beim Haltestellenausbau 75 "
        "Prozent und bei den Elektrobussen bis zu 80 Prozent der Mehrkosten gegenüber einem "
        "Dieselbus. Der Eigenanteil der Stadt ist in der mittelfristigen Finanzplanung "
        "berücksichtigt.",
        SubHeading("8. Beteiligung"),
        "Der Entwurf des Nahverkehrsplans lag vom 15.01.2024 bis zum 16.02.2024 öffentlich aus "
        "und war auch im Internet einsehbar unter: https://www.weimar.de/nahverkehrsplan",
        "Es gingen 146 Stellungnahmen von Bürgerinnen und Bürgern, Ortsteilräten, Verbänden und "
        "den Nachbarlandkreisen ein. Die Stellungnahmen und ihre Abwägung sind in Anlage 2 "
        "dokumentiert. Wesentliche Änderungen gegenüber dem Entwurf sind:",
        (
            "die Verlängerung der Linie 5 bis nach Schöndorf",
            "die Bedienung von Tiefurt auch am Sonntagvormittag",
            "der vorgezogene Ausbau der Haltestellen am Klinikum",
        ),
        "Der Seniorenbeirat und der Beirat für Menschen mit Behinderungen haben der "
        "Fortschreibung zugestimmt. Die Nachbarlandkreise haben keine Bedenken erhoben.",
        SubHeading("9. Weiteres Vorgehen"),
        "Nach dem Beschluss des Stadtrates wird der Nahverkehrsplan dem Land zur Kenntnis "
        "gegeben. Die Stadtwirtschaft passt das Angebot ab dem Fahrplanwechsel im Dezember 2024 "
        "schrittweise an. Die Verwaltung berichtet dem Fachausschuss jährlich über den Stand der "
        "Umsetzung.",
    ),
    attachments=(
        "Nahverkehrsplan 2025 bis 2029",
        "Abwägung der Stellungnahmen",
        "Liniennetzplan 2029",
    ),
)

register(
    "sessionnet-vo-2024-300-nahverkehrsplan",
    "reportlab",
    "sessionnet",
    lambda out: sessionnet(SN_300, "reportlab", out),
)

# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these fixtures")
    parser.add_argument("--list", action="store_true", help="list the fixture names")
    args = parser.parse_args(argv)
    if args.list:
        for fixture in REGISTRY:
            print(f"{fixture.name}\t{fixture.template}\t{fixture.producer}")
        return 0
    names = {f.name for f in REGISTRY}
    assert len(names) == len(REGISTRY), "duplicate fixture name"
    unknown = set(args.only or ()) - names
    if unknown:
        parser.error(f"unknown fixture(s): {', '.join(sorted(unknown))}")
    FIXTURES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ff.register_fonts(Path(tmp))
        for fixture in REGISTRY:
            if args.only and fixture.name not in args.only:
                continue
            out = FIXTURES / f"{fixture.name}.pdf"
            if fixture.build(out):
                print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
