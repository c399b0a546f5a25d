"""Words Tesseract reads from what is not a regular line of text — a stamp, handwriting, a logo,
the fringe of a scan — told apart from the page's text by their lines' shape and confidence.

The coloured marks are taken out before Tesseract reads (:mod:`.marks`); on a greyscale scan
they are grey like the text, and Tesseract reads them into words. A regular text line is
read with confidence and is as high as the page's text; a stamp's tilted line is taller than
its words (the band spans the slope), handwriting gives words of uneven heights and tops, and
a logo or a scribble gives a word or two alone. A line is dropped when Tesseract is unsure of
it (mean confidence below :data:`UNSURE`) *and* its shape is irregular, or when it is one or
two short words read with almost no confidence (:data:`JUNK`) and nothing of the same height
lies beside them.

Thresholds were set on the generated ``letter-scan`` development set (seed 7).
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import OcrWord

#: Mean confidence (0–100) below which a line's shape is looked at (``UNSURE``), below which a
#: line of one or two short words with no neighbour of its height is junk (``JUNK``), and at
#: or above which a word sets the page's word height (``SURE``).
UNSURE, JUNK, SURE = 55.0, 35.0, 70.0
#: A line band this many times the page's word height is a tilted line (a stamp).
TALL_BAND = 1.8
#: Word heights (or tops) of one line that differ by more than this share of the page's word
#: height make an irregular line (handwriting).
UNEVEN = 0.45
#: Mean confidence below which a line of short words (:data:`SHORT`) is dropped whatever its
#: shape: Tesseract read nothing in it. (A URL comes back with confidence 0 and stays.)
NOTHING = 25.0
SHORT = 4
#: A word this many times the page's word height, read with less than :data:`UNSURE`, is a
#: mark drawn through a line of print (a tick, a loop of a signature).
HUGE = 2.5


def _lines(words: list[OcrWord]) -> dict[tuple[int, int], list[OcrWord]]:
    groups: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        groups.setdefault((word.line_top, word.line_bottom), []).append(word)
    return groups


def _box(words: list[OcrWord]) -> tuple[int, int, int, int]:
    return (
        min(w.left for w in words),
        min(w.top for w in words),
        max(w.left + w.width for w in words),
        max(w.top + w.height for w in words),
    )


def _irregular(line: list[OcrWord], height: float) -> bool:
    """Whether ``line``'s shape is not that of a line of print at the page's word ``height``."""
    band = line[0].line_bottom - line[0].line_top
    heights = [w.height for w in line]
    tops = [w.top for w in line]
    return (
        band > TALL_BAND * height
        or max(heights) - min(heights) > UNEVEN * height * 2
        or max(tops) - min(tops) > UNEVEN * height * 2
        or statistics.median(heights) < 0.5 * height
        or not any(ch.isalnum() for w in line for ch in w.text)
    )


def _short_words(line: list[OcrWord]) -> bool:
    """Whether every word of ``line`` has at most :data:`SHORT` letters and digits: what
    Tesseract makes of a scribble ("Yr", ">“"). A URL read with no confidence is long."""
    return all(sum(ch.isalnum() for ch in w.text) <= SHORT for w in line)


def _alone(box: tuple[int, int, int, int], others: list[tuple[int, int, int, int]], height: float) -> bool:
    """Whether no other line of the page's height lies within a line's height of ``box``."""
    left, top, right, bottom = box
    for o_left, o_top, o_right, o_bottom in others:
        if o_bottom - o_top > TALL_BAND * height:
            continue
        near_rows = o_top < bottom + height and o_bottom > top - height
        near_columns = o_left < right + 2 * height and o_right > left - 2 * height
        if near_rows and near_columns:
            return False
    return True


def irregular_words(words: list[OcrWord]) -> tuple[list[OcrWord], list[tuple[int, int, int, int]]]:
    """``words`` without those of irregular lines, and the pixel boxes of the lines dropped."""
    sure = [w.height for w in words if w.confidence >= SURE and any(ch.isalpha() for ch in w.text)]
    if len(sure) < 10:
        return words, []  # too little print on the page to know its shape
    height = statistics.median(sure)
    groups = _lines(words)
    boxes = {key: _box(line) for key, line in groups.items()}
    dropped: list[tuple[int, int]] = []
    for key, line in groups.items():
        mean = statistics.fmean(w.confidence for w in line)
        if (mean < NOTHING and _short_words(line)) or (mean < UNSURE and _irregular(line, height)):
            dropped.append(key)
        elif mean < JUNK and len(line) <= 2 and _short_words(line):
            others = [box for other, box in boxes.items() if other != key]
            if _alone(boxes[key], others, height):
                dropped.append(key)
    gone = set(dropped)
    huge = [
        w
        for w in words
        if w.height > HUGE * height and w.confidence < UNSURE and (w.line_top, w.line_bottom) not in gone
    ]
    if not gone and not huge:
        return words, []
    kept = [w for w in words if (w.line_top, w.line_bottom) not in gone and w not in huge]
    return kept, [boxes[key] for key in dropped] + [_box([w]) for w in huge]
