"""What the index holds of an archive document: the Whoosh fields and the text index's row (``to_fields``,
``text_row``), and the view a search reads (``IndexView``: the Whoosh searcher, the text index, the maps
between Whoosh's document numbers and the text index's rows)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from reader.gazette.docnumber import DocNumber, find_all, parse_loose
from reader.search import analyzer
from reader.search.textindex import DocRow, TextIndex


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


def row_column(leaf: Any) -> np.ndarray:
    """The text index row of each document of one Whoosh segment, read as one array (Whoosh stores a sortable
    64-bit number big-endian with the sign bit flipped), or value by value when the column is not that."""
    column = leaf.column_reader("row", translate=False)
    if getattr(column, "_typecode", "") == "Q" and getattr(column, "_count", -1) == leaf.doc_count_all():
        raw = column._dbfile.get(column._basepos, column._count * 8)
        return (np.frombuffer(raw, dtype=">u8") - np.uint64(1 << 63)).astype(np.int64)
    return np.fromiter((int(r) for r in leaf.column_reader("row")), dtype=np.int64, count=leaf.doc_count_all())


IndexRow = tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]
Rows = Iterable[IndexRow]


@dataclass
class IndexView:
    """What a search reads: the Whoosh searcher, the text index, and the maps between Whoosh's document
    numbers and the text index's rows (-1 where there is none)."""

    searcher: Searcher
    text: TextIndex
    row_of: np.ndarray
    docnum_of: np.ndarray
    next_row: int = 0
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
