"""Small text rules shared by the parser: white space, closing lines; dates and numerals come from numerals.py."""

from __future__ import annotations

import re

from reader.gazette.numerals import DATE, DATE_LINE, cn_number, iso_date
from reader.textfold import HAN, compact, nfkc

__all__ = ["HAN", "compact", "nfkc", "squash", "iso_date", "cn_number", "DATE", "DATE_LINE"]
_WIDE = r"[^\x00-\x7f]"
_SPACE_NEAR_WIDE = re.compile(rf"(?<={_WIDE})[ \t\u3000]+|[ \t\u3000]+(?={_WIDE})")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
ORG_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|院|中心|处|所|站|队|会|社|公司|集团|街道办事处|办事处|管委会|管理局|党组|支部|领导小组)$"
)
PUBLIC_NOTE = re.compile(r"^[（(]\s*此件[^)）]{1,12}[)）]$")


def closing_line(text: str) -> bool:
    """Whether a line can close a document: an issuing organ, a date, or the (此件公开发布) note."""
    text = re.sub(r"\s+", "", text)
    return bool(text) and (DATE_LINE.match(text) is not None or PUBLIC_NOTE.match(text) is not None
                           or (len(text) <= 30 and ORG_END.search(text) is not None))


_YEAR_RANGE_DASH = re.compile(r"(?<=[12]\d{3})[一－](?=[12]\d{3}年?)")


def squash(text: str) -> str:
    """Remove white space next to Chinese characters and fold the rest to single spaces; the dash of a range of
    years that OCR reads as 一 (2024一2026年) is put back (—)."""
    text = _SPACE_NEAR_WIDE.sub("", text.strip())
    return _YEAR_RANGE_DASH.sub("—", _SPACES.sub(" ", text))
