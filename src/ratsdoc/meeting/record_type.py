"""Whether page 1 of a document is the record of a session: a line of its head starts with a type
word ('Niederschrift', 'Kurzprotokoll', 'Gemeinderat Jena – Protokoll ...') and the words of a
session stand around it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ..extract.generic.wrapped import continues_sentence
from ..layout.lines import Line
from ..text.dates import parse_date
from ..text.normalize import fold_for_match
from .body_names import body_name
from .head_lines import AFTER_NAME, EVIDENCE_LINES, TYPE_LINES, line_text
from .rules import MeetingRules

#: The rest of a heading after its type word that refers to a session ('der Sitzung', 'Nr. 5',
#: 'des Gemeinderats', 'über die ...').
_SESSION_REST = regex.compile(r"^\s*(?:über|der|des|vom|am|Nr\.|zur|aus)\b", regex.IGNORECASE)


def _compound(word: str, types: dict[str, str]) -> str | None:
    """``word`` when it is a compound of a type word ('Kurzprotokoll', 'Sitzungsniederschrift',
    'Ratsprotokoll'): capitalised, and ending in a type word after at least three letters."""
    folded = fold_for_match(word)
    if not word[:1].isupper() or not word.isalpha():
        return None
    return word if any(folded.endswith(t) and len(folded) >= len(t) + 3 for t in types) else None


@lru_cache(maxsize=16)
def _folded(types: tuple[str, ...]) -> dict[str, str]:
    """The type words by their folded form (computed once per vocabulary: every line of page 1
    is tried against them)."""
    return {fold_for_match(t): t for t in types}


@lru_cache(maxsize=16)
def _changed(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """The headings of a changed agenda at a line's start, their words apart by any space."""
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)
    return regex.compile(rf"\s*(?P<type>{alternatives})(?![\p{{L}}])\s*", regex.IGNORECASE)


def _phrase(found: str, phrases: list[str]) -> str:
    """The vocabulary's spelling of the heading ``found`` (its case and spaces as printed differ)."""
    key = fold_for_match(" ".join(found.split()))
    return next((p for p in phrases if fold_for_match(p) == key), found)


def type_of(text: str, rules: MeetingRules) -> tuple[str, str] | None:
    """(type, the rest of the line) when ``text`` starts with a type word, after a record
    prefix ('Auszug aus der Niederschrift ...')."""
    for prefix in rules.record_prefixes:
        match = regex.match(rf"\s*(?:{prefix})\s+", text, regex.IGNORECASE)
        if match:
            text = text[match.end() :]
            break
    changed = _changed(tuple(rules.changed_agenda_types)).match(text)
    if changed:
        return _phrase(changed.group("type"), rules.changed_agenda_types), text[changed.end() :]
    words = text.split(maxsplit=1)
    types = _folded(tuple(rules.types))
    found = types.get(fold_for_match(words[0].rstrip(":"))) if words else None
    if found is None and words:
        found = _compound(words[0].rstrip(":"), types)
    if found is None:
        # The body's name before the type word: 'Gemeinderat Jena – Protokoll der Sitzung vom ...'.
        named = AFTER_NAME.match(text)
        if named and body_name(named.group("name"), rules, genitive=False, whole=True):
            return type_of(named.group("rest"), rules)
    return (found, words[1] if len(words) > 1 else "") if found else None


def _cells(line: Line) -> list[Line]:
    """The cells of ``line`` (its segments) as lines of their own; the line itself when it has one."""
    segments = line.segments()
    return [Line(line.page, list(cell)) for cell in segments] if len(segments) > 1 else [line]


def record_type(first: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The type of a page 1 that is the record of a session: a line of its first
    :data:`TYPE_LINES` starts with a type word, and the page's first :data:`EVIDENCE_LINES`
    hold the words of a session (``rules.session_evidence``, a session line). A type word alone
    needs two of them; a heading whose rest refers to a session ('Protokoll über die Sitzung
    ...', 'Niederschrift vom ...') needs one."""
    found = _type_headings(first, rules)
    return next(((kind, line) for kind, line, strong in found if strong), None)


def weak_record_type(first: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """A type heading on page 1 with too little session evidence for :func:`record_type`:
    the page may still be a session record (the kind is in doubt)."""
    found = _type_headings(first, rules)
    return next(((kind, line) for kind, line, _ in found), None)


def _type_headings(first: Sequence[Line], rules: MeetingRules) -> list[tuple[str, Line, bool]]:
    """The type headings of :func:`record_type` with evidence of a session, each with whether
    the evidence suffices; the list stops at the first that does."""
    headings: list[tuple[str, Line, bool]] = []
    texts = [line_text(ln) for ln in first[:EVIDENCE_LINES]]
    said: list[set[int]] = []  # filled at the first type heading: most papers have none
    for index, (line, text) in enumerate(zip(first[:TYPE_LINES], texts, strict=False)):
        # The line, else a later cell of it: 'Stadtrat Jena' with 'Protokoll' set right on its baseline.
        cells = [line_text(ln) for ln in _cells(line)[1:]]
        typed = next((t for t in (type_of(c, rules) for c in [text, *cells]) if t), None)
        if typed is None and index + 1 < len(texts):
            # A changed agenda's heading wrapped in the large type ('... – Erweiterung der' / 'Tagesordnung').
            joined = type_of(f"{text} {texts[index + 1]}", rules)
            typed = joined if joined and joined[0] in rules.changed_agenda_types else None
        if typed is None or (index and continues_sentence(first[index - 1], line)):
            continue
        kind, rest = typed
        # What each line says of a session: evidence kinds, and -1 for a session line.
        said = said or [
            {k for k, p in enumerate(rules.lists["evidence"]) if p.search(t)}
            | ({-1} if any(p.search(t) for p in rules.lists["session"]) else set())
            for t in texts
        ]
        # The heading's own words count once: 'Tagesordnung' is no evidence for itself.
        strength = len(set().union(*(s for k, s in enumerate(said) if k != index))) + bool(said[index] and rest)
        refers = bool(_SESSION_REST.search(rest)) or parse_date(rest) is not None
        strong = strength >= 2 or bool(strength >= 1 and rest and refers)
        if strong or strength >= 1 or refers:
            headings.append((kind, line, strong))
        if strong:
            break
    return headings
