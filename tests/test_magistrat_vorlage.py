"""A Hessian Magistrat's Vorlagen (the ``magistrat-vorlage`` family of
scripts/generate_variants.py): a head grid of label and value cells without colons, numbers with a
letter code and a space ("M 258/2024"), "Der Magistrat schlägt vor:" over the assembly's formula,
and "Der Magistrat" signing over the names without a closing formula, read with the generic
profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.cover_date import read_date
from ratsdoc.extract.items import without_lead
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, line_context, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "public",
    "body",
    "originator",
    "date",
    "attachments",
    "consultations",
    "resolution_proposal",
    "justification",
]

#: Development variants of seed 5, each read wrong before: the subject in a grid cell beside
#: "Betreff", "Vorlage des Magistrats" as type, a signer titled "Stadtrat" (2); "Der Magistrat
#: schlägt vor:" over "Die Stadtverordnetenversammlung beschließt:" (3); a Mitteilungsvorlage
#: without a proposal (4, 8); "möge beschließen:" as the proposal's opening (7, 15); the Amt's
#: cell beside the Dezernat's (10); a paragraph's short last line with a date over "Der
#: Magistrat" (34).
CASES = (2, 3, 4, 7, 8, 10, 15, 34)


@pytest.mark.parametrize("index", CASES)
def test_a_magistrat_vorlage_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"magistrat-vorlage-{index:03d}.pdf"
    assert_reads_as_generated("magistrat_vorlage", f"5/magistrat-vorlage/{index}", pdf, FIELDS)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Vorlage Nr. M 258/2024", "M 258/2024"),
        ("Vorlage Nr. SV-M 45/2025", "SV-M 45/2025"),
        ("Drucksache VL 7/2023", "VL 7/2023"),
        ("Vorlage Nr. 2024/0123", "2024/0123"),
        # Lower-case "nr" is the label's, not a letter code: the count alone is the number.
        ("Die Vorlage nr 12/2024 wird vertagt", "12/2024"),
    ],
)
def test_paper_numbers_with_a_letter_code_and_a_space(text: str, number: str | None) -> None:
    match = bundled_profiles()["generic"].number_re.search(text)
    assert (match.group("number") if match else None) == number


def _items(*texts: str) -> list[tuple[str | None, list[str]]]:
    """Items as the item parser hands them on: (number, line texts); the lines are not looked at."""
    items = [(number or None, [text]) for number, _, text in (t.partition("|") for t in texts)]
    return [
        (number, parts)
        for number, parts, _ in without_lead(bundled_profiles()["generic"], [(n, p, []) for n, p in items])
    ]


def test_the_assemblys_formula_opening_a_proposal_is_no_item() -> None:
    assert _items("|Die Stadtverordnetenversammlung möge beschließen:", "1|Der Plan wird gebilligt.") == [
        ("1", ["Der Plan wird gebilligt."])
    ]


def test_a_formula_run_into_its_one_paragraph_is_cut_from_it() -> None:
    # Regression: with no space between them, the formula and the paragraph were one item.
    profile = bundled_profiles()["generic"]
    lines = [
        text_line(100, [(70, "Die Stadtverordnetenversammlung wolle beschließen:")]),
        text_line(114, [(70, "Der Plan wird gebilligt.")]),
    ]
    item = (None, ["Die Stadtverordnetenversammlung wolle beschließen:", "Der Plan wird gebilligt."], lines)
    assert without_lead(profile, [item]) == [(None, ["Der Plan wird gebilligt."], lines[1:])]


def test_an_attachment_list_ends_at_a_gap_wider_than_its_spacing() -> None:
    # Regression: "Der Magistrat" and the signers under the list were read as attachments.
    lines = [
        text_line(600, [(70, "Anlagen:")]),
        text_line(614, [(70, "Anlage 1: Lageplan")]),
        text_line(628, [(70, "Anlage 2: Kostenberechnung")]),
        text_line(660, [(70, "Der Magistrat")]),
        text_line(680, [(70, "Monika Krüger")]),
    ]
    ctx = line_context(lines, "generic")
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Anlage 1: Lageplan", "Anlage 2: Kostenberechnung"]


def test_a_date_in_the_last_line_of_the_text_over_the_signature_is_not_the_papers() -> None:
    # Regression: a paragraph's short last line ("am 14.08.2023 informiert.") over "Der Magistrat"
    # gave the paper's date.
    lines = [
        text_line(100, [(70, "Die Maßnahme wird im Ausschuss beraten.")]),
        text_line(600, [(70, "Der Ortsteilrat wurde")]),
        text_line(614, [(70, "am 14.08.2023 informiert.")]),
        text_line(640, [(70, "Der Magistrat")]),
        text_line(660, [(70, "Monika Krüger")]),
    ]
    ctx = line_context(lines, "generic")
    read_date(ctx)
    assert ctx.fields.values["date"] is None
    # A place and date line there is the paper's date.
    lines[2] = text_line(614, [(70, "Marburg, den 14.08.2023")])
    ctx = line_context(lines, "generic")
    read_date(ctx)
    assert str(ctx.fields.values["date"]) == "2023-08-14"


def test_an_opening_formula_wrapped_over_two_lines_and_run_into_its_paragraph_is_cut_from_it() -> None:
    # Regression (Bavarian seed 7, paper 6): the formula ended on the paragraph's second line.
    profile = bundled_profiles()["generic"]
    texts = [
        "Der Ausschuss für Schule, Kultur und Sport empfiehlt dem",
        "Marktgemeinderat, folgenden Beschluss zu fassen:",
        "Der Plan wird gebilligt.",
    ]
    lines = [text_line(100 + 14 * k, [(70, text)]) for k, text in enumerate(texts)]
    assert without_lead(profile, [(None, texts, lines)]) == [(None, texts[2:], lines[2:])]
