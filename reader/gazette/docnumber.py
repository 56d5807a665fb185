"""The 发文字号 (document number) rules: one place for the pattern, its canonical form and its search keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.textfold import HAN as _HAN
from reader.textfold import nfkc

OPEN_BRACKETS = "〔[【［(（"
CLOSE_BRACKETS = "〕]】］)）"
_DIGIT = "0-9０-９"

# prefix (organ abbreviation + kind), bracketed year, number, 号.  The prefix must not continue a Han run
# on its left, so a title glued to the number is not swallowed.
PATTERN = re.compile(
    rf"(?<![{_HAN}])(?P<prefix>[{_HAN}]{{1,14}})\s*[{re.escape(OPEN_BRACKETS)}]\s*"
    rf"(?P<year>[12１２][{_DIGIT}]{{3}})\s*[{re.escape(CLOSE_BRACKETS)}]\s*第?\s*(?P<num>[{_DIGIT}]{{1,5}})\s*号"
)
# the same without brackets, as users type it in a search box: 青政办发2023 4号, 青政办发 2023年4号
LOOSE_PATTERN = re.compile(
    rf"(?<![{_HAN}])(?P<prefix>[{_HAN}]{{1,14}}?)\s*[{re.escape(OPEN_BRACKETS)}]?\s*(?P<year>(?:19|20|１９|２０)[{_DIGIT}]{{2}})"
    rf"\s*年?\s*[{re.escape(CLOSE_BRACKETS)}]?\s*第?\s*(?P<num>[{_DIGIT}]{{1,5}})\s*号"
)
# a line broken inside the number, its first half ending in an opening bracket and a year: "青政办发〔2023"
YEAR_IN_BRACKET = re.compile(rf"[{re.escape(OPEN_BRACKETS)}]\s*[12]\d{{3}}")
# a table cell wrapped inside the number: the head (青政办发〔2005〕, 青政办发〔2010〕117) on one line, and a line
# beginning with the rest (21号, 号) one to three lines below
SPLIT_HEAD = re.compile(
    rf"^\s*(?P<prefix>[{_HAN}]{{1,14}})\s*[{re.escape(OPEN_BRACKETS)}]\s*(?P<year>[12]\d{{3}})\s*"
    rf"[{re.escape(CLOSE_BRACKETS)}]\s*(?P<num>\d{{0,5}})(?!\d|\s*号)"
)
SPLIT_TAIL = re.compile(r"^\s*(?P<num>\d{0,5})\s*号")
# or the prefix alone (青政办发) and, below, the line beginning with the rest (〔2005〕72号)
SPLIT_TAIL_YEAR = re.compile(
    rf"^\s*[{re.escape(OPEN_BRACKETS)}]\s*(?P<year>[12]\d{{3}})\s*[{re.escape(CLOSE_BRACKETS)}]\s*(?P<num>\d{{1,5}})\s*号"
)
PREFIX_ONLY = re.compile(rf"[{_HAN}]{{1,12}}")
_LINE = re.compile(rf"^[（(]?\s*{PATTERN.pattern}\s*[)）]?$")


@dataclass(frozen=True)
class DocNumber:
    """A parsed 发文字号."""

    prefix: str
    year: int
    number: int
    printed: str

    @property
    def canonical(self) -> str:
        """The canonical form: 〔〕 brackets, half-width digits, no spaces."""
        return f"{self.prefix}〔{self.year}〕{self.number}号"

    def keys(self) -> list[str]:
        """Search keys: the whole canonical number and its parts."""
        return [self.canonical, self.prefix, str(self.year), f"{self.number}号"]


def _make(m: re.Match[str]) -> DocNumber:
    """Build a DocNumber from a regex match."""
    year = int(nfkc(m.group("year")))
    num = int(nfkc(m.group("num")))
    printed = re.sub(r"\s+", "", m.group(0))
    return DocNumber(m.group("prefix"), year, num, printed)


def find_all(text: str) -> list[DocNumber]:
    """Every bracketed 发文字号 in a text, in order."""
    return [_make(m) for m in PATTERN.finditer(text)]


def find_last(text: str) -> tuple[DocNumber, int, int] | None:
    """The last 发文字号 in a text with its span, or None."""
    last = None
    for m in PATTERN.finditer(text):
        last = m
    return (_make(last), last.start(), last.end()) if last else None


def parse_line(line: str) -> DocNumber | None:
    """The 发文字号 when a line holds nothing else (brackets or parentheses around it allowed)."""
    m = _LINE.match(line.strip())
    return _make(m) if m else None


def parse_loose(text: str) -> DocNumber | None:
    """A 发文字号 typed with any brackets or none (for queries)."""
    m = PATTERN.search(text) or LOOSE_PATTERN.search(text)
    return _make(m) if m else None


def canonical(text: str | None) -> str | None:
    """The canonical form of a printed 发文字号, or None when text holds none."""
    if not text:
        return None
    found = find_last(text)
    return found[0].canonical if found else None


_OCR_YEAR = re.compile(r"[\[［【〔]\s*([12１２][0-9０-９]{3})\s*[\]］】〕]")


def ocr_printed(printed: str) -> str:
    """A 发文字号 read by OCR as it is shown and copied: the square brackets OCR reads around the year as 〔〕
    ([2019] → 〔2019〕)."""
    return _OCR_YEAR.sub(lambda m: f"〔{m.group(1)}〕", printed)


def ocr_text(text: str) -> str:
    """A text read by OCR with every 发文字号 in it shown as ocr_printed does (青政发[2019]3号 → 青政发〔2019〕3号)."""
    return PATTERN.sub(lambda m: ocr_printed(m.group(0)), text)


def is_open_bracket(ch: str) -> bool:
    """Whether a character opens the year of a 发文字号 (〔, [, 【, ［, (, （)."""
    return bool(ch) and ch in OPEN_BRACKETS


def variants_pattern(number: DocNumber) -> re.Pattern[str]:
    """A 发文字号 in any bracket style, spacing or zero padding, as it may stand in (folded) text."""
    return re.compile(
        rf"{re.escape(number.prefix)}\s*[{re.escape(OPEN_BRACKETS)}]\s*{number.year}\s*[{re.escape(CLOSE_BRACKETS)}]"
        rf"\s*第?\s*0*{number.number}\s*号"
    )


# words that stand before a cited 发文字号 in running text and are not part of its organ prefix (根据青政发…)
_LEAD_WORDS = re.compile(r"^(?:根据|依据|按照|依照|参照|遵照|对照|结合|执行|贯彻|落实|印发|转发|见|按|和|及|与|或|以及|同|将|把|经|由|对|在|是|为|的)+")


def cited(number: DocNumber) -> DocNumber:
    """A 发文字号 found in running text, without the words before it that the pattern took into its prefix."""
    prefix = _LEAD_WORDS.sub("", number.prefix)
    if not prefix or prefix == number.prefix:
        return number
    return DocNumber(prefix, number.year, number.number, number.printed[len(number.prefix) - len(prefix):])
