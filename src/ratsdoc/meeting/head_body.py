"""The body of the session as the head of a meeting document names it: in a session line ('Sitzung
des Gemeinderates'), in a short head line that is its name alone, or in full in a running head where
the session line gives only its noun."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, narrow_cells
from ..text.normalize import join_lines
from .body_names import body_name, town_seat
from .head_lines import AFTER_NAME, EVIDENCE_LINES, TYPE_LINES, line_text
from .header import value_continuation
from .record_type import type_of
from .rules import MeetingRules

#: The end of a line that breaks a session phrase before the body's name.
_BROKEN = regex.compile(r"\sSitzung(?:\s+(?:des|der))?$")
#: The end of a line that may break a body's seat before its town ('... des Kreistages des
#: Landkreises' / 'Gotha vom 31. Januar 2024').
_SEAT_END = regex.compile(r"\s(?P<seat>(?:des|der)\s+\p{Lu}\p{L}+)$")


def _broken(text: str, following: str, rules: MeetingRules) -> bool:
    """Whether ``text`` breaks a session phrase that ``following`` (the next line) goes on with."""
    seat = _SEAT_END.search(text)
    if seat and following and town_seat([*seat.group("seat").split(), *following.split()[:2]], rules):
        return True
    # 'Bekanntmachung der Sitzung' / 'des Stadtrates': 'der Sitzung' is no seat.
    return bool(_BROKEN.search(text))


#: A place's name alone on a line: one or two capitalised words, no digits, no colon.
_PLACE = regex.compile(r"^(?-i:\p{Lu}[\p{L}-]+)(?:\s(?-i:\p{Lu}[\p{L}-]+))?$")


#: A word that cannot end a body's name: its name goes on on the next line; 'mit' after its "für"
#: ('... des Beirats für Menschen mit' / 'Behinderungen vom ...', body_names._PURPOSE_JOINERS).
_OPEN_NAME = regex.compile(r"\s(?:für|und|des|der)$|\sfür\s+\S+(?:\s+\S+)?\s+mit$")
#: A line that goes on with a body's name ('Sitzung des Ausschusses' / 'für Umwelt und').
_GOES_ON_NAME = regex.compile(r"^(?:für|und)\s")
#: A session line names its session (or goes on with its genitive).
_SESSION_WORD = regex.compile(r"\bSitzung\b")


def _name_goes_on(text: str, lines: Sequence[Line], index: int) -> str:
    """``text``, the session line ``lines[index]`` (joined with what follows it), with the next
    lines right under it in the same type where it breaks inside the body's name after a word
    that cannot end it ('... Sitzung des Ausschusses für' / 'Umwelt und Kreisentwicklung': a
    heading's bold lines, or a notice's sentence)."""
    if not _SESSION_WORD.search(text):
        return text
    joined = index + 1 < len(lines) and text != line_text(lines[index]) and text.endswith(line_text(lines[index + 1]))
    at = index + 1 if joined else index  # the line after it may be joined already
    while (
        at + 1 < len(lines)
        and (_OPEN_NAME.search(text) or _GOES_ON_NAME.match(line_text(lines[at + 1])))
        and _same_type_below(lines[at], lines[at + 1])
    ):
        text += " " + line_text(lines[at + 1])
        at += 1
    return text


def _same_type_below(line: Line, below: Line) -> bool:
    """Whether ``below`` stands right under ``line`` at its left edge, both in the same weight (a
    heading's bold lines, a paragraph's plain ones)."""
    height = max(line.bottom - line.top, 1.0)
    return (
        below.page == line.page
        and 0 <= below.top - line.bottom <= 0.6 * height
        and abs(below.x0 - line.x0) <= _TERM_ALIGN
        and bool(line.words)
        and bool(below.words)
        and len({t.bold for t in (*line.words, *below.words)}) == 1
    )


def _name_below(line: Line, below: Line, rules: MeetingRules) -> bool:
    """Whether ``below`` holds the rest of a body's name that ``line`` ends with ('... Sitzung des
    Ortsbeirates' over 'Kleinmühlingen'): the line ends in a body's noun, and right below it in the
    same type at its left edge stands a place's name alone, no type word or part heading."""
    words = line_text(line).split()
    rest = line_text(below)
    if not words or not _PLACE.match(rest) or body_name(words[-1], rules, genitive=True) is None:
        return False
    if type_of(rest, rules) or rules.res["public"].match(rest) or rules.res["nonpublic"].match(rest):
        return False
    if rules.res["agenda"].match(rest) or rules.res["attendee"].match(rest):
        return False
    height = max(line.bottom - line.top, 1.0)
    same_type = all(t.bold for t in below.words) == all(t.bold for t in line.words)
    return (
        below.page == line.page
        and 0 <= below.top - line.bottom <= 0.6 * height
        and abs(below.x0 - line.x0) <= _TERM_ALIGN
        and same_type
    )


def read_body(head: Sequence[Line], rules: MeetingRules, furniture: Sequence[Line] = ()) -> tuple[str, Line] | None:
    """The body of the session: named in a session line ('Sitzung des Gemeinderates',
    'Protokoll der Bezirksvertretung Lindenthal'), else a short head line that is a body's
    name alone ('Grosser Rat', 'Stadtteilbeirat Büchenbach'). A session line that gives only the
    body's noun ('ich eröffne die 18. Sitzung des Rates') yields to a head line, or a running
    head or foot of any page (``furniture``), naming the same body in full ('Rat der Stadt
    Köln'): the document itself prints the longer name."""
    found = _labelled_body(head, rules) or _session_body(head, rules) or _heading_body(head, rules)
    if found is None:
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
        text = line_text(line)
        if text and text not in seen:
            seen.add(text)
            kept.append(line)
    return kept


def _completes(bare: str, full: str) -> bool:
    """Whether ``full`` names the body that ``bare`` gives by its noun alone ('Rat' → 'Rat der
    Stadt Köln', 'Gemeinderat' → 'Gemeinderat Arbon'), or by a name of several words without the
    town that its letterhead adds ('Kinder- und Jugendbeirat' → 'Kinder- und Jugendbeirat der Stadt
    Gotha', as 'Seniorenbeirat' → 'Seniorenbeirat der Stadt Gotha')."""
    words = full.split()
    if len(bare.split()) == 1:
        return len(words) > 1 and words[0] == bare
    rest = full[len(bare) :].split() if full.startswith(bare + " ") else []
    return len(rest) > 1 and rest[0] in ("der", "des")


def _labelled_body(head: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The body after a "Gremium" label that fills its cell (the name in the next cell) or stands
    as a term over the name (the name on the line right below, at its left edge); the label with
    its colon on one line is a body phrase of ``rules``."""
    lines = list(head[:EVIDENCE_LINES])
    for index, line in enumerate(lines):
        cells = narrow_cells(line)
        if not cells or not rules.res["body_label"].match(" ".join(t.text for t in cells[0])):
            continue
        if len(cells) > 1:
            value, where = " ".join(t.text for t in cells[1]), line
        elif index + 1 < len(lines) and abs(lines[index + 1].x0 - line.x0) <= _TERM_ALIGN:
            value, where = line_text(lines[index + 1]), lines[index + 1]
        else:
            continue
        name = body_name(value, rules, genitive=False, whole=True)
        if name:
            return name, where
    return None


#: A term's value starts within this many points of the term's left edge.
_TERM_ALIGN = 3.0


def _session_body(head: Sequence[Line], rules: MeetingRules) -> tuple[str, Line] | None:
    """The body named in a session line of the head ('Sitzung des Gemeinderates', 'Rat der Stadt
    Jena – 18. Sitzung vom ...')."""
    lines = list(head[:EVIDENCE_LINES])
    for index, line in enumerate(lines):
        text = line_text(line)
        if index + 1 < len(lines) and _broken(text, line_text(lines[index + 1]), rules):
            # 'ich eröffne die 37. Sitzung' / 'des Rates in der ...': a session line broken after its
            # noun or its article ('... die 14. Sitzung des' / 'Rates in der ...').
            text += " " + line_text(lines[index + 1])
            if index + 2 < len(lines) and _name_below(lines[index + 1], lines[index + 2], rules):
                text += " " + line_text(lines[index + 2])  # ... / 'des Ortschaftsrates' / 'Zeischa'
        elif index + 1 < len(lines) and _name_below(line, lines[index + 1], rules):
            # '... Sitzung des Ortsbeirates' / 'Kleinmühlingen': the body's place wrapped to the next line.
            text += " " + line_text(lines[index + 1])
        elif len(cells := line.segments()) == 2:
            # A form's value cell wrapped under itself ('Protokoll:  Gemeinderat der Landes-' / 'hauptstadt ...').
            text = join_lines([text, *value_continuation(lines, index, cells[1][0].x0, rules)])
        text = _name_goes_on(text, lines, index)
        named = AFTER_NAME.match(text)
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
        texts = [line_text(line)] + ([" ".join(t.text for t in cell) for cell in cells] if len(cells) > 1 else [])
        named = AFTER_NAME.match(texts[0])
        if named and type_of(named.group("rest"), rules):
            texts.append(named.group("name"))  # 'Stadtrat Jena – Protokoll der Sitzung vom ...'
        name = next(
            (n for t in texts if (n := body_name(" ".join(t.split()), rules, genitive=False, whole=True))), None
        )
        if name:
            return name, line
    return None
