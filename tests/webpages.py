"""Saved web pages as offices hold them, written from the fictional sample gazette and the shared seeds, with truth.

Two styles: a policy library's page (a metadata table of 索引号, 发文机关, 成文日期, 标题, 发文字号 above the
body) and a city gazette website's plainer page (an <h1> title, a 文号 line, paragraphs, a right-aligned
signature and date); each in UTF-8 or GBK; tables in the body; and an online gazette's issue page (目录) whose
links point at the document pages saved beside it."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from reader.gazette.text import iso_date
from reader.models import Document
from reader.sample import SampleDoc, sample_documents


@dataclass
class WebDoc:
    """A document to write as a page: its fields, and its body as (kind, text) pairs (kind: para, heading,
    subtitle, table, item)."""

    title_lines: list[str]
    doc_number: str | None
    recipients: str | None
    body: list[tuple[str, str]]
    issuer: str
    date: str  # 2024年3月5日
    section: str = ""

    @property
    def title(self) -> str:
        """The title as one line."""
        return "".join(self.title_lines)

    def truth(self, file: str) -> dict[str, str | None]:
        """What a reader must find in the page."""
        return {"file": file, "title": self.title, "doc_number": self.doc_number, "issuer": self.issuer,
                "date": iso_date(self.date)}


def from_sample(doc: SampleDoc) -> WebDoc:
    """A sample gazette document as a web document."""
    body: list[tuple[str, str]] = []
    for p in doc.body:
        if "\t" in p:
            if body and body[-1][0] == "table":
                body[-1] = ("table", body[-1][1] + "\n" + p)
            else:
                body.append(("table", p))
        elif p.startswith("#"):
            body.append(("heading", p[1:]))
        elif p.startswith("@"):
            body.append(("subtitle", p[1:]))
        else:
            body.append(("para", p))
    return WebDoc(doc.title_lines, doc.doc_number, doc.recipients, body, " ".join(doc.issuer), doc.date, doc.section)


def _para(kind: str, text: str) -> str:
    """One body paragraph as a page writes it."""
    t = html.escape(text)
    if kind == "table":
        rows = [r.split("\t") for r in text.split("\n")]
        cells = "".join("<tr>" + "".join(f"<td><p>{html.escape(c)}</p></td>" for c in r) + "</tr>" for r in rows)
        return f'<table border="1" cellspacing="0">{cells}</table>'
    if kind == "heading":
        return f'<p style="text-indent: 2em;"><strong>{t}</strong></p>'
    if kind == "subtitle":
        return f'<p style="text-align: center;"><span style="font-weight: bold; font-size: 18pt;">{t}</span></p>'
    return f'<p style="text-indent: 2em; text-align: justify;">{t}</p>'


def _closing(doc: WebDoc) -> str:
    """The signature and date, right-aligned."""
    return (f'<p style="text-align: right;">{html.escape(doc.issuer)}</p>'
            f'<p style="text-align: right;">{html.escape(doc.date)}</p>')


def _body(doc: WebDoc) -> str:
    """The recipients, the body (the signature after the first part, before an attached document) and notes."""
    out = [f"<p>{html.escape(doc.recipients)}</p>"] if doc.recipients else []
    cut = next((k for k, (kind, _) in enumerate(doc.body) if kind == "subtitle"), len(doc.body))
    out += [_para(k, t) for k, t in doc.body[:cut]] + [_closing(doc)] + [_para(k, t) for k, t in doc.body[cut:]]
    return "\n".join(out)


def library_page(doc: WebDoc, charset: str = "utf-8") -> bytes:
    """A policy library's page: the metadata table above the body (#UCAP-CONTENT)."""
    meta = [("索 引 号：", "000014349/2024-00001"), ("主题分类：", "城乡建设、环境保护"), ("发文机关：", doc.issuer),
            ("成文日期：", doc.date.replace("月", "月").replace("年", "年")), ("标\u3000\u3000题：", doc.title),
            ("发文字号：", doc.doc_number or ""), ("发布日期：", doc.date)]
    rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in meta)
    title = "".join(f'<p style="text-align: center;"><span style="font-weight: bold; font-size: 18pt;">{html.escape(t)}'
                    "</span></p>" for t in doc.title_lines)
    number = f'<p style="text-align: center;">{html.escape(doc.doc_number)}</p>' if doc.doc_number else ""
    page = (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{html.escape(doc.title)}_政府信息公开专栏'
            f'</title><script>var x = "<p>not text</p>";</script></head><body><div class="header"><a href="http://www.example.gov.cn/">'
            f'首页</a> &gt; 政策</div><table class="bd1">{rows}</table><table><tr><td id="UCAP-CONTENT">{title}{number}'
            f'{_body(doc)}</td></tr></table><div class="footer">主办单位：示例政府办公厅</div></body></html>')
    return page.encode(charset)


def city_page(doc: WebDoc, charset: str = "gbk", titled: str = "h1") -> bytes:
    """A city gazette website's plain page: a title (an <h1>, or with titled="class" a <div class="article-title">
    styled by the site's style sheet), an information bar, a 文号 line, paragraphs, signature and date."""
    number = f'<p class="wh" align="center">{html.escape(doc.doc_number)}</p>' if doc.doc_number else ""
    title = (f"<h1>{html.escape(doc.title)}</h1>" if titled == "h1" else
             f'<div class="article-title">{html.escape(doc.title)}</div>')
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{html.escape(doc.title) + ' - ' if titled == 'h1' else ''}示例市人民政府</title>"
            "<style>p { margin: 0 }</style></head><body>"
            f'<div class="nav"><a href="/">网站首页</a> | <a href="/gb/">政府公报</a></div>'
            f'<div class="article">{title}<div class="info">来源：示例市人民政府办公室　发布时间：2024-05-01　浏览次数：'
            f'123</div>{number}<div class="TRS_Editor">{_body(doc)}</div></div>'
            f'<div class="share">分享到：微信 微博</div><div class="footer">主办：示例市人民政府办公室</div></body></html>')
    return page.encode(charset)


def issue_page(docs: list[tuple[WebDoc, str]], gazette: str, year: int, issue: int, layout: str = "list") -> bytes:
    """An online gazette's 目录: sections as headings, each document a link to its page beside this one; as
    paragraphs ("list"), as a table of title, 文号 and date ("table"), or as list items with the date ("items")."""
    out, section = [], None
    for doc, file in docs:
        link = f'<a href="{file}" target="_blank">{html.escape(doc.title)}</a>'
        number = html.escape(doc.doc_number or "")
        if doc.section and doc.section != section:
            section = doc.section
            head = f"<strong>【{html.escape(section)}】</strong>"
            out.append(f'<tr><td colspan="3">{head}</td></tr>' if layout == "table" else f"<p>{head}</p>")
        if layout == "table":
            out.append(f"<tr><td>{link}</td><td>{number}</td><td>{html.escape(doc.date)}</td></tr>")
        elif layout == "items":
            out.append(f"<li>{link}<span class='date'>{html.escape(doc.date)}</span></li>")
        else:
            out.append(f"<p>{link}</p>" + (f"<span>{number}</span>" if number else ""))
    body = "".join(out)
    listing = f"<table>{body}</table>" if layout == "table" else f"<ul>{body}</ul>" if layout == "items" else body
    page = (f'<html><head><meta charset="utf-8"><title>{gazette}{year}年第{issue}期</title></head><body>'
            + (f'<div class="main"><h2>{gazette}</h2><p style="text-align:center">{year}年第{issue}期</p>'
               if layout != "items" else '<div class="main"><h2>目录</h2>')  # items: the name only in <title>
            + f'<div class="list">{listing}</div></div></body></html>')
    return page.encode("utf-8")


def write_sample_pages(out: Path) -> list[dict[str, str | None]]:
    """The sample gazette's documents as pages of both styles, UTF-8 and GBK; returns their truth."""
    out.mkdir(parents=True, exist_ok=True)
    truth = []
    for k, sample in enumerate(sample_documents()):
        doc = from_sample(sample)
        for style, charset in (("library", "utf-8"), ("library", "gbk"), ("city", "gbk"), ("city", "utf-8")):
            name = f"{k:02d}-{style}-{charset}.html"
            data = library_page(doc, charset) if style == "library" else city_page(doc, charset, "h1" if k % 2 else "class")
            (out / name).write_bytes(data)
            truth.append(doc.truth(name))
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def write_issue_folder(out: Path, gazette: str = "禾川市人民政府公报", year: int = 2024, issue: int = 2,
                       layout: str = "list") -> list[WebDoc]:
    """An online issue saved as a folder: the 目录 page (index.html) and each document's page beside it."""
    out.mkdir(parents=True, exist_ok=True)
    docs = [from_sample(s) for s in sample_documents()]
    files = []
    for k, doc in enumerate(docs):
        name = f"content_{k + 1:03d}.htm"
        (out / name).write_bytes(city_page(doc, "gbk" if k % 2 else "utf-8"))
        files.append((doc, name))
    (out / "index.html").write_bytes(issue_page(files, gazette, year, issue, layout))
    return docs


def abolished_page(out: Path) -> Path:
    """The web page of 禾政发〔2015〕21号, which the sample gazette's decision (禾政规发〔2024〕1号) abolishes."""
    doc = WebDoc(["禾川市人民政府关于印发禾川市城区停车管理办法的通知"], "禾政发〔2015〕21号", "各乡镇人民政府，市政府各部门：",
                 [("para", "《禾川市城区停车管理办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。")],
                 "禾川市人民政府", "2015年6月1日")
    out.mkdir(parents=True, exist_ok=True)
    path = out / "content_2015_21.html"
    path.write_bytes(library_page(doc))
    return path


def from_parsed(doc: Document) -> WebDoc | None:
    """A document the parser read from a gazette (a shared seed) as a web document; None without issuer or date."""
    if not doc.issuer or not doc.date:
        return None
    skip = {"title", "docnumber", "recipients", "signature", "date"}
    body = [("table" if b.kind == "table" else "subtitle" if b.kind == "subtitle" else
             "heading" if b.kind == "heading" else "para", b.text) for b in doc.blocks if b.kind not in skip]
    y, m, d = (int(x) for x in doc.date.split("-"))
    return WebDoc([doc.title], doc.doc_number, doc.recipients, body, doc.issuer, f"{y}年{m}月{d}日", doc.section or "")


def write_seed_pages(seeds: list[Path], out: Path) -> list[dict[str, str | None]]:
    """The documents of the shared seeds (text exports of real gazettes) as pages, styles and encodings alternating;
    returns their truth: the fields the parser read from the seed."""
    from reader.gazette.parser import parse
    from reader.sources import read_source

    out.mkdir(parents=True, exist_ok=True)
    truth = []
    for seed in seeds:
        for k, parsed in enumerate(parse(read_source(seed)).documents):
            doc = from_parsed(parsed)
            if doc is None:
                continue
            name = f"{seed.stem[:3]}-{k:02d}.html"
            data = library_page(doc, "utf-8") if k % 2 else city_page(doc, "gb18030")
            (out / name).write_bytes(data)
            truth.append(doc.truth(name))
    return truth
