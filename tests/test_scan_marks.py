"""Scanned letters whose head an intake office and a reader marked (``generate_variants.py
--scan-marks heavy``): a stamp on the date line or the subject, handwritten notes in the margins,
over and between the head lines. The paper's date, title and type are the printed ones."""

from __future__ import annotations

from dataclasses import replace

from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.pen_notes import leading_note, trailing_note, without_pen_notes
from ratsdoc.extract.review import review_fields
from ratsdoc.extract.scan_datelines import dateline_date, placed_date
from ratsdoc.layout.lines import Line, Token
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .test_archive_scan import _cover, _head
from .test_generic_reader import line


def test_a_dateline_with_its_place_is_the_papers_also_under_a_stamps_word() -> None:
    # Seed-53 bv-scan 8: the stamp's "EINGANG 22.07.2025" just above the printed dateline made
    # both stamp dates, and the paper had none.
    lines = _head("Erneuerung der Stadthalle am Marktplatz im Ortsteil Rieth")
    lines[2] = line(88, "Fürth, 23.07.2025", x=420)
    lines.insert(2, line(72, "EINGANG 22.07.2025", x=455))
    assert str(_cover(lines).fields.values["date"]) == "2025-07-23"
    # The stamp's word alone over a date without a place still makes it the stamp's.
    lines[3] = line(88, "23.07.2025", x=470)
    lines[2] = line(72, "EINGANG", x=470)
    assert _cover(lines).fields.values["date"] is None


def test_a_lone_date_above_a_dateline_with_its_place_is_not_the_papers() -> None:
    # A stamp's "24. Jan. 2012" whose word OCR lost stands above the printed dateline.
    lines = _head("Sanierung der Sporthalle in der Bergstraße")
    lines[2] = line(96, "Köln, den 06.09.2022", x=410)
    lines.insert(2, line(76, "24. Jan. 2012", x=440))
    assert str(_cover(lines).fields.values["date"]) == "2022-09-06"
    # Born-digital, the first dateline is read as before.
    assert str(_cover(lines, ocr=False).fields.values["date"]) == "2012-01-24"


def test_separators_a_pen_or_speck_changed_are_set_right_in_a_dateline() -> None:
    # Seed-53 bv-scan 10 and letter-scan 9: "11.07:2024", "Erlangen;:den".
    assert str(dateline_date("Ansbach, 11.07:2024")) == "2024-07-11"
    assert str(dateline_date("Erlangen;:den 17.05.2022")) == "2022-05-17"
    assert str(placed_date("Bad Neustadt an der Saale, 12.03.2024")) == "2024-03-12"
    assert placed_date("EINGANG 22.07.2025") is None and placed_date("Eingang 24. Jan. 2012") is None
    assert placed_date("vom 23.05.2025") is None and dateline_date("11:07 2024") is None
    lines: list[Line] = _head("Umgestaltung der Stadtbibliothek am Mühlgraben")
    lines[2] = line(88, "Erlangen;:den 17.05.2022", x=417)
    assert str(_cover(lines).fields.values["date"]) == "2022-05-17"


def _read(lines: list[Line]) -> Context:
    """The cover fields read from ``lines`` of an OCRed page 1 after the pen's notes were taken
    out of the layout, as the pipeline does."""
    layout = without_pen_notes(Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1]))
    ctx = Context(layout=layout, profile=bundled_profiles()["letter"])
    extract_cover(ctx)
    return ctx


def _with_note(printed: Line, note: str, x: float, drop: float) -> Line:
    """``printed`` with a pen's ``note`` at ``x``, its letters ``drop`` points lower than the print."""
    written = line(printed.top + drop, note, x=x, size=printed.size)
    return Line(printed.page, [*printed.tokens, *written.tokens])


def test_a_pen_note_beside_the_subject_line_is_left_out_of_the_title() -> None:
    # Seed-53 letter-scan 4 and 11: "erl" and "wv" written right of the subject, read into it.
    lines = _head("Erneuerung der Schwimmhalle in der Bergstraße")
    title = len(lines) - 3
    lines[title] = _with_note(lines[title], "erl", x=lines[title].x1 + 30, drop=7.0)
    assert _read(lines).fields.values["title"] == "Erneuerung der Schwimmhalle in der Bergstraße"
    # Print after a wide gap on the same baseline stays (a stamp's word there is another rule's).
    lines[title] = _with_note(Line(1, lines[title].tokens[:-1]), "Nord", x=lines[title].x1 + 30, drop=0.0)
    assert _read(lines).fields.values["title"] == "Erneuerung der Schwimmhalle in der Bergstraße Nord"


def test_print_cut_by_a_mark_beside_the_title_is_no_pen_note() -> None:
    # Dev seed 17 letter-scan 5: "Beteitie" (the upper half of "Beteiligung" under a stroke)
    # ends higher than the print beside it, but starts where it starts: print, kept.
    printed = line(217, "Anfrage: Modernisierung der Sporthalle in der Rosengasse unfer")
    end = printed.x1
    cut = Token("Beteitie", end + 20, 217, end + 47, 222, 11.0)
    assert trailing_note(Line(1, [*printed.tokens, cut])) == []
    lowered = Token("wv", end + 20, 221, end + 34, 231.5, 11.0)
    assert [t.text for t in trailing_note(Line(1, [*printed.tokens, lowered]))] == ["wv"]


def test_a_title_line_whose_start_a_stamp_hid_is_read_and_warned() -> None:
    # Seed-53 bv-scan 8: "Gothaer" under a stamp, the second title line began at "Straße" and the
    # title ended silently before it; the third line, aligned again, shows the title goes on.
    lines = _head("Erneuerung der Stadthalle")
    at = len(lines) - 3
    lines[at : at + 1] = [
        line(231, "Betreff: Erneuerung der Stadthalle am Marktplatz im Ortsteil Rieth zwischen Lessingplatz und"),
        line(246, "Straße die Regenrückhaltebecken und Ergänzung", x=150),
        line(261, "um eine Friedhofsmauer", x=122),
    ]
    ctx = _cover(lines)
    assert ctx.fields.values["title"].endswith(
        "und Straße die Regenrückhaltebecken und Ergänzung um eine Friedhofsmauer"
    )
    review_fields(ctx)
    assert any(issue.field == "title" for issue in ctx.fields.warnings)


def test_a_title_line_of_digits_only_goes_on_with_the_title() -> None:
    # Seed-53 letter-scan 7: OCR measured the title's last line "15.05.2023" by its digits'
    # height (6.7 pt under 9.8 pt print), so the usual gap above it looked like a paragraph's.
    lines = _head("Erneuerung der Stadthalle")
    at = len(lines) - 3
    lines[at : at + 1] = [
        line(211, "Anfrage: Barrierefreie Erschließung der Musikschule in der Bergstraße nach dem Beschluss vom"),
        line(227.5, "15.05.2023", x=122.0, size=6.7),
    ]
    assert _cover(lines).fields.values["title"].endswith("nach dem Beschluss vom 15.05.2023")


def test_a_dateline_whose_place_a_stamp_hid_keeps_its_date() -> None:
    # Dev seed 57 letter-scan 4 and 12: "‚den 10.03.2023", "den 27.06.2024" (the place under a
    # stamp); "am" alone before a date is a note's ("BV 4 am 30.07.2024" that lost its number).
    assert str(dateline_date("‚den 10.03.2023")) == "2023-03-10"
    assert dateline_date("am 30.07.2024") is None and dateline_date("den 12.03.2024 wurde") is None
    lines = _head("Erneuerung der Seniorenbegegnungsstätte in der Gothaer Straße")
    lines[2] = Line(1, [*line(84, "4 am 30.07.2024", x=294).tokens, *line(84, "den 27.06.2024", x=454).tokens])
    assert str(_cover(lines).fields.values["date"]) == "2024-06-27"


def test_a_subject_line_split_by_a_stamp_keeps_its_end_and_is_warned() -> None:
    # Dev seed 57 bv-scan 9 (read with the generic profile): a stamp over "Bahnhofstraße" split
    # the labelled line in two; the title kept the first part only and said nothing.
    lines = _head("Erneuerung der Stadthalle")
    at = len(lines) - 3
    subject = line(231, "Betreff: Neubau der Stadtbibliothek in der Ba")
    lines[at : at + 1] = [
        Line(1, [*subject.tokens, *line(231, "äße und Ergänzung um eine", x=subject.x1 + 40).tokens]),
        line(246, "Baumpflanzung", x=subject.words[1].x0),
    ]
    ctx = _cover(lines, profile="generic")
    assert ctx.fields.values["title"] == "Neubau der Stadtbibliothek in der Ba äße und Ergänzung um eine Baumpflanzung"
    review_fields(ctx)
    assert any(issue.field == "title" for issue in ctx.fields.warnings)


def test_a_gap_in_a_title_line_a_pen_made_tall_is_warned() -> None:
    # Dev seed 57 letter-scan 10: "Kunsthalle" lost its end under a mark; a tick through the line
    # made its box 25 pt tall, and the 36 pt gap before "am" looked like a word space.
    lines = _head("Erneuerung der Stadthalle")
    at = len(lines) - 3
    printed = line(214, "Antrag: Barrierefreie Erschließung der Kunst", size=9.0)
    tick = Token("/", 50, 204, 61, 230, 26.0)
    lines[at : at + 1] = [
        Line(1, [tick, *printed.tokens, *line(214, "am Marktplatz", x=printed.x1 + 36, size=9.0).tokens])
    ]
    ctx = _cover(lines)
    assert ctx.fields.values["title"].endswith("der Kunst am Marktplatz")
    review_fields(ctx)
    assert any(issue.field == "title" for issue in ctx.fields.warnings)


def test_print_in_a_column_beside_the_title_is_no_pen_note() -> None:
    # fixtures/scans 0112/23: "öffentlich" in the cover's right column, on its own baseline
    # beside the title's line, was taken for a note and the paper lost its public state.
    rows = [
        Line(1, [*line(40, "Fraktion BÜNDNIS 90/ DIE GRÜNEN").tokens, *line(46, "Drucksache 0112/23", x=383).tokens]),
        line(65, "Stadtrat", x=383),
        line(79, "Entscheidungsvorlage", x=383),
        line(86, "Teilnahme an Modellprojekt"),
        Line(
            1, [*line(100, "Allianzen und Strategien gegen Rassismus").tokens, *line(106.5, "öffentlich", x=382).tokens]
        ),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=rows, ocr_pages=[1])
    assert trailing_note(rows[-1]) and without_pen_notes(layout) is layout


def test_a_tilted_stamps_words_close_after_the_type_line_are_left_out() -> None:
    # Dev seed 57 bv-scan 7: "zirksvertretund West" of a tilted stamp stood 1.25 sizes after the
    # type line, lower by a third of a line, and joined the paper's type.
    printed = Line(
        1,
        [
            Token(w, x, 218.6, x1, 230.7, 12.1)
            for w, x, x1 in (
                ("Antrag", 70, 110),
                ("gem.", 113, 139),
                ("§", 143, 149),
                ("3", 153, 159),
                ("der", 163, 181),
                ("Geschäftsordnu", 185, 272),
            )
        ],
    )
    stamp = [Token("zirksvertretund", 287, 222.9, 353, 239.6, 12.1), Token("West", 357, 222.9, 378, 239.6, 12.1)]
    assert [t.text for t in trailing_note(Line(1, [*printed.tokens, *stamp]))] == ["zirksvertretund", "West"]


def test_a_pen_note_beside_the_title_is_found_when_one_print_word_sits_deeper() -> None:
    # Dev seed 53 letter-scan 11: "Wv. 25.7." beside the title's last line was read "25 2."; a
    # speck under "dem" made that word's box 3 pt deeper, and the print was taken for no line of
    # one baseline, so the note stayed in the title.
    printed = line(218.2, "Ortsteilrates Marbach nach dem Beschluss vom 16.11.2022", size=7.2)
    words = list(printed.tokens)
    words[3] = replace(words[3], bottom=words[3].bottom + 3.1)
    note = [Token("25", 481, 211.7, 494, 221.3, 9.6), Token("2.", 496, 213.4, 507, 221.8, 8.4)]
    assert [t.text for t in trailing_note(Line(1, [*words, *note]))] == ["25", "2."]
    # Two words off the baseline are no single speck: no line of print to measure against.
    words[2] = replace(words[2], bottom=words[2].bottom + 3.1)
    assert trailing_note(Line(1, [*words, *note])) == []


def test_a_pen_note_read_into_the_start_of_the_dateline_is_left_out_of_it() -> None:
    # Dev seed 53 letter-scan 11: "BV 7 am 25.07.2024 TOP" written left of and above the dateline;
    # "am 25.07.2024 T" was read into it, and the paper's date was lost to the note's.
    note = [
        Token("am", 309, 81.1, 326, 89.0, 7.9),
        Token("25.07.2024", 334, 80.9, 398, 94.6, 13.7),
        Token("T", 407, 83.0, 413, 90.5, 7.4),
    ]
    dateline = line(90.0, "Ansbach, den 24.06.2024", x=418, size=10.0)
    assert [t.text for t in leading_note(Line(1, [*note, *dateline.tokens]))] == ["am", "25.07.2024", "T"]
    lines = _head("Energetische Sanierung der Grundschule in der Uferstraße")
    lines[2] = Line(1, [*note, *dateline.tokens])
    assert str(_read(lines).fields.values["date"]) == "2024-06-24"
    # Words on the print's baseline before it are print ("Köln, den" of a dateline).
    assert leading_note(line(90.0, "Ansbach, den 24.06.2024", x=380, size=10.0)) == []


def test_a_label_a_tick_made_tall_is_no_pen_note_before_the_title() -> None:
    # Dev seed 53 letter-scan 4: a tick through "Anfrage:" made its box grow up and down; with
    # its descender it looked shifted as a note is, and the paper lost its type.
    label = Token("Anfrage:", 56, 193.4, 122, 217.2, 23.8)
    title = line(203.0, "Erneuerung der Schwimmhalle in der Bergstraße", x=128, size=8.0)
    assert leading_note(Line(1, [label, *title.tokens])) == []
    # The same word raised whole, its descender with it, is a note's.
    raised = Token("Anfrage:", 56, 194.0, 100, 204.0, 8.0)
    assert leading_note(Line(1, [raised, *title.tokens])) == [raised]


def test_a_date_whose_year_lost_its_end_under_a_stamp_is_warned() -> None:
    # Dev seed 61 letter-scan 7: a stamp's frame over the "22" of "19.08.2022" left "19.08.20",
    # a date of 2020 that no check named.
    lines = _head("Instandsetzung der Kunsthalle am Kirchweg")
    lines[2] = line(88, "Regensburg, den 19.08.20", x=388, size=10.3)
    ctx = _read(lines)
    review_fields(ctx)
    assert any(issue.field == "date" and "year" in issue.message for issue in ctx.fields.warnings)
    # A year in full is not warned for its first digits.
    lines[2] = line(88, "Regensburg, den 19.08.2022", x=388, size=10.3)
    ctx = _read(lines)
    review_fields(ctx)
    assert str(ctx.fields.values["date"]) == "2022-08-19"
    assert not any(issue.field == "date" for issue in ctx.fields.warnings)


def test_print_of_another_row_joined_before_a_stamps_words_is_no_pen_note() -> None:
    # Dev seed 61 bv-scan: a stamp's "Bezirksamt Mitte" beside the letterhead, 6 pt lower, made
    # the print before it ("SPD-Fraktion im Stadtrat") look shifted against it; its words keep
    # one baseline among themselves, as print does and a hand does not.
    sender = line(42.5, "SPD-Fraktion im Stadtrat", size=12.0)
    stamp = line(48.5, "Bamberg Bezirksamt Miittt", x=sender.x1 + 4, size=12.0)
    assert leading_note(Line(1, [*sender.tokens, *stamp.tokens])) == []
