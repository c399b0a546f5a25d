"""The ``kreistag-vorlage-scan`` and ``buergerantrag-scan`` families of scripts/generate_variants.py:
a Kreistag Vorlage and a citizens' paper printed, stamped and scanned keep the born-digital paper's
golden, the same seed gives the same bytes, some scans carry a poor OCR layer of their own, and two
one-page scans read by OCR (skipped without Tesseract) give their goldens; and what their scans
taught the reader, on hand-built OCR lines: a Roman electoral term read back, an office's dash, a
committee's name without OCR's scraps, a finance table under rules read as marks, a line of running
text measured large, a title ending on a date, a stamp's day, words over a header row, a scrap
after an attachment."""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.consultations import extract_consultations, scanned_body
from ratsdoc.extract.cover import extract_cover, repair_roman_term
from ratsdoc.extract.finances import extract_finances
from ratsdoc.extract.generic.heading import heading_title, without_stamp
from ratsdoc.extract.generic.scan_heading import scan_heading_title
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.layout.lines import Line
from ratsdoc.models import FinanceRow

from .conftest import assert_scan_keeps_born_golden, line_context, load_script, text_line

ROOT = Path(__file__).resolve().parent.parent

for module in ("reportlab", "pikepdf", "pdfplumber"):
    pytest.importorskip(module, reason=f"the scanned variants need {module}")

sys.path.insert(0, str(ROOT / "scripts"))  # generate_variants imports its neighbours from scripts/
gv = load_script("generate_variants")

SCANS = ("kreistag-vorlage-scan", "buergerantrag-scan")


def _words(path: Path) -> list[list[str]]:
    """The words of each page's text layer."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().split() for page in document]
    finally:
        document.close()


@pytest.mark.parametrize("name", SCANS)
def test_the_scanned_families_are_built_only_when_named(name: str) -> None:
    assert name in {family.name for family in gv.NAMED_FAMILIES}
    assert name not in {family.name for family in (*gv.FAMILIES, *gv.SCAN_FAMILIES)}


def test_a_scanned_kreistag_vorlage_keeps_the_born_digital_golden_and_its_bytes(tmp_path: Path) -> None:
    # Variant 2 of seed 5 has no OCR layer of its own; the golden kept is the born-digital paper's,
    # the table of amounts by year included.
    seed = "5/kreistag-vorlage-scan/2"
    golden = assert_scan_keeps_born_golden(gv, "kreistag-vorlage-scan", "kreistag_vorlage", seed, tmp_path)
    scan = _words(tmp_path / "a" / "scan.pdf")
    assert len(scan) == golden["page_count"] and not any(scan)
    assert golden["number"] in " ".join(_words(tmp_path / "a" / "scan.source.pdf")[0])


def test_a_scanned_citizens_paper_may_carry_a_poor_ocr_layer(tmp_path: Path) -> None:
    variant_letters = sys.modules["variant_letters"]
    build = {family.name: family.build for family in gv.NAMED_FAMILIES}["buergerantrag-scan"]
    # Variant 1 of seed 5 carries a layer of its own.
    seed = "5/buergerantrag-scan/1"
    born = variant_letters.buergerantrag(random.Random(seed), tmp_path / "born.pdf")
    golden = build(random.Random(seed), tmp_path / "scan.pdf")
    assert {k: v for k, v in golden.items() if k != "page_count"} == {
        k: v for k, v in born.items() if k != "page_count"
    }
    layer, source = _words(tmp_path / "scan.pdf")[0], _words(tmp_path / "born.pdf")[0]
    # The layer is the page's own words, but a scanner's poor reading of them: most are as
    # printed, some misread, split or run together.
    kept = len(set(layer) & set(source)) / len(set(source))
    assert 0.5 < kept < 1.0
    assert set(layer) - set(source)


def _kreistag_head(number_cell: str, office: str) -> list[Line]:
    """The head of a Kreistag Vorlage as OCR read it: its kind, the label block and the subject."""
    return [
        text_line(40, [(70, "Landratsamt Göttingen")]),
        text_line(70, [(70, "Kreistagsdrucksache")]),
        text_line(100, [(70, "Vorlage-Nr.:"), (190, number_cell)]),
        text_line(116, [(70, "Datum:"), (190, "28.03.2025")]),
        text_line(132, [(70, "Federführendes Amt:"), (190, office)]),
        text_line(160, [(70, "Betreff:"), (130, "Neubau der Stadtbibliothek in der Uferstraße")]),
    ]


@pytest.mark.parametrize(
    ("cell", "number"),
    [("X1/0206", "XI/0206"), ("'X1/0312", "XI/0312"), ("X11/0045", "XII/0045"), ("XI/0097", "XI/0097")],
)
def test_a_scanned_roman_term_is_read_back(cell: str, number: str) -> None:
    # Regression (scans of seeds 5 and 7): the electoral term "XI" before the count was read
    # "X1", and with a quote mark glued before it ("'X1/0312") the number was not read at all.
    ctx = line_context(_kreistag_head(cell, "Kreiskämmerei"), "generic", ocr=True)
    extract_cover(ctx)
    assert ctx.fields.values["number"] == number


def test_a_born_digital_number_is_kept_as_printed() -> None:
    ctx = line_context(_kreistag_head("X1/0206", "Kreiskämmerei"), "generic")
    extract_cover(ctx)
    assert ctx.fields.values["number"] == "X1/0206"


@pytest.mark.parametrize(
    ("number", "repaired"),
    [("X1/0206", "XI/0206"), ("1X/0012", "IX/0012"), ("X1V/0001", "XIV/0001"), ("11/0312", "11/0312"),
     ("A1/2023", "A1/2023"), ("2024/101", "2024/101"), ("XI/0206", "XI/0206")],
)  # fmt: skip
def test_repair_roman_term(number: str, repaired: str) -> None:
    assert repair_roman_term(number) == repaired


def test_a_scanned_office_keeps_its_dash() -> None:
    # Regression (scans of seeds 5 and 7): OCR read "Amt 40 – Schulverwaltung" with a hyphen.
    ctx = line_context(_kreistag_head("XI/0206", "Amt 40 - Schulverwaltung"), "generic", ocr=True)
    extract_cover(ctx)
    assert ctx.fields.values["originator"] == "Amt 40 – Schulverwaltung"
    ctx = line_context(_kreistag_head("XI/0206", "Amt 40 - Schulverwaltung"), "generic")
    extract_cover(ctx)
    assert ctx.fields.values["originator"] == "Amt 40 - Schulverwaltung"


def test_a_scanned_committee_loses_the_scraps_around_it() -> None:
    # Regression (scans of seeds 5 and 7): a comma read as a full stop ("Schule. Kultur"), a quote
    # mark before the name ('"Kreistag'), a stop and scraps of the rules and of an unread status
    # mark after it ("Kreistag .", "Gesundheit | °| 'ö") stayed in the committee's name.
    lines = [
        text_line(184, [(69, "Beratungsfolge:")]),
        text_line(200, [(69, "Gremium"), (330, "Sitzungstermin"), (420, "Zuständigkeit")]),
        text_line(216, [(69, "Ausschuss für Schule. Kultur und Sport"), (330, "27.04.2023"), (420, "Vorberatung")]),
        text_line(
            232, [(69, "Ausschuss für Soziales und Gesundheit | °| 'ö"), (330, "04.05.2023"), (420, "Vorberatung")]
        ),
        text_line(248, [(69, '"Kreistag .'), (330, "15.05.2023"), (420, "Entscheidung")]),
    ]
    ctx = line_context(lines, "generic", ocr=True)
    extract_consultations(ctx)
    assert [c.body for c in ctx.fields.values["consultations"]] == [
        "Ausschuss für Schule, Kultur und Sport",
        "Ausschuss für Soziales und Gesundheit",
        "Kreistag",
    ]


@pytest.mark.parametrize(
    "body", ["Bau- u. Planungsausschuss", "Ausschuss f. Umwelt", "Bezirksbeirat 5", "Ausschuss für Stadtentw. und Bau"]
)
def test_a_scanned_committee_keeps_its_abbreviations_and_numbers(body: str) -> None:
    assert scanned_body(body) == body


def test_a_scanned_type_line_with_its_number_keeps_its_type() -> None:
    # Regression (scans of seed 5, once the term was read back): "Informationsvorlage X1/0020" was
    # no type line, since the number after the type was compared with the number as read back.
    lines = [
        text_line(40, [(70, "Landkreis Hildesheim – Der Landrat")]),
        text_line(70, [(70, "Informationsvorlage X1/0020")]),
        text_line(100, [(70, "Datum:"), (190, "28.03.2025")]),
        text_line(130, [(70, "Betreff:"), (130, "Neubau der Stadtbibliothek in der Uferstraße")]),
    ]
    ctx = line_context(lines, "generic", ocr=True)
    extract_cover(ctx)
    assert (ctx.fields.values["number"], ctx.fields.values["document_type"]) == ("XI/0020", "Informationsvorlage")


def test_a_scanned_finance_table_with_its_rules_read_as_marks() -> None:
    # Regression (scans of seeds 5 and 7): the year header "Haushaltsjahr / 2025| 2026| 2027] 2028"
    # with the table's rules read into it headed no table, a speck before an amount
    # (".354.000,00 €") left its cell empty, and a rule after a glued currency ("301.500,00€|")
    # put the amount into the row's label.
    lines = [
        text_line(180, [(60, "Haushaltsjahr"), (200, "/"), (300, "2025|"), (380, "2026|"), (460, "2027]")]),
        text_line(195, [(60, "Aufwand"), (300, "311.000,00 €"), (380, ".354.000,00 €")]),
        text_line(210, [(60, "Investive Auszahlungen"), (300, "301.500,00€|"), (460, "12.000,00 €")]),
    ]
    ctx = line_context(lines, ocr=True)
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [
        FinanceRow(label="Aufwand", amounts={"2025": 311000.0, "2026": 354000.0, "2027": None}),
        FinanceRow(label="Investive Auszahlungen", amounts={"2025": 301500.0, "2026": None, "2027": 12000.0}),
    ]


def _sized(line: Line, size: float) -> Line:
    """``line`` with every word ``size`` points high."""
    return Line(line.page, [replace(t, size=size, bottom=t.top + size) for t in line.tokens])


def test_a_scanned_line_that_goes_on_from_the_one_above_is_no_heading() -> None:
    # Regression (scans of seeds 5 and 7): a citizens' paper without a subject line had the second
    # item of its request, or a line of its reasons opening with an amount, for its title, since
    # OCR measured that line larger than the text.
    lines = [
        text_line(40, [(70, "Interessengemeinschaft Anwohner Am Stadtgarten")]),
        text_line(54, [(70, "Kirchweg 49")]),
        text_line(68, [(70, "69117 Heidelberg")]),
        text_line(200, [(70, "Wir beantragen, der Rat möge beschließen:")]),
        text_line(230, [(70, "1. Die Anwohnerinnen und Anwohner werden vor jeder Planung beteiligt.")]),
        _sized(text_line(243, [(70, "2. Die geplante Fällung der Bäume wird ausgesetzt, bis ein unabhängiges")]), 14),
        text_line(260, [(82, "Gutachten vorliegt.")]),
        text_line(290, [(70, "Die Kosten der Friedhofsmauer betragen nach der Kostenschätzung")]),
        _sized(text_line(303, [(70, "93.500,00 EUR und sind im Haushalt 2024 veranschlagt. Die Kosten")]), 14),
        *(text_line(320 + 14 * k, [(70, "Der Text des Antrags geht hier in ganzen Sätzen weiter.")]) for k in range(8)),
    ]
    assert heading_title(lines, 842.0, reader_vocabulary(), scanned=True) is None
    # Born digital, a larger line is a heading wherever it stands.
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None and found[0].startswith("2. Die geplante")


def test_a_scanned_title_ending_on_a_date_of_its_own_line() -> None:
    # Regression (scans of seed 7): "... nach dem Beschluss vom" over "19.05.2022" above the
    # salutation: the lone date was taken for a dateline and the title was not read at all.
    lines = [
        text_line(46, [(70, "Interessengemeinschaft Anwohner Kirchfeld")]),
        text_line(107, [(70, "Frau Oberbürgermeisterin"), (432, "Dortmund, 9. Juni 2023")]),
        text_line(163, [(70, "Petition")]),
        text_line(181, [(70, "Erneuerung der Seniorenbegegnungsstätte nach dem Beschluss vom")]),
        text_line(195, [(70, "19.05.2022")]),
        text_line(221, [(70, "Sehr geehrte Damen und Herren,")]),
        text_line(239, [(70, "wir wenden uns als Anwohnerinnen und Anwohner an Sie.")]),
    ]
    found = scan_heading_title(lines, reader_vocabulary())
    assert found is not None and found[0] == "Erneuerung der Seniorenbegegnungsstätte nach dem Beschluss vom 19.05.2022"
    # A dateline standing alone over the salutation is still no part of a title.
    lines[4] = text_line(195, [(70, "Dortmund, 19.05.2022")])
    assert scan_heading_title(lines, reader_vocabulary()) is None


def test_a_stamps_day_read_onto_a_subject_is_no_part_of_it() -> None:
    # Regression (scans of seed 7): an intake stamp's "18. FEB", its year cut off, read onto the
    # end of the subject's line stayed in the title.
    line = text_line(162, [(70, "Betreff: Erweiterung der Sporthalle in der Rosengasse 18. FEB")])
    assert without_stamp(line, "Erweiterung der Sporthalle in der Rosengasse 18. FEB") == (
        "Erweiterung der Sporthalle in der Rosengasse"
    )
    kept = "Bebauungsplan Nr. 18 Am Mühlenweg"
    assert without_stamp(text_line(162, [(70, kept)]), kept) == kept


def test_words_over_a_scanned_header_row_are_no_committee() -> None:
    # Regression (scans of seed 7): a pen's or stamp's words read between "Beratungsfolge:" and
    # the header row ("SEE mal") became a committee without date or role.
    lines = [
        text_line(184, [(69, "Beratungsfolge:")]),
        text_line(198, [(69, "SEE mal")]),
        text_line(212, [(69, "Gremium"), (330, "Sitzungstermin"), (420, "Zuständigkeit")]),
        text_line(226, [(69, "Ausschuss für Schule, Kultur und Sport"), (330, "10.02.2025"), (420, "Vorberatung")]),
        text_line(240, [(69, "Kreistag"), (330, "28.02.2025"), (420, "Entscheidung")]),
    ]
    ctx = line_context(lines, "generic", ocr=True)
    extract_consultations(ctx)
    assert [c.body for c in ctx.fields.values["consultations"]] == [
        "Ausschuss für Schule, Kultur und Sport",
        "Kreistag",
    ]


def test_a_scrap_after_a_scanned_attachment_is_no_part_of_it() -> None:
    # Regression (scans of seed 5): a speck read as "u" after the last attachment stayed in its name.
    lines = [
        text_line(600, [(70, "Anlagen:")]),
        text_line(614, [(70, "Raumprogramm")]),
        text_line(628, [(70, "Kostenberechnung u")]),
        text_line(642, [(70, "Lageplan |")]),
    ]
    ctx = line_context(lines, "generic", ocr=True)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Raumprogramm", "Kostenberechnung", "Lageplan"]
    ctx = line_context(lines, "generic")
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Raumprogramm", "Kostenberechnung u", "Lageplan |"]


#: Development scans (one page each) read wrong before, read through OCR: the Kreistag
#: Vorlage's term "X1/0206" and its committee '"Kreistag' (7/3); the citizen's title ending on a
#: date of its own line (7/20).
READ_SCANS = (
    ("kreistag-vorlage-scan", "7/kreistag-vorlage-scan/3"),
    ("buergerantrag-scan", "7/buergerantrag-scan/20"),
)
SCAN_FIELDS = ("number", "title", "document_type", "originator", "date", "consultations", "attachments")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
@pytest.mark.parametrize(("name", "key"), READ_SCANS)
def test_a_scan_reads_as_its_generator_wrote_it(tmp_path: Path, name: str, key: str) -> None:
    build = {family.name: family.build for family in gv.NAMED_FAMILIES}[name]
    pdf = tmp_path / "scan.pdf"
    golden = build(random.Random(key), pdf)
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    assert {field: paper[field] for field in SCAN_FIELDS} == {field: golden[field] for field in SCAN_FIELDS}
