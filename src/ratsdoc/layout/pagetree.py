"""A PDF's page tree as pdfminer reads it, and the words both engines use about pages.

Both engines trust the same structural reading of a file: the pdfplumber engine reads its
pages through it, the PDFium engine checks the file with it before PDFium sees the bytes
(:mod:`.preflight`). Keeping the walk, the limits and the error wording here is what makes
the two engines refuse the same files with the same messages.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import LIT
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import DamagedPdfError, EncryptedPdfError, LimitExceededError
from ..issues import Issue, IssueCode
from .model import Page

#: pdfminer's messages for broken files, in words a user understands.
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("No /Root object", "it has no document catalog; it may be truncated or not a real PDF"),
    ("Unexpected EOF", "the file ends unexpectedly; it is probably truncated"),
    ("Invalid object number", "its object table is corrupt"),
)
#: The warning for a file that was opened only after :func:`repair_trailer`.
REPAIRED_WARNING = Issue(
    IssueCode.PDF_REPAIRED,
    "the PDF is truncated or its trailer is missing; it was repaired and may be incomplete",
)
#: The size of a page that cannot be read (A4, the size of German council papers).
A4 = (595.0, 842.0)
_PAGE = LIT("Page")
T = TypeVar("T")


def open_error(exc: BaseException, name: str | None, password: str | None) -> Exception:
    """Translate an exception raised while opening a PDF into a ratsdoc error."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        reason = (
            "the PDF is encrypted and the given password is wrong"
            if password
            else "the PDF is encrypted with a user password; pass it with --password"
        )
        return EncryptedPdfError(reason, file=name)
    if isinstance(cause, PDFEncryptionError):
        return EncryptedPdfError(f"the PDF uses an unsupported encryption ({cause})", file=name)
    detail = str(cause).strip() or type(cause).__name__
    for marker, words in _PLAIN_WORDS:
        if marker in detail:
            detail = words
            break
    return DamagedPdfError(f"damaged PDF that cannot be repaired ({detail[:120]})", file=name)


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


def open_repairing(
    data: bytes,
    name: str | None,
    password: str | None,
    opener: Callable[[bytes], T],
    pages_of: Callable[[T], Any] | None = None,
) -> tuple[T, bytes, bool]:
    """``opener(data)``, else ``opener`` of ``data`` with a repaired trailer.

    Returns what the opener returned, the bytes it opened and whether they were repaired;
    raises the translated error of the first attempt when both fail. With ``pages_of`` (the
    catalog's /Pages of what the opener returned), a file that opens but whose catalog has no
    page tree is tried repaired too: cross-reference offsets that are shifted make pdfminer
    read the wrong bytes as the catalog (an empty one), while the objects are all there; cut
    off with a new trailer, the file is read by scanning its objects (as PDFium does). The
    first result stays when the repair does not find a page tree either.
    """
    try:
        opened = opener(data)
    except Exception as exc:  # pdfminer raises bare Exceptions on broken files
        error = open_error(exc, name, password)
        repaired = None if isinstance(error, EncryptedPdfError) else repair_trailer(data)
        if repaired is None:
            raise error from None
        try:
            return opener(repaired), repaired, True
        except Exception:
            raise error from None
    if pages_of is None or _has_page_tree(pages_of(opened)):
        return opened, data, False
    repaired = repair_trailer(data)
    if repaired is not None:
        with contextlib.suppress(Exception):
            again = opener(repaired)
            if _has_page_tree(pages_of(again)):
                return again, repaired, True
        opened = opener(data)  # the opener may keep what it opened last: open the original again
    return opened, data, False


def _has_page_tree(pages: Any) -> bool:
    return isinstance(resolve_or_none(pages), dict)


def resolve_or_none(value: Any) -> Any:
    """``value`` with references followed; None for a reference into damaged bytes (pdfminer
    raises its parser's errors, bare Exceptions among them, from wherever it resolves)."""
    try:
        return resolve1(value)
    except Exception:  # a missing or unparsable object is no part of the tree
        return None


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
        node = resolve_or_none(item)  # a missing or unparsable kid is simply not a page
        if not isinstance(node, dict):
            continue
        kids = resolve_or_none(node.get("Kids")) if "Kids" in node else None
        if isinstance(kids, list):
            if key in on_path:
                continue  # a loop back to an ancestor
            on_path.add(key)
            stack.append(("exit", key))
            stack.extend(("enter", kid) for kid in reversed(kids))
            continue
        kind = resolve_or_none(node.get("Type"))
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
        node = resolve_or_none(item)
        if not isinstance(node, dict):
            continue
        attrs = dict(node)
        for name in _INHERITABLE:
            if name not in attrs and name in inherited:
                attrs[name] = inherited[name]
        kids = resolve_or_none(attrs.get("Kids")) if "Kids" in attrs else None
        if isinstance(kids, list):
            stack.extend((kid, attrs) for kid in reversed(kids))
        elif getattr(resolve_or_none(attrs.get("Type")), "name", None) in ("Page", None) and (
            "Contents" in attrs or "MediaBox" in attrs or attrs.get("Type") is not None
        ):
            yield key, attrs


def scan_page_objects(doc: Any, stop_after: int) -> list[tuple[int, dict[str, Any]]]:
    """The /Type /Page objects of the whole file, for a file whose page tree yields nothing.

    pdfminer falls back to this scan of every object (``PDFPage.create_pages``), so the page
    limit must hold for it too; it stops once more than ``stop_after`` pages are found.
    """
    found: list[tuple[int, dict[str, Any]]] = []
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            try:
                obj = doc.getobj(objid)
            except Exception:  # a missing or unparsable object is simply not a page
                continue
            if isinstance(obj, dict) and obj.get("Type") is _PAGE:
                found.append((objid, obj))
                if len(found) > stop_after:
                    return found
    return found


def too_many_pages(
    max_pages: int, file: str | None, *, exact: int | None = None, counted: int | None = None
) -> LimitExceededError:
    """The error for a PDF with more than ``max_pages`` pages.

    ``exact``: the page count when it is known; ``counted``: pages counted before the
    count stopped past the limit; neither: pages were being read when the limit was hit.
    """
    if exact is None and counted is None:
        return LimitExceededError(
            f"the PDF has more than {max_pages:,} pages (the limit)", limit="max_pages", maximum=max_pages, file=file
        )
    amount = f"{exact:,}" if exact is not None else f"more than {max_pages:,}"
    return LimitExceededError(
        f"the PDF has {amount} pages, more than the limit of {max_pages:,}",
        limit="max_pages",
        maximum=max_pages,
        value=exact if exact is not None else counted,
        file=file,
    )


def checked_page_count(pages: Any, max_pages: int, file: str | None) -> int:
    """The number of pages of the tree ``pages`` (the catalog's /Pages, a reference or the
    dictionary); refuses a PDF with more than ``max_pages``.

    The walk is the truth when it finds pages; /Count is the fallback for a tree pdfminer
    can only recover by scanning every object (then -1 when /Count is no number either).
    """
    root = resolve_or_none(pages)
    count = resolve_or_none(root.get("Count")) if isinstance(root, dict) else None
    declared = int(count) if isinstance(count, int) and count >= 0 else -1
    try:
        # The walk starts from the reference, so that a kid pointing back at the root is
        # known as a loop.
        walked = count_page_leaves(pages, max_pages) if root else 0
    except RecursionError:
        walked = 0
    if walked > max_pages or (walked == 0 and declared > max_pages):
        exact = declared if declared > max_pages else None
        raise too_many_pages(max_pages, file, exact=exact, counted=walked)
    return walked if walked > 0 else declared


def describe(exc: BaseException) -> str:
    """A short description of an engine exception for a warning or error message."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    detail = str(cause).strip()
    name = type(cause).__name__
    return f"{name}: {detail[:100]}" if detail else name


def no_pages(file: str | None) -> DamagedPdfError:
    """The error for a PDF without a single page that can be read."""
    return DamagedPdfError("the PDF contains no pages that can be read", file=file)


def none_readable(count: int, file: str | None) -> DamagedPdfError:
    """The error for a PDF whose ``count`` pages all failed to load."""
    return DamagedPdfError(f"damaged PDF: none of its {count:,} pages can be read", file=file)


def chars_cut(number: int, total: int, kept: int) -> Issue:
    """The warning for page ``number`` drawing ``total`` characters of which ``kept`` were read."""
    return Issue(IssueCode.CHARS_CUT, f"page {number}: {total:,} characters, only the first {kept:,} were read", number)


def shapes_cut(number: int, kept: int, dropped: int) -> Issue:
    """The warning for page ``number`` drawing ``dropped`` objects beyond the first ``kept``."""
    return Issue(
        IssueCode.SHAPES_CUT, f"page {number}: more than {kept:,} drawn objects, {dropped:,} were ignored", number
    )


#: The warning for a PDF whose AcroForm carries an XFA form (PDF 1.5-1.7, deprecated in PDF 2.0):
#: its content lives in the XFA packets, which neither engine reads; a dynamic form's pages may
#: show only a "please wait" placeholder.
XFA_WARNING = Issue(
    IssueCode.XFA_FORM, "the PDF holds an XFA form: only its printed pages are read, not the form's own content"
)


def xfa_warnings(catalog: Any) -> tuple[Issue, ...]:
    """:data:`XFA_WARNING` when the document ``catalog``'s AcroForm has an /XFA entry, else nothing
    (a broken catalog included: the form's content is a bonus, never a reason to fail)."""
    try:
        form = resolve1(catalog.get("AcroForm")) if isinstance(catalog, dict) else None
        return (XFA_WARNING,) if isinstance(form, dict) and form.get("XFA") is not None else ()
    except Exception:  # an unreadable AcroForm says nothing about XFA
        return ()


def annotations_cut(number: int, total: int, kept: int) -> Issue:
    """The warning for page ``number`` with ``total`` annotations of which ``kept`` were read."""
    return Issue(
        IssueCode.ANNOTATIONS_CUT, f"page {number}: {total:,} annotations, only the first {kept:,} were read", number
    )


def annotation_unreadable(number: int) -> Issue:
    """The warning for an annotation of page ``number`` that could not be read."""
    return Issue(IssueCode.ANNOTATION_UNREADABLE, f"page {number}: an unreadable annotation was skipped", number)


def skipped_page(number: int, problem: str) -> Page:
    """An empty A4 page standing in for page ``number``, which an engine could not read."""
    return Page(
        number=number,
        width=A4[0],
        height=A4[1],
        chars=(),
        warnings=(
            Issue(IssueCode.PAGE_UNREADABLE, f"page {number} cannot be read ({problem}); it was skipped", number),
        ),
    )
