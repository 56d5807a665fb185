"""Validity and citations computed from the archive: clauses, decisions, citations, order, deletion, search."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from reader.archive import Archive, State
from reader.gazette.citations import Action, cited_numbers, cited_titles, decision_actions
from reader.gazette.clauses import clauses

OLD_ISSUE = """禾川市人民政府公报
2015年 第 3 期
(总第 3 期)

目 录

【市政府文件】

禾川市人民政府关于印发《禾川市城区停车管理办法》的通知 禾政发〔2015〕21号\t(1)

禾川市人民政府办公室关于加强农贸市场管理的通知 禾政办发〔2016〕9号\t(3)

禾川市人民政府办公室关于开展城区停车秩序整治的通知 禾政办发〔2016〕30号\t(4)

主 编：李禾

地 址：禾川市人民路1号

禾川市人民政府 关于印发《禾川市城区停车管理办法》的通知

禾政发〔2015〕21号

各乡镇人民政府，市政府各部门：

现将《禾川市城区停车管理办法》印发给你们，请认真贯彻执行。

禾川市城区停车管理办法

第一条 为规范城区停车秩序，制定本办法。

第二条 本办法自2015年6月1日起施行，有效期五年。

禾川市人民政府
2015年5月20日

禾川市人民政府办公室关于加强农贸市场管理的通知

禾政办发〔2016〕9号

各乡镇人民政府，市政府各部门：

为加强农贸市场管理，现就有关事项通知如下。本通知自印发之日起施行。

禾川市人民政府办公室
2016年2月3日

禾川市人民政府办公室关于开展城区停车秩序整治的通知

禾政办发〔2016〕30号

各乡镇人民政府，市政府各部门：

根据《禾川市人民政府关于印发〈禾川市城区停车管理办法〉的通知》（禾政发[２０１５]２１号）和《禾川市城区停车管理办法》，现就开展城区停车秩序整治通知如下。

禾川市人民政府办公室
2016年8月1日
"""


@pytest.fixture()
def old_issue(tmp_path: Path) -> Path:
    path = tmp_path / "heshuan-2015-03.txt"
    path.write_text(OLD_ISSUE, encoding="utf-8")
    return path


def _ids(archive: Archive) -> dict[str, str]:
    return {d.doc_number_canonical: d.id for i in archive.issues() for d in archive.documents(i.id)
            if d.doc_number_canonical}


@pytest.mark.parametrize("text,doc_date,want", [
    ("第二条 本办法自2023年7月1日起施行，有效期至2028年6月30日。", "2023-05-01", ("2023-07-01", "2028-06-30")),
    ("本意见自印发之日起施行，有效期至2025年12月31日。", "2023-03-05", ("2023-03-05", "2025-12-31")),
    ("本指导意见自公布之日起实施，有效期两年。", "2023-03-05", ("2023-03-05", "2025-03-04")),
    ("本规则自公布之日起执行。", "2021-06-01", ("2021-06-01", None)),
    ("本决定自公布之日起实施。", "2023-01-10", ("2023-01-10", None)),
    ("本方案自2024年1月1日起施行，有效期3年。", "2023-12-01", ("2024-01-01", "2026-12-31")),
    ("本办法自２０２４年１月１日起施行，有效期6个月。", None, ("2024-01-01", "2024-06-30")),
    ("退休工资从2023年5月起执行。", "2023-01-01", (None, None)),
    ("各单位要显著标识有效性或有效期。", "2023-01-01", (None, None)),
])
def test_effective_and_expiry_clauses(text, doc_date, want):
    found = clauses(text, doc_date)
    assert (found.effective, found.expires) == want


def test_citations_in_any_bracket_style_and_by_title():
    text = "根据《关于加强管理的通知》（宁政办发[2019]24号）和宁政发（２０２０）３号，参照《禾川市城区停车管理办法》执行。"
    assert [(c.canonical, c.title) for c in cited_numbers(text, own="禾政发〔2024〕1号")] == [
        ("宁政办发〔2019〕24号", "关于加强管理的通知"), ("宁政发〔2020〕3号", "")]
    assert [c.title for c in cited_titles(text)] == ["禾川市城区停车管理办法"]


def test_sentences_that_abolish():
    text = ("本办法自2023年7月1日起施行。原《青城市停车办法》（青政发〔2019〕1号）同时废止。"
            "《青城市占道办法》（青政办发〔2018〕7号）自本办法施行之日起废止。\n"
            "根据《关于废止部分文件的决定》（青政发〔2017〕2号）的要求，继续执行。")
    got = [(c.canonical, c.action) for c in decision_actions(text)]
    assert got == [("青政发〔2019〕1号", Action.ABOLISH), ("青政办发〔2018〕7号", Action.ABOLISH)]


def test_a_decision_abolishes_documents_in_either_import_order(sample, old_issue, tmp_path):
    results = []
    for order in ([old_issue, sample.pdf], [sample.pdf, old_issue]):
        home = tmp_path / f"home{len(results)}"
        with Archive(home) as archive:
            assert all(archive.import_file(p).ok for p in order)
            ids = _ids(archive)
            parking, market, later = ids["禾政发〔2015〕21号"], ids["禾政办发〔2016〕9号"], ids["禾政办发〔2016〕30号"]
            status = archive.status(parking)
            assert status.state is State.ABOLISHED and status.by.doc_number == "禾政规发〔2024〕1号"
            assert status.by.document_id == ids["禾政规发〔2024〕1号"] and status.by.date == "2024-03-18"
            assert status.by.mismatch is False and (status.effective, status.expires) == ("2015-06-01", "2020-05-31")
            # the decision lists another title for 禾政办发〔2016〕9号: the status holds, the mismatch is flagged
            flagged = archive.status(market)
            assert flagged.state is State.ABOLISHED and flagged.by.mismatch is True
            assert flagged.by.listed_title == "禾川市农贸市场管理暂行规定"
            # before the decision was made, the 2015 办法 was in force
            assert archive.status(parking, today=date(2018, 1, 1)).state is State.IN_FORCE
            assert archive.status(later).state is State.UNSTATED
            # citations: 禾政发[２０１５]２１号 in other brackets and full-width digits, and by 《title》
            links = archive.cites(later)
            assert [(c.doc_number, c.document_id) for c in links] == [("禾政发〔2015〕21号", parking),
                                                                      (None, parking)]
            assert archive.cited_by(parking) == [later, ids["禾政规发〔2024〕1号"]]
            results.append(json.dumps(archive.export(), sort_keys=True))
    assert results[0] == results[1]


def test_deleting_the_decision_restores_the_status(sample, old_issue, tmp_path):
    with Archive(tmp_path / "home") as archive:
        old = archive.import_file(old_issue).issue_id
        new = archive.import_file(sample.pdf).issue_id
        parking = _ids(archive)["禾政发〔2015〕21号"]
        assert archive.status(parking).state is State.ABOLISHED
        archive.delete_issue(new)
        restored = archive.status(parking, today=date(2026, 11, 25))
        assert restored.state is State.EXPIRED and restored.by is None  # 有效期五年 from 2015-06-01
        assert archive.ids_in({State.EXPIRED}, today=date(2026, 11, 25)) == {parking}
        archive.import_file(sample.pdf)
        archive.reindex()  # rebuilds the derived tables from the documents: same answers
        assert archive.status(parking).state is State.ABOLISHED
        assert old in {i.id for i in archive.issues()}


def test_export_json_and_show_carry_status_and_citations(sample, old_issue, tmp_path):
    import subprocess
    import sys

    home = tmp_path / "home"
    with Archive(home) as archive:
        archive.import_file(old_issue)
        archive.import_file(sample.pdf)
        ids = _ids(archive)
    data = json.loads(subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "export-json"],
                                     capture_output=True, text=True, check=True).stdout)
    docs = {d["doc_number_canonical"]: d for i in data["issues"] for d in i["documents"]}
    parking = docs["禾政发〔2015〕21号"]
    assert parking["status"] == "abolished" and parking["effective"] == "2015-06-01"
    assert parking["status_by"] == {"document_id": ids["禾政规发〔2024〕1号"], "doc_number": "禾政规发〔2024〕1号",
                                    "action": "废止", "date": "2024-03-18", "title_mismatch": False}
    assert [c["document_id"] for c in parking["cited_by"]] == [ids["禾政办发〔2016〕30号"], ids["禾政规发〔2024〕1号"]]
    decision = docs["禾政规发〔2024〕1号"]
    assert decision["status"] == "in_force" and decision["effective"] == "2024-03-18"
    assert [(c["doc_number"], c["document_id"]) for c in decision["cites"]] == [
        ("禾政发〔2015〕21号", ids["禾政发〔2015〕21号"]), ("禾政办发〔2016〕9号", ids["禾政办发〔2016〕9号"])]
    shown = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "show", parking["id"]],
                           capture_output=True, text=True, check=True).stdout
    assert "状态: 已废止（禾政规发〔2024〕1号，2024-03-18）" in shown and "被引用: 2" in shown


def test_status_filter_and_in_force_only(sample, old_issue, tmp_path):
    with Archive(tmp_path / "home") as archive:
        archive.import_file(old_issue)
        archive.import_file(sample.pdf)
        ids = _ids(archive)
        abolished = archive.search("状态:废止 停车")
        assert [h.document_id for h in abolished.hits] == [ids["禾政发〔2015〕21号"]]
        english = archive.search("停车 status:abolished")
        assert english.total == 1
        everything = {h.document_id for h in archive.search("禾川市", limit=50).hits}
        current = {h.document_id for h in archive.search("禾川市", limit=50, in_force_only=True).hits}
        assert everything - current == {ids["禾政发〔2015〕21号"], ids["禾政办发〔2016〕9号"]}


def test_the_shared_decision_lists_63_documents_with_their_action(shared, tmp_path):
    """青政规发〔2023〕1号: four tables, 25 + 22 废止 and 4 + 12 宣布失效, from the text export and from the PDF."""
    for source in (shared / "seeds" / "000_2237ef091f7feed5.txt", shared / "pdfs" / "000_2237ef091f7feed5.pdf"):
        with Archive(tmp_path / source.suffix) as archive:
            issue = archive.import_file(source).issue_id
            decision = next(d for d in archive.documents(issue) if d.doc_number_canonical == "青政规发〔2023〕1号")
            acts = decision_actions(decision.text)
            assert Counter(c.action for c in acts) == {Action.ABOLISH: 47, Action.INVALIDATE: 16}, source.name
            assert len({c.canonical for c in acts}) == 63
            assert {"青政办发〔2005〕72号", "青政办发〔2010〕117号", "青政办规发〔2021〕1号"} <= {c.canonical for c in acts}


def test_an_archive_from_before_validity_is_migrated_with_its_tables(sample, old_issue, tmp_path):
    import sqlite3

    home = tmp_path / "home"
    with Archive(home) as archive:
        archive.import_file(old_issue)
        archive.import_file(sample.pdf)
        parking = _ids(archive)["禾政发〔2015〕21号"]
    con = sqlite3.connect(home / "archive.db")
    for table in ("citations", "clauses", "title_keys"):
        con.execute(f"DROP TABLE {table}")
    con.execute("PRAGMA user_version = 3")  # as the previous release left it
    con.commit()
    con.close()
    with Archive(home) as archive:
        from reader.store.schema import SCHEMA_VERSION

        assert archive.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert archive.status(parking).state is State.ABOLISHED
        assert len(archive.cited_by(parking)) == 2


def test_decision_tables_with_a_heading_action_and_amendments():
    text = ("青城市人民政府决定宣布失效的文件目录\n序号\t文号\t文件名\n1\t青政发〔2019〕1号\t青城市停车办法\n"
            "青城市人民政府决定修改的文件目录\n序号\t文号\t文件名\t处理意见\n1\t青政办发〔2020〕3号\t青城市占道办法\t修改")
    got = [(c.canonical, c.action, c.title) for c in decision_actions(text)]
    assert got == [("青政发〔2019〕1号", Action.INVALIDATE, "青城市停车办法"),
                   ("青政办发〔2020〕3号", Action.AMEND, "青城市占道办法")]
