"""Speaker turns of verbatim minutes: 'Ratsmitglied Frank (GRÜNE): ...' starts a turn that runs
to the next one."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

import regex

from ..layout.lines import Line
from ..meeting_models import Speech
from ..text.normalize import join_lines
from .agenda_papers import whole_number
from .rules import MeetingRules


def speaker_turn(text: str, rules: MeetingRules) -> tuple[str, str | None, str] | None:
    """(speaker, role or faction, first text) when ``text`` opens a turn."""
    if rules.res["header"].match(text) or rules.res["decision"].match(text) or rules.res["vote"].match(text):
        return None
    if rules.res["attendee"].match(text) or rules.res["absent"].match(text):
        return None  # 'Anwesend: Bürgermeister Frank Bauer, ...' lists people, nobody speaks
    if whole_number(text, rules) is not None:
        return None  # 'Vorlage: 1234/2024' under an item's heading names its paper
    for pattern in rules.lists["speakers"]:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        speaker = groups["speaker"]
        if rules.lists["items"][0].match(text) or speaker.split()[0].casefold() in _NOT_NAMES:
            return None
        if not all(word[:1].isupper() for word in speaker.split() if word not in ("von", "van", "de")):
            return None  # 'Ich rufe auf:' (the patterns ignore case, a name does not)
        role = groups.get("faction") or groups.get("faction2") or groups.get("role")
        return speaker, role, groups.get("text") or ""
    return None


#: Words that open a labelled line, not a turn ("Beschluss:", "Anlage:", "Hinweis:").
_NOT_NAMES = frozenset(
    {
        "anlage",
        "anlagen",
        "hinweis",
        "ergebnis",
        "betreff",
        "thema",
        "antrag",
        "anfrage",
        "top",
        "zu",
        "ort",
        "tagesordnung",
    }
)


#: A line wholly in parentheses is a stage note or interjection ('(Beifall bei der SPD)').
_NOTE = regex.compile(r"^\s*\(.*\)\s*$")
#: A stage note runs over at most this many lines.
NOTE_LINES = 4
#: A stage note inside a paragraph is open over at most this many lines.
INLINE_NOTE_LINES = 10


def _notes(lines: Sequence[Line]) -> set[int]:
    """Indices of the lines of stage notes: a line wholly in parentheses, or a run of lines that
    opens with a parenthesis and closes it at the end of a later line ('(Zuruf von Jörg Frank
    [GRÜNE]: Das stimmt' / 'doch gar nicht!)'), as an interjection set in a narrow column wraps."""
    found: set[int] = set()
    for k, line in enumerate(lines):
        text = line.text.strip()
        if _NOTE.match(text):
            found.add(k)
            continue
        if not text.startswith("(") or k in found:
            continue
        depth = 0
        for j in range(k, min(k + NOTE_LINES, len(lines))):
            depth += lines[j].text.count("(") - lines[j].text.count(")")
            if depth <= 0:
                if depth == 0 and j > k and lines[j].text.rstrip().endswith(")"):
                    found.update(range(k, j + 1))
                break
    return found


def _wrapped_label(line: Line, below: Line) -> bool:
    """Whether ``line`` and ``below`` hold a bold speaker label wrapped over a line break
    ('Ratsmitglied Dr. Zimmermann (Freie' / 'Wähler): Text ...', the label wider than a narrow
    column): ``line`` all bold, ``below`` opening with bold words that end in the label's colon."""
    words = line.words
    if not words or not all(t.bold for t in words) or line.text.rstrip().endswith(":"):
        return False
    lead = []
    for token in below.words:
        if not token.bold:
            break
        lead.append(token.text)
    return bool(lead) and lead[-1].endswith(":")


def _colon_below(line: Line, below: Line) -> bool:
    """Whether ``below`` opens with the colon of a label that ``line`` holds ('Ratsmitglied Dr. Elster
    (Freie Wähler)' / ': Vielen Dank ...'), in bold or in regular type: the joined lines must still
    read as a whole label (:func:`speaker_turn` matches from the line's start)."""
    return below.text.lstrip().startswith(":") and not line.text.rstrip().endswith((".", ":", "!", "?"))


def _note_open(text: str, was_open: bool, rules: MeetingRules) -> bool:
    """Whether a stage note is open at the end of ``text``: one ``text`` opens ('... Antrag.
    (Zurufe von der FDP – Gegenruf von der') and does not close, or one that was open before it
    stays open (no closing parenthesis)."""
    if was_open:
        closing = text.find(")")
        if closing < 0:
            return True
        text = text[closing + 1 :]
    opened = list(rules.res["stage_note_open"].finditer(text))
    return bool(opened) and ")" not in text[opened[-1].end() :]


def read_speeches(
    lines: Sequence[Line], rules: MeetingRules, skip: AbstractSet[int] = frozenset()
) -> tuple[list[Speech], list[Line]]:
    """The speaker turns of ``lines`` in order, and the lines that open them; lines whose id is
    in ``skip`` (agenda headings, results), interjection lines and what follows the line that
    closes the session belong to no turn."""
    speeches: list[tuple[str, str | None, list[str]]] = []
    starts: list[Line] = []
    open_turn = False
    notes = _notes(lines)
    taken: set[int] = set()  # the second line of a wrapped speaker label
    in_note = False  # a stage note inside a paragraph is open at the end of the line before
    note_lines = 0  # lines the open stage note has taken so far
    for index, line in enumerate(lines):
        if id(line) in skip or index in notes or index in taken:
            continue
        if rules.res["session_close"].match(line.text):
            open_turn = False  # 'Ende der Sitzung: 12.40 Uhr' is the record's, not the last speaker's
            continue
        # A line inside a stage note opens no turn ('SPD: Unerhört!) Wir bitten ...').
        turn = None if in_note else speaker_turn(line.text, rules)
        # ... for at most INLINE_NOTE_LINES lines: a parenthesis that never closes is no note.
        note_lines = note_lines + 1 if _note_open(line.text, in_note, rules) else 0
        in_note = 0 < note_lines <= INLINE_NOTE_LINES
        below = lines[index + 1] if index + 1 < len(lines) else None
        if (
            turn is None
            and not in_note
            and below is not None
            and (_wrapped_label(line, below) or _colon_below(line, below))
        ):
            turn = speaker_turn(join_lines([line.text, below.text]), rules)
            taken |= {index + 1} if turn is not None else set()
        if turn is not None:
            speaker, role, first = turn
            speeches.append((speaker, role, [first] if first else []))
            starts.append(line)
            open_turn = True
        elif open_turn:
            speeches[-1][2].append(line.text)
    return [Speech(speaker=s, role=r, text=without_notes(join_lines(t), rules)) for s, r, t in speeches], starts


def without_notes(text: str, rules: MeetingRules) -> str:
    """``text`` without the stage notes inside it: a parenthesis that opens with a stage word
    ('(Beifall bei der SPD und bei den Grünen)', '(Zuruf von ...: ...)'), wherever it closes and
    over however many lines, as the setter printed it inside a paragraph or over more lines than
    :func:`_notes` takes; a speaker's own parenthesis ('(siehe Drucksache 1234/2024)') stays."""
    if "(" not in text:
        return text
    return " ".join(rules.res["stage_note"].sub(" ", text).split())
