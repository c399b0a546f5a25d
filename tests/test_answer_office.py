"""Answers to a council's questions typed into a town's Word template and exported by LibreOffice
(the ``answer-office`` family of scripts/generate_variants.py): the letterhead in the header, the
head fields in a Word table whose labels wrap in narrow cells ("Federführende" over
"Dienststelle:", "Mitteilung" over "Nr.:"), the kind above it ("Mitteilung der Verwaltung",
"Anfragebeantwortung"), the question answered in a "Bezug:" row, and the questions with their
answers in a table, in Word's numbered list or under "Zu Frage 1:" headings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.evaluation import soft_equal
from ratsdoc.extract.cover_type import read_document_type
from ratsdoc.extract.generic.appended import appended_start
from ratsdoc.extract.generic.cells import match_wrapped
from ratsdoc.extract.generic.heading import heading_title, is_issued_type, subject_title
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.labelled import labelled_value
from ratsdoc.extract.paragraph_breaks import paragraph_gap
from ratsdoc.extract.sections import (
    _first_line_indents,
    _leading_addresses,
    _outdented,
    _question_rows,
    _question_table,
    _question_table_heading,
    _weight_changes,
    extract_justification,
)
from ratsdoc.furniture import mark_furniture
from ratsdoc.layout.lines import Line, Token
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import PageInfo

from .conftest import assert_typed_twice_alike, built_word_papers, line_context, needs_office, text_line

#: The fields checked against the golden (the text softly: a table's rows are read row by row).
FIELDS = [
    "number",
    "title",
    "document_type",
    "body",
    "originator",
    "faction",
    "date",
    "resolution_proposal",
    "attachments",
]

#: Development variants, each read wrong before: the kind with its issuer taken for the subject
#: ("Stellungnahme der Verwaltung", 5/9; "Anfragebeantwortung", 5/2); the questions of a
#: "Stellungnahme der Verwaltung" whose "Bezug:" row names the Anfrage read as its request (5/3);
#: "Antwort" of a "Frage | Antwort" header row taken for the type (5/20); the office's value run
#: on into the next column's label ("Tiefbauamt Vorlage-Nr.: ...") and "Beratungsgremium:" unread
#: (5/37); a "Mitteilung der Verwaltung" without text and its "Mitteilung" / "Nr.:" number unread
#: (5/17); "betreffend" in the text read as "Betreff" (5/22); "Antwort: ..." at the top of page 2
#: taken for an appended paper (5/26); "Antwort: ..." under "Frage 1:" taken for the subject (7/35).
CASES = ("5/9", "5/2", "5/3", "5/20", "5/37", "5/17", "5/22", "5/26", "7/35")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development variants, typed and converted in one LibreOffice run as the generator does."""
    return built_word_papers(tmp_path_factory, "answer_office", "answer-office", CASES)


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_a_word_answer_reads_as_its_generator_wrote_it(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert paper[name] == golden[name], name
    assert soft_equal(paper["justification"], golden["justification"])


def test_the_same_seed_types_the_same_answer(tmp_path: Path) -> None:
    assert_typed_twice_alike("answer_office", "3/answer-office/1", tmp_path)


def _bold(top: float, cells: list[tuple[float, str]], size: float = 10.0) -> Line:
    """A line of bold words at ``size``."""
    tokens = []
    for x, text in cells:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 0.6 * size * len(word), top + size, size, bold=True))
            x += 0.6 * size * len(word) + 3.0
    return Line(1, tokens)


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("Mitteilung der Verwaltung", True),
        ("Stellungnahme des Oberbürgermeisters", True),
        ("Beantwortung der Kleinen Anfrage", True),
        ("Anfragebeantwortung", True),
        # A subject that opens with a type word goes on with what it is about.
        ("Stellungnahme zur Sanierung der Stadthalle", False),
        ("Mitteilung über den Stand der Planung", False),
    ],
)
def test_a_type_with_its_issuer_or_question_is_a_type_line(text: str, typed: bool) -> None:
    assert is_issued_type(text, reader_vocabulary()) is typed


def test_the_kind_over_a_head_table_is_no_subject() -> None:
    lines = [
        _bold(60, [(71, "Stadt Münster")], 13.0),
        _bold(100, [(71, "Stellungnahme der Verwaltung")], 13.0),
        text_line(120, [(71, "Bezug:"), (160, "Anfrage der Fraktion Die Linke vom 08.04.2023")]),
        text_line(134, [(71, "Vorlage-Nr.:"), (160, "VO/2023/1880")]),
        _bold(180, [(71, "Modernisierung der Musikschule in der Hauptstraße")], 11.0),
        text_line(210, [(71, "Die Verwaltung beantwortet die Fragen wie folgt:")]),
    ]
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None and found[0] == "Modernisierung der Musikschule in der Hauptstraße"


def test_an_answer_label_under_a_numbered_question_is_no_subject() -> None:
    lines = [
        text_line(100, [(71, "Frage 1: Welche Kosten sind für die Gemeinschaftsschule vorgesehen?")]),
        text_line(112, [(71, "Antwort: Die Kosten belaufen sich auf 28.000,00 EUR.")]),
    ]
    assert subject_title(lines, reader_vocabulary()) is None


def test_a_reference_row_names_the_question_answered() -> None:
    vocab = reader_vocabulary()
    assert vocab.referred_question_re.match("Bezug: Kleine Anfrage der Fraktion FDP vom 09.11.2022")
    assert vocab.referred_question_re.match("Bezug:   Interpellation von Anna Keller (SP) vom 1.3.2024")
    assert not vocab.referred_question_re.match("Bezug: Beschluss des Rates vom 09.11.2022")


def test_the_answers_column_heading_is_no_type() -> None:
    lines = [
        text_line(80, [(71, "Beantwortung der Kleinen Anfrage der SPD-Fraktion")]),
        text_line(200, [(71, "Frage"), (260, "Antwort")]),
    ]
    ctx = line_context(lines, "letter")
    read_document_type(ctx, [(i, line, seg) for i, line in enumerate(lines) for seg in line.segments()])
    assert ctx.fields.values.get("document_type") != "Antwort"
    assert _question_table_heading(lines[1])
    assert not _question_table_heading(text_line(200, [(71, "Gremium"), (260, "Sitzung")]))


def test_a_wrapped_labels_value_stops_at_the_next_columns_label() -> None:
    # The label wrapped in its cell ("Federführende" over "Dienststelle:") read as one line with
    # the value centred beside it, the next column's label and value on the same line.
    lines = [
        text_line(
            100,
            [(71, "Federführende Dienststelle:"), (190, "Tiefbauamt"), (305, "Vorlage-Nr.:"), (423, "VO/2022/1126")],
        ),
        text_line(126, [(71, "Sitzung am:"), (190, "12.12.2022"), (305, "Datum:"), (423, "21.11.2022")]),
    ]
    found = labelled_value(line_context(lines, "generic"), "originator")
    assert found is not None and found[0] == "Tiefbauamt"


def test_a_number_beside_its_wrapped_label_in_one_segment() -> None:
    # "Mitteilung" over "Nr.:" in a narrow cell, the number close enough to share the first line's segment.
    lines = [
        text_line(100, [(71, "Datum:"), (139, "9. Februar 2024")]),
        Line(1, [Token("Mitteilung", 71, 114, 126, 124, 10.0), Token("2024/0728", 139, 114, 190, 124, 10.0)]),
        text_line(128, [(71, "Nr.:")]),
    ]
    pattern = bundled_profiles()["letter"].number_re
    found = match_wrapped(lines, pattern, pages=1)
    assert found is not None and found[0].group("number") == "2024/0728"


def test_betreffend_in_the_text_is_no_subject_label() -> None:
    label = bundled_profiles()["generic"].label("title", fuzzy=0)
    assert label.match("Betreff: Sanierung der Stadthalle")
    assert not label.match("betreffend Neubau der Seniorenbegegnungsstätte am Kirchweg")


def test_an_answer_label_or_the_own_type_at_a_pages_top_opens_no_paper() -> None:
    heights = {1: 842.0, 2: 842.0}
    head = [
        text_line(80, [(70, "Beantwortung der Anfrage")]),
        text_line(100, [(70, "Frage 1: Welche Kosten sind vorgesehen?")]),
    ]
    tail = [
        text_line(120, [(70, "Im Bereich Kirchweg ergibt sich derzeit eine Zahl von rund 93 Plätzen.")], page=2),
        text_line(150, [(70, "Salzburg, 13.01.2025")], page=2),
        text_line(170, [(70, "Mit freundlichen Grüßen")], page=2),
        text_line(200, [(70, "Der Bürgermeister")], page=2),
    ]
    # An answer's label opening page 2 is no heading of another paper.
    label = text_line(60, [(70, "Antwort: Die Kosten belaufen sich auf 138.000,00 EUR.")], page=2)
    assert appended_start([*head, label, *tail], heights) is None
    # Nor is the paper's own type repeated over page 2 as its running head.
    running = text_line(40, [(70, "Beantwortung der Anfrage")], page=2)
    assert appended_start([*head, running, *tail], heights) is None


def test_a_quoted_question_ends_its_paragraph() -> None:
    bold = _bold(100, [(71, "Frage 1: Wie ist der Stand der Planung?")])
    answer = text_line(112, [(71, "Die Arbeiten sollen bis Ende 2026 abgeschlossen werden.")])
    assert _weight_changes(bold, answer)
    going_on = text_line(112, [(71, "und der Bauarbeiten am Kirchweg?")])
    assert not _weight_changes(_bold(100, [(71, "Frage 1: Wie ist der Stand der Planung")]), going_on)
    # The answer at the top of the next page.
    assert _weight_changes(bold, text_line(60, [(71, "Antwort: Ja.")], page=2))
    set_in = text_line(100, [(85, "Wie ist der Stand der Planung?")])
    assert _outdented(set_in, answer, 520.0)
    assert not _outdented(text_line(100, [(71, "Wie ist der Stand der Planung?")]), answer, 520.0)


def test_the_address_under_the_subject_is_no_text() -> None:
    lines = [
        text_line(100, [(71, "An den Stadtrat")]),
        text_line(130, [(71, "Am 15.07.2024 reichte Tobias Schmidt (SVP) die Einfache Anfrage ein.")]),
    ]
    assert _leading_addresses(lines) == 1


def test_questions_beside_their_answers_are_read_question_first() -> None:
    rows = [
        "Frage 1: Wie ist der Stand der | Die Arbeiten sollen bis Ende 2025",
        "Planung? | abgeschlossen werden.",
        "2. Welche Kosten sind vorgesehen? | Rund 95.000 EUR.",
    ]
    assert _question_rows(rows) == [
        ("Frage 1: Wie ist der Stand der Planung?", "Die Arbeiten sollen bis Ende 2025 abgeschlossen werden."),
        ("2. Welche Kosten sind vorgesehen?", "Rund 95.000 EUR."),
    ]
    # A table of other rows keeps its cells on one line each.
    assert _question_rows(["Haushaltsjahr | 2025 | 2026", "Kosten | 10.000 | 12.000"]) == []
    assert _question_rows(["Gremium | Sitzung", "Rat | 12.03.2025"]) == []


def _sized(line: Line, size: float) -> Line:
    """``line`` with its words in ``size`` pt."""
    return Line(line.page, [Token(t.text, t.x0, t.top, t.x1, t.top + size, size) for t in line.tokens])


def test_the_kind_over_page_two_is_the_templates_running_head() -> None:
    lines = [
        text_line(60, [(71, "Der Bürgermeister der Stadt Salzburg")]),
        _sized(text_line(100, [(71, "Anfragebeantwortung")]), 13.0),
        text_line(400, [(71, "Frage 6: Wie ist der Stand der Planung?")]),
        _sized(text_line(60, [(420, "Anfragebeantwortung")], page=2), 8.0),
        text_line(110, [(71, "Antwort: Die Kosten belaufen sich auf 138.000,00 EUR.")], page=2),
    ]
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)])
    assert lines[3].furniture
    assert not lines[1].furniture and not lines[4].furniture
    # In the size of the head's line it may be text (a speaker's turn opening a column on two pages).
    lines[3] = _sized(text_line(60, [(420, "Anfragebeantwortung")], page=2), 13.0)
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)])
    assert not lines[3].furniture


def _justification(lines: list[Line]) -> str | None:
    """The justification read from ``lines`` after a "Begründung:" heading."""
    ctx = line_context([text_line(80, [(71, "Begründung:")]), *lines], "generic", pages=2)
    extract_justification(ctx)
    value = ctx.fields.values.get("justification")
    return value if isinstance(value, str) else None


def test_questions_beside_their_answers_without_rules_are_read_question_first() -> None:
    # Seed 7, paper 40 and seed 5, paper 33: a numbered question and its answer side by side, each
    # of the row's lines one line of two segments, a wrapped question going on in its column; the
    # text below has a word on the answers' edge.
    lines = [
        text_line(100, [(71, "Die Verwaltung beantwortet die Fragen wie folgt:")]),
        text_line(120, [(71, "1. Wie ist der Stand?"), (250, "Die Arbeiten sollen bis Ende 2026")]),
        text_line(132, [(250, "abgeschlossen werden.")]),
        text_line(150, [(71, "2. Welche Kosten sind"), (250, "Rund 95.000 EUR.")]),
        text_line(162, [(71, "vorgesehen?")]),
        text_line(180, [(71, "Die Kosten der Anlage betragen"), (250, "nach der Schätzung 7.000 EUR und sind im")]),
        text_line(192, [(71, "Haushalt 2027 veranschlagt.")]),
    ]
    assert _justification(lines) == (
        "Die Verwaltung beantwortet die Fragen wie folgt:\n\n1. Wie ist der Stand?\n\n"
        "Die Arbeiten sollen bis Ende 2026 abgeschlossen werden.\n\n2. Welche Kosten sind vorgesehen?\n\n"
        "Rund 95.000 EUR.\n\n"
        "Die Kosten der Anlage betragen nach der Schätzung 7.000 EUR und sind im Haushalt 2027 veranschlagt."
    )


def test_a_full_question_set_in_ends_its_paragraph_where_no_first_line_is_set_in() -> None:
    # Seed 7, paper 10: the question set in fills its line, its answer follows at the margin.
    lines = [
        _bold(100, [(71, "Zu Frage 1:")]),
        text_line(114, [(85, "Ist die Verwaltung bereit, die Bushaltestelle im Ortsteil vorzuziehen?")]),
        text_line(126, [(71, "Derzeit liegen der Verwaltung acht Anträge vor. Im Bereich Kirchweg")]),
        text_line(138, [(71, "ergibt sich eine Zahl von rund 4139 Kindern.")]),
    ]
    assert _first_line_indents(lines, {1: 71.0}) is False
    assert _justification(lines) == (
        "Zu Frage 1:\n\nIst die Verwaltung bereit, die Bushaltestelle im Ortsteil vorzuziehen?\n\n"
        "Derzeit liegen der Verwaltung acht Anträge vor. Im Bereich Kirchweg ergibt sich eine Zahl "
        "von rund 4139 Kindern."
    )
    # A text that sets in its paragraphs' first lines keeps a first line ending a question.
    indented = text_line(150, [(85, "Wie es weitergeht, ist offen. Das Amt prüft die Lage in allen")])
    assert _first_line_indents([*lines, indented, text_line(162, [(71, "Ortsteilen.")])], {1: 71.0})


def _exact(tops: list[float], size: float = 12.0) -> list[Line]:
    """Lines of ``size`` pt at ``tops``, each as tall as its type."""
    return [Line(1, [Token("Wort", 71, top, 100, top + size, size)]) for top in tops]


def test_a_small_paragraph_space_between_lines_at_an_exact_pitch_parts_paragraphs() -> None:
    # Seed 5, paper 39: 12 pt lines at a 14 pt pitch, 4 pt more after a paragraph.
    lines = _exact([100, 114, 132, 146, 160, 178, 192, 206, 220])
    gap = paragraph_gap(lines)
    assert gap is not None and 2.0 < gap < 6.0
    # Lines of a scan, whose bands jitter, keep the wider margin: 0.35 of the type over the
    # line spacing (the lower quartile of the gaps, 1.5 pt).
    jittered = _exact([100, 114.6, 128.1, 146.5, 160.9, 174.2, 192.4, 206.8, 220.3])
    assert paragraph_gap(jittered) == pytest.approx(1.5 + 0.35 * 12)


def test_a_tight_list_stays_tight_over_a_page_break() -> None:
    # Seed 41, paper 27 and seed 47, paper 32 (office-frames): items set close on each page, the
    # page break between the second and the third showing no space.
    lines = [
        text_line(690, [(71, "Wir bitten die Verwaltung um Umsetzung der folgenden Punkte:")]),
        text_line(710, [(71, "1. Die Verwaltung legt die Ergebnisse vor.")]),
        text_line(724, [(71, "2. Die Verwaltung prüft die Leitung.")]),
        text_line(60, [(71, "3. Über das Ergebnis ist zu berichten.")], page=2),
        text_line(74, [(71, "4. Die Mittel werden bereitgestellt.")], page=2),
    ]
    assert _justification(lines) == (
        "Wir bitten die Verwaltung um Umsetzung der folgenden Punkte:\n\n1. Die Verwaltung legt die Ergebnisse vor."
        "\n2. Die Verwaltung prüft die Leitung.\n3. Über das Ergebnis ist zu berichten.\n"
        "4. Die Mittel werden bereitgestellt."
    )


def test_a_question_right_under_the_answer_above_opens_its_row() -> None:
    # Merged tree, answers typed in Word, dev 5, papers 24 and 37: a table of questions beside their
    # answers without padding put the next question right under a one-line row, at the pitch of a
    # cell's lines; with paragraphs inside the answers spaced wider, the rows were taken to stand
    # apart by padding and the question was joined to the one above ("3. ...? 4. ...?", silent).
    def row(top: float, question: str, answer: str) -> Line:
        return text_line(top, [(56, question), (300, answer)] if question else [(300, answer)])

    lines = [
        row(100, "1. Wie ist der Stand der Planung?", "Die Planung ist abgeschlossen."),
        row(112, "2. Welche Kosten entstehen?", "Die Kosten betragen 100 EUR."),
        row(124, "", "Die Mittel sind veranschlagt."),
        row(140, "", "Ein Zuschuss ist beantragt."),
        row(152, "3. Wann beginnt der Bau?", "Im Frühjahr."),
        row(170, "4. Wer ist zuständig?", "Das Bauamt."),
    ]
    found = _question_table(lines, 0, [56.0, 300.0])
    assert found is not None
    assert [question for question, _ in found[0]] == [
        "1. Wie ist der Stand der Planung?",
        "2. Welche Kosten entstehen?",
        "3. Wann beginnt der Bau?",
        "4. Wer ist zuständig?",
    ]
    assert found[0][1][1] == "Die Kosten betragen 100 EUR. Die Mittel sind veranschlagt.\n\nEin Zuschuss ist beantragt."
