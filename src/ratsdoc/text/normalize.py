"""Pure text normalisation: ligatures, umlauts, spaces, hyphenation and ``(cid:NN)`` glyphs."""

from __future__ import annotations

import unicodedata

import regex

#: Latin ligatures (U+FB00–U+FB06) are split into their letters; nothing else is NFKC-folded
#: because NFKC would also rewrite symbols (→, ☐) that later stages look at.
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_SPACES = regex.compile(r"[\p{Zs}\t]+")
_INVISIBLE = regex.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CID = regex.compile(r"\(cid:\d+\)")
#: Icons of symbol fonts: private-use glyphs, and glyphs without a Unicode mapping, which a
#: symbol font's icons often are (a calendar, a clock and a house before the date, time and
#: place of Erlangen's invitations: Wingdings glyphs read as "(cid:1)"). They are no text.
ICONS = regex.compile(r"\p{Co}|\(cid:\d+\)")
#: Words after a line-end hyphen that show the hyphen is a suspended compound ("Rad- und Fußweg").
_CONJUNCTIONS = frozenset({"und", "oder", "bzw.", "bzw", "sowie", "als", "wie", "noch", "&", "u."})
#: Spacing diaeresis/accents that broken encoders emit beside the letter instead of combining.
_SPACING_MARKS = {"\u00a8": "\u0308", "\u00b4": "\u0301", "`": "\u0300"}
_SPACING_MARK_BEFORE = regex.compile(r"([\u00a8])\s?([AaOoUu])")
#: A whole adjective before a line-end hyphen: a word of its own ending in -lich or -isch.
_ADJECTIVE_PART = regex.compile(r"(?:^|[^\p{L}])\p{L}{2,}(?:lich|isch)-$")
#: An inflected adjective after it: -lich, -isch, -ig, -bar, ... with an ending.
_ADJECTIVE_NEXT = regex.compile(r"^\p{Ll}{3,}(?:lich|isch|ig|bar|sam|al|iv|ell|är)(?:e|en|er|es|em)?\W*$")


def normalize_text(text: str) -> str:
    """Canonical form of extracted text: NFC, ligatures split, invisible marks dropped, spaces folded."""
    if not text:
        return text
    text = "".join(_LIGATURES.get(ch, ch) for ch in text)
    # Invisible marks go and spaces fold *before* a spacing diaeresis is joined to its letter:
    # otherwise "¨\u00adA" or "¨  a" would only become "Ä"/"ä" on a second pass, and the
    # result would not be idempotent.
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    text = _SPACING_MARK_BEFORE.sub(lambda m: m.group(2) + _SPACING_MARKS[m.group(1)], text)
    return unicodedata.normalize("NFC", text).strip()


def count_cid_glyphs(text: str) -> int:
    """How many unmapped ``(cid:NN)`` glyphs a text holds (fonts without a ToUnicode map)."""
    return len(_CID.findall(text))


def strip_cid_glyphs(text: str) -> str:
    """Remove ``(cid:NN)`` placeholders; their meaning is unknown."""
    return _CID.sub("", text)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with single spaces, undoing line-end hyphenation.

    "Bau-" + "maßnahme" → "Baumaßnahme"; "Rad-" + "und Fußweg" → "Rad- und Fußweg";
    "Walter-" + "Rosenheimer" → "Walter-Rosenheimer" (a capital after the break keeps the hyphen,
    as in German compounds with names or abbreviations).
    """
    result = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not result:
            result = line
            continue
        first_word, _, rest = line.partition(" ")
        joined = join_at_break(result, first_word)
        result = f"{result} {line}" if joined is None else f"{joined} {rest}".rstrip()
    return result


def join_at_break(before: str, after: str) -> str | None:
    """``before`` (a text or the word that ends a line) joined with ``after``, the first word of
    the next line, when the line break falls inside a word; None when the two stay apart.

    The one rule for line-end hyphens, used wherever lines are joined (:func:`join_lines`, the
    running text, a scan's OCR lines): a lower-case word after a hyphen continues the word and
    the hyphen goes ("Verwal-" + "tung" → "Verwaltung"); a capital keeps it, as in compounds
    with names, abbreviations and nouns ("Kita-" + "Ausbau" → "Kita-Ausbau"); a conjunction
    shows a suspended compound ("Ein-" + "und" stays apart), and so do two whole adjectives
    ("öffentlich-" + "rechtlichen" → "öffentlich-rechtlichen", hyphen kept).
    """
    if len(before) < 2 or not before.endswith("-") or not before[-2].isalpha() or not after:
        return None
    if after.lower() in _CONJUNCTIONS or after.startswith(","):
        return None
    if after[:1].islower() and not _coordinate_adjectives(before, after):
        return before[:-1] + after
    return before + after


def _coordinate_adjectives(before: str, after: str) -> bool:
    """Whether a line-end hyphen joins two whole adjectives ("öffentlich-" + "rechtlichen",
    "wissenschaftlich-" + "technische"): such pairs are written with a hyphen (Duden, rule on
    coordinating compounds, "deutsch-französisch"), and a word divided by hyphenation never
    ends in -lich or -isch before a part that is an adjective itself ("Öffentlich-" + "keit"
    is not one; closed compounds take the stem, "sozialpolitisch", not the -lich form)."""
    return bool(_ADJECTIVE_PART.search(before) and _ADJECTIVE_NEXT.match(after))


def fold_for_match(text: str) -> str:
    """Lower-case text with umlauts and ß spelled out, for label comparison only."""
    text = normalize_text(text).casefold()
    return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
