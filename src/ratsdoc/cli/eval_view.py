"""What ``ratsdoc eval`` shows besides the tables: progress on stderr and a compact diff per miss."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..evaluation import Report
from ..evaluation_diff import diff_lines
from ..names import printable


@contextmanager
def eval_progress(total: int, *, forced: bool = False) -> Iterator[Callable[[Path], None] | None]:
    """A callback that reports each evaluated document on stderr: a rich bar on a terminal, one
    plain line per document when ``forced`` (``--progress``) elsewhere; else None (quiet)."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("eval"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("eval", total=total)
            yield lambda pdf: progress.advance(task)
        return
    if not forced:
        yield None
        return
    done = 0

    def line(pdf: Path) -> None:
        nonlocal done
        done += 1
        print(printable(f"eval: {done}/{total} {pdf.name}"), file=sys.stderr, flush=True)

    yield line


def print_misses(report: Report) -> None:
    """Every wrong field, silent ones marked, with where its output differs from the golden
    (``[-golden-]{+output+}`` in text, items of lists, keys of objects)."""
    silent = set(report.silent)
    if report.misses:
        print("\nmisses ([-golden-]{+output+}; [i] golden item, [+j] output item):")
    for name, fieldname, got, want in report.misses:
        mark = " [silent]" if (name, fieldname) in silent else ""
        lines = [printable(line) for line in diff_lines(got, want)]
        if len(lines) == 1:
            print(f"- {printable(name)} {fieldname}{mark}: {lines[0]}")
            continue
        print(f"- {printable(name)} {fieldname}{mark}:")
        for line in lines:
            print(f"    {line}")
