"""The table-rule search of ocr/pixel_rules.py, which finds every row's runs at once, gives the
rules a row-by-row search gives, in the same order."""

from __future__ import annotations

import pytest

from ratsdoc.ocr import pixel_rules

np = pytest.importorskip("numpy")


def _plain_rules(ink: np.ndarray, longest: int, slack: int) -> list[tuple[int, int, int, int]]:
    """Every row searched for its runs on its own and linked to the rules of the row above."""
    open_rules: list[list[int]] = []
    done: list[tuple[int, int, int, int]] = []
    for index in range(ink.shape[0]):
        row = ink[index]
        delta = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
        starts, ends = np.nonzero(delta == 1)[0], np.nonzero(delta == -1)[0]
        still: list[list[int]] = []
        for start, end in ((int(s), int(e)) for s, e in zip(starts, ends, strict=True) if e - s >= longest):
            match = next(
                (
                    r
                    for r in open_rules
                    if abs(r[2] - start) <= slack and abs(r[3] - end) <= slack and r[1] == index - 1
                ),
                None,
            )
            if match is not None:
                match[1], match[2], match[3] = index, min(match[2], start), max(match[3], end)
                open_rules.remove(match)
                still.append(match)
            else:
                still.append([index, index, start, end])
        done += [(r[0], r[1], r[2], r[3]) for r in open_rules]
        open_rules = still
    return done + [(r[0], r[1], r[2], r[3]) for r in open_rules]


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
def test_rules_match_a_row_by_row_search(seed: int, longest: int, slack: int) -> None:
    ink = _ruled(seed)
    for view in (ink, ink.T):
        assert pixel_rules._rules(view, longest, slack) == _plain_rules(view, longest, slack)


def test_no_ink_no_rules() -> None:
    assert pixel_rules._rules(np.zeros((30, 40), dtype=bool), 10, 2) == []
