"""A saved page's HTML as paragraphs: block elements and line breaks end a paragraph; alignment (text-align,
align, <center>), weight, font size and heading level kept as layout; data tables as rows of cells; the site's
furniture (navigation, menus, share bars, footers) and hidden text left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from reader.gazette.text import squash

_SKIP = {"script", "style", "noscript", "head", "title", "select", "option", "button", "iframe", "svg", "form",
         "input", "textarea", "object", "-comment", "template"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "center", "section",
          "article", "header", "footer", "pre", "ul", "ol", "dl", "tr", "td", "th", "tbody", "thead", "main", "address",
          "figure", "figcaption", "caption", "hr"}
_CHROME_TAGS = {"nav", "footer", "aside"}
_CHROME_WORDS = ("footer", "foot", "copyright", "nav", "menu", "breadcrumb", "crumb", "share", "sidebar", "toolbar")
SPACES = re.compile(r"[\s\u3000\xa0]+")  # white space of every width, folded to one
_BROKEN_ENTITY = re.compile(r"&[A-Za-z]{2,8};")  # an entity the page misspelt (&sp;), left as text by the parser


@dataclass
class Para:
    """One paragraph of a page's body (or a table), with the layout the page gave it."""

    text: str
    align: str = ""  # "center", "right" or "" (left / justified)
    bold: bool = False
    size: float = 0.0  # font size in points, 0 when the page does not say
    heading: int = 0  # h1..h6
    rows: list[list[str]] | None = None  # a table's cells
    raw: str = ""  # the text with its spaces (folded to one), where they separate names: 中共某市委 某市人民政府


def _style(node: LexborNode) -> dict[str, str]:
    """A node's inline style as property → value."""
    out: dict[str, str] = {}
    for part in (node.attributes.get("style") or "").split(";"):
        name, _, value = part.partition(":")
        if value:
            out[name.strip().lower()] = value.strip().lower()
    return out


def _align(node: LexborNode) -> str:
    """The alignment a block element asks for (style text-align, align attribute, <center>)."""
    if node.tag == "center":
        return "center"
    value = _style(node).get("text-align") or (node.attributes.get("align") or "").lower()
    return value if value in ("center", "right") else ""


def _size(style: dict[str, str]) -> float:
    """A font-size in points (px × 0.75), 0 when absent or relative."""
    m = re.match(r"^([\d.]+)\s*(pt|px)$", style.get("font-size", ""))
    if not m:
        return 0.0
    value = float(m.group(1))
    return value if m.group(2) == "pt" else value * 0.75


def _bold(node: LexborNode, style: dict[str, str]) -> bool:
    """Whether an element makes its text bold."""
    weight = style.get("font-weight", "")
    return node.tag in ("b", "strong") or weight == "bold" or (weight.isdigit() and int(weight) >= 600)


def _hidden(node: LexborNode) -> bool:
    """An element the page hides (display:none)."""
    return "display:none" in (node.attributes.get("style") or "").replace(" ", "").lower()


def _titled(node: LexborNode) -> bool:
    """An element whose class or id names it a title (title, article-title, con_title, biaoti)."""
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower().replace("_", "-")
    return any(part in ("title", "biaoti", "bt") or part.endswith("-title") or part.startswith("title-")
               for part in names.split())


def is_chrome(node: LexborNode) -> bool:
    """The site's furniture around a document: navigation, menus, breadcrumbs, share bars, the footer."""
    if node.tag in _CHROME_TAGS:
        return True
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    return any(word in part for part in names.replace("_", "-").split() for word in _CHROME_WORDS
               if part == word or part.startswith(word + "-") or part.endswith("-" + word))


class _Collector:
    """Walks a body, gathering runs of text into paragraphs at block elements and line breaks."""

    def __init__(self) -> None:
        self.paras: list[Para] = []
        self.runs: list[tuple[str, bool, float]] = []
        self.align = ""
        self.heading = 0

    def flush(self) -> None:
        """End the paragraph being gathered."""
        raw = SPACES.sub(" ", _BROKEN_ENTITY.sub(" ", "".join(r[0] for r in self.runs))).strip()
        text = squash(raw)
        if text:
            han = sum(len(r[0].strip()) for r in self.runs)
            bold = han > 0 and sum(len(r[0].strip()) for r in self.runs if r[1]) >= 0.8 * han
            sizes = [r[2] for r in self.runs if r[2] and r[0].strip()]
            self.paras.append(Para(text, self.align, bold, max(sizes) if sizes else 0.0, self.heading, raw=raw))
        self.runs = []

    def walk(self, node: LexborNode, bold: bool = False, size: float = 0.0) -> None:
        """Gather the text under node."""
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.runs.append((child.text_content or "", bold, size))
            elif tag == "br":
                self.flush()
            elif tag in _SKIP or _hidden(child) or is_chrome(child):
                continue
            elif tag == "table":
                self.flush()
                self.table(child)
            elif tag in _BLOCK:
                self.block(child, bold, size)
            else:
                style = _style(child)
                self.walk(child, bold or _bold(child, style), _size(style) or size)

    def block(self, node: LexborNode, bold: bool, size: float) -> None:
        """A block element: its own paragraph(s), with its alignment and heading level."""
        self.flush()
        saved = self.align, self.heading
        self.align = _align(node) or self.align
        tag = node.tag or ""
        if tag[:1] == "h" and tag[1:].isdigit():
            self.heading = int(tag[1:])
        elif _titled(node):
            self.heading = self.heading or 1  # <div class="article-title">: the site's style sheet makes it a title
        style = _style(node)
        self.walk(node, bold or _bold(node, style) or self.heading > 0, _size(style) or size)
        self.flush()
        self.align, self.heading = saved

    def table(self, node: LexborNode) -> None:
        """A table with data: one paragraph of rows; a layout table (holding tables or one cell) is walked."""
        if len(node.css("table")) > 1 or len(node.css("td, th")) <= 1:
            self.walk(node)
            return
        rows = grid(node)
        if rows:
            self.paras.append(Para("\n".join("\t".join(r) for r in rows), rows=rows))


def _span(cell: LexborNode, name: str) -> int:
    """A cell's rowspan or colspan (1 when absent or odd)."""
    value = (cell.attributes.get(name) or "1").strip()
    return min(int(value), 50) if value.isdigit() and int(value) > 0 else 1


def grid(table: LexborNode) -> list[list[str]]:
    """A table's cells as rows of equal length; a cell spanning rows or columns is repeated under and beside it."""
    rows: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}  # (row, column) -> text a rowspan carries down
    for r, tr in enumerate(table.css("tr")):
        row: list[str] = []
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        for cell in cells:
            while (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))
            text = squash(SPACES.sub(" ", cell.text(separator=" ")))
            for _ in range(_span(cell, "colspan")):
                for down in range(1, _span(cell, "rowspan")):
                    pending[(r + down, len(row))] = text
                row.append(text)
        while (r, len(row)) in pending:
            row.append(pending.pop((r, len(row))))
        if any(row):
            rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def paragraphs(node: LexborNode) -> list[Para]:
    """The paragraphs and tables of a node (its own alignment, weight and heading level count), in reading order."""
    collector = _Collector()
    if node.tag in _BLOCK or (node.tag or "")[:1] == "h":
        collector.block(node, False, 0.0)
    elif node.tag == "table":
        collector.table(node)
    else:
        collector.walk(node)
    collector.flush()
    return collector.paras
