"""Doubt from OCR's own word confidences: a cover field whose value was read over a word that
Tesseract read unsure (:mod:`ratsdoc.ocr.confidence`) gets a ``value_uncertain`` warning naming
the field and the word, so that a misread label or date ("Beiref:", "O3.O4.2O24") is never a
silent wrong value, and the review lowers the field's confidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..issues import IssueCode
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
    core = fold_for_match(word.text.strip(".,:;()-–"))
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


def warn_ocr_doubts(ctx: Context) -> None:
    """Warn about every cover field read over a word OCR was unsure of."""
    doubts = ctx.layout.ocr_doubts
    if not doubts:
        return
    for name in FIELDS:
        value = ctx.fields.values.get(name)
        where = ctx.fields.provenance.get(name) or []
        if value is None or not where:
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
