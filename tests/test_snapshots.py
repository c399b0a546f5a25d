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
from ratsdoc.models import MEETING_FIELDS

from .conftest import FIXTURES, fixture_pdfs

SNAPSHOTS = FIXTURES / "snapshots"
#: Keys the output gained with meeting documents after the snapshots were taken. A snapshot
#: without them is compared on the keys it has; what the new keys hold is checked on its own
#: (a paper has kind "paper" and empty meeting fields, every document a text), so that the
#: snapshots did not have to be rewritten and still guard everything they guarded before.
ADDED_KEYS = ("kind", "text", *MEETING_FIELDS)


def comparable(output: dict[str, object], snapshot: dict[str, object]) -> dict[str, object]:
    """``output`` without the :data:`ADDED_KEYS` the snapshot lacks (and without their
    provenance), after checking that they hold what they must."""
    missing = [key for key in ADDED_KEYS if key not in snapshot]
    if not missing or "kind" not in output:
        return output
    assert isinstance(output["text"], str)
    if output["kind"] == "paper":
        assert not any(output[name] for name in MEETING_FIELDS), "a paper with meeting fields"
    else:
        # Meeting documents: the snapshot still guards the paper fields, warnings and their
        # provenance; the meeting fields are checked by their goldens (tests/test_meeting_golden.py).
        assert output["kind"] == "meeting" and snapshot.get("document_type") == output["document_type"]
    trimmed = {key: value for key, value in output.items() if key not in missing}
    provenance = output.get("provenance")
    if isinstance(provenance, dict):
        trimmed["provenance"] = {key: value for key, value in provenance.items() if key not in missing}
    return trimmed


def test_update_flag_is_forbidden_in_ci(update_snapshots: bool) -> None:
    assert not (update_snapshots and os.environ.get("CI")), "never rewrite snapshots in CI"


def check_snapshot(output: object, target: Path, *, update: bool) -> None:
    """Compare ``output`` with the snapshot ``target``; with ``update`` (outside CI) rewrite it first."""
    if update and not os.environ.get("CI"):
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(output, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not target.exists():
        # A fixture without a snapshot is unguarded: fail so that it cannot go unnoticed.
        pytest.fail(
            f"no snapshot {target.name}: create it locally with "
            "python -m pytest tests/test_snapshots.py --update-snapshots, review and commit it"
        )
    snapshot = json.loads(target.read_text(encoding="utf-8"))
    assert (comparable(output, snapshot) if isinstance(output, dict) else output) == snapshot


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_snapshot(pdf: Path, update_snapshots: bool) -> None:
    output = ratsdoc.parse(pdf).model_dump(mode="json")
    check_snapshot(output, SNAPSHOTS / f"{pdf.stem}.json", update=update_snapshots)


def test_missing_snapshot_fails_with_how_to_create_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception, match=r"no snapshot new\.json: create it locally .*--update-snapshots"):
        check_snapshot({"number": "1/24"}, tmp_path / "new.json", update=False)
    assert not (tmp_path / "new.json").exists()


def test_update_flag_writes_a_missing_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    check_snapshot({"number": "1/24"}, tmp_path / "snapshots" / "new.json", update=True)
    assert json.loads((tmp_path / "snapshots" / "new.json").read_text(encoding="utf-8")) == {"number": "1/24"}


def test_update_flag_is_ignored_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="no snapshot"):
        check_snapshot({"number": "1/24"}, tmp_path / "new.json", update=True)


def test_changed_output_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    target = tmp_path / "old.json"
    target.write_text('{"number": "1/24"}\n', encoding="utf-8")
    with pytest.raises(AssertionError):
        check_snapshot({"number": "2/24"}, target, update=False)
