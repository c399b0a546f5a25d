"""The Anlagenverzeichnis: one attachment per listed line, "keine" read as none."""

from __future__ import annotations

import regex

from ..issues import IssueCode
from ..layout.lines import Line
from ..text.normalize import join_lines
from .context import Context
from .items import MARK, counts_on
from .paragraph_breaks import SAME_X


def extract_attachments(ctx: Context) -> None:
    """Fill ``attachments``: one entry per line under the Anlagenverzeichnis label."""
    found = ctx.find_label("attachments")
    if found is None:
        ctx.set("attachments", [], [])
        return
    head_index, head, match = found
    trailing = head.text[match.end() :].strip(" :")
    while trailing.isdigit():  # "Anlagen: 1" in a letter's header counts them; the list follows
        again = ctx.find_label("attachments", start=head_index + 1)
        if again is None:
            ctx.set("attachments", [], [])
            return
        head_index, head, match = again
        trailing = head.text[match.end() :].strip(" :")
    entries: list[list[str]] = []
    where: list[Line] = []
    #: The lines of each entry, parallel to ``entries``.
    entry_lines: list[list[Line]] = []
    if trailing:
        if _says_none(ctx, trailing):  # "Anlage/n: keine"
            ctx.set("attachments", [], [head])
            return
        name = _attachment_name(ctx, trailing, head.page in ctx.layout.ocr_pages)[0]
        if name:
            entries.append([name])
            entry_lines.append([head])
            where.append(head)
    prev = head
    header: Line | None = None  # a table's heading row under the label
    pitch: float | None = None  # the list's line spacing so far
    for index, line in ctx.section_lines(head_index):
        # A label alone at the foot of a page (maybe with its table's heading row) announces the
        # list the next page opens with.
        turned = (prev is head or prev is header) and not entries and line.page == head.page + 1
        if turned and line.size < _SMALL_HEAD * head.size:  # a follow-on page's head in small type, not the list
            break
        over_page = line.page != prev.page and _list_goes_on(ctx, prev, line, index)
        if not turned and not over_page and (line.page != prev.page or line.top - prev.bottom > 2.5 * line.size):
            break
        if entries and line.page == prev.page and pitch and line.top - prev.top > _WIDER * pitch:
            break  # a gap wider than the list's own spacing: the signature or a new section
        pitch = min(pitch or float("inf"), line.top - prev.top) if line.page == prev.page else pitch
        if not entries and _says_none(ctx, line.text):  # "Anlagen" over a line "keine"
            ctx.claimed.add(index)
            ctx.set("attachments", [], [line])
            return
        if _table_head(line):  # "Nr. | Name | Datei": a table's heading row, no attachment
            where.append(line)
            ctx.claimed.add(index)
            prev = header = line
            continue
        text, numbered = _attachment_name(ctx, _name_cells(line), line.page in ctx.layout.ocr_pages)
        # A lower-case start continues a wrapped name, unless an enumeration opened the line.
        if entries and text[:1].islower() and not numbered:
            entries[-1].append(text)
            entry_lines[-1].append(line)
        elif text:
            entries.append([text])
            entry_lines.append([line])
        where.append(line)
        ctx.claimed.add(index)
        prev = line
    # "Anlagen:" announces a list: without one, it is elsewhere or was taken for furniture. A
    # template's heading ("Anlagenverzeichnis") over nothing says there are none.
    if not entries and head.text.rstrip().endswith(":"):
        ctx.warn(
            IssueCode.VALUE_UNCERTAIN,
            f"page {head.page}: the attachments label's list was not found",
            head.page,
            "attachments",
        )
    ctx.set("attachments", [join_lines(e) for e in entries], where)
    ctx.set_items("attachments", entry_lines)


#: A line under a label at a page's foot, opening the next page, set smaller than this share of
#: the label's size is that page's running head (8 pt under a 10 pt label), not the list: a
#: heading set larger than the text ("Dokumente" at 115 %, 11.5 pt over 10 pt entries) is not so small.
_SMALL_HEAD = 0.85
#: A gap this many times the list's own line spacing ends it ("Anlage 1: Lageplan" and, a blank
#: line below, "Der Magistrat" over the signature, which no label ends).
_WIDER = 1.5


def _list_goes_on(ctx: Context, prev: Line, line: Line, index: int) -> bool:
    """Whether the list ending with ``prev`` goes on with ``line`` over a page break: ``line``
    opens the next page's text (only its running head above it), starts where ``prev`` starts
    and with the same word or mark ("Anlage 2: Satzung" / "Anlage 3: Satzung", "-" / "-"), a bullet
    after a bullet, or the next number of its enumeration ("1. Lageplan" / "2. Satzung")."""
    if line.page != prev.page + 1 or abs(line.x0 - prev.x0) > SAME_X or not line.words or not prev.words:
        return False
    for position in range(index - 1, -1, -1):
        before = ctx.lines[position]
        if before.page != line.page:
            break
        if not before.furniture and before.tokens:
            return False
    if prev.tokens[0].bullet and line.tokens[0].bullet:
        return True  # a bullet list goes on ("•" drawn as a glyph or a disc)
    first, then = prev.words[0].text, line.words[0].text
    if then.casefold() == first.casefold() or counts_on(first, then):
        return True
    # A list of bare names, one a line under its label: it goes on when it filled its page to
    # the foot (a page break cut it, not its end) and the next page opens with a name of the
    # same type, no label, no sentence. A name after the label on its line is the whole list.
    return (
        MARK.fullmatch(first) is None
        and ctx.profile.label("attachments").match(prev.text) is None
        and _at_foot(ctx, prev)
        and _like_entry(prev, line)
    )


#: Words of an attachment's name at most; a line ending so is a label or a sentence, no name.
_NAME_WORDS = 8
_NO_NAME_END = (":", ".")
#: How far (pt) over the page's foot line, or over the paper's edge where there is none, the
#: last line of a list a page break cut stands at most: the type area's margin and a line.
_FOOT_GAP = 60.0
_EDGE_GAP = 110.0


def _like_entry(prev: Line, line: Line) -> bool:
    """Whether ``line`` reads as one more entry of the list ending with ``prev``: as large, a
    few words, no label or sentence."""
    text = line.text.rstrip()
    return (
        abs(line.size - prev.size) < 0.5
        and len(line.words) <= _NAME_WORDS
        and not text.endswith(_NO_NAME_END)
        and text[:1].isupper()
    )


def _at_foot(ctx: Context, prev: Line) -> bool:
    """Whether ``prev`` is its page's last line of text and stands at the foot of the type
    area: close over the page's foot line (furniture), or over the paper's edge without one. A
    list that ends higher up ended there; what the next page opens with (a signature kept
    together) is none of it."""
    below = [ln for ln in ctx.lines if ln.page == prev.page and ln.tokens and ln.top > prev.bottom]
    if any(not ln.furniture for ln in below):
        return False
    if below:
        return min(ln.top for ln in below) - prev.bottom <= _FOOT_GAP
    height = next((p.height for p in ctx.layout.pages if p.number == prev.page), None)
    return height is not None and height - prev.bottom <= _EDGE_GAP


def _says_none(ctx: Context, text: str) -> bool:
    """Whether the text after an attachments label says there are none ("keine", "-")."""
    said = text.strip(" :.").casefold()
    return any(said == word.strip(" :.").casefold() for word in ctx.profile.no_attachments)


#: A scrap OCR read after a name on a scan: marks, or a lone small letter ("Kostenberechnung u").
_SCRAP = regex.compile(r"\s+(?:[^\p{L}\d\s]+|\p{Ll}[^\p{L}\d\s]*)$")


#: Headings of the columns of a table of attachments, as a council information system's web view
#: prints it ("Nr. | Name | Datei", "Bezeichnung | Größe").
_TABLE_HEADS = frozenset(
    {
        *("nr.", "nr", "lfd. nr.", "name", "bezeichnung", "titel", "datei", "dateiname", "dokument", "größe"),
        *("dateigröße", "typ", "format", "status", "anlage", "download"),
    }
)
#: A cell or tail that gives a file's kind or size, not its name: "PDF, 312 KB", "(DOCX, 1,2 MB)",
#: "[PDF 312 KB]", "(312 KB)", and a cell that only numbers the row or gives its status.
_FILE_INFO = regex.compile(
    r"\s*[(\[]?\s*(?:(?:PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|RTF|TXT|JPE?G|PNG|TIFF?|ZIP)\b[,;:\s]*)?"
    r"\d+(?:[.,]\d+)?\s*(?:[KMG]i?B|[kK]Byte|Bytes?)\s*[)\]]?\s*$",
    regex.IGNORECASE,
)
_FILE_KIND = regex.compile(r"\s*[(\[]?\s*(?:PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|RTF|ZIP)\s*[)\]]?\s*$", regex.IGNORECASE)
_ROW_ONLY = regex.compile(r"^(?:\d{1,3}\.?|(?:nicht\s*)?öffentlich)$", regex.IGNORECASE)


def _table_head(line: Line) -> bool:
    """Whether ``line`` is the heading row of a table of attachments: cells that name columns."""
    cells = [" ".join(t.text for t in segment).casefold() for segment in line.segments()]
    return len(cells) >= 2 and all(cell.rstrip(":") in _TABLE_HEADS for cell in cells)


def _name_cells(line: Line) -> str:
    """The text of an attachments line that names the attachment: in a table's row, the cells
    that are not its number, its status or its file's kind and size; the file's kind and size
    after a name ("Lageplan (PDF, 312 KB)") dropped."""
    segments = line.segments()
    cells = [" ".join(t.text for t in segment) for segment in segments] if len(segments) > 1 else [line.text]
    if len(cells) > 1:
        kept = [
            c for c in cells if not (_ROW_ONLY.match(c.strip()) or _FILE_INFO.fullmatch(c) or _FILE_KIND.fullmatch(c))
        ]
        cells = kept or cells
    text = " ".join(cells)
    trimmed = _FILE_INFO.sub("", text)
    return trimmed if trimmed.strip() else text


def _attachment_name(ctx: Context, text: str, scanned: bool = False) -> tuple[str, bool]:
    """An attachment's name without its enumeration prefixes ("1.", "a)", bullets), and whether
    it had one; on a ``scanned`` line without a scrap read after it. A prefix pattern needs the
    space after it: "2024 Haushaltsplan" keeps its year."""
    text = _SCRAP.sub("", text.strip()) if scanned else text.strip()
    numbered = False
    for _ in range(3):  # "• 1. Lageplan": a bullet and a number, at most a few
        match = ctx.profile.attachment_prefix_re.match(text)
        if match is None or match.end() == 0:
            break
        text = text[match.end() :].strip()  # a lone bullet leaves nothing, as a blank line
        numbered = True
    return text, numbered
