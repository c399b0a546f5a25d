"""Black intake stamps and the handwriting beside them on a greyscale or black-and-white scan,
found in the words Tesseract read and taken out of the text.

On a colour scan a stamp is found by its ink (:mod:`.marks`); on a grey one it is as black as
the print, and a stamp pressed straight is read with confidence, so :mod:`.regular` keeps
it. What gives it away is its date: a stamp writes the day, the month as three capitals and
the year ("23. JAN. 2012", "23 JAN 2012", "23.JAN.2012"); a letter never writes its own date
so (it writes "23. Januar 2012" or "23.01.2012"). Around such a date (:func:`stamp_dates`)
the stamp's other lines — the office's name, "Eingang" — stand in a small region above and
below it; a row of words in that region is the stamp's when it lies wholly inside it (a row of
print runs on beyond the stamp) and is centred on the date as a stamp's lines are, names the
intake ("Eingang", "eingegangen") or is read unsure. Words written by hand over the stamp
("TOP 7.2.7", initials) are the words of that region that no row of print holds and whose
shapes are not print's: uneven heights, or read unsure (:func:`handwritten`).

Printed text is never taken: a row that reaches out of the stamp's region, or sits left of
it at the page's margin, is print. Thresholds were set on the generated ``grey-stamp-scan``
development set (seed 23), never on real scans.
"""

from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

from .regular import SURE, UNSURE

if TYPE_CHECKING:
    from .engine import OcrWord

#: The months as a stamp abbreviates them, in capitals (German and the English/Latin forms
#: of imported stamp sets: MRZ, MÄR, MAR; SEPT).
_MONTH = r"(?:JAN|FEB|MRZ|MÄR|MAR|APR|MAI|JUN|JUL|AUG|SEPT?|OKT|NOV|DEZ)"
#: A stamp date over one or more words joined by spaces: day, month, year, each followed by a
#: dot, a comma (a dot read as one) or nothing. A stamp at the paper's edge, or worn, loses
#: digits of its year ("19. JUL. 2"): a day and a month in capitals with its dot are enough.
STAMP_DATE = re.compile(rf"(?<![\d\w])\d{{1,2}}\s?[.,]?\s?{_MONTH}(?:\s?[.,]?\s?(?:19|20)\d{{2}}(?!\d)|[.,](?!\w))")
_MONTH_WORD = re.compile(rf"(?<![A-Za-zÄÖÜäöü]){_MONTH}(?![A-Za-zÄÖÜäöü])")
#: Words of an intake stamp: what it says besides the office and the date.
INTAKE = re.compile(r"^(?:eingang|eingegangen|eing\.?|posteingang)[.:,]?$", re.IGNORECASE)
#: Neighbouring words of a date stand at most this many of its word heights apart.
DATE_GAP = 1.5
#: The stamp's region around its date, in date word heights: lines above (the office, "Eingang",
#: a city) and below, and its reach to each side as a share of the date's width.
ABOVE, BELOW, SIDE = 5.0, 2.5, 0.6
#: A stamp line is centred on the date within this many date word heights.
CENTRED = 2.0
#: Words of one row stand at most this many word heights apart (as ``mixed_lines.RUN_GAP``).
ROW_GAP = 2.0
#: A row starting within this many date word heights of where :data:`MARGIN_ROWS` other rows
#: start stands at a margin of the print (an address block's lines, a paragraph's).
MARGIN, MARGIN_ROWS = 0.4, 3
#: A date on one row with this many other words is part of a line of print, not a stamp's.
IN_PRINT = 3
#: A handwritten note beside the print: at most this many words, a word taller than
#: ``NOTE_TALL`` or one shorter than ``NOTE_LOW`` page word heights (:func:`handwritten_rows`).
NOTE_WORDS, NOTE_TALL, NOTE_LOW = 5, 1.4, 0.35
#: A word of this many letters and digits read sure at the type size is print, and so is its row.
PRINTED_CHARS = 6
#: Word heights of one handwritten row differ by more than this share of the row's median.
HAND_UNEVEN = 0.4

Box = tuple[int, int, int, int]


def _middle(word: OcrWord) -> float:
    return word.top + word.height / 2


def _same_row(a: OcrWord, b: OcrWord, height: float, gap: float) -> bool:
    """Whether ``b`` follows ``a`` on its row: at one height, at most ``gap`` heights to its right."""
    return abs(_middle(a) - _middle(b)) <= 0.6 * height and -0.1 * height <= b.left - (a.left + a.width) <= gap * height


def stamp_dates(words: list[OcrWord]) -> list[list[OcrWord]]:
    """The words of each stamp date in ``words`` (:data:`STAMP_DATE`): a word with a month in
    capitals, joined with up to two neighbours on each side of its row."""
    found: list[list[OcrWord]] = []
    taken: set[int] = set()
    ordered = sorted(words, key=lambda w: w.left)
    for index, word in enumerate(ordered):
        if id(word) in taken or not _MONTH_WORD.search(word.text):
            continue
        height = word.height
        group = [word]
        for step in (-1, 1):
            here, at = word, index + step
            while 0 <= at < len(ordered) and len(group) < 5:
                other = ordered[at]
                left, right = (other, here) if step < 0 else (here, other)
                if _same_row(left, right, height, DATE_GAP):
                    group.insert(0, other) if step < 0 else group.append(other)
                    here = other
                elif abs(_middle(other) - _middle(word)) <= 0.6 * height and (
                    (other.left > word.left) == (step > 0) and abs(other.left - here.left) > 6 * height
                ):
                    break  # the row goes on far away: no more neighbours this side
                at += step
        match = _date_words(group)
        if match:
            found.append(match)
            taken.update(id(w) for w in match)
    return found


def _date_words(group: list[OcrWord]) -> list[OcrWord]:
    """The words of ``group`` (left to right) that a stamp date spans, or none."""
    text, starts = "", []
    for word in group:
        starts.append(len(text))
        text += word.text + " "
    match = STAMP_DATE.search(text)
    if not match:
        return []
    return [
        w for w, start in zip(group, starts, strict=True) if start < match.end() and start + len(w.text) > match.start()
    ]


def _box(words: list[OcrWord]) -> Box:
    return (
        min(w.left for w in words),
        min(w.top for w in words),
        max(w.left + w.width for w in words),
        max(w.top + w.height for w in words),
    )


def _rows(words: list[OcrWord]) -> list[list[OcrWord]]:
    """``words`` in rows: left to right, each word at one height with the one before and close
    to it (:data:`ROW_GAP` of its height)."""
    rows: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: w.left):
        for row in rows:
            if _same_row(row[-1], word, max(row[-1].height, word.height), ROW_GAP):
                row.append(word)
                break
        else:
            rows.append([word])
    return rows


def _inside(box: Box, region: Box) -> bool:
    return box[0] >= region[0] and box[2] <= region[2] and box[1] >= region[1] and box[3] <= region[3]


def handwritten(row: list[OcrWord]) -> bool:
    """Whether a row of words is handwriting rather than print: its words' heights differ by
    more than :data:`HAND_UNEVEN` of their median, or it is read unsure."""
    heights = [w.height for w in row]
    median = statistics.median(heights)
    uneven = max(heights) - min(heights) > HAND_UNEVEN * median
    return uneven or statistics.fmean(w.confidence for w in row) < UNSURE


def _at_margin(row_box: Box, starts: list[int], slack: float) -> bool:
    """Whether a row starts where at least :data:`MARGIN_ROWS` of the page's rows (``starts``,
    their left edges) start: at a margin of the print, where no centred stamp line starts."""
    return sum(abs(start - row_box[0]) <= slack for start in starts) >= MARGIN_ROWS


def stamp_words(words: list[OcrWord]) -> tuple[list[OcrWord], list[Box]]:
    """``words`` without the stamps' (a stamp date, the stamp's lines around it, handwriting
    over it) and the pixel box of each stamp taken out."""
    dates = stamp_dates(words)
    if not dates:
        return words, []
    rows = _rows(words)
    starts = [_box(row)[0] for row in rows]
    gone: set[int] = set()
    boxes: list[Box] = []
    for date in dates:
        in_date = {id(w) for w in date}
        row = next(row for row in rows if any(id(w) in in_date for w in row))
        if sum(id(w) not in in_date for w in row) >= IN_PRINT:
            continue  # a date in capitals inside a line of print is the print's
        left, top, right, bottom = _box(date)
        size = statistics.median(w.height for w in date)
        reach = SIDE * (right - left) + size
        region = (round(left - reach), round(top - ABOVE * size), round(right + reach), round(bottom + BELOW * size))
        centre = (left + right) / 2
        taken = list(date)
        for row in rows:
            row_box = _box(row)
            rest = [w for w in row if id(w) not in in_date and id(w) not in gone]
            if not rest or not _inside(row_box, region) or _at_margin(row_box, starts, MARGIN * size):
                continue
            centred = abs((row_box[0] + row_box[2]) / 2 - centre) <= CENTRED * size
            intake = any(INTAKE.match(w.text) for w in row)
            if centred or intake or handwritten(rest):
                taken.extend(rest)
        gone.update(id(w) for w in taken)
        boxes.append(_box(taken))
    return [w for w in words if id(w) not in gone], boxes


def _printed(word: OcrWord, height: float) -> bool:
    """Whether ``word`` is surely print: :data:`PRINTED_CHARS` letters and digits or more, read
    sure, at the page's type size (0.7-1.25 of its word height)."""
    size = word.height / height
    return word.confidence >= SURE and 0.7 <= size <= 1.25 and sum(ch.isalnum() for ch in word.text) >= PRINTED_CHARS


def handwritten_rows(words: list[OcrWord]) -> tuple[list[OcrWord], list[Box]]:
    """``words`` without short rows written by hand beside the print (a note "TOP 7.2.7",
    "BV 3 am 30.01.2012" in the head), and the box of each row taken out.

    A row is a note when it has at most :data:`NOTE_WORDS` words, does not start at a margin of
    the print (:func:`_at_margin`), holds a word read unsure (below
    :data:`~.regular.SURE`) and its words' heights are a pen's, not a typeface's: the tallest
    over :data:`NOTE_TALL` page word heights, or the shortest letter or digit under
    :data:`NOTE_LOW` of one, with the tallest and shortest apart by half the tallest. Print's
    heights run from the x-height ("am") to ascender plus descender ("Fahrzeuge"): 0.7-1.25.
    A row holding a long word surely read at that size (:func:`_printed`) is print that a
    pen's stroke crossed, and stays.
    """
    sure = [w.height for w in words if w.confidence >= SURE and any(ch.isalpha() for ch in w.text)]
    if len(sure) < 10:
        return words, []  # too little print to know its type size (as regular.py)
    height = statistics.median(sure)
    rows = _rows(words)
    starts = [_box(row)[0] for row in rows]
    gone: list[list[OcrWord]] = []
    for row in rows:
        heights = [w.height for w in row if any(ch.isalnum() for ch in w.text)]
        if not heights or len(row) > NOTE_WORDS or _at_margin(_box(row), starts, MARGIN * height):
            continue
        if min(w.confidence for w in row) >= SURE or max(heights) - min(heights) < 0.5 * max(heights):
            continue
        if any(_printed(w, height) for w in row):
            continue  # a pen's stroke through a line of print ("Bamberg, 19.05.2025") made it uneven
        if max(heights) > NOTE_TALL * height or min(heights) < NOTE_LOW * height:
            gone.append(row)
    if not gone:
        return words, []
    dropped = {id(w) for row in gone for w in row}
    return [w for w in words if id(w) not in dropped], [_box(row) for row in gone]
