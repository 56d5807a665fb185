"""Text and Markdown exports: encoding detection, Markdown marks kept as hints (list marks dropped), page-number
lines dropped."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.errors import Reason, SourceError
from reader.models import Line, Source
from reader.sources.pagenum import mark_pages, page_marks

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ITALIC = re.compile(r"(?<![*_A-Za-z0-9])([*_])(?![\s*_])(.+?)(?<![\s*_])\1(?![*_A-Za-z0-9])")
_MD_LINK = re.compile(r"<(https?://[^>]+)>|\[([^\]]+)\]\((https?://[^)]+)\)")


def decode(data: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or GB18030, whichever fits."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    if len(data) >= 4 and data[1::2][:50].count(0) > 20:
        return data.decode("utf-16-le", errors="replace")
    if len(data) >= 4 and data[0::2][:50].count(0) > 20:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(f"{path}: not a text file (no known encoding fits); export it as UTF-8 text or PDF", path=path, reason=Reason.NOT_TEXT)
    return str(best)


# a list item's mark (- 一、…, * 附件…, + …) that Markdown converters put before paragraphs: never part of the text
_MD_BULLET = re.compile(r"^[-*+•]\s+(?=\S)")
# a table row | a | b |, and the rule |---|:---:| under its head
_MD_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def looks_like_markdown(lines: list[str]) -> bool:
    """Whether a text export carries Markdown marks (headings, **bold**, | tables |): converters often leave them."""
    return any(_MD_HEADING.match(x) or _MD_EMPHASIS.search(x) or _MD_TABLE_ROW.match(x) for x in lines)


def clean_markdown(line: str) -> tuple[str, int, bool]:
    """A line without Markdown marks, its heading level (0 when none) and whether all of it was bold.

    Emphasis becomes a hint, never text; a table row | a | b | becomes tab-separated cells, as other exports
    print tables; a table's rule line |---|---| becomes nothing."""
    if _MD_TABLE_RULE.match(line) and "-" in line:
        return "", 0, False
    row = _MD_TABLE_ROW.match(line)
    if row:
        line = "\t".join(cell.strip() for cell in row.group(1).split("|"))
    level = 0
    m = _MD_HEADING.match(line)
    if m:
        level, line = len(m.group(1)), m.group(2)
    bold = bool(_MD_EMPHASIS.fullmatch(line.strip()))
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_ITALIC.sub(r"\2", line)
    line = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), line)
    if line.startswith("> "):
        line = line[2:]
    return line.rstrip(), level, bold


def _unbullet(body: str) -> str:
    """A line without the list mark a converter put before it (- 一、…), unless the dash opens a page mark (- 3 -)."""
    found = page_marks(body)
    return body if found.marks and found.marks[0][0] == 0 else _MD_BULLET.sub("", body)


def read_text(path: Path, data: bytes) -> Source:
    """Read a .txt or .md export into lines (blank lines kept as empty lines)."""
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if "\x00" in text:
        raise SourceError(f"{path}: binary data, not a text export; import the PDF instead", path=path, reason=Reason.NOT_TEXT)
    raw_lines = text.split("\n")
    markdown = path.suffix.lower() in {".md", ".markdown"} or looks_like_markdown(raw_lines)
    lines: list[Line] = []
    for raw in raw_lines:
        body, level, bold = clean_markdown(raw) if markdown else (raw.rstrip(), 0, False)
        lines.append(Line(_unbullet(body.replace("\ufeff", "").strip(" \u3000\xa0")), heading=level, bold=bold))
    lines = mark_pages(lines)
    if not any(line.text for line in lines):
        raise SourceError(f"{path}: the file holds no text; export the gazette again", path=path, reason=Reason.EMPTY)
    return Source(path=path, kind="text", lines=lines)
