"""The ``office-frames`` variant family (built only when named): a city administration's
Beschluss- and Mitteilungsvorlagen and a faction's letter-style Anträge and Anfragen typed into
Word templates that place their heads in boxes anchored to the page, and exported to PDF by
LibreOffice.

The content is drawn by the ``sdnet-vorlage`` and ``letter-request`` families (``sdnet_vorlage.py``,
``letter_request.py``); what is new is the Word template's furniture no other family draws:

- boxes anchored to the page, as DrawingML text boxes or as Word's older frames (``w:framePr``),
  held in the document anywhere (at the first paragraph or after the subject), so that the PDF's
  text order need not be the reading order: an information block at the right ("Vorlage-Nr.",
  "Datum", "Federführend", "Ansprechpartner", "Telefon" or a letter's "Ihr Zeichen / Unser Zeichen
  / Ansprechpartner / Telefon / Datum"), labels beside or over their values, ruled or not; for
  letters the DIN 5008 address field with its return-address line in small underlined type, and
  a sender column at the page's right edge;
- content controls (``w:sdt``) holding the number, the date (a date picker), the kind (a drop-down
  list), the subject and the body, with or without Word's placeholder text style, and optional
  controls left unfilled, showing their placeholder text ("Klicken oder tippen Sie hier, um Text
  einzugeben.");
- the letterhead in the first page's header, a running head on the following pages, and page
  numbers as fields ("Seite 1 von 3").

Faces Liberation Sans/Serif, DejaVu Sans and Carlito in 9-12 pt; one to four pages.

Goldens are those families' goldens, written from the drawn content with their conventions (the
Vorlage's number, office and date from its head, or the date over the signature; a letter's
originator its letterhead's first line, its date the information block's date, its body the
council of the request sentence, its justification the letter's text between salutation and
closing); placeholder text is no value. The page count is filled in after the conversion
(``generate_variants.py``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import letter_request as lr
import office_vorlage as ov
import sdnet_vorlage as sdn
import variant_text as vt
from variant_base import cm_width

#: Which kind of paper (weights: the Vorlagen twice the letters).
SOURCES = ("vorlage", "vorlage", "letter")
#: What Word shows in an empty content control, by the kind of control.
PLACEHOLDERS = ("Klicken oder tippen Sie hier, um Text einzugeben.", "Klicken Sie hier, um Text einzugeben.")
DATE_PLACEHOLDERS = ("Klicken oder tippen Sie, um ein Datum einzugeben.", "Klicken Sie hier, um ein Datum einzugeben.")
#: EMU per cm (DrawingML's unit) and twentieths of a point per cm (WordprocessingML's).
EMU, TWIPS = 360000, 567
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


@dataclass(frozen=True)
class Frames:
    """The template's boxes and content controls drawn for one paper."""

    textbox: bool  # DrawingML text boxes (else Word frames, ``w:framePr``)
    info_x: float  # the information block's left edge and top, cm from the page's
    info_y: float
    stacked: bool  # labels over their values (else "Label:<tab>value")
    bordered: bool  # the information block in a thin box
    anchor_late: bool  # the boxes held after the subject in the document (else before the flow)
    placeholder_style: bool  # filled controls keep Word's grey placeholder text style
    empty_controls: bool  # optional fields show an unfilled control's placeholder text
    body_control: bool  # the facts or the letter's text in a block content control
    kind_control: bool  # the Vorlage's kind as a drop-down list
    header_letterhead: bool  # the letterhead in the first page's header (else in the flow)
    sender_column: bool  # letters: a sender column at the page's right edge (else an information block)
    address_y: float  # letters: the address field's top (DIN 5008 form A 2.7 cm, form B 4.5 cm)


def draw_frames(rng: random.Random) -> Frames:
    """The boxes and controls of one paper's template."""
    return Frames(
        textbox=rng.random() < 0.6,
        info_x=round(rng.uniform(12.0, 13.3), 2),
        info_y=round(rng.uniform(3.6, 5.2), 2),
        stacked=rng.random() < 0.35,
        bordered=rng.random() < 0.3,
        anchor_late=rng.random() < 0.4,
        placeholder_style=rng.random() < 0.3,
        empty_controls=rng.random() < 0.5,
        body_control=rng.random() < 0.6,
        kind_control=rng.random() < 0.4,
        header_letterhead=rng.random() < 0.7,
        sender_column=rng.random() < 0.4,
        address_y=rng.choice((2.7, 4.5, 4.5)),
    )


class FrameWriter(ov.Writer):
    """A Word document with boxes anchored to the page and content controls."""

    def __init__(self, look: ov.Look, frames: Frames, author: str, title: str) -> None:
        super().__init__(look, author, title)
        self.frames = frames
        self.ids = 0
        self.pending: list[Any] = []  # text box anchors waiting for the next paragraph
        self.letterhead: list[tuple[str, bool, float]] = []
        styles = self.doc.styles
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import RGBColor

        style = styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x80, 0x80, 0x80)

    def _next_id(self) -> int:
        self.ids += 1
        return self.ids

    def par(self, text: str = "", *, bold: bool = False, size: float | None = None, after: float = 0.0) -> Any:
        """A paragraph of one run, holding the anchors of text boxes drawn before it."""
        par = super().par(text, bold=bold, size=size, after=after)
        for run in self.pending:
            par._p.insert(1 if par._p.pPr is not None else 0, run)
        self.pending = []
        return par

    def control(
        self,
        par: Any,
        text: str,
        alias: str,
        *,
        bold: bool = False,
        size: float | None = None,
        date: str | None = None,
        choices: Sequence[str] = (),
    ) -> None:
        """A content control in ``par`` holding ``text`` (a date picker for the ISO ``date``, a
        drop-down list of ``choices``); an empty ``text`` shows the control's placeholder text."""
        from xml.sax.saxutils import escape, quoteattr

        from docx.oxml import parse_xml

        empty = not text
        shown = text or (DATE_PLACEHOLDERS[self.ids % 2] if date is not None else PLACEHOLDERS[self.ids % 2])
        styled = empty or self.frames.placeholder_style
        run_pr = (
            ('<w:rStyle w:val="PlaceholderText"/>' if styled else "")
            + ("<w:b/>" if bold else "")
            + (f'<w:sz w:val="{round(size * 2)}"/>' if size else "")
        )
        if date is not None:
            full = f" w:fullDate={quoteattr(date + 'T00:00:00Z')}" if date else ""
            kind = (
                f"<w:date{full}>"
                '<w:dateFormat w:val="dd.MM.yyyy"/><w:lid w:val="de-DE"/>'
                '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
            )
        elif choices:
            items = "".join(f"<w:listItem w:displayText={quoteattr(c)} w:value={quoteattr(c)}/>" for c in choices)
            kind = f"<w:dropDownList>{items}</w:dropDownList>"
        else:
            kind = ""  # a rich text control: LibreOffice drops a plain text control's run formatting
        xml = (
            f"<w:sdt {NAMESPACES}><w:sdtPr><w:rPr>{run_pr}</w:rPr><w:alias w:val={quoteattr(alias)}/>"
            f'<w:tag w:val={quoteattr(alias)}/><w:id w:val="{1000 + self._next_id()}"/>'
            f"{'<w:showingPlcHdr/>' if empty else ''}{kind}</w:sdtPr>"
            f'<w:sdtContent><w:r><w:rPr>{run_pr}</w:rPr><w:t xml:space="preserve">{escape(shown)}</w:t></w:r>'
            "</w:sdtContent></w:sdt>"
        )
        par._p.append(parse_xml(xml))

    def labelled(
        self,
        label: str,
        value: str,
        tab_cm: float,
        *,
        date: str | None = None,
        control: bool = False,
        stacked: bool = False,
    ) -> None:
        """One row of an information block: the label beside its value at ``tab_cm`` or over it
        (the template's choice, or always when ``stacked``), the value in a content control when
        ``control`` (a date picker with ``date``)."""
        size = self.look.size - 1
        if self.frames.stacked or stacked:
            self.par(label.rstrip(":"), size=size - 1)
            par = self.par(after=3)
        else:
            par = self.tabbed(label, "", tab_cm)
            par.runs[0].font.size = par.runs[1].font.size = self.pt(size)
        if control or date is not None:
            self.control(par, value, label.rstrip(":"), size=size, date=date)
        else:
            self.run(par, value, size=size)

    def boxed(self, build: Callable[[], None], x: float, y: float, width: float, *, wrap: str, border: bool) -> float:
        """The paragraphs ``build`` writes, in a box anchored to the page at (``x``, ``y``) cm and
        ``width`` cm wide: a text box anchored at the next paragraph, or a Word frame where they
        stand. ``wrap``: "around" (the flow beside it) or "below" (the flow above or below it).
        Returns the box's height in cm as estimated from its lines."""
        body = self.doc.element.body
        start = len(body) - 1  # the section's properties stay last
        build()
        made = list(body)[start:-1]
        height = self._height(made, width)
        if self.frames.textbox:
            for element in made:
                body.remove(element)
            self.pending.append(self._text_box(made, x, y, width, height, wrap=wrap, border=border))
            return height
        from docx.oxml import parse_xml

        for element in made:
            border_xml = (
                "<w:pBdr>"
                + "".join(
                    f'<w:{s} w:val="single" w:sz="4" w:space="4" w:color="000000"/>'
                    for s in ("top", "left", "bottom", "right")
                )
                + "</w:pBdr>"
                if border
                else ""
            )
            frame = parse_xml(
                f'<w:framePr {NAMESPACES} w:w="{round(width * TWIPS)}" w:hSpace="170" w:vSpace="57" '
                f'w:wrap="{"around" if wrap == "around" else "notBeside"}" w:vAnchor="page" w:hAnchor="page" '
                f'w:x="{round(x * TWIPS)}" w:y="{round(y * TWIPS)}"/>'
            )
            p_pr = element.get_or_add_pPr()
            p_pr.insert(0, frame)
            if border_xml:
                p_pr.append(parse_xml(border_xml.replace("<w:pBdr>", f"<w:pBdr {NAMESPACES}>", 1)))
        return height

    def _height(self, paragraphs: Sequence[Any], width: float) -> float:
        """The height in cm of ``paragraphs`` set ``width`` cm wide, a little more than they need."""
        size = self.look.size
        lines = 0.0
        for p in paragraphs:
            text = "".join(t.text or "" for t in p.iter(f"{W_NS}t"))
            lines += max(1.0, cm_width(text, size - 1) / max(1.0, width - 0.4) + 0.6)
        return 0.2 + lines * (size * 1.35 * self.look.spacing) / 28.35

    def _text_box(
        self, paragraphs: Sequence[Any], x: float, y: float, width: float, height: float, *, wrap: str, border: bool
    ) -> Any:
        """A DrawingML text box's anchor run holding ``paragraphs``, ``height`` cm high (it grows to fit)."""
        from docx.oxml import parse_xml

        cx, cy = round(width * EMU), round(height * EMU)
        box_id = self._next_id()
        line = (
            '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
            if border
            else "<a:ln><a:noFill/></a:ln>"
        )
        wrapping = '<wp:wrapSquare wrapText="bothSides"/>' if wrap == "around" else "<wp:wrapTopAndBottom/>"
        inset = round(0.1 * EMU) if border else 0
        run = parse_xml(
            f"<w:r {NAMESPACES}><w:drawing>"
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{box_id}" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{round(x * EMU)}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(y * EMU)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{wrapping}'
            f'<wp:docPr id="{box_id}" name="Textfeld {box_id}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>{line}</wps:spPr>'
            "<wps:txbx><w:txbxContent/></wps:txbx>"
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="{inset}" tIns="{inset}" rIns="{inset}" '
            f'bIns="{inset}" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>'
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )
        content = next(run.iter(f"{W_NS}txbxContent"))
        for p in paragraphs:
            content.append(p)
        return run

    def blocks(self, content: Sequence[vt.Block]) -> None:
        """Paragraphs and bullet lists, in a block content control when the template has one."""
        self.controlled(lambda: super(FrameWriter, self).blocks(content), "Sachverhalt")

    def controlled(self, build: Callable[[], None], alias: str) -> None:
        """The paragraphs ``build`` writes, in a block content control when the template has one."""
        body = self.doc.element.body
        start = len(body) - 1
        build()
        if not self.frames.body_control:
            return
        from docx.oxml import parse_xml

        made = list(body)[start:-1]
        sdt = parse_xml(
            f'<w:sdt {NAMESPACES}><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{alias}"/>'
            f'<w:id w:val="{1000 + self._next_id()}"/></w:sdtPr><w:sdtContent/></w:sdt>'
        )
        made[0].addprevious(sdt)
        content = sdt[1]
        for element in made:
            content.append(element)

    def furniture(self, number: str, running: str) -> None:
        """Page numbers and the running head as the Word template has them, and the letterhead in
        the first page's header."""
        super().furniture(number, running)
        header = self.doc.sections[0].first_page_header
        par = header.paragraphs[0]
        for k, (text, bold, size) in enumerate(self.letterhead):
            if k:
                par = header.add_paragraph()
            self.run(par, text, bold=bold, size=size)

    def save(self, path: Path) -> None:
        """Write the DOCX, anchoring boxes still waiting in a last empty paragraph."""
        if self.pending:
            self.par()
        super().save(path)


def _letterhead(w: FrameWriter, lines: Sequence[tuple[str, bool, float]]) -> None:
    """The letterhead in the first page's header, or at the top of the flow."""
    if w.frames.header_letterhead:
        w.letterhead = list(lines)
    else:
        for text, bold, size in lines:
            w.par(text, bold=bold, size=size)
        w.par(after=6)


def _flow_cm(paper: sdn.Paper, look: ov.Look, frames: Frames, executive: bool, beside: float) -> float:
    """Where the flow stands after a Vorlage's subject, in cm from the page's top: the top margin
    or the header's letterhead, the letterhead in the flow, the kind, the subject's lines beside
    the information block (``beside`` cm wide)."""
    size, lead = look.size, 1.2 * look.spacing / 28.35
    letterhead = (size + 4 + (size + 1 if executive else 0)) * 1.25 / 28.35
    top = max(2.0, 1.25 + letterhead + 0.2) if frames.header_letterhead else 2.0 + letterhead + 6 / 28.35
    kind = paper.kind_size * lead + 8 / 28.35
    title_size = size if paper.subject_label else size + 1
    width = beside - (max(2.0, look.label_cm * 0.7) if paper.subject_label else 0.0)
    lines = -(-cm_width(paper.title, title_size, True) // max(1.0, width))
    return top + kind + lines * title_size * lead + 8 / 28.35


def _phone(rng: random.Random) -> str:
    """A city administration's phone number with its extension."""
    return f"0{rng.randint(201, 991)} {rng.randint(11, 99)}-{rng.randint(100, 9999)}"


def vorlage(rng: random.Random, look: ov.Look, frames: Frames, path: Path) -> dict[str, Any]:
    """A town's Vorlage with its head in an information block beside the kind and subject; its golden."""
    # A narrower flow beside the information block: less of the budget fits four pages.
    paper, golden = ov.sdnet_draw(rng, look.size, 1.0 / look.spacing)
    phone = _phone(rng) if paper.writer else None
    w = FrameWriter(look, frames, paper.town, paper.title)
    size = look.size
    width = 21.0 - 2.0 - frames.info_x
    tab_cm = min(width * 0.48, max(2.2, ov.word_floor([label for label, _ in sdn._grid(paper)], size - 1, False) + 0.2))

    def info() -> None:
        for label, value in sdn._grid(paper):
            if label == "Datum:":
                w.labelled(label, value, tab_cm, date=paper.signed.isoformat())
            else:
                w.labelled(label, value, tab_cm, control=value == paper.number)
            if value == paper.writer and phone:
                w.labelled("Telefon:", phone, tab_cm)
        if frames.empty_controls:
            if not paper.date_in_head:
                w.labelled("Datum:", "", tab_cm, date="")
            if not paper.file_ref:
                w.labelled(paper.labels["file"], "", tab_cm, control=True)

    lines = [(paper.town, True, size + 4)]
    if paper.executive:
        lines.append((paper.executive, False, size + 1))
    _letterhead(w, lines)
    box = 0.0
    if not frames.anchor_late:
        box = w.boxed(info, frames.info_x, frames.info_y, width, wrap="around", border=frames.bordered)
    kind = w.par(after=8)
    if frames.kind_control:
        w.control(
            kind,
            paper.kind,
            "Vorlagenart",
            bold=True,
            size=paper.kind_size,
            choices=(*sdn.KINDS[3:], "Beschlussvorlage"),
        )
    else:
        w.run(kind, paper.kind, bold=True, size=paper.kind_size)
    if paper.subject_label:
        title = w.tabbed("Betreff:", "", max(2.0, look.label_cm * 0.7), bold=True, after=8)
    else:
        title = w.par(after=8)
    w.control(title, paper.title, "Betreff", bold=True, size=None if paper.subject_label else size + 1)
    if frames.anchor_late:
        box = w.boxed(info, frames.info_x, frames.info_y, width, wrap="around", border=frames.bordered)
    # The Beratungsfolge's table starts under the information block, as the template's author
    # set it: the flow above it is estimated a little short, so the gap errs on the wide side.
    above = _flow_cm(paper, look, frames, paper.executive is not None, frames.info_x - 2.5 - 0.4)
    w.par(after=max(0.0, frames.info_y + box + 0.3 - 0.9 * above) * 28.35)
    attachments = ov.sdnet_sections(w, paper)
    ov._close(w, paper, size, attachments, not paper.date_in_head, paper.running_head, path)
    return golden


def letter(rng: random.Random, look: ov.Look, frames: Frames, path: Path) -> dict[str, Any]:
    """A faction's Antrag or Anfrage as a DIN 5008 letter: the address field with its return
    line, an information block or a sender column, the date in either; its golden."""
    from docx.shared import Cm

    paper = lr.draw(rng)
    golden = dict(paper.golden)
    originator, address_line = paper.letterhead
    city = paper.address[-1].split(" ", 1)[1]
    dated = golden["date"]
    contact = vt.person(rng)
    phone = _phone(rng)
    domain = city.lower().replace("ü", "ue").replace("ö", "oe")
    mail = f"{originator.split()[0].split('-')[0].lower()}-fraktion@{domain}.de"
    reference = f"{rng.choice(('Fr', 'FR', 'Fra'))}/{rng.randint(1, 240):03d}/{dated[:4]}"
    w = FrameWriter(look, frames, originator, golden["title"] or "")
    size = look.size
    section = w.doc.sections[0]
    if frames.sender_column:
        section.right_margin = Cm(5.2)
    _letterhead(w, [(originator, True, size + 3), (address_line, False, size - 1.5)])
    street = address_line.split(", ", 1)[-1]

    def address() -> None:
        ret = w.par(after=4)
        w.run(ret, f"{originator} · {street}", size=7).underline = True
        for line in paper.address:
            w.par(line)

    def info() -> None:
        tab = 3.6 if not frames.stacked else 3.0
        w.labelled("Ihr Zeichen:", "", tab, control=frames.empty_controls)
        if frames.empty_controls:
            w.labelled("Ihre Nachricht vom:", "", tab, date="")
        w.labelled("Unser Zeichen:", reference, tab)
        w.labelled("Ansprechpartner/in:", contact, tab)
        w.labelled("Telefon:", phone, tab)
        w.labelled("E-Mail:", mail, tab)
        w.labelled("Datum:", vt.de_date(_date(dated)), tab, date=dated)

    def column() -> None:
        w.par(originator, bold=True, size=size - 1, after=4)
        for part in address_line.split(" · "):
            for piece in part.split(", "):
                w.par(piece, size=size - 1.5)
        w.par(after=6)
        # A column too narrow for a tab stop: each label over its value.
        w.labelled("Ansprechpartner/in:", contact, 3.0, stacked=True)
        w.labelled("Telefon:", phone, 3.0, stacked=True)
        w.labelled("E-Mail:", mail, 3.0, stacked=True)
        w.labelled("Datum:", vt.de_date(_date(dated)), 3.0, date=dated, stacked=True)

    def boxes() -> float:
        """The boxes; returns where the lowest box beside the text's width ends, in cm."""
        w.boxed(address, 2.0, frames.address_y, 8.5, wrap="below", border=False)
        bottom = frames.address_y + 4.5  # DIN 5008: the address field is 4.5 cm high
        if frames.sender_column:
            w.boxed(column, 16.4, frames.address_y, 3.6, wrap="around", border=False)
            return bottom
        info_y = frames.address_y + (0.5 if frames.address_y > 3 else 0.0)
        height = w.boxed(info, frames.info_x, info_y, 20.0 - frames.info_x, wrap="below", border=frames.bordered)
        return max(bottom, info_y + height)

    bottom = boxes() if not frames.anchor_late else 0.0
    # An empty paragraph holds the space above the text (a text box is anchored at the text's first
    # paragraph: LibreOffice drops the space of an empty paragraph that holds an anchor).
    first = w.doc.add_paragraph()
    if paper.subject:
        label, heading = paper.subject
        if label:
            title = w.tabbed(label, "", max(1.6, look.label_cm * 0.6 + 0.2 * len(label) / 3), bold=True, after=size)
        else:
            title = w.par(after=size)
        w.control(title, heading, "Betreff", bold=True)
    if frames.anchor_late:
        bottom = boxes()
    # The text starts under the address field and the information block, as a letter template
    # sets it: the flow's top (the margin, or the header's letterhead) is estimated a little low.
    letterhead = (2 * size + 1.5) * 1.25 / 28.35
    top = max(2.0, 1.25 + letterhead + 0.2) if frames.header_letterhead else 2.0 + letterhead + 6 / 28.35
    first.paragraph_format.space_before = Cm(max(0.0, bottom + 0.4 - top))
    w.par(paper.salutation, after=6)

    def text() -> None:
        w.par(paper.request, after=6)
        for block in paper.context:
            w.par(block, after=6)
        if paper.lead:
            w.par(paper.lead, after=4)
        numbered = all(label.endswith(".") for label, _, _ in paper.items)
        w.look = look if numbered else replace(look, auto_numbers=False)
        w.items(paper.items, None)
        w.look = look
        if paper.after:
            w.par(paper.after, after=6)

    w.controlled(text, "Brieftext")
    w.par(paper.closing, after=30).paragraph_format.keep_with_next = True
    for line in paper.signature:
        w.par(line).paragraph_format.keep_with_next = True
    w.furniture("", "")
    w.save(path)
    golden.update(number=None, public=None, consultations=[], checkboxes=[], attachments=[])
    return golden


def _date(iso: str) -> Any:
    """The date of an ISO string."""
    import datetime as dt

    return dt.date.fromisoformat(iso)


def office_frames(rng: random.Random, docx: Path, fonts: Sequence[str], size: float) -> dict[str, Any]:
    """Draw one Vorlage or letter and type it into a Word template with boxes and content controls
    at ``docx``; returns its golden fields (the caller adds the page count)."""
    source = vt.pick(rng, SOURCES)
    look = ov.draw_look(rng, fonts, size)
    frames = draw_frames(rng)
    build = {"vorlage": vorlage, "letter": letter}[source]
    return build(rng, look, frames, docx)
