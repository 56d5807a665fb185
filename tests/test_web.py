"""Saved web pages and the 文件库 of loose documents: real pages written to disk, a real archive, index and CLI."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader.archive import Archive, ImportStatus, Reason, State
from reader.sample import sample_documents
from reader.sources import expand, read_source
from tests.webpages import (
    WebDoc,
    abolished_page,
    city_page,
    from_sample,
    library_page,
    write_issue_folder,
    write_sample_pages,
    write_seed_pages,
)


def _fields(path: Path) -> dict[str, str | None]:
    """What the reader found in a page: title, 发文字号, issuer, date."""
    source = read_source(path)
    assert source.parsed is not None
    doc = source.parsed.documents[0]
    return {"file": path.name, "title": doc.title, "doc_number": doc.doc_number, "issuer": doc.issuer, "date": doc.date}


def test_generated_pages_of_both_styles_and_encodings_read_right(tmp_path: Path) -> None:
    truth = write_sample_pages(tmp_path)
    assert len(truth) == 24
    assert [_fields(tmp_path / t["file"]) for t in truth] == truth


def test_govcn_pages_score(shared: Path) -> None:
    folder = shared / "web" / "govcn"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    right = total = 0
    for t in truth:
        got = _fields(folder / t["file"])
        for key in ("title", "doc_number", "issuer", "date"):
            total += 1
            right += got[key] == t[key]
    print(f"govcn pages: {right}/{total} fields right ({right / total:.1%})")
    assert total == 40
    assert right / total >= 0.98


def test_pages_of_the_shared_seeds_documents_read_right(shared: Path, tmp_path: Path) -> None:
    truth = write_seed_pages(sorted((shared / "seeds").glob("*.txt")), tmp_path)
    assert len(truth) >= 30
    got = [_fields(tmp_path / t["file"]) for t in truth]
    right = sum(g[k] == t[k] for g, t in zip(got, truth, strict=True) for k in ("title", "doc_number", "issuer", "date"))
    print(f"pages of the seeds' documents: {right}/{4 * len(truth)} fields right")
    assert got == truth


def test_page_keeps_layout_blocks_and_tables(tmp_path: Path) -> None:
    doc = from_sample(sample_documents()[0])  # 湿地保护: an attachment with a table, signature, date
    page = tmp_path / "wetland.htm"
    page.write_bytes(city_page(doc, "gbk"))
    parsed = read_source(page).parsed
    assert parsed is not None
    blocks = parsed.documents[0].blocks
    kinds = [b.kind for b in blocks]
    assert kinds[:3] == ["title", "docnumber", "recipients"]
    assert [b.text for b in blocks if b.kind in ("signature", "date")] == ["禾川市人民政府", "2024年3月5日"]
    tables = [b.rows for b in blocks if b.kind == "table"]
    assert tables == [[["序号", "区域名称", "面积（公顷）", "责任单位"], ["1", "青苇湖湿地", "320", "市自然资源局"],
                       ["2", "白鹭滩湿地", "145", "市林业和草原局"], ["3", "南溪河口湿地", "88", "南溪镇人民政府"]]]
    centred = [b.text for b in blocks if b.align == "center"]
    assert centred == ["禾川市湿地保护与修复实施方案", "附件"]  # the attached plan's title and 附件, centred
    assert [b.text for b in blocks if b.kind == "heading"][:2] == ["禾川市湿地保护与修复实施方案", "一、总体要求"]


def test_gbk_page_without_charset_decodes(tmp_path: Path) -> None:
    doc = from_sample(sample_documents()[3])
    data = city_page(doc, "gbk").replace(b"charset=gbk", b"")
    page = tmp_path / "fire.html"
    page.write_bytes(data)
    assert _fields(page)["title"] == "禾川市人民政府办公室关于做好2024年春季森林防火工作的通知"


def test_page_without_body_is_refused_with_its_reason(tmp_path: Path, data_dir: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text('<html><head><meta charset="utf-8"><title>国务院关于某事的通知_政府信息公开专栏</title></head>'
                    '<body><div class="nav"><a href="/">首页</a></div></body></html>', encoding="utf-8")
    with Archive(data_dir) as archive:
        result = archive.import_file(page)
        assert result.status is ImportStatus.FAILED
        assert result.reason is Reason.NO_BODY
        assert result.message == (f"{page}: no document body found in this web page; save the page with its content "
                                  "(网页，全部) and import again")
        assert archive.issues() == []


def test_loose_page_is_a_library_container(tmp_path: Path, data_dir: Path) -> None:
    doc = from_sample(sample_documents()[2])
    page = tmp_path / "parking.html"
    page.write_bytes(library_page(doc))
    with Archive(data_dir) as archive:
        result = archive.import_file(page)
        assert result.status is ImportStatus.IMPORTED
        info = archive.issue(result.issue_id or "")
        assert (info.gazette, info.year, info.issue, info.is_library) == ("文件库", 2024, None, True)
        assert result.issue_id == archive.import_file(page).issue_id  # the same file again: unchanged
        assert archive.import_file(page).status is ImportStatus.UNCHANGED
        exported = archive.export()["issues"]
        assert [(i["id"], i["gazette"], i["year"], i["library"]) for i in exported] == [(info.id, "文件库", 2024, True)]
        [document] = exported[0]["documents"]
        assert (document["title"], document["doc_number"], document["issuer"], document["date"]) == (
            doc.title, "禾政办发〔2024〕12号", "禾川市人民政府办公室", "2024-04-02")
        assert archive.citation(document["id"]).text() == (
            "《禾川市人民政府办公室关于印发〈禾川市智慧停车建设三年行动计划（2024—2026年）〉的通知》（禾政办发〔2024〕12号）")


def test_same_document_from_another_page_needs_replace_and_keeps_its_id_and_notes(tmp_path: Path, data_dir: Path) -> None:
    doc = from_sample(sample_documents()[2])
    first, second = tmp_path / "a.html", tmp_path / "b.htm"
    first.write_bytes(library_page(doc))
    second.write_bytes(city_page(doc, "gbk"))
    with Archive(data_dir) as archive:
        doc_id = archive.documents(archive.import_file(first).issue_id or "")[0].id
        archive.annotate(doc_id, 0, 4, note="看这里")
        refused = archive.import_file(second)
        assert refused.reason is Reason.NEEDS_REPLACE
        assert refused.message == (f"{second}: the document library (文件库) already holds 禾政办发〔2024〕12号 from another "
                                   "file (a.html); use --replace to replace it")
        assert archive.import_file(second, replace=True).status is ImportStatus.REPLACED
        assert [d.id for d in archive.documents(archive.issues()[0].id)] == [doc_id]
        assert [a.note for a in archive.annotations_for(doc_id)] == ["看这里"]
        assert len(archive.issues()) == 1


def test_a_document_without_number_is_known_again_by_its_title_and_date(tmp_path: Path, data_dir: Path) -> None:
    doc = from_sample(sample_documents()[5])  # the 公告: no 发文字号
    first, second = tmp_path / "notice.html", tmp_path / "notice-city.html"
    first.write_bytes(library_page(doc))
    second.write_bytes(city_page(doc, "gbk"))
    with Archive(data_dir) as archive:
        doc_id = archive.documents(archive.import_file(first).issue_id or "")[0].id
        assert archive.import_file(second).reason is Reason.NEEDS_REPLACE
        assert archive.import_file(second, replace=True).status is ImportStatus.REPLACED
        assert [d.id for i in archive.issues() for d in archive.documents(i.id)] == [doc_id]


@pytest.mark.parametrize("layout", ["list", "table", "items"])
def test_issue_page_imports_as_one_issue_with_its_toc(tmp_path: Path, data_dir: Path, layout: str) -> None:
    docs = write_issue_folder(tmp_path / "issue", layout=layout)
    assert expand([tmp_path / "issue"]) == [tmp_path / "issue" / "index.html"]  # its pages come with it
    with Archive(data_dir) as archive:
        result = archive.import_file(tmp_path / "issue" / "index.html")
        assert result.status is ImportStatus.IMPORTED
        [info] = archive.issues()
        assert (info.gazette, info.year, info.issue, info.is_library) == ("禾川市人民政府公报", 2024, 2, False)
        assert [(t["section"], t["title"]) for t in archive.toc(info.id)] == [(d.section, d.title) for d in docs]
        assert [(d.title, d.doc_number, d.date) for d in archive.documents(info.id)] == [
            (d.title, d.doc_number, _iso(d.date)) for d in docs]
        assert [t["document_id"] for t in archive.toc(info.id)] == [d.id for d in archive.documents(info.id)]
        with zipfile.ZipFile(archive.source_path(info.id)) as kept:  # the data home keeps the page and its pages
            assert sorted(kept.namelist()) == ["content_001.htm", "content_002.htm", "content_003.htm",
                                               "content_004.htm", "content_005.htm", "content_006.htm", "index.html"]
        # a linked page changed: the issue is read again
        (tmp_path / "issue" / "content_002.htm").write_bytes(city_page(docs[1], "utf-8") + b"<!-- -->")
        assert archive.import_file(tmp_path / "issue" / "index.html").reason is Reason.NEEDS_REPLACE


def _iso(date: str) -> str:
    """2024年3月5日 → 2024-03-05."""
    y, rest = date.split("年")
    m, rest = rest.split("月")
    return f"{int(y):04d}-{int(m):02d}-{int(rest.rstrip('日')):02d}"


def test_gazette_citation_resolves_to_a_web_page_and_its_status_follows(sample, tmp_path: Path, data_dir: Path) -> None:
    with Archive(data_dir) as archive:
        archive.import_file(sample.pdf)
        decision = next(d for i in archive.issues() for d in archive.documents(i.id) if d.doc_number == "禾政规发〔2024〕1号")
        cited = {link.doc_number: link.document_id for link in archive.cites(decision.id)}
        assert cited["禾政发〔2015〕21号"] is None  # not in the archive yet
        result = archive.import_file(abolished_page(tmp_path))
        [page_doc] = archive.documents(result.issue_id or "")
        cited = {link.doc_number: link.document_id for link in archive.cites(decision.id)}
        assert cited["禾政发〔2015〕21号"] == page_doc.id
        assert archive.cited_by(page_doc.id) == [decision.id]
        assert archive.status(page_doc.id).state is State.ABOLISHED


def test_search_facets_show_the_library(sample, tmp_path: Path, data_dir: Path) -> None:
    with Archive(data_dir) as archive:
        archive.import_file(sample.pdf)
        archive.import_file(abolished_page(tmp_path))
        result = archive.search("停车")
        assert result.counts["gazette"] == {"禾川市人民政府公报": 2, "文件库": 1}  # 智慧停车 and the decision
        assert result.counts["year"] == {"2024": 2, "2015": 1}
        only = archive.search("停车", gazette="文件库")
        assert [h.title for h in only.hits] == ["禾川市人民政府关于印发禾川市城区停车管理办法的通知"]
        by_number = archive.search("禾政发[2015]21号").hits  # the page's own number ranks first; the decision cites it
        assert [h.doc_number for h in by_number] == ["禾政发〔2015〕21号", "禾政规发〔2024〕1号"]
        assert [h.year for h in archive.search("停车", year=2015).hits] == [2015]


def test_single_text_document_goes_to_the_library(tmp_path: Path, data_dir: Path) -> None:
    text = tmp_path / "notice.txt"
    text.write_text("禾川市人民政府办公室关于做好2024年春季森林防火工作的通知\n禾政办发〔2024〕15号\n\n各乡镇人民政府，市政府各部门：\n"
                    "当前已进入春季森林防火关键期，现就有关事项通知如下。\n\n禾川市人民政府办公室\n2024年4月10日\n", encoding="utf-8")
    with Archive(data_dir) as archive:
        result = archive.import_file(text)
        info = archive.issue(result.issue_id or "")
        assert (info.gazette, info.year, info.is_library, result.warnings) == ("文件库", 2024, True, [])


def test_schema_step_adds_the_collection_column_once(sample_home: Path) -> None:
    db = sqlite3.connect(sample_home / "archive.db")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    columns = [r[1] for r in db.execute("PRAGMA table_info(issues)")]
    db.close()
    assert "collection" in columns and version >= 9
    import sqlite_utils

    from reader.store.schema import MIGRATIONS

    handle = sqlite_utils.Database(sample_home / "archive.db")
    MIGRATIONS[9](handle)  # run again: nothing changes, nothing fails
    assert [c for c in handle["issues"].columns_dict if c == "collection"] == ["collection"]
    handle.close()


def test_cli_imports_an_issue_folder_and_a_page_and_exports_the_library_key(tmp_path: Path, data_dir: Path,
                                                                              capsys) -> None:
    from reader.cli import main

    write_issue_folder(tmp_path / "pages" / "issue")
    abolished_page(tmp_path / "pages")
    assert main(["--data-dir", str(data_dir), "import", str(tmp_path / "pages")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "export-json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert sorted((i["gazette"], i["library"], len(i["documents"])) for i in exported["issues"]) == [
        ("文件库", True, 1), ("禾川市人民政府公报", False, 6)]


def test_web_doc_truth_round_trip() -> None:
    doc = WebDoc(["一个标题"], None, None, [], "某局", "2020年1月2日")
    assert doc.truth("x.html") == {"file": "x.html", "title": "一个标题", "doc_number": None, "issuer": "某局",
                                   "date": "2020-01-02"}


@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
def test_library_page_charsets(tmp_path: Path, charset: str) -> None:
    doc = from_sample(sample_documents()[4])
    page = tmp_path / f"p-{charset}.html"
    page.write_bytes(library_page(doc, charset))
    assert _fields(page)["doc_number"] == "禾政干发（2024）3号"


def test_folder_import_skips_what_a_browser_saves_beside_a_page(tmp_path: Path) -> None:
    page = abolished_page(tmp_path / "saved")
    assets = tmp_path / "saved" / f"{page.stem}_files"
    assets.mkdir()
    (assets / "share.htm").write_text("<html><body>分享</body></html>", encoding="utf-8")
    assert expand([tmp_path / "saved"]) == [page]


def test_issue_page_with_a_page_not_saved_keeps_its_toc_entry_and_warns(tmp_path: Path, data_dir: Path) -> None:
    docs = write_issue_folder(tmp_path / "issue")
    (tmp_path / "issue" / "content_004.htm").unlink()
    with Archive(data_dir) as archive:
        result = archive.import_file(tmp_path / "issue" / "index.html")
        assert result.status is ImportStatus.IMPORTED and result.documents == 5
        assert result.warnings == [f"目录 entry whose page was not saved beside the issue page: {docs[3].title} "
                                   "(content_004.htm); save that page into the same folder and import again with --replace"]
        [info] = archive.issues()
        toc = archive.toc(info.id)
        assert [(t["title"], t["document_id"] is None) for t in toc] == [(d.title, k == 3) for k, d in enumerate(docs)]


def test_issue_page_whose_linked_page_has_no_body_imports_nothing(tmp_path: Path, data_dir: Path) -> None:
    write_issue_folder(tmp_path / "issue")
    broken = tmp_path / "issue" / "content_002.htm"
    broken.write_text("<html><body><p>页面已删除</p></body></html>", encoding="utf-8")
    with Archive(data_dir) as archive:
        result = archive.import_file(tmp_path / "issue" / "index.html")
        assert (result.status, result.reason) == (ImportStatus.FAILED, Reason.NO_BODY)
        assert result.message.startswith(f"{broken.resolve()}: no document body found in this web page")
        assert archive.issues() == []


def test_a_policy_page_saved_without_its_content_is_refused(shared: Path, tmp_path: Path, data_dir: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((shared / "web" / "govcn" / "content_5342665.html").read_text(encoding="utf-8"))
    content = tree.css_first("#UCAP-CONTENT")
    assert content is not None
    for child in list(content.iter(include_text=True)):
        child.decompose()  # as a browser saves it with "HTML only" when the body is loaded by a script
    page = tmp_path / "content_5342665.html"
    page.write_text(tree.html or "", encoding="utf-8")
    with Archive(data_dir) as archive:
        result = archive.import_file(page)
        assert (result.status, result.reason) == (ImportStatus.FAILED, Reason.NO_BODY)
        assert archive.issues() == []


def test_a_page_without_any_layout_and_unclosed_tags_reads_its_title_from_above_the_number(tmp_path: Path) -> None:
    page = tmp_path / "plain.htm"
    page.write_text('<html><body><div id="zoom"><p>国务院关于某项工作的通知<p>国发〔2019〕5号<p>各省、自治区、直辖市人民政府：'
                    "<p>现将有关事项通知如下，请认真贯彻执行，切实抓好落实。<p>国务院<p>2019年3月1日", encoding="utf-8")
    assert _fields(page) == {"file": "plain.htm", "title": "国务院关于某项工作的通知", "doc_number": "国发〔2019〕5号",
                             "issuer": "国务院", "date": "2019-03-01"}
    kinds = [b.kind for b in read_source(page).parsed.documents[0].blocks]  # type: ignore[union-attr]
    assert kinds == ["title", "docnumber", "recipients", "para", "signature", "date"]


@pytest.mark.parametrize(("text", "iso"), [("一九九七年一月二十日", "1997-01-20"), ("二〇一八年十一月七日", "2018-11-07"),
                                           ("2018年11月07日", "2018-11-07"), ("二○○五年十二月三十一日", "2005-12-31"),
                                           ("一九九七年十三月二日", None)])
def test_signature_dates_in_chinese_numerals(text: str, iso: str | None) -> None:
    from reader.sources.webdoc import page_date

    assert page_date(text) == iso
