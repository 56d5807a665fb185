"""Personnel decisions (人事任免): each form from text, the shared truth, fictional gazettes printed as PDFs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.gazette.people import decisions
from tests.conftest import compact, load_json
from tests.people_prints import ISSUES, build_home, truth

TITLE = "关于张三等同志职务任免的通知"


def read(text: str, title: str = TITLE) -> list[tuple[str, str, str | None]]:
    """(person, action, post) of the decisions a text holds."""
    return [(d.person, d.action.value, d.post) for d in decisions(text, title)]


def test_name_then_verb_with_and_without_tongzhi():
    assert read("张三任市科学技术局副局长；\n李四同志任市财政局局长。") == [
        ("张三", "appoint", "市科学技术局副局长"), ("李四", "appoint", "市财政局局长")]


def test_pinren_is_an_appointment_noted_as_such():
    found = decisions("刘志成聘任峡口镇综治中心主任；\n钱二聘任为市农业科学研究院院长。", TITLE)
    assert [(d.person, d.action.value, d.post, d.note) for d in found] == [
        ("刘志成", "appoint", "峡口镇综治中心主任", "聘任"), ("钱二", "appoint", "市农业科学研究院院长", "聘任")]


def test_renming_with_two_posts_gives_two_records():
    assert read("任命张三为市审计局局长、市统计局局长。") == [
        ("张三", "appoint", "市审计局局长"), ("张三", "appoint", "市统计局局长")]


def test_appointment_then_removal_of_the_same_person():
    assert read("张三任市公安局副局长，免去其城关派出所所长职务；\n何炜任市公安局副局长，免去市公安局城关派出所所长职务。") == [
        ("张三", "appoint", "市公安局副局长"), ("张三", "remove", "城关派出所所长"),
        ("何炜", "appoint", "市公安局副局长"), ("何炜", "remove", "市公安局城关派出所所长")]


def test_removal_of_several_people_from_one_post():
    assert read("免去张三、李四的市商务局副局长职务。") == [
        ("张三", "remove", "市商务局副局长"), ("李四", "remove", "市商务局副局长")]


def test_a_name_running_into_its_post_is_cut_by_the_grammar():
    assert read("免去任博文市自然资源局副局长职务；\n免去张宁市商务和投资促进局副局长职务；\n"
                "免去郭恒斌裕民街道办事处主任职务。") == [
        ("任博文", "remove", "市自然资源局副局长"), ("张宁", "remove", "市商务和投资促进局副局长"),
        ("郭恒斌", "remove", "裕民街道办事处主任")]
    # no 市 of its own: the place name the post begins with
    assert read("免去张宁银川市交通运输局副局长职务；\n免去李建存中卫市交通运输局副局长职务。") == [
        ("张宁", "remove", "银川市交通运输局副局长"), ("李建存", "remove", "中卫市交通运输局副局长")]


def test_secondments_nominations_and_retirement():
    found = decisions("褚八挂任市发展和改革委员会副主任，挂职期为1年；\n卫九同志任市应急管理局副局长（挂职）；\n"
                      "蒋十同志提名为市工商业联合会主席人选；\n免去沈国强同志市教育局局长职务，退休。", TITLE)
    assert [(d.person, d.action.value, d.post, d.note) for d in found] == [
        ("褚八", "second", "市发展和改革委员会副主任", "挂职期为1年"),
        ("卫九", "second", "市应急管理局副局长", "（挂职）"),
        ("蒋十", "nominate", "市工商业联合会主席", "提名为…人选"),
        ("沈国强", "remove", "市教育局局长", "退休")]


def test_grade_in_brackets_is_a_note_and_the_organ_is_the_post_without_its_title():
    (d,) = decisions("陈志宏同志任市人民医院院长（正处级）。", TITLE)
    assert (d.post, d.organ, d.note) == ("市人民医院院长", "市人民医院", "（正处级）")


def test_grouped_trial_period_gives_one_record_per_person_without_post():
    text = ("魏伟任市人民政府办公室副主任；\n马建帮任市发展和改革委员会副局长。\n"
            "根据有关规定，魏伟、马建帮2名同志任职试用期一年，自本任命之日起计算。")
    assert read(text)[2:] == [("魏伟", "trial", None), ("马建帮", "trial", None)]


def test_trial_ended_for_a_group_named_by_its_first_member_covers_those_appointed():
    text = ("田娜等2名同志任职试用期已满，经组织考察，市人民政府决定：\n田娜任市发展和改革委员会副主任；\n"
            "李靖宇任市教育局副局长（挂职）；\n张继鹏任市财政局副局长。")
    assert read(text)[3:] == [("田娜", "trial_ends", None), ("张继鹏", "trial_ends", None)]


def test_national_heading_lists_without_verbs_in_the_heading():
    text = ("全国人民代表大会常务委员会任免名单\n一、免去宋明的中华人民共和国驻甲国特命全权大使职务；\n"
            "二、任命林海、高山为全国人民代表大会常务委员会副秘书长。")
    found = decisions(text, "全国人民代表大会常务委员会任免名单")
    assert [(d.person, d.action.value, d.post) for d in found] == [
        ("宋明", "remove", "中华人民共和国驻甲国特命全权大使"),
        ("林海", "appoint", "全国人民代表大会常务委员会副秘书长"),
        ("高山", "appoint", "全国人民代表大会常务委员会副秘书长")]
    assert {d.decided_by for d in found} == {"全国人民代表大会常务委员会"}


def test_a_heading_list_inside_another_document_and_a_verb_carried_by_a_colon():
    text = ("国务院任免人员\n任命马文为教育部副部长\n免去黄河的教育部副部长职务\n国务院决定任命：\n刘一为外交部副部长；\n"
            "国务院决定免去：\n赵三的外交部副部长职务。")
    assert read(text, "国务院公报目录") == [
        ("马文", "appoint", "教育部副部长"), ("黄河", "remove", "教育部副部长"), ("刘一", "appoint", "外交部副部长"),
        ("赵三", "remove", "外交部副部长")]


def test_a_post_broken_over_two_lines_and_rare_characters_in_names():
    found = read("蔡磊同志任市云计算和大数据\n发展局副局长\n（挂职）；\n刘躜任市市场监督管理局所长；\n陈𠮷祥任市地方志办公室主任；\n"
                 "阿依古丽·买买提任市民族宗教事务局副局长。")
    assert found == [("蔡磊", "second", "市云计算和大数据发展局副局长"), ("刘躜", "appoint", "市市场监督管理局所长"),
                     ("陈𠮷祥", "appoint", "市地方志办公室主任"), ("阿依古丽·买买提", "appoint", "市民族宗教事务局副局长")]


def test_more_wordings_of_other_cities_and_eras():
    assert read("兹任命张三为市水务局局长。\n现任命李四为市统计局副局长。\n经研究，同意王五同志辞去市政协副主席职务。") == [
        ("张三", "appoint", "市水务局局长"), ("李四", "appoint", "市统计局副局长"), ("王五", "remove", "市政协副主席")]
    assert read("张三、李四同志分别任市教育局局长、市民政局局长。\n任命赵一、钱二分别为市审计局局长、市统计局局长。") == [
        ("张三", "appoint", "市教育局局长"), ("李四", "appoint", "市民政局局长"),
        ("赵一", "appoint", "市审计局局长"), ("钱二", "appoint", "市统计局局长")]
    found = decisions("赵六同志任市审计局副局长（试用期一年，自2024年1月起计算）；\n"
                      "免去孙七同志的市财政局局长职务（另有任用）。\n周八同志试用期满，经考核合格，正式任职。", TITLE)
    assert [(d.person, d.action.value, d.post, d.note) for d in found] == [
        ("赵六", "appoint", "市审计局副局长", "（试用期一年，自2024年1月起计算）"),
        ("赵六", "trial", None, "试用期一年，自2024年1月起计算"),
        ("孙七", "remove", "市财政局局长", "（另有任用）"),
        ("周八", "trial_ends", None, "试用期满，经考核合格，正式任职")]


def test_candidates_concurrent_posts_and_the_end_of_a_colon_list():
    assert read("提名张三为市长候选人。\n免去李四兼任的市政府办公室主任职务。\n免去王五同志的市教育局局长、党组书记职务。") == [
        ("张三", "nominate", "市长"), ("李四", "remove", "市政府办公室主任"), ("王五", "remove", "市教育局局长"),
        ("王五", "remove", "党组书记")]
    # 任命： carries its verb down its list only: a later sentence with 为 appoints nobody
    assert read("国务院决定任命：\n刘一为外交部副部长；\n各部门要认真做好工作交接。\n联系人为张三秘书长。") == [
        ("刘一", "appoint", "外交部副部长")]


def test_heading_variants_secondment_periods_hiring_and_ranks():
    found = decisions("国务院任免的工作人员名单\n任命习仲勋为国务院秘书长。", "国务院公报")
    assert [(d.person, d.action.value, d.post, d.decided_by) for d in found] == [
        ("习仲勋", "appoint", "国务院秘书长", "国务院")]
    assert read("免去张三所兼的市政府办公室主任职务。\n李四同志任市商务局副局长，挂职时间一年。\n聘用赵六为市政府参事。") == [
        ("张三", "remove", "市政府办公室主任"), ("李四", "second", "市商务局副局长"), ("赵六", "appoint", "市政府参事")]
    assert read("王五晋升为一级主任科员。", "关于王五等同志职级晋升的通知") == [("王五", "appoint", "一级主任科员")]
    assert read("王强同志任市审计局副局长，任职试用期一年。") == [("王强", "appoint", "市审计局副局长"), ("王强", "trial", None)]


def test_the_span_of_a_decision_is_its_clause_in_the_text():
    text = "市人民政府决定：\n魏伟任市人民政府办公室副主任；\n丁澜进任市粮食和\n物资储备局局长。"
    spans = [text[d.start:d.end] for d in decisions(text, TITLE)]
    assert spans == ["魏伟任市人民政府办公室副主任", "丁澜进任市粮食和\n物资储备局局长"]


def test_leading_groups_work_divisions_signatures_and_mentions_are_not_decisions():
    assert read("组长：张三（市长）\n副组长：李四（副市长）\n王大山市长：主持市政府全面工作。\n"
                "张三同志任职期间表现优秀。\n青铜峡市人民政府\n2023年1月6日") == []
    assert read("秦岭，男，1980年5月生，现任市财政局副局长，拟任市财政局局长。", "关于干部任前公示的公告") == []
    assert read("魏伟任市人民政府办公室副主任。", "关于做好春季防火工作的通知") == []


def score(found: Counter, expected: Counter) -> tuple[float, float]:
    """(precision, recall) of found records against expected ones."""
    right = sum((found & expected).values())
    return right / max(1, sum(found.values())), right / max(1, sum(expected.values()))


def test_shared_gazettes_score_against_the_hand_checked_truth(shared, tmp_path):
    expected: Counter = Counter()
    for f in sorted((shared / "truth" / "people").glob("*.json")):
        expected.update((compact(r["doc_number"]), r["person"], r["action"], compact(r["post"]))
                        for r in load_json(f)["decisions"])
    with Archive(tmp_path / "home") as archive:
        for name in ("000_2237ef091f7feed5", "001_bba10d236d594724", "003_2d9d92cc5e93bbdd"):
            assert archive.import_file(shared / "pdfs" / f"{name}.pdf").ok
        found = Counter((compact(r.doc_number), r.person, r.action, compact(r.post))
                        for r in archive.people_records())
    precision, recall = score(found, expected)
    print(f"shared people: {sum(expected.values())} expected, {sum(found.values())} found, "
          f"precision {precision:.3f}, recall {recall:.3f}")
    assert sum(expected.values()) == 129
    assert precision >= 0.95 and recall >= 0.95


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """A data home holding the fictional city and national gazettes, printed as PDFs and imported."""
    return build_home(tmp_path_factory.mktemp("people"))


def test_printed_gazettes_with_the_forms_the_shared_ones_lack(printed):
    expected = Counter((compact(t), p, a, compact(post)) for *_, docs in ISSUES for t, p, a, post in truth(docs))
    with Archive(printed) as archive:
        found = Counter((compact(r.title), r.person, r.action, compact(r.post)) for r in archive.people_records())
    precision, recall = score(found, expected)
    print(f"printed people: {sum(expected.values())} expected, {sum(found.values())} found, "
          f"precision {precision:.3f}, recall {recall:.3f}")
    assert found == expected


def test_reindex_rebuilds_the_same_records_and_a_reimport_keeps_them(printed, tmp_path):
    with Archive(printed) as archive:
        before = [r.to_json() for r in archive.people_records()]
        archive.db.execute("DELETE FROM people")
        assert archive.people_records() == []
        archive.reindex()
        assert [r.to_json() for r in archive.people_records()] == before
        national = archive.people_records(post="外交部副部长")
        assert [(r.person, r.action, r.decided_by, r.date) for r in national] == [
            ("刘一", "appoint", "国务院", "1999-05-08"), ("赵三", "remove", "国务院", "1999-05-08")]


def test_cli_people_timeline_post_json_csv_and_export_json(printed, tmp_path, capsys):
    from reader.cli import main

    assert main(["--data-dir", str(printed), "people", "李四海"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "李四海"
    assert [line.split()[:3] for line in out[1:]] == [
        ["2024-03-15", "任命", "市财政局副局长"], ["2024-03-15", "免去", "市税务服务中心主任"],
        ["2024-03-15", "试用期", "—"]]
    assert main(["--data-dir", str(printed), "people", "--post", "驻甲国特命全权大使", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["person"], r["action"]) for r in records] == [("宋明", "remove"), ("欧阳晓东", "appoint")]
    assert list(records[0]) == ["person", "action", "post", "organ", "note", "decided_by", "date", "doc_number",
                                "document_id"]
    assert records[0]["decided_by"] == "全国人民代表大会常务委员会" and records[0]["date"] == "1999-04-29"
    target = tmp_path / "people.csv"
    assert main(["--data-dir", str(printed), "people", "赵一鸣", "--csv", "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"written: {target} (2 records)\n"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0] == "person,action,post,organ,note,decided_by,date,doc_number,document_id"
    assert rows[1].startswith("赵一鸣,appoint,市科学技术局副局长,市科学技术局,,云岭市人民政府,2024-03-15,云政干发〔2024〕7号,")
    assert main(["--data-dir", str(printed), "people", "无此人"]) == 0
    assert capsys.readouterr().out.startswith("No personnel decisions found for name 无此人.")
    with Archive(printed) as archive:
        exported = archive.export()
    docs = {d["title"]: d for i in exported["issues"] for d in i["documents"]}
    assert [p["person"] for p in docs["国务院任免人员"]["people"]] == ["马文", "黄河", "张长江", "李淮", "陈平", "周安"]
    assert docs["云岭市人民政府关于市长副市长工作分工的通知"]["people"] == []


def test_search_by_person_finds_the_decisions_and_marks_the_name_across_a_line_break(printed):
    with Archive(printed) as archive:
        result = archive.search("人物:王殿锁")
        assert [h.title for h in result.hits] == ["云岭市人民政府关于赵一鸣等同志职务任免的通知"]
        text = archive.document(result.hits[0].document_id).text
        assert [text[s:e] for s, e in result.hits[0].positions] == ["王殿\n锁"]
        assert [h.title for h in archive.search("王殿锁").hits] == ["云岭市人民政府关于赵一鸣等同志职务任免的通知"]
        assert [h.title for h in archive.search("person:欧阳晓东").hits] == ["全国人民代表大会常务委员会任免名单"]
        # 赵一鸣 is named in the leading group too, but only the decision answers 人物:
        assert [h.title for h in archive.search("人物:赵一鸣").hits] == ["云岭市人民政府关于赵一鸣等同志职务任免的通知"]
        assert archive.search("人物:无此人").hits == []


def test_an_archive_from_schema_7_gains_its_people_and_a_deletion_drops_them(shared, tmp_path):
    import sqlite3

    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(shared / "pdfs" / "003_2d9d92cc5e93bbdd.pdf").ok
        assert archive.import_file(shared / "pdfs" / "000_2237ef091f7feed5.pdf").ok
        before = [r.to_json() for r in archive.people_records()]
    con = sqlite3.connect(home / "archive.db")
    con.execute("DROP TABLE people")  # the archive as schema 7 left it
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    with Archive(home) as archive:
        assert [r.to_json() for r in archive.people_records()] == before
        assert len(before) == 129
        issue = next(i.id for i in archive.issues() if i.year == 2023 and i.issue == 3)
        archive.delete_issue(issue)
        assert {r.doc_number[:2] for r in archive.people_records()} == {"青政"}
        assert archive.people_lookup("王慧琴") == ([], False)


def test_a_decision_under_another_title_and_a_law_that_only_speaks_of_appointing():
    text = ("中华人民共和国主席令\n根据中华人民共和国第一届全国人民代表大会第一次会议的决定：\n"
            "任命周恩来为中华人民共和国国务院总理。\n主席 毛泽东\n一九五四年九月二十七日")
    assert read(text, "中华人民共和国主席令") == [("周恩来", "appoint", "中华人民共和国国务院总理")]
    found = decisions("国务院第二次全体会议通过的任免事项\n任命陈云、林彪为国务院副总理。", "国务院公报")
    assert [(d.person, d.decided_by) for d in found] == [("陈云", "国务院"), ("林彪", "国务院")]
    assert read("副院长由院长提请本级人民代表大会常务委员会任命。审判员由院长任免。", "中华人民共和国人民法院组织法") == []


def test_people_from_an_office_pack_and_from_a_pack_older_than_the_people_table(printed, tmp_path, capsys):
    import sqlite3

    from reader.cli import main

    pack = tmp_path / "pack"
    with Archive(printed) as archive:
        archive.build_pack(pack)
    home = str(tmp_path / "home")
    assert main(["--data-dir", home, "--pack", str(pack), "people", "李四海"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "李四海"
    con = sqlite3.connect(pack / "archive.db")  # a pack written before schema 8: read-only, never migrated
    con.execute("DROP TABLE people")
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    assert main(["--data-dir", home, "--pack", str(pack), "people", "李四海"]) == 0
    assert capsys.readouterr().out.startswith("No personnel decisions found for name 李四海.")
