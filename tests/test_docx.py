"""Word documents (DOCX): a whole issue becomes an issue like its PDF, a single 公文 becomes a document, and legacy
or damaged files are refused with a specific reason (tests/docx_prints.py writes the files)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.errors import Reason, SourceError
from reader.gazette.parser import parse
from reader.sources import read_source
from tests.conftest import compact
from tests.docx_prints import FIELDS, STYLES, DocxStyle, score, write_issue, write_single

NAMES = [style.name for style in STYLES]


def same_texts(text_export: Path, docx_file: Path) -> list[bool]:
    """Whether each document of the DOCX reads as the same document of the text export does."""
    ref = parse(read_source(text_export)).documents
    got = parse(read_source(docx_file)).documents
    return [compact(a.text) == compact(b.text) for a, b in zip(ref, got, strict=True)]


@pytest.mark.parametrize("style", STYLES, ids=NAMES)
def test_the_sample_as_docx_is_read_exactly(sample, tmp_path, style: DocxStyle):
    """Every document with its fields, and its whole text (headings, items, tables, list numbers) as in the
    text export."""
    truth = write_issue(sample.text, tmp_path / "issue.docx", style)
    counts = score(tmp_path / "issue.docx", truth)
    assert counts == {"expected": 6, "found": 6} | {field: 6 for field in FIELDS}
    assert same_texts(sample.text, tmp_path / "issue.docx") == [True] * 6


@pytest.mark.parametrize("style", STYLES, ids=NAMES)
def test_the_shared_gazettes_as_docx(shared, tmp_path, style: DocxStyle):
    """The three shared issues written as DOCX: every document found with every field right."""
    total = {"expected": 0, "found": 0} | {field: 0 for field in FIELDS}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        path = tmp_path / f"{seed.stem}.docx"
        for key, value in score(path, write_issue(seed, path, style)).items():
            total[key] += value
        assert all(same_texts(seed, path))
    assert total == {"expected": 33, "found": 33} | {field: 33 for field in FIELDS}


def test_layout_hints_tables_text_boxes_and_page_numbers(sample, tmp_path):
    """A centred bold title, a right-aligned signature, a table's row as cells, the cover's text box read once,
    the footer's PAGE field numbering the body section from 1, and Word's list numbers (not in the text)."""
    write_issue(sample.text, tmp_path / "issue.docx", STYLES[0])
    source = read_source(tmp_path / "issue.docx")
    by_text = {ln.text: ln for ln in source.lines}
    xml = zipfile.ZipFile(tmp_path / "issue.docx").read("word/document.xml").decode()
    assert "一、总体要求" not in xml and "（三）湿地保护第3项措施" not in xml
    assert [ln.text[:6] for ln in source.lines if ln.text.startswith(("一、", "二、", "三、", "（一）", "（三）"))][:6] == [
        "一、总体要求", "（一）湿地保", "（三）湿地保", "二、重点任务", "（一）湿地保", "（三）湿地保"]
    title = by_text["禾川市人民政府关于废止部分行政规范性文件的决定"]
    assert (title.centered, title.bold, title.size) == (True, True, 22.0)
    signature = next(ln for ln in source.lines if ln.text == "禾川市人民政府" and ln.right)
    assert signature.centered is False
    assert "序号\t文号\t文件名称\t处理意见" in by_text
    assert [ln.text for ln in source.lines].count("禾川市人民政府公报") == 1
    assert by_text["禾川市人民政府公报"].page == 0
    assert source.pages == 8 and source.printed_pages == {0: 1, 1: 2, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6}
    assert title.page == 3


def test_page_marks_merged_into_paragraphs_become_pages(sample, tmp_path):
    """—3 — at the end of a paragraph ends printed page 3 and is no part of the text."""
    write_issue(sample.text, tmp_path / "issue.docx", STYLES[1])
    source = read_source(tmp_path / "issue.docx")
    assert source.printed_pages == {k: k + 1 for k in range(6)}
    assert not any("—" in ln.text and ln.text.rstrip().endswith("—") for ln in source.lines)
    issue = parse(source)
    assert [d.printed_pages for d in issue.documents] == [(k, k) for k in range(1, 7)]
    assert [t.page for t in issue.toc] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("banner", [False, True], ids=["title first", "red header"])
def test_a_single_document_as_docx_is_imported(sample, tmp_path, banner: bool):
    """One 公文 delivered alone (title first, or a 红头文件: banner, 文号, title): one document with its title,
    文号, issuer and date (an untitled issue)."""
    doc = parse(read_source(sample.text)).documents[2]
    write_single(tmp_path / "notice.docx", doc, banner)
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(tmp_path / "notice.docx")
        assert result.ok and result.documents == 1
        (got,) = archive.documents(result.issue_id)
    assert (got.title, got.doc_number, got.issuer, got.date) == (
        "禾川市人民政府办公室关于印发《禾川市智慧停车建设三年行动计划（2024—2026年）》的通知",
        "禾政办发〔2024〕12号", "禾川市人民政府办公室", "2024-04-02")


def test_legacy_doc_and_wps_are_refused_with_what_to_do(sample, tmp_path):
    """A .doc or .wps (the old compound file) is refused: save it as DOCX or PDF; nothing is imported."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    (tmp_path / "old.doc").write_bytes(ole)
    (tmp_path / "old.wps").write_bytes(ole)
    with Archive(tmp_path / "home") as archive:
        for name in ("old.doc", "old.wps"):
            result = archive.import_file(tmp_path / name)
            assert (result.ok, result.reason) == (False, Reason.LEGACY_FORMAT)
            assert "save it as DOCX or PDF" in result.message and name in result.message
        assert archive.issues() == []


def test_a_truncated_docx_is_refused_as_damaged(sample, tmp_path):
    write_issue(sample.text, tmp_path / "issue.docx", STYLES[0])
    data = (tmp_path / "issue.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError) as err:
        read_source(tmp_path / "cut.docx")
    assert err.value.reason is Reason.DAMAGED
    assert "damaged or truncated DOCX" in str(err.value) and "cut.docx" in str(err.value)
    with Archive(tmp_path / "home") as archive:
        assert archive.import_file(tmp_path / "cut.docx").reason is Reason.DAMAGED
        assert archive.issues() == []


def test_a_docx_issue_imports_and_is_found_by_its_number(sample, tmp_path):
    """The DOCX issue in the archive: six documents, and a 文号 found in another bracket style."""
    write_issue(sample.text, tmp_path / "issue.docx", STYLES[0])
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(tmp_path / "issue.docx")
        assert result.ok and result.documents == 6
        hits = archive.search("禾政规发[2024]1号")
        assert [h.title for h in hits.hits] == ["禾川市人民政府关于废止部分行政规范性文件的决定"]


def test_folders_pick_up_docx_and_ofd(tmp_path: Path):
    from reader.sources import expand

    for name in ("a.docx", "b.ofd", "c.pdf", "notes.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in expand([tmp_path])] == ["a.docx", "b.ofd", "c.pdf"]


def test_a_docx_saved_with_a_doc_name_is_still_read(sample, tmp_path):
    """Only the old compound file is refused: a DOCX renamed .doc is read by its content."""
    write_issue(sample.text, tmp_path / "issue.docx", STYLES[1])
    (tmp_path / "issue.doc").write_bytes((tmp_path / "issue.docx").read_bytes())
    assert len(parse(read_source(tmp_path / "issue.doc")).documents) == 6


def test_a_cell_of_several_paragraphs_reads_as_one_cell(tmp_path):
    """A cell whose text runs over two paragraphs: Chinese joined without a space, English words with one."""
    import docx

    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "青铜峡市"
    table.cell(0, 0).add_paragraph("人民政府")
    table.cell(0, 1).text = "Annual"
    table.cell(0, 1).add_paragraph("Report")
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "青政发〔2023〕1号"
    word.save(str(tmp_path / "table.docx"))
    assert [ln.text for ln in read_source(tmp_path / "table.docx").lines] == [
        "青铜峡市人民政府\tAnnual Report", "1\t青政发〔2023〕1号"]
