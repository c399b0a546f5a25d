"""The regression sets' script (scripts/regression_sets.py): its sets and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script


def test_an_unknown_set_is_refused_before_anything_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sets = load_script("regression_sets")
    assert sets.main(["read", str(tmp_path), str(tmp_path / "reports"), "nope"]) == 2
    assert "unknown set 'nope'" in capsys.readouterr().err
    assert not list((tmp_path / "reports").iterdir())


def test_every_generated_set_names_its_generator_and_a_seed_where_it_is_not_the_default() -> None:
    sets = load_script("regression_sets")
    for name, (script, args) in sets.SETS.items():
        assert (sets.SCRIPTS / script).is_file(), name
        assert name in ("def8", "named8") or "--seed" in args, name
