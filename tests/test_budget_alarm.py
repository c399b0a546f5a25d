"""The deadline alarm: a signal that lands where an exception would be lost is tried again, and
the memory limit is watched outside the cooperative checks too."""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Iterator

import pytest

from ratsdoc.budget import document_guard
from ratsdoc.errors import LimitExceededError
from ratsdoc.options import ParseOptions


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.fixture
def slow_gc_callback() -> Iterator[None]:
    """A garbage-collector callback that runs Python code for a while (as hypothesis installs one)."""

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            _spin(0.05)

    gc.callbacks.append(callback)
    try:
        yield
    finally:
        gc.callbacks.remove(callback)


def test_deadline_inside_a_gc_callback_still_stops_the_parse(slow_gc_callback: None) -> None:
    # Half of the time is spent inside the callback: the alarm may land there. Raised there, the
    # exception would go to sys.unraisablehook (an error under pytest) and the parse would go on.
    started = time.monotonic()
    with pytest.raises(LimitExceededError) as info, document_guard(ParseOptions(max_seconds=0.2), "slow.pdf"):
        while time.monotonic() - started < 5:
            gc.collect()
            _spin(0.05)  # the parse's own work, between collections
    assert info.value.limit == "max_seconds"
    assert time.monotonic() - started < 2


def test_deadline_inside_a_finaliser_still_stops_the_parse() -> None:
    class Slow:
        def __del__(self) -> None:
            _spin(0.05)

    started = time.monotonic()
    with pytest.raises(LimitExceededError), document_guard(ParseOptions(max_seconds=0.2), "slow.pdf"):
        while time.monotonic() - started < 5:
            Slow()
            _spin(0.05)
    assert time.monotonic() - started < 2


def test_memory_limit_stops_plain_python_after_the_pdf_was_read() -> None:
    """The cooperative memory checks run only while a PDF is read; the alarm also looks at the
    resident memory, so a later stage that climbs (a table index, a regex over a huge text) stops."""
    held: list[bytearray] = []
    started = time.monotonic()
    with (
        pytest.raises(LimitExceededError) as info,
        document_guard(ParseOptions(max_seconds=None, max_memory_mb=64), "climbing.pdf"),
    ):
        while len(held) < 1024 and time.monotonic() - started < 10:
            held.append(bytearray(b"x" * (1 << 20)))  # touched, so resident
            _spin(0.002)
    grown = len(held)
    held.clear()
    assert info.value.limit == "max_memory_mb" and info.value.maximum == 64
    assert 64 <= grown < 512, grown
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_memory_watch_leaves_a_parse_within_its_limit_alone() -> None:
    with document_guard(ParseOptions(max_seconds=None, max_memory_mb=512), "small.pdf"):
        _spin(0.6)  # more than one look at the memory
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
