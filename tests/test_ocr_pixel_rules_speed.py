"""The table-rule search of ocr/pixel_rules.py, which finds every row's runs at once, gives the
rules a row-by-row search gives, in the same order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ratsdoc.ocr import pixel_rules

np = pytest.importorskip("numpy")


def _plain_row_runs(ink: np.ndarray, longest: int) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Every row searched for its long runs on its own, rows without any included."""
    for index in range(ink.shape[0]):
        delta = np.diff(np.concatenate(([0], ink[index].astype(np.int8), [0])))
        starts, ends = np.nonzero(delta == 1)[0], np.nonzero(delta == -1)[0]
        yield index, [(int(s), int(e)) for s, e in zip(starts, ends, strict=True) if e - s >= longest]


def _ruled(seed: int) -> np.ndarray:
    """Random ink with rules: thick ones, tilted ones stepping a row, two side by side in a row,
    one that ends a row early, one on the last row, and gaps of blank rows between them."""
    rng = np.random.default_rng(seed)
    ink = rng.random((120, 400)) < 0.3
    ink[10:13, 5:300] = True
    ink[20, 0:150] = True
    ink[21, 148:300] = True  # a tilted rule steps down a row
    ink[40:42, 10:120] = True
    ink[40:42, 200:390] = True  # two rules in the same rows
    ink[43, 200:395] = True  # after a row with other ink: a new rule
    ink[60:80, 100:103] = True
    ink[90, 3:398] = True
    ink[91, 0:100] = True  # continues no rule: ends far from the one above
    ink[119, :] = True
    return ink


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize(("longest", "slack"), [(50, 2), (100, 8), (5, 1)])
def test_rules_match_a_row_by_row_search(seed: int, longest: int, slack: int, monkeypatch: pytest.MonkeyPatch) -> None:
    ink = _ruled(seed)
    for view in (ink, ink.T):
        found = pixel_rules._rules(view, longest, slack)
        with monkeypatch.context() as patched:
            patched.setattr(pixel_rules, "_row_runs", _plain_row_runs)
            assert found == pixel_rules._rules(view, longest, slack)


def test_no_ink_no_rules() -> None:
    assert pixel_rules._rules(np.zeros((30, 40), dtype=bool), 10, 2) == []
