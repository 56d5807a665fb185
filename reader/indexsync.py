"""Keeping the search index in step with the archive: the generation counter, per-issue updates, rebuilds, search."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils
from filelock import Timeout

from reader.errors import IndexBusyError, IndexDamagedError
from reader.library import Library
from reader.search.durable import IndexDamaged
from reader.search.fields import IndexRow
from reader.search.indexer import SearchIndex
from reader.search.searcher import SearchResult

IndexProgress = Callable[[int, int], None]
LOCK_WAIT = 120.0  # seconds a writer waits for another writer (an import waits for a reindex elsewhere)



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

    def stamps(self) -> dict[str, str]:
        """Each issue's stamp (its source's SHA-256 and import time): what the index records it reflects."""
        return {r[0]: f"{r[1]}@{r[2]}" for r in self.db.execute("SELECT id, source_sha256, imported_at FROM issues")}

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the index's writer lock while the archive changes, then bring the index up to date under it: a
        reader in another process meanwhile searches what is committed, never doing the writer's work. If the
        lock cannot be had (a rebuild elsewhere), the change goes on and the next search or writer catches up."""
        lock = self.index.lock(timeout=LOCK_WAIT)
        try:
            lock.acquire()
        except Timeout:
            yield
            return
        try:
            yield
        finally:
            try:
                if self.index.readable():
                    self._catch_up_locked(self.generation(), None)
            except Exception:  # the archive committed; the index's state still says what it lacks
                self.index.close()
            finally:
                lock.release()

    def catch_up(self, wait: float = 0.0, progress: IndexProgress | None = None) -> bool:
        """Bring the index up to the archive, issue by issue, under the writer lock; rebuild only when the index
        is missing, damaged or of another format. A reader (wait 0) finding another process writing searches
        what is committed. Returns True if the index was rebuilt."""
        generation = self.generation()
        if self.index.is_current(generation):
            return False
        if self.index.readonly:
            raise IndexDamagedError(f"{self.index.folder}: the pack's search index does not match its archive; "
                                    "run `gazette-reader pack verify` on the pack and copy it again")
        try:
            with self.index.lock(timeout=wait):
                return self._catch_up_locked(self.generation(), progress)
        except Timeout:
            if self.index.readable():
                return False
            raise IndexBusyError("the search index is being rebuilt by another window or command; "
                                 "search again in a moment") from None

    def _catch_up_locked(self, generation: int, progress: IndexProgress | None) -> bool:
        if self.index.state().get("pending") and self.index.recoverable():
            self.index.settle()
        if not self.index.healthy():
            self.reindex_locked(progress)
            return True
        if self.index.state().get("generation") == generation:
            return False
        archive, indexed = self.stamps(), self.index.stamps()
        changed = [i for i, stamp in archive.items() if indexed.get(i) != stamp]
        gone = set(indexed) - set(archive)
        rows: dict[str, list[IndexRow]] = {i: [] for i in changed}
        for i in range(0, len(changed), 500):
            part = changed[i:i + 500]
            for row in self.rows(f"issue_id IN ({', '.join('?' * len(part))})", part):
                rows[row[0]["issue_id"]].append(row)
        self.index.apply(rows, gone, generation, archive)
        return False

    def reindex(self, progress: IndexProgress | None = None) -> int:
        """Rebuild the search index from the archive (under the writer lock); return the number of documents."""
        with self.index.lock():
            return self.reindex_locked(progress)

    def reindex_locked(self, progress: IndexProgress | None = None) -> int:
        """Rebuild while holding the writer lock."""
        return self.index.rebuild(self.rows(), self.db["documents"].count, self.generation(), self.stamps(), progress)

    def ensure(self, progress: IndexProgress | None = None) -> bool:
        """Bring the index up to date, rebuilding it when missing, damaged or of another analyzer; True if rebuilt."""
        return self.catch_up(wait=LOCK_WAIT, progress=progress)

    def search(self, query: str, *, snippets: bool = True, **options: Any) -> SearchResult:
        """Search the archive (caught up first; rebuilt when a file is found damaged while reading).

        options: limit, sort, year, gazette, section, status_ids, in_force_only (see run_search)."""
        self.catch_up()
        texts = self.library.texts if snippets else None
        try:
            return self.index.query(query, texts_for=texts, **options)
        except (OSError, ValueError, EOFError, KeyError, IndexError) as exc:  # a damaged segment found while reading
            self.index.close()
            if self.index.readonly:
                raise IndexDamagedError(f"{self.index.folder}: the pack's search index is damaged ({exc}); run "
                                        "`gazette-reader pack verify` on the pack and copy it again") from exc
            self.reindex()
            return self.index.query(query, texts_for=texts, **options)

    def verify(self) -> bool:
        """Check every index file whole; rebuild when one is damaged. True if it was."""
        if self.index.readonly:
            return False  # a pack is checked whole by `pack verify`
        try:
            self.index.verify()
            return False
        except IndexDamaged:
            self.index.close()
            self.reindex()
            return True

    def warm_up(self) -> None:
        """Open the index, its text postings and row maps now, not on the first query; check its files whole."""
        if self.index.is_current(self.generation()):
            self.index.view().text.segments()
            self.verify()
