"""Paper numbers of agenda items: in the title, in a right-hand cell or a line of their own,
in parentheses or labelled at the title's end, and year spans that are title words."""

from __future__ import annotations

import regex

from ..layout.lines import Line
from .agenda_item import Item
from .rules import MeetingRules


def numbers_in(text: str, rules: MeetingRules, before: str = "") -> list[str]:
    """The paper numbers in ``text``; a year span or a plot's number after ``before`` and the text
    up to it is none (:func:`title_number`)."""
    found: list[str] = []
    for pattern in rules.lists["paper_numbers"]:
        for match in pattern.finditer(text):
            if match.group("number") not in found and not title_number(
                match.group("number"), f"{before} {text[: match.start()]}", rules
            ):
                found.append(match.group("number"))
    return found


#: Dot leaders that open a title: a tab's leader after a label wider than its indent.
_OPENING_LEADERS = regex.compile(r"^\s*(?:\.\s?){4,}\s*")
#: Dot leaders that end a line of a title, with the page number after them ('Stadtpark ....... 12'):
#: four dots or more ('. . . .' too), or three or an ellipsis before a page number; a title's own
#: ellipsis ('...') is three dots at most.
LEADERS = regex.compile(r"\s*(?:(?:\.\s?){4,}\s*(?:\d{1,4})?|(?:(?:\.\s?){3}|…+)\s*\d{1,4})\s*$")
#: Dot leaders and the cell after them at a line's end ('..... 140/2025', '.....BV/134/2025'; three dots
#: where a long title leaves no room for more).
_LED_CELL = regex.compile(r"\s*(?:\.\s?){3,}\s*(?P<cell>\S+(?:\s+\S+)?)\s*$")
#: A leader squeezed to one or two dots by a title that nearly reaches the tab stop, after a word of
#: four letters or more ('... Feuerwehr. 2025/071', '... Grünanlage.2025/016'); an abbreviation's
#: dot ('Vorlage Nr. 45/2025') is none.
_SHORT_LED = regex.compile(r"(?<=\p{L}{4})\.\.?\s*(?P<cell>[^\s.]\S*)\s*$")
#: A right-hand cell with a page reference ('Seite 12', 'Seite --') in a Swiss Traktandenliste.
_PAGE_CELL = regex.compile(r"^Seite\s+\S+$")
#: A title that ends in a number in parentheses ('... (20/GE 23/440)') is complete.
_CLOSED = regex.compile(r"\((?P<inner>[^()]{3,30})\)\s*$")


def whole_number(text: str, rules: MeetingRules) -> str | None:
    """The paper number when ``text`` is nothing but a paper reference ('0112/23',
    'Vorlage: VO/2022/123', 'Ds. 3456/2019'), else None."""
    text = text.strip()
    for pattern in rules.lists["paper_numbers"]:
        match = pattern.fullmatch(text)
        if match:
            return " ".join(match.group("number").split())
    return None


#: A span of consecutive years ('2023/2024', '2023/24').
_SPAN = regex.compile(r"^(?:19|20)(?P<a>\d\d)/(?:19|20)?(?P<b>\d\d)$")


def year_span(number: str, before: str, rules: MeetingRules) -> bool:
    """Whether ``number`` ('2023/2024') is a span of consecutive years after a word that counts
    years ('Haushaltsjahre', ``rules.year_words``): part of the title, not a paper number."""
    span = _SPAN.match(number.strip())
    if span is None or (int(span.group("a")) + 1) % 100 != int(span.group("b")):
        return False
    words = before.split()
    return bool(words) and rules.res["year_word"].fullmatch(words[-1].strip('„“"(')) is not None


def split_cells(line: Line, title: str, rules: MeetingRules, before: str = "") -> tuple[str, list[str]]:
    """The title without a right-hand cell that holds only a paper number or a page reference,
    and the numbers; a line that is only a paper number gives no title (a year span or a plot's
    number after ``before``, the title so far, is title: 'Haushaltsjahre' / '2023/2024', 'Fl.Nr.' /
    '656/19'). Dot leaders and the
    page number after them (an agenda that is also the contents of the bundle) are no title."""
    # A label wider than its indent runs on to the paper's tab stop and its leader: the title
    # follows the leader ('TOP 2.2 ........ Bauabschnitt Nord'), as a wrapped number does ('.... 80/2025').
    title = without_opening_leaders(title)
    led = _LED_CELL.search(title) or _SHORT_LED.search(title)
    number = whole_number(led.group("cell"), rules) if led else None
    if led and number and not title_number(number, f"{before} {title[: led.start()]}", rules):
        # A paper's number at a right tab stop after dot leaders ('Wahl der Schiedsperson ..... 140/2025').
        return title[: led.start()].rstrip(), [number]
    title = _no_leaders(title)
    segments = line.segments()
    if len(segments) >= 2 and _PAGE_CELL.match(" ".join(t.text for t in segments[-1])):
        last = " ".join(t.text for t in segments[-1])
        if title.endswith(last):
            title = title[: -len(last)].rstrip()
        segments = segments[:-1]
    alone = whole_number(title, rules)
    if alone and not title_number(alone, before, rules):
        return "", [alone]
    if len(segments) >= 2:
        last = " ".join(t.text for t in segments[-1])
        # Only a cell that is nothing but a paper reference: a title that names "Vorlage 24/0815"
        # stays a title.
        cell = whole_number(last, rules)
        if cell and title.endswith(last) and not year_span(cell, before + " " + title[: -len(last)], rules):
            return _no_leaders(title[: -len(last)].rstrip()), [cell]
    return title, []


def without_opening_leaders(text: str) -> str:
    """``text`` without the dot leaders that open it (a tab's leader run on from the line above)."""
    return _OPENING_LEADERS.sub("", text)


def _no_leaders(title: str) -> str:
    """``title`` without the dot leaders and page number that end it."""
    leaders = LEADERS.search(title)
    return title[: leaders.start()].rstrip() if leaders else title


def title_number(number: str, before: str, rules: MeetingRules) -> bool:
    """Whether ``number``, standing alone after the title so far ``before``, goes on the title: a
    year span after a word that counts years (:func:`year_span`), or a plot's number wrapped from
    its word ('Fl.Nr.' / '656/19')."""
    return year_span(number, before, rules) or bool(rules.res["plot_word"].search(before))


def cell_number(text: str, before: str, rules: MeetingRules) -> str | None:
    """The paper number of a cell that holds only one; a year span or a plot's number after
    ``before`` is none (:func:`title_number`)."""
    number = whole_number(text, rules)
    return None if number is None or title_number(number, before, rules) else number


#: A labelled paper reference at the end of a title: '... Backhauses Vorlage: 1330/2024'.
_LABELLED = regex.compile(r"\s+(?P<ref>[\p{L}.-]+(?:\s+Nr\.)?\s*:\s*\S.{0,25})$")


def tidy(item: Item, rules: MeetingRules) -> None:
    """A paper reference of the item that ends its title, in parentheses ('(20/MO 7/084)', wrapped
    over two lines) or labelled ('Vorlage: 1330/2024', a line merged into the title), leaves the
    title; a reference in the wording ('zur Drucksache 21/1234') stays. Dot leaders left before a
    side cell that was cut go too."""
    item.title_parts = [_no_leaders(part) for part in item.title_parts]
    item.paper_numbers += [n for n in numbers_in(item.title, rules) if n not in item.paper_numbers]
    drop_wrapped_cell(item)
    title = item.title
    closed = _CLOSED.search(title)
    labelled = _LABELLED.search(title)
    if closed and item.paper_numbers_in(closed):
        item.title_parts = [title[: closed.start()].rstrip()]
    elif labelled and whole_number(labelled.group("ref"), rules) in item.paper_numbers:
        item.title_parts = [title[: labelled.start()].rstrip()]


def drop_wrapped_cell(item: Item) -> None:
    """A paper number of the item that wrapped in its narrow cell ('BV/' over '051/2025') and was
    read at the title's end in pieces leaves the title."""
    words = item.title.split()
    for size in (2, 3):
        if len(words) > size and "".join(words[-size:]) in item.paper_numbers:
            item.title_parts = [" ".join(words[:-size])]
            return


def take_numbers(item: Item, rules: MeetingRules) -> None:
    """Paper numbers in the title so far; one in parentheses at its end leaves the title."""
    for number in numbers_in(item.title_parts[-1], rules, " ".join(item.title_parts[:-1])):
        if number not in item.paper_numbers:
            item.paper_numbers.append(number)
    closed = _CLOSED.search(item.title_parts[-1])
    if closed and item.paper_numbers_in(closed):
        item.title_parts[-1] = item.title_parts[-1][: closed.start()].rstrip()
        item.closed = True
