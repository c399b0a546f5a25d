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
#: A decision's own number, as a label ('Beschluss Nr. 0112/23:') or beside it ('Beschluss:   Beschluss-Nr.
#: SR/045/2024', Saxon and Thuringian minutes): no part of the decision's text.
DECISION_NUMBER = r"Beschluss(?:-|\s+)?(?:Nr\.|Nummer)\s*:?\s*(?:\p{Lu}{1,5}[/-])*\d{1,5}(?:[/-]\d{1,5})*"
DECISION += [DECISION_NUMBER]
#: Labels an advisory council's or a small body's minutes put over an item's decision where they print
#: no 'Beschluss:' ('Ergebnis: Der Seniorenbeirat spricht sich ... aus.', 'Empfehlung an den Ausschuss:
#: Der Ausschuss möge ...', 'Votum des Beirats:'): a decision only in an item without a decision label.
DECISION_FALLBACK = [
    r"Ergebnis",
    r"Empfehlung(?:\s+(?:an\s+)?(?:den|die|das|des|der)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)?",
    r"Votum(?:\s+(?:des|der)\s+[\p{L}-]+)?",
]
VOTE = [r"Abstimmungsergebnis", r"Abstimmung", r"Ergebnis\s+der\s+Abstimmung"]
#: Numbers a vote block prints beside its counts that are no votes cast: the legal number of members,
#: those present or entitled to vote, those biased who took no part (§ 20 SächsGemO, § 38 ThürKO):
#: 'Gesetzliche Anzahl der Mitglieder: 71', 'davon anwesend: 58', 'Befangenheit: 0', or a table's column.
VOTE_ASIDES = [
    r"Gesetzliche\s+(?:Anzahl\s+der\s+(?:Mitglieder|Stimmen)|Mitgliederzahl)",
    r"(?:Gesamt)?[Aa]nzahl\s+der\s+(?:Mitglieder|Stimmberechtigten)",
    r"(?:davon\s+)?(?:stimmberechtigt\s+)?anwesend(?:e(?:\s+Mitglieder)?)?",
    r"Stimmberechtigte?",
    r"(?:davon\s+)?Befangen(?:heit)?",
]
UNANIMOUS = [r"einstimmig", r"ohne\s+Gegenstimmen?"]
ATTENDEES = [r"Anwesend(?:e)?(?:\s+waren)?", r"Teilnehmer(?:innen|\*innen)?", r"Teilnehmende"]
ABSENT = [r"Abwesend", r"Entschuldigt", r"Es\s+fehlt(?:en)?", r"Nicht\s+anwesend", r"Verteiler"]
#: Labels of groups of people present beside the members ('Verwaltung:', 'Von der Verwaltung:', 'Gäste:'),
#: which may follow the excused ('Entschuldigt: ...' / 'Gäste: ...', as a volunteer's minutes order them):
#: the attendance list goes on past the excused at such a label.
PRESENT_GROUPS = [
    r"(?:Von\s+der\s+|Vertreter(?:innen|\*innen)?\s+der\s+)?Verwaltung",
    r"Gäste",
    r"Gast",
    r"Sachkundige\s+(?:Bürger|Einwohner)\p{L}*",
    r"Beratende\s+Mitglieder",
]
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
#: The first word of a stage note in verbatim minutes ('(Beifall bei der SPD)', '(Zuruf von ...: ...)').
STAGE_NOTES = [
    *(r"Beifall", r"Zurufe?", r"Gegenrufe?", r"Heiterkeit", r"Lachen", r"Widerspruch", r"Unruhe"),
    *(r"Zustimmung\s+(?:bei|von)", r"Glocke"),
]
#: Parties and groups of German, Swiss and Austrian councils, as patterns.
FACTIONS = (
    r"\S*Fraktion\S*(?:\s+\S+){0,4}|CDU|CSU|SPD|GRÜNE|Bündnis\s*90/Die\s+Grünen|FDP|"
    # Free voters' groups as Baden-Württemberg and Bavaria name them: FWV, FWG, UWV.
    r"DIE\s+LINKE|Linke|AfD|Freie\s+Wähler|FWV|FWG|UWV|FW|ÖDP|Volt|Die\s+PARTEI|SVP|fraktionslos|"
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
# 'über die öffentliche Sitzung', an invitation's 'zur Sitzung', 'der 29. Sitzung' with its number.
EVIDENCE += [r"(?:über\s+die|zur|der|des)\s+(?:\d{1,3}\.\s*)?(?:\p{L}+\s+)?Sitzung\b"]
# A published notice's sentence: '... findet ... eine öffentliche Sitzung des Gemeinderates statt', its
# session perhaps opening a wrapped line.
EVIDENCE += [r"(?:^\s*|\b(?:eine|die)\s+)(?:\d{1,3}\.\s*)?(?:\p{L}+\s+)?Sitzung\s+(?:des|der)\b"]
# ... and its session at a line's end, the body on the line below ('..., eine öffentliche Sitzung' /
# 'des Kreistages statt.').
EVIDENCE += [r"\b(?:eine\s+|die\s+\d{1,3}\.\s*)(?:\p{L}+\s+)?Sitzung\s*$"]
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
DATE_LABELS += [r"Termin", r"Tag"]  # 'Tag: Dienstag, 14.05.2025' in a small town's head
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

#: Session lines on page 1 (the field's description says what the groups hold).
SESSION_LINES = [
    # SessionNet's invitation: '3. Sitzung Donnerstag, 17.11.2022 18:30 Uhr Mönauschule,'
    rf"(?P<number>\d{{1,3}}\.\s*Sitzung)\s+(?:\p{{L}}+,\s*)?(?P<date>{DATE})\s+(?P<start>\d{{1,2}}[:.]\d{{2}})\s*Uhr"
    r"(?:\s+(?P<location>\S.*))?",
    rf"(?:Protokoll|Niederschrift|Wortprotokoll|Verhandlungsschrift)\s+(?P<number>Nr\.\s*\d+)\s+vom\s+(?:\p{{L}}+,\s*)?(?P<date>{DATE})",
    rf"(?P<number>\d{{1,3}}\.\s*(?:(?:nicht)?öffentliche[nr]?\s+)?Sitzung)\b.*?\b(?:am|vom)\s+(?:\p{{L}}+,\s*)?(?:de[nm]\s+)?(?P<date>{DATE})",
    # 'Protokoll über die öffentliche Sitzung des Gemeinderates vom 5. März 2024', 'Sitzung vom ...',
    # after the body's name and a dash: 'Stadtrat Jena – Protokoll der Sitzung vom ...'.
    rf"^\s*(?:[^–—:|\d]{{3,60}}?\s[–—-]\s+)?(?:Auszug\s+aus\s+(?:der|dem)\s+)?(?:\p{{L}}*(?:protokoll|niederschrift)|Verhandlungsschrift|"
    rf"(?:\p{{L}}+\s+)?Sitzung)\b.*?\b(?:am|vom)\s+(?:\p{{L}}+,\s*)?(?:de[nm]\s+)?(?P<date>{DATE})",
    r"(?P<number>\d{1,3}\.\s*(?:(?:nicht)?öffentliche[nr]?\s+)?Sitzung)\b",
    # The record's number alone on its line, the session's day below it ('Protokoll Nr. 92' /
    # 'Sitzung vom ...'): the number of the session, as in 'Protokoll Nr. 92 vom ...'.
    r"^\s*(?:Protokoll|Niederschrift|Wortprotokoll|Verhandlungsschrift)\s+(?P<number>Nr\.\s*\d+)\s*$",
    # An extract's second head line: 'aus der öffentlichen Sitzung des Bauausschusses vom 12.03.2024'.
    # An invitation's: 'zur öffentlichen Sitzung des Gemeinderats am 12.03.2025'.
    # A decision list's: 'der öffentlichen Sitzung des Gemeinderates am 21.08.2024'; a publication's:
    # 'der in der Sitzung des Bauausschusses vom 12.03.2024 gefassten Beschlüsse'.
    rf"^\s*(?:aus\s+der|über\s+die|zur|der(?:\s+in\s+der)?)\s+(?:\p{{L}}+\s+)?Sitzung\b.*?\b(?:am|vom)\s+(?:\p{{L}}+,\s*)?"
    rf"(?:de[nm]\s+)?(?P<date>{DATE})",
    # The day and place under the session line ('über die öffentliche Sitzung des Gemeinderates' /
    # 'am Donnerstag, 14. März 2024, im Sitzungssaal des Gemeindeamtes').
    rf"^\s*am\s+(?:\p{{L}}+,\s*)?(?P<date>{DATE}),?\s+(?:im|in\s+der|in\s+dem)\s+(?P<location>\p{{Lu}}.*)",
    # ... with the hour, the room in the same sentence or on the line below ('am Dienstag, 12. März
    # 2024, um 19:30 Uhr' / 'im Sitzungssaal des Rathauses').
    rf"^\s*am\s+(?:\p{{L}}+,\s*)?(?P<date>{DATE}),?\s+um\s+(?P<start>\d{{1,2}}[:.]\d{{2}})\s*Uhr,?"
    r"(?:\s+(?:im|in\s+der|in\s+dem)\s+(?P<location>\p{Lu}.*))?\s*$",
]

#: An invitation's sentence that names the session's day, hour and place, read over the lines of
#: its paragraph ('hiermit lade ich Sie zur 7. Sitzung des Ortschaftsrates am Dienstag, 14. Mai
#: 2025, 19:00 Uhr, in das Dorfgemeinschaftshaus, Hauptstraße 3, ein.').
SESSION_SENTENCES = [
    rf"\bSitzung\b.{{0,160}}?\bam\s+(?:\p{{L}}+,\s*)?(?:de[nm]\s+)?(?P<date>{DATE}),?\s+(?:um\s+)?"
    r"(?P<start>\d{1,2}[:.]\d{2})\s*Uhr,?\s+(?:in\s+(?:den|das|die|dem|der)|im|ins)\s+"
    # A changed agenda refers to the invitation: '... im Ratssaal, habe ich Sie mit Schreiben vom ... eingeladen.'
    r"(?P<location>\p{Lu}.{2,120}?),?\s+(?:ein|statt|(?:habe|hatte)\s+ich)\b",
    # A published notice's: 'Am Dienstag, 14. Mai 2025, findet um 19:00 Uhr im Sitzungssaal des
    # Rathauses, Markt 1, eine öffentliche Sitzung des Gemeinderates statt.'
    rf"\bAm\s+(?:\p{{L}}+,\s*)?(?:de[nm]\s+)?(?P<date>{DATE}),?\s+findet\s+(?:um\s+)?(?P<start>\d{{1,2}}[:.]\d{{2}})\s*Uhr,?\s+"
    r"(?:in\s+(?:den|das|die|dem|der)|im)\s+(?P<location>\p{Lu}.{2,120}?),\s+(?:die|eine)\s+(?:(?P<number>\d{1,3}\.)\s*)?"
    r".{0,60}?\bSitzung\b"
    r".{0,160}?\bstatt\b",
]

#: A sub-item's number glued to its title ('3.1Bauabschnitt Nord'): a word processor's tab after a
#: number wider than its indent collapsed; a title word of four letters or more follows.
GLUED = r"(?<=\d\.\d{1,2})(?=(?-i:\p{Lu}\p{Ll}{3}))"
#: After 'TOP' any number may be glued to its title so ('TOP 10Aufhebung der ...').
GLUED_MARKED = r"(?<=\d)(?=(?-i:\p{Lu}\p{Ll}{3}))"
#: A number wider than its indent whose tab ran on to the next stop, the paper column's, and drew
#: that stop's dot leader before the title ('TOP 2.2 ........ Bauabschnitt Nord').
LEADER_TAB = r"\s*(?:\.\s?){4,}\s*(?=(?-i:[\p{Lu}„\"]))"
#: Agenda item lines (the field's description says which is preferred where).
ITEM_LINES = [
    # 'TOP 3', 'TOP Ö 3', 'Traktandum 4' (Swiss), 'Tagesordnungspunkt 5', 'Punkt 5'; sub-items
    # '3.1' or '3 a'; in minutes also 'Zu Punkt 3 der Tagesordnung', 'TOP 5 – Title'. The
    # title starts with a capital, a digit or a quote, whatever the flags. Two items
    # treated under one heading keep both numbers ('TOP 2 und 3: ...').
    r"(?:Zu\s+)?(?:TOP|Traktandum|Tagesordnungspunkt|Punkt)\s*(?P<number>(?:[ÖN]\s*)?\d{1,2}(?:\.\d{1,2})*"
    r"(?:\s?(?-i:[a-z])(?=[\s).]))?(?:\s+(?:und|u\.|\+|&|bis)\s+\d{1,2}(?:\.\d{1,2})*)?)"
    rf"(?:\s+der\s+Tagesordnung)?[.)]?\s*[:.–—-]?(?:{LEADER_TAB}|\s+|{GLUED_MARKED})"
    r"(?P<title>(?-i:[\p{Lu}\d„\"]).*)",
    r"(?P<number>(?:[ÖN]\s*)?\d{1,2}(?:\.\d{1,2})*(?:\s?(?-i:[a-z])(?=[\s).]))?)[.)]?"
    rf"(?:{LEADER_TAB}|\s+|{GLUED})(?P<title>(?-i:[\p{{Lu}}„\"]).*)",
    # Roman numbers ('III. Bericht der Verwaltung'), with their full stop.
    r"(?P<number>(?-i:[IVX]{1,5}))\.\s+(?P<title>(?-i:[\p{Lu}„\"]).*)",
]

#: Paper numbers in an item (the field's description says where they stand).
PAPER_NUMBERS = [
    # 'Vorlage 1234/2023', 'Drucksache 21/1234', 'Ds. 3456/2019', 'Vorlage: VO/2022/123',
    # Swiss 'Geschäftsnummer 20/MO 12/123'.
    r"\b(?:Vorlage|Beschlussvorlage|Drucksache|Drs\.|Ds\.|DS|Antrag|Anfrage|Mitteilung|Geschäftsnummer|"
    # A Gemeinderat's paper ('GRDrs 123/2025', 'GR-Drs. 123/2025').
    # Its number label may be joined by a hyphen ('DS-Nr. 2025/072', 'Vorlage-Nr.: 12/2024').
    r"Geschäfts-Nr\.|GR-?Drs\.?|Gemeinderatsdrucksache)\s*(?:-?Nr\.\s*)?:?\s*"
    # A version after a full stop ('Drs. 21-3920.1', the amended paper) is part of the number.
    # A letter code may stand apart by a space, in capitals: 'Vorlage: GR 2024/049'.
    r"(?P<number>\d{1,4}/\p{Lu}{1,4}\s?\d{1,5}/\d{1,5}|(?:[\p{Lu}]{1,5}[/-]|(?-i:\p{Lu}{1,5})\s)?\d[\d]*(?:[/-]\d+)+"
    r"(?:\.\d{1,2}(?![\d.]))?)",
    r"\((?P<number>\d{1,4}/\p{Lu}{1,4}\s?\d{1,5}/\d{1,5})\)",  # Swiss, after the title: '(20/GE 23/440)'
    # A bare number in parentheses at the end of a title: '(0112/23)', '(AN/0123/2022)'.
    r"\((?P<number>(?:\p{Lu}{1,5}/)?\d{2,5}(?:/\d{2,5}){1,2})\)\s*$",
    r"^(?P<number>\d{1,4}/\p{Lu}{1,4}\s?\d{1,5}/\d{1,5})$",  # Swiss, alone in a cell
    r"^(?P<number>(?:[\p{Lu}]{1,5}[/-])?\d{1,5}(?:[/-]\d{1,5}){1,2}(?:-\d{1,3})?(?:\.\d{1,2})?)$",
]
