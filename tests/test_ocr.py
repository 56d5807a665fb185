"""Scanned issues recognised offline with the real OCR engine: structure, search, cache, rotation, bad input."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

if importlib.util.find_spec("rapidocr_onnxruntime") is None:  # the engine loads on cv2lite, not with an import here
    pytest.skip("the OCR engine is not installed (the ocr extra)", allow_module_level=True)

from reader.archive import Archive, ImportStatus, Reason  # noqa: E402
from reader.gazette.docnumber import canonical  # noqa: E402
from tests.conftest import compact  # noqa: E402
from tests.scans import blank, scan  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scanned_home(sample, tmp_path_factory):
    """The sample gazette scanned at 150 dpi (page 5 turned 180°, page 6 skewed 2°), imported once."""
    folder = tmp_path_factory.mktemp("scanned")
    pdf = scan(sample.pdf, folder / "heshuan-scan.pdf", dpi=150, turned=(4,), skewed=(5,))
    home = folder / "home"
    with Archive(home) as archive:
        started = time.perf_counter()
        result = archive.import_file(pdf)
        seconds = time.perf_counter() - started
    return home, pdf, result, seconds


def test_a_scanned_issue_has_the_structure_of_the_printed_one(sample, scanned_home):
    home, _pdf, result, seconds = scanned_home
    assert result.status is ImportStatus.IMPORTED, result.message
    assert (result.ocr_pages, result.ocr_recognised) == (sample.truth["page_count"], sample.truth["page_count"])
    with Archive(home) as archive:
        info = archive.issue(result.issue_id)
        assert (info.gazette, info.year, info.issue) == ("禾川市人民政府公报", 2024, 2)
        docs = archive.documents(result.issue_id)
        truth = sample.truth["documents"]
        titles = sum(1 for d in docs if any(compact(d.title) == compact(t["title"]) for t in truth))
        numbers = {d.doc_number_canonical for d in docs if d.doc_number_canonical}
        want = {canonical(t["doc_number"]) for t in truth if t["doc_number"]}
        assert len(docs) == len(truth) and titles >= 0.9 * len(truth) and numbers == want
        toc = archive.toc(result.issue_id)
        assert len(toc) == len(sample.truth["toc"]) and sum(1 for t in toc if t["document_id"]) == len(toc)
        assert all(d.ocr is not None and d.ocr > 0.9 for d in docs)
        # search and export work on it as on any document
        hit = archive.search("湿地保护与修复实施方案").hits[0]
        assert canonical(hit.doc_number) == "禾政发〔2024〕7号"  # OCR reads 〔〕 as [], the number is the same
        exported = archive.export(result.issue_id)["issues"][0]["documents"][0]
        assert exported["ocr"] is True and exported["ocr_confidence"] == docs[0].ocr
    print(f"scanned sample, {result.ocr_pages} pages: {seconds:.1f} s")


def test_pages_are_recognised_once(scanned_home, tmp_path):
    home, pdf, first, _ = scanned_home
    with Archive(home) as archive:
        archive.delete_issue(first.issue_id)
        again = archive.import_file(pdf)
        assert again.status is ImportStatus.IMPORTED and (again.ocr_pages, again.ocr_recognised) == (first.ocr_pages, 0)
        replaced = archive.import_file(pdf, replace=True)
        assert replaced.status is ImportStatus.UNCHANGED
        archive.reindex()
        assert archive.search("森林防火").total >= 1


def test_a_digital_issue_with_a_scanned_cover(sample, tmp_path):
    pdf = scan(sample.pdf, tmp_path / "cover-scanned.pdf", only=(0,))
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(pdf)
        assert (result.ocr_pages, result.ocr_recognised) == (1, 1)
        info = archive.issue(result.issue_id)
        assert (info.year, info.issue, info.total_issue) == (2024, 2, 31)  # read from the scanned cover
        assert [d.title for d in archive.documents(result.issue_id)] == [t["title"] for t in sample.truth["documents"]]
        assert all(d.ocr is None for d in archive.documents(result.issue_id))  # the documents are on digital pages


def test_a_page_turned_upside_down_reads_upright_and_a_blank_page_has_no_lines(sample):
    import pymupdf

    from reader.sources.ocr import recognise_image, render_grey

    with pymupdf.open(scan(sample.pdf, Path(sample.pdf).with_name("turned.pdf"), dpi=150, turned=(3,))) as doc:
        result = recognise_image(render_grey(doc[3]), 595, 842)
    assert result.turns == 2 and result.confidence > 0.9
    assert any("湿地" in line.text for line in result.lines)
    import numpy as np

    assert recognise_image(np.full((400, 300), 250, dtype=np.uint8), 595, 842).lines == []


def test_bad_scans_cancel_and_a_missing_engine_change_nothing(sample, tmp_path):
    home = tmp_path / "home"
    with Archive(home) as archive:
        empty = archive.import_file(blank(tmp_path / "blank.pdf"))
        assert empty.reason is Reason.NOTHING_READABLE and "nothing readable" in empty.message
        pdf = scan(sample.pdf, tmp_path / "scan.pdf", dpi=150)
        cancelled = archive.import_file(pdf, cancelled=lambda: True)
        assert cancelled.status is ImportStatus.FAILED and cancelled.reason is Reason.CANCELLED
        refused = archive.import_file(pdf, ocr=False)
        assert refused.reason is Reason.SCANNED
        assert archive.issues() == []
    script = ("import sys; sys.modules['rapidocr_onnxruntime'] = None\n"
              "from reader.archive import Archive\n"
              f"r = Archive(r'{home}').import_file(r'{pdf}')\n"
              "print(r.reason, r.message)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.startswith("ocr-missing ") and "pip install 'gazette-reader[ocr]'" in out.stdout


def test_the_cli_prints_progress_per_page_and_no_ocr_refuses(sample, tmp_path):
    pdf = scan(sample.pdf, tmp_path / "scan.pdf", dpi=150, only=(0, 1))
    home = tmp_path / "home"
    refused = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "import", "--no-ocr",
                              str(blank(tmp_path / "b.pdf"))], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "no text layer: this PDF is a scan" in refused.stdout
    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "import", str(pdf)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "recognising page 1/2: scan.pdf" in out.stderr and "recognising page 2/2: scan.pdf" in out.stderr
    data = json.loads(subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "export-json"],
                                     capture_output=True, text=True, check=True).stdout)
    assert all(d["ocr"] is False for d in data["issues"][0]["documents"])


def test_the_import_dialog_shows_pages_recognised_and_cancel_leaves_the_archive_unchanged(qtbot, sample, tmp_path,
                                                                                       open_window):
    pytest.importorskip("PySide6")
    pdf = scan(sample.pdf, tmp_path / "scan.pdf", dpi=150)
    w = open_window(tmp_path / "home")
    dialog = w.imports.start([pdf])
    qtbot.waitUntil(lambda: dialog.label.text() == "正在识别扫描页 1/9：scan.pdf", timeout=120000)
    qtbot.waitUntil(lambda: dialog.label.text() == "正在识别扫描页 2/9：scan.pdf", timeout=120000)
    dialog.cancel_button.click()  # cancel while pages are recognised
    qtbot.waitUntil(lambda: not dialog.running, timeout=120000)
    assert dialog.list.item(0).text() == "失败: scan.pdf — 已取消：此文件没有导入任何内容。"
    assert w.archive.issues() == []
