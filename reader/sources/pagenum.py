"""Printed page numbers in footers: — 12 —, - 12 -, ·12·, 第12页, a bare 12."""

from __future__ import annotations

import re

_PAGE = re.compile(
    r"^\s*(?:[—–\-－‐―]+\s*(\d{1,4})\s*[—–\-－‐―]+|[·•・]\s*(\d{1,4})\s*[·•・]|第\s*(\d{1,4})\s*页(?:\s*共\s*\d+\s*页)?|(\d{1,4}))\s*$"
)


def page_number(text: str) -> int | None:
    """The page number a footer line prints, or None."""
    m = _PAGE.match(text.replace("\u3000", " "))
    return int(next(g for g in m.groups() if g)) if m else None


def is_page_number(text: str) -> bool:
    """Whether a line is only a decorated page number (— 12 —, ·12·, 第12页); bare digits do not count."""
    m = _PAGE.match(text.replace("\u3000", " "))
    return m is not None and m.group(4) is None


# a page mark a conversion left inside the text: —1—, — 12 —, －3－, · 4 ·, between text or at either end
_MARK = re.compile(r"(?<![\d—–\-－‐―·•・])(?:[—–\-－‐―]{1,2}\s?(\d{1,3})\s?[—–\-－‐―]{1,2}|[·•・]\s?(\d{1,3})\s?[·•・])(?![\d—–\-－‐―·•・])")


def split_page_marks(text: str) -> list[tuple[str, int | None]]:
    """A paragraph cut at the page marks merged into it: (text before the mark, the mark's page number) for each
    mark, then (the rest, None)."""
    out: list[tuple[str, int | None]] = []
    at = 0
    for m in _MARK.finditer(text):
        out.append((text[at:m.start()], int(m.group(1) or m.group(2))))
        at = m.end()
    out.append((text[at:], None))
    return out
