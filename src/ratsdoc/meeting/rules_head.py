"""The meeting vocabulary of a document's head: the type words and session words that make a meeting
document, the body, issuer and public of its cover, the header labels and session lines, the
record's own number and the item line of a per-item extract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .defaults import DATE_LABELS, EVIDENCE, RECORD_NUMBERS, SESSION_LINES, SESSION_SENTENCES
from .rules_patterns import Patterns


class HeadRules(BaseModel):
    """The head part of :class:`~.rules.MeetingRules` (all patterns case-insensitive)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    types: list[str] = Field(
        default_factory=lambda: [
            "Einladung",
            "Tagesordnung",
            "Niederschrift",
            "Protokoll",
            "Sitzungsprotokoll",
            "Beschlussprotokoll",
            "Ergebnisprotokoll",
            "Verhandlungsschrift",
            "Wortprotokoll",
            "Abstimmungsprotokoll",
            # The minutes of one item, as council information systems publish them per agenda item.
            "Beschlussauszug",
            "Protokollauszug",
            # A faction's or a committee's list of recommendations on the items of a session.
            "Beschlussempfehlungen",
            # The decisions of a session as published after it: 'Beschlussübersicht', 'Bekanntgabe der
            # Beschlüsse', 'Öffentliche Bekanntmachung der in der Sitzung ... gefassten Beschlüsse'.
            "Beschlussübersicht",
            "Bekanntgabe",
            "Bekanntmachung",
        ],
        description="Document types that are meeting documents (kind 'meeting').",
    )
    changed_agenda_types: list[str] = Field(
        default_factory=lambda: [
            "Nachtrag zur Tagesordnung",
            "Nachtrag zur Einladung",
            "Ergänzung der Tagesordnung",
            "Ergänzung zur Tagesordnung",
            "Erweiterung der Tagesordnung",
            "Änderung der Tagesordnung",
            "Geänderte Tagesordnung",
            "Nachtragstagesordnung",
        ],
        description="Headings of a document that changes a session's agenda after its Einladung went out, read "
        "as a whole (a type of their own, written before the session): its items are the agenda's changes.",
    )
    agenda_types: list[str] = Field(
        default_factory=lambda: ["Einladung", "Tagesordnung", "Beschlussempfehlungen"],
        description="Meeting types written before the session (no decisions, votes or attendance to read).",
    )
    session_evidence: Patterns = Field(
        default_factory=lambda: list(EVIDENCE),
        description="Words of a session record on page 1 (searched in its first lines); two of them, or one "
        "and a session line, make a page whose heading starts with a type word a meeting document.",
    )
    body_nouns: list[str] = Field(
        default_factory=lambda: [
            "rat",
            "ausschuss",
            "beirat",
            "vertretung",
            "versammlung",
            "kreistag",
            "kommission",
            "gremium",
            "senat",
            "konferenz",
            "parlament",  # Swiss 'Stadtparlament', 'Gemeindeparlament'
            "bürgerschaft",  # the council of a Hanseatic town ('Sitzung der Bürgerschaft')
        ],
        description="Ends of the words that name a deciding body ('Gemeinderat', 'Bauausschuss', "
        "'Bezirksvertretung'): a session's body names one.",
    )
    body_phrases: Patterns = Field(
        default_factory=lambda: [
            r"Sitzung\s+(?:des|der)\s+(?P<body>.+)",
            r"(?:Protokoll|Niederschrift|Verhandlungsschrift|Sitzungsprotokoll|Beschlussprotokoll|Wortprotokoll)"
            r"\s+(?:des|der)\s+(?P<body>.+)",
            # A head row 'Gremium: ...', or a per-item extract's 'Protokoll: Gemeinderat der Landeshauptstadt ...'.
            r"^\s*(?:Gremium|Organ|Protokoll|Niederschrift)\s*:\s*(?P<body>.+)",
            r"Sitzung\s+(?P<body>.+)",  # '1. öffentliche Sitzung Stadtteilbeirat Büchenbach'
        ],
        description="Where a session line names its body ('Sitzung des Gemeinderates', 'Protokoll des "
        "Gemeinderats'); the group body runs to the first word that is not part of a name.",
    )
    body_labels: Patterns = Field(
        default_factory=lambda: [r"Gremium", r"Organ"],
        description="Labels of a head row that names the body and may stand without a colon: a web page's "
        "'Gremium' cell beside the committee's name, or the term set over it.",
    )
    originator_lines: Patterns = Field(
        default_factory=lambda: [
            r"(?P<originator>(?:Stadt|Gemeinde|Markt|Landkreis|Kreis|Kanton|Hansestadt|Landeshauptstadt|"
            # A place's name may open with an abbreviation ('Kanton St. Gallen', 'Stadt St. Ingbert').
            r"Bezirksamt|Stadtverwaltung|Gemeindeverwaltung|Marktgemeinde|Stadtgemeinde)\s+(?:\p{Lu}\p{Ll}{1,2}\.\s*)?"
            r"\p{Lu}[\p{L}-]+"
            r"(?:\s+\p{Lu}[\p{L}-]+)?"
            # A place named by its river or region: 'Weilheim an der Teck', 'Frankfurt am Main'.
            r"(?:\s+(?:an|am|im|in|ob)(?:\s+der)?\s+\p{Lu}[\p{L}.-]+)?)\s*$",
        ],
        description="The issuer at the end of a short head line of page 1 ('Stadt Erlangen', "
        "'Einladung   Stadt Erlangen'); matched with case, so a signature in capitals is not one.",
    )
    head_fields: list[str] = Field(
        default_factory=lambda: ["body", "originator", "public"],
        description="Cover fields the meeting reader reads from the head of a meeting document (and warns "
        "about when missing); a profile whose own value patterns read them lists none.",
    )
    record_prefixes: Patterns = Field(
        default_factory=lambda: [r"Auszug\s+aus\s+(?:der|dem)", r"Öffentliche", r"Dringlichkeitsvorlage\s*[–—-]"],
        description="Words before a type word in the heading of a record's extract ('Auszug aus der Niederschrift') "
        "or of a publication ('Öffentliche Bekanntmachung'), or before a changed agenda's heading "
        "('Dringlichkeitsvorlage – Erweiterung der Tagesordnung').",
    )
    record_numbers: Patterns = Field(
        default_factory=lambda: list(RECORD_NUMBERS),
        description="The record's own number in its head ('Protokoll Nr. 61 vom ...'): the paper's number, "
        "which the golden conventions keep apart from the session's number (meeting.number, '5. Sitzung') "
        "and from the numbers of the papers it names.",
    )
    item_heads: Patterns = Field(
        default_factory=lambda: [
            # The one item of a record's extract: 'Niederschrift Nr. 12, TOP 1e', 'TOP: 1e', 'TOP Ö 3 Titel'.
            r"(?:^|,\s*|\s)(?:TOP|Tagesordnungspunkt)\s*:?\s*(?P<number>(?:[ÖN]\s*)?\d{1,2}(?:\.\d{1,2})*"
            r"(?-i:[a-z])?)\s*(?::\s*|\s+(?=\p{Lu}|„)|$)(?P<title>.*)$",
        ],
        description="The item line of a record's extract (one agenda item): groups number and title (the "
        "title may follow on the next line or under 'Betreff:').",
    )
    item_title_labels: Patterns = Field(
        default_factory=lambda: [r"Betreff", r"Gegenstand", r"Thema"],
        description="Labels of the item's title in a record's extract ('Betreff: ...').",
    )
    public_sessions: Patterns = Field(
        default_factory=lambda: [
            r"(?P<not>nicht[\s-]*)?öffentliche[nr]?\s+(?:\p{L}*sitzung|Tagesordnung)\b",
            r"Sitzungsart\s*:\s*(?P<not>nicht[\s-]*)?öffentlich\b",  # a head row
        ],
        description="Words that call the session public or not ('Protokoll der öffentlichen Sitzung', "
        "'nichtöffentliche Sitzung'); the group not marks a non-public one.",
    )
    header_labels: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "date": list(DATE_LABELS),
            "start": [r"Beginn", r"Sitzungsbeginn", r"Uhrzeit", r"Zeit"],
            "end": [r"Ende", r"Sitzungsende", r"Schluss"],
            "location": [r"Sitzungsort", r"Tagungsort", r"Ort", r"Raum", r"Sitzungsraum"],
            "number": [r"Sitzungsnummer", r"Sitzung\s+Nr\.?", r"Sitzungs-Nr\.?"],
        },
        description="Labels of the header block ('Beginn: 18:30 Uhr') per meeting field.",
    )
    gazette_heads: Patterns = Field(
        default_factory=lambda: [
            r"(?:Amts-\s+und\s+Mitteilungsblatt|Amtsblatt|Amtliche\s+Bekanntmachungen|Mitteilungsblatt"
            r"|Amtlicher\s+Anzeiger)\b"
        ],
        description="A gazette's name opening page 1: the session's notice is one of several notices in it.",
    )
    package_heads: Patterns = Field(
        default_factory=lambda: [
            r"(?:Sitzungsunterlagen|Sitzungsmappe|Gesamtdokument|Sitzungspaket|Sitzungsdokumente|Gesamtsitzungsmappe)\b"
        ],
        description="A session package's name on its cover sheet (page 1): the Einladung and the items' papers "
        "follow in one file.",
    )
    paper_heads: Patterns = Field(
        default_factory=lambda: [
            # A paper's type alone or with its number: 'Beschlussvorlage', 'Vorlage 2025/031', 'Antrag Nr. 12/2025'.
            r"(?:Beschluss|Mitteilungs|Informations|Berichts|Verwaltungs)?vorlage(?:\s+(?:Nr\.\s*)?\S+)?",
            r"(?:Drucksache|Antrag|Anfrage)(?:\s+(?:Nr\.\s*)?\S+)?",
            # The minutes of the last session bound for the item that approves them.
            r"(?:Niederschrift|Protokoll|Sitzungsniederschrift)",
        ],
        description="The heading of a paper bound after a meeting document in one file (matched as a whole "
        "line at the top of a page): with :attr:`paper_signs` the meeting document ends before that page.",
    )
    paper_signs: Patterns = Field(
        default_factory=lambda: [
            # Its number's label, also at the right of a letterhead's line ('Hauptamt   Vorlage-Nr.: 2025/031').
            r"(?:^|\s)(?:Vorlage|Beschlussvorlage|Drucksache|Antrag|DS)[\s-]*(?:Nr\.?|Nummer)\s*:?\s*\S",
            r"^\s*(?:Betreff|Beratungsfolge|Gegenstand)\b",
            r"^\s*über\s+die\s+(?:\d{1,3}\.\s*)?(?:(?:nicht)?öffentliche\s+)?Sitzung\b",
            r"^\s*(?:Sitzungstermin|Sitzungstag|Sitzungsdatum)\s*:",
        ],
        description="Other signs of a paper's head beside its heading (searched in the lines of the page's head).",
    )
    session_patterns: Patterns = Field(
        default_factory=lambda: list(SESSION_LINES),
        description="Session lines on the first page with optional groups number, date, start, location.",
    )
    session_sentences: Patterns = Field(
        default_factory=lambda: list(SESSION_SENTENCES),
        description="Sentences of running text on the first page that name the session's date, start and "
        "location (groups of those names), searched in a paragraph's lines joined.",
    )

    @field_validator("head_fields")
    @classmethod
    def _known_fields(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - {"body", "originator", "public"})
        if unknown:
            raise ValueError(f"head_fields names fields the head does not give: {', '.join(unknown)}")
        return value
