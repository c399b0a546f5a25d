"""Structure-aware mutation fuzzing of ratsdoc with the real fixtures as seeds.

Each round takes a fixture PDF, applies one or more structure-aware mutations (bit flips inside
streams, xref damage, truncation, object-number swaps, dictionary key deletion and reference
rewiring via pikepdf, splicing two files) and parses the result with ``ratsdoc.parse`` in a
worker process. The worker runs under ``RLIMIT_AS``; the parent kills it when it overruns
the hard timeout. Findings:

* uncaught exceptions (anything that is not a ``RatsdocError``), deduplicated by type and
  innermost frame, with the input saved for reproduction;
* hangs (no answer within ``--timeout`` seconds although the parse deadline is shorter);
* worker deaths (a crash in C code or the address-space limit);
* the peak resident memory (VmHWM) of the workers and the slowest input;
* heavy inputs: one that ran for more than half the parse limit or raised its worker's peak
  memory by more than :data:`HEAVY_MB`, saved as ``heavy-NNNNNN.pdf`` (the mutations draw on
  more than the seed, so a run's inputs cannot be made again by their number).

Usage::

    python scripts/fuzz.py --seconds 1260 [--seed 1] [--out /tmp/ratsdoc-fuzz]
    python scripts/fuzz.py --replay /tmp/ratsdoc-fuzz/uncaught-*.pdf

Requirements: pikepdf (for the dictionary mutations), ratsdoc importable (``pip install -e .``
or ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The parse deadline inside the worker; the hard timeout adds a margin on top.
PARSE_SECONDS = 10.0
#: Address-space ceiling for a worker (interpreter and libraries included).
WORKER_AS_BYTES = 3 * 1024 * 1024 * 1024
#: A worker is replaced after this many inputs so that VmHWM stays attributable.
INPUTS_PER_WORKER = 200

Mutator = Callable[[bytes, random.Random], bytes]


# --------------------------------------------------------------------------- mutators


def _stream_spans(data: bytes) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(rb"(?<!end)stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        if end > m.end():
            spans.append((m.end(), end))
    return spans


def flip_in_streams(data: bytes, rng: random.Random) -> bytes:
    """Flip 1-30 random bits inside stream data (compressed content, fonts, images)."""
    spans = _stream_spans(data)
    if not spans:
        return flip_anywhere(data, rng)
    out = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        start, end = rng.choice(spans)
        pos = rng.randrange(start, end)
        out[pos] ^= 1 << rng.randrange(8)
    return bytes(out)


def flip_anywhere(data: bytes, rng: random.Random) -> bytes:
    """Overwrite 1-10 random bytes anywhere in the file."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 10)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def damage_xref(data: bytes, rng: random.Random) -> bytes:
    """Change digits of the xref table / startxref, or delete the xref section."""
    start = data.rfind(b"xref")
    if start < 0:
        return flip_anywhere(data, rng)
    choice = rng.random()
    if choice < 0.2:
        end = data.find(b"trailer", start)
        return data[:start] + data[end:] if end > start else data[:start]
    if choice < 0.35:
        return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % rng.randrange(len(data) * 2), data)
    out = bytearray(data)
    digits = [i for i in range(start, min(len(out), start + 4000)) if 48 <= out[i] <= 57]
    for pos in rng.sample(digits, min(len(digits), rng.randint(1, 40))):
        out[pos] = 48 + rng.randrange(10)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file at a random offset (biased towards the end, where the xref lives)."""
    cut = int(len(data) * (1 - rng.random() ** 3))
    return data[: max(8, cut)]


def swap_object_numbers(data: bytes, rng: random.Random) -> bytes:
    """Swap the numbers of two ``N G obj`` headers (the xref then points at the wrong ones)."""
    headers = list(re.finditer(rb"(?m)^(\d+) (\d+) obj", data))
    if len(headers) < 2:
        return flip_anywhere(data, rng)
    a, b = rng.sample(headers, 2)
    out = bytearray(data)
    first, second = sorted((a, b), key=lambda m: m.start())
    pieces = [
        bytes(out[: first.start(1)]),
        second.group(1),
        bytes(out[first.end(1) : second.start(1)]),
        first.group(1),
        bytes(out[second.end(1) :]),
    ]
    return b"".join(pieces)


def _with_pikepdf(data: bytes, rng: random.Random, change: Callable[[Any, random.Random], None]) -> bytes:
    import warnings

    import pikepdf

    warnings.simplefilter("ignore")  # pikepdf warns about the damage we do on purpose
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            change(pdf, rng)
            out = io.BytesIO()
            # No object streams, so that later byte-level mutations see the dictionaries.
            pdf.save(
                out,
                object_stream_mode=pikepdf.ObjectStreamMode.disable,
                compress_streams=rng.random() < 0.7,
                static_id=True,
            )
            return out.getvalue()
    except Exception:  # pikepdf refuses some inputs: fall back to a byte mutation
        return flip_anywhere(data, rng)


def _dictionaries(pdf: Any) -> list[Any]:
    import pikepdf

    found = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            found.append(obj)
        elif isinstance(obj, pikepdf.Stream):
            found.append(obj.stream_dict)
    return found


def delete_keys(data: bytes, rng: random.Random) -> bytes:
    """Delete 1-4 random keys from random dictionaries (/Type, /Kids, /Length, /Font ...)."""

    def change(pdf: Any, rng: random.Random) -> None:
        dicts = [d for d in _dictionaries(pdf) if len(d.keys())]
        for _ in range(rng.randint(1, 4)):
            if not dicts:
                return
            target = rng.choice(dicts)
            keys = list(target.keys())
            if keys:
                del target[rng.choice(keys)]

    return _with_pikepdf(data, rng, change)


def rewire_references(data: bytes, rng: random.Random) -> bytes:
    """Point a random key of a random dictionary at another object (loops, wrong types)."""
    import pikepdf

    def change(pdf: Any, rng: random.Random) -> None:
        dicts = [d for d in _dictionaries(pdf) if len(d.keys())]
        objects = [o for o in pdf.objects if isinstance(o, (pikepdf.Dictionary, pikepdf.Array))]
        if not dicts or not objects:
            return
        for _ in range(rng.randint(1, 3)):
            target = rng.choice(dicts)
            key = rng.choice(list(target.keys()))
            replacement = rng.choice(
                [
                    rng.choice(objects),
                    pikepdf.Array([]),
                    pikepdf.Name("/Bogus"),
                    pikepdf.Dictionary(),
                    -1,
                    2**40,
                    pdf.Root,
                ]
            )
            target[key] = replacement

    return _with_pikepdf(data, rng, change)


def splice(data: bytes, rng: random.Random, other: bytes = b"") -> bytes:
    """Join the head of this file to the tail of another one (or of itself)."""
    other = other or data
    a = rng.randrange(len(data))
    b = rng.randrange(len(other))
    return data[:a] + other[b:]


MUTATORS: dict[str, Mutator] = {
    "flip-streams": flip_in_streams,
    "flip-anywhere": flip_anywhere,
    "xref": damage_xref,
    "truncate": truncate,
    "swap-objects": swap_object_numbers,
    "delete-keys": delete_keys,
    "rewire-refs": rewire_references,
    "splice": splice,
}


def mutate(seeds: Sequence[bytes], rng: random.Random) -> tuple[bytes, list[str]]:
    """One fuzz input: a seed with 1-3 stacked mutations, and the mutation names."""
    data = rng.choice(seeds)
    names = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        name = rng.choice(list(MUTATORS))
        names.append(name)
        other = rng.choice(seeds)
        data = splice(data, rng, other) if name == "splice" else MUTATORS[name](data, rng)
        if not data:
            break
    return data, names


# --------------------------------------------------------------------------- worker


def _vm_hwm_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _worker(conn: Connection, parse_seconds: float) -> None:
    """Parse inputs from ``conn`` until it closes; answer with the outcome of each."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_AS_BYTES, WORKER_AS_BYTES))
    except (ImportError, ValueError, OSError):
        pass
    import logging

    import ratsdoc

    logging.disable(logging.WARNING)  # pdfminer logs every oddity of a mutated file
    while True:
        try:
            data = conn.recv_bytes()
        except EOFError:
            return
        started = time.monotonic()
        outcome: dict[str, Any]
        try:
            document = ratsdoc.parse(data, max_seconds=parse_seconds)
            outcome = {"kind": "ok", "warnings": len(document.warnings)}
        except ratsdoc.RatsdocError as exc:
            outcome = {
                "kind": "error",
                "type": type(exc).__name__,
                "limit": getattr(exc, "limit", None),
                "message": str(exc)[:200],
            }
        except MemoryError:
            outcome = {"kind": "memory"}
        except BaseException as exc:
            frames = traceback.extract_tb(exc.__traceback__)
            where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
            outcome = {
                "kind": "uncaught",
                "type": type(exc).__name__,
                "where": where,
                "message": str(exc)[:300],
                "traceback": traceback.format_exc()[-3000:],
            }
        outcome["seconds"] = time.monotonic() - started
        outcome["hwm_mb"] = _vm_hwm_mb()
        conn.send(outcome)


@dataclass
class Worker:
    """A worker process with its pipe; replaced after a hang, a death or many inputs."""

    parse_seconds: float
    process: Any = None
    conn: Connection | None = None
    used: int = 0

    def start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, self.parse_seconds), daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        self.used = 0

    def stop(self) -> float:
        """Stop the worker; return its peak memory in MB."""
        hwm = _vm_hwm_mb(self.process.pid) if self.process and self.process.is_alive() else 0.0
        if self.conn is not None:
            self.conn.close()
        if self.process is not None:
            self.process.join(2)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(2)
        self.process = self.conn = None
        return hwm

    def run(self, data: bytes, timeout: float) -> dict[str, Any]:
        if self.process is None or self.used >= INPUTS_PER_WORKER:
            if self.process is not None:
                self.stop()
            self.start()
        assert self.conn is not None
        self.used += 1
        self.conn.send_bytes(data)
        try:
            if self.conn.poll(timeout):
                result: dict[str, Any] = self.conn.recv()
                return result
            hwm = _vm_hwm_mb(self.process.pid)
            self.process.kill()
            self.stop()
            return {"kind": "hang", "seconds": timeout, "hwm_mb": hwm}
        except (EOFError, OSError):
            self.process.join(2)
            code = self.process.exitcode
            self.stop()
            return {"kind": "died", "exitcode": code, "seconds": 0.0, "hwm_mb": 0.0}


# --------------------------------------------------------------------------- campaign


#: A worker whose peak memory rose by more than this many MB on one input saves the input.
HEAVY_MB = 200.0


@dataclass
class Report:
    """What a campaign found."""

    inputs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    mutations: Counter[str] = field(default_factory=Counter)
    uncaught: dict[str, dict[str, Any]] = field(default_factory=dict)
    hangs: list[str] = field(default_factory=list)
    deaths: list[str] = field(default_factory=list)
    heavy: list[str] = field(default_factory=list)
    peak_mb: float = 0.0
    slowest: tuple[float, str] = (0.0, "")

    def summary(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "outcomes": dict(self.outcomes),
            "typed_errors": dict(self.errors.most_common()),
            "mutations": dict(self.mutations),
            "uncaught": {k: v["file"] for k, v in self.uncaught.items()},
            "hangs": self.hangs,
            "worker_deaths": self.deaths,
            "heavy_inputs": self.heavy,
            "peak_worker_memory_mb": round(self.peak_mb, 1),
            "slowest_seconds": round(self.slowest[0], 2),
            "slowest_input": self.slowest[1],
        }


def campaign(
    seconds: float, seed: int, out: Path, seeds: Sequence[Path], timeout: float, parse_seconds: float
) -> Report:
    """Fuzz for ``seconds``; save interesting inputs into ``out``; return the report."""
    rng = random.Random(seed)
    corpus = [p.read_bytes() for p in seeds]
    out.mkdir(parents=True, exist_ok=True)
    report = Report()
    worker = Worker(parse_seconds)
    deadline = time.monotonic() + seconds
    last_print = time.monotonic()
    try:
        while time.monotonic() < deadline:
            data, names = mutate(corpus, rng)
            report.inputs += 1
            report.mutations.update(names)
            result = worker.run(data, timeout)
            kind = result["kind"]
            report.outcomes[kind] += 1
            label = f"input {report.inputs} ({'+'.join(names)})"
            spent, memory = result.get("seconds", 0.0), result.get("hwm_mb", 0.0)
            if spent > parse_seconds / 2 or memory > report.peak_mb + HEAVY_MB:
                path = out / f"heavy-{report.inputs:06d}.pdf"
                path.write_bytes(data)
                report.heavy.append(str(path))
                print(f"[heavy] {label}: {spent:.1f} s, {memory:.0f} MB -> {path}", flush=True)
            report.peak_mb = max(report.peak_mb, result.get("hwm_mb", 0.0))
            if result.get("seconds", 0.0) > report.slowest[0]:
                report.slowest = (result["seconds"], label)
            if kind == "error":
                report.errors[f"{result['type']}:{result.get('limit') or ''}"] += 1
            elif kind == "uncaught":
                key = f"{result['type']} at {result['where']}"
                if key not in report.uncaught:
                    path = out / f"uncaught-{len(report.uncaught):03d}.pdf"
                    path.write_bytes(data)
                    path.with_suffix(".txt").write_text(result["traceback"])
                    report.uncaught[key] = {"file": str(path), **result}
                    print(f"[uncaught] {key}: {result['message'][:160]} -> {path}", flush=True)
            elif kind in ("hang", "died", "memory"):
                path = out / f"{kind}-{report.inputs:06d}.pdf"
                path.write_bytes(data)
                (report.hangs if kind == "hang" else report.deaths).append(str(path))
                print(f"[{kind}] {label} -> {path}", flush=True)
            if time.monotonic() - last_print > 60:
                last_print = time.monotonic()
                print(
                    f"[progress] {report.inputs} inputs, {dict(report.outcomes)}, peak {report.peak_mb:.0f} MB",
                    flush=True,
                )
    finally:
        report.peak_mb = max(report.peak_mb, worker.stop())
    return report


def replay(paths: Sequence[Path], timeout: float, parse_seconds: float) -> int:
    """Parse saved inputs again (in a worker) and print the outcome of each."""
    worker = Worker(parse_seconds)
    failures = 0
    try:
        for path in paths:
            result = worker.run(path.read_bytes(), timeout)
            if result["kind"] != "uncaught":
                result.pop("traceback", None)
            failures += result["kind"] in ("uncaught", "hang", "died", "memory")
            print(path, json.dumps(result)[:2000])
    finally:
        worker.stop()
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--out", type=Path, default=Path("/tmp/ratsdoc-fuzz"), help="folder for inputs that found something"
    )
    parser.add_argument("--seeds", type=Path, nargs="*", help="seed PDFs (default: fixtures/*.pdf)")
    parser.add_argument("--parse-seconds", type=float, default=PARSE_SECONDS, help="max_seconds given to ratsdoc.parse")
    parser.add_argument(
        "--timeout", type=float, default=None, help="hard per-input timeout (default: parse seconds + 10)"
    )
    parser.add_argument("--replay", type=Path, nargs="+", help="re-run saved inputs and exit")
    args = parser.parse_args(argv)
    timeout = args.timeout or args.parse_seconds + 10.0
    if args.replay:
        return replay(args.replay, timeout, args.parse_seconds)
    seeds = args.seeds or sorted((ROOT / "fixtures").glob("*.pdf"))
    if not seeds:
        parser.error("no seed PDFs (fixtures/*.pdf is empty)")
    started = time.monotonic()
    report = campaign(args.seconds, args.seed, args.out, seeds, timeout, args.parse_seconds)
    summary = report.summary()
    summary["seed"] = args.seed
    summary["seed_files"] = len(seeds)
    summary["wall_seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(summary, indent=2))
    return 1 if (report.uncaught or report.hangs or report.deaths) else 0


if __name__ == "__main__":
    sys.exit(main())
