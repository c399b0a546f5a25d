"""The rule filter and the local threshold of ocr/filters.py, which touch only the rows that hold
a rule and count in 8 bits, give what their plain whole-page forms give, pixel for pixel."""

from __future__ import annotations

import pytest

from ratsdoc.ocr import filters as ocr_filters

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")
ImageFilter = pytest.importorskip("PIL.ImageFilter")


def _plain_without_rules(image: Image.Image, dpi: int) -> np.ndarray:
    """Rules and their fringes painted white with masks over the whole page."""
    pixels = np.asarray(image).copy()
    ink = pixels < 160
    longest = int(ocr_filters.RULE_LENGTH * dpi / 72)
    fringe = max(1, round(ocr_filters.RULE_FRINGE * dpi / 72))
    for axis_ink, view in ((ink, pixels), (ink.T, pixels.T)):
        rule = ocr_filters._long_runs(axis_ink, longest)
        edge = rule.copy()
        for step in range(1, fringe + 1):
            edge[step:] |= rule[:-step]
            edge[:-step] |= rule[step:]
        view[rule] = 255
        view[edge & (view >= ocr_filters.FRINGE_LEVEL)] = 255
    return pixels


def _plain_binarize(image: Image.Image, dpi: int) -> np.ndarray:
    pixels = np.asarray(image, dtype=np.int16)
    radius = max(2, round(ocr_filters._LOCAL_RADIUS * dpi / ocr_filters.OCR_DPI))
    local = np.asarray(image.filter(ImageFilter.BoxBlur(radius)), dtype=np.int16)
    return np.where((pixels < local - 20) | (pixels < 90), 0, 255).astype(np.uint8)


def _form(seed: int) -> Image.Image:
    """A page of grey noise and dark blobs with rules: at the edges of the page (their fringe
    leaves it), grey fringes beside them, crossing ones, and a dark area darker than 20."""
    rng = np.random.default_rng(seed)
    pixels = rng.integers(60, 256, size=(260, 330)).astype(np.uint8)
    pixels[rng.random(pixels.shape) < 0.3] = 255
    pixels[0:2, 5:320] = 20  # a rule on the top edge
    pixels[100:103, 0:330] = 30
    pixels[99, 0:330] = 140  # its grey fringe above, and a darker letter stroke touching it
    pixels[98:104, 50] = 60
    pixels[259, 40:250] = 10  # on the bottom edge
    pixels[20:250, 200:202] = 25  # a vertical rule crossing the horizontal one
    pixels[20:250, 202] = 130
    pixels[10:240, 329] = 0  # on the right edge
    pixels[150:200, 100:180] = 5  # a filled area darker than 20
    return Image.fromarray(pixels)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_without_rules_matches_whole_page_masks(seed: int, dpi: int) -> None:
    image = _form(seed)
    assert np.array_equal(np.asarray(ocr_filters.without_rules(image, dpi)), _plain_without_rules(image, dpi))


def test_without_rules_leaves_a_page_without_rules_alone() -> None:
    image = Image.fromarray(np.full((50, 60), 200, dtype=np.uint8))
    assert np.array_equal(np.asarray(ocr_filters.without_rules(image, 300)), np.asarray(image))


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("dpi", [150, 300])
def test_binarize_in_8_bits_matches_the_16_bit_form(seed: int, dpi: int) -> None:
    image = _form(seed)
    assert np.array_equal(np.asarray(ocr_filters.binarize(image, dpi)), _plain_binarize(image, dpi))
