"""The reference PDF engine: pdfplumber/pdfminer.six filling ratsdoc's page model."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import DamagedPdfError, EncryptedPdfError, LimitExceededError
from ..input import PdfInput
from .annotations import annotation_from_dict
from .model import Annotation, Char, Page, Shape, ShapeKind


def _open_error(exc: BaseException, pdf: PdfInput, password: str | None) -> Exception:
    """Translate an engine exception raised while opening into a ratsdoc error."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        reason = (
            "the PDF is encrypted and the given password is wrong"
            if password
            else "the PDF is encrypted with a user password; pass it with --password"
        )
        return EncryptedPdfError(reason, file=pdf.name)
    if isinstance(cause, PDFEncryptionError):
        return EncryptedPdfError(f"the PDF uses an unsupported encryption ({cause})", file=pdf.name)
    detail = str(cause).strip() or type(cause).__name__
    return DamagedPdfError(f"damaged PDF that cannot be repaired ({detail[:120]})", file=pdf.name)


class PdfplumberSource:
    """Pages of one PDF read with pdfplumber, yielded one at a time and released after use."""

    def __init__(self, pdf: PdfInput, *, password: str | None, max_pages: int,
                 max_chars_per_page: int, max_annotations_per_page: int) -> None:
        self._input = pdf
        self._max_chars = max_chars_per_page
        self._max_annots = max_annotations_per_page
        try:
            self._pdf = pdfplumber.open(io.BytesIO(pdf.data), password=password or "")
            catalog_pages = resolve1(self._pdf.doc.catalog.get("Pages"))
            count = resolve1(catalog_pages.get("Count")) if isinstance(catalog_pages, dict) else None
        except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
            raise _open_error(exc, pdf, password) from None
        except Exception as exc:  # pdfminer raises bare Exceptions on broken files
            raise _open_error(exc, pdf, password) from None
        self.page_count = int(count) if isinstance(count, int) and count >= 0 else -1
        if self.page_count > max_pages:
            self._pdf.close()
            raise LimitExceededError(
                f"the PDF has {self.page_count:,} pages, more than the limit of {max_pages:,}",
                limit="max_pages", maximum=max_pages, value=self.page_count, file=pdf.name,
            )
        self._max_pages = max_pages

    def pages(self) -> Iterator[Page]:
        """Yield page models in order; stops with an error past ``max_pages``."""
        doctop = 0.0
        seen = 0
        try:
            for number, raw_page in enumerate(PDFPage.create_pages(self._pdf.doc), start=1):
                if number > self._max_pages:
                    raise LimitExceededError(
                        f"the PDF has more than {self._max_pages:,} pages (the limit)",
                        limit="max_pages", maximum=self._max_pages, file=self._input.name,
                    )
                page = PlumberPage(self._pdf, raw_page, page_number=number, initial_doctop=doctop)
                doctop += float(page.height)
                seen = number
                yield self._convert(page)
                page.close()
        except LimitExceededError:
            raise
        except Exception as exc:
            if seen == 0:
                raise _open_error(exc, self._input, None) from None
            raise DamagedPdfError(
                f"damaged PDF: page {seen + 1} cannot be read ({type(exc).__name__})",
                file=self._input.name,
            ) from None
        if self.page_count < 0 or self.page_count != seen:
            self.page_count = seen

    def _convert(self, page: PlumberPage) -> Page:
        warnings: list[str] = []
        raw_chars = page.chars
        if len(raw_chars) > self._max_chars:
            warnings.append(
                f"page {page.page_number}: {len(raw_chars):,} characters, only the first "
                f"{self._max_chars:,} were read"
            )
            raw_chars = raw_chars[: self._max_chars]
        chars = tuple(
            Char(
                text=c["text"], x0=float(c["x0"]), top=float(c["top"]), x1=float(c["x1"]),
                bottom=float(c["bottom"]), fontname=str(c.get("fontname", "")),
                size=float(c.get("size", 0.0)), upright=bool(c.get("upright", True)),
            )
            for c in raw_chars
        )
        shapes: list[Shape] = []
        for kind, objs in (("rect", page.rects), ("line", page.lines), ("curve", page.curves)):
            shape_kind: ShapeKind = kind  # type: ignore[assignment]
            shapes.extend(
                Shape(kind=shape_kind, x0=float(o["x0"]), top=float(o["top"]),
                      x1=float(o["x1"]), bottom=float(o["bottom"]),
                      stroked=bool(o.get("stroke", True)), filled=bool(o.get("fill", False)))
                for o in objs
            )
        image_area = sum(
            max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
            for i in page.images
        )
        annotations = self._annotations(page, warnings)
        return Page(
            number=page.page_number, width=float(page.width), height=float(page.height),
            chars=chars, shapes=tuple(shapes), annotations=annotations,
            image_area=image_area, warnings=tuple(warnings),
        )

    def _annotations(self, page: PlumberPage, warnings: list[str]) -> tuple[Annotation, ...]:
        raw: Any = resolve1(page.page_obj.attrs.get("Annots"))
        if not isinstance(raw, list):
            return ()
        if len(raw) > self._max_annots:
            warnings.append(
                f"page {page.page_number}: {len(raw):,} annotations, only the first "
                f"{self._max_annots:,} were read"
            )
            raw = raw[: self._max_annots]
        mb = page.page_obj.mediabox
        origin = (float(mb[0]), float(mb[1])) if mb else (0.0, 0.0)
        result = []
        for ref in raw:
            try:
                obj = resolve1(ref)
                if isinstance(obj, dict):
                    annot = annotation_from_dict(obj, resolve1, page_height=float(page.height),
                                                 origin=origin)
                    if annot is not None:
                        result.append(annot)
            except Exception:  # one broken annotation must not cost the page
                warnings.append(f"page {page.page_number}: an unreadable annotation was skipped")
        return tuple(result)

    def close(self) -> None:
        """Close the underlying pdfplumber document."""
        self._pdf.close()
