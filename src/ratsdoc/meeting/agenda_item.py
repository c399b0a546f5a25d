"""An agenda item being read, the numbered line that opens one, and the part headings that
set items public or not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..layout.lines import Line
from ..text.normalize import join_lines
from .rules import MeetingRules

#: Wrapped title lines start this close (pt) to the title's x.
ALIGN = 4.0
#: Longest line (characters) that can be a part heading ("Nichtöffentlicher Teil").
HEADING_CHARS = 60
#: An Ö/N marker in front of an item number ("Ö 3", "N12"): public or not.
MARKER = regex.compile(r"^\s*(?P<m>[ÖN])\s*\d")
#: An Ö/N marker with the space after it, taken off an item number to compare or count its levels.
MARKER_PREFIX = regex.compile(r"^\s*[ÖN]\s*")


@dataclass(slots=True)
class Item:
    """An agenda item being read: its heading lines and the lines of its body (minutes)."""

    number: str
    title_parts: list[str]
    title_x: float
    public: bool | None
    paper_numbers: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    #: The title ended in a paper number in parentheses: no line continues it.
    closed: bool = False
    #: Titles of later lines with the same number that differ from this one (minutes that repeat
    #: the agenda over the items), for the consistency check.
    repeats: list[str] = field(default_factory=list)
    #: Other reasons to doubt the item, for the consistency check.
    doubts: list[str] = field(default_factory=list)
    #: How many lines with the item's number opened it (the list and a heading in the minutes
    #: over its text: 2), for the consistency check.
    heads: int = 1
    #: A comma that ended the title was taken off (:func:`~ratsdoc.meeting.agenda._unpunctuated`).
    comma: bool = False

    @property
    def title(self) -> str:
        """The title, wrapped lines joined."""
        return join_lines([part for part in self.title_parts if part])

    def paper_numbers_in(self, match: regex.Match[str]) -> bool:
        """Whether the parenthesised text of ``match`` is one of the item's paper numbers."""
        return " ".join(match.group("inner").split()) in self.paper_numbers


def part_state(text: str, rules: MeetingRules) -> bool | None:
    """True/False when ``text`` is a public/non-public part heading, else None."""
    if len(text) > HEADING_CHARS or text.lstrip()[:1].islower():
        return None  # a heading is capitalised: 'öffentliche Sitzung vom ...' wraps a title
    if rules.res["nonpublic"].match(text):
        return False
    if rules.res["public"].match(text):
        return True
    return None


def match_item(text: str, patterns: Sequence[regex.Pattern[str]]) -> regex.Match[str] | None:
    """The first of ``patterns`` (item lines: "TOP 3 ...", "3.1 ...") that matches ``text``."""
    for pattern in patterns:
        match = pattern.match(text)
        if match:
            return match
    return None
