"""``ratsdoc parse --debug``: a parse's trace on stderr as rich tables (the library gives data)."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..models import MEETING_FIELDS
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


#: Fields the fields table leaves out: about the file (shown elsewhere or not at all), the
#: kind (in the heading) and the running text (the lines table shows it line by line).
_NOT_LISTED = ("provenance", "warnings", "source", "profile", "page_count", "kind", "text")


def _field_table(trace: Trace) -> Table:
    """One row per field: its value in short, the rule that filled it and where it was read.

    Names never wrap; value and rule share the rest of the width and wrap between words, the
    place under the rule, so that at 80 columns a word is rarely cut in two. A paper's empty
    meeting fields are left out.
    """
    table = Table(title="fields", title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("field", no_wrap=True)
    table.add_column("value", ratio=1, overflow="fold")
    table.add_column("rule, where", ratio=1, overflow="fold")
    rules = {s.field: ", ".join(s.rules) for s in trace.sources}
    values = trace.document.model_dump(mode="json")
    for field, value in values.items():
        if field in _NOT_LISTED or (values["kind"] == "paper" and field in MEETING_FIELDS and not value):
            continue
        where = _where(trace, field)
        rule = escape(rules.get(field, "-")) + (f"\n[dim]{where}[/]" if where != "-" else "")
        table.add_row(field, escape(_value(value)), rule)
    return table


def print_debug(trace: Trace, name: str, console: Console) -> None:
    """Print profile scores, the rule behind each field, the warnings and the lines read."""
    console.rule(f"[bold]{escape(name)}[/] ({trace.document.kind})")
    scores = Table(title="profile detection", title_justify="left")
    for column in ("profile", "score", "needed", "of", "chosen"):
        scores.add_column(column, no_wrap=True)
    for s in trace.profile_scores:
        scores.add_row(s.name, f"{s.score:g}", f"{s.min_score:g}", f"{s.total:g}", "yes" if s.chosen else "")
    console.print(scores)
    console.print(_field_table(trace))
    for issue in trace.issues:
        page = f" (page {issue.page})" if issue.page else ""
        console.print(f"[yellow]warning[/] {issue.code}{page}: {escape(issue.message)}", highlight=False)
    lines = Table(title="lines read", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    lines.add_column("page", no_wrap=True)
    lines.add_column("top", no_wrap=True)
    lines.add_column("text")
    for line in trace.lines:
        text = f"[dim]{escape(line.text)} (furniture)[/]" if line.furniture else escape(line.text)
        lines.add_row(str(line.page), f"{line.bbox.top:.0f}", text)
    console.print(lines)
