"""The generic reader: cover fields and the request of papers from any city, read from what
letters, motions and Vorlagen share (subject lines, heading blocks, sender and signature,
address, request headings), for every field the paper's profile leaves empty."""

from __future__ import annotations

from ...issues import IssueCode
from ...layout.lines import Line, after_first_cell, tokens_text
from ...models import Provenance, ResolutionItem
from ...text.normalize import fold_for_match, join_lines
from ..column_edges import with_column_edges
from ..context import GUESSED, LABELLED, WEAK, Context, within
from ..items import without_lead
from .cells import match_wrapped
from .closing import date_above_closing, date_over_signature, is_closing, trailing_signature
from .heading import (
    cue_type,
    head_lines,
    heading_title,
    is_letterhead,
    lone_type_label,
    side_box,
    subject_title,
    without_box,
)
from .joint import joint_sender, type_line_filer, unnamed_signers
from .letter_fields import (
    administration_from_head,
    body_from_head,
    body_from_letterhead,
    faction_of,
    forwarded_letter_page,
    is_address_line,
    originator_from_head,
    originator_from_signature,
    speech_type,
    type_from_lines,
    type_from_title,
)
from .office import cites_date, fill_office_date, info_date, is_memo, letter_type, memo_subject, office_subject
from .proposal import announced_list, emphasised_items, proposal_section, read_items
from .request import fill_from_request, request_sentence, requested_items, stated_type
from .scan_heading import scan_heading_title
from .vocabulary import ReaderVocabulary, reader_vocabulary

__all__ = [
    "date_above_closing",
    "date_over_signature",
    "fill_cover",
    "fill_resolution",
    "has_type_line",
    "is_address",
    "is_closing",
    "is_letterhead",
    "match_wrapped",
    "subject_line_title",
    "trailing_signature",
]

#: Cover fields are read from the first pages only.
_COVER_PAGES = 2


def _fuzzy(ctx: Context) -> int:
    """Label errors tolerated: none on born-digital pages, the OCR allowance on scans."""
    return ctx.fuzzy_errors if ctx.layout.ocr_pages else 0


def _cover_lines(ctx: Context) -> list[Line]:
    """Unclaimed body lines with words on the cover pages."""
    return [
        line
        for index, line in enumerate(ctx.lines)
        if line.page <= _COVER_PAGES and not line.furniture and index not in ctx.claimed and line.words
    ]


def has_type_line(ctx: Context) -> bool:
    """Whether the head names the paper's type on a line of its own ("Beantwortung der Anfrage
    ...", "Antwort der Verwaltung"): the type a subject names first is then another paper's."""
    lines = _cover_lines(ctx)
    return type_from_lines(lines, reader_vocabulary(), ocr=1 in ctx.layout.ocr_pages) is not None


def is_address(text: str) -> bool:
    """Whether ``text`` opens an address block or a meeting line (it names the recipient) or is
    a letterhead's address line ("Amt für Verkehr · Rathausplatz 8 · 79098 Freiburg")."""
    return bool(reader_vocabulary().matcher("address").match(text)) or is_address_line(text)


def subject_line_title(ctx: Context) -> bool:
    """Set the title from a subject line ("Betreff:", "hier:"); whether one was found."""
    found = subject_title(_cover_lines(ctx), reader_vocabulary(), fuzzy=_fuzzy(ctx))
    if found is None:
        return False
    (title, where), kind = found
    ctx.set("title", title, where)
    if kind is not None and ctx.fields.values.get("document_type") is None:
        ctx.set("document_type", kind, where[:1])
    return True


def _not_a_drucksache(ctx: Context) -> bool:
    """Whether the paper is an agenda or minutes: their fields are not a Drucksache's."""
    return ctx.fields.values.get("document_type") in ctx.profile.not_drucksache_types


def fill_cover(ctx: Context) -> None:
    """Fill the cover fields the profile left empty: title, type, originator and faction,
    body (the faction with the originator). Agendas and minutes are left as they are."""
    vocab = reader_vocabulary()
    lines = _cover_lines(ctx)
    values = ctx.fields.values
    if _not_a_drucksache(ctx):
        _fill_body(ctx, lines, vocab)
        return
    height = ctx.layout.pages[0].height if ctx.layout.pages else 842.0
    if values.get("title") is None and not subject_line_title(ctx):
        # A scan gives no bold and measures sizes unevenly: its heading is found by its place,
        # and an office letter's subject by its place under the information block, before a
        # line of the text that OCR measured large passes for a heading.
        scanned = 1 in ctx.layout.ocr_pages
        if scanned:
            office_subject(ctx)  # sets nothing unless page 1 heads an office letter
        if values.get("title") is None:
            heading = (scanned and scan_heading_title(lines, vocab)) or heading_title(
                lines, height, vocab, scanned=scanned
            )
            if heading is not None:
                # No subject line: the first heading is a guess (a speaker's name, a letterhead).
                ctx.set("title", heading[0], heading[1], WEAK, "the first heading (no subject line)")
    typed_apart = values.get("document_type") is not None or _fill_type(ctx, lines, vocab)
    if values.get("title") is None and is_memo(ctx):
        memo_subject(ctx, lines)  # a memo's subject under its label block, no bold on a scan
    if typed_apart and "title" in ctx.fields.basis:
        # A paper that names its type apart from its title (a Swiss "Motion" under its heading)
        # is a formal paper: its first heading is its subject, not a speaker's or sender's line.
        del ctx.fields.basis["title"]
        ctx.fields.confidence["title"] = GUESSED
    # A cover sheet over a letter it forwards (a citizen's Einwohnerantrag): the letter's page.
    forwarded = forwarded_letter_page(lines)
    _joint_sender(ctx, lines, vocab, height)
    _type_line_sender(ctx, lines, vocab, height)
    if values.get("originator") is None:
        body_lines = [line for line in ctx.lines if not line.furniture and line.words]
        head = originator_from_head(lines, vocab)
        sender = head or originator_from_signature(body_lines, vocab)
        if sender is None and forwarded is not None:
            # A cover sheet over the letter it forwards: the letter's sender sent the paper.
            head = sender = originator_from_head(lines, vocab, page=forwarded)
        if sender is None:
            head = sender = administration_from_head(lines, vocab)
        if sender is not None:
            # A name under the closing may be a clerk's, not the paper's sender; not when it
            # says whom it signs for ("Anna Keller, SPD-Fraktion").
            weak = (WEAK, "the signature only") if head is None and not vocab.named_sender(sender[0]) else ()
            ctx.set("originator", sender[0], sender[1], *weak)
            if values.get("faction") is None:
                faction = faction_of(sender[0], vocab)
                ctx.set("faction", faction, sender[1] if faction else [], *weak)
    _other_signers(ctx)
    titled = ctx.fields.provenance.get("title") or []
    if values.get("date") is not None and any(within(line, titled) for line in _date_lines(ctx)):
        # The subject's date ("nach dem Beschluss vom" over "27.05.2024") is no dateline: a
        # stamp over the real one left it the only date standing alone.
        ctx.set("date", None, [])
    if values.get("date") is not None and any(cites_date(text, values["date"]) for text in _date_texts(ctx)):
        ctx.set("date", None, [])  # "Ihr Schreiben vom 30.07.2022" on a scan read as a dateline
    if values.get("date") is None:  # no dateline: the information block's ("Datum: ...")
        fill_office_date(ctx)
    if values.get("date") is None and forwarded is not None:
        # A cover sheet with no date of its own ("Eingang:" only, the day the office received
        # the paper) over the letter it forwards: the letter's dateline is the paper's date.
        dated_letter = info_date(head_lines(lines), ocr=forwarded in ctx.layout.ocr_pages, page=forwarded)
        if dated_letter is not None and dated_letter[0] is not None:
            ctx.set("date", dated_letter[0], [dated_letter[1]])
    if values.get("date") is None:  # no dateline at the head: the one above the closing
        text_lines = [ln for ln in ctx.lines if not ln.furniture and not within(ln, titled)]
        dated = date_above_closing(text_lines) or date_over_signature([ln for ln in text_lines if ln.words])
        if dated is not None:
            ctx.set("date", dated[0], [dated[1]], GUESSED)
    if values.get("body") is None:
        body = body_from_head(lines, vocab) or (
            body_from_head(lines, vocab, page=forwarded) if forwarded is not None else None
        )
        if body is not None:
            ctx.set("body", body[0], body[1])
    _body_of_head(ctx, lines, vocab)
    # The request sentence is read without the box set beside it (an information block's
    # "E-Mail" between "folgenden" and "Prüfantrag:").
    flow = without_box(lines, side_box(lines))
    fill_from_request(ctx, flow, vocab)
    if values.get("document_type") is None and (stated := stated_type(flow, vocab)) is not None:
        ctx.set("document_type", stated[0], stated[1])
    letter_type(ctx)  # after the request sentence and the sentences that may name the type


def _joint_sender(ctx: Context, lines: list[Line], vocab: ReaderVocabulary, height: float) -> None:
    """The senders of a paper that several groups file together, as its head names them
    together, over one group's letterhead or a first line read as the sender; a submitter after
    its label stays. The faction is the senders when they are groups, none for members named
    with their party."""
    if ctx.fields.confidence.get("originator", 0.0) >= LABELLED and ctx.fields.values.get("originator"):
        return
    joint = joint_sender(lines, vocab, height)
    if joint is None:
        return
    text, where = joint
    ctx.set("originator", text, where)
    group = vocab.matcher("joint").match(text) or vocab.matcher("faction").search(text)
    ctx.set("faction", text if group else None, where if group else [])


def _type_line_sender(ctx: Context, lines: list[Line], vocab: ReaderVocabulary, height: float) -> None:
    """The filer the type line names (:func:`type_line_filer`), where no sender was read or the
    one read is that line or a part of it ("Antrag der CDU-Fraktion", the "Fraktion" a wrapped
    line ends with); a submitter after its label stays. The faction is the filer when it names
    a group, none for members named with their party or an executive."""
    current = ctx.fields.values.get("originator")
    if ctx.fields.confidence.get("originator", 0.0) >= LABELLED and current:
        return
    found = type_line_filer(lines, vocab, height)
    if found is None:
        return
    text, where = found
    line_text = fold_for_match(join_lines([line.text for line in where]))
    if isinstance(current, str) and current and fold_for_match(current) not in line_text:
        return
    ctx.set("originator", text, where)
    group = vocab.matcher("joint").match(text) or vocab.matcher("faction").search(text)
    ctx.set("faction", text if group else None, where if group else [])


def _other_signers(ctx: Context) -> None:
    """Warn about a sender that names one of the groups signing a joint paper and not the others
    (their names stand in the signatures only: logos or letterheads side by side above)."""
    sender = ctx.fields.values.get("originator")
    if not isinstance(sender, str) or not sender:
        return
    missing = unnamed_signers(ctx.lines, sender, reader_vocabulary())
    if missing:
        message = f"groups sign that the sender read does not name ({', '.join(missing)}): check the originator"
        ctx.warn(IssueCode.VALUE_UNCERTAIN, message, field="originator")


def _body_of_head(ctx: Context, lines: list[Line], vocab: ReaderVocabulary) -> None:
    """The body the paper's head names with its place ("Bezirksverordnetenversammlung" over
    "Pankow"), where no body was read or only the body's kind was, from the head's first line."""
    body = ctx.fields.values.get("body")
    height = ctx.layout.pages[0].height if ctx.layout.pages else 842.0
    sender = ctx.fields.values.get("originator")
    headed = body_from_letterhead(lines, height, vocab, sender if isinstance(sender, str) else None)
    if headed is None or (body is not None and not headed[0].startswith(f"{body} ")):
        return
    ctx.set("body", headed[0], headed[1])


def _fill_type(ctx: Context, lines: list[Line], vocab: ReaderVocabulary) -> bool:
    """Fill the type the profile left empty: from a type line, a speech marker, the title's
    first words, else a lone "Antrag:" (it heads the request and names the type only when
    nothing else does). Whether the type stands apart from the title."""
    typed = type_from_lines(lines, vocab, ocr=1 in ctx.layout.ocr_pages) or speech_type(lines, vocab)
    if typed is not None:
        ctx.set("document_type", typed[0], typed[1])
        return True
    title = ctx.fields.values.get("title")
    kind = type_from_title(str(title), vocab) if title else None
    if kind is not None:
        ctx.set("document_type", kind, [])
        ctx.fields.provenance["document_type"] = list(ctx.fields.provenance.get("title", []))
        return False
    request = request_sentence(lines, vocab)  # "wir bitten Sie, folgende Anfrage ... zu setzen:"
    if request is not None and request.kind is not None:
        ctx.set("document_type", request.kind, request.lines)
        return False
    cue = cue_type(lines, vocab)
    if cue is not None:
        ctx.set("document_type", cue[0], cue[1], GUESSED)
    return False


def _fill_body(ctx: Context, lines: list[Line], vocab: ReaderVocabulary) -> None:
    """Of an agenda or minutes only the body its meeting line names ("Thema: 3. Sitzung des
    Stadtteilbeirates Büchenbach"); the city in its letterhead is no sender of theirs."""
    if ctx.fields.values.get("body") is None:
        body = body_from_head(lines, vocab)
        if body is not None:
            ctx.set("body", body[0], body[1], GUESSED)


def _date_lines(ctx: Context) -> list[Line]:
    """The lines the date was read from."""
    return [line for p in ctx.fields.provenance.get("date") or [] for line in ctx.lines if within(line, [p])]


def _date_texts(ctx: Context) -> list[str]:
    """The text of the lines the date was read from, whole (a segment's box may miss the line's
    middle), but from the column it stands in where a box of fields beside the text has its own
    (the subject's "... nach dem Beschluss vom" beside "Datum: 15.05.2025" cites no date)."""
    boxes = ctx.fields.provenance.get("date") or []
    texts = []
    for index, line in enumerate(ctx.lines):
        found = [
            p for p in boxes if p.page == line.page and p.bbox.top <= (line.top + line.bottom) / 2 <= p.bbox.bottom
        ]
        if not found:
            continue
        edged = with_column_edges(ctx.lines, index)
        starts = [
            k
            for k, (token, whole) in enumerate(zip(edged.tokens, line.tokens, strict=True))
            if token.ruled and not whole.ruled and token.x0 <= found[0].bbox.x0 + _COLUMN_SLACK
        ]
        texts.append(tokens_text(edged.tokens[starts[-1] :]) if starts else line.text)
    return texts


#: How far (points) right of a date's box its column may start.
_COLUMN_SLACK = 1.0


def _inside(line: Line, boxes: list[Provenance]) -> bool:
    return any(p.page == line.page and p.bbox.top - 1 <= line.top <= p.bbox.bottom for p in boxes)


def answers_question(ctx: Context) -> bool:
    """Whether the paper's type line names the question it answers ("Stellungnahme der
    Verwaltung zur Anfrage der SPD-Fraktion ..."): the questions it quotes are no request."""
    vocab = reader_vocabulary()
    kind = ctx.fields.values.get("document_type")
    if isinstance(kind, str) and vocab.question_re.fullmatch(kind):
        return False  # the question itself: what it quotes (its questions) is its request
    boxes = ctx.fields.provenance.get("document_type") or []
    for line in ctx.lines:
        if not _inside(line, boxes):
            continue
        text = line.text.strip()
        typed = vocab.type_re.match(text)
        if typed is not None and vocab.question_re.search(text[typed.end() :]):
            return True
    if kind not in (*vocab.answer_types, *vocab.types_without_request):
        return False
    # The question answered named in a head row ("Bezug: Anfrage der SPD-Fraktion vom ...").
    return any(vocab.referred_question_re.match(line.text) for line in head_lines(_cover_lines(ctx)))


def _cell_beside(head: Line, rest: str) -> Line | None:
    """The segments of ``head`` after its first, as one line, when they hold all of ``rest``
    (the text after the heading's colon): the field beside a form's label; else None."""
    cell = after_first_cell(head)
    return cell if cell is not None and cell.text == rest else None


def fill_resolution(ctx: Context) -> None:
    """Read the request when the profile found none: after a request heading or from a
    request sentence, as numbered items (lettered sub-items inside) or one item per paragraph."""
    if ctx.fields.values.get("resolution_proposal") or _not_a_drucksache(ctx):
        return
    taken = [p for name in ("title", "document_type") for p in ctx.fields.provenance.get(name, [])]
    indexed = [
        (index, line)
        for index, line in enumerate(ctx.lines)
        if not line.furniture and index not in ctx.claimed and line.words
    ]
    lines = [line for _, line in indexed]
    # The title's lines cannot open the request; a lone "Antrag:" that named the type still can.
    vocab = reader_vocabulary()
    skip = frozenset(id(line) for line in lines if _inside(line, taken) and lone_type_label(line.text, vocab) is None)
    section = proposal_section(lines, vocab, fuzzy=_fuzzy(ctx), skip=skip)
    head: Line | None = None
    opening: list[Line] = []
    if section is not None:
        head, lead, body, opening = section
        cell = _cell_beside(head, lead) if head is not None and lead else None
        if cell is not None:
            # A form's grid row: the request starts in the field beside its heading ("Der Rat möge
            # beschließen:" in its cell, "1. Die Verwaltung ..." beside it), its items numbered there.
            body, lead = [cell, *body], ""
        items = read_items(body)
        if lead and head is not None:
            items.insert(0, (None, [lead], [head]))
        read = items
        items = without_lead(ctx.profile, items)
        # The opening sentence dropped is still the section's: no reason of the justification.
        opening += [line for _, _, where in read for line in where if all(line not in w for _, _, w in items)]
    weak: tuple[float, str] | tuple[()] = ()
    if section is None and (
        ctx.fields.values.get("document_type") in reader_vocabulary().types_without_request or answers_question(ctx)
    ):
        return  # a speech or an answer requests nothing: its bold sentences are emphasis
    if section is None:
        items = emphasised_items(lines, skip)
        # An unnumbered bold sentence without a request heading may be any emphasis of the
        # running text (a speech's key sentence); numbered bold items and an announced list
        # ("Wir bitten um ... mit" over bullets) say they are the request.
        if items and not any(number for number, _, _ in items):
            weak = (WEAK, "a bold sentence, no request heading")
        items = items or announced_list(lines, reader_vocabulary()) or requested_items(lines, vocab)
    if not items:
        return
    if section is not None:  # a request section; bold requests stay part of the running text
        used = {id(line) for _, _, where in items for line in where} | ({id(head)} if head is not None else set())
        used |= {id(line) for line in opening}
        ctx.claimed.update(index for index, line in indexed if id(line) in used)
    ctx.set(
        "resolution_proposal",
        [ResolutionItem(number=number, text=join_lines(parts)) for number, parts, _ in items],
        [line for _, _, where in items for line in where],
        *weak,
    )
    ctx.set_items("resolution_proposal", [where for _, _, where in items])
