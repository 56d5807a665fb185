"""A document's issuer and date when nothing is signed at its end: printed under its title in brackets, or as an
approval line.

    （国家经贸委一九九八年十二月十八日）                                  issuer 国家经贸委, 1998-12-18
    （1999年1月8日）                                                      1999-01-08
    （一九五四年九月二十日第一届全国人民代表大会第一次会议通过）          issuer 第一届全国人民代表大会第一次会议
    一九五四年十月二十三日内务部制定 / …政务院第二百二十九次政务会议批准    an approval line
    （1991年3月4日中华人民共和国国务院令第76号发布　2018年9月6日…修订通过）  中华人民共和国国务院, 1991-03-04"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.numerals import Year, find_date
from reader.gazette.text import squash
from reader.models import Line

_OPEN, _CLOSE = "（(", "）)"
_VERBS = "批准|通过|制定|制订|发布|公布|颁布|修正|修订|核准|签订|签署|印发"
_BY = re.compile(rf"^(.{{2,40}}?)(?:{_VERBS})")  # the organ before the first verb: 内务部制定, …会议通过
_ORDER = re.compile(r"令\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号$")  # 国务院令第76号发布: the organ is 国务院
_MAX_CHARS = 80  # a bracket or approval line longer than this is a sentence, not a date line
_LOOK = 4  # blank lines after the title (and 文号) before the bracket


@dataclass(frozen=True)
class Dated:
    """The issuer (None when only a date is printed) and ISO date of a date line, and its lines' span."""

    issuer: str | None
    date: str
    first: int
    end: int


def read_dated(text: str, year: Year = None) -> tuple[str | None, str] | None:
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
    issuer = _ORDER.sub("", before or (by.group(1).strip() if by else ""))
    return issuer or None, found.iso


def _nonblank(lines: list[Line], indices: range) -> list[int]:
    """The indices of the non-blank lines among indices."""
    return [i for i in indices if lines[i].text.strip()]


def _dated_at(lines: list[Line], spans: list[tuple[int, int]], year: Year) -> Dated | None:
    """The first span of lines (first, end) whose joined text is a bracketed or plain issuer-and-date line."""
    for first, end in spans:
        text = "".join(ln.text.strip() for ln in lines[first:end])
        opened = text[:1] in _OPEN
        if opened and text[-1:] not in _CLOSE:
            continue  # a bracket not closed yet: its next line goes on it
        got = read_dated(text[1:-1] if opened else text, year)
        if got:
            return Dated(got[0], got[1], first, end)
    return None


def under_title(lines: list[Line], k: int, end: int, year: Year = None) -> Dated | None:
    """The bracketed issuer-and-date (or approval line) that is the first non-blank line from k, under the title;
    the converter may have broken it over two or three lines."""
    near = _nonblank(lines, range(k, min(end, k + _LOOK + 3)))[:3]
    return _dated_at(lines, [(near[0], n + 1) for n in near], year) if near else None


def approval_line(lines: list[Line], k: int, end: int, year: Year = None) -> Dated | None:
    """An approval line (一九五四年十月二十三日内务部制定) among the last lines of a document (over one or two lines)."""
    last = _nonblank(lines, range(max(k, end - 12), end))[-3:]
    spans = [(last[i - n], last[i] + 1) for i in range(len(last) - 1, -1, -1) for n in (0, 1) if i - n >= 0]
    return _dated_at(lines, spans, year)
