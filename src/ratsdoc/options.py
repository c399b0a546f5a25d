"""ParseOptions: every knob of a parse, with the resource limits and their defaults."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: The time limit of one file, for ``ratsdoc parse`` and ``ratsdoc ingest`` alike (seconds) ...
DEFAULT_MAX_SECONDS = 120.0
#: ... plus this for every page that needs OCR: a scanned page takes Tesseract 2–4 s on one
#: core of a quiet machine and several times that on a loaded one.
OCR_SECONDS_PER_PAGE = 30.0
#: The memory limit of one file for the command line (``ratsdoc parse``, ``inspect`` and
#: ``ingest``), in MB. The library's own default is none: in a host process that runs other
#: work beside a parse, that work's growth would count against the parse (the in-process check
#: watches the resident set; docs/robustness.md, "Limits").
DEFAULT_CLI_MEMORY_MB = 2048


class ParseOptions(BaseModel):
    """Options of :func:`ratsdoc.parse`; all have defaults that suit untrusted input."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    engine: Literal["pdfplumber", "pdfium"] = "pdfium"
    profile: str | None = Field(default=None, description="Force a layout profile (name or TOML file).")
    profile_dirs: tuple[str, ...] = Field(
        default=(), description="Folders of extra TOML profiles that join automatic detection."
    )
    password: str | None = None
    ocr: Literal["auto", "always", "never"] = "auto"
    ocr_workers: int | None = Field(
        default=None, ge=1, description="Scanned pages of one file OCRed at once (None: the CPU count)."
    )
    max_file_size: int = Field(default=200 * 1024 * 1024, ge=1, description="Bytes.")
    max_pages: int = Field(default=500, ge=1)
    max_seconds: float | None = Field(
        default=DEFAULT_MAX_SECONDS,
        gt=0,
        description="Per document, plus ocr_seconds_per_page for every page that needs OCR.",
    )
    ocr_seconds_per_page: float = Field(
        default=OCR_SECONDS_PER_PAGE, ge=0, description="Added to max_seconds for every page that needs OCR."
    )
    max_memory_mb: int | None = Field(default=None, ge=16, description="Per document.")
    max_chars_per_page: int = Field(default=200_000, ge=1)
    max_annotations_per_page: int = Field(default=2_000, ge=1)
