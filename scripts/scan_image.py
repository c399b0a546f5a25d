"""Image functions shared by the scan builders: render a PDF page like a scanner, degrade it, and
put on it what lands on paper after printing — intake stamps, handwritten notes, a logo.

Used by ``build_scans.py`` (the committed scans in ``fixtures/scans``) and by the
``letter-scan`` family of ``generate_variants.py``. Everything takes its randomness from the
generator passed in, so the same seed gives the same pixels.
"""

from __future__ import annotations

import io
import math
import random

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

#: JPEG quality of the page images: the usual setting of office scanners' "small file" mode.
JPEG_QUALITY = 60
#: Stamp inks: the red and blue of office stamp pads.
STAMP_INKS = ((196, 36, 48), (38, 62, 178), (150, 30, 120))
#: Pen inks for notes: blue ballpoint, dark grey pencil, green (a reviewer's pen).
PEN_INKS = ((30, 50, 160), (70, 70, 70), (20, 120, 60))
_MONTHS = ("JAN", "FEB", "MRZ", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")
_FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def render_page(page: pdfium.PdfPage, dpi: int, grey: bool) -> Image.Image:
    """The page as a scanner would capture it: greyscale or RGB at ``dpi``."""
    image = page.render(scale=dpi / 72, may_draw_forms=True).to_pil()
    return image.convert("L" if grey else "RGB")


def degrade(image: Image.Image, angle: float, rng: np.random.Generator, noise_level: float = 6.0) -> Image.Image:
    """Rotate slightly, add sensor noise and specks, tint the paper, blur like optics do."""
    fill: int | tuple[int, int, int] = 255 if image.mode == "L" else (255, 255, 255)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    pixels = np.asarray(image).astype(np.int16)
    # Sensor noise on one channel shared by all colours (scanners' noise is mostly luminance);
    # the optics' blur comes after it, which also keeps the JPEG small.
    noise = rng.normal(0.0, noise_level, size=pixels.shape[:2]).astype(np.int16)
    pixels = pixels + (noise if pixels.ndim == 2 else noise[:, :, None])
    # A few dark specks (dust on the glass).
    height, width = pixels.shape[:2]
    for _ in range(40):
        y, x = int(rng.integers(0, height - 3)), int(rng.integers(0, width - 3))
        pixels[y : y + 2, x : x + 2] = 60
    # Recycled paper: slightly warm, slightly dark.
    tint = np.array([6, 8, 18], dtype=np.int16) if pixels.ndim == 3 else np.int16(8)
    pixels = pixels - tint
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.filter(ImageFilter.GaussianBlur(0.8))


def black_and_white(image: Image.Image) -> Image.Image:
    """A greyscale scan as a black-and-white scanner's mode gives it: every pixel black or white
    (threshold at mid-grey), kept as greyscale so that it is stored like the other pages."""
    return image.point(lambda value: 0 if value < 140 else 255)


def jpeg_bytes(image: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    """The image as a baseline JPEG (deterministic for a given libjpeg)."""
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()


# --------------------------------------------------------------------------
# Marks made on the paper after printing
# --------------------------------------------------------------------------


def _ink(image: Image.Image, colour: tuple[int, int, int]) -> tuple[int, int, int] | int:
    """``colour`` as the image's mode holds it (its luminance on a greyscale page)."""
    if image.mode == "L":
        red, green, blue = colour
        return round(0.299 * red + 0.587 * green + 0.114 * blue)
    return colour


def _multiply(image: Image.Image, layer: Image.Image, mask: Image.Image, left: int, top: int) -> None:
    """Put ``layer`` on ``image`` at (left, top) where ``mask`` is set, darkening like ink on paper."""
    box = (left, top, left + layer.width, top + layer.height)
    under = image.crop(box)
    from PIL import ImageChops

    under.paste(ImageChops.multiply(under, layer.convert(image.mode)), (0, 0), mask)
    image.paste(under, box)


def stamp_text(rng: random.Random, body: str) -> tuple[str, str, str]:
    """The three lines of an intake stamp: the office, "Eingang", a date."""
    year = rng.randint(2021, 2025)
    date = f"{rng.randint(1, 28):02d}. {rng.choice(_MONTHS)} {year}"
    office = rng.choice((f"Bezirksvertretung {body}", "Stadt " + body, "Büro des Oberbürgermeisters", "Ratsbüro"))
    return office, rng.choice(("Eingang", "eingegangen", "EINGANG")), date


def draw_stamp(
    image: Image.Image,
    rng: random.Random,
    dpi: int,
    lines: tuple[str, str, str],
    near: tuple[float, float] | None = None,
) -> tuple[int, int]:
    """An intake stamp (rectangle or oval frame, three lines of text, tilted) in red or blue ink;
    returns its centre in pixels. It is put over the top right quarter, where it overlaps the
    address block or the date line, as stamps do, or centred on ``near`` (pixels)."""
    mm = dpi / 25.4
    font = ImageFont.truetype(_FONT_BOLD, max(8, round(rng.uniform(2.6, 3.6) * mm)))
    small = ImageFont.truetype(_FONT_BOLD, max(7, round(rng.uniform(2.0, 2.6) * mm)))
    width, height = round(rng.uniform(48, 62) * mm), round(rng.uniform(22, 28) * mm)
    layer = Image.new("RGB", (width, height), (255, 255, 255))
    mask = Image.new("L", (width, height), 0)
    colour = rng.choice(STAMP_INKS)
    stroke = max(2, round(0.6 * mm))
    shape = rng.choice(("rect", "oval"))
    for target, fill in ((layer, colour), (mask, 255)):
        draw = ImageDraw.Draw(target)
        frame = (stroke, stroke, width - stroke, height - stroke)
        if shape == "rect":
            draw.rectangle(frame, outline=fill, width=stroke)
        else:
            draw.ellipse(frame, outline=fill, width=stroke)
        for row, (text, face) in enumerate(zip(lines, (small, font, font), strict=True)):
            draw.text((width / 2, height * (0.28 + 0.24 * row)), text, fill=fill, font=face, anchor="mm")
    # A stamp pad inks unevenly: knock holes into the impression.
    holes = np.asarray(mask).copy()
    speckle = np.random.default_rng(rng.randrange(2**32)).random(holes.shape) < 0.12
    holes[speckle] = 0
    mask = Image.fromarray(holes)
    angle = rng.choice((-1, 1)) * rng.uniform(2.0, 14.0)
    layer = layer.rotate(angle, expand=True, fillcolor=(255, 255, 255), resample=Image.Resampling.BICUBIC)
    mask = mask.rotate(angle, expand=True, fillcolor=0, resample=Image.Resampling.BICUBIC)
    if near is None:
        left = round(image.width * rng.uniform(0.48, 0.62))
        top = round(image.height * rng.uniform(0.06, 0.26))
    else:
        left, top = max(0, round(near[0] - layer.width / 2)), max(0, round(near[1] - layer.height / 2))
    left, top = min(left, image.width - layer.width - 1), min(top, image.height - layer.height - 1)
    _multiply(image, layer, mask, left, top)
    return left + layer.width // 2, top + layer.height // 2


def _stroke_points(rng: random.Random, x: float, y: float, length: float, mm: float) -> list[tuple[float, float]]:
    """A pen stroke: a random walk along a direction, wavy like handwriting."""
    heading = rng.uniform(-0.5, 0.5)
    points = [(x, y)]
    steps = max(4, int(length / (1.2 * mm)))
    for step in range(steps):
        heading += rng.uniform(-0.6, 0.6)
        heading = max(-1.2, min(1.2, heading))
        wave = math.sin(step * rng.uniform(1.2, 2.4)) * rng.uniform(0.5, 2.0) * mm
        x += math.cos(heading) * 1.2 * mm
        y += math.sin(heading) * 1.2 * mm * 0.4 + wave * 0.5
        points.append((x, y))
    return points


def draw_handwriting(image: Image.Image, rng: random.Random, dpi: int) -> None:
    """Handwritten notes: a few wavy lines of "writing" in a margin, an underline or a tick over
    the text, and scribbled initials with a short date near the foot of the page."""
    mm = dpi / 25.4
    colour = _ink(image, rng.choice(PEN_INKS))
    draw = ImageDraw.Draw(image)
    width = max(2, round(rng.uniform(0.3, 0.5) * mm))
    # A note in the left or right margin, or across the top.
    where = rng.choice(("left", "right", "top"))
    for line in range(rng.randint(1, 3)):
        if where == "top":
            x, y, length = rng.uniform(20, 90) * mm, (8 + 6 * line) * mm, rng.uniform(30, 70) * mm
        else:
            x = (rng.uniform(3, 8) if where == "left" else rng.uniform(175, 185)) * mm
            y, length = rng.uniform(60, 220) * mm + 7 * line * mm, rng.uniform(12, 22) * mm
        draw.line(_stroke_points(rng, x, y, length, mm), fill=colour, width=width, joint="curve")
    # A mark over the text: an underline or a big tick.
    x, y = rng.uniform(30, 120) * mm, rng.uniform(90, 230) * mm
    if rng.random() < 0.5:
        draw.line([(x, y), (x + rng.uniform(30, 70) * mm, y + rng.uniform(-2, 2) * mm)], fill=colour, width=width)
    else:
        draw.line([(x, y), (x + 3 * mm, y + 4 * mm), (x + 10 * mm, y - 8 * mm)], fill=colour, width=width)
    # Initials: two loops and a flourish, about a centimetre high.
    x, y = rng.uniform(120, 170) * mm, rng.uniform(240, 275) * mm
    for _ in range(2):
        loop = [
            (x + math.cos(t / 3) * rng.uniform(2, 4) * mm + t * 0.5 * mm, y + math.sin(t / 3) * rng.uniform(4, 6) * mm)
            for t in range(22)
        ]
        draw.line(loop, fill=colour, width=width, joint="curve")
        x += rng.uniform(8, 12) * mm
    draw.line(_stroke_points(rng, x, y, rng.uniform(10, 18) * mm, mm), fill=colour, width=width)


def draw_logo(image: Image.Image, rng: random.Random, dpi: int) -> None:
    """A letterhead logo: a filled disc or shield with a white bar through it, top left or right."""
    mm = dpi / 25.4
    colour = _ink(image, rng.choice((*STAMP_INKS, (30, 30, 30))))
    size = rng.uniform(10, 15) * mm
    # Beside the letterhead, in the left margin or at the right end, clear of its text.
    x = (rng.uniform(4, 8) if rng.random() < 0.5 else rng.uniform(190, 196) - size / mm) * mm
    y = rng.uniform(5, 9) * mm
    draw = ImageDraw.Draw(image)
    if rng.random() < 0.5:
        draw.ellipse((x, y, x + size, y + size), fill=colour)
    else:
        draw.polygon(
            [(x, y), (x + size, y), (x + size, y + 0.6 * size), (x + size / 2, y + size), (x, y + 0.6 * size)],
            fill=colour,
        )
    white = 255 if image.mode == "L" else (255, 255, 255)
    draw.rectangle((x + 0.2 * size, y + 0.42 * size, x + 0.8 * size, y + 0.55 * size), fill=white)


# --------------------------------------------------------------------------
# The "office" wear profile: what real office and archive scans go through
# --------------------------------------------------------------------------

#: Resolutions an office scanner's "document" mode captures at (the render's dpi).
OFFICE_DPIS = (150, 200)
#: JPEG qualities of a scanner's smallest-file setting.
OFFICE_JPEG = (30, 50)
#: Angle (degrees) a page fed by hand or through a worn feeder lies at.
OFFICE_ANGLE = (1.0, 3.0)
#: Share of greyscale pages a black-and-white scanner stores dithered (its halftone mode).
DITHER_SHARE = 0.2


def photocopy(image: Image.Image, rng: random.Random, nrng: np.random.Generator) -> Image.Image:
    """The page as a copy of a copy: each of one to three generations blurs the print and sets
    it again with the copier's hard contrast around its own threshold (a high threshold
    thickens strokes until counters fill, a low one thins them until they break), and the toner
    runs out in soft patches and single pixels."""
    pixels = np.asarray(image).astype(np.float32)
    # One threshold for the whole copy: a copier's darkness setting stays for all generations.
    threshold = rng.choice((rng.uniform(135.0, 150.0), rng.uniform(160.0, 190.0)))
    for _ in range(rng.randint(1, 2)):
        blurred = np.asarray(
            Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).filter(
                ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9))
            )
        ).astype(np.float32)
        pixels = 255.0 / (1.0 + np.exp(-(blurred - threshold) / rng.uniform(8.0, 16.0)))
    grey = pixels if pixels.ndim == 2 else pixels.mean(axis=2)
    ink = grey < 128
    # Patches where the drum gave little toner: a coarse random field, smoothed up to page size.
    coarse = nrng.random((max(2, image.height // 90), max(2, image.width // 90)))
    field = (
        np.asarray(
            Image.fromarray((coarse * 255).astype(np.uint8)).resize(image.size, Image.Resampling.BICUBIC)
        ).astype(np.float32)
        / 255.0
    )
    pale = np.clip((rng.uniform(0.15, 0.3) - field) * 3.0, 0.0, 0.55)
    lift = (255.0 - pixels) * (pale if pixels.ndim == 2 else pale[:, :, None])
    pixels = pixels + lift
    dropped = ink & (nrng.random(ink.shape) < rng.uniform(0.02, 0.08))
    pixels[dropped] = 225.0
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def bleed_through(image: Image.Image, rng: random.Random) -> Image.Image:
    """The back page's print showing through thin paper: the page mirrored, shifted, blurred and
    laid faintly under the front (a back page is printed in the same layout)."""
    from PIL import ImageChops, ImageOps

    back = ImageOps.mirror(image).filter(ImageFilter.GaussianBlur(rng.uniform(1.2, 2.5)))
    shift = round(rng.uniform(-0.03, 0.03) * image.height)
    back = ImageChops.offset(back, 0, shift)
    strength = rng.uniform(0.15, 0.3)
    faint = back.point(lambda value: round(255 - (255 - value) * strength))
    return ImageChops.multiply(image, faint)


def uneven_light(image: Image.Image, rng: random.Random) -> Image.Image:
    """Grey recycled paper under a scanner lamp that lights the page unevenly: the paper is
    darker on one side and towards the corners."""
    width, height = image.size
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    paper = rng.uniform(0.78, 0.94)
    slope_x, slope_y = rng.uniform(-0.15, 0.15), rng.uniform(-0.12, 0.12)
    across = 1.0 + slope_x * (xs / width - 0.5) + slope_y * (ys / height - 0.5)
    corners = 1.0 - rng.uniform(0.04, 0.14) * (((xs / width - 0.5) ** 2 + (ys / height - 0.5) ** 2) * 2.0)
    light = paper * across * corners
    pixels = np.asarray(image).astype(np.float32)
    pixels = pixels * (light if pixels.ndim == 2 else light[:, :, None])
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def perspective(image: Image.Image, rng: random.Random) -> Image.Image:
    """A page not flat on the glass (or photographed): its corners moved by up to 0.6 % of the
    page, so that lines tilt a little differently at the top and the bottom."""
    width, height = image.size
    move = 0.006 * min(width, height)

    def corner(x: float, y: float) -> tuple[float, float]:
        return x + rng.uniform(-move, move), y + rng.uniform(-move, move)

    quad = (*corner(0, 0), *corner(0, height), *corner(width, height), *corner(width, 0))
    fill: int | tuple[int, int, int] = 255 if image.mode == "L" else (255, 255, 255)
    return image.transform(image.size, Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=fill)


def dither(image: Image.Image) -> Image.Image:
    """A black-and-white scanner's halftone mode: the paper's level set to white (the scanner's
    brightness setting), then every pixel black or white, the greys spread as error-diffused
    dots (kept as greyscale, stored like the other pages)."""
    grey = np.asarray(image.convert("L")).astype(np.float32)
    paper = max(float(np.percentile(grey, 90)), 1.0)
    levelled = Image.fromarray(np.clip(grey * 255.0 / paper, 0, 255).astype(np.uint8))
    return levelled.convert("1").convert("L")


def office_wear(
    image: Image.Image, rng: random.Random, nrng: np.random.Generator, angle: float, noise_level: float
) -> Image.Image:
    """The page after the office profile's life: copied (:func:`photocopy`), printed on thin
    grey paper (:func:`bleed_through`, :func:`uneven_light`), not flat on the glass
    (:func:`perspective`), turned by ``angle``, and the scanner's noise and blur (:func:`degrade`);
    some greyscale pages dithered (:func:`dither`)."""
    if rng.random() < 0.8:
        image = photocopy(image, rng, nrng)
    if rng.random() < 0.6:
        image = bleed_through(image, rng)
    image = uneven_light(image, rng)
    image = perspective(image, rng)
    image = degrade(image, angle, nrng, noise_level=noise_level)
    if image.mode == "L" and rng.random() < DITHER_SHARE:
        image = dither(image)
    return image
