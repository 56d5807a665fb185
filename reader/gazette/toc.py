"""The printed 目录: sections in 【】 and entries with title, 发文字号 and page, in the layouts gazettes use."""

from __future__ import annotations

import re

from reader.gazette import docnumber
from reader.gazette.text import HAN, compact, squash
from reader.models import Line, TocEntry
from reader.textfold import has_han

TOC_HEADING = re.compile(r"^目\s*录$")
SECTION = re.compile(r"^[【\[［](.{1,40})[】\]］]$")
SLOGAN = re.compile(rf"^(?:[{HAN}]{{4}}[\s　]+)+[{HAN}]{{4}}$")
COLOPHON = re.compile(
    r"^(主\s*编|副\s*主\s*编|责任编辑|执行编辑|编\s*辑|主\s*管|主\s*办|承\s*办|编辑出版|出\s*版|地\s*址|邮政编码|邮\s*编|电\s*话|"
    r"传\s*真|邮\s*箱|网\s*址|准印证号?|印\s*刷|发\s*行|定\s*价)\s*[:：]"
)
_LEADER = r"(?:[.．。…⋯·・\-—_―]{2,}|\t)"
_PAGE_AT_END = [
    re.compile(rf"^(?P<body>.*?)\s*{_LEADER}[\s\t.．…⋯]*[（(]?\s*(?P<page>\d{{1,4}})\s*[)）]?\s*$"),
    # the issuing organ printed between the leader and the page: 通知…………国土资源部（21）
    re.compile(rf"^(?P<body>.*?)\s*{_LEADER}[\s\t.．…⋯]*(?P<organ>[{HAN}、\s]{{2,40}}?)\s*[（(]\s*(?P<page>\d{{1,4}})\s*[)）]\s*$"),
    re.compile(r"^(?P<body>.*号\s*[)）]?)\s+(?P<page>\d{1,4})\s*$"),
    re.compile(r"^(?P<body>.*?)\s+[（(]\s*(?P<page>\d{1,4})\s*[)）]\s*$"),
    re.compile(r"^(?P<body>)[（(]\s*(?P<page>\d{1,4})\s*[)）]\s*$"),
]
_BARE_PAGE = re.compile(r"^\d{1,4}$")
# an English CONTENTS after the Chinese 目录 (bilingual gazettes), and the lines around it that are neither 目录
# nor documents: English text, translator, printer, subscription and price lines
CONTENTS_HEADING = re.compile(r"^(?:C\s*O\s*N\s*T\s*E\s*N\s*T\s*S|Contents|TABLE OF CONTENTS)$")
_SERVICE = re.compile(r"^(?:翻\s*译|译\s*者|英文翻译|审\s*校|订\s*阅|订\s*购|订\s*户|零\s*售|代\s*号|国内统一刊号|国际标准刊号|"
                      r"国内发行|国外发行|总\s*发\s*行|印\s*刷\s*者|出\s*版\s*者|广告)\s*[:：]?")
_LATIN = re.compile(r"[A-Za-z]")
# the masthead repeated on a colophon page: 《某市人民政府公报》2023年第3期（总第20期）
MASTHEAD = re.compile(rf"^[《「]?[{HAN}]{{2,30}}(?:公报|标准文本)[》」]?\s*(?:$|(?:[12]\d{{3}}|[一二〇○零三四五六七八九]{{4}})\s*年)")
ISSUE_LABEL = re.compile(r"^(?:[12]\d{3}|[一二〇○零三四五六七八九]{4})\s*年\s*第\s*\S{1,4}\s*[期号]\s*(?:[（(][^)）]{1,12}[)）])?$")


def is_toc_heading(text: str) -> bool:
    """Whether a line is the 目录 heading (目 录, 目　录)."""
    return bool(TOC_HEADING.match(text.strip()))


def is_colophon(text: str) -> bool:
    """Whether a line belongs to the masthead or colophon (主编: …, 地址: …)."""
    return bool(COLOPHON.match(text.strip()))


def is_contents_heading(text: str) -> bool:
    """Whether a line opens an English CONTENTS (CONTENTS, C O N T E N T S)."""
    return bool(CONTENTS_HEADING.match(text.strip()))


def is_front_noise(text: str) -> bool:
    """Whether a line between the 目录 and the first document is front matter, not text of a document: English
    (a CONTENTS), masthead, colophon, translator, printer and subscription lines, slogans, bare page numbers."""
    text = text.strip()
    if not text or is_colophon(text) or is_slogan(text) or _SERVICE.match(text) or _BARE_PAGE.match(text):
        return True
    if MASTHEAD.match(text) or ISSUE_LABEL.match(text) or sum(text.count(c) for c in ":：") >= 3:  # masthead, a colophon run into one line
        return True
    return not has_han(text) and bool(_LATIN.search(text))


def is_slogan(text: str) -> bool:
    """Whether a line is a slogan such as 发布政令 宣传政策 指导工作 服务社会."""
    return bool(SLOGAN.match(text.strip()))


def split_page(text: str, buffered: bool) -> tuple[str, int] | None:
    """Split an entry line into its text and the printed page number at its end, or None."""
    found = split_entry(text, buffered)
    return (found[0], found[1]) if found else None


def split_entry(text: str, buffered: bool) -> tuple[str, int, str | None] | None:
    """Split an entry line into its text, the printed page number at its end and the organ printed between the
    leader and the page (None when there is none), or None."""
    text = text.strip()
    for pattern in _PAGE_AT_END:
        m = pattern.match(text)
        if m:
            organ = m.groupdict().get("organ")
            return m.group("body"), int(m.group("page")), squash(organ) if organ else None
    if buffered and _BARE_PAGE.match(text):
        return "", int(text), None
    return None


def make_entry(section: str | None, text: str, page: int | None, organ: str | None = None) -> TocEntry | None:
    """Build an entry from its joined text: title, then the 发文字号 as printed."""
    text = re.sub(r"[.．…⋯·・]{2,}", " ", text)
    found = docnumber.find_last(text)
    number = None
    if found:
        number, start, end = found[0].printed, found[1], found[2]
        text = text[:start] + " " + text[end:]
    title = squash(re.sub(r"[（(\s]+$", "", re.sub(r"^[)）\s]+", "", squash(text)))).strip("（() ）")
    title = re.sub(r"[（(]\s*[)）]", "", title)
    if not title and not number:
        return None
    return TocEntry(section=section, title=title, doc_number=number, page=page, organ=organ)


def _join(pieces: list[str]) -> str:
    """The lines of a wrapped entry joined by a space (squashed later next to Chinese), but none inside a number
    the wrap broke (青政办发〔2023〕1 / 1号)."""
    text = ""
    for piece in pieces:
        broken_number = text[-1:].isdigit() and piece[:1].isdigit()
        text += ("" if broken_number or not text else " ") + piece
    return text


def parse_toc(lines: list[Line]) -> list[TocEntry]:
    """Parse the lines of a 目录 region into entries, keeping the current 【section】."""
    entries: list[TocEntry] = []
    section: str | None = None
    buffer: list[str] = []
    for line in lines:
        text = line.text.strip()
        if is_contents_heading(text):
            break  # the English CONTENTS that follows is not the 目录
        if not text or is_toc_heading(text) or is_slogan(text):
            continue
        m = SECTION.match(compact(text))
        if m:
            if buffer:
                entry = make_entry(section, _join(buffer), None)
                if entry and entry.doc_number:
                    entries.append(entry)
                buffer = []
            section = m.group(1)
            continue
        split = split_entry(text, bool(buffer))
        if split is None:
            buffer.append(text)
            continue
        body, page, organ = split
        entry = make_entry(section, _join(buffer + [body]), page, organ)
        if entry:
            entries.append(entry)
        buffer = []
    if buffer:
        entry = make_entry(section, _join(buffer), None)
        if entry and entry.doc_number:
            entries.append(entry)
    return entries
