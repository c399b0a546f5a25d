"""Head fields of scanned letters where OCR lost or garbled a part of the head: a sender's line
cut, dropped or read on into another line, specks read as signs in it, a dateline a stamp's
digits ran into, a date label misread, the date of a letter answered, a number row without its
slash, an opening whose request words were lost, a pen's tick before a type label, a rule's name
cut short, specks and a mark's letter read into a title. Each value is read, or a warning names
its field."""

from __future__ import annotations

import datetime as dt

from ratsdoc.extract.generic.office import cites_date, info_date
from ratsdoc.extract.ocr_noise import tidy_ocr_values, without_title_specks
from ratsdoc.extract.ocr_type import repair_type_line
from ratsdoc.extract.review import review_fields
from ratsdoc.extract.scan_datelines import dateline_date, placed_date
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token

from .test_archive_scan import _cover, _head
from .test_generic_reader import line


def test_a_faction_is_named_missing_when_its_senders_line_is_dropped() -> None:
    # Seed-31 archive-scan 5 and bv-scan 4: a stamp took the letterhead's first words ("on in der
    # Bezirksvertretung Rheinufer", "der"); the sender was dropped with a warning, the faction
    # left empty without one.
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines[0] = line(42, "on in der Bezirksvertretung Rheinufer", size=12.5)
    ctx = _cover(lines)
    review_fields(ctx)
    assert ctx.fields.values["originator"] is None and ctx.fields.values["faction"] is None
    named = {issue.field for issue in ctx.fields.warnings}
    assert {"originator", "faction"} <= named


def test_the_date_of_the_letter_answered_is_not_the_papers_where_its_label_lost_letters() -> None:
    # Seed-31 office-letter-scan 1: worn toner took the dateline and "Ihr Sc" of "Ihr Schreiben
    # vom"; the date of the letter answered, "hreiben 30.06.2025", became the paper's, silently.
    date = dt.date(2025, 6, 30)
    assert cites_date("hreiben 30.06.2025", date) and cites_date("Ihr Schreiben vom 30.06.2025", date)
    assert not cites_date("Essen, 30.06.2025", date)
    lines = [
        line(44, "Rechnungsprüfungsamt", size=11.8),
        line(61, "Prüfgruppe Hochbau", size=9.8),
        line(125, "hreiben 30.06.2025", x=386),
        line(137, "Mein Zeichen:", x=358),
        line(178, "Erweiterung der Kindertagesstätte Am Weiher", size=14.0),
        line(197, "(voraussichtliche Kosten ca. 619.000,00 €)"),
        line(211, "hier: Prüfung der Kostenberechnung (510/69/38/25)"),
        line(238, "Sehr geehrte Damen und Herren,"),
        line(260, "die Unterlagen sind am 30.06.2025 beim Rechnungsprüfungsamt eingegangen."),
    ]
    ctx = _cover(lines, profile="generic")
    review_fields(ctx)
    assert ctx.fields.values["date"] is None
    assert any(issue.field == "date" for issue in ctx.fields.warnings)


def test_a_date_label_whose_m_was_read_as_two_letters_still_labels_the_date() -> None:
    # Seed-31 archive-scan 2: "Datum: 30.8.23" read as "Datuin: 30.8.23"; the paper had no date.
    head = [line(90, "Datuin: 30.8.23", x=459), line(123, "An den Bezirksbürgermeister")]
    assert info_date(head, ocr=True) == (dt.date(2023, 8, 30), head[0])


def test_a_number_row_whose_slash_was_lost_is_named() -> None:
    # Seed-31 archive-scan 2: "Anfrage Nr.: 988/2023" read as "Anfrage Nr.: 9882023"; the number
    # was missing without a warning.
    lines = _head("Sanierung der Feuerwache in der Nordhäuser Straße")
    lines.insert(-2, line(237, "Anfrage Nr.: 9882023"))
    ctx = _cover(lines)
    assert ctx.fields.values["number"] is None
    assert any(issue.field == "number" for issue in ctx.fields.warnings)


def test_the_body_of_a_meeting_named_in_an_opening_whose_request_words_were_misread() -> None:
    # Dev seed 53 letter-scans 5 and 7: a pen took the "f" of "folgende" ("Fr& olgende Anfrage"),
    # so the opening was no request sentence, and the body it names was not read.
    lines = _head("Barrierefreie Erschließung der Musikschule in der Bergstraße")
    lines[-1] = line(lines[-1].top, "zur Sitzung des Stadtrates am 27.08.2024 stellt die Fraktion Fr& olgende Anfrage.")
    lines.append(line(lines[-1].top + 22, "wir fragen an:"))
    ctx = _cover(lines)
    assert ctx.fields.values["body"] == "Stadtrat"
    assert any(issue.field == "body" and issue.code is IssueCode.VALUE_UNCERTAIN for issue in ctx.fields.warnings)
    # A meeting whose body OCR broke stays unread and is said so.
    lines[-2] = line(
        lines[-2].top, "zur Sitzung des 0 einderats am 27.08.2024 stellt die Fraktion Fr& olgende Anfrage."
    )
    ctx = _cover(lines)
    assert ctx.fields.values["body"] is None
    assert any(issue.field == "body" and issue.code is IssueCode.REQUEST_DOUBTFUL for issue in ctx.fields.warnings)


def test_a_stamps_digits_run_into_the_place_of_a_dateline_are_left_out() -> None:
    # Dev seed 53 bv-scan 1: a stamp's day "28" over the place was read into the dateline's
    # segment ("28 BERıBERE, 22.04.2024"), and the paper had no date.
    assert placed_date("28 BERıBERE, 22.04.2024") == dt.date(2024, 4, 22)
    assert dateline_date("28 Bamberg, 22.04.2024") == dt.date(2024, 4, 22)
    # A note's number before "am" and a stamp's date are still no dateline.
    assert placed_date("BV 3 am 30.01.2012") is None and placed_date("28 APR 2024") is None
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines[2] = Line(1, [*line(82, "TOP 9 42", x=219).tokens, *line(88, "28 BERıBERE, 22.04.2024", x=421).tokens])
    assert str(_cover(lines).fields.values["date"]) == "2024-04-22"


def test_a_senders_line_cut_inside_a_word_is_warned() -> None:
    # Dev seed 57 bv-scan 8: a mark took the letterhead after "AfD-Frakti"; the cut sender and
    # the faction left empty carried no warning.
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines[0] = line(42, "AfD-Frakti", size=10.1)
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] == "AfD-Frakti"
    named = {issue.field for issue in ctx.fields.warnings if issue.code is IssueCode.VALUE_UNCERTAIN}
    assert {"originator", "faction"} <= named
    # A name that ends in a whole word, "... im Rat der Stadt", is not cut.
    lines[0] = line(42, "SPD-Fraktion im Rat der Stadt", size=12.5)
    assert not any(issue.field == "originator" for issue in _cover(lines).fields.warnings)


def test_specks_read_as_signs_in_a_senders_name_are_taken_out() -> None:
    # Dev seed 57 letter-scan 5 ("im Stadtrat Fürth‘") and seed 31 archive-scan 3 ("in
    # der.Bezirksvertretung Nord").
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    for printed, read in (
        ("Fraktion DIE LINKE im Stadtrat Fürth", "Fraktion DIE LINKE im Stadtrat Fürth‘"),
        ("CDU-Fraktion in der Bezirksvertretung Nord", "CDU-Fraktion in der.Bezirksvertretung Nord"),
    ):
        lines[0] = line(42, read, size=12.5)
        ctx = _cover(lines)
        tidy_ocr_values(ctx)
        assert ctx.fields.values["originator"] == printed
        assert ctx.fields.values["faction"] == printed


def test_a_pens_tick_before_a_type_label_leaves_the_type() -> None:
    # Dev seed 57 letter-scan 10: a tick before "Antrag:" was read as "/"; the type came from the
    # letters' default ("Brief").
    lines = _head("x", type_line="/ Antrag: Barrierefreie Erschließung der Kunsthalle am Marktplatz")
    del lines[-3]  # no title line of its own: the subject is the type label's
    ctx = _cover(lines)
    assert ctx.fields.values["document_type"] == "Antrag"
    assert ctx.fields.values["title"] == "Barrierefreie Erschließung der Kunsthalle am Marktplatz"
    # Born-digital text is read as printed.
    assert _cover(lines, ocr=False).fields.values["document_type"] != "Antrag"


def test_specks_read_as_signs_inside_a_title_are_taken_out() -> None:
    # Seed-31 archive-scans 4 and 5: "eine ‚Regenrückhaltebecken nach dem Beschluss. vom",
    # "Haushaltsjahr:2027"; seed 31 archive-scan 3 "Haushaltsjahr 2027. und"; dev seed 53 bv-scan
    # 4 "für die” Brunnenanlage".
    assert without_title_specks("um eine ‚Regenrückhaltebecken nach dem Beschluss. vom 11.11.2024") == (
        "um eine Regenrückhaltebecken nach dem Beschluss vom 11.11.2024"
    )
    assert without_title_specks("Mittel im Haushaltsjahr:2027") == "Mittel im Haushaltsjahr 2027"
    assert without_title_specks("Haushaltsjahr 2027. und Ergänzung") == "Haushaltsjahr 2027 und Ergänzung"
    assert without_title_specks("für die” Brunnenanlage") == "für die Brunnenanlage"
    # Dev seed 57 letter-scan 4: a stamp's letter after the title's last word.
    assert without_title_specks("Ergänzung um’ eine Ladeinfrastruktur g") == "Ergänzung um eine Ladeinfrastruktur"
    # Quotes that pair, abbreviations, a day's ordinal and a plan number's letter stay.
    for kept in (
        "Sanierung „Haus der Jugend“ am Markt",
        "Planung einschl. der Kosten",
        "Ausbau der Bahnhofstr. und",
        "am 3. und 4. Mai",
        "Bebauungsplan Nr. 12 a",
    ):
        assert without_title_specks(kept) == kept
    # Only a title read by OCR is tidied.
    lines = _head("Mittel im Haushaltsjahr:2027")
    lines[-3] = line(lines[-3].top, "Betreff: Mittel im Haushaltsjahr:2027")
    for ocr, title in ((True, "Mittel im Haushaltsjahr 2027"), (False, "Mittel im Haushaltsjahr:2027")):
        ctx = _cover(lines, ocr=ocr)
        tidy_ocr_values(ctx)
        assert ctx.fields.values["title"] == title


def test_a_senders_line_whose_end_ocr_read_into_the_line_below_is_warned() -> None:
    # Dev seed 57 letter-scan 4: a stamp over "Würzburg" made its box 23 pt tall, and the layout
    # put it on the address line below; the sender "CDU-Fraktion im Stadtrat" was silent.
    lines = _head("Sanierung der Musikschule am Lessingplatz")
    lines[0] = line(42, "CDU-Fraktion im Stadtrat", size=10.1)
    address = line(60, "Rathausplatz 8 97070 Würzburg", size=8.6)
    tall = Token("Würzburg,", lines[0].x1 + 5, 41.8, lines[0].x1 + 92, 64.8, 23.0)
    lines[1] = Line(1, [*address.tokens, tall])
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] == "CDU-Fraktion im Stadtrat"
    named = {issue.field for issue in ctx.fields.warnings if issue.code is IssueCode.VALUE_UNCERTAIN}
    assert {"originator", "faction"} <= named
    # The address line of its own height under the sender is no such word.
    lines[1] = address
    assert not any(issue.field == "originator" for issue in _cover(lines).fields.warnings)


def test_a_rules_name_a_mark_cut_short_at_the_type_lines_end_is_written_whole() -> None:
    # Dev seed 57 bv-scan 7: a stamp over the end of the type line left "Antrag gem. § 3 der
    # Geschäftsordnu".
    types = ["Antrag", "Anfrage"]
    assert repair_type_line("Antrag gem. § 3 der Geschäftsordnu", types) == "Antrag gem. § 3 der Geschäftsordnung"
    assert repair_type_line("Anfrage nach § 4 der Gemeindeordn", types) == "Anfrage nach § 4 der Gemeindeordnung"
    # Too little of the name left to tell it, or a whole name: as read.
    assert repair_type_line("Antrag gem. § 3 der Geschäf", types) == "Antrag gem. § 3 der Geschäf"
    assert repair_type_line("Antrag gem. § 3 der Geschäftsordnung", types) == "Antrag gem. § 3 der Geschäftsordnung"


def test_the_gap_a_mark_left_inside_a_subject_label_does_not_doubt_the_title() -> None:
    # Seed-31 bv-scan 7: with "Be   f:" read as the label, the gap inside it was taken for one
    # in the title ("title may be incomplete: a gap before 'f:'").
    lines = _head("x")
    head, rest = line(216, "Be"), line(216, "f: Modernisierung der Stadthalle in der Hauptstraße", x=112)
    lines[-3] = Line(1, [*head.tokens, *rest.tokens])
    ctx = _cover(lines)
    review_fields(ctx)
    assert ctx.fields.values["title"] == "Modernisierung der Stadthalle in der Hauptstraße"
    assert not any(issue.field == "title" for issue in ctx.fields.warnings)
    # A gap after the label, inside the value, is still one.
    gapped = line(216, "der Stadthalle in der Hauptstraße", x=rest.x1 - 150)
    lines[-3] = Line(1, [*line(216, "Betreff: Modernisierung").tokens, *gapped.tokens])
    ctx = _cover(lines)
    review_fields(ctx)
    assert any("gap before" in issue.message for issue in ctx.fields.warnings if issue.field == "title")
