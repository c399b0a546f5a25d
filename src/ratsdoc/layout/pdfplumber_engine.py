"""The reference PDF engine: pdfplumber/pdfminer.six filling ratsdoc's page model."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import math
import re
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import DamagedPdfError, EncryptedPdfError, LimitExceededError
from ..guard import current_budget
from ..input import PdfInput
from .annotations import annotation_from_dict
from .model import Annotation, Char, Page, Shape, ShapeKind

#: pdfminer's messages for broken files, in words a user understands.
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("No /Root object", "it has no document catalog; it may be truncated or not a real PDF"),
    ("Unexpected EOF", "the file ends unexpectedly; it is probably truncated"),
    ("Invalid object number", "its object table is corrupt"),
)


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
    for marker, words in _PLAIN_WORDS:
        if marker in detail:
            detail = words
            break
    return DamagedPdfError(f"damaged PDF that cannot be repaired ({detail[:120]})", file=pdf.name)


def count_page_leaves(pages_root: Any, stop_after: int) -> int:
    """Count the pages a page tree refers to, stopping once the count passes ``stop_after``.

    /Count is only a claim: a broken or forged /Count must not let a 3,000-page file past
    ``max_pages``. Repeated references to one page count every time (viewers show them
    all); a node that is its own ancestor (a loop) is skipped. Work is bounded by
    ``stop_after`` leaves and a proportional number of visited nodes.
    """
    leaves = 0
    visits = 0
    max_visits = 4 * stop_after + 1_000
    # Iterative depth-first walk; ("exit", key) entries take a node off the ancestor path.
    stack: list[tuple[str, Any]] = [("enter", pages_root)]
    on_path: set[Any] = set()
    while stack:
        action, item = stack.pop()
        if action == "exit":
            on_path.discard(item)
            continue
        visits += 1
        if visits > max_visits:
            break
        key = item.objid if isinstance(item, PDFObjRef) else id(item)
        try:
            node = resolve1(item)
        except Exception:  # a missing or unparsable kid is simply not a page
            continue
        if not isinstance(node, dict):
            continue
        kids = resolve1(node.get("Kids")) if "Kids" in node else None
        if isinstance(kids, list):
            if key in on_path:
                continue  # a loop back to an ancestor
            on_path.add(key)
            stack.append(("exit", key))
            stack.extend(("enter", kid) for kid in reversed(kids))
            continue
        kind = resolve1(node.get("Type"))
        if getattr(kind, "name", None) == "Page":
            leaves += 1
            if leaves > stop_after:
                break
    return leaves


#: Page attributes a page inherits from its ancestors in the page tree (PDF 1.7, 7.7.3.4).
_INHERITABLE = ("Resources", "MediaBox", "CropBox", "Rotate")


def iter_page_dicts(pages_root: Any) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Yield (object id, attributes with inheritance applied) for each page of the tree.

    Like pdfminer's own walk, a page object is yielded once even if referenced repeatedly,
    but the walk is iterative (a 100,000-level tree cannot overflow the stack), skips
    nodes it cannot resolve instead of aborting, and cannot loop.
    """
    visited: set[Any] = set()
    stack: list[tuple[Any, dict[str, Any]]] = [(pages_root, {})]
    while stack:
        item, inherited = stack.pop()
        key = item.objid if isinstance(item, PDFObjRef) else id(item)
        if key in visited:
            continue
        visited.add(key)
        try:
            node = resolve1(item)
        except Exception:
            continue
        if not isinstance(node, dict):
            continue
        attrs = dict(node)
        for name in _INHERITABLE:
            if name not in attrs and name in inherited:
                attrs[name] = inherited[name]
        kids = resolve1(attrs.get("Kids")) if "Kids" in attrs else None
        if isinstance(kids, list):
            stack.extend((kid, attrs) for kid in reversed(kids))
        elif getattr(resolve1(attrs.get("Type")), "name", None) in ("Page", None) and (
            "Contents" in attrs or "MediaBox" in attrs or attrs.get("Type") is not None
        ):
            yield key, attrs


def _valid_rect(value: Any) -> bool:
    """True for a list of four finite numbers that spans a non-empty area."""
    try:
        numbers = [float(resolve1(v)) for v in value]
    except (TypeError, ValueError):
        return False
    return (len(numbers) == 4 and all(math.isfinite(n) for n in numbers)
            and numbers[0] != numbers[2] and numbers[1] != numbers[3])


def make_pdfpage(doc: Any, pageid: Any, attrs: dict[str, Any], warnings: list[str],
                 number: int) -> PDFPage:
    """A pdfminer page from ``attrs``, with broken boxes and rotation replaced by defaults."""
    for name in ("MediaBox", "CropBox"):
        if name in attrs and not _valid_rect(resolve1(attrs[name]) or ()):
            del attrs[name]
            warnings.append(f"page {number}: the {name} is invalid, a default was used")
    rotate = resolve1(attrs.get("Rotate", 0))
    if not isinstance(rotate, int) or rotate % 90:
        attrs["Rotate"] = 0
    if "MediaBox" not in attrs:
        attrs["MediaBox"] = [0, 0, 595, 842]  # A4, the size of German council papers
    if not isinstance(resolve1(attrs.get("Resources", {})), dict):
        attrs["Resources"] = {}
    return PDFPage(doc, pageid, attrs, None)


_CATALOG = re.compile(rb"(\d+)\s+\d+\s+obj\s*<<(?:(?!endobj).){0,4000}?/Type\s*/Catalog", re.S)


def repair_trailer(data: bytes) -> bytes | None:
    """``data`` with a trailer naming its catalog appended, or None if no catalog is found.

    A truncated download loses the xref table and trailer at the end; pdfminer can rebuild
    the xref by scanning for objects but then finds no /Root. The catalog is found by its
    /Type, and the file is cut after the last complete object so a half-written one does
    not swallow the new trailer.
    """
    match = _CATALOG.search(data)
    if match is None:
        return None
    end = data.rfind(b"endobj")
    if end < match.end():
        return None
    return data[: end + 6] + b"\ntrailer\n<< /Root " + match.group(1) + b" 0 R >>\n%%EOF\n"


def _finite(value: Any) -> float:
    """A page dimension as a finite float (broken media boxes can hold anything)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _describe(exc: BaseException) -> str:
    """A short description of an engine exception for a warning or error message."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    detail = str(cause).strip()
    name = type(cause).__name__
    return f"{name}: {detail[:100]}" if detail else name


class PdfplumberSource:
    """Pages of one PDF read with pdfplumber, yielded one at a time and released after use."""

    def __init__(self, pdf: PdfInput, *, password: str | None, max_pages: int,
                 max_chars_per_page: int, max_annotations_per_page: int) -> None:
        self._input = pdf
        self._max_chars = max_chars_per_page
        self._max_annots = max_annotations_per_page
        self._doc_warnings: list[str] = []
        try:
            catalog_pages, count = self._open(pdf.data, password)
        except Exception as exc:  # pdfminer raises bare Exceptions on broken files
            error = _open_error(exc, pdf, password)
            repaired = None if isinstance(error, EncryptedPdfError) else repair_trailer(pdf.data)
            if repaired is None:
                raise error from None
            try:
                catalog_pages, count = self._open(repaired, password)
            except Exception:
                raise error from None
            self._doc_warnings.append(
                "the PDF is truncated or its trailer is missing; it was repaired and may be "
                "incomplete"
            )
        declared = int(count) if isinstance(count, int) and count >= 0 else -1
        try:
            walked = count_page_leaves(catalog_pages, max_pages) if catalog_pages else 0
        except RecursionError:
            walked = 0
        # The walk is the truth when it finds pages; /Count is the fallback for a tree
        # pdfminer can only recover by scanning every object.
        self.page_count = walked if walked > 0 else declared
        if walked > max_pages or (walked == 0 and declared > max_pages):
            self.close()
            exact = declared if declared > max_pages else None
            amount = f"{exact:,}" if exact is not None else f"more than {max_pages:,}"
            raise LimitExceededError(
                f"the PDF has {amount} pages, more than the limit of {max_pages:,}",
                limit="max_pages", maximum=max_pages,
                value=exact if exact is not None else walked, file=pdf.name,
            )
        self._max_pages = max_pages
        self.skipped_pages = 0

    def pages(self) -> Iterator[Page]:
        """Yield page models in order; stops with an error past ``max_pages``.

        A page whose content cannot be interpreted is yielded empty with a warning, so one
        damaged page does not cost the document; if no page at all can be read, the
        document is damaged.
        """
        doctop = 0.0
        seen = 0
        try:
            for number, raw_page, early in self._raw_pages():
                if number > self._max_pages:
                    raise LimitExceededError(
                        f"the PDF has more than {self._max_pages:,} pages (the limit)",
                        limit="max_pages", maximum=self._max_pages, file=self._input.name,
                    )
                seen = number
                page: PlumberPage | None = None
                try:
                    if raw_page is None:
                        raise early or ValueError("no page object")
                    page = PlumberPage(self._pdf, raw_page, page_number=number,
                                       initial_doctop=doctop)
                    try:
                        converted = self._convert(page)
                    finally:
                        budget = current_budget()
                        if budget is not None:
                            budget.end_page()
                    notes = (*self._doc_warnings, *(early.args if early else ()))
                    self._doc_warnings = []
                    if notes:
                        converted = dataclasses.replace(converted, warnings=(
                            *notes, *converted.warnings))
                except LimitExceededError:
                    raise
                except Exception as exc:  # one unreadable page must not cost the others
                    self.skipped_pages += 1
                    converted = Page(
                        number=number, width=595.0, height=842.0, chars=(),
                        warnings=(f"page {number} cannot be read ({_describe(exc)}); "
                                  "it was skipped",),
                    )
                doctop += converted.height
                yield converted
                if page is not None:
                    page.close()
        except LimitExceededError:
            raise
        except Exception as exc:
            if seen == 0:
                raise _open_error(exc, self._input, None) from None
            raise DamagedPdfError(
                f"damaged PDF: page {seen + 1} cannot be read ({_describe(exc)})",
                file=self._input.name,
            ) from None
        if seen and self.skipped_pages == seen:
            raise DamagedPdfError(
                f"damaged PDF: none of its {seen:,} pages can be read", file=self._input.name
            )
        if self.page_count < 0 or self.page_count != seen:
            self.page_count = seen

    def _open(self, data: bytes, password: str | None) -> tuple[Any, Any]:
        """Open ``data`` with pdfplumber; return the page tree root and its /Count."""
        self._pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
        catalog_pages = resolve1(self._pdf.doc.catalog.get("Pages"))
        count = resolve1(catalog_pages.get("Count")) if isinstance(catalog_pages, dict) else None
        return catalog_pages, count

    def _raw_pages(self) -> Iterator[tuple[int, PDFPage | None, Exception | None]]:
        """(number, pdfminer page or None, problem) for each page, in order.

        The page tree is walked here rather than by pdfminer, whose generator dies at the
        first page with a broken box; a tree that yields nothing falls back to pdfminer's
        scan of all objects for /Type /Page.
        """
        doc = self._pdf.doc
        number = 0
        root = doc.catalog.get("Pages")
        if root is not None:
            for pageid, attrs in iter_page_dicts(root):
                number += 1
                warnings: list[str] = []
                try:
                    page = make_pdfpage(doc, pageid, attrs, warnings, number)
                except Exception as exc:
                    yield number, None, exc
                    continue
                yield number, page, ValueError(*warnings) if warnings else None
        if number:
            return
        for number, page in enumerate(PDFPage.create_pages(doc), start=1):
            yield number, page, None

    def _convert(self, page: PlumberPage) -> Page:
        warnings: list[str] = []
        budget = current_budget()
        if budget is not None:
            budget.start_page()  # the guard drops objects beyond the caps while interpreting
        raw_chars = page.chars
        if budget is not None and budget.dropped_chars:
            warnings.append(
                f"page {page.page_number}: {budget.page_chars + budget.dropped_chars:,} "
                f"characters, only the first {self._max_chars:,} were read"
            )
        if budget is not None and budget.damaged_streams:
            warnings.append(
                f"page {page.page_number}: {budget.damaged_streams} compressed stream(s) are "
                "damaged; text on this page may be missing or garbled"
            )
        if budget is not None and budget.dropped_shapes:
            warnings.append(
                f"page {page.page_number}: more than {budget.max_shapes_per_page:,} drawn "
                f"objects, {budget.dropped_shapes:,} were ignored"
            )
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
            number=page.page_number, width=_finite(page.width), height=_finite(page.height),
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
        """Close the underlying pdfplumber document.

        pdfplumber's own ``close`` builds every page of the document first (to close
        them), which re-reads all pages and raises on broken ones; ours only drops caches.
        """
        self._pdf.flush_cache()
        self._pdf._pages = []
        with contextlib.suppress(Exception):
            self._pdf.close()
