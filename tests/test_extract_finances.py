"""The finance table reader (``extract/finances.py``) on hand-built lines, under OCR noise."""

from __future__ import annotations

from ratsdoc.extract.finances import extract_finances
from ratsdoc.models import FinanceRow

from .conftest import line_context as _context
from .conftest import text_line

YEARS = [(300, "2024"), (380, "2025"), (460, "2026")]


def test_glued_currency_and_ocr_comma_groups_in_the_finance_table() -> None:
    # Regression (scan of 1203/24): "0,00EUR" stuck to the row label and "12,500,00" was no
    # amount, so the row lost two cells and its label grew.
    lines = [
        text_line(180, YEARS),
        text_line(
            195,
            [(60, "Verwaltungshaushalt Ausgaben"), (300, "0,00EUR"), (380, "12,500,00 EUR"), (460, "12.500,00 EUR")],
        ),
    ]
    ctx = _context(lines, ocr=True)
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [
        FinanceRow(label="Verwaltungshaushalt Ausgaben", amounts={"2024": 0.0, "2025": 12500.0, "2026": 12500.0}),
    ]


def test_comma_groups_are_repaired_on_ocr_pages_only() -> None:
    # On a born-digital page "12,500,00" is what the author typed; it is not guessed at.
    lines = [
        text_line(180, YEARS),
        text_line(195, [(60, "Ausgaben"), (300, "1,00€"), (380, "12,500,00 EUR"), (460, "2,00 EUR")]),
    ]
    ctx = _context(lines, ocr=False)
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [
        FinanceRow(label="Ausgaben", amounts={"2024": 1.0, "2025": None, "2026": 2.0}),
    ]


def test_blank_rows_and_currencies_wrapped_in_narrow_cells() -> None:
    # Regression (other cities' Vorlagen): a first row without amounts hid the year header, and
    # "EUR" wrapped under the amounts ended the table, so rows were lost and leaked into the text.
    lines = [
        text_line(180, YEARS),
        text_line(195, [(60, "Erträge")]),
        text_line(210, [(60, "Aufwendungen"), (300, "186.000,00"), (380, "82.500,00")]),
        text_line(222, [(300, "EUR"), (380, "EUR")]),
        text_line(237, [(60, "Einzahlungen"), (460, "7.000,00 EUR")]),
        text_line(260, [(60, "Die Kosten trägt die Stadt.")]),
    ]
    ctx = _context(lines, ocr=False)
    extract_finances(ctx)
    finances = ctx.fields.values["finances"]
    assert finances.rows == [
        FinanceRow(label="Erträge", amounts={"2024": None, "2025": None, "2026": None}),
        FinanceRow(label="Aufwendungen", amounts={"2024": 186000.0, "2025": 82500.0, "2026": None}),
        FinanceRow(label="Einzahlungen", amounts={"2024": None, "2025": None, "2026": 7000.0}),
    ]
    assert ctx.claimed >= {0, 1, 2, 3, 4}


def test_an_unfilled_table_of_several_blank_rows_is_read() -> None:
    # Seed-11 other-city-vorlage variant 12: two blank rows over the total; the first looked
    # only one line down for a priced row, so both rows went into the Sachverhalt.
    lines = [
        text_line(180, [(380, "2025")]),
        text_line(195, [(60, "Auszahlungen")]),
        text_line(210, [(60, "Erträge")]),
        text_line(225, [(60, "Gesamtkosten: 882.500,00 EUR")]),
    ]
    ctx = _context(lines, "generic")
    extract_finances(ctx)
    finances = ctx.fields.values["finances"]
    assert finances.rows == [
        FinanceRow(label="Auszahlungen", amounts={"2025": None}),
        FinanceRow(label="Erträge", amounts={"2025": None}),
    ]
    assert finances.total_cost == 882500.0


def test_a_finance_table_goes_on_over_a_page_break() -> None:
    # Seed-11 other-city-vorlage variant 20: the last row stood on page 2 under the running head.
    head = text_line(37, [(300, "Beschlussvorlage Nr. 2022/400")], page=2)
    head.furniture = True
    lines = [
        text_line(750, YEARS),
        text_line(767, [(60, "Aufwendungen"), (460, "158.500,00 EUR")]),
        head,
        text_line(58, [(60, "Auszahlungen"), (380, "27.500,00 EUR"), (460, "168.500,00 EUR")], page=2),
        text_line(81, [(60, "Die Kosten trägt die Stadt.")], page=2),
    ]
    ctx = _context(lines, "generic", pages=2)
    extract_finances(ctx)
    assert [row.label for row in ctx.fields.values["finances"].rows] == ["Aufwendungen", "Auszahlungen"]
    # A page that goes on with text ends the table.
    lines[3] = text_line(58, [(60, "Die Kosten trägt die Stadt.")], page=2)
    ctx = _context(lines, "generic", pages=2)
    extract_finances(ctx)
    assert [row.label for row in ctx.fields.values["finances"].rows] == ["Aufwendungen"]


def test_a_title_ending_in_a_year_is_no_finance_table() -> None:
    # Regression: "... bis zum Jahr 2030" over the type and the date line of a motion was read
    # as a year header with the type as a blank row and the date as amounts.
    lines = [
        text_line(42, [(70, "Jahr 2030")]),
        text_line(82, [(70, "Motion")]),
        text_line(98, [(70, "Kreuzlingen, 2. September 2024")]),
    ]
    ctx = _context(lines, ocr=False)
    extract_finances(ctx)
    assert ctx.fields.values["finances"] is None


def test_a_year_ending_a_title_heads_no_table() -> None:
    # Regression (generated DACH letter): "2026", the last line of a bold title, was read as the
    # year header of a finance table (an amount followed three lines below, after "Wir
    # beantragen:") and held back from the title.
    lines = [
        text_line(120, [(70, "Bereitstellung zusätzlicher Mittel im Haushaltsjahr")]),
        text_line(137, [(70, "2026")]),
        text_line(160, [(70, "Resolution")]),
        text_line(188, [(70, "Wir beantragen:")]),
        text_line(208, [(70, "1) Die Gesamtkosten in Höhe von 1.441.000,00 EUR werden bestätigt.")]),
    ]
    ctx = _context(lines, "generic")
    extract_finances(ctx)
    assert ctx.fields.values["finances"] is None
    assert not ctx.claimed


def test_a_stamps_year_over_a_rule_citation_is_no_finance_table() -> None:
    # Regression (scanned dev letters, seed 23, bv-scan-004): an intake stamp's "2023" stood alone
    # over the type line "Anfrage nach § 4 GO"; the "4" under it made a finance row.
    lines = [
        text_line(150, [(300, "2023")]),
        text_line(165, [(60, "Anfrage nach § 4 GO")]),
        text_line(190, [(60, "Thema: Neubau der Feuerwache am Stadtpark")]),
    ]
    ctx = _context(lines, ocr=True)
    extract_finances(ctx)
    assert ctx.fields.values["finances"] is None


def test_a_lone_year_over_money_is_a_table() -> None:
    lines = [
        text_line(150, [(300, "2025")]),
        text_line(165, [(60, "Ausgaben"), (300, "4.500")]),
    ]
    ctx = _context(lines)
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [FinanceRow(label="Ausgaben", amounts={"2025": 4500.0})]


def test_a_blank_last_row_at_the_rows_edge_and_pitch_is_a_row() -> None:
    # Regression (paper families seed 97, kreistag-vorlage 2): "Ertrag" left blank under the one
    # priced row, the text going on at its own margin after a gap: the row was dropped, silently.
    lines = [
        text_line(436, [(74, "Haushaltsjahr"), (282, "2024"), (372, "2025")]),
        text_line(456, [(74, "Investive Auszahlungen"), (241, "319.500,00 €"), (338, "29.500,00 €")]),
        text_line(475, [(74, "Ertrag")]),
        text_line(500, [(70, "Haushaltsmittel stehen zur Verfügung: ja")]),
    ]
    ctx = _context(lines, "generic")
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [
        FinanceRow(label="Investive Auszahlungen", amounts={"2024": 319500.0, "2025": 29500.0}),
        FinanceRow(label="Ertrag", amounts={"2024": None, "2025": None}),
    ]


def test_a_short_line_after_the_table_at_another_pitch_is_no_row() -> None:
    lines = [
        text_line(436, [(74, "Haushaltsjahr"), (282, "2024"), (372, "2025")]),
        text_line(456, [(74, "Investive Auszahlungen"), (241, "319.500,00 €"), (338, "29.500,00 €")]),
        text_line(490, [(74, "Folgekosten")]),
        text_line(505, [(74, "Die Folgekosten trägt der Kreis.")]),
    ]
    ctx = _context(lines, "generic")
    extract_finances(ctx)
    assert [row.label for row in ctx.fields.values["finances"].rows] == ["Investive Auszahlungen"]


def test_a_blank_row_at_an_unpadded_tables_pitch_is_no_wrapped_label() -> None:
    # Regression (paper families seed 101, office-vorlage 7): rows set without a cell's padding,
    # one line's height apart, so "Ertrag" stood as close under the priced row as a wrapped
    # label's line would; it would have fitted beside "Investive Auszahlungen", so it is a row
    # (it was joined to the label above, silently).
    lines = [
        text_line(436, [(74, "Haushaltsjahr"), (320, "2024"), (400, "2025")]),
        text_line(448, [(74, "Eigenanteil"), (300, "167.000,00 €"), (385, "8.000,00 €")]),
        text_line(460, [(74, "Investive Auszahlungen"), (380, "372.000,00 €")]),
        text_line(472, [(74, "Ertrag")]),
        text_line(500, [(70, "Haushaltsmittel stehen zur Verfügung: ja")]),
    ]
    ctx = _context(lines, "generic")
    extract_finances(ctx)
    assert [row.label for row in ctx.fields.values["finances"].rows] == [
        "Eigenanteil",
        "Investive Auszahlungen",
        "Ertrag",
    ]


def test_a_label_wrapped_for_want_of_room_before_the_amounts_is_joined() -> None:
    # The counterpart: the next word would not have fitted before the amounts' column, so the
    # line at the rows' pitch is the label's wrapped line.
    lines = [
        text_line(436, [(74, "Haushaltsjahr"), (320, "2024"), (400, "2025")]),
        text_line(448, [(74, "Eigenanteil"), (300, "167.000,00 €"), (385, "8.000,00 €")]),
        text_line(460, [(74, "Investive Auszahlungen für den"), (300, "1.000,00 €"), (380, "372.000,00 €")]),
        text_line(472, [(74, "Landkreis")]),
        text_line(500, [(70, "Haushaltsmittel stehen zur Verfügung: ja")]),
    ]
    ctx = _context(lines, "generic")
    extract_finances(ctx)
    assert [row.label for row in ctx.fields.values["finances"].rows] == [
        "Eigenanteil",
        "Investive Auszahlungen für den Landkreis",
    ]
