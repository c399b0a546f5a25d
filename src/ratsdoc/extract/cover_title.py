"""The title of a paper's cover: the value of its title label with the lines under it, else a
letter's subject in bold, or the lines in the largest type of slides or a cover sheet."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, Token, mostly_bold, tokens_text
from ..text.normalize import fold_for_match, join_lines
from .column_edges import with_column_edges
from .context import GUESSED, Context
from .generic import is_letterhead, subject_line_title
from .generic.heading import (
    LABEL_LIKE,
    apart_from_box,
    is_addressed_type,
    is_filed_type,
    is_issued_type,
    is_ruled_type,
    is_salutation,
    party_marks,
    side_box,
    type_line_over,
    wrapped_type_line,
)
from .generic.joint import joint_sender
from .generic.refinement import is_refinement
from .generic.vocabulary import ReaderVocabulary, reader_vocabulary
from .labelled import COVER_PAGES as _COVER_PAGES
from .labelled import label_tokens
from .stamp_dates import is_stamp_text


def read_title(ctx: Context) -> None:
    """Set the title: the value of the title label on the cover pages with the lines under it, else
    the subject line, a letter's bold subject or the largest type, as the profile says."""
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
    # A box of fields beside the subject may stand closer to its lines than a column's gap
    # ("... in der   Datum: 23.08.2024"): its column parts them, as a rule would.
    label_line = with_column_edges(ctx.lines, index)
    covered = label_tokens(label_line, match.end())
    x_left = covered[0].x0 if covered else label_line.x0
    parts: list[str] = []
    where: list[tuple[int, list[Token]]] = []
    rest = [t for t in _label_segments(ctx, label_line) if t not in covered] if covered else []
    segments = label_line.segments()
    tabbed = False
    if covered and not rest and len(segments) > 1 and covered[-1] is segments[0][-1] and ":" not in match.group(0):
        # A grid row: the label fills its cell without a colon ("Betreff") and the subject stands
        # in the next cell. A label with its colon ("Titel der Drucksache:") has its value under
        # it, and the next segment on its line is another column's (the paper's type).
        rest = list(segments[1])
        tabbed = True
    elif (
        covered
        and not rest
        and len(segments) > 1
        and covered[-1] is segments[0][-1]
        and _grid_row(ctx, index, label_line)
    ):
        # A form's ruled row: the label with its colon fills its cell ("Betreff / Thema:"), the
        # subject stands in the field beside it, and no text stands under the label.
        rest = list(segments[1])
        tabbed = True
    elif covered and len(segments) > 1 and covered[-1] is segments[0][-1] and _at_tab(covered, segments[1]):
        # "Betreff:" with its value at the tab stop of a label block ("Verfasser:   Anna Lehmann"
        # over "Betreff:   Baumfällungen ..."; on a scan already read with the label): the value
        # is beside the label, the lines under the label are the text. Another column's cell
        # stands further off.
        rest = rest or list(segments[1])
        tabbed = rest[0] is segments[1][0]
    if rest:
        parts.append(tokens_text(rest))
        where.append((label_line.page, rest))
    previous, lefts = label_line, [x_left, *([rest[0].x0] if rest else [])]
    value_set: list[Token] | None = rest or None  # the value's first tokens, for how it is set
    if tabbed:
        lefts = [rest[0].x0]  # its wrapped lines stand under the value
    for position in range(index + 1, len(ctx.lines)):
        line = ctx.lines[position]
        if line.furniture:
            continue
        if line.page != label_line.page:
            break
        line = with_column_edges(ctx.lines, position)
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
        if tabbed and any(abs(s[0].x0 - x_left) <= 12 for s in line.segments()):
            break  # the grid's next row (a label in the label's column), or the text under the label
        if value_set is not None and _set_as_label(covered, value_set, seg):
            break  # a term set as the label is (bold) under a value set otherwise: the next term
        if ctx.is_section_start(line) or _ends_title(tokens_text(seg)):
            break
        parts.append(tokens_text(seg))
        where.append((line.page, seg))
        value_set = value_set or seg
        previous = line
        if rest and abs(seg[0].x0 - x_left) > 12 and abs(seg[0].x0 - rest[0].x0) <= 12:
            lefts = [rest[0].x0]  # the title hangs under its value: a line under the label is the text
    if not parts and covered and len(segments) > 1 and covered[-1] is segments[0][-1]:
        # Nothing under the label and no value at its tab: the value is the next cell of its
        # line, set further off ("Thema:" over a table's heads, "1. Sitzung des ..." beside it).
        parts, where = [tokens_text(list(segments[1]))], [(label_line.page, list(segments[1]))]
    title = join_lines(parts) or None
    ctx.set("title", title, where)


def _grid_row(ctx: Context, index: int, line: Line) -> bool:
    """Whether ``line``, label line ``index`` as its columns part it (two segments at least), is a
    row of a form's grid, its value in the next cell: the next line of the page starts no text
    under the label (it goes on in the value's cell, or it is the next row's label, or there is
    none). A label with its value under it ("Titel der Drucksache:" over the subject, the paper's
    type far right) has text at its own left edge."""
    # The line as its column edges part it: the page's line may be one run (a box's field beside
    # the label closer than a column's gap).
    label_x = line.segments()[0][0].x0
    value_x = line.segments()[1][0].x0
    for below in ctx.lines[index + 1 :]:
        if below.furniture:
            continue
        if below.page != line.page:
            return True
        under = next((s for s in below.segments() if abs(s[0].x0 - label_x) <= 12), None)
        if under is None:
            return any(abs(s[0].x0 - value_x) <= 12 for s in below.segments())
        return LABEL_LIKE.match(tokens_text(under)) is not None
    return True


def _set_as_label(label: list[Token], value: list[Token], line: list[Token]) -> bool:
    """Whether ``line`` under a title is set as its label and not as its value: a list of terms
    over their values ("Titel" in bold over the subject, then "Art" in bold) goes on with the
    next term. Only where the label is bold and the value is not."""

    def bold(tokens: list[Token]) -> bool:
        return bool(tokens) and mostly_bold(Line(0, tokens))

    return bold(label) and not bold(value) and bold(line)


#: A value at a label's tab stop starts within this many times the label's font size after it.
_TAB_REACH = 7.0


def _at_tab(label: list[Token], value: list[Token]) -> bool:
    """Whether ``value``, the segment after a label ending in a colon, stands at the label's tab
    stop: close after it on the same line, not across the page in another column."""
    return label[-1].text.endswith(":") and value[0].x0 - label[-1].x1 <= _TAB_REACH * label[-1].size


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


def _title_from_emphasis(ctx: Context) -> None:
    """A letter's subject: the first bold block on page 1 after its dateline (or, without one,
    after the letterhead), up to three lines; "hier:" and "Betreff" prefixes dropped."""
    page_one = [(i, ln) for i, ln in enumerate(ctx.lines) if ln.page == 1 and not ln.furniture]
    date_prov = ctx.fields.provenance.get("date")
    start_top = date_prov[0].bbox.bottom if date_prov and date_prov[0].page == 1 else 0.0
    types = {fold_for_match(t) for t in ctx.profile.document_types}
    vocab = reader_vocabulary()
    height = ctx.layout.pages[0].height if ctx.layout.pages else 842.0
    # The head line naming the groups that file the paper together, wrapped over lines.
    joint = joint_sender([ln for _, ln in page_one], vocab, height)
    filed = list(joint[1]) if joint is not None else []
    # A sender column or information block beside the letter is read apart from it: its name in
    # bold is no subject.
    box = side_box([ln for _, ln in page_one if ln.words])
    block: list[tuple[int, Line]] = []
    apart = [(i, apart_from_box(whole, box), whole) for i, whole in page_one]
    candidates = [
        (i, ln, whole)
        for i, ln, whole in apart
        if ln is not None and ln.top >= start_top and i not in ctx.claimed and ln.words
    ]
    skip_to = 0
    for position, (index, line, whole) in enumerate(candidates):
        if position < skip_to:
            continue
        bold = _bold(line)
        if not block and (
            is_letterhead(line.text)
            or party_marks(line, vocab)
            or any(whole is f for f in filed)
            or ctx.read_from("originator", whole)
        ):
            # The sender's name in bold over the letter ("Stadtteilbeirat Büchenbach", its town on
            # a line of its own), the parties' marks side by side, the senders of a joint paper.
            continue
        if not block and is_addressed_type(line.text, vocab):
            continue  # the paper's type line over its subject ("Bericht und Antrag an den Einwohnerrat")
        if not block and is_filed_type(line.text, vocab) and not _names_changed_paper(line, candidates[position + 1 :]):
            continue  # the type with who files it over the subject ("Resolution der ÖVP-Fraktion")
        if not block and _names_reader(line.text, ctx):
            continue  # the sending office's name in bold over its letterhead ("Rechnungsprüfungsamt")
        if not block and is_issued_type(line.text, vocab):
            continue  # the type with its issuer ("Mitteilung der Verwaltung") or alone ("Anfragebeantwortung")
        if not block and is_ruled_type(line.text, types):
            continue  # the type with the rule it is filed under ("Einwohnerantrag gemäß § 18b GO NRW")
        under = candidates[position + 1][1] if position + 1 < len(candidates) else None
        if not block and under is not None and _bold(under) >= 0.6 and type_line_over(line, under, vocab):
            continue  # the type in its own size over the subject ("Antrag einer Bürgerinitiative")
        if not block and _type_over_later_subject(
            line, [ln for _, ln, _ in candidates[position + 1 : position + 4]], vocab
        ):
            continue  # the type over who asked and "betreffend", the subject in bold under them
        wrapped = wrapped_type_line([ln for _, ln, _ in candidates[position : position + 4]], vocab) if not block else 0
        if wrapped and _bold(candidates[position + wrapped][1]) >= 0.6:
            skip_to = position + wrapped  # the same, wrapped over lines of its size
            continue
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


def _type_over_later_subject(line: Line, below: list[Line], vocab: ReaderVocabulary) -> bool:
    """Whether ``line`` is a type line over a subject in bold a few lines ``below`` it, with lines
    in regular type between ("Beantwortung der Interpellation" / "von Frank Meier (SVP) vom 22.
    März 2024" / "betreffend" / the subject)."""
    for between, under in enumerate(below):
        if _bold(under) >= 0.6:
            return between > 0 and type_line_over(line, under, vocab)
    return False


def _names_reader(text: str, ctx: Context) -> bool:
    """Whether ``text`` is the sender or the body already read (compared without case and spacing)."""
    folded = " ".join(text.casefold().split())
    values = ctx.fields.values
    return any(
        isinstance(name, str) and folded == " ".join(name.casefold().split())
        for name in (values.get("originator"), values.get("body"))
    )


def _bold(line: Line) -> float:
    """The share of ``line``'s words set in bold."""
    return sum(t.bold for t in line.words) / len(line.words) if line.words else 0.0


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


#: Lines of one heading follow each other this close (times the type size).
_HEADING_GAP = 0.8


def _names_changed_paper(line: Line, below: Sequence[tuple[int, Line, object]]) -> bool:
    """Whether the type line ``line`` goes on, in the lines of its heading under it, to name the
    paper it changes ("Gemeinsamer Abänderungsantrag der SPÖ-Gemeinderatsklub und" over
    "Gemeinderatsklub der Grünen zur Beschlussvorlage 0190/22"): then the heading is the subject."""
    vocab = reader_vocabulary()
    text, last = line.text, line
    for _, follower, _ in below[:2]:
        if follower.page != last.page or follower.top - last.bottom > _HEADING_GAP * last.size:
            break
        text, last = f"{text} {follower.text}", follower
        if vocab.changed_paper_re.search(text):
            return True
    return False
