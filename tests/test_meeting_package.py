"""A session's package (scripts/meeting_package.py draws it): the Einladung with its Tagesordnung,
perhaps under a cover sheet with a contents list, followed by the papers of its items in one file.
The Einladung alone is the meeting document; the papers add no items, days or places."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import regex

import ratsdoc
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.package import session_package
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import load_script
from .test_generic_reader import line

RULES = MeetingRules()

#: The fields of a meeting golden checked here.
FIELDS = ("kind", "document_type", "number", "date", "body", "meeting", "agenda_items")

#: Development packages, each read wrong before. Seed 5: the last session's Niederschrift bound
#: after the Einladung gave the session's end and a second place (1, 11, 14); a cover's contents
#: list read as the agenda, its "Einladung" line as the type (3, 12); the Einladung's letterhead
#: and day on page 2 taken for a second paper behind the cover, agenda and head lost (17); the
#: session's "Sitzungstermin:" or an item's "Sitzung vom ..." taken for the letter's own day (13,
#: 31); a letter's day on page 2 behind a cover not read (24); a Tagesordnung that prints no day of
#: its own left undated where the fixtures' Einladung is dated by its session (1, 12).
CASES = ("5/1", "5/3", "5/11", "5/12", "5/13", "5/14", "5/17", "5/24", "5/31")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development packages of :data:`CASES`, drawn and rendered as the generator does."""
    module = load_script("meeting_package")
    out: dict[str, tuple[Path, dict[str, Any]]] = {}
    for case in CASES:
        seed, n = (int(part) for part in case.split("/"))
        folder = tmp_path_factory.mktemp(f"package-{seed}-{n}")
        golden = module.write(folder, seed, n, 40)
        out[case] = (folder / f"session-package-{n}.pdf", golden)
    return out


@pytest.mark.parametrize("case", CASES)
def test_a_session_package_reads_as_its_einladung(built: dict[str, tuple[Path, dict[str, Any]]], case: str) -> None:
    pdf, golden = built[case]
    parsed = ratsdoc.parse(pdf)
    got = parsed.model_dump(mode="json")
    for name in FIELDS:
        assert got[name] == golden[name], name
    assert any("further documents follow the meeting document" in w for w in parsed.warnings)


def test_the_same_seed_draws_the_same_package(tmp_path: Path) -> None:
    module = load_script("meeting_package")
    first = module.write(tmp_path / "a", 3, 2, 40)
    again = module.write(tmp_path / "b", 3, 2, 40)
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert (tmp_path / "a" / "session-package-2.pdf").read_bytes() == (
        tmp_path / "b" / "session-package-2.pdf"
    ).read_bytes()
    assert 4 <= first["page_count"] <= 20 and first["agenda_items"]


def _einladung(page: int = 1) -> list[Line]:
    return [
        line(80, "Einladung", bold=True, page=page),
        line(100, "zur 5. Sitzung des Gemeinderates", page=page),
        line(120, "Sitzungstermin: Montag, 14.07.2025", page=page),
        line(140, "Tagesordnung", bold=True, page=page),
        line(160, "TOP 1 Eröffnung der Sitzung", page=page),
        line(175, "TOP 2 Neubau einer Sporthalle", page=page),
        line(190, "Vorlage: 2025/031", x=110, page=page),
        line(220, "gez. Anna Bauer", page=page),
    ]


def _vorlage(page: int) -> list[Line]:
    return [
        line(60, "Stadt Zörbig", page=page),
        line(75, "Vorlage-Nr.: 2025/031", x=400, page=page),
        line(100, "Beschlussvorlage", bold=True, page=page),
        line(120, "Beratungsfolge:", page=page),
        line(140, "Betreff: Neubau einer Sporthalle", page=page),
        line(160, "Beschlussvorschlag:", page=page),
        line(175, "1. Der Gemeinderat beschließt den Neubau.", page=page),
        line(190, "TOP 4 der Sitzung am 12.03.2025", page=page),
    ]


def _layout(*pages: list[Line]) -> Layout:
    lines = [ln for page in pages for ln in page]
    return Layout(pages=[PageInfo(k, 595.0, 842.0) for k in range(1, len(pages) + 1)], lines=lines)


def test_papers_bound_after_the_agenda_are_no_part_of_the_meeting_document() -> None:
    cut, issues = session_package(_layout(_einladung(), _vorlage(2), _vorlage(3)), RULES)
    assert {ln.page for ln in cut.lines} == {1}
    assert [i.code for i in issues] == [IssueCode.SECOND_DOCUMENT]
    assert issues[0].page == 2


def test_a_cover_sheet_that_names_the_package_is_left_out() -> None:
    cover = [
        line(60, "Stadt Zörbig", page=1),
        line(150, "Sitzungsunterlagen", size=20, bold=True, page=1),
        line(180, "Gemeinderat", page=1),
        line(300, "Inhaltsverzeichnis", page=1),
        line(320, "Einladung 2", page=1),
        line(335, "TOP 2 2025/031 Neubau einer Sporthalle 3", page=1),
    ]
    cut, issues = session_package(_layout(cover, _einladung(2), _vorlage(3)), RULES)
    assert {ln.page for ln in cut.lines} == {2}
    assert len(issues) == 2


def test_a_paper_number_carried_over_to_the_next_page_is_no_paper() -> None:
    # The agenda goes on on page 2 with an item's paper line at its top: one document.
    more = [
        line(60, "Vorlage: 2025/044", x=110, page=2),
        line(75, "TOP 3 Mitteilungen", page=2),
        line(90, "Sitzungstermin: Montag, 14.07.2025", page=2),
    ]
    layout = _layout(_einladung(), more)
    cut, issues = session_package(layout, RULES)
    assert cut is layout and issues == []


def test_items_paper_lines_in_minutes_are_no_papers_bound_after_them() -> None:
    # Word-made meetings, seed 11, paper 18: page 2 of a Protokoll opens with the last item's
    # decision, then "Vorlage Nr. 2025/075" and a few lines further "Vorlage Nr. 2025/026", the
    # next item's: each line was taken for the other's sign, and the minutes' rest was cut off.
    more = [
        line(60, "Beschluss: Dem Antrag wird zugestimmt.", page=2),
        line(75, "Ö4 Anfragen", page=2),
        line(90, "Vorlage Nr. 2025/075", page=2),
        line(105, "Beschluss: Der Ortschaftsrat nimmt den Bericht zur Kenntnis.", page=2),
        line(120, "Ö5 Satzung über die Erhebung von Gebühren", page=2),
        line(135, "Vorlage Nr. 2025/026", page=2),
    ]
    layout = _layout(_einladung(), more)
    assert session_package(layout, RULES) == (layout, [])


def test_a_paper_s_heading_without_the_signs_of_its_head_cuts_nothing() -> None:
    # 'Antrag' alone at the top of a page, with no number label, Betreff, Beratungsfolge or day.
    more = [line(60, "Antrag", page=2), line(75, "TOP 3 Mitteilungen", page=2)]
    layout = _layout(_einladung(), more)
    assert session_package(layout, RULES) == (layout, [])


def test_an_item_s_session_day_is_no_meeting_document_s_date() -> None:
    patterns = bundled_profiles()["meeting"].values["date"]
    compiled = [regex.compile(p, regex.IGNORECASE | regex.VERSION1) for p in patterns]
    assert not any(p.search("TOP 2 Genehmigung der Niederschrift der Sitzung vom 07.08.2025") for p in compiled)
    assert not any(p.search("Ö2 Genehmigung der Niederschrift der Sitzung vom 07.08.2025") for p in compiled)
    assert any(p.search("Protokoll der Sitzung vom 07.08.2025") for p in compiled)


def test_the_einladung_behind_a_cover_sheet_is_typed_by_its_own_first_page(
    built: dict[str, tuple[Path, dict[str, Any]]],
) -> None:
    # Package 5/1: a cover sheet, then "Tagesordnung" / "der 22. Sitzung des ..." on page 2. Its
    # session line backs the type as it would on page 1: no doubt about the kind.
    pdf, golden = built["5/1"]
    parsed = ratsdoc.parse(pdf)
    assert parsed.document_type == golden["document_type"] == "Tagesordnung"
    assert not any("by its type word alone" in w for w in parsed.warnings)
    assert parsed.originator is not None
