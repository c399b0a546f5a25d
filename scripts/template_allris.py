"""The ALLRIS print of a Vorlage: "Vorlage - 24/0815", "Betreff:", "Vorlage-Art:",
"Federführend:", the Beratungsfolge as stacked lines, sections in a given order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fixture_fonts as ff
from fixture_fonts import wrap
from fixture_page import Rule, Text
from template_flow import LEFT, RIGHT, Blocks, Flow, Meta, blocks, render


@dataclass(frozen=True)
class Allris:
    number: str
    title: str
    status: str
    kind: str
    lead: str  # Federführend
    author: str  # Verfasser
    date: str
    consultations: tuple[tuple[str, str, str], ...]  # date, Gremium, Rolle
    resolution: tuple[tuple[str, str], ...] | str | None
    sachverhalt: Blocks
    finances: str
    attachments: tuple[str, ...] = ()
    city: str = "Hansestadt Lüneburg"
    body_size: float = 10.5
    body_lead: float = 14.0
    # Sections after the Beratungsfolge, in print order.
    order: tuple[str, ...] = ("resolution", "sachverhalt", "finances", "attachments")


def allris(paper: Allris, producer: str, out: Path) -> bool:
    flow = Flow(body=paper.body_size, lead=paper.body_lead)
    flow.y = 800
    flow.line(paper.city, x=RIGHT, size=9, align="right", lead=20)
    flow.line(f"Vorlage - {paper.number}", font=ff.BOLD, size=15, lead=12)
    flow.ops.append(Rule(LEFT, flow.y, RIGHT, flow.y, 1.0))
    flow.space(18)
    label_x, value_x, label2_x, value2_x = LEFT, 140.0, 320.0, 395.0
    flow.ops.append(Text(label_x, flow.y, "Betreff:", ff.BOLD, 10))
    for line in wrap(paper.title, RIGHT - value_x, ff.BOLD, 11):
        flow.line(line, x=value_x, font=ff.BOLD, size=11, lead=14)
    flow.space(6)
    for left, right in (
        (("Status:", paper.status), ("Vorlage-Art:", paper.kind)),
        (("Federführend:", paper.lead), ("Datum:", paper.date)),
        (("Verfasser:", paper.author), None),
    ):
        flow.ops.append(Text(label_x, flow.y, left[0], ff.BOLD, 10))
        flow.ops.append(Text(value_x, flow.y, left[1], ff.REG, 10))
        if right:
            flow.ops.append(Text(label2_x, flow.y, right[0], ff.BOLD, 10))
            flow.ops.append(Text(value2_x, flow.y, right[1], ff.REG, 10))
        flow.space(15)
    flow.ops.append(Rule(LEFT, flow.y + 5, RIGHT, flow.y + 5, 0.5))
    flow.space(14)
    flow.line("Beratungsfolge:", font=ff.BOLD, size=10, lead=16)
    for date, body, role in paper.consultations:
        flow.ensure(45)
        flow.line(date, x=value_x, size=10, lead=13)
        flow.line(body, x=value_x, size=10, lead=13)
        flow.line(role, x=value_x, size=10, lead=13)
        flow.space(6)
    flow.ops.append(Rule(LEFT, flow.y + 5, RIGHT, flow.y + 5, 0.5))
    flow.space(12)
    for section in paper.order:
        if section == "resolution" and paper.resolution is not None:
            flow.heading("Beschlussvorschlag:", size=11, before=2)
            if isinstance(paper.resolution, str):
                flow.para(paper.resolution)
            else:
                flow.items(paper.resolution)
            flow.space(4)
        elif section == "sachverhalt":
            flow.heading("Sachverhalt:", size=11, before=2)
            blocks(flow, paper.sachverhalt)
        elif section == "finances" and paper.finances:
            flow.heading("Finanzielle Auswirkungen:", size=11)
            flow.para(paper.finances)
        elif section == "attachments" and paper.attachments:
            flow.heading("Anlage/n:", size=11)
            for entry in paper.attachments:
                flow.line(entry)
    pages = flow.finish(header=f"Vorlage - {paper.number}", footer_left=f"{paper.city} - Vorlage {paper.number}")
    return render(producer, flow, pages, Meta(f"Vorlage - {paper.number}", paper.city, paper.title), out)
