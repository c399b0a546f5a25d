"""Field-level evaluation against golden JSON, GROBID-style: exact and soft match per field and
per template, the share of documents whose every field is right, and the silent errors: fields
that are wrong while no warning of the paper names them (docs/evaluation.md)."""

from __future__ import annotations

import difflib
import fnmatch
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import RatsdocError
from .evaluation_meeting import MeetingScores, format_meeting, score_meeting
from .failures import error_info
from .issues import Issue, warns_about
from .models import CONTENT_FIELDS
from .options import ParseOptions
from .pipeline import read_paper

#: Soft match: strings this similar (difflib ratio, after case/space folding) count as right.
SOFT_RATIO = 0.9
#: Above this many characters soft matching compares words, not characters.
LONG_TEXT = 20_000


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
    if a == b:
        return True
    if max(len(a), len(b)) > LONG_TEXT:
        # Character matching grows with the product of the lengths: the speeches of a long verbatim
        # record (100,000 characters) took minutes. Words are compared instead, after the quick
        # upper bound has had its say.
        matcher = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
        return matcher.quick_ratio() >= SOFT_RATIO and matcher.ratio() >= SOFT_RATIO
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SOFT_RATIO


@dataclass(slots=True)
class Score:
    """Counts of exact and soft hits over ``total`` comparisons, and of ``silent`` errors (not
    exactly right, and no warning of the paper names the field)."""

    total: int = 0
    exact: int = 0
    soft: int = 0
    silent: int = 0
    #: Right fields that a warning names (not counting document-wide ones): warnings that were
    #: not needed, the noise beside the silent errors.
    noise: int = 0

    def add(self, exact: bool, soft: bool, warned: bool = True, named: bool = False) -> None:
        """Count one comparison; a wrong value without a warning (``warned`` false) is silent,
        a right one that a warning names (``named``) is noise."""
        self.total += 1
        self.exact += exact
        self.soft += soft or exact
        self.silent += not exact and not warned
        self.noise += exact and named

    @property
    def exact_rate(self) -> float:
        """Share of exact hits (1.0 when nothing was compared)."""
        return self.exact / self.total if self.total else 1.0

    @property
    def soft_rate(self) -> float:
        """Share of soft hits."""
        return self.soft / self.total if self.total else 1.0

    @property
    def silent_rate(self) -> float:
        """Share of silent errors (0.0 when nothing was compared)."""
        return self.silent / self.total if self.total else 0.0


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
    #: (document, field) of each miss that no warning names: the silent ones among ``misses``.
    silent: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: Parts of the meeting fields and whole agenda items of the goldens of kind "meeting".
    meeting: MeetingScores = field(default_factory=MeetingScores)


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
    on_document: Callable[[Path], None] | None = None,
) -> Report:
    """Parse each PDF and compare the ``fields`` its golden names with the output;
    ``on_document`` is told of each PDF when it is done (progress).

    A wrong field is silent unless a warning of its paper names it or puts the whole paper in
    doubt (:func:`~ratsdoc.issues.warns_about`); a paper that failed to parse reported its
    failure, so its fields are never silent. An internal error (a defect in ratsdoc) is such a
    failure too: the run goes on with the next paper.
    """
    report = Report()
    for pdf, golden_path in pairs:
        golden = json.loads(golden_path.read_text(encoding="utf-8"))
        report.documents += 1
        issues: list[Issue] | None = None  # None: the failure itself is the warning
        try:
            document, issues = read_paper(pdf, options or ParseOptions())
            got = document.model_dump(mode="json")
        except RatsdocError as exc:
            report.failures.append((pdf.name, str(exc)))
            got = {}
        except Exception as exc:  # a defect in ratsdoc is a failed paper, not the end of the run
            report.failures.append((pdf.name, error_info(exc, pdf.name).message))
            got = {}
        template = (got.get("profile") or {}).get("name", "failed")
        all_right = bool(got)
        for name in fields:
            if name not in golden:
                continue
            exact = got.get(name) == golden[name]
            soft = exact or soft_equal(got.get(name), golden[name])
            warned = issues is None or warns_about(issues, name)
            named = issues is not None and any(issue.field == name for issue in issues)
            report.fields[name].add(exact, soft, warned, named)
            report.templates[template].add(exact, soft, warned, named)
            report.overall.add(exact, soft, warned, named)
            if not exact:
                all_right = False
                report.misses.append((pdf.name, name, got.get(name), golden[name]))
                if not warned:
                    report.silent.append((pdf.name, name))
        if "checkboxes" in golden:
            read = _box_states(got.get("checkboxes"))
            for key, state in _box_states(golden["checkboxes"]).items():
                right = key in read and read[key] == state
                report.checkbox_states.add(right, right)
        score_meeting(report.meeting, got, golden)
        report.documents_all_right += all_right
        if on_document is not None:
            on_document(pdf)
    return report


def _rates(score: Score) -> str:
    """The exact, soft and silent cells of a table row."""
    return f"{score.exact_rate:.1%} | {score.soft_rate:.1%} | {score.silent_rate:.1%}"


def format_report(report: Report) -> str:
    """The report as Markdown tables."""
    lines = ["| field | n | exact | soft | silent |", "|---|---:|---:|---:|---:|"]
    for name, score in report.fields.items():
        lines.append(f"| {name} | {score.total} | {_rates(score)} |")
    o = report.overall
    lines.append(f"| **all fields** | {o.total} | {_rates(o)} |")
    lines += ["", "| template | fields | exact | soft | silent |", "|---|---:|---:|---:|---:|"]
    for name, score in sorted(report.templates.items()):
        lines.append(f"| {name} | {score.total} | {_rates(score)} |")
    share = report.documents_all_right / report.documents if report.documents else 1.0
    noise = o.noise / o.exact if o.exact else 0.0  # the warnings that were not needed
    lines += [
        "",
        f"documents with every field right: {report.documents_all_right}/{report.documents} ({share:.1%})",
        f"silent errors (wrong, no warning names the field): {o.silent}/{o.total} fields ({o.silent_rate:.1%})",
        f"warned right fields (right, a warning names the field): {o.noise}/{o.exact} ({noise:.1%})",
    ]
    if "agenda_items" in report.fields:
        # An agenda is one field: the doubts about a list are told apart from its errors here.
        agenda = report.fields["agenda_items"]
        lines.append(
            f"agendas (agenda_items): wrong {agenda.total - agenda.exact} (silent {agenda.silent}), "
            f"right {agenda.exact} (warned right {agenda.noise})"
        )
    boxes = report.checkbox_states
    if boxes.total:
        lines.append(f"checkbox states right: {boxes.exact}/{boxes.total} ({boxes.exact_rate:.1%})")
    if report.failures:
        lines.append(f"documents that failed to parse: {len(report.failures)}")
    lines += format_meeting(report.meeting)
    return "\n".join(lines)
