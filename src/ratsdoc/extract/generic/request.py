"""A letter's request sentence: the paragraph after the salutation that sends the paper ("wir
bitten Sie, folgende Anfrage der SPD-Fraktion auf die Tagesordnung der nächsten Sitzung der
Bezirksvertretung Lindenthal zu setzen:", "die Fraktion ... stellt zur nächsten Sitzung des
Rates folgende Anfrage:"). Faction letters to the mayor often name their type and body only
there; the numbered questions or requests after it are the paper's request."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...issues import IssueCode
from ...layout.lines import Line
from ...text.normalize import join_lines
from ..context import Context
from ..items import GENERIC, Item, split_number
from ..items import read_items as shared_read_items
from .closing import is_closing
from .heading import SALUTATION
from .letter_fields import nominative
from .vocabulary import ReaderVocabulary

_FLAGS = regex.IGNORECASE | regex.VERSION1
#: The request sentence is among the first paragraphs after the salutation.
_PARAGRAPHS = 3
#: The first item of a list: "1)", "1.", "a)".
_FIRST = frozenset({"1", "a"})


@dataclass(frozen=True)
class Request:
    """A letter's request sentence: its lines, the type it announces, the body of the meeting it
    is for (nominative, as printed), and whether it asks for an agenda or names a meeting."""

    lines: list[Line]
    kind: str | None
    body: str | None
    meeting: bool


@lru_cache(maxsize=4)
def _type_re(leads: tuple[str, ...], types: tuple[str, ...]) -> regex.Pattern[str]:
    """A determiner that announces a type ("folgende Anfrage"), the type as a whole word (group ``type``)."""
    names = "|".join(regex.escape(t) for t in sorted(types, key=len, reverse=True))
    lead = "|".join(f"(?:{p})" for p in leads) or r"(?!x)x"
    return regex.compile(rf"\b(?:{lead})\s+(?P<type>{names})(?![\p{{L}}-])", _FLAGS)


@lru_cache(maxsize=4)
def _any_re(patterns: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", _FLAGS)


def _paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """``lines`` split into paragraphs (a gap of most of a line, or a new page)."""
    out: list[list[Line]] = []
    for line in lines:
        if _new_paragraph(out[-1][-1] if out else None, line):
            out.append([])
        out[-1].append(line)
    return out


def _new_paragraph(prev: Line | None, line: Line) -> bool:
    """A gap of most of a line, or a new page: the text back at the margin after a hanging list on
    the next page ("Wir bitten um schriftliche Beantwortung.") is no more of the last item."""
    return prev is None or line.page != prev.page or line.top - prev.bottom > 0.75 * line.size


def _canonical(vocab: ReaderVocabulary, word: str) -> str:
    """The vocabulary's spelling of a type ("anfrage" → "Anfrage")."""
    return next((t for t in vocab.document_types if t.casefold() == word.casefold()), word)


def _opening(lines: Sequence[Line]) -> Iterator[tuple[list[Line], str]]:
    """The first paragraphs after the salutation (:data:`_PARAGRAPHS`) with their joined text,
    up to a numbered item or the closing formula, which end the letter's opening."""
    start = next((i + 1 for i, line in enumerate(lines) if SALUTATION.match(line.text)), None)
    if start is None:
        return
    for block in _paragraphs(lines[start:])[:_PARAGRAPHS]:
        if split_number(block[0], GENERIC)[0] is not None or is_closing(block[0].text):
            return
        # Paragraphs set apart by a word processor's small spacing run into one block: the list
        # starts at its first number all the same.
        listed = next((k for k, line in enumerate(block) if k and split_number(line, GENERIC)[0] in _FIRST), None)
        if listed is not None:
            yield block[:listed], join_lines([line.text for line in block[:listed]])
            return
        yield block, join_lines([line.text for line in block])


def request_sentence(lines: Sequence[Line], vocab: ReaderVocabulary) -> Request | None:
    """The first paragraph after the salutation, before any numbered item, that announces the
    paper's type ("folgende Anfrage") or asks for an agenda; None for a letter without one."""
    announced = _type_re(tuple(vocab.request_type_leads), tuple(vocab.document_types))
    agenda = _any_re(tuple(vocab.request_agenda))
    for block, text in _opening(lines):
        kind = announced.search(text)
        if kind is None and not agenda.search(text):
            continue
        body = meeting_body(text, vocab)
        named = bool(agenda.search(text) or _any_re(tuple(vocab.request_meetings)).search(text))
        found = kind or agenda.search(text)
        sentence = _sentence(block, found.end()) if found is not None else block
        return Request(sentence, _canonical(vocab, kind.group("type")) if kind else None, body, named)
    return None


def _sentence(block: list[Line], end: int) -> list[Line]:
    """The lines of ``block`` up to the end of the sentence whose words reach char ``end`` of the
    block's joined text: the request ("... folgenden Antrag ... zu behandeln:"), not the text that
    runs on in the paragraph when the paragraphs are set without space between them."""
    reached = 0
    for k, line in enumerate(block):
        reached += len(line.text) + 1
        if reached > end and line.text.rstrip().endswith((":", ".", "?", "!")):
            return block[: k + 1]
    return block


def stated_type(lines: Sequence[Line], vocab: ReaderVocabulary) -> tuple[str, list[Line]] | None:
    """The type a sentence of the first paragraphs after the salutation gives by what the paper
    does ("nimmt hierzu wie folgt Stellung" → Stellungnahme, ``vocab.type_sentences``), with its
    lines; None when none does or a numbered list or the closing comes first."""
    for block, text in _opening(lines):
        for kind, patterns in vocab.type_sentences.items():
            if _any_re(tuple(patterns)).search(text):
                return kind, block
    return None


#: A meeting or an agenda named in a scanned opening, a letter misread or run onto the next
#: word ("Sitzung{des", "Tagesardnung").
_MEETING_WORD = regex.compile(r"(?:Sitzung|Tagesordnung){e<=1}", regex.BESTMATCH)


def _joined(lines: Sequence[Line]) -> str:
    return join_lines([line.text for line in lines])


def misread_meeting(lines: Sequence[Line]) -> tuple[list[Line], str] | None:
    """The first opening paragraph after the salutation that names a meeting or an agenda as OCR
    may misread it, with its text, where :func:`request_sentence` found no request in it (the
    type or the meeting's words lost under a stamp); None when no paragraph names one."""
    for block, text in _opening(lines):
        if _MEETING_WORD.search(text):
            return block, text
    return None


def meeting_body(text: str, vocab: ReaderVocabulary) -> str | None:
    """The body of the meeting a request sentence names ("Sitzung der Bezirksvertretung
    Lindenthal", "des Ausschusses für Umwelt, Klima und Mobilität", "des Rates" → "Rat"),
    nominative, as printed; None when it names none of the vocabulary."""
    # Overlapped: "Tagesordnung der Sitzung des Rates" names the body only in its second part.
    for match in _any_re(tuple(vocab.request_meetings)).finditer(text, overlapped=True):
        body = nominative(match.group("body") or "", vocab)
        if body is not None:
            return body
    return None


def requested_items(lines: Sequence[Line], vocab: ReaderVocabulary) -> list[Item]:
    """The numbered list after a letter's request sentence, up to the closing formula: the
    questions of an Anfrage, the requests of an Antrag ("1) ...", "a) ...", wrapped lines and
    sub-points kept inside). Empty when the letter has no request sentence or no list after it."""
    request = request_sentence(lines, vocab)
    if request is None:
        return []
    after = lines.index(request.lines[-1]) + 1
    end = next((i for i in range(after, len(lines)) if is_closing(lines[i].text)), len(lines))
    first = next((i for i in range(after, end) if split_number(lines[i], GENERIC)[0] is not None), None)
    if first is None or split_number(lines[first], GENERIC)[0] not in _FIRST:
        return []
    items = shared_read_items(lines[first:end], GENERIC, _new_paragraph)
    return items if all(number is not None for number, _, _ in items) else []


def _same_kind(one: str, other: str) -> bool:
    """Whether two types are one kind, one a closer name of the other ("Große Anfrage" and
    "Anfrage", "Dringlichkeitsantrag" and "Antrag")."""
    a, b = one.casefold(), other.casefold()
    return a.endswith(b.split()[-1]) or b.endswith(a.split()[-1])


def fill_from_request(ctx: Context, lines: Sequence[Line], vocab: ReaderVocabulary) -> None:
    """The body named by a letter's request sentence when nothing above the salutation named one,
    and the type it announces when no type was read.
    A warning naming the field when the sentence asks for a meeting whose body, or sends a paper
    whose type, was not read (a body or type missing from the vocabulary, a misread word), or
    when it names another body or kind of paper than the head did (one of them is wrong)."""
    request = request_sentence(lines, vocab)
    body, kind = ctx.fields.values.get("body"), ctx.fields.values.get("document_type")
    scanned = 1 in ctx.layout.ocr_pages
    if request is None:
        named = misread_meeting(lines) if body is None and scanned else None
        if named is not None:
            block, text = named
            read = meeting_body(text, vocab)
            if read is not None:
                # The meeting's words are read ("zur Sitzung des Stadtrates am ..."), the words
                # that make the paragraph a request were not ("Fr& olgende Anfrage"): the body is
                # the meeting's most likely, not surely.
                ctx.set("body", read, block)
                message = (
                    "the body is the meeting named in the opening, whose request words OCR misread: check the body"
                )
                ctx.warn(IssueCode.VALUE_UNCERTAIN, message, block[0].page, field="body")
                return
            message = "the letter's opening names a meeting that OCR misread, and no body was read: check the body"
            ctx.warn(IssueCode.REQUEST_DOUBTFUL, message, block[0].page, field="body")
        return
    page = request.lines[0].page
    if body is None and request.body is not None:
        ctx.set("body", request.body, request.lines)
    elif body is None and (request.meeting or (scanned and _MEETING_WORD.search(_joined(request.lines)))):
        message = "the request sentence names a meeting, but no body was read from it: check the body"
        ctx.warn(IssueCode.REQUEST_DOUBTFUL, message, page, field="body")
    elif body is not None and request.body is not None and request.body != body:
        message = f"the request sentence names the {request.body}, the head {body}: check the body"
        ctx.warn(IssueCode.REQUEST_DOUBTFUL, message, page, field="body")
    if kind is None and request.kind is not None:
        # Read here without a box set beside the sentence, where the type reader's lines had the
        # box's words inside it ("folgenden E-Mail Prüfantrag:").
        ctx.set("document_type", request.kind, request.lines)
    elif kind is None:
        message = "a request sentence opens the letter, but it names no type that was read: check the type"
        ctx.warn(IssueCode.REQUEST_DOUBTFUL, message, page, field="document_type")
    elif request.kind is not None and not _same_kind(str(kind), request.kind):
        message = f"the request sentence sends an {request.kind}, the head says {kind}: check the type"
        ctx.warn(IssueCode.REQUEST_DOUBTFUL, message, page, field="document_type")
