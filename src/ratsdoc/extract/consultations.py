"""The Beratungsfolge table: which bodies treat the paper, when, in public or not, in what role."""

from __future__ import annotations

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token, mostly_bold
from ..models import Consultation
from ..text.dates import iter_dates, parse_date
from ..text.lookalikes import ocr_snapper
from ..text.normalize import join_lines
from ..text.snapper import LABELS
from .breaks import continues_table
from .context import Context
from .generic.vocabulary import reader_vocabulary

#: "Fragesteller: ..." below the table is a field of its own, not a row.
_FIELD_LABEL = regex.compile(r"^[\p{L} ]{2,30}:\s")
_DATE_HEAD = regex.compile(r"^(?:Datum|Sitzungstermin|Sitzungsdatum|Termin|Sitzung)\b", regex.IGNORECASE)
#: Rows further apart than this many line heights end the table.
_MAX_ROW_GAP = 3.5


def _whole_word(word: str) -> regex.Pattern[str]:
    """``word`` as a whole word, case-insensitive: "öffentlich" is no marker inside "öffentliche
    Ordnung" (a body's name) or "Öffentlichkeitsarbeit"."""
    return _WHOLE_WORDS.setdefault(word, regex.compile(rf"(?<!\w){regex.escape(word)}(?!\w)", regex.IGNORECASE))


_WHOLE_WORDS: dict[str, regex.Pattern[str]] = {}


#: Adjective endings a marker may take when it is the whole value ("Öffentliche Tagesordnung",
#: "Nichtöffentliche Sitzung" give the value "Öffentliche"); inside longer text only the bare
#: word counts, so that "öffentliche Ordnung" stays part of a body's name.
_ENDINGS = r"(?:e[nmrs]?)?"


def public_state(text: str, ctx: Context) -> bool | None:
    """True for "öffentlich", False for "nicht öffentlich" (the profile's wordings, as whole
    words; inflected only where the marker is the whole text), else None."""
    folded = text.casefold()
    alone = folded.strip(" ()[]:,;.")

    def says(word: str) -> bool:
        word = word.casefold()
        if regex.fullmatch(regex.escape(word) + _ENDINGS, alone):
            return True
        return _whole_word(word).search(folded) is not None

    if any(says(word) for word in ctx.profile.public_false):
        return False
    if any(says(word) for word in ctx.profile.public_true):
        return True
    if ctx.layout.ocr_pages:  # OCR noise ("nicht 0ffentlich"): bounded fuzzy words
        for words, state in ((ctx.profile.public_false, False), (ctx.profile.public_true, True)):
            if any(LABELS.contains(folded, word.casefold()) for word in words if len(word) > 2):
                return state
    return None


def _role(text: str, ctx: Context, *, ocr: bool = False) -> str | None:
    """The role of the profile that ``text`` names; on an OCRed row also a role misread
    ("Vorberatunq", "Entschcidung"; :meth:`~ratsdoc.text.snapper.Snapper.find_in`), the closest one, none on a tie."""
    folded = text.casefold()
    for role in ctx.profile.roles:
        if role.casefold() in folded:
            return role
    if not ocr:
        return None
    found = [
        (match.errors, role) for role in ctx.profile.roles if (match := ocr_snapper().find_in(text, role)) is not None
    ]
    found.sort(key=lambda item: item[0])
    if not found or (len(found) > 1 and found[1][0] == found[0][0]):
        return None
    return found[0][1]


#: Separators and specks ("Vorberatung?") left at a cell's ends once its values are taken out.
_ROW_SEPARATORS = regex.compile(r"^[\s|,;:_–/-]+|[\s|,;:?!_–/-]+$")
#: A status mark OCR could not read ("Ö" as "(6)" or "[e)"): a bracketed scrap before or after
#: the body.
_UNREAD_MARK = regex.compile(r"^(?:[(\[{]\S{0,2}|\S{0,2}[)\]}])\s+|\s+(?:[(\[{]\S{0,2}|\S{0,2}[)\]}])$")
_EMPTY_BRACKETS = regex.compile(r"\(\s*\)|\[\s*\]")
#: Marks OCR read before a committee's name ('"Kreistag') and scraps of the table's rules and of
#: an unread status mark after it ("Kreistag .", "Gesundheit | °| 'ö"): a scrap holds a mark and
#: at most one letter.
_LEADING_SCRAP = regex.compile(r"^[^\p{L}\d]+")
_TRAILING_SCRAP = regex.compile(r"(?:\s+(?=\S*[^\p{L}\d\s])(?![^\s]*\p{L}[^\s]*\p{L})\S+)+$")
#: A comma OCR read as a full stop inside a committee's name ("Ausschuss für Schule. Kultur und
#: Sport"): a name is no sentence, and an abbreviation's stop ("f.", "u.") follows one letter.
_STOP_FOR_COMMA = regex.compile(r"(?<=\p{Ll}{2})\.(?=\s+\p{Lu}\p{Ll})")


def scanned_body(body: str) -> str:
    """A committee's name as OCR read it, without the marks and scraps around it and with a comma
    read as a full stop set back."""
    cleaned = _TRAILING_SCRAP.sub("", _LEADING_SCRAP.sub("", body))
    return _STOP_FOR_COMMA.sub(",", cleaned) or body


def _list_mode(ctx: Context, head_index: int, head: Line, candidates: list[tuple[int, Line]]) -> None:
    """Read consultations from lines holding any of date, public state, role and body.

    A value of a kind the open record already has starts the next record; a line holding only
    body text right after body text continues a wrapped body name.
    """
    results = reader_vocabulary().result_re
    records: list[dict[str, object]] = []
    lines_of: list[list[Line]] = []
    current: dict[str, object] = {}
    last_key = ""
    for _, line in candidates:
        text = line.text
        if _header_row(text, line.page in ctx.layout.ocr_pages):
            if line.page in ctx.layout.ocr_pages:
                # On a scan what stands between the label and the header row is no row: a
                # stamp's or a pen's words read there ("SEE mal").
                records, lines_of, current, last_key = [], [], {}, ""
            continue  # the table's header row ("Gremium  Sitzung am  Status  Beratung")
        pieces: dict[str, object] = {}
        for date, start, end in iter_dates(text):
            pieces["date"] = date
            text = text[:start] + " " + text[end:]
            break
        # The result of a body's treatment ("ungeändert beschlossen", "Ja 12 Nein 3") is no value
        # of the row: the model records the plan, not the outcome.
        text = results.sub(" ", text)
        state = public_state(text, ctx)
        if state is not None:
            pieces["public"] = state
            for word in sorted(ctx.profile.public_false + ctx.profile.public_true, key=len, reverse=True):
                text = _whole_word(word).sub(" ", text)
        elif (mark := _TREATMENT_MARK.search(text)) is not None:
            pieces["public"] = mark.group(1) in ("Ö", "ö")
            text = text[: mark.start()] + " " + text[mark.end(1) :]
        role = _role(text, ctx, ocr=line.page in ctx.layout.ocr_pages)
        if role is not None:
            pieces["role"] = role
            # "zur Vorberatung", "zum Beschluss": the preposition goes with the role.
            printed = ocr_snapper().find_in(text, role)
            said = printed.text if printed is not None else role
            text = regex.sub(rf"(?:\bzu[rm]\s+)?{regex.escape(said)}", " ", text, flags=regex.IGNORECASE)
        # "Entscheidung (öffentlich)": the brackets that held a removed value are no body.
        text = _EMPTY_BRACKETS.sub(" ", text)
        left = _UNREAD_MARK.sub("", " ".join(text.split()))
        rest = _ROW_SEPARATORS.sub("", left)
        if rest[-1:].isalpha() and left.endswith(f"{rest},"):
            # A comma closing a wrapped body's line is the name's ("Ordnung, Sicherheit," over
            # "Ortsteile und Ehrenamt"); one left at the name's end is dropped below.
            rest += ","
        if rest and not _HEADER_WORDS.fullmatch(rest):
            if list(pieces) == [] and last_key == "body" and current.get("body"):
                current["body"] = join_lines([str(current["body"]), rest])
                lines_of[-1].append(line)
                continue
            pieces["body"] = rest
        if not pieces:
            continue
        if not current or any(key in current for key in pieces):
            current = {}
            records.append(current)
            lines_of.append([])
        current.update(pieces)
        lines_of[-1].append(line)
        last_key = list(pieces)[-1]
    result = [
        # The record's values were typed by the readers above; the model checks them again.
        Consultation.model_validate(
            {
                "body": _body(str(r["body"]).rstrip(","), lines, ctx),
                "date": r.get("date"),
                "public": r.get("public"),
                "role": r.get("role"),
            }
        )
        for r, lines in zip(records, lines_of, strict=True)
        if r.get("body")
    ]
    ctx.consultation_rows = [lines for r, lines in zip(records, lines_of, strict=True) if r.get("body")]
    ctx.claimed.update(index for index, _ in candidates)
    ctx.claimed.add(head_index)
    ctx.set("consultations", result, [head, *(ln for lines in lines_of for ln in lines)])
    ctx.set_items("consultations", ctx.consultation_rows)


def _body(body: str, lines: list[Line], ctx: Context) -> str:
    """A row's body as read, cleaned of OCR's scraps where the row was scanned (:func:`scanned_body`)."""
    return scanned_body(body) if any(line.page in ctx.layout.ocr_pages for line in lines) else body


def _result_line(text: str) -> bool:
    """Whether ``text`` is a row's result under it ("Ergebnis: ungeändert beschlossen", ALLRIS),
    no field's label under the table."""
    match = reader_vocabulary().result_re.match(text.strip())
    return match is not None and match.group(0).rstrip().endswith(":")


def _header_row(text: str, ocr: bool) -> bool:
    """Whether ``text`` is the table's header row: its words header words, or on a scan, with
    a colon read or mended after one, marks glued to them or a stamp's word between them
    ("Datum: Gremium \\ Eingang "Zuständigkeit"), two of them and more than half its words
    header words, and no date or number."""
    if _HEADER_WORDS.fullmatch(" ".join(text.split())):
        return True
    if not ocr or regex.search(r"\d", text):
        return False
    words = [_WORD_MARKS.sub("", word) for word in text.split()]
    words = [word for word in words if word]
    header = sum(_HEADER_WORDS.fullmatch(word) is not None for word in words)
    return header >= 2 and 2 * header > len(words)


#: Marks glued to a word of a header row on a scan ('"Zuständigkeit', "Datum:").
_WORD_MARKS = regex.compile(r"^[^\p{L}]+|[^\p{L}]+$")


_HEADER_WORDS = regex.compile(
    # "Sitzung" alone heads the date column as "Sitzungstermin" does ("Gremium  Sitzung  Zuständigkeit").
    r"(?:(?:Datum|Gremium|Rolle|Zuständigkeit|Behandlung|Status|Sitzungstermin|Sitzungsdatum|Sitzung(?:\s+am)?|Termin"
    # Columns of a Beratungsfolge printed after the consultation: "Status/Ergebnis", "Abstimmung".
    r"|Beratung|Ergebnis|Abstimmung(?:sergebnis)?|Öffentlichkeit|TOP|Ö\s*[/|Il]\s*N)\s*(?:/\s*)?)+",
    regex.IGNORECASE,
)
#: The treatment column of a Beratungsfolge: "Ö" (public; on a scan "ö" or "|ö") or "N"/"NÖ" (not
#: public) as a cell of its own, the short form the table's "Ö/N" header announces (ALLRIS, SD.NET
#: and Word templates).
_TREATMENT_MARK = regex.compile(r"(?:^|\s)\|?(Ö|ö|N|NÖ)(?=\s|$)")


_HAS_VALUE = regex.compile(r"\w")


#: A line larger than the rows by this factor is no row of the table.
_LARGER = 1.15


def _set_apart(line: Line, rows: list[Line]) -> bool:
    """Whether ``line`` is set apart from the table's ``rows`` above it in a way no row is: bold
    under a row that is not, or in a larger type. An unruled Beratungsfolge ends so when
    the paper's title follows it as a bold heading without a label; before, the title (and the
    request under it) were read as the last body's wrapped name."""
    if not rows:
        return False
    # The row above, not the header row, which is often bold over regular rows.
    bold = mostly_bold(line) and not mostly_bold(rows[-1])
    return bold or line.size > _LARGER * max(row.size for row in rows)


def _split(line: Line, boundary: float) -> tuple[list[Token], list[Token]]:
    left = [t for t in line.words if t.x0 < boundary]
    # A right-hand cell of bare punctuation (a dot of scanner speckle read by OCR) is no
    # value: it must not turn a wrapped body line into a row of its own.
    right = [t for t in line.words if t.x0 >= boundary and _HAS_VALUE.search(t.text)]
    return left, right


#: A row of a Beratungsfolge has a few words: a body's name, a date, a role, a mark.
_ROW_WORDS = 16


def _row_like(line: Line, ctx: Context) -> bool:
    """Whether ``line`` reads as a row of a Beratungsfolge on its own: a date and a role or a
    status, in a few words (a sentence naming a date and "Entscheidung" has more)."""
    text = line.text
    if len(line.words) > _ROW_WORDS or next(iter_dates(text), None) is None:
        return False
    return (
        _role(text, ctx) is not None or _TREATMENT_MARK.search(text) is not None or public_state(text, ctx) is not None
    )


def _warn_unread_rest(ctx: Context, line: Line) -> None:
    """A table that fills its page to the end may go on over the break in rows not read as
    such: a date at the next page's top is said so, not guessed."""
    if len(line.words) <= _ROW_WORDS and next(iter_dates(line.text), None) is not None:
        ctx.warn(
            IssueCode.VALUE_UNCERTAIN,
            f"page {line.page}: the Beratungsfolge may go on at the top of this page; rows there were not read",
            line.page,
            "consultations",
        )


#: A sentence under a table, set apart from its last row: a line of text this far below the
#: line over it (in line heights), ending as a sentence does.
_SENTENCE_GAP = 0.75
_SENTENCE_END = regex.compile(r"(?:[:]|\p{L}{2}\.)\s*$")
_SENTENCE_WORDS = 5


def _table_end(candidates: list[tuple[int, Line]], last_row: int) -> int:
    """How many of ``candidates`` belong to the table whose last row (one with a date) is at
    ``last_row``: a sentence set apart under it ("Zur Vorlage 22/0159 stellt die FDP-Fraktion
    folgenden Änderungsantrag:") opens the text, no wrapped line of the last body's name."""
    for pos in range(last_row + 1, len(candidates)):
        line, above = candidates[pos][1], candidates[pos - 1][1]
        if (
            line.page == above.page
            and line.top - above.bottom > _SENTENCE_GAP * line.size
            and len(line.words) >= _SENTENCE_WORDS
            and _SENTENCE_END.search(line.text)
        ):
            return pos
    return len(candidates)


def _over_header_row(ctx: Context, index: int) -> bool:
    """Whether the label at line ``index`` stands over a Beratungsfolge's header row (the
    next line of text)."""
    below = next((ln for ln in ctx.lines[index + 1 :] if not ln.furniture and ln.words), None)
    return below is not None and _header_row(below.text, below.page in ctx.layout.ocr_pages)


def extract_consultations(ctx: Context) -> None:
    """Fill ``consultations`` from the table under the Beratungsfolge label."""
    found = ctx.find_label("consultations")
    # Past the second page the label heads a table only over its header row (templates that
    # set the Beratungsfolge at the paper's end); elsewhere it is a word of the text.
    if found is None or (found[1].page > 2 and not _over_header_row(ctx, found[0])):
        ctx.set("consultations", [], [])
        return
    head_index, head, _ = found
    boundary = next((t.x0 - 2 for t in head.words if _DATE_HEAD.match(t.text)), None)
    candidates: list[tuple[int, Line]] = []
    previous = head
    #: Lines over a table's rest on the next page: "Fortsetzung" and the header row repeated.
    turned: list[int] = []
    top = vouched = False
    for index in range(head_index + 1, len(ctx.lines)):
        line = ctx.lines[index]
        if line.furniture:
            continue
        if line.page != previous.page:
            # The table may go on at the top of the next page (the page furniture between).
            if not candidates or line.page != previous.page + 1:
                break
            top, vouched = True, False
        if top:
            if continues_table(line.text, ctx, ("consultations",)) or _header_row(
                line.text, line.page in ctx.layout.ocr_pages
            ):
                turned.append(index)
                previous, vouched = line, True
                continue
            top = False
            if not vouched and not _row_like(line, ctx):
                _warn_unread_rest(ctx, line)
                break
            previous = line
        if ctx.is_section_start(line):
            break
        if ctx.profile.label("salutation", fuzzy=0).match(line.text):
            break  # the letter's salutation under an unruled Beratungsfolge opens its text
        if (
            _FIELD_LABEL.match(line.text)
            and not _header_row(line.text, line.page in ctx.layout.ocr_pages)
            and not _result_line(line.text)
        ):
            break
        if line.words and line.page in ctx.layout.ocr_pages and all(len(t.text) == 1 for t in line.words):
            continue  # specks of the table's rules read as letters ("u u u"), no row
        if line.top - previous.bottom > _MAX_ROW_GAP * line.size:
            break
        if not line.words:
            continue
        if line.page not in ctx.layout.ocr_pages and _set_apart(line, [ln for _, ln in candidates]):
            break  # (on a scan, sizes and bold are read from the strokes: too loose for this)
        candidates.append((index, line))
        previous = line
    dated = [pos for pos, (_, line) in enumerate(candidates) if next(iter_dates(line.text), None) is not None]
    if dated:
        candidates = candidates[: _table_end(candidates, dated[-1])]
    if boundary is None or boundary < head.words[0].x1:
        # No "Datum" column right of the body column: rows are lists of values, one per line
        # (ALLRIS prints date, body and role on separate lines) or date-first rows.
        ctx.claimed.update(turned)
        _list_mode(ctx, head_index, head, candidates)
        return
    anchors: list[int] = []
    for pos, (_, line) in enumerate(candidates):
        _, right = _split(line, boundary)
        if right:
            anchors.append(pos)
    if not anchors:
        ctx.set("consultations", [], [])
        return
    rows: dict[int, list[Line]] = {a: [] for a in anchors}
    for pos, (_, line) in enumerate(candidates):
        if pos in rows:
            rows[pos].append(line)
            continue
        centre = (line.top + line.bottom) / 2
        # A wrapped line goes with the nearest row of its own page (a table may run over a break).
        nearest = min(
            anchors,
            key=lambda a: (
                candidates[a][1].page != line.page,
                abs((candidates[a][1].top + candidates[a][1].bottom) / 2 - centre),
                a > pos,
            ),
        )
        rows[nearest].append(line)
    result: list[Consultation] = []
    where: list[Line] = []
    ctx.consultation_rows = []
    for anchor in anchors:
        lines = sorted(rows[anchor], key=lambda ln: ln.top)
        body = join_lines([" ".join(t.text for t in _split(ln, boundary)[0]) for ln in lines])
        right_text = " ".join(" ".join(t.text for t in _split(ln, boundary)[1]) for ln in lines)
        if not body:
            continue
        result.append(
            Consultation(
                body=_body(body, lines, ctx),
                date=parse_date(right_text),
                public=public_state(right_text, ctx),
                role=_role(right_text, ctx, ocr=any(ln.page in ctx.layout.ocr_pages for ln in lines)),
            )
        )
        where.extend(lines)
        ctx.consultation_rows.append(lines)
    ctx.claimed.update(index for index, _ in candidates)
    ctx.claimed.update(turned)
    ctx.claimed.add(head_index)
    ctx.set("consultations", result, [head, *where])
    ctx.set_items("consultations", ctx.consultation_rows)
