"""A paper that several factions or groups file together: its senders as it names them together."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ...layout.lines import Line
from ...text.normalize import fold_for_match, join_lines
from .closing import trailing_signature
from .heading import FILED_JOINTLY, Found, head_lines, several_groups
from .letter_fields import is_address_line
from .vocabulary import ReaderVocabulary

#: Words a wrapped list of senders breaks after: its next name is on the line below.
_OPEN_END = regex.compile(r"(?:\b(?:und|der|des|die|sowie)|[,/-])\s*$", regex.IGNORECASE)
#: The lines a head wraps a list of senders over.
_MAX_LINES = 3
#: The top share of page 1 where a paper names its senders.
_TOP_SHARE = 0.6


def _goes_on(text: str, line: Line, below: Line, vocab: ReaderVocabulary) -> bool:
    """Whether ``below`` goes on with the senders ``text`` of ``line`` that wrapped: right under
    it at its left edge in its size, alone on its line, after an open word or opening with a
    bracket, a small letter or a party's name."""
    if (
        below.page != line.page
        or len(below.segments()) != 1
        or below.top - line.bottom > 0.6 * line.size
        or abs(below.x0 - line.x0) > 2
        or abs(below.size - line.size) > 0.5
    ):
        return False
    first = below.text.lstrip()
    if _OPEN_END.search(text) or first[:1] in "(" or first[:1].islower():
        return True
    # A party's name opens the line or wrapped over it ("Fraktion Bündnis" over "90/Die Grünen"),
    # or the line names a member with the party ("Dr." over "Jens Schulz (GLP)").
    party = _party_name(tuple(vocab.parties))
    last = text.split()[-1] if text.split() else ""
    spans = party.match(f"{last} {first}")
    spans = spans if spans is not None and spans.end() > len(last) + 1 else None  # a name over the break
    return bool(party.match(first) or spans or vocab.party_re.search(first))


@lru_cache(maxsize=4)
def _party_name(parties: tuple[str, ...]) -> regex.Pattern[str]:
    """A party's name as a whole word at the start of a text."""
    return regex.compile(rf"(?:{'|'.join(regex.escape(p) for p in parties)})(?!\p{{L}})", regex.IGNORECASE)


def _wrapped(head: Sequence[Line], index: int, text: str, vocab: ReaderVocabulary) -> tuple[str, list[Line]]:
    """``text`` of ``head[index]`` with the lines it wraps onto."""
    lines = [head[index]]
    for below in head[index + 1 : index + _MAX_LINES]:
        if not _goes_on(text, lines[-1], below, vocab):
            break
        text = join_lines([text, below.text.strip()])
        lines.append(below)
    return text, lines


def joint_sender(lines: Sequence[Line], vocab: ReaderVocabulary, page_height: float = 842.0) -> Found | None:
    """The senders of a paper filed by several groups, as page 1 names them together above its
    text: after the type of a head line ("Gemeinsamer Antrag der Fraktionen SPD, Grüne und DIE
    LINKE" gives "Fraktionen SPD, Grüne und DIE LINKE"), or a sender line listing them
    ("SPD-Fraktion, Fraktion DIE LINKE und Gruppe Volt"), with the lines it wraps onto. Groups
    named each in a box of their own (letterheads side by side) are no joint naming."""
    page_one = [line for line in lines if line.page == 1]
    head = [line for line in head_lines(page_one, vocab) if line.top < page_height * _TOP_SHARE]
    for index, line in enumerate(head):
        segments = line.segments()
        if len(segments) != 1:
            continue  # letterheads or party marks side by side, a label at a tab stop
        text = line.text.strip()
        if vocab.matcher("address").match(text) or is_address_line(text):
            continue  # "An die Fraktionen SPD und CDU": the paper goes to them
        typed = vocab.type_re.match(text)
        if typed is not None and (filed := FILED_JOINTLY.match(text[typed.end() :])) is not None:
            senders, where = _wrapped(head, index, filed.group("senders"), vocab)
            if several_groups(senders, vocab):
                return senders, where
            continue
        if vocab.matcher("originator").match(text) or vocab.matcher("joint").match(text):
            senders, where = _wrapped(head, index, text, vocab)
            if several_groups(senders, vocab):
                return senders, where
    return None


@lru_cache(maxsize=4)
def _party_anywhere(parties: tuple[str, ...]) -> regex.Pattern[str]:
    """A party's name as whole words anywhere in a text, the longest first ("Bündnis 90/Die Grünen"
    before "Grüne")."""
    names = "|".join(regex.escape(p) for p in sorted(parties, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{names})(?![\p{{L}}])", regex.IGNORECASE)


def unnamed_signers(lines: Sequence[Line], sender: str, vocab: ReaderVocabulary) -> list[str]:
    """The parties whose groups sign the paper at its end ("Fraktion Bündnis 90/Die Grünen",
    "ÖDP-Fraktion", "Gruppe Die PARTEI" in blocks one under the other or side by side) that
    ``sender`` does not name, where two or more groups sign: a joint paper whose senders stand in
    its signatures only, read with the first group alone. Empty where one group signs."""
    body = [line for line in lines if not line.furniture and line.words]
    count = trailing_signature(body)
    party = _party_anywhere(tuple(vocab.parties))
    group = vocab.matcher("faction")
    signing: list[str] = []
    for line in body[len(body) - count :] if count else []:
        for segment in line.segments():
            text = " ".join(t.text for t in segment)
            if not group.search(text):
                continue  # a name or a role; members' parties in brackets sign as members
            for found in party.finditer(text):
                name = found.group(0)
                if all(fold_for_match(name) != fold_for_match(other) for other in signing):
                    signing.append(name)
    if len(signing) < 2:
        return []
    named = fold_for_match(sender)
    return [name for name in signing if fold_for_match(name) not in named]


def type_line_filer(lines: Sequence[Line], vocab: ReaderVocabulary, page_height: float = 842.0) -> Found | None:
    """Who files the paper as its type line names them, after the type and "der"/"des", on the
    same line or alone on the next ("Antrag der Fraktion der FDP"; "Schriftliche Kleine Anfrage der
    Abgeordneten Anna Meier und Jens Krüger (CDU) vom 27.02.24 und Antwort des Senats" gives "Anna
    Meier und Jens Krüger (CDU)"; "Mitteilung des Senats vom ..." gives "Senat"), with the lines
    it wraps onto, and the type line's text. The members' title, the question's date and the
    answer named after it are no part of the filer. None where no type line names a group, members
    with their party or an executive."""
    page_one = [line for line in lines if line.page == 1]
    head = [line for line in head_lines(page_one, vocab) if line.top < page_height * _TOP_SHARE]
    for index, line in enumerate(head):
        if len(line.segments()) != 1:
            continue
        text = line.text.strip()
        typed = vocab.type_re.match(text)
        if typed is None:
            continue
        rest, at = text[typed.end() :], index
        if not rest.strip() and index + 1 < len(head) and len(head[index + 1].segments()) == 1:
            # The type alone over its filer: "Schriftliche Anfrage" over "des Abgeordneten ... (SPD)".
            rest, at = " " + head[index + 1].text.strip(), index + 1
        filed = FILED_JOINTLY.match(rest)
        if filed is None:
            continue
        senders, where = _wrapped(head, at, filed.group("senders"), vocab)
        filer = _filer(senders, vocab)
        if filer is not None:
            return filer, [*head[index:at], *where]
    return None


def _filer(senders: str, vocab: ReaderVocabulary) -> str | None:
    """The filer of a type line's rest ``senders`` (:func:`type_line_filer`), None for no filer."""
    text = vocab.matcher("filer_tail").sub("", senders).strip()
    text = vocab.matcher("member_title").sub("", text).strip()
    if not text or len(text) > _MAX_FILER_CHARS or ":" in text or vocab.type_re.match(text):
        return None  # "der Anfrage der SPD-Fraktion": the paper answered, not the filer
    if vocab.changed_paper_re.search(text):
        return None  # "... der SPD-Fraktion zur Vorlage 0112/23": the subject of an amendment
    executive = next((e for e in vocab.executives if text in (e, f"{e}s", f"{e}es")), None)
    if executive is not None:
        return executive  # "des Senats"
    if vocab.matcher("joint").match(text) or vocab.matcher("faction").search(text):
        return text
    return text if _MEMBERS.search(text) and vocab.party_re.search(text) else None


#: Members named with their party in brackets: "Anna Meier und Jens Krüger (CDU)".
_MEMBERS = regex.compile(r"^\p{Lu}[\p{L}.'-]*\s+\p{Lu}.*\(\s*[^()]{1,40}\)$")
#: A filer's name is short; a sentence after the type is running text.
_MAX_FILER_CHARS = 200
