"""The one item parser of requests (extract/items.py), shared by the profile path and the
generic reader: numbering styles, sub-items, paragraphs, bullets, and a property test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ratsdoc.extract.items import GENERIC, PROFILE, Numbering, kind, read_items, split_number
from ratsdoc.layout.lines import Line
from ratsdoc.text.normalize import join_lines

from .test_generic_reader import line


def _apart(word: str, rest: str, top: float = 100.0) -> Line:
    """``word`` and then ``rest`` after a tab-wide gap (twice the font size)."""
    number = line(top, word)
    return Line(1, [*number.tokens, *line(top, rest, x=number.x1 + 22.0).tokens])


def _gap(prev: Line | None, ln: Line) -> bool:
    return prev is None or ln.top - prev.bottom > 6


def _texts(lines: list[Line], numbering: Numbering = GENERIC) -> list[tuple[str | None, str]]:
    return [(n, join_lines(parts)) for n, parts, _ in read_items(lines, numbering, _gap)]


@pytest.mark.parametrize(
    ("word", "numbering", "number"),
    [
        ("1.", GENERIC, "1"),
        ("2)", GENERIC, "2"),
        ("3.)", GENERIC, "3"),
        ("a)", GENERIC, "a"),
        ("b.", GENERIC, "b"),
        ("IV.", GENERIC, "IV"),
        ("01", GENERIC, None),  # the generic reader wants the punctuation
        ("01", PROFILE, "01"),  # a profile's bare number
        ("a", PROFILE, "a"),
        ("IV", PROFILE, None),  # a bare roman numeral is a word ("IV" of a name)
        ("1.1", GENERIC, None),
        ("Der", GENERIC, None),
    ],
)
def test_numbers_of_every_style(word: str, numbering: Numbering, number: str | None) -> None:
    found, words = split_number(_apart(word, "Der Rat beschließt."), numbering)
    assert found == number
    assert [t.text for t in words][-3:] == ["Der", "Rat", "beschließt."]


def test_a_number_not_set_apart_is_text() -> None:
    # "1. Satz" with a normal space counts for the generic reader, not with a profile's tab gap.
    assert split_number(line(100, "1. Der Rat"), GENERIC)[0] == "1"
    assert split_number(line(100, "1. Der Rat"), PROFILE)[0] is None
    assert split_number(Line(1, []), GENERIC) == (None, ())


def test_numbered_items_with_wrapped_lines() -> None:
    lines = [line(100, "1. Der Rat beschließt"), line(114, "die Satzung."), line(128, "2. Sie gilt ab Mai.")]
    assert _texts(lines) == [("1", "Der Rat beschließt die Satzung."), ("2", "Sie gilt ab Mai.")]


@pytest.mark.parametrize("sub", ["a)", "a.", "b)"])
def test_lettered_sub_items_stay_inside_their_item(sub: str) -> None:
    lines = [line(100, "1) Der Rat beschließt:"), line(114, f"{sub} den Plan,"), line(128, "2) Die Frist endet.")]
    assert _texts(lines) == [("1", f"Der Rat beschließt: {sub.rstrip('.)')}) den Plan,"), ("2", "Die Frist endet.")]


def test_lettered_items_at_the_top_are_items() -> None:
    lines = [line(100, "a) Der Rat beschließt."), line(114, "b) Die Satzung gilt.")]
    assert _texts(lines) == [("a", "Der Rat beschließt."), ("b", "Die Satzung gilt.")]


def test_roman_items_with_numbered_sub_items() -> None:
    lines = [line(100, "I. Haushalt"), line(114, "1. Mittel bereitstellen"), line(128, "II. Satzung")]
    assert _texts(lines) == [("I", "Haushalt 1) Mittel bereitstellen"), ("II", "Satzung")]


def test_unnumbered_paragraphs_are_items_and_wrapped_lines_stay() -> None:
    lines = [line(100, "Der Rat beschließt"), line(114, "den Plan."), line(150, "Er gilt ab Mai.")]
    assert _texts(lines) == [(None, "Der Rat beschließt den Plan."), (None, "Er gilt ab Mai.")]


def test_a_paragraph_after_a_numbered_item_goes_on_inside_it() -> None:
    lines = [line(100, "1. Der Rat beschließt den Plan."), line(150, "Er gilt ab Mai.")]
    assert _texts(lines) == [("1", "Der Rat beschließt den Plan. Er gilt ab Mai.")]


def test_bullets_under_an_item_stay_inside_it_and_alone_are_items() -> None:
    inside = [line(100, "1. Der Rat beschließt:"), line(114, "- den Plan"), line(128, "- die Frist")]
    assert _texts(inside) == [("1", "Der Rat beschließt: - den Plan - die Frist")]
    alone = [line(100, "- den Plan"), line(130, "- die Frist")]
    assert _texts(alone) == [(None, "- den Plan"), (None, "- die Frist")]


def test_the_heading_line_text_leads_and_empty_items_go() -> None:
    head = line(80, "Beschluss: Der Rat beschließt.")
    lead = [(None, ["Der Rat beschließt."], [head])]
    lines = [line(110, "1."), line(124, "2. Die Satzung gilt.")]
    assert [(n, join_lines(p)) for n, p, _ in read_items(lines, GENERIC, _gap, lead)] == [
        (None, "Der Rat beschließt."),
        ("2", "Die Satzung gilt."),
    ]


def test_kinds() -> None:
    assert (kind("12"), kind("IV"), kind("b")) == ("digit", "roman", "letter")


_WORDS = st.sampled_from(["Der", "Rat", "beschließt", "den", "Plan.", "Frist", "1.", "a)", "2)", "-", "IV."])


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.lists(_WORDS, min_size=1, max_size=6), max_size=10), gaps=st.lists(st.booleans(), max_size=10))
def test_no_word_is_lost_or_invented_and_every_line_is_in_one_item(rows: list[list[str]], gaps: list[bool]) -> None:
    lines, top = [], 100.0
    for k, words in enumerate(rows):
        top += 30.0 if k < len(gaps) and gaps[k] else 14.0
        lines.append(line(top, " ".join(words)))
    items = read_items(lines, GENERIC, _gap)
    used = [ln for _, _, where in items for ln in where]
    assert len(used) == len({id(ln) for ln in used})  # no line in two items
    for number, parts, _ in items:
        assert join_lines(parts)  # no empty item
        assert number is None or number in {"1", "a", "2", "IV"}
    # Every word of every line that ended in an item is in its text (numbers as "n)" or the number).
    for _, parts, lines_of in items:
        text = " ".join(parts)
        for ln in lines_of:
            for word in ln.words[1:]:
                assert word.text in text


def test_a_line_back_at_the_margin_on_the_next_page_ends_a_hanging_list() -> None:
    # Office frames, seed 7, paper 25: the last item wraps at the hanging indent and ends its
    # question at the page's foot; the next page goes on at the margin with the closing request.
    first = _apart("1)", "Wie ist der Stand der Planung?", top=700)
    text_x = first.words[1].x0
    lines = [
        first,
        _apart("2)", "Ist die Verwaltung bereit, die Vorgaben", top=716),
        line(730, "öffentlich zugänglich zu machen?", x=text_x),
        line(60, "Wir bitten um schriftliche Beantwortung bis zur Sitzung.", page=2),
    ]
    assert _texts(lines) == [
        ("1", "Wie ist der Stand der Planung?"),
        ("2", "Ist die Verwaltung bereit, die Vorgaben öffentlich zugänglich zu machen?"),
    ]
    # An item that wrapped at the margin gives no sign: the line goes on with it.
    flush = [first, _apart("2)", "Ist die Verwaltung bereit?", top=716), line(730, "Ja, sie ist es.")]
    assert len(_texts([*flush, line(60, "Wir bitten um Antwort.", page=2)])) == 2
