"""The ``sdnet-vorlage-scan`` family of scripts/generate_variants.py: an SD.NET Vorlage printed,
stamped and scanned keeps the born-digital paper's golden, and the same seed gives the same
bytes, the kept born-digital source included (no OCR here: that is slow)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ratsdoc.extract.generic.heading import heading_title, is_letterhead
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.labelled import labelled_value
from ratsdoc.layout.lines import Line

from .conftest import assert_scan_keeps_born_golden, line_context, load_script, text_line

ROOT = Path(__file__).resolve().parent.parent

for module in ("reportlab", "pikepdf"):
    pytest.importorskip(module, reason=f"the scanned variants need {module}")

sys.path.insert(0, str(ROOT / "scripts"))  # generate_variants imports its neighbours from scripts/
gv = load_script("generate_variants")


def test_the_scanned_family_is_built_only_when_named() -> None:
    named = {family.name: family for family in gv.NAMED_FAMILIES}
    assert "sdnet-vorlage-scan" in named
    assert "sdnet-vorlage-scan" not in {family.name for family in gv.FAMILIES}


def test_a_scanned_vorlage_keeps_the_born_digital_golden_and_its_bytes(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    golden = assert_scan_keeps_born_golden(
        gv, "sdnet-vorlage-scan", "sdnet_vorlage", "7/sdnet-vorlage-scan/1", tmp_path
    )
    scan = pdfium.PdfDocument(str(tmp_path / "a" / "scan.pdf"))
    source = pdfium.PdfDocument(str(tmp_path / "a" / "scan.source.pdf"))
    try:
        assert len(scan) == len(source) == golden["page_count"]
        assert all(not page.get_textpage().get_text_range().strip() for page in scan)
        assert golden["number"] in source[0].get_textpage().get_text_range()
    finally:
        scan.close()
        source.close()


def _sized(line: Line, size: float) -> Line:
    """``line`` with every word ``size`` points high."""
    return Line(line.page, [replace(t, size=size, bottom=t.top + size) for t in line.tokens])


def test_the_executive_beside_a_grid_row_is_no_heading_on_a_scan() -> None:
    # Regression (scans of seed 5): "Der Oberbürgermeister" with the grid's status row beside it,
    # measured large by OCR, was taken for the title over the unlabelled subject.
    lines = [
        text_line(29, [(68, "Stadt Delmenhorst"), (328, "Vorlage-Nr.: VO/2023/0854")]),
        _sized(text_line(47, [(69, "Der Oberbürgermeister"), (328, "Öffentlichkeitsstatus: nicht öffentlich")]), 14),
        text_line(62, [(329, "Datum: 08.11.2023")]),
        _sized(text_line(115, [(69, "Informationsvorlage")]), 16),
        _sized(text_line(146, [(69, "Instandsetzung der Stadthalle in der Bergstraße")]), 14),
        text_line(177, [(69, "Beratungsfolge:")]),
        *(text_line(200 + 14 * k, [(69, "Der Text der Vorlage geht hier in ganzen Sätzen weiter.")]) for k in range(8)),
    ]
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None and found[0] == "Instandsetzung der Stadthalle in der Bergstraße"
    assert is_letterhead("Der Oberbürgermeister") and is_letterhead("Die Landrätin")
    assert not is_letterhead("Der Oberbürgermeister wird beauftragt, zu berichten.")


def test_the_public_status_label_needs_no_colon_and_may_be_split() -> None:
    # Regression (scans of seed 5): "Öffentlichkeitsstatus   nicht öffentlich" (its colon lost)
    # and "Öffentlichkeitsstat us: öffentlich" (split by OCR) were not read.
    for cells, want in (
        (
            [(69, "Der Oberbürgermeister"), (259, "Öffentlichkeitsstatus"), (363, "nicht öffentlich")],
            "nicht öffentlich",
        ),
        ([(69, "Der Oberbürgermeister"), (340, "Öffentlichkeitsstat us:"), (447, "öffentlich")], "öffentlich"),
    ):
        found = labelled_value(line_context([text_line(50, cells)], "generic", ocr=True), "public")
        assert found is not None and found[0] == want


def test_a_grid_label_with_a_mark_before_it_is_no_heading_on_a_scan() -> None:
    # Regression (scans of seed 7): "_Federführend: Fachdienst Tiefbau", a grid row OCR measured
    # large with a speck read before its label, was taken for the title.
    lines = [
        text_line(30, [(69, "Stadt Lingen (Ems)")]),
        _sized(text_line(58, [(327, "_Federführend: Fachdienst Tiefbau")]), 14),
        *(text_line(200 + 14 * k, [(69, "Der Text der Vorlage geht hier in ganzen Sätzen weiter.")]) for k in range(8)),
    ]
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is None or "Federführend" not in found[0]
