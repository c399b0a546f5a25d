"""The default meeting vocabulary (:class:`~.rules.MeetingRules`' lists): common German and Swiss
practice (SessionNet, ALLRIS, hand-made minutes), as patterns; a profile's ``[meeting]`` table
replaces any list."""

from __future__ import annotations

#: "Beschluss:", "Beschluss des Ausschusses:", "Beschluss StBR:" (a body's short name).
DECISION = [r"Beschluss(?:fassung|text)?(?:\s+(?:des|der)\s+[\p{L}-]+|\s+\p{Lu}[\p{L}]{1,8})?", r"Beschlussempfehlung"]
#: 'Der Rat beschliesst:', 'Der Gemeinderat beschließt:' (Swiss and German minutes) over the decision.
DECISION += [r"(?:Der|Die|Das)\s+[\p{L}-]+\s+beschlie(?:ss|ß)t"]
#: ... with the vote it was taken by: 'Der Gemeinderat beschließt einstimmig:', '... mit 15 Ja-Stimmen, 2
#: Nein-Stimmen und 1 Enthaltung:'.
DECISION += [r"(?:Der|Die|Das)\s+[\p{L}-]+\s+beschlie(?:ss|ß)t\s+(?:einstimmig|mehrheitlich|mit\s[^:]{3,80}?)"]
#: 'Beratungsergebnis:' (Gemeinderat Niederschriften). A bare 'Ergebnis:' is no decision label: minutes
#: head the outcome of a discussion so beside their 'Beschluss:'.
DECISION += [r"Beratungsergebnis"]
VOTE = [r"Abstimmungsergebnis", r"Abstimmung", r"Ergebnis\s+der\s+Abstimmung"]
UNANIMOUS = [r"einstimmig", r"ohne\s+Gegenstimmen?"]
ATTENDEES = [r"Anwesend(?:e)?(?:\s+waren)?", r"Teilnehmer(?:innen|\*innen)?", r"Teilnehmende"]
ABSENT = [r"Abwesend", r"Entschuldigt", r"Es\s+fehlt(?:en)?", r"Nicht\s+anwesend", r"Verteiler"]
#: 'Damit bin ich am Ende des öffentlichen Teils', '... die Nichtöffentlichkeit herzustellen'.
PUBLIC_END = [
    r"(?:Ende|Schluss)\s+des\s+öffentlichen\s+(?:Sitzungst|T)eils",
    r"Nicht[\s-]*öffentlichkeit\s+(?:wieder\s+)?(?:her(?:zu)?stellen)",
]
#: Who reports on an agenda item, on a line under its title ('Berichterstattung: Bürgermeister Bauer').
SIDE_LABELS = [
    r"Berichterstatt(?:ung|er(?:/?in|\*in)?)",
    r"Referent(?:/?in|\*in)?",
    r"Vortrag",
    r"Antragsteller(?:/?in|\*in)?",
]
SALUTATIONS = ["Herr", "Frau", "Hr.", "Fr.", "Ratsherr", "Ratsfrau"]
#: Parties and groups of German, Swiss and Austrian councils, as patterns.
FACTIONS = (
    r"\S*Fraktion\S*(?:\s+\S+){0,4}|CDU|CSU|SPD|GRÜNE|Bündnis\s*90/Die\s+Grünen|FDP|"
    r"DIE\s+LINKE|Linke|AfD|Freie\s+Wähler|FW|ÖDP|Volt|Die\s+PARTEI|SVP|fraktionslos|"
    r"ÖVP|SPÖ|FPÖ|NEOS"  # Austria's
)
#: Words of a session record: "Beginn:", "Anwesend", "Traktanden", "Protokoll über die Sitzung".
EVIDENCE = [
    r"Beginn\s*:",
    r"Ende\s*:",
    r"Anwesend",
    r"Vorsitz",
    r"Traktand",
    r"Tagesordnung",
    r"Sitzung\s+(?:vom|am)\b",
]
EVIDENCE += [r"(?:über\s+die|der|des)\s+(?:\p{L}+\s+)?Sitzung\b"]
#: The head rows of a per-item extract ('Sitzungstermin:', 'Protokollführung:', 'TOP: 1e').
EVIDENCE += [r"Sitzungs(?:termin|datum|art)\s*:", r"Protokollführ", r"TOP\s*:\s*(?:[ÖN]\s*)?\d"]
#: The record's own number: 'Protokoll Nr. 61 vom ...', 'Niederschrift Nr. 12, TOP 1e', 'Niederschrifts-Nr. 66'
#: (a Stuttgart TOP-Protokoll), 'Protokoll-Nr.: 12'.
RECORD_NUMBERS = [
    r"(?:Protokoll|Niederschrift|Sitzungsprotokoll|Verhandlungsschrift)\s+Nr\.\s*(?P<number>\d{1,4})\b",
    r"(?:Protokoll|Niederschrift)s?-?Nr\.?\s*:?\s*(?P<number>\d{1,4})\b",
]
TITLES = ["OB", "OBM", "BM", "EBM", "Oberbürgermeister", "Oberbürgermeisterin", "Bürgermeister", "Bürgermeisterin"]
#: Headings of the table of contents that opens verbatim minutes: 'Tagesordnung', 'Inhalt', 'Inhaltsverzeichnis'.
TOC = [r"Tagesordnung\s*:?\s*$", r"Inhalt(?:sverzeichnis)?\s*:?\s*$", r"Inhaltsübersicht\s*:?\s*$"]
#: Labels of the session's date in a head ('Sitzungstermin:'); 'Sitzungstage: Dienstag, 14. Mai 2024, und
#: ...' dates a session of several days by its first.
DATE_LABELS = [r"Sitzungstermin", r"Sitzungsdatum", r"Sitzungstage?", r"Datum", r"Besprechung\s+am", r"Sitzung\s+am"]
DATE_LABELS += [r"Termin"]
DATE = r"\d{1,2}\.\s*(?:\d{1,2}\.|[\p{L}]+)\s*\d{2,4}"
#: The number of a part heading ('I. Öffentliche Sitzung', 'B. Nichtöffentlicher Teil').
PART_NUMBER = r"(?:(?-i:[IVX]{1,4}|[A-D])\.\s+)?"
PUBLIC_PART = r"öffentliche[rs]?\s+(?:Teil|Sitzung|Tagesordnung|Sitzungsteil)\b"
MONTH = r"(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
#: Head lines that open with a number but are no agenda item: the session ('5. Sitzung des
#: Bauausschusses', '1. ordentliche Sitzung der ...'), a date alone ('12. März 2025', '12. März 2025,
#: 17:00 Uhr') or a time ('17.00 Uhr'), as ALLRIS, SessionNet and Austrian invitations print them
#: above or below 'Tagesordnung'.
HEAD_LINES = [
    r"\d{1,3}\.\s*(?:(?:öffentliche|nicht[\s-]*öffentliche|ordentliche|außerordentliche|konstituierende|"
    r"gemeinsame)\s+)?Sitzung\s+(?:des|der)\b.*",
    rf"\d{{1,2}}\.\s*{MONTH}\s+\d{{4}}\s*(?:,?\s*(?:um\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*Uhr)?)?\s*",
    r"\d{1,2}[:.]\d{2}\s*Uhr(?:\s*(?:bis|-|–)\s*\d{1,2}[:.]\d{2}\s*Uhr)?\s*",  # '17.00 Uhr', a time alone
]
