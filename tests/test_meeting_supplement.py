"""A session's agenda changed after the Einladung (scripts/meeting_supplement.py draws it): "Nachtrag zur
Tagesordnung", "Geänderte Tagesordnung" and the like. Its items are those the session now deals with:
an item taken off ("– abgesetzt –", under "Abgesetzt werden:", in a remark column, struck through) is
none, a new item's mark and a moved item's note are no part of the title, a moved item has its new
number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.layout.lines import Line
from ratsdoc.layout.ruled_cells import Rule, mark_struck
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_changes import changed_items, whole_list
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.record_type import record_type, type_of
from ratsdoc.meeting.rules import MeetingRules

from .conftest import load_script
from .test_generic_reader import line

RULES = MeetingRules()

#: The fields of a meeting golden checked here.
FIELDS = ("kind", "document_type", "number", "date", "body", "meeting", "agenda_items")

#: Development documents, each read wrong before. Seed 5: the heading read as "Tagesordnung", the
#: session's start and place in the sentence that refers to the invitation not read, withdrawn items
#: under "Von der Tagesordnung abgesetzt werden:" read as items, the parts named by "Neu aufgenommen
#: werden im nichtöffentlichen Teil:" not (1); items struck through read as items (11); "zurückgezogen"
#: in a table's remark column (14); one new item "4.1" with no agenda heading read as no list, its
#: "Vorlage:" line as the document's number (4); "Los" / "4 Rohbauarbeiten" read as item 4 (13); a moved
#: item's note "wird als TOP 7 behandelt" and the close "Mit freundlichen Grüßen" in its title (34).
#: Seed 7: "Dringlichkeitsvorlage – Erweiterung der" / "Tagesordnung" wrapped (29); the lead sentence's
#: last line "geändert:" opening the list (28); "wird als Punkt 3 behandelt" in a remark column (34).
CASES = ("5/1", "5/4", "5/11", "5/13", "5/14", "5/34", "7/28", "7/29", "7/34")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development documents of :data:`CASES`, drawn and rendered as the generator does."""
    module = load_script("meeting_supplement")
    out: dict[str, tuple[Path, dict[str, Any]]] = {}
    for seed in sorted({case.split("/")[0] for case in CASES}):
        folder = tmp_path_factory.mktemp(f"supplement-{seed}")
        indexes = [int(case.split("/")[1]) for case in CASES if case.startswith(f"{seed}/")]
        goldens = module.build(folder, int(seed), indexes, 40)
        for n in indexes:
            out[f"{seed}/{n}"] = (folder / f"agenda-supplement-{n}.pdf", goldens[n])
    return out


@pytest.mark.parametrize("case", CASES)
def test_a_changed_agenda_reads_as_the_items_the_session_deals_with(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert got[name] == golden[name], name


def test_the_same_seed_draws_the_same_document(tmp_path: Path) -> None:
    module = load_script("meeting_supplement")
    first = module.build(tmp_path / "a", 3, [2], 40)[2]
    again = module.build(tmp_path / "b", 3, [2], 40)[2]
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["agenda_items"] or first["document_type"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Nachtrag zur Tagesordnung", "Nachtrag zur Tagesordnung"),
        ("Geänderte  Tagesordnung", "Geänderte Tagesordnung"),
        ("Nachtragstagesordnung", "Nachtragstagesordnung"),
        ("Dringlichkeitsvorlage – Erweiterung der Tagesordnung", "Erweiterung der Tagesordnung"),
    ],
)
def test_a_changed_agendas_heading_is_its_type(heading: str, kind: str) -> None:
    assert type_of(heading, RULES) == (kind, "")


def test_a_changed_agendas_heading_wrapped_in_large_type_is_read_whole() -> None:
    head = [
        line(80, "Dringlichkeitsvorlage – Erweiterung der", size=15, bold=True),
        line(100, "Tagesordnung", size=15, bold=True),
        line(120, "zur 5. Sitzung des Gemeinderates"),
        line(140, "Sitzungstermin: Montag, 14.07.2025"),
        line(160, "Beginn: 18:00 Uhr"),
    ]
    found = record_type(head, RULES)
    assert found is not None and found[0] == "Erweiterung der Tagesordnung"


def _items(*lines: Line) -> list[Item]:
    return read_agenda(lines, RULES, changes=True)


def test_items_taken_off_are_none_and_marks_and_notes_leave_the_titles() -> None:
    lines = [
        line(100, "Die Tagesordnung wird wie folgt geändert:"),
        line(120, "Neu aufgenommen werden:"),
        line(140, "TOP 4.1 Vergabe der Winterdienstleistungen (neu)"),
        line(160, "TOP 6 Neubau einer Sporthalle – wird als TOP 3 behandelt"),
        line(180, "TOP 7 Sanierung des Spielplatzes – entfällt –"),
        line(200, "Abgesetzt werden:"),
        line(220, "TOP 5 Haushaltssatzung 2025"),
    ]
    items, gone, seen = changed_items(_items(*lines), lines, RULES)
    assert [(i.number, i.title) for i in items] == [
        ("4.1", "Vergabe der Winterdienstleistungen"),
        ("3", "Neubau einer Sporthalle"),
    ]
    assert [ln.text for ln in gone] == [lines[4].text, lines[6].text]
    assert not whole_list(items) and seen


def test_a_moved_items_note_wrapped_in_its_remark_cell_gives_the_new_number() -> None:
    # Regression: 'wird als TOP 3' over 'behandelt' in the remark column of a ruled table (one line
    # of two rows) was no note, and the item kept its old number 5 silently.
    from ratsdoc.layout.lines import Token

    def row(top: float, cells: list[tuple[float, str]]) -> list[Token]:
        # Each cell's first word stands right of the cell's ruled side.
        tokens = []
        for x, text in cells:
            for k, word in enumerate(text.split()):
                tokens.append(Token(word, x, top, x + 6 * len(word), top + 10, 10.0, ruled=k == 0 and x > 71))
                x += 6 * len(word) + 3
        return tokens

    # A ruled row's line holds its cells one after the other, each cell's rows in turn.
    cell = Line(
        1,
        row(314, [(71, "TOP 5"), (128, "Neufassung der Satzung")])
        + row(328, [(128, "Vorlage: 173/25")])
        + row(314, [(437, "wird als TOP 3")])
        + row(328, [(437, "behandelt")]),
    )
    lines = [
        line(270, "Die Tagesordnung wird wie folgt ergänzt:"),
        Line(1, row(286, [(71, "TOP"), (128, "Gegenstand"), (437, "Bemerkung")])),
        Line(1, row(300, [(71, "TOP 3a"), (128, "Benennung eines Mitglieds"), (437, "neu")])),
        cell,
    ]
    items, _, seen = changed_items(_items(*lines), lines, RULES)
    assert [i.number for i in items] == ["3a", "3"] and seen


def test_a_struck_through_item_is_taken_off() -> None:
    struck = line(140, "TOP 2 Fortschreibung des Nahverkehrsplans")
    mark_struck([struck], [Rule(140 + 11 * 0.6, 60.0, 400.0)])
    assert all(t.struck for t in struck.tokens)
    lines = [line(100, "Tagesordnung"), line(120, "TOP 1 Eröffnung"), struck, line(160, "TOP 3 Anfragen")]
    items, _, seen = changed_items(_items(*lines), lines, RULES)
    assert [i.number for i in items] == ["1", "3"] and seen


def test_a_changed_agenda_with_no_change_seen_warns() -> None:
    lines = [line(100, "Tagesordnung"), line(120, "TOP 1 Eröffnung"), line(140, "TOP 2 Anfragen")]
    assert not changed_items(_items(*lines), lines, RULES)[2]


def test_an_underline_or_a_tables_rule_strikes_nothing() -> None:
    under = line(140, "TOP 2 Fortschreibung des Nahverkehrsplans")
    mark_struck([under], [Rule(140 + 11 + 1.5, 60.0, 400.0), Rule(140 - 3, 60.0, 400.0)])
    assert not any(t.struck for t in under.tokens)


def test_a_number_where_the_titles_start_wraps_the_title() -> None:
    items = _items(
        line(100, "Ergänzt werden folgende Punkte:"),
        line(120, "3.1 Vergabe von Bauleistungen für die Grundschule, Los"),
        line(135, "4 Rohbauarbeiten", x=70 + 0.55 * 11 * 3 + 11 / 3),  # at the title's x
        line(160, "6.1 Genehmigung der Niederschrift"),
    )
    assert [(i.number, i.title) for i in items] == [
        ("3.1", "Vergabe von Bauleistungen für die Grundschule, Los 4 Rohbauarbeiten"),
        ("6.1", "Genehmigung der Niederschrift"),
    ]


def test_the_letters_close_does_not_wrap_the_last_title() -> None:
    items = read_agenda(
        [
            line(100, "Tagesordnung"),
            line(120, "TOP 1 Eröffnung der Sitzung"),
            line(135, "TOP 2 Neufassung der Satzung über die Erhebung von Gebühren", x=70),
            line(150, "Mit freundlichen Grüßen", x=70),
        ],
        RULES,
    )
    assert items[-1].title == "Neufassung der Satzung über die Erhebung von Gebühren"
