"""Papers filled into fillable PDF forms (the ``form-paper`` family of scripts/generate_variants.py):
values in AcroForm text fields read as the page's text at the field's place, in both engines, a
field whose box shows less than its text warned about, and the form's rows read as values: a
label over its field, a grid row's label beside it, the kind and the public state as ticked boxes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.issues import IssueCode
from ratsdoc.layout.annotations import default_font, widget_annotation
from ratsdoc.layout.form_text import field_chars
from ratsdoc.layout.model import Annotation
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper

from .conftest import assert_case_reads_as_generated, generated_twice, load_script

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "public",
    "body",
    "originator",
    "faction",
    "date",
    "resolution_proposal",
    "checkboxes",
    "attachments",
    "justification",
]

#: Development variants, each read wrong before (no development variant read right on 9dcc854):
#: values in fields in a grid with a ticked kind and five items beside "Beschlussvorschlag:"
#: (5/2), an ISO date under "Datum:" and "Gegenstand:" (5/4), a section bar over "Sachverhalt /
#: Begründung:" and a number's note (5/5), three pages (5/7), a flattened grid with "Betreff /
#: Thema:" and a lone "1." (5/16), values without appearances beside a wrapped "Der Rat möge
#: beschließen:" (5/33), a flattened grid of five items and paragraphs beside wrapped labels
#: (7/6), a form's bars and signature row around the reasons (7/9), a flattened stacked form
#: (7/29), a lone item under "Beschlussempfehlung:" without appearances (7/15).
CASES = ("5/2", "5/4", "5/5", "5/7", "5/16", "5/33", "7/6", "7/9", "7/29", "7/15")


@pytest.mark.parametrize("case", CASES)
def test_a_form_paper_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("form_paper", "form-paper", case, tmp_path, FIELDS)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = generated_twice("form_paper", "11/form-paper/4", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert first == second


def _form(tmp_path: Path, layout: str, mode: str, rows: list[Any], heading: str = "Eingabe zur Sitzung") -> Path:
    """A form drawn by the generator's renderer with these rows, layout and way of keeping values."""
    fp = load_script("form_paper")
    fp.ff.register_fonts(tmp_path)
    paper = fp.Paper(
        town=("Stadt Lüneburg", "Rat der Stadt Lüneburg", "Ratsbüro"),
        heading=heading,
        rows=rows,
        layout=layout,
        mode=mode,
        label_size=10.0,
        field_size=10.0,
    )
    out = tmp_path / f"{layout}-{mode}.pdf"
    fp.render(paper, random.Random(0), out)
    return out


def _rows(fp: Any, reasons: str = "Die Maßnahme ist erforderlich. Sie entlastet die Anwohner.") -> list[Any]:
    Row = fp.Row
    return [
        Row("text", "Vorlage-Nr.:", "nummer", "AN/2024/0123", note="(wird von der Verwaltung vergeben)"),
        Row("text", "Datum:", "datum", "2024-03-08"),
        Row("text", "Gremium:", "gremium", "Bauausschuss"),
        Row("text", "Antragsteller/in:", "einreicher", "Anna Müller"),
        Row("text", "Betreff / Thema:", "betreff", "Neue Bänke am Marktplatz aufstellen", multiline=True),
        Row(
            "text", "Der Rat möge beschließen:", "beschluss", "1. Die Verwaltung stellt zehn Bänke auf.", multiline=True
        ),
        Row("text", "Sachverhalt / Begründung:", "begruendung", reasons, multiline=True),
        Row("signature", "Unterschrift:", "unterschrift"),
    ]


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_text_field_values_are_the_pages_text_in_both_engines(tmp_path: Path, engine: str) -> None:
    fp = load_script("form_paper")
    pdf = _form(tmp_path, "stacked", "fields", _rows(fp))
    paper = ratsdoc.parse(pdf, options=ParseOptions(engine=engine))
    assert paper.title == "Neue Bänke am Marktplatz aufstellen"
    assert paper.date is not None and paper.date.isoformat() == "2024-03-08"
    assert paper.number == "AN/2024/0123"
    # The value's provenance is the field's place on the page.
    where = paper.provenance["title"][0]
    assert where.page == 1 and where.bbox.x0 >= 56


def test_values_without_appearance_streams_are_read(tmp_path: Path) -> None:
    fp = load_script("form_paper")
    pdf = _form(tmp_path, "grid", "no-appearance", _rows(fp))
    paper = ratsdoc.parse(pdf)
    assert paper.originator == "Anna Müller"
    assert paper.justification == "Die Maßnahme ist erforderlich. Sie entlastet die Anwohner."


def test_a_field_longer_than_its_box_is_read_whole_and_warned(tmp_path: Path) -> None:
    fp = load_script("form_paper")
    reasons = " ".join(["Die Maßnahme ist erforderlich, weil die bisherigen Mittel nicht ausreichen."] * 12)
    rows = _rows(fp, reasons)
    rows[6].lines = 2  # a box of two lines for a text of many
    pdf = _form(tmp_path, "stacked", "fields", rows)
    paper, issues = read_paper(pdf, ParseOptions())
    assert paper.justification == reasons
    assert any(issue.code == IssueCode.FIELD_TEXT_HIDDEN for issue in issues)


@pytest.mark.parametrize("layout", ["stacked", "grid", "sections"])
def test_a_flattened_forms_rows_are_read(tmp_path: Path, layout: str) -> None:
    """The reader's rules for forms, on a form whose values are drawn into the page."""
    fp = load_script("form_paper")
    rows = _rows(fp, "Die Maßnahme ist erforderlich.\n\nSie entlastet die Anwohner.")
    if layout == "sections":
        rows = [fp.Row("bar", "1. Angaben"), *rows[:6], fp.Row("bar", "3. Begründung"), rows[6]]
        rows += [fp.Row("bar", "4. Abschluss")]
    pdf = _form(tmp_path, layout, "flattened", rows)
    paper = ratsdoc.parse(pdf)
    assert paper.number == "AN/2024/0123"
    assert paper.date is not None and paper.date.isoformat() == "2024-03-08"
    assert paper.body == "Bauausschuss"
    assert paper.originator == "Anna Müller"
    assert paper.title == "Neue Bänke am Marktplatz aufstellen"
    assert [(i.number, i.text) for i in paper.resolution_proposal] == [("1", "Die Verwaltung stellt zehn Bänke auf.")]
    assert paper.justification == "Die Maßnahme ist erforderlich.\n\nSie entlastet die Anwohner."


@pytest.mark.parametrize("mode", ["fields", "flattened"])
def test_the_ticked_kind_and_public_state_are_the_papers(tmp_path: Path, mode: str) -> None:
    fp = load_script("form_paper")
    Row = fp.Row
    kinds = tuple((k, k == "Anfrage") for k in ("Antrag", "Anfrage", "Stellungnahme"))
    rows = [
        Row("boxes", "Art der Eingabe:", "art", options=kinds),
        Row("boxes", "Behandlung:", "status", options=(("öffentlich", False), ("nicht öffentlich", True)), radio=True),
        *_rows(fp)[1:5],
    ]
    paper = ratsdoc.parse(_form(tmp_path, "stacked", mode, rows))
    assert paper.document_type == "Anfrage"
    assert paper.public is False


def test_widget_reads_a_text_fields_look_and_hides_what_is_not_shown() -> None:
    box = {"x0": 10.0, "top": 10.0, "x1": 110.0, "bottom": 40.0}
    shown = widget_annotation(
        "Tx", 1 << 12, state=None, value="Text", field_name="f", appearance="/Helv 9 Tf 0 g", **box
    )
    assert (shown.kind, shown.value, shown.multiline, shown.font_size, shown.font) == (
        "text_field",
        "Text",
        True,
        9.0,
        "Helv",
    )
    hidden = widget_annotation("Tx", 0, state=None, value="Text", field_name="f", annot_flags=2, **box)
    secret = widget_annotation("Tx", 1 << 13, state=None, value="geheim", field_name="p", **box)
    assert hidden.value is None and secret.value is None
    combo = widget_annotation("Ch", 1 << 17, state=None, value="Stadtrat", field_name="g", **box)
    assert (combo.kind, combo.value) == ("text_field", "Stadtrat")
    assert default_font("0 g") == (None, 0.0)


def test_field_chars_stand_inside_the_box_and_say_when_it_scrolls() -> None:
    annot = Annotation(
        kind="text_field", x0=50.0, top=100.0, x1=250.0, bottom=130.0, value="kurz", multiline=True, font_size=10.0
    )
    chars, hidden = field_chars(annot)
    assert "".join(c.text for c in chars) == "kurz" and not hidden
    long = Annotation(
        kind="text_field",
        x0=50.0,
        top=100.0,
        x1=250.0,
        bottom=130.0,
        value="Wort " * 200,
        multiline=True,
        font_size=10.0,
    )
    chars, hidden = field_chars(long)
    assert hidden and len(chars) == 800
    assert all(c.x0 >= 50.0 and c.x1 <= 250.0 and c.top >= 100.0 and c.bottom <= 132.0 for c in chars)


def test_field_text_keeps_to_the_pages_character_limit() -> None:
    # A hostile form: two fields of megabytes each. Their text is cut at the page's limit before it
    # is laid out, and the limit's warning says so; the page's own chars stay.
    from ratsdoc.issues import IssueCode
    from ratsdoc.layout.form_text import with_field_text
    from ratsdoc.layout.model import Char, Page

    box = {"x0": 50.0, "top": 100.0, "x1": 250.0, "bottom": 130.0}
    fields = tuple(
        Annotation(kind="text_field", value="Wort " * 500_000, multiline=True, font_size=10.0, field_name=n, **box)
        for n in ("a", "b")
    )
    own = (Char("A", 10.0, 10.0, 16.0, 20.0, "Helvetica", 10.0),)
    page = with_field_text(Page(number=1, width=595.0, height=842.0, chars=own, annotations=fields), 1_000)
    assert len(page.chars) == 1_000 and page.chars[0] is own[0]
    cut = [w for w in page.warnings if w.code == IssueCode.CHARS_CUT]
    assert len(cut) == 1 and "4,000,001 characters, only the first 1,000" in cut[0].message
    small = Annotation(kind="text_field", value="kurz", **box)
    kept = with_field_text(Page(number=1, width=595.0, height=842.0, chars=own, annotations=(small,)), 1_000)
    assert [c.text for c in kept.chars] == ["A", "k", "u", "r", "z"] and not kept.warnings
