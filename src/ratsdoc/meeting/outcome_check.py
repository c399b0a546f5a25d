"""Consistency checks on the outcomes read for an agenda's items: a vote its minutes label but no
vote was read for, a vote table whose rows or a column were read elsewhere, a decision that is a
page number or looks cut. Each finding joins the agenda's doubts (:mod:`.agenda_check`)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line
from .agenda_check import PAGE_NUMBER
from .agenda_item import Item
from .agenda_wrap import open_end
from .rules import MeetingRules
from .vote_table import column_apart, heading_row, total_row


def unread_votes(
    items: Sequence[Item], outcomes: Sequence[tuple[object, object, object]], rules: MeetingRules
) -> list[str]:
    """Items whose minutes label a vote ('Abstimmungsergebnis:') of which no vote was read, or
    whose vote table lost a column to a line of its own: the counts stand where they were not
    looked for (a table whose columns the page split apart).
    ``outcomes`` are (decision, vote, lines) per item; an item with several results, one a line,
    has no single vote by design. Also a decision that looks cut."""
    found = []
    for item, (decision, vote, used) in zip(items, outcomes, strict=True):
        several = isinstance(decision, str) and "\n" in decision
        if vote is None and not several and any(_vote_label(line.text, rules) for line in item.body):
            found.append(f"the vote of item {item.number or '?'} is labelled but not read")
        elif (
            vote is None
            and not several
            and (total_row(item.body) or any(heading_row(line.text, rules) for line in item.body))
        ):
            # Rows of a vote table whose label and heading row went elsewhere (a page foot), or a
            # heading row ('Ja  Nein  Enthaltung') whose counts were not found under it.
            found.append(f"the vote table of item {item.number or '?'} was not read")
        elif vote is not None and _counts_apart(_unused(item.body, used)):
            # A row of counts the page's reading cut ('71 65 56' | '5 3'): the vote may lack a count.
            found.append(f"a row of the vote table of item {item.number or '?'} was read apart")
        elif vote is not None and column_apart(_unused(item.body, used), rules):
            # A heading row the vote was read from ('Ja  Nein  Enthaltung' over its counts) is not apart.
            found.append(f"a column of the vote table of item {item.number or '?'} was read apart")
        if isinstance(decision, str) and any(PAGE_NUMBER.fullmatch(part.strip()) for part in decision.split("\n")):
            found.append(f"the decision of item {item.number or '?'} is a page number")
        elif isinstance(decision, str) and _unended(decision, rules):
            # 'beauftragt die Verwaltung mit der': the rest stood where it was not looked for.
            found.append(f"the decision of item {item.number or '?'} looks cut")
    return found


#: A line of bare counts ('5 3', '12 – 1'): a piece of a vote table's row.
_BARE_COUNTS = regex.compile(r"^\s*(?:\d{1,4}|[—–-])(?:\s+(?:\d{1,4}|[—–-]))+\s*$")


def _counts_apart(lines: Sequence[Line]) -> bool:
    """Whether ``lines`` hold a line of nothing but counts (a cut piece of a vote table's row)."""
    return any(_BARE_COUNTS.match(line.text) and not PAGE_NUMBER.fullmatch(line.text.strip()) for line in lines)


def _unused(lines: Sequence[Line], used: object) -> list[Line]:
    """``lines`` but those the outcome was read from (``used``, the outcome's lines)."""
    taken = {id(line) for line in used} if isinstance(used, list) else set()
    return [line for line in lines if id(line) not in taken]


#: A decision of this many words or more is a sentence, which ends in a stop ('keiner, nur
#: Kenntnisnahme' is a note, no sentence: every longer decision of the goldens ends in a full stop).
SENTENCE_WORDS = 8
#: What ends a sentence of a decision: a stop, a colon over a list, a closing bracket or quote.
_ENDED = regex.compile(r"[.!?:)\]\"“”'»«]\s*$")


def _unended(decision: str, rules: MeetingRules) -> bool:
    """Whether a decision looks cut: a line of it ends in a word that needs a continuation ('mit
    der'), or a sentence of :data:`SENTENCE_WORDS` words or more ends without a stop."""
    for part in decision.split("\n"):
        if open_end(part, rules) or (len(part.split()) >= SENTENCE_WORDS and not _ENDED.search(part)):
            return True
    return False


#: The end of a sentence in a line, after which a label may open a block the layout joined to it.
_SENTENCE_STOP = regex.compile(r"[.!?]\s*")


def _vote_label(text: str, rules: MeetingRules) -> bool:
    """Whether a vote label opens ``text`` or follows a sentence in it ('... wird zugestimmt.
    Abstimmungsergebnis:': two lines the page reading joined)."""
    if rules.res["vote"].match(text):
        return True
    return any(rules.res["vote"].match(text[stop.end() :]) for stop in _SENTENCE_STOP.finditer(text))
