"""The date of a paper's cover: beside the signature, after a "Datum:" label, else a dateline on
page 1 (on a scan not an intake stamp's day)."""

from __future__ import annotations

import datetime as dt

from ..layout.lines import Line, Token, tokens_text
from ..text.dates import iter_dates
from .column_edges import with_column_edges
from .context import GUESSED, Context
from .form_rows import field_below
from .generic.closing import DATELINE as _PLACE_DATE
from .generic.vocabulary import reader_vocabulary
from .scan_datelines import dateline_date, placed_date
from .stamp_dates import is_stamp_date

#: Words a date line over a signature has at most ("Erlangen, den 14. Februar 2024").
_DATELINE_WORDS = 6


def read_date(ctx: Context) -> None:
    """The paper's date: beside the signature, else after a "Datum:" label, else in the header."""
    for name in ("signature", "date"):
        found = ctx.find_label(name)
        while found is not None:
            index, line, _ = found
            # The line above counts when it is a date line ("Erlangen, 14.02.2024" over "gez."),
            # not the end of the text, whose sentence may name any date ("am 14.08.2023 informiert."
            # over "Der Magistrat").
            above = [
                ln
                for ln in ctx.lines[max(0, index - 1) : index]
                if len(ln.words) <= _DATELINE_WORDS and _PLACE_DATE.fullmatch(ln.text.strip())
            ]
            # A form's label over its field ("Datum:" over "2024-03-08") dates it from the field.
            framed = field_below(ctx.lines, index) if name == "date" else None
            below = [Line(line.page, framed)] if framed is not None else []
            for candidate in (line, *above, *below):
                for date, _, _ in iter_dates(candidate.text, ocr=candidate.page in ctx.layout.ocr_pages):
                    ctx.set("date", date, [candidate])
                    return
            found = ctx.find_label(name, start=index + 1)
    if _boxed_date(ctx):
        return
    alone: tuple[dt.date, Line, list[Token]] | None = None
    # The paper's first page: a file cut at its front (a package's cover sheet) starts later.
    first = ctx.lines[0].page if ctx.lines else 1
    for index, line in enumerate(ctx.lines):
        if line.page > first:
            break
        if line.furniture or index in ctx.claimed:
            continue
        scanned = line.page in ctx.layout.ocr_pages
        segments = line.segments()
        for k, seg in enumerate(segments):
            if scanned and is_stamp_date(ctx.lines, index, seg):
                continue  # the day an intake stamp says the paper came in
            if k and tokens_text(segments[k - 1]).endswith(":"):
                continue  # a label's date ("Sitzung am:   22.03.2023"), no dateline
            match = _PLACE_DATE.fullmatch(tokens_text(seg))
            parsed = next((d for d, _, _ in iter_dates(match.group("date"))), None) if match else None
            if parsed is None and reader_vocabulary().matcher("head_grid").match(tokens_text(seg)):
                # A parliament's term with the date beside it ("22. Wahlperiode 05.03.24").
                parsed = next((d for d, _, _ in iter_dates(tokens_text(seg))), None)
            if parsed is None and scanned:
                parsed = dateline_date(tokens_text(seg))
            if parsed is None:
                continue
            if scanned and placed_date(tokens_text(seg)) is None:
                # A date alone on a scan may be a stamp's whose word was lost: a dateline with
                # its place further down is the paper's.
                alone = alone or (parsed, line, seg)
                continue
            ctx.set("date", parsed, [(line.page, seg)], GUESSED)
            return
    if alone is not None:
        ctx.set("date", alone[0], [(alone[1].page, alone[2])], GUESSED)
        return
    ctx.set("date", None, [])


def _boxed_date(ctx: Context) -> bool:
    """Set the date from a "Datum:" row set apart beside other text on page 1 (an information
    block beside the subject: "11.01.2024   Datum: 15.11.2022", the subject's last line on the
    left): the label opens a segment, its date is in that segment or the next; whether one was."""
    label = ctx.profile.label("date", fuzzy=0)
    for index, line in enumerate(ctx.lines):
        if line.page > 1:
            break
        if line.furniture:
            continue
        segments = with_column_edges(ctx.lines, index).segments()
        for k, seg in enumerate(segments[1:], start=1):
            match = label.match(tokens_text(seg))
            if match is None:
                continue
            value, tokens = tokens_text(seg)[match.end() :], list(seg)
            if not value.strip() and k + 1 < len(segments):
                value, tokens = tokens_text(segments[k + 1]), [*seg, *segments[k + 1]]
            date = next((d for d, _, _ in iter_dates(value, ocr=line.page in ctx.layout.ocr_pages)), None)
            if date is not None:
                ctx.set("date", date, [(line.page, tokens)])
                return True
    return False
