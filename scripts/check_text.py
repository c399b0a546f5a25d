"""Check that every document of an archive has its full text, or a warning that says why not.

    python scripts/check_text.py --db /tmp/real.sqlite ../shared/corpus/real   # ingest, then check
    python scripts/check_text.py --db archive.sqlite                          # check an archive

With paths, they are ingested first (``ratsdoc ingest``; a rerun parses only what is new).
A document counts as explained when its ``text`` is empty but one of its warnings is about the
text (the pipeline's NO_TEXT / TEXT_EMPTY / no-text-layer warnings all name it), or when its
parse failed or was refused (the error says why). Exit 1 when a document is unexplained.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ratsdoc.ingest import IngestOptions, Store, ingest


def classify(row: dict[str, Any]) -> str:
    """``text``, ``explained`` (empty, with a warning about the text), ``failed`` or ``unexplained``."""
    if row["status"] in ("failed", "skipped"):
        return "failed" if row.get("error_message") else "unexplained"
    document = json.loads(row["document_json"]) if row.get("document_json") else {}
    if (document.get("text") or "").strip():
        return "text"
    if any("text" in warning.lower() for warning in document.get("warnings") or []):
        return "explained"
    return "unexplained"


def check(db: Path) -> tuple[Counter[str], list[str]]:
    """Counts per class over the archive, and the paths of the unexplained documents."""
    counts: Counter[str] = Counter()
    unexplained: list[str] = []
    store = Store(db, create=False)
    try:
        for row in store.iter_rows():
            kind = classify(row)
            counts[kind] += 1
            if kind == "unexplained":
                unexplained.append((row["paths"] or [row["sha256"]])[0])
    finally:
        store.close()
    return counts, unexplained


def main(argv: list[str] | None = None) -> int:
    """Ingest the paths given (if any), check the archive and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="folders or files to ingest first")
    parser.add_argument("--db", type=Path, required=True, help="the archive")
    parser.add_argument("-j", "--workers", type=int, default=None, help="ingest workers (default: CPU count)")
    parser.add_argument("--timeout", type=float, default=120.0, help="per-file time limit of the ingest (seconds)")
    parser.add_argument("--retry-failed", action="store_true", help="parse inputs stored as failed again")
    args = parser.parse_args(argv)
    if args.paths:
        options = IngestOptions(workers=args.workers, timeout=args.timeout, retry_failed=args.retry_failed)
        ingest(args.paths, args.db, options)
    counts, unexplained = check(args.db)
    total = sum(counts.values())
    print(
        f"{total} documents: {counts['text']} with text, {counts['explained']} without text and a warning "
        f"saying why, {counts['failed']} failed or refused (error given), {counts['unexplained']} unexplained"
    )
    for path in unexplained:
        print(f"  no text and no reason: {path}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
