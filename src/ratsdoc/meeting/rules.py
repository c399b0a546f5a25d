"""What a profile says about meeting documents: their types, header labels, agenda, vote and
attendance vocabulary, and the patterns compiled from it by use. The defaults cover common German
practice (SessionNet, ALLRIS and hand-made minutes); a profile's ``[meeting]`` table replaces any
list. The lists are declared in three parts: the head (``rules_head``), the agenda
(``rules_agenda``) and the record (``rules_record``)."""

from __future__ import annotations

from functools import cached_property

import regex

from .rules_agenda import AgendaRules
from .rules_head import HeadRules
from .rules_patterns import FLAGS, any_of
from .rules_record import RecordRules


# The bases in reverse: pydantic orders the fields from the last base to the first (head, agenda, record).
class MeetingRules(RecordRules, AgendaRules, HeadRules):
    """The meeting vocabulary of a profile (all patterns case-insensitive)."""

    @cached_property
    def res(self) -> dict[str, regex.Pattern[str]]:
        """Compiled patterns by use. Anchored at the line start: 'public', 'nonpublic' and
        'agenda' headings, 'decision' and 'vote' labels (group ``rest`` holds what follows the
        colon), the 'attendee' and 'absent' headings, a 'salutation', a whole 'faction' name.
        Anywhere: 'header' ('Label:' of a header field, the group name says which) and
        'unanimous'."""

        def labelled(labels: list[str]) -> regex.Pattern[str]:
            return any_of([rf"(?:{'|'.join(labels)})\s*:\s*(?P<rest>.*)"])

        fields = [f"(?P<{name}>{'|'.join(pats)})" for name, pats in self.header_labels.items() if pats]
        return {
            "public": any_of(self.public_parts),
            "nonpublic": any_of(self.nonpublic_parts),
            "session_kind": any_of(self.session_kinds),
            "agenda": any_of(self.agenda_headings),
            # A changed agenda's headings over the items it adds, moves or takes off open its list.
            "change_heading": any_of([*self.change_headings, *self.withdrawn_headings]),
            "task_table": any_of([rf"(?:{p})\s*$" for p in self.task_table_heads]),
            # The item column's heading first, then within a few headings the title column's,
            # as council systems and factions' sheets print them.
            "table_head": any_of(
                [
                    rf"(?:{'|'.join(self.agenda_number_headings)})\s+(?:[\p{{L}}./-]+\s+){{0,3}}"
                    rf"(?:{'|'.join(self.agenda_title_headings)})\b.*"
                ]
            ),
            "paper_heading": any_of([rf"(?:{'|'.join(self.agenda_paper_headings)})"]),
            "title_heading": any_of([rf"(?:{'|'.join(self.agenda_title_headings)})\b:?"]),
            "table_decision": regex.compile(rf"(?:{'|'.join(self.agenda_decision_headings)})\s*:?", FLAGS),
            "table_vote": regex.compile(rf"(?:{'|'.join(self.agenda_vote_headings)})\s*:?", FLAGS),
            "side_label": any_of([rf"(?:{'|'.join(self.agenda_side_labels)})\s*:"]),
            "decision": labelled(self.decision_labels),
            "decision_fallback": labelled([*self.decision_labels, *self.fallback_decision_labels]),
            "vote": labelled(self.vote_labels),
            # 'Anwesend: 33' counts those present in a vote block: no heading of a list of names.
            "attendee": any_of([rf"(?:{'|'.join(self.attendee_labels)})\s*(?::(?!\s*\d+\s*$)|$)"]),
            "absent": any_of([rf"(?:{'|'.join(self.absent_labels)})\b"]),
            "present_group": any_of([rf"(?:{'|'.join(self.present_groups)})\s*:"]),
            "salutation": any_of([regex.escape(s) + r"(?:\s|$)" for s in self.salutations]),
            "office": regex.compile(rf"^\s*(?P<office>(?-i:{'|'.join(self.attendee_offices)}))\s+(?=\p{{Lu}})", FLAGS),
            "faction": regex.compile(rf"^\s*(?:{'|'.join(self.factions)})\s*$", FLAGS),
            "header": regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(fields)})\s*:", FLAGS),
            "unanimous": any_of(self.unanimous_words, anchored=False),
            # A number beside a vote's counts that is none ('davon anwesend: 58'), with its count.
            "vote_aside": regex.compile(rf"(?<![\p{{L}}-])(?:{'|'.join(self.vote_asides)})\s*[:=]?\s*\d+\b", FLAGS),
            "decision_number": regex.compile(rf"^\s*(?:{'|'.join(self.decision_numbers)})\s*:?\s*", FLAGS),
            "vote_aside_word": regex.compile(rf"(?:{'|'.join(self.vote_asides)})", FLAGS),
            "majority": any_of(self.majority_words, anchored=False),
            "public_end": any_of(self.public_end, anchored=False),
            "body_label": regex.compile(rf"^\s*(?:{'|'.join(self.body_labels)})\s*:?\s*$", FLAGS),
            "head_role": regex.compile(rf"^\s*(?:{'|'.join(self.head_roles)})\s*:?\s*$", FLAGS),
            "decision_heading": regex.compile(rf"^\s*(?:{'|'.join(self.decision_headings)})\s*:?\s*$", FLAGS),
            "session_close": any_of(self.session_close),
            "toc": any_of(self.toc_headings),
            "year_word": regex.compile(rf"(?:{'|'.join(self.year_words)})", FLAGS),
            "plot_word": regex.compile(rf"(?:{'|'.join(self.plot_words)})\s*$", FLAGS),
            "vote_heading": regex.compile(rf"^\s*(?:{'|'.join(self.vote_labels)})\s*:?\s*$", FLAGS),
            # A decision or vote label with its colon anywhere in a text ('... Beschluss: Der Rat').
            "result_label": regex.compile(rf"(?:{'|'.join([*self.decision_labels, *self.vote_labels])})\s*:", FLAGS),
            "item_title": any_of([rf"(?:{'|'.join(self.item_title_labels)})\s*:\s*(?P<rest>.*)"]),
            "head_line": regex.compile(rf"^\s*(?:{'|'.join(self.head_lines)})$", FLAGS),
            # A stage note anywhere in a speech, over any number of lines, up to its closing parenthesis.
            "stage_note": regex.compile(rf"\(\s*(?:{'|'.join(self.stage_notes)})\b[^()]{{0,1000}}\)", FLAGS),
            "stage_note_open": regex.compile(rf"\(\s*(?:{'|'.join(self.stage_notes)})\b", FLAGS),
        }

    @cached_property
    def lists(self) -> dict[str, list[regex.Pattern[str]]]:
        """Compiled pattern lists: 'session' lines and 'session_sentences' (searched anywhere), 'items' and 'speakers'
        (whole lines), 'paper_numbers', 'evidence' of a session record, 'body_phrases',
        'originator' (with case) and 'public_sessions' (all searched anywhere); 'gazette_heads' and
        'package_heads' (from a line's start), 'paper_heads' (whole lines) and 'paper_signs'."""
        return {
            "session": [regex.compile(p, FLAGS) for p in self.session_patterns],
            "session_sentences": [regex.compile(p, FLAGS) for p in self.session_sentences],
            "items": [regex.compile(rf"^\s*(?:{p})\s*$", FLAGS) for p in self.item_patterns],
            "speakers": [regex.compile(rf"^\s*(?:{p})$", FLAGS) for p in self.speaker_patterns],
            "paper_numbers": [regex.compile(p, FLAGS) for p in self.paper_number_patterns],
            "evidence": [regex.compile(p, FLAGS) for p in self.session_evidence],
            "body_phrases": [regex.compile(p, FLAGS) for p in self.body_phrases],
            "originator": [regex.compile(p, regex.VERSION1) for p in self.originator_lines],
            "public_sessions": [regex.compile(p, FLAGS) for p in self.public_sessions],
            "record_numbers": [regex.compile(p, FLAGS) for p in self.record_numbers],
            "item_heads": [regex.compile(p, FLAGS) for p in self.item_heads],
            "gazette_heads": [regex.compile(p, FLAGS) for p in self.gazette_heads],
            "package_heads": [regex.compile(p, FLAGS) for p in self.package_heads],
            "paper_heads": [regex.compile(p, FLAGS) for p in self.paper_heads],
            "paper_signs": [regex.compile(p, FLAGS) for p in self.paper_signs],
        }

    @cached_property
    def vote_count_res(self) -> tuple[dict[str, regex.Pattern[str]], dict[str, regex.Pattern[str]]]:
        """Per count ('yes', 'no', 'abstain'): the number after its word ('Ja 23'), and the
        number before it ('7 Ja-Stimmen'). A text uses one order for all its counts."""
        after, before = {}, {}
        for name, words in self.vote_words.items():
            alt = "|".join(words)
            after[name] = regex.compile(rf"(?<![\p{{L}}-])(?:{alt})\s*[:=]?\s*(?P<n>\d+)\b", FLAGS)
            before[name] = regex.compile(rf"\b(?P<n>\d+)\s*(?:{alt})(?![\p{{L}}])", FLAGS)
        return after, before

    @cached_property
    def vote_word_res(self) -> dict[str, regex.Pattern[str]]:
        """Per count ('yes', 'no', 'abstain'): a word that is one of its words, whole (a vote
        table's column heading, 'Ja', 'Enthaltung')."""
        return {
            name: regex.compile(rf"(?:{'|'.join(words)})", regex.IGNORECASE) for name, words in self.vote_words.items()
        }
