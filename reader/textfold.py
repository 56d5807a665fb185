"""Text folding, the one owner: the Han character range, NFKC, and the foldings search and anchors compare by."""

from __future__ import annotations

import re
import unicodedata

# CJK Unified Ideographs with extension A and the compatibility block: every width in the project uses this
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
_WHITE = re.compile(r"\s+")


def is_han(ch: str) -> bool:
    """Whether one character is a Chinese (Han) character."""
    return bool(_HAN_CHAR.fullmatch(ch))


def count_han(text: str) -> int:
    """How many Han characters a text holds."""
    return len(_HAN_CHAR.findall(text))


def has_han(text: str) -> bool:
    """Whether a text holds at least one Han character."""
    return _HAN_CHAR.search(text) is not None


# radicals and compatibility ideographs some fonts map their glyphs to: 年 extracted as U+F98E, 日 as ⽇ U+2F47
_VARIANT_HAN = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def unify_han(text: str) -> str:
    """Text with CJK radicals and compatibility ideographs as the unified ideographs they stand for (what a
    reader sees; a PDF's font may map its glyphs to the variants). Other characters are left as they are."""
    if not _VARIANT_HAN.search(text):
        return text
    return _VARIANT_HAN.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width letters and digits become half-width."""
    return unicodedata.normalize("NFKC", text)


def normalize(text: str) -> str:
    """NFKC and lower case: what the analyzer indexes and queries by."""
    return nfkc(text).lower()


def compact(text: str) -> str:
    """A comparison key: NFKC and no white space at all."""
    return _WHITE.sub("", nfkc(text))


def _one_to_one_table() -> dict[int, str]:
    """NFKC where it maps a character to a single character (full-width forms), and lower case."""
    table = {}
    for code in range(0x80, 0x10000):
        ch = chr(code)
        if not unicodedata.decomposition(ch) and ch.lower() == ch:
            continue  # NFKC and lower case leave it as it is (a lookup ten times cheaper than normalising)
        folded = unicodedata.normalize("NFKC", ch).lower()
        if len(folded) == 1 and folded != ch:
            table[code] = folded
    table.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})
    return table


_FOLD: dict[int, str] = {}


def fold(text: str) -> str:
    """Text folded for matching character for character (offsets into the text stay valid)."""
    if not _FOLD:
        _FOLD.update(_one_to_one_table())
    return text.translate(_FOLD)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Text without white space, NFKC per character, and the offset in text of each folded character."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded)
        where.extend([i] * len(folded))
    return "".join(out), where
