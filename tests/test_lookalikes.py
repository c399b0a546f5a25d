"""The look-alike table (text/lookalikes.toml): it loads, every pair is well-formed, and each use
keeps its own narrowing as data."""

from __future__ import annotations

import sys
from importlib import resources
from typing import Any

import pytest
from pydantic import ValidationError

from ratsdoc.ocr.strokes import confused
from ratsdoc.text.lookalikes import Lookalikes, label_confusions, lookalikes, ocr_snapper
from ratsdoc.text.snapper import Confusions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _raw() -> dict[str, Any]:
    text = resources.files("ratsdoc.text").joinpath("lookalikes.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_the_table_loads_and_every_pair_is_well_formed() -> None:
    table = lookalikes()
    assert set(table.uses) == {"snap", "strokes", "labels", "spelling"}
    for pair in table.pair:
        assert 1 <= len(pair.printed) <= 2 and 1 <= len(pair.read) <= 2
        assert pair.printed != pair.read
        assert pair.printed == pair.printed.casefold() and pair.read == pair.read.casefold()
        assert not any(ch.isspace() for ch in pair.printed + pair.read)
        assert set(pair.uses) <= set(table.uses) and pair.uses
    assert len({(p.printed, p.read) for p in table.pair}) == len(table.pair)
    for use in table.uses:
        assert table.pairs(use), use


def test_each_use_keeps_its_narrowing() -> None:
    table = lookalikes()
    snap = table.pairs("snap")
    assert ("m", "rn") in snap and ("l", "1") in snap and ("o", "0") in snap
    assert ("n", "h") not in snap  # a whole other letter: the snapper would merge entries
    assert confused() == {"i": "lt", "l": "i", "f": "l", "h": "b", "c": "e"}
    assert all(len(p) == 1 and len(r) == 1 for p, r in table.pairs("strokes"))
    spelling = table.pairs("spelling")
    assert len(spelling) == 23 and spelling[0] == ("l", "i") and spelling[-1] == ("g", "q")
    assert ("ü", "u") not in spelling  # a lost umlaut is no slip of spelling
    assert table.uses["spelling"].both_ways and not table.uses["snap"].both_ways
    # A misread label is set back only where letters ran together: "Daturn:" and "Datuin:" are
    # "Datum:", "Datuln:" is no label.
    assert table.pairs("labels") == (("m", "rn"), ("m", "in"))
    assert "Datum: 30.8.23" in label_confusions().unconfused("Datuin: 30.8.23")
    assert not any(v.startswith("Datum") for v in label_confusions().unconfused("Datuln: 30.8.23"))
    with pytest.raises(KeyError):
        table.pairs("nothing")


def test_the_ocr_snapper_takes_the_snap_pairs() -> None:
    assert ocr_snapper().confusions == Confusions(lookalikes().pairs("snap"))
    assert ocr_snapper().refuse_inflected


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["pair"].append({"printed": "m", "read": "rn", "uses": ["snap"]}), "repeats"),
        (lambda raw: raw["pair"].append({"printed": "x", "read": "x", "uses": ["snap"]}), "read as itself"),
        (lambda raw: raw["pair"].append({"printed": "X", "read": "y", "uses": ["snap"]}), "no shape"),
        (lambda raw: raw["pair"].append({"printed": "abc", "read": "y", "uses": ["snap"]}), "no shape"),
        (lambda raw: raw["pair"].append({"printed": "x", "read": "y", "uses": ["ocr"]}), "no declared use"),
        (lambda raw: raw["pair"].append({"printed": "x", "read": "y", "uses": []}), "at least 1"),
        (lambda raw: raw["pair"].append({"printed": "t", "read": "1", "uses": ["snap"]}), "read for both"),
        (lambda raw: raw["pair"].append({"printed": "m", "read": "nn", "uses": ["strokes"]}), "one letter"),
        (lambda raw: raw["uses"].update({"unused": {"both_ways": False}}), "takes no pair"),
        (lambda raw: raw["pair"][0].update({"why": "?"}), "Extra inputs"),
    ],
)
def test_a_malformed_table_is_refused(change: Any, problem: str) -> None:
    raw = _raw()
    Lookalikes.model_validate(raw)
    change(raw)
    with pytest.raises(ValidationError, match=problem):
        Lookalikes.model_validate(raw)
