"""Inputs that once raised uncaught exceptions now give a result or a typed error."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import ratsdoc

from .conftest import FIXTURES

INPUTS = sorted((FIXTURES / "regressions").glob("*.pdf"))


@dataclass(frozen=True)
class Parsed:
    """The outcome of an input that parses: its page count and key fields."""

    page_count: int
    number: str | None
    profile: str


#: What each input must give: a document with these fields, or this error class. The fuzzed
#: inputs are copies of fixtures whose cover survived, so they parse.
EXPECTED: dict[str, Parsed | type[ratsdoc.RatsdocError]] = {
    "fuzz-broken-font-dictionary": Parsed(page_count=1, number=None, profile="letter"),
    "fuzz-broken-page-tree-root": Parsed(page_count=1, number="0312/24", profile="erfurt"),
    "fuzz-find-label-past-end": Parsed(page_count=1, number="2024/260", profile="gotha"),
    "fuzz-line-of-marks-only": Parsed(page_count=3, number="0112/23", profile="erfurt"),
    "fuzz-rule-to-infinity": Parsed(page_count=3, number=None, profile="generic"),
    # "Beantwortung zur Anfrage 23/2018" cites the question answered: no number of its own, as
    # the intact paper's golden (letter-erlangen-2018-beantwortung-anfrage) has it.
    "fuzz-table-without-columns": Parsed(page_count=1, number=None, profile="generic"),
    "libreoffice-ligatures": Parsed(page_count=2, number="0815/23", profile="erfurt"),
}


def test_there_are_regression_inputs() -> None:
    assert len(INPUTS) >= 2


def test_every_regression_input_has_an_expectation() -> None:
    assert sorted(p.stem for p in INPUTS) == sorted(EXPECTED)


@pytest.mark.parametrize(("stem", "expected"), [pytest.param(s, e, id=s) for s, e in sorted(EXPECTED.items())])
def test_regression_input_is_handled(stem: str, expected: Parsed | type[ratsdoc.RatsdocError]) -> None:
    pdf = FIXTURES / "regressions" / f"{stem}.pdf"
    if isinstance(expected, Parsed):
        document = ratsdoc.parse(pdf, max_seconds=30)
        assert Parsed(document.page_count, document.number, document.profile.name) == expected
    else:
        with pytest.raises(expected) as info:
            ratsdoc.parse(pdf, max_seconds=30)
        assert str(info.value).startswith(str(pdf))


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_ligature_glyphs_read_as_letters(engine: str) -> None:
    """LibreOffice sets "ff", "ft", "fi", "ti" in Carlito as one glyph each, mapped to both letters.
    PDFium used to hand out the letters stacked on the glyph's box, which split the word
    ("Auskunf t") or dropped a letter as a fake-bold duplicate ("öfentlich", so ``public`` was
    None); pdfminer kept "ff" as one char. Both engines must give the words whole."""
    document = ratsdoc.parse(FIXTURES / "regressions" / "libreoffice-ligatures.pdf", engine=engine, max_seconds=30)
    assert document.public is False  # "nicht öffentlich"
    labels = [group.label for group in document.checkboxes]
    assert "Nachhaltigkeitscontrolling" in labels
    assert "Demografisches Controlling" in labels
    assert document.justification is not None
    assert "ohne verbindliche Auskunft." in document.justification
