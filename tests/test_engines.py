"""The PDFium engine must hand the pipeline the same page model as the pdfplumber reference.

Compared per page: the char text (whitespace dropped), char boxes within 1 pt, fonts (without
the subset prefix PDFium strips), marked-content ids and the structure elements they lead to,
shapes (kind, paint, box within 1 pt) and annotations; and the parsed result of every fixture.
Known, documented differences: ``docs/engines.md``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from ratsdoc.budget import Budget, make_budget
from ratsdoc.input import load_input
from ratsdoc.layout.model import Char, EngineLimits, Page
from ratsdoc.layout.pdfium_chars import CharReader
from ratsdoc.layout.pdfium_engine import PdfiumSource
from ratsdoc.layout.pdfplumber_engine import PdfplumberSource
from ratsdoc.layout.structure import PageMarks
from ratsdoc.options import ParseOptions

from .conftest import FIXTURES, fixture_pdfs

TOL = 1.0
LIMITS = EngineLimits()


def _budget() -> Budget:
    """A budget of the default options: the engines check against one (no guard is active,
    so the pdfminer patches stay inert, as in a plain pdfplumber read)."""
    return make_budget(ParseOptions(), None)


def _read(engine: type[PdfplumberSource] | type[PdfiumSource], path: Path, **overrides: object) -> list[Page]:
    limits = dataclasses.replace(LIMITS, **overrides)  # type: ignore[arg-type]
    source = engine(load_input(path, max_file_size=10**9), budget=_budget(), limits=limits)
    try:
        return list(source.pages())
    finally:
        source.close()


def _font(name: str) -> str:
    """A font name without the ``ABCDEF+`` subset tag (PDFium does not report the tag)."""
    return name.split("+", 1)[-1]


def _zero_descent_fonts(path: Path) -> set[str]:
    """Fonts whose /FontDescriptor says ``Descent 0``: PDFium substitutes its own metrics for
    them, pdfminer takes the 0, so their boxes sit lower by up to a quarter of the size."""
    pikepdf = pytest.importorskip("pikepdf")
    names: set[str] = set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            for font in fonts.values():
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                if descriptor is not None and float(descriptor.get("/Descent", 0)) == 0:
                    names.add(_font(str(font.get("/BaseFont", "")).lstrip("/")))
    return names


def _ink(chars: tuple[Char, ...]) -> list[Char]:
    return [c for c in chars if c.text.strip()]


def _blocks(page: Page) -> dict[int, int]:
    """The structure elements of a tagged page's MCIDs (empty for an untagged page)."""
    return page.marks.blocks() if isinstance(page.marks, PageMarks) else {}


def assert_same_pages(path: Path) -> None:
    """Assert that both engines build the same page model for ``path``."""
    reference = _read(PdfplumberSource, path)
    candidate = _read(PdfiumSource, path)
    assert len(candidate) == len(reference)
    loose_fonts = _zero_descent_fonts(path)
    for ref, got in zip(reference, candidate, strict=False):
        where = f"{path.name} p{ref.number}"
        assert (got.number, got.width, got.height) == pytest.approx((ref.number, ref.width, ref.height), abs=0.01), (
            where
        )
        ref_chars, got_chars = _ink(ref.chars), _ink(got.chars)
        # Engines may list glyphs in a different order (content-stream vs. text-page order);
        # every later stage sorts by position, so the same glyphs at the same places suffice.
        assert sorted(c.text for c in got_chars) == sorted(c.text for c in ref_chars), where
        unused: dict[str, list[Char]] = {}
        for b in got_chars:
            unused.setdefault(b.text, []).append(b)
        for a in ref_chars:
            v_tol = max(TOL, 0.25 * a.size) if _font(a.fontname) in loose_fonts else TOL
            candidates = unused[a.text]
            match = next(
                (
                    b
                    for b in candidates
                    if abs(b.x0 - a.x0) <= TOL
                    and abs(b.x1 - a.x1) <= TOL
                    and abs(b.top - a.top) <= v_tol
                    and abs(b.bottom - a.bottom) <= v_tol
                ),
                None,
            )
            assert match is not None, (where, a)
            candidates.remove(match)
            assert _font(match.fontname) == _font(a.fontname), (where, a)
            assert match.upright == a.upright, (where, a)
            assert match.mcid == a.mcid, (where, a)
        assert _blocks(got) == _blocks(ref), where
        ref_shapes = sorted(ref.shapes, key=lambda s: (s.kind, s.top, s.x0, s.bottom, s.x1))
        got_shapes = sorted(got.shapes, key=lambda s: (s.kind, s.top, s.x0, s.bottom, s.x1))
        assert [(s.kind, s.stroked, s.filled) for s in got_shapes] == [
            (s.kind, s.stroked, s.filled) for s in ref_shapes
        ], where
        for a_shape, b_shape in zip(ref_shapes, got_shapes, strict=False):
            assert (b_shape.x0, b_shape.top, b_shape.x1, b_shape.bottom) == pytest.approx(
                (a_shape.x0, a_shape.top, a_shape.x1, a_shape.bottom), abs=TOL
            ), (where, a_shape)
        assert got.image_area == pytest.approx(ref.image_area, rel=0.01, abs=1.0), where
        assert len(got.images) == len(ref.images), where
        for a_box, b_box in zip(sorted(ref.images), sorted(got.images), strict=True):
            assert b_box == pytest.approx(a_box, abs=TOL), where
        assert len(got.annotations) == len(ref.annotations), where
        for a_ann, b_ann in zip(ref.annotations, got.annotations, strict=False):
            assert (b_ann.kind, b_ann.uri, b_ann.field_name, b_ann.checked, b_ann.value) == (
                a_ann.kind,
                a_ann.uri,
                a_ann.field_name,
                a_ann.checked,
                a_ann.value,
            ), where
            assert (b_ann.x0, b_ann.top, b_ann.x1, b_ann.bottom) == pytest.approx(
                (a_ann.x0, a_ann.top, a_ann.x1, a_ann.bottom), abs=TOL
            ), where
        assert got.warnings == ref.warnings, where


# -- small PDFs made on the fly ------------------------------------------------------------------


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A handful of one-feature PDFs written with reportlab."""
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    out = tmp_path_factory.mktemp("engines")
    files: dict[str, Path] = {}

    def make(name: str, draw: object) -> None:
        path = out / f"{name}.pdf"
        c = canvas_mod.Canvas(str(path), pagesize=(595.0, 842.0), invariant=1)
        draw(c)  # type: ignore[operator]
        c.showPage()
        c.save()
        files[name] = path

    def text(c: object) -> None:
        c.setFont("Helvetica", 11)  # type: ignore[attr-defined]
        c.drawString(72, 770, "Beschlussvorschlag: Die Stadt prüft Straßen-")  # type: ignore[attr-defined]
        c.setFont("Times-Bold", 16)  # type: ignore[attr-defined]
        c.drawString(72, 740, "Drucksache 0112/23")  # type: ignore[attr-defined]

    def rect(c: object) -> None:
        c.rect(100, 600, 12, 12, stroke=1, fill=0)  # type: ignore[attr-defined]
        c.rect(200, 600, 50, 20, stroke=0, fill=1)  # type: ignore[attr-defined]

    def line(c: object) -> None:
        c.line(72, 500, 520, 500)  # type: ignore[attr-defined]
        c.line(300, 100, 300, 400)  # type: ignore[attr-defined]
        c.circle(400, 300, 20)  # type: ignore[attr-defined]

    def link(c: object) -> None:
        c.setFont("Helvetica", 10)  # type: ignore[attr-defined]
        c.drawString(72, 700, "https://www.erfurt.de")  # type: ignore[attr-defined]
        c.linkURL("https://www.erfurt.de/ratsinfo", (72, 695, 200, 712), relative=0, thickness=0)  # type: ignore[attr-defined]

    def checkboxes(c: object) -> None:
        form = c.acroForm  # type: ignore[attr-defined]
        form.checkbox(name="ja", x=72, y=700, size=12, checked=True, buttonStyle="cross")
        form.checkbox(name="nein", x=120, y=700, size=12, checked=False, buttonStyle="cross")
        form.checkbox(name="Kontrollkästchen1", x=168, y=700, size=12, checked=True)
        form.textfield(name="betrag", x=72, y=600, width=200, height=18, value="12.500 EUR")

    def hidden(c: object) -> None:
        hidden_text = c.beginText(72, 770)  # type: ignore[attr-defined]
        hidden_text.setFont("Helvetica", 11)
        hidden_text.setTextRenderMode(3)
        hidden_text.textLine("Drucksache 9999/99")
        c.saveState()  # type: ignore[attr-defined]
        c.drawText(hidden_text)  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]
        text(c)

    def images(c: object) -> None:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        strip = ImageReader(Image.new("1", (400, 40), 0))
        c.drawImage(strip, 72, 700, width=200, height=12)  # type: ignore[attr-defined]
        c.drawImage(strip, 300, 500, width=100, height=80)  # type: ignore[attr-defined]

    drawings = (("text", text), ("rect", rect), ("line", line), ("link", link), ("checkboxes", checkboxes))
    for name, draw in (*drawings, ("hidden", hidden), ("images", images)):
        make(name, draw)
    return files


@pytest.mark.parametrize("name", ["text", "rect", "line", "link", "checkboxes", "hidden", "images"])
def test_made_pdfs_agree(made: dict[str, Path], name: str) -> None:
    assert_same_pages(made[name])


def test_made_pdfs_content(made: dict[str, Path]) -> None:
    """The on-the-fly PDFs carry what they were made for (so agreement is not vacuous)."""
    (page,) = _read(PdfiumSource, made["rect"])
    assert sorted(s.kind for s in page.shapes) == ["rect", "rect"]
    (page,) = _read(PdfiumSource, made["line"])
    assert sorted(s.kind for s in page.shapes) == ["curve", "line", "line"]
    (page,) = _read(PdfiumSource, made["link"])
    assert [(a.kind, a.uri) for a in page.annotations] == [("link", "https://www.erfurt.de/ratsinfo")]
    (page,) = _read(PdfiumSource, made["checkboxes"])
    got = {(a.kind, a.field_name, a.checked, a.value) for a in page.annotations}
    assert ("checkbox", "ja", True, None) in got
    assert ("checkbox", "nein", False, None) in got
    assert ("checkbox", "Kontrollkästchen1", True, None) in got
    assert ("text_field", "betrag", None, "12.500 EUR") in got
    (page,) = _read(PdfiumSource, made["text"])
    assert "".join(c.text for c in page.chars).startswith("Beschlussvorschlag: Die Stadt prüft")
    assert {_font(c.fontname) for c in page.chars} == {"Helvetica", "Times-Bold"}


def test_limits(made: dict[str, Path]) -> None:
    """max_chars_per_page and max_pages behave like the reference engine."""
    from ratsdoc.errors import LimitExceededError

    ref = _read(PdfplumberSource, made["text"], max_chars_per_page=5)
    got = _read(PdfiumSource, made["text"], max_chars_per_page=5)
    assert len(got[0].chars) == 5
    assert got[0].warnings == ref[0].warnings
    pdf = load_input(FIXTURES / "erfurt-1203-24-radweg.pdf", max_file_size=10**9)  # 5 pages
    for engine in (PdfplumberSource, PdfiumSource):
        with pytest.raises(LimitExceededError) as info:
            source = engine(pdf, budget=_budget(), limits=dataclasses.replace(LIMITS, max_pages=1))
            list(source.pages())
        assert info.value.limit == "max_pages"


def test_encrypted_and_damaged(tmp_path: Path, made: dict[str, Path]) -> None:
    """Wrong/missing passwords and broken files map to the same errors and wording."""
    pikepdf = pytest.importorskip("pikepdf")
    from ratsdoc.errors import DamagedPdfError, EncryptedPdfError

    locked = tmp_path / "locked.pdf"
    with pikepdf.open(made["text"]) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="geheim", owner="owner"))
    data = load_input(locked, max_file_size=10**9)
    for password in (None, "falsch"):
        errors = []
        for engine in (PdfplumberSource, PdfiumSource):
            with pytest.raises(EncryptedPdfError) as info:
                engine(data, budget=_budget(), limits=dataclasses.replace(LIMITS, password=password))
            errors.append(info.value.reason)
        assert errors[0] == errors[1]
    pages = _read(PdfiumSource, locked, password="geheim")
    assert "Beschlussvorschlag" in "".join(c.text for c in pages[0].chars)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(DamagedPdfError):
        PdfiumSource(load_input(broken, max_file_size=10**9), budget=_budget(), limits=LIMITS)


# -- the committed fixtures ----------------------------------------------------------------------


def _fixture_params() -> Iterator[object]:
    for path in fixture_pdfs():
        yield pytest.param(path, id=path.stem)


@pytest.mark.parametrize("path", list(_fixture_params()))
def test_fixture_pages_agree(path: Path) -> None:
    assert_same_pages(path)


@pytest.mark.parametrize("path", list(_fixture_params()))
def test_fixture_parse_agrees(path: Path) -> None:
    import ratsdoc

    reference = ratsdoc.parse(path, engine="pdfplumber").model_dump(exclude={"provenance"})
    candidate = ratsdoc.parse(path, engine="pdfium").model_dump(exclude={"provenance"})
    assert candidate == reference


def test_steady_baselines_equal_per_glyph_origins(monkeypatch: pytest.MonkeyPatch) -> None:
    """The PDFium char loop reuses a text object's baseline once two glyphs agree on it (and,
    on unrotated pages, its whole vertical extent); asking PDFium for every glyph's origin
    must give exactly the same chars, bit for bit, on every fixture."""
    fast = {path: _read(PdfiumSource, path) for path in fixture_pdfs()}
    info = CharReader._object_info

    def never_steady(self: CharReader, *args: object) -> object:
        name, upright, axis, bottom, height, unmapped, _, hidden, mcid = info(self, *args)  # type: ignore[arg-type]
        return name, upright, axis, bottom, height, unmapped, False, hidden, mcid

    monkeypatch.setattr(CharReader, "_object_info", never_steady)
    for path, pages in fast.items():
        slow = _read(PdfiumSource, path)
        assert [p.chars for p in slow] == [p.chars for p in pages], path.name


def _ligature_pdf(path: Path) -> Path:
    """One line drawn in DejaVu Sans with the ligature code points U+FB01, U+FB00 and U+FB02
    (reportlab maps each glyph to its code point in the ToUnicode map)."""
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    pdfmetrics = pytest.importorskip("reportlab.pdfbase.pdfmetrics")
    ttfonts = pytest.importorskip("reportlab.pdfbase.ttfonts")
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu Sans is not installed")
    pdfmetrics.registerFont(ttfonts.TTFont("DejaVuLigatures", str(font)))
    c = canvas_mod.Canvas(str(path), pagesize=(595.0, 842.0), invariant=1)
    c.setFont("DejaVuLigatures", 12)
    c.drawString(72, 700, "\ufb01nanziell ö\ufb00entlich Au\ufb02age")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("engine", [PdfplumberSource, PdfiumSource])
def test_ligature_code_points_become_letters(
    tmp_path: Path, engine: type[PdfplumberSource] | type[PdfiumSource]
) -> None:
    """A glyph mapped to U+FB00-FB06 gives its letters (PDFium decomposes it, pdfminer kept the
    code point), each with its own share of the glyph's box, left to right without overlap."""
    (page,) = _read(engine, _ligature_pdf(tmp_path / "ligatures.pdf"))
    chars = _ink(page.chars)
    assert "".join(c.text for c in chars) == "finanziellöffentlichAuflage"
    for left, right in itertools.pairwise(chars):
        assert right.x0 >= left.x0 + 0.5
        assert right.x0 >= left.x1 - 0.5  # side by side (PDFium's box may pass the advance a little)
    f, i = chars[0], chars[1]
    assert f.x1 - f.x0 == pytest.approx(i.x1 - i.x0)  # the "ﬁ" glyph's advance, shared equally


def test_ligature_pages_agree(tmp_path: Path) -> None:
    """Both engines split ligature glyphs alike: code points and LibreOffice's two-letter glyphs."""
    assert_same_pages(_ligature_pdf(tmp_path / "ligatures.pdf"))
    assert_same_pages(FIXTURES / "regressions" / "libreoffice-ligatures.pdf")


def test_image_boxes(made: dict[str, Path]) -> None:
    """Both engines give each image's box in top-left points, like the chars."""
    for source in (PdfplumberSource, PdfiumSource):
        (page,) = _read(source, made["images"])
        assert sorted(page.images) == pytest.approx([(72.0, 130.0, 272.0, 142.0), (300.0, 262.0, 400.0, 342.0)])
