"""Running-text sections on hand-built lines: Beschlussvorschlag items and Sachverhalt paragraphs
(``extract/sections.py``), the Anlagenverzeichnis (``attachments.py``) and links (``links.py``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.links import extract_links
from ratsdoc.extract.sections import extract_justification, extract_resolution
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.models import ResolutionItem
from ratsdoc.regions import LinkInfo, PageInfo

from .conftest import line_context as _context
from .conftest import text_line

PAGE = PageInfo(1, 595.0, 842.0)


def _bold(line: Line) -> Line:
    return Line(line.page, [replace(t, bold=True) for t in line.tokens])


# --------------------------------------------------------------------------
# Beschlussvorschlag
# --------------------------------------------------------------------------


def test_numbered_items_with_wrapped_text() -> None:
    lines = [
        text_line(100, [(60, "Beschlussvorschlag")]),
        text_line(115, [(60, "01"), (90, "Der Stadtrat beschließt die Teilnahme")]),
        text_line(127, [(90, "am Programm.")]),
        text_line(142, [(60, "02"), (90, "Die Verwaltung wird beauftragt.")]),
        text_line(170, [(60, "Sachverhalt")]),
        text_line(185, [(60, "Der Radweg fehlt.")]),
    ]
    ctx = _context(lines)
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == [
        ResolutionItem(number="01", text="Der Stadtrat beschließt die Teilnahme am Programm."),
        ResolutionItem(number="02", text="Die Verwaltung wird beauftragt."),
    ]
    assert ctx.claimed == {0, 1, 2, 3}


def test_item_letters_and_a_number_close_to_its_text() -> None:
    # "a)" is an item letter; "1" right before the text (no gap) is part of the sentence.
    lines = [
        text_line(100, [(60, "Beschlussvorschlag")]),
        text_line(115, [(60, "a)"), (90, "Der Stadtrat stimmt zu.")]),
        text_line(130, [(60, "1 Million Euro werden bereitgestellt.")]),
    ]
    ctx = _context(lines)
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == [
        ResolutionItem(number="a", text="Der Stadtrat stimmt zu. 1 Million Euro werden bereitgestellt."),
    ]


def test_unnumbered_paragraphs_are_items() -> None:
    lines = [
        text_line(100, [(60, "Beschlussvorschlag")]),
        text_line(115, [(60, "Der Stadtrat stimmt")]),
        text_line(127, [(60, "dem Vertrag zu.")]),
        text_line(150, [(60, "Die Verwaltung wird beauftragt.")]),
    ]
    ctx = _context(lines)
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == [
        ResolutionItem(number=None, text="Der Stadtrat stimmt dem Vertrag zu."),
        ResolutionItem(number=None, text="Die Verwaltung wird beauftragt."),
    ]


def test_text_after_the_label_on_its_line_is_the_first_item() -> None:
    lines = [text_line(100, [(60, "Beschlussvorschlag: Der Stadtrat nimmt Kenntnis.")])]
    ctx = _context(lines)
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == [
        ResolutionItem(number=None, text="Der Stadtrat nimmt Kenntnis."),
    ]


def test_resolution_label_at_the_last_line_gives_no_items() -> None:
    ctx = _context([text_line(100, [(60, "Vorwort")]), text_line(700, [(60, "Beschlussvorschlag")])])
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == []
    assert ctx.claimed == {1}


def test_no_lines_give_no_resolution() -> None:
    ctx = _context([])
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == []


def test_letter_states_its_request_in_a_paragraph() -> None:
    lines = [
        text_line(100, [(60, "Sehr geehrter Herr Oberbürgermeister,")]),
        text_line(125, [(60, "Wir beantragen, den Radweg")]),
        text_line(137, [(60, "zu verbreitern.")]),
        text_line(160, [(60, "Begründung:")]),
    ]
    ctx = _context(lines, profile="letter")
    extract_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == [
        ResolutionItem(number=None, text="Wir beantragen, den Radweg zu verbreitern."),
    ]


# --------------------------------------------------------------------------
# Anlagenverzeichnis
# --------------------------------------------------------------------------


def test_attachments_one_per_line_lowercase_continues() -> None:
    lines = [
        text_line(500, [(60, "Anlagenverzeichnis")]),
        text_line(515, [(60, "Anlage 1 Lageplan")]),
        text_line(527, [(60, "- Kostenübersicht der")]),
        text_line(539, [(60, "einzelnen Maßnahmen")]),
        text_line(600, [(60, "Der Oberbürgermeister")]),  # far below: no entry
    ]
    ctx = _context(lines)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Anlage 1 Lageplan", "Kostenübersicht der einzelnen Maßnahmen"]
    assert ctx.claimed == {1, 2, 3}


def test_numbered_attachments_on_a_scan_are_no_misread_label() -> None:
    # Regression (scanned SD.NET Vorlagen of seed 5): "Anlage 1: Lageplan" is one error from
    # "Anlagen:", so on an OCR page each entry ended the list before it as a new section.
    lines = [
        text_line(364, [(68, "Anlagen:")]),
        text_line(380, [(68, "Anlage 1: Lageplan")]),
        text_line(395, [(68, "Anlage 2: Stellungnahme des Ortsrats")]),
        text_line(444, [(68, "gez. Stefan Wagner")]),
    ]
    ctx = _context(lines, "generic", ocr=True)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Anlage 1: Lageplan", "Anlage 2: Stellungnahme des Ortsrats"]
    # A misread label still ends the section before it.
    assert ctx.is_section_start(text_line(500, [(68, "Anlaqen:")]))


def test_attachments_stop_at_a_page_break() -> None:
    lines = [text_line(780, [(60, "Anlagen: Lageplan")]), text_line(80, [(60, "Kostenübersicht")], page=2)]
    ctx = _context(lines, pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan"]


def test_attachment_count_in_a_header_is_skipped_for_the_list() -> None:
    lines = [
        text_line(100, [(60, "Anlagen: 2")]),
        text_line(400, [(60, "Anlagen:")]),
        text_line(415, [(60, "Lageplan")]),
    ]
    ctx = _context(lines)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan"]


def test_attachment_count_without_a_list_gives_none() -> None:
    ctx = _context([text_line(100, [(60, "Anlagen: 2")])])
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == []


def test_attachments_label_at_the_last_line() -> None:
    ctx = _context([text_line(700, [(60, "Anlagen:")])])
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == []
    assert [(i.code, i.field) for i in ctx.fields.warnings] == [(IssueCode.VALUE_UNCERTAIN, "attachments")]


def test_a_type_label_is_no_misread_attachments_label() -> None:
    # Seed-13 archive-scan variant 11: on an OCRed page "Anfrage:" is two errors from "Anlage:";
    # the subject and the salutation below it were read as the attachments.
    lines = [
        text_line(211, [(70, "Anfrage: Neubau der Grundschule am Steinweg")]),
        text_line(242, [(70, "Sehr geehrter Herr Oberbürgermeister,")]),
    ]
    ctx = _context(lines, "letter", ocr=True)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == []
    # A label OCR misread still counts.
    ctx = _context([text_line(600, [(70, "Anlagc: Lageplan")])], "letter", ocr=True)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan"]


def test_an_empty_attachments_heading_says_there_are_none() -> None:
    # Seed-11 erfurt-docx variant 12: the template's "Anlagenverzeichnis" over nothing.
    ctx = _context([text_line(700, [(60, "Anlagenverzeichnis")])])
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == []
    assert ctx.fields.warnings == []


def test_an_attachments_label_over_no_list_is_warned() -> None:
    # Seed-33 letter-foot variant 22: "Anlagen:" over a gap and small print it was not read in;
    # the empty list came out without a word.
    lines = [text_line(686, [(70, "Anlagen:")]), text_line(740, [(70, "Postanschrift: Postfach 9449")])]
    ctx = _context(lines)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == []
    assert [(i.code, i.field) for i in ctx.fields.warnings] == [(IssueCode.VALUE_UNCERTAIN, "attachments")]


# --------------------------------------------------------------------------
# Sachverhalt
# --------------------------------------------------------------------------


def test_justification_paragraphs_and_bullets() -> None:
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(115, [(60, "Der Radweg ist zu schmal")]),
        text_line(127, [(60, "und wird verbreitert.")]),
        text_line(150, [(60, "Zwei Abschnitte sind betroffen:")]),
        text_line(165, [(60, "- der Anger")]),
        text_line(177, [(60, "- die Krämerbrücke")]),
        text_line(200, [(60, "Anlagen:")]),
        text_line(215, [(60, "Lageplan")]),
    ]
    ctx = _context(lines)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Der Radweg ist zu schmal und wird verbreitert.\n\nZwei Abschnitte sind betroffen:\n\n"
        "- der Anger\n- die Krämerbrücke"
    )
    assert [p.bbox.bottom for p in ctx.fields.provenance["justification"]] == [187.0]


def test_line_spacing_of_a_short_text_is_learnt_from_its_tightest_gaps() -> None:
    # Seed-7 letter-request variant 18: one- and three-line paragraphs and a list set apart; most
    # gaps were paragraph gaps, their median was taken for the line spacing and no break was seen.
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(115, [(60, "Bitte setzen Sie den Antrag auf die Tagesordnung.")]),
        text_line(138, [(60, "Die Maßnahme ist erforderlich, da die")]),
        text_line(152, [(60, "Förderfrist im Herbst endet. Die Kosten")]),
        text_line(166, [(60, "sind im Haushalt veranschlagt.")]),
        text_line(189, [(60, "Wir bitten um Umsetzung der Punkte:")]),
        text_line(208.5, [(60, "1) Die Mittel werden bereitgestellt.")]),
        text_line(224.5, [(60, "2) Über das Ergebnis ist zu berichten.")]),
    ]
    ctx = _context(lines)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Bitte setzen Sie den Antrag auf die Tagesordnung.\n\n"
        "Die Maßnahme ist erforderlich, da die Förderfrist im Herbst endet. Die Kosten sind im Haushalt "
        "veranschlagt.\n\nWir bitten um Umsetzung der Punkte:\n\n"
        "1) Die Mittel werden bereitgestellt.\n2) Über das Ergebnis ist zu berichten."
    )


def test_bold_subheading_is_a_paragraph_of_its_own() -> None:
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        _bold(text_line(115, [(60, "Ausgangslage")])),
        text_line(127, [(60, "Der Radweg ist zu schmal.")]),
    ]
    ctx = _context(lines)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Ausgangslage\n\nDer Radweg ist zu schmal."


def test_page_break_ends_a_paragraph_only_after_a_full_stop() -> None:
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(780, [(60, "Der Radweg ist")]),
        text_line(80, [(60, "zu schmal.")], page=2),
        text_line(780, [(60, "Er wird verbreitert.")], page=2),
        text_line(80, [(60, "Die Kosten trägt die Stadt.")], page=3),
    ]
    pages = (PAGE, PageInfo(2, 595.0, 842.0), PageInfo(3, 595.0, 842.0))
    ctx = _context(lines, pages=pages)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Der Radweg ist zu schmal.\n\nEr wird verbreitert.\n\nDie Kosten trägt die Stadt."
    )


def test_a_web_address_ending_a_page_ends_its_sentence() -> None:
    # Seed-7 allris variant 10: "Weitere Informationen: https://..." at the foot of page 1, a
    # paragraph opening page 2; without a full stop the two were joined, and nothing said so.
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(780, [(60, "Weitere Informationen: https://www.uelzen.de/rathaus/pv-815")]),
        text_line(80, [(60, "Die Kosten der Anlage trägt die Stadt, wie im Haushalt 2025 vorgesehen.")], page=2),
        text_line(92, [(60, "Die Pläne liegen unter www.uelzen.de")], page=2),
        text_line(80, [(60, "im Rathaus aus.")], page=3),  # the sentence goes on
    ]
    pages = (PAGE, PageInfo(2, 595.0, 842.0), PageInfo(3, 595.0, 842.0))
    ctx = _context(lines, pages=pages)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Weitere Informationen: https://www.uelzen.de/rathaus/pv-815\n\nDie Kosten der Anlage trägt die "
        "Stadt, wie im Haushalt 2025 vorgesehen. Die Pläne liegen unter www.uelzen.de im Rathaus aus."
    )


def _manuscript(next_page_x: float) -> list[Line]:
    """A speech manuscript's text: every sentence on a line of its own, paragraphs set apart by
    space only. Page 1 ends after a sentence far above where page 2 reaches; page 2 starts at
    ``next_page_x``."""
    return [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(115, [(60, "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal und zu holprig.")]),
        text_line(127, [(60, "Er wird verbreitert.")]),
        text_line(139, [(60, "Die Kosten trägt die Stadt.")]),
        text_line(163, [(60, "Der Bau beginnt im Frühjahr.")]),
        text_line(175, [(60, "Er dauert ein Jahr.")]),
        text_line(80, [(next_page_x, "Die Anwohner werden informiert.")], page=2),
        text_line(92, [(60, "Die Zufahrt bleibt offen.")], page=2),
        text_line(716, [(60, "Im Herbst wird gepflanzt.")], page=2),
        text_line(728, [(60, "Dafür sind Mittel eingeplant.")], page=2),
        text_line(740, [(60, "Der Rat hat zugestimmt.")], page=2),
    ]


def test_a_sentence_at_a_page_foot_of_a_manuscript_goes_on_with_a_warning() -> None:
    # A speech manuscript starts each sentence on a new line and marks paragraphs by space only:
    # after a sentence at a page's foot nothing shows whether its paragraph ends. The paragraph
    # goes on, as the Wandsbek speeches' goldens read three of four such breaks, and the field is
    # named as doubtful. Page 1 ending far above page 2's last line is no sign of a paragraph's
    # end: a word processor ends pages early within paragraphs (the first Wandsbek speech does).
    ctx = _context(_manuscript(60), pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal und zu holprig. Er wird verbreitert. "
        "Die Kosten trägt die Stadt.\n\nDer Bau beginnt im Frühjahr. Er dauert ein Jahr. "
        "Die Anwohner werden informiert. Die Zufahrt bleibt offen.\n\n"
        "Im Herbst wird gepflanzt. Dafür sind Mittel eingeplant. Der Rat hat zugestimmt."
    )
    doubts = [w for w in ctx.fields.warnings if w.code is IssueCode.PARAGRAPH_BREAK_UNCERTAIN]
    assert [(w.page, w.field) for w in doubts] == [(1, "justification")]


def test_a_page_break_with_an_indent_starts_a_paragraph() -> None:
    # The next page's first line set in from that page's left edge is a paragraph's first line:
    # the break is shown, so the paragraph ends there and nothing is doubtful.
    ctx = _context(_manuscript(72), pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    assert not [w for w in ctx.fields.warnings if w.code is IssueCode.PARAGRAPH_BREAK_UNCERTAIN]
    assert ctx.fields.values["justification"].split("\n\n")[1:3] == [
        "Der Bau beginnt im Frühjahr. Er dauert ein Jahr.",
        "Die Anwohner werden informiert. Die Zufahrt bleibt offen.",
    ]


def test_a_full_line_at_a_page_foot_ends_its_paragraph_before_an_indent() -> None:
    # Typeset text: page 1's last line is full, so its sentence end says nothing, but page 2's
    # first line is set in and starts the next paragraph.
    full = "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal und holprig."
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(115, [(60, full)]),
        text_line(127, [(60, full)]),
        text_line(80, [(75, "Er wird im Frühjahr verbreitert und bekommt eine neue Decke aus")], page=2),
        text_line(92, [(60, "Asphalt.")], page=2),
    ]
    ctx = _context(lines, pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        f"{full} {full}\n\nEr wird im Frühjahr verbreitert und bekommt eine neue Decke aus Asphalt."
    )


def test_a_page_break_on_shifted_margins_is_still_a_doubt() -> None:
    # Pages printed for binding shift their left margin: page 2's text starts 15 pt further right
    # throughout. Its first line is at its page's edge, so the break is as hidden as on one margin.
    lines = [
        line if line.page == 1 else text_line(line.top, [(line.x0 + 15, line.text)], page=2) for line in _manuscript(60)
    ]
    ctx = _context(lines, pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    doubts = [w for w in ctx.fields.warnings if w.code is IssueCode.PARAGRAPH_BREAK_UNCERTAIN]
    assert [(w.page, w.field) for w in doubts] == [(1, "justification")]


def test_signature_and_furniture_end_or_skip() -> None:
    footer = text_line(800, [(280, "Seite 1 von 2")])
    footer.furniture = True
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(115, [(60, "Der Radweg ist zu schmal.")]),
        footer,
        text_line(130, [(60, "Erfurt, 12.01.2023 gez. Müller")]),
        text_line(150, [(60, "Nachsatz nach der Unterschrift.")]),
    ]
    ctx = _context(lines)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Der Radweg ist zu schmal."


def test_letter_body_runs_from_salutation_to_closing() -> None:
    lines = [
        text_line(100, [(60, "Sehr geehrte Damen und Herren,")]),
        text_line(125, [(60, "der Radweg ist zu schmal.")]),
        text_line(150, [(60, "Mit freundlichen Grüßen")]),
        text_line(175, [(60, "Anna Schmidt")]),
    ]
    ctx = _context(lines, profile="letter")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "der Radweg ist zu schmal."


def test_no_label_and_no_salutation_give_no_justification() -> None:
    ctx = _context([text_line(100, [(60, "Der Radweg ist zu schmal.")])])
    extract_justification(ctx)
    assert ctx.fields.values["justification"] is None


def test_justification_label_at_the_last_line() -> None:
    ctx = _context([text_line(700, [(60, "Sachverhalt")])])
    extract_justification(ctx)
    assert ctx.fields.values["justification"] is None


# --------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------


def test_links_in_reading_order_printed_spelling_kept() -> None:
    pages = (
        PageInfo(
            1,
            595.0,
            842.0,
            links=(
                LinkInfo("https://www.erfurt.de/radweg/", 120.0, 300.0, 250.0, 310.0),
                LinkInfo("mailto:radweg@erfurt.de", 60.0, 100.0, 200.0, 110.0),
            ),
        ),
        PageInfo(2, 595.0, 842.0),
    )
    lines = [
        text_line(300, [(60, "Mehr unter www.erfurt.de/radweg.")]),
        text_line(100, [(60, "Siehe https://example.org/a, sowie WWW.ERFURT.DE/Radweg")], page=2),
    ]
    ctx = _context(lines, pages=pages)
    extract_links(ctx)
    assert ctx.fields.values["links"] == ["mailto:radweg@erfurt.de", "www.erfurt.de/radweg", "https://example.org/a"]


def test_no_links() -> None:
    ctx = _context([])
    extract_links(ctx)
    assert ctx.fields.values["links"] == []


def test_a_full_line_ending_a_page_goes_on_in_its_paragraph() -> None:
    # Regression (ALLRIS/SessionNet variants): a sentence that ends at the end of a full last
    # line of a page split its paragraph; the next page's first word would not have fitted on
    # that line, so the line wrapped inside the paragraph.
    lines = [
        text_line(100, [(60, "Sachverhalt")]),
        text_line(766, [(60, "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal.")]),
        text_line(780, [(60, "Er wird auf der ganzen Länge bis zum Jahresende auf zwei Meter verbreitert.")]),
        text_line(80, [(60, "Die Kosten trägt die Stadt.")], page=2),
        text_line(94, [(60, "Der Bau beginnt im Frühjahr.")], page=2),
    ]
    ctx = _context(lines, pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal. Er wird auf der ganzen "
        "Länge bis zum Jahresende auf zwei Meter verbreitert. Die Kosten trägt die Stadt. Der Bau beginnt im Frühjahr."
    )


def test_a_label_word_wrapped_in_running_text_or_a_cell_is_no_heading() -> None:
    # Regression (Erfurt DOCX variants): the justification was read from the checkbox grid,
    # because the cell "Ja, siehe Sachverhalt" wrapped and its second line began with
    # "Sachverhalt". A section label counts only on a line that can be a heading, not on one
    # that wraps the line above (in a cell or in running text).
    grid = text_line(76, [(57, "Nutzen/Einsparung"), (402, "Nein"), (450, "Ja, siehe")])
    lines = [
        grid,
        text_line(88, [(450, "Sachverhalt")]),  # the rest of the cell "Ja, siehe Sachverhalt"
        text_line(100, [(242, "Personalkosten (in EUR)")]),
        _bold(text_line(60, [(57, "Sachverhalt")], page=2)),
        text_line(80, [(57, "Die Kosten der Erneuerung der Brücke am Anger sind im")], page=2),
        text_line(92, [(57, "Sachverhalt genannt.")], page=2),  # running text, not a heading
        text_line(104, [(57, "Der Bau beginnt im Frühjahr.")], page=2),
    ]
    ctx = _context(lines, pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Die Kosten der Erneuerung der Brücke am Anger sind im Sachverhalt genannt. Der Bau beginnt im Frühjahr."
    )


def test_an_attachments_list_goes_on_over_a_page_break() -> None:
    # Regression (generated ALLRIS paper): "Anlage 2: Satzung" at the foot of page 3 and "Anlage 3:
    # Satzung" at the head of page 4 were taken for a running footer and header (the same words,
    # digits aside), and the list stopped at the page break.
    from ratsdoc.furniture import mark_furniture

    pages = [PageInfo(n, 595.0, 842.0) for n in (1, 2)]
    lines = [
        text_line(730, [(56, "Anlage/n:")]),
        text_line(744, [(56, "Anlage 1: Kostenschätzung")]),
        text_line(758, [(56, "Anlage 2: Satzung")]),
        text_line(800, [(150, "Stadt Uelzen - Vorlage 22/0725"), (400, "Seite 1 von 2")]),
        text_line(40, [(300, "Vorlage - 22/0725")], page=2),
        text_line(80, [(56, "Anlage 3: Satzung")], page=2),
        text_line(800, [(150, "Stadt Uelzen - Vorlage 22/0725"), (400, "Seite 2 von 2")], page=2),
    ]
    mark_furniture(lines, pages)
    assert [line.furniture for line in lines] == [False, False, False, True, False, False, True]
    lines[4].furniture = True  # the follow-on page's head, as the letter furniture marks it
    ctx = _context(lines, "allris", pages=pages)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Anlage 1: Kostenschätzung", "Anlage 2: Satzung", "Anlage 3: Satzung"]


@pytest.mark.parametrize(("first", "then"), [("1.", "2."), ("b)", "c)")])
def test_a_numbered_attachments_list_goes_on_over_a_page_break(first: str, then: str) -> None:
    # Regression (Word paper exported by LibreOffice): "1. Raumprogramm" at the foot of page 1 and
    # "2. Stellungnahme des Schulträgers" under page 2's running head; the list stopped at the
    # break, as only the same first word ("Anlage", "-") carried it over.
    pages = [PageInfo(n, 595.0, 842.0) for n in (1, 2)]
    lines = [
        text_line(740, [(70, "Anlagen")]),
        text_line(754, [(70, f"{first} Raumprogramm")]),
        text_line(40, [(380, "Beschlussvorlage XI/0057")], page=2),
        text_line(80, [(70, f"{then} Stellungnahme des Schulträgers")], page=2),
        text_line(94, [(70, "3. Lageplan" if then == "2." else "d) Lageplan")], page=2),
    ]
    lines[2].furniture = True  # the running head of the following pages
    ctx = _context(lines, "generic", pages=pages)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Raumprogramm", "Stellungnahme des Schulträgers", "Lageplan"]


def test_an_enumeration_that_does_not_count_on_ends_the_list_at_a_page_break() -> None:
    pages = [PageInfo(n, 595.0, 842.0) for n in (1, 2)]
    lines = [
        text_line(740, [(70, "Anlagen")]),
        text_line(754, [(70, "1. Raumprogramm")]),
        text_line(80, [(70, "3. Die Verwaltung hat die Planung vorgelegt.")], page=2),
    ]
    ctx = _context(lines, "generic", pages=pages)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Raumprogramm"]


def test_a_line_break_after_a_numbered_sentence_stays_in_its_paragraph() -> None:
    # Regression (Erlangen Stellungnahme, dev half): in a text whose paragraphs are set apart by
    # space, "1.) Nur die Variante 1 ... Raumordnungsverfahrens." over "Variante 1 entzerrt ..."
    # at the number's margin, without space, became two paragraphs.
    lines = [
        text_line(100, [(71, "Sachverhalt:")]),
        text_line(128, [(71, "Am Dienstag fand ein Lokalforum des Zweckverbands")]),
        text_line(142, [(71, "im Baugebiet statt, mit etwa dreißig Bürgern und")]),
        text_line(156, [(71, "Stadtteilbeiräten aus Büchenbach.")]),
        text_line(184, [(71, "1.)"), (90, "Nur die Variante 1 war Bestandteil des Verfahrens.")]),
        text_line(198, [(71, "Variante 1 entzerrt die Planung von der des Baugebiets.")]),
        text_line(226, [(71, "1."), (90, "Anlass")]),
        text_line(240, [(71, "Nach dem Gesetz über den Nahverkehr ist ein Plan")]),
        text_line(254, [(71, "aufzustellen und fortzuschreiben.")]),
    ]
    ctx = _context(lines, "generic")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Am Dienstag fand ein Lokalforum des Zweckverbands im Baugebiet statt, mit etwa dreißig Bürgern und "
        "Stadtteilbeiräten aus Büchenbach.\n\n"
        "1.) Nur die Variante 1 war Bestandteil des Verfahrens. Variante 1 entzerrt die Planung von der des "
        "Baugebiets.\n\n"
        "1. Anlass\n\n"
        "Nach dem Gesetz über den Nahverkehr ist ein Plan aufzustellen und fortzuschreiben."
    )


def test_a_full_line_ending_a_sentence_at_a_page_foot_is_a_doubt() -> None:
    # Typeset text (its short lines after a sentence end paragraphs): page 1 ends with a full
    # line that ends a sentence, page 2 starts at the same edge. The paragraph may end there or
    # go on; it goes on, and the field is named as doubtful instead of being silently joined.
    full = "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal und holprig."
    lines = [text_line(100, [(60, "Sachverhalt")])]
    for k in range(3):
        top = 115 + 48 * k
        lines += [text_line(top + 12 * n, [(60, text)]) for n, text in enumerate((full, full, "Er wird breiter."))]
    lines += [text_line(259, [(60, full)]), text_line(80, [(60, "Die Kosten trägt die Stadt.")], page=2)]
    ctx = _context(lines, pages=(PAGE, PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    assert ctx.fields.values["justification"].endswith(f"\n\n{full} Die Kosten trägt die Stadt.")
    doubts = [w for w in ctx.fields.warnings if w.code is IssueCode.PARAGRAPH_BREAK_UNCERTAIN]
    assert [(w.page, w.field) for w in doubts] == [(1, "justification")]


def test_a_question_beside_its_answer_in_two_segments_is_read_question_first() -> None:
    # Answers typed in Word, seed 5, paper 28: each question row's cells read as one line of two
    # segments, no table around it: question and answer were one paragraph, silently.
    lines = [
        text_line(100, [(71, "Begründung:")]),
        Line(
            1,
            [
                *text_line(
                    120, [(71, "Frage 1: Wann wird der Bericht"), (251, "Derzeit liegen 53 Anträge vor.")]
                ).tokens,
                *text_line(132, [(71, "vorgelegt?")]).tokens,
            ],
        ),
        text_line(160, [(71, "Die Verwaltung prüft die Anträge bis Ende des Jahres.")]),
    ]
    ctx = _context(lines, "generic")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Frage 1: Wann wird der Bericht vorgelegt?\n\nDerzeit liegen 53 Anträge vor.\n\n"
        "Die Verwaltung prüft die Anträge bis Ende des Jahres."
    )
