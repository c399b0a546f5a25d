"""A type line as OCR reads it, set right before the cover reads the type from it: "Anfrnge
gern. 8 4 der Geschäftsordnung" is "Anfrage gem. § 4 der Geschäftsordnung". The type word may
carry one wrong letter, "gem." comes out as "gern." ("m" read as "rn") and "§" as "8", "5",
"3", "S" or "$" in front of the rule's number (docs/ocr.md, "Known weaknesses")."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token
from ..ocr.signs import citation_words
from ..text.lookalikes import ocr_snapper
from ..text.snapper import LABELS
from .generic.vocabulary import reader_vocabulary

#: Errors the type word may carry: one (two took "Position der Fraktion" for "Petition").
TYPE_ERRORS = 1
#: A type segment that stops at its rule's word: OCR dropped the sign after it as a mark, and
#: the gap it left split the line ("Anfrage gem." | "4 der Geschäftsordnung").
_CUT_AT_RULE = regex.compile(r"\s(?:nach|gemäß|gem\.|gern\.)$")
#: What follows the type: the word that files it under a rule, then the rule's sign and number
#: (a misread sign stands apart from the number: "84" may be a paragraph's number; a sign OCR
#: dropped is missed only before "der", "des", "Abs.", "GO": "nach 4 Wochen" is no rule; after
#: "nach", a number whose first digit looks like "§" is left to :data:`_SIGN_AS_DIGIT`'s doubt).
_RULE = regex.compile(
    r"^(?P<space>\s+)(?P<by>(?:nach|gemäß){e<=1}|gem\.|gern\.|qem\.|gem(?=\s+[853S$§]\s))(?P<gap>\s+)"
    r"(?P<sign>§|[853S$](?=\s)|[S$][.,]?(?=\d)|(?<=(?:gem\.|gern\.|gemäß)\s+)(?=\d{1,3}\s+(?:der|des|Abs\.|GO|GeschO)\b)"
    r"|(?<=nach\s+)(?=(?:\d|[0-24679]\d{1,2})\s+(?:der|des|Abs\.|GO|GeschO)\b))\s*\d"
)
#: A speck read as a full stop after an article of the rule's name ("der. Geschäftsordnung").
_ARTICLE_STOP = regex.compile(r"(?<=\s(?:der|des))\.(?=\s+\p{Lu})")
#: A rule's number that may hold the sign misread as its first digit ("nach 84 GO" for "nach § 4
#: GO", "gem. § 83" for "gem. § 3"): two digits or more, the first one a look-alike of "§".
_SIGN_AS_DIGIT = regex.compile(r"(?:nach|gemäß|gem\.)\s+(?:§\s*)?[853]\d")


#: A rule's name cut short keeps at least this many of its letters.
_RULE_START = 8
_LAST_WORD = regex.compile(r"(?<=\s)\p{L}+$")


def _completed_rule(rest: str) -> str:
    """``rest`` of a type line with a rule's name cut short at its end written whole."""
    last = _LAST_WORD.search(rest)
    if last is None or len(last.group()) < _RULE_START:
        return rest
    # The names of the rules a type line files a paper under (citations.toml): a line that ends
    # in one cut short lost its end to a mark ("der Geschäftsordnu").
    names = [name for name in citation_words().rule_names if name.startswith(last.group()) and name != last.group()]
    return rest[: last.start()] + names[0] if len(names) == 1 else rest


def repair_type_line(text: str, types: Sequence[str]) -> str:
    """``text`` with its leading type (one of ``types``, misread by one letter at most) and the
    rule it is filed under spelt right; ``text`` itself when it opens with no type and rule."""
    opening = reader_vocabulary().type_line_re(TYPE_ERRORS).match(text)
    if opening is None:
        return text
    kind = ocr_snapper().snap(opening.group("type"), types)
    rule = _RULE.match(text[opening.end() :])
    if kind is None or rule is None:
        return text
    by = rule.group("by")
    # "gem" whose full stop a worn copy lost stands before a sign of the rule ("gem 5 3 der").
    by = "gem." if by.endswith(".") or by == "gem" else LABELS.snap(by, ("nach", "gemäß"), limit=1) or by
    rest = _completed_rule(_ARTICLE_STOP.sub("", text[opening.end() + rule.end("sign") :]))
    # "gem. 4 der": OCR dropped the sign as a mark; "gem. $.12": it misread it glued to the number.
    sign = "§" if rule.group("sign") in ("§", "8", "5", "3", "S", "$") else "§ "
    return f"{kind}{rule.group('space')}{by}{rule.group('gap')}{sign}{rest}"


def type_segment(line: Line, segment: Sequence[Token], types: Sequence[str]) -> str:
    """The text of ``segment`` of an OCRed ``line`` as :func:`repair_type_line` sets it right,
    with the next segment when the gap of a dropped "§" split the rule from its number, or OCR
    read the sign apart after a wide gap ("Anfrage nach" | "§ 4 GO")."""
    text = " ".join(t.text for t in segment)
    if _CUT_AT_RULE.search(text):
        later = [s for s in line.segments() if s[0].x0 > segment[-1].x1]
        if later and (later[0][0].text[:1].isdigit() or later[0][0].text.startswith("§")):
            text = f"{text} {' '.join(t.text for t in later[0])}"
    return repair_type_line(text, types)


def doubtful_rule(text: str) -> bool:
    """Whether the rule a type line as read names may hold OCR's misreading of "§" as a digit
    ("Anfrage nach 84 GO"): the type is then doubtful, not silently taken."""
    return bool(_SIGN_AS_DIGIT.search(text))
