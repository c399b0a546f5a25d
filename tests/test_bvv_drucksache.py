"""Papers of a Berlin district assembly (the ``bvv-drucksache`` family of
scripts/generate_variants.py): numbers within an electoral term in Roman numerals, the assembly
named in the head, an unruled Beratungsfolge over a bold title, "Beschlussempfehlung" as the
paper's type, numbered questions under "Wir fragen das Bezirksamt:", and a date line over the
signature without a closing formula, read with the generic profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.generic.closing import date_over_signature, trailing_signature
from ratsdoc.extract.generic.letter_fields import body_from_letterhead
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.layout.lines import Line, Token
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, line_context, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "body",
    "originator",
    "faction",
    "date",
    "consultations",
    "resolution_proposal",
    "justification",
]

#: Development variants of seed 5, each read wrong before: the head's body on two lines, joint
#: factions signing without a closing (1); "Beschlussempfehlung" as type over a committee's
#: proposal (4); an unruled Beratungsfolge over the bold title (9); a Große Anfrage's numbered
#: questions (11); a signing faction "Bündnis 90/Die Grünen" (12); the date line over the
#: signature only (21); the first consultation's date before the paper's own (23).
CASES = (1, 4, 9, 11, 12, 21, 23)


@pytest.mark.parametrize("index", CASES)
def test_a_bvv_paper_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"bvv-drucksache-{index:03d}.pdf"
    assert_reads_as_generated("bvv_drucksache", f"5/bvv-drucksache/{index}", pdf, FIELDS)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Drucksache – 0567/XIX –", "0567/XIX"),
        ("Drucksache: DS/1234/XXI", "DS/1234/XXI"),
        ("Drs. Nr.: 1234/XX", "1234/XX"),
        ("Drucksache 0112/23", "0112/23"),
        ("Die Drucksache wird zurückgestellt, siehe 12/iv", None),
    ],
)
def test_paper_numbers_within_an_electoral_term(text: str, number: str | None) -> None:
    match = bundled_profiles()["generic"].number_re.search(text)
    assert (match.group("number") if match else None) == number


def _head(*rows: list[tuple[float, str]], bold: bool = True) -> list[Line]:
    """Head lines 14 pt apart from the top of page 1, every word bold or not."""
    lines = [text_line(40 + 14 * k, cells) for k, cells in enumerate(rows)]
    return [
        Line(1, [Token(t.text, t.x0, t.top, t.x1, t.bottom, t.size, bold=bold) for t in line.tokens]) for line in lines
    ]


def test_the_assembly_heading_a_paper_is_its_body() -> None:
    vocab = reader_vocabulary()
    one = _head([(70, "Bezirksverordnetenversammlung Pankow"), (420, "Drucksache – 0567/XIX –")])
    assert body_from_letterhead(one, 842.0, vocab, "Fraktion der SPD")[0] == "Bezirksverordnetenversammlung Pankow"
    two = _head(
        [(70, "Bezirksverordnetenversammlung"), (420, "Drs. Nr.: 1234/XX")],
        [(70, "Steglitz-Zehlendorf"), (420, "Datum: 16.08.2022")],
    )
    found = body_from_letterhead(two, 842.0, vocab, None)
    assert found is not None and found[0] == "Bezirksverordnetenversammlung Steglitz-Zehlendorf"


def test_a_sender_letterhead_and_a_column_of_cells_name_no_body() -> None:
    vocab = reader_vocabulary()
    # A Stadtteilbeirat's own letterhead over its Stellungnahme names the sender.
    sender = _head([(70, "Stadtteilbeirat Büchenbach")])
    assert body_from_letterhead(sender, 842.0, vocab, "Stadtteilbeirat Büchenbach") is None
    # Regression: a cover's column of cells ("Stadtrat" over "Dringliche" over
    # "Entscheidungsvorlage") read as the body "Stadtrat Dringliche".
    cells = _head(
        [(70, "Fraktion Mehrwertstadt")], [(380, "Stadtrat")], [(380, "Dringliche")], [(380, "Entscheidungsvorlage")]
    )
    assert body_from_letterhead(cells, 842.0, vocab, "Fraktion Mehrwertstadt") is None


def test_an_unruled_beratungsfolge_ends_at_the_bold_title_under_it() -> None:
    # Regression: the title and the request under the rows were read as the last body's name.
    lines = [
        text_line(100, [(70, "Beratungsfolge:")]),
        text_line(114, [(70, "23.05.2024"), (150, "Verkehrsausschuss")]),
        text_line(128, [(70, "04.06.2024"), (150, "Bezirksverordnetenversammlung Pankow")]),
        Line(
            1,
            [
                Token(w, 70 + 60 * k, 150, 120 + 60 * k, 161, 11.0, bold=True)
                for k, w in enumerate(["Neubau", "der", "Kita"])
            ],
        ),
        text_line(176, [(70, "Die BVV möge beschließen:")]),
    ]
    ctx = line_context(lines, "generic")
    extract_consultations(ctx)
    assert [c.body for c in ctx.fields.values["consultations"]] == [
        "Verkehrsausschuss",
        "Bezirksverordnetenversammlung Pankow",
    ]


def test_a_date_line_over_the_signature_without_a_closing_is_the_papers_date() -> None:
    lines = [
        text_line(600, [(70, "Die Kosten sind im Haushalt 2025 veranschlagt.")]),
        text_line(640, [(70, "Berlin, den 07.09.2023")]),
        text_line(660, [(70, "Julia Schmidt")]),
        text_line(674, [(70, "Fraktion Bündnis 90/Die Grünen und Fraktion DIE LINKE")]),
    ]
    found = date_over_signature(lines)
    assert found is not None and found[0].isoformat() == "2023-09-07"
    # Without the date line the signers still end the text: the factions' line is a signature line.
    assert trailing_signature([lines[0], *lines[2:]]) == 2
    # A sentence at the end is no signature, so the date in the line above it is not taken.
    assert date_over_signature([*lines[:2], text_line(660, [(70, "Wir bitten um Zustimmung.")])]) is None


def test_a_date_line_over_the_signature_under_the_attachments_is_the_papers_date() -> None:
    # Paper families, seed 107, mixed paper 5: "Anlage:" / "Kostenschätzung" over "Gratkorn, 19.
    # Mai 2023" and the signers: the text was cut at the attachments' label, which is taken to
    # follow the signature, and the date was lost (warned).
    lines = [
        text_line(560, [(70, "d) die Spielplatzausstattung am Lessingplatz.")]),
        text_line(590, [(70, "Anlage:")]),
        text_line(604, [(70, "Kostenschätzung")]),
        text_line(618, [(70, "Gratkorn, 19. Mai 2023")]),
        text_line(650, [(70, "Stefan Vogel")]),
        text_line(664, [(70, "Regula Wagner")]),
        text_line(678, [(70, "für die Fraktion FPÖ")]),
    ]
    found = date_over_signature(lines)
    assert found is not None and found[0].isoformat() == "2023-05-19"
    # The attachments under the signature are still passed over.
    moved = [lines[0], *lines[3:], *lines[1:3]]
    found = date_over_signature(moved)
    assert found is not None and found[0].isoformat() == "2023-05-19"
