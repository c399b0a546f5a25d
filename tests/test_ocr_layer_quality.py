"""A scan's own OCR layer judged by its German words, and words hyphenated at a line end joined
on scanned pages by the one rule of :func:`ratsdoc.text.normalize.join_at_break`."""

from __future__ import annotations

import random

import pytest

from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr.hyphens import join_hyphenated, joined_copy
from ratsdoc.text.normalize import join_at_break, join_lines
from tests.conftest import load_script

#: Running text of a council paper: a clean layer of it is kept.
CLEAN = (
    "Die Verwaltung wird beauftragt, für den Ausbau der Radwege im Stadtbezirk ein Konzept vorzulegen. "
    "Dabei sind die Ergebnisse der Bürgerbeteiligung zu berücksichtigen und die Kosten für die "
    "Haushaltsjahre darzustellen. Die Bezirksvertretung bittet um einen Bericht über den Stand der "
    "Planungen in der nächsten Sitzung und um eine Übersicht der beantragten Fördermittel."
)
#: The same text as a poor OCR engine read it: no digit in a word, every word with a vowel, so
#: the shape test of ocr/noise.py passes it, but many words are no German words.
MISREAD = (
    "Die Verwaltnng wird beauftragt, fur den Ausbau der Radwcge im Stadtbezirk ein Konzept vorzulegcn. "
    "Dabei sind die Ergebuisse der Biirgerbeteiligung zu beriicksichtigen und die Kosten fiir die "
    "Haushaltsjahre darzustelleu. Die Bezirksvertretung bittet urn einen Bericht uber den Stand der "
    "Planungen in der nachsten Sitzung und urn eine Ubersicht der beantragten Fordermittel."
)


@pytest.fixture(scope="module")
def words() -> frozenset[str]:
    pytest.importorskip("spellchecker")
    from ratsdoc.ocr.lexicon import lexicon

    found = lexicon()
    assert found is not None
    return found


def test_german_words_compounds_and_inflections(words: frozenset[str]) -> None:
    """Listed words, compounds of listed words (with a linking s) and inflected forms are German;
    typical misreadings are not."""
    from ratsdoc.ocr.lexicon import is_german_word

    for word in ("Verwaltung", "Bezirksvertretung", "Radwegeplanung", "Haushaltsmittel", "Anträgen", "für"):
        assert is_german_word(word, words), word
    for word in ("Verwaltnng", "Gerneinde", "fur", "Biirger", "uber", "vorzulegcn"):
        assert not is_german_word(word, words), word


def test_clean_layer_is_kept_and_misread_layer_is_poor(words: frozenset[str]) -> None:
    """The judgment: a clean text has (almost) no unknown lower-case words, a misread one many."""
    from ratsdoc.ocr.layer_quality import judge_words

    clean, misread = judge_words(CLEAN.split()), judge_words(MISREAD.split())
    assert clean.unknown == 0 and not clean.poor
    assert misread.poor and misread.unknown_share > 0.2
    assert "Verwaltnng" not in misread.sample  # capitalised words are counted apart
    assert misread.sample[0] == "fur"


def test_names_and_cut_words_do_not_count(words: frozenset[str]) -> None:
    """Capitalised words (names) and a word cut at a line end are not held against a layer."""
    from ratsdoc.ocr.layer_quality import judge_words

    quality = judge_words([*CLEAN.split(), "Klettenberg", "Räuberwäldchen", "Verwal-", "SPD", "MitarbeiterInnen"])
    assert quality.unknown == 0


def _page(text: str) -> Page:
    """A scanned page whose invisible layer holds ``text``, wrapped at 12 words a line."""
    chars: list[Char] = []
    for row, start in enumerate(range(0, len(text.split()), 12)):
        x, top = 50.0, 100.0 + row * 14.0
        for word in text.split()[start : start + 12]:
            for letter in word:
                chars.append(Char(letter, x, top, x + 3.0, top + 10.0, "Helvetica", 10.0))
                x += 3.0
            x += 3.0
    return Page(1, 595.0, 842.0, tuple(chars), image_area=595.0 * 842.0)


@pytest.mark.parametrize(("text", "reocred"), [(CLEAN, False), (MISREAD, True)])
def test_poor_layer_is_read_again(words: frozenset[str], text: str, reocred: bool) -> None:
    """A layer that passes the shape test but reads poorly is OCRed again, with a warning that
    says why; a clean one is kept, with a warning that says how it was judged."""
    pytest.importorskip("PIL")
    from ratsdoc.ocr.step import OcrStep
    from tests.test_ocr_step import WORDS, FakeEngine, FakeRenderer

    engine, renderer = FakeEngine(WORDS), FakeRenderer(hidden_share=1.0)
    step = OcrStep(engine=engine, renderer=renderer)
    lines = step.page_lines(_page(text))
    # A kept layer is read by Tesseract too when it holds a word the list lacks (ocr/layer_mend.py:
    # the clean text's "Fördermittel"); only a poor one is replaced.
    assert bool(engine.modes)
    codes = {w.code: w.message for w in step.warnings}
    if reocred:
        assert [line.text for line in lines] == ["Beschluss des Stadtrates"]
        assert "reads poorly" in codes[IssueCode.OCR_LAYER_NOISY] and '"fur"' in codes[IssueCode.OCR_LAYER_NOISY]
    else:
        assert IssueCode.OCR_LAYER_NOISY not in codes
        assert "100% of its" in codes[IssueCode.OCR_LAYER_USED]
        assert " ".join(line.text for line in lines) == CLEAN


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("Verwal-", "tung", "Verwaltung"),
        ("Kita-", "Ausbau", "Kita-Ausbau"),
        ("Ein-", "und", None),
        ("öffentlich-", "rechtlichen", "öffentlich-rechtlichen"),
        ("Verwaltung", "tung", None),
        ("2023-", "24", None),
    ],
)
def test_join_at_break(before: str, after: str, joined: str | None) -> None:
    """The one rule for a line-end hyphen, and join_lines follows it."""
    assert join_at_break(before, after) == joined
    assert join_lines([before, f"{after} weiter"]) == (f"{joined} weiter" if joined else f"{before} {after} weiter")


def _line(words: list[str], top: float, x: float = 50.0, gap: float = 4.0) -> Line:
    tokens = []
    for word in words:
        tokens.append(Token(word, x, top, x + 6.0 * len(word), top + 10.0, 10.0))
        x += 6.0 * len(word) + gap
    return Line(1, tokens)


def test_hyphenated_words_joined_on_scanned_lines() -> None:
    """'Verwal-' / 'tung' becomes one word on the upper line; a compound keeps its hyphen, a
    suspended compound stays apart, and a line of table cells (wide gaps) is left alone."""
    lines = join_hyphenated(
        [
            _line(["Die", "Verwal-"], 100),
            _line(["tung", "plant", "den", "Kita-"], 112),
            _line(["Ausbau", "mit", "Ein-"], 124),
            _line(["und", "Ausgang."], 136),
        ]
    )
    assert [line.text for line in lines] == ["Die Verwaltung", "plant den Kita-Ausbau", "mit Ein-", "und Ausgang."]
    cells = join_hyphenated([_line(["Personal-", "1.000"], 200, gap=80.0), _line(["kosten", "2.000"], 212, gap=80.0)])
    assert [line.text for line in cells] == ["Personal- 1.000", "kosten 2.000"]
    far = join_hyphenated([_line(["Verwal-"], 300), _line(["tung"], 360)])
    assert [line.text for line in far] == ["Verwal-", "tung"]


def test_a_lone_continuation_line_goes() -> None:
    """A lower line that held only the rest of the word is dropped."""
    lines = join_hyphenated([_line(["Die", "Verwal-"], 100), _line(["tung"], 112)])
    assert [line.text for line in lines] == ["Die Verwaltung"]


def test_the_judged_copy_joins_and_the_layout_keeps_the_division() -> None:
    """The layer is judged with divided words whole; the lines handed on keep the division as
    printed, as born-digital lines do (the fields and the running text join them)."""
    lines = [_line(["Die", "Verwal-"], 100), _line(["tung", "plant"], 112)]
    assert [line.text for line in joined_copy(lines)] == ["Die Verwaltung", "plant"]
    assert [line.text for line in lines] == ["Die Verwal-", "tung plant"]


def test_corrupted_layers_of_the_development_set() -> None:
    """scripts/layer_scans.py corrupts at the rate asked for, reproducibly; rate 0 changes nothing."""
    module = load_script("layer_scans")
    words = CLEAN.split()
    assert module.corrupt(words, 0.0, random.Random(1)) == words
    first = module.corrupt(words, 0.1, random.Random(1))
    assert first == module.corrupt(words, 0.1, random.Random(1)) and first != words


def test_layer_kept_when_tesseract_reads_no_better(words: frozenset[str]) -> None:
    """A poor layer is replaced only by a reading that is better by the same judgment: when
    Tesseract's words are no more German than the layer's, the layer is used after all."""
    pytest.importorskip("PIL")
    from ratsdoc.ocr.engine import OcrWord
    from ratsdoc.ocr.step import OcrStep
    from tests.test_ocr_step import LINE, FakeEngine, FakeRenderer

    garbage = [OcrWord("urn", 100 + 80 * i, 402, 60, 36, *LINE, 90.0) for i in range(30)]
    engine, renderer = FakeEngine(garbage), FakeRenderer(hidden_share=1.0)
    step = OcrStep(engine=engine, renderer=renderer)
    text = " ".join(line.text for line in step.page_lines(_page(MISREAD)))
    assert engine.modes and text == MISREAD
    used = [w.message for w in step.warnings if w.code is IssueCode.OCR_LAYER_USED]
    assert len(used) == 1 and "Tesseract read it no better" in used[0]
    assert not any(w.code is IssueCode.OCR_APPLIED for w in step.warnings)


def test_words_split_by_the_layer_are_joined(words: frozenset[str]) -> None:
    """A kept layer's word split in two is one word again when the whole is German and a half
    is not; two German words, a capital after the gap and a wide gap stay apart."""
    from ratsdoc.ocr.layer_quality import join_split_words

    lines = join_split_words(
        [
            _line(["Die", "Ergeb", "nisse", "der", "Verwal", "tung."], 100),
            _line(["an", "der", "Stelle", "Bürger", "Meister", "der", "be-"], 112),
            _line(["Ergeb", "nisse"], 124, gap=40.0),
        ]
    )
    assert [line.text for line in lines] == [
        "Die Ergebnisse der Verwaltung.",
        "an der Stelle Bürger Meister der be-",
        "Ergeb nisse",
    ]
    assert lines[0].tokens[1].x1 == pytest.approx(lines[0].tokens[1].x0 + 6.0 * 10 + 4.0)
