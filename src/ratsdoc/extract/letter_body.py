"""Where a letter's body starts when no heading ("Begründung", "Sachverhalt") opens its reasons:
after the salutation, or, in a letter without one that still ends with a closing formula, after
its head (the subject and the type line; behind an administration's cover sheet, the forwarded
letter's own subject)."""

from __future__ import annotations

import regex

from ..text.normalize import fold_for_match
from .context import Context
from .generic import answers_question
from .generic.closing import trailing_signature
from .generic.heading import head_grid_row
from .generic.letter_fields import forwarded_letter_page
from .generic.office import info_date, is_memo
from .generic.vocabulary import reader_vocabulary

#: A subject line is found again by this many of the title's first words.
_TITLE_OPENING = 3
_WORD = regex.compile(r"[\p{L}\d]+")
#: The paper's type line stands within this many lines under the forwarded letter's dateline.
_TYPE_REACH = 4


def last_salutation(ctx: Context) -> int | None:
    """The index of the last line of the salutation block ("Sehr geehrte ..., sehr geehrte ...,")."""
    found = ctx.find_label("salutation")
    if found is None:
        return None
    index = found[0]
    following = ctx.find_label("salutation", start=index + 1, stop=index + 3)
    while following is not None:
        index = following[0]
        following = ctx.find_label("salutation", start=index + 1, stop=index + 3)
    return index


def head_end(ctx: Context) -> int | None:
    """The index of the head's last line (the subject or the type line, whichever stands lower)
    in a letter that has a closing formula but no salutation: its body follows (an office's
    "Mitteilung" under the subject, a motion going from its subject straight to "Antrag:").
    None when the paper has no closing formula (unless it is a letter naming no type of its own,
    a speech manuscript, an internal memo or an answer) or no subject or type was read above it."""
    closing = ctx.find_label("closing")
    # An office letter may end without a closing formula (a handwritten signature only): as a
    # letter that names no type of its own, its body still follows its head. So does a speech
    # manuscript's, which ends with its last sentence.
    # An internal memo has neither salutation nor closing: its text follows the head too, as
    # does that of a paper headed by its type addressed to an office ("Mitteilung an Amt 61").
    vocab = reader_vocabulary()
    kind = ctx.fields.values.get("document_type")
    boxes = [p for name in ("title", "document_type") for p in ctx.fields.provenance.get(name, [])]
    # So does an answer to a council's question, which its office or executive signs without one.
    # So does a paper its senders sign at its end without a closing formula (the groups of a
    # joint paper, each with its name and role under the last paragraph).
    if (
        closing is None
        and kind not in (vocab.letter_type, vocab.speech_type, *vocab.answer_types)
        and not is_memo(ctx)
        and not trailing_signature([line for line in ctx.lines if not line.furniture and line.words])
        # A paper answering a question it names ("Mitteilung der Verwaltung", "Bezug: Kleine Anfrage ...").
        and not answers_question(ctx)
        # A parliament's Drucksache, headed by its number and term, has neither salutation nor closing.
        and not _parliament_head(ctx)
    ):
        return None
    forwarded = _forwarded_subject_end(ctx, [p.page for p in boxes])
    if forwarded is not None:
        return forwarded
    last = None
    for index in range(closing[0] if closing is not None else len(ctx.lines)):
        line = ctx.lines[index]
        # The line's middle within the box: on a scan a stamp or a mark beside the subject makes
        # its line taller than the words the title was read from.
        if not line.furniture and any(
            p.page == line.page and p.bbox.top - 1 <= (line.top + line.bottom) / 2 <= p.bbox.bottom + 1 for p in boxes
        ):
            last = index
    # The answer named under the question's subject closes the head ("und Antwort vom 24. Januar 2024").
    tail = reader_vocabulary().answer_tail_re
    while last is not None and last + 1 < len(ctx.lines) and tail.match(ctx.lines[last + 1].text):
        last += 1
    return last


#: A parliament's number and term stand among the first lines of page 1.
_HEAD_REACH = 6


def _parliament_head(ctx: Context) -> bool:
    """Whether page 1 is headed as a parliament heads its Drucksachen: a line of its first ones
    holds the number or the term set apart ("Drucksache 22/14567", "22. Wahlperiode")."""
    vocab = reader_vocabulary()
    first = [line for line in ctx.lines if line.page == 1 and line.words][:_HEAD_REACH]
    return any(head_grid_row(line, vocab) for line in first)


def _forwarded_subject_end(ctx: Context, pages: list[int]) -> int | None:
    """Behind an administration's cover sheet, whose subject and type were read as the paper's,
    the index of the last line of the forwarded letter's own subject, which prints the title
    again (its first words, then lines of the title's words only): the letter's sender, address
    and date line stand above it and are no part of its body. None when the title was read on
    the letter's page or the letter prints no such subject."""
    page = forwarded_letter_page(ctx.lines)
    title = ctx.fields.values.get("title")
    if page is None or not isinstance(title, str) or not pages or max(pages) >= page:
        return None
    words = _WORD.findall(fold_for_match(title))
    opening = " ".join(words[:_TITLE_OPENING])
    if len(words) < _TITLE_OPENING:
        return None
    return _forwarded_subject(ctx, page, words, opening) or _forwarded_head_lines(ctx, page)


def _forwarded_subject(ctx: Context, page: int, words: list[str], opening: str) -> int | None:
    """The index of the last line of the forwarded letter's subject on ``page``: the line with
    the title's first words, then lines of the title's words only; None without one."""
    last = None
    for index, line in enumerate(ctx.lines):
        if line.page != page or line.furniture:
            continue
        found = _WORD.findall(fold_for_match(line.text))
        if last is None:
            if opening in " ".join(found):
                last = index
        elif found and set(found) <= set(words):
            last = index  # the subject wrapped onto this line
        else:
            break
    return last


def _forwarded_head_lines(ctx: Context, page: int) -> int | None:
    """The index of the forwarded letter's last head line on ``page`` where it prints no subject
    of its own: its dateline, or below it a line that is the paper's type alone ("Petition"),
    whichever stands lower. None when neither is found."""
    kind = ctx.fields.values.get("document_type")
    lines = [(k, line) for k, line in enumerate(ctx.lines) if line.page == page and not line.furniture and line.words]
    dated = info_date([line for _, line in lines], ocr=page in ctx.layout.ocr_pages, page=page)
    last = next((k for k, line in lines if dated is not None and line is dated[1]), None)
    if isinstance(kind, str) and last is not None:
        folded = fold_for_match(kind)
        after = [(k, line) for k, line in lines if k > last][:_TYPE_REACH]
        last = next((k for k, line in after if fold_for_match(line.text) == folded), last)
    return last
