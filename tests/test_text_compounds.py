"""Splitting German compounds into known parts (text/compounds.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ratsdoc.text.compounds import split_compound, stems

KNOWN = frozenset({"haus", "haushalt", "halt", "mittel", "bund", "land", "plan", "ung"})


def _known(part: str) -> bool:
    return part in KNOWN


def _linked(head: str) -> bool:
    return any(stem in KNOWN for stem in stems(head, ("s", "es")))


def test_a_whole_known_word_is_one_part() -> None:
    assert split_compound("mittel", _known, _known, min_part=3, max_parts=4) == ("mittel",)


def test_a_word_of_known_parts_splits_into_them() -> None:
    assert split_compound("landmittel", _known, _known, min_part=3, max_parts=4) == ("land", "mittel")


def test_the_shortest_head_that_leaves_a_compound_wins() -> None:
    # "haus|halt|mittel" before "haushalt|mittel": the first cut that works is taken.
    assert split_compound("haushaltmittel", _known, _known, min_part=3, max_parts=4) == ("haus", "halt", "mittel")


def test_max_parts_bounds_the_split() -> None:
    assert split_compound("haushaltmittel", _known, _known, min_part=3, max_parts=2) == ("haushalt", "mittel")
    assert split_compound("haushaltmittel", _known, _known, min_part=3, max_parts=1) is None
    assert split_compound("landplanmittel", _known, _known, min_part=3, max_parts=2) is None


@pytest.mark.parametrize("max_parts", [1, 0, -1])
def test_below_two_parts_only_a_whole_word_counts(max_parts: int) -> None:
    assert split_compound("mittel", _known, _known, min_part=3, max_parts=max_parts) == ("mittel",)
    assert split_compound("landmittel", _known, _known, min_part=3, max_parts=max_parts) is None


def test_parts_shorter_than_min_part_are_not_split_off() -> None:
    # "plan|ung" has a part of three letters: allowed from three, not from four.
    assert split_compound("planung", _known, _known, min_part=3, max_parts=2) == ("plan", "ung")
    assert split_compound("planung", _known, _known, min_part=4, max_parts=2) is None


def test_a_word_too_short_for_two_parts_is_not_split() -> None:
    assert (
        split_compound("abcde", lambda p: p in {"ab", "cde"}, lambda h: h in {"ab", "cde"}, min_part=3, max_parts=2)
        is None
    )


def test_the_head_and_the_last_part_have_their_own_tests() -> None:
    def whole(part: str) -> bool:
        return part == "mittel"

    def head(part: str) -> bool:
        return part == "haus"

    assert split_compound("hausmittel", whole, head, min_part=3, max_parts=2) == ("haus", "mittel")
    assert split_compound("mittelhaus", whole, head, min_part=3, max_parts=2) is None
    assert split_compound("haushaus", whole, head, min_part=3, max_parts=2) is None


def test_a_linking_element_stays_with_its_head() -> None:
    assert split_compound("haushaltsmittel", _known, _linked, min_part=3, max_parts=2) == ("haushalts", "mittel")
    assert split_compound("bundesland", _known, _linked, min_part=3, max_parts=2) == ("bundes", "land")
    # Without the linking element allowed the word is none.
    assert split_compound("bundesland", _known, _known, min_part=3, max_parts=2) is None


def test_no_split_when_no_head_fits() -> None:
    assert split_compound("xyzmittel", _known, _known, min_part=3, max_parts=4) is None
    assert split_compound("", _known, _known, min_part=3, max_parts=4) is None


def test_stems_give_the_head_first_then_without_each_linking_element() -> None:
    assert list(stems("bundes", ("s", "es"))) == ["bundes", "bunde", "bund"]
    assert list(stems("haushalt", ("s", "es"))) == ["haushalt"]
    assert list(stems("haushalts", ("s", "es"))) == ["haushalts", "haushalt"]
    assert list(stems("plans", ())) == ["plans"]


def test_stems_keep_min_stem_letters() -> None:
    assert list(stems("lands", ("s",), min_stem=4)) == ["lands", "land"]
    assert list(stems("lands", ("s",), min_stem=5)) == ["lands"]
    assert list(stems("es", ("es",))) == ["es"]
    assert list(stems("es", ("es",), min_stem=0)) == ["es", ""]


def test_an_empty_linking_element_gives_no_reading() -> None:
    assert list(stems("haus", ("",))) == ["haus"]


_PART = st.text(alphabet="abcdeäöüß", min_size=3, max_size=8)


@given(parts=st.lists(_PART, min_size=1, max_size=4))
def test_a_word_made_of_known_parts_splits_and_the_parts_rejoin_to_it(parts: list[str]) -> None:
    known = frozenset(parts)
    word = "".join(parts)
    found = split_compound(word, known.__contains__, known.__contains__, min_part=3, max_parts=len(parts))
    assert found is not None
    assert "".join(found) == word
    assert all(part in known for part in found)
    assert len(found) <= len(parts)


@given(head=_PART, link=st.sampled_from(["s", "es"]), tail=_PART)
def test_a_linked_compound_splits_with_the_link_on_its_head(head: str, link: str, tail: str) -> None:
    known = frozenset({head, tail})
    word = head + link + tail

    def linked(part: str) -> bool:
        return any(stem in known for stem in stems(part, ("s", "es")))

    found = split_compound(word, known.__contains__, linked, min_part=3, max_parts=2)
    assert found is not None
    assert "".join(found) == word


@given(
    word=st.text(alphabet="abs", max_size=14),
    known=st.frozensets(st.text(alphabet="abs", min_size=1, max_size=6), max_size=12),
    min_part=st.integers(min_value=1, max_value=4),
    max_parts=st.integers(min_value=1, max_value=4),
)
def test_any_split_found_rejoins_and_keeps_its_bounds(
    word: str, known: frozenset[str], min_part: int, max_parts: int
) -> None:
    found = split_compound(word, known.__contains__, known.__contains__, min_part=min_part, max_parts=max_parts)
    if found is None:
        assert word not in known
        return
    assert "".join(found) == word
    assert len(found) <= max_parts
    assert all(part in known for part in found)
    if len(found) > 1:
        assert all(len(part) >= min_part for part in found)
