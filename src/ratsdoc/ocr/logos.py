"""A letterhead set as a picture: the city's or group's name in a logo image at the top of page 1
("Stadt Erlangen" beside its squares) with no text of the layer over it. The issuer of a paper or
of minutes may be printed nowhere else, so the logo's words are read by OCR, as one line over
the logo, and handed on beside the layout's lines (:attr:`~ratsdoc.regions.Layout.logo_lines`),
not among them: a logo is no part of the running text, and its OCR must not displace a sender
set in type ("STADTRATS FRAKTION RLANGEN" for "CSU-Stadtratsfraktion Erlangen"). The meeting
reader reads the issuer from it where the head names none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..issues import Issue, IssueCode
from .bands import shifted
from .resolution import note_dpi

if TYPE_CHECKING:
    from PIL import Image

    from ..layout.model import Box, Page
    from .engine import OcrBackend
    from .tsv import OcrWord

#: A letterhead's logo stands in this share of the page from its top.
LOGO_BAND = 0.2
#: A logo is at least this wide (points) and at most this share of the page's width (a banner
#: over the whole head is a picture, not a name), and this high (points).
LOGO_WIDTH, LOGO_WIDTH_SHARE = 40.0, 0.5
LOGO_HEIGHT = (15.0, 120.0)
#: Logos read per document (a city's and a department's, side by side).
MAX_LOGOS = 2
#: Page segmentation mode: "sparse text", for words that stand apart among a logo's graphics.
LOGO_PSM = "11"
#: Confidence a logo's word needs: Tesseract reads a coat of arms and a grid of squares as
#: words at 0-60 and the names beside them at 90-97 (the Erlangen logos).
LOGO_ACCEPT = 80.0
#: A logo's word has this many letters, and letters make this share of it ("Stadt", not "25%,").
MIN_LETTERS, LETTER_SHARE = 3, 0.8
#: White margin (pixels) around a logo's crop, so that no glyph touches the image's edge.
MARGIN = 12


def letterhead_logos(page: Page) -> tuple[Box, ...]:
    """The images of ``page`` that may be a letterhead's logo: in the top :data:`LOGO_BAND`, of a
    logo's size, and with no visible char of the layer on them (text over an image is the layer's
    own: a shaded heading)."""
    chars = [((c.x0 + c.x1) / 2, (c.top + c.bottom) / 2) for c in page.chars if not c.text.isspace()]

    def bare(box: Box) -> bool:
        return not any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in chars)

    found = [
        box
        for box in page.images
        if box[3] <= LOGO_BAND * page.height
        and LOGO_WIDTH <= box[2] - box[0] <= LOGO_WIDTH_SHARE * page.width
        and LOGO_HEIGHT[0] <= box[3] - box[1] <= LOGO_HEIGHT[1]
    ]
    return tuple(sorted(box for box in found if bare(box))[:MAX_LOGOS])


def _worded(word: OcrWord) -> bool:
    letters = sum(ch.isalpha() for ch in word.text)
    return word.confidence >= LOGO_ACCEPT and letters >= MIN_LETTERS and letters >= LETTER_SHARE * len(word.text)


def logo_words(image: Image.Image, dpi: int, boxes: Sequence[Box], engine: OcrBackend) -> list[OcrWord]:
    """The words of the logos ``boxes`` (points) of ``image`` (the page at ``dpi``), each logo's
    words laid on one line from where its first word stands: a logo stacks its name ("Stadt" over
    "Erlangen"), which is one name, not two lines of text."""
    scale = dpi / 72
    found: list[OcrWord] = []
    for x0, top, x1, bottom in boxes:
        left, upper = max(int(x0 * scale) - MARGIN, 0), max(int(top * scale) - MARGIN, 0)
        crop = image.crop(
            (left, upper, min(int(x1 * scale) + MARGIN, image.width), min(int(bottom * scale) + MARGIN, image.height))
        )
        words = sorted(
            (w for w in shifted(engine.recognise(note_dpi(crop, dpi), psm=LOGO_PSM), left, upper) if _worded(w)),
            key=lambda w: (w.line_top, w.left),
        )
        if not words:
            continue
        first = words[0]
        height = max(w.height for w in words)
        gap = max(height // 3, 1)
        # Laid side by side, a stacked name is wider than its logo: squeezed to end where it does.
        room = int(x1 * scale) - first.left
        wide = sum(w.width for w in words) + gap * (len(words) - 1)
        squeeze = min(1.0, room / wide) if room > 0 else 1.0
        x = first.left
        for word in words:
            width = max(int(word.width * squeeze), 1)
            top = first.top
            found.append(
                replace(word, left=x, top=top, width=width, height=height, line_top=top, line_bottom=top + height)
            )
            x += width + max(int(gap * squeeze), 1)
    return found


def logo_read(number: int, words: int, engine: str) -> Issue:
    """The note that ``words`` words of page ``number``'s letterhead were read from its logo."""
    return Issue(
        IssueCode.LOGO_READ,
        f"page {number}: the letterhead is a picture; {words} word(s) were read from it with {engine}",
        number,
    )
