"""Consistency checks on an agenda as read: numbering that skips or runs backwards, an empty or
cut title (also a line right under it in a bare list that may go on with it), a title that
reads as running text or page furniture, paper-number text left in a title or standing under
it, the list and the minutes naming an item differently or the minutes not heading a listed
item, items of one list with and without a part. Each finding is a reason to doubt the list;
the extractor turns them into one typed warning."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, mostly_bold
from .agenda_item import ALIGN, Item, part_state
from .agenda_numbers import levels
from .agenda_papers import whole_number
from .agenda_wrap import follows, open_end
from .rules import MeetingRules

#: Text in a title that looks like a paper number ('0112/23', 'VO/2022/123', '20/MO 12/123').
_PAPER_LIKE = regex.compile(r"(?<![\w/])(?:\p{Lu}{1,5}/)?\d{1,5}/(?:\p{Lu}{1,4}\s?\d{1,5}/)?\d{2,5}(?![\w/])")
#: A span of years ('2024/2025', '2024/25') is no paper number.
_YEARS = regex.compile(r"^(?:19|20)\d\d/(?:(?:19|20)?\d\d)$")
#: How many findings the warning names.
SHOWN = 4


def _order(items: Sequence[Item]) -> list[str]:
    """Gaps and backward steps in the numbering; the non-public part may count from 1 again."""
    found: list[str] = []
    last: list[int] = []
    public: bool | None = None
    for item in items:
        parts = levels(item.number)
        if not parts:
            continue
        restart = public is not False and item.public is False and parts[:1] in ([0], [1])
        if not last:
            # An extract of the minutes holds one item under its own number ('8 d'): only a list
            # of several items is expected to start at 1.
            if parts[0] > 1 and sum(bool(levels(other.number)) for other in items) > 1:
                found.append(f"the first item is numbered {item.number}")
        elif restart:
            pass
        elif parts[0] == last[0]:
            # A sub-item: '3' then '3.1', '3.1' then '3.2' or '3 b'.
            if len(parts) == 1 or parts[1:] <= last[1:]:
                found.append(f"item {item.number} repeats or goes back")
            elif (len(parts) == len(last) and parts[-1] > last[-1] + 1) or (len(parts) > len(last) and parts[-1] > 1):
                found.append(f"numbering skips before {item.number}")
        elif parts[0] < last[0]:
            found.append(f"item {item.number} comes after {last[0]}")
        elif parts[0] > last[0] + 1 or (len(parts) > 1 and parts[1] > 1):
            found.append(f"numbering skips before {item.number}")
        last, public = levels(item.number, last=True), item.public
    return found


def _cut(item: Item, rules: MeetingRules, bare: bool = False) -> bool:
    """Whether the title looks cut: it ends in a hyphen or a word that needs a continuation, or the
    item's next line starts in lower case. In a ``bare`` list (most items without minutes) the next
    line may stand further down its page: a page's foot and the next page's head between them (two
    pages printed on one sheet) leave a gap, and no minutes stand under a bare list's title."""
    if open_end(item.title, rules):
        return True
    if not item.body or not item.lines:
        return False
    first, last = item.body[0], item.lines[-1]
    below = follows(first, last) or (bare and first.page == last.page and first.top > last.bottom)
    return _starts_lower(first.text) and below and first.x0 <= item.title_x + ALIGN


def _starts_lower(text: str) -> bool:
    """Whether ``text`` starts with a word in lower case that is no abbreviation ('gez.', 'i. A.'
    open a signature under the list, not the rest of a title)."""
    words = text.split()
    if not words or (words[0].endswith(".") and len(words[0]) <= _ABBREVIATION):
        return False
    first = words[0][:1]
    return first.isalpha() and first.islower()


#: Longest abbreviation (characters, with its full stop) that opens a line: 'gez.', 'i.A.'.
_ABBREVIATION = 5


def _paper_like(item: Item, rules: MeetingRules) -> bool:
    """Whether the title holds a paper number the item does not list; a plot's or a plan's number
    ('Fl.Nr. 916/26') is none."""
    for match in _PAPER_LIKE.finditer(item.title):
        number = " ".join(match.group().split())
        if rules.res["plot_word"].search(item.title[: match.start()]):
            continue
        if not _YEARS.match(number) and number not in item.paper_numbers:
            return True
    return False


#: A title ends in a sentence: a word of three or more lower-case letters and a full stop. No
#: agenda title of the goldens does; minutes' text does ('... aus dem Gremium.').
_SENTENCE_END = regex.compile(r"\p{Ll}{3,}\.\s*$")
#: Abbreviations that may end a title without ending a sentence (and street names: 'Hauptstr.').
_ABBREVIATIONS = frozenset({"usw.", "bzw.", "etc.", "ggf.", "evtl.", "inkl.", "vgl.", "ziff.", "buchst.", "str."})
#: A title longer than this (characters) is running text taken into it: the longest title of the
#: goldens, a Hamburg petition's, has 300.
LONG_TITLE = 400
#: Page furniture: a page number ('Seite 3', 'Seite 3 von 5', '- 3 -') in a title.
PAGE_NUMBER = regex.compile(r"\bSeite\s+\d{1,3}(?:\s*(?:von|/)\s*\d{1,3})?\b|(?:^|\s)[-–]\s?\d{1,3}\s?[-–](?:\s|$)")
#: A signature under the list ('gez. Anna Bauer', 'i. A. Müller', 'Mit freundlichen Grüßen').
_SIGNATURE = regex.compile(r"(?:^|\s)(?:gez\.|i\.\s?[AV]\.|Mit\s+freundlichen\s+Grüßen)(?:\s|$)")
#: A place and date line at a title's end ('... Güsten, 29.08.2025'): the dateline over the list's
#: signature, read into the last title where the list's column order broke.
_DATELINE_END = regex.compile(
    r"(?:^|\s)\p{Lu}[\p{L}.-]+(?:\s\p{Lu}[\p{L}.-]+)?,\s+(?:den\s+)?\d{1,2}\.\s?(?:\d{1,2}\.|\p{L}+\s)\s?\d{2,4}\s*$"
)
#: Dot leaders ('.......', '. . . .'): the page column of a list that is also a table of contents.
_LEADERS = regex.compile(r"(?:\.\s?){4,}")
#: A title that is only a date ('12. März 2025', '12.03.2025'): a head or foot line, no subject.
_DATE_ONLY = regex.compile(r"^\s*\d{1,2}\.\s*(?:\d{1,2}\.\s*|\p{L}{3,}\.?\s+)\d{2,4}\s*$")
#: Body lines right under a title that are looked at for a paper number left out of the item.
BELOW = 2
#: Lines after a page foot looked at for the rest of a list (the next page's head may come first).
AFTER_FOOT = 3
#: Items that must head the minutes' text again before one the minutes do not head is doubted.
MIN_REPEATED = 2


def _prose(title: str, rules: MeetingRules) -> str | None:
    """Why ``title`` reads as running text, not an item's title: it ends in a sentence (no title
    of the goldens ends with a full stop after a word), it holds a decision or vote label ('...
    Beschluss: Der Rat ...', the minutes under the title), it starts in lower case (the rest of a
    line before it; no title of the goldens does), or it is far longer than any title."""
    words = title.split()
    last = words[-1].casefold() if words else ""
    if _SENTENCE_END.search(title) and last not in _ABBREVIATIONS and not last.endswith("str."):
        return "ends in a sentence"
    if rules.res["result_label"].search(title):
        return "holds a decision or vote"
    # A word in lower case with a capital inside ('iPad', 'eGovernment') is a name.
    if words and words[0][:1].isalpha() and words[0][:1].islower() and words[0] == words[0].lower():
        return "starts in lower case"
    if len(title) > LONG_TITLE:
        return f"runs to {len(title)} characters"
    return None


def _furniture(title: str) -> bool:
    """Whether ``title`` holds page furniture or the letter round the list: a page number, dot
    leaders, only a date, the signature under the list or the dateline over it (no title of the
    goldens holds one)."""
    return bool(
        PAGE_NUMBER.search(title)
        or _LEADERS.search(title)
        or _DATE_ONLY.match(title)
        or _SIGNATURE.search(title)
        or _DATELINE_END.search(title)
    )


def _paper_below(item: Item, rules: MeetingRules) -> str | None:
    """A paper number that a line right under the title gives alone ('VO/2024/635', a Vorlage cell
    the layout set apart) while the item does not list it: the title's paper was missed."""
    for line in item.body[:BELOW]:
        number = whole_number(line.text, rules)
        if number is not None and number not in item.paper_numbers:
            return number
    # A paper the minutes name further down ('... stimmt der Vorlage 21/6819 zu') is no sign:
    # minutes name papers that the item's title does not carry (a motion raised in the debate).
    return None


def _bare(items: Sequence[Item]) -> bool:
    """Whether ``items`` are a bare list: most items (two in three) have no minutes under them."""
    return 3 * sum(not item.body for item in items) >= 2 * len(items)


def _wrap_left(item: Item, items: Sequence[Item], rules: MeetingRules) -> bool:
    """Whether the first line under the title of ``item`` in a bare list (most items without
    minutes) follows it closely in the same type at the title's or the number's x: a wrapped title
    line the reader did not join. A line that names who reports on the item, or that is only a
    paper reference, is none."""
    if not _bare(items) or not item.body or not item.lines:
        return False
    first, last = item.body[0], item.lines[-1]
    text = first.text.strip()
    at = min(abs(first.x0 - item.title_x), abs(first.x0 - item.lines[0].x0)) <= ALIGN
    return (
        at
        and first.page == last.page
        and follows(first, last)
        and mostly_bold(first) == mostly_bold(last)
        and not _SENTENCE_END.search(text)
        and not _SIGNATURE.search(text)
        and not rules.res["side_label"].match(text)
        # A paper reference alone ('Vorlage: 2025/020') is the paper's line, checked by _paper_below.
        and whole_number(text, rules) is None
        and len(text) < 80
    )


def _not_again(items: Sequence[Item]) -> list[str]:
    """Items that minutes which list the agenda and head most items again over their text name only
    once: a listed item whose heading was not read (its minutes, decision and vote ran into the
    item before), or a heading the list does not hold. A non-public item is often left out of
    the public minutes and is not doubted."""
    again = [item for item in items if item.heads > 1]
    if len(again) < MIN_REPEATED or 2 * len(again) < len(items):
        return []
    return [
        f"item {item.number or '?'} is in the list or the minutes only"
        for item in items
        if item.heads == 1 and item.public is not False
    ]


def public_doubts(items: Sequence[Item]) -> list[str]:
    """Items whose part (public or not) is not known in a list that gives it for other items: a
    list states the part of all its items or of none (so do all goldens), so a part heading or
    marker was missed."""
    known = [item for item in items if item.public is not None]
    if not known or len(known) == len(items):
        return []
    unknown = [item.number or "?" for item in items if item.public is None]
    return [f"whether item {', '.join(unknown[:SHOWN])} is public is not known"]


#: A paper number that reads like a vote cell, three counts of one or two digits ("13/1/0"): in a
#: table whose vote column was not recognised, the vote is taken for the item's paper number.
_VOTE_LIKE = regex.compile(r"^\d{1,2}/\d{1,2}/\d{1,2}$")


def agenda_doubts(items: Sequence[Item], rules: MeetingRules, *, ordered: bool = True) -> list[str]:
    """What is doubtful about ``items``: numbering (when ``ordered``: items of verbatim minutes are
    called in any order), empty or cut titles, titles that read as running text or hold page
    furniture, paper numbers left in a title or standing alone under it, titles that the agenda
    and the minutes give differently, and (when ``ordered``) items that minutes which repeat the
    list name only once. The part of the items is checked by :func:`public_doubts`, once the
    head has filled it in."""
    found = _order(items) if ordered else []
    bare = _bare(items)
    for item in items:
        name = item.number or "?"
        if not item.title.strip():
            found.append(f"item {name} has no title")
        elif _cut(item, rules, bare):
            found.append(f"the title of item {name} looks cut")
        if _paper_like(item, rules):
            found.append(f"the title of item {name} holds a paper number")
        prose = _prose(item.title, rules)
        if prose:
            found.append(f"the title of item {name} {prose}")
        if _furniture(item.title):
            found.append(f"the title of item {name} holds a page number, date line or signature")
        if item.comma and _bare(items):
            found.append(f"the title of item {name} ends in a comma")
        if _wrap_left(item, items, rules):
            found.append(f"the line under item {name} may go on with its title")
        below = _paper_below(item, rules)
        if below:
            found.append(f"paper {below} under item {name} is not among its papers")
        if item.repeats:
            found.append(f"the agenda and the minutes title item {name} differently")
        found += [
            f"paper {n} of item {name} reads like a vote (yes/no/abstain)"
            for n in item.paper_numbers
            if _VOTE_LIKE.match(n)
        ]
        found += item.doubts
    return found + (_not_again(items) if ordered else _before_parent(items))


def _before_parent(items: Sequence[Item]) -> list[str]:
    """Sub-items of verbatim minutes that come before their item ('3.1.2' before '3'): the debate
    calls items in any order, but a sub-item's heading follows the heading of its item; one read
    before it is a column or page read out of order."""
    found: list[str] = []
    seen: set[tuple[int, ...]] = set()
    numbered = {tuple(levels(item.number)) for item in items if levels(item.number)}
    for item in items:
        parts = tuple(levels(item.number))
        # Its item and any item between ('3' and '3.1' over '3.1.2').
        ahead = [parts[:k] for k in range(1, len(parts)) if parts[:k] in numbered and parts[:k] not in seen]
        if ahead:
            found.append(f"item {item.number} comes before its item {'.'.join(map(str, ahead[0]))}")
        if parts:
            seen.add(parts)
    return found


def _at(line: Line) -> tuple[int, float]:
    """Where ``line`` stands: its page and its top."""
    return line.page, line.top


def empty_parts(items: Sequence[Item], lines: Sequence[Line], rules: MeetingRules) -> list[str]:
    """Part headings ('Nichtöffentlicher Teil') below the first item that no item of that part
    follows: the items under it were not read (a page foot the layout left in the list, a list
    that numbers the part from 1 again). Every list of the goldens that prints a part heading has
    an item under it. Call it once the head has filled in the items' part."""
    starts = [_at(item.lines[0]) for item in items if item.lines]
    if not starts:
        return []
    taken = {_at(ln) for item in items for ln in item.lines}
    found: list[str] = []
    for k, line in enumerate(lines):
        state = part_state(line.text, rules)
        if state is None or _at(line) <= min(starts):
            continue
        later = [item for item in items if item.lines and max(_at(ln) for ln in item.lines) > _at(line)]
        if not any(item.public is state for item in later) and _unread_item(lines[k + 1 :], taken, rules):
            found.append(f"no item follows the part heading '{line.text.strip()}'")
    return found[:1] + _foot_in_list(items, lines)


#: A line that opens with an item's number ('5.', '3.1', 'TOP 5', 'Ö 2'): an item's start.
_ITEM_START = regex.compile(r"^\s*(?:TOP\s*)?(?:[ÖN]\s?)?\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S")


def _unread_item(after: Sequence[Line], taken: set[tuple[int, float]], rules: MeetingRules) -> bool:
    """Whether a line under a part heading, before the next one, opens with an item's number and
    no item took it. Public minutes often print the non-public part's heading with nothing or a
    closing sentence under it ('Nichtöffentlicher Teil' / 'Die Sitzung endet um 21:10 Uhr'):
    that part is empty as printed, not lost."""
    for line in after:
        if part_state(line.text, rules) is not None:
            return False
        if _at(line) not in taken and _ITEM_START.match(line.text):
            return True
    return False


def _foot_in_list(items: Sequence[Item], lines: Sequence[Line]) -> list[str]:
    """In a bare list, a line that is only a page number ('Seite 1 von 2', '- 2 -') followed by a
    line at the items' title x that no item took (nor a signature): the page foot was read as
    part of the page and ended the list, so the items under it were lost."""
    if not items or not _bare(items):
        return []
    taken = {_at(line) for item in items for line in item.lines}
    xs = {round(item.title_x) for item in items}
    start = min((_at(item.lines[0]) for item in items if item.lines), default=(0, 0.0))
    for k, foot in enumerate(lines):
        match = PAGE_NUMBER.search(foot.text)
        if match is None or _at(foot) <= start or len(match.group().strip()) + 2 < len(foot.text.strip()):
            continue
        # The next page's running head may come first.
        for after in lines[k + 1 : k + 1 + AFTER_FOOT]:
            at_title = any(abs(after.x0 - x) <= ALIGN for x in xs)
            if at_title and _at(after) not in taken and not _SIGNATURE.search(after.text):
                return [f"the list goes on under the page foot '{foot.text.strip()}'"]
    return []


def doubt_message(found: Sequence[str]) -> str:
    """One warning line for the findings of :func:`agenda_doubts`."""
    more = f" (and {len(found) - SHOWN} more)" if len(found) > SHOWN else ""
    return f"agenda items in doubt: {'; '.join(found[:SHOWN])}{more}"
