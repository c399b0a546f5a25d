"""German search folding (``ratsdoc.text.folding``) and search snippets (``ratsdoc.text.snippet``):
examples of every rule, and properties over text hypothesis invents."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ratsdoc.text.folding import fold, fold_fts_query, fold_with_offsets
from ratsdoc.text.snippet import find_matches, make_snippet, query_terms


@pytest.mark.parametrize(
    ("spellings", "canonical"),
    [
        (("Straße", "Strasse", "STRASSE", "STRAẞE", "strasse"), "strasse"),
        (("München", "Muenchen", "MÜNCHEN", "MUENCHEN", "Mu\u0308nchen"), "muenchen"),
        (("Ärger", "Aerger", "ÄRGER", "A\u0308rger"), "aerger"),
        (("Öffentlichkeit", "Oeffentlichkeit", "ÖFFENTLICHKEIT"), "oeffentlichkeit"),
        (("Café", "CAFÉ", "Cafe\u0301"), "cafe"),
        (("Auﬂage", "Auflage"), "auflage"),  # ligature from a PDF font
    ],
)
def test_every_spelling_folds_to_one_form(spellings: tuple[str, ...], canonical: str) -> None:
    assert {fold(spelling) for spelling in spellings} == {canonical}


def test_only_umlauts_are_spelled_out_not_other_diaereses() -> None:
    assert fold("Citroën") == "citroen"  # NFKD drops the diaeresis of e; only a/o/u get "e"
    assert fold("naïve") == "naive"
    assert fold("Feuer") == "feuer"  # a written "ue" stays as it is


def test_offsets_point_at_the_original_characters() -> None:
    folded, origin = fold_with_offsets("Große Straße")
    assert folded == "grosse strasse"
    assert len(origin) == len(folded)
    assert [origin[i] for i in range(len(folded)) if folded[i] == "s"] == [3, 3, 6, 10, 10]
    folded, origin = fold_with_offsets("Mu\u0308nchen")
    assert folded == "muenchen" and origin[:3] == [0, 1, 2]


def test_fts_operators_keep_their_case() -> None:
    assert fold_fts_query('Straße AND "GROßE Brücke" OR NOT Weg NEAR(a b)') == (
        'strasse AND "grosse bruecke" OR NOT weg NEAR(a b)'
    )
    assert fold_fts_query("Andreas ORT Notar") == "andreas ort notar"  # words that only start like one


def test_snippet_marks_the_original_spelling() -> None:
    text = "Zur Sitzung.\nDie Anlieger der Hauptstraße fragen nach der Parkregelung in der Straße."
    snippet = make_snippet(text, query_terms("Strasse"))
    assert snippet is not None
    assert (
        snippet.marked() == "Zur Sitzung. Die Anlieger der Hauptstraße fragen nach der Parkregelung in der **Straße**."
    )
    # a prefix term marks the start of a word only, never the middle ("Hauptstraße")
    assert find_matches("Hauptstraße Straßenbau", ["strasse"]) == [(12, 18)]


def test_a_long_text_is_cut_around_the_match() -> None:
    text = " ".join(["Vorwort"] * 100) + " Die Rückfragen wurden beantwortet. " + " ".join(["Schluss"] * 100)
    snippet = make_snippet(text, query_terms("Rueckfragen"), width=80)
    assert snippet is not None
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) < 120
    assert "**Rückfragen**" in snippet.marked()


def test_query_terms_leave_out_operators_and_syntax() -> None:
    assert query_terms('"Große Straße"* AND -Weg') == ["strasse", "grosse", "weg"]
    assert make_snippet("nichts davon", query_terms("Radweg")) is None


latin = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzäöüßÄÖÜẞéÉ -.\n")), max_size=60)


@given(st.text(max_size=80))
def test_folding_is_idempotent_and_keeps_offsets(text: str) -> None:
    folded, origin = fold_with_offsets(text)
    assert fold(folded) == folded
    assert len(origin) == len(folded)
    assert origin == sorted(origin) and all(0 <= i < len(text) for i in origin)


@given(latin)
def test_case_and_transliteration_do_not_matter(text: str) -> None:
    assert fold(text.upper()) == fold(text) == fold(text.lower())
    spelled = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    assert fold(spelled) == fold(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@given(latin, latin, latin)
@example("", "or", "")  # upper-cased, an FTS5 operator: no search word (see the test below)
def test_a_word_in_a_text_is_found_in_any_spelling(before: str, word: str, after: str) -> None:
    word = "".join(ch for ch in word if ch.isalpha())
    if not word or word.upper() in {"AND", "OR", "NOT", "NEAR"}:
        return
    text = f"{before} {word} {after}"
    spans = find_matches(text, query_terms(word.upper()))
    assert any(fold(text[start:end]).startswith(fold(word)) for start, end in spans)


def test_fts5_operators_are_no_search_words() -> None:
    # "OR" in capitals joins two words of an FTS5 query; it is neither searched nor marked. The
    # test above generated the word "or", upper-cased it and expected it marked.
    assert query_terms("OR") == []
    assert query_terms("Radweg OR Fußweg") == ["fussweg", "radweg"]
    assert query_terms("or") == ["or"]


@given(st.text(alphabet=st.sampled_from(list("aouAOUxß \u0308\u0301äé")), max_size=30) | st.text(max_size=40))
def test_fast_fold_equals_the_fold_with_offsets(text: str) -> None:
    assert fold(text) == fold_with_offsets(text)[0]
