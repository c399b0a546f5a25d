"""The request of any paper as items: after a heading ("Antrag", "Beschlussvorschlag:", "Der
Rat möge beschließen:") or from a request sentence ("Der Regierungsrat wird beauftragt, ...")
up to the next section; numbered items ("1.", "2)") with lettered sub-items kept inside."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...layout.lines import Line
from ..items import GENERIC, Item
from ..items import read_items as shared_read_items
from .closing import DATELINE, is_closing, trailing_signature
from .heading import is_salutation
from .vocabulary import ReaderVocabulary
from .wrapped import continues_sentence

#: An item's number: "1.", "2)", "1.)", "a)", "b.", "IV.".
_NUMBER = regex.compile(r"^(?P<n>\d{1,2}|[a-z]|[IVX]{1,4})(?:\.\)|[.)])$")
_BULLETS = frozenset({"-", "–", "•", "▪", "·", "*"})
#: The request section ends after this many lines without an ending heading: no section.
_MAX_LINES = 80


def _new_paragraph(prev: Line | None, line: Line) -> bool:
    return prev is None or (line.page == prev.page and line.top - prev.bottom > 0.75 * line.size)


def read_items(lines: Sequence[Line]) -> list[Item]:
    """Items of a request section (the shared item parser of extract/items.py, numbers with
    their punctuation): lettered lines under numbered items stay inside theirs, an unnumbered
    paragraph is an item of its own."""
    return shared_read_items(lines, GENERIC, _new_paragraph)


def _ends(line: Line, vocab: ReaderVocabulary, fuzzy: int) -> bool:
    """Whether ``line`` ends a request section: an ending or request heading, the closing formula,
    or a place and date line standing alone over the signatures ("Baden, 28. Juli 2025")."""
    text = line.text
    return bool(
        vocab.end_re(fuzzy).match(text)
        or is_closing(text)
        or vocab.heading_re(fuzzy).match(text)
        or DATELINE.fullmatch(text.strip())
    )


def _goes_on(line: Line, following: Line) -> bool:
    """Whether ``following`` goes on with the sentence of ``line``: right under it, or first on
    the next page after a line that ends without a sign ("... den Antrag, der Gemeinderat" over
    the page break, "wolle beschließen:" on the next page)."""
    if continues_sentence(line, following):
        return True
    return following.page == line.page + 1 and line.text.rstrip()[-1:].isalpha()


def proposal_section(
    lines: Sequence[Line], vocab: ReaderVocabulary, *, fuzzy: int = 0, skip: frozenset[int] = frozenset()
) -> tuple[Line | None, str, list[Line], list[Line]] | None:
    """(heading line, text after its colon, body lines, the heading's wrapped lines) of the
    request: after a request heading that stands alone (or with its text after a colon, or
    wrapped over two lines as a formula: "Der Ausschuss stellt daher den Antrag, der" over
    "Gemeinderat wolle beschließen:"), else from a request sentence, up to an ending heading, the
    closing formula or the end. ``skip`` holds ids of lines that cannot open it (the title)."""
    heading = vocab.heading_re(fuzzy)
    # The record of the paper's consultation after it ("Beratungsverlauf:") holds the bodies'
    # decisions under "Beschluss:", maybe changed: never the paper's own request.
    record = vocab.record_re(fuzzy)
    lines = next(
        (lines[:k] for k, line in enumerate(lines) if (found := record.match(line.text)) and not found.group("rest")),
        lines,
    )
    for index, line in enumerate(lines):
        # "... stellen wir folgenden" over "Antrag:" is a sentence, not a request heading.
        wrapped = index and continues_sentence(lines[index - 1], line)
        if id(line) in skip or wrapped:
            continue
        more: list[Line] = []
        match = heading.match(line.text)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if match is None and following is not None and _goes_on(line, following):
            match = heading.match(f"{line.text} {following.text}")
            more = [following]
        if match is None or _type_line_over_letter(line, following, vocab):
            continue
        body = _body(lines, index + 1 + len(more), vocab, fuzzy)
        rest = (match.group("rest") or "").strip()
        if body is not None and (body or rest):
            return line, rest, body, more
    for index, line in enumerate(lines):
        if id(line) not in skip and vocab.sentence_re.match(line.text):
            body = _body(lines, index + 1, vocab, fuzzy)
            if body is not None:
                return None, "", [line, *body], []
    return None


def _type_line_over_letter(line: Line, following: Line | None, vocab: ReaderVocabulary) -> bool:
    """Whether ``line`` is a bare type in bold ("Antrag") over the salutation or over the bold
    subject: the type line of a letter (or of the cover sheet in front of it), not the heading of
    its request, which the request's text follows."""
    text = line.text.strip()
    typed = vocab.type_re.match(text)
    if typed is None or typed.end() != len(text) or following is None or not line.words:
        return False
    if not all(token.bold for token in line.words):
        return False
    return is_salutation(following.text) or all(token.bold for token in following.words)


def _body(lines: Sequence[Line], start: int, vocab: ReaderVocabulary, fuzzy: int) -> list[Line] | None:
    """The lines from ``start`` up to the section's end; None when no end comes in reach."""
    body: list[Line] = []
    for line in lines[start : start + _MAX_LINES]:
        if _ends(line, vocab, fuzzy):
            return body
        body.append(line)
    if len(lines) - start > _MAX_LINES:
        return None
    # The request runs to the paper's end: the members and the faction signing under it, with
    # no closing formula between ("Anna Meier, Jens Krüger und Fraktion der SPD"), are none of it.
    signed = trailing_signature([ln for ln in body if ln.words])
    if signed:
        last = [ln for ln in body if ln.words][-signed]
        body = body[: body.index(last)]
    return body


#: An emphasised request is a sentence of at least this many words (a bold heading is shorter).
_MIN_REQUEST_WORDS = 4


def emphasised_items(lines: Sequence[Line], skip: frozenset[int] = frozenset()) -> list[Item]:
    """A letter without a request heading sets its requests in bold: each bold run (over line
    ends, up to the first regular word) that is numbered ("1) Die Haupttrasse ...") or a whole
    sentence is an item. Runs in ``skip`` (the title) and runs after the closing formula do not
    count; short runs without a full stop are headings."""
    runs: list[tuple[list[str], list[Line]]] = []
    current: tuple[list[str], list[Line]] | None = None
    for line in lines:
        if is_closing(line.text):
            break
        words = line.words
        # The item number may be set in regular type before a bold item ("1. Zu Punkt 2.3").
        start = 1 if words and _NUMBER.match(words[0].text) and len(words) > 1 and words[1].bold else 0
        bold = next((k for k in range(start, len(words)) if not words[k].bold), len(words))
        if id(line) in skip or bold == start:
            current = None
            continue
        numbered = bool(words and _NUMBER.match(words[0].text))
        if current is None or numbered or _new_paragraph(current[1][-1], line):  # a number or a gap opens a run
            current = ([], [])
            runs.append(current)
        current[0].extend(word.text for word in words[:bold])
        current[1].append(line)
        if bold < len(words):  # the run ends inside the line
            current = None
    items: list[Item] = []
    for texts, where in runs:
        match = _NUMBER.match(texts[0])
        number = match.group("n") if match and len(texts) > 1 else None
        text = " ".join(texts[1:] if number else texts)
        # A run that ends in a colon is a heading over a label, not a request ("3. Begründung"
        # over a form's "Sachverhalt / Begründung:").
        if len(text.split()) >= _MIN_REQUEST_WORDS and (number or text.endswith(".")) and not text.endswith(":"):
            items.append((number, [text], where))
    return items


def _bullet_text(line: Line) -> str | None:
    """The text of a list item line without its bullet; None for a line without one."""
    tokens = line.tokens
    if tokens and tokens[0].bullet:
        return " ".join(t.text for t in line.words)
    words = line.words
    if len(words) > 1 and words[0].text in _BULLETS:
        return " ".join(t.text for t in words[1:])
    return None


def announced_list(lines: Sequence[Line], vocab: ReaderVocabulary) -> list[Item]:
    """The items of a list that a request announces at the end of a line ("Wir bitten um
    Aufwertung mit" over "- Hartplatz für Ballspiele", "- Flutlicht"): one item per bullet,
    wrapped lines (indented under the bullet's text) joined."""
    for index, line in enumerate(lines):
        if is_closing(line.text):
            break
        if not vocab.list_lead_re.search(line.text):
            continue
        following = lines[index + 1 : index + 2]
        if following and following[0].words and _NUMBER.match(following[0].words[0].text):
            # Numbered questions or requests under the lead ("Wir fragen das Bezirksamt:" over
            # "1. Wie ...?"): the items of the list up to the section's end.
            body = _body(lines, index + 1, vocab, 0)
            numbered = read_items(body) if body else []
            if numbered and all(number for number, _, _ in numbered):
                return numbered
        items: list[Item] = []
        for follower in lines[index + 1 :]:
            text = _bullet_text(follower)
            if text is not None:
                items.append((None, [text], [follower]))
            elif items and follower.x0 > items[-1][2][0].x0 + 2 and not _new_paragraph(items[-1][2][-1], follower):
                items[-1][1].append(follower.text)
                items[-1][2].append(follower)
            else:
                break
        if items:
            return items
    return []
