"""Running-text sections: the Beschlussvorschlag items and the Sachverhalt."""

from __future__ import annotations

from itertools import pairwise

import regex

from ..issues import IssueCode
from ..layout.lines import Line, after_first_cell, mostly_bold, tokens_text
from ..models import ResolutionItem
from ..text.dates import iter_dates
from ..text.normalize import fold_for_match, join_lines
from .context import Context, opens_record, within
from .generic import is_address, trailing_signature
from .generic.closing import is_cut_closing
from .generic.heading import side_box, without_box
from .generic.opening import leading_announcement
from .generic.vocabulary import reader_vocabulary
from .items import PROFILE, Item, read_items, without_lead
from .labelled import label_tokens
from .letter_body import head_end, last_salutation
from .paragraph_breaks import (
    SAME_X,
    ends_sentence,
    even_bands,
    gap_above,
    had_room,
    hidden_break,
    left_edges,
    near_full,
    new_paragraph,
    paragraph_gap,
    set_in,
    short_lines_end_paragraphs,
)
from .tables import fits, learn_columns, read_rows, table_end

#: Marks OCR read before a line's first word (a speck as a quote, a pen's tick as "~").
_LEADING_MARKS = regex.compile(r"^[^\p{L}\d\s]+\s*")
#: A word of three letters or more: what a first item after a label holds at least.
_WORD = regex.compile(r"\p{L}{3}")
#: The number of a numbered list item or paragraph: "1.", "2)", "3.)", "a)".
_LIST_NUMBER = regex.compile(r"^(?:\d{1,2}|[a-z])(?:\.\)|[.)])$")
_BULLET_WORDS = frozenset({"-", "–", "•", "▪", "*", "·", "o"})


def _inline_resolution(ctx: Context) -> bool:
    """Letters state their request in a paragraph that opens with a formula ("Wir beantragen"):
    each such paragraph is one item. Returns whether any was found."""
    items: list[tuple[str, list[Line]]] = []
    start = 0
    while True:
        found = ctx.find_label("resolution_inline", start=start)
        if found is None:
            break
        index, line, match = found
        if _errs_at_end(match):
            start = index + 1
            continue
        if line.text.rstrip().endswith(":"):
            # "Wir beantragen:" alone heads a list, the generic reader's request section.
            start = index + 1
            continue
        lines, prev = [line], line
        for follower in ctx.lines[index + 1 :]:
            if follower.furniture:
                continue
            if not follower.tokens or new_paragraph(prev, follower) or ctx.is_section_start(follower):
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


def _errs_at_end(match: regex.Match[str]) -> bool:
    """Whether an OCR-tolerant match of a request formula spends its errors at its end, where
    the formula's last word or what must not follow it stands: "wir bitten Sie, folgenden
    Antrag ..." is "Wir bitten um" with "um" deleted, "Wir bitten um schriftliche Beantwortung"
    passes the formula's exclusion by an inserted space. A misread letter inside it is OCR's."""
    substitutions, insertions, deletions = match.fuzzy_changes
    return any(position >= match.end() - 1 for position in (*substitutions, *insertions, *deletions))


def _section_label(ctx: Context, name: str) -> tuple[int, Line, regex.Match[str]] | None:
    """The first line label ``name`` opens, passing over the line the paper's type was read from:
    "Beschlussempfehlung" or "Bericht" in large type heads the paper as its type, and the
    section's own heading, if any, comes further down."""
    found = ctx.find_label(name)
    while found is not None and within(found[1], ctx.fields.provenance.get("document_type") or []):
        found = ctx.find_label(name, start=found[0] + 1)
    return found


def extract_resolution(ctx: Context) -> None:
    """Fill ``resolution_proposal``: numbered items ("01", "1.") or one item per paragraph."""
    found = _section_label(ctx, "resolution")
    if found is None:
        if not _inline_resolution(ctx):
            ctx.set("resolution_proposal", [], [])
        return
    head_index, head, match = found
    ctx.claimed.add(head_index)
    cell = beside_label(head, match.end())
    trailing = "" if cell is not None else head.text[match.end() :].strip(" :")
    if head.page in ctx.layout.ocr_pages and not _WORD.search(trailing):
        trailing = ""  # "wir fragen an: km": a pen's mark read after the label, no first item
    section = ctx.section_lines(head_index)
    if cell is not None:
        # A form's grid row: the proposal starts in the field beside its label, its items' lines
        # wrapped under it (one text, read as the lines under a label are).
        section = [(head_index, cell), *section]
    if section and section[-1][1] is _last_body_line(ctx):
        # The request runs to the paper's end: the members and the faction signing under it, with
        # no closing formula between ("Anna Meier und SPD-Fraktion"), are none of it.
        section = section[: len(section) - trailing_signature([line for _, line in section])]
    lead: list[Item] = [(None, [trailing], [head])] if trailing else []
    kept = without_lead(ctx.profile, read_items([line for _, line in section], PROFILE, new_paragraph, lead))
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
    found = _section_label(ctx, "justification")
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
    cell = beside_label(found[1], found[2].end()) if found is not None else None
    if cell is not None:
        lines = [cell, *lines]  # a form's grid row: the text starts in the field beside its label
    if found is None:
        lines = _beside_box(ctx, head_index, lines)
        if salutation is None:
            lines = lines[_leading_addresses(lines) :]
    if stop is None:  # no closing read: a pen stroke may have cut it ("Mit")
        cut = next((k for k, line in enumerate(lines) if is_cut_closing(line, ctx.layout.ocr_doubts)), None)
        lines = lines if cut is None else lines[:cut]
    if found is None:  # a letter: "... stellt die Fraktion folgende Anfrage." gives no reasons
        lines = lines[leading_announcement(lines, ctx.profile.document_types, new_paragraph) :]
    if lines and stop is None and (lines[-1] is _last_body_line(ctx) or _before_list(ctx, lines[-1])):
        # A motion ends with its signers' names, set apart below the text: not its reasons. So
        # does a memo before its attachments or distribution list.
        lines = lines[: len(lines) - trailing_signature(lines)]
    where = lines
    if lines and all(line.page in ctx.layout.ocr_pages for line in lines):
        lines = even_bands(lines)  # the space between scanned lines as printed, not as inked
    # A table's rows (cells wrapped, rows padded or ruled) are spaced as no paragraph is: the
    # paragraphs' spacing is learnt from the text's lines.
    texts = _text_lines(lines)
    gap = paragraph_gap(texts)
    # What sets a numbered item apart from the one above: Word's small space between a list's
    # items parts none of them, as it parts paragraphs.
    item_gap = paragraph_gap(texts, fine=False)
    right = max((line.x1 for line in lines), default=None)  # the right edge of the text column
    short_ends = short_lines_end_paragraphs(lines, gap, right)
    item_ends = short_lines_end_paragraphs(lines, item_gap, right)
    lefts = left_edges(lines)
    indents = _first_line_indents(lines, lefts)
    # Paragraphs set apart by space: a line that follows without it is the same paragraph, even
    # back at a numbered item's own margin (a line break, not a new paragraph).
    spaced = any(a.page == b.page and gap_above(a, b, gap) for a, b in pairwise(lines))
    unsure: list[int] = []  # pages whose break may or may not end a paragraph
    doubtful: list[int] = []  # pages of tables whose rows may be one row's wrapped cells
    gapped: list[int] = []  # pages of tables with a row that may be the cells' next paragraph
    blocks: list[tuple[str, list[str]]] = []  # kind "p", "li", "ni", "h" or "tr", with its lines
    apart: set[int] = set()  # numbered items set apart from the item above by a gap
    paged: set[int] = set()  # numbered items opening a page after the list's item above
    prev: Line | None = None
    bullet_x: float | None = None
    number_x: float | None = None  # where the number of the last numbered item stands
    position = 0
    while position < len(lines):
        line = lines[position]
        kind, text = _classify(line)
        opens = prev is None or new_paragraph(prev, line, gap, right, short_ends=short_ends, left=lefts.get(line.page))
        if (
            not opens
            and kind == "p"
            and prev is not None
            and (_weight_changes(prev, line) or _outdented(prev, line, None if not indents else right))
        ):
            # A question quoted in bold or set in ends, its answer follows with no space (a list's
            # next item is told by its number or bullet).
            opens = True
        if (
            kind in ("p", "h")
            and blocks
            and prev is not None
            and prev.page == line.page
            and _question_label(prev)
            and _mostly_bold(prev) == _mostly_bold(line)
            and not gap_above(prev, line, gap)
        ):
            # "Frage 1:" alone over the question in its weight: one block, not a sub-heading.
            blocks[-1] = ("p", [*blocks[-1][1], text])
            prev = line
            position += 1
            continue
        if (
            prev is not None
            and (not opens or (right is not None and near_full(prev, line, right)))
            and hidden_break(prev, line, lefts)
        ):
            unsure.append(prev.page)
        if kind in ("p", "h") and len(line.segments()) == 2 and _two_columns(lines[position:]):
            kind = "tr"  # a synopsis of two columns ("Bisherige Fassung", "Neue Fassung")
        columns = learn_columns(lines[position:]) if kind == "tr" else []
        if kind in ("p", "ni") and len(line.segments()) == 2:
            # Questions beside their answers in two columns without rules: each of a row's lines
            # read as one of two segments, a wrapped question's lines too.
            table = learn_columns(lines[position:])
            asked = _question_table(lines, position, table) if len(table) == 2 and fits(line, table) else None
            if asked is not None:
                pairs, end = asked
                blocks.extend(("p", [cell]) for pair in pairs for cell in pair)
                prev = lines[end - 1]
                position = end
                continue
        if (kind == "tr" and len(columns) < 2) or (kind in ("p", "ni") and len(line.segments()) == 2):
            # One question beside its answer, a table of one row (its cells read as one line, of
            # two segments or more): read as printed, the question, then its answer.
            single = single_question(line)
            if single:
                blocks.extend(("p", [cell]) for pair in single for cell in pair)
                prev = line
                position += 1
                continue
        if kind == "tr" and len(columns) < 2:
            kind, text = "p", line.text  # wide gaps on a lone line, no table around it
        if kind == "tr":
            end = max(table_end(lines, position, columns), position + 1)
            asked = _question_table(lines, position, columns)
            if asked is not None:
                # Questions beside their answers: read as printed, each question, then its answer.
                questions, end = asked
                blocks.extend(("p", [cell]) for pair in questions for cell in pair)
            else:
                rows = read_rows(lines[position:end], columns)
                blocks.append(("tr", rows))
                if _wrapped_rows(rows):
                    doubtful.append(line.page)
                elif _lone_gap(rows):
                    gapped.append(line.page)
            prev = lines[end - 1]
            position = end
            continue
        if kind == "h" and blocks and prev is not None and not opens and _mostly_bold(prev):
            blocks[-1][1].append(text)  # a bold paragraph's short last line, not a sub-heading
        elif kind in ("li", "h", "ni"):
            if kind == "ni" and (
                prev is None
                or new_paragraph(prev, line, item_gap, right, short_ends=item_ends, left=lefts.get(line.page))
            ):
                apart.add(len(blocks))
                if prev is not None and prev.page != line.page and blocks and blocks[-1][0] == "ni":
                    paged.add(len(blocks))
            blocks.append((kind, [text]))
            # A wrapped item goes on under its text: after the bullet, or after the number.
            bullet_x = None
            if kind == "li" and line.words:
                bullet_x = line.words[0].x0
            elif kind == "ni":
                bullet_x, number_x = line.words[1].x0, line.words[0].x0
        elif (
            blocks
            and not opens
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
    apart -= _tight_over_pages(blocks, apart, paged)
    out: list[str] = []
    for i, (kind, parts) in enumerate(blocks):
        tight = i > 0 and kind in ("li", "ni") and blocks[i - 1][0] == kind and i not in apart
        sep = "\n" if tight else ("\n\n" if out else "")
        text = "\n".join(parts) if kind == "tr" else join_lines(parts)
        out.append(f"{sep}- {text}" if kind == "li" else f"{sep}{text}")
    ctx.set("justification", "".join(out).strip() or None, where)
    if doubtful:
        ctx.warn(
            IssueCode.TABLE_ROWS_UNCERTAIN,
            f"a table on page {doubtful[0]} runs a cell's sentence on into the next row: its rows "
            "may be one row's wrapped cells",
            page=doubtful[0],
            field="justification",
        )
    elif gapped:
        ctx.warn(
            IssueCode.TABLE_ROWS_UNCERTAIN,
            f"a row of a table on page {gapped[0]} leaves empty a column every other row fills: "
            "it may be the next paragraph of the row above",
            page=gapped[0],
            field="justification",
        )
    if unsure:
        ctx.warn(
            IssueCode.PARAGRAPH_BREAK_UNCERTAIN,
            f"text ends a sentence at the foot of page {', '.join(map(str, unsure))}: "
            "whether the next page starts a paragraph is unknown",
            page=unsure[0],
            field="justification",
        )


def _tight_over_pages(blocks: list[tuple[str, list[str]]], apart: set[int], paged: set[int]) -> set[int]:
    """The numbered items of ``paged`` (each opening a page after an item of its list) that stand
    as close to the item above as the list's items on one page do: a page break shows no space,
    and a list set tight on its pages (an item after an item, not in ``apart``) is tight over them."""
    tight: set[int] = set()
    for index in paged:
        start = index
        while start > 0 and blocks[start - 1][0] == "ni":
            start -= 1
        end = index
        while end + 1 < len(blocks) and blocks[end + 1][0] == "ni":
            end += 1
        others = [k for k in range(start + 1, end + 1) if k not in paged]
        if others and not any(k in apart for k in others):
            tight.add(index)
    return tight


def _sentence_item(line: Line | None) -> bool:
    """Whether ``line`` is running text, not a numbered heading ("1. Anlass"): words enough for a
    sentence, not set in bold."""
    return line is not None and len(line.words) >= _SENTENCE_WORDS and not _mostly_bold(line)


#: Words a line of a sentence has at least: "1. Anlass" and "2. Finanzierung" are headings.
_SENTENCE_WORDS = 5


def _leading_addresses(lines: list[Line]) -> int:
    """How many of the first ``lines`` of a letter's text without a salutation are the address
    under its head ("An den Stadtrat" between the subject and the text): no part of the text."""
    count = 0
    while count < len(lines) and is_address(lines[count].text):
        count += 1
    return count


def _first_line_indents(lines: list[Line], lefts: dict[int, float]) -> bool:
    """Whether the text sets in its paragraphs' first lines: a line set in from its page's left
    edge is followed by one at the edge, and does not end a question (a question quoted with an
    indent above its answer at the margin is no first line of a paragraph)."""
    for b, c in pairwise(lines):
        left = lefts.get(b.page, b.x0)
        if b.page == c.page and set_in(b, left) and abs(c.x0 - left) <= SAME_X and not _asks(b):
            return True
    return False


def _outdented(prev: Line, line: Line, right: float | None) -> bool:
    """Whether ``line`` opens a paragraph after a short line ``prev`` set in further that ends a
    question: a question quoted with an indent and its answer at the margin, with no space between.
    Not after a full stop: a paragraph's first line set in may end a sentence and go on below. With
    ``right`` None (a text that sets in no first line) a full line set in ends its question too."""
    return (
        prev.page == line.page
        and prev.x0 - line.x0 > SAME_X
        and _asks(prev)
        and (right is None or had_room(prev, line, right))
    )


def _weight_changes(prev: Line, line: Line) -> bool:
    """Whether ``line`` opens a paragraph after a sentence that ends on ``prev`` in the other weight:
    a question quoted in bold and its answer under it in regular type, or the answer's last
    sentence and the next question, with no space between (or over a page break)."""
    return ends_sentence(prev, line) and _mostly_bold(prev) != _mostly_bold(line)


def _asks(line: Line) -> bool:
    """Whether ``line`` ends a question."""
    return line.text.rstrip().endswith("?")


def _mostly_bold(line: Line) -> bool:
    """Whether most words of ``line`` are bold."""
    words = line.words
    return bool(words) and sum(t.bold for t in words) * 2 >= len(words)


def _question_label(line: Line) -> bool:
    """Whether ``line`` is a question's label alone ("Frage 1:")."""
    match = reader_vocabulary().numbered_question_re.match(line.text)
    return match is not None and match.end() == len(line.text.rstrip())


def _last_body_line(ctx: Context) -> Line | None:
    """The last line of running text of the paper (no header, footer or page number)."""
    return next((line for line in reversed(ctx.lines) if not line.furniture and line.tokens), None)


def _before_list(ctx: Context, last: Line) -> bool:
    """Whether the next line of text after ``last`` heads the attachments or a distribution list
    ("Anlagen:", "Verteiler:") or the record of the paper's consultation ("Beratungsverlauf:"),
    which follow a paper's signature, or is a signature's own line
    ("gez. Anna Keller": the blocks of several signers, the first without it)."""
    index = next((k for k, line in enumerate(ctx.lines) if line is last), None)
    if index is None:
        return False
    following = next((line for line in ctx.lines[index + 1 :] if not line.furniture and line.tokens), None)
    return following is not None and (
        any(
            ctx.profile.label(name, fuzzy=0).match(following.text)
            for name in ("attachments", "section_ends", "signature")
        )
        or opens_record(following.text, 0)  # the consultation's record after the signature
    )


def _beside_box(ctx: Context, head_index: int, lines: list[Line]) -> list[Line]:
    """A letter's body ``lines`` without the box that runs down beside them from the letter's
    head (a sender column, an information block): its rows are no part of the text. A box that
    starts in the body (a table's column) is the text's own."""
    page_one = [line for line in ctx.lines if line.page == 1 and not line.furniture and line.words]
    box = side_box(page_one)
    head = ctx.lines[head_index]
    if box is None or head.page != 1 or box.top >= head.top:
        return lines
    return without_box(lines, box)


def _justification_lines(ctx: Context, head_index: int, stop: int | None) -> list[Line]:
    """The body lines of the justification: after its heading, up to the next section."""
    sub = ctx.profile.label("justification_subheadings", fuzzy=0)
    result: list[Line] = []
    for index in range(head_index + 1, stop if stop is not None else len(ctx.lines)):
        line = ctx.lines[index]
        if line.furniture or not line.tokens or _question_table_heading(line):
            continue
        # On a scan a speck or a pen's mark may stand before the closing formula ('"Mit freundlichen').
        text = _LEADING_MARKS.sub("", line.text) if line.page in ctx.layout.ocr_pages else line.text
        # A section's label ends the text even where another reader claimed its line: the label of
        # a checkbox group ("Finanzielle Auswirkungen  ☐ ja  ☒ nein") is claimed with its boxes,
        # and the sentences under the boxes are no reasons.
        if (
            ctx.profile.label("attachments", fuzzy=0).match(text)
            or (index > head_index + 1 and ctx.profile.label("section_ends", fuzzy=0).match(text))
            or opens_record(text, 0)
        ):
            break  # (the record of the paper's consultation too: the bodies' votes are no reasons)
        if index in ctx.claimed:
            continue
        if not result and (sub.match(line.text) or _own_label(ctx, line)):
            continue  # the section's own label under its heading bar ("3. Begründung" over "Begründung:")
        if ctx.profile.label("signature", fuzzy=0).match(line.text):
            # "14.02.2024, gez. K. Stange" / "gez. Knut Kreuch" closes the text; a heading right
            # over it heads the signature, not text ("4. Abschluss" over a form's "Unterschrift:").
            if result and _bare_heading(result[-1]):
                result.pop()
            break
        result.append(line)
    if result and _bare_heading(result[-1]) and len(result) > 1:
        result.pop()  # a heading with no text under it before the end ("4. Abschluss", a form's last bar)
    return result


def _bare_heading(line: Line) -> bool:
    """Whether ``line`` is a short bold heading (a few words, no sentence's end)."""
    return len(line.words) <= 4 and mostly_bold(line) and not line.text.rstrip().endswith((".", "!", "?", ":"))


def _own_label(ctx: Context, line: Line) -> bool:
    """Whether ``line`` is a form's justification label alone, with its colon ("Sachverhalt /
    Begründung:"); a numbered sub-heading ("1. Ausgangslage") is the text's own."""
    text = line.text.strip()
    match = ctx.profile.label("justification", fuzzy=0).match(text)
    return match is not None and text.endswith(":") and not text[match.end() :].strip(" :") and not text[0].isdigit()


def beside_label(line: Line, end: int) -> Line | None:
    """The text beside a section's label in a form's grid row ("Begründung:" in its cell, the
    reasons in the field beside it): the line's segments after the label when the label (its
    match ending at char ``end``) fills the first segment; None otherwise."""
    cell = after_first_cell(line)
    covered = label_tokens(line, end) if cell is not None else []
    if not covered or covered[-1] is not line.segments()[0][-1]:
        return None
    return cell


#: Segments starting this close (points) start in one column.
_SAME_START = 3.0


def single_question(line: Line) -> list[tuple[str, str]]:
    """The question and its answer of ``line``, a table of one row whose two columns hold a
    question ("Frage 1: Wie ist ...?") and its answer (the answer's paragraphs kept); empty for
    any other line."""
    starts: list[float] = []
    for x in sorted(segment[0].x0 for segment in line.segments()):
        if not starts or x - starts[-1] > _SAME_START:
            starts.append(x)
    return _question_rows(read_rows([line], starts, paragraphs=True, padded=False)) if len(starts) == 2 else []


def _question_table(lines: list[Line], position: int, columns: list[float]) -> tuple[list[tuple[str, str]], int] | None:
    """The questions and answers of the table of ``columns`` whose rows start at ``lines[position]``
    and where it ends, or None when its rows are no questions beside their answers. The table ends
    before lines of one segment that follow it when only without them its rows pair questions
    with answers: the first line of the text below may happen to have a word on a column's edge."""
    end = max(table_end(lines, position, columns), position + 1)
    while True:
        # Answers beside their questions keep their paragraphs (Word's spacing in a cell); a
        # question right under the answer above it opens its row (a table without padding).
        pairs = _question_rows(read_rows(lines[position:end], columns, paragraphs=True, padded=False))
        if pairs:
            return pairs, end
        if end - position < 2 or len(lines[end - 1].segments()) != 1:
            return None
        end -= 1


def _question_rows(rows: list[str]) -> list[tuple[str, str]]:
    """The questions and answers of table ``rows`` (cells joined by " | ") that hold questions
    beside their answers, two cells each, the first a question ("Frage 1: Wie ist der Stand der
    Planung?"); a row read apart from the question's first line goes on with it. Empty otherwise."""
    pairs: list[tuple[str, str]] = []
    for row in rows:
        cells = row.split(" | ")
        if len(cells) != 2:
            return []
        if pairs and not pairs[-1][0].endswith("?"):
            pairs[-1] = (join_lines([pairs[-1][0], cells[0]]), join_lines([pairs[-1][1], cells[1]]))
        else:
            pairs.append((cells[0].strip(), cells[1].strip()))
    return pairs if pairs and all(question.endswith("?") and answer for question, answer in pairs) else []


#: Words a table's first cell holds at least to be running text whose sentence may wrap.
_RUNNING_CELL_WORDS = 4


def _wrapped_rows(rows: list[str]) -> bool:
    """Whether a row of ``rows`` (cells joined by " | ") goes on in the next: its first cell is
    running text that ends without a sentence's end, and the next row's first cell opens in lower
    case or with a number, where rows stand at one pitch and no space tells a row's wrapped
    lines from the next row (a Word table without padding or rules)."""
    for above, below in pairwise(rows):
        first, then = above.split(" | ")[0].strip(), below.split(" | ")[0].strip()
        if len(first.split()) < _RUNNING_CELL_WORDS or not then or first[-1] in ".!?:;)":
            continue
        if then[0].islower() or then[0].isdigit():
            return True
    return False


#: Rows under the header a table needs for one row's empty cell to stand out.
_GAP_ROWS = 4


def _lone_gap(rows: list[str]) -> bool:
    """Whether one row of ``rows`` (cells joined by " | ", the first the header) after the first
    leaves empty a column that every other row fills, its other cells running text: a synopsis's
    "Bisherige Fassung | Neue Fassung | Erläuterung" whose row opens a cell's second paragraph at
    the rows' pitch (a Word table without padding) looks like a row of its own, its reason cell
    empty."""
    cells = [row.split(" | ") for row in rows[1:]]
    width = len(cells[0]) if cells else 0
    if len(cells) < _GAP_ROWS or any(len(row) != width for row in cells):
        return False
    for column in range(width):
        empty = [k for k, row in enumerate(cells) if not row[column].strip()]
        # The row's other cells hold running text: a grid's label without its value ("Anwesend")
        # is no paragraph of a row's cells.
        if (
            len(empty) == 1
            and empty[0] > 0
            and all(len(cell.split()) >= _RUNNING_CELL_WORDS for cell in cells[empty[0]] if cell.strip())
        ):
            return True
    return False


def _text_lines(lines: list[Line]) -> list[Line]:
    """``lines`` without the rows of the tables among them, found as the justification's reader
    finds them (a line of three cells or more, or one of two that opens a table of two columns,
    and the lines after it that fit its columns)."""
    out: list[Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        segments = len(line.segments())
        columns = learn_columns(lines[position:]) if segments >= 3 else []
        if segments == 2 and _two_columns(lines[position:]):
            columns = learn_columns(lines[position:])
        if len(columns) >= 2:
            position = table_end(lines, position + 1, columns)
            continue
        out.append(line)
        position += 1
    return out


#: Lines of two cells a run of lines must hold to be read as a table of two columns; two under
#: a header row in bold ("Bisherige Fassung | Neue Fassung" over one row, its cells' lines read
#: as one line).
_TWO_COLUMN_ROWS = 3
_HEADED_ROWS = 2
#: A header row's cell has a few words.
_HEADER_WORDS = 4


def _two_columns(lines: list[Line]) -> bool:
    """Whether ``lines`` open a table of two columns: their cells' left edges make two columns,
    and three lines or more that fit them hold two cells or more (a lone line of two segments, a
    label and its value, is none), or two under a header row of two short cells in bold."""
    if single_question(lines[0]):
        return False
    columns = learn_columns(lines)
    if len(columns) != 2:
        return False
    run = lines[: table_end(lines, 0, columns)]
    rows = sum(len(line.segments()) >= 2 for line in run)
    return rows >= _TWO_COLUMN_ROWS or (rows >= _HEADED_ROWS and _header_row(lines[0]))


def _header_row(line: Line) -> bool:
    """Whether ``line`` is a table's header row: two short cells, every word in bold."""
    segments = line.segments()
    return (
        len(segments) == 2
        and all(len(segment) <= _HEADER_WORDS for segment in segments)
        and bool(line.words)
        and all(token.bold for token in line.words)
    )


def _question_table_heading(line: Line) -> bool:
    """Whether ``line`` is the header row of a table of questions and answers ("Frage | Antwort"):
    a question's heading and an answer's, each in its cell, and nothing else."""
    vocab = reader_vocabulary()
    cells = [fold_for_match(tokens_text(segment)).rstrip(":") for segment in line.segments()]
    questions = {fold_for_match(h) for h in vocab.question_headings}
    answers = {fold_for_match(h) for h in vocab.answer_headings}
    return len(cells) == 2 and cells[0] in questions and cells[1] in answers


def _dated(text: str) -> bool:
    """Whether ``text`` opens with a date whose month is named ("19. August 2025 (Nr. 334/2025)
    betreffend ..."): a sentence going on from the line above, no numbered item."""
    return any(start == 0 for _, start, _ in iter_dates(text))


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
    if len(words) > 1 and _LIST_NUMBER.match(words[0].text) and not _dated(line.text):
        return "ni", line.text
    if words and len(words) <= 8 and all(t.bold for t in words) and not line.text.endswith("."):
        return "h", line.text
    return "p", line.text
