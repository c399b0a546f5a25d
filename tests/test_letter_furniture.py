"""A business letter's page furniture: the company block in small print below or beside the text
on page 1, the heads of follow-on pages, the "Anlagen:" label at a page's foot and a logo read as
letters above the letterhead (extract/letter_furniture.py). Letters come from the ``letter-foot``
family of scripts/generate_variants.py, whose goldens are the letter's own content."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from ratsdoc import parse
from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.generic.appended import appended_start
from ratsdoc.extract.letter_furniture import furniture_vocabulary, logo_like, mark_letter_furniture
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.regions import Layout, PageInfo

from .conftest import line_context, load_script, text_line

#: Seed-31 variants (the rng of generate_variants.generate): a side column beside numbered
#: questions (6), a foot block at a page break in the reasons (11), follow-on heads with an office
#: reference over a turned "Anlagen:" list (4), a foot block with a web address (2).
CASES = (6, 11, 4, 2)


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, dict[str, Any]]]:
    variants = load_script("generate_variants")
    out = tmp_path_factory.mktemp("letter-foot")
    built = {}
    for index in CASES:
        pdf = out / f"letter-foot-{index:03d}.pdf"
        try:
            golden = variants.letter_foot(random.Random(f"31/letter-foot/{index}"), pdf)
        except (FileNotFoundError, OSError) as exc:
            pytest.skip(f"the letters could not be built: {exc}")
        built[index] = (pdf, golden)
    return built


@pytest.mark.parametrize("index", CASES)
def test_furniture_stays_out_of_the_fields(letters: dict[int, tuple[Path, dict[str, Any]]], index: int) -> None:
    pdf, golden = letters[index]
    paper = parse(pdf)
    assert [item.model_dump() for item in paper.resolution_proposal] == golden["resolution_proposal"]
    assert paper.justification == golden["justification"]
    assert paper.attachments == golden["attachments"]
    assert paper.links == golden["links"]
    assert paper.originator == golden["originator"]


def test_company_words_come_from_the_vocabulary() -> None:
    vocab = furniture_vocabulary()
    assert vocab.hits("Bankverbindung: Sparkasse Fürth IBAN DE12 3456 BIC/SWIFT BYLADEM1ERH") >= 3
    assert vocab.hits("Die Maßnahme ist erforderlich, weil die Mittel nicht ausreichen.") == 0


def test_logo_read_as_letters_is_no_sender() -> None:
    assert logo_like("~-~Stadt Erlangen")
    assert logo_like("=#= %%")
    assert not logo_like("Stadtwerke Erlangen GmbH")
    assert not logo_like("„Bürger für Erlangen“ e.V.")
    assert not logo_like("Bern, den 02.05.2022")
    lines = [
        text_line(40, [(70, "~-~Stadtwerke Erlangen GmbH")]),
        text_line(60, [(70, "SPD-Fraktion im Stadtrat Erlangen")]),
        text_line(200, [(70, "Antrag: Ausbau der Radwege")]),
        text_line(240, [(70, "Sehr geehrter Herr Oberbürgermeister,")]),
    ]
    ctx = line_context(lines, "letter")
    extract_cover(ctx)
    assert ctx.fields.values.get("originator") == "SPD-Fraktion im Stadtrat Erlangen"


def _small_line(top: float, text: str, page: int) -> Line:
    tokens, x = [], 70.0
    for word in text.split():
        tokens.append(Token(word, x, top, x + 5 * len(word), top + 8, 8.0))
        x += 5 * len(word) + 2
    return Line(page, tokens)


def test_turned_attachments_list_stops_at_a_head_in_small_type() -> None:
    lines = [
        text_line(700, [(70, "Mit freundlichen Grüßen")]),
        text_line(730, [(70, "Anlagen:")]),
        _small_line(40, "Personal und Organisation PI/Sch", page=2),
        text_line(80, [(70, "Lageplan")], page=2),
    ]
    ctx = line_context(lines, "letter", pages=2)
    extract_attachments(ctx)
    assert ctx.fields.values.get("attachments") == []
    assert any(w.code is IssueCode.VALUE_UNCERTAIN and w.field == "attachments" for w in ctx.fields.warnings)


def test_a_reference_line_under_a_one_word_sender_and_a_date_is_furniture() -> None:
    # Seed-11 letter-foot variant 5: page 2's head "CDU-Fraktion 25.10.2024" (a name of one
    # word, which alone was no sender's name) over the office's reference in smaller type; the
    # reference line ended the Sachverhalt.
    text = "Die Maßnahme ist erforderlich, weil die bisherigen Mittel nicht ausreichen."
    head = text_line(45, [(70, "CDU-Fraktion 25.10.2024")], page=2)
    head.furniture = True
    reference = _small_line(58, "Zentrale Dienste (DCH 23) PI/Sch", page=2)
    lines = [
        text_line(40, [(70, "CDU-Fraktion")]),
        *[text_line(100 + 16 * k, [(70, text)]) for k in range(8)],
        head,
        reference,
        text_line(100, [(70, "Mit freundlichen Grüßen")], page=2),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=lines)
    mark_letter_furniture(layout)
    assert reference.furniture
    assert not lines[-1].furniture


def test_a_table_row_under_a_running_head_is_no_reference_line() -> None:
    # Seed-11 other-city-vorlage variant 20: a finance row in small type going on at the top
    # of page 2, right under the running head, is the table's, not the office's reference.
    head = text_line(37, [(300, "Beschlussvorlage Nr. 2022/400")], page=2)
    head.furniture = True
    row = _small_line(50, "Auszahlungen 27.500,00 EUR 168.500,00 EUR", page=2)
    text = "Die Maßnahme ist erforderlich, weil die bisherigen Mittel nicht ausreichen."
    lines = [*[text_line(100 + 16 * k, [(70, text)]) for k in range(8)], head, row]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=lines)
    mark_letter_furniture(layout)
    assert not row.furniture


def _layout_with_foot(foot: list[str]) -> Layout:
    """Page 1 of a letter: ten lines of 11 pt text, then ``foot`` in 7 pt at the bottom."""
    lines = [
        text_line(100 + 16 * k, [(70, "Die Maßnahme ist erforderlich, weil die bisherigen Mittel nicht ausreichen.")])
        for k in range(10)
    ]
    for k, text in enumerate(foot):
        tokens, x = [], 70.0
        for word in text.split():
            tokens.append(Token(word, x, 760 + 9 * k, x + 4 * len(word), 767 + 9 * k, 7.0))
            x += 4 * len(word) + 2
        lines.append(Line(1, tokens))
    return Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines)


def test_foot_block_with_company_words_is_furniture() -> None:
    layout = _layout_with_foot(["Postanschrift: Postfach 1234", "Tel. 0911 123-4567 Fax 0911 123-4568", "www.x.de"])
    assert mark_letter_furniture(layout) == []
    assert [line.furniture for line in layout.lines[-3:]] == [True, True, True]
    assert not any(line.furniture for line in layout.lines[:-3])


def test_a_foot_block_with_more_words_than_the_text_is_furniture() -> None:
    # Seed-33 letter-foot variant 22: a two-question Anfrage whose company block in 7 pt held
    # more words than its 11 pt text; the block was taken for the body's type and kept as text,
    # and the "Anlagen:" list on page 2 was lost under it.
    foot = [
        "Besucheranschrift: am Kirchweg 22 Sie erreichen uns mit den Linien 271, 346",
        "Sitz der Gesellschaft: Ansbach Amtsgericht Ansbach HRB 7438 Geschäftsführung: Monika Becker",
        "Vorsitzender des Aufsichtsrates: Jens Müller Postanschrift: Postfach 9449 91522 Ansbach",
        "www.ansbach.de info@ansbach.de USt.-ID DE231870839 Bankverbindung: Sparkasse Ansbach",
        "IBAN DE4489 8803 7323 5402 2567 BIC/SWIFT BYLADEM1ERH Tel. 0367 255-4717 Fax 0478 385-0206",
    ]
    layout = _layout_with_foot(foot)
    del layout.lines[4:10]  # four lines of text: 40 words beside the block's 60
    assert mark_letter_furniture(layout) == []
    assert [line.furniture for line in layout.lines] == [False] * 4 + [True] * 5


def test_a_foot_column_one_line_longer_than_the_others_is_furniture() -> None:
    # Seed-33 letter-foot variant 14: a three-column foot whose middle column ran one line
    # longer; that line ("Amtsgericht Bamberg HRB 13635", two company words) stayed text and
    # ended up in the Sachverhalt.
    layout = _layout_with_foot([])
    rows = [
        ("Postanschrift: Postfach 9753", "BIC/SWIFT BYLADEM1ERH"),
        ("96047 Bamberg", "Sitz der Gesellschaft: Bamberg"),
        ("Tel. 0911 123-4567", "www.x.de"),
        (None, "Amtsgericht Bamberg HRB 13635"),
    ]
    for k, row in enumerate(rows):
        tokens = []
        for x, text in zip((70.0, 300.0), row, strict=True):
            for word in (text or "").split():
                tokens.append(Token(word, x, 700 + 9 * k, x + 4 * len(word), 707 + 9 * k, 7.0))
                x += 4 * len(word) + 2
        layout.lines.append(Line(1, tokens))
    assert mark_letter_furniture(layout) == []
    assert all(line.furniture for line in layout.lines[10:])


def test_small_print_with_few_company_words_stays_text_with_a_warning() -> None:
    layout = _layout_with_foot(["Die Planung liegt im Rathaus aus.", "Tel. 0911 123-4567"])
    issues = mark_letter_furniture(layout)
    assert not any(line.furniture for line in layout.lines)
    assert [(i.code, i.field) for i in issues] == [(IssueCode.FOOTER_DOUBTFUL, "justification")]


def test_a_list_turned_after_a_colon_starts_no_second_paper() -> None:
    lines = [
        text_line(600, [(70, "Mit freundlichen Grüßen")]),
        text_line(700, [(70, "Anlagen:")]),
        text_line(80, [(70, "Stellungnahme")], page=2),
        text_line(96, [(70, "Fotodokumentation")], page=2),
    ]
    assert appended_start(lines, {1: 842.0, 2: 842.0}) is None
    lines[1] = text_line(700, [(70, "Erika Muster")])
    assert appended_start(lines, {1: 842.0, 2: 842.0}) == (2, lines[2])
    # Regression (generated letter): the label at the top of the next page, under its running head.
    lines = [
        text_line(600, [(70, "Mit freundlichen Grüßen")]),
        text_line(700, [(70, "Erika Muster")]),
        text_line(98, [(70, "Anlagen:")], page=2),
        text_line(114, [(70, "Stellungnahme")], page=2),
    ]
    assert appended_start(lines, {1: 842.0, 2: 842.0}) is None


def test_a_numbered_heading_that_repeats_page_one_is_no_follow_on_head() -> None:
    # Minutes open with a table of contents in the top quarter of page 1; a later page's item
    # heading repeats an entry's words, but a sender's name never starts with an item number.
    page_one = [
        text_line(40, [(70, "Wortprotokoll der 3. Sitzung des Rates")]),
        text_line(80, [(70, "5.2 Antrag der Fraktion GRÜNE betreffend Klimaneutralität")]),
        text_line(95, [(70, "6 Weitere Vorgänge")]),
    ]
    page_two = [
        text_line(32, [(70, "5.2 Antrag der Fraktion GRÜNE betreffend Klimaneutralität")], page=2),
        text_line(50, [(70, "6 Weitere Vorgänge")], page=2),
        text_line(70, [(70, "Oberbürgermeisterin Muster: Wir kommen zu Punkt 5.2.")], page=2),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=[*page_one, *page_two])
    mark_letter_furniture(layout)
    assert not any(line.furniture for line in page_two)


def test_a_sentence_of_page_one_repeated_at_the_top_of_page_two_is_text() -> None:
    # Regression (generated speech): a speaker's sentence in the top quarter of page 1, said again
    # at the top of page 2, was taken for the follow-on page's head and left out of the text.
    page_one = [
        text_line(40, [(70, "Aktuelle Stunde 20.02.2020")]),
        text_line(150, [(70, "Das verunsichert auch die Bürgerinnen und Bürger.")]),
    ]
    page_two = [
        text_line(60, [(70, "Das verunsichert auch die Bürgerinnen und Bürger.")], page=2),
        text_line(80, [(70, "Im Bereich Schillerstraße ergibt sich derzeit eine Zahl von 544 Plätzen.")], page=2),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=[*page_one, *page_two])
    mark_letter_furniture(layout)
    assert not any(line.furniture for line in page_two)


def test_a_speakers_first_line_whose_words_page_one_holds_is_no_follow_on_head() -> None:
    # Seed-43 protokoll-kopf-2: page 2 of verbatim minutes opened with the chair's turn
    # ("Oberbürgermeisterin Heike Güngör: Gibt es" over "Gegenstimmen? - Keine. ..."). Page 1's top
    # quarter held the same words, so the line was taken for a follow-on head and the turn was
    # lost. A head stands apart from the text; this line runs on into it at the line spacing.
    page_one = [
        text_line(40, [(50, "Rat der Stadt Gotha 11. Sitzung")]),
        text_line(150, [(310, "Oberbürgermeisterin Heike Güngör: Gibt es")]),
        text_line(162, [(310, "Gegenstimmen? - Keine. Dann ist das so beschlossen.")]),
    ]
    page_two = [
        text_line(82, [(50, "Oberbürgermeisterin Heike Güngör: Gibt es")], page=2),
        text_line(94.4, [(50, "Gegenstimmen? - Keine. Dann ist das so beschlossen.")], page=2),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=[*page_one, *page_two])
    mark_letter_furniture(layout)
    assert not any(line.furniture for line in page_two)
    # The same words set apart from the text below them are the page's head.
    page_two[1] = text_line(120, [(50, "Gegenstimmen? - Keine. Dann ist das so beschlossen.")], page=2)
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=[*page_one, *page_two])
    mark_letter_furniture(layout)
    assert [line.furniture for line in page_two] == [True, False]


def test_a_speakers_label_set_in_over_its_turn_is_no_follow_on_head() -> None:
    # Meeting seed 83, plenarprotokoll-6: page 26 opened with the chair's label alone
    # ("Oberbürgermeisterin Zimmermann:"), set in 8 pt over her turn's first line; the line under
    # it did not start at its edge, the label was dropped as the page's head, and her turn joined
    # the speech before it, every later turn moved by one.
    page_one = [
        text_line(40, [(56, "Rat der Stadt Köln 51. Sitzung")]),
        text_line(102, [(64, "Oberbürgermeisterin Zimmermann:")]),
        text_line(114, [(56, "Meine sehr verehrten Damen und Herren, ich eröffne die Sitzung.")]),
    ]
    page_two = [
        text_line(30, [(64, "Oberbürgermeisterin Zimmermann:")], page=2),
        text_line(42.5, [(56, "Gegenstimmen? – Enthaltungen? – Dann ist der Antrag abgelehnt.")], page=2),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=[*page_one, *page_two])
    mark_letter_furniture(layout)
    assert not any(line.furniture for line in page_two)


def test_a_first_line_beside_the_other_columns_is_no_follow_on_head() -> None:
    # Regression: a later page of two-column verbatim minutes opened in the left column with a
    # short line whose words page 1's top quarter also held ("die Förderprogramme
    # planungsverfahren"); the right column's first line beside it was taken for the line under
    # it, so the paragraph seemed not to run on and the line was dropped as a follow-on head.
    page_one = [
        text_line(40, [(50, "Rat der Stadt Aachen")]),
        text_line(150, [(50, "wir haben die Förderprogramme im planungsverfahren beraten")]),
    ]
    page_two = [
        text_line(80.2, [(56, "die Förderprogramme planungsverfahren")], page=2),
        text_line(80.2, [(306, "titionen weiteren vorlage dass verfahren")], page=2),
        text_line(92.0, [(56, "Klimaschutzkonzept und verfahren anwohner")], page=2),
        text_line(92.0, [(306, "gen und die bleiben im Rat der Stadt")], page=2),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=[*page_one, *page_two])
    mark_letter_furniture(layout)
    assert not any(line.furniture for line in page_two)
