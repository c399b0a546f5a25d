"""The meeting vocabulary of a session's record: which types are verbatim and their speaker turns,
the close of the public part and of the session, who attended, and each item's decision and vote."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .defaults import (
    ABSENT,
    ATTENDEES,
    DECISION,
    DECISION_FALLBACK,
    DECISION_NUMBER,
    FACTIONS,
    PRESENT_GROUPS,
    PUBLIC_END,
    SALUTATIONS,
    STAGE_NOTES,
    TITLES,
    UNANIMOUS,
    VOTE,
    VOTE_ASIDES,
)
from .rules_patterns import Patterns


class RecordRules(BaseModel):
    """The record part of :class:`~.rules.MeetingRules` (all patterns case-insensitive)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    titles: list[str] = Field(
        default_factory=lambda: list(TITLES),
        description="Official titles before a name in a head row ('Vorsitz: OB Kuhn'): not part of the name.",
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
    head_roles: Patterns = Field(
        default_factory=lambda: [
            r"Vorsitz",
            r"Vorsitzende[r]?",
            r"Protokoll",
            r"Protokollführung",
            r"Schriftführer(?:in)?",
            r"Schriftführung",
        ],
        description="Head rows that name a person and their role in the meeting ('Vorsitz  Andreas Zuber, "
        "Präsident'); read as attendees when no attendance list names anyone.",
    )
    decision_headings: Patterns = Field(
        default_factory=lambda: [r"Beschlussfassung", r"Schlussabstimmung", r"Beschluss", r"Abstimmung"],
        description="Headings alone on a line whose next paragraph is the item's result ('Beschlussfassung' / "
        "'Der Antrag wird mit 59:55 Stimmen erheblich erklärt.').",
    )
    public_end: Patterns = Field(
        default_factory=lambda: list(PUBLIC_END),
        description="Phrases of verbatim minutes that close the public part: the items read before them are public.",
    )
    decision_labels: Patterns = Field(
        default_factory=lambda: list(DECISION), description="Labels of an item's decision ('Beschluss:')."
    )
    fallback_decision_labels: Patterns = Field(
        default_factory=lambda: list(DECISION_FALLBACK),
        description="Labels of an item's decision only where its text holds none of decision_labels ('Ergebnis:', "
        "'Empfehlung an den Ausschuss:' in an advisory council's minutes; beside a 'Beschluss:' an 'Ergebnis:' is "
        "the outcome of a discussion).",
    )
    decision_numbers: Patterns = Field(
        default_factory=lambda: [DECISION_NUMBER],
        description="A decision's own number ('Beschluss-Nr. 0112/23', 'Beschluss Nr. SR/045/2024'), left out of "
        "the decision's text where it opens it (printed right of 'Beschluss:').",
    )
    vote_labels: Patterns = Field(
        default_factory=lambda: list(VOTE), description="Labels of an item's vote ('Abstimmungsergebnis:')."
    )
    vote_words: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "yes": [r"Ja(?:-Stimmen)?", r"dafür", r"Zustimmung(?:en)?", r"Für"],
            "no": [r"Nein(?:-Stimmen)?", r"dagegen", r"Gegenstimmen?", r"Gegen", r"Ablehnung(?:en)?"],
            "abstain": [r"(?:Stimm)?[Ee]nthaltung(?:en)?", r"Enthaltungen?", r"Enth\."],
        },
        description="Words of the vote counts; a count stands before or after its word ('Ja 23', '7 Ja-Stimmen').",
    )
    vote_asides: Patterns = Field(
        default_factory=lambda: list(VOTE_ASIDES),
        description="Numbers of a vote block that are no votes cast ('Gesetzliche Anzahl der Mitglieder: 71', "
        "'davon anwesend: 58', 'Befangenheit: 0'; a table's 'Stimmberechtigt' or 'Befangen' column): read past, "
        "never counted as yes, no or abstentions.",
    )
    unanimous_words: Patterns = Field(
        default_factory=lambda: list(UNANIMOUS), description="Words for a unanimous vote."
    )
    majority_words: Patterns = Field(
        default_factory=lambda: [r"mehrheitlich", r"mit\s+(?:großer\s+|knapper\s+)?Mehrheit"],
        description="Words for a vote taken by a majority, not unanimously ('mehrheitlich beschlossen').",
    )
    attendee_labels: Patterns = Field(
        default_factory=lambda: list(ATTENDEES), description="Headings of the attendance list."
    )
    absent_labels: Patterns = Field(
        default_factory=lambda: list(ABSENT), description="Headings of absent people or mere recipients (left out)."
    )
    present_groups: Patterns = Field(
        default_factory=lambda: list(PRESENT_GROUPS),
        description="Labels of groups of people present beside the members ('Verwaltung:', 'Gäste:'); the attendance "
        "list goes on past the excused ('Entschuldigt: ...') at a line such a label opens.",
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
    factions: Patterns = Field(
        default_factory=lambda: FACTIONS.split("|"),
        description="Names of factions: a group heading that matches one is a faction, else a role.",
    )
    session_close: Patterns = Field(
        default_factory=lambda: [
            # 'Ende der Sitzung: 12.40 Uhr', 'Schluss der Sitzung 21:05 Uhr', 'Sitzungsende: 19 Uhr'.
            r"(?:Ende|Schluss)\s+der\s+Sitzung\s*(?::|um\b|\d)",
            r"Sitzungsende\s*:",
        ],
        description="A line that closes the session: it ends the last speaker turn of verbatim minutes.",
    )
    stage_notes: Patterns = Field(
        default_factory=lambda: list(STAGE_NOTES),
        description="Words that open a stage note in verbatim minutes ('(Beifall bei der SPD)'): no one's words.",
    )
    speaker_patterns: Patterns = Field(
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
