"""Minutes whose items are headed in the running text ("Zu Punkt 3 der Tagesordnung" over its
title, "Tagesordnungspunkt 3: ...", "TOP 3 – ...", "Punkt 3: ..."), with sub-items, a paper
reference under the heading, decisions and votes (scripts/meeting_minutes.py draws them)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.extract.letter_furniture import _is_name_line
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.minutes import read_outcome, read_vote
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.speeches import speaker_turn

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _line(top: float, text: str, *, bold: bool = False, page: int = 1) -> Line:
    line = text_line(top, [(50, text)], page=page)
    return Line(line.page, [replace(t, bold=bold) for t in line.tokens]) if bold else line


def _read(lines: list[Line]) -> list[tuple[str, str, list[str]]]:
    return [(i.number, i.title, i.paper_numbers) for i in read_agenda(lines, RULES)]


def test_an_item_heading_with_a_dash() -> None:
    lines = [
        _line(100, "TOP 5 – Neubau einer Sporthalle", bold=True),
        _line(125, "Der Ausschuss berät den Entwurf der Verwaltung."),
    ]
    assert _read(lines) == [("5", "Neubau einer Sporthalle", [])]


def test_the_punctuation_that_ends_an_item_heading_is_no_part_of_its_title() -> None:
    # 'TOP 6: Rückmeldungen:' over a list; 'TOP 1: Frau Barusel, Amt für Sport,' over the sentence
    # it runs on into.
    lines = [
        _line(100, "TOP 1: Frau Barusel, Amt für Sport,", bold=True),
        _line(125, "teilt mit, dass Fahrer fehlen."),
        _line(150, "TOP 2: Rückmeldungen der Bürger*innen:", bold=True),
        _line(175, "- Viele Veranstaltungen können nicht gut beworben werden."),
    ]
    assert _read(lines) == [("1", "Frau Barusel, Amt für Sport", []), ("2", "Rückmeldungen der Bürger*innen", [])]


def test_one_heading_over_two_items_keeps_both_numbers_and_the_sequence() -> None:
    # Minutes that treat two listed items together: 'TOP 2 und 3: ...', then 'TOP 4'.
    lines = [
        _line(100, "TOP 1: Sozialentwicklung im Stadtteil", bold=True),
        _line(125, "Herr Rosner berichtet."),
        _line(150, "TOP 2 und 3: Lärm und Treffpunkte für Jugendliche", bold=True),
        _line(175, "Das Spielen auf dem Basketballfeld wird als laut empfunden."),
        _line(200, "TOP 4: Weitere Themen", bold=True),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Sozialentwicklung im Stadtteil"),
        ("2 und 3", "Lärm und Treffpunkte für Jugendliche"),
        ("4", "Weitere Themen"),
    ]
    assert agenda_doubts(items, RULES) == []


def test_zu_punkt_der_tagesordnung_over_its_title_and_paper() -> None:
    lines = [
        _line(100, "Zu Punkt 3 der Tagesordnung", bold=True),
        _line(114, "Neubau einer Sporthalle", bold=True),
        _line(128, "Vorlage: 1234/2024"),
        _line(150, "Der Ausschuss berät den Entwurf der Verwaltung."),
    ]
    assert _read(lines) == [("3", "Neubau einer Sporthalle", ["1234/2024"])]


def test_a_bold_label_over_regular_minutes_keeps_the_listed_title() -> None:
    # 'Zu Punkt 1:' alone heads the minutes of item 1; the regular sentence below it is no title.
    lines = [
        _line(60, "Tagesordnung:", bold=True),
        _line(74, "1. Genehmigung der Niederschrift"),
        _line(110, "Zu Punkt 1:", bold=True),
        _line(124, "Die Niederschrift wird ohne Änderungen genehmigt."),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title, i.repeats) for i in items] == [("1", "Genehmigung der Niederschrift", [])]


def test_a_paper_reference_is_no_speaker() -> None:
    assert speaker_turn("Vorlage: 1234/2024", RULES) is None
    assert speaker_turn("Präsidentin Anna Roth (SP): Ich eröffne die Sitzung.", RULES) is not None


def test_a_vote_sentence_after_the_decision_of_any_minutes() -> None:
    body = [
        _line(100, "Beschluss:", bold=True),
        _line(114, "Der Bericht wird zur Kenntnis genommen."),
        _line(128, "Der Beschluss wurde einstimmig gefasst."),
    ]
    decision, vote, _ = read_outcome(body, RULES)
    assert decision == "Der Bericht wird zur Kenntnis genommen."
    assert vote is not None and vote.unanimous is True


def test_a_unanimous_vote_that_counts_its_votes() -> None:
    # 'mit 8 Stimmen einstimmig': all eight votes were for it; a unanimous vote alone has no count.
    body = [
        _line(100, "Es erfolgt die Abstimmung der Projekte 1, 2 und 3."),
        _line(125, "Der Beirat spricht sich mit 8 Stimmen einstimmig für die 3 Projekte aus."),
    ]
    _, vote, _ = read_outcome(body, RULES, prose=True)
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (8, None, None, True)
    labelled = read_vote("Abstimmung: einstimmig mit 12 Stimmen angenommen", RULES)
    assert labelled is not None and (labelled.yes, labelled.unanimous) == (12, True)
    alone = read_vote("Der Beirat stimmt einstimmig dafür.", RULES)
    assert alone is not None and (alone.yes, alone.unanimous) == (None, True)


def test_a_decision_goes_on_over_a_page_break() -> None:
    body = [
        _line(740, "Beschluss: Der Ausschuss beauftragt die Verwaltung"),
        _line(70, "mit der Umsetzung.", page=2),
        _line(84, "Abstimmungsergebnis: Ja 19, Nein 5, Enthaltungen 1", page=2),
    ]
    decision, vote, _ = read_outcome(body, RULES)
    assert decision == "Der Ausschuss beauftragt die Verwaltung mit der Umsetzung."
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == (19, 5, 1)


def test_an_item_heading_at_a_page_top_is_no_running_head() -> None:
    # Page 1's head holds 'Zu Punkt 1 der Tagesordnung'; page 2 opens with item 4's heading, whose
    # number the head does not print: no follow-on head of a letter.
    letterhead = {"stadt", "jena", "niederschrift", "zu", "punkt", "1", "der", "tagesordnung"}
    assert not _is_name_line(_line(70, "Zu Punkt 4 der Tagesordnung", page=2), letterhead)
    assert not _is_name_line(_line(70, "Zu Punkt 4:", page=2), letterhead | {"1:"})
    assert not _is_name_line(_line(70, "Zu Punkt 4.1:", page=2), letterhead | {"1:"})
    assert _is_name_line(_line(70, "Stadt Jena Niederschrift", page=2), letterhead)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 8)

    return built_layouts(tmp_path_factory, "meeting_minutes", build)


@pytest.mark.parametrize("n", range(1, 9))
def test_generated_minutes_match_the_generators_golden(n: int, generated: Path) -> None:
    pdf = generated / f"minutes-{n}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    assert got["document_type"] == golden["document_type"]
    assert got["agenda_items"] == golden["agenda_items"]
    assert got["speeches"] == golden["speeches"]


@pytest.mark.parametrize(
    "text",
    [
        "Zustimmung: 12 Ablehnung: 3 Enthaltung: 1",
        "mit 12 gegen 3 Stimmen bei 1 Enthaltung",
        "mit 12:3:1 Stimmen angenommen",
    ],
)
def test_vote_wordings(text: str) -> None:
    vote = read_vote(text, RULES)
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (12, 3, 1, False)


@pytest.mark.parametrize("text", ["12 Ja, O Nein, 1 Enthaltung", "Ja 12, Nein o, Enthaltung 1", "mit 12:O:1 Stimmen"])
def test_a_zero_that_ocr_read_as_the_letter_o_is_counted(text: str) -> None:
    vote = read_vote(text, RULES)
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == (12, 0, 1)
