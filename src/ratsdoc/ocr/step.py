"""The OCR step of the pipeline: decide which pages need OCR, run it, and hand back lines.

A page is OCRed when it has no text layer but an image covering much of it (a scan, see
:mod:`.policy`), when it is a scan whose own OCR layer shows misread words
(:func:`~.noise.layer_noise`) and an engine is installed, or always with
``ParseOptions(ocr="always")``. A scan whose layer reads clean keeps that layer. Before
Tesseract reads a page, rules, specks and the paper's shade are removed
(:func:`~.filters.prepare`); afterwards punctuation, spaces, umlauts, bullets and URLs are
checked (:mod:`.repairs`, :mod:`.words`). Every scanned page — OCRed here or read from its
layer — is rendered once so that :mod:`.pixel_marks` can find its checkboxes in the pixels,
and is listed in :attr:`OcrStep.ocr_pages`, which turns on fuzzy label matching in the
extractors. A page that is no scan but draws lines of its text as images
(:func:`~.policy.text_strips`) keeps its layer, and the ink of those images is read and added
to it (:meth:`OcrStep._read_strips`).

The step plans and renders; a page's pixels are read by :func:`~.page_read.read_pixels`. It
reads with an :class:`~.engine.OcrBackend` and renders with a
:class:`~.render.Renderer`; by default these are Tesseract (:mod:`.engine`) and PDFium
(:mod:`.render`), and tests pass fakes.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..issues import Issue, IssueCode
from ..layout.lines import Line, page_lines
from .confidence import OcrDoubt
from .engine import OCR_DPI, OcrBackend, find_engine, require_engine
from .garbled import FontVerdict, read_fonts, unreadable_fonts, without_fonts
from .hyphens import joined_copy
from .layer_gaps import strip_words, with_layer_gaps
from .layer_mend import layer_mended, mend_layer
from .layer_quality import MIN_WORDS, LayerQuality, join_split_words, layer_flaw, layer_quality
from .logos import letterhead_logos, logo_read, logo_words
from .noise import layer_noise
from .page_read import PageRead, lines_with_marks, read_pixels
from .parallel import Job, default_workers, in_order
from .pixel_marks import place_marks, with_pixel_marks
from .pixel_rules import rule_shapes
from .policy import has_text_layer, is_ocr_layer, is_scanned_page, strips_read, strips_unread, text_strips
from .render import MAX_OCR_PIXELS, ColourRenderer, PageRenderer, Renderer, greyscale, ocr_dpi
from .resolution import at_reading_dpi
from .words import words_to_chars

if TYPE_CHECKING:
    from PIL import Image

    from ..budget import Budget
    from ..input import PdfInput
    from ..layout.marks import BoxMark
    from ..layout.model import Box, Page


@dataclass(slots=True)
class OcrStep:
    """Per-document OCR state: which pages were OCRed or read from a scan's text layer.

    ``engine`` and ``renderer`` read and render the pages; left out, they are Tesseract and
    PDFium on ``pdf``, and tests drive the step with fakes of both.
    """

    #: The document whose pages are rendered (not needed when a ``renderer`` is given).
    pdf: PdfInput | None = None
    mode: str = "auto"
    password: str | None = None
    max_pages: int = 500
    #: The bytes the engine's preflight passed (see :attr:`~ratsdoc.layout.model.PageSource.checked_data`).
    checked: bytes | None = None
    #: The parse's budget, which the renderer checks the file within when ``checked`` is None.
    budget: Budget | None = None
    #: The OCR engine; None: the configured Tesseract, looked up when a page first needs it
    #: (:func:`~.engine.find_engine`), so that a missing one fails only where OCR is needed.
    engine: OcrBackend | None = None
    #: The page renderer; None: PDFium on ``pdf`` (:class:`~.render.PageRenderer`), made on first use.
    renderer: Renderer | None = None
    #: Pages read side by side by :meth:`read_pages` (the parse's worker budget); 0: the CPU count.
    workers: int = 0
    #: Seconds the parse's time limit grows by for every page sent to Tesseract.
    seconds_per_page: float = 0.0
    #: Pages whose text came from OCR (here or in the file's own OCR layer).
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    #: Words Tesseract read unsure on the pages it read, in page order.
    doubts: list[OcrDoubt] = field(default_factory=list)
    #: Lines read from page 1's letterhead logo (:mod:`.logos`).
    logo_lines: list[Line] = field(default_factory=list)
    #: Pages of the document (0: not known); the pages of its last round of :attr:`workers`
    #: pages, which find workers idle, share them (:meth:`_threads`).
    page_count: int = 0
    #: The worker budget of :meth:`read_pages`, and whether its file has one page only.
    _workers: int = field(default=1, repr=False)
    _alone: bool = field(default=False, repr=False)
    #: Guards making the renderer: pages are rendered from several threads.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: Fonts whose text layer was found unreadable on the pages planned so far (:mod:`.garbled`).
    _garbled: dict[str, FontVerdict] = field(default_factory=dict, repr=False)

    def _renderer_for(self) -> Renderer:
        with self._lock:
            if self.renderer is None:
                if self.pdf is None:
                    raise ValueError("the OCR step needs a PDF or a renderer to render a page")
                self.renderer = PageRenderer(self.pdf, self.password, self.max_pages, self.checked, self.budget)
            return self.renderer

    def _find_engine(self) -> OcrBackend | None:
        return self.engine if self.engine is not None else find_engine()

    def _require_engine(self, why: str) -> OcrBackend:
        return self.engine if self.engine is not None else require_engine(why)

    def _render(
        self, page: Page, warnings: list[Issue], *, colour: bool = False, reading: bool = True
    ) -> tuple[Image.Image, int] | None:
        """``page`` rendered within :data:`~.render.MAX_OCR_PIXELS`, and the dpi it was rendered at;
        in colour (RGB) when ``colour`` is asked for and the renderer can, else in greyscale. A
        colour render is brought to the resolution its print is read at unless ``reading`` is off.

        A page too large for 300 dpi is rendered lower, with a warning; None (and a warning)
        for a page too large even for 1 dpi, whose pixels are then not read.
        """
        dpi = ocr_dpi(page.width, page.height)
        if dpi < OCR_DPI:
            size = f"{page.width:,.0f} × {page.height:,.0f} pt"
            limit = f"{MAX_OCR_PIXELS / 1e6:.1f} Mpx"
            message = (
                f"page {page.number} ({size}) was rendered for OCR at {dpi} dpi instead of {OCR_DPI} to stay "
                f"within {limit}; small print may be misread"
                if dpi
                else f"page {page.number} ({size}) is too large to render for OCR within {limit}; image not read"
            )
            warnings.append(Issue(IssueCode.OCR_RESOLUTION_LOWERED, message, page.number))
        if not dpi:
            return None
        renderer = self._renderer_for()
        if not colour:
            return renderer.render(page.number, dpi), dpi
        image = (
            renderer.render_colour(page.number, dpi)
            if isinstance(renderer, ColourRenderer)
            else renderer.render(page.number, dpi)
        )
        # The page is read at the resolution its print needs (see resolution.py): large print
        # at less than 300 dpi, which costs the filters and Tesseract fewer pixels.
        return at_reading_dpi(image, dpi) if reading else (image, dpi)

    def _hidden_share(self, number: int) -> float:
        return self._renderer_for().invisible_text_share(number)

    def close(self) -> None:
        """Release the renderer."""
        if self.renderer is not None:
            self.renderer.close()

    def page_lines(self, page: Page) -> list[Line]:
        """The lines of ``page``: from its text layer, or from OCR when the page needs it."""
        return self._take(self._run(self._plan(page)))

    def read_pages(self, pages: Iterable[Page]) -> Generator[tuple[Page, list[Line]], None, None]:
        """Each of ``pages`` with its lines, in order; the pages that need OCR are read side by
        side by :attr:`workers` threads (:func:`~.parallel.in_order`)."""
        workers = self.workers or default_workers()
        planned = ((page, self._plan(page)) for page in pages)
        ahead = list(itertools.islice(planned, 2))
        self._workers, self._alone = workers, len(ahead) == 1
        for page, read in in_order(itertools.chain(ahead, planned), workers):
            yield read.page or page, self._take(read)

    def _threads(self, number: int) -> int:
        """Threads that share the Tesseract runs of page ``number`` (:mod:`.bands`): pages are
        read side by side, one worker each, but a file of one page, and the pages of the last
        round when the page count is no multiple of the workers (page 3 of 3 with two workers),
        would leave workers idle; they share them. By page number, not by what runs at the
        time, so that a page is read the same way in every run."""
        if self._alone:
            return self._workers
        if self.page_count < 1 or self._workers < 2:
            return 1
        rounds = self.page_count // self._workers * self._workers
        return max(1, self._workers // (self.page_count - rounds)) if number > rounds else 1

    def _take(self, read: PageRead) -> list[Line]:
        """Note a page's warnings and OCR in the document's state, in page order."""
        self.warnings.extend(read.warnings)
        if read.ocr:
            self.ocr_pages.append(read.number)
        self.doubts.extend(read.doubts)
        self.logo_lines.extend(read.logos)
        return read.lines

    @staticmethod
    def _run(job: Job[PageRead]) -> PageRead:
        return job() if callable(job) else job

    def _plan(self, page: Page) -> Job[PageRead]:
        """How ``page`` is read: its lines now when they come from its text layer, else the
        work that reads its pixels (run later, perhaps in another thread)."""
        scan = is_scanned_page(page)
        has_text = has_text_layer(page)
        # A born-digital page whose fonts' text cannot be read (no or a wrong ToUnicode map).
        verdicts = self._unreadable(page) if has_text and not scan and self.mode != "always" else {}
        if verdicts:
            return self._fonts_job(page, verdicts)
        if self.mode == "never":
            warnings = []
            if not has_text and scan:
                warnings.append(
                    Issue(
                        IssueCode.NO_TEXT_LAYER,
                        f"page {page.number} has no text layer (a scan?) and OCR is off; its content is missing",
                        page.number,
                    )
                )
            strips = () if scan else text_strips(page)
            if strips:
                warnings.append(strips_unread(page.number, len(strips), "OCR is off"))
            return PageRead(page.number, page_lines(page), warnings)
        if self.mode == "always":
            return self._ocr_job(page, self._require_engine(f"OCR was requested for page {page.number}"))
        if not has_text:
            if not scan:
                # An empty page, or one whose every line is drawn as an image strip.
                return self._strips_job(page, [])
            return self._ocr_job(page, self._require_engine(f"page {page.number} is an image without text"))
        lines = page_lines(page)
        if not scan:
            return self._strips_job(page, lines)
        if not is_ocr_layer(self._hidden_share(page.number)):
            # Visible text over a picture (a slide, a poster, a photo with a caption) is the
            # page's own text, not a scan's OCR layer: nothing to re-read, no pixels to search.
            return PageRead(page.number, lines, [])
        # A scan's own layer is kept only when it reads clean: one misread word of a shape no
        # typist produces, or too many words that are no German words, show that its engine had
        # trouble with the page, and the rest of its words are not to be trusted either.
        flaw, quality = layer_flaw(joined_copy(lines))  # a word divided at a line end is judged whole
        warnings = []
        if flaw:
            engine = self._find_engine()
            if engine is not None:
                warnings.append(
                    Issue(
                        IssueCode.OCR_LAYER_NOISY,
                        f"page {page.number}: the scan's text layer {flaw}; the page was OCRed again",
                        page.number,
                    )
                )
                # Only a layer judged by its words is compared with the new reading: one with
                # misread shapes is worse than Tesseract's reading whatever its words say.
                kept = (lines, quality) if quality.poor and not layer_noise(lines) else None
                return self._ocr_job(page, engine, warnings, kept)
            warnings.append(
                Issue(
                    IssueCode.OCR_LAYER_NOISY,
                    f"page {page.number}: the scan's text layer {flaw} and no OCR engine is installed",
                    page.number,
                )
            )
        # A scan with its own OCR layer: keep the text, read the boxes from the pixels.
        warnings.append(
            Issue(
                IssueCode.OCR_LAYER_USED,
                f"page {page.number} is a scan; its own OCR text layer was used ({quality.describe()})",
                page.number,
            )
        )
        # Words of the layer that are no German words are voted on with Tesseract's reading
        # (layer_mend.py): the page is read again only when the layer has such words.
        engine = self._find_engine() if quality.unknown or quality.unknown_names else None
        if engine is not None and self.budget is not None:
            self.budget.extend(self.seconds_per_page)
        return functools.partial(self._marks_of_layer, page, lines, warnings, engine)

    def _unreadable(self, page: Page) -> dict[str, FontVerdict]:
        """The fonts of ``page`` whose text layer cannot be read (:func:`~.garbled.unreadable_fonts`),
        judged with what the document's earlier pages showed; pages are planned in order."""
        verdicts = unreadable_fonts(page, self._garbled)
        self._garbled.update((font, v) for font, v in verdicts.items() if v.whole)
        return verdicts

    def _fonts_job(self, page: Page, verdicts: dict[str, FontVerdict]) -> Job[PageRead]:
        """``page`` with fonts whose text layer cannot be read: the work that reads their words
        by OCR (:func:`~.garbled.read_fonts`), or, with OCR off or missing, the page without them
        and a warning that says so; then as any page with a layer (:meth:`_strips_job`)."""
        engine = None if self.mode == "never" else self._find_engine()
        if engine is None:
            chars, words = without_fonts(page, verdicts)
            why = "OCR is off" if self.mode == "never" else "no OCR engine is installed"
            issue = Issue(
                IssueCode.TEXT_LAYER_UNREAD,
                f"page {page.number}: the text layer of {_fonts_named(verdicts)} cannot be read; {why}, so "
                f"{words} word(s) of it are missing"
                + (
                    ""
                    if all(v.whole for v in verdicts.values())
                    else ", and words with unmapped glyphs kept as they are"
                ),
                page.number,
            )
            kept = replace(page, chars=chars)
            if self.mode == "never":
                return PageRead(page.number, page_lines(kept), [issue], page=kept)
            return self._with_warnings(self._strips_job(kept, page_lines(kept)), [issue], kept)
        if self.budget is not None:
            self.budget.extend(self.seconds_per_page)
        return functools.partial(self._read_fonts, page, verdicts, engine)

    def _read_fonts(self, page: Page, verdicts: dict[str, FontVerdict], engine: OcrBackend) -> PageRead:
        """``page`` with the words of its unreadable fonts read by ``engine`` (:mod:`.garbled`)."""
        warnings: list[Issue] = []
        rendered = self._render(page, warnings)
        if rendered is None:
            chars, _ = without_fonts(page, verdicts)
            kept = replace(page, chars=chars)
            return PageRead(page.number, page_lines(kept), warnings, page=kept)
        reading = read_fonts(page, verdicts, *rendered, engine)
        unread = {font: v for font, v in verdicts.items() if font not in reading.readable}
        read = replace(page, chars=reading.chars)
        marks: list[BoxMark] = []
        if unread:
            # A checkbox glyph of an unreadable font is no "☐" any more but what OCR made of it
            # ("O", "[]"): the boxes are found in the pixels, as on a scan, and their chars dropped.
            read, marks, found = with_pixel_marks(read, *rendered)
            warnings.extend(found)
        if unread:
            warnings.append(
                Issue(
                    IssueCode.TEXT_LAYER_READ,
                    f"page {page.number}: the text layer of {_fonts_named(unread)} cannot be read; "
                    f"{reading.decoded + reading.as_read + reading.lost} word(s) of it were read by OCR "
                    f"({engine.label}): {reading.decoded} decoded glyph by glyph from the reading, "
                    f"{reading.as_read} as read, {reading.lost} not read (missing)",
                    page.number,
                )
            )
        lines = page_lines(read)
        place_marks(lines, marks, page.number)
        job = self._run(self._strips_job(read, lines))
        return replace(
            job,
            warnings=warnings + job.warnings,
            ocr=bool(unread) or job.ocr,
            page=job.page or read,
        )

    def _with_warnings(self, job: Job[PageRead], warnings: list[Issue], page: Page) -> Job[PageRead]:
        """``job`` with ``warnings`` before its own, and ``page`` as the page read."""
        if callable(job):
            return lambda: self._with_warnings(self._run(job), warnings, page)  # type: ignore[return-value]
        return replace(job, warnings=warnings + job.warnings, page=job.page or page)

    def _marks_of_layer(
        self,
        page: Page,
        lines: list[Line],
        warnings: list[Issue],
        engine: OcrBackend | None = None,
        fresh: PageRead | None = None,
    ) -> PageRead:
        """A scan read from its own layer: the lines, with checkboxes from the pixels, and with
        its misread words mended from Tesseract's reading (``fresh``, or read now with
        ``engine``; neither: not mended)."""
        # The layer's words are mended from a fresh reading: one render in colour serves both,
        # its grey for the layer's boxes and rules, itself at the reading resolution for Tesseract.
        shared = fresh is None and engine is not None
        rendered = self._render(page, warnings, colour=True, reading=False) if shared else self._render(page, warnings)
        if rendered is None:
            return PageRead(page.number, lines, warnings, ocr=True)
        colour = rendered
        if shared:
            rendered = (greyscale(colour[0]), colour[1])
        # The table rules in the pixels, so that wrapped cells are joined as in a born-digital table.
        ruled = replace(page, shapes=page.shapes + rule_shapes(*rendered))
        # Text the layer left out (a shaded table header) is read from the pixels.
        ruled = with_layer_gaps(ruled, *rendered, self._find_engine())
        # Words the layer's engine split in two are joined again where the word list knows the whole.
        lines = join_split_words(lines_with_marks(ruled, *rendered, warnings))
        if shared and engine is not None:
            fresh = self._ocr(page, engine, [], at_reading_dpi(*colour))
        if fresh is not None and not any(w.code is IssueCode.OCR_PAGE_TURNED for w in fresh.warnings):
            lines, mends = mend_layer(lines, fresh.lines, fresh.doubts)
            if mends:
                warnings.append(layer_mended(page.number, mends))
        return PageRead(page.number, lines, warnings, ocr=True, page=ruled)

    def _strips_job(self, page: Page, lines: list[Line]) -> Job[PageRead]:
        """A page that is no scan: its ``lines`` (from its layer), or, when it draws lines of
        its text as images (:func:`~.policy.text_strips`), the work that reads those."""
        strips = text_strips(page)
        # Page 1's letterhead may be a logo picture that holds the issuer's name (logos.py).
        logos = letterhead_logos(page) if page.number == 1 else ()
        if not strips and not logos:
            return PageRead(page.number, lines, [])
        engine = self._find_engine()
        if engine is None:
            unread = [strips_unread(page.number, len(strips), "no OCR engine is installed")] if strips else []
            return PageRead(page.number, lines, unread)
        if self.budget is not None:
            self.budget.extend(self.seconds_per_page)
        return functools.partial(self._read_strips, page, strips, lines, engine, logos)

    def _read_strips(
        self, page: Page, strips: tuple[Box, ...], lines: list[Line], engine: OcrBackend, logos: tuple[Box, ...] = ()
    ) -> PageRead:
        """``page`` with the words Tesseract reads in its ``strips`` added to its layer, and the
        words of its ``logos`` as lines apart (:attr:`PageRead.logos`, not in the text).

        The page is not listed as an OCR page (``ocr`` stays False): its labels, numbers and
        boxes come from its text layer, which fuzzy label matching and the OCR readings of
        checkboxes and dates would only loosen, and the strips are clean image masks of the
        glyphs, read at high confidence (:data:`~.layer_gaps.STRIP_ACCEPT`). The warning
        (:data:`~ratsdoc.issues.IssueCode.TEXT_IMAGES_READ`) tells that OCR read part of it.
        """
        warnings: list[Issue] = []
        rendered = self._render(page, warnings)
        if rendered is None:
            if strips:  # an unread logo is a picture left unread, no text missing
                warnings.append(strips_unread(page.number, len(strips), "the page is too large to render"))
            return PageRead(page.number, lines, warnings)
        image, dpi = rendered
        words = strip_words(image, dpi, strips, engine) if strips else []
        named = logo_words(image, dpi, logos, engine) if logos else []
        # Images of a line's shape without a word in them (bands, rules drawn as pictures) are no
        # text that is missing, and a logo without a name is a picture: nothing to warn about.
        if words:
            warnings.append(strips_read(page.number, len(strips), len(words), engine.label))
        if named:
            warnings.append(logo_read(page.number, len(named), engine.label))
        logo = page_lines(replace(page, chars=words_to_chars(named, dpi))) if named else []
        if not words:
            return PageRead(page.number, lines, warnings, logos=logo)
        read = replace(page, chars=page.chars + words_to_chars(words, dpi))
        return PageRead(page.number, page_lines(read), warnings, page=read, logos=logo)

    def _ocr_job(
        self,
        page: Page,
        engine: OcrBackend,
        warnings: list[Issue] | None = None,
        layer: tuple[list[Line], LayerQuality] | None = None,
    ) -> Job[PageRead]:
        if self.budget is not None:
            self.budget.extend(self.seconds_per_page)
        read = functools.partial(self._ocr, page, engine, [] if warnings is None else warnings)
        return read if layer is None else functools.partial(self._better_of, page, read, *layer)

    def _better_of(
        self, page: Page, read: Callable[[], PageRead], lines: list[Line], quality: LayerQuality
    ) -> PageRead:
        """Tesseract's reading of a page whose own layer read poorly, unless it reads no better
        by the same judgment (:func:`~.layer_quality.layer_quality`; a page whose print Tesseract
        finds hard too): then the layer after all, with a warning that says so."""
        fresh = read()
        judged = layer_quality(joined_copy(fresh.lines))
        if judged.words < MIN_WORDS or judged.unknown_share < quality.unknown_share:
            return fresh
        warnings = [w for w in fresh.warnings if w.code is IssueCode.OCR_LAYER_NOISY]
        warnings.append(
            Issue(
                IssueCode.OCR_LAYER_USED,
                f"page {page.number} is a scan; its own OCR text layer was used: Tesseract read it no better "
                f"({1 - judged.unknown_share:.0%} German words against the layer's {1 - quality.unknown_share:.0%})",
                page.number,
            )
        )
        return self._marks_of_layer(page, lines, warnings, fresh=fresh)

    def _ocr(
        self, page: Page, engine: OcrBackend, warnings: list[Issue], rendered: tuple[Image.Image, int] | None = None
    ) -> PageRead:
        """``page`` read from its pixels (:func:`~.page_read.read_pixels`): from ``rendered``, its
        render at the reading resolution, or rendered now, once, in colour — the marks are found
        in it, and the grey image is derived from it."""
        if rendered is None:
            rendered = self._render(page, warnings, colour=True)
        if rendered is None:
            return PageRead(page.number, page_lines(page), warnings)
        return read_pixels(page, *rendered, engine, self._threads(page.number), warnings)


def _fonts_named(verdicts: dict[str, FontVerdict]) -> str:
    """The fonts of ``verdicts`` and why each cannot be read, for a warning."""
    named = [
        f"font {font} ({v.reason}{'' if v.whole else ', in some words'}: " + ", ".join(f'"{w}"' for w in v.sample) + ")"
        for font, v in verdicts.items()
    ]
    return "; ".join(named)
