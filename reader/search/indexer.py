"""The Whoosh index in the data home, derived from the archive and kept in step with it."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from filelock import FileLock
from whoosh import index as whoosh_index
from whoosh.index import Index as WhooshIndex
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from reader.search import analyzer
from reader.search.durable import FileCheck, check_full, check_quick, fsync_dir, seal, write_atomic
from reader.search.fields import IndexRow, IndexView, Rows, row_column, text_row, to_fields
from reader.search.textindex import DocRow, TextIndex
from reader.search.whoosh_schema import build_schema

if TYPE_CHECKING:
    from reader.search.searcher import SearchResult

STATE_FILE = "state.json"
FORMAT = 2  # the index's own format: 2 adds per-file checks, issue stamps and the writer lock (1: before)
TEXT_DIR = "text"  # the text index (textindex.py), inside the Whoosh folder so both are swapped together
Progress = Callable[[int, int], None]


class SearchIndex:
    """The on-disk index: open or (re)build it, bring issues in and out, read its state.

    The state file is the index's commit record: its format, the analyzer, the archive generation and the stamp
    of every issue it reflects, the Whoosh generation, and the size and checksums of each Whoosh file. One writer
    at a time (``lock()``, a file beside the folder) commits Whoosh, then the text index, then the state; each
    data file is on the disk before what makes it visible. A reader never writes without that lock."""

    def __init__(self, folder: Path, *, readonly: bool = False) -> None:
        self.folder = folder
        self.readonly = readonly  # a pack's index: read without locks, never written
        self._ix: WhooshIndex | None = None
        self._searcher: Searcher | None = None
        self._view: IndexView | None = None
        self._state: tuple[bytes, dict[str, Any]] = (b"", {})
        self._stamps: tuple[str, dict[str, str]] = ("", {})
        self._checked: bytes | None = None
        self.text = TextIndex(folder / TEXT_DIR)

    # ---- state ---------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """The index's commit record ({} when missing or unreadable): a small file, read at every call."""
        try:
            raw = (self.folder / STATE_FILE).read_bytes()
        except OSError:
            return {}
        if raw != self._state[0]:
            try:
                self._state = (raw, json.loads(raw))
            except ValueError:
                return {}
        return self._state[1]

    def lock(self, timeout: float = 120.0) -> FileLock:
        """The writer lock over Whoosh, the text index and the state (one writer at a time, across processes)."""
        return FileLock(str(self.folder.with_name(self.folder.name + ".lock")), timeout=timeout)

    def _commit_state(self, folder: Path, state: dict[str, Any]) -> None:
        """Write the state (the commit point); the issue stamps go first to a file named by its contents."""
        state = dict(state)
        if "issues" in state:
            data = json.dumps(state.pop("issues"), ensure_ascii=False, sort_keys=True).encode("utf-8")
            name = f"issues-{hashlib.sha1(data).hexdigest()[:16]}.json"
            if not (folder / name).exists():
                write_atomic(folder / name, data)
            state["issues_file"] = name
        write_atomic(folder / STATE_FILE, json.dumps(state, ensure_ascii=False).encode("utf-8"))
        for old in folder.glob("issues-*.json"):
            if old.name != state.get("issues_file"):
                old.unlink(missing_ok=True)

    def stamps(self) -> dict[str, str]:
        """The stamp (source SHA-256 and import time) of each issue the index reflects."""
        name = self.state().get("issues_file")
        if not name:
            return {}
        if self._stamps[0] != name:
            try:
                self._stamps = (name, json.loads((self.folder / name).read_text(encoding="utf-8")))
            except (OSError, ValueError):
                return {}
        return dict(self._stamps[1])

    def healthy(self) -> bool:
        """Whether the index opens and matches its commit record: format, analyzer, files whole at their ends,
        Whoosh and the text index holding the same documents. Checked again whenever the state file changes."""
        state = self.state()
        if state.get("format") != FORMAT or state.get("analyzer") != analyzer.VERSION or state.get("pending"):
            return False
        if self._checked is not None and self._checked == self._state[0]:
            return True
        try:
            ix = self.open()
            if ix.latest_generation() != state.get("whoosh_generation"):
                return False
            for name, check in state.get("whoosh_files", {}).items():
                check_quick(self.folder / name, check)
            count = self.searcher().doc_count()
            if state.get("docs") is not None and (count != self.text.meta()["docs"] or count != state["docs"]):
                return False
            for seg in self.text.segments():
                seg.rows  # noqa: B018 - opening a segment checks its files
        except Exception:  # a damaged index raises many kinds of errors
            self.close()
            return False
        self._checked = self._state[0]
        return True

    def readable(self) -> bool:
        """Whether a search can read the index while another process is between its commits (format and analyzer
        right, Whoosh and the text index open); what is committed in both is what a search sees."""
        state = self.state()
        if state.get("format") != FORMAT or state.get("analyzer") != analyzer.VERSION:
            return False
        try:
            self.searcher()
            self.text.segments()
        except Exception:  # a damaged index raises many kinds of errors
            self.close()
            return False
        return True

    def is_current(self, generation: int, documents: int | None = None) -> bool:
        """Whether the index is healthy and reflects this archive generation (and document count)."""
        if not self.healthy() or self.state().get("generation") != generation:
            return False
        return documents is None or self.state().get("docs") in (documents, None)

    def verify(self) -> None:
        """Check every file of the index whole against its commit record (raises IndexDamaged)."""
        for name, check in self.state().get("whoosh_files", {}).items():
            check_full(self.folder / name, check)
        self.text.verify()

    # ---- opening -------------------------------------------------------------------------------
    def open(self) -> WhooshIndex:
        """The Whoosh index (opened once)."""
        if self._ix is None:
            self._ix = whoosh_index.open_dir(str(self.folder), readonly=self.readonly)
        return self._ix

    def searcher(self) -> Searcher:
        """A searcher kept open between queries, refreshed when the index has changed."""
        if self._searcher is None:
            self._searcher = self.open().searcher()
        elif not self._searcher.up_to_date():
            # Searcher.refresh() keeps segment readers that miss new deletions: open a new searcher instead
            self._searcher.close()
            self._searcher = self.open().searcher()
        return self._searcher

    def view(self) -> IndexView:
        """The searcher with the text index and the row maps (made once per searcher: a few ms). A Whoosh
        document whose row the text index has not committed yet (another process is between its two commits)
        is left out, so a search sees each document in both or in neither."""
        searcher = self.searcher()
        if self._view is None or self._view.searcher is not searcher or self._view.next_row != self._next_row():
            reader = searcher.reader()
            rows = np.concatenate([row_column(leaf) for leaf, _ in reader.leaf_readers() if leaf.doc_count_all()] or [np.zeros(0, np.int64)])
            next_row = self._next_row()
            live = np.zeros(len(rows), dtype=bool)
            live[list(reader.all_doc_ids())] = True
            live &= rows < next_row
            rows[~live] = -1
            docnum_of = np.full(max(next_row, int(rows.max(initial=-1)) + 1) + 1, -1, dtype=np.int64)
            docnum_of[rows[live]] = np.flatnonzero(live)
            self._view = IndexView(searcher, self.text, rows, docnum_of, next_row)
        return self._view

    def query(self, text: str, **options: Any) -> SearchResult:
        """Run a query on the index as committed (see reader/search/backend.py for the options and result)."""
        from reader.search.searcher import run_search

        texts_for = options.pop("texts_for", None)
        return run_search(self.view(), text, texts_for, **options)

    def _next_row(self) -> int:
        return int(self.text.meta()["next_row"])

    def close(self) -> None:
        """Forget the open index."""
        self._view = None
        self._checked = None
        self.text.close()
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    # ---- writing (the caller holds lock()) -------------------------------------------------------
    def rebuild(self, docs: Rows, total: int, generation: int, stamps: dict[str, str],
                progress: Progress | None = None) -> int:
        """Build a fresh index from archive rows beside the old one, commit it there, then swap it in; return the
        count. Until the swap, searches read the old index."""
        self.close()
        tmp = self.folder.with_name(self.folder.name + ".new")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        ix = whoosh_index.create_in(str(tmp), build_schema())
        writer = ix.writer(limitmb=256)
        count = 0

        def feed() -> Iterator[DocRow]:
            nonlocal count
            for doc, issue, toc in docs:
                writer.add_document(**to_fields(doc, issue, toc, count))
                yield text_row(doc, issue, toc, count)
                count += 1
                if progress and (count % 200 == 0 or count == total):
                    progress(count, total)

        try:
            TextIndex(tmp / TEXT_DIR).build(feed())
            writer.commit(optimize=True)
            state = _new_state(generation, stamps, count) | _whoosh_record(ix, tmp, {})
            ix.close()
            self._commit_state(tmp, state)
        except BaseException:
            writer.cancel()
            ix.close()
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            self.folder.replace(old)
        tmp.replace(self.folder)
        fsync_dir(self.folder.parent)
        shutil.rmtree(old, ignore_errors=True)
        return count

    def writer(self) -> IndexWriter:
        """A writer on the index (Whoosh's lock makes it one at a time)."""
        return self.open().writer(timeout=60.0, limitmb=128)

    def apply(self, changed: dict[str, list[IndexRow]], gone: set[str], generation: int,
              stamps: dict[str, str]) -> None:
        """Bring changed issues in (their current rows) and removed ones out: Whoosh in one commit, its files on
        the disk, then the text index, then the state that records both. A crash at any step leaves a state that
        says which issues the index reflects, so the next writer or reader brings the rest in."""
        state = dict(self.state())
        state.pop("issues_file", None)
        state["issues"] = self.stamps()
        touched = sorted(set(changed) | gone)
        state["pending"] = {"whoosh_before": self.open().latest_generation(), "issues": touched}
        self._commit_state(self.folder, state)
        first = self._next_row()
        new_rows = [row for rows in changed.values() for row in rows]
        writer = self.writer()
        try:
            for issue_id in touched:
                writer.delete_by_term("issue_id", issue_id)
            for k, (doc, issue, toc) in enumerate(new_rows):
                writer.add_document(**to_fields(doc, issue, toc, first + k))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self.close()
        record = _whoosh_record(self.open(), self.folder, state.get("whoosh_files", {}))
        state["pending"] = {"whoosh_synced": record["whoosh_generation"], "issues": touched}
        self._commit_state(self.folder, state)
        self.text.replace(set(touched), [text_row(doc, issue, toc, first + k)
                                                 for k, (doc, issue, toc) in enumerate(new_rows)])
        self._commit_state(self.folder, _new_state(generation, stamps, int(self.text.meta()["docs"])) | record)
        self.close()

    def recoverable(self) -> bool:
        """After a writer died between its commits: whether what it left can be caught up (Whoosh untouched, or
        its new files already on the disk) rather than rebuilt."""
        pending = self.state().get("pending")
        if not pending:
            return False
        try:
            latest = self.open().latest_generation()
        except Exception:
            self.close()
            return False
        return latest in (pending.get("whoosh_before"), pending.get("whoosh_synced"))

    def settle(self) -> None:
        """Record what a dead writer left (Whoosh's files as they are now, the issues it was writing no longer
        reflected) so catching up brings those issues in again; until then a search sees each document in both
        Whoosh and the text index or in neither."""
        state = dict(self.state())
        pending = state.pop("pending", {})
        self.close()
        state |= _whoosh_record(self.open(), self.folder, {})
        state["issues"] = {k: v for k, v in self.stamps().items() if k not in pending.get("issues", [])}
        state["docs"] = None  # Whoosh and the text index may disagree on the issues being written
        state["generation"] = -1  # behind any archive: the caller brings every issue whose stamp differs
        self._commit_state(self.folder, state)
        self.close()


def _new_state(generation: int, stamps: dict[str, str], docs: int) -> dict[str, Any]:
    return {"format": FORMAT, "analyzer": analyzer.VERSION, "generation": generation, "docs": docs,
            "issues": stamps}


def _whoosh_record(ix: WhooshIndex, folder: Path, known: dict[str, FileCheck]) -> dict[str, Any]:
    """Whoosh's current generation and the checks of its files (those of earlier commits kept; new ones
    flushed to the disk and checked here)."""
    generation = ix.latest_generation()
    storage: Any = getattr(ix, "storage")  # noqa: B009 - FileIndex's storage, not in Index's type
    names = [n for n in storage.list() if n.endswith(".seg") or n == f"_MAIN_{generation}.toc"]
    new = [folder / n for n in names if n not in known]
    checks = {n: known[n] for n in names if n in known} | seal(new)
    fsync_dir(folder)
    return {"whoosh_generation": generation, "whoosh_files": checks}
