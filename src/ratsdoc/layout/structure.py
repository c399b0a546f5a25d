"""The structure tree of a tagged PDF: which paragraph-like element (a paragraph, a heading, a
list item's body, a table cell) each marked-content id of a page was drawn for.

Word and LibreOffice export a tagged PDF with every paragraph a /P element (or a style name the
/RoleMap maps to /P). LibreOffice keeps a paragraph that runs over a page break one element, so
the last line of one page and the first of the next belong to one paragraph exactly when their
marked-content ids lead to the same element; Word ends every element at a page break and repeats
its tag on the next page, so there two elements say nothing (:meth:`DocumentStructure.crosses_pages`
tells the two kinds of tree apart). That settles, where it can, what the print cannot show: whether
a ragged text that ends a sentence at a page's foot goes on in the same paragraph
(:mod:`ratsdoc.extract.paragraph_breaks`).

The tree is read with pdfminer, by both engines alike, so that they give the same answer: the
page's /StructParents key leads through the catalog's /StructTreeRoot /ParentTree (a number tree)
to an array of elements indexed by marked-content id; each element's /P chain leads to the
innermost element of a paragraph-like type. An element is known by its object number, which is
the same on every page. Nothing is read for an untagged file, and a tagged one only when a
question is asked: an engine hands each page a :class:`PageMarks`, which reads that page's part
of the tree at its first question (a Word file keeps its tree in object streams that pdfminer
parses whole, some 50 ms a document, worth paying only where a page break needs the answer).
Every walk is bounded (number-tree nodes, array lengths, /P chain depth, /RoleMap hops, and each
object visited once), and whatever does not parse is unknown: a broken or cyclic tree costs the
answer, never the parse.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import PSLiteral

from .model import UNKNOWN_BLOCK

#: Standard structure types that hold one block of text (ISO 32000-1, 14.8.4): the innermost
#: such element around a marked content is its paragraph.
BLOCK_TYPES = frozenset(
    {
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "Lbl",
        "LBody",
        "LI",
        "TD",
        "TH",
        "Caption",
        "BlockQuote",
        "Note",
        "Title",
        "TOCI",
    }
)

#: Bounds of the walks (hostile or broken trees).
_MAX_TREE_NODES = 20_000  # number-tree nodes of the /ParentTree
_MAX_TREE_DEPTH = 32  # its levels
_MAX_ENTRIES = 500_000  # number-tree entries kept
_MAX_PAGE_MCIDS = 100_000  # marked-content ids of one page
_MAX_PARENT_DEPTH = 64  # steps up the /P chain from a marked content's element
_MAX_ROLE_HOPS = 8  # /RoleMap lookups from a custom type to a standard one
_MAX_REF_HOPS = 32  # a reference to a reference to ...


def _resolve(value: Any) -> Any:
    """``value`` with references followed, at most :data:`_MAX_REF_HOPS` of them (a cycle of
    references is None)."""
    for _ in range(_MAX_REF_HOPS):
        if not isinstance(value, PDFObjRef):
            return value
        value = value.resolve()
    return None


def _name(value: Any) -> str | None:
    """The text of a PDF name (a pdfminer literal), or None."""
    value = _resolve(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    return None


def is_tagged(catalog: Mapping[str, Any]) -> bool:
    """Whether a document catalog declares a structure tree: /MarkInfo /Marked true, or a
    /StructTreeRoot."""
    try:
        mark_info = _resolve(catalog.get("MarkInfo"))
        marked = isinstance(mark_info, dict) and _resolve(mark_info.get("Marked")) is True
        return marked or isinstance(_resolve(catalog.get("StructTreeRoot")), dict)
    except Exception:  # a catalog entry that does not parse declares nothing
        return False


class DocumentStructure:
    """The paragraph-like elements of one tagged document, read lazily from its pdfminer
    catalog: the /ParentTree on the first page asked for, each element's block once."""

    def __init__(self, catalog: Mapping[str, Any]) -> None:
        self._catalog = catalog
        self._parents: dict[int, Any] | None = None  # the /ParentTree, once read
        self._roles: dict[str, str] = {}
        self._blocks: dict[int, int] = {}  # element object number: its block's, or UNKNOWN_BLOCK
        self._crosses: bool | None = None  # see crosses_pages
        self.broken = False  # the tree did not parse: every answer is unknown

    @classmethod
    def of(cls, catalog: Mapping[str, Any]) -> DocumentStructure | None:
        """The structure of a document with ``catalog``, None when it is not tagged."""
        return cls(catalog) if is_tagged(catalog) else None

    def marks(self, struct_parents: Any) -> PageMarks:
        """The lazy marks of the page whose /StructParents is ``struct_parents``."""
        return PageMarks(self, struct_parents)

    def crosses_pages(self) -> bool:
        """Whether the tree keeps some paragraph-like element whole across a page break (its
        marked contents lie under two /StructParents keys). Only then do two elements at a page
        break mean two paragraphs: Word ends every element at a page break and repeats its tag on
        the next page, LibreOffice keeps a paragraph one element."""
        if self._crosses is None:
            self._crosses = False
            try:
                keys = list(self._parent_tree())
            except Exception:  # a tree that does not parse: unknown, and not read again
                self.broken = True
                keys = []
            seen: dict[int, Any] = {}
            examined = 0
            for key in keys:
                blocks = self.page_blocks(key)
                examined += len(blocks) + 1
                if examined > _MAX_PAGE_MCIDS:
                    break  # a tree this large is not walked again for every page
                for block in set(blocks.values()):
                    if seen.setdefault(block, key) != key:
                        self._crosses = True
                        return True
        return self._crosses

    def page_blocks(self, struct_parents: Any) -> dict[int, int]:
        """For the page whose /StructParents is ``struct_parents``: each marked-content id drawn
        for a paragraph-like element, mapped to that element's object number. Empty when
        nothing is known (no key, not in the tree, a broken tree)."""
        key = _resolve(struct_parents)
        if self.broken or not isinstance(key, int) or isinstance(key, bool):
            return {}
        try:
            parents = self._parent_tree()
            elements = _resolve(parents.get(key))
            if not isinstance(elements, list):
                return {}
            blocks: dict[int, int] = {}
            for mcid, element in enumerate(elements[:_MAX_PAGE_MCIDS]):
                block = self._block(element)
                if block != UNKNOWN_BLOCK:
                    blocks[mcid] = block
            return blocks
        except Exception:  # a tree that does not parse: unknown, and not read again
            self.broken = True
            return {}

    def _parent_tree(self) -> dict[int, Any]:
        """The /ParentTree's entries (key: value as stored, references unresolved)."""
        if self._parents is None:
            self._parents = {}
            root = _resolve(self._catalog.get("StructTreeRoot"))
            if isinstance(root, dict):
                roles = _resolve(root.get("RoleMap"))
                if isinstance(roles, dict):
                    self._roles = {str(k): n for k, v in roles.items() if (n := _name(v)) is not None}
                self._parents = dict(_number_tree(root.get("ParentTree")))
        return self._parents

    def _standard(self, kind: str | None) -> str | None:
        """The standard type a custom structure type stands for (through the /RoleMap)."""
        for _ in range(_MAX_ROLE_HOPS):
            if kind is None or kind in BLOCK_TYPES:
                return kind
            mapped = self._roles.get(kind)
            if mapped is None or mapped == kind:
                return kind
            kind = mapped
        return None

    def _block(self, element: Any) -> int:
        """The object number of the innermost paragraph-like element at or above ``element``
        (a reference to a structure element), or UNKNOWN_BLOCK."""
        if not isinstance(element, PDFObjRef):
            return UNKNOWN_BLOCK  # a direct object has no identity to compare across pages
        cached = self._blocks.get(element.objid)
        if cached is not None:
            return cached
        walked: list[int] = []
        found = UNKNOWN_BLOCK
        current: Any = element
        for _ in range(_MAX_PARENT_DEPTH):
            if not isinstance(current, PDFObjRef) or current.objid in walked:
                break  # a direct parent, or a cycle of /P links
            known = self._blocks.get(current.objid)
            if known is not None:
                found = known
                break
            walked.append(current.objid)
            node = _resolve(current)
            if not isinstance(node, dict):
                break
            if self._standard(_name(node.get("S"))) in BLOCK_TYPES:
                found = current.objid
                break
            current = node.get("P")
        for objid in walked:
            self._blocks[objid] = found
        return found


class PageMarks:
    """The structure elements of one page's marked contents (:class:`~.model.Marks`), read from
    the document's tree at the first question and kept."""

    __slots__ = ("_blocks", "_key", "_structure")

    def __init__(self, structure: DocumentStructure, struct_parents: Any) -> None:
        self._structure = structure
        self._key = struct_parents
        self._blocks: dict[int, int] | None = None

    def blocks(self) -> dict[int, int]:
        """Every MCID of the page that leads to a paragraph-like element, with that element."""
        if self._blocks is None:
            self._blocks = self._structure.page_blocks(self._key)
        return self._blocks

    def block(self, mcid: int) -> int:
        """The paragraph-like element of marked content ``mcid``, or UNKNOWN_BLOCK."""
        return self.blocks().get(mcid, UNKNOWN_BLOCK)

    def crosses_pages(self) -> bool:
        """Whether the document keeps an element whole across a page break
        (:meth:`DocumentStructure.crosses_pages`)."""
        return self._structure.crosses_pages()


def _number_tree(node: Any) -> Iterator[tuple[int, Any]]:
    """(key, value) of a number tree's leaves, bounded in nodes, depth and entries; a node seen
    before (a cycle) is skipped."""
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(node, 0)]
    nodes = entries = 0
    while stack and nodes < _MAX_TREE_NODES:
        ref, depth = stack.pop()
        if isinstance(ref, PDFObjRef):
            if ref.objid in seen:
                continue
            seen.add(ref.objid)
        current = _resolve(ref)
        if not isinstance(current, dict):
            continue
        nodes += 1
        nums = _resolve(current.get("Nums"))
        if isinstance(nums, list):
            for index in range(0, len(nums) - 1, 2):
                key = _resolve(nums[index])
                if isinstance(key, int) and not isinstance(key, bool):
                    yield key, nums[index + 1]
                    entries += 1
                    if entries >= _MAX_ENTRIES:
                        return
        kids = _resolve(current.get("Kids"))
        if isinstance(kids, list) and depth < _MAX_TREE_DEPTH:
            # Reversed: the stack pops the first kid first, so earlier keys come first.
            stack.extend((kid, depth + 1) for kid in reversed(kids[:_MAX_TREE_NODES]))
