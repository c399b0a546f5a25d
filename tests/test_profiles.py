"""Every bundled profile loads, validates and its patterns compile (template rot check)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import regex

import ratsdoc
from ratsdoc.errors import ProfileError
from ratsdoc.extract.context import GUESSED
from ratsdoc.profile import LABEL_NAMES, Profile, bundled_profiles, load_profile_file

from .conftest import FIXTURES


def test_bundled_profiles_load_and_compile() -> None:
    profiles = bundled_profiles()
    assert {"erfurt", "generic"} <= set(profiles)
    for profile in profiles.values():
        assert profile.number_re.groupindex.get("number")
        assert profile.originator_re.pattern
        assert profile.faction_re.pattern
        for name in LABEL_NAMES:
            assert isinstance(profile.label(name), regex.Pattern)
            assert isinstance(profile.label(name, fuzzy=1), regex.Pattern)
        for pattern, weight in profile.detect_res:
            assert weight > 0 and pattern.pattern


def test_invalid_profile_names_the_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "bad"\ndescription = "x"\nnumber_patterns = ["(unclosed"]\ndocument_types = ["Antrag"]\n',
        encoding="utf-8",
    )
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
        patterns += [profile.label(name) for name in LABEL_NAMES]
        patterns += [p for p in (profile.value_re(n) for n in profile.values) if p is not None]
        for pattern in patterns:
            pattern.search(text, timeout=2.0)


BUNDLED_TITLE = "title = ['Titel der Drucksache\\s*:?']"


def _user_erfurt(folder: Path, title_label: str) -> Path:
    """A user profile named ``erfurt``: the bundled one with another title label."""
    source = resources.files("ratsdoc") / "profiles" / "erfurt.toml"
    text = source.read_text(encoding="utf-8")
    assert BUNDLED_TITLE in text, "the bundled erfurt profile changed its title label"
    folder.mkdir(exist_ok=True)
    path = folder / "erfurt.toml"
    path.write_text(text.replace(BUNDLED_TITLE, f"title = ['{title_label}']"), encoding="utf-8")
    return path


def test_user_profile_named_like_a_bundled_one_compiles_its_own_labels(tmp_path: Path) -> None:
    # Regression: compiled labels were cached by profile name, so a user's "erfurt" got the
    # bundled erfurt's patterns once those had been used.
    bundled = bundled_profiles()["erfurt"]
    for fuzzy in (0, 1, 2):
        assert bundled.label("title", fuzzy=fuzzy).match("Titel der Drucksache:")
    user = load_profile_file(_user_erfurt(tmp_path, r"Kurztitel\s*:"))
    assert user.name == "erfurt"
    for fuzzy in (0, 1, 2):
        assert user.label("title", fuzzy=fuzzy).match("Kurztitel: Sporthalle")
        assert not user.label("title", fuzzy=fuzzy).match("Titel der Drucksache:")
    assert bundled.label("title").match("Titel der Drucksache:")


def test_labelled_values_are_compiled_per_profile_not_per_name() -> None:
    first = Profile(
        name="same", description="x", document_types=["A"], values={"title": [r"Betreff\s*:\s*(?P<value>.+)"]}
    )
    second = Profile(
        name="same", description="x", document_types=["A"], values={"title": [r"Thema\s*:\s*(?P<value>.+)"]}
    )
    first_re, second_re = first.value_re("title"), second.value_re("title")
    assert first_re is not None and second_re is not None
    assert first_re.search("Betreff: Brücke") and not first_re.search("Thema: Brücke")
    assert second_re.search("Thema: Brücke") and not second_re.search("Betreff: Brücke")


def test_parse_with_user_profile_named_like_a_bundled_one(tmp_path: Path) -> None:
    paper = FIXTURES / "erfurt-0378-24-sporthalle.pdf"
    title = "Sanierung der Sporthalle am Johannesplatz beschleunigen"
    assert ratsdoc.parse(paper).title == title  # the bundled erfurt is used and its labels cached
    folder = tmp_path / "profiles"
    _user_erfurt(folder, r"Kurztitel\s*:")
    for options in (
        {"profile_dirs": (str(folder),)},
        {"profile_dirs": (str(folder),), "profile": "erfurt"},
        {"profile": str(folder / "erfurt.toml")},
    ):
        doc = ratsdoc.parse(paper, **options)
        assert doc.profile is not None and doc.profile.name == "erfurt"
        # The user's title label is not on this paper: no label gives the title. The paper's
        # first heading, beside the head's right column, may still be guessed as the title.
        read = doc.provenance.get("title") or []
        assert doc.title != title or all(p.confidence <= GUESSED for p in read), options


def test_labels_table_knows_its_names(tmp_path: Path) -> None:
    head = 'name = "p"\ndescription = "x"\ndocument_types = ["A"]\n[labels]\n'
    for body, problem in (
        ('titel = ["Betreff"]\n', "labels.titel: not a label"),
        ('title = ["(x"]\n', "labels.title: pattern '(x' does not compile"),
        ('title = "Betreff"\n', "labels.title"),
    ):
        (tmp_path / "p.toml").write_text(head + body, encoding="utf-8")
        with pytest.raises(ProfileError, match=regex.escape(problem)):
            load_profile_file(tmp_path / "p.toml")
    (tmp_path / "p.toml").write_text(head + 'title = ["Betreff"]\n', encoding="utf-8")
    profile = load_profile_file(tmp_path / "p.toml")
    assert profile.label("title").match("Betreff: Brücke")
    assert not profile.label("justification").match("Begründung")  # not set: matches nothing
    with pytest.raises(KeyError):
        profile.label("titel")


def test_a_copied_profile_compiles_its_own_patterns() -> None:
    bundled = bundled_profiles()["erfurt"]
    assert bundled.label("title").match("Titel der Drucksache:") and bundled.number_re.pattern
    copy = bundled.model_copy(
        update={"labels": {"title": [r"Kurztitel\s*:"]}, "number_patterns": [r"Nr\.\s*(?P<number>\d+)"]}
    )
    assert copy.name == "erfurt" and copy.document_types == bundled.document_types
    assert copy.label("title").match("Kurztitel: Brücke")
    assert not copy.label("title").match("Titel der Drucksache:")
    assert copy.number_re.search("Nr. 12")["number"] == "12"  # type: ignore[index]
    assert bundled.label("title").match("Titel der Drucksache:")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("DS-Nr. 2024/0123", "2024/0123"),
        ("Drs. 21/1234", "21/1234"),
        ("Drucks.-Nr. 0815/24", "0815/24"),
        ("Vorl.-Nr. 2024/123", "2024/123"),
        ("GRDrs 123/2024", "123/2024"),
        ("Vorlage-Nr.: 123/2024", "123/2024"),
        ("Vorlagen-Nr.: VO/2024/123", "VO/2024/123"),
    ],
)
def test_the_generic_profile_reads_abbreviated_number_labels(text: str, number: str) -> None:
    match = bundled_profiles()["generic"].number_re.search(text)
    assert match is not None and match.group("number") == number
