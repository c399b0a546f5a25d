"""Born-digital papers whose text layer cannot be read (the ``garbled-layer`` family of
scripts/generate_variants.py): fonts without a /ToUnicode map or with a wrong one are found
(:mod:`ratsdoc.ocr.garbled`), their words read by OCR and decoded glyph by glyph; a readable
font on the same page keeps its text, and with OCR off the unreadable words are left out with a
warning instead of being taken for the paper's."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

import ratsdoc
from ratsdoc.budget import make_budget
from ratsdoc.input import load_input
from ratsdoc.issues import IssueCode
from ratsdoc.layout.model import Char, EngineLimits, Page
from ratsdoc.layout.pdfium_engine import PdfiumSource
from ratsdoc.models import ParseResult
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr.engine import OcrWord
from ratsdoc.ocr.garbled import FontVerdict, font_words, judge_font, learn_codes, segments, unreadable_fonts
from ratsdoc.options import ParseOptions

from .conftest import assert_case_reads_as_generated, load_script

HAVE_TESSERACT = ocr_engine.find_engine() is not None
needs_tesseract = pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with German data is not installed")
ROOT = Path(__file__).resolve().parents[1]
ERLANGEN = ROOT / "fixtures" / "letter-erlangen-2020-antrag-spd.pdf"
BODY = (
    "Die Verwaltung wird beauftragt, die Ergebnisse der Verkehrszählung bis zum Herbst vorzulegen. "
    "Der Ausschuss für Stadtentwicklung und Umwelt ist halbjährlich über den Stand der Umsetzung zu informieren."
)


def _shift(text: str, k: int = 1) -> str:
    return "".join(chr(ord(c) + k) for c in text)


@pytest.mark.parametrize(
    "text",
    [
        _shift("Antrag der Fraktion zur Sanierung der Grundschule am Marktplatz"),  # "Bousbh!efs!..."
        _shift(BODY, 29),
        "".join(f"(cid:{ord(c) % 40})" for c in "Antrag der Fraktion zur Sanierung"),
        "".join(chr(0xF000 + ord(c)) for c in BODY[:60]),
        BODY.translate(str.maketrans("abcdefghijklmnopqrstuvwxyz", "qwertzuiopasdfghjklyxcvbnm")),
        BODY.translate(str.maketrans("abcdeilmnorstu", "†‡¶•◊∆≈≠≤≥∂∑∏π")),
    ],
    ids=["shift", "shift-29", "cid", "pua", "substitution", "symbols"],
)
def test_a_wrong_or_missing_map_is_unreadable(text: str) -> None:
    verdict = judge_font(text)
    assert verdict is not None and verdict.whole


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Antrag: Sanierung der Gemeinschaftsschule in der Gothaer Straße",
        "Beschlussvorschlag: Sachverhalt: Finanzielle Auswirkungen: Anlagen:",
        "Ulrike Hoffmann Beat Schulz Fraktionssprecherin",
        "☐ ☒ ☐ ☐ ☒ ☐ ☒ ☐ ☐ ☒ ☐ ☐ ☒",  # checkbox glyphs of a text font
        "(cid:1) (cid:1) (cid:1)",  # icons without a map, each alone
        "\uf0b7 \uf0b7 \uf0b7 \uf0b7 \uf0b7",  # bullets of a symbol font
        "Aufwand 294.500,00 € 298.000,00 € 404.500,00 € Ertrag 90.000,00 €",
    ],
)
def test_german_text_and_lone_icons_are_readable(text: str) -> None:
    assert judge_font(text) is None


def test_a_few_unmapped_glyphs_inside_words_mark_only_their_words() -> None:
    verdict = judge_font("Fraktion Freie W\x01hler im Rat der Stadt F\x02rth zur Sitzung des Stadtrates")
    assert verdict is not None and not verdict.whole


def _char(text: str, x0: float, top: float = 100.0, font: str = "Carlito-Bold", size: float = 10.0) -> Char:
    return Char(text, x0, top, x0 + 5.0, top + size, font, size)


def _line(text: str, x0: float = 72.0, top: float = 100.0, font: str = "Carlito-Bold") -> list[Char]:
    return [_char(ch, x0 + 5.0 * i, top, font) for i, ch in enumerate(text)]


def test_a_short_font_unreadable_on_an_earlier_page_stays_so() -> None:
    page = Page(2, 595.0, 842.0, tuple(_line(_shift("Anlagen"))))
    assert unreadable_fonts(page) == {}
    before = {"Carlito-Bold": FontVerdict("a wrong mapping: no German words", True)}
    assert set(unreadable_fonts(page, before)) == {"Carlito-Bold"}


def test_glyph_codes_are_learnt_from_the_words_ocr_read() -> None:
    # "Bousbh!efs" drawn at 5 pt a glyph; OCR read "Antrag" and "der" over it (300 dpi). Each code
    # is given the letter read at its place, the blank one between the words a space.
    chars = _line(_shift("Antrag der"))
    page = Page(1, 595.0, 842.0, tuple(chars))
    verdicts = {"Carlito-Bold": FontVerdict("a wrong mapping: no German words", True)}
    (word,) = font_words(page, verdicts)
    scale = 300 / 72

    def read(text: str, first: int) -> OcrWord:
        left = round((72.0 + 5.0 * first) * scale)
        return OcrWord(text, left, 417, round(5.0 * len(text) * scale) - 2, 42, 417, 459, 95.0)

    words = [read("Antrag", 0), read("der", 7)]
    # The space glyph "!" has no ink: it votes for a space; the others are letters.
    codes = learn_codes([segments(word, words, scale, lambda char: char.text != "!")], words)
    assert {code[1]: letter for code, letter in codes.items()} == {
        "B": "A",
        "o": "n",
        "u": "t",
        "s": "r",
        "b": "a",
        "h": "g",
        "!": " ",
        "e": "d",
        "f": "e",
    }


def _page(path: Path) -> Page:
    source = PdfiumSource(
        load_input(path, max_file_size=10**9), budget=make_budget(ParseOptions(), None), limits=EngineLimits()
    )
    try:
        return next(iter(source.pages()))
    finally:
        source.close()


def _parse(path: Path, **options: object) -> ParseResult:
    (result,) = ratsdoc.parse_many([path], ParseOptions.model_validate(options))
    assert result.document is not None, result.error
    return result


def _without_maps(source: Path, out: Path, fonts: str = "all") -> Path:
    """``source`` with the /ToUnicode of its fonts deleted (``fonts``: "all" or "bold" only)."""
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            for font in page.obj.Resources.Font.values():
                if fonts == "all" or "Bold" in str(font.get("/BaseFont")):
                    del font["/ToUnicode"]
        pdf.save(out)
    return out


def test_good_fixtures_have_no_unreadable_font() -> None:
    for pdf in sorted((ROOT / "fixtures").glob("*.pdf")):
        source = PdfiumSource(
            load_input(pdf, max_file_size=10**9), budget=make_budget(ParseOptions(), None), limits=EngineLimits()
        )
        try:
            for page in source.pages():
                found = {font: v for font, v in unreadable_fonts(page).items() if v.whole}
                assert found == {}, (pdf.name, page.number, found)
        finally:
            source.close()


def test_ocr_off_leaves_the_unreadable_words_out_and_says_so(tmp_path: Path) -> None:
    pdf = _without_maps(ERLANGEN, tmp_path / "erlangen.pdf")
    result = _parse(pdf, ocr="never")
    assert result.document is not None
    assert "(cid:" not in result.document.text
    unread = [i for i in result.issues if i.code is IssueCode.TEXT_LAYER_UNREAD]
    assert unread and "OCR is off" in unread[0].message


@needs_tesseract
def test_a_layer_without_maps_is_read_by_ocr(tmp_path: Path) -> None:
    golden = json.loads(ERLANGEN.with_suffix(".json").read_text(encoding="utf-8"))
    result = _parse(_without_maps(ERLANGEN, tmp_path / "erlangen.pdf"))
    paper = result.document
    assert paper is not None
    for name in ("title", "document_type", "originator", "date", "resolution_proposal", "justification"):
        assert paper.model_dump(mode="json")[name] == golden[name], name
    assert [i.code for i in result.issues].count(IssueCode.TEXT_LAYER_READ) == 1


@needs_tesseract
def test_a_readable_font_keeps_its_text_beside_an_unreadable_one(tmp_path: Path) -> None:
    pdf = _without_maps(ERLANGEN, tmp_path / "bold.pdf", fonts="bold")
    page = _page(pdf)
    assert {font for font, v in unreadable_fonts(page).items() if v.whole} == {
        next(c.fontname for c in page.chars if "Bold" in c.fontname)
    }
    result = _parse(pdf)
    golden = json.loads(ERLANGEN.with_suffix(".json").read_text(encoding="utf-8"))
    assert result.document is not None
    assert result.document.title == golden["title"]
    assert result.document.justification == golden["justification"]


def test_the_generator_breaks_the_layer_and_keeps_the_golden(tmp_path: Path) -> None:
    module = load_script("garbled_layer")
    convert = module.wrong_map("shift", __import__("random").Random(1))
    out = tmp_path / "shifted.pdf"
    with pikepdf.open(ERLANGEN) as pdf:
        for page in pdf.pages:
            for font in page.obj.Resources.Font.values():
                assert module.break_font(pdf, font, "shift", convert)
        pdf.save(out)
    text = "".join(c.text for c in _page(out).chars)
    assert "Antrag" not in text
    assert set(unreadable_fonts(_page(out))) == {c.fontname for c in _page(out).chars}


#: Development variants, each read wrong before (docs/evaluation.md, "Born-digital papers whose
#: text layer cannot be read"): a reportlab letter whose fonts lost their maps, the umlauts read
#: as control characters (5/3); a paper whose regular font lost its map and whose bold one kept
#: it (5/23); papers whose maps give wrong characters for every glyph (7/2, 7/8).
CASES = ("5/3", "5/23", "7/2", "7/8")
FIELDS = [
    "number",
    "title",
    "document_type",
    "originator",
    "date",
    "consultations",
    "resolution_proposal",
    "attachments",
    "justification",
]


@needs_tesseract
@pytest.mark.parametrize("case", CASES)
def test_a_garbled_paper_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("garbled_layer", "garbled-layer", case, tmp_path, FIELDS)
