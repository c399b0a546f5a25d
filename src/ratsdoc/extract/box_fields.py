"""Cover fields a form answers with a ticked box: its kind ("☒ Antrag ☐ Anfrage ☐ Stellungnahme")
and whether it is treated in public ("○ öffentlich ◉ nicht öffentlich").

Fillable forms and printed forms alike let the filer tick the paper's kind and its public state
instead of writing them: the checkbox reader (``checkboxes.py``, run before the cover) has the
groups with the state of every box, and the ticked option of a group whose options are the
profile's document types, or its public and non-public words, is that field's value.
"""

from __future__ import annotations

from ..models import CheckboxGroup
from ..text.normalize import fold_for_match
from .context import READ, Context


def _ticked(ctx: Context, words: set[str]) -> tuple[int, int, str] | None:
    """(group index, option index, option label) of the one ticked option of the first group
    at least two of whose options are among ``words`` (folded), the ticked one too; None when
    no such group has exactly one of them ticked."""
    groups: list[CheckboxGroup] = ctx.fields.values.get("checkboxes") or []
    for number, group in enumerate(groups):
        known = [(k, o) for k, o in enumerate(group.options) if fold_for_match(o.label) in words]
        if len(known) < 2 or any(o.checked is None for _, o in known):
            continue
        ticked = [(k, o) for k, o in known if o.checked]
        if len(ticked) == 1:
            return number, ticked[0][0], ticked[0][1].label
    return None


def _store(ctx: Context, name: str, value: object, group: int, option: int) -> None:
    """Set ``name`` with the ticked option's box and label as its provenance."""
    ctx.fields.values[name] = value
    ctx.fields.confidence[name] = READ
    ctx.fields.basis.pop(name, None)
    where = ctx.fields.items.get(f"checkboxes[{group}].options[{option}]")
    if where:
        ctx.fields.provenance[name] = list(where)


def _from_boxes(ctx: Context, name: str, values: dict[str, object]) -> bool:
    """Set ``name`` to the value (of ``values``, by folded option label) of the one ticked box of
    a group of such options; whether it did."""
    found = _ticked(ctx, set(values))
    if found is None:
        return False
    group, option, label = found
    _store(ctx, name, values[fold_for_match(label)], group, option)
    return True


def type_from_boxes(ctx: Context) -> bool:
    """Set ``document_type`` from the ticked box of a group of paper kinds; whether it did."""
    return _from_boxes(ctx, "document_type", {fold_for_match(t): t for t in ctx.profile.document_types})


def public_from_boxes(ctx: Context) -> bool:
    """Set ``public`` from the ticked box of a group of public and non-public options ("öffentlich",
    "nicht öffentlich"); whether it did."""
    public: dict[str, object] = {fold_for_match(w): True for w in ctx.profile.public_true}
    public |= {fold_for_match(w): False for w in ctx.profile.public_false}
    return _from_boxes(ctx, "public", public)
