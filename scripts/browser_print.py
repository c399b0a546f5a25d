"""The ``browser-print`` variant family (built only when named): a Vorlage's page in a council
information system's web view (ALLRIS, SessionNet, a town's own Bürgerinformationssystem),
printed to PDF by a browser, drawn from a ``random.Random``.

What the browser prints is what the page shows: the site's head (the town's name and a menu of
links: "Startseite", "Sitzungskalender", "Gremien", ...), a trail ("Sie sind hier: Startseite >
Vorlagen > VO/2024/0456"), the heading "Vorlage - VO/2024/0456" or the kind with the number, the
paper's fields as a table of label cells and value cells (two or four columns, label cells with
or without a colon) or as a list of terms over their values, the Beratungsfolge as a table with
a heading row (date, body, role, sometimes a status column "Ö"/"N" or "öffentlich"), the
proposal ("Beschlussvorschlag" as a heading or a bold label; one paragraph or a numbered list the
browser numbers itself), the facts (paragraphs and bullet lists whose discs the browser draws),
the financial effects in prose, the attachments as a table or a list of download links with
their size ("Lageplan (PDF, 312 KB)"), and the site's foot ("Impressum · Datenschutz"). Most
prints carry the browser's own head and foot on every page: the day and time of printing, the
page's title, its address and "1/3".

Goldens follow the other Vorlage families (``sdnet_vorlage.py``, ``variant_prints.py``): the
number as printed, the kind, the title, public from the printed status (null without one), the
office in charge as originator, body null, the date of the paper's "Datum" field (null where
the page prints none: the day of printing is no date of the paper's), consultations with their
role and their public from a status column (null without one), the items without their
numbers' dots, finances null (prose), the attachments by their names (no enumeration, no file
type or size), the justification the facts' paragraphs and bullet items. ``links`` is left out
of the golden: a browser turns every link of the site's menu into a link of the PDF, and which
of them are the paper's the contract does not say.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf

import sdnet_vorlage as sdn
import variant_text as vt
from variant_base import paragraph_count

MAX_PAGES = 4
#: The faces the page is set in (fontconfig names; the browser falls back to another face
#: where one is not installed, which changes the layout, never the text).
FACES = ("Liberation Sans", "Liberation Serif", "DejaVu Sans", "Carlito")
SYSTEMS = ("allris", "sessionnet", "buergerinfo")
MENU = ("Startseite", "Sitzungskalender", "Gremien", "Mandatsträger", "Vorlagen", "Recherche", "Hilfe")
SITE_FOOT = ("Impressum", "Datenschutz", "Barrierefreiheit", "Kontakt")
#: The page's address per system: host, then the path with the paper's running number.
PATHS = {
    "allris": ("/bi/vo020.asp?VOLFDNR={n}", "/public/vo020?VOLFDNR={n}&refresh=false"),
    "sessionnet": ("/sessionnet/sessionnetbi/vo0050.php?__kvonr={n}", "/bi/vo0050.php?__kvonr={n}"),
    "buergerinfo": ("/buergerinfo/vorlage/{n}", "/ratsinfo/vorlagen/detail?id={n}"),
}
#: Label spellings of the fields table per system.
LABELS = {
    "allris": {"title": "Betreff", "status": "Status", "kind": "Vorlage-Art", "office": "Federführend",
               "writer": "Bearbeiter/-in", "date": "Datum"},
    "sessionnet": {"title": "Betreff", "status": "Status", "kind": "Vorlageart", "office": "Federführend",
                   "writer": "Bearbeiter/-in", "date": "Datum"},
    "buergerinfo": {"title": "Titel", "status": "Öffentlichkeit", "kind": "Art", "office": "Federführende Stelle",
                    "writer": "Sachbearbeitung", "date": "Erstellt am"},
}  # fmt: skip
CONSULTATION_HEADS = {
    "allris": ("Datum", "Gremium", "Zuständigkeit"),
    "sessionnet": ("Datum", "Gremium", "Rolle"),
    "buergerinfo": ("Sitzung am", "Gremium", "Beratung"),
}
PROPOSAL_LABELS = ("Beschlussvorschlag", "Beschlussvorschlag:", "Beschlussvorschlag der Verwaltung")
FACT_LABELS = ("Sachverhalt", "Sachverhalt:", "Begründung", "Sachverhalt/Begründung")
FINANCE_LABELS = ("Finanzielle Auswirkungen", "Finanzielle Auswirkungen:", "Auswirkungen auf den Haushalt")
FINANCE_NOTES = (
    "Keine.",
    "Es entstehen keine finanziellen Auswirkungen.",
    "Die Kosten sind im Haushalt {year} veranschlagt.",
)
ATTACHMENT_LABELS = ("Anlagen", "Anlagen:", "Dokumente", "Anlage(n)")
FILE_KINDS = ("PDF", "PDF", "PDF", "DOCX")


@dataclass
class Paper:
    """What one page shows, and the layout choices drawn for it."""

    system: str
    town: str
    number: str
    kind: str
    title: str
    public: bool | None
    signed: dt.date | None
    office: str
    writer: str | None
    rows: list[tuple[str, str, str, str]]
    status_column: bool
    items: tuple[tuple[str, str], ...] | str | None
    numbered_by_browser: bool
    content: tuple[vt.Block, ...]
    finance_note: str | None
    attachments: tuple[tuple[str, str, int], ...]  # (name, file kind, size in KB)
    attachment_table: bool
    labels: dict[str, str]
    grid: int  # 0: label | value rows, 1: two pairs a row, 2: terms over their values
    colon: bool
    proposal_label: str
    fact_label: str
    finance_label: str
    attachment_label: str
    heading_bold_labels: bool
    face: str
    size: float
    menu: bool
    trail: bool
    site_foot: bool
    browser_frame: bool
    printed: dt.datetime
    stamp_english: bool
    url: str


@dataclass(frozen=True)
class Site:
    """The web page around what a council information system shows, as the browser prints it:
    the town's site with its menu, trail and foot, the face and size of the text, and the
    browser's own head and foot (the day and time of printing, the page's title, its address)."""

    town: str
    url: str
    title: str
    face: str
    size: float
    menu: bool
    trail: str | None
    site_foot: bool
    browser_frame: bool
    printed: dt.datetime
    stamp_english: bool


def _number(rng: random.Random, system: str, year: int) -> str:
    """A paper number as the system shows it."""
    count = rng.randint(1, 999)
    if system == "allris":
        return rng.choice((f"VO/{year}/{count:04d}", f"{year % 100:02d}/{count:04d}", f"{year}/{count:03d}"))
    if system == "sessionnet":
        return rng.choice((f"{year}/{count:03d}", f"BV/{count:04d}/{year}", f"VL-{count}/{year}"))
    return rng.choice((f"DS {count}/{year % 100:02d}", f"{year}-{count:04d}", f"V {count:03d}/{year}"))


def draw(rng: random.Random) -> tuple[Paper, dict[str, Any]]:
    """Draw one page and its golden fields."""
    system = vt.pick(rng, SYSTEMS)
    town, place = sdn.TOWNS[rng.randrange(len(sdn.TOWNS))]
    signed = vt.day(rng)
    kind = vt.pick(rng, sdn.KINDS)
    informational = kind in sdn.INFORMATIONAL
    public = rng.choice((True, True, False, None))
    rows = sdn.consultation_rows(rng, signed, None, informational, most=5)
    items: tuple[tuple[str, str], ...] | str | None
    if informational and rng.random() < 0.5:
        items = None
    elif informational:
        items = f"Der {rows[-1][1]} nimmt den Bericht der Verwaltung zur Kenntnis."
    elif rng.random() < 0.3:
        items = vt.resolution_items(rng, 1, "1.")[0][1]
    else:
        texts = list(dict.fromkeys(text for _, text in vt.resolution_items(rng, 10, "1.")))
        items = tuple((f"{i}.", text) for i, text in enumerate(texts[: rng.randint(2, 5)], start=1))
    names = rng.sample(sdn.ATTACHMENTS, rng.randint(0, 3))
    year = signed.year + rng.randint(0, 1)
    host = f"ratsinfo.{place.lower().split()[0].replace('ü', 'ue').replace('ö', 'oe').replace('ä', 'ae')}.de"
    running = rng.randint(1000, 99999)
    printed = dt.datetime.combine(vt.later(rng, signed, 1, 400), dt.time(rng.randint(7, 19), rng.randint(0, 59)))
    paper = Paper(
        system=system,
        town=town,
        number=_number(rng, system, signed.year),
        kind=kind,
        title=vt.title(rng, rng.choice((5, 8, 12, 18))),
        public=public,
        signed=signed if rng.random() < 0.85 else None,
        office=vt.pick(rng, sdn.OFFICES),
        writer=f"{vt.pick(rng, vt.LAST_NAMES)}, {vt.pick(rng, vt.FIRST_NAMES)}" if rng.random() < 0.6 else None,
        rows=rows,
        status_column=rng.random() < 0.4,
        items=items,
        numbered_by_browser=rng.random() < 0.5,
        content=vt.blocks(rng, paragraph_count(rng)),
        finance_note=vt.pick(rng, FINANCE_NOTES).format(year=year) if rng.random() < 0.7 else None,
        attachments=tuple((name, vt.pick(rng, FILE_KINDS), rng.randint(40, 4800)) for name in names),
        attachment_table=rng.random() < 0.5,
        labels=LABELS[system],
        grid=rng.randrange(3),
        colon=rng.random() < 0.6,
        proposal_label=vt.pick(rng, PROPOSAL_LABELS),
        fact_label=vt.pick(rng, FACT_LABELS),
        finance_label=vt.pick(rng, FINANCE_LABELS),
        attachment_label=vt.pick(rng, ATTACHMENT_LABELS),
        heading_bold_labels=rng.random() < 0.4,
        face=vt.pick(rng, FACES),
        size=rng.choice((9.0, 9.5, 10.0, 10.5, 11.0, 12.0)),
        menu=rng.random() < 0.8,
        trail=rng.random() < 0.5,
        site_foot=rng.random() < 0.6,
        browser_frame=rng.random() < 0.75,
        printed=printed,
        stamp_english=rng.random() < 0.3,
        url=f"https://{host}{vt.pick(rng, PATHS[system]).format(n=running)}",
    )
    golden = {
        "number": paper.number,
        "title": paper.title,
        "document_type": kind,
        "public": public,
        "originator": paper.office,
        "date": paper.signed.isoformat() if paper.signed else None,
        "consultations": vt.consultations_golden([(b, w, r, m) for w, b, r, m in rows], paper.status_column),
        "resolution_proposal": vt.items_golden(items),
        "checkboxes": [],
        "finances": None,
        "attachments": list(names),
    }
    return paper, golden


def _stamp(site: Site) -> str:
    """The day and time of printing as the browser prints it in the page's head."""
    when = site.printed
    if site.stamp_english:
        hour = when.hour % 12 or 12
        return (
            f"{when.month}/{when.day}/{when.year % 100}, {hour}:{when.minute:02d} {'PM' if when.hour >= 12 else 'AM'}"
        )
    return f"{when.day:02d}.{when.month:02d}.{when.year % 100:02d}, {when.hour:02d}:{when.minute:02d}"


def _page_title(paper: Paper) -> str:
    """The HTML title the browser prints in the page's head."""
    return {
        "allris": f"Vorlage - {paper.number}",
        "sessionnet": f"SessionNet | Vorlage - {paper.number}",
        "buergerinfo": f"{paper.kind} {paper.number} - Bürgerinformationssystem {paper.town}",
    }[paper.system]


def _css(site: Site) -> str:
    """The page's style sheet: the browser's head and foot as page margin boxes."""
    frame = ""
    if site.browser_frame:
        quote = lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
        box = "font: 8pt 'Liberation Sans'; color: #000;"
        frame = (
            f"@top-left {{ content: {quote(_stamp(site))}; {box} }}"
            f"@top-center {{ content: {quote(site.title)}; {box} }}"
            f"@bottom-left {{ content: {quote(site.url)}; {box} }}"
            f'@bottom-right {{ content: counter(page) "/" counter(pages); {box} }}'
        )
    return (
        f"@page {{ size: A4; margin: 12mm 10mm 12mm 10mm; {frame} }}"
        f"body {{ font-family: '{site.face}'; font-size: {site.size}pt; margin: 0 6mm; }}"
        "table { border-collapse: collapse; margin: 4pt 0 8pt 0; }"
        "td, th { padding: 2pt 6pt; vertical-align: top; text-align: left; }"
        "table.grid td.label { color: #333; white-space: nowrap; }"
        "table.rows td, table.rows th { border: 1px solid #bbb; }"
        "table.rows th { background: #e6e6e6; }"
        "div.site { border-bottom: 2px solid #4a6a8a; margin-bottom: 6pt; padding-bottom: 4pt; }"
        "div.brand { font-size: 150%; font-weight: bold; color: #4a6a8a; }"
        "div.menu a, div.foot a { margin-right: 12pt; color: #1a4a8a; }"
        "div.trail { font-size: 85%; color: #555; margin-bottom: 6pt; }"
        "div.foot { border-top: 1px solid #bbb; margin-top: 14pt; padding-top: 4pt; font-size: 85%; }"
        "dt { font-weight: bold; margin-top: 3pt; } dd { margin-left: 0; }"
        "h1 { font-size: 150%; margin: 6pt 0; } h2 { font-size: 115%; margin: 10pt 0 4pt 0; }"
        "p { margin: 0 0 6pt 0; } ol, ul { margin: 2pt 0 6pt 0; }"
    )


def _label(paper: Paper, text: str) -> str:
    """A field's label cell text, with or without its colon."""
    return html.escape(text + (":" if paper.colon else ""))


def _fields(paper: Paper) -> list[tuple[str, str]]:
    """The fields table's (label, value) pairs in the system's order."""
    labels = paper.labels
    status = {True: "öffentlich", False: "nichtöffentlich", None: None}[paper.public]
    pairs = [(labels["title"], paper.title), (labels["kind"], paper.kind)]
    if status:
        pairs.append((labels["status"], status))
    pairs.append((labels["office"], paper.office))
    if paper.writer:
        pairs.append((labels["writer"], paper.writer))
    if paper.signed:
        pairs.append((labels["date"], vt.de_date(paper.signed)))
    return pairs


def _fields_html(paper: Paper) -> str:
    """The paper's fields as a grid of label and value cells, or as terms over their values."""
    pairs = _fields(paper)
    if paper.grid == 2:
        return "<dl>" + "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in pairs) + "</dl>"
    cells = [
        f'<td class="label">{_label(paper, k)}</td><td>{"<b>" if k == paper.labels["title"] else ""}'
        f"{html.escape(v)}{'</b>' if k == paper.labels['title'] else ''}</td>"
        for k, v in pairs
    ]
    if paper.grid == 1:
        # The subject over the whole width, the other fields two to a row.
        first, rest = cells[0], cells[1:]
        first = first.replace("<td><b>", '<td colspan="3"><b>', 1)
        rows = [first] + ["".join(rest[i : i + 2]) for i in range(0, len(rest), 2)]
    else:
        rows = cells
    return '<table class="grid">' + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>"


def _section(paper: Paper, label: str) -> str:
    """A section's heading: a heading of the page, or a bold label."""
    if paper.heading_bold_labels:
        return f"<p><b>{html.escape(label)}</b></p>"
    return f"<h2>{html.escape(label)}</h2>"


def _consultations_html(paper: Paper) -> str:
    """The Beratungsfolge as a table with its heading row."""
    heads = list(CONSULTATION_HEADS[paper.system])
    if paper.status_column:
        heads.append("Status")
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    rows = []
    for when, body, role, mark in paper.rows:
        cells = [when, body, role] + ([mark] if paper.status_column else [])
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return _section(paper, "Beratungsfolge") + f'<table class="rows"><tr>{head}</tr>{"".join(rows)}</table>'


def _proposal_html(paper: Paper) -> str:
    """The proposal: one paragraph, or a numbered list (numbered by the browser or as text)."""
    if paper.items is None:
        return ""
    out = _section(paper, paper.proposal_label)
    if isinstance(paper.items, str):
        return out + f"<p>{html.escape(paper.items)}</p>"
    if paper.numbered_by_browser:
        return out + "<ol>" + "".join(f"<li>{html.escape(text)}</li>" for _, text in paper.items) + "</ol>"
    return out + "".join(f"<p>{html.escape(label)} {html.escape(text)}</p>" for label, text in paper.items)


def _content_html(paper: Paper) -> str:
    """The facts: paragraphs and bullet lists."""
    parts = [_section(paper, paper.fact_label)]
    for block in paper.content:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
        else:
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in block) + "</ul>")
    return "".join(parts)


def _attachments_html(paper: Paper) -> str:
    """The attachments as a table of download links or as a list, each with its file kind and size."""
    if not paper.attachments:
        return ""
    out = _section(paper, paper.attachment_label)
    links = [
        (f'<a href="{paper.url}&amp;anlage={i}">{html.escape(name)}</a>', f"{kind}, {size} KB")
        for i, (name, kind, size) in enumerate(paper.attachments, start=1)
    ]
    if paper.attachment_table:
        rows = "".join(
            f"<tr><td>{i}</td><td>{link}</td><td>{info}</td></tr>" for i, (link, info) in enumerate(links, 1)
        )
        return out + f'<table class="rows"><tr><th>Nr.</th><th>Name</th><th>Datei</th></tr>{rows}</table>'
    return out + "<ul>" + "".join(f"<li>{link} ({info})</li>" for link, info in links) + "</ul>"


def site_of(paper: Paper) -> Site:
    """The web page around ``paper``."""
    trail = f"Sie sind hier: Startseite > Vorlagen > {paper.number}" if paper.trail else None
    return Site(
        paper.town, paper.url, _page_title(paper), paper.face, paper.size, paper.menu, trail, paper.site_foot,
        paper.browser_frame, paper.printed, paper.stamp_english,
    )  # fmt: skip


def web_page(site: Site, content: str) -> str:
    """The whole page as the browser gets it: the site around ``content`` (HTML)."""
    host = site.url.split("/")[2]
    parts = [f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(site.title)}'
             f"</title><style>{_css(site)}</style></head><body>"]  # fmt: skip
    if site.menu:
        menu = "".join(f'<a href="https://{host}/{m.lower()}">{m}</a>' for m in MENU)
        parts.append(
            f'<div class="site"><div class="brand">{html.escape(site.town)}</div><div class="menu">{menu}</div></div>'
        )
    if site.trail:
        parts.append(f'<div class="trail">{html.escape(site.trail)}</div>')
    parts.append(content)
    if site.site_foot:
        foot = "".join(f'<a href="https://{host}/{m.lower()}">{m}</a>' for m in SITE_FOOT)
        parts.append(f'<div class="foot">{foot}<br>© {site.printed.year} {html.escape(site.town)}</div>')
    parts.append("</body></html>")
    return "".join(parts)


def page_html(paper: Paper) -> str:
    """The Vorlage's page as the browser gets it."""
    heading = f"Vorlage - {paper.number}" if paper.system != "buergerinfo" else f"{paper.kind} {paper.number}"
    content = [f"<h1>{html.escape(heading)}</h1>", _fields_html(paper), _consultations_html(paper)]
    content += [_proposal_html(paper), _content_html(paper)]
    if paper.finance_note:
        content.append(_section(paper, paper.finance_label) + f"<p>{html.escape(paper.finance_note)}</p>")
    content.append(_attachments_html(paper))
    return web_page(site_of(paper), "".join(content))


def chromium() -> str | None:
    """The headless browser, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def render(paper: Paper, out: Path) -> int:
    """Print the paper's page to ``out``; returns its page count."""
    return print_page(page_html(paper), paper.printed, out)


def print_page(page_text: str, printed_at: dt.datetime, out: Path) -> int:
    """Print the HTML ``page_text`` to ``out`` with the headless browser; returns its page count.
    The file's dates are set to ``printed_at`` and its ID made from its content, so that the
    same page gives the same bytes."""
    browser = chromium()
    if browser is None:
        raise FileNotFoundError("chromium is needed to print a web page")
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "page.html"
        page.write_text(page_text, encoding="utf-8")
        printed = Path(work) / "printed.pdf"
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={work}/profile", f"--print-to-pdf={printed}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        stamp = printed_at.strftime("D:%Y%m%d%H%M%SZ")
        with pikepdf.open(printed) as pdf:
            pdf.docinfo["/CreationDate"] = stamp
            pdf.docinfo["/ModDate"] = stamp
            _number_nodes(pdf)
            pdf.save(out, deterministic_id=True)
            return len(pdf.pages)


#: The browser names the structure tree's elements by its own node counter, which differs from
#: run to run ("node00000031" once, "node00000032" the next time).
_NODE = re.compile(r"^node\d{8}$")


def _indirect(value: Any) -> bool:
    """Whether ``value`` is an object of its own in the file (renamed where it is visited)."""
    return isinstance(value, pikepdf.Object) and value.is_indirect


def _number_nodes(pdf: pikepdf.Pdf) -> None:
    """Name the structure elements' IDs anew in the order they first appear, so that one page
    printed twice gives the same bytes."""
    names: dict[str, str] = {}

    def renamed(value: Any) -> Any:
        if isinstance(value, pikepdf.String) and _NODE.match(str(value)):
            return pikepdf.String(names.setdefault(str(value), f"node{len(names) + 1:08d}"))
        if isinstance(value, pikepdf.Array):
            for k, item in enumerate(value):
                if not _indirect(item):
                    value[k] = renamed(item)
        elif isinstance(value, pikepdf.Dictionary) and not isinstance(value, pikepdf.Stream):
            for key in list(value.keys()):
                if not _indirect(value[key]):
                    value[key] = renamed(value[key])
        return value

    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Array) and not isinstance(obj, pikepdf.Stream):
            renamed(obj)


def browser_print(rng: random.Random, out: Path) -> dict[str, Any]:
    """Draw and print one page to ``out``; returns its golden fields with the page count. A page
    printed on more than four pages is printed again with half its facts' paragraphs."""
    paper, golden = draw(rng)
    pages = render(paper, out)
    while pages > MAX_PAGES and len(paper.content) > 1:
        paper.content = paper.content[: max(1, len(paper.content) // 2)]
        pages = render(paper, out)
    golden["justification"] = vt.blocks_text(paper.content)
    golden["page_count"] = pages
    return golden
