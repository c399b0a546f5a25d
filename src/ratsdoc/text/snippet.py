"""Search snippets: the passage of the original text around a hit, with the matched words marked.

Matching runs on the folded text (:mod:`ratsdoc.text.folding`), as the search index does, and
the offsets map back to the original, so "Strasse" marks "Straße" where the document says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .folding import fold, fold_with_offsets

_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
#: A token as FTS5's unicode61 tokenizer sees one: letters and digits (the underscore separates).
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Snippet:
    """An excerpt of a text and the spans (start, end) of the matched words within it."""

    text: str
    marks: tuple[tuple[int, int], ...]

    def marked(self, start: str = "**", end: str = "**") -> str:
        """The excerpt with each match between ``start`` and ``end``."""
        out: list[str] = []
        position = 0
        for left, right in self.marks:
            out.extend((self.text[position:left], start, self.text[left:right], end))
            position = right
        out.append(self.text[position:])
        return "".join(out)


def query_terms(query: str) -> list[str]:
    """The folded words of a search query (FTS5 operators and syntax left out), longest first."""
    words = {fold(token) for token in _TOKEN.findall(query) if token not in _OPERATORS}
    return sorted((w for w in words if w), key=lambda w: (-len(w), w))


def find_matches(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` (original offsets) where a word starts with one of the folded ``terms``."""
    if not terms:
        return []
    folded, origin = fold_with_offsets(text)
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(term) for term in terms) + ")")
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        if match.end() > match.start():
            span = (origin[match.start()], origin[match.end() - 1] + 1)
            if not spans or span[0] >= spans[-1][1]:
                spans.append(span)
    return spans


def make_snippet(text: str, terms: list[str], *, width: int = 160) -> Snippet | None:
    """About ``width`` characters of ``text`` around its first match (None without a match).

    The cut falls on spaces where it can, and line breaks become spaces, so the snippet is one
    line; offsets of the marks are into the returned excerpt.
    """
    spans = find_matches(text, terms)
    if not spans:
        return None
    first = spans[0][0]
    start = max(0, min(first - width // 3, len(text) - width))  # a short text is shown whole
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space < end + 20 else end
    excerpt = "".join(" " if ch.isspace() else ch for ch in text[start:end])
    marks = tuple((max(left, start) - start, min(right, end) - start) for left, right in spans if left < end)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return Snippet(prefix + excerpt + suffix, tuple((a + shift, b + shift) for a, b in marks if b > a))
