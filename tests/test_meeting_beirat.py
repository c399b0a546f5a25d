"""Minutes and Einladungen of advisory councils and small bodies typed by a volunteer or a clerk
(scripts/meeting_beirat.py draws them): decisions under "Ergebnis:" or "Empfehlung an den Ausschuss:",
votes as "7/0/1", attendance whose groups of people present follow the excused, dashed lists, bodies
named with their purpose or their town, an Einladung dated by a day alone at the right."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.attendance import read_attendees
from ratsdoc.meeting.body_names import body_name
from ratsdoc.meeting.head_body import _completes
from ratsdoc.meeting.minutes import read_outcome, vote_only
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting_models import Attendee, Vote

from .conftest import built_layouts, text_line

RULES = MeetingRules()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 5, 12)

    return built_layouts(tmp_path_factory, "meeting_beirat", build)


@pytest.mark.parametrize("stem", [*(f"beirat-{n}" for n in range(1, 9)), "beirat-word-1", "beirat-word-4"])
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    if not pdf.exists():
        pytest.skip("LibreOffice is not installed: no Word-made documents")
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "date", "body", "agenda_items", "meeting", "attendees"):
        if name in golden:
            assert got[name] == golden[name], name


def _lines(texts: list[str], top: float = 100, x: float = 50) -> list[Line]:
    return [text_line(top + 14 * k, [(x, t)]) for k, t in enumerate(texts)]


def test_ergebnis_is_the_decision_of_an_item_without_beschluss() -> None:
    # Regression: an advisory council's 'Ergebnis:' and 'Empfehlung an den Ausschuss:' were no decision
    # labels, so the item had no decision (silently) and its vote line was read as prose.
    body = _lines(["Ergebnis:", "Der Beirat spricht sich für die Maßnahme aus.", "Abstimmung: einstimmig"])
    decision, vote, _ = read_outcome(body, RULES, prose=True)
    assert decision == "Der Beirat spricht sich für die Maßnahme aus."
    assert vote == Vote(unanimous=True)
    body = _lines(["Empfehlung an den Ausschuss: Der Ausschuss möge beschließen, die Mittel", "bereitzustellen."])
    assert read_outcome(body, RULES, prose=True)[0] == "Der Ausschuss möge beschließen, die Mittel bereitzustellen."


def test_ergebnis_beside_beschluss_stays_no_decision() -> None:
    # Beside a 'Beschluss:' an 'Ergebnis:' heads the outcome of a discussion (defaults.DECISION).
    body = _lines(["Ergebnis: Die Fragen werden geklärt.", "Beschluss:", "Die Vorlage wird angenommen."])
    assert read_outcome(body, RULES, prose=True)[0] == "Die Vorlage wird angenommen."


@pytest.mark.parametrize("text", ["7/0/1", "Abstimmung: 7/0/1", "(7/0/1)"])
def test_three_counts_parted_by_slashes_are_a_vote(text: str) -> None:
    # Regression: '7/0/1' under a decision was read as part of its text and the vote was lost.
    assert vote_only(text, RULES) == Vote(yes=7, no=0, abstain=1)
    body = _lines(["Beschluss:", "Der Beirat stimmt zu.", text])
    assert read_outcome(body, RULES, prose=True)[:2] == ("Der Beirat stimmt zu.", Vote(yes=7, no=0, abstain=1))


@pytest.mark.parametrize("text", ["2024/015", "14/03/2024", "Vorlage: 12/2/24"])
def test_a_papers_number_or_a_date_is_no_slashed_vote(text: str) -> None:
    assert vote_only(text, RULES) is None


def test_groups_of_people_present_after_the_excused_are_read() -> None:
    # Regression: the list ended at 'Entschuldigt fehlten:', so the administration and guests after it
    # were lost; a group label left of the names set in beside 'Anwesend:' was dropped, and its names
    # ran into the entry above.
    lines = [
        text_line(100, [(50, "Anwesend:"), (200, "Frau Anna Bauer (Vorsitzende), Herr Cem Özdemir,")]),
        text_line(114, [(200, "Frau Petra Lange")]),
        text_line(128, [(50, "Entschuldigt fehlten:"), (200, "Herr Jens Vogt,")]),
        text_line(142, [(200, "Frau Eva Haas")]),
        text_line(156, [(50, "Von der Verwaltung:"), (200, "Herr Karl Demir")]),
        text_line(170, [(50, "Gäste:"), (200, "Frau Lea Said")]),
        text_line(198, [(50, "TOP 1: Begrüßung")]),
        text_line(212, [(50, "Die Vorsitzende eröffnet die Sitzung.")]),
    ]
    got, _ = read_attendees(lines, RULES)
    assert got == [
        Attendee(name="Anna Bauer", role="Vorsitzende"),
        Attendee(name="Cem Özdemir"),
        Attendee(name="Petra Lange"),
        Attendee(name="Karl Demir", role="Verwaltung"),
        Attendee(name="Lea Said", role="Gäste"),
    ]


def test_the_excused_still_end_a_list_that_no_present_group_follows() -> None:
    lines = [
        text_line(100, [(50, "Anwesend: Frau Anna Bauer, Herr Cem Özdemir")]),
        text_line(114, [(50, "Entschuldigt: Herr Jens Vogt")]),
        text_line(128, [(50, "Beginn: 17:00 Uhr")]),
        text_line(142, [(50, "Herr Karl Demir begrüßt die Anwesenden.")]),
    ]
    got, _ = read_attendees(lines, RULES)
    assert [a.name for a in got] == ["Anna Bauer", "Cem Özdemir"]


def test_a_dash_before_an_entry_is_no_part_of_the_name() -> None:
    # Regression: '– Herr Lukas Engel (SPD)' gave the name '– Herr Lukas Engel'.
    lines = [text_line(100, [(50, "Anwesend:")])]
    lines += [text_line(114 + 14 * k, [(62, t)]) for k, t in enumerate(["– Herr Lukas Engel (SPD)", "- Frau Eva Kaya"])]
    got, _ = read_attendees(lines, RULES)
    assert got == [Attendee(name="Lukas Engel", faction="SPD"), Attendee(name="Eva Kaya")]


def test_a_bodys_purpose_may_hold_mit() -> None:
    # Regression: 'des Beirats für Menschen mit Behinderungen' gave 'Beirat für Menschen'.
    got = body_name("Beirats für Menschen mit Behinderungen am 12.03.2024", RULES, genitive=True)
    assert got == "Beirat für Menschen mit Behinderungen"
    assert body_name("Bauausschusses mit Ortsbesichtigung", RULES, genitive=True) == "Bauausschuss"


def test_a_letterhead_completes_a_name_of_several_words_with_its_town() -> None:
    # Regression: 'Sitzung des Kinder- und Jugendbeirats' kept its short name under a letterhead
    # 'Kinder- und Jugendbeirat der Stadt Gotha' (a name of one word was completed so already).
    assert _completes("Kinder- und Jugendbeirat", "Kinder- und Jugendbeirat der Stadt Gotha")
    assert _completes("Seniorenbeirat", "Seniorenbeirat der Stadt Gotha")
    assert not _completes("Kinder- und Jugendbeirat", "Kinder- und Jugendbeirat")
    assert not _completes("Ortsbeirat Nord", "Ortsbeirat Nordstadt der Stadt Gotha")


def test_an_einladung_is_dated_by_a_day_alone_at_the_right(generated: Path, tmp_path: Path) -> None:
    # Regression: a letter's day alone at the right ('04.09.2024', no place before it) was passed
    # over, and the Einladung was dated by its session's row 'Datum: 23.09.2024'.
    import meeting_beirat as mbr
    import meeting_layouts as ml
    import meeting_votes as mv
    from meeting_votes import Gap, Pair, Text

    blocks = [Text(50, "Seniorenbeirat", bold=True), Gap(18), Text(50, "An die Mitglieder des Seniorenbeirats")]
    blocks += [Gap(10), Text(420, "04.09.2024"), Gap(16), Text(50, "Einladung zur 6. Sitzung des Seniorenbeirats")]
    blocks += [Text(50, "hiermit lade ich Sie herzlich zur nächsten Sitzung ein.")]
    blocks += [Pair("Datum:", "23.09.2024", 50, 140), Pair("Uhrzeit:", "18.30 Uhr", 50, 140)]
    blocks += [Pair("Ort:", "Bürgerhaus Nordstadt, Saal 2", 50, 140), Gap(10), Text(50, "Tagesordnung:")]
    blocks += [Pair(f"TOP {k}", title, 62, 100) for k, title in enumerate(mbr.OPENING[:1] + mbr.CLOSING[:1], 1)]
    ml.render(mv.draw(blocks, 10.5), tmp_path / "einladung.pdf", "Einladung", ml.FONTS[0], "reportlab")
    got = ratsdoc.parse(tmp_path / "einladung.pdf")
    assert str(got.date) == "2024-09-04"
    assert got.meeting is not None and str(got.meeting.date) == "2024-09-23"


def test_a_table_of_tasks_is_no_agenda() -> None:
    # Regression: 'Nr. Was Wer Bis wann' over '1  Flyer entwerfen  Frau Lange  26.01.2024' at the end of
    # minutes was read as the agenda (its rows counted from 1), silently.
    from ratsdoc.meeting.agenda_table import without_task_tables

    lines = _lines(["2. Verschiedenes", "Die Mitglieder berichten."])
    lines += [text_line(150, [(50, "Nr."), (80, "Was"), (300, "Wer"), (420, "Bis wann")])]
    lines += [text_line(164, [(50, "1"), (80, "Flyer entwerfen"), (300, "Frau Lange"), (420, "26.01.2024")])]
    lines += [text_line(178, [(50, "2"), (80, "Anfrage an das Tiefbauamt"), (300, "Herr Bauer"), (420, "31.01.2024")])]
    lines += [text_line(220, [(50, "Termin der nächsten Sitzung: 13.02.2024")])]
    kept = without_task_tables(lines, RULES)
    assert [line.text for line in kept] == [
        "2. Verschiedenes",
        "Die Mitglieder berichten.",
        "Termin der nächsten Sitzung: 13.02.2024",
    ]


def test_a_part_heading_after_numbered_minutes_opens_no_list() -> None:
    # Regression: 'Nichtöffentlicher Teil' over the last item of minutes that number their items in the
    # body (no 'Tagesordnung' heading) made every item before it no item; the non-public item that went
    # on counting (6 after 5) was no item either.
    from ratsdoc.meeting.agenda import read_agenda

    texts = ["1. Begrüßung", "Die Vorsitzende eröffnet die Sitzung.", "2. Bericht der Verwaltung"]
    texts += ["Die Verwaltung berichtet.", "Nichtöffentlicher Teil", "3. Personalangelegenheiten"]
    items = read_agenda(_lines(texts), RULES)
    assert [(i.number, i.public) for i in items] == [("1", True), ("2", True), ("3", False)]


def test_a_repeated_item_under_a_non_public_heading_is_non_public() -> None:
    # Regression: minutes listing their agenda without part headings, then heading item 3's minutes
    # 'Nichtöffentlicher Teil', kept the list's public (filled in by its place), silently.
    from ratsdoc.meeting.agenda import read_agenda

    texts = ["Tagesordnung:", "1. Begrüßung", "2. Bericht der Verwaltung", "3. Personalangelegenheiten"]
    lines = _lines(texts)
    texts = ["Zu TOP 1: Begrüßung", "Text.", "Zu TOP 2: Bericht der Verwaltung", "Text."]
    texts += ["Nichtöffentlicher Teil", "Zu TOP 3: Personalangelegenheiten", "Text."]
    lines += _lines(texts, top=200)
    items = read_agenda(lines, RULES)
    assert [(i.number, i.public) for i in items] == [("1", True), ("2", True), ("3", False)]


def test_a_heads_numbered_line_over_an_agenda_heading_keeps_the_list() -> None:
    # The part-heading rule above must not take an Einladung's head line ('1. Sitzung  Mittwoch, ...',
    # Erlangen's Stadtteilbeirat) over 'Öffentliche Tagesordnung' for an item: one numbered line is a head's.
    from ratsdoc.meeting.agenda import read_agenda

    texts = ["1. Sitzung Mittwoch, 22.01.2020 18:30 Uhr Gasthaus Güthlein", "Öffentliche Tagesordnung"]
    texts += ["1. Status unserer Anträge", "2. Anfragen aus der Bevölkerung"]
    items = read_agenda(_lines(texts), RULES)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Status unserer Anträge"),
        ("2", "Anfragen aus der Bevölkerung"),
    ]


def test_a_running_list_with_a_name_wrapped_over_the_line_end() -> None:
    # Regression: 'Teilnehmende: A, B, C, D, Ayşe' / 'Kowalski' over 'Gäste: ...' and 'Verwaltung: ..., ...'
    # was read an entry a line (half of the lines held a comma), so the wrapped name fell in two.
    from ratsdoc.meeting.attendance import group_entries

    rows = ["Anna Lange, Frank Rahlfs (Vorsitzender), Elena Kühn, Karl Vogt, Ayşe", "Kowalski"]
    rows += ["Gäste: Ayşe Bauer", "Verwaltung: Horst Böhm, Sabine Yılmaz"]
    got = group_entries([(text, False) for text in rows], RULES)
    assert [a.name for a in got][3:] == ["Karl Vogt", "Ayşe Kowalski", "Ayşe Bauer", "Horst Böhm", "Sabine Yılmaz"]


def test_a_session_line_wrapped_after_mit_goes_on() -> None:
    # Regression: 'Protokoll der Sitzung des Beirats für Menschen mit' / 'Behinderungen vom 03.05.2024' gave
    # the body 'Beirat für Menschen'.
    from ratsdoc.meeting.head_body import read_body

    lines = _lines(["Protokoll der Sitzung des Beirats für Menschen mit", "Behinderungen vom 03.05.2024"])
    found = read_body(lines, RULES)
    assert found is not None and found[0] == "Beirat für Menschen mit Behinderungen"
