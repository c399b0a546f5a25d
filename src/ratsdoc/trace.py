"""What a parse read and why it filled each field: the data behind ``--debug``, ``--to`` and
``ratsdoc inspect``. The library returns plain data; the command line formats it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from .issues import Issue
from .layout.lines import Line
from .models import BBox, Drucksache, Provenance
from .options import ParseOptions
from .pipeline import Reading, detection_text, read_reading
from .profile import LABEL_NAMES, Profile, available_profiles, detection_score, detection_total

#: Which profile label heads the section a field is read from (the label names of profile.py).
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "date": ("date", "signature"),
    "consultations": ("consultations",),
    "resolution_proposal": ("resolution", "resolution_inline"),
    "justification": ("justification", "justification_subheadings"),
    "attachments": ("attachments",),
    "finances": ("total_cost",),
}


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line as the pipeline read it, in reading order; ``furniture`` for running headers,
    footers and page numbers."""

    page: int
    text: str
    bbox: BBox
    furniture: bool


@dataclass(frozen=True, slots=True)
class ProfileScore:
    """How well one profile's detection rules matched the first pages."""

    name: str
    score: float
    min_score: float
    total: float
    chosen: bool


@dataclass(frozen=True, slots=True)
class FieldSource:
    """Where a field was read and which of the profile's rules match there."""

    field: str
    provenance: tuple[Provenance, ...]
    rules: tuple[str, ...]


@dataclass(slots=True)
class Trace:
    """A parse with its reading: pages, lines, profile scores, field sources and the boxes of
    each part of the list and table fields (``items``, by path such as "consultations[0]")."""

    document: Drucksache
    issues: list[Issue]
    page_sizes: dict[int, tuple[float, float]]
    lines: list[TextLine]
    profile_scores: list[ProfileScore]
    sources: list[FieldSource]
    items: dict[str, list[Provenance]] = field(default_factory=dict)


def _bbox(line: Line) -> BBox:
    return BBox(x0=round(line.x0, 2), top=round(line.top, 2), x1=round(line.x1, 2), bottom=round(line.bottom, 2))


def profile_scores(text: str, profiles: dict[str, Profile], chosen: str) -> list[ProfileScore]:
    """The detection score of every profile on ``text``, best first (the scores select_profile compares)."""
    scores = [
        ProfileScore(
            name=profile.name,
            score=round(detection_score(profile, text), 2),
            min_score=profile.min_score,
            total=round(detection_total(profile), 2),
            chosen=profile.name == chosen,
        )
        for profile in profiles.values()
    ]
    return sorted(scores, key=lambda s: (not s.chosen, -s.score, s.name))


def _overlaps(line: TextLine, where: Provenance) -> bool:
    box = where.bbox
    return (
        line.page == where.page
        and line.bbox.x0 < box.x1 + 0.5
        and line.bbox.x1 > box.x0 - 0.5
        and line.bbox.top < box.bottom + 0.5
        and line.bbox.bottom > box.top - 0.5
    )


def _rule_patterns(profile: Profile, name: str) -> Iterable[tuple[str, regex.Pattern[str]]]:
    """The profile's patterns that could have filled field ``name``, each with its name."""
    for label in FIELD_LABELS.get(name, ()):
        if label in LABEL_NAMES and profile.labels.patterns(label):
            yield f"label {label}", profile.label(label, fuzzy=0)
    value = profile.value_re(name)
    if value is not None:
        yield f"value {name}", value
    if name == "number" and profile.number_patterns:
        yield "number_patterns", profile.number_re
    if name in ("originator", "faction") and profile.originator_patterns:
        yield "originator_patterns", profile.originator_re


def field_sources(document: Drucksache, lines: list[TextLine], profile: Profile) -> list[FieldSource]:
    """For every field with provenance: the profile rules that match its lines or the line
    heading them (the label above a section), else the vocabulary or layout rule it came from."""
    result = []
    for name, where in document.provenance.items():
        indices = [i for i, line in enumerate(lines) if any(_overlaps(line, w) for w in where)]
        near = [lines[i].text for i in indices]
        if indices:
            near.extend(_heading_above(lines, indices[0]))
        rules = [rule for rule, pattern in _rule_patterns(profile, name) if any(pattern.search(t) for t in near)]
        if not rules:
            rules = [_VOCABULARIES.get(name, "layout")]
        result.append(FieldSource(name, tuple(where), tuple(rules)))
    return result


def _heading_above(lines: list[TextLine], index: int) -> list[str]:
    """The nearest line above ``lines[index]`` on its page that shares its column (a label over
    a value or section); the line just before it in reading order too."""
    first = lines[index]
    found = [lines[index - 1].text] if index > 0 else []
    for back in range(index - 1, max(-1, index - 4), -1):
        line = lines[back]
        if line.page == first.page and line.bbox.x0 < first.bbox.x1 and line.bbox.x1 > first.bbox.x0:
            found.append(line.text)
            break
    return found


#: The profile vocabulary a field is matched against when no label or pattern names it.
_VOCABULARIES = {
    "document_type": "vocabulary document_types",
    "body": "vocabulary bodies / deciding consultation",
    "public": "vocabulary public_true / public_false",
    "checkboxes": "layout: boxes and the labels beside them",
    "consultations": "layout: table rows",
    "title": "layout: largest or emphasised text",
    "links": "link annotations",
}


def trace_reading(reading: Reading, options: ParseOptions) -> Trace:
    """The :class:`Trace` of a finished :class:`~ratsdoc.pipeline.Reading`."""
    layout = reading.layout
    lines = [TextLine(line.page, line.text, _bbox(line), line.furniture) for line in layout.lines if line.tokens]
    profiles = available_profiles(options.profile_dirs)
    return Trace(
        document=reading.document,
        issues=reading.issues,
        page_sizes={p.number: (p.width, p.height) for p in layout.pages},
        lines=lines,
        profile_scores=profile_scores(detection_text(layout), profiles, reading.profile.name),
        sources=field_sources(reading.document, lines, reading.profile),
        items=dict(reading.fields.items),
    )


def trace(source: str | os.PathLike[str] | bytes, options: ParseOptions | None = None) -> Trace:
    """Parse one paper (a path or the PDF's bytes) and return it with its :class:`Trace`."""
    opts = options or ParseOptions()
    return trace_reading(read_reading(source, opts), opts)


def document_text(lines: Iterable[TextLine], *, markdown: bool = False, furniture: bool = False) -> str:
    """The text the parse read, page by page; running headers and footers only with
    ``furniture``. As Markdown each page is a section ("## Seite 2") and lines keep their order."""
    out: list[str] = []
    page = 0
    for line in lines:
        if line.furniture and not furniture:
            continue
        if line.page != page:
            page = line.page
            if markdown:
                out.append(("\n" if out else "") + f"## Seite {page}\n")
            elif out:
                out.append("\f")
        out.append(_markdown_escape(line.text) if markdown else line.text)
    return "\n".join(out) + ("\n" if out else "")


_MARKDOWN_SPECIAL = regex.compile(r"^(?:([#>*+-])|(\d+)([.)]))(?=\s)|([\\`*_\[\]<>|])")


def _escape(match: regex.Match[str]) -> str:
    if match.group(1):  # a heading, quote or bullet marker at the start
        return "\\" + match.group(1)
    if match.group(2):  # "1." or "1)" at the start is a numbered list: escape its dot
        return match.group(2) + "\\" + match.group(3)
    return "\\" + match.group(4)


def _markdown_escape(text: str) -> str:
    """``text`` as one Markdown line that renders as written (a leading "1." or "-" stays text)."""
    return _MARKDOWN_SPECIAL.sub(_escape, text) + "  "
