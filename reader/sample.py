"""A fictional sample gazette (禾川市人民政府公报) as PDF and text, with its known structure, for tests and the demo."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

GAZETTE = "禾川市人民政府公报"
PUBLISHER = "禾川市人民政府"
FONT = "china-s"


@dataclass
class SampleDoc:
    """One fictional document and what the parser must find."""

    section: str
    title_lines: list[str]
    doc_number: str | None
    recipients: str | None
    body: list[str]  # paragraphs; "\t" separates table cells; a leading "#" marks a heading
    issuer: list[str]
    date: str  # 2024年3月5日
    toc_number: str | None = None  # the 发文字号 as the 目录 prints it (brackets may differ)
    toc_title: str | None = None  # when the 目录 prints another title (a printing error)

    @property
    def title(self) -> str:
        """The title as one string."""
        return "".join(self.title_lines)


@dataclass
class Sample:
    """Where the sample files are and their truth."""

    pdf: Path
    text: Path
    truth: dict[str, object] = field(default_factory=dict)


_FILLER = [
    "各有关单位要坚持以人民为中心的发展思想，立足本地实际，细化工作措施，明确责任分工，确保各项任务落到实处。",
    "要加强统筹协调，建立健全工作台账，定期调度工作进展，及时研究解决推进过程中遇到的困难和问题。",
    "各部门要强化协作配合，形成工作合力，做到信息共享、资源互通、工作联动，切实提升服务群众的质量和效率。",
    "要加大宣传力度，充分利用报刊、广播、电视和网络等渠道，广泛宣传政策措施和典型经验，营造良好社会氛围。",
    "对工作中发现的突出问题，要建立问题清单和整改清单，实行销号管理，确保问题整改到位、群众满意。",
]


def _body(topic: str, scale: int) -> list[str]:
    """A plan-like body about a topic: headings, numbered items and paragraphs."""
    paras = [f"为深入推进{topic}工作，进一步提升全市{topic}水平，结合我市实际，制定本方案。"]
    heads = ["总体要求", "重点任务", "保障措施"]
    for h, head in enumerate(heads):
        paras.append(f"#{'一二三'[h]}、{head}")
        for k in range(2 + scale):
            paras.append(f"（{'一二三四五六七八九十'[k % 10]}）{topic}第{k + 1}项措施。" + _FILLER[(h + k) % len(_FILLER)]
                         + _FILLER[(h + 2 * k + 1) % len(_FILLER)])
    return paras


def sample_documents(scale: int = 1) -> list[SampleDoc]:
    """The fictional documents of one issue; scale makes bodies longer (for benchmarks)."""
    return [
        SampleDoc(
            "市政府文件", ["禾川市人民政府", "关于印发《禾川市湿地保护与修复实施方案》的通知"], "禾政发〔2024〕7号",
            "各乡镇人民政府，市政府各部门，各直属机构：",
            ["《禾川市湿地保护与修复实施方案》已经市人民政府研究同意，现印发给你们，请认真贯彻执行。",
             "附件：禾川市湿地保护重点区域名录"] + ["@禾川市湿地保护与修复实施方案"] + _body("湿地保护", scale)
            + ["@附件", "#禾川市湿地保护重点区域名录", "序号\t区域名称\t面积（公顷）\t责任单位",
               "1\t青苇湖湿地\t320\t市自然资源局", "2\t白鹭滩湿地\t145\t市林业和草原局", "3\t南溪河口湿地\t88\t南溪镇人民政府"],
            ["禾川市人民政府"], "2024年3月5日", toc_number="禾政发[2024]7号",
        ),
        SampleDoc(
            "市政府文件", ["禾川市人民政府关于废止部分行政规范性文件的决定"], "禾政规发〔2024〕1号",
            "各乡镇人民政府，市政府各部门：",
            ["为维护法制统一，市人民政府对现行行政规范性文件进行了全面清理。经研究，决定废止以下文件。",
             "序号\t文号\t文件名称\t处理意见",
             "1\t禾政发〔2015〕21号\t禾川市城区停车管理办法\t废止",
             "2\t禾政办发〔2016〕9号\t禾川市农贸市场管理暂行规定\t废止",
             "本决定自公布之日起施行。"],
            ["禾川市人民政府"], "2024年3月18日",
        ),
        SampleDoc(
            "市政府办公室文件", ["禾川市人民政府办公室", "关于印发《禾川市智慧停车建设三年行动计划（2024—2026年）》的通知"],
            "禾政办发〔2024〕12号", "各乡镇人民政府，市直各部门：",
            ["《禾川市智慧停车建设三年行动计划（2024—2026年）》已经市人民政府同意，现印发给你们，请结合实际认真组织实施。",
             "@禾川市智慧停车建设三年行动计划（2024—2026年）"] + _body("智慧停车", scale),
            ["禾川市人民政府办公室"], "2024年4月2日",
        ),
        SampleDoc(
            "市政府办公室文件", ["禾川市人民政府办公室关于做好2024年春季森林防火工作的通知"], "禾政办发〔2024〕15号",
            "各乡镇人民政府，市政府各部门：",
            ["当前已进入春季森林防火关键期，为切实做好森林防火工作，保护人民群众生命财产安全，现就有关事项通知如下。"]
            + _body("森林防火", max(0, scale - 1)),
            ["禾川市人民政府办公室"], "2024年4月10日", toc_title="禾川市人民政府办公室关于做好春季森林防火工作的通知",
        ),
        SampleDoc(
            "人事任免", ["禾川市人民政府", "关于林晓禾等同志职务任免的通知"], "禾政干发（2024）3号",
            "各乡镇人民政府，市政府各部门：",
            ["经市人民政府研究决定：", "林晓禾任市发展和改革局副局长；", "周明川任市自然资源局副局长；",
             "免去吴青山的市农业农村局副局长职务。"],
            ["禾川市人民政府"], "2024年4月16日", toc_number="禾政干发〔2024〕3号",
        ),
        SampleDoc(
            "公告", ["禾川市人民政府关于禾川市第一批历史建筑名录的公告"], None, None,
            ["根据有关规定，经市人民政府同意，现将禾川市第一批历史建筑名录予以公告。",
             "序号\t名称\t地址",
             "1\t老粮站旧址\t禾川市城关镇西街12号",
             "2\t南溪石拱桥\t禾川市南溪镇南溪村"],
            ["禾川市人民政府"], "2024年4月20日",
        ),
    ]


class _Pager:
    """A tiny page layout engine over PyMuPDF: wrapped CJK text with font sizes, header and footer."""

    def __init__(self, doc: object, header: str, footer: str = "— {n} —", size: tuple[float, float] = (595.0, 842.0)) -> None:
        import pymupdf

        self.pymupdf = pymupdf
        self.doc = doc
        self.font = pymupdf.Font(FONT)
        self.header = header
        self.page: object = None
        self.y = 0.0
        self.width, self.height = size
        self.left, self.right = self.width * 0.121, self.width * 0.879
        self.top, self.bottom = self.height * 0.095, self.height * 0.915
        self.footer = footer
        self.printed = 0
        self.numbered = False

    def new_page(self, numbered: bool = True) -> None:
        """Start a page; numbered pages get the running header and a — N — footer."""
        self.page = self.doc.new_page(width=self.width, height=self.height)  # type: ignore[attr-defined]
        self.y = self.top
        self.numbered = numbered
        if numbered:
            self.printed += 1
            self._put(self.header, 9, (self.width - self.font.text_length(self.header, 9)) / 2, self.height * 0.06)
            foot = self.footer.format(n=self.printed)
            self._put(foot, 10.5, (self.width - self.font.text_length(foot, 10.5)) / 2, self.height * 0.956)

    def _put(self, text: str, size: float, x: float, y: float) -> None:
        self.page.insert_text((x, y), text, fontname=FONT, fontsize=size)  # type: ignore[attr-defined]

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        """Break text into lines that fit width."""
        lines, cur, cur_w = [], "", 0.0
        for ch in text:
            w = self.font.text_length(ch, size)
            if cur and cur_w + w > width and ch not in "，。、；：！？）》”":
                lines.append(cur)
                cur, cur_w = "", 0.0
            cur += ch
            cur_w += w
        if cur:
            lines.append(cur)
        return lines

    def ensure(self, height: float) -> None:
        """Break the page when height does not fit."""
        if self.page is None or self.y + height > self.bottom:
            self.new_page(self.numbered if self.page is not None else True)

    def para(self, text: str, size: float = 12, indent: bool = True, align: str = "left", gap: float = 0.45) -> None:
        """A paragraph: first-line indent, or centred / right-aligned lines."""
        lead = size * 1.65
        first = self.wrap(text, size, self.right - self.left - (2 * size if indent else 0))
        lines = first[:1] + self.wrap("".join(first[1:]), size, self.right - self.left) if indent else first
        for k, line in enumerate(lines):
            self.ensure(lead)
            w = self.font.text_length(line, size)
            x = self.left + (2 * size if indent and k == 0 else 0)
            if align == "center":
                x = (self.width - w) / 2
            elif align == "right":
                x = self.right - w - 2 * size
            self.y += lead
            self._put(line, size, x, self.y)
        self.y += size * gap

    def row(self, cells: list[str], size: float = 10.5) -> None:
        """A table row: cells at fixed columns."""
        self.ensure(size * 1.8)
        self.y += size * 1.8
        col = (self.right - self.left) / len(cells)
        for k, cell in enumerate(cells):
            self._put(cell, size, self.left + k * col + 4, self.y)


def _issue_header(year: int, issue: int) -> str:
    return f"{GAZETTE}　{year}年第{issue}期"


def build_sample(out_dir: Path, year: int = 2024, issue: int = 2, total: int = 31, scale: int = 1,
                 stem: str | None = None, footer: str = "— {n} —",
                 page_size: tuple[float, float] = (595.0, 842.0)) -> Sample:
    """Write the sample gazette as PDF and text into out_dir; return the paths and the truth.

    footer and page_size vary the print (— 3 —, - 3 -, ·3·, 第3页; A4 or 16开 184×260 mm) as producers do."""
    import pymupdf

    out_dir.mkdir(parents=True, exist_ok=True)
    stem = stem or f"heshuan-{year}-{issue:02d}"
    docs = sample_documents(scale)
    body = pymupdf.open()
    pager = _Pager(body, _issue_header(year, issue), footer, page_size)
    starts: list[tuple[int, int]] = []  # (pdf page in body, printed page) of each document
    for k, d in enumerate(docs):
        if k == 0 or pager.y > pager.bottom - pager.height * 0.24:
            pager.new_page()
        else:
            pager.y += 30
        starts.append((body.page_count - 1, pager.printed))
        for line in d.title_lines:
            pager.para(line, 18, indent=False, align="center", gap=0.1)
        if d.doc_number:
            pager.para(d.doc_number, 12, indent=False, align="center", gap=0.8)
        if d.recipients:
            pager.para(d.recipients, 12, indent=False)
        for p in d.body:
            _layout_para(pager, p)
        for org in d.issuer:
            pager.para(org, 12, indent=False, align="right", gap=0.1)
        pager.para(d.date, 12, indent=False, align="right", gap=0.1)
        pager.para("（此件公开发布）", 12)
    front = pymupdf.open()
    fp = _Pager(front, "", footer, page_size)
    fp.new_page(numbered=False)
    fp.y = fp.height * 0.18
    fp.para(GAZETTE, 28, indent=False, align="center")
    fp.y += 30
    fp.para(f"{year}年第{issue}期", 20, indent=False, align="center")
    fp.para(f"（总第{total}期）", 14, indent=False, align="center")
    fp.para(f"{year}年{min(12, issue * 2)}月28日出版", 12, indent=False, align="center")
    fp.y = fp.height * 0.76
    fp.para("编辑委员会", 12, indent=False, align="center")
    fp.para("主任：李禾　副主任：陈川", 10, indent=False, align="center")
    fp.new_page(numbered=False)
    fp.para("目　录", 22, indent=False, align="center", gap=1.2)
    section = None
    toc_truth: list[dict[str, object]] = []
    for d, (_, printed) in zip(docs, starts):
        if d.section != section:
            section = d.section
            fp.ensure(40)
            fp.para(f"【{section}】", 13, indent=False, gap=0.6)
        title = d.toc_title or d.title
        number = d.toc_number or d.doc_number
        fp.ensure(80)
        fp.para(title, 11.5, indent=False, gap=0.1)
        fp.ensure(20)
        fp.y += 11.5 * 1.65
        leader = (number + "　" if number else "") + "…" * 12
        fp._put(leader, 11.5, fp.left, fp.y)
        fp._put(f"（{printed}）", 11.5, fp.right - 30, fp.y)
        fp.y += 10
        toc_truth.append({"section": section, "title": title, "doc_number": number, "page": printed})
    fp.new_page(numbered=False)
    fp.y = fp.height * 0.66
    for line in ["主　编：李禾", "编　辑：陈川　王小溪", "主　办：禾川市人民政府办公室", "地　址：禾川市人民路1号",
                 "电　话：0000-1234567", "准印证号：禾内资准字（2024）第001号"]:
        fp.para(line, 10, indent=False, gap=0.1)
    offset = front.page_count  # unnumbered front pages before the first document
    front.insert_pdf(body)
    front.set_metadata({"title": _issue_header(year, issue), "creator": "Gazette Reader sample"})
    pdf_path = out_dir / f"{stem}.pdf"
    front.save(pdf_path, garbage=3, deflate=True)
    pages = front.page_count
    front.close()
    body.close()
    text_path = out_dir / f"{stem}.txt"
    text_path.write_text(_text_export(docs, year, issue, total, toc_truth), encoding="utf-8")
    truth = {
        "gazette": GAZETTE, "publisher": PUBLISHER, "year": year, "issue": issue, "total_issue": total,
        "published": f"{year}-{min(12, issue * 2):02d}-28", "page_count": pages, "toc": toc_truth,
        "documents": [
            {"title": d.title, "doc_number": d.doc_number, "issuer": " ".join(d.issuer), "date": _iso(d.date),
             "section": d.section, "pdf_page_index": start + offset, "printed_page": printed,
             "first_sentence": d.body[0][:20]}
            for d, (start, printed) in zip(docs, starts)
        ],
    }
    (out_dir / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return Sample(pdf_path, text_path, truth)


def _layout_para(pager: _Pager, p: str) -> None:
    """One body paragraph in the PDF: heading (#), attached-text title (@), table row, or paragraph."""
    if p.startswith("@"):
        pager.y += 12
        pager.para(p[1:], 16, indent=False, align="center", gap=0.6)
    elif p.startswith("#"):
        pager.para(p[1:], 12, indent=True)
    elif "\t" in p:
        pager.row(p.split("\t"))
    else:
        pager.para(p, 12)


def _iso(date: str) -> str:
    import re

    y, m, d = (int(x) for x in re.findall(r"\d+", date))
    return f"{y:04d}-{m:02d}-{d:02d}"


def _text_export(docs: list[SampleDoc], year: int, issue: int, total: int, toc: list[dict[str, object]]) -> str:
    """The issue as a PDF-to-text converter would give it: blank lines between paragraphs, titles split."""
    out = ["", GAZETTE, "", "编辑委员会", "", "主任：李禾", "", f"{year}年 第 {issue} 期", f"(总第 {total} 期)", "",
           "目 录", ""]
    section = None
    for entry in toc:
        if entry["section"] != section:
            section = entry["section"]
            out += [f"【{section}】", ""]
        number = entry["doc_number"] or ""
        out += [f"{entry['title']} {number}\t({entry['page']})", ""]
    out += ["主 编：李禾", "", "地 址：禾川市人民路1号", "", ""]
    for d in docs:
        out += [" ".join(d.title_lines), ""]
        if d.doc_number:
            out += [d.doc_number, ""]
        if d.recipients:
            out += [d.recipients, ""]
        for p in d.body:
            text = p.lstrip("@#")
            if len(text) > 60 and "\t" not in text:
                out += [text[:45], "", text[45:], ""]  # the converter breaks a sentence at a page end
            else:
                out += [text, ""]
        out += d.issuer + [d.date, "", "（此件公开发布）", ""]
    return "\n".join(out) + "\n"

