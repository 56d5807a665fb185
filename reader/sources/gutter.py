"""The gutter of a two-column page, found from PyMuPDF's spans: where no span crosses and both sides hold lines."""

from __future__ import annotations

import numpy as np

from reader.gazette.text import closing_line
from reader.textfold import unify_han


def crossings(extents: list[tuple[float, float]], width: float, em: float) -> tuple[list[float], list[int]]:
    """For each x every 2 pt across the middle 30 % of a page: how many of the (x0, x1) extents cross it (by more
    than 0.3 em on each side)."""
    xs = np.arange(width * 0.35, width * 0.65 + 1e-9, 2.0)
    if not extents:
        return xs.tolist(), [0] * len(xs)
    box = np.array(extents, dtype=np.float64)
    crossing = ((box[:, :1] < xs - 0.3 * em) & (box[:, 1:] > xs + 0.3 * em)).sum(axis=0)
    return xs.tolist(), crossing.tolist()


def span_gutter(lines: list[list[dict]], width: float) -> float | None:
    """The gutter of a two-column page: an x near the centre that no span crosses but a few (titles across), with
    lines on both sides of it on the same baselines (the two columns' lines share the grid), or lines on the left
    ending at it and on the right starting at it; lines PyMuPDF made across it are cut there."""
    spans = [s for line in lines for s in line]
    if len(lines) < 10:
        return None
    em = sorted(s["size"] for s in spans)[len(spans) // 2] or 10
    xs, crossing = crossings([(s["bbox"][0], s["bbox"][2]) for s in spans], width, em)
    low = min(crossing)
    if low > 0.15 * len(lines):
        return None
    # the middle of the widest stretch as empty as the emptiest point, give or take two spans (a page number or a
    # running header crossing part of the band must not pull the cut to the band's edge)
    runs: list[tuple[int, int]] = []
    for k, count in enumerate(crossing):
        if count <= low + 2:
            if runs and runs[-1][1] == k - 1:
                runs[-1] = (runs[-1][0], k)
            else:
                runs.append((k, k))
    first, last = max(runs, key=lambda r: r[1] - r[0])
    at = (xs[first] + xs[last]) / 2

    def rows(side: list[dict]) -> set[int]:
        return {round((s["bbox"][1] + s["bbox"][3]) / 4) for s in side}  # baselines to 2 pt

    # the middle of the emptiest band, else the next emptiest x: a right column of a few short lines (the close of
    # a document beside the body of the next) leaves an emptier band inside it than the gutter
    fallback = [xs[k] for k in sorted(range(len(xs)), key=lambda k: crossing[k]) if crossing[k] <= 0.15 * len(lines)]
    for x in [at, *fallback]:
        lefts = [s for s in spans if s["bbox"][2] <= x]
        rights = [s for s in spans if s["bbox"][0] >= x]
        shared = len(rows(lefts) & rows(rights))
        if shared >= 3 or (shared and all(closing_line(unify_han(s["text"])) for s in rights)):
            return x  # the second test: a column of text beside the signature and date that close a document
    lefts = [s for s in spans if s["bbox"][2] <= at]
    rights = [s for s in spans if s["bbox"][0] >= at]
    if len(lefts) < 5 or len(rights) < 5:
        return None
    # columns on different baselines (headings and tables shift them): most lines of the left side end near the
    # gutter and most of the right side start at it, as text columns do and table cells do not
    edge, start = max(s["bbox"][2] for s in lefts), min(s["bbox"][0] for s in rights)
    ending = sum(1 for s in lefts if s["bbox"][2] >= edge - 3 * em) / len(lefts)
    starting = sum(1 for s in rights if s["bbox"][0] <= start + 2.5 * em) / len(rights)
    return at if ending >= 0.5 and starting >= 0.6 else None
