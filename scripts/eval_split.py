"""Evaluate the parser against the real-paper goldens, on the dev half, the test half or both.

Usage (repo root, real corpus at ``../shared/corpus/real``)::

    PYTHONPATH=src python scripts/eval_split.py --half dev|test|all [--misses]
        [--corpus ../shared/corpus/real] [--golden eval/real] [--split eval/real/split.toml]
        [--max-seconds 300]

``eval/real/split.toml`` assigns every source (top-level corpus folder) to ``dev`` or ``test``.
Prints one row per source (documents, documents with every field right, field comparisons, exact
and soft rates, silent errors: wrong fields no warning names), a total per half, then the field and
template tables of ``ratsdoc.evaluation`` for everything evaluated. ``--misses`` lists every field
that was not exactly right, the silent ones marked.
Exits 0 with a message when the corpus folder is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from ratsdoc.evaluation import Report, Score, evaluate, find_pairs, format_report
from ratsdoc.options import ParseOptions

ROOT = Path(__file__).resolve().parent.parent
HALVES = ("dev", "test")


def load_split(path: Path) -> dict[str, str]:
    """{source: half} from split.toml; a source listed twice or a half other than dev/test is an error."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - set(HALVES)
    if unknown:
        raise ValueError(f"{path}: unknown halves {sorted(unknown)} (only {HALVES})")
    split: dict[str, str] = {}
    for half in HALVES:
        for source in data.get(half, []):
            if source in split:
                raise ValueError(f"{path}: source {source!r} listed more than once")
            split[source] = half
    return split


def _add(into: Score, score: Score) -> None:
    into.total += score.total
    into.exact += score.exact
    into.soft += score.soft
    into.silent += score.silent
    into.noise += score.noise


def merge(reports: Iterable[Report]) -> Report:
    """One report summing several."""
    merged = Report()
    for report in reports:
        for name, score in report.fields.items():
            _add(merged.fields[name], score)
        for name, score in report.templates.items():
            _add(merged.templates[name], score)
        _add(merged.overall, report.overall)
        _add(merged.checkbox_states, report.checkbox_states)
        merged.documents += report.documents
        merged.documents_all_right += report.documents_all_right
        merged.misses.extend(report.misses)
        merged.silent.extend(report.silent)
        merged.failures.extend(report.failures)
        merged.meeting.merge(report.meeting)
    return merged


def _row(label: str, half: str, report: Report) -> str:
    o = report.overall
    rates = f"{o.exact_rate:.1%} | {o.soft_rate:.1%} | {o.silent_rate:.1%}" if o.total else "– | – | –"
    return f"| {label} | {half} | {report.documents} | {report.documents_all_right} | {o.total} | {rates} |"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation on the chosen half and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=[*HALVES, "all"], default="all")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--golden", type=Path, default=ROOT / "eval" / "real")
    parser.add_argument("--split", type=Path, default=None, help="default: GOLDEN/split.toml")
    parser.add_argument("--misses", action="store_true", help="list every field that was not exactly right")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=None,
        help="per-document parse limit (default: ParseOptions' own); raise it on a busy machine",
    )
    args = parser.parse_args(argv)

    if not args.corpus.is_dir():
        print(f"corpus folder {args.corpus} not found; nothing to evaluate")
        return 0
    split = load_split(args.split or args.golden / "split.toml")
    unassigned = sorted(p.name for p in args.golden.iterdir() if p.is_dir() and p.name not in split)
    if unassigned:
        print(f"golden folders missing from the split: {', '.join(unassigned)}", file=sys.stderr)
        return 2

    options = ParseOptions(max_seconds=args.max_seconds) if args.max_seconds else None
    halves = HALVES if args.half == "all" else (args.half,)
    lines = [
        "| source | half | documents | all right | fields | exact | soft | silent |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    per_half: dict[str, list[Report]] = {half: [] for half in halves}
    for half in halves:
        for source in sorted(s for s, h in split.items() if h == half):
            pairs = (
                find_pairs(args.corpus / source, golden=args.golden / source) if (args.corpus / source).is_dir() else []
            )
            report = evaluate(pairs, options)
            per_half[half].append(report)
            lines.append(_row(source, half, report))
    totals = {half: merge(reports) for half, reports in per_half.items()}
    for half, report in totals.items():
        lines.append(_row(f"**total {half}**", half, report))
    everything = merge(totals.values())
    if len(halves) > 1:
        lines.append(_row("**total all**", "all", everything))
    print("\n".join(lines))
    print()
    print(format_report(everything))
    for name, message in everything.failures:
        print(f"failed: {name}: {message}")
    if args.misses:
        print()
        silent = set(everything.silent)
        for name, field, got, want in everything.misses:
            mark = " [silent]" if (name, field) in silent else ""
            print(f"- {name} / {field}{mark}: got {got!r}, want {want!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
