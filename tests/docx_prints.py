"""Gazettes and single 公文 written as Word documents (python-docx), for the DOCX tests and bench/bench_sources.py.

A gazette's text export (the shared seeds, the fictional sample) is parsed and written again as a DOCX the way
offices make them: the gazette's name on the cover in a text box, the 目录 with the printed page of each entry,
then each document from a new page: its title centred and bold in 二号 (22 pt), its 发文字号 centred, the body
in 三号 (16 pt) with first-line indents, headings bold, tables as Word tables, signature and date right-aligned.
Pages are numbered either by a PAGE field in the footer (explicit page breaks, as Word writes them, with the
lastRenderedPageBreak Word leaves where a page began) or, as in DOCX made from a printed issue, by page marks
(—1—) merged into the last paragraph of each page, with no page breaks at all. The truth of each file is the
structure of the text export plus the printed page on which each document starts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from reader.gazette.parser import parse
from reader.models import Document
from reader.sources import read_source

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wps:wsp><wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/>'
    '<w:sz w:val="52"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing>'
    '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/>'
    '</w:pPr><w:r><w:rPr><w:b/><w:sz w:val="52"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
)


@dataclass(frozen=True)
class DocxStyle:
    """How a DOCX numbers its pages."""

    name: str
    marks: bool = False  # page marks (—1—) merged into paragraphs instead of page breaks and a footer field
    numbered: bool = False  # headings 一、 and items （一） numbered by Word (numbering definitions), not typed


STYLES = [DocxStyle("page breaks, footer page field, automatic list numbers", numbered=True),
          DocxStyle("page marks merged into paragraphs", marks=True)]
HAN = "一二三四五六七八九十"
NUMBERING = (
    f'<w:abstractNum {W_NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '</w:abstractNum>'
)


class Writer:
    """Paragraphs into a python-docx document, with the formatting of a 公文."""

    def __init__(self, style: DocxStyle) -> None:
        self.style = style
        self.doc = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(16)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
        self.last: Any = None  # the last body paragraph of the page (page marks go at its end)
        self.page = 0  # the printed page being written
        self.list_id = 0  # the numbering instance of the document being written (each document counts anew)
        self.counts = [0, 0]
        if style.numbered:
            numbering = self.doc.part.numbering_part.element
            numbering.insert(0, parse_xml(NUMBERING))

    def new_list(self) -> None:
        """A list instance of its own for the next document: its headings and items count from 一 again."""
        if self.style.numbered:
            self.list_id += 1
            self.doc.part.numbering_part.element.append(parse_xml(
                f'<w:num {W_NS} w:numId="{100 + self.list_id}"><w:abstractNumId w:val="90"/></w:num>'))
            self.counts = [0, 0]

    def numbered(self, text: str, level: int) -> str | None:
        """The text without its typed number when it is the list's next number at a level (Word then draws it)."""
        if not self.style.numbered:
            return None
        nxt = self.counts[level] + 1
        if nxt > 10:
            return None
        label = f"{HAN[nxt - 1]}、" if level == 0 else f"（{HAN[nxt - 1]}）"
        if not text.startswith(label) or len(text) == len(label):
            return None
        self.counts[level] = nxt
        if level == 0:
            self.counts[1] = 0
        return text[len(label):]

    def listed(self, text: str, level: int, **kw: Any) -> None:
        """A heading or item: numbered by Word when its typed number is the list's next, else as typed."""
        rest = self.numbered(text, level)
        p = self.para(rest if rest is not None else text, **kw)
        if rest is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{100 + self.list_id}"/></w:numPr>'))

    def para(self, text: str, *, size: float = 16, bold: bool = False, align: str = "left", indent: bool = False) -> Any:
        """One paragraph."""
        p = self.doc.add_paragraph()
        p.alignment = {"left": None, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
        run = p.add_run(text)
        if size != 16:
            run.font.size = Pt(size)
        if bold:
            run.bold = True
        self.last = p
        return p

    def table(self, text: str) -> None:
        """A Word table from tab-separated rows."""
        rows = [r.split("\t") for r in text.split("\n")]
        width = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell.strip()

    def new_page(self) -> None:
        """End the page: a page break (and Word's rendered-break mark) or a page mark merged into the text."""
        if self.style.marks:
            if self.page and self.last is not None:
                self.last.add_run(f"—{self.page} —")
        else:
            self.doc.add_page_break()
            self.doc.paragraphs[-1].runs[-1]._r.addnext(parse_xml(
                '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:lastRenderedPageBreak/></w:r>'))
        self.page += 1

    def footer_numbers(self) -> None:
        """A PAGE field in the footer, centred between dashes."""
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("— ")
        for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                    '<w:fldChar w:fldCharType="end"/>'):
            footer.add_run()._r.append(parse_xml(
                f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{xml}</w:r>')[0])
        footer.add_run(" —")

    def save(self, target: Path) -> None:
        """Write the file (the last page's mark first)."""
        if self.style.marks and self.last is not None:
            self.last.add_run(f"—{self.page} —")
        self.doc.save(str(target))


def write_document(w: Writer, doc: Document, banner: bool = False) -> None:
    """One 公文: title, 文号 (or banner, 文号, title), recipients, body, tables, signature and date."""
    w.new_list()
    if banner and doc.doc_number:
        organ = w.para((doc.issuer or "").split()[0] + "文件", size=36, bold=True, align="center")
        organ.runs[0].font.color.rgb = RGBColor(0xE0, 0, 0)
        w.para(doc.doc_number, align="center")
        w.para(doc.title, size=22, align="center")
    else:
        w.para(doc.title, size=22, bold=True, align="center")
        if doc.doc_number:
            w.para(doc.doc_number, align="center")
    for block in doc.blocks[1:]:
        if block.kind == "docnumber":
            continue
        if block.kind in ("signature", "date"):
            w.para(block.text, align="right")
        elif block.kind == "subtitle":
            w.para(block.text, size=18, bold=True, align="center")
        elif block.kind == "heading":
            w.listed(block.text, 0, bold=True)
        elif block.kind == "item":
            w.listed(block.text, 1, indent=True)
        elif block.kind == "table":
            w.table(block.text)
        elif block.kind in ("recipients", "note", "attachment"):
            w.para(block.text)
        else:
            w.para(block.text, indent=True)


def write_issue(source: Path, target: Path, style: DocxStyle) -> list[dict[str, Any]]:
    """Write a gazette's text export as a DOCX; return the truth, one dict per document (title, doc_number,
    issuer, date, printed_page)."""
    issue = parse(read_source(source))
    w = Writer(style)
    cover = w.doc.add_paragraph()
    cover._p.append(parse_xml(TEXT_BOX.format(text=issue.printed_name or issue.gazette)))
    w.para(f"{issue.year}年第{issue.issue}期" + (f"（总第{issue.total_issue}期）" if issue.total_issue else ""),
           align="center")
    if issue.publisher:
        w.para(issue.publisher, align="center")
    if not style.marks:
        w.new_page()
    w.para("目  录", size=18, bold=True, align="center")
    section = None
    for entry in issue.toc:
        if entry.section and entry.section != section:
            section = entry.section
            w.para(f"【{section}】", bold=True)
        page = (entry.document_index or 0) + 1
        w.para(f"{entry.title}{' ' + entry.doc_number if entry.doc_number else ''}……（{page}）")
    if not style.marks:  # the body is a section of its own, numbered from 1
        section = w.doc.add_section(WD_SECTION.NEW_PAGE)
        section._sectPr.append(parse_xml(f'<w:pgNumType {W_NS} w:start="1"/>'))
        w.page = 1
    for k, doc in enumerate(issue.documents):
        if k or style.marks:
            w.new_page()
        write_document(w, doc)
    if not style.marks:
        w.footer_numbers()
    w.save(target)
    return [{"title": d.title, "doc_number": d.doc_number, "issuer": d.issuer, "date": d.date, "printed_page": k + 1}
            for k, d in enumerate(issue.documents)]


def write_single(target: Path, doc: Document, banner: bool = False) -> None:
    """One 公文 alone as a DOCX (as offices receive them), page numbers in the footer; with a banner, as a 红头文件:
    the organ's name and 文件 in large red type, the 发文字号, then the title."""
    w = Writer(DocxStyle("single"))
    write_document(w, doc, banner)
    w.footer_numbers()
    w.save(target)


FIELDS = ("title", "doc_number", "issuer", "date", "printed_page")


def score(path: Path, truth: list[dict[str, Any]]) -> dict[str, int]:
    """How many of a file's documents the importer reads right, field by field (matched by title, else by 文号)."""
    from reader.gazette.docnumber import canonical
    from reader.textfold import compact

    docs = parse(read_source(path)).documents
    counts = {"expected": len(truth), "found": len(docs)} | {field: 0 for field in FIELDS}
    for t in truth:
        match = [d for d in docs if compact(d.title) == compact(t["title"])] or \
            [d for d in docs if t["doc_number"] and d.doc_number_canonical == canonical(t["doc_number"])]
        if not match:
            continue
        d = match[0]
        counts["title"] += compact(d.title) == compact(t["title"])
        counts["doc_number"] += d.doc_number_canonical == (canonical(t["doc_number"]) if t["doc_number"] else None)
        counts["issuer"] += compact(d.issuer or "") == compact(t["issuer"] or "")
        counts["date"] += d.date == t["date"]
        counts["printed_page"] += d.printed_pages is not None and d.printed_pages[0] == t["printed_page"]
    return counts
