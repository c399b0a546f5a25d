"""The inspector on a scanned fixture: the boxes of what OCR read, as pictures and as HTML."""

from __future__ import annotations

import pytest

from ratsdoc.ocr.engine import find_engine

from .conftest import FIXTURES
from .test_inspector_fixtures import inspect_everything


@pytest.mark.skipif(find_engine() is None, reason="tesseract with German data (tesseract-ocr-deu) is not installed")
def test_a_scanned_fixture() -> None:
    inspect_everything(FIXTURES / "scans" / "scan-0815-23-fussweg.pdf")
