"""Hit positions and snippets found by locating the query's strings in the stored text (no re-analysis)."""

from __future__ import annotations

import html
import re

from reader.gazette import docnumber
from reader.textfold import fold, is_han

SNIPPET_CHARS = 110


def folded(text: str) -> tuple[str, list[int] | None]:
    """Text folded for matching, with no offset map needed (folding keeps lengths)."""
    return fold(text), None


def _needles(strings: list[str]) -> list[str]:
    """The literal strings to look for: folded, without white space, longest first."""
    out = {re.sub(r"\s+", "", fold(s)) for s in strings}
    return sorted((s for s in out if s), key=len, reverse=True)


def _across_breaks(needle: str) -> re.Pattern[str]:
    """A string as a pattern that also matches with one space or line break between two Han characters (a PDF
    line ending inside a word or a name: 王殿\n锁), as the analyzer ignores it."""
    out = re.escape(needle[:1])
    for a, b in zip(needle, needle[1:], strict=False):
        out += (r"\s?" if is_han(a) and is_han(b) else "") + re.escape(b)
    return re.compile(out)


def locate(text: str, strings: list[str], numbers: list[docnumber.DocNumber] | None = None) -> list[tuple[int, int]]:
    """Every (start, end) character span in text where one of the strings or 发文字号 stands, in order."""
    if not text:
        return []
    hay, back = folded(text)
    spans: list[tuple[int, int]] = []
    taken = bytearray(len(hay) + 1)
    patterns = [_across_breaks(n) for n in _needles(strings)]
    patterns += [docnumber.variants_pattern(n) for n in numbers or []]
    for pattern in patterns:
        for m in pattern.finditer(hay):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            spans.append((m.start(), m.end()))
    if back is not None:
        spans = [(back[s], back[e - 1] + 1) for s, e in spans]
    return sorted(spans)


def _window(spans: list[tuple[int, int]], length: int, skip: int) -> int:
    """Where a snippet window should start: the one covering the most hits past the header lines."""
    candidates = [s for s in spans if s[0] >= skip] or spans
    best, best_start = -1, candidates[0][0] if candidates else skip
    for i, (start, _) in enumerate(candidates[:200]):
        count = sum(1 for s, e in candidates[i:i + 50] if e <= start + length)
        if count > best:
            best, best_start = count, start
    return max(0, best_start - 25)


def snippet(text: str, spans: list[tuple[int, int]], skip: int = 0, length: int = SNIPPET_CHARS) -> str:
    """A short HTML excerpt with the hits inside it wrapped in <mark>, the rest escaped."""
    if not text:
        return ""
    start = _window(spans, length, skip) if spans else skip
    end = min(len(text), start + length)
    out = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    out.append("…" if end < len(text) else "")
    return "".join(out).replace("\n", " ")
