"""What a profile says about meeting documents: their types, header labels, agenda, vote and
attendance vocabulary. The defaults cover common German practice (SessionNet, ALLRIS and
hand-made minutes); a profile's ``[meeting]`` table replaces any list."""

from __future__ import annotations

from functools import cached_property

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .defaults import (
    ABSENT,
    ATTENDEES,
    DATE_LABELS,
    DECISION,
    EVIDENCE,
    FACTIONS,
    HEAD_LINES,
    ITEM_LINES,
    PAPER_NUMBERS,
    PART_NUMBER,
    PUBLIC_END,
    PUBLIC_PART,
    RECORD_NUMBERS,
    SALUTATIONS,
    SESSION_LINES,
    SIDE_LABELS,
    STAGE_NOTES,
    TITLES,
    TOC,
    UNANIMOUS,
    VOTE,
)

_FLAGS = regex.IGNORECASE | regex.VERSION1


def _problem(pattern: str) -> str | None:
    """Why ``pattern`` does not compile, or None."""
    try:
        regex.compile(pattern, _FLAGS)
    except regex.error as exc:
        return str(exc)
    return None


def _any(patterns: list[str], *, anchored: bool = True) -> regex.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
    return regex.compile(rf"^\s*(?:{body})" if anchored else body, _FLAGS)


class MeetingRules(BaseModel):
    """The meeting vocabulary of a profile (all patterns case-insensitive)."""

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
        ],
        description="Document types that are meeting documents (kind 'meeting').",
    )
    agenda_types: list[str] = Field(
        default_factory=lambda: ["Einladung", "Tagesordnung", "Beschlussempfehlungen"],
        description="Meeting types written before the session (no decisions, votes or attendance to read).",
    )
    session_evidence: list[str] = Field(
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
        ],
        description="Ends of the words that name a deciding body ('Gemeinderat', 'Bauausschuss', "
        "'Bezirksvertretung'): a session's body names one.",
    )
    body_phrases: list[str] = Field(
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
    originator_lines: list[str] = Field(
        default_factory=lambda: [
            r"(?P<originator>(?:Stadt|Gemeinde|Markt|Landkreis|Kreis|Kanton|Hansestadt|Landeshauptstadt|"
            # A place's name may open with an abbreviation ('Kanton St. Gallen', 'Stadt St. Ingbert').
            r"Bezirksamt|Stadtverwaltung|Gemeindeverwaltung|Marktgemeinde|Stadtgemeinde)\s+(?:\p{Lu}\p{Ll}{1,2}\.\s*)?"
            r"\p{Lu}[\p{L}-]+"
            r"(?:\s+\p{Lu}[\p{L}-]+)?)\s*$",
        ],
        description="The issuer at the end of a short head line of page 1 ('Stadt Erlangen', "
        "'Einladung   Stadt Erlangen'); matched with case, so a signature in capitals is not one.",
    )
    head_fields: list[str] = Field(
        default_factory=lambda: ["body", "originator", "public"],
        description="Cover fields the meeting reader reads from the head of a meeting document (and warns "
        "about when missing); a profile whose own value patterns read them lists none.",
    )
    record_prefixes: list[str] = Field(
        default_factory=lambda: [r"Auszug\s+aus\s+(?:der|dem)"],
        description="Words before a type word in the heading of a record's extract ('Auszug aus der Niederschrift').",
    )
    record_numbers: list[str] = Field(
        default_factory=lambda: list(RECORD_NUMBERS),
        description="The record's own number in its head ('Protokoll Nr. 61 vom ...'): the paper's number, "
        "which the golden conventions keep apart from the session's number (meeting.number, '5. Sitzung') "
        "and from the numbers of the papers it names.",
    )
    titles: list[str] = Field(
        default_factory=lambda: list(TITLES),
        description="Official titles before a name in a head row ('Vorsitz: OB Kuhn'): not part of the name.",
    )
    item_heads: list[str] = Field(
        default_factory=lambda: [
            # The one item of a record's extract: 'Niederschrift Nr. 12, TOP 1e', 'TOP: 1e', 'TOP Ö 3 Titel'.
            r"(?:^|,\s*|\s)(?:TOP|Tagesordnungspunkt)\s*:?\s*(?P<number>(?:[ÖN]\s*)?\d{1,2}(?:\.\d{1,2})*"
            r"(?-i:[a-z])?)\s*(?::\s*|\s+(?=\p{Lu}|„)|$)(?P<title>.*)$",
        ],
        description="The item line of a record's extract (one agenda item): groups number and title (the "
        "title may follow on the next line or under 'Betreff:').",
    )
    item_title_labels: list[str] = Field(
        default_factory=lambda: [r"Betreff", r"Gegenstand", r"Thema"],
        description="Labels of the item's title in a record's extract ('Betreff: ...').",
    )
    public_sessions: list[str] = Field(
        default_factory=lambda: [
            r"(?P<not>nicht[\s-]*)?öffentliche[nr]?\s+(?:\p{L}*sitzung|Tagesordnung)\b",
            r"Sitzungsart\s*:\s*(?P<not>nicht[\s-]*)?öffentlich\b",  # a head row
        ],
        description="Words that call the session public or not ('Protokoll der öffentlichen Sitzung', "
        "'nichtöffentliche Sitzung'); the group not marks a non-public one.",
    )
    verbatim_types: list[str] = Field(
        default_factory=lambda: ["Wortprotokoll"],
        description="Types whose body is speaker turns (speeches are read).",
    )
    verbatim_if_turns: list[str] = Field(
        default_factory=lambda: ["Verhandlungsschrift"],
        description="Types that name minutes as well as verbatim records (an Austrian Gemeinderat's "
        "Verhandlungsschrift is its minutes, a Landtag's its debate): verbatim only where the text reads "
        "as verbatim minutes (``verbatim_if_min_turns`` speaker turns with a role or faction).",
    )
    verbatim_if_min_turns: int = Field(
        default=2,
        description="Speaker turns with a role or faction that make a document of a type in "
        "``verbatim_if_turns`` verbatim minutes.",
    )
    verbatim_min_turns: int = Field(
        default=6,
        description="Speaker turns with a role or faction that make a document without a type word "
        "verbatim minutes (with a session line on page 1).",
    )
    head_roles: list[str] = Field(
        default_factory=lambda: [
            r"Vorsitz",
            r"Vorsitzende[r]?",
            r"Protokoll",
            r"Protokollführung",
            r"Schriftführer(?:in)?",
        ],
        description="Head rows that name a person and their role in the meeting ('Vorsitz  Andreas Zuber, "
        "Präsident'); read as attendees when no attendance list names anyone.",
    )
    decision_headings: list[str] = Field(
        default_factory=lambda: [r"Beschlussfassung", r"Schlussabstimmung", r"Beschluss", r"Abstimmung"],
        description="Headings alone on a line whose next paragraph is the item's result ('Beschlussfassung' / "
        "'Der Antrag wird mit 59:55 Stimmen erheblich erklärt.').",
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
    session_patterns: list[str] = Field(
        default_factory=lambda: list(SESSION_LINES),
        description="Session lines on the first page with optional groups number, date, start, location.",
    )
    public_end: list[str] = Field(
        default_factory=lambda: list(PUBLIC_END),
        description="Phrases of verbatim minutes that close the public part: the items read before them are public.",
    )
    public_parts: list[str] = Field(
        default_factory=lambda: [rf"{PART_NUMBER}{PUBLIC_PART}"],
        description="Headings that open the public part.",
    )
    nonpublic_parts: list[str] = Field(
        default_factory=lambda: [rf"{PART_NUMBER}Nicht[\s-]*{PUBLIC_PART}"],
        description="Headings that open the non-public part.",
    )
    agenda_headings: list[str] = Field(
        default_factory=lambda: [
            r"(?:(?:Nicht[\s-]*)?Öffentliche\s+)?Tagesordnung\b",
            r"Traktandenliste\b",  # Swiss
            r"(?:Nicht[\s-]*)?Öffentlicher\s+Teil\b",
        ],
        description="Headings that open the agenda list of an invitation.",
    )
    agenda_number_headings: list[str] = Field(
        default_factory=lambda: [r"(?-i:TOP?|TOP-Nr\.?|Top|Tagesordnungspunkt|Pkt\.|Punkt)"],
        description="Headings of an agenda table's item column ('TO', 'TOP', 'Pkt.'). With a title "
        "column heading (agenda_title_headings) a few headings after it ('Drucksache', 'Vorlage' may "
        "stand between), they make the heading row of an agenda table on page 1: a document with one "
        "over numbered items is an agenda (kind 'meeting') even where no type word names it.",
    )
    agenda_title_headings: list[str] = Field(
        default_factory=lambda: [r"Titel", r"Betreff", r"Gegenstand", r"Beratungsgegenstand", r"Bezeichnung"],
        description="Headings of an agenda table's title column: the columns right of it are no part of a title.",
    )
    agenda_paper_headings: list[str] = Field(
        default_factory=lambda: [r"Vorlage", r"Drucksache", r"Drs\.", r"Ds\.", r"Vorlagen-?Nr\.?", r"Geschäft"],
        description="Headings of an agenda table's paper column ('Vorlage'): kept with the item wherever it stands.",
    )
    agenda_table_type: str = Field(
        default="Tagesordnung",
        description="The type of a document known as an agenda by its table's heading row alone.",
    )
    item_patterns: list[str] = Field(
        default_factory=lambda: list(ITEM_LINES),
        description="Agenda item lines with groups number and title; the first pattern (with "
        "'TOP') is preferred in a document that has such lines, the others only in the agenda list "
        "or, in minutes without one, where the numbers run in sequence.",
    )
    head_lines: list[str] = Field(
        default_factory=lambda: list(HEAD_LINES),
        description="Whole lines that look like a numbered agenda item but belong to the session's head "
        "(the session line, a date alone): never an item.",
    )
    paper_number_patterns: list[str] = Field(
        default_factory=lambda: list(PAPER_NUMBERS),
        description="Paper numbers in an item: after a keyword in the title, in parentheses after it, "
        "or a right-hand cell or a line under the title that is nothing but a paper number.",
    )
    toc_headings: list[str] = Field(
        default_factory=lambda: list(TOC),
        description="Headings alone on a line over the table of contents that opens verbatim minutes.",
    )
    year_words: list[str] = Field(
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
    title_open_ends: list[str] = Field(
        default_factory=lambda: [
            *("und", "oder", "sowie", "bzw.", "der", "die", "das", "des", "den", "dem", "ein", "eine", "einer"),
            *("eines", "für", "zur", "zum", "mit", "von", "vom", "im", "in", "an", "am", "auf", "über", "zu"),
            *("bei", "nach", "aus", "gegen", "zwischen"),
        ],
        description="Words an agenda title cannot end with: a title that does was cut (a warning).",
    )
    agenda_side_labels: list[str] = Field(
        default_factory=lambda: list(SIDE_LABELS),
        description="Labels of a line under an agenda item's title that names who reports on it "
        "('Berichterstattung: Bürgermeister Bauer'): no part of the title.",
    )
    decision_labels: list[str] = Field(
        default_factory=lambda: list(DECISION), description="Labels of an item's decision ('Beschluss:')."
    )
    vote_labels: list[str] = Field(
        default_factory=lambda: list(VOTE), description="Labels of an item's vote ('Abstimmungsergebnis:')."
    )
    vote_words: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "yes": [r"Ja(?:-Stimmen)?", r"dafür", r"Zustimmung(?:en)?", r"Für"],
            "no": [r"Nein(?:-Stimmen)?", r"dagegen", r"Gegenstimmen?", r"Gegen", r"Ablehnung(?:en)?"],
            "abstain": [r"(?:Stimm)?[Ee]nthaltung(?:en)?", r"Enthaltungen?"],
        },
        description="Words of the vote counts; a count stands before or after its word ('Ja 23', '7 Ja-Stimmen').",
    )
    unanimous_words: list[str] = Field(
        default_factory=lambda: list(UNANIMOUS), description="Words for a unanimous vote."
    )
    majority_words: list[str] = Field(
        default_factory=lambda: [r"mehrheitlich", r"mit\s+(?:großer\s+|knapper\s+)?Mehrheit"],
        description="Words for a vote taken by a majority, not unanimously ('mehrheitlich beschlossen').",
    )
    attendee_labels: list[str] = Field(
        default_factory=lambda: list(ATTENDEES), description="Headings of the attendance list."
    )
    absent_labels: list[str] = Field(
        default_factory=lambda: list(ABSENT), description="Headings of absent people or mere recipients (left out)."
    )
    salutations: list[str] = Field(
        default_factory=lambda: list(SALUTATIONS), description="Forms of address removed from the front of a name."
    )
    attendee_offices: list[str] = Field(
        default_factory=lambda: [
            r"(?:Vize)?[Bb]ürgermeister(?:in)?",
            r"G?GR(?:in)?",
            r"StR(?:in)?",
            r"GV",
        ],
        description="Offices printed before an attendee's name ('Bürgermeister Jens Lange', 'GR Anna Bauer', "
        "matched with case): the attendee's role as printed.",
    )
    factions: list[str] = Field(
        default_factory=lambda: FACTIONS.split("|"),
        description="Names of factions: a group heading that matches one is a faction, else a role.",
    )
    session_close: list[str] = Field(
        default_factory=lambda: [
            # 'Ende der Sitzung: 12.40 Uhr', 'Schluss der Sitzung 21:05 Uhr', 'Sitzungsende: 19 Uhr'.
            r"(?:Ende|Schluss)\s+der\s+Sitzung\s*(?::|um\b|\d)",
            r"Sitzungsende\s*:",
        ],
        description="A line that closes the session: it ends the last speaker turn of verbatim minutes.",
    )
    stage_notes: list[str] = Field(
        default_factory=lambda: list(STAGE_NOTES),
        description="Words that open a stage note in verbatim minutes ('(Beifall bei der SPD)'): no one's words.",
    )
    speaker_patterns: list[str] = Field(
        default_factory=lambda: [
            r"(?P<role>(?:Ober)?[Bb]ürgermeister(?:in)?|Präsident(?:in)?|Vorsitzende[r]?|Ratsmitglied|Ratsherr|Ratsfrau"
            r"|Stadtrat|Stadträtin|Beigeordnete[r]?|Kantonsrat|Kantonsrätin|Regierungsrat|Regierungsrätin"
            r"|Stadtdirektor(?:in)?|Stadtkämmerer|Stadtkämmerin|Dezernent(?:in)?)?\s*"
            # 'Beigeordnete Frau Klein:': the form of address is no part of the name; 'Prof. Dr.' is.
            r"(?:(?:Frau|Herr)\s+)?"
            r"(?P<speaker>(?:Prof\.\s+)?(?:Dr\.\s+)?\p{Lu}[\p{L}'-]+(?:\s+(?:von\s+|van\s+|de\s+)?\p{Lu}[\p{L}'-]+){0,3})"
            r"\s*(?:\((?P<faction>[^)]{1,40})\)|,\s*(?P<faction2>[\p{Lu}][\p{L}/ ]{1,30}))?\s*:\s*(?P<text>.*)",
        ],
        description="A speaker turn at the start of a line: groups speaker, role, faction, text.",
    )

    @field_validator(
        "session_patterns",
        "public_parts",
        "nonpublic_parts",
        "agenda_headings",
        "agenda_number_headings",
        "agenda_title_headings",
        "agenda_paper_headings",
        "item_patterns",
        "paper_number_patterns",
        "agenda_side_labels",
        "decision_labels",
        "vote_labels",
        "unanimous_words",
        "majority_words",
        "attendee_labels",
        "absent_labels",
        "factions",
        "speaker_patterns",
        "session_close",
        "stage_notes",
        "head_roles",
        "decision_headings",
        "public_end",
        "record_prefixes",
        "session_evidence",
        "toc_headings",
        "year_words",
        "body_phrases",
        "originator_lines",
        "public_sessions",
        "record_numbers",
        "item_heads",
        "item_title_labels",
        "head_lines",
    )
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        problems = [(pattern, _problem(pattern)) for pattern in value]
        bad = next(((pattern, problem) for pattern, problem in problems if problem), None)
        if bad:
            raise ValueError(f"pattern {bad[0]!r} does not compile: {bad[1]}")
        return value

    @field_validator("head_fields")
    @classmethod
    def _known_fields(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - {"body", "originator", "public"})
        if unknown:
            raise ValueError(f"head_fields names fields the head does not give: {', '.join(unknown)}")
        return value

    @cached_property
    def res(self) -> dict[str, regex.Pattern[str]]:
        """Compiled patterns by use. Anchored at the line start: 'public', 'nonpublic' and
        'agenda' headings, 'decision' and 'vote' labels (group ``rest`` holds what follows the
        colon), the 'attendee' and 'absent' headings, a 'salutation', a whole 'faction' name.
        Anywhere: 'header' ('Label:' of a header field, the group name says which) and
        'unanimous'."""

        def labelled(labels: list[str]) -> regex.Pattern[str]:
            return _any([rf"(?:{'|'.join(labels)})\s*:\s*(?P<rest>.*)"])

        fields = [f"(?P<{name}>{'|'.join(pats)})" for name, pats in self.header_labels.items() if pats]
        return {
            "public": _any(self.public_parts),
            "nonpublic": _any(self.nonpublic_parts),
            "agenda": _any(self.agenda_headings),
            # The item column's heading first, then within a few headings the title column's,
            # as council systems and factions' sheets print them.
            "table_head": _any(
                [
                    rf"(?:{'|'.join(self.agenda_number_headings)})\s+(?:[\p{{L}}./-]+\s+){{0,3}}"
                    rf"(?:{'|'.join(self.agenda_title_headings)})\b.*"
                ]
            ),
            "paper_heading": _any([rf"(?:{'|'.join(self.agenda_paper_headings)})"]),
            "title_heading": _any([rf"(?:{'|'.join(self.agenda_title_headings)})\b:?"]),
            "side_label": _any([rf"(?:{'|'.join(self.agenda_side_labels)})\s*:"]),
            "decision": labelled(self.decision_labels),
            "vote": labelled(self.vote_labels),
            "attendee": _any([rf"(?:{'|'.join(self.attendee_labels)})\s*(?::|$)"]),
            "absent": _any([rf"(?:{'|'.join(self.absent_labels)})\b"]),
            "salutation": _any([regex.escape(s) + r"(?:\s|$)" for s in self.salutations]),
            "office": regex.compile(rf"^\s*(?P<office>(?-i:{'|'.join(self.attendee_offices)}))\s+(?=\p{{Lu}})", _FLAGS),
            "faction": regex.compile(rf"^\s*(?:{'|'.join(self.factions)})\s*$", _FLAGS),
            "header": regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(fields)})\s*:", _FLAGS),
            "unanimous": _any(self.unanimous_words, anchored=False),
            "majority": _any(self.majority_words, anchored=False),
            "public_end": _any(self.public_end, anchored=False),
            "head_role": regex.compile(rf"^\s*(?:{'|'.join(self.head_roles)})\s*:?\s*$", _FLAGS),
            "decision_heading": regex.compile(rf"^\s*(?:{'|'.join(self.decision_headings)})\s*:?\s*$", _FLAGS),
            "session_close": _any(self.session_close),
            "toc": _any(self.toc_headings),
            "year_word": regex.compile(rf"(?:{'|'.join(self.year_words)})", _FLAGS),
            "vote_heading": regex.compile(rf"^\s*(?:{'|'.join(self.vote_labels)})\s*:?\s*$", _FLAGS),
            # A decision or vote label with its colon anywhere in a text ('... Beschluss: Der Rat').
            "result_label": regex.compile(rf"(?:{'|'.join([*self.decision_labels, *self.vote_labels])})\s*:", _FLAGS),
            "item_title": _any([rf"(?:{'|'.join(self.item_title_labels)})\s*:\s*(?P<rest>.*)"]),
            "head_line": regex.compile(rf"^\s*(?:{'|'.join(self.head_lines)})$", _FLAGS),
            # A stage note anywhere in a speech, over any number of lines, up to its closing parenthesis.
            "stage_note": regex.compile(rf"\(\s*(?:{'|'.join(self.stage_notes)})\b[^()]{{0,1000}}\)", _FLAGS),
            "stage_note_open": regex.compile(rf"\(\s*(?:{'|'.join(self.stage_notes)})\b", _FLAGS),
        }

    @cached_property
    def lists(self) -> dict[str, list[regex.Pattern[str]]]:
        """Compiled pattern lists: 'session' lines (searched anywhere), 'items' and 'speakers'
        (whole lines), 'paper_numbers', 'evidence' of a session record, 'body_phrases',
        'originator' (with case) and 'public_sessions' (all searched anywhere)."""
        return {
            "session": [regex.compile(p, _FLAGS) for p in self.session_patterns],
            "items": [regex.compile(rf"^\s*(?:{p})\s*$", _FLAGS) for p in self.item_patterns],
            "speakers": [regex.compile(rf"^\s*(?:{p})$", _FLAGS) for p in self.speaker_patterns],
            "paper_numbers": [regex.compile(p, _FLAGS) for p in self.paper_number_patterns],
            "evidence": [regex.compile(p, _FLAGS) for p in self.session_evidence],
            "body_phrases": [regex.compile(p, _FLAGS) for p in self.body_phrases],
            "originator": [regex.compile(p, regex.VERSION1) for p in self.originator_lines],
            "public_sessions": [regex.compile(p, _FLAGS) for p in self.public_sessions],
            "record_numbers": [regex.compile(p, _FLAGS) for p in self.record_numbers],
            "item_heads": [regex.compile(p, _FLAGS) for p in self.item_heads],
        }

    @cached_property
    def vote_count_res(self) -> tuple[dict[str, regex.Pattern[str]], dict[str, regex.Pattern[str]]]:
        """Per count ('yes', 'no', 'abstain'): the number after its word ('Ja 23'), and the
        number before it ('7 Ja-Stimmen'). A text uses one order for all its counts."""
        after, before = {}, {}
        for name, words in self.vote_words.items():
            alt = "|".join(words)
            after[name] = regex.compile(rf"(?<![\p{{L}}-])(?:{alt})\s*[:=]?\s*(?P<n>\d+)\b", _FLAGS)
            before[name] = regex.compile(rf"\b(?P<n>\d+)\s*(?:{alt})(?![\p{{L}}])", _FLAGS)
        return after, before
