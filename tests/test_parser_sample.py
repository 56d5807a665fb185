"""The generated sample gazette parses to its known structure, from PDF and from text."""

import pytest

from reader.gazette.parser import parse
from reader.sources import read_source
from tests.conftest import compact


@pytest.fixture(params=["pdf", "text"])
def parsed(request, sample):
    return parse(read_source(sample.pdf if request.param == "pdf" else sample.text)), request.param


def test_metadata(parsed, sample):
    issue, _ = parsed
    t = sample.truth
    assert (issue.gazette, issue.publisher, issue.year, issue.issue, issue.total_issue) == (
        t["gazette"], t["publisher"], t["year"], t["issue"], t["total_issue"])


def test_toc_entries_and_sections(parsed, sample):
    issue, _ = parsed
    got = [(e.section, compact(e.title), compact(e.doc_number), e.page) for e in issue.toc]
    want = [(e["section"], compact(e["title"]), compact(e["doc_number"]), e["page"]) for e in sample.truth["toc"]]
    assert got == want


def test_documents_title_number_issuer_date(parsed, sample):
    issue, _ = parsed
    got = [(compact(d.title), compact(d.doc_number), d.issuer, d.date, d.section) for d in issue.documents]
    want = [(compact(d["title"]), compact(d["doc_number"]), d["issuer"], d["date"], d["section"])
            for d in sample.truth["documents"]]
    assert got == want


def test_every_document_is_tied_to_its_toc_entry_despite_a_printing_error(parsed):
    issue, _ = parsed
    assert all(d.in_toc for d in issue.documents)
    fire = next(d for d in issue.documents if "森林防火" in d.title)
    assert "2024年" in fire.title and "2024年" not in issue.toc[fire.toc_index].title


def test_pdf_pages_and_printed_pages(sample):
    issue = parse(read_source(sample.pdf))
    for doc, want in zip(issue.documents, sample.truth["documents"]):
        assert doc.pdf_pages[0] == want["pdf_page_index"]
        assert doc.printed_pages[0] == want["printed_page"]


def test_body_is_reflowed_into_paragraphs_with_tables(parsed, sample):
    issue, kind = parsed
    doc = issue.documents[0]
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:3] == ["title", "docnumber", "recipients"]
    assert "signature" in kinds and "date" in kinds
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows[0] == ["序号", "区域名称", "面积（公顷）", "责任单位"] and len(table.rows) == 4
    # the text export breaks long sentences; the reader must see them whole
    paras = [b.text for b in doc.blocks if b.kind in ("para", "item")]
    assert any(p.startswith("（一）湿地保护第1项措施。") and p.endswith("。") and len(p) > 60 for p in paras)
    from reader.sample import _FILLER

    assert all(any(f in p for p in paras) for f in _FILLER)


def test_attachments_are_listed(parsed):
    issue, _ = parsed
    assert issue.documents[0].attachments == ["附件 禾川市湿地保护重点区域名录"]


def test_a_document_missing_from_the_toc_is_kept_and_flagged(sample, tmp_path):
    text = sample.text.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("禾川市人民政府关于废止部分") and "1号" in ln)
    del lines[start]  # the 目录 line of the second document
    path = tmp_path / "missing.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    issue = parse(read_source(path))
    repeal = next(d for d in issue.documents if "废止" in d.title)
    assert not repeal.in_toc and any("not in the 目录" in w and "废止" in w for w in issue.warnings)
    assert len(issue.documents) == len(sample.truth["documents"])


@pytest.mark.parametrize("footer,size", [("- {n} -", (595.0, 842.0)), ("·{n}·", (522.0, 737.0)),
                                         ("第{n}页", (522.0, 737.0)), ("{n}", (595.0, 842.0))])
def test_other_footers_and_page_sizes(tmp_path, footer, size):
    from reader.sample import build_sample

    sample = build_sample(tmp_path, footer=footer, page_size=size)
    issue = parse(read_source(sample.pdf))
    got = [(compact(d.title), d.pdf_pages[0], d.printed_pages[0]) for d in issue.documents]
    want = [(compact(d["title"]), d["pdf_page_index"], d["printed_page"]) for d in sample.truth["documents"]]
    assert got == want
    assert all(not any(footer.format(n=n) == line for n in range(1, 30) for line in d.text.split("\n"))
               for d in issue.documents)
