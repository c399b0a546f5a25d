"""The error rates of scripts/ocr_wer.py: CER counts every character, CER* what was read."""

from __future__ import annotations

from .conftest import load_script

wer = load_script("ocr_wer")


def test_the_normalised_text_ignores_where_a_word_was_divided() -> None:
    # A reference that keeps "Verwal-" / "tung" and a reading that joins the word read the same.
    assert wer.normalised("die Verwal-\ntung prüft") == wer.normalised("die Verwaltung prüft")
    assert wer.normalised("die Verwal-tung") == "dieVerwaltung"
    # A hyphen in a compound or before "und" is no division and stays.
    assert wer.normalised("Kita-Ausbau") == "Kita-Ausbau"
    assert wer.normalised("Ein- und Ausgang") == "Ein-undAusgang"
    assert wer.normalised("„Frauen“ – 12") == '"Frauen"-12'


def test_error_rates_count_raw_and_normalised_characters() -> None:
    raw, chars, words, n_words, folded, n_folded = wer.error_rates("die Verwal- tung prüft", "die Verwaltung prüft")
    assert (raw, chars) == (2, 22) and (words, n_words) == (2, 4)
    assert (folded, n_folded) == (0, 18)
