"""Meeting documents a small town types into its own Word template and exports with LibreOffice
(scripts/meeting_office.py draws them): the session's number in an inflected session line, the
session in an invitation's sentence, dot leaders before a paper's number, a vote's counts in a
small table."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.furniture import mark_furniture
from ratsdoc.layout.lines import Line, Token
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.agenda_papers import split_cells, tidy
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.head_fields import read_public
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.outcome_check import unread_votes
from ratsdoc.meeting.record_type import record_type
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.vote_table import table_vote
from ratsdoc.meeting_models import Vote
from ratsdoc.regions import PageInfo

from .conftest import load_script, needs_office, text_line

RULES = MeetingRules()

#: The fields of a meeting golden checked here.
FIELDS = ("kind", "document_type", "body", "meeting", "agenda_items", "attendees")

#: Development documents, each read wrong before. Seed 5: the session's number in "der 23.
#: öffentlichen Sitzung" unread (2); an invitation's sentence with the hour and the place unread
#: (10) and, wrapped over three lines, nothing of the session read (13); an item's title "...
#: über die öffentliche Sitzung vom 12. Dezember" taken for the session's part (1); papers after
#: dot leaders left in their titles (22); a day labelled "Tag", papers in a column headed "DS-Nr."
#: (29); votes in a small table whose heading wrapped in its cell ("Enthaltu" / "ng") unread
#: (21); sub-items whose numbers the collapsed tab glued to their titles ("Ö 3.1Bauabschnitt") read
#: into the item above (78); a paper number wrapped in its cell ("BV/" over "051/2025") left in
#: the title (111); "TOP 10Aufhebung ..." lost with its wrapped title (163). Seed 7: a vote table's
#: row of counts at a page's foot taken for the page number (12); the body's place wrapped under
#: the session line and a faction's label wrapped in its cell (60); an item "5. Jahresrechnung
#: 2024 ..." taken for a date that wraps a title (98); the agenda's last public item, opening
#: page 2 as its minutes open page 4, taken for a running head (120); a vote's row of counts
#: moved to the next page's top taken for a page number (189).
CASES = ("5/2", "5/10", "5/13", "5/1", "5/22", "5/29", "5/21", "5/78", "5/111", "5/163")
CASES += ("7/12", "7/60", "7/98", "7/120", "7/189")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development documents of :data:`CASES`, typed and converted as the generator does."""
    module = load_script("meeting_office")
    out: dict[str, tuple[Path, dict[str, Any]]] = {}
    for seed in sorted({case.split("/")[0] for case in CASES}):
        indexes = [int(case.split("/")[1]) for case in CASES if case.startswith(f"{seed}/")]
        folder = tmp_path_factory.mktemp(f"office-meetings-{seed}")
        goldens = module.build(folder, int(seed), indexes, 40)
        for n in indexes:
            out[f"{seed}/{n}"] = (folder / f"office-meeting-{n}.pdf", goldens[n])
    return out


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_a_word_made_meeting_document_reads_as_its_generator_wrote_it(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert got[name] == golden[name], name


def test_the_same_seed_draws_the_same_document(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    module = load_script("meeting_office")
    first = module.document(random.Random("3-office-meeting-2"), "niederschrift", tmp_path / "a.docx")
    again = module.document(random.Random("3-office-meeting-2"), "niederschrift", tmp_path / "b.docx")
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["attendees"] and first["meeting"]["end"]


def test_an_inflected_session_line_names_the_session_number() -> None:
    head = [
        text_line(100, [(70, "Tagesordnung")]),
        text_line(120, [(70, "der 23. öffentlichen Sitzung des Hauptausschusses")]),
    ]
    header = read_header(head, RULES)
    assert header.values["number"] == "23. Sitzung"
    assert header.public is True


def test_an_invitation_sentence_over_several_lines_names_day_hour_and_place() -> None:
    head = [
        text_line(100, [(70, "Einladung")]),
        text_line(120, [(70, "Sehr geehrte Damen und Herren,")]),
        text_line(132, [(70, "hiermit lade ich Sie zur 18. Sitzung der Verbandsversammlung am Dienstag, 23.")]),
        text_line(144, [(70, "September 2025, 17:30 Uhr, in den Beratungsraum der Verwaltung, Schulstraße")]),
        text_line(156, [(70, "5, ein.")]),
    ]
    values = read_header(head, RULES).values
    assert str(values["date"]) == "2025-09-23"
    assert values["start"] == "17:30"
    assert values["location"] == "Beratungsraum der Verwaltung, Schulstraße 5"
    assert values["number"] == "18. Sitzung"


@pytest.mark.parametrize(
    ("title", "paper"),
    [
        ("Wahl der Schiedsperson.......................................140/2025", "140/2025"),
        ("Zeitplan .......................... BV/134/2025", "BV/134/2025"),
    ],
)
def test_a_paper_number_after_dot_leaders_leaves_the_title(title: str, paper: str) -> None:
    line = text_line(100, [(70, "3."), (100, title)])
    assert split_cells(line, title, RULES) == (title.split(".")[0].rstrip(), [paper])


def test_a_page_number_after_dot_leaders_is_still_no_paper() -> None:
    title = "Haushaltssatzung 2025 ............ 12"
    assert split_cells(text_line(100, [(70, "3."), (100, title)]), title, RULES) == ("Haushaltssatzung 2025", [])


def test_three_dot_leaders_before_a_paper_number_squeezed_by_a_long_title() -> None:
    title = "Anschaffung eines Tragkraftspritzenfahrzeuges für die Freiwillige Feuerwehr...37/2025"
    found = split_cells(text_line(100, [(70, "7."), (100, title)]), title, RULES)
    assert found == ("Anschaffung eines Tragkraftspritzenfahrzeuges für die Freiwillige Feuerwehr", ["37/2025"])


@pytest.mark.parametrize("heading", ["DS-Nr.", "Drucksachen-Nr.", "Drs.-Nr."])
def test_a_paper_column_may_be_headed_by_its_number(heading: str) -> None:
    assert RULES.res["paper_heading"].match(heading)


def test_a_day_labelled_tag_is_the_session_date() -> None:
    head = [
        text_line(100, [(70, "Tag"), (190, "Freitag, 18.04.2025")]),
        text_line(112, [(70, "Beginn"), (190, "19:00 Uhr")]),
    ]
    values = read_header(head, RULES).values
    assert str(values["date"]) == "2025-04-18" and values["start"] == "19:00"


def test_an_item_title_that_names_a_public_session_does_not_say_the_session_is_public() -> None:
    head = [
        text_line(100, [(70, "Einladung")]),
        text_line(120, [(70, "zur 8. Sitzung des Ortsbeirates Dittersdorf")]),
        text_line(140, [(70, "TOP 4"), (130, "Genehmigung der Niederschrift über die öffentliche Sitzung vom 12.")]),
    ]
    assert read_public(head, RULES) is None
    assert read_public([text_line(100, [(70, "7. Öffentliche Sitzung des Ortschaftsrates")])], RULES) is not None


def test_a_vote_as_one_row_of_counts_under_its_columns_heading_wrapped_in_its_cell() -> None:
    lines = [
        text_line(100, [(70, "Ja"), (140, "Nein"), (210, "Enthaltu")]),
        text_line(112, [(210, "ng")]),
        text_line(124, [(70, "7"), (140, "1"), (210, "2")]),
        text_line(150, [(70, "4."), (100, "Verschiedenes")]),
    ]
    found = table_vote(lines, RULES)
    assert found is not None
    vote, used = found
    assert (vote.yes, vote.no, vote.abstain, vote.unanimous) == (7, 1, 2, False)
    assert used == lines[:3]


def test_a_heading_piece_the_layout_set_on_its_word_s_line_is_glued_back() -> None:
    heading = text_line(100, [(70, "Ja"), (140, "Nein"), (210, "Enthaltu")])
    piece = Token("ng", 210, 112, 222, 122, 10.0)
    lines = [Line(1, (*heading.tokens, piece)), text_line(130, [(70, "3"), (140, "2"), (210, "1")])]
    found = table_vote(lines, RULES)
    assert found is not None and (found[0].yes, found[0].no, found[0].abstain) == (3, 2, 1)


def test_a_row_of_counts_at_a_page_s_foot_under_its_heading_is_no_footer() -> None:
    lines = [
        text_line(700, [(70, "Abstimmungsergebnis:")]),
        text_line(740, [(70, "Ja"), (140, "Nein"), (210, "Enthaltung")]),
        text_line(754, [(70, "6"), (140, "0"), (210, "2")], page=2),
        text_line(800, [(260, "Seite 2 von 5")], page=2),
    ]
    lines[0] = Line(2, lines[0].tokens)
    lines[1] = Line(2, lines[1].tokens)
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)])
    assert [line.furniture for line in lines] == [False, False, False, True]


def test_a_vote_table_read_whole_raises_no_doubt_of_a_column_apart() -> None:
    label = text_line(100, [(70, "Abstimmungsergebnis:")])
    heading = text_line(112, [(70, "Ja"), (140, "Nein"), (210, "Enthaltung")])
    counts = text_line(124, [(70, "6"), (140, "1"), (210, "1")])
    item = Item(number="3", title_parts=["Wahl der Schiedsperson"], title_x=100, public=True)
    item.body = [label, heading, counts]
    vote = Vote(yes=6, no=1, abstain=1, unanimous=False)
    assert unread_votes([item], [(None, vote, [label, heading, counts])], RULES) == []
    # A heading row the vote was not read from still is.
    assert unread_votes([item], [(None, vote, [label])], RULES) != []


def test_a_paper_line_under_a_listed_title_is_no_doubt_of_a_wrapped_title() -> None:
    items = []
    listed = [
        ("Wahl der Schiedsperson", "Vorlage: 2025/020"),
        ("Kosten", None),
        ("Zeitplan", None),
        ("Verschiedenes", None),
    ]
    for k, (title, paper) in enumerate(listed):
        top = 100.0 + 40 * k
        head = text_line(top, [(70, f"TOP {k + 1}"), (130, title)])
        item = Item(number=str(k + 1), title_parts=[title], title_x=130, public=True, lines=[head])
        if paper:
            item.body = [text_line(top + 12, [(130, paper)])]
            item.paper_numbers = ["2025/020"]
        items.append(item)
    assert not any("may go on" in doubt for doubt in agenda_doubts(items, RULES))


@pytest.mark.parametrize(
    ("kind", "session"),
    [
        ("Einladung", "hiermit lade ich Sie zur öffentlichen Sitzung des Ortsbeirates Hohenfelde am Dienstag,"),
        ("Tagesordnung", "der 29. Sitzung des Gemeinderates"),
    ],
)
def test_a_small_town_s_session_words_make_its_heading_a_meeting_type(kind: str, session: str) -> None:
    first = [
        text_line(60, [(70, "Gemeinde Lindau")]),
        text_line(100, [(70, kind)]),
        text_line(120, [(70, session)]),
        text_line(140, [(70, "Tagesordnung" if kind == "Einladung" else "Öffentlicher Teil")]),
    ]
    found = record_type(first, RULES)
    assert found is not None and found[0] == kind


def test_a_sub_item_s_number_glued_to_its_title_where_the_tab_collapsed() -> None:
    rows = [
        [(70, "Tagesordnung")],
        [(70, "Ö 1"), (105, "Eröffnung der Sitzung")],
        [(70, "Ö 2"), (105, "Neubau einer Sporthalle an der Grundschule Nord")],
        [(70, "Ö 2.1Bauabschnitt Nord (Vorlage Nr. 2025/061)")],
        [(70, "Ö 2.2Zeitplan")],
        [(70, "Ö 3"), (105, "Verschiedenes")],
    ]
    items = read_agenda([text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [(item.number, item.title) for item in items] == [
        ("Ö 1", "Eröffnung der Sitzung"),
        ("Ö 2", "Neubau einer Sporthalle an der Grundschule Nord"),
        ("Ö 2.1", "Bauabschnitt Nord (Vorlage Nr. 2025/061)"),
        ("Ö 2.2", "Zeitplan"),
        ("Ö 3", "Verschiedenes"),
    ]


def test_a_number_glued_to_a_short_word_opens_no_item() -> None:
    rows = [[(70, "Tagesordnung")], [(70, "1."), (105, "Haushalt")], [(70, "1.5Mio Euro für den Haushalt")]]
    items = read_agenda([text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [item.number for item in items] == ["1"]


def test_an_item_whose_title_opens_with_a_word_and_a_year_is_no_wrapped_date() -> None:
    rows = [
        [(70, "Tagesordnung")],
        [(70, "1."), (96, "Stellungnahme zum Entwurf des Flächennutzungsplanes der Verwaltungsgemeinschaft")],
        [(70, "2."), (96, "Jahresrechnung 2024 und Entlastung des Verbandsvorstandes")],
        [(70, "3."), (96, "Verschiedenes")],
    ]
    items = read_agenda([text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [item.number for item in items] == ["1", "2", "3"]


def test_a_faction_s_label_wrapped_in_its_cell_keeps_its_first_member() -> None:
    lines = [
        text_line(280, [(70, "Anwesend:")]),
        text_line(300, [(70, "Fraktion Freie"), (213, "Frau Claudia Krüger")]),
        text_line(313, [(70, "Wähler:")]),
        text_line(326, [(213, "Frau Julia Brunner")]),
        text_line(339, [(70, "CDU-Fraktion:"), (213, "Herr Urs Zimmermann")]),
    ]
    attendees, _ = read_attendees(lines, RULES)
    assert [(a.name, a.faction) for a in attendees] == [
        ("Claudia Krüger", "Fraktion Freie Wähler"),
        ("Julia Brunner", "Fraktion Freie Wähler"),
        ("Urs Zimmermann", "CDU-Fraktion"),
    ]


def test_a_body_s_place_wrapped_under_the_session_line_is_part_of_its_name() -> None:
    head = [
        text_line(100, [(70, "Niederschrift")]),
        text_line(120, [(70, "über die 2. öffentliche Sitzung des Ortsbeirates")]),
        text_line(132, [(70, "Kleinmühlingen")]),
        text_line(150, [(70, "Tag:"), (160, "12. Mai 2025")]),
    ]
    found = read_body(head, RULES)
    assert found is not None and found[0] == "Ortsbeirat Kleinmühlingen"
    head[2] = text_line(132, [(70, "Tagesordnung")])
    found = read_body(head, RULES)
    assert found is not None and found[0] == "Ortsbeirat"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Anschaffung eines Tragkraftspritzenfahrzeuges für die Freiwillige Feuerwehr. 2025/071", ["2025/071"]),
        ("Sanierung des Dorfteiches und der angrenzenden Grünanlage.2025/016", ["2025/016"]),
    ],
)
def test_a_leader_squeezed_to_one_dot_before_a_paper_number(title: str, expected: list[str]) -> None:
    found = split_cells(text_line(100, [(70, "4."), (100, title)]), title, RULES)
    assert found == (title.rsplit(".", 1)[0], expected)


def test_an_abbreviation_s_dot_before_a_paper_number_is_no_leader() -> None:
    title = "Bericht zur Vorlage Nr. 45/2025"
    assert split_cells(text_line(100, [(70, "4."), (100, title)]), title, RULES)[0] == title


def test_a_top_number_glued_to_its_title_where_the_tab_collapsed() -> None:
    rows = [
        [(70, "Tagesordnung")],
        [(70, "TOP 9"), (116, "Bauantrag zur Errichtung eines Einfamilienhauses")],
        [(70, "TOP 10Aufhebung der Straßenausbaubeitragssatzung und")],
        [(103, "Änderung der Friedhofsgebührensatzung")],  # at the title's x, inside the glued word
        [(70, "TOP 11Verschiedenes")],
    ]
    items = read_agenda([text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [(item.number, item.title) for item in items][1:] == [
        ("10", "Aufhebung der Straßenausbaubeitragssatzung und Änderung der Friedhofsgebührensatzung"),
        ("11", "Verschiedenes"),
    ]


def test_a_paper_number_wrapped_in_its_cell_leaves_the_title() -> None:
    item = Item(number="4", title_parts=["Änderung des Finanzplans BV/ 051/2025"], title_x=128, public=True)
    item.paper_numbers = ["BV/051/2025"]
    tidy(item, RULES)
    assert item.title == "Änderung des Finanzplans"


def test_an_item_that_opens_two_pages_is_no_running_head() -> None:
    def at(page: int, top: float, cells: list[tuple[float, str]]) -> Line:
        return Line(page, text_line(top, cells).tokens)

    lines = [
        at(1, 300, [(70, "1."), (128, "Eröffnung")]),
        at(2, 40, [(70, "Zweckverband Wasserversorgung")]),
        at(2, 86, [(70, "9."), (128, "Mitteilungen und Anfragen")]),
        at(2, 101, [(70, "Nichtöffentlicher Teil")]),
        at(2, 115, [(70, "10."), (128, "Grundstücksangelegenheiten")]),
        at(3, 40, [(70, "Zweckverband Wasserversorgung")]),
        at(3, 300, [(70, "Text")]),
        at(4, 40, [(70, "Zweckverband Wasserversorgung")]),
        at(4, 86, [(70, "9."), (128, "Mitteilungen und Anfragen")]),
        at(4, 104, [(70, "Zu und und bitten hat frage klären wir bleiben")]),
    ]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in range(1, 5)])
    assert [line.furniture for line in lines if "Mitteilungen" in line.text] == [False, False]
    assert all(line.furniture for line in lines if "Zweckverband" in line.text)


def test_a_row_of_counts_moved_to_the_next_page_s_top_is_no_head() -> None:
    lines = [
        Line(1, text_line(740, [(70, "Abstimmungsergebnis:")]).tokens),
        Line(1, text_line(758, [(70, "Ja"), (140, "Nein"), (210, "Enthaltung")]).tokens),
        Line(2, text_line(40, [(70, "Zweckverband Wasserversorgung")]).tokens),
        Line(2, text_line(90, [(70, "0"), (140, "2"), (210, "2")]).tokens),
        Line(2, text_line(300, [(70, "Text")]).tokens),
    ]
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)])
    assert not lines[3].furniture


def test_a_sub_item_s_label_wider_than_its_indent_runs_on_to_the_paper_s_leader() -> None:
    # Regression: "TOP 2.2" overran its title's tab stop; the tab drew the paper column's dot
    # leader before the title, and the paper's number wrapped after a leader of its own. The item
    # was lost without a warning.
    rows = [
        [(70, "Tagesordnung")],
        [(70, "TOP 2"), (116, "Neubau einer Sporthalle an der Grundschule Nord")],
        [(99, "TOP 2.1"), (127, "Zeitplan")],
        [(99, "TOP 2.2"), (146, "." * 60), (427, "Bauabschnitt Nord")],
        [(145, "." * 70), (489, "80/2025")],
        [(70, "TOP 3"), (116, "Haushaltssatzung und Haushaltsplan für das Jahr 2025")],
    ]
    items = read_agenda([text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [(item.number, item.title, item.paper_numbers) for item in items] == [
        ("2", "Neubau einer Sporthalle an der Grundschule Nord", []),
        ("2.1", "Zeitplan", []),
        ("2.2", "Bauabschnitt Nord", ["80/2025"]),
        ("3", "Haushaltssatzung und Haushaltsplan für das Jahr 2025", []),
    ]


def test_a_leader_opening_a_line_before_a_page_number_opens_no_item() -> None:
    rows = [[(70, "Tagesordnung")], [(70, "1."), (105, "Haushalt")], [(70, "2 " + "." * 30 + " 14")]]
    items = read_agenda([text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)], RULES)
    assert [item.number for item in items] == ["1"]
