"""The one analyzer for Chinese gazettes, used for indexing and querying alike.

Two token streams over NFKC-normalised text:
- ``bigrams``: overlapping Han character bigrams (a lone Han character stays a unigram) with Latin words and
  digit runs kept whole, lower-cased; white space between two Han characters is ignored (PDF line wraps).
  Positions are consecutive, so a phrase of bigrams matches exactly the typed string anywhere in the text:
  达峰 finds 碳达峰, 垃圾分类 finds 生活垃圾分类.
- ``words``: jieba search-mode segmentation (rjieba, the Rust binding) of titles, for ranking titles that use
  the query's words as words. Bodies get bigrams only: a body word field doubled indexing time (0.51 against
  1.14 MB/s, bench/bench_search.py) and changed no result on the shared queries.
Bump VERSION whenever either changes: an index built by another version is rebuilt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from whoosh.analysis import Analyzer, Token, Tokenizer

from reader.textfold import HAN as _HAN
from reader.textfold import normalize

VERSION = 3

# a Han run may hold single spaces or line breaks (PDF wraps); Latin/digit runs stay whole
_RUN = re.compile(rf"[{_HAN}](?:[ \t\r\n\u3000]?[{_HAN}])*|[a-z0-9]+(?:[.][0-9]+)?", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\u3000]")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
__all__ = ["normalize", "bigram_terms", "word_terms", "VERSION"]


def bigram_terms(text: str) -> list[str]:
    """The bigram stream of a text as plain strings (for building queries)."""
    return [t for t, _, _ in iter_bigrams(normalize(text))]


def iter_bigrams(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for each bigram, unigram or Latin/digit word in already normalised text."""
    for m in _RUN.finditer(text):
        run = m.group(0)
        if not _HAN_CHAR.match(run):
            yield run, m.start(), m.end()
            continue
        if len(run) == 1:
            yield run, m.start(), m.end()
            continue
        # offsets of the Han characters in the run, skipping the spaces inside it
        offs = [m.start() + i for i, c in enumerate(run) if not _SPACE.match(c)]
        chars = [text[o] for o in offs]
        if len(chars) == 1:
            yield chars[0], offs[0], offs[0] + 1
            continue
        for i in range(len(chars) - 1):
            yield chars[i] + chars[i + 1], offs[i], offs[i + 1] + 1


def word_terms(text: str) -> list[str]:
    """The word stream of a text as plain strings."""
    return [t for t, _, _ in iter_words(normalize(text))]


def iter_words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for jieba search-mode words and Latin/digit runs in normalised text."""
    import rjieba

    for word, start, end in rjieba.tokenize(text, mode="search"):
        if word.strip() and (word[0].isalnum()):
            yield word, start, end


class _StreamTokenizer(Tokenizer):
    """A Whoosh tokenizer over one of the streams above."""

    def __init__(self, stream: str) -> None:
        self.stream = stream

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _StreamTokenizer) and other.stream == self.stream

    def __hash__(self) -> int:
        return hash(self.stream)

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stream = iter_bigrams if self.stream == "bigrams" else iter_words
        for pos, (term, start, end) in enumerate(stream(normalize(value))):
            token.text = term
            token.stopped = False
            token.boost = 1.0
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def bigram_analyzer() -> Analyzer:
    """The Whoosh analyzer for bigram fields."""
    return cast(Analyzer, _StreamTokenizer("bigrams"))


def word_analyzer() -> Analyzer:
    """The Whoosh analyzer for word fields."""
    return cast(Analyzer, _StreamTokenizer("words"))
