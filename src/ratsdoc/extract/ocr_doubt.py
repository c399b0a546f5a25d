"""Doubt from OCR: a cover field whose value was read over a word that Tesseract read unsure
(:mod:`ratsdoc.ocr.confidence`), or beside a mark that OCR left out of the text (a pen stroke
through the letterhead takes its words with it), or a date whose year a mark cut short, gets a
``value_uncertain`` warning naming the field, so that a misread or cut value is never a silent
wrong value, and the review lowers the field's confidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token
from ..models import Provenance
from ..ocr.confidence import OcrDoubt
from ..text.dates import ocr_month
from ..text.normalize import fold_for_match
from .context import Context

#: The cover fields checked: their value stands in a few words, so one unsure word matters.
FIELDS = ("number", "title", "document_type", "date", "originator", "faction", "body")
#: A word read with less confidence than this (0..100) puts a field read over it in doubt.
#: Tesseract gives clean print 85-96 and a word it guessed at (a letter under a stamp, "rn"
#: for "m") 20-60 on the generated scans; between them are words read right with a speck
#: beside them, which should not warn.
FIELD_DOUBT_BELOW = 60.0


def _part_of(word: OcrDoubt, value: object) -> bool:
    """Whether ``word`` went into ``value``: for a date a word with a digit or a month's name,
    for a text a word that stands in it (case and accents folded; a hyphenated piece too)."""
    if isinstance(value, dt.date):
        return any(ch.isdigit() for ch in word.text) or ocr_month(word.text.strip(".,")) is not None
    if not isinstance(value, str):
        return False
    # A title's "ı" became "i" (extract/ocr_noise.py): the unsure word is still part of it.
    core = fold_for_match(word.text.strip(".,:;()-–").replace("ı", "i"))
    return bool(core) and core in fold_for_match(value)


def field_doubts(doubts: Sequence[OcrDoubt], value: object, where: Sequence[Provenance]) -> list[OcrDoubt]:
    """The unsure words (under :data:`FIELD_DOUBT_BELOW`) inside the boxes ``where`` of a field
    that went into its ``value``, least sure first."""
    found = [
        word
        for word in doubts
        if word.confidence < FIELD_DOUBT_BELOW
        and any(word.inside(p.page, (p.bbox.x0, p.bbox.top, p.bbox.x1, p.bbox.bottom)) for p in where)
        and _part_of(word, value)
    ]
    return sorted(found, key=lambda word: word.confidence)


#: A region whose words were dropped cut a field's line when it overlaps the line's band by this
#: share of the line's height, over the line or within this many line heights of its ends.
_BAND_SHARE, _REACH = 0.5, 2.0


def cut_by(region: OcrDoubt, where: Provenance) -> bool:
    """Whether the dropped ``region`` took words from the line ``where`` was read from: it
    stands in the line's band, over the line or just before or after it."""
    line = where.bbox
    height = max(line.bottom - line.top, 1.0)
    # A title over two lines has one box two lines high: a region over one of its lines covers
    # half of the region's height, not half of the box's.
    band = min(height, max(region.bottom - region.top, 1.0))
    if region.page != where.page or min(region.bottom, line.bottom) - max(region.top, line.top) < _BAND_SHARE * band:
        return False
    return region.x1 >= line.x0 - _REACH * height and region.x0 <= line.x1 + _REACH * height


#: Letters OCR read apart where a stamp or a pen covers a word ("der F i r Weimarische" for "der
#: Feuerwache in der Weimarische"), read with confidence: two one-letter words in a row, or one
#: small letter alone (German has no one-letter words; "x" stands for "times", "§ 24 a" is a
#: rule).
_FRAGMENTS = regex.compile(r"(?<!\S)(?:\p{L}(?:\s+\p{L})+|(?<!\d\s)[a-wyzäöüß])(?!\S)")
#: Fields whose values are words, where a word broken into letters is a misreading.
WORD_FIELDS = ("title", "originator", "body")


#: Small words a sender's or a body's name holds in small letters or as two letters ("Fraktion
#: im Rat der Stadt", "Bezirksvertretung Am Wald"); any other word of small letters, a lone letter
#: or two letters in title case there is a piece of a word that worn toner or a stamp cut
#: ("E in der Bezirksvertretung", "in der Be", "in der irksvertretung").
_NAME_SMALL_WORDS = frozenset(
    {"am", "an", "auf", "aus", "bei", "das", "dem", "den", "der", "des", "die", "für", "im", "in", "mit", "ob", "und"}
    | {"vom", "von", "vor", "zu", "zum", "zur"}
)
_NAME_FIELDS = ("originator", "body")


def name_fragment(value: str) -> str | None:
    """The first word of a sender's or a body's name that is a piece of a word (see
    :data:`_NAME_SMALL_WORDS`), or None."""
    for word in value.split():
        core = word.strip(",.;:()\"'„“")
        if not core or not core.isalpha() or core.lower() in _NAME_SMALL_WORDS:
            continue
        if len(core) == 1 or (len(core) == 2 and core[0].isupper() and core[1].islower()) or core[0].islower():
            return core
    return None


def warn_fragments(ctx: Context) -> set[str]:
    """Warn about every word field read on an OCRed page with letters standing apart in it, and
    about a sender or body whose name holds a piece of a word; returns the fields warned."""
    warned = set()
    for name in WORD_FIELDS:
        value = ctx.fields.values.get(name)
        where = ctx.fields.provenance.get(name) or []
        if not isinstance(value, str) or not any(p.page in ctx.layout.ocr_pages for p in where):
            continue
        found = _FRAGMENTS.search(value)
        piece = name_fragment(value) if name in _NAME_FIELDS and found is None else None
        if found is not None:
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"{name} may be misread: OCR read {found.group()!r} as letters apart, as it reads a word "
                "under a stamp or a pen mark",
                where[0].page,
                field=name,
            )
        elif piece is not None:
            message = (
                f"{name} may be incomplete: {piece!r} is a piece of a word (worn print, a stamp or a mark over it)"
            )
            # The faction is told from the sender's name: the same piece is in it.
            for each in (name, "faction") if name == "originator" and ctx.fields.values.get("faction") else (name,):
                ctx.warn(IssueCode.VALUE_UNCERTAIN, message, where[0].page, field=each)
                warned.add(each)
        else:
            continue
        warned.add(name)
    return warned


#: Words of a title line follow each other at a word's gap; a gap wider than this many times the
#: line's size inside the title is where a stamp or a pen hid words.
_HOLE = 1.5
_WORDLIKE = regex.compile(r"[\p{L}\d]")


def warn_holes(ctx: Context) -> set[str]:
    """Warn about a title or sender read on an OCRed page with a wide gap between two of its
    words on one line ("Sanierung der Schule am      im Ortsteil"): OCR read nothing where a
    stamp, a pen or worn toner hid words. Returns the fields warned."""
    warned: set[str] = set()
    for name in ("title", "originator"):
        if _warn_hole(ctx, name):
            warned.add(name)
    if "originator" in warned and ctx.fields.values.get("faction") is not None:
        ctx.warn(IssueCode.VALUE_UNCERTAIN, "faction is told from a sender line with a gap in it", field="faction")
        warned.add("faction")
    return warned


def _pair_size(line: Line, a: Token, b: Token) -> float:
    """The type size between the words ``a`` and ``b`` of ``line``: the line's, or the taller of
    the two words' boxes where that is less (a pen stroke through the line made it tall)."""
    return min(line.size, max(a.bottom - a.top, b.bottom - b.top))


#: A label opens a line within this many words ("Betreff:", "Be   f:").
_LABEL_WORDS = 3


def _warn_hole(ctx: Context, name: str) -> bool:
    value = ctx.fields.values.get(name)
    where = [p for p in ctx.fields.provenance.get(name) or [] if p.page in ctx.layout.ocr_pages]
    if not isinstance(value, str) or not where:
        return False
    for line in ctx.lines:
        words = [
            t
            for t in line.words
            if _WORDLIKE.search(t.text)  # a speck read as "." beside the title is no word
            and any(
                p.page == line.page
                and p.bbox.x0 <= (t.x0 + t.x1) / 2 <= p.bbox.x1
                and p.bbox.top <= (t.top + t.bottom) / 2 <= p.bbox.bottom
                for p in where
            )
        ]
        # A label opening the line is no part of the value: the gap a mark left inside it ("Be
        # f:" of "Betreff:") is not one in the value.
        label = next((k for k, t in enumerate(words[:_LABEL_WORDS]) if t.text.endswith(":")), None)
        if label is not None and words[label].text not in value.split():
            words = words[label + 1 :]
        # A mark crossing the line makes its box tall: the two words' own height measures it.
        hole = next((b for a, b in pairwise(words) if b.x0 - a.x1 > _HOLE * _pair_size(line, a, b)), None)
        if hole is not None:
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"{name} may be incomplete: a gap before {hole.text!r} on page {line.page} where OCR read no words "
                "(a stamp, a mark or worn print over them)",
                line.page,
                field=name,
            )
            return True
    return False


#: Something standing right after a title's last word, within this many of the line's sizes
#: to its right and this many line heights above or below, is a mark over its end: a stamp's
#: frame took the word's last letters ("Lessingp" for "Lessingplatz") and OCR read them with
#: its frame, or not at all.
_BESIDE, _BESIDE_ABOVE, _BESIDE_BELOW = 3.0, 0.5, 1.5


def warn_mark_at_end(ctx: Context, name: str = "title") -> bool:
    """Warn about a title read on an OCRed page whose last line ends where other words begin
    right beside it, over or just under it (a stamp, a note): words of its end may be under
    the mark. Returns whether it warned."""
    value = ctx.fields.values.get(name)
    where = [p for p in ctx.fields.provenance.get(name) or [] if p.page in ctx.layout.ocr_pages]
    if not isinstance(value, str) or not where:
        return False
    owned = [(line, _inside(line, where)) for line in ctx.lines if line.page == where[-1].page]
    owned = [(line, words) for line, words in owned if words]
    if not owned:
        return False
    last, words = max(owned, key=lambda item: item[0].top)
    end, size, height = words[-1].x1, last.text_size, max(last.bottom - last.top, 1.0)
    for line in ctx.lines:
        if line.page != last.page or line.furniture or any(line is other for other, _ in owned):
            continue
        if not (last.top - _BESIDE_ABOVE * height < line.bottom and line.top < last.bottom + _BESIDE_BELOW * height):
            continue
        for segment in line.segments():
            if end <= segment[0].x0 <= end + _BESIDE * size and any(_WORDLIKE.search(t.text) for t in segment):
                ctx.warn(
                    IssueCode.VALUE_UNCERTAIN,
                    f"{name} may be incomplete at its end: {segment[0].text!r} stands right after "
                    f"{words[-1].text!r} on page {line.page} (a stamp or a note over the line's end?)",
                    line.page,
                    field=name,
                )
                return True
    return False


#: A title line starting this many of its sizes right of the lines before and after it lost its
#: first words under a mark (a title's lines start under each other).
_INDENT = 1.5


def warn_hidden_start(ctx: Context, name: str = "title") -> bool:
    """Warn about a title read on an OCRed page with a line that starts right of the lines
    before and after it: its first words were under a stamp or a pen. Returns whether it warned."""
    where = [p for p in ctx.fields.provenance.get(name) or [] if p.page in ctx.layout.ocr_pages]
    if not isinstance(ctx.fields.values.get(name), str) or not where:
        return False
    starts = [(line, words[0]) for line in ctx.lines if (words := _inside(line, where))]
    for (_, before), (line, first), (_, after) in zip(starts, starts[1:], starts[2:], strict=False):
        size = line.text_size
        if first.x0 - max(before.x0, after.x0) > _INDENT * size:
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"{name} may be incomplete: its line at {first.text!r} on page {line.page} starts right of "
                "the lines around it (its first words under a stamp or a mark?)",
                line.page,
                field=name,
            )
            return True
    return False


#: A wrapped line is ended by the printer only when the next word would not fit: a title line
#: whose end and the next line's first word (with a word's gap of this many of the line's sizes)
#: stay this many sizes short of the right edge of the title's wrapped lines lost words at its
#: end under a mark (the slack absorbs OCR's word boxes, a few points off).
_GAP, _SLACK = 0.3, 0.5
#: A line ending in one of these signs may be ended on purpose ("... €)" before "hier: ..."), and
#: one ending in a hyphen broke a word that did not fit as a whole ("Bau-" of "Baumaßnahme").
_CLOSING = ".,:;)!?-¬"


def warn_short_line(ctx: Context, name: str = "title") -> bool:
    """Warn about a title read on an OCRed page with a line that ends where the next line's first
    word would still have fitted: words at its end were under a stamp or a mark ("(voraussichtliche"
    then "474.000,00 €)" where "Kosten ca." stood). Returns whether it warned."""
    where = [p for p in ctx.fields.provenance.get(name) or [] if p.page in ctx.layout.ocr_pages]
    if not isinstance(ctx.fields.values.get(name), str) or not where:
        return False
    owned = [(line, words) for line in ctx.lines if (words := _inside(line, where))]
    if len(owned) < 2:
        return False
    # The column's right edge is at least where a wrapped line ends; the last line may be a
    # paragraph of its own set wider ("hier: ..."), and ends where its words end anyway.
    edge = max(words[-1].x1 for _, words in owned[:-1])
    for (line, words), (following, next_words) in pairwise(owned):
        if following.page != line.page or words[-1].text[-1:] in _CLOSING:
            continue
        size = line.text_size
        first = next_words[0]
        if words[-1].x1 + _GAP * size + (first.x1 - first.x0) < edge - _SLACK * size:
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"{name} may be incomplete: its line ending at {words[-1].text!r} on page {line.page} ends "
                f"where {first.text!r} would have fitted (words at its end under a stamp or a mark?)",
                line.page,
                field=name,
            )
            return True
    return False


def _inside(line: Line, where: Sequence[Provenance]) -> list[Token]:
    """The words of ``line`` whose middle lies in one of the boxes ``where``."""
    return [
        t
        for t in line.words
        if any(
            p.page == line.page
            and p.bbox.x0 <= (t.x0 + t.x1) / 2 <= p.bbox.x1
            and p.bbox.top <= (t.top + t.bottom) / 2 <= p.bbox.bottom
            for p in where
        )
    ]


#: A date whose year is two digits that begin every year of a century ("19.08.20" where a stamp's
#: frame hid the "22" of "19.08.2022"): read as the year 2020, it may have lost its end.
_CUT_YEAR = regex.compile(r"^\d{1,2}\.\d{1,2}\.(?:19|20)$")


def warn_cut_year(ctx: Context) -> bool:
    """Warn about a date read on an OCRed page from a word whose year is "19" or "20" alone: the
    year's last digits may be under a mark (:data:`_CUT_YEAR`). Returns whether it warned."""
    where = [p for p in ctx.fields.provenance.get("date") or [] if p.page in ctx.layout.ocr_pages]
    if not isinstance(ctx.fields.values.get("date"), dt.date) or not where:
        return False
    for line in ctx.lines:
        cut = next((t for t in _inside(line, where) if _CUT_YEAR.match(t.text.rstrip(",;:"))), None)
        if cut is not None:
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"date may be cut: its year was read as {cut.text.rsplit('.', 1)[-1]!r} on page {line.page}, "
                "the first digits of a year (its end under a stamp or a mark?)",
                line.page,
                field="date",
            )
            return True
    return False


def warn_ocr_doubts(ctx: Context) -> None:
    """Warn about every cover field read over a word OCR was unsure of, or from a line that
    lost words OCR dropped as no regular text (a pen stroke through the letterhead), or with
    a word OCR broke into letters, a gap where a mark hid words or a line ended too soon."""
    warned = warn_fragments(ctx) | warn_holes(ctx)
    if warn_cut_year(ctx):
        warned.add("date")
    if "title" not in warned and (warn_hidden_start(ctx) or warn_mark_at_end(ctx) or warn_short_line(ctx)):
        warned.add("title")
    doubts = ctx.layout.ocr_doubts
    if not doubts:
        return
    regions = [region for region in doubts if region.dropped]
    for name in FIELDS:
        value = ctx.fields.values.get(name)
        where = ctx.fields.provenance.get(name) or []
        if value is None or not where or name in warned:
            continue
        cut = next((region for region in regions for p in where if cut_by(region, p)), None)
        if cut is not None:
            message = (
                f"{name} may be incomplete: OCR left words out of its line at ({cut.x0:.0f}, {cut.top:.0f}) pt "
                f"on page {cut.page} (a mark, not regular text)"
            )
            # The faction is told from the sender's line: a cut line may have taken its "Fraktion".
            for each in (name, "faction") if name == "originator" else (name,):
                ctx.warn(IssueCode.VALUE_UNCERTAIN, message, cut.page, field=each)
            continue
        unsure = field_doubts(doubts, value, where)
        if unsure:
            word = unsure[0]
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"{name} may be misread: OCR read {word.text!r} on page {word.page} with confidence "
                f"{word.confidence:.0f} of 100",
                word.page,
                field=name,
            )
