"""Vorlagen that change a by-law with a synopsis of its old and new wording (the ``satzung-synopse``
family of scripts/generate_variants.py): a synopsis inside the Begründung is read as a table,
row by row, never interleaved into the text; one after the signature is an attachment; the
proposal's sentence wrapped before "Anlage 1." keeps its number."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.generic.proposal import read_items
from ratsdoc.extract.sections import _lone_gap, _wrapped_rows
from ratsdoc.extract.tables import learn_columns, read_rows
from ratsdoc.layout.gutter import row_synchronous
from ratsdoc.layout.lines import Line

from .conftest import assert_case_reads_as_generated, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "originator",
    "date",
    "consultations",
    "resolution_proposal",
    "attachments",
    "justification",
    "page_count",
]

#: Development variants, each read wrong before: a synopsis of three ruled columns whose every
#: cell wraps, read a line a row (5/4); two unruled columns read as running text, old and new
#: wording interleaved (5/6); two ruled columns whose rows were read as one line each, with the
#: header row as a paragraph (5/11); the lead into the synopsis joined to the paragraph above, the
#: paragraphs' spacing learnt from the table's rows (5/18); "... der Fassung der Anlage" over a
#: lone "2." that was dropped as an empty item (5/18, 7/19); a page holding only the synopsis read
#: column by column (5/30); a Word table's bold header joined to its first row (7/15); a Word
#: table without padding whose "(neu)" row was joined to the row above (7/40); one attached after
#: the signature (5/2); the lead into an unruled synopsis of two columns joined to the paragraph
#: above, the spacing learnt from the table's header and first row (5/58, and 7/5 for a synopsis
#: whose first row's cells stand too close to part).
CASES = ("5/4", "5/6", "5/11", "5/18", "7/19", "5/30", "7/15", "7/40", "5/2", "5/58", "7/5")


@pytest.mark.parametrize("case", CASES)
def test_a_synopsis_paper_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("satzung_synopse", "satzung-synopse", case, tmp_path, FIELDS)


def _row(top: float, cells: list[tuple[float, str]]) -> Line:
    return text_line(top, cells)


def test_wrapped_cells_of_rows_set_apart_stay_in_their_row() -> None:
    # Two rows of a synopsis, every column wrapping, the rows 20 pt apart, a cell's lines 12 pt.
    lines = [
        _row(100, [(70, "§ 3 Gebühr (1) Die"), (250, "§ 3 Gebühr (1) Die"), (430, "Anpassung.")]),
        _row(112, [(70, "Gebühr beträgt 5 Euro."), (250, "Gebühr beträgt 6 Euro.")]),
        _row(132, [(70, "§ 4 Frist (2) Die"), (250, "§ 4 Frist (2) Die"), (430, "Klarstellung.")]),
        _row(144, [(70, "Frist beträgt 7 Tage."), (250, "Frist beträgt 5 Tage.")]),
        _row(164, [(70, "§ 5 Ende Die Satzung"), (250, "entfällt"), (430, "Entbehrlich.")]),
        _row(176, [(70, "tritt außer Kraft.")]),
    ]
    assert read_rows(lines, learn_columns(lines)) == [
        "§ 3 Gebühr (1) Die Gebühr beträgt 5 Euro. | § 3 Gebühr (1) Die Gebühr beträgt 6 Euro. | Anpassung.",
        "§ 4 Frist (2) Die Frist beträgt 7 Tage. | § 4 Frist (2) Die Frist beträgt 5 Tage. | Klarstellung.",
        "§ 5 Ende Die Satzung tritt außer Kraft. | entfällt | Entbehrlich.",
    ]


def test_rows_at_one_pitch_stay_a_line_each() -> None:
    lines = [_row(100 + 12 * k, [(70, f"Zeile {k}"), (250, "Wert"), (430, "Jahr")]) for k in range(6)]
    assert len(read_rows(lines, learn_columns(lines))) == 6


def test_a_first_cell_that_ended_does_not_start_again_in_its_row() -> None:
    # A Word table without padding: the rows stand at the lines' pitch; "(neu)" opens a row after
    # a line whose first cell was empty.
    lines = [
        _row(100, [(70, "Alt"), (250, "Neu"), (430, "Warum")]),
        _row(124, [(70, "§ 3 Maßstab ist"), (250, "§ 3 Maßstab ist"), (430, "Urteil.")]),
        _row(136, [(70, "die Länge."), (250, "die Fläche der")]),
        _row(148, [(250, "Grundstücke.")]),
        _row(160, [(70, "(neu)"), (250, "§ 4 Satz ist 5 Euro."), (430, "Neu.")]),
        _row(184, [(70, "§ 5 Dienst"), (250, "entfällt"), (430, "Entbehrlich.")]),
    ]
    rows = read_rows(lines, learn_columns(lines))
    assert rows[2] == "(neu) | § 4 Satz ist 5 Euro. | Neu."


def test_wrapped_cells_of_rows_at_one_pitch_stay_in_their_row() -> None:
    # Regression: a Word synopsis without padding, every column wrapping, read a line a row
    # (silent). A cell whose next word would not have fitted, its sentence unfinished or the text
    # below opening in lower case ('bis zum 15.' / 'eines Monats'), goes on under it.
    lines = [
        _row(100, [(70, "Geltende Fassung"), (250, "Neue Fassung"), (430, "Anmerkung")]),
        _row(
            112, [(70, "§ 3 Ermäßigung Für das zweite"), (250, "§ 3 Ermäßigung Für das zweite"), (430, "Entlastung.")]
        ),
        _row(124, [(70, "Kind ermäßigt sich der Betrag"), (250, "Kind ermäßigt sich der Betrag")]),
        _row(136, [(70, "um 27 Prozent."), (250, "um 31 Prozent.")]),
        _row(
            148, [(70, "§ 7 Frist Sie ist bis zum 15."), (250, "§ 7 Frist Sie ist bis zum 20."), (430, "Angleichung")]
        ),
        _row(160, [(70, "eines Monats zu zahlen."), (250, "eines Monats zu zahlen."), (430, "der Termine.")]),
    ]
    assert read_rows(lines, learn_columns(lines)) == [
        "Geltende Fassung | Neue Fassung | Anmerkung",
        "§ 3 Ermäßigung Für das zweite Kind ermäßigt sich der Betrag um 27 Prozent. | "
        "§ 3 Ermäßigung Für das zweite Kind ermäßigt sich der Betrag um 31 Prozent. | Entlastung.",
        "§ 7 Frist Sie ist bis zum 15. eines Monats zu zahlen. | "
        "§ 7 Frist Sie ist bis zum 20. eines Monats zu zahlen. | Angleichung der Termine.",
    ]


def test_a_ruled_row_read_as_one_line_opens_a_row_of_its_own() -> None:
    # Regression: a ruled row whose cells were read as one line, 13 pt under a row's wrapped last
    # line, was joined to that row (silent): its top stands at the cells' pitch, but it is several
    # lines tall.
    def tall(top: float, old: str, new: str) -> Line:
        # The cells' three lines read as one line.
        parts = [text_line(top + 13 * k, [(70, f"{old} {k}"), (250, f"{new} {k}")]) for k in range(3)]
        return Line(1, [t for part in parts for t in part.tokens])

    lines = [
        _row(90, [(70, "Alt"), (250, "Neu")]),
        _row(113, [(70, "§ 4 Der Rat bildet 17 Ausschüsse"), (250, "§ 4 Der Rat bildet 25 Ausschüsse")]),
        _row(126, [(70, "und Beiräte."), (250, "und Beiräte.")]),
        tall(139, "§ 6 Wert", "§ 6 Grenze"),
        tall(204, "§ 10 Geld", "§ 10 Betrag"),
        _row(269, [(70, "§ 12 Der Beirat tagt monatlich."), (250, "§ 12 Der Beirat tagt wöchentlich.")]),
        _row(282, [(70, "Er tagt öffentlich."), (250, "Er tagt öffentlich.")]),
    ]
    assert read_rows(lines, learn_columns(lines))[1:4] == [
        "§ 4 Der Rat bildet 17 Ausschüsse und Beiräte. | § 4 Der Rat bildet 25 Ausschüsse und Beiräte.",
        "§ 6 Wert 0 § 6 Wert 1 § 6 Wert 2 | § 6 Grenze 0 § 6 Grenze 1 § 6 Grenze 2",
        "§ 10 Geld 0 § 10 Geld 1 § 10 Geld 2 | § 10 Betrag 0 § 10 Betrag 1 § 10 Betrag 2",
    ]


def test_a_rows_cells_wrapped_over_a_page_break_stay_in_their_row() -> None:
    # Regression: a row broke over the page, its cells' sentences unfinished ("... wird ein" /
    # "Zuschlag von 14 Prozent erhoben."), and its rest was read as a row of its own (silent).
    lines = [
        _row(700, [(70, "Bisheriger Wortlaut"), (330, "Neuer Wortlaut")]),
        _row(712, [(70, "§ 5 Für den Winterdienst wird ein"), (330, "§ 5 Für den Winterdienst wird ein")]),
        text_line(60, [(70, "Zuschlag von 14 Prozent erhoben."), (330, "Zuschlag von 15 Prozent erhoben.")], page=2),
        text_line(72, [(70, "§ 8 Die Pflicht entsteht sofort."), (330, "entfällt")], page=2),
    ]
    assert read_rows(lines, learn_columns(lines))[1:] == [
        "§ 5 Für den Winterdienst wird ein Zuschlag von 14 Prozent erhoben. | "
        "§ 5 Für den Winterdienst wird ein Zuschlag von 15 Prozent erhoben.",
        "§ 8 Die Pflicht entsteht sofort. | entfällt",
    ]


def test_a_row_broken_over_a_page_goes_on_under_the_repeated_header_row() -> None:
    # Regression (synopses, seed 113, paper 3): Word repeats the header row on the next page; the
    # row broken over the page ("... eines" / "Reihengrabes beträgt 27 Euro.") was compared with
    # the header, not with its own first lines, and its rest read as a row of its own (silent).
    header = [(70, "Bisherige Fassung"), (250, "Neue Fassung"), (430, "Erläuterung")]
    lines = [
        _row(700, header),
        _row(712, [(70, "§ 3 Die Gebühr für ein"), (250, "§ 3 Die Gebühr für ein"), (430, "Anpassung.")]),
        _row(724, [(70, "Grab im Feld beträgt 27"), (250, "Grab im Feld beträgt 32"), (430, "")]),
        text_line(60, header, page=2),
        text_line(72, [(70, "Euro im Jahr."), (250, "Euro im Jahr.")], page=2),
        text_line(
            84, [(70, "§ 4 Die Frist beträgt ein"), (250, "§ 4 Die Frist beträgt zwei"), (430, "Klarstellung.")], page=2
        ),
        text_line(96, [(70, "Jahr."), (250, "Jahre.")], page=2),
    ]
    assert read_rows(lines, learn_columns(lines)) == [
        "Bisherige Fassung | Neue Fassung | Erläuterung",
        "§ 3 Die Gebühr für ein Grab im Feld beträgt 27 Euro im Jahr. | "
        "§ 3 Die Gebühr für ein Grab im Feld beträgt 32 Euro im Jahr. | Anpassung.",
        "§ 4 Die Frist beträgt ein Jahr. | § 4 Die Frist beträgt zwei Jahre. | Klarstellung.",
    ]


def test_a_row_leaving_empty_a_column_every_other_row_fills_is_doubtful() -> None:
    # Regression (synopses, seed 113, paper 3): a cell's second paragraph at the rows' pitch ("Über
    # Ausnahmen entscheidet die Stadt.") was read as a row of its own, its reason cell empty (silent).
    rows = [
        "Bisherige Fassung | Neue Fassung | Erläuterung",
        "§ 3 Die Gebühr beträgt 27 Euro. | § 3 Die Gebühr beträgt 32 Euro. | Anpassung.",
        "§ 6 Die Halle kostet 17 Euro. | § 6 Die Halle kostet 19 Euro. | Saniert.",
        "Über Ausnahmen entscheidet die Stadt. | Über Ausnahmen entscheidet die Stadt. | ",
        "§ 7 Ein Grabmal kostet 29 Euro. | § 7 Ein Grabmal kostet 36 Euro. | Gefördert.",
    ]
    assert _lone_gap(rows)
    # Every row fills every column, or several rows leave one empty: nothing stands out.
    assert not _lone_gap(rows[:3] + rows[4:] + [rows[1]])
    assert not _lone_gap([*rows, "§ 9 Fällig nach einem Monat. | § 9 Fällig nach zwei Monaten. | "])
    # A head grid's label without its value is no cell's paragraph (a Niederschrift's "Anwesend").
    grid = ["Sitzungstermin: | 13.02.2024", "Beginn: | 17:00 Uhr", "Ende: | 19:10 Uhr", "Ort: | Rathaus", "Anwesend | "]
    assert not _lone_gap(grid)


def test_a_cells_rest_read_as_one_line_and_a_year_after_a_word_go_on_the_row() -> None:
    # Regression: a row's cells' last lines read as one line (two lines tall) were taken for a ruled
    # row of its own although the cells above ended mid-sentence; and a row broken over a page whose
    # new wording went on with a year ("... im Haushalt" / "2026 für die ...") was cut there.
    rest = [
        text_line(136 + 12 * k, [(70, a), (330, b)])
        for k, (a, b) in enumerate([("2027 für die Halle.", "Rad und"), ("", "berichtet.")])
    ]
    lines = [
        _row(100, [(70, "Alt"), (330, "Neu")]),
        _row(124, [(70, "Die Mittel von 442.000 EUR im Haushalt"), (330, "Die Verwaltung prüft, ob Mittel für das")]),
        Line(1, [t for part in rest for t in part.tokens]),
        _row(172, [(70, "§ 5 Der Bericht folgt jährlich."), (330, "§ 5 Der Bericht folgt halbjährlich.")]),
        _row(184, [(70, "Er ist öffentlich vorzulegen."), (330, "Er ist öffentlich vorzulegen.")]),
        _row(208, [(70, "Die Verwaltung wird beauftragt, ein"), (330, "Die Mittel von 829.000 EUR im Haushalt")]),
        text_line(
            60, [(70, "Konzept für die Mauer vorzulegen."), (330, "2026 für die Kunsthalle bereitgestellt.")], page=2
        ),
    ]
    assert read_rows(lines, learn_columns(lines))[1:] == [
        "Die Mittel von 442.000 EUR im Haushalt 2027 für die Halle. | Die Verwaltung prüft, ob Mittel für das Rad "
        "und berichtet.",
        "§ 5 Der Bericht folgt jährlich. Er ist öffentlich vorzulegen. | § 5 Der Bericht folgt halbjährlich. Er ist "
        "öffentlich vorzulegen.",
        "Die Verwaltung wird beauftragt, ein Konzept für die Mauer vorzulegen. | Die Mittel von 829.000 EUR im "
        "Haushalt 2026 für die Kunsthalle bereitgestellt.",
    ]


def test_rows_of_labels_and_amounts_at_one_pitch_stay_apart() -> None:
    # Full cells alone join no rows: amounts never wrap, and a short label is no running text.
    lines = [
        _row(100, [(70, "Investive Auszahlungen Hochbau"), (250, "120.000"), (430, "2025")]),
        _row(112, [(70, "Konsumtive Auszahlungen im Jahr"), (250, "80.000"), (430, "2026")]),
        _row(124, [(70, "Maßnahme"), (250, "Neubau der Grundschule Nord")]),
        _row(136, [(70, "Standort"), (250, "Grundstück am Stadtpark")]),
    ]
    assert len(read_rows(lines, learn_columns(lines))) == 4


def test_a_lone_number_under_an_unfinished_item_ends_its_sentence() -> None:
    lines = [
        text_line(100, [(70, "1."), (95, "Der Rat beschließt die Satzung in der Fassung der Anlage")]),
        text_line(112, [(95, "2.")]),
        text_line(124, [(70, "2."), (95, "Die Verwaltung wird beauftragt, sie bekannt zu machen.")]),
    ]
    items = read_items(lines)
    assert [(number, " ".join(parts)) for number, parts, _ in items] == [
        ("1", "Der Rat beschließt die Satzung in der Fassung der Anlage 2."),
        ("2", "Die Verwaltung wird beauftragt, sie bekannt zu machen."),
    ]


def test_a_number_alone_after_a_finished_item_is_no_continuation() -> None:
    lines = [
        text_line(100, [(70, "1."), (95, "Der Rat beschließt die Satzung.")]),
        text_line(112, [(70, "2.")]),
        text_line(124, [(95, "Die Verwaltung wird beauftragt.")]),
    ]
    items = read_items(lines)
    assert [number for number, _, _ in items] == ["1", "2"]


def test_a_table_whose_rows_open_side_by_side_is_no_pair_of_columns() -> None:
    left = ["§ 3 Gebühr (1) Die", "Gebühr beträgt", "5 Euro."]
    right = ["§ 3 Gebühr (1) Die", "Gebühr beträgt 6", "Euro, sonst 3."]
    lines: list[Line] = []
    top = 100.0
    for _ in range(4):
        for a, b in zip(left, right, strict=True):
            lines.append(text_line(top, [(70, a), (320, b)]))
            top += 12
        top += 10
    assert row_synchronous(lines, 300.0)


def test_a_synopsis_at_one_pitch_whose_sides_open_alike_is_no_pair_of_columns() -> None:
    # Regression: a synopsis typed into Word without padding (no space between its rows) on a page
    # of its own was read column by column (silent): its sides open their lines with the same words.
    left = [
        "§ 3 Gebühr (1) Die Gebühr",
        "für ein Reihengrab",
        "beträgt 9 Euro.",
        "§ 4 Urnen (2) Für ein",
        "Urnengrab 29 Euro.",
    ]
    right = [
        "§ 3 Gebühr (1) Die Gebühr",
        "für ein Reihengrab",
        "beträgt 11 Euro.",
        "§ 4 Urnen (2) Für ein",
        "Urnengrab 38 Euro.",
    ]
    lines = [text_line(100 + 12 * k, [(70, a), (320, b)]) for k, (a, b) in enumerate(zip(left, right, strict=True))]
    assert row_synchronous(lines, 300.0)
    # Sides that open alike on one line in five are columns of running text.
    lines[1] = text_line(112, [(70, "die Gebühr wird"), (320, "erhoben, wenn")])
    lines[3] = text_line(136, [(70, "Satz 1 gilt"), (320, "Urnen sind")])
    lines[4] = text_line(148, [(70, "und so fort."), (320, "auch erfasst.")])
    assert not row_synchronous(lines, 300.0)


def test_a_rows_sentence_unfinished_in_one_column_goes_on_though_another_ended_one() -> None:
    # Regression: the old wording ended a sentence at its line's end ("... fällig.") where the new
    # wording's sentence went on ("... Bekanntgabe des" / "Bescheides fällig."): the row was cut.
    rows = [
        ("§ 9 Frist Die Gebühr wird mit", "§ 9 Frist Die Gebühr wird einen"),
        ("Zugang des Bescheides fällig.", "Monat nach der Bekanntgabe des"),
        ("Einzelheiten regelt eine", "Bescheides fällig. Das Nähere"),
        ("Verwaltungsvorschrift.", "regelt eine Verwaltungsvorschrift."),
    ]
    lines = [_row(100 + 12 * k, [(70, a), (330, b)]) for k, (a, b) in enumerate(rows)]
    assert read_rows(lines, learn_columns(lines)) == [
        "§ 9 Frist Die Gebühr wird mit Zugang des Bescheides fällig. Einzelheiten regelt eine "
        "Verwaltungsvorschrift. | § 9 Frist Die Gebühr wird einen Monat nach der Bekanntgabe des "
        "Bescheides fällig. Das Nähere regelt eine Verwaltungsvorschrift."
    ]


def test_columns_of_running_text_are_not_a_table() -> None:
    lines: list[Line] = []
    for k in range(16):
        left = "Text der linken Spalte läuft" if k % 5 != 4 else "Ende."
        right = "und rechts geht es weiter so" if k % 7 != 2 else "Schluss."
        # Paragraphs end where their text does: the left column's after every fifth line, the
        # right column's after the third and the tenth.
        lines.append(text_line(100 + 12 * k + 6 * (k // 5), [(70, left)]))
        lines.append(text_line(100 + 12 * k + 6 * ((k + 4) // 7), [(320, right)]))
    lines.sort(key=lambda line: line.top)
    assert not row_synchronous(lines, 300.0)


def test_rows_that_run_a_sentence_on_are_doubtful() -> None:
    # A Word table without padding or rules: each line read as a row, the first cell's sentence
    # going on in the next "row".
    rows = [
        "Alte Fassung | Neue Fassung",
        "§ 2 Einberufung (2) Die Einladung ist den Mitgliedern spätestens | § 2 Einberufung (2) Die",
        "7 Tage vor der Sitzung zuzustellen. | Einladung ist 10 Tage vorher zu übermitteln.",
    ]
    assert _wrapped_rows(rows)


def test_rows_of_short_cells_are_not_doubtful() -> None:
    rows = ["Nr. | Haltestelle | Ausbau", "1 | Albrecht-Dürer-Straße | 2025", "2 | Am Horn | 2025"]
    assert not _wrapped_rows(rows)
    rows = ["§ 3 Die Gebühr beträgt 5 Euro. | § 3 Die Gebühr beträgt 6 Euro.", "§ 4 Die Frist ... | entfällt"]
    assert not _wrapped_rows(rows)
