"""Page furniture of business letters for the ``letter-foot`` families of ``generate_variants.py``.

Letters of municipal companies, offices and factions print on page 1 a block of company or office
data in a small font — below the text (two or three columns at the foot) or in a column beside it
— with "Postanschrift", "Tel./Fax", "Geschäftsführung", "Sitz der Gesellschaft ... HRB",
"Bankverbindung ... IBAN ... BIC", "USt.-ID", "Besucheranschrift", the bus lines that stop nearby,
web and mail addresses; follow-on pages open with a short head (the sender's name, "Seite 2" or
"- 2 -", sometimes the date and an office reference). Some letters end with an "Anlagen:" label at
the foot of a page whose list stands on the next page under that head.

None of it is the paper's: the golden's justification, attachments and originator come from the
letter's own content, never from these lines.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

#: Municipal companies and offices that write letters (``{city}`` filled in).
COMPANIES = (
    "Stadtwerke {city} GmbH",
    "Verkehrsbetriebe {city} GmbH",
    "Wohnungsbaugesellschaft {city} mbH",
    "Bäderbetriebe {city} GmbH",
    "Entsorgungsbetrieb der Stadt {city}",
)
OFFICES = ("Personal und Organisation", "Zentrale Dienste", "Finanzen und Beteiligungen", "Vorstandsbüro")
BANKS = ("Sparkasse {city}", "Volksbank {city} eG", "Commerzbank {city}")


@dataclass(frozen=True)
class Furniture:
    """What a business letter prints around its text, and where."""

    footer: tuple[tuple[str, ...], ...]  # page 1: columns of small lines (foot) or one column (side)
    side: bool  # the block stands in a column right of the text instead of at the foot
    footer_size: float
    head: tuple[str, ...]  # follow-on pages: the name line (with the date), the office reference
    page_number: str  # "Seite {n}" or "- {n} -"
    number_right: bool  # the page number at the head's right, else centred under it
    anlagen_at_foot: bool  # the "Anlagen:" label closes a page; its list opens the next one

    def foot_top(self) -> float:
        """The baseline of the foot block's first line."""
        return 36 + (max(len(c) for c in self.footer) - 1) * self.footer_size * 1.45

    def flow(self, paper: Any) -> template_flow.Flow:
        """The letter's flow: a narrower text beside a side column, room for the foot block on
        page 1 and for the head on the others."""
        flow = _FurnishedFlow(
            left=70,
            right=420 if self.side else 530,
            body=paper.body_size,
            lead=paper.body_lead,
            top=735,
        )
        flow.first_bottom = 72 if self.side else self.foot_top() + self.footer_size + 14
        return flow

    def before_attachments(self, flow: template_flow.Flow) -> None:
        """Move the "Anlagen:" label to the last line of the page when asked to."""
        if self.anlagen_at_foot:
            bottom = flow.first_bottom if len(flow.pages) == 1 else flow.bottom  # type: ignore[attr-defined]
            flow.y = bottom + flow.size + 1

    def finish(self, flow: template_flow.Flow) -> list[list[fp.Op]]:
        """Draw the foot block or side column on page 1 and the head on every later page."""
        pages = flow.finish(header=None, footer=None)
        size = self.footer_size
        lead = size * 1.45
        first = pages[0]
        if self.side:
            y = 560.0
            for line in self.footer[0]:
                for part in ff.wrap(line, 125, ff.REG, size) if line else []:
                    first.append(fp.Text(440, y, part, ff.REG, size))
                    y -= lead
                y -= 0 if line else lead * 0.8
        else:
            rule = self.foot_top() + size + 4
            first.append(fp.Rule(70, rule, 530, rule, 0.3))
            width = 460 / len(self.footer)
            needed = [max((ff.width(line, ff.REG, size) for line in lines), default=0.0) + 10 for lines in self.footer]
            if max(needed) <= width:
                starts = [70 + column * width for column in range(len(self.footer))]
            else:
                # A wide face: each column as wide as its longest line, all in a smaller size when
                # they would run past the margin, so that no column runs into the next.
                scale = min(1.0, 460 / sum(needed))
                size, lead = size * scale, lead * scale
                starts = [70 + sum(needed[:column]) * scale for column in range(len(self.footer))]
            for x, lines in zip(starts, self.footer, strict=True):
                y = self.foot_top()
                for line in lines:
                    first.append(fp.Text(x, y, line, ff.REG, size))
                    y -= lead
        for n, ops in enumerate(pages[1:], start=2):
            number = self.page_number.format(n=n)
            y = 790.0
            for k, line in enumerate(self.head):
                ops.append(fp.Text(70, y, line, ff.BOLD if k == 0 else ff.REG, 9 if k == 0 else 8))
                if k == 0 and self.number_right:
                    ops.append(fp.Text(flow.right, y, number, ff.REG, 9, "right"))
                y -= 12
            if not self.number_right:
                ops.append(fp.Text((flow.left + flow.right) / 2, y - 4, number, ff.REG, 9, "center"))
        return pages


class _FurnishedFlow(template_flow.Flow):
    """A flow whose first page ends higher (above the foot block) than the others."""

    first_bottom: float = 72.0

    def ensure(self, h: float) -> None:
        bottom = self.first_bottom if len(self.pages) == 1 else self.bottom
        if self.y - h < bottom:
            self.new_page()


def _phone(rng: random.Random) -> str:
    return f"0{rng.randint(200, 999)} {rng.randint(100, 999)}-{rng.randint(0, 9999):04d}"


def _iban(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(20))
    return "DE" + " ".join(digits[i : i + 4] for i in range(0, 20, 4))


def fields(rng: random.Random, name: str, city: str, postcode: str, company: bool) -> list[list[str]]:
    """Groups of footer lines (each group stays together in one column)."""
    slug = city.casefold().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
    street = vt.pick(rng, vt.STREETS)
    groups = [
        [f"Postanschrift: Postfach {rng.randint(1000, 9999)}", f"{postcode} {city}"],
        [f"Tel. {_phone(rng)}", f"Fax {_phone(rng)}"],
        [f"Bankverbindung: {vt.pick(rng, BANKS).format(city=city)}", f"IBAN {_iban(rng)}", "BIC/SWIFT BYLADEM1ERH"],
        [f"www.{slug}.de", f"info@{slug}.de"],
    ]
    if rng.random() < 0.5:
        groups.append(["Besucheranschrift:", f"{vt.at_street(street)} {rng.randint(1, 60)}"])
    if rng.random() < 0.4:
        groups.append([f"Sie erreichen uns mit den Linien {rng.randint(200, 299)}, {rng.randint(300, 399)}"])
    if company:
        groups += [
            [f"Geschäftsführung: {vt.person(rng)}", f"Vorsitzender des Aufsichtsrates: {vt.person(rng)}"],
            [f"Sitz der Gesellschaft: {city}", f"Amtsgericht {city} HRB {rng.randint(1000, 99999)}"],
            [f"USt.-ID DE{rng.randint(100000000, 999999999)}"],
        ]
    else:
        groups.append([f"Fraktionsgeschäftsführung: {vt.person(rng)}"])
    rng.shuffle(groups)
    return groups[: rng.randint(4, len(groups))]


def draw(rng: random.Random, name: str, city: str, postcode: str, dated: str, company: bool) -> Furniture:
    """A seeded set of page furniture for a letter of ``name`` dated ``dated``."""
    groups = fields(rng, name, city, postcode, company)
    side = rng.random() < 0.35
    if side:
        column: list[str] = [name]
        for group in groups:
            column += ["", *group]
        footer: tuple[tuple[str, ...], ...] = (tuple(column),)
    else:
        count = rng.choice((2, 3))
        columns: list[list[str]] = [[] for _ in range(count)]
        for k, group in enumerate(groups):
            columns[k % count] += group
        footer = tuple(tuple(c) for c in columns)
    head = [f"{name}   {dated}" if rng.random() < 0.5 else name]
    if rng.random() < 0.4:
        head.append(f"{vt.pick(rng, OFFICES)} ({''.join(rng.sample('ABCDEFGHK', 3))} {rng.randint(10, 99)}) PI/Sch")
    return Furniture(
        footer=footer,
        side=side,
        footer_size=rng.choice((6.5, 7.0, 7.5)),
        head=tuple(head),
        page_number=rng.choice(("Seite {n}", "- {n} -")),
        number_right=rng.random() < 0.6,
        anlagen_at_foot=rng.random() < 0.5,
    )
