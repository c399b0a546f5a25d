"""Fonts whose text layer cannot be read on a born-digital page, and their text read back.

A PDF from an old print driver, PDFCreator/Ghostscript or an office export may have fonts
without a /ToUnicode map or with a wrong one: the page looks perfect, but the glyphs extract as
"(cid:12)", as control characters where the umlauts were ("F\\x01rth"), shifted by a constant
("Bqusbh" for "Antrag"), in a consistent substitution of letters, in private-use code points or
as symbols. Often only some fonts of a page are broken (the bold headings, or the body).

**Judged per font of a page** (:func:`unreadable_fonts`), cheaply, for every page with a text
layer, so that good pages cost next to nothing and the word list (two seconds to load) is never
read for them:

- *unmapped glyphs*: "(cid:NN)", control, private-use or replacement characters inside words (a
  lone one is an icon or a bullet of a symbol font: Wingdings, OpenSymbol). When they are a
  quarter of the font's glyphs or more, the whole font is unreadable; fewer, and only the words
  that hold them are (:attr:`FontVerdict.whole` False).
- *no German letter pairs*: the share of a font's letter pairs that are among German's most
  common pairs (:data:`COMMON_PAIRS`; "en", "er", "ch", ...). German text of any kind — running
  text, headings, labels, names — scores 0.3 or more (0.31 at the lowest over 1,964 fonts of the
  fixtures, the real corpus's development half and the generated sets); a shift or substitution
  scores under 0.25. With the word list installed, a font scored that low must also have few
  German words (:data:`MAX_KNOWN`) to be judged unreadable.
- *symbols*: most glyphs neither letters, digits nor punctuation.

**Read back** (:func:`read_fonts`): the words of the unreadable fonts are read by OCR from the
page's image, masked to those words. The mapping of a font is wrong but consistent, so each
glyph code is given the letter OCR read at its place wherever the counts agree, and the letter
most of its readings give becomes the code's text (:func:`learn_codes`): every glyph of the font
is then decoded, also in words OCR misread, with the glyph's own box, font and size (a bold
heading stays bold). A word with a code no reading decoded takes OCR's word as read, or is left
out when OCR read nothing there. A font whose learnt mapping mostly agrees with its own text was
readable after all: it is kept as it was.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

import regex

from .lexicon import is_german_word, lexicon

if TYPE_CHECKING:
    from PIL import Image

    from ..layout.model import Box, Char, Page
    from .engine import OcrBackend, OcrWord

#: The 60 most common letter pairs of German council text (the fixtures' and the real corpus's
#: development half, lower case).
COMMON_PAIRS = frozenset(
    [
        "ac",
        "ad",
        "al",
        "an",
        "ar",
        "at",
        "au",
        "ba",
        "be",
        "ch",
        "de",
        "di",
        "dt",
        "ei",
        "el",
        "en",
        "er",
        "es",
        "et",
        "ge",
        "ha",
        "he",
        "hr",
        "ic",
        "ie",
        "in",
        "is",
        "it",
        "la",
        "le",
        "li",
        "ll",
        "lt",
        "me",
        "na",
        "nd",
        "ne",
        "ng",
        "nt",
        "on",
        "or",
        "ra",
        "rd",
        "re",
        "rt",
        "sc",
        "se",
        "si",
        "ss",
        "st",
        "ta",
        "te",
        "ti",
        "tr",
        "un",
        "us",
        "ve",
        "vo",
        "we",
        "zu",
    ]
)
#: German's six commonest letter pairs: where they make :data:`QUICK_SHARE` of a font's chars,
#: it is German text, and nothing more is looked at (the common page, at next to no cost).
_QUICK_PAIRS = ("en", "er", "ch", "ei", "ie", "de")
QUICK_SHARE = 0.06
#: A font with at least this many letter pairs is judged by them...
MIN_PAIRS = 12
#: ... and unreadable when under this share of them are common German pairs.
POOR_PAIRS = 0.25
#: A font with fewer pairs (a short heading) is judged only from :data:`FEW_PAIRS`, and then
#: by the stricter :data:`FEW_POOR`.
FEW_PAIRS, FEW_POOR = 8, 0.15
#: Beside a font that cannot be read, a font is judged from this many pairs.
SUSPECT_PAIRS = 4
#: With the word list: a font scored poor by its pairs is unreadable only when at most this
#: share of its words of three letters or more are German words...
MAX_KNOWN = 0.3
#: ... of at least this many (two or three chance words, "zäh", say nothing).
MIN_RUNS = 4
#: Unmapped glyphs (inside words) that make the whole font unreadable: this share of its glyphs
#: and at least :data:`MIN_UNMAPPED` of them.
UNMAPPED_SHARE, MIN_UNMAPPED = 0.25, 3
#: Symbols (no letter, digit, space or punctuation) inside words that make a font of at least
#: :data:`MIN_SYMBOL_GLYPHS` glyphs unreadable.
SYMBOL_SHARE, MIN_SYMBOL_GLYPHS = 0.3, 12
#: A learnt mapping that gives the font's own text for this share of its codes or more shows a
#: readable font: it is kept.
AGREEING = 0.8
#: A code's letter needs this share of the code's readings.
MAJORITY = 0.5
#: Chars of a font's text on a page looked at for unmapped glyphs, and for its letter pairs and
#: symbols (a few hundred pairs say as much as thousands, and a long body font costs no more).
JUDGED, SAMPLED = 4000, 800
#: A glyph no read word's box holds belongs to the nearest read word this many font sizes away.
NEAR = 0.35
#: A gap between glyphs this many font sizes wide is a word space.
WORD_GAP = 0.15
#: A pixel this dark is ink (0 black, 255 paper).
INK = 128
#: Room around a word's glyph boxes in the image OCR reads, in font sizes.
PAD = 0.25
#: Fonts of icons and bullets, whose glyphs have no text to read.
_SYMBOL_FONT = regex.compile(r"(?i)wingdings|webdings|dingbat|symbol")

_TEXT = attrgetter("text")
_FONT = attrgetter("fontname")
#: A glyph without a usable mapping: pdfminer's placeholder, control, private-use, surrogate or
#: replacement characters.
_UNMAPPED = re.compile("\\(cid:\\d+\\)|[\x00-\x1f\x7f-\x9f\ud800-\uf8ff\ufffd\U000f0000-\U0010ffff]")
#: What separates words in a layer. Not every character Python calls a space: a wrong map
#: gives glyphs control characters such as U+001C–U+001F, which ``str.isspace`` counts.
_SPACES = " \u00a0"
_SPLIT = regex.compile(r"[ \u00a0]+")
_CID = regex.compile(r"\(cid:\d+\)")
_CID_NUMBER = regex.compile(r"\(cid:(\d+)\)")
#: What OCR reads in place of a character: a code whose reading another code already holds
#: takes the character it stands for.
_MISREAD = {
    # A list bullet read as a letter or a sign (ocr/words.py).
    "e": ("•",),
    "o": ("•",),
    "«": ("•",),
    "*": ("•",),
    ".": ("•",),
    "8": ("§",),
    "$": ("§",),
    "-": ("–",),
    "l": ("I",),
    "I": ("l",),
    "|": ("I", "l"),
    "0": ("O",),
    "O": ("0",),
    "1": ("l", "I"),
}
#: What OCR reads in place of a sign that is rarer than the sign (a bullet's "«"): the sign first.
_PREFER = {"«": ("•",), "$": ("§",)}
_LETTER_RUNS = re.compile(r"[^\W\d_]{2,}")
_WORDS = regex.compile(r"\p{L}{3,}")
#: Signs a text is made of besides letters and digits.
_PLAIN_SET = r"\p{L}\p{N}\s.,;:!?\-–—/()\[\]\"'„“”‚‘’«»%€$§&+*=@#_|<>°•·…"
_PLAIN = regex.compile(rf"[{_PLAIN_SET}]")
_NOT_PLAIN = regex.compile(rf"[^{_PLAIN_SET}]")


@dataclass(frozen=True, slots=True)
class FontVerdict:
    """Why a font's text on a page cannot be read, and whether all of it or some words only."""

    reason: str
    #: All its words (True) or only the words that hold an unmapped glyph (False).
    whole: bool
    #: A few of its words as the layer gives them, for the warning.
    sample: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    """The words of ``text``, split at spaces only (see :data:`_SPACES`)."""
    return [word for word in _SPLIT.split(text) if word]


def _is_unmapped(text: str) -> bool:
    return _UNMAPPED.fullmatch(text) is not None


def _pairs_score(text: str) -> tuple[int, float]:
    """The letter pairs of ``text`` and the share of them that are common in German."""
    lower = _CID.sub(" ", text).lower()
    runs = _LETTER_RUNS.findall(lower)
    pairs = sum(map(len, runs)) - len(runs)
    # Every pair of neighbouring chars counted in C; a common pair is two letters, so it never
    # spans two runs.
    counted = Counter(map(operator.add, lower, lower[1:]))
    common = sum(counted[pair] for pair in COMMON_PAIRS)
    return pairs, (min(common, pairs) / pairs if pairs else 1.0)


def _few_german_words(text: str) -> bool:
    """Whether at most :data:`MAX_KNOWN` of ``text``'s words are German (True without a word list)."""
    words = lexicon()
    if words is None:
        return True
    runs = list(dict.fromkeys(_WORDS.findall(_CID.sub(" ", text))))[:40]
    if len(runs) < MIN_RUNS:
        return True  # two or three chance words ("zäh") say nothing
    known = sum(is_german_word(run, words) for run in runs)
    return known <= MAX_KNOWN * len(runs)


def _sample(text: str) -> tuple[str, ...]:
    """Two words of ``text`` for a warning, a sign in place of what cannot be printed."""
    words = tuple(word for word in _words(text) if len(word) > 2)[:2] or (text.strip(_SPACES),)
    return tuple("".join(ch if ch.isprintable() else "\ufffd" for ch in word[:24]) for word in words)


def _symbols(text: str) -> int:
    """Glyphs of ``text`` that are no letter, digit or punctuation, inside words (a lone one is a
    checkbox or an icon: "☐ ☒")."""
    return sum(sum(_PLAIN.match(g) is None for g in word) for word in _words(text) if len(word) > 1)


def judge_font(text: str) -> FontVerdict | None:
    """Whether the text of one font on a page, ``text`` (its chars' texts joined, the runs
    apart by a space), is unreadable (see the module docstring); None when it reads."""
    # The first :data:`JUDGED` chars say enough, and keep the cost of a long body font bounded.
    text = text[:JUDGED]
    glyphs = len(text) - text.count(" ") - text.count("\u00a0")
    if "(cid:" in text:
        glyphs -= sum(len(cid) - 1 for cid in _CID.findall(text))
    if glyphs <= 0:
        return None
    # Unmapped glyphs count inside words only: one standing alone is an icon or a bullet.
    unmapped = 0
    if _UNMAPPED.search(text):
        for word in _words(text):
            rest = _CID.sub("", word)
            cids = (len(word) - len(rest)) and len(_CID.findall(word))
            if cids + len(rest) > 1:
                unmapped += cids + sum(map(_is_unmapped, rest))
    if unmapped >= MIN_UNMAPPED and unmapped >= UNMAPPED_SHARE * glyphs:
        kind = "glyphs with no Unicode mapping" if "(cid:" in text else "glyphs mapped to no text"
        return FontVerdict(kind, True, _sample(text))
    sample = text[:SAMPLED]
    lower = sample.lower()
    if sum(map(lower.count, _QUICK_PAIRS)) >= QUICK_SHARE * len(sample):
        # Running German text, at once: its six commonest pairs alone are a tenth of its chars.
        return FontVerdict("glyphs with no Unicode mapping inside words", False, _sample(text)) if unmapped else None
    pairs, score = _pairs_score(sample)
    poor = (pairs >= MIN_PAIRS and score < POOR_PAIRS) or (FEW_PAIRS <= pairs < MIN_PAIRS and score < FEW_POOR)
    if poor and _few_german_words(text):
        return FontVerdict("a wrong mapping: no German words", True, _sample(text))
    few = min(glyphs, len(sample))
    if (
        few >= MIN_SYMBOL_GLYPHS
        and len(_NOT_PLAIN.findall(sample)) >= SYMBOL_SHARE * few
        and _symbols(sample) >= SYMBOL_SHARE * few
    ):
        return FontVerdict("a wrong mapping: symbols instead of letters", True, _sample(text))
    if unmapped:
        # A mapping that misses a few glyphs (the umlauts of a subset font): only their words.
        return FontVerdict("glyphs with no Unicode mapping inside words", False, _sample(text))
    return None


def font_texts(page: Page) -> dict[str, str]:
    """The text of each font of ``page``: its chars' texts in order, runs apart by a space."""
    parts: dict[str, list[str]] = defaultdict(list)
    # groupby and map run in C: this runs over every char of every page.
    for font, group in itertools.groupby(page.chars, _FONT):
        parts[font].append("".join(map(_TEXT, group)))
    return {font: " ".join(texts) for font, texts in parts.items()}


def unreadable_fonts(page: Page, before: dict[str, FontVerdict] | None = None) -> dict[str, FontVerdict]:
    """The fonts of ``page`` whose text cannot be read from the layer, with the reason.

    ``before``: the fonts found unreadable on the document's earlier pages. Such a font with
    too little text on this page to be judged (one heading word, "Bombhfo") is taken to be as
    unreadable as it was; :func:`read_fonts` keeps it after all when its reading gives its own text.
    """
    found: dict[str, FontVerdict] = {}
    texts = font_texts(page)
    for font, text in texts.items():
        if _SYMBOL_FONT.search(font):
            continue
        verdict = judge_font(text)
        if verdict is None and before and font in before and before[font].whole and _pairs_score(text)[0] < MIN_PAIRS:
            verdict = FontVerdict(f"{before[font].reason} (so on an earlier page)", True, _sample(text))
        if verdict is not None:
            found[font] = verdict
    if any(v.whole for v in found.values()):
        # A page with a font that cannot be read makes its other fonts suspect (one producer
        # embedded them): a short one ("DEV.Gsblujpo" alone in bold) is judged by its few pairs.
        for font, text in texts.items():
            if font in found or _SYMBOL_FONT.search(font):
                continue
            pairs, score = _pairs_score(text[:SAMPLED])
            if pairs >= SUSPECT_PAIRS and score < POOR_PAIRS:
                found[font] = FontVerdict("a wrong mapping: no German letter pairs", True, _sample(text))
    return found


@dataclass(slots=True)
class _Word:
    """A word of an unreadable font: its glyphs, in order."""

    chars: list[Char]
    box: Box = (0.0, 0.0, 0.0, 0.0)

    def close(self) -> None:
        self.box = (
            min(c.x0 for c in self.chars),
            min(c.top for c in self.chars),
            max(c.x1 for c in self.chars),
            max(c.bottom for c in self.chars),
        )


def font_words(page: Page, verdicts: dict[str, FontVerdict]) -> list[_Word]:
    """The words of ``page`` to read again: every word of a wholly unreadable font, the words
    with an unmapped glyph of the others. A word is a run of its font's chars on one line
    without a space char or a gap (the chars of a wrong map's space glyph stay inside)."""
    words: list[_Word] = []
    current: list[Char] = []

    def flush() -> None:
        if current:
            verdict = verdicts[current[0].fontname]
            if verdict.whole or any(_is_unmapped(c.text) for c in current):
                word = _Word(list(current))
                word.close()
                words.append(word)
            current.clear()

    for char in page.chars:
        # In a wholly unreadable font a space char is a glyph like any other (code 32 of a font
        # without a map may be an "H"); its words end where the glyphs leave a gap.
        if char.fontname not in verdicts or (char.text in _SPACES and not verdicts[char.fontname].whole):
            flush()
            continue
        if current:
            last = current[-1]
            if (
                last.fontname != char.fontname
                or abs(char.top - last.top) > 0.3 * char.size
                or char.x0 < last.x0
                or char.x0 - last.x1 > 0.25 * char.size
            ):
                flush()
        current.append(char)
    flush()
    return words


@dataclass(slots=True)
class FontReading:
    """What :func:`read_fonts` made of a page's unreadable fonts."""

    chars: tuple[Char, ...]
    #: Words decoded glyph by glyph, words taken as OCR read them, words left out.
    decoded: int = 0
    as_read: int = 0
    lost: int = 0
    #: Fonts whose learnt mapping gave their own text: readable after all, kept.
    readable: list[str] = field(default_factory=list)


def _in_word(char: Char, word: OcrWord, scale: float) -> bool:
    centre_x, centre_y = (char.x0 + char.x1) / 2 * scale, (char.top + char.bottom) / 2 * scale
    return word.left <= centre_x <= word.left + word.width and word.line_top - 2 <= centre_y <= word.line_bottom + 2


@dataclass(slots=True)
class _Segments:
    """A layer word's glyphs by the word OCR read over them (index into the reading), and the
    glyphs no read word covers."""

    inside: dict[int, list[Char]]
    outside: list[Char]
    #: The glyphs without ink: a space, or what stands for one.
    blank: list[Char] = field(default_factory=list)


def segments(
    word: _Word, read: list[OcrWord], scale: float, inked: Callable[[Char], bool] = lambda char: True
) -> _Segments:
    """``word``'s glyphs by the read word (of ``read``, pixels at ``scale`` a point) whose box
    holds each glyph's centre. A glyph with ink (``inked``) that no read box holds belongs to the
    nearest read word of its line within :data:`NEAR` of its size: OCR's box may leave out a
    narrow first letter ("I" of "Im") that the layer places a little off. A blank glyph is the
    font's space and stays outside."""
    x0, top, x1, bottom = (v * scale for v in word.box)
    near = [
        i
        for i, r in enumerate(read)
        if r.left <= x1 and r.left + r.width >= x0 and r.line_top <= bottom and r.line_bottom >= top
    ]
    found = _Segments({}, [])
    for char in word.chars:
        hit = next((i for i in near if _in_word(char, read[i], scale)), None)
        ink = inked(char)
        if not ink:
            found.blank.append(char)
        if hit is None and near and ink:
            centre, reach = (char.x0 + char.x1) / 2 * scale, NEAR * char.size * scale
            gap, nearest = min((max(read[i].left - centre, centre - read[i].left - read[i].width), i) for i in near)
            hit = nearest if gap <= reach else None
        if hit is None:
            found.outside.append(char)
        else:
            found.inside.setdefault(hit, []).append(char)
    # The glyphs of a read word in the order of the line; blank ones at its ends are the spaces
    # around it that its box took in: outside, where they vote for a space.
    blank = {id(c) for c in found.blank}
    for hit, chars in list(found.inside.items()):
        chars.sort(key=lambda c: c.x0)
        while chars and id(chars[0]) in blank:
            found.outside.append(chars.pop(0))
        while chars and id(chars[-1]) in blank:
            found.outside.append(chars.pop())
        if not chars:
            del found.inside[hit]
    return found


def ink_test(image: Image.Image, dpi: int) -> Callable[[Char], bool]:
    """Whether a glyph's box on ``image`` (rendered at ``dpi``) holds ink: in its middle three
    fifths across, so that a space's box does not catch its neighbours' strokes, and not counting
    a row dark across the whole box and beyond it on both sides (an underline)."""
    import numpy as np

    scale = dpi / 72
    pixels = np.asarray(image.convert("L"))

    def inked(char: Char) -> bool:
        left, right = int(char.x0 * scale), int(char.x1 * scale)
        top, bottom = int(char.top * scale), int(char.bottom * scale)
        box = pixels[max(top, 0) : bottom, max(left, 0) : right] < INK
        if box.size == 0:
            return True
        inset = max((right - left) // 5, 1)
        middle = box[:, inset:-inset] if box.shape[1] > 2 * inset else box
        # A rule runs on past the box on both sides; a dash that fills its advance does not.
        beside = pixels[max(top, 0) : bottom, [max(left - 2, 0), min(right + 1, pixels.shape[1] - 1)]] < INK
        rule = box.all(axis=1) & beside.all(axis=1)
        return bool(middle[~rule].any())

    return inked


def sign_shape(image: Image.Image, dpi: int) -> Callable[[Char], str | None]:
    """The sign a glyph's ink on ``image`` (rendered at ``dpi``) has the shape of, for a code no
    reading decoded (OCR drops a lone dash or bullet, or reads it as a letter): a bar at the
    middle of the line is a dash ("–" by an en dash's advance, else "-"), a small round blob there a
    bullet; None for any other shape."""
    import numpy as np

    scale = dpi / 72
    pixels = np.asarray(image.convert("L"))

    def shape(char: Char) -> str | None:
        top, bottom = int(char.top * scale), int(char.bottom * scale)
        box = pixels[max(top, 0) : bottom, max(int(char.x0 * scale), 0) : int(char.x1 * scale)] < INK
        rows, cols = np.nonzero(box)
        if rows.size == 0 or bottom <= top:
            return None
        height, width = (rows.max() - rows.min() + 1) / scale, (cols.max() - cols.min() + 1) / scale
        middle = ((rows.max() + rows.min()) / 2) / (bottom - top)
        size = char.size
        if not 0.35 <= middle <= 0.75:
            return None
        if height <= 0.15 * size and width >= 0.25 * size:
            # An en dash's advance is half an em or more, a hyphen's a third.
            return "–" if char.x1 - char.x0 >= 0.45 * size else "-"
        if (
            0.15 * size <= height <= 0.45 * size
            and 0.7 <= width / height <= 1.4
            and box.sum() >= 0.6 * (height * width * scale * scale)
        ):
            return "•"
        return None

    return shape


def _code(char: Char) -> tuple[str, str]:
    """A glyph's code: its font and its text, "(cid:9)" the same as "\\t" (PDFium gives a code's
    number as text where it reports the glyph unmapped, and the code as a character elsewhere)."""
    found = _CID_NUMBER.fullmatch(char.text)
    if found is None or int(found.group(1)) > 0x10FFFF:
        return char.fontname, char.text
    return char.fontname, chr(int(found.group(1)))


def learn_codes(parts: list[_Segments], read: list[OcrWord]) -> dict[tuple[str, str], str]:
    """Each glyph code's text (by font and the glyph's own text) from OCR's words ``read`` over
    the words' ``parts``: where a read word covers as many glyphs as it has letters, each glyph
    votes for its letter; a glyph without ink between two read words of its word votes for a space. A code
    takes the letter most of its votes give (:data:`MAJORITY`; one vote decides only alone)."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for part in parts:
        for hit, chars in part.inside.items():
            text = read[hit].text
            if len(chars) == len(text):
                blank = {id(c) for c in part.blank}
                for char, letter in zip(chars, text, strict=True):
                    # A blank glyph under a read word is a space its reading left out: no vote.
                    if id(char) not in blank:
                        votes[_code(char)][letter] += 1
        if len(part.inside) > 1:
            # Glyphs between two words OCR read in one layer word are the font's space.
            first = min(c.x0 for chars in part.inside.values() for c in chars)
            last = max(c.x1 for chars in part.inside.values() for c in chars)
            outside = {id(c) for c in part.outside}
            for char in part.blank:
                if id(char) in outside and first < char.x0 and char.x1 < last:
                    votes[_code(char)][" "] += 1
    # A font gives each code a character of its own: the codes are given their letters in the
    # order of their votes' weight, each the best one no other code holds yet, or one OCR is known
    # to read in its place ("§" read "8", "I" read "l"); a space may stand for several codes.
    codes: dict[tuple[str, str], str] = {}
    taken: set[tuple[str, str]] = set()
    ranked = sorted(
        ((count, code, letter) for code, counter in votes.items() for letter, count in counter.items()),
        key=lambda vote: -vote[0],
    )
    for count, code, letter in ranked:
        total = sum(votes[code].values())
        if code in codes or count < MAJORITY * total or (count == 1 and total > 1):
            continue
        for candidate in (*_PREFER.get(letter, ()), letter, *_MISREAD.get(letter, ())):
            if candidate == " " or (code[0], candidate) not in taken:
                codes[code] = candidate
                taken.add((code[0], candidate))
                break
    return codes


def _as_read(chars: list[Char], word: OcrWord) -> list[Char]:
    """The text of read ``word`` in place of the glyphs ``chars`` it covers: its letters spread
    evenly over their extent, in the first glyph's font, size and line."""
    first = chars[0]
    left, right = min(c.x0 for c in chars), max(c.x1 for c in chars)
    step = (right - left) / len(word.text)
    return [
        first._replace(text=letter, x0=left + i * step, x1=left + (i + 1) * step) for i, letter in enumerate(word.text)
    ]


def read_fonts(
    page: Page, verdicts: dict[str, FontVerdict], image: Image.Image, dpi: int, engine: OcrBackend
) -> FontReading:
    """``page``'s chars with the text of its unreadable fonts read from ``image`` (the page
    rendered at ``dpi``) by ``engine`` (see the module docstring)."""
    from .layer_gaps import strip_words

    words = font_words(page, verdicts)
    if not words:
        return FontReading(page.chars)
    scale = dpi / 72
    # A glyph's box may end at the baseline (an unmapped glyph's, from the font's metrics):
    # the descenders of "g" and "j" must be in the image, or "Erlanger" reads "Erlanaer"; and
    # words of a line are not cut apart by white between their masks.
    pad = [
        (
            w.box[0] - PAD * w.chars[0].size,
            w.box[1] - PAD * w.chars[0].size,
            w.box[2] + PAD * w.chars[0].size,
            w.box[3] + PAD * w.chars[0].size,
        )
        for w in words
    ]
    read = strip_words(image, dpi, pad, engine, signs=True)
    inked = ink_test(image, dpi)
    parts = [segments(word, read, scale, inked) for word in words]
    codes = learn_codes(parts, read)
    reading = FontReading(page.chars)
    # A whole font whose learnt codes give its own text reads right: it is kept as it was.
    for font, verdict in verdicts.items():
        learnt = [(code, text) for code, text in codes.items() if code[0] == font]
        if verdict.whole and learnt and sum(code[1] == text for code, text in learnt) >= AGREEING * len(learnt):
            reading.readable.append(font)

    shape_of = sign_shape(image, dpi)

    def decoded(char: Char) -> Char | None:
        if not verdicts[char.fontname].whole and not _is_unmapped(char.text):
            return char  # a readable glyph of a font that misses a few
        text = codes.get(_code(char))
        if text is None or text in "-–":
            # OCR reads an en dash as a hyphen: the glyph's shape and advance tell them apart.
            text = shape_of(char) or text
        return None if text is None else char._replace(text=text)

    replaced: dict[int, list[Char]] = {}
    for word, part in zip(words, parts, strict=True):
        if word.chars[0].fontname in reading.readable:
            continue
        new: list[Char] = []
        whole = as_read = lost = 0
        runs = [(min(c.x0 for c in chars), hit, chars) for hit, chars in part.inside.items()]
        runs += [(c.x0, -1, [c]) for c in part.outside]
        end = None
        for _, hit, covered in sorted(runs, key=lambda run: run[0]):
            start = min(c.x0 for c in covered)
            if end is not None and new and new[-1].text not in _SPACES and start - end > WORD_GAP * covered[0].size:
                # Glyphs apart by a word's gap with no glyph between them: the layer spaced the
                # words by position, not with a space glyph.
                new.append(new[-1]._replace(text=" ", x0=new[-1].x1))
            end = max(c.x1 for c in covered)
            glyphs = [decoded(c) for c in covered]
            if all(g is not None for g in glyphs):
                new.extend(g for g in glyphs if g is not None)
                whole += 1
            elif hit >= 0:
                new.extend(_as_read(covered, read[hit]))
                as_read += 1
            else:
                lost += 1
        if new and new[-1].text not in _SPACES:
            new.append(new[-1]._replace(text=" ", x0=new[-1].x1))
        replaced[id(word.chars[0])] = new
        # A word counts as decoded only when every part of it was.
        if as_read:
            reading.as_read += 1
        elif new and whole:
            reading.decoded += 1
        if lost and not new:
            reading.lost += 1
    skip = {id(c) for w in words if id(w.chars[0]) in replaced for c in w.chars}
    chars: list[Char] = []
    for char in page.chars:
        if id(char) in replaced:
            chars.extend(replaced[id(char)])
        elif id(char) not in skip:
            chars.append(char)
    reading.chars = tuple(chars)
    return reading


def without_fonts(page: Page, verdicts: dict[str, FontVerdict]) -> tuple[tuple[Char, ...], int]:
    """``page``'s chars without the words of its wholly unreadable fonts (OCR off or missing:
    their text is unknown, and a wrong map's letters would be taken for the paper's), and how
    many words were left out. A font that misses a few glyphs keeps its words as they are."""
    whole = {font: v for font, v in verdicts.items() if v.whole}
    words = font_words(page, whole) if whole else []
    skip = {id(c) for w in words for c in w.chars}
    return tuple(c for c in page.chars if id(c) not in skip), len(words)
