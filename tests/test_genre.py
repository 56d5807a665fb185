"""Layouts of the genre that the shared gazettes do not show, on small made-up texts."""

from __future__ import annotations

from pathlib import Path

from reader.gazette.parser import parse
from reader.sources import read_source

GAZETTE = """
石门县人民政府公报
（双月刊）
2022年第三期
（总第40期）
目  录
【县政府文件】
石门县人民政府关于做好防汛工作的通知
石政发〔2022〕9号
(1)
石门县人民政府关于公布第二批县级文物保护单位的公告
(3)
— 1 —
主编：某某
石门县人民政府文件
石政发〔2022〕9号
石门县人民政府
关于做好防汛工作的通知
各乡镇人民政府，县直各部门：
为做好今年防汛工作，现将有关事项通知如下。
一、压实责任
各乡镇要落实防汛责任制。
石门县人民政府
2022年5月6日
【县政府文件】
石门县人民政府关于公布第二批县级文物保护单位的公告
经县人民政府同意，现将第二批县级文物保护单位予以公布。
石门县人民政府
2022年6月1日
— 2 —
"""


def _parse(tmp_path: Path, text: str):
    path = tmp_path / "issue.txt"
    path.write_text(text, encoding="utf-8")
    return parse(read_source(path))


def test_front_matter_with_chinese_numerals_and_frequency(tmp_path):
    issue = _parse(tmp_path, GAZETTE)
    assert (issue.gazette, issue.publisher, issue.year, issue.issue, issue.total_issue, issue.frequency) == (
        "石门县人民政府公报", "石门县人民政府", 2022, 3, 40, "双月刊")


def test_red_header_banner_then_number_then_title(tmp_path):
    issue = _parse(tmp_path, GAZETTE)
    first = issue.documents[0]
    assert first.title == "石门县人民政府关于做好防汛工作的通知"
    assert first.doc_number == "石政发〔2022〕9号"
    assert first.recipients == "各乡镇人民政府，县直各部门："
    assert (first.issuer, first.date) == ("石门县人民政府", "2022-05-06")
    assert "石门县人民政府文件" not in first.text


def test_announcement_without_number_and_section_header_in_body(tmp_path):
    issue = _parse(tmp_path, GAZETTE)
    assert [d.title for d in issue.documents] == [
        "石门县人民政府关于做好防汛工作的通知", "石门县人民政府关于公布第二批县级文物保护单位的公告"]
    notice = issue.documents[1]
    assert notice.doc_number is None and notice.in_toc and notice.date == "2022-06-01"
    assert all("— 2 —" not in d.text and "【县政府文件】" not in d.text for d in issue.documents)
    assert [(t.title, t.page) for t in issue.toc] == [
        ("石门县人民政府关于做好防汛工作的通知", 1), ("石门县人民政府关于公布第二批县级文物保护单位的公告", 3)]


def test_a_doc_number_broken_over_two_lines(tmp_path):
    text = GAZETTE.replace("石门县人民政府文件\n石政发〔2022〕9号", "石门县人民政府文件\n石政发〔2022〕\n9号")
    issue = _parse(tmp_path, text)
    assert issue.documents[0].doc_number == "石政发〔2022〕9号"
    assert issue.documents[0].title == "石门县人民政府关于做好防汛工作的通知"


def test_a_doc_number_broken_before_its_bracket(tmp_path):
    text = GAZETTE.replace("石门县人民政府文件\n石政发〔2022〕9号", "石门县人民政府文件\n石政发\n〔2022〕9号")
    assert _parse(tmp_path, text).documents[0].doc_number == "石政发〔2022〕9号"


def test_a_numbered_item_broken_after_its_first_sentence_stays_one_item():
    """22.加强…治理。做好各类 / 突发事件… : the converter broke the item; a line holding a full stop is no heading."""
    from reader.gazette.reflow import reflow
    from reader.models import Line

    lines = [Line("22.加强社会应急状态下的依法治理。做好各类"), Line("突发事件应急法律法规经常性宣传教育。"),
             Line("（五）着力提高普法针对性和实效性"), Line("把创新作为全民普法工作第一动力。")]
    blocks = reflow(lines)
    assert [(b.kind, b.text) for b in blocks] == [
        ("item", "22.加强社会应急状态下的依法治理。做好各类突发事件应急法律法规经常性宣传教育。"),
        ("heading", "（五）着力提高普法针对性和实效性"), ("para", "把创新作为全民普法工作第一动力。")]


def test_an_attached_documents_title_is_one_centred_block_however_it_was_printed():
    """After 此件公开发布, the 方案's title printed at 16 pt over two lines, then its 12 pt body; in a text export the
    member list of a 领导小组 after a 附件 heading is no title continuation."""
    from reader.gazette.reflow import reflow
    from reader.models import Line

    pdf = [Line("（此件公开发布）", size=12, indent=True, short=True),
           Line("中卫市落实《宁夏回族自治区关于贯彻落实〈计量发展规划", size=16, bold=True, indent=True, short=False),
           Line("(2021-2035年)〉的实施意见》工作方案", size=16, bold=True, centered=True, indent=True, short=True),
           Line("为认真贯彻落实有关实施意见，进一步夯实计量基础，充分发挥计量在", size=12, indent=True, short=False),
           Line("保障民生中的作用，制定本方案。", size=12, indent=False, short=True)]
    assert [(b.kind, b.text) for b in reflow(pdf)] == [
        ("note", "（此件公开发布）"),
        ("subtitle", "中卫市落实《宁夏回族自治区关于贯彻落实〈计量发展规划(2021-2035年)〉的实施意见》工作方案"),
        ("para", "为认真贯彻落实有关实施意见，进一步夯实计量基础，充分发挥计量在保障民生中的作用，制定本方案。")]
    text = [Line("附件"), Line("青城市工作领导小组"), Line("组长：张三 市长"), Line("副组长：李四 副市长")]
    blocks = reflow(text)
    assert [(b.kind, b.text) for b in blocks[:2]] == [("attachment", "附件"), ("subtitle", "青城市工作领导小组")]
    assert [b.text for b in blocks[2:]] == ["组长：张三市长", "副组长：李四副市长"]
    assert "subtitle" not in {b.kind for b in blocks[2:]}
