"""Checks made before any input is read: a mistake in how ratsdoc was called is exit code 2."""

from __future__ import annotations

from ..options import ParseOptions
from ..profile import available_profiles, select_profile


def check_profile(options: ParseOptions) -> None:
    """Raise :class:`~ratsdoc.errors.ProfileError` when the profile folders or the forced
    profile of ``options`` cannot be used, so the run stops once instead of failing each file."""
    if options.profile or options.profile_dirs:
        select_profile("", available_profiles(options.profile_dirs), options.profile)
