"""Form widgets as annotations (``layout/annotations.py``): one classification for every engine."""

from __future__ import annotations

import pytest

from ratsdoc.layout.annotations import annotation_from_dict, widget_annotation
from ratsdoc.layout.model import Annotation

RADIO = 1 << 15
PUSHBUTTON = 1 << 16
BOX = {"x0": 10.0, "top": 20.0, "x1": 18.0, "bottom": 28.0}


@pytest.mark.parametrize(
    ("field_type", "flags", "state", "value", "kind", "checked", "text"),
    [
        pytest.param("Btn", 0, "Yes", None, "checkbox", True, None, id="ticked-box"),
        pytest.param("Btn", 0, "/Off", "Yes", "checkbox", False, None, id="appearance-state-wins"),
        pytest.param("Btn", 0, None, "/Ja", "checkbox", True, None, id="state-from-value"),
        pytest.param("Btn", 0, None, "", "checkbox", False, None, id="empty-value-is-off"),
        pytest.param("Btn", 0, None, None, "checkbox", None, None, id="unknown-state"),
        pytest.param("Btn", RADIO, "Off", None, "radio", False, None, id="radio"),
        pytest.param("Btn", PUSHBUTTON | RADIO, "Yes", None, "other", None, None, id="push-button"),
        pytest.param("Tx", 0, "Yes", "Stadtrat", "text_field", None, "Stadtrat", id="text-field"),
        pytest.param("Ch", 0, None, "Wahl", "other", None, None, id="choice"),
        pytest.param(None, 0, "Yes", None, "other", None, None, id="no-field-type"),
    ],
)
def test_widget_classification(
    field_type: str | None,
    flags: int,
    state: str | None,
    value: str | None,
    kind: str,
    checked: bool | None,
    text: str | None,
) -> None:
    annotation = widget_annotation(field_type, flags, state=state, value=value, field_name="Feld", **BOX)
    assert annotation == Annotation(kind=kind, field_name="Feld", checked=checked, value=text, **BOX)


def test_kid_widget_inherits_type_and_flags_from_its_parent() -> None:
    class Name:
        def __init__(self, name: str) -> None:
            self.name = name

    parent = {"FT": Name("Btn"), "Ff": RADIO, "T": b"Kontrollk\xe4stchen1"}
    raw = {"Subtype": Name("Widget"), "Rect": [10, 814, 18, 822], "AS": Name("Ja"), "Parent": parent}
    annotation = annotation_from_dict(raw, lambda v: v, page_height=842.0)
    assert annotation == Annotation(kind="radio", field_name="Kontrollkästchen1", checked=True, **BOX)
