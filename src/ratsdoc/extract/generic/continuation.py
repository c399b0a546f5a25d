"""The lines a labelled title goes on over ("Betreff: Sanierung der ..." / "und Ausbau ..."):
aligned under its value, up to a gap or the next label other than "hier:"; on a scan a stamp's remnant between
them ("2022" far right) is passed over, a stamp standing apart beside one is left out, and a line
whose first words a stamp hid (starting further right, the line after it aligned again) is kept."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...layout.lines import Line, Token
from .heading import ends_open, is_remnant, is_salutation, without_stamp
from .refinement import is_refinement

#: A line opening with a label ("Datum:") starts another field.
_LABEL_LIKE = regex.compile(r"^[\p{L}/ -]{2,30}:(?:\s|$)")
#: How far a continuation line may start from the value's left edge (points).
_ALIGN = 12.0
#: Conjunctions no phrase ends on.
_JOINING = frozenset({"und", "oder", "sowie"})
#: How far a line wrapped back to the margin may start from the label's edge (points).
_MARGIN_ALIGN = 2.0
#: A word this close (points) left of the next column's edge is in that column.
_EDGE = 1.0


def title_continuation(
    lines: Sequence[Line],
    index: int,
    x_left: float,
    x_right: float | None = None,
    wraps_to: tuple[float, str] | None = None,
) -> tuple[list[str], list[Token]]:
    """The texts and tokens of the lines after ``lines[index]`` that go on with a title whose
    value starts at ``x_left``; with ``x_right``, where the column beside the title's first line
    starts, only their words left of it (a line of that column alone ends the title). With
    ``wraps_to`` (the label's left edge and the value on the first line) a value that ends inside
    its phrase ("... am Kirchweg und") goes on at the label's edge: a paragraph without a hanging
    indent wraps back to its margin under the label."""
    line = previous = lines[index]
    last = wraps_to[1].split()[-1:] if wraps_to is not None else []
    if wraps_to is not None and (ends_open(wraps_to[1]) or (last and last[0] in _JOINING)):
        following = next((ln for ln in lines[index + 1 :] if not ln.furniture), None)
        if following is not None and abs(following.x0 - wraps_to[0]) <= _MARGIN_ALIGN:
            x_left = wraps_to[0]
    parts: list[str] = []
    tokens: list[Token] = []
    followers = [follower for follower in lines[index + 1 :] if not follower.furniture]
    if x_right is not None:
        followers = [_left_of(follower, x_right) for follower in followers]
    for position, follower in enumerate(followers):
        if x_right is not None and not follower.words:
            break  # a line of the column beside the title alone
        if follower.page != line.page or follower.top - previous.bottom > 0.8 * _measured_size(follower, previous):
            break
        if abs(follower.x0 - x_left) > _ALIGN and is_remnant(follower, x_left):
            continue
        # A mark hid the line's first words ("Gothaer" under a stamp: "Straße die ..."): the title
        # goes on under it, so the line is the title's, what is left of it.
        hidden = follower.x0 - x_left > _ALIGN and _resumes(followers[position + 1 :], follower, x_left)
        # "hier: ..." refines the subject (DIN 5008): the title goes on with it, label and all.
        if not hidden and (
            abs(follower.x0 - x_left) > _ALIGN
            or (_LABEL_LIKE.match(follower.text) and not is_refinement(follower.text))
        ):
            break
        parts.append(without_stamp(follower, follower.text))
        tokens.extend(follower.words)
        previous = follower
    return parts, tokens


def _left_of(line: Line, x_right: float) -> Line:
    """``line`` with only its words left of ``x_right``."""
    kept = [token for token in line.tokens if token.x0 < x_right - _EDGE]
    return line if len(kept) == len(line.tokens) else Line(line.page, kept, furniture=line.furniture)


def _resumes(after: Sequence[Line], line: Line, x_left: float) -> bool:
    """Whether the line right after ``line`` (with no gap) starts at ``x_left`` again and is no
    label: the title goes on there, under a line whose start was hidden."""
    follower = after[0] if after else None
    return (
        follower is not None
        and follower.page == line.page
        and follower.top - line.bottom <= 0.8 * follower.size
        and abs(follower.x0 - x_left) <= _ALIGN
        and not _LABEL_LIKE.match(follower.text)
        and not is_salutation(follower.text)
    )


def _measured_size(line: Line, previous: Line) -> float:
    """The type size of ``line`` to measure the gap above it with: OCR measures a line without
    small letters ("15.05.2023", digits and capitals only) by its capitals' height, about
    two thirds of its type's size, so such a line takes the size of the line before it."""
    if any(ch.islower() for ch in line.text):
        return line.size
    return max(line.size, previous.text_size)
