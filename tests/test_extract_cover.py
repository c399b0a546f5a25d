"""Cover fields (``extract/cover.py``) on hand-built lines: number, type, public, body,
originator and faction, title and date, from labels or from the layout."""

from __future__ import annotations

import datetime as dt

import pytest

from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover, repair_ocr_digits
from ratsdoc.extract.cover_type import fallback_document_type
from ratsdoc.layout.lines import Line
from ratsdoc.models import BBox, Provenance

from .conftest import line_context as _context
from .conftest import text_line

COVER_FIELDS = ("number", "document_type", "public", "body", "originator", "faction", "title", "date")


def _cover(ctx: Context) -> dict[str, object]:
    extract_cover(ctx)
    return {name: ctx.fields.values.get(name) for name in COVER_FIELDS}


def _erfurt_cover() -> list[Line]:
    return [
        text_line(60, [(60, "Oberbürgermeister"), (380, "Drucksache 0112/23")]),
        text_line(75, [(380, "Stadtrat")]),
        text_line(90, [(380, "Entscheidungsvorlage")]),
        text_line(105, [(380, "öffentlich")]),
        text_line(140, [(60, "Titel der Drucksache: Teilnahme am")]),
        text_line(152, [(60, "Programm Stadtgrün")]),
        text_line(190, [(60, "Beratungsfolge")]),
        text_line(300, [(60, "Erfurt, den 12.01.2023")]),
    ]


def test_erfurt_cover_from_the_layout() -> None:
    ctx = _context(_erfurt_cover())
    assert _cover(ctx) == {
        "number": "0112/23",
        "document_type": "Entscheidungsvorlage",
        "public": True,
        "body": "Stadtrat",
        "originator": "Oberbürgermeister",
        "faction": None,
        "title": "Teilnahme am Programm Stadtgrün",
        "date": dt.date(2023, 1, 12),
    }
    assert ctx.fields.provenance["number"] == [Provenance(page=1, bbox=BBox(x0=380.0, top=60.0, x1=485.0, bottom=70.0))]
    assert ctx.fields.provenance["title"] == [Provenance(page=1, bbox=BBox(x0=60.0, top=140.0, x1=252.0, bottom=162.0))]
    assert ctx.fields.warnings == []


def test_no_lines_leave_every_field_empty() -> None:
    ctx = _context([])
    assert _cover(ctx) == dict.fromkeys(COVER_FIELDS)
    assert ctx.fields.warnings == []


def test_title_label_at_the_last_line_gives_no_title() -> None:
    lines = [text_line(60, [(380, "Drucksache 0112/23")]), text_line(140, [(60, "Titel der Drucksache:")])]
    assert _cover(_context(lines))["title"] is None


def test_wrapped_title_stops_at_a_gap_and_skips_the_other_column() -> None:
    lines = [
        text_line(140, [(60, "Titel der Drucksache:")]),
        text_line(152, [(60, "Teilnahme am Programm"), (380, "Drucksache 0112/23")]),
        text_line(164, [(60, "Stadtgrün 2023")]),
        text_line(170, [(380, "Stadtrat")]),  # a line of the number box only
        text_line(176, [(60, "bis 2025")]),
        text_line(230, [(60, "Der Radweg ist zu schmal.")]),  # after a gap: running text
    ]
    ctx = _context(lines)
    assert _cover(ctx)["title"] == "Teilnahme am Programm Stadtgrün 2023 bis 2025"


def test_wrapped_title_stops_at_the_next_section() -> None:
    lines = [
        text_line(140, [(60, "Titel der Drucksache: Teilnahme am")]),
        text_line(152, [(60, "Programm")]),
        text_line(164, [(60, "Beratungsfolge")]),
    ]
    assert _cover(_context(lines))["title"] == "Teilnahme am Programm"


def test_number_in_the_running_header_is_found() -> None:
    header = text_line(30, [(380, "Drucksache 0112/23")])
    header.furniture = True
    ctx = _context([header, text_line(140, [(60, "Titel der Drucksache: Radweg")])])
    assert _cover(ctx)["number"] == "0112/23"


def test_number_past_the_cover_pages_is_not_the_papers() -> None:
    lines = [text_line(100, [(60, "Einleitung")]), text_line(100, [(60, "siehe Drucksache 0113/23")], page=3)]
    assert _cover(_context(lines, pages=3))["number"] is None


def test_ocr_misread_digits_in_the_number_are_repaired() -> None:
    ctx = _context([text_line(60, [(380, "Drucksache O112/23")])], ocr=True)
    assert _cover(ctx)["number"] == "0112/23"


@pytest.mark.parametrize(
    ("number", "repaired"),
    [
        ("O112/23", "0112/23"),
        ("l2O3/24", "1203/24"),
        ("0112/2I", "0112/21"),
        ("VO/2024/123", "VO/2024/123"),  # letters of a prefix stay letters
        ("", ""),
    ],
)
def test_repair_ocr_digits(number: str, repaired: str) -> None:
    assert repair_ocr_digits(number) == repaired


def test_public_nearest_to_the_type_wins() -> None:
    # "nicht öffentlich" in the Beratungsfolge is far from the number box.
    lines = [
        text_line(60, [(380, "Drucksache 0112/23")]),
        text_line(75, [(380, "Informationsvorlage")]),
        text_line(90, [(380, "nicht öffentlich")]),
        text_line(400, [(380, "öffentlich")]),
    ]
    fields = _cover(_context(lines))
    assert (fields["document_type"], fields["public"]) == ("Informationsvorlage", False)


def test_public_in_another_column_than_the_type_is_ignored() -> None:
    lines = [text_line(75, [(380, "Informationsvorlage")]), text_line(90, [(60, "öffentlich")])]
    assert _cover(_context(lines))["public"] is None


def test_type_with_the_rule_it_is_filed_under() -> None:
    lines = [text_line(75, [(60, "Anfrage nach § 9 Abs. 2 GeschO")])]
    assert _cover(_context(lines))["document_type"] == "Anfrage nach § 9 Abs. 2 GeschO"


def test_a_type_wrapped_in_its_cell_is_read_whole() -> None:
    # Seed-11 erfurt-docx variant 12: "Dringliche" / "Entscheidungsvorlage" in a narrow cell
    # gave "Entscheidungsvorlage"; a title's last word at another edge above is no part of it.
    lines = [
        text_line(60, [(60, "Titel der Drucksache:"), (380, "Dringliche")]),
        text_line(72, [(60, "Sanierung der Stadthalle"), (380, "Entscheidungsvorlage")]),
        text_line(100, [(60, "Sanierung der Schule"), (300, "Dringliche")]),
        text_line(112, [(60, "Umbau"), (380, "Entscheidungsvorlage")]),
    ]
    assert _cover(_context(lines[:2]))["document_type"] == "Dringliche Entscheidungsvorlage"
    assert _cover(_context(lines[2:]))["document_type"] == "Entscheidungsvorlage"


def test_faction_as_originator() -> None:
    lines = [text_line(60, [(60, "SPD-Fraktion im Stadtrat")]), text_line(75, [(60, "Antrag")])]
    fields = _cover(_context(lines))
    assert (fields["originator"], fields["faction"], fields["document_type"]) == (
        "SPD-Fraktion im Stadtrat",
        "SPD-Fraktion im Stadtrat",
        "Antrag",
    )


def test_a_senders_place_wrapped_under_its_line_is_the_senders() -> None:
    # Word papers with boxes, seed 41, paper 20: the letterhead "Fraktion BÜNDNIS 90/DIE GRÜNEN im
    # Rat der Stadt" broke before "Düsseldorf", which was lost from originator and faction.
    lines = [
        text_line(35, [(71, "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt")]),
        text_line(51, [(71, "Düsseldorf")]),
        text_line(68, [(71, "Rathaus, Rathausplatz 7 · 40213 Düsseldorf")]),
    ]
    fields = _cover(_context(lines))
    sender = "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Düsseldorf"
    assert (fields["originator"], fields["faction"]) == (sender, sender)
    # A line under it in another size, or set apart, is no part of it.
    apart = [lines[0], text_line(80, [(71, "Düsseldorf")])]
    assert _cover(_context(apart))["originator"] == "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt"


def test_a_senders_town_in_the_genitive_wrapped_under_its_line_is_the_senders() -> None:
    # Regression: "... im Rat" broke before "der Stadt Essen", which was lost from originator
    # and faction and taken for the title (silent).
    lines = [
        text_line(35, [(71, "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat")]),
        text_line(51, [(71, "der Stadt Essen")]),
        text_line(68, [(71, "Rathaus, Rathausplatz 3 · 45127 Essen")]),
    ]
    fields = _cover(_context(lines))
    sender = "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Essen"
    assert (fields["originator"], fields["faction"]) == (sender, sender)
    # A line in the genitive that names no municipality is no part of it.
    other = [lines[0], text_line(51, [(71, "der Fraktionsvorsitzende")])]
    assert _cover(_context(other))["originator"] == "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat"


def test_a_bare_town_under_a_council_is_the_senders_where_the_letter_names_it_a_place() -> None:
    # Regression (amendments, seed 5, paper 28): "... in der Stadtverordnetenversammlung" broke
    # before "Potsdam", which was lost from originator and faction (silent).
    lines = [
        text_line(35, [(71, "Fraktion Freie Wähler in der Stadtverordnetenversammlung")]),
        text_line(51, [(71, "Potsdam")]),
        text_line(68, [(71, "Rathausplatz 1 · 14467 Potsdam")]),
    ]
    fields = _cover(_context(lines))
    sender = "Fraktion Freie Wähler in der Stadtverordnetenversammlung Potsdam"
    assert (fields["originator"], fields["faction"]) == (sender, sender)
    # The place-and-date line says so as well.
    dated = [lines[0], lines[1], text_line(68, [(71, "Potsdam, 25.10.2023")])]
    assert _cover(_context(dated))["originator"] == sender
    # A capitalised word no line names as a place is no town: the paper's type.
    typed = [
        text_line(35, [(71, "Fraktion Die Linke im Rat")]),
        text_line(51, [(71, "Antrag")]),
        text_line(68, [(71, "Rathausplatz 1 · 14467 Potsdam")]),
    ]
    fields = _cover(_context(typed))
    assert (fields["originator"], fields["document_type"]) == ("Fraktion Die Linke im Rat", "Antrag")


def test_a_bare_vorlage_is_the_type_only_where_no_other_is_named() -> None:
    # Regression: a town's "Vorlage" over its number gave no type (warned); the word also heads an
    # administration's sheet over a citizens' Antrag, whose own type wins.
    own = [
        text_line(40, [(71, "Stadt Görlitz")]),
        text_line(70, [(71, "Vorlage VO/2024/006")]),
        text_line(100, [(71, "Betreff:"), (160, "5. Änderungssatzung zur Friedhofsgebührensatzung")]),
    ]
    ctx = _context(own, "generic")
    extract_cover(ctx)
    fallback_document_type(ctx)
    assert ctx.fields.values["document_type"] == "Vorlage"
    forwarded = [
        text_line(40, [(71, "Stadt Tübingen")]),
        text_line(70, [(71, "Vorlage Nr. 2023/1318")]),
        text_line(100, [(71, "Einwohnerantrag")]),
        text_line(115, [(71, "Betreff:"), (160, "Erneuerung der Kindertagesstätte")]),
    ]
    ctx = _context(forwarded, "generic")
    extract_cover(ctx)
    fallback_document_type(ctx)
    assert ctx.fields.values["document_type"] == "Einwohnerantrag"


def test_a_paper_listed_among_the_attachments_names_no_type() -> None:
    # Regression (synopses, seed 7, paper 60): "Stellungnahme des Personalrats" in the list under
    # "Anlagen" was read as the paper's type over its own "Vorlage" (silent).
    lines = [
        text_line(40, [(71, "Stadt Görlitz"), (400, "Vorlage 2022/379")]),
        text_line(70, [(71, "Betreff:"), (160, "1. Änderungssatzung zur Elternbeitragssatzung")]),
        text_line(100, [(71, "Sachverhalt:")]),
        text_line(115, [(71, "Die Verwaltung hat die Satzung überprüft.")]),
        text_line(140, [(71, "Anlagen")]),
        text_line(155, [(71, "Synopse")]),
        text_line(170, [(71, "Stellungnahme des Personalrats")]),
    ]
    ctx = _context(lines, "generic")
    extract_cover(ctx)
    fallback_document_type(ctx)
    assert ctx.fields.values["document_type"] == "Vorlage"
    # The signature's "Der Bürgermeister" heading an office's letter ends nothing above its type.
    office = [
        text_line(35, [(71, "Stadt Köln")]),
        text_line(52, [(71, "Der Bürgermeister")]),
        text_line(66, [(71, "Amt für Straßen und Verkehrsentwicklung")]),
        text_line(94, [(71, "Antwort der Verwaltung")]),
        text_line(119, [(71, "Datum:"), (160, "19. März 2024")]),
        text_line(184, [(71, "An den Rat der Stadt Köln")]),
    ]
    ctx = _context(office, "generic")
    extract_cover(ctx)
    assert ctx.fields.values["document_type"] == "Antwort"


def test_labelled_values_of_an_allris_print() -> None:
    lines = [
        text_line(60, [(60, "Vorlage - 24/0815")]),
        text_line(90, [(60, "Betreff: Umbau des Knotenpunkts")]),
        text_line(102, [(112, "Am Stadtpark")]),
        text_line(130, [(60, "Status: nicht öffentlich"), (300, "Vorlage-Art: Beschlussvorlage")]),
        text_line(145, [(60, "Federführend: Tiefbauamt"), (300, "Datum: 03.04.2024")]),
    ]
    ctx = _context(lines, profile="allris")
    assert _cover(ctx) == {
        "number": "24/0815",
        "document_type": "Beschlussvorlage",
        "public": False,
        "body": None,
        "originator": "Tiefbauamt",
        "faction": None,
        "title": "Umbau des Knotenpunkts Am Stadtpark",
        "date": dt.date(2024, 4, 3),
    }


def test_date_beside_the_signature_wins_over_the_dateline() -> None:
    lines = [
        text_line(60, [(60, "Erfurt, 01.02.2023")]),
        text_line(600, [(60, "12.01.2023 gez. Müller")]),
    ]
    assert _cover(_context(lines))["date"] == dt.date(2023, 1, 12)


def test_date_inside_a_sentence_is_not_the_papers_date() -> None:
    lines = [text_line(300, [(60, "Der Stadtrat hat am 12.01.2023 beschlossen.")])]
    assert _cover(_context(lines))["date"] is None


def test_a_date_in_the_last_sentence_over_the_signature_is_not_the_papers_date() -> None:
    # Regression (margin-vorlage variants): "... wurde am 11.03.2024 über die Anregungen
    # informiert." above "gez." gave the date; the head's "Datum: 05.09.2022" is the paper's.
    lines = [
        text_line(60, [(57, "Landkreis Havelland"), (400, "Datum:"), (480, "05.09.2022")]),
        text_line(120, [(57, "Sachverhalt:")]),
        text_line(134, [(57, "Der Ortsteilrat Altstadt wurde am 11.03.2024 über die Anregungen informiert.")]),
        text_line(160, [(57, "gez.")]),
        text_line(174, [(57, "Anna Bauer")]),
    ]
    ctx = _context(lines, "generic")
    extract_cover(ctx)
    assert str(ctx.fields.values["date"]) == "2022-09-05"
    # A date line over the signature is the paper's date.
    dated = [*lines[:3], text_line(148, [(57, "Havelland, 14.02.2024")]), *lines[3:]]
    ctx = _context(dated, "generic")
    extract_cover(ctx)
    assert str(ctx.fields.values["date"]) == "2024-02-14"


def test_a_signers_role_under_the_name_is_no_body() -> None:
    # Regression (joint papers, seed 103, paper 10): an Austrian council member signs as
    # "Gemeinderat" under her name, without a closing formula over it; the role was read as the
    # body the paper is addressed to, silently.
    lines = [
        text_line(60, [(70, "SPÖ-Klub im Gemeinderat Innsbruck")]),
        text_line(100, [(70, "Herrn Bürgermeister")]),
        text_line(140, [(70, "Dringlichkeitsantrag der Gemeinderatsklubs der SPÖ und der NEOS")]),
        text_line(160, [(70, "Die Maßnahme ist erforderlich, weil die Anlage alt ist.")]),
        text_line(300, [(70, "Katrin Huber")], page=2),
        text_line(312, [(70, "Gemeinderat")], page=2),
        text_line(324, [(70, "SPÖ-Klub")], page=2),
    ]
    ctx = _context(lines, "letter", pages=2)
    extract_cover(ctx)
    assert ctx.fields.values["body"] is None
    # The same word alone, with no name over it, is the body addressed.
    lines[4] = text_line(290, [(70, "An den")], page=2)
    ctx = _context(lines, "letter", pages=2)
    extract_cover(ctx)
    assert ctx.fields.values["body"] == "Gemeinderat"


def test_what_a_systems_profile_leaves_empty_the_generic_reader_reads() -> None:
    # Regression (Word papers with boxes, seeds 19 and 41): a town's Word template matched the
    # ALLRIS profile, whose number pattern is ALLRIS's own; "Vorlage-Nr.:" beside "VO/2024/252"
    # and the type "Sitzungsvorlage" over the subject were left empty (the number silently).
    lines = [
        text_line(35, [(71, "Stadt Weimar")]),
        text_line(68, [(71, "Sitzungsvorlage")]),
        text_line(101, [(71, "Betreff:"), (140, "Erneuerung der Stadthalle in der Weimarische Straße")]),
        text_line(126, [(330, "Vorlage-Nr.:"), (420, "VO/2024/252")]),
        text_line(139, [(330, "Status:"), (420, "nicht öffentlich")]),
        text_line(240, [(71, "Beschlussvorschlag:")]),
        text_line(253, [(71, "Der Rat beschließt die Erneuerung der Stadthalle.")]),
    ]
    ctx = _context(lines, "allris")
    extract_cover(ctx)
    assert ctx.fields.values["number"] == "VO/2024/252"
    assert ctx.fields.values["document_type"] == "Sitzungsvorlage"
