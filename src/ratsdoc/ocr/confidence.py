"""The words Tesseract read unsure, kept with the layout so that a field read from them can say
so (:mod:`ratsdoc.extract.ocr_doubt`): a value read over a word of confidence 30 is a guess,
however well its line matched a label."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

#: Words Tesseract reads with less confidence (0..100) than this are kept as doubtful. Clean
#: print on the generated and real scans reads at 85-96; misread letters ("Betreft", "Beiref",
#: "0ktober") come at 30-75.
DOUBTFUL_BELOW = 75.0


class _Word(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def left(self) -> int: ...
    @property
    def top(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def confidence(self) -> float: ...


@dataclass(frozen=True, slots=True)
class OcrDoubt:
    """A word read with low confidence: its page, its box in points and what was read."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float

    def inside(self, page: int, box: tuple[float, float, float, float]) -> bool:
        """Whether the word's centre lies in ``box`` (left, top, right, bottom) on ``page``."""
        middle_x, middle_y = (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2
        left, top, right, bottom = box
        return page == self.page and left <= middle_x <= right and top <= middle_y <= bottom


def doubtful_words(words: Iterable[_Word], page: int, dpi: int, below: float = DOUBTFUL_BELOW) -> tuple[OcrDoubt, ...]:
    """The ``words`` of ``page`` (pixels at ``dpi``) read with confidence under ``below``, in
    points; Tesseract's -1 (no word recognised) counts as no confidence."""
    scale = 72.0 / dpi
    return tuple(
        OcrDoubt(
            page,
            word.left * scale,
            word.top * scale,
            (word.left + word.width) * scale,
            (word.top + word.height) * scale,
            word.text,
            max(word.confidence, 0.0),
        )
        for word in words
        if word.confidence < below and any(c.isalnum() for c in word.text)
    )
