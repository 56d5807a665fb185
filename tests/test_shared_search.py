"""queries.json against the shared gazettes: expected documents in the top 10, the best one first, nothing
where nothing should be found."""

import re
import unicodedata

import pytest

from reader.archive import Archive
from tests.conftest import load_json


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def shared_archive(shared, tmp_path_factory):
    home = tmp_path_factory.mktemp("shared-home")
    ids = {}
    with Archive(home) as archive:
        for seed in sorted((shared / "seeds").glob("*.txt")):
            result = archive.import_file(seed)
            assert result.ok, result.message
            truth = load_json(shared / "truth" / f"{seed.stem}.json")
            docs = {_key(d.title): d.id for d in archive.documents(result.issue_id)}
            for k, doc in enumerate(truth["documents"]):
                ids[(seed.name, k)] = docs.get(_key(doc["title"]))
        yield archive, ids


def test_queries_find_what_they_must(shared, shared_archive):
    archive, ids = shared_archive
    queries = load_json(shared / "truth" / "queries.json")
    in_top10 = first = with_top1 = expected = 0
    failures = []
    for q in queries:
        result = archive.search(q["query"], limit=10)
        got = [h.document_id for h in result.hits]
        if not q["expect"]:
            if result.total:
                failures.append(f"{q['query']}: should find nothing, found {result.total}")
            continue
        expected += 1
        want = [ids[(e["seed"], e["index"])] for e in q["expect"]]
        if all(w in got for w in want):
            in_top10 += 1
        else:
            failures.append(f"{q['query']}: expected documents missing from the top 10")
        if q.get("top1"):
            with_top1 += 1
            if got and got[0] == ids[(q["top1"]["seed"], q["top1"]["index"])]:
                first += 1
            else:
                failures.append(f"{q['query']}: the best document is not first")
    assert in_top10 >= 0.95 * expected, failures
    assert first >= 0.9 * with_top1, failures
    assert not [f for f in failures if "should find nothing" in f], failures


def test_a_hit_through_the_toc_number_says_so(shared_archive):
    """The 目录 of 中卫市人民政府公报 2023年第3期 misprints 卫政干发〔2023〕5号 as 卫政千发[2023]5号."""
    archive, _ = shared_archive
    misprint = archive.search("卫政千发[2023]5号")
    assert [(h.doc_number, h.matched_by) for h in misprint.hits[:1]] == [("卫政干发〔2023〕5号", "toc")]
    own = archive.search("卫政干发〔2023〕5号")
    assert own.hits[0].doc_number == "卫政干发〔2023〕5号" and own.hits[0].matched_by is None
