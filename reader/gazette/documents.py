"""Split the body into documents: title, 发文字号, recipients, body, issuer and date, attachments."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from reader.gazette import docnumber
from reader.gazette.dateline import approval_line, under_title
from reader.gazette.numerals import Year
from reader.gazette.reflow import ATTACHMENT, TERMINAL, is_table_row, join_text, reflow
from reader.gazette.text import DATE_LINE, HAN, ORG_END, PUBLIC_NOTE, compact, iso_date, squash
from reader.gazette.toc import is_colophon
from reader.models import Block, Document, Line, TocEntry
from reader.textfold import count_han, has_han

MAX_TITLE_LINES = 5
MAX_TITLE_CHARS = 150
TITLE_START = re.compile(
    rf"^(?:中共|中国共产党|关于|国务院|[{HAN}]{{1,12}}?(?:省|市|县|区|州|盟|旗|自治区|委|政府|办公室|办公厅|委员会|局|厅|部|院|中心))"
)
_NOT_TITLE = re.compile(r"^(?:第?\s*\d+\s*号|[（(]?\s*此件.*|.*[:：].*|\d+(?:\.\d+)?%?|[【\[［].+[】\]］])$")
SECTION_LINE = re.compile(r"^[【\[［][^】\]］]{1,30}[】\]］]$")
# a red-header banner (XX市人民政府文件) printed above the 文号, with the real title below it
BANNER = re.compile(rf"^[{HAN}]{{2,30}}(?:文件|公报|文件标准文本)$")


@dataclass
class Start:
    """Where a document starts: its title lines and its 发文字号 line (if any)."""

    title_from: int
    number_at: int | None
    body_from: int
    title_at: int | None = None  # the title stands after the 文号 (red-header banner layout)
    number_text: str = ""  # the 文号 as printed, when the converter broke it over two lines


def body_size(lines: list[Line]) -> float:
    """The commonest font size, the body text's (0 for text exports)."""
    sizes = Counter(round(line.size) for line in lines if line.size and line.text)
    return float(sizes.most_common(1)[0][0]) if sizes else 0.0


def title_like(line: Line, size: float) -> bool:
    """Whether a line could be part of a document title."""
    text = line.text.strip()
    if not text or "\t" in text or len(text) > 100:
        return False
    if TERMINAL.search(text) or text.endswith(("，", ",", "、")) or _NOT_TITLE.match(compact(text)):
        return False
    if DATE_LINE.match(text) or PUBLIC_NOTE.match(compact(text)) or is_colophon(text):
        return False
    if size and line.size and line.size < size * 1.12 and not line.bold:
        return False
    return has_han(text)


def title_before(lines: list[Line], i: int, floor: int, size: float) -> int | None:
    """The first line of the title that ends just above line i, or None when there is no title."""
    picked: list[int] = []
    j = i - 1
    chars = 0
    while j >= floor and len(picked) < MAX_TITLE_LINES:
        if not lines[j].text.strip():
            j -= 1
            continue
        if not title_like(lines[j], size):
            break
        if picked and lines[j].page != lines[picked[-1]].page and size and abs(lines[j].size - lines[picked[-1]].size) > 0.3:
            break  # the previous page ends in a heading of another size, not in the first lines of this title
        chars += len(lines[j].text)
        if chars > MAX_TITLE_CHARS:
            break
        picked.append(j)
        j -= 1
    if not picked:
        return None
    # the span should open with an organ's name or 关于; drop leading lines that do not fit
    for k in range(len(picked) - 1, -1, -1):
        if TITLE_START.match(squash(lines[picked[k]].text)):
            picked = picked[: k + 1]
            break
    first = picked[-1]
    title = squash(" ".join(lines[k].text for k in sorted(picked)))
    return first if count_han(title) >= 6 else None


def find_starts(lines: list[Line], begin: int, toc: list[TocEntry]) -> list[Start]:
    """Every document start in lines[begin:]: a lone 发文字号 under a title, or a 目录 title without one."""
    size = body_size(lines)
    starts: list[Start] = []
    floor = begin
    for i in range(begin, len(lines)):
        number, width = _number_at(lines, i)
        if number is None:
            continue
        first = title_before(lines, i, floor, size)
        if first is None or _form_field(lines, i + width):
            continue
        starts.append(Start(first, i, i + width, number_text=number))
        floor = i + width
    return sorted(starts + _untitled_starts(lines, begin, toc, starts), key=lambda s: s.title_from)


def _form_field(lines: list[Line], k: int) -> bool:
    """Whether the line after a 文号 is a row of labelled cells (来文文号 | 来文单位 | …): the 文号 fills in a form
    (a 收文处理单 naming the document it concerns) and starts no document."""
    nxt = next((ln.text for ln in lines[k:k + 2] if ln.text.strip()), "")
    return is_table_row(nxt) and not docnumber.find_all(nxt)


def _number_at(lines: list[Line], i: int) -> tuple[str | None, int]:
    """The 文号 standing alone at line i (or broken over lines i and i+1 by the converter), and its line count."""
    text = lines[i].text.strip()
    if not text or len(text) > 40:
        return None, 0
    if docnumber.parse_line(text):
        return text, 1
    nxt = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].text.strip()), None)
    if nxt is None:
        return None, 0
    following = lines[nxt].text.strip()
    # broken inside the number: "青政办发〔2023〕" + "4号", or "青政办发" + "〔2023〕4号"
    split_inside = docnumber.YEAR_IN_BRACKET.search(text) or (
        docnumber.PREFIX_ONLY.fullmatch(text) and docnumber.is_open_bracket(following[:1]))
    if split_inside and len(following) <= 12:
        joined = text + following
        if docnumber.parse_line(joined):
            return joined, nxt - i + 1
    return None, 0


def _untitled_starts(lines: list[Line], begin: int, toc: list[TocEntry], known: list[Start]) -> list[Start]:
    """Documents the 目录 lists without a 发文字号 (公告, statistics): found by their title in the body."""
    taken = {k for s in known for k in range(s.title_from, s.body_from)}
    found: list[Start] = []
    for entry in toc:
        if entry.doc_number or len(compact(entry.title)) < 4:
            continue
        want = compact(entry.title)
        for i in range(begin, len(lines)):
            if i in taken or not lines[i].text.strip() or not want.startswith(compact(lines[i].text)):
                continue
            got, j = "", i
            while j < len(lines) and len(got) < len(want):
                got += compact(lines[j].text)
                j += 1
            if got == want:
                found.append(Start(i, None, j))
                taken.update(range(i, j))
                break
    return found


def _recipients(lines: list[Line], k: int, end: int) -> tuple[str | None, int]:
    """The recipients line(s) ending in ：right after the 发文字号, and where the body then starts."""
    got: list[str] = []
    j = k
    while j < end and len(got) < 4:
        text = lines[j].text.strip()
        if not text:
            j += 1
            continue
        if "。" in text or is_table_row_like(text):
            break
        got.append(text)
        j += 1
        if text.endswith(("：", ":")):
            joined = squash("".join(got))
            return (joined, j) if len(joined) < 300 else (None, k)
    return None, k


def is_table_row_like(text: str) -> bool:
    """Tabs inside a line mean a table row."""
    return "\t" in text.strip("\t")


def _signature(lines: list[Line], k: int, end: int, year: Year = None) -> tuple[list[int], str | None, str | None]:
    """The issuer lines and date of the signature: the first date line with organ names just above it (a date
    printed without its year, 十月十六日, takes the issue's year)."""
    for d in range(k, end):
        if not DATE_LINE.match(lines[d].text.strip()):
            continue
        orgs: list[int] = []
        j = d - 1
        while j >= k and len(orgs) < 4:
            text = lines[j].text.strip()
            if not text:
                j -= 1
                continue
            if len(text) > 60 or TERMINAL.search(text) or text[0].isdigit() or not all(ORG_END.search(p) for p in _org_parts(text)):
                break
            orgs.append(j)
            j -= 1
        if orgs:
            issuer = " ".join(p for o in sorted(orgs) for p in _org_parts(lines[o].text))
            return sorted(orgs), issuer, iso_date(lines[d].text, year)
        return [], None, iso_date(lines[d].text, year)
    return [], None, None


def _org_parts(text: str) -> list[str]:
    """Organ names on one signature line (separated by wide spaces)."""
    parts = [p for p in re.split(r"[\s\u3000]{1,}", text.strip()) if p]
    merged: list[str] = []
    for p in parts:
        if merged and not ORG_END.search(merged[-1]):
            merged[-1] += p
        else:
            merged.append(p)
    return merged


def _attachments(blocks: list[Block]) -> list[str]:
    """Attachment names: 附件N headings followed by their title, or 附件：name lines; each once."""
    names: dict[str, str] = {}
    for i, block in enumerate(blocks):
        m = ATTACHMENT.match(block.text) if block.kind == "attachment" else None
        if not m:
            continue
        number, name = m.group(1), m.group(2).strip()
        numbered = re.match(r"^(\d{1,2})\s*[.．、]\s*(.+)$", name)
        if numbered:
            number, name = numbered.groups()
        if not name and i + 1 < len(blocks) and blocks[i + 1].kind in ("heading", "subtitle", "para") and len(blocks[i + 1].text) < 80:
            name = blocks[i + 1].text
        name = name.strip("《》 ")
        if name and compact(name) not in names:
            names[compact(name)] = f"附件{number} {name}"
    return list(names.values())


def _title_after_banner(lines: list[Line], start: Start, end: int) -> Start:
    """When a banner (XX市人民政府文件) stands above the 文号, the title is the lines after the 文号."""
    above = squash(" ".join(ln.text for ln in lines[start.title_from:start.number_at or start.body_from]))
    if start.number_at is None or not BANNER.match(above):
        return start
    j, picked = start.body_from, list[int]()
    size = body_size(lines[start.body_from:end])  # the recipients below the title are printed at the body's size
    while j < end and len(picked) < MAX_TITLE_LINES:
        text = lines[j].text.strip()
        if text:
            if text.endswith(("：", ":")) or not title_like(lines[j], size):
                break
            picked.append(j)
        j += 1
    title = squash("".join(lines[k].text for k in picked))
    if picked and re.search(r"(关于|通知|决定|意见|办法|方案|规定|公告|通告|批复|报告|函)", title):
        return replace(start, body_from=picked[-1] + 1, title_at=picked[0])
    return start


def build_document(lines: list[Line], start: Start, end: int, year: Year = None) -> Document:
    """One document from its lines: title, number, recipients, reflowed body, signature (year: the issue's, for
    dates printed without one)."""
    start = _title_after_banner(lines, start, end)
    while end > start.body_from and (not lines[end - 1].text.strip() or SECTION_LINE.match(lines[end - 1].text.strip())):
        end -= 1  # a section heading repeated in the body belongs to the next document, not to this one
    title_span = (start.title_at, start.body_from) if start.title_at is not None else (
        start.title_from, start.number_at or start.body_from)
    title_lines = [ln for ln in lines[title_span[0]:title_span[1]] if ln.text.strip()]
    title = ""
    for ln in title_lines:
        title = squash(join_text(title, squash(ln.text)))
    number = docnumber.parse_line(start.number_text or lines[start.number_at].text) if start.number_at is not None else None
    dated = under_title(lines, start.body_from, end, year)
    recipients, body_from = _recipients(lines, dated.end if dated else start.body_from, end)
    sig_lines, issuer, date = _signature(lines, body_from, end, year)
    if not (issuer and date):
        dated = dated or approval_line(lines, body_from, end, year)
        issuer, date = issuer or (dated.issuer if dated else None), date or (dated.date if dated else None)
    first_page = title_lines[0].page if title_lines else None
    blocks = [Block("title", title, page=first_page)]
    if number:
        blocks.append(Block("docnumber", number.printed, page=lines[start.number_at or 0].page))
    if dated and dated.end <= body_from:  # the bracket under the title, centred as printed
        bracket = squash("".join(ln.text.strip() for ln in lines[dated.first:dated.end]))
        blocks.append(Block("subtitle", bracket, page=lines[dated.first].page))
    if recipients:
        blocks.append(Block("recipients", recipients, page=first_page))
    body = lines[body_from:end]
    blocks.extend(reflow(body, {i - body_from for i in sig_lines}))
    pages = [ln.page for ln in lines[start.title_from : end] if ln.page is not None and ln.text.strip()]
    return Document(
        title=title,
        doc_number=number.printed if number else None,
        doc_number_canonical=number.canonical if number else None,
        issuer=issuer,
        date=date,
        recipients=recipients,
        blocks=blocks,
        attachments=_attachments(blocks),
        pdf_pages=(min(pages), max(pages)) if pages else None,
    )
