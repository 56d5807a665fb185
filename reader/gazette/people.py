"""Personnel decisions (人事任免): who is appointed, removed, seconded or nominated to which post, read from the text.

Pure text in, records out. A decision document is cut into clauses (；。 and line ends that close a line; a post
broken over two lines is joined again), each clause into parts at its commas. A part opens with a person and a
verb (张三任…, 张三同志聘任…, 张三为… under 任命), with a verb alone (任命张三为…, 免去张三的…职务, 免去其…职务,
or a verb that keeps the person of the part before), or with names and a condition (魏伟、马建帮13名同志任职试用期
一年; 田娜等11名同志任职试用期已满). Names are 2-4 characters (longer with ·) told apart from the post by the
grammar around them (同志, 的, 为, the verb) and, where a name runs straight into its post, by the post's first
word (市, 县, 国务院…) or by the same name met elsewhere in the document; never by a list of names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.people_text import (
    HEADING,
    NAME_CHARS,
    Flat,
    cn_count,
    flatten,
    is_personnel,
    names_then,
    organ_of,
    split_names,
    split_posts,
    valid_name,
)
from reader.textenum import TextEnum


class Action(TextEnum):
    """What a decision does to a person; the value is the key the CLI, JSON and CSV use."""

    APPOINT = "appoint"  # 任, 任命, 聘任
    REMOVE = "remove"  # 免去, 免职, 辞去
    SECOND = "second"  # 挂任, （挂职）
    NOMINATE = "nominate"  # 提名为…人选
    TRIAL = "trial"  # 任职试用期一年
    TRIAL_ENDS = "trial_ends"  # 任职试用期已满
    OTHER = "other"


@dataclass
class PersonDecision:
    """One person, one action, one post (None for a trial period stated for several people), with its span."""

    person: str
    action: Action
    post: str | None
    organ: str | None
    note: str | None
    start: int  # offsets into the document's text: the clause that decides it
    end: int
    decided_by: str | None = None  # the organ of a heading list (全国人民代表大会常务委员会任命人员), else None


_VERB_FIRST = frozenset("任为聘挂兼提推转调担不辞同分晋")
_DECIDES = re.compile(r"^(?:[^，,：:]{0,20}?(?:决定|批准|同意)|兹|现|特|另)(?=任命|免去|免职|聘任|提名)")
_NAMES_CUT = re.compile(rf"(?P<names>[{NAME_CHARS}·、]+?)(?:同志兼任的|同志所兼的|同志的|兼任的|所兼的|同志|的)(?P<post>.+)$")
_VERBS = [("任命为", Action.APPOINT), ("聘任为", Action.APPOINT), ("聘用为", Action.APPOINT), ("晋升为", Action.APPOINT),
          ("提名为", Action.NOMINATE),
          ("推荐为", Action.NOMINATE), ("挂任", Action.SECOND), ("兼任", Action.APPOINT), ("聘任", Action.APPOINT),
          ("聘为", Action.APPOINT), ("转任", Action.APPOINT), ("调任", Action.APPOINT), ("担任", Action.APPOINT),
          ("任", Action.APPOINT)]
_NOT_DECIDED = re.compile("现任(?!命)|拟任|曾任|历任|原任|拟提名|拟聘")
_PARTS = re.compile(r"(?:[^，,（(]|[（(][^）)]*[）)]?)+")  # comma parts; a comma inside brackets stays
_VERB = re.compile("|".join(v for v, _ in _VERBS))
_ACTION_OF = dict(_VERBS)
_GROUP = re.compile(rf"(?P<names>[{NAME_CHARS}·、]+?)(?P<etc>等)?(?:(?P<num>[0-9一二三四五六七八九十两]+)名)?同志"
                    r"(?P<what>(?:任职)?试用期.*|挂职期.*)$")
_POST_START = ("市", "县", "区", "省", "州", "盟", "旗", "镇", "乡", "自治", "国务院", "中华人民共和国", "中国", "中共",
               "全国", "国家", "中央", "驻", "最高", "人民", "各", "党", "共青团", "工业园区", "开发区", "新区")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗|镇|乡|街道|开发区|园区)")
_POST_END = re.compile(r"[长员官问使师任席记理事监督委表书令士]\s*(?:[（(][^（）()]*[）)])*$")
_NOTE_BRACKET = re.compile(r"挂职|挂任|级$|试用期|兼$|兼职|聘任|聘用")


def decisions(text: str, title: str = "") -> list[PersonDecision]:
    """The personnel decisions a document's text records, in text order (empty for other documents)."""
    if not is_personnel(title, text):
        return []
    flat = flatten(text)
    reader = _Reader(flat)
    for start, end in flat.clauses():
        reader.clause(start, end)
    reader.finish()
    return reader.out


class _Reader:
    """Reads clause by clause, keeping the person and the verb in force, then applies the group sentences."""

    def __init__(self, flat: Flat) -> None:
        """A reader over one document's flattened text."""
        self.flat = flat
        self.out: list[PersonDecision] = []
        self.known: set[str] = set()
        self.verb: Action | None = None  # a heading or 任命：/免去： carries its verb to the lines below
        self.decided_by: str | None = None
        self.in_clause: Action | None = None  # 任命张三为A，李四为B: the verb of the clause's first part
        self.groups: list[tuple[list[str], bool, int | None, str, int, int]] = []
        self.retire_notes: list[str] = []

    # ---- clauses -------------------------------------------------------------------------------
    def clause(self, start: int, end: int) -> None:
        """One clause (between ；。 or line ends): its parts at the commas, each with the person carried over."""
        text = self.flat.text[start:end]
        body = re.sub(r"^[\s　]*(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*)?", "", text)
        offset = start + len(text) - len(body)
        heading = HEADING.match(body.strip())
        if heading:
            self.decided_by = re.split(r"第[一二三四五六七八九十百\d]+次|通过的|关于", heading.group("organ"))[0].strip()
            self.verb = Action.REMOVE if heading.group("kind") in ("免职", "免去") else None
            return
        if body.rstrip("：:").endswith(("任命", "决定任命", "聘任")) and len(body) < 30:
            self.verb = Action.APPOINT
            return
        if body.rstrip("：:").endswith(("免去", "决定免去")) and len(body) < 30:
            self.verb = Action.REMOVE
            return
        if "办理退休手续" in body:
            self.retire_notes.append(body)
        person: list[str] = []
        self.in_clause = self.verb
        before = len(self.out)
        for m in _PARTS.finditer(body):
            person = self.part(m.group(0), offset, end, person, start, end)  # a record spans its whole clause
        if len(self.out) == before and self.verb is not None and len(body) > 6:
            self.verb = None  # a clause deciding nothing ends the list that 任命：/免去： opened

    def part(self, text: str, s: int, e: int, person: list[str], cs: int, ce: int) -> list[str]:
        """One comma part of a clause; returns the people the next part speaks of."""
        text = _DECIDES.sub("", text.strip())
        if _NOT_DECIDED.search(text, 0, 10) and "原任职务" not in text:
            return []
        group = _GROUP.search(text) if "同志" in text and ("试用期" in text or "挂职期" in text) else None
        if group and self.group(group, cs, ce):
            return []
        if person and re.fullmatch(r"(?:挂职|退休|(?:任职)?试用期).*", text):
            if text.startswith("挂职"):  # 张三任A，挂职时间一年: a secondment
                self.second(person, s)
            self.note(person, text)
            if "试用期" in text and not re.search(r"已满|期满", text):
                self.add(person, Action.TRIAL, None, text, s, e)
            return person
        if text.startswith(("免去", "免职", "免除")):
            return self.removal(text[2:], s, e, person)
        if text.startswith(("任命", "聘任", "聘用", "提名", "推荐")) and not text.startswith(("任命为", "聘任为", "提名为")):
            return self.appointment(text, s, e)
        if text.startswith("其"):
            return self.verb_part(person, text[1:], s, e) if person else []
        if person and (self._verb_at(text) or text.startswith(("不再担任", "辞去"))):
            return self.verb_part(person, text, s, e)
        if person and re.match(r"(?:原任职务|原职务).*免除", text):
            self.add(person, Action.REMOVE, None, text, s, e)
            return person
        found = self.subject(text) or (self.subject(text[2:]) if text.startswith("同意") else None)
        if found is None and self.in_clause is Action.REMOVE and "职务" in text:
            return self.removal(text, s, e, [])  # 决定免去： then 张三的A职务
        if found is None:
            return []
        names, rest = found
        return self.verb_part(names, rest, s, e)

    def subject(self, text: str) -> tuple[list[str], str] | None:
        """Names that open a part followed by a verb: (names, the rest from the verb)."""
        for k in range(2, min(len(text), 60)):
            if text[k] not in _VERB_FIRST:
                continue
            head, rest = text[:k], text[k:]
            if rest.startswith("同志"):
                rest = rest[2:]
            if rest.startswith("分别"):
                rest_verb = rest[2:]
                if self._verb_at(rest_verb) or rest_verb.startswith("为"):
                    names = split_names(head)
                    if names and all(valid_name(n) for n in names):
                        self.known.update(names)
                        return names, rest
            verb = self._verb_at(rest) or (rest.startswith("为") and self.in_clause is Action.APPOINT) \
                or rest.startswith(("不再担任", "辞去"))
            if not verb:
                continue
            names = split_names(head)
            if names and all(valid_name(n) for n in names):
                self.known.update(names)
                return names, rest
        return None

    def _verb_at(self, text: str) -> Action | None:
        """The action of the verb a text opens with (任, 聘任, 挂任, 提名为…), or None."""
        m = _VERB.match(text)
        return _ACTION_OF[m.group(0)] if m else None

    def verb_part(self, names: list[str], rest: str, s: int, e: int) -> list[str]:
        """names + 任/聘任/挂任/提名为/为/不再担任 + posts."""
        if rest.startswith(("不再担任", "辞去")):
            post = re.sub(r"(?:的)?职务.*$", "", rest[4 if rest.startswith("不再担任") else 2:])
            self.posts(names, Action.REMOVE, post, s, e)
            return names
        action, verb = Action.APPOINT, "为"
        for word, act in _VERBS:
            if rest.startswith(word):
                action, verb = act, word
                break
        post = rest[len(verb):]
        if verb != "为" and post.startswith("分别") or rest.startswith("分别"):
            return self.respectively(names, rest, s, e)
        if action is Action.NOMINATE or re.search(r"(?:人选|候选人)$", post):
            action, post = Action.NOMINATE, re.sub(r"(?:人选|候选人)$", "", post)
        note = "聘任" if verb.startswith("聘") else ("提名为…人选" if action is Action.NOMINATE else None)
        self.posts(names, action, post, s, e, note)
        return names

    def respectively(self, names: list[str], rest: str, s: int, e: int) -> list[str]:
        """张三、李四同志分别任A、B: the n-th name to the n-th post (all to each when the counts differ)."""
        rest = rest.replace("分别", "", 1)
        action = self._verb_at(rest) or Action.APPOINT
        verb = _VERB.match(rest)
        posts = split_posts(rest[verb.end():] if verb else rest.removeprefix("为"))
        if len(posts) != len(names):
            self.posts(names, action, "、".join(posts), s, e)
            return names
        for name, post in zip(names, posts, strict=True):
            self.posts([name], action, post, s, e)
        return names

    def appointment(self, text: str, s: int, e: int) -> list[str]:
        """任命/聘任/提名 + names + 为 + posts."""
        verb, rest = text[:2], text[2:]
        rest = rest[1:] if rest.startswith(("：", ":")) else rest
        both = re.match(r"(?P<names>.+?)(?:同志)?分别为(?P<posts>.+)$", rest)
        if both and all(valid_name(n) for n in split_names(both.group("names"))):
            self.in_clause = Action.APPOINT
            return self.respectively(split_names(both.group("names")), "为" + both.group("posts"), s, e)
        names, post = names_then(rest, "为")
        if not names:
            return []
        self.known.update(names)
        action = {"提名": Action.NOMINATE, "推荐": Action.NOMINATE}.get(verb, Action.APPOINT)
        self.in_clause = Action.APPOINT
        if re.search(r"(?:人选|候选人)$", post):
            action, post = Action.NOMINATE, re.sub(r"(?:人选|候选人)$", "", post)
        note = "聘任" if verb in ("聘任", "聘用") else ("提名为…人选" if action is Action.NOMINATE else None)
        self.posts(names, action, post, s, e, note)
        return names

    def removal(self, rest: str, s: int, e: int, person: list[str]) -> list[str]:
        """免去 + (其 | names + 同志/的 | names running into the post | nothing: the person before) + posts + 职务."""
        rest = rest.lstrip("：:")
        tail = re.search(r"(?:的)?职务(?P<after>.*)$", rest)
        after = tail.group("after") if tail else ""
        rest = rest[: tail.start()] if tail else rest
        names: list[str] = []
        if rest.startswith("其"):
            names, rest = person, rest[1:]
        else:
            cut = _NAMES_CUT.match(rest)
            if cut and all(valid_name(n) for n in split_names(cut.group("names"))):
                names, rest = split_names(cut.group("names")), cut.group("post")
            else:
                names, rest = self.run_in(rest, person)
        if not names:
            return []
        self.known.update(names)
        self.posts(names, Action.REMOVE, rest, s, e)
        if after.strip("，,；; "):
            self.note(names, after.strip("，,；; "))
        return names

    def run_in(self, rest: str, person: list[str]) -> tuple[list[str], str]:
        """Names running straight into the post (免去韩万东市粮食和物资储备局局长): cut where a post can begin."""
        pieces = rest.split("、")
        lead = [p for p in pieces[:-1]]
        if lead and not all(valid_name(p) for p in lead):
            lead = []
        last = "、".join(pieces[len(lead):])
        best = next((k for k in (3, 2, 4) if k < len(last) and last[:k] in self.known), None)
        if best is None and person and not lead:
            return person, last  # 张三任A，免去B职务: the same person
        if best is None:
            starts = [k for k in (2, 3) if last[k:].startswith(_POST_START)]
            places = [k for k in (3, 2) if _PLACE.match(last, k)]  # 张宁银川市…, 李建存中卫市…
            longer = [4] if len(last) > 4 and (last[4:].startswith(_POST_START) or _PLACE.match(last, 4)) else []
            best = (starts or places or longer or [3])[0]
        name = last[:best]
        if not valid_name(name):
            return [], rest
        return [*lead, name], last[best:]

    # ---- records -------------------------------------------------------------------------------
    def posts(self, names: list[str], action: Action, text: str, s: int, e: int, note: str | None = None) -> None:
        """One record per name and post (posts joined by 、 give one each); conditions in brackets become notes."""
        text = re.sub(r"[，,；;。\s]+$", "", text)
        for post in split_posts(text):
            act, clean, extra = _conditions(post, action)
            if not _POST_END.search(clean):
                continue
            notes = "；".join(x for x in (note, extra) if x) or None
            self.add(names, act, clean, notes, s, e)
            if extra and "试用期" in extra:
                self.add(names, Action.TRIAL, None, extra.strip("（）()"), s, e)

    def add(self, names: list[str], action: Action, post: str | None, note: str | None, s: int, e: int) -> None:
        """Append one record per name."""
        start, end = self.flat.span(s, e)
        for name in names:
            self.out.append(PersonDecision(name, action, post, organ_of(post), note, start, end, self.decided_by))

    def second(self, names: list[str], start: int) -> None:
        """Make the appointments of people in the clause at start secondments."""
        span = self.flat.span(start, start + 1)[0]
        for rec in self.out:
            if rec.person in names and rec.action is Action.APPOINT and rec.start <= span < rec.end:
                rec.action = Action.SECOND

    def note(self, names: list[str], text: str) -> None:
        """Add a condition (挂职期1年, 退休) to the last record of each name."""
        for rec in reversed(self.out):
            if rec.person in names:
                rec.note = f"{rec.note}；{text}" if rec.note else text
                names = [n for n in names if n != rec.person]
            if not names:
                break

    def group(self, m: re.Match[str], cs: int, ce: int) -> bool:
        """魏伟、马建帮13名同志任职试用期一年 / 田娜等11名同志任职试用期已满 / 徐亮、蔡磊2名同志挂职期为1年."""
        names = split_names(m.group("names"))
        names = [self._resolve(n) for n in names]
        if not names or not all(valid_name(n) for n in names):
            return False
        num = m.group("num")
        count = cn_count(num) if num else None
        what = m.group("what")
        self.groups.append((names, bool(m.group("etc")), count, what, cs, ce))
        return True

    def _resolve(self, name: str) -> str:
        """A name with a prefix stuck to it (以上人员中李靖宇) as the known name it ends with."""
        for k in (4, 3, 2):
            if len(name) > k and name[-k:] in self.known:
                return name[-k:]
        return name

    def finish(self) -> None:
        """Apply the group sentences: trials, trials ended (等 → the people appointed), secondment periods."""
        clause_text = self.flat.text
        for names, etc, count, what, cs, ce in self.groups:
            note = re.sub(r"[，,。；;\s]+$", "", clause_text[cs:ce].split("同志", 1)[-1]) or what
            if what.startswith("挂职期"):
                self.note(list(names), what)
                continue
            action = Action.TRIAL_ENDS if re.search(r"已满|期满", what) else Action.TRIAL
            people = list(names)
            if etc and count and len(people) < count:
                seconded = {r.person for r in self.out if r.action is Action.SECOND}
                more = [r.person for r in self.out if r.action is Action.APPOINT and r.person not in seconded]
                people += [p for p in dict.fromkeys(more) if p not in people][: count - len(people)]
            self.add(people, action, None, note, cs, ce)
        for text in self.retire_notes:
            for rec in self.out:
                if rec.note and "退休" in rec.note and text not in rec.note:
                    rec.note += "；" + text


def _conditions(post: str, action: Action) -> tuple[Action, str, str | None]:
    """A post without its printed conditions: （挂职） makes a secondment, （正处级） and （试用期一年） are notes."""
    notes: list[str] = []
    while True:
        m = re.search(r"[（(]([^（）()]*)[）)]$", post)
        if not m or not _NOTE_BRACKET.search(m.group(1)):
            break
        notes.insert(0, m.group(0))
        if "挂" in m.group(1) and action is Action.APPOINT:
            action = Action.SECOND
        post = post[: m.start()].rstrip()
    inner = re.search(r"[（(](挂职)[）)]", post)
    if inner:
        notes.insert(0, inner.group(0))
        post = post[: inner.start()] + post[inner.end():]
    return action, post.strip(), "".join(notes) or None
