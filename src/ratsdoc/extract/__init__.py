"""Fourth stage: field extractors read the layout through a profile and fill the contract."""

from __future__ import annotations

from ..profile import Profile
from ..regions import Layout
from .checkboxes import extract_checkboxes
from .consultations import extract_consultations
from .context import Context, Fields
from .cover import extract_cover
from .finances import extract_finances
from .sections import extract_attachments, extract_justification, extract_links, extract_resolution

__all__ = ["Fields", "extract_fields"]


def extract_fields(layout: Layout, profile: Profile) -> Fields:
    """Run every extractor in a fixed order; later ones may skip lines earlier ones claimed."""
    ctx = Context(layout=layout, profile=profile)
    extract_consultations(ctx)
    extract_checkboxes(ctx)
    extract_finances(ctx)
    extract_cover(ctx)
    extract_resolution(ctx)
    extract_attachments(ctx)
    extract_justification(ctx)
    extract_links(ctx)
    return ctx.fields
