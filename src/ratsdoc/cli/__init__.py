"""The ``ratsdoc`` command line: a thin shell over the library. ``main(argv) -> int``."""

from __future__ import annotations

import argparse
import signal
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from .. import __version__
from ..status import ExitCode
from . import eval_cmd, inspect_cmd, parse_cmd


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="ratsdoc",
        description="Turn PDFs of German council papers into typed JSON.",
    )
    parser.add_argument("--version", action="version", version=f"ratsdoc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse_cmd.register(sub)
    eval_cmd.register(sub)
    inspect_cmd.register(sub)
    try:
        from . import ingest_cmd
    except ImportError:  # the ingestion extra is optional
        pass
    else:
        ingest_cmd.register(sub)
    return parser


@contextmanager
def _sigterm_as_interrupt() -> Iterator[list[int]]:
    """Let SIGTERM stop a command like Ctrl-C (results so far saved); the list records it."""
    received: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, on_signal)
    except ValueError:  # not the main thread: leave the default (terminate)
        yield received
        return
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code (see :class:`ExitCode`)."""
    # The handler goes in before the subcommands are imported (a second on a busy machine), so a
    # SIGTERM in that time still ends with the one-line message and 143.
    with _sigterm_as_interrupt() as terminated:
        try:
            parser = build_parser()
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:  # argparse exits on --help/--version (0) and usage errors (2)
                return int(exc.code or 0)
            if not getattr(args, "handler", None):
                parser.print_help(sys.stderr)
                return ExitCode.USAGE
            code = int(args.handler(args))
        except KeyboardInterrupt:
            print("ratsdoc: terminated" if terminated else "ratsdoc: interrupted", file=sys.stderr)
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            code = ExitCode.OK
    return ExitCode.TERMINATED if terminated else code


def run() -> None:
    """Console-script entry point."""
    # The PDF libraries speak through Python warnings too (pypdfium2: a failed XFA load); what
    # matters of it reaches the user as the document's typed warnings, so the command line,
    # an application, drops theirs. Their log records end in NullHandlers (ratsdoc.layout).
    warnings.filterwarnings("ignore", module=r"pdfminer|pdfplumber|pypdfium2")
    sys.exit(main())
