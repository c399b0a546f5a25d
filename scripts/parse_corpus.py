"""Parse every PDF under a folder and report status counts, failures and pages/s.

Usage: python scripts/parse_corpus.py [FOLDER] [--engine pdfplumber|pdfium]
(FOLDER defaults to ../shared/corpus/real beside the repository; skipped with a message if absent).
Exit code 1 when any file raised an uncaught (non-ratsdoc) exception.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import ratsdoc

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Parse the corpus and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "real"))
    parser.add_argument("--engine", choices=["pdfplumber", "pdfium"], default=None)
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"corpus folder {folder} not found; nothing to do")
        return 0
    files = sorted(folder.rglob("*.pdf"))
    options = ratsdoc.ParseOptions(**({"engine": args.engine} if args.engine else {}))
    started = time.perf_counter()
    statuses: Counter[str] = Counter()
    types: Counter[str] = Counter()
    pages = 0
    internal = 0
    for result in ratsdoc.parse_many(files, options):
        statuses[result.status] += 1
        if result.document is not None:
            pages += result.document.page_count
            types[result.document.document_type or "-"] += 1
            types_profile = result.document.profile.name if result.document.profile else "-"
            statuses[f"profile:{types_profile}"] += 1
        elif result.error is not None:
            is_internal = not hasattr(ratsdoc, result.error.type)
            internal += is_internal
            print(f"{'INTERNAL ' if is_internal else ''}{result.error.message}")
    seconds = time.perf_counter() - started
    print(f"{len(files)} files, {pages} pages in {seconds:.1f} s ({pages / seconds:.1f} pages/s)")
    print("status:", dict(sorted(statuses.items())))
    print("document types:", dict(types.most_common()))
    print(f"uncaught exceptions: {internal}")
    return 1 if internal else 0


if __name__ == "__main__":
    sys.exit(main())
