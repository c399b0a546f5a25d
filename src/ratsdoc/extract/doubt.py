"""Doubtful fields of the review (docs/architecture.md, "Honest output"): a value taken by a weak
fallback gets a ``value_uncertain`` warning, and a field that a paper of its kind normally has
(the profile's ``expected_fields``) is listed when it was not found, for the review's
``field_missing`` warning."""

from __future__ import annotations

from typing import Any

from ..issues import IssueCode
from .context import GUESSED, WARN_BELOW, WEAK, Context

#: Every Drucksache type, in a profile's ``expected_fields``; a type after :data:`EXCEPT` is left out.
ANY_TYPE = "*"
EXCEPT = "!"


def _filled(value: Any) -> bool:
    """Whether ``value`` holds something (not None, not an empty list or text)."""
    return value is not None and value != [] and value != ""


def default_type_basis(ctx: Context) -> tuple[float, str | None]:
    """How sure a paper's default type ("Brief": no type word read) is: a layout guess, but a weak
    one on a scanned first page, where a stamp, a pen or worn toner may have hidden the type line."""
    if 1 in ctx.layout.ocr_pages:
        return WEAK, "the letters' default: no type was read on the scanned first page"
    return GUESSED, None


def warn_uncertain(ctx: Context) -> None:
    """Warn about every filled field read with a confidence under :data:`WARN_BELOW`: its value
    came from a weak fallback (the first heading as title), so a reader should check it."""
    for name, confidence in ctx.fields.confidence.items():
        if confidence >= WARN_BELOW or not _filled(ctx.fields.values.get(name)):
            continue
        basis = ctx.fields.basis.get(name, "a weak fallback")
        ctx.warn(IssueCode.VALUE_UNCERTAIN, f"{name} is a guess, taken from {basis}: check it", field=name)


def expects(ctx: Context, name: str) -> bool:
    """Whether a paper of this document type normally has field ``name`` (the profile's
    ``expected_fields``; ``*`` is every type that is a Drucksache, an unknown one included,
    ``!Antwort`` leaves that type out). A meeting document (``kind`` "meeting") expects none."""
    if ctx.fields.values.get("kind") == "meeting":
        return False  # a meeting document has no paper fields to expect (its reader warns its own)
    types = ctx.profile.expected_fields.get(name, [])
    kind = ctx.fields.values.get("document_type")
    if kind in types:
        return True
    if f"{EXCEPT}{kind}" in types:
        return False
    return ANY_TYPE in types and kind not in ctx.profile.not_drucksache_types


def expected_missing(ctx: Context) -> list[str]:
    """The profile's ``expected_fields`` that this paper's document type normally has and that
    were not found, leaving out those a warning names already (a value dropped as implausible)."""
    warned = {issue.field for issue in ctx.fields.warnings}
    return [
        name
        for name in ctx.profile.expected_fields
        if name not in warned and not _filled(ctx.fields.values.get(name)) and expects(ctx, name)
    ]
