"""``ratsdoc parse --debug``: the trace as rich tables that stay readable at 80 columns."""

from __future__ import annotations

import dataclasses
import io

from rich.console import Console

from ratsdoc.cli.debug_view import print_debug
from ratsdoc.models import MEETING_FIELDS
from ratsdoc.trace import Trace, trace

from .conftest import FIXTURES

SAMPLE = FIXTURES / "erfurt-0112-23-glyphs.pdf"


def _shown(reading: Trace, width: int = 80) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    print_debug(reading, "paper.pdf", console)
    return console.export_text().splitlines()


def test_at_80_columns_nothing_is_cut_in_two() -> None:
    lines = _shown(trace(SAMPLE))
    text = "\n".join(lines)
    assert all(len(line) <= 80 for line in lines)
    assert "paper.pdf (paper)" in lines[0]
    assert "erfurt" in text and "4.3" in text  # the chosen profile's score
    for field in ("number", "resolution_proposal", "justification"):  # names on one line, whole
        assert any(line.split()[:1] == [field] for line in lines), field
    # values and rules wrap between words, not inside one (80 columns gave "Entscheidungsvorlag / e")
    for word in ("Entscheidungsvorlage", "originator_patterns", "justification_subheadings", "p1 (382,45)"):
        assert word in text, word
    assert not any(line.split()[:1] == [field] for line in lines for field in MEETING_FIELDS)  # a paper
    assert "lines read" in text and "Beratungsfolge Datum Behandlung" in text


def test_values_are_data_not_markup() -> None:
    reading = trace(SAMPLE)
    document = reading.document.model_copy(update={"title": "[red]Radweg[/red] und [bold]"})
    text = "\n".join(_shown(dataclasses.replace(reading, document=document), width=120))
    assert "[red]Radweg[/red] und [bold]" in text


def test_a_meeting_lists_its_meeting_fields() -> None:
    lines = _shown(trace(FIXTURES / "meeting-weimar-2024-einladung.pdf"))
    assert "(meeting)" in lines[0]
    assert any(line.split()[:1] == ["agenda_items"] for line in lines)
    assert all(len(line) <= 80 for line in lines)
