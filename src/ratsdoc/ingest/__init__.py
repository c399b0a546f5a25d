"""Bulk ingestion of council papers into a SQLite archive, with parallel, limited workers.

``ingest(paths, db, IngestOptions(...))`` walks directories, archives and list files, parses
each distinct PDF (by sha256) once in worker processes under time and memory limits, and stores
the results; :class:`Store` reads the archive back (search, export, stats). See docs/ingest.md.
"""

from __future__ import annotations

from .engine import Summary, sha256_file
from .inputs import ArchiveLimits
from .options import IngestOptions
from .progress import NullProgress, ProgressSink
from .run import IngestRun, ingest
from .store import CSV_COLUMNS, Stats, Store, StoreError

__all__ = [
    "CSV_COLUMNS",
    "ArchiveLimits",
    "IngestOptions",
    "IngestRun",
    "NullProgress",
    "ProgressSink",
    "Stats",
    "Store",
    "StoreError",
    "Summary",
    "ingest",
    "sha256_file",
]
