"""The meeting reader on layouts the first reader missed: Swiss head rows without colons, a
Traktandenliste with business numbers, 'Beschlussfassung' results, bold headings of verbatim
minutes, verbatim minutes without a type word, columns whose baselines differ."""

from __future__ import annotations

from dataclasses import replace

from ratsdoc.layout.columns import page_order
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.attendance import read_attendees, read_head_roles
from ratsdoc.meeting.evidence import looks_verbatim
from ratsdoc.meeting.head_fields import read_public
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.headings import read_headings
from ratsdoc.meeting.minutes import read_outcome, read_vote
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.speeches import read_speeches, speaker_turn

from .conftest import text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]], leading: float = 12.0, top: float = 50.0) -> list[Line]:
    return [text_line(top + leading * k, cells) for k, cells in enumerate(rows)]


def _bold(line: Line) -> Line:
    return Line(line.page, [replace(t, bold=True) for t in line.tokens])


def test_swiss_head_rows_without_colons() -> None:
    lines = _lines(
        [
            [(50, "Protokoll Nr. 61 vom 16. August 2023")],
            [(50, "Vorsitz"), (170, "Andreas Zuber, Präsident, Märstetten")],
            [(50, "Protokoll"), (170, "Johanna Pilat, Parlamentsdienste")],
            [(170, "Kevin Broger, Parlamentsdienste")],
            [(50, "Anwesend"), (170, "119 Mitglieder")],
            [(50, "Ort"), (170, "Rathaus Frauenfeld")],
            [(50, "Zeit"), (170, "09.30 Uhr bis 12.40 Uhr")],
        ]
    )
    values = read_header(lines, RULES).values
    assert (values["start"], values["end"], values["location"]) == ("09:30", "12:40", "Rathaus Frauenfeld")
    # 'Anwesend 119 Mitglieder' is a count, not a list: the head's roles are the attendees.
    assert read_attendees(lines, RULES) == ([], [])
    people = [(a.name, a.role) for a in read_head_roles(lines, RULES)[0]]
    assert people == [("Andreas Zuber", "Vorsitz"), ("Johanna Pilat", "Protokoll"), ("Kevin Broger", "Protokoll")]


def test_wrapped_place_is_joined_with_a_comma_and_the_session_kind_is_no_number() -> None:
    lines = _lines(
        [
            [(50, "1. Sitzung Donnerstag, 15.06.2023 18:30 Uhr Grundschule Büchenbach")],
            [(50, "Dorfstraße 21, Erlangen")],
        ]
    )
    assert read_header(lines, RULES).values["location"] == "Grundschule Büchenbach, Dorfstraße 21, Erlangen"
    lines = _lines([[(50, "Thema:"), (200, "1. öffentliche Sitzung Stadtteilbeirat Büchenbach")]])
    assert read_header(lines, RULES).values["number"] == "1. Sitzung"


def test_traktandenliste_with_business_numbers_procedure_lines_and_repeated_headings() -> None:
    lines = _lines(
        [
            [(50, "Traktandenliste")],
            [(50, "1."), (70, "Änderung des Gesetzes über die Krankenversicherung (TG KVG)")],
            [(70, "(20/GE 23/440)")],
            [(70, "Redaktionslesung, Schlussabstimmung"), (450, "Seite 12")],
            [(50, "2."), (70, "Motion vom 26. Oktober 2022 (20/MO 38/396)"), (450, "Seite 34")],
            [(70, "Beantwortung")],
            [(50, "1."), (70, "Änderung des Gesetzes über die Krankenversicherung (TG KVG)")],
            [(70, "(20/GE 23/440)")],
            [(50, "Präsident: Wir stimmen ab.")],
            [(50, "Schlussabstimmung")],
            [(50, "Der Änderung wird mit 91:25 Stimmen bei 1 Enthaltung zugestimmt.")],
            [(50, "2."), (70, "Motion vom 26. Oktober 2022 (20/MO 38/396)")],
            [(50, "Beschlussfassung")],
            [(50, "Die Motion wird mit 62:45 Stimmen erheblich erklärt.")],
        ]
    )
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Änderung des Gesetzes über die Krankenversicherung (TG KVG)", ["20/GE 23/440"]),
        ("2", "Motion vom 26. Oktober 2022", ["20/MO 38/396"]),
    ]
    decision, vote, _ = read_outcome(items[0].body, RULES)
    assert decision == "Der Änderung wird mit 91:25 Stimmen bei 1 Enthaltung zugestimmt."
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (91, 25, 1, False)
    decision, vote, _ = read_outcome(items[1].body, RULES)
    assert decision == "Die Motion wird mit 62:45 Stimmen erheblich erklärt."


def test_ratio_votes() -> None:
    vote = read_vote("Der Bericht wird mit 108:0 Stimmen genehmigt.", RULES)
    assert vote is not None and (vote.yes, vote.no, vote.abstain, vote.unanimous) == (108, 0, None, None)


def test_a_call_to_an_item_is_no_speaker_turn() -> None:
    assert speaker_turn("Ich rufe auf:", RULES) is None
    assert speaker_turn("Lino Hammer (Bündnis 90/Die Grünen): Sehr geehrte", RULES) is not None


def test_bold_headings_of_verbatim_minutes_with_number_lines_and_public_end() -> None:
    rows = _lines(
        [
            [(50, "Oberbürgermeisterin Reker: Ich rufe auf:")],
            [(50, "Tagesordnungspunkt")],
            [(50, "2.3"), (76, "Dringlichkeitsantrag der Fraktionen")],
            [(76, "SPD und CDU betreffend „Aufnahme“")],
            [(76, "AN/1726/2021")],
            [(50, "Jens Lange (SPD): Wir stimmen zu.")],
            [(50, "(Beifall)")],
            [(50, "1"), (76, "Wahl eines Beigeordneten")],
            [(76, "2197/2021")],
            [(50, "Oberbürgermeisterin Reker: Damit bin ich am Ende des öffentlichen Teils.")],
        ]
    )
    bold = {2, 3, 4, 7, 8}
    lines = [_bold(line) if k in bold else line for k, line in enumerate(rows)]
    items = read_headings(lines, RULES)
    assert [(i.number, i.title, i.paper_numbers, i.public) for i in items] == [
        ("2.3", "Dringlichkeitsantrag der Fraktionen SPD und CDU betreffend „Aufnahme“", ["AN/1726/2021"], True),
        ("1", "Wahl eines Beigeordneten", ["2197/2021"], True),
    ]
    skip = {id(line) for item in items for line in item.lines}
    speeches, _ = read_speeches(lines, RULES, skip=skip)
    assert [(s.speaker, s.text) for s in speeches] == [
        ("Reker", "Ich rufe auf:"),
        ("Jens Lange", "Wir stimmen zu."),
        ("Reker", "Damit bin ich am Ende des öffentlichen Teils."),
    ]


def test_verbatim_minutes_are_told_by_turns_and_a_session_header() -> None:
    head = _lines([[(50, "9. Sitzung vom 23. August 2021"), (300, "Seite 1")]], top=20)
    turns = _lines([[(50, f"Jens Lange (SPD): Punkt {k}.")] for k in range(RULES.verbatim_min_turns)])
    assert looks_verbatim(turns, head + turns, RULES)
    assert not looks_verbatim(turns[:-1], head + turns, RULES)
    assert not looks_verbatim(turns, turns, RULES)


def test_columns_whose_rows_do_not_share_baselines() -> None:
    # The right column runs 5 pt lower, so the layout's lines hold rows of both columns.
    text = "wir haben im ausschuss lange über diese frage beraten und sind zu dem ergebnis gekommen dass"
    words = text.split(" ")
    rows = []
    for k in range(12):
        turn = words[k:] + words[:k]
        left = text_line(100 + 12 * k, [(50, " ".join(turn[:5]))])
        right = text_line(105 + 12 * k, [(310, " ".join(turn[5:10]))])
        left_end = text_line(100 + 12 * k, [(50, " ".join(turn[:5]))])
        rows.append(Line(1, [*left.tokens, *right.tokens]) if k % 2 else left_end)
        if k % 2 == 0:
            rows.append(right)
    ordered, _ = page_order(rows, 595.0, running=False, loose=True)
    assert [round(line.x0) for line in ordered] == [50] * 12 + [310] * 12
    # Not loose either: two columns of running text as wide as each other, each with its own
    # leading (a gazette's page), are read column by column.
    assert [round(line.x0) for line in page_order(rows, 595.0, running=False)[0]] == [50] * 12 + [310] * 12


def test_a_public_session_line_makes_its_items_public() -> None:
    lines = _lines([[(50, "Thema:"), (200, "1. öffentliche Sitzung Stadtteilbeirat Büchenbach")]])
    assert read_header(lines, RULES).public is True
    lines = _lines([[(50, "Thema:"), (200, "3. Sitzung des Stadtteilbeirates Büchenbach")]])
    assert read_header(lines, RULES).public is None


def test_the_chair_opening_a_public_session_in_running_text_is_no_public_part() -> None:
    # Regression (dev half, Erlangen Niederschrift of 20.10.2020): with a short attendance list the
    # chair's "eröffnet die zweite öffentliche Sitzung des ... und" came into the head's first
    # lines and made every item public, at single and at wide line spacing; a head line still
    # says it, wrapped or not.
    rows = [
        [(50, "Thema:"), (200, "2. Sitzung des Stadtteilbeirates Büchenbach")],
        [(50, "Ergebnis:")],
        [(50, "Der Vorsitzende, Herr Winkelmann, eröffnet die zweite öffentliche Sitzung des Stadtteilbeirates und")],
        [(50, "heißt alle Anwesenden herzlich willkommen.")],
    ]
    assert read_public(_lines(rows), RULES) is None
    assert read_public(_lines(rows, leading=18.0), RULES) is None
    heading = _lines([[(50, "Niederschrift über die öffentliche Sitzung des")], [(50, "Stadtrates am 12.03.2024")]])
    found = read_public(heading, RULES)
    assert found is not None and found[0] is True


def test_unanimous_in_the_running_text_of_minutes_but_not_of_verbatim_minutes() -> None:
    body = _lines([[(50, "Der Stadtteilbeirat stellt daher einstimmig folgenden Antrag:")]])
    vote = read_outcome(body, RULES, prose=True)[1]
    assert vote is not None and vote.unanimous is True
    assert read_outcome(body, RULES)[1] is None


def test_a_count_in_the_running_text_of_minutes_is_the_vote() -> None:
    # Regression (dev half, Erlangen Niederschrift of 20.10.2020): "Der Stadtteilbeirat stellt mit
    # 8 zu 0" / "Stimmen folgenden Antrag:" and "... gestellt (Abstimmung 9:0 Stimmen)" gave no vote;
    # only 'einstimmig' was read from the running text. The first vote of the item counts.
    body = _lines(
        [
            [(50, "Dies wäre gerade in der Corona-Zeit wichtig. Der Stadtteilbeirat stellt mit 8 zu 0")],
            [(50, "Stimmen folgenden Antrag:")],
            [(50, "Später wurde einstimmig beschlossen.")],
        ]
    )
    decision, vote, used = read_outcome(body, RULES, prose=True)
    assert decision is None and vote is not None
    assert (vote.yes, vote.no, vote.abstain, vote.unanimous) == (8, 0, None, None)
    assert used == body[:2]
    body = _lines([[(50, "Antrag wird nochmals gestellt (Abstimmung 9:0 Stimmen).")]])
    vote = read_outcome(body, RULES, prose=True)[1]
    assert vote is not None and (vote.yes, vote.no) == (9, 0)
    assert read_outcome(body, RULES)[1] is None  # verbatim minutes: a count said is no result
    # Several results under one decision heading, each with its count, still have no single vote.
    several = _lines(
        [
            [(50, "Beschlussfassung")],
            [(50, "Forderung 1 wird mit 111:1 Stimmen nicht erheblich erklärt.")],
            [(50, "Forderung 2 wird mit 80:20 Stimmen nicht erheblich erklärt.")],
        ]
    )
    decision, vote, _ = read_outcome(several, RULES, prose=True)
    assert decision is not None and decision.count("\n") == 1 and vote is None


def test_attendance_groups_far_apart_with_long_headings_and_offices() -> None:
    lines = _lines(
        [
            [(73, "Anwesende"), (250, "Entschuldigt")],
            [(73, "Stadtteilbeirat:"), (250, "Hr. Dr. Els")],
            [(73, "Hr. Winkelmann")],
            [(73, "Fr. Petsch f. Hr. Dr. Els")],
            [(73, "")],
            [(73, "")],
            [(73, "")],
            [(73, "Verwaltung/Sonstige Institutionen:")],
            [(73, "Fr. Maroke/Bürgermeister- und Presseamt")],
        ],
        leading=14.0,
    )
    lines = [line for line in lines if line.words]
    people = [(a.name, a.role) for a in read_attendees(lines, RULES)[0]]
    assert people == [
        ("Winkelmann", "Stadtteilbeirat"),
        ("Petsch", "Stadtteilbeirat"),
        ("Maroke", "Verwaltung/Sonstige Institutionen"),
    ]


def test_a_group_heading_without_its_colon() -> None:
    # Regression (dev half, Erlangen Niederschrift 2022): "Presse" over "Hr. Kalb/EN" heads a group
    # of its own; a line that an open entry above runs on into ("Amt für" / "Sport und ...") does not.
    lines = _lines(
        [
            [(73, "Anwesende"), (250, "Entschuldigt")],
            [(73, "Stadtteilbeirat:"), (250, "Fr. Mürbeth")],
            [(73, "Hr. Winkelmann")],
            [(73, "Verwaltung/andere Institutionen:")],
            [(73, "Hr. Klement, Fr. Ziemainz, Amt für")],
            [(73, "Sport und Gesundheitsförderung")],
            [(73, "Presse")],
            [(73, "Hr. Kalb/EN")],
        ],
        leading=14.0,
    )
    people = [(a.name, a.role) for a in read_attendees(lines, RULES)[0]]
    assert people == [
        ("Winkelmann", "Stadtteilbeirat"),
        ("Klement", "Verwaltung/andere Institutionen"),
        ("Ziemainz", "Verwaltung/andere Institutionen"),
        ("Kalb", "Presse"),
    ]


def test_an_office_wrapped_under_its_entry_is_no_group_heading() -> None:
    # Regression (dev half, Erlangen Niederschrift of 05.04.2022): "Hr. Steigner/Projektkoordinator"
    # over "AWO Stadtteilprojekt", the office wrapped at the column edge, made the next person's
    # role "AWO Stadtteilprojekt". A line set apart under such an entry still heads a group.
    rows = [
        [(73, "Anwesende"), (250, "Entschuldigt")],
        [(73, "Stadtteilbeirat:"), (250, "Fr. Petsch")],
        [(73, "Hr. Winkelmann")],
        [(73, "Verwaltung/andere Institutionen:")],
        [(73, "Hr. Mayer/EBE")],
        [(73, "Hr. Steigner/Projektkoordinator")],
        [(73, "AWO Stadtteilprojekt")],
        [(73, "Fr. Keck/ASG")],
    ]
    people = [(a.name, a.role) for a in read_attendees(_lines(rows, leading=14.0), RULES)[0]]
    group = "Verwaltung/andere Institutionen"
    assert people[1:] == [("Mayer", group), ("Steigner", group), ("Keck", group)]
    spaced = _lines(rows[:6], leading=14.0) + _lines(rows[6:], leading=14.0, top=150.0)
    people = [(a.name, a.role) for a in read_attendees(spaced, RULES)[0]]
    assert people[1:] == [("Mayer", group), ("Steigner", group), ("Keck", "AWO Stadtteilprojekt")]


def test_notes_times_offices_and_divided_names_in_an_attendance_list() -> None:
    # Regression (dev half, Erlangen Niederschrift of 22.01.2020): "(Vorsitzende)" on a line of its
    # own under the chair was dropped; "(bis 20 Uhr)" became a role; "ab 20 Uhr Fr. Susanne Korte"
    # was left out; "Zweckverband StUB/Hr. Große-" over "Verspohl, Hr. Gräf" and "Abt. 613/Hr. Dr.
    # Korda" (the office before the slash) gave an office for a role and lost two people.
    lines = _lines(
        [
            [(73, "Anwesende"), (250, "Entschuldigt")],
            [(73, "Stadtteilbeirat:"), (250, "Hr. Stefan Tellkamp")],
            [(73, "Fr. Corinna Mürbeth")],
            [(73, "(Vorsitzende)")],
            [(73, "Fr. Susanne Peters (bis 20 Uhr)")],
            [(73, "ab 20 Uhr Fr. Susanne Korte")],
            [(73, "Verwaltung:")],
            [(73, "Zweckverband StUB/Hr. Große-")],
            [(73, "Verspohl, Hr. Gräf")],
            [(73, "Abt. 613/Hr. Dr. Korda")],
        ],
        leading=14.0,
    )
    people = [(a.name, a.role) for a in read_attendees(lines, RULES)[0]]
    assert people == [
        ("Corinna Mürbeth", "Vorsitzende"),
        ("Susanne Peters", "Stadtteilbeirat"),
        ("Susanne Korte", "Stadtteilbeirat"),
        ("Große-Verspohl", "Verwaltung"),
        ("Gräf", "Verwaltung"),
        ("Dr. Korda", "Verwaltung"),
    ]


def test_a_paper_number_on_the_last_row_of_a_joined_heading() -> None:
    # The layout joined the heading's wrapped rows into one line; its last row is only the paper
    # number, which leaves the title.
    rows = [
        text_line(100, [(50, "4.1"), (76, "Antrag der Fraktion Volt betreffend")]),
        text_line(112, [(76, "„Umbenennung des Ausschusses“")]),
        text_line(124, [(76, "AN/0590/2024")]),
    ]
    heading = _bold(Line(1, [t for row in rows for t in row.tokens]))
    items = read_headings([heading, text_line(150, [(50, "Anna Rahlfs (SPD): Wir stimmen zu.")])], RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("4.1", "Antrag der Fraktion Volt betreffend „Umbenennung des Ausschusses“", ["AN/0590/2024"])
    ]


def test_a_name_wrapped_after_its_salutation_in_an_attendance_list() -> None:
    # Regression (dev half, Erlangen Niederschrift of 14.04.2021): "Fr. Cremer-Zwikla, Fr. Slanz, Hr."
    # over "Koß/Amt für Stadtentwicklung und" gave a person "Hr" and lost Koß, whose line has no
    # salutation of its own.
    lines = _lines(
        [
            [(73, "Anwesende"), (300, "Entschuldigt")],
            [(73, "Verwaltung:"), (300, "Hr. Schwandner")],
            [(73, "Hr. Beck/Amt für Soziokultur")],
            [(73, "Fr. Cremer-Zwikla, Fr. Slanz, Hr.")],
            [(73, "Koß/Amt für Stadtentwicklung und")],
            [(73, "Stadtplanung")],
            [(73, "Hr. Steigner/Projektkoordinator")],
        ],
        leading=14.0,
    )
    people = [(a.name, a.role) for a in read_attendees(lines, RULES)[0]]
    assert people == [
        ("Beck", "Verwaltung"),
        ("Cremer-Zwikla", "Verwaltung"),
        ("Slanz", "Verwaltung"),
        ("Koß", "Verwaltung"),
        ("Steigner", "Verwaltung"),
    ]
