"""The agenda of a meeting document: items (TOP) with wrapped titles and sub-items, the public
and non-public parts, Ö/N markers and the paper numbers an item names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..layout.lines import Line
from ..text.normalize import join_lines
from .agenda_columns import rejoin_rows, strip_side_cells
from .rules import MeetingRules

#: Wrapped title lines start this close (pt) to the title's x.
ALIGN = 4.0
#: Longest line (characters) that can be a part heading ("Nichtöffentlicher Teil").
HEADING_CHARS = 60
_MARKER = regex.compile(r"^\s*(?P<m>[ÖN])\s*\d")


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


def _numbers(text: str, rules: MeetingRules, before: str = "") -> list[str]:
    """The paper numbers in ``text``; a year span after ``before`` and the text up to it is none."""
    found: list[str] = []
    for pattern in rules.lists["paper_numbers"]:
        for match in pattern.finditer(text):
            if match.group("number") not in found and not year_span(
                match.group("number"), f"{before} {text[: match.start()]}", rules
            ):
                found.append(match.group("number"))
    return found


#: A line that opens with a date ('26. Oktober 2022', '3. 5. 2023'), as a title wrapped before it does.
_DATE_START = regex.compile(r"^\s*\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{2,4}|\p{L}{3,}\.?\s+\d{4})\b")
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


def _split_cells(line: Line, title: str, rules: MeetingRules, before: str = "") -> tuple[str, list[str]]:
    """The title without a right-hand cell that holds only a paper number or a page reference,
    and the numbers; a line that is only a paper number gives no title (a year span after
    ``before``, the title so far, is title: 'Haushaltsjahre' / '2023/2024')."""
    segments = line.segments()
    if len(segments) >= 2 and _PAGE_CELL.match(" ".join(t.text for t in segments[-1])):
        last = " ".join(t.text for t in segments[-1])
        if title.endswith(last):
            title = title[: -len(last)].rstrip()
        segments = segments[:-1]
    alone = whole_number(title, rules)
    if alone and not year_span(alone, before, rules):
        return "", [alone]
    if len(segments) >= 2:
        last = " ".join(t.text for t in segments[-1])
        # Only a cell that is nothing but a paper reference: a title that names "Vorlage 24/0815"
        # stays a title.
        cell = whole_number(last, rules)
        if cell and title.endswith(last) and not year_span(cell, before + " " + title[: -len(last)], rules):
            return title[: -len(last)].rstrip(), [cell]
    return title, []


def _cell_number(text: str, before: str, rules: MeetingRules) -> str | None:
    """The paper number of a cell that holds only one; a year span after ``before`` is none."""
    number = whole_number(text, rules)
    return None if number is None or year_span(number, before, rules) else number


def _match_item(text: str, patterns: Sequence[regex.Pattern[str]]) -> regex.Match[str] | None:
    for pattern in patterns:
        match = pattern.match(text)
        if match:
            return match
    return None


def _new_item(line: Line, match: regex.Match[str], public: bool | None, rules: MeetingRules) -> Item:
    number = " ".join(match.group("number").split())
    marker = _MARKER.match(number)
    if marker:
        public = marker.group("m").upper() == "Ö"
    title, cell = _split_cells(line, match.group("title"), rules)
    start = len(line.text[: match.start("title")].split())
    x = line.words[start].x0 if start < len(line.words) else line.x0
    item = Item(number, [title], x, public, lines=[line])
    item.paper_numbers = cell
    return item


def levels(number: str) -> list[int]:
    """The levels of an item number: 'Ö 3' -> [3], '3.1' -> [3, 1], '3 a' -> [3, 1], 'IV' -> [4]."""
    if roman(number):
        return [roman(number)]
    parts = regex.findall(r"\d+|[a-z]", regex.sub(r"^[ÖN]\s*", "", number))
    return [int(part) if part.isdigit() else ord(part) - ord("a") + 1 for part in parts]


#: A Roman number up to 39 ('IV', 'XII').
_ROMAN = regex.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")


def roman(number: str) -> int:
    """The value of a Roman item number ('IV' -> 4), else 0."""
    if not number or not _ROMAN.match(number):
        return 0
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in number]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _style(number: str) -> str:
    """How an item number is written: with an Ö/N marker, Roman, or plain digits."""
    return "marker" if _MARKER.match(number) else "roman" if roman(number) else "digits"


def _foreign(items: list[Item], number: str, public: bool | None) -> bool:
    """Whether item ``number`` is written unlike the list so far ('13' among 'Ö 1' .. 'N 12', a
    running head's session number) and does not follow it: no item of that list."""
    return bool(items) and _style(number) != _style(items[-1].number) and not _in_sequence(items, number, public)


def _in_sequence(items: list[Item], number: str, public: bool | None = None) -> bool:
    """Whether item ``number`` follows the items so far: the next number, or a sub-item of the
    current one (a numbered list inside the minutes breaks the sequence); the first item of a
    non-public part (``public`` False) may count from 1 again."""
    parts = levels(number)
    if not items or (public is False and all(item.public is not False for item in items)):
        return parts[:1] in ([0], [1])
    last = levels(items[-1].number)
    return parts == [last[0] + 1] or (len(parts) > 1 and parts[0] == last[0])


def follows(line: Line, previous: Line) -> bool:
    """Whether ``line`` comes right after ``previous``: below it without a gap, or first on the
    next page."""
    if line.page == previous.page + 1:
        return True
    return line.page == previous.page and line.top - previous.bottom <= 0.8 * (previous.bottom - previous.top)


def _lower(line: Line) -> bool:
    first = line.text.lstrip()[:1]
    return first.isalpha() and first.islower()


def open_end(title: str, rules: MeetingRules) -> bool:
    """Whether ``title`` cannot end here: a hyphen, a comma or a word such as 'der', 'und'
    (``rules.title_open_ends``)."""
    title = title.rstrip()
    if (title.endswith("-") and not title.endswith(" -")) or title.endswith(","):
        return True
    words = title.split()
    return bool(words) and words[-1].casefold() in {w.casefold() for w in rules.title_open_ends}


#: The end of a sentence: a word in lower case and a full stop ('Gremium.', not 'e.V.').
_SENTENCE_END = regex.compile(r"\p{Ll}{3,}[.!?]\s*$")
#: Slack (pt) at the right edge of the text when testing whether a word would have fitted.
SLACK = 12.0


def _result(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` opens an item's result ('Beschluss:', 'Abstimmung'), which may be bold too."""
    names = ("decision", "vote", "decision_heading", "vote_heading")
    return any(rules.res[name].match(text) for name in names)


def _bold(line: Line) -> bool:
    """Whether most of the line's letters are bold."""
    return sum(len(t.text) for t in line.words if t.bold) * 2 > sum(len(t.text) for t in line.words)


def _same_type(line: Line, other: Line) -> bool:
    """Whether two lines are set alike: both bold or both not, sizes within 1 pt."""

    def size(ln: Line) -> float:
        return max((t.size for t in ln.words), default=0.0)

    return _bold(line) == _bold(other) and abs(size(line) - size(other)) <= 1.0


def _broke(line: Line, word: float, right: float, rules: MeetingRules) -> bool:
    """Whether a word ``word`` pt wide would not have fitted after the title on ``line``: before
    ``right``, or before a Vorlage cell that ends the line."""
    segments = line.segments()
    end, limit = line.x1, right
    if len(segments) >= 2 and whole_number(" ".join(t.text for t in segments[-1]), rules):
        end, limit = segments[-2][-1].x1, segments[-1][0].x0
    return end + word + SLACK >= limit


def _continues(item: Item, line: Line, previous: Line, rules: MeetingRules, right: float) -> bool:
    """Whether ``line`` wraps the title of ``item``: right below it (or over a page break) and
    aligned with the title, or back at the item number's x (a list that wraps to its margin) when
    it starts in lower case, is only a paper reference, or follows a title that cannot end there
    or whose line broke because this line's first word did not fit before ``right``, the text's
    right edge (how word processors wrap)."""
    if item.body or item.closed or not follows(line, previous):
        return False
    if abs(line.x0 - item.title_x) <= ALIGN:
        # A bold title is not continued by regular minutes at its x ('Traktandum 3' / bold title / text).
        return _same_type(line, previous) or not _bold(previous)
    # Back at the margin only on the same page (a page may open with other text: 'gez. ...') and
    # in the title's type (a bold heading is not continued by the regular minutes under it).
    if not item.lines or line.page != previous.page or abs(line.x0 - item.lines[0].x0) > ALIGN:
        return False
    if whole_number(line.text, rules) is not None:
        return True
    if not _same_type(line, previous):
        return False
    if _bold(previous) and previous is item.lines[-1] and not _result(line.text, rules):
        return True  # a bold heading's next bold line, the minutes under it being regular
    first = line.words[0] if line.words else None
    # A sentence that ends on the line is running text, not a title ('... aus dem Gremium.').
    full = (
        first is not None
        and previous is item.lines[-1]
        and not _SENTENCE_END.search(line.text)
        and _broke(previous, first.x1 - first.x0, right, rules)
    )
    return _lower(line) or open_end(item.title, rules) or full


def read_agenda(lines: Sequence[Line], rules: MeetingRules) -> list[Item]:
    """The agenda items of ``lines`` (reading order), each with the body lines that follow it.

    With items marked 'TOP' (the first item pattern), every such line anywhere is an item;
    numbered lines count in the list after an agenda heading, which ends at the first line that
    is neither an item, a wrapped title nor a part heading (minutes may list '3.' and head the
    item's minutes 'TOP 3').
    """
    marked = [rules.lists["items"][0]]
    lines = rejoin_rows(_join_bare(lines, rules), lambda text: _match_item(text, rules.lists["items"]) is not None)
    texts = [line.text for line in lines]
    use_marked = any(_match_item(t, marked) for t in texts)
    patterns = rules.lists["items"][1:]
    # Minutes without 'TOP' and without an agenda heading number their items in the body:
    # numbered lines count there when they run in sequence.
    anywhere = not use_marked and not any(rules.res["agenda"].match(t) for t in texts)
    items: list[Item] = []
    public: bool | None = None
    in_list = anywhere
    previous: Line | None = None
    right = max((line.x1 for line in lines), default=0.0)
    for line, text in zip(lines, texts, strict=True):
        state = part_state(text, rules)
        if state is not None:
            public = state
        wraps = bool(items) and previous is not None and _continues(items[-1], line, previous, rules, right)
        # 'Tagesordnung' under a title that wraps ('..., Feststellung der Beschlussfähigkeit und der')
        # ends the title; it opens no list.
        if rules.res["agenda"].match(text) and len(text) <= HEADING_CHARS and not wraps:
            in_list = True
            previous = line
            continue
        if not wraps and rules.res["head_line"].match(text):
            continue  # '5. Sitzung des Bauausschusses', '12. März 2025': the head, above the list or repeated
        if use_marked:
            match = _match_item(text, marked) or (_match_item(text, patterns) if in_list else None)
        else:
            match = _match_item(text, patterns) if in_list else _repeated(text, patterns, items)
            if not match and not in_list and not anywhere and items:
                # A stray line (a cell the layout moved) ended the list: the next number at the
                # items' x goes on with it.
                match = _next_number(line, items, rules)
                in_list = match is not None
        if match and anywhere and not _in_sequence(items, match.group("number"), public):
            match = _repeated(text, patterns, items)
        number = " ".join(match.group("number").split()) if match else ""
        if match and (state is not None or _foreign(items, number, public)):
            match = None  # 'I. Öffentliche Sitzung' is a part heading
        if match and not items and not use_marked and levels(number)[:1] not in ([0], [1]):
            match = None  # a list counts from 1: '3. Februar 2025: ...' wraps a title of an unnumbered table
        if match and wraps and _DATE_START.match(text):
            # '... vom' / '26. Oktober 2022 "Titel"': a date that wraps a title is not item 26.
            match = None
        if not match and use_marked and items:
            match = _unmarked_next(line, items, rules)
        if match:
            items.append(_new_item(line, match, public, rules))
            _take_numbers(items[-1], rules)
        elif wraps and state is None:
            title, cell = _split_cells(line, text, rules, items[-1].title)
            items[-1].title_parts.append(title)
            items[-1].paper_numbers += [n for n in cell if n not in items[-1].paper_numbers]
            items[-1].lines.append(line)
            # A line that is only the paper number ('Vorlage: 0112/23') ends the title.
            items[-1].closed = not title
            _take_numbers(items[-1], rules)
        elif items and state is None:
            # A line under the title (a Swiss list's procedure line) does not end the list.
            if not anywhere and abs(line.x0 - items[-1].title_x) > ALIGN:
                in_list = False
            items[-1].body.append(line)
        previous = line
    strip_side_cells(items, lambda text, before: _cell_number(text, before, rules))
    for item in items:
        _tidy(item, rules)
    return _merge_repeated(items, rules)


def _bare(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` is an item label with its number and no title ('Traktandum 3', 'TOP 4:'):
    with a title word after it, it would be a 'TOP' item line."""
    match = _match_item(f"{text.rstrip()} Titel", rules.lists["items"][:1])
    return match is not None and match.group("title") == "Titel"


def _join_bare(lines: Sequence[Line], rules: MeetingRules) -> list[Line]:
    """``lines`` with an item label that stands alone ('Traktandum 3') joined to the title right
    below it, as minutes head their items in two lines; a part heading or another item below it
    is no title."""
    out: list[Line] = []
    skip = False
    for line, below in zip(lines, [*lines[1:], None], strict=True):
        if skip:
            skip = False
            continue
        title = below is not None and below.page == line.page and follows(below, line) and _bare(line.text, rules)
        if below is not None and title and part_state(below.text, rules) is None:
            first = below.text.lstrip()[:1]
            if (first.isupper() or first.isdigit() or first in '„"') and not _match_item(
                below.text, rules.lists["items"]
            ):
                out.append(Line(line.page, [*line.tokens, *below.tokens], line.furniture))
                skip = True
                continue
        out.append(line)
    return out


#: A labelled paper reference at the end of a title: '... Backhauses Vorlage: 1330/2024'.
_LABELLED = regex.compile(r"\s+(?P<ref>[\p{L}.-]+(?:\s+Nr\.)?\s*:\s*\S.{0,25})$")


def _tidy(item: Item, rules: MeetingRules) -> None:
    """A paper reference of the item that ends its title, in parentheses ('(20/MO 7/084)', wrapped
    over two lines) or labelled ('Vorlage: 1330/2024', a line merged into the title), leaves the
    title; a reference in the wording ('zur Drucksache 21/1234') stays."""
    title = item.title
    item.paper_numbers += [n for n in _numbers(title, rules) if n not in item.paper_numbers]
    closed = _CLOSED.search(title)
    labelled = _LABELLED.search(title)
    if closed and item.paper_numbers_in(closed):
        item.title_parts = [title[: closed.start()].rstrip()]
    elif labelled and whole_number(labelled.group("ref"), rules) in item.paper_numbers:
        item.title_parts = [title[: labelled.start()].rstrip()]


def _unmarked_next(line: Line, items: list[Item], rules: MeetingRules) -> regex.Match[str] | None:
    """Among 'TOP' items: a short numbered line at the x of the item lines that carries the next
    number ('4. Sonstiges' after 'TOP 3: ...'); an indented numbered list is no item."""
    return None if len(line.text) > HEADING_CHARS else _next_number(line, items, rules, subs=False)


def _next_number(line: Line, items: list[Item], rules: MeetingRules, *, subs: bool = True) -> regex.Match[str] | None:
    """A numbered line at the x of the item lines that carries the next number, written as they
    are; with ``subs`` also the next sub-item ('14 a' after '14', '3.2' after '3.1'), which may be
    indented up to the title's x."""
    match = _match_item(line.text, rules.lists["items"][1:])
    if match is None or _style(" ".join(match.group("number").split())) != _style(items[-1].number):
        return None
    parts, last = levels(match.group("number")), levels(items[-1].number)
    lefts = [item.lines[0].x0 for item in items if item.lines]
    aligned = any(abs(line.x0 - x) <= ALIGN for x in lefts)
    if not last or not lefts:
        return None
    if parts == [last[0] + 1]:
        return match if aligned else None
    sub = subs and len(parts) == 2 and parts == [last[0], last[1] + 1 if len(last) > 1 else 1]
    return match if sub and min(lefts) - ALIGN <= line.x0 < items[-1].title_x else None


def _repeated(text: str, patterns: Sequence[regex.Pattern[str]], items: list[Item]) -> regex.Match[str] | None:
    """After the agenda list: a heading that repeats a listed item (its number and first words)
    opens that item's minutes."""
    match = _match_item(text, patterns)
    if match is None:
        return None
    number = " ".join(match.group("number").split())
    head = match.group("title").split()[:2]
    same = any(item.number == number and item.title.split()[:2] == head for item in items)
    return match if same else None


def _take_numbers(item: Item, rules: MeetingRules) -> None:
    """Paper numbers in the title so far; one in parentheses at its end leaves the title."""
    for number in _numbers(item.title_parts[-1], rules, " ".join(item.title_parts[:-1])):
        if number not in item.paper_numbers:
            item.paper_numbers.append(number)
    closed = _CLOSED.search(item.title_parts[-1])
    if closed and item.paper_numbers_in(closed):
        item.title_parts[-1] = item.title_parts[-1][: closed.start()].rstrip()
        item.closed = True


def _differs(first: str, second: str) -> bool:
    """Whether two titles of one number disagree beyond spacing and case; a title cut short in the
    minutes' heading ('Bebauungsplan Nr. 112' for the listed full title) does not."""
    a, b = (" ".join(t.casefold().split()) for t in (first, second))
    return bool(a and b) and not (a.startswith(b) or b.startswith(a))


def restarts(items: Sequence[Item]) -> bool:
    """Whether the non-public part numbers its items from 1 again: an item 1 in both parts."""
    first = [item.public is False for item in items if levels(item.number)[:1] == [1]]
    return any(first) and not all(first)


def _merge_repeated(items: list[Item], rules: MeetingRules) -> list[Item]:
    """Minutes often list the agenda, then repeat each item over its minutes: one item per
    number, with the first title and every body; paper numbers from the titles too. Where the
    non-public part counts from 1 again, its items are its own: they are told apart by part."""
    merged: dict[tuple[bool, str], Item] = {}
    apart = restarts(items)
    for item in items:
        kept = merged.setdefault((apart and item.public is False, item.number), item)
        if kept is not item and _differs(kept.title, item.title):
            kept.repeats.append(item.title)
        if kept is not item:
            kept.body += item.body
            kept.lines += item.lines
            kept.paper_numbers += [n for n in item.paper_numbers if n not in kept.paper_numbers]
            if kept.public is None:
                kept.public = item.public
        for number in _numbers(item.title, rules):
            if number not in kept.paper_numbers:
                kept.paper_numbers.append(number)
    return list(merged.values())
