"""Vorlagen as SD.NET and Somacos council systems print them (the ``sdnet-vorlage`` family of
scripts/generate_variants.py): a head grid whose office wraps within its cell ("Federführende
Dienststelle:"), "Dringlichkeitsvorlage" as type, "Anlage(n):" over the attachments, financial
effects as boxes with a sentence under them or under "Auswirkungen auf den Haushalt:", and a
proposal opened by whom a committee recommends to decide, read with the generic profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.generic.heading import is_letterhead
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.labelled import labelled_value
from ratsdoc.extract.sections import extract_justification
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles

from .conftest import VORLAGE_FIELDS, assert_reads_as_generated, line_context, read_proposal, text_line

#: The fields checked against the golden.
FIELDS = VORLAGE_FIELDS

#: Development variants of seed 5, each read wrong before: "Dringlichkeitsvorlage" under
#: "Universitätsstadt Marburg" beside the grid, whose line was taken for the title (4); "Anlage(n):"
#: over "Anlage 1: Lageplan" and "Es entstehen keine Folgekosten." under the boxes, both read as
#: reasons (9); "Der Ortsrat Mitte empfiehlt dem Stadtrat, wie folgt zu beschließen:" read as an
#: item (12); "Auswirkungen auf den Haushalt:" read as an item, "Federführende Dienststelle:"
#: not read (18); the office wrapped in its cell over two and three lines (22, 23).
CASES = (4, 9, 12, 18, 22, 23)


@pytest.mark.parametrize("index", CASES)
def test_an_sdnet_vorlage_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"sdnet-vorlage-{index:03d}.pdf"
    assert_reads_as_generated("sdnet_vorlage", f"5/sdnet-vorlage/{index}", pdf, FIELDS)


def test_dringlichkeitsvorlage_is_a_type_of_both_vocabularies() -> None:
    assert "Dringlichkeitsvorlage" in reader_vocabulary().document_types
    assert "Dringlichkeitsvorlage" in bundled_profiles()["generic"].document_types


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Universitätsstadt Marburg", True),
        ("Große Kreisstadt Freising", True),
        ("Bundesstadt Bonn", True),
        ("Sanierung der Universitätsbibliothek", False),
    ],
)
def test_a_town_named_by_its_title_is_a_letterhead(text: str, head: bool) -> None:
    assert is_letterhead(text) is head


def _grid(*rows: tuple[float, list[tuple[float, str]]]) -> list[Line]:
    return [text_line(top, cells) for top, cells in rows]


def _originator(lines: list[Line]) -> str | None:
    found = labelled_value(line_context(lines, "generic"), "originator")
    return found[0] if found else None


def test_an_office_wrapped_within_its_grid_cell_is_read_whole() -> None:
    # Regression: only the cell's first line was read ("Fachdienst").
    lines = _grid(
        (40, [(70, "Stadt Marburg"), (300, "Datum:"), (480, "19.04.2024")]),
        (52, [(70, "Die Bürgermeisterin"), (300, "Federführende Dienststelle:"), (480, "Fachdienst")]),
        (64, [(480, "Umwelt und")]),
        (76, [(480, "Klimaschutz")]),
        (88, [(300, "Verfasser:"), (480, "Krüger, Claudia")]),
    )
    assert _originator(lines) == "Fachdienst Umwelt und Klimaschutz"


def test_the_grids_next_row_and_text_at_the_margin_do_not_go_on_with_the_office() -> None:
    lines = _grid(
        (40, [(70, "Federführend:"), (180, "Fachbereich 3 – Bauen")]),
        (52, [(70, "Sachbearbeitung:"), (180, "Krüger, Claudia")]),
    )
    assert _originator(lines) == "Fachbereich 3 – Bauen"
    lines = _grid(
        (40, [(70, "Federführend:"), (180, "Fachbereich 3 – Bauen")]),
        (52, [(70, "Der Ausschuss hat die Planung der Maßnahme beraten und")]),
    )
    assert _originator(lines) == "Fachbereich 3 – Bauen"
    lines = _grid(
        (40, [(70, "Federführend:"), (180, "Fachbereich 3 – Bauen")]),
        (70, [(180, "Die Kosten der Maßnahme sind im Haushalt veranschlagt.")]),
    )
    assert _originator(lines) == "Fachbereich 3 – Bauen"


def _justification(lines: list[Line], claimed: tuple[int, ...] = ()) -> str | None:
    ctx = line_context(lines, "generic")
    ctx.claimed.update(claimed)
    extract_justification(ctx)
    value = ctx.fields.values["justification"]
    return value if isinstance(value, str) else None


def test_a_checkbox_groups_label_ends_the_reasons_though_its_line_is_claimed() -> None:
    # Regression: the group's line (read with its boxes) was skipped and the sentence under the
    # boxes was read as the reasons' last paragraph.
    lines = [
        text_line(100, [(70, "Sachverhalt:")]),
        text_line(114, [(70, "Die Halle ist in einem schlechten Zustand.")]),
        text_line(140, [(70, "Finanzielle Auswirkungen:"), (240, "ja"), (300, "nein")]),
        text_line(154, [(70, "Die Mittel stehen im Haushalt 2025 zur Verfügung.")]),
    ]
    assert _justification(lines, claimed=(2,)) == "Die Halle ist in einem schlechten Zustand."


@pytest.mark.parametrize(
    ("label", "cells", "attachments"),
    [
        ("Anlage(n):", [(70, "Anlage 1: Lageplan")], ["Anlage 1: Lageplan"]),
        ("Anlage(n)", [(70, "1. Kostenschätzung")], ["Kostenschätzung"]),
        ("Anlagen keine", [], []),
    ],
)
def test_sdnet_attachment_labels_end_the_reasons_and_head_the_list(
    label: str, cells: list[tuple[float, str]], attachments: list[str]
) -> None:
    lines = [
        text_line(100, [(70, "Begründung:")]),
        text_line(114, [(70, "Die Halle ist in einem schlechten Zustand.")]),
        text_line(140, [(70, label)]),
    ]
    if cells:
        lines.append(text_line(154, cells))
    assert _justification(lines) == "Die Halle ist in einem schlechten Zustand."
    ctx = line_context(lines, "generic")
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == attachments


def _proposal(*texts: str) -> list[tuple[str | None, str]]:
    return read_proposal("Beschlussempfehlung:", *texts)


def test_a_recommendation_to_decide_as_follows_opens_the_proposal() -> None:
    # Regression: "... empfiehlt dem Stadtrat, wie folgt zu beschließen:" was the first item.
    assert _proposal(
        "Der Ortsrat Mitte empfiehlt dem Stadtrat, wie folgt zu beschließen:", "Der Plan wird gebilligt."
    ) == [(None, "Der Plan wird gebilligt.")]


def test_the_effects_on_the_budget_end_the_proposal() -> None:
    # Regression: "Auswirkungen auf den Haushalt:" and its sentence were read as items.
    assert _proposal("Der Plan wird gebilligt.", "Auswirkungen auf den Haushalt:", "Keine.") == [
        (None, "Der Plan wird gebilligt.")
    ]


def test_an_office_wrapped_in_its_cell_beside_the_next_cells_label_is_read_whole() -> None:
    # Regression (browser prints, seed 113, paper 6): a grid of two label columns ("Federführende
    # Stelle: Fachbereich Stadtentwicklung und" beside "Sachbearbeitung: Zimmermann,") lost the
    # office's wrapped "Bauen" and dropped the unfinished office (warned).
    lines = _grid(
        (
            40,
            [
                (50, "Federführende Stelle:"),
                (160, "Fachbereich Stadtentwicklung und"),
                (330, "Sachbearbeitung:"),
                (444, "Zimmermann,"),
            ],
        ),
        (51, [(160, "Bauen"), (444, "Michael")]),
        (65, [(50, "Erstellt am:"), (160, "09.10.2023")]),
    )
    assert _originator(lines) == "Fachbereich Stadtentwicklung und Bauen"
    # The grid's next row under it is no part of the office.
    lines = _grid(
        (
            40,
            [(50, "Federführende Stelle:"), (160, "Fachbereich Bauen"), (330, "Sachbearbeitung:"), (444, "Zimmermann")],
        ),
        (51, [(50, "Erstellt am:"), (160, "09.10.2023")]),
    )
    assert _originator(lines) == "Fachbereich Bauen"


def test_a_wrapped_label_whose_value_stands_a_words_gap_after_it_is_read() -> None:
    # Regression (synopses, seed 11, paper 37): "Federführendes" over "Amt:", the value
    # "Tiefbauamt" at the grid's value column only a word's gap after the label's first line, was
    # read as one run; the office was lost and the town's letterhead taken for it (silent).
    lines = _grid(
        (104, [(71, "DS-Nr.:"), (164, "55/181/23")]),
        (117, [(71, "Erstellt am:"), (164, "09.10.2023")]),
        (130, [(71, "Federführendes"), (164, "Tiefbauamt")]),  # 9 pt after the label's 155
        (142, [(71, "Amt:")]),
    )
    assert len(lines[2].segments()) == 1
    assert _originator(lines) == "Tiefbauamt"
    # Without a grid row above to show the value column, the run stays whole.
    assert _originator(lines[2:]) is None
