"""Archive scans (family ``archive-scan`` of ``scripts/generate_variants.py``) and what the cover
reads from them: a fax machine's transmission line is page furniture, an intake stamp's date is
never the paper's, a bold title without a subject label is the title."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.fax_lines import is_fax_line, mark_fax_lines
from ratsdoc.extract.generic.letter_fields import is_address_line
from ratsdoc.extract.ocr_noise import tidy_ocr_values
from ratsdoc.extract.ocr_type import doubtful_rule, repair_type_line
from ratsdoc.extract.review import review_fields
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import generated_variant, load_script
from .test_generic_reader import line

pytest.importorskip("reportlab", reason="the archive scans need reportlab (extra 'fixtures')")


def test_an_archive_scan_has_the_letters_own_golden(tmp_path: Path) -> None:
    # "archive/7" draws a one-page Anfrage with a Köln-style number (about two seconds to build).
    golden = generated_variant("archive_scan", "archive/7", tmp_path / "a.pdf")
    assert golden["page_count"] == 1
    assert golden["number"] == "AN/1259/2024"
    assert golden["document_type"] == "Anfrage gem. § 4 der Geschäftsordnung"
    assert golden["date"] == "2024-01-26"


def test_an_archive_head_varies_its_dateline_and_keeps_the_papers_date() -> None:
    archive = load_script("archive_scan")
    forms = set()
    for seed in range(40):
        head = archive.head(random.Random(seed), "Würzburg", "97070", "SPD-Fraktion", "Anfrage", "05.03.2024")
        assert head.iso_date == "2024-03-05"
        # The stamp is put on after the paper was written: its date is never the paper's.
        assert "05.03.2024" not in head.stamp_date and "05. MÄR" not in head.stamp_date
        forms.add(head.place_date.split()[0].rstrip(","))
        kind = head.document_type("Anfrage")
        assert kind in {"Anfrage", "Dringliche Anfrage"} or kind == head.heading, head.heading
    assert {"Datum:", "5."} <= forms  # "Datum: 5.3.24" and "5. März 2024" among them


def test_a_fax_transmission_line_is_told_from_a_letterheads_fax_number() -> None:
    for text in (
        "13.07.2023 17:22   FAX 0221 411347   AfD-Fraktion   S. 01/02",
        "I3.07.2O23 17.22 FAK 0221 411347 SPD-Fraktion S. O1/O2",  # as OCR reads the small print
        "Von: 0221 123456 An: 0221 999 12.03.2012 14:22 S. 1/2",
        # Seed-13 archive-scan variant 6: date and time worn beyond reading, the word and the
        # page counter left; the line was read as the letterhead and the sender was lost.
        "aw.bo.duss ia:l/ FAX 0221 108464 SPD-Fraktion S. 01/02",
        "wen im vecı 9005/D rraktıon Freie Wähler S. 01/01",  # variant 9: only the counter is left
    ):
        assert is_fax_line(text), text
    for text in (
        "Telefon 0221 123-45, Fax 0221 123-46",
        "Fax 0221 12345 · Sprechzeit 8:30",
        "zur Sitzung am 12.03.2024 um 17:00 Uhr S. 3/4",
        "Drucksache 0112/23 S. 1/2",
    ):
        assert not is_fax_line(text), text


def test_a_fax_line_at_the_top_is_furniture_and_one_in_the_text_is_not() -> None:
    fax = line(14, "13.07.2023 17:22 FAX 0221 411347 AfD-Fraktion S. 01/01", size=8)
    quoted = line(400, "13.07.2023 17:22 FAX 0221 411347 AfD-Fraktion S. 01/01")
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[fax, line(52, "AfD-Fraktion im Stadtrat"), quoted])
    mark_fax_lines(layout)
    assert [ln.furniture for ln in layout.lines] == [True, False, False]


def _cover(lines: list[Line], *, ocr: bool = True, profile: str = "letter") -> Context:
    """The cover fields ``profile`` and the generic reader read from ``lines`` (page 1, OCRed
    with ``ocr``), before the review."""
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()[profile])
    extract_cover(ctx)
    return ctx


def _head(*title: str, type_line: str = "Anfrage gem. 8 4 der Geschäftsordnung") -> list[Line]:
    """A Bezirksvertretung letter's head as OCR reads it: no bold, sizes as measured, the title
    a heading of its own between the type line and the salutation."""
    lines = [
        line(42, "SPD-Fraktion in der Bezirksvertretung West", size=12.5),
        line(58, "Bezirksrathaus . 91522 Ansbach", size=8.4),
        line(88, "Köln, den 06.09.2022", x=430, size=8.4),
        line(120, "An die Bezirksbürgermeisterin", size=10.3),
        line(135, "Frau Anna Krüger", size=10.3),
        line(150, "Bezirksrathaus West", size=8.4),
        line(165, "91522 Ansbach", size=8.4),
        line(210, type_line, size=14.6),
    ]
    top = 227.0
    for text in title:
        lines.append(line(top, text, size=12.5 if len(lines) % 2 else 18.7))
        top += 19.0
    return [
        *lines,
        line(top + 30, "Sehr geehrter Herr Oberbürgermeister,", size=10.6),
        line(top + 52, "wir fragen an:"),
    ]


def test_a_scanned_title_set_as_a_heading_is_the_block_above_the_salutation() -> None:
    # OCR gives no bold and measures the title's lines at 18.7 and 12.5 pt: the title is the block
    # under the type line, not the type line (before: the type line, or the first line only).
    ctx = _cover(
        _head(
            "Barrierefreie Erschließung der Gemeinschaftsschule in der Hauptstraße",
            "zwischen Lessingplatz und Gothaer Straße im Ortsteil Daberstedt",
        )
    )
    assert ctx.fields.values["title"] == (
        "Barrierefreie Erschließung der Gemeinschaftsschule in der Hauptstraße "
        "zwischen Lessingplatz und Gothaer Straße im Ortsteil Daberstedt"
    )
    assert ctx.fields.values["document_type"] == "Anfrage gem. § 4 der Geschäftsordnung"


def test_a_scanned_heading_title_skips_the_number_row_a_punch_hole_and_a_misread_salutation() -> None:
    lines = _head("Sanierung der Grundschule in der Hauptstraße im Ortsteil", "Südstadt", type_line="Antrag")
    salutation = lines[-2]
    lines[-2] = line(salutation.top, "© Sehr gechfer Herr Oberbürgermeister,", x=21)  # a punch hole read as "©"
    lines.insert(-2, line(salutation.top - 25, "Vorlagen-NAN/0324/2024"))  # the number row, its label misread
    ctx = _cover(lines)
    assert ctx.fields.values["title"] == "Sanierung der Grundschule in der Hauptstraße im Ortsteil Südstadt"
    # The number row is there but its label was misread: the number is named missing, not silently none.
    assert ctx.fields.values["number"] is None
    assert any(issue.field == "number" and issue.code == IssueCode.FIELD_MISSING for issue in ctx.fields.warnings)


def test_a_title_line_going_on_with_a_date_is_no_dateline() -> None:
    # "vom 23.05.2022" ends the title: before, it stopped the block and the letterhead became the title.
    ctx = _cover(_head("Instandsetzung der Kunsthalle in der Rosengasse nach dem Beschluss", "vom 23.05.2022"))
    assert (
        ctx.fields.values["title"]
        == "Instandsetzung der Kunsthalle in der Rosengasse nach dem Beschluss vom 23.05.2022"
    )


def test_a_stamps_date_is_never_the_papers_date() -> None:
    lines = _head("Erneuerung der Stadtbibliothek in der Rosengasse")
    lines[2] = line(88, "4-7. Mai 2023", x=460)  # the dateline as worn toner left it
    lines[3] = Line(1, [*line(120, "An die Bezirksbürgermeisterin").words, *line(120, "EINGANG", x=380).words])
    lines[4] = Line(1, [*line(135, "Frau Anna Krüger").words, *line(135, "29.05.2023", x=372).words])
    ctx = _cover(lines)
    assert ctx.fields.values["date"] is None
    review_fields(ctx)
    assert any(issue.field == "date" for issue in ctx.fields.warnings)
    # Without the stamp's word beside it a lone date there is read as before.
    lines[3] = line(120, "An die Bezirksbürgermeisterin")
    assert str(_cover(lines).fields.values["date"]) == "2023-05-29"


def test_a_rule_whose_sign_may_be_read_as_a_digit_makes_the_type_doubtful() -> None:
    assert doubtful_rule("Anfrage nach 84 GO") and doubtful_rule("Antrag gem. § 83 der Geschäftsordnung")
    assert not doubtful_rule("Anfrage gem. § 4 der Geschäftsordnung") and not doubtful_rule("Antrag nach § 12 GO")
    assert repair_type_line("Dringlichkeitsantrag gem. $.12 der. Geschäftsordnung", ["Dringlichkeitsantrag"]) == (
        "Dringlichkeitsantrag gem. § 12 der Geschäftsordnung"
    )
    ctx = _cover(_head("Sanierung der Grundschule in der Hauptstraße", type_line="Anfrage nach 84 GO"))
    assert ctx.fields.values["document_type"] == "Anfrage nach 84 GO"
    assert any(issue.field == "document_type" for issue in ctx.fields.warnings)


def test_the_default_type_of_a_scanned_letter_is_a_guess() -> None:
    lines = [ln for ln in _head("Sanierung der Grundschule in der Hauptstraße") if ln.top != 210]
    ctx = _cover(lines)
    assert ctx.fields.values["document_type"] == "Brief"
    review_fields(ctx)
    assert any(issue.field == "document_type" for issue in ctx.fields.warnings)
    born_digital = _cover(lines, ocr=False)
    review_fields(born_digital)
    assert not any(issue.field == "document_type" for issue in born_digital.fields.warnings)


def test_a_gap_inside_a_scanned_title_line_warns_that_words_may_be_lost() -> None:
    # "Kirchweg" under a stamp: OCR read nothing there, with confidence in what it read.
    title = Line(
        1,
        [
            *line(233, "Sanierung der Seniorenbegegnungsstätte am").words,
            *line(233, "im Ortsteil Nordviertel", x=340).words,
        ],
    )
    lines = [ln for ln in _head("x") if ln.text != "x"]
    lines.insert(-2, title)
    ctx = _cover(lines)
    assert ctx.fields.values["title"] == "Sanierung der Seniorenbegegnungsstätte am im Ortsteil Nordviertel"
    review_fields(ctx)
    assert any(issue.field == "title" and "gap" in issue.message for issue in ctx.fields.warnings)


def test_a_speck_beside_a_scanned_title_is_no_gap() -> None:
    title = Line(
        1, [*line(233, "Sachstandsbericht zur Digitalisierung der Ratsarbeit").words, *line(233, ".", x=400).words]
    )
    lines = [ln for ln in _head("x") if ln.text != "x"]
    lines.insert(-2, title)
    ctx = _cover(lines)
    review_fields(ctx)
    assert not any(issue.field == "title" and "gap" in issue.message for issue in ctx.fields.warnings)


def test_a_fax_line_whose_time_ocr_lost_is_still_one_and_a_type_line_loses_its_specks() -> None:
    assert is_fax_line("16.11.2023 15; FAX 02 79617 SPD-Fraktion Ss. 01/01")
    ctx = _cover(
        _head("Sanierung der Grundschule in der Hauptstraße", type_line='Anfrage gem. 8 4 der Geschäftsordnung: =="')
    )
    assert ctx.fields.values["document_type"] == "Anfrage gem. § 4 der Geschäftsordnung"


def _letterhead(*parts: tuple[float, str]) -> Line:
    """The letterhead's line as OCR reads it where worn toner opened gaps in it: (x, words) parts."""
    return Line(1, [token for x, text in parts for token in line(42, text, x=x, size=12.4).words])


def test_a_letterhead_worn_apart_is_read_across_its_gaps_or_warned() -> None:
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    # "Fraktion DIE" | "LINKE in der Bezirksvertretung Nord": a gap of some letters' width.
    lines[0] = _letterhead((70, "Fraktion DIE"), (170, "LINKE in der Bezirksvertretung Nord"), (500, "N"))
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] == "Fraktion DIE LINKE in der Bezirksvertretung Nord"
    # A gap too wide to bridge: the sender stays cut, and says so (before: silently "Fraktion DIE").
    lines[0] = _letterhead((70, "Fraktion DIE"), (260, "Bezirksvertretung Nord"))
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] == "Fraktion DIE"
    assert {"originator", "faction"} <= {issue.field for issue in ctx.fields.warnings}
    # Born-digital, nothing changes.
    assert _cover(lines, ocr=False).fields.values["originator"] == "Fraktion DIE"


def test_a_note_beside_the_letterhead_is_no_part_of_the_sender() -> None:
    # Regression (grey-stamp scans, seed 43): a handwritten "BV 4 am 17.03.2024" beside the
    # letterhead was read across the gap into the sender, which the review then dropped for its date.
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines[0] = _letterhead((70, "AfD-Fraktion in der Bezirksvertretung Ost"), (400, "BV 4 am 17.03.2024"))
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] == "AfD-Fraktion in der Bezirksvertretung Ost"


def test_a_labelled_title_ends_at_the_next_label_and_at_a_salutation_behind_a_speck() -> None:
    # Seed-13 archive-scan variant 1 (read by the generic profile): "Anfrage Nr.: 503/2022" under
    # "Betreff:" and a punch hole read as "®)" before the salutation, which made that line look
    # large and the gap above it small; the title ran on over both and the letter's first sentence.
    lines = [ln for ln in _head("x", type_line="Anfrage der CDU-Fraktion") if ln.text != "x"][:-2]
    salutation = [*line(284, "®)", x=16, size=17.5).words, *line(284, "Sehr geehrter Herr", size=7.4).words]
    lines += [
        line(227, "Betreff: Umgestaltung der Musikschule in der Nordhäuser Straße", size=10.3),
        line(241, "einschließlich der Planung für die Trinkwasserleitung", x=109.4, size=9.6),
        line(254, "Anfrage Nr.: 503/2022", size=10.6),
        Line(1, [*salutation, *line(284, "Oberbürgermeister,", x=160, size=9.1).words]),
        line(305, "zur Sitzung des Stadtrates am 16.05.2022 stellt die CDU-Fraktion folgende Anfrage.", size=9.6),
    ]
    title = (
        "Umgestaltung der Musikschule in der Nordhäuser Straße einschließlich der Planung für die Trinkwasserleitung"
    )
    assert _cover(lines, profile="generic").fields.values["title"] == title
    # Without the number row the salutation still ends the title.
    assert _cover([ln for ln in lines if ln.top != 254], profile="generic").fields.values["title"] == title
    # "hier:" refines the subject and goes on with it (DIN 5008).
    lines[-3] = line(254, "hier: Bedarfsprüfung", x=109.4, size=10.6)
    assert _cover(lines, profile="generic").fields.values["title"] == f"{title} hier: Bedarfsprüfung"


def test_letters_ocr_read_over_the_letterhead_are_not_the_sender() -> None:
    # Seed-13 archive-scan variant 18: initials in pen far right above the letterhead, read as "VMN".
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines.insert(0, line(23, "VMN", x=499, size=20.7))
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] == "SPD-Fraktion in der Bezirksvertretung West"
    assert ctx.fields.values["faction"] == "SPD-Fraktion in der Bezirksvertretung West"


def test_a_speck_read_as_a_number_over_a_factions_letterhead_is_no_office() -> None:
    # Seed-17 bv-scan 12: a speck over the letterhead read as "2" was taken for the bare office
    # designation of an office letter ("14" over "142") and became the sender.
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines.insert(0, Line(1, line(34, "2", x=51.4, size=9.1).words, furniture=True))
    ctx = _cover(lines, profile="generic")
    assert ctx.fields.values["originator"] == "SPD-Fraktion in der Bezirksvertretung West"


def test_a_backslash_read_for_a_space_in_the_sender_is_a_space() -> None:
    # Seed-17 letter-scan 3: "AfD-Fraktion\im Stadtrat Fürth".
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines[0] = line(42, "AfD-Fraktion\\im Stadtrat Fürth", size=12.5)
    ctx = _cover(lines)
    tidy_ocr_values(ctx)
    assert ctx.fields.values["originator"] == "AfD-Fraktion im Stadtrat Fürth"
    # Seed-19 bv-scan 1: a stamp's edge after the sender read as "=)"; "€)" and "%" stay.
    lines[0] = line(42, "SPD-Fraktion in der Bezirksvertretung Süd =)", size=12.5)
    ctx = _cover(lines)
    tidy_ocr_values(ctx)
    assert ctx.fields.values["originator"] == "SPD-Fraktion in der Bezirksvertretung Süd"
    ctx.fields.values["title"] = "Sanierung (Kosten ca. 411.000,00 €)"
    ctx.fields.provenance["title"] = ctx.fields.provenance["originator"]
    tidy_ocr_values(ctx)
    assert ctx.fields.values["title"] == "Sanierung (Kosten ca. 411.000,00 €)"


def test_an_address_line_that_lost_its_dots_is_no_sender() -> None:
    # Seed-19 archive scans 12 and 16: the letterhead's name worn away, "Bezirksrathaus · 91522
    # Ansbach" read without its dot became the sender; now the sender is missing, and said so.
    lines = _head("Sanierung der Grundschule in der Hauptstraße")
    lines[0] = line(60, "Bezirksrathaus 91522 Ansbach", size=8.4)
    del lines[1]
    ctx = _cover(lines)
    assert ctx.fields.values["originator"] is None
    assert is_address_line("Bezirksrathaus 91522 Ansbach") and is_address_line(
        "Amt für Verkehr · Rathausplatz 8 · 79098 Freiburg"
    )
    assert not is_address_line("CSU-Fraktion, Rathausplatz 1, 91052 Erlangen")
    assert not is_address_line("Fraktion DIE LINKE in der Bezirksvertretung West")


def test_a_title_hanging_under_its_value_ends_where_the_text_returns_under_the_label() -> None:
    # Seed-17 office-letter scan 2: the first line of the text, measured 15.8 pt high by OCR
    # (a mark over it), stood at the label's edge after the title's lines hanging under the value;
    # the gap above it looked small and the whole paragraph became part of the title.
    lines = [ln for ln in _head("x", type_line="Anfrage der CDU-Fraktion") if ln.text != "x"][:-2]
    lines += [
        line(177, "Betreff: Beschaffung von Einsatzfahrzeugen für den", size=10.3),
        line(191, "Rettungsdienst (voraussichtliche Kosten ca.", x=109.7, size=10.1),
        line(205, "411.000,00 €)", x=109.4, size=9.8),
        line(229, "Der Ausschuss hat in seiner Sitzung am 08.02.2023 die Maßnahme", size=15.8),
        line(250, "zur Kenntnis genommen.", size=10.8),
    ]
    title = "Beschaffung von Einsatzfahrzeugen für den Rettungsdienst (voraussichtliche Kosten ca. 411.000,00 €)"
    assert _cover(lines, profile="generic").fields.values["title"] == title


def test_an_office_letters_subject_comes_before_a_text_line_ocr_measured_large() -> None:
    # Seed-19 office-letter scan 1: a line of the text measured 13 pt among 11.5 pt lines passed
    # for a heading, and the subject block under the information block was never looked at.
    lines = [
        line(42, "Rechnungsprüfungsamt", size=12.4),
        line(59, "Prüfgruppe Hochbau", size=10.1),
        Line(1, [*line(111, "An die", size=13.0).words, *line(111, "Aachen, den 05.01.2022", x=400, size=13.0).words]),
        line(168, "Neubau einer Brücke über den", size=9.2),
        line(182, "Mühlenbach (148/13/46/22)", size=10.4),
        line(210, "Die Unterlagen sind am 16.12.2021 beim Rechnungsprüfungsamt", size=11.8),
        line(224, "eingegangen. Die Maßnahme ist erforderlich, um die Sicherheit zu", size=11.5),
        line(238, "verbessern. Das Bauamt hat dabei die Kostenschätzung geprüft. Der", size=11.8),
        line(266, "Ortsteilrat Nordviertel wurde am 13.01.2025 über die Kostenschätzung", size=14.0),
        line(281, "informiert. Die Maßnahme ist erforderlich, da die Nachfrage steigt.", size=11.5),
    ]
    ctx = _cover(lines, profile="generic")
    assert ctx.fields.values["title"] == "Neubau einer Brücke über den Mühlenbach (148/13/46/22)"
    assert ctx.fields.values["originator"] == "Rechnungsprüfungsamt"
