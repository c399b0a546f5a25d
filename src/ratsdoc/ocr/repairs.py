"""The repairs of OCR words after reading, in the order they build on each other.

1. Punctuation at a word's edge against the pixels, and a lone ":" that is a middle dot
   (:func:`~.words.check_marks`).
2. Middle dots the speck filter took out or Tesseract passed over (:mod:`.separators`).
3. A "$" before a paragraph's number is "§" (:mod:`.signs`).
4. Umlauts lost or added on unsure words (:mod:`.umlauts`), before the spaces, which look
   words up ("Marz2025" → "März2025" → "März", "2025").
5. Letters a worn copy changed into others on unsure words (:mod:`.strokes`), after the
   umlauts ("Trager" is "Träger", not another word one stroke away).
6. URLs split or misread (:func:`~.words.join_url_words`).
7. Spaces lost before a number or under a speck (:mod:`.spacing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .separators import middle_dots
from .signs import section_signs
from .spacing import spaced_words
from .strokes import mended_strokes
from .umlauts import mended_umlauts
from .words import check_marks, join_url_words

if TYPE_CHECKING:
    import numpy as np

    from .engine import OcrWord


def repaired_words(ink: np.ndarray, specks: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` as Tesseract read a page, repaired (see the module docstring); ``ink`` is the
    page's ink mask, ``specks`` the specks the filter took out of it."""
    words = section_signs(middle_dots(ink, specks, check_marks(ink, words)))
    return spaced_words(ink, join_url_words(mended_strokes(mended_umlauts(words))))
