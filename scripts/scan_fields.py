"""Title, type and date on scanned papers: how many papers have all three right, and how many of
the wrong values a warning naming the field (``value_uncertain``, ``field_missing``) points at.

Usage::

    PYTHONPATH=src python scripts/scan_fields.py FOLDER [--layout-cache DIR] [--list] [--fields F,F]

FOLDER holds PDFs with their golden JSON beside them (searched recursively, e.g. a folder
written by ``generate_variants.py --families letter-scan,bv-scan``). ``--layout-cache`` reads the
layouts through the cache of ``variant_accuracy.py`` (OCR once, then seconds a run). ``--fields``
counts the wrong values of more fields ("title,document_type,date,body,originator"), per field;
papers all right still count title, type and date only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import ratsdoc
from ratsdoc.options import ParseOptions

sys.path.insert(0, str(Path(__file__).resolve().parent))
import variant_accuracy

#: The fields every scanned paper must give right to count.
FIELDS = ("title", "document_type", "date")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: count and print."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--layout-cache", type=Path, default=None, metavar="DIR")
    parser.add_argument("--list", action="store_true", help="list every wrong value")
    parser.add_argument("--fields", default=",".join(FIELDS), help="fields whose wrong values are counted")
    args = parser.parse_args(argv)
    counted = tuple(name for name in args.fields.split(",") if name)
    variant_accuracy.use_layout_cache(args.layout_cache)
    pdfs = sorted(p for p in args.folder.rglob("*.pdf") if p.with_suffix(".json").exists())
    right = wrong = named = 0
    per_field: dict[str, list[int]] = {name: [0, 0] for name in counted}
    for result in ratsdoc.parse_many(pdfs, ParseOptions(max_seconds=3600)):
        golden = json.loads(Path(result.file).with_suffix(".json").read_text(encoding="utf-8"))
        got = result.document.model_dump(mode="json") if result.document is not None else {}
        right += all(got.get(name) == golden[name] for name in FIELDS)
        for name in (name for name in counted if name in golden and got.get(name) != golden[name]):
            warned = any(issue.field == name for issue in result.issues)
            wrong, named = wrong + 1, named + warned
            per_field[name][0] += 1
            per_field[name][1] += warned
            if args.list:
                print(f"- {Path(result.file).name} {name}: {got.get(name)!r} (want {golden[name]!r}), warned: {warned}")
    print(f"papers with title, type and date right: {right}/{len(pdfs)}")
    print(f"wrong values: {wrong}, named by a warning on the field: {named}")
    print("; ".join(f"{name} {count[1]} of {count[0]}" for name, count in per_field.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
