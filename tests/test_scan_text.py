"""The running text and the head of scanned letters: paragraph breaks measured as printed, not as
inked; an announcement on a line a mark stretched; a closing formula a pen stroke cut; an answer
appended after an unreadable closing; stamp and pen remnants read as words; a type line whose
"§" stands apart; a body a misread request sentence names."""

from __future__ import annotations

from ratsdoc.extract.context import Context
from ratsdoc.extract.generic.appended import appended_start
from ratsdoc.extract.generic.opening import leading_announcement
from ratsdoc.extract.generic.request import fill_from_request
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.items import GENERIC, split_number
from ratsdoc.extract.ocr_doubt import warn_ocr_doubts
from ratsdoc.extract.ocr_strays import without_boxes_in_text, without_strays
from ratsdoc.extract.ocr_type import type_segment
from ratsdoc.extract.paragraph_breaks import even_bands
from ratsdoc.extract.sections import extract_justification
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.marks import BoxMark
from ratsdoc.ocr.confidence import OcrDoubt
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .test_generic_reader import line

TYPES = bundled_profiles()["letter"].document_types
VOCAB = reader_vocabulary()


def _scan(lines: list[Line], doubts: list[OcrDoubt] | None = None, pages: int = 1) -> Context:
    """A context over ``lines`` whose pages were all read by OCR, with the letter profile."""
    layout = Layout(
        pages=[PageInfo(n, 595.0, 842.0) for n in range(1, pages + 1)],
        lines=lines,
        ocr_pages=list(range(1, pages + 1)),
        ocr_doubts=doubts or [],
    )
    return Context(layout=layout, profile=bundled_profiles()["letter"])


def _inked(top: float, text: str, height: float) -> Line:
    """A line of 11 pt print whose OCR box is ``height`` high (the band of its ink)."""
    found = line(top, text, size=11.0)
    return Line(1, [t.__class__(t.text, t.x0, t.top, t.x1, t.top + height, t.size) for t in found.tokens])


def test_a_line_without_descenders_does_not_break_a_scanned_list() -> None:
    # Regression (letter-request scans, seed 17): the second item's last line has no descender,
    # so its box ended 4 pt higher and the space under it read as a paragraph's: "\n\n3.".
    lines = [
        line(100, "Antrag: Radweg Nord", bold=True),
        line(130, "Sehr geehrter Herr Oberbürgermeister,"),
        _inked(160, "Für den Radweg ist eine Querungshilfe vorgesehen, weil die", 12.0),
        _inked(177, "Nachfrage gestiegen ist.", 12.0),
        _inked(204, "1. Die Verwaltung wird beauftragt, die Planung bis zum", 12.0),
        _inked(221, "Jahresende vorzulegen.", 12.0),
        _inked(238, "2. Die Lärmschutzwand ist noch in diesem Jahr", 12.0),
        _inked(255, "umzusetzen.", 8.0),
        _inked(272, "3. Die Mittel werden im Haushalt 2028 bereitgestellt.", 12.0),
        line(310, "Mit freundlichen Grüßen"),
    ]
    ctx = _scan(lines)
    extract_justification(ctx)
    text = ctx.fields.values["justification"]
    assert "umzusetzen.\n3. Die Mittel" in text
    assert "Nachfrage gestiegen ist.\n\n1. Die Verwaltung" in text
    # Only shorter boxes grow; the copies keep their words.
    evened = even_bands(lines[2:9])
    assert evened[5].bottom == evened[5].top + 12.0 and evened[5].text == "umzusetzen."
    assert evened[0] is lines[2]


def test_an_announcement_ending_a_line_without_space_below_is_no_reason() -> None:
    # Regression (letter-request scans, seed 23): a mark over the announcement stretched its box
    # down to the next line, so no space parted it from the reasons.
    announcement = "die Fraktion Freie Wähler stellt zur nächsten Sitzung des Rats folgenden Antrag:"
    lines = [line(100, announcement), line(112, "Für die Feuerwache ist eine Beleuchtung vorgesehen.")]
    assert leading_announcement(lines, TYPES, lambda a, b: False) == 1
    running = [line(100, "Die Fraktion bittet, folgende Punkte zu prüfen: den Radweg"), line(112, "und die Brücke.")]
    assert leading_announcement(running, TYPES, lambda a, b: False) == 0


def test_a_closing_cut_by_a_pen_stroke_ends_the_reasons() -> None:
    # Regression (letter scans, seed 23): only "Mit" of "Mit freundlichen Grüßen" was read; the
    # rest went with the stroke, and the reasons ran on into "Mit".
    lines = [
        line(100, "Antrag: Radweg Nord", bold=True),
        line(130, "Sehr geehrter Herr Oberbürgermeister,"),
        line(160, "Der Radweg endet heute an der Brücke."),
        line(180, "Mit"),
        line(230, "Jens Hoffmann"),
        line(245, "Fraktionsvorsitzender"),
    ]
    stroke = OcrDoubt(page=1, x0=95.0, top=170.0, x1=190.0, bottom=206.0, text="", confidence=0.0)
    ctx = _scan(lines, [stroke])
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Der Radweg endet heute an der Brücke."
    # Without a dropped region beside it, "Mit" is a word of the text.
    ctx = _scan(lines)
    extract_justification(ctx)
    assert ctx.fields.values["justification"].endswith("Mit")


def test_an_answer_after_an_unreadable_closing_is_another_paper() -> None:
    # Regression (office letter scans, seed 17): the letter's closing was not read, so the
    # administration's answer on page 2 was read as more of its reasons.
    letter = [line(200, "Betreff: Radweg Nord"), line(400, "Der Radweg endet heute an der Brücke.")]
    answer = [
        line(42, "Stadt Würzburg · Der Oberbürgermeister", page=2),
        line(94, "Würzburg, 06.01.2025", x=420, page=2),
        line(142, "Beantwortung der Anfrage", page=2),
        line(400, "Mit freundlichen Grüßen", page=2),
    ]
    found = appended_start(letter + answer, {1: 842.0, 2: 842.0})
    assert found is not None and found[0] == 2
    # A Vorlage's own section under no letterhead and date line is no other paper.
    section = [line(100, "Stellungnahme der Verwaltung", page=2), line(130, "Die Verwaltung stimmt zu.", page=2)]
    assert appended_start(letter + section, {1: 842.0, 2: 842.0}) is None


def test_stamp_and_pen_remnants_are_no_words_of_a_scan() -> None:
    # Regression (letter scans, seeds 17 and 23): "N" read from a stamp's edge far right of a
    # request's last word, a tick read as "\/" on a line of its own.
    text = line(300, "Die Fördermittel sind beim Land zu beantragen.")
    n = line(300, "N", x=420)
    sentence = Line(1, [*text.words, *n.words])
    tick = line(320, "\\/", x=200)
    request = line(340, "die Fraktion bittet Sie, die folgende Anfrage")
    table = Line(1, [*line(360, "Summe der Kosten insgesamt").words, *line(360, "5", x=420).words])
    # A web address on a line of its own, which OCR read with confidence 0 (fixture scan 1347).
    address = line(380, "https://www.erfurt.de/ef/de/rathaus/stadtrat")
    doubts = [
        OcrDoubt(page=1, x0=70.0, top=380.0, x1=address.x1, bottom=391.0, text=address.text, confidence=0.0),
        OcrDoubt(page=1, x0=n.x0, top=300.0, x1=n.x1, bottom=311.0, text="N", confidence=49.0),
        OcrDoubt(page=1, x0=table.words[-1].x0, top=360.0, x1=table.x1, bottom=371.0, text="5", confidence=40.0),
    ]
    layout = Layout(
        pages=[PageInfo(1, 595.0, 842.0)],
        lines=[sentence, tick, request, table, address],
        ocr_pages=[1],
        ocr_doubts=doubts,
    )
    kept = without_strays(layout)
    assert [ln.text for ln in kept.lines] == [
        "Die Fördermittel sind beim Land zu beantragen.",
        "die Fraktion bittet Sie, die folgende Anfrage",
        "Summe der Kosten insgesamt 5",
        "https://www.erfurt.de/ef/de/rathaus/stadtrat",
    ]
    # A born-digital page keeps what it prints.
    assert without_strays(Layout(pages=layout.pages, lines=layout.lines, ocr_doubts=doubts)).lines == layout.lines


def test_a_type_line_whose_sign_stands_apart_is_read_whole() -> None:
    # Regression (bv scans, seed 23): OCR read "§ 4 GO" as a segment apart from "Anfrage nach".
    split = Line(1, [*line(213, "Anfrage nach").words, *line(213, "§ 4 GO", x=170).words])
    assert len(split.segments()) == 2
    assert type_segment(split, split.segments()[0], TYPES) == "Anfrage nach § 4 GO"


def test_a_misread_meeting_in_the_opening_warns_about_the_body() -> None:
    # Regression (letter-request scans, seed 17): a stamp took "Antrag" and broke "Gemeinderats",
    # so no request sentence was found and the empty body went unwarned.
    lines = [
        line(100, "AfD-Fraktion im Rat der Stadt Düsseldorf"),
        line(130, "Sehr geehrte Frau Bürgermeisterin,"),
        line(150, "wir bitten Sie, folgen in der Sitzung des Gen‘ einderats 2022 behandeln:"),
        line(190, "Im Bereich Hauptstraße ergibt sich derzeit eine Zahl von rund 4475 Besuchern."),
    ]
    ctx = _scan(lines)
    fill_from_request(ctx, lines, VOCAB)
    assert [(i.code, i.field) for i in ctx.fields.warnings] == [(IssueCode.REQUEST_DOUBTFUL, "body")]
    # ... also where the request was found but OCR ran the meeting's words together.
    glued = [*lines[:2], line(150, "wir bitten Sie, folgende Anfrage in der Sitzung{des Aussehusssetit zu behandeln:")]
    ctx = _scan(glued)
    fill_from_request(ctx, glued, VOCAB)
    assert (IssueCode.REQUEST_DOUBTFUL, "body") in [(i.code, i.field) for i in ctx.fields.warnings]
    # A born-digital letter is read as printed: nothing to warn about.
    born = Context(layout=Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines), profile=bundled_profiles()["letter"])
    fill_from_request(born, lines, VOCAB)
    assert born.fields.warnings == []


def _box(x: float, top: float, checked: bool | None = False) -> Token:
    """A checkbox token 6 pt wide at ``x``."""
    mark = BoxMark(x, top, x + 6.0, top + 7.0, checked, "pixels")
    return Token("☐", x, top, x + 6.0, top + 7.0, 11.0, box=mark)


def test_a_box_inside_a_sentence_of_a_scan_is_no_checkbox() -> None:
    # Regression (grey-stamp and bv scans, seed 43): the "O" of "Ortsteilrat" found as an empty
    # box, a pen's tick read as "x" and made a ticked box, each in the middle of the reasons: a
    # checkbox group of half sentences, and the line taken out of the justification.
    before = line(400, "abgestimmt. Der")
    after = line(400, "rtsteilrat Altstadt wurde am 02.02.2023 über die Anregungen", x=before.x1 + 6 + 2.3 + 3)
    letter = Line(1, [*before.words, _box(before.x1 + 3, 402), *after.words])
    tick_before = line(420, "Verkehrssicherheit zu verbessern. Das")
    tick_after = line(420, "hat dabei die Ergebnisse der Verkehrszählung geprüft.", x=tick_before.x1 + 14)
    tick = Line(1, [*tick_before.words, _box(tick_before.x1 + 4, 422, True), *tick_after.words])
    # A checkbox row of a form stays: a label, then boxes with short labels.
    form = Line(
        1,
        [*line(440, "Finanzielle Auswirkungen:").words, _box(220, 442), *line(440, "Ja", x=230).words, _box(260, 442)],
    )
    form.tokens = [*form.tokens, *line(440, "Nein", x=270).words]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[letter, tick, form], ocr_pages=[1])
    kept = without_boxes_in_text(layout)
    assert [sum(t.box is not None for t in ln.tokens) for ln in kept.lines] == [0, 0, 2]
    assert (
        kept.lines[1].text
        == "Verkehrssicherheit zu verbessern. Das hat dabei die Ergebnisse der Verkehrszählung geprüft."
    )
    # A born-digital page keeps its boxes.
    born = without_boxes_in_text(Layout(pages=layout.pages, lines=layout.lines))
    assert [sum(t.box is not None for t in ln.tokens) for ln in born.lines] == [1, 1, 2]


def test_a_closing_behind_a_speck_ends_the_reasons_of_a_scan() -> None:
    # Regression (bv scans, seed 43): a speck read as '"' before "Mit freundlichen Grüßen" kept the
    # closing formula in the reasons under "Begründung:".
    lines = [
        line(100, "Antrag: Radweg Nord", bold=True),
        line(130, "Begründung:"),
        line(150, "Der Radweg endet heute an der Brücke."),
        line(180, '"Mit freundlichen Grüßen'),
        line(230, "Beat Lehmann"),
    ]
    ctx = _scan(lines)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Der Radweg endet heute an der Brücke."


def test_a_list_number_with_a_speck_after_its_parenthesis_is_read() -> None:
    # Regression (grey-stamp scans, seed 43): "a)." opened no item, so the request lost its "a".
    number, words = split_number(line(100, "a). Die Gesamtkosten werden bestätigt."), GENERIC)
    assert number == "a" and words[0].text == "Die"


def test_a_sender_holding_a_piece_of_a_word_is_warned_on_scans() -> None:
    # Regression (archive scans, seed 13): worn toner cut the letterhead, and "CDU-Fraktion in
    # der Be", "E in der Bezirksvertretung West" were given as the sender without a warning.
    for sender in ("CDU-Fraktion in der Be", "E in der Bezirksvertretung West", "Fraktion in der irksvertretung"):
        head = line(42, sender)
        ctx = _scan([head])
        ctx.set("originator", sender, [head])
        ctx.set("faction", sender, [head])
        warn_ocr_doubts(ctx)
        assert {"originator", "faction"} <= {issue.field for issue in ctx.fields.warnings}, sender
    # Names as printed stay unwarned: small words of a name, a place "Am Wald".
    for sender in ("Fraktion BÜNDNIS 90/DIE GRÜNEN in der Bezirksvertretung Am Wald", "AfD-Fraktion im Rat der Stadt"):
        head = line(42, sender)
        ctx = _scan([head])
        ctx.set("originator", sender, [head])
        warn_ocr_doubts(ctx)
        assert ctx.fields.warnings == [], sender
