"""An issue's original pages: rendering, printed page numbers, words with their boxes, and finding text on a page.

Qt-free: the page view draws what this returns (images as raw RGB, boxes as (x0, y0, x1, y1) in PDF points)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.textfold import fold

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Word:
    """A word on a page with its box, in reading order (block, line, word)."""

    text: str
    rect: Rect
    order: tuple[int, int, int]


@dataclass(frozen=True)
class Rendered:
    """A rendered page: RGB bytes, width, height, bytes per row, and the zoom it was drawn at."""

    samples: bytes
    width: int
    height: int
    stride: int
    zoom: float


class PageSource:
    """The PDF of an issue, opened (and unlocked) by the archive."""

    def __init__(self, pdf: Any, printed: dict[int, int], ocr: dict[int, dict[str, Any]] | None = None) -> None:
        self.pdf = pdf
        self.printed = printed
        self.ocr = ocr or {}  # PDF page -> the line boxes OCR found on it (scanned pages)
        self._words: dict[int, list[Word]] = {}
        self._chars: dict[int, list[Word]] = {}

    @property
    def count(self) -> int:
        """How many pages."""
        return int(self.pdf.page_count)

    def size(self, page: int) -> tuple[float, float]:
        """A page's width and height in points."""
        rect = self.pdf[page].rect
        return float(rect.width), float(rect.height)

    def render(self, page: int, zoom: float) -> Rendered:
        """A page drawn at a zoom (1.0 = 72 dpi)."""
        import pymupdf

        pix = self.pdf[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return Rendered(bytes(pix.samples), pix.width, pix.height, pix.stride, zoom)

    def label(self, page: int) -> str:
        """How a reader names a page: 第12页 (16/96), or 16/96 where no printed number is known."""
        printed = self.printed.get(page)
        where = f"{page + 1}/{self.count}"
        return f"第{printed}页 ({where})" if printed is not None else where

    def page_of_printed(self, printed: int) -> int | None:
        """The PDF page that bears a printed page number."""
        return next((p for p, n in sorted(self.printed.items()) if n == printed), None)

    def words(self, page: int) -> list[Word]:
        """The words of a page, in reading order (cached); on a scanned page, its recognised characters."""
        if page not in self._words and page in self.ocr:
            self._words[page] = self.chars(page)
        if page not in self._words:
            raw = self.pdf[page].get_text("words")
            self._words[page] = [Word(w[4], (w[0], w[1], w[2], w[3]), (w[5], w[6], w[7])) for w in raw]
        return self._words[page]

    def find(self, page: int, text: str) -> list[list[Rect]]:
        """Every place a string stands on a page (white space and character widths ignored), each as the boxes of
        its characters merged per line."""
        needle = re.sub(r"\s+", "", fold(text))
        if not needle:
            return []
        chars = self.chars(page)
        hay = "".join(fold(c.text) for c in chars)
        return [merge_lines([c.rect for c in chars[m.start():m.end()]]) for m in re.finditer(re.escape(needle), hay)]

    def chars(self, page: int) -> list[Word]:
        """The page's characters (no white space) with their boxes, in reading order (cached): what a selection
        on the page snaps to (a Chinese character is a word)."""
        if page not in self._chars and page in self.ocr:
            self._chars[page] = ocr_chars(self.ocr[page])
        if page not in self._chars:
            chars: list[Word] = []
            data = self.pdf[page].get_text("rawdict")
            for b, block in enumerate(data.get("blocks", [])):
                for ln, line in enumerate(block.get("lines", [])):
                    for span in line.get("spans", []):
                        for k, ch in enumerate(span.get("chars", [])):
                            if ch["c"].strip():
                                x0, y0, x1, y1 = ch["bbox"]
                                chars.append(Word(ch["c"], (x0, y0, x1, y1), (b, ln, k)))
            self._chars[page] = chars
        return self._chars[page]

    def close(self) -> None:
        """Close the PDF."""
        self.pdf.close()


def char_weight(ch: str) -> float:
    """How wide a character prints, in ems: full width for Chinese and full-width forms, half for the rest."""
    import unicodedata

    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def turned_back(rect: Rect, turns: int, width: float, height: float) -> Rect:
    """A box on the upright page (turned counter-clockwise turns × 90° from the scan, of upright size width ×
    height) as a box on the page as scanned."""
    x0, y0, x1, y1 = rect
    if turns % 4 == 1:  # the scan is height wide: x = W - v, y = u
        return height - y1, x0, height - y0, x1
    if turns % 4 == 2:
        return width - x1, height - y1, width - x0, height - y0
    if turns % 4 == 3:  # the scan is width tall: x = v, y = H - u
        return y0, width - x1, y1, width - x0
    return rect


def ocr_chars(data: dict[str, Any]) -> list[Word]:
    """The characters of a recognised page with their boxes: each line's box shared out along its width by how wide
    each character prints, then turned back onto the page as scanned."""
    turns, width, height = int(data.get("turns", 0)), float(data["width"]), float(data["height"])
    out: list[Word] = []
    for ln, (text, box) in enumerate(data["lines"]):
        x0, y0, x1, y1 = box
        shown = [c for c in text if c.strip()]
        total = sum(char_weight(c) for c in shown) or 1.0
        at = x0
        for k, ch in enumerate(shown):
            step = (x1 - x0) * char_weight(ch) / total
            rect = turned_back((at, y0, at + step, y1), turns, width, height)
            out.append(Word(ch, rect, (ln, 0, k)))
            at += step
    return out


def merge_lines(rects: list[Rect]) -> list[Rect]:
    """Character boxes merged into one box per line."""
    lines: list[list[float]] = []
    for x0, y0, x1, y1 in rects:
        if lines and abs(lines[-1][1] - y0) < (y1 - y0) * 0.5 and x0 >= lines[-1][0] - 1:
            last = lines[-1]
            last[2], last[3] = max(last[2], x1), max(last[3], y1)
        else:
            lines.append([x0, y0, x1, y1])
    return [(a, b, c, d) for a, b, c, d in lines]


def printed_pages(documents: list[tuple[tuple[int, int] | None, tuple[int, int] | None]]) -> dict[int, int]:
    """PDF page -> printed page number, from the documents' (pdf_pages, printed_pages) ranges."""
    out: dict[int, int] = {}
    for pdf, printed in documents:
        if pdf and printed:
            for page in range(pdf[0], pdf[1] + 1):
                out.setdefault(page, printed[0] + page - pdf[0])
    return out


def text_span(text: str, selected: str, occurrence: int = 0) -> tuple[int, int] | None:
    """Where a passage selected on the page stands in the document's text: the occurrence-th place (counted as
    on the pages) that holds the same characters, white space and widths ignored; None when the text has none."""
    from reader.textfold import fold_with_offsets

    hay, where = fold_with_offsets(text)
    needle, _ = fold_with_offsets(selected)
    if not needle:
        return None
    found = [m.start() for m in re.finditer(re.escape(needle), hay)]
    if not found:
        return None
    start = found[min(occurrence, len(found) - 1)]
    return where[start], where[start + len(needle) - 1] + 1


def occurrence_before(text: str, passage: str, start: int) -> int:
    """How many times a passage stands in a text before an offset (white space and widths ignored)."""
    from reader.textfold import fold_with_offsets

    hay, where = fold_with_offsets(text)
    needle, _ = fold_with_offsets(passage)
    if not needle:
        return 0
    return sum(1 for m in re.finditer(re.escape(needle), hay) if where[m.start()] < start)


@dataclass(frozen=True)
class PageMark:
    """A mark to put on exported pages: boxes on a page, an RGB colour (0-1) and a note."""

    page: int
    rects: list[Rect]
    rgb: tuple[float, float, float]
    note: str = ""


def parse_page_list(text: str, count: int) -> list[int] | None:
    """Pages typed as 1-based PDF positions (4-6, 9; 、，and ～ accepted) as sorted 0-based pages; None when a part is
    not a page of the PDF or nothing was typed."""
    pages: set[int] = set()
    for part in re.split(r"[,，、;；\s]+", fold(text).strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:[-–—~～至到](\d+))?", part)
        if not m:
            return None
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if not 1 <= first <= last <= count:
            return None
        pages.update(range(first - 1, last))
    return sorted(pages) or None


def export_pages(source: PageSource, pages: list[int], marks: list[PageMark], path: str) -> None:
    """Write the chosen pages of the PDF as they are (text layer kept) to a new PDF, each mark as a highlight
    annotation (multiplied by every viewer, so the text stays dark) with its note."""
    import pymupdf

    with pymupdf.open() as out:
        for page in pages:
            out.insert_pdf(source.pdf, from_page=page, to_page=page)
        where = {page: k for k, page in enumerate(pages)}
        for mark in marks:
            if mark.page in where and mark.rects:
                target = out[where[mark.page]]  # kept: an annotation is bound to its page object
                annot = target.add_highlight_annot([pymupdf.Rect(r) for r in mark.rects])
                annot.set_colors(stroke=mark.rgb)
                if mark.note:
                    annot.set_info(content=mark.note)
                annot.update()
        out.save(path, garbage=3, deflate=True)
