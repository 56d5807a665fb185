"""The bigram stream of the analyzer as integer term codes, for many documents at once (numpy).

The same terms as ``analyzer.iter_bigrams`` (overlapping Han bigrams, a lone Han character as a unigram, Latin
words and digit runs whole, one white-space character between Han characters ignored), each as a 64-bit code:
a Han bigram or unigram is its code points (< 2**42); a Latin or digit word is a hash above 2**58. A field
number goes in the top bits, so one table holds the terms of every field."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from reader.search.analyzer import normalize
from reader.textfold import HAN

_RANGES = [(ord(a), ord(b)) for a, b in re.findall(r"(.)-(.)", HAN)]
_SPACES = np.array([0x20, 0x09, 0x0D, 0x0A, 0x3000], dtype=np.uint32)
_LATIN = re.compile(r"[a-z0-9]+(?:[.][0-9]+)?")
_HAN_CHAR = re.compile(f"[{HAN}]")
LATIN_BIT = 1 << 58
FIELD_SHIFT = 59


def term_code(term: str, field: int = 0) -> int:
    """The code of one term of the bigram stream (as ``analyzer.bigram_terms`` gives it)."""
    if 1 <= len(term) <= 2 and all(_HAN_CHAR.match(c) for c in term):
        code = ord(term[0]) << 21 | (ord(term[1]) if len(term) == 2 else 0)
    else:
        code = LATIN_BIT | _latin_hash(term)
    return code | field << FIELD_SHIFT


def _latin_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little") & (LATIN_BIT - 1)


def _is_han(chars: np.ndarray) -> np.ndarray:
    out = np.zeros(chars.shape, dtype=bool)
    for lo, hi in _RANGES:
        out |= (chars >= lo) & (chars <= hi)
    return out


def tokenize(texts: list[str], field: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes, document index, position) of every term of the texts, in text order (positions from 0 per text)."""
    joined = "\x00".join(normalize(t) for t in texts) + "\x00"
    chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    han = _is_han(chars)
    gap = np.zeros(chars.shape, dtype=bool)  # one space with Han on both sides: a PDF line wrap, not a break
    gap[1:-1] = np.isin(chars[1:-1], _SPACES) & han[:-2] & han[2:]
    kept = np.flatnonzero(~gap)  # compact index -> offset in the text
    c, h = chars[kept], han[kept]
    nxt = np.zeros(h.shape, dtype=bool)
    nxt[:-1] = h[1:]
    prv = np.zeros(h.shape, dtype=bool)
    prv[1:] = h[:-1]
    pair = np.flatnonzero(h & nxt)
    lone = np.flatnonzero(h & ~nxt & ~prv)
    c64 = c.astype(np.int64)
    starts = [pair, lone]
    codes = [c64[pair] << 21 | c64[pair + 1], c64[lone] << 21]
    latin = [(m.start(), m.group(0)) for m in _LATIN.finditer(joined)]
    if latin:
        starts.append(np.searchsorted(kept, np.array([s for s, _ in latin], dtype=np.int64)))
        codes.append(np.array([LATIN_BIT | _latin_hash(w) for _, w in latin], dtype=np.int64))
    start = np.concatenate(starts)
    order = np.argsort(start, kind="stable")
    start, code = start[order], np.concatenate(codes)[order]
    seps = np.flatnonzero(c == 0)  # the separator after each text, in compact offsets
    doc = np.searchsorted(seps, start)
    first = np.searchsorted(doc, np.arange(len(texts)))
    pos = np.arange(len(start)) - first[doc]
    return code | (field << FIELD_SHIFT), doc.astype(np.int32), pos.astype(np.int32)
