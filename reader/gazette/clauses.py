"""A document's own validity clauses, pure text in and dates out: 施行日期 and 有效期.

    本办法自2023年7月1日起施行，有效期至2028年6月30日     effective 2023-07-01, expires 2028-06-30
    本意见自印发之日起施行，有效期两年                       effective = the document's date, two years
    本决定自公布之日起实施                                   effective = the document's date
Decoys that are not the document's own date: 退休工资从2023年5月起执行 (从, no day), 显著标识有效性或有效期."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from reader.gazette.numerals import DATE_PATTERN, cn_number, iso_date

_DATE = DATE_PATTERN  # Arabic, full-width or Chinese numerals: 2023年7月1日, 一九五五年一月一日
_DOC = r"本[\u4e00-\u9fff]{1,12}?"  # 本办法, 本实施细则, 本通知
_START_WORDS = r"(?:施行|实施|执行|生效|试行)"
EFFECTIVE_DATE = re.compile(rf"(?:{_DOC}|^|[。；\n])\s*(?:自|从)\s*({_DATE})\s*(?:起|开始)\s*{_START_WORDS}")
EFFECTIVE_ISSUE = re.compile(rf"(?:{_DOC}|^|[。；\n])\s*自\s*(?:印发|公布|发布|下发|颁布|发文|签发)\s*之日\s*起\s*{_START_WORDS}")
EXPIRES_DATE = re.compile(rf"有效期\s*(?:至|到|截至|截止(?:到|至)?)\s*({_DATE})")
EXPIRES_PERIOD = re.compile(r"有效期\s*(?:为|是)?\s*([\d一二三四五六七八九十两]{1,3})\s*(年|个月)")
_ANY_CLAUSE = re.compile(r"有效期|起\s*(?:施行|实施|执行|生效|试行)")


@dataclass(frozen=True)
class Clauses:
    """When a document takes effect and until when, as its own text says (ISO dates; None when it says nothing)."""

    effective: str | None = None
    expires: str | None = None
    effective_text: str = ""
    expires_text: str = ""


def _add_period(start: str, count: int, unit: str) -> str:
    """The last day of a period of years or months from a start date."""
    d = date.fromisoformat(start)
    months = count * 12 if unit == "年" else count
    y, m = divmod(d.month - 1 + months, 12)
    day = min(d.day, [31, 29 if (d.year + y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m])
    return (date(d.year + y, m + 1, day) - timedelta(days=1)).isoformat()


def clauses(text: str, doc_date: str | None) -> Clauses:
    """The effective date and expiry a document states for itself (the last such clause counts: it ends the text)."""
    if not _ANY_CLAUSE.search(text):
        return Clauses()
    effective = effective_text = None
    for m in EFFECTIVE_DATE.finditer(text):
        effective, effective_text = iso_date(m.group(1)), m.group(0).lstrip("。；\n ")
    for m in EFFECTIVE_ISSUE.finditer(text):
        if effective is None or m.start() > text.find(effective_text or "\0"):
            effective, effective_text = doc_date, m.group(0).lstrip("。；\n ")
    expires = expires_text = None
    for m in EXPIRES_DATE.finditer(text):
        expires, expires_text = iso_date(m.group(1)), m.group(0)
    if expires is None:
        for m in EXPIRES_PERIOD.finditer(text):
            count = cn_number(m.group(1))
            start = effective or doc_date
            if count and start:
                expires, expires_text = _add_period(start, count, m.group(2)), m.group(0)
    return Clauses(effective, expires, effective_text or "", expires_text or "")
