"""The ``grey-stamp-scan`` family's marks (``scripts/black_marks.py``; no OCR here: that is
slow): black stamps whose date is a stamp's and never the letter's own, drawn in the head of a
greyscale page."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from ratsdoc.ocr.stamps import STAMP_DATE

from .conftest import load_script

Image = pytest.importorskip("PIL.Image")
np = pytest.importorskip("numpy")
pytest.importorskip("pypdfium2", reason="the scan builders need pypdfium2")


def test_stamp_dates_are_a_stamps_and_never_the_letters_day() -> None:
    black_marks = load_script("black_marks")
    rng = random.Random(3)
    for _ in range(200):
        letter = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        stamp = black_marks.stamp_date(rng, letter.isoformat())
        assert STAMP_DATE.fullmatch(stamp), stamp
        day, month, year = stamp.replace(".", " ").split()
        stamped = dt.date(int(year), black_marks.MONTHS.index(month) + 1, int(day))
        assert 1 <= (stamped - letter).days <= 20


def test_marks_are_black_and_in_the_head() -> None:
    black_marks = load_script("black_marks")
    page = Image.new("L", (1654, 2339), 250)  # A4 at 200 dpi, greyscale
    black_marks.head_marks({"date": "2024-03-05"})(page, None, random.Random(8), 200)
    ink = np.asarray(page) < 128
    rows = ink.any(axis=1).nonzero()[0]
    assert rows.size and rows.max() < 2339 * 0.5  # all in the upper half: the head
    assert ink.sum() > 2000
    two_tone = np.asarray(load_script("scan_image").black_and_white(page))
    assert set(np.unique(two_tone).tolist()) <= {0, 255}
