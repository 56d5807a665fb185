"""The results panel's filters: documents per year, gazette and section, and the sets each chosen filter allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from whoosh import query as wq

from reader.search.fields import IndexView
from reader.search.segment import FACETS

if TYPE_CHECKING:
    from reader.search.searcher import _Matcher



def facet_counts(view: IndexView, docs: set[int], chosen: dict[str, set[int]]) -> dict[str, dict[str, int]]:
    """How many matching documents each year, gazette and section has, each counted within the other chosen
    filters (so a gazette offered with "(4)" under a chosen year leads to 4 documents); most first."""
    counts: dict[str, dict[str, int]] = {}
    for name in FACETS:
        within = docs
        for other, allowed in chosen.items():
            if other != name:
                within = within & allowed
        codes, labels = view.facet(name)
        found = codes[np.fromiter(within, dtype=np.int64, count=len(within))]
        tally = np.bincount(found[found >= 0], minlength=len(labels))
        order = np.lexsort((np.arange(len(tally)), -tally))
        counts[name] = {str(labels[k]): int(tally[k]) for k in order if tally[k]}
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
