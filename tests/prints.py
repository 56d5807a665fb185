"""Gazettes printed in the layouts real offices hold, for the layout tests and bench/bench_layouts.py.

A gazette's text export (the shared seeds, the fictional sample) is parsed, and its documents are printed again
as a PDF: a cover, the 目录 with the printed page of each entry, then the documents in one or two columns,
justified or ragged, with a narrow or wide gutter, in one of two fonts, titles across both columns or inside
one, page numbers at the bottom centre or the outer corner, each document on a new page or several short
notices to a page. The truth of each print is the structure of the text export plus what the printing decided:
the PDF page on which each document's title stands."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf

from reader.gazette.parser import parse
from reader.models import Document, ParsedIssue
from reader.sources import read_source

WIDTH, HEIGHT, MARGIN = 595.0, 842.0, 56.0
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@dataclass(frozen=True)
class Layout:
    """How an issue is printed."""

    name: str
    columns: int = 2
    gutter: float = 20.0
    ragged: bool = False
    font: str = "droid"  # "droid" (PyMuPDF's CJK font) or "wqy" (WenQuanYi Micro Hei, when installed)
    size: float = 10.5
    titles: str = "across"  # "across" both columns, or "column": inside the column the text runs in
    numbers: str = "centre"  # page numbers at the bottom "centre" (— 3 —), "dots" (· 3 ·) or the "outer" corner
    packed: bool = False  # several documents to a page (short notices), not each on a new page
    wide_tables: bool = False  # tables across both columns (a band), not inside a column


LAYOUTS = [
    Layout("one column", columns=1, font="wqy", size=11),
    Layout("justified, narrow gutter", gutter=14),
    Layout("ragged, wide gutter, outer numbers", gutter=36, ragged=True, numbers="outer", font="wqy"),
    Layout("justified, titles in a column, packed", titles="column", packed=True, font="wqy", size=10),
    Layout("ragged, titles in a column, packed", titles="column", packed=True, ragged=True, numbers="outer"),
    Layout("ragged, titles across, packed", gutter=24, ragged=True, packed=True, size=9.5),
    Layout("justified, tables across both columns", gutter=18, wide_tables=True, font="wqy"),
]


class Printer:
    """Puts lines on pages: a flow down the left column, then the right, then the next page."""

    def __init__(self, layout: Layout, header: str, seed: int = 1) -> None:
        self.layout, self.header = layout, header
        self.doc = pymupdf.open()
        self.rng = random.Random(seed)
        wqy = layout.font == "wqy" and WQY.exists()
        self.font = pymupdf.Font(fontfile=str(WQY)) if wqy else pymupdf.Font("china-s")
        n = layout.columns
        self.col_width = (WIDTH - 2 * MARGIN - (n - 1) * layout.gutter) / n
        self.body_pages = 0  # printed page numbers count from the first page of the documents
        self.page: Any = None
        self.writer: Any = None
        self._widths: dict[str, float] = {}
        self.col, self.y, self.top = 0, MARGIN, MARGIN

    # ---- pages ---------------------------------------------------------------------------------
    def width(self, text: str, size: float) -> float:
        """The width of a text in points (character widths measured once)."""
        widths = self._widths
        for ch in text:
            if ch not in widths:
                widths[ch] = self.font.text_length(ch, 1.0)
        return sum(widths[ch] for ch in text) * size

    def text(self, x: float, y: float, line: str, size: float) -> None:
        """One line of text with its baseline at y."""
        self.writer.append((x, y), line, font=self.font, fontsize=size)

    def new_page(self) -> None:
        """A blank page (what the last one holds is written to it)."""
        self.finish()
        self.page = self.doc.new_page(width=WIDTH, height=HEIGHT)
        self.writer = pymupdf.TextWriter(self.page.rect)

    def finish(self) -> None:
        """Write the text of the current page."""
        if self.writer is not None:
            self.writer.write_text(self.page)
            self.writer = None

    def front_page(self) -> None:
        """An unnumbered page (cover, 目录)."""
        self.new_page()
        self.col, self.y, self.top = 0, MARGIN, MARGIN

    def body_page(self) -> None:
        """A numbered page of the documents, with the running header."""
        self.new_page()
        self.body_pages += 1
        number = self.body_pages
        w = self.width(self.header, 9)
        self.text((WIDTH - w) / 2, MARGIN - 22, self.header, 9)
        if self.layout.numbers in ("centre", "dots"):  # — 3 —, or · 3 · as the national gazette prints it
            foot = f"— {number} —" if self.layout.numbers == "centre" else f"· {number} ·"
            self.text((WIDTH - self.width(foot, 10)) / 2, HEIGHT - 28, foot, 10)
        else:
            foot = str(number)
            x = WIDTH - MARGIN - self.width(foot, 10) if number % 2 else MARGIN
            self.text(x, HEIGHT - 28, foot, 10)
        self.col, self.y, self.top = 0, MARGIN, MARGIN

    def page_index(self) -> int:
        """The PDF page being printed (0-based)."""
        return self.doc.page_count - 1

    # ---- the flow ------------------------------------------------------------------------------
    def _advance(self, height: float) -> float:
        """Room for a line in the current column (next column or page when full); its x."""
        if self.y + height > HEIGHT - MARGIN:
            if self.col < self.layout.columns - 1:
                self.col, self.y = self.col + 1, self.top
            else:
                self.body_page()
        self.y += height
        return MARGIN + self.col * (self.col_width + self.layout.gutter)

    def band(self, lines: list[str], size: float) -> None:
        """Lines centred across the page, below what the columns hold (a new page when the right column is in use
        or the page is nearly full)."""
        if self.col > 0 or self.y > HEIGHT - MARGIN - 120:
            self.body_page()
        for line in lines:
            self.y += size * 1.6
            self.text((WIDTH - self.width(line, size)) / 2, self.y, line, size)
        self.y += 6
        self.top = self.y

    def table(self, text: str, size: float) -> None:
        """A table across both columns, below what they hold: its cells in columns sized to their text, long
        cells wrapped, rows carried over to the next page."""
        if self.col > 0 or self.y > HEIGHT - MARGIN - 120:
            self.body_page()
        rows = [[c.strip() for c in row.split("\t")] for row in text.split("\n")]
        count = max(len(r) for r in rows)
        natural = [max((self.width(r[k], size) for r in rows if k < len(r)), default=0.0) + size for k in range(count)]
        room = WIDTH - 2 * MARGIN - size * (count - 1)
        widths = [w * min(1.0, room / sum(natural)) for w in natural]
        xs = [MARGIN + sum(widths[:k]) + size * k for k in range(count)]
        for row in rows:
            cells = [wrap(self, cell, size, widths[k]) for k, cell in enumerate(row)]
            for k in range(max(len(c) for c in cells)):
                if self.y + size * 1.6 > HEIGHT - MARGIN:
                    self.body_page()
                self.y += size * 1.6
                for col, cell in enumerate(cells):
                    if k < len(cell):
                        self.text(xs[col], self.y, cell[k], size)
        self.y += 6
        self.top = self.y

    def lines(self, text: str, size: float, align: str = "left", indent: bool = True) -> int:
        """A paragraph in the flow: left-aligned (justified or ragged, its first line indented two characters),
        centred, or right-aligned two characters in from the edge (signatures, dates); the PDF page of its first
        line."""
        width = self.col_width
        if align == "left" and self.layout.ragged:
            width -= self.rng.uniform(0, 3 * size)
        first_in = 2 * size if indent and align == "left" else 0.0
        lines = wrap(self, text, size, width, first_in)
        first = -1
        for k, line in enumerate(lines):
            x = self._advance(size * 1.7)
            first = self.page_index() if first < 0 else first
            w = self.width(line, size)
            if align == "right":
                self.text(x + self.col_width - w - 2 * size, self.y, line, size)
            elif align == "center":
                self.text(x + (self.col_width - w) / 2, self.y, line, size)
            else:
                x += first_in if k == 0 else 0.0
                room = self.col_width - (first_in if k == 0 else 0.0)
                if not self.layout.ragged and k < len(lines) - 1 and len(line) > 1:  # justified to the edge
                    pieces = [line[i:i + 4] for i in range(0, len(line), 4)]  # the slack spread between pieces
                    gap = (room - w) / max(1, len(pieces) - 1)
                    for piece in pieces:
                        self.text(x, self.y, piece, size)
                        x += self.width(piece, size) + gap
                else:
                    self.text(x, self.y, line, size)
        return first


def wrap(p: Printer, text: str, size: float, width: float, first_in: float = 0.0) -> list[str]:
    """Text broken into lines that fit a width, the first line first_in narrower (closing punctuation never
    starts a line)."""
    lines, cur, used, room = [], "", 0.0, width - first_in
    for ch in text:
        w = p.width(ch, size)
        if cur and used + w > room and ch not in "，。、；：！？）》”":
            lines.append(cur)
            cur, used, room = "", 0.0, width
        cur += ch
        used += w
    return lines + [cur] if cur else lines


def _cover_and_toc(p: Printer, issue: ParsedIssue, pages: list[int], label: str = "", colophon: str = "") -> None:
    """The cover and the 目录, each entry with the printed page of its document (pages, by document); label: the
    issue's line on the cover when not 2024年第2期（总第31期）, colophon: a line at the cover's foot."""
    p.front_page()
    name = issue.printed_name or issue.gazette
    p.text((WIDTH - p.width(name, 30)) / 2, 220, name, 30)
    line = label or f"{issue.year}年第{issue.issue}期" + (f"（总第{issue.total_issue}期）" if issue.total_issue else "")
    p.text((WIDTH - p.width(line, 16)) / 2, 290, line, 16)
    if colophon:
        p.text((WIDTH - p.width(colophon, 11)) / 2, 760, colophon, 11)
    if issue.publisher:
        p.text((WIDTH - p.width(issue.publisher, 12)) / 2, 720, issue.publisher, 12)
    p.front_page()
    p.text((WIDTH - p.width("目  录", 18)) / 2, MARGIN + 20, "目  录", 18)
    p.y = MARGIN + 50
    section = None
    for entry in issue.toc:
        if entry.section and entry.section != section:
            section = entry.section
            p.y += 22
            p.text(MARGIN, p.y, f"【{section}】", 12)
        page = pages[entry.document_index] if entry.document_index is not None else entry.page
        texts = wrap(p, entry.title, 11, WIDTH - 2 * MARGIN - 60)
        for k, text in enumerate(texts):
            if p.y > HEIGHT - MARGIN - 30:
                p.front_page()
            p.y += 18
            if k == len(texts) - 1:  # the last line runs on in leader dots to the page number
                room = WIDTH - 2 * MARGIN - 12 - p.width(text + str(page), 11)
                text += "…" * max(2, int(room / p.width("…", 11))) + str(page)
            p.text(MARGIN + 12, p.y, text, 11)


def _document(p: Printer, doc: Document) -> int:
    """Print one document; return the PDF page its title stands on."""
    size = p.layout.size
    title_lines = doc.title
    fresh = p.y <= p.top and not p.col  # nothing printed yet on this page
    if p.layout.titles == "across":
        if not p.layout.packed and not fresh:
            p.body_page()
        title_size = round(size * 1.5, 1)
        p.band(wrap(p, title_lines, title_size, WIDTH - 2 * MARGIN - 40), title_size)
        first = p.page_index()
        if doc.doc_number:
            p.band([doc.doc_number], size)
    else:
        if not p.layout.packed and not fresh:
            p.body_page()
        p.y += size  # a little room above a title in the column
        first = p.lines(title_lines, size + 3, align="center", indent=False)
        if doc.doc_number:
            p.lines(doc.doc_number, size, align="center", indent=False)
    for block in doc.blocks[1:]:
        if block.kind == "docnumber":
            continue
        if block.kind in ("signature", "date"):
            p.lines(block.text, size, align="right", indent=False)
        elif block.kind == "subtitle":
            p.lines(block.text, size + 1.5, align="center", indent=False)
        elif block.kind == "table" and p.layout.wide_tables and p.layout.columns == 2:
            p.table(block.text, size - 1)
        elif block.kind == "table":
            for row in block.text.split("\n"):
                p.lines("  ".join(c.strip() for c in row.split("\t")), size - 1, indent=False)
        elif block.kind in ("recipients", "note", "attachment"):
            p.lines(block.text, size, indent=False)
        else:
            p.lines(block.text, size)
    return first


def print_issue(source: Path, target: Path, layout: Layout) -> list[dict[str, Any]]:
    """Print a gazette's text export in a layout; return the truth of the print, one dict per document (title,
    doc_number, issuer, date, pdf_page)."""
    issue = parse(read_source(source))
    header = f"{issue.printed_name or issue.gazette}  {issue.year}年第{issue.issue}期"
    pages: list[int] = [0] * len(issue.documents)
    firsts: list[int] = []
    for _ in range(2):  # the first pass finds the printed pages the 目录 shows
        p = Printer(layout, header)
        _cover_and_toc(p, issue, pages)
        front = p.doc.page_count
        p.body_page()
        firsts = [_document(p, d) for d in issue.documents]
        pages = [f - front + 1 for f in firsts]
    p.finish()
    p.doc.subset_fonts()
    p.doc.save(target, garbage=3, deflate=True)
    return [{"title": d.title, "doc_number": d.doc_number, "issuer": d.issuer, "date": d.date, "pdf_page": first}
            for d, first in zip(issue.documents, firsts, strict=True)]


FIELDS = ("title", "doc_number", "issuer", "date", "pdf_page")


def score(pdf: Path, truth: list[dict[str, Any]], issue: ParsedIssue | None = None) -> dict[str, int]:
    """How many of a print's documents the importer reads right, field by field (a document is matched by its
    title, else by its 发文字号), with the number of documents found and expected (issue: the print, parsed)."""
    from reader.gazette.docnumber import canonical
    from reader.textfold import compact

    docs = (issue or parse(read_source(pdf))).documents
    counts = {"expected": len(truth), "found": len(docs)} | {field: 0 for field in FIELDS}
    for t in truth:
        match = [d for d in docs if compact(d.title) == compact(t["title"])] or \
            [d for d in docs if t["doc_number"] and d.doc_number_canonical == canonical(t["doc_number"])]
        if not match:
            continue
        d = match[0]
        counts["title"] += compact(d.title) == compact(t["title"])
        counts["doc_number"] += d.doc_number_canonical == (canonical(t["doc_number"]) if t["doc_number"] else None)
        counts["issuer"] += compact(d.issuer or "") == compact(t["issuer"] or "")
        counts["date"] += d.date == t["date"]
        counts["pdf_page"] += d.pdf_pages is not None and d.pdf_pages[0] == t["pdf_page"]
    return counts
