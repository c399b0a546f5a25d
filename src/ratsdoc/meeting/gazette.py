"""A gazette's page (Amtsblatt, Amtliche Bekanntmachungen, Mitteilungsblatt) that publishes a
session's notice among other notices: the notice alone, from its heading to its signature, is the
meeting document; the masthead ("Nr. 12", the issue's day) and the other notices (a Bebauungsplan's
Auslegung naming another session, a Haushaltssatzung's numbered amounts) are no part of it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from itertools import pairwise

import regex

from ..extract.generic.closing import DATELINE
from ..issues import Issue, IssueCode
from ..layout.columns import reading_lines
from ..layout.lines import Line, all_bold
from ..regions import Layout
from .rules import MeetingRules

#: The gazette's name stands in one of page 1's first lines.
MASTHEAD_LINES = 3
#: A notice's heading has at most this many bold lines.
HEADING_LINES = 3
#: The session is named in the heading or in this many lines under it.
SESSION_NEAR = 5
#: Its agenda heading follows within this many lines of the notice's heading.
AGENDA_NEAR = 25
#: A signature under the notice's place and day: "gez. Name", the name, the office.
SIGNATURE_LINES = 3
SIGNATURE_WORDS = 5

#: The notice's place and day name the place first: 'Zörbig, 25.08.2025', 'Zörbig, den 2. Mai 2025'.
_PLACED = regex.compile(r"^\p{Lu}[\p{L}. -]{1,40},\s")
_OPENING = regex.compile(r"^\s*(?:Öffentliche\s+)?(?P<type>\p{L}+)", regex.IGNORECASE)
_SESSION = regex.compile(r"\bSitzung\b", regex.IGNORECASE)
_SESSION_OF = regex.compile(r"\bSitzung\s+(?:des|der)\b", regex.IGNORECASE)


def _start(lines: list[Line], rules: MeetingRules) -> tuple[int, int] | None:
    """The index of the session notice's heading and of its agenda heading, or None."""
    types = {t.casefold() for t in rules.types}
    for k, line in enumerate(lines):
        opening = _OPENING.match(line.text)
        if not all_bold(line) or opening is None or opening.group("type").casefold() not in types:
            continue
        heading = [line]
        while len(heading) < HEADING_LINES and k + len(heading) < len(lines) and all_bold(lines[k + len(heading)]):
            heading.append(lines[k + len(heading)])
        after = lines[k + len(heading) : k + len(heading) + SESSION_NEAR]
        # The sentence under the heading may break between "Sitzung" and its genitive.
        named = _SESSION.search(" ".join(ln.text for ln in heading)) or _SESSION_OF.search(
            " ".join(ln.text for ln in after)
        )
        if not named:
            continue  # "Bekanntmachung über die öffentliche Auslegung ...": another notice
        agenda = next(
            (j for j in range(k + 1, min(len(lines), k + AGENDA_NEAR)) if rules.res["agenda"].match(lines[j].text)),
            None,
        )
        if agenda is not None:
            return k, agenda
    return None


def _end(lines: list[Line], agenda: int, masthead: float | None = None) -> int:
    """The index past the notice's signature: its place and day after the agenda and the short lines
    under it, or the end of ``lines`` where no such line follows. A line of page 1 above
    ``masthead`` (:func:`_masthead_bottom`) is the masthead's (the issue's day 'Dienstag, 4. Februar
    2025' that a column split put at the top of the third column), no place and day."""
    for k in range(agenda + 1, len(lines)):
        text = lines[k].text.strip()
        if masthead is not None and lines[k].page == 1 and lines[k].bottom <= masthead:
            continue
        if all_bold(lines[k]) or not _PLACED.match(text) or not DATELINE.fullmatch(text):
            continue  # a day alone ('12. Dezember 2024') wraps an item's title
        end = k + 1
        while end < len(lines) and end - k <= SIGNATURE_LINES and _signs(lines[end], lines[k]):
            end += 1
        return end
    return len(lines)


#: The fields a notice whose end was not found may hold wrong: its last items, its own day.
UNSIGNED_FIELDS = ("date", "agenda_items")
#: The fields a notice mixed with its neighbours' lines may hold wrong.
NOTICE_FIELDS = ("kind", "document_type", "number", "date", "body", "meeting", "agenda_items")
#: Words further apart than this many type sizes on one line stand in two columns.
COLUMN_GAP = 1.5


def _mixed(line: Line, left: float, width: float) -> bool:
    """Whether ``line`` holds words of two columns (the page's columns were not told apart): wider
    than the notice's lines (``left`` and ``width``, their medians) by :data:`WIDER`, with a gap
    wider than :data:`COLUMN_GAP` type sizes in their right part (a label and its value at a tab
    stop part at the left), or in regular type :data:`TWICE` as wide with a gap wider than its
    word spaces there (:func:`_spaced`)."""
    words = line.words
    if line.x1 - line.x0 <= WIDER * width:
        return False
    # The right part from the line's own start where the notice runs on in a column right of its
    # first (a label's gap behind 'TOP 6' there is no column's).
    left = max(left, line.x0)
    if line.x1 - line.x0 > TWICE * width and not all_bold(line) and _spaced(line, left + RIGHT_PART * width):
        return True  # a word run up to the next column's: a gap too narrow for a column's, wider than a word space
    return any(
        b.x0 - a.x1 > COLUMN_GAP * max(a.size, b.size) and a.x1 > left + RIGHT_PART * width for a, b in pairwise(words)
    )


def _back_up(notice: Sequence[Line]) -> int | None:
    """The page where the notice's reading order turns back to a column that it read before from
    a line right of that column's text, above the lines already read on the page (another
    column's lines read between a column's: the order of the page's columns broke), or None.
    Read in order, a column is taken up again only on a new page or under all that the page held
    so far (a band of columns under one across them); a title's deeper indent is no column."""
    for k in range(1, len(notice)):
        line, before = notice[k], notice[k - 1]
        read = [ln for ln in notice[:k] if ln.page == line.page]
        own = [ln for ln in read if abs(ln.x0 - line.x0) <= SIGNATURE_ALIGN]
        if line.page != before.page or not own or before.x0 <= max(ln.x1 for ln in own):
            continue
        if any(ln.bottom > line.top for ln in read):
            return line.page
    return None


def _across_beside(notice: Sequence[Line], lines: Sequence[Line], left: float, width: float) -> int | None:
    """The page of a line outside ``notice`` that holds words of two columns (:func:`_mixed`,
    ``left`` and ``width`` the notice's medians) and starts in a column of the notice between its
    lines there, or None: a word run into the gutter joined the columns' rows, and the order read
    the lines under it (the notice's rest) after every column."""
    inside = {id(ln) for ln in notice}
    for line in lines:
        if id(line) in inside:
            continue
        column = [n for n in notice if n.page == line.page and abs(n.x0 - line.x0) <= SIGNATURE_ALIGN]
        if not column or not min(n.top for n in column) < line.top < max(n.bottom for n in column):
            continue
        if _mixed(line, left, width):
            return line.page
    return None


#: Where the right part of the notice's lines begins, as a share of their width.
RIGHT_PART = 0.6
#: A line this many times as wide as the notice's lines (their median) runs into another column.
WIDER = 1.3
#: A line of regular text this many times as wide holds two columns' words where a gap in its
#: right part is :data:`SPACED` times its word spaces (their median) and more than
#: :data:`SPACE_SHARE` of a type size.
TWICE = 2.0
SPACED = 3.0
SPACE_SHARE = 0.6


def _spaced(line: Line, right: float) -> bool:
    """Whether ``line`` has a gap right of ``right`` wider than a word space (:data:`SPACED`)."""
    pairs = [(a, b, b.x0 - a.x1) for a, b in pairwise(line.words)]
    spaces = sorted(gap for _, _, gap in pairs if gap > 0)
    if not spaces:
        return False
    space = spaces[len(spaces) // 2]
    return any(gap > max(SPACED * space, SPACE_SHARE * a.size) and a.x1 > right for a, _, gap in pairs)


def _masthead_bottom(lines: list[Line], name: Line) -> float | None:
    """Where the masthead under the gazette's ``name`` ends: the top of the first bold heading
    under it on page 1, or None."""
    tops = [ln.top for ln in lines if ln.page == 1 and all_bold(ln) and ln.top > name.bottom]
    return min(tops) if tops else None


def _below_masthead(notice: list[Line], first: float | None) -> list[Line]:
    """``notice`` without the masthead's words that a column split took into it (the issue's day
    set at the right over the third column): on page 1, above ``first``, the masthead's bottom
    (:func:`_masthead_bottom`)."""
    if first is None:
        return notice
    return [ln for ln in notice if ln.page != 1 or ln.bottom > first or ln is notice[0]]


#: A signature's lines start within this many points of the place and day above them.
SIGNATURE_ALIGN = 20.0


def _signs(line: Line, dateline: Line) -> bool:
    """Whether ``line`` is part of the signature under ``dateline``: a few words in regular type at
    its x, none of them a column apart (the next column's line beside the signature's)."""
    words = line.words
    gaps = any(b.x0 - a.x1 > COLUMN_GAP * max(a.size, b.size) for a, b in pairwise(words))
    return (
        not all_bold(line)
        and len(words) <= SIGNATURE_WORDS
        and abs(line.x0 - dateline.x0) <= SIGNATURE_ALIGN
        and not gaps
        and line.page == dateline.page
    )


#: An agenda item's label opening a line: its prefix ('TOP', 'Ö') and its first number.
_ITEM_LABEL = regex.compile(r"^\s*(?P<prefix>TOP\s*|[ÖN]\s?)?(?P<n>\d{1,3})(?:\.\d{1,3})*[.)]?\s+\S")


def _next_item_apart(notice: Sequence[Line], lines: Sequence[Line]) -> Line | None:
    """A line outside ``notice`` that opens with the item after the notice's last one, in the same
    label ('TOP 3' after 'TOP 2'; a bare '3.' only at the items' x), or None."""
    labelled = [(ln, label) for ln in notice if (label := _ITEM_LABEL.match(ln.text)) is not None]
    if not labelled:
        return None
    last = labelled[-1][1]
    prefix, wanted = (last.group("prefix") or "").strip(), int(last.group("n")) + 1
    inside = {id(ln) for ln in notice}
    xs = [ln.x0 for ln, label in labelled if (label.group("prefix") or "").strip() == prefix]
    for line in lines:
        label = _ITEM_LABEL.match(line.text) if id(line) not in inside else None
        if label is None or int(label.group("n")) != wanted or (label.group("prefix") or "").strip() != prefix:
            continue
        if prefix or any(abs(line.x0 - x) <= SIGNATURE_ALIGN for x in xs):
            return line
    return None


def session_notice(layout: Layout, rules: MeetingRules) -> tuple[Layout, list[Issue]]:
    """``layout`` cut to the session's notice where it is a gazette's (its name opens page 1) that
    prints one among other notices, with a warning saying so; else ``layout`` as it is. Where the
    notice is not found, or its lines hold words of other columns, the fields it gives are in
    doubt: warnings name them."""
    # The gazette's name heads page 1 whatever the reading order: looked for on the page's top
    # lines first, so that only a gazette is put in reading order here (the meeting reader does
    # so for every other document itself).
    top = [ln for ln in layout.lines if ln.page == 1 and ln.words and not ln.furniture][:MASTHEAD_LINES]
    if not any(p.match(ln.text) for ln in top for p in rules.lists["gazette_heads"]):
        return layout, []
    lines = [ln for ln in reading_lines(layout) if ln.words]
    masthead = [ln for ln in lines if ln.page == 1][:MASTHEAD_LINES]
    if not any(p.match(ln.text) for ln in masthead for p in rules.lists["gazette_heads"]):
        return layout, []
    found = _start(lines, rules)
    if found is None:
        message = (
            "a gazette whose session notice was not told apart from its other notices: "
            "the meeting's fields may come from them"
        )
        return layout, [Issue(IssueCode.READING_ORDER_UNCERTAIN, message, 1, name) for name in NOTICE_FIELDS]
    start, agenda = found
    bottom = _masthead_bottom(lines, masthead[0])
    end = _end(lines, agenda, bottom)
    notice = _below_masthead(lines[start:end], bottom)
    heading = notice[0]
    message = (
        f'page {heading.page}: a gazette; only its session notice ("{heading.text[:60]}") was read, '
        "the masthead and the other notices are no part of it"
    )
    issues = [Issue(IssueCode.SECOND_DOCUMENT, message, heading.page)]
    if end == len(lines):
        # No place and day signed it: the notice may go on where the reading order did not
        # follow it (the next column's top, read before it), its last items and its day unread.
        message = (
            f"page {notice[-1].page}: the gazette's session notice ends without its place and day; "
            "it may go on elsewhere on the page"
        )
        issues += [Issue(IssueCode.READING_ORDER_UNCERTAIN, message, notice[-1].page, name) for name in UNSIGNED_FIELDS]
    apart = _next_item_apart(notice, lines)
    if apart is not None:
        # The notice's list stops at an item whose next stands elsewhere on the page ("TOP 2" read
        # before the signature, "TOP 3" further down another column): the order cut the list.
        message = (
            f"page {apart.page}: the gazette's session notice's agenda may go on elsewhere on the page "
            f'("{apart.text.strip()[:40]}" stands outside it)'
        )
        issues.append(Issue(IssueCode.READING_ORDER_UNCERTAIN, message, apart.page, "agenda_items"))
    widths = sorted(ln.x1 - ln.x0 for ln in notice)
    left = sorted(ln.x0 for ln in notice)[len(notice) // 2]
    mixed = sorted({ln.page for ln in notice if _mixed(ln, left, widths[len(widths) // 2])})
    back = _back_up(notice)
    mixed = sorted({*mixed, back}) if back is not None else mixed
    beside = _across_beside(notice, lines, left, widths[len(widths) // 2])
    mixed = sorted({*mixed, beside}) if beside is not None else mixed
    if mixed:
        message = (
            f"page {mixed[0]}: the gazette's columns were not told apart; "
            "the session notice's lines hold words of other notices"
        )
        issues += [Issue(IssueCode.READING_ORDER_UNCERTAIN, message, mixed[0], name) for name in NOTICE_FIELDS]
    return dataclasses.replace(layout, lines=notice), issues
