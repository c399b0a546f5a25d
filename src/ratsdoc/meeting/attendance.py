"""Who attended: the list under 'Anwesend', grouped by faction or role, absent people left out."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line, all_bold, mostly_bold
from ..meeting_models import Attendee
from ..text.normalize import join_at_break
from .body_names import body_name
from .rules import MeetingRules

#: A vertical gap of this many line heights ends the list.
END_GAP = 3.0
GROUP_GAP = 6.0
#: Lines of one entry stand closer than this many line heights; a new group stands further down.
LINE_GAP = 0.5
_GROUP = regex.compile(r"^\s*(?P<head>[^:,;()]{2,60}?)\s*:\s*(?P<rest>.*)$")
_SUBSTITUTE = regex.compile(r"\s+(?:f\.|für|i\.\s*V\.|in\s+Vertretung\s+(?:für|von))\s+.*$", regex.IGNORECASE)
_SUFFIX = regex.compile(r"\s*\((?P<note>[^)]{1,40})\)\s*$")
_NAME = regex.compile(r"\p{Lu}\p{L}+")
_COUNT = regex.compile(r"^\d+(?:\s+\p{L}+)?\s*$")
#: A note that says when someone came or went ('(bis 20 Uhr)', '(ab TOP 3)'), not their role, and
#: such a time before an entry ('ab 20 Uhr Fr. Korte').
_TIME_NOTE = regex.compile(r"^(?:bis|ab|von|seit)\b|\bUhr\b|\bTOP\b", regex.IGNORECASE)
_TIME_PREFIX = regex.compile(
    r"^\s*(?:ab|bis|seit)\s+(?:\d{1,2}(?:[.:]\d{2})?\s*Uhr|TOP\s*\d+(?:\.\d+)*)\s+", regex.IGNORECASE
)
#: A list's mark before an entry: a dash or a bullet and a space.
_LIST_MARK = regex.compile(r"^\s*[-–—•·▪*]\s+")
#: A line that is only a note on the entry above it ('(Vorsitzende)' under 'Fr. Corinna Mürbeth').
_NOTE_LINE = regex.compile(r"^\s*\((?P<note>[^()]{2,40})\)\s*$")
#: An entry of a first name, a surname and an office after a slash ('Frank Steigner/AWO'): a person
#: even in a list that names people with "Herr"/"Frau" (an office alone has no such two names).
_NAMED_OFFICE = regex.compile(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s*/\s*\S")
#: How many first lines may hold the head rows ('Vorsitz', 'Protokoll').
HEAD_ROWS = 40


def _column(heading: Line, labelled: bool = False) -> tuple[float, float]:
    """The x range of the attendance column: a heading in a table row (Anwesende |
    Entschuldigt | Verteiler) limits it to its own cell; a ``labelled`` row ("Anwesend:" with
    the list set in beside it) has the list in the column of its value."""
    segments = heading.segments()
    if labelled:
        return segments[1][0].x0 - 4, float("inf")
    right = segments[1][0].x0 - 2 if len(segments) > 1 else float("inf")
    return segments[0][0].x0 - 4, right


def _labelled_row(heading: Line, rules: MeetingRules) -> bool:
    """Whether the attendance heading is a label with its list beside it ("Anwesend:   Anna Bauer
    (CDU), ..."), not a table's heading row: the label ends with its colon and what follows is no
    other attendance heading."""
    segments = heading.segments()
    if len(segments) < 2 or not _first_cell(heading).rstrip().endswith(":"):
        return False
    rest = " ".join(t.text for t in segments[1])
    return not (rules.res["attendee"].match(rest) or rules.res["absent"].match(rest))


def _first_cell(line: Line) -> str:
    """The text of the first segment of ``line`` (a table row's first cell)."""
    return " ".join(t.text for t in line.segments()[0])


def list_lines(
    lines: Sequence[Line],
    start: int,
    rules: MeetingRules,
    column: tuple[float, float] | None = None,
    turn: bool = False,
) -> list[tuple[str, bool]]:
    """Texts of the list's lines after the heading at ``start``, inside its column (or ``column``),
    each with whether it stands apart from the line above (more than :data:`LINE_GAP` line heights);
    with ``turn`` the list may start at the top of the next page with a group's label (the groups
    under an attendance table that filled its page)."""
    labelled = column is None and _labelled_row(lines[start], rules)
    left, right = column or _column(lines[start], labelled)
    texts, used = _side_by_side(lines, start, rules) if right == float("inf") else ([], 0)
    previous = lines[start + used]
    following = list(lines[start + 1 + used :])
    taken: set[int] = set()
    excused = 0  # lines of the excused read past, looking for a group of people present after them
    for k, line in enumerate(following):
        if id(line) in taken:
            continue
        words = [t for t in line.words if t.x0 >= left and t.x1 <= right]
        label = _first_cell(line).rstrip()
        # Beside a list set in ('Anwesend:   ...'), the words left of its column are a row's label.
        lead = " ".join(t.text for t in line.words if t.x1 <= left) if labelled else ""
        group = rules.res["present_group"].match(lead or " ".join(t.text for t in words)) is not None
        height = max(previous.bottom - previous.top, 1.0)
        # A group heading ('Stadtrat:') may stand further down than the next entry would.
        heading = line.text.rstrip().endswith(":") and bool(_GROUP.match(line.text))
        turned = (
            turn and not texts and line.page == previous.page + 1 and label.endswith(":") and bool(_GROUP.match(label))
        )
        if not turned and (
            line.page != previous.page or line.top - previous.bottom > (GROUP_GAP if heading else END_GAP) * height
        ):
            break
        text = " ".join(t.text for t in words)
        below = following[k + 1] if k + 1 < len(following) else None
        unwrapped = _wrapped_group(line, below) if below is not None else None
        if unwrapped is not None and below is not None:
            text = unwrapped
            taken.add(id(below))
        if any(t.x0 < right < t.x1 for t in line.words):
            # Text across the column edge ends the list's table, unless it is a long entry of the
            # list itself (a group heading 'Verwaltung/Sonstige Institutionen:', 'Fr. Maroke/...').
            whole = line.text
            if not (_GROUP.match(whole) or rules.res["salutation"].match(whole)):
                break
            text = whole
        absent = rules.res["absent"].match(lead or text) is not None
        if lead and not group and not absent:
            break  # a line that opens left of the names set in beside 'Anwesend:' is no entry ('TOP 1: ...')
        if lead and group:
            # A group's label left of a list set in beside 'Anwesend:' ('Von der Verwaltung:   Frau Weber'),
            # or alone where its names wrapped to the line below: the label opens the group.
            text = f"{lead} {text}".strip()
        elif not words:
            continue
        if excused and not group:
            if excused > EXCUSED_LINES or ":" in line.text or rules.lists["items"][0].match(line.text):
                break
            excused, previous = excused + 1, line
            continue  # the excused names run on ('Entschuldigt:   Herr Bauer,' / 'Frau Lange')
        excused = 0
        if absent or rules.res["absent"].match(label):
            # 'Entschuldigt:' (in the label column beside a list set in, 'Anwesend:   ...'): its names are
            # none present, but a group of people present may follow them ('Gäste:   Frau Weber').
            excused, previous = 1, line
            continue
        if rules.lists["items"][0].match(text) or rules.res["agenda"].match(text):
            break
        if _opens_item(line, rules):
            break
        # A dash or bullet before a line's entry ('– Frau Anna Bauer') is the list's mark, no part of a name.
        text = _LIST_MARK.sub("", text)
        texts.append((text, line.top - previous.bottom > LINE_GAP * height))
        previous = line
    return texts


def _side_by_side(lines: Sequence[Line], start: int, rules: MeetingRules) -> tuple[list[tuple[str, bool]], int]:
    """The groups set in columns side by side right under the heading at ``start`` (each group's
    name in bold over its names: 'CDU-Fraktion   SPD-Fraktion' over 'Anna Bauer   Jens Lange'),
    read column by column, each entry with whether it stands apart from the one above it in its
    column; and how many lines they took. None where the first line is no row of bold names."""
    first = lines[start + 1] if start + 1 < len(lines) else None
    if first is None or len(first.segments()) < 2 or not all_bold(first) or ":" in first.text:
        return [], 0
    starts = [segment[0].x0 for segment in first.segments()]
    block: list[Line] = []
    previous = lines[start]
    for line in lines[start + 1 :]:
        height = max(previous.bottom - previous.top, 1.0)
        if line.page != previous.page or line.top - previous.bottom > END_GAP * height:
            break
        if ":" in _first_cell(line) or rules.res["absent"].match(line.text):
            break  # a group with its label ('Verwaltung:   Frau Weber') or the excused follow
        block.append(line)
        previous = line
    columns: list[list[tuple[str, bool]]] = [[] for _ in starts]
    for k, line in enumerate(block):
        filled = set()
        for segment in line.segments():
            at = max((c for c, x in enumerate(starts) if segment[0].x0 >= x - ALIGN), default=0)
            columns[at].append((" ".join(t.text for t in segment), k > 0 and at not in filled and not columns[at]))
            filled.add(at)
    return [entry for column in columns for entry in column], len(block)


def _wrapped_group(line: Line, below: Line) -> str | None:
    """The row ``line`` with its group label whole again where the label wrapped in its narrow cell
    ('Fraktion Freie   Frau Claudia Krüger' over 'Wähler:'): the label's rest, ending in its colon,
    alone on the line right below at the label's x."""
    segments = line.segments()
    if len(segments) < 2 or below.page != line.page or len(below.segments()) != 1:
        return None
    head = " ".join(t.text for t in segments[0])
    rest = below.text.strip()
    height = max(line.bottom - line.top, 1.0)
    if ":" in head or not rest.endswith(":") or len(rest.split()) > 3 or abs(below.x0 - segments[0][0].x0) > ALIGN:
        return None
    if not 0 <= below.top - line.bottom <= height:
        return None
    return f"{head} {rest} " + " ".join(t.text for segment in segments[1:] for t in segment)


#: Separators on one unlabelled line of entries that make the list running text.
RUNNING_SEPARATORS = 3
#: How many lines the excused names may run over before a group of people present ends them.
EXCUSED_LINES = 3
#: How far apart (pt) the left edges of a label and its wrapped rest may stand.
ALIGN = 3.0
#: Words that may stand in lower case in an entry of the list ('Karl von Soldan', '... für Herrn Lange').
_PARTICLES = frozenset({"von", "van", "de", "der", "zu", "vom", "für", "f.", "i.", "in", "und"})


def _opens_item(line: Line, rules: MeetingRules) -> bool:
    """Whether ``line`` opens an agenda item of minutes without an agenda heading ('1. Sanierung des
    Spielplatzes'): a numbered line whose title is bold or has a lower-case word a name does not
    have (a numbered list of names, '1. Anna Bauer', goes on)."""
    for pattern in rules.lists["items"][1:]:
        match = pattern.match(line.text)
        if match is None:
            continue
        words = match.group("title").split()
        return mostly_bold(line) or any(w[:1].islower() and w not in _PARTICLES for w in words)
    return False


def name_of(piece: str, rules: MeetingRules) -> tuple[str, str | None] | None:
    """The name and a parenthesised note ('(SPD)') of one entry; None if it names nobody."""
    piece = _SUBSTITUTE.sub("", piece.strip(" ,;."))
    note = None
    suffix = _SUFFIX.search(piece)
    if suffix:
        note, piece = suffix.group("note"), piece[: suffix.start()]
        note = None if _TIME_NOTE.search(note) else note
    words = piece.split()
    while words and words[0] in rules.salutations:  # "Hr. Hr. Dr. Stefan Els" happens
        words = words[1:]
    name = " ".join(words).strip(" ,;")
    # 'Kalb/EN', 'Maroke/Bürgermeister- und Presseamt': the part after the slash is the office.
    name = name.split("/", 1)[0].strip() if "/" in name and _NAME.match(name) else name
    return (name, note) if name and _NAME.search(name) else None


#: The preposition before a group named by where its people come from ('von der Verwaltung:'): the
#: group's role is the body named ('Verwaltung').
_ROLE_FROM = regex.compile(r"^(?:von\s+der|vom|von|seitens\s+der)\s+(?=\p{Lu})", regex.IGNORECASE)
#: A group heading without its colon: one to three capitalised words ('Presse', 'Gäste').
_BARE_HEADING = regex.compile(r"^\s*\p{Lu}[\p{L}/.-]*(?:\s+\p{L}[\p{L}/.-]*){0,2}\s*$")


def _bare_heading(part: str, before: str, spaced: bool, rules: MeetingRules) -> bool:
    """Whether ``part``, an entry line of a list whose people are named with "Herr"/"Frau", is the
    heading of the next group set without a colon ('Presse' over 'Hr. Kalb'): a few capitalised
    words, no person, and the line above does not run on into it ('..., Amt für' over 'Sport und
    Gesundheitsförderung'; an office after a slash, 'Hr. Steigner/Projektkoordinator' right over
    'AWO Stadtteilprojekt', unless ``part`` stands apart from it)."""
    if not _BARE_HEADING.match(part) or rules.res["salutation"].match(part.strip()):
        return False
    if not spaced and "/" in before and rules.res["salutation"].match(before.strip()):
        return False
    last = before.rstrip().split()[-1:] if before.strip() else []
    return not (last and (last[0].endswith((",", "-", "/")) or last[0] in _PARTICLES))


def read_attendees(lines: Sequence[Line], rules: MeetingRules) -> tuple[list[Attendee], list[Line]]:
    """The attendees of the first attendance list in ``lines``, and its heading line."""
    start = next(
        (i for i, line in enumerate(lines) if line.words and rules.res["attendee"].match(_first_cell(line))), None
    )
    if start is None:
        return [], []
    heading = lines[start]
    head_text = _first_cell(heading)
    if len(heading.segments()) > 1 and _COUNT.match(" ".join(t.text for s in heading.segments()[1:] for t in s)):
        return [], []  # 'Anwesend   119 Mitglieder', 'anwesend:   33' (a vote block's): a count, no list
    inline = rules.res["attendee"].sub("", head_text, count=1).strip()
    if _labelled_row(heading, rules):
        inline = " ".join(t.text for segment in heading.segments()[1:] for t in segment)
    return group_entries(([(inline, False)] if inline else []) + list_lines(lines, start, rules), rules), [heading]


def group_entries(lines: list[tuple[str, bool]], rules: MeetingRules) -> list[Attendee]:
    """The attendees of a list's lines (text, stands apart from the line above): entries under their
    group's label or faction, excused and office entries left out."""
    rows = _joined(lines, rules)
    texts = [text for text, _ in rows]
    # Running text (entries separated by commas across lines) or one entry per line.
    flowing = sum(1 for t in texts if "," in t or ";" in t) > len(texts) / 2
    # A line of entries no group's label opens that holds three separators or more is running text
    # ('Anwesend: A, B, C, D, Frau Ayşe' / 'Richter'), even over a line each for the guests and the
    # administration ('Gäste: Frau Said'); an entry a line ('Hr. Lang, Amt 61') holds one.
    flowing = flowing or any(len(regex.findall(r"[,;]", t)) >= RUNNING_SEPARATORS for t in texts if not _GROUP.match(t))
    chunks = _flowing(texts, rules) if flowing else texts
    attendees: list[Attendee] = []
    group: str | None = None
    # Where at least half the entries start with "Herr"/"Frau", one without is an office or place
    # ('Hr. Heuer, Abt. Stadtplanung'), not a person.
    pieces = [piece.strip() for chunk in chunks for part in chunk.split(";") for piece in part.split(",")]
    named = [piece for piece in pieces if _GROUP.sub(r"\g<rest>", piece).strip()]
    addressed = sum(1 for piece in named if rules.res["salutation"].match(_GROUP.sub(r"\g<rest>", piece).strip()))
    need_salutation = bool(named) and addressed >= 0.5 * len(named)
    for k, chunk in enumerate(chunks):
        for part in chunk.split(";"):
            match = _GROUP.match(part)
            if match and not rules.res["salutation"].match(match.group("head")):
                group, part = match.group("head").strip(), match.group("rest")
            elif rules.res["faction"].match(part) or (
                # 'Presse' over 'Hr. Kalb/EN': a group heading set without its colon.
                not flowing and need_salutation and _bare_heading(part, chunks[k - 1] if k else "", rows[k][1], rules)
            ):
                group, part = part.strip(), ""
            for index, piece in enumerate(part.split(",")):
                note_line = _NOTE_LINE.match(piece)
                if note_line and attendees and not flowing:
                    _note_on_last(attendees, note_line.group("note"), rules)
                    continue
                piece = _entry(piece, rules)
                # Only an entry that starts its own line may be named without a salutation.
                named_office = not flowing and index == 0 and bool(_NAMED_OFFICE.match(piece.strip()))
                if need_salutation and not rules.res["salutation"].match(piece.strip()) and not named_office:
                    continue
                found = name_of(piece, rules)
                if found is None:
                    continue
                name, note = found
                faction = group if group and rules.res["faction"].match(group) else None
                role = _ROLE_FROM.sub("", group) if group and faction is None else None
                office = rules.res["office"].match(name)
                if office:
                    # 'Bürgermeister Jens Lange', 'GR Anna Bauer': the office before the name is the role.
                    name, role = name[office.end() :], office.group("office")
                if note and rules.res["faction"].match(note):
                    faction = note
                elif note:
                    role = note
                attendees.append(Attendee(name=name, role=role, faction=faction))
    return attendees


def _flowing(texts: list[str], rules: MeetingRules) -> list[str]:
    """The lines of running entries joined, a new run at each line that opens with a group's label
    ('SPD-Fraktion: Anna Bauer, ...' under the wrapped names of the CDU's)."""
    chunks: list[str] = []
    for text in texts:
        match = _GROUP.match(text)
        if not chunks or (match and not rules.res["salutation"].match(match.group("head"))):
            chunks.append(text)
        else:
            chunks[-1] += " " + text
    return chunks


def _joined(rows: list[tuple[str, bool]], rules: MeetingRules) -> list[tuple[str, bool]]:
    """``rows`` (text, stands apart) with a name divided at a line end whole again ('Zweckverband
    StUB/Hr. Große-' over 'Verspohl, Hr. Gräf'), by the one rule for line-end hyphens
    (:func:`~ratsdoc.text.normalize.join_at_break`), and a name wrapped after its salutation
    ('Fr. Slanz, Hr.' over 'Koß/Amt für ...') joined to it."""
    out: list[tuple[str, bool]] = []
    for text, spaced in rows:
        before = out[-1][0].split()[-1:] if out else []
        if before and before[0] in rules.salutations and not spaced:
            # A salutation ends only an unfinished entry: its name is the next line's first word.
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
            continue
        first, _, rest = text.partition(" ")
        joined = join_at_break(out[-1][0], first) if out else None
        if joined is None:
            out.append((text, spaced))
        else:
            out[-1] = (f"{joined} {rest}".rstrip(), out[-1][1])
    return out


def _entry(piece: str, rules: MeetingRules) -> str:
    """``piece`` without a time before it ('ab 20 Uhr Fr. Korte') and without an office before a
    slash that a salutation follows ('Abt. 613/Hr. Dr. Korda'; 'Hr. Lang/Referent ...' keeps its
    office after the slash for :func:`_name`)."""
    piece = _TIME_PREFIX.sub("", piece)
    office, slash, rest = piece.partition("/")
    return rest if slash and rules.res["salutation"].match(rest.strip()) and office.strip() else piece


def _note_on_last(attendees: list[Attendee], note: str, rules: MeetingRules) -> None:
    """A line of only a note under an entry ('(Vorsitzende)'): the role (or faction) of the person
    above; a time ('(bis 20 Uhr)') says nothing of it."""
    if _TIME_NOTE.search(note):
        return
    last = attendees[-1]
    if rules.res["faction"].match(note):
        attendees[-1] = last.model_copy(update={"faction": note})
    else:
        attendees[-1] = last.model_copy(update={"role": note})


def read_head_roles(lines: Sequence[Line], rules: MeetingRules) -> tuple[list[Attendee], list[Line]]:
    """People the head names with their role ('Vorsitz   Andreas Zuber, Grossratspräsident,
    Märstetten'; a second line of only a value continues the role above it): the name is the
    value up to its first comma, without salutation."""
    found: list[Attendee] = []
    where: list[Line] = []
    role: str | None = None
    value_x = 0.0
    for line in lines[:HEAD_ROWS]:
        segments = line.segments()
        label = " ".join(t.text for t in segments[0]) if segments else ""
        inline = _INLINE.match(label) if len(segments) == 1 else None
        if len(segments) >= 2 and rules.res["head_role"].match(label):
            role, value_x = label.rstrip(": "), segments[1][0].x0
            value = " ".join(t.text for s in segments[1:] for t in s)
        elif inline and rules.res["head_role"].match(inline.group("label")):
            # 'Vorsitz: OB Kuhn' in one run (a per-item extract of the minutes).
            role, value_x, value = inline.group("label"), float("inf"), inline.group("value")
        elif role and len(segments) == 1 and abs(segments[0][0].x0 - value_x) <= 4:
            value = label
        else:
            role = None
            continue
        if rules.res["head_role"].match(value):
            # 'Vorsitz   Schriftführung': the captions under two signatures, no one's name.
            role = None
            continue
        person = name_of(_untitled(value.split(",")[0], rules), rules)
        # 'Protokoll: Gemeinderat der Landeshauptstadt Stuttgart' names the record's body, not a clerk.
        if person and body_name(person[0], rules, genitive=False):
            role = None  # the record's body: its wrapped rest below is nobody either
        elif person:
            found.append(Attendee(name=person[0], role=role, faction=None))
            where.append(line)
    return found, where


#: A head row set in one run: 'Vorsitz: OB Kuhn'.
_INLINE = regex.compile(r"^\s*(?P<label>[\p{L}-]{4,30})\s*:\s*(?P<value>\S.*)$")


def _untitled(value: str, rules: MeetingRules) -> str:
    """``value`` without the official titles before the name ('OB Kuhn' → 'Kuhn')."""
    words = value.split()
    while len(words) > 1 and words[0] in rules.titles:
        words = words[1:]
    return " ".join(words)
