"""One segment of the text index: its arrays on disk, how they are written, read and expanded again.

Sorted by term code: the terms; where each term's postings and positions start; the postings (document within
the segment, term frequency); the positions as gaps within each posting (uint16 unless a gap needs more)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from reader.search.durable import FileCheck, check_full, check_quick, seal

FACETS = ("year", "gazette", "section")  # what the results panel counts (year -1 and "" stand for none)
# a column per document: its row, lengths of body and title in terms, archive id, issue, and facets
DOC_COLUMNS = ("rows", "len0", "len1", "ids", "issues") + FACETS


class Segment:
    """One segment, its arrays memory-mapped; each file checked against its commit's record when opened."""

    def __init__(self, folder: Path, info: dict[str, Any]) -> None:
        self.folder, self.name = folder, info["name"]
        self.checks: dict[str, FileCheck] = info.get("files", {})
        self.terms, self.post_start, self.tok_start = self._load("terms"), self._load("post_start"), self._load("tok_start")
        self.docs, self.tf, self.gaps = self._load("docs"), self._load("tf"), self._load("gaps")
        self.rows, self.len0, self.len1 = self._load("rows"), self._load("len0"), self._load("len1")
        self._columns: dict[str, np.ndarray] = {}

    def _path(self, key: str) -> Path:
        """The file of one array, checked (size and last block) against what its commit recorded."""
        path = self.folder / f"{self.name}.{key}.npy"
        if self.checks:
            check_quick(path, self.checks[path.name])
        return path

    def _load(self, key: str) -> np.ndarray:
        return np.load(self._path(key), mmap_mode="r")

    def column(self, key: str) -> np.ndarray:
        """One of the documents' columns (DOC_COLUMNS), read when first asked for."""
        if key not in self._columns:
            self._columns[key] = np.load(self._path(key))
        return self._columns[key]

    def verify(self) -> None:
        """Check every file of the segment whole (raises IndexDamaged)."""
        for name, check in self.checks.items():
            check_full(self.folder / name, check)

    def df(self, k: int) -> int:
        """How many documents term k is in."""
        return int(self.post_start[k + 1]) - int(self.post_start[k])

    def lookup(self, code: int) -> int:
        """The index of a term in this segment, or -1."""
        k = int(np.searchsorted(self.terms, code))
        return k if k < len(self.terms) and int(self.terms[k]) == code else -1

    def postings(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(local documents, term frequencies) of term k."""
        lo, hi = int(self.post_start[k]), int(self.post_start[k + 1])
        return self.docs[lo:hi], self.tf[lo:hi]

    def keys(self, k: int, docs: np.ndarray, shift: int) -> np.ndarray:
        """doc << 32 | (position - shift) for each occurrence of term k in the given local documents (sorted)."""
        pdocs, tf = self.postings(k)
        keep = np.isin(pdocs, docs, assume_unique=True)
        if not keep.any():
            return np.zeros(0, dtype=np.int64)
        lo, hi = int(self.tok_start[k]), int(self.tok_start[k + 1])
        gaps = np.asarray(self.gaps[lo:hi], dtype=np.int64)
        tf64 = np.asarray(tf, dtype=np.int64)
        absolute = positions(gaps, tf64)
        owner = np.repeat(np.asarray(pdocs, dtype=np.int64), tf64)
        wanted = np.repeat(keep, tf64)
        return (owner[wanted] << 32) | (absolute[wanted] - shift + (1 << 31))


def save(folder: Path, name: str, arrays: dict[str, np.ndarray]) -> dict[str, FileCheck]:
    """Save arrays as a segment's files, flushed to the disk; return their checks by file name."""
    written = []
    for key, value in arrays.items():
        path = folder / f"{name}.{key}.npy"
        np.save(path, value)
        written.append(path)
    return seal(written)


def write_docs(folder: Path, name: str, columns: dict[str, np.ndarray]) -> dict[str, FileCheck]:
    """Save a segment's document columns; return their checks."""
    return save(folder, name, {key: columns[key] for key in DOC_COLUMNS})


def write_arrays(folder: Path, name: str, codes: np.ndarray, local: np.ndarray, pos: np.ndarray) -> dict[str, FileCheck]:
    """Sort tokens (given in text order) by term and save the segment's term, posting and position arrays; return
    their checks."""
    order = np.argsort(codes, kind="stable")
    codes, local, pos = codes[order], local[order], pos[order]
    n = len(codes)
    new_term = np.ones(n, dtype=bool)
    new_term[1:] = codes[1:] != codes[:-1]
    new_post = new_term.copy()
    new_post[1:] |= local[1:] != local[:-1]
    tok_start = np.append(np.flatnonzero(new_term), n)
    post_at = np.flatnonzero(new_post)
    post_start = np.searchsorted(post_at, tok_start)
    gaps = pos.astype(np.int64)
    gaps[1:] -= pos[:-1]
    gaps[post_at] = pos[post_at]
    tf = np.diff(np.append(post_at, n))
    arrays = {
        "terms": codes[tok_start[:-1]].astype(np.int64),
        "post_start": post_start.astype(np.uint32),
        "tok_start": tok_start.astype(np.uint32),
        "docs": local[post_at].astype(np.uint16 if local.max(initial=0) < 1 << 16 else np.uint32),
        "tf": tf.astype(np.uint16 if tf.max(initial=0) < 1 << 16 else np.uint32),
        "gaps": gaps.astype(np.uint16 if gaps.max(initial=0) < 1 << 16 else np.uint32),
    }
    return save(folder, name, arrays)


def expand(seg: Segment) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A segment's tokens again: (code, local document, position) for each."""
    terms = np.asarray(seg.terms)
    tok_start = np.asarray(seg.tok_start, dtype=np.int64)
    tf = np.asarray(seg.tf, dtype=np.int64)
    codes = np.repeat(terms, np.diff(tok_start))
    owner = np.repeat(np.asarray(seg.docs, dtype=np.int64), tf)
    return codes, owner, positions(np.asarray(seg.gaps, dtype=np.int64), tf)


def positions(gaps: np.ndarray, tf: np.ndarray) -> np.ndarray:
    """Positions from their gaps, which start again at each posting (tf positions each)."""
    absolute = np.cumsum(gaps)
    if len(tf) > 1:
        ends = np.cumsum(tf)
        absolute -= np.repeat(np.concatenate([[0], absolute[ends[:-1] - 1]]), tf)
    return absolute


def common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values of sorted array a also in sorted array b."""
    if not len(a) or not len(b):
        return a[:0]
    if len(a) > len(b):
        a, b = b, a
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return a[b[at] == a]


def distinct(a: np.ndarray) -> np.ndarray:
    """The distinct values of a sorted array."""
    if not len(a):
        return a
    keep = np.ones(len(a), dtype=bool)
    keep[1:] = a[1:] != a[:-1]
    return a[keep]
