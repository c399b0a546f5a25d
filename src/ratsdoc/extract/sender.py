"""The sender of a paper on its cover: an office letter's head, the letterhead's first line, or a
page-1 line that names a faction, board or office (the cover stage's originator and faction)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token, tokens_text
from ..plausibility import originator_problem
from ..text.dates import iter_dates
from .context import GUESSED, Context
from .generic import is_address
from .generic.letter_fields import (
    bare_town_goes_on,
    forwarded_letter_page,
    is_address_line,
    town_below,
    unit_of_head,
    window_sender,
)
from .generic.office import office_originator
from .generic.vocabulary import reader_vocabulary
from .letter_furniture import logo_like
from .ocr_noise import body_words
from .scan_cover import cut_word, goes_on_apart, read_on_elsewhere, worn_apart

#: A full stop and a new sentence inside a segment: running text, not a sender line.
_SENTENCE_INSIDE = regex.compile(r"\p{Ll}{2}\.\s+\p{Lu}\p{Ll}")


#: On a scan, a mark OCR read above the letterhead ("VMN", a pen's initials) may come first:
#: the sender is then the first of this many top lines that names a group.
_LETTERHEAD_CANDIDATES = 3


def _letterhead(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> tuple[Line, list[Token]] | None:
    """The first line with a word (no logo read as "ur" or "~-~Stadt Erlangen") when it names the
    sender: near the top, short, no date. On a scan a later top line that names a group wins
    over a first one that does not (initials or a stamp's letters over the letterhead)."""
    worded = [s for s in segments if regex.search(r"\p{L}{3}", tokens_text(s[2])) and not logo_like(tokens_text(s[2]))]
    height = ctx.layout.pages[0].height if ctx.layout.pages else 842.0
    heads = [
        (line, seg)
        for _, line, seg in worded[:_LETTERHEAD_CANDIDATES]
        if line.page == 1
        and line.top < 0.2 * height
        and len(seg) <= 8
        and next(iter_dates(tokens_text(seg)), None) is None
        and not ctx.profile.label("salutation", fuzzy=0).match(tokens_text(seg))
        and not is_address(tokens_text(seg))
    ]
    if not heads or heads[0][1] is not worded[0][2]:
        return None  # the first worded line is no letterhead: as before, no sender from it
    line, seg = heads[0]
    if line.page in ctx.layout.ocr_pages and not _names_group(ctx, tokens_text(seg)):
        line, seg = next(((ln, sg) for ln, sg in heads[1:] if _names_group(ctx, tokens_text(sg))), (line, seg))
    return line, worn_apart(line, seg) if line.page in ctx.layout.ocr_pages else seg


def _names_group(ctx: Context, text: str) -> bool:
    """Whether ``text`` names a faction, board or office as the profile knows them."""
    return bool(ctx.profile.originator_re.match(text) or ctx.profile.faction_re.search(text))


def _forwards_letter(ctx: Context, letterhead: str) -> bool:
    """Whether page 1 is an administration's cover sheet (``letterhead`` names the city) over a
    letter that opens on page 2."""
    return bool(reader_vocabulary().matcher("administration").match(letterhead)) and (
        forwarded_letter_page(ctx.lines) is not None
    )


def read_sender(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> None:
    """Set the originator and its faction from the cover ``segments`` (page, line, tokens): an
    office letter's head, the letterhead's first line where the profile reads it, else the first
    page-1 line that names a faction, board or office; neither: both None."""
    if office_originator(ctx):  # an office letter's head names its sender office first
        return
    head = _letterhead(ctx, segments) if ctx.profile.originator_from_letterhead else None
    if head is not None and _forwards_letter(ctx, tokens_text(head[1])):
        # The administration's cover sheet over a letter it forwards (a citizen's
        # Einwohnerantrag): the letter's sender, which the generic reader finds, sent the paper.
        ctx.set("originator", None, [])
        ctx.set("faction", None, [])
        return
    if head is not None:
        line, seg = _unit_under(segments, head)
        text = tokens_text(seg)
        where: list[tuple[int, Sequence[Token]]] = [(line.page, seg)]
        index = next((i for i, ln, _ in segments if ln is line), None)
        town = town_below(ctx.lines, index, seg, reader_vocabulary()) if index is not None else None
        if town is not None:  # "... im Rat der Stadt" over "Bielefeld": the name goes on
            text = f"{text} {tokens_text(town.words)}"
            where.append((town.page, town.words))
        ctx.set("originator", text, where, GUESSED)
        faction = text if ctx.profile.faction_re.search(text) else None
        ctx.set("faction", faction, where if faction else [], GUESSED)
        if line.page in ctx.layout.ocr_pages:
            _warn_cut(ctx, line, seg, text, faction is not None)
        return
    vocab = reader_vocabulary()
    for k, (_, line, seg) in enumerate(segments):
        if line.page != 1:
            break
        text = tokens_text(seg)
        unit = unit_of_head(text, vocab) if len(text) <= 160 else None
        if unit is not None:  # "Stadt Köln – Der Oberbürgermeister – Amt für ...": the office writes
            where = [(line.page, seg)]
            below = next((each for each in segments[k + 1 :] if each[1] is not line), None)
            if below is not None and _head_goes_on(text, line, below[1]):
                # The head wrapped ("... Dezernat Umwelt" over "und Mobilität, Amt für ..."):
                # its last unit is on the next line.
                unit = unit_of_head(f"{text} {tokens_text(below[2])}", vocab) or unit
                where.append((below[1].page, below[2]))
            ctx.set("originator", unit, where)
            ctx.set("faction", None, [])
            return
        if vocab.named_sender(text):
            break  # "Birgit Wolff, FDP-Fraktion": the generic reader splits member and faction
        if _addressed(line, seg):
            continue  # "An:   Rechnungsprüfungsamt": the office the paper goes to
        # "Stadtteilbeirat:" is a label whose value follows, not an originator.
        # Length first: the combined originator pattern is costly on long lines.
        if (
            len(text) <= 120
            and not text.endswith(":")
            and not _SENTENCE_INSIDE.search(text)
            and not is_address(text)
            and ctx.profile.originator_re.match(text)
            # A line of running text that opens with an office ("Amt für Bildung hat die ...",
            # its sentence begun on the line above) is no sender line; a later line may be.
            and originator_problem(text) is None
        ):
            # The sender line of an address window: "CSU-Fraktion, Rathausplatz 1, 91052 Erlangen".
            text = window_sender(text)
            line, seg = _last_unit(segments, k)
            text = tokens_text(seg) if seg is not segments[k][2] else text
            where = [(line.page, seg)]
            below = next((each for each in segments[k + 1 :] if each[1] is not line), None)
            # The lines under the place's: one of them names it as a place (an address, a date line).
            after = [ln for _, ln, _ in segments[k + 1 :] if ln is not line and (below is None or ln is not below[1])]
            if seg is segments[k][2] and below is not None and _place_goes_on(text, line, below[1], after):
                # "Fraktion ... im Rat der Stadt" over "Düsseldorf": the sender's place wrapped.
                text = f"{text} {tokens_text(below[2])}"
                where.append((below[1].page, below[2]))
            ctx.set("originator", text, where)
            faction = text if ctx.profile.faction_re.search(text) else None
            ctx.set("faction", faction, where if faction else [])
            return
    ctx.set("originator", None, [])
    ctx.set("faction", None, [])


#: Words a head line wrapped after: the unit's name goes on below.
_OPEN_WORDS = frozenset({"und", "für", "sowie", "der", "des", "–", "-"})


def _head_goes_on(text: str, line: Line, below: Line) -> bool:
    """Whether ``below`` goes on with the head ``text`` of ``line`` that wrapped: right under it
    at its left edge, alone on its line, and starting in lower case or after a word no name ends
    on."""
    words = text.split()
    return (
        below.page == line.page
        and len(below.segments()) == 1
        and below.top - line.bottom <= 0.5 * min(below.size, line.size)
        and abs(below.x0 - line.x0) <= 2
        and bool(words)
        and (below.text[:1].islower() or words[-1] in _OPEN_WORDS or text.rstrip().endswith((",", "-")))
    )


#: The place's name under it: one to three capitalised words.
_PLACE_LINE = regex.compile(r"^\p{Lu}[\p{L}.-]*(?:\s+(?:\p{Lu}[\p{L}.()-]*|an|am|im|in|ob|der|dem)){0,3}$")


def _place_goes_on(text: str, line: Line, below: Line, after: Sequence[Line]) -> bool:
    """Whether ``below`` holds the place's name of the sender ``text`` on ``line`` that broke
    before it ("... im Rat der Stadt" over "Düsseldorf", "... im Rat" over "der Stadt Essen", "...
    in der Stadtverordnetenversammlung" over "Potsdam" that a line ``after`` it names as a place):
    right under it at its left edge, in its type size, alone on its line."""
    vocab, rest = reader_vocabulary(), below.text.strip()
    place = (
        (vocab.before_town_re.search(text.rstrip()) is not None and _PLACE_LINE.match(rest) is not None)
        or vocab.town_line_re.match(rest) is not None
        or (vocab.after_body_re.search(text.rstrip()) is not None and bare_town_goes_on(rest, after))
    )
    return (
        place
        and below.page == line.page
        and len(below.segments()) == 1
        and abs(below.x0 - line.x0) <= 2
        and abs(below.text_size - line.text_size) <= 0.5
        and below.top - line.bottom <= 0.6 * line.text_size
    )


def _addressed(line: Line, seg: list[Token]) -> bool:
    """Whether ``seg`` is the value of an addressee label before it on its line ("An:",
    "Verteiler:"), at a tab stop or in a grid's cell."""
    segments = line.segments()
    at = next((i for i, each in enumerate(segments) if each and seg and each[0] is seg[0]), 0)
    return at > 0 and reader_vocabulary().matcher("addressee").match(tokens_text(segments[at - 1])) is not None


#: A unit's line under another stands this close below it (times its size) and this close to its left edge.
_UNIT_GAP, _UNIT_INDENT = 1.0, 12.0


def _unit_under(
    segments: list[tuple[int, Line, list[Token]]], head: tuple[Line, list[Token]]
) -> tuple[Line, list[Token]]:
    """The sender of a letterhead whose first line names the city's administration ("Stadt
    Münster"): the last unit of the administration on the lines right under it ("Der
    Oberbürgermeister" over "Dezernat II" over "Amt für Schulentwicklung"), the office that
    writes; the first line itself where no unit follows."""
    vocab = reader_vocabulary()
    line, seg = head
    if not vocab.matcher("administration").match(tokens_text(seg)):
        return head
    found = head
    executive = vocab.matcher("letterhead")
    unit = vocab.matcher("unit")
    above = line
    for _, below, each in segments:
        if below.page != line.page or below.top <= line.top or below is above:
            continue
        text = tokens_text(each)
        if (
            len(below.segments()) != 1
            or below.top - above.bottom > _UNIT_GAP * max(below.size, above.size)
            or abs(below.x0 - line.x0) > _UNIT_INDENT
            or len(text) > 80
            # "Amt für Verkehr · Rathausplatz 8 · 79098 Freiburg" says where the office sits: the
            # letterhead's name above it sends the paper.
            or is_address_line(text)
        ):
            break
        if unit.match(text):
            found = below, each
        elif not executive.search(text):
            break
        above = below
    return found


def _last_unit(segments: list[tuple[int, Line, list[Token]]], k: int) -> tuple[Line, list[Token]]:
    """The sender's line at ``segments[k]``, or where it names a unit of an administration with
    more units on the lines right under it ("Dezernat IV" over "Amt für Straßen und Verkehr"),
    the last of them: the office that writes."""
    vocab = reader_vocabulary()
    unit = vocab.matcher("unit")
    _, line, seg = segments[k]
    if not unit.match(tokens_text(seg)):
        return line, seg
    for _, below, each in segments[k + 1 :]:
        if (
            below.page != line.page
            or len(below.segments()) != 1
            # A scan measures the lines' sizes unevenly: the gap is taken in the larger.
            or below.top - line.bottom > _UNIT_GAP * max(below.size, line.size)
            or abs(below.x0 - line.x0) > _UNIT_INDENT
            or not unit.match(tokens_text(each))
            or len(tokens_text(each)) > 80
        ):
            break
        line, seg = below, each
    return line, seg


def _warn_cut(ctx: Context, line: Line, seg: list[Token], text: str, has_faction: bool) -> None:
    """Warn on the sender read from the OCRed letterhead ``line`` (and on its faction) where OCR
    may have cut it: the line goes on after a gap read as nothing, ends in the start of a body's
    word ("AfD-Frakti": the faction, unread, is unknown too), or its next words were read into
    another line."""
    names: tuple[str, ...] = ("originator", "faction") if has_faction else ("originator",)
    if goes_on_apart(ctx, line, seg):
        reason = f"the sender's line {line.text!r} goes on after a gap OCR read nothing in"
    elif word := cut_word(text, body_words(reader_vocabulary().bodies)):
        reason, names = f"the sender's line {line.text!r} ends in the start of {word!r}", ("originator", "faction")
    elif read_on_elsewhere(ctx.lines, line, seg):
        reason = f"OCR read the words right after {text!r} into another line"
    else:
        return
    for name in names:
        ctx.warn(IssueCode.VALUE_UNCERTAIN, f"{name} may be cut: {reason}", line.page, field=name)
