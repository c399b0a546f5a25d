"""Austrian Verhandlungsschriften of a Gemeinderat: the day and place under the session line, an
agenda that names its items by keyword or number only, and the type read as minutes, not a verbatim
record (scripts/meeting_austrian.py draws them)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.evidence import is_verbatim
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.rules import MeetingRules

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _line(top: float, cells: list[tuple[float, str]], *, bold: bool = False) -> Line:
    line = text_line(top, cells)
    return Line(line.page, [replace(t, bold=bold) for t in line.tokens]) if bold else line


def test_the_day_line_under_the_session_line_gives_the_place() -> None:
    head = [
        _line(70, [(50, "VERHANDLUNGSSCHRIFT")], bold=True),
        _line(90, [(50, "über die öffentliche Sitzung des Gemeinderates der Marktgemeinde Gänserndorf")]),
        _line(104, [(50, "am Donnerstag, 14. März 2024, im Sitzungssaal des Gemeindeamtes")]),
        _line(124, [(50, "Beginn:"), (130, "19.00 Uhr")]),
        _line(138, [(50, "Ende:"), (130, "21.15 Uhr")]),
    ]
    header = read_header(head, RULES)
    assert str(header.values["date"]) == "2024-03-14"
    assert header.values["location"] == "Sitzungssaal des Gemeindeamtes"
    assert (header.values["start"], header.values["end"]) == ("19:00", "21:15")


def test_a_place_label_wins_over_the_day_line() -> None:
    head = [
        _line(90, [(50, "über die öffentliche Sitzung des Gemeinderates")]),
        _line(104, [(50, "am Donnerstag, 14. März 2024, im Sitzungssaal des Gemeindeamtes")]),
        _line(124, [(50, "Ort:"), (130, "Gemeindeamt Mistelbach, Sitzungssaal")]),
    ]
    assert read_header(head, RULES).values["location"] == "Gemeindeamt Mistelbach, Sitzungssaal"


def test_an_agenda_of_keywords_takes_the_minutes_full_titles() -> None:
    lines = [
        _line(100, [(50, "Tagesordnung:")], bold=True),
        _line(116, [(50, "1."), (70, "Protokoll")]),
        _line(130, [(50, "2."), (70, "Kindergarten")]),
        _line(160, [(50, "Punkt 1: Genehmigung der Verhandlungsschrift der letzten Sitzung")], bold=True),
        _line(174, [(50, "Die Verhandlungsschrift wird genehmigt.")]),
        _line(200, [(50, "Punkt 2: Vergabe der Baumeisterarbeiten für den Zubau zum Kindergarten")], bold=True),
        _line(214, [(50, "Der Gemeinderat beschließt die Vergabe.")]),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Genehmigung der Verhandlungsschrift der letzten Sitzung"),
        ("2", "Vergabe der Baumeisterarbeiten für den Zubau zum Kindergarten"),
    ]
    assert agenda_doubts(items, RULES) == []


def test_a_listed_title_the_minutes_word_otherwise_stays_doubtful() -> None:
    # Titles of several words that disagree are no keyword: the list's stays, with a doubt.
    lines = [
        _line(100, [(50, "Tagesordnung:")], bold=True),
        _line(116, [(50, "1."), (70, "Sanierung der Ortsdurchfahrt Nord")]),
        _line(160, [(50, "Punkt 1: Vergabe der Straßenbauarbeiten für den zweiten Abschnitt")], bold=True),
        _line(174, [(50, "Der Gemeinderat beschließt die Vergabe.")]),
    ]
    items = read_agenda(lines, RULES)
    assert [i.title for i in items] == ["Sanierung der Ortsdurchfahrt Nord"]
    assert agenda_doubts(items, RULES) == ["the agenda and the minutes title item 1 differently"]


def test_an_agenda_of_numbers_only_takes_the_minutes_titles() -> None:
    # 'Punkt 1' over 'Punkt 2': a label alone over the next one is no title.
    lines = [
        _line(100, [(50, "Tagesordnung:")], bold=True),
        _line(116, [(70, "Punkt 1")]),
        _line(130, [(70, "Punkt 2")]),
        _line(160, [(50, "Zu Punkt 1: Genehmigung der Verhandlungsschrift der letzten Sitzung")], bold=True),
        _line(174, [(50, "Die Verhandlungsschrift wird genehmigt.")]),
        _line(200, [(50, "Zu Punkt 2: Gewährung von Subventionen an örtliche Vereine")], bold=True),
        _line(214, [(50, "Der Gemeinderat beschließt die Subventionen.")]),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Genehmigung der Verhandlungsschrift der letzten Sitzung"),
        ("2", "Gewährung von Subventionen an örtliche Vereine"),
    ]


def _record(*texts: str) -> list[Line]:
    head = ["Verhandlungsschrift", "über die öffentliche Sitzung vom 14. März 2024", "Beginn: 19.00 Uhr"]
    return [_line(70 + 14 * k, [(50, text)]) for k, text in enumerate([*head, *texts])]


def test_a_verhandlungsschrift_of_labelled_blocks_is_minutes() -> None:
    # An Austrian Gemeinderat's minutes: 'Sachverhalt:' and 'Beschluss:' are no speaker turns.
    lines = _record("Punkt 2: Subventionen", "Sachverhalt:", "Der Verein ersucht um eine Förderung.", "Beschluss:")
    assert not is_verbatim("Verhandlungsschrift", lines, lines, RULES)


def test_a_verhandlungsschrift_of_speaker_turns_is_verbatim() -> None:
    lines = _record(
        "Präsident Lange: Ich eröffne die Sitzung.",
        "Abgeordnete Gül Soldan (EDU): Wir stimmen zu.",
        "Präsident Lange: Danke.",
    )
    assert is_verbatim("Verhandlungsschrift", lines, lines, RULES)
    assert is_verbatim("Wortprotokoll", lines[:3], lines[:3], RULES)  # always verbatim


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 107, 6)

    return built_layouts(tmp_path_factory, "meeting_austrian", build)


@pytest.mark.parametrize(
    "stem", [f"{name}-{n}" for name in ("verhandlungsschrift-gr", "verhandlungsschrift-kurz") for n in (1, 2, 3)]
)
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "body", "originator", "public", "agenda_items", "meeting", "attendees", "speeches"):
        assert got[name] == golden[name], name


def test_an_office_before_an_attendees_name_is_the_role_and_an_austrian_party_the_faction() -> None:
    lines = [
        _line(100, [(50, "Anwesend:")], bold=True),
        _line(114, [(70, "Bürgermeister Jens Lange (ÖVP)")]),
        _line(128, [(70, "Vizebürgermeisterin Anna Bauer (SPÖ)")]),
        _line(142, [(70, "GR Gül Soldan (NEOS)")]),
        _line(156, [(70, "Grete Grünberg (FPÖ)")]),
        _line(170, [(50, "Entschuldigt:"), (130, "GR Frank Mester")], bold=True),
    ]
    attendees, _ = read_attendees(lines, RULES)
    assert [(a.name, a.role, a.faction) for a in attendees] == [
        ("Jens Lange", "Bürgermeister", "ÖVP"),
        ("Anna Bauer", "Vizebürgermeisterin", "SPÖ"),
        ("Gül Soldan", "GR", "NEOS"),
        ("Grete Grünberg", None, "FPÖ"),  # 'Gr' of a name is no office
    ]
