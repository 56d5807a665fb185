"""Printed page numbers in footers: — 12 —, - 12 -, ·12·, 第12页, a bare 12; and the same marks merged into a
line of text by a converter (……农具，—1— 并组织……), which leave the text and tell where a printed page ends."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.models import Line

_PAGE = re.compile(  # OCR reads the dashes of — 3 — as 一: 一3一 is a page number too, on a line of its own
    r"^\s*(?:[—–\-－‐―一]+\s*(\d{1,4})\s*[—–\-－‐―一]+|[·•・]\s*(\d{1,4})\s*[·•・]|第\s*(\d{1,4})\s*页(?:\s*共\s*\d+\s*页)?|(\d{1,4}))\s*$"
)


def page_number(text: str) -> int | None:
    """The page number a footer line prints, or None."""
    m = _PAGE.match(text.replace("\u3000", " "))
    return int(next(g for g in m.groups() if g)) if m else None


def is_page_number(text: str) -> bool:
    """Whether a line is only a decorated page number (— 12 —, ·12·, 第12页); bare digits do not count."""
    m = _PAGE.match(text.replace("\u3000", " "))
    return m is not None and m.group(4) is None


_DASH = "—–\\-－‐―"
_DOT = "·•・"
# a decorated number inside a line: not part of a date (2023-12-01), a range (2021—2025) or a longer dash run
_MARK = re.compile(
    rf"[ \u3000]*(?<![0-9A-Za-z{_DASH}{_DOT}])(?:[{_DASH}]{{1,2}}[ \u3000]*(\d{{1,4}})[ \u3000]*[{_DASH}]{{1,2}}|"
    rf"[{_DOT}][ \u3000]*(\d{{1,4}})[ \u3000]*[{_DOT}])(?![0-9A-Za-z{_DASH}{_DOT}])[ \u3000]*"
)


@dataclass(frozen=True)
class Marked:
    """A line without its page marks, and the printed page each mark ended, with where it stood in the text."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()  # (offset in text, printed page that ends there)

    def page_at_start(self) -> int | None:
        """The printed page the line starts on, when a mark inside it says so (None when it has no mark)."""
        if not self.marks:
            return None
        at, page = self.marks[0]
        return page + 1 if at == 0 and self.text else page

    def page_after(self) -> int | None:
        """The printed page that follows the line's last mark (None when it has no mark)."""
        return self.marks[-1][1] + 1 if self.marks else None


def page_marks(text: str) -> Marked:
    """Take the page marks (—1—, · 3 ·, — 2 —, -12-) out of a line; a line that is only a mark becomes empty.
    The one rule for text exports, DOCX and OCR lines alike."""
    whole = page_number(text)
    if whole is not None and is_page_number(text):
        return Marked("", ((0, whole),))
    if not _MARK.search(text):
        return Marked(text)
    pieces: list[str] = []
    marks: list[tuple[int, int]] = []
    last = 0
    for m in _MARK.finditer(text):
        pieces.append(text[last:m.start()])
        marks.append((len("".join(pieces)), int(m.group(1) or m.group(2))))
        last = m.end()
    pieces.append(text[last:])
    return Marked("".join(pieces), tuple(marks))


def mark_pages(lines: list[Line]) -> list[Line]:
    """Lines of a source without pages (text export, DOCX) or of a recognised page, without their page marks: a
    line that is only a mark goes, a mark inside a line leaves it; each line is given the printed page it starts
    on (a mark ends its page; the lines before the first mark are on its page). Nothing changes without marks."""
    out: list[Line] = []
    marks: list[Marked] = []
    for line in lines:
        found = page_marks(line.text)
        if line.text and not found.text:  # only a page number: it ends the page of the line before it
            if marks:
                end = len(marks[-1].text)
                marks[-1] = Marked(marks[-1].text, marks[-1].marks + tuple((end, n) for _, n in found.marks))
            continue
        out.append(replace(line, text=found.text) if found.marks else line)
        marks.append(found)
    _set_printed(out, marks)
    return out


def _set_printed(lines: list[Line], marked: list[Marked]) -> None:
    """Give each line the printed page it starts on, from its marks and those before it."""
    current: int | None = None
    pending: list[Line] = []
    for line, mark in zip(lines, marked, strict=True):
        if mark.marks:
            for before in pending:
                before.printed = mark.marks[0][1]
            pending = []
            line.printed = mark.page_at_start() if mark.text else mark.marks[0][1]
            current = mark.page_after()
        elif current is None:
            pending.append(line)
        else:
            line.printed = current


def split_page_marks(text: str) -> list[tuple[str, int | None]]:
    """A paragraph cut at the page marks merged into it (the same marks as page_marks): (text before the mark,
    the mark's page number) for each mark, then (the rest, None). DOCX turns its pages there."""
    out: list[tuple[str, int | None]] = []
    at = 0
    for m in _MARK.finditer(text):
        out.append((text[at:m.start()], int(m.group(1) or m.group(2))))
        at = m.end()
    out.append((text[at:], None))
    return out
