"""The document type of a paper's cover read from its layout: a type word alone on its line (also
wrapped in its cell, or misread by OCR), a type with the rule it is filed under, the type a letter
names first in its subject, and the profile's default type for a letter that names none."""

from __future__ import annotations

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token, tokens_text
from ..text.lookalikes import ocr_snapper
from ..text.normalize import fold_for_match
from .context import GUESSED, Context
from .doubt import default_type_basis
from .generic.vocabulary import reader_vocabulary
from .ocr_type import doubtful_rule, type_segment

#: Signs OCR read after a type line's last word, from a stamp's frame or a speck ("...ordnung: =").
_TRAILING_MARKS = regex.compile(r"(?:\s*[^\p{L}\d\s§)]+)+$")
_TYPE_QUALIFIER = regex.compile(r"^\s+(?:nach|gemäß|gemaess|gem\.)\s+\S")
#: The body a type is addressed to, after it on its line: "Beschlussvorlage für den Kreistag".
_TYPE_ADDRESSEE = regex.compile(r"^\s+(?:für|fuer|an)\s+(?:den|die|das)\s+\p{L}[\p{L}-]*\s*$")
#: A type word with "Nr.:" after it labels a number ("Mitteilung Nr.: 1359/2025"), folded.
_NUMBER_LABEL = regex.compile(r"^\s*nr\.?\s*:")
#: A type standing alone has at most three words ("Dringliche Entscheidungsvorlage").
_TYPE_WORDS = 3
#: Two lines whose left edges are this close (points) start in the same column.
_SAME_EDGE = 3.0
#: A question for the residents' question time names its kind only beside the session's name
#: ("Einwohnerfragestunde – Frage von Anna Beck", "Frage zur Bürgerfragestunde"); "Frage" alone
#: is no type word, it heads numbered questions in any letter. Folded text (umlauts spelled out).
_QUESTION_TIME = regex.compile(
    r"^(?:(?:einwohner|buerger)fragestunde\s*[-–:]\s*frage\b"
    r"|frage\s+(?:zur|fuer\s+die|in\s+der)\s+(?:einwohner|buerger)fragestunde\b)"
)
#: The type of such a question.
QUESTION_TIME_TYPE = "Frage"


def read_document_type(
    ctx: Context, segments: list[tuple[int, Line, list[Token]]], *, labels: bool = True
) -> tuple[Line, list[Token]] | None:
    """Set the document type from the cover's ``segments`` (line index, line, segment): a type word
    alone on its segment above a letter's salutation, else a type with the rule it is filed under;
    returns where it stands, the anchor for the fields around it. Without ``labels`` a type word
    that labels the number ("Mitteilung Nr.: 1359/2025") is no type."""
    fallback = set(ctx.profile.fallback_document_types)
    types = sorted([*ctx.profile.document_types, *fallback], key=len, reverse=True)
    folded = [(fold_for_match(t), t) for t in types]
    known = {key for key, _ in folded}
    qualified: tuple[str, Line, list[Token]] | None = None
    weak: tuple[str, Line, list[Token]] | None = None  # a fallback type, kept while no other is seen
    salutation = ctx.find_label("salutation", page=1)
    for index, line, seg in segments:
        if salutation is not None and index >= salutation[0]:
            break  # below a letter's salutation a lone "Antrag:" heads the request, it is no type
        scanned = line.page in ctx.layout.ocr_pages
        if _column_heading(line, seg):
            continue  # "Frage | Antwort" over a table of questions: "Antwort" heads a column
        raw = type_segment(line, seg, types) if scanned else tokens_text(seg)
        text = fold_for_match(raw).rstrip(":")
        if _QUESTION_TIME.match(text):
            return _set_type(ctx, QUESTION_TIME_TYPE, line, seg)
        if scanned and len(seg) <= _TYPE_WORDS and text not in known and not raw.endswith(":"):
            # A type alone on its line as OCR misread it ("Anfraqe", "Beschlussvor1age").
            text = fold_for_match(ocr_snapper().snap(raw, types) or raw)
        for key, name in folded:
            if qualified is None and text != key and _TYPE_QUALIFIER.match(text[len(key) :]) and text.startswith(key):
                # "Anfrage nach § 9 Abs. 2 GeschO": the type with the rule it is filed under,
                # unless the paper also states its type alone ("Antrag" over the subject).
                # A subject may follow the rule on its line ("Antrag gemäß § 24 GO NRW: Sanierung
                # ..."): the type ends at the colon.
                qualified = (_TRAILING_MARKS.sub("", raw.split(": ", 1)[0]).rstrip(":"), line, seg)
            labelling = not labels and _NUMBER_LABEL.match(text[len(key) :]) is not None
            addressed = (
                text.startswith(key)
                and text != key
                and not raw.endswith(":")
                and not labelling
                and _addressed(ctx, text[len(key) :])
            )
            if (addressed or (text == key and not raw.endswith(":"))) and name in fallback:
                weak = weak or (name, line, seg)
                break
            if addressed:
                # "Beschlussvorlage für den Kreistag", "Sitzungsvorlage KT/2024/045": the type
                # with its addressee or with the paper's number on its line.
                return _set_type(ctx, name, line, seg)
            if text == key and not raw.endswith(":"):  # "Antrag:" alone heads what follows
                wrapped = _type_wrapped_over(segments, line, seg, folded)
                if wrapped is not None:  # "Dringliche" / "Entscheidungsvorlage" in a narrow cell
                    return _set_type(ctx, wrapped[0], line, [*wrapped[1], *seg])
                return _set_type(ctx, name, line, seg)
    ctx.fallback_type = weak
    if qualified is not None:
        found = _set_type(ctx, *qualified)
        if found[0].page in ctx.layout.ocr_pages and doubtful_rule(qualified[0]):
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"document_type may be misread: in {qualified[0]!r} OCR may have read the sign § as a digit",
                found[0].page,
                field="document_type",
            )
        return found
    ctx.set("document_type", None, [])
    return None


def _column_heading(line: Line, seg: list[Token]) -> bool:
    """Whether ``seg`` is one of the column headings of a table of questions ("Frage | Antwort"):
    another segment of its line is a question's heading."""
    headings = {fold_for_match(h) for h in reader_vocabulary().question_headings}
    return any(
        other is not seg and fold_for_match(tokens_text(other)).rstrip(":") in headings for other in line.segments()
    )


def _addressed(ctx: Context, rest: str) -> bool:
    """Whether ``rest``, the folded text after a type on its line, is only the body it is
    addressed to, the number read for the paper (with "Nr." before it), or both."""
    number = ctx.fields.values.get("number")
    if isinstance(number, str):
        # The number as printed on a scan, before its Roman term was read back ("X1/0020" for
        # "XI/0020"), with a mark OCR glued before it.
        printed = regex.escape(fold_for_match(number))
        if ctx.layout.ocr_pages:
            printed = "[^\\w\\s]*" + printed.replace("i", "[i1]")
        numbered = regex.compile(rf"\s+(?:nr\.?\s*)?:?\s*{printed}\s*$")
        rest = numbered.sub("", rest)
        if not rest:
            return True
    return _TYPE_ADDRESSEE.match(rest) is not None


def _type_wrapped_over(
    segments: list[tuple[int, Line, list[Token]]], line: Line, seg: list[Token], folded: list[tuple[str, str]]
) -> tuple[str, list[Token]] | None:
    """A longer type whose first words stand in the segment right above ``seg``, at its left edge
    (a type wrapped in its cell: "Dringliche" over "Entscheidungsvorlage"), with that segment."""
    for _, other, above in segments:
        if other.page != line.page or not above or not 0 <= seg[0].top - above[-1].bottom <= 0.6 * seg[0].size:
            continue
        if abs(above[0].x0 - seg[0].x0) > _SAME_EDGE:
            continue
        joined = fold_for_match(f"{tokens_text(above)} {tokens_text(seg)}")
        return next(((name, above) for key, name in folded if key == joined), None)
    return None


def _set_type(ctx: Context, name: str, line: Line, seg: list[Token]) -> tuple[Line, list[Token]]:
    """Store document type ``name`` read from ``seg``; warn when it is no Drucksache."""
    ctx.set("document_type", name, [(line.page, seg)])
    if name in ctx.profile.not_drucksache_types:
        ctx.warn(
            IssueCode.NOT_A_DRUCKSACHE,
            f"not a Drucksache: the paper is of type {name!r}, so Drucksache fields stay empty",
        )
    return line, seg


def fallback_document_type(ctx: Context) -> None:
    """A paper whose readers found no type takes the fallback type word its cover shows ("Vorlage"
    over the number): only then, for the word also heads an administration's sheet over a paper it
    forwards, whose own type the letter below names."""
    values = ctx.fields.values
    if ctx.fallback_type is not None and values.get("document_type") is None and values.get("kind", "paper") == "paper":
        _set_type(ctx, *ctx.fallback_type)


#: Words after a type that name the paper it changes or answers ("Änderungsantrag zur Vorlage ...").
_CITING = frozenset({"zur", "zum", "zu"})


def document_type_from_title(ctx: Context) -> None:
    """A letter names its type first in its subject ("Stellungnahme zur Beschlussvorlage ..."),
    or after the topic with the paper it changes ("Neubau der Grundschule – Änderungsantrag zur
    Vorlage 24/0147")."""
    title = ctx.fields.values.get("title") or ""
    words = [fold_for_match(w).strip(',.:;„“"') for w in str(title).split()]
    types = {fold_for_match(name): name for name in ctx.profile.document_types}
    named = [
        types[word]
        for k, word in enumerate(words)
        if word in types and (k < 4 or (k + 1 < len(words) and words[k + 1] in _CITING))
    ]
    for name in named:
        ctx.set("document_type", name, [], GUESSED)
        if "title" in ctx.fields.provenance:
            ctx.fields.provenance["document_type"] = list(ctx.fields.provenance["title"])
        return


def default_document_type(ctx: Context) -> None:
    """A letter with a salutation that names no type gets the profile's default type."""
    if ctx.profile.default_document_type and ctx.find_label("salutation") is not None:
        ctx.set("document_type", ctx.profile.default_document_type, [], *default_type_basis(ctx))
