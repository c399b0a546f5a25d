"""A Vorlage's page in a council information system's web view, printed by a browser (the
``browser-print`` family of scripts/generate_variants.py): fields in a grid of label and value
cells without colons or as terms over their values, list bullets drawn as discs, numbers the
browser sets with a space, a space kerned away before a capital, attachments in a table with
file kinds and sizes, a list going on over the browser's page foot, the site's foot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ratsdoc.extract.attachments import _name_cells, _table_head
from ratsdoc.extract.items import GENERIC, PROFILE, counted_lines, read_items
from ratsdoc.extract.labelled import labelled_value
from ratsdoc.furniture import _mark_site_foot
from ratsdoc.layout.lines import Line, Token, _drawn_bullets, _words
from ratsdoc.layout.model import Char, Shape

from .conftest import VORLAGE_FIELDS, assert_case_reads_as_generated, generated_twice, line_context, text_line

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is needed to print the pages")

#: Development variants, each read wrong before. Seed 5: the grid row under "Betreff" read into
#: the title, "Status | nichtöffentlich" and "Federführend | Amt 61" unread without colons, the
#: town's name over the site's menu taken for the sender, the browser's list numbers "1." read as
#: one unnumbered item, the discs of bullet lists unread, "Dokumente" over a table of
#: attachments not read (1); the attachments' table read with its heading row and cells (3);
#: "(PDF, 370 KB)" kept in attachment names (5); "Titel" without a colon unread, the page's
#: heading taken for the title (7); the grid's next row, under a label with its colon, read into
#: the title (13); a table's heading row at a page's foot, its rows on the next page (14); a
#: bullet list going on over the browser's page foot (18); "die Anwohner" read "dieAnwohner" and
#: "Finanzielle Auswirkungen" unread for the same reason (23); the site's foot read into the
#: facts (35). Seed 7: "Erstellt am:" read into the value before it (19); a term over its value
#: ("Federführende Stelle" over the office) unread (28); "Dokumente" at a page's foot over a
#: list set smaller than it (30).
CASES = ("5/1", "5/3", "5/5", "5/7", "5/13", "5/14", "5/18", "5/23", "5/35", "7/19", "7/28", "7/30")


@pytest.mark.parametrize("case", CASES)
def test_a_printed_web_page_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("browser_print", "browser-print", case, tmp_path, VORLAGE_FIELDS)


def test_the_same_seed_prints_the_same_file(tmp_path: Path) -> None:
    """The browser's own dates and its structure elements' counter are set from the paper."""
    first, second = generated_twice("browser_print", "11/browser-print/2", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def _char(text: str, x0: float, x1: float, top: float = 100.0, size: float = 10.0) -> Char:
    return Char(text, x0, top, x1, top + size, "Serif", size, True)


@pytest.mark.parametrize(
    ("gap", "then", "words"),
    [
        (1.85, "A", ["die", "Anwohner"]),  # a space kerned with the capital after it
        (1.85, "a", ["dieanwohner"]),  # the same gap before a small letter is none
        (0.4, "A", ["dieAnwohner"]),  # a capital set close after a small letter ("AfD")
        (2.5, "a", ["die", "anwohner"]),  # a space's gap
    ],
)
def test_a_narrower_gap_splits_words_before_a_capital(gap: float, then: str, words: list[str]) -> None:
    row = [_char("d", 0, 4.7), _char("i", 4.7, 7.4), _char("e", 7.4, 11.6)]
    row.append(_char(then, 11.6 + gap, 11.6 + gap + 6.9))
    row.append(_char("nwohner", row[-1].x1, row[-1].x1 + 33))
    assert [t.text for t in _words(row, None)] == words


def _shape(x0: float, top: float, size: float = 3.0, *, filled: bool = True, stroked: bool = False) -> Shape:
    return Shape("curve", x0, top, x0 + size, top + size, stroked=stroked, filled=filled)


def test_a_disc_before_a_line_is_its_bullet() -> None:
    line = text_line(100, [(75.5, "die Verlegung der Bushaltestelle")])
    found = _drawn_bullets([_shape(64.5, 103.5)], [line])
    assert len(found) == 1 and found[0].bullet


@pytest.mark.parametrize(
    "shape",
    [
        _shape(64.5, 103.5, filled=False, stroked=True),  # an outline: a box or a circle
        _shape(64.5, 103.5, size=8.0),  # a filled square of a checkbox's size
        _shape(20.0, 103.5),  # far left of the line
        _shape(64.5, 130.0),  # on no line
    ],
)
def test_a_shape_that_is_no_bullet_is_left(shape: Shape) -> None:
    line = text_line(100, [(75.5, "die Verlegung der Bushaltestelle")])
    assert _drawn_bullets([shape], [line]) == []


def test_numbers_counting_on_with_a_space_open_items() -> None:
    lines = [
        text_line(100, [(63, "1. Die Mittel werden bereitgestellt.")]),
        text_line(112, [(63, "2. Der Ausschuss ist zu informieren.")]),
    ]
    assert len(counted_lines(lines)) == 2
    items = read_items(lines, PROFILE, lambda prev, line: False)
    assert [n for n, _, _ in items] == ["1", "2"]


def test_a_lone_number_with_a_space_opens_no_item() -> None:
    """ "1. Januar" opens no list: nothing counts on from it."""
    lines = [text_line(100, [(63, "1. Januar 2025 tritt die Satzung in Kraft.")])]
    assert counted_lines(lines) == set()
    assert read_items(lines, PROFILE, lambda prev, line: False)[0][0] is None
    assert read_items(lines, GENERIC, lambda prev, line: False)[0][0] == "1"


def test_an_attachment_table_gives_names_without_file_kind_and_size() -> None:
    assert _table_head(text_line(100, [(52, "Nr."), (90, "Name"), (250, "Datei")]))
    assert not _table_head(text_line(100, [(52, "1"), (90, "Lageplan"), (250, "PDF, 312 KB")]))
    assert _name_cells(text_line(100, [(52, "1"), (90, "Lageplan"), (250, "PDF, 312 KB")])) == "Lageplan"
    assert _name_cells(text_line(100, [(52, "1"), (90, "Satzung"), (250, "öffentlich")])) == "Satzung"
    assert _name_cells(text_line(100, [(63, "Kostenschätzung (DOCX, 1,2 MB)")])) == "Kostenschätzung"
    assert _name_cells(text_line(100, [(63, "Haushaltsplan 2025")])) == "Haushaltsplan 2025"


@pytest.mark.parametrize(
    ("text", "foot"),
    [
        ("Impressum Datenschutz Barrierefreiheit Kontakt", True),
        ("© 2025 Stadt Nordhorn", True),
        ("Die Datenschutz-Folgenabschätzung liegt als Anlage bei.", False),
        ("Kontakt: Amt 61", False),
    ],
)
def test_a_web_pages_foot_is_furniture(text: str, foot: bool) -> None:
    line = text_line(700, [(46, text)])
    _mark_site_foot([line], {1: 842.0})
    assert line.furniture is foot


def test_a_token_list_keeps_its_order() -> None:
    """The bullets join their line left of its words (the line's tokens are kept in x order)."""
    line = Line(1, [Token("Lageplan", 75.5, 100, 120, 110, 10.0)])
    bullet = _drawn_bullets([_shape(64.5, 103.5)], [line])[0]
    line.tokens = sorted((*line.tokens, bullet), key=lambda t: t.x0)
    assert line.tokens[0].bullet and line.words[0].text == "Lageplan"


def test_a_label_cell_without_colon_gives_its_value() -> None:
    ctx = line_context([text_line(100, [(52, "Status"), (150, "öffentlich")])], "allris")
    found = labelled_value(ctx, "public")
    assert found is not None and found[0] == "öffentlich"


def test_a_type_alone_in_its_cell_is_no_label_without_its_colon() -> None:
    """Archive scan seed 31, paper 8: "Anfrage" beside a stamp's OCR read ("ai ET: PT") was
    taken for the subject label of a letter and the stamp for the title."""
    ctx = line_context([text_line(100, [(52, "Anfrage"), (120, "ai ET: PT")])], "letter")
    assert labelled_value(ctx, "title") is None


def test_no_label_cell_without_colon_is_read_on_a_scan() -> None:
    ctx = line_context([text_line(100, [(52, "Status"), (150, "öffentlich")])], "allris", ocr=True)
    assert labelled_value(ctx, "public") is None
