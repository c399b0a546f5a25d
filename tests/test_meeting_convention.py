"""Body and originator of a meeting document follow one convention under every profile: body
is the committee whose session it is, originator the issuing city printed at the top; the
meeting reader fills them from the head and warns when they stay empty (the bundled
``meeting`` profile included)."""

from __future__ import annotations

from ratsdoc.extract.context import GUESSED, Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.issues import IssueCode
from ratsdoc.meeting.extract import extract_meeting
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import text_line


def _read(rows: list[list[tuple[float, str]]], profile: str = "meeting") -> Context:
    """Cover and meeting readers on one page of ``rows`` under the bundled ``profile``."""
    lines = [text_line(60 + 14 * k, cells) for k, cells in enumerate(rows)]
    ctx = Context(layout=Layout([PageInfo(1, 595.0, 842.0)], lines), profile=bundled_profiles()[profile])
    extract_cover(ctx)
    extract_meeting(ctx)
    return ctx


HEAD = [
    [(50, "Niederschrift")],
    [(50, "über die 3. Sitzung des Stadtteilbeirates Büchenbach")],
    [(50, "Sitzungstermin: Donnerstag, 17.11.2022")],
    [(50, "Beginn: 18:30 Uhr")],
    [(50, "Anwesend:")],
    [(50, "Öffentliche Tagesordnung")],
]


def test_the_meeting_profile_reads_body_and_city_from_an_erlangen_like_head() -> None:
    # Regression: the bundled meeting profile opted out of the head reader, so a body named
    # only in the session line stayed empty without a warning.
    ctx = _read([[(400, "Stadt Erlangen")], *HEAD])
    values = ctx.fields.values
    assert (values["kind"], values["body"], values["originator"]) == (
        "meeting",
        "Stadtteilbeirat Büchenbach",
        "Stadt Erlangen",
    )
    assert not any(w.field in ("body", "originator") for w in ctx.fields.warnings)


def test_the_meeting_profile_warns_when_no_city_is_printed() -> None:
    ctx = _read(HEAD)
    assert ctx.fields.values["body"] == "Stadtteilbeirat Büchenbach"
    assert ctx.fields.values.get("originator") is None
    assert (IssueCode.FIELD_MISSING, "originator") in {(w.code, w.field) for w in ctx.fields.warnings}


def test_a_session_line_broken_after_its_noun_names_the_body() -> None:
    rows = [
        [(50, "12. Sitzung vom 6. Mai 2021")],
        [(50, "Oberbürgermeisterin Anna Bauer: Meine")],
        [(50, "Damen und Herren, ich eröffne die 12. Sitzung")],
        [(50, "des Rates in der laufenden Wahlperiode.")],
        [(50, "Wortprotokoll")],
        [(50, "Beginn: 15:38 Uhr")],
        [(50, "Tagesordnung")],
    ]
    ctx = _read(rows, "generic")
    assert ctx.fields.values["body"] == "Rat"


def test_a_guessed_originator_that_names_no_issuer_is_dropped_and_warned() -> None:
    ctx = _read(HEAD, "generic")
    ctx.set("originator", "Oberbürgermeisterin Gül Webersinn: Meine", [], GUESSED)
    extract_meeting(ctx)
    assert ctx.fields.values.get("originator") is None
    assert (IssueCode.FIELD_MISSING, "originator") in {(w.code, w.field) for w in ctx.fields.warnings}
