"""A compact diff of an evaluation miss: where a field's output differs from its golden, not the
two whole values. Strings get a word diff with a little context (``[-golden-]{+output+}``, as
``git diff --word-diff`` writes it), lists the items that differ (aligned, so one missing item
does not make every later one differ), objects the keys that differ."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from typing import Any

#: Words of unchanged text kept on each side of a difference.
CONTEXT_WORDS = 4
#: Words of a removed or added run kept before it is elided.
CHANGE_WORDS = 12
#: Characters of a value shown whole ("got X, want Y") before it is elided.
SHORT_CHARS = 60
#: Difference lines shown for one miss; the rest are counted.
MAX_LINES = 8


def short(value: Any, limit: int = SHORT_CHARS) -> str:
    """``value`` as JSON in at most about ``limit`` characters (the middle elided)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return f"{text[:head]} … {text[-(limit - head - 3) :]}"


def _clip(words: Sequence[str], keep: int) -> str:
    """The words joined, with the middle of a long run elided and counted."""
    if len(words) <= keep:
        return " ".join(words)
    tail = keep // 3
    return f"{' '.join(words[: keep - tail])} …({len(words) - keep} words)… {' '.join(words[-tail:])}"


def _context(words: Sequence[str], *, first: bool, last: bool) -> str:
    """Unchanged words between differences: only ``CONTEXT_WORDS`` next to each difference."""
    keep_before = 0 if first else CONTEXT_WORDS  # words after the previous difference
    keep_after = 0 if last else CONTEXT_WORDS  # words before the next difference
    if len(words) <= keep_before + keep_after + 1:
        return " ".join(words)
    parts = [" ".join(words[:keep_before]), "…", " ".join(words[len(words) - keep_after :])]
    return " ".join(part for part in parts if part)


def word_diff(got: str, want: str) -> str:
    """The words of ``want`` (golden) removed and of ``got`` (output) added, in context.

    Text that differs only in spacing is shown as both strings, shortened.
    """
    a, b = want.split(), got.split()
    if a == b:
        return f"differs in spacing only: got {short(got)}, want {short(want)}"
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            parts.append(_context(a[i1:i2], first=index == 0, last=index == len(ops) - 1))
            continue
        if i2 > i1:
            parts.append(f"[-{_clip(a[i1:i2], CHANGE_WORDS)}-]")
        if j2 > j1:
            parts.append(f"{{+{_clip(b[j1:j2], CHANGE_WORDS)}+}}")
    return " ".join(part for part in parts if part)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _list_diff(path: str, got: list[Any], want: list[Any]) -> Iterator[str]:
    """Items that differ, aligned on the items that are equal; a changed item is diffed inside."""
    keys_a = [json.dumps(item, sort_keys=True) for item in want]
    keys_b = [json.dumps(item, sort_keys=True) for item in got]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1)
        for k in range(pairs):
            yield from _diff(f"{path}[{i1 + k}]", got[j1 + k], want[i1 + k])
        for i in range(i1 + pairs, i2):
            yield f"{path}[{i}]: missing {short(want[i])}"
        for j in range(j1 + pairs, j2):
            yield f"{path}[+{j}]: extra {short(got[j])}"


def _diff(path: str, got: Any, want: Any) -> Iterator[str]:
    """The difference lines of ``got`` against ``want``, each prefixed with where it is."""
    if got == want:
        return
    where = f"{path}: " if path else ""
    if isinstance(got, dict) and isinstance(want, dict):
        for key in [*want, *(k for k in got if k not in want)]:
            if key not in got:
                yield f"{_join(path, key)}: missing, want {short(want[key])}"
            elif key not in want:
                yield f"{_join(path, key)}: extra {short(got[key])}"
            else:
                yield from _diff(_join(path, key), got[key], want[key])
    elif isinstance(got, list) and isinstance(want, list):
        yield from _list_diff(path, got, want)
    elif isinstance(got, str) and isinstance(want, str) and max(len(got), len(want)) > SHORT_CHARS // 2:
        yield where + word_diff(got, want)
    else:
        yield f"{where}got {short(got)}, want {short(want)}"


def diff_lines(got: Any, want: Any, limit: int = MAX_LINES) -> list[str]:
    """Where ``got`` (the output) differs from ``want`` (the golden), one line per difference,
    at most ``limit`` lines and a count of the rest."""
    lines = list(_diff("", got, want))
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more difference(s)"]
    return lines
