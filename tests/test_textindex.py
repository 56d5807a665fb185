"""The text index: strings matched exactly (all bigrams, one after another), updates, merges, and totals equal to
a substring count over a real archive."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search.analyzer import bigram_terms, normalize
from reader.search.terms import term_code
from reader.search.textindex import MERGE_AT, DocRow, TextIndex

DOCS = {
    "a": "青川市人民政府关于做好防汛工作的通知",
    "b": "人民群众满意，民政局牵头，区政府负责",  # 人民, 民政, 政府 all present, never 人民政府
    "c": "市人民\n政府办公室",  # a PDF line wrap inside the string
    "d": "人民  政府",  # two spaces: a break, not a wrap
    "e": "空气中ＰＭ２．５浓度下降，哈哈哈哈",
    "f": "湿地保护；气候潮湿；湿",
}


def _index(tmp_path: Path, docs: dict[str, str], issue: str = "i1") -> TextIndex:
    index = TextIndex(tmp_path / "text")
    index.build(DocRow(k, doc_id, issue, f"标题{doc_id}", body) for k, (doc_id, body) in enumerate(docs.items()))
    return index


def _found(index: TextIndex, text: str, field: str = "body") -> set[str]:
    rows = index.match(field, [term_code(t, 0 if field == "body" else 1) for t in bigram_terms(text)])
    ids = {int(r): doc_id for seg in index.segments() for r, doc_id in zip(seg.rows, seg.column("ids"), strict=True)}
    gone = set(index.meta()["deleted"])
    return {ids[int(r)] for r in rows if int(r) not in gone}


def test_a_string_matches_only_where_it_stands_as_typed(tmp_path):
    index = _index(tmp_path, DOCS)
    assert _found(index, "人民政府") == {"a", "c"}
    assert _found(index, "民政局") == {"b"}
    assert _found(index, "人民政府办公室") == {"c"}
    assert _found(index, "pm2.5浓度") == {"e"}
    assert _found(index, "哈哈哈") == {"e"}
    assert _found(index, "哈哈哈哈哈") == set()
    assert _found(index, "防汛工作的通知") == {"a"}
    assert _found(index, "标题c", field="title") == {"c"}


def test_one_character_anywhere(tmp_path):
    index = _index(tmp_path, DOCS)
    rows = index.match_char("body", "湿")
    assert sorted(int(r) for r in rows) == [5]
    assert sorted(int(r) for r in index.match_char("body", "民")) == [0, 1, 2, 3]


def test_replacing_an_issue_and_merging_segments(tmp_path):
    index = _index(tmp_path, {"a": "垃圾分类工作", "b": "森林防火"}, issue="i1")
    for k in range(MERGE_AT + 1):  # enough single-issue imports to make the small segments merge
        index.replace({f"i{k + 2}"}, [DocRow(100 + 10 * k, f"x{k}", f"i{k + 2}", "标题", f"第{k}期的湿地保护")])
    index.replace({"i1"}, [DocRow(500, "a2", "i1", "标题", "生活垃圾分类")])
    assert len(index.segments()) <= MERGE_AT
    assert _found(index, "垃圾分类") == {"a2"}
    assert _found(index, "森林防火") == set()
    assert _found(index, "湿地保护") == {f"x{k}" for k in range(MERGE_AT + 1)}
    assert index.meta()["docs"] == MERGE_AT + 2


@pytest.fixture(scope="module")
def shared_archive(tmp_path_factory, shared) -> Archive:
    home = tmp_path_factory.mktemp("home")
    archive = Archive(home)
    for pdf in sorted((shared / "pdfs").glob("*.pdf")):
        assert archive.import_file(pdf).ok
    yield archive
    archive.close()


def _plain(text: str) -> str:
    """Text as matched: NFKC, lower case, one white-space character between Han characters dropped."""
    return re.sub(r"(?<=[\u3400-\u9fff])[ \t\r\n\u3000](?=[\u3400-\u9fff])", "", normalize(text))


def test_totals_equal_a_substring_count_on_real_gazettes(shared_archive):
    docs = [shared_archive.document(b.id) for issue in shared_archive.issues() for b in shared_archive.documents(issue.id)]
    tocs = {r["document_id"]: r["title"] for r in shared_archive.db.query("SELECT document_id, title FROM toc")}
    # a document's title as indexed holds its 目录 entry's title too, when that is worded otherwise
    texts = [_plain(d.title) + "\n" + _plain(tocs.get(d.id, "")) + "\n" + _plain(d.text) for d in docs]
    rng = random.Random(7)
    strings = set()
    for _ in range(120):  # strings of 3 to 12 characters cut from the documents at random
        text = rng.choice(texts)
        runs = [m.group(0) for m in re.finditer(r"[\u4e00-\u9fff]{3,}", text)]
        run = rng.choice(runs)
        size = rng.randint(3, min(12, len(run)))
        start = rng.randint(0, len(run) - size)
        strings.add(run[start:start + size])
    assert len(strings) > 100
    for s in sorted(strings):
        expected = sum(s in t for t in texts)
        assert shared_archive.search(s, limit=1, snippets=False).total == expected, s
