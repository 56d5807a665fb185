"""The hand-checked truth of the shared gazettes: metadata exact, 95% of 目录 entries and documents exact."""

from pathlib import Path

import pytest

from reader.gazette.parser import parse
from reader.sources import read_source
from tests.conftest import compact, load_json

SEEDS = ["000_2237ef091f7feed5", "001_bba10d236d594724", "003_2d9d92cc5e93bbdd"]


def _sources(shared: Path, stem: str) -> list[Path]:
    found = [shared / "seeds" / f"{stem}.txt", shared / "pdfs" / f"{stem}.pdf", shared / "pdfs" / "two-column" / f"{stem}.pdf"]
    return [p for p in found if p.exists()]


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


@pytest.mark.parametrize("stem", SEEDS)
def test_text_exports_match_the_truth(shared, stem):
    truth = load_json(shared / "truth" / f"{stem}.json")
    issue = parse(read_source(shared / "seeds" / f"{stem}.txt"))
    for key in ("gazette", "publisher", "year", "issue", "total_issue", "published"):
        assert getattr(issue, key) == truth[key], key
    toc = {(compact(e.title), compact(e.doc_number), e.page) for e in issue.toc}
    toc_hits = sum((compact(t["title"]), compact(t["doc_number"]), t["page"]) in toc for t in truth["toc"])
    assert _ratio(toc_hits, len(truth["toc"])) >= 0.95
    docs = {(compact(d.title), compact(d.doc_number)) for d in issue.documents}
    doc_hits = sum((compact(d["title"]), compact(d["doc_number"])) in docs for d in truth["documents"])
    assert _ratio(doc_hits, len(truth["documents"])) >= 0.95
    by_title = {compact(d.title): d for d in issue.documents}
    right = sum(1 for d in truth["documents"] if (got := by_title.get(compact(d["title"])))
                and got.issuer == d["issuer"] and got.date == d["date"] and got.toc_index == d["toc_index"])
    assert _ratio(right, len(truth["documents"])) >= 0.9


@pytest.mark.parametrize("pdf", ["000_2237ef091f7feed5", "001_bba10d236d594724", "003_2d9d92cc5e93bbdd",
                                 "two-column/001_bba10d236d594724"])
def test_pdfs_match_the_truth(shared, pdf):
    path = shared / "pdfs" / f"{pdf}.pdf"
    if not path.exists():
        pytest.skip(f"{path} absent")
    truth = load_json(path.with_suffix(".truth.json"))
    seed = load_json(shared / "truth" / f"{path.stem}.json")
    issue = parse(read_source(path))
    assert (issue.gazette, issue.year, issue.issue, issue.total_issue) == (
        seed["gazette"], seed["year"], seed["issue"], seed["total_issue"])
    toc = {(compact(e.title), compact(e.doc_number), e.page) for e in issue.toc}
    toc_hits = sum((compact(t["title"]), compact(t["doc_number"]), t["printed_page"]) in toc for t in truth["toc"])
    assert _ratio(toc_hits, len(truth["toc"])) >= 0.95
    found = {(compact(d.title), compact(d.doc_number)): d for d in issue.documents}
    doc_hits = page_hits = 0
    for want in truth["documents"]:
        got = found.get((compact(want["title"]), compact(want["doc_number"])))
        doc_hits += got is not None
        page_hits += bool(got and got.pdf_pages and got.pdf_pages[0] == want["pdf_page_index"]
                          and got.printed_pages and got.printed_pages[0] == want["printed_page"])
    assert _ratio(doc_hits, len(truth["documents"])) >= 0.95
    assert _ratio(page_hits, len(truth["documents"])) >= 0.95


def test_bad_pdfs_fail_with_specific_reasons(shared):
    from reader.errors import SourceError

    bad = shared / "pdfs" / "bad"
    expected = {"empty.pdf": "empty", "scanned.pdf": "no text layer: this PDF is a scan",
                "truncated.pdf": "damaged or truncated", "encrypted.pdf": "encrypted"}
    for name, reason in expected.items():
        with pytest.raises(SourceError, match=reason):
            read_source(bad / name)
    assert parse(read_source(bad / "encrypted.pdf", password="secret")).year is not None
