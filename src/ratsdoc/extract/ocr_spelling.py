"""Doubt from spelling: a title, sender or body read on an OCRed page with a word that is no
German word but one slip of a letter away from one ("Pianung" for "Planung", "Bezirksiathaus"
for "Bezirksrathaus", "Mittelim" for "Mittel im") gets a ``value_uncertain`` warning naming the
field. Tesseract reads such words with confidence, so the doubt from confidences
(:mod:`.ocr_doubt`) misses them. Born-digital text is never judged.

Names are no words of the list either ("Daberstedt", "Weimarische"): a word in capitals or with
a capital inside ("SPD", "AfD"), a word with a digit, a short word, and a word the paper's own
text holds again as it stands in the value (a place name read the same way twice) are taken as
written. A file number one of whose slashes was read as "1" ("15/47/44125") and an amount with a space
inside ("284. 500, 00") are warned too, and so are a bracket without its partner (a lost "€)"), a
word mixing letters and digits ("Mitte1") and an article with a letter misread ("in Her Gothaer").
A word German only as a chance compound of short pieces ("bes|chi|uss") but one slip from a listed
word ("Beschiuss", "beschluss") is judged misread, and a word whose vowel lost its dots
("Muhlgraben") is judged so even where the paper reads it so twice.
A word counts as German also when it is a compound led by a verb's stem ("Schwimm|halle",
"Stütz|mauer"), which the word list's compound rule (:mod:`ratsdoc.ocr.lexicon`) does not know.
"""

from __future__ import annotations

import functools
from collections import Counter

import regex

from ..issues import IssueCode
from ..ocr.lexicon import MIN_PART, is_german_word, is_listed_word, lexicon
from ..text.compounds import split_compound, stems
from ..text.lookalikes import lookalikes
from .context import Context

#: The fields judged: a word misread there is a wrong value that a reader would take on trust.
FIELDS = ("title", "originator", "body")
#: Words shorter than this are not judged, and capitalised ones (nouns and names) one letter
#: longer at least: a short word one letter from a listed word is mostly an abbreviation or a
#: name ("Porz", "Beuel" one letter from "Beutel").
MIN_LETTERS = 5
#: Small words OCR runs onto their neighbour ("Mittelim", "Schuleund").
_SMALL_WORDS = frozenset({"am", "an", "im", "in", "zu", "um", "ab", "und", "der", "die", "das", "des", "dem", "den"})
_TOKEN = regex.compile(r"[\p{L}\d][\p{L}\d'’]*")
_LETTERS = regex.compile(r"\p{L}+")


#: Endings that make an adjective of a listed name or noun ("Weimar|ische", "Europa|ischen"),
#: which the word list holds only for common ones.
_DERIVED = ("ische", "ischen", "ischer", "isches", "isch")
#: Parts of a compound :func:`_german` splits into at most.
_PARTS = 4


def _german(word: str, words: frozenset[str]) -> bool:
    """Whether the lower-case ``word`` is German by the list (:func:`is_german_word`), an
    adjective made of a listed word, or a compound whose parts may also be a verb's stem
    ("schwimm" of "schwimmen") or a noun made of one ("querung" of "queren")."""
    return (
        split_compound(
            word,
            lambda part: _german_part(part, words),
            lambda head: _head_part(head, words),
            min_part=MIN_PART,
            max_parts=_PARTS,
        )
        is not None
    )


def _german_part(part: str, words: frozenset[str]) -> bool:
    """Whether the lower-case ``part`` is German by the list or an adjective made of a listed word."""
    return is_german_word(part, words) or any(
        part.endswith(end) and len(part) - len(end) >= MIN_PART and part[: -len(end)] in words for end in _DERIVED
    )


def _head_part(head: str, words: frozenset[str]) -> bool:
    """Whether ``head`` can lead a compound: a listed word or a verb's stem, or a noun in "-ung"
    made of a listed verb, each with a linking "s" or none."""
    for part in stems(head, ("s",)):
        if part in words or part + "en" in words or part + "n" in words:
            return True
        if part.endswith("ung") and part[:-3] + "en" in words:
            return True
    return False


@functools.cache
def _look_alikes() -> tuple[tuple[str, str], ...]:
    """Letters and pairs of letters that Tesseract takes for each other on worn or thin print, tried
    both ways: the ``spelling`` pairs of the look-alike table (:mod:`ratsdoc.text.lookalikes`), a
    broken stroke, a filled counter, a lost dot. Only these slips count: any letter for any other
    makes nearly every long name one slip from some chance compound ("Weimarische" from
    "beim|arische")."""
    return lookalikes().pairs("spelling")


#: A reading proposed for a misread word must be German by a stricter rule than the word it
#: mends: parts of this many letters at least, and at most :data:`_SURE_PARTS` of them. With the
#: list's three-letter parts nearly any slip of a long word is a chance compound ("Weimarische"
#: one letter from "wem|arische").
_SURE_PART, _SURE_PARTS = 4, 3
#: An inflected form proposed counts only from this many letters: the list holds misspellings
#: of its own, and a short one with an ending ("riet|n" for the name "Rieth") is a chance.
_SURE_INFLECTED = 6


def _surely_german(word: str, words: frozenset[str]) -> bool:
    """Whether the lower-case ``word`` is a listed word (or a form of one), or a compound of at
    most :data:`_SURE_PARTS` such words of :data:`_SURE_PART` letters or more (a linking "s"
    allowed)."""
    return (
        split_compound(
            word,
            lambda part: part in words or (len(part) > _SURE_INFLECTED and is_listed_word(part, words)),
            lambda head: not words.isdisjoint(stems(head, ("s",), min_stem=_SURE_PART)),
            min_part=_SURE_PART,
            max_parts=_SURE_PARTS,
        )
        is not None
    )


@functools.lru_cache(maxsize=4096)
def _near_german(word: str, words: frozenset[str]) -> str | None:
    """The German reading one slip away from the lower-case ``word`` (a letter or two read as
    their look-alike, or a small word run on), or None. A letter lost or added is no slip here:
    with it nearly every name is one from a word ("Büchenbach", "Brüchenbach")."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if (head in _SMALL_WORDS and _surely_german(tail, words)) or (
            tail in _SMALL_WORDS and _surely_german(head, words)
        ):
            return f"{head} {tail}"
    # The first letter stays: a capital misread is another capital, and names differ from words
    # there ("Ettersberg", "Ottersberg").
    return next((each for each in _slips(word) if _surely_german(each, words)), None)


def _chance_compound_slip(word: str, words: frozenset[str]) -> str | None:
    """The listed word (or a form of one) one look-alike slip from the lower-case ``word`` when
    ``word`` is German only as a chance compound of short parts ("bes|chi|uss" for "Beschiuss",
    "beschluss"), or None: a word of the list read with one misread letter is likelier than a
    compound of three-letter pieces."""
    if _surely_german(word, words):
        return None
    return next((each for each in _slips(word) if is_listed_word(each, words)), None)


def _slips(word: str) -> list[str]:
    """The readings of the lower-case ``word`` one look-alike slip away (its first letter kept)."""
    candidates: list[str] = []
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        for one, other in _look_alikes():
            for seen, meant in ((one, other), (other, one)):
                if tail.startswith(seen):
                    candidates.append(head + meant + tail[len(seen) :])
    return candidates


#: Vowels whose dots OCR loses on worn print or under a stamp ("Muhlgraben" for "Mühlgraben").
_DOTS = {"a": "ä", "o": "ö", "u": "ü"}


def _dots_lost(word: str, words: frozenset[str]) -> str | None:
    """The German reading of the lower-case ``word`` with the dots of one of its vowels put back
    ("mühlgraben" for "muhlgraben"), or None; the first letter may have lost them too ("Ubergabe")."""
    for i, letter in enumerate(word):
        if letter in _DOTS:
            each = word[:i] + _DOTS[letter] + word[i + 1 :]
            if _german(each, words):
                return each
    return None


#: Small words that lost their dots and are no German word without them; too short for the
#: word list's rules (:data:`MIN_LETTERS`), and so common in titles that one lost dot costs a
#: title ("Satzung uber die Erhebung von Gebuhren fur die Benutzung").
DOTLESS_SMALL = {"fur": "für", "uber": "über"}
#: A word German only as a chance compound is spelled back from this many letters: a shorter
#: one is as likely a name the word list lacks.
_MEND_CHANCE_COMPOUND = 7
#: A word a look-alike slip from a German one is spelled back from this many letters, and only
#: into a listed word (or a form of one), not a compound: names are one slip from a word or a
#: chance compound too often ("Weller" from "Weiler", "Ettersberg" from "Eiter|s|berg").
_MEND_SLIP = 8


def spelled_back(word: str, words: frozenset[str]) -> str | None:
    """The one German reading of the lower-case ``word`` that OCR misread, or None.

    A small word that lost its dots (:data:`DOTLESS_SMALL`); else, for a word that is no German
    word, the one reading with a vowel's dots put back, or the one reading a look-alike slip away
    (:func:`_slips`) that is surely German, if it is a listed word (:data:`_MEND_SLIP`); for a
    word German only as a chance compound of short parts, the one listed word a slip away. Two
    readings are no reading: a slip that makes "einer" makes "eifer" too, and the reader cannot
    tell which was printed."""
    if word in DOTLESS_SMALL:
        return DOTLESS_SMALL[word]
    if _german(word, words):
        if len(word) < _MEND_CHANCE_COMPOUND or _surely_german(word, words):
            return None
        return _only({each for each in _slips(word) if is_listed_word(each, words)})
    dotted = {word[:i] + _DOTS[c] + word[i + 1 :] for i, c in enumerate(word) if c in _DOTS}
    dotted = {each for each in dotted if _german(each, words)}
    if dotted:
        return _only(dotted)
    if len(word) < _MEND_SLIP:
        return None
    reading = _only({each for each in _slips(word) if _surely_german(each, words)})
    return reading if reading is not None and is_listed_word(reading, words) else None


def joined_back(first: str, second: str, words: frozenset[str]) -> str | None:
    """The one word that ``first`` and ``second``, two words of letters with a space OCR put
    between them, make ("Stadtentw icklungskonzeptes"), or None: neither is a German word, the
    second starts with a small letter, and together they are surely German."""
    if not second[:1].islower() or _german(first.lower(), words) or _german(second, words):
        return None
    joined = first + second
    return joined if _surely_german(joined.lower(), words) else None


def glued_small_word(small: str, word: str, words: frozenset[str]) -> bool:
    """Whether ``small`` + ``word`` ("dasJahr", "imRahmen") is a small word OCR glued to the
    capitalised word after it: German writes no capital inside a word but for names and
    abbreviations, which the part after the small word then is not."""
    return small.lower() in _SMALL_WORDS and _german(word.lower(), words)


def _only(readings: set[str]) -> str | None:
    """The one reading of ``readings``, or None when there are none or several."""
    return next(iter(readings)) if len(readings) == 1 else None


def _judged(word: str) -> bool:
    """Whether ``word`` is one to judge: letters only, long enough, not an abbreviation or a
    party's name in capitals ("GRÜNEN", "AfD")."""
    least = MIN_LETTERS + 1 if word[:1].isupper() else MIN_LETTERS
    return len(word) >= least and word.isalpha() and not any(ch.isupper() for ch in word[1:])


def misspelt_word(value: str, words: frozenset[str], seen: Counter[str]) -> tuple[str, str] | None:
    """The first word of ``value`` that is no German word but one slip from one, with that
    reading, or in small letters and no German word, with an empty reading; a word ``seen`` (the
    paper's words, counted) more often than in the value is a name, unless it lost only the dots
    of a vowel."""
    own = Counter(_LETTERS.findall(value))
    for token in _TOKEN.findall(value):
        for word in token.split("-"):
            if not _judged(word):
                continue
            lower = word.lower()
            if seen[word] > own[word]:
                # Read the same way twice is a name, unless what OCR lost is dots: a scan's font
                # loses them wherever the word stands.
                reading = None if _german(lower, words) else _dots_lost(lower, words)
                if reading is not None:
                    return word, reading
                continue
            if _german(lower, words):
                reading = _chance_compound_slip(lower, words)
                if reading is not None:
                    return word, reading
                continue
            reading = _near_german(lower, words) or _dots_lost(lower, words)
            if reading is not None:
                return word, reading
            if word[0].islower():
                # A small letter starts no name: a word of small letters that is no German word
                # is a piece of one ("voraussi liche") or a misreading past mending.
                return word, ""
    return None


_FILE_NUMBER = regex.compile(r"(?<![\d/])\d+(?:/\d+){2,}(?![\d/])")


def slash_read_as_one(value: str) -> str | None:
    """The file number in ``value`` whose slash OCR read as "1" ("15/47/44125" for
    "15/47/44/25"), or None: all its groups of digits but one are equally long, and that one is
    two of them with a "1" between."""
    for found in _FILE_NUMBER.finditer(value):
        groups = found.group().split("/")
        lengths = Counter(len(group) for group in groups)
        size, count = lengths.most_common(1)[0]
        odd = [group for group in groups if len(group) != size]
        if count == len(groups) - 1 and len(odd[0]) == 2 * size + 1 and odd[0][size] == "1":
            return found.group()
    return None


#: An amount OCR read with a space after its thousands point or its decimal comma ("284. 500,
#: 00" for "284.500,00"): German sets no space inside a number, and the space stands where a
#: speck or a break was read as a gap.
_SPLIT_AMOUNT = regex.compile(r"\d\.\s\d{3}[.,]|\d{3},\s\d{2}(?!\d)")


def split_amount(value: str) -> str | None:
    """The amount in ``value`` with a space inside it, or None."""
    found = _SPLIT_AMOUNT.search(value)
    return found.group() if found else None


def open_bracket(value: str) -> str | None:
    """The bracket of ``value`` that is not closed or was not opened, or None: OCR lost the sign
    or the words up to it ("(voraussichtliche Kosten ca. 284.500,00" without its "€)")."""
    depth = 0
    for sign in value:
        if sign == "(":
            depth += 1
        elif sign == ")":
            depth -= 1
            if depth < 0:
                return ")"
    return "(" if depth else None


#: A word with a digit between letters, or two small letters right before or after a digit
#: ("Mitte1", "2O24", "Be5chluss"): German writes no such words, OCR reads a letter as a digit.
_LETTER_DIGIT = regex.compile(r"\p{L}\p{Ll}\d|\d\p{Ll}\p{L}|\d\p{L}\d|\p{L}\d\p{L}")


def letter_digit_mix(value: str) -> str | None:
    """The first word of ``value`` with letters and digits mixed (:data:`_LETTER_DIGIT`), or None."""
    return next((token for token in value.split() if _LETTER_DIGIT.search(token)), None)


#: The articles of German: the word most often after a preposition ("in der", "für die").
_ARTICLES = ("der", "die", "das", "dem", "den", "des")


def misread_article(value: str, words: frozenset[str]) -> str | None:
    """The first word of ``value`` that is an article with one letter misread: three letters one
    letter off an article, either no listed word or capitalised between a small-letter word and a
    capitalised one, where only an article stands ("in Her Gothaer Straße"); or None."""
    tokens = value.split()
    for i, word in enumerate(tokens):
        lower = word.lower()
        if len(word) != 3 or not word.isalpha() or lower in _ARTICLES:
            continue
        if not any(sum(a != b for a, b in zip(lower, article, strict=True)) == 1 for article in _ARTICLES):
            continue
        before, after = tokens[i - 1] if i else "", tokens[i + 1] if i + 1 < len(tokens) else ""
        between = before.isalpha() and before.islower() and after[:1].isupper() and word.istitle()
        if between or (word.islower() and lower not in words):
            return word
    return None


def warn_misspelt(ctx: Context) -> set[str]:
    """Warn about each field of :data:`FIELDS` read on an OCRed page with a word that is no German
    word (see :func:`misspelt_word`), a file number or an amount misread, unless a warning already
    doubts it; returns the fields warned."""
    if not ctx.layout.ocr_pages:
        return set()  # born-digital text: nothing to judge, and the word list is not loaded
    words = lexicon()
    if words is None:
        return set()
    skip = {issue.field for issue in ctx.fields.warnings if issue.code is IssueCode.VALUE_UNCERTAIN}
    warned: set[str] = set()
    seen: Counter[str] | None = None
    for name in FIELDS:
        value = ctx.fields.values.get(name)
        where = [p for p in ctx.fields.provenance.get(name) or [] if p.page in ctx.layout.ocr_pages]
        if name in skip or not isinstance(value, str) or not where:
            continue
        if seen is None:
            seen = Counter(word for line in ctx.lines for word in _LETTERS.findall(line.text))
        found = misspelt_word(value, words, seen)
        number = slash_read_as_one(value) if found is None else None
        if found is not None and found[1]:
            message = f"{name} may be misread: {found[0]!r} is no German word, but one misread letter from {found[1]!r}"
        elif found is not None:
            message = f"{name} may be misread: {found[0]!r} is no German word"
        elif number is not None:
            message = f"{name} may be misread: in the file number {number!r} a slash may have been read as '1'"
        elif (amount := split_amount(value)) is not None:
            message = f"{name} may be misread: the amount {amount!r} has a space inside it"
        elif (bracket := open_bracket(value)) is not None:
            message = f"{name} may be misread: its {bracket!r} has no partner (a sign or words lost)"
        elif (mixed := letter_digit_mix(value)) is not None:
            message = f"{name} may be misread: {mixed!r} mixes letters and digits"
        elif (article := misread_article(value, words)) is not None:
            message = f"{name} may be misread: {article!r} stands where an article stands, one letter off one"
        else:
            continue
        ctx.warn(IssueCode.VALUE_UNCERTAIN, message, where[0].page, field=name)
        warned.add(name)
    return warned
