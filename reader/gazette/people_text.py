"""The text side of personnel decisions: which documents decide on people, lines joined into clauses (with offsets
back into the text), names, posts and their titles. Used by reader/gazette/people.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.textfold import HAN

# names may hold rare characters beyond the Basic Multilingual Plane (extensions B and later)
NAME_CHARS = HAN + "\U00020000-\U0003134f"
_NOT_NAME = set("的了与及等在按经对将其该各以员本市县区局委部厅处科室院办府免职聘挂兼拟现届第号年月日、，。；：（）()")
_NOT_NAME_START = ("同意", "决定", "批准", "任命", "免去", "根据", "经过", "鉴于", "按照", "现将", "兹", "另")
_NAME = re.compile(rf"(?:[{NAME_CHARS}]{{1,8}}(?:[·•・][{NAME_CHARS}]{{1,8}})+|[{NAME_CHARS}]{{2,4}})")
_CLAUSE_START = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]|任命|免去|免职|聘任|提名|决定|根据|按照|经|以上|鉴于"
    r"|[^，,：:]{0,20}?(?:决定|批准)(?:任命|免去|聘任))")
_VERB_AFTER_NAME = re.compile(rf"^(?P<name>[{NAME_CHARS}·•・]{{2,12}}?)(?:同志)?(?:任|兼任|聘任|聘为|挂任|提名为|为|不再担任)")
_HEADING_LINE = re.compile(r"(?:任免|任命|免职|聘任|任职)(?:的)?(?:国家)?(?:工作)?(?:人员|名单|事项){1,2}$")
_ENDS_CLAUSE = "；;。：:！？!?"
_OPENS_CONTINUATION = "（(，,、；;。）)"

TITLE_WORDS = re.compile(
    r"(?:(?:专职|常务|执行|正|副|总|首席|特命全权|特派|常驻|代理|代)*(?:监事会主席|董事长|理事长|秘书长|委员长|主任委员|"
    r"局长|主任|院长|所长|经理|主席|校长|部长|厅长|处长|科长|署长|行长|社长|站长|馆长|庭长|审判长|检察长|会长|团长|"
    r"队长|大使|公使|领事|委员|书记|总理|省长|市长|县长|区长|镇长|乡长|州长|主任科员|调研员|巡视员|参事|审判员|"
    r"检察员|总监|工程师|会计师|经济师|理事|监事|司长|司令员|政委|教授|研究员|代表|干事|助理|秘书|园长|"
    r"成员|组长|律师))(?:[（(][^（）()]*[）)])*$")


@dataclass
class Flat:
    """A document's text with the line breaks inside clauses removed, and each character's offset in the text."""

    text: str
    offsets: list[int] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in the original text of flat[start:end]."""
        if not self.offsets or start >= end:
            return 0, 0
        return self.offsets[start], self.offsets[min(end, len(self.offsets)) - 1] + 1

    def clauses(self) -> list[tuple[int, int]]:
        """The clauses of the flat text: (start, end) between ；。： and the line ends kept."""
        out, start = [], 0
        for m in re.finditer(r"[；;。：:\n]", self.text):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            out.append((start, len(self.text)))
        return out


def valid_name(name: str) -> bool:
    """Whether a string can be a person's name: 2-4 characters (longer with ·), none that only grammar uses."""
    return bool(_NAME.fullmatch(name)) and not (set(name) & _NOT_NAME) and not name.startswith(_NOT_NAME_START)


def split_names(text: str) -> list[str]:
    """张三、李四同志 → [张三, 李四] (empty pieces dropped)."""
    text = re.sub(r"同志$", "", text.strip())
    return [n.strip() for n in re.split(r"[、，,]", text) if n.strip()]


def split_posts(text: str) -> list[str]:
    """A list of posts at its 、 (outside brackets), a piece that does not end in a title joined to the next."""
    pieces, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "（("
        depth -= ch in "）)"
        if ch == "、" and depth <= 0:
            pieces.append(cur)
            cur = ""
            continue
        cur += ch
    pieces.append(cur)
    pieces = [x for piece in pieces for x in _split_concurrent(piece)]
    out: list[str] = []
    for piece in pieces:
        if out and not TITLE_WORDS.search(re.sub(r"[（(][^（）()]*[）)]$", "", out[-1])):
            out[-1] += "、" + piece
        else:
            out.append(piece)
    return [p.strip() for p in out if p.strip()]


def _split_concurrent(post: str) -> list[str]:
    """A post and the one it is held with: 市政府副秘书长兼市政府办公室主任 → both."""
    for m in re.finditer(r"兼(?:任)?(?!职)", post):
        if m.start() and TITLE_WORDS.search(post[: m.start()]) and len(post) - m.end() >= 2:
            return [post[: m.start()], *_split_concurrent(post[m.end():])]
    return [post]


def organ_of(post: str | None) -> str | None:
    """The organ of a post: the post without its title (市公安局副局长 → 市公安局); None when nothing is left."""
    if not post:
        return None
    m = TITLE_WORDS.search(post)
    organ = post[: m.start()] if m else post
    return organ or None


def _starts_clause(line: str) -> bool:
    """Whether a line opens a new clause (a number, a verb, a name and a verb) rather than continuing one."""
    if _CLAUSE_START.match(line):
        return True
    m = _VERB_AFTER_NAME.match(line)
    return m is not None and valid_name(m.group("name"))


def _complete(line: str) -> bool:
    """Whether a line ends a decision without punctuation: …职务, or a post's title (副部长) in a list line."""
    return line.endswith("职务") or (bool(TITLE_WORDS.search(line)) and bool(re.match(r"^(?:任命|免去)", line)))


def flatten(text: str) -> Flat:
    """Join the lines of a text where a clause runs on (a post broken over two lines); keep the other breaks."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k:
            prev = lines[k - 1].rstrip()
            nxt = line.strip()
            joined = bool(prev) and bool(nxt) and (
                nxt[0] in _OPENS_CONTINUATION
                or (prev[-1] not in _ENDS_CLAUSE and not _HEADING_LINE.search(prev) and not _starts_clause(nxt)
                    and not _complete(prev)))
            if not joined:
                out.append("\n")
                offsets.append(pos - 1)
        if " " in line or "\t" in line or "\u3000" in line:
            for i, ch in enumerate(line):
                if ch not in " \t\u3000":
                    out.append(ch)
                    offsets.append(pos + i)
        else:
            out.append(line)
            offsets.extend(range(pos, pos + len(line)))
        pos += len(line) + 1
    return Flat("".join(out), offsets)


_TITLE = re.compile(r"任免|任职|任命|免职|免去|聘任|聘用|解聘|提名|挂职|职务|人事|职级晋升")
HEADING = re.compile(r"^(?P<organ>.{2,40}?)(?:决定)?(?P<kind>任免|任命|免职|免去|聘任|任职)(?:的)?(?:国家)?(?:工作)?"
                     r"(?:人员|名单|事项){1,2}$")

# a decision under another title (中华人民共和国主席令: 决定：任命周恩来为…): 任命…为 / 免去…的 opening a clause
_LIST_LINE = re.compile(r"(?:^|[：:；;。\n])[ \t\u3000]*(?:[一二三四五六七八九十\d]+[、.．])?(?:任命|免去)"
                        r"[^，,。；;\n的为]{2,12}(?:为|的)")
_SKIP_TITLE = re.compile(r"公示|公告栏|考察预告")

def is_personnel(title: str, text: str) -> bool:
    """Whether a document may decide on people: a personnel title, or a heading list (…任免人员) in its text."""
    if _SKIP_TITLE.search(title):
        return False
    if _TITLE.search(title) or (("任命" in text or "免去" in text) and _LIST_LINE.search(text)):
        return True
    for suffix in ("人员", "名单", "事项"):  # str.find first: most texts hold no heading at all
        at = text.find(suffix)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line = text[line_start: len(text) if line_end < 0 else line_end].strip()
            if line.endswith(suffix) and HEADING.match(line):
                return True
            at = text.find(suffix, at + 2)
    return False


def cn_count(text: str) -> int | None:
    """13 or 十三 as a number."""
    if text.isdigit():
        return int(text)
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    return digits.get(text)


def names_then(text: str, word: str) -> tuple[list[str], str]:
    """张三、李四(同志) + word + the rest: the first place the word follows valid names ([], text when none)."""
    for m in re.finditer(word, text):
        names = split_names(re.sub(r"同志$", "", text[: m.start()]))
        if names and all(valid_name(n) for n in names):
            return names, text[m.end():]
    return [], text
