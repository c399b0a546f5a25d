"""Helpers of the ingest tests (no tests here): the test hook, ``ratsdoc`` as a child process with
this checkout's ``src/`` first, and watching an archive while a run fills it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
#: The parse function the ingest workers call instead of ``ratsdoc.parse`` (test_ingest_hooks.py).
HOOK = f"{TESTS / 'test_ingest_hooks.py'}:hook_parse"
#: ``ratsdoc`` in a child process, exiting with the CLI's exit code.
CLI = [sys.executable, "-c", "import sys; from ratsdoc.cli import main; sys.exit(main())"]


def cli_env(**extra: str) -> dict[str, str]:
    """This environment with ``extra`` set and this checkout's ``src/`` first on PYTHONPATH."""
    env = dict(os.environ, **extra)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def db_count(db: Path, sql: str) -> int:
    """The one number ``sql`` selects from the archive ``db``."""
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def wait_for_documents(db: Path, count: int, seconds: float = 30) -> None:
    """Wait until a running ingest has committed ``count`` documents to ``db``, or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(sqlite3.Error):  # the archive may not exist yet, or be locked
            if db.exists() and db_count(db, "SELECT COUNT(*) FROM documents") >= count:
                return
        time.sleep(0.05)
