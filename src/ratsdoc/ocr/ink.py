"""The pixels of OCR words and their lines: which columns of a word's box hold ink, the runs
and blobs of that ink, and Tesseract's lines. Shared by the repairs that check a reading
against the pixels (:mod:`.words`, :mod:`.separators`, :mod:`.spacing`, :mod:`.signs`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from .engine import OcrWord


def tesseract_lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped by their Tesseract line (shared line band), each line left to right."""
    groups: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        groups.setdefault((word.line_top, word.line_bottom), []).append(word)
    return [sorted(group, key=lambda w: w.left) for _, group in sorted(groups.items())]


def ink_columns(ink: np.ndarray) -> list[bool]:
    """For each column of ``ink``, whether it holds any ink."""
    import numpy as np

    return [bool(v) for v in np.asarray(np.asarray(ink).any(axis=0)).ravel()]


def column_runs(columns: list[bool]) -> list[tuple[int, int]]:
    """(first, last) indices of the runs of True in ``columns``, bridging one-column gaps."""
    runs: list[tuple[int, int]] = []
    start = last = -1
    for index, on in enumerate(columns):
        if not on:
            continue
        if start >= 0 and index - last <= 2:
            last = index
            continue
        if start >= 0:
            runs.append((start, last))
        start = last = index
    if start >= 0:
        runs.append((start, last))
    return runs


def strict_runs(columns: list[bool]) -> list[tuple[int, int]]:
    """(first, last) indices of the runs of True in ``columns`` (no gaps bridged)."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, on in enumerate([*columns, False]):
        if on and start < 0:
            start = index
        elif not on and start >= 0:
            runs.append((start, index - 1))
            start = -1
    return runs


def ink_blobs(piece: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of the parts of ``piece`` separated by empty rows."""
    import numpy as np

    rows = np.nonzero(piece.any(axis=1))[0].tolist()
    boxes: list[tuple[int, int, int, int]] = []
    start = previous = -2
    for row in [*rows, -1]:
        if row == previous + 1:
            previous = row
            continue
        if start >= 0:
            part = piece[start : previous + 1]
            cols = np.nonzero(part.any(axis=0))[0]
            boxes.append((int(cols[0]), start, int(cols[-1]) + 1, previous + 1))
        start = previous = row
    return boxes


def word_ink(ink: np.ndarray, word: OcrWord) -> tuple[np.ndarray, int] | None:
    """The ink of ``word``'s box and the height its shapes are measured against: its line's
    height, or 1.6 times its own when Tesseract's line spans merged rows. None when too small."""
    height = min(word.line_bottom - word.line_top, round(1.6 * word.height))
    band = ink[max(word.top, 0) : word.top + word.height, max(word.left, 0) : word.left + word.width]
    if band.size == 0 or height < 8:
        return None
    return band, height


def word_runs(ink: np.ndarray, word: OcrWord) -> tuple[np.ndarray, int, list[tuple[int, int]]] | None:
    """The ink of ``word``'s box, its height (:func:`word_ink`) and its runs of inked columns
    (:func:`strict_runs`); None when the box is too small or its ink one run."""
    measured = word_ink(ink, word)
    if measured is None:
        return None
    band, height = measured
    runs = strict_runs(ink_columns(band))
    return (band, height, runs) if len(runs) >= 2 else None
