"""Issue metadata from the cover and colophon: gazette name, publisher, year, issue, running total, date."""

from __future__ import annotations

import re

from reader.gazette.text import HAN, cn_number, compact, iso_date, nfkc

ISSUE = re.compile(rf"([12]\d{{3}})\s*年\s*(?:第\s*([0-9{HAN}]{{1,3}})\s*期|([0-9]{{1,2}})\s*月号)")
TOTAL = re.compile(r"总\s*第\s*(\d+)\s*期")
PUBLISHED = re.compile(r"([12]\d{3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*出版")
FREQUENCY = re.compile(r"[（(]\s*(双月刊|月刊|季刊|半月刊|旬刊|周刊|年刊)\s*[)）]")
NAME = re.compile(rf"^[《「]?([{HAN}]{{2,30}}?(?:公报|标准文本))[》」]?$")
QUOTED_GAZETTE = re.compile(rf"《([{HAN}]{{2,30}}公报)》")
_SUFFIXES = ("人民政府公报", "政府公报", "公报", "规章标准文本", "文件标准文本", "标准文本")


def publisher_of(name: str) -> str | None:
    """The publishing government of a gazette name: 青铜峡市人民政府公报 → 青铜峡市人民政府."""
    for suffix in ("公报", "规章标准文本", "文件标准文本", "标准文本"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def find_names(lines: list[str]) -> tuple[str | None, str | None]:
    """The gazette's own name and the name printed on the cover (they can differ)."""
    printed = gazette = None
    for text in lines:
        m = NAME.match(compact(text))
        if m:
            printed = printed or m.group(1)
            if m.group(1).endswith("公报") and not gazette:
                gazette = m.group(1)
        q = QUOTED_GAZETTE.search(compact(text))
        if q and not gazette:
            gazette = q.group(1)
    return gazette or printed, printed


def parse_frontmatter(lines: list[str], hint: str = "") -> dict[str, object]:
    """Metadata from the cover and colophon lines (and a PDF title as a last hint)."""
    joined = nfkc("\n".join(lines))
    gazette, printed = find_names(lines)
    if not gazette and hint:
        gazette, printed = find_names([re.split(r"\s|　", hint.strip())[0]])
    year = issue = total = None
    m = ISSUE.search(joined) or ISSUE.search(nfkc(hint))
    if m:
        year = int(m.group(1))
        issue = cn_number(m.group(2)) if m.group(2) else int(m.group(3))
    t = TOTAL.search(joined)
    if t:
        total = int(t.group(1))
    p = PUBLISHED.search(joined)
    f = FREQUENCY.search(joined)
    return {
        "gazette": gazette,
        "printed_name": printed or gazette,
        "publisher": publisher_of(gazette) if gazette else None,
        "year": year,
        "issue": issue,
        "total_issue": total,
        "published": iso_date(p.group(1)) if p else None,
        "frequency": f.group(1) if f else None,
    }
