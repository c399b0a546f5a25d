"""A paper published as the e-mail it was sent in, printed from a mail client: the client's head
rows ("Von:", "Gesendet:", "An:", "Betreff:", "Anlagen:"; "From:", "Sent:", "Subject:"), the
mailbox name and the print's timestamp over them, and an earlier mail quoted under the text.

The head rows say what the paper's own head would: its subject, its date, its attachments. They
are read here and kept from the other readers, which would take the sender's name or the
mailbox for the sender, the "Anlagen:" row and the salutation for an attachment list, and the
quoted mail's rows for the paper's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from ..layout.lines import Line
from ..regions import Layout
from ..text.dates import iter_dates
from .context import LABELLED, Context, within
from .generic.closing import DATELINE
from .generic.request import meeting_body
from .generic.vocabulary import reader_vocabulary

#: The head rows' labels of German and English mail clients, by what the row holds.
_LABELS: dict[str, tuple[str, ...]] = {
    "from": ("Von", "From", "Absender"),
    "sent": ("Gesendet", "Sent", "Datum", "Date", "Gesendet am"),
    "to": ("An", "To", "Empfänger"),
    "cc": ("Cc", "CC", "Bcc", "Kopie"),
    "subject": ("Betreff", "Subject"),
    "attachments": ("Anlagen", "Anhänge", "Anhang", "Attachments", "Anlage"),
}
_ROW = regex.compile(
    r"^(?P<label>"
    + "|".join(regex.escape(label) for labels in _LABELS.values() for label in labels)
    + r")\s*:\s*(?P<value>.*)$"
)
_ROLE = {label.casefold(): role for role, labels in _LABELS.items() for label in labels}
#: A quoted earlier mail's first line: Outlook's separator, a reply's attribution line.
_QUOTED = regex.compile(
    r"^(?:-{3,}\s*(?:Ursprüngliche Nachricht|Original Message|Originalnachricht)\s*-{3,}"
    r"|Am\s.{4,60}\s(?:schrieb|hat)\s.{1,80}(?:geschrieben)?:"
    r"|On\s.{4,60}\swrote:)\s*$",
    regex.IGNORECASE,
)
#: Reply and forward marks before a subject ("AW:", "WG: ", "Re:", "Fwd:", "[extern]").
_PREFIX = regex.compile(r"^(?:(?:AW|WG|Re|RE|Aw|Wg|Fw|FW|Fwd|WTR|Antw)\s*:\s*|\[[^\]]{1,20}\]\s*)+")
_TIME = regex.compile(r"\b\d{1,2}:\d{2}\b")
_EN_MONTHS = {
    name: n
    for n, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"),
        start=1,
    )
}  # fmt: skip
_EN_DATE = regex.compile(r"\b(?P<mon>[A-Z][a-z]+)\s+(?P<d>\d{1,2}),\s+(?P<y>\d{4})\b")


@dataclass
class MailHead:
    """The head rows of a printed mail, by role, with the lines they stand on."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, list[Line]] = field(default_factory=dict)
    #: A webmail print's subject, set as a heading over the rows instead of in a row.
    heading: list[Line] = field(default_factory=list)


def _row(line: Line) -> tuple[str, str] | None:
    """(role, value) of a head row, None for another line."""
    match = _ROW.match(line.text.strip())
    if match is None:
        return None
    return _ROLE[match.group("label").casefold()], match.group("value").strip()


def _value_x(line: Line) -> float:
    """Where a head row's value starts: the first token after its label's colon."""
    for k, token in enumerate(line.tokens):
        if token.text.endswith(":") and k + 1 < len(line.tokens):
            return line.tokens[k + 1].x0
    return line.x1


def mail_head(layout: Layout) -> MailHead | None:
    """The printed mail's head rows on page 1 (a sender's, a date's and a recipient's or
    subject's row among the first lines, wrapped values set in the value column), with the
    lines above them marked as the print's furniture, and a quoted earlier mail marked too;
    None when page 1 opens no mail."""
    first = [line for line in layout.lines if line.page == 1 and not line.furniture and line.words]
    start = next((k for k, line in enumerate(first[:12]) if _row(line) is not None), None)
    if start is None:
        return None
    head = MailHead()
    value_x: float | None = None
    role = ""
    end = start
    for k in range(start, len(first)):
        line = first[k]
        row = _row(line)
        if row is not None and row[0] not in head.values:
            role, value = row
            head.values[role], head.lines[role] = value, [line]
            value_x = _value_x(line)
        elif row is None and role and value_x is not None and abs(line.x0 - value_x) <= 3:
            # A long value wraps in the value column.
            head.values[role] = f"{head.values[role]} {line.text.strip()}"
            head.lines[role].append(line)
        else:
            break
        end = k + 1
    if not ({"from", "sent"} <= head.values.keys() and head.values.keys() & {"to", "subject"}):
        return None
    addressed = "@" in head.values["from"] or "@" in head.values.get("to", "")
    if not (addressed or _TIME.search(head.values["sent"])):
        return None  # a memo's "Von:", "An:", "Datum:" rows: no mail sends it
    above = first[:start]
    if "subject" not in head.values and above:
        # A webmail print sets the subject as the largest text over the rows.
        size = max(line.size for line in above)
        head.heading = [line for line in above if abs(line.size - size) <= 0.5]
    # The heading too: it is read here as the subject, and no other reader takes it for a sender.
    for line in [*above, *first[start:end]]:
        line.furniture = True
    _mark_quoted(layout, first[end:])
    return head


def _mark_quoted(layout: Layout, after: list[Line]) -> None:
    """Mark an earlier mail quoted under the text, from its first line to the end, as no part
    of the paper."""
    quoted = next((line for line in after if _QUOTED.match(line.text.strip())), None)
    if quoted is None:
        return
    at = layout.lines.index(quoted)
    for line in layout.lines[at:]:
        line.furniture = True


def subject_parts(subject: str, kinds: regex.Pattern[str]) -> tuple[str, str | None, str]:
    """(title, the type the subject opens with, what stands between them) of a mail's subject:
    the reply and forward marks dropped, then a leading type with its senders or its meeting
    ("Antrag: X", "Antrag der SPD-Fraktion – X", "Anfrage zur Sitzung des Bauausschusses am
    12.03.2024: X") split off; the subject whole when it opens with no type."""
    text = _PREFIX.sub("", subject).strip()
    typed = kinds.match(text)
    if typed is None:
        return text, None, ""
    rest = text[typed.end() :]
    split = regex.match(r"^(?P<between>(?:\s+(?:der|des|von|zur|zum|für)\b[^:–]*?)?)\s*(?::|\s[–-])\s+", rest)
    if split is None:
        return text, None, ""
    return rest[split.end() :].strip(), typed.group("type"), split.group("between").strip()


def sent_date(text: str) -> dt.date | None:
    """The date of a head's date row: German ("Montag, 4. März 2024 14:12", "04.03.2024, 14:12")
    or English ("Monday, March 4, 2024 2:12 PM")."""
    for date, _, _ in iter_dates(text):
        return date
    match = _EN_DATE.search(text)
    if match is not None and match.group("mon").casefold() in _EN_MONTHS:
        try:
            return dt.date(int(match.group("y")), _EN_MONTHS[match.group("mon").casefold()], int(match.group("d")))
        except ValueError:
            return None
    return None


def attachment_names(value: str) -> list[str]:
    """The file names of an attachments row, separated by semicolons or commas."""
    return [name.strip() for name in regex.split(r"[;,]\s+|;", value) if name.strip()]


def read_mail_fields(ctx: Context) -> None:
    """Fill what a printed mail's head says: the title and the type from the subject, the body
    of the meeting it names, the sent date (a pasted letter's own dateline stays), the
    attachments."""
    head = ctx.mail
    if head is None:
        return
    vocab = reader_vocabulary()
    subject_lines = head.lines.get("subject") or head.heading
    subject = head.values.get("subject") or " ".join(line.text.strip() for line in head.heading)
    if subject:
        title, kind, between = subject_parts(subject, vocab.type_re)
        if title:
            # The lines another reader took for the title (a bold "Begründung:" under the head)
            # are the text's again.
            guessed = ctx.fields.provenance.get("title") or []
            ctx.claimed -= {k for k, line in enumerate(ctx.lines) if not line.furniture and within(line, guessed)}
            ctx.set("title", title, subject_lines, LABELLED)
        if kind is not None:
            ctx.set("document_type", kind, subject_lines, LABELLED)
        body = meeting_body(between, vocab) if between else None
        if body is not None and ctx.fields.values.get("body") is None:
            ctx.set("body", body, subject_lines)
    dated = _dateline(ctx) or _sent(head)
    if dated is not None:
        ctx.set("date", dated[0], [dated[1]], LABELLED)


def read_mail_attachments(ctx: Context) -> None:
    """The attachments of a printed mail: the file names of its head's attachments row."""
    head = ctx.mail
    if head is not None and "attachments" in head.values:
        ctx.set("attachments", attachment_names(head.values["attachments"]), head.lines["attachments"], LABELLED)


def _sent(head: MailHead) -> tuple[dt.date, Line] | None:
    """The sent date of the head's date row."""
    sent = sent_date(head.values["sent"])
    return None if sent is None else (sent, head.lines["sent"][0])


def _dateline(ctx: Context) -> tuple[dt.date, Line] | None:
    """The date of a letter pasted into the mail: a dateline among the first lines of its text."""
    text = [line for line in ctx.lines if line.page == 1 and not line.furniture and line.words][:3]
    for line in text:
        placed = DATELINE.fullmatch(line.text.strip())
        if placed is not None and placed.start("date") > 0:  # a place before the day
            for date, _, _ in iter_dates(line.text):
                return date, line
    return None
