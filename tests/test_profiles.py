"""Every bundled profile loads, validates and its patterns compile (template rot check)."""

from __future__ import annotations

import pytest
import regex

from ratsdoc.errors import ProfileError
from ratsdoc.profile import Labels, Profile, bundled_profiles, load_profile_file


def test_bundled_profiles_load_and_compile() -> None:
    profiles = bundled_profiles()
    assert {"erfurt", "generic"} <= set(profiles)
    for profile in profiles.values():
        assert profile.number_re.groupindex.get("number")
        assert profile.originator_re.pattern
        assert profile.faction_re.pattern
        for name in Labels.model_fields:
            assert isinstance(profile.label(name), regex.Pattern)
            assert isinstance(profile.label(name, fuzzy=1), regex.Pattern)
        for pattern, weight in profile.detect_res:
            assert weight > 0 and pattern.pattern


def test_invalid_profile_names_the_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\ndescription = "x"\nnumber_patterns = ["(unclosed"]\n'
                   'document_types = ["Antrag"]\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile_file(bad)
    assert "number_patterns" in str(info.value)
    missing = tmp_path / "missing.toml"
    missing.write_text('name = "m"\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info2:
        load_profile_file(missing)
    assert "description" in info2.value.missing


def test_number_pattern_needs_a_group() -> None:
    with pytest.raises(ValueError):
        Profile(name="x", description="x", number_patterns=[r"\d+"], document_types=["A"])


def test_fuzzy_labels_tolerate_ocr_noise_but_stay_anchored() -> None:
    erfurt = bundled_profiles()["erfurt"]
    fuzzy = erfurt.label("resolution", fuzzy=2)
    assert fuzzy.match("Bcschlussvorschlag")
    assert fuzzy.match("Beschlußvorschlag")
    assert not fuzzy.match("Der Beschlussvorschlag lautet")


@pytest.mark.parametrize("text", ["abcdefghij" * 60, "abc defghi " * 60, "Fraktion " * 80, "1." * 300])
def test_profile_patterns_do_not_backtrack_catastrophically(text: str) -> None:
    # Regression: the combined originator pattern once ran for minutes on one 600-letter line.
    # The regex module's timeout turns such a case into an error instead of a hang.
    for profile in bundled_profiles().values():
        patterns = [profile.originator_re, profile.faction_re, profile.number_re]
        patterns += [profile.label(name) for name in Labels.model_fields]
        patterns += [p for p in (profile.value_re(n) for n in profile.values) if p is not None]
        for pattern in patterns:
            pattern.search(text, timeout=2.0)
