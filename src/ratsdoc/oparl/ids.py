"""Identifiers of the OParl objects ratsdoc writes: stable URNs from a file's SHA-256, or URLs.

OParl wants every object to have an ``id`` that names it for good (spec 2-03). A parsed file
has no server address, so without a base URL the id is a URN built from the SHA-256 of the
file's bytes: the same PDF gets the same id on every machine and in every run. With a base URL
(``--base-url https://example.org/oparl``) the ids are URLs under it, ready to be served.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The namespace of ratsdoc's URNs ("urn:ratsdoc:paper:<sha256>").
URN_PREFIX = "urn:ratsdoc"

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """``text`` as a lower-case id part of letters, digits and hyphens ("Stadt Erfurt" → "stadt-erfurt")."""
    folded = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return _SLUG_DROP.sub("-", folded).strip("-") or "body"


@dataclass(frozen=True)
class IdScheme:
    """Builds the ids: URNs when ``base_url`` is None, else URLs below it."""

    base_url: str | None = None

    def _join(self, *parts: str) -> str:
        if self.base_url is None:
            return ":".join((URN_PREFIX, *parts))
        return "/".join((self.base_url.rstrip("/"), *parts))

    def system(self) -> str:
        """The System object."""
        return self._join("system")

    def bodies(self) -> str:
        """The System's list of bodies."""
        return self._join("body")

    def body(self, body: str) -> str:
        """A Body, by its slug."""
        return self._join("body", body)

    def body_list(self, body: str, kind: str) -> str:
        """The external list ``kind`` ("paper", "meeting", ...) of a Body."""
        return self._join("body", body, kind)

    def paper(self, sha256: str) -> str:
        """The Paper read from the file with this SHA-256."""
        return self._join("paper", sha256)

    def meeting(self, sha256: str) -> str:
        """The Meeting read from the file with this SHA-256."""
        return self._join("meeting", sha256)

    def part(self, parent: str, kind: str, index: int) -> str:
        """A numbered part of an object (its consultations, agenda items), counted from 1."""
        separator = ":" if self.base_url is None else "/"
        return f"{parent}{separator}{kind}{separator}{index}"

    def file(self, sha256: str) -> str:
        """The File object of the PDF with this SHA-256."""
        return self._join("file", sha256)

    def access_url(self, sha256: str) -> str:
        """Where the PDF can be fetched: a URL under the base, else its content-addressed URN."""
        if self.base_url is None:
            return self.file(sha256)
        return self._join("file", f"{sha256}.pdf")
