"""What a killed ingest leaves behind, and how the next run tidies it: temporary folders, run rows.

A run that is killed (kill -9, a SIGTERM before the handler is installed, a power cut) cannot
clean up after itself: its ``ratsdoc-ingest-*`` folder stays in the temporary directory and its
run row stays ``running``. Every run therefore names its folder after its process id
(``ratsdoc-ingest-<pid>-<random>``) and records the pid and host in its run row, and the next
run removes what belongs to processes that are gone. It touches nothing else: only folders with
its own prefix, a pid and this host's tag in the name (``ratsdoc-ingest-<pid>-<host>-<random>``:
a temporary directory shared with other machines or containers keeps their folders), only real
folders (not links) owned by the same user, only when no process with that pid exists (a live
pid, even one reused by another program, keeps its folder: the safe side).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import socket
import sqlite3
import stat
import tempfile
from pathlib import Path

from .store import Store

PREFIX = "ratsdoc-ingest-"
_OWNED = re.compile(rf"^{re.escape(PREFIX)}(\d+)-([0-9a-f]{{8}})-[A-Za-z0-9_]+$")


def host_tag() -> str:
    """Eight hex digits naming this host (pids mean something only on their own host)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "surrogateescape")).hexdigest()[:8]


def pid_alive(pid: int) -> bool:
    """True when a process with ``pid`` exists (also one of another user), False when it is gone."""
    if pid <= 0:
        return True  # not a real pid: never treat it as gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, it is only not ours
        return True
    return True


def make_work_dir(tmp_dir: str | os.PathLike[str] | None) -> Path:
    """A new temporary folder for this run, named after this process (see the module docstring)."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-{host_tag()}-", dir=tmp_dir))


def remove_stale_work_dirs(tmp_dir: str | os.PathLike[str] | None) -> list[Path]:
    """Remove this host's ``ratsdoc-ingest-<pid>-*`` folders in ``tmp_dir`` whose process is gone; return them."""
    base = Path(tmp_dir) if tmp_dir is not None else Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        entries = sorted(os.listdir(base))
    except OSError:
        return removed
    here = host_tag()
    for entry in entries:
        match = _OWNED.match(entry)
        if match is None or match.group(2) != here:
            continue
        pid = int(match.group(1))
        path = base / entry
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            continue
        if pid == os.getpid() or pid_alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            removed.append(path)
    return removed


def owner() -> dict[str, object]:
    """What a run row records of the process that runs it (read by :func:`close_stale_runs`)."""
    return {"pid": os.getpid(), "host": socket.gethostname()}


def close_stale_runs(store: Store) -> list[int]:
    """Mark ``interrupted`` the runs left ``running`` by a process of this host that is gone.

    Runs of other hosts, and runs of older versions that recorded no pid, are left as they are:
    nothing here can tell whether they still run.
    """
    rows = store.conn.execute("SELECT id, settings_json FROM runs WHERE state = 'running'").fetchall()
    host = socket.gethostname()
    stale: list[int] = []
    for run_id, settings_json in rows:
        settings: object = None
        with contextlib.suppress(ValueError, TypeError):
            settings = json.loads(settings_json or "null")
        if not isinstance(settings, dict):
            continue
        pid = settings.get("pid")
        if settings.get("host") != host or not isinstance(pid, int) or pid == os.getpid() or pid_alive(pid):
            continue
        stale.append(int(run_id))
    for run_id in stale:
        with contextlib.suppress(sqlite3.Error):
            store.finish_run(run_id, "interrupted", {})
    return stale
