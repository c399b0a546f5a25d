"""``ratsdoc inspect``: a page picture with the box of every extracted field drawn on it."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from ..errors import RatsdocError
from ..failures import error_info
from ..inspector import DEFAULT_DPI, inspect_page
from ..inspector_html import inspect_html
from ..names import printable
from ..status import ExitCode
from .parse_cmd import add_parse_options, read_stdin, usable_options
from .parse_output import STDIN_NAME
from .usage import HelpFormatter, positive_int


def _dpi(text: str) -> int:
    value = int(text)
    if not 20 <= value <= 600:
        raise argparse.ArgumentTypeError(f"between 20 and 600, got {value}")
    return value


def register(sub: Any) -> None:
    """Add the inspect subcommand to ``sub``."""
    p = sub.add_parser(
        "inspect",
        help="draw every extracted field's box on a page picture (PNG) or all pages beside the JSON (HTML)",
        description="Render one page and draw the box of every field and part of it with its name: "
        "consultation rows, resolution items, checkbox options (green ticked, red empty, orange "
        "unknown), finance cells, sections. Running headers and footers are shaded, body lines "
        "numbered in reading order, warnings marked in red. With -o OUT.html: one standalone HTML "
        "file with every page (or only --page) and the JSON beside it; pointing at a field or a box "
        "highlights both. '-' reads the PDF from stdin.",
        formatter_class=HelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="the PDF, or - for standard input")
    p.add_argument(
        "--page", type=positive_int, default=None, help="the page to draw (1-based; PNG: 1 unless given, HTML: all)"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT.png|OUT.html", help="the picture (.png) or page (.html) to write"
    )
    p.add_argument("--dpi", type=_dpi, default=DEFAULT_DPI, help="resolution of the picture")
    add_parse_options(p)
    p.set_defaults(handler=_inspect)


def _inspect(args: argparse.Namespace) -> int:
    options = usable_options(args)
    if isinstance(options, int):
        return options
    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".html", ".htm"):
        print(
            printable(f"ratsdoc: {target}: write a PNG picture or an HTML page (name it .png or .html)"),
            file=sys.stderr,
        )
        return ExitCode.USAGE
    if not target.parent.is_dir():
        print(printable(f"ratsdoc: {target.parent}: not a folder"), file=sys.stderr)
        return ExitCode.USAGE
    name = STDIN_NAME if args.file == "-" else args.file
    try:
        source = read_stdin(options.max_file_size) if args.file == "-" else args.file
        if suffix == ".png":
            image, _ = inspect_page(source, options, page=args.page or 1, dpi=args.dpi)
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            data = buffer.getvalue()
        else:
            pages = None if args.page is None else [args.page]
            data = inspect_html(source, options, pages=pages, dpi=args.dpi)[0].encode("utf-8")
    except Exception as exc:  # one line for a bad file (a defect too)
        print(f"ratsdoc: {printable(error_info(exc, name).message)}", file=sys.stderr)
        return exc.exit_code if isinstance(exc, RatsdocError) else ExitCode.FAILED
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        print(printable(f"ratsdoc: {target}: cannot write output ({exc.strerror})"), file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.OK
