"""Table rows put back together: a PDF prints a tall row over several lines, cutting cells (a 文号 too) across them.

A numbered row of a list (序号 ⇥ 发文字号 ⇥ 文件名 ⇥ 清理意见) prints its short cells on one line, vertically centred
(the anchor: 1 ⇥ …的通知 ⇥ 废止), and the parts of its tall cells above and below it:

    青政办发〔2005〕                      ← the top of row 1's 文号
    1 ⇥ 青铜峡市人民政府批转…的通知 ⇥ 废止    ← row 1's anchor
    21号                                  ← the bottom of row 1's 文号
    青政发〔2005〕 关于印发《…的实          ← the top of row 2: a 文号 head opens a row
    2 ⇥ 废止
    108号 ⇥ 施方案》的通知                  ← a 文号 tail closes one

becomes one line per row, its cells in the header's order: 1 ⇥ 青政办发〔2005〕21号 ⇥ …的通知 ⇥ 废止. The rule reads
only the genre's marks (序号, 文号 heads and tails, action words), so it holds across pages and producers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.gazette import docnumber
from reader.models import Line

ANCHOR = re.compile(r"^\s*(\d{1,3})\s*\t")  # a numbered row's own line: 序号 then a tab
ACTION = re.compile(r"宣布失效|停止执行|废止|失效|修改|修订")  # the actions a list of documents takes
_ACTION_AT_END = re.compile(r"^(.*\S)\s+(宣布失效|停止执行|继续有效|废止|失效)$")
_ACTION_GLUED = re.compile(r"^(.{4,}?)\s*(宣布失效|停止执行|废止)$")
_NUMBER_HEAD = re.compile(rf"{docnumber.SPLIT_HEAD.pattern}(?=\s|\t|$)")
_HEADER_WORD = re.compile(r"序号|编号|文号|字号|名称|标题|文件名|意见|处理|状态")
_SENTENCE_END = re.compile(r"[。；;！？]$")
_PREFIX_MAX = 8  # a 文号 prefix printed alone (青政办发) is short
_SHORT_TAIL = re.compile(r"[\u4e00-\u9fff]{1,3}")  # the last characters of a cut title (知, 通知)
_MAX_GAP = 6  # lines between two anchors of one table
_MAX_PIECE = 80  # a line longer than this is prose, not a piece of a cell


@dataclass
class _Row:
    """The pieces of one table row: its anchor's cells and the lines printed above and below it."""

    anchor: int
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)


def rebuild_texts(texts: list[str]) -> list[tuple[int, str]]:
    """(index of the first line used, text) for each line out: numbered table rows whole, other lines as they are."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(texts):
        table = _table_at(texts, k)
        if table is None:
            out.append((k, texts[k]))
            k += 1
            continue
        header, rows, end = table
        columns = _columns(texts[header]) if header is not None else None
        if header is not None:
            out.append((header, texts[header]))
        for row in rows:
            out.append((row.anchor if not row.top else _first_index(texts, row), _row_text(texts, row, columns)))
        k = end
    return out


def rebuild_lines(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """Lines with numbered table rows put back together, and for each the index of the source line it starts at
    (the row's anchor line gives its page and layout)."""
    out: list[Line] = []
    origins: list[int] = []
    texts = [ln.text for ln in lines]
    for index, text in rebuild_texts(texts):
        anchor = index
        if text != texts[index]:
            anchor = next((j for j in range(index, len(texts)) if ANCHOR.match(texts[j])), index)
        out.append(lines[index] if text == texts[index] else replace(lines[anchor], text=text, page=lines[index].page))
        origins.append(index)
    return out, origins


def _first_index(texts: list[str], row: _Row) -> int:
    """The index of a row's first printed line."""
    return row.anchor - len(row.top)


def _table_at(texts: list[str], k: int) -> tuple[int | None, list[_Row], int] | None:
    """A numbered table whose rows are cut over lines, starting at line k (its header or its first row's top):
    (header index, rows, index after the table); None when no such table starts here or nothing needs joining."""
    if "\t" not in texts[k] and not _NUMBER_HEAD.match(texts[k]):
        return None  # a table starts at its header, a numbered row or a 文号 head
    header = k if _is_header(texts[k]) else None
    if header is not None and _columns(texts[header]) is None:
        return None  # a table of something else than documents: left as printed
    if header is None and ANCHOR.match(texts[k]) and not docnumber.PATTERN.search(texts[k]):
        return None  # without a header, a table is only taken from a row with a 文号
    start = k + 1 if header is not None else k
    anchors: list[int] = []
    j = start
    while j < len(texts) and j - (anchors[-1] if anchors else start - 1) <= _MAX_GAP + 1:
        if ANCHOR.match(texts[j]):
            anchors.append(j)
        elif not _piece(texts[j]):
            break
        j += 1
    if not anchors:
        return None
    lead = texts[start:anchors[0]]
    if header is None and not (_NUMBER_HEAD.match(lead[0]) if lead else docnumber.PATTERN.search(texts[anchors[0]])):
        return None  # without a header, a table is only taken from a row with a 文号
    rows = [_Row(a) for a in anchors]
    rows[0].top = lead
    for n, (row, after) in enumerate(zip(rows, rows[1:], strict=False)):
        band = texts[row.anchor + 1:after.anchor]
        beyond = texts[after.anchor + 1:rows[n + 2].anchor if n + 2 < len(rows) else after.anchor + _MAX_GAP]
        cut = _split_band(band, texts[row.anchor], texts[after.anchor],
                          any(docnumber.SPLIT_TAIL_YEAR.match(t) for t in beyond))
        row.bottom, after.top = band[:cut], band[cut:]
    end = anchors[-1] + 1
    while end < len(texts) and _piece(texts[end]) and _closes(texts[end], rows[-1], texts):
        rows[-1].bottom.append(texts[end])
        end += 1
    if not any(r.top or r.bottom for r in rows) and not any(_ACTION_AT_END.match(texts[r.anchor]) for r in rows):
        return None  # every row on its own line already
    return header, rows, end


def _is_header(text: str) -> bool:
    """A table's header row: cells of column names (序号 ⇥ 发文字号 ⇥ 文件名 ⇥ 清理意见)."""
    if "\t" not in text or len(text) > 60:
        return False
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    return len(cells) >= 2 and sum(bool(_HEADER_WORD.search(c)) for c in cells) >= 2 and len(text) <= 60


def _piece(text: str) -> bool:
    """Whether a line can be part of a table cell: short, no sentence, not an attachment heading."""
    t = text.strip()
    return bool(t) and len(t) <= _MAX_PIECE and not _SENTENCE_END.search(t) and not t.startswith("附件") \
        and not _is_header(t)


def _split_band(band: list[str], anchor: str, next_anchor: str, year_tail_below: bool) -> int:
    """Where the lines between two anchors change rows: at the first 文号 head (it opens the next row; a prefix
    alone when the rest, 〔2016〕58号, stands below the next anchor), else after the last 文号 tail (it closes the
    row above), else all to the row that lacks a title (the upper one first)."""
    for k, text in enumerate(band):
        if _NUMBER_HEAD.match(text) or docnumber.PATTERN.match(text.strip()):
            return k
    for k in range(len(band) - 1, -1, -1) if year_tail_below else ():
        if 2 <= len(band[k].strip()) <= _PREFIX_MAX and docnumber.PREFIX_ONLY.fullmatch(band[k].strip()):
            return k
    tails = [k for k, text in enumerate(band) if docnumber.SPLIT_TAIL.match(text) or docnumber.SPLIT_TAIL_YEAR.match(text)]
    if tails:
        return tails[-1] + 1
    return len(band) if not _title_cells(anchor) or _title_cells(next_anchor) else 0


def _closes(text: str, row: _Row, texts: list[str]) -> bool:
    """Whether a line after the last anchor still belongs to its row: a 文号 tail the row waits for, or the end of
    a cell the row left open."""
    if docnumber.SPLIT_TAIL.match(text) or docnumber.SPLIT_TAIL_YEAR.match(text):
        return any(_NUMBER_HEAD.match(t) or docnumber.PREFIX_ONLY.fullmatch(t.strip()) for t in row.top)
    pieces = "".join(row.top + [texts[row.anchor]] + row.bottom)
    titled = bool(_title_cells(texts[row.anchor])) or any(_fragments(t)[1] for t in row.top + row.bottom)
    return not titled or pieces.count("《") > pieces.count("》") or bool(_SHORT_TAIL.fullmatch(text.strip()))


def _title_cells(anchor: str) -> list[str]:
    """The anchor's cells that are neither its 序号, a 文号 nor an action."""
    cells = [c.strip() for c in anchor.split("\t")][1:]
    return [c for c in cells if c and not ACTION.fullmatch(c) and not docnumber.PATTERN.fullmatch(c)]


def _fragments(text: str) -> tuple[list[str], list[str], list[str]]:
    """A line cut into (文号 pieces, text pieces, actions)."""
    numbers: list[str] = []
    head = _NUMBER_HEAD.match(text) or docnumber.SPLIT_TAIL.match(text) or docnumber.SPLIT_TAIL_YEAR.match(text)
    if head:
        numbers.append(head.group(0).strip())
        text = text[head.end():]
    words: list[str] = []
    actions: list[str] = []
    for cell in (c.strip() for c in text.split("\t")):
        if not cell:
            continue
        end = _ACTION_AT_END.match(cell)
        if end:
            cell = end.group(1)
            actions.append(end.group(2))
        if ACTION.fullmatch(cell):
            actions.append(cell)
        elif docnumber.PATTERN.fullmatch(cell):
            numbers.append(cell)
        else:
            words.append(cell)
    return numbers, words, actions


def _row_text(texts: list[str], row: _Row, columns: list[str] | None) -> str:
    """One row's cells joined by tabs, in the header's column order."""
    anchor = texts[row.anchor]
    seq = ANCHOR.match(anchor).group(1)  # type: ignore[union-attr]
    numbers: list[str] = []
    words: list[str] = []
    actions: list[str] = []
    for text in [*row.top, anchor[ANCHOR.match(anchor).end():], *row.bottom]:  # type: ignore[union-attr]
        n, w, a = _fragments(text)
        numbers += n
        words += w
        actions += a
    glued = _ACTION_GLUED.match(words[-1]) if words and not actions else None
    if glued:  # 禾川市城区停车管理办法废止: the action cell printed against the title
        words[-1] = glued.group(1)
        actions.append(glued.group(2))
    if numbers and numbers[0][0] in docnumber.OPEN_BRACKETS and row.top:
        prefix = row.top[0].strip()  # 青政办发 above, 〔2005〕72号 below: the prefix printed alone
        if docnumber.PREFIX_ONLY.fullmatch(prefix) and words and words[0] == prefix:
            numbers.insert(0, words.pop(0))
    cells = {"seq": seq, "number": "".join(numbers), "title": "".join(words), "action": "".join(actions)}
    order = columns or ["seq", "number", "title", "action"]
    return "\t".join(cells[c] for c in order)


def _columns(header: str) -> list[str] | None:
    """The role of each header cell (seq, number, title, action); None when the header names no 文号 column."""
    roles: list[str] = []
    for cell in (c.strip() for c in header.split("\t") if c.strip()):
        if re.search(r"序号|编号", cell) and not roles:
            roles.append("seq")
        elif re.search(r"文号|字号", cell):
            roles.append("number")
        elif re.search(r"意见|处理|状态|结果", cell):
            roles.append("action")
        else:
            roles.append("title")
    return roles if "number" in roles and roles.count("title") == 1 and roles[0] == "seq" else None


def logical_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of a stored text, its table rows whole: numbered rows rebuilt as blocks are, and a 文号 cut
    over two to four lines of an unnumbered row joined (texts stored before blocks held whole rows)."""
    lines = text.split("\n")
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    rows = rebuild_texts(lines)
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(rows):
        joined = _join_cut_number([r for _, r in rows], k)
        if joined is None:
            out.append((offsets[rows[k][0]], rows[k][1]))
            k += 1
            continue
        row, k_next = joined
        out.append((offsets[rows[k][0]], row))
        k = k_next
    return out


def _join_cut_number(lines: list[str], k: int) -> tuple[str, int] | None:
    """The row whose 文号 starts at line k and ends one to three lines below, and the line after it; or None."""
    head = docnumber.SPLIT_HEAD.match(lines[k])
    prefix_only = head is None and docnumber.PREFIX_ONLY.fullmatch(lines[k].strip())
    if head is None and not prefix_only:
        return None
    tail_pattern = docnumber.SPLIT_TAIL if head else docnumber.SPLIT_TAIL_YEAR
    for j in range(k + 1, min(k + 4, len(lines))):
        tail = tail_pattern.match(lines[j])
        if tail is None:
            continue
        if head:
            number = f"{head.group('prefix')}〔{head.group('year')}〕{head.group('num')}{tail.group('num')}号"
            first = lines[k][head.end():]
        else:
            number = f"{lines[k].strip()}〔{tail.group('year')}〕{tail.group('num')}号"
            first = ""
        pieces = [first, *lines[k + 1:j], lines[j][tail.end():]]
        cells = [c.strip() for piece in pieces for c in piece.split("\t") if c.strip()]
        actions = [c for c in cells if ACTION.fullmatch(c)]
        words = "".join(c for c in cells if not c.isdigit() and c not in actions)
        return "\t".join([number, words, *actions]), j + 1
    return None
