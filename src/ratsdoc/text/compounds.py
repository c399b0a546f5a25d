"""German compounds: splitting a word such as "Haushaltsmittel" into known parts.

German writes a compound as one word ("Bezirksvertretung", "Radwegeplanung"), which no word
list holds in full. :func:`split_compound` finds the parts of such a word by the rules its
caller passes: which words count as a whole part, which may lead a compound, how short a part
may be and how many parts there may be. A part that leads often ends in a linking element
(Fugenelement: "Haushalt|s|mittel", "Bund|es|land"); :func:`stems` gives a leading part's
readings with it dropped. The module knows no word list and holds no state: the word list and
its rules belong to the callers (:mod:`ratsdoc.ocr.lexicon`, :mod:`ratsdoc.extract.ocr_spelling`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: A test of one part of a compound (lower case, as the caller folded it).
PartTest = Callable[[str], bool]


def split_compound(
    word: str, is_whole: PartTest, is_head: PartTest, *, min_part: int, max_parts: int
) -> tuple[str, ...] | None:
    """The parts of ``word`` as a compound, or None when it is none.

    ``word`` is one part when ``is_whole`` accepts it. Otherwise it is split into a leading part
    that ``is_head`` accepts and a rest that is a compound of one part fewer, each part of
    ``min_part`` letters or more and ``max_parts`` parts at most (``max_parts`` below 2 allows
    no split). The shortest leading part that leaves a compound wins: German puts the deciding
    part last, and a short head keeps the search shallow. The parts joined give ``word`` again.
    """
    if is_whole(word):
        return (word,)
    if max_parts < 2:
        return None
    for cut in range(min_part, len(word) - min_part + 1):
        head = word[:cut]
        if not is_head(head):
            continue
        rest = split_compound(word[cut:], is_whole, is_head, min_part=min_part, max_parts=max_parts - 1)
        if rest is not None:
            return (head, *rest)
    return None


def stems(head: str, links: Sequence[str], min_stem: int = 1) -> list[str]:
    """``head`` itself, then ``head`` without each linking element of ``links`` it ends in
    ("haushalts" → "haushalt"), where that leaves ``min_stem`` letters or more; an empty
    element drops nothing and gives no reading."""
    # A list, not a generator: heads are tested by the thousand while a scan's words are judged.
    found = [head]
    for link in links:
        if link and head.endswith(link) and len(head) - len(link) >= min_stem:
            found.append(head[: -len(link)])
    return found
