"""Faction letters to the mayor whose type and body stand only in the request sentence ("wir
bitten Sie, folgende Anfrage ... auf die Tagesordnung der nächsten Sitzung der Bezirksvertretung
Lindenthal zu setzen:"), with numbered questions and no "Fragen:" heading; sentences wrapped
before a type or agenda word; the warning when the sentence's body or type is not read; and the
``letter-request`` variant family (regressions of its seed-41 development set)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ratsdoc.budget import document_guard
from ratsdoc.extract import extract_fields
from ratsdoc.extract.context import Fields
from ratsdoc.extract.generic.proposal import proposal_section
from ratsdoc.extract.generic.request import meeting_body, request_sentence
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.options import ParseOptions
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo
from tests.test_generic_reader import line

from .conftest import load_script

VOCAB = reader_vocabulary()


def _read(lines: list[Line], profile: str = "letter", pages: int = 1) -> Fields:
    layout = Layout(pages=[PageInfo(n, 595.0, 842.0) for n in range(1, pages + 1)], lines=lines)
    with document_guard(ParseOptions(), "paper.pdf") as budget:
        return extract_fields(layout, bundled_profiles()[profile], budget)


def _head(subject: str | None = None) -> list[Line]:
    """Letterhead, dateline, the mayor's address, maybe a subject line, the salutation."""
    lines = [
        line(40, "SPD-Fraktion in der Bezirksvertretung Lindenthal", bold=True, size=13),
        line(58, "Rathaus, Rathausplatz 2 · 50667 Köln", size=9),
        line(90, "Köln, 12.03.2013", x=430),
        line(110, "Herrn Bezirksbürgermeister"),
        line(124, "Andreas Keller"),
        line(138, "50667 Köln"),
    ]
    if subject:
        lines.append(line(175, subject, bold=True))
    return [*lines, line(200, "Sehr geehrter Herr Bezirksbürgermeister,")]


def _item(top: float, number: str, text: str) -> Line:
    """A numbered line, its text a tab (at x 92) away from the number."""
    return Line(1, [*line(top, number).tokens, *line(top, text, x=92).tokens])


def _questions(top: float = 300) -> list[Line]:
    """Numbered questions "1)" hanging-indented, the first wrapped, no heading above them."""
    return [
        _item(top, "1)", "Wie ist der Stand der Planung für die Radverkehrsanlage in der"),
        line(top + 14, "Bahnhofstraße?", x=92),
        _item(top + 30, "2)", "Welche Kosten sind für die Grundschule vorgesehen?"),
    ]


def _anfrage() -> list[Line]:
    """The Köln form: the type and the body only in the request sentence, wrapped so that a line
    starts with "Tagesordnung der Sitzung ..."."""
    return [
        *_head(),
        line(225, "wir bitten Sie, folgende Anfrage der SPD-Fraktion auf die"),
        line(239, "Tagesordnung der nächsten Sitzung der Bezirksvertretung Lindenthal zu setzen:"),
        line(265, "Anwohner beklagen seit Monaten die Lage an der Bahnhofstraße."),
        *_questions(),
        line(370, "Mit freundlichen Grüßen"),
        line(410, "Anna Becker"),
    ]


def test_request_sentence_names_type_body_and_the_questions_are_the_request() -> None:
    """Before, the type was the letter default "Brief", the body null and the questions no items."""
    fields = _read(_anfrage())
    values = fields.values
    assert values["document_type"] == "Anfrage"
    assert values["body"] == "Bezirksvertretung Lindenthal"
    assert [(i.number, i.text) for i in values["resolution_proposal"]] == [
        ("1", "Wie ist der Stand der Planung für die Radverkehrsanlage in der Bahnhofstraße?"),
        ("2", "Welche Kosten sind für die Grundschule vorgesehen?"),
    ]
    # The questions stay in the letter's text (eval/real/README.md), after the sentence and context.
    justification = values["justification"]
    assert justification.startswith("wir bitten Sie, folgende Anfrage")
    assert "1) Wie ist der Stand" in justification
    assert not [w for w in fields.warnings if w.code is IssueCode.REQUEST_DOUBTFUL]


def test_a_type_in_the_subject_line_wins_over_the_request_sentence() -> None:
    lines = _anfrage()
    lines[6:6] = [line(175, "Dringlichkeitsantrag: Radweg an der Bahnhofstraße", bold=True)]
    lines[8] = line(225, "wir bitten Sie, folgenden Antrag der SPD-Fraktion auf die")
    values = _read(lines).values
    assert values["document_type"] == "Dringlichkeitsantrag"
    assert values["title"] == "Radweg an der Bahnhofstraße"
    assert values["body"] == "Bezirksvertretung Lindenthal"
    assert not _read(lines).warnings  # a closer name of the same kind is no contradiction


def test_a_subject_type_of_another_kind_than_the_request_sentence_is_warned() -> None:
    lines = _anfrage()
    lines[6:6] = [line(175, "Antrag: Radweg an der Bahnhofstraße", bold=True)]
    fields = _read(lines)
    assert fields.values["document_type"] == "Antrag"  # the subject line still wins
    warned = [w for w in fields.warnings if w.code is IssueCode.REQUEST_DOUBTFUL]
    assert [w.field for w in warned] == ["document_type"]


def test_a_later_page_paragraph_back_at_the_margin_ends_the_last_question() -> None:
    """Question 2 at the foot of page 1, "Wir bitten um schriftliche Beantwortung." at the top of
    page 2: neither part of the question nor (a request for an answer) the letter's request."""
    lines = [
        *_head(),
        line(225, "die SPD-Fraktion stellt zur nächsten Sitzung des Rates folgende Anfrage:"),
        line(260, "Anwohner beklagen seit Monaten die Lage an der Bahnhofstraße."),
        *_questions(740),
        line(72, "Wir bitten um schriftliche Beantwortung.", page=2),
        line(110, "Mit freundlichen Grüßen", page=2),
    ]
    values = _read(lines, pages=2).values
    assert values["body"] == "Rat"
    assert [i.text for i in values["resolution_proposal"]][-1] == "Welche Kosten sind für die Grundschule vorgesehen?"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "den folgenden Antrag in die Sitzung des Ausschusses für Umwelt, Klima und Mobilität am 12.03.2013",
            "Ausschuss für Umwelt, Klima und Mobilität",
        ),
        ("stellt zur nächsten Sitzung des Rates der Stadt Köln folgende Anfrage:", "Rat"),
        ("auf die Tagesordnung der Sitzung des Gemeinderats am 11.08.2023 zu setzen.", "Gemeinderat"),
        ("zur Sitzung des Kreistages am 19.02.2024 stellen wir folgenden Antrag:", "Kreistag"),
        ("in der Sitzung der Bezirksvertretung Bad Godesberg zu behandeln:", "Bezirksvertretung Bad Godesberg"),
        ("auf die Tagesordnung der nächsten Sitzung des Integrationsrates zu setzen:", None),
    ],
)
def test_meeting_body_as_printed_in_the_nominative(text: str, body: str | None) -> None:
    assert meeting_body(text, VOCAB) == body


def test_unread_body_and_type_of_a_request_sentence_are_warned() -> None:
    lines = _anfrage()
    lines[7] = line(225, "wir bitten Sie, das folgende Anliegen der SPD-Fraktion auf die")
    lines[8] = line(239, "Tagesordnung der nächsten Sitzung des Integrationsrates zu setzen:")
    fields = _read(lines, "generic")
    warned = {w.field for w in fields.warnings if w.code is IssueCode.REQUEST_DOUBTFUL}
    assert fields.values["body"] is None
    assert warned == {"body", "document_type"}


def test_a_type_word_wrapped_from_the_sentence_above_is_no_request_heading() -> None:
    """ "... stellen wir folgenden" over "Antrag:" was read as a request heading: every paragraph
    after it became an item."""
    lines = [
        line(200, "Sehr geehrte Frau Oberbürgermeisterin,"),
        line(225, "zur Sitzung des Ausschusses für Soziales am 05.07.2023 stellen wir folgenden"),
        line(239, "Antrag:"),
        line(265, "Die Maßnahme ist erforderlich, damit die Anwohner entlastet werden."),
        line(300, "Mit freundlichen Grüßen"),
    ]
    assert proposal_section(lines, VOCAB) is None
    request = request_sentence(lines, VOCAB)
    assert request is not None and request.kind == "Antrag" and request.body == "Ausschuss für Soziales"


def test_prüfantrag_announcement_is_no_part_of_the_text() -> None:
    lines = _anfrage()
    lines[7] = line(225, "zur Sitzung des Rates am 21.06.2023 stellen wir folgenden")
    lines[8] = line(239, "Prüfantrag:")
    values = _read(lines).values
    assert values["document_type"] == "Prüfantrag"
    assert values["justification"].startswith("Anwohner beklagen")


def test_letter_request_family_is_deterministic_and_says_what_it_prints(tmp_path: Path) -> None:
    """The letter-request family (scripts/letter_request.py): the same seed gives the same bytes;
    each golden's type, body (in the genitive) and items are printed in the PDF."""
    pytest.importorskip("reportlab", reason="the variants need reportlab (extra 'fixtures')")
    import pdfplumber

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))  # its neighbours
    gv = load_script("generate_variants")

    family = next(f for f in gv.FAMILIES if f.name == "letter-request")
    for run in ("a", "b"):
        gv.generate(tmp_path / run, 6, [family], seed=41, log=print)
    for golden_path in sorted((tmp_path / "a" / "letter-request").glob("*.json")):
        again = tmp_path / "b" / "letter-request" / golden_path.name
        assert golden_path.read_bytes() == again.read_bytes()
        assert golden_path.with_suffix(".pdf").read_bytes() == again.with_suffix(".pdf").read_bytes()
        golden = json.loads(golden_path.read_text("utf-8"))
        with pdfplumber.open(golden_path.with_suffix(".pdf")) as pdf:
            text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        assert golden["document_type"] in text
        assert golden["body"].split()[0] in text.replace("Rates", "Rat").replace("Rats", "Rat")
        assert all(item["text"].split("?")[0][:30] in text for item in golden["resolution_proposal"])


def test_a_wrapped_agenda_line_in_a_letter_is_no_meeting_heading() -> None:
    """ "... in die" over "Tagesordnung der Sitzung der Bezirksvertretung Ehrenfeld am 09.01.2023."
    made the letter an agenda (type "Tagesordnung", its paper fields emptied)."""
    lines = _anfrage()
    lines[7:9] = [
        line(225, "gemäß § 12 der Geschäftsordnung bitten wir um Aufnahme des nachstehenden Punktes in die"),
        line(239, "Tagesordnung der Sitzung der Bezirksvertretung Ehrenfeld am 09.01.2023. Die Fraktion stellt"),
        line(253, "folgende Anfrage:"),
    ]
    values = _read(lines).values
    assert values["document_type"] == "Anfrage"
    assert values["body"] == "Bezirksvertretung Ehrenfeld"
    assert len(values["resolution_proposal"]) == 2


def test_the_request_sentence_is_its_lines_not_the_paragraph_run_on_after_it() -> None:
    # Word papers with boxes, seed 47, paper 15: paragraphs set without space between them; the
    # type's provenance spanned the text down to "Beschlussvorschlag:", whose label the
    # resolution reader then passed over as the type's line: the proposal was read into the
    # reasons, silently.
    lines = [
        *_head(),
        line(214, "wir bitten Sie, folgenden Dringlichkeitsantrag in der nächsten Sitzung der"),
        line(227, "Bezirksvertretung Bad Godesberg zu behandeln:"),
        line(240, "Der Ortsteilrat Rieth wurde am 04.04.2022 über die Kostenschätzung informiert."),
        line(253, "Beschlussvorschlag:"),
        _item(266, "a)", "Die Mittel für die Kunsthalle werden bereitgestellt."),
        _item(279, "b)", "Über das Ergebnis ist zu berichten."),
        line(292, "Wir bitten um schriftliche Beantwortung."),
        line(320, "Mit freundlichen Grüßen"),
    ]
    request = request_sentence(lines, VOCAB)
    assert request is not None and [ln.top for ln in request.lines] == [214, 227]
    fields = _read(lines)
    assert [item.number for item in fields.values["resolution_proposal"]] == ["a", "b"]
    assert "Beschlussvorschlag" not in fields.values["justification"]
