"""The one agenda item of a record's extract: council information systems publish the minutes of
each item on its own ('Protokoll aus der Sitzung des Gemeinderates vom 28.03.2019' / 'TOP 1e ...',
'Niederschrift Nr. 12, TOP 1e', a head row 'TOP: 1e' with 'Betreff: ...'); the item's number is in
the head, its title beside it, on the bold line below or under a title label, and the rest of the
document is its minutes (discussion, vote, decision)."""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.lines import Line, all_bold
from ..text.normalize import join_lines
from .agenda_item import MARKER, Item
from .head_lines import EVIDENCE_LINES
from .header import value_continuation
from .rules import MeetingRules

#: A title below the item line stands within this many line heights of it.
TITLE_GAP = 1.5


def _below(lines: Sequence[Line], index: int, rules: MeetingRules) -> list[Line]:
    """The bold lines right below ``lines[index]`` (a title set under the item line), in order;
    a session line between them ('Niederschrift Nr. 12, TOP 1e' / 'Sitzung des ... vom ...' /
    the bold title) is passed over."""
    found: list[Line] = []
    previous = lines[index]
    start = index + 1
    while start < len(lines) and not found and any(p.search(lines[start].text) for p in rules.lists["session"]):
        start, previous = start + 1, lines[start]
    for line in lines[start : start + 3]:
        height = max(previous.bottom - previous.top, 1.0)
        if line.page != previous.page or line.top - previous.bottom > TITLE_GAP * height or not all_bold(line):
            break
        found.append(line)
        previous = line
    return found


def read_single_item(lines: Sequence[Line], rules: MeetingRules) -> Item | None:
    """The item a record's extract is about, from the first of its head lines (reading order)
    that names an item (``rules.item_heads``), with every later line as its body; None when no
    head line names one or it has no title."""
    first = [ln for ln in lines if ln.page == 1][:EVIDENCE_LINES]
    for index, line in enumerate(first):
        match = next((m for p in rules.lists["item_heads"] if (m := p.search(line.text))), None)
        if match is None:
            continue
        used = [line]
        title = match.group("title").strip()
        labelled = next((ln for ln in first[index + 1 :] if rules.res["item_title"].match(ln.text)), None)
        if not title and labelled is not None:
            # 'TOP: 1e' ... 'Betreff: Bewerbervorstellung und Wahl ...', wrapped in its value's column.
            title = rules.res["item_title"].match(labelled.text).group("rest").strip()  # type: ignore[union-attr]
            cells = labelled.segments()
            at = first.index(labelled)
            x = cells[1][0].x0 if len(cells) == 2 else labelled.words[1].x0 if len(labelled.words) > 1 else 0.0
            tail = value_continuation(first, at, x, rules, running=len(cells) != 2)
            title = join_lines([title, *tail])
            used += [labelled, *first[at + 1 : at + 1 + len(tail)]]
        elif not title or all_bold(line):
            # The title below the item line, or its wrapped rest below a bold 'TOP 3 Title'.
            below = _below(first, index, rules)
            title = join_lines([title, *(ln.text for ln in below)]).strip()
            used += below
        if not title:
            return None
        last = max(lines.index(ln) for ln in used)
        number = " ".join(match.group("number").split())
        marker = MARKER.match(number)  # 'TOP Ö 3': the marker says the part
        item = Item(number, [title], line.x0, marker.group("m").upper() == "Ö" if marker else None, lines=used)
        item.body = [ln for ln in lines[last + 1 :] if ln not in used]
        return item
    return None
