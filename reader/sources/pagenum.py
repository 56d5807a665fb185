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
