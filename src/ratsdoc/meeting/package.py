"""A session's package (ALLRIS "Gesamtdokument", SessionNet "Sitzungspaket", a town's bound
"Sitzungsunterlagen"): one file that holds the Einladung with its Tagesordnung and after it the
papers of the agenda items. The Einladung alone is the meeting document: a cover sheet before it
(the package's name, perhaps a contents list with page numbers) and the papers after it (a
Beschlussvorlage's numbered Beschlussvorschlag, its Beratungsfolge's bodies and days, the last
session's Niederschrift with its decisions) are no part of it."""

from __future__ import annotations

import dataclasses

import regex

from ..extract.generic.closing import DATELINE
from ..issues import Issue, IssueCode
from ..layout.lines import Line
from ..regions import Layout
from .rules import MeetingRules

#: A package's name stands among page 1's first lines.
COVER_LINES = 12
#: The share of a page from its top that holds a paper's head.
HEAD_SHARE = 0.4
#: The lines of a page's head read for a paper's signs.
HEAD_LINES = 12


def _text(line: Line) -> str:
    return line.text.strip()


def _pages(layout: Layout) -> dict[int, list[Line]]:
    pages: dict[int, list[Line]] = {}
    for line in layout.lines:
        if line.words and not line.furniture:
            pages.setdefault(line.page, []).append(line)
    return pages


def _head(lines: list[Line], height: float) -> list[Line]:
    """The lines of a page's head: its first lines in the top part of the page."""
    return [ln for ln in lines if ln.top < HEAD_SHARE * height][:HEAD_LINES]


def _typed(lines: list[Line], rules: MeetingRules) -> Line | None:
    """The line of ``lines`` that opens with a meeting type word ('Einladung', 'Tagesordnung der
    12. Sitzung ...'), if any."""
    types = {t.casefold() for t in rules.types}
    for line in lines:
        first = regex.match(r"\s*(\p{L}+)", line.text)
        if first and first.group(1).casefold() in types:
            return line
    return None


def _opens_paper(head: list[Line], rules: MeetingRules) -> Line | None:
    """The heading of another paper at the top of a page, where the head also shows a paper's other
    signs (its number's label, 'Betreff:', 'Beratungsfolge', a date line, a session's header labels);
    else None. A paper number alone ('Vorlage: 2025/031', an item's line carried over to the page)
    is no heading."""
    patterns = rules.lists["paper_heads"]
    signs = rules.lists["paper_signs"]
    for k, line in enumerate(head):
        if not any(p.fullmatch(_text(line)) for p in patterns):
            continue
        # The signs stand on other lines than papers' headings: an item's "Vorlage Nr. ..." line
        # in minutes is no sign of another such line under it.
        others = [ln for ln in head[:k] + head[k + 1 :] if not any(p.fullmatch(_text(ln)) for p in patterns)]
        if any(p.search(_text(ln)) for ln in others for p in signs) or any(
            DATELINE.fullmatch(_text(ln).removeprefix("Datum:").strip()) for ln in others
        ):
            return line
    return None


def session_package(layout: Layout, rules: MeetingRules) -> tuple[Layout, list[Issue]]:
    """``layout`` cut to the meeting document of a session's package: without a cover sheet that
    names the package before it and without the papers bound after its agenda, with a warning
    that says so; else ``layout`` as it is."""
    pages = _pages(layout)
    if not pages:
        return layout, []
    heights = {page.number: page.height for page in layout.pages}
    first = min(pages)
    issues: list[Issue] = []
    start = first
    cover = pages[first][:COVER_LINES]
    named = next(
        (k for k, ln in enumerate(cover) if any(p.match(_text(ln)) for p in rules.lists["package_heads"])), None
    )
    # The package's name opens the cover, before any type word (its contents list names the Einladung).
    if named is not None and _typed(cover[:named], rules) is None:
        # The Einladung opens the first later page whose head names a meeting type.
        opening = next(
            (n for n in sorted(pages) if n > first and _typed(_head(pages[n], heights.get(n, 842.0)), rules)), None
        )
        if opening is not None:
            start = opening
            message = (
                f"page {first}: a cover sheet names the session's package; "
                f"the meeting document was read from page {opening} on"
            )
            issues.append(Issue(IssueCode.SECOND_DOCUMENT, message, first))
    agenda_at: int | None = None
    end: tuple[int, Line] | None = None
    for number in sorted(n for n in pages if n >= start):
        if agenda_at is not None and number > agenda_at:
            found = _opens_paper(_head(pages[number], heights.get(number, 842.0)), rules)
            if found is not None:
                end = (number, found)
                break
        if agenda_at is None and any(rules.res["agenda"].match(_text(ln)) for ln in pages[number]):
            agenda_at = number
    if end is not None:
        page, line = end
        message = (
            f'page {page}: further documents follow the meeting document ("{_text(line)[:60]}"); '
            "its fields were read from the pages before"
        )
        issues.append(Issue(IssueCode.SECOND_DOCUMENT, message, page))
    if not issues or (start == first and end is None):
        return layout, []
    stop = end[0] if end is not None else max(pages) + 1
    lines = [ln for ln in layout.lines if start <= ln.page < stop]
    return dataclasses.replace(layout, lines=lines), issues
