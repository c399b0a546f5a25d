"""OParl 1.1 out: parsed papers and meetings as OParl objects, and an archive as an OParl tree.

OParl is the standard API of German council information systems (SessionNet, ALLRIS, ...).
:func:`to_oparl` turns one parsed document into a Paper (or a Meeting, for a meeting model);
:func:`oparl_tree` writes System, Body and the documents of an archive.
"""

from __future__ import annotations

from .convert import to_oparl
from .ids import IdScheme, slug
from .meeting import AgendaItemFields, MeetingFields, meeting_fields, meeting_object
from .objects import SCHEMA_BASE, VENDOR, FileFacts, file_facts
from .paper import paper_object, paper_values
from .tree import archive_documents, body_object, oparl_tree, system_object

__all__ = [
    "SCHEMA_BASE",
    "VENDOR",
    "AgendaItemFields",
    "FileFacts",
    "IdScheme",
    "MeetingFields",
    "archive_documents",
    "body_object",
    "file_facts",
    "meeting_fields",
    "meeting_object",
    "oparl_tree",
    "paper_object",
    "paper_values",
    "slug",
    "system_object",
    "to_oparl",
]
