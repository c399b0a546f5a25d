"""Probe the agenda consistency checks (``meeting/agenda_check.py``): read the meeting documents
of DIR whose agenda comes out right, break each reading in the ways an agenda reader goes wrong
on a layout it does not know, and count how many broken readings the checks doubt (a warning
``agenda_doubtful``) and how many right readings they doubt (noise).

The breaks, each applied once per document where it fits (an item picked by a seeded generator):

- ``item lost``: an item in the middle of the list is not read (its line taken for text);
- ``text in title``: the first line of the item's minutes is read as the rest of its title;
- ``title cut``: a title's last line is read as the item's minutes;
- ``page foot in title``: a page foot ('Seite 2 von 3') is read into a title;
- ``paper read apart``: the item's paper cell is read as a line of its own under the title;
- ``part lost``: the part (public or not) of one item is not read;
- ``heading missed``: the minutes' heading of a listed item is not read, its text runs into the
  item before.

The breaks are drawn after the failures seen on development sets; the figures say which kinds of
failure the checks catch, not how often readers fail.

Usage (repo root)::

    PYTHONPATH=src python scripts/agenda_probe.py DIR [DIR ...] [--seed 1]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ratsdoc.meeting.agenda_check as check
import ratsdoc.meeting.extract as meeting_extract
from ratsdoc.evaluation import find_pairs
from ratsdoc.layout.lines import Line, Token
from ratsdoc.meeting.agenda_item import Item
from ratsdoc.meeting.rules import MeetingRules
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper

Break = Callable[[list[Item], random.Random], list[Item] | None]


def _line(text: str, like: Line) -> Line:
    """A line of ``text`` at the place of ``like``."""
    tokens, x = [], like.x0
    for word in text.split():
        tokens.append(Token(word, x, like.top, x + 6 * len(word), like.bottom, 10.0))
        x += 6 * len(word) + 3
    return Line(like.page, tokens)


def _pick(items: list[Item], rng: random.Random, fits: Callable[[Item], bool]) -> int | None:
    chosen = [k for k, item in enumerate(items) if fits(item)]
    return rng.choice(chosen) if chosen else None


def item_lost(items: list[Item], rng: random.Random) -> list[Item] | None:
    if len(items) < 3:
        return None
    k = rng.randrange(1, len(items) - 1)
    return items[:k] + items[k + 1 :]


def text_in_title(items: list[Item], rng: random.Random) -> list[Item] | None:
    k = _pick(items, rng, lambda item: bool(item.body) and bool(item.body[0].text.strip()))
    if k is None:
        return None
    item = items[k]
    item.title_parts.append(item.body[0].text)
    item.lines.append(item.body.pop(0))
    return items


def title_cut(items: list[Item], rng: random.Random) -> list[Item] | None:
    k = _pick(items, rng, lambda item: len(item.title_parts) > 1 and len(item.lines) > 1)
    if k is None:
        return None
    item = items[k]
    item.title_parts.pop()
    item.body.insert(0, item.lines.pop())
    return items


def page_foot(items: list[Item], rng: random.Random) -> list[Item] | None:
    k = _pick(items, rng, lambda item: bool(item.lines))
    if k is None:
        return None
    items[k].title_parts.append(f"Seite {items[k].lines[-1].page + 1} von {items[k].lines[-1].page + 2}")
    return items


def paper_apart(items: list[Item], rng: random.Random) -> list[Item] | None:
    k = _pick(items, rng, lambda item: bool(item.paper_numbers) and bool(item.lines))
    if k is None:
        return None
    item = items[k]
    item.body.insert(0, _line(item.paper_numbers.pop(0), item.lines[-1]))
    return items


def part_lost(items: list[Item], rng: random.Random) -> list[Item] | None:
    if len(items) < 2 or any(item.public is None for item in items):
        return None
    items[rng.randrange(len(items))].public = None
    return items


def _headed_twice(item: Item) -> bool:
    """Whether two of the item's lines open with its number (the list and the minutes' heading)."""
    number = item.number.split()[-1].rstrip(".") if item.number.split() else ""
    return bool(number) and sum(number in [w.rstrip(".:") for w in ln.text.split()[:2]] for ln in item.lines) > 1


def heading_missed(items: list[Item], rng: random.Random) -> list[Item] | None:
    again = [k for k, item in enumerate(items) if k > 0 and _headed_twice(item)]
    if not again:
        return None
    k = rng.choice(again)
    item, before = items[k], items[k - 1]
    before.body += item.body
    item.body = []
    if hasattr(item, "heads"):
        item.heads = 1
    return items


BREAKS: dict[str, Break] = {
    "item lost": item_lost,
    "text in title": text_in_title,
    "title cut": title_cut,
    "page foot in title": page_foot,
    "paper read apart": paper_apart,
    "part lost": part_lost,
    "heading missed": heading_missed,
}


def doubts(items: list[Item], rules: MeetingRules, ordered: bool) -> list[str]:
    """The findings of the checks on ``items`` (those the meeting extractor adds after the head
    has filled in the part, where this tree has them)."""
    found = check.agenda_doubts(items, rules, ordered=ordered)
    return found + list(getattr(check, "public_doubts", lambda _: [])(items))


def main(argv: list[str] | None = None) -> int:
    """Print, per break, how many broken readings were doubted, and the noise on right ones."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", metavar="BREAK", help="list the broken readings of BREAK that no check doubts")
    args = parser.parse_args(argv)
    captured: list[tuple[list[Item], MeetingRules, bool]] = []
    original = meeting_extract.agenda_doubts

    def capture(items: list[Item], rules: MeetingRules, *, ordered: bool = True) -> list[str]:
        captured.append((list(items), rules, ordered))  # the items as the extractor leaves them
        return original(items, rules, ordered=ordered)

    meeting_extract.agenda_doubts = capture  # type: ignore[assignment]
    right = noise = 0
    tried: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    for folder in args.folders:
        for pdf, golden_path in find_pairs(folder):
            golden: dict[str, Any] = json.loads(golden_path.read_text(encoding="utf-8"))
            if golden.get("kind") != "meeting" or not golden.get("agenda_items"):
                continue
            captured.clear()
            document, _ = read_paper(pdf, ParseOptions())
            got = document.model_dump(mode="json")
            if got.get("agenda_items") != golden["agenda_items"] or len(captured) != 1:
                continue
            right += 1
            items, rules, ordered = captured[0]
            noise += bool(doubts(items, rules, ordered))
            for name, apply in BREAKS.items():
                rng = random.Random(f"{args.seed}-{pdf.name}-{name}")
                broken = apply(copy.deepcopy(items), rng)
                if broken is None:
                    continue
                tried[name] += 1
                found = bool(doubts(broken, rules, ordered))
                caught[name] += found
                if not found and args.show == name:
                    print(f"{pdf.name}: {[(item.number, item.title) for item in broken]}")
    print("| break | readings | doubted |")
    print("|---|---:|---:|")
    for name in BREAKS:
        share = caught[name] / tried[name] if tried[name] else 0.0
        print(f"| {name} | {tried[name]} | {caught[name]} ({share:.0%}) |")
    total, hit = sum(tried.values()), sum(caught.values())
    print(f"| **all breaks** | {total} | {hit} ({hit / total if total else 0.0:.0%}) |")
    print(f"\nright readings doubted (noise): {noise}/{right}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
