"""Cover fields: labelled values first, then the number, public and body by the layout; the
document type, title and date have modules of their own (``cover_type``, ``cover_title``,
``cover_date``), the sender ``sender``."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token, tokens_text
from ..profile import bundled_profiles
from ..text.dates import iter_dates
from ..text.lookalikes import ocr_snapper  # on a scan "Anfrnge gern. 8 4" is "Anfrage gem. § 4"
from ..text.normalize import fold_for_match
from ..text.snapper import LABELS
from .box_fields import public_from_boxes, type_from_boxes
from .consultations import public_state
from .context import LABELLED, Context
from .cover_date import read_date
from .cover_title import read_title
from .cover_type import default_document_type, document_type_from_title, read_document_type
from .generic import fill_cover, has_type_line, is_closing, match_wrapped
from .generic.cells import line_over
from .generic.vocabulary import reader_vocabulary
from .labelled import COVER_PAGES as _COVER_PAGES
from .labelled import Found, labelled_value
from .scan_cover import warn_unread_number
from .sender import read_sender

_DIGIT_REPAIR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_LONE_CONFUSABLE = regex.compile(r"(?<!\p{L})[OolI](?!\p{L})")


def repair_ocr_digits(number: str) -> str:
    """Read O/o as 0 and l/I as 1 where they stand among digits ("O112/23" → "0112/23"), but
    keep them inside letter runs ("VO/2024/123" stays)."""
    return _LONE_CONFUSABLE.sub(lambda m: m.group(0).translate(_DIGIT_REPAIR), number)


#: A hyphen standing between spaces, where print has a dash.
_SPACED_HYPHEN = regex.compile(r"(?<=\S) - (?=\S)")
#: An electoral term in Roman numerals before the count whose I OCR read as 1 ("X1/0206").
_ROMAN_TERM = regex.compile(r"^(?=[IVX1]*[IVX])(?=[IVX1]*1)[IVX1]{2,6}(?=/\d)")
#: A Roman numeral up to 39, as a term is counted.
_ROMAN = regex.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
#: Quote marks and specks OCR read glued before a value ("Vorlage-Nr.: 'X1/0312").
_GLUED_MARKS = regex.compile(r"(?<=:\s*)[\'\"‘’‚„“”`´]+(?=\w)")


def repair_roman_term(number: str) -> str:
    """A scanned number's Roman term with its I read as 1 ("X1/0206" → "XI/0206"); a prefix that
    is no Roman numeral with the 1 read back stays as read."""
    found = _ROMAN_TERM.match(number)
    if found is None:
        return number
    term = found.group(0).replace("1", "I")
    return term + number[found.end() :] if _ROMAN.fullmatch(term) else number


def _segments(ctx: Context, *, pages: int = _COVER_PAGES) -> list[tuple[int, Line, list[Token]]]:
    """(line index, line, segment) for unclaimed body lines on the cover pages."""
    result: list[tuple[int, Line, list[Token]]] = []
    for index, line in enumerate(ctx.lines):
        if line.page > pages:
            break
        if line.furniture or index in ctx.claimed:
            continue
        result.extend((index, line, seg) for seg in line.segments())
    return result


def extract_cover(ctx: Context) -> None:
    """Fill the scalar cover fields: labelled values ("Betreff: ...") first, then layout."""
    labelled = {name: labelled_value(ctx, name) for name in ctx.profile.values}
    segments = _segments(ctx)
    number_at = _number(ctx, segments)
    # A type line on the first page ("Beantwortung der Interpellation") is the paper's: a type
    # alone on a later page heads another paper appended to it (the Interpellation answered).
    # Nor does a type word labelling the number ("Mitteilung Nr.: 1359/2025") name the type then.
    typed = has_type_line(ctx)
    typed_on_first = [s for s in segments if s[1].page == 1] if typed else segments
    type_at = _use_value(ctx, "document_type", labelled)
    # A form's ticked kind ("☒ Antrag ☐ Anfrage") says what the filer chose; a type word elsewhere
    # on the form (a label "Beschlussempfehlung:") does not.
    if type_at is None and not type_from_boxes(ctx):
        type_at = read_document_type(ctx, typed_on_first, labels=not typed)
    anchor = type_at or number_at
    if not _use_value(ctx, "public", labelled):
        _public(ctx, segments, anchor)
        if ctx.fields.values.get("public") is None:
            public_from_boxes(ctx)
    if not _use_value(ctx, "body", labelled):
        _body(ctx, segments, anchor)
    if ctx.fields.values.get("body") is None and ctx.profile.body_from_decision:
        _body_from_decision(ctx)
    if not _use_value(ctx, "originator", labelled):
        read_sender(ctx, segments)
    if not _use_value(ctx, "title", labelled):
        read_title(ctx)
    if not _use_value(ctx, "date", labelled):
        read_date(ctx)
    if ctx.fields.values.get("document_type") is None and not typed:
        # A subject naming the Anfrage a paper answers ("Betreff: Anfrage der SPD-Fraktion vom
        # ...") under the answer's own type line names another paper's type.
        document_type_from_title(ctx)
    # Whatever the profile left empty, the generic reader tries (extract/generic/).
    fill_cover(ctx)
    if ctx.fields.values.get("document_type") is None:
        default_document_type(ctx)


def _use_value(ctx: Context, name: str, labelled: dict[str, Found | None]) -> tuple[Line, list[Token]] | None:
    """Store a labelled value for field ``name`` (converted to the field's type); None if absent."""
    found = labelled.get(name)
    if found is None:
        return None
    text, line, tokens = found
    where = [(line.page, tokens)] if tokens else [line]
    value: object = text
    if name == "public":
        # "Öffentlich: ja" answers the label's question; the state words read as before.
        answer = text.strip().casefold()
        value = {"ja": True, "nein": False}[answer] if answer in ("ja", "nein") else public_state(text, ctx)
    elif name == "date":
        value = next((d for d, _, _ in iter_dates(text)), None)
    elif name == "document_type":
        known = {fold_for_match(t): t for t in ctx.profile.document_types}
        value = known.get(fold_for_match(text))
        if value is None and line.page in ctx.layout.ocr_pages:  # "Beschlussvor1age"
            value = ocr_snapper().snap(text, ctx.profile.document_types)
        value = value or text
        if value in ctx.profile.not_drucksache_types:
            ctx.warn(
                IssueCode.NOT_A_DRUCKSACHE,
                f"not a Drucksache: the paper is of type {value!r}, so Drucksache fields stay empty",
            )
    elif name == "body" and line.page in ctx.layout.ocr_pages:
        value = ocr_snapper().body(text, ctx.profile.bodies) or text  # "Bezirksvertretunq Lindenthal"
    elif name == "originator":
        if line.page in ctx.layout.ocr_pages:
            # OCR reads the dash between an office's number and its name as a hyphen
            # ("Amt 40 – Schulverwaltung"); a hyphen between spaces is how a dash is typed.
            value = text = _SPACED_HYPHEN.sub(" – ", text)
        faction = text if ctx.profile.faction_re.search(text) else None
        ctx.set("faction", faction, where if faction else [])
    if value is None:
        return None
    ctx.set(name, value, where, LABELLED)
    return line, tokens


def _number(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> tuple[Line, list[Token]] | None:
    # The number is often repeated in the running header, which is furniture: look there too.
    # A two-page paper may carry it only in the header over page 2.
    header = [
        (i, ln, seg)
        for i, ln in enumerate(ctx.lines)
        if ln.page <= _COVER_PAGES and ln.furniture
        for seg in ln.segments()
    ]
    scanned = frozenset(ctx.layout.ocr_pages)

    def clean(page: int, text: str) -> str:
        return _GLUED_MARKS.sub("", text) if page in scanned else text

    def read(page: int, number: str) -> str:
        number = repair_ocr_digits(number)
        return repair_roman_term(number) if page in scanned else number

    for at, line, seg in sorted(segments + header, key=lambda s: s[0]):
        match = _own_number(ctx.profile.number_re, ctx.lines, at, seg, clean(line.page, tokens_text(seg)))
        if match:
            ctx.set("number", read(line.page, match.group("number")), [(line.page, seg)])
            return line, seg
    # "Vorlage Nr." over "2023/477", or beside it in the next column
    wrapped = match_wrapped(ctx.lines, ctx.profile.number_re, pages=_COVER_PAGES, clean=clean, cited=True)
    if wrapped is not None:
        ctx.set("number", read(wrapped[1], wrapped[0].group("number")), [(wrapped[1], wrapped[2])])
        return None
    generic = bundled_profiles()["generic"]
    if ctx.profile.generic_number and ctx.profile.name != generic.name and generic.number_patterns:
        # The generic reader reads what a system's profile leaves empty: a Word template that
        # matched the system's profile labels its number as other towns do ("Vorlage-Nr.:" beside
        # "VO/2024/252").
        for at, line, seg in segments:
            match = _own_number(generic.number_re, ctx.lines, at, seg, clean(line.page, tokens_text(seg)))
            if match:
                ctx.set("number", read(line.page, match.group("number")), [(line.page, seg)])
                return line, seg
        wrapped = match_wrapped(ctx.lines, generic.number_re, pages=_COVER_PAGES, clean=clean, cited=True)
        if wrapped is not None:
            ctx.set("number", read(wrapped[1], wrapped[0].group("number")), [(wrapped[1], wrapped[2])])
            return None
    ctx.set("number", None, [])
    warn_unread_number(ctx, segments)
    return None


def _own_number(
    pattern: regex.Pattern[str], lines: Sequence[Line], index: int, seg: list[Token], text: str
) -> regex.Match[str] | None:
    """The first match of a number ``pattern`` in segment ``seg`` of line ``index`` (its text
    ``text``) that is not another paper's number cited there (:meth:`ReaderVocabulary.cites_paper`)."""
    vocab = reader_vocabulary()
    line = lines[index]
    left = tokens_text([t for t in line.tokens if t.x1 <= seg[0].x0 + 0.1])
    above = line_over(lines, index, seg) if not line.furniture else None
    for match in pattern.finditer(text):
        if not vocab.cites_paper(left, text[: match.start()], above):
            return match
    return None


def _near(anchor: tuple[Line, list[Token]] | None, line: Line, seg: list[Token]) -> float:
    """Distance of a segment to the anchor block (same column, vertically close), else inf."""
    if anchor is None:
        return 0.0
    a_line, a_seg = anchor
    if a_line.page != line.page:
        return float("inf")
    if seg[0].x0 > a_seg[-1].x1 + 20 or seg[-1].x1 < a_seg[0].x0 - 20:
        return float("inf")
    return abs(line.top - a_line.top)


def _public(
    ctx: Context, segments: list[tuple[int, Line, list[Token]]], anchor: tuple[Line, list[Token]] | None
) -> None:
    candidates = []
    words = {fold_for_match(w) for w in ctx.profile.public_true + ctx.profile.public_false}
    for _, line, seg in segments:
        text = tokens_text(seg)
        if fold_for_match(text) in words or (
            line.page in ctx.layout.ocr_pages and LABELS.snap(text, ctx.profile.public_true + ctx.profile.public_false)
        ):
            candidates.append((_near(anchor, line, seg), line, seg, public_state(text, ctx)))
    _set_nearest(ctx, "public", candidates)


def _set_nearest(ctx: Context, name: str, candidates: Sequence[tuple[float, Line, list[Token], object]]) -> None:
    """Set field ``name`` to the value of the candidate nearest the anchor (None when no
    candidate is near at all); each candidate is (distance, line, segment, value)."""
    near = [c for c in candidates if c[0] != float("inf")]
    if not near:
        ctx.set(name, None, [])
        return
    _, line, seg, value = min(near, key=lambda c: c[0])
    ctx.set(name, value, [(line.page, seg)])


def _body(ctx: Context, segments: list[tuple[int, Line, list[Token]]], anchor: tuple[Line, list[Token]] | None) -> None:
    bodies = {fold_for_match(b): b for b in ctx.profile.bodies}
    candidates = []
    signature = ctx.profile.label("signature", fuzzy=0)
    for index, line, seg in _before_closing(segments, ocr=set(ctx.layout.ocr_pages), signature=signature):
        text = tokens_text(seg)
        if _under_a_name(ctx.lines, index, seg):
            continue  # a signer's role under the name ("Katrin Huber" over "Gemeinderat"), not the addressee
        if fold_for_match(text) in bodies:
            candidates.append((_near(anchor, line, seg), line, seg, text))
        elif (
            line.page in ctx.layout.ocr_pages and (snapped := ocr_snapper().snap(text, ctx.profile.bodies)) is not None
        ):
            candidates.append((_near(anchor, line, seg), line, seg, snapped))  # "Stadtrnt"
    _set_nearest(ctx, "body", candidates)


def _under_a_name(lines: Sequence[Line], index: int, seg: list[Token]) -> bool:
    """Whether ``seg`` of line ``index`` stands right under a person's name at its left edge: a
    signer's role or title, where a signature has no closing formula or "gez." over it."""
    if index == 0:
        return False
    line, above = lines[index], lines[index - 1]
    if above.page != line.page or line.top - above.bottom > line.size:
        return False
    name = next((s for s in above.segments() if abs(s[0].x0 - seg[0].x0) <= 2.0), None)
    return name is not None and reader_vocabulary().person_re.match(tokens_text(name)) is not None


def _before_closing(
    segments: list[tuple[int, Line, list[Token]]],
    ocr: set[int] | frozenset[int] = frozenset(),
    signature: regex.Pattern[str] | None = None,
) -> list[tuple[int, Line, list[Token]]]:
    """The segments above a letter's closing formula, or above a line the ``signature`` label
    opens ("gez.", "Der Magistrat" over the names): below it stand the signers and their roles
    ("Stadtrat" under a name is a title, not the body addressed). On the pages ``ocr`` the
    formula may carry one misread letter ("Mit freundlichen Grußen")."""
    for position, (_, line, _) in enumerate(segments):
        if is_closing(line.text) or (
            line.page in ocr and any(is_closing(v) for v in ocr_snapper().unconfused(line.text))
        ):
            return segments[:position]
        if signature is not None and position and signature.match(line.text):
            return segments[:position]
    return segments


def _body_from_decision(ctx: Context) -> None:
    """The body of the last consultation whose role is a decision ("Entscheidung",
    "beschließend"): the body that decides, for a cover that names none."""
    decisions = [role.casefold() for role in ctx.profile.decision_roles]
    rows = list(zip(ctx.fields.values.get("consultations") or [], ctx.consultation_rows, strict=False))
    for row, lines in reversed(rows):
        role = (row.role or "").casefold()
        if role and any(decision in role for decision in decisions):
            ctx.set("body", row.body, lines)
            return
