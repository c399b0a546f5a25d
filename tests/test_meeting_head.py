"""The head of meeting documents from publishers the reader was not tuned to: a record of a
session is a meeting without the city's profile, the session's date beats a print date or a date
in the agenda, body, issuer and public come from the head, and what is missing is warned."""

from __future__ import annotations

from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.issues import IssueCode, warns_about
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.body_names import body_name
from ratsdoc.meeting.extract import extract_meeting
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.head_fields import read_public
from ratsdoc.meeting.record_type import record_type
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.speeches import speaker_turn
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import text_line

RULES = MeetingRules()


def _lines(rows: list[list[tuple[float, str]]]) -> list[Line]:
    return [text_line(60 + 14 * k, cells) for k, cells in enumerate(rows)]


def _read(rows: list[list[tuple[float, str]]], profile: str = "generic") -> Context:
    """Run the meeting extractor on one page of ``rows`` with ``profile``."""
    ctx = Context(layout=Layout([PageInfo(1, 595.0, 842.0)], _lines(rows)), profile=bundled_profiles()[profile])
    extract_meeting(ctx)
    return ctx


def test_a_record_of_a_session_is_a_meeting_without_a_city_profile() -> None:
    # Regression: "Protokoll des Gemeinderates" (no session number, no "Nr. ... vom") was a paper.
    ctx = _read(
        [
            [(50, "Protokoll des Gemeinderates")],
            [(50, "Sitzung vom Dienstag, 12. März 2024")],
            [(50, "Vorsitz"), (160, "Anna Bauer, Präsidentin")],
            [(50, "Traktanden")],
            [(50, "1."), (70, "Genehmigung des Protokolls")],
        ]
    )
    assert ctx.fields.values["kind"] == "meeting"
    assert ctx.fields.values["document_type"] == "Protokoll"
    first = _lines([[(50, "Auszug aus der Niederschrift")], [(50, "Beginn: 19:00 Uhr")], [(50, "Anwesend:")]])
    assert record_type(first, RULES) == ("Niederschrift", first[0])
    alone = _lines([[(50, "Abstimmungsprotokoll")], [(50, "Anwesend: 23 Mitglieder")], [(50, "Tagesordnung")]])
    assert record_type(alone, RULES) == ("Abstimmungsprotokoll", alone[0])


def test_a_paper_that_names_a_type_word_once_stays_a_paper() -> None:
    paper = _lines([[(50, "Protokoll")], [(50, "Betreff: Radweg an der Nordstraße")], [(50, "Vorsitz")]])
    assert record_type(paper, RULES) is None
    words = _lines([[(50, "Protokollnotiz zur Vorlage")], [(50, "Beginn: 18 Uhr")], [(50, "Tagesordnung")]])
    assert record_type(words, RULES) is None


def test_the_session_date_beats_a_print_date_and_a_date_in_the_agenda() -> None:
    # Regression: the labelled 'Datum:' (the day the minutes were written) was taken.
    ctx = _read(
        [
            [(50, "Sitzungsprotokoll")],
            [(50, "Datum:"), (160, "20.03.2024")],
            [(50, "Protokoll der Sitzung vom 12. März 2024")],
            [(50, "Beginn: 19:00 Uhr"), (300, "Ende: 21:00 Uhr")],
            [(50, "TOP 1 Genehmigung der Niederschrift der 4. Sitzung vom 5. Februar 2024")],
        ]
    )
    assert str(ctx.fields.values["meeting"].date) == "2024-03-12"
    assert not warns_about(ctx.fields.warnings, "meeting")
    # Two session lines that disagree: the first is kept, with a warning.
    ctx = _read(
        [
            [(50, "Protokoll der Sitzung vom 12. März 2024")],
            [(50, "Sitzung am 13. März 2024")],
            [(50, "Beginn: 19:00 Uhr"), (300, "Ende: 21:00 Uhr")],
        ]
    )
    assert str(ctx.fields.values["meeting"].date) == "2024-03-12"
    assert (IssueCode.VALUE_UNCERTAIN, "meeting") in {(w.code, w.field) for w in ctx.fields.warnings}
    ctx = _read(
        [
            [(50, "Verhandlungsschrift")],
            [(50, "über die öffentliche Sitzung des Gemeinderates")],
            [(50, "am Donnerstag, 14. März 2024, im Sitzungssaal des Gemeindeamtes")],
            [(50, "Beginn:"), (130, "19:00 Uhr")],
            [(50, "Tagesordnung:")],
            [(50, "1."), (70, "Genehmigung des Sitzungsprotokolls der Sitzung vom 2. Februar 2024")],
        ]
    )
    assert str(ctx.fields.values["meeting"].date) == "2024-03-14"
    assert not warns_about(ctx.fields.warnings, "meeting")


def test_a_session_named_in_an_agenda_tables_row_is_not_the_heads() -> None:
    # Regression: 'Genehmigung der Niederschrift über die Sitzung vom 10.05.2024' in the table's
    # first row beat the head's 'Sitzungstag: 31.05.2024', silently.
    rows = [
        [(50, "Ergebnisprotokoll")],
        [(50, "der 39. Sitzung des Hauptausschusses")],
        [(50, "Sitzungstag:"), (160, "31.05.2024")],
        [(50, "Sitzungsart:"), (160, "öffentlich")],
        [(50, "Beginn:"), (160, "20:30 Uhr")],
        [(53, "TOP"), (88, "Gegenstand"), (248, "Vorlage"), (328, "Beschluss"), (468, "Abstimmung")],
        [(53, "1"), (88, "Genehmigung der Niederschrift")],
        [(88, "über die Sitzung vom")],
        [(88, "10.05.2024")],
        [(53, "2"), (88, "Bekanntgaben")],
    ]
    ctx = _read(rows)
    assert str(ctx.fields.values["meeting"].date) == "2024-05-31"
    # Nor is it the record's own date, which the paper reader took from the row.
    ctx = Context(layout=Layout([PageInfo(1, 595.0, 842.0)], _lines(rows)), profile=bundled_profiles()["generic"])
    extract_cover(ctx)
    assert str(ctx.fields.values["date"]) == "2024-05-10"
    extract_meeting(ctx)
    assert str(ctx.fields.values["date"]) == "2024-05-31"


def test_a_date_line_beside_the_start_time() -> None:
    ctx = _read(
        [
            [(50, "Niederschrift")],
            [(50, "Gemeinderat Musterdorf")],
            [(50, "Montag, 12. Februar 2024")],
            [(50, "Beginn: 19:00 Uhr"), (300, "Ende: 21:30 Uhr")],
            [(50, "Anwesend:")],
            [(50, "TOP 1 Protokoll der 3. Sitzung am 15. Januar 2024")],
        ]
    )
    assert str(ctx.fields.values["meeting"].date) == "2024-02-12"


def test_the_body_in_the_nominative() -> None:
    assert body_name("Stadtteilbeirates Büchenbach", RULES, genitive=True) == "Stadtteilbeirat Büchenbach"
    assert body_name("Gemeinderats am 5. Mai 2024", RULES, genitive=True) == "Gemeinderat"
    assert body_name("Grossen Rates", RULES, genitive=True) == "Grosser Rat"
    assert body_name("Bau- und Verkehrsausschusses vom 3. Mai", RULES, genitive=True) == "Bau- und Verkehrsausschuss"
    assert (
        body_name("Bezirksvertretung Lindenthal, 12.03.2024", RULES, genitive=False) == "Bezirksvertretung Lindenthal"
    )
    assert body_name("Sehr geehrte Damen und Herren", RULES, genitive=False, whole=True) is None
    assert body_name("Referat: OBM", RULES, genitive=False, whole=True) is None
    found = read_body(_lines([[(50, "Thema:"), (200, "1. öffentliche Sitzung Stadtteilbeirat Büchenbach")]]), RULES)
    assert found is not None and found[0] == "Stadtteilbeirat Büchenbach"
    found = read_body(_lines([[(50, "Grosser Rat")], [(50, "Protokoll der 7. Sitzung")]]), RULES)
    assert found is not None and found[0] == "Grosser Rat"
    found = read_body(_lines([[(50, "Gremium:"), (170, "Haupt- und Finanzausschuss")]]), RULES)
    assert found is not None and found[0] == "Haupt- und Finanzausschuss"


def test_a_body_name_wrapped_in_a_notices_sentence_is_read_whole() -> None:
    # Regression (gazette notices, seed 13): the name broken in a plain sentence after "und"
    # (papers 11, 20: silent) or before "für" (papers 12, 29) was cut to its first words.
    after_und = [
        [(50, "die 24. öffentliche Sitzung des")],
        [(50, "Ausschusses für Umwelt und")],
        [(50, "Kreisentwicklung statt.")],
    ]
    found = read_body(_lines(after_und), RULES)
    assert found is not None and found[0] == "Ausschuss für Umwelt und Kreisentwicklung"
    before_fuer = [[(50, "zur 31. öffentlichen")], [(50, "Sitzung des Ausschusses")], [(50, "für Umwelt und")]]
    found = read_body(_lines([*before_fuer, [(50, "Kreisentwicklung")]]), RULES)
    assert found is not None and found[0] == "Ausschuss für Umwelt und Kreisentwicklung"
    # Seed 11, paper 27: the session line broken after "Sitzung", the body's place a line further.
    place = [[(50, "zur öffentlichen Sitzung")], [(50, "des Ortschaftsrates")], [(50, "Zeischa")]]
    found = read_body(_lines([*place, [(50, "Datum: Montag, 3. November")]]), RULES)
    assert found is not None and found[0] == "Ortschaftsrat Zeischa"


def test_a_body_named_by_its_noun_in_the_session_line_takes_the_full_name_printed_in_the_head() -> None:
    rows = [
        [(50, "Wortprotokoll der 18. Sitzung des Rates")],
        [(50, "Rat der Stadt Jena")],
        [(50, "vom Mittwoch, 17. August 2022")],
    ]
    found = read_body(_lines(rows), RULES)
    assert found is not None and found[0] == "Rat der Stadt Jena"
    # Another body's name in the head does not replace the session's ('Stadt Jena' is the issuer).
    rows = [[(50, "Stadt Jena")], [(50, "Protokoll des Gemeinderates")], [(50, "Sitzung vom 5. Mai 2024")]]
    found = read_body(_lines(rows), RULES)
    assert found is not None and found[0] == "Gemeinderat"
    rows = [[(50, "Bauausschuss Jena")], [(50, "Protokoll der Sitzung des Rates vom 5. Mai 2024")]]
    found = read_body(_lines(rows), RULES)
    assert found is not None and found[0] == "Rat"
    # Printed in full only in the page foot, a running line of every page.
    session = _lines([[(50, "Wortprotokoll")], [(50, "der 9. Sitzung des Rates vom 5. Mai 2024")]])
    foot = _lines([[(50, "Seite 1 von 9")], [(50, "Rat der Stadt Jena")]])
    found = read_body(session, RULES, foot)
    assert found is not None and found[0] == "Rat der Stadt Jena"


def test_body_issuer_and_public_from_the_head_and_items_public_with_their_session() -> None:
    # Regression: a meeting document's body, issuer and public came out empty without a warning.
    ctx = _read(
        [
            [(50, "Marktgemeinde Gänserndorf"), (380, "Gänserndorf, 20. März 2024")],
            [(50, "Verhandlungsschrift")],
            [(50, "über die nicht öffentliche Sitzung des Gemeinderates")],
            [(50, "am Donnerstag, 14. März 2024")],
            [(50, "Beginn:"), (130, "19:00 Uhr")],
            [(50, "Anwesend: Bürgermeister Jens Lange, 21 Mitglieder des Gemeinderates")],
            [(50, "Tagesordnung:")],
            [(50, "1."), (70, "Kanalsanierung Hauptstraße")],
        ]
    )
    values = ctx.fields.values
    assert (values["body"], values["originator"], values["public"]) == (
        "Gemeinderat",
        "Marktgemeinde Gänserndorf",
        False,
    )
    assert [item.public for item in values["agenda_items"]] == [False]
    # Without speaker turns a Verhandlungsschrift is minutes: no speeches are read.
    assert values.get("speeches", []) == []
    assert not any(w.field in ("body", "originator", "public") for w in ctx.fields.warnings)
    line = "Anwesend: Bürgermeister Jens Lange, 21 Mitglieder"
    assert speaker_turn(line, RULES) is None


def test_a_head_without_body_issuer_or_public_is_warned() -> None:
    ctx = _read([[(50, "Niederschrift")], [(50, "Beginn: 19:00 Uhr")], [(50, "Anwesend:")], [(50, "Tagesordnung")]])
    assert ctx.fields.values["kind"] == "meeting"
    warned = {(w.code, w.field) for w in ctx.fields.warnings}
    assert {(IssueCode.FIELD_MISSING, name) for name in ("body", "originator", "public")} <= warned
    assert all(warns_about(ctx.fields.warnings, name) for name in ("body", "originator", "public"))


def test_public_from_the_head() -> None:
    found = read_public(_lines([[(50, "Protokoll der nichtöffentlichen Sitzung des Rates")]]), RULES)
    assert found is not None and found[0] is False
    found = read_public(_lines([[(50, "Öffentliche Tagesordnung - 18:30 Uhr")]]), RULES)
    assert found is not None and found[0] is True


def test_the_meeting_profile_reads_a_public_session_from_a_subject_or_a_header_row() -> None:
    # Regression (Erlangen dev half): "Thema: 1. öffentliche Sitzung Stadtteilbeirat Büchenbach"
    # left public empty under the bundled meeting profile, which reads public with its own patterns.
    profile = bundled_profiles()["meeting"]
    assert profile.meeting.head_fields == ["body", "originator"]
    for text, want in (
        ("Thema: 1. öffentliche Sitzung Stadtteilbeirat Büchenbach", True),
        ("Art: Nichtöffentliche Sitzung", False),
        ("Öffentliche Tagesordnung - 18:30 Uhr", True),
    ):
        layout = Layout([PageInfo(1, 595.0, 842.0)], _lines([[(50, "Niederschrift")], [(50, text)]]))
        ctx = Context(layout=layout, profile=profile)
        extract_cover(ctx)
        assert ctx.fields.values.get("public") is want, text


def test_the_meeting_profile_takes_the_subject_line_not_a_session_named_in_a_sentence() -> None:
    # Regression (dev half, Erlangen Niederschrift 2023): "Thema: 1. öffentliche Sitzung
    # Stadtteilbeirat Büchenbach" has no "des", and the title came from the chair's sentence
    # "... eröffnet die 1. öffentliche Sitzung des Stadtteilbeirates" on page 2.
    rows = [
        [(50, "Niederschrift")],
        [(50, "Thema:"), (200, "1. öffentliche Sitzung Stadtteilbeirat Büchenbach")],
        [(50, "Der Vorsitzende eröffnet die 1. öffentliche Sitzung des Stadtteilbeirates")],
    ]
    ctx = Context(layout=Layout([PageInfo(1, 595.0, 842.0)], _lines(rows)), profile=bundled_profiles()["meeting"])
    extract_cover(ctx)
    assert ctx.fields.values["title"] == "1. öffentliche Sitzung Stadtteilbeirat Büchenbach"
    rows = [[(50, "Niederschrift")], [(50, "Der Vorsitzende eröffnet die 1. öffentliche Sitzung des Beirates")]]
    ctx = Context(layout=Layout([PageInfo(1, 595.0, 842.0)], _lines(rows)), profile=bundled_profiles()["meeting"])
    extract_cover(ctx)
    assert ctx.fields.values.get("title") != "1. öffentliche Sitzung des Beirates"


def test_a_body_named_by_its_noun_alone_without_an_issuer_is_warned() -> None:
    # Regression: 'Rat' came out as the body of a Wortprotokoll whose head names no town, silently.
    rows = [
        [(50, "Wortprotokoll")],
        [(50, "der 18. Sitzung des Rates am 5. Mai 2024")],
        [(50, "Beginn: 15:30 Uhr")],
        [(50, "Tagesordnung")],
        [(50, "1."), (70, "Fragestunde")],
    ]
    ctx = _read(rows)
    assert ctx.fields.values["body"] == "Rat"
    assert (IssueCode.BODY_BARE, "body") in {(w.code, w.field) for w in ctx.fields.warnings}
    # Named with its town, or beside an issuer, the body is not in doubt.
    for head in ([(50, "Rat der Stadt Jena")], [(50, "Stadt Jena")]):
        ctx = _read([head, *rows])
        assert ctx.fields.values["body"] in ("Rat", "Rat der Stadt Jena")
        assert not any(w.code is IssueCode.BODY_BARE for w in ctx.fields.warnings)


_MINUTES_HEAD = [
    [(50, "Niederschrift")],
    [(50, "Besprechung am:"), (200, "27. Oktober 2021"), (380, "Beginn: 18:30 Uhr")],
    [(50, "Thema:"), (200, "3. Sitzung des Stadtteilbeirates Büchenbach")],
    [(50, "Ergebnis:")],
]


def test_a_session_whose_minutes_never_say_whether_it_is_public_is_warned() -> None:
    # Erlangen Niederschrift of 27.10.2021: the head names no kind of session, and public stayed
    # empty without a warning: the meeting profile reads public with its own patterns, and the
    # meeting reader warned about its head fields (body, originator) only.
    rows = [*_MINUTES_HEAD, [(50, "Der Vorsitzende begrüßt die Anwesenden.")], [(50, "TOP 1: Sonstiges")]]
    ctx = _read(rows, "meeting")
    assert ctx.fields.values.get("public") is None
    assert warns_about(ctx.fields.warnings, "public")


def test_a_place_ends_at_its_cell_and_before_the_next_row_of_unknown_label() -> None:
    from ratsdoc.meeting.header import read_header

    rows = [
        [(40, "Raum:"), (110, "Karl-Schneider-Halle, VHS")],
        [(40, "Ort:"), (110, "Berner Heerweg 183"), (480, "AFD Fraktion: Herr Wagner")],
        [(40, "Version:"), (110, "V1 / 23.09.2022")],
        [(40, "Verfasser:"), (110, "Frank Dethloff")],
    ]
    lines = [text_line(50 + 12 * k, cells) for k, cells in enumerate(rows)]
    assert read_header(lines, MeetingRules()).values["location"] == "Karl-Schneider-Halle, VHS, Berner Heerweg 183"


def test_a_profiles_own_body_label_names_the_body() -> None:
    # The label words are the profile's (meeting.body_labels), not the reader's.
    head = [text_line(100, [(52, "Tagungskreis"), (134, "Ausschuss für Stadtentwicklung und Umwelt")])]
    unlabelled = read_body(head, RULES)
    assert unlabelled is None or unlabelled[0] != "Ausschuss für Stadtentwicklung und Umwelt"
    own = MeetingRules(body_labels=["Tagungskreis"])
    found = read_body(head, own)
    assert found is not None and found[0] == "Ausschuss für Stadtentwicklung und Umwelt"
