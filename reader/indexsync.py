"""Keeping the search index in step with the archive: the generation counter, per-issue updates, rebuilds, search."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import sqlite_utils

from reader.library import Library
from reader.search.indexer import SearchIndex
from reader.search.searcher import SearchResult, run_search

IndexProgress = Callable[[int, int], None]
IndexRow = tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]


class IndexSync:
    """The index's side of every archive change, and searching through it."""

    def __init__(self, db: sqlite_utils.Database, index: SearchIndex, library: Library) -> None:
        self.db = db
        self.index = index
        self.library = library

    def generation(self) -> int:
        """A counter the archive bumps in every transaction that changes it; the index records the one it saw."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def bump_generation(self) -> int:
        """Bump the generation inside the caller's transaction."""
        value = self.generation() + 1
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", [str(value)])
        return value

    def rows(self, where: str = "", args: list[Any] | None = None) -> Iterator[IndexRow]:
        """(document, issue, 目录 entry) rows for the indexer."""
        issues = {r["id"]: r for r in self.db["issues"].rows}
        tocs = {r["document_id"]: r for r in self.db.query("SELECT * FROM toc WHERE document_id IS NOT NULL")}
        sql = "SELECT id, issue_id, ordinal, section, title, doc_number, issuer, date, text FROM documents"
        for doc in self.db.query(sql + (f" WHERE {where}" if where else "") + " ORDER BY issue_id, ordinal", args or []):
            yield doc, issues[doc["issue_id"]], tocs.get(doc["id"])

    def issue_changed(self, issue_id: str, generation: int) -> None:
        """Bring one issue's documents into the index; if that fails the next search rebuilds it."""
        if not self.index.is_current(generation - 1):
            return  # the index is behind anyway: the next search rebuilds it whole
        try:
            self.index.replace_issue(issue_id, list(self.rows("issue_id = ?", [issue_id])), generation)
        except Exception:
            self.index.close()

    def reindex(self, progress: IndexProgress | None = None) -> int:
        """Rebuild the search index from the archive; return the number of documents indexed."""
        return self.index.rebuild(self.rows(), self.db["documents"].count, self.generation(), progress)

    def ensure(self, progress: IndexProgress | None = None) -> bool:
        """Rebuild the index when it is missing, corrupt, stale or from another analyzer; True if rebuilt."""
        if self.index.is_current(self.generation(), self.db["documents"].count):
            return False
        self.reindex(progress)
        return True

    def search(self, query: str, *, snippets: bool = True, **options: Any) -> SearchResult:
        """Search the archive (the index is rebuilt first when needed, and again when a segment is damaged).

        options: limit, sort, year, gazette, section, status_ids, in_force_only (see run_search)."""
        self.ensure()
        texts = self.library.texts if snippets else None
        try:
            return run_search(self.index.view(), query, texts, **options)
        except (OSError, ValueError, EOFError, KeyError, IndexError):  # a damaged segment found while reading
            self.reindex()
            return run_search(self.index.view(), query, texts, **options)

    def warm_up(self) -> None:
        """Open the index, its text postings and row maps now, not on the first query."""
        if self.index.is_current(self.generation()):
            self.index.view().text.segments()
