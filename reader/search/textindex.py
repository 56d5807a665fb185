"""The postings of titles and bodies with their positions, in numpy arrays on disk (beside the Whoosh index).

Whoosh keeps the small fields (文号, 机关, 栏目, years, dates, what hit lists show); the text of titles and
bodies, nine tenths of what is indexed, lives here, where a posting list is a slice of an array: a string is
matched exactly (every bigram present, and standing one after another as typed) and ranked by BM25 without
decoding posting blocks one by one in Python. Each document has a row number; Whoosh stores it too.

Segments (``segment.py``) are written once; a re-imported issue marks its old rows deleted and adds a segment;
six or more are merged."""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from reader.search.durable import fsync_dir, write_atomic
from reader.search.segment import DOC_COLUMNS, Segment, common, distinct, expand, write_arrays, write_docs
from reader.search.terms import FIELD_SHIFT, tokenize

FIELDS = {"body": 0, "title": 1}
K1, B = 1.2, 0.75
SEGMENT_TOKENS = 12_000_000  # tokens a segment holds at most when built (memory: about 40 bytes a token)
MERGE_AT = 6  # small segments from which they are merged into one
SMALL = SEGMENT_TOKENS // 4  # a segment under this many tokens is small: merged with the other small ones, so an
# import rewrites at most a few million tokens, never the full segments a rebuild wrote
META = "meta.json"


@dataclass
class DocRow:
    """One document as the text index sees it: its row, archive id, issue, title and body, and the values of
    its facets (year, gazette, section)."""

    row: int
    doc_id: str
    issue_id: str
    title: str
    body: str
    facets: tuple[int | None, str, str] = (None, "", "")


class TextIndex:
    """The text postings of one search index folder: build, update, match strings, rank."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._segments: list[Segment] | None = None
        self._meta: dict[str, Any] | None = None
        self._stamp: tuple[int, int, int] | None = None

    # ---- reading -------------------------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        """Segments, the next row, deleted rows and totals; read again when another Archive (the import worker)
        has written the index since (the meta file is replaced at every commit)."""
        path = self.folder / META
        try:
            st = path.stat()
            stamp: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = None
        if self._meta is None or stamp != self._stamp:
            self._segments = None
            self._meta = json.loads(path.read_text(encoding="utf-8")) if stamp else _empty_meta()
            self._stamp = stamp
        return self._meta

    def segments(self) -> list[Segment]:
        """The segments, opened once per version of the meta."""
        meta = self.meta()
        if self._segments is None:
            self._segments = [Segment(self.folder, s) for s in meta["segments"]]
        return self._segments

    def close(self) -> None:
        """Forget what is open (the files may be replaced)."""
        self._segments, self._meta, self._stamp = None, None, None

    def deleted(self) -> np.ndarray:
        """Rows of documents removed since their segment was written (sorted)."""
        return np.array(sorted(self.meta()["deleted"]), dtype=np.int64)

    def _rows(self, seg: Segment, local: np.ndarray) -> np.ndarray:
        return np.asarray(seg.rows, dtype=np.int64)[local]

    def match(self, field: str, codes: list[int]) -> np.ndarray:
        """Rows whose field holds the terms one after another, as typed (sorted; deleted rows included)."""
        out = []
        unique = list(dict.fromkeys(codes))
        for seg in self.segments():
            found = [seg.lookup(c) for c in unique]
            if min(found) < 0:
                continue
            lists = sorted((seg.postings(k)[0] for k in found), key=len)
            docs = np.asarray(lists[0], dtype=np.int64)
            for other in lists[1:]:
                docs = common(docs, np.asarray(other, dtype=np.int64))
                if not len(docs):
                    break
            if len(codes) > 1 and len(docs):
                docs = self._adjacent(seg, [found[unique.index(c)] for c in codes], docs)
            if len(docs):
                out.append(self._rows(seg, docs))
        return np.sort(np.concatenate(out)) if out else np.zeros(0, dtype=np.int64)

    def _adjacent(self, seg: Segment, terms: list[int], docs: np.ndarray) -> np.ndarray:
        """The local documents in which term i stands at p + i for some p, from the rarest term on."""
        order = sorted(range(len(terms)), key=lambda i: seg.df(terms[i]))
        keys: np.ndarray | None = None
        for i in order:
            found = seg.keys(terms[i], docs, i)
            keys = found if keys is None else common(keys, found)
            if not len(keys):
                return np.zeros(0, dtype=np.int64)
            docs = distinct(keys >> 32)
        return docs

    def match_char(self, field: str, char: str) -> np.ndarray:
        """Rows whose field holds one Han character anywhere (alone, or in any bigram)."""
        f = FIELDS[field]
        c = ord(char)
        out = []
        for seg in self.segments():
            terms = np.asarray(seg.terms)
            in_field = (terms >> FIELD_SHIFT) == f
            low = terms & ((1 << 21) - 1)
            high = (terms >> 21) & ((1 << 21) - 1)
            hits = np.flatnonzero(in_field & (terms < (f << FIELD_SHIFT) + (1 << 42)) & ((high == c) | (low == c)))
            if len(hits):
                docs = np.unique(np.concatenate([np.asarray(seg.postings(int(k))[0]) for k in hits]))
                out.append(self._rows(seg, docs.astype(np.int64)))
        return np.unique(np.concatenate(out)) if out else np.zeros(0, dtype=np.int64)

    def scores(self, weighted: dict[str, list[int]], rows: np.ndarray, boosts: dict[str, float]) -> np.ndarray:
        """BM25 of each of the given rows (sorted) for the terms of each field, times the field's boost."""
        meta = self.meta()
        n = max(1, meta["docs"])
        total = np.zeros(len(rows), dtype=np.float64)
        if not len(rows):
            return total
        for field, codes in weighted.items():
            f = FIELDS[field]
            avg = max(1.0, meta["lengths"][f] / n)
            per_seg = [(seg, [seg.lookup(c) for c in dict.fromkeys(codes)]) for seg in self.segments()]
            for j in range(len(per_seg[0][1]) if per_seg else 0):
                df = sum(seg.df(ks[j]) for seg, ks in per_seg if ks[j] >= 0)
                if not df:
                    continue
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5)) * boosts.get(field, 1.0)
                for seg, ks in per_seg:
                    if ks[j] < 0:
                        continue
                    docs, tf = seg.postings(ks[j])
                    prow = self._rows(seg, np.asarray(docs, dtype=np.int64))
                    at = np.searchsorted(rows, prow)
                    ok = (at < len(rows)) & (rows[np.minimum(at, len(rows) - 1)] == prow)
                    if not ok.any():
                        continue
                    lens = np.asarray(getattr(seg, f"len{f}"), dtype=np.float64)[np.asarray(docs)[ok]]
                    t = np.asarray(tf, dtype=np.float64)[ok]
                    total[at[ok]] += idf * t * (K1 + 1) / (t + K1 * (1 - B + B * lens / avg))
        return total

    # ---- writing -------------------------------------------------------------------------------
    def build(self, docs: Iterable[DocRow]) -> None:
        """Write a fresh text index from documents (into an empty folder)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        meta = _empty_meta()
        batch: list[DocRow] = []
        size = 0
        for doc in docs:
            batch.append(doc)
            size += len(doc.body) + len(doc.title)
            if size >= SEGMENT_TOKENS:
                self._write(meta, batch)
                batch, size = [], 0
        if batch:
            self._write(meta, batch)
        self._save(meta)

    def replace(self, remove: set[str], docs: list[DocRow]) -> None:
        """Delete the rows of some issues and add new documents as a segment; merge small segments."""
        meta = json.loads(json.dumps(self.meta()))
        gone: set[int] = set(meta["deleted"])
        for seg in self.segments():
            for local in np.flatnonzero(np.isin(seg.column("issues"), list(remove))).tolist():
                row = int(seg.rows[local])
                if row not in gone:
                    gone.add(row)
                    meta["docs"] -= 1
                    meta["lengths"][0] -= int(seg.len0[local])
                    meta["lengths"][1] -= int(seg.len1[local])
        meta["deleted"] = sorted(gone)
        if docs:
            self._write(meta, docs)
        small = [info for info in meta["segments"] if info.get("tokens", 0) < SMALL]
        if len(small) >= MERGE_AT:
            self._merge(meta, small)
        self._save(meta)

    def _write(self, meta: dict[str, Any], docs: list[DocRow]) -> None:
        """Tokenise documents and write them as a new segment, giving them the next rows."""
        meta["next_row"] = max([meta["next_row"]] + [d.row + 1 for d in docs])
        body = tokenize([d.body for d in docs], FIELDS["body"])
        title = tokenize([d.title for d in docs], FIELDS["title"])
        codes = np.concatenate([body[0], title[0]])
        local = np.concatenate([body[1], title[1]])
        pos = np.concatenate([body[2], title[2]])
        len0 = np.bincount(body[1], minlength=len(docs)).astype(np.uint32)
        len1 = np.bincount(title[1], minlength=len(docs)).astype(np.uint32)
        name = f"s{meta['next_segment']}"
        meta["next_segment"] += 1
        files = write_arrays(self.folder, name, codes, local, pos)
        files |= write_docs(self.folder, name, {
            "rows": np.array([d.row for d in docs], dtype=np.int64), "len0": len0, "len1": len1,
            "ids": np.array([d.doc_id for d in docs], dtype=str), "issues": np.array([d.issue_id for d in docs], dtype=str),
            "year": np.array([-1 if d.facets[0] is None else d.facets[0] for d in docs], dtype=np.int64),
            "gazette": np.array([d.facets[1] for d in docs], dtype=str),
            "section": np.array([d.facets[2] for d in docs], dtype=str),
        })
        meta["segments"].append({"name": name, "docs": len(docs), "tokens": len(codes), "files": files})
        meta["docs"] += len(docs)
        meta["lengths"][0] += int(len0.sum())
        meta["lengths"][1] += int(len1.sum())

    def _merge(self, meta: dict[str, Any], merged: list[dict[str, Any]]) -> None:
        """Merge some segments into one (in place of the first of them), dropping deleted rows."""
        gone = set(meta["deleted"])
        codes, local, pos = [], [], []
        columns: dict[str, list[np.ndarray]] = {key: [] for key in DOC_COLUMNS}
        base = 0
        for info in merged:
            seg = Segment(self.folder, info)
            c, d, p = expand(seg)
            live = ~np.isin(np.asarray(seg.rows, dtype=np.int64), np.fromiter(gone, dtype=np.int64, count=len(gone)))
            renumber = np.cumsum(live) - 1 + base
            mask = live[d]
            codes.append(c[mask])
            local.append(renumber[d[mask]])
            pos.append(p[mask])
            for key in DOC_COLUMNS:
                columns[key].append(np.asarray(seg.column(key))[live])
            base += int(live.sum())
        name = f"s{meta['next_segment']}"
        meta["next_segment"] += 1
        all_codes = np.concatenate(codes)
        all_local = np.concatenate(local)
        all_pos = np.concatenate(pos)
        order = np.lexsort((all_pos, all_local))  # text order again, for the stable sort by term
        files = write_arrays(self.folder, name, all_codes[order], all_local[order], all_pos[order])
        files |= write_docs(self.folder, name, {key: np.concatenate(parts) for key, parts in columns.items()})
        names = {info["name"] for info in merged}
        at = meta["segments"].index(merged[0])
        rest = [info for info in meta["segments"] if info["name"] not in names]
        meta["segments"] = rest[:at] + [{"name": name, "docs": base, "tokens": len(all_codes), "files": files}] + rest[at:]
        dropped = {int(r) for info in merged for r in np.load(self.folder / f"{info['name']}.rows.npy")}
        meta["deleted"] = sorted(gone - dropped)
        meta["obsolete"] = meta.get("obsolete", []) + [info["name"] for info in merged]

    def _save(self, meta: dict[str, Any]) -> None:
        """Write the meta (the commit point), then delete the files of merged segments it no longer names; a file
        still mapped by a reader (Windows) stays listed and goes at a later save."""
        obsolete = meta.pop("obsolete", [])
        self._write_meta(meta)
        self.close()
        stale = []
        for name in obsolete:
            for path in self.folder.glob(f"{name}.*.npy"):
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    stale.append(name)
        if stale:
            meta["obsolete"] = sorted(set(stale))
            self._write_meta(meta)

    def _write_meta(self, meta: dict[str, Any]) -> None:
        """The commit point: the segments' files are on the disk before the meta that names them."""
        fsync_dir(self.folder)
        write_atomic(self.folder / META, json.dumps(meta, ensure_ascii=False).encode("utf-8"))

    def verify(self) -> None:
        """Check every file of every segment whole against its commit's record (raises IndexDamaged)."""
        for seg in self.segments():
            seg.verify()

    def remove(self) -> None:
        """Delete the text index."""
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _empty_meta() -> dict[str, Any]:
    return {"segments": [], "next_row": 0, "next_segment": 0, "deleted": [], "docs": 0, "lengths": [0, 0]}
