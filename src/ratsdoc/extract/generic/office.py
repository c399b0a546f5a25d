"""The head of a letter between offices of an administration (Schreiben einer Dienststelle):
the sender as a bare office designation ("14" over "142", "Rechnungsprüfungsamt"), the
information block to the right of the receiver ("Ihr Schreiben vom ... / Mein Zeichen ... /
Datum: 16.06.2008") and the subject block in the office style of DIN 5008, whose last line
refines it ("Kauf eines Schleppers ..." over "hier: Bedarfsprüfung")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from ...issues import IssueCode
from ...layout.lines import Line
from ...text.dates import iter_dates
from ...text.lookalikes import label_confusions
from ...text.normalize import join_lines
from ..context import GUESSED, WEAK, Context, within
from ..doubt import default_type_basis
from ..fax_lines import is_fax_line
from ..stamp_dates import is_stamp_date
from .closing import DATELINE, is_closing
from .heading import LABEL_LIKE, box_rows, head_lines, is_addressed_type, side_box
from .refinement import is_refinement
from .vocabulary import ReaderVocabulary, reader_vocabulary

#: The own date of a letter in its information block: "Datum: 16.06.2008", "Datum 16.06.2008".
_DATE_LABEL = regex.compile(r"(?<!\p{L})Datum\s*:?\s*(?P<date>\S.{0,12})", regex.IGNORECASE)
#: The label misread by OCR must keep its colon ("Datuin: 30.8.23"): without it, a word that
#: one confusion makes "Datum" is no label.
_MISREAD_LABEL = regex.compile(r"(?<!\p{L})Datum\s*:\s*(?P<date>\S.{0,12})", regex.IGNORECASE)
#: How far into a segment a misread label may start.
_LABEL_REACH = 12
#: A day written in by hand stands apart from the typed rest: "16 .06.2008".
_HAND_GAP = regex.compile(r"(?<=^\S{1,2})\s+(?=\.)")
#: A place before the date: "Köln, 16.06.2008", "Köln, den 16.06.2008".
_PLACE_BEFORE = regex.compile(r"(?:^|\s)\p{Lu}[\p{L}.-]+(?:\s+\p{L}[\p{L}.-]*){0,3},\s*(?:den\s+)?$")
#: What an information block cites, never the letter's own date: "Ihr Schreiben vom 05.06.2008",
#: "Ihr Zeichen", "Unser Zeichen", "Mein Zeichen", "Eingang"; on a scan "Schreiben" whose first
#: letters a stamp or worn toner took with "Ihr ... vom" ("hreiben 30.06.2025").
_CITED = regex.compile(r"\b(?:Ihr|Ihre|Unser|Mein|Meine|vom|Eingang|(?:s?c)?hreiben)\b", regex.IGNORECASE)
#: A date whose day OCR or a hand could not make out: ".06.2008", "__.06.2008", "1?.06.2008".
_DAYLESS = regex.compile(r"^\s*[\p{P}\p{S}\p{L}\d]{0,2}\s*\.\s?(?:0?[1-9]|1[0-2])\.\s?(?:19|20)\d{2}\s*$")
#: Labels of a letter's information block, also half misread ("MerZeichen").
_INFO_LABEL = regex.compile(r"(?:Datum|Zeichen|Schreiben\s+vom|Aktenzeichen)\b", regex.IGNORECASE)
#: An intake stamp's date: the month's abbreviation in capitals ("12. OKT 2021").
_STAMP_DATE = regex.compile(r"\d{1,2}\.?\s*\p{Lu}{3}\.?\s*(?:19|20)\d{2}")
#: A subject block has at most this many lines.
_MAX_SUBJECT_LINES = 4
#: What a page number at the top of page 1 reads.
_PAGE_ONE = frozenset({"1", "- 1 -", "-1-"})
#: A letterhead naming a faction among this many first lines makes a letter no office letter.
_GROUP_LINES = 2
#: The head: the lines of page 1 read for the sender and the information block.
_HEAD_LINES = 25


def office_head(lines: Sequence[Line], vocab: ReaderVocabulary) -> tuple[str, Line] | None:
    """The first line of page 1 when it is a bare office designation ("14", "142",
    "Rechnungsprüfungsamt", "Kämmerei"): the sender of an office letter as printed. The receiver
    printed lower down ("44") is never taken: only the topmost line counts. ``lines`` include the
    furniture: a bare number at the top of the page looks like a page number, but only "1" can
    be the page number of page 1. A fax's transmission line over it is no line of the letter."""
    first = next(
        (line for line in lines if line.page == 1 and line.words and not (line.furniture and is_fax_line(line.text))),
        None,
    )
    if first is None or (first.furniture and first.text.strip() in _PAGE_ONE):
        return None
    segments = first.segments()
    text = " ".join(t.text for t in segments[0]).strip()
    return (text, first) if vocab.matcher("office").match(text) else None


def office_originator(ctx: Context) -> bool:
    """Set the originator of an office letter: the bare office designation heading page 1 ("14"
    over "142"), when the head has a letter's information block or subject refinement; whether set."""
    lines = [line for line in ctx.lines if line.page == 1 and line.words]
    vocab = reader_vocabulary()
    head = office_head(lines, vocab)
    body = [line for line in lines if not line.furniture]
    if head is None or not _letter_head(body):
        return False
    if any(vocab.matcher("faction").search(line.text) for line in body[:_GROUP_LINES] if line is not head[1]):
        return False  # a faction's letterhead under a speck read as "2": no office letter
    ctx.set("originator", head[0], [head[1]])
    ctx.set("faction", None, [])
    return True


def fill_office_date(ctx: Context) -> None:
    """The date of a letter whose head has no dateline: the one of its information block, with
    a warning where only the month and year can be read ("Datum: .06.2008")."""
    # A subject ending on a date ("nach dem Beschluss vom" over "04.01.2023") holds no date of
    # the letter, and neither does a row of its Beratungsfolge (claimed by that table).
    titled = ctx.fields.provenance.get("title") or []
    lines = [
        line
        for index, line in enumerate(ctx.lines)
        if line.page == 1
        and not line.furniture
        and line.words
        and index not in ctx.claimed
        and not within(line, titled)
    ]
    head = head_lines(lines)
    # The box beside the flow may run down past the salutation, its date beside the text's first
    # lines ("Datum" over "24.08.2023" in a sender column): its rows there belong to the head.
    box = box_rows(lines[len(head) :], side_box(lines))
    found = info_date([*head, *box], ocr=1 in ctx.layout.ocr_pages)
    if found is None:
        return
    date, line = found
    if date is None:
        ctx.warn(IssueCode.DATE_UNREADABLE, "the letter's date has no readable day", line.page, field="date")
        return
    ctx.set("date", date, [line], GUESSED)


def letter_type(ctx: Context) -> None:
    """Type a letter that names no type of its own (no "Antrag", "Stellungnahme", ...) as a
    letter ("Brief", eval/real/README.md): a paper headed by an office designation over a
    letter's head, or with a dated head that opens with a salutation or ends with a closing."""
    vocab = reader_vocabulary()
    if ctx.fields.values.get("document_type") is not None or not vocab.letter_type:
        return
    lines = [line for line in ctx.lines if not line.furniture and line.words]
    page_one = [line for line in ctx.lines if line.page == 1 and line.words]
    if office_head(page_one, vocab) is not None and _letter_head(lines):
        ctx.set("document_type", vocab.letter_type, [], *default_type_basis(ctx))
        return
    letter = ctx.find_label("salutation") is not None or any(is_closing(line.text) for line in lines)
    if letter and (ctx.fields.values.get("date") is not None or info_date(head_lines(lines)) is not None):
        ctx.set("document_type", vocab.letter_type, [], *default_type_basis(ctx))


def office_subject(ctx: Context) -> None:
    """The title of an office letter on a scan, where OCR cannot tell bold or underlined lines:
    the block of up to four lines set apart below the information block, above the salutation
    or the body (a guess, so weak: the subject of DIN 5008 stands there, but so might a note)."""
    vocab = reader_vocabulary()
    page_one = [line for line in ctx.lines if line.page == 1 and line.words]
    lines = [line for line in page_one if not line.furniture]
    if 1 not in ctx.layout.ocr_pages or office_head(page_one, vocab) is None:
        return
    dated = info_date(lines, ocr=True)
    if dated is None:
        return
    blocks = _blocks(lines[lines.index(dated[1]) + 1 :])
    # The receiver's last lines may stand under the information block: the subject is the first
    # block set apart from the block of the date.
    if blocks and blocks[0][0].top - dated[1].bottom <= 0.9 * blocks[0][0].size:
        blocks = blocks[1:]
    if len(blocks) < 2 or len(blocks[0]) > _MAX_SUBJECT_LINES:
        return
    subject, following = blocks[0], blocks[1]
    text = join_lines([line.text for line in subject])
    if text.endswith((".", ",", ":")) or vocab.matcher("address").match(text) or vocab.heading_re().match(text):
        return
    if len(following) < len(subject) and not following[0].text.rstrip().endswith(","):
        return  # a short note over a shorter block: no subject over a letter's body or salutation
    ctx.set("title", text, subject, WEAK, "the block under the information block of a scanned office letter")


def is_memo(ctx: Context) -> bool:
    """Whether the paper is an internal memo: of a memo type ("Aktenvermerk"), or headed by its
    type addressed to an office or a person ("Mitteilung an das Dezernat II")."""
    vocab = reader_vocabulary()
    if ctx.fields.values.get("document_type") in vocab.memo_types:
        return True
    typed = ctx.fields.provenance.get("document_type") or []
    return any(within(line, typed) and is_addressed_type(line.text, vocab) for line in ctx.lines if not line.furniture)


#: A label of a memo's label block has at most this many words before its colon ("Gespräch am:").
_LABEL_WORDS = 3


def memo_subject(ctx: Context, lines: Sequence[Line]) -> None:
    """The title of an internal memo whose subject stands without a label under its label block
    ("Datum: ..." / "Az.: ..." over "Baumfällungen im Stadtpark"), where a scan shows no bold:
    the block of up to three lines set apart right under the last label line, above the text (a
    guess, so weak)."""
    typed = ctx.fields.provenance.get("document_type") or []
    start = next((k for k, line in enumerate(lines) if within(line, typed)), None)
    if start is None:
        return
    labels = 0
    rest = [line for line in lines[start + 1 :] if line.page == lines[start].page]
    while labels < len(rest) and _label_line(rest[labels]):
        labels += 1
    if not labels:
        return
    blocks = _blocks(rest[labels:])
    if len(blocks) < 2 or len(blocks[0]) > _MAX_SUBJECT_LINES - 1 or len(blocks[1]) <= len(blocks[0]):
        return
    subject = blocks[0]
    text = join_lines([line.text for line in subject])
    if text.endswith((".", ",", ":")) or len(text.split()) < 2:
        return
    ctx.set("title", text, subject, WEAK, "the block under a memo's label block")


def _label_line(line: Line) -> bool:
    """Whether ``line`` is a row of a label block: a short label with its colon first ("Az.:",
    "Verfasser/in:"), its value beside it."""
    first = " ".join(t.text for t in line.segments()[0]) if line.words else ""
    label = LABEL_LIKE.match(first)
    return label is not None and len(label.group(0).split()) <= _LABEL_WORDS


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """Consecutive lines with no paragraph gap between them."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and line.top - blocks[-1][-1].bottom <= 0.9 * line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _letter_head(lines: Sequence[Line]) -> bool:
    """Whether the head of page 1 is a letter's: a date or the labels of its information block
    ("Ihr Schreiben vom", "Mein Zeichen", "Datum"), or a subject refinement ("hier: ...");
    scanned stamps often cover the date itself."""
    head = [line for line in lines if line.page == 1][:_HEAD_LINES]
    return info_date(head, ocr=True) is not None or any(
        _INFO_LABEL.search(line.text) or is_refinement(line.text) for line in head
    )


def cites_date(text: str, date: dt.date) -> bool:
    """Whether every place ``date`` stands in ``text`` cites it ("Ihr Schreiben vom 30.07.2022",
    "Eingang 12.03.2024") or stamps it ("12. OKT 2021": an intake stamp prints the month in
    capitals, a dateline does not): such a date is not the letter's own."""
    found = [(start, end) for day, start, end in iter_dates(text, ocr=True) if day == date]
    return bool(found) and all(
        _CITED.search(text[max(0, start - 30) : start]) or _STAMP_DATE.fullmatch(text[start:end].strip())
        for start, end in found
    )


def _date_label(text: str, ocr: bool) -> regex.Match[str] | None:
    """The "Datum:" label of ``text`` with the date after it; on a scan also the label misread by
    letters run together ("Daturn:", "Datuin:"; the ``labels`` pairs of lookalikes.toml), matched
    on the text with that reading set back."""
    labelled = _DATE_LABEL.search(text)
    if labelled is not None or not ocr:
        return labelled
    variants = label_confusions().unconfused(text, reach=_LABEL_REACH)
    return next((m for m in map(_MISREAD_LABEL.search, variants) if m is not None), None)


def info_date(lines: Sequence[Line], *, ocr: bool = False, page: int = 1) -> tuple[dt.date | None, Line] | None:
    """The letter's own date in the head (the first lines of ``page``): a "Datum:" value, a place
    and date ("Köln, 16.06.2008") or a dateline standing alone ("21. Juli 2020/AB"), also where
    the layout ran them into the segment of another line of the block; never a cited date ("Ihr
    Schreiben vom ...", one after "Eingang:"). A "Datum:" whose day cannot be read ("Datum:
    .06.2008") gives (None, its line)."""
    dayless: tuple[None, Line] | None = None
    head = [ln for ln in lines if ln.page == page][:_HEAD_LINES]
    for index, line in enumerate(head):
        segments = line.segments()
        texts = [" ".join(t.text for t in segment) for segment in segments]
        # The segment before on the line: "Eingang:" labels the date after it.
        for before, text, segment in zip(["", *texts], texts, segments, strict=False):
            if ocr and is_stamp_date(head, index, segment):
                continue  # the day an intake stamp says the letter came in
            labelled = _date_label(text, ocr)
            if labelled is not None:
                value = _HAND_GAP.sub("", labelled.group("date").strip())
                date = next((d for d, start, _ in iter_dates(value, ocr=ocr) if start <= 1), None)
                if date is not None:
                    return date, line
                if _DAYLESS.match(value) and dayless is None:
                    dayless = (None, line)
                continue
            standalone = DATELINE.fullmatch(text.strip()) and not before.endswith(":") and not _CITED.search(before)
            for date, start, end in iter_dates(text, ocr=ocr):
                if _STAMP_DATE.fullmatch(text[start:end].strip()) or _CITED.search(text[:start][-30:]):
                    continue
                if standalone or _PLACE_BEFORE.search(text[:start]):
                    return date, line
    return dayless
