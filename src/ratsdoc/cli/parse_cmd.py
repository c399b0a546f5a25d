"""``ratsdoc parse``, ``ratsdoc schema`` and ``ratsdoc profiles``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..api import parse
from ..errors import ProfileError, RatsdocError
from ..failures import error_info
from ..models import Drucksache
from ..names import printable
from ..options import DEFAULT_CLI_MEMORY_MB, DEFAULT_MAX_SECONDS, OCR_SECONDS_PER_PAGE, ParseOptions
from ..profile import available_profiles
from ..schema import document_schema
from ..status import ExitCode
from ..trace import trace
from .output import write_atomically
from .parse_output import STDIN_NAME, Parsed, output_path, render
from .usage import HelpFormatter, base_url, check_profile, non_negative_int

_DEFAULTS = ParseOptions()


def add_parse_options(p: argparse.ArgumentParser) -> None:
    """The options of a parse (engine, profile, OCR, limits), shared by parse and inspect."""
    p.add_argument(
        "--engine", choices=["pdfplumber", "pdfium"], default=_DEFAULTS.engine, help="PDF engine that reads the text"
    )
    p.add_argument("--profile", help="force a layout profile (name or TOML file); default: detected")
    p.add_argument(
        "--profiles-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of extra TOML profiles that join detection (repeatable)",
    )
    p.add_argument("--password", help="user password of encrypted PDFs")
    p.add_argument(
        "--ocr",
        choices=["auto", "always", "never"],
        default=_DEFAULTS.ocr,
        help="OCR pages without a usable text layer (auto), every page, or none (needs tesseract)",
    )
    p.add_argument("--max-pages", type=int, default=_DEFAULTS.max_pages, help="refuse PDFs with more pages")
    p.add_argument(
        "--timeout",
        "--max-seconds",
        dest="max_seconds",
        type=float,
        default=DEFAULT_MAX_SECONDS,
        metavar="SECONDS",
        help=f"per-file time limit, plus {OCR_SECONDS_PER_PAGE:g} s for every page that needs OCR",
    )
    p.add_argument(
        "--max-file-size", type=int, default=_DEFAULTS.max_file_size, metavar="BYTES", help="refuse larger files"
    )
    p.add_argument(
        "--max-memory-mb",
        type=non_negative_int,
        default=DEFAULT_CLI_MEMORY_MB,
        metavar="MB",
        help="per-file limit on how much this process may grow while parsing (0: none)",
    )


def register(sub: Any) -> None:
    """Add the parse/schema/profiles subcommands to ``sub``."""
    p = sub.add_parser(
        "parse",
        help="parse PDFs and print JSON (one file) or JSON Lines",
        description="Parse PDFs into JSON (one file) or JSON Lines (several); '-' reads a PDF from stdin.",
        formatter_class=HelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF files, or - for standard input")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", help="write to this file instead of stdout (atomically)")
    where.add_argument(
        "-O", "--output-dir", metavar="DIR", help="write one file per input into DIR (name.json, name.oparl.json, ...)"
    )
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--format",
        choices=["json", "oparl"],
        default="json",
        help="ratsdoc's JSON, or an OParl 1.1 Paper (Meeting for a meeting document)",
    )
    what.add_argument(
        "--to", choices=["text", "markdown"], help="print the text the parse read instead of JSON (no furniture)"
    )
    p.add_argument(
        "--base-url",
        type=base_url,
        metavar="URL",
        help="with --format oparl: ids are URLs under this (default: urn:ratsdoc:... from the SHA-256)",
    )
    p.add_argument(
        "--debug",
        action="store_true",
        help="print profile scores, the rule behind each field and the lines read to stderr",
    )
    add_parse_options(p)
    p.set_defaults(handler=_parse)
    s = sub.add_parser("schema", help="print the JSON Schema of the output", formatter_class=HelpFormatter)
    s.set_defaults(handler=_schema)
    pr = sub.add_parser(
        "profiles", help="list the layout profiles (bundled and the user's)", formatter_class=HelpFormatter
    )
    pr.add_argument(
        "--profiles-dir", action="append", default=[], metavar="DIR", help="folder of extra TOML profiles (repeatable)"
    )
    pr.set_defaults(handler=_profiles)


def parse_options(args: argparse.Namespace) -> ParseOptions:
    """The ParseOptions of the parse arguments (:func:`add_parse_options`)."""
    values: dict[str, Any] = {"ocr": args.ocr, "profile_dirs": tuple(args.profiles_dir)}
    for key in ("engine", "profile", "password", "max_pages", "max_seconds", "max_file_size"):
        value = getattr(args, key)
        if value is not None:
            values[key] = value
    # 0 lifts the limit: a parse that grows past the default is a big scan on a big machine.
    values["max_memory_mb"] = args.max_memory_mb or None
    return ParseOptions(**values)


def usable_options(args: argparse.Namespace) -> ParseOptions | int:
    """The parse options, or the usage exit code after a one-line error."""
    try:
        options = parse_options(args)
    except ValueError as exc:
        errors = exc.errors() if hasattr(exc, "errors") else [{"msg": str(exc)}]
        named = ".".join(str(part) for part in errors[0].get("loc", ()))
        print(printable(f"ratsdoc: invalid option {named or 'value'}: {errors[0]['msg']}"), file=sys.stderr)
        return ExitCode.USAGE
    try:
        check_profile(options)
    except ProfileError as exc:
        print(f"ratsdoc: {exc}", file=sys.stderr)
        return exc.exit_code
    return options


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with write_atomically(Path(output)) as handle:
        handle.write(text)


def read_stdin(limit: int) -> bytes:
    """The PDF on standard input (one byte past ``limit`` at most: the size check reports it)."""
    return sys.stdin.buffer.read(limit + 1)


def _parse_one(file: str, options: ParseOptions, traced: bool) -> Parsed:
    data = read_stdin(options.max_file_size) if file == "-" else None
    source: str | bytes = data if data is not None else file
    name = STDIN_NAME if file == "-" else file
    if traced:
        reading = trace(source, options)
        return Parsed(name, data, reading.document, reading)
    document: Drucksache = parse(source, options)
    return Parsed(name, data, document)


def _parse(args: argparse.Namespace) -> int:
    options = usable_options(args)
    if isinstance(options, int):
        return options
    if args.files.count("-") > 1:
        print("ratsdoc: standard input (-) can be read only once", file=sys.stderr)
        return ExitCode.USAGE
    folder = Path(args.output_dir) if args.output_dir else None
    if folder is not None and not folder.is_dir():
        print(printable(f"ratsdoc: {folder}: not a folder"), file=sys.stderr)
        return ExitCode.USAGE
    fmt = args.to or args.format
    parsed: list[Parsed] = []
    code = ExitCode.OK
    for file in args.files:
        try:
            item = _parse_one(file, options, traced=bool(args.debug or args.to))
        except Exception as exc:  # one line per bad file (a defect too), and the batch goes on
            name = STDIN_NAME if file == "-" else file
            print(f"ratsdoc: {printable(error_info(exc, name).message)}", file=sys.stderr)
            code = max(code, exc.exit_code if isinstance(exc, RatsdocError) else ExitCode.FAILED)
            continue
        if args.debug and item.trace is not None:
            from rich.console import Console

            from .debug_view import print_debug

            print_debug(item.trace, item.name, Console(stderr=True, width=None if sys.stderr.isatty() else 120))
        parsed.append(item)
    single = len(args.files) == 1 or folder is not None or fmt in ("text", "markdown")
    indent = 2 if args.pretty and single else None
    try:
        if folder is not None:
            used: set[str] = set()
            for item in parsed:
                target = output_path(folder, item, fmt, used)
                with write_atomically(target) as handle:
                    handle.write(render(item, fmt, indent=indent, base_url=args.base_url))
        else:
            text = "".join(render(item, fmt, indent=indent, base_url=args.base_url) for item in parsed)
            if text:
                _write(text, args.output)
    except OSError as exc:
        where = args.output or args.output_dir
        print(printable(f"ratsdoc: {where}: cannot write output ({exc.strerror})"), file=sys.stderr)
        return ExitCode.USAGE
    return code


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(document_schema(), ensure_ascii=False, indent=2))
    return 0


def _profiles(args: argparse.Namespace) -> int:
    try:
        profiles = available_profiles(tuple(args.profiles_dir))
    except ProfileError as exc:
        print(f"ratsdoc: {exc}", file=sys.stderr)
        return exc.exit_code
    for name, profile in profiles.items():
        print(f"{name}\t{profile.description}")
    return 0
