"""One parser for the items of a request (Beschlussvorschlag, Antrag), used by the profile path
(extract/sections.py) and the generic reader (extract/generic/proposal.py): a numbered line
("1.", "2)", "1.)", "a)", "b.", "IV.", with a profile also a bare "01") opens an item, lines of
another numbering under it ("a)" under "1.") stay inside it as sub-items, an unnumbered line
goes on the item above unless it starts a paragraph after an unnumbered item."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from ..layout.lines import Line, Token
from ..text.normalize import join_lines

#: An item's number and its punctuation: "1.", "2)", "1.)", "a)", "b.", "IV.", "01".
NUMBER = regex.compile(r"^(?P<n>\d{1,2}|[a-z]|[IVX]{1,4})(?P<p>\.\)|[.)])?$")

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
#: The generic reader: numbers always carry their punctuation, a space after them suffices.
GENERIC = Numbering(bare=False, gap=0.2)


def kind(number: str) -> str:
    """ "digit", "roman" or "letter": items of one kind are siblings, another kind nests."""
    if number.isdigit():
        return "digit"
    if regex.fullmatch(r"[IVX]+", number):
        return "roman"
    return "letter"


def split_number(line: Line, numbering: Numbering) -> tuple[str | None, Sequence[Token]]:
    """The item number opening ``line`` (set apart from the text by ``numbering.gap``) and the
    words after it; (None, all words) for a line without one."""
    words = line.words
    if not words:
        return None, ()
    first = words[0]
    match = NUMBER.match(first.text)
    if match is None or not (match.group("p") or (numbering.bare and kind(match.group("n")) != "roman")):
        return None, words
    if len(words) > 1 and words[1].x0 - first.x1 <= numbering.gap * first.size:
        return None, words
    return match.group("n"), words[1:]


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
    for line in lines:
        number, words = split_number(line, numbering)
        text = " ".join(t.text for t in words)
        if number is not None and top_kind is None:
            top_kind = kind(number)
        if number is not None and kind(number) == top_kind:
            items.append((number, [text] if text else [], [line]))
        elif number is not None and items:  # a sub-item: "a) ..." under "1."
            items[-1][1].append(f"{number}) {text}")
            items[-1][2].append(line)
        elif items and not (items[-1][0] is None and new_paragraph(prev, line)):
            items[-1][1].append(text)
            items[-1][2].append(line)
        else:
            items.append((None, [text], [line]))
        prev = line
    return [item for item in items if join_lines(item[1])]
