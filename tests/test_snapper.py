"""The one snapper (text/snapper.py): a vocabulary, a confusion table and an error allowance.

The plain snapper (no confusions, the label allowance) serves checkbox labels, month names and
headings; the OCR snapper (the ``snap`` pairs of text/lookalikes.toml, the OCR allowance, no snap
for inflected words) serves types, bodies, roles and labels read on scans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ratsdoc.text.lookalikes import lookalikes, ocr_snapper
from ratsdoc.text.snapper import (
    LABEL_ALLOWANCE,
    LABELS,
    OCR_ALLOWANCE,
    PLAIN,
    Allowance,
    Confusions,
    Snapper,
    at_most,
)

OPTIONS = ["Ja, siehe Sachverhalt", "Ja, siehe Anlage", "Ja, siehe Begründung", "Ja", "Nein", "entfällt"]
GROUPS = [
    "Nachhaltigkeitscontrolling",
    "Demografisches Controlling",
    "Nutzen/Einsparung",
    "Deckung im Haushalt",
    "Fristwahrung",
]
WORDS = ["Anfrage", "Antrag", "Beschlussvorlage", "Mitteilung", "Stadtrat", "Vorberatung", "Entscheidung"]
OCR = ocr_snapper()
#: A small table for the pure tests: "rn" for "m", "1" and "i" for "l", "0" for "o" for "ö".
TABLE = Confusions((("m", "rn"), ("l", "1"), ("l", "i"), ("ö", "o"), ("o", "0")))
TOY = Snapper(TABLE, OCR_ALLOWANCE)


def _levenshtein(a: str, b: str) -> int:
    """Edits between ``a`` and ``b`` (letters lost, added, replaced), the textbook way."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


# -- the plain snapper: every error costs one ---------------------------------------------------


def test_ocr_errors_snap_to_entries() -> None:
    """Misread letters and stray edge marks snap within the bounded errors."""
    assert LABELS.snap("Nachhaltigkcitscontrolling", GROUPS) == "Nachhaltigkeitscontrolling"
    assert LABELS.snap("Demografisches Controlllng", GROUPS) == "Demografisches Controlling"
    assert LABELS.snap("NutzerYEinsparung", GROUPS) == "Nutzen/Einsparung"
    assert LABELS.snap("Deckungim Haushalt", GROUPS) == "Deckung im Haushalt"
    assert LABELS.snap("]Nein", OPTIONS) == "Nein"
    assert LABELS.snap("JNein", OPTIONS) == "Nein"
    assert LABELS.snap("Ja-", OPTIONS) == "Ja"
    assert LABELS.snap("|Nein|", OPTIONS) == "Nein"  # a box edge: no letter without a table
    assert LABELS.snap("Ja, siehe Anlagc", OPTIONS) == "Ja, siehe Anlage"
    assert LABELS.snap("0ffentlich", ["öffentlich", "nicht öffentlich"]) == "öffentlich"


def test_far_or_ambiguous_text_does_not_snap() -> None:
    """Too many errors, two-letter entries with an error, and ties give None."""
    assert LABELS.snap("Haushaltsplan 2024", GROUPS) is None
    assert LABELS.snap("Je", OPTIONS) is None
    assert LABELS.snap("abcd", ["abce", "abcf"]) is None
    assert LABELS.snap("", OPTIONS) is None
    assert LABELS.snap(" .- ", OPTIONS) is None


def test_a_limit_overrides_the_allowance() -> None:
    assert LABELS.snap("Bezirksvertretunq", ["Bezirksvertretung"], limit=1) == "Bezirksvertretung"
    assert LABELS.snap("Bezirksvertrctunq", ["Bezirksvertretung"], limit=1) is None
    assert LABELS.snap("Bezirksvertrctunq", ["Bezirksvertretung"]) == "Bezirksvertretung"
    assert LABELS.snap("Jo", ["Ja"], limit=1) == "Ja"


def test_error_bounds() -> None:
    """Two errors from eight letters up, one below, none for one or two letters."""
    assert LABEL_ALLOWANCE("Stadtrat") == 2
    assert LABEL_ALLOWANCE("Nein") == 1
    assert LABEL_ALLOWANCE("Mai") == 1
    assert LABEL_ALLOWANCE("Ja") == 0
    assert LABELS.errors("Nein", "nein", 0) == 0
    assert LABELS.errors("Neim", "Nein", 1) == 1
    assert LABELS.errors("Naim", "Nein", 1) is None
    assert LABELS.errors("", "x", 1) is None  # nothing read stands for nothing


def test_allowances_grow_by_steps_of_letters() -> None:
    assert [OCR_ALLOWANCE(w) for w in ("Rat", "Antrag", "Beratung", "Mitteilung", "Beschlussvorlage")] == [
        0,
        1,
        1,
        2,
        3,
    ]
    assert OCR_ALLOWANCE("Stadtverordnetenversammlung") == 3
    assert OCR_ALLOWANCE("Bau- und Verkehrsausschuss") == 3  # letters only are counted
    assert at_most(2)("x") == 2 and at_most(0)("Beschlussvorlage") == 0
    assert Allowance(())("Beschlussvorlage") == 0


def test_contains_needs_whole_words() -> None:
    """Words inside running text match fuzzily, but not as parts of longer words."""
    assert LABELS.contains("Stadtrat 20.09.2023 nicht 0ffentlich Entscheidung", "nicht öffentlich")
    assert not LABELS.contains("öffentliche Ordnung", "öffentlich", 0)
    assert LABELS.contains("die Ratsversammlung tagt", "Ratsversammlung", 0)
    assert TOY.contains("die Ratsversarnrnlung tagt", "Ratsversammlung", 0)  # confusions cost nothing


# -- a confusion table ---------------------------------------------------------------------------


def test_a_table_folds_each_reading_to_its_class_sign() -> None:
    assert TABLE.signs == {"rn": "m", "1": "l", "i": "l", "o": "ö", "0": "ö"}
    assert TABLE.skeleton("Rnit 0ber") == TABLE.skeleton("Mit Ober") == "mlt öber"
    assert TABLE.same_shapes("Gerneinde", "Gemeinde")
    assert TABLE.same_shapes("Gemeinde", "Gemelnde")  # "i" and "l" are one sign
    assert not TABLE.same_shapes("Gemeinde", "Gemeinbe")
    assert PLAIN.skeleton("  Rnit  0ber ") == "rnit 0ber"


def test_a_mark_the_table_reads_as_a_letter_is_no_noise() -> None:
    assert PLAIN.fold("|Nein|") == "nein"
    assert Confusions((("l", "|"),)).fold("|Nein|") == "|nein|"
    assert OCR.fold("Anfrage|") == "anfrage|"  # the OCR table reads "|" as "l"


def test_a_reading_is_set_back_to_its_own_printed_shape() -> None:
    assert TABLE.unconfused("T0P") == ["ToP"]  # a "0" among letters is an "o", not an "ö"
    assert "Datum:" in TABLE.unconfused("Daturn:")
    assert "Ölwanne" in TABLE.unconfused("Olwanne")  # a capital reading gives a capital
    assert TABLE.unconfused("xyz") == [] and PLAIN.unconfused("Daturn:") == []
    assert TABLE.unconfused("Daturn: Daturn", reach=7) == ["Datum: Daturn"]


@pytest.mark.parametrize(
    ("pairs", "problem"),
    [
        ((("l", "1"), ("t", "1")), "is read for both"),
        ((("l", "i"), ("i", "l")), "circle"),
        ((("rn", "m"),), "no single shape"),
    ],
)
def test_an_ambiguous_table_is_refused(pairs: tuple[tuple[str, str], ...], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Confusions(pairs)


def test_tables_compare_by_their_pairs() -> None:
    assert Confusions((("m", "rn"),)) == Confusions((("m", "rn"),))
    assert hash(Confusions((("m", "rn"),))) == hash(Confusions((("m", "rn"),)))
    assert Confusions((("m", "rn"),)) != PLAIN


# -- the OCR snapper ----------------------------------------------------------------------------


def test_confusions_cost_nothing_and_other_errors_one_each() -> None:
    assert OCR.errors("Beschlussvor1age", "Beschlussvorlage") == 0
    assert OCR.errors("Gerneinderat", "Gemeinderat") == 0
    assert OCR.errors("Anfrnge", "Anfrage") == 1  # the "rn" fold would make one wrong letter two
    assert OCR.errors("Interpcllation", "Interpellation") == 0  # "cl" is no "d" here
    assert OCR.errors("Mitte", "Mitteilung") is None
    assert LABELS.errors("Beschlussvor1age", "Beschlussvorlage") == 1


def test_an_entry_with_an_ending_or_cut_short_is_no_misreading() -> None:
    assert OCR.match("Anfragen", WORDS) is None
    assert OCR.match("Anfrag", WORDS) is None
    assert Snapper(OCR.confusions, OCR_ALLOWANCE).snap("Anfragen", WORDS) == "Anfrage"


def test_a_match_says_how_sure_it_is() -> None:
    exact = OCR.match("ANFRAGE", WORDS)
    assert exact is not None and not exact.edited and exact.sure
    confused = OCR.match("Anfraqe", WORDS)
    assert confused is not None and confused.confusion_only and confused.sole and confused.sure
    misread = OCR.match("Mitteilunk", WORDS)
    assert misread is not None and misread.errors == 1 and not misread.sure
    near = OCR.match("Änderunqsantrag", ["Änderungsantrag", "Abänderungsantrag"])
    assert near is not None and near.confusion_only and not near.sole and not near.sure


def test_zero_cost_ties_are_not_snapped() -> None:
    # "Mal" reads as "Mai" and as "Mal" at no cost ("i" for "l"): neither.
    assert TOY.match("Mai", ["Mal", "Mai"]) is not None  # read as printed: "Mai"
    assert TOY.match("Ma1", ["Mal", "Mai"]) is None


def test_leading_body_and_find_in() -> None:
    assert OCR.body("Bezirksvertretunq Lindenthal", ["Bezirksvertretung", "Rat"]) == "Bezirksvertretung Lindenthal"
    assert OCR.body("Lindenthal", ["Bezirksvertretung"]) is None
    found = OCR.find_in("Bezirksvertretunq Porz 12.03.2024 Vorberatunq", "Vorberatung")
    assert found is not None and found.edited and found.text == "Vorberatunq" and found.errors == 0
    assert OCR.find_in("des Stadtrates", "Stadtrat") is not None
    assert OCR.find_in("Haushalt 2024", "Vorberatung") is None


# -- properties ----------------------------------------------------------------------------------

SNAPPERS = st.sampled_from([LABELS, OCR, TOY])
VOCABULARIES = st.sampled_from([OPTIONS, GROUPS, WORDS, OPTIONS + GROUPS + WORDS])
_LETTERS = st.text(alphabet="abcdefghiklmnoprstuvwzäöü01|", min_size=0, max_size=14)


@given(snapper=SNAPPERS, vocabulary=VOCABULARIES, data=st.data())
def test_an_entry_snaps_to_itself(snapper: Snapper, vocabulary: list[str], data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from(vocabulary))
    for text in (entry, entry.upper(), f" {entry}. "):
        found = snapper.match(text, vocabulary)
        assert found is not None and found.entry == entry and not found.edited and found.sure


@given(vocabulary=VOCABULARIES, data=st.data())
def test_one_listed_confusion_snaps_back_at_no_cost(vocabulary: list[str], data: st.DataObject) -> None:
    pairs = lookalikes().pairs("snap")
    entries = [e for e in vocabulary if any(p in e.casefold() for p, _ in pairs)]
    entry = data.draw(st.sampled_from(entries))
    printed, read = data.draw(st.sampled_from([(p, r) for p, r in pairs if p in entry.casefold()]))
    at = data.draw(st.sampled_from([i for i in range(len(entry)) if entry.casefold().startswith(printed, i)]))
    misread = entry[:at] + read + entry[at + len(printed) :]
    assert OCR.errors(misread, entry) == 0
    found = OCR.match(misread, vocabulary)
    if found is not None:  # None only where another entry reads as near
        assert found.entry == entry and found.errors == 0
    else:
        rivals = [e for e in vocabulary if e != entry and OCR.errors(misread, e) == 0]
        assert rivals or OCR.match(misread, [entry]) is None  # a tie, or the misreading is an ending


@settings(max_examples=300)
@given(snapper=SNAPPERS, text=_LETTERS, data=st.data())
def test_nothing_under_four_letters_snaps_unless_at_no_cost(snapper: Snapper, text: str, data: st.DataObject) -> None:
    entry = data.draw(st.text(alphabet="abcdefghiklmnoprstuvwz", min_size=1, max_size=3))
    table = snapper.confusions
    found = Snapper(table, OCR_ALLOWANCE).match(text, [entry])
    if found is not None:
        assert found.errors == 0
        assert table.fold(text) == table.fold(entry) or (table != PLAIN and table.same_shapes(text, entry))


@settings(max_examples=300)
@given(snapper=SNAPPERS, text=_LETTERS, vocabulary=VOCABULARIES)
def test_a_snap_is_an_entry_within_its_allowance_and_no_tie(snapper: Snapper, text: str, vocabulary: list[str]) -> None:
    found = snapper.match(text, vocabulary)
    if found is None:
        return
    assert found.entry in vocabulary
    table = snapper.confusions
    if found.errors:
        plain = _levenshtein(table.fold(text), table.fold(found.entry))
        shapes = _levenshtein(table.skeleton(text), table.skeleton(found.entry))
        assert min(plain, shapes) <= snapper.allowance(found.entry)
    for other in vocabulary:
        if table.fold(other) != table.fold(found.entry):
            errors = snapper.errors(text, other)
            assert errors is None or errors > found.errors or not found.edited


@given(text=st.text(max_size=30), vocabulary=VOCABULARIES, snapper=SNAPPERS)
def test_snap_returns_an_entry_or_none(text: str, vocabulary: list[str], snapper: Snapper) -> None:
    assert snapper.snap(text, vocabulary) in [*vocabulary, None]


@given(text=_LETTERS)
def test_the_plain_table_is_the_snapper_without_confusions(text: str) -> None:
    assert PLAIN.skeleton(text) == PLAIN.fold(text)
    assert LABELS.errors(text, "Nein", 1) in (None, 0, 1)


def test_the_text_package_reads_nothing_of_extraction_ocr_or_profiles() -> None:
    """Data flows one way: text/ is used by ocr/ and extract/, never the other way round."""
    import ast
    from pathlib import Path

    import ratsdoc.text

    for source in Path(ratsdoc.text.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level < 2, f"{source.name} imports from the package above: {node.module}"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any(n.startswith(("ratsdoc.extract", "ratsdoc.ocr", "ratsdoc.profile")) for n in names)
