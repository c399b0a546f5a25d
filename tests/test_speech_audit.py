"""scripts/speech_audit.py: speeches matched softly part by part, and the first difference named."""

from __future__ import annotations

from .conftest import load_script

audit = load_script("speech_audit")

WANT = [
    {"speaker": "Reker", "role": "Oberbürgermeisterin", "text": "Ich eröffne die Sitzung des Rates."},
    {"speaker": "Dr. Elster", "role": "CDU", "text": "Vielen Dank für das Wort, Frau Oberbürgermeisterin."},
]


def test_a_speech_is_right_when_each_part_matches_softly() -> None:
    near = WANT[1] | {"text": "Vielen Dank für das Wort, Frau Oberbürgermeisterin!"}
    assert audit.same_speech(near, WANT[1])
    assert not audit.same_speech(WANT[1] | {"speaker": "Elster"} | {"role": "SPD"}, WANT[1])
    # A long text alike does not make up for another speaker.
    assert not audit.same_speech(WANT[0] | {"speaker": "Frank"}, WANT[0] | {"text": WANT[0]["text"] * 20})


def test_the_first_difference_names_the_speech_and_its_part() -> None:
    got = [WANT[0], WANT[1] | {"role": "SPD"}]
    assert audit.first_difference(got, WANT) == "speech 2 (Dr. Elster) role: 'SPD' != 'CDU'"
    got = [WANT[0] | {"text": "Ich eröffne die heutige Sitzung des Rates, bitte."}, WANT[1]]
    assert audit.first_difference(got, WANT).startswith("speech 1 (Reker) text: …Ich eröffne die heutige")
    assert audit.first_difference(WANT[:1], WANT) == "1 speeches read, 2 in the golden"
