"""Running-text sections: the Beschlussvorschlag items and the Sachverhalt."""

from __future__ import annotations

from itertools import pairwise

import regex

from ..issues import IssueCode
from ..layout.lines import Line
from ..models import ResolutionItem
from ..text.normalize import join_lines
from .context import Context
from .generic import trailing_signature
from .generic.opening import leading_announcement
from .items import PROFILE, Item, read_items
from .letter_body import head_end, last_salutation
from .tables import fits, learn_columns, read_rows

#: The number of a numbered list item or paragraph: "1.", "2)", "3.)", "a)".
_LIST_NUMBER = regex.compile(r"^(?:\d{1,2}|[a-z])(?:\.\)|[.)])$")
_BULLET_WORDS = frozenset({"-", "–", "•", "▪", "*", "·", "o"})
#: A page break after one of these ends the paragraph; after ":" the next page goes on with
#: what the colon announced (a URL, a list item).
_SENTENCE_END = (".", "!", "?")
#: A vertical gap above a line larger than this share of its font size starts a paragraph.
_PARAGRAPH_GAP = 0.75
#: A space between words, as a share of the font size (for "would the word have fitted").
_WORD_SPACE = 0.25
#: Lines whose left edges are this close (points) start at the same place.
_SAME_X = 3.0


def _new_paragraph(
    prev: Line | None, line: Line, gap: float | None = None, right: float | None = None, *, short_ends: bool = True
) -> bool:
    """Whether ``line`` starts a paragraph after ``prev``: a vertical gap wider than ``gap``
    (default: a share of the font size), or a page break after a full stop, unless (with the
    text's ``right`` edge known) the first word of ``line`` would not have fitted on ``prev``:
    then ``prev`` is full and a sentence ending there more likely goes on in the paragraph.
    ``short_ends`` False: in this text a short line after a full stop does not end its paragraph
    (:func:`_short_lines_end_paragraphs`), so nothing marks one at a page break."""
    if prev is None:
        return True
    if prev.page != line.page:
        if not short_ends or not prev.text.rstrip().endswith(_SENTENCE_END):
            return False
        return right is None or _had_room(prev, line, right)
    return _gap_above(prev, line, gap)


def _hidden_break(prev: Line, line: Line) -> bool:
    """Whether the page break between ``prev`` and ``line`` hides whether a paragraph ends there,
    in a text that starts every sentence on a new line inside its paragraphs and marks paragraphs
    by space alone (:func:`_short_lines_end_paragraphs`): after a sentence the next line starts
    one either way, at the same left edge. A line set in or out (a first-line indent, a list
    item's hanging indent) shows a break; where a page ends does not: word processors end pages
    early inside paragraphs (widow control, lines kept together; a Wandsbek speech ends its first
    page three lines above its second's last line, in mid-paragraph)."""
    return prev.page != line.page and prev.text.rstrip().endswith(_SENTENCE_END) and abs(line.x0 - prev.x0) <= _SAME_X


def _gap_above(prev: Line, line: Line, gap: float | None) -> bool:
    """Whether the space between ``prev`` and ``line`` (one page) is wider than ``gap``."""
    return line.top - prev.bottom > (gap if gap is not None else _PARAGRAPH_GAP * line.size)


def _had_room(prev: Line, line: Line, right: float) -> bool:
    """Whether the first word of ``line`` would have fitted after ``prev`` (``prev`` is short)."""
    if not line.words:
        return True
    first = line.words[0]
    return prev.x1 + _WORD_SPACE * first.size + (first.x1 - first.x0) <= right


#: A text needs this many short lines after a full stop, on one page with a line below, to tell
#: whether they end its paragraphs; they do when nearly all of them are followed by a gap (a
#: typeset paragraph's short last line always is; one in ten going on without one shows a text
#: that starts sentences on new lines).
_SHORT_END_SAMPLE, _SHORT_END_SHARE = 3, 0.9


def _short_lines_end_paragraphs(lines: list[Line], gap: float | None, right: float | None) -> bool:
    """Whether a short line after a full stop ends a paragraph in this text, as the lines on one
    page show: nearly all are followed by a gap. A speech manuscript or a ragged letter starts many
    sentences on a new line within a paragraph ("Und bei den Menschen in Hanau." / "Es ist ...")
    and marks paragraphs by space alone; at a page break, where there is no space to see, such a
    text goes on in its paragraph."""
    if right is None:
        return True
    short_ends = [
        _gap_above(a, b, gap)
        for a, b in pairwise(lines)
        if a.page == b.page and a.text.rstrip().endswith(_SENTENCE_END) and _had_room(a, b, right)
    ]
    return len(short_ends) < _SHORT_END_SAMPLE or sum(short_ends) >= _SHORT_END_SHARE * len(short_ends)


def _inline_resolution(ctx: Context) -> bool:
    """Letters state their request in a paragraph that opens with a formula ("Wir beantragen"):
    each such paragraph is one item. Returns whether any was found."""
    items: list[tuple[str, list[Line]]] = []
    start = 0
    while True:
        found = ctx.find_label("resolution_inline", start=start)
        if found is None:
            break
        index, line, _ = found
        if line.text.rstrip().endswith(":"):
            # "Wir beantragen:" alone heads a list, the generic reader's request section.
            start = index + 1
            continue
        lines, prev = [line], line
        for follower in ctx.lines[index + 1 :]:
            if follower.furniture:
                continue
            if not follower.tokens or _new_paragraph(prev, follower) or ctx.is_section_start(follower):
                break
            lines.append(follower)
            prev = follower
        items.append((join_lines([ln.text for ln in lines]), lines))
        start = index + len(lines)
    if not items:
        return False
    ctx.set(
        "resolution_proposal",
        [ResolutionItem(number=None, text=t) for t, _ in items],
        [ln for _, lines in items for ln in lines],
    )
    ctx.set_items("resolution_proposal", [lines for _, lines in items])
    return True


def extract_resolution(ctx: Context) -> None:
    """Fill ``resolution_proposal``: numbered items ("01", "1.") or one item per paragraph."""
    found = ctx.find_label("resolution")
    if found is None:
        if not _inline_resolution(ctx):
            ctx.set("resolution_proposal", [], [])
        return
    head_index, head, match = found
    ctx.claimed.add(head_index)
    trailing = head.text[match.end() :].strip(" :")
    section = ctx.section_lines(head_index)
    lead: list[Item] = [(None, [trailing], [head])] if trailing else []
    kept = read_items([line for _, line in section], PROFILE, _new_paragraph, lead)
    # The items end where a paragraph returns to the margin after a hanging-indented list: the
    # lines after the last item are the reasons without a heading, left to the justification.
    used = {id(line) for _, _, lines in kept for line in lines}
    last = max((k for k, (_, line) in enumerate(section) if id(line) in used), default=len(section) - 1)
    section = section[: last + 1]
    ctx.claimed.update(index for index, _ in section)
    result = [ResolutionItem(number=n, text=join_lines(parts)) for n, parts, _ in kept]
    ctx.set("resolution_proposal", result, [*([head] if trailing else []), *(line for _, line in section)])
    ctx.set_items("resolution_proposal", [lines for _, _, lines in kept])


def extract_justification(ctx: Context) -> None:
    """Fill ``justification``: paragraphs split by blank space, bullets as "- " lines, bold
    sub-headings as paragraphs of their own, table rows as cells joined by " | "."""
    found = ctx.find_label("justification")
    stop = None
    if found is not None:
        head_index = found[0]
    else:
        # A letter: its body runs from the salutation (or, without one, from its head) to the
        # closing formula.
        salutation = last_salutation(ctx)
        start = salutation if salutation is not None else head_end(ctx)
        if start is None:
            ctx.set("justification", None, [])
            return
        head_index = start
        closing = ctx.find_label("closing", start=head_index + 1)
        stop = closing[0] if closing else None
    lines = _justification_lines(ctx, head_index, stop)
    if found is None:  # a letter: "... stellt die Fraktion folgende Anfrage." gives no reasons
        lines = lines[leading_announcement(lines, ctx.profile.document_types, _new_paragraph) :]
    if lines and stop is None and lines[-1] is _last_body_line(ctx):
        # A motion ends with its signers' names, set apart below the text: not its reasons.
        lines = lines[: len(lines) - trailing_signature(lines)]
    gap = _paragraph_gap(lines)
    right = max((line.x1 for line in lines), default=None)  # the right edge of the text column
    short_ends = _short_lines_end_paragraphs(lines, gap, right)
    # Paragraphs set apart by space: a line that follows without it is the same paragraph, even
    # back at a numbered item's own margin (a line break, not a new paragraph).
    spaced = any(a.page == b.page and _gap_above(a, b, gap) for a, b in pairwise(lines))
    unsure: list[int] = []  # pages whose break may or may not end a paragraph
    blocks: list[tuple[str, list[str]]] = []  # kind "p", "li", "ni", "h" or "tr", with its lines
    apart: set[int] = set()  # numbered items set apart from the item above by a gap
    prev: Line | None = None
    bullet_x: float | None = None
    number_x: float | None = None  # where the number of the last numbered item stands
    position = 0
    while position < len(lines):
        line = lines[position]
        kind, text = _classify(line)
        new_paragraph = prev is None or _new_paragraph(prev, line, gap, right, short_ends=short_ends)
        if prev is not None and not short_ends and _hidden_break(prev, line):
            unsure.append(prev.page)
        columns = learn_columns(lines[position:]) if kind == "tr" else []
        if kind == "tr" and len(columns) < 2:
            kind, text = "p", line.text  # wide gaps on a lone line, no table around it
        if kind == "tr":
            end = position
            while end < len(lines) and fits(lines[end], columns):
                end += 1
            end = max(end, position + 1)
            blocks.append(("tr", read_rows(lines[position:end], columns)))
            prev = lines[end - 1]
            position = end
            continue
        if kind == "h" and blocks and prev is not None and not new_paragraph and _mostly_bold(prev):
            blocks[-1][1].append(text)  # a bold paragraph's short last line, not a sub-heading
        elif kind in ("li", "h", "ni"):
            if kind == "ni" and new_paragraph:
                apart.add(len(blocks))
            blocks.append((kind, [text]))
            # A wrapped item goes on under its text: after the bullet, or after the number.
            bullet_x = None
            if kind == "li" and line.words:
                bullet_x = line.words[0].x0
            elif kind == "ni":
                bullet_x, number_x = line.words[1].x0, line.words[0].x0
        elif (
            blocks
            and not new_paragraph
            and (
                blocks[-1][0] == "p"
                or (blocks[-1][0] in ("li", "ni") and bullet_x is not None and line.x0 >= bullet_x - 2)
                or (
                    blocks[-1][0] == "ni"
                    and spaced
                    and number_x is not None
                    and abs(line.x0 - number_x) <= 2
                    and _sentence_item(prev)
                )
            )
        ):
            blocks[-1][1].append(text)
        else:
            blocks.append(("p", [text]))
            bullet_x = None
        prev = line
        position += 1
    out: list[str] = []
    for i, (kind, parts) in enumerate(blocks):
        tight = i > 0 and kind in ("li", "ni") and blocks[i - 1][0] == kind and i not in apart
        sep = "\n" if tight else ("\n\n" if out else "")
        text = "\n".join(parts) if kind == "tr" else join_lines(parts)
        out.append(f"{sep}- {text}" if kind == "li" else f"{sep}{text}")
    ctx.set("justification", "".join(out).strip() or None, lines)
    if unsure:
        ctx.warn(
            IssueCode.PARAGRAPH_BREAK_UNCERTAIN,
            f"text ends a sentence at the foot of page {', '.join(map(str, unsure))}: "
            "whether the next page starts a paragraph is unknown",
            page=unsure[0],
            field="justification",
        )


def _sentence_item(line: Line | None) -> bool:
    """Whether ``line`` is running text, not a numbered heading ("1. Anlass"): words enough for a
    sentence, not set in bold."""
    return line is not None and len(line.words) >= _SENTENCE_WORDS and not _mostly_bold(line)


#: Words a line of a sentence has at least: "1. Anlass" and "2. Finanzierung" are headings.
_SENTENCE_WORDS = 5


def _mostly_bold(line: Line) -> bool:
    """Whether most words of ``line`` are bold."""
    words = line.words
    return bool(words) and sum(t.bold for t in words) * 2 >= len(words)


def _last_body_line(ctx: Context) -> Line | None:
    """The last line of running text of the paper (no header, footer or page number)."""
    return next((line for line in reversed(ctx.lines) if not line.furniture and line.tokens), None)


def _justification_lines(ctx: Context, head_index: int, stop: int | None) -> list[Line]:
    """The body lines of the justification: after its heading, up to the next section."""
    sub = ctx.profile.label("justification_subheadings", fuzzy=0)
    result: list[Line] = []
    for index in range(head_index + 1, stop if stop is not None else len(ctx.lines)):
        line = ctx.lines[index]
        if line.furniture or not line.tokens or index in ctx.claimed:
            continue
        if ctx.profile.label("attachments", fuzzy=0).match(line.text) or (
            index > head_index + 1 and ctx.profile.label("section_ends", fuzzy=0).match(line.text)
        ):
            break
        if not result and sub.match(line.text):
            continue
        if ctx.profile.label("signature", fuzzy=0).match(line.text):
            break  # "14.02.2024, gez. K. Stange" / "gez. Knut Kreuch" closes the text
        result.append(line)
    return result


def _paragraph_gap(lines: list[Line]) -> float | None:
    """The vertical gap above which a line starts a paragraph, learnt from the section itself:
    line spacing differs between producers, so a fixed share of the font size is not enough.
    The line spacing is the lower quartile of the gaps, not their median: in a short text of
    one- and two-line paragraphs and a list set apart, most gaps are paragraph gaps."""
    gaps = sorted(b.top - a.bottom for a, b in pairwise(lines) if a.page == b.page and b.top >= a.bottom - 1)
    if len(gaps) < 3:
        return None
    typical = gaps[len(gaps) // 4]
    size = lines[0].size
    return max(typical * 1.4, typical + 0.35 * size)


def _classify(line: Line) -> tuple[str, str]:
    """("li", text) for a bullet item, ("ni", text) for a numbered one ("1.)", "2)", "a."),
    ("h", text) for a bold sub-heading, ("tr", cells) for a table row, else ("p", text)."""
    words = line.words
    if line.tokens[0].bullet:
        return "li", line.text
    if words and words[0].text in _BULLET_WORDS and len(words) > 1:
        return "li", line.text.split(" ", 1)[1]
    segments = line.segments()
    if len(segments) >= 3:
        return "tr", " | ".join(" ".join(t.text for t in seg) for seg in segments)
    if len(words) > 1 and _LIST_NUMBER.match(words[0].text):
        return "ni", line.text
    if words and len(words) <= 8 and all(t.bold for t in words) and not line.text.endswith("."):
        return "h", line.text
    return "p", line.text
