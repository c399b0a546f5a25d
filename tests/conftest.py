"""Shared fixtures and the ``--update-snapshots`` flag (forbidden under CI)."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import sys
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import ratsdoc
from ratsdoc.extract.context import Context
from ratsdoc.extract.sections import extract_resolution
from ratsdoc.layout.lines import Line, Token
from ratsdoc.layout.model import Shape
from ratsdoc.profile import Profile, bundled_profiles
from ratsdoc.regions import Layout, PageInfo

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
#: The corpus beside the repository, or wherever RATSDOC_REAL_CORPUS points (a checkout elsewhere).
REAL_CORPUS = Path(os.environ.get("RATSDOC_REAL_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))
#: The typed errors of the public API, each a subclass of ``RatsdocError`` (listed on its own).
PUBLIC_ERRORS = (
    "InputError",
    "NotAPdfError",
    "DamagedPdfError",
    "EncryptedPdfError",
    "LimitExceededError",
    "OcrUnavailableError",
    "ProfileError",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite fixtures/snapshots/*.json from the current parser output",
    )


@pytest.fixture(scope="session")
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


def fixture_pdfs() -> list[Path]:
    """Every committed fixture PDF."""
    return sorted(FIXTURES.glob("*.pdf"))


def golden_pdfs() -> list[Path]:
    """Fixture PDFs that have a hand-written golden JSON beside them."""
    return [p for p in fixture_pdfs() if p.with_suffix(".json").exists()]


def text_line(top: float, cells: list[tuple[float, str]], page: int = 1) -> Line:
    """A line of 10 pt words for the extractors: each cell starts at its x, its words follow
    at 6 pt per letter with 3 pt gaps."""
    tokens = []
    for x, text in cells:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 6 * len(word), top + 10, 10.0))
            x += 6 * len(word) + 3
    return Line(page, tokens)


def line_context(
    lines: list[Line], profile: str | Profile = "erfurt", *, pages: int | Sequence[PageInfo] = 1, ocr: bool = False
) -> Context:
    """An extraction context over ``lines``: on ``pages`` A4 pages (or on these pages), with the
    bundled profile of that name (or this profile); ``ocr`` marks page 1 as read by OCR."""
    if isinstance(pages, int):
        pages = [PageInfo(n, 595.0, 842.0) for n in range(1, pages + 1)]
    chosen = bundled_profiles()[profile] if isinstance(profile, str) else profile
    return Context(layout=Layout(pages=list(pages), lines=lines, ocr_pages=[1] if ocr else []), profile=chosen)


def load_script(name: str) -> ModuleType:
    """``scripts/NAME.py`` loaded by path (scripts/ is no package), registered in ``sys.modules``
    first because dataclasses resolve annotations through it."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))  # the scripts import their neighbours
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def generated_variant(builder: str, key: str, pdf: Path) -> dict[str, Any]:
    """The golden of one variant that ``scripts/generate_variants.py``'s function ``builder``
    draws from ``random.Random(key)`` into ``pdf``; the test is skipped when it cannot be built
    (a font or a tool missing). The builders' default faces are restored afterwards."""
    variants = load_script("generate_variants")
    try:
        golden: dict[str, Any] = getattr(variants, builder)(random.Random(key), pdf)
    except (FileNotFoundError, OSError) as exc:
        pytest.skip(f"{pdf.name} could not be built: {exc}")
    finally:
        variants.ff.default_faces()
    return golden


def assert_reads_as_generated(builder: str, key: str, pdf: Path, names: Sequence[str]) -> None:
    """Parse the variant that ``builder`` draws from ``random.Random(key)`` into ``pdf`` and check
    that each field of ``names`` is the generator's golden value."""
    golden = generated_variant(builder, key, pdf)
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in names:
        assert paper[name] == golden[name], name


def assert_case_reads_as_generated(builder: str, family: str, case: str, folder: Path, names: Sequence[str]) -> None:
    """Check each field of ``names`` of development variant ``case`` ("SEED/INDEX") of ``family``,
    drawn by ``builder`` into ``folder``, against the generator's golden."""
    seed, index = case.split("/")
    pdf = folder / f"{family}-{seed}-{int(index):03d}.pdf"
    assert_reads_as_generated(builder, f"{seed}/{family}/{index}", pdf, names)


def generated_twice(builder: str, key: str, first: Path, second: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The goldens of ``builder`` drawn twice from ``random.Random(key)``, into ``first`` and
    ``second``; the builders' default faces are restored afterwards. Unlike
    :func:`generated_variant` a build that fails fails the test (determinism needs both)."""
    variants = load_script("generate_variants")
    try:
        build = getattr(variants, builder)
        goldens: tuple[dict[str, Any], dict[str, Any]] = (
            build(random.Random(key), first),
            build(random.Random(key), second),
        )
    finally:
        variants.ff.default_faces()
    return goldens


def assert_scan_keeps_born_golden(
    variants: ModuleType, family: str, born_builder: str, seed: str, folder: Path
) -> dict[str, Any]:
    """The golden of scan ``family`` of ``variants`` (scripts/generate_variants.py) drawn from
    ``seed``, after checking that two builds give the same golden, scan and kept born-digital
    source, and that the golden is the born-digital paper's (``born_builder`` of variant_letters)
    but for a page count that an appended answer page may raise. The scan is kept in
    ``folder / "a" / "scan.pdf"``, its source beside it as ``scan.source.pdf``."""
    scan_family = sys.modules["scan_family"]
    variant_letters = sys.modules["variant_letters"]
    build = {named.name: named.build for named in variants.NAMED_FAMILIES}[family]
    born = getattr(variant_letters, born_builder)(random.Random(seed), folder / "born.pdf")
    scan_family.keep_sources(True)
    try:
        runs = []
        for name in ("a", "b"):
            (folder / name).mkdir()
            out = folder / name / "scan.pdf"
            golden = build(random.Random(seed), out)
            runs.append((golden, out.read_bytes(), out.with_suffix(".source.pdf").read_bytes()))
    finally:
        # The flag is module-wide: left on, every later build would write a source beside it.
        scan_family.keep_sources(False)
    assert runs[0] == runs[1]
    kept: dict[str, Any] = runs[0][0]
    # The scan may carry an appended answer page; every other field is the paper's own.
    assert {k: v for k, v in kept.items() if k != "page_count"} == {k: v for k, v in born.items() if k != "page_count"}
    assert kept["page_count"] >= born["page_count"]
    return kept


def built_layouts(
    tmp_path_factory: pytest.TempPathFactory, script: str, build: Callable[[ModuleType, Path], None]
) -> Path:
    """A folder of documents that ``build(scripts/SCRIPT.py, folder)`` draws; the test skips when
    a font the builders draw with is not installed."""
    sys.path.insert(0, str(ROOT / "scripts"))  # the builders import their neighbours from scripts/
    try:
        module = importlib.import_module(script)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    out = tmp_path_factory.mktemp(script)
    try:
        build(module, out)
    except (FileNotFoundError, OSError) as exc:
        pytest.skip(f"the meeting layouts could not be built: {exc}")
    return out


def ruled_grid(xs: list[float], ys: list[float]) -> list[Shape]:
    """The rules of a table with column edges ``xs`` and row edges ``ys``, drawn as Word draws
    them: every rule cell by cell."""
    shapes = []
    for y in ys:
        shapes += [Shape("line", a, y, b, y) for a, b in pairwise(xs)]
    for x in xs:
        shapes += [Shape("line", x, a, x, b) for a, b in pairwise(ys)]
    return shapes


def _proposal_cells(text: str) -> list[tuple[float, str]]:
    """A proposal line's cells: an item's number at the margin and its text set in after it."""
    number, _, rest = text.partition(" ")
    return [(70, number), (90, rest)] if number[:-1].isdigit() and number.endswith(".") else [(70, text)]


def read_proposal(heading: str, *texts: str) -> list[tuple[str | None, str]]:
    """The items the generic profile reads from ``heading`` over ``texts`` (a paragraph of one line
    each, an item's number set apart from its text) and a "Sachverhalt:" after them."""
    lines = [text_line(100 + 22 * k, _proposal_cells(text)) for k, text in enumerate((heading, *texts))]
    lines.append(text_line(100 + 22 * (len(texts) + 2), [(70, "Sachverhalt:")]))
    ctx = line_context(lines, "generic")
    extract_resolution(ctx)
    return [(item.number, item.text) for item in ctx.fields.values["resolution_proposal"]]


#: The fields the Vorlage families of an information system (SD.NET, Kreistag) check against their
#: goldens.
VORLAGE_FIELDS = [
    "number",
    "title",
    "document_type",
    "public",
    "originator",
    "date",
    "consultations",
    "resolution_proposal",
    "checkboxes",
    "finances",
    "attachments",
    "justification",
]


#: Word papers are typed with python-docx and converted by LibreOffice.
needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or importlib.util.find_spec("docx") is None,
    reason="LibreOffice (soffice) and python-docx build the Word papers",
)


def built_word_papers(
    tmp_path_factory: pytest.TempPathFactory, builder: str, family: str, cases: Sequence[str]
) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development variants ``cases`` ("SEED/INDEX") of the Word family ``family``, typed by
    ``scripts/generate_variants.py``'s ``builder`` and converted in one LibreOffice run as the
    generator does: each case's PDF and golden."""
    variants = load_script("generate_variants")
    work = tmp_path_factory.mktemp(family)
    jobs, goldens = [], {}
    try:
        for case in cases:
            seed, index = case.split("/")
            docx = work / f"{family}-{seed}-{int(index):03d}.docx"
            goldens[case] = getattr(variants, builder)(random.Random(f"{seed}/{family}/{index}"), docx)
            jobs.append((docx, docx.with_suffix(".pdf")))
        variants.convert_all(jobs, work)
    finally:
        variants.ff.default_faces()
    return {case: (pdf, goldens[case]) for case, (_, pdf) in zip(cases, jobs, strict=True)}


def assert_typed_twice_alike(builder: str, key: str, folder: Path) -> None:
    """A Word family's goldens and DOCX text come from the seed alone (no LibreOffice needed):
    ``builder`` draws ``key`` twice into ``folder`` with the same golden, and a title."""
    if importlib.util.find_spec("docx") is None:
        pytest.skip("python-docx is not installed")
    first, again = generated_twice(builder, key, folder / "a.docx", folder / "b.docx")
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["title"]
