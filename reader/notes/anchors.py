"""Anchors that survive a changed text: a quote with context (W3C TextQuoteSelector) and offsets
(TextPositionSelector). Re-attached only where the same words stand in the same context (white space and widths
ignored); anything less is offered to the user for review, never taken silently."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.textfold import fold_with_offsets

CONTEXT = 32
FUZZY_MIN = 0.75  # how alike changed words must be to be offered as the likely place


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
    """Where an anchor is in a text now, and how sure: exact, moved, review or orphaned."""

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


@dataclass(frozen=True)
class Folded:
    """A text and its folding (no white space, NFKC), computed once for the many notes looked for in it."""

    text: str
    hay: str
    where: list[int]


def fold_text(text: str) -> Folded:
    """A text with its folding."""
    hay, where = fold_with_offsets(text)
    return Folded(text, hay, where)


def _quote_places(anchor: Anchor, folded: Folded) -> list[tuple[int, int, bool]]:
    """Every place the quote stands (white space and widths ignored): (start, end, whether its context is the same)."""
    needle, _ = fold_with_offsets(anchor.exact)
    if not needle:
        return []
    before, _ = fold_with_offsets(anchor.prefix)
    after, _ = fold_with_offsets(anchor.suffix)
    hay, where = folded.hay, folded.where
    out = []
    at = hay.find(needle)
    while at >= 0:
        end = at + len(needle)
        same = hay.startswith(before, at - len(before)) if len(before) <= at else False
        same = same and hay.startswith(after, end)
        out.append((where[at], where[end - 1] + 1, same))
        at = hay.find(needle, at + 1)
    return out


def holds(anchor: Anchor, text: str | Folded) -> Located | None:
    """Where a text holds the passage with the same words and the same context (white space and widths ignored):
    exact when at the same offsets, moved when elsewhere; None when it does not."""
    folded = text if isinstance(text, Folded) else fold_text(text)
    same = [(s, e) for s, e, ok in _quote_places(anchor, folded) if ok]
    if not same:
        return None
    start, end = min(same, key=lambda c: abs(c[0] - anchor.start))
    return Located(start, end, "exact" if (start, end) == (anchor.start, anchor.end) else "moved")


def locate(anchor: Anchor, text: str | Folded) -> Located:
    """Find an anchored passage in a (possibly changed) text. Only the same words in the same context count as
    found; the same words elsewhere, or words that differ a little, are a place for the user to confirm (review:
    the quote the user marked is kept); nothing alike is orphaned."""
    folded = text if isinstance(text, Folded) else fold_text(text)
    if not anchor.exact:
        return Located(0, 0, "orphaned")
    found = holds(anchor, folded)
    if found is not None:
        return found
    words = [(s, e) for s, e, _ in _quote_places(anchor, folded)]
    best = _best(folded.text, anchor, words)
    if best:
        return Located(best[0], best[1], "review")
    near = _fuzzy(folded.text, anchor)
    return Located(near.start, near.end, "review") if near else Located(anchor.start, anchor.end, "orphaned")


def _fuzzy(text: str, anchor: Anchor) -> Located | None:
    """The likeliest place of a passage with a few characters changed: windows around places where its ends or
    context stand (offered for review, never taken)."""
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
    _ratio, start, end = found[0]
    return Located(start, end, "review")  # the likeliest place, for the user to confirm
