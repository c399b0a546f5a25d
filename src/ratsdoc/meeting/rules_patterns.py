"""What the parts of the meeting vocabulary share: the flags of their patterns, the check that a
profile's patterns compile, and one pattern made of several alternatives."""

from __future__ import annotations

from typing import Annotated

import regex
from pydantic import AfterValidator

#: All meeting patterns are case-insensitive (the issuer's lines are matched with case apart).
FLAGS = regex.IGNORECASE | regex.VERSION1


def _problem(pattern: str) -> str | None:
    """Why ``pattern`` does not compile, or None."""
    try:
        regex.compile(pattern, FLAGS)
    except regex.error as exc:
        return str(exc)
    return None


def check_patterns(value: list[str]) -> list[str]:
    """``value`` when each of its patterns compiles; else a ValueError naming the first that does not."""
    problems = [(pattern, _problem(pattern)) for pattern in value]
    bad = next(((pattern, problem) for pattern, problem in problems if problem), None)
    if bad:
        raise ValueError(f"pattern {bad[0]!r} does not compile: {bad[1]}")
    return value


#: A list of patterns a profile may set: refused when one of them does not compile.
Patterns = Annotated[list[str], AfterValidator(check_patterns)]


def any_of(patterns: list[str], *, anchored: bool = True) -> regex.Pattern[str]:
    """One pattern matching any of ``patterns``, at the start of a line when ``anchored``; one that
    matches nothing for an empty list."""
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
    return regex.compile(rf"^\s*(?:{body})" if anchored else body, FLAGS)
