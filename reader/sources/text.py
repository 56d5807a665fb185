"""Text and Markdown exports: encoding detection, Markdown marks kept as hints, page-number lines dropped."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.errors import Reason, SourceError
from reader.models import Line, Source
from reader.sources.pagenum import is_page_number

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
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


def clean_markdown(line: str) -> tuple[str, int]:
    """A line without Markdown marks, and its heading level (0 when none)."""
    level = 0
    m = _MD_HEADING.match(line)
    if m:
        level, line = len(m.group(1)), m.group(2)
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), line)
    if line.startswith("> "):
        line = line[2:]
    return line.rstrip(), level


def read_text(path: Path, data: bytes) -> Source:
    """Read a .txt or .md export into lines (blank lines kept as empty lines)."""
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if "\x00" in text:
        raise SourceError(f"{path}: binary data, not a text export; import the PDF instead", path=path, reason=Reason.NOT_TEXT)
    markdown = path.suffix.lower() in {".md", ".markdown"}
    lines: list[Line] = []
    for raw in text.split("\n"):
        if markdown or raw.startswith("#"):
            body, level = clean_markdown(raw)
        else:
            body, level = raw.rstrip(), 0
        body = body.replace("\ufeff", "").strip(" \u3000\xa0")
        if body and is_page_number(body):
            continue
        lines.append(Line(body, heading=level))
    if not any(line.text for line in lines):
        raise SourceError(f"{path}: the file holds no text; export the gazette again", path=path, reason=Reason.EMPTY)
    return Source(path=path, kind="text", lines=lines)
