"""The flow layout and the renderers the template builders share: lines, paragraphs, numbered
items, bullets and ruled tables that continue across pages, on pages of ``fixture_page`` ops,
rendered by reportlab or fpdf2 (normalised like the fixtures)."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import fixture_docx as fd
import fixture_fonts as ff
from fixture_fonts import width, wrap
from fixture_page import BOX, Box, Frame, Link, Op, Rule, Text, draw_op

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 57.0, 545.0
BULLET = "\u2022"


# --------------------------------------------------------------------------
# A small flow layout: lines, paragraphs, numbered items, bullets and ruled
# tables that continue across pages (header row repeated), on pages of Ops.
# --------------------------------------------------------------------------


class Flow:
    def __init__(
        self,
        size: tuple[float, float] = A4,
        left: float = LEFT,
        right: float = RIGHT,
        top: float = 770.0,
        bottom: float = 72.0,
        body: float = 10.5,
        lead: float = 14.0,
    ) -> None:
        self.w, self.h = size
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.size, self.lead = body, lead
        self.pages: list[list[Op]] = []
        self.new_page()

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def space(self, h: float) -> None:
        self.y -= h

    def ensure(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def line(
        self,
        text: str,
        x: float | None = None,
        font: str | None = None,
        size: float | None = None,
        lead: float | None = None,
        align: str = "left",
    ) -> None:
        font = font or ff.REG
        size = size or self.size
        lead = lead or (self.lead if size == self.size else size * 1.35)
        x = self.left if x is None else x
        self.ensure(size)
        self.ops.append(Text(x, self.y, text, font, size, align))  # type: ignore[arg-type]
        for url in re.findall(r"https?://\S+", text):
            start = x + width(text[: text.index(url)], font, size)
            self.ops.append(Link(start, self.y - 2, start + width(url, font, size), self.y + size, url))
        self.y -= lead

    def para(
        self,
        text: str,
        x: float | None = None,
        font: str | None = None,
        size: float | None = None,
        lead: float | None = None,
        after: float | None = None,
        right: float | None = None,
    ) -> None:
        font = font or ff.REG
        x0 = self.left if x is None else x
        size = size or self.size
        lead = lead or (self.lead if size == self.size else size * 1.35)
        for text_line in wrap(text, (right or self.right) - x0, font, size):
            self.line(text_line, x0, font, size, lead)
        self.y -= lead * 0.5 if after is None else after

    def heading(self, text: str, size: float = 11.5, before: float = 8, after: float = 4) -> None:
        self.ensure(before + size + 3 * self.lead)  # keep with the next lines
        self.y -= before
        self.line(text, font=ff.BOLD, size=size, lead=size * 1.35)
        self.y -= after

    def signature_blocks(
        self,
        blocks: Sequence[Sequence[str]],
        side_by_side: bool,
        *,
        size: float,
        lead: float,
        rows_after: int = 1,
        gap: float = 0.6,
    ) -> None:
        """Signature blocks side by side in columns (each line wrapped to its column, in ``size``),
        the text going on ``rows_after`` rows under the longest; or one under the other, ``gap``
        leads apart."""
        lines = max(len(block) for block in blocks)
        if side_by_side:
            self.ensure(lead * (lines + 1))
            column = (self.right - self.left) / len(blocks)
            top = self.y
            for i, block in enumerate(blocks):
                y = top
                for line in block:
                    for part in wrap(line, column - 8, ff.REG, size):
                        self.ops.append(Text(self.left + i * column, y, part, ff.REG, size))
                        y -= size * 1.3
            self.y = top - size * 1.3 * (lines + rows_after)
            return
        for block in blocks:
            self.ensure(lead * (len(block) + 1))
            for line in block:
                self.line(line)
            self.space(lead * gap)

    def items(
        self,
        items: Sequence[tuple[str, str]],
        indent: float = 22,
        x: float | None = None,
        gap: float = 5,
    ) -> None:
        x0 = self.left if x is None else x
        for label, text in items:
            lines = wrap(text, self.right - x0 - indent, ff.REG, self.size)
            self.ensure(self.lead)
            self.ops.append(Text(x0, self.y, label, ff.REG, self.size))
            for text_line in lines:
                self.line(text_line, x0 + indent)
            self.y -= gap

    def bullets(self, items: Sequence[str], x: float | None = None) -> None:
        self.items([(BULLET, item) for item in items], indent=14, x=(x or self.left) + 12, gap=2)
        self.y -= self.lead * 0.5 - 2

    def table(
        self,
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        header: Sequence[str] | None = None,
        size: float = 9.5,
        lead: float = 12.0,
        x: float | None = None,
        aligns: Sequence[str] | None = None,
        header_font: str | None = None,
        ruled: bool = True,
        repeat_header: bool = True,
        continued: str | None = None,
    ) -> None:
        """A table of ``rows`` under ``header``; a row that does not fit opens a new page, which
        repeats the header when ``repeat_header`` and, over it, the line ``continued`` if given
        ("Fortsetzung")."""
        header_font = header_font or ff.BOLD
        x0 = self.left if x is None else x
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        aligns = aligns or ["left"] * len(widths)
        seg_top = self.y

        def close_segment() -> None:
            if ruled:
                for col in xs:
                    self.ops.append(Rule(col, seg_top, col, self.y))

        def row(cells: Sequence[str], font: str) -> None:
            nonlocal seg_top
            wrapped = [wrap(c, w - 8, font, size) if c else [""] for c, w in zip(cells, widths, strict=True)]
            n = max(len(w) for w in wrapped)
            height = n * lead + 6
            if self.y - height < self.bottom:
                close_segment()
                self.new_page()
                if continued and font is not header_font:
                    self.line(continued, font=ff.BOLD, size=size, lead=lead + 4)
                seg_top = self.y
                if ruled:
                    self.ops.append(Rule(xs[0], self.y, xs[-1], self.y))
                if header and repeat_header and font is not header_font:
                    row(header, header_font)
            for i, lines in enumerate(wrapped):
                for j, text in enumerate(lines):
                    baseline = self.y - 3 - size - j * lead
                    if aligns[i] == "right":
                        self.ops.append(Text(xs[i + 1] - 4, baseline, text, font, size, "right"))
                    else:
                        self.ops.append(Text(xs[i] + 4, baseline, text, font, size))
            self.y -= height
            if ruled:
                self.ops.append(Rule(xs[0], self.y, xs[-1], self.y))

        if ruled:
            self.ops.append(Rule(xs[0], self.y, xs[-1], self.y))
        if header:
            row(header, header_font)
        for cells in rows:
            row(cells, ff.REG)
        close_segment()
        self.y -= self.lead

    def finish(
        self,
        header: str | None = None,
        header_from: int = 2,
        footer: str | None = "Seite {n} von {m}",
        footer_left: str | None = None,
    ) -> list[list[Op]]:
        """Add the running header (right aligned, ruled) and the footer to every page."""
        m = len(self.pages)
        for n, ops in enumerate(self.pages, start=1):
            extra: list[Op] = []
            if header and n >= header_from:
                extra.append(Text(self.right, self.h - 36, header, ff.REG, 9, "right"))
                extra.append(Rule(self.left, self.h - 42, self.right, self.h - 42))
            if footer:
                extra.append(Text(self.w / 2, 36, footer.format(n=n, m=m), ff.REG, 8, "center"))
            if footer_left:
                extra.append(Text(self.left, 36, footer_left, ff.REG, 8))
            ops[:0] = extra
        return self.pages


Blocks = tuple[str | tuple[str, ...], ...]  # paragraphs; a tuple is a bullet list


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str = ""


def render_reportlab(pages: list[list[Op]], size: tuple[float, float], meta: Meta, out: Path) -> None:
    c = Canvas(str(out), pagesize=size, invariant=1, pageCompression=1)
    c.setTitle(meta.title)
    c.setAuthor(meta.author)
    if meta.subject:
        c.setSubject(meta.subject)
    for ops in pages:
        for op in ops:
            draw_op(c, op, "vector")
        c.showPage()
    c.save()


def render_fpdf(pages: list[list[Op]], size: tuple[float, float], meta: Meta, out: Path) -> None:
    from fpdf import FPDF

    w, h = size
    pdf = FPDF(unit="pt", format=(w, h))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font("LiberationSans", "", str(ff.find_font("LiberationSans-Regular.ttf")))
    pdf.add_font("LiberationSans", "B", str(ff.find_font("LiberationSans-Bold.ttf")))
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_title(meta.title)
    pdf.set_author(meta.author)
    if meta.subject:
        pdf.set_subject(meta.subject)
    for ops in pages:
        pdf.add_page()
        for op in ops:
            if isinstance(op, Text):
                pdf.set_font("LiberationSans", "B" if op.font == ff.BOLD else "", op.size)
                x = op.x
                if op.align != "left":
                    tw = pdf.get_string_width(op.text)
                    x -= tw if op.align == "right" else tw / 2
                pdf.text(x, h - op.y, op.text)
            elif isinstance(op, Rule):
                pdf.set_line_width(op.lw)
                pdf.line(op.x1, h - op.y1, op.x2, h - op.y2)
            elif isinstance(op, Frame):
                pdf.set_line_width(op.lw)
                pdf.rect(op.x, h - op.y - op.h, op.w, op.h)
            elif isinstance(op, Box):
                y = op.y - 1.2
                pdf.set_line_width(0.6)
                pdf.rect(op.x, h - y - BOX, BOX, BOX)
                if op.checked:
                    pdf.line(op.x + 1.5, h - y - 1.5, op.x + BOX - 1.5, h - y - BOX + 1.5)
                    pdf.line(op.x + 1.5, h - y - BOX + 1.5, op.x + BOX - 1.5, h - y - 1.5)
            elif isinstance(op, Link):
                pdf.link(op.x1, h - op.y2, op.x2 - op.x1, op.y2 - op.y1, op.url)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.pdf"
        pdf.output(str(raw))
        fd.normalise_pdf(raw, out)


def convert_docx(build: Callable[[Path], None], out: Path, *, tagged: bool = False) -> bool:
    """Build a DOCX with ``build`` and convert it with LibreOffice Writer."""
    return fd.convert_docx(build, out, tagged=tagged)


def render(producer: str, flow: Flow, pages: list[list[Op]], meta: Meta, out: Path) -> bool:
    if producer == "fpdf2":
        render_fpdf(pages, (flow.w, flow.h), meta, out)
    else:
        render_reportlab(pages, (flow.w, flow.h), meta, out)
    return True


def page_count(pdf: Path) -> int:
    """Pages of a PDF a generator wrote."""
    import pikepdf

    with pikepdf.open(pdf) as doc:
        return len(doc.pages)


def render_within(render: Callable[[], Path], shrink: Callable[[], bool], limit: int) -> int:
    """Render, and while the PDF runs over ``limit`` pages and ``shrink`` still cuts some text
    (it returns False when nothing is left to cut), render again; returns the page count."""
    while True:
        pages = page_count(render())
        if pages <= limit or not shrink():
            return pages


def render_paper(
    family: str,
    out: Path,
    write_docx: Callable[[Path], None] | None,
    render_pdf: Callable[[], Path],
    shrink: Callable[[], bool],
    limit: int,
) -> int:
    """Render a family's paper to ``out`` within ``limit`` pages (:func:`render_within`): typed
    into Word, ``write_docx`` writing the DOCX that LibreOffice converts, or drawn by ``render_pdf``
    where there is no DOCX; returns the page count."""
    if write_docx is None:
        return render_within(render_pdf, shrink, limit)
    if fd.soffice() is None:
        raise FileNotFoundError(f"LibreOffice (soffice) is needed for the Word-made papers of {family}")
    docx = write_docx

    def build() -> Path:
        fd.convert_docx(docx, out)
        return out

    return render_within(build, shrink, limit)


class _Reasoned(Protocol):
    """A letter whose reasons may be cut to fit its pages."""

    reasons: Any
    golden: dict[str, Any]


def halving_reasons(paper: _Reasoned, justification: Callable[[], str]) -> Callable[[], bool]:
    """A ``shrink`` for :func:`render_within`: keep the first half of the letter's reasons (one at
    least) and write the golden's justification again; False once one reason is left."""

    def shrink() -> bool:
        if len(paper.reasons) == 1:
            return False
        paper.reasons = paper.reasons[: max(1, len(paper.reasons) // 2)]
        paper.golden["justification"] = justification()
        return True

    return shrink


def blocks(flow: Flow, content: Blocks, hyphenation: Sequence[str] = ()) -> None:
    for block in content:
        block = ff.soft_hyphenate(block, hyphenation)
        if isinstance(block, str):
            flow.para(block)
        else:
            flow.bullets(block)


def request(
    flow: Flow,
    heading: str,
    items: Sequence[tuple[str, str]] | str,
    *,
    before: float,
    opener: str | None = None,
) -> None:
    """A proposal under its ``heading``: the ``opener`` sentence if any, then one paragraph or
    numbered items, as the Vorlage families set it."""
    flow.heading(heading, size=flow.size + 0.5, before=before, after=flow.lead * 0.2)
    if opener:
        flow.para(opener, after=flow.lead * 0.3)
    if isinstance(items, str):
        flow.para(items, after=flow.lead)
    else:
        flow.items(items, indent=20, gap=3)
        flow.space(flow.lead * 0.5)


def lettered_request(
    flow: Flow,
    heading: str,
    items: Sequence[tuple[str, str, Sequence[tuple[str, str]]]] | str,
    *,
    size: float,
    opener: str | None = None,
) -> None:
    """A proposal under its ``heading`` as the SD.NET and Kreistag Vorlagen set it: the
    ``opener`` sentence if any, then one paragraph or numbered items, an item's lettered
    sub-items ("a)", "b)") set in under it."""
    flow.heading(heading, size=size + 0.5, before=flow.lead * 0.4, after=flow.lead * 0.2)
    if opener:
        flow.para(opener, after=flow.lead * 0.3)
    if isinstance(items, str):
        flow.para(items, after=flow.lead)
        return
    for label, text, subs in items:
        flow.items([(label, text)], indent=20, gap=2)
        if subs:
            flow.items([(f"{k})", sub) for k, sub in subs], x=flow.left + 20, indent=18, gap=1)
    flow.space(flow.lead * 0.5)


def consultation_table(
    flow: Flow,
    dates: str,
    rows: Sequence[tuple[str, str, str, str]],
    status: bool,
    size: float,
    width: float | None = None,
    **options: Any,
) -> None:
    """A ruled Beratungsfolge of (body, date, role, Ö/N) ``rows`` in ``size`` points, headed
    "Gremium", ``dates`` and "Zuständigkeit", and "Ö/N" with the marks when ``status``; the body
    column takes what the others leave of ``width`` (the text's width); ``options`` go to
    :meth:`Flow.table` (unruled, no header on a new page, a "Fortsetzung" line)."""
    header = ["Gremium", dates, "Zuständigkeit"]
    cells = [[body, day, role] for body, day, role, _ in rows]
    if status:
        header.append("Ö/N")
        for row, (_, _, _, mark) in zip(cells, rows, strict=True):
            row.append(mark)
    widths = [max(ff.width(c, ff.BOLD, size) for c in (h, *(r[k] for r in cells))) + 14 for k, h in enumerate(header)]
    # A narrow table wraps the body's name between words, never inside one.
    longest = max(ff.width(word, ff.REG, size) for body, *_ in rows for word in body.split()) + 14
    widths[0] = max((width or flow.right - flow.left) - sum(widths[1:]), longest)
    flow.table(widths, cells, header=header, size=size, lead=size * 1.3, **options)


def signature(flow: Flow, signer: str, role: str, *, one_line: bool) -> None:
    """ "gez." and the signer, with the office on the same line or under it."""
    if one_line:
        flow.line(f"gez. {signer}, {role}")
    else:
        flow.line(f"gez. {signer}")
        flow.line(role)


def attachment_list(flow: Flow, names: Sequence[str]) -> None:
    """ "Anlagen:" over one attachment a line."""
    flow.heading("Anlagen:", size=flow.size, before=flow.lead * 0.3, after=0)
    for name in names:
        flow.line(name)
