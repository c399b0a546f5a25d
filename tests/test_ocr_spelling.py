"""Doubt from spelling (extract/ocr_spelling.py): a title, sender or body read on an OCRed page
with a word that is no German word but one misread letter from one gets a ``value_uncertain``
warning naming the field; names, abbreviations, numbers and born-digital text do not."""

from __future__ import annotations

from collections import Counter

import pytest

from ratsdoc.extract import ocr_spelling
from ratsdoc.extract.context import Context
from ratsdoc.extract.ocr_spelling import misspelt_word, slash_read_as_one, split_amount, warn_misspelt
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.models import BBox, Provenance
from ratsdoc.ocr.lexicon import lexicon
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

WORDS = lexicon()
pytestmark = pytest.mark.skipif(WORDS is None, reason="needs the ocr extra (pyspellchecker)")


def _context(values: dict[str, str], *, ocr: bool = True, texts: tuple[str, ...] = ()) -> Context:
    lines = [Line(page=1, tokens=[Token(text=text, x0=70, top=500, x1=400, bottom=512, size=11.0)]) for text in texts]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    for name, value in values.items():
        ctx.fields.values[name] = value
        ctx.fields.provenance[name] = [Provenance(page=1, bbox=BBox(x0=70, top=100, x1=400, bottom=112))]
    return ctx


def _uncertain(ctx: Context) -> dict[str | None, str]:
    return {i.field: i.message for i in ctx.fields.warnings if i.code is IssueCode.VALUE_UNCERTAIN}


@pytest.mark.parametrize(
    ("value", "word", "reading"),
    [
        ("Pianung der Radwege im Ortsteil", "Pianung", "planung"),
        ("Sanierung im Bezirksiathaus Nord", "Bezirksiathaus", "bezirksrathaus"),
        ("Bereitstellung zusätzlicher Mittelim Haushaltsjahr 2025", "Mittelim", "mittel im"),
        ("Sanierung der Turnhalle unfer Beteiligung des Ortsteilrates", "unfer", "unter"),
    ],
)
def test_a_word_one_misread_letter_from_a_german_word_is_found(value: str, word: str, reading: str) -> None:
    assert WORDS is not None
    assert misspelt_word(value, WORDS, Counter()) == (word, reading)


@pytest.mark.parametrize(
    "value",
    [
        "Fraktion BÜNDNIS 90/DIE GRÜNEN in der Bezirksvertretung Am Wald",  # capitals, small words
        "AfD-Fraktion im Rat der Stadt",  # a capital inside: an abbreviation
        "Neubau der Schwimmhalle in der Weimarische Straße",  # a verb's stem leads, an adjective of a name
        "Querungshilfe und Stützmauer am Regenrückhaltebecken Daberstedt",  # compounds, a name
        "Fahrradabstellanlage am Bahnhof Ostend (15/47/44/25)",  # nothing put before a name, numbers
    ],
)
def test_right_values_with_names_and_compounds_are_not_found(value: str) -> None:
    assert WORDS is not None
    assert misspelt_word(value, WORDS, Counter()) is None


def test_only_ocred_fields_are_warned_and_a_name_read_twice_is_not() -> None:
    ctx = _context({"title": "Pianung der Radwege", "originator": "Tiefbauamt", "body": "Bezirksiathaus"})
    warn_misspelt(ctx)
    assert _uncertain(ctx) == {
        "title": "title may be misread: 'Pianung' is no German word, but one misread letter from 'planung'",
        "body": "body may be misread: 'Bezirksiathaus' is no German word, but one misread letter from 'bezirksrathaus'",
    }
    born_digital = _context({"title": "Pianung der Radwege"}, ocr=False)
    warn_misspelt(born_digital)
    assert _uncertain(born_digital) == {}
    # The paper's text holds the word again as the value has it: a name, read the same way twice.
    title = ("Pianung der Radwege",)
    once = _context({"title": title[0]}, texts=title)
    warn_misspelt(once)
    assert set(_uncertain(once)) == {"title"}
    named = _context({"title": title[0]}, texts=(*title, "Der Ortsteil Pianung liegt am Fluss"))
    warn_misspelt(named)
    assert _uncertain(named) == {}


def test_born_digital_papers_do_not_load_the_word_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paper without an OCRed page has nothing to judge: the word list (339,000 words, 0.4 s and
    60 MB once per process) is not loaded for it."""
    import ratsdoc.extract.ocr_spelling as spelling

    def loaded() -> None:
        raise AssertionError("the word list was loaded for a born-digital paper")

    monkeypatch.setattr(spelling, "lexicon", loaded)
    born_digital = _context({"title": "Pianung der Radwege"}, ocr=False)
    assert warn_misspelt(born_digital) == set()


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("Nachtragsangebot der Firma Schneider (15/47/44125)", "15/47/44125"),
        ("Erweiterung der Kindertagesstätte (15/67198/22)", "15/67198/22"),
        ("Nachtragsangebot der Firma Schneider (15/47/44/25)", None),
        ("Vorlage 2024/12345 vom 12/3/2024", None),
    ],
)
def test_a_file_number_with_a_slash_read_as_one(value: str, number: str | None) -> None:
    assert slash_read_as_one(value) == number
    ctx = _context({"title": value})
    warn_misspelt(ctx)
    assert ("title" in _uncertain(ctx)) is (number is not None)


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("Kauf eines Schleppers (voraussichtliche Kosten ca. 284. 500, 00", "4. 500,"),
        ("Kauf eines Schleppers (Kosten ca. 284.500, 00 €)", "500, 00"),
        ("Kauf eines Schleppers (Kosten ca. 284.500,00 €) vom 3. 5. 2024", None),
    ],
)
def test_an_amount_with_a_space_inside(value: str, amount: str | None) -> None:
    assert split_amount(value) == amount
    ctx = _context({"title": value})
    warn_misspelt(ctx)
    assert ("title" in _uncertain(ctx)) is (amount is not None)


def test_a_word_of_small_letters_that_is_no_german_word() -> None:
    assert WORDS is not None
    assert misspelt_word("Kindertagesstätte (voraussi liche Kosten)", WORDS, Counter()) == ("voraussi", "")
    ctx = _context({"title": "Kindertagesstätte (voraussi liche Kosten)"})
    warn_misspelt(ctx)
    assert _uncertain(ctx) == {"title": "title may be misread: 'voraussi' is no German word"}


def test_a_field_already_doubted_is_not_warned_twice() -> None:
    ctx = _context({"title": "Pianung der Radwege"})
    ctx.warn(IssueCode.VALUE_UNCERTAIN, "title may be misread: OCR read 'Pianung' with confidence 32", field="title")
    assert warn_misspelt(ctx) == set()
    assert len([i for i in ctx.fields.warnings if i.field == "title"]) == 1


#: A small word list for the compound rules of the check itself.
_SMALL = frozenset(
    {"schwimmen", "halle", "queren", "hilfe", "weimar", "wem", "arische", "stadt", "planung", "rat", "haus"}
)


@pytest.mark.parametrize(
    "word",
    [
        "schwimmhalle",  # led by a verb's stem
        "querungshilfe",  # led by a noun in "-ung" made of a verb, with a linking "s"
        "weimarische",  # an adjective made of a listed name
        "stadtplanung",  # listed parts
        "wemarische",  # the list's own three-letter parts
    ],
)
def test_the_looser_rule_takes_stems_and_derived_adjectives(word: str) -> None:
    assert ocr_spelling._german(word, _SMALL)


@pytest.mark.parametrize("word", ["xyzhalle", "hallxschwimm", "schwimmhallx", "stadtplanungx"])
def test_the_looser_rule_wants_known_parts(word: str) -> None:
    assert not ocr_spelling._german(word, _SMALL)


@pytest.mark.parametrize(
    ("word", "sure"),
    [
        ("stadtplanung", True),
        ("stadtsplanung", True),  # a linking "s" after a part of four letters
        ("rathaus", False),  # parts of three letters are too short to be sure
        ("wemarische", False),
        ("schwimmhalle", False),  # a verb's stem is no listed word
        ("planunghallestadthaus", False),  # four parts, one more than allowed
        ("planunghallestadt", True),
    ],
)
def test_the_stricter_rule_for_proposed_readings(word: str, sure: bool) -> None:
    assert ocr_spelling._surely_german(word, _SMALL) is sure


@pytest.mark.parametrize(
    ("value", "word", "reading"),
    [
        # German only as a chance compound of three-letter pieces ("bes|chi|uss"), and one misread
        # letter from a listed word.
        ("Kindertagesstätte nach dem Beschiuss vom 02.11.2023", "Beschiuss", "beschluss"),
        # A vowel that lost its dots.
        ("Instandsetzung der Musikschule am Muhlgraben", "Muhlgraben", "mühlgraben"),
    ],
)
def test_a_chance_compound_or_a_word_without_its_dots_is_found(value: str, word: str, reading: str) -> None:
    assert WORDS is not None
    assert misspelt_word(value, WORDS, Counter()) == (word, reading)


def test_a_word_without_its_dots_read_twice_is_still_found() -> None:
    """A scan's font loses the dots wherever the word stands: twice read so is no name."""
    title = "Instandsetzung der Musikschule am Muhlgraben"
    ctx = _context({"title": title}, texts=(title, "Die Musikschule am Muhlgraben ist alt"))
    warn_misspelt(ctx)
    assert _uncertain(ctx) == {
        "title": "title may be misread: 'Muhlgraben' is no German word, but one misread letter from 'mühlgraben'"
    }


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Kauf eines Schleppers mit Mulcher, (voraussichtliche Kosten ca. 284.500,00", "its '(' has no partner"),
        ("Kauf eines Schleppers mit Mulcher voraussichtliche Kosten ca. 284.500,00 €)", "its ')' has no partner"),
        ("Bereitstellung zusätzlicher Mitte1 im Haushaltsjahr 2025", "'Mitte1' mixes letters and digits"),
        ("Haushaltsjahr 2O24", "'2O24' mixes letters and digits"),
        ("Erneuerung der Seniorenbegegnungsstätte in Her Gothaer Straße", "'Her' stands where an article"),
        ("Erneuerung der Seniorenbegegnungsstätte in dcr Gothaer Straße", "'dcr' stands where an article"),
    ],
)
def test_a_lost_sign_a_digit_for_a_letter_or_a_misread_article_is_warned(value: str, why: str) -> None:
    ctx = _context({"title": value})
    warn_misspelt(ctx)
    assert why in _uncertain(ctx)["title"]


@pytest.mark.parametrize(
    "value",
    [
        "Erweiterung der Kindertagesstätte Am Weiher (voraussichtliche Kosten ca. 474.000,00 €) hier: Prüfung",
        "Lärmschutzwand zwischen Am Stadtpark und Uferstraße",
        "Sanierung der Brücke B 96 (Baulos 3a) nach § 24a der Gemeindeordnung",
        "Neubau der Seniorenbegegnungsstätte in der Gothaer Straße",
        "Der Bau der Sporthalle am Dom",
    ],
)
def test_right_values_with_brackets_numbers_and_articles_are_not_warned(value: str) -> None:
    ctx = _context({"title": value})
    warn_misspelt(ctx)
    assert _uncertain(ctx) == {}
