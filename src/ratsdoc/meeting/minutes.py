"""What minutes add to an agenda item: the decision ('Beschluss:') and the vote
('Abstimmungsergebnis: Ja 23 Nein 5 Enthaltung 2', 'einstimmig')."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line
from ..meeting_models import Vote
from ..text.normalize import join_lines
from .rules import MeetingRules
from .speeches import speaker_turn
from .vote_table import count_line, heading_row, stacked_counts, table_vote, without_asides

#: A label at the start of a line ("Ergebnis:", "Anlage:") ends a decision text.
_LABEL_CHARS = 40
#: Counts as a ratio of yes to no votes: 'mit 108:0 Stimmen', with the abstentions third
#: ('mit 15:2:1 Stimmen'). Swiss minutes also write 'mit 34 zu 5 Stimmen'.
_RATIO = regex.compile(
    r"(?<![\d.:])(?P<yes>\d{1,4})\s*(?::|\s(?:zu|gegen)\s)\s*(?P<no>\d{1,4})(?:\s*:\s*(?P<abstain>\d{1,4}))?"
    r"\s+Stimmen\b"
)

#: Counts as the whole value of a vote label: 'Abstimmung: 14:0:1' (yes, no, abstentions), '14:0'.
_LABELLED_RATIO = regex.compile(r"^\s*(?P<yes>\d{1,4})\s*:\s*(?P<no>\d{1,4})(?:\s*:\s*(?P<abstain>\d{1,4}))?\s*\.?\s*$")
#: ... or three counts parted by slashes, as minutes typed by hand write them ('Abstimmung: 7/0/1', or the
#: line '7/0/1' alone under a decision): always yes, no and abstentions; two (a paper's '12/24') are none.
_SLASHED_COUNTS = r"(?P<yes>\d{1,3})\s*/\s*(?P<no>\d{1,3})\s*/\s*(?P<abstain>\d{1,3})"
_SLASHED = regex.compile(rf"^\s*\(?{_SLASHED_COUNTS}\)?\s*\.?\s*$")

#: A letter O standing alone where a vote's counts are: OCR's reading of a zero ('12 Ja, O Nein').
_LETTER_ZERO = regex.compile(r"(?<![\p{L}\d])[Oo](?![\p{L}\d])")

#: The number of votes cast ('mit 8 Stimmen'): in a unanimous vote, every one of them was a yes.
_CAST = regex.compile(r"\bmit\s+(?P<n>\d{1,4})\s+Stimmen\b", regex.IGNORECASE)


def _cast(text: str) -> int | None:
    """The number of votes ``text`` says were cast, if it says so ('mit 8 Stimmen einstimmig')."""
    match = _CAST.search(text)
    return int(match.group("n")) if match else None


def read_vote(text: str, rules: MeetingRules, *, labelled: bool = False) -> Vote | None:
    """The vote in ``text``: counts in one order (after or before their words) and 'einstimmig';
    with ``labelled`` (``text`` is a vote label's value) also counts alone ('14:0:1'), which
    elsewhere may be a time of day."""
    after, before = rules.vote_count_res
    if any(c.isdigit() for c in text):
        # No German word is the letter O alone; among counts it is a zero that OCR read as a letter.
        text = _LETTER_ZERO.sub("0", text)
    counts: dict[str, int | None] = {}
    for patterns in (after, before):
        found = {name: pattern.search(text) for name, pattern in patterns.items()}
        if any(found.values()):
            counts = {name: int(m.group("n")) if m else None for name, m in found.items()}
            break
    ratio = _RATIO.search(text) or (_LABELLED_RATIO.match(text) or _SLASHED.match(text) if labelled else None)
    if ratio:
        # 'mit 59:55 Stimmen bei 3 Enthaltungen' (Swiss minutes): yes:no, abstentions if stated.
        # The abstentions may be counted in the other order than the words the ratio holds
        # ('mit 12 gegen 3 Stimmen bei 1 Enthaltung': 'gegen 3' reads as a count after its word).
        abstain = ratio.group("abstain") or next(
            (m.group("n") for m in (after["abstain"].search(text), before["abstain"].search(text)) if m), None
        )
        counts = {"yes": int(ratio.group("yes")), "no": int(ratio.group("no"))}
        counts["abstain"] = int(abstain) if abstain is not None else None
    unanimous: bool | None = True if rules.res["unanimous"].search(text) else None
    if unanimous is None and (counts.get("no") or rules.res["majority"].search(text)):
        unanimous = False  # 'mehrheitlich beschlossen': a vote, not unanimous, without counts
    if unanimous and not any(counts.values()):
        counts = {"yes": _cast(text)}
    if not counts and unanimous is None:
        return None
    return Vote(yes=counts.get("yes"), no=counts.get("no"), abstain=counts.get("abstain"), unanimous=unanimous)


#: The verb of a result after its vote on a line of their own ('mit 11:2 Stimmen angenommen').
_RESULT_VERBS = regex.compile(r"\b(?:angenommen|beschlossen|abgelehnt|zugestimmt)\b", regex.IGNORECASE)
#: Counts joined by colons anywhere in a text ('12:3:1'), or three by slashes ('7/0/1').
_BARE_RATIO = regex.compile(
    rf"(?<![\d.:/])(?:\d{{1,4}}\s*:\s*\d{{1,4}}(?:\s*:\s*\d{{1,4}})?(?![\d:])|{_SLASHED_COUNTS}(?![\d/]))"
)
#: Three counts parted by slashes anywhere in a text.
_SLASHED_ANYWHERE = regex.compile(rf"(?<![\d/]){_SLASHED_COUNTS}(?![\d/])")
#: A short label of any word before a vote ('Ergebnis:').
_SHORT_LABEL = regex.compile(r"^\s*\p{Lu}[\p{L}-]{1,24}\s*:\s*")
#: What may stand between the parts of a vote: separators and little words.
_FILLER = regex.compile(r"[\s,;/.()–-]+|\b(?:mit|bei|und|Stimmen|so)\b", regex.IGNORECASE)


def vote_only(text: str, rules: MeetingRules) -> Vote | None:
    """The vote of a line that says nothing else, after a short label of any word or none
    ('Ergebnis: 12:3:1', 'mit 11:2 Stimmen angenommen', 'einstimmig beschlossen', 'Ja 12 / Nein 3 /
    Enth. 1'): counts, a ratio, 'einstimmig' or 'mehrheitlich' and the result's verb. Such a line
    under a decision is its vote, whatever its label; a line with other words is not."""
    after, before = rules.vote_count_res
    # 'Vorlage: 12/2/24' is a paper's number after its label; counts parted by slashes follow a
    # result's label only ('Abstimmung: 7/0/1', 'Ergebnis: 7/0/1').
    result = rules.res["vote"].match(text) or rules.res["decision_fallback"].match(text)
    if _SHORT_LABEL.match(text) and _SLASHED_ANYWHERE.search(text) and not result:
        return None
    # The line as it is first: its first count may look like a label ('Ja: 12  Nein: 3').
    for rest in dict.fromkeys((text, _SHORT_LABEL.sub("", text, count=1))):
        left = rest
        for pattern in (_BARE_RATIO, *after.values(), *before.values(), _RESULT_VERBS):
            left = pattern.sub(" ", left)
        left = rules.res["majority"].sub(" ", rules.res["unanimous"].sub(" ", left))
        if not _FILLER.sub("", left):
            return read_vote(rest, rules, labelled=True)
    return None


def _is_label(text: str) -> bool:
    head = text.split(":", 1)[0]
    return ":" in text and len(head) <= _LABEL_CHARS and head[:1].isupper() and len(head.split()) <= 3


def _heading(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` is a result heading alone on its line ('Beschluss', 'Abstimmung')."""
    return bool(rules.res["decision_heading"].match(text) or rules.res["vote_heading"].match(text))


def _paragraph(lines: Sequence[Line], start: int, first: str, rules: MeetingRules) -> tuple[str, list[Line]]:
    """``first`` and the lines after ``start`` up to a gap, a label, a vote or a result heading."""
    parts = [first] if first else []
    used = [lines[start]]
    previous = lines[start]
    for line in lines[start + 1 :]:
        if line.page != previous.page:
            # A page break ends the text only after a sentence: '... beauftragt die Verwaltung' /
            # 'mit der Umsetzung.' goes on over it.
            gap = previous.text.rstrip().endswith((".", "!", "?", ":"))
        else:
            gap = line.top - previous.bottom > 0.8 * (previous.bottom - previous.top)
        stop = rules.res["vote"].match(line.text) or _is_label(line.text) or _heading(line.text, rules)
        # A vote table's heading row under a decision without a vote label ('Ja  Nein  Enthaltung').
        stop = stop or heading_row(line.text, rules)
        stop = stop or (bool(parts) and vote_only(line.text, rules) is not None)
        # A sentence of its own on the vote ('Der Beschluss wurde einstimmig gefasst.') ends the text.
        stop = stop or bool(parts and parts[-1].endswith(".") and rules.res["unanimous"].search(line.text))
        if (gap and parts) or stop:
            break
        parts.append(line.text)
        used.append(line)
        previous = line
    return join_lines(parts), used


def _vote_sentence(body: Sequence[Line], used: list[Line], rules: MeetingRules) -> tuple[Vote | None, Line] | None:
    """The vote of the line right after a decision's lines ``used``, and that line, when it is a
    sentence of its own on the vote ('Der Beschluss wurde einstimmig gefasst.') or a line that is
    nothing but a vote (:func:`vote_only`: 'mit 11:2 Stimmen angenommen', 'Ergebnis: 12:3:1'),
    which ends the decision text in any minutes."""
    if not used or used[-1] not in body:
        return None
    index = body.index(used[-1]) + 1
    if index >= len(body):
        return None
    line = body[index]
    alone = vote_only(line.text, rules)
    if alone is not None:
        return alone, line
    if not used[-1].text.rstrip().endswith("."):
        return None
    return (
        (read_vote(line.text, rules), line)
        if line.text[:1].isupper() and rules.res["unanimous"].search(line.text)
        else None
    )


def _table_after(body: Sequence[Line], used: list[Line], rules: MeetingRules) -> tuple[Vote, list[Line]] | None:
    """The vote of a table whose heading row stands right under a decision's lines ``used``."""
    if not used or used[-1] not in body:
        return None
    index = body.index(used[-1]) + 1
    if index >= len(body) or not heading_row(body[index].text, rules):
        return None
    return table_vote(body[index:], rules)


def _counted(text: str, rules: MeetingRules) -> bool:
    """Whether ``text`` states a vote count ('mit 107:2 Stimmen', 'Ja 23 Nein 5')."""
    return bool(_RATIO.search(text)) or sum(1 for p in rules.vote_count_res[0].values() if p.search(text)) >= 2


def _several(
    decision: str, used: list[Line], body: Sequence[Line], rules: MeetingRules, first: str
) -> tuple[str, list[Line], bool]:
    """A result paragraph followed by more results, each with its own count ('Forderung 1 wird mit
    107:2 Stimmen ... erklärt.' / 'Forderung 2 wird mit ...', a line or a paragraph each, as the
    Grosser Rat Thurgau prints separate votes on one item): one result a line, joined by '\\n', and
    True (no single vote); else the paragraph as it is."""
    if not used or not _counted(decision, rules):
        return decision, used, False
    texts = [first, *(line.text for line in used[1:])]
    lines = list(used)
    index = body.index(used[-1]) + 1 if used[-1] in body else len(body)
    while index < len(body) and _counted(body[index].text, rules) and not _heading(body[index].text, rules):
        # A further paragraph that is itself a counted result belongs to the same decision (a
        # speaker who names the count is no result).
        if speaker_turn(body[index].text, rules) is not None:
            break
        _, taken = _paragraph(body, index, body[index].text, rules)
        if not taken or rules.res["vote"].match(body[index].text):
            break
        texts += [line.text for line in taken]
        lines += taken
        index += len(taken)
    groups: list[list[str]] = []
    for text in texts:
        # A line with a count after a result that had its count opens the next result.
        if groups and _counted(text, rules) and _counted(" ".join(groups[-1]), rules) and text[:1].isupper():
            groups.append([text])
        elif groups:
            groups[-1].append(text)
        else:
            groups.append([text])
    if len(groups) < 2:
        return decision, used, False
    return "\n".join(join_lines(group) for group in groups), lines, True


def read_outcome(
    body: Sequence[Line], rules: MeetingRules, prose: bool = False
) -> tuple[str | None, Vote | None, list[Line]]:
    """The decision text and the vote of one item's body lines, and the lines they came from;
    with ``prose`` (minutes that are not verbatim), 'einstimmig' in the running text of an item
    without a vote label is its vote ('Der Stadtteilbeirat stellt daher einstimmig folgenden
    Antrag')."""
    decision: str | None = None
    vote: Vote | None = None
    where: list[Line] = []
    # 'Ergebnis:', 'Empfehlung an den Ausschuss:' head the decision only where no 'Beschluss:' does.
    label = rules.res["decision"]
    if not any(label.match(line.text) for line in body):
        label = rules.res["decision_fallback"]
    for index, line in enumerate(body):
        match = label.match(line.text)
        if match and decision is None:
            # An introduction may state the vote: 'Der Gemeinderat beschließt mit 15 Ja-Stimmen, ...:'.
            vote = vote or read_vote(line.text[: match.start("rest")], rules)
            # The decision's number printed right of its label is no part of its text.
            rest = rules.res["decision_number"].sub("", match.group("rest"), count=1)
            decision, used = _paragraph(body, index, rest, rules)
            # Also where the number stood apart, right of the label, and was read as the next line.
            decision = rules.res["decision_number"].sub("", decision, count=1)
            decision, used, several = _several(decision, used, body, rules, rest)
            decision = decision or None
            where += used
            vote = None if several else vote
            said = _vote_sentence(body, used, rules) if vote is None and not several and decision else None
            if said is not None:
                vote = said[0]
                where.append(said[1])
            table = _table_after(body, used, rules) if vote is None and not several else None
            if table is not None:
                # A vote table right under the decision, without a label over it.
                vote = table[0]
                where += table[1]
            continue
        match = rules.res["vote"].match(line.text)
        if match and vote is None:
            text, used = _paragraph(body, index, match.group("rest"), rules)
            # Counts run on over lines that each open with a count's word ('... Dafür: 19 /' /
            # 'Dagegen: 1 / Enthaltungen: 0 / Befangenheit: 0'), which ended the paragraph as labels.
            after = body.index(used[-1]) + 1
            while text and after < len(body) and (count_line(body[after].text, rules) is not None or _open_label(text)):
                text = f"{text} {body[after].text}"
                used.append(body[after])
                after += 1
            vote = read_vote(without_asides(text, rules), rules, labelled=True)
            # A label alone over a table of the votes by faction ('Fraktion  Ja  Nein  Enthaltung'),
            # or over one count a line ('Ja-Stimmen: 15' / 'Nein-Stimmen: 2').
            alone = not match.group("rest").strip()
            table = table_vote(body[index + 1 :], rules) if alone else None
            stacked = stacked_counts(body[index + 1 :], rules) if alone and table is None else None
            if table is not None:
                vote, used = table[0], [line, *table[1]]
            elif stacked is not None:
                vote, used = read_vote(stacked[0], rules), [line, *stacked[1]]
            where += used
            continue
        if (
            decision is not None
            and vote is None
            and rules.res["vote_heading"].match(line.text)
            and index + 1 < len(body)
        ):
            # 'Beschluss' over the decision, then 'Abstimmung' alone over the vote (Swiss minutes).
            text, used = _paragraph(body, index + 1, body[index + 1].text, rules)
            vote = read_vote(text, rules)
            where += [line, *used]
            continue
        if decision is None and rules.res["decision_heading"].match(line.text) and index + 1 < len(body):
            # 'Beschlussfassung' alone, the result below it: the result is the decision, with its vote.
            decision, used = _paragraph(body, index + 1, body[index + 1].text, rules)
            decision, used, several = _several(decision, used, body, rules, body[index + 1].text)
            where += [line, *used]
            vote = None if several else vote or read_vote(decision, rules)
    if vote is None and prose:
        # A count beside a decision text was the decision's to give (several results, each counted,
        # have no single vote); only 'einstimmig' is read then.
        vote, stated = _prose_vote(body, rules, counts=decision is None)
        where += stated
    return decision, vote, where


#: The last part of a run-on vote block, after its last separator ('... / Anwesende').
_LAST_PART = regex.compile(r"[^/,;]*$")


def _open_label(text: str) -> bool:
    """Whether a vote block's ``text`` ends in a label cut by the line's end: its last part holds
    words but neither a colon nor a count ('Gesetzliche Anzahl der Mitglieder: 11 / Anwesende' over
    'Mitglieder: 9 / Ja: 4 / ...'), so the next line, opening with the label's rest, goes on. Only
    after a separator and a count before it: a vote in words ('einstimmig') ends with its line."""
    text = text.rstrip()
    last = _LAST_PART.search(text)
    if last is None or last.start() == 0 or not regex.search(r":\s*\d", text[: last.start()]):
        return False  # no list of counts before it ('einstimmig' alone goes on with nothing)
    part = last.group().strip()
    return bool(part) and any(c.isalpha() for c in part) and not any(c.isdigit() or c == ":" for c in part)


def _prose_vote(body: Sequence[Line], rules: MeetingRules, counts: bool = True) -> tuple[Vote | None, list[Line]]:
    """The first vote the running text of an item states without a label: 'einstimmig', or (with
    ``counts``) a count of yes to no votes ('stellt mit 8 zu 0' / 'Stimmen folgenden Antrag',
    '(Abstimmung 9:0 Stimmen)'), which may wrap to the next line; and the lines it stands on."""
    for index, line in enumerate(body):
        if rules.res["unanimous"].search(line.text):
            return Vote(yes=_cast(line.text), unanimous=True), [line]
        below = body[index + 1] if index + 1 < len(body) and body[index + 1].page == line.page else None
        text = f"{line.text} {below.text}" if below is not None else line.text
        ratio = _RATIO.search(text)
        if counts and ratio and ratio.start() < len(line.text):
            # The count and what follows it ('bei 1 Enthaltung'): the words before it are prose.
            vote = read_vote(text[ratio.start() :], rules)
            used = [line] if ratio.end() <= len(line.text) or below is None else [line, below]
            return vote, used
    return None, []
