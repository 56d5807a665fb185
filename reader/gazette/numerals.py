"""Numbers, dates and issue labels as gazettes print them, in Arabic or Chinese numerals: the one owner.

    一九五四年十月十二日, 二〇二三年三月一日 (OCR: 二○二三, 二O二三, 二零二三)  → 1954-10-12, 2023-03-01
    十月十六日 (the year from the issue), 1999年1月8日, ２０２４年３月５日       → dates
    一九五四年第一号（总第一号）, 1月29日 1999年 第1号 （总号：928）, 2021年 第4期 （总第18期）, 第十二期
    一九五五年三月一日出版                                                → the issue's published date"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.textfold import nfkc

ZEROS = "〇零○OoＯ0"  # OCR reads the round zero 〇 as ○, a Latin O or a digit 0
_DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "o": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9} | {str(k): k for k in range(10)}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN = "一二三四五六七八九十百千两零〇○"  # the characters of a Chinese numeral (for patterns of other modules)
NUMBER = rf"(?:\d{{1,4}}|[{CN}]{{1,6}})"  # a number in digits or Chinese numerals, as 第N期 prints it

_YEAR = rf"(?:(?<!\d)[12１２]\d{{3}}|[一二][{ZEROS}一二三四五六七八九]{{3}})"
_MONTH = r"(?:[1１][0-2０-２]|[0０]?[1-9１-９]|十[一二]?|[一二三四五六七八九])"  # full-width digits too
_DAY = r"(?:[3３][01０１]|[12１２][0-9０-９]|[0０]?[1-9１-９]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# a full date; groups: year, month, day (OCR reads the closing 日 as 目 or 曰: with 年 and 月 before it, a date)
DATE_PATTERN = rf"({_YEAR})\s*年\s*({_MONTH})\s*月\s*({_DAY})\s*[日目曰]"
DATE = re.compile(DATE_PATTERN)
# a date without its year, as the 1950s printed it in Chinese numerals (十月十六日); 3月5日 alone is too often a
# line of a schedule to be taken for a signature's date
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
MONTH_DAY = re.compile(rf"(?<![年月\d{CN}])({_CN_MONTH})\s*月\s*({_CN_DAY})\s*日")
_PLACE = r"(?:\s*[于在][\u4e00-\u9fff]{2,6})?"  # 一九五四年十月十二日于北京: where it was signed
DATE_LINE = re.compile(rf"^\s*(?:{DATE_PATTERN}|({_CN_MONTH})\s*月\s*({_CN_DAY})\s*日){_PLACE}\s*$")  # only a date

_ISSUE = re.compile(rf"({_YEAR})\s*年\s*(?:第\s*({NUMBER})\s*[期号]|(\d{{1,2}})\s*月号)")
_TOTAL = re.compile(rf"总\s*(?:第\s*({NUMBER})\s*[期号]|号\s*[:：]?\s*({NUMBER})|({NUMBER})\s*[期号])")
_DATED_ISSUE = re.compile(rf"{DATE_PATTERN}\s*第\s*({NUMBER})\s*[期号]")  # 1999年1月29日 第1号: year, date, number
_PUBLISHED = re.compile(rf"{DATE_PATTERN}\s*出\s*版|出版(?:日期|时间)\s*[:：]?\s*{DATE_PATTERN}")
_DATED_LABEL = re.compile(rf"(?<![年\d])({_MONTH})\s*月\s*({_DAY})\s*日\s*({_YEAR})\s*年\s*第")  # 1月29日 1999年 第1号


def cn_number(text: str) -> int | None:
    """A whole number in digits or Chinese numerals (十二, 一百零五, 二十, 一九五四, 二〇二三), or None."""
    text = nfkc(text).strip().replace(" ", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(c not in _DIGITS and c not in _UNITS for c in text):
        return None
    if not any(c in _UNITS for c in text):
        value = 0  # digit by digit: 一九五四
        for c in text:
            value = value * 10 + _DIGITS[c]
        return value
    total, digit = 0, None
    for c in text:
        if c in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
        else:
            digit = _DIGITS[c] if _DIGITS[c] else None
    return total + (digit or 0)


@dataclass(frozen=True)
class DateFound:
    """A date read from a text: where it stands and its ISO form."""

    start: int
    end: int
    iso: str


def _iso(year: int | None, month: str, day: str) -> str | None:
    """YYYY-MM-DD from a year and the month and day as printed, or None when it is no calendar date."""
    mo, d = cn_number(month), cn_number(day)
    if year is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31 and 1000 <= year <= 2999):
        return None
    return f"{year:04d}-{mo:02d}-{d:02d}"


@dataclass(frozen=True)
class IssueYear:
    """What dates printed without their year are read against: the issue's year and its date of publication (a
    document is not dated after it: 十二月二十八日 in an issue published 1955-01-15 is 1954-12-28)."""

    year: int
    published: str | None = None

    def date(self, month: str, day: str) -> str | None:
        """The ISO date of a month and day as printed."""
        iso = _iso(self.year, month, day)
        if iso and self.published and iso > self.published:
            return _iso(self.year - 1, month, day)
        return iso


Year = int | IssueYear | None  # an issue's year, with or without its date of publication


def find_date(text: str, year: Year = None) -> DateFound | None:
    """The first full date in a text; with year (the issue's), also a date printed without one (十月十六日)."""
    text = nfkc(text)
    m = DATE.search(text)
    if m:
        iso = _iso(cn_number(m.group(1)), m.group(2), m.group(3))
        if iso:
            return DateFound(m.start(), m.end(), iso)
    if year is not None:
        issue_year = IssueYear(year) if isinstance(year, int) else year
        for md in MONTH_DAY.finditer(text):
            iso = issue_year.date(md.group(1), md.group(2))
            if iso:
                return DateFound(md.start(), md.end(), iso)
    return None


def iso_date(text: str, year: Year = None) -> str | None:
    """The first date in a text as YYYY-MM-DD (a date without its year only when the year is given), or None."""
    found = find_date(text, year)
    return found.iso if found else None


@dataclass(frozen=True)
class IssueLabel:
    """What a cover or colophon says of the issue: year, number, running total, date of publication."""

    year: int | None = None
    issue: int | None = None
    total: int | None = None
    published: str | None = None


def issue_label(text: str) -> IssueLabel:
    """The issue's year, number, total number and published date from its cover and colophon text."""
    text = nfkc(text)
    year = issue = total = None
    m = _ISSUE.search(text)
    dated = None if m else _DATED_ISSUE.search(text)
    if m:
        year = cn_number(m.group(1))
        issue = cn_number(m.group(2)) if m.group(2) else int(m.group(3))
    elif dated:
        year, issue = cn_number(dated.group(1)), cn_number(dated.group(4))
    t = _TOTAL.search(text)
    if t:
        total = cn_number(next(g for g in t.groups() if g))
    p = _PUBLISHED.search(text)
    published = _iso(cn_number(p.group(1) or p.group(4)), p.group(2) or p.group(5), p.group(3) or p.group(6)) \
        if p else None
    if published is None and dated:
        published = _iso(year, dated.group(2), dated.group(3))
    if published is None:
        d = _DATED_LABEL.search(text)
        published = _iso(cn_number(d.group(3)), d.group(1), d.group(2)) if d else None
    return IssueLabel(year, issue, total, published)


_WRITE = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """A number from 0 to 999 as a Chinese numeral written out: 3 → 三, 12 → 十二, 105 → 一百零五, 120 → 一百二十."""
    if n < 10:
        return _WRITE[n]
    if n < 20:
        return "十" + (_WRITE[n % 10] if n % 10 else "")
    if n < 100:
        return _WRITE[n // 10] + "十" + (_WRITE[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + _WRITE[rest] if rest < 10 else "一" + chinese_number(rest) if rest < 20 else
                                chinese_number(rest))
    return _WRITE[n // 100] + "百" + tail


def chinese_date(iso: str, with_year: bool = True) -> str:
    """An ISO date as gazettes of the 1950s print it: 1954-10-12 → 一九五四年十月十二日 (十月十二日 without year)."""
    y, m, d = (int(p) for p in iso.split("-"))
    year = "".join(_WRITE[int(c)] for c in f"{y:04d}") + "年" if with_year else ""
    return f"{year}{chinese_number(m)}月{chinese_number(d)}日"
