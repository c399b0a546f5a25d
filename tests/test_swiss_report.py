"""Swiss reports with a proposal (the ``swiss-report`` family of scripts/generate_variants.py): a
business number ("GR-Nr. 2024/74", "B+A 88/2022"), a type line addressed to the parliament over
the subject, reasons under "1. Ausgangslage", the proposal under "2. Antrag" opened by the
executive's formula, and "Namens des Stadtrates" over the signatures, read with the letter and
the generic profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.generic.heading import is_addressed_type
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated

#: The fields checked against the golden.
FIELDS = ["number", "title", "document_type", "body", "originator", "date", "resolution_proposal", "justification"]

#: Development variants of seed 5, each read wrong before: "Bericht und Antrag an den Grossen
#: Stadtrat" over the subject, "GR-Nr." and "B+A" numbers, "2. Antrag" with the executive's
#: formula (2, 3, 8); a Botschaft to the Einwohnerrat with one paragraph over the date line (4);
#: a date line over "Namens des Gemeinderates" only (10); "Geschäft Nr. 2025-037" (26).
CASES = (2, 3, 4, 8, 10, 26)


@pytest.mark.parametrize("index", CASES)
def test_a_swiss_report_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"swiss-report-{index:03d}.pdf"
    assert_reads_as_generated("swiss_report", f"5/swiss-report/{index}", pdf, FIELDS)


@pytest.mark.parametrize("profile", ["generic", "letter"])
@pytest.mark.parametrize(
    ("text", "number"),
    [("GR-Nr. 2024/74", "2024/74"), ("B+A 88/2022", "88/2022"), ("Geschäft Nr. 2025-037", "2025-037")],
)
def test_swiss_business_numbers(profile: str, text: str, number: str) -> None:
    match = bundled_profiles()[profile].number_re.search(text)
    assert match is not None and match.group("number") == number


def test_only_a_type_addressed_to_a_body_is_a_type_line_over_the_subject() -> None:
    vocab = reader_vocabulary()
    assert is_addressed_type("Bericht und Antrag an den Grossen Stadtrat", vocab)
    assert is_addressed_type("Botschaft an das Parlament", vocab)
    # A subject that opens with a type and goes on is the subject (Erlangen's Stellungnahmen).
    assert not is_addressed_type("Stellungnahme des Stadtteilbeirates zur Streckenführung der StUB", vocab)
    assert not is_addressed_type("Antrag an den Stadtrat zur Sanierung der Turnhalle am Markt", vocab)
