"""Austrian reports and motions to a Gemeinderat (the ``austrian-report`` family of
scripts/generate_variants.py): file numbers after "GZ" or "Zl.", the department as originator,
"Motivenbericht" as the reasons, the committee's motion ending in "der Gemeinderat wolle
beschließen:" over two lines, and the signers' roles over their names, read with the generic
profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.generic.proposal import proposal_section
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, text_line

#: The fields checked against the golden.
FIELDS = ["number", "title", "document_type", "body", "originator", "date", "resolution_proposal", "justification"]

#: Development variants of seed 5, each read wrong before: "GZ: A 4 – 43211/2022-2" and the
#: motion's formula wrapped over two lines (2); "Motivenbericht:" and one paragraph over the
#: signers' roles (5); "GZ.: Präs." and a department named "...direktion" (1, 3).
CASES = (1, 2, 3, 5)


@pytest.mark.parametrize("index", CASES)
def test_an_austrian_report_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"austrian-report-{index:03d}.pdf"
    assert_reads_as_generated("austrian_report", f"5/austrian-report/{index}", pdf, FIELDS)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("GZ: A 8 – 12345/2024-3", "A 8 – 12345/2024-3"),
        ("Zl. 05-123/2024", "05-123/2024"),
        ("GZ.: Präs. 1234/2024", "Präs. 1234/2024"),
    ],
)
def test_austrian_file_numbers(text: str, number: str) -> None:
    match = bundled_profiles()["generic"].number_re.search(text)
    assert match is not None and match.group("number") == number


def test_a_motions_formula_wrapped_over_two_lines_heads_the_request() -> None:
    lines = [
        text_line(100, [(70, "Die Kosten sind im Haushalt 2025 veranschlagt.")]),
        text_line(124, [(70, "Der Ausschuss für Stadtentwicklung stellt daher den Antrag, der")]),
        text_line(138, [(70, "Gemeinderat wolle beschließen:")]),
        text_line(152, [(70, "1."), (90, "Der Plan wird gebilligt.")]),
    ]
    section = proposal_section(lines, reader_vocabulary())
    assert section is not None
    head, _, body, more = section
    assert head is lines[1] and more == [lines[2]] and body == [lines[3]]


def test_a_motions_formula_broken_by_a_page_break_heads_the_request() -> None:
    # Regression (seed 7, paper 16): "..., der Gemeinderat" at a page's foot and "wolle
    # beschließen:" on the next page were no heading; the items were lost and read as reasons.
    lines = [
        text_line(700, [(70, "Der Ausschuss für Stadtentwicklung stellt daher den Antrag, der Gemeinderat")]),
        text_line(80, [(70, "wolle beschließen:")], page=2),
        text_line(94, [(70, "1."), (90, "Der Plan wird gebilligt.")], page=2),
    ]
    section = proposal_section(lines, reader_vocabulary())
    assert section is not None and section[0] is lines[0] and section[3] == [lines[1]] and section[2] == [lines[2]]
