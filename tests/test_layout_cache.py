"""The layout cache of the evaluation scripts (``scripts/variant_accuracy.py --layout-cache``) is
keyed by every source that may change a layout, so that a changed reader never serves layouts of
older code."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from .conftest import load_script

va = load_script("variant_accuracy")
PACKAGE = Path(importlib.import_module("ratsdoc.pipeline").__file__ or "").parent


def _covered() -> set[str]:
    return {path.relative_to(PACKAGE).as_posix() for path in va.layout_sources()}


def test_the_stages_that_build_the_layout_are_in_the_key() -> None:
    # regions.py and furniture.py run inside read_layout: they mark running heads and order columns.
    covered = _covered()
    assert {"pipeline.py", "regions.py", "furniture.py", "layout/columns.py", "ocr/step.py"} <= covered
    assert "text/lookalikes.toml" in covered and "ocr/citations.toml" in covered


def test_every_module_the_layout_stage_imports_is_in_the_key() -> None:
    importlib.import_module("ratsdoc.regions")
    importlib.import_module("ratsdoc.pipeline")
    covered = _covered()
    for name, module in list(sys.modules.items()):
        if not name.startswith(
            ("ratsdoc.regions", "ratsdoc.furniture", "ratsdoc.layout", "ratsdoc.ocr", "ratsdoc.text")
        ):
            continue
        path = Path(getattr(module, "__file__", "") or "")
        if path.suffix == ".py":
            assert path.relative_to(PACKAGE).as_posix() in covered, name


def test_the_readers_after_the_layout_keep_the_cache() -> None:
    covered = _covered()
    assert not any(path.startswith(("extract/", "meeting/", "profiles/")) for path in covered)
