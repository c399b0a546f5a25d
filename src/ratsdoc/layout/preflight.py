"""Structural checks in Python before a C engine reads the file.

PDFium parses and inflates in C, where neither the ``SIGALRM`` deadline nor the budgets of
:mod:`ratsdoc.budget` reach: a 2.7 KB file whose content stream inflates to 1.2 GB costs it
2.3 GB of memory, and a 1 KB form that draws itself three times keeps it busy for good. So
before :class:`~.pdfium_engine.PdfiumSource` hands the bytes to PDFium, :func:`preflight`
reads the structure with pdfminer (whose inflation :mod:`.pdfminer_guard` bounds) and
refuses what the pdfplumber engine refuses, in its words, plus what only PDFium would choke
on (the streams PDFium would decode are sized with :mod:`.streams`):

* a file pdfminer cannot open, even after :func:`~.pagetree.repair_trailer` (PDFium then
  gets the repaired bytes, so that both read the same structure);
* more page-tree leaves than ``max_pages`` whatever /Count claims; no pages at all;
* a stream PDFium would decode for a page that inflates to more than ``max_stream_bytes``,
  or streams first used by one page that together exceed ``max_decoded_bytes``;
* an image whose declared size (/Width × /Height × components × bits) exceeds
  ``max_decoded_bytes``: PDFium decodes images when a page is rendered for OCR;
* a page (or a form, an appearance, a pattern) that would make PDFium hold more than
  ``max_page_objects`` objects. PDFium keeps every object of a loaded page, about 350
  bytes each, and parses a form again at each use, up to 40 levels deep, also when the
  form uses itself; pdfminer caps characters and shapes per page and refuses a form inside
  itself, so the reference engine has no such limit.

What is walked: everything a page reaches through /Contents, /Resources, /Annots and /Group
(content streams, forms at any depth, fonts and font programs, CMaps, Type 3 glyphs, ICC
profiles, patterns, shading functions, appearance streams) and the AcroForm, each object
once per document; not page-tree nodes or /Parent and /P links, and not what PDFium never
decodes (/Metadata, /PieceInfo, /Thumb).

The cost is pdfminer parsing those objects, not inflating: on the real corpus the whole
preflight takes about 0.9 ms per page, of which inflating is about 0.1 ms. Content streams
and forms are inflated (within the budget, nothing kept) because their sizes feed the
object count. Every other stream is bounded by its filters' worst case instead (Flate
grows data at most 1032 times, LZW, whose codes of at least 9 bits yield at most 4096
bytes, 3641 times, RunLength 64, ASCII85 4): only when that bound exceeds the budget is it
inflated; on ordinary papers that is a large embedded font now and then. Objects are
bounded first by counting the bytes that can end an object-creating operator (a C-speed
``bytes.translate``) with every Do drawing the largest form available; only a page above
the limit by that bound has its operators and each form's uses counted with a regex.

A Type 3 font's glyphs are content streams that PDFium runs at every character shown, so
text in such a font costs, per character, the objects of that code's glyph (forms and nested
Type 3 text expanded): 512 characters of a glyph of 200,000 rectangles are a hundred million
objects from a 12 KB file. The bound takes every byte of the stream as a character of the
font's costliest glyph; above the limit the strings of Tj, TJ, ' and " are decoded and each
code charged its own glyph.

What remains outside: pdfminer and PDFium could resolve a deliberately ambiguous file
differently (conflicting definitions of one object); inline images are not counted.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import LIT, PSLiteral

from ..budget import Budget, MiB
from ..input import PdfInput
from ..issues import Issue
from . import pdfminer_guard
from .pagetree import (
    REPAIRED_WARNING,
    checked_page_count,
    iter_page_dicts,
    no_pages,
    open_repairing,
    resolve_or_none,
    scan_page_objects,
    too_many_pages,
    xfa_warnings,
)
from .streams import TEXT_TOKEN, decode, decoded_bound, image_bytes, string_bytes, type3_codes, type3_fonts
from .streams import resolved as _resolve
from .structure import DocumentStructure

#: Page keys whose values PDFium reads while loading, reading or rendering a page.
_PAGE_KEYS = ("Contents", "Resources", "Annots", "Group")
#: Keys never followed: links back up the tree, data PDFium does not decode, and arrays of
#: numbers (widths) that cannot lead to a stream.
_SKIP_KEYS = frozenset({"Parent", "P", "Metadata", "PieceInfo", "Thumb", "Length", "Widths", "W", "W2"})
#: Dictionaries that are not resources of a page (reached through destinations or links).
_NOT_RESOURCES = frozenset({LIT("Page"), LIT("Pages"), LIT("Catalog")})
_IMAGE = LIT("Image")
_FORM = LIT("Form")
#: Check the deadline every this many objects of the walk.
_TICK_EVERY = 256
#: Every operator after which PDFium holds one more page object ends in one of these bytes;
#: deleting all other bytes counts an upper bound of such operators at memory speed.
_NOT_OPERATOR_END = bytes(sorted(set(range(256)) - set(b"fFSsBbjJ'\"hIo")))
#: PDFium parses forms nested up to 40 deep and does not stop at a form that uses itself;
#: counting a little deeper only overestimates.
_MAX_FORM_DEPTH = 48
_DELIMITERS = rb"\s()<>\[\]{}/%"
#: Operators after which PDFium holds one more page object: painted paths, shown strings,
#: shadings, inline images and XObjects. Matches inside strings only overestimate.
_OBJECT_OPERATOR = re.compile(
    rb"(?<![^" + _DELIMITERS + rb"])(?:[fFSsBb]\*?|Tj|TJ|'|\"|sh|BI|Do)(?![^" + _DELIMITERS + rb"])"
)
#: ``/Name Do``: the XObject a Do draws.
_DO_NAME = re.compile(rb"/([^" + _DELIMITERS + rb"]*)\s*Do(?![^" + _DELIMITERS + rb"])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


@dataclass(frozen=True, slots=True)
class Preflight:
    """What the checks found: the bytes to give the engine and what they hold."""

    #: The file as checked: the input, or the input with a repaired trailer.
    data: bytes
    #: Pages of the page tree (its leaves), else /Count, else pages found by a scan.
    page_count: int
    #: Warnings for the document (a repaired trailer).
    warnings: tuple[Issue, ...]
    #: Streams checked, and how many of them were inflated to be measured.
    streams: int = 0
    measured: int = 0
    #: A tagged file's structure tree (read lazily with the preflight's pdfminer document), and
    #: each page's /StructParents key; None and () for an untagged file.
    structure: DocumentStructure | None = None
    struct_parents: tuple[Any, ...] = ()


def preflight(pdf: PdfInput, budget: Budget, *, password: str | None, max_pages: int) -> Preflight:
    """Check ``pdf`` with pdfminer before a C engine opens it; raise what the reference would.

    Checks against ``budget``, the parse's (budgets and deadline; pdfminer reads within it
    as well). Its stops are :class:`~ratsdoc.budget.GuardStop`: the
    :func:`~ratsdoc.budget.document_guard` that made the budget turns them into the
    :class:`~ratsdoc.errors.LimitExceededError` they carry.
    """
    pdfminer_guard.install()
    doc, data, repaired = open_repairing(
        pdf.data, pdf.name, password, lambda raw: _document(raw, password), lambda doc: doc.catalog.get("Pages")
    )
    pages_root = doc.catalog.get("Pages")
    page_count = checked_page_count(pages_root, max_pages, pdf.name)
    tree = iter_page_dicts(pages_root) if resolve_or_none(pages_root) else iter(())
    pages = [attrs for _, attrs in itertools.islice(tree, max_pages + 1)]
    if not pages:
        # Without a usable tree pdfminer scans every object for pages: so does the limit.
        pages = [dict(obj) for _, obj in scan_page_objects(doc, max_pages)]
        if not pages:
            raise no_pages(pdf.name)
    if len(pages) > max_pages:
        # The reference engine reads these pages and stops past the limit.
        raise too_many_pages(max_pages, pdf.name)
    if page_count <= 0:
        page_count = len(pages)
    checker = _StreamCheck(budget)
    # The form environment PDFium sets up reads the AcroForm (fields, their fonts).
    checker.check_page(0, {"AcroForm": doc.catalog.get("AcroForm")})
    for number, attrs in enumerate(pages, start=1):
        checker.check_page(number, attrs)
    structure = DocumentStructure.of(doc.catalog)
    return Preflight(
        data=data,
        page_count=page_count,
        warnings=((REPAIRED_WARNING,) if repaired else ()) + xfa_warnings(doc.catalog),
        streams=checker.streams,
        measured=checker.measured,
        structure=structure,
        struct_parents=tuple(attrs.get("StructParents") for attrs in pages) if structure else (),
    )


def _document(data: bytes, password: str | None) -> PDFDocument:
    """A pdfminer document of ``data``, opened as pdfplumber opens it."""
    return PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")


def _is_form(obj: Any) -> bool:
    """True for a form XObject (or a tiling pattern, which PDFium parses like one)."""
    return isinstance(obj, PDFStream) and (obj.get("Subtype") is _FORM or "PatternType" in obj.attrs)


def _xobjects(resources: Any) -> dict[str, Any]:
    """The /XObject dictionary of a resource dictionary (empty when there is none)."""
    xobjects = _resolve(resources.get("XObject")) if isinstance(resources, dict) else None
    return xobjects if isinstance(xobjects, dict) else {}


def _own_resources(form: PDFStream, inherited: Any) -> Any:
    """The resources a form's content is read with: its own, else those it is used from."""
    own = _resolve(form.get("Resources"))
    return own if isinstance(own, dict) else inherited


@dataclass(frozen=True, slots=True)
class _Content:
    """What the checks need of a decoded content stream or form."""

    size: int
    #: Bytes that can end an object-creating operator: at least as many as such operators.
    marks: int
    #: Occurrences of "Do": how often it may draw an XObject.
    uses: int


class _StreamCheck:
    """Walks what pages use and checks every stream once against the parse's budget."""

    def __init__(self, budget: Budget) -> None:
        self._budget = budget
        self._seen: set[int] = set()
        self._contents: dict[int, _Content] = {}
        self._operators: dict[int, tuple[int, dict[str, int]]] = {}
        self._expanded_memo: dict[tuple[int, int, int, bool], int] = {}
        self._glyph_memo: dict[tuple[int, int, int, bool], list[int]] = {}
        self.streams = 0
        self.measured = 0

    def check_page(self, number: int, attrs: dict[str, Any]) -> None:
        """Check what page ``number`` uses (0: the document's AcroForm) that no earlier page
        used; its streams are what PDFium may hold at once, so they add up."""
        streams, images = self._collect([attrs[key] for key in (*_PAGE_KEYS, "AcroForm") if attrs.get(key) is not None])
        for image in images:
            self._check_image(image)
        contents = self._page_contents(attrs.get("Contents"))
        content_ids = {id(stream) for stream in contents}
        self._check_sizes(streams, content_ids)
        resources = _resolve(attrs.get("Resources"))
        self._check_objects(number, contents, resources)
        for form in streams:
            if _is_form(form):  # also those drawn only by annotations or patterns
                self._check_objects(number, [form], _own_resources(form, resources))

    # -- sizes ------------------------------------------------------------------------------

    def _check_image(self, image: PDFStream) -> None:
        """Refuse an image that declares more pixels than the document's decoded budget."""
        budget = self._budget
        size = image_bytes(image)
        if size > budget.max_decoded_bytes:
            raise budget.stop(
                f"an image declares {size // MiB:,} MB of pixels, more than the limit of "
                f"{budget.max_decoded_bytes // MiB:,} MB (a decompression bomb?)",
                limit="max_decoded_bytes",
                maximum=budget.max_decoded_bytes,
                value=size,
            )

    def _check_sizes(self, streams: list[PDFStream], content_ids: set[int]) -> None:
        """Measure content streams and forms; bound the others by their filters' growth."""
        budget = self._budget
        charged = 0
        pending: list[tuple[PDFStream, int]] = []
        try:
            for stream in streams:
                if id(stream) in content_ids or _is_form(stream):
                    size = self._content(stream).size
                else:
                    bound = decoded_bound(stream)
                    if bound <= budget.max_stream_bytes:
                        pending.append((stream, bound))
                        continue
                    size = self._measure(stream)
                charged += size
                budget.account(size)
            # Worst cases that could add up past the page's budget are measured as well.
            if charged + sum(bound for _, bound in pending) > budget.max_decoded_bytes:
                for stream, _ in pending:
                    size = self._measure(stream)
                    charged += size
                    budget.account(size)
        finally:
            # Nothing decoded here is kept: the page's bytes are given back to the budget.
            budget.release(charged)

    def _measure(self, stream: PDFStream) -> int:
        """The decoded size of ``stream`` (inflated within the budget, not kept)."""
        self.measured += 1
        return len(decode(stream, self._budget))

    def _content(self, stream: PDFStream) -> _Content:
        """Size and XObject uses of a content stream or form, decoded once per document."""
        found = self._contents.get(id(stream))
        if found is None:
            self.measured += 1
            data = decode(stream, self._budget)
            found = _Content(size=len(data), marks=len(data.translate(None, _NOT_OPERATOR_END)), uses=data.count(b"Do"))
            self._contents[id(stream)] = found
        return found

    # -- objects ----------------------------------------------------------------------------

    def _check_objects(self, number: int, contents: list[PDFStream], resources: Any) -> None:
        """Refuse a page (or form) that would make PDFium hold too many objects.

        PDFium parses a form again at every use and keeps every object, so a small file
        can nest forms into billions of objects. A cheap bound from the content sizes
        settles ordinary pages; above the limit the objects are counted from the
        operators, with each form counted at each of its uses.
        """
        limit = self._budget.max_page_objects
        total = sum(self._expanded(stream, resources, 0, False) for stream in contents)
        if total > limit:
            total = sum(self._expanded(stream, resources, 0, True) for stream in contents)
        if total > limit:
            where = f"page {number}" if number else "the form fields"
            raise self._budget.stop(
                f"{where} draws more than {limit:,} objects, the limit for one page (a form "
                "counts at every use, a Type 3 glyph at every character shown; a form or font bomb?)",
                limit="max_page_objects",
                maximum=limit,
            )

    def _expanded(self, stream: PDFStream, resources: Any, depth: int, exact: bool) -> int:
        """Objects PDFium creates for ``stream`` read with ``resources``, forms expanded.

        Not ``exact``: a bound (bytes that can end an operator; each Do drawing the
        largest form). ``exact``: counted operators, each Do its own form. Capped just above
        the limit, so that nested forms cannot make the numbers themselves explode.
        """
        if depth > _MAX_FORM_DEPTH:
            return 0
        key = (id(stream), id(resources), depth, exact)
        known = self._expanded_memo.get(key)
        if known is not None:
            return known
        self._budget.tick()
        xobjects = _xobjects(resources)

        def expanded(form: PDFStream) -> int:
            return self._expanded(form, _own_resources(form, resources), depth + 1, exact)

        def largest() -> int:
            forms = [target for target in map(_resolve, xobjects.values()) if _is_form(target)]
            return max(map(expanded, forms), default=0)

        if exact:
            total, uses = self._count_operators(stream)
            for name, times in uses.items():
                if name not in xobjects:
                    # A name spelled differently than pdfminer reads it: assume the worst.
                    total += times * largest()
                    continue
                target = _resolve(xobjects[name])
                if _is_form(target):
                    total += times * expanded(target)
        else:
            content = self._content(stream)
            total = content.marks + (content.uses * largest() if content.uses else 0)
        total += self._glyph_objects(stream, resources, depth, exact)
        total = min(total, self._budget.max_page_objects + 1)
        self._expanded_memo[key] = total
        return total

    def _count_operators(self, stream: PDFStream) -> tuple[int, dict[str, int]]:
        """(operators that create an object, uses per XObject name) of a content stream."""
        found = self._operators.get(id(stream))
        if found is None:
            data = decode(stream, self._budget)
            uses: dict[str, int] = {}
            for match in _DO_NAME.finditer(data):
                key = _name(match.group(1))
                uses[key] = uses.get(key, 0) + 1
            found = (sum(1 for _ in _OBJECT_OPERATOR.finditer(data)), uses)
            self._operators[id(stream)] = found
        return found

    def _glyph_objects(self, stream: PDFStream, resources: Any, depth: int, exact: bool) -> int:
        """Objects PDFium creates running the Type 3 glyphs ``stream`` shows (0 without such fonts).

        Not ``exact``: every byte of the stream a character of the costliest glyph. ``exact``:
        each code of each shown string charged its own glyph in the font set by the last Tf.
        """
        fonts = type3_fonts(resources)
        if not fonts:
            return 0
        if not exact:
            worst = max(max(self._glyph_costs(font, resources, depth, False)) for font in fonts.values())
            return self._content(stream).size * worst if worst else 0
        cap = self._budget.max_page_objects + 1
        total = 0
        costs: list[int] | None = None
        shown: list[bytes] = []
        for step, match in enumerate(TEXT_TOKEN.finditer(decode(stream, self._budget))):
            if step % _TICK_EVERY == 0:
                self._budget.tick()
            if match.group(1) is not None:
                font = fonts.get(_name(match.group(1)))
                costs = None if font is None else self._glyph_costs(font, resources, depth, True)
            elif match.group(2) is None:
                shown.append(match.group(0))
                continue
            elif costs is not None:
                for code, times in Counter(b"".join(map(string_bytes, shown))).items():
                    total += costs[code] * times
                if total >= cap:
                    return cap
            shown.clear()
        return total

    def _glyph_costs(self, font: dict[str, Any], resources: Any, depth: int, exact: bool) -> list[int]:
        """Objects of the glyph of each code 0–255 of a Type 3 ``font`` (0: no glyph)."""
        key = (id(font), id(resources), depth, exact)
        known = self._glyph_memo.get(key)
        if known is not None:
            return known
        costs = [0] * 256
        self._glyph_memo[key] = costs  # a glyph showing its own font counts 0 for itself
        procs = _resolve(font.get("CharProcs"))
        glyph_resources = _own_resources(font, resources)  # type: ignore[arg-type]
        if isinstance(procs, dict):
            for code, name in type3_codes(font).items():
                glyph = _resolve(procs.get(name))
                if isinstance(glyph, PDFStream):
                    costs[code] = self._expanded(glyph, glyph_resources, depth + 1, exact)
        return costs

    # -- the walk ---------------------------------------------------------------------------

    @staticmethod
    def _page_contents(value: Any) -> list[PDFStream]:
        """The content streams of a page's /Contents (a stream or an array of them)."""
        value = _resolve(value)
        items = value if isinstance(value, list) else [value]
        return [stream for stream in map(_resolve, items) if isinstance(stream, PDFStream)]

    def _collect(self, roots: Iterable[Any]) -> tuple[list[PDFStream], list[PDFStream]]:
        """The unseen non-image streams and image XObjects reachable from ``roots``."""
        streams: list[PDFStream] = []
        images: list[PDFStream] = []
        seen = self._seen
        stack = list(roots)
        steps = 0
        while stack:
            obj = stack.pop()
            steps += 1
            if steps % _TICK_EVERY == 0:
                self._budget.tick()
            if isinstance(obj, PDFObjRef):
                if obj.objid in seen:
                    continue
                seen.add(obj.objid)
                obj = _resolve(obj)
            if isinstance(obj, list):
                stack.extend(item for item in obj if isinstance(item, (PDFObjRef, dict, list, PDFStream)))
                continue
            if isinstance(obj, PDFStream):
                self.streams += 1
                (images if obj.get("Subtype") is _IMAGE else streams).append(obj)
                children: dict[str, Any] = obj.attrs
            elif isinstance(obj, dict):
                kind = obj.get("Type")
                if isinstance(kind, PSLiteral) and kind in _NOT_RESOURCES:
                    continue
                children = obj
            else:
                continue
            stack.extend(
                value
                for key, value in children.items()
                if key not in _SKIP_KEYS and isinstance(value, (PDFObjRef, dict, list, PDFStream))
            )
        return streams, images


def _name(raw: bytes) -> str:
    """A name token of a content stream as pdfminer spells it in a dictionary key."""
    name = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        return str(name)
