"""Citations between documents, pure text in and records out: cited 发文字号 and the actions decisions take on them.

A document cites another by its 发文字号 (in any bracket style) or by its 《title》. A decision (废止, 宣布失效,
停止执行, 修改) names the documents it acts on in table rows (序号, 文号, title, action) or in sentences such as
``原《…办法》（X政发〔2019〕1号）同时废止``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reader.gazette import docnumber
from reader.gazette.tables import logical_lines
from reader.textfold import compact


class Action(str, Enum):
    """What a decision does to a document it names."""

    ABOLISH = "废止"
    INVALIDATE = "宣布失效"
    SUSPEND = "停止执行"
    AMEND = "修改"

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Cite:
    """One citation in a document's text: a 发文字号 (canonical) or a 《title》, where it stands, what it does."""

    start: int
    end: int
    canonical: str | None  # the cited 发文字号, canonical; None for a title-only citation
    title: str = ""  # the title cited or listed with it (without 《》), when there is one
    action: Action | None = None


# the action words, longest first so 宣布失效 wins over 失效
_ACTIONS = [("宣布失效", Action.INVALIDATE), ("停止执行", Action.SUSPEND), ("废止", Action.ABOLISH),
            ("失效", Action.INVALIDATE), ("修改", Action.AMEND), ("修订", Action.AMEND)]
_ACTION_WORDS = re.compile("|".join(w for w, _ in _ACTIONS))
_SENTENCE_END = re.compile(r"[。；;！!\n]")
# a sentence that acts on the numbers it names: ...同时废止 / 予以废止 / 自本办法施行之日起废止 / 停止执行
_SENTENCE_ACTION = re.compile(r"(?:同时|一并|予以|即行|相应)?(?:废止|宣布失效|停止执行)(?![的和及与]|[^。；;\n]{0,6}(?:决定|通知|目录))")
_QUOTED = re.compile(r"《([^《》\n]{4,80}?(?:《[^《》\n]*》[^《》\n]*?)*)》")
_DECISION_TITLE = re.compile(r"(?:废止|失效|停止执行|修改)")


def _numbers(text: str) -> list[re.Match[str]]:
    """Every 发文字号 match in a text, the pattern run only on the lines that hold a 号 (most lines do not)."""
    out: list[re.Match[str]] = []
    at = 0
    while True:
        mark = text.find("号", at)
        if mark < 0:
            return out
        start = text.rfind("\n", 0, mark) + 1
        end = text.find("\n", mark)
        end = len(text) if end < 0 else end
        out += docnumber.PATTERN.finditer(text, start, end)
        at = end + 1


def _cited(text: str) -> docnumber.DocNumber | None:
    """A 发文字号 as running text cites it (lead words such as 根据 and 和 left out of its prefix)."""
    number = docnumber.parse_loose(text)
    return docnumber.cited(number) if number else None


def action_of(word: str) -> Action:
    """The action an action word names."""
    return next(a for w, a in _ACTIONS if w == word)


def is_decision(title: str) -> bool:
    """Whether a title announces a decision on other documents (关于废止和宣布失效部分…文件的决定)."""
    return bool(_DECISION_TITLE.search(title)) and ("文件" in title or "规章" in title or "决定" in title)


def cited_numbers(text: str, own: str | None = None) -> list[Cite]:
    """Every 发文字号 a text cites (its own number excluded), in order."""
    out = []
    for m in _numbers(text):
        number = _cited(m.group(0))
        if number is None or number.canonical == own or len(number.prefix) < 2:
            continue  # a one-character prefix is the tail of an organ name cut by a line break
        out.append(Cite(m.start(), m.end(), number.canonical, _quoted_before(text, m.start())))
    return out


def _quoted_before(text: str, at: int) -> str:
    """The 《title》 just before a position (within the same line), as 根据《…》（X号） writes it."""
    line_start = text.rfind("\n", 0, at) + 1
    window = text[max(line_start, at - 120):at]
    found = list(_QUOTED.finditer(window))
    if found and len(window) - found[-1].end() <= 3:
        return found[-1].group(1)
    return ""


def cited_titles(text: str) -> list[Cite]:
    """《title》 citations not followed by a 发文字号 (those are cited by number), in order."""
    out = []
    for m in _QUOTED.finditer(text):
        after = text[m.end():m.end() + 40]
        if docnumber.PATTERN.match(after.lstrip("（(〔 ")):
            continue
        out.append(Cite(m.start(), m.end(), None, m.group(1)))
    return out


def _row_title(cells: list[str], number_cell: int) -> str:
    """The title cell of a decision's table row: the longest cell after the number that is not an action."""
    candidates = [c.strip() for c in cells[number_cell + 1:] if c.strip() and not _ACTION_WORDS.fullmatch(c.strip())]
    title = max(candidates, key=len, default="")
    return title[1:-1] if title.startswith("《") and title.endswith("》") and title.count("《") == 1 else title


def decision_actions(text: str) -> list[Cite]:
    """The documents a decision acts on, from its table rows and from its sentences, with the action on each.

    A table row holds a 文号 cell, a title and an action (废止, 宣布失效); a row without its own action takes the
    action of the list's heading (…决定废止…目录). A sentence acts on the 文号 it names before the action word."""
    out: list[Cite] = []
    context: Action | None = None
    lines = logical_lines(text)
    k = 0
    while k < len(lines):
        offset, line = lines[k]
        k += 1
        numbers = list(docnumber.PATTERN.finditer(line))
        if not numbers:
            words = _ACTION_WORDS.findall(line)
            if words and len(line) <= 60:  # a list's heading: 青铜峡市人民政府宣布失效行政规范性文件目录
                context = action_of(words[0])
            continue
        if "\t" not in line:
            out += _sentence_actions(line, offset)
            continue
        while k < len(lines) and _row_unfinished(line, context) and _continues_row(lines[k][1]):
            line += "\t" + _ROW_END_ACTION.sub(r"\t\1", lines[k][1].strip())
            k += 1
        out += _table_row(line, offset, numbers, context)
    return out


_ROW_END_ACTION = re.compile(r"(?<=[^\t])(宣布失效|停止执行|废止|失效)$")


def _row_unfinished(line: str, context: Action | None) -> bool:
    """Whether a table row stops short: no title after its 文号, or no action where no list heading gives one
    (a PDF wrapped the row onto the next lines)."""
    cells = line.split("\t")
    number_cell = next(k for k, c in enumerate(cells) if docnumber.PATTERN.search(c))
    rest = [c.strip() for c in cells[number_cell + 1:] if c.strip()]
    return not rest or (context is None and not any(_ACTION_WORDS.fullmatch(c) for c in rest))


def _continues_row(line: str) -> bool:
    """Whether a line goes on a wrapped table row: short, no 文号 of its own, no cells, no sentence end."""
    text = line.strip()
    return bool(text) and "\t" not in text and len(text) <= 80 and not docnumber.PATTERN.search(text) \
        and not text.endswith(("。", "：", ":", "目录")) and not text.startswith("附件") and not re.match(r"^\d+$", text)


def sentence_actions(text: str) -> list[Cite]:
    """The actions a document's own sentences take: 原《…》（X号）同时废止 (table rows are left to decisions)."""
    out: list[Cite] = []
    offset = 0
    for line in text.split("\n"):
        if "\t" not in line and "号" in line:
            out += _sentence_actions(line, offset)
        offset += len(line) + 1
    return out


def _table_row(line: str, offset: int, numbers: list[re.Match[str]], context: Action | None) -> list[Cite]:
    cells = line.split("\t")
    words = [w for c in cells if (w := c.strip()) and _ACTION_WORDS.fullmatch(w)]
    action = action_of(words[-1]) if words else context
    if action is None:
        return []
    number_cell = next(k for k, c in enumerate(cells) if docnumber.PATTERN.search(c))
    title = _row_title(cells, number_cell)
    out = []
    for m in numbers:
        number = docnumber.parse_loose(m.group(0))
        if number is not None:
            out.append(Cite(offset + m.start(), offset + m.end(), number.canonical, title, action))
    return out


def _sentence_actions(line: str, offset: int) -> list[Cite]:
    out = []
    for m in _SENTENCE_ACTION.finditer(line):
        start = max((e.end() for e in _SENTENCE_END.finditer(line, 0, m.start())), default=0)
        sentence = line[start:m.start()]
        for n in docnumber.PATTERN.finditer(sentence):
            number = _cited(n.group(0))
            if number is None:
                continue
            word = _ACTION_WORDS.search(m.group(0))
            action = action_of(word.group(0)) if word else Action.ABOLISH
            out.append(Cite(offset + start + n.start(), offset + start + n.end(), number.canonical,
                            _quoted_before(line, start + n.start()), action))
    return out


def titles_match(listed: str, archived: str) -> bool:
    """Whether the title a decision lists names the archived document (either holds the other, spaces ignored)."""
    a, b = compact(listed).strip("《》"), compact(archived).strip("《》")
    return bool(a) and bool(b) and (a in b or b in a)


def title_keys(title: str) -> list[str]:
    """The keys a 《title》 citation may use for a document: its title and each 《…》 it issued (印发《X办法》)."""
    keys = [compact(title)]
    keys += [compact(m.group(1)) for m in _QUOTED.finditer(title)]
    return [k for k in dict.fromkeys(keys) if len(k) >= 4]


def number_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every 发文字号 standing in a text, as citations read it (for links)."""
    out = []
    for m in _numbers(text):
        number = _cited(m.group(0))
        if number is not None and len(number.prefix) >= 2:
            start = m.end() - len(number.printed) if m.group(0).replace(" ", "") != number.printed else m.start()
            out.append((max(m.start(), start), m.end(), number.canonical))
    return out
