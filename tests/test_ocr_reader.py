"""The generic reader on text as OCR reads it, with small hand-built lines and OCR words (no
OCR run): misread subject and type labels, exact labels before fuzzy ones, marks read as words,
specks read as punctuation, misread datelines, and lines that lost words to a dropped mark."""

from __future__ import annotations

import datetime as dt

from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.generic.heading import subject_title
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.ocr_doubt import warn_ocr_doubts
from ratsdoc.extract.ocr_noise import without_blobs, without_lone_marks, without_margin_marks
from ratsdoc.extract.sections import extract_resolution
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.models import BBox, Provenance
from ratsdoc.ocr.confidence import OcrDoubt
from ratsdoc.profile import bundled_profiles, compile_any
from ratsdoc.regions import Layout, PageInfo
from ratsdoc.text.dates import ocr_dateline

VOCAB = reader_vocabulary()


def line(top: float, text: str, *, x: float = 70.0, size: float = 11.0, page: int = 1) -> Line:
    """A line of words at ``top``: 0.5 x size per letter, gaps of a third of the size."""
    tokens = []
    for word in text.split():
        width = 0.5 * size * len(word)
        tokens.append(Token(word, x, top, x + width, top + size, size))
        x += width + size / 3
    return Line(page, tokens)


def test_a_label_misread_with_a_lost_letter_is_found() -> None:
    # "Beiref" is "Betreff" with one letter misread and one lost: the regex module found no
    # fuzzy match needing a deletion under full case folding.
    found = subject_title([line(100, "Beiref: Radweg Nord")], VOCAB, fuzzy=2)
    assert found is not None and found[0][0] == "Radweg Nord"
    assert compile_any(["Betreff"], anchored=True, fuzzy=2).match("Beiref: Radweg") is not None


def test_an_exact_label_wins_over_an_earlier_fuzzy_one() -> None:
    lines = [line(80, "Titol: Entwurf"), line(120, "Betreff: Radweg Nord")]
    found = subject_title(lines, VOCAB, fuzzy=2)
    assert found is not None and found[0][0] == "Radweg Nord"
    alone = subject_title(lines[:1], VOCAB, fuzzy=2)
    assert alone is not None and alone[0][0] == "Entwurf"


def test_a_subject_label_that_lost_its_first_letters_still_gives_the_title() -> None:
    # Seed-17 bv-scans 7 and 10: a stamp took "Betr" of "Betreff:" and worn toner "Th" of
    # "Thema:"; the title became the type line or its last line only.
    for label, x in (("eff:", 92.4), ("ema:", 83.5)):
        lines = [
            line(210, "Anfrage nach § 4 GO"),
            line(231, f"{label} Instandsetzung der Kindertagesstätte am Mühlgraben", x=x),
            line(246, "unter Beteiligung des Ortsteilrates Hochheim", x=x + 26),
        ]
        found = subject_title(lines, VOCAB, fuzzy=2)
        assert found is not None, label
        assert (
            found[0][0]
            == "Instandsetzung der Kindertagesstätte am Mühlgraben unter Beteiligung des Ortsteilrates Hochheim"
        )
    # At the left edge "Stand:" is a label of its own, not the tail of "Gegenstand:"; born-digital
    # text has no worn labels.
    lines = [line(200, "Anfrage nach § 4 GO"), line(231, "Stand: 12.03.2024")]
    assert subject_title(lines, VOCAB, fuzzy=2) is None
    assert subject_title([line(200, "Anfrage"), line(231, "eff: Radweg Nord", x=92)], VOCAB) is None


def test_a_subject_label_that_lost_its_middle_letters_still_gives_the_title() -> None:
    # Seed-31 bv-scan 7 and archive-scan 5: a mark hid "tre" of "Betreff:" ("Be   f:") and worn
    # toner "etre" ("B   ff:"); the title became its continuation lines only.
    for head, tail in (("Be", "f:"), ("B", "ff:")):
        lines = [
            line(196, "Antrag gemäß § 3 der"),
            Line(
                1, [*line(216, head).tokens, *line(216, f"{tail} Modernisierung der Stadthalle in der", x=112).tokens]
            ),
            line(231, "Hauptstraße unter Beteiligung des Ortsteilrates Südstadt", x=131),
        ]
        found = subject_title(lines, VOCAB, fuzzy=2)
        assert found is not None, head
        assert (
            found[0][0]
            == "Modernisierung der Stadthalle in der Hauptstraße unter Beteiligung des Ortsteilrates Südstadt"
        )
    # Without a gap wide enough for the lost letters, or with a short label's first and last
    # letters ("T   a:" of "Thema:"), the line is no subject.
    assert subject_title([line(216, "Be f: Modernisierung der Stadthalle")], VOCAB, fuzzy=2) is None
    gapped = Line(1, [*line(216, "T").tokens, *line(216, "a: Modernisierung der Stadthalle", x=100).tokens])
    assert subject_title([gapped], VOCAB, fuzzy=2) is None


def test_short_labels_allow_fewer_errors() -> None:
    # Two errors would make "Titel" of a letterhead's "Tel" and "hier" of any short word.
    assert subject_title([line(80, "Tel: 09131 86-0")], VOCAB, fuzzy=2) is None
    assert subject_title([line(80, "Wir: alle")], VOCAB, fuzzy=2) is None


def test_a_misread_type_label_gives_title_and_type() -> None:
    found = subject_title([line(100, "Anfrnge; Sanierung der Turnhalle")], VOCAB, fuzzy=2)
    assert found is not None
    assert found[0][0] == "Sanierung der Turnhalle" and found[1] == "Anfrage"
    assert subject_title([line(100, "Anfrnge: Sanierung")], VOCAB) is None
    # "Anlage" is two errors from "Anfrage": too many for a type of seven letters.
    assert subject_title([line(100, "Anlage: Lageplan")], VOCAB, fuzzy=2) is None


def _layout(lines: list[Line], doubts: list[OcrDoubt]) -> Layout:
    return Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1], ocr_doubts=doubts)


def test_a_mark_read_as_a_wide_unsure_word_is_left_out() -> None:
    title = line(200, "Antrag: Sanierung der Kindertagesstätte nach dem Beschluss vom")
    blob = Token("m", title.x1 + 4, 200, title.x1 + 38, 211, 11.0)
    title.tokens = (*title.tokens, blob)
    letterhead = line(40, "FDP-Fraktion im Stadtrat Würzburg")
    doubts = [OcrDoubt(1, blob.x0, 195, blob.x1, 215, "m", 0.0), OcrDoubt(1, 70, 40, 76, 51, "F", 30.0)]
    layout = without_blobs(_layout([letterhead, title], doubts))
    assert [ln.text for ln in layout.lines] == [
        "FDP-Fraktion im Stadtrat Würzburg",
        "Antrag: Sanierung der Kindertagesstätte nach dem Beschluss vom",
    ]
    # A short word read unsure but as wide as print is a misread word, not a mark: it stays.
    narrow = line(300, "Der Ortsteilrat Rieth")
    doubt = OcrDoubt(1, narrow.tokens[-1].x0, 300, narrow.tokens[-1].x1, 311, "Rieth", 20.0)
    assert without_blobs(_layout([narrow], [doubt])).lines == [narrow]


def test_a_speck_read_as_a_flat_unsure_word_is_left_out() -> None:
    # Seed-13 archive-scan variant 2: dust in the top margin read as "uuoa", 2 pt high, with no
    # confidence, stood first on the page and was taken for the letterhead; the sender was lost.
    speck = Line(1, [Token("uuoa", 141, 14, 157, 16, 1.7)])
    letterhead = line(42, "SPD-Fraktion in der Bezirksvertretung Mitte")
    text = line(300, "Der Ortsteilrat Rieth wurde informiert")
    doubts = [OcrDoubt(1, 141, 13.8, 157, 15.6, "uuoa", 0.0)]
    layout = without_blobs(_layout([speck, letterhead, text], doubts))
    assert [ln.text for ln in layout.lines] == [letterhead.text, text.text]
    # A small word of print read unsure stays: it is as high as the page's words.
    small = Line(1, [Token("gez.", 70, 500, 88, 509, 9.0)])
    kept = without_blobs(_layout([letterhead, small, text], [OcrDoubt(1, 70, 500, 88, 509, "gez.", 20.0)]))
    assert len(kept.lines) == 3


def test_punch_holes_read_in_the_left_margin_before_a_line_are_left_out() -> None:
    # Seed-17 scans: "5)" and "+ 4" read from punch holes and pen strokes stood before the
    # letterhead and became part of the sender ("+ 4 SPD-Fraktion Dortmund").
    body = [line(300 + 14 * k, "Der Ortsteilrat Rieth wurde am Montag informiert") for k in range(6)]
    hole = Line(1, [Token("5)", 21, 32, 54, 64, 32.0), *line(42, "Fraktion DIE LINKE in der Bezirksvertretung").words])
    marks = Line(1, [Token("+", 22, 41, 30, 59, 18.7), Token("4", 35, 41, 44, 59, 18.7)])
    marks.tokens = (*marks.tokens, *line(41, "SPD-Fraktion Dortmund", x=50).words)
    layout = without_margin_marks(_layout([hole, marks, *body], []))
    assert [ln.text for ln in layout.lines[:2]] == [
        "Fraktion DIE LINKE in der Bezirksvertretung",
        "SPD-Fraktion Dortmund",
    ]
    # A list's number hanging a little left of its text, a word in the margin and a born-digital
    # page stay as they are.
    numbered = Line(1, [Token("1.", 56, 200, 64, 211, 11.0), *line(200, "Die Verwaltung wird beauftragt").words])
    note = Line(1, [Token("BV", 20, 250, 34, 261, 11.0), *line(250, "Der Ortsteilrat Rieth").words])
    assert without_margin_marks(_layout([numbered, note, *body], [])).lines[:2] == [numbered, note]
    born_digital = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[hole, *body])
    assert without_margin_marks(born_digital) is born_digital
    # An item number whose box a speck in the margin widened reaches past the text's edge: it is
    # a word, not a mark (a seed-5 scanned Einladung: "10" from x 21 to 63, the text at x 50).
    widened = Line(1, [Token("10", 21, 400, 83, 411, 11.0), *line(400, "Genehmigung der Niederschrift", x=115).words])
    assert without_margin_marks(_layout([widened, *body], [])).lines[0].text == "10 Genehmigung der Niederschrift"


def test_a_misread_label_never_ends_inside_a_word() -> None:
    # Seed-17 scans: "Anlage nicht mehr den geltenden Vorschriften ..." wrapped to a line's start
    # is "Anlage/n:" with two errors ("Anlage n|icht"); the sentences after it became attachments.
    lines = [
        line(100, "Begründung:"),
        line(120, "Für die Schwimmhalle ist eine Schulwegsicherung vorgesehen, weil die"),
        line(140, "Anlage nicht mehr den geltenden Vorschriften entspricht."),
        line(180, "Anlaqe/n: Lageplan"),  # a misread label followed by its value stays one
    ]
    ctx = Context(layout=_layout(lines, []), profile=bundled_profiles()["generic"])
    assert not ctx.is_section_start(lines[2])
    found = ctx.find_label("attachments")
    assert found is not None and found[0] == 3


def test_a_request_formula_is_not_found_by_errors_at_its_end() -> None:
    # Seed-17 letter-request scans: "wir bitten Sie, folgenden ..." is "Wir bitten um" with "um"
    # deleted, and "Wir bitten um schriftliche Beantwortung" passed the formula's exclusion by an
    # inserted space; each became the paper's only proposal.
    for text in (
        "wir bitten Sie, folgenden Dringlichkeitsantrag der Fraktion auf die Tagesordnung zu setzen:",
        "Wir bitten um schriftliche Beantwortung bis zur Sitzung.",
    ):
        ctx = Context(layout=_layout([line(300, text)], []), profile=bundled_profiles()["letter"])
        extract_resolution(ctx)
        assert ctx.fields.values["resolution_proposal"] == [], text
    # A letter misread inside the formula is OCR's: the paragraph is the proposal.
    ctx = Context(
        layout=_layout([line(300, "Wlr bitten um Prüfung des Standorts.")], []), profile=bundled_profiles()["letter"]
    )
    extract_resolution(ctx)
    assert [item.text for item in ctx.fields.values["resolution_proposal"]] == ["Wlr bitten um Prüfung des Standorts."]


def test_a_mark_read_after_a_request_label_is_no_first_item() -> None:
    # Seed-19 letter-scan 2: a pen's mark after "wir fragen an:" read as "km" became item one.
    def items(label: str) -> list[str]:
        lines = [line(280, label), line(300, "Wie ist der Stand der Schulwegsicherung?")]
        ctx = Context(layout=_layout(lines, []), profile=bundled_profiles()["letter"])
        extract_resolution(ctx)
        return [item.text for item in ctx.fields.values["resolution_proposal"]]

    assert items("wir fragen an: km") == items("wir fragen an:") == ["Wie ist der Stand der Schulwegsicherung?"]
    # A first item after the label stays one.
    assert items("wir fragen an: Wann beginnt der Bau?")[0] == "Wann beginnt der Bau?"


def test_specks_read_as_punctuation_between_words() -> None:
    assert without_lone_marks("einschließlich . der Planung") == "einschließlich der Planung"
    assert without_lone_marks("Radweg Nord ‘") == "Radweg Nord"
    assert without_lone_marks("© Fraktion BÜNDNIS 90/DIE GRÜNEN") == "Fraktion BÜNDNIS 90/DIE GRÜNEN"
    assert without_lone_marks("Ausbau Nord, 2. Abschnitt.") == "Ausbau Nord, 2. Abschnitt."


def test_datelines_as_ocr_reads_them() -> None:
    assert ocr_dateline("rlangen, 21.10.2022") == dt.date(2022, 10, 21)
    assert ocr_dateline("Würzburg, den O7.O3.2O22") == dt.date(2022, 3, 7)
    assert ocr_dateline("Fürth, den 3. Marz 2024") == dt.date(2024, 3, 3)
    # Seed-13 archive-scan variant 1: the comma read with a speck, no space before "den".
    assert ocr_dateline("Fürttı,.den 9. Mai 2022") == dt.date(2022, 5, 9)
    for text in ("vom 12.03.2024", "eingegangen 12. MRZ 2024", "12. MRZ 2024", "Die Sitzung am 3.5.2024 ist"):
        assert ocr_dateline(text) is None, text


def test_the_date_of_a_letter_on_a_scan() -> None:
    lines = [
        line(40, "Fraktion DIE LINKE im Stadtrat Erlangen"),
        line(88, "rlangen, 2l.1O.2022", x=430),
        line(200, "Anfrage: Sanierung der Musikschule"),
        line(250, "Sehr geehrter Herr Oberbürgermeister,"),
    ]
    ctx = Context(layout=_layout(lines, []), profile=bundled_profiles()["letter"])
    extract_cover(ctx)
    assert ctx.fields.values["date"] == dt.date(2022, 10, 21)
    born_digital = Context(
        layout=Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines), profile=bundled_profiles()["letter"]
    )
    extract_cover(born_digital)
    assert born_digital.fields.values["date"] is None


def _with_originator(region: OcrDoubt) -> Context:
    layout = _layout([], [region])
    ctx = Context(layout=layout, profile=bundled_profiles()["letter"])
    ctx.fields.values["originator"] = "Wähler im Stadtrat Fürth"
    ctx.fields.provenance["originator"] = [Provenance(page=1, bbox=BBox(x0=165, top=42, x1=305, bottom=52))]
    return ctx


def test_a_line_that_lost_words_to_a_dropped_mark_is_warned() -> None:
    ctx = _with_originator(OcrDoubt(1, 69, 38, 157, 69, "", 0.0))  # a pen stroke over "Fraktion Freie"
    warn_ocr_doubts(ctx)
    assert {(i.code, i.field) for i in ctx.fields.warnings} == {
        (IssueCode.VALUE_UNCERTAIN, "originator"),
        (IssueCode.VALUE_UNCERTAIN, "faction"),  # told from the originator's line, which lost words
    }
    for elsewhere in (OcrDoubt(1, 69, 120, 157, 140, "", 0.0), OcrDoubt(1, 400, 38, 480, 69, "", 0.0)):
        ctx = _with_originator(elsewhere)  # another line's band; far beyond the line's end
        warn_ocr_doubts(ctx)
        assert ctx.fields.warnings == []


def test_a_short_profile_label_is_matched_with_few_errors() -> None:
    # The generic profile's signature label "gez." took any running line with "ge" in it as the
    # signature line on a scan, and the date of its sentence as the paper's date.
    signature = compile_any([r".*\bgez\.", r"Datum,\s*Unterschrift"], anchored=True, fuzzy=2)
    assert signature.match("Landes informiert. Die Kosten der Gehwegbeleuchtung betragen") is None
    assert signature.match("Erfurt, 09.01.2023 gez. Müller") is not None
    assert signature.match("Datum, Unterschnft") is not None
