"""A document's issuer and date when nothing is signed at its end: printed under its title in brackets, or as an
approval line.

    （国家经贸委一九九八年十二月十八日）                                  issuer 国家经贸委, 1998-12-18
    （1999年1月8日）                                                      1999-01-08
    （一九五四年九月二十日第一届全国人民代表大会第一次会议通过）          issuer 第一届全国人民代表大会第一次会议
    一九五四年十月二十三日内务部制定 / …政务院第二百二十九次政务会议批准    an approval line"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.numerals import find_date
from reader.gazette.text import squash
from reader.models import Line

_OPEN, _CLOSE = "（(", "）)"
_VERBS = "批准|通过|制定|制订|发布|公布|颁布|修正|修订|核准|签订|签署|印发"
_BY = re.compile(rf"^(.{{2,40}}?)(?:{_VERBS})")  # the organ before the first verb: 内务部制定, …会议通过
_MAX_CHARS = 80  # a bracket or approval line longer than this is a sentence, not a date line
_LOOK = 4  # blank lines after the title (and 文号) before the bracket


@dataclass(frozen=True)
class Dated:
    """The issuer (None when only a date is printed) and ISO date of a date line, and its lines' span."""

    issuer: str | None
    date: str
    first: int
    end: int


def read_dated(text: str, year: int | None = None) -> tuple[str | None, str] | None:
    """Issuer and date from the text of a bracket under a title or an approval line (no brackets), or None when
    it is no such line: a date with at most an organ before it and an organ + verb after it."""
    text = squash(text)
    if len(text) > _MAX_CHARS or "。" in text or "，" in text:
        return None
    found = find_date(text, year)
    if found is None:
        return None
    before, after = text[: found.start].strip(), text[found.end :].strip()
    if before and after:
        return None
    by = _BY.match(after)
    if after and not by:
        return None
    issuer = before or (by.group(1).strip() if by else None)
    return issuer or None, found.iso


def _bracket_at(lines: list[Line], i: int, end: int) -> tuple[str, int] | None:
    """The text inside a bracket that opens at line i (over at most three lines) and where it ends."""
    text = ""
    for j in range(i, min(end, i + 3)):
        text += lines[j].text.strip()
        if text and text[0] not in _OPEN:
            return None
        if text.endswith(tuple(_CLOSE)):
            return text[1:-1], j + 1
    return None


def under_title(lines: list[Line], k: int, end: int, year: int | None = None) -> Dated | None:
    """The bracketed issuer-and-date (or approval line) that is the first non-blank line from k, under the title."""
    i = next((j for j in range(k, min(end, k + _LOOK)) if lines[j].text.strip()), None)
    if i is None:
        return None
    bracket = _bracket_at(lines, i, end)
    got = read_dated(bracket[0] if bracket else lines[i].text, year)
    return Dated(got[0], got[1], i, bracket[1] if bracket else i + 1) if got else None


def approval_line(lines: list[Line], k: int, end: int, year: int | None = None) -> Dated | None:
    """An approval line (一九五四年十月二十三日内务部制定) among the last lines of a document."""
    seen = 0
    for i in range(end - 1, k - 1, -1):
        text = lines[i].text.strip()
        if not text:
            continue
        seen += 1
        bracket = _bracket_at(lines, i, end)
        got = read_dated(bracket[0] if bracket else text, year)
        if got and (got[0] or not bracket):
            return Dated(got[0], got[1], i, i + 1)
        if seen >= 3:
            return None
    return None
