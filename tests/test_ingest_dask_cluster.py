"""Ingest on a real Dask cluster: a scheduler and two worker processes on 127.0.0.1, one killed mid-run.

The in-process ``LocalCluster`` test (tests/test_ingest.py) shares one process with the driver;
here the scheduler and the workers are the ``dask scheduler`` and ``dask worker`` commands, as on
a cluster, and one worker dies with kill -9 while it holds tasks. Nothing may be lost (the
scheduler gives the dead worker's tasks to the other one), and no run may stay ``running``.
Marked ``cluster``; it takes 15–40 s on two busy cores.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ratsdoc.ingest import IngestOptions, ingest

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install 'ratsdoc[dask]')"
)

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

from .ingest_support import HOOK, cli_env, db_count, wait_for_documents  # noqa: E402

pytestmark = pytest.mark.cluster


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dask_command() -> list[str]:
    executable = shutil.which("dask")
    if executable is None:
        pytest.skip("the dask command is not installed")
    return [executable]


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """(scheduler address, [worker processes]): a scheduler and two one-thread workers without nannies."""
    dask = _dask_command()
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = cli_env()
    logs = tmp_path / "logs"
    logs.mkdir()
    common: dict[str, object] = {"env": env, "stdin": subprocess.DEVNULL, "start_new_session": True}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with (logs / "scheduler.log").open("wb") as log:
            scheduler_args = ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
            processes.append(subprocess.Popen([*dask, *scheduler_args], stdout=log, stderr=log, **common))  # type: ignore[call-overload]
        workers = []
        for index in range(2):
            worker_args = ["worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"]
            worker_args += ["--name", f"w{index}", "--local-directory", str(tmp_path / f"w{index}")]
            with (logs / f"worker-{index}.log").open("wb") as log:
                worker = subprocess.Popen([*dask, *worker_args], stdout=log, stderr=log, **common)  # type: ignore[call-overload]
            workers.append(worker)
            processes.append(worker)
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=45)
        yield address, workers
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_a_worker_killed_mid_run_loses_nothing(
    tmp_path: Path, cluster: tuple[str, list[subprocess.Popen[bytes]]]
) -> None:
    address, workers = cluster
    folder = tmp_path / "in"
    folder.mkdir()
    total = 24
    for index in range(total):
        (folder / f"p{index:02d}.pdf").write_bytes(fake_pdf(f"{index:04d}/24", f"Vorlage {index}", extra="SLOW"))
    db = tmp_path / "a.sqlite"
    killed: list[int] = []

    def kill_one_worker() -> None:
        wait_for_documents(db, 4, seconds=60)
        os.killpg(workers[0].pid, signal.SIGKILL)  # the worker and the parse process it started
        killed.append(workers[0].pid)

    killer = threading.Thread(target=kill_one_worker, daemon=True)
    killer.start()
    started = time.monotonic()
    summary = ingest([folder], db, IngestOptions(parse_function=HOOK, timeout=30, tmp_dir=tmp_path), scheduler=address)
    killer.join(10)
    assert killed, "the worker was not killed during the run"
    assert 4 <= db_count(db, "SELECT COUNT(*) FROM documents WHERE run_id = 1") <= total
    # Nothing lost: the dead worker's tasks ran on the other one, or are stored as failed and
    # parsed by the next run with --retry-failed.
    assert summary.counts["ok"] + summary.counts["failed"] == total
    if summary.counts["failed"]:
        again = ingest(
            [folder], db, IngestOptions(parse_function=HOOK, retry_failed=True, tmp_dir=tmp_path), scheduler=address
        )
        assert again.counts["ok"] == summary.counts["failed"]
    assert db_count(db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'") == total
    assert db_count(db, "SELECT COUNT(*) FROM runs WHERE state != 'finished'") == 0  # no stale run
    assert workers[1].poll() is None  # the other worker did the rest
    assert time.monotonic() - started < 60
