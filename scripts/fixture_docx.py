"""Word documents for the fixtures: python-docx helpers (fields, ``<w:sym>`` characters, page
footers), the conversion by LibreOffice Writer, and the normalisation that makes LibreOffice's
(and fpdf2's) PDFs reproducible."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path


def soffice() -> str | None:
    """The LibreOffice binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_all(jobs: Sequence[tuple[Path, Path]], work: Path) -> None:
    """Convert DOCX files with one LibreOffice run (starting it costs more than a conversion) and
    normalise each PDF like the fixtures; ``jobs`` are (docx, pdf) pairs."""
    office = soffice()
    if office is None:
        raise FileNotFoundError("LibreOffice (soffice) is needed to convert Word documents")
    raw = work / "raw"
    raw.mkdir(exist_ok=True)
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(raw),
            *(str(docx) for docx, _ in jobs),
        ],
        check=True,
        capture_output=True,
        timeout=60 + 30 * len(jobs),
    )
    for docx, pdf in jobs:
        normalise_pdf(raw / f"{docx.stem}.pdf", pdf)


def convert_docx(build: Callable[[Path], None], out: Path, *, tagged: bool = False) -> bool:
    """Write a DOCX with ``build``, convert it with LibreOffice Writer into ``out`` and
    normalise the PDF; False (with a message) when LibreOffice is missing. ``tagged`` exports a
    tagged PDF (a structure tree, marked content with MCIDs), as Word's "Save as PDF" does."""
    office = soffice()
    if office is None:
        print(
            f"skip {out.name}: LibreOffice is missing; install it with "
            "'apt-get install libreoffice-writer-nogui fonts-opensymbol'",
            file=sys.stderr,
        )
        return False
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docx_path = tmp / f"{out.stem}.docx"
        build(docx_path)
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--norestore",
                "--convert-to",
                _TAGGED_PDF if tagged else "pdf",
                "--outdir",
                str(tmp),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        normalise_pdf(tmp / f"{out.stem}.pdf", out)
    return True


#: LibreOffice's PDF export with its "Tagged PDF" option on (a filter option in JSON).
_TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def normalise_pdf(src: Path, out: Path) -> None:
    """Strip volatile metadata and make font subset tags content-derived."""
    import pikepdf

    with pikepdf.open(src) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False):
            pass
        if "/Metadata" in pdf.Root:
            del pdf.Root.Metadata
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        for key in ("/DocChecksum", "/ID"):
            if key in pdf.trailer:
                del pdf.trailer[key]
        tags: dict[str, str] = {}
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary):
                continue
            for key in ("/BaseFont", "/FontName"):
                if key not in obj:
                    continue
                name = str(obj[key])[1:]
                match = re.fullmatch(r"([A-Z]{6})\+(.+)", name)
                if not match:
                    continue
                base = match.group(2)
                tag = tags.setdefault(match.group(1), stable_tag(base, len(tags)))
                obj[key] = pikepdf.Name(f"/{tag}+{base}")
        pdf.save(out, deterministic_id=True, compress_streams=True)


def stable_tag(base: str, index: int) -> str:
    """A six-letter subset tag derived from the font's name and its place among the fonts."""
    digest = hashlib.sha1(f"{base}:{index}".encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def docx_field(par: object, instr: str) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) in 8 pt to the python-docx paragraph ``par``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    par._p.append(fld)  # type: ignore[attr-defined]


def docx_symbol(par: object, font: str, char: str) -> None:
    """Append a ``<w:sym>`` character (a Wingdings box, a Symbol bullet) to the paragraph ``par``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    symbol = OxmlElement("w:sym")
    symbol.set(qn("w:font"), font)
    symbol.set(qn("w:char"), char)
    run.append(symbol)
    par._p.append(run)  # type: ignore[attr-defined]


def docx_page_footers(section: object) -> None:
    """ "Seite N von M", centred in 8 pt, in the footers of the first and the following pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for footer in (section.footer, section.first_page_footer):  # type: ignore[attr-defined]
        par = footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.add_run("Seite ").font.size = Pt(8)
        docx_field(par, "PAGE")
        par.add_run(" von ").font.size = Pt(8)
        docx_field(par, "NUMPAGES")
