"""Where a letter's body starts when no heading ("Begründung", "Sachverhalt") opens its reasons:
after the salutation, or, in a letter without one that still ends with a closing formula, after
its head (the subject and the type line)."""

from __future__ import annotations

from .context import Context
from .generic.vocabulary import reader_vocabulary


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
    None when the paper has no closing formula (unless it is a letter naming no type of its own
    or a speech manuscript) or no subject or type was read above it."""
    closing = ctx.find_label("closing")
    # An office letter may end without a closing formula (a handwritten signature only): as a
    # letter that names no type of its own, its body still follows its head. So does a speech
    # manuscript's, which ends with its last sentence.
    vocab = reader_vocabulary()
    if closing is None and ctx.fields.values.get("document_type") not in (vocab.letter_type, vocab.speech_type):
        return None
    boxes = [p for name in ("title", "document_type") for p in ctx.fields.provenance.get(name, [])]
    last = None
    for index in range(closing[0] if closing is not None else len(ctx.lines)):
        line = ctx.lines[index]
        if not line.furniture and any(
            p.page == line.page and p.bbox.top - 1 <= line.top and line.bottom <= p.bbox.bottom + 1 for p in boxes
        ):
            last = index
    return last
