"""Full-output regression snapshots (provenance, warnings, profile) of every fixture.

The hand-written goldens say what is right; snapshots catch any unintended change in what
the goldens do not cover. They are rewritten only with ``--update-snapshots``, never in CI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import ratsdoc

from .conftest import FIXTURES, fixture_pdfs

SNAPSHOTS = FIXTURES / "snapshots"


def test_update_flag_is_forbidden_in_ci(update_snapshots: bool) -> None:
    assert not (update_snapshots and os.environ.get("CI")), "never rewrite snapshots in CI"


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_snapshot(pdf: Path, update_snapshots: bool) -> None:
    output = ratsdoc.parse(pdf).model_dump(mode="json")
    target = SNAPSHOTS / f"{pdf.stem}.json"
    if update_snapshots and not os.environ.get("CI"):
        SNAPSHOTS.mkdir(exist_ok=True)
        target.write_text(json.dumps(output, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not target.exists():
        pytest.skip(f"no snapshot for {pdf.name} (run pytest --update-snapshots locally)")
    assert output == json.loads(target.read_text(encoding="utf-8"))
