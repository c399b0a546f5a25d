"""The generic reader's vocabulary (reader.toml): paper types, labels, bodies and parties of
council papers from Germany, Austria and Switzerland, loaded once and compiled."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache
from importlib import resources
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ...meeting.rules_patterns import Patterns, check_patterns
from ...profile import SECTION_NUMBER, compile_any, label_errors
from ...text.normalize import fold_for_match
from ...text.snapper import LABEL_ALLOWANCE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_FLAGS = regex.IGNORECASE | regex.VERSION1


#: A member signing for a group: "Birgit Wolff, FDP-Fraktion" (a speech's or letter's sender line).
_NAMED_SENDER = regex.compile(
    r"^(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+(?:von|van|de|zu|\p{Lu}[\p{L}.'’-]+)){1,3}),\s+(?P<group>\S.*)$"
)
#: A sender line is short; a sentence is running text.
_SENDER_WORDS = 10


def _alternatives(patterns: Iterable[str], none: str = r"(?!x)x") -> str:
    """One alternation of the regular expressions ``patterns``, each in its own group; ``none`` (a
    pattern that never matches) where there are none."""
    return "|".join(f"(?:{p})" for p in patterns) or none


def _words(entries: list[str]) -> str:
    """One alternation of ``entries`` as whole words, longest first."""
    return "|".join(regex.escape(e) for e in sorted(entries, key=len, reverse=True))


class ReaderVocabulary(BaseModel):
    """What the generic reader recognises; every pattern is checked when the file is loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_types: list[str] = Field(min_length=1)
    subject_labels: Patterns = Field(default_factory=list)
    bodies: list[str] = Field(default_factory=list)
    body_lines: Patterns = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    originator_patterns: Patterns = Field(default_factory=list)
    faction_patterns: Patterns = Field(default_factory=list)
    #: Words naming one group ("SPD-Fraktion", "SPÖ-Klub") and plurals naming several
    #: ("Fraktionen SPD und CDU"): a joint paper's senders (joint.py).
    group_words: Patterns = Field(default_factory=list, description="patterns")
    group_plurals: Patterns = Field(default_factory=list, description="patterns")
    #: The kinds of a municipality a sender's name may break before its town ("Fraktion ... im Rat
    #: der Stadt" over "Bielefeld"; letter_fields.town_below).
    town_kinds: list[str] = Field(default_factory=list)
    #: Academic and professional titles before a person's name ("Dr.", "Mag.", "DI"): a signer's
    #: name line (cover.py).
    person_titles: list[str] = Field(default_factory=list)
    #: Who else files a paper and names itself on its type line ("Antrag einer Bürgerinitiative",
    #: "Petition des Bürgervereins Kirchfeld"): with the group words, a type line's filer.
    filer_words: Patterns = Field(default_factory=list, description="patterns")
    #: The label over the members who sign a paper too ("Mitunterzeichnende:").
    cosigner_labels: Patterns = Field(default_factory=list, description="patterns")
    #: Words before a type that leave it the same type ("Gemeinsamer Antrag").
    type_prefixes: Patterns = Field(default_factory=list, description="patterns")
    letterhead_patterns: Patterns = Field(default_factory=list)
    #: A parliament's head grid: a segment set apart on a head line that is the Drucksache's
    #: number or its Wahlperiode ("Drucksache 19 / 17 888", "22. Wahlperiode 05.03.24"); a
    #: line holding one is the head, never the subject.
    head_grid_patterns: Patterns = Field(default_factory=list)
    #: Bodies that name one chamber of an assembly without a place ("Stadtbürgerschaft" under
    #: "Bremische Bürgerschaft"): alone on a head line, the paper's body.
    chambers: list[str] = Field(default_factory=list)
    #: The office a state's executive signs for under the signer's name ("Senatsverwaltung für
    #: Finanzen"): a line of the signature, commas and all.
    signing_offices: Patterns = Field(default_factory=list, description="patterns")
    #: What follows the filer on a parliament's type line: the question's date and the answer
    #: printed with it ("vom 27.02.24 und Antwort des Senats"); no part of the filer.
    filer_tails: Patterns = Field(default_factory=list, description="patterns")
    #: The line that closes the head of a question printed with its answer, under the subject
    #: ("und Antwort vom 24. Januar 2024"): still the head, never the body.
    answer_tails: Patterns = Field(default_factory=list, description="patterns")
    #: The title before members filing a paper ("der Abgeordneten Anna Meier (SPD)").
    member_titles: Patterns = Field(default_factory=list, description="patterns")
    #: Executives that file papers to their parliament, named after the type ("Mitteilung des Senats").
    executives: list[str] = Field(default_factory=list)
    proposal_headings: Patterns = Field(default_factory=list)
    proposal_sentences: Patterns = Field(default_factory=list)
    proposal_ends: Patterns = Field(default_factory=list)
    proposal_list_leads: Patterns = Field(default_factory=list)
    #: Section headings no type line stands under (see :func:`letter_fields.type_from_lines`).
    type_ends: Patterns = Field(default_factory=list, description="patterns")
    #: Headings of another paper appended after the paper's closing (see appended.py).
    appended_headings: Patterns = Field(default_factory=list, description="patterns")
    #: What a Beratungsfolge printed after the consultation says of each body's treatment
    #: ("ungeändert beschlossen", "vertagt", "Ja 12 Nein 3 Enth. 1"): no part of a row's body or role.
    consultation_results: Patterns = Field(default_factory=list, description="patterns")
    #: Headings of the consultation's record after the paper ("Beratungsverlauf:", "Auszug aus dem
    #: Beratungsergebnis"): what follows is the bodies' treatment, not the paper's text.
    consultation_records: Patterns = Field(default_factory=list, description="patterns")
    #: Words over the rest of a table run over a page break ("Fortsetzung", "noch"; see breaks.py).
    continuation_markers: Patterns = Field(default_factory=list, description="patterns")
    #: Address lines, speech markers ("Es gilt das gesprochene Wort": type `speech_type`), a
    #: city's administration in a letterhead; types that request nothing (no bold sentence or
    #: announced list is read as their request).
    address_patterns: Patterns = Field(default_factory=list, description="patterns")
    speech_markers: Patterns = Field(default_factory=list, description="patterns")
    administrations: Patterns = Field(default_factory=list, description="patterns")
    #: The head of an office letter: a bare office designation ("14", "Rechnungsprüfungsamt").
    office_patterns: Patterns = Field(default_factory=list, description="patterns")
    #: The units of an administration, from a department down to an office ("Dezernat IV",
    #: "Amt für Straßen und Verkehr"): of a head naming several, the last one writes.
    unit_patterns: Patterns = Field(default_factory=list, description="patterns")
    #: Labels whose value is an addressee or a copy's recipient ("An:", "Verteiler:"): never the sender.
    addressee_labels: Patterns = Field(default_factory=list, description="patterns")
    speech_type: str = "Rede"
    #: The type of a letter that names none of its own (eval/real/README.md).
    letter_type: str | None = None
    #: A letter's request sentence: determiners announcing the paper's type ("folgende Anfrage"),
    #: the meeting it is for (group ``body``), words that ask for an agenda (request.py).
    request_type_leads: Patterns = Field(default_factory=list, description="patterns")
    request_meetings: Patterns = Field(default_factory=list, description="patterns")
    request_agenda: Patterns = Field(default_factory=list, description="patterns")
    types_without_request: list[str] = Field(default_factory=list)
    #: Internal memos: their text follows the head without a salutation or a closing formula.
    memo_types: list[str] = Field(default_factory=list)
    #: Answers to a council's question: their text follows the head too, up to the signature.
    answer_types: list[str] = Field(default_factory=list)
    #: The types of a council's question ("Anfrage", "Interpellation"): a type line naming one
    #: after its own type ("Stellungnahme der Verwaltung zur Anfrage ...") answers it.
    question_types: list[str] = Field(default_factory=list)
    #: Who issues a paper, after its type on its type line ("Mitteilung der Verwaltung",
    #: "Stellungnahme des Oberbürgermeisters"): such a line names the type, not the subject.
    type_issuers: Patterns = Field(default_factory=list, description="patterns")
    #: Labels of a head row naming the paper a paper refers to ("Bezug: Anfrage der SPD-Fraktion
    #: vom ..."): an answer that names the question it answers there quotes no request.
    reference_labels: Patterns = Field(default_factory=list, description="patterns")
    cited_number_leads: Patterns = Field(default_factory=list, description="patterns")
    changed_papers: Patterns = Field(default_factory=list, description="patterns")
    #: Column headings of a table of questions beside their answers ("Frage | Antwort"): the
    #: type word in such a header row heads a column, it is not the paper's type.
    question_headings: list[str] = Field(default_factory=list)
    #: The answers' column heading beside it: such a header row is no part of the text.
    answer_headings: list[str] = Field(default_factory=list)
    #: Sentences of a letter's opening paragraphs that name its type by what it does, by type.
    type_sentences: dict[str, list[str]] = Field(default_factory=dict, description="patterns by type")
    #: Words a paper calls itself by that the vocabulary names otherwise, by the type they are
    #: ("Anfragebeantwortung" is a Beantwortung).
    type_synonyms: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("type_sentences")
    @classmethod
    def _sentences_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {kind: check_patterns(patterns) for kind, patterns in value.items()}

    @model_validator(mode="after")
    def _sentence_types_known(self) -> ReaderVocabulary:
        unknown = sorted((set(self.type_sentences) | set(self.type_synonyms)) - set(self.document_types))
        if unknown:
            raise ValueError(
                f"type_sentences or type_synonyms name types that are not document_types: {', '.join(unknown)}"
            )
        return self

    def canonical_type(self, word: str) -> str:
        """The vocabulary's name of a type word as printed: its own spelling, or the type a
        synonym stands for; ``word`` itself when it is neither."""
        folded = fold_for_match(word)
        named = next((t for t in self.document_types if fold_for_match(t) == folded), None)
        if named is not None:
            return named
        return next(
            (kind for kind, words in self.type_synonyms.items() if any(fold_for_match(w) == folded for w in words)),
            word,
        )

    def subject_re(self, fuzzy: int = 0) -> regex.Pattern[str]:
        """A subject label at the start of a line with its colon ("Betreff:", "hier:"); the
        value is group ``value``. Up to ``fuzzy`` errors are allowed in the label (OCR), fewer
        in short labels (:func:`label_errors`)."""
        return _subject_re(tuple(self.subject_labels), fuzzy)

    def type_label_re(self, fuzzy: int) -> regex.Pattern[str]:
        """A paper type used as a subject label, as OCR reads it: the type with up to ``fuzzy``
        errors (fewer in short types, :func:`label_errors`; group ``type``), a colon or the
        semicolon OCR reads for one, the subject (group ``value``)."""
        return _type_label_re(tuple(self.document_types), fuzzy)

    def type_line_re(self, fuzzy: int) -> regex.Pattern[str]:
        """A paper type opening a line as OCR reads it ("Anfrnge gem. § 4 ..."): the type with
        up to ``fuzzy`` errors (fewer in short types; group ``type``) as a whole word."""
        return _type_line_re(tuple(self.document_types), fuzzy)

    @cached_property
    def type_re(self) -> regex.Pattern[str]:
        """A paper type as a whole word (group ``type``)."""
        prefix = _alternatives(self.type_prefixes, none="")
        prefix = rf"(?:(?:{prefix})\s+)?" if prefix else ""
        types = [*self.document_types, *(w for words in self.type_synonyms.values() for w in words)]
        return regex.compile(rf"(?<![\p{{L}}-]){prefix}(?P<type>{_words(types)})(?![\p{{L}}-])", _FLAGS)

    @cached_property
    def question_re(self) -> regex.Pattern[str]:
        """A question's type as a whole word, inflected too ("zur Großen Anfrage")."""
        inflected = [regex.sub(r"^(\p{L}+)e\s", r"\1en ", q) for q in self.question_types]
        words = _words([*self.question_types, *inflected]) or r"(?!x)x"
        return regex.compile(rf"(?<![\p{{L}}-])(?:{words})(?![\p{{L}}-])", _FLAGS)

    @cached_property
    def issued_type_re(self) -> regex.Pattern[str]:
        """What follows a type on a type line that is no subject: its issuer ("der Verwaltung"), the
        question it answers ("der Kleinen Anfrage", "einer Interpellation"), or nothing."""
        issuers = _alternatives(self.type_issuers)
        question = self.question_re.pattern
        # The issuer may date the paper: "Mitteilung des Senats vom 12. September 2023".
        dated = r"(?:\s+vom\s+\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|\p{L}+\s+\d{4}))?"
        return regex.compile(rf"^\s*(?:(?:{issuers}){dated}|(?:der|einer|zur)\s+{question})?\s*:?\s*$", _FLAGS)

    @cached_property
    def numbered_question_re(self) -> regex.Pattern[str]:
        """A quoted question opening its line with its heading and number: "Frage 1:", "Frage 2.1:"."""
        words = _words([h for h in self.question_headings if h[-1:].isalpha()]) or r"(?!x)x"
        return regex.compile(rf"^\s*(?:{words})\s+\d{{1,2}}(?:\.\d{{1,2}})?\s*:", _FLAGS)

    @cached_property
    def cited_lead_re(self) -> regex.Pattern[str]:
        """Words ending where another paper's number label follows ("zur", "zu", "(")."""
        leads = _alternatives(self.cited_number_leads)
        return regex.compile(rf"(?<!\p{{L}})(?:{leads})\s*$", _FLAGS)

    @cached_property
    def cited_label_re(self) -> regex.Pattern[str]:
        """A reference or subject label opening the words before a number ("Bezug:", "Betreff:")."""
        labels = _alternatives((*self.reference_labels, *self.subject_labels))
        return regex.compile(rf"^\s*(?:{labels})\s*:", _FLAGS)

    def cites_paper(self, left: str, own: str, above: str | None) -> bool:
        """Whether a paper's number label is another paper's, cited ("zur Vorlage 0112/23",
        "(Vorlage 2024/118)", "Bezug: Vorlage ...", "Betreff: Beschlussvorlage ..."): ``own`` are
        the words before it in its segment, ``left`` the segments before that on its line,
        ``above`` the line over it when the label opens its line (a heading wrapped after "zur").
        A label alone before the segment ("Bezug:" at its tab stop) counts; another cell's text
        beside it does not."""
        if own.strip():
            if self.cited_lead_re.search(own):
                return True
            return self.cited_label_re.match(f"{left} {own}" if left.rstrip().endswith(":") else own) is not None
        if left.strip():
            return left.rstrip().endswith(":") and self.cited_label_re.match(left) is not None
        return above is not None and self.cited_lead_re.search(above) is not None

    @cached_property
    def answer_tail_re(self) -> regex.Pattern[str]:
        """A line closing a question's head with the answer's date ("und Antwort vom 24. Januar 2024")."""
        return regex.compile(rf"^\s*(?:{_alternatives(self.answer_tails)})", _FLAGS)

    @cached_property
    def changed_paper_re(self) -> regex.Pattern[str]:
        """The paper an amendment changes, named on its head line ("zur Vorlage 0112/23")."""
        return regex.compile(_alternatives(self.changed_papers), _FLAGS)

    @cached_property
    def referred_question_re(self) -> regex.Pattern[str]:
        """A head row referring to a question: a reference label, then the question's type."""
        labels = _alternatives(self.reference_labels)
        return regex.compile(rf"^\s*(?:{labels})\s*:\s*(?:die\s+|unsere\s+|Ihre\s+)?{self.question_re.pattern}", _FLAGS)

    @cached_property
    def filed_by_re(self) -> regex.Pattern[str]:
        """What follows a paper's type on a type line naming who files it: a group ("der
        SPD-Fraktion", "der Fraktion Die Linke") with a short rest, or another filer with no more
        than its name ("einer Bürgerinitiative", "des Bürgervereins Kirchfeld e.V."; "der
        Bürgerinitiative Lindenplatz auf Sanierung ..." goes on into the subject). In case: "der
        Fraktion", not "der fraktionslosen ..."."""
        groups = _alternatives(self.group_words)
        filers = _alternatives(self.filer_words)
        return regex.compile(
            rf"^\s+(?:der|des|einer|eines)\s+(?:"
            rf"(?:\S+\s+){{0,3}}?(?:\S*-)?(?:{groups})(?!\p{{L}})[^.:;]{{0,40}}"
            rf"|(?:\p{{Lu}}\S*\s+)?(?:{filers})(?!\p{{L}})(?:\s+(?:\p{{Lu}}[\p{{L}}.-]*|e\.\s?V\.)){{0,3}}"
            r")\s*$",
            regex.VERSION1,
        )

    @cached_property
    def before_town_re(self) -> regex.Pattern[str]:
        """A line ending in a municipality's kind, its town's name to follow ("... der Stadt")."""
        return regex.compile(rf"\b(?:{_words(self.town_kinds) or r'(?!x)x'})$")

    @cached_property
    def after_body_re(self) -> regex.Pattern[str]:
        """A line ending in a council of the vocabulary after "im", "in der" or "der", its town's
        name perhaps to follow ("Fraktion ... in der Stadtverordnetenversammlung" over "Potsdam")."""
        return regex.compile(rf"\b(?:im|in\s+der|der|des)\s+(?:{_words(self.bodies) or r'(?!x)x'})$")

    @cached_property
    def town_line_re(self) -> regex.Pattern[str]:
        """A line that is a municipality in the genitive, the end of a sender's name wrapped after
        its council ("... im Rat" over "der Stadt Essen", "... im Kreistag" over "des Landkreises
        Görlitz")."""
        name = r"(?-i:\p{Lu})[\p{L}-]+"
        return regex.compile(rf"^(?:der|des)\s+(?:{_words(self.town_kinds) or r'(?!x)x'})\s+{name}(?:\s+{name})?$")

    @cached_property
    def person_re(self) -> regex.Pattern[str]:
        """A person's name on its own line: two or three capitalised words (double names with a
        hyphen), perhaps after titles."""
        titles = _words(self.person_titles) or r"(?!x)x"
        name = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
        return regex.compile(rf"^(?:(?:{titles})\s+)*{name}(?:\s+{name}){{1,2}}$")

    @cached_property
    def body_line_re(self) -> regex.Pattern[str]:
        """An address or meeting line naming a body (group ``body``)."""
        return regex.compile(_alternatives(self.body_lines), _FLAGS)

    @cached_property
    def body_re(self) -> regex.Pattern[str]:
        """A body of the vocabulary at the start of a text."""
        return regex.compile(rf"^(?:{_words(self.bodies)})(?![\p{{L}}])", _FLAGS)

    @cached_property
    def party_re(self) -> regex.Pattern[str]:
        """A name with its party in brackets: "Beat Wagner (SVP)", "Anna Keller (SP/JUSO)"."""
        party = _words(self.parties)
        return regex.compile(rf"\p{{Lu}}[\p{{L}}.-]+\s*\((?:{party})(?:/(?:{party}))?\)", _FLAGS)

    def matcher(
        self,
        name: Literal[
            "originator",
            "letterhead",
            "head_grid",
            "faction",
            "address",
            "speech",
            "administration",
            "office",
            "unit",
            "addressee",
            "group",
            "joint",
            "cosigners",
            "signing_office",
            "filer_tail",
            "member_title",
        ],
    ) -> regex.Pattern[str]:
        """The list ``<name>_patterns`` (``speech_markers``, ``administrations``) as one pattern;
        letterhead, faction, group and filer tail patterns hold anywhere in the text, the others at
        its start."""
        patterns = {
            "speech": self.speech_markers,
            "administration": self.administrations,
            "addressee": self.addressee_labels,
            "group": self.group_words,
            "joint": self.group_plurals,
            "cosigners": self.cosigner_labels,
            "signing_office": self.signing_offices,
            "filer_tail": self.filer_tails,
            "member_title": self.member_titles,
        }.get(name)
        patterns = getattr(self, f"{name}_patterns") if patterns is None else patterns
        return _any(tuple(patterns), anchored=name not in ("letterhead", "faction", "group", "filer_tail"))

    def named_sender(self, text: str) -> str | None:
        """The group of a sender line that names a person and the group they speak for
        ("Birgit Wolff, FDP-Fraktion" gives "FDP-Fraktion"); None for any other line."""
        match = _NAMED_SENDER.match(text.strip())
        if match is None or len(text.split()) > _SENDER_WORDS:
            return None
        name, group = match.group("name"), match.group("group").strip()
        originator = self.matcher("originator")
        return group if originator.match(group) and not originator.match(name) else None

    def heading_re(self, fuzzy: int = 0) -> regex.Pattern[str]:
        """A request heading standing alone on its line ("Antrag", "Beschlussvorschlag:");
        text after a colon is group ``rest``."""
        return _heading_re(tuple(self.proposal_headings), fuzzy)

    @cached_property
    def sentence_re(self) -> regex.Pattern[str]:
        """A request sentence at the start of a line ("Der Regierungsrat wird beauftragt")."""
        return compile_any(self.proposal_sentences, anchored=True)

    @cached_property
    def list_lead_re(self) -> regex.Pattern[str]:
        """A request that announces a list, at the end of a line, after a sentence's start."""
        body = _alternatives(self.proposal_list_leads)
        return regex.compile(rf"(?:^|[.!?]\s+)(?:{body})", _FLAGS)

    def appended_re(self, fuzzy: int = 0) -> regex.Pattern[str]:
        """The heading of another paper appended to this one ("Antwort der Verwaltung")."""
        return _heading_re(tuple(self.appended_headings), fuzzy)

    @cached_property
    def continuation_re(self) -> regex.Pattern[str]:
        """A continuation marker as whole words anywhere in a line ("Beratungsfolge (Fortsetzung)")."""
        body = _alternatives(self.continuation_markers)
        return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", _FLAGS)

    @cached_property
    def result_re(self) -> regex.Pattern[str]:
        """A consultation's result as whole words anywhere in a row ("geändert beschlossen")."""
        body = _alternatives(self.consultation_results)
        return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", _FLAGS)

    def record_re(self, fuzzy: int = 0) -> regex.Pattern[str]:
        """The heading of a consultation's record, alone on its line ("Beratungsverlauf:")."""
        return _heading_re(tuple(self.consultation_records), fuzzy)

    def end_re(self, fuzzy: int = 0) -> regex.Pattern[str]:
        """A heading that ends the request, alone on its line."""
        return _heading_re(tuple(self.proposal_ends), fuzzy)

    @cached_property
    def type_end_re(self) -> regex.Pattern[str]:
        """A section heading alone on its line under which no type line stands ("Sachverhalt:")."""
        return _heading_re(tuple(self.type_ends), 0)


@lru_cache(maxsize=8)
def _any(patterns: tuple[str, ...], *, anchored: bool) -> regex.Pattern[str]:
    return compile_any(list(patterns), anchored=anchored)


def _fuzzy_alternatives(
    labels: Sequence[str], fuzzy: int, *, escape: bool = False, errors: Callable[[str], int] | None = None
) -> str:
    """``labels`` as one alternation, each with its allowance: :func:`label_errors`, or
    ``errors`` of the label capped at ``fuzzy``."""
    parts = []
    for label in sorted(labels, key=len, reverse=True) if escape else labels:
        body = regex.escape(label) if escape else label
        allowed = label_errors(label, fuzzy) if errors is None else min(fuzzy, errors(label))
        parts.append(f"(?:{body}){{e<={allowed}}}" if allowed else f"(?:{body})")
    return "|".join(parts) or r"(?!x)x"


#: Fuzzy patterns are matched without full case folding: with it (VERSION1 and IGNORECASE) the
#: regex module finds no match that needs a deletion ("Beiref:" for "Betreff:"). "ß" for "ss"
#: then costs two errors instead of none, within the allowance of long labels.
_FUZZY_PREFIX = "(?-f)"


def _anchored(body: str, fuzzy: int, tail: str) -> regex.Pattern[str]:
    """``body`` at the start of a line, then ``tail``; fuzzy (without full case folding) when
    ``fuzzy``."""
    prefix = _FUZZY_PREFIX if fuzzy else ""
    return regex.compile(rf"{prefix}^\s*(?{'e' if fuzzy else ''}:{body}){tail}", _FLAGS)


@lru_cache(maxsize=8)
def _subject_re(labels: tuple[str, ...], fuzzy: int) -> regex.Pattern[str]:
    return _anchored(_fuzzy_alternatives(labels, fuzzy), fuzzy, r"\s*:\s*(?P<value>.*)$")


@lru_cache(maxsize=8)
def _type_label_re(types: tuple[str, ...], fuzzy: int) -> regex.Pattern[str]:
    body = _fuzzy_alternatives(types, fuzzy, escape=True, errors=LABEL_ALLOWANCE)
    return _anchored(f"(?P<type>{body})", fuzzy, r"\s*[:;]\s*(?P<value>.*)$")


@lru_cache(maxsize=8)
def _type_line_re(types: tuple[str, ...], fuzzy: int) -> regex.Pattern[str]:
    body = _fuzzy_alternatives(types, fuzzy, escape=True, errors=LABEL_ALLOWANCE)
    return _anchored(f"(?P<type>{body})", fuzzy, r"(?![\p{L}-])")


@lru_cache(maxsize=16)
def _heading_re(headings: tuple[str, ...], fuzzy: int) -> regex.Pattern[str]:
    # A heading may carry its section number ("2. Antrag", "3 Begründung").
    return _anchored(
        rf"{SECTION_NUMBER}(?:{_fuzzy_alternatives(headings, fuzzy)})", fuzzy, r"\s*(?::\s*(?P<rest>.*))?$"
    )


#: What may follow a type on its line: the rule it is filed under, the body, the sender.
TYPE_TAIL = regex.compile(
    r"^(?:\s*$|\s*[:(]|\s+(?:nach|gem\.|gemäß|gemaess|zur?|der|des|einer|eines|vom|Nr\.|betreffend|an)\b"
    # Who files it, by name: "Motion von Anna Keller (SP) und Marc Huber (GLP)".
    r"|\s+von\s+\p{Lu})"
)
#: A type line addressed to the body that decides ("Bericht und Antrag an den Einwohnerrat"): the
#: paper's type over its subject, never the subject itself, which may open with a type and go on
#: ("Stellungnahme des Stadtteilbeirates zur Streckenführung ..."). An office within the
#: administration is addressed without an article and by its number ("Mitteilung an Amt 61").
ADDRESSED = regex.compile(r"^\s+an\s+(?:(?:den|die|das)\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:\p{Lu}[\p{L}-]*|\d{1,3})){0,2}\s*$")


@lru_cache(maxsize=1)
def reader_vocabulary() -> ReaderVocabulary:
    """The bundled vocabulary of the generic reader (loaded once)."""
    text = (resources.files(__package__) / "reader.toml").read_text(encoding="utf-8")
    return ReaderVocabulary.model_validate(tomllib.loads(text))
