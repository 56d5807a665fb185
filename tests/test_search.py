"""Search over a real Whoosh index built from a real archive of the sample gazette."""

from __future__ import annotations

import html
import json
import shutil

import pytest

from reader.archive import Archive
from reader.sample import build_sample
from reader.search import analyzer
from reader.search.analyzer import bigram_terms


@pytest.fixture()
def archive(sample, data_dir, tmp_path):
    with Archive(data_dir) as a:
        assert a.import_file(sample.pdf).ok
        assert a.import_file(build_sample(tmp_path / "old", year=2022, issue=5).text).ok
        yield a


def titles(result):
    return [h.title for h in result.hits]


def test_bigrams_find_strings_inside_longer_words():
    assert "达峰" in bigram_terms("实现碳达峰目标")
    assert bigram_terms("ＡＢＣ２０２３") == ["abc2023"]
    assert bigram_terms("生活垃圾\n分类")[-1] == "分类" and "圾分" in bigram_terms("生活垃圾\n分类")


def test_chinese_without_spaces(archive):
    result = archive.search("湿地保护")
    assert result.total == 2 and all("湿地保护" in t for t in titles(result))
    # a string inside a longer word, and a string segmentation would cut differently
    assert archive.search("苇湖湿").total == 2
    assert archive.search("南溪河口").total == 2
    assert archive.search("量子计算机").total == 0


def test_doc_number_in_any_bracket_style_comes_first(archive):
    for typed in ("禾政办发〔2024〕12号", "禾政办发[2024]12号", "禾政办发【2024】12号", "禾政办发（2024）12号",
                  "禾政办发2024 12号", "禾政办发 2024年12号"):
        result = archive.search(typed)
        assert result.hits, typed
        assert "智慧停车" in result.hits[0].title, typed
    # 12号 is not 2号 nor 112号
    assert all("12号" in (h.doc_number or "") for h in archive.search("禾政办发〔2024〕12号").hits)
    assert archive.search("禾政办发〔2030〕99号").total == 0


def test_a_number_cited_in_the_text_is_found(archive):
    result = archive.search("禾政发〔2015〕21号")
    assert result.total == 2 and all("废止" in t for t in titles(result))


def test_field_filters_ranges_or_and_exclusion(archive):
    assert {h.year for h in archive.search("湿地 年份:2024").hits} == {2024}
    assert {h.year for h in archive.search("湿地 year:2021-2022").hits} == {2022}
    assert archive.search("标题:历史建筑").total == 2
    assert archive.search("title:青苇湖").total == 0  # only in the body
    assert archive.search("栏目:人事任免").total == 2
    assert archive.search("section:公告 机关:禾川市人民政府").total == 2
    assert archive.search("文号:禾政干发").total == 2
    both = archive.search("湿地保护 OR 森林防火")
    assert both.total == 4
    assert archive.search("湿地保护 OR 森林防火 -森林防火").total == 2
    assert archive.search('"湿地保护与修复"').total == 2
    assert archive.search("公报:禾川市 年份:2022").total == 6


def test_malformed_queries_fall_back_and_say_so(archive):
    for typed, words in (('"湿地保护', "unbalanced"), ("时间:湿地", "unknown field"), ("年份:去年 湿地", "not a year"),
                         ("标题: 湿地", "empty")):
        result = archive.search(typed)
        assert words in result.message, (typed, result.message)
        assert result.total >= 1, typed
    assert archive.search("").total == 0
    assert archive.search("- : OR \"\"").message


def test_counts_by_year_gazette_and_section(archive):
    result = archive.search("禾川市")
    assert result.counts["year"] == {"2024": 6, "2022": 6}
    assert result.counts["gazette"] == {"禾川市人民政府公报": 12}
    assert result.counts["section"]["市政府办公室文件"] == 4
    filtered = archive.search("禾川市", year=2022, section="人事任免")
    assert filtered.total == 1 and filtered.hits[0].year == 2022
    # each facet counts within the other chosen filters: a choice offered with "(N)" leads to N documents
    assert filtered.counts["year"] == {"2024": 1, "2022": 1}  # 人事任免 in each year
    assert filtered.counts["gazette"] == {"禾川市人民政府公报": 1}  # 2022 and 人事任免
    assert filtered.counts["section"] == {"市政府文件": 2, "市政府办公室文件": 2, "人事任免": 1, "公告": 1}  # 2022
    for section, count in filtered.counts["section"].items():
        assert archive.search("禾川市", year=2022, section=section).total == count


def test_snippets_mark_the_words_and_escape_the_rest(archive):
    doc_id = archive.search("青苇湖湿地").hits[0].document_id
    text = archive.document(doc_id).text
    result = archive.search("青苇湖湿地 市自然资源局")
    hit = next(h for h in result.hits if h.document_id == doc_id)
    assert "<mark>青苇湖湿地</mark>" in hit.snippet
    assert html.unescape(hit.snippet.replace("<mark>", "").replace("</mark>", "")).strip("…") in text.replace("\n", " ")
    for start, end in hit.positions:
        assert text[start:end] in ("青苇湖湿地", "市自然资源局")
    assert len(hit.positions) == text.count("青苇湖湿地") + text.count("市自然资源局")


def test_sort_by_date(archive):
    hits = archive.search("禾川市", sort="date", limit=50).hits
    dates = [h.date for h in hits]
    assert dates == sorted(dates, reverse=True)


def test_index_follows_imports_replacements_and_deletions(archive, sample, tmp_path):
    assert archive.search("禾川市").total == 12
    issue_id = archive.search("禾川市", year=2024).hits[0].issue_id
    # replace the 2024 issue with a corrected text: the old words are gone, the new ones found
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(sample.text.read_text(encoding="utf-8").replace("青苇湖湿地", "青芦湖湿地"), encoding="utf-8")
    assert archive.import_file(fixed, replace=True).status == "replaced"
    assert archive.search("青芦湖湿地").total == 1 and archive.search("青苇湖湿地").total == 1
    archive.delete_issue(issue_id)
    assert archive.search("禾川市").total == 6 and archive.search("青芦湖湿地").total == 0


def test_missing_corrupt_or_outdated_index_is_rebuilt(archive, monkeypatch):
    assert archive.search("湿地保护").total == 2
    folder = archive.index.folder
    archive.close()
    for damage in ("missing", "corrupt", "analyzer"):
        if damage == "missing":
            shutil.rmtree(folder)
        elif damage == "corrupt":
            for f in folder.iterdir():
                if f.suffix == ".seg":
                    f.write_bytes(b"garbage")
        else:
            monkeypatch.setattr(analyzer, "VERSION", analyzer.VERSION + 1)
        with Archive(archive.home) as again:
            assert not again.index.is_current(again.generation())
            progress: list = []
            assert again.ensure_index(lambda done, total, seen=progress: seen.append((done, total)))
            assert progress[-1] == (12, 12)
            assert again.search("湿地保护").total == 2


def test_a_crash_between_archive_and_index_is_repaired(archive, sample, tmp_path, monkeypatch):
    from reader.search.indexer import SearchIndex

    def crash(*args, **kwargs):
        raise OSError("disk full while writing the index")

    monkeypatch.setattr(SearchIndex, "apply", crash)
    other = build_sample(tmp_path / "third", year=2021, issue=1)
    assert archive.import_file(other.pdf).ok  # the archive holds it even though the index write failed
    monkeypatch.undo()
    assert archive.search("湿地保护").total == 3  # the index caught up from SQLite


def test_search_command_json_shape(archive):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(archive.home), "search",
                          "禾政办发[2024]12号", "--json", "--limit", "3"], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert set(data) >= {"query", "total", "hits"} and data["query"] == "禾政办发[2024]12号"
    hit = data["hits"][0]
    assert set(hit) >= {"document_id", "issue_id", "title", "doc_number", "gazette", "year", "issue", "section",
                        "score", "snippet"}
    assert hit["doc_number"] == "禾政办发〔2024〕12号" and "<mark>" in hit["snippet"]
    plain = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(archive.home), "search", "湿地保护"],
                           capture_output=True, text=True, check=True)
    assert plain.stdout.startswith("2 documents found") and "[湿地保护]" in plain.stdout


def test_searching_while_an_import_runs(archive, tmp_path):
    """A second process-like user of the data home imports while this one keeps searching."""
    import threading

    from reader.archive import Archive as Other

    files = [build_sample(tmp_path / f"more{k}", year=2010 + k, issue=1).pdf for k in range(3)]
    errors: list[Exception] = []

    def importer() -> None:
        try:
            with Other(archive.home) as other:
                for f in files:
                    assert other.import_file(f).ok
        except Exception as exc:  # reported to the test below
            errors.append(exc)

    thread = threading.Thread(target=importer)
    thread.start()
    totals = []
    while thread.is_alive():
        totals.append(archive.search("湿地保护").total)
    thread.join()
    assert not errors
    assert all(t >= 2 for t in totals)
    assert archive.search("湿地保护").total == 5


def test_an_import_by_another_archive_is_followed_without_a_rebuild(archive, tmp_path):
    """The window searches with one Archive while its import worker writes with another: the searcher sees the
    new issue through the index the import updated (a new text segment), never by rebuilding the whole index."""
    from reader.archive import Archive as Other

    text = archive.index.folder / "text"
    assert archive.search("湿地保护").total == 2
    before = sorted(p.name.split(".")[0] for p in text.glob("*.terms.npy"))
    with Other(archive.home) as other:
        assert other.import_file(build_sample(tmp_path / "more", year=2015, issue=1).pdf).ok
    assert archive.search("湿地保护").total == 3
    after = sorted(p.name.split(".")[0] for p in text.glob("*.terms.npy"))
    assert len(after) == len(before) + 1 and set(before) < set(after)
