"""Marks that OCR read as words: a logo's disc, a stamp's frame or a pen stroke beside a line
comes out of Tesseract as a short "word" ("m", "Ba", "N") read with almost no confidence, whose
letters are far wider than the page's print. Left in, it ends a title or a sender's line
("... nach dem Beschluss vom m"); the extractors read the layout without them. A speck read as
a full stop between two words of a title ("einschließlich . der Planung") is taken out of the
cover's text fields (:func:`tidy_ocr_values`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

import regex

from ..layout.lines import Line, Token
from ..models import ResolutionItem
from ..ocr.confidence import OcrDoubt
from ..ocr.lexicon import is_german_word, lexicon
from ..regions import Layout
from ..text.snapper import LABELS
from .context import Context
from .generic.vocabulary import reader_vocabulary

#: A blob is read with less confidence than this (0..100); print, even misread, reads higher.
BLOB_CONFIDENCE = 40.0
#: ... has at most this many characters ...
BLOB_CHARS = 3
#: ... and letters wider than this many times the page's median letter width (print's widest
#: letters, "m" and "W", are under twice the median; the generated scans' blobs were 2.6-7 times).
BLOB_WIDTH = 2.2
#: A word read lower than this share of the page's median word height is a speck (print in
#: the smallest type of a letter's foot is still half as high as its text).
SPECK_HEIGHT = 0.3
#: Words of at least this many letters give the page's letter width.
_MEASURE_CHARS = 3


def _letter_widths(lines: Sequence[Line]) -> dict[int, float]:
    """The median letter width of each page, over its longer words."""
    widths: dict[int, list[float]] = {}
    for line in lines:
        for token in line.words:
            if len(token.text) >= _MEASURE_CHARS:
                widths.setdefault(line.page, []).append((token.x1 - token.x0) / len(token.text))
    return {page: median(values) for page, values in widths.items()}


def _word_heights(lines: Sequence[Line]) -> dict[int, float]:
    """The median height of each page's words."""
    heights: dict[int, list[float]] = {}
    for line in lines:
        for token in line.words:
            heights.setdefault(line.page, []).append(token.bottom - token.top)
    return {page: median(values) for page, values in heights.items()}


def is_blob(word: OcrDoubt, letter_width: float, word_height: float | None = None) -> bool:
    """Whether ``word`` is a mark read as a word (see the module's docstring), or a speck read
    as one: read with little confidence and far flatter than the page's words (``word_height``,
    their median), as dust or a punch hole's edge in a scan's margin ("uuoa", 2 pt high)."""
    text = word.text.strip()
    if word.confidence >= BLOB_CONFIDENCE or not text:
        return False
    if word_height is not None and word.bottom - word.top < SPECK_HEIGHT * word_height:
        return True
    return len(text) <= BLOB_CHARS and (word.x1 - word.x0) / len(text) > BLOB_WIDTH * letter_width


def read_as(token: Token, word: OcrDoubt) -> bool:
    """Whether ``token`` is what OCR read as ``word`` (same text, same left edge, inside its band)."""
    middle = (word.top + word.bottom) / 2
    return (
        token.text == word.text.strip()
        and abs(token.x0 - word.x0) < 1.0
        and token.top - 2.0 <= middle <= token.bottom + 2.0
    )


def without_blobs(layout: Layout) -> Layout:
    """``layout`` without the tokens OCR read from marks (:func:`is_blob`); the layout itself
    when it has none. Lines left without words are dropped."""
    if not layout.ocr_doubts:
        return layout
    widths = _letter_widths(layout.lines)
    heights = _word_heights(layout.lines)
    blobs: dict[int, list[OcrDoubt]] = {}
    for word in layout.ocr_doubts:
        if word.page in widths and is_blob(word, widths[word.page], heights.get(word.page)):
            blobs.setdefault(word.page, []).append(word)
    if not blobs:
        return layout
    lines: list[Line] = []
    for line in layout.lines:
        marks = blobs.get(line.page, [])
        kept = [t for t in line.tokens if not (t.box is None and any(read_as(t, word) for word in marks))]
        if len(kept) == len(line.tokens):
            lines.append(line)
        elif any(t.box is None and not t.bullet for t in kept):
            lines.append(Line(line.page, kept, line.furniture))
    return replace(layout, lines=lines)


#: A mark read in a scan's margin: at most three characters, no two letters in a row ("5)",
#: "+", "4", "©"; a punch hole's edge or a pen's stroke).
_MARGIN_MARK = regex.compile(r"^(?!.*\p{L}{2})\S{1,3}$")
#: ... starting this many of the page's word heights left of the text's left edge: punch holes sit
#: in the paper's first 20 mm, the text starts at 20-25 mm, a hanging list number one or two
#: ems left of its text.
_MARGIN_HEIGHTS = 3.0
#: Lines of at least this many words give the text's left edge.
_EDGE_WORDS = 4


def _left_edges(lines: Sequence[Line], pages: set[int]) -> dict[int, float]:
    """The text's left edge on each of ``pages``: the lower quartile of where its longer lines start."""
    starts: dict[int, list[float]] = {}
    for line in lines:
        if line.page in pages and len(line.words) >= _EDGE_WORDS:
            starts.setdefault(line.page, []).append(line.x0)
    return {page: sorted(xs)[len(xs) // 4] for page, xs in starts.items() if len(xs) >= _EDGE_WORDS}


def _margin_mark(token: Token) -> bool:
    return token.box is None and not token.bullet and bool(_MARGIN_MARK.match(token.text))


def without_margin_marks(layout: Layout) -> Layout:
    """``layout`` without what OCR read from punch holes and pen strokes in a scan's left margin
    at the start of a line ("5) Fraktion DIE LINKE ...", "+ 4 SPD-Fraktion"): short tokens
    without a word, standing well left of the text's left edge; the layout itself when it has
    none. Lines left without words are dropped."""
    edges = _left_edges(layout.lines, set(layout.ocr_pages))
    if not edges:
        return layout
    heights = _word_heights(layout.lines)
    lines: list[Line] = []
    changed = False
    for line in layout.lines:
        edge = edges.get(line.page)
        tokens = list(line.tokens)
        height = heights.get(line.page, 10.0)
        if edge is not None and tokens and tokens[0].x0 < edge - _MARGIN_HEIGHTS * height:
            # The first mark starts far out in the margin: it goes, and the marks after it that
            # start in the margin too ("+ 4 SPD-Fraktion").
            # A box that reaches past the text's edge is a word a speck in the margin joined
            # ("10" from the margin to the list's numbers): it stays.
            while tokens and _margin_mark(tokens[0]) and tokens[0].x0 < edge - height and tokens[0].x1 <= edge:
                tokens.pop(0)
        kept = with_tokens(line, tokens)
        changed = changed or kept is not line
        if kept is not None:
            lines.append(kept)
    return replace(layout, lines=lines) if changed else layout


def with_tokens(line: Line, tokens: list[Token]) -> Line | None:
    """``line`` when ``tokens`` are all of its tokens, else a line of ``tokens`` alone, or None
    when no word is left among them (boxes and bullets alone are no line of text)."""
    if len(tokens) == len(line.tokens):
        return line
    if any(t.box is None and not t.bullet for t in tokens):
        return Line(line.page, tokens, line.furniture)
    return None


#: Punctuation standing alone between words, as OCR reads a speck, a sign standing alone
#: anywhere, as OCR reads a logo ("© Fraktion ..."), and a dash or a word of signs no text ends
#: with standing alone at the end, as OCR reads a pen's stroke or a stamp's edge after the line
#: ("... des Ortsteilrates Altstadt -", "... Bezirksvertretung Süd =)"; "5 %" and "€)" stay).
_LONE_MARK = regex.compile(
    r"(?<=\s)[.,;:'‘’`´·]+(?=\s|$)|(?:^|(?<=\s))[©®°™]+(?=\s|$)"
    r"|(?<=\s)(?:[-–—~_]+|[()\[\]]*[=~_|^*#<>+][=~_|^*#<>+()\[\]]*)$"
)
#: Letters German does not write that OCR reads for its own: the dotless "ı" for "i" in a title
#: ("Ortsteılrates"; a name in the sender may be Turkish).
_FOREIGN_LETTERS = str.maketrans({"ı": "i"})
#: A backslash OCR read for the space between two words ("AfD-Fraktion\im Stadtrat"); German
#: text never writes one.
_BACKSLASH = regex.compile(r"\s*\\\s*")
#: The cover's text fields, where a word of punctuation is never meant.
TEXT_FIELDS = ("title", "originator", "faction", "body")
#: A speck read as a full stop between the words of a title or a sender, no space after it ("in
#: der.Nordhäuser Straße"): a word in small letters before, a capitalised word after (an
#: abbreviation's stop "z.B." or a web address "stadt.de" has no capital after it).
_GLUED_STOP = regex.compile(r"(?<=(?<!\S)\p{Ll}{2,})\.(?=\p{Lu}\p{Ll}{2,})")
#: A speck read as a quote glued to the end of a sender's name ("im Stadtrat Fürth‘"): a name
#: opens no quotation it could close.
_TRAILING_QUOTE = regex.compile(r"(?<=\p{L})[‘’'`´]+$")
#: The sender's and the body's fields, whose long words name bodies ("Bezirksvertretung").
SENDER_FIELDS = ("originator", "faction", "body")
#: Words of a body's name this long or longer are set right when OCR misread one letter of them
#: (a place name is never one letter from "Bezirksvertretung" or "Gemeinderat").
_BODY_WORD = 8
_WORD_PART = regex.compile(r"\p{L}+")


def body_words(bodies: Sequence[str]) -> frozenset[str]:
    """The long words of the vocabulary's bodies ("Bezirksvertretung", "Gemeinderat") and "Fraktion"."""
    words = {word for body in bodies for word in body.split() if len(word) >= _BODY_WORD}
    return frozenset({*words, "Fraktion"})


def with_body_words(text: str, words: frozenset[str]) -> str:
    """``text`` with every word that is one of ``words`` but for one misread letter set right
    ("Bezirksyertretung" → "Bezirksvertretung", "SPD-Fraktlon" → "SPD-Fraktion")."""

    def mend(match: regex.Match[str]) -> str:
        word = match.group()
        if len(word) < _BODY_WORD or word in words:
            return word
        snapped = LABELS.snap(word, words, limit=1)
        # An inflected form ("des Stadtrats") is no misreading.
        return snapped if snapped is not None and not word.startswith(snapped) else word

    return _WORD_PART.sub(mend, text)


def without_lone_marks(text: str) -> str:
    """``text`` without punctuation that stands alone between words (OCR's specks)."""
    return " ".join(_LONE_MARK.sub(" ", text).split())


#: How OCR reads the digit one as an item's number on a small page ("l.", "I)").
_ONE_MISREAD = frozenset({"l", "I", "|"})


def first_item_numbered(items: list[ResolutionItem]) -> list[ResolutionItem]:
    """``items`` with a first item's number "1" that OCR read as a letter ("l", "I") set right,
    where no second item or a second numbered "2" follows (a lettered list starts at "a")."""
    if not items or items[0].number not in _ONE_MISREAD or (len(items) > 1 and items[1].number != "2"):
        return items
    return [items[0].model_copy(update={"number": "1"}), *items[1:]]


def tidy_ocr_values(ctx: Context) -> None:
    """Take specks read as punctuation out of the cover's text fields read on OCRed pages, set
    right a body's word in the sender and the body that OCR misread by one letter, and a first
    item's number one read as a letter."""
    ocr_pages = set(ctx.layout.ocr_pages)
    items = ctx.fields.values.get("resolution_proposal")
    where_items = ctx.fields.provenance.get("resolution_proposal") or []
    if isinstance(items, list) and any(p.page in ocr_pages for p in where_items):
        ctx.fields.values["resolution_proposal"] = first_item_numbered(items)
    bodies = body_words(reader_vocabulary().bodies)
    for name in TEXT_FIELDS:
        value = ctx.fields.values.get(name)
        where = ctx.fields.provenance.get(name) or []
        if isinstance(value, str) and any(p.page in ocr_pages for p in where):
            if name == "title":
                value = without_title_specks(_GLUED_STOP.sub(" ", value.translate(_FOREIGN_LETTERS)))
            elif name in SENDER_FIELDS:
                value = with_body_words(_GLUED_STOP.sub(" ", _TRAILING_QUOTE.sub("", value)), bodies)
            value = _BACKSLASH.sub(" ", value).strip()
            ctx.fields.values[name] = without_lone_marks(value) or value


#: A full stop after a noun or a year, before a word in small letters ("nach dem Beschluss. vom",
#: "im Haushaltsjahr 2027. und"): a title ends no sentence in its middle. Abbreviations
#: ("einschl. der", "Str. und") are short or no noun; the noun is checked against the word list.
_STOP_BEFORE_SMALL = regex.compile(r"(?<!\S)(?P<word>\p{Lu}\p{Ll}{5,}|\d{4})\.(?=\s\p{Ll}{2,}\b)")
#: A colon or semicolon between a word and a number without a space ("Haushaltsjahr:2027").
_SIGN_BEFORE_NUMBER = regex.compile(r"(?<=\p{Ll}{3})[:;](?=\d)")
#: Quotes glued to a word: opening ones before it, closing ones after it.
_OPENING_QUOTE = regex.compile(r"(?<!\S)[‚„](?=\p{L})")
_CLOSING_QUOTE = regex.compile(r"(?<=\p{L})[”“‘’](?=\s|$)")
_QUOTES = regex.compile(r"[‚„”“‘’\"]")
#: A lone small letter after a word at a title's end: no title ends so, a stamp's or a pen's
#: letter does (after a number it is part of it: "Bebauungsplan Nr. 12 a").
_LONE_LETTER_END = regex.compile(r"(?<=\p{L}{2})\s\p{Ll}$")


def without_title_specks(text: str) -> str:
    """A title read by OCR without the specks read as signs inside it: a full stop after a noun
    or a year before a word in small letters, a colon glued between a word and a number, a lone
    small letter at its end (a mark's), and a quote glued to a word that no other quote pairs
    with ("eine ‚Regenrückhaltebecken nach", "für die” Brunnenanlage")."""
    words = lexicon()

    def stop(match: regex.Match[str]) -> str:
        word = match.group("word")
        noun = word.isdigit() or (words is not None and is_german_word(word, words))
        return word if noun else match.group()

    text = _SIGN_BEFORE_NUMBER.sub(" ", _STOP_BEFORE_SMALL.sub(stop, _LONE_LETTER_END.sub("", text)))
    if len(_QUOTES.findall(text)) == 1:
        text = _CLOSING_QUOTE.sub("", _OPENING_QUOTE.sub("", text))
    return text
