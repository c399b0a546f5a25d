"""A kept OCR layer mended from Tesseract's reading: a layer word that is no German word gives
way to Tesseract's German word in its place, and only then (ocr/layer_mend.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.ocr.confidence import OcrDoubt
from ratsdoc.ocr.layer_mend import edit_distance, mend_layer


@pytest.fixture(scope="module", autouse=True)
def words() -> frozenset[str]:
    pytest.importorskip("spellchecker")
    from ratsdoc.ocr.lexicon import lexicon

    found = lexicon()
    assert found is not None
    return found


def _line(texts: list[str], top: float = 100.0, starts: list[float] | None = None) -> Line:
    """A line of ``texts``, 6 pt a letter, 4 pt between words (or at ``starts``)."""
    tokens, x = [], 50.0
    for k, text in enumerate(texts):
        x = starts[k] if starts else x
        tokens.append(Token(text, x, top, x + 6.0 * len(text), top + 10.0, 10.0))
        x += 6.0 * len(text) + 4.0
    return Line(1, tokens)


def test_a_misread_word_takes_tesseracts_german_word() -> None:
    """'Verwaltnng' is no German word, 'Verwaltung' in its place is: Tesseract's word is taken,
    and the mend is reported."""
    layer = [_line(["Die", "Verwaltnng", "plant"])]
    lines, mends = mend_layer(layer, [_line(["Die", "Verwaltung", "plant"], top=101.5)])
    assert [line.text for line in lines] == ["Die Verwaltung plant"]
    assert [(m.layer, m.fresh) for m in mends] == [("Verwaltnng", "Verwaltung")]


def test_a_word_the_layer_split_and_a_number_it_ran_on() -> None:
    """A layer word split in two ('Besu' 'cheranschrift:') is one word of Tesseract's over both;
    a number run onto a word ('Parkgiirtel24') may come back as Tesseract's two words, the number
    read alike."""
    split = _line(["Die", "Besu", "cheranschrift:"])
    whole = Token("Besucheranschrift:", split.tokens[1].x0, 100.0, split.tokens[2].x1, 110.0, 10.0)
    ran = _line(["am", "Parkgiirtel24"], top=130.0)
    apart = _line(["am", "Parkgürtel", "24"], top=130.0, starts=[50.0, 74.0, 140.0])
    lines, mends = mend_layer([split, ran], [Line(1, [split.tokens[0], whole]), apart])
    assert [line.text for line in lines] == ["Die Besucheranschrift:", "am Parkgürtel 24"]
    assert len(mends) == 2


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Verwaltnng", "Verwaltnug"),  # Tesseract reads no German word either
        ("Burger", "Bürger"),  # the layer's word is German: nothing to vote on
        ("Verwaltnng", "Haus"),  # too far from the layer's letters to be the same print
    ],
)
def test_the_layer_word_stays(ours: str, theirs: str) -> None:
    """The layer's word stays unless it is no German word and Tesseract's is, close to it."""
    lines, mends = mend_layer([_line(["die", ours])], [_line(["die", theirs])])
    assert [line.text for line in lines] == [f"die {ours}"] and not mends


def test_an_unsure_word_of_tesseract_is_not_taken() -> None:
    """A word Tesseract read with low confidence is no vote."""
    layer = [_line(["Die", "Verwaltnng"])]
    fresh = _line(["Die", "Verwaltung"])
    token = fresh.tokens[1]
    doubt = OcrDoubt(1, token.x0, token.top, token.x1, token.bottom, "Verwaltung", 40.0)
    lines, mends = mend_layer(layer, [fresh], [doubt])
    assert [line.text for line in lines] == ["Die Verwaltnng"] and not mends


def test_other_rows_and_pages_are_not_matched() -> None:
    """Tesseract's words of another row or page are no reading of the layer's word."""
    layer = [_line(["Die", "Verwaltnng"])]
    below = _line(["Die", "Verwaltung"], top=113.0)
    other_page = Line(2, _line(["Die", "Verwaltung"]).tokens)
    lines, mends = mend_layer(layer, [below, other_page])
    assert [line.text for line in lines] == ["Die Verwaltnng"] and not mends


def test_a_kept_layer_is_mended_in_the_ocr_step() -> None:
    """A clean layer with one misread word keeps its text but for that word, which Tesseract's
    reading of the page gives; the warning names it."""
    pytest.importorskip("PIL")
    from ratsdoc.ocr.engine import OcrWord
    from ratsdoc.ocr.step import OcrStep
    from tests.test_ocr_step import FakeEngine, FakeRenderer, _page

    # The layer's words are 5 pt a letter from x = 50 at 100-110 pt; 'beschlosscn' is at 205-260 pt,
    # which is 854-1083 px at 300 dpi.
    fresh = [OcrWord("beschlossen", 854, 420, 229, 36, 416, 458, 95.0)]
    engine, renderer = FakeEngine(fresh), FakeRenderer(hidden_share=1.0)
    step = OcrStep(engine=engine, renderer=renderer)
    lines = step.page_lines(_page("Der Stadtrat hat am 31.10.2023 beschlosscn"))
    assert [line.text for line in lines] == ["Der Stadtrat hat am 31.10.2023 beschlossen"]
    mended = [w.message for w in step.warnings if w.code is IssueCode.OCR_LAYER_MENDED]
    assert len(mended) == 1 and '"beschlosscn" → "beschlossen"' in mended[0]
    assert any(w.code is IssueCode.OCR_LAYER_USED for w in step.warnings)


def test_a_mended_layer_page_is_rendered_once() -> None:
    """The render that finds a kept layer's boxes and rules is the one Tesseract reads to mend
    its words: the page is rendered once, not once for each."""
    pytest.importorskip("PIL")
    from ratsdoc.ocr.engine import OcrWord
    from ratsdoc.ocr.step import OcrStep
    from tests.test_ocr_step import FakeEngine, FakeRenderer, _page

    fresh = [OcrWord("beschlossen", 854, 420, 229, 36, 416, 458, 95.0)]
    engine, renderer = FakeEngine(fresh), FakeRenderer(hidden_share=1.0)
    step = OcrStep(engine=engine, renderer=renderer)
    lines = step.page_lines(_page("Der Stadtrat hat am 31.10.2023 beschlosscn"))
    assert [line.text for line in lines] == ["Der Stadtrat hat am 31.10.2023 beschlossen"]
    assert renderer.rendered == [1]


def test_a_layer_of_german_words_is_not_read_again() -> None:
    """A kept layer without a word the list lacks costs no OCR."""
    pytest.importorskip("PIL")
    from ratsdoc.ocr.step import OcrStep
    from tests.test_ocr_step import WORDS, FakeEngine, FakeRenderer, _page

    engine, renderer = FakeEngine(WORDS), FakeRenderer(hidden_share=1.0)
    step = OcrStep(engine=engine, renderer=renderer)
    lines = step.page_lines(_page("Der Stadtrat hat am 31.10.2023 beschlossen"))
    assert [line.text for line in lines] == ["Der Stadtrat hat am 31.10.2023 beschlossen"]
    assert not engine.modes


@given(st.text(max_size=12), st.text(max_size=12), st.text(max_size=12))
def test_edit_distance_is_a_metric(a: str, b: str, c: str) -> None:
    """Zero only for equal strings, symmetric, bounded by the longer length, triangle inequality."""
    assert (edit_distance(a, b) == 0) == (a == b)
    assert edit_distance(a, b) == edit_distance(b, a) <= max(len(a), len(b))
    assert edit_distance(a, c) <= edit_distance(a, b) + edit_distance(b, c)


@pytest.mark.parametrize(("a", "b", "d"), [("", "abc", 3), ("kitten", "sitting", 3), ("Verwaltnng", "Verwaltung", 1)])
def test_edit_distance_examples(a: str, b: str, d: int) -> None:
    """Known distances."""
    assert edit_distance(a, b) == d
