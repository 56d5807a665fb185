"""Issue metadata from the cover and colophon: gazette name, publisher, year, issue, running total, date."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.gazette.numerals import IssueLabel, issue_label
from reader.gazette.text import HAN, compact, nfkc

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


def _label(joined: str, hint: str, toc: list[str]) -> IssueLabel:
    """The issue's label from the cover and colophon; what they lack, from the 目录 page, then the PDF's title."""
    label = issue_label(joined)
    if label.year is None and toc:
        found = issue_label(nfkc("\n".join(toc)))
        label = replace(label, year=found.year, issue=found.issue, total=label.total or found.total,
                        published=label.published or found.published)
    if label.year is None and hint:
        hinted = issue_label(nfkc(hint))
        label = replace(label, year=hinted.year, issue=hinted.issue)
    return label


def parse_frontmatter(lines: list[str], hint: str = "", tail: list[str] | None = None,
                      toc: list[str] | None = None) -> dict[str, object]:
    """Metadata from the cover and colophon lines (and a PDF title as a last hint); toc: the 目录's lines, whose
    page may print the label (1999年 第1号) when the cover does not; tail: the issue's last lines, where a colophon
    on the back cover prints the date of publication (一九五五年三月一日出版)."""
    joined = nfkc("\n".join(lines))
    gazette, printed = find_names(lines)
    if not gazette and hint:
        gazette, printed = find_names([re.split(r"\s|　", hint.strip())[0]])
    label = _label(joined, hint, toc or [])
    if label.published is None and tail:
        label = replace(label, published=issue_label(nfkc("\n".join(tail))).published)
    f = FREQUENCY.search(joined)
    return {
        "gazette": gazette,
        "printed_name": printed or gazette,
        "publisher": publisher_of(gazette) if gazette else None,
        "year": label.year,
        "issue": label.issue,
        "total_issue": label.total,
        "published": label.published,
        "frequency": f.group(1) if f else None,
    }
