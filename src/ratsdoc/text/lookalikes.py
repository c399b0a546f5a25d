"""The shapes OCR reads for each other, shipped as data (``lookalikes.toml``), and the snapper
made with them.

One table lists every pair of shapes (an "m" read as "rn", an "l" as "1"); each use names the
pairs it trusts: snapping OCR words to a vocabulary (``snap``), mending a worn copy's broken
strokes (``strokes``, :mod:`ratsdoc.ocr.strokes`) and doubting a misspelt word
(``spelling``, :mod:`ratsdoc.extract.ocr_spelling`). The file is read and checked once.
"""

from __future__ import annotations

import functools
import sys
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .snapper import OCR_ALLOWANCE, Confusions, Snapper

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: A shape: one or two small letters, digits or signs, no space (case is folded before use).
_SHAPE = regex.compile(r"^[^\s\p{Lu}]{1,2}$")


class Use(BaseModel):
    """How one use reads its pairs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    both_ways: bool = Field(description="Whether a pair also stands for `read` printed and read as `printed`.")


class Pair(BaseModel):
    """Two shapes OCR reads for each other: ``printed`` on paper comes out as ``read``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    printed: str = Field(description="The shape on paper.")
    read: str = Field(description="What OCR reads for it.")
    uses: tuple[str, ...] = Field(min_length=1, description="The uses that take the pair.")

    @field_validator("printed", "read")
    @classmethod
    def _one_shape(cls, shape: str) -> str:
        if not _SHAPE.match(shape):
            raise ValueError(f"{shape!r} is no shape of one or two small letters, digits or signs")
        return shape

    @model_validator(mode="after")
    def _two_shapes(self) -> Pair:
        if self.printed == self.read:
            raise ValueError(f"{self.printed!r} is read as itself")
        if len(set(self.uses)) < len(self.uses):
            raise ValueError(f"a use repeats for {self.printed!r}/{self.read!r}")
        return self


class Lookalikes(BaseModel):
    """The table of lookalikes.toml: the uses and every pair of shapes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    uses: dict[str, Use] = Field(min_length=1)
    pair: tuple[Pair, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Lookalikes:
        seen: set[tuple[str, str]] = set()
        for pair in self.pair:
            if (pair.printed, pair.read) in seen:
                raise ValueError(f"the pair {pair.printed!r}/{pair.read!r} repeats")
            seen.add((pair.printed, pair.read))
            unknown = set(pair.uses) - set(self.uses)
            if unknown:
                raise ValueError(f"the pair {pair.printed!r}/{pair.read!r} names no declared use: {sorted(unknown)}")
        for name in self.uses:
            if not self.pairs(name):
                raise ValueError(f"the use {name!r} takes no pair")
        if "snap" in self.uses:
            Confusions(self.pairs("snap"))  # raises when a reading or a sign is ambiguous
        if "strokes" in self.uses and any(len(p) > 1 for pair in self.pairs("strokes") for p in pair):
            raise ValueError("the use 'strokes' changes one letter into one letter only")
        return self

    def pairs(self, use: str) -> tuple[tuple[str, str], ...]:
        """The (printed, read) pairs that ``use`` takes, in the file's order."""
        if use not in self.uses:
            raise KeyError(use)
        return tuple((pair.printed, pair.read) for pair in self.pair if use in pair.uses)


@functools.cache
def lookalikes() -> Lookalikes:
    """The table shipped in lookalikes.toml, validated (read once)."""
    text = resources.files(__package__).joinpath("lookalikes.toml").read_text(encoding="utf-8")
    return Lookalikes.model_validate(tomllib.loads(text))


@functools.cache
def ocr_snapper() -> Snapper:
    """The snapper for words read by OCR: the ``snap`` pairs cost nothing, other errors are
    allowed by the entry's length (:data:`~.snapper.OCR_ALLOWANCE`), and a word that is an entry
    with an ending or cut short snaps to nothing."""
    return Snapper(Confusions(lookalikes().pairs("snap")), OCR_ALLOWANCE, refuse_inflected=True)


@functools.cache
def label_confusions() -> Confusions:
    """The ``labels`` pairs: letters run together in a misread label ("rn" and "in" for "m")."""
    return Confusions(lookalikes().pairs("labels"))
