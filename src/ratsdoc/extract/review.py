"""Last extraction step, honest output: drop implausible values, name the fields a paper lacks,
and give every field's provenance a confidence (docs/architecture.md, "Honest output")."""

from __future__ import annotations

from ..issues import DOCUMENT_WIDE, TEXT_MISSING, Issue, IssueCode, has_code
from ..models import CheckboxGroup
from ..plausibility import checkbox_label_problem, faction_problem, originator_problem, title_problem
from .context import READ, Context
from .doubt import expected_missing, warn_uncertain
from .ocr_doubt import warn_ocr_doubts
from .ocr_spelling import warn_misspelt
from .vocab_doubt import warn_snapped

#: Fields every council paper has: without one of them, the paper says so in a warning.
REQUIRED_FIELDS: tuple[str, ...] = ("title", "document_type", "date")

#: Confidence factors: a value read from an OCRed page, one in a paper with a document-wide
#: warning (garbled glyphs, a repaired file, a forced profile that does not fit), and one that
#: a warning names (its value is in doubt, or a part of it was dropped).
OCR_FACTOR = 0.75
DOCUMENT_WARNING_FACTOR = 0.8
FIELD_WARNING_FACTOR = 0.5


def review_fields(ctx: Context) -> None:
    """Check the filled fields: drop implausible checkbox labels, originators, factions and titles with a
    warning, warn about missing :data:`REQUIRED_FIELDS` and the fields the paper's kind normally
    has, and about values from weak fallbacks, then set each provenance's confidence."""
    _review_checkboxes(ctx)
    _review_originator(ctx)
    _review_faction(ctx)
    _review_title(ctx)
    _warn_missing(ctx)
    warn_uncertain(ctx)
    warn_ocr_doubts(ctx)
    warn_misspelt(ctx)
    warn_snapped(ctx)
    _set_confidence(ctx)


def _drop(ctx: Context, name: str, message: str) -> None:
    """Empty field ``name`` (its value and provenance) and warn with ``message``."""
    ctx.fields.values[name] = None
    ctx.fields.provenance.pop(name, None)
    ctx.warn(IssueCode.VALUE_IMPLAUSIBLE, message, field=name)


def _review_checkboxes(ctx: Context) -> None:
    """Drop options whose label is no word ("?" where no text stood beside a box) and groups
    whose label is none; a group left without options goes too."""
    groups: list[CheckboxGroup] = ctx.fields.values.get("checkboxes") or []
    kept: list[CheckboxGroup] = []
    for group in groups:
        problem = checkbox_label_problem(group.label)
        if problem is not None:
            ctx.warn(
                IssueCode.VALUE_IMPLAUSIBLE,
                f"checkbox group dropped: its label {problem} ({len(group.options)} boxes)",
                field="checkboxes",
            )
            continue
        options = []
        for option in group.options:
            problem = checkbox_label_problem(option.label)
            if problem is None:
                options.append(option)
            else:
                ctx.warn(
                    IssueCode.VALUE_IMPLAUSIBLE,
                    f"checkbox option of {group.label!r} dropped: its label {problem}",
                    field="checkboxes",
                )
        if not options:
            continue
        if len(options) != len(group.options):
            ticked = [o.label for o in options if o.checked]
            group = group.model_copy(update={"options": options, "selected": ticked[0] if len(ticked) == 1 else None})
        kept.append(group)
    if kept != groups:
        ctx.fields.values["checkboxes"] = kept


def _review_originator(ctx: Context) -> None:
    """Drop an originator that cannot be a sender's name, and the faction told from it."""
    originator = ctx.fields.values.get("originator")
    if not isinstance(originator, str):
        return
    problem = originator_problem(originator)
    if problem is None:
        return
    message = f"originator dropped: {problem}"
    _drop(ctx, "originator", message)
    faction = ctx.fields.values.get("faction")
    if faction == originator:
        _drop(ctx, "faction", message)
    elif faction is None and ctx.fields.values.get("document_type") not in ctx.profile.not_drucksache_types:
        # The faction that sends a paper is told from its sender: with the sender unread it is
        # unknown, not absent (as for a sender not found, see _warn_missing).
        ctx.warn(IssueCode.FIELD_MISSING, f"faction not found: {message}", field="faction")


def _review_faction(ctx: Context) -> None:
    """Drop a faction that names none: a bare group word ("Fraktion") read as the value."""
    faction = ctx.fields.values.get("faction")
    if isinstance(faction, str) and (problem := faction_problem(faction)) is not None:
        _drop(ctx, "faction", f"faction dropped: {problem}")


def _review_title(ctx: Context) -> None:
    """Drop a title that is no subject: one without a word, or the sender's or body's name."""
    title = ctx.fields.values.get("title")
    if not isinstance(title, str):
        return
    values = ctx.fields.values
    problem = title_problem(title, names=(values.get("originator"), values.get("body")))
    if problem is not None:
        _drop(ctx, "title", f"title dropped: {problem}")


def _warn_missing(ctx: Context) -> None:
    """Name the :data:`REQUIRED_FIELDS` left empty, and the fields the paper's kind normally has
    (:func:`~.doubt.expected_missing`; a missing sender of a paper names its faction too): one
    warning per field on a paper; on a
    document that is no Drucksache (an Einladung, minutes) one warning for all of them, since
    such documents often lack a title. A paper without any text already says so, and a value
    dropped as implausible has its own warning."""
    issues = [*ctx.layout.warnings, *ctx.fields.warnings]
    if has_code(issues, TEXT_MISSING):
        return
    dropped = {issue.field for issue in ctx.fields.warnings if issue.code is IssueCode.VALUE_IMPLAUSIBLE}
    missing = [name for name in REQUIRED_FIELDS if ctx.fields.values.get(name) is None and name not in dropped]
    expected = expected_missing(ctx)
    if not missing and not expected:
        return
    if has_code(issues, IssueCode.NOT_A_DRUCKSACHE):
        message = f"not found in this document: {', '.join([*missing, *expected])}"
        for name in [*missing, *expected]:
            ctx.warn(IssueCode.FIELD_MISSING, message, field=name)
        return
    for name in missing:
        ctx.warn(IssueCode.FIELD_MISSING, f"{name} not found: every paper has one", field=name)
    kind = ctx.fields.values.get("document_type")
    for name in expected:
        message = f"{name} not found: a paper of type {kind} normally has one" if kind else f"{name} not found"
        # Without the sender, the faction that sends a Drucksache is unknown too (factions
        # send no invitations or minutes).
        faction = kind not in ctx.profile.not_drucksache_types and ctx.fields.values.get("faction") is None
        names = [name, "faction"] if name == "originator" and faction else [name]
        for each in names:
            ctx.warn(IssueCode.FIELD_MISSING, message, field=each)


def field_confidence(base: float, *, ocr: bool, document_warning: bool, field_warning: bool) -> float:
    """The confidence of a field read with confidence ``base``, lowered by :data:`OCR_FACTOR`
    when a page it stands on was OCRed, by :data:`DOCUMENT_WARNING_FACTOR` under a
    document-wide warning that is not about OCR, and by :data:`FIELD_WARNING_FACTOR` when a
    warning names it; rounded to two decimals, within 0..1."""
    value = base
    if ocr:
        value *= OCR_FACTOR
    if document_warning:
        value *= DOCUMENT_WARNING_FACTOR
    if field_warning:
        value *= FIELD_WARNING_FACTOR
    return round(min(1.0, max(0.0, value)), 2)


#: Document-wide codes that say a page was OCRed: the per-page OCR factor covers them.
_OCR_CODES = frozenset({IssueCode.OCR_APPLIED, IssueCode.OCR_LAYER_USED, IssueCode.OCR_LAYER_NOISY})


def _set_confidence(ctx: Context) -> None:
    """Give every provenance entry its field's confidence (:func:`field_confidence`)."""
    issues: list[Issue] = [*ctx.layout.warnings, *ctx.fields.warnings]
    document_warning = any(i.code in DOCUMENT_WIDE and i.code not in _OCR_CODES for i in issues)
    warned = {issue.field for issue in issues if issue.field}
    ocr_pages = set(ctx.layout.ocr_pages)
    for name, entries in ctx.fields.provenance.items():
        confidence = field_confidence(
            ctx.fields.confidence.get(name, READ),
            ocr=any(entry.page in ocr_pages for entry in entries),
            document_warning=document_warning,
            field_warning=name in warned,
        )
        ctx.fields.provenance[name] = [entry.model_copy(update={"confidence": confidence}) for entry in entries]
