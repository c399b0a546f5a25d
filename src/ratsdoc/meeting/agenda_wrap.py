"""Wrapped agenda item titles: whether a line goes on with the title above it (aligned, back at
the margin, after a word that cannot end a title or a line that broke), and item labels that
stand alone over their title."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from ..layout.lines import Line, mostly_bold
from .agenda_item import ALIGN, Item, match_item, part_state
from .agenda_papers import whole_number
from .rules import MeetingRules


def follows(line: Line, previous: Line) -> bool:
    """Whether ``line`` comes right after ``previous``: below it without a gap, first on the
    next page, or first in the next column (:func:`turned`)."""
    if line.page == previous.page + 1 or turned(line, previous):
        return True
    return line.page == previous.page and line.top - previous.bottom <= 0.8 * (previous.bottom - previous.top)


def turned(line: Line, previous: Line) -> bool:
    """Whether ``line`` opens the next column of ``previous``'s page: above it and right of it."""
    return line.page == previous.page and line.bottom < previous.top and line.x0 >= previous.x1


#: A title that ends in a word in lower case ('... der öffentlichen') goes on: its noun follows.
_LOWER_END = regex.compile(r"(?:^|\s)(?-i:\p{Ll}+)$")


def _unclosed(title: str) -> bool:
    """Whether ``title`` has a bracket open ('Wahl der Schiedsperson (DS-Nr.')."""
    return title.count("(") > title.count(")")


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


#: A topic of a dash list under an item's title ("- Rudeltplatz"), a few words long ...
_SUB_POINT = regex.compile(r"^[-–•]\s+\S+(?:\s+\S+){0,7}$")
#: ... and no sentence ("- Der Beirat stimmt zu."; "e.V." ends none).
_POINT_SENTENCE = regex.compile(r"\p{Ll}{2,}[.!?]\s*$")
#: The end of a sentence: a word in lower case and a full stop ('Gremium.', not 'e.V.').
_SENTENCE_END = regex.compile(r"\p{Ll}{3,}[.!?]\s*$")
#: A label alone on its line ('Sachverhalt:', 'Behandlung im Ausschuss:'): it heads a block of the minutes.
_LABEL_LINE = regex.compile(r"^\s*\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s*:\s*$")
#: Slack (pt) at the right edge of the text when testing whether a word would have fitted.
SLACK = 12.0


def _result(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` opens an item's result ('Beschluss:', 'Abstimmung'), which may be bold too."""
    names = ("decision", "vote", "decision_heading", "vote_heading")
    return any(rules.res[name].match(text) for name in names)


def _same_type(line: Line, other: Line) -> bool:
    """Whether two lines are set alike: both bold or both not, sizes within 1 pt."""

    def size(ln: Line) -> float:
        return max((t.size for t in ln.words), default=0.0)

    return mostly_bold(line) == mostly_bold(other) and abs(size(line) - size(other)) <= 1.0


def _broke(line: Line, word: float, right: float, rules: MeetingRules) -> bool:
    """Whether a word ``word`` pt wide would not have fitted after the title on ``line``: before
    ``right``, or before a Vorlage cell that ends the line."""
    segments = line.segments()
    end, limit = line.x1, right
    if len(segments) >= 2 and whole_number(" ".join(t.text for t in segments[-1]), rules):
        end, limit = segments[-2][-1].x1, segments[-1][0].x0
    return end + word + SLACK >= limit


#: A line further below the one before than a heading's own pitch plus this (points) is no part
#: of the heading.
PITCH_SLACK = 2.0


def _rows(line: Line) -> list[float]:
    """The tops of a line's rows of words, top to bottom (a joined heading has two): the median
    top of each row's words, as a speck or a stamp OCR joined to one word moves its box."""
    rows: list[list[float]] = []
    for token in sorted(line.words or line.tokens, key=lambda t: t.top):
        if rows and token.top - rows[-1][0] < 0.5 * token.size:
            rows[-1].append(token.top)
        else:
            rows.append([token.top])
    return [sorted(row)[len(row) // 2] for row in rows] or [line.top]


def _heading_pitch(item: Item) -> float | None:
    """The pitch of a heading whose bare label was joined to its title below ('Zu TOP 1:' over
    the title, :func:`join_bare`), else None."""
    if not item.lines:
        return None
    rows = _rows(item.lines[0])
    return rows[1] - rows[0] if len(rows) == 2 else None


#: The close of a letter under its list: a greeting or a signature ('gez. Anna Bauer', 'i. A. Müller').
CLOSING = regex.compile(r"^\s*(?:Mit\s+freundlichen\s+Grüßen|Freundliche\s+Grüße|gez\.\s|i\.\s?[AV]\.\s)")


def wrap_pitch(items: Sequence[Item]) -> float | None:
    """The smallest step between two rows of one title in ``items`` (the list's line pitch inside a
    title, the items set further apart), or None where no title wrapped yet."""
    steps: list[float] = []
    for item in items:
        for above, below in pairwise(item.lines):
            if below.page == above.page:
                steps.append(_rows(below)[0] - _rows(above)[-1])
    positive = [step for step in steps if step > 0]
    return min(positive) if positive else None


def hangs_over(item: Item, line: Line, after: Sequence[Line]) -> bool:
    """Whether ``line``, at the top of the next column, stands at the hanging indent of the list's
    titles there: a line under it (in ``after``) starts as far left of it as ``item``'s number
    stands left of its title (the next item's number in the new column)."""
    if not item.lines:
        return False
    hang = item.title_x - item.lines[0].x0
    if hang <= ALIGN:
        return False
    margin = line.x0 - hang
    return any(ln.page == line.page and ln.top > line.top and abs(ln.x0 - margin) <= ALIGN for ln in after)


def _at_pitch(line: Line, previous: Line, listed: Sequence[Item]) -> bool:
    """Whether ``line`` stands under ``previous`` no lower than the titles of ``listed`` wrap
    (:func:`wrap_pitch`): a sentence set apart under the list ('Die Sitzungsunterlagen können ...')
    stands lower. True where no title wrapped yet."""
    pitch = wrap_pitch(listed) if line.page == previous.page else None
    return pitch is None or _rows(line)[0] - _rows(previous)[-1] <= pitch + PITCH_SLACK


def continues(
    item: Item,
    line: Line,
    previous: Line,
    rules: MeetingRules,
    right: float,
    *,
    listed: Sequence[Item] = (),
    after: Sequence[Line] = (),
) -> bool:
    """Whether ``line`` wraps the title of ``item``: right below it (or over a page break) and
    aligned with the title, or back at the item number's x (a list that wraps to its margin) when
    it starts in lower case, is only a paper reference, or follows a title that cannot end there
    or whose line broke because this line's first word did not fit before ``right``, the text's
    right edge (how word processors wrap)."""
    if item.body or item.closed or not follows(line, previous):
        return False
    if CLOSING.match(line.text):
        return False  # the letter's close under the list ('Mit freundlichen Grüßen', 'gez. ...')
    if turned(line, previous):
        # The list goes on at the top of the next column, at another x: a title goes on there
        # only where it cannot end before it, or with its paper reference.
        return (
            whole_number(line.text.rstrip(")"), rules) is not None
            or _lower(line)
            or open_end(item.title, rules)
            or _unclosed(item.title)
            or _LOWER_END.search(item.title) is not None
            or hangs_over(item, line, after)
        )
    pitch = _heading_pitch(item)
    if pitch is not None and line.page == previous.page and _rows(line)[0] - _rows(previous)[-1] > pitch + PITCH_SLACK:
        # A heading of a bare label over its title ('Zu TOP 1:' / title) sets its lines at one
        # pitch; the minutes under it start a little further down. Where type tells nothing (a
        # scan has no bold), that step ends the title.
        return False
    if _LABEL_LINE.match(line.text) and not open_end(item.title, rules):
        return False  # the minutes' first block under the heading ('Sachverhalt:'), set like it
    if rules.res["side_label"].match(line.text):
        return False  # who reports on the item ('Berichterstattung: Bürgermeister Bauer')
    if (
        line.page == previous.page
        and line.x0 > item.title_x + ALIGN
        and _SUB_POINT.match(line.text)
        and not _POINT_SENTENCE.search(line.text)
    ):
        return True  # a dash list set in under the title ("4. Anträge" / "- Rudeltplatz"): its topics
    if abs(line.x0 - item.title_x) <= ALIGN:
        # A bold title is not continued by regular minutes at its x ('Traktandum 3' / bold title / text);
        # a line that is only its paper reference ('Vorlage: 1234/2024') is the item's, in any type.
        return _same_type(line, previous) or not mostly_bold(previous) or whole_number(line.text, rules) is not None
    # Back at the margin only on the same page (a page may open with other text: 'gez. ...') and
    # in the title's type (a bold heading is not continued by the regular minutes under it).
    if not item.lines or line.page != previous.page or abs(line.x0 - item.lines[0].x0) > ALIGN:
        return False
    if whole_number(line.text, rules) is not None:
        return True
    if not _same_type(line, previous):
        return False
    if mostly_bold(previous) and previous is item.lines[-1] and not _result(line.text, rules):
        return True  # a bold heading's next bold line, the minutes under it being regular
    first = line.words[0] if line.words else None
    # A sentence that ends on the line is running text, not a title ('... aus dem Gremium.').
    full = (
        first is not None
        and previous is item.lines[-1]
        and not _SENTENCE_END.search(line.text)
        and _broke(previous, first.x1 - first.x0, right, rules)
        and _at_pitch(line, previous, listed)
    )
    return _lower(line) or open_end(item.title, rules) or full


def bare_label(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` is an item label with its number and no title ('Traktandum 3', 'TOP 4:'):
    with a title word after it, it would be a 'TOP' item line."""
    match = match_item(f"{text.rstrip()} Titel", rules.lists["items"][:1])
    return match is not None and match.group("title") == "Titel"


def join_bare(lines: Sequence[Line], rules: MeetingRules) -> list[Line]:
    """``lines`` with an item label that stands alone ('Traktandum 3', 'Zu Punkt 3 der
    Tagesordnung') joined to the title right below it in the label's type, as minutes head their
    items in two lines; a part heading or another item (also a label alone) below it is no title."""
    out: list[Line] = []
    skip = False
    for line, below in zip(lines, [*lines[1:], None], strict=True):
        if skip:
            skip = False
            continue
        # The title is set like its label: a bold label over regular text heads the minutes, not a title.
        title = (
            below is not None
            and below.page == line.page
            and follows(below, line)
            and _same_type(below, line)
            and bare_label(line.text, rules)
        )
        if below is not None and title and part_state(below.text, rules) is None:
            first = below.text.lstrip()[:1]
            # A label alone below is the next item of a list that names its items by number only
            # ('Punkt 1' / 'Punkt 2'), not this one's title.
            item_below = match_item(below.text, rules.lists["items"]) or bare_label(below.text, rules)
            if (first.isupper() or first.isdigit() or first in '„"') and not item_below:
                out.append(Line(line.page, [*line.tokens, *below.tokens], line.furniture))
                skip = True
                continue
        out.append(line)
    return out


def join_wrapped_labels(lines: Sequence[Line], rules: MeetingRules) -> list[Line]:
    """``lines`` with an item's label wrapped in a narrow cell ("TOP" over "2", "Ö" over "11", a web
    page's table squeezing its first column) set whole on its first line: the number below, alone at the
    start of its cell, at the label's left edge and set as the label is, joins the label; the
    title's lines beside them stay where they are."""
    out = list(lines)
    for k in range(len(out) - 1):
        line, below = out[k], out[k + 1]
        head, under = line.segments(), below.segments()
        if len(head) < 2 or not under or below.page != line.page or not follows(below, line):
            continue
        label, number = " ".join(t.text for t in head[0]), " ".join(t.text for t in under[0])
        if abs(head[0][0].x0 - under[0][0].x0) > _LABEL_ALIGN or not _NUMBER.fullmatch(number):
            continue
        if not _label(f"{label} {number}", rules) or _label(label, rules):
            continue
        if mostly_bold(Line(line.page, list(head[0]))) != mostly_bold(Line(below.page, list(under[0]))):
            continue  # a table's heading row in bold ("TOP  Betreff  Vorlage") over the first item's number
        moved = {id(t) for t in under[0]}
        out[k] = Line(line.page, sorted([*line.tokens, *under[0]], key=lambda t: t.x0), line.furniture)
        out[k + 1] = Line(below.page, [t for t in below.tokens if id(t) not in moved], below.furniture)
    return [line for line in out if line.tokens]


def _label(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` is an item's label and number with no title, by any item pattern ("TOP
    2", "Ö 11"; :func:`bare_label` knows the first, the labelled items, only)."""
    match = match_item(f"{text.rstrip()} Titel", rules.lists["items"])
    return match is not None and match.group("title") == "Titel"


#: A label's wrapped number: "2", "3.1", "12".
_NUMBER = regex.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")
#: A wrapped label's number starts within this many points of the label's left edge.
_LABEL_ALIGN = 3.0


def split_side_rows(lines: Sequence[Line], rules: MeetingRules) -> list[Line]:
    """``lines`` with a row that names who reports on an item ('Berichterstattung: Bürgermeister
    Bauer', ``rules.agenda_side_labels``) set apart from the title row above it, where the layout
    read both rows as one line (a paper cell at the right of the title row held them together)."""
    out: list[Line] = []
    for line in lines:
        top = min((t.top for t in line.tokens), default=0.0)
        lower = sorted((t for t in line.tokens if t.top > top + 0.5 * t.size), key=lambda t: t.x0)
        if lower and len(lower) < len(line.tokens) and rules.res["side_label"].match(" ".join(t.text for t in lower)):
            below = {id(t) for t in lower}
            out.append(Line(line.page, [t for t in line.tokens if id(t) not in below], line.furniture))
            out.append(Line(line.page, lower, line.furniture))
            continue
        out.append(line)
    return out
