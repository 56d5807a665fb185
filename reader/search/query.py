"""The query language users type: words ANDed, OR, -exclude, "phrases", field filters, 发文字号 anywhere.

    垃圾分类 青铜峡          both strings (each matched as typed, inside longer words too)
    垃圾分类 OR 厨余         either
    营商环境 -2022           the first without the second
    "生活垃圾分类"           the exact string
    标题:方案 title:方案     in the title;  文号:/number:, 机关:/issuer:, 栏目:/section:, 公报:/gazette:
    年份:2019-2023 year:2023 a year or a range;  日期:/date: 2023-03 a date prefix
    人物:张三 person:张三      documents deciding on a person (人事任免: appointed, removed...), the name marked
    状态:有效 status:abolished  in force (有效), 废止, 失效, 过期, 未施行, 修改, 未注明 (validity, as of today)
    青政办发[2023]4号        a 发文字号 in any bracket style, or none (青政办发2023 4号): that document first
A malformed query never fails: it falls back to plain words and says so in ``ParsedQuery.message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader import notices
from reader.gazette import docnumber
from reader.search.analyzer import normalize

FIELDS = {
    "标题": "title", "title": "title",
    "文号": "number", "number": "number", "字号": "number",
    "机关": "issuer", "issuer": "issuer", "发文机关": "issuer",
    "年份": "year", "year": "year", "年": "year",
    "栏目": "section", "section": "section",
    "公报": "gazette", "gazette": "gazette",
    "日期": "date", "date": "date",
    "状态": "status", "status": "status", "效力": "status",
    "人物": "person", "person": "person", "姓名": "person",
}
# what 状态:/status: accepts, and the states (reader.validity.State values) each stands for
STATUS_WORDS = {
    "有效": {"in_force", "amended"}, "现行有效": {"in_force", "amended"}, "valid": {"in_force", "amended"},
    "in-force": {"in_force", "amended"},
    "废止": {"abolished"}, "已废止": {"abolished"}, "abolished": {"abolished"},
    "失效": {"invalid"}, "已失效": {"invalid"}, "invalid": {"invalid"},
    "过期": {"expired"}, "已过有效期": {"expired"}, "expired": {"expired"},
    "未注明": {"unstated"}, "unstated": {"unstated"},
    "未施行": {"not_yet"}, "尚未施行": {"not_yet"}, "pending": {"not_yet"},
    "修改": {"amended"}, "已修改": {"amended"}, "amended": {"amended"},
}
NUMBER_BOOST = 40.0
_TOKEN = re.compile(r'(-?)(?:([^\s:："]+)[:：])?("[^"]*"|\S+)')
YEAR_RANGE = re.compile(r"^((?:19|20)\d{2})(?:\s*[-–—~至到]\s*((?:19|20)\d{2}))?$")


@dataclass
class Clause:
    """One search condition: a field (None for everywhere) and its value; negated when excluded."""

    field: str | None
    value: str
    negated: bool = False
    phrase: bool = False


@dataclass
class ParsedQuery:
    """The query as understood: groups of alternatives (ANDed), literal strings to highlight, a message."""

    text: str
    groups: list[list[Clause]] = field(default_factory=list)
    numbers: list[docnumber.DocNumber] = field(default_factory=list)
    message: str = ""

    def highlights(self) -> list[str]:
        """The literal strings a reader should see marked (positive text clauses)."""
        out = []
        for group in self.groups:
            for c in group:
                if not c.negated and c.field in (None, "title", "issuer", "person") and c.value.strip():
                    out.append(c.value)
        return out

    @property
    def empty(self) -> bool:
        """Whether nothing is asked."""
        return not self.groups and not self.numbers


def parse_query(text: str) -> ParsedQuery:
    """Parse what the user typed; never raises."""
    parsed = ParsedQuery(text=text)
    rest = text
    for pattern in (docnumber.PATTERN, docnumber.LOOSE_PATTERN):
        for m in list(pattern.finditer(rest)):
            start = m.start()
            # a 文号 written as a field value keeps its field; either way it becomes a number clause
            before = rest[:start]
            prefix = re.search(r"(文号|number|字号)[:：]$", before)
            if prefix:
                start = prefix.start()
            parsed.numbers.append(docnumber.parse_loose(m.group(0)))  # type: ignore[arg-type]
            rest = rest[:start] + " " * (m.end() - start) + rest[m.end():]
    if rest.count('"') % 2:
        parsed.message = notices.query_quote()
        rest = rest.replace('"', " ")
    group: list[Clause] = []
    pending_or = False
    for m in _TOKEN.finditer(rest):
        neg, name, value = m.group(1) == "-", m.group(2), m.group(3)
        if value == "OR" and not neg and not name:
            pending_or = bool(group) or bool(parsed.groups)
            continue
        if not name and value[-1] in ":：" and len(value) > 1:
            parsed.message = notices.query_empty_filter(value)
            continue
        phrase = value.startswith('"') and value.endswith('"') and len(value) >= 2
        if phrase:
            value = value[1:-1]
        fname = None
        if name:
            fname = FIELDS.get(name.lower())
            if fname is None:
                parsed.message = notices.query_unknown_field(name)
        if not value.strip():
            parsed.message = parsed.message or notices.query_empty_filter(f"{name}:")
            continue
        if fname == "status" and normalize(value) not in STATUS_WORDS:
            parsed.message = notices.query_bad_status(value)
            continue
        if fname == "year" and not YEAR_RANGE.match(normalize(value)):
            parsed.message = notices.query_bad_year(value)
            continue
        clause = Clause(fname, value, neg, phrase)
        if pending_or and parsed.groups and not group:
            parsed.groups[-1].append(clause)
        else:
            parsed.groups.append([clause])
        pending_or = False
        group = []
    return parsed
