"""The cover fields of a meeting document read from its head: body, originator (else the author of
a faction's sheet) and public. What is missing or only the paper reader's guess is warned with the
field it is about."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..extract.context import LABELLED, READ, Context
from ..issues import IssueCode
from ..layout.lines import Line, mostly_bold
from ..text.normalize import ICONS
from .agenda_item import match_item
from .head_body import read_body
from .head_lines import EVIDENCE_LINES, SHORT_LINE, TYPE_LINES, line_text
from .rules import MeetingRules

#: A head line that calls the session public names little before it ('Niederschrift über die').
HEAD_WORDS = 4


#: A name before a dash and a session: 'Gemeinde Ilsfeld – Sitzung des Gemeinderates vom ...'.
_BEFORE_SESSION = regex.compile(r"^(?P<name>[^–—]{3,60}?)\s+[–—-]\s+(?:\p{L}+\s+)?Sitzung\b", regex.IGNORECASE)


def read_originator(head: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The issuer named at the end of a short head line ('Stadt Erlangen')."""
    for line in head[:TYPE_LINES]:
        # Each part of the line apart: the issuer left, the place and date right on one baseline.
        for segment in line.segments():
            text = " ".join(ICONS.sub("", " ".join(t.text for t in segment)).split())
            # The issuer before a dash that opens the session line: 'Gemeinde Ilsfeld – Sitzung des
            # Gemeinderates vom 09.07.2024'.
            named = _BEFORE_SESSION.match(text)
            text = named.group("name") if named else text
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
        match = _AUTHOR.match(line_text(line))
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
    listed = False  # an agenda heading seen: its items follow
    for index, line in enumerate(lines):
        if listed and match_item(line_text(line), rules.lists["items"]) is not None:
            # The head ends where the agenda's items begin: a sentence under them ('Im Anschluss
            # findet eine nichtöffentliche Sitzung statt.') names another part of the session.
            break
        listed = listed or rules.res["agenda"].match(line_text(line)) is not None
        for pattern in rules.lists["public_sessions"]:
            text = _with_next(lines, index)
            match = pattern.search(text)
            if match and match.start() >= len(line_text(line)):
                continue  # the next line's own words
            if match and _part_of(text, match.start(), rules):
                continue
            if match and _in_item_title(text, match.start(), rules):
                continue
            if match and not _in_paragraph(lines, index, text[: match.start()]):
                return match.group("not") is None, line
    return None


def _with_next(lines: Sequence[Line], index: int) -> str:
    """The text of ``lines[index]``, with the next line's where it ends in the word of a session's
    part that its noun follows ('Bekanntmachung der 36. öffentlichen' / 'Sitzung des ...')."""
    text = line_text(lines[index])
    if index + 1 < len(lines) and _PART_WORD_END.search(text):
        return f"{text} {line_text(lines[index + 1])}"
    return text


#: A line that ends in 'öffentlichen' or 'nichtöffentliche' goes on with its noun.
_PART_WORD_END = regex.compile(r"(?:^|\s|nicht)öffentliche[nr]?\s*$", regex.IGNORECASE)


def _in_item_title(text: str, start: int, rules: MeetingRules) -> bool:
    """Whether the session words at ``start`` stand inside the title of an agenda item listed in
    the head ('TOP 4  Genehmigung der Niederschrift über die öffentliche Sitzung vom ...'): they
    name another session, not this one's part."""
    for pattern in rules.lists["items"]:
        item = pattern.match(text)
        if item is not None:
            return start > item.start("title")
    return False


def _part_of(text: str, start: int, rules: MeetingRules) -> bool:
    """Whether ``text`` heads a part of a list whose items come from a session it names after other
    words ('Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung', the session words at
    ``start``): the part's items, not the document's session. A part heading that is the session
    words alone ('Nichtöffentliche Sitzung') still says what the session is."""
    part = rules.res["nonpublic"].match(text) or rules.res["public"].match(text)
    return part is not None and bool(text[:start].strip())


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
