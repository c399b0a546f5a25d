"""The meeting vocabulary of an agenda: part and agenda headings, the heading row of an agenda table,
item lines, head lines that are no item, paper numbers, the table of contents of verbatim minutes,
and the words that end a title or stand beside it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .defaults import HEAD_LINES, ITEM_LINES, PAPER_NUMBERS, PART_NUMBER, PUBLIC_PART, SIDE_LABELS, TOC
from .rules_patterns import Patterns


class AgendaRules(BaseModel):
    """The agenda part of :class:`~.rules.MeetingRules` (all patterns case-insensitive)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    public_parts: Patterns = Field(
        default_factory=lambda: [rf"{PART_NUMBER}{PUBLIC_PART}"],
        description="Headings that open the public part.",
    )
    nonpublic_parts: Patterns = Field(
        default_factory=lambda: [
            rf"{PART_NUMBER}Nicht[\s-]*{PUBLIC_PART}",
            # A publication's decisions of the closed session: 'Bekanntgabe von Beschlüssen aus
            # nichtöffentlicher Sitzung', 'In nichtöffentlicher Sitzung gefasste Beschlüsse'.
            r"(?:Bekanntgabe\s+(?:von|der)\s+)?(?:in\s+)?Beschlüss(?:e|en)\s+aus\s+(?:der\s+)?nicht[\s-]*öffentliche[rn]?\s+Sitzung",
            r"in\s+nicht[\s-]*öffentlicher\s+Sitzung\s+gefasste\s+Beschlüsse",
        ],
        description="Headings that open the non-public part.",
    )
    part_headings: list[str] = Field(
        default_factory=lambda: [
            f"{part} {word}"
            for part, words in (
                ("Öffentliche", ("Sitzung", "Tagesordnung")),
                ("Nichtöffentliche", ("Sitzung", "Tagesordnung")),
                ("Nicht öffentliche", ("Sitzung", "Tagesordnung")),
                ("Öffentlicher", ("Teil",)),
                ("Nichtöffentlicher", ("Teil",)),
                ("Nicht öffentlicher", ("Teil",)),
            )
            for word in words
        ],
        description="Part headings as printed, to which a short line that OCR misread is snapped "
        "('Nichtöffenüliche Sitzung'); each must match public_parts or nonpublic_parts.",
    )
    session_kinds: Patterns = Field(
        default_factory=lambda: [
            r"(?:Au(?:ß|ss)er)?ordentliche[rn]?\b",  # 'Ordentliche Sitzung' snaps to 'Öffentliche Sitzung'
            r"Konstituierende[rn]?\b",
            r"Gemeinsame[rn]?\b",
        ],
        description="Words that name a session's kind ('Ordentliche Sitzung'): a short line opening with "
        "one is never snapped to a part heading, however close it reads.",
    )
    agenda_headings: Patterns = Field(
        default_factory=lambda: [
            r"(?:(?:Nicht[\s-]*)?Öffentliche\s+)?Tagesordnung\b",
            r"Traktandenliste\b",  # Swiss
            r"(?:Nicht[\s-]*)?Öffentlicher\s+Teil\b",
        ],
        description="Headings that open the agenda list of an invitation.",
    )
    task_table_heads: Patterns = Field(
        default_factory=lambda: [
            r"(?:(?:Nr\.?|lfd\.\s*Nr\.?)\s+)?(?:Was|Aufgabe|Maßnahme|Thema)\s+(?:Wer|Zuständig(?:keit)?|Verantwortlich)"
            r"\s+(?:Bis\s+wann|Termin|Frist|Erledigung(?:\s+bis)?)\b.*",
        ],
        description="Heading rows of a table of tasks agreed in a session ('Was | Wer | Bis wann', 'Aufgabe | "
        "Zuständig | Termin'): its rows, numbered or not, are no agenda items.",
    )
    withdrawn_marks: Patterns = Field(
        default_factory=lambda: [r"abgesetzt", r"entfällt", r"zurückgezogen", r"vertagt", r"gestrichen"],
        description="Words after an item's title on a changed agenda ('– abgesetzt –', '(entfällt)') that take "
        "the item off the session's agenda: it is no item of it.",
    )
    withdrawn_headings: Patterns = Field(
        default_factory=lambda: [
            r"(?:Von\s+der\s+Tagesordnung\s+)?abgesetzt\s+(?:werden|wird)\b",
            r"(?:Es\s+)?entfallen\b",
            r"Zurückgezogen\s+(?:werden|wird|wurden?)\b",
            r"Folgende\s+(?:Punkte|Tagesordnungspunkte)\s+(?:werden|entfallen)\s+(?:abgesetzt|vertagt)?",
        ],
        description="A changed agenda's heading over the items it takes off the agenda: those are no items.",
    )
    change_headings: Patterns = Field(
        default_factory=lambda: [
            r"Neu\s+aufgenommen\s+(?:werden|wird)\b",
            r"Ergänzt\s+(?:werden|wird)\b",
            r"Geänderte\s+Reihenfolge\b",
            # The sentence that leads to the changes: '... die Tagesordnung wird wie folgt ergänzt:' (its last
            # line may hold the verb alone).
            r"(?:.*\s)?(?:(?:wie\s+)?folgt\s+)?(?:ergänzt|geändert|erweitert|berichtigt)\s*:\s*$",
        ],
        description="A changed agenda's headings over the items it adds or moves (they end a list of withdrawn ones).",
    )
    new_marks: Patterns = Field(
        default_factory=lambda: [r"\(\s*neu\s*\)", r"[–—-]\s*neu\s*[–—-]?", r"\*+"],
        description="Marks after a new item's title on a changed agenda ('(neu)', an asterisk): no part of the title.",
    )
    moved_notes: Patterns = Field(
        default_factory=lambda: [
            r"[–—-]?\s*wird\s+als\s+(?:TOP|Punkt|Tagesordnungspunkt)\s*(?P<number>[ÖN]?\s*\d{1,2}(?:\.\d{1,2})*[a-z]?)"
            r"\s+(?:behandelt|beraten|aufgerufen)\.?",
            r"\(\s*bisher\s+(?:TOP|Punkt|Tagesordnungspunkt)\s*[ÖN]?\s*\d{1,2}(?:\.\d{1,2})*[a-z]?\s*\)",
        ],
        description="Notes after a moved item's title on a changed agenda: the number it is now dealt with under "
        "(group ``number``) or the one it had; no part of the title.",
    )
    agenda_number_headings: Patterns = Field(
        default_factory=lambda: [
            r"(?-i:TOP?|TOP-Nr\.?|Top|Tagesordnungspunkt|Pkt\.|Punkt)",
            # 'Nr.' only before a subject's heading: 'Nr.  Bezeichnung  Betrag' is a paper's cost table.
            r"(?-i:Nr\.)(?=\s+(?:Gegenstand|Betreff|Beratungsgegenstand)\b)",
        ],
        description="Headings of an agenda table's item column ('TO', 'TOP', 'Pkt.'). With a title "
        "column heading (agenda_title_headings) a few headings after it ('Drucksache', 'Vorlage' may "
        "stand between), they make the heading row of an agenda table on page 1: a document with one "
        "over numbered items is an agenda (kind 'meeting') even where no type word names it.",
    )
    agenda_decision_headings: Patterns = Field(
        default_factory=lambda: [
            r"Beschluss",
            r"Ergebnis",
            r"Beschluss\s*/\s*Ergebnis",
            r"Beschlussergebnis",
            r"Beratungsergebnis",
            r"Entscheidung",
        ],
        description="Whole headings of an agenda table's column right of the title that holds the item's "
        "decision (a session's published decision list, 'Beschlussübersicht'). A recommendation "
        "('Beschlussempfehlung') is none.",
    )
    agenda_vote_headings: Patterns = Field(
        default_factory=lambda: [
            r"Abstimmung",
            r"Abstimmungsergebnis",
            r"Ja\s*/\s*Nein(?:\s*/\s*Enth(?:\.|altung(?:en)?))?",
        ],
        description="Whole headings of an agenda table's column right of the title that holds the item's "
        "vote; one that names the counts in order ('Ja/Nein/Enth.') reads a cell '12/3/1' in that order.",
    )
    agenda_title_headings: Patterns = Field(
        default_factory=lambda: [r"Titel", r"Betreff", r"Gegenstand", r"Beratungsgegenstand", r"Bezeichnung"],
        description="Headings of an agenda table's title column: the columns right of it are no part of a title.",
    )
    agenda_paper_headings: Patterns = Field(
        default_factory=lambda: [
            r"Vorlage",
            r"Drucksache",
            r"Drs\.",
            r"Ds\.",
            r"Vorlagen-?Nr\.?",
            r"DS-?Nr\.?",  # a small town's 'DS-Nr.' (Drucksache)
            r"Geschäft",
            r"GR-?Drs\.?",  # Stuttgart's Gemeinderatsdrucksache
        ],
        description="Headings of an agenda table's paper column ('Vorlage'): kept with the item wherever it stands.",
    )
    agenda_table_type: str = Field(
        default="Tagesordnung",
        description="The type of a document known as an agenda by its table's heading row alone.",
    )
    item_patterns: Patterns = Field(
        default_factory=lambda: list(ITEM_LINES),
        description="Agenda item lines with groups number and title; the first pattern (with "
        "'TOP') is preferred in a document that has such lines, the others only in the agenda list "
        "or, in minutes without one, where the numbers run in sequence.",
    )
    head_lines: Patterns = Field(
        default_factory=lambda: list(HEAD_LINES),
        description="Whole lines that look like a numbered agenda item but belong to the session's head "
        "(the session line, a date alone): never an item.",
    )
    paper_number_patterns: Patterns = Field(
        default_factory=lambda: list(PAPER_NUMBERS),
        description="Paper numbers in an item: after a keyword in the title, in parentheses after it, "
        "or a right-hand cell or a line under the title that is nothing but a paper number.",
    )
    toc_headings: Patterns = Field(
        default_factory=lambda: list(TOC),
        description="Headings alone on a line over the table of contents that opens verbatim minutes.",
    )
    year_words: Patterns = Field(
        default_factory=lambda: [
            r"\p{L}*jahre?s?",  # 'Haushaltsjahre 2023/2024', 'Schuljahr', 'Wirtschaftsjahres'
            r"\p{L}*haushalte?s?",  # 'Doppelhaushalt 2025/2026'
            r"Spielzeit",
            r"Saison",
            r"\p{L}*periode",  # 'Wahlperiode'
            r"für",
            r"bis",
        ],
        description="Words after which a span of consecutive years ('Haushaltsjahre 2023/2024') belongs to "
        "the title, not a paper number.",
    )
    plot_words: Patterns = Field(
        default_factory=lambda: [
            r"Fl\.\s?-?\s?Nr\.?",  # 'Fl.Nr. 123/4' (Bavaria's plot number)
            r"Flur(?:stücks?)?-?(?:nummer|Nr\.?)",
            r"Flurstücke?s?",
            r"Flst\.(?:\s?-?Nr\.?)?",
            r"Bebauungsplan(?:es|s)?\s+Nr\.?",
        ],
        description="Words after which a number in a title is a plot's or a plan's ('Fl.Nr. 123/4', "
        "'Flurstück 45/2'), never a paper's: no reason to doubt the item.",
    )
    title_open_ends: list[str] = Field(
        default_factory=lambda: [
            *("und", "oder", "sowie", "bzw.", "der", "die", "das", "des", "den", "dem", "ein", "eine", "einer"),
            *("eines", "für", "zur", "zum", "mit", "von", "vom", "im", "in", "an", "am", "auf", "über", "zu"),
            *("bei", "nach", "aus", "gegen", "zwischen"),
        ],
        description="Words an agenda title cannot end with: a title that does was cut (a warning).",
    )
    agenda_side_labels: Patterns = Field(
        default_factory=lambda: list(SIDE_LABELS),
        description="Labels of a line under an agenda item's title that names who reports on it "
        "('Berichterstattung: Bürgermeister Bauer'): no part of the title.",
    )
