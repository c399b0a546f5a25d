"""Field-level evaluation against golden JSON, GROBID-style: exact and soft match per field and
per template, and the share of documents whose every field is right."""

from __future__ import annotations

import difflib
import fnmatch
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import parse
from .errors import RatsdocError
from .models import CONTENT_FIELDS
from .options import ParseOptions

#: Soft match: strings this similar (difflib ratio, after case/space folding) count as right.
SOFT_RATIO = 0.9


def _fold(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return " ".join(text.casefold().split())


def soft_equal(got: Any, want: Any) -> bool:
    """Equal after folding case and spaces, or at least :data:`SOFT_RATIO` similar."""
    if got == want:
        return True
    if got is None or want is None:
        return False
    a, b = _fold(got), _fold(want)
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SOFT_RATIO


@dataclass(slots=True)
class Score:
    """Counts of exact and soft hits over ``total`` comparisons."""

    total: int = 0
    exact: int = 0
    soft: int = 0

    def add(self, exact: bool, soft: bool) -> None:
        """Count one comparison."""
        self.total += 1
        self.exact += exact
        self.soft += soft or exact

    @property
    def exact_rate(self) -> float:
        """Share of exact hits (1.0 when nothing was compared)."""
        return self.exact / self.total if self.total else 1.0

    @property
    def soft_rate(self) -> float:
        """Share of soft hits."""
        return self.soft / self.total if self.total else 1.0


@dataclass(slots=True)
class Report:
    """Scores by field, by template and overall; documents all right; misses and failures."""

    fields: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    templates: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    overall: Score = field(default_factory=Score)
    documents: int = 0
    documents_all_right: int = 0
    #: Every box of the goldens' checkbox groups: right when the output has the same state for
    #: the same option of the same group (the n-th group and option of that label).
    checkbox_states: Score = field(default_factory=Score)
    misses: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def find_pairs(folder: Path, golden: Path | None = None, exclude: Sequence[str] = ()) -> list[tuple[Path, Path]]:
    """(pdf, golden json) pairs: goldens beside each PDF, or under ``golden`` with the same
    relative path and stem; PDFs whose relative path matches a glob in ``exclude`` are skipped."""
    pairs = []
    for pdf in sorted(folder.rglob("*.pdf")):
        if any(fnmatch.fnmatch(pdf.relative_to(folder).as_posix(), glob) for glob in exclude):
            continue
        relative = pdf.relative_to(folder).with_suffix(".json")
        candidate = (golden / relative) if golden else pdf.with_suffix(".json")
        if golden and not candidate.exists():
            candidate = golden / relative.name
        if candidate.exists():
            pairs.append((pdf, candidate))
    return pairs


def _box_states(groups: Any) -> dict[tuple[str, int, str, int], bool | None]:
    """{(group label, its occurrence, option label, its occurrence): checked} of a checkbox list."""
    states: dict[tuple[str, int, str, int], bool | None] = {}
    seen: dict[str, int] = defaultdict(int)
    for group in groups if isinstance(groups, list) else []:
        label = str(group.get("label"))
        seen[label] += 1
        options: dict[str, int] = defaultdict(int)
        for option in group.get("options") or []:
            name = str(option.get("label"))
            options[name] += 1
            states[(label, seen[label], name, options[name])] = option.get("checked")
    return states


def evaluate(
    pairs: Iterable[tuple[Path, Path]],
    options: ParseOptions | None = None,
    fields: tuple[str, ...] = (*CONTENT_FIELDS, "page_count"),
) -> Report:
    """Parse each PDF and compare the ``fields`` its golden names with the output."""
    report = Report()
    for pdf, golden_path in pairs:
        golden = json.loads(golden_path.read_text(encoding="utf-8"))
        report.documents += 1
        try:
            got = parse(pdf, options).model_dump(mode="json")
        except RatsdocError as exc:
            report.failures.append((pdf.name, str(exc)))
            got = {}
        template = (got.get("profile") or {}).get("name", "failed")
        all_right = bool(got)
        for name in fields:
            if name not in golden:
                continue
            exact = got.get(name) == golden[name]
            soft = exact or soft_equal(got.get(name), golden[name])
            report.fields[name].add(exact, soft)
            report.templates[template].add(exact, soft)
            report.overall.add(exact, soft)
            if not exact:
                all_right = False
                report.misses.append((pdf.name, name, got.get(name), golden[name]))
        if "checkboxes" in golden:
            read = _box_states(got.get("checkboxes"))
            for key, state in _box_states(golden["checkboxes"]).items():
                right = key in read and read[key] == state
                report.checkbox_states.add(right, right)
        report.documents_all_right += all_right
    return report


def format_report(report: Report) -> str:
    """The report as Markdown tables."""
    lines = ["| field | n | exact | soft |", "|---|---:|---:|---:|"]
    for name, score in report.fields.items():
        lines.append(f"| {name} | {score.total} | {score.exact_rate:.1%} | {score.soft_rate:.1%} |")
    o = report.overall
    lines.append(f"| **all fields** | {o.total} | {o.exact_rate:.1%} | {o.soft_rate:.1%} |")
    lines += ["", "| template | fields | exact | soft |", "|---|---:|---:|---:|"]
    for name, score in sorted(report.templates.items()):
        lines.append(f"| {name} | {score.total} | {score.exact_rate:.1%} | {score.soft_rate:.1%} |")
    share = report.documents_all_right / report.documents if report.documents else 1.0
    lines += ["", f"documents with every field right: {report.documents_all_right}/{report.documents} ({share:.1%})"]
    boxes = report.checkbox_states
    if boxes.total:
        lines.append(f"checkbox states right: {boxes.exact}/{boxes.total} ({boxes.exact_rate:.1%})")
    if report.failures:
        lines.append(f"documents that failed to parse: {len(report.failures)}")
    return "\n".join(lines)
