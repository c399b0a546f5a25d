"""The meeting vocabulary, declared in three parts (head, agenda, record): every pattern list of
each part is checked when a profile sets it, and head_fields names only fields the head gives."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.meeting.rules_agenda import AgendaRules
from ratsdoc.meeting.rules_head import HeadRules
from ratsdoc.meeting.rules_patterns import check_patterns
from ratsdoc.meeting.rules_record import RecordRules

#: The lists whose items are patterns (the others are words, numbers or a table of labels).
PATTERN_LISTS = [
    "session_patterns",
    "session_sentences",
    "gazette_heads",
    "package_heads",
    "paper_heads",
    "paper_signs",
    "public_parts",
    "nonpublic_parts",
    "session_kinds",
    "agenda_headings",
    "agenda_number_headings",
    "agenda_title_headings",
    "agenda_paper_headings",
    "item_patterns",
    "paper_number_patterns",
    "agenda_side_labels",
    "decision_labels",
    "fallback_decision_labels",
    "decision_numbers",
    "vote_labels",
    "vote_asides",
    "unanimous_words",
    "majority_words",
    "attendee_labels",
    "absent_labels",
    "present_groups",
    "factions",
    "speaker_patterns",
    "session_close",
    "stage_notes",
    "head_roles",
    "decision_headings",
    "public_end",
    "record_prefixes",
    "session_evidence",
    "toc_headings",
    "year_words",
    "plot_words",
    "body_phrases",
    "body_labels",
    "originator_lines",
    "public_sessions",
    "record_numbers",
    "item_heads",
    "item_title_labels",
    "head_lines",
    "agenda_decision_headings",
    "agenda_vote_headings",
    "task_table_heads",
    "withdrawn_marks",
    "withdrawn_headings",
    "change_headings",
    "new_marks",
    "moved_notes",
]


@pytest.mark.parametrize("name", PATTERN_LISTS)
def test_a_pattern_list_that_does_not_compile_is_refused(name: str) -> None:
    with pytest.raises(ValidationError, match=r"pattern '\(x' does not compile"):
        MeetingRules(**{name: ["(x"]})


def test_the_lists_checked_are_the_pattern_lists_declared() -> None:
    # A list given the plain list type instead of Patterns would take any text unchecked.
    declared = {
        name
        for name, field in MeetingRules.model_fields.items()
        if any(getattr(rule, "func", None) is check_patterns for rule in field.metadata)
    }
    assert declared == set(PATTERN_LISTS)


def test_each_list_is_declared_in_one_part() -> None:
    parts = [set(HeadRules.model_fields), set(AgendaRules.model_fields), set(RecordRules.model_fields)]
    assert sum(len(p) for p in parts) == len(MeetingRules.model_fields)
    assert set().union(*parts) == set(MeetingRules.model_fields)


def test_head_fields_names_only_what_the_head_gives() -> None:
    with pytest.raises(ValidationError, match="head_fields names fields the head does not give: date"):
        MeetingRules(head_fields=["body", "date"])


def test_a_list_no_part_declares_is_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        MeetingRules(agenda_words=["TOP"])
