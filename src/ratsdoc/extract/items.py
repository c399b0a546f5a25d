"""One parser for the items of a request (Beschlussvorschlag, Antrag), used by the profile path
(extract/sections.py) and the generic reader (extract/generic/proposal.py): a numbered line
("1.", "2)", "1.)", "a)", "b.", "IV.", with a profile also a bare "01") opens an item, lines of
another numbering under it ("a)" under "1.") stay inside it as sub-items, an unnumbered line
goes on the item above unless it starts a paragraph after an unnumbered item; in a list without
numbers a bullet or a dash set a tab apart opens an item, and a paragraph back at the margin after
a hanging-indented list ends the items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from ..layout.lines import Line, Token
from ..profile import Profile
from ..text.dates import MONTHS
from ..text.normalize import join_lines

#: An item's number and its punctuation: "1.", "2)", "1.)", "a)", "b.", "IV.", "01"; "a)." as
#: a scan reads a speck after the parenthesis.
NUMBER = regex.compile(r"^(?P<n>\d{1,2}|[a-z]|[IVX]{1,4})(?P<p>\.\)|\)\.|[.)])?$")

#: (number, text parts, lines) of one item.
Item = tuple[str | None, list[str], list[Line]]


@dataclass(frozen=True, slots=True)
class Numbering:
    """How a template sets item numbers: ``bare`` numbers without "." or ")" ("01", only digits
    and letters), and the least ``gap`` between number and text as a share of the font size."""

    bare: bool
    gap: float


#: A profile's numbered section: Erfurt's "01  Der Stadtrat ..." sets the number apart by a tab.
PROFILE = Numbering(bare=True, gap=0.8)
#: The least gap after a number with its punctuation, in a profile's numbered section too.
PUNCTUATED_GAP = 0.5
#: The generic reader: numbers always carry their punctuation, a space after them suffices.
GENERIC = Numbering(bare=False, gap=0.2)


def kind(number: str) -> str:
    """ "digit", "roman" or "letter": items of one kind are siblings, another kind nests."""
    if number.isdigit():
        return "digit"
    if regex.fullmatch(r"[IVX]+", number):
        return "roman"
    return "letter"


def split_number(line: Line, numbering: Numbering, *, counted: bool = False) -> tuple[str | None, Sequence[Token]]:
    """The item number opening ``line`` (set apart from the text by ``numbering.gap``, or by a
    space where it is ``counted`` in a run, :func:`counted_lines`) and the words after it;
    (None, all words) for a line without one."""
    words = line.words
    if not words:
        return None, ()
    first = words[0]
    match = NUMBER.match(first.text)
    if match is None or not (match.group("p") or (numbering.bare and kind(match.group("n")) != "roman")):
        return None, words
    # A number with its "." or ")" needs less room: Word's hanging indent of 0.63 cm leaves
    # about half a font size after "1." set in 12 pt.
    gap = min(numbering.gap, PUNCTUATED_GAP) if match.group("p") else numbering.gap
    if counted and match.group("p"):
        gap = GENERIC.gap
    if len(words) > 1 and words[1].x0 - first.x1 <= gap * first.size:
        return None, words
    return match.group("n"), words[1:]


def counted_lines(lines: Sequence[Line]) -> set[int]:
    """The ids of ``lines`` that open with a punctuated number counting on from the one before at
    the same left edge ("1." then "2.", "a)" then "b)"), two at least: a list the browser or the
    writer numbered with a space after each number, not a tab. A lone "1. Januar" is none."""
    opened = [line for line in lines if line.words and MARK.fullmatch(line.words[0].text)]
    counted: set[int] = set()
    for a, b in pairwise(opened):
        first, then = a.words[0].text, b.words[0].text
        if first[-1] in ".)" and abs(a.words[0].x0 - b.words[0].x0) <= _SAME_EDGE and counts_on(first, then):
            counted.update((id(a), id(b)))
    return counted


def _lone_first(lines: Sequence[Line]) -> set[int]:
    """The id of the first of ``lines`` when it opens with "1." and a space before a capitalised
    word that is no month ("1. Die Verwaltung wird beauftragt ..."): a list of one item, typed
    as a form's field takes it; "1. Januar 2024" opens a date. Empty otherwise."""
    first = next((line for line in lines if line.words), None)
    if first is None or len(first.words) < 2 or first.words[0].text not in ("1.", "1)"):
        return set()
    word = first.words[1].text
    if not word[:1].isupper() or word.rstrip(".").casefold() in MONTHS:
        return set()
    return {id(first)}


#: An enumeration mark: "2.", "3)", "b)", and a table row's bare number "2".
MARK = regex.compile(r"(\d{1,2}|[a-z])([.)]?)")


def counts_on(first: str, then: str) -> bool:
    """Whether the enumeration mark ``then`` follows ``first`` ("1." / "2.", "a)" / "b)", "1" /
    "2"): the same punctuation, the next number or letter; a bare letter is a word, no mark."""
    a, b = MARK.fullmatch(first), MARK.fullmatch(then)
    if a is None or b is None or a.group(2) != b.group(2):
        return False
    x, y = a.group(1), b.group(1)
    if not a.group(2) and not (x.isdigit() and y.isdigit()):
        return False
    if x.isdigit() and y.isdigit():
        return int(y) == int(x) + 1
    return x.isalpha() and y.isalpha() and ord(y) == ord(x) + 1


#: Numbers of one list start within this many points of each other.
_SAME_EDGE = 2.0


#: Dashes and bullets that open an item of an unnumbered list ("– Die Verwaltung ...").
_DASHES = frozenset({"-", "–", "—", "•", "▪", "·", "*"})


#: A hanging indent: the item's text starts a tab away from its number or dash (in font sizes).
_HANGING = 0.8


#: How far (points) an item's wrapped line may start from its text's first word and show the
#: list's hanging indent.
_INDENT_ALIGN = 1.0


def _hanging_x(line: Line, text: Sequence[Token]) -> float | None:
    """Where the text of an item starts when it hangs a tab away from its number or dash."""
    tokens, words = line.tokens, line.words
    lead = tokens[0] if tokens and tokens[0].bullet else (words[0] if words else None)
    if not text or lead is None or text[0] is lead:
        return None
    return text[0].x0 if text[0].x0 - lead.x1 >= _HANGING * lead.size else None


def _past_page(prev: Line | None, line: Line, items: list[Item], text_x: float) -> bool:
    """Whether ``line``, first on its page, starts back at the margin after a numbered item that
    ended a sentence at the foot of the page before and whose own lines wrapped at the hanging
    indent ``text_x``: the page break hides the space, the margin shows the list is over."""
    if prev is None or prev.page == line.page or not prev.text.rstrip().endswith((".", "!", "?")):
        return False
    if not items or items[-1][0] is None:
        return False
    return any(abs(wrapped.x0 - text_x) <= _INDENT_ALIGN for wrapped in items[-1][2][1:])


def _dashed(line: Line) -> Sequence[Token] | None:
    """The words after a bullet, or a dash set a tab apart, opening ``line`` ("–   Die Mittel
    ..."); None for a line without one."""
    tokens = line.tokens
    if tokens and tokens[0].bullet:
        return line.words
    words = line.words
    return words[1:] if len(words) > 1 and words[0].text in _DASHES and _hanging_x(line, words[1:]) else None


def read_items(
    lines: Sequence[Line],
    numbering: Numbering,
    new_paragraph: Callable[[Line | None, Line], bool],
    items: list[Item] | None = None,
) -> list[Item]:
    """The items of ``lines`` after ``items`` (what the heading line already held): the first
    number sets the kind of the items, a number of another kind under an item is a sub-item
    kept inside it ("a) ..."), an unnumbered line continues the item above unless
    ``new_paragraph(prev, line)`` says it starts a paragraph after an unnumbered item (or the
    heading). Items without text are left out."""
    items = list(items or [])
    top_kind: str | None = None
    prev: Line | None = None
    text_x: float | None = None  # where the text of a numbered or dashed item starts
    # Where the text of the last numbered item starts, right of its number, and that number's x:
    # its wrapped lines starting there too show the list's hanging indent, however narrow the tab.
    opened: tuple[float, float] | None = None
    counted = counted_lines(lines) | _lone_first(lines)
    for line in lines:
        number, words = split_number(line, numbering, counted=id(line) in counted)
        if number is not None and not words and _wrapped_number(items, line, text_x):
            # "... in der Fassung der Anlage" over "2.": the sentence's last word, wrapped.
            number, words = None, line.words
        dashed = _dashed(line) if number is None and top_kind is None else None
        if dashed is not None:  # a dash list without numbers: each dash opens an item
            items.append((None, [" ".join(t.text for t in dashed)], [line]))
            text_x = _hanging_x(line, dashed)
            prev = line
            continue
        if (
            number is None
            and text_x is not None
            and line.x0 < text_x - 0.5 * line.size
            and (new_paragraph(prev, line) or _past_page(prev, line, items, text_x))
        ):
            break  # a paragraph back at the margin after a hanging-indented list: the reasons
        text = " ".join(t.text for t in words)
        if number is not None and top_kind is None:
            top_kind = kind(number)
        if number is not None and kind(number) == top_kind:
            items.append((number, [text] if text else [], [line]))
            learned, text_x = text_x, _hanging_x(line, words)
            if text_x is None and learned is not None and words and abs(words[0].x0 - learned) <= _INDENT_ALIGN:
                text_x = learned  # the indent an item above showed, where this one's text starts too
            opened = (line.x0, words[0].x0) if words and words[0].x0 > line.x0 else None
        elif number is not None and items:  # a sub-item: "a) ..." under "1."
            items[-1][1].append(f"{number}) {text}")
            items[-1][2].append(line)
        elif items and not (items[-1][0] is None and new_paragraph(prev, line)):
            items[-1][1].append(text)
            items[-1][2].append(line)
            if text_x is None and opened is not None and abs(line.x0 - opened[1]) <= _INDENT_ALIGN:
                text_x = opened[1]
        else:
            items.append((None, [text], [line]))
        prev = line
    return [item for item in items if join_lines(item[1])]


def _wrapped_number(items: Sequence[Item], line: Line, text_x: float | None) -> bool:
    """Whether ``line``, a number alone ("2."), ends the sentence of the item above rather than
    opening an item of its own: that item's text stops without a sign, and the number stands
    where that item's wrapped lines start (its text's indent, or the margin of an unnumbered
    item)."""
    if not items or not items[-1][1] or not items[-1][2]:
        return False
    if join_lines(items[-1][1]).rstrip()[-1:] in ".:;!?":
        return False
    indent = text_x if text_x is not None else items[-1][2][0].x0
    return abs(line.x0 - indent) <= 0.5 * line.size


#: A remark in brackets on the items that follow: "(Änderungen gegenüber der Vorlage sind fett gedruckt.)".
_NOTE = regex.compile(r"^\([^()]*\)[.:]?$")


def without_lead(profile: Profile, items: list[Item]) -> list[Item]:
    """``items`` without the sentence that opens them ("Der Stadtrat beschließt:", "Der
    Bauausschuss empfiehlt dem Stadtrat, folgenden Beschluss zu fassen:"), which ``profile``'s
    ``resolution_lead`` patterns name: an unnumbered first paragraph ending in a colon, followed
    by the items, or the first line of an unnumbered first paragraph that goes on below it. It
    says who decides, not what; kept, it was read as the proposal's first item. Nor are the
    opening words the numbered items complete ("Der Senat wird ersucht,"). A remark in
    brackets before numbered items (how an amendment marks its changes) is no item either."""
    items = _without_opening(_without_lead(profile, items))
    while len(items) > 1 and items[0][0] is None and _NOTE.match(join_lines(items[0][1]).strip()):
        if not any(number for number, _, _ in items[1:]):
            break
        items = items[1:]
    return items


#: The opening words of a request its numbered items complete are few ("Der Senat wird ersucht,").
_OPENING_WORDS = 8


def _without_opening(items: list[Item]) -> list[Item]:
    """``items`` without the opening words of a request that its numbered items complete ("Der
    Senat wird ersucht," over "1. zu prüfen, ...", "2. ... zu berichten."): they say who is asked,
    the items what."""
    if len(items) < 2 or items[0][0] is not None or not all(n is not None for n, _, _ in items[1:]):
        return items
    opening = join_lines(items[0][1]).strip()
    return items[1:] if opening.endswith(",") and len(opening.split()) <= _OPENING_WORDS else items


def _without_lead(profile: Profile, items: list[Item]) -> list[Item]:
    if not items or items[0][0] is not None:
        return items
    lead = profile.label("resolution_lead", fuzzy=0)
    number, parts, lines = items[0]
    if len(items) > 1 and join_lines(parts).endswith(":") and lead.match(join_lines(parts)):
        return items[1:]

    # The sentence ends on a line of the paragraph, maybe wrapped over two: the rest is the item.
    for end, part in enumerate(parts[:-1]):
        if part.rstrip().endswith(":"):
            if len(lines) == len(parts) and lead.match(join_lines(parts[: end + 1])):
                return [(number, parts[end + 1 :], lines[end + 1 :]), *items[1:]]
            break
    return items
