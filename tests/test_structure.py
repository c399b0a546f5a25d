"""The structure tree of tagged PDFs: which paragraph each marked content belongs to, read alike
by both engines, hostile trees answered with "unknown", and the page-foot paragraph decision it
settles."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.budget import make_budget
from ratsdoc.extract.paragraph_breaks import hidden_break, near_full, new_paragraph, tagged_break
from ratsdoc.extract.sections import extract_justification
from ratsdoc.input import load_input
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.layout.model import UNKNOWN_BLOCK, EngineLimits, Page
from ratsdoc.layout.pdfium_engine import PdfiumSource
from ratsdoc.layout.pdfplumber_engine import PdfplumberSource
from ratsdoc.layout.structure import DocumentStructure, PageMarks
from ratsdoc.options import ParseOptions
from ratsdoc.regions import PageInfo

from .conftest import FIXTURES, line_context, text_line

pikepdf = pytest.importorskip("pikepdf")

TAGGED = FIXTURES / "letter-erlangen-2024-antrag-tagged.pdf"
ENGINES = (PdfplumberSource, PdfiumSource)


def _blocks(page: Page) -> dict[int, int]:
    assert isinstance(page.marks, PageMarks)
    return page.marks.blocks()


def _pages(engine: type[PdfplumberSource] | type[PdfiumSource], path: Path) -> list[Page]:
    source = engine(
        load_input(path, max_file_size=10**9), budget=make_budget(ParseOptions(), None), limits=EngineLimits()
    )
    try:
        return list(source.pages())
    finally:
        source.close()


# -- a tagged PDF made here ----------------------------------------------------------------------

#: Three paragraphs: MCID 0 in a /P, MCIDs 1 and 2 in a /Standard (the RoleMap makes it a /P) and
#: a /Span inside it, MCID 3 with a nested /Span without an MCID in the middle.
_CONTENT = (
    b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Erste Zeile.) Tj ET EMC "
    b"/Standard <</MCID 1>> BDC BT /F1 12 Tf 72 680 Td (Zweite Zeile) Tj ET EMC "
    b"/Span <</MCID 2>> BDC BT /F1 12 Tf 72 660 Td (geht weiter.) Tj ET EMC "
    b"/P <</MCID 3>> BDC BT /F1 12 Tf 72 640 Td (Vierte ) Tj /Span <</Lang (de)>> BDC (Reihe ) Tj EMC "
    b"(endet.) Tj ET EMC "
    b"/Artifact BMC BT /F1 9 Tf 280 40 Td (Seite 1) Tj ET EMC"
)


def _tagged_pdf(path: Path, spoil: Callable[[Any, dict[str, Any]], None] | None = None) -> None:
    """Write a one-page tagged PDF to ``path``; ``spoil(pdf, parts)`` may break its tree first."""
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(_CONTENT)
    page.obj.StructParents = 0
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, RoleMap=Dictionary(Standard=Name.P)))
    doc = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root))
    p0 = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=doc, Pg=page.obj, K=0))
    p1 = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Standard, P=doc, Pg=page.obj))
    span = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Span, P=p1, Pg=page.obj, K=2))
    p1.K = Array([1, span])
    p3 = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=doc, Pg=page.obj, K=3))
    doc.K = Array([p0, p1, p3])
    root.K = Array([doc])
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array([0, Array([p0, p1, span, p3])])))
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    parts = {"pdf": pdf, "root": root, "doc": doc, "p0": p0, "p1": p1, "span": span, "p3": p3, "page": page}
    if spoil is not None:
        spoil(pdf, parts)
    pdf.save(path)


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: e.__name__)
def test_marked_content_leads_to_its_paragraph(tmp_path: Path, engine: type[PdfplumberSource]) -> None:
    _tagged_pdf(tmp_path / "tagged.pdf")
    (page,) = _pages(engine, tmp_path / "tagged.pdf")
    # A /Span inside a paragraph leads to the paragraph; a custom type through the /RoleMap.
    blocks = _blocks(page)
    assert set(blocks) == {0, 1, 2, 3} and blocks[1] == blocks[2]
    assert len({blocks[0], blocks[1], blocks[3]}) == 3
    by_text: dict[str, set[int]] = {}
    for char in page.chars:
        by_text.setdefault(char.text, set()).add(char.mcid)
    # The nested /Span without an MCID keeps its paragraph's: "Reihe " and "endet." are MCID 3.
    assert by_text["V"] == by_text["R"] == by_text["n"] == {3}
    assert by_text["S"] == {-1}  # the page number, an artifact


def test_untagged_files_carry_no_marks() -> None:
    for engine in ENGINES:
        pages = _pages(engine, FIXTURES / "letter-erlangen-2020-antrag-spd.pdf")
        assert all(page.marks is None and {c.mcid for c in page.chars} == {-1} for page in pages)


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: e.__name__)
def test_the_fixture_paragraphs_across_pages(engine: type[PdfplumberSource]) -> None:
    # Page 1 ends with a paragraph; page 2 ends within one, after a sentence: the structure
    # elements of the lines on either side of each break say so, with either engine.
    lines = [[line for line in _lines(page) if line.words] for page in _pages(engine, TAGGED)]
    last = [page[-1] for page in lines[:2]]
    first = [page[0] for page in lines[1:]]
    assert last[0].text.endswith("gemacht.") and first[0].text.startswith("Ein Zebrastreifen")
    assert last[1].text.endswith("sichtbar sein.") and first[1].text.startswith("Eine Mittelinsel")
    assert tagged_break(last[0], first[0]) is True
    assert tagged_break(last[1], first[1]) is False


def _lines(page: Page) -> list[Line]:
    from ratsdoc.layout.lines import page_lines

    return page_lines(page)


def _two_pages(path: Path, *, split: bool) -> None:
    """Two pages with one paragraph running from the first onto the second, tagged as one
    element (LibreOffice) or, with ``split``, as two (Word repeats the tag after the break)."""
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    doc = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root))
    paragraphs = []
    for number, text in enumerate((b"Der Absatz geht", b"weiter.")):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET EMC")
        page.obj.StructParents = number
        if split or not paragraphs:
            paragraphs.append(pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=doc, K=Array())))
        paragraphs[-1].K.append(Dictionary(Type=Name.MCR, Pg=page.obj, MCID=0))
    doc.K = Array(paragraphs)
    root.K = Array([doc])
    nums = Array([0, Array([paragraphs[0]]), 1, Array([paragraphs[-1]])])
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.save(path)


@pytest.mark.parametrize("split", [False, True])
def test_a_tree_shows_whether_it_keeps_paragraphs_across_pages(tmp_path: Path, split: bool) -> None:
    _two_pages(tmp_path / "two.pdf", split=split)
    for engine in ENGINES:
        first, second = (p.marks for p in _pages(engine, tmp_path / "two.pdf"))
        assert isinstance(first, PageMarks) and isinstance(second, PageMarks)
        assert (first.block(0) == second.block(0)) is not split
        assert first.crosses_pages() is not split


# -- hostile structure trees ---------------------------------------------------------------------


def _parent_cycle(pdf: Any, parts: dict[str, Any]) -> None:
    # The span's parent is a span whose parent is the first: no paragraph above either.
    from pikepdf import Dictionary, Name

    other = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Span, P=parts["span"]))
    parts["span"].P = other


def _deep_chain(pdf: Any, parts: dict[str, Any]) -> None:
    # 3,000 spans, each the parent of the one before, above the span of MCID 2.
    from pikepdf import Dictionary, Name

    current = parts["span"]
    for _ in range(3_000):
        parent = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Span))
        current.P = parent
        current = parent
    current.P = parts["p1"]


def _tree_cycle(pdf: Any, parts: dict[str, Any]) -> None:
    # The number tree's kid lists the tree itself again.
    from pikepdf import Array, Dictionary

    tree = parts["root"].ParentTree
    kid = pdf.make_indirect(Dictionary(Nums=tree.Nums, Kids=Array([tree])))
    del tree.Nums
    tree.Kids = Array([kid, kid])


def _role_cycle(pdf: Any, parts: dict[str, Any]) -> None:
    from pikepdf import Dictionary, Name

    parts["root"].RoleMap = Dictionary(Standard=Name.Absatz, Absatz=Name.Standard)


def _garbage(pdf: Any, parts: dict[str, Any]) -> None:
    from pikepdf import Array, Dictionary, Name, String

    parts["root"].ParentTree = Dictionary(Nums=Array([String("0"), 5, 0, Name.P, 1]))


def _not_a_key(pdf: Any, parts: dict[str, Any]) -> None:
    from pikepdf import Name

    parts["page"].obj.StructParents = Name.Null


HOSTILE = {
    "parent-cycle": (_parent_cycle, {0, 1, 3}),
    "deep-chain": (_deep_chain, {0, 1, 3}),
    "tree-cycle": (_tree_cycle, {0, 1, 2, 3}),
    "role-cycle": (_role_cycle, {0, 3}),
    "garbage-tree": (_garbage, set()),
    "not-a-key": (_not_a_key, set()),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_tree_is_unknown_not_an_error(tmp_path: Path, case: str) -> None:
    spoil, known = HOSTILE[case]
    path = tmp_path / f"{case}.pdf"
    _tagged_pdf(path, spoil)
    start = time.monotonic()
    pages = {engine: _pages(engine, path) for engine in ENGINES}
    blocks = [_blocks(p[0]) for p in pages.values()]
    assert blocks[0] == blocks[1]
    assert set(blocks[0]) == known  # the marked contents whose paragraph could still be found
    for engine_pages in pages.values():
        marks = engine_pages[0].marks
        assert isinstance(marks, PageMarks) and marks.crosses_pages() is False  # one page
    for engine in ("pdfplumber", "pdfium"):
        assert "Erste Zeile." in ratsdoc.parse(path, engine=engine).text
    assert time.monotonic() - start < 20


def test_a_tree_that_does_not_parse_is_given_up() -> None:
    class Broken(dict[str, Any]):
        def get(self, key: str, default: Any = None) -> Any:
            raise ValueError("broken")

    structure = DocumentStructure({"StructTreeRoot": {}})
    structure._catalog = Broken()
    assert structure.page_blocks(0) == {} and structure.broken
    assert DocumentStructure.of(Broken()) is None


# -- the page-foot decision ----------------------------------------------------------------------


class _Identity:
    """Marks whose MCIDs are their own elements (a tagged page made up for a test), in a tree
    that keeps elements across page breaks (LibreOffice) or not (``crosses`` False: Word)."""

    def __init__(self, crosses: bool = True) -> None:
        self.crosses = crosses

    def block(self, mcid: int) -> int:
        return mcid

    def crosses_pages(self) -> bool:
        return self.crosses


def _tag(line: Line, block: int, crosses: bool = True) -> Line:
    """``line`` with every word drawn for structure element ``block`` (-1: unknown)."""
    marks = _Identity(crosses)
    return Line(line.page, [dataclasses.replace(t, mcid=block, marks=marks) for t in line.tokens])


def test_tags_decide_a_page_break_after_a_sentence() -> None:
    foot = text_line(760, [(60, "Er dauert ein Jahr.")])
    top = text_line(80, [(60, "Die Anwohner werden informiert.")], page=2)
    # Untagged: nothing shows the break; the paragraph goes on and the break is doubtful.
    assert tagged_break(foot, top) is None
    assert not new_paragraph(foot, top, short_ends=False, left=60) and hidden_break(foot, top)
    # One element on both sides: the paragraph goes on, and nothing is doubtful.
    assert tagged_break(_tag(foot, 7), _tag(top, 7)) is False
    assert not new_paragraph(_tag(foot, 7), _tag(top, 7), short_ends=False, left=60)
    assert not hidden_break(_tag(foot, 7), _tag(top, 7))
    # Two elements: a new paragraph, also where the print would have joined them.
    assert new_paragraph(_tag(foot, 7), _tag(top, 9), short_ends=False, left=60)
    assert not hidden_break(_tag(foot, 7), _tag(top, 9))
    unsentenced = text_line(760, [(60, "Er dauert ein Jahr und")])
    assert new_paragraph(_tag(unsentenced, 7), _tag(top, 9))
    # A tree that ends every element at a page break (Word): the same element cannot occur, and
    # two elements say nothing; the print decides, as without tags.
    assert tagged_break(_tag(foot, 7, crosses=False), _tag(top, 9, crosses=False)) is None
    assert hidden_break(_tag(foot, 7, crosses=False), _tag(top, 9, crosses=False))
    # One side unknown (text outside the tree): the print decides, as without tags.
    assert tagged_break(_tag(foot, 7), _tag(top, UNKNOWN_BLOCK)) is None
    assert hidden_break(_tag(foot, 7), _tag(top, UNKNOWN_BLOCK))
    # Within a page the print decides: a gap is a paragraph's even inside one element.
    below = text_line(790, [(60, "Die Zufahrt bleibt offen.")])
    assert new_paragraph(_tag(foot, 7), _tag(below, 7))


def test_a_sentence_ending_where_the_next_word_only_just_fits_leaves_the_page_break_open() -> None:
    # Regression (ALLRIS papers, seed 113, paper 5): a line ending a sentence at a page's foot was
    # read as a paragraph's end, since the next page's "Der" would have fitted after it with 0.1 pt
    # to spare; the typesetter had measured it as not fitting, and the paragraph went on (silent).
    # A Word synopsis (seed 5, paper 3) ends its paragraph with 0.2 pt to spare: such a break is
    # a guess either way, and said to be one.
    foot = text_line(760, [(60, "des Konzeptes informiert.")])  # ends at x 204
    top = text_line(80, [(60, "Der Ortsteilrat wurde informiert.")], page=2)  # "Der": 18 pt
    # With 22 pt to spare, "Der" (18 pt and its 2.5 pt space) fits with 1.5 pt left: only just.
    assert new_paragraph(foot, top, right=226.0) and near_full(foot, top, 226.0) and hidden_break(foot, top)
    # With room for it and a margin, the line is short for sure; without room it is full.
    assert new_paragraph(foot, top, right=235.0) and not near_full(foot, top, 235.0)
    assert not new_paragraph(foot, top, right=220.0) and not near_full(foot, top, 220.0)
    lines = [
        text_line(100, [(60, "Begründung:")]),
        text_line(115, [(60, "Der Radweg wird verbreitert und das ist ein gelungen")]),  # ends at 348
        text_line(127, [(60, "Er dauert ein Jahr und des Konzeptes informiert.")]),
        text_line(80, [(60, "Der Ortsteilrat wurde informiert.")], page=2),
    ]
    text, doubts = _justification(lines)  # "Der" would have fitted with 0.5 pt to spare
    assert text.endswith("informiert.\n\nDer Ortsteilrat wurde informiert.") and doubts == [1]


def _justification(lines: list[Line]) -> tuple[str, list[int]]:
    ctx = line_context(lines, "generic", pages=(PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)))
    extract_justification(ctx)
    doubts = [w.page for w in ctx.fields.warnings if w.code is IssueCode.PARAGRAPH_BREAK_UNCERTAIN]
    return ctx.fields.values["justification"], [d for d in doubts if d is not None]


def _manuscript(blocks: tuple[int, ...]) -> list[Line]:
    """A manuscript's reasons: a sentence a line, paragraphs set apart by space alone; the
    lines' structure elements are ``blocks`` (one per line after the heading)."""
    lines = [
        text_line(100, [(60, "Begründung:")]),
        text_line(115, [(60, "Der Radweg zwischen Anger und Krämerbrücke ist zu schmal und zu holprig.")]),
        text_line(127, [(60, "Er wird verbreitert.")]),
        text_line(139, [(60, "Die Kosten trägt die Stadt.")]),
        text_line(163, [(60, "Der Bau beginnt im Frühjahr.")]),
        text_line(175, [(60, "Er dauert ein Jahr.")]),
        text_line(80, [(60, "Die Anwohner werden informiert.")], page=2),
        text_line(92, [(60, "Die Zufahrt bleibt offen.")], page=2),
    ]
    return [lines[0], *(_tag(line, block) for line, block in zip(lines[1:], blocks, strict=True))]


@pytest.mark.parametrize(
    ("blocks", "paragraphs", "doubts"),
    [
        ((UNKNOWN_BLOCK,) * 7, 2, [1]),  # untagged: joined, and warned
        ((5, 5, 5, 6, 6, 7, 7), 3, []),  # a new element on page 2: a paragraph, no warning
        ((5, 5, 5, 6, 6, 6, 6), 2, []),  # the same element: one paragraph, no warning
    ],
)
def test_the_justification_follows_the_structure_at_a_page_foot(
    blocks: tuple[int, ...], paragraphs: int, doubts: list[int]
) -> None:
    text, warned = _justification(_manuscript(blocks))
    assert len(text.split("\n\n")) == paragraphs
    assert warned == doubts


def test_the_fixture_without_its_tree_reads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    # With the tree the fixture's golden holds and nothing is doubtful (tests/test_golden.py);
    # without it both page breaks are doubtful and the paragraph ending page 1 runs on.
    tagged = ratsdoc.parse(TAGGED)
    assert not [w for w in tagged.warnings if "foot of page" in w]
    monkeypatch.setattr(DocumentStructure, "of", classmethod(lambda cls, catalog: None))
    for engine in ("pdfium", "pdfplumber"):
        plain = ratsdoc.parse(TAGGED, engine=engine)
        assert [w for w in plain.warnings if "foot of page 1, 2" in w]
        assert plain.justification is not None and tagged.justification is not None
        assert len(plain.justification.split("\n\n")) == len(tagged.justification.split("\n\n")) - 1
