"""The agenda of a meeting document: items (TOP) with wrapped titles and sub-items, the public
and non-public parts, Ö/N markers and the paper numbers an item names. The items are read
here; their numbers, wrapped titles and paper numbers in the modules ``agenda_*``."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line
from .agenda_columns import read_apart, rejoin_rows, strip_side_cells
from .agenda_item import ALIGN, HEADING_CHARS, MARKER, MARKER_PREFIX, Item, match_item, part_state
from .agenda_numbers import foreign, in_sequence, levels, next_number, restarts, unmarked_next
from .agenda_papers import (
    cell_number,
    drop_wrapped_cell,
    numbers_in,
    split_cells,
    take_numbers,
    tidy,
    whole_number,
    without_opening_leaders,
)
from .agenda_wrap import continues, hangs_over, join_bare, join_wrapped_labels, split_side_rows, turned
from .defaults import MONTH
from .rules import MeetingRules

#: A month's name cut short ('Okt.', 'Sept.').
MONTH_SHORT = r"(?:Jan|Jän|Feb|Febr|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\."
#: A line that opens with a date ('26. Oktober 2022', '3. 5. 2023', '1. Okt. 2024'), as a title wrapped before it
#: does; a month's name, not any word ('5. Jahresrechnung 2024 und ...' is an item).
_DATE_START = regex.compile(
    rf"^\s*\d{{1,2}}\.\s*(?:\d{{1,2}}\.\s*\d{{2,4}}|(?:{MONTH}|{MONTH_SHORT})\s+\d{{4}})\b", regex.IGNORECASE
)


#: How many lines under an item's title may name its paper alone ('Vorlage: 0112/23').
PAPER_LINES = 2


def _new_item(line: Line, match: regex.Match[str], public: bool | None, rules: MeetingRules) -> Item:
    number = " ".join(match.group("number").split())
    marker = MARKER.match(number)
    if marker:
        public = marker.group("m").upper() == "Ö"
    title, cell = split_cells(line, match.group("title"), rules)
    before = line.text[: match.start("title")]
    start = len(before.split())
    x = line.words[start].x0 if start < len(line.words) else line.x0
    if before and not before[-1].isspace() and 0 < start <= len(line.words):
        # The title glued to its number ('TOP 10Aufhebung'): it starts inside that word, about as
        # far in as the number's characters take.
        word, glued = line.words[start - 1], len(before.split()[-1])
        x = word.x0 + (word.x1 - word.x0) * glued / max(len(word.text), 1)
    item = Item(number, [title], x, public, lines=[line])
    item.paper_numbers = cell
    return item


#: How many lines after a line tell where the next column's list sets its numbers.
LOOKAHEAD = 8


def read_agenda(lines: Sequence[Line], rules: MeetingRules, *, changes: bool = False) -> list[Item]:
    """The agenda items of ``lines`` (reading order), each with the body lines that follow it.
    An item whose number came before is that item again (minutes that list the agenda and head
    each item's minutes), and a list counts from 1; not so the list of a changed agenda
    (``changes``): it names the items it adds ('4.1'), takes off or moves, and may print one
    number twice (an item taken off, another moved to its number).

    With items marked 'TOP' (the first item pattern), every such line anywhere is an item;
    numbered lines count in the list after an agenda heading, which ends at the first line that
    is neither an item, a wrapped title nor a part heading (minutes may list '3.' and head the
    item's minutes 'TOP 3').
    """
    marked = [rules.lists["items"][0]]
    lines = join_bare(join_wrapped_labels(split_side_rows(lines, rules), rules), rules)
    lines = rejoin_rows(lines, lambda text: match_item(text, rules.lists["items"]) is not None)
    texts = [line.text for line in lines]
    use_marked = any(match_item(t, marked) for t in texts)
    patterns = rules.lists["items"][1:]
    # Minutes without 'TOP' and without an agenda heading number their items in the body:
    # numbered lines count there when they run in sequence.
    opens = [rules.res["agenda"], *([rules.res["change_heading"]] if changes else [])]
    # A part heading after numbered lines ('Nichtöffentlicher Teil' over the last item of minutes that
    # number their items in the body) opens no list: the items before it were no list's. One numbered
    # line above it is a head's ('1. Sitzung  Mittwoch, 22.01.2020' over 'Öffentliche Tagesordnung').
    numbered = [k for k, t in enumerate(texts) if match_item(t, patterns) and not rules.res["head_line"].match(t)]
    anywhere = not use_marked and not any(
        p.match(t)
        for k, t in enumerate(texts)
        for p in opens
        if part_state(t, rules) is None or sum(1 for n in numbered if n < k) < LISTED_BEFORE
    )
    items: list[Item] = []
    public: bool | None = None
    opened_nonpublic: int | None = None
    in_list = anywhere
    previous: Line | None = None
    right = max((line.x1 for line in lines), default=0.0)
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        after = lines[index + 1 : index + 1 + LOOKAHEAD]
        state = part_state(text, rules)
        if (
            items
            and read_apart(items[-1], line)
            and not _turns_on(items[-1], line, previous, rules, right, rules.lists["items"], after)
        ):
            # A part heading at the next column's top over the list's next item ("Nichtöffentlicher
            # Teil" / "5. Vertragsangelegenheiten", a gazette's notice going on) sets the part; the
            # item is then taken as the list's turn from the line before the heading.
            ahead = after[0] if after else None
            turns = ahead is not None and _turns_on(
                items[-1], ahead, previous, rules, right, rules.lists["items"], after[1:]
            )
            if state is not None and turns:
                if state is False and public is None:
                    opened_nonpublic = len(items)
                public = state
            continue
        if state is not None:
            if state is False and public is None:
                opened_nonpublic = len(items)
            public = state
        wraps = (
            bool(items)
            and previous is not None
            and continues(items[-1], line, previous, rules, right, listed=items, after=after)
        )
        # 'Tagesordnung' under a title that wraps ('..., Feststellung der Beschlussfähigkeit und der')
        # ends the title; it opens no list.
        # The heading row of an agenda table ('TO  Drucksache  Titel ...') opens the list as a heading does.
        heading = (rules.res["agenda"].match(text) and len(text) <= HEADING_CHARS) or (
            changes and rules.res["change_heading"].match(text)
        )
        if (heading or rules.res["table_head"].match(text)) and not wraps:
            in_list = True
            previous = line
            continue
        if not wraps and rules.res["head_line"].match(text):
            continue  # '5. Sitzung des Bauausschusses', '12. März 2025': the head, above the list or repeated
        if use_marked:
            match = match_item(text, marked) or (match_item(text, patterns) if in_list else None)
        else:
            match = match_item(text, patterns) if in_list else _repeated(text, patterns, items)
            if not match and not in_list and not anywhere and items:
                # A stray line (a cell the layout moved) ended the list: the next number at the
                # items' x goes on with it.
                match = next_number(line, items, rules)
                in_list = match is not None
        if match and anywhere and not in_sequence(items, match.group("number"), public):
            match = _repeated(text, patterns, items)
        number = " ".join(match.group("number").split()) if match else ""
        if match and (state is not None or foreign(items, number, public)):
            match = None  # 'I. Öffentliche Sitzung' is a part heading
        if match and not items and not use_marked and not changes and levels(number)[:1] not in ([0], [1]):
            match = None  # a list counts from 1: '3. Februar 2025: ...' wraps a title of an unnumbered table
        if match and wraps and _title_start(line, items[-1], number):
            # '... Los' / '4 Rohbauarbeiten': a number where the last title's lines start, no deeper
            # than that item, is its title's next word (a sub-item there would be deeper).
            match = None
        if match and wraps and _DATE_START.match(text):
            # '... vom' / '26. Oktober 2022 "Titel"': a date that wraps a title is not item 26.
            match = None
        if not match and use_marked and items:
            match = unmarked_next(line, items, rules)
        if match:
            items.append(_new_item(line, match, public, rules))
            take_numbers(items[-1], rules)
        elif wraps and state is None:
            if previous is not None and turned(line, previous) and hangs_over(items[-1], line, after):
                # The title goes on at the top of the next column, at its titles' indent: its
                # further lines stand at this line's x, not at the x of the column the item opened in.
                items[-1].title_x = line.x0
            title, cell = split_cells(line, text, rules, items[-1].title)
            items[-1].title_parts.append(title)
            items[-1].paper_numbers += [n for n in cell if n not in items[-1].paper_numbers]
            items[-1].lines.append(line)
            # A line that is only the paper number ('Vorlage: 0112/23') ends the title.
            items[-1].closed = not title
            take_numbers(items[-1], rules)
        elif items and state is None:
            # A line under the title (a Swiss list's procedure line) does not end the list.
            if not anywhere and abs(line.x0 - items[-1].title_x) > ALIGN:
                in_list = False
            # A line right under the title that is nothing but a paper reference ('Vorlage: GR
            # 2024/036', set in under a heading) names the item's paper.
            # The number may follow the leader of its tab stop on a line of its own ('..... 80/2025').
            paper = whole_number(without_opening_leaders(text), rules) if len(items[-1].body) < PAPER_LINES else None
            if paper is not None and paper not in items[-1].paper_numbers:
                items[-1].paper_numbers.append(paper)
            items[-1].body.append(line)
        previous = line
    strip_side_cells(items, lambda text, before: cell_number(text, before, rules))
    _fill_public(items, opened_nonpublic)
    for item in items:
        tidy(item, rules)
        _unpunctuated(item)
    merged = items if changes else _merge_repeated(items, rules)
    for item in merged:
        drop_wrapped_cell(item)  # a paper the minutes' heading named, wrapped in pieces in the list's title
    return merged


#: Numbered lines above a part heading that make it one of minutes numbering their items in the body.
LISTED_BEFORE = 2


def _title_start(line: Line, last: Item, number: str) -> bool:
    """Whether ``line`` starts where the titles of item ``last`` start, right of its number, with
    ``number`` no deeper in the list than ``last``'s."""
    set_in = bool(last.lines) and line.x0 > last.lines[0].x0 + ALIGN
    return set_in and abs(line.x0 - last.title_x) <= ALIGN and len(levels(number)) <= len(levels(last.number))


def _turns_on(
    item: Item,
    line: Line,
    previous: Line | None,
    rules: MeetingRules,
    right: float,
    patterns: Sequence[regex.Pattern[str]],
    after: Sequence[Line] = (),
) -> bool:
    """Whether ``line`` goes on with the list at the top of the next column, the title of ``item``
    or the item after it: no side cell that the layout read after the list, though it stands as
    high and as far right (``after``: the lines that follow it)."""
    if previous is None or not turned(line, previous):
        return False
    match = match_item(line.text, patterns)
    if match is not None and follows_number(item.number, " ".join(match.group("number").split())):
        return True
    return continues(item, line, previous, rules, right, after=after)


def follows_number(last: str, number: str) -> bool:
    """Whether item ``number`` may come right after item ``last`` ('3' → '4' or '3.1', '3.2' →
    '3.3' or '4')."""
    have, want = levels(last), levels(number)
    if not have or not want:
        return False
    for depth in range(len(have)):
        if want == [*have[:depth], have[depth] + 1]:
            return True
    return want == [*have, 1]


def _fill_public(items: list[Item], opened_nonpublic: int | None) -> None:
    """Set ``public`` where the list says it without a heading or marker of the item's own: the
    items before a non-public part heading that no public heading opened are the public part
    ('Nichtöffentlicher Teil' under the last public item), and an unmarked sub-item is in the part
    of its item ('5.4' under 'Ö 5')."""
    for item in items[:opened_nonpublic] if opened_nonpublic is not None else []:
        if item.public is None:
            item.public = True
    by_number = {MARKER_PREFIX.sub("", item.number): item for item in items if item.number}
    for item in items:
        if item.public is None and "." in item.number.strip("."):
            parent = by_number.get(item.number.strip(".").rsplit(".", 1)[0])
            if parent is not None and parent.public is not None and MARKER.match(parent.number):
                item.public = parent.public


def _unpunctuated(item: Item) -> None:
    """The title without the punctuation that ends its heading: a colon over the item's points
    ('TOP 6: Rückmeldungen der Bürger*innen:'), a comma where the heading runs on into the
    sentence below ('TOP 1: Frau Barusel, Amt für Sport,' / 'teilt mit, dass ...')."""
    title = item.title.rstrip()
    if title.endswith((",", ":", ";")):
        item.comma = title.endswith(",")
        item.title_parts = [title.rstrip(",:; ")]


def _repeated(text: str, patterns: Sequence[regex.Pattern[str]], items: list[Item]) -> regex.Match[str] | None:
    """After the agenda list: a heading that repeats a listed item (its number and first words)
    opens that item's minutes."""
    match = match_item(text, patterns)
    if match is None:
        return None
    number = " ".join(match.group("number").split())
    head = match.group("title").split()[:2]
    same = any(item.number == number and item.title.split()[:2] == head for item in items)
    return match if same else None


def _differs(first: str, second: str) -> bool:
    """Whether two titles of one number disagree beyond spacing and case; a title cut short in the
    minutes' heading ('Bebauungsplan Nr. 112' for the listed full title) does not."""
    a, b = (" ".join(t.casefold().split()) for t in (first, second))
    return bool(a and b) and not (a.startswith(b) or b.startswith(a))


#: At most this many words make a listed title a keyword that the minutes' heading spells out.
KEYWORD_WORDS = 2


def _keyword(listed: str, heading: str) -> bool:
    """Whether an agenda list names an item by a keyword ('Kindergarten', 'Straßenbau') that the
    minutes' heading of its number titles in full (more words and longer)."""
    words = listed.split()
    return 0 < len(words) <= KEYWORD_WORDS and len(heading.split()) > len(words) and len(heading) > len(listed)


def _merge_repeated(items: list[Item], rules: MeetingRules) -> list[Item]:
    """Minutes often list the agenda, then repeat each item over its minutes: one item per
    number, with the first title and every body; paper numbers from the titles too. Where the
    non-public part counts from 1 again, its items are its own: they are told apart by part."""
    merged: dict[tuple[bool, str], Item] = {}
    apart = restarts(items)
    for item in items:
        kept = merged.setdefault((apart and item.public is False, item.number), item)
        if kept is not item and _keyword(kept.title, item.title):
            # The list names the item by a keyword ('Kindergarten'), the minutes' heading in full:
            # an item's title in minutes is their own heading (eval/real/README.md).
            kept.title_parts = list(item.title_parts)
        elif kept is not item and _differs(kept.title, item.title):
            kept.repeats.append(item.title)
        if kept is not item:
            kept.heads += 1
            kept.body += item.body
            kept.lines += item.lines
            kept.paper_numbers += [n for n in item.paper_numbers if n not in kept.paper_numbers]
            if kept.public is None or item.public is False:
                # A list without part headings was filled in as public by its place before the
                # 'Nichtöffentlicher Teil' that heads the item's own minutes: the heading says.
                kept.public = item.public
        for number in numbers_in(item.title, rules):
            if number not in kept.paper_numbers:
                kept.paper_numbers.append(number)
    return list(merged.values())
