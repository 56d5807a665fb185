"""Running a query in two steps: the set of matching documents (exact counts by year, gazette and section), then
BM25 ranking of that set.

A string of two or more Han characters matches a document holding it as typed: the text index (textindex.py)
finds the documents with all its bigrams and checks in their positions that they stand one after another, for
titles and bodies. The small fields (机关, 栏目, 公报, 文号, years, dates) are matched in Whoosh. Ranking is BM25
over the titles (boosted) and bodies of the matching set, computed on the text index's arrays; a document
bearing a queried 发文字号 comes first.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh import sorting
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher

from reader.gazette.docnumber import DocNumber, canonical
from reader.search.analyzer import bigram_terms, normalize
from reader.search.facets import facet_counts, filter_sets
from reader.search.fields import IndexView
from reader.search.query import NUMBER_BOOST, STATUS_WORDS, YEAR_RANGE, Clause, ParsedQuery, parse_query
from reader.search.snippets import locate, snippet
from reader.search.terms import term_code
from reader.search.textindex import FIELDS
from reader.search.whoosh_schema import TITLE_BOOST

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
    status: str | None = None  # the document's validity state (reader.validity.State value), when known
    matched_by: str | None = None  # for a 发文字号 query: "toc" (its 目录 entry's 文号) or "cites" (it cites it)


@dataclass
class SearchResult:
    """What a search found: total, hits on this page, counts by year, gazette and section."""

    query: str
    total: int
    hits: list[SearchHit]
    counts: dict[str, dict[str, int]]
    message: str = ""
    elapsed_ms: float = 0.0
    total_exact: bool = True  # False: a very common multi-character string counted without checking adjacency

    def to_json(self) -> dict[str, Any]:
        """The search --json shape."""
        return {
            "query": self.query, "total": self.total, "total_exact": self.total_exact, "message": self.message,
            "counts": self.counts,
            "hits": [{**asdict(h), "positions": [list(p) for p in h.positions]} for h in self.hits],
        }


class DocSet(wq.Query):
    """A query matching a given set of document numbers (the matching set found from posting sets)."""

    def __init__(self, docs: set[int]) -> None:
        self.ids = sorted(docs)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocSet) and other.ids == self.ids

    def __hash__(self) -> int:
        return hash(tuple(self.ids))

    def __repr__(self) -> str:
        return f"DocSet({len(self.ids)} documents)"

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.ids)

    def docs(self, searcher: Searcher, deleting: bool = False) -> Any:
        return iter(self.ids)

    def matcher(self, searcher: Searcher, context: Any = None) -> ListMatcher:
        """The set in the numbering of the (sub)searcher asked: segments number their documents from 0."""
        ids = self.ids
        if searcher.has_parent():
            parent = searcher.get_parent()
            offset = parent._offset_for_subsearcher(searcher)
            size = searcher.doc_count_all()
            lo, hi = bisect_left(ids, offset), bisect_left(ids, offset + size)
            ids = [d - offset for d in ids[lo:hi]]
        return ListMatcher(ids, all_weights=0.0)


def _posting_ids(matcher: Any, offset: int) -> list[int]:
    """All document numbers of a posting list, a block at a time where the codec allows it."""
    block_reader = getattr(matcher, "_read_ids", None)
    if block_reader is None or not hasattr(matcher, "_next_block"):
        return [d + offset for d in matcher.all_ids()]
    out: list[int] = []
    while matcher.is_active():
        if matcher._ids is None:
            block_reader()
        ids = matcher._ids[matcher._i:matcher._blocklength]
        out.extend(ids if not offset else [d + offset for d in ids])
        matcher._i = matcher._blocklength
        matcher._next_block()
    return out


def _posting_positions(matcher: Any, offset: int, wanted: set[int]) -> dict[int, list[int]]:
    """Token positions of a term in the wanted documents, decoded only for those."""
    fmt = getattr(matcher, "format", None)
    out: dict[int, list[int]] = {}
    if fmt is None or not hasattr(matcher, "_read_values"):  # a wrapper (segments with deletions): the slow way
        while matcher.is_active():
            if matcher.id() + offset in wanted:
                out[matcher.id() + offset] = list(matcher.value_as("positions"))
            matcher.next()
        return out
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        ids = matcher._ids
        hits = [k for k in range(matcher._i, matcher._blocklength) if ids[k] + offset in wanted]
        if hits:
            if matcher._values is None:
                matcher._read_values()
            for k in hits:
                out[ids[k] + offset] = fmt.decode_positions(matcher._values[k])
        matcher._i = matcher._blocklength
        matcher._next_block()
    return out


StatusIds = Callable[[set[str]], set[str]]  # state values -> archive ids of the documents in them
PersonIds = Callable[[str], set[str]]  # a name (or part of one) -> archive ids of the documents deciding on it
ENDED_STATES = ("abolished", "invalid", "expired", "not_yet")
ID_MAP_FROM = 200  # ids above which a filter maps them through one map of the searcher rather than by term
VERIFY_LIMIT = 1500  # candidates up to which a string's adjacency is checked in the positions


class _Matcher:
    """Document sets for clauses, from the index's posting lists."""

    def __init__(self, view: IndexView, status_ids: StatusIds | None = None,
                 person_ids: PersonIds | None = None) -> None:
        self.view = view
        self.searcher = searcher = view.searcher
        self.status_ids = status_ids
        self.person_ids = person_ids
        self.reader = searcher.reader()
        self.leaves = self.reader.leaf_readers()
        self.exact = True  # False when a large set was not checked for adjacency

    def term(self, fieldname: str, text: str) -> set[int]:
        """Documents holding one term."""
        out: set[int] = set()
        for leaf, offset in self.leaves:
            if not leaf.doc_frequency(fieldname, text):
                continue
            out.update(_posting_ids(leaf.postings(fieldname, text), offset))
        return out

    def docnums(self, rows: np.ndarray) -> set[int]:
        """Whoosh's numbers of the live documents among text index rows."""
        found = self.view.docnum_of[rows[rows < len(self.view.docnum_of)]]
        return set(found[found >= 0].tolist())

    def string(self, fieldname: str, text: str) -> set[int]:
        """Documents whose field holds a typed string (every bigram, one after another)."""
        terms = bigram_terms(text)
        if not terms:
            return set()
        if fieldname in FIELDS:
            index, field = self.view.text, FIELDS[fieldname]
            if len(terms) == 1 and len(terms[0]) == 1 and not terms[0].isascii():
                return self.docnums(index.match_char(fieldname, terms[0]))
            return self.docnums(index.match(fieldname, [term_code(t, field) for t in terms]))
        if len(terms) == 1 and len(terms[0]) == 1 and not terms[0].isascii():
            return set(self.searcher.docs_for_query(wq.Or([wq.Term(fieldname, terms[0]),
                                                           wq.Prefix(fieldname, terms[0]),
                                                           wq.Wildcard(fieldname, "?" + terms[0])])))
        sets = sorted((self.term(fieldname, t) for t in dict.fromkeys(terms)), key=len)
        out = sets[0]
        for other in sets[1:]:
            if not out:
                break
            out = out & other
        if len(terms) == 2 and out:  # three characters: 中医 + 医药 apart is common, so check adjacency
            if len(out) <= VERIFY_LIMIT:
                out = self._adjacent(fieldname, terms, out)
            else:
                self.exact = False
        return out

    def _adjacent(self, fieldname: str, terms: list[str], candidates: set[int]) -> set[int]:
        """The candidates in which the terms stand one after another, as typed."""
        positions: dict[str, dict[int, list[int]]] = {}
        for term in dict.fromkeys(terms):
            found: dict[int, list[int]] = {}
            for leaf, offset in self.leaves:
                if leaf.doc_frequency(fieldname, term):
                    found.update(_posting_positions(leaf.postings(fieldname, term), offset, candidates))
            positions[term] = found
        kept = set()
        for doc in candidates:
            starts = set(positions[terms[0]].get(doc, ()))
            for k, term in enumerate(terms[1:], 1):
                starts &= {p - k for p in positions[term].get(doc, ())}
                if not starts:
                    break
            if starts:
                kept.add(doc)
        return kept

    def query(self, q: wq.Query) -> set[int]:
        """Documents matching a Whoosh query (ranges, prefixes)."""
        return set(self.searcher.docs_for_query(q))

    def number(self, number: DocNumber) -> set[int]:
        """Documents bearing a 发文字号, or citing it in their text."""
        return self.term("number", number.canonical) | self.term("cites", number.canonical)

    def clause(self, c: Clause) -> set[int]:
        """Documents matching one clause."""
        value = normalize(c.value).strip()
        if c.field is None:
            found = self.string("title", c.value) | self.string("body", c.value)
            year = YEAR_RANGE.match(value)
            if year and not year.group(2):
                found |= self.query(wq.NumericRange("year", int(year.group(1)), int(year.group(1))))
            return found
        if c.field in ("title", "issuer", "section", "gazette"):
            return self.string(c.field, c.value)
        if c.field == "number":
            from reader.gazette.docnumber import parse_loose

            number = parse_loose(c.value)
            return self.number(number) if number else self.term("number", c.value.strip())
        if c.field == "year":
            m = YEAR_RANGE.match(value)
            lo, hi = (int(m.group(1)), int(m.group(2) or m.group(1))) if m else (0, 0)
            return self.query(wq.NumericRange("year", min(lo, hi), max(lo, hi)))
        if c.field == "date":
            return self.query(wq.Prefix("date", value))
        if c.field == "status" and self.status_ids is not None:
            return self.ids(self.status_ids(STATUS_WORDS[value]))
        if c.field == "person" and self.person_ids is not None:
            return self.ids(self.person_ids(value))
        return set()

    def ids(self, doc_ids: set[str]) -> set[int]:
        """The index's numbers of documents given by their archive ids (a few by term, many through the text
        index's row of every id, mapped once per searcher)."""
        if len(doc_ids) <= ID_MAP_FROM:
            out: set[int] = set()
            for doc_id in doc_ids:
                out |= self.term("doc_id", doc_id)
            return out
        rows = self.view.rows_by_id()
        return self.docnums(np.array([rows[d] for d in doc_ids if d in rows], dtype=np.int64))

    def all(self) -> set[int]:
        """Every live document."""
        return set(self.reader.all_doc_ids())

    def matches(self, parsed: ParsedQuery) -> set[int]:
        """The documents the whole query matches."""
        result: set[int] | None = None
        excluded: set[int] = set()
        for number in parsed.numbers:
            found = self.number(number)
            result = found if result is None else result & found
        for group in parsed.groups:
            if len(group) == 1 and group[0].negated:
                excluded |= self.clause(group[0])
                continue
            found = set().union(*(self.clause(c) for c in group if not c.negated))
            result = found if result is None else result & found
        if result is None:
            result = self.all()
        result -= excluded
        if result and self.reader.has_deletions():
            result &= self.all()
        return result


def rank_terms(parsed: ParsedQuery) -> dict[str, list[int]]:
    """The term codes ranking weighs, by text index field: each string of the query (not excluded) in the title,
    and in the body unless it was asked of the title only."""
    terms: dict[str, list[int]] = {"title": [], "body": []}
    for group in parsed.groups:
        for c in group:
            if c.negated or c.field not in (None, "title"):
                continue
            grams = list(dict.fromkeys(bigram_terms(c.value)))
            terms["title"] += [term_code(t, FIELDS["title"]) for t in grams]
            if c.field is None:
                terms["body"] += [term_code(t, FIELDS["body"]) for t in grams]
    return {k: v for k, v in terms.items() if v}


def rank(matcher: _Matcher, parsed: ParsedQuery, docs: set[int], limit: int) -> list[tuple[int, float]]:
    """The best (Whoosh document number, score) pairs of the matching set: BM25 of titles (boosted) and bodies, a
    document bearing a queried 发文字号 first and one citing it next; ties in index order."""
    view = matcher.view
    numbers = np.array(sorted(docs), dtype=np.int64)
    rows = view.row_of[numbers]
    order = np.argsort(rows)
    score = np.zeros(len(numbers), dtype=np.float64)
    score[order] = view.text.scores(rank_terms(parsed), rows[order], {"title": TITLE_BOOST})
    for number in parsed.numbers:
        for fieldname, bonus in (("number", NUMBER_BOOST), ("cites", 1.0)):
            bearing = matcher.term(fieldname, number.canonical)
            if bearing:
                score[np.isin(numbers, np.fromiter(bearing, dtype=np.int64))] += bonus
    top = np.lexsort((numbers, -score))[:limit]
    return [(int(numbers[k]), float(score[k])) for k in top]


def hit_positions(parsed: ParsedQuery, text: str) -> list[tuple[int, int]]:
    """Where the query's strings and 发文字号 stand in a document's text."""
    return locate(text, parsed.highlights(), parsed.numbers)


def _matched_by(parsed: ParsedQuery, hit: SearchHit, have_text: bool) -> str | None:
    """Why a document answered a 发文字号 query when it does not bear that number itself."""
    wanted = {n.canonical for n in parsed.numbers}
    own = canonical(hit.doc_number) if hit.doc_number else None
    if not wanted or own in wanted:
        return None
    if have_text and hit.positions:
        return "cites"  # the number stands in its text
    return "toc" if have_text else None


def run_search(view: IndexView, text: str, texts_for: TextsFor | None, *, limit: int = 20, sort: str = "score",
               year: int | None = None, gazette: str | None = None, section: str | None = None,
               status_ids: StatusIds | None = None, in_force_only: bool = False,
               person_ids: PersonIds | None = None) -> SearchResult:
    """Search; with texts_for, add snippets and hit positions from the archive's text."""
    started = time.perf_counter()
    parsed = parse_query(text)
    if parsed.empty:
        return SearchResult(text, 0, [], {}, parsed.message or "empty query")
    searcher = view.searcher
    matcher = _Matcher(view, status_ids, person_ids)
    docs = matcher.matches(parsed)
    if in_force_only and status_ids is not None:  # hide what has ended: abolished, invalid, expired, not yet in force
        docs -= matcher.ids(status_ids(set(ENDED_STATES)))
    chosen = filter_sets(matcher, year, gazette, section)
    counts = facet_counts(view, docs, chosen)
    for allowed in chosen.values():
        docs &= allowed
    hits: list[SearchHit] = []
    if docs:
        if sort == "date" or not (parsed.numbers or rank_terms(parsed)):
            results = searcher.search(DocSet(docs), limit=max(1, limit),
                                      sortedby=sorting.FieldFacet("date", reverse=True))
            best = [(r.docnum, 0.0) for r in results]
        else:
            best = rank(matcher, parsed, docs, max(1, limit))
        for docnum, score in best:
            stored = searcher.reader().stored_fields(docnum)
            hits.append(SearchHit(
                document_id=stored["doc_id"], issue_id=stored["issue_id"], title=stored["title"].split("\n")[0],
                doc_number=stored.get("doc_number") or None, gazette=stored["gazette"], year=stored.get("year"),
                issue=stored.get("issue"), section=stored.get("section") or None, date=stored.get("date") or None,
                score=round(score, 4),
            ))
    if texts_for is not None and hits:
        texts = texts_for([h.document_id for h in hits])
        for hit in hits:
            body = texts.get(hit.document_id, "")
            hit.positions = hit_positions(parsed, body)
            header = len("\n".join(body.split("\n")[:2]))
            hit.snippet = snippet(body, hit.positions, skip=header)
    for hit in hits:
        hit.matched_by = _matched_by(parsed, hit, texts_for is not None)
    return SearchResult(text, len(docs), hits, counts, parsed.message, (time.perf_counter() - started) * 1000,
                        matcher.exact)
