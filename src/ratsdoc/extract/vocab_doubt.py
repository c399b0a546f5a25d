"""Doubt from snapping: a paper type, body or consultation role read on an OCRed page whose
vocabulary word is not printed as such under the value (OCR misread it and a reader set it to the
vocabulary's spelling, :mod:`ratsdoc.text.snapper`) gets a ``value_uncertain`` warning naming the field,
unless the word differs from the entry by known confusions only and no other entry is in reach
(:attr:`~ratsdoc.text.snapper.VocabMatch.sure`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import IssueCode
from ..layout.lines import Line
from ..models import Provenance
from ..text.lookalikes import ocr_snapper
from ..text.snapper import VocabMatch
from .context import Context
from .generic.vocabulary import reader_vocabulary


def _text_under(lines: Sequence[Line], where: Sequence[Provenance]) -> str:
    """The words of ``lines`` whose middle lies in one of the boxes ``where``, line by line."""
    parts = []
    for line in lines:
        words = [
            t.text
            for t in line.words
            if any(
                p.page == line.page
                and p.bbox.x0 - 1 <= (t.x0 + t.x1) / 2 <= p.bbox.x1 + 1
                and p.bbox.top - 1 <= (t.top + t.bottom) / 2 <= p.bbox.bottom + 1
                for p in where
            )
        ]
        if words:
            parts.append(" ".join(words))
    return " ".join(parts)


def _opening_entry(value: str, vocabulary: Sequence[str]) -> str | None:
    """The longest entry of ``vocabulary`` that ``value`` opens with ("Antrag" of "Antrag gem. §
    3 der Geschäftsordnung", "Bezirksvertretung" of "Bezirksvertretung Lindenthal")."""
    fold = ocr_snapper().fold
    folded = fold(value)
    entries = [e for e in vocabulary if folded == fold(e) or folded.startswith(fold(e) + " ")]
    return max(entries, key=len, default=None)


def snapped_reading(text: str, entry: str, vocabulary: Sequence[str]) -> VocabMatch | None:
    """How ``entry`` stands in ``text`` when OCR misread it there (None when it stands as printed
    or not at all), judged against the whole ``vocabulary`` (is another entry as close?)."""
    snapper = ocr_snapper()
    found = snapper.find_in(text, entry)
    if found is None or not found.edited:
        return None
    judged = snapper.match(found.text, vocabulary)
    if judged is None or snapper.fold(judged.entry) != snapper.fold(entry):
        return VocabMatch(found.text, entry, edited=True, errors=found.errors, sole=False)
    return judged


def _message(name: str, found: VocabMatch) -> str:
    why = "a known OCR confusion, but another entry is as near" if found.confusion_only else "a misreading"
    return f"{name} may be misread: OCR read {found.text!r}, taken as the vocabulary's {found.entry!r} ({why})"


def warn_snapped(ctx: Context) -> set[str]:
    """Warn about the type, body and consultation roles read on OCRed pages from a word that needed
    an edit to be the vocabulary's, unless :attr:`VocabMatch.sure`; returns the fields warned."""
    if not ctx.layout.ocr_pages:
        return set()  # born-digital text is taken as printed: nothing was snapped
    reader = reader_vocabulary()
    ocr = set(ctx.layout.ocr_pages)
    already = {issue.field for issue in ctx.fields.warnings if issue.code is IssueCode.VALUE_UNCERTAIN}
    warned: set[str] = set()
    kinds = {
        "document_type": [*ctx.profile.document_types, *reader.document_types],
        "body": [*ctx.profile.bodies, *reader.bodies],
    }
    for name, vocabulary in kinds.items():
        value = ctx.fields.values.get(name)
        where = [p for p in ctx.fields.provenance.get(name) or [] if p.page in ocr]
        if name in already or not isinstance(value, str) or not where:
            continue
        entry = _opening_entry(value, vocabulary)
        found = snapped_reading(_text_under(ctx.lines, where), entry, vocabulary) if entry else None
        if found is not None and not found.sure:
            ctx.warn(IssueCode.VALUE_UNCERTAIN, _message(name, found), where[0].page, field=name)
            warned.add(name)
    if "consultations" not in already:
        rows = zip(ctx.fields.values.get("consultations") or [], ctx.consultation_rows, strict=False)
        for row, lines in rows:
            if not row.role or not any(line.page in ocr for line in lines):
                continue
            found = snapped_reading(" ".join(line.text for line in lines), row.role, ctx.profile.roles)
            if found is not None and not found.sure:
                ctx.warn(IssueCode.VALUE_UNCERTAIN, _message("consultations", found), lines[0].page, "consultations")
                warned.add("consultations")
                break
    return warned
