"""Parliament protocols with registry numbers and votes by faction, Gemeinderat Niederschriften
with labelled blocks under each item, and agendas over several pages (scripts/meeting_parliament.py
draws them)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import ratsdoc
from ratsdoc.layout.gutter import candidate
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda import read_agenda
from ratsdoc.meeting.agenda_check import agenda_doubts
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.header import closing_end, read_header
from ratsdoc.meeting.minutes import read_outcome, read_vote
from ratsdoc.meeting.outcome_check import unread_votes
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.toc import once, read_toc
from ratsdoc.meeting_models import Vote

from .conftest import built_layouts, text_line

RULES = MeetingRules()


def _line(top: float, cells: list[tuple[float, str]], *, bold: bool = False, page: int = 1) -> Line:
    line = text_line(top, cells, page=page)
    return Line(line.page, [replace(t, bold=bold) for t in line.tokens]) if bold else line


def test_a_label_under_an_item_heading_opens_its_minutes() -> None:
    # 'TOP 2' and its bold title, then the minutes' first block under a bold label at the margin.
    lines = [
        _line(100, [(50, "TOP 2"), (110, "Fortschreibung der Kindertagesstättenbedarfsplanung")], bold=True),
        _line(114, [(50, "Sachverhalt:")], bold=True),
        _line(128, [(50, "Die Verwaltung berichtet über den Stand der Planung.")]),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title) for i in items] == [("2", "Fortschreibung der Kindertagesstättenbedarfsplanung")]


def test_a_title_open_at_its_end_still_takes_a_line_with_a_colon() -> None:
    lines = [
        _line(100, [(50, "TOP 6: Rückmeldungen der")], bold=True),
        _line(114, [(50, "Bürger*innen:")], bold=True),
        _line(128, [(50, "Viele Veranstaltungen werden nicht beworben.")]),
    ]
    assert [i.title for i in read_agenda(lines, RULES)] == ["Rückmeldungen der Bürger*innen"]


@pytest.mark.parametrize("printed", ["GRDrs 294/2024", "GR-Drs. 294/2024", "Drucksache Nr. 294/2024"])
def test_a_gemeinderat_paper_under_the_title_is_the_items(printed: str) -> None:
    lines = [
        _line(100, [(50, "TOP 1"), (110, "Bebauungsplan Wohngebiet Am Mühlenteich")], bold=True),
        _line(114, [(110, printed)]),
        _line(132, [(50, "Sachverhalt:")], bold=True),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.title, i.paper_numbers) for i in items] == [("Bebauungsplan Wohngebiet Am Mühlenteich", ["294/2024"])]


def test_beratungsergebnis_heads_the_decision() -> None:
    body = [
        _line(100, [(50, "Beratungsergebnis:")], bold=True),
        _line(114, [(50, "Die Angelegenheit wird an den Technischen Ausschuss verwiesen.")]),
        _line(132, [(50, "Abstimmungsergebnis: 15 Ja-Stimmen, 2 Nein-Stimmen, 1 Enthaltung")]),
    ]
    decision, vote, _ = read_outcome(body, RULES, prose=True)
    assert decision == "Die Angelegenheit wird an den Technischen Ausschuss verwiesen."
    assert vote == Vote(yes=15, no=2, abstain=1, unanimous=False)


def test_a_bare_ergebnis_label_is_no_decision() -> None:
    # Minutes head the outcome of a discussion 'Ergebnis:' beside their 'Beschluss StBR: ...'.
    body = [
        _line(100, [(50, "Ergebnis:")]),
        _line(114, [(50, "Die Vorschläge werden bei einer Begehung besprochen.")]),
        _line(132, [(50, "Beschluss StBR: keiner, nur Kenntnisnahme")]),
    ]
    assert read_outcome(body, RULES, prose=True)[0] == "keiner, nur Kenntnisnahme"


def _table(total: str | None) -> list[Line]:
    rows = [("SVP", "30 0 1"), ("Die Mitte", "20 5 0"), ("SP", "12 15 2")]
    lines = [
        _line(100, [(50, "Abstimmungsergebnis:")], bold=True),
        _line(114, [(50, "Fraktion"), (200, "Ja Nein Enthaltung")], bold=True),
    ]
    lines += [_line(128 + 14 * k, [(50, name), (200, counts)]) for k, (name, counts) in enumerate(rows)]
    if total:
        lines.append(_line(170, [(50, total), (200, "62 21 3")], bold=True))
    return [*lines, _line(200, [(50, "Keine weiteren Wortmeldungen.")])]


@pytest.mark.parametrize("total", ["Total", "Gesamt", None])
def test_a_vote_table_by_faction_gives_its_totals(total: str | None) -> None:
    _, vote, used = read_outcome(_table(total), RULES, prose=True)
    assert vote == Vote(yes=62, no=20 if total is None else 21, abstain=3, unanimous=False)
    assert "Keine weiteren Wortmeldungen." not in [line.text for line in used]


def test_a_page_holding_a_vote_table_alone_is_no_two_columns() -> None:
    # Meetings, seed 103, Grosser Rat 3: an item's vote table by faction ran onto a page of its
    # own ("Abstimmungsergebnis:" / "Fraktion  Ja  Nein  Enthaltung" / ... / "Gesamt  86  24  4"),
    # whose columns of counts were taken for a list beside the factions: the page was read
    # column by column and the vote was not read (warned).
    rows = [("FDP", "21 4 0"), ("Die Mitte", "19 6 0"), ("SVP", "22 2 1"), ("GLP", "22 5 2"), ("SP", "2 7 1")]
    lines = [text_line(72, [(50, "Abstimmungsergebnis:")]), text_line(86, [(50, "Fraktion"), (200, "Ja")])]
    lines[1] = Line(1, [*lines[1].tokens, *text_line(86, [(260, "Nein"), (300, "Enthaltung")]).tokens])
    for k, (name, counts) in enumerate([*rows, ("Gesamt", "86 24 4")]):
        yes, no, abstain = counts.split()
        lines.append(text_line(99 + 14 * k, [(50, name), (200, yes), (260, no), (300, abstain)]))
    lines.append(text_line(192, [(50, "Schluss der Sitzung: 16.45 Uhr")]))
    assert candidate(lines, 595.0, running=False) is None
    _, vote, _ = read_outcome(lines, RULES, prose=True)
    assert vote == Vote(yes=86, no=24, abstain=4, unanimous=False)


@pytest.mark.parametrize(
    ("intro", "vote"),
    [
        ("Der Gemeinderat beschließt einstimmig:", Vote(unanimous=True)),
        (
            "Der Gemeinderat beschließt mit 15 Ja-Stimmen, 2 Nein-Stimmen und 1 Enthaltung:",
            Vote(yes=15, no=2, abstain=1, unanimous=False),
        ),
    ],
)
def test_an_introduction_that_states_the_vote_heads_the_decision(intro: str, vote: Vote) -> None:
    body = [
        _line(100, [(50, intro)], bold=True),
        _line(114, [(50, "Dem Beschlussvorschlag der Verwaltung wird zugestimmt.")]),
    ]
    assert read_outcome(body, RULES, prose=True)[:2] == ("Dem Beschlussvorschlag der Verwaltung wird zugestimmt.", vote)


@pytest.mark.parametrize(
    ("text", "vote"),
    [
        ("Abstimmungsergebnis: mehrheitlich beschlossen", Vote(unanimous=False)),
        ("Abstimmungsergebnis: mehrheitlich beschlossen bei 3 Gegenstimmen", Vote(no=3, unanimous=False)),
        ("Der Bericht wird mit großer Mehrheit zur Kenntnis genommen.", Vote(unanimous=False)),
    ],
)
def test_a_vote_by_a_majority_is_not_unanimous(text: str, vote: Vote) -> None:
    assert read_vote(text, RULES) == vote


@pytest.mark.parametrize(
    "words", [("Ja-Stimmen", "Nein-Stimmen", "Enthaltungen"), ("dafür", "dagegen", "Enthaltungen")]
)
def test_a_vote_one_count_a_line(words: tuple[str, str, str]) -> None:
    body = [
        _line(100, [(50, "Beschluss:")], bold=True),
        _line(114, [(50, "Dem Beschlussvorschlag der Verwaltung wird zugestimmt.")]),
        _line(130, [(50, "Abstimmungsergebnis:")]),
        *(
            _line(144 + 14 * k, [(70, f"{word}: {n}")])
            for k, (word, n) in enumerate(zip(words, (15, 2, 0), strict=True))
        ),
    ]
    assert read_outcome(body, RULES, prose=True)[1] == Vote(yes=15, no=2, abstain=0, unanimous=False)


def test_the_line_naming_who_reports_on_an_item_is_no_part_of_its_title() -> None:
    # The layout read the reporter's row with the title row beside the paper cell: one line, two rows.
    title = _line(100, [(50, "1"), (90, "Feststellung des Jahresabschlusses 2024"), (450, "125/2024")])
    reporter = _line(113, [(90, "Berichterstattung: Kämmerer Hoffmann")])
    both = Line(1, [*title.tokens, *reporter.tokens])
    lines = [
        _line(80, [(50, "Tagesordnung")], bold=True),
        both,
        _line(135, [(50, "2"), (90, "Annahme von Spenden und Zuwendungen")]),
        _line(149, [(90, "Referent/in: Bürgermeister Bauer")]),
    ]
    items = read_agenda(lines, RULES)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Feststellung des Jahresabschlusses 2024", ["125/2024"]),
        ("2", "Annahme von Spenden und Zuwendungen", []),
    ]
    assert agenda_doubts(items, RULES) == []


def test_a_labelled_vote_that_is_not_read_is_doubted() -> None:
    lines = [
        _line(100, [(50, "TOP 3"), (110, "Kredit für das Berufsbildungszentrum")], bold=True),
        _line(120, [(50, "Abstimmungsergebnis:")], bold=True),
        # The table's left columns only: the page was read as two columns.
        _line(134, [(50, "Fraktion Ja")]),
        _line(148, [(50, "SVP 24")]),
        _line(162, [(50, "EVP 12")]),
    ]
    items = read_agenda(lines, RULES)
    outcomes = [read_outcome(item.body, RULES, prose=True) for item in items]
    assert unread_votes(items, outcomes, RULES) == ["the vote of item 3 is labelled but not read"]
    # Several results, one a line, have no single vote by design.
    assert unread_votes(items, [("Forderung 1 ...\nForderung 2 ...", None, [])], RULES) == []


def test_a_vote_table_that_lost_a_column_is_doubted() -> None:
    # The page was read in columns: the abstentions' column came after the rest of the item.
    lines = [
        _line(100, [(50, "TOP 3"), (110, "Kredit für das Berufsbildungszentrum")], bold=True),
        _line(120, [(50, "Abstimmungsergebnis:")], bold=True),
        _line(134, [(50, "Fraktion Ja Nein")]),
        _line(148, [(50, "SVP 24 1")]),
        _line(162, [(50, "Total 96 17")]),
        _line(176, [(50, "Enthaltung")]),
        _line(190, [(50, "2")]),
    ]
    items = read_agenda(lines, RULES)
    outcomes = [read_outcome(item.body, RULES, prose=True) for item in items]
    assert outcomes[0][1] == Vote(yes=96, no=17, unanimous=False)
    assert unread_votes(items, outcomes, RULES) == ["a column of the vote table of item 3 was read apart"]


def test_the_records_number_alone_over_the_session_line_is_the_sessions() -> None:
    head = [
        _line(70, [(50, "Grosser Rat des Kantons St. Gallen")], bold=True),
        _line(100, [(50, "Protokoll Nr. 92")], bold=True),
        _line(116, [(50, "Sitzung vom Mittwoch, 19. Juni 2024")], bold=True),
    ]
    header = read_header(head, RULES)
    assert header.values["number"] == "Nr. 92"
    assert str(header.values["date"]) == "2024-06-19"
    body = read_body(head, RULES)
    assert body is not None and body[0] == "Grosser Rat des Kantons St. Gallen"


def test_an_invitations_session_line_with_zur_gives_the_date() -> None:
    head = [
        _line(100, [(50, "Einladung")], bold=True),
        _line(120, [(50, "zur öffentlichen Sitzung des Gemeinderats am 12.03.2025")], bold=True),
    ]
    assert str(read_header(head, RULES).values["date"]) == "2025-03-12"


def test_a_session_of_several_days_is_dated_by_its_first_and_ends_at_its_close() -> None:
    head = [
        _line(100, [(50, "Protokoll Nr. 85")], bold=True),
        _line(120, [(50, "Sitzungstage"), (160, "Dienstag, 14. Mai 2024, und Mittwoch, 15. Mai 2024")]),
        _line(134, [(50, "Beginn"), (160, "09.00 Uhr")]),
    ]
    header = read_header(head, RULES)
    assert (str(header.values["date"]), header.values["start"]) == ("2024-05-14", "09:00")
    assert "end" not in header.values
    closing = [
        _line(700, [(50, "Die Vorlage wird genehmigt.")]),
        _line(720, [(50, "Schluss der Sitzung: 13.00 Uhr")]),
        _line(760, [(50, "Der Ratssekretär")]),
    ]
    found = closing_end(closing)
    assert found is not None and found[0] == "13:00"
    assert closing_end([_line(700, [(50, "Die Sitzung endet um 13.00 Uhr mit einem Apéro.")])]) is None


def _contents() -> list[Line]:
    """The contents of a record of two days, then the record's own first headings."""
    rows = [
        [(50, "Inhaltsverzeichnis")],
        [(50, "Dienstag, 14. Mai 2024")],
        [(50, "1."), (80, "Vereidigungen ........................ 2")],
        [(50, "2."), (80, "Verordnung über den Finanzausgleich (24/BS 44/334) .......... 4")],
        [(50, "Mittwoch, 15. Mai 2024")],
        [(50, "2."), (80, "Verordnung über den Finanzausgleich (24/BS 44/334) (Fortsetzung) .... 6")],
        [(50, "3."), (80, "Kredit für den Neubau des Berufsbildungszentrums ........ 9")],
    ]
    lines = [_line(100 + 14 * k, row) for k, row in enumerate(rows)]
    lines.append(_line(220, [(50, "1. Sitzungstag: Dienstag, 14. Mai 2024")], bold=True))
    lines.append(_line(240, [(50, "1."), (75, "Vereidigungen")], bold=True))
    return lines


def test_contents_over_two_days_give_each_item_once() -> None:
    toc, used = read_toc(_contents(), RULES)
    items = once(toc)
    assert [(i.number, i.title, i.paper_numbers) for i in items] == [
        ("1", "Vereidigungen", []),
        ("2", "Verordnung über den Finanzausgleich", ["24/BS 44/334"]),
        ("3", "Kredit für den Neubau des Berufsbildungszentrums", []),
    ]
    # The record's headings right under the contents are not entries.
    assert "Vereidigungen" not in [line.text for line in used[-1:]]
    assert len(used) == 7


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(module: ModuleType, out: Path) -> None:
        module.build_all(out, 83, 12)

    return built_layouts(tmp_path_factory, "meeting_parliament", build)


@pytest.mark.parametrize(
    "stem",
    [f"{name}-{n}" for name in ("grossrat", "gemeinderat", "tagesordnung-lang", "grossrat-tage") for n in (1, 2, 3)],
)
def test_generated_documents_match_the_generators_golden(stem: str, generated: Path) -> None:
    pdf = generated / f"{stem}.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("document_type", "body", "public", "agenda_items", "meeting"):
        assert got[name] == golden[name], name
