"""Niederschriften whose votes are structured blocks (scripts/meeting_votes.py draws them): a
label-value list under "Abstimmungsergebnis:" with the legal number of members, those present and
those biased beside the counts, a two-column table of it, a table "Ja | Nein | Enthaltung | Befangen"
over a row of counts, decision numbers beside "Beschluss:"."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.furniture import mark_furniture
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.minutes import read_outcome
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.vote_table import table_vote
from ratsdoc.meeting_models import Vote
from ratsdoc.regions import PageInfo

from .conftest import built_layouts, text_line

RULES = MeetingRules()

STYLES = ("abstimmung-liste", "abstimmung-paare", "abstimmung-kopf", "abstimmung-word")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 8)

    return built_layouts(tmp_path_factory, "meeting_votes", build)


@pytest.mark.parametrize("stem", [f"{name}-{n}" for name in STYLES for n in (1, 2)])
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    if not pdf.exists():
        pytest.skip("LibreOffice is not installed: no Word-made documents")
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "date", "public", "body", "originator", "agenda_items", "meeting", "attendees"):
        assert got[name] == golden[name], name


def _lines(texts: list[str], top: float = 100, page: int = 1, x: float = 105) -> list[Line]:
    return [text_line(top + 14 * k, [(x, t)], page) for k, t in enumerate(texts)]


def test_a_label_value_list_counts_yes_no_and_abstentions_only() -> None:
    # Regression: the legal number of members and those present opened the list, so no count was read.
    body = _lines(
        [
            "Beschluss:",
            "Die Satzung wird beschlossen.",
            "Abstimmungsergebnis:",
            "Gesetzliche Anzahl der Mitglieder: 71",
            "davon anwesend: 58",
            "Ja-Stimmen: 40",
            "Nein-Stimmen: 12",
            "Stimmenthaltungen: 6",
            "Befangenheit: 0",
        ]
    )
    decision, vote, _ = read_outcome(body, RULES, prose=True)
    assert decision == "Die Satzung wird beschlossen."
    assert vote == Vote(yes=40, no=12, abstain=6, unanimous=False)


def test_counts_run_on_over_lines_that_each_open_with_a_count() -> None:
    # Regression: 'Dagegen: 1 / ...' read as a label ended the vote after its yes.
    body = _lines(
        [
            "Beschluss: Die Niederschrift wird genehmigt.",
            "Abstimmungsergebnis: Gesetzliche Anzahl der Mitglieder: 21 / anwesend: 20 / Dafür: 19 /",
            "Dagegen: 1 / Enthaltungen: 0 / Befangenheit: 0",
        ]
    )
    assert read_outcome(body, RULES, prose=True)[1] == Vote(yes=19, no=1, abstain=0, unanimous=False)


def test_a_vote_block_run_on_goes_on_where_a_label_is_cut_by_the_lines_end() -> None:
    # Regression (vote blocks typed into Word, seed 11): "... Mitglieder: 11 / Anwesende" over
    # "Mitglieder: 9 / Ja: 4 / Dagegen: 2 / ...": the next line opens with the cut label's rest, not
    # with a count's word, and the vote was not read (warned).
    body = [
        text_line(100, [(126, "Beschluss:")]),
        text_line(114, [(126, "Die Niederschrift wird genehmigt.")]),
        text_line(128, [(126, "Abstimmungsergebnis: Gesetzliche Anzahl der Mitglieder: 11 / Anwesende")]),
        text_line(142, [(126, "Mitglieder: 9 / Ja: 4 / Dagegen: 2 / Stimmenthaltung: 1 / Befangenheit: 2")]),
    ]
    assert read_outcome(body, RULES, prose=True)[1] == Vote(yes=4, no=2, abstain=1, unanimous=False)
    # A block whose line ends with a count is whole: the text under it is no part of it.
    whole = [*body[:2], text_line(128, [(126, "Abstimmungsergebnis: Ja: 4 / Nein: 2 / Enthaltung: 1")])]
    whole.append(text_line(142, [(126, "Sachstand: 12 Anträge liegen vor.")]))
    assert read_outcome(whole, RULES, prose=True)[1] == Vote(yes=4, no=2, abstain=1, unanimous=False)
    # A vote in words ends with its line: the sentence under it is not read into it.
    words = [*body[:2], text_line(128, [(126, "Abstimmungsergebnis: einstimmig")])]
    words.append(text_line(142, [(126, "Der Ausschuss hatte zuvor mit 8 Ja-Stimmen vertagt.")]))
    assert read_outcome(words, RULES, prose=True)[1] == Vote(yes=None, no=None, abstain=None, unanimous=True)


def test_a_label_value_list_read_labels_first_is_put_together_by_its_rows() -> None:
    # Regression (vote blocks as pairs, seed 11, paper 3): the block broke over a page, and the
    # reading order read the labels of the next page's rows before their values ("Zustimmung:" ...
    # "Befangen:", then "12" ... "1"); the vote was not read (warned).
    body = [
        text_line(697, [(105, "Beschluss:")]),
        text_line(710, [(105, "Die Verwaltung wird beauftragt, ein Konzept vorzulegen.")]),
        text_line(726, [(105, "Abstimmungsergebnis:")]),
        text_line(742, [(108, "Gesetzliche Anzahl der Mitglieder:")]),
        text_line(742, [(272, "18")]),
        *(
            text_line(top, [(108, label)], page=2)
            for top, label in ((75, "davon stimmberechtigt anwesend:"), (93, "Zustimmung:"), (110, "Gegenstimmen:"))
        ),
        text_line(128, [(108, "Stimmenthaltungen:")], page=2),
        text_line(160, [(105, "Beschlossen.")], page=2),
        *(text_line(top, [(272, n)], page=2) for top, n in ((75, "16"), (93, "12"), (110, "1"), (128, "2"))),
    ]
    assert read_outcome(body, RULES, prose=True)[1] == Vote(yes=12, no=1, abstain=2, unanimous=False)


def test_a_decision_number_is_no_part_of_the_decision() -> None:
    # Regression: 'Beschluss Nr. 0112/23:' was no decision label, and 'Beschluss-Nr. SR/045/2024' right of
    # 'Beschluss:' opened the decision's text.
    as_label = _lines(["Beschluss Nr. 0112/23:", "Die Niederschrift wird genehmigt."])
    assert read_outcome(as_label, RULES, prose=True)[0] == "Die Niederschrift wird genehmigt."
    beside = [text_line(100, [(105, "Beschluss:"), (380, "Beschluss-Nr. SR/045/2024")])]
    beside += _lines(["Der Antrag wird abgelehnt."], top=114)
    assert read_outcome(beside, RULES, prose=True)[0] == "Der Antrag wird abgelehnt."
    # Regression (vote blocks as pairs, seed 13, paper 5): the number right of the label was read
    # as a line of its own under it and opened the decision's text (silent once its vote was read).
    apart = _lines(["Beschluss:", "Beschluss-Nr. 0019/24", "Der Antrag wird abgelehnt."])
    assert read_outcome(apart, RULES, prose=True)[0] == "Der Antrag wird abgelehnt."


HEAD = [(108, "Stimmberechtigt"), (190, "anwesend"), (270, "Ja"), (350, "Nein"), (430, "Enthaltung"), (510, "Befangen")]


@pytest.mark.parametrize(
    ("cells", "want"),
    [
        (
            [(108, "71"), (190, "58"), (270, "40"), (350, "12"), (430, "6"), (510, "0")],
            Vote(yes=40, no=12, abstain=6, unanimous=False),
        ),
        ([(108, "71"), (190, "58"), (270, "52"), (350, "—"), (430, "6"), (510, "—")], Vote(yes=52, no=0, abstain=6)),
        ([(108, "71"), (190, "58"), (270, "55"), (430, "3")], Vote(yes=55, no=0, abstain=3)),
        ([(108, "71"), (190, "58"), (270, "einstimmig")], Vote(unanimous=True)),
    ],
)
def test_a_count_table_with_columns_that_are_no_votes(cells: list[tuple[float, str]], want: Vote) -> None:
    # Regression: 'Stimmberechtigt' and 'anwesend' before the counts and 'Befangen' after them, a dash
    # or an empty cell for a zero and 'einstimmig' in the yes cell gave no vote.
    found = table_vote([text_line(100, HEAD), text_line(114, cells)], RULES)
    assert found is not None and found[0] == want


def test_a_heading_word_wrapped_in_its_cell_is_glued_before_the_columns_are_named() -> None:
    # Regression: 'Stimmberech' alone read as a name column's heading, 'tigt' as the row of counts.
    heading = text_line(100, [(71, "Stimmberech"), (140, "anwesend"), (200, "Ja"), (300, "Nein"), (360, "Enthaltung")])
    lines = [
        heading,
        text_line(114, [(71, "tigt")]),
        text_line(128, [(71, "20"), (140, "18"), (200, "17"), (300, "1")]),
    ]
    found = table_vote(lines, RULES)
    assert found is not None and found[0] == Vote(yes=17, no=1, abstain=0, unanimous=False)


def test_a_count_table_right_under_the_decision_is_its_vote() -> None:
    # Regression: without a label over it the table's rows ran into the decision's text.
    body = _lines(["Beschluss:", "Der Vertrag wird genehmigt."])
    body += [text_line(128, [(108, "dafür"), (190, "dagegen"), (270, "Enthaltung")])]
    body += [text_line(142, [(108, "56"), (190, "5"), (270, "3")])]
    decision, vote, _ = read_outcome(body, RULES, prose=True)
    assert decision == "Der Vertrag wird genehmigt."
    assert vote == Vote(yes=56, no=5, abstain=3, unanimous=False)


def test_those_present_counted_in_a_vote_block_are_no_attendance_list() -> None:
    # Regression: 'anwesend:  33' opened an attendance list of the lines under it.
    lines = [
        text_line(100, [(71, "Abstimmungsergebnis:")]),
        text_line(114, [(71, "anwesend:"), (300, "33")]),
        text_line(128, [(71, "Ja:"), (300, "29")]),
        text_line(142, [(71, "Die Vorlage wurde in geänderter Fassung beschlossen.")]),
    ]
    assert read_attendees(lines, RULES) == ([], [])
    assert read_attendees([text_line(100, [(71, "Anwesend: 33")])], RULES) == ([], [])


def test_a_vote_block_that_opens_two_pages_is_no_running_head() -> None:
    # Regression: 'Abstimmungsergebnis:' / 'Gesetzliche Anzahl der Mitglieder: 71' / 'davon anwesend: 65'
    # at the top of two pages of four were taken for a running head, the counts under them lost.
    lines: list[Line] = []
    for page, yes in ((2, "65"), (3, "53")):
        lines += [
            text_line(22, [(105, "Abstimmungsergebnis:")], page),
            text_line(40, [(108, "Gesetzliche Anzahl der Mitglieder: 71")], page),
            text_line(58, [(108, "davon anwesend: 65")], page),
            text_line(76, [(108, f"Dafür: {yes}")], page),
            text_line(94, [(108, "Dagegen: 0")], page),
            text_line(400, [(105, f"Weiterer Text auf Seite {page}.")], page),
            text_line(800, [(280, f"- {page} -")], page),
        ]
    lines += [text_line(22, [(105, "Erster Text.")], 4), text_line(800, [(280, "- 4 -")], 4)]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2, 3, 4)])
    assert [line.text for line in lines if line.furniture] == ["- 2 -", "- 3 -", "- 4 -"]


def test_a_labelled_vote_block_on_every_later_page_is_no_running_head() -> None:
    # Regression: on a document of three pages, the block at the top of both later pages.
    lines: list[Line] = [text_line(100, [(105, "Erster Text.")], 1)]
    for page, yes in ((2, "37"), (3, "41")):
        lines += [
            text_line(72, [(105, "Abstimmungsergebnis:")], page),
            text_line(88, [(108, "Stimmberechtigt"), (190, "anwesend"), (270, "Ja"), (350, "Nein")], page),
            text_line(105, [(108, "48"), (190, "41"), (270, yes), (350, "1")], page),
            text_line(400, [(105, f"Weiterer Text auf Seite {page}.")], page),
        ]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2, 3)])
    assert [line.text for line in lines if line.furniture] == []


def test_a_running_head_of_two_lines_apart_from_the_text_is_still_one() -> None:
    lines: list[Line] = []
    for page, text in ((2, "Es gibt Fragen."), (3, "Keine Fragen."), (4, "Der Rat vertagt.")):
        lines += [
            text_line(30, [(50, "Stadt Penzberg")], page),
            text_line(44, [(50, "Niederschrift der 17. Sitzung des Stadtrates")], page),
            text_line(90, [(105, text)], page),
        ]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2, 3, 4)])
    assert len([line for line in lines if line.furniture]) == 6


def test_a_vote_row_at_the_page_foot_whose_count_is_the_page_number_is_no_footer() -> None:
    # Regression: 'Dagegen:   1' at the foot of page 1, a padded row 18.8 pt under 'Ja:   10' (the
    # block's pitch, wider than a paragraph's), was taken for a footer ending in page number 1 and
    # the no votes were lost without a warning.
    lines = [
        text_line(690 + 18.8 * k, [(108, label), (300, count)])
        for k, (label, count) in enumerate(
            [("Mitglieder:", "16"), ("anwesend:", "14"), ("Ja:", "10"), ("Dagegen:", "1")]
        )
    ]
    lines += [text_line(800, [(280, "- 1 -")]), text_line(100, [(108, "Stimmenthaltungen: 3")], 2)]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2)])
    assert [line.text for line in lines if line.furniture] == ["- 1 -"]


def test_a_footer_ending_in_its_page_number_apart_from_the_text_is_still_one() -> None:
    lines = [text_line(600 + 14 * k, [(108, f"Zeile {k} des Textes.")]) for k in range(4)]
    lines.append(text_line(790, [(108, "Stadt Penzberg"), (300, "1")]))
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0)])
    assert [line.text for line in lines if line.furniture] == ["Stadt Penzberg 1"]


def test_a_row_of_counts_cut_by_the_reading_order_is_in_doubt() -> None:
    from ratsdoc.meeting.agenda_item import Item
    from ratsdoc.meeting.outcome_check import unread_votes

    body = _lines(["Beschluss:", "Der Vertrag wird genehmigt.", "Abstimmungsergebnis:"])
    body += [text_line(142, [(108, "Stimmberechtigt"), (190, "anwesend"), (270, "dafür"), (350, "dagegen")])]
    body += [text_line(156, [(108, "71"), (190, "65"), (270, "56")]), text_line(200, [(50, "Vorsitz")])]
    body += [text_line(214, [(330, "5 3")])]
    item = Item(number="10", title_parts=["Vertragsangelegenheiten"], title_x=105, public=None, body=body)
    outcome = read_outcome(body, RULES, prose=True)
    assert outcome[1] is not None
    assert unread_votes([item], [outcome], RULES) == ["a row of the vote table of item 10 was read apart"]


def test_a_date_under_a_line_that_ends_in_vom_is_not_the_minutes_date(generated: Path, tmp_path: Path) -> None:
    # Regression: 'TOP Ö 1 Genehmigung der Niederschrift über die Sitzung vom' / '20.12.2023' (the
    # title wrapped) dated the minutes, whose session's day is 'Sitzungstag: 10.01.2024'.
    import random

    import meeting_layouts as ml
    import meeting_votes as mv

    build = dict(mv.STYLES)["abstimmung-paare"]
    ml.write_drawn(tmp_path, "paare", random.Random("5-abstimmung-paare-6"), build, "test")
    text = (tmp_path / "paare.json").read_text(encoding="utf-8")
    assert "Sitzung vom 20.12.2023" in text
    got = ratsdoc.parse(tmp_path / "paare.pdf")
    assert str(got.date) == "2024-01-10"


def test_a_head_row_sitzungsart_says_the_session_is_public(tmp_path: Path) -> None:
    # Regression: 'der 18. Sitzung des Stadtrates' / 'Sitzungsart: öffentlich' left public empty.
    import random

    import meeting_layouts as ml
    import meeting_votes as mv

    build = dict(mv.STYLES)["abstimmung-liste"]
    ml.write_drawn(tmp_path, "liste", random.Random("5-abstimmung-liste-3"), build, "test")
    golden = json.loads((tmp_path / "liste.json").read_text(encoding="utf-8"))
    assert golden["public"] is True and golden["meeting"]["number"] == "18. Sitzung"
    assert ratsdoc.parse(tmp_path / "liste.pdf").public is True


def test_a_count_tables_heading_that_opens_two_pages_over_one_row_is_the_texts() -> None:
    # Regression: 'Ja  Nein  Enthaltung' over '22  12  6' at the top of two pages (the votes of two items
    # that ran over a break) was a running head, and the counts ran into the decision before them.
    from ratsdoc.meeting.vote_table import restore_vote_heads

    lines: list[Line] = [text_line(100, [(105, "Erster Text.")], 1)]
    for page, row in ((3, ["22", "12", "6"]), (4, ["34", "1", "3"])):
        lines += [
            text_line(25, [(107, "Ja"), (190, "Nein"), (270, "Enthaltung")], page),
            text_line(44, [(108, row[0]), (190, row[1]), (270, row[2])], page),
            text_line(83, [(50, "Vorsitz" if page == 4 else f"TOP {page} Neufassung")], page),
        ]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in (1, 2, 3, 4)])
    assert [line.text for line in lines if line.furniture] == ["Ja Nein Enthaltung"] * 2
    restore_vote_heads(lines, RULES)
    assert [line.text for line in lines if line.furniture] == []


def test_a_tables_heading_repeated_over_its_rows_stays_a_running_head() -> None:
    from ratsdoc.meeting.vote_table import restore_vote_heads

    lines: list[Line] = []
    for page in (2, 3):
        lines += [
            text_line(25, [(107, "Fraktion"), (190, "Ja"), (270, "Nein")], page),
            text_line(44, [(108, "CDU"), (190, "12"), (270, "0")], page),
            text_line(58, [(108, "SPD"), (190, "3"), (270, "9")], page),
        ]
        lines[-3].furniture = True
    restore_vote_heads(lines, RULES)
    assert [line.text for line in lines if line.furniture] == ["Fraktion Ja Nein"] * 2
