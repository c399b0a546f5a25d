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

The parts the builders share are modules of their own: ``fixture_fonts`` (the faces, measuring
and wrapping text), ``fixture_page`` (page ops, checkbox encodings and their drawing),
``fixture_erfurt`` (the paper's content model, layout and reportlab rendering),
``fixture_erfurt_docx`` (the same paper as a Word document) and ``fixture_docx`` (python-docx
helpers, the LibreOffice conversion, PDF normalisation). This script holds the papers and the build.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fixture_erfurt import STANDALONE, Consultation, Finances, Paper, empty_finances, render_reportlab, ticks
from fixture_erfurt_docx import render_docx_pdf
from fixture_fonts import register_fonts
from fixture_page import Encoding

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


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
