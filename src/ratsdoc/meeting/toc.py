"""The table of contents that opens verbatim minutes ('Tagesordnung', 'Inhalt'): numbered entries
('1', '1.1', a letter item 'A') with hanging titles over several lines, dot leaders and a page
number at the end, the paper number at the end of the title or on a line of its own. It gives the
items in printed order with whole titles; the bold headings in the debate then add their bodies."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line
from .agenda_item import ALIGN, HEADING_CHARS, Item, part_state
from .agenda_papers import tidy, whole_number, year_span
from .agenda_wrap import follows
from .defaults import DATE
from .rules import MeetingRules

#: The number of an entry: '1', '1.1', '10.', or a letter item ('A').
_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\p{Lu})$")
#: Dot leaders ('.....', '. . . .', '…') and the page number that ends an entry's last line.
_LEADERS = regex.compile(r"\s*(?:(?:\.\s?){3,}|…+)\s*(?P<page>\d{1,4})?\s*$")
#: A bare paper number at the end of a title ('... Haushaltsplans 2269/2022', 'AN/1718/2021').
_TRAILING = regex.compile(r"(?:^|\s)(?P<number>(?:\p{Lu}{1,5}/)?\d{1,5}/\d{2,4})$")
#: A day's heading inside the contents of a record of several days ('Mittwoch, 5. März 2025').
_DAY = regex.compile(rf"^\s*(?:\p{{L}}+,\s*)?{DATE}\s*$")
#: How far right of the title's x a wrapped line may start (the rest of a joined hyphenated word moved up).
SHIFT = 120.0
#: Share of entries that must end in leaders or a page number for a list to be a table of contents.
PAGED_SHARE = 0.5


def _strip(line: Line) -> tuple[str, bool]:
    """The text of ``line`` without leaders and page number, and whether they ended it: leaders,
    or a number alone in a cell at the right (a table of contents without leaders)."""
    text = line.text
    leaders = _LEADERS.search(text)
    if leaders:
        return text[: leaders.start()].rstrip(), True  # '' for leaders on a line of their own
    segments = line.segments()
    last = " ".join(t.text for t in segments[-1]) if len(segments) >= 2 else ""
    if last.isdigit() and len(last) <= 4 and text.endswith(last):
        return text[: -len(last)].rstrip(), True
    return text, False


def _opens(words: list[str]) -> bool:
    return (
        len(words) >= 2
        and bool(_NUMBER.match(words[0]))
        and (words[1][:1].isupper() or words[1][:1] in '„"' or words[1][:1].isdigit())
    )


def _finish(item: Item, rules: MeetingRules) -> None:
    """Paper numbers out of the title: a line that is only one, or one that ends the title (a year
    span after 'Haushaltsjahre' stays)."""
    parts: list[str] = []
    for part in item.title_parts:
        alone = whole_number(part, rules)
        if alone and not year_span(alone, " ".join(parts), rules):
            item.paper_numbers.append(alone)
        else:
            parts.append(part)
    item.title_parts = parts
    take_trailing(item, rules)
    tidy(item, rules)


def take_trailing(item: Item, rules: MeetingRules) -> None:
    """Bare paper numbers that end the title ('... Haushaltsplans 2269/2022', 'AN/1718/2021') leave
    it for the item's paper numbers; a year span after 'Haushaltsjahre' stays."""
    while True:
        title = item.title
        trailing = _TRAILING.search(title)
        if trailing is None or year_span(trailing.group("number"), title[: trailing.start()], rules):
            break
        if trailing.group("number") not in item.paper_numbers:
            item.paper_numbers.insert(0, trailing.group("number"))
        item.title_parts = [title[: trailing.start()].rstrip()]


def read_toc(lines: Sequence[Line], rules: MeetingRules) -> tuple[list[Item], list[Line]]:
    """The entries of the table of contents that follows a heading of ``rules.toc_headings``, and
    the lines they came from; nothing when no such list ends its entries in page numbers."""
    start = next(
        (k for k, ln in enumerate(lines) if len(ln.text) <= HEADING_CHARS and rules.res["toc"].match(ln.text)), None
    )
    if start is None:
        return [], []
    items: list[Item] = []
    used = [lines[start]]
    ended = True
    paged = 0
    public: bool | None = None
    previous = lines[start]
    for line in lines[start + 1 :]:
        text, closes = _strip(line)
        state = part_state(text, rules)
        current = items[-1] if items else None
        # The layout joins a word hyphenated at a line end on the upper line, so a wrapped line
        # may start right of the title's x ('Haushalts-' / 'jahre 2023/2024' -> '2023/2024').
        aligned = current is not None and -ALIGN <= line.x0 - current.title_x <= SHIFT
        if state is not None and not closes:
            public = state
        elif _DAY.match(text) and not closes:
            ended = True  # the entries of the next day follow
            used.append(line)
            previous = line
            continue
        elif (
            current is not None
            and (aligned or not text)
            and follows(line, previous)
            and (not ended or whole_number(text, rules))
        ):
            # A wrapped title, or the paper number on a line of its own, under the title.
            current.title_parts += [text] if text else []
            current.lines.append(line)
        elif _opens(text.split()):
            words = line.words
            title = text[len(words[0].text) :].strip()
            items.append(Item(words[0].text.rstrip("."), [title], words[1].x0, public, lines=[line]))
        else:
            break
        if closes:
            paged += 1
        ended = closes
        used.append(line)
        previous = line
    # Entries after the last one with a page number are the record's own headings, right below
    # the contents ('1. Sitzungstag: ...' / '1. Vereidigungen'), not entries.
    last = max((k for k, item in enumerate(items) if any(_strip(line)[1] for line in item.lines)), default=-1)
    if 0 <= last < len(items) - 1:
        used = used[: used.index(items[last].lines[-1]) + 1]
        items = items[: last + 1]
    if len(items) < 2 or paged < PAGED_SHARE * len(items):
        return [], []
    for item in items:
        _finish(item, rules)
    return items, used


def once(toc: list[Item]) -> list[Item]:
    """The entries of a table of contents one per number: a record of several days lists an item
    not finished on the first day again on the next ('4. ... (Fortsetzung)'); the first entry
    keeps the title, the later ones add their paper numbers."""
    kept: dict[str, Item] = {}
    for item in toc:
        first = kept.setdefault(item.number, item)
        if first is not item:
            first.paper_numbers += [n for n in item.paper_numbers if n not in first.paper_numbers]
            first.lines += item.lines
    return list(kept.values())


def merge_toc(toc: list[Item], headings: list[Item]) -> tuple[list[Item], list[str]]:
    """The items of the table of contents in its order, each with the body and heading lines of the
    debate heading of its number (and its part), headings the list does not name after them; and
    a doubt for each listed item the debate has no heading for (its part is then not known)."""
    left: list[Item] = []
    by_number = {item.number: item for item in toc}
    taken: set[str] = set()
    for heading in headings:
        item = by_number.get(heading.number)
        if item is None or heading.number in taken:
            left.append(heading)
            continue
        taken.add(heading.number)
        item.body += heading.body
        item.lines += heading.lines
        item.paper_numbers += [n for n in heading.paper_numbers if n not in item.paper_numbers]
        if item.public is None:
            item.public = heading.public
    doubts = [f"item {item.number} of the table of contents has no heading in the record" for item in toc]
    return [*toc, *left], [doubt for doubt, item in zip(doubts, toc, strict=True) if item.number not in taken]
