"""On a few real papers (Erlangen, dev half of the real corpus): after ``ratsdoc ingest`` a word
that stands only in the body of a Niederschrift is found, and every document has its text or a
warning that says why (the whole corpus: ``scripts/check_text.py``, figures in docs/ingest.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.status import ExitCode

from .conftest import REAL_CORPUS, ROOT, load_script

#: The corpus beside the repository's folder, or beside a folder of checkouts.
CORPUS = next(
    (path for path in (REAL_CORPUS, ROOT.parent.parent / "shared" / "corpus" / "real") if path.is_dir()), REAL_CORPUS
)
ERLANGEN = CORPUS / "erlangen-sbr-buechenbach"
#: Three short text PDFs: two Niederschriften and a Stellungnahme (4, 3 and 2 pages).
SAMPLE = (
    "2022-06-29_Niederschrift_Niederschrift_2_Sitzung_Buechenbach.pdf",
    "2021-07-08_Niederschrift_Protokoll_2_Sitzung_Buechenbach.pdf",
    "2024_März_Stellungnahme_Sportfläche_Holzweg-Adenauerring.pdf",
)
pytestmark = pytest.mark.skipif(
    not all((ERLANGEN / name).is_file() for name in SAMPLE), reason=f"real corpus not found at {CORPUS}"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("erlangen")
    for name in SAMPLE:
        shutil.copy(ERLANGEN / name, folder / name)
    db = folder.parent / "erlangen.sqlite"
    args = ["ingest", str(folder), "--db", str(db), "-j", "1", "--ocr", "never", "--progress", "none", "--json"]
    assert main(args) in (ExitCode.OK, ExitCode.FAILED)
    return db


def test_a_word_only_in_the_body_of_a_niederschrift_is_found(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    # "Bücherschrank" stands in the running text of the 2022-06-29 minutes only, in no title;
    # searched in its transliteration and upper case.
    assert main(["search", str(archive), "BUECHERSCHRANK", "--json"]) == ExitCode.OK
    [hit] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert Path(hit["file"]).name == SAMPLE[0]
    assert (hit["kind"], hit["document_type"], hit["date"]) == ("meeting", "Niederschrift", "2022-06-29")
    assert "bücherschrank" not in (hit["title"] or "").lower()
    [start, end] = hit["marks"][0]
    assert hit["snippet"][start:end] == "Bücherschrank"
    assert main(["search", str(archive), "--kind", "paper", "Bücherschrank", "--json"]) == ExitCode.OK
    assert capsys.readouterr().out == ""


def test_every_document_of_the_sample_has_text_or_a_reason(archive: Path) -> None:
    counts, unexplained = load_script("check_text").check(archive)
    assert unexplained == []
    assert counts["text"] == len(SAMPLE)
