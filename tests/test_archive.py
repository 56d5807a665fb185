"""The archive: import all or nothing, idempotent re-import, stable ids, refusal without --replace, bad input."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pymupdf

from reader.archive import Archive
from reader.sample import build_sample


def _snapshot(home: Path) -> list:
    con = sqlite3.connect(home / "archive.db")
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("issues", "toc", "documents")]
    finally:
        con.close()


def test_import_pdf_stores_structure_and_a_copy(sample, data_dir):
    with Archive(data_dir) as archive:
        result = archive.import_file(sample.pdf)
        assert result.status == "imported", result.message
        [info] = archive.issues()
        assert (info.gazette, info.year, info.issue, info.total_issue) == ("禾川市人民政府公报", 2024, 2, 31)
        assert info.document_count == len(sample.truth["documents"])
        stored = archive.source_path(info.id)
        assert stored.read_bytes() == sample.pdf.read_bytes()
        export = archive.export()["issues"][0]
        assert export["source"]["kind"] == "pdf" and export["source"]["pages"] == sample.truth["page_count"]
        assert all(t["document_id"] for t in export["toc"])


def test_identical_file_is_unchanged_and_changes_nothing(sample, data_dir):
    with Archive(data_dir) as archive:
        archive.import_file(sample.pdf)
        before = _snapshot(data_dir)
        again = archive.import_file(sample.pdf)
    assert again.status == "unchanged" and "already in the archive" in again.message
    assert _snapshot(data_dir) == before


def test_other_file_for_same_issue_needs_replace_and_keeps_ids(sample, data_dir):
    with Archive(data_dir) as archive:
        first = archive.import_file(sample.pdf)
        ids = [d.id for d in archive.documents(first.issue_id)]
        before = _snapshot(data_dir)
        refused = archive.import_file(sample.text)
        assert refused.status == "failed" and "--replace" in refused.message
        assert _snapshot(data_dir) == before
        replaced = archive.import_file(sample.text, replace=True)
        assert replaced.status == "replaced" and replaced.issue_id == first.issue_id
        assert [d.id for d in archive.documents(first.issue_id)] == ids
        assert archive.issue(first.issue_id).source_kind == "text"
        # the text export is there, and the replaced PDF stays as the issue's original pages (and says so)
        assert sorted(p.suffix for p in (data_dir / "files").iterdir()) == [".pdf", ".txt"]
        assert replaced.warnings[-1] == "the original pages of the replaced PDF are kept for the page view"
        pages = archive.open_pages(first.issue_id)
        assert pages is not None and pages.count == sample.truth["page_count"]
        pages.close()
        # replacing it with the PDF again drops nothing twice; deleting the issue removes both copies
        assert archive.import_file(sample.pdf, replace=True).status == "replaced"
        assert sorted(p.suffix for p in (data_dir / "files").iterdir()) == [".pdf"]
        archive.delete_issue(first.issue_id)
        assert list((data_dir / "files").iterdir()) == []


def test_ids_are_stable_across_delete_and_reimport(sample, data_dir):
    with Archive(data_dir) as archive:
        issue_id = archive.import_file(sample.pdf).issue_id
        ids = [d.id for d in archive.documents(issue_id)]
        archive.delete_issue(issue_id)
        assert archive.issues() == []
        assert archive.import_file(sample.pdf).issue_id == issue_id
        assert [d.id for d in archive.documents(issue_id)] == ids


def _bad_pdfs(sample, folder: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir()
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    truncated = folder / "truncated.pdf"
    data = sample.pdf.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    encrypted = folder / "encrypted.pdf"
    doc = pymupdf.open(sample.pdf)
    doc.save(encrypted, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    scanned = folder / "scanned.pdf"
    scan = pymupdf.open()
    for page in list(doc)[:2]:
        pix = page.get_pixmap(dpi=50)
        new = scan.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, pixmap=pix)
    scan.save(scanned)
    doc.close()
    notes = folder / "notes.txt"
    notes.write_text("会议记录\n今天讨论了工作安排。\n", encoding="utf-8")
    return {
        "empty": (empty, "the file is empty"),
        "truncated": (truncated, "damaged or truncated PDF"),
        "encrypted": (encrypted, "encrypted; give its password with --password"),
        "scanned": (scanned, "no text layer: this PDF is a scan"),
        "not a gazette": (notes, "not a gazette issue"),
        "missing": (folder / "nope.pdf", "no such file"),
    }


def test_bad_input_fails_with_a_specific_message_and_changes_nothing(sample, data_dir, tmp_path):
    bad = _bad_pdfs(sample, tmp_path / "bad")
    with Archive(data_dir) as archive:
        archive.import_file(build_sample(tmp_path / "other", year=2023, issue=5).pdf)
        before = _snapshot(data_dir)
        files_before = sorted((data_dir / "files").iterdir())
        for name, (path, reason) in bad.items():
            result = archive.import_file(path, ocr=False)  # import --no-ocr: a scan is refused as before
            assert result.status == "failed", name
            assert reason in result.message and str(path) in result.message, (name, result.message)
        wrong = archive.import_file(bad["encrypted"][0], password="nope")
        assert "wrong password" in wrong.message
    assert _snapshot(data_dir) == before
    assert sorted((data_dir / "files").iterdir()) == files_before


def test_encrypted_pdf_imports_with_its_password(sample, data_dir, tmp_path):
    encrypted = _bad_pdfs(sample, tmp_path / "bad")["encrypted"][0]
    with Archive(data_dir) as archive:
        result = archive.import_file(encrypted, password="secret")
        assert result.status == "imported" and len(archive.documents(result.issue_id)) == 6


def test_a_failure_inside_the_transaction_leaves_no_trace(sample, data_dir, monkeypatch):
    from sqlite_utils.db import Table

    real = Table.insert_all

    def crash(self, rows, **kw):
        if self.name != "documents":
            return real(self, rows, **kw)
        real(self, list(rows)[:2], **kw)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Table, "insert_all", crash)
    with Archive(data_dir) as archive:
        result = archive.import_file(sample.pdf)
        assert result.status == "failed" and "No space left" in result.message
    assert _snapshot(data_dir) == [[], [], []]
    assert not any((data_dir / "files").iterdir())


def test_killing_an_import_midway_leaves_whole_issues_only(tmp_path, data_dir):
    files = [build_sample(tmp_path / "many", year=2000 + k, issue=1, scale=3, stem=f"s{k}").pdf for k in range(6)]
    cmd = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "import", *map(str, files)]
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        con = sqlite3.connect(data_dir / "archive.db")
        if not con.execute("SELECT name FROM sqlite_master WHERE name = 'issues'").fetchone():
            con.close()
            continue  # killed before the archive was created (a loaded machine)
        counts = con.execute("SELECT i.id, (SELECT COUNT(*) FROM documents d WHERE d.issue_id = i.id), "
                             "(SELECT COUNT(*) FROM toc t WHERE t.issue_id = i.id) FROM issues i").fetchall()
        con.close()
        assert all(docs == 6 and toc == 6 for _, docs, toc in counts), counts
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    with Archive(data_dir) as archive:
        assert len(archive.issues()) == 6
