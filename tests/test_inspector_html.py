"""``ratsdoc inspect -o OUT.html``: a standalone page whose boxes and JSON light up together.

The browser tests open the file in headless Chromium (Debian's ``chromium``, which ``.ci/run``
installs) and look at its screenshot; they skip when no Chromium is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from ratsdoc.cli import main
from ratsdoc.inspector import marks_on, render_pages
from ratsdoc.inspector_html import HIGHLIGHT, PAGE_GAP, html_report, inspect_html
from ratsdoc.issues import Issue, IssueCode
from ratsdoc.models import ResolutionItem
from ratsdoc.trace import Trace

from .conftest import FIXTURES

Image = pytest.importorskip("PIL.Image")
PAPER = FIXTURES / "erfurt-0112-23-glyphs.pdf"
DPI = 72
#: What a hostile PDF might put in a value: markup, a script, an attribute break-out.
HOSTILE = '</div><script>document.body.setAttribute("data-pwned","1")</script><img src=x onerror="alert(1)">"'


class _Elements(HTMLParser):
    """The start tags of an HTML text with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


@cache
def _report(name: str = PAPER.name) -> tuple[str, Trace]:
    return inspect_html(FIXTURES / name, dpi=DPI)


def _hostile() -> str:
    """The report of the paper with hostile text in its title, an item and a warning."""
    t = _report()[1]
    document = t.document.model_copy(
        update={
            "title": HOSTILE,
            "resolution_proposal": [ResolutionItem(number="<b>1</b>", text=HOSTILE)],
            "warnings": [HOSTILE],
        }
    )
    issue = Issue(IssueCode.CHECKBOX_STATE_UNKNOWN, HOSTILE, page=1, field="title")
    _, images = _images()
    return html_report(replace(t, document=document, issues=[issue]), images.items(), DPI / 72, title=HOSTILE)


@cache
def _images() -> tuple[Trace, dict[int, Any]]:
    t, images = render_pages(PAPER, None, [1], DPI)
    return t, dict(images)


def test_every_box_of_the_page_has_its_json_element() -> None:
    html, t = _report()
    tags = _elements(html)
    boxes = {a["id"]: a["data-path"] for tag, a in tags if tag == "g" and "box" in (a.get("class") or "")}
    linked = {a["data-path"]: (a.get("data-boxes") or "").split() for tag, a in tags if a.get("data-path") is not None}
    assert len([tag for tag, _ in tags if tag == "img"]) == t.document.page_count == 3
    # Every field and part with a box is an element of the JSON naming that box.
    for path in [*t.document.provenance, *t.items]:
        assert linked[path], path
        assert all(boxes[ident] == path for ident in linked[path])
    assert {"consultations[1]", "checkboxes[0].options[1]", "finances.rows[0].amounts.2023"} <= set(linked)
    assert set(boxes.values()) <= set(linked)
    # A field's provenance entry points at the field's boxes; its page entries do not point at parts.
    assert linked["provenance.title"] == linked["title"]
    assert linked["provenance.consultations[0]"] == [] and linked["consultations[0]"]
    # Nothing is loaded from elsewhere: pictures are data URIs, style and script inline.
    assert all((a.get("src") or "").startswith("data:image/png;base64,") for tag, a in tags if tag == "img")
    assert not [a for tag, a in tags if tag in ("link", "iframe") or (tag == "script" and a.get("src"))]
    references = [v for _, a in tags for k, v in a.items() if k in ("src", "href", "xlink:href", "action")]
    assert references and all((v or "").startswith("data:") for v in references)
    assert "url(" not in html.split("<body>")[0] and "@import" not in html


def test_hostile_text_stays_text() -> None:
    html = _hostile()
    tags = _elements(html)
    assert [tag for tag, _ in tags].count("script") == 1
    assert [tag for tag, _ in tags].count("img") == 1  # the page, not the hostile <img>
    assert not any("onerror" in attrs for _, attrs in tags)
    assert HOSTILE not in html and "&lt;script&gt;" in html
    # The only script is the report's own, allowed by its hash.
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", html)


def test_warnings_are_marked_on_the_page() -> None:
    html, t = _report()
    issue = Issue(IssueCode.CHECKBOX_STATE_UNKNOWN, "a box is unclear", page=1, field="title")
    page_wide = Issue(IssueCode.SHAPES_CUT, "too many shapes", page=1)
    document = t.document.model_copy(update={"warnings": ["a box is unclear", "too many shapes"]})
    _, images = _images()
    warned = html_report(replace(t, document=document, issues=[issue, page_wide]), images.items(), DPI / 72)
    tags = _elements(warned)
    marks = [a for tag, a in tags if tag == "g" and "warn" in (a.get("class") or "")]
    assert sorted(a["data-path"] or "" for a in marks) == ["warnings[0]", "warnings[1]"]
    linked = {a["data-path"]: a.get("data-boxes") for tag, a in tags if a.get("data-path") is not None}
    assert linked["warnings[0]"] and linked["warnings[1]"]
    assert not [a for tag, a in _elements(html) if tag == "g" and "warn" in (a.get("class") or "")]


def test_inspect_writes_html_and_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "paper.html"
    assert main(["inspect", str(PAPER), "--page", "2", "--dpi", "40", "-o", str(out)]) == 0
    tags = _elements(out.read_text(encoding="utf-8"))
    assert [a.get("alt") for tag, a in tags if tag == "img"] == ["page 2"]
    assert main(["inspect", str(PAPER), "--dpi", "40", "-o", str(out)]) == 0
    assert len([tag for tag, _ in _elements(out.read_text(encoding="utf-8")) if tag == "img"]) == 3
    assert main(["inspect", str(PAPER), "--page", "9", "-o", str(out)]) == 2
    assert "no page 9" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.html"]


# The browser.


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium or chromium-browser on PATH (.ci/run installs Debian's chromium)")


def _browse(page: Path, fragment: str, *, out: Path | None = None) -> str:
    """Open ``page`` (with ``#fragment``) in headless Chromium: a 1400x1000 screenshot to
    ``out``, else the DOM after the page's script ran."""
    command = [
        _chromium(),
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1400,1000",
        f"--user-data-dir={page.parent / 'profile'}",
        f"--screenshot={out}" if out else "--dump-dom",
        page.as_uri() + (f"#{fragment}" if fragment else ""),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _magenta(image: Any, box: tuple[int, int, int, int]) -> int:
    """Pixels of the highlight's outline colour within ``box`` (left, top, right, bottom)."""
    data = image.convert("RGB").crop(box).tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if abs(r - HIGHLIGHT[0]) + abs(g - HIGHLIGHT[1]) + abs(b - HIGHLIGHT[2]) < 60)


def test_browser_shows_the_page_and_highlights_a_field(tmp_path: Path) -> None:
    page = tmp_path / "paper.html"
    html, t = _report()
    page.write_text(html, encoding="utf-8")
    # The script ran: it marks the body and gives the place of the highlighted box.
    dom = _browse(page, "highlight=title")
    body = _elements(dom)[[tag for tag, _ in _elements(dom)].index("body")][1]
    assert body.get("data-ready") == "1" and body.get("data-highlighted") == "title"
    assert _lit(dom) == [("div", "title"), ("g", "title")]  # the JSON member and its box
    left, top, width, height = (int(v) for v in (body.get("data-highlight-rect") or "").split(","))
    title = t.document.provenance["title"][0].bbox
    scale = DPI / 72
    grow = 1.5  # the box is drawn 2 pt * 0.75 outside the words
    assert abs(left - (PAGE_GAP + title.x0 * scale - grow)) <= 2
    assert abs(top - (PAGE_GAP + title.top * scale - grow)) <= 2
    assert abs(width - ((title.x1 - title.x0) * scale + 2 * grow)) <= 3
    shot, plain = tmp_path / "lit.png", tmp_path / "plain.png"
    _browse(page, "highlight=title", out=shot)
    _browse(page, "", out=plain)
    around = (left - 4, top - 4, left + width + 4, top + height + 4)
    with Image.open(shot) as lit, Image.open(plain) as unlit:
        assert lit.size == (1400, 1000)
        # The page picture is there: dark text pixels inside the title box, paper elsewhere.
        inside = unlit.convert("L").crop((left + 4, top + 4, left + width - 4, top + height - 4))
        assert inside.getextrema()[0] < 120
        assert _magenta(lit, around) > 2 * (width + height)  # the outline all around
        assert _magenta(unlit, around) == 0
        # Only the title lights up: the number box (top right of the page) stays as it was.
        number = t.document.provenance["number"][0].bbox
        far = (
            round(PAGE_GAP + number.x0 * scale) - 4,
            round(PAGE_GAP + number.top * scale) - 4,
            round(PAGE_GAP + number.x1 * scale) + 4,
            round(PAGE_GAP + number.bottom * scale) + 4,
        )
        assert _magenta(lit, far) == 0


def test_browser_pointing_at_a_box_lights_its_json(tmp_path: Path) -> None:
    page = tmp_path / "paper.html"
    page.write_text(_report()[0], encoding="utf-8")
    dom = _browse(page, "point=consultations[1]")
    # The row's box and its member; the rest of the table stays as it was.
    assert _lit(dom) == [("div", "consultations[1]"), ("g", "consultations[1]")]
    assert _lit(_browse(page, "")) == []


def _lit(dom: str) -> list[tuple[str, str | None]]:
    """The highlighted elements of a DOM: tag and path."""
    return sorted((tag, a.get("data-path")) for tag, a in _elements(dom) if "hl" in (a.get("class") or "").split())


def test_browser_runs_no_hostile_script(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(_hostile(), encoding="utf-8")
    dom = _browse(page, "highlight=title")
    body = _elements(dom)[[tag for tag, _ in _elements(dom)].index("body")][1]
    assert body.get("data-ready") == "1" and "data-pwned" not in body
    tags = _elements(dom)
    assert [tag for tag, _ in tags].count("img") == 1 and not any("onerror" in attrs for _, attrs in tags)


def test_html_draws_the_boxes_the_png_draws() -> None:
    html, t = _report()
    first = html[html.index('id="page-1"') : html.index('id="page-2"')]
    drawn = [a["data-path"] for tag, a in _elements(first) if tag == "g"]
    assert drawn == [mark.path for mark in marks_on(t, 1)]
    assert drawn.count("title") == 1 and "consultations[0]" in drawn
