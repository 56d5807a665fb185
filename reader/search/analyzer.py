"""The one analyzer for Chinese gazettes, used for indexing and querying alike.

One token stream over NFKC-normalised text: overlapping Han character bigrams (a lone Han character stays a
unigram) with Latin words and digit runs kept whole, lower-cased; white space between two Han characters is
ignored (PDF line wraps). Positions are consecutive, so a string's bigrams standing one after another are
exactly the typed string anywhere in the text: 达峰 finds 碳达峰, 垃圾分类 finds 生活垃圾分类. Titles and bodies
are indexed with it as integer codes (``terms.py``, ``textindex.py``); Whoosh's small text fields (机关, 栏目,
公报) through the tokenizer below. Titles had a jieba word field for ranking until BM25 moved to the text
index: ranking on bigrams alone keeps every shared query's expected first hit.
Bump VERSION whenever either changes: an index built by another version is rebuilt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from whoosh.analysis import Analyzer, Token, Tokenizer

from reader.textfold import HAN as _HAN
from reader.textfold import normalize

VERSION = 4

# a Han run may hold single spaces or line breaks (PDF wraps); Latin/digit runs stay whole
_RUN = re.compile(rf"[{_HAN}](?:[ \t\r\n\u3000]?[{_HAN}])*|[a-z0-9]+(?:[.][0-9]+)?")  # on normalised (lower-case) text
_SPACE = re.compile(r"[ \t\r\n\u3000]")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
__all__ = ["normalize", "bigram_terms", "VERSION"]


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
        for pos, (term, start, end) in enumerate(iter_bigrams(normalize(value))):
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
