"""What extractors share: the layout, the profile, claimed lines, and the fields being filled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from ..issues import Issue, IssueCode
from ..layout.lines import Line, Token
from ..models import Provenance
from ..profile import Profile
from ..regions import Layout, provenance

#: Label errors tolerated on OCRed layouts: two covers "ß" for "ss" and one more misread letter;
#: labels stay anchored at the line start, and exact matches still win.
OCR_FUZZY_ERRORS = 2


@dataclass(slots=True)
class Fields:
    """Extracted values by contract field name, with provenance and warnings."""

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, list[Provenance]] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    #: Provenance of the parts of list and table fields, by path ("consultations[0]",
    #: "checkboxes[2].options[1]", "finances.rows[0].amounts.2024"); not part of the output
    #: contract, read by the inspector (ratsdoc.trace).
    items: dict[str, list[Provenance]] = field(default_factory=dict)


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

    def set(self, name: str, value: Any, where: Sequence[Line] | Sequence[tuple[int, Sequence[Token]]]) -> None:
        """Store field ``name`` with the provenance of ``where``."""
        self.fields.values[name] = value
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
        for index in range(start, end):
            line = self.lines[index]
            if line.furniture or (page is not None and line.page != page):
                continue
            text = texts[index]
            match = exact.match(text)
            if match:
                return index, line, match
            if fuzzy is not None and fallback is None:
                fuzzy_match = fuzzy.match(text)
                if fuzzy_match:
                    fallback = (index, line, fuzzy_match)
        return fallback

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
            if self.profile.label(name, fuzzy=errors).match(text):
                return True
        return False
