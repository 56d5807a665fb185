"""The plain recipe bench_search.py compares with: Whoosh, an rjieba tokenizer, a writer with procs=2 and
multisegment, Whoosh's query parser over title and body, and its highlighter (title and body stored)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import rjieba
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, NUMERIC, TEXT, Schema


class JiebaTokenizer(Tokenizer):
    """The tokenizer every Whoosh-and-jieba tutorial gives, on rjieba (search mode)."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, mode: str = "",
                 **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, (word, start, end) in enumerate(rjieba.tokenize(value, mode="search")):
            if not word.strip():
                continue
            token.original = token.text = word.lower()
            token.boost = 1.0
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def plain_schema() -> Schema:
    """Whoosh fields of the plain recipe, analysed by rjieba, title and body stored."""
    analyzer = JiebaTokenizer()
    return Schema(doc_id=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer, stored=True, field_boost=4.0),
                  body=TEXT(analyzer=analyzer, stored=True), issuer=TEXT(analyzer=analyzer),
                  section=TEXT(analyzer=analyzer), year=NUMERIC(int, stored=True), number=ID(stored=True))


def plain_docs(db: Path) -> Iterator[dict[str, Any]]:
    """The archive's documents as the plain recipe indexes them."""
    conn = sqlite3.connect(str(db))
    sql = ("SELECT d.id, d.title, d.text, d.issuer, d.section, i.year, d.doc_number FROM documents d "
           "JOIN issues i ON i.id = d.issue_id ORDER BY d.issue_id, d.ordinal")
    for doc_id, title, text, issuer, section, year, number in conn.execute(sql):
        fields = {"doc_id": doc_id, "title": title, "body": text, "issuer": issuer or "", "section": section or "",
                  "number": number or ""}
        if year is not None:
            fields["year"] = year
        yield fields
    conn.close()


def plain_build(db: Path, folder: Path) -> float:
    """Build the plain recipe's index; return the seconds it took."""
    from whoosh import index

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    ix = index.create_in(str(folder), plain_schema())
    writer = ix.writer(procs=2, multisegment=True, limitmb=256)
    for fields in plain_docs(db):
        writer.add_document(**fields)
    writer.commit()
    return time.perf_counter() - started


def plain_runner(folder: Path) -> Callable[[str, bool], int]:
    """A function running one query of the plain recipe (top 20, optionally with highlighted snippets)."""
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    ix = index.open_dir(str(folder))
    searcher = ix.searcher()
    parser = MultifieldParser(["title", "body"], ix.schema)

    def run(text: str, snippets: bool) -> int:
        results = searcher.search(parser.parse(text), limit=20)
        if snippets:
            for hit in results:
                hit.highlights("body")
        return len(results)

    return run


