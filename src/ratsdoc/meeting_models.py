"""The meeting part of the output contract: the session, its agenda, who attended and who spoke."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Meeting(_Model):
    """The session a meeting document is about (from its header block)."""

    date: dt.date | None = Field(
        default=None, description="The day of the meeting (not the date the invitation or minutes were written)."
    )
    start: str | None = Field(default=None, description="Start time 'HH:MM' (Beginn, or the time of the invitation).")
    end: str | None = Field(default=None, description="End time 'HH:MM' (Ende); minutes only.")
    location: str | None = Field(default=None, description="Where the meeting takes place: Ort and Raum as printed.")
    number: str | None = Field(
        default=None, description="The session's number as printed: '5. Sitzung', 'SR/012/2024', 'Nr. 61'."
    )


class Vote(_Model):
    """The result of a vote on one agenda item; counts are None where not printed (field
    descriptions: :mod:`ratsdoc.schema`)."""

    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    unanimous: bool | None = None


class AgendaItem(_Model):
    """One item (TOP) of the agenda, in printed order."""

    number: str | None = Field(
        default=None, description="The item number as printed, without 'TOP': '1', '1.1', 'Ö 3'."
    )
    title: str = Field(description="The item's title, line breaks joined and hyphenation undone.")
    public: bool | None = Field(
        default=None, description="True in the public part, False in the non-public part (or by Ö/N marker)."
    )
    paper_numbers: list[str] = Field(
        default_factory=list, description="Drucksache or Vorlage numbers named in the item."
    )
    decision: str | None = Field(default=None, description="The Beschluss text of the item; minutes only.")
    vote: Vote | None = Field(default=None, description="The vote on the item; minutes only.")


class Attendee(_Model):
    """One person present at the meeting (minutes); absent members are left out."""

    name: str = Field(description="The person's name as printed, with title ('Dr.') but without salutation.")
    role: str | None = Field(default=None, description="Role in the meeting: 'Vorsitz', 'Mitglied', 'Verwaltung'.")
    faction: str | None = Field(default=None, description="The faction or group the person is listed under.")


class Speech(_Model):
    """One speaker's turn in verbatim minutes (Wortprotokoll), in order."""

    speaker: str = Field(description="The speaker's name as printed.")
    role: str | None = Field(
        default=None, description="The speaker's role or faction as printed ('SPD', 'Oberbürgermeister')."
    )
    text: str = Field(description="What was said, line breaks joined and hyphenation undone.")
