"""The worked example of docs/profiles.md works as written: its TOML block is a valid profile
that ratsdoc detects and uses on a paper laid out as the example shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.profile import load_profile_file

DOC = Path(__file__).resolve().parent.parent / "docs" / "profiles.md"

LINES = [
    (56, 780, "Stadt Jena"),
    (330, 780, "Beschlussvorlage BV/2024/017"),
    (56, 760, "Einreicher: Dezernat Stadtentwicklung"),
    (330, 760, "Datum: 04.03.2024"),
    (56, 730, "Betreff: Sanierung der Saalebrücke Burgau"),
    (56, 700, "Beratung im Stadtrat am 20.03.2024 (öffentlich)"),
    (56, 670, "Beschlussvorschlag"),
    (56, 655, "Der Stadtrat beschließt die Sanierung der Saalebrücke Burgau."),
    (56, 625, "Begründung"),
    (56, 610, "Die Brücke ist 1912 errichtet worden und muss saniert werden."),
]


@pytest.fixture()
def profile_dir(tmp_path: Path) -> Path:
    block = re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/profiles.md lost its TOML example"
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "jena.toml").write_text(block.group(1), encoding="utf-8")
    return folder


@pytest.fixture()
def paper(tmp_path: Path) -> Path:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "jena.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    for x, y, text in LINES:
        c.drawString(x, y, text)
    c.save()
    return path


def test_example_profile_is_valid(profile_dir: Path) -> None:
    profile = load_profile_file(profile_dir / "jena.toml")
    assert profile.name == "jena"


def test_example_profile_is_detected_and_used(profile_dir: Path, paper: Path) -> None:
    doc = ratsdoc.parse(paper, profile_dirs=(str(profile_dir),))
    assert doc.profile is not None and doc.profile.name == "jena"
    assert doc.number == "BV/2024/017"
    assert doc.document_type == "Beschlussvorlage"
    assert doc.originator == "Dezernat Stadtentwicklung"
    assert str(doc.date) == "2024-03-04"
    assert doc.title == "Sanierung der Saalebrücke Burgau"
    assert [i.text for i in doc.resolution_proposal] == [
        "Der Stadtrat beschließt die Sanierung der Saalebrücke Burgau."
    ]
    assert doc.justification == "Die Brücke ist 1912 errichtet worden und muss saniert werden."


def test_without_the_folder_the_generic_profile_reads_it(paper: Path) -> None:
    doc = ratsdoc.parse(paper)
    assert doc.profile is not None and doc.profile.name != "jena"


def test_a_missing_profile_folder_is_a_clear_error(tmp_path: Path, paper: Path) -> None:
    with pytest.raises(ratsdoc.ProfileError) as info:
        ratsdoc.parse(paper, profile_dirs=(str(tmp_path / "nope"),))
    assert "profile folder not found" in str(info.value)
