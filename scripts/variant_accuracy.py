"""Accuracy on generated layout variants, overall and per family, from one parse of each file.

Usage::

    python scripts/generate_variants.py /tmp/variants
    python scripts/variant_accuracy.py /tmp/variants [--misses N] [--jobs N] [--timeout S] [--layout-cache DIR]

prints what ``ratsdoc eval /tmp/variants`` prints (fields, templates, documents all right,
silent errors, and for meeting documents each part of the session and of the agenda items, whole
agenda items by position and documents whose agenda is right item for item), then a table per
family (the folders written by generate_variants.py) and, with ``--misses``,
up to N wrong fields per family. With ``--jobs`` the families are parsed in that many processes.

``--layout-cache DIR`` keeps each PDF's layout (its lines as read, OCR included) in DIR under the
file's SHA-256 and reads it from there on later runs, so that a scanned family (``letter-scan``:
seconds of OCR a page) is read once and then re-evaluated in seconds while the extractors
change. A cached layout is used only by the code that wrote it: the key joins the file's SHA-256
with a digest of the sources that may change a layout (every module but the field and meeting
readers and the tools after them: ``layout_sources``; ``regions.py`` and ``furniture.py`` too, which
mark running heads and order columns), so a change there reads every file afresh instead of
serving layouts of older code.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import pickle
from collections import defaultdict
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import ratsdoc.pipeline as pipeline
from ratsdoc.evaluation import Report, Score, evaluate, find_pairs, format_report
from ratsdoc.evaluation_meeting import Tally
from ratsdoc.options import ParseOptions


def _counts(s: Score) -> tuple[int, int, int, int, int]:
    return (s.total, s.exact, s.soft, s.silent, s.noise)


def _scores(scores: dict[str, Score]) -> dict[str, tuple[int, int, int, int, int]]:
    return {name: _counts(s) for name, s in scores.items()}


#: What runs after the layout is read (the field readers, meeting readers, profiles and the tools
#: around them): a change there keeps the cached layouts. Everything else under the package may
#: change a layout (the pipeline's layout stage, ``regions.py`` and ``furniture.py``, ``layout/``,
#: ``ocr/``, ``text/`` and their data files), and a module added later counts as such until it is
#: listed here: a needless re-read is cheap, a stale layout is a wrong figure.
AFTER_LAYOUT = (
    "extract/",
    "meeting/",
    "profiles/",
    "cli/",
    "ingest/",
    "oparl/",
    "profile.py",
    "evaluation",
    "inspector",
)


def layout_sources() -> list[Path]:
    """The sources whose change may change a layout: every ``.py`` and ``.toml`` file of the
    package but those of :data:`AFTER_LAYOUT`, in a fixed order."""
    package = Path(pipeline.__file__).parent
    return sorted(
        path
        for path in package.rglob("*")
        if path.suffix in (".py", ".toml")
        and "__pycache__" not in path.parts
        and not path.relative_to(package).as_posix().startswith(AFTER_LAYOUT)
    )


def layout_code_digest() -> str:
    """A digest of :func:`layout_sources`, their paths and contents."""
    package = Path(pipeline.__file__).parent
    digest = hashlib.sha256()
    for source in layout_sources():
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def use_layout_cache(folder: Path | None) -> None:
    """Read layouts through a cache in ``folder`` (see the module's docstring); None: no cache."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    read = pipeline.read_layout
    code = layout_code_digest()

    @functools.wraps(read)
    def cached(pdf: Any, options: ParseOptions, budget: Any) -> Any:
        path = folder / f"{pdf.sha256}-{code}.pickle"
        if path.exists():
            return pickle.loads(path.read_bytes())  # written by this script, in a folder it was given
        result = read(pdf, options, budget)
        path.write_bytes(pickle.dumps(result))
        return result

    pipeline.read_layout = cached


def evaluate_plain(pairs: list[tuple[Path, Path]], timeout: float | None = None) -> dict[str, Any]:
    """``evaluate`` as plain data, to cross a process boundary (a Report holds lambdas)."""
    report = evaluate(pairs, ParseOptions(max_seconds=timeout) if timeout else None)
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
        "meeting": {
            "parts": {name: (tally.total, tally.right) for name, tally in report.meeting.parts.items()},
            "documents": report.meeting.documents,
            "agendas_right": report.meeting.agendas_right,
        },
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
        meeting = part["meeting"]
        for name, (total, right) in meeting["parts"].items():
            report.meeting.parts[name].merge(Tally(total, right))
        report.meeting.documents += meeting["documents"]
        report.meeting.agendas_right += meeting["agendas_right"]
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
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="per-document time limit before OCR pages")
    parser.add_argument("--layout-cache", type=Path, metavar="DIR", help="keep and reuse each PDF's layout in DIR")
    args = parser.parse_args(argv)
    use_layout_cache(args.layout_cache)
    run = functools.partial(evaluate_plain, timeout=args.timeout)
    pairs = find_pairs(args.folder)
    groups: dict[Path, list[tuple[Path, Path]]] = defaultdict(list)
    for pair in pairs:
        groups[pair[0].parent].append(pair)
    # One evaluation per family folder: the family's scores come straight from its own report.
    if args.jobs > 1:
        with Pool(args.jobs, initializer=use_layout_cache, initargs=(args.layout_cache,)) as pool:
            parts = pool.map(run, list(groups.values()), chunksize=1)
    else:
        parts = [run(group) for group in groups.values()]
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
