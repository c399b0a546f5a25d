"""The head of a meeting document beyond the session fields: whether page 1 is the record of a
session (a type word with the words of a session around it), the session's date by the
strength of its evidence, and the cover fields body, originator and public read from the
head. What is missing or in doubt is warned with the field it is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

import regex

from ..extract.context import LABELLED, READ, Context
from ..extract.generic.wrapped import continues_sentence
from ..issues import IssueCode
from ..layout.lines import Line, mostly_bold
from ..text.dates import iter_dates, parse_date
from ..text.normalize import ICONS, fold_for_match, join_lines
from .header import _continuation
from .rules import MeetingRules

#: How many first-page lines may hold the type heading of a meeting document.
TYPE_LINES = 15
#: How many first-page lines are searched for the words of a session record and its body.
EVIDENCE_LINES = 30
#: A head line that calls the session public names little before it ('Niederschrift über die').
HEAD_WORDS = 4
#: A head line that names only the body or the issuer is short.
SHORT_LINE = 6
#: The rest of a heading after its type word that refers to a session ('der Sitzung', 'Nr. 5',
#: 'des Gemeinderats', 'über die ...').
_SESSION_REST = regex.compile(r"^\s*(?:über|der|des|vom|am|Nr\.|zur|aus)\b", regex.IGNORECASE)
#: A line that goes on with the date of the session named on the line above.
_CONTINUED = regex.compile(r"^\s*(?:am|vom)\s+(?:\p{L}+,\s*)?(?:de[nm]\s+)?\d")
#: Words inside a body's name that are not capitalised ('Ausschuss für Umwelt und Verkehr').
_JOINERS = frozenset({"und", "für", "fuer", "u.", "-"})


def _text(line: Line) -> str:
    return " ".join(ICONS.sub("", line.text).split())


#: A name, a dash or colon, and the rest of a heading ('Stadtrat Jena – Protokoll ...').
_AFTER_NAME = regex.compile(r"^\s*(?P<name>[^–—:|]{3,60}?)\s*(?:\s[–—-]|:|\|)\s+(?P<rest>\S.*)$")


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


def _type_of(text: str, rules: MeetingRules) -> tuple[str, str] | None:
    """(type, the rest of the line) when ``text`` starts with a type word, after a record
    prefix ('Auszug aus der Niederschrift ...')."""
    for prefix in rules.record_prefixes:
        match = regex.match(rf"\s*(?:{prefix})\s+", text, regex.IGNORECASE)
        if match:
            text = text[match.end() :]
            break
    words = text.split(maxsplit=1)
    types = _folded(tuple(rules.types))
    found = types.get(fold_for_match(words[0].rstrip(":"))) if words else None
    if found is None and words:
        found = _compound(words[0].rstrip(":"), types)
    if found is None:
        # The body's name before the type word: 'Gemeinderat Jena – Protokoll der Sitzung vom ...'.
        named = _AFTER_NAME.match(text)
        if named and body_name(named.group("name"), rules, genitive=False, whole=True):
            return _type_of(named.group("rest"), rules)
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
    texts = [_text(ln) for ln in first[:EVIDENCE_LINES]]
    said: list[set[int]] = []  # filled at the first type heading: most papers have none
    for index, (line, text) in enumerate(zip(first[:TYPE_LINES], texts, strict=False)):
        # The line, else a later cell of it: 'Stadtrat Jena' with 'Protokoll' set right on its baseline.
        cells = [_text(ln) for ln in _cells(line)[1:]]
        typed = next((t for t in (_type_of(c, rules) for c in [text, *cells]) if t), None)
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


#: A line that names a session ('... der 9. Sitzung des Rates', 'Sondersitzung', 'Niederschrift über die').
#: A line that starts with a date ('29. September 2024'): not an item numbered 29.
_DATE_FIRST = regex.compile(r"^\s*\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+)\s*\d{4}\b")
_NAMES_SESSION = regex.compile(r"Sitzung\b|\b(?:über\s+die|aus\s+der)\s*$", regex.IGNORECASE)


def _dated_session(text: str, rules: MeetingRules) -> dt.date | None:
    """The date of the first session pattern with a date in ``text`` (not one inside an agenda item)."""
    for pattern in rules.lists["session"]:
        match = pattern.search(text)
        if match is None or "date" not in pattern.groupindex or not match.group("date"):
            continue
        if match.start() > 0 and any(p.match(text) for p in rules.lists["items"]):
            continue  # 'TOP 2 Genehmigung der Niederschrift der 4. Sitzung vom ...'
        return parse_date(match.group("date"))
    return None


def session_date(head: Sequence[Line], rules: MeetingRules) -> tuple[list[tuple[dt.date, Line]], bool]:
    """Dates that name the session itself, in line order: from a session line ('Sitzung vom
    ...', 'Protokoll Nr. 5 vom ...'; not one inside an agenda item's text) and from a short date
    line beside or on the line of the start time ('Montag, 12. März 2024' / 'Beginn: 19 Uhr').
    Also whether they disagree."""
    found: list[tuple[dt.date, Line]] = []
    lines = list(head[:EVIDENCE_LINES])
    for index, line in enumerate(lines):
        text = _text(line)
        day = _dated_session(text, rules)
        # A session heading wrapped before its date ('... Sitzung des Rates am Montag, dem' / '23. August
        # 2021'); an agenda item below ('TOP 1 Genehmigung der Niederschrift der 4. Sitzung vom ...') is no part.
        nexts = []
        for following in lines[index + 1 : index + 3] if _NAMES_SESSION.search(text) else ():
            item = any(p.match(_text(following)) for p in rules.lists["items"])
            if following.page != line.page or (item and not _DATE_FIRST.match(_text(following))):
                break
            nexts.append(following)
        for k in range(len(nexts)) if day is None else ():
            day = _dated_session(" ".join([text, *(_text(ln) for ln in nexts[: k + 1])]), rules)
            if day is not None:
                break
        found += [(day, line)] if day else []
        if index and _CONTINUED.match(text) and regex.search(r"Sitzung\b", _text(lines[index - 1]), regex.I):
            # 'über die öffentliche Sitzung des Gemeinderates' / 'am Donnerstag, 14. März 2024, im ...'
            day = parse_date(text)
            found += [(day, line)] if day else []
        header = rules.res["header"].search(text)
        if header and header.group("start"):
            for near in lines[max(index - 1, 0) : index + 2]:
                short = near is line or len(_text(near).split()) <= SHORT_LINE
                dates = [d for d, _, _ in iter_dates(_text(near))] if near.page == line.page and short else []
                found += [(dates[0], near)] if len(set(dates)) == 1 else []
    found.sort(key=lambda pair: lines.index(pair[1]))
    return found, len({day for day, _ in found}) > 1


def _degenitive(word: str, nouns: Sequence[str]) -> str | None:
    """``word`` in the nominative when it names a body ('Gemeinderates' → 'Gemeinderat'), else None."""
    folded = fold_for_match(word)
    for noun in nouns:
        for ending in ("es", "s", ""):
            if folded.endswith(noun + ending):
                return word[: len(word) - len(ending)] if ending else word
    return None


def body_name(text: str, rules: MeetingRules, *, genitive: bool, whole: bool = False) -> str | None:
    """The body named at the start of ``text`` ('Stadtteilbeirates Büchenbach am 5. Mai' →
    'Stadtteilbeirat Büchenbach'): capitalised words and joiners up to the first other word;
    one of them names a body (``rules.body_nouns``). ``genitive`` puts it in the nominative
    ('des Grossen Rates' → 'Grosser Rat'); ``whole`` asks that the name is all of ``text``."""
    words = text.split()
    run: list[str] = []
    types = {fold_for_match(t) for t in rules.types}
    for word in words:
        bare = word.rstrip(",;:")
        # A type word ends the name: 'Stadtrat Jena   Protokoll' on one baseline.
        if not bare or not (bare[0].isupper() or bare in _JOINERS) or fold_for_match(bare) in types:
            break
        run.append(bare)
        if bare != word:
            break  # a comma or colon ends the name
    while run and run[-1] in _JOINERS:
        run.pop()
    seat = _seat(words[len(run) :], rules)
    if not run or (whole and (len(run) + len(seat) != len(words) or len(run) > SHORT_LINE)):
        return None
    nouns = [fold_for_match(n) for n in rules.body_nouns]
    for k, word in enumerate(run):
        nominative = _degenitive(word, nouns)
        if nominative is None or word.endswith("-"):
            continue
        if genitive:
            run[k] = nominative
            # 'des Grossen Rates': the adjective before a masculine body ends in -er.
            run[:k] = [w[:-2] + "er" if w.endswith("en") and w[:1].isupper() else w for w in run[:k]]
        return " ".join(run + seat)
    return None


def _seat(words: Sequence[str], rules: MeetingRules) -> list[str]:
    """The words after a body's name that name its town as part of it ('der Stadt Köln' in 'Rat der
    Stadt Köln', 'der Landeshauptstadt Stuttgart'): an article and an issuer as
    ``rules.originator_lines`` name one; else none."""
    if len(words) < 3 or words[0] not in ("der", "des"):
        return []
    for size in range(min(len(words) - 1, 3), 1, -1):
        text = " ".join(words[1 : 1 + size]).rstrip(",;:")
        # The issuer in the genitive after 'des' ('des Kantons Thurgau', 'des Landkreises Gotha').
        noun, _, name = text.partition(" ")
        plain = regex.sub(r"(?<=\p{L}{4})e?s$", "", noun) if words[0] == "des" else noun
        if any(p.match(f"{plain} {name}") or p.match(text) for p in rules.lists["originator"]):
            return [words[0], *text.split()]
    return []


#: The end of a line that breaks a session phrase before the body's name.
_BROKEN = regex.compile(r"\sSitzung(?:\s+(?:des|der))?$")
#: The end of a line that may break a body's seat before its town ('... des Kreistages des
#: Landkreises' / 'Gotha vom 31. Januar 2024').
_SEAT_END = regex.compile(r"\s(?P<seat>(?:des|der)\s+\p{Lu}\p{L}+)$")


def _broken(text: str, following: str, rules: MeetingRules) -> bool:
    """Whether ``text`` breaks a session phrase that ``following`` (the next line) goes on with."""
    seat = _SEAT_END.search(text)
    if seat and following:
        return bool(_seat([*seat.group("seat").split(), *following.split()[:2]], rules))
    return bool(_BROKEN.search(text))


def read_body(head: Sequence[Line], rules: MeetingRules, furniture: Sequence[Line] = ()) -> tuple[str, Line] | None:
    """The body of the session: named in a session line ('Sitzung des Gemeinderates',
    'Protokoll der Bezirksvertretung Lindenthal'), else a short head line that is a body's
    name alone ('Grosser Rat', 'Stadtteilbeirat Büchenbach'). A session line that gives only the
    body's noun ('ich eröffne die 18. Sitzung des Rates') yields to a head line, or a running
    head or foot of any page (``furniture``), naming the same body in full ('Rat der Stadt
    Köln'): the document itself prints the longer name."""
    found = _session_body(head, rules) or _heading_body(head, rules)
    if found is None or len(found[0].split()) > 1:
        return found
    running = _distinct(furniture)
    for full in (_heading_body(head, rules, limit=None), _heading_body(running, rules, limit=None)):
        if full and _completes(found[0], full[0]):
            return full
    full = _session_body(running, rules)  # 'Rat der Stadt Jena – 18. Sitzung vom ...' over each page
    return full if full and _completes(found[0], full[0]) else found


def _distinct(lines: Sequence[Line]) -> list[Line]:
    """The first line of each text among ``lines`` (a running head repeats on every page)."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        text = _text(line)
        if text and text not in seen:
            seen.add(text)
            kept.append(line)
    return kept


def _completes(bare: str, full: str) -> bool:
    """Whether ``full`` names the body that ``bare`` gives by its noun alone ('Rat' → 'Rat der
    Stadt Köln', 'Gemeinderat' → 'Gemeinderat Arbon')."""
    words = full.split()
    return len(bare.split()) == 1 and len(words) > 1 and words[0] == bare


def _session_body(head: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The body named in a session line of the head ('Sitzung des Gemeinderates', 'Rat der Stadt
    Jena – 18. Sitzung vom ...')."""
    lines = list(head[:EVIDENCE_LINES])
    for index, line in enumerate(lines):
        text = _text(line)
        if index + 1 < len(lines) and _broken(text, _text(lines[index + 1]), rules):
            # 'ich eröffne die 37. Sitzung' / 'des Rates in der ...': a session line broken after its
            # noun or its article ('... die 14. Sitzung des' / 'Rates in der ...').
            text += " " + _text(lines[index + 1])
        elif len(cells := line.segments()) == 2:
            # A form's value cell wrapped under itself ('Protokoll:  Gemeinderat der Landes-' / 'hauptstadt ...').
            text = join_lines([text, *_continuation(lines, index, cells[1][0].x0, rules)])
        named = _AFTER_NAME.match(text)
        if named and any(p.match(named.group("rest")) for p in rules.lists["session"]):
            # A running head that names the body before its session: 'Rat der Stadt Jena – 18. Sitzung vom ...'.
            name = body_name(named.group("name"), rules, genitive=False, whole=True)
            if name:
                return name, line
        for pattern in rules.lists["body_phrases"]:
            match = pattern.search(text)
            if match is None:
                continue
            article = text[: match.start("body")].split()[-1:]
            name = body_name(match.group("body"), rules, genitive=[a.casefold() for a in article] == ["des"])
            if name:
                return name, line
    return None


def _heading_body(head: Sequence[Line], rules: MeetingRules, limit: int | None = TYPE_LINES) -> tuple[str, Line] | None:
    """A short line among the first ``limit`` of ``head`` that is a body's name alone ('Grosser
    Rat', 'Stadtteilbeirat Büchenbach')."""
    for line in head[:limit]:
        # A line or one of its cells: 'Stadtrat Jena' with 'Protokoll' set right on its baseline.
        cells = line.segments()
        texts = [_text(line)] + ([" ".join(t.text for t in cell) for cell in cells] if len(cells) > 1 else [])
        named = _AFTER_NAME.match(texts[0])
        if named and _type_of(named.group("rest"), rules):
            texts.append(named.group("name"))  # 'Stadtrat Jena – Protokoll der Sitzung vom ...'
        name = next(
            (n for t in texts if (n := body_name(" ".join(t.split()), rules, genitive=False, whole=True))), None
        )
        if name:
            return name, line
    return None


def read_originator(head: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The issuer named at the end of a short head line ('Stadt Erlangen')."""
    for line in head[:TYPE_LINES]:
        # Each part of the line apart: the issuer left, the place and date right on one baseline.
        for segment in line.segments():
            text = " ".join(ICONS.sub("", " ".join(t.text for t in segment)).split())
            if len(text.split()) > SHORT_LINE:
                continue
            for pattern in rules.lists["originator"]:
                match = pattern.search(text)
                if match:
                    return match.group("originator"), line
    return None


#: A head row naming who wrote the document ('Verfasser: Frank Dethloff'), and a date or version
#: mark at its end ('... Dethloff 28April22'), which is no part of the names.
_AUTHOR = regex.compile(r"^\s*Verfasser(?:in)?\s*:\s*(?P<value>.+)$", regex.IGNORECASE)
_DATED = regex.compile(r"\s+\S*\d\S*$")


def read_author(head: Sequence[Line]) -> tuple[str, Line] | None:
    """The persons of a 'Verfasser:' row of the head (a sheet made by a faction's members names
    no issuing city), without a date at the row's end, and the line."""
    for line in head[:EVIDENCE_LINES]:
        match = _AUTHOR.match(_text(line))
        if match is None:
            continue
        value = match.group("value")
        while _DATED.search(value):
            value = _DATED.sub("", value)
        if value and not any(ch.isdigit() for ch in value):
            return value, line
    return None


def read_public(head: Sequence[Line], rules: MeetingRules) -> tuple[bool, Line] | None:
    """Whether the session is public, by the first head line that says so ('Protokoll der
    öffentlichen Sitzung', 'Nichtöffentliche Tagesordnung'). A line of a paragraph of running text
    says nothing of it: the chair who "eröffnet die zweite öffentliche Sitzung des ... und" opens
    the minutes' text, which a short head may bring into the first lines (eval/real/README.md)."""
    lines = list(head[:EVIDENCE_LINES])
    for index, line in enumerate(lines):
        for pattern in rules.lists["public_sessions"]:
            match = pattern.search(_text(line))
            if match and not _in_paragraph(lines, index, _text(line)[: match.start()]):
                return match.group("not") is None, line
    return None


def _in_paragraph(lines: Sequence[Line], index: int, before: str) -> bool:
    """Whether ``lines[index]``, whose words ``before`` precede the session words, is a line of a
    paragraph of running text: not bold, more than :data:`HEAD_WORDS` words before them (a head
    names its type first: 'Niederschrift über die 12. öffentliche Sitzung'), and its sentence
    goes on from the line above or into the line below, less than a line apart."""
    line = lines[index]
    if len(before.split()) <= HEAD_WORDS:
        return False
    if mostly_bold(line):
        return False
    above = _runs_on(lines[index - 1], line) if index else False
    return above or (index + 1 < len(lines) and _runs_on(line, lines[index + 1]))


def _runs_on(prev: Line, line: Line) -> bool:
    """Whether ``line`` goes on with the sentence of ``prev``: less than a line below it, ``prev``
    ending in a lowercase word (minutes are often set with wide line spacing)."""
    if prev.page != line.page or line.top - prev.bottom > line.size:
        return False
    words = prev.text.split()
    return bool(words) and words[-1][-1].isalpha() and words[-1][0].islower()


def _keep_or_warn(ctx: Context, name: str, what: str) -> None:
    """No head line gave field ``name``: warn that the paper reader's value is a guess, or
    that there is none."""
    if ctx.fields.values.get(name) is not None:
        message = f"{what} is not named in the head; the paper reader's guess was kept"
        ctx.warn(IssueCode.VALUE_UNCERTAIN, message, field=name)
    else:
        ctx.warn(IssueCode.FIELD_MISSING, f"{what} was not found", field=name)


def _drop_guess(ctx: Context, rules: MeetingRules) -> None:
    """Drop the paper reader's originator (unless a profile's label gave it) when it does not name an issuer the way
    ``rules.originator_lines`` do: on a meeting document such a guess is a speaker's or
    signer's line ('Oberbürgermeisterin Gül Webersinn: Meine'), not the issuing city."""
    value = ctx.fields.values.get("originator")
    if value is None or ctx.fields.confidence.get("originator", READ) >= LABELLED:
        return
    if not any(p.search(str(value)) for p in rules.lists["originator"]):
        ctx.fields.values["originator"] = None
        ctx.fields.provenance.pop("originator", None)
        ctx.fields.confidence.pop("originator", None)


def fill_cover(ctx: Context, head: Sequence[Line], rules: MeetingRules) -> bool | None:
    """Set body, originator and public of a meeting document from its head (those of
    ``rules.head_fields``) and warn about each one that stays empty or is only the paper
    reader's guess (a meeting always has a body and an issuer; whether it is public may simply
    not be printed, but then it cannot be checked either). Returns whether the session is
    public as its head says (None when it does not)."""
    public = read_public(head, rules)
    found_by: dict[str, tuple[object, Line] | None] = {
        "body": read_body(head, rules, [ln for ln in ctx.layout.lines if ln.furniture])
        if "body" in rules.head_fields
        else None,
        # A city's name set only in its logo picture was read by OCR beside the text (ocr/logos.py).
        "originator": read_originator(head, rules) or read_originator(ctx.layout.logo_lines, rules)
        if "originator" in rules.head_fields
        else None,
        "public": public,
    }
    what = {
        "body": "the meeting's body",
        "originator": "the issuer of the meeting document",
        "public": "whether the session is public",
    }
    for name in rules.head_fields:
        found = found_by[name]
        if found is None and name == "originator":
            _drop_guess(ctx, rules)
            author = read_author(head) if ctx.fields.values.get("originator") is None else None
            if author is not None:
                ctx.set("originator", author[0], [author[1]], READ)
                continue
        if found is None:
            if name != "public" or ctx.fields.values.get(name) is None:
                _keep_or_warn(ctx, name, what[name])
        elif ctx.fields.values.get(name) != found[0]:
            ctx.set(name, found[0], [found[1]])
    _warn_bare_body(ctx)
    return public[0] if public else None


def _warn_bare_body(ctx: Context) -> None:
    """Warn when the body is a noun alone ('Rat', 'Gemeinderat') and no issuer was read: then
    nothing in the record says whose council it is. read_body looked for the full name in the
    head and the running lines; the town may be printed only in a logo. With an issuer
    ('Marktgemeinde Gänserndorf') the two fields together name the body, and the noun is all
    the document prints."""
    value = ctx.fields.values.get("body")
    if isinstance(value, str) and len(value.split()) == 1 and not ctx.fields.values.get("originator"):
        message = f"the meeting's body is named only as '{value}': no line names it with its town"
        ctx.warn(IssueCode.BODY_BARE, message, field="body")
