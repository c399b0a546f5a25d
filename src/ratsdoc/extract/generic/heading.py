"""The title of any paper: a subject line ("Betreff:", "hier:", "Antrag: ...") with its wrapped
lines, else the dominant heading block in the upper part of page 1 (bold or large, set apart),
never the letterhead, the address or the sender block."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from ...layout.lines import Line, Token
from ...text.dates import iter_dates
from ...text.normalize import fold_for_match, join_lines
from ...text.snapper import LABELS
from .refinement import is_refinement, refined_block
from .vocabulary import ADDRESSED, ReaderVocabulary, reader_vocabulary

#: A value read with the lines it came from.
Found = tuple[str, list[Line]]

#: Headings live in the upper part of page 1; below it the running text begins.
_UPPER_SHARE = 0.6
#: A subject goes on over at most this many lines.
_MAX_SUBJECT_LINES = 5
MAX_HEADING_LINES = 4
#: A heading over more lines than that is a narrow column's (beside a box) with at most this many
#: lines and characters (four lines of a page's width hold about 300).
_MAX_NARROW_LINES, _MAX_HEADING_CHARS = 7, 200
#: A heading's type is this much larger than the text's, or a little larger (a subject set in
#: 11 pt over 10 pt text) where space of this many text sizes sets it apart above and below.
_LARGER, _SLIGHTLY_LARGER, _APART = 1.15, 1.05, 1.0
#: A label and its colon ("Vorlagen-Nr.: AN/0675/2022"; OCR may lose the space before a number).
LABEL_LIKE = regex.compile(r"^[\p{L}/ .-]{2,30}:(?:\s|$|(?=\p{Lu}{0,4}/?\d))")
#: The salutation that opens a letter's or a speech's text ("Liebe Grüße" closes one).
SALUTATION = regex.compile(
    r"^\s*(?:Sehr geehrte|Liebe[rn]?\s(?!Grü)|Hallo\b|Guten Tag\b"
    r"|Meine\s+(?:sehr\s+)?(?:geehrten\s+|verehrten\s+)?Damen\b)",
    regex.IGNORECASE,
)
#: The salutation as OCR may read it ("Sehr gechrter Herr", "Sehr geehrte Damen").
_SALUTATION_OCR = regex.compile(
    r"^\s*(?:(?:Sehr\s+geehrte){e<=2}|Sehr\s+ge\p{L}{4,6})\s+(?:Herr|Frau|Damen|Mitglieder)", regex.BESTMATCH
)


def is_salutation(text: str) -> bool:
    """Whether ``text`` opens with a salutation, as printed or as OCR may misread it."""
    return bool(SALUTATION.match(text) or _SALUTATION_OCR.match(text))


def bold_share(line: Line) -> float:
    """The share of the line's words set in bold."""
    words = line.words
    return sum(t.bold for t in words) / len(words) if words else 0.0


def common_size(lines: Sequence[Line]) -> float:
    """The font size most text is set in (the median over words)."""
    sizes = sorted(t.size for line in lines for t in line.words)
    return sizes[len(sizes) // 2] if sizes else 10.0


def head_lines(lines: Sequence[Line], vocab: ReaderVocabulary | None = None) -> list[Line]:
    """The lines before the salutation (all lines of a paper without one); with ``vocab``
    also before the first request or section heading ("Antrag", "Begründung")."""
    for index, line in enumerate(lines):
        text = line.text
        if SALUTATION.match(text) or (
            vocab is not None and (vocab.heading_re().match(text) or vocab.end_re().match(text))
        ):
            return list(lines[:index])
    return list(lines)


#: A box anchored beside the flow (an information block, a sender column) starts its lines at one
#: x, this many points apart at most, this far right of the flow's left edge at least, on a line
#: of its own and one beside the flow, or on this many lines beside the flow.
_BOX_ALIGN, _BOX_INDENT, _BOX_LINES = 3.0, 150.0, 3
#: A line of the flow beside a box holds its own text, a label and a value at most: more
#: segments are a table's columns. The flow stops short of the box by more than a word's gap
#: (this share of the size): a word after a word's gap goes on with the flow.
_BOX_SEGMENTS, _BOX_GAP = 3, 0.6
#: The box's rows are at most this many of their type sizes apart.
_BOX_REACH = 1.5


class Box(NamedTuple):
    """A box beside the flow on the first page: its left edge and the span of its lines."""

    edge: float
    top: float
    bottom: float


def side_box(lines: Sequence[Line]) -> Box | None:
    """The box set beside the flow on the first page of ``lines``: an x right of the flow's left
    edge where lines start, or words start after a wide gap on a line of the flow beside it
    ("Energetische Sanierung der   Vorlagen-Nr.: ..."), on a few lines and beside one at least;
    None without one."""
    page = [line for line in lines if line.page == 1 and line.words]
    if not page:
        return None
    left = min(line.x0 for line in page)
    starts = sorted({round(seg[0].x0) for line in page for seg in line.segments() if seg[0].x0 >= left + _BOX_INDENT})
    for x in starts:
        own = [line for line in page if abs(line.x0 - x) <= _BOX_ALIGN]
        beside = [
            line
            for line in page
            if line.x0 < x - _BOX_INDENT / 2
            and any(abs(seg[0].x0 - x) <= _BOX_ALIGN for seg in _beside_label(line, left))
        ]
        if beside and (own or len(beside) >= _BOX_LINES):
            rows = own + beside
            top, bottom = min(line.top for line in rows), max(line.bottom for line in rows)
            # The box reaches over the lines next to its rows with words right of its edge (its
            # values' column, a row whose label the flow's last word comes close to).
            for line in sorted(page, key=lambda ln: ln.top):
                near = top - _BOX_REACH * line.size <= line.bottom and line.top <= bottom + _BOX_REACH * line.size
                if near and _set_apart_from(line, x - _BOX_ALIGN):
                    top, bottom = min(top, line.top), max(bottom, line.bottom)
            spanned = [line for line in page if top - 1 <= line.top and line.bottom <= bottom + 1]
            if any(len(line.segments()) > _BOX_SEGMENTS for line in spanned):
                return None  # a table's columns, not a box beside the flow
            # The box's labels may start left of its values' column: its edge is the leftmost
            # start right of the flow's edge within its span.
            edge = min(
                (seg[0].x0 for line in spanned for seg in line.segments() if seg[0].x0 >= left + _BOX_INDENT),
                default=float(x),
            )
            return Box(min(edge, float(x)), top, bottom)
    return None


def _beside_label(line: Line, left: float) -> list[list[Token]]:
    """The segments of ``line`` after its first, but for the value of a label that opens a line
    of the flow at its ``left`` edge ("Gegenstand:   Energetische Sanierung ..."): a value at
    the flow's tab stop is the flow's, not a box's row (a type line centred over that tab stop
    made the values a box). A box's own label lines keep their values."""
    segments = line.segments()
    if segments and segments[0][-1].text.endswith(":") and abs(line.x0 - left) <= _BOX_ALIGN:
        return segments[2:]
    return segments[1:]


def _set_apart_from(line: Line, x: float) -> bool:
    """Whether ``line`` has words from ``x`` on set apart from the words before them by more than a
    word's gap (a box's row beside the flow; a paragraph running past ``x`` has none)."""
    words = line.words
    return any(
        words[k].x0 >= x and (k == 0 or words[k].x0 - words[k - 1].x1 > _BOX_GAP * words[k].size)
        for k in range(len(words))
    )


def without_box(lines: Sequence[Line], box: Box | None) -> list[Line]:
    """``lines`` read apart from the ``box`` beside the flow: the box's own lines left out, and a
    line of the flow beside it without the box's words (those from the box's edge on)."""
    kept = (apart_from_box(line, box) for line in lines)
    return [line for line in kept if line is not None]


def box_rows(lines: Sequence[Line], box: Box | None) -> list[Line]:
    """The rows of the ``box`` beside the flow among ``lines``: a line of the box's own whole, and
    of a line of the flow beside it the box's words (those from the box's edge on)."""
    rows: list[Line] = []
    for line in lines:
        kept = apart_from_box(line, box)
        if kept is line:
            continue
        if kept is None:
            rows.append(line)
        elif len(kept.tokens) < len(line.tokens):
            rows.append(Line(line.page, line.tokens[len(kept.tokens) :], line.furniture))
    return rows


def apart_from_box(line: Line, box: Box | None) -> Line | None:
    """``line`` without the words of the ``box`` beside it; None for a line of the box's own."""
    if box is None or line.page != 1 or not (box.top - 1 <= line.top and line.bottom <= box.bottom + 1):
        return line
    if line.x0 >= box.edge - _BOX_ALIGN:
        return None
    tokens = line.tokens
    cut = next(
        (
            k
            for k in range(1, len(tokens))
            if tokens[k].x0 >= box.edge - _BOX_ALIGN
            and tokens[k].x0 - tokens[k - 1].x1 > _BOX_GAP * max(tokens[k].size, tokens[k - 1].size)
        ),
        None,
    )
    return line if cut is None else Line(line.page, tokens[:cut], line.furniture)


def is_letterhead(text: str, vocab: ReaderVocabulary | None = None) -> bool:
    """Whether ``text`` is a line of a letterhead, an address or a sender block, or names the
    sender ("Stadtteilbeirat Büchenbach", "Stadt Erlangen", "91052 Erlangen", "Birgit Wolff,
    FDP-Fraktion")."""
    vocab = vocab or reader_vocabulary()
    return bool(
        vocab.matcher("letterhead").search(text) or vocab.matcher("originator").match(text) or vocab.named_sender(text)
    )


def head_grid_row(line: Line, vocab: ReaderVocabulary) -> bool:
    """Whether a segment of ``line`` is a parliament's Drucksache number or Wahlperiode set
    apart in its head ("Drucksache 19 / 17 888", "22. Wahlperiode")."""
    grid = vocab.matcher("head_grid")
    return any(grid.match(" ".join(t.text for t in seg)) for seg in line.segments())


def _ends_subject(line: Line, vocab: ReaderVocabulary) -> bool:
    """Whether ``line`` cannot continue a subject: a label, a salutation, a section heading."""
    text = line.text
    return bool(
        LABEL_LIKE.match(text) or SALUTATION.match(text) or vocab.heading_re().match(text) or vocab.end_re().match(text)
    )


def subject_title(lines: Sequence[Line], vocab: ReaderVocabulary, *, fuzzy: int = 0) -> tuple[Found, str | None] | None:
    """The title after a subject label on the cover, with its continuation lines (same indent,
    same weight, no gap), and the paper type when the label was one ("Antrag: ..."). With
    ``fuzzy`` (OCR) a label misread by that many errors counts ("Betreft:", "Anfrnge;"), but
    only when no line carries an exact one: a fuzzy match is a guess, an exact one is not."""
    # A box beside the subject (an information block) is read apart from it: its rows are no
    # part of the subject's lines.
    lines = without_box(lines, side_box(lines))
    found = _subject_title(lines, vocab, 0)
    return found if found is not None or not fuzzy else _subject_title(lines, vocab, fuzzy)


#: A numbered question quoted in the text: "1. Wann wird die Kostenschätzung vorgelegt?".
_QUESTION = regex.compile(r"^\s*\d{1,2}[.)]\s+\p{Lu}.*\?\s*$")
#: A sentence of the text announcing what follows it: three words at least, the last before its colon.
_ANNOUNCING = regex.compile(r"(?:\S+\s+){2,}\S*\p{Ll}:\s*$")


def _subject_title(lines: Sequence[Line], vocab: ReaderVocabulary, fuzzy: int) -> tuple[Found, str | None] | None:
    subject = vocab.subject_re(fuzzy)
    begun = False  # the text has begun
    for index, line in enumerate(lines):
        text = line.text
        kind = None
        match = subject.match(text)
        worn = (_worn_subject(line, lines, vocab) or _gapped_subject(line, vocab)) if fuzzy and match is None else None
        if worn is not None:
            value = worn
        elif match is None:
            kind, value = _type_label(text, vocab, fuzzy)
            if kind is None or not value or begun:
                # Below a sentence announcing what follows ("... beantwortet die Verwaltung wie
                # folgt:") or a numbered question ("Frage 1: ...") "Antwort: ..." labels a part of
                # the text, no subject; so does one under a question quoted in the text ("1. Wann
                # wird ... vorgelegt?").
                begun = (
                    begun
                    or _ANNOUNCING.search(text) is not None
                    or vocab.numbered_question_re.match(text) is not None
                    or _QUESTION.search(text) is not None
                )
                continue
        else:
            value = match.group("value").strip()
        if kind is None and not is_refinement(text) and _refined_below(lines, index, vocab):
            continue  # "Betreff: ..." over "hier: ...": read from the refinement, with its block
        found = _with_continuation(lines, index, value, vocab)
        block = refined_block(lines, index, vocab) if kind is None and is_refinement(text) else None
        if found is not None and block is not None:
            # The office style (DIN 5008): the subject over its refinement "hier: ..." is one title.
            label = text[: match.start("value")].strip() if match is not None else ""
            found = (join_lines([*block, f"{label} {found[0]}"]), [*lines[index - len(block) : index], *found[1]])
        if found is not None:
            return found, kind
    return None


#: The end of a label whose first letters a stamp or worn toner took ("eff:" of "Betreff:").
_LABEL_TAIL = regex.compile(r"^(?P<tail>\p{L}{3,6}\.?):\s*(?P<value>\S.*)$")
#: ... which leaves the line set in by at least this many of its sizes (one or two letters).
_LOST_LETTERS = 0.5


def _worn_subject(line: Line, lines: Sequence[Line], vocab: ReaderVocabulary) -> str | None:
    """The subject after a subject label that lost its first letters on a scan ("eff: Sanierung
    ..." for "Betreff:", "ema:" for "Thema:"): the tail of a label, set in from the page's left
    edge by the letters it lost ("Stand:" at the edge is a label of its own, not "Gegenstand:").
    None when ``line`` opens with no such tail."""
    tail = _LABEL_TAIL.match(line.text)
    left = min((ln.x0 for ln in lines if ln.page == line.page), default=line.x0)
    if tail is None or line.x0 - left < _LOST_LETTERS * line.size:
        return None
    end = tail.group("tail").casefold()
    labels = [label.replace("\\", "").casefold() for label in vocab.subject_labels]
    if any(label.endswith(end) and len(label) > len(end) for label in labels):
        return tail.group("value").strip()
    return None


#: A label whose middle letters a mark or worn toner hid: its first letters, a gap, its last
#: letters and the colon ("Be   f:" and "B   ff:" of "Betreff:").
_GAPPED_LABEL = regex.compile(r"^(?P<head>\p{L}{1,4})\s+(?P<tail>\p{L}{1,4}):\s*(?P<value>\S.*)$")
#: Only labels this long: in a short one ("Thema", "Titel") a first and a last letter fit many
#: words.
_GAPPED_MIN_LETTERS = 7
#: The gap must hold the lost letters: at least this share of the type size for each.
_LOST_LETTER_WIDTH = 0.35


def _gapped_subject(line: Line, vocab: ReaderVocabulary) -> str | None:
    """The subject after a subject label whose middle letters are lost on a scan, the gap where
    they stood still there ("Be   f: Modernisierung ..."): the label's first letters, a gap wide
    enough for the letters lost, its last letters. None when ``line`` opens with no such label."""
    match = _GAPPED_LABEL.match(line.text)
    tokens = line.tokens
    if match is None or len(tokens) < 3 or tokens[0].text != match.group("head"):
        return None
    head, tail = match.group("head").casefold(), match.group("tail").casefold()
    gap = tokens[1].x0 - tokens[0].x1
    for label in (label.replace("\\", "").casefold() for label in vocab.subject_labels):
        lost = len(label) - len(head) - len(tail)
        if (
            len(label) >= _GAPPED_MIN_LETTERS
            and lost > 0
            and label.startswith(head)
            and label.endswith(tail)
            and gap >= _LOST_LETTER_WIDTH * lost * line.text_size
        ):
            return match.group("value").strip()
    return None


def _refined_below(lines: Sequence[Line], index: int, vocab: ReaderVocabulary) -> bool:
    """Whether a refinement line ("hier: ...") below ``lines[index]`` takes that line into its block."""
    for below in range(index + 1, min(len(lines), index + 1 + _MAX_SUBJECT_LINES)):
        if is_refinement(lines[below].text):
            block = refined_block(lines, below, vocab)
            return block is not None and len(block) == below - index
    return False


#: The rule a type line names after the type: "gemäß § 18b GO NRW", "nach § 24 GO NRW".
_RULE = regex.compile(r"^\s+(?:nach|gemaess|gem\.)\s+§[^:]*$")


def is_ruled_type(text: str, types: Iterable[str]) -> bool:
    """Whether ``text`` is a type line naming the rule the paper is filed under, with no subject
    after it ("Einwohnerantrag gemäß § 18b GO NRW"): the type, never the title."""
    folded = fold_for_match(text).strip()
    return any(folded.startswith(key) and _RULE.match(folded[len(key) :]) for key in map(fold_for_match, types))


#: The rule a type label names before its colon: " gemäß § 24 GO NRW:", " nach § 20b GemO:".
_RULE_LABEL = regex.compile(r"^\s+(?:nach|gemäß|gemaess|gem\.)\s+§[^:]{1,40}:")


def _type_label(text: str, vocab: ReaderVocabulary, fuzzy: int) -> tuple[str | None, str]:
    """The paper type a line opens with as a label ("Antrag: ...") and the text after it; the
    type as the vocabulary spells it when OCR misread it (``fuzzy``)."""
    typed = vocab.type_re.match(text)
    if typed is not None and text[typed.end() :].lstrip().startswith(":"):
        return typed.group("type"), text[typed.end() :].lstrip()[1:].strip()
    ruled = _RULE_LABEL.match(text[typed.end() :]) if typed is not None else None
    if typed is not None and ruled is not None:  # "Antrag gemäß § 24 GO NRW: Sanierung ..."
        return text[: typed.end() + ruled.end() - 1].strip(), text[typed.end() + ruled.end() :].strip()
    if not fuzzy:
        return None, ""
    misread = vocab.type_label_re(fuzzy).match(text)
    if misread is None:
        return None, ""
    kind = LABELS.snap(misread.group("type"), vocab.document_types, limit=fuzzy)
    return kind, misread.group("value").strip()


#: An intake stamp's words: "Eingang", "eingegangen", its date with the month in capitals ("12.
#: MRZ 2024", as scripts/scan_image.py stamps it).
_STAMP = regex.compile(
    r"\b(?:eingang|eingegangen|posteingang)\b|\b\d{1,2}\.?\s*(?-i:\p{Lu}{3})\.?\s*(?:19|20)\d{2}\b", regex.IGNORECASE
)


def without_stamp(line: Line, text: str) -> str:
    """``text`` (the end of ``line``) without the stamp that stands apart beside it: a segment
    after a wide gap with a stamp's words ("Radweg an der Uferstraße   EINGANG 12. MRZ 2024")."""
    segments = line.segments()
    for position in range(1, len(segments)):
        if _STAMP.search(" ".join(t.text for t in segments[position])):
            tail = " ".join(t.text for segment in segments[position:] for t in segment)
            if text.rstrip().endswith(tail):
                return text.rstrip()[: -len(tail)].rstrip()
    # A stamp's day and month read onto the end of the line, its year cut off ("Rosengasse 18. FEB").
    return _STAMP_DAY.sub("", text)


#: A stamp's day with its month in capitals at the end of a line, maybe without its year.
_STAMP_DAY = regex.compile(
    r"\s+\d{1,2}\.?\s*(?:JAN|FEB|MRZ|MÄR|APR|MAI|JUN|JUL|AUG|SEPT?|OKT|NOV|DEZ)\.?(?:\s*(?:19|20)\d{2})?\s*$"
)


def _with_continuation(lines: Sequence[Line], index: int, value: str, vocab: ReaderVocabulary) -> Found | None:
    """``value`` from line ``index`` and the lines that go on with it."""
    line = lines[index]
    value = without_stamp(line, value)
    parts = [value] if value else []
    used = [line]
    prev = line
    tail_words = [t for t in line.words if value and t.text in value.split()]
    x_left = tail_words[0].x0 if tail_words else None
    bold = bold_share(line) >= 0.5
    hanging = False  # the subject goes on under its value, not under its label
    segments = line.segments()
    # The label alone in its segment, the value at a tab stop or in a grid's cell ("Thema:" |
    # "Personalbedarf ..."): the subject goes on only under its value; a line under the label
    # is the text that follows.
    tabbed = (
        x_left is not None
        and len(segments) > 1
        and " ".join(t.text for t in segments[0]).endswith(":")
        and x_left >= segments[1][0].x0 - 1
    )
    indent: float | None = None  # where a word processor's hanging indent sets the lines after the first
    # A label wider than its tab stop whose tab collapsed, glued to the value's first word
    # ("Dringlichkeitsantrag:Energetische"): the next lines still go on at the hanging indent.
    glued = bool(line.words) and _GLUED_LABEL.match(line.words[0].text) is not None
    # A subject in bold with its label ("Betr.:<tab>Sanierung ...") is one paragraph: its lines
    # wrap back to the margin under the label, in bold as it is; the text under it is not.
    whole_bold = tabbed and bold_share(line) == 1.0
    for follower in lines[index + 1 : index + 1 + _MAX_SUBJECT_LINES]:
        # The gap in the smaller of the two lines' sizes, each the size of most of its words: a
        # mark OCR read as a large word, or over a whole line, makes it look large and the gap
        # above it small.
        if follower.page != line.page or follower.top - prev.bottom > 0.9 * min(follower.text_size, prev.text_size):
            break
        under_value = x_left is not None and abs(follower.x0 - x_left) <= 12
        # A label wider than its tab stop pushes the value on to the next stop; the lines after
        # the first go on at the paragraph's hanging indent, inside the label's span.
        # So does a label as wide as the tab stop, the value a word space after it
        # ("Dringlichkeitsantrag: Instandsetzung ... des" over "Ortsteilrates ..."), where the
        # line ends inside its phrase.
        spaced = bool(line.words) and line.words[0].text.endswith(":") and ends_open(line.text)
        if (
            (tabbed or glued or spaced)
            and x_left is not None
            and prev is line
            and line.x0 + 12 < follower.x0 < x_left - 12
        ):
            indent = follower.x0
        if (
            prev is line
            and bold_share(line) == 1.0
            and bold_share(follower) == 1.0
            and follower.x0 < line.x0 - _MARGIN_ALIGN
            and ends_open(line.text)
        ):
            # A subject in bold whose paragraph indents its first line, label and all ("Betr.:
            # ... zwischen" over "Friedrichstraße und Kastanienweg" at the frame's edge): the
            # phrase goes on at the paragraph's margin, left of the label.
            indent = follower.x0
        at_indent = indent is not None and abs(follower.x0 - indent) <= 2
        aligned = (
            x_left is None
            or under_value
            or at_indent
            or (not hanging and not tabbed and abs(follower.x0 - line.x0) <= 12)
            or (
                whole_bold
                and bold_share(follower) == 1.0
                and abs(follower.x0 - line.x0) <= _MARGIN_ALIGN
                # Wrapped, not a bold heading under it ("Beratungsfolge"): the phrase goes on.
                and (follower.text[:1].islower() or ends_open(prev.text))
            )
        )
        hanging = hanging or (under_value and x_left is not None and abs(x_left - line.x0) > 12)
        if not aligned and is_remnant(follower, x_left or line.x0):
            continue  # a stamp's remnant between the subject's lines ("2022" far right)
        if not parts:
            # The label alone on its line ("zum Thema:") over the subject in bold: the subject's
            # weight is its own, not the label's.
            bold = bold_share(follower) >= 0.5
        if not aligned or _ends_subject(follower, vocab) or (bold_share(follower) >= 0.5) != bold:
            break
        if vocab.matcher("letterhead").search(follower.text) or (
            next(iter_dates(follower.text), None)
            and len(parts) > 0
            and _is_date_line(follower.text)
            and not _goes_on(parts[-1], follower.text)
        ):
            break
        parts.append(without_stamp(follower, follower.text))
        used.append(follower)
        prev = follower
    title = join_lines(parts)
    return (title, used) if title else None


#: A label glued to the word after it: "Dringlichkeitsantrag:Energetische".
_GLUED_LABEL = regex.compile(r"^\p{L}[\p{L}.-]*:\p{L}")
#: How far (points) a bold subject's line wrapped to the margin may start from its label's.
_MARGIN_ALIGN = 2.0
#: A stamp's remnant read as a line of its own: a few words standing far right of the subject.
_REMNANT_WORDS, _REMNANT_INDENT = 3, 150.0


def is_remnant(line: Line, left: float) -> bool:
    """Whether ``line`` is a few words far right of a subject starting at ``left``: what OCR
    kept of a stamp beside it, not a line of the subject, which would start at ``left``."""
    return len(line.words) <= _REMNANT_WORDS and line.x0 - left > _REMNANT_INDENT


#: A place and date line has a few words ("Köln, den 23. Januar 2012", "Datum: 12.03.2024"); a
#: subject may go on with a date inside it ("nach dem Beschluss vom 03.06.2024 unter ...").
_DATE_LINE_WORDS = 5


def _is_date_line(text: str) -> bool:
    return len(text.split()) <= _DATE_LINE_WORDS


#: Words a phrase of a title cannot end on (articles, prepositions): the line after such a word
#: goes on with the phrase, even when it holds only a date ("nach dem Beschluss vom" over
#: "04.01.2023").
_OPEN_ENDS = frozenset(
    {"vom", "von", "am", "an", "im", "in", "zum", "zur", "bis", "ab", "seit", "für", "nach", "über", "unter"}
    | {"mit", "bei", "aus", "auf", "zu", "der", "die", "das", "dem", "den", "des"}
    | {"zwischen", "gegen", "durch", "ohne", "wegen", "gemäß", "einschließlich", "ein", "eine", "einer", "eines"}
    | {"einem", "einen"}
)


def _goes_on(previous: str, text: str) -> bool:
    """Whether ``text`` goes on with the subject line ``previous`` although it holds a date:
    it starts in lower case ("vom 13.10.2023"; a place and date line starts with the place or
    the day), or ``previous`` ends on a word no phrase ends on."""
    return text[:1].islower() or ends_open(previous)


def ends_open(text: str) -> bool:
    """Whether ``text`` ends on a word no phrase ends on (an article, a preposition)."""
    words = text.split()
    return bool(words and words[-1] in _OPEN_ENDS)


#: Letters that reach below the baseline: an OCRed line's size is its band's height, so a line
#: with one of them measures larger than a line of the same type without.
_DESCENDERS = frozenset("gjpqyµ(),;")
#: The share of its band a line without descenders fills beside one with them, in one type.
_WITHOUT_DESCENDERS = (0.68, 0.9)


def smallest_size(block: Sequence[Line], scanned: bool = False) -> float:
    """The size of the smallest line of ``block``; on a ``scanned`` page only lines with letters
    below the baseline count where there are any (a line without measures smaller in one type)."""
    deep = [line for line in block if _DESCENDERS.intersection(line.text)] if scanned else []
    return min(line.size for line in deep or block)


def same_size(line: Line, last: Line, scanned: bool = False) -> bool:
    """Whether ``line`` and ``last`` are set in one size: within 0.6 pt, or on a ``scanned`` page
    also where only one of them has letters below the baseline and the other fills the share
    of its band that the letters above the baseline do."""
    if abs(line.size - last.size) <= 0.6:
        return True
    if not scanned:
        return False
    low = [bool(_DESCENDERS.intersection(item.text)) for item in (line, last)]
    if low[0] == low[1]:
        return False
    deep, flat = (line, last) if low[0] else (last, line)
    share = flat.size / deep.size
    return _WITHOUT_DESCENDERS[0] <= share <= _WITHOUT_DESCENDERS[1]


def _blocks(lines: Sequence[Line], scanned: bool = False) -> list[list[Line]]:
    """Consecutive lines of the same weight and size (:func:`same_size`) with no paragraph gap
    between them."""
    blocks: list[list[Line]] = []
    for line in lines:
        if not line.words:
            continue
        last = blocks[-1][-1] if blocks else None
        if (
            last is not None
            and line.page == last.page
            and line.top - last.bottom <= 0.7 * line.size
            and same_size(line, last, scanned)
            and (bold_share(line) >= 0.5) == (bold_share(last) >= 0.5)
        ):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _is_heading(
    block: list[Line],
    size: float,
    vocab: ReaderVocabulary,
    *,
    apart: bool = False,
    scanned: bool = False,
    typed_above: bool = False,
) -> bool:
    """Whether ``block`` stands out as a title: bold or larger than the text (a little larger is
    enough for a block set ``apart`` by space above and below; on a ``scanned`` page sizes as
    :func:`smallest_size` tells them), a few lines, not a letterhead, address, sender, date, type
    or section heading. A subject of one word ("Querungshilfe") is one only right under the
    paper's type line (``typed_above``)."""
    text = join_lines([line.text for line in block])
    smallest = smallest_size(block, scanned)
    emphasis = (
        all(bold_share(line) >= 0.6 for line in block)
        or smallest >= _LARGER * size
        or (apart and smallest >= _SLIGHTLY_LARGER * size)
    )
    # A heading beside a box of fields wraps in a narrow column: more lines, no more words.
    long = len(block) > MAX_HEADING_LINES and (len(block) > _MAX_NARROW_LINES or len(text) > _MAX_HEADING_CHARS)
    if not emphasis or long or len(text) < 8 or (len(text.split()) < 2 and not typed_above):
        return False
    if vocab.type_re.match(text.strip()) and vocab.changed_paper_re.search(text):
        # "Änderungsantrag der SPD-Fraktion zur Vorlage 0112/23 „...“": the type, its filers and the
        # paper it changes make the subject, parties named or not.
        return True
    # A line that goes on with an open phrase ("... im" over "Kanton Thurgau") is no letterhead line.
    if any(
        is_letterhead(line.text, vocab) or is_letterhead(_first_segment(line), vocab)
        for k, line in enumerate(block)
        if not (k and ends_open(block[k - 1].text))
    ):
        return False  # (the head's "Der Oberbürgermeister" with a grid row beside it on a scan)
    if any(vocab.party_re.search(line.text) or party_marks(line, vocab) for line in block):
        return False
    if any(head_grid_row(line, vocab) for line in block):
        return False  # "BREMISCHE BÜRGERSCHAFT" beside "Drucksache 21/512 S": the head, not the subject
    folded = fold_for_match(text).rstrip(":")
    if folded in {fold_for_match(t) for t in vocab.document_types}:
        return False
    if len(block) == 1 and is_issued_type(text, vocab):
        return False  # "Mitteilung der Verwaltung", "Beantwortung der Kleinen Anfrage", "Anfragebeantwortung"
    if is_addressed_type(text, vocab) and len(block) == 1:
        return False  # the paper's type line ("Bericht und Antrag an den Einwohnerrat"), not its subject
    if is_filed_type(text, vocab) and (len(block) == 1 or filed_jointly(text, vocab)):
        # The type with who files it ("Resolution der ÖVP-Fraktion"), not the subject; a list
        # of groups that file it together may wrap.
        return False
    if is_ruled_type(text, vocab.document_types) and len(block) == 1:
        return False  # the type with the rule it is filed under ("Einwohnerantrag gemäß § 18b GO NRW")
    if len(block) == 1 and _marked_type(block[0], vocab):
        return False  # the type in large type with a stamp's or pen's remnant beside it on a scan
    # A label with a mark OCR read before it ("_Federführend: Fachdienst Tiefbau") is one still.
    if vocab.heading_re().match(text) or vocab.end_re().match(text) or LABEL_LIKE.match(_MARKS_BEFORE.sub("", text)):
        return False
    first = block[0].text
    date = next(iter_dates(first), None)
    return not (date is not None and len(first.split()) <= 5)


#: Marks before a line's first letter or digit ("_", "|", "~").
_MARKS_BEFORE = regex.compile(r"^[^\p{L}\d]+")


def _first_segment(line: Line) -> str:
    """The text of the first segment of ``line`` (the words before its first wide gap)."""
    segments = line.segments()
    return " ".join(t.text for t in segments[0]) if segments else line.text


#: What a scan may read beside a type line: a mark of this many letters after it, or another
#: segment of this many words (a stamp's word).
_MARK_LETTERS, _MARK_WORDS = 2, 2


def _marked_type(line: Line, vocab: ReaderVocabulary) -> bool:
    """Whether ``line`` is a type alone but for a mark read after it ("Interner Vermerk N") or a
    stamp's word set apart beside it ("Gesprächsvermerk   Büro")."""
    segments = line.segments()
    if not segments:
        return False
    first = " ".join(t.text for t in segments[0])
    typed = vocab.type_re.match(first)
    rest = first[typed.end() :].strip() if typed is not None else None
    beside = sum(len(segment) for segment in segments[1:])
    return rest is not None and len(rest) <= _MARK_LETTERS and " " not in rest and beside <= _MARK_WORDS


def is_filed_type(text: str, vocab: ReaderVocabulary) -> bool:
    """Whether ``text`` is a paper's type with the group or groups that file it ("Resolution der
    ÖVP-Fraktion", "Antrag der Fraktion Die Linke", "Gemeinsamer Antrag der Fraktionen SPD und
    CDU", "Motion von Anna Keller (SP) und Marc Huber (GLP)", "Antrag einer Bürgerinitiative"):
    a type line, not the subject."""
    typed = vocab.type_re.match(text.strip())
    if typed is None:
        return False
    rest = text.strip()[typed.end() :]
    if vocab.changed_paper_re.search(rest):
        return False  # "Änderungsantrag der SPD-Fraktion zur Vorlage 0112/23 ...": the subject
    return vocab.filed_by_re.match(rest) is not None or filed_jointly(text, vocab)


def filed_jointly(text: str, vocab: ReaderVocabulary) -> bool:
    """Whether ``text`` is a paper's type with several groups that file it together."""
    typed = vocab.type_re.match(text.strip())
    jointly = FILED_JOINTLY.match(text.strip()[typed.end() :]) if typed is not None else None
    return jointly is not None and several_groups(jointly.group("senders"), vocab)


#: The senders after the type on a head line: "Antrag der Fraktionen SPD und CDU", "Motion von ...".
FILED_JOINTLY = regex.compile(r"^\s+(?:der|des|von)\s+(?P<senders>\S.*)$")
#: A list of senders is short; a sentence naming several groups is running text.
_MAX_SENDERS_CHARS = 200


def several_groups(text: str, vocab: ReaderVocabulary) -> bool:
    """Whether ``text`` names two or more senders together: two group words ("SPD-Fraktion und
    Gruppe Volt"), a plural group word before a list ("Fraktionen SPD und CDU"), or two members
    with their party ("Anna Keller (SP) und Marc Huber (GLP)")."""
    if len(text) > _MAX_SENDERS_CHARS or ":" in text or not regex.search(r"\bund\b|,", text):
        return False
    if vocab.matcher("joint").match(text):
        return True
    if vocab.matcher("originator").match(text) and len(vocab.matcher("group").findall(text)) >= 2:
        return True
    return text[:1].isupper() and len(vocab.party_re.findall(text)) >= 2


@lru_cache(maxsize=4)
def _parties(parties: tuple[str, ...]) -> regex.Pattern[str]:
    """One of ``parties``, to be matched whole."""
    return regex.compile("|".join(regex.escape(p) for p in parties), regex.IGNORECASE)


def party_marks(line: Line, vocab: ReaderVocabulary) -> bool:
    """Whether ``line`` is parties' marks or groups' letterheads side by side ("SPD    CDU",
    "Bündnis 90/Die Grünen    Gruppe Volt"): two or more segments, each a party or a group."""
    segments = line.segments()
    if len(segments) < 2:
        return False
    party = _parties(tuple(vocab.parties))
    for segment in segments:
        text = " ".join(t.text for t in segment)
        if not (
            all(party.fullmatch(part.strip()) for part in text.split("/"))
            or party.fullmatch(text)
            or vocab.matcher("originator").match(text)
        ):
            return False
    return True


def is_issued_type(text: str, vocab: ReaderVocabulary) -> bool:
    """Whether ``text`` is a paper's type alone (a synonym: "Anfragebeantwortung"), with its issuer
    ("Mitteilung der Verwaltung") or with the kind of question it answers ("Beantwortung der
    Kleinen Anfrage"): a type line, not the subject."""
    typed = vocab.type_re.match(text.strip())
    return typed is not None and vocab.issued_type_re.match(text.strip()[typed.end() :]) is not None


def is_addressed_type(text: str, vocab: ReaderVocabulary) -> bool:
    """Whether ``text`` is a paper's type addressed to a body ("Botschaft an den Einwohnerrat")."""
    typed = vocab.type_re.match(text.strip())
    return typed is not None and ADDRESSED.match(text.strip()[typed.end() :]) is not None


def heading_title(
    lines: Sequence[Line], page_height: float, vocab: ReaderVocabulary, *, scanned: bool = False
) -> Found | None:
    """The first heading block in the upper part of page 1, above the salutation; on a
    ``scanned`` page not a line that goes on from the one above it (:func:`_goes_on_from`)."""
    page_one = [line for line in lines if line.page == 1]
    size = common_size(page_one)
    page_one = without_box(page_one, side_box(page_one))
    upper = [line for line in head_lines(page_one) if line.top < _UPPER_SHARE * page_height]
    blocks = _blocks(upper, scanned)
    for k, block in enumerate(blocks):
        above = block[0].top - blocks[k - 1][-1].bottom if k else None
        below = blocks[k + 1][0].top - block[-1].bottom if k + 1 < len(blocks) else None
        apart = above is not None and below is not None and min(above, below) >= _APART * size
        if scanned and k and _goes_on_from(block[0], blocks[k - 1][-1]):
            continue
        if not scanned:  # a scan measures sizes too unevenly to tell a type line by its size
            block = _under_type_line(block, vocab)
            if k + 1 < len(blocks) and _type_block_over(block, blocks[k + 1], size, vocab):
                continue  # the type line set apart over the subject's heading
        prior = join_lines([line.text for line in blocks[k - 1]]) if k else ""
        typed_above = bool(prior) and (is_filed_type(prior, vocab) or is_issued_type(prior, vocab))
        if _is_heading(block, size, vocab, apart=apart, scanned=scanned, typed_above=typed_above):
            return join_lines([line.text for line in block]), block
    return None


def _type_block_over(block: list[Line], under: list[Line], size: float, vocab: ReaderVocabulary) -> bool:
    """Whether ``block`` is a type line alone (wrapped perhaps: "Beantwortung der Anfrage der
    SPD-Fraktion vom" over "3. März 2025"), in one size, over a heading ``under`` it in a smaller
    size: the paper's type over its subject."""
    if vocab.type_re.match(block[0].text.strip()) is None or any(
        abs(line.size - block[0].size) >= _SIZE_STEP for line in block
    ):
        return False
    return block[0].size - under[0].size >= _SIZE_STEP and _is_heading(under, size, vocab, apart=False)


def _under_type_line(block: list[Line], vocab: ReaderVocabulary) -> list[Line]:
    """The lines of ``block`` under its type line (:func:`type_line_over`), which may wrap to
    more lines of its size ("Beantwortung der Anfrage der SPD-Fraktion vom" over "3. März
    2025"), else the whole block."""
    wrapped = 1
    while wrapped < len(block) and abs(block[wrapped].size - block[0].size) < _SIZE_STEP:
        wrapped += 1
    rest = block[wrapped:]
    if not rest or any(abs(line.size - rest[0].size) >= _SIZE_STEP for line in rest):
        return block  # the lines under it differ among themselves: no one subject in one size
    return rest if type_line_over(block[0], rest[0], vocab) else block


def wrapped_type_line(lines: Sequence[Line], vocab: ReaderVocabulary) -> int:
    """How many of ``lines`` from the first are a type line wrapped over two or three lines of one
    size ("Beantwortung einer Anfrage des Ratsmitglieds ..." over "vom 18. Juli 2022") with the
    subject under it in another size; 0 for any other lines."""
    if not lines or vocab.type_re.match(lines[0].text.strip()) is None:
        return 0
    wrapped = 1
    while wrapped < min(len(lines), _TYPE_LINE_WRAPS) and abs(lines[wrapped].size - lines[0].size) < _SIZE_STEP:
        wrapped += 1
    if wrapped == 1 or wrapped >= len(lines) or abs(lines[wrapped].size - lines[0].size) < _SIZE_STEP:
        return 0
    return wrapped


#: A type line with its sender and date wraps over three lines at most.
_TYPE_LINE_WRAPS = 3


def type_line_over(line: Line, under: Line, vocab: ReaderVocabulary) -> bool:
    """Whether ``line`` is a type line over the subject ``under`` it: it opens with a paper's
    type and is set in another size ("Antrag einer Bürgerinitiative" in 14 pt over the subject
    in 13 pt). A type line names what the paper is, the lines under it its subject."""
    return vocab.type_re.match(line.text.strip()) is not None and abs(line.size - under.size) >= _SIZE_STEP


#: Lines whose sizes differ by this many points are set in different sizes.
_SIZE_STEP = 0.8


#: A line opening with a digit or a small letter: the text of a list or a sentence going on.
_GOES_ON = regex.compile(r"^[^\p{L}\d]*(?:\d|\p{Ll})")


def _goes_on_from(line: Line, above: Line) -> bool:
    """Whether ``line`` goes on from the line right ``above`` it, which OCR measured in another
    size: it opens with a digit or a small letter (the next item of a list, an amount that ends
    a sentence's line, a house number's line of an address) at the same margin, with no gap."""
    return (
        bool(_GOES_ON.match(line.text))
        and abs(line.x0 - above.x0) <= _SAME_MARGIN
        and line.top - above.bottom <= _NO_GAP * max(line.size, above.size)
    )


#: Lines this close at their left edge share a margin on a scan; a gap under this share of the
#: line's size is no paragraph's.
_SAME_MARGIN, _NO_GAP = 12.0, 0.7


def cue_type(lines: Sequence[Line], vocab: ReaderVocabulary) -> Found | None:
    """The type a lone "Antrag:" above the salutation names: such a line heads what follows
    (the request), so it names the paper's type only where no other line does."""
    for line in head_lines([ln for ln in lines if ln.page == 1]):
        kind = lone_type_label(line.text, vocab)
        if kind is not None:
            return kind, [line]
    return None


def lone_type_label(text: str, vocab: ReaderVocabulary) -> str | None:
    """The type of a line that is only a type and a colon ("Antrag:"), else None."""
    typed = vocab.type_re.match(text.strip())
    return typed.group("type") if typed is not None and text.strip()[typed.end() :].strip() == ":" else None
