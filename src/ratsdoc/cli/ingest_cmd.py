"""``ratsdoc ingest``, ``search``, ``export`` and ``stats``: the SQLite archive from the shell."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import DownloadError, RatsdocError
from ..ingest import CSV_COLUMNS, ArchiveLimits, IngestOptions, Store, StoreError, ingest
from ..ingest.progress import NullProgress, ProgressSink
from ..names import printable
from ..oparl import IdScheme, archive_documents, oparl_tree
from ..options import DEFAULT_CLI_MEMORY_MB, DEFAULT_MAX_SECONDS, OCR_SECONDS_PER_PAGE, ParseOptions
from ..status import STORED_STATUSES, ExitCode
from .archive_tables import AGENDA_COLUMNS, agenda_rows, document_row
from .ingest_oparl import add_oparl_arguments, http_settings, print_report
from .ingest_report import LogProgress, RichProgress, render_stats
from .output import csv_cell, write_atomically
from .search_output import add_search_arguments, print_hits, search_filters
from .usage import HelpFormatter, base_url, check_profile
from .usage import positive_int as _positive_int

Handler = Callable[[argparse.Namespace], int]


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {text}")
    return value


def register(sub: Any) -> None:
    """Add the ingest/search/export/stats subcommands to the argparse ``sub`` object."""
    p = sub.add_parser(
        "ingest",
        formatter_class=HelpFormatter,
        help="parse directories, archives or path lists into SQLite",
        description="Parse every PDF below PATH (directory tree, .zip, .tar, "
        ".tar.gz, or a .txt/.lst file listing paths) into a SQLite archive. "
        "Inputs already stored are skipped, so a rerun resumes.",
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="directories, .zip/.tar archives or .txt path lists (or --oparl URL)"
    )
    p.add_argument("--db", required=True, help="the SQLite archive (created if missing)")
    p.add_argument("-j", "--workers", type=_positive_int, default=None, help="worker processes (default: CPU count)")
    p.add_argument(
        "--timeout",
        type=_positive_float,
        default=DEFAULT_MAX_SECONDS,
        metavar="SECONDS",
        help=f"per-file time limit, plus {OCR_SECONDS_PER_PAGE:g} s for every page that needs OCR; the worker is "
        f"killed past it (default {DEFAULT_MAX_SECONDS:g})",
    )
    p.add_argument(
        "--max-memory-mb",
        type=_positive_int,
        default=DEFAULT_CLI_MEMORY_MB,
        metavar="MB",
        help=f"per-file memory limit beyond the idle worker (default {DEFAULT_CLI_MEMORY_MB})",
    )
    p.add_argument("--reparse", action="store_true", help="parse inputs already stored again")
    p.add_argument("--retry-failed", action="store_true", help="parse inputs stored as failed again")
    p.add_argument("--engine", choices=["pdfplumber", "pdfium"], default=None, help="PDF engine (default: pdfium)")
    p.add_argument("--profile", help="force a layout profile (name or TOML file); default: detected")
    p.add_argument(
        "--ocr", choices=["auto", "always", "never"], default=None, help="OCR of pages without text (default: auto)"
    )
    p.add_argument(
        "--all-files", action="store_true", help="in directories and archives, try every file, not only *.pdf"
    )
    p.add_argument(
        "--max-archive-mb",
        type=_positive_int,
        default=4096,
        metavar="MB",
        help="an archive may unpack to at most this much (default 4096)",
    )
    p.add_argument(
        "--max-ratio",
        type=_positive_float,
        default=100.0,
        help="largest compression ratio accepted in archives (default 100)",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://HOST:8786 (needs ratsdoc[dask])"
    )
    p.add_argument(
        "--ship-paths", action="store_true", help="with --scheduler: send paths, not file contents (shared filesystem)"
    )
    p.add_argument(
        "--parse-function",
        metavar="MODULE:FUNCTION",
        help="advanced: call this instead of ratsdoc.parse in the workers "
        "(custom pipelines, tests); also 'path/to/file.py:function'",
    )
    p.add_argument(
        "--log-interval",
        type=_positive_float,
        default=10.0,
        metavar="SECONDS",
        help="seconds between progress lines when stderr is not a terminal",
    )
    p.add_argument(
        "--progress",
        choices=["auto", "bar", "log", "none"],
        default="auto",
        help="progress display; auto: a bar on a terminal, else log lines",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_oparl_arguments(p, _positive_float)
    p.set_defaults(handler=_guard("ingest", _ingest))

    s = sub.add_parser("search", formatter_class=HelpFormatter, help="full-text search in an archive (bm25 ranked)")
    s.add_argument("db", metavar="DB", help="the SQLite archive")
    add_search_arguments(s)
    s.add_argument("-n", "--limit", type=_positive_int, default=20, help="most hits shown")
    s.add_argument("--raw", action="store_true", help="pass QUERY to FTS5 unchanged")
    s.add_argument("--json", action="store_true", help="print JSON Lines (snippet with the offsets of its marks)")
    s.set_defaults(handler=_guard("search", _search))

    e = sub.add_parser("export", formatter_class=HelpFormatter, help="export an archive as JSON Lines, CSV or OParl")
    e.add_argument("db", metavar="DB", help="the SQLite archive")
    e.add_argument(
        "--format",
        choices=["jsonl", "csv", "oparl"],
        default="jsonl",
        help="JSON Lines of the rows, CSV of the cover fields, or an OParl tree (System, Body, papers) as JSON Lines",
    )
    e.add_argument(
        "--base-url",
        type=base_url,
        metavar="URL",
        help="with --format oparl: ids are URLs under this (default: urn:ratsdoc:... from the SHA-256)",
    )
    e.add_argument(
        "--body-name", metavar="NAME", help="with --format oparl: the name of the Body (default: the database's name)"
    )
    e.add_argument(
        "--table",
        choices=["documents", "agenda_items"],
        default="documents",
        help="with csv/jsonl: one row per document, or one per agenda item of the meeting documents",
    )
    e.add_argument("-o", "--output", help="write to this file (atomically, mode from the umask) instead of stdout")
    e.add_argument(
        "--status",
        action="append",
        choices=list(STORED_STATUSES),
        help="only rows with this status (repeatable; default: all)",
    )
    e.set_defaults(handler=_guard("export", _export))

    st = sub.add_parser("stats", formatter_class=HelpFormatter, help="counts and figures of an archive")
    st.add_argument("db", metavar="DB", help="the SQLite archive")
    st.add_argument("--json", action="store_true", help="print the figures as JSON")
    st.set_defaults(handler=_guard("stats", _stats))


def _fail(command: str, message: str) -> None:
    # One line whatever the message quotes: file names may hold newlines and terminal escapes.
    print(printable(f"ratsdoc {command}: {message}"), file=sys.stderr)


def _guard(command: str, handler: Handler) -> Handler:
    """Turn every error into one line on stderr and a usage exit code (never a traceback)."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except KeyboardInterrupt:
            raise
        except BrokenPipeError:
            return 0
        except (StoreError, RatsdocError) as exc:
            _fail(command, str(exc))
        except sqlite3.Error as exc:
            _fail(command, f"database error: {exc}")
        except OSError as exc:
            _fail(command, f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        except Exception as exc:
            _fail(command, f"internal error ({type(exc).__name__}: {exc})")
        return ExitCode.USAGE

    return run


def _progress(args: argparse.Namespace) -> ProgressSink:
    mode = args.progress
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "log"
    if mode == "bar":
        return RichProgress()
    if mode == "log":
        return LogProgress(interval=args.log_interval)
    return NullProgress()


def _ingest_options(args: argparse.Namespace) -> IngestOptions:
    """The run's options from the ``ingest`` arguments (unset parse options keep defaults)."""
    values: dict[str, Any] = {}
    for key in ("engine", "profile", "ocr"):
        if getattr(args, key) is not None:
            values[key] = getattr(args, key)
    limits = ArchiveLimits(max_total_bytes=args.max_archive_mb * 1024 * 1024, max_ratio=args.max_ratio)
    return IngestOptions(
        parse=ParseOptions(**values),
        workers=args.workers,
        timeout=args.timeout,
        max_memory_mb=args.max_memory_mb,
        reparse=args.reparse,
        retry_failed=args.retry_failed,
        archive_limits=limits,
        all_files=args.all_files,
        parse_function=args.parse_function,
        scheduler=args.scheduler,
        ship_bytes=not args.ship_paths,
    )


def _ingest(args: argparse.Namespace) -> int:
    if bool(args.paths) == bool(args.oparl):
        _fail("ingest", "give PATHs or --oparl URL (one of them)")
        return ExitCode.USAGE
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        _fail("ingest", f"{missing[0]}: no such file or directory")
        return ExitCode.USAGE
    if args.scheduler:
        try:
            import distributed  # noqa: F401
        except ImportError:
            _fail("ingest", "--scheduler needs the Dask extra: pip install 'ratsdoc[dask]'")
            return ExitCode.USAGE
    options = _ingest_options(args)
    check_profile(options.parse)  # an unknown profile is a usage error, not a failure of every file
    if args.oparl:
        try:
            from ..ingest.oparl_run import ingest_oparl
        except ImportError:
            _fail("ingest", "--oparl needs httpx: pip install 'ratsdoc[oparl]'")
            return ExitCode.USAGE
        try:
            crawled = ingest_oparl(args.oparl, args.db, options, http_settings(args), progress=_progress(args))
        except DownloadError as exc:  # the endpoint itself: a bad URL (2) or unreachable (1)
            _fail("ingest", str(exc))
            return exc.exit_code
        summary, extra = crawled.summary, {"oparl": crawled.report.as_dict()}
    else:
        summary, extra = ingest(args.paths, args.db, options, progress=_progress(args)), {}
    for name, message in summary.notices:
        if message != "not a PDF (ignored)":
            print(printable(f"ratsdoc ingest: {name}: {message}"), file=sys.stderr)
    if args.json:
        print(json.dumps({**summary.as_dict(), "stats": summary.stats.as_dict(), **extra}, ensure_ascii=False))
    else:
        from rich.console import Console

        console = Console(width=None if sys.stdout.isatty() else 120)
        counts = {k: v for k, v in summary.counts.items() if v}
        render_stats(summary.stats, console, run_counts=counts, heading=f"run {summary.run_id}")
        rate = summary.as_dict()
        console.print(
            f"{summary.parsed} parsed in {summary.seconds:.1f} s "
            f"({rate['files_per_s'] or 0:.2f} files/s, "
            f"{rate['pages_per_s'] or 0:.2f} pages/s)"
        )
    if extra and not args.json:
        print_report(extra["oparl"])
    if summary.still_failed:
        inputs = "input" if summary.still_failed == 1 else "inputs"
        _fail(
            "ingest",
            f"{summary.still_failed} {inputs} failed in an earlier run and were not parsed again; "
            "retry with --retry-failed (with --timeout SECONDS or --ocr never if they ran out of time); "
            "ratsdoc export --status failed lists them",
        )
    if summary.interrupted:
        _fail("ingest", "interrupted; results so far are saved, run again to resume")
    return crawled.exit_code if args.oparl else summary.exit_code


def _open(path: str) -> Store:
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such database")
    return Store(path, create=False)


def _search(args: argparse.Namespace) -> int:
    if args.query and args.query_option is not None:
        _fail("search", "give the query once: as QUERY or with --query")
        return ExitCode.USAGE
    query = " ".join(args.query) if args.query else args.query_option
    if not query or not query.strip():
        _fail("search", "no query: give QUERY (after '--' when it starts with '-') or --query=QUERY")
        return ExitCode.USAGE
    store = _open(args.db)
    try:
        hits = store.search(query, limit=args.limit, raw=args.raw, filters=search_filters(args))
    except sqlite3.OperationalError as exc:
        _fail("search", f"invalid query {query!r}: {exc}")
        return ExitCode.USAGE
    finally:
        store.close()
    if args.json:
        for hit in hits:
            print(json.dumps(hit, ensure_ascii=False))
    else:
        print_hits(hits)
    if not hits and not args.json:
        print("no match", file=sys.stderr)
    return 0


@contextmanager
def _output(path: str | None, newline: str | None = None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with write_atomically(Path(path), newline=newline) as handle:
        yield handle


def _export(args: argparse.Namespace) -> int:
    store = _open(args.db)
    statuses = tuple(args.status) if args.status else None
    try:
        if args.format == "oparl" and args.table != "documents":
            _fail("export", "--table agenda_items needs --format csv or jsonl")
            return ExitCode.USAGE
        if args.format == "oparl":
            name = args.body_name or Path(args.db).stem
            documents = archive_documents(store.iter_rows(statuses))
            with _output(args.output) as handle:
                for item in oparl_tree(documents, IdScheme(args.base_url), body_name=name):
                    handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        elif args.format == "csv":
            columns = AGENDA_COLUMNS if args.table == "agenda_items" else CSV_COLUMNS
            with _output(args.output, newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                for values in _table(store, args.table, statuses):
                    writer.writerow([csv_cell(values[column]) for column in columns])
        elif args.table == "agenda_items":
            with _output(args.output) as handle:
                for values in _table(store, args.table, statuses):
                    handle.write(json.dumps(values, ensure_ascii=False) + "\n")
        else:
            with _output(args.output) as handle:
                for row in store.iter_rows(statuses):
                    error = None
                    if row["error_class"]:
                        error = {
                            "type": row["error_class"],
                            "message": row["error_message"],
                            "limit": row["error_limit"],
                        }
                    record = {
                        "sha256": row["sha256"],
                        "status": row["status"],
                        "paths": row["paths"],
                        "profile": row["profile"],
                        "ratsdoc_version": row["ratsdoc_version"],
                        "error": error,
                        "document": json.loads(row["document_json"]) if row["document_json"] else None,
                    }
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        store.close()
    return 0


def _table(store: Store, table: str, statuses: tuple[str, ...] | None) -> Iterator[dict[str, Any]]:
    """The rows of one export table, as dicts by column."""
    if table == "agenda_items":
        yield from agenda_rows(store.iter_rows(statuses))
    else:
        yield from (document_row(row) for row in store.iter_rows(statuses))


def _stats(args: argparse.Namespace) -> int:
    store = _open(args.db)
    try:
        stats = store.stats(top=10)
    finally:
        store.close()
    if args.json:
        print(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console

    render_stats(stats, Console(width=None if sys.stdout.isatty() else 120))
    return 0
