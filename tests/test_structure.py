"""The core's door and its owners: what the window may import, typed outcomes, one citation, migrations."""

from __future__ import annotations

import ast
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from reader.archive import Archive, ImportStatus, Reason
from reader.citation_label import Citation, issue_label, title_marks
from reader.cli import build_parser
from reader.errors import GazetteError, SchemaTooNewError
from reader.notes.store import UserStore

ROOT = Path(__file__).resolve().parent.parent


def _core_imports(path: Path) -> set[str]:
    """The reader.* modules a file imports, other than reader.ui.*."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        found |= {n for n in names if n == "reader" or (n.startswith("reader.") and not n.startswith("reader.ui"))}
    return found


def test_the_window_imports_the_core_only_through_the_archive():
    files = sorted((ROOT / "reader" / "ui").glob("*.py"))
    assert len(files) >= 20
    offenders = {f.name: _core_imports(f) - {"reader.archive"} for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_never_imports_qt():
    core = [f for f in (ROOT / "reader").rglob("*.py") if "ui" not in f.relative_to(ROOT / "reader").parts]
    assert [f.name for f in core if re.search(r"^\s*(from|import) PySide6", f.read_text(encoding="utf-8"), re.M)] == []


def test_no_module_over_400_lines():
    sizes = {str(f.relative_to(ROOT)): len(f.read_text(encoding="utf-8").splitlines())
             for f in (ROOT / "reader").rglob("*.py")}
    assert {k: v for k, v in sizes.items() if v > 400} == {}


def test_issue_label_and_citation_with_missing_parts():
    assert issue_label(2023, 1, 23) == "2023年第1期 (总第23期)"
    assert issue_label(2023, None) == "2023年"
    assert issue_label(None, None, fallback="scan.pdf") == "scan.pdf"
    full = Citation(gazette="青城市人民政府公报", year=2023, issue=1, title="关于印发《办法》的通知",
                    doc_number="青政发〔2023〕1号", page=5)
    assert full.text() == "《关于印发〈办法〉的通知》（青政发〔2023〕1号），青城市人民政府公报2023年第1期第5页"
    no_issue = Citation(gazette="青城市人民政府公报", year=2023, title="通知")
    assert no_issue.text() == "《通知》，青城市人民政府公报2023年"
    assert Citation(title="通知").text() == "《通知》"
    assert "None" not in no_issue.text() + Citation(gazette="某公报").text()
    assert title_marks("《已有书名号》") == "《已有书名号》"


def test_import_outcomes_are_typed(sample, tmp_path):
    encrypted = tmp_path / "encrypted.pdf"
    with pymupdf.open(sample.pdf) as doc:
        doc.save(encrypted, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    changed = tmp_path / "changed.txt"
    changed.write_text(sample.text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with Archive(tmp_path / "home") as archive:
        outcomes = [archive.import_file(p) for p in (encrypted, empty, sample.pdf, sample.pdf, changed)]
        assert [(r.status, r.reason) for r in outcomes] == [
            (ImportStatus.FAILED, Reason.NEEDS_PASSWORD), (ImportStatus.FAILED, Reason.EMPTY),
            (ImportStatus.IMPORTED, None), (ImportStatus.UNCHANGED, None), (ImportStatus.FAILED, Reason.NEEDS_REPLACE)]
        assert str(outcomes[0].status) == "failed" and str(outcomes[0].reason) == "needs-password"
        wrong = archive.import_file(encrypted, password="nope")
        assert wrong.reason is Reason.WRONG_PASSWORD and wrong.message.startswith(str(encrypted))


def test_encrypted_pdf_pages_open_with_the_stored_password(sample, tmp_path):
    encrypted = tmp_path / "encrypted.pdf"
    with pymupdf.open(sample.pdf) as doc:
        doc.save(encrypted, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with Archive(tmp_path / "home") as archive:
        issue = archive.import_file(encrypted, password="secret").issue_id
        pdf = archive.open_source_pdf(issue)
        assert pdf.page_count == sample.truth["page_count"] and "禾川市" in pdf[0].get_text()
        pdf.close()
        text_issue = archive.import_file(sample.text, replace=True).issue_id
        kept = archive.open_source_pdf(issue)  # the text export replaced it: the PDF stays, still unlocked
        assert text_issue == issue and kept.page_count == sample.truth["page_count"] and "禾川市" in kept[0].get_text()
        kept.close()


def test_a_data_home_from_a_newer_version_is_refused_by_name(sample, tmp_path):
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(sample.text).ok
    con = sqlite3.connect(home / "archive.db")
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError) as caught:
        Archive(home)
    assert isinstance(caught.value, GazetteError) and caught.value.reason is Reason.SCHEMA_TOO_NEW
    assert str(caught.value).startswith(f"{home / 'archive.db'}: this archive was written by a newer Gazette Reader")
    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "list"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "sqlite3.Connection" not in out.stderr
    assert out.stderr.startswith(f"error: {home / 'archive.db'}: this archive was written by a newer Gazette Reader")


def test_a_notes_file_from_a_newer_version_is_refused_and_kept(tmp_path):
    path = tmp_path / "user.db"
    UserStore(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match="this notes file was written by a newer Gazette Reader"):
        UserStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 7


def _readme_synopsis() -> dict[str, set[str]]:
    """README's command-line synopsis: command words -> the options it names."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("Also `python -m reader", 1)[0]
    out: dict[str, set[str]] = {}
    for line in block.splitlines():
        line = line.strip()
        if not line.startswith("gazette-reader [--data-dir DIR]"):
            continue
        rest = line.removeprefix("gazette-reader [--data-dir DIR]").strip()
        if "[gui" in rest:  # the window: gazette-reader [--lang zh_CN|en] [gui [--new-window] [FILE…]]
            out["gui"] = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest))
            continue
        words = re.match(r"(?:[a-z][a-z-]*\s*)+", rest).group(0).split()  # type: ignore[union-attr]
        options = rest[len(" ".join(words)):]
        out[" ".join(words)] = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", options))
    return out


def _parser_synopsis() -> dict[str, set[str]]:
    """The same from argparse: every command (and sub-action) with its options."""
    import argparse

    out: dict[str, set[str]] = {}

    def visit(parser: argparse.ArgumentParser, words: list[str]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if words and not subs:
            # each option once, by its first spelling (-o for -o/--output)
            out[" ".join(words)] = {a.option_strings[0] for a in parser._actions if a.help != argparse.SUPPRESS
                                    and a.option_strings and a.option_strings[0] not in ("-h", "--help")}
        for sub in subs:
            for name, child in sub.choices.items():
                visit(child, [*words, name])

    visit(build_parser(), [])
    out["gui"] |= {"--lang"}
    return out


def test_readme_synopsis_matches_the_help():
    assert _readme_synopsis() == _parser_synopsis()
    top = {o for a in build_parser()._actions for o in a.option_strings}
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {"--self-test", "--version", "--data-dir", "--lang"} <= top
    assert "gazette-reader --self-test | --version" in text
