"""Vorlagen and letters typed into Word templates with boxes anchored to the page and content
controls, exported by LibreOffice (the ``office-frames`` family of scripts/generate_variants.py):
an information block beside the kind and the subject, whose rows share the subject's lines in
the PDF, read with the generic profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.extract.context import Context
from ratsdoc.extract.cover_date import read_date
from ratsdoc.extract.cover_title import read_title
from ratsdoc.extract.generic.heading import heading_title, side_box, subject_title, without_box
from ratsdoc.extract.generic.letter_fields import window_sender
from ratsdoc.extract.generic.office import fill_office_date
from ratsdoc.extract.generic.request import fill_from_request, requested_items
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.labelled import labelled_value
from ratsdoc.layout.lines import Line, Token
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import (
    VORLAGE_FIELDS,
    assert_typed_twice_alike,
    built_word_papers,
    line_context,
    needs_office,
    text_line,
)

#: The fields checked against the golden (the letters' body and faction as well).
FIELDS = [*VORLAGE_FIELDS, "body", "faction"]

#: Development variants whose subject was read with the information block's rows beside it
#: ("... Stadthalle am Vorlagen-Nr.: 0953/2022 Steinweg ...", 5/12; "... am Lessingplatz Datum:
#: 23.06.2025", cut off at a row of the block between its lines, 5/19; a label glued to the
#: subject's last word, "... Kirchweg und Federführung:", 5/37; a block of two rows, 7/18), or a
#: letter without a subject whose sender column's bold name beside the address passed for one
#: ("Anna Keller der Stadt Köln", 7/38).
TITLE_CASES = ("5/12", "5/19", "5/37", "7/18", "7/38")
#: Read wrong before in one field or more: "Status" over "öffentlich" in smaller type (5/7), a
#: value pushed to the next line by its long label, going on at the hanging indent (5/11), or
#: pushed to the next tab stop (5/13), an office beside the subject going on under its value
#: (5/18), a letter's sender taken with its return address (7/9), a request whose list a word
#: processor's small spacing joined to it (7/32). Read right before and kept so: the kind as a
#: drop-down list in the placeholder style (5/4), a letter's information block with labels over
#: values (5/5), unfilled controls showing their placeholder text in a letter's information
#: block (5/6).
WHOLE_CASES = ("5/7", "5/11", "5/13", "5/18", "7/9", "7/32", "5/4", "5/5", "5/6")
CASES = TITLE_CASES + WHOLE_CASES


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development variants, typed and converted in one LibreOffice run as the generator does."""
    return built_word_papers(tmp_path_factory, "office_frames", "office-frames", CASES)


@needs_office
@pytest.mark.parametrize("case", TITLE_CASES)
def test_a_subject_beside_a_box_is_read_without_the_box(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    assert ratsdoc.parse(pdf).title == golden["title"]


@needs_office
@pytest.mark.parametrize("case", WHOLE_CASES)
def test_a_word_paper_with_boxes_reads_as_its_generator_wrote_it(
    built: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = built[case]
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert paper[name] == golden[name], name


def test_the_same_seed_types_the_same_paper(tmp_path: Path) -> None:
    assert_typed_twice_alike("office_frames", "3/office-frames/1", tmp_path)


def _bold_line(top: float, cells: list[tuple[float, str]], size: float = 11.0) -> Line:
    """A line of bold words at ``size``, each cell starting at its x."""
    tokens = []
    for x, text in cells:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 0.55 * size * len(word), top + size, size, bold=True))
            x += 0.55 * size * len(word) + 3.0
    return Line(1, tokens)


def _beside(top: float, bold: list[tuple[float, str]], box: list[tuple[float, str]]) -> Line:
    """A bold line of the flow with a box's regular words beside it on the same baseline."""
    line = _bold_line(top, bold)
    return Line(1, [*line.tokens, *text_line(top, box).tokens])


def _page() -> list[Line]:
    """The head of a Vorlage whose information block stands beside the kind and the subject."""
    return [
        _bold_line(40, [(71, "Stadt Nordhorn")], 14.0),
        Line(
            1,
            [*_bold_line(70, [(71, "Beschlussvorlage")], 16.0).tokens, *text_line(72, [(376, "Vorlage-Nr.:")]).tokens],
        ),
        text_line(86, [(376, "Status:"), (454, "öffentlich")]),
        _beside(100, [(71, "Energetische Sanierung der Stadthalle am")], [(376, "Datum:"), (454, "15.11.2022")]),
        text_line(110, [(376, "Federführende Dienststelle:")]),
        _beside(116, [(71, "Steinweg nach dem Beschluss vom 11.01.2024")], [(454, "Fachbereich Bauen")]),
        text_line(140, [(376, "Telefon:"), (454, "05921 41-234")]),
        _bold_line(240, [(71, "Beschlussvorschlag:")]),
        text_line(256, [(71, "Der Rat beschließt die Sanierung der Stadthalle.")]),
    ]


def test_the_first_heading_beside_an_information_block_is_read_without_its_rows() -> None:
    # Regression (5/12, 5/19): the subject took the block's rows and stopped at the row between its lines.
    found = heading_title(_page(), 842.0, reader_vocabulary())
    assert found is not None
    assert found[0] == "Energetische Sanierung der Stadthalle am Steinweg nach dem Beschluss vom 11.01.2024"


def test_a_labelled_subject_beside_an_information_block_is_read_without_its_rows() -> None:
    lines = [
        _bold_line(40, [(71, "Stadt Nordhorn")], 14.0),
        text_line(70, [(71, "Beschlussvorlage"), (376, "Vorlage-Nr.:"), (454, "VO/2024/0456")]),
        text_line(84, [(376, "Status:"), (454, "öffentlich")]),
        _beside(
            98, [(71, "Betreff:"), (140, "Sanierung der Stadthalle und")], [(376, "Federführung:"), (454, "Amt 61")]
        ),
        _bold_line(112, [(140, "Neubau der Mensa")]),
        text_line(150, [(71, "Beratungsfolge:")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    assert found[0][0] == "Sanierung der Stadthalle und Neubau der Mensa"


def test_a_box_glued_to_the_subject_is_cut_at_the_edge_its_labels_share() -> None:
    # Regression (5/37): "... Kirchweg und Federführung:" with a gap narrower than a segment's before the label;
    # the values' column (454) has more lines, the labels' edge is the box's.
    glued = _bold_line(100, [(71, "Erweiterung der Stadtbibliothek am Kirchweg und")])
    edge = glued.x1 + 10.0  # the box's distance from the text wrapped beside it
    lines = [
        _bold_line(40, [(71, "Stadt Nordhorn")], 14.0),
        Line(
            1,
            [
                *_bold_line(70, [(71, "Mitteilungsvorlage")], 16.0).tokens,
                *text_line(72, [(edge, "Vorlage-Nr.:"), (454, "MV/0749/2025")]).tokens,
            ],
        ),
        text_line(86, [(edge, "Status:"), (454, "öffentlich")]),
        Line(1, [*glued.tokens, *text_line(100, [(edge, "Federführung:"), (454, "Fachbereich Bildung,")]).tokens]),
        Line(
            1,
            [
                *_bold_line(116, [(71, "Ergänzung um eine Bushaltestelle")]).tokens,
                *text_line(116, [(454, "Jugend und Sport")]).tokens,
            ],
        ),
        text_line(240, [(71, "Der Rat nimmt den Bericht zur Kenntnis.")]),
    ]
    assert len(lines[3].segments()) == 2  # the label in one segment with the subject, its value apart
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None
    assert found[0] == "Erweiterung der Stadtbibliothek am Kirchweg und Ergänzung um eine Bushaltestelle"


def test_a_page_without_a_box_keeps_its_lines() -> None:
    # A date at the right of one line and a table's columns below the head are no box.
    lines = [
        _bold_line(40, [(71, "SPD-Fraktion im Rat der Stadt Köln")], 13.0),
        text_line(80, [(71, "Herrn Oberbürgermeister"), (420, "Köln, 12.03.2024")]),
        text_line(92, [(71, "Max Mustermann")]),
        _bold_line(130, [(71, "Sanierung der Stadthalle")]),
        text_line(160, [(71, "Datum"), (160, "Gremium"), (400, "Zuständigkeit")]),
        text_line(172, [(71, "20.11.2025"), (160, "Rat"), (400, "Entscheidung")]),
    ]
    assert side_box(lines) is None
    assert without_box(lines, side_box(lines)) == lines


def test_label_values_under_a_type_line_centred_over_their_tab_stop_are_no_box() -> None:
    # Regression (numbered Vorlagen, seed 103, paper 6): "Beschlussvorlage" centred so that it
    # started at the tab stop of the labels' values under it; the values were taken for a box's
    # rows beside the flow and the subject after "Gegenstand:" was lost.
    lines = [
        text_line(40, [(57, "Kreis Steinfurt"), (352, "Drucksachen-Nr.:"), (450, "2023/0586")]),
        text_line(54, [(352, "Datum:"), (450, "23.10.2023")]),
        _bold_line(110, [(215, "Beschlussvorlage")], 14.0),
        text_line(148, [(57, "Federführung:"), (215, "Amt für Schulverwaltung und Kultur")]),
        _bold_line(172, [(57, "Gegenstand:"), (215, "Energetische Sanierung der Feuerwache")]),
        text_line(200, [(57, "Der Kreistag beschließt die Sanierung.")]),
    ]
    box = side_box(lines)
    assert box is None or box.edge > 300
    found = subject_title(lines, reader_vocabulary())
    assert found is not None and found[0][0] == "Energetische Sanierung der Feuerwache"
    # A box's own label lines, set in from the flow's edge, keep their values as the box's rows
    # (Word papers with boxes, seed 23, paper 25: the subject's last line "2025" beside the box).
    boxed = [
        _bold_line(101, [(71, "Sanierung der Schwimmhalle im Haushaltsjahr")]),
        text_line(127, [(290, "Vorlage-Nr.:"), (400, "0720/2024")]),
        _bold_line(133, [(71, "2025")]),
        text_line(141, [(290, "Status:"), (400, "öffentlich")]),
        text_line(155, [(290, "Aktenzeichen:"), (400, "11.9-728")]),
        text_line(240, [(71, "Der Rat beschließt die Sanierung.")]),
    ]
    assert side_box(boxed) is not None


#: Letters whose text ran beside the sender column, its rows read into the text ("... auf die
#: Tagesordnung der E-Mail Sitzung ...", 7/25; "... auf die Datum Tagesordnung ...", 7/30, 7/38).
JUSTIFICATION_CASES = ("7/25", "7/30", "7/38")


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The letters with a sender column, typed and converted in one LibreOffice run."""
    return built_word_papers(tmp_path_factory, "office_frames", "office-frames", JUSTIFICATION_CASES)


@needs_office
@pytest.mark.parametrize("case", JUSTIFICATION_CASES)
def test_a_letters_text_beside_its_sender_column_is_read_without_the_column(
    letters: dict[str, tuple[Path, dict[str, Any]]], case: str
) -> None:
    pdf, golden = letters[case]
    assert ratsdoc.parse(pdf).justification == golden["justification"]


def _words(top: float, x: float, text: str, size: float) -> list[Token]:
    """Regular words at ``size`` from ``x`` on one baseline."""
    tokens = []
    for word in text.split():
        tokens.append(Token(word, x, top, x + 0.5 * size * len(word), top + size, size))
        x += 0.5 * size * len(word) + 0.3 * size
    return tokens


def _labelled(lines: list[Line], name: str, profile: str = "generic") -> str | None:
    found = labelled_value(line_context(lines, profile), name)
    return found[0] if found else None


def test_a_label_over_its_value_in_smaller_type_gives_the_value() -> None:
    # Regression (5/7, 5/16, 5/24): "Status" over "öffentlich", "Federführung" over "FB 4 – Ordnung
    # und" over "Soziales" in an information block, each label smaller than its value.
    lines = [
        Line(1, _words(40, 71, "Stadt Delmenhorst", 13.0)),
        Line(1, _words(149, 369, "Drucksachen-Nr.", 7.0)),
        Line(1, _words(157, 369, "VO/2023/0551", 8.0)),
        Line(1, _words(169, 369, "Status", 7.0)),
        Line(1, _words(178, 369, "öffentlich", 8.0)),
        Line(1, _words(190, 369, "Federführung", 7.0)),
        Line(1, _words(198, 369, "FB 4 – Ordnung und", 8.0)),
        Line(1, _words(207, 369, "Soziales", 8.0)),
        Line(1, _words(219, 369, "Verfasser", 7.0)),
        Line(1, _words(228, 369, "Vogel, Beat", 8.0)),
    ]
    assert _labelled(lines, "public") == "öffentlich"
    assert _labelled(lines, "originator") == "FB 4 – Ordnung und Soziales"


def test_a_heading_over_text_of_its_own_size_is_no_stacked_label() -> None:
    lines = [
        Line(1, _words(100, 71, "Status", 10.0)),
        Line(1, _words(114, 71, "öffentlich bekannt gemacht am 12.03.2024", 10.0)),
    ]
    assert _labelled(lines, "public") is None


def test_a_value_pushed_past_its_label_goes_on_at_the_hanging_indent() -> None:
    # Regression (5/13, 5/20, 5/40): "Federführende Dienststelle:" ran past the tab stop at 440,
    # the value started at the next stop (499) and went on at the indent (440).
    lines = [
        text_line(137, [(355, "Vorlage-Nr.:"), (440, "VO/2025/0396")]),
        text_line(147, [(355, "Datum:"), (440, "31.03.2025")]),
        text_line(158, [(355, "Federführende Dienststelle:"), (520, "Amt für")]),
        text_line(168, [(440, "Finanzen")]),
        text_line(178, [(355, "Az.:"), (440, "60.3-176")]),
    ]
    assert _labelled(lines, "originator") == "Amt für Finanzen"


def test_a_value_pushed_a_blank_line_below_its_label_goes_on_at_its_edge() -> None:
    # Seed 41, paper 15: the tab after "Federführende Dienststelle:" found no stop and took a
    # line of its own; the office stood a blank line below and wrapped twice, and only its first
    # line was read.
    lines = [
        text_line(161.5, [(377, "Datum:"), (457, "14.08.2024")]),
        text_line(172.5, [(377, "Federführende Dienststelle:")]),
        text_line(194.6, [(457, "Fachbereich")]),
        text_line(205.7, [(457, "Bildung, Jugend")]),
        text_line(216.7, [(457, "und Sport")]),
        text_line(227.8, [(377, "Az.:"), (457, "61.2-17")]),
    ]
    assert _labelled(lines, "originator") == "Fachbereich Bildung, Jugend und Sport"


def test_the_text_beside_a_box_between_a_values_lines_is_passed_over() -> None:
    # Regression (5/1): the subject's lines beside the block stand between "Amt 61 –" and "Stadtplanung".
    lines = [
        text_line(162, [(362, "Datum:"), (448, "06.06.2025")]),
        text_line(168, [(143, "Lindenallee nach dem Beschluss")]),
        text_line(176, [(362, "Federführung:"), (448, "Amt 61 –")]),
        text_line(184, [(143, "vom 24.06.2022 zwischen")]),
        text_line(191, [(448, "Stadtplanung")]),
        text_line(200, [(143, "Bergstraße"), (362, "Verfasser:"), (448, "Becker, Monika")]),
    ]
    assert _labelled(lines, "originator") == "Amt 61 – Stadtplanung"


def test_a_value_under_the_text_beside_a_grid_is_not_taken_for_the_hanging_indent() -> None:
    # The subject's continuation left of the grid ("Steinweg") is no line of the office's cell.
    lines = [
        text_line(140, [(354, "Vorlage:"), (444, "BV/2022/097")]),
        text_line(
            150,
            [
                (71, "Betreff:"),
                (128, "Instandsetzung der Kunsthalle am"),
                (354, "Federführende Dienststelle:"),
                (520, "Amt für"),
            ],
        ),
        text_line(167, [(128, "Steinweg"), (444, "Finanzen")]),
        text_line(187, [(354, "Verfasser:"), (444, "Huber, Simone")]),
    ]
    assert _labelled(lines, "originator") == "Amt für Finanzen"


def test_a_request_set_apart_by_small_spacing_ends_at_its_list() -> None:
    # Regression (7/30, 7/32, 7/38): Word's 6 pt after each paragraph is less than most of a
    # line, so the request, the context and the numbered list read as one paragraph and the list
    # was never reached.
    lines = [
        text_line(454, [(71, "Sehr geehrte Frau Bezirksbürgermeisterin,")]),
        text_line(467, [(71, "bitte setzen Sie folgenden Prüfantrag auf die Tagesordnung der Sitzung der")]),
        text_line(479, [(71, "Bezirksvertretung Beuel am 05.05.2023.")]),
        text_line(496, [(71, "Das Tiefbauamt hat die Kostenschätzung im Mai 2023 abgestimmt.")]),
        text_line(513, [(71, "1)"), (92, "Die Mittel für die Grundschule werden im Haushalt 2027 bereitgestellt.")]),
        text_line(530, [(71, "2)"), (92, "Über das Ergebnis ist in der nächsten Sitzung zu berichten.")]),
        text_line(560, [(71, "Freundliche Grüße")]),
    ]
    items = requested_items(lines, reader_vocabulary())
    assert [number for number, _, _ in items] == ["1", "2"]


def test_an_address_windows_sender_line_with_dots_gives_the_sender() -> None:
    # Regression (7/9): the return-address line over the address field, its town wrapped.
    assert window_sender("AfD-Fraktion im Rat der Stadt Münster · Rathausplatz 2 · 48143") == (
        "AfD-Fraktion im Rat der Stadt Münster"
    )
    assert window_sender("CSU-Fraktion, Rathausplatz 1, 91052 Erlangen") == "CSU-Fraktion"
    assert window_sender("Fraktion BÜNDNIS 90 · DIE GRÜNEN") == "Fraktion BÜNDNIS 90 · DIE GRÜNEN"
    # Seed 47, paper 36: the line's next part set apart leaves its separator at the sender's end.
    assert window_sender("Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Münster ·") == (
        "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Münster"
    )


def test_a_two_row_box_beside_the_subject_is_read_apart() -> None:
    # Regression (7/18): a block of two rows, one beside the subject's first line and one of its
    # own between the subject's lines.
    lines = [
        _bold_line(56, [(71, "Gemeinde Wallenhorst")], 13.5),
        _bold_line(100, [(71, "Sitzungsvorlage")], 15.5),
        _beside(
            123,
            [(71, "Erneuerung der Sporthalle sowie")],
            [(364, "Vorlage-Nr.:"), (443, "VO/2023/0639")],
        ),
        text_line(133, [(364, "Federführend:"), (443, "Fachbereich 3 – Bauen")]),
        _bold_line(139, [(71, "Bereitstellung zusätzlicher Mittel")]),
        _bold_line(197, [(71, "Beratungsfolge:")]),
    ]
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None
    assert found[0] == "Erneuerung der Sporthalle sowie Bereitstellung zusätzlicher Mittel"


def test_the_date_row_of_a_block_beside_the_subject_wins_over_the_subjects_date() -> None:
    # Regression (5/12): the subject's last line "11.01.2024" stood alone left of "Datum: 15.11.2022".
    lines = [
        _bold_line(58, [(71, "Gemeinde Wallenhorst")], 14.0),
        _beside(143, [(71, "Energetische Sanierung der Stadthalle")], [(365, "Vorlagen-Nr.:"), (448, "0953/2022")]),
        _beside(156, [(71, "nach dem Beschluss vom")], [(365, "Status:"), (448, "öffentlich")]),
        _beside(168, [(71, "11.01.2024")], [(365, "Datum:"), (448, "15.11.2022")]),
        text_line(180, [(365, "Federführend:"), (448, "Amt für Finanzen")]),
        text_line(329, [(71, "Beratungsfolge:")]),
    ]
    ctx = line_context(lines, "generic")
    read_date(ctx)
    assert ctx.fields.values["date"] == dt.date(2022, 11, 15)


def test_an_office_beside_the_subject_goes_on_under_its_value() -> None:
    # Regression (5/18): "Betreff: ... in der   Federführung: FB 4 – Ordnung" over "Weimarische
    # Straße   und Soziales": the subject's words left of the label are no row of the grid.
    lines = [
        text_line(131, [(377, "Datum:"), (460, "08.01.2024")]),
        text_line(
            143,
            [(71, "Betreff:"), (128, "Erweiterung der Schwimmhalle"), (377, "Federführung:"), (460, "FB 4 – Ordnung")],
        ),
        text_line(157, [(128, "Weimarische Straße"), (460, "und Soziales")]),
        text_line(172, [(128, "um eine Fahrradabstellanlage")]),
    ]
    assert _labelled(lines, "originator") == "FB 4 – Ordnung und Soziales"


#: A letter whose announcing sentence wraps beside an information block ("... stellen wir
#: folgenden   E-Mail" / "Prüfantrag:   fraktion-"): read with the block's words, the sentence was
#: no request, and the letter was typed "Brief" without a warning (seed 29, paper 18); read
#: without them, it types the letter.
REQUEST_CASES = ("29/18",)


@pytest.fixture(scope="module")
def requests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The letter whose request sentence wraps beside its information block."""
    return built_word_papers(tmp_path_factory, "office_frames", "office-frames", REQUEST_CASES)


@needs_office
def test_a_request_sentence_beside_a_box_is_read_without_the_box(
    requests: dict[str, tuple[Path, dict[str, Any]]],
) -> None:
    pdf, golden = requests["29/18"]
    paper = ratsdoc.parse(pdf)
    assert paper.document_type == golden["document_type"] == "Prüfantrag"


def test_the_type_a_request_sentence_announces_types_a_letter_without_one() -> None:
    # Regression (seed 29, paper 18): the sentence read without the box named "Prüfantrag", but
    # only a warning came of it; the letter stayed "Brief".
    lines = [
        text_line(250, [(71, "Sehr geehrter Herr Bürgermeister,")]),
        text_line(268, [(71, "zur Sitzung des Gemeinderats am 06.10.2025 stellen wir folgenden")]),
        text_line(284, [(71, "Prüfantrag:")]),
        text_line(305, [(71, "Im Bereich Hauptstraße ergibt sich derzeit eine Zahl von rund 3471 Besuchern.")]),
    ]
    ctx = Context(layout=Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines), profile=bundled_profiles()["letter"])
    fill_from_request(ctx, lines, reader_vocabulary())
    assert ctx.fields.values["document_type"] == "Prüfantrag"
    assert ctx.fields.values["body"] == "Gemeinderat"
    assert [i.field for i in ctx.fields.warnings] == []


def _subject_beside_a_box() -> list[Line]:
    """A labelled subject over three lines beside a box of fields whose "Datum:" row stands closer
    to the subject's long second line than a column's gap (seed 23, paper 26)."""
    return [
        _bold_line(56, [(71, "Stadt Weimar")], 13.5),
        _bold_line(90, [(71, "Beschlussvorlage")], 13.5),
        text_line(
            114, [(71, "Betreff:"), (160, "Sanierung der Seniorenbegegnungsstätte am"), (443, "Drucksachen-Nr.:")]
        ),
        text_line(125, [(160, "Lessingplatz unter Beteiligung des Ortsteilrates"), (443, "Datum: 12.05.2025")]),
        text_line(136, [(160, "Rieth"), (443, "Federführende Dienststelle: Amt 61")]),
        text_line(147, [(443, "Az.: 35.6-392")]),
        text_line(231, [(71, "Beratungsfolge:")]),
    ]


def test_a_labelled_subject_goes_on_without_the_box_row_beside_its_second_line() -> None:
    # Regression (23/26): "Datum:" beside the subject's second line, 7 pt after its last word,
    # went into the title, and the paper's date was lost with it.
    lines = _subject_beside_a_box()
    assert len(lines[3].segments()) == 1  # the box's row in one segment with the subject
    ctx = line_context(lines, "generic")
    read_title(ctx)
    assert ctx.fields.values["title"] == (
        "Sanierung der Seniorenbegegnungsstätte am Lessingplatz unter Beteiligung des Ortsteilrates Rieth"
    )


def test_a_date_row_of_a_box_set_close_to_the_subject_is_cut_at_the_box_s_edge() -> None:
    ctx = line_context(_subject_beside_a_box(), "generic")
    read_date(ctx)
    assert ctx.fields.values["date"] == dt.date(2025, 5, 12)


def test_a_sender_line_wrapped_before_its_postcode_gives_the_sender() -> None:
    # Regression (43/39): the return address broke after the house number and its dot.
    assert window_sender("Fraktion DIE LINKE im Rat der Stadt Münster · Rathausplatz 2 ·") == (
        "Fraktion DIE LINKE im Rat der Stadt Münster"
    )
    assert window_sender("Fraktion Grüne · Am Markt 12a ·") == "Fraktion Grüne"
    assert window_sender("Anna Keller · Ratsfrau") == "Anna Keller · Ratsfrau"


def test_a_labelled_subject_with_the_box_s_label_glued_to_it_is_cut_at_the_box_s_column() -> None:
    # Regression (43/31): "Datum:" 9 pt after the subject's last word on the label's own line,
    # under the box's "Vorlage-Nr.:" and over its "Federführung:".
    lines = [
        _bold_line(60, [(71, "Stadt Gütersloh")], 16.0),
        _bold_line(128, [(71, "Beschlussvorlage")], 16.0),
        text_line(147, [(361, "Vorlage-Nr.:"), (439, "2024/0974")]),
        text_line(159, [(71, "Betreff:"), (136, "Erweiterung der Stadtbibliothek in der"), (439, "23.08.2024")]),
        text_line(177, [(136, "Weimarische Straße zwischen Am"), (361, "Federführung:"), (439, "Fachdienst Umwelt")]),
        text_line(194, [(136, "Stadtpark und Lindenallee"), (439, "und Klimaschutz")]),
        text_line(213, [(361, "Az.:"), (439, "14.8-117")]),
        text_line(328, [(71, "Beratungsfolge:")]),
    ]
    # The box's label in the subject's segment, 9 pt after "der" (which ends at 352).
    lines[3] = Line(1, [*lines[3].tokens[:-1], Token("Datum:", 361, 159, 397, 169, 10.0), lines[3].tokens[-1]])
    assert [len(segment) for segment in lines[3].segments()] == [1, 6, 1]
    ctx = line_context(lines, "generic")
    read_title(ctx)
    assert ctx.fields.values["title"] == (
        "Erweiterung der Stadtbibliothek in der Weimarische Straße zwischen Am Stadtpark und Lindenallee"
    )
    read_date(ctx)
    assert ctx.fields.values["date"] == dt.date(2024, 8, 23)


def test_a_letter_s_subject_ends_at_the_sender_column_beside_it() -> None:
    # Regression (43/32): "Anfrage: ... am Steinweg" with the column's wrapped e-mail "afd-" far
    # right on its line.
    lines = [
        text_line(230, [(111, "Anfrage:"), (179, "Umgestaltung der Schwimmhalle am Steinweg"), (465, "afd-")]),
        text_line(246, [(111, "Sehr geehrte Frau Bezirksbürgermeisterin,"), (465, "fraktion@dortmund.de")]),
        text_line(267, [(111, "wir bitten Sie, folgende Anfrage auf die Tagesordnung zu setzen:")]),
    ]
    found = labelled_value(line_context(lines, "letter"), "title")
    assert found is not None and found[0] == "Umgestaltung der Schwimmhalle am Steinweg"


def test_a_bold_subject_after_its_label_s_tab_wraps_back_to_the_margin() -> None:
    # Regression (43/40): "Betr.:<tab>Sanierung ..." in bold, its next lines at the label's margin.
    lines = [
        _bold_line(288, [(111, "Betr.:"), (179, "Sanierung der Kunsthalle am Stadtpark")], 12.0),
        _bold_line(302, [(111, "einschließlich der Planung für die")], 12.0),
        _bold_line(316, [(111, "Straßenbahnhaltestelle")], 12.0),
        text_line(330, [(111, "Sehr geehrter Herr Bezirksbürgermeister,")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    assert found[0][0] == (
        "Sanierung der Kunsthalle am Stadtpark einschließlich der Planung für die Straßenbahnhaltestelle"
    )


def test_a_grid_s_subject_in_regular_type_does_not_go_on_under_its_label() -> None:
    lines = [
        text_line(288, [(111, "Betreff:"), (179, "Sanierung der Kunsthalle am Stadtpark")]),
        text_line(302, [(111, "Die Verwaltung berichtet über den Stand der Arbeiten.")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None and found[0][0] == "Sanierung der Kunsthalle am Stadtpark"


def _request(*rows: Line) -> list[Line]:
    """A letter's request sentence with the numbered list ``rows`` under it and its closing."""
    head = [
        text_line(454, [(71, "Sehr geehrte Frau Bezirksbürgermeisterin,")]),
        text_line(467, [(71, "bitte setzen Sie folgende Anfrage auf die Tagesordnung der nächsten Sitzung:")]),
    ]
    return [*head, *rows, text_line(760, [(71, "Freundliche Grüße")])]


def test_a_list_s_narrow_hanging_indent_shown_by_a_wrapped_line_ends_it_at_the_margin() -> None:
    # Regression (43/13): Word's numbering set the text 6 pt after "2)", less than a tab; the
    # thanks back at the margin after a blank line went into the last question.
    items = requested_items(
        _request(
            text_line(494, [(71, "1)"), (89, "Welche Standorte hat die Verwaltung geprüft?")]),
            text_line(563, [(71, "2)"), (89, "Die Mittel für die Sporthalle werden im Haushalt 2027")]),
            text_line(579, [(89, "bereitgestellt.")]),
            text_line(608, [(71, "Für die Beantwortung danken wir Ihnen.")]),
        ),
        reader_vocabulary(),
    )
    assert [text for _, (*_, text), _ in items][-1] == "bereitgestellt."
    assert len(items) == 2 and len(items[1][1]) == 2


def test_a_hanging_indent_an_item_above_showed_ends_a_one_line_last_item() -> None:
    # Regression (43/8): the last item on one line; the item above it wrapped at the indent.
    items = requested_items(
        _request(
            text_line(718, [(71, "1."), (89, "Welche der folgenden Standorte hat die Verwaltung")]),
            text_line(737, [(89, "für die Stadthalle geprüft?")]),
            text_line(756, [(71, "2."), (89, "Über das Ergebnis ist zu berichten.")]),
            text_line(790, [(71, "Wir bitten um schriftliche Beantwortung.")]),
        ),
        reader_vocabulary(),
    )
    assert [(number, " ".join(parts)) for number, parts, _ in items] == [
        ("1", "Welche der folgenden Standorte hat die Verwaltung für die Stadthalle geprüft?"),
        ("2", "Über das Ergebnis ist zu berichten."),
    ]


def test_a_subject_wrapped_over_six_lines_beside_a_box_is_the_heading() -> None:
    # Regression (43/22): the subject in bold over six short lines beside the box; no heading
    # then, and no title.
    subject = [
        "Erneuerung der Stadthalle am",
        "Mühlgraben einschließlich der Planung",
        "für die Parkraumbewirtschaftung im",
        "Ortsteil Rieth sowie Bereitstellung",
        "zusätzlicher Mittel im Haushaltsjahr",
        "2026",
    ]
    box = [("Drucksache:", "VO/2025/603"), ("Status:", "öffentlich"), ("Datum:", "22.09.2025"), ("Az.:", "30.8")]
    lines = [_bold_line(58, [(71, "Stadt Nordhorn")], 15.0), _bold_line(108, [(71, "Beschlussvorlage")], 15.0)]
    for k, text in enumerate(subject):
        row = box[k] if k < len(box) else None
        lines.append(_beside(134 + 14 * k, [(71, text)], [(363, row[0]), (449, row[1])] if row else []))
    lines.append(_bold_line(297, [(71, "Beratungsfolge:")]))
    lines.append(text_line(320, [(71, "Die Verwaltung schlägt vor, die Mittel bereitzustellen.")]))
    found = heading_title(lines, 842.0, reader_vocabulary())
    assert found is not None and found[0] == " ".join(subject)


def test_a_bold_paragraph_over_six_lines_of_the_page_s_width_is_no_heading() -> None:
    paragraph = "Der Rat beschließt die Sanierung der Stadthalle und die Bereitstellung der Mittel im Haushalt"
    lines = [_bold_line(134 + 14 * k, [(71, paragraph)]) for k in range(6)]
    assert heading_title(lines, 842.0, reader_vocabulary()) is None


def test_a_letter_s_bold_office_name_over_its_letterhead_is_no_subject() -> None:
    # Regression (paper families seed 97, office-letter 1): the office's name in bold headed the
    # letter; taken for the subject, then dropped as the sender's name, it left no title.
    lines = [
        _bold_line(42, [(70, "Rechnungsprüfungsamt")], 12.0),
        text_line(59, [(70, "Prüfgruppe Hochbau")]),
        text_line(141, [(360, "Datum:"), (397, "22.05.2025")]),
        _bold_line(185, [(70, "Sanierung der Turnhalle der Gesamtschule Nord")]),
        _bold_line(199, [(70, "(281/32/34/25)")]),
        text_line(228, [(70, "Sehr geehrte Damen und Herren,")]),
    ]
    ctx = line_context(lines, "letter")
    ctx.set("originator", "Rechnungsprüfungsamt", [])
    read_title(ctx)
    assert ctx.fields.values["title"] == "Sanierung der Turnhalle der Gesamtschule Nord (281/32/34/25)"


def test_a_subject_glued_to_its_label_goes_on_at_the_hanging_indent() -> None:
    # Regression (23/12): the label wider than its tab stop, the tab collapsed
    # ("Dringlichkeitsantrag:Energetische"), the subject's next line at the tab stop; the title
    # lost that line without a warning.
    lines = [
        _bold_line(311, [(71, "Dringlichkeitsantrag:Energetische"), (248, "Sanierung der Schwimmhalle und")], 9.0),
        _bold_line(323, [(157, "Ergänzung um eine Friedhofsmauer")], 9.0),
        text_line(344, [(71, "Sehr geehrter Herr Landrat,")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    assert found[0][0] == "Energetische Sanierung der Schwimmhalle und Ergänzung um eine Friedhofsmauer"


def test_a_value_pushed_two_sizes_below_its_long_label_is_read() -> None:
    # Word papers with boxes, seed 41, paper 21: "Öffentlichkeitsstatus:" pushed its value past
    # the tab stop, and the tab's blank line at the block's wide leading left two type sizes
    # between them: the session's state was lost, silently.
    from ratsdoc.extract.labelled import labelled_value

    lines = [text_line(160.8, [(371.7, "Öffentlichkeitsstatus:")]), text_line(191.0, [(451.9, "nichtöffentlich")])]
    found = labelled_value(line_context(lines, "generic"), "public")
    assert found is not None and found[0] == "nichtöffentlich"
    # Three sizes below, the line is the block's next row, no value of the label.
    lines[1] = text_line(201.0, [(451.9, "nichtöffentlich")])
    assert labelled_value(line_context(lines, "generic"), "public") is None


def test_a_subject_a_word_space_after_its_wide_label_goes_on_at_the_hanging_indent() -> None:
    # Word papers with boxes, seed 19, paper 39: "Dringlichkeitsantrag:" reached the tab stop, the
    # subject followed a word space after it and went on at the paragraph's hanging indent, inside
    # the label's span: its last words were lost, silently.
    lines = [
        text_line(352.5, [(71, "Dringlichkeitsantrag: Instandsetzung der Grundschule unter Beteiligung des")]),
        text_line(365.0, [(153.3, "Ortsteilrates Mittelhausen")]),
        text_line(400.0, [(71, "Sehr geehrter Herr Oberbürgermeister,")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    assert found[0][0] == "Instandsetzung der Grundschule unter Beteiligung des Ortsteilrates Mittelhausen"
    # A line there under a subject that ends its phrase is the text, not the subject.
    lines[0] = text_line(352.5, [(71, "Dringlichkeitsantrag: Instandsetzung der Grundschule am Mühlgraben")])
    found = subject_title(lines, reader_vocabulary())
    assert found is not None and found[0][0] == "Instandsetzung der Grundschule am Mühlgraben"


def test_a_labelled_subject_wraps_back_under_its_label_inside_its_phrase() -> None:
    # Word papers with boxes, seed 29, paper 22: "Anfrage:<tab>Energetische Sanierung ... und"
    # went on at the paragraph's margin under the label (no hanging indent): the title lost its
    # last line, silently.
    lines = [
        text_line(222.1, [(111.2, "Anfrage:"), (179.0, "Energetische Sanierung der Kunsthalle am Kirchweg und")]),
        text_line(233.6, [(111.2, "Ergänzung um eine Querungshilfe")]),
        text_line(260.0, [(71.0, "Sehr geehrte Frau Landrätin,")]),
    ]
    assert _labelled(lines, "title", "letter") == (
        "Energetische Sanierung der Kunsthalle am Kirchweg und Ergänzung um eine Querungshilfe"
    )
    # A subject that ends its phrase there has the text under it, not its own line.
    lines[0] = text_line(222.1, [(111.2, "Anfrage:"), (179.0, "Energetische Sanierung der Kunsthalle")])
    assert _labelled(lines, "title", "letter") == "Energetische Sanierung der Kunsthalle"
    # Seed 47, paper 6: a type with its kind labels the subject too; the subject in bold was
    # taken from the line under the label (silently).
    kinded = [
        text_line(242.9, [(111.2, "Dringlichkeitsantrag:"), (251.0, "Umgestaltung der Sporthalle in der")]),
        text_line(256.5, [(111.2, "Schillerstraße")]),
        text_line(280.0, [(71.0, "Sehr geehrter Herr Bürgermeister,")]),
    ]
    assert _labelled(kinded, "title", "letter") == "Umgestaltung der Sporthalle in der Schillerstraße"


def test_a_status_wrapped_in_its_cell_is_read_whole() -> None:
    # Seed 29, paper 36: the long label pushed "nicht" past the value column's tab stop, and
    # "öffentlich" wrapped to the column's edge on the next line, beside the subject's second line.
    lines = [
        text_line(115, [(71, "Beschlussvorlage"), (377, "Vorlage:"), (457, "BV/2025/928")]),
        text_line(130, [(377, "Öffentlichkeitsstatus:"), (530, "nicht")]),
        text_line(145, [(71, "Sanierung der Kindertagesstätte"), (457, "öffentlich")]),
        text_line(160, [(377, "Datum:"), (457, "06.02.2025")]),
    ]
    assert _labelled(lines, "public") == "nicht öffentlich"


def test_a_date_in_the_side_column_beside_the_text_dates_the_letter() -> None:
    # Seed 47, paper 7: the sender column runs down past the salutation, its "Datum" over
    # "24.08.2023" beside the text's first lines; the letter has no other date.
    lines = [
        text_line(40, [(71, "Fraktion BÜNDNIS 90/DIE GRÜNEN Kassel")]),
        text_line(130, [(57, "Herrn Bezirksbürgermeister"), (465, "Fraktion BÜNDNIS")]),
        text_line(143, [(57, "Matthias Günther"), (465, "90/DIE GRÜNEN")]),
        text_line(228, [(465, "Ansprechpartner/in")]),
        text_line(240, [(465, "Petra Fischer")]),
        text_line(275, [(71, "Anfrage:"), (141, "Erneuerung der Sporthalle"), (465, "E-Mail")]),
        text_line(301, [(71, "Sehr geehrter Herr Bezirksbürgermeister,"), (465, "fraktion@kassel.de")]),
        text_line(321, [(71, "zur Sitzung der Bezirksvertretung am 29.09.2023 stellen wir"), (465, "Datum")]),
        text_line(334, [(71, "folgende Anfrage:"), (465, "24.08.2023")]),
        text_line(355, [(71, "Die Kosten der Regenrückhaltebecken betragen nach der Kostenschätzung")]),
    ]
    ctx = line_context(lines, "generic")
    fill_office_date(ctx)
    assert ctx.fields.values.get("date") == dt.date(2023, 8, 24)


def test_a_request_sentences_last_word_beside_a_sender_column_labels_no_subject() -> None:
    # Seed 29, paper 18: "stellen wir folgenden" over "Prüfantrag:", the sender column's e-mail
    # address beside it; the paper has no subject.
    lines = [
        text_line(246, [(71, "Sehr geehrter Herr Bürgermeister,"), (465, "0215 74-9860")]),
        text_line(266, [(71, "zur Sitzung des Gemeinderats stellen wir folgenden"), (465, "E-Mail")]),
        text_line(279, [(71, "Prüfantrag:"), (465, "fraktion@bielefeld.de")]),
        text_line(305, [(71, "Im Bereich Hauptstraße ergibt sich derzeit eine Zahl von rund 3471")]),
    ]
    assert _labelled(lines, "title", "letter") is None
    # A subject's label under the address, set apart, keeps its value.
    labelled = [text_line(200, [(71, "33602 Bielefeld")]), text_line(230, [(71, "Antrag:"), (150, "Neubau der Halle")])]
    assert _labelled(labelled, "title", "letter") == "Neubau der Halle"
