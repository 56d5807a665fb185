"""The results panel's filters: documents per year, gazette and section, and the sets each chosen filter allows."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from whoosh import query as wq
from whoosh.searching import Searcher

if TYPE_CHECKING:
    from reader.search.searcher import _Matcher

FACETS = {"year": "year", "gazette": "gazette_key", "section": "section_key"}


def facet_counts(searcher: Searcher, docs: set[int], chosen: dict[str, set[int]]) -> dict[str, dict[str, int]]:
    """How many matching documents each year, gazette and section has, each counted within the other chosen
    filters (so a gazette offered with "(4)" under a chosen year leads to 4 documents)."""
    reader = searcher.reader()
    counts: dict[str, dict[str, int]] = {}
    for name, fieldname in FACETS.items():
        within = docs
        for other, allowed in chosen.items():
            if other != name:
                within = within & allowed
        column = reader.column_reader(fieldname)
        tally = Counter(column[d] for d in within)
        counts[name] = {str(k.decode() if isinstance(k, bytes) else k): v for k, v in tally.most_common()
                        if k not in (None, "", b"")}
    return counts


def filter_sets(matcher: _Matcher, year: int | None, gazette: str | None, section: str | None) -> dict[str, set[int]]:
    """The documents each filter chosen in a results panel allows, by facet."""
    sets: dict[str, set[int]] = {}
    if year is not None:
        sets["year"] = matcher.query(wq.NumericRange("year", year, year))
    if gazette:
        sets["gazette"] = matcher.term("gazette_key", gazette)
    if section:
        sets["section"] = matcher.term("section_key", section)
    return sets
