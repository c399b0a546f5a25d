"""Word error rate of the OCR stage on the scanned fixtures, against their born-digital sources.

Usage::

    python scripts/ocr_wer.py [--heldout DIR] [--show-errors]

Each scan of ``scripts/build_scans.py`` is read the way ``ratsdoc parse`` reads it (``--ocr
auto``); its words, page by page and in reading order, are aligned with the words of the
source fixture read from its text layer (list bullets count as a word "•", checkboxes are not
words). WER = (substitutions + insertions + deletions) / reference words. ``--heldout DIR``
measures the held-out scans built by ``build_scans.py --heldout DIR`` instead.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _build_scans() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_scans", ROOT / "scripts" / "build_scans.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def page_words(path: Path, ocr: str) -> dict[int, list[str]]:
    """Words per page of ``path`` as the pipeline's layout stage reads them."""
    from ratsdoc.budget import document_guard
    from ratsdoc.input import load_input
    from ratsdoc.options import ParseOptions
    from ratsdoc.pipeline import read_layout

    options = ParseOptions(ocr=ocr)  # type: ignore[arg-type]
    with document_guard(options, str(path)) as budget:
        layout, _ = read_layout(load_input(str(path), max_file_size=options.max_file_size), options, budget)
    words: dict[int, list[str]] = {}
    for line in layout.lines:
        words.setdefault(line.page, []).extend("•" if t.bullet else t.text for t in line.tokens if t.box is None)
    return words


def alignment(ref: list[str], hyp: list[str]) -> tuple[int, list[tuple[str, str]]]:
    """Word edit distance of ``hyp`` from ``ref`` and the differing pairs ("" for a gap)."""
    n, m = len(ref), len(hyp)
    rows = [list(range(m + 1))]
    for i in range(1, n + 1):
        row = [i] + [0] * m
        for j in range(1, m + 1):
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]))
        rows.append(row)
    i, j, pairs = n, m, []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and rows[i][j] == rows[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            if ref[i - 1] != hyp[j - 1]:
                pairs.append((ref[i - 1], hyp[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and rows[i][j] == rows[i - 1][j] + 1:
            pairs.append((ref[i - 1], ""))
            i -= 1
        else:
            pairs.append(("", hyp[j - 1]))
            j -= 1
    return rows[n][m], pairs[::-1]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the WER per scan and overall as a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--heldout", type=Path, metavar="DIR", help="measure the held-out scans in DIR (build_scans.py --heldout DIR)"
    )
    parser.add_argument("--show-errors", action="store_true", help="list every differing word")
    args = parser.parse_args(argv)
    scans = _build_scans()
    table = scans.HELDOUT_TABLE if args.heldout else scans.SCANS_TABLE
    folder = args.heldout or scans.SCANS
    print("| scan | pages | words | errors | WER | seconds |\n|---|---:|---:|---:|---:|---:|")
    total_words = total_errors = 0
    for scan in table:
        path = folder / f"{scan.name}.pdf"
        if not path.exists():
            print(f"| {scan.name} | missing: build it first | | | | |")
            continue
        reference = page_words(ROOT / "fixtures" / f"{scan.source}.pdf", "never")
        started = time.perf_counter()
        read = page_words(path, "auto")
        seconds = time.perf_counter() - started
        words = errors = 0
        for page, ref in sorted(reference.items()):
            distance, pairs = alignment(ref, read.get(page, []))
            words += len(ref)
            errors += distance
            if args.show_errors:
                for want, got in pairs:
                    print(f"  {scan.name} p{page}: {want!r} -> {got!r}", file=sys.stderr)
        total_words += words
        total_errors += errors
        print(f"| {scan.name} | {len(reference)} | {words} | {errors} | {errors / max(words, 1):.1%} | {seconds:.1f} |")
    print(f"| **all** | | {total_words} | {total_errors} | **{total_errors / max(total_words, 1):.1%}** | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
