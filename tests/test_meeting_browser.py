"""A session's page in a council information system's web view, printed by a browser
(scripts/meeting_browser.py draws it): the session's fields in cells without colons or as terms
over their values, the browser's head over the page, an item's label and a paper number wrapped
in their narrow cells."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.agenda_wrap import join_wrapped_labels
from ratsdoc.meeting.body_names import body_name
from ratsdoc.meeting.head_body import read_body
from ratsdoc.meeting.header import read_header
from ratsdoc.meeting.rules import MeetingRules

from .conftest import load_script, text_line

RULES = MeetingRules()

#: Development pages, each read wrong before. Seed 5: the browser's head "Sitzung -
#: Sozialausschuss" read as the body "- Sozialausschuss", the session's date, start and place set
#: as terms over their values unread (1, 10); the body read with its label "Gremium" from a cell a
#: word space from it, the end of "17:00 - 19:10 Uhr" unread (12); an item's label "TOP 2" wrapped
#: in its cell, the title's first line lost (22); a paper number wrapped in its cell ("20/MO" over
#: "15/403") read by its second row (16); "Gremium" set over the committee read as the body (26);
#: "Sitzungsort" a word space from its value unread (38); rows without numbers parted by borders
#: only, read as one item (20). Seed 7: a wrapped paper number (5); unnumbered rows again (8, 9).
#: Seed 11: a paper number wrapped with its row's title, its rows read as lines of their own (20);
#: "Ö" over "11" beside a title of two lines, the item lost without a warning (30).
CASES = ("5/1", "5/10", "5/12", "5/16", "5/20", "5/22", "5/26", "5/38", "7/5", "7/8", "7/9", "11/20", "11/30")

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is needed to print the pages")


def _printed(case: str, folder: Path) -> tuple[Path, dict[str, object]]:
    """Development page ``case`` ("SEED/N") printed into ``folder``, and its golden."""
    seed, n = case.split("/")
    module = load_script("meeting_browser")
    page, printed, golden = module.session_page(random.Random(f"{seed}-browser-agenda-{n}"))
    pdf = folder / f"browser-agenda-{seed}-{n}.pdf"
    load_script("browser_print").print_page(page, printed, pdf)
    return pdf, golden


@pytest.mark.parametrize("case", CASES)
def test_a_printed_session_page_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    pdf, golden = _printed(case, tmp_path)
    got = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in ("kind", "document_type", "body", "meeting", "agenda_items"):
        assert got[name] == golden[name], name


def test_the_same_seed_prints_the_same_file(tmp_path: Path) -> None:
    first, golden = _printed("11/3", tmp_path)
    again = tmp_path / "again"
    again.mkdir()
    second, other = _printed("11/3", again)
    assert json.dumps(golden, ensure_ascii=False, default=str) == json.dumps(other, ensure_ascii=False, default=str)
    assert first.read_bytes() == second.read_bytes()


def test_a_dash_before_a_body_is_no_part_of_its_name() -> None:
    assert body_name("- Sozialausschuss", RULES, genitive=False, whole=True) == "Sozialausschuss"


def test_terms_over_their_values_give_the_sessions_fields() -> None:
    def term(top: float, text: str, *, bold: bool) -> Line:
        line = text_line(top, [(52, text)])
        line.tokens = [t.__class__(t.text, t.x0, t.top, t.x1, t.bottom, t.size, bold) for t in line.tokens]
        return line

    head = [
        term(100, "Datum", bold=True),
        term(112, "Dienstag, 07.06.2024", bold=False),
        term(130, "Zeit", bold=True),
        term(142, "16:00 - 18:45 Uhr", bold=False),
        term(160, "Raum", bold=True),
        term(172, "Rathaus, Huldigungssaal", bold=False),
    ]
    values = read_header(head, RULES).values
    assert str(values["date"]) == "2024-06-07"
    assert values["start"] == "16:00" and values["end"] == "18:45"
    assert values["location"] == "Rathaus, Huldigungssaal"


def test_a_label_cell_a_word_space_from_its_value_names_the_body() -> None:
    head = [text_line(100, [(52, "Gremium"), (104, "Ausschuss für Stadtentwicklung und Umwelt")])]  # 1 em apart
    found = read_body(head, RULES)
    assert found is not None and found[0] == "Ausschuss für Stadtentwicklung und Umwelt"


def test_a_label_wrapped_in_its_cell_is_set_whole_on_its_first_line() -> None:
    lines = [
        text_line(100, [(52, "TOP"), (90, "Planungssicherheit für die Händlerinnen und Händler am")]),
        text_line(112, [(52, "2"), (90, "Großmarkt schaffen")]),
    ]
    joined = join_wrapped_labels(lines, RULES)
    assert [line.text for line in joined] == [
        "TOP 2 Planungssicherheit für die Händlerinnen und Händler am",
        "Großmarkt schaffen",
    ]


def test_a_part_marker_wrapped_in_its_cell_joins_its_number() -> None:
    # Browser-agenda seed 11, page 30: "Ö" over "11" beside a title of two lines; the marker is
    # no "TOP" label, and the item was lost without a warning.
    lines = [
        text_line(100, [(52, "Ö"), (80, "Bebauungsplan Nr. 47, Abwägung der im Rahmen der öffentlichen")]),
        text_line(111, [(52, "11"), (80, "Auslegung eingegangenen Stellungnahmen")]),
    ]
    joined = join_wrapped_labels(lines, RULES)
    assert [line.text for line in joined] == [
        "Ö 11 Bebauungsplan Nr. 47, Abwägung der im Rahmen der öffentlichen",
        "Auslegung eingegangenen Stellungnahmen",
    ]
    # A number alone over the next is no label: "1" over "2" stays.
    apart = [text_line(100, [(52, "1"), (80, "Eröffnung")]), text_line(111, [(52, "2"), (80, "Bericht")])]
    assert [line.text for line in join_wrapped_labels(apart, RULES)] == ["1 Eröffnung", "2 Bericht"]
