"""The printed 目录 as the skeleton of an issue (issue 20): documents without 发文字号 found by their 目录 title,
on a small made-up text in the manner of a national gazette of the 1950s and 1990s."""

from __future__ import annotations

from pathlib import Path

from reader.gazette import docnumber
from reader.gazette.parser import parse
from reader.gazette.toc import parse_toc
from reader.models import Line
from reader.sources import read_source

NATIONAL = """
中华人民共和国国务院公报
目  录
中华人民共和国和印度共和国联合宜言…………………………（ 1）
中苏两国政府关于科学技术合作的协议……………………（ 3）
毛泽东主席向苏联政府代表团致谢的信……………………（ 4）
毛泽东主席向苏联政府代表团致谢的信……………………（ 5）
关于建立建设用地信息发布制度的通知…………国土资源部（ 6）
CONTENTS
Joint Declaration of the People's Republic of China and the Republic of India ........ 1
Agreement on Scientific and Technical Co-operation ........ 3
Letter of Thanks to the Soviet Government Delegation ........ 4
Letter of Thanks to the Soviet Government Delegation ........ 5
Notice on Publishing Information on Land for Construction ........ 6
翻译：外文出版社英文组
印刷：人民印刷厂
订阅：全国各地邮局
中华人民共和国和印度共和国联合宣言
两国总理进行了友好的会谈，双方同意以和平共处五项原则指导两国关系。
中苏两国政府关于科学技术
合作的协定
两国政府决定在科学技术方面进行合作，互相交流经验。
毛泽东主席向苏联政府代表团致谢的信
亲爱的同志们：衷心感谢你们在访问期间给予的帮助。
毛泽东
毛泽东主席向苏联政府代表团致谢的信
亲爱的同志们：再次感谢你们带来的礼物。
毛泽东
关于建立建设用地信息发布制度的通知
各省、自治区、直辖市国土资源厅：
为加强土地市场管理，现就建立建设用地信息发布制度通知如下。
国土资源部
1999年1月8日
"""


def _issue(tmp_path: Path, text: str):
    path = tmp_path / "national.txt"
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return parse(read_source(path))


def test_every_toc_entry_is_a_document_even_without_a_number(tmp_path):
    """Misprints (宜言/宣言, 协议/协定), a title broken over two lines, two letters with one title, the organ between
    the leader and the page, `（ 1）` pages: five entries, five documents, each tied to its own."""
    issue = _issue(tmp_path, NATIONAL)
    assert [(t.title, t.page, t.organ) for t in issue.toc] == [
        ("中华人民共和国和印度共和国联合宜言", 1, None), ("中苏两国政府关于科学技术合作的协议", 3, None),
        ("毛泽东主席向苏联政府代表团致谢的信", 4, None), ("毛泽东主席向苏联政府代表团致谢的信", 5, None),
        ("关于建立建设用地信息发布制度的通知", 6, "国土资源部")]
    assert [(d.title, d.toc_index) for d in issue.documents] == [
        ("中华人民共和国和印度共和国联合宣言", 0), ("中苏两国政府关于科学技术合作的协定", 1),
        ("毛泽东主席向苏联政府代表团致谢的信", 2), ("毛泽东主席向苏联政府代表团致谢的信", 3),
        ("关于建立建设用地信息发布制度的通知", 4)]
    assert "再次感谢" in issue.documents[3].text and "再次感谢" not in issue.documents[2].text
    assert issue.warnings == []


def test_the_english_contents_and_service_lines_are_neither_toc_nor_document(tmp_path):
    issue = _issue(tmp_path, NATIONAL)
    text = "\n".join(d.text for d in issue.documents)
    assert [w for w in ("CONTENTS", "Joint Declaration", "外文出版社", "人民印刷厂", "全国各地邮局") if w in text] == []
    assert len(issue.toc) == 5


def test_documents_sharing_a_title_have_distinct_stable_keys(tmp_path):
    """A document without 文号 is keyed by its title, and by its order among documents with that title."""
    keys = [d.key for d in _issue(tmp_path, NATIONAL).documents]
    assert keys[2:4] == ["毛泽东主席向苏联政府代表团致谢的信|", "毛泽东主席向苏联政府代表团致谢的信|#2"]
    assert keys == [d.key for d in _issue(tmp_path, NATIONAL).documents]


def test_text_before_the_first_listed_document_is_kept_untitled(tmp_path):
    """The body opens with text the 目录 does not list and that has no 文号: an untitled document holds it."""
    text = NATIONAL.replace("中华人民共和国和印度共和国联合宜言…………………………（ 1）\n", "")
    issue = _issue(tmp_path, text)
    first = issue.documents[0]
    assert (first.title, first.in_toc, first.key) == ("", False, "untitled|中华人民共和国和印度共和国联合宣言两国总")
    assert "和平共处五项原则" in first.text
    assert [d.toc_index for d in issue.documents] == [None, 0, 1, 2, 3]
    assert issue.warnings == ["body text before the first document found is kept as an untitled document"]


def test_an_ocr_read_toc_entry_is_rejoined_and_its_bracket_reads_as_the_genres():
    """OCR cuts a wrapped entry in pieces; the entry ends with its page number. [2019] reads as 〔2019〕."""
    toc = parse_toc([Line(t) for t in ["目录", "国务院办公厅关于做好征收土地公告工作的通",
                                       "知(国办发[2019]3号)..", "(21)"]])
    assert [(t.title, t.doc_number, t.page) for t in toc] == [
        ("国务院办公厅关于做好征收土地公告工作的通知", "国办发[2019]3号", 21)]
    assert docnumber.ocr_printed("国办发[2019]3号") == "国办发〔2019〕3号"
    assert docnumber.ocr_printed("国办发［2019］3号") == "国办发〔2019〕3号"
    assert docnumber.ocr_text("根据国办发[2019]3号文件，[2019]年") == "根据国办发〔2019〕3号文件，[2019]年"
