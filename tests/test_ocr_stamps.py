"""Stamps, handwriting and logos: clusters of doubtful words that are no regular text line."""

from __future__ import annotations

from ratsdoc.ocr.engine import OcrWord
from ratsdoc.ocr.stamps import stamp_regions, without_stamps


def _line(top: int, words: list[tuple[str, int, float]], height: int = 30) -> list[OcrWord]:
    """Words on one Tesseract line: (text, left, confidence), each 20 px per letter wide."""
    return [OcrWord(text, left, top, 20 * len(text), height, top, top + height, conf) for text, left, conf in words]


# As read from a real Köln scan: an intake stamp pressed beside the subject line and the date.
PAGE = (
    _line(300, [("Herrn", 360, 93.0), ("Oberbürgermeister", 470, 92.0)])
    + _line(951, [("t", 857, 0.0)])  # handwriting above the date
    + _line(975, [("un", 900, 5.0)])
    + _line(1005, [("LWieElkeme", 890, 0.0), ("Köln,", 1554, 97.0), ("den", 1660, 96.0), ("23.", 1740, 96.0)])
    + _line(1014, [("Januar", 1820, 96.0), ("2012", 1960, 97.0)])
    + _line(1023, [("Fe", 1328, 17.0)], height=3)
    + _line(1055, [("Der}", 1336, 19.0)], height=13)
    + _line(
        1087,
        [("Bauvorhaben", 360, 93.0), ("Räuberwäldchen,", 600, 93.0), ("stadt", 1296, 6.0), ("Köln", 1430, 96.0)],
    )
    + _line(1400, [("Sehr", 360, 97.0), ("geehrte", 460, 96.0), ("Frau", 620, 95.0)])
)


def test_stamp_words_go_and_the_text_beside_them_stays() -> None:
    kept, dropped = without_stamps(PAGE)
    texts = [w.text for w in kept]
    assert not {"stadt", "LWieElkeme", "Der}", "t", "un", "Fe"} & set(texts)
    assert texts.count("Köln") == 0  # the stamp's "Köln" goes with its run ...
    assert "Köln," in texts and "Januar" in texts  # ... the dated line beside it stays
    assert texts[:2] == ["Herrn", "Oberbürgermeister"] and "Räuberwäldchen," in texts
    assert dropped == 7


def test_one_doubtful_word_is_no_stamp() -> None:
    """A misread printed word or two do not make a region: nothing is dropped."""
    page = _line(300, [("Beschluss", 360, 95.0), ("dcs", 560, 10.0), ("Stadtrates", 660, 94.0), ("ain", 900, 20.0)])
    assert stamp_regions(page) == []
    assert without_stamps(page) == (page, 0)
