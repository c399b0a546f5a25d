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


def test_differing_word_runs_are_sorted_into_kinds() -> None:
    assert wer.error_kind("Seite 1 von 2", "Seite 1von2") == "space lost"
    assert wer.error_kind("bitten Sie,", "bitten.Sie,") == "punctuation lost or changed"
    assert wer.error_kind("Tag.", "Tag") == "punctuation lost or changed"
    assert wer.error_kind("März", "Marz") == "umlaut or ß"
    assert wer.error_kind("", "Eingang") == "words added (stamp, note, logo, specks)"
    assert wer.error_kind("44/25", "44125") == "digits, slashes, numbers"
    assert wer.error_kind("Tagesordnung", "Tagesardnung") == "letters"


def test_dev_scans_pair_with_their_kept_sources(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bv-scan").mkdir()
    for name in ("bv-scan-001.pdf", "bv-scan-001.source.pdf", "bv-scan-002.pdf"):
        (tmp_path / "bv-scan" / name).write_bytes(b"%PDF-1.4\n")
    assert wer._dev_pairs(tmp_path) == [
        (tmp_path / "bv-scan" / "bv-scan-001.pdf", tmp_path / "bv-scan" / "bv-scan-001.source.pdf")
    ]


def test_dev_mode_prints_plain_tesseract_beside_ratsdoc(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """``--dev DIR --tesseract``: plain Tesseract's CER and WER on the same pages, against the
    same reference, in two more columns."""
    (tmp_path / "bv-scan").mkdir()
    for name in ("bv-scan-001.pdf", "bv-scan-001.source.pdf"):
        (tmp_path / "bv-scan" / name).write_bytes(b"%PDF-1.4\n")
    pages = {"never": {1: ["die", "Verwaltung", "prüft"]}, "auto": {1: ["die", "Verwaltung", "prüft"]}}
    monkeypatch.setattr(wer, "page_words", lambda path, ocr: pages[ocr])
    monkeypatch.setattr(wer, "plain_tesseract_pages", lambda path, cache=None: ["die Verwaltnng prüft\n"])
    assert wer.main_dev(tmp_path, tesseract=True) == 0
    out = capsys.readouterr().out
    assert "CER tesseract | WER tesseract |" in out
    # ratsdoc reads the page right; Tesseract has one letter of 20 and one word of 3 wrong.
    assert "| bv-scan | 1 | 20 | 0.00% | 3 | 0.00% | 5.00% | 33.33% |" in out
