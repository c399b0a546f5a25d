"""Tesseract lines that hold a line of print and a stamp beside it, split before the stamp
filter judges them.

Tesseract's layout mode 4 joins everything at one height into a line: the salutation "sehr
geehrter Herr Oberbürgermeister," and the tilted intake stamp to its right become one line
whose band spans the stamp's slope. :func:`~.regular.irregular_words` then finds the line
tall and unsure (the stamp's words have no confidence) and drops it whole, print and all.
:func:`split_mixed_lines` first gives a run of confidently read words at one height, set
apart from the rest by white, a line band of its own; what is left keeps the old band and is
judged as before. A line of ordinary height is split so too when it would be dropped whole
(its mean confidence below :data:`~.regular.UNSURE`) and its print stands a clear gap away from
the junk: a title's wrapped last line ("eine Baumpflanzung") with a stamp's lower edge beside it.

A heading of one word ("Protokoll", "Einladung") is a run of print too, though one sure word
may be a stamp's: where it is read with :data:`CROSSED_SURE` confidence, set larger than the text
(:data:`HEADING_HEIGHT` page word heights), is no label (no colon) and starts at the page's left
text edge, where the type heading of a document stands and a stamp's word hardly does. The back
page showing through beside it, or a stamp to its right, had the heading dropped with the junk.

A pen stroke drawn *through* a line of print (a tick across "Mit freundlichen Grüßen", a loop
through a letterhead) leaves no white between print and junk: Tesseract reads the crossed
letters as one huge unsure word and the line is dropped whole. Where such a word (taller than
:data:`~.regular.HUGE` page word heights) lies in a line that would be dropped, each word beside
the stroke that is read with :data:`CROSSED_SURE` confidence at about the page's word height, and
that no huge word overlaps, gets a band of its own (:func:`_crossed_print`). Only well-read words
are kept: a lost word is better than a wrong one.
"""

from __future__ import annotations

import statistics
from dataclasses import replace
from typing import TYPE_CHECKING

from .regular import HUGE, SURE, TALL_BAND, UNEVEN, UNSURE

if TYPE_CHECKING:
    from .engine import OcrWord

#: Words of one run of print stand at most this many word heights apart (a word space is a
#: third of one; the stamp beside a salutation stood eight away).
RUN_GAP = 2.0
#: A run needs this many words to be split off (one sure word may be a stamp's letters).
MIN_RUN = 2
#: Confidence at or above which a single word beside a pen stroke is print: the crossed lines'
#: print words were read with 96-97, the stroke's own scraps with at most 58.
CROSSED_SURE = 90.0
#: A one-word run is a heading when its word is this many page word heights high at least: a
#: 14-16 pt type heading measured 2.2 on a page of 10 pt text, where a word of the text with an
#: ascender and a descender ("Sitzungstermin:") measured up to 1.45.
HEADING_HEIGHT = 1.6


def _heading(run: list[OcrWord], height: float, edge: float | None) -> bool:
    """Whether the one-word ``run`` is a heading at the text's left ``edge`` (module docstring)."""
    word = run[0]
    return (
        edge is not None
        and word.confidence >= CROSSED_SURE
        and word.height >= HEADING_HEIGHT * height
        and sum(ch.isalpha() for ch in word.text) >= 4
        and not word.text.endswith(":")  # a label, its value beside it: no heading
        and abs(word.left - edge) <= height
    )


def _left_edge(lines: dict[tuple[int, int], list[OcrWord]]) -> float | None:
    """Where the page's lines of print start: the median start of the lines of three sure words."""
    starts = [min(w.left for w in line) for line in lines.values() if sum(w.confidence >= SURE for w in line) >= 3]
    return statistics.median(starts) if starts else None


def _runs(words: list[OcrWord], height: float, edge: float | None = None) -> list[list[OcrWord]]:
    """Runs of sure words at one height, left to right, each word within :data:`RUN_GAP`
    word heights of the one before; one word alone only where it is a heading at the page's
    left ``edge`` (:func:`_heading`)."""
    runs: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: w.left):
        if word.confidence < SURE:
            runs.append([])
            continue
        run = runs[-1] if runs else []
        if run and (
            word.left - (run[-1].left + run[-1].width) <= RUN_GAP * height
            and abs(word.top + word.height / 2 - (run[-1].top + run[-1].height / 2)) <= UNEVEN * height
        ):
            run.append(word)
        else:
            runs.append([word])
    return [run for run in runs if len(run) >= MIN_RUN or (len(run) == 1 and _heading(run, height, edge))]


def _apart(run: list[OcrWord], rest: list[OcrWord], height: float) -> bool:
    """Whether every word of ``rest`` stands more than :data:`RUN_GAP` word heights left or
    right of ``run``: white between print and junk, not an unsure word inside the print."""
    left = min(w.left for w in run)
    right = max(w.left + w.width for w in run)
    return all(w.left - right > RUN_GAP * height or left - (w.left + w.width) > RUN_GAP * height for w in rest)


def _crossed_print(line: list[OcrWord], height: float) -> list[OcrWord]:
    """Words of ``line`` that are print beside a pen stroke drawn through it: the line holds a
    word taller than :data:`~.regular.HUGE` page word heights read with less than
    :data:`~.regular.UNSURE` (the stroke), and the word is read with :data:`CROSSED_SURE`, at half
    to :data:`~.regular.TALL_BAND` times the page's word ``height``, holds two letters or digits,
    and stands clear of every huge word's columns."""
    strokes = [w for w in line if w.height > HUGE * height and w.confidence < UNSURE]
    if not strokes:
        return []
    return [
        w
        for w in line
        if w.confidence >= CROSSED_SURE
        and 0.5 * height <= w.height <= TALL_BAND * height
        and sum(ch.isalnum() for ch in w.text) >= 2
        and all(w.left + w.width <= s.left or s.left + s.width <= w.left for s in strokes)
    ]


def _own_band(words: list[OcrWord]) -> dict[int, OcrWord]:
    """``words`` keyed by identity, each moved to the band their own boxes span."""
    band = (min(w.top for w in words), max(w.top + w.height for w in words))
    return {id(w): replace(w, line_top=band[0], line_bottom=band[1]) for w in words}


def split_mixed_lines(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with each run of print (:func:`_runs`) given the band of its own words, in a
    Tesseract line whose other words are read with a mean confidence below
    :data:`~.regular.UNSURE` (a stamp's): a line taller than :data:`~.regular.TALL_BAND` page
    word heights, or one that would be dropped whole and whose runs stand apart from the rest
    (:func:`_apart`), or whose print a pen stroke crosses (:func:`_crossed_print`, each such
    word a band of its own). A tall line without such words is left as it is: a table row whose first
    cell wraps is one tall line of sure words, placed by :func:`~.words.word_bands`."""
    sure = [w.height for w in words if w.confidence >= SURE and any(ch.isalpha() for ch in w.text)]
    if len(sure) < 10:
        return words  # too little print on the page to know its shape (as regular.py)
    height = statistics.median(sure)
    lines: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault((word.line_top, word.line_bottom), []).append(word)
    moved: dict[int, OcrWord] = {}
    edge = _left_edge(lines)
    for (top, bottom), line in lines.items():
        tall = bottom - top > TALL_BAND * height
        if not tall and statistics.fmean(w.confidence for w in line) >= UNSURE:
            continue  # a line kept as it is by the filter (regular.py)
        runs = _runs(line, height, edge)
        in_runs = {id(w) for run in runs for w in run}
        rest = [w for w in line if id(w) not in in_runs]
        if not rest or statistics.fmean(w.confidence for w in rest) >= UNSURE:
            continue  # no junk beside the print: a table row whose first cell wraps, placed by word_bands
        if not tall:
            runs = [run for run in runs if _apart(run, rest, height)]
        for run in runs:
            own = _own_band(run)
            moved.update(own)
            if any((w.line_top, w.line_bottom) == (top, bottom) for w in own.values()) and _apart(run, rest, height):
                # The run spans the line's whole band (a heading taller than the junk beside it),
                # and lines are told apart by their bands: the junk, white apart from the run,
                # keeps a band as tall as the line's, one pixel lower, and is judged as the line
                # would have been. Unsure words among the print stay in its band, as before.
                moved.update({id(w): replace(w, line_top=top + 1, line_bottom=bottom + 1) for w in rest})
        # What is left is judged by the filter as one unsure line: the print a stroke crosses
        # is kept word by word, whether or not a run of print stood beside it.
        for word in _crossed_print(rest, height):
            moved.update(_own_band([word]))
    return [moved.get(id(w), w) for w in words] if moved else words
