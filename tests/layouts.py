"""Two-column prints of a gazette's text export, for the layout tests: justified or ragged columns, narrow or wide
gutters; the truth is the truth of the text (every document keeps its title and 发文字号 in any print)."""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf

FONT = "china-s"
WIDTH, HEIGHT = 595.0, 842.0
MARGIN = 60.0
BODY = 10.5


class TwoColumns:
    """Lays out lines: full-width titles across both columns, body text down the left column, then the right."""

    def __init__(self, doc: pymupdf.Document, gutter: float, ragged: bool, seed: int = 1) -> None:
        self.doc, self.gutter, self.ragged = doc, gutter, ragged
        self.font = pymupdf.Font(FONT)
        self.rng = random.Random(seed)
        self.col_width = (WIDTH - 2 * MARGIN - gutter) / 2
        self.page: pymupdf.Page | None = None
        self.number = 0
        self.new_page()

    def new_page(self) -> None:
        """A numbered page, both columns empty."""
        self.page = self.doc.new_page(width=WIDTH, height=HEIGHT)
        self.number += 1
        foot = f"— {self.number} —"
        self.page.insert_text(((WIDTH - self.font.text_length(foot, 10)) / 2, HEIGHT - 30), foot, fontname=FONT,
                              fontsize=10)
        self.col, self.y, self.top = 0, MARGIN, MARGIN

    def _next_line(self, height: float) -> tuple[float, float]:
        if self.y + height > HEIGHT - MARGIN:
            if self.col == 0:
                self.col, self.y = 1, self.top
            else:
                self.new_page()
        x = MARGIN + self.col * (self.col_width + self.gutter)
        self.y += height
        return x, self.y

    def full_width(self, text: str, size: float = 15) -> None:
        """A title across both columns: it starts a new band below what the columns hold so far."""
        if self.col == 1 or self.y > HEIGHT - MARGIN - 80:
            self.new_page()
        assert self.page is not None
        for line in _wrap(self.font, text, size, WIDTH - 2 * MARGIN):
            self.y += size * 1.6
            w = self.font.text_length(line, size)
            self.page.insert_text(((WIDTH - w) / 2, self.y), line, fontname=FONT, fontsize=size)
        self.y += 6
        self.top = self.y

    def para(self, text: str, indent: bool = True, align: str = "left") -> None:
        """A paragraph in the current column: justified (every full line to the edge) or ragged (lines end short)."""
        assert self.page is not None
        width = self.col_width - (self.rng.uniform(0, 3 * BODY) if self.ragged else 0)
        lines = _wrap(self.font, ("\u3000\u3000" if indent else "") + text, BODY, width)
        for k, line in enumerate(lines):
            x, y = self._next_line(BODY * 1.7)
            w = self.font.text_length(line, BODY)
            if align == "right":
                x += self.col_width - w
            elif align == "center":
                x += (self.col_width - w) / 2
            elif not self.ragged and k < len(lines) - 1 and len(line) > 1:  # justified: spread to the edge
                spacing = (self.col_width - w) / (len(line) - 1)
                for i, ch in enumerate(line):
                    self.page.insert_text((x + i * (self.font.text_length(ch, BODY) + spacing) -
                                           0 * i, y), ch, fontname=FONT, fontsize=BODY)
                continue
            self.page.insert_text((x, y), line, fontname=FONT, fontsize=BODY)


def _wrap(font: pymupdf.Font, text: str, size: float, width: float) -> list[str]:
    lines, cur = [], ""
    for ch in text:
        if cur and font.text_length(cur + ch, size) > width and ch not in "，。、；：！？）》”":
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur] if cur else lines


def print_two_columns(text_export: Path, target: Path, *, gutter: float = 24, ragged: bool = False) -> Path:
    """Print a text export (cover and 目录 in one column, documents in two) the way some gazettes are printed."""
    from reader.gazette.docnumber import parse_line
    from reader.gazette.text import DATE_LINE

    lines = [ln.strip() for ln in text_export.read_text(encoding="utf-8").split("\n")]
    doc = pymupdf.open()
    layout = TwoColumns(doc, gutter, ragged)
    body_from = next(k for k, ln in enumerate(lines) if parse_line(ln)) - 2
    assert layout.page is not None
    y = MARGIN
    for ln in lines[:body_from]:  # the cover and 目录, one column, one page each as they come
        if not ln:
            continue
        y += 16
        if y > HEIGHT - MARGIN:
            layout.new_page()
            assert layout.page is not None
            y = MARGIN
        layout.page.insert_text((MARGIN, y), ln.replace("\t", "    "), fontname=FONT, fontsize=11)
    layout.new_page()
    body = [ln for ln in lines[body_from:] if ln]
    k = 0
    while k < len(body):
        ln = body[k]
        if k + 1 < len(body) and parse_line(body[k + 1]):  # a title above its 发文字号
            layout.full_width(ln)
            layout.full_width(body[k + 1], size=11)
            k += 2
            continue
        if DATE_LINE.match(ln) or (k + 1 < len(body) and DATE_LINE.match(body[k + 1]) and len(ln) < 20):
            layout.para(ln, indent=False, align="right")
        elif "\t" in ln:
            layout.para(ln.replace("\t", "  "), indent=False)
        else:
            layout.para(ln)
        k += 1
    doc.save(target)
    return target
