"""Anchors that survive a changed text: a quote with context (W3C TextQuoteSelector) and offsets
(TextPositionSelector); re-attached exactly, then by context, then ignoring white space, then fuzzily."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.textfold import fold_with_offsets

CONTEXT = 32
FUZZY_MIN = 0.75
# a fuzzy place no better than the next distinct one by this much is not taken silently: the note needs review
REVIEW_MARGIN = 0.1


@dataclass(frozen=True)
class Anchor:
    """Where a passage is: its text with some context, and its character offsets when it was made."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_w3c(self) -> list[dict[str, object]]:
        """The W3C Web Annotation selectors."""
        return [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


@dataclass(frozen=True)
class Located:
    """Where an anchor is in a text now, and how sure: exact, moved, fuzzy or orphaned."""

    start: int
    end: int
    status: str

    @property
    def found(self) -> bool:
        """Whether the passage was found."""
        return self.status != "orphaned"


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """An anchor for text[start:end]."""
    start, end = max(0, start), min(len(text), end)
    return Anchor(text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT], start, end)


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    """How well the text around a candidate matches the anchor's prefix and suffix (0…2), minus distance."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    score = 0.0
    if anchor.prefix:
        score += SequenceMatcher(None, before, anchor.prefix, autojunk=False).ratio()
    if anchor.suffix:
        score += SequenceMatcher(None, after, anchor.suffix, autojunk=False).ratio()
    return score - abs(start - anchor.start) / max(1, len(text)) * 0.1


def _best(text: str, anchor: Anchor, candidates: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not candidates:
        return None
    return max(candidates, key=lambda c: _context_score(text, c[0], c[1], anchor))


def locate(anchor: Anchor, text: str) -> Located:
    """Find an anchored passage in a (possibly changed) text."""
    if not anchor.exact:
        return Located(0, 0, "orphaned")
    n = len(anchor.exact)
    if text[anchor.start:anchor.end] == anchor.exact:
        same = [(m.start(), m.start() + n) for m in re.finditer(re.escape(anchor.exact), text)]
        if len(same) == 1 or _best(text, anchor, same) == (anchor.start, anchor.end):
            return Located(anchor.start, anchor.end, "exact")
    hits = [(m.start(), m.start() + n) for m in re.finditer(re.escape(anchor.exact), text)]
    best = _best(text, anchor, hits)
    if best:
        return Located(best[0], best[1], "moved")
    # reflowed text: the same characters with other white space or widths
    hay, where = fold_with_offsets(text)
    needle, _ = fold_with_offsets(anchor.exact)
    if needle:
        found = [(where[m.start()], where[m.start() + len(needle) - 1] + 1) for m in re.finditer(re.escape(needle), hay)]
        best = _best(text, anchor, found)
        if best:
            return Located(best[0], best[1], "fuzzy")
    fuzzy = _fuzzy(text, anchor)
    return fuzzy or Located(anchor.start, anchor.end, "orphaned")


def _fuzzy(text: str, anchor: Anchor) -> Located | None:
    """A passage with a few characters changed: windows around places where its ends or context stand."""
    exact = anchor.exact
    n = len(exact)
    if n < 4:
        return None
    starts: set[int] = set()
    head, tail = exact[:4], exact[-4:]
    before, after = anchor.prefix[-6:], anchor.suffix[:6]
    starts.update(m.start() for m in re.finditer(re.escape(head), text))
    starts.update(m.start() - (n - 4) for m in re.finditer(re.escape(tail), text))
    if len(before) >= 3:
        starts.update(m.end() for m in re.finditer(re.escape(before), text))
    if len(after) >= 3:
        starts.update(m.start() - n for m in re.finditer(re.escape(after), text))
    starts.add(anchor.start)
    found: list[tuple[float, int, int]] = []
    for s in sorted(x for x in starts if 0 <= x < len(text)):
        window: tuple[float, int, int] | None = None
        for length in {n, n - 1, n + 1, n - 2, n + 2}:
            e = min(len(text), s + max(1, length))
            ratio = SequenceMatcher(None, text[s:e], exact, autojunk=False).ratio()
            if window is None or ratio > window[0]:
                window = (ratio, s, e)
        if window is not None:
            found.append(window)
    found.sort(reverse=True)
    if not found or found[0][0] < FUZZY_MIN:
        return None
    ratio, start, end = found[0]
    rival = next((f for f in found[1:] if f[2] <= start or f[1] >= end), None)  # the best place elsewhere
    if rival is not None and ratio - rival[0] < REVIEW_MARGIN:
        return Located(start, end, "review")  # not clearly better than another place: the user decides
    return Located(start, end, "fuzzy")
