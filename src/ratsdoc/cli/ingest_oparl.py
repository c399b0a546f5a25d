"""``ratsdoc ingest --oparl URL``: the options of the OParl crawl and the lines of its report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from ..names import printable
from ..oparl.http_settings import HttpSettings


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


#: (option, HttpSettings field, metavar, help) of the HTTP settings; each default is the field's.
_HTTP_OPTIONS = (
    ("--rate", "rate", "PER_S", "at most this many requests per second"),
    ("--http-timeout", "timeout", "SECONDS", "seconds to connect, and between two reads of an answer"),
    ("--retries", "retries", "N", "further attempts after a 429, a 5xx or a lost connection"),
    (
        "--backoff",
        "backoff",
        "SECONDS",
        "wait before the first retry, doubled for each further one (a Retry-After is honoured)",
    ),
    ("--max-redirects", "max_redirects", "N", "redirects followed per request"),
)


def add_oparl_arguments(parser: argparse.ArgumentParser, positive: Callable[[str], float]) -> None:
    """The ``--oparl`` option of ``ratsdoc ingest`` and the HTTP settings it uses (``positive``
    checks a value above 0)."""
    defaults = HttpSettings()
    group = parser.add_argument_group("OParl (ingest a council's OParl endpoint instead of PATHs)")
    group.add_argument(
        "--oparl",
        metavar="URL",
        help="walk the OParl System at URL (bodies, paper and meeting lists), download every PDF File into "
        "DB.files/ next to the archive and parse it; reruns fetch only what changed",
    )
    for option, name, metavar, text in _HTTP_OPTIONS:
        default = getattr(defaults, name)
        kind = _count if isinstance(default, int) else positive
        group.add_argument(option, dest=f"http_{name}", type=kind, default=default, metavar=metavar, help=text)
    group.add_argument(
        "--max-download-mb",
        type=positive,
        default=defaults.max_bytes // (1024 * 1024),
        metavar="MB",
        help="largest file downloaded (refused by Content-Length, stopped when the bytes pass it)",
    )


def http_settings(args: argparse.Namespace) -> HttpSettings:
    """The HTTP settings of the ``ingest`` arguments."""
    values = {name: getattr(args, f"http_{name}") for _option, name, _metavar, _text in _HTTP_OPTIONS}
    return HttpSettings(**values, max_bytes=int(args.max_download_mb * 1024 * 1024))


def print_report(report: dict[str, Any], *, shown: int = 20) -> None:
    """The crawl's figures and the disagreements between OParl and the PDFs, on stdout."""
    objects = report["objects"]
    print(
        f"OParl: {objects['paper']} papers, {objects['meeting']} meetings listed; "
        f"{report['downloaded']} files downloaded, {report['not_modified']} unchanged (304), "
        f"{report['failed_downloads']} failed; {report['requests']} requests"
    )
    for item in report["failed_lists"]:
        print(printable(f"  list not read to its end: {item['url']}: {item['reason']}"))
    found = report["disagreements"]
    if found:
        print(f"OParl and the PDF disagree on {len(found)} field(s):")
        for item in found[:shown]:
            print(printable(f"  {item['object']} {item['field']}: OParl {item['oparl']!r}, PDF {item['parsed']!r}"))
        if len(found) > shown:
            print(f"  ... and {len(found) - shown} more (table oparl_mismatches)")
    sys.stdout.flush()
