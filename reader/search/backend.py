"""The interface a search backend offers the archive: what a second backend (a server search engine with shards,
for archives beyond one PC) would implement to plug in behind ``IndexSync`` without the window noticing.

Today's backend is ``SearchIndex`` (Whoosh + the text index, in the data home) with ``run_search``. Everything the
window and the command line see goes through ``IndexSync.search``, which returns a ``SearchResult``: that result
shape (hits with their character positions, exact totals, counts by year, gazette and section) is the contract.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from reader.search.fields import IndexRow
from reader.search.indexer import SearchIndex
from reader.search.searcher import SearchResult

Progress = Callable[[int, int], None]


class SearchBackend(Protocol):
    """What the archive asks of a search backend."""

    def is_current(self, generation: int, documents: int | None = None) -> bool:
        """Whether the backend reflects this archive generation (a counter bumped by every change)."""

    def stamps(self) -> dict[str, str]:
        """The stamp (source SHA-256 @ import time) of every issue the backend holds, to catch up by difference."""

    def apply(self, changed: dict[str, list[IndexRow]], gone: set[str], generation: int,
              stamps: dict[str, str]) -> None:
        """Replace the documents of the changed issues by their current rows and remove the gone issues, as one
        change that readers see whole or not at all; record generation and stamps."""

    def rebuild(self, docs: Iterable[IndexRow], total: int, generation: int, stamps: dict[str, str],
                progress: Progress | None = None) -> int:
        """Build everything again from archive rows; return how many documents."""

    def query(self, text: str, *, limit: int = 20, sort: str = "score", year: int | None = None,
              gazette: str | None = None, section: str | None = None, status_ids: Any = None,
              in_force_only: bool = False, texts_for: Any = None) -> SearchResult:
        """Run the query grammar of ``reader/search/query.py``: exact totals for strings of Han characters, 发文字号
        in any brackets, the field prefixes; hits ranked (a queried 文号 first), with snippets and positions
        when texts_for gives the documents' text."""


def conforms(index: SearchIndex) -> SearchBackend:
    """Today's backend, checked against the interface by mypy."""
    return index
