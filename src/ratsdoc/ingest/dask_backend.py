"""Run the parses on a Dask distributed cluster (``pip install ratsdoc[dask]``).

The driver (the ingest parent) keeps the database and streams tasks out and results back,
exactly as with the local pool, so resumability is the same. On each Dask worker thread the
task runs in a one-process :class:`~ratsdoc.ingest.pool.LocalPool`, so the time and memory
limits still kill a runaway parse without taking the Dask worker down.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import threading
import time
import uuid
from typing import Any

from .pool import LocalPool
from .protocol import Result, Task, WorkerConfig, failed_result

_pools: dict[int, LocalPool] = {}
_pools_lock = threading.Lock()


def _pool_for_thread(config: WorkerConfig) -> LocalPool:
    ident = threading.get_ident()
    with _pools_lock:
        pool = _pools.get(ident)
        if pool is None or pool.config != config:
            if pool is not None:
                pool.close()
            pool = LocalPool(1, config)
            _pools[ident] = pool
        return pool


def close_pools() -> int:
    """Stop the worker subprocesses this process started for Dask tasks; returns how many."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()
    return len(pools)


atexit.register(close_pools)


def run_isolated(task: Task, config: WorkerConfig) -> Result:
    """The Dask task: parse ``task`` in this thread's worker subprocess, under the limits."""
    pool = _pool_for_thread(config)
    pool.submit(task)
    while True:
        results = pool.poll(0.5)
        if results:
            return results[0]


class DaskBackend:
    """Submit tasks to a Dask cluster, at most a few per worker thread at a time."""

    def __init__(self, scheduler: Any, config: WorkerConfig, per_thread: int = 2) -> None:
        try:
            # Typed as Any: distributed ships without complete annotations.
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise RuntimeError("the Dask backend needs the extra: pip install 'ratsdoc[dask]'") from None
        self._distributed = distributed
        if isinstance(scheduler, distributed.Client):
            self.client = scheduler
            self._own_client = False
        else:
            self.client = distributed.Client(scheduler, timeout="30s")
            self._own_client = True
        self.config = config
        threads = sum(self.client.nthreads().values()) or 1
        self.max_in_flight = max(2, threads * per_thread)
        self.futures: dict[Any, str] = {}  # future -> task key
        self._ready: list[Result] = []

    @property
    def in_flight(self) -> int:
        """Tasks submitted and not yet answered."""
        return len(self.futures)

    def has_capacity(self) -> bool:
        """True while fewer than ``max_in_flight`` tasks are out."""
        return len(self.futures) < self.max_in_flight

    def submit(self, task: Task) -> None:
        """Send one task to the cluster."""
        future = self.client.submit(
            run_isolated, task, self.config, pure=False, key=f"ratsdoc-parse-{task['key'][:16]}-{uuid.uuid4().hex}"
        )
        self.futures[future] = task["key"]

    def poll(self, timeout: float) -> list[Result]:
        """Collect finished tasks; a failed task (lost worker, ...) becomes a failed result."""
        if not self.futures:
            time.sleep(timeout)
            return []
        try:
            done, _ = self._distributed.wait(list(self.futures), timeout=timeout, return_when="FIRST_COMPLETED")
        except TimeoutError:
            return []
        results: list[Result] = []
        for future in done:
            key = self.futures.pop(future)
            try:
                results.append(future.result())
            except Exception as exc:  # KilledWorker, CancelledError, lost connection, ...
                results.append(failed_result(key, type(exc).__name__, f"the Dask task failed: {exc}"))
            future.release()
        return results

    def close(self) -> None:
        """Cancel what is still running, stop the worker subprocesses, close our client."""
        if self.futures:
            self.client.cancel(list(self.futures))
            self.futures.clear()
        # The cluster may already be gone; its worker subprocesses then exit with it.
        with contextlib.suppress(Exception):
            self.client.run(close_pools)
        if self._own_client:
            self.client.close()
