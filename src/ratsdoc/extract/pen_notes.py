"""Notes a pen wrote, and the words of a tilted stamp, beside a printed line of a scan's head,
read into that line.

An office writes on a paper's head after it came in: "erl.", "wv", initials, "TOP 7.2.6" right of
the subject line; a tilted stamp's office ("Bezirksvertretung West") ends beside the type line.
OCR reads such words into the printed line beside them, often with confidence, and they joined
the title ("... in der Bergstraße erl") or the type. What gives them away is where they stand:
apart from the print (a word space is a third of the type size; they stand more than
:data:`NOTE_GAP` sizes away) and off the print's baseline, which a hand or a tilted stamp does
not keep (their letters sit higher or lower by more than :data:`OFF_BASELINE` of the type size;
print beside print keeps one baseline), the top shifted with the baseline (a mark over print
cuts the top or the bottom of its letters, not both). Only the head of page 1 is looked at
(:data:`HEAD_SHARE`), where the title, type and date lines stand; a word in a column of print
there (where other rows start, :data:`COLUMN_ROWS`: a cover's side column on its own baseline)
or after the cells of a table row stays.

A note written left of a line and a little above it ("BV 7 am 25.07.2024 TOP" before the
dateline) is read into the line's start with no gap after it: there every word of it must stand
off the print after it, its top and its baseline shifted one way (a tick through a label grows
its box up and down, and that is print under a mark), its words must keep no baseline among
themselves, and the print must hold most of the line's letters (:func:`leading_note`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

import regex

from ..layout.lines import Line, Token
from ..regions import Layout
from .ocr_noise import with_tokens

#: A note stands apart from the print before it by more than this many type sizes (a word space
#: is a third of one; a tilted stamp's words stood 1.25 after a type line).
NOTE_GAP = 1.0
#: ... has at most this many words ...
NOTE_WORDS = 3
#: ... and its baseline lies off the print's by more than this share of the type size (print
#: on one line kept it within 0.05 on the generated scans; notes stood 0.3-0.7 off).
OFF_BASELINE = 0.22
#: The print before a note has at least this many words (a line of text, not a label).
PRINT_WORDS = 3
#: A note starting within this many type sizes of where segments of this many other rows of
#: the head start stands in a column of print.
COLUMN_ALIGN, COLUMN_ROWS = 0.6, 2
#: The head: the top share of page 1.
HEAD_SHARE = 0.45
#: Letters reaching under the baseline: a word holding one is measured by its top instead.
_DESCENDER = regex.compile(r"[gjpqyß,;()\[\]{}|/@$§µ]")


def _baseline(tokens: Sequence[Token]) -> float | None:
    """The baseline of ``tokens``: the median bottom of those without a descender; None when all
    have one."""
    bottoms = [t.bottom for t in tokens if not _DESCENDER.search(t.text)]
    return statistics.median(bottoms) if bottoms else None


def _one_baseline(tokens: Sequence[Token], tolerance: float) -> bool:
    """Whether ``tokens`` (those without a descender) stand on one baseline, as print does: their
    bottoms within ``tolerance`` of each other, one of four or more left out (a speck or a stroke
    under one word makes its box deeper: "dem" 3 pt below "nach" and "Beschluss" beside it)."""
    bottoms = sorted(t.bottom for t in tokens if not _DESCENDER.search(t.text))
    if not bottoms:
        return False
    if len(bottoms) >= 4:
        middle = statistics.median(bottoms)
        bottoms.remove(max(bottoms, key=lambda bottom: abs(bottom - middle)))
    return max(bottoms) - min(bottoms) <= tolerance


def trailing_note(line: Line) -> list[Token]:
    """The words at the end of ``line`` that a pen wrote beside its print (see the module's
    docstring), or none."""
    words = list(line.words)
    for start in range(len(words) - 1, max(PRINT_WORDS - 1, len(words) - 1 - NOTE_WORDS), -1):
        before, note = words[:start], words[start:]
        size = statistics.median(t.size for t in before)
        if note[0].x0 - before[-1].x1 <= NOTE_GAP * size:
            continue
        if any(b.x0 - a.x1 > NOTE_GAP * size for a, b in pairwise(before)):
            return []  # cells of a table row, not one printed line with a note after it
        printed, written = _baseline(before[-6:]), _baseline(note)
        if printed is None or written is None or not _one_baseline(before[-6:], OFF_BASELINE * size):
            return []  # what stands before is no line of print to measure a note against
        # A hand shifts the whole note, its top with its bottom; a mark over print cuts the
        # bottom or the top of its letters only ("Beteitie" under a stroke).
        lowered = statistics.median(t.top for t in note) - statistics.median(t.top for t in before[-6:])
        off = written - printed
        return (
            note if abs(off) > OFF_BASELINE * size and lowered * off > 0 and abs(lowered) > OFF_BASELINE * size else []
        )
    return []


#: A note read into the start of a line ("BV 7 am 25.07.2024" left of "Ansbach, den ...") has at
#: most this many words (a meeting note: "BV 3 am 30.01.2012 TOP 7.2.7") ...
LEAD_WORDS = 6
#: ... and the print after it at least this many (a dateline: place, "den" and the date).
LEAD_PRINT_WORDS = 2
#: A descender reaches this share of the type size under the baseline.
DESCENT = 0.25


def _off_print(word: Token, top: float, bottom: float, size: float) -> bool:
    """Whether ``word`` stands off a line of print whose words' top and baseline are ``top`` and
    ``bottom``: its own bottom (less a descender's :data:`DESCENT`) and top both shifted one way
    by more than :data:`OFF_BASELINE` of ``size``, as a hand's letters are; a mark over print
    moves one edge of a word's box, not both."""
    raised = word.top - top
    # A descender reaches about a quarter of the size under the baseline: a box grown both up
    # and down (a tick through "Anfrage:") is print under a mark, not a shifted note.
    lowered = word.bottom - bottom - (DESCENT * size if _DESCENDER.search(word.text) else 0.0)
    reach = OFF_BASELINE * size
    return abs(raised) > reach and abs(lowered) > reach and raised * lowered > 0


def leading_note(line: Line) -> list[Token]:
    """The words at the start of ``line`` that a pen wrote left of its print and OCR read into it
    (a meeting note left of the dateline), or none: each off the baseline and the top of the
    print after them (:func:`_off_print`), which stands on one baseline and holds at least as
    many letters as they do; two words or more of a note keep no baseline among themselves, as
    a hand does not (words that do are print of another row: "SPD-Fraktion im Stadtrat" before
    a stamp's words)."""
    words = list(line.words)
    for start in range(min(LEAD_WORDS, len(words) - LEAD_PRINT_WORDS), 0, -1):
        note, after = words[:start], words[start:]
        if sum(len(t.text) for t in note) > sum(len(t.text) for t in after):
            continue  # the print is the most of the line: a line's end off it is another rule's
        size = statistics.median(t.size for t in after)
        printed = _baseline(after)
        if printed is None or not _one_baseline(after, OFF_BASELINE * size):
            continue
        if len(note) > 1 and _one_baseline(note, OFF_BASELINE * size):
            continue  # words of one baseline are print of another row that OCR joined to this one
        top = statistics.median(t.top for t in after)
        if all(_off_print(word, top, printed, size) for word in note):
            return note
    return []


def _in_column(word: Token, line: Line, rows: Sequence[Line]) -> bool:
    """Whether ``word`` starts where segments of :data:`COLUMN_ROWS` other rows of the head start:
    a column of print (a cover's side column, a table), which a note is not."""
    reach = COLUMN_ALIGN * line.text_size
    aligned = sum(
        1
        for row in rows
        if row is not line and any(abs(segment[0].x0 - word.x0) <= reach for segment in row.segments())
    )
    return aligned >= COLUMN_ROWS


def without_pen_notes(layout: Layout) -> Layout:
    """``layout`` without the pen's notes read into printed lines of page 1's head on an OCRed
    page (:func:`trailing_note`); the layout itself when there is none."""
    if 1 not in layout.ocr_pages or not layout.pages:
        return layout
    head = layout.pages[0].height * HEAD_SHARE
    rows = [line for line in layout.lines if line.page == 1 and not line.furniture and line.top < head]
    lines: list[Line] = []
    changed = False
    for line in layout.lines:
        note = trailing_note(line) if any(line is row for row in rows) else []
        if note and _in_column(note[0], line, rows):
            note = []  # a column of print beside the title ("öffentlich", "Drucksache 0112/23")
        lead = leading_note(line) if any(line is row for row in rows) else []
        if lead and not _in_column(lead[0], line, rows):
            note = [*lead, *note]
        if not note:
            lines.append(line)
            continue
        kept = with_tokens(line, [t for t in line.tokens if all(t is not word for word in note)])
        changed = True
        if kept is not None:
            lines.append(kept)
    return replace(layout, lines=lines) if changed else layout
