"""Generated layout variants (``scripts/generate_variants.py``): the goldens are deterministic and
agree with the text of their PDFs, and the evaluation runs over a small sample of every family.

The parser's accuracy on the variants is printed, not asserted: it is what the variants measure.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ratsdoc.evaluation import evaluate, find_pairs, format_report

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
PER_FAMILY = 2

for module, extra in (("reportlab", "fixtures"), ("pikepdf", "test"), ("fpdf", "test"), ("fontTools", "test")):
    pytest.importorskip(module, reason=f"the variants need {module} (extra '{extra}')")


sys.path.insert(0, str(ROOT / "scripts"))  # generate_variants imports its neighbours from scripts/
gv = load_script("generate_variants")
vt, ld = load_script("variant_text"), load_script("letter_dach")

# The builders draw with Liberation Sans and DejaVu Sans (fonts-liberation, fonts-dejavu-core);
# without them they stop the build, so the sample is skipped with the reason instead.
_MISSING_FONTS = [
    name
    for name in ("LiberationSans-Regular.ttf", "DejaVuSans.ttf")
    if not any((directory / name).exists() for directory in gv.ff.FONT_DIRS)
]
if _MISSING_FONTS:
    pytest.skip(f"the variants need the fonts {', '.join(_MISSING_FONTS)}", allow_module_level=True)


def _families() -> list[ModuleType]:
    """Every family this machine can build: those needing LibreOffice only with it and python-docx."""
    office = shutil.which("soffice") is not None and importlib.util.find_spec("docx") is not None
    return [family for family in gv.FAMILIES if office or not family.office]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``PER_FAMILY`` variants of every buildable family."""
    out = tmp_path_factory.mktemp("variants")
    gv.generate(out, PER_FAMILY, _families(), log=print)
    return out


def _text(pdf: Path) -> tuple[str, int]:
    """All pages' text with whitespace folded, and the page count."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in doc)
        return " ".join(text.split()), len(doc)
    finally:
        doc.close()


def test_every_family_is_built(sample: Path) -> None:
    for family in _families():
        pdfs = sorted((sample / family.name).glob("*.pdf"))
        assert [p.name for p in pdfs] == [f"{family.name}-{i:03d}.pdf" for i in range(1, PER_FAMILY + 1)]
        assert all(p.with_suffix(".json").exists() for p in pdfs)


def test_goldens_are_deterministic(sample: Path, tmp_path: Path) -> None:
    # The families without LibreOffice (slow to start) are built again; their goldens come from the
    # same seeded drawing as the LibreOffice families', whose PDFs vary with the LibreOffice build.
    fast = [family for family in _families() if not family.office]
    gv.generate(tmp_path, PER_FAMILY, fast, log=print)
    again = sorted(tmp_path.rglob("*.json"))
    assert len(again) == PER_FAMILY * len(fast)
    for golden in again:
        first = sample / golden.relative_to(tmp_path)
        assert golden.read_bytes() == first.read_bytes(), golden.name
        # reportlab with invariant=1 and fpdf2 normalised by pikepdf are byte-for-byte stable.
        pdf = golden.with_suffix(".pdf")
        assert pdf.read_bytes() == first.with_suffix(".pdf").read_bytes(), pdf.name


def test_a_different_seed_gives_different_papers(tmp_path: Path) -> None:
    family = next(f for f in gv.FAMILIES if f.name == "letter")
    gv.generate(tmp_path / "a", 1, [family], seed=1, log=print)
    gv.generate(tmp_path / "b", 1, [family], seed=2, log=print)
    a, b = (json.loads((tmp_path / s / "letter" / "letter-001.json").read_text("utf-8")) for s in "ab")
    assert a["title"] != b["title"]


def _german(value: str) -> str:
    return dt.date.fromisoformat(value).strftime("%d.%m.%Y")


def test_goldens_agree_with_the_pdf_text(sample: Path) -> None:
    for golden_path in sorted(sample.rglob("*.json")):
        golden = json.loads(golden_path.read_text("utf-8"))
        text, pages = _text(golden_path.with_suffix(".pdf"))
        name = golden_path.name
        assert golden["page_count"] == pages, name
        if golden["number"]:
            assert golden["number"] in text, name
        for word in (golden["title"] or "").split():  # a letter without a subject line has none
            assert word in text, (name, word)
        date = golden["date"]
        day = dt.date.fromisoformat(date)
        long_form = f"{day.day}. {vt.MONTHS[day.month - 1]} {day.year}"
        assert _german(date) in text or long_form in text, (name, date)
        for entry in [golden["originator"], *golden["attachments"]]:
            if entry:
                assert entry in text, (name, entry)
        for item in golden["resolution_proposal"]:
            assert " ".join(item["text"].split()[:4]) in text, (name, item)
        for consultation in golden["consultations"]:
            assert _german(consultation["date"]) in text, (name, consultation)
            assert all(word in text for word in consultation["body"].split()), (name, consultation)
        if golden["justification"]:
            first = re.sub(r"^- ", "", golden["justification"]).split()[:6]
            assert " ".join(first) in text, name
        for url in golden["links"]:
            assert url in text, (name, url)


def test_evaluation_runs_on_the_sample(sample: Path) -> None:
    pairs = find_pairs(sample)
    assert len(pairs) == PER_FAMILY * len(_families())
    # ``evaluate`` records a typed error (RatsdocError) as a failure; anything else raises here.
    report = evaluate(pairs)
    assert report.documents == len(pairs)
    print()
    print(format_report(report))
    for name, error in report.failures:
        print(f"failed: {name}: {error}")


def test_a_scanned_letter_is_image_only_and_deterministic(tmp_path: Path) -> None:
    """The letter-scan family's scanning (no OCR here: that is slow): every page an image without
    text, the answer page appended, a page turned by /Rotate shown upright, the same bytes again."""
    import random

    import pypdfium2 as pdfium

    scan_family = sys.modules["scan_family"]
    source = ROOT / "fixtures" / "letter-erlangen-2020-antrag-spd.pdf"
    answer = tmp_path / "answer.pdf"
    scan_family.answer_page(random.Random(3), "Erlangen", "SPD-Fraktion", answer)
    outs = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for out in outs:
        # A seed whose draw turns one page sideways.
        pages = scan_family.scan_letter(source, answer, "Erlangen", random.Random(1), out)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    doc = pdfium.PdfDocument(str(outs[0]))
    try:
        assert len(doc) == pages == len(pdfium.PdfDocument(str(source))) + 1
        assert all(not page.get_textpage().get_text_range().strip() for page in doc)
        turned = [page for page in doc if page.get_rotation()]
        assert len(turned) == 1
        width, height = turned[0].render(scale=0.1).to_pil().size
        assert height > width  # stored sideways, shown upright
    finally:
        doc.close()


def test_the_office_wear_profile_is_seeded_and_leaves_the_standard_scans_alone(tmp_path: Path) -> None:
    """``--scan-wear office`` (scripts/scan_image.py ``office_wear``): the same seed gives the same
    bytes, a page of 150 or 200 dpi, greyer than a standard scan; switched back, a scan is the
    standard one again, byte for byte."""
    import random

    import numpy as np
    import pypdfium2 as pdfium

    scan_family = sys.modules["scan_family"]
    source = ROOT / "fixtures" / "letter-erlangen-2020-antrag-spd.pdf"

    def scan(name: str, wear: str) -> Path:
        scan_family.use_wear(wear)
        try:
            scan_family.scan_letter(source, None, "Erlangen", random.Random(5), tmp_path / name)
        finally:
            scan_family.use_wear("standard")
        return tmp_path / name

    standard, office, again, standard_again = (
        scan("s.pdf", "standard"),
        scan("o.pdf", "office"),
        scan("o2.pdf", "office"),
        scan("s2.pdf", "standard"),
    )
    assert office.read_bytes() == again.read_bytes()
    assert standard.read_bytes() == standard_again.read_bytes() != office.read_bytes()
    with pytest.raises(ValueError, match="unknown wear"):
        scan_family.use_wear("fax")

    def page_one(path: Path) -> tuple[int, float]:
        document = pdfium.PdfDocument(str(path))
        try:
            image = document[0].get_objects().__next__().get_bitmap().to_pil()
        finally:
            document.close()
        return image.width, float(np.median(np.asarray(image.convert("L"))))

    (office_width, office_paper), (_, standard_paper) = page_one(office), page_one(standard)
    assert round(office_width / 8.27) in (150, 200)  # A4 is 8.27 inches wide
    assert office_paper < standard_paper


def test_heavy_marks_are_seeded_apart_and_leave_the_standard_scans_alone(tmp_path: Path) -> None:
    """``--scan-marks heavy`` (scripts/heavy_marks.py): the same seed gives the same bytes and the
    same golden as without the option (the marks draw from a generator of their own), the first
    page carries more ink than the standard scan's, the later pages are the same; switched back,
    a scan is the standard one again, byte for byte."""
    import random

    import numpy as np
    import pypdfium2 as pdfium

    scan_family = sys.modules["scan_family"]
    import heavy_marks as marks_module  # type: ignore[import-not-found]  # scripts/ is on sys.path

    # The pen notes are drawn in italic faces of fonts-dejavu-extra and fonts-liberation.
    faces = (*marks_module._HAND, marks_module._BOLD, marks_module._SANS)
    missing = [Path(face).name for face in faces if not Path(face).exists()]
    if missing:
        pytest.skip(f"the scan marks need the fonts {', '.join(missing)}")

    def scan(name: str, marks: str) -> tuple[Path, dict[str, object]]:
        scan_family.use_marks(marks)
        try:
            (tmp_path / name).mkdir()
            out = tmp_path / name / "scan.pdf"  # one name: the marks' seed holds it
            golden = scan_family.letter_scan(gv.letter, random.Random("7/letter-scan/2"), out, tmp_path / name)
        finally:
            scan_family.use_marks("standard")
            gv.ff.default_faces()
        return out, golden

    (standard, golden), (heavy, heavy_golden) = scan("s", "standard"), scan("h", "heavy")
    again, standard_again = scan("h2", "heavy")[0], scan("s2", "standard")[0]
    assert heavy.read_bytes() == again.read_bytes()
    assert standard.read_bytes() == standard_again.read_bytes() != heavy.read_bytes()
    assert heavy_golden == golden
    with pytest.raises(ValueError, match="unknown marks"):
        scan_family.use_marks("crayon")

    def ink(path: Path) -> list[float]:
        document = pdfium.PdfDocument(str(path))
        try:
            pages = [page.get_objects().__next__().get_bitmap().to_pil().convert("L") for page in document]
        finally:
            document.close()
        return [float((np.asarray(page) < 128).mean()) for page in pages]

    heavy_ink, standard_ink = ink(heavy), ink(standard)
    assert len(heavy_ink) == len(standard_ink)
    assert heavy_ink[0] != standard_ink[0]
    assert heavy_ink[1:] == standard_ink[1:]


def test_letter_dach_goldens_are_deterministic_and_consistent(tmp_path: Path) -> None:
    """The letter-dach family (scripts/letter_dach.py): the same seed gives the same bytes, and
    each golden says what its PDF prints: a type of the reader's vocabulary, the faction as
    (part of) the originator, the body as addressed, papers of all three countries."""
    from ratsdoc.extract.generic.vocabulary import reader_vocabulary

    family = next(f for f in gv.FAMILIES if f.name == "letter-dach")
    for run in ("a", "b"):
        gv.generate(tmp_path / run, 12, [family], seed=3, log=print)
    types = reader_vocabulary().document_types
    cities = set()
    for golden_path in sorted((tmp_path / "a" / "letter-dach").glob("*.json")):
        again = tmp_path / "b" / "letter-dach" / golden_path.name
        assert golden_path.read_bytes() == again.read_bytes(), golden_path.name
        assert golden_path.with_suffix(".pdf").read_bytes() == again.with_suffix(".pdf").read_bytes()
        golden = json.loads(golden_path.read_text("utf-8"))
        text, _ = _text(golden_path.with_suffix(".pdf"))
        assert any(golden["document_type"].startswith(t) for t in types), golden["document_type"]
        assert golden["document_type"] in text and golden["originator"] in text
        if golden["faction"]:
            assert golden["originator"].endswith(golden["faction"])
        if golden["body"]:
            # As addressed ("An den Grossen Rat") or in a meeting line's genitive ("des Ortsbeirates").
            first, *rest = golden["body"].replace("Grosser", "Grossen").split()
            assert first in text and " ".join(rest) in text
        cities.update(c for c, _, _ in ld.CITIES if c in text)
    countries = {country for city, _, country in ld.CITIES if city in cities}
    assert countries == {"DE", "AT", "CH"}
