"""The preflight: what pdfminer settles about a file before PDFium may read it.

Small PDFs are written with the hostile corpus's raw writer, so that each test shows the one
structure it is about; the budgets are those of a guarded parse with the given options.
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path
from typing import Any

import pytest
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT

from ratsdoc.budget import GuardStop, MiB, document_guard, make_budget
from ratsdoc.errors import DamagedPdfError, EncryptedPdfError, LimitExceededError
from ratsdoc.input import PdfInput, load_input
from ratsdoc.layout.model import EngineLimits
from ratsdoc.layout.pagetree import REPAIRED_WARNING
from ratsdoc.layout.pdfplumber_engine import PdfplumberSource
from ratsdoc.layout.preflight import Preflight, preflight
from ratsdoc.layout.streams import decode, decoded_bound, image_bytes
from ratsdoc.options import ParseOptions

from .conftest import FIXTURES
from .test_hostile import corpus_script

TEXT = corpus_script._TEXT_PAGE.encode()


@functools.cache
def _bomb() -> bytes:
    """Flate data inflating to just over the default stream budget of 128 MiB."""
    data: bytes = corpus_script._deflate_repeated(b"\0", 129 * MiB)
    return data


def _input(data: bytes) -> PdfInput:
    return PdfInput(data=data, name="test.pdf", sha256="0")


def _check(data: bytes, password: str | None = None, max_pages: int = 500, **options: Any) -> Preflight:
    """The preflight of ``data`` inside a guarded parse with ``options``."""
    with document_guard(ParseOptions(**options), "test.pdf") as budget:
        return preflight(_input(data), budget, password=password, max_pages=max_pages)


def _page_with(resources: str, content: bytes = TEXT, extra: str = "") -> Any:
    """A one-page PDF (objects 1-5) whose page has ``resources`` besides the font."""
    pdf = corpus_script.simple_pdf(content=content)
    pdf.add(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        f"/Resources << /Font << /F1 5 0 R >> {resources} >> {extra} >>",
    )
    return pdf


def _stream(data: bytes, *filters: str) -> PDFStream:
    attrs: dict[str, Any] = {"Filter": [LIT(f) for f in filters]} if filters else {}
    return PDFStream(attrs, data)


# -- worst cases and decoding -----------------------------------------------------------------


def test_bound_multiplies_the_growth_of_each_filter() -> None:
    raw = b"x" * 1000
    assert decoded_bound(_stream(raw)) == 1000
    assert decoded_bound(_stream(raw, "FlateDecode")) == 1000 * 1032
    assert decoded_bound(_stream(raw, "FlateDecode", "FlateDecode")) == 1000 * 1032**2
    assert decoded_bound(_stream(raw, "LZWDecode")) == 1000 * 3641
    assert decoded_bound(_stream(raw, "ASCIIHexDecode", "RunLengthDecode")) == 1000 * 64
    # PDFium stops at an image decoder: what follows it is not decoded outside images.
    assert decoded_bound(_stream(raw, "FlateDecode", "DCTDecode", "FlateDecode")) == 1000 * 1032


def test_bound_holds_for_the_most_compressible_data() -> None:
    """1032 is Flate's largest ratio: zeros at level 9 stay below the bound."""
    data = zlib.compress(b"\0" * (64 * MiB), 9)
    assert decoded_bound(_stream(data, "FlateDecode")) >= 64 * MiB


def test_decode_stays_within_the_stream_budget() -> None:
    budget = make_budget(ParseOptions(), "x.pdf")
    budget.max_stream_bytes = 10_000
    assert decode(_stream(zlib.compress(b"a" * 10_000), "FlateDecode"), budget) == b"a" * 10_000
    twice = zlib.compress(zlib.compress(b" " * 50_000))
    with pytest.raises(GuardStop) as info:
        decode(_stream(twice, "FlateDecode", "FlateDecode"), budget)
    assert info.value.error.limit == "max_stream_bytes"
    # Corrupt data counts with what can be inflated of it, like PDFium decodes it.
    cut = zlib.compress(bytes(range(256)) * 8)[:-40]
    assert bytes(range(256)) * 8 != decode(_stream(cut, "FlateDecode"), budget)
    assert (bytes(range(256)) * 8).startswith(decode(_stream(cut, "FlateDecode"), budget))


def test_image_size_is_what_the_dictionary_declares() -> None:
    def image(**attrs: Any) -> PDFStream:
        return PDFStream({"Subtype": LIT("Image"), "Width": 100, "Height": 50, **attrs}, b"")

    assert image_bytes(image(ColorSpace=LIT("DeviceRGB"), BitsPerComponent=8)) == 15_000
    assert image_bytes(image(ColorSpace=LIT("DeviceGray"), BitsPerComponent=1)) == 625
    assert image_bytes(image(ImageMask=True)) == 625
    assert (
        image_bytes(
            image(ColorSpace=[LIT("DeviceN"), [LIT("a"), LIT("b")], LIT("DeviceRGB"), None], BitsPerComponent=8)
        )
        == 10_000
    )
    # A colour space that cannot be read counts as four components, the most.
    assert image_bytes(image(ColorSpace=LIT("Unbekannt"), BitsPerComponent=8)) == 20_000


# -- structure: opening, page counts --------------------------------------------------------------


def test_an_ordinary_paper_passes_and_inflates_only_its_content() -> None:
    path = FIXTURES / "erfurt-0815-23-fussweg.pdf"
    checked = _check(path.read_bytes())
    assert checked.page_count >= 1
    assert checked.data == path.read_bytes()
    assert checked.warnings == ()
    assert checked.streams > checked.measured > 0


def test_no_pages_is_damaged_in_the_words_of_the_pipeline() -> None:
    data = corpus_script.no_pages()
    with pytest.raises(DamagedPdfError, match="contains no pages that can be read"):
        _check(data)


def test_a_forged_count_does_not_hide_pages() -> None:
    data = corpus_script.distinct_pages(30, "1")()
    with pytest.raises(LimitExceededError) as info:
        _check(data, max_pages=20)
    assert info.value.limit == "max_pages" and info.value.maximum == 20
    assert _check(data, max_pages=30).page_count == 30


def test_a_tree_that_contains_itself_has_one_page() -> None:
    assert _check(corpus_script.page_tree_loop()).page_count == 1


def test_pages_are_found_without_a_page_tree() -> None:
    data = corpus_script.distinct_pages(12, "12")().replace(b"/Pages 2 0 R", b"/Pagez 2 0 R")
    assert _check(data).page_count == 12
    with pytest.raises(LimitExceededError):
        _check(data, max_pages=10)


def test_a_truncated_file_is_checked_as_repaired() -> None:
    data = corpus_script.truncated(0.9)()
    checked = _check(data)
    assert checked.warnings == (REPAIRED_WARNING,)
    assert checked.data != data and checked.data.endswith(b"%%EOF\n")


@pytest.mark.parametrize("password", [None, "falsch"])
def test_open_errors_are_worded_like_the_reference(password: str | None) -> None:
    data = corpus_script.encrypted_user()
    with pytest.raises(EncryptedPdfError) as info:
        _check(data, password=password)
    with pytest.raises(EncryptedPdfError) as reference, document_guard(ParseOptions(), "test.pdf") as budget:
        PdfplumberSource(
            _input(data),
            budget=budget,
            limits=EngineLimits(password=password, max_pages=5, max_chars_per_page=10, max_annotations_per_page=10),
        )
    assert info.value.reason == reference.value.reason
    assert _check(data, password=corpus_script.USER_PASSWORD).page_count == 2
    with pytest.raises(DamagedPdfError, match="damaged PDF that cannot be repaired"):
        _check(corpus_script.unrecoverable())


# -- streams --------------------------------------------------------------------------------------


def test_a_content_bomb_is_refused_within_the_budget() -> None:
    data = corpus_script.simple_pdf(
        content=zlib.compress(_bomb()), content_extra="/Filter [/FlateDecode /FlateDecode]"
    ).build()
    with pytest.raises(LimitExceededError) as info:
        _check(data)
    assert info.value.limit == "max_stream_bytes" and info.value.maximum == 128 * MiB


def test_a_memory_limit_shrinks_the_stream_budget() -> None:
    data = corpus_script.simple_pdf(
        content=zlib.compress(b" " * (20 * MiB)), content_extra="/Filter /FlateDecode"
    ).build()
    assert _check(data).page_count == 1
    with pytest.raises(LimitExceededError) as info:
        _check(data, max_memory_mb=64)
    assert info.value.limit == "max_stream_bytes" and info.value.maximum == 16 * MiB


def test_streams_of_one_page_add_up() -> None:
    """Nine 15 MiB streams fit the stream budget one by one, not the page's together."""
    pdf = corpus_script.simple_pdf()
    refs = []
    for i in range(9):
        pdf.stream(20 + i, zlib.compress(b" " * (15 * MiB)), "/Filter /FlateDecode")
        refs.append(f"{20 + i} 0 R")
    pdf.add(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        f"/Contents [4 0 R {' '.join(refs)}] /Resources << /Font << /F1 5 0 R >> >> >>",
    )
    with pytest.raises(LimitExceededError) as info:
        _check(pdf.build(), max_memory_mb=64)
    assert info.value.limit == "max_decoded_bytes"


@pytest.mark.parametrize("where", ["font", "appearance", "pattern"])
def test_streams_outside_the_content_are_checked(where: str) -> None:
    """Font programs, annotation appearances and patterns are inflated by PDFium too."""
    if where == "font":
        pdf = _page_with("", content=TEXT.replace(b"/F1", b"/F2"))
        pdf.add(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            "/Resources << /Font << /F2 8 0 R >> >> >>",
        )
        pdf.add(
            8,
            "<< /Type /Font /Subtype /TrueType /BaseFont /Bombe /FontDescriptor "
            "<< /Type /FontDescriptor /FontName /Bombe /Flags 32 /FontFile2 9 0 R >> >>",
        )
        pdf.stream(9, _bomb(), "/Filter /FlateDecode")
    else:
        if where == "appearance":
            pdf = _page_with(
                "", extra="/Annots [<< /Type /Annot /Subtype /Stamp /Rect [0 0 9 9] /AP << /N 9 0 R >> >>]"
            )
        else:
            pdf = _page_with("/Pattern << /P0 9 0 R >>")
        pdf.stream(9, _bomb(), "/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Filter /FlateDecode")
    with pytest.raises(LimitExceededError) as info:
        _check(pdf.build())
    assert info.value.limit == "max_stream_bytes"


def test_data_pdfium_never_decodes_is_left_alone() -> None:
    """Private application data, XMP metadata and thumbnails, on the page and in a form."""
    private = "/PieceInfo << /Illustrator << /Private 9 0 R >> >> /Metadata 9 0 R"
    pdf = _page_with("/XObject << /X 10 0 R >>", content=TEXT + b"\n/X Do", extra=f"{private} /Thumb 9 0 R")
    pdf.stream(9, _bomb(), "/Filter /FlateDecode")
    pdf.stream(10, b"0 0 1 1 re f", f"/Type /XObject /Subtype /Form /BBox [0 0 9 9] {private}")
    assert _check(pdf.build()).page_count == 1


def test_images_are_checked_by_their_declared_size() -> None:
    def with_image(width: int, height: int) -> bytes:
        pdf = _page_with("/XObject << /Im0 9 0 R >>", content=TEXT + b"\nq 9 0 0 9 0 0 cm /Im0 Do Q")
        pdf.stream(
            9,
            zlib.compress(b"\0" * 64),
            "/Type /XObject /Subtype /Image "
            f"/Width {width} /Height {height} /ColorSpace /DeviceRGB "
            "/BitsPerComponent 8 /Filter /FlateDecode",
        )
        return pdf.build()

    assert _check(with_image(4_000, 6_000)).page_count == 1  # 72 MB: a scanned A3 page
    with pytest.raises(LimitExceededError) as info:
        _check(with_image(30_000, 30_000))
    assert info.value.limit == "max_decoded_bytes"


# -- objects PDFium would hold --------------------------------------------------------------------


def test_forms_count_at_every_use() -> None:
    with pytest.raises(LimitExceededError) as info:
        _check(corpus_script.nested_forms(levels=6, fan=10)())
    assert info.value.limit == "max_page_objects"
    assert _check(corpus_script.nested_forms(levels=4, fan=10)()).page_count == 1
    with pytest.raises(LimitExceededError):
        _check(corpus_script.form_uses_itself())


def test_a_form_used_often_but_small_passes() -> None:
    pdf = _page_with("/XObject << /X 9 0 R /Y 10 0 R >>", content=TEXT + b"\n/X Do" * 200_000 + b"\n/Y Do")
    pdf.stream(9, b"0 0 1 1 re f", "/Type /XObject /Subtype /Form /BBox [0 0 9 9]")
    pdf.stream(10, b"0 0 1 1 re f\n" * 20_000, "/Type /XObject /Subtype /Form /BBox [0 0 9 9]")
    # The quick bound (every Do drawing the largest form) is far above the limit; counting
    # each form's uses gives 200,000 × 2 + 20,001 objects.
    assert _check(pdf.build()).page_count == 1


def test_form_names_are_read_as_pdfminer_reads_them() -> None:
    """ "/#C3#84" in the resources and "/Ä" (UTF-8) in the content are one name."""

    def drawing(resource_name: str) -> bytes:
        pdf = _page_with(
            f"/XObject << /{resource_name} 9 0 R /Y 10 0 R >>", content=TEXT + "\n/Ä Do".encode() * 200_000 + b"\n/Y Do"
        )
        pdf.stream(9, b"0 0 1 1 re f", "/Type /XObject /Subtype /Form /BBox [0 0 9 9]")
        pdf.stream(10, b"0 0 1 1 re f\n" * 20_000, "/Type /XObject /Subtype /Form /BBox [0 0 9 9]")
        return pdf.build()

    assert _check(drawing("#C3#84")).page_count == 1
    # A name that cannot be found counts as the largest form: 200,000 × 20,000 objects.
    with pytest.raises(LimitExceededError):
        _check(drawing("Z"))


def test_letters_in_strings_are_not_objects() -> None:
    """The quick bound counts bytes that can end an operator; a long string is one object."""
    content = b"BT /F1 1 Tf (" + b"f" * (3 * MiB) + b") Tj ET"
    data = corpus_script.simple_pdf(content=zlib.compress(content), content_extra="/Filter /FlateDecode").build()
    assert _check(data).page_count == 1


def test_the_object_limit_follows_the_memory_limit() -> None:
    data = corpus_script.simple_pdf(
        content=zlib.compress(b"0 0 1 1 re f\n" * 200_000), content_extra="/Filter /FlateDecode"
    ).build()
    assert _check(data).page_count == 1
    with pytest.raises(LimitExceededError) as info:
        _check(data, max_memory_mb=64)  # 16 MiB per stream: 131,072 objects
    assert info.value.limit == "max_page_objects" and info.value.maximum == 131_072


# -- the budget ------------------------------------------------------------------------------------


def test_the_budget_given_is_the_one_checked(tmp_path: Path) -> None:
    """The preflight checks against the budget it is handed, not one of its own; outside the
    guard that made it, a stop is the bare GuardStop (the guard turns it into the error)."""
    path = tmp_path / "big.pdf"
    path.write_bytes(
        corpus_script.simple_pdf(content=zlib.compress(b" " * (20 * MiB)), content_extra="/Filter /FlateDecode").build()
    )
    pdf = load_input(path, max_file_size=10**8)
    assert preflight(pdf, make_budget(ParseOptions(), "big.pdf"), password=None, max_pages=5).page_count == 1
    with pytest.raises(GuardStop) as info:
        preflight(pdf, make_budget(ParseOptions(max_memory_mb=64), "big.pdf"), password=None, max_pages=5)
    assert info.value.error.limit == "max_stream_bytes" and info.value.error.maximum == 16 * MiB
