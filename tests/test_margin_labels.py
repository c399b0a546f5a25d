"""Section labels in a margin column (layout/margin_labels.py) and the ``margin-vorlage`` family
of scripts/generate_variants.py (scripts/margin_vorlage.py) that draws them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc import parse
from ratsdoc.extract.checkboxes import extract_checkboxes
from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.items import GENERIC, PROFILE, split_number
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.margin_labels import split_margin_labels
from ratsdoc.layout.marks import BoxMark
from ratsdoc.profile import bundled_profiles

from .conftest import generated_variant, line_context, text_line

CONTENT = 190.0


def _row(top: float, label: str | None, text: str, x: float = CONTENT) -> Line:
    """A line with a bold margin label at 57 pt (or none) and ``text`` from ``x``."""
    tokens = []
    if label:
        at = 57.0
        for word in label.split():
            tokens.append(Token(word, at, top, at + 6 * len(word), top + 10, 10.0, bold=True))
            at += 6 * len(word) + 3
    tokens += text_line(top, [(x, text)]).tokens
    return Line(1, tokens)


def _page() -> list[Line]:
    return [
        _row(100, "Betreff:", "Sanierung der Turnhalle"),
        _row(130, "Sachverhalt:", "Die Halle ist in einem schlechten"),
        _row(144, None, "Zustand. Das Dach ist undicht."),
        _row(158, None, "Die Kosten betragen 1,2 Mio. EUR."),
        _row(186, "Anlagen:", "Anlage 1: Lageplan"),
        _row(200, None, "Anlage 2: Kostenschätzung"),
    ]


def test_margin_labels_stand_over_their_content() -> None:
    lines = split_margin_labels(_page())
    assert [(line.top, line.text) for line in lines] == [
        (100, "Betreff:"),
        (100, "Sanierung der Turnhalle"),
        (130, "Sachverhalt:"),
        (130, "Die Halle ist in einem schlechten"),
        (144, "Zustand. Das Dach ist undicht."),
        (158, "Die Kosten betragen 1,2 Mio. EUR."),
        (186, "Anlagen:"),
        (186, "Anlage 1: Lageplan"),
        (200, "Anlage 2: Kostenschätzung"),
    ]


def test_a_margin_label_wrapped_in_its_column_is_one_label() -> None:
    # Regression: "Vorschlag der" over "Verwaltung:" beside the items "a)" and "b)" was read as
    # text of the Beratungsfolge above, and "Verwaltung:" as a label of its own.
    lines = [
        _row(100, "Betreff:", "Sanierung der Turnhalle"),
        _row(130, "Vorschlag der", "a) Der Kreistag beschließt die Sanierung."),
        _row(144, "Verwaltung:", "b) Die Kosten werden bestätigt."),
        _row(172, "Sachverhalt:", "Die Halle ist in einem schlechten"),
        _row(186, None, "Zustand. Das Dach ist undicht."),
        _row(200, None, "Die Kosten betragen 1,2 Mio. EUR."),
        _row(214, None, "Sie sind im Haushalt veranschlagt."),
    ]
    texts = [line.text for line in split_margin_labels(lines)]
    assert texts[:5] == [
        "Betreff:",
        "Sanierung der Turnhalle",
        "Vorschlag der Verwaltung:",
        "a) Der Kreistag beschließt die Sanierung.",
        "b) Die Kosten werden bestätigt.",
    ]


def test_label_and_value_rows_over_text_at_the_margin_stay_as_they_are() -> None:
    # A paper's head of label-and-value rows ("Betreff:  Sanierung ...") over text that runs at
    # the margin is no margin column: its rows are read as label and value on one line.
    lines = [
        _row(100, "Betreff:", "Sanierung der Turnhalle"),
        _row(114, None, "und des Sportplatzes"),
        _row(128, "Status:", "öffentlich"),
        *(_row(160 + 14 * k, None, "Die Halle ist in einem schlechten Zustand.", x=57.0) for k in range(5)),
    ]
    assert split_margin_labels(lines) == lines
    # Regular-weight words ending in a colon at the margin are text, not labels.
    plain = [text_line(100 + 14 * k, [(57, "Hinweis:"), (CONTENT, "Die Halle ist alt.")]) for k in range(4)]
    assert split_margin_labels(plain) == plain


def test_a_punctuated_item_number_needs_half_a_font_size_after_it() -> None:
    # Regression: "1." and its text 0.6 font sizes apart (Word's hanging indent in 12 pt) were one
    # paragraph in a profile's numbered section; a bare "01" still needs a tab.
    item = text_line(100, [(190, "1."), (208, "Der Kreistag beschließt.")])
    assert split_number(item, PROFILE)[0] == "1"
    bare = text_line(100, [(190, "01"), (208, "Der Kreistag beschließt.")])
    assert split_number(bare, PROFILE)[0] is None
    assert split_number(text_line(100, [(190, "1. Der Kreistag")]), GENERIC)[0] == "1"


def test_a_beratungsfolge_with_an_oe_n_column() -> None:
    # Regression: "Ö" and "N" cells were read as part of the body's name, "Ö/N" in the header
    # row as a body.
    lines = [
        text_line(100, [(57, "Beratungsfolge:")]),
        text_line(114, [(57, "Datum"), (130, "Gremium"), (330, "Ö/N"), (370, "Zuständigkeit")]),
        text_line(128, [(57, "05.05.2023"), (130, "Kreisausschuss"), (330, "Ö"), (370, "Vorberatung")]),
        text_line(142, [(57, "24.05.2023"), (130, "Kreistag"), (330, "N"), (370, "Entscheidung")]),
    ]
    ctx = line_context(lines, "generic")
    extract_consultations(ctx)
    found = [(c.body, str(c.date), c.public, c.role) for c in ctx.fields.values["consultations"]]
    assert found == [
        ("Kreisausschuss", "2023-05-05", True, "Vorberatung"),
        ("Kreistag", "2023-05-24", False, "Entscheidung"),
    ]


#: Seed-71 variants (the family's dev seed): a ruled table, lettered items under
#: "Beschlussempfehlung:", a "Sitzungstermin | Gremium | Behandlung" table and "Haushaltsmäßige
#: Auswirkungen:" wrapped beside its check boxes (4); "Vorschlag der Verwaltung:" wrapped to two
#: lines beside lettered items, "Gremienfolge:", "Erläuterungen:" (15); "Vorschlag der
#: Verwaltung:" over one paragraph, a "Gremium | Sitzung am | Status | Beratung" table,
#: "Sachstand:" (10); a ruled Sitzungsvorlage with a one-paragraph "Beschlussempfehlung:" (1).
CASES = (4, 15, 10, 1)


@pytest.mark.parametrize("index", CASES)
def test_a_margin_vorlage_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"margin-vorlage-{index:03d}.pdf"
    golden = generated_variant("margin_vorlage", f"71/margin-vorlage/{index}", pdf)
    paper = parse(pdf).model_dump(mode="json")
    for name in ("number", "title", "document_type", "public", "originator", "justification", "attachments"):
        assert paper[name] == golden[name], name
    assert paper["consultations"] == golden["consultations"]
    assert paper["resolution_proposal"] == golden["resolution_proposal"]
    assert paper["checkboxes"] == golden["checkboxes"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("justification", "2. Sachverhalt"),
        ("justification", "IV. Begründung"),
        ("resolution", "1.1 Beschlussvorschlag"),
        ("consultations", "B) Beratungsfolge"),
        ("resolution", "3. Vorschlag der Verwaltung"),
        ("attachments", "5. Anlagen"),
        ("section_ends", "3 Finanzielle Auswirkungen"),
    ],
)
def test_a_numbered_section_heading_is_its_label(name: str, text: str) -> None:
    # Regression (numbered-vorlage variants): "2. Sachverhalt" over full-width text was no label,
    # so the justification, the proposal and the attachments were not read.
    assert bundled_profiles()["generic"].label(name, fuzzy=0).match(text)


def test_a_label_word_in_running_text_is_no_label() -> None:
    generic = bundled_profiles()["generic"]
    for name, text in (
        ("justification", "Erläuterungen zur Planung finden sich in der Anlage."),
        ("resolution", "Vorschlag der Verwaltung ist es, die Halle zu sanieren."),
        ("attachments", "Anlagen der Stadtwerke werden erneuert."),
        ("justification", "2024 Sachverhalt"),
    ):
        assert not generic.label(name, fuzzy=0).match(text), text


def test_a_numbered_heading_over_check_boxes_names_their_group_without_its_number() -> None:
    box = BoxMark(190, 130, 198, 138, True, "glyph")
    empty = BoxMark(240, 130, 248, 138, False, "glyph")
    lines = [
        text_line(110, [(57, "3. Finanzielle Auswirkungen")]),
        Line(
            1,
            [
                Token("☒", 190, 130, 198, 138, 10.0, box=box),
                *text_line(130, [(202, "ja")]).tokens,
                Token("☐", 240, 130, 248, 138, 10.0, box=empty),
                *text_line(130, [(252, "nein")]).tokens,
            ],
        ),
    ]
    ctx = line_context(lines, "generic")
    extract_checkboxes(ctx)
    assert [g.label for g in ctx.fields.values["checkboxes"]] == ["Finanzielle Auswirkungen"]


#: Seed-73 numbered Vorlagen (that family's dev seed): lettered items under "Beschlussempfehlung",
#: a "Gremium | Sitzung am | Status | Beratung" table, check boxes under "Haushaltsmäßige
#: Auswirkungen" (13); "Vorschlag der Verwaltung", a "Sitzungstermin" table, "Sachstand" (12); a
#: Mitteilungsvorlage with "Beratungsweg", "Erläuterungen" and "Anlagen" (4).
@pytest.mark.parametrize("index", (13, 12, 4))
def test_a_numbered_vorlage_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"numbered-vorlage-{index:03d}.pdf"
    golden = generated_variant("numbered_vorlage", f"73/numbered-vorlage/{index}", pdf)
    paper = parse(pdf).model_dump(mode="json")
    for name in ("consultations", "resolution_proposal", "checkboxes", "attachments", "justification"):
        assert paper[name] == golden[name], name
