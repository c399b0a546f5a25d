"""Checkbox groups (``extract/checkboxes.py``) on hand-built lines: boxes paired with the label
on their right, grouped under the label on their left or above, typed ticks, unknown states."""

from __future__ import annotations

from ratsdoc.extract.checkboxes import extract_checkboxes
from ratsdoc.extract.context import Context
from ratsdoc.extract.ticks import normalise_ticks
from ratsdoc.issues import Issue, IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.marks import BoxMark
from ratsdoc.models import CheckboxGroup, CheckboxOption, Provenance

from .conftest import line_context as _context
from .conftest import text_line


def box(x: float, top: float, checked: bool | None) -> Token:
    """A drawn 8 pt checkbox at (x, top + 1) as the line builder makes it."""
    mark = BoxMark(x, top + 1, x + 8, top + 9, checked, "shape")
    return Token("☒" if checked else "☐", x, top + 1, x + 8, top + 9, 8.0, box=mark)


def boxed_line(top: float, cells: list[tuple[float, str | bool | None]], page: int = 1) -> Line:
    """A line of words (str cells) and boxes (True, False or None for their state)."""
    tokens: list[Token] = []
    for x, cell in cells:
        if isinstance(cell, str):
            tokens.extend(text_line(top, [(x, cell)], page).tokens)
        else:
            tokens.append(box(x, top, cell))
    return Line(page, tokens)


def _groups(ctx: Context) -> list[CheckboxGroup]:
    """The groups read from ``ctx``'s lines, after the typed ticks were normalised (as
    ``extract_fields`` does before any extractor runs)."""
    normalise_ticks(ctx.layout, ctx.profile.checkbox_options)
    ctx.lines_changed()
    extract_checkboxes(ctx)
    groups: list[CheckboxGroup] = ctx.fields.values["checkboxes"]
    return groups


def test_group_label_on_the_left_and_options_on_the_right() -> None:
    line = boxed_line(300, [(60, "Fristwahrung"), (200, False), (212, "Ja"), (260, True), (272, "Nein")])
    ctx = _context([line])
    assert _groups(ctx) == [
        CheckboxGroup(
            label="Fristwahrung",
            options=[CheckboxOption(label="Ja", checked=False), CheckboxOption(label="Nein", checked=True)],
            selected="Nein",
        ),
    ]
    assert ctx.fields.warnings == []
    assert ctx.fields.provenance["checkboxes"] == [
        Provenance(page=1, bbox={"x0": 60.0, "top": 300.0, "x1": 296.0, "bottom": 310.0}),
    ]
    assert ctx.claimed == {0}


def test_two_groups_on_one_line() -> None:
    line = boxed_line(
        300,
        [
            (60, "Nachhaltigkeitscontrolling"),
            (230, False),
            (242, "Ja"),
            (270, True),
            (282, "Nein"),
            (340, "Demografisches Controlling"),
            (500, True),
            (512, "Ja"),
            (540, False),
            (552, "Nein"),
        ],
    )
    groups = _groups(_context([line]))
    assert [(g.label, [(o.label, o.checked) for o in g.options], g.selected) for g in groups] == [
        ("Nachhaltigkeitscontrolling", [("Ja", False), ("Nein", True)], "Nein"),
        ("Demografisches Controlling", [("Ja", True), ("Nein", False)], "Ja"),
    ]


def test_label_on_the_line_above_is_used_and_claimed() -> None:
    lines = [
        text_line(280, [(60, "Fristwahrung")]),
        boxed_line(295, [(60, True), (72, "Ja"), (120, False), (132, "Nein")]),
    ]
    ctx = _context(lines)
    groups = _groups(ctx)
    assert [(g.label, g.selected) for g in groups] == [("Fristwahrung", "Ja")]
    assert ctx.claimed == {0, 1}


def test_line_far_above_is_no_label() -> None:
    # More than 2.6 line heights above the boxes: running text, not the group's label.
    lines = [
        text_line(200, [(60, "Fristwahrung")]),
        boxed_line(295, [(60, True), (72, "Ja"), (120, False), (132, "Nein")]),
    ]
    ctx = _context(lines)
    assert [g.label for g in _groups(ctx)] == ["?"]
    assert ctx.claimed == {1}


def test_single_box_is_labelled_by_its_own_words() -> None:
    groups = _groups(_context([boxed_line(300, [(60, True), (72, "entfällt")])]))
    assert groups == [
        CheckboxGroup(label="entfällt", options=[CheckboxOption(label="entfällt", checked=True)], selected="entfällt")
    ]


def test_unknown_state_gives_none_and_a_warning() -> None:
    line = boxed_line(300, [(60, "Fristwahrung"), (200, None), (212, "Ja"), (260, False), (272, "Nein")])
    ctx = _context([line])
    assert _groups(ctx) == [
        CheckboxGroup(
            label="Fristwahrung",
            options=[CheckboxOption(label="Ja", checked=None), CheckboxOption(label="Nein", checked=False)],
            selected=None,
        ),
    ]
    assert ctx.fields.warnings == [
        Issue(
            IssueCode.CHECKBOX_STATE_UNKNOWN,
            "checkbox 'Fristwahrung' / 'Ja' on page 1: state could not be determined",
            1,
            field="checkboxes",
        )
    ]


def test_two_ticks_select_nothing() -> None:
    line = boxed_line(300, [(60, "Fristwahrung"), (200, True), (212, "Ja"), (260, True), (272, "Nein")])
    groups = _groups(_context([line]))
    assert [o.checked for o in groups[0].options] == [True, True]
    assert groups[0].selected is None


def test_typed_x_before_an_option_is_a_tick() -> None:
    line = boxed_line(300, [(60, "Fristwahrung"), (200, "x Ja"), (260, False), (272, "Nein")])
    ctx = _context([line])
    assert ctx.texts() == ["Fristwahrung x Ja Nein"]
    assert _groups(ctx) == [
        CheckboxGroup(
            label="Fristwahrung",
            options=[CheckboxOption(label="Ja", checked=True), CheckboxOption(label="Nein", checked=False)],
            selected="Ja",
        ),
    ]
    assert [t.text for t in line.tokens] == ["Fristwahrung", "☒", "Ja", "☐", "Nein"]
    assert ctx.texts() == ["Fristwahrung Ja Nein"]  # label searches read the new words


def test_x_before_other_words_stays_a_word() -> None:
    line = text_line(300, [(60, "x Koordinate des Standorts")])
    ctx = _context([line])
    assert _groups(ctx) == []
    assert line.text == "x Koordinate des Standorts"


def test_lone_x_typed_onto_an_empty_box_ticks_it() -> None:
    # The "x" was typed into the table cell and came out as a text line of its own.
    boxes = boxed_line(300, [(60, "Fristwahrung"), (200, False), (212, "Ja"), (260, False), (272, "Nein")])
    tick = text_line(301, [(261, "x")])
    ctx = _context([boxes, tick])
    groups = _groups(ctx)
    assert [(o.label, o.checked) for o in groups[0].options] == [("Ja", False), ("Nein", True)]
    assert groups[0].selected == "Nein"
    assert tick.tokens == ()


def test_furniture_and_claimed_lines_are_skipped() -> None:
    header = boxed_line(30, [(60, True), (72, "Entwurf")])
    header.furniture = True
    claimed = boxed_line(300, [(60, True), (72, "Ja")])
    ctx = _context([header, claimed])
    ctx.claimed.add(1)
    assert _groups(ctx) == []
    assert "checkboxes" not in ctx.fields.provenance


def test_no_lines_give_no_groups() -> None:
    ctx = _context([])
    assert _groups(ctx) == []
    assert ctx.fields.warnings == []


def test_ocr_labels_are_snapped_to_the_vocabulary() -> None:
    line = boxed_line(300, [(60, "Fristwahrunq"), (200, False), (212, "]Ja"), (260, True), (272, "Neim")])
    groups = _groups(_context([line], ocr=True))
    assert [(g.label, [o.label for o in g.options]) for g in groups] == [("Fristwahrung", ["Ja", "Nein"])]


def test_an_ocr_label_read_as_a_vocabulary_entry_keeps_its_case() -> None:
    # Regression (scanned SD.NET Vorlagen of seed 5): "ja" / "nein" as printed were snapped to
    # "Ja" / "Nein", the first entry of the same letters in the generic vocabulary.
    line = boxed_line(300, [(60, "Finanzielle Auswirkungen"), (200, False), (212, "ja"), (260, True), (272, "nein")])
    groups = _groups(_context([line], "generic", ocr=True))
    assert [[(o.label, o.checked) for o in g.options] for g in groups] == [[("ja", False), ("nein", True)]]
    assert groups[0].selected == "nein"


def test_born_digital_labels_are_kept_as_printed() -> None:
    line = boxed_line(300, [(60, "Fristwahrunq"), (200, False), (212, "Neim")])
    groups = _groups(_context([line], ocr=False))
    assert [(g.label, [o.label for o in g.options]) for g in groups] == [("Fristwahrunq", ["Neim"])]


def test_typed_ticks_are_normalised_before_any_extractor_runs() -> None:
    # Checkbox-mark normalisation is a step of its own: once extraction starts, the layout's
    # lines no longer change (the cover and the sections read "Ja", not "x Ja").
    from ratsdoc.budget import document_guard
    from ratsdoc.extract import extract_fields
    from ratsdoc.options import ParseOptions

    line = boxed_line(300, [(60, "Fristwahrung"), (200, "x Ja"), (260, False), (272, "Nein")])
    ctx = _context([line])
    with document_guard(ParseOptions(), "ticks.pdf") as budget:
        fields = extract_fields(ctx.layout, ctx.profile, budget)
    assert line.text == "Fristwahrung Ja Nein"
    assert fields.values["checkboxes"][0].selected == "Ja"
