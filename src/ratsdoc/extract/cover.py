"""Cover fields: number, title, document type, public, body, originator/faction and date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token, tokens_text
from ..text.dates import iter_dates
from ..text.lookalikes import ocr_snapper  # on a scan "Anfrnge gern. 8 4" is "Anfrage gem. § 4"
from ..text.normalize import fold_for_match, join_lines
from ..text.snapper import LABELS
from .consultations import public_state
from .context import GUESSED, LABELLED, Context
from .doubt import default_type_basis
from .generic import fill_cover, is_closing, is_letterhead, match_wrapped, subject_line_title
from .generic.closing import DATELINE as _PLACE_DATE
from .generic.heading import LABEL_LIKE, is_salutation
from .generic.refinement import is_refinement
from .labelled import COVER_PAGES as _COVER_PAGES
from .labelled import Found, label_tokens, labelled_value
from .ocr_type import doubtful_rule, type_segment
from .scan_cover import warn_unread_number
from .scan_datelines import dateline_date, placed_date
from .sender import read_sender
from .stamp_dates import is_stamp_date, is_stamp_text

_DIGIT_REPAIR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_LONE_CONFUSABLE = regex.compile(r"(?<!\p{L})[OolI](?!\p{L})")


def repair_ocr_digits(number: str) -> str:
    """Read O/o as 0 and l/I as 1 where they stand among digits ("O112/23" → "0112/23"), but
    keep them inside letter runs ("VO/2024/123" stays)."""
    return _LONE_CONFUSABLE.sub(lambda m: m.group(0).translate(_DIGIT_REPAIR), number)


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
    type_at = _use_value(ctx, "document_type", labelled) or _document_type(ctx, segments)
    anchor = type_at or number_at
    if not _use_value(ctx, "public", labelled):
        _public(ctx, segments, anchor)
    if not _use_value(ctx, "body", labelled):
        _body(ctx, segments, anchor)
    if ctx.fields.values.get("body") is None and ctx.profile.body_from_decision:
        _body_from_decision(ctx)
    if not _use_value(ctx, "originator", labelled):
        read_sender(ctx, segments)
    if not _use_value(ctx, "title", labelled):
        _title(ctx)
    if not _use_value(ctx, "date", labelled):
        _date(ctx)
    if ctx.fields.values.get("document_type") is None:
        _document_type_from_title(ctx)
    # Whatever the profile left empty, the generic reader tries (extract/generic/).
    fill_cover(ctx)
    if ctx.fields.values.get("document_type") is None:
        _default_document_type(ctx)


#: Signs OCR read after a type line's last word, from a stamp's frame or a speck ("...ordnung: =").
_TRAILING_MARKS = regex.compile(r"(?:\s*[^\p{L}\d\s§)]+)+$")
_TYPE_QUALIFIER = regex.compile(r"^\s+(?:nach|gemäß|gemaess|gem\.)\s+\S")
#: A type standing alone has at most three words ("Dringliche Entscheidungsvorlage").
_TYPE_WORDS = 3
#: Two lines whose left edges are this close (points) start in the same column.
_SAME_EDGE = 3.0


def _use_value(ctx: Context, name: str, labelled: dict[str, Found | None]) -> tuple[Line, list[Token]] | None:
    """Store a labelled value for field ``name`` (converted to the field's type); None if absent."""
    found = labelled.get(name)
    if found is None:
        return None
    text, line, tokens = found
    where = [(line.page, tokens)] if tokens else [line]
    value: object = text
    if name == "public":
        value = public_state(text, ctx)
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
    for _, line, seg in sorted(segments + header, key=lambda s: s[0]):
        match = ctx.profile.number_re.search(tokens_text(seg))
        if match:
            number = repair_ocr_digits(match.group("number"))
            ctx.set("number", number, [(line.page, seg)])
            return line, seg
    wrapped = match_wrapped(ctx.lines, ctx.profile.number_re, pages=_COVER_PAGES)  # "Vorlage Nr." over "2023/477"
    if wrapped is not None:
        ctx.set("number", repair_ocr_digits(wrapped[0].group("number")), [(wrapped[1], wrapped[2])])
        return None
    ctx.set("number", None, [])
    warn_unread_number(ctx, segments)
    return None


def _document_type(ctx: Context, segments: list[tuple[int, Line, list[Token]]]) -> tuple[Line, list[Token]] | None:
    types = sorted(ctx.profile.document_types, key=len, reverse=True)
    folded = [(fold_for_match(t), t) for t in types]
    known = {key for key, _ in folded}
    qualified: tuple[str, Line, list[Token]] | None = None
    salutation = ctx.find_label("salutation", page=1)
    for index, line, seg in segments:
        if salutation is not None and index >= salutation[0]:
            break  # below a letter's salutation a lone "Antrag:" heads the request, it is no type
        scanned = line.page in ctx.layout.ocr_pages
        raw = type_segment(line, seg, types) if scanned else tokens_text(seg)
        text = fold_for_match(raw).rstrip(":")
        if scanned and len(seg) <= _TYPE_WORDS and text not in known and not raw.endswith(":"):
            # A type alone on its line as OCR misread it ("Anfraqe", "Beschlussvor1age").
            text = fold_for_match(ocr_snapper().snap(raw, types) or raw)
        for key, name in folded:
            if qualified is None and text != key and _TYPE_QUALIFIER.match(text[len(key) :]) and text.startswith(key):
                # "Anfrage nach § 9 Abs. 2 GeschO": the type with the rule it is filed under,
                # unless the paper also states its type alone ("Antrag" over the subject).
                qualified = (_TRAILING_MARKS.sub("", raw).rstrip(":"), line, seg)
            if text == key and not raw.endswith(":"):  # "Antrag:" alone heads what follows
                wrapped = _type_wrapped_over(segments, line, seg, folded)
                if wrapped is not None:  # "Dringliche" / "Entscheidungsvorlage" in a narrow cell
                    return _set_type(ctx, wrapped[0], line, [*wrapped[1], *seg])
                return _set_type(ctx, name, line, seg)
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
    for _, line, seg in _before_closing(segments, ocr=set(ctx.layout.ocr_pages)):
        text = tokens_text(seg)
        if fold_for_match(text) in bodies:
            candidates.append((_near(anchor, line, seg), line, seg, text))
        elif (
            line.page in ctx.layout.ocr_pages and (snapped := ocr_snapper().snap(text, ctx.profile.bodies)) is not None
        ):
            candidates.append((_near(anchor, line, seg), line, seg, snapped))  # "Stadtrnt"
    _set_nearest(ctx, "body", candidates)


def _before_closing(
    segments: list[tuple[int, Line, list[Token]]], ocr: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, Line, list[Token]]]:
    """The segments above a letter's closing formula: below it stand the signers and their
    roles ("Stadtrat" under a name is a title, not the body addressed). On the pages ``ocr`` the
    formula may carry one misread letter ("Mit freundlichen Grußen")."""
    for position, (_, line, _) in enumerate(segments):
        if is_closing(line.text) or (
            line.page in ocr and any(is_closing(v) for v in ocr_snapper().unconfused(line.text))
        ):
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


def _title(ctx: Context) -> None:
    found = ctx.find_label("title")
    if found is None or found[1].page > _COVER_PAGES:
        if subject_line_title(ctx):  # "Betreff:", "hier:": the subject comes first
            return
        if ctx.profile.title_from_emphasis:
            _title_from_emphasis(ctx)
        elif ctx.profile.title_from_largest_font:
            _title_from_largest_font(ctx)
        else:
            ctx.set("title", None, [])
        return
    index, label_line, match = found
    covered = label_tokens(label_line, match.end())
    x_left = covered[0].x0 if covered else label_line.x0
    parts: list[str] = []
    where: list[tuple[int, list[Token]]] = []
    rest = [t for t in _label_segments(ctx, label_line) if t not in covered] if covered else []
    if rest:
        parts.append(tokens_text(rest))
        where.append((label_line.page, rest))
    previous, lefts = label_line, [x_left, *([rest[0].x0] if rest else [])]
    for line in ctx.lines[index + 1 :]:
        if line.furniture:
            continue
        if line.page != label_line.page:
            break
        # Under the label, or hanging under its value ("Betreff: Sanierung ..." / "und Ausbau").
        seg = next((s for s in line.segments() if any(abs(s[0].x0 - x) <= 12 for x in lefts)), None)
        # The gap is measured in the smaller of the two lines' sizes, each the size of most of
        # its words: on a scan a mark read beside the words ("®) Sehr geehrter") or over a whole
        # line makes it look large and the gap above it small.
        size = Line(line.page, seg).text_size if seg is not None else line.text_size
        if line.top - previous.bottom > 1.2 * min(size, previous.text_size):
            break
        if seg is None:  # a line of another column (the number box) between title lines
            continue
        if ctx.is_section_start(line) or _ends_title(tokens_text(seg)):
            break
        parts.append(tokens_text(seg))
        where.append((line.page, seg))
        previous = line
        if rest and abs(seg[0].x0 - x_left) > 12 and abs(seg[0].x0 - rest[0].x0) <= 12:
            lefts = [rest[0].x0]  # the title hangs under its value: a line under the label is the text
    title = join_lines(parts) or None
    ctx.set("title", title, where)


def _label_segments(ctx: Context, line: Line) -> list[Token]:
    """The tokens of a title's label line that hold the label and the value: its first segment;
    on a scan also the segments after it up to a stamp's (a stamp over the subject's middle
    splits it: "in der Ba   äße und Ergänzung"; the gap is warned about by ``ocr_doubt``)."""
    segments = line.segments()
    if line.page not in ctx.layout.ocr_pages:
        return list(segments[0])
    kept = list(segments[0])
    for segment in segments[1:]:
        if is_stamp_text(tokens_text(segment)):
            break
        kept.extend(segment)
    return kept


#: A label has at most this many words before its colon ("Anfrage Nr.:", "Datum:").
_LABEL_WORDS = 3


def _ends_title(text: str) -> bool:
    """Whether a line under a labelled title starts something else: the salutation (also as
    OCR misreads it) or the next label ("Anfrage Nr.: 503/2022"), but not "hier:", which
    refines the subject (DIN 5008)."""
    if is_salutation(text):
        return True
    label = LABEL_LIKE.match(text)
    return label is not None and len(label.group(0).split()) <= _LABEL_WORDS and not is_refinement(text)


#: Words a date line over a signature has at most ("Erlangen, den 14. Februar 2024").
_DATELINE_WORDS = 6


def _date(ctx: Context) -> None:
    """The paper's date: beside the signature, else after a "Datum:" label, else in the header."""
    for name in ("signature", "date"):
        found = ctx.find_label(name)
        while found is not None:
            index, line, _ = found
            # The line above counts when it is a date line ("Erlangen, 14.02.2024" over "gez."),
            # not the end of the text, whose sentence may name any date.
            above = [ln for ln in ctx.lines[max(0, index - 1) : index] if len(ln.words) <= _DATELINE_WORDS]
            for candidate in (line, *above):
                for date, _, _ in iter_dates(candidate.text, ocr=candidate.page in ctx.layout.ocr_pages):
                    ctx.set("date", date, [candidate])
                    return
            found = ctx.find_label(name, start=index + 1)
    alone: tuple[dt.date, Line, list[Token]] | None = None
    for index, line in enumerate(ctx.lines):
        if line.page > 1:
            break
        if line.furniture or index in ctx.claimed:
            continue
        scanned = line.page in ctx.layout.ocr_pages
        for seg in line.segments():
            if scanned and is_stamp_date(ctx.lines, index, seg):
                continue  # the day an intake stamp says the paper came in
            match = _PLACE_DATE.fullmatch(tokens_text(seg))
            parsed = next((d for d, _, _ in iter_dates(match.group("date"))), None) if match else None
            if parsed is None and scanned:
                parsed = dateline_date(tokens_text(seg))
            if parsed is None:
                continue
            if scanned and placed_date(tokens_text(seg)) is None:
                # A date alone on a scan may be a stamp's whose word was lost: a dateline with
                # its place further down is the paper's.
                alone = alone or (parsed, line, seg)
                continue
            ctx.set("date", parsed, [(line.page, seg)], GUESSED)
            return
    if alone is not None:
        ctx.set("date", alone[0], [(alone[1].page, alone[2])], GUESSED)
        return
    ctx.set("date", None, [])


def _title_from_emphasis(ctx: Context) -> None:
    """A letter's subject: the first bold block on page 1 after its dateline (or, without one,
    after the letterhead), up to three lines; "hier:" and "Betreff" prefixes dropped."""
    page_one = [(i, ln) for i, ln in enumerate(ctx.lines) if ln.page == 1 and not ln.furniture]
    date_prov = ctx.fields.provenance.get("date")
    start_top = date_prov[0].bbox.bottom if date_prov and date_prov[0].page == 1 else 0.0
    types = {fold_for_match(t) for t in ctx.profile.document_types}
    block: list[tuple[int, Line]] = []
    for index, line in page_one:
        if line.top < start_top or index in ctx.claimed or not line.words:
            continue
        bold = sum(t.bold for t in line.words) / len(line.words)
        if not block and is_letterhead(line.text):
            continue  # the sender's name in bold over the letter ("Stadtteilbeirat Büchenbach")
        if bold >= 0.6 and fold_for_match(line.text).rstrip(":") not in types:
            if block and line.top - block[-1][1].bottom > 0.9 * line.size:
                break
            block.append((index, line))
            if len(block) == 3:
                break
        elif block:
            break
        elif ctx.profile.label("salutation", fuzzy=0).match(line.text) is None and bold < 0.6 and len(line.words) > 8:
            break  # running text reached: no subject line
    if not block:
        ctx.set("title", None, [])
        return
    text = _SUBJECT_PREFIX.sub("", join_lines([ln.text for _, ln in block]))
    ctx.claimed.update(i for i, _ in block)
    ctx.set("title", text or None, [ln for _, ln in block], GUESSED)


def _title_from_largest_font(ctx: Context) -> None:
    """The title of slides or a cover sheet: the lines set in the largest type on page 1,
    when that type stands out (at least 1.3 times the page's common size)."""
    page_one = [ln for ln in ctx.lines if ln.page == 1 and not ln.furniture and ln.words]
    if not page_one:
        ctx.set("title", None, [])
        return
    sizes = sorted(ln.size for ln in page_one)
    common = sizes[len(sizes) // 2]
    largest = sizes[-1]
    if largest < 1.3 * common:
        ctx.set("title", None, [])
        return
    types = {fold_for_match(t) for t in ctx.profile.document_types}
    # The largest line is often the type itself ("Einladung", maybe beside the city): no title.
    block = [
        ln for ln in page_one if ln.size >= largest - 0.5 and fold_for_match(tokens_text(ln.segments()[0])) not in types
    ]
    if not block:
        ctx.set("title", None, [])
        return
    ctx.set("title", join_lines([ln.text for ln in block]), block, GUESSED)


_SUBJECT_PREFIX = regex.compile(r"^(?:hier|Betreff|Betr\.)\s*:\s*", regex.IGNORECASE)


def _document_type_from_title(ctx: Context) -> None:
    """A letter names its type first in its subject ("Stellungnahme zur Beschlussvorlage ...")."""
    title = ctx.fields.values.get("title") or ""
    words = [fold_for_match(w).strip(',.:;„“"') for w in str(title).split()[:4]]
    types = {fold_for_match(name): name for name in ctx.profile.document_types}
    for name in (types[word] for word in words if word in types):
        ctx.set("document_type", name, [], GUESSED)
        if "title" in ctx.fields.provenance:
            ctx.fields.provenance["document_type"] = list(ctx.fields.provenance["title"])
        return


def _default_document_type(ctx: Context) -> None:
    """A letter with a salutation that names no type gets the profile's default type."""
    if ctx.profile.default_document_type and ctx.find_label("salutation") is not None:
        ctx.set("document_type", ctx.profile.default_document_type, [], *default_type_basis(ctx))
