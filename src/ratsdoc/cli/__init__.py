"""The ``ratsdoc`` command line: a thin shell over the library. ``main(argv) -> int``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from . import eval_cmd, parse_cmd


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
    try:
        from . import ingest_cmd
    except ImportError:  # the ingestion extra is optional
        pass
    else:
        ingest_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code (0 ok, 1 partial, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help/--version/usage errors
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("ratsdoc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
