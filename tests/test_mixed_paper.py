"""Council papers composed at random from independent pools (the ``mixed-paper`` family of
scripts/generate_variants.py): heads as lines, ruled tables or borderless grids, number labels of
every kind with numbers of several shapes, a member's paper printed by the council's system under
the town's letterhead with its submitter after a label, "Erläuterung:" as the facts' heading, a
type line naming the faction that files the paper, a signature block without a closing formula
that members sign "für die Fraktion", a Beratungsfolge whose date column is headed "Sitzung"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ratsdoc.extract.consultations import _header_row
from ratsdoc.extract.generic.closing import date_over_signature, trailing_signature
from ratsdoc.extract.generic.heading import is_filed_type, is_letterhead
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles

from .conftest import VORLAGE_FIELDS, assert_case_reads_as_generated, generated_twice, load_script, text_line

#: The fields checked against the golden: a Vorlage's, and a member's paper's body and faction.
FIELDS = [*VORLAGE_FIELDS, "body", "faction"]

#: Development variants, each read wrong before: a Beratungsfolge headed "Gremium  Sitzung
#: Zuständigkeit" read with its header as a row, and "DS-Nr.: 66.4-521/2024" unread (5/6);
#: "Vorlage: AN/2024/094" unread and the town's letterhead over "Antragsteller:" taken for the
#: sender (5/2); "Erläuterung:" not read as the facts' heading (5/1, 5/26); "Resolution der
#: ÖVP-Fraktion" and "Anfrage der Fraktion CDU" taken for the subject (5/16, 7/11); the date line
#: over names signed "für die Fraktion ÖVP" not found, those names read as text (5/23, 5/33);
#: "Anlage(n):", "Status:" and "Finanzielle Auswirkungen" of a member's letter not read (5/18,
#: 5/30); "Eingereicht von:" (5/32); "Geschäftszahl: A 8 – 68607/2024-8" in a letter (5/34);
#: "An den Marktgemeinderat" (7/1); "Einwohnergemeinde Köniz" taken for the subject (7/20);
#: "GR-Nr.: 2025.7.0222" (7/16); the attachments after "Anlage(n):" read as the last item (7/39).
CASES = (
    "5/6", "5/2", "5/1", "5/26", "5/16", "7/11", "5/23", "5/33", "5/18", "5/30", "5/32", "5/34",
    "7/1", "7/20", "7/16", "7/39",
)  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_composed_paper_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("mixed_paper", "mixed-paper", case, tmp_path, FIELDS)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = generated_twice("mixed_paper", "11/mixed-paper/3", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def test_the_generator_draws_only_kinds_and_bodies_the_reader_knows() -> None:
    module = load_script("mixed_paper")
    vocab = reader_vocabulary()
    kinds = {*module.ADMIN_KINDS, *(k for pool in module.MEMBER_KINDS.values() for k in pool)}
    assert kinds <= set(bundled_profiles()["generic"].document_types) | set(vocab.document_types)
    bodies = {golden for pool in module.COUNCILS.values() for _, golden, _ in pool}
    assert bodies <= set(vocab.bodies)


@pytest.mark.parametrize(
    "header", ["Gremium Sitzung Zuständigkeit", "Gremium Sitzung Zuständigkeit Ö/N", "Sitzung am Gremium"]
)
def test_sitzung_heads_the_date_column(header: str) -> None:
    assert _header_row(header, ocr=False)


def test_a_body_named_sitzung_is_no_header() -> None:
    assert not _header_row("Bauausschuss 12.03.2024 Vorberatung", ocr=False)


@pytest.mark.parametrize("label", ["Erläuterung:", "Erläuterungen:", "Erläuterung"])
def test_erlaeuterung_heads_the_facts(label: str) -> None:
    assert bundled_profiles()["generic"].label("justification").match(label)


@pytest.mark.parametrize("profile", ["generic", "letter"])
@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("DS-Nr.: 66.4-521/2024", "66.4-521/2024"),
        ("Drucksache Nr.: DS 860/23", "DS 860/23"),
        ("Vorlage: AN/2024/094", "AN/2024/094"),
        ("Drucksache: 353/2025", "353/2025"),
        ("Geschäftsnummer: 2024-166", "2024-166"),
        ("GR-Nr.: 2025.7.0222", "2025.7.0222"),
        ("Geschäftszahl: A 8 – 68607/2024-8", "A 8 – 68607/2024-8"),
    ],
)
def test_a_number_label_opening_its_line_gives_the_value_as_printed(profile: str, line: str, number: str) -> None:
    found = bundled_profiles()[profile].number_re.search(line)
    assert found is not None and found.group("number") == number


@pytest.mark.parametrize("profile", ["generic", "letter"])
@pytest.mark.parametrize("line", ["Vorlage: 12.03.2024", "Drucksache: 1.2"])
def test_a_date_or_a_version_after_a_number_label_is_no_number(profile: str, line: str) -> None:
    assert bundled_profiles()[profile].number_re.search(line) is None


def test_a_letter_takes_no_number_from_running_text() -> None:
    assert bundled_profiles()["letter"].number_re.search("Die Vorlage: 2024/123 wurde im Mai beraten.") is None


@pytest.mark.parametrize(
    ("text", "filed"),
    [
        ("Resolution der ÖVP-Fraktion", True),
        ("Antrag der Fraktion Die Linke", True),
        ("Anfrage der Gruppe Volt", True),
        ("Antrag der Bürgerinitiative Lindenplatz auf Sanierung der Sporthalle", False),
        # Paper families, seed 107, Word papers 4: a citizens' initiative's type line over no
        # subject was taken for the subject (silent).
        ("Antrag einer Bürgerinitiative", True),
        ("Anregung des Bürgervereins Kirchfeld e.V.", True),
        ("Petition der Bürgerinitiative Lindenplatz", True),
        ("Antrag der Initiative für mehr Grün", False),
        ("Sanierung der Sporthalle in der Bahnhofstraße", False),
    ],
)
def test_a_type_with_the_faction_that_files_it_is_a_type_line(text: str, filed: bool) -> None:
    assert is_filed_type(text, reader_vocabulary()) is filed


@pytest.mark.parametrize("head", ["Einwohnergemeinde Köniz", "Marktgemeinde Gratkorn", "Stadtgemeinde Leoben"])
def test_a_municipality_named_by_its_kind_is_a_letterhead(head: str) -> None:
    assert is_letterhead(head)


def _signed_for_faction() -> list[Line]:
    """The end of a member's paper: its last sentence, a date line and names signed for the faction."""
    return [
        text_line(600, [(70, "Die Maßnahme ist erforderlich, weil die bisherigen Mittel nicht ausreichen.")]),
        text_line(640, [(70, "Villach, 12. Mai 2025")]),
        text_line(654, [(70, "Katrin Brunner")]),
        text_line(668, [(70, "Katrin Vogel")]),
        text_line(682, [(70, "für die Fraktion ÖVP")]),
    ]


def test_names_signed_for_a_faction_are_a_signature_block() -> None:
    lines = _signed_for_faction()
    del lines[1]  # without the date line, the names stand apart from the text
    assert trailing_signature(lines) == 3


def test_the_date_line_over_names_signed_for_a_faction_is_the_papers() -> None:
    found = date_over_signature(_signed_for_faction())
    assert found is not None and found[0].isoformat() == "2025-05-12"
