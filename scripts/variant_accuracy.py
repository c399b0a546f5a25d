"""Accuracy on generated layout variants, overall and per family, from one parse of each file.

Usage::

    python scripts/generate_variants.py /tmp/variants
    python scripts/variant_accuracy.py /tmp/variants [--misses N] [--jobs N]

prints what ``ratsdoc eval /tmp/variants`` prints (fields, templates, documents all right,
silent errors), then a table per family (the folders written by generate_variants.py) and, with ``--misses``,
up to N wrong fields per family. With ``--jobs`` the families are parsed in that many processes.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from ratsdoc.evaluation import Report, Score, evaluate, find_pairs, format_report


def _counts(s: Score) -> tuple[int, int, int, int, int]:
    return (s.total, s.exact, s.soft, s.silent, s.noise)


def _scores(scores: dict[str, Score]) -> dict[str, tuple[int, int, int, int, int]]:
    return {name: _counts(s) for name, s in scores.items()}


def evaluate_plain(pairs: list[tuple[Path, Path]]) -> dict[str, Any]:
    """``evaluate`` as plain data, to cross a process boundary (a Report holds lambdas)."""
    report = evaluate(pairs)
    return {
        "fields": _scores(report.fields),
        "templates": _scores(report.templates),
        "overall": _counts(report.overall),
        "boxes": _counts(report.checkbox_states),
        "documents": report.documents,
        "all_right": report.documents_all_right,
        "misses": report.misses,
        "silent": report.silent,
        "failures": report.failures,
    }


def merge(parts: Sequence[dict[str, Any]]) -> Report:
    """One Report from the plain results of several ``evaluate_plain`` calls."""
    report = Report()

    def add(score: Score, counts: tuple[int, int, int, int, int]) -> None:
        score.total += counts[0]
        score.exact += counts[1]
        score.soft += counts[2]
        score.silent += counts[3]
        score.noise += counts[4]

    for part in parts:
        for name, counts in part["fields"].items():
            add(report.fields[name], counts)
        for name, counts in part["templates"].items():
            add(report.templates[name], counts)
        add(report.overall, part["overall"])
        add(report.checkbox_states, part["boxes"])
        report.documents += part["documents"]
        report.documents_all_right += part["all_right"]
        report.misses += part["misses"]
        report.silent += part["silent"]
        report.failures += part["failures"]
    return report


def family_table(families: Sequence[str], parts: Sequence[dict[str, Any]]) -> list[str]:
    """Markdown rows per family from each family's plain evaluation result."""
    lines = [
        "| family | documents | fields | exact | soft | silent | documents all right | failed to parse |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for family, part in zip(families, parts, strict=True):
        score = Score(*part["overall"])
        lines.append(
            f"| {family} | {part['documents']} | {score.total} | {score.exact_rate:.1%} | {score.soft_rate:.1%} "
            f"| {score.silent_rate:.1%} "
            f"| {part['all_right']}/{part['documents']} | {len(part['failures'])} |"
        )
    return lines


def short(value: Any, limit: int = 160) -> str:
    """``repr`` of a value, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: evaluate the variants folder and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list up to N wrong fields per family")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="processes (1)")
    args = parser.parse_args(argv)
    pairs = find_pairs(args.folder)
    groups: dict[Path, list[tuple[Path, Path]]] = defaultdict(list)
    for pair in pairs:
        groups[pair[0].parent].append(pair)
    # One evaluation per family folder: the family's scores come straight from its own report.
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            parts = pool.map(evaluate_plain, list(groups.values()), chunksize=1)
    else:
        parts = [evaluate_plain(group) for group in groups.values()]
    report = merge(parts)
    print(format_report(report))
    print()
    families = [
        folder.relative_to(args.folder).as_posix() if folder != args.folder else folder.name for folder in groups
    ]
    print("\n".join(family_table(families, parts)), flush=True)
    for name, reason in report.failures:
        print(f"failed: {name}: {reason}")
    if args.misses:
        shown: dict[str, int] = defaultdict(int)
        silent = set(report.silent)
        for name, field, got, want in report.misses:
            family = name.rsplit("-", 1)[0]
            if shown[family] < args.misses:
                shown[family] += 1
                mark = " [silent]" if (name, field) in silent else ""
                print(f"- {name} {field}{mark}: got {short(got)}, want {short(want)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
