"""Tables run over a page break (the ``split-tables`` family of scripts/generate_variants.py): a
Beratungsfolge, a finance table by year and a list of attachments going on at the next page's
top, under the page furniture, under "Fortsetzung" or "noch Beratungsfolge", under the header
row repeated or without it; a finance table headed "Produkt/Kostenstelle" whose labels wrap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.breaks import continues_table
from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.finances import extract_finances
from ratsdoc.layout.lines import Line
from ratsdoc.models import Consultation, FinanceRow

from .conftest import VORLAGE_FIELDS, assert_case_reads_as_generated, generated_twice, line_context, text_line

#: Development variants, each read wrong before: a finance table headed "Produkt/Kostenstelle"
#: (or "Kostenstelle", "Produkt / Sachkonto") not read at all (5/1, 5/10); a Beratungsfolge whose
#: rows after the page break were lost, under "Beratungsfolge (Fortsetzung)" without the header
#: repeated (5/8) or with it (5/35); a body wrapped after its comma in a table headed
#: "Sitzungsdatum" read without the comma (5/21); labels wrapped in a narrow column read as
#: blank rows and "Gesamtkosten:" of an ALLRIS print read as a row (5/2, 5/25); names of
#: attachments after the page break lost (5/38); a blank row at a page's foot ending the table
#: (7/1), or under "noch: Finanzielle Auswirkungen" and the header repeated (5/94); a
#: Beratungsfolge set at the paper's end on its third page not read (5/31, 7/37).
CASES = ("5/1", "5/10", "5/8", "5/35", "5/21", "5/2", "5/25", "5/38", "7/1", "5/94", "5/31", "7/37")


@pytest.mark.parametrize("case", CASES)
def test_a_paper_with_split_tables_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("split_tables", "split-tables", case, tmp_path, VORLAGE_FIELDS)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = generated_twice("split_tables", "11/split-tables/3", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def _furniture(top: float, text: str, page: int) -> Line:
    """A line of the page furniture (running head or foot)."""
    line = text_line(top, [(300, text)], page)
    return Line(line.page, line.tokens, furniture=True)


def _consultation_pages(*over: Line) -> list[Line]:
    """A Beratungsfolge of two rows at the foot of page 1, the furniture, the lines ``over`` the
    rest on page 2, one more row and the next section."""
    return [
        text_line(600, [(60, "Beratungsfolge:")]),
        text_line(620, [(60, "Gremium"), (300, "Datum"), (380, "Zuständigkeit"), (480, "Ö/N")]),
        text_line(640, [(60, "Hauptausschuss"), (300, "12.03.2024"), (380, "Vorberatung"), (480, "Ö")]),
        text_line(660, [(60, "Ausschuss für Bau und Verkehr"), (300, "19.03.2024"), (380, "Vorberatung"), (480, "N")]),
        _furniture(800, "Seite 1 von 3", 1),
        _furniture(40, "Vorlage VO/2024/017", 2),
        *over,
        text_line(120, [(60, "Stadtrat"), (300, "04.04.2024"), (380, "Entscheidung"), (480, "Ö")], 2),
        text_line(160, [(60, "Beschlussvorschlag:")], 2),
        text_line(180, [(60, "Der Stadtrat beschließt die Sanierung der Sporthalle.")], 2),
    ]


_ROWS = [
    Consultation(body="Hauptausschuss", date="2024-03-12", public=True, role="Vorberatung"),
    Consultation(body="Ausschuss für Bau und Verkehr", date="2024-03-19", public=False, role="Vorberatung"),
    Consultation(body="Stadtrat", date="2024-04-04", public=True, role="Entscheidung"),
]


@pytest.mark.parametrize(
    "over",
    [
        pytest.param([], id="no-header"),
        pytest.param(
            [text_line(100, [(60, "Gremium"), (300, "Datum"), (380, "Zuständigkeit"), (480, "Ö/N")], 2)],
            id="header-repeated",
        ),
        pytest.param(
            [
                text_line(80, [(60, "noch Beratungsfolge")], 2),
                text_line(100, [(60, "Gremium"), (300, "Datum"), (380, "Zuständigkeit"), (480, "Ö/N")], 2),
            ],
            id="noch-and-header",
        ),
        pytest.param([text_line(80, [(60, "Beratungsfolge (Fortsetzung)")], 2)], id="fortsetzung"),
    ],
)
@pytest.mark.parametrize("profile", ["generic", "sessionnet"])
def test_rows_after_a_page_break_are_kept_and_the_repeated_header_is_no_row(profile: str, over: list[Line]) -> None:
    ctx = line_context(_consultation_pages(*over), profile, pages=2)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == _ROWS


def test_text_opening_the_next_page_is_no_row() -> None:
    lines = _consultation_pages()
    lines[6] = text_line(120, [(60, "Die Verwaltung hat den Bericht des Rechnungsprüfungsamtes geprüft.")], 2)
    ctx = line_context(lines, "generic", pages=2)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == _ROWS[:2]


def test_a_date_at_the_next_pages_top_not_read_as_a_row_is_warned_about() -> None:
    lines = _consultation_pages()
    lines[6] = text_line(120, [(60, "04.04.2024"), (160, "Stadtrat")], 2)
    ctx = line_context(lines, "generic", pages=2)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == _ROWS[:2]
    assert any(w.field == "consultations" for w in ctx.fields.warnings)


def test_a_comma_ending_a_wrapped_bodys_line_is_kept() -> None:
    lines = [
        text_line(600, [(60, "Beratungsfolge:")]),
        text_line(620, [(60, "Gremium"), (300, "Sitzungsdatum"), (400, "Zuständigkeit")]),
        text_line(640, [(60, "Ausschuss für Ordnung, Sicherheit,"), (300, "12.03.2024"), (400, "Vorberatung")]),
        text_line(652, [(60, "Ortsteile und Ehrenamt")]),
        text_line(672, [(60, "Stadtrat,"), (300, "04.04.2024"), (400, "Entscheidung")]),
    ]
    ctx = line_context(lines, "sessionnet")
    extract_consultations(ctx)
    assert [c.body for c in ctx.fields.values["consultations"]] == [
        "Ausschuss für Ordnung, Sicherheit, Ortsteile und Ehrenamt",
        "Stadtrat",
    ]


@pytest.mark.parametrize(
    ("text", "goes_on"),
    [
        ("Fortsetzung", True),
        ("Fortsetzung der Tabelle", True),
        ("noch Beratungsfolge", True),
        ("Beratungsfolge (Fortsetzung)", True),
        ("noch: Finanzielle Auswirkungen", True),
        ("Forts.", True),
        ("Beratungsfolge", False),
        ("Die Fortsetzung der Arbeiten ist im Mai vorgesehen.", False),
        ("Es ist noch zu prüfen", False),
    ],
)
def test_a_line_saying_a_table_goes_on(text: str, goes_on: bool) -> None:
    ctx = line_context([], "generic")
    assert continues_table(text, ctx, ("consultations", "section_ends")) is goes_on


def _money(top: float, label: str, amounts: tuple[str, str], page: int = 1) -> Line:
    """A row of the finance table: its label and two amounts with "€"."""
    return text_line(top, [(60, label), (300, f"{amounts[0]} €"), (400, f"{amounts[1]} €")], page)


def test_a_finance_table_headed_by_its_label_column_goes_on_over_the_break() -> None:
    lines = [
        text_line(600, [(60, "Produkt/Kostenstelle"), (320, "2025"), (420, "2026")]),
        _money(620, "1.11.01 Gebäudemanagement", ("1.234.567,89", "12.000,00")),
        text_line(632, [(60, "und Hausmeisterdienste")]),
        _money(652, "Stadtplanung", ("500,00", "750,00")),
        _furniture(800, "Seite 1 von 2", 1),
        _furniture(40, "Vorlage VO/2024/017", 2),
        text_line(80, [(60, "Fortsetzung")], 2),
        text_line(100, [(60, "Produkt/Kostenstelle"), (320, "2025"), (420, "2026")], 2),
        _money(120, "Klimaschutz", ("3.000,00", "4.000,00"), 2),
        text_line(160, [(60, "Gesamtkosten: 1.254.817,89 €")], 2),
    ]
    ctx = line_context(lines, "allris", pages=2)
    extract_finances(ctx)
    finances = ctx.fields.values["finances"]
    assert finances.rows == [
        FinanceRow(
            label="1.11.01 Gebäudemanagement und Hausmeisterdienste", amounts={"2025": 1234567.89, "2026": 12000.0}
        ),
        FinanceRow(label="Stadtplanung", amounts={"2025": 500.0, "2026": 750.0}),
        FinanceRow(label="Klimaschutz", amounts={"2025": 3000.0, "2026": 4000.0}),
    ]
    assert finances.total_cost == 1254817.89


def test_a_title_ending_in_a_year_is_no_finance_header() -> None:
    lines = [
        text_line(100, [(60, "Sanierung der Grundschule am Markt im Jahr 2025")]),
        text_line(120, [(60, "Die Kosten betragen 12.000,00 € und sind veranschlagt.")]),
    ]
    ctx = line_context(lines, "generic")
    extract_finances(ctx)
    assert ctx.fields.values["finances"] is None


def test_bare_names_of_attachments_go_on_after_the_break_when_the_list_filled_its_page() -> None:
    lines = [
        text_line(400, [(60, "Der Stadtrat wird gebeten, der Vorlage zuzustimmen.")]),
        text_line(730, [(60, "Anlagen:")]),
        text_line(744, [(60, "Lageplan")]),
        text_line(758, [(60, "Kostenschätzung")]),
        _furniture(800, "Seite 1 von 2", 1),
        _furniture(40, "Vorlage VO/2024/017", 2),
        text_line(80, [(60, "Verkehrsgutachten")], 2),
        text_line(94, [(60, "Zeitplan")], 2),
    ]
    ctx = line_context(lines, "generic", pages=2)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan", "Kostenschätzung", "Verkehrsgutachten", "Zeitplan"]


def test_a_list_ending_with_room_left_on_its_page_does_not_take_the_next_pages_text() -> None:
    lines = [
        text_line(400, [(60, "Anlagen:")]),
        text_line(414, [(60, "Lageplan")]),
        text_line(428, [(60, "Kostenschätzung")]),
        _furniture(800, "Seite 1 von 2", 1),
        text_line(80, [(60, "Dr. Anna Bauer")], 2),
        text_line(94, [(60, "Oberbürgermeisterin")], 2),
        text_line(700, [(60, "Verteiler: Hauptamt, Kämmerei und Rechnungsprüfungsamt der Stadt")], 2),
    ]
    ctx = line_context(lines, "generic", pages=2)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan", "Kostenschätzung"]


def test_a_name_after_a_numbered_list_at_a_pages_foot_is_no_entry() -> None:
    # Regression (mixed-paper, seed 5, 17): the signer's name and faction kept together on the
    # next page were read as attachments after "1. Stellungnahme des Ortschaftsrates".
    lines = [
        text_line(730, [(60, "Anlage:")]),
        text_line(744, [(60, "1. Stellungnahme des Ortschaftsrates")]),
        _furniture(800, "Seite 1 von 2", 1),
        text_line(62, [(60, "Michael Krüger")], 2),
        text_line(78, [(60, "GLP-Fraktion")], 2),
    ]
    ctx = line_context(lines, "generic", pages=2)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Stellungnahme des Ortschaftsrates"]


def test_a_finance_table_repeating_its_header_over_rows_not_read_is_warned_about() -> None:
    lines = [
        text_line(700, [(60, "Produkt"), (320, "2025"), (420, "2026")]),
        _money(720, "Stadtplanung", ("500,00", "750,00")),
        _furniture(800, "Seite 1 von 2", 1),
        text_line(80, [(60, "Fortsetzung")], 2),
        text_line(100, [(60, "Produkt"), (320, "2025"), (420, "2026")], 2),
        text_line(120, [(60, "Produkt 8.78.10 Denkmalschutz und Denkmalpflege")], 2),
        _money(140, "Klimaschutz", ("3.000,00", "4.000,00"), 2),
    ]
    ctx = line_context(lines, "generic", pages=2)
    extract_finances(ctx)
    assert [row.label for row in ctx.fields.values["finances"].rows] == ["Stadtplanung"]
    assert any(w.field == "finances" for w in ctx.fields.warnings)


@pytest.mark.parametrize(("below", "rows"), [("Gremium  Datum  Zuständigkeit", 1), ("wird im Mai beraten.", 0)])
def test_a_beratungsfolge_past_the_second_page_is_read_over_its_header_row(below: str, rows: int) -> None:
    lines = [
        text_line(100, [(60, "Beratungsfolge")], 3),
        text_line(120, [(60, below)], 3),
        text_line(140, [(60, "Stadtrat"), (300, "04.04.2024"), (380, "Entscheidung")], 3),
    ]
    ctx = line_context(lines, "generic", pages=3)
    extract_consultations(ctx)
    assert len(ctx.fields.values["consultations"]) == rows
