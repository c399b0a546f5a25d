"""Letter-style papers of any city in Germany, Austria and Switzerland on hand-built lines: a
speech manuscript, a member signing for a faction, a lone request heading under the salutation,
the address and the administration's letterhead, a dateline above the closing, dash lists and
the end of a hanging-indented list (each a regression the ``letter-dach`` variants showed)."""

from __future__ import annotations

from ratsdoc.budget import document_guard
from ratsdoc.extract import extract_fields
from ratsdoc.extract.context import Fields
from ratsdoc.extract.generic.heading import subject_title
from ratsdoc.extract.generic.letter_fields import body_from_head, faction_of, originator_from_signature
from ratsdoc.extract.generic.opening import leading_announcement
from ratsdoc.extract.generic.proposal import read_items
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.layout.lines import Line
from ratsdoc.options import ParseOptions
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo
from tests.test_generic_reader import line

VOCAB = reader_vocabulary()


def _read(lines: list[Line], profile: str, pages: int = 1) -> Fields:
    layout = Layout(pages=[PageInfo(n, 595.0, 842.0) for n in range(1, pages + 1)], lines=lines)
    with document_guard(ParseOptions(), "paper.pdf") as budget:
        return extract_fields(layout, bundled_profiles()[profile], budget)


def test_speech_manuscript_names_speaker_faction_and_title() -> None:
    lines = [
        line(60, "Aktuelle Stunde 20.02.2020", bold=True),
        line(76, "Birgit Wolff, FDP-Fraktion", bold=True),
        line(90, "(Es gilt das gesprochene Wort)", bold=True),
        line(120, "Politik in Wandsbek - klare Kante gegen rechts!", bold=True, size=13),
        line(150, "Sehr geehrtes Präsidium,"),
        line(170, "es ist furchtbar, welche Aktualität unsere heutige Aktuelle Stunde erlangt hat."),
        line(200, "Keine Zusammenarbeit, auch wenn Sachthemen im Vordergrund zu stehen scheinen.", bold=True),
        line(230, "Als bezirkliche FDP-Fraktion stehen wir, mit dem Blick zurück, klar dagegen."),
    ]
    values = _read(lines, "generic").values
    assert values["title"] == "Politik in Wandsbek - klare Kante gegen rechts!"
    assert values["document_type"] == "Rede"
    assert values["originator"] == "Birgit Wolff, FDP-Fraktion"
    assert values["faction"] == "FDP-Fraktion"
    assert values["resolution_proposal"] == []  # a speech's bold sentence is emphasis


def test_member_signing_for_a_faction_is_the_sender() -> None:
    lines = [
        line(600, "Die Maßnahme ist dringend."),
        line(630, "Freundliche Grüße"),
        line(670, "Claudia Becker, SVP-Fraktion"),
    ]
    found = originator_from_signature(lines, VOCAB)
    assert found is not None and found[0] == "Claudia Becker, SVP-Fraktion"
    assert faction_of(found[0], VOCAB) == "SVP-Fraktion"
    # Several factions in one sender line stay one faction as printed.
    assert faction_of("SPD-Fraktion und Fraktion Die Linke", VOCAB) == "SPD-Fraktion und Fraktion Die Linke"
    assert VOCAB.named_sender("Amt für Verkehr, Rathausplatz 2") is None


def test_request_heading_under_the_salutation_is_no_type() -> None:
    lines = [
        line(40, "SVP-Fraktion und FDP-Fraktion", bold=True, size=13),
        line(80, "Biel, 14. Juli 2025", x=400),
        line(130, "Postulat: Sanierung der Grundschule am Lessingplatz", bold=True),
        line(160, "Sehr geehrte Damen und Herren,"),
        line(180, "Antrag:"),
        line(200, "1. Der Gemeinderat prüft die Sanierung."),
        line(214, "2. Die Verwaltung berichtet bis Ende 2026."),
        line(240, "Begründung", bold=True),
        line(260, "Die Schule ist alt."),
    ]
    values = _read(lines, "letter").values
    assert values["document_type"] == "Postulat"
    assert [item.number for item in values["resolution_proposal"]] == ["1", "2"]


def test_address_line_first_is_not_the_sender() -> None:
    lines = [
        line(60, "An die Bezirksvertretung Innere Stadt"),
        line(100, "Wien, den 03.05.2024"),
        line(130, "Antrag: Mehr Bäume in der Innenstadt", bold=True),
        line(160, "Sehr geehrte Damen und Herren,"),
        line(180, "wir beantragen mehr Bäume."),
        line(210, "Mit freundlichen Grüßen"),
        line(250, "Tobias Fischer, SPÖ-Fraktion"),
    ]
    values = _read(lines, "letter").values
    assert values["originator"] == "Tobias Fischer, SPÖ-Fraktion"
    assert values["faction"] == "SPÖ-Fraktion"
    assert values["body"] == "Bezirksvertretung Innere Stadt"


def test_administration_letterhead_over_its_office_address_is_the_sender() -> None:
    lines = [
        line(40, "Magistrat der Stadt Wien", bold=True, size=13),
        line(58, "Amt für Verkehr · Rathausplatz 2 · 1010 Wien", size=9),
        line(100, "Datum: 12.03.2024"),
        line(130, "Mitteilung", bold=True),
        line(150, "Neubau der Gemeinschaftsschule in der Gothaer Straße", bold=True, size=14),
        line(190, "Die Bauarbeiten beginnen im Sommer und dauern zwei Jahre lang an."),
    ]
    values = _read(lines, "generic").values
    assert values["originator"] == "Magistrat der Stadt Wien"
    assert values["title"] == "Neubau der Gemeinschaftsschule in der Gothaer Straße"


def test_dateline_above_the_closing_on_the_last_page() -> None:
    lines = [
        line(40, "Fraktion Volt im Rat der Stadt Mainz", bold=True, size=13),
        line(130, "Anfrage: Radwege in der Altstadt", bold=True),
        line(160, "Sehr geehrte Damen und Herren,"),
        line(180, "wir fragen an: Wann kommen die Radwege?"),
        line(80, "Begründung:", bold=True, page=2),
        line(100, "Der Ortsbeirat hat darüber beraten.", page=2),
        line(140, "Mainz, den 26. August 2025", page=2),
        line(160, "Mit freundlichen Grüssen", page=2),
        line(200, "Ulrike Hoffmann", page=2),
    ]
    values = _read(lines, "letter", pages=2).values
    assert str(values["date"]) == "2025-08-26"
    assert values["justification"] == "Der Ortsbeirat hat darüber beraten."


def _tabbed(top: float, mark: str, text: str) -> Line:
    """An item: its number or dash at the margin, its text a tab away at x 92."""
    return Line(1, [*line(top, mark).tokens, *line(top, text, x=92).tokens])


def test_dash_list_items_and_the_reasons_back_at_the_margin() -> None:
    # A dash or number with an ordinary space keeps the old reading (tests/test_items.py).
    dashed = [
        _tabbed(100, "–", "Die Mittel werden im Haushalt 2027 bereitgestellt."),
        _tabbed(120, "–", "Die Verwaltung wird beauftragt, den Bericht bis zum Sommer"),
        line(134, "vorzulegen.", x=92),
        line(160, "Die Maßnahme ist erforderlich, da die Förderfrist im Herbst endet."),
    ]
    assert [(n, parts) for n, parts, _ in read_items(dashed)] == [
        (None, ["Die Mittel werden im Haushalt 2027 bereitgestellt."]),
        (None, ["Die Verwaltung wird beauftragt, den Bericht bis zum Sommer", "vorzulegen."]),
    ]
    numbered = [
        _tabbed(100, "1.", "Die Mittel werden bereitgestellt."),
        line(114, "bis 2027.", x=92),
        line(140, "Die Maßnahme ist erforderlich, da die Förderfrist im Herbst endet."),
    ]
    assert [(n, parts) for n, parts, _ in read_items(numbered)] == [
        ("1", ["Die Mittel werden bereitgestellt.", "bis 2027."])
    ]


def test_cue_alone_heads_the_request_and_feminine_bodies_resolve() -> None:
    lines = [
        line(40, "Fraktion ÖVP im Gemeinderat Linz", bold=True, size=13),
        line(100, "Linz, den 11.09.2023"),
        line(130, "Resolution: Bäume für die Innenstadt", bold=True),
        line(160, "Wir beantragen:"),
        line(180, "1) Die Gesamtkosten in Höhe von 1.441.000,00 EUR werden bestätigt."),
        line(210, "Begründung", bold=True),
        line(230, "Die Bäume fehlen."),
    ]
    items = _read(lines, "generic").values["resolution_proposal"]
    assert [(i.number, i.text) for i in items] == [
        ("1", "Die Gesamtkosten in Höhe von 1.441.000,00 EUR werden bestätigt.")
    ]
    assert VOCAB.heading_re().match("Die Bezirksvertretung möge beschließen:")


def test_subject_goes_on_over_a_date_and_a_year_inside_it() -> None:
    lines = [
        line(130, "Änderungsantrag: Umgestaltung der Schule nach", bold=True),
        line(144, "dem Beschluss vom 03.06.2024 unter Beteiligung des", x=170, bold=True),
        line(158, "Ortsteilrates Marbach", x=170, bold=True),
        line(190, "Wir beantragen:"),
    ]
    found = subject_title(lines, VOCAB)
    assert found is not None
    assert found[0][0] == (
        "Umgestaltung der Schule nach dem Beschluss vom 03.06.2024 unter Beteiligung des Ortsteilrates Marbach"
    )


def test_announcement_of_a_neuter_type_is_no_reason() -> None:
    lines = [line(100, "zur Sitzung am 12.05.2024 stellen wir folgendes Postulat."), line(130, "Die Schule ist alt.")]
    assert leading_announcement(lines, ["Postulat"], lambda prev, ln: ln.top - prev.bottom > 8) == 1


def test_body_of_a_meeting_line_in_the_genitive() -> None:
    lines = [line(100, "zur Sitzung des Ortsbeirates Lindenthal am 12.05.2024"), line(130, "Sehr geehrte Damen,")]
    found = body_from_head(lines, VOCAB)
    assert found is not None and found[0] == "Ortsbeirat Lindenthal"
    address = body_from_head([line(100, "An den Grossen Rat")], VOCAB)
    assert address is not None and address[0] == "Grosser Rat"


def test_labelled_subject_goes_on_hanging_under_its_value() -> None:
    label = line(130, "Betreff:", bold=True)
    value = line(130, "Barrierefreie Erschließung der Kindertagesstätte", x=120, bold=True)
    lines = [
        line(60, "An den Ortsbeirat Innenstadt"),
        line(100, "Regensburg, 28.04.2025"),
        Line(1, [*label.tokens, *value.tokens]),
        line(144, "sowie zusätzlicher Mittel im Haushaltsjahr 2027", x=120, bold=True),
        line(180, "Sehr geehrter Herr Oberbürgermeister,"),
    ]
    assert _read(lines, "generic").values["title"] == (
        "Barrierefreie Erschließung der Kindertagesstätte sowie zusätzlicher Mittel im Haushaltsjahr 2027"
    )


def test_minutes_name_their_body_not_a_sender() -> None:
    lines = [
        line(40, "Erlangen, 20. Juli 2021", x=400),
        line(56, "Stadt Erlangen", bold=True),
        line(70, "Referat: OBM"),
        line(100, "Niederschrift", bold=True, size=14),
        line(130, "Besprechung am: 08. Juli 2021 Beginn: 18:30 Uhr"),
        line(146, "Thema: 3. Sitzung des Stadtteilbeirates Büchenbach"),
        line(180, "TOP 1 Begrüßung"),
    ]
    values = _read(lines, "generic").values
    assert values["document_type"] == "Niederschrift"
    # The meeting convention (as eval/real/erlangen-sbr-buechenbach): the city at the top issues the minutes.
    assert values["originator"] == "Stadt Erlangen"
    assert values["body"] == "Stadtteilbeirat Büchenbach"
    assert values["title"] is None or "Stadt Erlangen" not in values["title"]
