"""The visual inspector as one standalone HTML file: the pages with every box, the JSON beside them.

Each page is a PNG data URI (paled, running headers and footers shaded, body lines numbered in
reading order: :func:`ratsdoc.inspector.shade_page`) under an SVG overlay in PDF points with the
box of every field, part and warning of :mod:`ratsdoc.inspector`. The JSON output is printed
beside the pages, each field and part an element whose ``data-boxes`` name its boxes; pointing
at either highlights both. ``#highlight=PATH`` (or ``#point=PATH``) in the address points at
the path's JSON member (or its first box) on load. The
file loads nothing: its content security policy allows data-URI images and only its own script
(by hash), and all document text is escaped, so a hostile PDF cannot inject markup or code.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from html import escape
from string import Template
from typing import Any

from .inspector import DEFAULT_DPI, FURNITURE, WARNING, Mark, page_marks, page_warnings, render_pages, shade_page
from .options import ParseOptions
from .trace import Trace

#: Outline and fill of a highlighted box and JSON element (tests look for this colour).
HIGHLIGHT = (255, 0, 255)
#: Gap (CSS px) between the window's edge and the first page, and between pages.
PAGE_GAP = 8
#: Width of a label character in points (5.5 pt sans-serif, a little over the average).
LABEL_CHAR = 3.0

_CSS = Template("""
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.35 system-ui, sans-serif; background: #e4e4e4; color: #111; }
main { display: flex; align-items: flex-start; }
#pages { flex: none; padding: ${gap}px ${gap}px 0 ${gap}px; }
.page { position: relative; margin: 0 0 ${gap}px 0; line-height: 0; box-shadow: 0 0 3px #999; }
.page img { display: block; }
.page svg { position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: visible; }
.pno { position: absolute; right: 4px; top: 4px; font: 11px/1 sans-serif; color: #555; }
.box rect { fill: none; stroke: var(--c); stroke-width: 1.5px; vector-effect: non-scaling-stroke; }
.box.part rect { stroke-width: 1px; }
.box.warn rect { stroke-width: 3px; stroke-dasharray: 4 2; }
.box text { fill: var(--c); font: 5.5px sans-serif; paint-order: stroke; stroke: #fff; stroke-width: 1.5px; }
.box { cursor: pointer; }
.box.hl rect { stroke: rgb($hl); stroke-width: 4px; fill: rgba($hl, 0.18); stroke-dasharray: none; }
.box.hl text { fill: rgb($hl); }
#side { flex: 1; min-width: 0; height: 100vh; overflow: auto; position: sticky; top: 0; padding: 8px 12px;
  background: #fff; border-left: 1px solid #bbb; }
#side h1 { font-size: 15px; margin: 0 0 4px 0; word-break: break-all; }
.legend span { display: inline-block; margin-right: 10px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; border: 2px solid; }
#json { font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
.n .n { margin-left: 1.3em; }
.n[data-boxes] > .l { border-bottom: 1px dotted #88a; cursor: pointer; }
.n.hl { background: rgba($hl, 0.15); outline: 2px solid rgb($hl); }
.k { color: #804; } .v { color: #035; }
""").substitute(gap=PAGE_GAP, hl=", ".join(map(str, HIGHLIGHT)))

# Pointing at a JSON element with boxes, or at a box, highlights the element, its boxes and the
# other boxes of its path; a click scrolls the other side to it. ``#highlight=PATH`` highlights
# on load; the body then carries data-ready, data-highlighted and the first box's place
# (data-highlight-rect, CSS px of the document) for tests and tools.
_SCRIPT = """
(function () {
  var body = document.body, lit = [];
  function nodes(path) {
    return Array.prototype.filter.call(document.querySelectorAll("#json .n[data-path]"), function (n) {
      return n.getAttribute("data-path") === path;
    });
  }
  function boxes(path) {
    return Array.prototype.filter.call(document.querySelectorAll("svg .box"), function (b) {
      return b.getAttribute("data-path") === path;
    });
  }
  function clear() {
    lit.forEach(function (e) { e.classList.remove("hl"); });
    lit = [];
  }
  function light(path) {
    clear();
    lit = nodes(path).concat(boxes(path));
    lit.forEach(function (e) {
      e.classList.add("hl");
      if (e.ownerSVGElement) { e.parentNode.appendChild(e); }
    });
    return lit;
  }
  function pathOf(target) {
    var el = target.closest ? target.closest(".box, #json .n[data-boxes]") : null;
    return el ? el.getAttribute("data-path") : null;
  }
  document.addEventListener("mouseover", function (ev) {
    var path = pathOf(ev.target);
    if (path !== null) { light(path); }
  });
  document.addEventListener("mouseout", function (ev) {
    if (pathOf(ev.target) !== null) { clear(); }
  });
  document.addEventListener("click", function (ev) {
    var path = pathOf(ev.target);
    if (path === null) { return; }
    var other = ev.target.closest(".box") ? nodes(path)[0] : boxes(path)[0];
    if (other) { other.scrollIntoView({block: "center"}); }
  });
  var wanted = /^#(highlight|point)=(.+)$/.exec(location.hash);
  if (wanted) {
    var path = decodeURIComponent(wanted[2]);
    // As a pointer would: over the JSON member (#highlight) or over the first box (#point).
    var target = wanted[1] === "point" ? boxes(path)[0] : nodes(path)[0];
    if (target) {
      target.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    } else {
      light(path);
    }
    var first = lit.filter(function (e) { return e.ownerSVGElement; })[0];
    body.setAttribute("data-highlighted", path);
    var node = nodes(path)[0], side = document.getElementById("side");
    if (node) { side.scrollTop = node.offsetTop - side.offsetTop - 40; }
    if (first) {
      var r = first.querySelector("rect").getBoundingClientRect();
      body.setAttribute("data-highlight-rect", [r.left + scrollX, r.top + scrollY, r.width, r.height]
        .map(Math.round).join(","));
    }
  }
  body.setAttribute("data-ready", "1");
})();
"""


def _rgb(colour: tuple[int, int, int]) -> str:
    return f"rgb({colour[0]},{colour[1]},{colour[2]})"


def _png_uri(image: Any) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _box(mark: Mark, ident: str, kind: str, label_x: dict[tuple[int, int], float]) -> str:
    """One box as an SVG group in PDF points; ``kind`` is field, part or warn. Labels of boxes
    that start at one corner are written one after another (``label_x``: the next free x)."""
    grow = (2 + mark.pad) * 0.75  # the PNG's 2 px outside the box, as points at 96 dpi
    x, y = mark.bbox.x0 - grow, mark.bbox.top - grow
    w, h = mark.bbox.x1 - mark.bbox.x0 + 2 * grow, mark.bbox.bottom - mark.bbox.top + 2 * grow
    corner = (round(mark.bbox.x0), round(mark.bbox.top))
    text_x = label_x.get(corner, x)
    label_x[corner] = text_x + LABEL_CHAR * (len(mark.label) + 1)
    return (
        f'<g class="box {kind}" id="{ident}" data-path="{escape(mark.path)}" style="--c:{_rgb(mark.colour)}">'
        f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}"/>'
        f'<text x="{text_x:.2f}" y="{max(5.0, y - 1):.2f}">{escape(mark.label)}</text></g>'
    )


def _page(t: Trace, page: int, image: Any, boxes: dict[str, list[str]], ids: Iterator[int]) -> str:
    """One page: its picture, the SVG overlay of its boxes and its warnings without a field box;
    each box's id (``b`` and the next of ``ids``) is added to ``boxes`` under its path."""
    width, height = t.page_sizes.get(page, (image.size[0] * 0.72, image.size[1] * 0.72))
    placed, listed = page_warnings(t, page)
    svg: list[str] = []
    drawn = [("part" if m.width == 1 else "field", m) for m in page_marks(t, page)]
    label_x: dict[tuple[int, int], float] = {}
    for kind, mark in [*drawn, *(("warn", m) for m in placed)]:
        ident = f"b{next(ids)}"
        boxes[mark.path].append(ident)
        svg.append(_box(mark, ident, kind, label_x))
    shown = t.document.warnings
    # A warning about the whole document (no page) is in the JSON only.
    for row, issue in enumerate(issue for issue in listed if issue.page == page):
        ident = f"b{next(ids)}"
        path = f"warnings[{shown.index(issue.message)}]" if issue.message in shown else ""
        boxes[path].append(ident)
        svg.append(
            f'<g class="box warn" id="{ident}" data-path="{escape(path)}" style="--c:{_rgb(WARNING)}">'
            f'<rect x="2" y="{2 + 8 * row}" width="6" height="6"/>'
            f'<text x="10" y="{7.5 + 8 * row}">! {escape(str(issue.code))}: {escape(issue.message)}</text></g>'
        )
    w, h = image.size
    return (
        f'<div class="page" id="page-{page}"><img src="{_png_uri(image)}" width="{w}" height="{h}" '
        f'alt="page {page}"><svg viewBox="0 0 {width:.2f} {height:.2f}" preserveAspectRatio="none" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(svg)}</svg><span class="pno">{page}</span></div>'
    )


def _tree(value: Any, path: str, key: str | None, last: bool, boxes: dict[str, list[str]], out: list[str]) -> None:
    """``value`` as indented JSON, one element per member with its path and box ids."""
    # A field's provenance entry ("provenance.title") is linked to the field's boxes too.
    field = path.removeprefix("provenance.")
    ids = (boxes.get(path) or (boxes.get(field) if field != path and "[" not in field else None)) if path else None
    attrs = f' data-path="{escape(path)}"' if path else ""
    attrs += f' data-boxes="{" ".join(ids)}"' if ids else ""
    head = f'<span class="k">{escape(json.dumps(key, ensure_ascii=False))}</span>: ' if key is not None else ""
    comma = "" if last else ","
    if isinstance(value, (dict, list)) and value:
        members = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        opening, closing = "{}" if isinstance(value, dict) else "[]"
        out.append(f'<div class="n"{attrs}><span class="l">{head}{opening}</span>')
        for number, (name, member) in enumerate(members):
            if isinstance(value, dict):
                child, label = (f"{path}.{name}" if path else str(name)), str(name)
            else:
                child, label = f"{path}[{name}]", None
            _tree(member, child, label, number == len(members) - 1, boxes, out)
        out.append(f'<span class="l">{closing}{comma}</span></div>')
    else:
        text = escape(json.dumps(value, ensure_ascii=False))
        out.append(f'<div class="n"{attrs}><span class="l">{head}<span class="v">{text}</span>{comma}</span></div>')


def _legend() -> str:
    entries = [("field", (60, 60, 60)), ("part", (120, 120, 120)), ("warning", WARNING), ("header/footer", FURNITURE)]
    spans = "".join(f'<span><i style="border-color:{_rgb(c)}"></i>{name}</span>' for name, c in entries)
    return f'<p class="legend">{spans} · body lines numbered in reading order</p>'


def html_report(t: Trace, images: Iterable[tuple[int, Any]], scale: float, title: str = "") -> str:
    """The standalone HTML of the traced parse ``t`` with ``images`` (page numbers and their
    greyscale renderings at ``scale`` pixels per point, in order; each is encoded in turn)."""
    boxes: dict[str, list[str]] = defaultdict(list)
    ids = itertools.count()
    pages = "".join(_page(t, page, shade_page(image, t, page, scale), boxes, ids) for page, image in images)
    tree: list[str] = []
    _tree(t.document.model_dump(mode="json"), "", None, True, boxes, tree)
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode("ascii")
    policy = f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    name = escape(title or t.document.source.file or "document")
    return (
        f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f"<title>ratsdoc inspect: {name}</title><style>{_CSS}</style></head>\n"
        f'<body><main><div id="pages">{pages}</div>\n<div id="side"><h1>{name}</h1>{_legend()}'
        f'<div id="json">{"".join(tree)}</div></div></main>\n<script>{_SCRIPT}</script></body></html>\n'
    )


def inspect_html(
    source: str | os.PathLike[str] | bytes,
    options: ParseOptions | None = None,
    *,
    pages: list[int] | None = None,
    dpi: int = DEFAULT_DPI,
) -> tuple[str, Trace]:
    """Parse ``source`` and return the standalone inspector HTML of ``pages`` (1-based; None for
    all) with the trace it shows. Raises :class:`~ratsdoc.errors.PageNotFoundError` for a page
    the PDF does not have, and the parse's errors for input that cannot be read."""
    t, images = render_pages(source, options, pages, dpi)
    name = None if isinstance(source, bytes) else os.path.basename(os.fspath(source))
    return html_report(t, images, dpi / 72, name or ""), t
