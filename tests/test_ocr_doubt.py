"""Doubt from OCR word confidences: the OCR step keeps the words Tesseract read unsure with the
layout (ocr/confidence.py), and a cover field read over one of them gets a ``value_uncertain``
warning naming the field (extract/ocr_doubt.py), with a lower confidence."""

from __future__ import annotations

import datetime as dt

import pytest

from ratsdoc.extract.context import Context
from ratsdoc.extract.ocr_doubt import FIELD_DOUBT_BELOW, warn_ocr_doubts
from ratsdoc.extract.review import review_fields
from ratsdoc.issues import IssueCode
from ratsdoc.models import BBox, Provenance
from ratsdoc.ocr.confidence import DOUBTFUL_BELOW, OcrDoubt, doubtful_words
from ratsdoc.ocr.engine import OcrWord
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

LINE = (400, 440)


def _word(text: str, left: int, confidence: float) -> OcrWord:
    return OcrWord(text, left, 402, 30 * len(text), 36, *LINE, confidence)


def test_only_unsure_words_with_letters_are_kept_in_points() -> None:
    words = [_word("Betreft:", 300, 41.0), _word("Radweg", 560, 95.0), _word("—", 800, 10.0)]
    (kept,) = doubtful_words(words, page=2, dpi=300)
    assert kept.text == "Betreft:" and kept.page == 2 and kept.confidence == 41.0
    assert kept.x0 == pytest.approx(300 * 72 / 300) and kept.bottom == pytest.approx(438 * 72 / 300)
    assert doubtful_words([_word("Radweg", 0, DOUBTFUL_BELOW)], 1, 300) == ()
    assert doubtful_words([_word("Radweg", 0, -1.0)], 1, 300)[0].confidence == 0.0


def test_the_ocr_step_hands_the_unsure_words_on() -> None:
    pytest.importorskip("numpy")
    from ratsdoc.ocr.step import OcrStep

    from .test_ocr_step import WORDS, FakeEngine, FakeRenderer, _page

    words = [*WORDS, OcrWord("Nord", 990, 402, 120, 36, *LINE, 38.0)]
    step = OcrStep(engine=FakeEngine(words), renderer=FakeRenderer())
    step.page_lines(_page())
    assert [(d.page, d.text, d.confidence) for d in step.doubts] == [(1, "Nord", 38.0)]


def _context(values: dict[str, object], doubts: list[OcrDoubt]) -> Context:
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[], ocr_pages=[1], ocr_doubts=doubts)
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    for name, value in values.items():
        ctx.fields.values[name] = value
        ctx.fields.provenance[name] = [Provenance(page=1, bbox=BBox(x0=70, top=100, x1=400, bottom=112))]
    return ctx


def _doubt(text: str, confidence: float, *, x: float = 100.0, top: float = 101.0, page: int = 1) -> OcrDoubt:
    return OcrDoubt(page, x, top, x + 40.0, top + 10.0, text, confidence)


def _uncertain(ctx: Context) -> dict[str | None, str]:
    return {i.field: i.message for i in ctx.fields.warnings if i.code is IssueCode.VALUE_UNCERTAIN}


def test_a_title_read_over_an_unsure_word_is_warned() -> None:
    ctx = _context({"title": "Radweg Nordstrafse"}, [_doubt("Nordstrafse", 32.0)])
    warn_ocr_doubts(ctx)
    assert _uncertain(ctx) == {
        "title": "title may be misread: OCR read 'Nordstrafse' on page 1 with confidence 32 of 100"
    }


@pytest.mark.parametrize(
    "doubt",
    [
        _doubt("Nordstrafse", FIELD_DOUBT_BELOW),  # unsure enough to keep, not to warn
        _doubt("Nordstrafse", 20.0, top=300.0),  # below the field's box
        _doubt("Nordstrafse", 20.0, page=2),  # on another page
        _doubt("Eingang", 20.0),  # in the box, but not part of the value (a stamp's word)
    ],
)
def test_no_warning_for_words_that_are_sure_elsewhere_or_not_in_the_value(doubt: OcrDoubt) -> None:
    ctx = _context({"title": "Radweg Nordstrafse"}, [doubt])
    warn_ocr_doubts(ctx)
    assert _uncertain(ctx) == {}


def test_a_date_is_doubtful_for_its_digits_or_month_not_for_the_place() -> None:
    date = dt.date(2024, 4, 3)
    ctx = _context({"date": date}, [_doubt("Regensbvrg,", 20.0)])
    warn_ocr_doubts(ctx)
    assert _uncertain(ctx) == {}
    for word in ("O3.O4.2024", "Aprll"):
        ctx = _context({"date": date}, [_doubt(word, 20.0)])
        warn_ocr_doubts(ctx)
        assert set(_uncertain(ctx)) == {"date"}, word


def test_the_review_lowers_the_confidence_of_a_doubtful_field() -> None:
    values = {"title": "Radweg Nord", "document_type": "Antrag", "date": dt.date(2024, 4, 3)}
    sure, unsure = _context(values, []), _context(values, [_doubt("Nord", 25.0)])
    review_fields(sure)
    review_fields(unsure)
    assert unsure.fields.provenance["title"][0].confidence < sure.fields.provenance["title"][0].confidence
    assert unsure.fields.provenance["date"][0].confidence == sure.fields.provenance["date"][0].confidence


def _title_lines(*texts: str, ocr: bool = True) -> Context:
    """A context whose title was read from the lines ``texts`` (14 pt apart) of page 1."""
    from ratsdoc.layout.lines import Line

    from .test_generic_reader import line

    lines: list[Line] = [line(160.0 + 14 * k, text, x=122.0) for k, text in enumerate(texts)]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    ctx.fields.values["title"] = " ".join(texts)
    right = max(t.x1 for each in lines for t in each.words)
    box = BBox(x0=122.0, top=160.0, x1=right, bottom=160.0 + 14 * len(texts))
    ctx.fields.provenance["title"] = [Provenance(page=1, bbox=box)]
    return ctx


def test_a_title_line_ending_where_the_next_word_would_have_fitted_is_warned() -> None:
    # Dev seed 31 office-letter 6: "Kosten ca." at the end of the second line lay under a mark;
    # the wrapped line ends where "474.000,00" would still have fitted.
    lost = _title_lines(
        "Erweiterung der Kindertagesstätte Am Weiher",
        "(voraussichtliche",
        "474.000,00 €)",
        "hier: Prüfung der Ausschreibungsunterlagen",
    )
    warn_ocr_doubts(lost)
    assert "ends where '474.000,00' would have fitted" in _uncertain(lost)["title"]
    # Lines that end because the next word did not fit, or with a closing sign, are as printed.
    wrapped = _title_lines(
        "Erweiterung der Kindertagesstätte Am Weiher",
        "(voraussichtliche Kosten ca. 474.000,00 €)",
        "hier: Prüfung der Ausschreibungsunterlagen",
    )
    warn_ocr_doubts(wrapped)
    assert _uncertain(wrapped) == {}
    # A word broken at a hyphen did not fit as a whole: its second part would have, but not all of it.
    hyphen = _title_lines("Sanierung des Fußwegs am Stadtpark mit neuer Beleuchtung", "und Bau-", "maßnahme der Wege")
    warn_ocr_doubts(hyphen)
    assert _uncertain(hyphen) == {}
    # Born-digital, a short line is the author's.
    printed = _title_lines(
        "Erweiterung der Kindertagesstätte Am Weiher", "(voraussichtliche", "474.000,00 €)", ocr=False
    )
    warn_ocr_doubts(printed)
    assert _uncertain(printed) == {}
