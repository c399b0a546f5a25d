"""Type, originator, faction and body of any paper, read from where letters and motions print
them: a type line or the title's first words, the sender block, the letterhead and the
signature, the address ("An den Gemeinderat") or a meeting line ("zur Sitzung der ...")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from ...layout.lines import Line, Token, tokens_text
from ...text.dates import iter_dates
from ...text.lookalikes import ocr_snapper
from ...text.normalize import fold_for_match, join_lines
from .closing import is_closing
from .heading import Found, head_lines, is_salutation
from .vocabulary import TYPE_TAIL, ReaderVocabulary

#: The same as OCR reads it: "gem." often comes out as "gern.", a longer word with a letter wrong.
_TYPE_TAIL_OCR = regex.compile(
    r"^(?:\s*$|\s*[(]|\s+(?:(?:nach|gemäß|betreffend){e<=1}|gem\.|gern\.|zur?|der|des|vom|Nr\.)(?!\p{L}))"
)
#: A type word with "Nr.:" after it is a number's label ("Mitteilung Nr.: 1359/2025").
_NUMBER_LABEL = regex.compile(r"^\s*Nr\.?\s*:")
#: Errors a type opening a line may carry on a scan: one (a longer allowance took "Position der
#: Fraktion" for "Petition").
_TYPE_LINE_ERRORS = 1
#: The address window's sender line: "CSU-Fraktion, Rathausplatz 1, 91052 Erlangen", or with its
#: parts set apart by dots, the town perhaps wrapped to the next line ("SPD-Fraktion · Rathausplatz
#: 2 · 48143" over "Münster"); the sender is its first part.
#: With its postcode wrapped as well, the line ends in the street's house number and a dot
#: ("Fraktion DIE LINKE im Rat der Stadt Münster · Rathausplatz 2 ·" over "48143 Münster").
_POSTCODE = regex.compile(
    r"(?:,|\s·\s).*\b\d{4,5}(?:\s+\p{Lu}|$)|\s·\s\p{Lu}[\p{L}.-]+(?:\s[\p{L}.-]+)*\s\d{1,4}(?:\s?[a-z])?\s·$"
)
_SENDER_END = regex.compile(r",|\s·\s")
#: A letterhead's address line, its parts set apart by dots: "Amt für Verkehr · Rathausplatz 8 ·
#: 79098 Freiburg" says where the city's office sits; the letterhead's name above is the sender.
_ADDRESS_LINE = regex.compile(r"·.*\b\d{4,5}\s+\p{Lu}")
#: ... or, where a scan lost the dots, a short line that ends in a postcode and place
#: ("Bezirksrathaus 91522 Ansbach"); a sender with its address after a comma
#: ("CSU-Fraktion, Rathausplatz 1, 91052 Erlangen") is none.
_ADDRESS_END = regex.compile(r"^[^,]*\b\d{4,5}\s+\p{Lu}[\p{L}.\- ]*$")
_ADDRESS_WORDS = 6
#: The longest type of the vocabulary has three words ("Dringliche Entscheidungsvorlage").
_TYPE_WORDS = 3
#: A sender line is short; a sentence that opens with "Amt für ..." is running text.
_SENDER_WORDS = 10
#: The administration's name stands among the first lines of a letterhead.
_LETTERHEAD_LINES = 2
#: A signature is read from at most this many lines after the closing formula.
_SIGNATURE_LINES = 6


def _canonical(vocab: ReaderVocabulary, word: str) -> str:
    """The vocabulary's spelling of a type found in the text."""
    return vocab.canonical_type(word)


def is_address_line(text: str) -> bool:
    """Whether ``text`` is a letterhead's address line ("Amt für Verkehr · ... · 79098 Freiburg",
    "Bezirksrathaus 91522 Ansbach")."""
    return bool(_ADDRESS_LINE.search(text)) or (len(text.split()) <= _ADDRESS_WORDS and bool(_ADDRESS_END.match(text)))


def type_from_lines(lines: Sequence[Line], vocab: ReaderVocabulary, *, ocr: bool = False) -> Found | None:
    """A type standing on its own line at the head of the paper ("Motion", "Antrag gemäß
    § 28 GeschO", "Kleine Anfrage der Fraktion ..."); on ``ocr`` pages also a line that is a
    type but for a misread letter or two ("Anfrnge"). Not under a heading that ends a request
    ("Sachverhalt:", "Anlagen"): "Stellungnahme des Personalrats" in the list of attachments names
    another paper."""
    head = head_lines([ln for ln in lines if ln.page == 1])
    ended = next((k for k, ln in enumerate(head) if vocab.type_end_re.match(ln.text)), len(head))
    heads = head[:ended]
    for above, line in zip([None, *heads], heads, strict=False):
        if above is not None and _runs_on(above, line):
            continue  # "... Die Verwaltung hat den" over "Bericht des Amtes ...": a sentence goes on
        segments = line.segments()
        for at, segment in enumerate(segments):
            text = " ".join(t.text for t in segment)
            if at and segments[at - 1][-1].text.endswith(":"):
                continue  # a label's value ("Bezug: Große Anfrage der ...") names another paper
            match = vocab.type_re.match(text)
            if match and _NUMBER_LABEL.match(text[match.end() :]):
                continue  # "Mitteilung Nr.: 1359/2025" labels the paper's number in a register
            if match and TYPE_TAIL.match(text[match.end() :]) and not text[match.end() :].lstrip().startswith(":"):
                return _canonical(vocab, match.group("type")), [line]
            snapped = ocr_snapper().snap(text, vocab.document_types) if ocr and len(segment) <= _TYPE_WORDS else None
            if snapped is None and ocr:
                snapped = _misread_type_line(text, vocab)
            if snapped is not None:
                return snapped, [line]
    return None


#: A line of running text ends in a lowercase word ("den", "über die") where its sentence goes on.
_OPEN_END = regex.compile(r"(?<![\p{L}.-])\p{Ll}+$")
#: Lines of one paragraph start at one edge (points) and are closer than this share of their size.
_SAME_START, _LINE_GAP = 3.0, 0.5


def _runs_on(above: Line, line: Line) -> bool:
    """Whether ``line`` goes on with the sentence of the line ``above`` it in one paragraph: same
    page and left edge, no space between, ``above`` ending in a lowercase word. A type word that
    opens such a line ("Bericht des Rechnungsprüfungsamtes ...") is a word of the text."""
    return (
        above.page == line.page
        and abs(above.x0 - line.x0) <= _SAME_START
        and 0 <= line.top - above.bottom < _LINE_GAP * line.size
        and _OPEN_END.search(above.text.rstrip()) is not None
    )


def is_type_line(line: Line, vocab: ReaderVocabulary, *, ocr: bool = False) -> bool:
    """Whether ``line`` opens with a type line ("Anfrage gem. § 4 der Geschäftsordnung",
    "Antrag der SPD-Fraktion", "Dringlichkeitsantrag"), on ``ocr`` pages also as OCR misreads it;
    its first segment is read, so a stamp beside it does not count."""
    segments = line.segments()
    if not segments:
        return False
    text = " ".join(t.text for t in segments[0])
    match = vocab.type_re.match(text)
    if match and TYPE_TAIL.match(text[match.end() :]) and not text[match.end() :].lstrip().startswith(":"):
        return True
    if not ocr:
        return False
    return (len(segments[0]) <= _TYPE_WORDS and ocr_snapper().snap(text, vocab.document_types) is not None) or (
        _misread_type_line(text, vocab) is not None
    )


def _misread_type_line(text: str, vocab: ReaderVocabulary) -> str | None:
    """The type of a type line OCR misread ("Anfrnge gem. § 4 der Geschäftsordnung", "Antrag
    gern. § 3 GO"): a type with one error opening the line, then what may follow a type."""
    misread = vocab.type_line_re(_TYPE_LINE_ERRORS).match(text)
    if misread is None or not _TYPE_TAIL_OCR.match(text[misread.end() :]):
        return None
    word = misread.group("type")
    kind = ocr_snapper().snap(word, vocab.document_types)
    # An inflected type ("Anfragen der Verwaltung") is running text, not a misread type line.
    if kind is None or (word != kind and fold_for_match(word).startswith(fold_for_match(kind))):
        return None
    return kind


def speech_type(lines: Sequence[Line], vocab: ReaderVocabulary) -> Found | None:
    """The speech type for a manuscript that says it is one ("(Es gilt das gesprochene Wort)")."""
    for line in head_lines([ln for ln in lines if ln.page == 1]):
        if vocab.matcher("speech").match(line.text):
            return vocab.speech_type, [line]
    return None


def type_from_title(title: str, vocab: ReaderVocabulary) -> str | None:
    """The type named among the first words of a title ("Stellungnahme zu ...")."""
    head = " ".join(title.split()[:4])
    match = vocab.type_re.search(head)
    return _canonical(vocab, match.group("type")) if match else None


def _paragraph(lines: Sequence[Line], index: int) -> list[Line]:
    """Line ``index`` and the lines that follow it without a gap."""
    block = [lines[index]]
    for follower in lines[index + 1 :]:
        prev = block[-1]
        if follower.page != prev.page or follower.top - prev.bottom > 0.6 * follower.size or len(block) >= 3:
            break
        if next(iter_dates(follower.text), None) is not None:  # the place and date line below
            break
        block.append(follower)
    return block


#: A town's name alone on a line: one or two capitalised words, maybe with its river ("Lingen (Ems)").
_TOWN_NAME = regex.compile(r"^(?-i:\p{Lu}[\p{L}-]+)(?:\s(?-i:\p{Lu}[\p{L}-]+)|\s\((?-i:\p{Lu})[\p{L}. ]+\))?$")


def town_below(lines: Sequence[Line], index: int, segment: Sequence[Token], vocab: ReaderVocabulary) -> Line | None:
    """The line right under the sender's ``segment`` that holds the rest of its name, its town
    ("... im Rat der Stadt" over "Bielefeld", "... im Rat" over "der Stadt Essen"): at its left
    edge, in its size, set close."""
    text = tokens_text(segment)
    if index + 1 >= len(lines):
        return None
    line, below = lines[index], lines[index + 1]
    size = max(t.size for t in segment)
    if below.page != line.page or not below.words or below.top - line.bottom > 0.6 * size:
        return None
    if abs(below.words[0].x0 - segment[0].x0) > 2.0 or abs(below.words[0].size - size) > 0.5:
        return None
    rest = tokens_text(below.words)
    if vocab.before_town_re.search(text):
        return below if _TOWN_NAME.match(rest) else None
    if vocab.town_line_re.match(rest):
        return below
    if vocab.after_body_re.search(text) and bare_town_goes_on(rest, lines[index + 2 :]):
        return below  # "... in der Stadtverordnetenversammlung" over "Potsdam", "14467 Potsdam" below
    return None


#: How many lines under a bare town's name its address or place-and-date line may stand.
_CONFIRM_LINES = 4


def bare_town_goes_on(rest: str, after: Sequence[Line]) -> bool:
    """Whether ``rest``, a line under a sender's name that ends in its council, is the council's
    town: a town's name that one of the few lines ``after`` it names as a place, after a postcode
    ("Rathausplatz 1 · 14467 Potsdam") or before a date ("Potsdam, 25.10.2023"). A bare
    capitalised word under a council's name is the town only where the letter says so; else it
    may be the paper's type ("Fraktion Die Linke im Rat" over "Antrag")."""
    if not _TOWN_NAME.match(rest) or not after:
        return False
    name = regex.escape(rest)
    place = regex.compile(rf"(?:\b\d{{4,5}}\s+{name}(?![\p{{L}}-])|^{name},\s*(?:den\s+)?\d)")
    page = after[0].page
    distinct = [ln for k, ln in enumerate(after) if k == 0 or ln is not after[k - 1]]  # a line per segment
    return any(ln.page == page and place.search(ln.text) for ln in distinct[:_CONFIRM_LINES])


def originator_from_head(lines: Sequence[Line], vocab: ReaderVocabulary, page: int = 1) -> Found | None:
    """The sender on ``page`` above the salutation: a line naming a group, board or office, a
    private sender's address block, or a paragraph of names with their parties ("Beat Wagner
    (SVP) und Anna Keller (SP)")."""
    head = head_lines([ln for ln in lines if ln.page == page], vocab)
    private = _private_sender(head)
    if private is not None:
        return private
    for index, line in enumerate(head):
        for segment in line.segments():
            text = " ".join(t.text for t in segment)
            if (
                len(segment) <= _SENDER_WORDS
                and not (text.endswith((":", ".")) and not _REGISTERED.search(text))
                and not is_address_line(text)
                and (vocab.matcher("originator").match(text) or vocab.named_sender(text))
            ):
                wrapped = town_below(head, index, segment, vocab)
                if wrapped is not None:
                    return f"{text} {tokens_text(wrapped.words)}", [line, wrapped]
                return window_sender(text), [line]
        if vocab.party_re.search(line.text):
            block = _paragraph(head, index)
            return join_lines([ln.text for ln in block]), block
    return None


def window_sender(text: str) -> str:
    """The sender of an address window's sender line ("CSU-Fraktion, Rathausplatz 1, 91052
    Erlangen", "SPD-Fraktion · Rathausplatz 2 · 48143" over "Münster"): its first part; any
    other ``text`` without a separator left at its end ("... Münster ·", the line's next part
    set apart)."""
    if _POSTCODE.search(text):
        return _SENDER_END.split(text, maxsplit=1)[0].strip()
    return _TRAILING_SEPARATOR.sub("", text)


#: A separator a sender line leaves at the end of its first part.
_TRAILING_SEPARATOR = regex.compile(r"\s+[·|•,–-]\s*$")


def forwarded_letter_page(lines: Sequence[Line]) -> int | None:
    """The page on which a letter forwarded behind a cover sheet opens (the administration's
    sheet over a citizen's Einwohnerantrag): page 2, when page 1 has no salutation and page 2
    has one or opens with a private sender's block. None for any other paper. Page furniture
    and empty lines of ``lines`` are not read."""
    lines = [ln for ln in lines if not ln.furniture and ln.words]
    if any(ln.page == 1 and is_salutation(ln.text) for ln in lines):
        return None
    second = [ln for ln in lines if ln.page == 2]
    return 2 if any(is_salutation(ln.text) for ln in second) or _private_sender(second) is not None else None


#: A registered association's name ends in a full stop: "Bürgerinitiative Lindenplatz e.V.".
_REGISTERED = regex.compile(r"\be\.\s?V\.$")
#: A private sender's address block heading a letter: a name over the street with its house
#: number (maybe after "c/o Anna Keller") and the postcode with the town ("50667 Köln").
_STREET = regex.compile(r"^\p{Lu}[\p{L}.\- ]*\s\d{1,4}\s?[a-z]?$")
_TOWN = regex.compile(r"^\d{4,5}\s+\p{Lu}\p{L}")
_CARE_OF = regex.compile(r"^c/o\s")
#: The sender's name: a few words without digits, a registered association's "e.V." allowed.
_NAME = regex.compile(r"^\p{Lu}[\p{L}.'-]*(?:\s+[\p{L}.'-]+){1,5}$")
_RECIPIENT = regex.compile(r"^(?:Herrn?|Frau|An)\b")


def _private_sender(head: Sequence[Line]) -> Found | None:
    """The name heading a private sender's address block (a citizen's Einwohnerantrag, an
    initiative's letter): the first line, over a street line and a postcode line (maybe after
    "c/o" and a contact), at the top of the page. A block opening with "Herrn", "Frau" or "An"
    is the recipient's."""
    texts = [" ".join(t.text for t in line.segments()[0]).strip() for line in head[:5] if line.words]
    if len(texts) < 3 or not _NAME.match(texts[0]) or _RECIPIENT.match(texts[0]):
        return None
    rest = texts[2:] if _CARE_OF.match(texts[1]) else texts[1:]
    if len(rest) >= 2 and _STREET.match(rest[0]) and _TOWN.match(rest[1]):
        return texts[0], [head[0]]
    return None


#: Where a head line joins the city and its units: "Stadt Köln – Der Oberbürgermeister – Amt
#: für ...", "Stadtverwaltung Mainz, Dezernat IV".
_HEAD_PARTS = regex.compile(r"\s+[–—-]\s+|,\s+")


def unit_of_head(text: str, vocab: ReaderVocabulary) -> str | None:
    """The office of a head line that names a city's administration and its units in one
    ("Stadt Münster, Dezernat II, Amt für Schulentwicklung" gives "Amt für Schulentwicklung"):
    the last unit, the office that writes; None for any other line."""
    # A separator may end the line too: "Stadtverwaltung Mainz - Dezernat IV -".
    parts = [part.strip(" –—-") for part in _HEAD_PARTS.split(text.strip()) if part.strip(" –—-")]
    if len(parts) == 1:
        # A scan may lose the separator: "Stadtverwaltung Trier Dezernat IV".
        unit = vocab.matcher("unit")
        starts = [m.start() for m in regex.finditer(r"(?<=\s)\S", parts[0])]
        at = next((k for k in starts if unit.match(parts[0][k:])), None)
        parts = [parts[0][:at].strip(), parts[0][at:]] if at is not None else parts
    if len(parts) < 2 or not vocab.matcher("administration").match(parts[0]):
        return None
    units = [part for part in parts[1:] if vocab.matcher("unit").match(part)]
    return units[-1] if units else None


def administration_from_head(lines: Sequence[Line], vocab: ReaderVocabulary) -> Found | None:
    """The city's administration named at the head of page 1 ("Stadt Kassel", maybe under the
    dateline): the sender of a paper whose letterhead names no faction, board or office."""
    top = [line for line in lines if line.page == 1][:_LETTERHEAD_LINES]
    first = next((line for line in top if vocab.matcher("administration").match(line.text.strip())), None)
    return (first.text.strip(), [first]) if first is not None else None


def originator_from_signature(lines: Sequence[Line], vocab: ReaderVocabulary) -> Found | None:
    """The group or board that signs after the closing formula ("Herzliche Grüße,
    Stadtteilbeirat Büchenbach")."""
    for index, line in enumerate(lines):
        if not is_closing(line.text):
            continue
        for follower in lines[index + 1 : index + 1 + _SIGNATURE_LINES]:
            text = follower.text.strip()
            if len(text) <= 80 and (vocab.matcher("originator").match(text) or vocab.named_sender(text)):
                return text, [follower]
    return None


def body_from_head(lines: Sequence[Line], vocab: ReaderVocabulary, page: int = 1) -> Found | None:
    """The body from an address or a meeting line above the salutation on ``page``, with its
    name as printed ("Bezirksvertretung Porz")."""
    for line in head_lines([ln for ln in lines if ln.page == page]):
        texts = [" ".join(t.text for t in segment) for segment in line.segments()]
        # A head row's label and its value stand apart ("Gremium:   Ortsbeirat 3"): read together too.
        texts += [f"{label} {value}" for label, value in pairwise(texts) if label.endswith(":")]
        for text in texts:
            text = text.strip().rstrip(",")
            match = vocab.body_line_re.match(text)
            if match is None:
                continue
            body = nominative(match.group("body") or "", vocab)
            if body is not None:
                return body, [line]
    return None


#: A place's name after a body in a paper's head: one to three capitalised words, hyphens and
#: brackets allowed, no digit ("Steglitz-Zehlendorf", "Kempten (Allgäu)").
#: A city-state's place is in the genitive ("Bürgerschaft der Freien und Hansestadt Hamburg",
#: in capitals as its head prints it).
_PLACE = regex.compile(r"^(?:(?:der|DER)\s+)?\p{Lu}[\p{L}()-]*(?:\s+(?:(?:und|UND)\s+)?\p{Lu}[\p{L}()-]*){0,3}$")
#: The head of a paper: its first lines over this share of page 1 (a body named further down,
#: in a cover's grid, is the profile's to read).
_HEAD_SHARE = 0.2
_HEAD_LINES = 2


def body_from_letterhead(
    lines: Sequence[Line], height: float, vocab: ReaderVocabulary, sender: str | None
) -> Found | None:
    """The assembly a paper's head names as the one it is filed with: a body of the vocabulary
    with its place, on one line at the top of page 1 ("Bezirksverordnetenversammlung Pankow") or
    with the place on the line under it, as Berlin district assemblies and Landtage head their
    Drucksachen. A head line that is the paper's ``sender`` ("Stadtteilbeirat Büchenbach" over
    its Stellungnahme) is the sender's letterhead, not a body addressed."""
    top = [ln for ln in lines if ln.page == 1 and ln.top < _HEAD_SHARE * height and ln.words]
    # A parliament's number and term over the assembly's name ("Drucksache 19 / 17 888" |
    # "19. Wahlperiode", "Schriftliche Anfrage", "Abgeordnetenhaus Berlin") are no letterhead
    # lines: the name is the head's first line still. The lines under a name are read as printed.
    heads = [ln for ln in top if not _grid_only(ln, vocab)][:_HEAD_LINES]
    for line in heads:
        index = next(k for k, ln in enumerate(top) if ln is line)
        under = top[index + 1] if index + 1 < len(top) else None
        # Lines stacked at one edge are a column of cells ("Stadtrat" / "Dringliche" / ...),
        # unless they are a place in the genitive wrapped over two ("DER FREIEN UND HANSESTADT"
        # / "HAMBURG").
        if (
            under is not None
            and index + 2 < len(top)
            and _stacked(under, top[index + 2])
            and not _GENITIVE.match(under.text.strip())
        ):
            under = None
        for segment in line.segments():
            text = _without_grid(" ".join(t.text for t in segment).strip(), vocab)
            match = vocab.body_re.match(text)
            if match is None:
                continue
            rest = text[match.end() :].strip()
            found: Found | None = None
            if not rest and text.casefold() in {c.casefold() for c in vocab.chambers}:
                found = text, [line]  # "Stadtbürgerschaft" under "Bremische Bürgerschaft"
            elif rest and _PLACE.match(rest):
                found = _place_goes_on(text, rest, segment[0].x0, [line], top[index + 1 : index + 3], vocab)
            elif not rest and under is not None and (place := _place_under(segment[0].x0, line, under, vocab)):
                found = _place_goes_on(text, place, segment[0].x0, [line, under], top[index + 2 : index + 3], vocab)
            if found is not None and not (sender and fold_for_match(sender).startswith(fold_for_match(found[0]))):
                return found
    return None


#: A place in the genitive opens its line: "der Freien und Hansestadt", "DER STADT".
_GENITIVE = regex.compile(r"^(?:der|DER)\s+\p{Lu}")


def _place_goes_on(
    text: str, place: str, x0: float, used: list[Line], below: Sequence[Line], vocab: ReaderVocabulary
) -> Found:
    """The body ``text`` with its ``place`` (the lines ``used``) and, for a place in the genitive,
    its last word when it wrapped onto the next line of ``below``, set as it is ("Bürgerschaft der
    Freien und Hansestadt" over "Hamburg"; a chair's name under "Stadtteilbeirat Büchenbach" is
    no part of a place)."""
    for line in below[:1] if _GENITIVE.match(place) else ():
        more = _place_under(x0, used[-1], line, vocab)
        if more is not None and _PLACE.match(f"{place} {more}"):
            base = text if place in text else f"{text} {place}"
            return f"{base} {more}", [*used, line]
    return (text if place in text else f"{text} {place}"), used


def _without_grid(text: str, vocab: ReaderVocabulary) -> str:
    """``text`` without a parliament's number or term its segment runs on with, set too close to
    split ("Bürgerschaft der Freien und Hansestadt Hamburg Drucksache 21/8172")."""
    grid = vocab.matcher("head_grid")
    for start in (m.start() for m in regex.finditer(r"(?<=\s)\S", text)):
        if grid.match(text[start:]):
            return text[:start].strip()
    return text


def _grid_only(line: Line, vocab: ReaderVocabulary) -> bool:
    """Whether every segment of ``line`` is a parliament's number or term (:func:`head_grid_row`)
    or a paper type alone ("Schriftliche Anfrage")."""
    grid = vocab.matcher("head_grid")
    for segment in line.segments():
        text = " ".join(t.text for t in segment).strip()
        typed = vocab.type_re.match(text)
        if not grid.match(text) and (typed is None or typed.end() != len(text)):
            return False
    return True


def _stacked(line: Line, under: Line) -> bool:
    """Whether ``under`` goes on right under ``line`` with a segment starting where one of
    ``line``'s does: the next cell of a column, not the space that ends a head."""
    size = max(token.size for token in line.tokens)
    starts = [seg[0].x0 for seg in line.segments()]
    return under.top - line.bottom <= size and any(abs(seg[0].x0 - x) <= 2 for seg in under.segments() for x in starts)


def _place_under(x0: float, line: Line, under: Line, vocab: ReaderVocabulary) -> str | None:
    """The place of the body that ends ``line``, where the segment of ``under`` at the body's
    left edge ``x0`` holds only it: right under it (within a line's height), capitalised words
    that name no paper type. None otherwise."""
    size = max(token.size for token in line.tokens)
    if under.top - line.bottom > size:
        return None
    segment = next((seg for seg in under.segments() if abs(seg[0].x0 - x0) <= 2), None)
    if segment is None or any(t.bold != line.tokens[0].bold or abs(t.size - size) > 0.5 for t in segment):
        return None  # the place is set as its body is
    place = " ".join(t.text for t in segment).strip()
    return place if _PLACE.match(place) and not vocab.type_re.search(place) else None


#: Endings of a body's first word in a meeting line or an address, and their nominative.
_ENDINGS = (("es", ""), ("s", ""), ("en", "er"))


def nominative(body: str, vocab: ReaderVocabulary) -> str | None:
    """``body`` when it names a body of the vocabulary, made nominative: the genitive of a
    meeting line ("Ortsbeirates Lindenthal" → "Ortsbeirat Lindenthal"), the adjective of an
    address ("An den Grossen Rat" → "Grosser Rat"); None for another name."""
    first, _, rest = body.strip().partition(" ")
    inflected = [first[: -len(end)] + nominative for end, nominative in _ENDINGS if first.endswith(end)]
    for stem in (first, *inflected):
        named = f"{stem} {rest}".strip()
        if stem and vocab.body_re.match(named):
            return named
    return None


def faction_of(originator: str, vocab: ReaderVocabulary) -> str | None:
    """The originator as faction when it names one; of a member signing for a faction
    ("Birgit Wolff, FDP-Fraktion") the faction alone."""
    group = vocab.named_sender(originator)
    if group is not None:
        return group if vocab.matcher("faction").search(group) else None
    return originator if vocab.matcher("faction").search(originator) else None
