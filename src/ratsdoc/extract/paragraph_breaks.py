"""Where a running text's paragraphs break: a gap wider than the text's line spacing, a short
line after a sentence, a first line set in, and what a page break hides unless a tagged PDF's
structure tree tells it."""

from __future__ import annotations

from itertools import pairwise
from statistics import median

import regex

from ..layout.lines import Line
from ..layout.model import UNKNOWN_BLOCK

#: A page break after one of these ends the paragraph; after ":" the next page goes on with
#: what the colon announced (a URL, a list item).
SENTENCE_END = (".", "!", "?")
#: A web address (a line may end with one where a sentence would end with a full stop).
_ADDRESS = regex.compile(r"^(?:https?://|www\.)\S+$", regex.IGNORECASE)
#: A vertical gap above a line larger than this share of its font size starts a paragraph.
_PARAGRAPH_GAP = 0.75
#: A space between words, as a share of the font size (for "would the word have fitted").
_WORD_SPACE = 0.25
#: What the next page's first word must have had to spare on a line ending a sentence at a page
#: break, as a share of the font size, for the line to have been short for sure.
_NEAR_FULL = 0.2
#: Lines whose left edges are this close (points) start at the same place.
SAME_X = 3.0
#: A first-line indent is at most this many times the font size; a line set in further is
#: another column's or a quotation's.
_INDENT_EMS = 4.0


def new_paragraph(
    prev: Line | None,
    line: Line,
    gap: float | None = None,
    right: float | None = None,
    *,
    short_ends: bool = True,
    left: float | None = None,
) -> bool:
    """Whether ``line`` starts a paragraph after ``prev``: a vertical gap wider than ``gap``
    (default: a share of the font size), or a page break after a full stop, unless (with the
    text's ``right`` edge known) the first word of ``line`` would not have fitted on ``prev``:
    then ``prev`` is full and a sentence ending there more likely goes on in the paragraph.
    ``short_ends`` False: in this text a short line after a full stop does not end its paragraph
    (:func:`short_lines_end_paragraphs`), so only a first line set in from ``left``, the text's left
    edge on ``line``'s page, marks one at a page break (:func:`set_in`). In a tagged PDF the
    structure tree decides a page break (:func:`tagged_break`)."""
    if prev is None:
        return True
    if prev.page != line.page:
        tagged = tagged_break(prev, line)
        if tagged is not None:
            return tagged
        if not ends_sentence(prev, line):
            return False
        if left is not None and set_in(line, left):
            return True
        if not short_ends:
            return False
        return right is None or had_room(prev, line, right)
    return gap_above(prev, line, gap)


def tagged_break(prev: Line, line: Line) -> bool | None:
    """Whether the structure tree of a tagged PDF puts ``line`` in another paragraph-like element
    (a paragraph, a heading, a list item's body, a table cell) than ``prev``: the element of
    ``prev``'s last word and of ``line``'s first (:attr:`~ratsdoc.layout.lines.Token.block`).
    None when either is unknown (an untagged file, a scan, text outside the tree), and when the
    elements differ in a tree that never keeps an element across a page break: Word repeats a
    paragraph's tag after every page break, so two elements there say nothing."""
    if not prev.words or not line.words:
        return None
    first = line.words[0]
    before, after = prev.words[-1].block, first.block
    if before == UNKNOWN_BLOCK or after == UNKNOWN_BLOCK:
        return None
    if before == after:
        return False
    return True if first.marks is not None and first.marks.crosses_pages() else None


def ends_sentence(prev: Line, line: Line) -> bool:
    """Whether ``prev`` ends a sentence before ``line``: a full stop, "!" or "?", or a web
    address closing it ("Weitere Informationen: https://...") before a capitalised word."""
    text = prev.text.rstrip()
    if text.endswith(SENTENCE_END):
        return True
    last = text.rsplit(" ", 1)[-1]
    return bool(_ADDRESS.match(last)) and bool(line.words) and line.words[0].text[:1].isupper()


def set_in(line: Line, left: float) -> bool:
    """Whether ``line`` starts set in from ``left``, the text's left edge on its page, by a
    first-line indent (more than the jitter of one edge, at most :data:`_INDENT_EMS` of its size):
    after a sentence, the first line of a paragraph. The edge is the page's own: pages printed for
    binding shift their margins from page to page."""
    return SAME_X < line.x0 - left <= _INDENT_EMS * line.size


def left_edges(lines: list[Line]) -> dict[int, float]:
    """The text's left edge on each page of ``lines``: where its leftmost line starts."""
    edges: dict[int, float] = {}
    for line in lines:
        edges[line.page] = min(line.x0, edges.get(line.page, line.x0))
    return edges


def hidden_break(prev: Line, line: Line, lefts: dict[int, float] | None = None) -> bool:
    """Whether the page break between ``prev`` and ``line`` hides whether a paragraph ends there:
    after a sentence the next line starts at the same left edge (or each at its page's edge,
    ``lefts``, on pages printed for binding), and the caller found no sign either way. In a text
    that starts every sentence on a new line inside its paragraphs and marks paragraphs by space
    alone (:func:`short_lines_end_paragraphs`) nothing shows one; in typeset text a full line that
    ends a sentence may end its paragraph as well. A line set in or out (a first-line indent, a
    list item's hanging indent) shows a break; where a page ends does not: word processors end
    pages early inside paragraphs (widow control, lines kept together; a Wandsbek speech ends its
    first page three lines above its second's last line, in mid-paragraph). A tagged PDF's
    structure tree shows it (:func:`tagged_break`): nothing is hidden there."""
    if prev.page == line.page or not ends_sentence(prev, line) or tagged_break(prev, line) is not None:
        return False
    if abs(line.x0 - prev.x0) <= SAME_X:
        return True
    return (
        lefts is not None
        and abs(prev.x0 - lefts.get(prev.page, prev.x0)) <= SAME_X
        and abs(line.x0 - lefts.get(line.page, line.x0)) <= SAME_X
    )


def gap_above(prev: Line, line: Line, gap: float | None) -> bool:
    """Whether the space between ``prev`` and ``line`` (one page) is wider than ``gap``."""
    return line.top - prev.bottom > (gap if gap is not None else _PARAGRAPH_GAP * line.size)


def had_room(prev: Line, line: Line, right: float, slack: float = 0.0) -> bool:
    """Whether the first word of ``line`` would have fitted after ``prev`` (``prev`` is short),
    with ``slack`` (a share of the font size) to spare."""
    if not line.words:
        return True
    first = line.words[0]
    return prev.x1 + (_WORD_SPACE + slack) * first.size + (first.x1 - first.x0) <= right


def near_full(prev: Line, line: Line, right: float) -> bool:
    """Whether the first word of ``line`` would only just have fitted after ``prev``, with less
    than a fifth of its size to spare: word processors and typesetters measure words and spaces a
    little differently (kerning, a justified line's stretch), so ``prev`` may as well be full, and
    a paragraph's end there at a page break is a guess."""
    return had_room(prev, line, right) and not had_room(prev, line, right, _NEAR_FULL)


#: A text needs this many short lines after a full stop, on one page with a line below, to tell
#: whether they end its paragraphs; they do when nearly all of them are followed by a gap (a
#: typeset paragraph's short last line always is; one in ten going on without one shows a text
#: that starts sentences on new lines).
_SHORT_END_SAMPLE, _SHORT_END_SHARE = 3, 0.9


def short_lines_end_paragraphs(lines: list[Line], gap: float | None, right: float | None) -> bool:
    """Whether a short line after a full stop ends a paragraph in this text, as the lines on one
    page show: nearly all are followed by a gap. A speech manuscript or a ragged letter starts many
    sentences on a new line within a paragraph ("Und bei den Menschen in Hanau." / "Es ist ...")
    and marks paragraphs by space alone; at a page break, where there is no space to see, such a
    text goes on in its paragraph."""
    if right is None:
        return True
    short_ends = [
        gap_above(a, b, gap)
        for a, b in pairwise(lines)
        if a.page == b.page and a.text.rstrip().endswith(SENTENCE_END) and had_room(a, b, right)
    ]
    return len(short_ends) < _SHORT_END_SAMPLE or sum(short_ends) >= _SHORT_END_SHARE * len(short_ends)


def paragraph_gap(lines: list[Line], *, fine: bool = True) -> float | None:
    """The vertical gap above which a line starts a paragraph, learnt from the section itself:
    line spacing differs between producers, so a fixed share of the font size is not enough.
    The line spacing is the lower quartile of the gaps, not their median: in a short text of
    one- and two-line paragraphs and a list set apart, most gaps are paragraph gaps. With ``fine``
    False the wider margin holds for lines at an exact pitch too: Word spaces a list's items a
    little (3 pt), which sets none apart from the next."""
    gaps = sorted(b.top - a.bottom for a, b in pairwise(lines) if a.page == b.page and b.top >= a.bottom - 1)
    if len(gaps) < 3:
        return None
    typical = gaps[len(gaps) // 4]
    size = lines[0].size
    # Lines set at one exact pitch (a word processor's text, not a scan's jittering bands) show
    # a paragraph's spacing even when it is small: Word's 4 pt after a paragraph of 11.5 pt type.
    exact = fine and sum(abs(g - typical) <= _EXACT_PITCH for g in gaps) * 2 >= len(gaps)
    return max(typical * 1.4, typical + (_EXACT_SPACE if exact else _PARAGRAPH_SPACE) * size)


#: Extra space over the line spacing, as a share of the type size, that parts two paragraphs;
#: less where the lines stand at an exact pitch (:data:`_EXACT_PITCH`).
_PARAGRAPH_SPACE, _EXACT_SPACE = 0.35, 0.25
#: Gaps this close (points) to the line spacing are the same spacing: at least half of a text's
#: gaps so close show lines set at one exact pitch.
_EXACT_PITCH = 0.3


#: Lines of at least this many words measure a scanned page's typical band (a lone number or a
#: short word is no sample of the type's ascenders and descenders).
_BAND_WORDS = 3


def even_bands(lines: list[Line]) -> list[Line]:
    """``lines`` of OCRed pages with the box of each line at least as tall as its page's typical
    line: OCR's box is the band of a line's ink, so a line without descenders ("ist noch in diesem
    Jahr umzusetzen.") ends higher than its neighbours and the space below it looks as wide as a
    paragraph's. A shorter line gets the typical height from its top (a copy; text and tokens stay)."""
    heights: dict[int, list[float]] = {}
    for line in lines:
        if len(line.words) >= _BAND_WORDS:
            heights.setdefault(line.page, []).append(line.bottom - line.top)
    typical = {page: median(values) for page, values in heights.items()}
    out: list[Line] = []
    for line in lines:
        height = typical.get(line.page)
        if height is None or line.bottom - line.top >= height:
            out.append(line)
            continue
        copy = Line(line.page, line.tokens, line.furniture)
        copy.bottom = line.top + height
        out.append(copy)
    return out
