"""Rebuild paragraphs from lines broken by the PDF converter; keep items, headings, tables and signatures apart.

After a closing block (signature, date, 此件公开发布) or a bare 附件N heading, the title of the attached document
(办法, 方案, 实施意见) is one "subtitle" block however many lines it was printed on."""

from __future__ import annotations

import re
from collections import Counter

from reader.gazette.tables import rebuild_lines
from reader.gazette.text import DATE_LINE, HAN, PUBLIC_NOTE, squash
from reader.models import Block, Line

TERMINAL = re.compile(r"[。！？!?；;：:…]['\"”’」』）)]*$")
ITEM = re.compile(
    rf"^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[)）]|\d{{1,3}}\s*[.．、](?!\d)|"
    rf"[①-⑳]|第[一二三四五六七八九十百\d]+[条章节部分]|附件\s*\d*\s*[:：]?|[{HAN}]{{0,6}}[:：]$)"
)
ATTACHMENT = re.compile(r"^附件\s*(\d*)\s*[:：]?\s*(.*)$")
_MIN_BROKEN = 28  # a line this long that stops without punctuation was broken by the converter


def is_table_row(text: str) -> bool:
    """Tab-separated cells (text exports; PDF rows with wide gaps)."""
    return "\t" in text.strip("\t") and not re.search(r"[.．…⋯]{4,}", text)


def cells(text: str) -> list[str]:
    """The cells of a table row."""
    return [squash(c) for c in text.strip("\t").split("\t")]


def _joins(prev: Line, line: Line, block: str) -> bool:
    """Whether line continues the paragraph whose text so far is block and whose last line is prev."""
    if ITEM.match(line.text) or DATE_LINE.match(line.text) or PUBLIC_NOTE.match(line.text):
        return False
    if line.centered or prev.centered or line.right:
        return False
    if prev.text.rstrip().endswith(("、", "，", ",", "（", "(", "《", "“")):
        return True
    if not TERMINAL.search(prev.text) and (len(block) >= _MIN_BROKEN or "。" in block):
        return True  # a sentence broken by the converter or the page (a block holding a full stop is no heading)
    if line.indent is None or prev.indent is None:
        return False
    if line.page == prev.page:
        return not line.indent and not prev.short
    return not line.indent


def join_text(a: str, b: str) -> str:
    """Join two pieces of a broken line: no space between Chinese or digits, one between Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def reflow(lines: list[Line], signature: set[int] | None = None) -> list[Block]:
    """Turn body lines into blocks: paragraphs, headings, numbered items, tables, signature, date, notes."""
    lines, origins = rebuild_lines(lines)  # table rows printed over several lines, whole again
    signature = {k for k, origin in enumerate(origins) if origin in (signature or set())}
    sizes: Counter[float] = Counter()
    for ln in lines:  # the body's size: most characters outside tables (their text is often smaller)
        if ln.size and ln.text.strip() and not is_table_row(ln.text):
            sizes[round(ln.size, 1)] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    blocks: list[Block] = []
    title_size = 0.0
    prev: Line | None = None  # last line of the open paragraph, None when none is open
    after_note = False
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if is_table_row(line.text):
            if blocks and blocks[-1].kind == "table" and prev is None and blocks[-1].rows is not None:
                blocks[-1].rows.append(cells(line.text))
                blocks[-1].text += "\n" + "\t".join(cells(line.text))
            else:
                row = cells(line.text)
                blocks.append(Block("table", "\t".join(row), rows=[row], page=line.page))
            prev = None
            continue
        if i in signature:
            blocks.append(Block("signature", squash(text), page=line.page))
            prev = None
            continue
        if DATE_LINE.match(text) and len(text) < 20:
            blocks.append(Block("date", squash(text), page=line.page))
            prev, after_note = None, True
            continue
        if PUBLIC_NOTE.match(squash(text)):
            blocks.append(Block("note", squash(text), page=line.page))
            prev, after_note = None, True
            continue
        if prev is not None and _joins(prev, line, blocks[-1].text):
            blocks[-1].text = join_text(blocks[-1].text, squash(text))
            prev = line
            continue
        if blocks and blocks[-1].kind == "subtitle" and _title_goes_on(blocks[-1].text, line, text, body_size) \
                and abs(line.size - title_size) < 0.5:
            blocks[-1].text = join_text(blocks[-1].text, squash(text))  # a title printed over two or three lines
            continue
        title_next = after_note or bool(blocks and _bare_attachment(blocks[-1]))
        kind = "subtitle" if title_next and _title_line(text) and _title_layout(line, text, body_size) else \
            _kind(line, text, after_note)
        if kind == "subtitle":
            title_size = line.size  # the lines that go on the title are printed at its size
        blocks.append(Block(kind, squash(text), page=line.page))
        prev = None if kind in ("heading", "subtitle", "attachment") else line
        after_note = False
    return blocks


def _bare_attachment(block: Block) -> bool:
    """A 附件N heading with no name after it: the attached document's title follows."""
    m = ATTACHMENT.match(block.text) if block.kind == "attachment" else None
    return bool(m) and not m.group(2).strip()  # type: ignore[union-attr]


def _title_line(text: str) -> bool:
    """Whether a line can be (part of) the title of an attached document: short, no sentence, no list number,
    no colon (组长：… lines of a member list are not a title)."""
    return len(text) <= 40 and not re.search(r"[。：:]", text) and not TERMINAL.search(text) and not ITEM.match(text)


def _title_goes_on(title: str, line: Line, text: str, body_size: float) -> bool:
    """Whether a line continues a title: laid out as one (PDF), or in a text export, where titles are printed on
    one line, only when the break is plainly inside it (an open 《 or （, a line starting with 〉 》 ） or a year)."""
    if TERMINAL.search(title) or not _title_line(text):
        return False
    if line.indent is not None:
        return _title_layout(line, text, body_size)
    return title.endswith(("《", "〈", "（", "(", "、")) or text.startswith(("〉", "》", "）", ")", "（", "("))


def _title_layout(line: Line, text: str, body_size: float) -> bool:
    """Whether a line is laid out as a title: centred, bold or larger than the body on a PDF page (a paragraph's
    lines are indented or run to the margin), or in a text export, where nothing but its length tells, short."""
    if line.centered or line.heading or line.bold or (body_size and line.size >= body_size * 1.15):
        return True
    if line.indent is None:
        return len(text) <= 30
    return not line.indent and bool(line.short)


def _kind(line: Line, text: str, after_note: bool) -> str:
    """The kind of block a line opens."""
    if ATTACHMENT.match(text) and len(text) < 60:
        return "attachment"
    ends_short = line.short if line.short is not None else len(text) <= 30
    short = len(text) <= 40 and ends_short and not TERMINAL.search(text) and "。" not in text
    if line.heading or (line.centered and not TERMINAL.search(text)) or (short and (after_note or ITEM.match(text))):
        return "heading"
    if ITEM.match(text):
        return "item"
    return "para"
