"""Build the hostile-input corpus: broken, malicious and absurd files that arrive as ".pdf".

Every file is built deterministically (fixed seeds, no timestamps) from reportlab, pikepdf or
a small hand-written PDF writer, so the corpus need not be committed: the tests build it into
a cache folder through :func:`build_corpus`, and ``CASES`` says for each file what ratsdoc
must answer (a result, or which typed error with which words, within which limits).

Usage::

    python scripts/build_hostile_corpus.py [DEST]     # default: $TMPDIR/ratsdoc-hostile-corpus
    python scripts/build_hostile_corpus.py --list

Requirements: reportlab and pikepdf.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import struct
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Bumped whenever a builder changes, so that cached corpora are rebuilt.
CORPUS_VERSION = "7"
DEFAULT_DEST = Path(tempfile.gettempdir()) / "ratsdoc-hostile-corpus"
SEED = 20240611
#: The decompression bomb inflates to this many bytes (over 1 GiB, as the issue demands).
BOMB_BYTES = 1_200 * 1024 * 1024

# --------------------------------------------------------------------------- raw PDF writer


def pdf_string(text: str) -> bytes:
    """A PDF literal string in PDFDocEncoding (Latin-1 here), with the specials escaped."""
    raw = text.encode("latin-1")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


@dataclass
class RawPdf:
    """A minimal PDF writer giving full control over objects, xref and trailer."""

    objects: dict[int, bytes] = field(default_factory=dict)
    version: bytes = b"1.7"

    def add(self, num: int, body: bytes | str) -> None:
        """Set object ``num`` to ``body`` (the text between ``obj`` and ``endobj``)."""
        self.objects[num] = body.encode("latin-1") if isinstance(body, str) else body

    def stream(self, num: int, data: bytes, extra: str = "") -> None:
        """Set object ``num`` to a stream holding ``data`` (already encoded)."""
        head = f"<< /Length {len(data)} {extra} >>\nstream\n".encode("latin-1")
        self.objects[num] = head + data + b"\nendstream"

    def build(self, *, root: int = 1, xref: bool = True, trailer_extra: str = "") -> bytes:
        """Serialise with a classic xref table (or none at all when ``xref`` is False)."""
        out = bytearray(b"%PDF-" + self.version + b"\n%\xe2\xe3\xcf\xd3\n")
        offsets: dict[int, int] = {}
        for num in sorted(self.objects):
            offsets[num] = len(out)
            out += f"{num} 0 obj\n".encode() + self.objects[num] + b"\nendobj\n"
        size = max(self.objects) + 1
        trailer = f"trailer\n<< /Size {size} /Root {root} 0 R {trailer_extra} >>\n"
        if not xref:
            out += trailer.encode() + b"%%EOF\n"
            return bytes(out)
        start = len(out)
        out += f"xref\n0 {size}\n".encode() + b"0000000000 65535 f \n"
        for num in range(1, size):
            if num in offsets:
                out += f"{offsets[num]:010d} 00000 n \n".encode()
            else:
                out += b"0000000000 65535 f \n"
        out += trailer.encode() + f"startxref\n{start}\n%%EOF\n".encode()
        return bytes(out)


_TEXT_PAGE = """BT /F1 12 Tf 72 760 Td (Drucksache 0815/23) Tj
0 -20 Td (Beschlussvorlage vom 05.09.2023) Tj
0 -20 Td (Gesamtkosten: 12.500,00 EUR) Tj ET"""
_FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def simple_pdf(
    page_extra: str = "",
    content: bytes | None = None,
    content_extra: str = "",
    catalog_extra: str = "",
    media_box: str = "[0 0 595 842]",
) -> RawPdf:
    """One page with a line of text: 1 catalog, 2 pages, 3 page, 4 content, 5 font."""
    pdf = RawPdf()
    pdf.add(1, f"<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>")
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    pdf.add(
        3,
        f"<< /Type /Page /Parent 2 0 R /MediaBox {media_box} /Contents 4 0 R "
        f"/Resources << /Font << /F1 5 0 R >> >> {page_extra} >>",
    )
    pdf.stream(4, content if content is not None else _TEXT_PAGE.encode(), content_extra)
    pdf.add(5, _FONT)
    return pdf


# --------------------------------------------------------------------------- realistic base


def base_paper(pages: int = 2) -> bytes:
    """A small, well-formed council paper made with reportlab (Flate-compressed streams)."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    # Plain Flate streams (no ASCII85 layer), so that byte flips hit compressed data.
    rl_config.useA85 = 0
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(72, 780, "Stadt Erfurt – Drucksache 0815/23")
        canvas.setFont("Helvetica", 11)
        y = 750
        for line in (
            "Beschlussvorlage öffentlich",
            "Titel: Neubau Rad- und Fußweg an der Gärtnerstraße",
            "Einreicher: Oberbürgermeister    Datum: 05.09.2023",
            "Beratungsfolge: Stadtrat 20.09.2023 Entscheidung",
            "Beschlussvorschlag",
            "01 Der Stadtrat beschließt den Neubau des Fußweges.",
            "Finanzielle Auswirkungen: Gesamtkosten 12.500,00 EUR",
            f"Sachverhalt (Seite {page}): Die Maßnahme ist im Haushalt 2024 eingeplant.",
        ):
            canvas.drawString(72, y, line)
            y -= 18
        canvas.rect(400, 700, 12, 12)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _pikepdf_save(pdf: Any, **kwargs: Any) -> bytes:
    out = io.BytesIO()
    pdf.save(out, static_id=True, deterministic_id=False, **kwargs)
    return out.getvalue()


# --------------------------------------------------------------------------- not PDFs


def empty() -> bytes:
    """A zero-byte file."""
    return b""


def html_page() -> bytes:
    """An HTML error page saved under the PDF's name."""
    return (
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        b"<body><h1>Dokument nicht gefunden</h1></body></html>\n"
    )


def png_image() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def _zip(members: Sequence[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zf.writestr(info, data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def docx_file() -> bytes:
    """A DOCX container (its content types first, ``word/`` members after the first KB)."""
    types = b'<?xml version="1.0"?><Types>' + b"<Default Extension='xml'/>" * 60 + b"</Types>"
    return _zip(
        [
            ("[Content_Types].xml", types),
            ("_rels/.rels", b"<Relationships/>" + bytes(range(256)) * 4),
            ("word/document.xml", b"<w:document><w:body>Drucksache</w:body></w:document>"),
        ]
    )


def zip_file() -> bytes:
    """A ZIP archive holding a PDF (as council portals offer for download)."""
    return _zip([("drucksache.pdf", simple_pdf().build())])


# --------------------------------------------------------------------------- damaged PDFs


def truncated(fraction: float) -> Callable[[], bytes]:
    """A builder of the base paper cut after ``fraction`` of its bytes."""

    def build() -> bytes:
        data = base_paper()
        return data[: max(9, int(len(data) * fraction))]

    build.__doc__ = f"The base paper truncated at {fraction:.1%} of its bytes."
    return build


def header_only() -> bytes:
    """Nothing but a PDF header."""
    return b"%PDF-1.7\n"


def _stream_spans(data: bytes) -> list[tuple[int, int]]:
    return [
        (m.end(), m.end() + max(0, data.find(b"endstream", m.end()) - m.end()))
        for m in re.finditer(rb"(?<!end)stream\r?\n", data)
        if data.find(b"endstream", m.end()) > 0
    ]


def flipped_streams(seed: int, flips: int = 12) -> Callable[[], bytes]:
    """A builder of the base paper with ``flips`` random bytes changed inside its streams."""

    def build() -> bytes:
        data = bytearray(base_paper())
        rng = random.Random(seed)
        spans = [s for s in _stream_spans(bytes(data)) if s[1] > s[0]]
        for _ in range(flips):
            start, end = rng.choice(spans)
            pos = rng.randrange(start, end)
            data[pos] ^= 1 << rng.randrange(8)
        return bytes(data)

    build.__doc__ = f"Random bit flips (seed {seed}) inside the streams of the base paper."
    return build


def flipped_xref(seed: int, flips: int = 10) -> Callable[[], bytes]:
    """A builder of the base paper with digits of its xref table changed."""

    def build() -> bytes:
        data = bytearray(base_paper())
        start = data.rfind(b"xref")
        end = data.find(b"trailer", start)
        rng = random.Random(seed)
        digits = [i for i in range(start, end) if 48 <= data[i] <= 57]
        for pos in rng.sample(digits, min(flips, len(digits))):
            data[pos] = 48 + rng.randrange(10)
        return bytes(data)

    build.__doc__ = f"Random digits (seed {seed}) in the xref table of the base paper."
    return build


def xref_wrong_offsets() -> bytes:
    """Every xref offset shifted by 7 bytes: recoverable by scanning for objects."""
    data = base_paper()
    start = data.rfind(b"xref")
    end = data.find(b"trailer", start)
    table = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data[start:end])
    return data[:start] + table + data[end:]


def xref_missing() -> bytes:
    """No xref table and no startxref: objects and trailer are still there."""
    return simple_pdf().build(xref=False)


def xref_pointing_nowhere() -> bytes:
    """``startxref`` points past the end of the file."""
    data = base_paper()
    return re.sub(rb"startxref\s+\d+", b"startxref\n99999999", data)


def unrecoverable() -> bytes:
    """A header followed by seeded random bytes: no objects, no trailer, nothing to repair."""
    rng = random.Random(SEED)
    return b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(20_000))


def no_catalog() -> bytes:
    """Objects and xref intact, but the trailer's /Root points to a missing object."""
    pdf = simple_pdf()
    return pdf.build(root=99)


def no_pages() -> bytes:
    """A valid catalog with an empty page tree."""
    pdf = RawPdf()
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
    pdf.add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
    return pdf.build()


# --------------------------------------------------------------------------- encryption

USER_PASSWORD = "geheim"


def encrypted_user() -> bytes:
    """AES-256 encrypted with a user password: needs ``password=`` to open."""
    import pikepdf

    with pikepdf.open(io.BytesIO(base_paper())) as pdf:
        return _pikepdf_save(pdf, encryption=pikepdf.Encryption(owner="eigentuemer", user=USER_PASSWORD, R=6))


def encrypted_user_rc4() -> bytes:
    """RC4-128 encrypted with a user password (older files)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(base_paper())) as pdf:
        return _pikepdf_save(
            pdf, encryption=pikepdf.Encryption(owner="eigentuemer", user=USER_PASSWORD, R=3, aes=False, metadata=False)
        )


def encrypted_owner_only() -> bytes:
    """Encrypted with an owner password only (printing restricted): opens without one."""
    import pikepdf

    with pikepdf.open(io.BytesIO(base_paper())) as pdf:
        permissions = pikepdf.Permissions(extract=False, modify_other=False)
        return _pikepdf_save(pdf, encryption=pikepdf.Encryption(owner="eigentuemer", user="", R=4, allow=permissions))


# --------------------------------------------------------------------------- sizes


def repeated_pages(count: int, declared: int | None = None) -> Callable[[], bytes]:
    """A builder of a ``count``-page file whose page tree repeats one page reference."""

    def build() -> bytes:
        pdf = simple_pdf()
        kids = " ".join(["3 0 R"] * count)
        pdf.add(2, f"<< /Type /Pages /Kids [{kids}] /Count {declared if declared is not None else count} >>")
        return pdf.build()

    build.__doc__ = f"{count} references to one page object (/Count {declared or count})."
    return build


def distinct_pages(count: int, declared: str) -> Callable[[], bytes]:
    """A builder of ``count`` distinct page objects under a page tree claiming ``declared``."""

    def build() -> bytes:
        pdf = simple_pdf()
        first = 10
        for i in range(count):
            pdf.add(
                first + i,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            )
        kids = " ".join(f"{first + i} 0 R" for i in range(count))
        pdf.add(2, f"<< /Type /Pages /Kids [{kids}] /Count {declared} >>")
        pdf.add(3, "<< /Type /Annot >>")  # the template page of simple_pdf is not in the tree
        return pdf.build()

    build.__doc__ = f"{count} distinct pages; the tree claims /Count {declared}."
    return build


def huge_media_box() -> bytes:
    """A page whose media box is ten million points square (the spec allows 14,400)."""
    return simple_pdf(media_box="[0 0 10000000 10000000]").build()


def absurd_media_boxes() -> bytes:
    """Three pages with an inverted, an empty and a non-numeric media box."""
    pdf = simple_pdf()
    boxes = ("[595 842 0 0]", "[0 0 0 0]", "[/a (b) null 1]")
    for i, box in enumerate(boxes):
        pdf.add(
            10 + i,
            f"<< /Type /Page /Parent 2 0 R /MediaBox {box} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        )
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R 10 0 R 11 0 R 12 0 R] /Count 4 >>")
    return pdf.build()


def _deflate_repeated(byte: bytes, total: int, level: int = 9) -> bytes:
    """zlib data that inflates to ``total`` copies of ``byte``, built in bounded memory."""
    comp = zlib.compressobj(level)
    block = byte * (16 * 1024 * 1024)
    parts = []
    remaining = total
    while remaining > 0:
        piece = block if remaining >= len(block) else block[:remaining]
        parts.append(comp.compress(piece))
        remaining -= len(piece)
    parts.append(comp.flush())
    return b"".join(parts)


def bomb_content() -> bytes:
    """A content stream of spaces, Flate-compressed twice, inflating to over 1 GiB."""
    inner = _deflate_repeated(b" ", BOMB_BYTES)
    outer = zlib.compress(inner, 9)
    return simple_pdf(content=outer, content_extra="/Filter [/FlateDecode /FlateDecode]").build()


def bomb_single() -> bytes:
    """A classic single-Flate content stream of zeros inflating to 300 MiB (~300 KB file)."""
    return simple_pdf(content=_deflate_repeated(b"\0", 300 * 1024 * 1024), content_extra="/Filter /FlateDecode").build()


def many_streams() -> bytes:
    """Forty pages whose content streams inflate to 40 MiB each (1.6 GiB for the document)."""
    pdf = simple_pdf()
    data = _deflate_repeated(b" ", 40 * 1024 * 1024)
    kids = []
    for i in range(40):
        pdf.add(10 + 2 * i, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {11 + 2 * i} 0 R >>")
        pdf.stream(11 + 2 * i, data, "/Filter /FlateDecode")
        kids.append(f"{10 + 2 * i} 0 R")
    pdf.add(2, f"<< /Type /Pages /Kids [3 0 R {' '.join(kids)}] /Count 41 >>")
    return pdf.build()


def giant_token() -> bytes:
    """One 8 MiB keyword token in a content stream (pdfminer concatenates it quadratically)."""
    content = _TEXT_PAGE.encode() + b"\n" + b"X" * (8 * 1024 * 1024)
    return simple_pdf(content=zlib.compress(content, 9), content_extra="/Filter /FlateDecode").build()


def inline_image_without_end() -> bytes:
    """An inline image (BI ... ID) with 4 MiB of data and no EI."""
    content = _TEXT_PAGE.encode() + b"\nBI /W 10 /H 10 /BPC 8 /CS /G ID " + b"\x01" * (4 * 1024 * 1024)
    return simple_pdf(content=zlib.compress(content, 9), content_extra="/Filter /FlateDecode").build()


def million_chars() -> bytes:
    """One page drawing 400,000 glyphs in 8,000 short lines (the default cap is 200,000)."""
    line = b"(Drucksache Beschluss Haushalt Stadtrat Erfurt 12) Tj 0 -1.2 Td\n"
    content = _TEXT_PAGE.encode() + b"\nBT /F1 1 Tf 40 700 Td\n" + line * 8_000 + b"ET"
    return simple_pdf(content=zlib.compress(content, 9), content_extra="/Filter /FlateDecode").build()


def deep_arrays() -> bytes:
    """An object nesting 100,000 arrays (recursive resolvers overflow their stack)."""
    pdf = simple_pdf(page_extra="/Nested 9 0 R")
    pdf.add(9, "[" * 100_000 + "]" * 100_000)
    return pdf.build()


# --------------------------------------------------------------------------- loops


def parent_loop() -> bytes:
    """A checkbox widget whose /Parent chain is a loop (10 → 11 → 10)."""
    pdf = simple_pdf(page_extra="/Annots [9 0 R]", catalog_extra="/AcroForm << /Fields [10 0 R] >>")
    pdf.add(9, "<< /Type /Annot /Subtype /Widget /Rect [100 100 112 112] /AS /Yes /Parent 10 0 R >>")
    pdf.add(10, "<< /FT /Btn /T (Schleife) /Parent 11 0 R /Kids [9 0 R] >>")
    pdf.add(11, "<< /T (Ring) /Parent 10 0 R >>")
    return pdf.build()


def page_tree_loop() -> bytes:
    """A page tree whose /Kids contain the tree itself and a two-node cycle."""
    pdf = simple_pdf()
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 3 >>")
    pdf.add(6, "<< /Type /Pages /Parent 2 0 R /Kids [7 0 R] /Count 1 >>")
    pdf.add(7, "<< /Type /Pages /Parent 6 0 R /Kids [6 0 R 2 0 R] /Count 1 >>")
    return pdf.build()


def page_parent_self() -> bytes:
    """A page whose /Parent is itself and whose /Resources come from a looping parent."""
    pdf = simple_pdf()
    pdf.add(
        3,
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
    )
    return pdf.build()


def reference_loop() -> bytes:
    """/Count, /Contents and /MediaBox are references that point at each other in a ring."""
    pdf = simple_pdf()
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 8 0 R >>")
    pdf.add(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox 8 0 R /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> /Rotate 9 0 R >>",
    )
    pdf.add(8, "9 0 R")
    pdf.add(9, "8 0 R")
    return pdf.build()


def _xref_stream_pdf(objstm_extra: str) -> bytes:
    """Catalog and pages inside an object stream (obj 6) described by an xref stream (obj 7)."""
    members = {1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 8: "20"}
    index = ""
    body = ""
    for num, text in members.items():
        index += f"{num} {len(body)} "
        body += text + "\n"
    raw = index.encode() + body.encode()
    first = len(index)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}

    def obj(num: int, payload: bytes) -> None:
        offsets[num] = len(out)
        out.extend(f"{num} 0 obj\n".encode() + payload + b"\nendobj\n")

    obj(
        3,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
    )
    obj(4, f"<< /Length {len(_TEXT_PAGE)} >>\nstream\n".encode() + _TEXT_PAGE.encode() + b"\nendstream")
    obj(5, _FONT.encode())
    comp = zlib.compress(raw)
    obj(
        6,
        (f"<< /Type /ObjStm /N {len(members)} /First {first} /Filter /FlateDecode {objstm_extra} >>\nstream\n").encode()
        + comp
        + b"\nendstream",
    )
    xref_offset = len(out)
    rows = b""
    for num in range(9):
        if num in offsets:
            rows += struct.pack(">BIH", 1, offsets[num], 0)
        elif num in members:
            rows += struct.pack(">BIH", 2, 6, list(members).index(num))
        elif num == 7:
            rows += struct.pack(">BIH", 1, xref_offset, 0)
        else:
            rows += struct.pack(">BIH", 0, 0, 65535)
    out += (
        (f"7 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length {len(rows)} >>\nstream\n").encode()
        + rows
        + b"\nendstream\nendobj\n"
    )
    out += f"startxref\n{xref_offset}\n%%EOF\n".encode()
    return bytes(out)


def objstm_ok() -> bytes:
    """A well-formed file with catalog and pages in an object stream (the control case)."""
    return _xref_stream_pdf("")


def objstm_self_reference() -> bytes:
    """An object stream whose /Length is an object stored inside that same object stream."""
    data = _xref_stream_pdf("")
    # Point /Length at object 8 (which lives in the stream) instead of the real length.
    return re.sub(rb"/Length \d+ >>\nstream", b"/Length 8 0 R >>\nstream", data, count=1)


def objstm_extends_itself() -> bytes:
    """An object stream that /Extends itself."""
    return _xref_stream_pdf("/Extends 6 0 R")


def nested_forms(levels: int = 7, fan: int = 10) -> Callable[[], bytes]:
    """A builder of forms nested ``levels`` deep, each using the next ``fan`` times."""

    def build() -> bytes:
        pdf = simple_pdf(content=_TEXT_PAGE.encode() + f"\n/X{levels} Do".encode())
        pdf.add(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            f"/Resources << /Font << /F1 5 0 R >> /XObject << /X{levels} "
            f"{100 + levels} 0 R >> >> >>",
        )
        pdf.stream(100, b"0 0 1 1 re f\n" * fan, "/Type /XObject /Subtype /Form /BBox [0 0 9 9]")
        for level in range(1, levels + 1):
            pdf.stream(
                100 + level,
                b"/X Do\n" * fan,
                "/Type /XObject /Subtype /Form /BBox [0 0 9 9] "
                f"/Resources << /XObject << /X {100 + level - 1} 0 R >> >>",
            )
        return pdf.build()

    build.__doc__ = (
        f"Forms nested {levels} deep, each drawing the next {fan} times ({fan**levels:,} rectangles from a tiny file)."
    )
    return build


def form_uses_itself() -> bytes:
    """A form that draws a rectangle and then itself three times."""
    pdf = simple_pdf(content=_TEXT_PAGE.encode() + b"\n/X Do")
    pdf.add(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> /XObject << /X 9 0 R >> >> >>",
    )
    pdf.stream(
        9,
        b"0 0 1 1 re f\n/X Do /X Do /X Do",
        "/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X 9 0 R >> >>",
    )
    return pdf.build()


def many_rects() -> bytes:
    """One page painting 1.2 million rectangles (15 MB of content, 30 KB compressed)."""
    content = _TEXT_PAGE.encode() + b"\n" + b"0 0 1 1 re f\n" * 1_200_000
    return simple_pdf(content=zlib.compress(content, 9), content_extra="/Filter /FlateDecode").build()


def bomb_font_file() -> bytes:
    """An embedded TrueType font program that inflates to 300 MiB (a ~300 KB file)."""
    pdf = simple_pdf()
    pdf.add(
        5,
        "<< /Type /Font /Subtype /TrueType /BaseFont /Bombe /FirstChar 32 /LastChar 32 "
        "/Widths [250] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>",
    )
    pdf.add(
        6,
        "<< /Type /FontDescriptor /FontName /Bombe /Flags 32 /FontBBox [0 0 1000 1000] "
        "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 "
        "/FontFile2 7 0 R >>",
    )
    pdf.stream(7, _deflate_repeated(b"\0", 300 * 1024 * 1024), "/Filter /FlateDecode")
    return pdf.build()


def type3_glyph_bomb(rects: int = 200_000, lines: int = 2) -> bytes:
    """A Type 3 font whose 256 glyphs share one stream of 200,000 rectangles, all shown twice.

    PDFium runs a glyph's stream at every character shown: 100 million objects from 12 KB.
    """
    codes = "".join(f"\\{code:03o}" for code in range(256))
    line = f"({codes}) Tj 0 -20 Td\n" * lines
    pdf = simple_pdf(content=(_TEXT_PAGE + "\nBT /T3 12 Tf 72 500 Td " + line + "ET").encode())
    pdf.add(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /T3 6 0 R >> >> >>",
    )
    names = " ".join(f"/g{code}" for code in range(256))
    procs = " ".join(f"/g{code} 8 0 R" for code in range(256))
    pdf.add(
        6,
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] "
        f"/FirstChar 0 /LastChar 255 /Widths [{' '.join(['1000'] * 256)}] "
        f"/Encoding 7 0 R /CharProcs << {procs} >> /Resources << >> >>",
    )
    pdf.add(7, f"<< /Type /Encoding /Differences [0 {names}] >>")
    glyph = b"1000 0 0 0 1 1 d1\n" + b"0 0 1 1 re f\n" * rects
    pdf.stream(8, zlib.compress(glyph, 9), "/Filter /FlateDecode")
    return pdf.build()


# --------------------------------------------------------------------------- content kinds


def font_without_tounicode() -> bytes:
    """Text in a CID font (Identity-H) that has no ToUnicode map and no font file."""
    pdf = simple_pdf(content=b"BT /F1 12 Tf 72 760 Td <0024004700480051> Tj 0 -20 Td (Drucksache 0815/23) Tj ET")
    pdf.add(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 6 0 R >> >> >>",
    )
    pdf.add(
        6,
        "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Unbekannt /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
    )
    pdf.add(
        7,
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Unbekannt "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        "/FontDescriptor 8 0 R /DW 600 >>",
    )
    pdf.add(
        8,
        "<< /Type /FontDescriptor /FontName /AAAAAA+Unbekannt /Flags 4 "
        "/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 "
        "/CapHeight 700 /StemV 80 >>",
    )
    return pdf.build()


SENTINEL_URL = "http://127.0.0.1:9/ratsdoc-must-not-fetch"


def actions() -> bytes:
    """JavaScript (open action and names tree), a Launch action and URI links."""
    pdf = simple_pdf(
        page_extra="/Annots [9 0 R 10 0 R] /AA << /O 11 0 R >>",
        catalog_extra="/OpenAction 11 0 R /Names << /JavaScript << /Names [(x) 11 0 R] >> >>",
    )
    pdf.add(
        9,
        "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] "
        f"/A << /S /URI /URI {pdf_string(SENTINEL_URL).decode('latin-1')} >> >>",
    )
    pdf.add(
        10,
        "<< /Type /Annot /Subtype /Link /Rect [72 650 300 670] "
        "/A << /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >> >>",
    )
    pdf.add(
        11,
        "<< /S /JavaScript /JS (app.launchURL\\('" + SENTINEL_URL + "'\\);) "
        "/Next << /S /URI /URI (" + SENTINEL_URL + ") >> >>",
    )
    return pdf.build()


def many_annotations(count: int = 5_000) -> Callable[[], bytes]:
    """A builder of one page carrying ``count`` link annotations."""

    def build() -> bytes:
        pdf = simple_pdf(page_extra="/Annots 9 0 R")
        links = " ".join(
            f"<< /Type /Annot /Subtype /Link /Rect [{i % 500} {i % 800} {i % 500 + 5} "
            f"{i % 800 + 5}] /A << /S /URI /URI (https://example.org/{i}) >> >>"
            for i in range(count)
        )
        pdf.add(9, f"[{links}]")
        return pdf.build()

    build.__doc__ = f"{count:,} link annotations on one page."
    return build


FIELD_NAME = "Kontrollkästchen1"


def non_ascii_fields() -> bytes:
    """Checkbox and text fields named in PDFDocEncoding ("Kontrollkästchen1", bytes > 127)."""
    name = pdf_string(FIELD_NAME).decode("latin-1")
    pdf = simple_pdf(page_extra="/Annots [9 0 R 10 0 R]", catalog_extra="/AcroForm << /Fields [9 0 R 10 0 R] >>")
    pdf.add(9, f"<< /Type /Annot /Subtype /Widget /FT /Btn /T {name} /V /Ja /AS /Ja /Rect [72 600 84 612] >>")
    pdf.add(
        10,
        "<< /Type /Annot /Subtype /Widget /FT /Tx /T (Stra\xdfe \xc4nderung) "
        "/V <FEFF00DC00620065007200730069006300680074> /Rect [100 600 300 612] >>",
    )
    return pdf.build()


# --------------------------------------------------------------------------- the manifest


@dataclass(frozen=True)
class Case:
    """One hostile file and what ratsdoc must answer for it.

    ``expect`` is ``"ok"`` (a result), ``"error"`` (the named error type) or ``"either"``
    (a result or one of ``errors``). ``words`` must appear in the error message, ``warning``
    in one of the result's warnings; ``options`` are passed to ``ratsdoc.parse``.
    """

    name: str
    build: Callable[[], bytes]
    expect: str
    errors: tuple[str, ...] = ()
    limit: str | None = None
    words: tuple[str, ...] = ()
    warning: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        """The file name in the corpus folder (always ``.pdf``, as it arrives)."""
        return f"{self.name}.pdf"


_DAMAGED = ("DamagedPdfError",)

CASES: tuple[Case, ...] = (
    Case("empty", empty, "error", ("NotAPdfError",), words=("empty",)),
    Case("html-renamed", html_page, "error", ("NotAPdfError",), words=("not a PDF", "HTML")),
    Case("png-renamed", png_image, "error", ("NotAPdfError",), words=("not a PDF", "PNG image")),
    Case("docx-renamed", docx_file, "error", ("NotAPdfError",), words=("Word document",)),
    Case("zip-renamed", zip_file, "error", ("NotAPdfError",), words=("ZIP archive",)),
    Case("header-only", header_only, "error", _DAMAGED, words=("damaged",)),
    Case("truncated-05", truncated(0.05), "either", _DAMAGED),
    Case("truncated-30", truncated(0.30), "either", _DAMAGED),
    Case("truncated-60", truncated(0.60), "either", _DAMAGED),
    Case("truncated-90", truncated(0.90), "either", _DAMAGED),
    Case("truncated-99", truncated(0.995), "ok"),
    Case("flips-streams-1", flipped_streams(1), "either", _DAMAGED),
    Case("flips-streams-2", flipped_streams(2), "either", _DAMAGED),
    Case("flips-streams-3", flipped_streams(3, flips=200), "either", _DAMAGED),
    Case("flips-xref-1", flipped_xref(1), "ok"),
    Case("flips-xref-2", flipped_xref(2, flips=60), "ok"),
    Case("xref-wrong-offsets", xref_wrong_offsets, "ok"),
    Case("xref-missing", xref_missing, "ok"),
    Case("xref-nowhere", xref_pointing_nowhere, "ok"),
    Case("unrecoverable", unrecoverable, "error", _DAMAGED, words=("damaged",)),
    Case("no-catalog", no_catalog, "either", _DAMAGED),
    Case("no-pages", no_pages, "error", _DAMAGED, words=("no pages",)),
    Case("encrypted-user", encrypted_user, "error", ("EncryptedPdfError",), words=("encrypted", "password")),
    Case(
        "encrypted-user-wrong",
        encrypted_user,
        "error",
        ("EncryptedPdfError",),
        words=("password is wrong",),
        options={"password": "falsch"},
    ),
    Case("encrypted-user-given", encrypted_user, "ok", options={"password": USER_PASSWORD}),
    Case("encrypted-rc4-given", encrypted_user_rc4, "ok", options={"password": USER_PASSWORD}),
    Case("encrypted-owner-only", encrypted_owner_only, "ok"),
    Case(
        "pages-2000", repeated_pages(2_000), "error", ("LimitExceededError",), limit="max_pages", words=("2,000 pages",)
    ),
    Case(
        "pages-3000-count-1",
        repeated_pages(3_000, declared=1),
        "error",
        ("LimitExceededError",),
        limit="max_pages",
        words=("pages",),
    ),
    Case(
        "pages-3000-distinct-count-1",
        distinct_pages(3_000, "1"),
        "error",
        ("LimitExceededError",),
        limit="max_pages",
        words=("pages",),
    ),
    Case(
        "pages-3000-distinct-count-bogus",
        distinct_pages(3_000, "(viele)"),
        "error",
        ("LimitExceededError",),
        limit="max_pages",
        words=("pages",),
    ),
    Case(
        "pages-50-small-limit",
        distinct_pages(50, "50"),
        "error",
        ("LimitExceededError",),
        limit="max_pages",
        options={"max_pages": 10},
    ),
    Case("huge-media-box", huge_media_box, "ok"),
    Case("absurd-media-boxes", absurd_media_boxes, "ok"),
    Case(
        "bomb-content-1gb",
        bomb_content,
        "error",
        ("LimitExceededError",),
        limit="max_stream_bytes",
        words=("decompression bomb",),
    ),
    Case("bomb-single-300mb", bomb_single, "error", ("LimitExceededError",), limit="max_stream_bytes"),
    Case(
        "bomb-many-streams",
        many_streams,
        "either",
        ("LimitExceededError",),
        limit="max_seconds",
        options={"max_seconds": 4},
    ),
    Case("giant-token", giant_token, "either", ("LimitExceededError",), options={"max_seconds": 5}),
    Case(
        "inline-image-no-end", inline_image_without_end, "either", ("LimitExceededError",), options={"max_seconds": 5}
    ),
    Case("many-chars", million_chars, "ok", warning="only the first 20,000", options={"max_chars_per_page": 20_000}),
    # The engines stop these differently (the reference engine at the deadline, the PDFium
    # engine before loading the page): any limit will do.
    Case("many-rects", many_rects, "error", ("LimitExceededError",), options={"max_seconds": 5}),
    Case("forms-nested", nested_forms(), "error", ("LimitExceededError",), options={"max_seconds": 5}),
    # pdfminer refuses to run a form inside itself; PDFium would run it 40 levels deep.
    Case("form-uses-itself", form_uses_itself, "either", ("LimitExceededError",), limit="max_page_objects"),
    # pdfminer does not run Type 3 glyphs; PDFium runs a glyph at every character shown.
    # OCR off, as above: its glyphs have no text, and their words would be read by OCR.
    Case(
        "type3-glyph-bomb",
        type3_glyph_bomb,
        "either",
        ("LimitExceededError",),
        limit="max_page_objects",
        options={"ocr": "never"},
    ),
    # pdfminer never inflates a TrueType font program; PDFium does, to load the page.
    Case("bomb-font-file", bomb_font_file, "either", ("LimitExceededError",), limit="max_stream_bytes"),
    Case("deep-arrays", deep_arrays, "either", _DAMAGED),
    Case("parent-loop", parent_loop, "ok"),
    Case("page-tree-loop", page_tree_loop, "ok"),
    Case("page-parent-self", page_parent_self, "ok"),
    Case("reference-loop", reference_loop, "ok"),
    Case("objstm-control", objstm_ok, "ok"),
    Case("objstm-self-reference", objstm_self_reference, "either", _DAMAGED),
    Case("objstm-extends-itself", objstm_extends_itself, "ok"),
    # OCR off: at the default the font's words would be read by Tesseract (docs/ocr.md, "Fonts
    # whose text layer cannot be read"), and this suite lets ratsdoc start no program.
    Case(
        "font-without-tounicode", font_without_tounicode, "ok", warning="no Unicode mapping", options={"ocr": "never"}
    ),
    Case("actions-js-launch-uri", actions, "ok"),
    Case("annotations-5000", many_annotations(), "ok", warning="annotations, only the first"),
    Case("non-ascii-field-names", non_ascii_fields, "ok"),
)

CASES_BY_NAME = {case.name: case for case in CASES}


def build_corpus(dest: Path = DEFAULT_DEST, names: Sequence[str] | None = None) -> dict[str, Path]:
    """Write the corpus (or the named cases) into ``dest``; return name → path.

    Files already built by this ``CORPUS_VERSION`` are kept, so repeated test runs are cheap.
    """
    dest.mkdir(parents=True, exist_ok=True)
    stamp = dest / ".version"
    if not stamp.exists() or stamp.read_text() != CORPUS_VERSION:
        for old in dest.glob("*.pdf"):
            old.unlink()
        stamp.write_text(CORPUS_VERSION)
    built: dict[str, Path] = {}
    cache: dict[Callable[[], bytes], bytes] = {}
    for case in CASES:
        if names is not None and case.name not in names:
            continue
        path = dest / case.filename
        if not path.exists():
            if case.build not in cache:
                cache[case.build] = case.build()
            tmp = path.with_suffix(".part")
            tmp.write_bytes(cache[case.build])
            tmp.replace(path)
        built[case.name] = path
    return built


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build the corpus into a folder, or list the cases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", nargs="?", type=Path, default=DEFAULT_DEST)
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these cases")
    args = parser.parse_args(argv)
    if args.list:
        for case in CASES:
            doc = (case.build.__doc__ or "").strip().splitlines()[0]
            print(f"{case.name:34} {case.expect:6} {doc}")
        return 0
    built = build_corpus(args.dest, args.only)
    total = sum(p.stat().st_size for p in built.values())
    print(f"{len(built)} files, {total:,} bytes in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
