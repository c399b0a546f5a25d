"""The SessionNet print of a Vorlage: "Vorlage VO/2024/123", a header table, the Beratungsfolge
table "Datum | Gremium | Zuständigkeit", and a Sachverhalt with sub-headings and tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fixture_fonts as ff
from fixture_fonts import wrap
from template_flow import LEFT, RIGHT, Flow, Meta, blocks, render


# A Sachverhalt block of a SessionNet paper may also be a sub-heading or a table.
@dataclass(frozen=True)
class SubHeading:
    text: str


@dataclass(frozen=True)
class Table:
    widths: tuple[float, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SessionNet:
    number: str
    title: str
    kind: str
    date: str
    lead: str
    status: str
    consultations: tuple[tuple[str, str, str], ...]  # Datum, Gremium, Zuständigkeit
    resolution: tuple[tuple[str, str], ...] | str | None
    sachverhalt: tuple[str | tuple[str, ...] | SubHeading | Table, ...]
    attachments: tuple[str, ...] = ()
    heading: str = "Vorlage"  # or "Drucksache Nr."
    city: str = "Stadt Weimar"
    body_size: float = 10.5
    body_lead: float = 14.0
    hyphenation: tuple[str, ...] = ()
    table_size: float = 9.5
    table_lead: float = 12.0
    header_widths: tuple[float, float] = (300, 188)
    consultation_widths: tuple[float, float, float] = (80, 300, 108)


def sessionnet(paper: SessionNet, producer: str, out: Path) -> bool:
    flow = Flow(body=paper.body_size, lead=paper.body_lead)
    flow.y = 806
    flow.line(paper.city, x=RIGHT, font=ff.BOLD, size=10, align="right", lead=22)
    flow.line(f"{paper.heading} {paper.number}", font=ff.BOLD, size=16, lead=14)
    flow.table(
        paper.header_widths,
        [
            (f"Vorlagenart: {paper.kind}", f"Datum: {paper.date}"),
            (f"Federführend: {paper.lead}", f"Status: {paper.status}"),
        ],
        size=9.5,
    )
    flow.space(4)
    flow.line("Betreff:", size=9, lead=14)
    for line in wrap(paper.title, RIGHT - LEFT, ff.BOLD, 12):
        flow.line(line, font=ff.BOLD, size=12, lead=15)
    flow.space(6)
    flow.heading("Beratungsfolge", size=11, before=2)
    flow.table(
        paper.consultation_widths, [list(c) for c in paper.consultations], header=("Datum", "Gremium", "Zuständigkeit")
    )
    if paper.resolution is not None:
        flow.heading("Beschlussvorschlag", size=11)
        if isinstance(paper.resolution, str):
            flow.para(paper.resolution)
        else:
            flow.items(paper.resolution)
    flow.heading("Sachverhalt", size=11)
    for block in paper.sachverhalt:
        if isinstance(block, SubHeading):
            flow.heading(block.text, size=paper.body_size, before=4, after=2)
        elif isinstance(block, Table):
            flow.table(block.widths, block.rows, header=block.header, size=paper.table_size, lead=paper.table_lead)
        else:
            blocks(flow, (block,), paper.hyphenation)
    if paper.attachments:
        flow.heading("Anlagen", size=11)
        for entry in paper.attachments:
            flow.line(entry)
    pages = flow.finish(header=f"{paper.heading} {paper.number}")
    return render(producer, flow, pages, Meta(f"{paper.heading} {paper.number}", paper.city, paper.title), out)
