"""How ``ratsdoc search`` prints a hit: a line with file, kind, type, date and title, then the
snippet with the match marked (bold on a terminal, ``**word**`` otherwise)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from ..ingest.store_search import SearchFilters
from ..names import printable
from ..text.snippet import Snippet


def iso_date(text: str) -> dt.date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _intermixed(parser: argparse.ArgumentParser) -> None:
    """Let ``parser`` take its optional QUERY after options (``search DB --kind meeting WORD``).

    Plain argparse gives an optional positional its (empty) value as soon as DB is read, so a
    later QUERY is "unrecognized" (bpo-15112); the intermixed parse reads positionals last. It
    calls ``parse_known_args`` itself, hence the guard.
    """
    plain = parser.parse_known_args
    inside: list[bool] = []

    def parse_known_args(args: Any = None, namespace: Any = None) -> tuple[argparse.Namespace, list[str]]:
        if inside:
            return plain(args, namespace)
        inside.append(True)
        try:
            return parser.parse_known_intermixed_args(args, namespace)
        finally:
            inside.clear()

    setattr(parser, "parse_known_args", parse_known_args)  # noqa: B010 - an instance override, on purpose


def add_search_arguments(parser: argparse.ArgumentParser) -> None:
    """The query and filter options of ``ratsdoc search``."""
    _intermixed(parser)
    parser.add_argument(
        "query",
        nargs="*",
        metavar="QUERY",
        help="words (each matched as a prefix, all required) or an FTS5 query; one starting with '-' goes "
        "after '--' or as --query=-WORD",
    )
    parser.add_argument("--query", dest="query_option", metavar="QUERY", help="the query (also one starting with '-')")
    parser.add_argument("--kind", choices=["paper", "meeting"], help="only papers or only meeting documents")
    parser.add_argument("--type", dest="document_type", metavar="TYPE", help="only this document type (any case)")
    parser.add_argument("--body", metavar="TEXT", help="only documents whose body contains TEXT (any case, ß/ss, ä/ae)")
    parser.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD", help="dated on or after")
    parser.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help="dated on or before")


def search_filters(args: argparse.Namespace) -> SearchFilters:
    """The filters given on the command line."""
    return SearchFilters(
        kind=args.kind, document_type=args.document_type, body=args.body, date_from=args.date_from, date_to=args.date_to
    )


def print_hits(hits: list[dict[str, Any]]) -> None:
    """Print the hits for a reader: rich styles on a terminal, plain ``**`` marks in a pipe."""
    terminal = sys.stdout.isatty()
    console = None
    if terminal:
        from rich.console import Console

        console = Console(highlight=False)
    for hit in hits:
        head = " | ".join(
            printable(str(value or "-"))
            for value in (hit["file"], hit["kind"], hit["document_type"], hit["date"], hit["title"])
        )
        snippet = Snippet(hit["snippet"] or "", tuple((start, end) for start, end in hit["marks"]))
        if console is None:
            print(head)
            if snippet.text:
                print("    " + printable(snippet.marked()))
            continue
        from rich.text import Text

        console.print(Text(head, style="bold"))  # Text, never markup: names may hold "[/bold]"
        if snippet.text:
            line = Text("    ")
            position = 0
            for start, end in snippet.marks:
                line.append(printable(snippet.text[position:start]))
                line.append(printable(snippet.text[start:end]), style="bold reverse")
                position = end
            line.append(printable(snippet.text[position:]))
            console.print(line)
