"""The printed 目录 as the skeleton of an issue: every entry is a document, found in the body by its title and
printed page even when it has no 发文字号, tolerating what differs between the 目录 and the body (misprints, a
title broken over lines, the organ printed in the 目录); and the body text before the first document kept."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from reader.gazette import docnumber
from reader.gazette.documents import MAX_TITLE_LINES, Start
from reader.gazette.text import compact
from reader.gazette.toc import is_front_noise
from reader.models import Line, TocEntry
from reader.textfold import count_han

FIT = 85.0  # least similarity (0-100) of a body title to its 目录 title: one misprint in seven characters
PREFIX_FIT = 70.0  # least similarity of a title's first line to the start of the 目录 title
KNOWN_FIT = 80.0  # least similarity of a 文号 document's title to a 目录 entry for the two to be the same


@dataclass(frozen=True)
class Hit:
    """Where a 目录 title stands in the body: its first line, the line after it, and how well it fits."""

    first: int
    end: int
    fit: float


def toc_starts(lines: list[Line], begin: int, toc: list[TocEntry], known: list[Start],
               pages: list[int | None]) -> list[Start]:
    """Starts for the 目录 entries no 文号 start accounts for, each found by its title after the entry before it
    (so two documents with one title stay two), preferring its printed page; pages: printed page of each line."""
    texts = [compact(ln.text) for ln in lines]
    titles = {id(s): "".join(texts[s.title_from:s.number_at or s.body_from]) for s in known}
    taken = {k for s in known for k in range(s.title_from, s.body_from)}
    claimed = _by_number(toc, known)
    free = [s for s in known if all(s is not c for c in claimed.values())]
    found: list[Start] = []
    cursor, paged = begin, any(p is not None for p in pages)
    for index, entry in enumerate(toc):
        own = claimed.get(index)
        near = entry.page if paged else None  # first around its printed page, then anywhere after, then before
        hit = None if own else (near is not None and _search(entry, texts, pages, taken, cursor, len(lines), near)) or \
            _search(entry, texts, pages, taken, cursor, len(lines)) or _search(entry, texts, pages, taken, begin, cursor)
        if own is None:
            own, fit = _by_title(entry, free, titles)
            own = own if own is not None and (hit is None or fit >= hit.fit) else None
        if own is not None:
            free = [s for s in free if s is not own]
            cursor = max(cursor, own.body_from)
        elif hit is not None:
            found.append(Start(hit.first, None, hit.end, toc_index=index))
            taken.update(range(hit.first, hit.end))
            cursor = max(cursor, hit.end)
    return found


def _by_number(toc: list[TocEntry], known: list[Start]) -> dict[int, Start]:
    """The 文号 start each 目录 entry names by its 发文字号 (canonical forms equal)."""
    starts = {docnumber.canonical(s.number_text): s for s in known if s.number_text}
    claimed: dict[int, Start] = {}
    for index, entry in enumerate(toc):
        start = starts.get(docnumber.canonical(entry.doc_number)) if entry.doc_number else None
        if start is not None and all(start is not c for c in claimed.values()):
            claimed[index] = start
    return claimed


def _by_title(entry: TocEntry, free: list[Start], titles: dict[int, str]) -> tuple[Start | None, float]:
    """The unclaimed 文号 start whose title is closest to a 目录 entry's (when close enough), and its fit."""
    want = compact(entry.title)
    best = max(free, key=lambda s: ratio(titles[id(s)], want), default=None)
    fit = ratio(titles[id(best)], want) if best is not None and want else 0.0
    return (best, fit) if best is not None and fit >= KNOWN_FIT else (None, 0.0)


def _search(entry: TocEntry, texts: list[str], pages: list[int | None], taken: set[int], lo: int, hi: int,
            near: int | None = None) -> Hit | None:
    """The first place in lines[lo:hi] where the entry's title stands (on its printed page when one fits there);
    near: only on the printed pages next to that one."""
    want = compact(entry.title)
    if count_han(want) < 4:
        return None
    lines = range(lo, hi) if near is None else [i for i in range(lo, hi) if abs((pages[i] or -9) - near) <= 1]
    hits = [h for i in lines if (h := _title_at(want, texts, taken, i, hi)) is not None]
    if not hits:
        return None
    on_page = [h for h in hits if entry.page is not None and pages[h.first] == entry.page]
    best = max(h.fit for h in hits)
    near_best = [h for h in (on_page or hits) if h.fit >= best - 8.0]
    return near_best[0] if near_best else hits[0]


def _title_at(want: str, texts: list[str], taken: set[int], i: int, hi: int) -> Hit | None:
    """Whether the title stands at line i (over up to five lines, blank lines skipped), and how well it fits."""
    first = texts[i]
    if not first or i in taken or len(first) > len(want) + 6 or first.endswith(("。", "；", "，")):
        return None
    if ratio(first, want[:len(first)]) < PREFIX_FIT:
        return None
    got, best, end, used, j = "", 0.0, i + 1, 0, i
    while j < hi and used < MAX_TITLE_LINES and len(got) < len(want) + 4:
        if texts[j]:
            if j in taken:
                break
            got += texts[j]
            used += 1
            fit = ratio(got, want)
            if fit > best:
                best, end = fit, j + 1
        j += 1
    return Hit(i, end, best) if best >= FIT else None


def untitled_start(lines: list[Line], begin: int, first: int) -> Start | None:
    """An untitled document for the body text between the 目录 and the first document found, so that no text
    is lost; None when there is none. Front matter is not body text: the rest of the 目录's last page (colophon,
    editors' names), an English CONTENTS, translator, printer and subscription lines."""
    toc_page = lines[begin - 1].page if begin else None
    front = _front_pages(lines, begin, first) | {toc_page}
    k = begin
    while k < first and (is_front_noise(lines[k].text) or (lines[k].page is not None and lines[k].page in front)):
        k += 1
    prose = next((j for j in range(k, first) if _prose(lines[j].text)), None)
    if prose is None:
        return None
    while prose > k and _prose_or_heading(lines[prose - 1], lines[prose]):
        prose -= 1
    return Start(prose, None, prose, untitled=True)


def _front_pages(lines: list[Line], begin: int, first: int) -> set[int | None]:
    """Pages between the 目录 and the first document that are mostly front matter (a colophon page)."""
    noise: dict[int, list[bool]] = {}
    for ln in lines[begin:first]:
        if ln.page is not None and ln.text.strip():
            noise.setdefault(ln.page, []).append(is_front_noise(ln.text))
    return {page for page, flags in noise.items() if sum(flags) * 2 >= len(flags)}


def _prose(text: str) -> bool:
    """Whether a line reads as text of a document (a sentence, not a name, label or colophon line)."""
    return count_han(text) >= 8 and not is_front_noise(text) and not any(c in text[:8] for c in ":：")


def _prose_or_heading(line: Line, below: Line) -> bool:
    """Whether a line just above the first prose line belongs with it (same page, readable, not front matter)."""
    return line.page is not None and line.page == below.page and count_han(line.text) >= 2 and not is_front_noise(line.text)
