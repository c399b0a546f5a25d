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


#: What each input must give: a document with these fields, or this error class. Both inputs
#: are fuzzed copies of fixtures whose cover survived, so they parse.
EXPECTED: dict[str, Parsed | type[ratsdoc.RatsdocError]] = {
    "fuzz-find-label-past-end": Parsed(page_count=1, number="2024/260", profile="gotha"),
    "fuzz-table-without-columns": Parsed(page_count=1, number="23/2018", profile="generic"),
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
