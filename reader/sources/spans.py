"""Text spans with their boxes (from PyMuPDF, or from an OFD page) made into line fragments: spans joined along a
baseline, cut where a wide gap or the gutter of two columns stands."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reader.gazette.text import closing_line
from reader.textfold import unify_han


@dataclass
class Frag:
    """A line fragment as PyMuPDF returns it."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


def _join_spans(spans: list[dict]) -> str:
    """The text of a line's spans, a tab where they stand far apart (table cells on one baseline)."""
    text = spans[0]["text"].strip()
    for prev, span in zip(spans, spans[1:]):
        gap = span["bbox"][0] - prev["bbox"][2]
        size = span["size"] or 10
        sep = "\t" if gap > 1.5 * size else (" " if gap > 0.3 * size else "")
        text += sep + span["text"].strip()
    return unify_han(text)


def span_fragments(lines: list[list[dict]], width: float) -> tuple[list[Frag], float | None]:
    """Fragments from lines of spans (dicts with text, bbox, size, flags, font, as PyMuPDF gives them; other
    readers make the same), and the gutter where lines were cut."""
    cut = _span_gutter(lines, width)
    frags = []
    for line in lines:
        for spans in _runs(line, cut):
            text = _join_spans(spans)
            main = max(spans, key=lambda s: len(s["text"]))
            bold = bool(main["flags"] & 16) or "Bold" in main["font"]
            x0, y0 = min(s["bbox"][0] for s in spans), min(s["bbox"][1] for s in spans)
            x1, y1 = max(s["bbox"][2] for s in spans), max(s["bbox"][3] for s in spans)
            frags.append(Frag(x0, y0, x1, y1, text, round(main["size"], 1), bold))
    return frags, cut


def crossings(extents: list[tuple[float, float]], width: float, em: float) -> tuple[list[float], list[int]]:
    """For each x every 2 pt across the middle 30 % of a page: how many of the (x0, x1) extents cross it (by more
    than 0.3 em on each side)."""
    xs = np.arange(width * 0.35, width * 0.65 + 1e-9, 2.0)
    if not extents:
        return xs.tolist(), [0] * len(xs)
    box = np.array(extents, dtype=np.float64)
    crossing = ((box[:, :1] < xs - 0.3 * em) & (box[:, 1:] > xs + 0.3 * em)).sum(axis=0)
    return xs.tolist(), crossing.tolist()


def _span_gutter(lines: list[list[dict]], width: float) -> float | None:
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

    lefts = [s for s in spans if s["bbox"][2] <= at]
    rights = [s for s in spans if s["bbox"][0] >= at]
    shared = len(rows(lefts) & rows(rights))
    if shared >= 3 or (shared and all(closing_line(unify_han(s["text"])) for s in rights)):
        return at  # the second test: a column of text beside the signature and date that close a document
    if len(lefts) < 5 or len(rights) < 5:
        return None
    # columns on different baselines (headings and tables shift them): most lines of the left side end near the
    # gutter and most of the right side start at it, as text columns do and table cells do not
    edge, start = max(s["bbox"][2] for s in lefts), min(s["bbox"][0] for s in rights)
    ending = sum(1 for s in lefts if s["bbox"][2] >= edge - 3 * em) / len(lefts)
    starting = sum(1 for s in rights if s["bbox"][0] <= start + 2.5 * em) / len(rights)
    return at if ending >= 0.5 and starting >= 0.6 else None


def _runs(spans: list[dict], cut: float | None = None) -> list[list[dict]]:
    """A line's spans cut where a gap wider than three characters stands, or at the page's gutter: the two columns
    of a page can share a baseline, and PyMuPDF then makes one line of them (table cells cut here are joined
    again row by row)."""
    runs: list[list[dict]] = []
    for span in spans:
        size = span["size"] or 10
        across = cut is not None and runs and runs[-1][-1]["bbox"][2] <= cut <= span["bbox"][0]
        if runs and span["bbox"][0] - runs[-1][-1]["bbox"][2] <= 3 * size and not across:
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs
