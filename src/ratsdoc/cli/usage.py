"""Checks made before any input is read: a mistake in how ratsdoc was called is exit code 2."""

from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from ..options import ParseOptions
from ..profile import available_profiles, select_profile


def check_profile(options: ParseOptions) -> None:
    """Raise :class:`~ratsdoc.errors.ProfileError` when the profile folders or the forced
    profile of ``options`` cannot be used, so the run stops once instead of failing each file."""
    if options.profile or options.profile_dirs:
        select_profile("", available_profiles(options.profile_dirs), options.profile)


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Help that shows every option's default ("(default: pdfium)"), leaving out empty ones."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, [], False, argparse.SUPPRESS) or "default" in (action.help or ""):
            return action.help
        return super()._get_help_string(action)


def base_url(text: str) -> str:
    """An ``--base-url`` value: an http(s) URL with a host (argparse reports anything else)."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {text!r}")
    return text.rstrip("/")


def non_negative_int(text: str) -> int:
    """An option value that counts from 0 (a limit, where 0 means none)."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {value}")
    return value


def positive_int(text: str) -> int:
    """An option value that counts from 1 (workers, hits, pages)."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value
