"""The Whoosh index in the data home, derived from the archive and kept in step with it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.index import Index as WhooshIndex
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from reader.gazette.docnumber import DocNumber, find_all, parse_loose
from reader.search import analyzer
from reader.search.schema import build_schema
from reader.search.textindex import DocRow, TextIndex

STATE_FILE = "state.json"
TEXT_DIR = "text"  # the text index (textindex.py), inside the Whoosh folder so both are swapped together
Progress = Callable[[int, int], None]


def number_keys(*printed: str | None) -> str:
    """Comma-separated keys for the 文号 field: canonical numbers and their parts."""
    keys: list[str] = []
    for text in printed:
        number: DocNumber | None = parse_loose(text) if text else None
        if number:
            keys += [k for k in number.keys() if k not in keys]
    return ",".join(keys)


def title_text(doc: dict[str, Any], toc: dict[str, Any] | None) -> str:
    """The title as indexed: the document's, and its 目录 entry's when that differs."""
    title = doc["title"]
    if toc and toc.get("title") and analyzer.normalize(toc["title"]) != analyzer.normalize(title):
        return f"{title}\n{toc['title']}"
    return str(title)


def to_fields(doc: dict[str, Any], issue: dict[str, Any], toc: dict[str, Any] | None, row: int) -> dict[str, Any]:
    """The Whoosh fields of an archive document (toc: its 目录 entry, whose title and 文号 may differ; row: its
    row in the text index)."""
    fields = {
        "doc_id": doc["id"],
        "issue_id": doc["issue_id"],
        "row": row,
        "title": title_text(doc, toc),
        "number": number_keys(doc.get("doc_number"), (toc or {}).get("doc_number")),
        "cites": ",".join(dict.fromkeys(n.canonical for n in find_all(doc["text"]))),
        "doc_number": doc.get("doc_number") or "",
        "issuer": doc.get("issuer") or "",
        "section": doc.get("section") or "",
        "gazette": issue["gazette"],
        "gazette_key": issue["gazette"],
        "section_key": doc.get("section") or "",
        "date": doc.get("date") or "",
        "ordinal": doc["ordinal"],
    }
    if issue.get("year") is not None:
        fields["year"] = issue["year"]
    if issue.get("issue") is not None:
        fields["issue"] = issue["issue"]
    return fields


def text_row(doc: dict[str, Any], issue: dict[str, Any], toc: dict[str, Any] | None, row: int) -> DocRow:
    """The text index's record of an archive document."""
    return DocRow(row, doc["id"], doc["issue_id"], title_text(doc, toc), doc["text"],
                  (issue.get("year"), issue["gazette"], doc.get("section") or ""))


def _row_column(leaf: Any) -> np.ndarray:
    """The text index row of each document of one Whoosh segment, read as one array (Whoosh stores a sortable
    64-bit number big-endian with the sign bit flipped), or value by value when the column is not that."""
    if leaf.doc_count_all() == 0:  # an empty index (a first run) has no column to read
        return np.zeros(0, np.int64)
    column = leaf.column_reader("row", translate=False)
    if getattr(column, "_typecode", "") == "Q" and getattr(column, "_count", -1) == leaf.doc_count_all():
        raw = column._dbfile.get(column._basepos, column._count * 8)
        return (np.frombuffer(raw, dtype=">u8") - np.uint64(1 << 63)).astype(np.int64)
    return np.fromiter((int(r) for r in leaf.column_reader("row")), dtype=np.int64, count=leaf.doc_count_all())


Rows = Iterable[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]]


@dataclass
class IndexView:
    """What a search reads: the Whoosh searcher, the text index, and the maps between Whoosh's document
    numbers and the text index's rows (-1 where there is none)."""

    searcher: Searcher
    text: TextIndex
    row_of: np.ndarray
    docnum_of: np.ndarray
    _rows_by_id: dict[str, int] | None = None
    _facets: dict[str, tuple[np.ndarray, list[Any]]] | None = None

    def facet(self, name: str) -> tuple[np.ndarray, list[Any]]:
        """For a facet (year, gazette, section): each Whoosh document's value as a code (-1: none), and the
        values the codes stand for (made once per searcher from the text index's segment lists)."""
        if self._facets is None:
            self._facets = {}
        if name not in self._facets:
            values = [(np.asarray(seg.rows, dtype=np.int64), seg.column(name)) for seg in self.text.segments()]
            if values:
                rows = np.concatenate([r for r, _ in values])
                labels, codes = np.unique(np.concatenate([v for _, v in values]), return_inverse=True)
            else:
                rows, labels, codes = np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
            none = [k for k, label in enumerate(labels.tolist()) if label in ("", -1)]
            codes = np.where(np.isin(codes, none), -1, codes)
            by_row = np.full(len(self.docnum_of), -1, dtype=np.int64)
            by_row[rows] = codes
            codes_of = np.where(self.row_of >= 0, by_row[np.maximum(self.row_of, 0)], -1)
            self._facets[name] = (codes_of, labels.tolist())
        return self._facets[name]

    def rows_by_id(self) -> dict[str, int]:
        """The text index row of every live document, by archive id (made once)."""
        if self._rows_by_id is None:
            gone = set(self.text.meta()["deleted"])
            self._rows_by_id = {doc_id: row for seg in self.text.segments()
                                for doc_id, row in zip(seg.column("ids").tolist(), seg.rows.tolist(), strict=True)
                                if row not in gone}
        return self._rows_by_id


class SearchIndex:
    """The on-disk index: open or (re)build it, add and remove issues, read its state."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ix: WhooshIndex | None = None
        self._searcher: Searcher | None = None
        self._view: IndexView | None = None
        self.text = TextIndex(folder / TEXT_DIR)

    # ---- state ---------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """The analyzer version and archive generation this index reflects ({} when unknown)."""
        try:
            return json.loads((self.folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_state(self, generation: int) -> None:
        tmp = self.folder / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps({"analyzer": analyzer.VERSION, "generation": generation}), encoding="utf-8")
        tmp.replace(self.folder / STATE_FILE)

    def is_current(self, generation: int, documents: int | None = None) -> bool:
        """Whether the index opens, reads, and reflects this archive generation (and document count)."""
        state = self.state()
        if state.get("analyzer") != analyzer.VERSION or state.get("generation") != generation:
            return False
        try:
            count = self.searcher().doc_count()
            text_count = self.text.meta()["docs"]
        except Exception:  # a damaged index raises many kinds of errors
            self.close()
            return False
        return count == text_count and (documents is None or count == documents)

    # ---- opening -------------------------------------------------------------------------------
    def open(self) -> WhooshIndex:
        """The Whoosh index (opened once)."""
        if self._ix is None:
            self._ix = whoosh_index.open_dir(str(self.folder))
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
        """The searcher with the text index and the row maps (made once per searcher: a few ms)."""
        searcher = self.searcher()
        if self._view is None or self._view.searcher is not searcher:
            reader = searcher.reader()
            rows = np.concatenate([_row_column(leaf) for leaf, _ in reader.leaf_readers()] or [np.zeros(0, np.int64)])
            live = np.zeros(len(rows), dtype=bool)
            live[list(reader.all_doc_ids())] = True
            rows[~live] = -1
            # sized for rows Whoosh may already hold while the text index is being written by another Archive
            docnum_of = np.full(max(int(self.text.meta()["next_row"]), int(rows.max(initial=-1)) + 1) + 1, -1,
                                dtype=np.int64)
            docnum_of[rows[live]] = np.flatnonzero(live)
            self._view = IndexView(searcher, self.text, rows, docnum_of)
        return self._view

    def close(self) -> None:
        """Forget the open index."""
        self._view = None
        self.text.close()
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    def rebuild(self, docs: Rows, total: int, generation: int, progress: Progress | None = None) -> int:
        """Build a fresh index from archive rows beside the old one, then swap it in; return the count."""
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
        except BaseException:
            writer.cancel()
            ix.close()
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        ix.close()
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            self.folder.replace(old)
        tmp.replace(self.folder)
        shutil.rmtree(old, ignore_errors=True)
        self._write_state(generation)
        return count

    def writer(self) -> IndexWriter:
        """A writer on the index (Whoosh's lock makes it one at a time)."""
        return self.open().writer(timeout=60.0, limitmb=128)

    def replace_issue(self, issue_id: str, rows: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]],
                      generation: int) -> None:
        """Remove an issue's documents and add its current ones: Whoosh in one commit, then the text index (the
        state is written last, so a failure between the two makes the next search rebuild)."""
        first = int(self.text.meta()["next_row"])
        writer = self.writer()
        try:
            writer.delete_by_term("issue_id", issue_id)
            for k, (doc, issue, toc) in enumerate(rows):
                writer.add_document(**to_fields(doc, issue, toc, first + k))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._view = None
        self.text.replace(issue_id, [text_row(doc, issue, toc, first + k) for k, (doc, issue, toc) in enumerate(rows)])
        self._write_state(generation)
