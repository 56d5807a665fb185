"""Gazettes printed in the layouts real offices hold (tests/prints.py): every document found with its title,
发文字号, issuer, date and first page, in one and two columns, justified and ragged, two fonts, titles across or
in a column, page numbers centred or outer, several notices to a page."""

from __future__ import annotations

import importlib.util
from difflib import SequenceMatcher

import pytest

from reader.gazette.parser import parse
from reader.gazette.text import UNTITLED_TEXT
from reader.sources import read_source
from tests.conftest import compact
from tests.prints import FIELDS, LAYOUTS, Layout, print_issue, score
from tests.prints_toc import SKELETON_FIELDS, print_national, score_skeleton

NAMES = [layout.name for layout in LAYOUTS]


@pytest.mark.parametrize("layout", LAYOUTS, ids=NAMES)
def test_the_sample_in_every_layout_is_read_exactly(sample, tmp_path, layout: Layout):
    truth = print_issue(sample.text, tmp_path / "print.pdf", layout)
    counts = score(tmp_path / "print.pdf", truth)
    assert counts == {"expected": len(truth), "found": len(truth)} | {field: len(truth) for field in FIELDS}


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS, ids=NAMES)
def test_the_shared_gazettes_in_every_layout(shared, tmp_path, layout: Layout):
    """The three shared issues reprinted: at least 98% of documents right on every field (the issue's bar)."""
    total = {"expected": 0, "found": 0} | {field: 0 for field in FIELDS}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        pdf = tmp_path / f"{seed.stem}.pdf"
        for key, value in score(pdf, print_issue(seed, pdf, layout)).items():
            total[key] += value
    assert total["expected"] == 33
    assert total["found"] == total["expected"]
    for field in FIELDS:
        assert total[field] >= 0.98 * total["expected"], (field, total)


@pytest.mark.parametrize("layout", [LAYOUTS[2], LAYOUTS[4]], ids=[LAYOUTS[2].name, LAYOUTS[4].name])
def test_ragged_columns_are_read_one_after_the_other(sample, tmp_path, layout: Layout):
    """Left-aligned columns with uneven right edges: read column by column, the text is the text export's (read
    line across line, the two columns interleave: similarity 0.39)."""
    reference = {compact(d.title): compact(d.text) for d in parse(read_source(sample.text)).documents}
    print_issue(sample.text, tmp_path / "ragged.pdf", layout)
    for doc in parse(read_source(tmp_path / "ragged.pdf")).documents:
        similarity = SequenceMatcher(None, compact(doc.text), reference[compact(doc.title)], autojunk=False).ratio()
        assert similarity >= 0.95, (doc.title, similarity)


def test_a_table_across_both_columns_keeps_its_rows(sample, tmp_path):
    """A table printed across both columns of a two-column page is read row by row, every cell in its row (not
    its left half down the left column and its right half down the right), even a row at the top of a page
    whose number cells stand where page numbers do."""
    layout = next(layout for layout in LAYOUTS if layout.wide_tables)
    reference = parse(read_source(sample.text)).documents
    rows = [(d.title, row) for d in reference for b in d.blocks if b.kind == "table" for row in b.text.split("\n")]
    print_issue(sample.text, tmp_path / "tables.pdf", layout)
    docs = {compact(d.title): d for d in parse(read_source(tmp_path / "tables.pdf")).documents}
    assert len(rows) == 10
    for title, row in rows:
        printed = [line for b in docs[compact(title)].blocks if b.kind == "table" for line in b.text.split("\n")]
        assert compact(row.replace("\t", "")) in [compact(line.replace("\t", "")) for line in printed], row


# ---- the 目录 as the skeleton (tests/prints_toc.py) ---------------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS, ids=NAMES)
def test_the_sample_printed_as_a_national_gazette_follows_its_toc(sample, tmp_path, layout: Layout):
    """Documents without 文号 (letters, a joint communiqué, two letters with one title), a 目录 that misprints
    titles, prints organs and `( 4)` pages and is followed by an English CONTENTS: every entry tied to its own
    document, every title right, and every body line in some document's text (99%: a justified line that the
    PDF's reading order puts with its neighbour is still in the text, in another line)."""
    truth = print_national(sample.text, tmp_path / "national.pdf", layout)
    issue = parse(read_source(tmp_path / "national.pdf"))
    counts = score_skeleton(issue, truth)
    assert (counts["toc_tied"], counts["title"]) == (6, 6)
    assert counts["lines_kept"] >= 0.99 * counts["lines"], counts
    assert len(issue.documents) == 6 and issue.warnings == []
    letters = [d for d in issue.documents if d.title == "禾川市人民政府向省政府工作组致谢的信"]
    assert [(d.doc_number, d.toc_index) for d in letters] == [(None, 2), (None, 5)]  # one title, two letters
    assert [e.title.endswith("of the Municipal Government") for e in issue.toc] == [False] * 6


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS, ids=NAMES)
def test_the_shared_gazettes_printed_as_national_gazettes(shared, tmp_path, layout: Layout):
    """The three shared issues in the national manner: 95% of 目录 entries tied, 95% right titles, 99% of the
    body lines in some document (the issue's bar)."""
    total = {key: 0 for key in ("entries", "documents", "lines", *SKELETON_FIELDS)}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        pdf = tmp_path / f"{seed.stem}.pdf"
        truth = print_national(seed, pdf, layout)
        for key, value in score_skeleton(parse(read_source(pdf)), truth).items():
            total[key] += value
    assert total["entries"] == 33
    assert total["toc_tied"] >= 0.95 * total["entries"], total
    assert total["title"] >= 0.95 * total["documents"], total
    assert total["lines_kept"] >= 0.99 * total["lines"], total


def test_body_text_no_document_claims_is_an_untitled_document(sample, tmp_path):
    """The first document has no 文号 and the 目录 does not list it: its text is not lost but kept, first in the
    issue, as an untitled document that search finds, and the import says so."""
    from reader.archive import Archive

    truth = print_national(sample.text, tmp_path / "unlisted.pdf", LAYOUTS[0], unlisted_first=True)
    issue = parse(read_source(tmp_path / "unlisted.pdf"))
    assert score_skeleton(issue, truth)["toc_tied"] == 5
    first = issue.documents[0]
    assert (first.title, first.in_toc, len(issue.documents)) == ("", False, 6)
    assert "禾川市湿地保护与修复实施方案" in first.text
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(tmp_path / "unlisted.pdf")
        assert UNTITLED_TEXT in result.warnings
        hits = archive.search("湿地保护与修复实施方案").hits
        assert hits and hits[0].title == ""


@pytest.mark.slow
def test_a_digital_issue_whose_cover_and_toc_are_scans(sample, tmp_path):
    """Cover, 目录 and CONTENTS scanned, read by the real OCR engine: 90% of the entries tied (the issue's bar; 6 of
    6 here), each shown as the body's text layer prints its title, 文号 with 〔〕 whatever bracket OCR read."""
    if importlib.util.find_spec("rapidocr_onnxruntime") is None:  # the engine loads on cv2lite, not on import
        pytest.skip("the OCR engine is not installed (the ocr extra)")
    from reader.sources.ocr import Recognizer
    from tests.scans import scan

    truth = print_national(sample.text, tmp_path / "national.pdf", LAYOUTS[1])
    scanned = scan(tmp_path / "national.pdf", tmp_path / "scanned.pdf", only=tuple(range(truth["front_pages"])))
    source = read_source(scanned, recognizer=Recognizer("scanned-toc"))
    assert sorted(source.ocr_pages) == list(range(truth["front_pages"]))
    issue = parse(source)
    counts = score_skeleton(issue, truth)
    assert counts["toc_tied"] >= 0.9 * counts["entries"], counts
    tied = [e for e in issue.toc if e.document_index is not None]
    assert [e.title for e in tied] == [issue.documents[e.document_index].title for e in tied]
    assert [e.doc_number for e in issue.toc if e.doc_number] == ["禾政发〔2024〕7号", "禾政办发〔2024〕15号"]
