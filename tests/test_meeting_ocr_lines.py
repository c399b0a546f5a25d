"""Lines of scanned meeting documents as OCR misreads them (meeting/ocr_lines.py): mended only on
OCR'd pages and only where the page gives evidence."""

from __future__ import annotations

import pytest

from ratsdoc.meeting.ocr_lines import mended_ocr_lines
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo
from tests.conftest import text_line

RULES = MeetingRules()


def _read(rows: list[list[tuple[float, str]]], *, ocr: bool = True) -> list[str]:
    lines = [text_line(100 + 15 * k, cells) for k, cells in enumerate(rows)]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    return [line.text for line in mended_ocr_lines(layout, RULES).lines]


def test_a_worn_marker_is_read_as_the_markers_beside_it() -> None:
    """'62', 'O 3' and 'Öl' in a column of 'Ö' markers are 'Ö 2', 'Ö 3' and 'Ö 1'."""
    rows = [
        [(50, "Öl"), (80, "Eröffnung der Sitzung")],
        [(50, "62"), (80, "Zuschuss an den Heimatverein")],
        [(50, "O 3"), (80, "Bericht der Verwaltung")],
        [(50, "Ö4"), (80, "Fortschreibung")],
        [(50, "Ö 5"), (80, "Wahl der Schiedsperson")],
        [(50, "N 6"), (80, "Vergabe eines Auftrags")],
    ]
    assert _read(rows) == [
        "Ö 1 Eröffnung der Sitzung",
        "Ö 2 Zuschuss an den Heimatverein",
        "Ö 3 Bericht der Verwaltung",
        "Ö4 Fortschreibung",
        "Ö 5 Wahl der Schiedsperson",
        "N 6 Vergabe eines Auftrags",
    ]


def test_numbers_without_markers_beside_them_stay() -> None:
    """A list numbered '61', '62' has no markers to be read as; a born-digital page is never mended."""
    rows = [[(50, "61"), (80, "Haushalt")], [(50, "62"), (80, "Finanzplan")], [(50, "Ö 1"), (300, "Sport")]]
    assert _read(rows) == ["61 Haushalt", "62 Finanzplan", "Ö 1 Sport"]
    marked = [[(50, "Ö 1"), (80, "Eröffnung")], [(50, "62"), (80, "Zuschuss")], [(50, "Ö 3"), (80, "Bericht")]]
    assert _read(marked, ocr=False) == ["Ö 1 Eröffnung", "62 Zuschuss", "Ö 3 Bericht"]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["4.", "41", "4.2", "5."], ["4.", "4.1", "4.2", "5."]),
        (["7.", "71", "72", "8."], ["7.", "7.1", "7.2", "8."]),
        (["4.", "41", "5."], ["4.", "4.1", "5."]),
        # The last numbered line has no item after it to confirm it ('15. Sitzung' over page 2).
        (["14.", "1.", "15."], ["14.", "1.", "15."]),
        # '41' after '40' and '42' after '41' are the numbers they say.
        (["40.", "41", "42"], ["40.", "41", "42"]),
        # After '4' and before '6': no sub-item of 4 either.
        (["4.", "41", "6."], ["4.", "41", "6."]),
    ],
)
def test_a_sub_item_number_that_lost_its_dot_gets_it_back_where_the_list_leaves_no_other_reading(
    numbers: list[str], expected: list[str]
) -> None:
    rows = [[(50 if "." in n else 70, n), (100, "Titel")] for n in numbers]
    assert [text.removesuffix(" Titel") for text in _read(rows)] == expected


def test_a_label_gets_back_its_colon_and_a_location_its_comma() -> None:
    rows = [
        [(50, "Ort Kulturhaus. Großer Saal")],
        [(50, "Beschluss Der Antrag wird angenommen.")],
        [(50, "Beschluss; Die Vorlage wird genehmigt.")],
        [(50, "Ende gut, alles gut.")],
        [(50, "Beginn 18:00 Uhr")],
    ]
    assert _read(rows) == [
        "Ort: Kulturhaus, Großer Saal",
        "Beschluss: Der Antrag wird angenommen.",
        "Beschluss: Die Vorlage wird genehmigt.",
        "Ende gut, alles gut.",
        "Beginn: 18:00 Uhr",
    ]


def test_a_factions_brackets_are_read_right() -> None:
    rows = [
        [(60, "Sabine Riechey (FDP}")],
        [(60, "Petra Schultz FDP)")],
        [(60, "Anna Bauer SPD")],
        [(60, "Anwesend: Anna Hoffmann (CDU), Sabine Riechey (FDP}, Petra Schultz FDP), Eva Rahlfs [SPD)")],
        [(60, "Der Antrag (Antrag der SPD) wird beraten.")],
    ]
    assert _read(rows) == [
        "Sabine Riechey (FDP)",
        "Petra Schultz (FDP)",
        "Anna Bauer SPD",
        "Anwesend: Anna Hoffmann (CDU), Sabine Riechey (FDP), Petra Schultz (FDP), Eva Rahlfs (SPD)",
        "Der Antrag (Antrag der SPD) wird beraten.",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nichtöffenüliche Sitzung", "Nichtöffentliche Sitzung"),
        ("Offentliche Sitzung", "Öffentliche Sitzung"),
        ("Nichtoffentlicher Teil", "Nichtöffentlicher Teil"),
        ("Öffentlichkeit", "Öffentlichkeit"),
        ("Ötisnuiche Sitzung", "Ötisnuiche Sitzung"),
    ],
)
def test_a_misread_part_heading_is_snapped_to_the_heading(line: str, expected: str) -> None:
    assert _read([[(50, line)]]) == [expected]


def test_every_profiles_part_headings_are_part_headings() -> None:
    """What a short line snaps to must open a part: each printed heading matches the patterns."""
    for name, profile in bundled_profiles().items():
        rules = profile.meeting
        for heading in rules.part_headings:
            assert rules.res["public"].match(heading) or rules.res["nonpublic"].match(heading), (name, heading)


def test_lines_stay_the_same_objects_when_nothing_is_mended() -> None:
    lines = [text_line(100, [(50, "1."), (80, "Eröffnung")])]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1])
    assert mended_ocr_lines(layout, RULES) is layout


def test_the_first_item_whose_number_ocr_lost_or_read_as_a_letter() -> None:
    """'l.' for '1.' over '2.', and a title alone at the titles' x under the list's heading."""
    letter = [
        [(50, "Tagesordnung")],
        [(50, "l."), (90, "Genehmigung der Niederschrift")],
        [(50, "2."), (90, "Vergabe der Bauleistungen")],
    ]
    assert _read(letter)[1] == "1. Genehmigung der Niederschrift"
    lost = [
        [(50, "Tagesordnung")],
        [(90, "Umgestaltung des Knotenpunktes")],
        [(90, "mit neuer Lichtsignalanlage")],
        [(50, "2."), (90, "Jahresbericht")],
        [(50, "3."), (90, "Anfragen")],
    ]
    assert _read(lost)[1] == "1. Umgestaltung des Knotenpunktes"
    # A wrapped title under an item is no item; a list with its '1' read stays as it is.
    wrapped = [[(50, "1."), (90, "Haushalt")], [(90, "und Finanzplan")], [(50, "2."), (90, "Anfragen")]]
    assert _read(wrapped) == ["1. Haushalt", "und Finanzplan", "2. Anfragen"]


def test_a_speck_read_as_a_quote_before_an_item_number_goes() -> None:
    assert _read([[(45, '"8'), (90, "Vertragsangelegenheiten")]]) == ["8 Vertragsangelegenheiten"]
