"""``ratsdoc eval``: field-level accuracy of the parser against golden JSON, and its silent errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..evaluation import evaluate, find_pairs, format_report
from ..names import printable
from ..options import ParseOptions
from ..status import ExitCode
from .eval_view import eval_progress, print_misses
from .usage import HelpFormatter


def register(sub: Any) -> None:
    """Add the eval subcommand to ``sub``."""
    e = sub.add_parser("eval", help="compare parser output with golden JSON, per field", formatter_class=HelpFormatter)
    e.add_argument("folder", help="folder of PDFs (searched recursively)")
    e.add_argument("--golden", help="folder of golden JSON (default: beside each PDF)")
    e.add_argument(
        "--engine",
        choices=["pdfplumber", "pdfium"],
        default=None,
        help="PDF engine (default: ParseOptions' default, pdfium)",
    )
    e.add_argument(
        "--min-accuracy",
        type=float,
        default=None,
        help="exit 1 when the exact share of all fields is below this (0..1)",
    )
    e.add_argument(
        "--min-documents",
        type=float,
        default=None,
        help="exit 1 when the share of documents with every field right is below this",
    )
    e.add_argument(
        "--max-silent",
        type=float,
        default=None,
        help="exit 1 when the share of fields wrong without a warning naming them is above this (0..1)",
    )
    e.add_argument(
        "--show-misses",
        action="store_true",
        help="list every wrong field (silent ones marked) with where it differs from the golden",
    )
    e.add_argument(
        "--progress",
        action="store_true",
        help="report each document on stderr even when stderr is not a terminal (a terminal gets a bar anyway)",
    )
    e.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="per-document time limit before OCR pages are added (default: ParseOptions'); "
        "raise it on a busy machine so that slow OCR is not counted as a failure",
    )
    e.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip PDFs whose path below FOLDER matches (e.g. 'scans/*'); repeatable",
    )
    e.set_defaults(handler=_eval)


def _eval(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        print(printable(f"ratsdoc: {folder}: not a folder"), file=sys.stderr)
        return ExitCode.USAGE
    golden = Path(args.golden) if args.golden else None
    pairs = find_pairs(folder, golden, args.exclude)
    if not pairs:
        print(printable(f"ratsdoc: {folder}: no PDF with a golden JSON found"), file=sys.stderr)
        return ExitCode.USAGE
    limits = {} if args.timeout is None else {"max_seconds": args.timeout}
    options = ParseOptions(engine=args.engine, **limits) if args.engine else ParseOptions(**limits)
    with eval_progress(len(pairs), forced=args.progress) as on_document:
        report = evaluate(pairs, options, on_document=on_document)
    print(format_report(report))
    if args.show_misses:
        print_misses(report)
    for _name, reason in report.failures:
        print(printable(f"ratsdoc: {reason}"), file=sys.stderr)
    share = report.documents_all_right / report.documents
    if args.min_accuracy is not None and report.overall.exact_rate < args.min_accuracy:
        return ExitCode.FAILED  # the corpus missed the required accuracy
    if args.min_documents is not None and share < args.min_documents:
        return ExitCode.FAILED
    if args.max_silent is not None and report.overall.silent_rate > args.max_silent:
        return ExitCode.FAILED  # too many wrong values pass without a warning
    return ExitCode.OK
