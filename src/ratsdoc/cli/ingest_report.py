"""``ratsdoc ingest`` progress (rich bar on a TTY, log lines otherwise) and the summary tables."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..ingest.progress import ProgressSink
from ..ingest.store import Stats
from ..names import printable
from ..status import RUN_COUNTS


def _eta(done: int, total: int, elapsed: float) -> str:
    if done <= 0 or total <= done:
        return "-"
    seconds = int(elapsed / done * (total - done))
    return f"{seconds // 60}m{seconds % 60:02d}s"


class LogProgress:
    """One plain line on stderr every ``interval`` seconds (and at the end)."""

    def __init__(self, stream: IO[str] | None = None, interval: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = time.monotonic()
        self.last = self.started

    def update(
        self, *, done: int, total: int, counts: dict[str, int], pages: int, final: bool = False, current: str = ""
    ) -> None:
        """Print a line when the interval has passed."""
        now = time.monotonic()
        if not final and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        print(
            f"ingest: {done}/{max(total, done)} inputs, ok {counts.get('ok', 0)}, "
            f"warning {counts.get('warning', 0)}, failed {counts.get('failed', 0)}, "
            f"skipped {counts.get('skipped', 0)}, unchanged {counts.get('unchanged', 0)}; "
            f"{pages / elapsed:.1f} pages/s; ETA {_eta(done, total, elapsed)}",
            file=self.stream,
            flush=True,
        )


def fit_name(name: str, width: int) -> str:
    """``name`` in at most ``width`` terminal cells: a long path loses its start ("…dir/file.pdf"),
    since the end names the file."""
    if cell_len(name) <= width:
        return name
    if width < 1:
        return ""
    while name and cell_len(name) > width - 1:
        name = name[1:]
    return "…" + name


class _FittedProgress(Progress):
    """A progress display whose bar line fits any width (the bar shrinks) and whose counts and
    file name are lines of their own, cut to the console's width: a line never wraps."""

    def __init__(self, lines: Callable[[int], list[Text]], *columns: Any, console: Console, **options: Any) -> None:
        # Set before Progress.__init__, which renders once.
        self._lines = lines
        self._screen = console
        super().__init__(*columns, console=console, **options)

    def get_renderables(self) -> Iterable[RenderableType]:
        """The bar line, then the footer lines for the console's current width."""
        yield self.make_tasks_table(self.tasks)
        yield from self._lines(self._screen.width)


class RichProgress:
    """A rich progress display on stderr: the bar with files done, time and ETA; the counts by
    status and pages/s; the last file parsed. Readable down to 80 columns and below."""

    def __init__(self, console: Console | None = None) -> None:
        self.started = time.monotonic()
        self.counts: dict[str, int] = {}
        self.rate = 0.0
        self.current = ""
        self.progress = _FittedProgress(
            self._footer,
            TextColumn("ingest"),
            BarColumn(bar_width=None),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("ingest", total=None)
        self.progress.start()

    def _footer(self, width: int) -> list[Text]:
        line = Text(no_wrap=True, overflow="ellipsis")
        for status in RUN_COUNTS:
            count = self.counts.get(status, 0)
            if count or status in _COUNT_STYLES:
                line.append(f"{status} {count} ", style=_COUNT_STYLES.get(status, ""))
        line.append(f"· {self.rate:.1f} pages/s")
        if not self.current:
            return [line]
        # Text, not markup: a file name is data; control characters are shown escaped.
        name = fit_name(printable(self.current), width - len("last "))
        return [line, Text.assemble(("last ", "dim"), name, no_wrap=True, overflow="ellipsis")]

    def update(
        self, *, done: int, total: int, counts: dict[str, int], pages: int, final: bool = False, current: str = ""
    ) -> None:
        """Refresh the display."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        self.counts = dict(counts)
        self.rate = pages / elapsed
        self.current = current or self.current
        self.progress.update(self.task, completed=done, total=max(total, done))
        if final:
            self.progress.stop()


#: The colour of a count in the progress display; ok, warning and failed are always shown, the
#: other counts of a run (skipped, unchanged, duplicate, ...) once they are not 0.
_COUNT_STYLES = {"ok": "green", "warning": "yellow", "failed": "red"}


def auto_progress(interval: float = 10.0) -> ProgressSink:
    """A rich bar when stderr is a terminal, else plain log lines."""
    if sys.stderr.isatty():
        return RichProgress()
    return LogProgress(interval=interval)


def _titled(title: str, head: tuple[str, ...], rows: list[tuple[Any, ...]]) -> tuple[str, Table]:
    return title, _table(title, head, rows)


def _table(title: str, head: tuple[str, ...], rows: list[tuple[Any, ...]]) -> Table:
    # The title is printed above (see _print): a rich table title wraps to the table's width.
    table = Table()
    for name in head:
        numeric = name in ("count", "seconds", "pages")
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        # Text, not a markup string: a path like "[/bold]x.pdf" is data; control characters
        # in names are shown escaped, never sent to the terminal.
        table.add_row(*(Text(printable(str(cell))) for cell in row))
    return table


def _print(console: Console, title: str, table: Table) -> None:
    console.print(Text(printable(title), style="bold"))
    console.print(table)


def render_stats(
    stats: Stats, console: Console, *, run_counts: dict[str, int] | None = None, heading: str = "archive"
) -> None:
    """Print the summary tables: status, document type, profile, slowest files, errors."""
    status_rows: list[tuple[Any, ...]]
    if run_counts is not None:
        status_rows = [(k, v) for k, v in run_counts.items() if v]
    else:
        status_rows = list(stats.by_status.items())
    _print(console, *_titled(f"{heading}: inputs by status", ("status", "count"), status_rows))
    if stats.by_type:
        _print(console, *_titled("by document type", ("document_type", "count"), list(stats.by_type.items())))
    if stats.by_profile:
        _print(console, *_titled("by profile", ("profile", "count"), list(stats.by_profile.items())))
    if stats.slowest:
        _print(
            console,
            *_titled(
                "slowest files",
                ("path", "seconds", "pages"),
                [(p, f"{s:.2f}", n if n is not None else "-") for p, s, n in stats.slowest],
            ),
        )
    if stats.errors:
        _print(
            console,
            *_titled("commonest errors", ("error", "message", "count"), [(c, m, n) for c, m, n in stats.errors]),
        )
    console.print(
        f"{stats.documents} distinct inputs, {stats.paths} paths, {stats.pages} pages, "
        f"{stats.seconds:.1f} s parse time, {stats.runs} run(s)"
    )
