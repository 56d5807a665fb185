"""Word's automatic list numbers (一、 （一） 1. ①) rebuilt from a DOCX's numbering definitions: Word draws them,
they are not in the text."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _attr(element: Any, name: str) -> str | None:
    """A w: attribute of an element, or None."""
    return None if element is None else element.get(W + name)


_HAN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _han(n: int) -> str:
    """A number in Chinese numerals (1 → 一, 12 → 十二, 35 → 三十五), as Word's chineseCounting draws it."""
    if n < 10:
        return _HAN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _HAN_DIGITS[tens]) + "十" + (_HAN_DIGITS[ones] if ones else "")
    return str(n)


def _format(n: int, fmt: str) -> str:
    """A list number in a Word number format."""
    if fmt.startswith(("chinese", "ideograph", "taiwanese", "japaneseCounting")):
        return _han(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = "".join(r * c for r, c in zip(("X", "IX", "V", "IV", "I"), _roman_counts(n)))
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman_counts(n: int) -> list[int]:
    """How many X, IX, V, IV and I spell n (up to 39)."""
    counts = []
    for value in (10, 9, 5, 4, 1):
        counts.append(n // value)
        n %= value
    return counts


class Numbering:
    """Word's automatic list numbers (一、 （一） 1.), drawn from the numbering definitions and counted in order."""

    def __init__(self, root: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> level -> start, fmt, text
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.starts: dict[tuple[str, int], int] = {}  # (numId, level) -> the start a list instance sets
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.findall(W + "abstractNum"):
            levels = {}
            for lvl in abstract.findall(W + "lvl"):
                start = _attr(lvl.find(W + "start"), "val") or "1"
                levels[int(_attr(lvl, "ilvl") or 0)] = (int(start) if start.isdigit() else 1,
                                                        _attr(lvl.find(W + "numFmt"), "val") or "decimal",
                                                        _attr(lvl.find(W + "lvlText"), "val") or "")
            self.levels[_attr(abstract, "abstractNumId") or ""] = levels
        for num in root.findall(W + "num"):
            num_id = _attr(num, "numId") or ""
            self.nums[num_id] = _attr(num.find(W + "abstractNumId"), "val") or ""
            for override in num.findall(W + "lvlOverride"):
                restart = _attr(override.find(W + "startOverride"), "val")
                if restart and restart.isdigit():
                    self.starts[(num_id, int(_attr(override, "ilvl") or 0))] = int(restart)

    def label(self, num_id: str, level: int) -> str:
        """The next number of a list at a level (deeper levels start again), as its level text draws it; each list
        instance (numId) counts on its own."""
        abstract = self.nums.get(num_id)
        levels = self.levels.get(abstract or "", {})
        if level not in levels or num_id == "0":
            return ""
        counter = self.counters.setdefault(num_id, [0] * 10)
        counter[level] += 1
        for deeper in range(level + 1, len(counter)):
            counter[deeper] = 0
        _, fmt, text = levels[level]
        if fmt in ("bullet", "none"):
            return ""
        for k in range(level, -1, -1):
            k_start, k_fmt, _ = levels.get(k, (1, "decimal", ""))
            k_start = self.starts.get((num_id, k), k_start)
            text = text.replace(f"%{k + 1}", _format(max(counter[k], 1) + k_start - 1, k_fmt))
        return text
