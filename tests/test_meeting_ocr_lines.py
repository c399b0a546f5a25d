"""Lines of scanned meeting documents as OCR misreads them (meeting/ocr_lines.py): mended only on
OCR'd pages and only where the page gives evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
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
        # A session's kind, read right, is no part heading however close it reads.
        ("Ordentliche Sitzung", "Ordentliche Sitzung"),
        ("Außerordentliche Sitzung", "Außerordentliche Sitzung"),
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


def test_a_part_heading_garbled_past_snapping_is_read_by_its_place() -> None:
    """'Ötisnuiche Sitzung' and 'niecnwienuche Sitzung' right over a numbered item (an office-worn
    Bavarian Einladung, every item's ``public`` was None) are the two part headings; a short
    line that is no heading by its first letter or length, or stands over no item, stays."""
    rows = [
        [(50, "Tagesordnung:")],
        [(50, "Ötisnuiche Sitzung")],
        [(50, "1."), (80, "Genehmigung der Niederschrift")],
        [(50, "2."), (80, "Wünsche und Anfragen")],
        [(50, "niecnwienuche Sitzung")],
        [(50, "3."), (80, "Vertragsangelegenheiten")],
        [(50, "Offene Sitzung")],
        [(50, "4."), (80, "Grundstücksangelegenheiten")],
        [(50, "Kurze Sitzung")],
        [(50, "5."), (80, "Personalangelegenheiten")],
        [(50, "Ötisnuiche Sitzung")],
    ]
    assert _read(rows) == [
        "Tagesordnung:",
        "Öffentliche Sitzung",
        "1. Genehmigung der Niederschrift",
        "2. Wünsche und Anfragen",
        "Nichtöffentliche Sitzung",
        "3. Vertragsangelegenheiten",
        "Offene Sitzung",
        "4. Grundstücksangelegenheiten",
        "Kurze Sitzung",
        "5. Personalangelegenheiten",
        "Ötisnuiche Sitzung",
    ]
    assert _read(rows[:3], ocr=False)[1] == "Ötisnuiche Sitzung"


def test_an_item_numbers_box_widened_by_a_speck_is_cut_back_to_the_list_column() -> None:
    """'10' read from x 21 (a speck in the margin) to 63 where the list's numbers stand at 50: the
    agenda reader took the line for a wrapped title of item 9."""
    rows = [[(50, f"{n}."), (95, "Titel")] for n in (8, 9)]
    rows += [[(21, "10"), (95, "Genehmigung")], [(50, "11."), (95, "Anfragen")]]
    lines = [text_line(100 + 15 * k, cells) for k, cells in enumerate(rows)]
    lines[2].tokens = [replace(lines[2].tokens[0], x1=63.0), *lines[2].tokens[1:]]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1])
    mended = mended_ocr_lines(layout, RULES).lines
    assert mended[2].tokens[0].x0 == pytest.approx(50.0)
    assert mended[2].text == "10 Genehmigung"
    # A number standing in the column, or a box with fewer than two numbers in it, stays.
    alone = [[(21, "10"), (95, "Genehmigung")], [(50, "11."), (95, "Anfragen")]]
    assert [line.x0 for line in _lines(alone)] == [21.0, 50.0]


def _lines(rows: list[list[tuple[float, str]]]) -> list[Line]:
    lines = [text_line(100 + 15 * k, cells) for k, cells in enumerate(rows)]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1])
    return mended_ocr_lines(layout, RULES).lines


@pytest.mark.parametrize(
    ("word", "expected"),
    [("V0/2019/295", "VO/2019/295"), ("AN0/2021/12", "ANO/2021/12"), ("10/2019/295", "10/2019/295"), ("V0", "V0")],
)
def test_a_paper_codes_letter_o_read_as_a_zero(word: str, expected: str) -> None:
    assert _read([[(50, "3."), (80, f"Bebauungsplan {word}")]]) == [f"3. Bebauungsplan {expected}"]


def test_a_worn_top_label_run_together_with_its_number_is_read_apart() -> None:
    """'TOoP1', 'ToPpÖ1', 'TOPÖ5S' and 'ToP 11' in a column of 'TOP' labels read right; a word
    that only starts like the label ('Topf') and a page without labels read right stay."""
    rows = [
        [(50, "TOoP1"), (100, "Eröffnung")],
        [(50, "TOP"), (75, "2"), (100, "Bericht")],
        [(50, "ToPpÖ3"), (100, "Haushalt")],
        [(50, "TOP"), (75, "4"), (100, "Anfragen")],
        [(50, "TOPÖ5S"), (100, "Fortschreibung")],
        [(50, "ToP"), (75, "11"), (100, "Ausbau")],
        [(50, "Topf"), (100, "Deckel")],
    ]
    assert _read(rows) == [
        "TOP 1 Eröffnung",
        "TOP 2 Bericht",
        "TOP Ö 3 Haushalt",
        "TOP 4 Anfragen",
        "TOP Ö 5 Fortschreibung",
        "TOP 11 Ausbau",
        "Topf Deckel",
    ]
    assert _read([rows[0], rows[2]]) == ["TOoP1 Eröffnung", "ToPpÖ3 Haushalt"]


def test_a_number_read_as_signs_is_the_one_its_neighbours_leave_out() -> None:
    """'£.' between '1.' and '3.', 'N?' between 'Ö 6' and 'N 8' over a part heading, two garbled
    labels in a row between 'TOP Ö 5' and 'TOP Ö 8', and 'o7rı' between 'Ö 7' and 'Ö 7.2'."""
    plain = [[(50, "1."), (80, "Eröffnung")], [(50, "£."), (80, "Verordnung")], [(50, "3."), (80, "Anfragen")]]
    assert _read(plain)[1] == "2. Verordnung"
    marked = [
        [(50, "Ö 6"), (80, "Neubau")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "N?"), (80, "Vergabe")],
        [(50, "N 8"), (80, "Grundstücke")],
    ]
    assert _read(marked)[2] == "N 7 Vergabe"
    chain = [
        [(50, "TOP"), (75, "Ö"), (85, "5"), (100, "Anfragen")],
        [(50, "TOPOG"), (100, "Fortschreibung")],
        [(50, "TOPO?T"), (100, "Stadtentwicklung")],
        [(50, "TOP"), (75, "Ö"), (85, "8"), (100, "Besetzung")],
    ]
    assert _read(chain)[1:3] == ["TOP Ö 6 Fortschreibung", "TOP Ö 7 Stadtentwicklung"]
    sub = [
        [(50, "Ö 7"), (80, "Stellplatzsatzung")],
        [(50, "o7rı"), (80, "Bauabschnitt")],
        [(50, "Ö 7.2"), (80, "Kosten")],
    ]
    assert _read(sub)[1] == "Ö 7.1 Bauabschnitt"
    # Neighbours that leave no number out, or two out, confirm nothing.
    assert _read([plain[0], plain[1], [(50, "2."), (80, "Anfragen")]])[1] == "£. Verordnung"
    assert _read([plain[0], plain[1], [(50, "4."), (80, "Anfragen")]])[1] == "£. Verordnung"


def test_a_garbled_number_at_a_lists_end_needs_its_digits() -> None:
    """'TOPS 5' after 'TOP 4' where the part ends, and 'Ö1ll' after 'Ö 10' at a page's foot: the
    signs hold the next number's digits. 'o7rı' there holds none and stays."""
    end = [
        [(50, "TOP"), (75, "4"), (100, "Vergabe")],
        [(50, "TOPS"), (75, "5"), (100, "Fortschreibung")],
        [(50, "Nichtöffentliche Sitzung")],
        [(50, "TOP"), (75, "1"), (100, "Mietvertrag")],
    ]
    assert _read(end)[1] == "TOP 5 Fortschreibung"
    foot = [[(50, "Ö 10"), (90, "Fortschreibung")], [(50, "Ö1ll"), (90, "Kreditaufnahme")]]
    assert _read(foot)[1] == "Ö 11 Kreditaufnahme"
    assert _read([foot[0], [(50, "o7rı"), (90, "Kreditaufnahme")]])[1] == "o7rı Kreditaufnahme"


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        # Public items I to XII, then a non-public part counting from I again.
        (
            ["I", "I", "II", "IV", "V", "VI", "VI", "VII", "IX", "X", "XI", "XI"],
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"],
        ),
        (["VI", "VII", "VI", "IX"], ["VI", "VII", "VIII", "IX"]),
        (["IX", "X", "xl", "XII"], ["IX", "X", "XI", "XII"]),
        # A list read right stays, and so does a number the list does not confirm.
        (["I", "II", "III", "IV"], ["I", "II", "III", "IV"]),
        (["I", "II", "I", "II"], ["I", "II", "I", "II"]),
    ],
)
def test_a_roman_number_that_lost_an_i(read: list[str], expected: list[str]) -> None:
    rows = [[(50, f"{number}."), (90, f"Titel {k}")] for k, number in enumerate(read)]
    assert [text.split()[0] for text in _read(rows)] == [f"{number}." for number in expected]


def test_two_equal_roman_numbers_around_a_part_heading_are_two_parts() -> None:
    rows = [
        [(50, "I."), (90, "Eröffnung")],
        [(50, "II."), (90, "Bericht")],
        [(50, "III."), (90, "Anfragen")],
        [(50, "Nichtöffentlicher Teil")],
        [(50, "I."), (90, "Vergabe")],
        [(50, "I."), (90, "Personal")],
    ]
    assert [text.split()[0] for text in _read(rows)] == ["I.", "II.", "III.", "Nichtöffentlicher", "I.", "II."]


def test_an_item_whose_label_and_number_ocr_lost_opens_after_the_widest_gap() -> None:
    """'TOP 4' read as no text before 'Genehmigung ...' between 'TOP 3' and 'TOP 5': the line at
    the titles' x after the widest gap opens item 4; a paper reference line opens nothing."""
    tops = [100, 115, 140, 152, 164, 180]
    rows = [
        [(50, "TOP"), (75, "3"), (110, "Antrag der Fraktion")],
        [(110, "Vorlage 5584/2019")],
        [(110, "Genehmigung der Niederschrift")],
        [(110, "über die Sitzung")],
        [(110, "Vorlage: 0120/19")],
        [(50, "TOP"), (75, "5"), (110, "Fortschreibung")],
    ]
    lines = [text_line(top, cells) for top, cells in zip(tops, rows, strict=True)]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1])
    texts = [line.text for line in mended_ocr_lines(layout, RULES).lines]
    assert texts[2] == "TOP 4 Genehmigung der Niederschrift"
    assert texts[1] == "Vorlage 5584/2019" and texts[3] == "über die Sitzung"
    # Without a gap wider than the one before the next item, no line opens it.
    even = [text_line(100 + 12 * k, cells) for k, cells in enumerate(rows)]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=even, ocr_pages=[1])
    assert [line.text for line in mended_ocr_lines(layout, RULES).lines][2] == "Genehmigung der Niederschrift"


def test_a_paper_number_whose_slashes_ocr_read_as_spaces() -> None:
    """'VO 2020 282' and 'AN 4267 2023' in the paper cell at a line's end; a number without a year
    ('FB 61 3749') and words ('TOP 12 2024' is no code of capitals) stay."""
    rows = [
        [(50, "4."), (80, "Fortschreibung des Nahverkehrsplans"), (400, "VO 2020 282")],
        [(50, "5."), (80, "Anfragen"), (300, "Amt 61"), (400, "AN 4267 2023")],
        [(50, "6."), (80, "Bericht"), (400, "FB 61 3749")],
        [(50, "7."), (80, "Bericht der Stadt 2024 12")],
    ]
    assert [text.split(" ", 1)[1] for text in _read(rows)] == [
        "Fortschreibung des Nahverkehrsplans VO/2020/282",
        "Anfragen Amt 61 AN/4267/2023",
        "Bericht FB 61 3749",
        "Bericht der Stadt 2024 12",
    ]


def test_a_worn_label_before_a_garbled_number_the_list_confirms() -> None:
    """'Tor ?' between 'TOP 1' and 'TOP 3' is 'TOP 2'; 'ToPı' over 'TOP 2', the list's first item,
    is 'TOP 1'. 'Tor' with nothing between its neighbours to stand for is the word it is."""
    rows = [
        [(50, "ToPı"), (90, "Bürgerfragestunde")],
        [(50, "TOP"), (80, "2"), (90, "Neufassung")],
        [(50, "Tor"), (80, "?"), (90, "Sanierung")],
        [(50, "TOP"), (80, "4"), (90, "Haushaltssatzung")],
    ]
    assert _read(rows) == ["TOP 1 Bürgerfragestunde", "TOP 2 Neufassung", "TOP 3 Sanierung", "TOP 4 Haushaltssatzung"]
    kept = [rows[1], [(50, "Tor"), (80, "?"), (90, "Sanierung")], [(50, "TOP"), (80, "3"), (90, "Haushalt")]]
    assert _read(kept)[1] == "Tor ? Sanierung"


def _minutes(rows: list[tuple[float, list[tuple[float, str]], float]]) -> list[Line]:
    """Lines at the given tops and sizes: (top, cells, size)."""
    lines = []
    for top, cells, size in rows:
        line = text_line(top, cells)
        line.tokens = [replace(t, bottom=t.top + size, size=size) for t in line.tokens]
        lines.append(line)
    return lines


def test_a_bare_label_ocr_sized_smaller_than_its_title_heads_it_and_its_minutes_start_below() -> None:
    """A scanned Protokoll: 'Zu TOP 1:' read at 8.6 pt over its 10.9 pt title was never joined to
    it, and once joined, the minutes' first lines (no bold to tell them apart) ran into the title.
    The label takes the title's size; a line a step further down than the heading's own pitch
    starts the minutes, a title's wrapped line at that pitch goes on with it."""
    rows = [
        (454.8, [(51, "Zu TOP 1:")], 8.6),
        (469.4, [(51, "Neubau einer Sporthalle an der Grundschule Nord")], 10.9),
        (488.2, [(51, "Zu klären sind der Zeitplan und die Kosten")], 10.0),
        (501.7, [(51, "Beschluss: Der Ausschuss stimmt zu.")], 10.0),
        (568.8, [(51, "Zu TOP 2:")], 8.6),
        (583.5, [(51, "Fortschreibung der Kindertagesstättenbedarfsplanung und")], 10.9),
        (598.8, [(51, "Haushaltskonsolidierungskonzept der Stadt")], 10.9),
        (617.4, [(51, "Wir haben die Vorlage beraten.")], 10.0),
        (631.0, [(51, "Beschluss: Die Vorlage wird beschlossen.")], 10.0),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=_minutes(rows), ocr_pages=[1])
    items = read_agenda(mended_ocr_lines(layout, RULES).lines, RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Neubau einer Sporthalle an der Grundschule Nord"),
        ("2", "Fortschreibung der Kindertagesstättenbedarfsplanung und Haushaltskonsolidierungskonzept der Stadt"),
    ]
    assert [line.text for line in items[0].body][-1] == "Beschluss: Der Ausschuss stimmt zu."
    assert items[1].body[0].text == "Wir haben die Vorlage beraten."
