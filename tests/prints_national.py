"""Gazettes printed again in the style of the national gazette of the 1950s, for the layout tests and
bench/bench_layouts.py: the cover's label in Chinese numerals (二〇二四年第二号（总第三十一号）) with the date of
publication (二〇二四年六月二十八日出版), page numbers · 3 ·, and each document's issuer and date in one of four
forms, in turn: signed at the end with the date in Chinese numerals, signed with the date without its year
(三月五日, the issue's year), printed under the title in brackets (（禾川市人民政府二〇二四年三月五日）), or as an
approval line under the title (二〇二四年三月五日禾川市人民政府批准), with no signature at the end.

The same issue is also written as a text export whose converter merged the page marks into the lines
(……各乡要组织互助组，—3— 做好准备……), with the 出版 date on the back page. The truth is what the generation
printed: the source's documents with the page each title stands on, and the issue's year, number, total, date."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.gazette.numerals import chinese_date, chinese_number
from reader.gazette.parser import parse
from reader.models import Block, Document, ParsedIssue
from reader.sources import read_source
from tests.prints import FIELDS, Layout, Printer, _cover_and_toc, _document, score

NATIONAL_LAYOUTS = [
    Layout("national: one column, Chinese numerals", columns=1, numbers="dots", size=11),
    Layout("national: two columns, titles in a column, packed", titles="column", packed=True, numbers="dots",
           font="wqy"),
]
ISSUE_FIELDS = ("year", "issue", "total_issue", "published")
PAGE_CHARS = 900  # characters to a printed page of the text export
MARKS = ["—{n}—", " · {n} · ", " — {n} —", "-{n}-", "—{n} —"]  # as converters leave them inside a paragraph


def issue_truth(issue: ParsedIssue) -> dict[str, Any]:
    """What the national print says of the issue: its year and number, a running total, a date of publication."""
    dates = [d.date for d in issue.documents if d.date]
    return {"year": issue.year, "issue": issue.issue, "total_issue": issue.total_issue or 100 + (issue.issue or 0),
            "published": issue.published or max(dates)}


def label(truth: dict[str, Any]) -> str:
    """The cover's label: 二〇二四年第二号（总第三十一号）."""
    year = "".join("〇一二三四五六七八九"[int(c)] for c in str(truth["year"]))
    return f"{year}年第{chinese_number(truth['issue'])}号（总第{chinese_number(truth['total_issue'])}号）"


def _own_signature(doc: Document) -> tuple[int, int] | None:
    """Where the document's own signature (organ lines and the date line) stands among its blocks, when it is
    the only dated closing of the document (no attachment signs with a date of its own)."""
    dates = [k for k, b in enumerate(doc.blocks) if b.kind == "date"]
    if len(dates) != 1 or not doc.issuer or not doc.date:
        return None
    first = dates[0]
    while first > 0 and doc.blocks[first - 1].kind == "signature":
        first -= 1
    return first, dates[0] + 1


def national_document(doc: Document, k: int, year: int | None) -> Document:
    """A document's blocks as the national gazette prints them: its date in Chinese numerals, signed at the end
    (with or without the year), or its issuer and date under the title (in brackets or as an approval line)."""
    span = _own_signature(doc)
    if span is None or doc.date is None or doc.issuer is None:
        return doc
    style = k % 4
    if style >= 2 and " " in doc.issuer:
        style = 0  # a joint signature stays at the end
    same_year = year is not None and doc.date.startswith(f"{year}-")
    blocks = list(doc.blocks)
    if style < 2:
        blocks[span[1] - 1] = Block("date", chinese_date(doc.date, with_year=not (style == 1 and same_year)))
        return replace(doc, blocks=blocks)
    head = 2 if len(blocks) > 1 and blocks[1].kind == "docnumber" else 1
    line = f"（{doc.issuer}{chinese_date(doc.date)}）" if style == 2 else f"{chinese_date(doc.date)}{doc.issuer}批准"
    blocks = blocks[:span[0]] + blocks[span[1]:]
    return replace(doc, blocks=blocks[:head] + [Block("subtitle", line)] + blocks[head:])


def _truth(issue: ParsedIssue, pages: list[int], key: str, facts: dict[str, Any]) -> dict[str, Any]:
    """The truth of a national print: the issue's facts and each document with the page its title stands on."""
    docs = [{"title": d.title, "doc_number": d.doc_number, "issuer": d.issuer, "date": d.date, key: page}
            for d, page in zip(issue.documents, pages, strict=True)]
    return facts | {"documents": docs}


def print_national(source: Path, target: Path, layout: Layout) -> dict[str, Any]:
    """Print a gazette's text export as the national gazette would; the truth of the print."""
    issue = parse(read_source(source))
    facts = issue_truth(issue)
    docs = [national_document(d, k, issue.year) for k, d in enumerate(issue.documents)]
    header = f"{issue.printed_name or issue.gazette}  {label(facts)}"
    pages: list[int] = [0] * len(docs)
    firsts: list[int] = []
    for _ in range(2):  # the first pass finds the printed pages the 目录 shows
        p = Printer(layout, header)
        _cover_and_toc(p, issue, pages, label(facts), chinese_date(facts["published"]) + "出版")
        front = p.doc.page_count
        p.body_page()
        firsts = [_document(p, d) for d in docs]
        pages = [f - front + 1 for f in firsts]
    p.finish()
    p.doc.subset_fonts()
    p.doc.save(target, garbage=3, deflate=True)
    return _truth(issue, firsts, "pdf_page", facts)


def score_national(path: Path, truth: dict[str, Any]) -> dict[str, int]:
    """score() of tests/prints.py on a national print, with the issue's facts read right (1) or not (0)."""
    issue = parse(read_source(path))
    counts = score(path, truth["documents"], issue)
    return counts | {field: int(getattr(issue, field) == truth[field]) for field in ISSUE_FIELDS}


# ---- the text export with page marks merged into its lines -----------------------------------------------------
class _Pages:
    """Counts characters into printed pages and puts the mark that ends a page where the page ends."""

    def __init__(self) -> None:
        self.page, self.used, self.count = 1, 0, 0

    def _mark(self) -> str:
        """The next mark, in turn of the styles converters leave."""
        self.count += 1
        return MARKS[self.count % len(MARKS)].format(n=self.page)

    def flow(self, text: str, mergeable: bool) -> list[str]:
        """The lines a block becomes: a paragraph with the mark merged where its page ends, or the line with the
        mark on a line of its own after it."""
        room = PAGE_CHARS - self.used
        self.used += len(text)
        if self.used < PAGE_CHARS:
            return [text]
        self.used -= PAGE_CHARS
        at = next((i for i in range(max(1, room), len(text) - 1) if _cuttable(text, i)), None) if mergeable else None
        mark = self._mark()
        self.page += 1
        if at is None:
            return [text, mark.strip()]
        return [text[:at] + mark + text[at:]]


def _cuttable(text: str, i: int) -> bool:
    """Whether a mark may stand between text[i-1] and text[i] (not inside a number or Latin word)."""
    return not (text[i - 1].isascii() and text[i - 1].isalnum()) and not (text[i].isascii() and text[i].isalnum()) \
        and text[i - 1] not in "—-·" and text[i] not in "—-·"


def _block_lines(block: Block) -> list[str]:
    """A block as a text export prints it."""
    if block.kind == "table" and block.rows:
        return ["\t".join(row) for row in block.rows]
    return [block.text]


def write_national_text(source: Path, target: Path) -> dict[str, Any]:
    """Write a gazette's text export again as the national gazette's, converted with its page marks merged into
    the lines; the truth (each document's printed page)."""
    issue = parse(read_source(source))
    facts = issue_truth(issue)
    docs = [national_document(d, k, issue.year) for k, d in enumerate(issue.documents)]
    pager, body, firsts = _Pages(), list[str](), list[int]()
    for doc in docs:
        firsts.append(pager.page)
        for block in doc.blocks:
            for line in _block_lines(block):
                body += pager.flow(line, block.kind in ("para", "item")) + [""]
    toc = [f"{d.title} {d.doc_number or ''}\t（{page}）" for d, page in zip(issue.documents, firsts, strict=True)]
    cover = [issue.printed_name or issue.gazette, "", label(facts), "", "目  录", ""]
    colophon = [f"编辑出版：{issue.publisher or issue.gazette}", ""]
    back = ["", f"编辑出版：{issue.publisher or issue.gazette}", chinese_date(facts["published"]) + "出版"]
    target.write_text("\n".join(cover + toc + [""] + colophon + body + back) + "\n", encoding="utf-8")
    return _truth(issue, firsts, "printed_page", facts)


TEXT_FIELDS = ("title", "doc_number", "issuer", "date", "printed_page")


def score_national_text(path: Path, truth: dict[str, Any]) -> dict[str, int]:
    """How many documents of a national text export are read right, field by field (the printed page from the
    page marks), with the issue's facts read right (1) or not (0)."""
    from reader.gazette.docnumber import canonical
    from reader.textfold import compact

    issue = parse(read_source(path))
    counts = {"expected": len(truth["documents"]), "found": len(issue.documents)} | {f: 0 for f in TEXT_FIELDS}
    for t in truth["documents"]:
        match = [d for d in issue.documents if compact(d.title) == compact(t["title"])]
        if not match:
            continue
        d = match[0]
        counts["title"] += 1
        counts["doc_number"] += d.doc_number_canonical == (canonical(t["doc_number"]) if t["doc_number"] else None)
        counts["issuer"] += compact(d.issuer or "") == compact(t["issuer"] or "")
        counts["date"] += d.date == t["date"]
        counts["printed_page"] += d.printed_pages is not None and d.printed_pages[0] == t["printed_page"]
    return counts | {field: int(getattr(issue, field) == truth[field]) for field in ISSUE_FIELDS}


__all__ = ["FIELDS", "ISSUE_FIELDS", "NATIONAL_LAYOUTS", "TEXT_FIELDS", "print_national", "score_national",
           "score_national_text", "write_national_text"]
