"""What an ingest run reports its progress to; the displays themselves live with the CLI."""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    """What the engine reports to while it runs."""

    def update(
        self, *, done: int, total: int, counts: dict[str, int], pages: int, final: bool = False, current: str = ""
    ) -> None:
        """Called after each input and on a timer; ``final`` at the end; ``current`` names the
        input parsed last (empty before the first)."""


class NullProgress:
    """Reports nothing (library default)."""

    def update(
        self, *, done: int, total: int, counts: dict[str, int], pages: int, final: bool = False, current: str = ""
    ) -> None:
        """Do nothing."""
