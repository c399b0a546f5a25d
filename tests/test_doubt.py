"""Doubtful fields (extract/doubt.py): a field the paper's kind normally has is named when it is
missing, a field its kind never has is not, and a value from a weak fallback carries a low
confidence and a ``value_uncertain`` warning, while a value read from a label does not."""

from __future__ import annotations

import pytest

from ratsdoc.extract.context import GUESSED, READ, WARN_BELOW, WEAK, Context
from ratsdoc.extract.doubt import expects
from ratsdoc.extract.review import review_fields
from ratsdoc.issues import Issue, IssueCode, warns_about
from ratsdoc.models import BBox, Provenance
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import REAL_CORPUS

_COVER = {"title": "Radweg Nord", "date": "2024-01-09"}


def _context(values: dict[str, object], profile: str = "generic") -> Context:
    ctx = Context(layout=Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[]), profile=bundled_profiles()[profile])
    for name, value in values.items():
        ctx.fields.values[name] = value
        ctx.fields.provenance[name] = [Provenance(page=1, bbox=BBox(x0=0, top=0, x1=10, bottom=10))]
    return ctx


def _missing(ctx: Context) -> set[str | None]:
    return {issue.field for issue in ctx.fields.warnings if issue.code is IssueCode.FIELD_MISSING}


def test_a_motion_without_originator_names_originator_and_faction() -> None:
    ctx = _context({**_COVER, "document_type": "Antrag", "justification": "Weil."})
    review_fields(ctx)
    assert _missing(ctx) == {"originator", "faction"}


def test_a_motion_without_justification_names_it() -> None:
    ctx = _context({**_COVER, "document_type": "Antrag", "originator": "SPD-Fraktion"})
    review_fields(ctx)
    assert _missing(ctx) == {"justification"}


@pytest.mark.parametrize("kind", ["Niederschrift", "Einladung", "Präsentation"])
def test_meeting_documents_are_not_flooded_with_paper_fields(kind: str) -> None:
    # The fixtures' invitations and minutes have no originator or body (their goldens say so).
    ctx = _context({**_COVER, "document_type": kind}, profile="meeting")
    review_fields(ctx)
    assert not {"body", "originator", "faction", "justification"} & _missing(ctx)


def test_an_answer_is_not_expected_to_give_reasons() -> None:
    ctx = _context({**_COVER, "document_type": "Antwort", "originator": "Oberbürgermeister"})
    review_fields(ctx)
    assert _missing(ctx) == set()


def test_expected_fields_follow_the_document_type() -> None:
    ctx = _context({"document_type": "Beschlussvorlage"})
    assert expects(ctx, "originator") and expects(ctx, "justification") and not expects(ctx, "body")
    ctx.fields.values["document_type"] = None  # an unknown kind counts as a Drucksache
    assert expects(ctx, "originator")
    ctx.fields.values["document_type"] = "Einladung"
    assert not expects(ctx, "originator") and not expects(ctx, "justification")
    ctx.fields.values["document_type"] = "Antwort"
    assert expects(ctx, "originator") and not expects(ctx, "justification")


def test_a_value_dropped_as_implausible_is_not_warned_twice() -> None:
    ctx = _context({**_COVER, "document_type": "Antrag", "justification": "Weil.", "originator": "12.03.2023"})
    review_fields(ctx)
    about_originator = [i.code for i in ctx.fields.warnings if i.field == "originator"]
    assert about_originator == [IssueCode.VALUE_IMPLAUSIBLE]


def test_a_paper_without_text_gets_no_expected_field_warning() -> None:
    ctx = _context({})
    ctx.layout.warnings.append(Issue(IssueCode.NO_TEXT, "no text"))
    review_fields(ctx)
    assert _missing(ctx) == set()


def test_a_weak_fallback_value_is_warned_with_how_it_was_found() -> None:
    ctx = _context({**_COVER, "document_type": "Antrag", "justification": "Weil.", "originator": "Max Muster"})
    ctx.fields.confidence["title"] = WEAK
    ctx.fields.basis["title"] = "the first heading (no subject line)"
    review_fields(ctx)
    uncertain = [i for i in ctx.fields.warnings if i.code is IssueCode.VALUE_UNCERTAIN]
    assert [i.field for i in uncertain] == ["title"]
    assert "first heading" in uncertain[0].message
    assert warns_about(ctx.fields.warnings, "title")
    assert ctx.fields.provenance["title"][0].confidence is not None
    assert ctx.fields.provenance["title"][0].confidence < WARN_BELOW


def test_guessed_and_read_values_are_not_warned_and_an_empty_weak_value_is_not_either() -> None:
    assert WEAK < WARN_BELOW <= GUESSED < READ
    ctx = _context({**_COVER, "document_type": "Antrag", "justification": "Weil.", "originator": "Max Muster"})
    ctx.fields.confidence.update({"title": GUESSED, "date": READ})
    ctx.fields.values["resolution_proposal"] = []
    ctx.fields.confidence["resolution_proposal"] = WEAK
    review_fields(ctx)
    assert [i for i in ctx.fields.warnings if i.code is IssueCode.VALUE_UNCERTAIN] == []


def test_set_records_and_forgets_the_basis_of_a_weak_value() -> None:
    ctx = _context({})
    ctx.set("title", "Rede", [], WEAK, "the first heading (no subject line)")
    assert ctx.fields.basis["title"].startswith("the first heading")
    ctx.set("title", "Radweg Nord", [])
    assert "title" not in ctx.fields.basis


_REAL = REAL_CORPUS
_SPEECH = _REAL / "hamburg-wandsbek-fdp" / "RedeAktuelleStunde08September2022NachhaltigeStadtentwicklung.pdf"


@pytest.mark.skipif(not _SPEECH.exists(), reason="the real corpus (../shared/corpus/real) is not here")
def test_a_speech_is_read_by_its_own_rules_and_names_what_it_lacks() -> None:
    # A speech has no subject line, no request heading and no sender line. It used to be read by
    # fallbacks (first heading, a bold sentence as request), each warned; the reader now knows a
    # speech ("Es gilt das gesprochene Wort"): its heading and speaker line are read as such, no
    # request is guessed, and what it cannot find (the justification here) is still named.
    paper, issues = read_paper(_SPEECH, ParseOptions())
    named = {(issue.code, issue.field) for issue in issues}
    assert paper.document_type == "Rede"
    assert paper.originator == "Finn Ole Ritter, FDP-Fraktion Wandsbek"
    assert paper.resolution_proposal == []
    assert (IssueCode.VALUE_UNCERTAIN, "resolution_proposal") not in named
    assert paper.justification or (IssueCode.FIELD_MISSING, "justification") in named


def test_a_heading_title_of_a_paper_that_names_its_type_apart_is_not_warned() -> None:
    # Regression (Swiss motions of the dev variants): the title over "Motion" was warned as a
    # guess on every motion, though the first heading of a typed paper is its subject.
    from ratsdoc.extract.generic import fill_cover

    from .test_generic_reader import _ctx, line

    lines = [
        line(42, "Kantonale Standards für die Digitalisierung", size=13, bold=True),
        line(82, "Motion"),
        line(98, "Beat Wagner (SVP)"),
        line(140, "Die Gemeinden tragen heute die Kosten allein und das ist nicht gerecht, sagen wir."),
    ]
    ctx = _ctx(lines, "generic")
    fill_cover(ctx)
    assert ctx.fields.values["title"] == "Kantonale Standards für die Digitalisierung"
    assert ctx.fields.values["document_type"] == "Motion"
    assert "title" not in ctx.fields.basis and ctx.fields.confidence["title"] >= WARN_BELOW
