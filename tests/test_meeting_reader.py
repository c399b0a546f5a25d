"""The meeting reader on hand-built lines: header, agenda, votes, attendees, speeches, columns."""

from __future__ import annotations

import pytest

from ratsdoc.layout.columns import page_order, running_text
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.marks import BoxMark
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.header import parse_time, read_header
from ratsdoc.meeting.minutes import read_outcome, read_vote
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.speeches import read_speeches

from .conftest import text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 12.0) -> list[Line]:
    return [text_line(50 + leading * k, cells) for k, cells in enumerate(rows)]


def test_header_block_with_labels_on_one_row_and_a_wrapped_place() -> None:
    lines = _lines(
        [
            [(50, "Besprechung am:"), (200, "17. November 2022"), (400, "Beginn:"), (460, "18:35 Uhr")],
            [(50, "Ort:"), (200, "Mönauschule,"), (400, "Ende:"), (460, "20:25 Uhr")],
            [(200, "Steigerwaldallee 19, Erlangen")],
        ]
    )
    values = read_header(lines, RULES).values
    assert str(values["date"]) == "2022-11-17"
    assert (values["start"], values["end"]) == ("18:35", "20:25")
    assert values["location"] == "Mönauschule, Steigerwaldallee 19, Erlangen"


def test_a_wrapped_place_that_the_layout_put_on_the_labels_line() -> None:
    # The place's second row reached the row of 'Ort:' (a taller cell beside it): the layout gave
    # both rows as one line, the second row's words between 'Ende:' and its time.
    first = text_line(62, [(50, "Ort:"), (200, "Aula Grundschule,"), (400, "Ende:"), (460, "19:50 Uhr")])
    second = text_line(75, [(200, "Hauptstraße 6, Erlangen")])
    ende = next(k for k, t in enumerate(first.tokens) if t.text == "Ende:") + 1
    merged = Line(1, [*first.tokens[:ende], *second.tokens, *first.tokens[ende:]])
    lines = [text_line(50, [(50, "Besprechung am:"), (200, "29. Juni 2022"), (400, "Beginn:"), (460, "18:30 Uhr")])]
    values = read_header([*lines, merged], RULES).values
    assert values["location"] == "Aula Grundschule, Hauptstraße 6, Erlangen"
    assert (values["start"], values["end"]) == ("18:30", "19:50")


def test_date_and_time_in_one_value_and_no_time_read_from_the_date() -> None:
    lines = _lines([[(50, "Sitzungstermin:"), (150, "Dienstag, 12.03.2024, 17:00 Uhr")]])
    values = read_header(lines, RULES).values
    assert (str(values["date"]), values["start"]) == ("2024-03-12", "17:00")
    assert parse_time("13.02.2024") is None and parse_time("9 Uhr") == "09:00"


def test_session_line_without_labels() -> None:
    lines = _lines([[(50, "3. Sitzung Donnerstag, 17.11.2022 18:30 Uhr Mönauschule,")], [(50, "Steigerwaldallee 19")]])
    values = read_header(lines, RULES).values
    assert values["number"] == "3. Sitzung" and values["start"] == "18:30"
    assert values["location"] == "Mönauschule, Steigerwaldallee 19"


def test_protocol_number_and_date() -> None:
    values = read_header(_lines([[(50, "Protokoll Nr. 61 vom 16. August 2023")]]), RULES).values
    assert (values["number"], str(values["date"])) == ("Nr. 61", "2023-08-16")


def test_agenda_list_with_wrapped_titles_parts_and_number_cells() -> None:
    lines = _lines(
        [
            [(50, "Tagesordnung")],
            [(50, "Öffentlicher Teil")],
            [(50, "TOP 1"), (110, "Eröffnung der Sitzung, Feststellung der Beschluss-")],
            [(110, "fähigkeit")],
            [(50, "TOP 2"), (110, "Sanierung Spielplatz"), (450, "VO/2024/123")],
            [(50, "TOP 2.1"), (110, "Bauabschnitt Nord (Vorlage 24/0815)")],
            [(50, "Nichtöffentlicher Teil")],
            [(50, "TOP 3"), (110, "Grundstücksangelegenheiten")],
        ]
    )
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title, i.public, i.paper_numbers) for i in items] == [
        ("1", "Eröffnung der Sitzung, Feststellung der Beschlussfähigkeit", True, []),
        ("2", "Sanierung Spielplatz", True, ["VO/2024/123"]),
        ("2.1", "Bauabschnitt Nord (Vorlage 24/0815)", True, ["24/0815"]),
        ("3", "Grundstücksangelegenheiten", False, []),
    ]


def test_markers_and_a_list_that_ends_at_running_text() -> None:
    lines = _lines(
        [
            [(50, "Tagesordnung")],
            [(50, "Ö 1"), (110, "Bericht")],
            [(50, "N 2"), (110, "Personalsache")],
            [(50, "Ich darf Sie hiermit einladen.")],
            [(50, "3. Punkt einer Aufzählung")],
        ]
    )
    items = read_agenda(lines, RULES)
    assert [(i.number, i.public) for i in items] == [("Ö 1", True), ("N 2", False)]


def test_numbered_items_of_minutes_must_run_in_sequence() -> None:
    lines = _lines([[(50, "1) Begrüßung")], [(50, "Text")], [(50, "5. Bewilligung")], [(50, "2) Bericht")]])
    assert [i.number for i in read_agenda(lines, RULES)] == ["1", "2"]


def test_votes() -> None:
    assert read_vote("Ja 23 Nein 5 Enthaltung 2", RULES).model_dump() == {  # type: ignore[union-attr]
        "yes": 23,
        "no": 5,
        "abstain": 2,
        "unanimous": False,
    }
    vote = read_vote("7 Ja-Stimmen, 2 Nein-Stimmen, 0 Enthaltungen", RULES)
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == (7, 2, 0)
    vote = read_vote("Antrag wurde einstimmig angenommen.", RULES)
    assert vote is not None and vote.unanimous is True and vote.yes is None
    assert read_vote("Kenntnisnahme", RULES) is None


def test_decision_and_vote_of_an_item() -> None:
    body = _lines(
        [
            [(50, "Beschluss: Der Ausschuss stimmt der Variante 2")],
            [(50, "zu.")],
            [(50, "Abstimmungsergebnis: Ja 9 Nein 0 Enthaltung 1")],
        ]
    )
    decision, vote, where = read_outcome(body, RULES)
    assert decision == "Der Ausschuss stimmt der Variante 2 zu."
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (9, 0, 1, None)
    assert len(where) == 3


def test_attendees_by_faction_and_role_absent_left_out() -> None:
    lines = _lines(
        [
            [(50, "Anwesend:")],
            [(50, "SPD-Fraktion")],
            [(50, "Frau Anna Bauer")],
            [(50, "Herr Dr. Jens Schultz (Vorsitz)")],
            [(50, "Verwaltung:"), (150, "Frau Gundermann")],
            [(50, "Entschuldigt:")],
            [(50, "Herr Pols")],
        ]
    )
    attendees, _ = read_attendees(lines, RULES)
    assert [(a.name, a.role, a.faction) for a in attendees] == [
        ("Anna Bauer", None, "SPD-Fraktion"),
        ("Dr. Jens Schultz", "Vorsitz", "SPD-Fraktion"),
        ("Gundermann", "Verwaltung", None),
    ]


def test_attendees_in_the_first_column_of_a_table() -> None:
    lines = _lines(
        [
            [(50, "Anwesende"), (250, "Entschuldigt"), (400, "Verteiler")],
            [(50, "Stadtteilbeirat:"), (250, "Fr. Mürbeth"), (400, "Alle Referate,")],
            [(50, "Hr. Buff für Fr. Kopper"), (400, "Fraktionen")],
        ]
    )
    attendees, _ = read_attendees(lines, RULES)
    assert [(a.name, a.role) for a in attendees] == [("Buff", "Stadtteilbeirat")]


def test_a_person_with_first_name_and_office_but_no_salutation_in_an_addressed_list() -> None:
    # Most entries say "Frau"/"Herr"; 'Frank Steigner/AWO' names a person all the same (a first
    # name, a surname, the office after the slash), while 'Amt für Sport und' / 'Gesundheitsförderung'
    # and 'AWO Stadtteilprojekt' are offices.
    lines = _lines(
        [
            [(50, "Anwesende")],
            [(50, "Verwaltung/andere Institutionen:")],
            [(50, "Frau Landgraf/Schule")],
            [(50, "Frank Steigner/AWO")],
            [(50, "Frau Baruse/ Amt für Sport und")],
            [(50, "Gesundheitsförderung")],
            [(50, "Herr Beck/Projektkoordinator")],
            [(50, "AWO Stadtteilprojekt")],
        ]
    )
    attendees, _ = read_attendees(lines, RULES)
    assert [a.name for a in attendees] == ["Landgraf", "Frank Steigner", "Baruse", "Beck"]


def test_speaker_turns() -> None:
    lines = _lines(
        [
            [(50, "Oberbürgermeisterin Reker: Meine Damen und")],
            [(50, "Herren, ich eröffne.")],
            [(50, "Ratsmitglied Frank (GRÜNE): Danke.")],
            [(50, "Beschluss: angenommen")],
        ]
    )
    speeches, _ = read_speeches(lines, RULES)
    assert [(s.speaker, s.role, s.text) for s in speeches] == [
        ("Reker", "Oberbürgermeisterin", "Meine Damen und Herren, ich eröffne."),
        ("Frank", "GRÜNE", "Danke. Beschluss: angenommen"),
    ]


def test_the_line_that_closes_the_session_ends_the_last_turn() -> None:
    lines = _lines(
        [
            [(50, "Bürgermeister Bauer: Ich danke Ihnen.")],
            [(50, "Ende der Sitzung: 12.40 Uhr")],
            [(50, "Schriftführung")],
        ]
    )
    speeches, _ = read_speeches(lines, RULES)
    assert [(s.speaker, s.text) for s in speeches] == [("Bauer", "Ich danke Ihnen.")]


def test_the_end_of_the_session_named_inside_a_speech_does_not_end_it() -> None:
    lines = _lines([[(50, "Bürgermeister Bauer: Wir sind am")], [(50, "Ende der Sitzung angelangt.")]])
    speeches, _ = read_speeches(lines, RULES)
    assert [s.text for s in speeches] == ["Wir sind am Ende der Sitzung angelangt."]


def test_two_columns_are_read_one_after_the_other() -> None:
    rows = [[(50, "Überschrift über beide Spalten des Protokolls hinweg")]]
    rows += [[(50, f"links {k} Text"), (320, f"rechts {k} Text")] for k in range(6)]
    order = [line.text for line in page_order(_lines(rows), 595.0, running=False)[0]]
    assert order[1:7] == [f"links {k} Text" for k in range(6)]
    assert order[7:] == [f"rechts {k} Text" for k in range(6)]


def test_a_table_with_a_number_cell_is_not_two_columns() -> None:
    rows = [[(50, f"TOP {k} Titel"), (450 - 17 * k, f"VO/{k}")] for k in range(6)]
    assert [line.text for line in page_order(_lines(rows), 595.0, running=False)[0]] == [
        f"TOP {k} Titel VO/{k}" for k in range(6)
    ]


def test_running_text_undoes_line_end_hyphens() -> None:
    lines = _lines([[(50, "Der Bei-")], [(50, "rat tagt.")], [(50, "Neue Zeile")]])
    assert running_text(lines) == "Der Beirat tagt.\nNeue Zeile"


def test_decision_label_with_a_body_short_name() -> None:
    body = _lines([[(50, "Beschluss StBR: keiner, nur Kenntnisnahme")]])
    assert read_outcome(body, RULES)[0] == "keiner, nur Kenntnisnahme"


def test_offices_beside_addressed_people_are_not_attendees() -> None:
    lines = _lines(
        [
            [(50, "Anwesend:")],
            [(50, "Verwaltung:")],
            [(50, "Hr. Klement, Fr. Ziemainz, Amt für")],
            [(50, "Sport und Gesundheitsförderung")],
            [(50, "Hr. Heuer, Abt. Stadtplanung")],
        ]
    )
    attendees, _ = read_attendees(lines, RULES)
    assert [a.name for a in attendees] == ["Klement", "Ziemainz", "Heuer"]


@pytest.mark.parametrize(
    ("session", "place", "expected"),
    [
        # Private-use icons between the parts, the place on the next line.
        (
            "3. Sitzung \uf09f Mittwoch, 15.10.2025 \uf09f 18:30 Uhr \uf09f",
            "Schule, Dompropststraße 6-8",
            ("2025-10-15", "Schule, Dompropststraße 6-8"),
        ),
        # Erlangen's Einladung of 15.11.2023: Wingdings icons without a Unicode mapping, "(cid:1)"
        # glued to the next word; the session line was not read.
        (
            "2. Sitzung (cid:1)Mittwoch, 15.11.2023 (cid:1)18:30 Uhr (cid:1)Heinrich-Kirchner-Schule, Aula",
            "Dompropststraße 6, Erlangen",
            ("2023-11-15", "Heinrich-Kirchner-Schule, Aula, Dompropststraße 6, Erlangen"),
        ),
    ],
)
def test_a_session_line_with_icons(session: str, place: str, expected: tuple[str, str]) -> None:
    lines = _lines([[(50, session)], [(50, place)]])
    values = read_header(lines, RULES).values
    assert (str(values["date"]), values["start"], values["location"]) == (expected[0], "18:30", expected[1])
    assert running_text(lines).startswith(f"{session.split()[0]} Sitzung Mittwoch, {expected[0][8:]}.")


def test_a_dash_list_set_in_under_an_agenda_item_is_its_title() -> None:
    # The same Einladung: "4. Anträge/Stellungnahmen" over "- Rudeltplatz" / "- Sport ...", set in
    # further than the title and a little apart from it; the points were lost.
    lines = [
        text_line(260, [(74, "Öffentliche Tagesordnung - 18:30 Uhr")]),
        text_line(293, [(74, "1."), (110, "Sozialentwicklung im Stadtteil")]),
        text_line(326, [(74, "2."), (110, "Lärmbelästigungen")]),
        text_line(359, [(74, "3."), (110, "Mögliche Treffpunkte für Jugendliche")]),
        text_line(394, [(74, "4."), (110, "Anträge/Stellungnahmen")]),
        text_line(412, [(137, "- Rudeltplatz")]),
        text_line(425, [(137, "- Sport (öffentliche Plätze und Hallen)")]),
        text_line(460, [(74, "5."), (110, "Weitere Themen")]),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title) for i in items][3:] == [
        ("4", "Anträge/Stellungnahmen - Rudeltplatz - Sport (öffentliche Plätze und Hallen)"),
        ("5", "Weitere Themen"),
    ]
    # A sentence set in under a heading is minutes, not a topic of the title.
    lines[5] = text_line(412, [(137, "- Der Beirat stimmt dem Antrag einstimmig zu.")])
    assert read_agenda(lines, RULES)[3].title == "Anträge/Stellungnahmen"


def test_a_box_right_of_the_gutter_does_not_make_a_column() -> None:
    # A line whose box reaches past the gutter only through a checkbox mark has no word there
    # (this raised "min() arg is an empty sequence" on an Erlangen attachment).
    box = BoxMark(x0=400, top=0, x1=410, bottom=10, checked=False, source="glyph")
    rows = []
    for k in range(6):
        line = text_line(50 + 12 * k, [(50, f"links {k}")])
        line.tokens = (*line.tokens, Token("☐", 400, line.top, 410, line.bottom, 10.0, box=box))
        rows.append(line)
    assert [line.text for line in page_order(rows, 595.0, running=False)[0]] == [f"links {k}" for k in range(6)]


def test_a_document_without_words_warns_about_its_text() -> None:
    from ratsdoc.extract.context import Context
    from ratsdoc.issues import IssueCode
    from ratsdoc.meeting.extract import extract_meeting
    from ratsdoc.profile import bundled_profiles
    from ratsdoc.regions import Layout, PageInfo

    box = BoxMark(x0=50, top=50, x1=60, bottom=60, checked=False, source="glyph")
    layout = Layout([PageInfo(1, 595.0, 842.0)], [Line(1, [Token("☐", 50, 50, 60, 60, 10.0, box=box)])])
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    extract_meeting(ctx)
    assert ctx.fields.values["text"] == "" and ctx.fields.values["kind"] == "paper"
    assert [(w.code, w.field) for w in ctx.fields.warnings] == [(IssueCode.TEXT_EMPTY, "text")]
