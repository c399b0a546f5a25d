"""What extractors share: the layout, the profile, claimed lines, and the fields being filled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from ..issues import Issue, IssueCode
from ..layout.lines import Line, Token
from ..models import Provenance
from ..profile import Profile
from ..regions import Layout, provenance
from ..text.lookalikes import ocr_snapper
from ..text.normalize import fold_for_match

if TYPE_CHECKING:
    from .mail_head import MailHead

#: Labels that head a section of running text or a table: they count only on a line that can be
#: a heading, never on a line that wraps the text above it (:meth:`Context.continues_text`).
SECTION_LABELS = frozenset({"consultations", "resolution", "justification", "attachments"})
#: A number standing after a word in a fuzzy label match: an enumerated entry's ("Anlage 1:").
_NUMBERED_ENTRY = regex.compile(r"\w\s+\d")


def opens_record(text: str, errors: int) -> bool:
    """Whether ``text`` heads the record of the paper's consultation ("Beratungsverlauf:",
    "Auszug aus dem Beratungsergebnis") alone on its line: what follows is how the bodies
    treated the paper (their votes, a changed resolution), no section of the paper's own."""
    from .generic.vocabulary import reader_vocabulary  # the reader's vocabulary imports the profile

    match = reader_vocabulary().record_re(errors).match(text)
    return match is not None and not (match.group("rest") or "").strip()


#: A line closer than this share of its font size below the line above continues it.
_WRAP_GAP = 0.5
#: A space between words, as a share of the font size.
_WORD_SPACE = 0.25
#: Label errors tolerated on OCRed layouts: two covers "ß" for "ss" and one more misread letter;
#: labels stay anchored at the line start, and exact matches still win.
OCR_FUZZY_ERRORS = 2

#: How sure a way of reading a field is, before OCR and warnings lower it (extract/review.py):
#: a profile's labelled value ("Betreff: ...", "Vorlage-Art: ...") is LABELLED; a value after a
#: section label, from a structure found by its label (a Beratungsfolge table) or from a
#: profile vocabulary is READ; a value guessed from layout alone (the letterhead, the largest
#: or first bold text, a lone dateline, the type named in the title) is GUESSED.
LABELLED = 0.95
READ = 0.85
GUESSED = 0.6
#: A value taken by a weak fallback, where the paper gave no better evidence: the first heading
#: as title without a subject line, bold lines as the request without a request heading, the
#: sender read from the signature only. Below :data:`WARN_BELOW` the review warns
#: (extract/doubt.py), so such a value is never silent.
WEAK = 0.45
#: Confidence under which a filled value gets a ``value_uncertain`` warning naming its field.
WARN_BELOW = 0.5


@lru_cache(maxsize=16)
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    """``words`` folded for matching, once per vocabulary (a profile's document types)."""
    return frozenset(fold_for_match(word) for word in words)


@dataclass(slots=True)
class Fields:
    """Extracted values by contract field name, with provenance and warnings."""

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, list[Provenance]] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    #: How sure the way each field was read is (:data:`LABELLED`, :data:`READ`, :data:`GUESSED`), by field name.
    confidence: dict[str, float] = field(default_factory=dict)
    #: How a value read with a :data:`WEAK` confidence was found ("the first heading"), by field
    #: name: the warning of the review says it.
    basis: dict[str, str] = field(default_factory=dict)
    #: Provenance of the parts of list and table fields, by path ("consultations[0]",
    #: "checkboxes[2].options[1]", "finances.rows[0].amounts.2024"); not part of the output
    #: contract, read by the inspector (ratsdoc.trace).
    items: dict[str, list[Provenance]] = field(default_factory=dict)


def within(line: Line, boxes: Sequence[Provenance]) -> bool:
    """Whether the middle of ``line`` lies in one of ``boxes`` (a field's provenance)."""
    middle_x, middle_y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(
        p.page == line.page and p.bbox.x0 <= middle_x <= p.bbox.x1 and p.bbox.top <= middle_y <= p.bbox.bottom
        for p in boxes
    )


def cuts_word(text: str, match: regex.Match[str]) -> bool:
    """Whether a fuzzy label match ends inside a word of ``text``: "Anlage n" of "Anlage nicht
    mehr ..." is "Anlage/n:" with two errors, but a label ends at a word's end or its colon."""
    end = match.end()
    return 0 < end < len(text) and text[end - 1].isalpha() and text[end].isalpha()


def _confused_match(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern``'s match on ``text`` read with one known OCR confusion of one letter set back
    ("gcz." as "gez.", "Anlaqe" as "Anlage"; :meth:`~ratsdoc.text.snapper.Snapper.unconfused`). Only
    confusions of one letter for one are tried, so the match's positions are the text's own."""
    for variant in ocr_snapper().unconfused(text):
        if len(variant) == len(text):
            match = pattern.match(variant)
            if match is not None and not cuts_word(variant, match):
                return match
    return None


@dataclass(slots=True)
class Context:
    """Shared state of one extraction run."""

    layout: Layout
    profile: Profile
    fields: Fields = field(default_factory=Fields)
    #: Indices of lines that belong to a structure already read (table rows, checkbox grid).
    claimed: set[int] = field(default_factory=set)
    #: The lines of each consultation row, parallel to the ``consultations`` field: a value
    #: taken from one row (the deciding body) points at that row, not at the whole table.
    consultation_rows: list[list[Line]] = field(default_factory=list)
    #: ``line.text`` of every line, built on first use: labels are searched from the top for
    #: each field, and on a 4,000-line Wortprotokoll joining the words again for every search
    #: was a third of the extraction time. An extractor that changes tokens calls
    #: :meth:`lines_changed`.
    _texts: list[str] | None = None
    #: Index of each line object in :attr:`lines`, and the right text edge of each page (both
    #: built on first use, forgotten with ``_texts``).
    _index: dict[int, int] | None = None
    _rights: dict[int, float] | None = None
    #: The head rows of a paper printed from a mail client (:mod:`.mail_head`), None for another paper.
    mail: MailHead | None = None
    #: A fallback type word on the cover ("Vorlage") and where it stands: the paper's type if no
    #: extractor finds another (:func:`~ratsdoc.extract.cover_type.read_document_type`).
    fallback_type: tuple[str, Line, list[Token]] | None = None

    @property
    def fuzzy_errors(self) -> int:
        """Errors a fuzzy label match may have: the profile's setting, at least
        :data:`OCR_FUZZY_ERRORS` when the layout came from OCR ("Beschlußvorschlag")."""
        if self.layout.ocr_pages:
            return max(self.profile.fuzzy_errors, OCR_FUZZY_ERRORS)
        return self.profile.fuzzy_errors

    @property
    def lines(self) -> list[Line]:
        """All lines of the document in reading order."""
        return self.layout.lines

    def set(
        self,
        name: str,
        value: Any,
        where: Sequence[Line] | Sequence[tuple[int, Sequence[Token]]],
        confidence: float = READ,
        basis: str | None = None,
    ) -> None:
        """Store field ``name`` with the provenance of ``where`` and how sure the way it was
        read is (``confidence``: :data:`LABELLED`, :data:`READ`, :data:`GUESSED` or
        :data:`WEAK`, then ``basis`` says how it was found)."""
        self.fields.values[name] = value
        self.fields.confidence[name] = confidence
        if basis is None:
            self.fields.basis.pop(name, None)
        else:
            self.fields.basis[name] = basis
        if where:
            self.fields.provenance[name] = provenance(where)

    def set_items(self, name: str, parts: Sequence[Sequence[Line] | Sequence[tuple[int, Sequence[Token]]]]) -> None:
        """Record the provenance of each part of field ``name`` (``name[0]``, ``name[1]``, ...),
        forgetting what an earlier reading of the field recorded."""
        for key in [k for k in self.fields.items if k.startswith(name + "[")]:
            del self.fields.items[key]
        for index, where in enumerate(parts):
            if where:
                self.fields.items[f"{name}[{index}]"] = provenance(where)

    def read_from(self, name: str, line: Line) -> bool:
        """Whether field ``name`` was read from ``line`` (the line within its provenance's box)."""
        return any(
            place.page == line.page
            and place.bbox.x0 - 1 <= line.x0
            and line.x1 <= place.bbox.x1 + 1
            and place.bbox.top - 1 <= line.top
            and line.bottom <= place.bbox.bottom + 1
            for place in self.fields.provenance.get(name, [])
        )

    def warn(self, code: IssueCode, message: str, page: int | None = None, field: str | None = None) -> None:
        """Record a warning for the output (once); ``field`` names the field it is about."""
        issue = Issue(code, message, page, field)
        if issue not in self.fields.warnings:
            self.fields.warnings.append(issue)

    def texts(self) -> list[str]:
        """The text of every line, by index (cached; see :meth:`lines_changed`)."""
        if self._texts is None:
            self._texts = [line.text for line in self.lines]
        return self._texts

    def lines_changed(self) -> None:
        """Forget cached line texts after tokens of lines were replaced or moved."""
        self._texts = None
        self._index = None
        self._rights = None

    def continues_text(self, index: int) -> bool:
        """Whether line ``index`` wraps the body line above it: on the same page, within a line
        gap, inside its left and right edges, below a full line that does not end a sentence or
        a label, in the same size and not bold. Such a line is running text (or the rest of a
        table cell), never a heading, whatever word it starts with ("im" / "Sachverhalt
        genannten Kosten")."""
        line = self.lines[index]
        above = next((ln for ln in reversed(self.lines[:index]) if not ln.furniture and ln.tokens), None)
        if above is None or above.page != line.page or not line.words or not above.words:
            return False
        size = line.size
        if line.top - above.bottom > _WRAP_GAP * size or not above.x0 - 2 <= line.x0 <= above.x1:
            return False
        if line.words[0].bold or size > above.size + 0.5 or above.text.rstrip().endswith((".", ":", "!", "?")):
            return False
        # A wrap leaves the line above full: the first word would not have fitted after it
        # (up to the page's right text edge, or the next cell: the line above ends the row).
        first = line.words[0]
        return above.x1 + _WORD_SPACE * size + (first.x1 - first.x0) > self._right_edge(line.page)

    def _right_edge(self, page: int) -> float:
        """The right edge of the body text on ``page``: the largest right end of its lines."""
        if self._rights is None:
            self._rights = {}
            for ln in self.lines:
                if not ln.furniture and ln.tokens:
                    self._rights[ln.page] = max(self._rights.get(ln.page, 0.0), ln.x1)
        return self._rights.get(page, 0.0)

    def _line_index(self, line: Line) -> int | None:
        if self._index is None:
            self._index = {id(ln): i for i, ln in enumerate(self.lines)}
        return self._index.get(id(line))

    def find_label(
        self, name: str, *, start: int = 0, stop: int | None = None, page: int | None = None
    ) -> tuple[int, Line, regex.Match[str]] | None:
        """The first body line from ``start`` whose text begins with label ``name``.

        Exact matches win over fuzzy ones (OCR noise) anywhere in the range.
        """
        exact = self.profile.label(name, fuzzy=0)
        errors = self.fuzzy_errors
        fuzzy = self.profile.label(name, fuzzy=errors) if errors else None
        end = len(self.lines) if stop is None else min(stop, len(self.lines))
        fallback = None
        texts = self.texts()
        ocr = set(self.layout.ocr_pages)
        for index in range(start, end):
            line = self.lines[index]
            if line.furniture or (page is not None and line.page != page):
                continue
            text = texts[index]
            match = exact.match(text)
            fuzzy_match = fuzzy.match(text) if fuzzy is not None and fallback is None and not match else None
            if fuzzy_match is None and fuzzy is not None and fallback is None and not match and line.page in ocr:
                fuzzy_match = _confused_match(exact, text)  # one confusion in a short label ("gcz.")
            if (match or fuzzy_match) and name in SECTION_LABELS and self.continues_text(index):
                continue
            if match:
                return index, line, match
            if fuzzy_match and not self._another_word(fuzzy_match.group(0)) and not cuts_word(text, fuzzy_match):
                fallback = (index, line, fuzzy_match)
        return fallback

    def _another_word(self, matched: str) -> bool:
        """Whether the text a fuzzy label match took is, read exactly, a word of the profile's
        own: a document type ("Anfrage:" is two errors from "Anlage:", and is no misread label)."""
        folded = fold_for_match(matched).strip(" :;.")
        return bool(folded) and folded in _folded(tuple(self.profile.document_types))

    def section_lines(self, start: int, *, stop_at_claimed: bool = True) -> list[tuple[int, Line]]:
        """Body lines after ``start`` up to the next section label (or a claimed structure)."""
        result = []
        for index in range(start + 1, len(self.lines)):
            line = self.lines[index]
            if line.furniture or not line.tokens:
                continue
            if index in self.claimed:
                if stop_at_claimed:
                    break
                continue
            if self.is_section_start(line):
                break
            result.append((index, line))
        return result

    def is_section_start(self, line: Line) -> bool:
        """Whether ``line`` starts with any section label of the profile."""
        text = line.text
        # On OCR pages a misread label must still end the section before it; one error only,
        # since every line of running text is tested here.
        errors = min(self.fuzzy_errors, 1) if line.page in self.layout.ocr_pages else 0
        for name in (
            "title",
            "consultations",
            "resolution",
            "justification",
            "attachments",
            "signature",
            "section_ends",
        ):
            match = self.profile.label(name, fuzzy=errors).match(text)
            # A word and a number ("Anlage 1: Lageplan") is an entry of a list, no misread label.
            if match and errors and _NUMBERED_ENTRY.search(match.group(0)):
                continue
            if match and not (errors and cuts_word(text, match)):
                if name in SECTION_LABELS:
                    index = self._line_index(line)
                    if index is not None and self.continues_text(index):
                        continue
                return True
        return opens_record(text, errors)
