"""Running a query: ranked hits with stored fields, facet counts, snippets and hit positions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.index import Index as WhooshIndex

from reader.search.query import ParsedQuery, parse_query, to_whoosh
from reader.search.snippets import locate, snippet

FACETS = {"year": "year", "gazette": "gazette_key", "section": "section_key"}
TextsFor = Callable[[list[str]], dict[str, str]]


@dataclass
class SearchHit:
    """One document found."""

    document_id: str
    issue_id: str
    title: str
    doc_number: str | None
    gazette: str
    year: int | None
    issue: int | None
    section: str | None
    date: str | None
    score: float
    snippet: str = ""
    positions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class SearchResult:
    """What a search found: total, hits on this page, counts by year, gazette and section."""

    query: str
    total: int
    hits: list[SearchHit]
    counts: dict[str, dict[str, int]]
    message: str = ""
    elapsed_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The search --json shape."""
        return {
            "query": self.query, "total": self.total, "message": self.message, "counts": self.counts,
            "hits": [{**asdict(h), "positions": [list(p) for p in h.positions]} for h in self.hits],
        }


def filter_query(year: int | None = None, gazette: str | None = None, section: str | None = None) -> wq.Query | None:
    """Exact filters chosen in a results panel."""
    parts: list[wq.Query] = []
    if year is not None:
        parts.append(wq.NumericRange("year", year, year))
    if gazette:
        parts.append(wq.Term("gazette_key", gazette))
    if section:
        parts.append(wq.Term("section_key", section))
    return wq.And(parts) if parts else None


def hit_positions(parsed: ParsedQuery, text: str) -> list[tuple[int, int]]:
    """Where the query's strings and 发文字号 stand in a document's text."""
    return locate(text, parsed.highlights(), parsed.numbers)


def run_search(ix: WhooshIndex, text: str, texts_for: TextsFor | None, *, limit: int = 20, sort: str = "score",
               year: int | None = None, gazette: str | None = None, section: str | None = None) -> SearchResult:
    """Search the index; with texts_for, add snippets and hit positions from the archive's text."""
    started = time.perf_counter()
    parsed = parse_query(text)
    q = to_whoosh(parsed)
    extra = filter_query(year, gazette, section)
    if q is wq.NullQuery:
        return SearchResult(text, 0, [], {}, parsed.message or "empty query", 0.0)
    facets = sorting.Facets()
    for name, fieldname in FACETS.items():
        facets.add_field(fieldname, maptype=sorting.Count)
    with ix.searcher() as searcher:
        kwargs: dict[str, Any] = {"limit": max(1, limit), "groupedby": facets, "filter": extra}
        if sort == "date":
            kwargs["sortedby"] = sorting.FieldFacet("date", reverse=True)
        results = searcher.search(q, **kwargs)
        counts = {name: {str(k): v for k, v in results.groups(fieldname).items() if k not in (None, "")}
                  for name, fieldname in FACETS.items()}
        hits = [
            SearchHit(
                document_id=r["doc_id"], issue_id=r["issue_id"], title=r["title"].split("\n")[0],
                doc_number=r.get("doc_number") or None, gazette=r["gazette"], year=r.get("year"),
                issue=r.get("issue"), section=r.get("section") or None, date=r.get("date") or None,
                score=round(float(r.score or 0.0), 4),
            )
            for r in results
        ]
        total = len(results)
    if texts_for is not None and hits:
        texts = texts_for([h.document_id for h in hits])
        for hit in hits:
            body = texts.get(hit.document_id, "")
            hit.positions = hit_positions(parsed, body)
            header = len("\n".join(body.split("\n")[:2]))
            hit.snippet = snippet(body, hit.positions, skip=header)
    return SearchResult(text, total, hits, counts, parsed.message, (time.perf_counter() - started) * 1000)
