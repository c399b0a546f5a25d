"""Title, type and date of scanned papers read from OCR text: a type line OCR misread, and the
warnings for a two-line title that lost words to a mark or has a word broken into letters."""

from __future__ import annotations

from ratsdoc.extract.context import Context, Fields
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.generic.appended import without_appended
from ratsdoc.extract.generic.heading import subject_title
from ratsdoc.extract.generic.letter_fields import type_from_lines
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.ocr_doubt import cut_by, warn_ocr_doubts
from ratsdoc.extract.ocr_noise import tidy_ocr_values
from ratsdoc.extract.ocr_type import repair_type_line
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.models import BBox, Provenance
from ratsdoc.ocr.confidence import OcrDoubt
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .test_generic_reader import line

VOCAB = reader_vocabulary()


def test_a_misread_type_line_gives_the_type_on_scans_only() -> None:
    for text, kind in (
        ("Anfrnge gern. § 4 der Geschäftsordnung", "Anfrage"),
        ("Anfraqe der SPD-Fraktion", "Anfrage"),
        ("Antraq nach 8 3 GO", "Antrag"),
    ):
        lines = [line(100, text, bold=True), line(120, "Betreff: Radweg an der Uferstraße")]
        assert type_from_lines(lines, VOCAB) is None
        found = type_from_lines(lines, VOCAB, ocr=True)
        assert found is not None and found[0] == kind, text


def test_running_text_is_no_misread_type_line() -> None:
    for text in ("Anfragen der Verwaltung liegen vor", "Position der Fraktion zum Radweg", "Antrng: Radweg"):
        assert type_from_lines([line(100, text)], VOCAB, ocr=True) is None, text


def test_a_mark_over_one_line_of_a_two_line_title_cuts_it() -> None:
    # The title's box spans two lines (212-237 pt); the dropped stamp region covers the first
    # line's right half (208-225 pt), less than half of the box's height.
    title = Provenance(page=1, bbox=BBox(x0=112.6, top=212.5, x1=483.3, bottom=237.0))
    stamp = OcrDoubt(page=1, x0=284.8, top=208.2, x1=389.7, bottom=224.6, text="", confidence=0.0)
    assert cut_by(stamp, title)
    # A region a line below the title's box does not.
    below = OcrDoubt(page=1, x0=284.8, top=236.0, x1=389.7, bottom=252.0, text="", confidence=0.0)
    assert not cut_by(below, title)


def test_a_type_line_read_by_ocr_is_set_right() -> None:
    types = ["Antrag", "Anfrage", "Kleine Anfrage"]
    for misread, right in (
        ("Anfrage gem. 8 4 der Geschäftsordnung", "Anfrage gem. § 4 der Geschäftsordnung"),
        ("Anfrnge gern. 8 4 der Geschäftsordnung", "Anfrage gem. § 4 der Geschäftsordnung"),
        ("Antraq nach S 3 GO", "Antrag nach § 3 GO"),
        ("Anfrage gem. 5 4 der Geschäftsordnung", "Anfrage gem. § 4 der Geschäftsordnung"),
        ("Anfrage gem. 4 der Geschäftsordnung", "Anfrage gem. § 4 der Geschäftsordnung"),
        ("Antrag gemäß 3 3 der Geschäftsordnung", "Antrag gemäß § 3 der Geschäftsordnung"),
        ("Antrag gemäß §3 GO", "Antrag gemäß §3 GO"),
        # "84" may be the rule's number: the sign is put before it, the number kept.
        ("Anfrage gem. 84 der GO", "Anfrage gem. § 84 der GO"),
        ("Kleine Anfrage nach 8 9 GeschO", "Kleine Anfrage nach § 9 GeschO"),
        # The sign dropped after "nach" (seed-17 bv-scan-010 read "Anfrage nach 4 GO").
        ("Anfrage nach 4 GO", "Anfrage nach § 4 GO"),
        ("Antrag nach 12 der Geschäftsordnung", "Antrag nach § 12 der Geschäftsordnung"),
    ):
        assert repair_type_line(misread, types) == right
    # No rule, no type, a number that is no rule's: as read.
    for text in (
        "Anfrage der SPD-Fraktion",
        "Radweg gem. 8 4",
        "Antrag nach 8 Wochen",
        "Antrag nach 4 Wochen",
    ):
        assert repair_type_line(text, types) == text


def test_the_cover_reads_a_misread_qualified_type_on_scans_only() -> None:
    lines = [
        line(60, "SPD-Fraktion in der Bezirksvertretung Nord", bold=True),
        line(100, "Anfrage gem. 8 4 der Geschäftsordnung", bold=True),
        line(120, "Betreff: Radweg an der Uferstraße"),
        line(150, "Sehr geehrte Damen und Herren,"),
    ]
    scanned = _cover(lines, ocr=True)
    assert scanned.values["document_type"] == "Anfrage gem. § 4 der Geschäftsordnung"
    assert _cover(lines, ocr=False).values["document_type"] == "Anfrage gem. 8 4 der Geschäftsordnung"


def _cover(lines: list[Line], *, ocr: bool) -> Fields:
    """The cover fields the letter profile reads from ``lines`` (page 1 OCRed with ``ocr``)."""
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()["letter"])
    extract_cover(ctx)
    return ctx.fields


def _fields(values: dict[str, str], *, ocr: bool) -> Context:
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[], ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    for name, value in values.items():
        ctx.fields.values[name] = value
        ctx.fields.provenance[name] = [Provenance(page=1, bbox=BBox(x0=70, top=100, x1=400, bottom=112))]
    return ctx


def test_a_word_broken_into_letters_under_a_stamp_is_warned_on_scans() -> None:
    # Tesseract read "Feuerwache in der" under a stamp as "F i r", with confidence: no unsure
    # word to warn of, but the letters standing apart are a misreading.
    ctx = _fields({"title": "Barrierefreie Erschließung der F i r Weimarische Straße"}, ocr=True)
    warn_ocr_doubts(ctx)
    (issue,) = [i for i in ctx.fields.warnings if i.code is IssueCode.VALUE_UNCERTAIN]
    assert issue.field == "title" and "'F i r'" in issue.message
    ctx = _fields({"title": "Ausbau i Bahnhofstraße"}, ocr=True)
    warn_ocr_doubts(ctx)
    assert [i.field for i in ctx.fields.warnings] == ["title"]
    # Born-digital text, and titles whose letters stand apart by right: no warning.
    for values, ocr in (
        ({"title": "Ausbau i Bahnhofstraße"}, False),
        ({"title": "Kreuzung B 8 / L 1140, Abschnitt A und B"}, True),
        ({"title": "Änderung nach § 24 a GO, 3 x täglich, z. B. Linie 5"}, True),
    ):
        ctx = _fields(values, ocr=ocr)
        warn_ocr_doubts(ctx)
        assert not ctx.fields.warnings, values


def test_a_logo_read_as_letters_is_no_letterhead_sender() -> None:
    # A logo above the letterhead, read by OCR as "ur" at the page's top edge.
    lines = [
        line(0, "ur", x=61),
        line(42, "Fraktion DIE LINKE in der Bezirksvertretung Rheinufer", bold=True),
        line(100, "Anfrage der Fraktion DIE LINKE", bold=True),
        line(120, "Betreff: Radweg an der Uferstraße"),
        line(150, "Sehr geehrte Damen und Herren,"),
    ]
    fields = _cover(lines, ocr=True)
    assert fields.values["originator"] == "Fraktion DIE LINKE in der Bezirksvertretung Rheinufer"


def test_a_pen_stroke_after_the_title_and_a_dotless_i_are_tidied_on_scans() -> None:
    title = "Erschließung unter Beteiligung des Ortsteılrates Altstadt -"
    ctx = _fields({"title": title, "originator": "Fraktion Aydın -"}, ocr=True)
    tidy_ocr_values(ctx)
    assert ctx.fields.values["title"] == "Erschließung unter Beteiligung des Ortsteilrates Altstadt"
    assert ctx.fields.values["originator"] == "Fraktion Aydın"  # a name may be written so
    # A dash between words stays ("Radweg – Nord"), and born-digital text is as printed.
    ctx = _fields({"title": "Radweg – Nord"}, ocr=True)
    tidy_ocr_values(ctx)
    assert ctx.fields.values["title"] == "Radweg – Nord"
    ctx = _fields({"title": title}, ocr=False)
    tidy_ocr_values(ctx)
    assert ctx.fields.values["title"] == title


def test_a_type_line_split_where_ocr_dropped_its_sign_is_read_whole() -> None:
    # "§" dropped as a mark left a gap wide enough to split the line into two segments.
    split = Line(1, [*line(100, "Anfrage gem.", bold=True).words, *line(100, "4 der Geschäftsordnung", x=200).words])
    assert len(split.segments()) == 2
    lines = [
        line(42, "SPD-Fraktion in der Bezirksvertretung Nord", bold=True),
        split,
        line(120, "Betreff: Radweg an der Uferstraße"),
        line(150, "Sehr geehrte Damen und Herren,"),
    ]
    assert _cover(lines, ocr=True).values["document_type"] == "Anfrage gem. § 4 der Geschäftsordnung"


def test_a_stamp_beside_the_subject_is_not_taken_into_the_title() -> None:
    subject = line(120, "Betreff: Radweg an der Uferstraße")
    stamp = line(120, "Stadt Nord EINGANG 12. MRZ 2024", x=400)
    lines = [
        line(100, "Anfrage der SPD-Fraktion", bold=True),
        Line(1, [*subject.words, *stamp.words]),
        Line(1, [*line(134, "und am Stadtpark", x=112).words, *line(134, "eingegangen", x=420).words]),
        line(170, "Sehr geehrte Damen und Herren,"),
    ]
    found = subject_title(lines, VOCAB)
    assert found is not None and found[0][0] == "Radweg an der Uferstraße und am Stadtpark"
    # A date inside the subject, in its own words, stays.
    inside = [line(120, "Betreff: Beschluss vom 12. MRZ 2024 zur Uferstraße"), line(170, "Sehr geehrte Damen,")]
    found = subject_title(inside, VOCAB)
    assert found is not None and found[0][0] == "Beschluss vom 12. MRZ 2024 zur Uferstraße"


def test_the_paper_before_an_appended_answer_keeps_its_ocr_doubts() -> None:
    # Without them the title of an Anfrage with its answer appended lost its warnings.
    letter = [
        line(200, "Anfrage: Radweg Nordstrafse"),
        line(700, "Mit freundlichen Grüßen"),
        line(740, "Anna Meier"),
    ]
    answer = [line(60, "Stadt Würzburg · Der Oberbürgermeister", page=2), line(150, "Antwort der Verwaltung", page=2)]
    doubt = OcrDoubt(page=1, x0=150, top=201, x1=220, bottom=211, text="Nordstrafse", confidence=30.0)
    layout = Layout(
        pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)],
        lines=letter + answer,
        ocr_pages=[1, 2],
        ocr_doubts=[doubt],
    )
    kept, found = without_appended(layout)
    assert found is not None and found[0] == 2
    assert kept.ocr_doubts == [doubt] and kept.ocr_pages == [1, 2] and len(kept.lines) == 3


def test_an_unsure_word_with_a_dotless_i_still_warns_after_the_title_is_tidied() -> None:
    ctx = _fields({"title": "Beteiligung des Ortsteılrates Aitstadt"}, ocr=True)
    ctx.layout.ocr_doubts.append(
        OcrDoubt(page=1, x0=200, top=101, x1=260, bottom=111, text="Ortsteılrates", confidence=54.0)
    )
    tidy_ocr_values(ctx)
    warn_ocr_doubts(ctx)
    assert ctx.fields.values["title"] == "Beteiligung des Ortsteilrates Aitstadt"
    assert [(i.code, i.field) for i in ctx.fields.warnings] == [(IssueCode.VALUE_UNCERTAIN, "title")]


def test_the_subjects_own_date_is_no_dateline_when_a_stamp_hid_the_real_one() -> None:
    lines = [
        line(42, "Fraktion DIE LINKE im Stadtrat Erlangen", bold=True),
        line(88, "rlangen, den 18.0&%2022", x=410),  # the dateline under a stamp
        line(214, "Antrag: Umgestaltung der Musikschule am Marktplatz nach dem Beschluss vom", bold=True),
        line(229, "27.05.2024", x=112, bold=True),
        line(260, "Sehr geehrter Herr Oberbürgermeister,"),
        line(283, "wir beantragen:"),
    ]
    fields = _cover(lines, ocr=True)
    assert fields.values["title"] == "Umgestaltung der Musikschule am Marktplatz nach dem Beschluss vom 27.05.2024"
    assert fields.values["date"] is None
    # With its dateline readable the paper has its date.
    lines[1] = line(88, "Erlangen, den 18.08.2022", x=410)
    assert str(_cover(lines, ocr=True).values["date"]) == "2022-08-18"


def test_a_labelled_title_goes_on_past_a_stamps_remnant_and_leaves_the_stamp_out() -> None:
    subject = line(204, "Antrag: Erweiterung der Stadthalle am Kirchweg und Ergänzung um eine", bold=True)
    lines = [
        line(42, "AfD-Fraktion im Stadtrat Würzburg", bold=True),
        line(88, "Würzburg, den 23.05.2022", x=400),
        subject,
        line(212, "2022", x=424),  # what OCR kept of the stamp's date, between the subject's lines
        Line(
            1,
            [*line(218, "Gehwegbeleuchtung am Stadtpark", x=112, bold=True).words, *line(218, "EINGANG", x=430).words],
        ),
        line(250, "Sehr geehrter Herr Oberbürgermeister,"),
    ]
    fields = _cover(lines, ocr=True)
    assert fields.values["title"] == (
        "Erweiterung der Stadthalle am Kirchweg und Ergänzung um eine Gehwegbeleuchtung am Stadtpark"
    )
    assert str(fields.values["date"]) == "2022-05-23"
