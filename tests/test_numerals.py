"""Numbers, dates and issue labels in Arabic and Chinese numerals (reader/gazette/numerals.py), and what the
importer reads with them: the issue's year, number, total and published date, documents' issuers and dates
signed, printed under the title or in an approval line, and page marks merged into lines of a text export."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gazette.numerals import DATE_LINE, IssueLabel, cn_number, iso_date, issue_label
from reader.gazette.parser import parse
from reader.sources import read_source
from reader.sources.pagenum import page_marks


@pytest.mark.parametrize("text,want", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("一百零五", 105), ("一百二十", 120),
    ("两百", 200), ("一九五四", 1954), ("二〇二三", 2023), ("二○二三", 2023), ("二O二三", 2023), ("二零二三", 2023),
    ("928", 928), ("１２", 12), ("第一", None), ("", None),
])
def test_numbers(text, want):
    assert cn_number(text) == want


@pytest.mark.parametrize("text,year,want", [
    ("一九五四年十月十二日", None, "1954-10-12"),
    ("二〇二三年三月一日", None, "2023-03-01"),
    ("二○二三年三月一日", None, "2023-03-01"),
    ("二O二三年十二月三十一日", None, "2023-12-31"),
    ("二零二三年三月一日", None, "2023-03-01"),
    ("一九五四年九月二十日第一届全国人民代表大会第一次会议通过", None, "1954-09-20"),
    ("（1999年1月8日）", None, "1999-01-08"),
    ("１９９９年１月８日", None, "1999-01-08"),
    ("2024年3月5日", None, "2024-03-05"),
    ("十月十六日", 1954, "1954-10-16"),
    ("十月十六日", None, None),
    ("2023年13月1日", None, None),
    ("退休工资从2023年5月起执行", None, None),
])
def test_dates(text, year, want):
    assert iso_date(text, year) == want


@pytest.mark.parametrize("text,want", [
    ("一九五四年十月十二日", True), ("十月十六日", True), ("1999年1月8日", True), ("二〇二三年 三月 一日", True),
    ("（1999年1月8日）", False), ("一九五四年十月二十三日内务部制定", False), ("一九五四年十月十二日于北京", True),
    ("一九五四年十月十二目", True), ("一九五四年十月十二曰", True), ("二〇二三年三月", False), ("3月5日", False),
])
def test_date_lines(text, want):
    assert bool(DATE_LINE.match(text)) is want


@pytest.mark.parametrize("text,want", [
    ("一九五四年第一号（总第一号）", IssueLabel(1954, 1, 1)),
    ("1月29日 1999年 第1号 （总号：928）", IssueLabel(1999, 1, 928, "1999-01-29")),
    ("2021年 第4期\n（总第18期）", IssueLabel(2021, 4, 18)),
    ("2022年第十二期", IssueLabel(2022, 12)),
    ("二〇二三年第3期（总第一百二十期）", IssueLabel(2023, 3, 120)),
    ("一九五五年三月一日出版", IssueLabel(published="1955-03-01")),
    ("出版日期：1999年1月29日", IssueLabel(published="1999-01-29")),
    ("1999年1月29日 第1号（总号 928）", IssueLabel(1999, 1, 928, "1999-01-29")),
    ("一九五四年第一号\n总 1 号", IssueLabel(1954, 1, 1)),
    ("2024年第3期\n2024年6月28日出版", IssueLabel(2024, 3, None, "2024-06-28")),
])
def test_issue_labels(text, want):
    assert issue_label(text) == want


@pytest.mark.parametrize("text,clean,marks", [
    ("准备农具，—1— 并组织互助组", "准备农具，并组织互助组", ((5, 1),)),
    ("文字 — 2 — 后面", "文字后面", ((2, 2),)),
    ("完毕。· 3 ·", "完毕。", ((3, 3),)),
    ("完毕。-12-", "完毕。", ((3, 12),)),
    ("—1 —", "", ((0, 1),)),
    ("2023-12-01起", "2023-12-01起", ()),
    ("（2021—2025年）", "（2021—2025年）", ()),
])
def test_page_marks_leave_the_text(text, clean, marks):
    found = page_marks(text)
    assert (found.text, found.marks) == (clean, marks)


NATIONAL = """禾川县人民公报
一九五四年第三号（总第十三号）
目  录
禾川县人民委员会关于春耕生产的指示……………………（1）
禾川县农业生产合作社示范章程……………………（2）
禾川县水利工程管理暂行办法……………………（3）
禾川县人民委员会关于整顿集市贸易的通知……………………（4）
编辑出版：禾川县人民委员会办公室
禾川县人民委员会关于春耕生产的指示
各乡人民委员会：
今年春耕生产时间紧，任务重，各乡必须抓紧准备种子、肥料和农具，—1— 并组织互助组做好人力安排。
禾川县人民委员会
二月二十日
禾川县农业生产合作社示范章程
（一九五四年二月十日禾川县第一届人民代表大会第二次会议通过）
第一条 本章程适用于全县农业生产合作社。
第二条 社员入社自愿，退社自由。
· 2 ·
禾川县水利工程管理暂行办法
第一条 为管好水利工程，制定本办法。
第二条 各乡负责本乡水利工程的养护。
一九五四年二月二十五日禾川县人民委员会批准
-3-
禾川县人民委员会关于整顿集市贸易的通知
（禾川县人民委员会一九五四年二月二十八日）
各乡人民委员会：
为活跃城乡物资交流，现就整顿集市贸易通知如下。
编辑出版：禾川县人民委员会办公室
一九五四年三月一日出版
"""


@pytest.fixture()
def national(tmp_path: Path):
    path = tmp_path / "1954-3.txt"
    path.write_text(NATIONAL, encoding="utf-8")
    return parse(read_source(path))


def test_a_national_gazette_issue_label_in_chinese_numerals(national):
    assert (national.year, national.issue, national.total_issue, national.published) == (1954, 3, 13, "1954-03-01")


def test_issuer_and_date_signed_under_the_title_or_approved(national):
    got = [(d.title, d.issuer, d.date) for d in national.documents]
    assert got == [
        ("禾川县人民委员会关于春耕生产的指示", "禾川县人民委员会", "1954-02-20"),  # 二月二十日: the issue's year
        ("禾川县农业生产合作社示范章程", "禾川县第一届人民代表大会第二次会议", "1954-02-10"),
        ("禾川县水利工程管理暂行办法", "禾川县人民委员会", "1954-02-25"),
        ("禾川县人民委员会关于整顿集市贸易的通知", "禾川县人民委员会", "1954-02-28"),
    ]


def test_the_bracket_under_a_title_is_shown_under_it_not_read_as_recipients(national):
    doc = national.documents[3]
    assert [(b.kind, b.text) for b in doc.blocks[:3]] == [
        ("title", "禾川县人民委员会关于整顿集市贸易的通知"),
        ("subtitle", "（禾川县人民委员会一九五四年二月二十八日）"),
        ("recipients", "各乡人民委员会："),
    ]


def test_page_marks_merged_into_lines_leave_the_text_and_give_printed_pages(national):
    assert [d.printed_pages for d in national.documents] == [(1, 2), (2, 2), (3, 3), (4, 4)]
    first = national.documents[0].text
    assert "农具，并组织互助组" in first and "—1—" not in first
    assert [t.document_index for t in national.toc] == [0, 1, 2, 3]


def test_validity_clauses_in_chinese_numerals():
    from reader.gazette.clauses import clauses

    found = clauses("本办法自一九五五年一月一日起施行，有效期至一九五七年十二月三十一日。", None)
    assert (found.effective, found.expires) == ("1955-01-01", "1957-12-31")


def test_an_approval_line_at_the_end_broken_over_two_lines(tmp_path):
    text = NATIONAL.replace("一九五四年二月二十五日禾川县人民委员会批准", "一九五四年二月二十五日禾川县人民\n委员会批准")
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse(read_source(path)).documents[2]
    assert (doc.title, doc.issuer, doc.date) == ("禾川县水利工程管理暂行办法", "禾川县人民委员会", "1954-02-25")


def test_a_page_number_read_by_ocr_with_its_dashes_as_yi():
    from reader.sources.pagenum import page_number

    assert [page_number(t) for t in ("一3一", "一 12 一", "— 3 —", "统一", "一一")] == [3, 12, 3, None, None]


def test_the_label_on_the_contents_page_when_the_cover_has_none(tmp_path):
    """The 1999 gazette prints its label beside the 目录 heading, not on a cover of its own."""
    text = NATIONAL.replace("一九五四年第三号（总第十三号）\n目  录\n", "目  录\n1月29日 1954年 第3号 （总号：13）\n")
    path = tmp_path / "label-in-toc.txt"
    path.write_text(text, encoding="utf-8")
    issue = parse(read_source(path))
    assert (issue.year, issue.issue, issue.total_issue, issue.published) == (1954, 3, 13, "1954-01-29")


@pytest.mark.parametrize("text,want", [
    ("国家经贸委一九九八年十二月十八日", ("国家经贸委", "1998-12-18")),
    ("1999年1月8日", (None, "1999-01-08")),
    ("一九五四年九月二十日第一届全国人民代表大会第一次会议通过", ("第一届全国人民代表大会第一次会议", "1954-09-20")),
    ("一九五四年十月二十三日内务部制定", ("内务部", "1954-10-23")),
    ("1991年3月4日中华人民共和国国务院令第76号发布　2018年9月6日国务院第23次常务会议修订通过",
     ("中华人民共和国国务院", "1991-03-04")),
    ("自2023年7月1日起施行", None),
    ("2023年7月1日印发", None),
    ("各县人民政府，2023年7月1日", None),
])
def test_issuer_and_date_lines(text, want):
    from reader.gazette.dateline import read_dated

    assert read_dated(text) == want


def test_a_date_without_year_after_the_issue_was_published_is_of_the_year_before(tmp_path):
    """十二月二十日 signed in an issue of 1955 published on 1955-01-15 is 1954-12-20, not a date to come."""
    text = NATIONAL.replace("一九五四年第三号（总第十三号）", "一九五五年第一号（总第十一号）") \
        .replace("二月二十日", "十二月二十日").replace("一九五四年三月一日出版", "一九五五年一月十五日出版")
    path = tmp_path / "january.txt"
    path.write_text(text, encoding="utf-8")
    issue = parse(read_source(path))
    assert (issue.year, issue.published) == (1955, "1955-01-15")
    assert issue.documents[0].date == "1954-12-20"


def test_a_spaced_dash_page_number_is_no_list_mark(tmp_path):
    """- 3 - on a line of its own ends printed page 3: the dash before it is not a Markdown list mark."""
    path = tmp_path / "spaced.txt"
    path.write_text(NATIONAL.replace("\n-3-\n", "\n- 3 -\n"), encoding="utf-8")
    issue = parse(read_source(path))
    assert [d.printed_pages for d in issue.documents] == [(1, 2), (2, 2), (3, 3), (4, 4)]
    assert "3 -" not in issue.documents[2].text
