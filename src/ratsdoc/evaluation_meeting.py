"""Evaluation of meeting documents in detail: each part of the session (date, start, end,
location, number), each agenda item (right when every part of it is), and the share of
documents whose agenda is right item for item (docs/evaluation.md)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

#: The parts of an agenda item, scored one by one as well as the item as a whole.
ITEM_PARTS = ("number", "title", "public", "paper_numbers", "decision", "vote")


@dataclass(slots=True)
class Tally:
    """Right out of total."""

    total: int = 0
    right: int = 0

    def add(self, right: bool) -> None:
        """Count one comparison."""
        self.total += 1
        self.right += right

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts."""
        self.total += other.total
        self.right += other.right

    @property
    def rate(self) -> float:
        """Share right (1.0 when nothing was compared)."""
        return self.right / self.total if self.total else 1.0


@dataclass(slots=True)
class MeetingScores:
    """Scores of the meeting goldens: parts of ``meeting`` and of the agenda items, whole items,
    attendees and speeches (by position), and documents with every agenda item right."""

    parts: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    documents: int = 0
    agendas_right: int = 0

    def merge(self, other: MeetingScores) -> None:
        """Add ``other``'s counts."""
        for name, tally in other.parts.items():
            self.parts[name].merge(tally)
        self.documents += other.documents
        self.agendas_right += other.agendas_right


def _by_position(scores: MeetingScores, name: str, got: Any, want: list[Any]) -> bool:
    """Score list ``want`` entry by entry against ``got``; an entry too many counts as wrong."""
    have: list[Any] = got if isinstance(got, list) else []
    for k in range(max(len(want), len(have))):
        scores.parts[name].add(k < len(want) and k < len(have) and have[k] == want[k])
    return have == want


def score_meeting(scores: MeetingScores, got: dict[str, Any], golden: dict[str, Any]) -> None:
    """Add the meeting comparison of one document (a golden of kind 'meeting') to ``scores``."""
    if golden.get("kind") != "meeting":
        return
    scores.documents += 1
    session = got.get("meeting") or {}
    for name, value in (golden.get("meeting") or {}).items():
        scores.parts[f"meeting.{name}"].add(session.get(name) == value)
    found = got.get("agenda_items")
    items: list[Any] = found if isinstance(found, list) else []
    want_items = golden.get("agenda_items") or []
    for k, want in enumerate(want_items):
        have = items[k] if k < len(items) else {}
        for part in ITEM_PARTS:
            scores.parts[f"agenda_items.{part}"].add(have.get(part) == want.get(part))
    scores.agendas_right += _by_position(scores, "agenda item", items, want_items)
    for name in ("attendees", "speeches"):
        if golden.get(name):
            _by_position(scores, {"attendees": "attendee", "speeches": "speech"}[name], got.get(name), golden[name])


def format_meeting(scores: MeetingScores) -> list[str]:
    """The meeting table and the agenda line, for :func:`~ratsdoc.evaluation.format_report`."""
    if not scores.documents:
        return []
    lines = ["", "| meeting part | n | right |", "|---|---:|---:|"]
    for name, tally in scores.parts.items():
        lines.append(f"| {name} | {tally.total} | {tally.rate:.1%} |")
    share = scores.agendas_right / scores.documents
    lines.append("")
    lines.append(
        f"meeting documents with every agenda item right: {scores.agendas_right}/{scores.documents} ({share:.1%})"
    )
    return lines
