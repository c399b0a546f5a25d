"""Layout profiles: what differs per city or council system, loaded from TOML and validated.

A profile names the labels of a template and their variants, the patterns of paper numbers,
the vocabularies of document types, bodies, roles and checkbox options, and the patterns that
recognise the template. Extraction mechanisms are generic and read everything from here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, RootModel, ValidationError, field_validator
from typing_extensions import Self

from .errors import ProfileError
from .issues import Issue, IssueCode
from .meeting.rules import MeetingRules
from .meeting.rules_patterns import check_patterns
from .models import COVER_FIELDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_FLAGS = regex.IGNORECASE | regex.VERSION1

#: The cover fields a labelled value ("Betreff: ...") may fill; the faction is told from the
#: originator.
VALUE_FIELDS = frozenset(COVER_FIELDS) - {"faction"}


def _check_table(
    value: dict[str, list[str]], *, table: str, known: Sequence[str], what: str, group: str | None = None
) -> dict[str, list[str]]:
    """Check a TOML table of pattern lists ([labels], [values]): every key is one of ``known``,
    its patterns compile and, with ``group``, each has that named group."""
    for name, patterns in value.items():
        where = f"{table}.{name}"
        if name not in known:
            raise ValueError(f"{where}: not {what} ({', '.join(known)})")
        try:
            check_patterns(patterns)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        for pattern in patterns if group else ():
            if f"(?P<{group}>" not in pattern:
                raise ValueError(f"{where}: pattern {pattern!r} lacks a (?P<{group}>...) group")
    return value


#: Escapes and property classes of a pattern, which are no letters of the text it matches.
_ESCAPES = regex.compile(r"\\[pP]\{[^}]*\}|\\.")


def label_errors(label: str, fuzzy: int) -> int:
    """Errors a fuzzy match of ``label`` (a word or a pattern) may make: at most ``fuzzy``, one
    for labels of four or five letters, none for shorter ones. Two errors turn "Titel" into
    "Tel", "hier" into any two-letter word and "gez." into any "ge": a letterhead's
    "Tel: 0911 ..." is no subject, a sentence with "ge" in it no signature line."""
    letters = sum(ch.isalpha() for ch in _ESCAPES.sub("", label))
    return min(fuzzy, 2 if letters >= 6 else 1 if letters >= 4 else 0)


#: A section heading's number before its label: "2.", "2", "3.1", "IV.", "B)" (templates that
#: number their sections: "1. Sachverhalt", "2. Finanzielle Auswirkungen").
SECTION_NUMBER = r"(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H]\))\s+)?"
#: Labels that head a section and may carry such a number.
NUMBERED_LABELS = frozenset({"consultations", "resolution", "justification", "attachments", "section_ends"})


def compile_any(
    patterns: list[str], *, anchored: bool = False, fuzzy: int = 0, numbered: bool = False
) -> regex.Pattern[str]:
    """One pattern that matches any of ``patterns``; ``anchored`` ties it to the start of the text,
    after a section number (:data:`SECTION_NUMBER`) when ``numbered``.

    ``fuzzy`` > 0 allows up to that many substitutions/insertions/deletions per alternative (for
    OCR noise; fewer in short ones, :func:`label_errors`); labels stay anchored so that ordinary
    words elsewhere in a line do not match.
    """
    parts = []
    for p in patterns:
        errors = label_errors(p, fuzzy)
        parts.append(f"(?:{p}){{e<={errors}}}" if errors else f"(?:{p})")
    body = "|".join(parts) or r"(?!x)x"
    start = rf"^\s*{SECTION_NUMBER if numbered else ''}"
    if fuzzy:
        # Without full case folding: with it the regex module misses matches that need a
        # deletion ("Beiref:" for "Betreff:").
        body = f"(?e)(?:{body})"
        return regex.compile(rf"(?-f){start}(?:{body})" if anchored else f"(?-f){body}", _FLAGS)
    return regex.compile(rf"{start}(?:{body})" if anchored else body, _FLAGS)


class DetectRule(BaseModel):
    """A pattern that, found in the first pages, speaks for this profile with some weight."""

    model_config = ConfigDict(extra="forbid")
    pattern: str
    weight: float = Field(default=1.0, gt=0)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        check_patterns([value])
        return value


#: The labels a profile may name (the keys of its ``[labels]`` table).
LABEL_NAMES: tuple[str, ...] = (
    "title",
    "consultations",
    "resolution",
    "justification",
    "justification_subheadings",
    "attachments",
    "signature",
    "date",
    "total_cost",
    "salutation",
    "closing",
    "resolution_inline",
    "resolution_lead",
    "section_ends",
)


class Labels(RootModel[dict[str, list[str]]]):
    """Label patterns by name (one of :data:`LABEL_NAMES`): regular expressions matched at the
    start of a line, case-insensitive. A label the profile does not set has no pattern."""

    root: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("root")
    @classmethod
    def _known_and_compiling(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _check_table(value, table="labels", known=LABEL_NAMES, what="a label")

    def patterns(self, name: str) -> list[str]:
        """The patterns of label ``name``; a name outside :data:`LABEL_NAMES` is an error."""
        if name not in LABEL_NAMES:
            raise KeyError(f"no label {name!r}")
        return self.root.get(name, [])


class Profile(BaseModel):
    """A validated layout profile."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    description: str
    detect: list[DetectRule] = Field(default_factory=list)
    min_score: float = Field(default=1.0, ge=0)
    number_patterns: list[str] = Field(default_factory=list)
    document_types: list[str] = Field(min_length=1)
    fallback_document_types: list[str] = Field(
        default_factory=list,
        description="Type words that give the paper's type only where its cover names no other: "
        "'Vorlage' heads some towns' papers, and also an administration's sheet over an Antrag it forwards.",
    )
    bodies: list[str] = Field(default_factory=list)
    originator_patterns: list[str] = Field(default_factory=list)
    faction_patterns: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    public_true: list[str] = Field(default_factory=lambda: ["öffentlich"])
    public_false: list[str] = Field(default_factory=lambda: ["nicht öffentlich", "nichtöffentlich"])
    not_drucksache_types: list[str] = Field(
        default_factory=lambda: ["Einladung", "Niederschrift", "Protokoll", "Tagesordnung", "Präsentation"],
        description="Document types that are not Drucksachen (agendas, minutes): warned about.",
    )
    decision_roles: list[str] = Field(
        default_factory=lambda: ["Entscheidung", "Beschlussfassung", "beschließend"],
        description="Consultation roles by which a body decides on the paper (matched inside "
        "the row's role, case-insensitive: 'Entscheidung (öffentlich)' is one).",
    )
    body_from_decision: bool = Field(
        default=False,
        description="Without a body on the cover, take the body of the last consultation whose role is a decision.",
    )
    no_attachments: list[str] = Field(
        default_factory=lambda: ["keine", "entfällt", "ohne", "nicht vorhanden", "-", "–", "—", "./."],
        description="What stands after the attachments label for 'no attachments' ('Anlagen: keine').",
    )
    attachment_prefixes: list[str] = Field(
        default_factory=lambda: [r"[-–—•▪·*]\s*", r"\(?\d{1,2}[.)]\s+", r"\(?[a-z]\)\s+"],
        description="Enumeration prefixes removed from the start of an attachment's name ('1. ', "
        "'a) ', bullets); each pattern includes the space after it, so a number that belongs "
        "to the name ('2024 Haushaltsplan') stays.",
    )
    checkbox_options: list[str] = Field(default_factory=list)
    checkbox_groups: list[str] = Field(
        default_factory=list,
        description="Labels of the template's checkbox groups ('Fristwahrung'): OCRed group labels snap to them.",
    )
    labels: Labels = Field(default_factory=Labels)
    values: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Labelled values ('Betreff: ...'): field name -> patterns, each with a "
        "(?P<value>...) group, matched at the start of a line on the cover pages.",
    )
    fuzzy_errors: int = Field(default=0, ge=0, le=3)
    originator_from_letterhead: bool = Field(
        default=False, description="Take the first line of page 1 (the letterhead) as originator."
    )
    generic_number: bool = Field(
        default=True,
        description="Where this profile's number patterns find nothing, try the generic profile's "
        "(off for a profile whose patterns keep out numbers of other papers the text cites).",
    )
    title_from_largest_font: bool = Field(
        default=False, description="Without a title label or value, take the largest text of page 1."
    )
    title_from_emphasis: bool = Field(
        default=False, description="Without a title label, take the first bold block after the date line."
    )
    default_document_type: str | None = Field(
        default=None, description="document_type of a letter that names no type of its own."
    )
    expected_fields: dict[str, list[str]] = Field(
        # An answer to a question answers; it gives no reasons of its own.
        # A Beschlussvorlage asks for a decision: its proposal is no optional part.
        default_factory=lambda: {
            "originator": ["*"],
            "justification": ["*", "!Antwort"],
            "resolution_proposal": ["Beschlussvorlage", "Entscheidungsvorlage", "Dringliche Entscheidungsvorlage"],
        },
        description="Fields a paper of these document types normally has, beyond title, type and "
        "date (field -> types; '*' is every Drucksache type, an unknown one included, '!Type' "
        "leaves one out): a missing one gets a field_missing warning that names it.",
    )
    meeting: MeetingRules = Field(
        default_factory=MeetingRules,
        description="How meeting documents (invitations, minutes) are recognised and read.",
    )
    #: Compiled label and value patterns by (name, fuzzy errors). They belong to this instance:
    #: a user's profile may share its name with a bundled one and still differ in every pattern.
    _compiled: dict[tuple[str, int], regex.Pattern[str]] = PrivateAttr(default_factory=dict)

    @field_validator("number_patterns")
    @classmethod
    def _numbers_have_group(cls, value: list[str]) -> list[str]:
        check_patterns(value)
        for pattern in value:
            if "(?P<number>" not in pattern:
                raise ValueError(f"number pattern {pattern!r} lacks a (?P<number>...) group")
        return value

    @field_validator("values")
    @classmethod
    def _values_have_group(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _check_table(value, table="values", known=sorted(VALUE_FIELDS), what="a cover field", group="value")

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A validated copy with ``update`` applied. It compiles its own patterns: a plain copy
        would carry this profile's compiled ones over, whatever the update changed."""
        return self.model_validate({**self.model_dump(), **(update or {})})

    def value_re(self, name: str) -> regex.Pattern[str] | None:
        """The pattern of labelled value ``name``, or None when the profile has none."""
        patterns = self.values.get(name)
        if not patterns:
            return None
        key = (f"value:{name}", 0)
        pattern = self._compiled.get(key)
        if pattern is None:
            body = "|".join(f"(?:{p})" for p in patterns)
            # Labelled values sit anywhere on a line ("Status: öffentlich  Vorlage-Art: ..."),
            # but a label starts at a word boundary.
            pattern = regex.compile(rf"(?<![\p{{L}}-])(?:{body})", _FLAGS)
            self._compiled[key] = pattern
        return pattern

    @field_validator("originator_patterns", "faction_patterns", "attachment_prefixes")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return check_patterns(value)

    def label(self, name: str, *, fuzzy: int | None = None) -> regex.Pattern[str]:
        """The anchored pattern of label ``name`` (one of :data:`LABEL_NAMES`)."""
        errors = self.fuzzy_errors if fuzzy is None else fuzzy
        key = (name, errors)
        pattern = self._compiled.get(key)
        if pattern is None:
            numbered = name in NUMBERED_LABELS
            pattern = compile_any(self.labels.patterns(name), anchored=True, fuzzy=errors, numbered=numbered)
            self._compiled[key] = pattern
        return pattern

    @cached_property
    def number_re(self) -> regex.Pattern[str]:
        """Pattern finding a paper number (group ``number``)."""
        if not self.number_patterns:  # papers without numbers (minutes, slides)
            return regex.compile(r"(?!x)x(?P<number>)")
        return regex.compile("|".join(f"(?:{p})" for p in self.number_patterns), _FLAGS)

    @cached_property
    def originator_re(self) -> regex.Pattern[str]:
        """Pattern recognising an originator line."""
        return compile_any(self.originator_patterns, anchored=True)

    @cached_property
    def attachment_prefix_re(self) -> regex.Pattern[str]:
        """Pattern matching one enumeration prefix at the start of an attachment's name."""
        return compile_any(self.attachment_prefixes, anchored=True)

    @cached_property
    def faction_re(self) -> regex.Pattern[str]:
        """Pattern recognising that an originator is a faction."""
        return compile_any(self.faction_patterns)

    @cached_property
    def detect_res(self) -> list[tuple[regex.Pattern[str], float]]:
        """Compiled detection rules with their weights."""
        return [(regex.compile(rule.pattern, _FLAGS | regex.MULTILINE), rule.weight) for rule in self.detect]


def load_profile_file(path: Path | str) -> Profile:
    """Load and validate one profile from a TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"cannot read profile: {exc}", profile=str(path)) from None
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        missing = [".".join(map(str, e["loc"])) for e in exc.errors() if e["type"] == "missing"]
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise ProfileError(f"invalid profile ({where}: {first['msg']})", profile=str(path), missing=missing) from None


@lru_cache(maxsize=1)
def bundled_profiles() -> dict[str, Profile]:
    """Every profile shipped with ratsdoc, by name (the generic fallback included); loaded once."""
    result: dict[str, Profile] = {}
    folder = resources.files("ratsdoc") / "profiles"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            with resources.as_file(entry) as path:
                profile = load_profile_file(path)
            result[profile.name] = profile
    return result


#: Folders of extra profiles, separated like PATH; they join the bundled ones in detection.
PROFILES_ENV = "RATSDOC_PROFILES"


def available_profiles(extra_dirs: Sequence[str] = ()) -> dict[str, Profile]:
    """Bundled profiles plus those in ``extra_dirs`` and in $RATSDOC_PROFILES (a user's profile
    of the same name replaces the bundled one)."""
    profiles = dict(bundled_profiles())
    folders = [*extra_dirs, *filter(None, os.environ.get(PROFILES_ENV, "").split(os.pathsep))]
    for folder in folders:
        directory = Path(folder)
        if not directory.is_dir():
            raise ProfileError("profile folder not found", profile=str(directory))
        for path in sorted(directory.glob("*.toml")):
            profile = load_profile_file(path)
            profiles[profile.name] = profile
    return profiles


def detection_score(profile: Profile, text: str) -> float:
    """The summed weight of ``profile``'s detection rules that ``text`` (a paper's first pages)
    matches."""
    return sum(weight for pattern, weight in profile.detect_res if pattern.search(text))


def detection_total(profile: Profile) -> float:
    """The summed weight of all of ``profile``'s detection rules (what a perfect match scores)."""
    return sum(weight for _, weight in profile.detect_res)


def match_confidence(profile: Profile, score: float) -> float:
    """``score`` as the share of ``profile``'s whole detection weight (0..1, two decimals)."""
    total = detection_total(profile)
    return round(min(1.0, score / total), 2) if total else 0.0


def select_profile(text: str, profiles: dict[str, Profile], forced: str | None = None) -> tuple[Profile, float]:
    """The profile for a paper whose first pages read ``text``: ``forced`` (a name or a TOML
    file) when given, else the best-scoring one whose detection rules reach its ``min_score``,
    else ``generic``. The confidence is the share of the winner's detection weight that matched
    (0.5 for the generic fallback); a forced profile gets its real share too, however low
    (:func:`forced_profile_issue` says when it is too low)."""
    if forced:
        if forced in profiles:
            profile = profiles[forced]
        elif Path(forced).is_file():
            profile = load_profile_file(forced)
        else:
            raise ProfileError(f"unknown profile {forced!r} (known: {', '.join(sorted(profiles))})", profile=forced)
        return profile, match_confidence(profile, detection_score(profile, text))
    best, best_score = profiles["generic"], 0.0
    for profile in profiles.values():
        if profile.name == "generic":
            continue
        score = detection_score(profile, text)
        if score >= profile.min_score and score > best_score:
            best, best_score = profile, score
    if best.name == "generic":
        return best, 0.5
    return best, match_confidence(best, best_score)


def forced_profile_issue(profile: Profile, text: str, profiles: dict[str, Profile]) -> Issue | None:
    """A warning when a forced ``profile`` does not fit the paper whose first pages read
    ``text``: its detection rules reach less than its ``min_score``, so detection would not
    have chosen it, and every field is read with labels the paper may not have."""
    score = detection_score(profile, text)
    if score >= profile.min_score:
        return None
    detected, _ = select_profile(text, profiles)
    return Issue(
        IssueCode.PROFILE_FORCED_MISMATCH,
        f"profile {profile.name!r} was forced, but its detection patterns match this paper with a score of "
        f"{score:g} (it needs {profile.min_score:g}; confidence {match_confidence(profile, score):.2f}); "
        f"detection would choose {detected.name!r}",
    )
