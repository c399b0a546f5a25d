"""OCR of scanned fixtures (when Tesseract is installed), the missing-engine error path, the
policy for a scan's own text layer, and the word-level repairs: URLs, dashes and word boxes
(page numbers as OCR reads them: tests/test_regions.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ratsdoc
from ratsdoc.errors import OcrUnavailableError
from ratsdoc.issues import Issue
from ratsdoc.layout.lines import page_lines
from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr import engine as ocr_engine
from ratsdoc.ocr import noise as ocr_noise
from ratsdoc.ocr import passes as ocr_passes
from ratsdoc.ocr import step as ocr_step
from ratsdoc.ocr import words as ocr_words

from .conftest import FIXTURES

SCANS = FIXTURES / "scans"
IMAGE_ONLY = SCANS / "scan-0112-23-glyphs.pdf"
HAVE_TESSERACT = ocr_engine.find_engine() is not None


def _checkbox_states(groups: list[dict[str, object]]) -> list[bool | None]:
    return [option["checked"] for group in groups for option in group["options"]]  # type: ignore[union-attr, index]


def test_missing_engine_raises_with_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    """An image-only PDF without an engine is an error naming what to install, never an empty result."""
    monkeypatch.setattr(ocr_engine, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    with pytest.raises(OcrUnavailableError) as info:
        ratsdoc.parse(IMAGE_ONLY)
    assert "tesseract-ocr-deu" in info.value.install
    assert "tesseract-ocr-deu" in str(info.value)
    assert info.value.exit_code == 1


def test_missing_engine_via_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """RATSDOC_TESSERACT names the binary; a missing one makes OCR unavailable."""
    monkeypatch.setenv(ocr_engine.TESSERACT_ENV, "/nonexistent/tesseract-env")
    assert ocr_engine.engine_command() == "/nonexistent/tesseract-env"
    assert ocr_engine.find_engine() is None


def test_cli_exit_code_without_engine(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI exits with 1 and one line naming the install when OCR is needed but unavailable."""
    from ratsdoc.cli import main

    monkeypatch.setattr(ocr_engine, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    code = main(["parse", str(IMAGE_ONLY)])
    assert code == 1
    assert "tesseract" in capsys.readouterr().err


def test_ocr_never_warns_instead_of_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    """--ocr never reads only the text layer and says that a scanned page stayed unread."""
    monkeypatch.setattr(ocr_engine, "TESSERACT", "/nonexistent/tesseract-for-ratsdoc-tests")
    paper = ratsdoc.parse(IMAGE_ONLY, ocr="never")
    assert any("OCR is off" in w for w in paper.warnings)


def test_parse_tsv_keeps_line_boxes() -> None:
    """Words carry their Tesseract line's top and bottom; rules read as "|" are dropped."""
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t10\t100\t300\t40\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t105\t100\t30\t95.0\tJa\n"
        "5\t1\t1\t1\t1\t2\t150\t100\t5\t40\t20.0\t|\n"
    )
    words = ocr_engine.parse_tsv(tsv)
    assert [w.text for w in words] == ["Ja"]
    chars = ocr_words.words_to_chars(words)
    assert [c.text for c in chars] == ["J", "a", " "]
    assert chars[0].top == pytest.approx(100 * 72 / 300) and chars[0].fontname == "OCR"


@pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with German data (tesseract-ocr-deu) is not installed")
@pytest.mark.parametrize("pdf", sorted(SCANS.glob("*.pdf")), ids=lambda p: p.stem)
def test_scanned_fixture(pdf: Path) -> None:
    """Each scan parses; its pages are named as OCRed; its checkbox states match the golden."""
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    assert any("OCR" in w for w in paper["warnings"])
    assert paper["page_count"] == golden["page_count"]
    got, want = _checkbox_states(paper["checkboxes"]), _checkbox_states(golden["checkboxes"])
    right = sum(g == w for g, w in zip(got, want, strict=False))
    assert right / len(want) >= 0.9, (got, want)
    # Regression: a Beratungsfolge row read a little larger by OCR ended the table after its first row.
    assert paper["consultations"] == golden["consultations"]


def _word(
    text: str,
    left: int,
    top: int,
    width: int,
    height: int,
    *,
    line: tuple[int, int] | None = None,
    confidence: float = 95.0,
) -> ocr_engine.OcrWord:
    line_top, line_bottom = line if line is not None else (top, top + height)
    return ocr_engine.OcrWord(text, left, top, width, height, line_top, line_bottom, confidence)


# --------------------------------------------------------------------------
# URLs, dashes, word boxes (pure functions on words)
# --------------------------------------------------------------------------

URL_LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12).filter(
    lambda s: not s.startswith("-") and not s.endswith("-")
)
URLS = st.builds(
    lambda scheme, host, tld, path: f"{scheme}://{'.'.join(host)}.{tld}" + "".join(f"/{p}" for p in path),
    st.sampled_from(["http", "https", "HTTPS", "ftp"]),
    st.lists(URL_LABEL, min_size=1, max_size=3),
    st.sampled_from(["de", "com", "org"]),
    st.lists(URL_LABEL, max_size=4),
)


@given(URLS)
def test_repair_url_leaves_clean_urls_alone(url: str) -> None:
    """A well-formed URL, alone or in a sentence, is never changed."""
    assert ocr_words.repair_url(url) == url
    assert ocr_words.repair_url(f"abrufbar unter: {url}.") == f"abrufbar unter: {url}."


@given(
    URLS,
    st.sampled_from(["", " "]),
    st.sampled_from(["", " "]),
    st.sampled_from(["/", "//", "//\\", "/\\", "\\\\", "///"]),
    st.booleans(),
)
def test_repair_url_undoes_scheme_damage(url: str, before: str, after: str, slashes: str, inner: bool) -> None:
    """Spaces around the colon, a slash lost, doubled or read as a backslash after the scheme,
    and a backslash for a slash in the path are repaired; letters and digits never change."""
    scheme, rest = url.split("://", 1)
    if inner and "/" in rest:
        rest = rest.replace("/", "\\", 1)
    damaged = f"{scheme}{before}:{after}{slashes}{rest}"
    assert ocr_words.repair_url(damaged) == url
    assert ocr_words.repair_url(ocr_words.repair_url(damaged)) == url


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß .,;!?-/", max_size=80))
def test_repair_url_ignores_text_without_urls(text: str) -> None:
    """Text without a URL scheme comes back unchanged."""
    assert ocr_words.repair_url(text) == text


def test_repair_url_examples() -> None:
    """The readings seen on scans, and text that only looks similar."""
    assert ocr_words.repair_url("https://\\www.erfurt.de/ef") == "https://www.erfurt.de/ef"
    assert ocr_words.repair_url("https: //\\www.imap-institut.de/de") == "https://www.imap-institut.de/de"
    assert ocr_words.repair_url("Ziel: /pfad und C:\\Daten") == "Ziel: /pfad und C:\\Daten"
    assert ocr_words.repair_url("https://www.erfurt.del/ef") == "https://www.erfurt.del/ef"  # letters stay


def test_scheme_split_from_its_url_is_joined() -> None:
    """Tesseract's "https:" + "//www…" on one line becomes one repaired word."""
    line = (95, 140)
    words = [
        _word("siehe:", 10, 100, 90, 30, line=line),
        _word("https:", 120, 100, 100, 30, line=line),
        _word("//\\www.imap.de/x", 228, 100, 400, 30, line=line),
    ]
    assert [w.text for w in ocr_words.join_url_words(words)] == ["siehe:", "https://www.imap.de/x"]


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((24, 5, 41), "–"),
        ((25, 6, 46), "–"),
        ((12, 5, 45), "-"),
        ((45, 5, 45), "—"),
        ((20, 8, 40), None),  # an arrow: its head is taller than a dash's stroke
        ((100, 4, 40), None),  # a piece of a rule
    ],
)
def test_dash_told_by_its_size(size: tuple[int, int, int], expected: str | None) -> None:
    """A lone dash is a hyphen, an en dash or an em dash by its length; arrows and rules are none."""
    assert ocr_engine.dash_for_width(*size) == expected


@pytest.mark.parametrize("read", ["-", "—-"])
def test_parse_tsv_keeps_en_dash_between_words(read: str) -> None:
    """ "Anlage 1 – Lageplan": the dash Tesseract reads as "-" (or "—-") stays, as an en dash."""
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t236\t1617\t700\t47\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t236\t1623\t130\t41\t96.7\tAnlage\n"
        "5\t1\t1\t1\t1\t2\t380\t1624\t21\t31\t85.1\t1\n"
        f"5\t1\t1\t1\t1\t3\t412\t1640\t26\t7\t83.1\t{read}\n"
        "5\t1\t1\t1\t1\t4\t449\t1617\t175\t39\t96.6\tLageplan\n"
    )
    assert [w.text for w in ocr_engine.parse_tsv(tsv)] == ["Anlage", "1", "–", "Lageplan"]


def test_overlapping_word_boxes_do_not_interleave() -> None:
    """A word box stretched over the next word ends where that word begins."""
    words = [_word("Abschnitt", 1758, 813, 251, 47, line=(813, 869)), _word("17", 1968, 809, 43, 64, line=(813, 869))]
    lines = page_lines(Page(1, 595.0, 842.0, ocr_words.words_to_chars(words)))
    assert [line.text for line in lines] == ["Abschnitt 17"]


def test_merged_table_rows_are_split_back() -> None:
    """A Tesseract line spanning a wrapped first cell and the centred cells beside it gives each
    word its own row; an ordinary line keeps one band for all its words."""
    line = (822, 893)
    words = [
        _word("für", 446, 826, 43, 29, line=line),
        _word("Vergabe", 740, 826, 140, 36, line=line),
        _word("04.06.2024", 1234, 851, 186, 29, line=line),
        _word("nicht", 1548, 851, 77, 29, line=line),
    ]
    bands = ocr_words.word_bands(words)
    assert bands[0] == (826, 855) and bands[2] == (851, 880)
    plain = [
        _word("Deckung", 239, 632, 137, 34, line=(617, 673)),
        _word("Nein", 674, 617, 69, 55, line=(617, 673)),
        _word("Ja", 831, 633, 37, 27, line=(617, 673)),
    ]
    assert set(ocr_words.word_bands(plain)) == {(617, 673)}


def test_line_box_stretched_over_the_next_row_keeps_the_rows_apart() -> None:
    """A Tesseract line box stretched down over the next row (its words all in one row, one of
    them taller) gives that tall word no band over the next row: both rows read as printed,
    not with their letters interleaved."""
    first, second = (865, 955), (925, 965)
    words = [
        _word("Anfrage:", 293, 866, 183, 44, line=first),
        _word("Erweiterung", 494, 869, 238, 40, line=first),
        _word("der", 746, 869, 64, 32, line=first),
        _word("Stadtbibliothek", 822, 869, 299, 32, line=first),
        _word("die", 494, 925, 58, 32, line=second),
        _word("Regenrückhaltebecken", 567, 925, 452, 39, line=second),
        _word("und", 1034, 925, 73, 32, line=second),
    ]
    lines = page_lines(Page(1, 595.0, 842.0, ocr_words.words_to_chars(words)))
    assert [line.text for line in lines] == [
        "Anfrage: Erweiterung der Stadtbibliothek",
        "die Regenrückhaltebecken und",
    ]


def test_second_reading_with_fewer_letters_does_not_replace() -> None:
    """A second-pass word whose box spans three words but reads one of them loses nothing."""
    first = [
        _word("Deckung", 239, 632, 137, 34, confidence=97),
        _word("im", 387, 632, 36, 27, confidence=3),
        _word("Haushalt", 435, 631, 139, 29, confidence=3),
    ]
    again = [_word("Deckung", 238, 631, 336, 35, confidence=97)]
    assert [w.text for w in ocr_passes.merge_readings(first, again)] == ["Deckung", "im", "Haushalt"]


def test_second_reading_narrower_than_the_word_it_covers_does_not_replace() -> None:
    """Tesseract 5.5 ran "im Haushalt" together; the second pass's "Haushalt", surer but
    spanning only the right-hand part of that box, must not drop the "im"."""
    first = [
        _word("Deckung", 239, 632, 137, 34, confidence=85),
        _word("imHaushalt", 387, 631, 187, 30, confidence=33),
    ]
    again = [_word("Haushalt", 439, 631, 135, 29, confidence=95)]
    assert [w.text for w in ocr_passes.merge_readings(first, again)] == ["Deckung", "imHaushalt"]
    # A shorter reading whose box spans the whole word still replaces it.
    again = [_word("Haushalt", 386, 631, 188, 30, confidence=95)]
    assert [w.text for w in ocr_passes.merge_readings(first, again)] == ["Deckung", "Haushalt"]


# --------------------------------------------------------------------------
# A scan's own text layer
# --------------------------------------------------------------------------


def test_ocr_noise_words() -> None:
    """Misreadings no typist produces are noise; abbreviations, codes and compounds are not."""
    for word in ("0ffentlich", "O815/23", "31.1O.2023", "l7.0l.2023", "O5.09.2023,", "dcr", "nlcht", "Stra8e"):
        assert ocr_noise.is_ocr_noise(word), word
    for word in (
        "öffentlich",
        "0815/23",
        "31.10.2023",
        "VO/2024/300",
        "3D",
        "A4",
        "U18",
        "B96",
        "GmbH",
        "kWh",
        "bzw.",
        "u.a.",
        "10-Minuten-Takt",
        "m².",
        "VbE)",
        "xxxxx",
        "(2)",
        "§12a",
        "2x",
        "1a",
        "O",
    ):
        assert not ocr_noise.is_ocr_noise(word), word


def test_born_digital_fixtures_read_clean() -> None:
    """No word of any born-digital fixture counts as OCR noise: a clean layer is never replaced."""
    from ratsdoc.budget import document_guard
    from ratsdoc.input import load_input
    from ratsdoc.options import ParseOptions
    from ratsdoc.pipeline import read_layout

    options = ParseOptions(ocr="never")
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        with document_guard(options, str(pdf)) as budget:
            layout, _ = read_layout(load_input(str(pdf), max_file_size=50_000_000), options, budget)
        assert ocr_noise.layer_noise(layout.lines) == [], pdf.name


def _scan_page(words: str) -> Page:
    """A page that is a full-page image with an invisible text layer of ``words``."""
    chars: list[Char] = []
    x = 50.0
    for word in words.split():
        for letter in word:
            chars.append(Char(letter, x, 100.0, x + 5.0, 110.0, "Helvetica", 10.0))
            x += 5.0
        x += 5.0
    return Page(1, 595.0, 842.0, tuple(chars), image_area=595.0 * 842.0)


NOISY_LAYER = "Der Stadtrat hat am 31.1O.2023 beschlossen, nlcht 0ffentlich"
CLEAN_LAYER = "Der Stadtrat hat am 31.10.2023 beschlossen, nicht öffentlich"


@pytest.mark.parametrize(
    ("layer", "mode", "engine", "reocred"),
    [
        (NOISY_LAYER, "auto", True, True),
        (NOISY_LAYER, "auto", False, False),
        (NOISY_LAYER, "never", True, False),
        (CLEAN_LAYER, "auto", True, False),
    ],
)
def test_scan_layer_policy(monkeypatch: pytest.MonkeyPatch, layer: str, mode: str, engine: bool, reocred: bool) -> None:
    """With an engine and --ocr auto, a scan's own layer is kept only when it reads clean;
    without an engine, or with --ocr never, the layer is used."""
    fake = ocr_engine.OcrEngine(path="/usr/bin/tesseract", version="5.3.0")
    monkeypatch.setattr(ocr_step, "find_engine", lambda: fake if engine else None)
    calls: list[int] = []

    def fake_ocr(
        self: ocr_step.OcrStep, page: Page, used: ocr_engine.OcrEngine, warnings: list[Issue]
    ) -> ocr_step.PageRead:
        calls.append(page.number)
        return ocr_step.PageRead(page.number, [], warnings)

    monkeypatch.setattr(ocr_step.OcrStep, "_ocr", fake_ocr)
    monkeypatch.setattr(ocr_step.OcrStep, "_render", lambda self, page, warnings: None)
    monkeypatch.setattr(ocr_step.OcrStep, "_hidden_share", lambda self, number: 1.0)
    step = ocr_step.OcrStep(pdf=None, mode=mode)  # type: ignore[arg-type]
    lines = step.page_lines(_scan_page(layer))
    assert (calls == [1]) is reocred
    if not reocred:
        assert " ".join(line.text for line in lines) == layer
    if layer is NOISY_LAYER and mode == "auto":
        assert any("OCR errors" in w.message and "31.1O.2023" in w.message for w in step.warnings)


def _picture_with_text(render_mode: int) -> bytes:
    """A page covered by a picture with one line of text over it, drawn in ``render_mode``."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    picture = Image.new("L", (60, 80), 200)
    pdf.drawImage(ImageReader(picture), 0, 0, 595, 842)
    text = pdf.beginText(60, 700)
    text.setFont("Helvetica", 12)
    text.setTextRenderMode(render_mode)
    text.textLine("Der Stadtrat hat am 31.1O.2023 beschlossen")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_visible_text_over_a_picture_is_no_scan_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A slide's text over its background photo is read as it is: no OCR, no fuzzy labels,
    even when a word looks misread; the same words drawn invisibly are a scan's OCR layer."""
    pytest.importorskip("reportlab")
    from ratsdoc.ocr.hidden_text import invisible_text_share

    fake = ocr_engine.OcrEngine(path="/usr/bin/tesseract", version="5.3.0")
    monkeypatch.setattr(ocr_step, "find_engine", lambda: fake)
    calls: list[int] = []
    monkeypatch.setattr(
        ocr_step.OcrStep,
        "_ocr",
        lambda self, page, used, warnings: calls.append(page.number) or ocr_step.PageRead(page.number, [], warnings),
    )
    for mode, share, reocred in ((0, 0.0, False), (3, 1.0, True)):
        data = _picture_with_text(mode)
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        assert invisible_text_share(document[0].raw) == share
        document.close()
        calls.clear()
        paper = ratsdoc.parse(data, engine="pdfium")
        assert (calls == [1]) is reocred, mode
        assert any("OCR errors" in w for w in paper.warnings) is reocred


@pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with German data (tesseract-ocr-deu) is not installed")
def test_noisy_layer_of_fixture_is_replaced() -> None:
    """scan-0815's own layer ("0ffentlich", "31.1O.2023", "nlcht") is OCRed afresh."""
    paper = ratsdoc.parse(SCANS / "scan-0815-23-fussweg.pdf")
    assert any("OCR errors" in w for w in paper.warnings)
    assert paper.resolution_proposal[0].text.count("31.10.2023") == 1


@pytest.mark.parametrize("text", ["", "  "])
def test_spaces_alone_are_no_text_layer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Regression: a scanned page that kept two space chars of its Word document was not OCRed
    by the pdfplumber engine (PDFium reports no chars there, and OCRed it)."""
    fake = ocr_engine.OcrEngine(path="/usr/bin/tesseract", version="5.3.0")
    monkeypatch.setattr(ocr_step, "require_engine", lambda why: fake)
    calls: list[int] = []

    def fake_ocr(
        self: ocr_step.OcrStep, page: Page, used: ocr_engine.OcrEngine, warnings: list[Issue]
    ) -> ocr_step.PageRead:
        calls.append(page.number)
        return ocr_step.PageRead(page.number, [], warnings)

    monkeypatch.setattr(ocr_step.OcrStep, "_ocr", fake_ocr)
    chars = tuple(Char(" ", 70.0 + 5 * i, 700.0, 73.0 + 5 * i, 712.0, "Calibri", 12.0) for i in range(len(text)))
    page = Page(5, 595.0, 842.0, chars, image_area=451.0 * 644.0)
    ocr_step.OcrStep(pdf=None, mode="auto").page_lines(page)  # type: ignore[arg-type]
    assert calls == [5]


def test_rendering_reuses_the_bytes_the_pdfium_engine_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages rendered for OCR are checked by the PDFium preflight; when the PDFium engine read
    the text, its check stands and is not run a second time (pdfplumber runs none)."""
    from ratsdoc.budget import make_budget
    from ratsdoc.input import load_input
    from ratsdoc.layout import preflight as preflight_module
    from ratsdoc.layout.model import EngineLimits
    from ratsdoc.layout.pdfium_engine import PdfiumSource
    from ratsdoc.layout.pdfplumber_engine import PdfplumberSource
    from ratsdoc.options import ParseOptions

    options = ParseOptions()
    budget = make_budget(options, None)
    limits = EngineLimits.from_options(options)
    pdf = load_input(IMAGE_ONLY, max_file_size=options.max_file_size)
    engine = PdfiumSource(pdf, budget=budget, limits=limits)
    reference = PdfplumberSource(pdf, budget=budget, limits=limits)
    assert engine.checked_data is not None and reference.checked_data is None
    calls: list[object] = []
    real = preflight_module.preflight

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(preflight_module, "preflight", counting)
    for checked, expected_calls in ((engine.checked_data, 0), (reference.checked_data, 1)):
        calls.clear()
        step = ocr_step.OcrStep(pdf, checked=checked, budget=budget)
        try:
            rendered = step._render(Page(1, 595.0, 842.0, ()), [])
        finally:
            step.close()
        assert rendered is not None and rendered[1] == ocr_engine.OCR_DPI
        assert rendered[0].size[0] > 1000  # A4 at the OCR resolution
        assert len(calls) == expected_calls
    engine.close()
    reference.close()
