"""``ratsdoc parse --debug``: a parse's trace on stderr as rich tables (the library gives data)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..trace import Trace


def _where(trace: Trace, name: str) -> str:
    source = next((s for s in trace.sources if s.field == name), None)
    if source is None:
        return "-"
    return ", ".join(f"p{p.page} ({p.bbox.x0:.0f},{p.bbox.top:.0f})" for p in source.provenance)


def _value(value: object) -> str:
    if isinstance(value, list):
        return f"{len(value)} item(s)"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_value(item)}" for key, item in value.items())
    text = "-" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def print_debug(trace: Trace, name: str, console: Console) -> None:
    """Print profile scores, the rule behind each field, the warnings and the lines read."""
    console.rule(f"[bold]{name}")
    scores = Table(title="profile detection", title_justify="left")
    for column in ("profile", "score", "needed", "of", "chosen"):
        scores.add_column(column)
    for s in trace.profile_scores:
        scores.add_row(s.name, f"{s.score:g}", f"{s.min_score:g}", f"{s.total:g}", "yes" if s.chosen else "")
    console.print(scores)
    fields = Table(title="fields", title_justify="left")
    for column in ("field", "value", "rule", "where"):
        fields.add_column(column, overflow="fold")
    rules = {s.field: ", ".join(s.rules) for s in trace.sources}
    values = trace.document.model_dump(mode="json")
    for field in values:
        if field in ("provenance", "warnings", "source", "profile", "page_count"):
            continue
        fields.add_row(field, _value(values[field]), rules.get(field, "-"), _where(trace, field))
    console.print(fields)
    for issue in trace.issues:
        page = f" (page {issue.page})" if issue.page else ""
        console.print(f"[yellow]warning[/] {issue.code}{page}: {escape(issue.message)}", highlight=False)
    lines = Table(title="lines read", title_justify="left")
    for column in ("page", "top", "text"):
        lines.add_column(column, overflow="fold")
    for line in trace.lines:
        text = f"[dim]{escape(line.text)} (furniture)[/]" if line.furniture else escape(line.text)
        lines.add_row(str(line.page), f"{line.bbox.top:.0f}", text)
    console.print(lines)
