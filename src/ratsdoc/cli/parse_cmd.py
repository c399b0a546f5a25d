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
from ..options import DEFAULT_MAX_SECONDS, OCR_SECONDS_PER_PAGE, ParseOptions
from ..profile import available_profiles
from ..status import ExitCode
from .output import write_atomically
from .usage import check_profile


def register(sub: Any) -> None:
    """Add the parse/schema/profiles subcommands to ``sub``."""
    p = sub.add_parser("parse", help="parse PDFs and print JSON (one file) or JSON Lines")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", help="write to this file instead of stdout (atomically)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--engine", choices=["pdfplumber", "pdfium"], default=None)
    p.add_argument("--profile", help="force a layout profile (name or TOML file)")
    p.add_argument(
        "--profiles-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of extra TOML profiles that join detection (repeatable)",
    )
    p.add_argument("--password", help="user password of encrypted PDFs")
    p.add_argument("--ocr", choices=["auto", "always", "never"], default="auto")
    p.add_argument("--max-pages", type=int, default=None)
    p.add_argument(
        "--timeout",
        "--max-seconds",
        dest="max_seconds",
        type=float,
        default=None,
        metavar="SECONDS",
        help=f"per-file time limit, plus {OCR_SECONDS_PER_PAGE:g} s for every page that needs OCR "
        f"(default {DEFAULT_MAX_SECONDS:g})",
    )
    p.add_argument("--max-file-size", type=int, default=None, metavar="BYTES")
    p.set_defaults(handler=_parse)
    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.set_defaults(handler=_schema)
    pr = sub.add_parser("profiles", help="list the layout profiles (bundled and the user's)")
    pr.add_argument("--profiles-dir", action="append", default=[], metavar="DIR")
    pr.set_defaults(handler=_profiles)


def _options(args: argparse.Namespace) -> ParseOptions:
    values: dict[str, Any] = {"ocr": args.ocr, "profile_dirs": tuple(args.profiles_dir)}
    for key in ("engine", "profile", "password", "max_pages", "max_seconds", "max_file_size"):
        value = getattr(args, key)
        if value is not None:
            values[key] = value
    return ParseOptions(**values)


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with write_atomically(Path(output)) as handle:
        handle.write(text)


def _parse(args: argparse.Namespace) -> int:
    try:
        options = _options(args)
    except ValueError as exc:
        print(f"ratsdoc: invalid option: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        check_profile(options)
    except ProfileError as exc:
        print(f"ratsdoc: {exc}", file=sys.stderr)
        return exc.exit_code
    documents: list[Drucksache] = []
    code = ExitCode.OK
    for file in args.files:
        try:
            documents.append(parse(file, options))
        except Exception as exc:  # one line per bad file (a defect too), and the batch goes on
            print(f"ratsdoc: {printable(error_info(exc, file).message)}", file=sys.stderr)
            code = max(code, exc.exit_code if isinstance(exc, RatsdocError) else ExitCode.FAILED)
    indent = 2 if args.pretty else None
    if len(args.files) == 1:
        text = (
            (json.dumps(documents[0].model_dump(mode="json"), ensure_ascii=False, indent=indent) + "\n")
            if documents
            else ""
        )
    else:
        text = "".join(json.dumps(d.model_dump(mode="json"), ensure_ascii=False) + "\n" for d in documents)
    if text:
        try:
            _write(text, args.output)
        except OSError as exc:
            print(printable(f"ratsdoc: {args.output}: cannot write output ({exc.strerror})"), file=sys.stderr)
            return ExitCode.USAGE
    return code


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(Drucksache.model_json_schema(), ensure_ascii=False, indent=2))
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
