"""Vorlagen and letters typed into Word templates with boxes anchored to the page and content
controls, exported by LibreOffice (the ``office-frames`` family of scripts/generate_variants.py):
an information block beside the kind and the subject, whose rows share the subject's lines in
the PDF, read with the generic profile."""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.extract.generic.heading import heading_title, side_box, subject_title, without_box
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.layout.lines import Line, Token

from .conftest import VORLAGE_FIELDS, generated_twice, load_script, text_line

#: The fields checked against the golden (the letters' body and faction as well).
FIELDS = [*VORLAGE_FIELDS, "body", "faction"]

#: Development variants whose subject was read with the information block's rows beside it
#: ("... Stadthalle am Vorlagen-Nr.: 0953/2022 Steinweg ...", 5/12; "... am Lessingplatz Datum:
#: 23.06.2025", cut off at a row of the block between its lines, 5/19; a label glued to the
#: subject's last word, "... Kirchweg und Federführung:", 5/37; a letter's subject beside its
#: sender column, 5/3).
TITLE_CASES = ("5/12", "5/19", "5/37", "5/3")
#: Read right before and kept so: the kind as a drop-down list in the placeholder style (5/4), a
#: letter's information block with labels over values (5/5), unfilled controls showing their
#: placeholder text in a letter's information block (5/6).
WHOLE_CASES = ("5/4", "5/5", "5/6")
CASES = TITLE_CASES + WHOLE_CASES

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or importlib.util.find_spec("docx") is None,
    reason="LibreOffice (soffice) and python-docx build the Word papers",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development variants, typed and converted in one LibreOffice run as the generator does."""
    variants = load_script("generate_variants")
    work = tmp_path_factory.mktemp("office-frames")
    jobs, goldens = [], {}
    try:
        for case in CASES:
            seed, index = case.split("/")
            docx = work / f"office-frames-{seed}-{int(index):03d}.docx"
            goldens[case] = variants.office_frames(random.Random(f"{seed}/office-frames/{index}"), docx)
            jobs.append((docx, docx.with_suffix(".pdf")))
        variants.convert_all(jobs, work)
    finally:
        variants.ff.default_faces()
    return {case: (pdf, goldens[case]) for case, (_, pdf) in zip(CASES, jobs, strict=True)}


@needs_office
@pytest.mark.parametrize("case", TITLE_CASES)
def test_a_subject_beside_a_box_is_read_without_the_box(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    assert ratsdoc.parse(pdf).title == golden["title"]


@needs_office
@pytest.mark.parametrize("case", WHOLE_CASES)
def test_a_word_paper_with_boxes_reads_as_its_generator_wrote_it(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert paper[name] == golden[name], name


def test_the_same_seed_types_the_same_paper(tmp_path: Path) -> None:
    # The goldens and the DOCX's text come from the seed alone (no LibreOffice needed).
    if importlib.util.find_spec("docx") is None:
        pytest.skip("python-docx is not installed")
    first, again = generated_twice("office_frames", "3/office-frames/1", tmp_path / "a.docx", tmp_path / "b.docx")
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["title"]


def _bold_line(top: float, cells: list[tuple[float, str]], size: float = 11.0) -> Line:
    """A line of bold words at ``size``, each cell starting at its x."""
    tokens = []
    for x, text in cells:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 0.55 * size * len(word), top + size, size, bold=True))
            x += 0.55 * size * len(word) + 3.0
    return Line(1, tokens)


def _beside(top: float, bold: list[tuple[float, str]], box: list[tuple[float, str]]) -> Line:
    """A bold line of the flow with a box's regular words beside it on the same baseline."""
    line = _bold_line(top, bold)
    return Line(1, [*line.tokens, *text_line(top, box).tokens])


def _page() -> list[Line]:
    """The head of a Vorlage whose information block stands beside the kind and the subject."""
    return [
        _bold_line(40, [(71, "Stadt Nordhorn")], 14.0),
        Line(
            1,
            [*_bold_line(70, [(71, "Beschlussvorlage")], 16.0).tokens, *text_line(72, [(376, "Vorlage-Nr.:")]).tokens],
        ),
        text_line(86, [(376, "Status:"), (454, "öffentlich")]),
        _beside(100, [(71, "Energetische Sanierung der Stadthalle am")], [(376, "Datum:"), (454, "15.11.2022")]),
        text_line(110, [(376, "Federführende Dienststelle:")]),
        _beside(116, [(71, "Steinweg nach dem Beschluss vom 11.01.2024")], [(454, "Fachbereich Bauen")]),
        text_line(140, [(376, "Telefon:"), (454, "05921 41-234")]),
        _bold_line(240, [(71, "Beschlussvorschlag:")]),
        text_line(256, [(71, "Der Rat beschließt die Sanierung der Stadthalle.")]),
    ]


def test_the_first_heading_beside_an_information_block_is_read_without_its_rows() -> None:
    # Regression (5/12, 5/19): the subject took the block's rows and stopped at the row between its lines.
    found = heading_title(_page(), 842.0, reader_vocabulary())
    assert found is not None
    assert found[0] == "Energetische Sanierung der Stadthalle am Steinweg nach dem Beschluss vom 11.01.2024"


def test_a_labelled_subject_beside_an_information_block_is_read_without_its_rows() -> None:
    lines = [
        _bold_line(40, [(71, "Stadt Nordhorn")], 14.0),
        text_line(70, [(71, "Beschlussvorlage"), (376, "Vorlage-Nr.:"), (454, "VO/2024/0456")]),
        text_line(84, [(376, "Status:"), (454, "öffentlich")]),
        _beside(
            98, [(71, "Betreff:"), (140, "Sanierung der Stadthalle und")], [(376, "Federführung:"), (454, "Amt 61")]
        ),
        _bold_line(112, [(140, "Neubau der Mensa")]),
        text_line(150, [(71, "Beratungsfolge:")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    assert found[0][0] == "Sanierung der Stadthalle und Neubau der Mensa"


def test_a_box_glued_to_the_subject_is_cut_at_the_edge_its_labels_share() -> None:
    # Regression (5/37): "... Kirchweg und Federführung:" with a gap narrower than a segment's before the label;
    # the values' column (454) has more lines, the labels' edge is the box's.
    glued = _bold_line(100, [(71, "Erweiterung der Stadtbibliothek am Kirchweg und")])
    edge = glued.x1 + 10.0  # the box's distance from the text wrapped beside it
    lines = [
        _bold_line(40, [(71, "Stadt Nordhorn")], 14.0),
        Line(
            1,
            [
                *_bold_line(70, [(71, "Mitteilungsvorlage")], 16.0).tokens,
                *text_line(72, [(edge, "Vorlage-Nr.:"), (454, "MV/0749/2025")]).tokens,
            ],
        ),
        text_line(86, [(edge, "Status:"), (454, "öffentlich")]),
        Line(1, [*glued.tokens, *text_line(100, [(edge, "Federführung:"), (454, "Fachbereich Bildung,")]).tokens]),
        Line(
            1,
            [
                *_bold_line(116, [(71, "Ergänzung um eine Bushaltestelle")]).tokens,
                *text_line(116, [(454, "Jugend und Sport")]).tokens,
            ],
        ),
        text_line(240, [(71, "Der Rat nimmt den Bericht zur Kenntnis.")]),
    ]
    assert len(lines[3].segments()) == 2  # the label in one segment with the subject, its value apart
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None
    assert found[0] == "Erweiterung der Stadtbibliothek am Kirchweg und Ergänzung um eine Bushaltestelle"


def test_a_page_without_a_box_keeps_its_lines() -> None:
    # A date at the right of one line and a table's columns below the head are no box.
    lines = [
        _bold_line(40, [(71, "SPD-Fraktion im Rat der Stadt Köln")], 13.0),
        text_line(80, [(71, "Herrn Oberbürgermeister"), (420, "Köln, 12.03.2024")]),
        text_line(92, [(71, "Max Mustermann")]),
        _bold_line(130, [(71, "Sanierung der Stadthalle")]),
        text_line(160, [(71, "Datum"), (160, "Gremium"), (400, "Zuständigkeit")]),
        text_line(172, [(71, "20.11.2025"), (160, "Rat"), (400, "Entscheidung")]),
    ]
    assert side_box(lines) is None
    assert without_box(lines, side_box(lines)) == lines
