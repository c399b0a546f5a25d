"""Meeting documents a small town types into its own Word template, for scripts/generate_meetings.py
(``--office-meetings N``); goldens from the generator's own content.

A Gemeinde, an Ortschaftsrat, an Ortsbeirat, a town's committee or a Zweckverband writes its
Einladung, Tagesordnung or Niederschrift (also "Sitzungsniederschrift", "Protokoll") with
python-docx's Word document and LibreOffice exports it to PDF. Per document, drawn from its own
``random.Random``:

- the letterhead in the Word header (the issuer, perhaps its office, the address), beside a
  coat-of-arms placeholder (a drawn rectangle) or not; "Seite X von Y" in the footer as Word's
  PAGE and NUMPAGES fields; on some a DIN 5008 address block to the members ("An die Mitglieder
  des Ortschaftsrates Zeischa") and a dateline;
- the session head as a sentence ("Hiermit lade ich Sie zur 7. öffentlichen Sitzung des
  Ortschaftsrates Zeischa am Dienstag, 14. Mai 2025, 19:00 Uhr, in das Dorfgemeinschaftshaus,
  Hauptstraße 3, ein."), as "Label:<tab>value" lines (Sitzungstag, Beginn, Ende, Sitzungsort) or
  as a borderless two-column table;
- the agenda as a list Word numbers itself (``numbering.xml`` levels "%1." / "%1.%2", "TOP %1",
  "Ö %1" and "N %1"), as typed numbers at tab stops with the paper's number at a right tab stop
  after dot leaders, or as a table ("TOP | Gegenstand | Vorlage", ruled or not), with sub-items,
  "Öffentlicher Teil" / "Nichtöffentlicher Teil" headings, paper numbers in brackets at a title's
  end, on a line of their own under it or in their column, titles that wrap;
- minutes: the chair and the clerk in the head, the members present under "Anwesend:" grouped by
  faction (a table, or a group label with its names in a tab column), "entschuldigt:" members
  after them, each item's text, "Beschluss:" and "Abstimmungsergebnis:" in words ("einstimmig",
  "Ja: 7, Nein: 1, Enthaltung: 0") or as a small table, the signatures of the chair and the clerk;
- faces Liberation Sans/Serif, DejaVu Sans, Carlito in 10-12 pt; one to four pages.

Goldens follow the meeting families' conventions (``meeting_agenda_layouts.py``,
``meeting_minutes.py``, ``meeting_protokoll_bw.py``, eval/real/README.md): the body in the
nominative with the place that is part of its name ("Ortschaftsrat Zeischa"), the session's number
without "öffentliche" ("7. Sitzung"), no end on an Einladung or Tagesordnung; an item's number
without "TOP" but with its part's marker ("Ö 3"); a paper number in brackets stays in the title
(as the Hamburg agendas keep "(Drs. 21-3920.1)"), one on its own line or in its column does not;
the attendees are the members of the list (the chair and clerk of the head rows and the excused
members are no entries of it); counts without a no are not called unanimous.

Usage: ``python scripts/generate_meetings.py OUT --seed 5 --variants 0 --office-meetings 40``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_docx as fd
import generate_meetings as gm
import meeting_agenda_layouts as mal
import meeting_agendas as ma
import variant_text as vt
from template_docx import ParagraphWriter, docx_helpers, new_document

FACES = ("Liberation Sans", "Liberation Serif", "DejaVu Sans", "Carlito")
SIZES = (10.0, 10.5, 11.0, 11.0, 12.0)
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
#: Width of the text between the margins of :func:`template_docx.new_document`, in cm.
WIDTH = 16.5


@dataclass(frozen=True)
class Publisher:
    """Who writes: the letterhead's lines, the body (nominative, genitive with its article), the
    chair's title and whether its members sit in factions."""

    issuer: str
    office: str | None
    street: str
    town: str
    body: str
    genitive: str
    chair: str
    factions: bool = True


def _publishers(rng: random.Random) -> Publisher:
    """One publisher of the kinds a small town has."""
    village = vt.pick(rng, ("Zeischa", "Oberweißbach", "Kleinmühlingen", "Dittersdorf", "Hohenfelde", "Lindau"))
    town = vt.pick(rng, ("Bad Liebenwerda", "Schmalkalden", "Zörbig", "Lauscha", "Ilmenau", "Rotenburg"))
    postcode = f"{rng.randint(1, 99):02d}{rng.randint(100, 999)}"
    street = (
        f"{vt.pick(rng, ('Hauptstraße', 'Marktplatz', 'Am Anger', 'Kirchgasse', 'Schulstraße'))} {rng.randint(1, 30)}"
    )
    kind = rng.randrange(5)
    if kind == 0:
        return Publisher(
            f"Gemeinde {village}",
            rng.choice((None, "Der Bürgermeister", "Die Bürgermeisterin")),
            street,
            f"{postcode} {village}",
            "Gemeinderat",
            "des Gemeinderates",
            "Bürgermeister",
        )
    if kind == 1:
        return Publisher(
            f"Stadt {town}",
            f"Ortschaftsrat {village}",
            street,
            f"{postcode} {town}",
            f"Ortschaftsrat {village}",
            f"des Ortschaftsrates {village}",
            "Ortsvorsteher",
            factions=rng.random() < 0.5,
        )
    if kind == 2:
        return Publisher(
            f"Stadt {town}",
            "Der Ortsbeirat",
            street,
            f"{postcode} {town}",
            f"Ortsbeirat {village}",
            f"des Ortsbeirates {village}",
            "Ortsvorsteher",
        )
    if kind == 3:
        committee = vt.pick(rng, ("Bau- und Umweltausschuss", "Hauptausschuss", "Finanzausschuss"))
        return Publisher(
            f"Stadt {town}",
            rng.choice((None, "Der Bürgermeister")),
            street,
            f"{postcode} {town}",
            committee,
            f"des {committee}es",
            "Bürgermeister",
        )
    purpose = vt.pick(rng, ("Wasserversorgung", "Abwasserbeseitigung", "Trinkwasser und Abwasser"))
    region = vt.pick(rng, ("Oberes Elstertal", "Saale-Holzland", "Mittlere Werra", "Unstrut-Finne"))
    return Publisher(
        f"Zweckverband {purpose} {region}",
        rng.choice((None, "Der Verbandsvorsitzende")),
        street,
        f"{postcode} {town}",
        "Verbandsversammlung",
        "der Verbandsversammlung",
        "Verbandsvorsitzender",
        factions=False,
    )


PLACES = [
    ("das", "Dorfgemeinschaftshaus, Hauptstraße 3"),
    ("den", "Sitzungssaal des Rathauses, Marktplatz 1"),
    ("das", "Feuerwehrgerätehaus, Am Anger 2"),
    ("das", "Bürgerhaus, Saal 2, Lindenstraße 12"),
    ("den", "Beratungsraum der Verwaltung, Schulstraße 5"),
]
TOWN_SUBJECTS = [
    "Genehmigung der Niederschrift der letzten Sitzung",
    "Bauantrag zur Errichtung eines Einfamilienhauses mit Doppelgarage in der Gartenstraße",
    "Verwendung der Ortschaftsmittel für das Haushaltsjahr 2025",
    "Satzung über die Erhebung von Friedhofsgebühren, Neufassung",
    "Vergabe der Arbeiten zur Sanierung des Dorfteiches und der angrenzenden Grünanlage",
    "Stellungnahme zum Entwurf des Flächennutzungsplanes der Verwaltungsgemeinschaft",
    "Jahresrechnung 2024 und Entlastung des Verbandsvorstandes",
    "Wirtschaftsplan 2026 mit Investitionsprogramm und Stellenübersicht",
    "Anschaffung eines Tragkraftspritzenfahrzeuges für die Freiwillige Feuerwehr",
    "Einwohnerfragestunde",
]
DECISIONS = [
    "Der {body} stimmt der Vorlage in der vorgelegten Fassung zu.",
    "Der {body} empfiehlt dem Stadtrat, die Satzung in der vorliegenden Fassung zu beschließen.",
    "Die Verwaltung wird beauftragt, die Maßnahme im laufenden Haushaltsjahr umzusetzen.",
    "Der {body} nimmt den Bericht zur Kenntnis.",
    "Dem Antrag wird zugestimmt, das gemeindliche Einvernehmen wird erteilt.",
]
FACTION_NAMES = ["CDU-Fraktion", "SPD-Fraktion", "Fraktion Freie Wähler", "Fraktion DIE LINKE", "FDP-Fraktion"]
#: Items that report or open and close a session: no decision.
ROUTINE = ("Mitteilungen und Anfragen", "Informationen des Bürgermeisters", "Verschiedenes", "Einwohnerfragestunde")
NON_PUBLIC = ["Grundstücksangelegenheiten", "Personalangelegenheiten", "Vertragsangelegenheiten"]
PAPERS = ["{y}/{a:03d}", "{a}/{y}", "BV/{a:03d}/{y}"]
#: The levels of a list Word numbers itself, by the numbering drawn (an item, a sub-item).
LEVELS = {"decimal": ("%1.", "%1.%2"), "top": ("TOP %1", "TOP %1.%2"), "marker": ("Ö %1", "Ö %1.%2")}


@dataclass
class Item:
    """One agenda item: its golden number, printed label, title as printed, part, papers, level."""

    number: str
    label: str
    title: str
    public: bool
    papers: list[str]
    sub: bool
    paper_line: str | None = None  # the paper on a line of its own or in its column
    decision: str | None = None
    vote: dict[str, Any] | None = None
    vote_text: str | None = None
    vote_table: tuple[int, int, int] | None = None


@dataclass
class Style:
    """The template's choices for one document."""

    kind: str  # einladung, tagesordnung, niederschrift
    type_word: str
    head: str  # prose, tabbed, table
    agenda: str  # auto, typed, table
    numbering: str  # decimal, top, marker
    papers: str  # bracket, line, column
    parts: bool
    salutations: bool
    wappen: bool
    address: bool
    ruled: bool
    vote_tables: bool
    attendance: str  # table, tabbed
    list_first: bool  # minutes: the agenda list before the items' minutes
    face: str
    size: float
    extra: dict[str, Any] = field(default_factory=dict)


def _style(rng: random.Random, kind: str) -> Style:
    numbering = rng.choice(("decimal", "decimal", "top", "marker"))
    agenda = rng.choice(("auto", "typed", "table"))
    return Style(
        kind=kind,
        type_word={
            "einladung": "Einladung",
            "tagesordnung": "Tagesordnung",
            "niederschrift": rng.choice(("Niederschrift", "Sitzungsniederschrift", "Protokoll")),
        }[kind],
        head=rng.choice(("prose", "tabbed", "table")) if kind == "einladung" else rng.choice(("tabbed", "table")),
        agenda=agenda,
        numbering=numbering,
        papers=rng.choice(("bracket", "line", "column")) if agenda != "auto" else rng.choice(("bracket", "line")),
        parts=rng.random() < 0.8,
        salutations=rng.random() < 0.5,
        wappen=rng.random() < 0.5,
        address=kind != "niederschrift" and rng.random() < 0.6,
        ruled=rng.random() < 0.5,
        vote_tables=rng.random() < 0.3,
        attendance=rng.choice(("table", "tabbed")),
        list_first=rng.random() < 0.5,
        face=rng.choice(FACES),
        size=rng.choice(SIZES),
    )


def _paper(rng: random.Random, year: int) -> str:
    return rng.choice(PAPERS).format(y=year, a=rng.randint(1, 140))


def _items(rng: random.Random, style: Style, year: int) -> list[Item]:
    """Opening, subjects (one perhaps with sub-items), closing items, non-public ones."""
    pool = TOWN_SUBJECTS + gm.SUBJECTS + ma.EXTRA_SUBJECTS + mal.LONG[:-1]
    subjects = ["Eröffnung, Feststellung der ordnungsgemäßen Ladung und der Beschlussfähigkeit"]
    subjects += rng.sample(pool, rng.randrange(3, 12))
    subjects.append(rng.choice(("Mitteilungen und Anfragen", "Informationen des Bürgermeisters", "Verschiedenes")))
    closed = rng.randrange(1, 3) if style.parts and rng.random() < 0.7 else 0
    subs_at = rng.randrange(2, len(subjects)) if rng.random() < 0.4 else -1
    items: list[Item] = []
    for k, subject in enumerate(subjects, 1):
        items.append(_item(rng, style, [k], subject, True, year, 1 < k < len(subjects)))
        if k == subs_at:
            items[-1].papers, items[-1].paper_line = [], None
            items[-1].title = items[-1].title.split(" (Vorlage")[0].split(" (DS ")[0]
            for j, sub in enumerate(rng.sample(["Bauabschnitt Nord", "Bauabschnitt Süd", "Kosten", "Zeitplan"], 2)):
                items.append(_item(rng, style, [k, j + 1], sub, True, year, True))
    count = len(subjects)
    for k in range(1, closed + 1):
        n = k if style.numbering == "marker" else count + k
        items.append(_item(rng, style, [n], NON_PUBLIC[k - 1], False, year, False))
    return items


def _item(rng: random.Random, style: Style, parts: list[int], title: str, public: bool, year: int, paper: bool) -> Item:
    n = ".".join(map(str, parts))
    if style.numbering == "marker":
        number = f"{'Ö' if public else 'N'} {n}"
        label = number
    elif style.numbering == "top":
        number, label = n, f"TOP {n}"
    else:
        number, label = n, f"{n}." if len(parts) == 1 else n
    item = Item(number, label, title, public, [], len(parts) > 1)
    if paper and rng.random() < 0.5:
        value = _paper(rng, year)
        item.papers = [value]
        if style.papers == "bracket":
            word = rng.choice(("Vorlage Nr.", "DS", "Vorlage"))
            item.title = f"{title} ({word} {value})"
        elif style.papers == "line":
            item.paper_line = rng.choice((f"Vorlage Nr. {value}", f"DS {value}", f"Vorlage: {value}"))
        else:
            item.paper_line = value
    return item


def _vote(rng: random.Random, size: int) -> tuple[str, dict[str, Any], tuple[int, int, int]]:
    if rng.random() < 0.35:
        return "einstimmig", {"yes": None, "no": None, "abstain": None, "unanimous": True}, (size, 0, 0)
    no, abstain = rng.randrange(0, 3), rng.randrange(0, 3)
    yes = size - no - abstain
    text = rng.choice(
        (
            f"Ja: {yes}, Nein: {no}, Enthaltung: {abstain}",
            f"Ja-Stimmen: {yes}, Nein-Stimmen: {no}, Enthaltungen: {abstain}",
            f"{yes} Ja-Stimmen, {no} Nein-Stimmen, {abstain} {'Enthaltung' if abstain == 1 else 'Enthaltungen'}",
        )
    )
    return text, {"yes": yes, "no": no, "abstain": abstain, "unanimous": False if no else None}, (yes, no, abstain)


class Doc(ParagraphWriter):
    """The Word document of one meeting paper."""

    def __init__(self, style: Style, pub: Publisher, title: str) -> None:
        from docx.shared import Pt

        self.style = style
        self.pub = pub
        self.doc = new_document(pub.issuer, title, font=style.face, size=style.size)
        self.no_borders, self.widths, _ = docx_helpers()
        self.pt = Pt
        self.lists = 0

    def tabbed(self, label: str, value: str, tab_cm: float, *, bold_label: bool = False, after: float = 0.0) -> Any:
        from docx.shared import Cm

        par = self.par(after=after)
        fmt = par.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Cm(tab_cm), Cm(-tab_cm)
        fmt.tab_stops.add_tab_stop(Cm(tab_cm))
        self.run(par, label, bold=bold_label)
        self.run(par, "\t" + value)
        return par

    def table(self, rows: int, widths: Sequence[float], *, ruled: bool) -> Any:
        table = self.doc.add_table(rows=rows, cols=len(widths))
        if ruled:
            table.style = "Table Grid"
        else:
            self.no_borders(table)
        self.widths(table, list(widths))
        return table

    def cell(self, cell: Any, text: str, *, bold: bool = False) -> None:
        self.run(cell.paragraphs[0], text, bold=bold)

    def heading(self, text: str, *, size: float | None = None, before: float = 10.0, after: float = 4.0) -> Any:
        par = self.par(text, bold=True, size=size, after=after)
        par.paragraph_format.space_before = self.pt(before)
        par.paragraph_format.keep_with_next = True
        return par

    def numbering(self, first: str, second: str) -> int:
        """A new list Word numbers itself: an abstract numbering whose levels print ``first``
        ("%1.", "TOP %1") and ``second`` ("%1.%2"), a hanging indent with a tab after the number."""
        from docx.oxml import parse_xml

        numbering = self.doc.part.numbering_part.element
        self.lists += 1
        abstract_id, num_id = 900 + self.lists, 900 + self.lists
        hang = 1.6 if "TOP" in first else 1.1 if first.startswith(("Ö", "N")) else 0.9
        levels = ""
        for level, text in enumerate((first, second)):
            left = round((hang + level * 1.1) * 567)
            levels += (
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
                f'<w:ind w:left="{left}" w:hanging="{round((hang + level * 0.3) * 567)}"/></w:pPr></w:lvl>'
            )
        ns = fd_ns()
        abstract = parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
            f"{levels}</w:abstractNum>"
        )
        nums = numbering.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
        return num_id

    def numbered(self, num_id: int, level: int, text: str, *, bold: bool = False, after: float = 2.0) -> Any:
        par = self.par(after=after)
        num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id
        self.run(par, text, bold=bold)
        return par


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as _qn

    return str(_qn(tag))


def fd_ns() -> str:
    return 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _letterhead(d: Doc) -> None:
    """The issuer, its office and address in the header of every page, a rectangle for the coat of
    arms at the right; "Seite X von Y" in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    section = d.doc.sections[0]
    header = section.header
    size = d.style.size
    par = header.paragraphs[0]
    d.run(par, d.pub.issuer, bold=True, size=size + 3)
    if d.style.wappen:
        ns = (
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        )
        cx, cy = 1.6 * 360000, 1.9 * 360000
        par._p.append(
            parse_xml(
                f'<w:r {ns}><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
                'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                '<wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="page"><wp:posOffset>{round(17.6 * 360000)}</wp:posOffset></wp:positionH>'
                f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(0.8 * 360000)}</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{round(cx)}" cy="{round(cy)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                '<wp:wrapNone/><wp:docPr id="501" name="Wappen"/><wp:cNvGraphicFramePr/>'
                '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                "<wps:wsp><wps:cNvSpPr/><wps:spPr>"
                f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{round(cx)}" cy="{round(cy)}"/></a:xfrm>'
                '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill>'
                '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
                "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
            )
        )
    if d.pub.office:
        d.run(header.add_paragraph(), d.pub.office, size=size + 1)
    d.run(header.add_paragraph(), f"{d.pub.street} · {d.pub.town}", size=size - 2)
    rule = header.add_paragraph()
    rule.paragraph_format.space_after = d.pt(6)
    border = (
        '<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    )
    rule._p.get_or_add_pPr().append(parse_xml(border))
    for footer in (section.footer,):
        fpar = footer.paragraphs[0]
        fpar.alignment = WD_ALIGN_PARAGRAPH.CENTER if d.style.extra.get("foot_centre") else WD_ALIGN_PARAGRAPH.RIGHT
        d.run(fpar, "Seite ", size=8)
        fd.docx_field(fpar, "PAGE")
        d.run(fpar, " von ", size=8)
        fd.docx_field(fpar, "NUMPAGES")


def _date_text(rng: random.Random, day: dt.date) -> str:
    return rng.choice((f"{WEEKDAYS[day.weekday()]}, {day.strftime('%d.%m.%Y')}", vt.long_date(day)))


def _session_word(number: str | None, public_word: bool, case: str) -> str:
    """ "7. öffentliche Sitzung" / "7. öffentlichen Sitzung" (dative) or without the number."""
    ending = "n" if case == "dat" else ""
    adjective = f"öffentliche{ending} " if public_word else ""
    return f"{number}. {adjective}Sitzung" if number else f"{adjective}Sitzung"


def _head(d: Doc, rng: random.Random, s: dict[str, Any]) -> None:
    """The type, the session line and the session's fields as the style sets them."""
    style, pub = d.style, d.pub
    size = style.size
    minutes = style.kind == "niederschrift"
    d.par(style.type_word, bold=True, size=size + 5, after=4)
    number = s["number"]
    if style.head == "prose":
        article, place = s["place"]
        day = s["date"]
        date = f"{WEEKDAYS[day.weekday()]}, {vt.long_date(day)}"
        d.par("Sehr geehrte Damen und Herren,", after=6)
        d.par(
            f"hiermit lade ich Sie zur {_session_word(number, s['public_word'], 'dat')} {pub.genitive} am {date}, "
            f"{s['start']} Uhr, in {article} {place}, ein.",
            after=6,
        )
        return
    lead = "über die" if minutes else "zur" if style.kind == "einladung" else "der"
    case = "acc" if minutes else "dat"
    d.par(f"{lead} {_session_word(number, s['public_word'], case)} {pub.genitive}", bold=True, size=size + 1, after=8)
    rows = [
        (rng.choice(("Sitzungstag", "Datum", "Tag")), _date_text(rng, s["date"])),
        ("Beginn", f"{s['start']} Uhr"),
    ]
    if minutes:
        rows.append(("Ende", f"{s['end']} Uhr"))
    rows.append((rng.choice(("Sitzungsort", "Ort")), s["place"][1]))
    if minutes:
        rows += [("Vorsitz", f"{s['chair_title']} {s['chair']}"), ("Schriftführung", s["clerk"])]
    colon = ":" if style.head == "tabbed" or rng.random() < 0.7 else ""
    tab = rng.choice((3.5, 4.0, 4.5))
    if style.head == "tabbed":
        for label, value in rows:
            d.tabbed(f"{label}:", value, tab)
    else:
        table = d.table(len(rows), (tab, WIDTH - tab), ruled=False)
        for row, (label, value) in zip(table.rows, rows, strict=True):
            d.cell(row.cells[0], f"{label}{colon}")
            d.cell(row.cells[1], value)
    d.par(after=6)
    if style.kind == "einladung":
        d.par("Sehr geehrte Damen und Herren,", after=6)
        d.par("zu der oben genannten Sitzung lade ich Sie herzlich ein. Die Unterlagen sind beigefügt.", after=6)


def _address(d: Doc, rng: random.Random, s: dict[str, Any]) -> None:
    """A DIN 5008 address block to the members and the dateline at the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    size = d.style.size
    d.run(d.par(after=2), f"{d.pub.issuer} · {d.pub.street} · {d.pub.town}", size=7).underline = True
    d.par(f"An die Mitglieder {d.pub.genitive}")
    if rng.random() < 0.5:
        d.par("– per E-Mail –")
    d.par(after=size * 1.5)
    written = s["date"] - dt.timedelta(days=rng.randrange(7, 15))
    place = d.pub.town.split(" ", 1)[1]
    line = d.par(f"{place}, {written.strftime('%d.%m.%Y')}", after=size)
    line.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _agenda(d: Doc, items: Sequence[Item], *, bold: bool = False) -> None:
    """The agenda as the style sets it: Word's numbering, typed numbers at tab stops, a table."""
    style = d.style
    if style.agenda == "table":
        _agenda_table(d, items)
        return
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    num_id = d.numbering(*LEVELS[style.numbering]) if style.agenda == "auto" else 0
    public: bool | None = None
    for item in items:
        if style.parts and item.public != public:
            public = item.public
            d.heading("Öffentlicher Teil" if public else "Nichtöffentlicher Teil", before=8)
            if not public and style.numbering == "marker" and num_id:
                num_id = d.numbering("N %1", "N %1.%2")
        if num_id:
            par = d.numbered(num_id, 1 if item.sub else 0, item.title, bold=bold, after=3)
        else:
            hang = 1.6 if style.numbering == "top" else 1.1
            left = hang + (1.0 if item.sub else 0.0)
            par = d.par(after=3)
            fmt = par.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(-hang)
            fmt.tab_stops.add_tab_stop(Cm(left))
            if style.papers == "column" and item.paper_line:
                fmt.tab_stops.add_tab_stop(Cm(WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
                d.run(par, f"{item.label}\t{item.title}\t{item.paper_line}", bold=bold)
            else:
                d.run(par, f"{item.label}\t{item.title}", bold=bold)
            if item.sub:
                fmt.first_line_indent = Cm(-hang)
        if item.paper_line and (style.papers == "line" or (num_id and style.papers == "column")):
            line = d.par(item.paper_line, after=3)
            line.paragraph_format.left_indent = par.paragraph_format.left_indent or Cm(
                1.6 if style.numbering == "top" else 1.1
            )
    d.par(after=4)


def _agenda_table(d: Doc, items: Sequence[Item]) -> None:
    style = d.style
    header = d.style.extra.get("header", ("TOP", "Gegenstand", "Vorlage"))
    with_papers = style.papers == "column"
    widths = (2.0, WIDTH - 2.0 - 3.0, 3.0) if with_papers else (2.0, WIDTH - 2.0)
    rows: list[tuple[str, ...] | str] = []
    public: bool | None = None
    for item in items:
        if style.parts and item.public != public:
            public = item.public
            rows.append("Öffentlicher Teil" if public else "Nichtöffentlicher Teil")
        title = item.title if style.papers != "line" or not item.paper_line else f"{item.title}\n{item.paper_line}"
        rows.append((item.label, title, item.paper_line or "") if with_papers else (item.label, title))
    table = d.table(len(rows) + 1, widths, ruled=style.ruled)
    for c, name in zip(table.rows[0].cells, header[: len(widths)], strict=True):
        d.cell(c, name, bold=True)
    for row, values in zip(table.rows[1:], rows, strict=True):
        if isinstance(values, str):
            merged = row.cells[0].merge(row.cells[-1])
            d.cell(merged, values, bold=True)
            continue
        for c, value in zip(row.cells, values, strict=True):
            first, *more = value.split("\n")
            d.cell(c, first)
            for extra in more:
                d.run(c.add_paragraph(), extra)
    d.par(after=6)


def _attendance(d: Doc, rng: random.Random, pub: Publisher) -> tuple[list[dict[str, Any]], int]:
    """The members present grouped by faction (a table or a group label with its names in a tab
    column), the administration, the excused members; the attendees' goldens and the count."""
    from docx.shared import Cm

    salute = d.style.salutations
    groups: list[tuple[str, list[str]]] = []
    names = set()

    def fresh() -> str:
        while True:
            name = vt.person(rng)
            if name not in names:
                names.add(name)
                return name

    if pub.factions:
        for faction in rng.sample(FACTION_NAMES, rng.randrange(2, 4)):
            groups.append((faction, [fresh() for _ in range(rng.randrange(2, 5))]))
    else:
        groups.append(("Mitglieder", [fresh() for _ in range(rng.randrange(4, 9))]))
    staff = [fresh()] if rng.random() < 0.6 else []
    excused = [fresh() for _ in range(rng.randrange(1, 3))]

    def shown(name: str) -> str:
        return f"{'Frau' if female(name) else 'Herr'} {name}" if salute else name

    attendees: list[dict[str, Any]] = []
    for group, members in groups:
        for name in members:
            role = None if pub.factions else group
            attendees.append({"name": name, "role": role, "faction": group if pub.factions else None})
    for name in staff:
        attendees.append({"name": name, "role": "Verwaltung", "faction": None})
    listed = [*groups, *([("Verwaltung", staff)] if staff else [])]
    d.heading("Anwesend:", before=10)
    if d.style.attendance == "table":
        rows = sum(len(m) for _, m in listed)
        table = d.table(rows, (5.0, 8.0), ruled=False)
        at = 0
        for group, members in listed:
            for k, name in enumerate(members):
                if k == 0:
                    d.cell(table.rows[at].cells[0], f"{group}:")
                d.cell(table.rows[at].cells[1], shown(name))
                at += 1
    else:
        for group, members in listed:
            for k, name in enumerate(members):
                par = d.par()
                par.paragraph_format.tab_stops.add_tab_stop(Cm(5.0))
                d.run(par, f"{group}:\t{shown(name)}" if k == 0 else f"\t{shown(name)}")
    d.par(after=4)
    par = d.par(after=8)
    par.paragraph_format.tab_stops.add_tab_stop(Cm(5.0))
    d.run(par, "entschuldigt:\t" + ", ".join(shown(n) for n in excused))
    return attendees, sum(len(m) for _, m in groups)


def _minutes_items(d: Doc, rng: random.Random, items: Sequence[Item], voters: int, pub: Publisher) -> None:
    """Each item's heading, text, "Beschluss:" and its vote in words or as a small table."""
    from docx.shared import Cm

    style = d.style
    public: bool | None = None
    num_id = 0
    if style.extra.get("auto_headings"):
        num_id = d.numbering(*LEVELS[style.numbering])
    parent_has_subs = {items[k].number for k in range(len(items) - 1) if items[k + 1].sub}
    for item in items:
        if style.parts and item.public != public:
            public = item.public
            d.heading("Öffentlicher Teil" if public else "Nichtöffentlicher Teil", size=style.size + 1, before=14)
            if not public and style.numbering == "marker" and num_id:
                num_id = d.numbering("N %1", "N %1.%2")
        if num_id:
            par = d.numbered(num_id, 1 if item.sub else 0, item.title, bold=True, after=4)
        else:
            hang = 1.6 if style.numbering == "top" else 1.2
            par = d.par(after=4)
            fmt = par.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Cm(hang), Cm(-hang)
            fmt.tab_stops.add_tab_stop(Cm(hang))
            d.run(par, f"{item.label}\t{item.title}", bold=True)
        par.paragraph_format.space_before = d.pt(10)
        par.paragraph_format.keep_with_next = True
        if item.paper_line:
            # A paper's bare number (the agenda's column) is named under the heading.
            d.par(item.paper_line if style.papers == "line" else f"Vorlage: {item.paper_line}", after=4)
        if item.number in parent_has_subs:
            continue
        d.par(_sentence(rng, 12, 45), after=6)
        if not item.papers and (item in (items[0], items[-1]) or item.title in ROUTINE or rng.random() < 0.5):
            continue
        article = "Die" if pub.body.endswith("versammlung") else "Der"
        decision = rng.choice(DECISIONS).format(body=pub.body).replace("Der " + pub.body, f"{article} {pub.body}")
        item.decision = decision
        if rng.random() < 0.5:
            d.par("Beschluss:", bold=True, after=2).paragraph_format.keep_with_next = True
            d.par(decision, after=4)
        else:
            par = d.par(after=4)
            d.run(par, "Beschluss: ", bold=True)
            d.run(par, decision)
        text, vote, counts = _vote(rng, voters)
        item.vote = vote
        if style.vote_tables and not vote["unanimous"]:
            d.par("Abstimmungsergebnis:", bold=True, after=2).paragraph_format.keep_with_next = True
            table = d.table(2, (2.5, 2.5, 2.5), ruled=True)
            for c, name in zip(table.rows[0].cells, ("Ja", "Nein", "Enthaltung"), strict=True):
                d.cell(c, name, bold=True)
            for c, value in zip(table.rows[1].cells, counts, strict=True):
                d.cell(c, str(value))
            d.par(after=4)
        else:
            par = d.par(after=6)
            d.run(par, "Abstimmungsergebnis: ", bold=True)
            d.run(par, text)


FEMALE = frozenset({"Anna", "Katrin", "Sabine", "Claudia", "Petra", "Ulrike", "Julia", "Monika", "Regula", "Simone"})


def female(name: str) -> bool:
    """Whether the first name of ``name`` is a woman's."""
    return name.split()[0] in FEMALE


def _title(masculine: str, name: str) -> str:
    """The chair's title for ``name``: "Ortsvorsteherin", "Verbandsvorsitzende" for a woman."""
    if not female(name):
        return masculine
    return masculine[:-1] if masculine.endswith("der") else masculine + "in"


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = " ".join(rng.choice(gm.WORDS) for _ in range(rng.randrange(low, high)))
    return words[0].upper() + words[1:] + "."


def _signatures(d: Doc, s: dict[str, Any], minutes: bool) -> None:
    """The chair's and the clerk's signatures side by side (minutes), or the chair's alone."""
    d.par(after=24)
    if not minutes:
        d.par("Mit freundlichen Grüßen", after=24)
        d.par(s["chair"])
        d.par(s["chair_title"])
        return
    table = d.table(3, (7.5, 7.5), ruled=False)
    for c, text in zip(table.rows[0].cells, ("", ""), strict=True):
        d.cell(c, text)
    d.cell(table.rows[1].cells[0], s["chair"])
    d.cell(table.rows[1].cells[1], s["clerk"])
    d.cell(table.rows[2].cells[0], "Vorsitzende/r")
    d.cell(table.rows[2].cells[1], "Schriftführer/in")


def document(rng: random.Random, kind: str, path: Path) -> dict[str, Any]:
    """Draw one meeting paper of ``kind``, type it into a Word document at ``path``; its golden."""
    style = _style(rng, kind)
    pub = _publishers(rng)
    day = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(0, 330))
    while day.weekday() > 4:
        day += dt.timedelta(days=1)
    hour = rng.choice((17, 18, 19, 19, 20))
    s = {
        "date": day,
        "start": f"{hour:02d}:{rng.choice(('00', '30'))}",
        "end": f"{hour + 2:02d}:{rng.choice(('05', '15', '40'))}",
        "number": str(rng.randrange(1, 30)) if rng.random() < 0.8 else None,
        "public_word": style.parts and rng.random() < 0.6,
        "place": rng.choice(PLACES),
        "chair": (chair := vt.person(rng)),
        "chair_title": _title(pub.chair, chair),
        "clerk": vt.person(rng),
    }
    style.extra["foot_centre"] = rng.random() < 0.5
    style.extra["header"] = rng.choice((("TOP", "Gegenstand", "Vorlage"), ("Nr.", "Beratungsgegenstand", "DS-Nr.")))
    style.extra["auto_headings"] = rng.random() < 0.5
    items = _items(rng, style, day.year)
    d = Doc(style, pub, f"{style.type_word} {pub.body}")
    _letterhead(d)
    if style.address:
        _address(d, rng, s)
    _head(d, rng, s)
    attendees: list[dict[str, Any]] = []
    minutes = kind == "niederschrift"
    if minutes:
        attendees, voters = _attendance(d, rng, pub)
        if style.list_first:
            d.heading("Tagesordnung:", size=style.size + 1)
            _agenda(d, items)
        _minutes_items(d, rng, items, voters, pub)
    else:
        if kind == "einladung":
            d.heading("Tagesordnung", size=style.size + 1)
        _agenda(d, items)
    _signatures(d, s, minutes)
    d.doc.save(str(path))
    meeting = {
        "date": day.isoformat(),
        "start": s["start"],
        "end": s["end"] if minutes else None,
        "location": s["place"][1],
        "number": f"{s['number']}. Sitzung" if s["number"] else None,
    }
    golden: dict[str, Any] = {"kind": "meeting", "document_type": style.type_word, "body": pub.body}
    golden["meeting"] = meeting
    golden["agenda_items"] = [
        {
            "number": i.number,
            "title": i.title,
            # An item's marker ("Ö 3", "N 1") says its part where no part heading does.
            "public": i.public if style.parts or style.numbering == "marker" else None,
            "paper_numbers": i.papers,
            "decision": i.decision,
            "vote": i.vote,
        }
        for i in items
    ]
    golden |= {"attendees": attendees, "speeches": []}
    golden["_style"] = {k: v for k, v in vars(style).items() if k != "extra"} | style.extra
    return golden


KINDS = ("einladung", "tagesordnung", "niederschrift")


def build(out: Path, seed: int, indexes: Sequence[int], count: int) -> dict[int, dict[str, Any]]:
    """Write documents ``indexes`` of ``count`` (each of its own seed) with their goldens; returns them."""
    import template_flow

    out.mkdir(parents=True, exist_ok=True)
    goldens: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        work = Path(tmp_name)
        jobs = []
        for n in indexes:
            kind = KINDS[(n - 1) % 3]
            rng = random.Random(f"{seed}-office-meeting-{n}")
            stem = f"office-meeting-{n}"
            docx = work / f"{stem}.docx"
            goldens[n] = document(rng, kind, docx)
            jobs.append((docx, out / f"{stem}.pdf"))
        fd.convert_all(jobs, work)
    for n in indexes:
        golden = goldens[n]
        pdf = out / f"office-meeting-{n}.pdf"
        golden["page_count"] = template_flow.page_count(pdf)
        style = golden.pop("_style")
        notes = f"--seed {seed} --office-meetings {count} ({style['face']} {style['size']} pt, style {style})"
        golden["_notes"] = f"generated by scripts/generate_meetings.py {notes}; values from its content"
        text = json.dumps(golden, ensure_ascii=False, indent=1) + "\n"
        (out / f"office-meeting-{n}.json").write_text(text, encoding="utf-8")
    return goldens


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` Word-made meeting documents (Einladung, Tagesordnung, Niederschrift in turn)."""
    build(out, seed, range(1, count + 1), count)
