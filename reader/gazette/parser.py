"""From a source's lines to an issue: front matter, 目录, documents, and the ties between them."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from reader import notices
from reader.gazette import docnumber
from reader.gazette.documents import Start, body_size, build_document, find_starts, title_before
from reader.gazette.frontmatter import parse_frontmatter
from reader.gazette.numerals import IssueYear
from reader.gazette.text import compact
from reader.gazette.toc import is_colophon, is_toc_heading, parse_toc, split_page
from reader.models import Document, Line, ParsedIssue, Source, TocEntry

_EDITORIAL = re.compile(r"^编\s*辑\s*委\s*员\s*会$")


def _toc_bounds(lines: list[Line]) -> tuple[int, int] | None:
    """Where the 目录 starts and ends (the colophon, the editorial board or the first document ends it)."""
    limit = max(200, len(lines) // 3)
    start = next((i for i, ln in enumerate(lines[:limit]) if is_toc_heading(ln.text)), None)
    if start is None:
        return None
    last_page = _last_toc_page(lines, start)
    for i in range(start + 1, len(lines)):
        text = lines[i].text.strip()
        page = lines[i].page
        beyond = last_page is not None and page is not None and page > last_page
        if is_colophon(text) or _EDITORIAL.match(text) or beyond:
            return start, i
        if docnumber.parse_line(text) and _followed_by_recipients(lines, i):
            title = title_before(lines, i, start + 1, body_size(lines))  # the first document's title above it
            return start, title if title is not None else i
    return start, len(lines)


def _last_toc_page(lines: list[Line], start: int) -> int | None:
    """The last page of the 目录: its heading's page and the pages right after it whose lines end in page
    numbers (a page of documents has none); None when the source has no pages (a text export)."""
    page = lines[start].page
    if page is None:
        return None
    by_page: dict[int, int] = {}
    for ln in lines[start:]:
        if ln.page is not None:
            by_page[ln.page] = by_page.get(ln.page, 0) + (split_page(ln.text, False) is not None)
    while by_page.get(page + 1, 0) >= 2:
        page += 1
    return page


def _followed_by_recipients(lines: list[Line], i: int) -> bool:
    """Whether the next non-blank line ends in a colon, as a recipients line does."""
    for ln in lines[i + 1 : i + 4]:
        if ln.text.strip():
            return ln.text.strip().endswith(("：", ":"))
    return False


def _printed(source: Source, page: int) -> int | None:
    """The printed page number of a PDF page, derived from the nearest numbered page."""
    pp = source.printed_pages
    if page in pp:
        return pp[page]
    near = [p for p in pp if p > page]
    if near:
        nxt = min(near)
        value = pp[nxt] - (nxt - page)
        return value if value >= 1 else None
    before = [p for p in pp if p < page]
    if before:
        prv = max(before)
        return pp[prv] + (page - prv)
    return None


def _marked_pages(lines: list[Line]) -> tuple[int, int] | None:
    """A text export's printed pages of a document, from the page marks its lines carried (None without marks)."""
    pages = [ln.printed for ln in lines if ln.printed is not None and ln.text.strip()]
    return (pages[0], max(pages)) if pages else None


def _similarity(entry: TocEntry, doc: Document) -> float:
    """How well a 目录 entry fits a document: title, 发文字号 and page."""
    a, b = compact(entry.title), compact(doc.title)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    score = matcher.ratio() if matcher.real_quick_ratio() > 0.3 else 0.0
    if entry.doc_number and doc.doc_number_canonical == docnumber.canonical(entry.doc_number):
        score += 0.5
    if entry.page is not None and doc.printed_pages and doc.printed_pages[0] == entry.page:
        score += 0.3
    return score


def align(toc: list[TocEntry], docs: list[Document], threshold: float = 0.55) -> None:
    """Tie 目录 entries to documents in order (an alignment that maximises total fit)."""
    n, m = len(toc), len(docs)
    if not n or not m:
        return
    sim = [[_similarity(t, d) for d in docs] for t in toc]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= threshold else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= threshold and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            toc[i].document_index, docs[j].toc_index = j, i
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1


def _assign_keys(docs: list[Document]) -> None:
    """Keys stable across re-imports of one issue: the canonical 文号 when unique, else the title."""
    counts: dict[str, int] = {}
    for doc in docs:
        base = doc.doc_number_canonical or ""
        if not base or sum(1 for d in docs if d.doc_number_canonical == base) > 1:
            base = compact(doc.title)[:60] + ("|" + (doc.doc_number_canonical or ""))
        counts[base] = counts.get(base, 0) + 1
        doc.key = base if counts[base] == 1 else f"{base}#{counts[base]}"


def parse(source: Source) -> ParsedIssue:
    """Recognise the issue in a source: metadata, 目录, documents, tied together."""
    lines = source.lines
    bounds = _toc_bounds(lines)
    toc_lines = lines[bounds[0] : bounds[1]] if bounds else []
    toc = parse_toc(toc_lines)
    begin = bounds[1] if bounds else 0
    starts: list[Start] = find_starts(lines, begin, toc)
    first_doc = starts[0].title_from if starts else len(lines)
    front = [ln.text for ln in lines[: bounds[0] if bounds else first_doc]]
    front += [ln.text for ln in lines[begin:first_doc]]
    meta = parse_frontmatter(front, source.title_hint, [ln.text for ln in lines[max(first_doc, len(lines) - 15):]],
                             [ln.text for ln in toc_lines])
    published = meta["published"] if isinstance(meta["published"], str) else None
    year = IssueYear(meta["year"], published) if isinstance(meta["year"], int) else None
    docs = [build_document(lines, s, starts[k + 1].title_from if k + 1 < len(starts) else len(lines), year)
            for k, s in enumerate(starts)]
    for doc in docs:
        if doc.pdf_pages and source.printed_pages:
            first, last = (_printed(source, p) for p in doc.pdf_pages)
            doc.printed_pages = (first, last) if first is not None and last is not None else None
    for k, s in enumerate(starts):
        docs[k].printed_pages = docs[k].printed_pages or _marked_pages(lines[s.title_from:starts[k + 1].title_from
                                                                              if k + 1 < len(starts) else len(lines)])
    align(toc, docs)
    section = None
    for doc in docs:
        if doc.toc_index is not None:
            section = toc[doc.toc_index].section
        doc.section = section
    _assign_keys(docs)
    sections: list[str] = []
    for name in [t.section for t in toc] + [d.section for d in docs]:
        if name and name not in sections:
            sections.append(name)
    warnings: list[str] = [notices.toc_entry_missing(t.title, t.doc_number) for t in toc if t.document_index is None]
    warnings += [notices.not_in_toc(d.title, d.doc_number) for d in docs if not d.in_toc]
    gazette = meta["gazette"]
    return ParsedIssue(
        gazette=str(gazette) if gazette else "",
        printed_name=str(meta["printed_name"] or gazette or ""),
        publisher=meta["publisher"],  # type: ignore[arg-type]
        year=meta["year"],  # type: ignore[arg-type]
        issue=meta["issue"],  # type: ignore[arg-type]
        total_issue=meta["total_issue"],  # type: ignore[arg-type]
        published=meta["published"],  # type: ignore[arg-type]
        frequency=meta["frequency"],  # type: ignore[arg-type]
        sections=sections,
        toc=toc,
        documents=docs,
        warnings=warnings,
    )
