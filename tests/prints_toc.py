"""Gazettes whose 目录 is the only skeleton (tests/prints.py prints the rest): the shared seeds and the sample
printed again in the national-gazette manner, for tests/test_layouts.py and bench/bench_layouts.py.

What changes from the plain print: a third of the documents lose their 发文字号 and another third become letters,
joint communiqués, declarations and 指示 without one (two letters with the same title); the 目录 lists every
document, misprints every other title (宣言 as 宜言, 协定 as 协议, one character for a look-alike), prints the
issuing organ between the leader and the page for every other entry and `( 4)` page numbers for others, and is
followed by an English CONTENTS with translator, printer and subscription lines; optionally the cover and the
目录 pages are scans (tests/scans.py) for the real OCR engine to read. The truth of a print: each document's
title and first PDF page, and every line printed on the body pages (for the share of body text kept)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.gazette.docnumber import canonical
from reader.gazette.parser import parse
from reader.models import Document, ParsedIssue
from reader.sources import read_source
from reader.textfold import compact
from tests.prints import HEIGHT, MARGIN, WIDTH, Layout, Printer, _document, wrap

FORMS = ["{publisher}向省政府工作组致谢的信", "{publisher}向省政府工作组致谢的信", "{org}和邻市人民政府联合公报",
         "{org}关于共同保护湿地的联合宣言", "{org}关于做好冬季防火工作的指示", "{org}和邻市人民政府关于协定执行情况的照会"]
WORDS = {"宣言": "宜言", "协定": "协议"}
LOOKALIKE = {"定": "走", "知": "如", "办": "力", "于": "干", "理": "埋", "建": "健", "设": "没", "区": "匹", "保": "堡",
             "政": "故", "管": "菅", "谢": "榭", "报": "极", "作": "做", "示": "未", "告": "吿", "展": "屐", "划": "刬"}
ENGLISH = ["Letter of Thanks", "Joint Communique", "Joint Declaration", "Directive", "Notice", "Decision", "Note"]
SERVICE = ["翻译：市人民政府外事办公室英文组", "印刷：市机关印刷厂", "订阅：全国各地邮局　代号：2-28"]


class RecordingPrinter(Printer):
    """A printer that remembers every line it puts on a numbered page (header and page number excepted)."""

    def __init__(self, layout: Layout, header: str) -> None:
        super().__init__(layout, header)
        self.printed: list[tuple[int, float, float, float, str]] = []  # page, baseline, x, x after the text, text
        self.pieces: dict[tuple[int, float], list[tuple[float, float, int]]] = {}  # spans on a baseline, by line
        self.over: set[int] = set()  # lines the flow printed over one another (no reader can read them apart)
        self.cells = False

    def text(self, x: float, y: float, line: str, size: float) -> None:
        """One line (or piece of a justified line, or table cell) of text, recorded when it belongs to the body."""
        super().text(x, y, line, size)
        if not self.body_pages or y in (MARGIN - 22, HEIGHT - 28):
            return
        page, end = self.page_index(), x + self.width(line, size)
        last = self.printed[-1] if self.printed else None
        if last and not self.cells and last[:2] == (page, y) and self._column(last[2]) == self._column(x) \
                and last[3] - 2 * size <= x:
            self.printed[-1] = (page, y, last[2], end, last[4] + line)  # the next piece of a justified line
        else:
            self.printed.append((page, y, x, end, line))
        k = len(self.printed) - 1
        spans = self.pieces.setdefault((page, y), [])
        self.over.update(i for a, b, j in spans if j != k and a < end - 0.5 and x < b - 0.5 for i in (j, k))
        spans.append((x, end, k))

    def _column(self, x: float) -> int:
        """The column an x stands in."""
        return int(x >= MARGIN + self.col_width + self.layout.gutter / 2)

    def table(self, text: str, size: float) -> None:
        """A table across both columns, each cell recorded as a line of its own."""
        self.cells = True
        super().table(text, size)
        self.cells = False

    def body_lines(self) -> list[str]:
        """The lines printed on the body pages, but those printed over one another."""
        return [text for k, (*_, text) in enumerate(self.printed) if k not in self.over]


def _organ(doc: Document, issue: ParsedIssue) -> str:
    """The first issuing organ of a document (or the publisher)."""
    return (doc.issuer or issue.publisher or "某市人民政府").split()[0]


def nationalise(issue: ParsedIssue, unlisted_first: bool = False) -> ParsedIssue:
    """The documents of an issue as a national gazette prints them: a third without 文号, a third turned into
    letters, communiqués, declarations and 指示 (the first two letters share their title); unlisted_first: the
    first document loses its 文号 too (and the 目录 will not list it)."""
    docs: list[Document] = []
    forms = iter(FORMS * 10)
    for k, doc in enumerate(issue.documents):
        blocks = [b for b in doc.blocks if b.kind != "docnumber"]
        if k % 3 == 0 and not (k == 0 and unlisted_first):
            docs.append(doc)
            continue
        title = next(forms).format(org=_organ(doc, issue), publisher=issue.publisher or "某市人民政府") if k % 3 == 2 else doc.title
        blocks[0] = replace(blocks[0], text=title)
        docs.append(replace(doc, title=title, doc_number=None, doc_number_canonical=None, blocks=blocks))
    return replace(issue, documents=docs)


def misprint(title: str) -> str:
    """A title as a careless 目录 prints it: a word or one character near the middle for a look-alike."""
    for right, wrong in WORDS.items():
        if right in title:
            return title.replace(right, wrong, 1)
    middle = len(title) // 2
    for k in sorted(range(len(title)), key=lambda i: abs(i - middle)):
        if title[k] in LOOKALIKE:
            return title[:k] + LOOKALIKE[title[k]] + title[k + 1:]
    return title


def _entry_text(k: int, doc: Document, issue: ParsedIssue, page: int) -> tuple[str, str]:
    """The title part of a 目录 entry and what ends it (leader, perhaps the organ, the page)."""
    title = misprint(doc.title) if k % 2 else doc.title
    if doc.doc_number:
        title += f"（{doc.doc_number}）"
    if k % 2 == 0:
        return title, f"{_organ(doc, issue)}（{page}）"
    return title, f"( {page})" if k % 3 == 0 else str(page)


def _national_toc(p: Printer, issue: ParsedIssue, pages: list[int], listed: int = 0) -> None:
    """The cover, the Chinese 目录 listing every document from the listed-th, and the English CONTENTS with
    service lines."""
    p.front_page()
    name = issue.printed_name or issue.gazette
    p.text((WIDTH - p.width(name, 30)) / 2, 220, name, 30)
    label = f"{issue.year}年第{issue.issue}期"
    p.text((WIDTH - p.width(label, 16)) / 2, 290, label, 16)
    p.front_page()
    p.text((WIDTH - p.width("目  录", 18)) / 2, MARGIN + 20, "目  录", 18)
    p.y = MARGIN + 50
    for k, doc in enumerate(issue.documents[listed:], start=listed):
        title, end = _entry_text(k, doc, issue, pages[k])
        texts = wrap(p, title, 11, WIDTH - 2 * MARGIN - 60 - p.width(end, 11))
        for j, text in enumerate(texts):
            if p.y > HEIGHT - MARGIN - 30:
                p.front_page()
            p.y += 18
            if j == len(texts) - 1:
                room = WIDTH - 2 * MARGIN - 12 - p.width(text + end, 11)
                text += "…" * max(2, int(room / p.width("…", 11))) + end
            p.text(MARGIN + 12, p.y, text, 11)
    _contents(p, issue, pages)


def _contents(p: Printer, issue: ParsedIssue, pages: list[int]) -> None:
    """The English CONTENTS after the 目录, with translator, printer and subscription lines at its foot."""
    p.front_page()
    p.text((WIDTH - p.width("CONTENTS", 16)) / 2, MARGIN + 20, "CONTENTS", 16)
    p.y = MARGIN + 50
    for k, page in enumerate(pages):
        text = f"{ENGLISH[k % len(ENGLISH)]} of the Municipal Government, Item {k + 1}"
        room = WIDTH - 2 * MARGIN - 12 - p.width(text + str(page), 10)
        p.y += 16
        p.text(MARGIN + 12, p.y, text + "." * max(2, int(room / p.width(".", 10))) + str(page), 10)
    for k, line in enumerate(SERVICE):
        p.text(MARGIN, HEIGHT - MARGIN - 40 + 16 * k, line, 9)


def print_national(source: Path, target: Path, layout: Layout, unlisted_first: bool = False) -> dict[str, Any]:
    """Print a gazette's text export as a national gazette in a layout; its truth: documents (title, doc_number,
    pdf_page), the number of front pages (cover, 目录, CONTENTS) and the lines printed on the body pages.
    unlisted_first: the first document has no 文号 and the 目录 does not list it (nothing says it is one)."""
    issue = nationalise(parse(read_source(source)), unlisted_first)
    header = f"{issue.printed_name or issue.gazette}  {issue.year}年第{issue.issue}期"
    pages, firsts, front = [0] * len(issue.documents), list[int](), 0
    p = RecordingPrinter(layout, header)
    for _ in range(2):  # the first pass finds the printed pages the 目录 shows
        p = RecordingPrinter(layout, header)
        _national_toc(p, issue, pages, int(unlisted_first))
        front = p.doc.page_count
        p.body_page()
        firsts = [_document(p, d) for d in issue.documents]
        pages = [f - front + 1 for f in firsts]
    p.finish()
    p.doc.subset_fonts()
    p.doc.save(target, garbage=3, deflate=True)
    docs = [{"title": d.title, "doc_number": d.doc_number, "pdf_page": first}
            for d, first in zip(issue.documents, firsts, strict=True)]
    return {"documents": docs[int(unlisted_first):], "front_pages": front, "lines": [line for line in p.body_lines() if compact(line)]}


SKELETON_FIELDS = ("toc_tied", "title", "lines_kept")


def score_skeleton(issue: ParsedIssue, truth: dict[str, Any]) -> dict[str, int]:
    """How well an import of a national print follows its 目录: entries tied to the right document (same title and
    first page), documents with their right title (and 文号), and body lines found in some document's text."""
    docs = truth["documents"]
    counts = {"entries": len(docs), "documents": len(docs), "lines": len(truth["lines"])}

    def right(parsed: Document, want: dict[str, Any]) -> bool:
        same_page = parsed.pdf_pages is not None and parsed.pdf_pages[0] == want["pdf_page"]
        number = canonical(want["doc_number"]) if want["doc_number"] else None
        return compact(parsed.title) == compact(want["title"]) and same_page and parsed.doc_number_canonical == number

    entries = issue.toc if len(issue.toc) == len(docs) else []
    counts["toc_tied"] = sum(e.document_index is not None and right(issue.documents[e.document_index], want)
                             for e, want in zip(entries, docs, strict=False))
    counts["title"] = sum(any(right(d, want) for d in issue.documents) for want in docs)
    text = "\n".join(compact(d.text) for d in issue.documents)
    counts["lines_kept"] = sum(compact(line) in text for line in truth["lines"])
    return counts
