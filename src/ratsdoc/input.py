"""First stage: read the input bytes, enforce the size limit, hash them and make sure they are a PDF."""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, LimitExceededError, NotAPdfError

#: Leading bytes of formats that arrive renamed to .pdf, in the order they are tested.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)

#: How far into the file the "%PDF-" header may start (Acrobat tolerates 1024 bytes of junk).
HEADER_WINDOW = 1024


@dataclass(frozen=True, slots=True)
class PdfInput:
    """The bytes of one PDF with the name it came under and their SHA-256."""

    data: bytes
    name: str | None
    sha256: str


#: Member names that identify what a ZIP container really is (checked in its directory).
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "a Word document (DOCX)"),
    (b"xl/", "an Excel workbook (XLSX)"),
    (b"ppt/", "a PowerPoint presentation (PPTX)"),
    (b"application/vnd.oasis.opendocument.text", "an OpenDocument text (ODT)"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file"),
)


def _looks_like_text(sample: bytes) -> bool:
    """True for UTF-8 (hence also ASCII) text without control characters other than spacing."""
    try:
        # Incremental, so that a character cut at the end of the sample does not count.
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return all(ch >= " " or ch in "\t\n\r\f" for ch in text)


def describe_non_pdf(head: bytes, data: bytes | None = None) -> str:
    """Say in words what a file that is not a PDF looks like, from its first bytes.

    ``data`` (the whole file, optional) lets ZIP-based formats be told apart: a DOCX names
    ``word/document.xml`` in its central directory at the end, often past the first KB.
    """
    if not head:
        return "an empty file"
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        haystack = head + (data[-65536:] if data else b"")
        for marker, what in _ZIP_KINDS:
            if marker in haystack:
                return what
        return "a ZIP archive"
    text = head[:512]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if text.startswith(bom):
            text = text[len(bom) :]
    lowered = text.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")):
        return "an HTML page (perhaps an error page saved instead of the PDF)"
    if lowered.startswith(b"<?xml"):
        return "an XML file" if b"<html" not in lowered else "an HTML page"
    if lowered.startswith((b"{", b"[")) and b"\x00" not in text:
        return "a JSON or text file"
    if _looks_like_text(head[:256]):
        return "a plain text file"
    return "binary data of an unknown kind (no %PDF- header)"


def load_input(source: str | os.PathLike[str] | bytes, *, max_file_size: int) -> PdfInput:
    """Read ``source`` (a path or the bytes themselves) and check that it is a PDF within limits."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        name = None
        data = bytes(source)
    else:
        path = Path(source)
        name = str(source)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise InputError("file not found", file=name) from None
        except OSError as exc:
            raise InputError(f"cannot read file ({exc.strerror or exc})", file=name) from None
        if path.is_dir():
            raise InputError("is a directory, not a file", file=name)
        if size > max_file_size:
            raise LimitExceededError(
                f"file is {size:,} bytes, more than the limit of {max_file_size:,} bytes",
                limit="max_file_size",
                maximum=max_file_size,
                value=size,
                file=name,
            )
        try:
            with path.open("rb") as handle:  # a file that grows after the stat: one byte past the limit is enough
                data = handle.read(max_file_size + 1)
        except OSError as exc:
            raise InputError(f"cannot read file ({exc.strerror or exc})", file=name) from None
    if len(data) > max_file_size:
        raise LimitExceededError(
            f"input is {len(data):,} bytes, more than the limit of {max_file_size:,} bytes",
            limit="max_file_size",
            maximum=max_file_size,
            value=len(data),
            file=name,
        )
    if not data:
        raise NotAPdfError("the file is empty (0 bytes)", file=name, detected="empty")
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        what = describe_non_pdf(data[:HEADER_WINDOW], data)
        raise NotAPdfError(f"not a PDF: the file looks like {what}", file=name, detected=what)
    return PdfInput(data=data, name=name, sha256=hashlib.sha256(data).hexdigest())
