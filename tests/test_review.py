"""Honest output (``extract/review.py`` and the forced profile's score in ``profile.py``):
implausible values are dropped with a warning, missing title/type/date are named, a forced
profile reports its real match, and every provenance entry carries a confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.extract.context import GUESSED, LABELLED, READ, Context
from ratsdoc.extract.review import (
    DOCUMENT_WARNING_FACTOR,
    FIELD_WARNING_FACTOR,
    OCR_FACTOR,
    field_confidence,
    review_fields,
)
from ratsdoc.issues import Issue, IssueCode, messages, warns_about
from ratsdoc.models import BBox, CheckboxGroup, CheckboxOption, Provenance
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper
from ratsdoc.profile import bundled_profiles, select_profile
from ratsdoc.regions import Layout, PageInfo

from .conftest import FIXTURES

_PAPER = {
    "title": "Radweg Nord",
    "document_type": "Antrag",
    "date": "2024-01-09",
    "originator": "SPD-Fraktion",
    "justification": "Der Radweg fehlt.",
}


def _context(values: dict[str, object], *, warnings: list[Issue] | None = None, ocr: bool = False) -> Context:
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[], ocr_pages=[1] if ocr else [])
    layout.warnings.extend(warnings or [])
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    for name, value in values.items():
        ctx.fields.values[name] = value
        ctx.fields.provenance[name] = [Provenance(page=1, bbox=BBox(x0=0, top=0, x1=10, bottom=10))]
    return ctx


def _codes(ctx: Context) -> list[tuple[IssueCode, str | None]]:
    return [(issue.code, issue.field) for issue in ctx.fields.warnings]


# -- missing fields ---------------------------------------------------------------------------


def test_a_paper_without_title_type_or_date_names_each_field() -> None:
    ctx = _context({"number": "12/24", "title": None})
    review_fields(ctx)
    assert _codes(ctx)[:3] == [
        (IssueCode.FIELD_MISSING, "title"),
        (IssueCode.FIELD_MISSING, "document_type"),
        (IssueCode.FIELD_MISSING, "date"),
    ]
    assert all(warns_about(ctx.fields.warnings, name) for name in ("title", "document_type", "date"))
    assert not warns_about(ctx.fields.warnings, "number")


def test_a_complete_paper_gets_no_missing_warning() -> None:
    ctx = _context(dict(_PAPER))
    review_fields(ctx)
    assert ctx.fields.warnings == []


def test_a_document_that_is_no_drucksache_names_what_is_missing_in_one_message() -> None:
    not_a_paper = Issue(IssueCode.NOT_A_DRUCKSACHE, "not a Drucksache: the paper is of type 'Einladung'")
    ctx = _context({"document_type": "Einladung"}, warnings=[not_a_paper])
    review_fields(ctx)
    assert _codes(ctx) == [(IssueCode.FIELD_MISSING, "title"), (IssueCode.FIELD_MISSING, "date")]
    # Two fields warned, one line of output.
    assert messages(ctx.fields.warnings) == ["not found in this document: title, date"]


def test_a_meeting_document_is_not_told_it_lacks_a_papers_fields() -> None:
    """A Wortprotokoll has no Sachverhalt: 'justification not found: a paper of type
    Wortprotokoll normally has one' was noise on every verbatim record (the meeting reader warns
    the fields a meeting document has)."""
    paper = ratsdoc.parse(FIXTURES / "meetings" / "wortprotokoll-1.pdf")
    assert paper.kind == "meeting"
    assert not any("normally has one" in warning for warning in paper.warnings)


def test_a_document_without_text_is_not_flooded() -> None:
    no_text = Issue(IssueCode.NO_TEXT, "no text could be read from any page of the PDF")
    ctx = _context({}, warnings=[no_text])
    review_fields(ctx)
    assert ctx.fields.warnings == []


# -- implausible values -----------------------------------------------------------------------


def _group(label: str, *options: tuple[str, bool | None]) -> CheckboxGroup:
    opts = [CheckboxOption(label=name, checked=checked) for name, checked in options]
    ticked = [o.label for o in opts if o.checked]
    return CheckboxGroup(label=label, options=opts, selected=ticked[0] if len(ticked) == 1 else None)


def test_a_checkbox_option_labelled_question_mark_is_dropped_with_a_warning() -> None:
    groups = [_group("Fristwahrung", ("Ja", False), ("?", True)), _group("Eilt", ("ja", True), ("nein", False))]
    ctx = _context({**_PAPER, "checkboxes": groups})
    review_fields(ctx)
    kept = ctx.fields.values["checkboxes"]
    assert [g.label for g in kept] == ["Fristwahrung", "Eilt"]
    assert [o.label for o in kept[0].options] == ["Ja"]
    assert kept[0].selected is None  # the ticked box went with its label
    assert kept[1] == groups[1]
    assert _codes(ctx) == [(IssueCode.VALUE_IMPLAUSIBLE, "checkboxes")]
    assert "'?' has no word" in ctx.fields.warnings[0].message


def test_a_checkbox_group_without_a_word_label_is_dropped() -> None:
    groups = [_group("-", ("Ja", True), ("Nein", False)), _group("?", ("?", True))]
    ctx = _context({**_PAPER, "checkboxes": groups})
    review_fields(ctx)
    assert ctx.fields.values["checkboxes"] == []
    assert {c for c in _codes(ctx)} == {(IssueCode.VALUE_IMPLAUSIBLE, "checkboxes")}
    assert len(ctx.fields.warnings) == 2


def test_a_selected_option_is_recomputed_when_an_unlabelled_box_goes() -> None:
    ctx = _context({**_PAPER, "checkboxes": [_group("Eilt", ("ja", True), ("…", True))]})
    review_fields(ctx)
    assert ctx.fields.values["checkboxes"][0].selected == "ja"


@pytest.mark.parametrize(
    "originator",
    ["Max Muster 12.03.2023", "und die Verwaltung wird gebeten,", "Der Stadtrat möge beschließen"],
)
def test_an_implausible_originator_is_dropped_with_its_faction(originator: str) -> None:
    ctx = _context({**_PAPER, "originator": originator, "faction": originator})
    review_fields(ctx)
    assert ctx.fields.values["originator"] is None and ctx.fields.values["faction"] is None
    assert "originator" not in ctx.fields.provenance and "faction" not in ctx.fields.provenance
    assert _codes(ctx) == [(IssueCode.VALUE_IMPLAUSIBLE, "originator"), (IssueCode.VALUE_IMPLAUSIBLE, "faction")]
    assert len(messages(ctx.fields.warnings)) == 1


def test_a_faction_of_its_own_stays_when_the_originator_goes() -> None:
    ctx = _context({**_PAPER, "originator": "Max Muster 12.03.2023", "faction": "SPD-Fraktion"})
    review_fields(ctx)
    assert ctx.fields.values["faction"] == "SPD-Fraktion"


@pytest.mark.parametrize("faction", ["Fraktion", "die Fraktionen", "Stadtratsfraktion"])
def test_a_faction_that_names_no_group_is_dropped(faction: str) -> None:
    ctx = _context({**_PAPER, "originator": "Kantonsrat Max Muster", "faction": faction})
    review_fields(ctx)
    assert ctx.fields.values["faction"] is None and "faction" not in ctx.fields.provenance
    assert ctx.fields.values["originator"] == "Kantonsrat Max Muster"
    assert _codes(ctx) == [(IssueCode.VALUE_IMPLAUSIBLE, "faction")]


def test_a_plausible_originator_stays() -> None:
    ctx = _context({**_PAPER, "originator": "CSU-Stadtratsfraktion Erlangen"})
    review_fields(ctx)
    assert ctx.fields.values["originator"] == "CSU-Stadtratsfraktion Erlangen"
    assert ctx.fields.warnings == []


def test_a_title_that_is_the_sender_is_dropped_once() -> None:
    ctx = _context({**_PAPER, "title": "Stadtteilbeirat Büchenbach", "originator": "Stadtteilbeirat Büchenbach"})
    review_fields(ctx)
    assert ctx.fields.values["title"] is None and "title" not in ctx.fields.provenance
    # The drop is the warning: no second "title not found".
    assert _codes(ctx) == [(IssueCode.VALUE_IMPLAUSIBLE, "title")]


# -- confidence -------------------------------------------------------------------------------


def test_confidence_falls_with_guessing_ocr_and_warnings() -> None:
    assert LABELLED > READ > GUESSED
    assert field_confidence(READ, ocr=False, document_warning=False, field_warning=False) == READ
    assert field_confidence(READ, ocr=True, document_warning=False, field_warning=False) == round(READ * OCR_FACTOR, 2)
    assert field_confidence(GUESSED, ocr=True, document_warning=True, field_warning=True) == round(
        GUESSED * OCR_FACTOR * DOCUMENT_WARNING_FACTOR * FIELD_WARNING_FACTOR, 2
    )
    assert field_confidence(2.0, ocr=False, document_warning=False, field_warning=False) == 1.0


def test_every_provenance_entry_gets_its_field_confidence() -> None:
    unknown = Issue(IssueCode.CHECKBOX_STATE_UNKNOWN, "state?", 1, field="checkboxes")
    ctx = _context({**_PAPER, "checkboxes": [_group("Eilt", ("ja", None))]}, ocr=True)
    ctx.fields.warnings.append(unknown)
    ctx.fields.confidence["title"] = GUESSED
    review_fields(ctx)
    by_field = {name: [e.confidence for e in entries] for name, entries in ctx.fields.provenance.items()}
    assert by_field["title"] == [round(GUESSED * OCR_FACTOR, 2)]
    assert by_field["date"] == [round(READ * OCR_FACTOR, 2)]
    assert by_field["checkboxes"] == [round(READ * OCR_FACTOR * FIELD_WARNING_FACTOR, 2)]


def test_parsed_papers_carry_confidences_between_0_and_1() -> None:
    paper = ratsdoc.parse(FIXTURES / "letter-erlangen-2020-antrag-spd.pdf")
    confidences = {name: entries[0].confidence for name, entries in paper.provenance.items()}
    assert set(confidences) >= {"title", "originator", "justification"}
    assert all(0.0 < value <= 1.0 for value in confidences.values())
    # The letterhead guess is less sure than the labelled subject line.
    assert confidences["originator"] == GUESSED < confidences["title"] == LABELLED


def test_old_provenance_without_confidence_still_validates() -> None:
    old = Provenance.model_validate({"page": 1, "bbox": {"x0": 0, "top": 0, "x1": 1, "bottom": 1}})
    assert old.confidence == 1.0


# -- forced profile ---------------------------------------------------------------------------


def test_a_forced_profile_reports_its_real_score() -> None:
    profiles = bundled_profiles()
    text = "Zur Sitzung des Stadtrates\nBetreff: Radweg"
    profile, confidence = select_profile(text, profiles, "erfurt")
    assert profile.name == "erfurt"
    assert confidence < 1.0  # before: a forced profile always claimed 1.0


def test_a_forced_profile_that_does_not_fit_warns_and_shows_its_score() -> None:
    pdf = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    detected, _ = read_paper(pdf, ParseOptions())
    forced, issues = read_paper(pdf, ParseOptions(profile="allris"))
    assert detected.profile is not None and detected.profile.name == "erfurt"
    assert forced.profile is not None and forced.profile.name == "allris"
    assert forced.profile.confidence < 0.5
    mismatch = [i for i in issues if i.code is IssueCode.PROFILE_FORCED_MISMATCH]
    assert len(mismatch) == 1 and "detection would choose 'erfurt'" in mismatch[0].message
    assert mismatch[0].message in forced.warnings
    assert warns_about(issues, "title")  # every field read through the wrong template is in doubt


def test_forcing_the_detected_profile_changes_nothing(tmp_path: Path) -> None:
    pdf = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    detected, _ = read_paper(pdf, ParseOptions())
    forced, issues = read_paper(pdf, ParseOptions(profile="erfurt"))
    assert not any(i.code is IssueCode.PROFILE_FORCED_MISMATCH for i in issues)
    assert forced.profile == detected.profile
