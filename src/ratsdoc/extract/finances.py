"""The finance table (rows × year columns of German amounts) and the total cost."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import regex

from ..issues import IssueCode
from ..layout.lines import Line, Token
from ..models import FinanceRow, Finances
from ..regions import provenance
from ..text.amounts import AMOUNT, CURRENCY, parse_amount, repair_ocr_amount
from ..text.normalize import join_lines
from .breaks import continues_table
from .context import Context

#: What may follow the Gesamtkosten label: an amount and a currency, nothing else (the word in
#: running text is not the label).
_TOTAL_VALUE = regex.compile(rf"\s*:?\s*(?:{AMOUNT.pattern})?\s*(?:{CURRENCY.pattern})?\s*", regex.IGNORECASE)
_HEADER_WORDS = frozenset({"jahr", "haushaltsjahr", "in", "eur", "€", "teur", "euro"})
_YEAR = regex.compile(r"^(?:19|20)\d{2}$")
#: A row label has a few words ("Verwaltungshaushalt Einnahmen"); a longer line is text.
_LABEL_WORDS = 4
#: Lines a blank row looks down for the priced row or the total that proves the table (the
#: header's own look-ahead reaches as far).
_BLANK_ROWS = 4
_CURRENCY_WORD = regex.compile(rf"^{CURRENCY.pattern}$", regex.IGNORECASE)
_AMOUNT_WORD = regex.compile(rf"^{AMOUNT.pattern}$")
#: An amount and its currency printed (or read by OCR) without a space: "0,00EUR", "12,50€".
_GLUED = regex.compile(rf"^(?P<amount>{AMOUNT.pattern})(?P<currency>{CURRENCY.pattern})$", regex.IGNORECASE)


#: A speck OCR read before an amount (".354.000,00") or a rule after it ("301.500,00€|").
_SCRAPS = regex.compile(r"^[^\p{L}\d€-]+(?=\d)|(?<=[\d€])[|\[\]/\\!]+$")


def _row_words(line: Line, ocr: bool) -> list[Token]:
    """The line's words with OCR-misread amounts repaired (a speck or a rule read beside them
    dropped) and glued currencies split off."""
    words: list[Token] = []
    for token in line.words:
        text = repair_ocr_amount(_SCRAPS.sub("", token.text)) if ocr else token.text
        glued = _GLUED.match(text)
        if glued is None:
            words.append(dataclasses.replace(token, text=text) if text != token.text else token)
            continue
        # The box is shared out by letters; cells are placed by their centres only.
        cut = token.x0 + (token.x1 - token.x0) * glued.end("amount") / len(text)
        words.append(dataclasses.replace(token, text=glued["amount"], x1=cut))
        words.append(dataclasses.replace(token, text=glued["currency"], x0=cut))
    return words


def _header_words(line: Line, ocr: bool) -> list[Token]:
    """The words of a year header; on a scan without the rules OCR read beside them ("2025|",
    "2027]") or as words of their own ("/")."""
    if not ocr:
        return list(line.words)
    words = [dataclasses.replace(t, text=_RULES.sub("", t.text)) for t in line.words]
    return [t for t in words if t.text]


#: The table's rules as OCR reads them at a word's ends.
_RULES = regex.compile(r"^[|\[\]/\\!]+|[|\[\]/\\!]+$")


def _year_header(ctx: Context) -> tuple[int, list[Token]] | None:
    for index, line in enumerate(ctx.lines):
        if line.furniture or index in ctx.claimed:
            continue
        words = _header_words(line, line.page in ctx.layout.ocr_pages)
        years = [t for t in words if _YEAR.match(t.text)]
        if not years or not _header_cells(words, years):
            continue
        # A year header is followed by a row of amounts ("Nahverkehrsplan 2025 bis 2029" is not),
        # maybe after rows whose cells are all blank (a label alone).
        for position, following in enumerate(ln for ln in ctx.lines[index + 1 : index + 5] if not ln.furniture):
            following_words = following.words
            if position == 0 and _amount_row(following, years):
                return index, years
            # After blank rows only a priced row or the total proves the table: a date line
            # ("Kreuzlingen, 2. September 2024") holds numbers too.
            if position and (_priced(following) or ctx.profile.label("total_cost").match(following.text)):
                return index, years
            if len(following_words) > _LABEL_WORDS or following.text.rstrip().endswith((".", ":")):
                break  # running text or a label that opens something else ("Wir beantragen:"), no blank row
    return None


def _repeats_header(line: Line, years: list[Token]) -> bool:
    """Whether ``line`` is the year header again (a table's header repeated on the next page)."""
    found = [t for t in line.words if _YEAR.match(t.text)]
    return [t.text for t in found] == [t.text for t in years] and _header_cells(line.words, found)


#: The label column's head left of the years ("Produkt/Kostenstelle", "Produkt / Sachkonto"): a
#: few words without digits or a sentence's end.
_LABEL_HEAD_WORDS = 3
_LABEL_HEAD = regex.compile(r"^[\p{L}/&().-]+$")


def _header_cells(words: Sequence[Token], years: list[Token]) -> bool:
    """Whether ``words`` with ``years`` among them are a year header: besides the years only
    header words ("Jahr", "in EUR"), and left of the first year perhaps the label column's head
    ("Haushaltsjahr", "Produkt/Kostenstelle")."""
    lead = [t for t in words if t.x1 <= years[0].x0 and not _YEAR.match(t.text)]
    others = [t.text.casefold() for t in words if t not in lead and not _YEAR.match(t.text)]
    if any(word not in _HEADER_WORDS for word in others):
        return False
    if all(t.text.casefold() in _HEADER_WORDS for t in lead):
        return True
    return len(lead) <= _LABEL_HEAD_WORDS and all(_LABEL_HEAD.match(t.text) for t in lead)


def _amount_row(line: Line, years: list[Token]) -> bool:
    """Whether ``line``, right under a year header, holds its amounts: a currency or an amount;
    under a lone year, an amount written as money ("4.500", "0,00"). A lone year over a line
    with a bare number is no table: an intake stamp's year over "Anfrage nach § 4 GO" on a scan,
    a year closing a title's line over a paragraph's number."""
    if any(_CURRENCY_WORD.match(t.text) for t in line.words):
        return True
    amounts = [t.text for t in line.words if _AMOUNT_WORD.match(t.text)]
    return bool(amounts) and (len(years) > 1 or any("," in a or "." in a for a in amounts))


def _cells(tokens: list[Token]) -> tuple[list[Token], list[tuple[list[Token], float | None]]]:
    """Split a row into its label words and cells ([amount] currency, or a bare amount)."""
    first = next(
        (i for i, t in enumerate(tokens) if _CURRENCY_WORD.match(t.text) or _AMOUNT_WORD.match(t.text)), len(tokens)
    )
    label, rest = tokens[:first], tokens[first:]
    has_currency = any(_CURRENCY_WORD.match(t.text) for t in rest)
    cells: list[tuple[list[Token], float | None]] = []
    pending: list[Token] = []
    for token in rest:
        if _CURRENCY_WORD.match(token.text):
            amount = parse_amount(" ".join(t.text for t in pending)) if pending else None
            cells.append(([*pending, token], amount))
            pending = []
        elif not has_currency:
            cells.append(([token], parse_amount(token.text)))
        else:
            pending.append(token)
    return label, cells


def _column(centre: float, years: list[Token]) -> int:
    centres = [(t.x0 + t.x1) / 2 for t in years]
    return min(range(len(centres)), key=lambda i: abs(centres[i] - centre))


def _blank_row(ctx: Context, index: int, label: str, years: list[Token]) -> bool:
    """Whether line ``index``, a short label without amounts, is a row whose cells are all
    blank: the table goes on below it (a priced row or the total, maybe after more blank rows
    of an unfilled table), not running text."""
    if len(label.split()) > _LABEL_WORDS or label.endswith((".", ":")):
        return False
    page = ctx.lines[index].page
    below = [ln for ln in ctx.lines[index + 1 :] if not ln.furniture][:_BLANK_ROWS]
    turned = False
    for line in below:
        if line.page != page:
            if line.page != page + 1 or turned:
                return False
            page, turned = line.page, True
        if turned and (_repeats_header(line, years) or continues_table(line.text, ctx, ("section_ends",))):
            continue  # the table goes on over the page break: under "Fortsetzung", its header repeated
        if ctx.profile.label("total_cost").match(line.text) or _priced(line):
            return True
        if len(line.words) > _LABEL_WORDS or line.text.rstrip().endswith((".", ":")):
            return False  # running text or a label that opens something else
    return False


def _closing_blank_row(
    ctx: Context, index: int, label: str, label_x: float | None, above: tuple[Line, float | None]
) -> bool:
    """Whether line ``index``, a short label without amounts, is the table's last row, left
    blank ("Ertrag" under "Investive Auszahlungen ... €"): its label at the rows' edge, one row's
    pitch under the row ``above`` (that row and its pitch), and no line at that edge or that pitch
    under it (the text goes on at its own margin, after its own gap)."""
    last, pitch = above
    line = ctx.lines[index]
    if label_x is None or pitch is None or len(label.split()) > _LABEL_WORDS or label.endswith((".", ":")):
        return False
    if line.page != last.page or abs(line.x0 - label_x) > _ROW_ALIGN or abs(line.top - last.top - pitch) > _ROW_ALIGN:
        return False
    below = next((ln for ln in ctx.lines[index + 1 :] if not ln.furniture and ln.words), None)
    return (
        below is None
        or below.page != line.page
        or (abs(below.x0 - label_x) > _ROW_ALIGN and abs(below.top - line.top - pitch) > _ROW_ALIGN)
    )


#: How far (points) a blank row's label and top may stand from the rows' edge and pitch.
_ROW_ALIGN = 1.5


def _priced(line: Line) -> bool:
    """Whether ``line`` is a short row with a currency or an amount in cents ("65.000,00")."""
    words = line.words
    return len(words) <= _LABEL_WORDS + 8 and any(
        _CURRENCY_WORD.match(t.text) or (_AMOUNT_WORD.match(t.text) and "," in t.text) for t in words
    )


#: A label's wrapped line stands closer under its row than rows stand apart (a cell's padding
#: parts rows): its gap is under this share of the type size.
_WRAP_GAP = 0.6


def _wrapped_label(line: Line, above: Line, label_x: float | None) -> bool:
    """Whether ``line``, words without amounts, continues the label of the row ``above``: on
    the same page, starting where that label starts, closer under it than a row's padding."""
    return (
        label_x is not None
        and line.page == above.page
        and abs(line.words[0].x0 - label_x) <= 2.0
        and line.top - above.bottom < _WRAP_GAP * line.size
    )


def _unpadded_row(line: Line, last: Line, pitch: float | None, label_room: tuple[float | None, float]) -> bool:
    """Whether ``line``, which ``_wrapped_label`` would join to the priced row ``last``, is
    rather a row of its own (a blank one: "Ertrag" under "Investive Auszahlungen ... €"): the
    rows stand at the same pitch (a table without a cell's padding, where a wrapped line and
    the next row look alike), and its first word would have fitted on the label's line
    before the amounts' columns, so a label would not have wrapped there.
    ``label_room`` is where the row's label ends and where the amounts' columns begin."""
    label_end, amounts_x = label_room
    if pitch is None or label_end is None or line.page != last.page:
        return False
    if abs(line.top - last.top - pitch) > _ROW_ALIGN:
        return False
    first = line.words[0]
    # A word space and a cell's least padding (one type size) before the amounts.
    return label_end + 0.3 * line.size + (first.x1 - first.x0) < amounts_x - line.size


def extract_finances(ctx: Context) -> None:
    """Fill ``finances`` from the year-headed table and the Gesamtkosten label."""
    header = _year_header(ctx)
    total_re = ctx.profile.label("total_cost")
    rows: list[FinanceRow] = []
    where: list[Line] = []
    #: The lines of each row (a wrapped label's too), parallel to ``rows``.
    row_lines: list[list[Line]] = []
    #: The tokens of each row's cells by year, for the provenance of the cells.
    cells_of: dict[int, dict[str, tuple[int, list[Token]]]] = {}
    if header is not None:
        head_index, years = header
        head = ctx.lines[head_index]
        label_x: float | None = None  # where the last row's label starts
        label_end: float | None = None  # and where it ends
        amounts_x = min(t.x0 for t in years)  # the left edge of the amounts' columns
        pitch: float | None = None  # how far the last row's top stands under the line above it
        where.append(head)
        ctx.claimed.add(head_index)
        last = head  # the table's last line so far
        turned = False  # whether ``last`` heads the table's rest on a new page
        for index in range(head_index + 1, len(ctx.lines)):
            line = ctx.lines[index]
            if line.furniture:
                continue
            if (line.page == last.page + 1 or (turned and line.page == last.page)) and (
                _repeats_header(line, years) or continues_table(line.text, ctx, ("section_ends",))
            ):
                # The header printed again over the rest of the table, or "Fortsetzung": the
                # table goes on on this page (a blank row may come first).
                ctx.claimed.add(index)
                last, turned = line, True
                continue
            if line.page != last.page:
                # A table goes on over a page break when the next page opens with a priced row.
                if line.page != last.page + 1 or not _priced(line):
                    break
            elif line.top - last.bottom > 4 * line.size:
                break
            if total_re.match(line.text):
                break
            label_tokens, cells = _cells(_row_words(line, line.page in ctx.layout.ocr_pages))
            label = " ".join(t.text for t in label_tokens).strip()
            if rows and line.words and all(_CURRENCY_WORD.match(t.text) for t in line.words):
                where.append(line)  # "EUR" wrapped under the amounts of a narrow column
                row_lines[-1].append(line)
                ctx.claimed.add(index)
                last, turned = line, False
                continue
            priced_above = bool(rows) and any(a is not None for a in rows[-1].amounts.values())
            if rows and not priced_above and label and not cells and _wrapped_label(line, last, label_x):
                # Under a row without amounts a line set as close may be its label wrapped or a
                # row of its own: read as a row, and said.
                ctx.warn(
                    IssueCode.VALUE_UNCERTAIN,
                    f"page {line.page}: a finance row without amounts over a line set close under it; "
                    "read as two rows, it may be one label wrapped",
                    line.page,
                    "finances",
                )
            if (
                priced_above
                and label
                and not cells
                and _wrapped_label(line, last, label_x)
                and not _unpadded_row(line, last, pitch, (label_end, amounts_x))
            ):
                # The row's label wrapped in a narrow column: its next line, set close under its
                # first line, which holds the amounts (a blank row's next line is a row).
                rows[-1] = FinanceRow(label=join_lines([rows[-1].label, label]), amounts=rows[-1].amounts)
                where.append(line)
                row_lines[-1].append(line)
                ctx.claimed.add(index)
                last, turned = line, False
                continue
            if not label or (
                not cells
                and not _blank_row(ctx, index, label, years)
                and not _closing_blank_row(ctx, index, label, label_x, (last, pitch))
            ):
                break
            pitch = line.top - last.top if line.page == last.page and not turned else pitch
            label_x = label_tokens[0].x0 if label_tokens else None
            label_end = label_tokens[-1].x1 if label_tokens else None
            amounts_x = min([amounts_x, *(ts[0].x0 for ts, _ in cells)])
            amounts: dict[str, float | None] = {t.text: None for t in years}
            for tokens, amount in cells:
                centre = (tokens[0].x0 + tokens[-1].x1) / 2
                year = years[_column(centre, years)].text
                if amount is not None or amounts[year] is None:
                    amounts[year] = amount
            rows.append(FinanceRow(label=label, amounts=amounts))
            cells_of[len(rows) - 1] = {
                years[_column((ts[0].x0 + ts[-1].x1) / 2, years)].text: (line.page, ts) for ts, _ in cells
            }
            where.append(line)
            row_lines.append([line])
            ctx.claimed.add(index)
            last, turned = line, False
        if turned:
            # The header printed again (or "Fortsetzung") over rows not read: said, not guessed.
            ctx.warn(
                IssueCode.VALUE_UNCERTAIN,
                f"page {last.page}: the finance table goes on here, but its rows were not read",
                last.page,
                "finances",
            )
    total: float | None = None
    total_found = False
    for index, line in enumerate(ctx.lines):
        if line.furniture:
            continue
        match = total_re.match(line.text)
        if match and _TOTAL_VALUE.fullmatch(line.text[match.end() :]):
            total_found = True
            rest = line.text[match.end() :]
            rest = rest.split("EUR", 1)[0] if "EUR" in rest else rest
            total = parse_amount(rest)
            where.append(line)
            ctx.claimed.add(index)
            break
    if not rows and not total_found:
        if header is not None:
            ctx.claimed.discard(header[0])  # a year that heads no table is text (a title's last line)
        ctx.set("finances", None, [])
        return
    ctx.set("finances", Finances(rows=rows, total_cost=total), where)
    ctx.set_items("finances.rows", row_lines)
    for number, by_year in cells_of.items():
        for year, cell in by_year.items():
            ctx.fields.items[f"finances.rows[{number}].amounts.{year}"] = provenance([cell])
