"""The words Tesseract read unsure, and the regions whose words were dropped as no regular text
(:mod:`.regular`), kept with the layout so that a field read from them or cut by them can say
so (:mod:`ratsdoc.extract.ocr_doubt`): a value read over a word of confidence 30 is a guess,
however well its line matched a label, and a line a pen stroke crossed may have lost words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .tsv import OcrWord

#: Words Tesseract reads with less confidence (0..100) than this are kept as doubtful. Clean
#: print on the generated and real scans reads at 85-96; misread letters ("Betreft", "Beiref",
#: "0ktober") come at 30-75.
DOUBTFUL_BELOW = 75.0


@dataclass(frozen=True, slots=True)
class OcrDoubt:
    """A word read with low confidence: its page, its box in points and what was read; with
    empty ``text`` and no confidence, a region whose words were dropped (:attr:`dropped`)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float

    @property
    def dropped(self) -> bool:
        """Whether this is a region whose words were left out of the text, not a word."""
        return not self.text

    def inside(self, page: int, box: tuple[float, float, float, float]) -> bool:
        """Whether the word's centre lies in ``box`` (left, top, right, bottom) on ``page``."""
        middle_x, middle_y = (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2
        left, top, right, bottom = box
        return page == self.page and left <= middle_x <= right and top <= middle_y <= bottom


def doubtful_words(
    words: Iterable[OcrWord], page: int, dpi: int, below: float = DOUBTFUL_BELOW
) -> tuple[OcrDoubt, ...]:
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


def dropped_regions(boxes: Iterable[tuple[int, int, int, int]], page: int, dpi: int) -> tuple[OcrDoubt, ...]:
    """The pixel ``boxes`` (left, top, right, bottom at ``dpi``) whose words were dropped, as
    :class:`OcrDoubt` regions in points."""
    scale = 72.0 / dpi
    return tuple(
        OcrDoubt(page, left * scale, top * scale, right * scale, bottom * scale, "", 0.0)
        for left, top, right, bottom in boxes
    )
