"""OCR words made page-model chars, after the repairs that the pixels or the pattern make
certain: list bullets, URLs, check marks.

OCR words become :class:`~ratsdoc.layout.model.Char` objects (:func:`words_to_chars`): the
word box is split evenly over its letters, all words of a Tesseract line share the line's top
and bottom (so later stages see one row; see :func:`word_bands` for rows Tesseract merged),
``fontname`` is ``"OCR"`` and ``size`` is the line height in points.

Bullets: Tesseract reads a list bullet as "«", "e", "*", "." or nothing, and the items of a list
then run together into one paragraph. A bullet is found in the ink instead: a small filled
blob, about a third of the line high, alone left of the line's first word with white space
after it. It becomes a "•" char, which :func:`~ratsdoc.layout.lines.page_lines` turns into the same bullet
token a born-digital bullet glyph gives; the words read from the blob are dropped.

URLs: Tesseract splits "https://" at the colon ("https: //www…") and reads a slash twice, once
as a backslash ("https://\\www…"). Neither a space nor a backslash can stand in a URL, so
both are repaired; letters are never changed.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from ..layout.model import Char
from .engine import OCR_DPI
from .ink import column_runs, ink_blobs, ink_columns, strict_runs, tesseract_lines, word_runs

if TYPE_CHECKING:
    import numpy as np

    from .engine import OcrWord

Region = tuple[int, int, int, int]

#: Width and height of a bullet as shares of its line's height (a "•" is about 0.35 em).
BULLET_MIN, BULLET_MAX = 0.18, 0.5
#: Width-to-height ratio of a round or square bullet.
BULLET_ASPECT = (0.7, 1.4)
#: Share of its box a bullet's ink fills (a disc fills 0.79; "o", "e", "a" have holes).
BULLET_FILL = 0.65
#: Where the bullet's centre may sit in the line band, from the top (it is centred on the
#: x-height, below the capitals' tops and above the descenders).
BULLET_CENTRE = (0.2, 0.7)
#: White space between bullet and text, as a share of the line height.
BULLET_GAP = 0.25
#: How far left of a line's first word a bullet is looked for, in line heights.
BULLET_REACH = 3.0
#: Ink runs narrower than this share of the line height are specks or rule remnants.
_MIN_RUN = 0.1
#: A numbered list item's number as Tesseract reads it ("1.", "2)", "12."): its full stop is
#: a round dot left of the text, but no bullet.
_LIST_NUMBER = regex.compile(r"^\d{1,2}[.)]$")


def _is_bullet(strip: np.ndarray, first: int, last: int, height: int) -> Region | None:
    """The box (strip coordinates) of the blob in columns ``first``..``last`` if it is shaped
    like a bullet on a line ``height`` pixels high, else None."""
    import numpy as np

    blob = strip[:, first : last + 1]
    rows = np.nonzero(blob.any(axis=1))[0]
    if rows.size == 0:
        return None
    top, bottom = int(rows[0]), int(rows[-1])
    width, tall = last - first + 1, bottom - top + 1
    if not (BULLET_MIN * height <= width <= BULLET_MAX * height and BULLET_MIN * height <= tall <= BULLET_MAX * height):
        return None
    if not BULLET_ASPECT[0] <= width / tall <= BULLET_ASPECT[1]:
        return None
    if blob[top : bottom + 1].sum() < BULLET_FILL * width * tall:
        return None
    centre = (top + bottom) / 2 / height
    if not BULLET_CENTRE[0] <= centre <= BULLET_CENTRE[1]:
        return None
    return first, top, last + 1, bottom + 1


def find_bullets(ink: np.ndarray, words: list[OcrWord]) -> tuple[list[OcrWord], list[Region]]:
    """List bullets at the starts of OCR lines, found in ``ink`` (True = ink, page pixels).

    Returns ``words`` without the words read from a bullet (short words lying on it) and the
    bullets' boxes in pixels. A bullet is the last ink left of the line's text, within
    :data:`BULLET_REACH` line heights, shaped like a filled dot, with white space after it.
    """
    bullets: list[Region] = []
    dropped: set[int] = set()
    for line in tesseract_lines(words):
        top, bottom = line[0].line_top, line[0].line_bottom
        height = bottom - top
        if height < 8:
            continue
        if _LIST_NUMBER.match(line[0].text):
            continue  # "1." is a numbered item: its full stop is no bullet, and the number stays
        # A short first word may be the bullet itself ("«", "e", "*"); the text starts after it.
        junk = line[0] if len(line[0].text) <= 2 and line[0].width <= BULLET_MAX * height * 1.5 else None
        text_start = (line[1].left if len(line) > 1 else None) if junk else line[0].left
        left = max(0, line[0].left - int(BULLET_REACH * height))
        right = (junk.left + junk.width) if junk else line[0].left
        strip = ink[max(top, 0) : bottom, left : max(right, left)]
        if strip.size == 0:
            continue
        runs = [(a, b) for a, b in column_runs(ink_columns(strip)) if b - a + 1 >= _MIN_RUN * height]
        if not runs:
            continue
        box = _is_bullet(strip, *runs[-1], height)
        if box is None:
            continue
        x0, y0, x1, y1 = box[0] + left, box[1] + top, box[2] + left, box[3] + top
        if text_start is not None and text_start - x1 < BULLET_GAP * height:
            continue
        if any(b[0] < x1 and x0 < b[2] and b[1] < y1 and y0 < b[3] for b in bullets):
            continue  # the same bullet seen from a neighbouring Tesseract line
        bullets.append((x0, y0, x1, y1))
        for word in words:
            if (
                len(word.text) <= 2
                and word.left < x1 + 2
                and x0 - 2 < word.left + word.width
                and word.top < y1 + 2
                and y0 - 2 < word.top + word.height
            ):
                dropped.add(id(word))
    return [w for w in words if id(w) not in dropped], bullets


def bullet_chars(bullets: list[Region], dpi: int) -> list[Char]:
    """Page-model "•" chars for bullet boxes in pixels (size: the bullet's height)."""
    scale = 72.0 / dpi
    return [
        Char("•", x0 * scale, top * scale, x1 * scale, bottom * scale, "OCR", max((bottom - top) * scale, 1.0))
        for x0, top, x1, bottom in bullets
    ]


_SCHEME_WORD = regex.compile(r"^(?:https?|ftp)\s*:$", regex.IGNORECASE)
_SLASHES = regex.compile(r"^[/\\]")
#: A scheme followed by a run of slashes and backslashes, as OCR reads "https://".
_SCHEME_SLASHES = regex.compile(r"\b(https?|ftp)\s*:\s*[/\\]+", regex.IGNORECASE)


def repair_url(text: str) -> str:
    """``text`` with OCR damage to URLs undone where the URL syntax leaves one reading.

    After a scheme, any run of slashes and backslashes (and spaces around the colon) is "//":
    a URL has exactly two slashes there and never a backslash. A backslash elsewhere in a
    URL is a slash. Letters, digits and everything outside URLs stay as they are.
    """
    if ":" not in text:
        return text
    repaired = _SCHEME_SLASHES.sub(lambda m: m.group(1) + "://", text)
    return regex.sub(r"(?<=://\S*)\\", "/", repaired)


def join_url_words(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with a scheme split off its URL ("https:" + "//www…") joined into one word
    and every word passed through :func:`repair_url`."""
    result: list[OcrWord] = []
    for word in sorted(words, key=lambda w: (w.line_top, w.left)):
        previous = result[-1] if result else None
        if (
            previous is not None
            and _SCHEME_WORD.match(previous.text)
            and _SLASHES.match(word.text)
            and previous.line_top == word.line_top
            and 0 <= word.left - (previous.left + previous.width) < word.line_bottom - word.line_top
        ):
            top = min(previous.top, word.top)
            result[-1] = replace(
                previous,
                text=previous.text + word.text,
                width=word.left + word.width - previous.left,
                top=top,
                height=max(previous.top + previous.height, word.top + word.height) - top,
                confidence=min(previous.confidence, word.confidence),
            )
            continue
        result.append(word)
    return [replace(w, text=fixed) if (fixed := repair_url(w.text)) != w.text else w for w in result]


#: Marks drawn as a short stroke taller than it is wide: commas, apostrophes, single quotes.
_STROKE_MARKS = frozenset("‚,’'‘`")
#: Marks at a word's end whose shape the pixels can confirm.
_CHECKED_MARKS = _STROKE_MARKS | frozenset(".:")
#: A blob is a stroke (comma, quote) when it is this many times as high as wide, or at least
#: this share of the line height high; a full stop or a speck of dust is neither.
_STROKE_ASPECT, _STROKE_HEIGHT = 1.5, 0.22
#: A blob higher than this share of the line height is no punctuation dot (two dots merged,
#: part of a letter): the reading stands.
_DOT_MAX = 0.3
#: A dot whose bottom is this close to the baseline (share of the line height) sits on it.
_ON_BASELINE = 0.1


def checked_mark(ink: np.ndarray, word: OcrWord, trailing: bool) -> str | None:
    """What the pixels say of the mark at the end (``trailing``) or start of ``word``: the
    mark as read, "." for a dot on the baseline read as a comma or colon, "" for a speck of
    dust, or None when the pixels cannot tell (the mark touches a letter).

    The mark is the last (first) run of ink columns in the word's box, set apart from the
    letters by white. Commas and quotes are strokes (:data:`_STROKE_ASPECT`); a colon is two
    dots; a full stop is one dot on the baseline. A single small dot that is none of what was
    read is a stop when it sits on the baseline and a speck otherwise.
    """
    mark = word.text[-1] if trailing else word.text[0]
    measured = word_runs(ink, word)
    if measured is None:
        return None
    band, height, runs = measured
    first, last = runs[-1] if trailing else runs[0]
    blobs = ink_blobs(band[:, first : last + 1])
    if len(blobs) != 1:
        return mark  # a colon's two dots, or more than a mark
    left, top, right, bottom = blobs[0]
    wide, high = right - left, bottom - top
    if high > _DOT_MAX * height:
        return mark
    stroke = high >= _STROKE_ASPECT * wide or high >= _STROKE_HEIGHT * height
    # The baseline: where most letters end (descenders are the few). The lower median: of two
    # runs of letters ("Ta" kerned into one, "g"), the upper is the baseline, not the descender.
    bottoms = sorted(
        max(box[3] for box in ink_blobs(band[:, a : b + 1])) for a, b in (runs[:-1] if trailing else runs[1:])
    )
    on_baseline = abs(bottom - bottoms[(len(bottoms) - 1) // 2]) <= _ON_BASELINE * height
    if mark in _STROKE_MARKS:
        if stroke:
            return mark
        return "." if trailing and on_baseline else ""
    if mark == ":":
        return "." if on_baseline and not stroke else ""
    return mark if on_baseline else ""  # a full stop floating above the baseline is a speck


#: A middle dot ("Rathausplatz 1 · Aachen") is centred this far down its line (shares of the
#: line's height, from its top): on the middle of the small letters.
_MIDDLE = (0.3, 0.7)


def is_middle_dot(ink: np.ndarray, word: OcrWord) -> bool:
    """Whether the ink of a lone ``word`` (read ":") is one small dot centred on the middle of
    its line, the separator "·" of a letterhead's address: a colon has two dots, one of them on
    the baseline."""
    line = word.line_bottom - word.line_top
    pad = max(2, line // 6)
    top, left = max(word.top - pad, 0), max(word.left - pad, 0)
    box = ink[top : word.top + word.height + pad, left : word.left + word.width + pad]
    if line < 8 or box.size == 0 or not box.any():
        return False
    blobs = ink_blobs(box)
    runs = strict_runs(ink_columns(box))
    if len(blobs) != 1 or len(runs) != 1:
        return False
    _, blob_top, _, blob_bottom = blobs[0]
    centre = (top + (blob_top + blob_bottom) / 2 - word.line_top) / line
    return blob_bottom - blob_top <= _DOT_MAX * line and _MIDDLE[0] <= centre <= _MIDDLE[1]


def check_marks(ink: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with the punctuation at their edges checked against the pixels
    (:func:`checked_mark`): specks of dust read as "‚", "’" or ":" go, a round dot read as a
    comma or colon becomes a full stop, and a lone ":" that is one dot on the middle of the line
    is the separator "·" (:func:`is_middle_dot`)."""
    result: list[OcrWord] = []
    for word in words:
        text = word.text
        if text == ":" and is_middle_dot(ink, word):
            result.append(replace(word, text="·"))
            continue
        if len(text) > 1 and text[-1] in _CHECKED_MARKS and text[-2].isalnum():
            fixed = checked_mark(ink, word, trailing=True)
            if fixed is not None:
                text = text[:-1] + fixed
        if len(text) > 1 and text[0] in _STROKE_MARKS and text[1].isalnum():
            fixed = checked_mark(ink, replace(word, text=text), trailing=False)
            if fixed is not None:
                text = fixed + text[1:]
        if text != word.text:
            word = replace(word, text=text)
        result.append(word)
    return result


#: A Tesseract line this many times as high as its typical (median) word, with words at
#: different heights, spans more than one row.
MERGED_ROWS = 1.5


def _inked_rows(ink: np.ndarray, word: OcrWord, gap: int) -> tuple[int, int]:
    """The rows (top, bottom) of the heaviest stretch of ink in ``word``'s box, bridging gaps
    of up to ``gap`` rows (an i-dot, an umlaut); the whole box when it holds no ink."""
    box = ink[max(word.top, 0) : word.top + word.height, max(word.left, 0) : word.left + word.width]
    counts = [int(c) for c in box.sum(axis=1).tolist()] if box.size else []
    best, best_mass = (word.top, word.top + word.height), 0
    start, last, mass = -1, -1, 0
    for row, count in enumerate([*counts, 0]):
        if count:
            if start < 0 or row - last > gap + 1:
                if start >= 0 and mass > best_mass:
                    best, best_mass = (word.top + start, word.top + last + 1), mass
                start, mass = row, 0
            last, mass = row, mass + count
    if start >= 0 and mass > best_mass:
        best = (word.top + start, word.top + last + 1)
    return best


def word_bands(words: list[OcrWord], ink: np.ndarray | None = None) -> list[tuple[int, int]]:
    """The vertical band (top, bottom, pixels) each word's chars get.

    Words share their Tesseract line's band, so that later stages see one row. A line much
    higher than its typical word, whose words sit at different heights, holds rows Tesseract
    merged — a table row whose first cell wraps while the other cells sit between its two
    lines: there each word keeps its own box. A box much higher than the typical word
    (Tesseract sometimes stretches one over a speck or into the next row) shrinks to the
    heaviest stretch of ``ink`` in it. A line box much higher than its words that sit in one row
    (Tesseract stretched it over the next row's first words, or a speck) shrinks to its words'
    boxes: else a tall word of it gets the stretched band, which overlaps the next row, and the
    letters of both rows are interleaved into one line.
    """
    members: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        members.setdefault((word.line_top, word.line_bottom), []).append(word)
    typical: dict[tuple[int, int], int] = {}
    merged: set[tuple[int, int]] = set()
    band_of: dict[tuple[int, int], tuple[int, int]] = {}
    for line, group in members.items():
        sizes = sorted(w.height for w in group)
        typical[line] = max(sizes[len(sizes) // 2], 1)
        centres = [w.top + w.height / 2 for w in group]
        band_of[line] = line
        if line[1] - line[0] > MERGED_ROWS * typical[line]:
            # Rows merged: a high line whose words sit at different heights, not one word that
            # Tesseract's box stretched over a speck.
            if max(centres) - min(centres) > 0.5 * typical[line]:
                merged.add(line)
            else:
                rows = (min(w.top for w in group), max(w.top + w.height for w in group))
                if rows[1] - rows[0] <= MERGED_ROWS * typical[line]:
                    band_of[line] = rows
    bands: list[tuple[int, int]] = []
    for word in words:
        line = (word.line_top, word.line_bottom)
        band = band_of[line]
        if line not in merged and band[1] - band[0] <= 2.2 * max(word.height, 1):
            bands.append(band)
        elif ink is not None and word.height > MERGED_ROWS * typical[line]:
            bands.append(_inked_rows(ink, word, max(2, typical[line] // 4)))
        else:
            bands.append((word.top, word.top + word.height))
    return bands


def words_to_chars(words: list[OcrWord], dpi: int = OCR_DPI, ink: np.ndarray | None = None) -> tuple[Char, ...]:
    """Page-model chars for OCR words: each word's box split evenly over its letters, in the
    band :func:`word_bands` gives it (``ink``: the page's ink mask, for stretched boxes).

    A space char closes every word, so that words stay apart whatever the gap between them.
    """
    scale = 72.0 / dpi
    # Tesseract's word boxes may overlap ("Abschnitt" stretched over the "17" after it): a word
    # ends where the next word of its line begins, or their letters would interleave.
    right = {id(w): w.left + w.width for w in words}
    by_line: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        by_line.setdefault((word.line_top, word.line_bottom), []).append(word)
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        for word, following in itertools.pairwise(line):
            if following.left > word.left:
                right[id(word)] = min(right[id(word)], following.left - 1)
    chars: list[Char] = []
    for word, (band_top, band_bottom) in zip(words, word_bands(words, ink), strict=True):
        top, bottom = band_top * scale, band_bottom * scale
        size = max(bottom - top, 1.0)
        x0 = word.left * scale
        end = right[id(word)] * scale
        step = (end - x0) / len(word.text)
        for i, letter in enumerate(word.text):
            chars.append(Char(letter, x0 + i * step, top, x0 + (i + 1) * step, bottom, "OCR", size))
        chars.append(Char(" ", end, top, end, bottom, "OCR", size))
    return tuple(chars)
