"""Small text rules shared by the parser: white space, dates, Chinese numerals."""

from __future__ import annotations

import re

from reader.textfold import HAN, compact, nfkc

__all__ = ["HAN", "compact", "nfkc", "squash", "iso_date", "cn_number", "DATE", "DATE_LINE", "UNTITLED_TEXT"]
# the import's warning when body text before the first document found is kept as an untitled document
UNTITLED_TEXT = "body text before the first document found is kept as an untitled document"
_WIDE = r"[^\x00-\x7f]"
_SPACE_NEAR_WIDE = re.compile(rf"(?<={_WIDE})[ \t\u3000]+|[ \t\u3000]+(?={_WIDE})")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
DATE = re.compile(r"([12]\d{3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ORG_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|院|中心|处|所|站|队|会|社|公司|集团|街道办事处|办事处|管委会|管理局|党组|支部|领导小组)$"
)
PUBLIC_NOTE = re.compile(r"^[（(]\s*此件[^)）]{1,12}[)）]$")


def closing_line(text: str) -> bool:
    """Whether a line can close a document: an issuing organ, a date, or the (此件公开发布) note."""
    text = re.sub(r"\s+", "", text)
    return bool(text) and (DATE_LINE.match(text) is not None or PUBLIC_NOTE.match(text) is not None
                           or (len(text) <= 30 and ORG_END.search(text) is not None))


DATE_LINE = re.compile(r"^\s*([12]\d{3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_YEAR_RANGE_DASH = re.compile(r"(?<=[12]\d{3})[一－](?=[12]\d{3}年?)")


def squash(text: str) -> str:
    """Remove white space next to Chinese characters and fold the rest to single spaces; the dash of a range of
    years that OCR reads as 一 (2024一2026年) is put back (—)."""
    text = _SPACE_NEAR_WIDE.sub("", text.strip())
    return _YEAR_RANGE_DASH.sub("—", _SPACES.sub(" ", text))


def iso_date(text: str) -> str | None:
    """The first 年月日 date in a text as YYYY-MM-DD, or None."""
    m = DATE.search(nfkc(text))
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def cn_number(text: str) -> int | None:
    """A number written in digits or simple Chinese numerals (一 … 九十九), or None."""
    text = nfkc(text).strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for c in text:
        value = value * 10 + _CN_DIGITS[c]
    return value
